"""The unfamiliar returned forms, as plain data, each with the outcome a careful officer reads from it.

Every figure in an `expect` was worked out by hand from the rows written beside it (totals rows were added
up by hand too); nothing here comes from running the ETL. Unit names are real units of the map in force
that year, from the official lists in `vietnamadminunits` (the old 63-province map before 1/7/2025, the
34 provinces and 3,321 communes from the 2025 week on).
"""

from __future__ import annotations

import unicodedata

from .expect import (
    CLASS,
    CLASS_OR_ONLINE,
    COMM,
    CONTEST,
    ONLINE,
    OPEN,
    PRAISE,
    READ,
    SEMINAR,
    TRAIN,
    VISIT,
    Form,
    Loaded,
    Rejected,
    U,
)
from .files import Csv, Sheet, Xls, Xlsx

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def letterhead(upper: str, lower: str, motto_column: int = 4) -> list[list]:
    """The two letterhead lines: the issuing body on the left, the national motto on the right."""
    pad = [None] * (motto_column - 1)
    return [[upper, *pad, MOTTO[0]], [lower, *pad, MOTTO[1]]]


def decomposed(rows: list[list]) -> list[list]:
    """The same rows typed on a system that stores Vietnamese decomposed (NFD): 'ư' + combining marks."""
    return [[unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in row] for row in rows]


FORMS: list[Form] = []


def form(*args, **kwargs) -> Form:
    FORMS.append(Form(*args, **kwargs))
    return FORMS[-1]


# --- 1. Unit columns in any wording -----------------------------------------------------------------------------

form("p1_ten_phuong", "1", "'Tên phường' header, ward names without their type word, one header row",
     "TamKy_TuanLeHTSD_2022.xlsx",
     Xlsx((Sheet("Tong hop phuong", [
         *letterhead("UBND THÀNH PHỐ TAM KỲ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 6),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
         ["(Kèm theo Báo cáo số 215/BC-PGDĐT ngày 21/10/2022 của Phòng GDĐT thành phố Tam Kỳ, tỉnh Quảng Nam)"],
         [],
         ["STT", "Tên phường", "Lễ phát động (buổi)", "Người dự lễ phát động", "Tin bài, băng rôn tuyên truyền",
          "Lớp chuyên đề", "Học viên lớp chuyên đề", "Ngân sách (đồng)", "Xã hội hóa (đồng)"],
         [1, "An Mỹ", 1, 180, 12, 2, 65, 3500000, 1000000],
         [2, "Hòa Hương", 1, 150, 8, 1, 40, 2000000, 0],
         [3, "An Xuân", 1, 210, 15, 3, 90, 4000000, 1500000],
         [4, "Trường Xuân", 1, 120, 6, None, None, 1500000, None],
         [None, "Cộng", 4, 660, 41, 6, 195, 11000000, 2500000],
     ], ("A4:I4", "A5:I5")),)),
     Loaded(2022, "48", (
         U("Phường An Mỹ", {OPEN: (1, 180), COMM: (12, 0), CLASS: (2, 65)}, (3_500_000, 1_000_000)),
         U("Phường Hòa Hương", {OPEN: (1, 150), COMM: (8, 0), CLASS: (1, 40)}, (2_000_000, 0)),
         U("Phường An Xuân", {OPEN: (1, 210), COMM: (15, 0), CLASS: (3, 90)}, (4_000_000, 1_500_000)),
         U("Phường Trường Xuân", {OPEN: (1, 120), COMM: (6, 0)}, (1_500_000, 0)),
     )))

form("p1_xa_thi_tran", "1", "'Xã, thị trấn' header (the 'thị' of thị trấn is not the 'thi' of a contest), "
     "'TT.' abbreviation, a name without type, CSV UTF-8 with BOM",
     "BaoThang_ket_qua_tuan_le_2021.csv",
     Csv([
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 - HUYỆN BẢO THẮNG, TỈNH LÀO CAI"],
         [],
         ["TT", "Xã, thị trấn", "Số buổi khai mạc", "Số người dự khai mạc", "Số hội thi", "Số người dự thi",
          "Số lớp tập huấn kỹ năng số", "Số người được tập huấn", "Kinh phí NSNN (đồng)", "Kinh phí XHH (đồng)"],
         [1, "TT. Phố Lu", 1, 320, 2, 140, 3, 95, "6.000.000", "2.000.000"],
         [2, "Thị trấn Tằng Loỏng", 1, 250, 1, 60, 2, 70, "4.500.000", "0"],
         [3, "Xã Xuân Quang", 1, 180, 1, 45, None, None, "3.000.000", "500.000"],
         [4, "Xã Sơn Hải", 1, 140, None, None, 1, 30, "2.000.000", None],
         [5, "Phong Niên", 1, 160, 1, 52, 1, 25, "2.500.000", "1.000.000"],
         [None, "Tổng cộng", 5, 1050, 5, 297, 7, 220, "18.000.000", "3.500.000"],
     ]),
     Loaded(2021, "15", (
         U("Thị trấn Phố Lu", {OPEN: (1, 320), CONTEST: (2, 140), TRAIN: (3, 95)}, (6_000_000, 2_000_000)),
         U("Thị trấn Tằng Loỏng", {OPEN: (1, 250), CONTEST: (1, 60), TRAIN: (2, 70)}, (4_500_000, 0)),
         U("Xã Xuân Quang", {OPEN: (1, 180), CONTEST: (1, 45)}, (3_000_000, 500_000)),
         U("Xã Sơn Hải", {OPEN: (1, 140), TRAIN: (1, 30)}, (2_000_000, 0)),
         U("Xã Phong Niên", {OPEN: (1, 160), CONTEST: (1, 52), TRAIN: (1, 25)}, (2_500_000, 1_000_000)),
     )))

form("p1_don_vi_bao_cao", "1", "'Đơn vị báo cáo' header over districts ('TP.', 'H.'), two-row merged header "
     "with two-activity group names, Excel 97-2003",
     "DakLak_TongHop_HTSD_2024.xls",
     Xls((Sheet("Sheet1", [
         *letterhead("UBND TỈNH ĐẮK LẮK", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BẢNG TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         [],
         ["STT", "Đơn vị báo cáo", "Hội thảo, tọa đàm", None, "Triển lãm, trưng bày sách", None],
         [None, None, "Số cuộc", "Số người", "Số cuộc", "Lượt người"],
         [1, "TP. Buôn Ma Thuột", 4, 520, 6, 3400],
         [2, "H. Krông Pắc", 2, 180, 3, 950],
         [3, "Huyện Lắk", 1, 75, 2, 400],
         [4, "Huyện Ea Kar", 2, 210, 1, 600],
         [5, "Huyện Krông Bông", 1, 90, None, None],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2024, "66", (
         U("Thành phố Buôn Ma Thuột", {SEMINAR: (4, 520), READ: (6, 3400)}),
         U("Huyện Krông Pắc", {SEMINAR: (2, 180), READ: (3, 950)}),
         U("Huyện Lắk", {SEMINAR: (1, 75), READ: (2, 400)}),
         U("Huyện Ea Kar", {SEMINAR: (2, 210), READ: (1, 600)}),
         U("Huyện Krông Bông", {SEMINAR: (1, 90)}),
     )))

form("p1_unknown_header", "1", "unit column headed 'Địa bàn' (in no list): its values are district names; a "
     "note column holding '2 lớp' in words",
     "LongAn_2020_tuan_le_hoc_tap.xlsx",
     Xlsx((Sheet("BC", [
         *letterhead("UBND TỈNH LONG AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020"],
         [],
         ["Số TT", "Địa bàn", "Lễ khai mạc", "Số người tham dự khai mạc", "Số lớp học", "Số học viên", "Ghi chú"],
         [1, "Thành phố Tân An", 1, 600, 8, 240, "Tổ chức tại TTHTCĐ"],
         [2, "Huyện Bến Lức", 1, 420, 5, 150, None],
         [3, "Huyện Cần Giuộc", 1, 380, 6, 175, "Có 2 lớp tin học"],
         [4, "Huyện Đức Hòa", 1, 450, 7, 210, None],
         [5, "Huyện Thủ Thừa", 1, 300, 4, 120, None],
         [None, "Tổng", 5, 2150, 30, 895, None],
     ], ("A4:G4",)),)),
     Loaded(2020, "80", (
         U("Thành phố Tân An", {OPEN: (1, 600), CLASS: (8, 240)}),
         U("Huyện Bến Lức", {OPEN: (1, 420), CLASS: (5, 150)}),
         U("Huyện Cần Giuộc", {OPEN: (1, 380), CLASS: (6, 175)}),
         U("Huyện Đức Hòa", {OPEN: (1, 450), CLASS: (7, 210)}),
         U("Huyện Thủ Thừa", {OPEN: (1, 300), CLASS: (4, 120)}),
     )))

form("p1_ten_xa_cp1258", "1", "'Tên xã' header whose values have no type word (two are thị trấn), CSV in "
     "Windows-1258 with ';', amounts in nghìn đồng in the header",
     "PhuCat_BinhDinh_2023.csv",
     Csv([
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HỌC TẬP SUỐT ĐỜI NĂM 2023 - HUYỆN PHÙ CÁT (TỈNH BÌNH ĐỊNH)"],
         ["STT", "Tên xã", "Tuyên truyền (lượt)", "Cuộc thi (số cuộc)", "Người dự thi",
          "Đọc sách, tặng sách (số buổi)", "Người tham gia đọc sách", "NSNN (nghìn đồng)", "XHH (nghìn đồng)"],
         [1, "Ngô Mây", 20, 1, 85, 2, 160, "5.000", "2.000"],
         [2, "Cát Sơn", 6, 1, 40, 1, 55, "1.500", "0"],
         [3, "Cát Minh", 8, "-", "-", 1, 70, "2.000", "500"],
         [4, "Cát Tài", 5, 1, 35, "-", "-", "1.200", "-"],
         [5, "Cát Khánh", 10, 2, 90, 1, 80, "3.000", "1.000"],
         ["", "Tổng cộng", 49, 5, 250, 5, 365, "12.700", "3.500"],
     ], encoding="cp1258", delimiter=";"),
     Loaded(2023, "52", (
         U("Thị trấn Ngô Mây", {COMM: (20, 0), CONTEST: (1, 85), READ: (2, 160)}, (5_000_000, 2_000_000)),
         U("Xã Cát Sơn", {COMM: (6, 0), CONTEST: (1, 40), READ: (1, 55)}, (1_500_000, 0)),
         U("Xã Cát Minh", {COMM: (8, 0), READ: (1, 70)}, (2_000_000, 500_000)),
         U("Xã Cát Tài", {COMM: (5, 0), CONTEST: (1, 35)}, (1_200_000, 0)),
         U("Thị trấn Cát Khánh", {COMM: (10, 0), CONTEST: (2, 90), READ: (1, 80)}, (3_000_000, 1_000_000)),
     )))

# --- 2. Rows that are not units ---------------------------------------------------------------------------------

form("p2_cap_huyen_cap_xa", "2", "group rows 'A. CẤP HUYỆN' / 'B. CẤP XÃ, THỊ TRẤN' carrying subtotals, "
     "agencies under the first, grand total, 'Nơi nhận' and signature under the table",
     "TanYen_BC_TuanLe_2020.xlsx",
     Xlsx((Sheet("Bieu tong hop", [
         *letterhead("UBND HUYỆN TÂN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 6),
         [],
         ["BIỂU TỔNG HỢP SỐ LIỆU TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020"],
         ["Huyện Tân Yên, tỉnh Bắc Giang"],
         ["TT", "Đơn vị", "Lễ khai mạc, phát động", None, "Hội thảo, tọa đàm", None, "Tham quan di tích", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người", "Số buổi", "Số người"],
         ["A", "CẤP HUYỆN", 1, 500, 2, 150, 1, 60],
         [1, "Phòng Giáo dục và Đào tạo", 1, 500, 1, 90, None, None],
         [2, "Trung tâm GDNN - GDTX huyện Tân Yên", None, None, 1, 60, 1, 60],
         ["B", "CẤP XÃ, THỊ TRẤN", 4, 1210, 3, 205, 2, 95],
         [1, "Thị trấn Nhã Nam", 1, 350, 1, 80, 1, 45],
         [2, "Thị trấn Cao Thượng", 1, 400, 1, 75, None, None],
         [3, "Xã Ngọc Châu", 1, 220, None, None, 1, 50],
         [4, "Xã Việt Lập", 1, 240, 1, 50, None, None],
         [None, "TỔNG CỘNG", 5, 1710, 5, 355, 3, 155],
         [],
         [None, None, None, None, None, "Tân Yên, ngày 22 tháng 10 năm 2020"],
         ["Nơi nhận:", None, None, None, None, "TRƯỞNG PHÒNG"],
         ["- Sở GD&ĐT Bắc Giang;"],
         ["- Lưu: VT."],
         [None, None, None, None, None, "Nguyễn Văn Hùng"],
     ], ("A4:H4", "A5:H5", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:H6")),)),
     Loaded(2020, "24", (
         U("Phòng Giáo dục và Đào tạo", {OPEN: (1, 500), SEMINAR: (1, 90)}),
         U("Trung tâm GDNN - GDTX huyện Tân Yên", {SEMINAR: (1, 60), VISIT: (1, 60)}),
         U("Thị trấn Nhã Nam", {OPEN: (1, 350), SEMINAR: (1, 80), VISIT: (1, 45)}),
         U("Thị trấn Cao Thượng", {OPEN: (1, 400), SEMINAR: (1, 75)}),
         U("Xã Ngọc Châu", {OPEN: (1, 220), VISIT: (1, 50)}),
         U("Xã Việt Lập", {OPEN: (1, 240), SEMINAR: (1, 50)}),
     )))

form("p2_cong_huyen", "2", "'Cộng huyện X' subtotal rows after each district's communes, a blank row, "
     "'Tổng cộng toàn tỉnh', a 'Ghi chú' line under the table",
     "SocTrang_2023_HTSD_cap_xa.xlsx",
     Xlsx((Sheet("Tổng hợp", [
         *letterhead("UBND TỈNH SÓC TRĂNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 6),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HỌC TẬP SUỐT ĐỜI NĂM 2023 CỦA CÁC XÃ, THỊ TRẤN"],
         [],
         ["STT", "Đơn vị", "Số lớp", "Số học viên", "Số cuộc thi, sân chơi", "Số người dự thi",
          "Kinh phí NSNN (đồng)", "Kinh phí XHH (đồng)"],
         [1, "Thị trấn Kế Sách", 3, 90, 1, 120, 4000000, 1000000],
         [2, "Xã Ba Trinh", 2, 60, 1, 80, 2500000, 0],
         [3, "Xã Kế Thành", 1, 35, None, None, 1000000, 500000],
         [None, "Cộng huyện Kế Sách", 6, 185, 2, 200, 7500000, 1500000],
         [],
         [4, "Thị trấn Huỳnh Hữu Nghĩa", 2, 70, 1, 150, 3000000, 2000000],
         [5, "Xã Mỹ Hương", 1, 30, 1, 60, 1500000, 0],
         [6, "Xã Long Hưng", 2, 55, None, None, 2000000, 700000],
         [None, "Cộng huyện Mỹ Tú", 5, 155, 2, 210, 6500000, 2700000],
         [None, "Tổng cộng toàn tỉnh", 11, 340, 4, 410, 14000000, 4200000],
         [],
         ["Ghi chú: huyện Châu Thành, huyện Long Phú chưa gửi báo cáo (02 đơn vị)."],
     ], ("A4:H4",)),)),
     Loaded(2023, "92", (
         U("Thị trấn Kế Sách", {CLASS: (3, 90), CONTEST: (1, 120)}, (4_000_000, 1_000_000)),
         U("Xã Ba Trinh", {CLASS: (2, 60), CONTEST: (1, 80)}, (2_500_000, 0)),
         U("Xã Kế Thành", {CLASS: (1, 35)}, (1_000_000, 500_000)),
         U("Thị trấn Huỳnh Hữu Nghĩa", {CLASS: (2, 70), CONTEST: (1, 150)}, (3_000_000, 2_000_000)),
         U("Xã Mỹ Hương", {CLASS: (1, 30), CONTEST: (1, 60)}, (1_500_000, 0)),
         U("Xã Long Hưng", {CLASS: (2, 55)}, (2_000_000, 700_000)),
     )))

form("p2_notes_and_signatures", "2", "blank row inside the table, a 'Ghi chú' column with numbers in words, "
     "a 'Ghi chú:' line, 'Người lập biểu' and 'Thủ trưởng đơn vị' in two columns; two communication columns",
     "KrongPac_2019.xlsx",
     Xlsx((Sheet("KQ Tuan le", [
         *letterhead("UBND HUYỆN KRÔNG PẮC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2019 - HUYỆN KRÔNG PẮC, TỈNH ĐẮK LẮK"],
         [],
         ["STT", "Tên xã, thị trấn", "Tuyên truyền", None, "Lớp học", None, "Ghi chú"],
         [None, None, "Băng rôn, khẩu hiệu", "Tin bài", "Số lớp", "Số học viên", None],
         [1, "Thị trấn Phước An", 12, 5, 4, 120, "Lớp tin học"],
         [2, "Xã Ea Kly", 6, 2, 2, 60, None],
         [],
         [3, "Xã Ea Phê", 8, 3, 3, 95, "Có 1 lớp xóa mù chữ"],
         [4, "Xã Hòa An", 5, 1, 1, 30, None],
         [5, "Xã Tân Tiến", 4, 2, 2, 55, None],
         [None, "Cộng", 35, 13, 12, 360, None],
         ["Ghi chú: 02 xã chưa báo cáo (Ea Yiêng, Vụ Bổn)."],
         [],
         [None, "Người lập biểu", None, None, None, "Thủ trưởng đơn vị"],
         [None, "(ký, ghi rõ họ tên)", None, None, None, "(ký tên, đóng dấu)"],
         [None, "H'Linh Niê", None, None, None, "Trần Quốc Bảo"],
     ], ("A4:G4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:G7")),)),
     Loaded(2019, "66", (
         U("Thị trấn Phước An", {COMM: (17, 0), CLASS: (4, 120)}),
         U("Xã Ea Kly", {COMM: (8, 0), CLASS: (2, 60)}),
         U("Xã Ea Phê", {COMM: (11, 0), CLASS: (3, 95)}),
         U("Xã Hòa An", {COMM: (6, 0), CLASS: (1, 30)}),
         U("Xã Tân Tiến", {COMM: (6, 0), CLASS: (2, 55)}),
     )))

# --- 3. Document context ----------------------------------------------------------------------------------------

form("p3_nghin_dong_line", "3", "'Đơn vị tính: nghìn đồng' on its own line above the table, at the right",
     "CamGiang_HaiDuong_2024.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN CẨM GIÀNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         ["(Huyện Cẩm Giàng, tỉnh Hải Dương)"],
         [None, None, None, None, None, None, "Đơn vị tính: nghìn đồng"],
         ["TT", "Xã, thị trấn", "Số hoạt động khai mạc", "Người tham dự", "Số buổi sinh hoạt văn hóa đọc",
          "Người tham gia", "Ngân sách nhà nước", "Xã hội hóa"],
         [1, "Thị trấn Lai Cách", 1, 300, 3, 210, 8500, 2000],
         [2, "Thị trấn Cẩm Giang", 1, 260, 2, 150, 6000, 1500],
         [3, "Xã Cẩm Hưng", 1, 180, 1, 90, 3200, 0],
         [4, "Xã Lương Điền", 1, 210, 2, 120, 4000, 800],
         [None, "Tổng", 4, 950, 8, 570, 21700, 4300],
     ], ("A4:H4", "A5:H5", "G6:H6")),)),
     Loaded(2024, "31", (
         U("Thị trấn Lai Cách", {OPEN: (1, 300), READ: (3, 210)}, (8_500_000, 2_000_000)),
         U("Thị trấn Cẩm Giang", {OPEN: (1, 260), READ: (2, 150)}, (6_000_000, 1_500_000)),
         U("Xã Cẩm Hưng", {OPEN: (1, 180), READ: (1, 90)}, (3_200_000, 0)),
         U("Xã Lương Điền", {OPEN: (1, 210), READ: (2, 120)}, (4_000_000, 800_000)),
     )))

form("p3_trieu_in_header_cell", "3", "'Kinh phí (ĐVT: triệu đồng)' as a merged group header over NSNN | XHH, "
     "decimal amounts", "HiepDuc_QuangNam_2021_HTSD.xlsx",
     Xlsx((Sheet("Biểu 01", [
         *letterhead("UBND HUYỆN HIỆP ĐỨC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BÁO CÁO SỐ LIỆU TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 - TỈNH QUẢNG NAM"],
         [],
         ["STT", "Đơn vị", "Tọa đàm, giao lưu", None, "Tham quan di tích", None, "Kinh phí (ĐVT: triệu đồng)",
          None],
         [None, None, "Số buổi", "Số người", "Số đợt", "Số người", "NSNN", "XHH"],
         [1, "Thị trấn Tân Bình", 2, 140, 1, 45, 3.5, 1],
         [2, "Xã Quế Thọ", 1, 60, 1, 30, 2, 0.5],
         [3, "Xã Bình Lâm", 1, 55, None, None, 1.5, None],
         [4, "Xã Sông Trà", 1, 40, 1, 25, 1.2, 0.3],
         [None, "Cộng", 5, 295, 3, 100, 8.2, 1.8],
     ], ("A4:H4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:H6")),)),
     Loaded(2021, "48", (
         U("Thị trấn Tân Bình", {SEMINAR: (2, 140), VISIT: (1, 45)}, (3_500_000, 1_000_000)),
         U("Xã Quế Thọ", {SEMINAR: (1, 60), VISIT: (1, 30)}, (2_000_000, 500_000)),
         U("Xã Bình Lâm", {SEMINAR: (1, 55)}, (1_500_000, 0)),
         U("Xã Sông Trà", {SEMINAR: (1, 40), VISIT: (1, 25)}, (1_200_000, 300_000)),
     )))

form("p3_sheet_per_district", "3", "summary sheet of districts with the province letterhead, then one sheet "
     "per district listing its communes without any province: each unit counted once (Thị xã Hoàng Mai has "
     "no sheet of its own)", "NgheAn_HTSD_2022_tong_hop.xlsx",
     Xlsx((
         Sheet("Tổng hợp", [
             *letterhead("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
             [],
             ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
             [],
             ["TT", "Đơn vị", "Lễ khai mạc", None, "Học tập trực tuyến", None],
             [None, None, "Số buổi", "Số người", "Số khóa học", "Lượt truy cập"],
             [1, "Huyện Yên Thành", 4, 930, 4, 2250],
             [2, "Huyện Nghi Lộc", 3, 610, 5, 2460],
             [3, "Thị xã Hoàng Mai", 1, 500, 2, 800],
             [None, "Toàn tỉnh", 8, 2040, 11, 5510],
         ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),
         Sheet("Yên Thành", [
             ["HUYỆN YÊN THÀNH"],
             ["TT", "Xã, thị trấn", "Lễ khai mạc", None, "Học tập trực tuyến", None],
             [None, None, "Số buổi", "Số người", "Số khóa học", "Lượt truy cập"],
             [1, "Thị trấn Hoa Thành", 1, 400, 2, 1500],
             [2, "Xã Mã Thành", 1, 150, 1, 300],
             [3, "Xã Đồng Thành", 1, 200, 1, 450],
             [4, "Xã Đông Thành", 1, 180, None, None],
             [None, "Cộng", 4, 930, 4, 2250],
         ], ("A2:A3", "B2:B3", "C2:D2", "E2:F2")),
         Sheet("Nghi Lộc", [
             ["HUYỆN NGHI LỘC"],
             ["TT", "Xã, thị trấn", "Lễ khai mạc", None, "Học tập trực tuyến", None],
             [None, None, "Số buổi", "Số người", "Số khóa học", "Lượt truy cập"],
             [1, "Thị trấn Quán Hành", 1, 350, 3, 2000],
             [2, "Xã Nghi Văn", 1, 120, 1, 200],
             [3, "Xã Nghi Vạn", 1, 140, 1, 260],
             [None, "Cộng", 3, 610, 5, 2460],
         ], ("A2:A3", "B2:B3", "C2:D2", "E2:F2")),
     )),
     Loaded(2022, "40", (
         U("Thị trấn Hoa Thành", {OPEN: (1, 400), ONLINE: (2, 1500)}),
         U("Xã Mã Thành", {OPEN: (1, 150), ONLINE: (1, 300)}),
         U("Xã Đồng Thành", {OPEN: (1, 200), ONLINE: (1, 450)}),
         U("Xã Đông Thành", {OPEN: (1, 180)}),
         U("Thị trấn Quán Hành", {OPEN: (1, 350), ONLINE: (3, 2000)}),
         U("Xã Nghi Văn", {OPEN: (1, 120), ONLINE: (1, 200)}),
         U("Xã Nghi Vạn", {OPEN: (1, 140), ONLINE: (1, 260)}),
         U("Thị xã Hoàng Mai", {OPEN: (1, 500), ONLINE: (2, 800)}),
     )))

# --- 4. Several tables on one sheet -----------------------------------------------------------------------------

form("p4_nguon_kinh_phi_table", "4", "single-unit form: activity table, then a second table "
     "'Nguồn kinh phí | Số tiền (đồng)' with its own total", "PhuNinh_BaoCao_2020.xlsx",
     Xlsx((Sheet("Báo cáo", [
         *letterhead("UBND HUYỆN PHÚ NINH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020"],
         ["Huyện Phú Ninh, tỉnh Quảng Nam"],
         [],
         ["I. CÁC HOẠT ĐỘNG ĐÃ TỔ CHỨC"],
         ["TT", "Nội dung hoạt động", "Số lượng", "Số người tham gia", "Ghi chú"],
         [1, "Lễ phát động Tuần lễ", 1, 450, None],
         [2, "Tuyên truyền trên hệ thống truyền thanh", 30, None, "tin, bài"],
         [3, "Hội thi \"Gia đình học tập\"", 2, 120, None],
         [4, "Lớp bồi dưỡng kiến thức pháp luật", 3, 105, None],
         [5, "Tuyên dương gia đình, dòng họ học tập tiêu biểu", 1, 60, None],
         [None, "Cộng", 37, 735, None],
         [],
         ["II. KINH PHÍ TỔ CHỨC"],
         ["TT", "Nguồn kinh phí", "Số tiền (đồng)"],
         [1, "Ngân sách nhà nước", 25000000],
         [2, "Xã hội hóa", 8000000],
         [None, "Tổng cộng", 33000000],
     ], ("A4:E4", "A5:E5")),)),
     Loaded(2020, "48", (
         U("Huyện Phú Ninh", {OPEN: (1, 450), COMM: (30, 0), CONTEST: (2, 120), CLASS: (3, 105),
                              PRAISE: (1, 60)}, (25_000_000, 8_000_000)),
     )))

# --- 6. Funding in sentences ------------------------------------------------------------------------------------

form("p6_trieu_sentence", "6", "single commune form: 'Tổng kinh phí 45 triệu đồng, trong đó ngân sách nhà "
     "nước 30 triệu, xã hội hóa 15 triệu đồng' under the activity table; no province written (Bảo Thắng is "
     "only in Lào Cai)", "GiaPhu_bao_cao_tuan_le_2024.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN BẢO THẮNG", "UBND XÃ GIA PHÚ", 4),
         [],
         ["BÁO CÁO"],
         ["Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024"],
         [],
         ["1. Các hoạt động"],
         ["STT", "Hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ khai mạc", 1, 300],
         [2, "Triển lãm sách", 1, 250],
         [3, "Lớp tin học cơ bản", 2, 48],
         [],
         ["2. Kinh phí"],
         ["Tổng kinh phí 45 triệu đồng, trong đó ngân sách nhà nước 30 triệu, xã hội hóa 15 triệu đồng."],
         [],
         [None, None, None, "Gia Phú, ngày 14 tháng 10 năm 2024"],
         [None, None, None, "TM. ỦY BAN NHÂN DÂN"],
         [None, None, None, "CHỦ TỊCH"],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2024, "15", (
         U("Xã Gia Phú", {OPEN: (1, 300), READ: (1, 250), CLASS: (2, 48)}, (30_000_000, 15_000_000)),
     )))

# --- Never silently wrong ---------------------------------------------------------------------------------------

form("nw_total_disagrees", "never wrong", "the form's own 'Tổng cộng' row states 2.450 participants where "
     "its rows add up to 2.405: loaded from the rows, with a warning naming both numbers",
     "TranYen_YenBai_2023.xlsx",
     Xlsx((Sheet("Tong hop", [
         *letterhead("UBND HUYỆN TRẤN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 - TỈNH YÊN BÁI"],
         [],
         ["STT", "Xã, thị trấn", "Số buổi khai mạc", "Số người tham gia khai mạc"],
         [1, "Thị trấn Cổ Phúc", 1, 650],
         [2, "Xã Báo Đáp", 1, 480],
         [3, "Xã Minh Quán", 1, 395],
         [4, "Xã Minh Quân", 1, 410],
         [5, "Xã Y Can", 1, 470],
         [None, "Tổng cộng", 5, 2450],
     ], ("A4:D4",)),)),
     Loaded(2023, "15", (
         U("Thị trấn Cổ Phúc", {OPEN: (1, 650)}),
         U("Xã Báo Đáp", {OPEN: (1, 480)}),
         U("Xã Minh Quán", {OPEN: (1, 395)}),
         U("Xã Minh Quân", {OPEN: (1, 410)}),
         U("Xã Y Can", {OPEN: (1, 470)}),
     ), warnings=((2450, 2405),)))


# --- 4. Several tables on one sheet (continued) -----------------------------------------------------------------

form("p4_bang2_theo_huyen", "4", "activities by district, then 'Bảng 2: Kinh phí tổ chức theo huyện' below it "
     "with its own header (NSNN | XHH | Tổng), districts in another order", "BinhDinh_TuanLeHTSD_2021.xlsx",
     Xlsx((Sheet("Tổng hợp", [
         *letterhead("UBND TỈNH BÌNH ĐỊNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021"],
         [],
         ["Bảng 1: Kết quả các hoạt động"],
         ["TT", "Huyện, thị xã, thành phố", "Lễ khai mạc", None, "Cuộc thi", None, "Tập huấn", None],
         [None, None, "Số lượng", "Số người", "Số cuộc", "Người dự thi", "Số lớp", "Người tham gia"],
         [1, "Thành phố Quy Nhơn", 1, 800, 3, 450, 4, 160],
         [2, "Thị xã An Nhơn", 1, 500, 2, 210, 2, 75],
         [3, "Huyện Tuy Phước", 1, 420, 1, 95, 1, 40],
         [4, "Huyện Tây Sơn", 1, 380, 2, 130, None, None],
         [5, "Huyện Phù Mỹ", 1, 350, 1, 70, 2, 66],
         [None, "Tổng cộng", 5, 2450, 9, 955, 9, 341],
         [],
         ["Bảng 2: Kinh phí tổ chức theo huyện (đơn vị: đồng)"],
         ["TT", "Đơn vị", "Ngân sách nhà nước", "Xã hội hóa", "Tổng"],
         [1, "Huyện Tây Sơn", 6000000, 1500000, 7500000],
         [2, "Thành phố Quy Nhơn", 20000000, 10000000, 30000000],
         [3, "Huyện Phù Mỹ", 5000000, 0, 5000000],
         [4, "Thị xã An Nhơn", 12000000, 3000000, 15000000],
         [5, "Huyện Tuy Phước", 7000000, 2000000, 9000000],
         [None, "Cộng", 50000000, 16500000, 66500000],
     ], ("A4:H4", "A7:A8", "B7:B8", "C7:D7", "E7:F7", "G7:H7")),)),
     Loaded(2021, "52", (
         U("Thành phố Quy Nhơn", {OPEN: (1, 800), CONTEST: (3, 450), TRAIN: (4, 160)}, (20_000_000, 10_000_000)),
         U("Thị xã An Nhơn", {OPEN: (1, 500), CONTEST: (2, 210), TRAIN: (2, 75)}, (12_000_000, 3_000_000)),
         U("Huyện Tuy Phước", {OPEN: (1, 420), CONTEST: (1, 95), TRAIN: (1, 40)}, (7_000_000, 2_000_000)),
         U("Huyện Tây Sơn", {OPEN: (1, 380), CONTEST: (2, 130)}, (6_000_000, 1_500_000)),
         U("Huyện Phù Mỹ", {OPEN: (1, 350), CONTEST: (1, 70), TRAIN: (2, 66)}, (5_000_000, 0)),
     )))

form("p4_bang2_nghin_dong", "4", "communes' activities, then 'Bảng 2. Kinh phí' in nghìn đồng with "
     "'Xã, thị trấn' as its unit header; 'Xã Long An' is a commune, not the province",
     "CanGiuoc_HTSD_2022.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN CẦN GIUỘC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022 - HUYỆN CẦN GIUỘC, TỈNH LONG AN"],
         [],
         ["Bảng 1. Các hoạt động"],
         ["STT", "Đơn vị", "Số tin bài, băng rôn", "Số buổi tọa đàm", "Số người dự tọa đàm", "Số lớp học",
          "Số học viên"],
         [1, "Thị trấn Cần Giuộc", 25, 2, 120, 3, 90],
         [2, "Xã Phước Lý", 10, 1, 45, 1, 30],
         [3, "Xã Long An", 8, 1, 50, 2, 55],
         [4, "Xã Tân Tập", 12, None, None, 1, 28],
         [None, "Tổng", 55, 4, 215, 7, 203],
         [],
         ["Bảng 2. Kinh phí"],
         ["TT", "Xã, thị trấn", "Ngân sách (nghìn đồng)", "Xã hội hóa (nghìn đồng)"],
         [1, "Thị trấn Cần Giuộc", 9500, 3000],
         [2, "Xã Phước Lý", 2000, 500],
         [3, "Xã Long An", 2500, 0],
         [4, "Xã Tân Tập", 1800, 1200],
         [None, "Cộng", 15800, 4700],
     ], ("A4:G4",)),)),
     Loaded(2022, "80", (
         U("Thị trấn Cần Giuộc", {COMM: (25, 0), SEMINAR: (2, 120), CLASS: (3, 90)}, (9_500_000, 3_000_000)),
         U("Xã Phước Lý", {COMM: (10, 0), SEMINAR: (1, 45), CLASS: (1, 30)}, (2_000_000, 500_000)),
         U("Xã Long An", {COMM: (8, 0), SEMINAR: (1, 50), CLASS: (2, 55)}, (2_500_000, 0)),
         U("Xã Tân Tập", {COMM: (12, 0), CLASS: (1, 28)}, (1_800_000, 1_200_000)),
     )))

form("p4_ke_hoach_thuc_hien", "4", "single-unit .xls: activity rows, then a funding table with two amount "
     "columns 'Kế hoạch' and 'Thực hiện': the spent amount counts, never both (a refusal is also right)",
     "NhoQuan_NinhBinh_2023.xls",
     Xls((Sheet("BC Tuan le", [
         *letterhead("UBND HUYỆN NHO QUAN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"],
         ["Chủ đề: \"Xây dựng năng lực tự học trong kỷ nguyên số\" - huyện Nho Quan, tỉnh Ninh Bình"],
         [],
         ["TT", "Hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ khai mạc Tuần lễ", 1, 600],
         [2, "Tọa đàm \"Xây dựng năng lực tự học\"", 1, 120],
         [3, "Cuộc thi \"Đọc sách cùng con\"", 1, 85],
         [4, "Xây dựng tủ sách lớp học", 25, None],
         [],
         ["TT", "Nguồn kinh phí", "Kế hoạch (đồng)", "Thực hiện (đồng)"],
         [1, "Ngân sách nhà nước", 40000000, 36500000],
         [2, "Xã hội hóa", 10000000, 12000000],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2023, "37", (
         U("Huyện Nho Quan", {OPEN: (1, 600), SEMINAR: (1, 120), CONTEST: (1, 85), READ: (25, 0)},
           (36_500_000, 12_000_000)),
     ), or_rejected=True))

# --- 5. Columns that are not counts -----------------------------------------------------------------------------

form("p5_ty_le_phan_tram", "5", "a 'Tỷ lệ người dân tham gia (%)' column (numbers and '8,3%' text) and a notes "
     "column beside the counts", "HaTinh_KQ_TuanLe_2023.xlsx",
     Xlsx((Sheet("Biểu số liệu", [
         *letterhead("UBND TỈNH HÀ TĨNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["SỐ LIỆU TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Hội thi", None, "Tỷ lệ người dân tham gia (%)", "Ghi chú"],
         [None, None, "Số buổi", "Số người", "Số cuộc", "Số người", None, None],
         [1, "Thành phố Hà Tĩnh", 1, 900, 4, 600, 12.5, "Vượt kế hoạch"],
         [2, "Thị xã Hồng Lĩnh", 1, 450, 2, 210, "8,3%", None],
         [3, "Huyện Can Lộc", 1, 520, 3, 300, 6.1, None],
         [4, "Huyện Thạch Hà", 1, 610, 2, 260, 5.4, None],
         [5, "Huyện Cẩm Xuyên", 1, 580, 2, 240, 5.9, None],
         [None, "Cộng", 5, 3060, 13, 1610, 7.6, None],
     ], ("A4:H4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:G7", "H6:H7")),)),
     Loaded(2023, "42", (
         U("Thành phố Hà Tĩnh", {OPEN: (1, 900), CONTEST: (4, 600)}),
         U("Thị xã Hồng Lĩnh", {OPEN: (1, 450), CONTEST: (2, 210)}),
         U("Huyện Can Lộc", {OPEN: (1, 520), CONTEST: (3, 300)}),
         U("Huyện Thạch Hà", {OPEN: (1, 610), CONTEST: (2, 260)}),
         U("Huyện Cẩm Xuyên", {OPEN: (1, 580), CONTEST: (2, 240)}),
     )))

form("p5_binh_quan", "5", "'Bình quân học viên/lớp' and 'Tỷ lệ so với năm 2021 (%)' columns beside counts; "
     "Xã Đông Thạnh and Xã Đông Thành of one town", "BinhMinh_VinhLong_2022.csv",
     Csv([
         ["THỊ XÃ BÌNH MINH - TỈNH VĨNH LONG"],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
         ["STT", "Xã, phường", "Số lớp học", "Số học viên", "Bình quân học viên/lớp", "Số cuộc thi",
          "Số người dự thi", "Tỷ lệ so với năm 2021 (%)"],
         [1, "Phường Cái Vồn", 4, 120, 30, 2, 160, 110],
         [2, "Phường Thành Phước", 2, 50, 25, 1, 70, 95],
         [3, "Xã Đông Thạnh", 3, 84, 28, 1, 45, 120],
         [4, "Xã Đông Thành", 2, 46, 23, None, None, 100],
         [5, "Xã Mỹ Hòa", 1, 35, 35, 1, 65, 105],
         [None, "Tổng", 12, 335, 28, 5, 340, None],
     ], delimiter=";"),
     Loaded(2022, "86", (
         U("Phường Cái Vồn", {CLASS: (4, 120), CONTEST: (2, 160)}),
         U("Phường Thành Phước", {CLASS: (2, 50), CONTEST: (1, 70)}),
         U("Xã Đông Thạnh", {CLASS: (3, 84), CONTEST: (1, 45)}),
         U("Xã Đông Thành", {CLASS: (2, 46)}),
         U("Xã Mỹ Hòa", {CLASS: (1, 35), CONTEST: (1, 65)}),
     )))

form("p5_kinh_phi_tung_hoat_dong", "5", "single-unit form with NSNN and XHH amounts on every activity row: "
     "summed into the unit's funding", "ChuProng_BaoCao_TuanLe_2023.xlsx",
     Xlsx((Sheet("Báo cáo", [
         *letterhead("UBND HUYỆN CHƯ PRÔNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BÁO CÁO"],
         ["Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 (huyện Chư Prông, tỉnh Gia Lai)"],
         [],
         ["TT", "Nội dung", "Số lượng", "Số người tham gia", "Kinh phí NSNN (đồng)", "Kinh phí XHH (đồng)",
          "Ghi chú"],
         [1, "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời", 1, 700, "15.000.000", "5.000.000", None],
         [2, "Tuyên truyền, treo băng rôn, khẩu hiệu", 45, None, "4.500.000", None, None],
         [3, "Tập huấn khai thác thông tin trên Internet an toàn", 2, 80, "6.000.000", None, None],
         [4, "Trưng bày, giới thiệu sách", 3, 450, "2.000.000", "3.000.000", None],
         [5, "Tuyên dương, khen thưởng", 1, 35, "7.000.000", "2.500.000", "12 tập thể, 23 cá nhân"],
         [None, "Tổng cộng", 52, 1265, "34.500.000", "10.500.000", None],
         [],
         [None, None, None, None, "Chư Prông, ngày 16 tháng 10 năm 2023"],
         [None, None, None, None, "TRƯỞNG PHÒNG"],
     ], ("A4:G4", "A5:G5")),)),
     Loaded(2023, "52", (
         U("Huyện Chư Prông", {OPEN: (1, 700), COMM: (45, 0), TRAIN: (2, 80), READ: (3, 450), PRAISE: (1, 35)},
           (34_500_000, 10_500_000)),
     )))

form("p5_trieu_tung_hoat_dong_2025", "5", "2025 commune form: per-activity 'Kinh phí (triệu đồng)' merged over "
     "'Ngân sách | Xã hội hóa', decimals, a 'Tổng cộng' row", "DamDoi_2025_bao_cao.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("ỦY BAN NHÂN DÂN", "XÃ ĐẦM DƠI", 5),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025"],
         ["(Xã Đầm Dơi, tỉnh Cà Mau)"],
         ["STT", "Hoạt động", "Số lượng", "Số người", "Kinh phí (triệu đồng)", None],
         [None, None, None, None, "Ngân sách", "Xã hội hóa"],
         [1, "Lễ phát động", 1, 500, 10, 2],
         [2, "Hội thi tìm hiểu kiến thức pháp luật", 1, 120, 3, 1.5],
         [3, "Ngày hội đọc sách", 1, 300, 2, 3],
         [4, "Lớp học kỹ năng sống cho thanh thiếu niên", 2, 60, 1.5, None],
         [None, "Tổng cộng", 5, 980, 16.5, 6.5],
     ], ("A4:F4", "A5:F5", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6")),)),
     Loaded(2025, "96", (
         U("Xã Đầm Dơi", {OPEN: (1, 500), CONTEST: (1, 120), READ: (1, 300), CLASS: (2, 60)},
           (16_500_000, 6_500_000)),
     )))

# --- 6. Funding in sentences (continued) ------------------------------------------------------------------------

form("p6_ngoac_don", "6", "ward form: 'Kinh phí tổ chức: 12.500.000đ (Ngân sách: 10.000.000đ; Vận động xã hội "
     "hóa: 2.500.000đ)' in one line", "CaiKhe_NinhKieu_2021.xlsx",
     Xlsx((Sheet("BC", [
         *letterhead("UBND QUẬN NINH KIỀU", "UBND PHƯỜNG CÁI KHẾ", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021"],
         [],
         ["I. Công tác chỉ đạo: Ban hành Kế hoạch số 45/KH-UBND ngày 20/9/2021."],
         ["II. Kết quả các hoạt động"],
         ["TT", "Nội dung", "Số lượng", "Số người"],
         [1, "Học tập trực tuyến trên nền tảng số", 3, 640],
         [2, "Tọa đàm trực tuyến về chuyển đổi số", 1, 85],
         [3, "Phát thanh tuyên truyền", 12, None],
         [],
         ["III. Kinh phí tổ chức: 12.500.000đ (Ngân sách: 10.000.000đ; Vận động xã hội hóa: 2.500.000đ)."],
         ["IV. Đánh giá chung: các hoạt động được tổ chức an toàn trong bối cảnh dịch COVID-19."],
     ], ("A4:D4",)),)),
     Loaded(2021, "92", (
         U("Phường Cái Khế", {ONLINE: (3, 640), SEMINAR: (1, 85), COMM: (12, 0)}, (10_000_000, 2_500_000)),
     )))

form("p6_nha_hao_tam_2026", "6", "2026 commune form: 'ngân sách xã chi 8,5 triệu đồng; các nhà hảo tâm, doanh "
     "nghiệp hỗ trợ 4 triệu đồng'", "LungCu_TuyenQuang_2026.xlsx",
     Xlsx((Sheet("Báo cáo", [
         *letterhead("ỦY BAN NHÂN DÂN", "XÃ LŨNG CÚ", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2026"],
         ["Xã Lũng Cú, tỉnh Tuyên Quang"],
         ["1. Các hoạt động đã tổ chức"],
         ["STT", "Tên hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Khai mạc Tuần lễ", 1, 400],
         [2, "Lớp xóa mù chữ", 2, 45],
         [3, "Tham quan Cột cờ Lũng Cú", 1, 120],
         ["2. Kinh phí"],
         ["- Kinh phí: ngân sách xã chi 8,5 triệu đồng; các nhà hảo tâm, doanh nghiệp hỗ trợ 4 triệu đồng."],
         [None, None, "Lũng Cú, ngày 12 tháng 10 năm 2026"],
     ], ("A4:D4",)),)),
     Loaded(2026, "08", (
         U("Xã Lũng Cú", {OPEN: (1, 400), CLASS: (2, 45), VISIT: (1, 120)}, (8_500_000, 4_000_000)),
     )))

form("p6_trong_do_nhieu_dong", "6", "'Tổng kinh phí thực hiện: 20.000.000 đồng (Hai mươi triệu đồng), trong "
     "đó:' then '+ Ngân sách nhà nước' and '+ Xã hội hóa' on their own lines, .xls", "KienXuong_2022.xls",
     Xls((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN KIẾN XƯƠNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022 - HUYỆN KIẾN XƯƠNG, TỈNH THÁI BÌNH"],
         [],
         ["TT", "Hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ ra quân", 1, 350],
         [2, "Diễn đàn \"Học tập suốt đời\"", 1, 150],
         [3, "Trưng bày sách", 2, 300],
         [],
         ["Tổng kinh phí thực hiện: 20.000.000 đồng (Hai mươi triệu đồng), trong đó:"],
         ["+ Ngân sách nhà nước: 14.000.000 đồng;"],
         ["+ Xã hội hóa: 6.000.000 đồng."],
     ], ("A4:D4",)),)),
     Loaded(2022, "33", (
         U("Huyện Kiến Xương", {OPEN: (1, 350), SEMINAR: (1, 150), READ: (2, 300)}, (14_000_000, 6_000_000)),
     )))

# --- 7. Names that differ only by diacritics --------------------------------------------------------------------

form("p7_vinh_hung_vinh_hung", "7", "Xã Vĩnh Hưng and Xã Vĩnh Hùng in one district, Thị trấn Vĩnh Lộc (not the "
     "district) and Xã Vĩnh Long (not the province)", "VinhLoc_ThanhHoa_2021.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN VĨNH LỘC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 - HUYỆN VĨNH LỘC, TỈNH THANH HÓA"],
         [],
         ["TT", "Xã, thị trấn", "Số buổi tuyên truyền", "Số lớp học", "Số học viên"],
         [1, "Thị trấn Vĩnh Lộc", 10, 2, 70],
         [2, "Xã Vĩnh Hưng", 6, 1, 35],
         [3, "Xã Vĩnh Hùng", 4, 2, 48],
         [4, "Xã Vĩnh Hòa", 5, 1, 30],
         [5, "Xã Vĩnh Long", 3, 1, 25],
         [None, "Cộng", 28, 7, 208],
     ], ("A4:E4",)),)),
     Loaded(2021, "38", (
         U("Thị trấn Vĩnh Lộc", {COMM: (10, 0), CLASS: (2, 70)}),
         U("Xã Vĩnh Hưng", {COMM: (6, 0), CLASS: (1, 35)}),
         U("Xã Vĩnh Hùng", {COMM: (4, 0), CLASS: (2, 48)}),
         U("Xã Vĩnh Hòa", {COMM: (5, 0), CLASS: (1, 30)}),
         U("Xã Vĩnh Long", {COMM: (3, 0), CLASS: (1, 25)}),
     )))

form("p7_hoang_hoa_xls", "7", "three diacritic pairs in one district (Hoằng Phú/Phụ, Quỳ/Quý, Đồng/Đông), "
     "names without 'Xã', Excel 97-2003", "HoangHoa_TongHop_2023.xls",
     Xls((Sheet("TH", [
         *letterhead("UBND HUYỆN HOẰNG HÓA", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HTSĐ NĂM 2023"],
         ["Huyện Hoằng Hóa, tỉnh Thanh Hóa"],
         ["TT", "Tên xã", "Số lễ khai mạc", "Số người dự", "Số cuộc thi", "Số người dự thi"],
         [1, "Hoằng Phú", 1, 210, 1, 40],
         [2, "Hoằng Phụ", 1, 190, 1, 55],
         [3, "Hoằng Quỳ", 1, 230, 2, 70],
         [4, "Hoằng Quý", 1, 175, None, None],
         [5, "Hoằng Đồng", 1, 260, 1, 50],
         [6, "Hoằng Đông", 1, 205, 1, 45],
         [None, "Tổng", 6, 1270, 6, 260],
     ], ("A4:F4", "A5:F5")),)),
     Loaded(2023, "38", (
         U("Xã Hoằng Phú", {OPEN: (1, 210), CONTEST: (1, 40)}),
         U("Xã Hoằng Phụ", {OPEN: (1, 190), CONTEST: (1, 55)}),
         U("Xã Hoằng Quỳ", {OPEN: (1, 230), CONTEST: (2, 70)}),
         U("Xã Hoằng Quý", {OPEN: (1, 175)}),
         U("Xã Hoằng Đồng", {OPEN: (1, 260), CONTEST: (1, 50)}),
         U("Xã Hoằng Đông", {OPEN: (1, 205), CONTEST: (1, 45)}),
     )))

form("p7_son_ha_son_ha_2025", "7", "2025 map: Xã Sơn Hà / Xã Sơn Hạ and Xã Ba Tơ / Xã Ba Tô of one province, "
     "CSV UTF-8 with BOM", "QuangNgai_2025_ket_qua.csv",
     Csv([
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025 - SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH QUẢNG NGÃI"],
         ["STT", "Tên xã/phường", "Số hoạt động tuyên truyền", "Số buổi tập huấn chuyển đổi số",
          "Số người được tập huấn", "Kinh phí ngân sách (đồng)", "Kinh phí xã hội hóa (đồng)"],
         [1, "Xã Sơn Hà", 14, 2, 80, "5.000.000", "0"],
         [2, "Xã Sơn Hạ", 9, 1, 45, "3.000.000", "1.000.000"],
         [3, "Xã Ba Tơ", 11, 2, 70, "4.000.000", "500.000"],
         [4, "Xã Ba Tô", 6, 1, 30, "2.000.000", "0"],
         [5, "Phường Cẩm Thành", 20, 3, 150, "8.000.000", "4.000.000"],
     ]),
     Loaded(2025, "51", (
         U("Xã Sơn Hà", {COMM: (14, 0), TRAIN: (2, 80)}, (5_000_000, 0)),
         U("Xã Sơn Hạ", {COMM: (9, 0), TRAIN: (1, 45)}, (3_000_000, 1_000_000)),
         U("Xã Ba Tơ", {COMM: (11, 0), TRAIN: (2, 70)}, (4_000_000, 500_000)),
         U("Xã Ba Tô", {COMM: (6, 0), TRAIN: (1, 30)}, (2_000_000, 0)),
         U("Phường Cẩm Thành", {COMM: (20, 0), TRAIN: (3, 150)}, (8_000_000, 4_000_000)),
     )))

form("p7_trung_ten_trong_tinh", "7", "Xã Nam Sơn and Xã Bắc Sơn in two districts of one province, placed by "
     "the group rows 'I. HUYỆN QUỲ HỢP' / 'II. HUYỆN ĐÔ LƯƠNG' (which carry subtotals)",
     "NgheAn_2023_HTSD_xa.xlsx",
     Xlsx((Sheet("Tổng hợp", [
         *letterhead("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 TẠI CÁC XÃ, THỊ TRẤN"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Tọa đàm", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
         ["I", "HUYỆN QUỲ HỢP", 3, 640, 2, 95],
         [1, "Thị trấn Quỳ Hợp", 1, 300, 1, 60],
         [2, "Xã Nam Sơn", 1, 160, None, None],
         [3, "Xã Bắc Sơn", 1, 180, 1, 35],
         ["II", "HUYỆN ĐÔ LƯƠNG", 3, 710, 3, 155],
         [1, "Thị trấn Đô Lương", 1, 350, 1, 70],
         [2, "Xã Nam Sơn", 1, 190, 1, 45],
         [3, "Xã Bắc Sơn", 1, 170, 1, 40],
         [None, "Tổng cộng", 6, 1350, 5, 250],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2023, "40", (
         U("Thị trấn Quỳ Hợp", {OPEN: (1, 300), SEMINAR: (1, 60)}),
         U("Xã Nam Sơn", {OPEN: (1, 160)}, district="Huyện Quỳ Hợp"),
         U("Xã Bắc Sơn", {OPEN: (1, 180), SEMINAR: (1, 35)}, district="Huyện Quỳ Hợp"),
         U("Thị trấn Đô Lương", {OPEN: (1, 350), SEMINAR: (1, 70)}),
         U("Xã Nam Sơn", {OPEN: (1, 190), SEMINAR: (1, 45)}, district="Huyện Đô Lương"),
         U("Xã Bắc Sơn", {OPEN: (1, 170), SEMINAR: (1, 40)}, district="Huyện Đô Lương"),
     )))

form("p7_khong_dau", "7", "names typed without diacritics: a folded match counts when unique ('Xa Vinh Hoa'), "
     "but 'Xa Vinh Hung' folds to both Vĩnh Hưng and Vĩnh Hùng and stays unmatched, as written",
     "VinhLoc_2022_khong_dau.xlsx",
     Xlsx((Sheet("Sheet1", [
         ["UBND HUYỆN VĨNH LỘC - TỈNH THANH HÓA"],
         ["TỔNG HỢP LỄ KHAI MẠC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
         [],
         ["STT", "Tên đơn vị", "Số buổi khai mạc", "Số người tham dự"],
         [1, "TT Vinh Loc", 1, 280],
         [2, "Xa Vinh Hoa", 1, 150],
         [3, "Xa Vinh Tien", 1, 130],
         [4, "Xa Vinh Hung", 1, 120],
         [5, "Xa Minh Tan", 1, 110],
         [None, "Tổng", 5, 790],
     ]),)),
     Loaded(2022, "38", (
         U("Thị trấn Vĩnh Lộc", {OPEN: (1, 280)}),
         U("Xã Vĩnh Hòa", {OPEN: (1, 150)}),
         U("Xã Vĩnh Tiến", {OPEN: (1, 130)}),
         U("Xa Vinh Hung", {OPEN: (1, 120)}),
         U("Xã Minh Tân", {OPEN: (1, 110)}),
     )))

# --- 8. Long CSV ------------------------------------------------------------------------------------------------

form("p8_long_utf8", "8", "long CSV (unit × activity × 'Số lượng' / 'Số người tham gia' / 'Kinh phí NSNN' / "
     "'Kinh phí XHH'), funding given per activity, UTF-8 with BOM", "CanTho_NinhKieu_2024_long.csv",
     Csv([
         ["Năm", "Tỉnh/TP", "Đơn vị", "Hoạt động", "Chỉ số", "Giá trị"],
         [2024, "Cần Thơ", "Phường Cái Khế", "Lễ khai mạc", "Số lượng", 1],
         [2024, "Cần Thơ", "Phường Cái Khế", "Lễ khai mạc", "Số người tham gia", 350],
         [2024, "Cần Thơ", "Phường Cái Khế", "Lễ khai mạc", "Kinh phí NSNN", 5000000],
         [2024, "Cần Thơ", "Phường Cái Khế", "Lễ khai mạc", "Kinh phí XHH", 1000000],
         [2024, "Cần Thơ", "Phường Cái Khế", "Hội thi", "Số lượng", 2],
         [2024, "Cần Thơ", "Phường Cái Khế", "Hội thi", "Số người tham gia", 140],
         [2024, "Cần Thơ", "Phường Cái Khế", "Hội thi", "Kinh phí NSNN", 3000000],
         [2024, "Cần Thơ", "Phường An Hòa", "Lễ khai mạc", "Số lượng", 1],
         [2024, "Cần Thơ", "Phường An Hòa", "Lễ khai mạc", "Số người tham gia", 260],
         [2024, "Cần Thơ", "Phường An Hòa", "Tuyên truyền", "Số lượng", 15],
         [2024, "Cần Thơ", "Phường An Hòa", "Tuyên truyền", "Kinh phí NSNN", 1500000],
         [2024, "Cần Thơ", "Phường An Hòa", "Tuyên truyền", "Kinh phí XHH", 500000],
         [2024, "Cần Thơ", "Phường Xuân Khánh", "Học tập trực tuyến", "Số lượng", 4],
         [2024, "Cần Thơ", "Phường Xuân Khánh", "Học tập trực tuyến", "Số người tham gia", 900],
         [2024, "Cần Thơ", "Phường Xuân Khánh", "Học tập trực tuyến", "Kinh phí XHH", 2000000],
     ]),
     Loaded(2024, "92", (
         U("Phường Cái Khế", {OPEN: (1, 350), CONTEST: (2, 140)}, (8_000_000, 1_000_000)),
         U("Phường An Hòa", {OPEN: (1, 260), COMM: (15, 0)}, (1_500_000, 500_000)),
         U("Phường Xuân Khánh", {ONLINE: (4, 900)}, (0, 2_000_000)),
     )))

form("p8_long_cp1258", "8", "long CSV 'Năm;Tỉnh;Xã/phường;Nội dung;Đo lường;Giá trị' in Windows-1258 with "
     "';', dotted amounts, 2025 map (Xã Khánh Bình also exists in An Giang)", "CaMau_2025_long.csv",
     Csv([
         ["Năm", "Tỉnh", "Xã/phường", "Nội dung", "Đo lường", "Giá trị"],
         [2025, "Cà Mau", "Phường An Xuyên", "Khai mạc", "Số lượng", 1],
         [2025, "Cà Mau", "Phường An Xuyên", "Khai mạc", "Số người tham gia", 420],
         [2025, "Cà Mau", "Phường An Xuyên", "Khai mạc", "Kinh phí NSNN", "4.000.000"],
         [2025, "Cà Mau", "Phường An Xuyên", "Tọa đàm", "Số lượng", 2],
         [2025, "Cà Mau", "Phường An Xuyên", "Tọa đàm", "Số người tham gia", 130],
         [2025, "Cà Mau", "Phường An Xuyên", "Tọa đàm", "Kinh phí NSNN", "2.000.000"],
         [2025, "Cà Mau", "Phường An Xuyên", "Tọa đàm", "Kinh phí XHH", "1.500.000"],
         [2025, "Cà Mau", "Phường Tân Thành", "Tuyên truyền", "Số lượng", 22],
         [2025, "Cà Mau", "Phường Tân Thành", "Trưng bày sách", "Số lượng", 2],
         [2025, "Cà Mau", "Phường Tân Thành", "Trưng bày sách", "Số người tham gia", 380],
         [2025, "Cà Mau", "Phường Tân Thành", "Trưng bày sách", "Kinh phí XHH", "3.000.000"],
         [2025, "Cà Mau", "Xã Khánh Bình", "Khai mạc", "Số lượng", 1],
         [2025, "Cà Mau", "Xã Khánh Bình", "Khai mạc", "Số người tham gia", 250],
         [2025, "Cà Mau", "Xã Khánh Bình", "Lớp học", "Số lượng", 3],
         [2025, "Cà Mau", "Xã Khánh Bình", "Lớp học", "Số người tham gia", 75],
         [2025, "Cà Mau", "Xã Khánh Bình", "Lớp học", "Kinh phí NSNN", "4.500.000"],
     ], encoding="cp1258", delimiter=";"),
     Loaded(2025, "96", (
         U("Phường An Xuyên", {OPEN: (1, 420), SEMINAR: (2, 130)}, (6_000_000, 1_500_000)),
         U("Phường Tân Thành", {COMM: (22, 0), READ: (2, 380)}, (0, 3_000_000)),
         U("Xã Khánh Bình", {OPEN: (1, 250), CLASS: (3, 75)}, (4_500_000, 0)),
     )))

form("p8_long_utf16_tab", "8", "long CSV in UTF-16, tab-separated, funding as its own 'Kinh phí' rows with "
     "measures 'Ngân sách nhà nước' / 'Xã hội hóa'; 'Phường Long An' is a ward of Tây Ninh (2026)",
     "TayNinh_2026_chi_tieu.csv",
     Csv([
         ["Năm", "Tỉnh", "Đơn vị", "Chỉ tiêu", "Chỉ số", "Giá trị"],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Lễ phát động", "Số lượng", 1],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Lễ phát động", "Số người tham gia", 600],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Hội thảo", "Số lượng", 1],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Hội thảo", "Số người tham gia", 90],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Kinh phí", "Ngân sách nhà nước", 12000000],
         [2026, "Tây Ninh", "Phường Tân Ninh", "Kinh phí", "Xã hội hóa", 3000000],
         [2026, "Tây Ninh", "Phường Long An", "Lễ phát động", "Số lượng", 1],
         [2026, "Tây Ninh", "Phường Long An", "Lễ phát động", "Số người tham gia", 450],
         [2026, "Tây Ninh", "Phường Long An", "Tham quan", "Số lượng", 2],
         [2026, "Tây Ninh", "Phường Long An", "Tham quan", "Số người tham gia", 110],
         [2026, "Tây Ninh", "Phường Long An", "Kinh phí", "Ngân sách nhà nước", 7000000],
         [2026, "Tây Ninh", "Phường Long An", "Kinh phí", "Xã hội hóa", 0],
         [2026, "Tây Ninh", "Xã Trà Vong", "Tuyên truyền", "Số lượng", 9],
         [2026, "Tây Ninh", "Xã Trà Vong", "Kinh phí", "Ngân sách nhà nước", 1500000],
     ], encoding="utf-16", delimiter="\t"),
     Loaded(2026, "80", (
         U("Phường Tân Ninh", {OPEN: (1, 600), SEMINAR: (1, 90)}, (12_000_000, 3_000_000)),
         U("Phường Long An", {OPEN: (1, 450), VISIT: (2, 110)}, (7_000_000, 0)),
         U("Xã Trà Vong", {COMM: (9, 0)}, (1_500_000, 0)),
     )))

# --- 9. Merged headers ------------------------------------------------------------------------------------------

form("p9_ba_dong_tieu_de", "9", "three header rows: 'TT' and 'Đơn vị' merged down all three, groups 'Hoạt động "
     "trực tiếp' / 'Hoạt động trực tuyến' over activities over 'Số lượng | Số người', 'Kinh phí (đồng)' merged "
     "down two rows; 'Lớp, chuyên đề trực tuyến' stays whole under one activity, 'Cuộc thi trực tuyến' "
     "is a contest held online", "ThaiBinh_TongHop_2023.xlsx",
     Xlsx((Sheet("Tổng hợp", [
         *letterhead("UBND TỈNH THÁI BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 8),
         [],
         ["TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"],
         [],
         ["TT", "Đơn vị", "Hoạt động trực tiếp", None, None, None, None, None, "Hoạt động trực tuyến", None,
          None, None, "Kinh phí (đồng)", None],
         [None, None, "Lễ khai mạc", None, "Hội thảo, tọa đàm", None, "Tham quan", None,
          "Lớp, chuyên đề trực tuyến", None, "Cuộc thi trực tuyến", None, None, None],
         [None, None, "Số lượng", "Số người", "Số lượng", "Số người", "Số lượng", "Số người", "Số lượng",
          "Số người", "Số lượng", "Số người", "NSNN", "XHH"],
         [1, "Thành phố Thái Bình", 1, 800, 3, 240, 2, 90, 5, 620, 2, 1500, 25000000, 8000000],
         [2, "Huyện Kiến Xương", 1, 500, 1, 70, 1, 45, 2, 180, 1, 400, 12000000, 3000000],
         [3, "Huyện Vũ Thư", 1, 450, 2, 110, None, None, 3, 260, 1, 350, 10000000, 2500000],
         [4, "Huyện Tiền Hải", 1, 520, 1, 60, 1, 50, 2, 150, None, None, 11000000, 0],
         [None, "Tổng cộng", 4, 2270, 7, 480, 4, 185, 12, 1210, 4, 2250, 58000000, 13500000],
     ], ("A4:N4", "A6:A8", "B6:B8", "C6:H6", "I6:L6", "M6:N7", "C7:D7", "E7:F7", "G7:H7", "I7:J7", "K7:L7")),)),
     Loaded(2023, "33", (
         U("Thành phố Thái Bình", {OPEN: (1, 800), SEMINAR: (3, 240), VISIT: (2, 90), CLASS_OR_ONLINE: (5, 620),
                                   CONTEST: (2, 1500)}, (25_000_000, 8_000_000)),
         U("Huyện Kiến Xương", {OPEN: (1, 500), SEMINAR: (1, 70), VISIT: (1, 45), CLASS_OR_ONLINE: (2, 180),
                                CONTEST: (1, 400)}, (12_000_000, 3_000_000)),
         U("Huyện Vũ Thư", {OPEN: (1, 450), SEMINAR: (2, 110), CLASS_OR_ONLINE: (3, 260), CONTEST: (1, 350)},
           (10_000_000, 2_500_000)),
         U("Huyện Tiền Hải", {OPEN: (1, 520), SEMINAR: (1, 60), VISIT: (1, 50), CLASS_OR_ONLINE: (2, 150)},
           (11_000_000, 0)),
     )))

form("p9_cot_tong_doc", "9", "two header rows with vertical merges 'Tổng số hoạt động' and 'Tổng số người tham "
     "gia' beside the activity groups: totals across a row, never a figure of their own",
     "KienGiang_HTSD_2022.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND TỈNH KIÊN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 6),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
         [],
         ["STT", "Đơn vị", "Tổng số hoạt động", "Khai mạc", None, "Ngày hội đọc sách", None,
          "Tuyên dương, khen thưởng", None, "Tổng số người tham gia"],
         [None, None, None, "Số buổi", "Số người", "Số buổi", "Số người", "Số đợt", "Số người", None],
         [1, "Thành phố Rạch Giá", 6, 1, 700, 4, 900, 1, 80, 1680],
         [2, "Thành phố Hà Tiên", 4, 1, 300, 2, 260, 1, 40, 600],
         [3, "Huyện Hòn Đất", 4, 1, 420, 3, 500, None, None, 920],
         [4, "Huyện Tân Hiệp", 3, 1, 380, 1, 150, 1, 35, 565],
         [None, "Cộng", 17, 4, 1800, 10, 1810, 3, 155, 3765],
     ], ("A4:J4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", "F6:G6", "H6:I6", "J6:J7")),)),
     Loaded(2022, "91", (
         U("Thành phố Rạch Giá", {OPEN: (1, 700), READ: (4, 900), PRAISE: (1, 80)}),
         U("Thành phố Hà Tiên", {OPEN: (1, 300), READ: (2, 260), PRAISE: (1, 40)}),
         U("Huyện Hòn Đất", {OPEN: (1, 420), READ: (3, 500)}),
         U("Huyện Tân Hiệp", {OPEN: (1, 380), READ: (1, 150), PRAISE: (1, 35)}),
     )))

form("p9_do_luong_tren_hoat_dong", "9", "groups are the measures ('Số hoạt động' / 'Số người tham gia') and the "
     "activities sit under each, the other way round from most forms", "NinhBinh_2024_HTSD.xlsx",
     Xlsx((Sheet("Bieu 2", [
         *letterhead("UBND TỈNH NINH BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BIỂU TỔNG HỢP TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         [],
         ["TT", "Huyện, thành phố", "Số hoạt động", None, None, "Số người tham gia", None, None],
         [None, None, "Khai mạc", "Hội thi", "Tham quan", "Khai mạc", "Hội thi", "Tham quan"],
         [1, "Thành phố Tam Điệp", 1, 2, 1, 450, 180, 60],
         [2, "Huyện Nho Quan", 1, 1, 2, 380, 90, 120],
         [3, "Huyện Gia Viễn", 1, 3, 1, 400, 210, 55],
         [4, "Huyện Kim Sơn", 1, 1, None, 520, 75, None],
         [None, "Tổng cộng", 4, 7, 4, 1750, 555, 235],
     ], ("A4:H4", "A6:A7", "B6:B7", "C6:E6", "F6:H6")),)),
     Loaded(2024, "37", (
         U("Thành phố Tam Điệp", {OPEN: (1, 450), CONTEST: (2, 180), VISIT: (1, 60)}),
         U("Huyện Nho Quan", {OPEN: (1, 380), CONTEST: (1, 90), VISIT: (2, 120)}),
         U("Huyện Gia Viễn", {OPEN: (1, 400), CONTEST: (3, 210), VISIT: (1, 55)}),
         U("Huyện Kim Sơn", {OPEN: (1, 520), CONTEST: (1, 75)}),
     )))

form("p9_hai_hoat_dong_xls", "9", "2025 wards and communes in Excel 97-2003, two header rows whose groups each "
     "name several activities ('Lớp, chuyên đề trực tuyến'; 'Hội thảo, tọa đàm, diễn đàn'; 'Triển lãm, trưng "
     "bày sách, báo'); Xã Cẩm Giàng is not the old Thị trấn Cẩm Giang", "HaiPhong_2025_phuong_xa.xls",
     Xls((Sheet("Tong hop", [
         *letterhead("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025"],
         [],
         ["STT", "Phường, xã", "Lớp, chuyên đề trực tuyến", None, "Hội thảo, tọa đàm, diễn đàn", None,
          "Triển lãm, trưng bày sách, báo", None],
         [None, None, "Số lớp", "Số học viên", "Số buổi", "Số người", "Số cuộc", "Lượt xem"],
         [1, "Phường Hồng Bàng", 3, 240, 1, 80, 1, 500],
         [2, "Phường Ngô Quyền", 2, 150, 2, 130, None, None],
         [3, "Phường Gia Viên", 1, 60, 1, 45, 1, 300],
         [4, "Xã Cẩm Giàng", 2, 90, None, None, 1, 200],
         [None, "Tổng", 8, 540, 4, 255, 3, 1000],
     ], ("A4:H4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:H6")),)),
     Loaded(2025, "31", (
         U("Phường Hồng Bàng", {CLASS_OR_ONLINE: (3, 240), SEMINAR: (1, 80), READ: (1, 500)}),
         U("Phường Ngô Quyền", {CLASS_OR_ONLINE: (2, 150), SEMINAR: (2, 130)}),
         U("Phường Gia Viên", {CLASS_OR_ONLINE: (1, 60), SEMINAR: (1, 45), READ: (1, 300)}),
         U("Xã Cẩm Giàng", {CLASS_OR_ONLINE: (2, 90), READ: (1, 200)}),
     )))

# --- 10. Titles -------------------------------------------------------------------------------------------------

form("p10_cap_xa", "10", "title '… NĂM 2024 CẤP XÃ' from a district office: the level word names no sender",
     "LucNam_2024_cap_xa.xlsx",
     Xlsx((Sheet("Cấp xã", [
         *letterhead("UBND HUYỆN LỤC NAM", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 CẤP XÃ"],
         ["(Kèm theo Báo cáo số 312/BC-PGDĐT ngày 18/10/2024 của Phòng GDĐT huyện Lục Nam, tỉnh Bắc Giang)"],
         [],
         ["TT", "Xã, thị trấn", "Số lễ phát động", "Người tham dự", "Số tin bài", "Số lớp học tập cộng đồng",
          "Học viên"],
         [1, "Thị trấn Đồi Ngô", 1, 420, 18, 3, 95],
         [2, "Thị trấn Phương Sơn", 1, 300, 9, 2, 60],
         [3, "Xã Bảo Sơn", 1, 180, 6, 1, 32],
         [4, "Xã Tiên Nha", 1, 150, 5, 1, 28],
         [None, "Cộng", 4, 1050, 38, 7, 215],
     ], ("A4:G4", "A5:G5")),)),
     Loaded(2024, "24", (
         U("Thị trấn Đồi Ngô", {OPEN: (1, 420), COMM: (18, 0), CLASS: (3, 95)}),
         U("Thị trấn Phương Sơn", {OPEN: (1, 300), COMM: (9, 0), CLASS: (2, 60)}),
         U("Xã Bảo Sơn", {OPEN: (1, 180), COMM: (6, 0), CLASS: (1, 32)}),
         U("Xã Tiên Nha", {OPEN: (1, 150), COMM: (5, 0), CLASS: (1, 28)}),
     )))

form("p10_cac_phuong", "10", "title '… CỦA CÁC PHƯỜNG, XÃ THÀNH PHỐ VINH' (Vinh is not Vĩnh; Phường Trường Thi's "
     "'Thi' is no contest)", "TP_Vinh_HTSD_2021.xlsx",
     Xlsx((Sheet("Phường xã", [
         *letterhead("UBND THÀNH PHỐ VINH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 CỦA CÁC PHƯỜNG, XÃ THÀNH PHỐ VINH"],
         [],
         ["STT", "Phường, xã", "Hoạt động học tập trực tuyến", None, "Tọa đàm", None],
         [None, None, "Số lượng", "Lượt người", "Số lượng", "Số người"],
         [1, "Phường Hưng Bình", 3, 1200, 1, 60],
         [2, "Phường Trường Thi", 2, 800, 1, 45],
         [3, "Phường Bến Thủy", 2, 650, None, None],
         [4, "Xã Nghi Phong", 1, 300, 1, 40],
         [None, "Cộng", 8, 2950, 3, 145],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2021, "40", (
         U("Phường Hưng Bình", {ONLINE: (3, 1200), SEMINAR: (1, 60)}),
         U("Phường Trường Thi", {ONLINE: (2, 800), SEMINAR: (1, 45)}),
         U("Phường Bến Thủy", {ONLINE: (2, 650)}),
         U("Xã Nghi Phong", {ONLINE: (1, 300), SEMINAR: (1, 40)}),
     )))

form("p10_cac_xa_phuong_2025", "10", "2025 CSV whose title reads '… CỦA CÁC XÃ, PHƯỜNG TỈNH TUYÊN QUANG'",
     "TuyenQuang_2025_xa_phuong.csv",
     Csv([
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025 CỦA CÁC XÃ, PHƯỜNG TỈNH TUYÊN QUANG"],
         [],
         ["STT", "Xã/phường", "Lễ khai mạc", "Người dự", "Cuộc thi", "Người dự thi", "NSNN (đồng)", "XHH (đồng)"],
         [1, "Phường Minh Xuân", 1, 500, 1, 120, "6.000.000", "2.000.000"],
         [2, "Phường Nông Tiến", 1, 320, None, None, "3.500.000", "0"],
         [3, "Xã Lâm Bình", 1, 210, 1, 60, "2.000.000", "500.000"],
         [4, "Xã Yên Minh", 1, 260, 1, 80, "2.500.000", "1.000.000"],
     ]),
     Loaded(2025, "08", (
         U("Phường Minh Xuân", {OPEN: (1, 500), CONTEST: (1, 120)}, (6_000_000, 2_000_000)),
         U("Phường Nông Tiến", {OPEN: (1, 320)}, (3_500_000, 0)),
         U("Xã Lâm Bình", {OPEN: (1, 210), CONTEST: (1, 60)}, (2_000_000, 500_000)),
         U("Xã Yên Minh", {OPEN: (1, 260), CONTEST: (1, 80)}, (2_500_000, 1_000_000)),
     )))

# --- Never silently wrong (continued) ---------------------------------------------------------------------------

form("nw_subtotal_disagrees", "never wrong", "'Cộng huyện Phú Ninh' states 132 learners where its communes add "
     "up to 123: loaded from the rows, warning with both numbers (Xã Tam Dân beside Xã Tam Đàn's district)",
     "QuangNam_2024_lop_hoc.xlsx",
     Xlsx((Sheet("Lớp học", [
         *letterhead("UBND TỈNH QUẢNG NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["SỐ LIỆU LỚP HỌC TRONG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         [],
         ["TT", "Xã, thị trấn", "Số lớp", "Số học viên"],
         [1, "Thị trấn Phú Thịnh", 2, 60],
         [2, "Xã Tam Thành", 1, 35],
         [3, "Xã Tam Dân", 1, 28],
         [None, "Cộng huyện Phú Ninh", 4, 132],
         [4, "Xã Quế Thọ", 2, 55],
         [5, "Xã Bình Lâm", 1, 30],
         [None, "Cộng huyện Hiệp Đức", 3, 85],
         [None, "Tổng cộng", 7, 208],
     ], ("A4:D4",)),)),
     Loaded(2024, "48", (
         U("Thị trấn Phú Thịnh", {CLASS: (2, 60)}),
         U("Xã Tam Thành", {CLASS: (1, 35)}),
         U("Xã Tam Dân", {CLASS: (1, 28)}),
         U("Xã Quế Thọ", {CLASS: (2, 55)}),
         U("Xã Bình Lâm", {CLASS: (1, 30)}),
     ), warnings=((132, 123),)))

form("nw_hai_nam", "never wrong", "a 2024 report that repeats last year's figures in 'Năm 2023' columns beside "
     "'Năm 2024': only 2024 counts (a refusal is also right, adding both never is)", "LongAn_lop_hoc_2024.xlsx",
     Xlsx((Sheet("So sanh", [
         *letterhead("UBND TỈNH LONG AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["KẾT QUẢ TỔ CHỨC LỚP HỌC TRONG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         [],
         ["TT", "Đơn vị", "Số lớp học", None, "Số học viên", None],
         [None, None, "Năm 2023", "Năm 2024", "Năm 2023", "Năm 2024"],
         [1, "Huyện Đức Huệ", 3, 4, 90, 120],
         [2, "Huyện Tân Trụ", 2, 2, 55, 60],
         [3, "Huyện Thạnh Hóa", 4, 3, 110, 95],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2024, "80", (
         U("Huyện Đức Huệ", {CLASS: (4, 120)}),
         U("Huyện Tân Trụ", {CLASS: (2, 60)}),
         U("Huyện Thạnh Hóa", {CLASS: (3, 95)}),
     ), or_rejected=True))

form("nw_ma_dvhc", "never wrong", "a 'Mã ĐVHC' column of five-digit official codes and an 'STT' column beside "
     "the counts: codes identify, they are never added", "NinhKieu_2023_khai_mac.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND QUẬN NINH KIỀU", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["TỔNG HỢP LỄ KHAI MẠC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 - THÀNH PHỐ CẦN THƠ"],
         [],
         ["STT", "Mã ĐVHC", "Phường", "Số buổi khai mạc", "Số người dự"],
         [1, 31117, "Phường Cái Khế", 1, 380],
         [2, 31120, "Phường An Hòa", 1, 290],
         [3, 31135, "Phường Tân An", 1, 310],
         [4, 31147, "Phường Hưng Lợi", 1, 275],
     ], ("A4:E4",)),)),
     Loaded(2023, "92", (
         U("Phường Cái Khế", {OPEN: (1, 380)}),
         U("Phường An Hòa", {OPEN: (1, 290)}),
         U("Phường Tân An", {OPEN: (1, 310)}),
         U("Phường Hưng Lợi", {OPEN: (1, 275)}),
     )))

form("nw_dong_huyen_roi_xa", "never wrong", "a district row carrying its communes' sum, then the communes as "
     "'-' rows, with no 'Cộng' word; another district with no commune rows: nothing counted twice (a refusal "
     "is also right)", "DakLak_2022_huyen_xa.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND TỈNH ĐẮK LẮK", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022"],
         [],
         ["TT", "Đơn vị", "Khai mạc", None, "Hội thảo", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
         [1, "Huyện Lắk", 3, 610, 2, 95],
         ["-", "Thị trấn Liên Sơn", 1, 300, 1, 50],
         ["-", "Xã Yang Tao", 1, 150, None, None],
         ["-", "Xã Bông Krang", 1, 160, 1, 45],
         [2, "Huyện Krông Bông", 1, 280, 1, 40],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2022, "66", (
         U("Thị trấn Liên Sơn", {OPEN: (1, 300), SEMINAR: (1, 50)}),
         U("Xã Yang Tao", {OPEN: (1, 150)}),
         U("Xã Bông Krang", {OPEN: (1, 160), SEMINAR: (1, 45)}),
         U("Huyện Krông Bông", {OPEN: (1, 280), SEMINAR: (1, 40)}),
     ), or_rejected=True))

form("nw_tong_kinh_phi_cot", "never wrong", "'Tổng kinh phí (đồng)' merged down beside 'Trong đó' over "
     "NSNN | XHH: the total is a check, never added to a source", "HaTinh_kinh_phi_2024.xlsx",
     Xlsx((Sheet("Kinh phi", [
         *letterhead("UBND TỈNH HÀ TĨNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024: TUYÊN TRUYỀN VÀ KINH PHÍ"],
         [],
         ["TT", "Đơn vị", "Số hoạt động tuyên truyền", "Tổng kinh phí (đồng)", "Trong đó", None],
         [None, None, None, None, "NSNN", "XHH"],
         [1, "Huyện Đức Thọ", 20, 15000000, 10000000, 5000000],
         [2, "Huyện Nghi Xuân", 15, 9000000, 9000000, 0],
         [3, "Huyện Hương Khê", 12, 7500000, 5000000, 2500000],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6")),)),
     Loaded(2024, "42", (
         U("Huyện Đức Thọ", {COMM: (20, 0)}, (10_000_000, 5_000_000)),
         U("Huyện Nghi Xuân", {COMM: (15, 0)}, (9_000_000, 0)),
         U("Huyện Hương Khê", {COMM: (12, 0)}, (5_000_000, 2_500_000)),
     )))

form("nw_khong_co_nam", "never wrong", "no year anywhere (title, file name, cells): refused, naming the year",
     "Bao cao ket qua tuan le.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND THÀNH PHỐ QUY NHƠN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI - TỈNH BÌNH ĐỊNH"],
         [],
         ["TT", "Phường, xã", "Số buổi khai mạc", "Số người tham gia"],
         [1, "Phường Trần Phú", 1, 300],
         [2, "Phường Ngô Mây", 1, 250],
     ], ("A4:D4",)),)),
     Rejected("năm"))

# --- More arrangements: agencies and schools, letterheads, in-person and online, hidden sheets -----------------

form("p1_co_quan_don_vi", "1", "'Cơ quan, đơn vị' column of provincial agencies (a department, an association, "
     "a library, a college): each an agency of the province", "DongThap_CoQuan_2023.xlsx",
     Xlsx((Sheet("Các cơ quan", [
         *letterhead("UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 6),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 CỦA CÁC SỞ, BAN, NGÀNH, ĐOÀN THỂ"],
         [],
         ["TT", "Cơ quan, đơn vị", "Hội thảo, tọa đàm", None, "Triển lãm, trưng bày sách", None,
          "Tuyên dương, khen thưởng", None],
         [None, None, "Số lượng", "Số người", "Số lượng", "Số người", "Số lượng", "Số người"],
         [1, "Sở Văn hóa, Thể thao và Du lịch", None, None, 2, 1500, None, None],
         [2, "Hội Khuyến học tỉnh", 2, 180, None, None, 1, 120],
         [3, "Thư viện tỉnh Đồng Tháp", None, None, 5, 3200, None, None],
         [4, "Trường Cao đẳng Cộng đồng Đồng Tháp", 1, 150, 1, 400, None, None],
         [None, "Cộng", 3, 330, 8, 5100, 1, 120],
     ], ("A4:H4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:H6")),)),
     Loaded(2023, "82", (
         U("Sở Văn hóa, Thể thao và Du lịch", {READ: (2, 1500)}),
         U("Hội Khuyến học tỉnh", {SEMINAR: (2, 180), PRAISE: (1, 120)}),
         U("Thư viện tỉnh Đồng Tháp", {READ: (5, 3200)}),
         U("Trường Cao đẳng Cộng đồng Đồng Tháp", {SEMINAR: (1, 150), READ: (1, 400)}),
     )))

form("p3_tieu_de_moi_sheet", "3", "2025 workbook with a sheet of wards and a sheet of communes; only the first "
     "sheet has the letterhead (Đắk Lắk), and 'Phường Tân An' / 'Xã Hòa Phú' also exist in other provinces",
     "DakLak_2025_phuong_xa.xlsx",
     Xlsx((
         Sheet("Phường", [
             *letterhead("UBND TỈNH ĐẮK LẮK", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
             [],
             ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025"],
             ["Biểu 1: Các phường"],
             ["TT", "Phường", "Lễ khai mạc", None, "Tọa đàm", None],
             [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
             [1, "Phường Tân An", 1, 450, 1, 60],
             [2, "Phường Tuy Hòa", 1, 520, 2, 130],
             [3, "Phường Ea Kao", 1, 300, None, None],
         ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),
         Sheet("Xã", [
             ["Biểu 2: Các xã"],
             ["TT", "Xã", "Lễ khai mạc", None, "Tọa đàm", None],
             [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
             [1, "Xã Hòa Phú", 1, 260, 1, 40],
             [2, "Xã Ea Kar", 1, 310, 1, 55],
             [3, "Xã Krông Pắc", 1, 280, None, None],
         ], ("A2:A3", "B2:B3", "C2:D2", "E2:F2")),
     )),
     Loaded(2025, "66", (
         U("Phường Tân An", {OPEN: (1, 450), SEMINAR: (1, 60)}),
         U("Phường Tuy Hòa", {OPEN: (1, 520), SEMINAR: (2, 130)}),
         U("Phường Ea Kao", {OPEN: (1, 300)}),
         U("Xã Hòa Phú", {OPEN: (1, 260), SEMINAR: (1, 40)}),
         U("Xã Ea Kar", {OPEN: (1, 310), SEMINAR: (1, 55)}),
         U("Xã Krông Pắc", {OPEN: (1, 280)}),
     )))

form("p9_truc_tiep_truc_tuyen", "9", "'Hội thảo, tọa đàm' over 'Số buổi | Người dự trực tiếp | Người dự trực "
     "tuyến': both kinds of participant are the seminar's participants", "DongThap_2021_truc_tuyen.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021"],
         [],
         ["TT", "Đơn vị", "Hội thảo, tọa đàm", None, None, "Học tập trực tuyến", None],
         [None, None, "Số buổi", "Người dự trực tiếp", "Người dự trực tuyến", "Số khóa", "Lượt người"],
         [1, "Thành phố Cao Lãnh", 2, 80, 450, 5, 2300],
         [2, "Thành phố Sa Đéc", 1, 40, 260, 3, 1100],
         [3, "Huyện Lấp Vò", 1, 35, 120, 2, 640],
         [4, "Huyện Tháp Mười", 1, 50, 90, None, None],
         [None, "Cộng", 5, 205, 920, 10, 4040],
     ], ("A4:G4", "A6:A7", "B6:B7", "C6:E6", "F6:G6")),)),
     Loaded(2021, "82", (
         U("Thành phố Cao Lãnh", {SEMINAR: (2, 530), ONLINE: (5, 2300)}),
         U("Thành phố Sa Đéc", {SEMINAR: (1, 300), ONLINE: (3, 1100)}),
         U("Huyện Lấp Vò", {SEMINAR: (1, 155), ONLINE: (2, 640)}),
         U("Huyện Tháp Mười", {SEMINAR: (1, 140)}),
     )))

form("p10_truong_hoc", "10", "a school's own report: the letterhead names the city's education office above "
     "the school, and the sender is the school; funding as lines", "THCS_LeQuyDon_2024.xlsx",
     Xlsx((Sheet("Báo cáo", [
         *letterhead("PHÒNG GD&ĐT THÀNH PHỐ CAO LÃNH", "TRƯỜNG THCS LÊ QUÝ ĐÔN", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"],
         ["(Thành phố Cao Lãnh, tỉnh Đồng Tháp)"],
         ["TT", "Hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Xây dựng tủ sách lớp học", 12, None],
         [2, "Ngày hội đọc sách", 1, 650],
         [3, "Hội thi kể chuyện theo sách", 1, 40],
         [],
         ["Kinh phí:"],
         ["- Ngân sách nhà nước: 3.000.000 đồng"],
         ["- Xã hội hóa (phụ huynh, nhà tài trợ): 5.500.000 đồng"],
         [None, None, "HIỆU TRƯỞNG"],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2024, "82", (
         U("Trường THCS Lê Quý Đôn", {READ: (13, 650), CONTEST: (1, 40)}, (3_000_000, 5_500_000)),
     )))

form("nw_kinh_phi_tong_lech", "never wrong", "the 'Tổng cộng' row states 65.000.000 đồng of state budget where "
     "the rows add up to 64.500.000: loaded from the rows, warning with both numbers", "LamDong_2020_HTSD.xlsx",
     Xlsx((Sheet("Tổng hợp", [
         *letterhead("UBND TỈNH LÂM ĐỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí (đồng)", None],
         [None, None, "Số buổi", "Số người", "NSNN", "XHH"],
         [1, "Thành phố Đà Lạt", 1, 900, 30000000, 12000000],
         [2, "Thành phố Bảo Lộc", 1, 600, 18000000, 5000000],
         [3, "Huyện Đức Trọng", 1, 450, 9500000, 2000000],
         [4, "Huyện Lâm Hà", 1, 380, 7000000, 0],
         [None, "Tổng cộng", 4, 2330, 65000000, 19000000],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2020, "68", (
         U("Thành phố Đà Lạt", {OPEN: (1, 900)}, (30_000_000, 12_000_000)),
         U("Thành phố Bảo Lộc", {OPEN: (1, 600)}, (18_000_000, 5_000_000)),
         U("Huyện Đức Trọng", {OPEN: (1, 450)}, (9_500_000, 2_000_000)),
         U("Huyện Lâm Hà", {OPEN: (1, 380)}, (7_000_000, 0)),
     ), warnings=((65_000_000, 64_500_000),)))

form("nw_sheet_an", "never wrong", "a hidden sheet left over from last year's figures beside the visible report: "
     "only the visible sheet counts", "KrongPac_2021_co_sheet_an.xlsx",
     Xlsx((
         Sheet("Báo cáo 2021", [
             *letterhead("UBND HUYỆN KRÔNG PẮC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
             [],
             ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 - TỈNH ĐẮK LẮK"],
             [],
             ["TT", "Đơn vị", "Học tập trực tuyến", None, "Cuộc thi", None],
             [None, None, "Số lượng", "Số người", "Số lượng", "Số người"],
             [1, "Xã Ea Kênh", 2, 180, 1, 45],
             [2, "Xã Ea Yông", 1, 95, 1, 30],
             [3, "Xã Hòa Đông", 3, 210, None, None],
         ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),
         Sheet("Sheet2", [
             ["TT", "Đơn vị", "Học tập trực tuyến", None, "Cuộc thi", None],
             [None, None, "Số lượng", "Số người", "Số lượng", "Số người"],
             [1, "Xã Ea Kênh", 1, 120, 2, 80],
             [2, "Xã Ea Yông", 1, 60, 1, 25],
             [3, "Xã Hòa Đông", 2, 150, 1, 40],
         ], ("A1:A2", "B1:B2", "C1:D1", "E1:F1"), hidden=True),
     )),
     Loaded(2021, "66", (
         U("Xã Ea Kênh", {ONLINE: (2, 180), CONTEST: (1, 45)}),
         U("Xã Ea Yông", {ONLINE: (1, 95), CONTEST: (1, 30)}),
         U("Xã Hòa Đông", {ONLINE: (3, 210)}),
     )))

form("nw_trung_dong", "never wrong", "one commune written twice with different figures: no reader can tell which "
     "is right, so the form is refused naming the commune", "BaoThang_2024_tong_hop.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN BẢO THẮNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 - TỈNH LÀO CAI"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Hội thi", None],
         [None, None, "Số buổi", "Số người", "Số cuộc", "Số người"],
         [1, "Thị trấn Phố Lu", 1, 350, 2, 70],
         [2, "Xã Xuân Giao", 1, 220, 1, 35],
         [3, "Xã Trì Quang", 1, 160, None, None],
         [4, "Xã Xuân Giao", 1, 240, 1, 40],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Rejected("Xuân Giao"))

form("p3_dvt_trieu_csv", "3", "CSV exported from a merged two-row header (blank cells where the merge was), "
     "'ĐVT: triệu đồng' on its own line above the table, amounts '4,5'", "HonDat_KienGiang_2023.csv",
     Csv([
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 - HUYỆN HÒN ĐẤT, TỈNH KIÊN GIANG"],
         [None, None, None, None, "ĐVT: triệu đồng"],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí", None],
         [None, None, "Số buổi", "Số người", "NSNN", "XHH"],
         [1, "Thị trấn Hòn Đất", 1, 420, "4,5", "1,5"],
         [2, "Thị trấn Sóc Sơn", 1, 360, "3", "1"],
         [3, "Xã Bình Sơn", 1, 210, "2,2", "0"],
         [4, "Xã Mỹ Lâm", 1, 180, "1,8", "0,5"],
         [None, "Cộng", 4, 1170, "11,5", "3"],
     ]),
     Loaded(2023, "91", (
         U("Thị trấn Hòn Đất", {OPEN: (1, 420)}, (4_500_000, 1_500_000)),
         U("Thị trấn Sóc Sơn", {OPEN: (1, 360)}, (3_000_000, 1_000_000)),
         U("Xã Bình Sơn", {OPEN: (1, 210)}, (2_200_000, 0)),
         U("Xã Mỹ Lâm", {OPEN: (1, 180)}, (1_800_000, 500_000)),
     )))

form("p7_phuong_so_theo_tieu_de", "7", "numbered wards ('Phường 1', 'P.2', 'Phường 3') that exist in two towns "
     "of the province, placed by the letterhead's city", "TPSocTrang_2020_HTSD.xlsx",
     Xlsx((Sheet("Phuong", [
         *letterhead("UBND THÀNH PHỐ SÓC TRĂNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020 - TỈNH SÓC TRĂNG"],
         [],
         ["TT", "Phường", "Lễ khai mạc", None, "Trưng bày sách", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
         [1, "Phường 1", 1, 250, 1, 180],
         [2, "P.2", 1, 220, None, None],
         [3, "Phường 3", 1, 190, 2, 260],
         [4, "Phường 10", 1, 160, 1, 90],
         [None, "Cộng", 4, 820, 4, 530],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2020, "92", (
         U("Phường 1", {OPEN: (1, 250), READ: (1, 180)}, district="Thành phố Sóc Trăng"),
         U("Phường 2", {OPEN: (1, 220)}, district="Thành phố Sóc Trăng"),
         U("Phường 3", {OPEN: (1, 190), READ: (2, 260)}, district="Thành phố Sóc Trăng"),
         U("Phường 10", {OPEN: (1, 160), READ: (1, 90)}, district="Thành phố Sóc Trăng"),
     )))

form("p2_khoi_csv", "2", "CSV with group rows 'I. KHỐI CƠ QUAN, ĐƠN VỊ' / 'II. KHỐI XÃ, PHƯỜNG' carrying "
     "subtotals, agencies in the first; 'Phường 1' placed by the town in the title", "NgaNam_2021_tong_hop.csv",
     Csv([
         ["UBND THỊ XÃ NGÃ NĂM - TỈNH SÓC TRĂNG"],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021"],
         ["STT", "Đơn vị", "Lớp học", None, "Tọa đàm", None],
         [None, None, "Số lớp", "Số học viên", "Số buổi", "Số người"],
         ["I", "KHỐI CƠ QUAN, ĐƠN VỊ", 3, 90, 1, 60],
         [1, "Trung tâm GDNN-GDTX thị xã Ngã Năm", 3, 90, None, None],
         [2, "Trung tâm Văn hóa - Thể thao thị xã Ngã Năm", None, None, 1, 60],
         ["II", "KHỐI XÃ, PHƯỜNG", 4, 115, 3, 155],
         [1, "Phường 1", 2, 60, 1, 70],
         [2, "Xã Vĩnh Quới", 1, 30, 1, 45],
         [3, "Xã Tân Long", 1, 25, 1, 40],
         [None, "Tổng cộng", 7, 205, 4, 215],
     ], delimiter=";"),
     Loaded(2021, "92", (
         U("Trung tâm GDNN-GDTX thị xã Ngã Năm", {CLASS: (3, 90)}),
         U("Trung tâm Văn hóa - Thể thao thị xã Ngã Năm", {SEMINAR: (1, 60)}),
         U("Phường 1", {CLASS: (2, 60), SEMINAR: (1, 70)}, district="Thị xã Ngã Năm"),
         U("Xã Vĩnh Quới", {CLASS: (1, 30), SEMINAR: (1, 45)}),
         U("Xã Tân Long", {CLASS: (1, 25), SEMINAR: (1, 40)}),
     )))

form("p10_dung_cho_cap_xa", "10", "2025 ward form whose title carries '(Mẫu dùng cho cấp xã, phường, đặc khu)': "
     "the level words name no sender, the letterhead's ward does", "VinhTrach_2025.xlsx",
     Xlsx((Sheet("Mẫu cấp xã", [
         *letterhead("ỦY BAN NHÂN DÂN", "PHƯỜNG VĨNH TRẠCH", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025"],
         ["(Mẫu dùng cho cấp xã, phường, đặc khu)"],
         ["Phường Vĩnh Trạch, tỉnh Cà Mau"],
         ["TT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ khai mạc", 1, 350],
         [2, "Tuyên truyền trên mạng xã hội", 25, None],
         [3, "Cuộc thi trực tuyến tìm hiểu về chuyển đổi số", 1, 410],
         [],
         ["Kinh phí tổ chức:"],
         ["- Ngân sách nhà nước: 7.000.000 đồng"],
         ["- Xã hội hóa: 3.000.000 đồng"],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2025, "96", (
         U("Phường Vĩnh Trạch", {OPEN: (1, 350), COMM: (25, 0), CONTEST: (1, 410)}, (7_000_000, 3_000_000)),
     )))

form("nw_so_kem_chu", "never wrong", "counts typed with their units ('1 buổi', '350 người', '2 lớp', '60 HV') "
     "and amounts as '5 triệu' / '1.500.000đ' under 'Kinh phí NSNN': read exactly, or refused",
     "GioLinh_QuangTri_2022.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN GIO LINH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2022 - TỈNH QUẢNG TRỊ"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Lớp học", None, "Kinh phí NSNN"],
         [None, None, "Số buổi", "Số người", "Số lớp", "Học viên", None],
         [1, "Thị trấn Gio Linh", "1 buổi", "350 người", "2 lớp", "60 HV", "5 triệu"],
         [2, "Thị trấn Cửa Việt", "1 buổi", "280 người", "1 lớp", "30 HV", "3,5 triệu"],
         [3, "Xã Gio Mỹ", "1 buổi", "150 người", None, None, "1.500.000đ"],
     ], ("A4:G4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:G7")),)),
     Loaded(2022, "44", (
         U("Thị trấn Gio Linh", {OPEN: (1, 350), CLASS: (2, 60)}, (5_000_000, 0)),
         U("Thị trấn Cửa Việt", {OPEN: (1, 280), CLASS: (1, 30)}, (3_500_000, 0)),
         U("Xã Gio Mỹ", {OPEN: (1, 150)}, (1_500_000, 0)),
     ), or_rejected=True))

form("nw_nam_hoc", "never wrong", "schools of a district; the title names the week's year 2024 and the school "
     "year 2024-2025: the week is 2024 (a refusal is also right, another year never is)",
     "DucTrong_truong_hoc_HTSD.xlsx",
     Xlsx((Sheet("Trường học", [
         *letterhead("UBND HUYỆN ĐỨC TRỌNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 - NĂM HỌC 2024-2025"],
         ["Huyện Đức Trọng, tỉnh Lâm Đồng"],
         ["TT", "Đơn vị", "Ngày hội đọc sách", None, "Hội thi", None],
         [None, None, "Số buổi", "Số người", "Số cuộc", "Số người"],
         [1, "Trường TH Kim Đồng", 2, 640, 1, 45],
         [2, "Trường THCS Nguyễn Trãi", 1, 820, 2, 90],
         [3, "Trường MG Hoa Hồng", 1, 150, None, None],
     ], ("A4:F4", "A5:F5", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2024, "68", (
         U("Trường TH Kim Đồng", {READ: (2, 640), CONTEST: (1, 45)}),
         U("Trường THCS Nguyễn Trãi", {READ: (1, 820), CONTEST: (2, 90)}),
         U("Trường MG Hoa Hồng", {READ: (1, 150)}),
     ), or_rejected=True))

form("nw_ngay_bao_cao_nam_sau", "never wrong", "a 2023 report signed on 05/01/2024 by Thị xã Kỳ Anh (Hà Tĩnh "
     "also has a Huyện Kỳ Anh): the date line is not the report's year (a refusal is also right)",
     "KyAnh_BC_tuan_le.xlsx",
     Xlsx((Sheet("BC", [
         *letterhead("UBND THỊ XÃ KỲ ANH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"],
         ["(Thị xã Kỳ Anh, tỉnh Hà Tĩnh)"],
         ["TT", "Hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ phát động", 1, 500],
         [2, "Tập huấn kỹ năng số cho người dân", 3, 150],
         [3, "Tuyên dương gia đình học tập", 1, 40],
         [],
         ["- Ngân sách nhà nước: 20.000.000 đồng"],
         ["- Xã hội hóa: 0 đồng"],
         [None, None, "Kỳ Anh, ngày 05 tháng 01 năm 2024"],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2023, "42", (
         U("Thị xã Kỳ Anh", {OPEN: (1, 500), TRAIN: (3, 150), PRAISE: (1, 40)}, (20_000_000, 0)),
     ), or_rejected=True))

form("p1_cot_ten_trong", "1", "the unit column has no header at all (blank above the names): its values are "
     "commune names", "CamGiang_2023_khong_tieu_de_cot.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN CẨM GIÀNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023 - TỈNH HẢI DƯƠNG"],
         [],
         ["TT", None, "Lễ khai mạc", None, "Hội thi", None],
         [None, None, "Số buổi", "Số người", "Số cuộc", "Số người"],
         [1, "Xã Cẩm Vũ", 1, 230, 1, 60],
         [2, "Xã Cẩm Văn", 1, 190, None, None],
         [3, "Xã Đức Chính", 1, 210, 2, 85],
         [4, "Xã Định Sơn", 1, 175, 1, 40],
         [None, "Cộng", 4, 805, 4, 185],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2023, "31", (
         U("Xã Cẩm Vũ", {OPEN: (1, 230), CONTEST: (1, 60)}),
         U("Xã Cẩm Văn", {OPEN: (1, 190)}),
         U("Xã Đức Chính", {OPEN: (1, 210), CONTEST: (2, 85)}),
         U("Xã Định Sơn", {OPEN: (1, 175), CONTEST: (1, 40)}),
     )))

form("p8_long_huyen_xa_tong", "8", "long CSV with district and commune columns, measures 'Số người tham dự' / "
     "'Kinh phí ngân sách (đồng)' / 'Kinh phí xã hội hóa (đồng)', and 'Toàn huyện' total rows that are a check, "
     "not a unit", "QuangTri_HaiLang_2022_du_lieu.csv",
     Csv([
         ["Tỉnh", "Huyện", "Xã", "Năm", "Hoạt động", "Chỉ tiêu", "Số liệu"],
         ["Quảng Trị", "Hải Lăng", "Thị trấn Diên Sanh", 2022, "Khai mạc", "Số lượng", 1],
         ["Quảng Trị", "Hải Lăng", "Thị trấn Diên Sanh", 2022, "Khai mạc", "Số người tham dự", 400],
         ["Quảng Trị", "Hải Lăng", "Thị trấn Diên Sanh", 2022, "Khai mạc", "Kinh phí ngân sách (đồng)", 6000000],
         ["Quảng Trị", "Hải Lăng", "Xã Hải Phú", 2022, "Khai mạc", "Số lượng", 1],
         ["Quảng Trị", "Hải Lăng", "Xã Hải Phú", 2022, "Khai mạc", "Số người tham dự", 220],
         ["Quảng Trị", "Hải Lăng", "Xã Hải Phú", 2022, "Khai mạc", "Kinh phí xã hội hóa (đồng)", 1500000],
         ["Quảng Trị", "Hải Lăng", "Xã Hải Phú", 2022, "Tham quan", "Số lượng", 1],
         ["Quảng Trị", "Hải Lăng", "Xã Hải Phú", 2022, "Tham quan", "Số người tham dự", 45],
         ["Quảng Trị", "Hải Lăng", "Toàn huyện", 2022, "Khai mạc", "Số lượng", 2],
         ["Quảng Trị", "Hải Lăng", "Toàn huyện", 2022, "Khai mạc", "Số người tham dự", 620],
         ["Quảng Trị", "Hải Lăng", "Toàn huyện", 2022, "Tham quan", "Số lượng", 1],
         ["Quảng Trị", "Hải Lăng", "Toàn huyện", 2022, "Tham quan", "Số người tham dự", 45],
     ]),
     Loaded(2022, "44", (
         U("Thị trấn Diên Sanh", {OPEN: (1, 400)}, (6_000_000, 0)),
         U("Xã Hải Phú", {OPEN: (1, 220), VISIT: (1, 45)}, (0, 1_500_000)),
     )))

form("p10_cap_huyen", "10", "a district's own report titled '… CẤP HUYỆN NĂM 2022': the sender is the district "
     "in the letterhead, 'cấp huyện' names nothing; funding as a two-row table", "TanHiep_cap_huyen_2022.xlsx",
     Xlsx((Sheet("Cấp huyện", [
         *letterhead("UBND HUYỆN TÂN HIỆP", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI CẤP HUYỆN NĂM 2022"],
         ["(Huyện Tân Hiệp, tỉnh Kiên Giang)"],
         ["TT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"],
         [1, "Lễ khai mạc cấp huyện", 1, 550],
         [2, "Hội thảo \"Học tập suốt đời trong thời đại số\"", 1, 130],
         [3, "Tham quan di tích lịch sử", 2, 90],
         [],
         ["TT", "Nguồn kinh phí", "Số tiền (đồng)"],
         [1, "Ngân sách huyện", 18000000],
         [2, "Vận động xã hội hóa", 4000000],
     ], ("A4:D4", "A5:D5")),)),
     Loaded(2022, "91", (
         U("Huyện Tân Hiệp", {OPEN: (1, 550), SEMINAR: (1, 130), VISIT: (2, 90)}, (18_000_000, 4_000_000)),
     )))

form("p1_ubnd_prefix", "1", "'Đơn vị báo cáo' values written as senders: 'UBND xã Cát Hanh', 'UBND TT Cát Tiến'",
     "PhuCat_2024_don_vi_bao_cao.xlsx",
     Xlsx((Sheet("TH", [
         *letterhead("UBND HUYỆN PHÙ CÁT", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 - TỈNH BÌNH ĐỊNH"],
         [],
         ["TT", "Đơn vị báo cáo", "Lễ khai mạc", None, "Tuyên truyền"],
         [None, None, "Số buổi", "Số người", "Số lượng"],
         [1, "UBND xã Cát Hanh", 1, 240, 10],
         [2, "UBND xã Cát Trinh", 1, 205, 7],
         [3, "UBND TT Cát Tiến", 1, 330, 14],
         [4, "UBND xã Cát Hải", 1, 190, 5],
         [None, "Tổng cộng", 4, 965, 36],
     ], ("A4:E4", "A6:A7", "B6:B7", "C6:D6")),)),
     Loaded(2024, "52", (
         U("Xã Cát Hanh", {OPEN: (1, 240), COMM: (10, 0)}),
         U("Xã Cát Trinh", {OPEN: (1, 205), COMM: (7, 0)}),
         U("Thị trấn Cát Tiến", {OPEN: (1, 330), COMM: (14, 0)}),
         U("Xã Cát Hải", {OPEN: (1, 190), COMM: (5, 0)}),
     )))

form("p1_dac_khu_2025", "1", "2025 units of the new An Giang (old Kiên Giang's): 'Đặc khu Phú Quốc', 'Đặc khu "
     "Kiên Hải' beside wards and communes, under 'Tên đơn vị hành chính'", "AnGiang_2025_dac_khu.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND TỈNH AN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025 (khu vực phía Tây)"],
         [],
         ["STT", "Tên đơn vị hành chính", "Lễ phát động", None, "Tham quan", None],
         [None, None, "Số buổi", "Số người", "Số đợt", "Số người"],
         [1, "Đặc khu Phú Quốc", 1, 700, 3, 240],
         [2, "Đặc khu Kiên Hải", 1, 180, 1, 60],
         [3, "Phường Rạch Giá", 1, 650, 2, 150],
         [4, "Xã Tân Hiệp", 1, 300, None, None],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2025, "91", (
         U("Đặc khu Phú Quốc", {OPEN: (1, 700), VISIT: (3, 240)}),
         U("Đặc khu Kiên Hải", {OPEN: (1, 180), VISIT: (1, 60)}),
         U("Phường Rạch Giá", {OPEN: (1, 650), VISIT: (2, 150)}),
         U("Xã Tân Hiệp", {OPEN: (1, 300)}),
     )))

form("p9_xls_ba_dong_doc", "9", "Excel 97-2003, three header rows: 'KẾT QUẢ THỰC HIỆN' across every figure, "
     "activities below, measures at the bottom, and 'Số tin bài tuyên truyền' merged down rows 2-3 beside them; "
     "'Ghi chú' merged down all three", "QuangTri_2021_3dong.xls",
     Xls((Sheet("Bieu", [
         *letterhead("UBND TỈNH QUẢNG TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["BIỂU TỔNG HỢP TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021"],
         [],
         ["TT", "Đơn vị", "KẾT QUẢ THỰC HIỆN", None, None, None, None, "Ghi chú"],
         [None, None, "Số tin bài tuyên truyền", "Lễ khai mạc", None, "Tập huấn kỹ năng số", None, None],
         [None, None, None, "Số buổi", "Số người", "Số lớp", "Số người", None],
         [1, "Thành phố Đông Hà", 40, 1, 750, 3, 120, None],
         [2, "Huyện Gio Linh", 18, 1, 400, 1, 45, "Tổ chức trực tuyến"],
         [3, "Huyện Hải Lăng", 22, 1, 380, 2, 70, None],
         [4, "Huyện Triệu Phong", 15, 1, 350, None, None, None],
         [None, "Tổng cộng", 95, 4, 1880, 6, 235, None],
     ], ("A4:H4", "A6:A8", "B6:B8", "C6:G6", "H6:H8", "C7:C8", "D7:E7", "F7:G7")),)),
     Loaded(2021, "44", (
         U("Thành phố Đông Hà", {COMM: (40, 0), OPEN: (1, 750), TRAIN: (3, 120)}),
         U("Huyện Gio Linh", {COMM: (18, 0), OPEN: (1, 400), TRAIN: (1, 45)}),
         U("Huyện Hải Lăng", {COMM: (22, 0), OPEN: (1, 380), TRAIN: (2, 70)}),
         U("Huyện Triệu Phong", {COMM: (15, 0), OPEN: (1, 350)}),
     )))

form("nw_dong_huyen_lech", "never wrong", "a district row (3 events, 700 participants) over its communes, which "
     "add up to 720: the communes load with a warning naming both numbers, never a negative remainder for the "
     "district (a refusal is also right)", "KrongBong_2023_huyen_xa.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND TỈNH ĐẮK LẮK", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 4),
         [],
         ["KẾT QUẢ LỄ KHAI MẠC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"],
         [],
         ["TT", "Đơn vị", "Số buổi khai mạc", "Số người tham gia"],
         [1, "Huyện Krông Bông", 3, 700],
         ["-", "Thị trấn Krông Kmar", 1, 330],
         ["-", "Xã Hòa Sơn", 1, 210],
         ["-", "Xã Yang Reh", 1, 180],
     ], ("A4:D4",)),)),
     Loaded(2023, "66", (
         U("Thị trấn Krông Kmar", {OPEN: (1, 330)}),
         U("Xã Hòa Sơn", {OPEN: (1, 210)}),
         U("Xã Yang Reh", {OPEN: (1, 180)}),
     ), warnings=((700, 720),), or_rejected=True))

form("p4_ten_khac_nhau", "4", "a 'Bảng 2' of funding naming the same communes differently ('TT Phước An', "
     "'Ea Kly' without type) from the activity table: joined to the same units", "KrongPac_2024_hai_bang.xlsx",
     Xlsx((Sheet("Bao cao", [
         *letterhead("UBND HUYỆN KRÔNG PẮC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 - TỈNH ĐẮK LẮK"],
         [],
         ["Bảng 1. Hoạt động"],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Tọa đàm", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
         [1, "Thị trấn Phước An", 1, 480, 2, 110],
         [2, "Xã Ea Kly", 1, 230, 1, 40],
         [3, "Xã Ea Phê", 1, 260, None, None],
         [],
         ["Bảng 2. Kinh phí (đồng)"],
         ["TT", "Xã/TT", "Ngân sách", "Xã hội hóa"],
         [1, "TT Phước An", 9000000, 2500000],
         [2, "Ea Kly", 3000000, 500000],
         [3, "Ea Phê", 3500000, 0],
     ], ("A4:F4", "A7:A8", "B7:B8", "C7:D7", "E7:F7")),)),
     Loaded(2024, "66", (
         U("Thị trấn Phước An", {OPEN: (1, 480), SEMINAR: (2, 110)}, (9_000_000, 2_500_000)),
         U("Xã Ea Kly", {OPEN: (1, 230), SEMINAR: (1, 40)}, (3_000_000, 500_000)),
         U("Xã Ea Phê", {OPEN: (1, 260)}, (3_500_000, 0)),
     )))

form("nw_don_vi_gop_hai_dong", "never wrong", "each commune's name merged down two rows, one row for in-person "
     "and one for online ('Hình thức'): the two rows add up for the commune (a refusal is also right, giving the "
     "second row to no one or to another unit never is)", "HoangHoa_2024_hinh_thuc.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN HOẰNG HÓA", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024 - TỈNH THANH HÓA"],
         [],
         ["TT", "Đơn vị", "Hình thức", "Hội thảo, tọa đàm", None],
         [None, None, None, "Số buổi", "Số người"],
         [1, "Xã Hoằng Trinh", "Trực tiếp", 1, 70],
         [None, None, "Trực tuyến", 1, 150],
         [2, "Xã Hoằng Sơn", "Trực tiếp", 2, 95],
         [None, None, "Trực tuyến", None, None],
         [3, "Xã Hoằng Lộc", "Trực tiếp", 1, 60],
         [None, None, "Trực tuyến", 1, 210],
     ], ("A4:E4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", "A8:A9", "B8:B9", "A10:A11", "B10:B11", "A12:A13",
         "B12:B13")),)),
     Loaded(2024, "38", (
         U("Xã Hoằng Trinh", {SEMINAR: (2, 220)}),
         U("Xã Hoằng Sơn", {SEMINAR: (2, 95)}),
         U("Xã Hoằng Lộc", {SEMINAR: (2, 270)}),
     ), or_rejected=True))


form("p7_nfd_truc_hung", "7", "every text decomposed (NFD), with Xã Trực Hưng and Xã Trực Hùng of one district",
     "TrucNinh_NamDinh_2021.xlsx",
     Xlsx((Sheet("Sheet1", decomposed([
         *letterhead("UBND HUYỆN TRỰC NINH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021 - TỈNH NAM ĐỊNH"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Triển lãm sách", None],
         [None, None, "Số buổi", "Số người", "Số buổi", "Số người"],
         [1, "Thị trấn Cổ Lễ", 1, 380, 2, 300],
         [2, "Xã Trực Hưng", 1, 210, 1, 120],
         [3, "Xã Trực Hùng", 1, 190, None, None],
         [4, "Xã Trực Đại", 1, 230, 1, 140],
         [None, "Cộng", 4, 1010, 4, 560],
     ]), ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2021, "37", (
         U("Thị trấn Cổ Lễ", {OPEN: (1, 380), READ: (2, 300)}),
         U("Xã Trực Hưng", {OPEN: (1, 210), READ: (1, 120)}),
         U("Xã Trực Hùng", {OPEN: (1, 190)}),
         U("Xã Trực Đại", {OPEN: (1, 230), READ: (1, 140)}),
     )))

form("nw_nguoi_truoc_so_buoi", "never wrong", "measures in the unusual order 'Số người | Số buổi' under each "
     "activity: read by their names, never by position (a refusal is also right)", "HaiLang_2020_thu_tu.xlsx",
     Xlsx((Sheet("Sheet1", [
         *letterhead("UBND HUYỆN HẢI LĂNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 5),
         [],
         ["KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020 - TỈNH QUẢNG TRỊ"],
         [],
         ["TT", "Đơn vị", "Lễ khai mạc", None, "Hội thi", None],
         [None, None, "Số người", "Số buổi", "Số người", "Số cuộc"],
         [1, "Thị trấn Diên Sanh", 420, 1, 95, 2],
         [2, "Xã Hải Phú", 230, 1, 40, 1],
         [3, "Xã Hải Thượng", 260, 1, None, None],
     ], ("A4:F4", "A6:A7", "B6:B7", "C6:D6", "E6:F6")),)),
     Loaded(2020, "44", (
         U("Thị trấn Diên Sanh", {OPEN: (1, 420), CONTEST: (2, 95)}),
         U("Xã Hải Phú", {OPEN: (1, 230), CONTEST: (1, 40)}),
         U("Xã Hải Thượng", {OPEN: (1, 260)}),
     ), or_rejected=True))
