"""System exports: a flat CSV (one row per unit, measure in the column name) and a tidy long CSV.

These come from the online reporting tools some provinces use; no title block, but the same
Vietnamese labels, encodings and number habits as the spreadsheets.
"""

from __future__ import annotations

from .blocks import count_cell
from .figures import INDICATORS
from .grid import Sheet
from .spec import Style
from .text import group_thousands
from .vocab import EXPORT_LABELS, LONG_HEAD

MEASURES = (("Số lượng", 0), ("Số người", 1))


def _number(value: int, style: Style) -> str:
    cell = count_cell(value, style)
    return "" if cell is None else str(cell)


def _money(vnd: int, style: Style) -> str:
    if vnd == 0:
        return _number(0, style)
    return str(vnd) if style.numbers == "numeric" else group_thousands(vnd)


def flat_sheet(style: Style, year: int, province_name: str, rows: list[tuple[str, str, object]]) -> Sheet:
    """rows: (unit code, name as written, Figures). Header: Năm;Tỉnh;[Mã đơn vị;]Đơn vị;<indicator - measure>…"""
    head = ["Năm", "Tỉnh"] + (["Mã đơn vị"] if style.with_code else []) + ["Đơn vị"]
    head += [f"{EXPORT_LABELS[k]} - {m}" for k in INDICATORS for m, _ in MEASURES]
    head += ["NSNN (đồng)", "XHH (đồng)"]
    sheet = Sheet("export", [head])
    for code, name, figures in rows:
        line = [str(year), province_name] + ([code] if style.with_code else []) + [name]
        for key in INDICATORS:
            pair = figures.facts.get(key, (0, 0))
            line += [_number(pair[i], style) for _, i in MEASURES]
        line += [_money(figures.state_budget_vnd, style), _money(figures.social_vnd, style)]
        sheet.add(line)
    return sheet


def long_sheet(style: Style, year: int, rows: list[tuple[str, str, object]]) -> Sheet:
    """Tidy rows: unit, year, indicator label, measure, value; funding as "Kinh phí NSNN" / "đồng"."""
    sheet = Sheet("export", [list(LONG_HEAD[style.csv_head])])
    for _, name, figures in rows:
        for key in INDICATORS:
            events, people = figures.facts.get(key, (0, 0))
            sheet.add([name, str(year), EXPORT_LABELS[key], "Số lượng", str(events)])
            if key != "communication":
                sheet.add([name, str(year), EXPORT_LABELS[key], "Số người", str(people)])
        sheet.add([name, str(year), "Kinh phí NSNN", "đồng", str(figures.state_budget_vnd)])
        sheet.add([name, str(year), "Kinh phí XHH", "đồng", str(figures.social_vnd)])
    return sheet
