"""Single-unit report: letterhead naming the unit, "BÁO CÁO" title, an activity table, funding, signature.

This is the form communes, districts and agencies actually send; the funding is either two rows
of the table or two lines of text below it, as officers choose.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import blocks
from .figures import INDICATORS, Figures
from .grid import Cell, Sheet, blank_row
from .layout_table import split
from .spec import Style
from .stable import pick
from .vocab import ACTIVITY_LABELS, FUNDING_LINES, FUNDING_ROWS, SINGLE_HEADERS, SPLIT_ACTIVITIES, THEMES

ALWAYS_SHOWN = ("opening_ceremony", "communication", "reading")


@dataclass
class FormAnchors:
    """Positions the broken variants and tests need."""

    title_row: int
    people_cells: list[tuple[int, int]]   # (row, col) of participant cells with a value


def shown_facts(figures: Figures) -> Figures:
    """The activity rows a form lists: what the unit held plus the usual rows left at zero."""
    keys = tuple(k for k in INDICATORS if k in ALWAYS_SHOWN or figures.facts.get(k, (0, 0)) != (0, 0))
    return figures.folded({}, keys)


def _activity_lines(figures: Figures, style: Style, salt: str) -> list[tuple[str, int, int]]:
    lines = []
    for key in INDICATORS:
        if key not in figures.facts:
            continue
        events, people = figures.facts[key]
        if style.split_rows and key in SPLIT_ACTIVITIES and events >= 2:
            for part, label in enumerate(SPLIT_ACTIVITIES[key]):
                lines.append((label, split(events, part, 2), split(people, part, 2)))
        else:
            lines.append((pick(ACTIVITY_LABELS[key], salt, key), events, people))
    return lines


def _header(sheet: Sheet, style: Style) -> int:
    labels = SINGLE_HEADERS[style.single]
    if style.single != "online":
        sheet.add(list(labels), bold=True)
        return len(labels)
    stt, content, count, people, direct, online, note = labels
    first = sheet.add([stt, content, count, people, None, note], bold=True)
    sheet.add([None, None, None, direct, online, None], bold=True)
    for col in (0, 1, 2, 5):
        sheet.merge(first, col, first + 1, col)
    sheet.merge(first, 3, first, 4)
    return 6


def _people_cells(people: int, style: Style) -> list[Cell]:
    if style.single == "online":
        return [blocks.count_cell(split(people, 0, 2), style), blocks.count_cell(split(people, 1, 2), style)]
    return [blocks.count_cell(people, style)]


def _funding_rows(sheet: Sheet, figures: Figures, style: Style, width: int, start: int) -> None:
    unit = "đồng" if style.money == "dong" else "triệu đồng"
    for i, (label, vnd) in enumerate(zip(FUNDING_ROWS, (figures.state_budget_vnd, figures.social_vnd), strict=True)):
        money_style = Style(money="dong" if style.money == "dong" else "trieu", numbers=style.numbers, zero=style.zero)
        row = blank_row(width)
        row[0] = start + i if style.numbers == "numeric" else str(start + i)
        row[1], row[2] = f"{label} ({unit})", blocks.money_cell(vnd, money_style, i)
        sheet.add(row)


def _funding_lines(sheet: Sheet, figures: Figures, style: Style, width: int) -> None:
    mode = "dong" if style.money == "dong" else "mixed"
    sheet.add([None] * width)
    sheet.add(["II. KINH PHÍ TỔ CHỨC"] + [None] * (width - 1), bold=True)
    for label, vnd in zip(FUNDING_LINES, (figures.state_budget_vnd, figures.social_vnd), strict=True):
        sheet.add([f"- {label}: {blocks.money_phrase(vnd, mode)}"] + [None] * (width - 1))


def form_sheet(style: Style, year: int, issuer, when, number: str, figures: Figures,
               salt: str, preparer: str) -> tuple[Sheet, FormAnchors]:
    """The whole single-unit report sheet; `figures` must already be `shown_facts`."""
    width = 6 if style.single == "online" else 5
    sheet = Sheet(style.sheet_name, widths={0: 6, 1: 48, 2: 14, 3: 16, width - 1: 16})
    blocks.letterhead(sheet, issuer, when, number, width)
    heading = ["BÁO CÁO", f"Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {year}"]
    if year in THEMES:
        heading.append(f"Chủ đề: “{THEMES[year]}”")
    title_row = blocks.title(sheet, heading, width)
    sheet.add(["I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG"] + [None] * (width - 1), bold=True)
    _header(sheet, style)
    people_cells = []
    lines = _activity_lines(figures, style, salt)
    for i, (label, events, people) in enumerate(lines, start=1):
        stt: Cell = i if style.numbers == "numeric" else str(i)
        row = sheet.add([stt, label, blocks.count_cell(events, style), *_people_cells(people, style), None])
        if people:
            people_cells.append((row, 3))
    if style.funding == "rows":
        _funding_rows(sheet, figures, style, width, len(lines) + 1)
    else:
        _funding_lines(sheet, figures, style, width)
    sheet.add([None] * width)
    section = "II" if style.funding == "rows" else "III"
    sheet.add([f"{section}. ĐÁNH GIÁ CHUNG"] + [None] * (width - 1), bold=True)
    sheet.add(["Các hoạt động được tổ chức đúng kế hoạch, thu hút đông đảo người dân tham gia."] + [None] * (width - 1))
    blocks.signature(sheet, issuer, preparer, width)
    return sheet, FormAnchors(title_row, people_cells)
