"""Who has reported, who is late and who is missing, for the data pages and the upward report.

The page reads the published snapshot (warehouse/publish.py), which every write republishes, so it follows
reports as they arrive; the deadlines and received dates officers give are writes of the warehouse (`_write`).
The rules live in the `submission_status` view (warehouse/sql/status.sql); this module only asks it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from etl.units import REFORM_YEAR
from warehouse import deadlines
from warehouse.load import Warehouse, reading, retrying


@dataclass(frozen=True)
class Counts:
    """The numbers of a status table: expected units, and how many are in each state."""

    expected: int
    received: int
    on_time: int
    late: int
    missing: int

    @property
    def undecided(self) -> int:
        """Received, but neither on time nor late can be said (no deadline, or only a later form above lists it)."""
        return self.received - self.on_time - self.late


def levels_for(year: int) -> tuple[str, ...]:
    """The levels that report in a year: districts were abolished by the 2025 reform."""
    return ("province", "district", "commune") if year < REFORM_YEAR else ("province", "commune")


def align_deadlines(path: Path, deadlines_path: Path | None = None) -> list[str]:
    """Make the warehouse's copy of the deadlines match the file, writing only when they differ (the file was
    edited by hand since the last ingest). Returns the file's problems; then the copy stays as it was."""
    try:
        wanted = deadlines.load(deadlines_path)
    except deadlines.DeadlineError as exc:
        return exc.problems
    with reading(path) as con:
        if deadlines.stored(con) == wanted:
            return []
    _write(path, lambda con: deadlines.store(con, wanted))
    return []


def _write(path: Path, change: Callable[[duckdb.DuckDBPyConnection], object]) -> None:
    """One change to the warehouse as its writer (the writer lock, then a new published snapshot)."""
    warehouse = retrying(lambda: Warehouse(path))
    try:
        warehouse.change(change)
    finally:
        warehouse.close()


def undated_files(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The files of a year with a form that states no date: the day each was loaded, and the day an officer
    gave as received (NaT if none), by file name."""
    return con.execute("""
        SELECT f.sha256, any_value(f.file_name) AS file_name, any_value(f.first_seen_at)::DATE AS loaded_on,
               any_value(g.received_on) AS received_on
        FROM submissions s JOIN source_files f USING (sha256) LEFT JOIN received_dates g USING (sha256)
        WHERE s.year = ? AND s.form_date IS NULL
        GROUP BY f.sha256 ORDER BY file_name, f.sha256""", [year]).df()


def give_received_date(path: Path, sha256: str, day: date, by: str) -> None:
    """Record the day a file without a date was received (view file_rows dates its reports by it)."""
    _write(path, lambda con: con.execute(
        "INSERT OR REPLACE INTO received_dates VALUES (?, ?, ?, current_timestamp)", [sha256, day, by]))


def years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years a status can be shown for, newest first."""
    return [y for (y,) in con.execute("SELECT year FROM status_years ORDER BY year DESC").fetchall()]


def latest_reported_year(con: duckdb.DuckDBPyConnection) -> int | None:
    return con.execute("SELECT max(year) FROM submissions").fetchone()[0]


def provinces(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Today's provinces, code -> name, in Vietnamese order."""
    return dict(con.execute("SELECT province_code, province_name FROM provinces_2025 "
                            "ORDER BY province_name COLLATE vi").fetchall())


def status(con: duckdb.DuckDBPyConnection, year: int, level: str, provinces: list[str]) -> pd.DataFrame:
    """Every expected unit of a level in a year (within today's `provinces`; all when empty), by place and name."""
    return con.execute("""
        SELECT province_name, district_name, unit_name, unit_code, status, report_date, date_source, via, deadline,
               file_name, received, on_time
        FROM submission_status
        WHERE year = $year AND level = $level AND (len($provinces) = 0 OR list_contains($provinces, province_code))
        ORDER BY province_name COLLATE vi, district_name COLLATE vi NULLS FIRST, unit_name COLLATE vi, unit_code""",
                       {"year": year, "level": level, "provinces": provinces}).df()


def counts(table: pd.DataFrame) -> Counts:
    found = table["status"].value_counts()
    return Counts(len(table), int(table["received"].sum()), int(found.get("on_time", 0)), int(found.get("late", 0)),
                  int(found.get("missing", 0)))
