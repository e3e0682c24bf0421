"""What the reader understood of a sheet, in words an officer checks against the form before it loads: the
layout, what each column means (and which were not counted, and why) and which rows were taken as units,
groups, subtotals, totals and notes. Pure: made from a located table and its extraction."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.extract import Extraction, column_letters, lost_columns
from etl.tables import Column, Table
from etl.template import indicator_labels

LAYOUT_NAMES = {"consolidated": "bảng tổng hợp (mỗi dòng một đơn vị)",
                "single": "biểu của một đơn vị (mỗi dòng một hoạt động)",
                "long": "bảng dọc (mỗi dòng một số liệu)"}
ROLE_NAMES = {"unit": "đơn vị", "district": "quận/huyện", "province": "tỉnh/thành phố", "year": "năm",
              "unit_code": "mã đơn vị", "stt": "số thứ tự", "note": "ghi chú — không tính",
              "uom": "đơn vị tính", "row_total": "tổng của dòng — không tính (chỉ để đối chiếu)",
              "ratio": "tỷ lệ / bình quân / so sánh — không tính", "plan": "kế hoạch — không tính",
              "ignored": "bỏ qua theo lựa chọn của cán bộ — không tính",
              "activity": "nội dung hoạt động", "measure": "chỉ số", "value": "giá trị", "amount": "số tiền"}
FUNDING_NAMES = {"state_budget": "ngân sách nhà nước", "social": "xã hội hóa", "total": "tổng kinh phí"}
MEASURE_NAMES = {"events": "số hoạt động", "participants": "số người"}
ROW_NAMES = {"unit": "Đơn vị", "group": "Nhóm", "subtotal": "Cộng nhóm", "total": "Tổng cộng",
             "note": "Ghi chú, ngày tháng, chữ ký"}


@dataclass
class SheetReading:
    sheet: str
    layout: str
    columns: list[tuple[str, str, str]] = field(default_factory=list)  # (letters, header as written, meaning)
    rows: dict[str, list[int]] = field(default_factory=dict)  # ROW_NAMES key -> row numbers as Excel shows them
    unread: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (letters, header path) read by no rule

    def as_dict(self) -> dict:
        """For `python -m etl ingest --json`: the same reading, rows as spans of Excel row numbers."""
        return {"sheet": self.sheet, "layout": self.layout,
                "columns": [{"column": c, "header": h, "meaning": m} for c, h, m in self.columns],
                "rows": {role: _spans(numbers) for role, numbers in self.rows.items() if numbers}}

    def lines(self) -> list[str]:
        """The reading as short Vietnamese lines, for the CLI and the upload preview: the sheet and its layout,
        then, indented under it, each column and each kind of row."""
        rows = [f"  {ROW_NAMES[role]}: dòng {_spans(numbers)}" for role, numbers in self.rows.items() if numbers]
        return [f"Sheet '{self.sheet}': {self.layout}",
                *(f"  cột {letters} '{header}': {meaning}" for letters, header, meaning in self.columns),
                *rows]


def understood(table: Table, extraction: Extraction) -> SheetReading:
    reading = SheetReading(table.sheet, LAYOUT_NAMES.get(extraction.layout, extraction.layout))
    labels = dict(indicator_labels())
    reading.columns = [(column_letters(c.index), " / ".join(c.path), _meaning(c, labels)) for c in table.columns]
    reading.unread = [(column_letters(c.index), tuple(c.path)) for c in lost_columns(table, extraction.layout)]
    roles: dict[str, list[int]] = {role: [] for role in ROW_NAMES}
    if extraction.layout == "consolidated":
        for draft in extraction.drafts:
            roles[draft.role].append(draft.row + 1)
    roles["note"] = [row + 1 for row in table.footer if any(table.texts[row])]
    reading.rows = roles
    return reading


def _meaning(column: Column, labels: dict[str, str]) -> str:
    meaning = column.meaning
    if meaning.kind == "column":
        name = ROLE_NAMES.get(meaning.target or "", meaning.target or "")
        return f"{name} (nhận ra theo nội dung các ô)" if column.by_content else name
    if meaning.kind == "funding":
        return f"kinh phí — {FUNDING_NAMES.get(meaning.target or '', meaning.target)}"
    if meaning.kind == "indicator":
        return f"{labels.get(meaning.target or '', meaning.target)} — {MEASURE_NAMES.get(meaning.measure or '', '')}"
    if meaning.kind == "measure":
        return MEASURE_NAMES.get(meaning.target or "", meaning.target or "")
    return "không khớp chỉ tiêu nào — không tính"


def _spans(numbers: list[int]) -> str:
    """[8, 9, 10, 12] -> '8–10, 12'."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in spans)
