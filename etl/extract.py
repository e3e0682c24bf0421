"""Step 4, parse values: a located table -> report drafts, one per reporting unit found in it.

Three layouts: consolidated (a row per unit, indicator columns; flat CSV exports are this with
year/province columns), single-unit (a row per activity, the unit in the title block, funding as
rows or as 'Ngân sách nhà nước: 15.000.000 đồng' lines) and long (unit, year, indicator, measure,
value). Numbers are parsed here, so every bad cell is reported with its sheet and cell name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.errors import FormError, Issue, cell_name
from etl.headers import INDICATORS, Meaning, Vocabulary
from etl.tables import Column, Table
from etl.text import fold
from etl.values import ValueProblem, parse_amount, parse_number

_GROUP_ROW = re.compile(r"^([ivxlc]+|[a-d])[.)]? ")


@dataclass
class Draft:
    """One unit's figures as found in a form, before its unit name is resolved."""

    sheet: str
    row: int | None
    unit_name: str | None  # None: the unit named in the title block (single-unit forms)
    district_name: str | None = None
    unit_code: str | None = None
    province_name: str | None = None
    year: int | None = None
    facts: dict[str, list[int]] = field(default_factory=dict)  # indicator -> [events, participants]
    funding: dict[str, int] = field(default_factory=dict)  # state_budget | social | total -> VND
    is_total: bool = False
    cells: dict[str, str] = field(default_factory=dict)  # see Report.cells

    @property
    def where(self) -> str:
        return f"dòng {self.row + 1}" if self.row is not None else "biểu"

    def add(self, indicator: str, measure: str, value: int) -> None:
        pair = self.facts.setdefault(indicator, [0, 0])
        pair[0 if measure == "events" else 1] += value


@dataclass
class Extraction:
    layout: str
    drafts: list[Draft]
    warnings: list[Issue]


def layout_of(table: Table, vocab: Vocabulary) -> str | None:
    """Which layout a table has, or None for a table that is not a report (contact lists, chart data)."""
    roles = {c.meaning.target for c in table.columns if c.meaning.kind == "column"}
    kinds = {c.meaning.kind for c in table.columns}
    if "value" in roles and ("activity" in roles or "measure" in roles):
        return "long"
    if roles & {"unit", "district"} and kinds & {"indicator", "funding"}:
        return "consolidated"
    if "measure" in kinds and ("activity" in roles or _rows_name_activities(table, vocab)):
        return "single"
    return None


def _rows_name_activities(table: Table, vocab: Vocabulary) -> bool:
    """A single-unit form without a 'Nội dung' header still lists activities in its first text column."""
    column = _first_text_column(table)
    labels = [_label(table, row, column) for row in table.body]
    return any(vocab.label_meaning(label).kind in ("indicator", "funding") for label in labels if label)


def extract(table: Table, vocab: Vocabulary) -> Extraction | None:
    """Report drafts of a table, or None when the table is not a report."""
    layout = layout_of(table, vocab)
    if layout is None:
        return None
    warnings = _unmapped_columns(table, layout)
    drafts = {"consolidated": _consolidated, "single": _single, "long": _long}[layout](table, vocab, warnings)
    return Extraction(layout, drafts, warnings)


READ_BY = {  # what each layout reads; any other column is reported, never dropped silently
    "consolidated": {"indicator", "funding", "unit", "district", "province", "year", "unit_code"},
    "single": {"measure", "activity"},
    "long": {"unit", "district", "province", "year", "activity", "measure", "value", "unit_code"},
}
IGNORED_ROLES = {"stt", "note", "uom", "row_total"}  # read by nobody, on purpose


def _unmapped_columns(table: Table, layout: str) -> list[Issue]:
    """Columns no rule of this layout reads: unknown headers, bare measures in a row-per-unit table…"""
    def read(column: Column) -> bool:
        meaning = column.meaning
        what = meaning.target if meaning.kind == "column" else meaning.kind
        return what in READ_BY[layout] or what in IGNORED_ROLES

    lost = [c for c in table.columns if not read(c)]
    headed = {c.index for c in table.columns}
    blind = sorted({(c, row) for row in table.body for c, text in enumerate(table.texts[row])
                    if c not in headed and text}, key=lambda x: (x[0], x[1]))
    first_cells = {c: cell_name(row, c) for c, row in reversed(blind)}
    issues = [Issue(f"cột không có tiêu đề nhưng có số liệu (từ ô {cell}) — bỏ qua cột này", table.sheet, cell)
              for cell in first_cells.values()]
    return issues + [Issue(f"cột '{' / '.join(c.path)}' không khớp chỉ tiêu nào trong bảng từ đồng nghĩa — "
                           "bỏ qua cột này", table.sheet, c.header_cell) for c in lost]


def number(table: Table, row: int, column: int, meaning: Meaning) -> int:
    """Parse one numeric cell; a problem rejects the file naming sheet, cell and value."""
    values = table.rows[row]
    raw = values[column] if column < len(values) else None
    try:
        if meaning.kind == "funding":
            return parse_amount(raw, meaning.multiplier)
        value = parse_number(raw)
    except ValueProblem as exc:
        raise FormError(str(exc), table.sheet, cell_name(row, column)) from None
    if value != int(value):
        raise FormError(f"số lượng phải là số nguyên, ô ghi '{table.text(row, column)}'", table.sheet,
                        cell_name(row, column))
    return int(value)


def _label(table: Table, row: int, column: Column | None) -> str:
    return table.text(row, column.index) if column is not None else ""


def _first_text(table: Table, row: int) -> str:
    return next((t for t in table.texts[row] if t), "")


def _consolidated(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    unit_col, district_col = table.role("unit"), table.role("district")
    province_col, year_col, code_col = table.role("province"), table.role("year"), table.role("unit_code")
    values = [c for c in table.columns if c.meaning.kind in ("indicator", "funding")]
    drafts = []
    for row in table.body:
        label = _label(table, row, unit_col or district_col)
        draft = Draft(table.sheet, row, label or None,
                      district_name=_label(table, row, district_col) if unit_col else None,
                      province_name=_label(table, row, province_col) or None,
                      year=_year_cell(table, row, year_col))
        draft.unit_code = _label(table, row, code_col) or None
        draft.is_total = vocab.is_total(label or _first_text(table, row))
        filled = _fill_values(table, row, values, draft)
        if not label and not draft.is_total:
            if filled:
                raise FormError("dòng có số liệu nhưng không có tên đơn vị", table.sheet, cell_name(row, 0))
            continue
        if not filled and _GROUP_ROW.match(fold(label) + " ") and not draft.is_total:
            warnings.append(Issue(f"dòng '{label}' không có số liệu, coi là tiêu đề nhóm", table.sheet,
                                  cell_name(row, (unit_col or district_col).index)))
            continue
        drafts.append(draft)
    return drafts


def _fill_values(table: Table, row: int, columns: list[Column], draft: Draft) -> bool:
    """Add each value column of a row to the draft; True when any cell held something."""
    filled = False
    for column in columns:
        value = number(table, row, column.index, column.meaning)
        filled = filled or bool(value) or table.text(row, column.index) not in ("", "-")
        if column.meaning.kind == "funding":
            draft.funding[column.meaning.target] = draft.funding.get(column.meaning.target, 0) + value
        else:
            draft.add(column.meaning.target, column.meaning.measure or "events", value)
    return filled


def _year_cell(table: Table, row: int, column: Column | None) -> int | None:
    if column is None:
        return None
    text = table.text(row, column.index)
    match = re.search(r"\b(19|20)\d\d\b", text)
    if text and not match:
        raise FormError(f"năm '{text}' không hợp lệ", table.sheet, cell_name(row, column.index))
    return int(match.group(0)) if match else None


def _single(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    activity = table.role("activity") or _first_text_column(table)
    measures = [c for c in table.columns if c.meaning.kind == "measure"]
    draft = Draft(table.sheet, None, None)
    for row in table.body:
        label = _label(table, row, activity)
        if not label or vocab.is_total(label):
            continue
        meaning = vocab.label_meaning(label)
        if meaning.kind == "funding":
            _funding_row(table, row, meaning, measures, draft)
            continue
        figures = {"events": 0, "participants": 0}
        for column in measures:  # 'trực tiếp' and 'trực tuyến' both count as participants
            figures[column.meaning.target] += number(table, row, column.index, column.meaning)
        if not any(figures.values()):
            continue
        indicator = meaning.target if meaning.kind == "indicator" else "other"
        if meaning.kind != "indicator":
            warnings.append(Issue(f"hoạt động '{label}' không khớp chỉ tiêu nào — tính vào 'other'",
                                  table.sheet, cell_name(row, activity.index)))
        for measure, value in figures.items():
            draft.add(indicator, measure, value)
    _funding_lines(table, vocab, table.footer + [r for r in table.body if _has_colon(table, r)], draft)
    return [draft]


def _first_text_column(table: Table) -> Column:
    candidates = [c for c in table.columns if not (c.meaning.kind == "column" and c.meaning.target == "stt")]
    if not candidates:
        raise FormError("không tìm thấy cột nội dung hoạt động", table.sheet)
    return candidates[0]


def _funding_row(table: Table, row: int, meaning: Meaning, columns: list[Column], draft: Draft) -> None:
    """'Kinh phí NSNN (đồng)' as a table row: the amount is the first filled numeric cell."""
    for column in columns:
        if table.text(row, column.index):
            draft.funding[meaning.target] = number(table, row, column.index, meaning)
            return
    draft.funding.setdefault(meaning.target, 0)


def _has_colon(table: Table, row: int) -> bool:
    return any(":" in text for text in table.texts[row])


def _funding_lines(table: Table, vocab: Vocabulary, rows: list[int], draft: Draft) -> None:
    """Lines such as 'Ngân sách nhà nước: 15.000.000 đồng' or a label cell followed by an amount cell."""
    for row in rows:
        texts = [(c, text) for c, text in enumerate(table.texts[row]) if text]
        for position, (column, text) in enumerate(texts):
            meaning = vocab.label_meaning(text)
            if meaning.kind != "funding" or fold(text).startswith(("noi nhan", "kinh gui")):
                continue
            label, _, rest = text.partition(":")
            if rest.strip():
                draft.funding[meaning.target] = _amount(table, row, column, rest, meaning)
            elif position + 1 < len(texts):
                next_column, value = texts[position + 1]
                draft.funding[meaning.target] = _amount(table, row, next_column, value, meaning)
            break


def _amount(table: Table, row: int, column: int, text: str, meaning: Meaning) -> int:
    try:
        return parse_amount(text.strip().rstrip("."), meaning.multiplier)
    except ValueProblem as exc:
        raise FormError(str(exc), table.sheet, cell_name(row, column)) from None


def _long(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    """Tidy rows (unit, year, indicator, measure, value) grouped back into one draft per unit and year."""
    roles = {t: table.role(t) for t in ("unit", "district", "province", "year", "activity", "measure", "value")}
    drafts: dict[tuple, Draft] = {}
    for row in table.body:
        label = _label(table, row, roles["activity"])
        unit = _label(table, row, roles["unit"] or roles["district"])
        if not label and not unit:
            continue
        measure_text = _label(table, row, roles["measure"])
        meaning = vocab.label_meaning(label)
        if meaning.kind == "funding":
            meaning = Meaning("funding", meaning.target, multiplier=meaning.multiplier or _unit_of(measure_text))
        value = number(table, row, roles["value"].index, meaning)
        group = (unit, _label(table, row, roles["district"]) if roles["unit"] else "",
                 _label(table, row, roles["province"]), _year_cell(table, row, roles["year"]))
        draft = drafts.setdefault(group, Draft(table.sheet, row, unit or None, district_name=group[1] or None,
                                               province_name=group[2] or None, year=group[3]))
        _add_long(draft, meaning, measure_text, value, vocab, warnings, table, row)
    return list(drafts.values())


def _unit_of(measure_text: str) -> int | None:
    from etl.values import header_multiplier
    return header_multiplier(measure_text) or (1 if fold(measure_text) in ("d", "dong", "vnd") else None)


def _add_long(draft: Draft, meaning: Meaning, measure_text: str, value: int, vocab: Vocabulary,
              warnings: list[Issue], table: Table, row: int) -> None:
    if meaning.kind == "funding":
        draft.funding[meaning.target] = draft.funding.get(meaning.target, 0) + value
        return
    measure = vocab.first_match(fold(measure_text), "measure")
    indicator = meaning.target if meaning.kind == "indicator" and meaning.target in INDICATORS else "other"
    if meaning.kind != "indicator":
        warnings.append(Issue(f"chỉ tiêu '{_label(table, row, table.role('activity'))}' không khớp — tính vào "
                              "'other'", table.sheet, cell_name(row, table.role("activity").index)))
    draft.add(indicator, measure.target if measure else (meaning.measure or "events"), value)
