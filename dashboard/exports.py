"""Exports of the filtered table: CSV with a BOM (Excel then shows Vietnamese) and a formatted .xlsx.

Every exported cell that holds text goes through `inert`, as the OWASP guidance on CSV injection asks: the text
comes from returned forms (unit names, sheet and file names, notes), and a spreadsheet would otherwise take a
text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return for a formula (`=HYPERLINK(...)` a link to
click, `=cmd|...` a command). In the CSV such a text gets a leading apostrophe, which Excel and LibreOffice show
as text; in the .xlsx it is stored as a string cell marked "quote prefix", so it stays text even when edited,
and its value is unchanged. Numbers stay numbers, negative ones too; so does a text that is only a number.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what makes a spreadsheet read a cell as a formula
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")  # "-12", "+1.234,5", "-3,5%": a spreadsheet reads a number, no formula


def needs_quoting(text: str) -> bool:
    """A text a spreadsheet would evaluate as a formula rather than show."""
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


def inert(value: object) -> object:
    """The value as a CSV field a spreadsheet shows as written: formula-like text behind an apostrophe."""
    return "'" + value if isinstance(value, str) and needs_quoting(value) else value


def to_csv(df: pd.DataFrame) -> bytes:
    """CRLF line ends, as Excel writes them: then a field holding a lone carriage return is quoted too, where
    with "\n" alone it would end the row in the middle of a cell."""
    safe = df.rename(columns=inert).apply(lambda column: column.map(inert) if _holds_text(column) else column)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _holds_text(column: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column))


def to_xlsx(df: pd.DataFrame, filters: list[tuple[str, str]], title: str, now: datetime | None = None) -> bytes:
    """Bold frozen header, number formats, autofilter, widths, and a sheet stating filters and time."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    _append(sheet, list(df.columns))
    for row in df.itertuples(index=False):
        _append(sheet, [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row])
    _style_table(sheet, df)
    about = book.create_sheet("Bộ lọc")
    _append(about, [title])
    _append(about, ["Thời điểm xuất", (now or datetime.now()).strftime("%d/%m/%Y %H:%M")])
    _append(about, ["Số dòng", len(df)])
    for name, value in filters:
        _append(about, [name, value])
    about["A1"].font = Font(bold=True, size=13)
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 22, 80
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append(sheet, values: list) -> None:
    """One row, every text a string cell: openpyxl would store a text beginning with "=" as a live formula.
    Formula-like text is also marked "quote prefix", as Excel marks a text typed after an apostrophe."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = needs_quoting(cell.value)


def _style_table(sheet, df: pd.DataFrame) -> None:
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(df.columns), 1))}{len(df) + 1}"
    for index, column in enumerate(df.columns, start=1):
        letter = get_column_letter(index)
        numeric = pd.api.types.is_numeric_dtype(df[column]) and not pd.api.types.is_bool_dtype(df[column])
        is_year = str(column).lower() == "năm"  # "Năm 2025 (triệu đồng)" holds amounts, not years
        if numeric and not is_year:
            whole = pd.api.types.is_integer_dtype(df[column]) or (df[column].dropna() % 1 == 0).all()
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0" if whole else "#,##0.0##"  # amounts in triệu/tỷ keep their decimals
        longest = max([len(str(column))] + [len(str(v)) for v in df[column].head(500)])
        sheet.column_dimensions[letter].width = min(max(10, longest + 2), 45)
