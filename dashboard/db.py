"""The app's read path: the warehouse's published snapshot (warehouse.publish), opened read-only.

Every writer publishes an immutable snapshot after its write and switches the published folder's pointer; the
app reads the file the pointer names. One read-only connection per snapshot serves every session of this
process (cursors are safe across Streamlit's threads), and query results are cached on the snapshot's name, so
new data shows on the next page run after a write, in every replica, without a restart, and the app never
holds the warehouse file a writer needs.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import streamlit as st

from dashboard import queries
from warehouse import publish
from warehouse.load import Warehouse, WarehouseBusy, reading, schema_digest, stored_schema_digest, warehouse_path

FIRST_START = threading.Lock()  # one demo build per server process (see app.ensure_warehouse)
SNAPSHOT_MEMORY = "256MB"  # DuckDB's own cache of a snapshot, per process: the file itself is in the page cache


def version(path: Path) -> str:
    """Changes when a file changes: its size and mtime (for files officers edit, such as deadlines.csv)."""
    if not path.exists():
        return ""
    stat = path.stat()
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def published_folder() -> Path:
    return publish.folder_for(warehouse_path())


def read_path() -> Path | None:
    """The snapshot to read now; None when there is nothing to read yet, or while the first writer still holds
    the warehouse (it publishes when done)."""
    try:
        return published(warehouse_path())
    except WarehouseBusy:
        return None


def published(warehouse: Path) -> Path | None:
    """The current snapshot of `warehouse`. One here that was never published (made by a version before
    publishing, or copied in) is published first."""
    found = publish.current(publish.folder_for(warehouse))
    if found is None and warehouse.exists():
        Warehouse(warehouse).close()
        found = publish.current(publish.folder_for(warehouse))
    return found


def snapshot(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """The current snapshot of `warehouse`, read-only, with the analysis tables first on the search path."""
    found = published(warehouse)
    if found is None:
        raise FileNotFoundError(f"{warehouse}: chưa có bản công bố nào")
    return analysis_cursor(_connect(found))


def analysis_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of a snapshot connection that reads the analysis tables before the warehouse's own views."""
    cursor = con.cursor()
    cursor.execute(f"SET search_path = '{publish.ANALYSIS},main'")
    return cursor


def _connect(file: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(file), read_only=True, config={"memory_limit": SNAPSHOT_MEMORY})


def ensure_upgraded() -> None:
    """A warehouse made by an older version gets today's tables and views, and a warehouse not yet published
    (made before publishing existed, or its writer stopped before publishing) its snapshot, before any page reads."""
    _upgraded(str(warehouse_path()), schema_digest())


@st.cache_resource(show_spinner="Đang nâng cấp kho dữ liệu…")
def _upgraded(path_text: str, digest: str) -> bool:
    """Once per server process and schema (the cache key): opening the file through the ETL upgrades it, and
    closing it publishes. A machine that only receives the published folder has no warehouse to upgrade."""
    path = Path(path_text)
    folder = publish.folder_for(path)
    if not path.exists() or (not publish.is_stale(folder) and _published_digest(folder) == digest):
        return True
    with reading(path) as con:
        stored = stored_schema_digest(con)
    if stored != digest or publish.is_stale(folder):
        Warehouse(path).close()
    return True


def _published_digest(folder: Path) -> str | None:
    with reading(publish.current(folder)) as con:
        return stored_schema_digest(con)


@st.cache_resource(max_entries=2, show_spinner="Đang đọc kho dữ liệu…")
def _snapshot_for(file: str) -> duckdb.DuckDBPyConnection:
    """One connection per snapshot in this process; the previous one stays for runs still using it."""
    return _connect(Path(file))


@st.cache_data(max_entries=1024, show_spinner=False)
def _run(name: str, file: str, *args):
    return getattr(queries, name)(analysis_cursor(_snapshot_for(file)), *args)


def query(name: str, *args):
    """Run `dashboard.queries.<name>` on the current snapshot, cached on its arguments and the snapshot."""
    return _run(name, str(read_path()), *args)
