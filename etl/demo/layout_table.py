"""Consolidated tables: one row per district or commune under a merged 1–3 row header.

Returns the sheet plus anchors (where data starts, which cells hold numbers) so broken variants
can plant an error at a known cell and the manifest can name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import blocks
from .figures import Figures
from .grid import Cell, Sheet, blank_row
from .spec import Style
from .vocab import EV, MONEY_UNITS, SCHEMES, Group, Scheme


@dataclass
class TableRow:
    """A unit's line: the name as written, its figures (already folded to the scheme) and a remark."""

    name: str
    figures: Figures
    note: str = ""


@dataclass
class Anchors:
    """Positions the broken-file variants and tests need."""

    title_row: int
    data_rows: list[int]
    value_cols: list[int]       # columns holding counts (events/participants)
    people_cols: list[int]      # the participant columns among them


def split(value: int, part: int, parts: int) -> int:
    """Share `part` of `value` cut into `parts` near-equal integers (remainder to the first shares)."""
    return value // parts + (1 if part < value % parts else 0)


def _money_labels(scheme: Scheme, style: Style) -> tuple[str, tuple[str, str]]:
    unit = MONEY_UNITS[style.money]
    group = f"Kinh phí ({unit})" if unit else "Kinh phí"
    if scheme.rows == 1:
        subs = tuple(f"{s} ({unit})" if unit else f"Kinh phí {s}" for s in scheme.money_subs)
        return group, subs
    return group, scheme.money_subs


def _leaf_count(scheme: Scheme) -> int:
    return sum(len(g.subs) for g in scheme.groups)


def _header(sheet: Sheet, scheme: Scheme, style: Style, width: int) -> None:
    """Write the header rows with merges: STT | unit | activity groups | funding | Ghi chú."""
    depth = scheme.rows
    first = len(sheet.rows)
    rows = [blank_row(width) for _ in range(depth)]
    money_group, money_subs = _money_labels(scheme, style)
    rows[0][0], rows[0][1], rows[0][width - 1] = style.stt_label, style.unit_label, "Ghi chú"
    col = 2
    if depth == 3:
        rows[0][col] = scheme.top_label
    for group in scheme.groups:
        col = _group_header(rows, group, col, depth)
    if depth == 1:
        rows[0][col], rows[0][col + 1] = money_subs
    else:
        rows[0][col] = money_group
        rows[depth - 2 if depth == 3 else 1][col], rows[depth - 2 if depth == 3 else 1][col + 1] = money_subs
    for row in rows:
        sheet.add(row, bold=True)
    _header_merges(sheet, scheme, first, width)


def _group_header(rows: list[list[Cell]], group: Group, col: int, depth: int) -> int:
    if depth == 1:
        for sub in group.subs:
            rows[0][col] = sub.label
            col += 1
        return col
    label_row = depth - 2
    rows[label_row][col] = group.label
    for sub in group.subs:
        rows[depth - 1][col] = sub.label
        col += 1
    return col


def _header_merges(sheet: Sheet, scheme: Scheme, first: int, width: int) -> None:
    depth = scheme.rows
    last = first + depth - 1
    for col in (0, 1, width - 1):
        sheet.merge(first, col, last, col)
    col = 2
    if depth == 3:
        sheet.merge(first, 2, first, 2 + _leaf_count(scheme) - 1)
    if depth > 1:
        for group in scheme.groups:
            sheet.merge(last - 1, col, last - 1, col + len(group.subs) - 1)
            col += len(group.subs)
        money = 2 + _leaf_count(scheme)
        sheet.merge(first, money, first, money + 1)
        if depth == 3:
            sheet.merge(first + 1, money, last, money)
            sheet.merge(first + 1, money + 1, last, money + 1)


def _number_row(style: Style, width: int) -> list[Cell]:
    """The "(1) (2) (3)…" or "A B 1 2…" row many forms print under the header."""
    if style.number_row == "paren":
        return [f"({i + 1})" for i in range(width)]
    return ["A", "B"] + [str(i + 1) for i in range(width - 2)]


def _values(scheme: Scheme, figures: Figures, style: Style, row: int) -> list[Cell]:
    cells: list[Cell] = []
    for group in scheme.groups:
        events, people = figures.facts.get(group.key, (0, 0))
        if people and all(s.measure == EV for s in group.subs):
            raise ValueError(f"{group.key} has participants but the scheme has no column for them")
        for sub in group.subs:
            value = events if sub.measure == EV else people
            cells.append(blocks.count_cell(split(value, sub.part, sub.parts), style))
    cells.append(blocks.money_cell(figures.state_budget_vnd, style, row))
    cells.append(blocks.money_cell(figures.social_vnd, style, row))
    return cells


def _totals(rows: list[TableRow]) -> Figures:
    total = Figures()
    for row in rows:
        total = total + row.figures
    return total


def table_sheet(style: Style, head: list[str], issuer, when, number: str, rows: list[TableRow],
                preparer: str) -> tuple[Sheet, Anchors]:
    """The whole report sheet: letterhead, title, header, data and totals rows, signature."""
    scheme = SCHEMES[style.header]
    width = 2 + _leaf_count(scheme) + 3
    sheet = Sheet(style.sheet_name, widths={0: 5, 1: 28, width - 1: 18})
    blocks.letterhead(sheet, issuer, when, number, width)
    title_row = blocks.title(sheet, head, width)
    _header(sheet, scheme, style, width)
    if style.number_row:
        sheet.add(_number_row(style, width))
    total_row = [None, style.totals_label, *_values(scheme, _totals(rows), style, 0), None]
    if style.totals == "top":
        sheet.add(total_row, bold=True)
    data_rows = []
    for i, row in enumerate(rows, start=1):
        stt: Cell = i if style.numbers == "numeric" else str(i)
        data_rows.append(sheet.add([stt, row.name, *_values(scheme, row.figures, style, i), row.note or None]))
    if style.totals == "bottom":
        sheet.add(total_row, bold=True)
    blocks.signature(sheet, issuer, preparer, width)
    leaves = [s for g in scheme.groups for s in g.subs]
    value_cols = list(range(2, 2 + len(leaves)))
    people = [2 + i for i, s in enumerate(leaves) if s.measure != EV]
    return sheet, Anchors(title_row, data_rows, value_cols, people)
