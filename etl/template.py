"""`python -m etl template`: the blank form localities fill in (consolidated layout).

Headers use the wording of `data/indicators.csv`, which the synonym table maps back, so a filled
template always reads cleanly. No formulas: a workbook saved by a script has no cached results.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BLANK_ROWS = 40
HEADER_ROW = 7
FIRST_VALUE_COLUMN = 3
THIN = Side(style="thin", color="808080")
INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN BIỂU",
    "1. Ghi tên cơ quan báo cáo ở ô A1 (ví dụ: UBND HUYỆN CHÂU PHÚ) và tỉnh/thành phố ở ô A2 (ví dụ: TỈNH AN GIANG).",
    "2. Mỗi dòng là một đơn vị (xã, phường, thị trấn, cơ quan, trường học); ghi đúng tên, có thể có hoặc "
    "không có chữ 'Xã', 'Phường'.",
    "3. Ghi số, không ghi chữ: để trống hoặc ghi 0 khi không tổ chức. Không cần dòng tổng cộng, hệ thống tự cộng.",
    "4. Kinh phí ghi bằng đồng (ví dụ 15000000), tách ngân sách nhà nước và xã hội hóa.",
    "5. Không đổi tên cột, không chèn cột. Cần ghi chú thì dùng cột Ghi chú.",
    "6. Lưu tệp dạng .xlsx và gửi về cấp trên đúng hạn.",
]


def indicator_labels() -> list[tuple[str, str]]:
    """(indicator key, Vietnamese label) in display order, shared with the dashboard. Read once per version of
    the file: every table read describes its columns with them."""
    path = DATA_DIR / "indicators.csv"
    return list(_labels(path, path.stat().st_mtime_ns))


@cache
def _labels(path: Path, version: int) -> tuple[tuple[str, str], ...]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple((row["indicator"], row["label_vi"]) for row in csv.DictReader(handle))


def write_template(year: int, out: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    title_block(sheet, year)
    last_column = header(sheet)
    _body(sheet, last_column)
    _instructions(book.create_sheet("Hướng dẫn"))
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def title_block(sheet, year: int, issuer: tuple[str, str] = ("UBND ....................",
                                                          "TỈNH/THÀNH PHỐ ...................."),
                title: str = "BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI") -> None:
    """The issuer (two lines, top left), the national motto (top right) and the title naming the year, which
    is what the reader takes the year from. Shared with the consolidated report sent upward (reports.upward)."""
    sheet["A1"], sheet["A2"] = issuer
    sheet["H1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet["H2"] = "Độc lập - Tự do - Hạnh phúc"
    sheet["A4"] = f"{title} NĂM {year}"
    for ref in ("A1", "A2", "H1", "A4"):
        sheet[ref].font = Font(bold=True, size=12 if ref != "A4" else 14)


def header(sheet, leading: tuple[str, ...] = ("STT", "Đơn vị"),
           funding: tuple[str, ...] = ("Ngân sách nhà nước", "Xã hội hóa")) -> int:
    """The two header rows: the `leading` columns, each activity's count and participants, the funding columns
    and Ghi chú. Returns the last column."""
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    groups: list[tuple[str, tuple[str, ...] | None]] = [(name, None) for name in leading]
    groups += [(label, ("Số lượng", "Số người tham gia")) for _, label in indicator_labels()]
    groups += [("Kinh phí (đồng)", funding), ("Ghi chú", None)]
    column = 1
    for group, leaves in groups:
        span = len(leaves) if leaves else 1
        sheet.cell(HEADER_ROW, column, group)
        if leaves:
            sheet.merge_cells(start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW,
                              end_column=column + span - 1)
            for offset, leaf in enumerate(leaves):
                sheet.cell(HEADER_ROW + 1, column + offset, leaf)
        else:
            sheet.merge_cells(start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW + 1, end_column=column)
        column += span
    for row in (HEADER_ROW, HEADER_ROW + 1):
        for col in range(1, column):
            cell = sheet.cell(row, col)
            cell.font, cell.fill, cell.border = bold, fill, Border(THIN, THIN, THIN, THIN)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 45
    sheet.row_dimensions[HEADER_ROW + 1].height = 30
    return column - 1


def _body(sheet, last_column: int) -> None:
    first, last = HEADER_ROW + 2, HEADER_ROW + 1 + BLANK_ROWS
    for offset, row in enumerate(range(first, last + 1), start=1):
        sheet.cell(row, 1, offset)
        for col in range(1, last_column + 1):
            sheet.cell(row, col).border = Border(THIN, THIN, THIN, THIN)
            if FIRST_VALUE_COLUMN <= col < last_column:
                sheet.cell(row, col).number_format = "#,##0"
    value_range = f"{get_column_letter(FIRST_VALUE_COLUMN)}{first}:{get_column_letter(last_column - 1)}{last}"
    rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                          showErrorMessage=True, errorTitle="Chỉ nhập số",
                          error="Ô này chỉ nhận số nguyên không âm (để trống nếu không có).")
    rule.add(value_range)
    sheet.add_data_validation(rule)
    sheet.freeze_panes = sheet.cell(first, FIRST_VALUE_COLUMN)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 30
    for col in range(FIRST_VALUE_COLUMN, last_column + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 13
    sheet.cell(last + 2, 2, "NGƯỜI LẬP BIỂU").font = Font(bold=True)
    sheet.cell(last + 2, 10, "THỦ TRƯỞNG ĐƠN VỊ").font = Font(bold=True)


def _instructions(sheet) -> None:
    for row, text in enumerate(INSTRUCTIONS, start=1):
        sheet.cell(row, 1, text).font = Font(bold=row == 1)
    sheet.column_dimensions["A"].width = 120
