import pytest

from etl.values import ValueProblem, header_multiplier, parse_amount, parse_number


@pytest.mark.parametrize("raw, expected", [
    ("1.234.567", 1234567), ("1,5", 1.5), ("1.234,5", 1234.5), ("12", 12), (12.0, 12), (7, 7),
    ("", 0), (None, 0), ("-", 0), ("không", 0), ("Không", 0), ("KHÔNG", 0), (" 2.000 ", 2000), ("1,234,567", 1234567),
])
def test_vietnamese_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw, header_unit, expected", [
    ("15.000.000 đồng", None, 15_000_000), ("15 triệu", None, 15_000_000), ("2,5 tỷ", None, 2_500_000_000),
    ("1.000đ", None, 1_000), ("500 nghìn", None, 500_000), ("3,5", 1_000_000, 3_500_000), (12, 1_000, 12_000),
    ("15 tr", None, 15_000_000), ("20.000", 1_000, 20_000_000), ("Không", 1_000_000, 0),
    ("15.000.000 đồng", 1_000_000, 15_000_000),  # the cell's own unit wins over the header's
])
def test_amounts_are_converted_to_vnd(raw, header_unit, expected):
    assert parse_amount(raw, header_unit) == expected


@pytest.mark.parametrize("raw", ["khoảng 200", "đang cập nhật", "1.23.4", "12 người", "x2", "-5"])
def test_text_in_numeric_cell_is_a_problem(raw):
    with pytest.raises(ValueProblem, match="không phải là số"):
        parse_number(raw)


@pytest.mark.parametrize("header, expected", [
    ("Kinh phí (triệu đồng)", 1_000_000), ("NSNN (1.000đ)", 1_000), ("Kinh phí (đồng)", 1), ("XHH (tr.đ)", 1_000_000),
    ("Kinh phí (nghìn đồng)", 1_000), ("Số lượng", None), ("Ngân sách nhà nước", None),
])
def test_amount_unit_from_header(header, expected):
    assert header_multiplier(header) == expected
