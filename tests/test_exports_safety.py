"""Exports do not carry formulas in from the forms (OWASP CSV injection): the files are opened as a user's
spreadsheet would read them (csv module, openpyxl, the .xlsx's own XML) and every cell is checked."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import exports

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "-",
]
HARMLESS = ["Xã Tân An", "Phường 1 (cũ)", "a=b", "", "-12", "+84912345678", "-3,5%"]


@pytest.fixture
def table() -> pd.DataFrame:
    names = HOSTILE + HARMLESS
    counts = [-5, 0, 1_234_567, -1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    return pd.DataFrame({"Đơn vị": names, "Số người": counts,
                         "Kinh phí": [-1.5] + [float("nan")] * (len(names) - 1)})


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_puts_an_apostrophe_before_formula_like_text_only(table):
    rows = csv_rows(exports.to_csv(table))
    assert rows[0] == ["Đơn vị", "Số người", "Kinh phí"]
    assert [r[0] for r in rows[1:]] == ["'" + text for text in HOSTILE] + HARMLESS


def test_csv_numbers_stay_numbers_negative_ones_too(table):
    rows = csv_rows(exports.to_csv(table))
    assert [r[1] for r in rows[1:4]] == ["-5", "0", "1234567"]
    assert rows[1][2] == "-1.5" and rows[2][2] == ""


def xlsx(table: pd.DataFrame, filters: list[tuple[str, str]]) -> bytes:
    return exports.to_xlsx(table, filters, "Tiêu đề", datetime(2026, 12, 4, 5, 0))


def test_xlsx_keeps_formula_like_text_as_quoted_text(table):
    book = load_workbook(io.BytesIO(xlsx(table, [])))
    cells = [row[0] for row in book["Dữ liệu"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == HOSTILE + [h or None for h in HARMLESS]  # openpyxl reads "" back as None
    assert {c.data_type for c in cells[:len(HOSTILE)]} == {"s"}
    assert [c.quotePrefix for c in cells] == [True] * len(HOSTILE) + [False] * len(HARMLESS)


def test_xlsx_numbers_stay_numbers(table):
    sheet = load_workbook(io.BytesIO(xlsx(table, []))).active
    assert [(c.value, c.data_type) for c in sheet["B"][1:4]] == [(-5, "n"), (0, "n"), (1_234_567, "n")]
    assert (sheet["C2"].value, sheet["C2"].data_type) == (-1.5, "n")


def test_xlsx_holds_no_formula_at_all_even_in_the_filters_sheet(table):
    data = xlsx(table, [("Đơn vị", '=HYPERLINK("http://x","y")'), ("Tỉnh", "Huế")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 2
    assert not any(re.search(r"<f[ >]", xml) for xml in sheets)
    about = load_workbook(io.BytesIO(data))["Bộ lọc"]
    assert (about["A4"].value, about["B4"].value, about["B4"].data_type) == (
        "Đơn vị", '=HYPERLINK("http://x","y")', "s")
    assert about["B4"].quotePrefix and not about["B5"].quotePrefix
