"""Rows that are not units: group rows (with or without their subtotal), 'Cộng huyện X' subtotals, the grand
total, the place-and-date line, the signature block and notes, in any column. None is loaded; the rows with
figures are checks on the unit rows they cover."""

import pytest

from etl.errors import FormError
from etl.extract import row_role
from tests.reading_support import LETTERHEAD, figures, messages, read, workbook

HEADER = [["STT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí (đồng)", None],
          [None, None, "Số lượng", "Số người tham gia", "NSNN", "XHH"]]
CAI_DAU = [1, "Thị trấn Cái Dầu", 1, 200, 5_000_000, 2_000_000]
BINH_LONG = [2, "Xã Bình Long", 1, 150, 3_000_000, 0]
UNITS = {"Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {"state_budget": 5_000_000, "social": 2_000_000}),
         "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {"state_budget": 3_000_000, "social": 0})}
OFFICE = {"Phòng Giáo dục và Đào tạo": ({"opening_ceremony": (1, 100)}, {"state_budget": 1_000_000, "social": 0})}


@pytest.mark.parametrize(("label", "stt", "role"), [
    ("Tổng cộng", "", "total"), ("Cộng", "", "total"), ("Toàn huyện", "", "total"),
    ("Cộng huyện Châu Phú", "", "subtotal"), ("Tổng cấp xã", "", "subtotal"), ("Cộng I", "", "subtotal"),
    ("I. Cấp huyện", "", "group"), ("Cấp xã, thị trấn", "II", "group"), ("B - Khối trường học", "", "group"),
    ("Các xã", "", "group"), ("Vùng 2", "", "group"), ("II", "", "group"),
    ("Vũng Tàu", "", "unit"), ("A Lưới", "", "unit"), ("Xã Cộng Hòa", "", "unit"), ("Cộng Hòa", "3", "unit"),
    ("Vi Xuyên", "", "unit"), ("Xã Bình Long", "1", "unit"),
])
def test_the_role_of_a_row_comes_from_its_own_words(label, stt, role, vocab):
    assert row_role(label, stt, vocab) == role


def test_group_rows_carrying_subtotals_are_checks_not_units(vocab, index):
    rows = LETTERHEAD + HEADER + [
        ["I", "Cấp huyện", 1, 100, 1_000_000, 0], [1, "Phòng Giáo dục và Đào tạo", 1, 100, 1_000_000, 0],
        ["II", "Cấp xã, thị trấn", 2, 350, 8_000_000, 2_000_000], CAI_DAU, BINH_LONG,
        [None, "Tổng cộng", 3, 450, 9_000_000, 2_000_000]]
    parsed = read(workbook(("Biểu", rows)), vocab, index)
    assert figures(parsed) == {**OFFICE, **UNITS}
    assert messages(parsed) == []


def test_a_group_subtotal_that_does_not_add_up_is_named_with_both_numbers(vocab, index):
    rows = LETTERHEAD + HEADER + [["A.", "Các xã, thị trấn", 2, 360, 8_000_000, 2_000_000], CAI_DAU, BINH_LONG]
    parsed = read(workbook(("Biểu", rows)), vocab, index)
    assert figures(parsed) == UNITS
    assert messages(parsed) == ["dòng tổng cộng không khớp: ô D6 (số người) ghi 360, cộng các dòng được 350"]


def test_subtotal_rows_close_the_rows_above_them(vocab, index):
    rows = LETTERHEAD + HEADER + [CAI_DAU, BINH_LONG, [None, "Cộng huyện Châu Phú", 2, 350, 8_000_000, 2_000_000],
                                  [None, "Tổng cộng toàn tỉnh", 2, 350, 8_000_000, 2_000_000]]
    parsed = read(workbook(("Biểu", rows)), vocab, index)
    assert figures(parsed) == UNITS
    assert messages(parsed) == []


@pytest.mark.parametrize("closing", [
    [[None, "Châu Phú, ngày 20 tháng 10 năm 2023"]],
    [[None, None, None, "An Giang, ngày 5/10/2023"]],
    [[None, None, None, "NGƯỜI LẬP BIỂU", None, "TRƯỞNG PHÒNG"]],
    [["Ghi chú: số liệu tính đến ngày 15/10"]],
    [["Nơi nhận:"], ["- Sở GDĐT;"], ["- Lưu: VT."]],
])
def test_lines_under_the_table_are_never_units_even_without_a_blank_row(closing, vocab, index):
    rows = LETTERHEAD + HEADER + [CAI_DAU, BINH_LONG] + closing
    parsed = read(workbook(("Biểu", rows)), vocab, index)
    assert figures(parsed) == UNITS
    assert messages(parsed) == []


@pytest.mark.parametrize("header", [
    [["STT", "Đơn vị", "Lễ khai mạc", "Số người tham gia"]],
    [["TT", "Nội dung", "Số lượng", "Số người tham gia"]],
    [["STT", "Xã, phường", "Lễ khai mạc", None], [None, None, "Số lượng", "Số người"]],
])
def test_a_table_with_headers_and_no_data_rows_loads_nothing_and_says_so(header, vocab, index):
    rows = LETTERHEAD + header + [[None, "Châu Phú, ngày 20 tháng 10 năm 2023"], [None, "NGƯỜI LẬP BIỂU"]]
    with pytest.raises(FormError, match="không có dòng số liệu nào"):
        read(workbook(("Biểu", rows)), vocab, index)


def test_communes_under_a_district_row_adding_up_to_more_are_named_with_both_numbers(vocab, index):
    """A province sheet: 'Huyện Châu Phú' (2 ceremonies, 300 people) over its communes (200 + 150 = 350 people)."""
    rows = [["UBND TỈNH AN GIANG"], ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], ["KẾT QUẢ TUẦN LỄ HỌC TẬP SUỐT ĐỜI NĂM 2023"],
            ["TT", "Đơn vị", "Số buổi khai mạc", "Số người tham gia"], [1, "Huyện Châu Phú", 2, 300],
            ["-", "Thị trấn Cái Dầu", 1, 200], ["-", "Xã Bình Long", 1, 150]]
    parsed = read(workbook(("Tỉnh", rows)), vocab, index)
    assert {r.unit.name: r.kept_facts for r in parsed.reports} == {
        "Huyện Châu Phú": {"opening_ceremony": (2, 300)}, "Thị trấn Cái Dầu": {"opening_ceremony": (1, 200)},
        "Xã Bình Long": {"opening_ceremony": (1, 150)}}
    assert messages(parsed) == ["các đơn vị bên dưới 'Huyện Châu Phú' cộng lớn hơn số của chính đơn vị: ô D5 (số "
                                "người) ghi 300, cộng các dòng được 350"]
