"""SIGKILL at random moments of ingest runs that commit every few files: after each kill the warehouse is
whole (every current report once, every version with its ingest, facts and archived file, nothing half
written), and running again after the kills ends in exactly what one clean run gives."""

from __future__ import annotations

import multiprocessing
import random
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from etl.demo.build import generate_national
from tests.hostile import crash_child

KILLS = 30  # kills that land while a run is going on
GROUP_FILES = 2  # 16 forms: 8 group commits a run


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("forms")
    generate_national(folder, max_forms=16)
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json")


@pytest.fixture(scope="module")
def runs():
    """Runs forked from a server that has the ETL imported and the unit index loaded."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([crash_child.__name__])
    return context


def start(runs, forms: list[Path], db: Path) -> multiprocessing.Process:
    process = runs.Process(target=crash_child.run, args=(forms, db, GROUP_FILES))
    process.start()
    return process


def contents(db: Path) -> dict[str, list[tuple]]:
    """What a user's figures are made of: every version, its facts and funding, and the archive."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "versions": con.execute("SELECT year, unit_key, figures_sha, is_current FROM submissions "
                                    "ORDER BY ALL").fetchall(),
            "facts": con.execute("SELECT s.year, s.unit_key, f.indicator, f.events, f.participants FROM facts f "
                                 "JOIN submissions s USING (submission_id) ORDER BY ALL").fetchall(),
            "funding": con.execute("SELECT s.year, s.unit_key, g.state_budget_vnd, g.social_vnd FROM funding g "
                                   "JOIN submissions s USING (submission_id) ORDER BY ALL").fetchall(),
            "archive": con.execute("SELECT sha256 FROM source_files ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def integrity_problems(db: Path) -> list[tuple]:
    """Rows that a half-written group would leave; none may exist after a kill."""
    checks = {
        "two current versions": "SELECT year, unit_key FROM submissions WHERE is_current GROUP BY ALL "
                                "HAVING count(*) > 1",
        "no current version": "SELECT year, unit_key FROM submissions GROUP BY ALL HAVING count(*) FILTER "
                              "(is_current) = 0",
        "version without its ingest": "SELECT submission_id FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM "
                                      "ingests i WHERE i.ingest_id = s.ingest_id AND i.status IN "
                                      "('loaded', 'replaced'))",
        "version without its file": "SELECT submission_id FROM submissions s WHERE sha256 NOT IN "
                                    "(SELECT sha256 FROM source_files)",
        "version without facts": "SELECT submission_id FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM facts f "
                                 "WHERE f.submission_id = s.submission_id)",
        "facts of no version": "SELECT submission_id FROM facts WHERE submission_id NOT IN "
                               "(SELECT submission_id FROM submissions)",
        "loaded ingest without versions": "SELECT ingest_id FROM ingests i WHERE status IN ('loaded', 'replaced') "
                                          "AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.ingest_id = "
                                          "i.ingest_id)",
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [(name, row) for name, sql in checks.items() for row in con.execute(sql).fetchall()]
    finally:
        con.close()


def fresh(template: Path, db: Path) -> Path:
    """An empty warehouse, its schema and unit lists already written (that takes most of a small run), so
    that the kills land among the group commits."""
    db.with_name(db.name + ".wal").unlink(missing_ok=True)
    shutil.copyfile(template, db)
    return db


def test_killed_runs_leave_a_whole_warehouse_and_the_rerun_equals_a_clean_run(forms, runs, tmp_path):
    template = tmp_path / "empty.duckdb"
    run = start(runs, [], template)
    run.join()
    clean = fresh(template, tmp_path / "clean.duckdb")
    began = time.monotonic()
    run = start(runs, forms, clean)
    run.join()
    clean_seconds = time.monotonic() - began
    assert run.exitcode == 0 and not integrity_problems(clean)
    expected = contents(clean)
    assert len(expected["archive"]) == len(forms)

    db, pick, kills, attempts = fresh(template, tmp_path / "killed.duckdb"), random.Random(20261204), 0, 0
    while kills < KILLS:
        attempts += 1
        assert attempts < 3 * KILLS, f"only {kills} kills landed during a run"
        run = start(runs, forms, db)
        time.sleep(pick.uniform(0.1, 1.0) * clean_seconds)
        if run.is_alive():
            run.kill()
            kills += 1
        run.join()
        assert integrity_problems(db) == [], f"after kill {kills}"
        if run.exitcode == 0:  # the run ended before the kill: start over, so that kills land mid-run
            assert contents(db) == expected
            fresh(template, db)

    run = start(runs, forms, db)
    run.join()
    assert run.exitcode == 0 and contents(db) == expected
