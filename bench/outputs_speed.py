"""Meeting outputs: the time to build one briefing deck and one PDF for a national year on the national warehouse,
warm (Kaleido's browser started and the published snapshot opened, as in a running app after its first export)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench import app_speed

TARGET_S = 10


def run(out: Path, quick: bool) -> dict:
    from dashboard import queries
    from dashboard.db import analysis_cursor, snapshot
    from reports.outputs import write_briefing

    db, _ = app_speed.national_warehouse(out, app_speed.QUICK if quick else app_speed.FULL)
    con = snapshot(db)

    def run_query(name: str, *args):
        return getattr(queries, name)(analysis_cursor(con), *args)

    year = max(queries.years(con))
    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        write_briefing(db, Path(folder) / "warm.pdf", year, run=run_query)  # starts Kaleido's Chromium
        for suffix in ("pptx", "pdf"):
            start = time.perf_counter()
            write_briefing(db, Path(folder) / f"briefing.{suffix}", year, run=run_query)
            timings[f"briefing_{suffix}_s"] = round(time.perf_counter() - start, 2)
    con.close()
    return {"year": year, **timings}


def print_line(result: dict) -> None:
    for suffix in ("pptx", "pdf"):
        seconds = result[f"briefing_{suffix}_s"]
        verdict = "ok" if seconds <= TARGET_S else "MISSED"
        print(f"briefing .{suffix}, national year {result['year']}: {seconds:>6} s   target ≤ {TARGET_S} s {verdict}")
