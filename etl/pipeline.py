"""The pure part of the ETL: one file's bytes -> the reports it holds, or the reason it is rejected.

read -> find table -> map headers -> parse values -> resolve units -> validate. Nothing here
touches the warehouse, so every step can be tested on bytes made in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.errors import FormError, Issue
from etl.extract import Extraction, extract
from etl.headers import Vocabulary
from etl.read import read_sheets
from etl.resolve import Options, Placer, Report, file_year
from etl.tables import Table, find_table
from etl.text import fold
from etl.title import read_title
from etl.units import UnitIndex
from etl.validate import check_report, check_totals

INSTRUCTION_SHEETS = ("huong dan", "instructions", "hdsd")


@dataclass
class ParsedFile:
    reports: list[Report] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # sheet -> layout read


def parse_file(data: bytes, filename: str, vocab: Vocabulary, index: UnitIndex,
               options: Options | None = None) -> ParsedFile:
    """All reports in a file; raises FormError (with sheet and cell) when it must be rejected."""
    options = options or Options()
    parsed = ParsedFile()
    sheets = read_sheets(data, filename)
    for sheet in sheets:
        if sheet.hidden or fold(sheet.name).startswith(INSTRUCTION_SHEETS):
            continue  # instructions or lookup lists, never a report
        table = find_table(sheet, vocab)
        extraction = extract(table, vocab) if table is not None else None
        if extraction is None:
            if any(any(str(v).strip() for v in row) for row in sheet.rows):
                parsed.warnings.append(Issue("sheet không chứa bảng báo cáo — bỏ qua", sheet.name))
            continue
        _parse_table(table, extraction, filename, index, options, parsed)
    if not parsed.reports:
        raise FormError("không tìm thấy bảng báo cáo nào trong tệp (cần có dòng tiêu đề cột như "
                        "'Đơn vị', 'Lễ khai mạc', 'Số lượng', 'Số người tham gia')")
    return parsed


def _parse_table(table: Table, extraction: Extraction, filename: str, index: UnitIndex, options: Options,
                 parsed: ParsedFile) -> None:
    title = read_title(table.title)
    year = file_year(title, filename.rsplit("/", 1)[-1], options, table.sheet)
    placed = Placer(index, title, options, table.sheet, year).place(extraction.drafts)
    parsed.layouts[table.sheet] = extraction.layout
    parsed.warnings += extraction.warnings + placed.warnings + check_totals(extraction.drafts)
    parsed.warnings += [issue for d in extraction.drafts if not d.is_total for issue in check_report(d)]
    parsed.warnings += [Issue(f"chỉ có tổng kinh phí của '{r.reported_name}', không tách được ngân sách nhà "
                              "nước và xã hội hóa — chưa tính vào kinh phí", r.sheet)
                        for r in placed.reports if "total" in r.funding and len(r.funding) == 1]
    _reject_cross_sheet_duplicates(parsed.reports, placed.reports)
    parsed.reports += placed.reports


def _reject_cross_sheet_duplicates(existing: list[Report], new: list[Report]) -> None:
    seen = {(r.year, r.unit.key): r for r in existing}
    for report in new:
        if (other := seen.get((report.year, report.unit.key))) is not None:
            raise FormError(f"đơn vị '{report.unit.name}' năm {report.year} có số liệu ở cả sheet "
                            f"'{other.sheet}' và sheet '{report.sheet}'", report.sheet)
