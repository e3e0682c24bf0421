"""Exports of the filtered table: CSV with a BOM (Excel then shows Vietnamese) and a formatted .xlsx."""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def to_csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")


def to_xlsx(df: pd.DataFrame, filters: list[tuple[str, str]], title: str, now: datetime | None = None) -> bytes:
    """Bold frozen header, number formats, autofilter, widths, and a sheet stating filters and time."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet.append(list(df.columns))
    for row in df.itertuples(index=False):
        sheet.append([None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row])
    _style_table(sheet, df)
    about = book.create_sheet("Bộ lọc")
    about.append([title])
    about.append(["Thời điểm xuất", (now or datetime.now()).strftime("%d/%m/%Y %H:%M")])
    about.append(["Số dòng", len(df)])
    for name, value in filters:
        about.append([name, value])
    about["A1"].font = Font(bold=True, size=13)
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 22, 80
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
