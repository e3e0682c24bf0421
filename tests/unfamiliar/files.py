"""Writers for the unfamiliar forms: a form is plain data (sheets of rows, merged ranges, a CSV's rows and
encoding), written to a real file at test time the way Excel or a spreadsheet export would have saved it."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.utils import range_boundaries

Row = list  # cell values, None for an empty cell


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[Row]
    merges: tuple[str, ...] = ()  # A1 ranges such as "A5:A7"; the value sits in the range's first cell
    hidden: bool = False


@dataclass(frozen=True)
class Xlsx:
    sheets: tuple[Sheet, ...]

    def write(self, path: Path) -> None:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for sheet in self.sheets:
            ws = book.create_sheet(sheet.name)
            for row in sheet.rows:
                ws.append(row)
            for merged in sheet.merges:
                ws.merge_cells(merged)
            ws.sheet_state = "hidden" if sheet.hidden else "visible"
        book.save(path)


@dataclass(frozen=True)
class Xls:
    """Excel 97-2003, as many district offices still send."""

    sheets: tuple[Sheet, ...]

    def write(self, path: Path) -> None:
        book = xlwt.Workbook(encoding="utf-8")
        for sheet in self.sheets:
            ws = book.add_sheet(sheet.name)
            for r, row in enumerate(sheet.rows):
                for c, value in enumerate(row):
                    if value is not None:
                        ws.write(r, c, value)
            for merged in sheet.merges:
                min_col, min_row, max_col, max_row = range_boundaries(merged)
                ws.merge(min_row - 1, max_row - 1, min_col - 1, max_col - 1)
        book.save(str(path))


@dataclass(frozen=True)
class Csv:
    rows: list[Row]
    encoding: str = "utf-8-sig"  # "utf-8-sig" (Excel's 'CSV UTF-8'), "cp1258", "utf-16"
    delimiter: str = ","

    def write(self, path: Path) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n").writerows(
            ["" if v is None else v for v in row] for row in self.rows)
        text = buffer.getvalue()
        data = windows_1258(text) if self.encoding == "cp1258" else text.encode(self.encoding)
        path.write_bytes(data)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # the five tone marks Windows-1258 keeps apart


def windows_1258(text: str) -> bytes:
    """Windows-1258 has â, ê, ô, ă, ơ, ư as letters but the tones as combining marks: 'ệ' is 'ê' + dot below."""
    out = []
    for char in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(char):
            out.append([char, ""])
        elif char in _TONES:
            out[-1][1] += char
        else:
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + char)
    return "".join(base + tones for base, tones in out).encode("cp1258")
