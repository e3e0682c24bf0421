"""Document context: the unit of amounts a form states once ('Đơn vị tính: nghìn đồng') scales every amount
that does not name its own unit. Read as đồng, these forms loaded 1.000x too small without a word."""

import pytest

from tests.reading_support import LETTERHEAD, figures, read, workbook

HEADER = [["STT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí", None],
          [None, None, "Số lượng", "Số người tham gia", "Ngân sách nhà nước", "Xã hội hóa"]]
BODY = [[1, "Thị trấn Cái Dầu", 1, 200, 5000, 2000], [2, "Xã Bình Long", 1, 150, "3.500", 0]]


@pytest.mark.parametrize(("unit_line", "scale"), [
    ([None, None, None, None, "Đơn vị tính: nghìn đồng"], 1_000),
    (["(ĐVT: 1.000 đồng)"], 1_000),
    ([None, None, None, None, None, "ĐVT: Triệu đồng"], 1_000_000),
    (["Đơn vị tính: đồng"], 1),
])
def test_a_unit_line_above_the_table_scales_its_amounts(unit_line, scale, vocab, index):
    parsed = read(workbook(("Biểu", LETTERHEAD + [unit_line] + HEADER + BODY)), vocab, index)
    assert figures(parsed) == {
        "Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {"state_budget": 5000 * scale, "social": 2000 * scale}),
        "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {"state_budget": 3500 * scale, "social": 0})}


def test_a_unit_note_in_a_header_cell_scales_and_is_no_column(vocab, index):
    header = [HEADER[0] + ["ĐVT: nghìn đồng"], HEADER[1]]
    parsed = read(workbook(("Biểu", LETTERHEAD + header + BODY)), vocab, index)
    assert figures(parsed)["Xã Bình Long"][1] == {"state_budget": 3_500_000, "social": 0}
    assert parsed.warnings == []


def test_a_header_naming_its_own_unit_wins_over_the_line(vocab, index):
    header = [["STT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí (đồng)", None], HEADER[1]]
    rows = LETTERHEAD + [["Đơn vị tính: nghìn đồng"]] + header + [[1, "Xã Bình Long", 1, 150, 3_500_000, 0]]
    assert figures(read(workbook(("Biểu", rows)), vocab, index))["Xã Bình Long"][1] == {
        "state_budget": 3_500_000, "social": 0}


def test_a_single_unit_form_reads_each_amount_in_its_row_unit(vocab, index):
    """'Kinh phí NSNN | triệu đồng | 45' and 'Kinh phí XHH | nghìn đồng | 1.500' in a form with a ĐVT column."""
    rows = LETTERHEAD + [["STT", "Nội dung", "ĐVT", "Số lượng", "Số người tham gia"],
                         [1, "Lễ khai mạc", "buổi", 1, 300],
                         [2, "Kinh phí NSNN", "triệu đồng", 45, None],
                         [3, "Kinh phí XHH", "nghìn đồng", 1500, None]]
    assert figures(read(workbook(("Biểu", rows)), vocab, index)) == {
        "Huyện Châu Phú": ({"opening_ceremony": (1, 300)}, {"state_budget": 45_000_000, "social": 1_500_000})}


def test_funding_lines_of_a_single_unit_form_follow_the_stated_unit(vocab, index):
    rows = LETTERHEAD + [["(Đơn vị tính kinh phí: triệu đồng)"], ["STT", "Nội dung", "Số lượng", "Số người"],
                         [1, "Lễ khai mạc", 1, 300], [], ["Ngân sách nhà nước: 12"], ["Xã hội hóa: 3,5"]]
    assert figures(read(workbook(("Biểu", rows)), vocab, index))["Huyện Châu Phú"][1] == {
        "state_budget": 12_000_000, "social": 3_500_000}
