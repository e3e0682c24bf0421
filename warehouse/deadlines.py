"""Report deadlines per level, as data: data/deadlines.csv, edited by an admin on the "Hạn nộp báo cáo" page.

The letters set them: communes report by 11/10, districts by 25/10, provinces to the Ministry by 30/10. A row
without a year is the default for every year; a row with a year replaces the default of its level that year.
A deadline is a day and month ("11/10", in the report's year) or a full date ("05/01/2021", for one year only).

The warehouse keeps a copy in its `deadlines` table, so that the `submission_status` view can tell on time from
late by itself (for analysts and BI tools too); `sync` refreshes the copy from the file.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from etl.copies import replace_rows
from etl.files import replace_file
from etl.units import REFORM_YEAR

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "deadlines.csv"
COLUMNS = ("year", "level", "deadline", "note")
LEVELS = ("commune", "district", "province")  # the order rows are written in, lowest level first
LEVEL_LABELS = {"province": "Tỉnh/thành phố", "district": "Quận/huyện", "commune": "Xã/phường"}
YEARS = range(2000, 2101)
LEAP_YEAR = 2000  # a day and month without a year must exist in every year: 29/02 does not
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$")


class DeadlineError(ValueError):
    """Deadlines that cannot be saved or used; `problems` name each line at fault, in Vietnamese."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Deadline:
    year: int | None  # None: the default for every year
    level: str  # province | district | commune
    day: int
    month: int
    on_year: int | None = None  # the year of a full date; None: the report's year
    note: str = ""

    @property
    def slot(self) -> tuple[int | None, str]:
        """What a deadline is for: at most one per year (or default) and level."""
        return self.year, self.level

    @property
    def text(self) -> str:
        """'11/10', or '05/01/2021' for a full date: the way the file and the page write it."""
        return f"{self.day:02d}/{self.month:02d}" + (f"/{self.on_year}" if self.on_year else "")

    def as_row(self) -> dict[str, str]:
        return {"year": "" if self.year is None else str(self.year), "level": self.level, "deadline": self.text,
                "note": self.note}


def csv_path() -> Path:
    """The deadlines file: env HTSD_DEADLINES, default data/deadlines.csv (tests and other sites point elsewhere)."""
    return Path(os.environ.get("HTSD_DEADLINES", DEFAULT_PATH))


def parse(rows: Iterable[Mapping[str, object]]) -> list[Deadline]:
    """Deadlines from the rows of the file; raises DeadlineError naming every bad line by its number in the file
    (the first row is line 2, under the header)."""
    found: list[Deadline] = []
    problems: list[str] = []
    seen: dict[tuple[int | None, str], int] = {}
    for number, row in enumerate(rows, start=2):
        try:
            deadline = parse_row(row)
        except ValueError as exc:
            problems.append(f"Dòng {number}: {exc}")
            continue
        if deadline.slot in seen:
            problems.append(f"Dòng {number}: trùng với dòng {seen[deadline.slot]} (cùng năm và cùng cấp); giữ một dòng")
            continue
        seen[deadline.slot] = number
        found.append(deadline)
    if problems:
        raise DeadlineError(problems)
    return ordered(found)


def _text(row: Mapping[str, object], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value).strip()


def parse_row(row: Mapping[str, object]) -> Deadline:
    """One deadline from a row with the file's columns; raises ValueError saying, in Vietnamese, what is wrong."""
    year = _year(_text(row, "year"))
    level = _text(row, "level")
    if level not in LEVELS:
        raise ValueError(f"cấp '{level}' không hợp lệ; dùng commune (xã/phường), district (quận/huyện) "
                         "hoặc province (tỉnh/thành phố)")
    if level == "district" and year is not None and year >= REFORM_YEAR:
        raise ValueError(f"từ năm {REFORM_YEAR} không còn cấp quận/huyện; bỏ dòng này")
    day, month, on_year = _deadline(_text(row, "deadline"), year)
    return Deadline(year, level, day, month, on_year, _text(row, "note"))


def _year(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) not in YEARS:
        raise ValueError(f"năm '{text}' không hợp lệ; để trống (mọi năm) hoặc ghi năm, ví dụ 2025")
    return int(text)


def _deadline(text: str, year: int | None) -> tuple[int, int, int | None]:
    """(day, month, year of a full date) from '11/10' or '05/01/2021'."""
    match = _DAY_MONTH.match(text)
    if match is None:
        raise ValueError(f"hạn nộp '{text}' không đúng dạng; ghi ngày/tháng (11/10) hoặc ngày/tháng/năm (05/01/2021)")
    day, month = int(match.group(1)), int(match.group(2))
    on_year = int(match.group(3)) if match.group(3) else None
    try:
        date(on_year or year or LEAP_YEAR, month, day)
    except ValueError:
        raise ValueError(f"hạn nộp '{text}' không phải ngày có thật") from None
    if on_year is None and year is None and (day, month) == (29, 2):
        raise ValueError("hạn nộp 29/02 không có trong mọi năm; ghi năm cho dòng này")
    if on_year is not None and year is None:
        raise ValueError(f"hạn nộp '{text}' có năm nên chỉ dùng cho một năm; ghi năm vào cột năm, hoặc chỉ "
                         "ghi ngày/tháng để dùng cho mọi năm")
    if on_year is not None and on_year not in (year, year + 1):
        raise ValueError(f"hạn nộp '{text}' không thuộc năm {year} hoặc đầu năm {year + 1}")
    return day, month, on_year


def ordered(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """Defaults first, then by year; lowest level first within a year."""
    return sorted(deadlines, key=lambda d: (d.year is not None, d.year or 0, LEVELS.index(d.level)))


def put(deadlines: Iterable[Deadline], new: Deadline) -> list[Deadline]:
    """The deadlines with `new` in its slot: added, or replacing the one there."""
    return ordered([d for d in deadlines if d.slot != new.slot] + [new])


def load(path: Path | None = None) -> list[Deadline]:
    """The deadlines in the file; none when there is no file. Raises DeadlineError when it is wrong."""
    path = path or csv_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("year", "level", "deadline") if c not in (reader.fieldnames or [])]
        if missing:
            raise DeadlineError([f"tệp {path.name} thiếu cột {', '.join(missing)} (cần: {', '.join(COLUMNS)})"])
        return parse(reader)


def save(deadlines: Iterable[Deadline], path: Path | None = None) -> None:
    """Write the file whole or not at all: a reader (the status page, an ingest) never sees half of it."""
    path = path or csv_path()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(d.as_row() for d in ordered(deadlines))
    replace_file(path, buffer.getvalue())


def stored(con: duckdb.DuckDBPyConnection) -> list[Deadline]:
    """The copy the warehouse holds (through a connection whose default database is the warehouse)."""
    rows = con.execute("SELECT year, level, deadline_day, deadline_month, deadline_year, coalesce(note, '') "
                       "FROM deadlines").fetchall()
    return ordered(Deadline(*row) for row in rows)


def store(con: duckdb.DuckDBPyConnection, deadlines: Iterable[Deadline]) -> None:
    """Replace the warehouse's copy in one transaction."""
    replace_rows(con, "deadlines", [(d.year, d.level, d.day, d.month, d.on_year, d.note) for d in deadlines])


def sync(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> list[str]:
    """Bring the warehouse's copy in line with the file (a writable connection); returns the file's problems,
    in which case the copy is left as it was rather than emptied."""
    try:
        deadlines = load(path)
    except DeadlineError as exc:
        return exc.problems
    if stored(con) != deadlines:
        store(con, deadlines)
    return []
