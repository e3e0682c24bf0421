"""Step 7, load: the DuckDB warehouse. Each file is all or nothing; files are committed in groups.

A rejected file leaves the data exactly as it was (only its ingest record and archived bytes are
written). A unit's report for a year has one current version; a later different one replaces it
and the earlier stays in history; identical figures or identical bytes add nothing.

Why group commit: a DuckDB statement costs ~1 ms from Python whatever its size, so writing each
file in its own transaction costs more than reading it. Files are therefore validated and staged
one by one (a file is staged whole or not at all) and a group of staged files is written with one
statement per table in one transaction. If that transaction fails, it is rolled back and every
file of the group is retried in a transaction of its own, so a failure still touches only its file.
Rows reach DuckDB through its appender, which binds Python rows several times faster than list
parameters and needs neither Arrow nor pandas.

A dry run (the app's preview of an upload) stages a file exactly as a load would, then `discard`s it:
nothing is written and the bookkeeping returns to where it was, so the preview decides what a load
would decide.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb

from etl.errors import Issue
from etl.pipeline import ParsedFile
from etl.resolve import Report
from etl.understood import SheetReading
from etl.units import Unit, UnitIndex
from warehouse import deadlines, publish, quality, reform
from warehouse.lock import WarehouseBusy, writer_lock

SQL_DIR = Path(__file__).resolve().parent / "sql"
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "warehouse.duckdb"
SQL_FILES = ("schema.sql", "views.sql", "boundaries.sql", "status.sql", "quality.sql")  # tables, then the public views
TABLES = ("source_files", "units", "unit_ancestors", "ingests", "submissions", "facts", "funding")  # insert order


@dataclass
class Outcome:
    status: str  # loaded | replaced | unchanged | rejected
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    reports: int = 0
    readings: list[SheetReading] = field(default_factory=list)  # what was understood of each table read


@dataclass(frozen=True)
class Planned:
    """What staging decided for one report of a file, kept so that a preview can show it."""

    report: Report
    change: str  # new | replaced | unchanged (the same figures as the current version: nothing written)
    previous: int | None  # submission_id of the current version it meets, if any


@dataclass
class Staged:
    """One file's rows, waiting for the group commit."""

    outcome: Outcome
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in TABLES})
    superseded: list[int] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list)
    again: Callable[[], object] | None = None  # stages the same file anew (after a failed group)


def warehouse_path() -> Path:
    """The warehouse the app shows and the command line writes by default: HTSD_WAREHOUSE, else DEFAULT_DB."""
    return Path(os.environ.get("HTSD_WAREHOUSE") or DEFAULT_DB)


BUSY = (duckdb.IOException, duckdb.ConnectionException, duckdb.ResourceInUseException)
LOCK_RETRIES = 20  # × 0.25 s: a command-line ingest of a few files lets go of the file within this
T = TypeVar("T")
OFFICER_COPIES = "SELECT " + ", ".join(  # every row of the copies of officers' files, to see whether a sync wrote
    f"(SELECT list(r ORDER BY r) FROM (SELECT t AS r FROM {table} t))"
    for table in ("deadlines", "quality_rules", "indicator_labels"))


def retrying(action: Callable[[], T]) -> T:
    """Run `action`, waiting while another connection (an ingest, an upload, the app's snapshot) holds the
    file in a way that excludes it; WarehouseBusy when it is still held after LOCK_RETRIES tries."""
    for _ in range(LOCK_RETRIES - 1):
        try:
            return action()
        except BUSY:
            time.sleep(0.25)
    try:
        return action()
    except BUSY as held:
        raise WarehouseBusy() from held


@contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse (or a published snapshot) read-only, as the default database, for as long as one read takes.
    It is attached to a connection of its own rather than opened: a file opened twice in one process with other
    settings would clash. A reader of the warehouse itself must not keep it: a writer could not write it."""
    con = duckdb.connect()
    try:
        retrying(lambda: con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(path)]))
        con.execute("USE warehouse")
        yield con
    finally:
        con.close()


@cache
def schema_digest() -> str:
    """What the warehouse's tables and views are made from: the SQL files and the reform's mapping code
    (read once per process: the app asks on every page run)."""
    digest = hashlib.sha256()
    for path in [*(SQL_DIR / f for f in SQL_FILES), Path(reform.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stored_schema_digest(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema_digest the warehouse was last brought up to; None for one made before digests were kept."""
    try:
        found = con.execute("SELECT value FROM warehouse_meta WHERE key = 'schema'").fetchall()
    except duckdb.CatalogException:
        return None
    return found[0][0] if found else None


class Warehouse:
    """The warehouse file. Single writer: ids and the current-version map are kept here.

    Opening takes the writer lock (warehouse.lock: writers in other processes and replicas queue on it) and
    closing publishes a new snapshot when anything was written (warehouse.publish), then lets the lock go.

    `submitted_by` names who sends the files written through this connection (an app account),
    kept with each ingest; the command line leaves it empty. Opened with a unit index, it first moves the
    reports of names an alias now resolves (`realiased`), so that every load and every preview stages
    against the same warehouse.
    """

    def __init__(self, path: Path | str = DEFAULT_DB, index: UnitIndex | None = None,
                 submitted_by: str | None = None):
        self.submitted_by = submitted_by
        self.folder = publish.folder_for(Path(path))
        self._held = ExitStack()
        self._held.enter_context(writer_lock(Path(path)))
        try:
            self._open(Path(path), index)
        except BaseException:
            self._held.close()
            raise

    def _open(self, path: Path, index: UnitIndex | None) -> None:
        self.con = duckdb.connect(str(path))
        self.changed = publish.is_stale(self.folder)  # a write not yet published is published on close
        self._ensure_schema()
        self._sync_officers_files()
        if index is not None and not self.con.execute("SELECT count(*) FROM units").fetchone()[0]:
            self._load_units(index)
        self._read_state()
        self.realiased = [] if index is None else self._realias(index)
        self.pending: list[Staged] = []
        self._before_pending: tuple = ()  # the bookkeeping before the first staged file (see discard)

    def will_write(self) -> None:
        """Called before every write: the published snapshot is marked out of date until close publishes."""
        if not self.changed:
            publish.mark_stale(self.folder)
            self.changed = True

    def _sync_officers_files(self) -> None:
        """Refresh the copies of officers' data files the views judge by (a broken file keeps the last good copy;
        the status and quality pages say what is wrong with it); a copy that changed is a write."""
        before = self.con.execute(OFFICER_COPIES).fetchone()
        deadlines.sync(self.con)
        quality.sync(self.con)
        if self.con.execute(OFFICER_COPIES).fetchone() != before:
            self.will_write()

    def _ensure_schema(self) -> None:
        """Create or upgrade tables and views, only when their SQL changed: re-creating views on every open
        would change the file, and every dashboard session would then take a new snapshot of it."""
        digest = schema_digest()
        if stored_schema_digest(self.con) == digest:
            return
        self.will_write()
        reform.ensure_successors(self.con)  # the boundaries views need the old->new commune map
        for sql_file in SQL_FILES:
            self.con.execute((SQL_DIR / sql_file).read_text())
        self.con.execute("CREATE TABLE IF NOT EXISTS warehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute("INSERT OR REPLACE INTO warehouse_meta VALUES ('schema', ?)", [digest])

    def _read_state(self) -> None:
        one = self.con.execute
        self._next_ingest = one("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests").fetchone()[0]
        self._next_submission = one("SELECT coalesce(max(submission_id), 0) + 1 FROM submissions").fetchone()[0]
        self._current = {(y, u): (sid, sha) for y, u, sid, sha in one(
            "SELECT year, unit_key, submission_id, figures_sha FROM submissions WHERE is_current").fetchall()}
        self._archived = {sha for (sha,) in one("SELECT sha256 FROM source_files").fetchall()}
        self._loaded_ok = {sha for (sha,) in one("SELECT DISTINCT sha256 FROM ingests WHERE status <> 'rejected'")
                           .fetchall()}
        self._unit_keys = {k for (k,) in one("SELECT unit_key FROM units").fetchall()}

    def _bookkeeping(self) -> tuple:
        """A copy of what staging changes in memory (ids, current versions, known hashes and units)."""
        return (self._next_ingest, self._next_submission, dict(self._current), set(self._archived),
                set(self._loaded_ok), set(self._unit_keys))

    def discard(self) -> list[Staged]:
        """Drop the staged files unwritten and return them; the bookkeeping goes back to before they
        were staged. A dry run is staging then this."""
        group, self.pending = self.pending, []
        if group:
            (self._next_ingest, self._next_submission, self._current, self._archived, self._loaded_ok,
             self._unit_keys) = self._before_pending
        return group

    def close(self) -> None:
        """Publish what was written, close the file, let the next writer in."""
        try:
            if self.changed:
                publish.publish(self.con, self.folder)
        finally:
            self.con.close()
            self._held.close()

    def change(self, action: Callable[[duckdb.DuckDBPyConnection], object]) -> None:
        """One change outside loading (a deadline, a received date), published on close like a load."""
        self.will_write()
        action(self.con)

    def _load_units(self, index: UnitIndex) -> None:
        staged = Staged(Outcome("loaded"))
        _stage_units(staged, list(index.units.values()), index.units)
        units = index.units.values()
        provinces = sorted({(u.code, u.name) for u in units if u.map == "2025" and u.level == "province"})
        self.will_write()
        self.con.execute("BEGIN")
        self._write([staged])
        self.con.executemany("INSERT INTO provinces_2025 VALUES (?, ?)", provinces)
        self.con.execute("COMMIT")

    # -- staging: pure bookkeeping, no SQL -------------------------------------------------------

    def already_loaded(self, sha256: str) -> bool:
        """Were these exact bytes already ingested successfully (in this run or before)?"""
        return sha256 in self._loaded_ok

    def _mark_clean(self) -> None:
        """Before the first file of a group is staged, keep the bookkeeping for `discard`."""
        if not self.pending:
            self._before_pending = self._bookkeeping()

    def stage_unchanged(self, sha256: str, path: str) -> Outcome:
        self._mark_clean()
        staged = Staged(Outcome("unchanged"))
        self._stage_ingest(staged, self._new_ingest_id(), sha256, path, {})
        staged.again = lambda: self.stage_unchanged(sha256, path)
        return self._push(staged)

    def stage_rejected(self, sha256: str, path: str, data: bytes | None, errors: list[Issue]) -> Outcome:
        """A rejected file is archived (when it could be read) and logged; its figures are not loaded."""
        self._mark_clean()
        staged = Staged(Outcome("rejected", errors))
        if data is not None:
            self._stage_archive(staged, sha256, path, data)
        self._stage_ingest(staged, self._new_ingest_id(), sha256, path, {})
        staged.again = lambda: self.stage_rejected(sha256, path, data, errors)
        return self._push(staged)

    def stage_loaded(self, sha256: str, path: str, data: bytes, parsed: ParsedFile, known: dict[str, Unit]) -> Outcome:
        self._mark_clean()
        staged = Staged(Outcome("unchanged", warnings=parsed.warnings, readings=parsed.readings))
        self._stage_archive(staged, sha256, path, data)
        new_units = {r.unit.key: r.unit for r in parsed.reports if r.unit.key not in self._unit_keys}
        _stage_units(staged, list(new_units.values()), ChainMap(new_units, known))
        self._unit_keys.update(new_units)  # in place: `|=` with dict keys would copy the whole set per file
        ingest_id = self._new_ingest_id()
        for report in parsed.reports:
            self._stage_report(staged, report, ingest_id, sha256)
        self._stage_ingest(staged, ingest_id, sha256, path, parsed.layouts)
        self._loaded_ok.add(sha256)
        staged.again = lambda: self.stage_loaded(sha256, path, data, parsed, known)
        return self._push(staged)

    def _stage_report(self, staged: Staged, report: Report, ingest_id: int, sha256: str) -> None:
        digest = report.figures_sha
        previous = self._current.get((report.year, report.unit.key))
        if previous and previous[1] == digest:
            staged.planned.append(Planned(report, "unchanged", previous[0]))
            return
        if previous:
            staged.superseded.append(previous[0])
            staged.outcome.status = "replaced"
        elif staged.outcome.status == "unchanged":
            staged.outcome.status = "loaded"
        staged.planned.append(Planned(report, "replaced" if previous else "new", previous and previous[0]))
        staged.outcome.reports += 1
        sid = self._next_submission
        self._next_submission += 1
        self._current[(report.year, report.unit.key)] = (sid, digest)
        staged.rows["submissions"].append((
            sid, ingest_id, sha256, report.year, report.unit.key, report.reported_name, report.sheet,
            None if report.row is None else report.row + 1, report.funding.get("total"), digest, True, datetime.now(),
            report.cells_json, report.form_date))
        staged.rows["facts"] += [(sid, k, e, p) for k, (e, p) in report.kept_facts.items()]
        if report.stated_funding is not None:
            staged.rows["funding"].append((sid, *report.stated_funding))

    def _stage_archive(self, staged: Staged, sha256: str, path: str, data: bytes) -> None:
        if sha256 not in self._archived:
            self._archived.add(sha256)
            staged.rows["source_files"].append((sha256, Path(path).name, len(data), data, datetime.now()))

    def _new_ingest_id(self) -> int:
        self._next_ingest += 1
        return self._next_ingest - 1

    def _stage_ingest(self, staged: Staged, ingest_id: int, sha256: str, path: str, layouts: dict) -> None:
        staged.rows["ingests"].append((ingest_id, sha256, path, datetime.now(), staged.outcome.status,
                                       _issues_json(staged.outcome.errors), _issues_json(staged.outcome.warnings),
                                       json.dumps(layouts, ensure_ascii=False), self.submitted_by))

    def _push(self, staged: Staged) -> Outcome:
        self.pending.append(staged)
        return staged.outcome

    # -- the group commit --------------------------------------------------------------------------

    def flush(self) -> list[Outcome]:
        """Write every staged file; returns their outcomes in staging order."""
        group, self.pending = self.pending, []
        if not group:
            return []
        try:
            self._transaction(group)
        except duckdb.Error:
            self._read_state()  # staging assumed the whole group written: stage each file again alone
            group = [self._retry_alone(staged) for staged in group]
        return [s.outcome for s in group]

    def _transaction(self, group: list[Staged]) -> None:
        self.will_write()
        self.con.execute("BEGIN")
        try:
            self._write(group)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _retry_alone(self, staged: Staged) -> Staged:
        staged.again()
        [staged] = self.pending
        self.pending = []
        try:
            self._transaction([staged])
        except duckdb.Error as exc:
            self._read_state()
            staged.outcome.status, staged.outcome.reports = "rejected", 0
            staged.outcome.errors.append(Issue(f"không ghi được vào kho dữ liệu: {exc}"))
        return staged

    def _write(self, group: list[Staged]) -> None:
        for table in TABLES:
            rows = [row for staged in group for row in staged.rows[table]]
            if rows:
                self._insert(table, rows)
        superseded = [sid for staged in group for sid in staged.superseded]
        if superseded:
            self.con.execute("UPDATE submissions SET is_current = FALSE WHERE submission_id IN (SELECT unnest($1))",
                             [superseded])

    def _insert(self, table: str, rows: list[tuple]) -> None:
        """Append rows in the connection's transaction; table names come from TABLES, never from input."""
        with self.con.appender(table) as appender:
            appender.append_rows(rows)

    # -- aliases added after names were kept unresolved ----------------------------------------------

    def _realias(self, index: UnitIndex) -> list[tuple[str, str]]:
        """Re-resolve units kept unresolved, now that aliases may name them; returns (old, new) keys."""
        rows = self.con.execute("SELECT unit_key, name, parent_key FROM units WHERE NOT resolved").fetchall()
        moved = []
        for unit_key, name, parent_key in rows:
            parent = index.units.get(parent_key)
            found = index.find(name, parent) if parent else []
            if len(found) == 1:
                moved.append((unit_key, found[0].key))
        if moved:
            self.will_write()
            self.con.execute("BEGIN")
            for old, new in moved:
                self._move_reports(old, new)
            self.con.execute("COMMIT")
            self._read_state()
        return moved

    def _move_reports(self, old: str, new: str) -> None:
        """Reattach an unresolved unit's reports; where both have a current report, the later one wins."""
        self.con.execute("UPDATE submissions SET unit_key = ? WHERE unit_key = ?", [new, old])
        self.con.execute("""
            UPDATE submissions s SET is_current = FALSE
            FROM (SELECT year, max(submission_id) AS keep FROM submissions
                  WHERE unit_key = ? AND is_current GROUP BY year) k
            WHERE s.unit_key = ? AND s.is_current AND s.year = k.year AND s.submission_id <> k.keep""", [new, new])
        self.con.execute("DELETE FROM unit_ancestors WHERE unit_key = ?", [old])
        self.con.execute("DELETE FROM units WHERE unit_key = ?", [old])


def _issues_json(issues: list[Issue]) -> str:
    return json.dumps([i.as_dict() for i in issues], ensure_ascii=False)


def _stage_units(staged: Staged, units: list[Unit], known: Mapping[str, Unit]) -> None:
    for unit in units:
        chain = _ancestors(unit, known)
        district = next((k for k in [unit.key, *chain] if k in known and known[k].level == "district"), None)
        staged.rows["units"].append((unit.key, unit.map, unit.level, unit.code, unit.name, unit.parent_key, district,
                                     unit.province_code_2025, unit.resolved, unit.lat, unit.lon))
        staged.rows["unit_ancestors"] += [(unit.key, a, d) for d, a in enumerate(chain, start=1)]


def _ancestors(unit: Unit, known: Mapping[str, Unit]) -> list[str]:
    chain, parent = [], unit.parent_key
    while parent:
        chain.append(parent)
        parent = known[parent].parent_key if parent in known else None
    return chain
