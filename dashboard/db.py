"""The app's read path to the warehouse: a private snapshot, refreshed when the file changes.

DuckDB lets one process write a file only when no other process holds it open, so the app must
not keep the warehouse open: a data officer's `python -m etl ingest` would fail. The app opens
the file read-only for a moment, copies the public views it needs, and lets it go.
Queries then run on that snapshot; a new ingest changes the file's version and the next page
run takes a new snapshot, so new data shows without a restart.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import streamlit as st

from dashboard import queries
from warehouse.load import Warehouse, attach_read_only, reading, schema_digest, stored_schema_digest, warehouse_path

SNAPSHOT_VIEWS = {  # snapshot table -> what it is copied from, in this order; every unit carries its places on
    # both maps, from `boundaries`: a local copy of the small unit_boundaries view made first, so the large
    # copies join a table rather than re-derive the view (which needs more than the snapshot's memory limit)
    "boundaries": "SELECT * FROM warehouse.unit_boundaries",
    "report_facts": "SELECT * FROM warehouse.report_facts JOIN boundaries USING (unit_key)",
    "report_funding": "SELECT * FROM warehouse.report_funding JOIN boundaries USING (unit_key)",
    "reports": "SELECT r.year, r.unit_key, r.submitted_at, p.* EXCLUDE (unit_key), b.* EXCLUDE (unit_key) "
               "FROM warehouse.current_reports r JOIN warehouse.unit_places p USING (unit_key) "
               "JOIN boundaries b USING (unit_key)",
    "unit_places": "SELECT * FROM warehouse.unit_places JOIN boundaries USING (unit_key)",
    "commune_makeup": "SELECT * FROM warehouse.commune_makeup",
    "submission_counts": "SELECT * FROM warehouse.submission_counts",
}
FIRST_START = threading.Lock()  # one demo build per server process (see app.ensure_warehouse)
SNAPSHOT_MEMORY = "150MB"


def version(path: Path) -> str:
    """Changes on every write: size and mtime of the file and its write-ahead log."""
    parts = []
    for file in (path, path.with_name(path.name + ".wal")):
        if file.exists():
            stat = file.stat()
            parts.append(f"{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(parts)


def snapshot(path: Path) -> duckdb.DuckDBPyConnection:
    """A private copy of the public views; waits briefly while an ingest holds the file.

    The copy is made inside DuckDB (ATTACH, CREATE TABLE … AS, DETACH), so rows never pass through
    Python, into a temporary database file with a memory limit: a national warehouse then costs the
    app ~150 MB of cache instead of ~300 MB of tables held in memory.
    """
    con = duckdb.connect(str(_snapshot_file()))
    con.execute("SET memory_limit = ?", [SNAPSHOT_MEMORY])
    con.execute("SET preserve_insertion_order = false")  # the copies need no order, and keep less in memory
    attach_read_only(con, path)
    try:
        for name, sql in SNAPSHOT_VIEWS.items():
            con.execute(f"CREATE TABLE {name} AS {sql}")  # noqa: S608 (fixed names)
    finally:
        con.execute("DETACH warehouse")
    return con


def ensure_upgraded() -> None:
    """A warehouse made by an older version gets today's tables and views before any page reads it."""
    _upgraded(str(warehouse_path()), schema_digest())


@st.cache_resource(show_spinner="Đang nâng cấp kho dữ liệu…")
def _upgraded(path_text: str, digest: str) -> bool:
    """Once per server process and schema (the cache key): opening the file through the ETL upgrades it."""
    path = Path(path_text)
    if not path.exists():
        return True
    with reading(path) as con:
        stored = stored_schema_digest(con)
    if stored != digest:
        Warehouse(path).close()
    return True


def _snapshot_file() -> Path:
    """A new file per snapshot; the process's older ones are deleted (their connections are dropped)."""
    folder = Path(tempfile.gettempdir()) / "htsd_snapshots"
    folder.mkdir(exist_ok=True)
    for old in folder.glob(f"{os.getpid()}_*"):
        old.unlink(missing_ok=True)
    return folder / f"{os.getpid()}_{time.time_ns()}.duckdb"


@st.cache_resource(max_entries=1, show_spinner="Đang đọc kho dữ liệu…")
def _snapshot_for(current_version: str) -> duckdb.DuckDBPyConnection:
    return snapshot(warehouse_path())


@st.cache_data(max_entries=1024, show_spinner=False)
def _run(name: str, current_version: str, *args):
    return getattr(queries, name)(_snapshot_for(current_version).cursor(), *args)


def query(name: str, *args):
    """Run `dashboard.queries.<name>` on a cursor of the current snapshot (cursors are safe across
    Streamlit's threads), cached on its arguments and the warehouse version."""
    return _run(name, version(warehouse_path()), *args)
