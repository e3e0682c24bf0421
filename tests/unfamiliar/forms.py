"""The unfamiliar returned forms, as plain data, each with the outcome a careful officer reads from it.

Every figure in an `expect` was worked out by hand from the rows written beside it (totals rows were added
up by hand too); nothing here comes from running the ETL. Unit names are real units of the map in force
that year, from the official lists in `vietnamadminunits` (the old 63-province map before 1/7/2025, the
34 provinces and 3,321 communes from the 2025 week on).
"""

from __future__ import annotations

from .expect import CLASS, COMM, CONTEST, ONLINE, OPEN, PRAISE, READ, SEMINAR, TRAIN, VISIT, Form, Loaded, U
from .files import Csv, Sheet, Xls, Xlsx

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def letterhead(upper: str, lower: str, motto_column: int = 4) -> list[list]:
    """The two letterhead lines: the issuing body on the left, the national motto on the right."""
    pad = [None] * (motto_column - 1)
    return [[upper, *pad, MOTTO[0]], [lower, *pad, MOTTO[1]]]


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

