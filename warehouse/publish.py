"""The warehouse's read side: immutable snapshots that every app process opens read-only.

Reading and writing are one step apart. After every successful write (an ingest, an upload confirmed, an
alias, a deadline, a received date) the writer copies the warehouse into a new DuckDB file in the published
folder and then switches the folder's `current` pointer to it (written to a temporary name, fsynced, renamed:
a reader sees the old snapshot or the new one, never half of one). App processes open the file `current`
names, read-only; N replicas, on one machine or on several that receive the folder, then share one file in
the page cache instead of N private copies, and never hold the warehouse a writer needs.

A snapshot holds the whole warehouse (its tables and public views, so the data pages' SQL runs on it as on the
warehouse) and, in schema `analysis`, the views the analysis pages read, computed once here rather than by
every process: `analysis` first on the search path, so `dashboard/queries.py` reads those tables.

A snapshot stays on disk KEEP_S after a newer one replaced it, for a process that read the pointer just
before the switch; an open snapshot survives its deletion (the process holds the file), so older ones go.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb

POINTER = "current"
STALE = ".stale"  # present from a write until its snapshot is published: the next writer publishes it
KEEP_S = 600
NAME = re.compile(r"snapshot-\d+\.duckdb")
ANALYSIS = "analysis"
ANALYSIS_TABLES = {  # schema `analysis` of a snapshot: table -> what it is made from, in this order. Every unit
    # carries its places on both maps, from `boundaries`: the small unit_boundaries view is materialised first, so
    # the large tables join a table rather than re-derive the view for each
    "boundaries": "SELECT * FROM unit_boundaries",
    "report_facts": "SELECT * FROM report_facts JOIN published.analysis.boundaries USING (unit_key)",
    "report_funding": "SELECT * FROM report_funding JOIN published.analysis.boundaries USING (unit_key)",
    "reports": "SELECT r.year, r.unit_key, r.submitted_at, p.* EXCLUDE (unit_key), b.* EXCLUDE (unit_key) "
               "FROM current_reports r JOIN unit_places p USING (unit_key) "
               "JOIN published.analysis.boundaries b USING (unit_key)",
    "unit_places": "SELECT * FROM unit_places JOIN published.analysis.boundaries USING (unit_key)",
    "commune_makeup": "SELECT * FROM commune_makeup",
    "submission_counts": "SELECT * FROM submission_counts",
}


def folder_for(warehouse: Path) -> Path:
    """Where the snapshots of `warehouse` are published: HTSD_PUBLISHED (the folder every replica shares), else
    `<warehouse>.published` beside the file."""
    return Path(os.environ.get("HTSD_PUBLISHED") or warehouse.with_suffix(".published"))


def current(folder: Path) -> Path | None:
    """The snapshot the pointer names, or None before the first publish."""
    try:
        name = (folder / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    path = folder / name
    return path if NAME.fullmatch(name) and path.exists() else None


def is_stale(folder: Path) -> bool:
    """Is there a write whose snapshot was not published (a writer stopped between its commit and publish)?"""
    return (folder / STALE).exists() or current(folder) is None


def mark_stale(folder: Path) -> None:
    """Say, before a write commits, that the published snapshot is about to be out of date."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STALE).touch()


def publish(con: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    """Copy the warehouse `con` writes into a new snapshot, make it current and remove old ones; returns it.
    `con` must see a committed state (call between transactions)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"snapshot-{time.time_ns()}.duckdb"
    partial = folder / f".{name}.partial"
    _write_snapshot(con, partial)
    _fsync(partial)
    partial.rename(folder / name)
    _replace_text(folder / POINTER, name + "\n")
    (folder / STALE).unlink(missing_ok=True)
    _prune(folder, name)
    return folder / name


def _write_snapshot(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Tables, views and macros as they are, then the analysis tables, inside DuckDB (no row passes Python)."""
    source = con.execute("SELECT current_database()").fetchone()[0]
    con.execute("ATTACH ? AS published", [str(path)])
    try:
        con.execute(f'COPY FROM DATABASE "{source}" TO published')  # the name is DuckDB's own
        con.execute(f"CREATE SCHEMA published.{ANALYSIS}")
        for table, sql in ANALYSIS_TABLES.items():
            con.execute(f"CREATE TABLE published.{ANALYSIS}.{table} AS {sql}")  # noqa: S608 (fixed names)
    finally:
        con.execute("DETACH published")


def _fsync(path: Path) -> None:
    with open(path, "rb") as file:
        os.fsync(file.fileno())


def _replace_text(path: Path, text: str) -> None:
    """Write, fsync, rename over `path`, fsync the folder: the switch survives a crash whole or not at all."""
    partial = path.with_name(f".{path.name}.partial")
    with open(partial, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _prune(folder: Path, keep: str) -> None:
    """Remove snapshots replaced more than KEEP_S ago (a snapshot's replacement is the next one by name) and
    partial files older than that (a publish that stopped half-way)."""
    cutoff = time.time() - KEEP_S
    snapshots = sorted(p for p in folder.iterdir() if NAME.fullmatch(p.name))
    for older, newer in zip(snapshots, snapshots[1:], strict=False):
        if older.name != keep and _mtime(newer) < cutoff:
            older.unlink(missing_ok=True)
    for partial in folder.glob(".snapshot-*.partial"):
        if _mtime(partial) < cutoff:
            partial.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")
