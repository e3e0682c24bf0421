"""The pure part of the ETL: one file's bytes -> the reports it holds, or the reason it is rejected.

read -> find table -> map headers -> parse values -> resolve units -> validate. Nothing here
touches the warehouse, so every step can be tested on bytes made in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from etl.errors import FormError, Issue
from etl.extract import Draft, Extraction, extract
from etl.headers import Vocabulary
from etl.read import read_sheets
from etl.resolve import Options, Placer, Report, file_year
from etl.tables import Table, find_tables
from etl.text import fold, soft
from etl.title import TitleInfo, read_title
from etl.understood import SheetReading, understood
from etl.units import UnitIndex
from etl.validate import check_district_rows, check_report, check_totals, hidden_subtotals

INSTRUCTION_SHEETS = ("huong dan", "instructions", "hdsd")


@dataclass
class ParsedFile:
    reports: list[Report] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # sheet -> layout read
    letterhead: TitleInfo | None = None  # the first sheet's title block: it holds for sheets without their own
    readings: list[SheetReading] = field(default_factory=list)  # what was understood, per table


def parse_file(data: bytes, filename: str, vocab: Vocabulary, index: UnitIndex,
               options: Options | None = None) -> ParsedFile:
    """All reports in a file; raises FormError (with sheet and cell) when it must be rejected."""
    options = options or Options()
    parsed = ParsedFile()
    sheets = read_sheets(data, filename)
    for sheet in sheets:
        if sheet.hidden or fold(sheet.name).startswith(INSTRUCTION_SHEETS):
            continue  # instructions or lookup lists, never a report
        tables = find_tables(sheet, vocab)
        read = [(table, extraction) for table in tables if (extraction := extract(table, vocab)) is not None]
        empty = [table for table, extraction in read if not _states_anything(extraction)]
        parsed.warnings += [Issue(f"bảng có tiêu đề ở dòng {t.header_rows[0] + 1} nhưng không có dòng số liệu nào — "
                                  "không nạp gì từ bảng này", t.sheet, t.columns[0].header_cell) for t in empty]
        read = [(table, extraction) for table, extraction in read if table not in empty]
        parsed.warnings += [Issue(f"bảng có tiêu đề ở dòng {t.header_rows[0] + 1} không đọc được (không rõ cột nào "
                                  "là đơn vị, hoạt động hay kinh phí) — bỏ qua cả bảng", t.sheet,
                                  t.columns[0].header_cell)
                            for t in tables[1:] if read and all(t is not r for r, _ in read) and _holds_values(t)]
        if not read:
            if any(any(str(v).strip() for v in row) for row in sheet.rows):
                parsed.warnings.append(Issue("sheet không chứa bảng báo cáo — bỏ qua", sheet.name))
            continue
        _parse_sheet(read, filename, index, options, parsed)
    if not parsed.reports and any("không có dòng số liệu" in w.message for w in parsed.warnings):
        raise FormError("bảng báo cáo có dòng tiêu đề nhưng không có dòng số liệu nào (chỉ có tiêu đề, ngày "
                        "tháng hoặc chữ ký) — không có gì để nạp")
    if not parsed.reports:
        raise FormError("không tìm thấy bảng báo cáo nào trong tệp (cần có dòng tiêu đề cột như "
                        "'Đơn vị', 'Lễ khai mạc', 'Số lượng', 'Số người tham gia')")
    return parsed


def _parse_sheet(read: list[tuple[Table, Extraction]], filename: str, index: UnitIndex, options: Options,
                 parsed: ParsedFile) -> None:
    """The tables of one sheet, read as one report set: the first table's title names year and sender, each
    table's totals check its own rows, and a later table (funding, a 'Bảng 2' by district) adds its figures
    to the units the earlier ones name."""
    first = read[0][0]
    title = read_title(first.title)
    if title.issuer_lines:
        parsed.letterhead = parsed.letterhead or title
    elif parsed.letterhead is not None:  # 'Biểu 2: Các xã' on a sheet of its own: the letterhead still holds
        head = parsed.letterhead
        title = replace(title, issuer_lines=head.issuer_lines, named=title.named or head.named,
                        place=title.place or head.place, years=title.years or head.years)
    year = file_year(title, filename.rsplit("/", 1)[-1], options, first.sheet)
    drafts: list[Draft] = []
    for table, extraction in read:
        parsed.readings.append(understood(table, extraction))
        mismatches = check_totals(extraction.drafts)
        if mismatches and (misread := hidden_subtotals(extraction.drafts)):  # only a form that disagrees
            raise FormError(misread.message, misread.sheet, misread.cell)
        parsed.warnings += extraction.warnings + mismatches + check_district_rows(extraction.drafts)
        drafts = join_tables(drafts, extraction.drafts) if drafts else list(extraction.drafts)
    placed = Placer(index, title, options, first.sheet, year).place(drafts)
    parsed.layouts[first.sheet] = " + ".join(extraction.layout for _, extraction in read)
    parsed.warnings += placed.warnings
    parsed.warnings += [issue for d in drafts if not d.is_total for issue in check_report(d)]
    parsed.warnings += [Issue(f"chỉ có tổng kinh phí của '{r.reported_name}', không tách được ngân sách nhà "
                              "nước và xã hội hóa — chưa tính vào kinh phí", r.sheet)
                        for r in placed.reports if "total" in r.funding and len(r.funding) == 1]
    _reject_cross_sheet_duplicates(parsed.reports, placed.reports)
    parsed.reports += placed.reports


def join_tables(drafts: list[Draft], later: list[Draft]) -> list[Draft]:
    """Add a later table's unit rows to the drafts of the same unit (same name, district and year; the
    title's unit for single-unit tables); a unit only the later table names is a unit of its own. An
    amount both tables state differently cannot be told apart: the file is refused naming both cells."""
    units = [d for d in drafts if not d.is_total]
    by_name = {_draft_key(d): d for d in units}
    by_fold: dict[tuple, list[Draft]] = {}
    for d in units:
        by_fold.setdefault(_folded_key(d), []).append(d)
    joined = list(drafts)
    for draft in later:
        if draft.is_total:
            continue
        same = by_name.get(_draft_key(draft))  # the same spelling first ('TT Phước An' is 'Thị trấn Phước An')
        if same is None and len(candidates := by_fold.get(_folded_key(draft), [])) == 1:
            same = candidates[0]  # then a folded spelling, only when one unit answers it
        if same is None:
            joined.append(draft)
            continue
        for indicator, (events, participants) in draft.facts.items():
            same.add(indicator, "events", events)
            same.add(indicator, "participants", participants)
        for source, amount in draft.funding.items():
            if same.funding.get(source) and amount and same.funding[source] != amount:
                raise FormError(f"hai bảng ghi kinh phí khác nhau cho '{draft.unit_name or 'đơn vị báo cáo'}': "
                                f"{same.cells.get(f'funding:{source}')} và {draft.cells.get(f'funding:{source}')}",
                                draft.sheet, draft.cells.get(f"funding:{source}"))
            same.funding[source] = amount or same.funding.get(source, 0)
        for figure, cell in draft.cells.items():
            same.cells.setdefault(figure, cell)
    return joined


_TYPE_PREFIX = re.compile(r"^(?:thị trấn|thị xã|thành phố|tt|tx|tp|xã|phường|huyện|quận|p|x)\.? ")


def _draft_key(draft: Draft) -> tuple[str, str, int | None]:
    """A unit row's name without its type word, with its diacritics ('Xã Ea Kly' and 'Ea Kly' are one)."""
    name = _TYPE_PREFIX.sub("", soft(draft.unit_name or "") + " ").strip()
    return name, soft(draft.district_name or ""), draft.year


def _folded_key(draft: Draft) -> tuple:
    return tuple(fold(part) if isinstance(part, str) else part for part in _draft_key(draft))


def _states_anything(extraction: Extraction) -> bool:
    """A table with a header and no unit or activity row stating a figure loads nothing."""
    return any(d.facts or d.funding for d in extraction.drafts) or any(
        d.unit_name for d in extraction.drafts if not d.is_total)


def _holds_values(table: Table) -> bool:
    return any(any(ch.isdigit() for ch in text) for row in table.body for text in table.texts[row])


def _reject_cross_sheet_duplicates(existing: list[Report], new: list[Report]) -> None:
    seen = {(r.year, r.unit.key): r for r in existing}
    for report in new:
        if (other := seen.get((report.year, report.unit.key))) is not None:
            raise FormError(f"đơn vị '{report.unit.name}' năm {report.year} có số liệu ở cả sheet "
                            f"'{other.sheet}' và sheet '{report.sheet}'", report.sheet)
