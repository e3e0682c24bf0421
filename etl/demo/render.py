"""Turn a FormSpec into bytes plus its manifest records (file entry and per-unit reports).

The facts recorded are exactly what the file shows after the scheme's lumping, so the manifest
is the truth about the file, not about the generator's internal numbers.
"""

from __future__ import annotations

from datetime import datetime

from .figures import INDICATORS, Figures
from .grid import Formula, Sheet, a1, map_text
from .layout_export import flat_sheet, long_sheet
from .layout_form import form_sheet, shown_facts
from .layout_table import TableRow, table_sheet
from .naming import printed_province
from .spec import Entry, FormSpec
from .stable import pick
from .text import nfd, strip_diacritics
from .vocab import GUIDE_LINES, NOTES, SCHEMES, SIGNERS
from .writers import write_book


def shown(spec: FormSpec, entry: Entry) -> Figures:
    """The entry's figures as the file expresses them (lumped columns, listed rows)."""
    if spec.layout == "consolidated":
        scheme = SCHEMES[spec.style.header]
        return entry.figures.folded(scheme.fold, scheme.keys)
    if spec.layout == "single":
        return shown_facts(entry.figures)
    return entry.figures.folded({}, INDICATORS)


def _title(spec: FormSpec, number: str) -> list[str]:
    year = spec.title_year or spec.year
    heading = pick((f"BÁO CÁO TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM {year}",
                     f"TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM {year}",
                     f"TỔNG HỢP SỐ LIỆU TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM {year}"), spec.path)
    return [heading, f"(Kèm theo Báo cáo số {number} ngày {spec.when:%d/%m/%Y})"]


def _number(spec: FormSpec, seed: int) -> str:
    return f"{int(pick(tuple(range(12, 480)), seed, spec.path))}/{spec.issuer.code}"


def _report_sheet(spec: FormSpec, seed: int) -> tuple[Sheet, object]:
    style, when = spec.style, spec.when
    others = tuple(s for s in SIGNERS if s != spec.issuer.signer)
    preparer = str(pick(others, seed, spec.path, "preparer"))
    if spec.layout == "consolidated":
        rows = [TableRow(e.name, shown(spec, e), _note(spec, i)) for i, e in enumerate(spec.entries)]
        number = _number(spec, seed)
        return table_sheet(style, _title(spec, number), spec.issuer, when, number, rows, preparer)
    if spec.layout == "single":
        entry = spec.entries[0]
        return form_sheet(style, spec.title_year or spec.year, spec.issuer, when, _number(spec, seed),
                          shown(spec, entry), spec.path, preparer)
    rows = [(e.unit.code if e.unit else "", e.name, shown(spec, e)) for e in spec.entries]
    if spec.layout == "flat_csv":
        return flat_sheet(style, spec.year, printed_province(spec.province, spec.year)[0], rows), None
    return long_sheet(style, spec.year, rows), None


def _note(spec: FormSpec, index: int) -> str:
    if not spec.style.notes or pick(tuple(range(6)), spec.path, index):
        return ""
    return str(pick(NOTES, spec.path, index, "note"))


def _extra_sheets(spec: FormSpec) -> tuple[list[Sheet], list[Sheet]]:
    """Sheets an officer's workbook carries besides the report: before it and after it."""
    before, after = [], []
    if "guide" in spec.style.sheets:
        before.append(Sheet("Hướng dẫn", [[line] for line in GUIDE_LINES], hidden=True))
    if "chart" in spec.style.sheets:
        total = sum((e.figures for e in spec.entries), Figures())
        chart = Sheet("Biểu đồ", [["Năm", "Số hoạt động", "Số lượt người tham gia"]])
        for back in (2, 1):
            chart.add([spec.year - back, total.events * (10 - back) // 10, total.participants * (10 - 2 * back) // 10])
        chart.add([spec.year, total.events, total.participants])
        after.append(chart)
    if "list" in spec.style.sheets:
        contacts = Sheet("Danh sách", [["STT", "Đơn vị", "Cán bộ phụ trách", "Điện thoại"]])
        for i, entry in enumerate(spec.entries, start=1):
            phone = f"0{pick(tuple(range(900, 999)), i)}.{i:03d}.{i * 7 % 1000:03d}"
            contacts.add([i, entry.name, pick(SIGNERS, spec.path, i), phone])
        after.append(contacts)
    return before, after


def _plant_error(spec: FormSpec, sheet: Sheet, anchors: object) -> str | None:
    """Put the defect of a broken variant into the sheet; return the A1 cell it sits in."""
    if spec.broken == "text_in_number":
        if spec.layout == "consolidated":
            row, col = anchors.data_rows[len(anchors.data_rows) // 2], anchors.people_cols[0]
            sheet.set(row, col, "khoảng 200")
        else:
            row, col = anchors.people_cells[0]
            sheet.set(row, col, "đang cập nhật")
        return a1(row, col)
    if spec.broken == "formula":
        col, rows = anchors.value_cols[0], anchors.data_rows
        sheet.set(rows[-1], col, Formula(f"=SUM({a1(rows[0], col)}:{a1(rows[min(4, len(rows) - 2)], col)})"))
        return a1(rows[-1], col)
    if spec.broken == "year_conflict":
        return a1(anchors.title_row + (1 if spec.layout == "single" else 0), 0)
    return None


def render(spec: FormSpec, seed: int) -> tuple[bytes, str | None, str | None]:
    """Bytes of the file, plus (sheet, cell) of a planted defect when there is one."""
    if spec.broken == "empty":
        return b"", None, None
    sheet, anchors = _report_sheet(spec, seed)
    cell = _plant_error(spec, sheet, anchors)
    before, after = _extra_sheets(spec)
    sheets = before + [sheet] + after
    map_text(sheets, spec.style.text)
    when = datetime(spec.when.year, spec.when.month, spec.when.day, 8, 30)
    data = write_book(spec.fmt, sheets, when, spec.style.encoding, spec.style.delimiter)
    if spec.broken == "truncated":
        data = data[: len(data) // 2]
    return data, (sheet.name if cell else None), cell


def written(spec: FormSpec, text: str) -> str:
    """A string as it appears in the file after the file's text habit (for the manifest)."""
    return {"nfd": nfd, "ascii": strip_diacritics}.get(spec.style.text, str)(text)
