"""Many viewers at once: one replica, then two behind nginx, under the same load, while an ingest runs.

Each phase starts a cluster (deploy/replicas.py) on a fresh copy of the national 2016–2026 warehouse and opens
SESSIONS viewers through nginx, each a websocket session of bench/streamlit_client.py doing what a viewer does:
open an analysis page with filters in its link, then, after a moment's reading, change a sidebar filter (year,
province, money unit) or go to another page, until the phase ends. A rerun's latency is the time from its BackMsg
to `script_finished`. An error is a run that showed an exception or the app's "page failed" message, a dropped
connection, or a run that did not finish within the client's timeout.

A third of the way in, `python -m etl ingest` loads new forms in another process: a few agencies of three cities
reporting for the warehouse's last year, so the national "Người tham gia" tile of that year grows by their
participants. One probe session per replica (on the replica's own port, not through nginx) reads that tile before
the ingest and again after it, until it shows the old figure plus the new participants; `ingest_visible_s` is the
time from the ingest's end to the last replica showing it (the largest of the two phases at the top level), and
`ingest_probe_runs` how many page runs that took: 1 means the first run after the ingest already showed it, so the
wait was the run's own time in the queue of the load, not a replica noticing late.

The machine is shared (the development machine has 2 cores and other work): each phase notes its load average.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from bench.app_speed import FULL, ROOT, national_warehouse
from bench.streamlit_client import Run, Session, SessionError
from deploy.replicas import cluster, free_base

SESSIONS, QUICK_SESSIONS = 50, 12
SECONDS, QUICK_SECONDS = 60.0, 15.0
REPLICAS = (1, 2)
THINK_S = (0.5, 2.0)  # a viewer reads the page before the next click
PAGES = ("", "tham-gia", "kinh-phi", "so-sanh", "du-lieu")  # the analysis pages a viewer moves between
FILTERS = ("f_years", "f_provinces", "f_money")
TILE = "Người tham gia"
VISIBLE_TIMEOUT_S = 60.0
PROBE_EVERY_S = 0.2
NEW_AGENCIES = {  # city (today's map) -> participants of each new agency's report
    "Hà Nội": (1234, 567), "Đà Nẵng": (890,), "Cần Thơ": (432, 101)}


@dataclass
class Tally:
    """Latencies and errors of the viewers' runs in one phase."""

    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.seconds.append(run.seconds)
        self.errors += run.errors


def run(out: Path, quick: bool, sessions: int | None = None) -> dict:
    """Both phases; the same warehouse, sessions and seed for each, so only the number of replicas differs."""
    source, _ = national_warehouse(out, FULL)
    work = out / "load"
    years = _years(source)
    forms, added = new_forms(work / "new_forms", years[-1])
    seconds = QUICK_SECONDS if quick else SECONDS
    sessions = sessions or (QUICK_SESSIONS if quick else SESSIONS)
    phases = {str(n): asyncio.run(_phase(n, source, work, years, (forms, added), sessions, seconds))
              for n in REPLICAS}
    visible = [p["ingest_visible_s"] for p in phases.values()]
    return {"replicas": phases, "ingest_visible_s": None if None in visible else max(visible)}


def new_forms(folder: Path, year: int) -> tuple[Path, int]:
    """One flat CSV export per city, each row a new agency's report; returns the folder and the participants
    they add to the year's national total."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    head = "Năm;Tỉnh;Đơn vị;Lễ khai mạc - Số lượng;Lễ khai mạc - Số người;NSNN (đồng);XHH (đồng)\n"
    for n, (city, people) in enumerate(NEW_AGENCIES.items()):
        rows = "".join(f"{year};{city};Trường Trung học phổ thông Thử Tải số {n}{i};1;{p};5000000;0\n"
                       for i, p in enumerate(people))
        (folder / f"tai_thu_{n}_{year}.csv").write_text(head + rows, encoding="utf-8")
    return folder, sum(sum(p) for p in NEW_AGENCIES.values())


def _years(db: Path) -> range:
    """The warehouse's years, which the viewers' links pick from; the new forms are for the last one."""
    with duckdb.connect(str(db), read_only=True) as con:
        first, last = con.execute("SELECT min(year), max(year) FROM report_facts").fetchone()
    return range(first, last + 1)


async def _phase(replicas: int, source: Path, work: Path, years: range, new: tuple[Path, int], sessions: int,
                 seconds: float) -> dict:
    """One cluster under the load; `new` is the folder of new forms and the participants they add."""
    db = _fresh_copy(source, work / f"replicas-{replicas}")
    env = {"HTSD_WAREHOUSE": str(db), "HTSD_PUBLISHED": str(db.parent / "published"),
           "HTSD_ACCOUNTS": str(work / "no-accounts.toml"), "HTSD_PRIVATE": ""}
    with cluster(replicas, free_base(replicas), env) as running:
        probes = [await _probe(url, years[-1]) for url in running.replica_urls]  # also warms every replica up
        tally, rng = Tally(), random.Random(2026)
        start = time.perf_counter()
        deadline = start + seconds
        viewers = [_viewer(running.url, years, random.Random(rng.random()), deadline, tally) for _ in range(sessions)]
        visible = _ingest_then_watch(db, *new, env, probes, start + seconds / 3, tally)
        *_, ingest = await asyncio.gather(*viewers, visible)
        elapsed = time.perf_counter() - start
        for probe, _ in probes:
            await probe.close()
    return _summary(tally, sessions, elapsed) | ingest


def _fresh_copy(source: Path, folder: Path) -> Path:
    """The phase's own warehouse, so each phase's ingest adds the same reports to the same figures."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = folder / "warehouse.duckdb"
    shutil.copyfile(source, db)
    return db


async def _probe(url: str, year: int) -> tuple[Session, int]:
    """A session on one replica showing the year's national overview, and the participants it shows."""
    session, first = await Session.open(url, "", f"nam={year}")
    return session, _tile(first)


def _tile(run: Run) -> int:
    """The tile as shown ("4.238.115"), read back as a number."""
    return int(run.metrics[TILE].replace(".", ""))


async def _viewer(url: str, years: range, rng: random.Random, deadline: float, tally: Tally) -> None:
    """One viewer until the deadline; after a dropped connection or a timeout, a new tab, as a person would."""
    while time.perf_counter() < deadline:
        try:
            await _browse(url, years, rng, deadline, tally)
        except (SessionError, OSError) as exc:
            tally.errors.append(str(exc))


async def _browse(url: str, years: range, rng: random.Random, deadline: float, tally: Tally) -> None:
    """One tab: a link to an analysis page with a year in it, then a click after each moment of reading."""
    session, run = await Session.open(url, rng.choice(PAGES), f"nam={rng.choice(years)}")
    try:
        tally.add(run)
        widgets = run.widgets
        while time.perf_counter() + THINK_S[1] < deadline:
            await asyncio.sleep(rng.uniform(*THINK_S))
            run = await _act(session, widgets, rng)
            tally.add(run)
            widgets = run.widgets or widgets
    finally:
        await session.close()


async def _act(session: Session, widgets: dict, rng: random.Random) -> Run:
    """A page change one time in three (always, if the page showed no filters), else a sidebar filter set to
    another of its shown options."""
    shown = [name for name in FILTERS if name in widgets]
    if rng.random() < 1 / 3 or not shown:
        return await session.open_page(rng.choice([p for p in PAGES if session.pages.get(p) != session.page_hash]))
    name = rng.choice(shown)
    widget = widgets[name]
    options = list(getattr(widget, widget.WhichOneof("type")).options)
    if name == "f_money":
        return await session.choose(widget, rng.choice(options))
    return await session.choose(widget, rng.sample(options, 1 if name == "f_years" else rng.randint(0, 2)))


async def _ingest_then_watch(db: Path, forms: Path, added: int, env: dict[str, str],
                             probes: list[tuple[Session, int]], at: float, tally: Tally) -> dict:
    """Run the ingest at `at`, then rerun every probe until each shows the new total: the seconds from the
    ingest's end to the last replica showing it (None if one never does), and the most page runs a probe needed
    (1: the first run started after the ingest showed it, so the wait was that run's own time under the load)."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    started = time.perf_counter()
    ingest = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "etl", "ingest", str(forms), "--db", str(db), cwd=ROOT, env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await ingest.communicate()
    done = time.perf_counter()
    result = {"ingest_s": round(done - started, 1), "ingest_visible_s": None, "ingest_probe_runs": None}
    if ingest.returncode != 0:
        tally.errors.append(f"ingest failed ({ingest.returncode}): {output.decode()[-500:]}")
        return result
    seen = await asyncio.gather(*(_until_shown(session, before + added, done, tally) for session, before in probes))
    if None not in seen:
        result |= {"ingest_visible_s": round(max(t for t, _ in seen) - done, 2),
                   "ingest_probe_runs": max(n for _, n in seen)}
    return result


async def _until_shown(session: Session, expected: int, since: float, tally: Tally) -> tuple[float, int] | None:
    """When the probe's replica first shows `expected`, and after how many runs; None if not within
    VISIBLE_TIMEOUT_S."""
    runs = 0
    while time.perf_counter() - since < VISIBLE_TIMEOUT_S:
        try:
            run = await session.rerun()
        except SessionError as exc:
            tally.errors.append(str(exc))
            return None
        runs += 1
        tally.errors += run.errors  # what the probe was shown, a viewer would have been shown
        if TILE in run.metrics and _tile(run) == expected:
            return time.perf_counter(), runs
        await asyncio.sleep(PROBE_EVERY_S)
    return None


def _summary(tally: Tally, sessions: int, elapsed: float) -> dict:
    ms = sorted(s * 1000 for s in tally.seconds)
    return {"sessions": sessions, "reruns": len(ms), "p50_ms": round(statistics.median(ms)),
            "p95_ms": round(ms[int(0.95 * (len(ms) - 1))]), "errors": len(tally.errors),
            "reruns_per_s": round(len(ms) / elapsed, 1), "error_examples": sorted(set(tally.errors))[:3],
            "load_average": round(os.getloadavg()[0], 1)}  # the machine is shared: how busy it was, at the end


def print_lines(result: dict) -> None:
    for n, phase in result["replicas"].items():
        print(f"{n} replica(s), {phase['sessions']} sessions: p50 {phase['p50_ms']} ms, p95 {phase['p95_ms']} ms, "
              f"{phase['reruns_per_s']} reruns/s, {phase['errors']} errors {phase['error_examples'] or ''}"
              f"(load average {phase['load_average']})")
        print(f"  ingest {phase['ingest_s']} s; its figures on every replica {phase['ingest_visible_s']} s after it "
              f"ended, within {phase['ingest_probe_runs']} page run(s)")
