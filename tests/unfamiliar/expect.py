"""What a careful officer reads from each unfamiliar form, written by hand (never computed by the ETL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .files import Csv, Xls, Xlsx

OPEN, COMM, CLASS, ONLINE, TRAIN = "opening_ceremony", "communication", "class", "online_learning", "training"
SEMINAR, CONTEST, READ, VISIT, PRAISE, OTHER = "seminar", "contest", "reading", "visit", "commendation", "other"
# 'Lớp, chuyên đề trực tuyến': online classes and topics are short courses (class) held online, or online learning
# (online_learning); issue 9 asks only that the column's count and participants stay under one activity. A key
# "a|b" accepts either indicator, provided the whole form uses the same one.
CLASS_OR_ONLINE = f"{CLASS}|{ONLINE}"


@dataclass(frozen=True)
class U:
    """One reporting unit's figures: `name` as report_facts.unit_name shows it (the official name with its
    type; an agency's or an unmatched name as written), `facts` indicator -> (events, participants),
    `money` (state budget, social sources) in đồng, `district` where the name repeats in its province."""

    name: str
    facts: dict[str, tuple[int, int]] = field(default_factory=dict)
    money: tuple[int, int] = (0, 0)
    district: str | None = None


@dataclass(frozen=True)
class Loaded:
    """The form loads: exactly these units (those with any figure), every unit in `province` (the code on
    today's map); each entry of `warnings` lists the numbers one warning must name (a totals row that
    disagrees with its rows: the stated and the summed figure). `or_rejected`: a form a misreading would
    make wrong, where refusing it is also right; loading other numbers never is."""

    year: int
    province: str
    units: tuple[U, ...]
    warnings: tuple[tuple[int, ...], ...] = ()
    or_rejected: bool = False

    def totals(self) -> tuple[int, int, int, int]:
        return (sum(e for u in self.units for e, _ in u.facts.values()),
                sum(p for u in self.units for _, p in u.facts.values()),
                sum(u.money[0] for u in self.units), sum(u.money[1] for u in self.units))


@dataclass(frozen=True)
class Rejected:
    word: str  # a word the rejection's message must contain


@dataclass(frozen=True)
class Form:
    id: str
    phenomenon: str  # "1".."10" as numbered in issue 9, or "never wrong"
    tests: str  # what the form tests, in a line (README.md and STATUS.md list them)
    filename: str
    file: Xlsx | Xls | Csv
    expect: Loaded | Rejected

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.filename
        self.file.write(path)
        return path
