"""The read side: every write publishes an immutable snapshot behind an atomic pointer; writers queue on one lock.

Figures are those of the fixture forms (tests/fixtures/README.md): Huế 2020 and Quận 12's wards 2023.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import duckdb
import pytest

from dashboard import db as app_db
from dashboard import queries
from etl import cli
from etl.ingest import Upload, ingest_paths, preview_uploads
from etl.resolve import Options
from etl.units import load_index
from warehouse import lock, publish
from warehouse.load import Warehouse

FIXTURES = Path(__file__).parent / "fixtures"
HUE, Q12 = FIXTURES / "hue_long_2020.csv", FIXTURES / "q12_wards_2023.xlsx"


def participants(path: Path, schema: str = "main") -> int:
    """All participants of current reports, as a reader of `path` (a warehouse or a snapshot) sees them."""
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"SELECT coalesce(sum(participants), 0) FROM {schema}.report_facts").fetchone()[0]


def test_an_ingest_publishes_a_snapshot_equal_to_the_warehouse(db: Path):
    ingest_paths([HUE], db)
    snapshot = publish.current(publish.folder_for(db))
    assert snapshot is not None and snapshot.parent == db.with_suffix(".published")
    assert participants(snapshot) == participants(snapshot, "analysis") == participants(db) > 0
    assert (snapshot.parent / publish.POINTER).read_text().strip() == snapshot.name
    assert not (snapshot.parent / publish.STALE).exists()
    reader = app_db.snapshot(db)  # what the app and `python -m etl briefing` read
    assert queries.years(reader) == [2020]


def test_every_write_makes_a_new_snapshot_and_the_previous_one_stays_readable(db: Path):
    ingest_paths([HUE], db)
    first = publish.current(publish.folder_for(db))
    held = duckdb.connect(str(first), read_only=True)  # a replica still reading the first snapshot
    ingest_paths([Q12], db)
    second = publish.current(publish.folder_for(db))
    assert second != first and first.exists()
    assert participants(second) == participants(db) > participants(first)
    assert held.execute("SELECT sum(participants) FROM report_facts").fetchone()[0] == participants(first)
    held.close()


def test_a_snapshot_replaced_long_ago_is_removed_one_replaced_just_now_stays(db: Path):
    ingest_paths([HUE], db)
    first = publish.current(publish.folder_for(db))
    ingest_paths([Q12], db)
    second = publish.current(publish.folder_for(db))
    an_hour_ago = time.time() - 3600
    os.utime(second, (an_hour_ago, an_hour_ago))  # the second replaced the first an hour ago
    warehouse = Warehouse(db)
    warehouse.change(lambda con: con.execute("DELETE FROM received_dates"))
    warehouse.close()
    third = publish.current(publish.folder_for(db))
    assert not first.exists() and second.exists() and third.exists()  # the second was replaced just now


def test_a_dry_run_or_a_look_publishes_nothing(db: Path):
    ingest_paths([HUE], db)
    before = publish.current(publish.folder_for(db))
    warehouse = Warehouse(db, load_index())
    preview_uploads(warehouse, [Upload(Q12.name, Q12.read_bytes())], Options(), load_index())
    warehouse.close()
    Warehouse(db).close()
    assert publish.current(publish.folder_for(db)) == before
    assert sorted(p.name for p in before.parent.glob("snapshot-*")) == [before.name]


def test_a_write_whose_publish_never_happened_is_published_by_the_next_writer(db: Path):
    ingest_paths([HUE], db)
    folder = publish.folder_for(db)
    publish.mark_stale(folder)  # as a writer killed between its commit and its publish leaves it
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM deadlines")  # that writer's change
    con.close()
    before = publish.current(folder)
    Warehouse(db).close()  # the next writer, with nothing of its own to write
    assert publish.current(folder) != before and not (folder / publish.STALE).exists()
    with duckdb.connect(str(publish.current(folder)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM deadlines").fetchone()[0] > 0  # re-synced from the file, published


def _hold_lock(path: str, held: multiprocessing.Event, release: multiprocessing.Event) -> None:
    with lock.writer_lock(Path(path)):
        held.set()
        release.wait(30)


def test_a_second_writer_waits_then_is_told_the_warehouse_is_busy_and_writes_nothing(db: Path, monkeypatch,
                                                                                      capsys):
    ingest_paths([HUE], db)
    before = publish.current(publish.folder_for(db))
    held, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(str(db), held, release))
    holder.start()
    try:
        assert held.wait(30)
        monkeypatch.setattr(lock, "WAIT_S", 0.5)
        started = time.monotonic()
        with pytest.raises(lock.WarehouseBusy, match="^Kho dữ liệu đang bận"):
            ingest_paths([Q12], db)
        assert time.monotonic() - started >= 0.5
        assert cli.main(["ingest", str(Q12), "--db", str(db)]) == 3
        assert capsys.readouterr().err.startswith("Kho dữ liệu đang bận")
    finally:
        release.set()
        holder.join(30)
    assert publish.current(publish.folder_for(db)) == before
    assert participants(db) == participants(before)
    assert [r.status for r in ingest_paths([Q12], db)] == ["loaded"]  # once the first writer is done


def _ingest(path: str, form: str) -> None:
    ingest_paths([Path(form)], Path(path))


def test_writers_in_two_processes_queue_and_both_land_in_the_last_snapshot(db: Path, tmp_path: Path):
    ingest_paths([HUE], tmp_path / "hue.duckdb")
    ingest_paths([Q12], tmp_path / "q12.duckdb")
    expected = participants(tmp_path / "hue.duckdb") + participants(tmp_path / "q12.duckdb")
    writers = [multiprocessing.Process(target=_ingest, args=(str(db), str(form))) for form in (HUE, Q12)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [w.exitcode for w in writers] == [0, 0]
    assert participants(publish.current(publish.folder_for(db))) == participants(db) == expected
