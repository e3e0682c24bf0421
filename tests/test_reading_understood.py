"""What was understood, per sheet: the layout, each column's meaning (and what is not counted), and which rows
were units, groups, totals and notes — the lines an officer checks against the form."""

from etl.understood import SheetReading
from tests.reading_support import LETTERHEAD, read, workbook


def test_a_consolidated_sheet_is_described_column_by_column_and_row_by_row(vocab, index):
    rows = LETTERHEAD + [
        ["STT", "Tên xã, thị trấn", "Lễ khai mạc", None, "Kinh phí (đồng)", None, "Tỷ lệ (%)"],
        [None, None, "Số lượng", "Số người tham gia", "NSNN", "XHH"],
        ["I", "Cấp xã", 2, 350, 8_000_000, 2_000_000], [1, "Thị trấn Cái Dầu", 1, 200, 5_000_000, 2_000_000, 3],
        [2, "Xã Bình Long", 1, 150, 3_000_000, 0, 4], [None, "Tổng cộng", 2, 350, 8_000_000, 2_000_000],
        [None, "Châu Phú, ngày 20 tháng 10 năm 2023"], ["Nơi nhận:"]]
    [reading] = read(workbook(("Biểu", rows)), vocab, index).readings
    assert reading.lines() == [
        "Sheet 'Biểu': bảng tổng hợp (mỗi dòng một đơn vị)",
        "  cột A 'STT': số thứ tự",
        "  cột B 'Tên xã, thị trấn': đơn vị (nhận ra theo nội dung các ô)",
        "  cột C 'Lễ khai mạc / Số lượng': Lễ khai mạc, phát động — số hoạt động",
        "  cột D 'Lễ khai mạc / Số người tham gia': Lễ khai mạc, phát động — số người",
        "  cột E 'Kinh phí (đồng) / NSNN': kinh phí — ngân sách nhà nước",
        "  cột F 'Kinh phí (đồng) / XHH': kinh phí — xã hội hóa",
        "  cột G 'Tỷ lệ (%)': tỷ lệ / bình quân / so sánh — không tính",
        "  Đơn vị: dòng 7–8", "  Nhóm: dòng 6", "  Tổng cộng: dòng 9", "  Ghi chú, ngày tháng, chữ ký: dòng 10–11"]


def test_a_single_unit_form_with_a_funding_table_is_read_as_two_tables(vocab, index):
    rows = LETTERHEAD + [["TT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"], [1, "Lễ khai mạc", 1, 450],
                         [], ["TT", "Nguồn kinh phí", "Số tiền (đồng)", "Kế hoạch (đồng)"],
                         [1, "Ngân sách nhà nước", 25_000_000, 30_000_000]]
    readings: list[SheetReading] = read(workbook(("Báo cáo", rows)), vocab, index).readings
    assert [r.lines()[0] for r in readings] == ["Sheet 'Báo cáo': biểu của một đơn vị (mỗi dòng một hoạt động)"] * 2
    assert readings[1].columns[2:] == [("C", "Số tiền (đồng)", "số tiền"),
                                       ("D", "Kế hoạch (đồng)", "kế hoạch — không tính")]
