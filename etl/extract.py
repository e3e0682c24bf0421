"""Step 4, parse values: a located table -> report drafts, one per reporting unit found in it.

Three layouts: consolidated (a row per unit, indicator columns; flat CSV exports are this with
year/province columns), single-unit (a row per activity, the unit in the title block, funding as
rows or as 'Ngân sách nhà nước: 15.000.000 đồng' lines) and long (unit, year, indicator, measure,
value). Numbers are parsed here, so every bad cell is reported with its sheet and cell name, and every
figure keeps the cell it was read from (Draft.cells), so a quality finding can send an officer to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.errors import FormError, Issue, cell_name
from etl.headers import INDICATORS, Meaning, Vocabulary
from etl.tables import Column, Table
from etl.teach import example_line
from etl.text import fold, soft
from etl.values import ValueProblem, header_multiplier, parse_amount, parse_number, written

# 'I. Cấp huyện', 'b) Khối trường', 'II - Các xã': a numbered group; 'Vi Xuyen' or 'A Lưới' are places.
_NUMBERED = re.compile(r"^\s*(?:[IVXivx]+|[A-Da-d])\s*[.):\-–]\s*")
_NUMBERED_GROUP = re.compile(r"^[ivx]+ (?:cấp|khối|nhóm|các|khu vực|cụm|vùng) ")
# A count is whole: '12,5' people is a typing error that only the sender can correct, so the file is
# rejected naming the cell (rounding would load a figure nobody wrote). Float noise of a spreadsheet
# formula (=1200*0,1 gives 120.00000000000001) is not a fraction anyone typed, so it is let through.
WHOLE_TOLERANCE = 1e-6
LARGEST = 2**63 - 1  # the warehouse's BIGINT: a larger figure is a typing slip that would fail the write


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
    role: str = "unit"  # unit | total | subtotal ('Cộng huyện X') | group ('I. Cấp huyện', 'II', 'Khối trường')
    cells: dict[str, str] = field(default_factory=dict)  # figure key -> A1 cell it was read from (Report.cells)
    _empty_cells: set[str] = field(default_factory=set, repr=False)  # figures whose recorded cell holds no number

    @property
    def is_total(self) -> bool:
        """Any row that is not a unit: it is a check on the unit rows, never a report of its own."""
        return self.role != "unit"

    @property
    def where(self) -> str:
        return f"dòng {self.row + 1}" if self.row is not None else "biểu"

    def add(self, indicator: str, measure: str, value: int) -> None:
        pair = self.facts.setdefault(indicator, [0, 0])
        pair[0 if measure == "events" else 1] += value

    def read_at(self, figure: str, cell: str, value: int) -> None:
        """Remember where a figure was read. A figure summed from several cells (in-person and online
        columns, two rows of one activity) keeps the first that holds a number, else the first."""
        if figure in self.cells and not (value and figure in self._empty_cells):
            return
        self.cells[figure] = cell
        if value:
            self._empty_cells.discard(figure)
        else:
            self._empty_cells.add(figure)


def figure_key(meaning: Meaning) -> str:
    """'participants:contest', 'funding:social': the key of a column's figure in Report.cells."""
    if meaning.kind == "funding":
        return f"funding:{meaning.target}"
    return f"{meaning.measure or 'events'}:{meaning.target}"


def column_letters(column: int) -> str:
    """The column part of an A1 name ('E' of 'E12'), computed once per column instead of once per cell."""
    return cell_name(0, column)[:-1]


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
    if ("measure" in kinds or "amount" in roles) and ("activity" in roles or _rows_name_activities(table, vocab)):
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
    "single": {"measure", "activity", "amount", "funding"},
    "long": {"unit", "district", "province", "year", "activity", "measure", "value", "unit_code"},
}
UNMAPPED_COLUMN = "không khớp chỉ tiêu nào trong bảng từ đồng nghĩa"  # the CLI adds how to teach such columns
IGNORED_ROLES = {"stt", "note", "uom", "row_total", "ratio", "plan", "ignored"}  # read by nobody, on purpose



def lost_columns(table: Table, layout: str) -> list[Column]:
    """Columns no rule of this layout reads: unknown headers, bare measures in a row-per-unit table… (an
    officer can teach what they mean, see etl.teach)."""
    def read(column: Column) -> bool:
        meaning = column.meaning
        what = meaning.target if meaning.kind == "column" else meaning.kind
        return what in READ_BY[layout] or what in IGNORED_ROLES

    label = _first_text_column(table) if layout == "single" and not table.role("activity") else None
    return [c for c in table.columns if not read(c) and c is not label]


def _unmapped_columns(table: Table, layout: str) -> list[Issue]:
    """The lost columns and headerless columns holding data, each reported with its cell."""
    lost = lost_columns(table, layout)
    headed = {c.index for c in table.columns}
    first_row: dict[int, int] = {}  # a headerless column with data -> its first row holding any
    for row in table.body:
        for c, text in enumerate(table.texts[row]):
            if text and c not in headed and c not in first_row:
                first_row[c] = row
    cells = [cell_name(first_row[c], c) for c in sorted(first_row)]
    issues = [Issue(f"cột không có tiêu đề nhưng có số liệu (từ ô {cell}) — bỏ qua cột này", table.sheet, cell)
              for cell in cells]
    ignored = [Issue(f"cột '{' / '.join(c.path)}' là tỷ lệ, bình quân hay so sánh, không phải số lượng — không tính",
                     table.sheet, c.header_cell) for c in table.columns
               if c.meaning.kind == "column" and c.meaning.target == "ratio" and _holds_numbers(table, c)]
    return issues + ignored + [Issue(f"cột '{' / '.join(c.path)}' {UNMAPPED_COLUMN} — bỏ qua cột này; để đọc cột "
                                     f"này, thêm dòng: {example_line(c.path, _measure_of(c))}", table.sheet,
                                     c.header_cell) for c in lost]


def _measure_of(column: Column) -> str | None:
    return column.meaning.target if column.meaning.kind == "measure" else column.meaning.measure


def _holds_numbers(table: Table, column: Column) -> bool:
    return any(table.text(row, column.index) for row in table.body)


def number(table: Table, row: int, column: int, meaning: Meaning) -> int:
    """Parse one numeric cell; a problem rejects the file naming sheet, cell and value."""
    values = table.rows[row]
    raw = values[column] if column < len(values) else None
    try:
        value = parse_amount(raw, meaning.multiplier or table.amount_unit) if meaning.kind == "funding" \
            else parse_number(raw)
    except ValueProblem as exc:
        raise FormError(str(exc), table.sheet, cell_name(row, column)) from None
    if abs(value) > LARGEST:
        raise FormError(f"số quá lớn, ô ghi '{written(raw)}'", table.sheet, cell_name(row, column))
    if meaning.kind == "funding":
        return value
    whole = int(value)
    if value == whole:  # nearly every count: no rounding on the hot path
        return whole
    nearest = round(value)
    if abs(value - nearest) > WHOLE_TOLERANCE:
        raise FormError(f"số hoạt động và số người phải là số nguyên, ô ghi '{written(raw)}'", table.sheet,
                        cell_name(row, column))
    return nearest


def _label(table: Table, row: int, column: Column | None) -> str:
    return table.text(row, column.index) if column is not None else ""


def _first_text(table: Table, row: int) -> str:
    return next((t for t in table.texts[row] if t), "")


def _consolidated(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    unit_col, district_col = table.role("unit"), table.role("district")
    province_col, year_col, code_col = table.role("province"), table.role("year"), table.role("unit_code")
    values = [c for c in table.columns if c.meaning.kind in ("indicator", "funding")]
    places = _Places(values)
    drafts = []
    stt_col = table.role("stt")
    district_above: str | None = None  # 'Huyện Châu Phú' written as a row above its communes
    for row in table.body:
        label = _label(table, row, unit_col or district_col)
        draft = Draft(table.sheet, row, label or None,
                      district_name=_label(table, row, district_col) if unit_col else None,
                      province_name=_label(table, row, province_col) or None,
                      year=_year_cell(table, row, year_col))
        draft.unit_code = _label(table, row, code_col) or None
        draft.role = row_role(label or _first_text(table, row), _label(table, row, stt_col), vocab)
        filled = _fill_values(table, row, values, draft)
        if not label and draft.role == "unit":
            if filled:
                raise FormError("dòng có số liệu nhưng không có tên đơn vị", table.sheet, cell_name(row, 0))
            continue
        if draft.role == "group" and not filled:
            warnings.append(Issue(f"dòng '{label}' không có số liệu, coi là tiêu đề nhóm", table.sheet,
                                  cell_name(row, (unit_col or district_col).index)))
        if district_col is None and unit_col is not None and label:
            district_above = _district_context(label, draft, district_above)
        draft.cells = places.of_row(table, row, draft)
        drafts.append(draft)
    return drafts


_SUBTOTAL = re.compile(r"^(?:tổng cộng|tổng số|cộng|tổng) (?:(?:của )?(?:huyện|quận|thị xã|thành phố|tp|xã|"
                       r"phường|thị trấn|cấp|khối|nhóm|các|toàn|khu vực|cụm|vùng|[ivx]+|[a-d]) )")
_GROUP_WORDS = ("cấp ", "khối ", "nhóm ", "các xã", "các phường", "các đơn vị", "khu vực ", "cụm ", "vùng ",
                "đơn vị cấp ", "sở ngành", "các sở", "các trường", "các cơ quan", "cơ quan cấp ")
_ROMAN = re.compile(r"^(?:[ivx]+|[a-d])$")
_ROMAN_NUMBER = re.compile(r"^[ivx]+$")
_DISTRICT_TYPES = ("huyen ", "quan ", "thi xa ", "thanh pho ", "tp ")
_COMMUNE_TYPES = ("xa ", "phuong ", "thi tran ")


def row_role(label: str, stt: str, vocab: Vocabulary) -> str:
    """What a row of a row-per-unit table is, from its own words: the grand total ('Tổng cộng', 'Toàn
    huyện'), a subtotal ('Cộng huyện X', 'Tổng cấp xã'), a group row ('I. Cấp huyện', 'II', 'B', 'Khối
    trường học', numbered I, II in its STT cell) or a unit. A group row may carry the subtotal of the rows
    under it; none of them is a unit."""
    words = soft(label)  # with diacritics: 'Vũng Tàu' is a place, 'Vùng 2' a group
    if vocab.is_total(label):
        return "total"
    if _SUBTOTAL.match(words + " "):
        return "subtotal"
    if _NUMBERED.match(label) or _NUMBERED_GROUP.match(words + " ") or _ROMAN_NUMBER.match(fold(stt)) \
            or (words + " ").startswith(_GROUP_WORDS) or _ROMAN.match(words):
        return "group"
    return "unit"


def _district_context(label: str, draft: Draft, above: str | None) -> str | None:
    """A district row ('Huyện Châu Phú', 'I. Huyện Châu Phú') places the commune rows under it: a commune
    name repeated in the province is then found in the district its row names. A total row ends it."""
    name = _NUMBERED.sub("", label)
    if fold(name).startswith(_DISTRICT_TYPES):
        return name
    if draft.role == "unit" and above and fold(name).startswith(_COMMUNE_TYPES):
        draft.district_name = above
    return None if draft.role == "total" else above


def _fill_values(table: Table, row: int, columns: list[Column], draft: Draft) -> bool:
    """Add each value column of a row to the draft; True when any cell held something."""
    filled = False
    for column in columns:
        value = number(table, row, column.index, column.meaning)
        blank = not value and table.text(row, column.index) in ("", "-")
        filled = filled or not blank
        target = column.meaning.target
        if column.meaning.kind != "funding":
            draft.add(target, column.meaning.measure or "events", value)
        elif not blank or target != "total":  # a blank total states nothing; blank parts are 0s of a stated section
            draft.funding[target] = draft.funding.get(target, 0) + value
    return filled


class _Places:
    """Where the figures of a row-per-unit table sit (column letters per figure key), so that a row's cells
    are built in one pass rather than one call per cell: wide national tables have ~20 figures a row."""

    def __init__(self, columns: list[Column]):
        self.activities: dict[str, list[tuple[str, str]]] = {}  # indicator -> [(figure, letters)]
        self.funding: list[tuple[str, str, str]] = []  # (source, figure, letters)
        self.summed: dict[str, list[Column]] = {}  # figure -> its columns, when several add up to it
        first: dict[str, Column] = {}
        for column in columns:
            figure = figure_key(column.meaning)
            if figure in first:
                self.summed.setdefault(figure, [first[figure]]).append(column)
                continue
            first[figure] = column
            place = (figure, column_letters(column.index))
            if column.meaning.kind == "funding":
                self.funding.append((column.meaning.target, *place))
            else:
                self.activities.setdefault(column.meaning.target, []).append(place)

    def of_row(self, table: Table, row: int, draft: Draft) -> dict[str, str]:
        """The cells of the figures a row reports: the activities it counts anything for and the funding it
        states (an activity with neither count nor participants has no figure to point at, and no row in the
        warehouse). A totals row keeps them all, since its blank may be what does not add up. A figure summed
        from several columns (in person, online) points at the first that holds a number."""
        line = str(row + 1)
        cells = {figure: letters + line for indicator, (events, people) in draft.facts.items()
                 if events or people or draft.is_total for figure, letters in self.activities[indicator]}
        cells.update({figure: letters + line for source, figure, letters in self.funding if source in draft.funding})
        for figure, columns in self.summed.items():
            if figure in cells:
                held = next((c for c in columns if number(table, row, c.index, c.meaning)), columns[0])
                cells[figure] = column_letters(held.index) + line
        return cells


def _year_cell(table: Table, row: int, column: Column | None) -> int | None:
    if column is None:
        return None
    text = table.text(row, column.index)
    match = re.search(r"\b(19|20)\d\d\b", text)
    if text and not match:
        raise FormError(f"năm '{text}' không hợp lệ", table.sheet, cell_name(row, column.index))
    return int(match.group(0)) if match else None


def _single(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    """A row per activity; funding as rows ('Ngân sách nhà nước | 15.000.000'), as lines under the table,
    or as a column per activity ('Kinh phí NSNN'), which adds up to the unit's funding."""
    activity = table.role("activity") or _first_text_column(table)
    counts = [c for c in table.columns if c.meaning.kind == "measure"]
    amounts = [c for c in table.columns if c.meaning.kind == "column" and c.meaning.target == "amount"]
    spent = [c for c in table.columns if c.meaning.kind == "funding" and c is not activity]
    draft = Draft(table.sheet, None, None)
    for row in table.body:
        label = _label(table, row, activity)
        if not label or vocab.is_total(label):
            continue
        meaning = vocab.label_meaning(label)
        if meaning.kind == "funding":
            _funding_row(table, row, meaning, counts + amounts, draft)
            continue
        _fill_values(table, row, spent, draft)
        for column in spent:
            draft.read_at(figure_key(column.meaning), cell_name(row, column.index), draft.funding.get(
                column.meaning.target, 0))
        values = [(column, number(table, row, column.index, column.meaning)) for column in counts]
        if not any(value for _, value in values):
            continue
        indicator = meaning.target if meaning.kind == "indicator" else "other"
        if meaning.kind != "indicator":
            warnings.append(Issue(f"hoạt động '{label}' không khớp chỉ tiêu nào — tính vào 'other'",
                                  table.sheet, cell_name(row, activity.index)))
        for column, value in values:  # 'trực tiếp' and 'trực tuyến' both count as participants
            draft.add(indicator, column.meaning.target, value)
            draft.read_at(f"{column.meaning.target}:{indicator}", cell_name(row, column.index), value)
    _funding_lines(table, vocab, table.footer + [r for r in table.body if _has_colon(table, r)], draft)
    return [draft]


def _first_text_column(table: Table) -> Column:
    candidates = [c for c in table.columns if not (c.meaning.kind == "column" and c.meaning.target == "stt")]
    if not candidates:
        raise FormError("không tìm thấy cột nội dung hoạt động", table.sheet)
    return candidates[0]


def _funding_row(table: Table, row: int, meaning: Meaning, columns: list[Column], draft: Draft) -> None:
    """'Kinh phí NSNN (đồng)' as a table row: the amount is the first filled numeric cell, in the unit its
    own label, else its row's 'ĐVT' cell ('triệu đồng'), else the form's stated unit of amounts names."""
    uom = table.role("uom")
    if meaning.multiplier is None and uom is not None:
        meaning = Meaning("funding", meaning.target, multiplier=header_multiplier(table.text(row, uom.index)))
    for column in columns:
        if table.text(row, column.index):
            if meaning.multiplier is None:  # 'Số tiền (triệu đồng)': the amount column names the unit
                meaning = Meaning("funding", meaning.target, multiplier=header_multiplier(" ".join(column.path)))
            draft.funding[meaning.target] = number(table, row, column.index, meaning)
            draft.read_at(figure_key(meaning), cell_name(row, column.index), draft.funding[meaning.target])
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
            stated = funding_in_sentence(text, vocab, table.amount_unit)
            if stated:
                for source, amount in stated.items():
                    draft.funding[source] = amount
                    draft.read_at(f"funding:{source}", cell_name(row, column), amount)
            elif rest.strip():
                draft.funding[meaning.target] = _amount(table, row, column, rest, meaning)
                draft.read_at(figure_key(meaning), cell_name(row, column), draft.funding[meaning.target])
            elif position + 1 < len(texts):
                next_column, value = texts[position + 1]
                draft.funding[meaning.target] = _amount(table, row, next_column, value, meaning)
                draft.read_at(figure_key(meaning), cell_name(row, next_column), draft.funding[meaning.target])
            break


_AMOUNT_IN_TEXT = re.compile(r"(\d[\d.,]*)((?:\s*[^\W\d_]+\.?){0,2})")


_TOTAL_WORDS = re.compile(r"\btong (?:kinh phi|so tien|so kinh phi|cong)\b")


def funding_in_sentence(text: str, vocab: Vocabulary, stated_unit: int | None) -> dict[str, int]:
    """Every source a sentence gives an amount for: 'Tổng kinh phí 45 triệu đồng, trong đó ngân sách nhà
    nước 30 triệu, xã hội hóa 15 triệu đồng' -> total 45, state 30, social 15 million. Each amount belongs
    to the funding words written between it and the amount before; a bare number is in the form's stated
    unit of amounts, else in đồng."""
    found: dict[str, int] = {}
    start = 0
    for match in _AMOUNT_IN_TEXT.finditer(text):
        words = text[start:match.start()].replace(":", " ")
        meaning = Meaning("funding", "total") if _TOTAL_WORDS.search(fold(words)) else vocab.label_meaning(words)
        start = match.end()
        if meaning.kind != "funding" or meaning.target in found:
            continue
        amount = _amount_with_unit(match.group(1).rstrip(".,"), match.group(2).split(),
                                   meaning.multiplier or stated_unit)
        if amount is not None:  # None: a date or a document number inside the sentence, not an amount
            found[meaning.target] = amount
    return found


def _amount_with_unit(digits: str, after: list[str], default_unit: int | None) -> int | None:
    """'148,2' followed by 'trieu dong' (any spelling the value parser knows), by 'triệu', or by no unit."""
    for size in (2, 1, 0):
        try:
            return parse_amount(" ".join([digits, *after[:size]]).rstrip("."), default_unit)
        except ValueProblem:
            continue
    return None


def _amount(table: Table, row: int, column: int, text: str, meaning: Meaning) -> int:
    try:
        return parse_amount(text.strip().rstrip("."), meaning.multiplier or table.amount_unit)
    except ValueProblem as exc:
        raise FormError(str(exc), table.sheet, cell_name(row, column)) from None


def _long(table: Table, vocab: Vocabulary, warnings: list[Issue]) -> list[Draft]:
    """Tidy rows (unit, year, indicator, measure, value) grouped back into one draft per unit and year."""
    roles = {t: table.role(t) for t in ("unit", "district", "province", "year", "activity", "measure", "value")}
    named = [c for c in table.columns if c.meaning.kind == "column" and c.meaning.target == "activity"]
    if roles["measure"] is None and len(named) > 1:  # 'Hoạt động' | 'Chỉ tiêu': the second names the measure
        roles["measure"] = named[1]
    value_letters = column_letters(roles["value"].index)
    drafts: dict[tuple, Draft] = {}
    for row in table.body:
        label = _label(table, row, roles["activity"])
        unit = _label(table, row, roles["unit"] or roles["district"])
        if not label and not unit:
            continue
        measure_text = _label(table, row, roles["measure"])
        meaning = vocab.label_meaning(label)
        measured = vocab.label_meaning(measure_text) if measure_text else Meaning(None)
        if measured.kind == "funding" and (meaning.kind != "funding" or meaning.target == "total"):
            # 'Lễ khai mạc' | 'Kinh phí NSNN' | 5.000.000, or 'Kinh phí' | 'Ngân sách nhà nước' | 12.000.000
            meaning = measured
        if meaning.kind == "funding":
            meaning = Meaning("funding", meaning.target, multiplier=meaning.multiplier or _unit_of(measure_text)
                              or table.amount_unit)
        value = number(table, row, roles["value"].index, meaning)
        group = (unit, _label(table, row, roles["district"]) if roles["unit"] else "",
                 _label(table, row, roles["province"]), _year_cell(table, row, roles["year"]))
        draft = drafts.setdefault(group, Draft(table.sheet, row, unit or None, district_name=group[1] or None,
                                               province_name=group[2] or None, year=group[3],
                                               role=row_role(unit, "", vocab)))  # 'Toàn huyện' is a check
        figure = _add_long(draft, meaning, measure_text, value, vocab, warnings, table, row)
        draft.read_at(figure, value_letters + str(row + 1), value)
    return list(drafts.values())


def _unit_of(measure_text: str) -> int | None:
    return header_multiplier(measure_text) or (1 if fold(measure_text) in ("d", "dong", "vnd") else None)


def _add_long(draft: Draft, meaning: Meaning, measure_text: str, value: int, vocab: Vocabulary,
              warnings: list[Issue], table: Table, row: int) -> str:
    """Add one tidy row's value to its draft; returns the key of the figure it adds to."""
    if meaning.kind == "funding":
        draft.funding[meaning.target] = draft.funding.get(meaning.target, 0) + value
        return figure_key(meaning)
    measure = vocab.first_match(fold(measure_text), "measure")
    indicator = meaning.target if meaning.kind == "indicator" and meaning.target in INDICATORS else "other"
    if meaning.kind != "indicator":
        warnings.append(Issue(f"chỉ tiêu '{_label(table, row, table.role('activity'))}' không khớp — tính vào "
                              "'other'", table.sheet, cell_name(row, table.role("activity").index)))
    measure_name = measure.target if measure else (meaning.measure or "events")
    draft.add(indicator, measure_name, value)
    return f"{measure_name}:{indicator}"
