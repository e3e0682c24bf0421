"""App speed: server-side run time of every page, and the app server's peak memory, on a national warehouse.

The warehouse is the demo generator's national set (2016–2026, 34 provinces and ~3,300 communes
today, the old 63 provinces with districts before 2025) ingested by the ETL, so the pages query
as much data as a real season's worth. Forms and warehouse are cached under bench/out/ keyed by
VERSION (and the warehouse SQL), because generating and ingesting them takes minutes.

What a page time includes: one `AppTest.run()` of app.py on that page, i.e. the sidebar, the page
script, DuckDB queries on cache misses (st.cache_data is process-wide, as on a real server),
Plotly figures, Styler/Arrow serialisation of tables, and AppTest's own overhead (a script-runner
thread, parsing the delta messages). It excludes the warm-up run (the warehouse is published there
when it has no snapshot yet, and the snapshot opened), the download files of the Data page (built only when a button is
pressed, which no run does), the network and the browser. The peak RSS is the child process's
high-water mark (VmHWM), so it includes the warm-up and AppTest itself. It is not getrusage's
ru_maxrss: Linux carries that over from the forking parent, which here has just built the warehouse.

Every rerun changes one widget, as a user does: a sidebar filter or one of the page's widgets,
to a value drawn from a seeded generator, so the runs are the same each time. A new sidebar
filter makes all the page's queries miss the cache; a page widget makes only the queries that
depend on it miss. The miss count is reported beside the times.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
VERSION = "app-v2"  # bump when the generator's output changes, so cached forms are rebuilt
PAGES = ("overview", "participation", "funding", "compare", "data")
SIDEBAR = ("f_years", "f_provinces", "f_indicators", "f_levels")
PAGE_WIDGETS = {  # page -> its own widgets (and the boundaries switch), changed in turn with the sidebar filters
    "overview": ("f_boundaries",),
    "participation": ("p_year", "p_measure", "p_map_level", "p_province", "p_area", "f_boundaries"),
    "funding": ("f_year", "f_boundaries"),
    "compare": ("c_year_a", "c_year_b", "c_measure", "c_group", "c_province", "f_boundaries"),
    "data": ("d_detail", "f_boundaries"),
}
P95_TARGET_MS = 250
RSS_TARGET_MB = 500
TIMEOUT_S = 120  # one run of a page; AppTest's default of 3 s would fail a slow page instead of timing it


@dataclass(frozen=True)
class Size:
    """How much of the national set to generate: all of it, or a spread-out subset for --quick."""

    label: str
    max_forms: int | None


FULL = Size("full", None)
QUICK = Size("quick1500", 1500)


# --- the warehouse (parent process) -------------------------------------------------------------

def national_warehouse(out: Path, size: Size) -> tuple[Path, dict]:
    """The cached warehouse for `size`, built (forms generated, then ingested) when missing."""
    from warehouse.load import schema_digest

    folder = out / f"{VERSION}-{size.label}"
    forms = _forms(folder / "forms", size)
    db = folder / f"warehouse-{schema_digest()[:10]}.duckdb"  # a changed schema or view makes a new one
    built_s = 0.0
    if not db.exists():
        built_s = _ingest(forms, db)
    return db, {"forms": sum(1 for p in forms.rglob("*") if p.is_file() and p.name != "manifest.json"),
                "reports": _count_reports(db), "built_s": round(built_s, 1)}


def _forms(folder: Path, size: Size) -> Path:
    """Generated forms; written to a temporary folder first so an interrupted run leaves no half set."""
    if (folder / "manifest.json").exists():
        return folder
    from etl.demo.build import generate_national

    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    generate_national(partial, max_forms=size.max_forms)
    partial.rename(folder)
    return folder


def _ingest(forms: Path, db: Path) -> float:
    """Seconds to ingest the forms; the file gets its final name only once complete."""
    from etl.ingest import ingest_paths

    partial = db.with_name(db.name + ".partial")
    for stale in (partial, partial.with_name(partial.name + ".wal")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    ingest_paths([forms], partial)
    duckdb.connect(str(partial)).close()  # replays any write-ahead log into the file
    partial.rename(db)
    return time.perf_counter() - start


def _count_reports(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM current_reports").fetchone()[0]


def _areas_by_province(db: Path) -> dict[str, list[str]]:
    """The raw values behind the p_area choices (today's communes, or old districts as reported) and, through
    its keys, behind p_province: 'today|79' or 'reported|L:P:79' -> area keys."""
    from dashboard.queries import Filters, place

    today, _ = place(Filters(), "area")
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"""
            SELECT 'today|' || province_code, {today}
            FROM report_facts JOIN unit_boundaries USING (unit_key)
            WHERE coalesce(commune_key_today, district_code) IS NOT NULL
            UNION
            SELECT 'reported|' || reported_province_key, district_code
            FROM report_facts JOIN unit_boundaries USING (unit_key) WHERE district_code IS NOT NULL
            ORDER BY ALL""").fetchall()
    places: dict[str, list[str]] = {}
    for province, area in rows:
        places.setdefault(province, []).append(area)
    return places


# --- the measurement (parent side) --------------------------------------------------------------

def run(out: Path, quick: bool, reruns: int = 20) -> dict:
    """Build or reuse the warehouse, then time the pages in a child process that plays the server."""
    db, warehouse = national_warehouse(out, QUICK if quick else FULL)
    code = f"from bench.app_speed import serve; serve({reruns})"
    env = {**os.environ, "HTSD_WAREHOUSE": str(db), "HTSD_ACCOUNTS": str(out / "no-accounts.toml")}
    env.pop("HTSD_PRIVATE", None)  # a private dashboard would time the login page, not the analysis pages
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          input=json.dumps(_areas_by_province(db)))
    if done.returncode:
        raise RuntimeError(f"app benchmark failed:\n{done.stderr[-4000:]}")
    return {"warehouse": warehouse, "reruns": reruns, **json.loads(done.stdout.strip().splitlines()[-1])}


# --- the measurement (child process: the app server) --------------------------------------------

def serve(reruns: int) -> None:
    """Child entry point: time every page, then print one JSON line with the times and peak RSS.

    One process for all pages, as one server serves every page from one query cache. The district
    codes come on stdin so that the child opens the warehouse only as the app does.
    """
    places = json.load(sys.stdin)
    _run_like_a_server()
    misses, calls = _count_queries()
    pages = {}
    for page in PAGES:
        before = (sum(misses.values()), sum(calls.values()))
        pages[page] = time_page(page, reruns, places)
        pages[page].update(misses=sum(misses.values()) - before[0], queries=sum(calls.values()) - before[1])
    print(json.dumps({"pages": pages, "rss_mb": round(peak_rss_mb(), 1)}))


def peak_rss_mb() -> float:
    """This process image's peak resident memory, from /proc/self/status (in kB there)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def _run_like_a_server() -> None:
    """Keep Streamlit in st.navigation mode on every AppTest run, as a server is after its first run.

    AppTest resets PagesManager.uses_pages_directory before each run, and app.py sits beside a
    pages/ folder, so each rerun would take the old pages-folder path and run pages/overview.py
    alone, without app.py and its sidebar. A server clears that flag for good when app.py first
    calls st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def time_page(page: str, reruns: int, places: dict[str, list[str]]) -> dict:
    """Wall p50/p95 of the timed reruns of one page in a new session, CPU p50, and runs showing an error.

    CPU time is the whole process's (all threads), a check on the wall times of a shared machine.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    rng = random.Random(f"{VERSION}:{page}")
    schedule = _schedule(page)
    widgets = itertools.cycle(schedule)
    wall, cpu, errors = [], [], _failed(at)
    for _ in range(reruns):
        any(_change(at, next(widgets), rng, places) for _ in schedule)  # the next widget that can change
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        errors += _failed(at)
    return {"p50_ms": _percentile(wall, 50), "p95_ms": _percentile(wall, 95), "cpu_p50_ms": _percentile(cpu, 50),
            "errors": errors}


def _schedule(page: str) -> list[str]:
    """Widget keys in the order they are changed: sidebar filters interleaved with the page's own."""
    own = PAGE_WIDGETS[page]
    if not own:
        return list(SIDEBAR)
    steps = max(len(SIDEBAR), len(own))
    return [key for i in range(steps) for key in (SIDEBAR[i % len(SIDEBAR)], own[i % len(own)])]


def _change(at: Any, key: str, rng: random.Random, places: dict[str, list[str]]) -> bool:
    """Set widget `key` to another value it currently offers; False when the page does not show it
    or it offers no other value (a rerun with nothing changed would only time cache hits)."""
    widget = _widget(at, key)
    if widget is None:
        return False
    if key == "d_detail":
        widget.set_value(not widget.value)
        return True
    shown = [c for c in _candidates(at, key, places) if _label(widget, c) in set(widget.options)]
    if key in SIDEBAR:
        chosen = _new_selection(shown, list(widget.value), rng)
    else:
        chosen = rng.choice([c for c in shown if c != widget.value] or [widget.value])
    if chosen == widget.value:
        return False
    widget.set_value(chosen)
    return True


def _new_selection(shown: list, current: list, rng: random.Random) -> list:
    """Up to three of the shown values ([] = all), other than the current selection."""
    for _ in range(10):
        chosen = rng.sample(shown, min(len(shown), rng.choice((0, 0, 1, 2, 3))))
        if chosen != current:
            return chosen
    return current


def _widget(at: Any, key: str) -> Any:
    """The widget with this key on the last run's page, or None."""
    for kind in (at.multiselect, at.selectbox, at.radio, at.toggle):
        found = [w for w in kind if w.key == key]
        if found:
            return found[0]
    return None


def _candidates(at: Any, key: str, places: dict[str, list[str]]) -> list:
    """Raw values a widget may take (AppTest shows only their labels)."""
    from dashboard.filters import LEVEL_LABELS

    selection = at.session_state["selection"]
    years = list(selection.years_available)
    province = at.session_state["p_province"] if "p_province" in at.session_state else None
    mode = selection.filters.boundaries
    provinces = [k.split("|", 1)[1] for k in places if k.startswith(f"{mode}|")]
    return {
        "f_years": years, "f_provinces": list(selection.province_names),
        "f_indicators": list(selection.indicator_labels), "f_levels": list(LEVEL_LABELS),
        "p_year": years, "f_year": years, "c_year_a": years, "c_year_b": years,
        "p_measure": ["participants", "events"], "p_map_level": ["province", "unit"],
        "p_province": provinces, "p_area": [None, *places.get(f"{mode}|{province}", [])],
        "c_measure": ["participants", "events", "state_budget", "social"], "c_group": ["province", "area"],
        "c_province": provinces, "f_boundaries": ["today", "reported"],
    }.get(key, [])


def _label(widget: Any, value: Any) -> str | None:
    """The label the widget shows for a raw value, or None when its format function refuses it."""
    try:
        return str(widget.format_func(value))
    except (KeyError, TypeError):
        return None


def _failed(at: Any) -> int:
    """1 when the run raised or the app showed its 'page failed' error, so a failing page is not timed as fast."""
    return int(bool(at.exception) or bool(at.error))


def _count_queries() -> tuple[Counter, Counter]:
    """Count query calls and cache misses by wrapping dashboard.db.query and the query functions.

    Pages look both up by attribute at call time, and the cache key hashes db._run only, so the
    wrappers change neither the app's behaviour nor its caching.
    """
    from dashboard import db, queries

    misses: Counter = Counter()
    calls: Counter = Counter()
    for name in ("years", "provinces", "yearly_totals", "completeness", "by_place", "by_indicator", "points",
                 "compare", "table"):
        setattr(queries, name, _counted(getattr(queries, name), misses, name))
    db.query = _counted(db.query, calls, "query")
    return misses, calls


def _counted(function: Callable, counter: Counter, name: str) -> Callable:
    def wrapper(*args, **kwargs):
        counter[name] += 1
        return function(*args, **kwargs)
    return wrapper


def _percentile(seconds: Sequence[float], percent: int) -> float:
    """Milliseconds at the percentile (inclusive method: with 20 runs p95 lies between the two slowest)."""
    return round(statistics.quantiles(seconds, n=100, method="inclusive")[percent - 1] * 1000, 1)


# --- report ---------------------------------------------------------------------------------------

def print_table(result: dict) -> None:
    """The page times beside their targets, and the server's peak memory beside its target."""
    w = result["warehouse"]
    print(f"App, national warehouse: {w['forms']} forms, {w['reports']} reports"
          + (f" (built in {w['built_s']} s)" if w["built_s"] else " (cached)")
          + f"; {result['reruns']} reruns per page after a warm-up, one widget changed per rerun")
    print(f"{'page':<15}{'p50 ms':>9}{'p95 ms':>9}   {'target p95':<14}{'cpu p50 ms':>10}"
          f"   cache misses/queries   errors")
    for page, p in result["pages"].items():
        verdict = "ok" if p["p95_ms"] <= P95_TARGET_MS else "MISSED"
        print(f"{page:<15}{p['p50_ms']:>9}{p['p95_ms']:>9}   ≤ {P95_TARGET_MS} {verdict:<8}{p['cpu_p50_ms']:>10}"
              f"   {p['misses']:>12}/{p['queries']:<9}{p['errors']:>6}")
    verdict = "ok" if result["rss_mb"] <= RSS_TARGET_MB else "MISSED"
    print(f"app server peak RSS: {result['rss_mb']} MB   target ≤ {RSS_TARGET_MB} MB {verdict}")


def summary(result: dict) -> dict:
    """The keys added to the benchmark's JSON line."""
    pages = result["pages"]
    return {"page_p95_ms": {page: p["p95_ms"] for page, p in pages.items()},
            "page_p50_ms": {page: p["p50_ms"] for page, p in pages.items()},
            "app_rss_mb": result["rss_mb"]}
