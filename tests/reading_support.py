"""Forms made in memory for the reading tests: a sheet is a list of rows, as an officer lays it out."""

from __future__ import annotations

import io

import openpyxl

from etl.pipeline import ParsedFile, parse_file

LETTERHEAD = [["UBND HUYỆN CHÂU PHÚ"], ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
              ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"]]  # Châu Phú, An Giang (code 889)


def workbook(*sheets: tuple[str, list[list[object]]], merged: dict[str, list[str]] | None = None) -> bytes:
    """An .xlsx with the given (name, rows) sheets; `merged` lists ranges ('C4:D4') per sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read(data: bytes, vocab, index, name: str = "bao_cao_2023.xlsx") -> ParsedFile:
    return parse_file(data, name, vocab, index)


def figures(parsed: ParsedFile) -> dict[str, tuple[dict[str, tuple[int, int]], dict[str, int]]]:
    """Unit name on the map -> (activities, funding) as loading writes them."""
    return {r.unit.name: (r.kept_facts, r.funding) for r in parsed.reports}


def messages(parsed: ParsedFile) -> list[str]:
    return [w.message for w in parsed.warnings]
