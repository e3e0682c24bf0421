"""Step 2, find the table: locate title block, header rows, body rows and footer in a sheet grid.

Forms put a title block above the table and a signature block below it, use one to three header
rows with merged cells, and sometimes a row of column numbers '(1) (2) (3)' under the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.errors import cell_name
from etl.headers import Meaning, Vocabulary
from etl.read import RawSheet
from etl.text import clean, fold
from etl.values import header_multiplier

HEADER_SCAN_ROWS = 40
MAX_HEADER_ROWS = 3
SIGNATURE_CUES = ("noi nhan", "ghi chu", "luu y", "chu thich", "nguoi ky", "nguoi tong hop", "thu ky",
                  "nguoi lap", "thu truong", "giam doc", "chu tich", "truong phong",
                  "tm ", "kt ", "ky ten", "xac nhan", "hieu truong", "pho giam doc", "luu vt")
UNIT_NOTE_CUES = ("don vi tinh", "dvt", "dv tinh", "don vi tien", "tinh bang")
_DATED = re.compile(r"\bngay (?:\d{1,2}|\.+)? ?thang (?:\d{1,2})? ?nam (?:19|20)\d\d$|\bngay \d{1,2} \d{1,2} \d{4}$")
_DIGITS = re.compile(r"^\s*\d[\d.,\s]*$")
_NUMBERING = re.compile(r"^\(?[0-9a-z]{1,2}\)?$")


@dataclass
class Column:
    index: int
    path: list[str]
    meaning: Meaning
    header_cell: str
    by_content: bool = False  # its meaning was read from its cells, its header being unknown


@dataclass
class Table:
    """A located table; `rows` is the sheet grid with merged header cells filled in, `texts` the
    `text_of` of each of its cells, computed once because every step reads them."""

    sheet: str
    rows: list[list[object]]
    texts: list[list[str]]
    title: list[tuple[str, str]]  # (text, cell) of every filled cell above the header
    header_rows: list[int]
    columns: list[Column]
    body: list[int]
    footer: list[int] = field(default_factory=list)
    amount_unit: int | None = None  # 'Đơn vị tính: nghìn đồng' above the table or in a header cell
    next_header: int | None = None  # where the next table of the sheet begins, if one follows

    def role(self, target: str) -> Column | None:
        return next((c for c in self.columns if c.meaning.kind == "column" and c.meaning.target == target), None)

    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.meaning.kind in ("indicator", "funding", "measure")
                or (c.meaning.kind == "column" and c.meaning.target == "value")]

    def text(self, row: int, column: int) -> str:
        texts = self.texts[row]
        return texts[column] if column < len(texts) else ""


def text_of(value: object) -> str:
    if isinstance(value, str):
        return clean(value) if value else ""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def find_tables(sheet: RawSheet, vocab: Vocabulary) -> list[Table]:
    """The report tables of a sheet, top to bottom: activities, then a funding table ('Nguồn kinh phí | Số
    tiền') or a 'Bảng 2' by district, each under its own header. Empty when no row looks like a header."""
    rows = list(sheet.rows)
    texts = [_cells(row) for row in rows]
    tables: list[Table] = []
    start = 0
    while (table := _table_at(sheet, rows, texts, start, vocab)) is not None:
        tables.append(table)
        if table.next_header is None:
            break
        start = table.next_header
    return tables


def _table_at(sheet: RawSheet, rows: list[list[object]], texts: list[list[str]], start: int,
              vocab: Vocabulary) -> Table | None:
    anchor = _header_anchor(rows, vocab, start)
    if anchor is None:
        return None
    header_rows = _header_block(rows, texts, anchor, vocab)
    for r in header_rows:  # the only rows the fills change: copied, so the sheet's grid stays as read
        rows[r] = list(rows[r])
    _fill_merged(rows, sheet.merged, header_rows)
    _fill_groups(rows, header_rows)
    for r in header_rows:
        texts[r] = _cells(rows[r])
    amount_unit = stated_amount_unit([t for r in range(header_rows[-1] + 1) for t in texts[r] if t])
    columns = [c for c in _columns(texts, header_rows, vocab) if not _is_unit_note(" ".join(c.path))]
    first = header_rows[-1] + 1
    while first < len(rows) and _is_numbering(texts[first]):
        first += 1
    table = Table(sheet.name, rows, texts, _title_lines(texts[start:header_rows[0]], start), header_rows, columns,
                  [], [], amount_unit)
    table.body, table.footer, table.next_header = _split_body(first, table, vocab)
    _name_column_by_content(table)
    return table


NAME_SHARE = 0.6  # of a column's filled body cells that must be names for it to be the unit column


def _name_column_by_content(table: Table) -> None:
    """A row-per-unit table whose unit column has a header no synonym knows ('Tên xã, thị trấn', 'Nơi tổ
    chức'): the column whose body cells are mostly names (text, not numbers) is the unit column. Its
    meaning is set to a unit column and marked `by_content`, so the preview can say it was inferred."""
    roles = {c.meaning.target for c in table.columns if c.meaning.kind == "column"}
    if roles & {"unit", "district", "activity", "value"} or not any(
            c.meaning.kind in ("indicator", "funding") for c in table.columns) or not table.body:
        return
    headed = {c.index for c in table.columns}
    width = max((len(table.texts[r]) for r in table.body), default=0)
    headerless = [Column(c, [], Meaning(None), cell_name(table.header_rows[-1], c))
                  for c in range(width) if c not in headed]
    for column in sorted([*table.columns, *headerless], key=lambda c: c.index):
        if column.meaning.kind == "column" or column.meaning.kind == "funding":
            continue
        cells = [table.text(r, column.index) for r in table.body]
        filled = [t for t in cells if t]
        names = [t for t in filled if _is_name(t)]
        if filled and len(names) >= NAME_SHARE * len(filled) and len(set(names)) > len(names) // 2:
            column.meaning = Meaning("column", "unit")
            column.by_content = True
            if column.index not in headed:
                table.columns = sorted([*table.columns, column], key=lambda c: c.index)
            return


def _is_name(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and not _NUMBERING.match(fold(text)) and fold(text) not in ("khong",)


def stated_amount_unit(lines: list[str]) -> int | None:
    """The unit of amounts a form states once for its tables ('Đơn vị tính: nghìn đồng', '(ĐVT: triệu
    đồng)'): an amount column whose header names no unit of its own is in it, not in đồng."""
    for line in lines:
        if _is_unit_note(line):
            return header_multiplier(line)
    return None


def _is_unit_note(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(UNIT_NOTE_CUES) and header_multiplier(text) is not None and len(folded) < 40


def _cells(row: list[object]) -> list[str]:
    return [clean(v) if type(v) is str else text_of(v) for v in row]  # most cells are text: no call per cell


def _strings(row: list[object]) -> list[str]:
    return [v for v in row if isinstance(v, str) and v.strip()]


def _header_score(strings: list[str], vocab: Vocabulary) -> int:
    return sum(1 for v in strings if vocab.is_header_word(v))


def _header_anchor(rows: list[list[object]], vocab: Vocabulary, start: int = 0) -> int | None:
    for index in range(start, min(start + HEADER_SCAN_ROWS, len(rows))):
        if _looks_like_header(rows[index], vocab):
            return index
    return None


def _looks_like_header(row: list[object], vocab: Vocabulary) -> bool:
    if _holds_two_numbers(row):  # most rows of a body: decided without reading a word
        return False
    strings = _strings(row)  # a title line (one text) is never scored: its words are unique to each form
    return len(strings) >= 2 and _header_score(strings, vocab) >= 2


def _holds_two_numbers(row: list[object]) -> bool:
    found = 0
    for v in row:
        if (type(v) is float or type(v) is int) or (isinstance(v, str) and v and v[0].isdigit() and _DIGITS.match(v)):
            found += 1
            if found == 2:
                return True
    return False


def _numeric_count(row: list[object]) -> int:
    """Cells holding a number, typed as one or as text (every cell of a CSV is text)."""
    return sum(1 for v in row if (isinstance(v, (int, float)) and not isinstance(v, bool))
               or (isinstance(v, str) and _DIGITS.match(v)))


def _header_block(rows: list[list[object]], texts: list[list[str]], anchor: int, vocab: Vocabulary) -> list[int]:
    block = [anchor]
    for index in range(anchor + 1, min(anchor + MAX_HEADER_ROWS, len(rows))):
        row = rows[index]
        strings = _strings(row)
        if _is_numbering(texts[index]) or _numeric_count(row) or not strings \
                or _header_score(strings, vocab) < 0.75 * len(strings):
            break
        if _looks_like_data_label(texts[index], vocab):
            break
        block.append(index)
    return block


def _looks_like_data_label(cells: list[str], vocab: Vocabulary) -> bool:
    """A first body row of an all-text table ('Phường 1', '-', '-') must not join the header."""
    texts = [t for t in cells if t]
    return bool(texts) and not vocab.is_header_word(texts[0]) and len(texts) > 1 and any(
        fold(t) in ("", "khong") or t == "-" or re.fullmatch(r"[\d.,\s]+", t) for t in texts[1:])


def _is_numbering(cells: list[str]) -> bool:
    """The '(1) (2) (3)' or 'A B 1 2 3' row some forms print under the header."""
    texts = [fold(t) for t in cells if t]
    return len(texts) >= 3 and all(_NUMBERING.match(t) for t in texts)


def _fill_merged(rows: list[list[object]], merged: list[tuple[int, int, int, int]], header_rows: list[int]) -> None:
    first, last = header_rows[0], header_rows[-1]
    for r1, c1, r2, c2 in merged:
        if r1 < first or r1 > last:
            continue
        value = rows[r1][c1] if c1 < len(rows[r1]) else ""
        for r in range(r1, min(r2, last) + 1):
            row = rows[r]
            row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                row[c] = value


def _fill_groups(rows: list[list[object]], header_rows: list[int]) -> None:
    """Unmerged group headers (CSV, some .ods): a group text spans the empty cells to its right, as
    far as the columns under it have sub-headers of their own."""
    width = max(len(rows[r]) for r in header_rows)
    for position, r in enumerate(header_rows[:-1]):
        row = rows[r]
        row.extend([""] * (width - len(row)))
        below = header_rows[position + 1:]
        has_sub = [any(c < len(rows[b]) and text_of(rows[b][c]) for b in below) for c in range(width)]
        for c in range(1, width):
            if not text_of(row[c]) and text_of(row[c - 1]) and has_sub[c] and has_sub[c - 1]:
                row[c] = row[c - 1]


def _columns(texts: list[list[str]], header_rows: list[int], vocab: Vocabulary) -> list[Column]:
    width = max(len(texts[r]) for r in header_rows)
    columns = []
    for c in range(width):
        path: list[str] = []
        for r in header_rows:
            text = texts[r][c] if c < len(texts[r]) else ""
            if text and (not path or fold(path[-1]) != fold(text)):
                path.append(text)
        if path:
            last = max(r for r in header_rows if c < len(texts[r]) and texts[r][c])
            columns.append(Column(c, path, vocab.meaning(path), cell_name(last, c)))
    return _attach_measures(columns)


def _attach_measures(columns: list[Column]) -> list[Column]:
    """'Lễ khai mạc' | 'Số người tham dự' side by side: a bare measure belongs to the activity on its left.

    Only when some activity column exists (a consolidated table); in a single-unit form the bare
    measures are the table's own value columns. A measure under a group header of its own ('Hoạt động ngoại
    khóa' over 'SL') belongs to that group, never to the activity on its left: unknown, it is reported.
    """
    if not any(c.meaning.kind == "indicator" for c in columns):
        return columns
    for left, column in zip(columns, columns[1:], strict=False):  # chains: SL | trực tiếp | trực tuyến
        if column.meaning.kind == "measure" and left.meaning.kind == "indicator" and left.index == column.index - 1 \
                and (len(column.path) == 1 or column.path[:-1] == left.path[:-1]):
            column.meaning = Meaning("indicator", left.meaning.target, column.meaning.target)
    return columns


def _title_lines(texts: list[list[str]], first: int = 0) -> list[tuple[str, str]]:
    return [(text, cell_name(first + r, c)) for r, row in enumerate(texts) for c, text in enumerate(row) if text]


def _split_body(start: int, table: Table, vocab: Vocabulary) -> tuple[list[int], list[int], int | None]:
    """Body rows run until the signature block or the header of a next table ('Nguồn kinh phí | Số tiền',
    its title line 'II. KINH PHÍ TỔ CHỨC' above it going to the footer); an empty row ends the body unless
    data rows follow. Returns body, footer and the row where a next table's header begins."""
    body: list[int] = []
    footer: list[int] = []
    gap = closed = False
    for index in range(start, len(table.texts)):
        first = next((t for t in table.texts[index] if t), "")
        if not closed and body and _looks_like_header(table.rows[index], vocab):
            return body, footer, index
        if closed or (first and _closes_table(fold(first))):
            closed = True
            footer.append(index)
            continue
        if not first:
            gap = bool(body)
            continue
        if footer or (gap and not _has_values(index, table)):
            footer.append(index)
            continue
        body.append(index)
    return body, footer, None


def _closes_table(folded: str) -> bool:
    """The signature block, notes, or the place-and-date line ('Châu Phú, ngày 20 tháng 10 năm 2023')."""
    return folded.startswith(SIGNATURE_CUES) or _DATED.search(folded) is not None


def _has_values(row: int, table: Table) -> bool:
    return any(table.text(row, column.index) not in ("", "-") for column in table.value_columns())
