"""`python -m etl demo`: generate the sample forms and ingest them into a fresh demo warehouse.

The generated forms are not committed (they rebuild in seconds); the warehouse they make is what a
fresh machine's dashboard shows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.demo.build import generate_demo
from etl.ingest import FileResult, ingest_paths
from warehouse import publish
from warehouse.load import DEFAULT_DB, Warehouse
from warehouse.lock import lock_path

DEMO_FORMS = Path(__file__).resolve().parent.parent / "data" / "demo_forms"


class NotADemoWarehouse(Exception):
    """The target file holds data ingested from elsewhere; rebuilding it would destroy real reports."""


def build_demo(db: Path = DEFAULT_DB, forms: Path | None = None,
               on_file: Callable[[FileResult], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Built under a temporary name and moved into place when complete, so that a reader (the app's
    other sessions) never sees a half-built warehouse."""
    forms = forms or DEMO_FORMS
    _refuse_real_warehouse(db, forms)
    shutil.rmtree(forms, ignore_errors=True)
    generate_demo(forms)
    building = db.with_name(f"{db.stem}.building{db.suffix}")
    for path in (db, building, db.with_name(db.name + ".wal"), building.with_name(building.name + ".wal")):
        path.unlink(missing_ok=True)
    results = ingest_paths([forms], building, on_file=on_file, on_progress=on_progress)
    building.replace(db)
    _publish_as(building, db)
    return results


def _publish_as(building: Path, db: Path) -> None:
    """The snapshot the ingest published belongs to the file under its final name: publish that (unless both
    names share one published folder, HTSD_PUBLISHED), then remove what the temporary name left."""
    if publish.folder_for(building) != publish.folder_for(db):
        shutil.rmtree(publish.folder_for(building), ignore_errors=True)
        Warehouse(db).close()
    lock_path(building).unlink(missing_ok=True)


def _refuse_real_warehouse(db: Path, forms: Path) -> None:
    if not db.exists():
        return
    con = duckdb.connect(str(db), read_only=True)
    try:
        foreign = con.execute("SELECT count(*) FROM ingests WHERE NOT starts_with(path, ?)",
                              [str(forms)]).fetchone()[0]
    except duckdb.Error:
        foreign = 0  # not an ingest warehouse at all (or an empty one)
    finally:
        con.close()
    if foreign:
        raise NotADemoWarehouse(f"{db} đã có {foreign} lần nạp tệp thật; chọn tệp khác bằng --db")
