import io

import openpyxl
import pytest

from etl.errors import FormError
from etl.read import decode_text, read_sheets

CSV_TEXT = "Đơn vị;Lễ khai mạc;Số người\nPhường Tân Chánh Hiệp;1;1.200\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
def test_csv_encodings_decode_to_the_same_text(encoding):
    data = CSV_TEXT.encode(encoding)  # utf-16-le has no BOM: told by the zero bytes of ASCII characters
    assert decode_text(data) == CSV_TEXT


def test_windows_1258_with_combining_tones_is_decoded():
    data = "Ph\u01b0\u01a1\u0300ng".encode("cp1258")  # Phường as Windows-1258 writes it: ươ + combining grave
    assert decode_text(data) == "Ph\u01b0\u01a1\u0300ng"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters(delimiter):
    text = CSV_TEXT.replace(";", delimiter) if delimiter != ";" else CSV_TEXT
    text = text.replace("1.200", '"1.200"') if delimiter == "," else text
    rows = read_sheets(text.encode(), "x.csv")[0].rows
    assert rows[1] == ["Phường Tân Chánh Hiệp", "1", "1.200"]


def _xlsx(build) -> bytes:
    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_hidden_sheets_are_flagged_and_merged_ranges_kept():
    def build(book):
        sheet = book.active
        sheet.title = "Báo cáo"
        sheet["B2"] = "Lễ khai mạc"
        sheet.merge_cells("B2:C2")
        hidden = book.create_sheet("Hướng dẫn ẩn")
        hidden.sheet_state = "hidden"
    sheets = read_sheets(_xlsx(build), "a.xlsx")
    assert [(s.name, s.hidden) for s in sheets] == [("Báo cáo", False), ("Hướng dẫn ẩn", True)]
    assert sheets[0].merged == [(1, 1, 1, 2)]
    assert sheets[0].rows[1][1] == "Lễ khai mạc"  # absolute position kept although row 1 is empty


def test_formula_without_cached_value_names_its_cell():
    def build(book):
        book.active.title = "Tổng hợp"
        book.active["C7"] = 5
        book.active["C9"] = "=SUM(C7:C8)"
    with pytest.raises(FormError) as error:
        read_sheets(_xlsx(build), "a.xlsx")
    assert (error.value.issue.sheet, error.value.issue.cell) == ("Tổng hợp", "C9")


@pytest.mark.parametrize("name, data, message", [
    ("a.xlsx", b"PK\x03\x04 not really a zip", "không mở được"),
    ("a.pdf", b"%PDF", "không được hỗ trợ"),
    ("a.csv", b"", "rỗng"),
])
def test_unreadable_files_say_why(name, data, message):
    with pytest.raises(FormError, match=message):
        read_sheets(data, name)
