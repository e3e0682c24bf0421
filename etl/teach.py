"""Teach it once: an officer says what a column no rule read means, and the answer is kept as data (one row of
the taught headers' file, see etl.headers) so the next file with that header reads by itself.

`synonym_row` is pure (one choice for one header path -> the row to keep); `teach` is the edge that writes the
file, replaced whole so a reader never meets half of it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from etl.files import replace_file
from etl.headers import SYNONYM_FIELDS, local_synonyms_path
from etl.text import soft

HEADER_JOIN = " / "  # how a header path is written in the file and shown to officers


@dataclass(frozen=True)
class Choice:
    """What a column means, as a row of the synonym file says it: (kind, target, measure)."""

    kind: str
    target: str
    measure: str = ""


UNIT = Choice("column", "unit")
IGNORE = Choice("column", "ignored")
FUNDING = {"state_budget": Choice("funding", "state_budget"), "social": Choice("funding", "social"),
           "total": Choice("funding", "total")}


def activity(indicator: str, measure: str) -> Choice:
    """An activity's count ('events') or its participants ('participants')."""
    if measure not in ("events", "participants"):
        raise ValueError(f"measure must be events or participants, not {measure!r}")
    return Choice("indicator", indicator, measure)


def choices(labels: Sequence[tuple[str, str]]) -> list[tuple[str, Choice]]:
    """Every choice an officer has for a column, with its Vietnamese name, given the activities
    (key, label) of data/indicators.csv."""
    per_activity = [(f"{label} — {words}", activity(key, measure)) for key, label in labels
                    for measure, words in (("events", "số hoạt động"), ("participants", "số người"))]
    return [("Đơn vị", UNIT), *per_activity, ("Kinh phí — ngân sách nhà nước", FUNDING["state_budget"]),
            ("Kinh phí — xã hội hóa", FUNDING["social"]), ("Kinh phí — tổng", FUNDING["total"]),
            ("Bỏ qua cột này", IGNORE)]


def synonym_row(path: Sequence[str], choice: Choice) -> dict[str, str]:
    """The row that makes the header `path` (its texts top to bottom, as read) mean `choice`."""
    return {"kind": choice.kind, "target": choice.target, "measure": choice.measure,
            "synonym": HEADER_JOIN.join(" ".join(text.split()) for text in path)}


def example_line(path: Sequence[str], measure: str | None) -> str:
    """The row an officer would add to read this column as an activity, as a CSV line with a placeholder for the
    activity's code: `indicator,<mã hoạt động>,participants,Hoạt động ngoại khóa / Số người`."""
    row = synonym_row(path, Choice("indicator", "<mã hoạt động>", measure or "events"))
    out = io.StringIO()
    csv.DictWriter(out, SYNONYM_FIELDS, lineterminator="").writerow(row)
    return out.getvalue()


def how_to_teach(path: Path, labels: Sequence[tuple[str, str]]) -> list[str]:
    """How to make unmapped columns read, for the command line: the file, the rows' forms and the activity codes
    (key, label) of data/indicators.csv."""
    return [f"Để đọc các cột chưa nhận ra, thêm vào {path} mỗi cột một dòng kind,target,measure,synonym "
            "(synonym là tiêu đề cột đúng như trong cảnh báo, các dòng tiêu đề nối bằng ' / '; "
            "hoặc chọn trên trang Nộp báo cáo):",
            "  indicator,<mã hoạt động>,events,<tiêu đề>        số hoạt động (events) hoặc số người (participants)",
            "  funding,state_budget,,<tiêu đề>                  kinh phí: state_budget, social hoặc total",
            "  column,unit,,<tiêu đề>                           cột tên đơn vị",
            "  column,ignored,,<tiêu đề>                        bỏ qua cột này, không cảnh báo nữa",
            "  Mã hoạt động: " + "; ".join(f"{key} ({label})" for key, label in labels)]


def teach(rows: Sequence[dict[str, str]], path: Path | None = None) -> None:
    """Keep the rows in the taught headers' file. A header taught again takes its new meaning: the file
    never holds two rows for one header, so never a duplicate nor two meanings."""
    path = path or local_synonyms_path()
    new = {soft(row["synonym"]): row for row in rows}
    kept = []
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            kept = [row for row in csv.DictReader(handle) if soft(row.get("synonym") or "") not in new]
    out = io.StringIO()
    writer = csv.DictWriter(out, SYNONYM_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows([*kept, *new.values()])
    replace_file(path, out.getvalue())
