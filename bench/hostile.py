"""`python -m bench --hostile`: every file of the hostile corpus (tests/hostile/corpus.py) through a whole
command-line ingest run, one run per file, with its time and peak memory measured.

Each run is a process forked from this one once the unit index is loaded (as `python -m etl ingest` has it
loaded), into a warehouse that holds only the base form; the time is the run's wall clock (read, parse in
the sandbox, stage, commit), the memory the largest resident set of the run's process tree (the ingest
process or its parse worker: os.wait4 reports the largest of a process and the children it reaped).
Budget per file: 10 s and 1 GB. The last line is JSON; `--markdown` prints the table for the README.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from etl.cli import printable
from etl.ingest import ingest_paths
from etl.units import load_index
from tests.hostile.corpus import TOTALS, Case, build_corpus, xlsx

SECONDS_BUDGET = 10.0
MEMORY_BUDGET_MB = 1024.0


def run(markdown: bool = False) -> dict:
    index = load_index()
    rows = []
    with tempfile.TemporaryDirectory(prefix="hostile_") as scratch:
        root = Path(scratch)
        base = root / "base" / "an_giang_2020.xlsx"
        base.parent.mkdir()
        base.write_bytes(xlsx())
        template = root / "base.duckdb"
        _forked(lambda: [r.as_dict() for r in ingest_paths([base], template, index=index)], root / "base.json")
        cases = build_corpus()
        _forked(lambda: _write_all(cases, root), root / "written.json")  # building them would grow this process
        for number, case in enumerate(cases):
            rows.append(_measure(case, root / f"{number:03d}" / case.filename, template, index))
    worst_seconds = max(r["seconds"] for r in rows)
    worst_mb = max(r["peak_mb"] for r in rows)
    summary = {"hostile_cases": len(rows), "hostile_as_expected": sum(r["as_expected"] for r in rows),
               "hostile_rejected": sum(r["status"] == "rejected" for r in rows),
               "hostile_max_seconds": worst_seconds, "hostile_max_peak_mb": worst_mb,
               "hostile_within_budget": worst_seconds <= SECONDS_BUDGET and worst_mb <= MEMORY_BUDGET_MB}
    if markdown:
        _print_markdown(rows, summary)
    else:
        _print(rows)
    print(json.dumps(summary | {"hostile": rows}, ensure_ascii=False))
    return summary


def _write_all(cases: list[Case], root: Path) -> int:
    for number, case in enumerate(cases):
        (root / f"{number:03d}").mkdir()
        (root / f"{number:03d}" / case.filename).write_bytes(case.build())
    return len(cases)


def _measure(case: Case, path: Path, template: Path, index) -> dict:
    db = path.parent / "w.duckdb"
    shutil.copyfile(template, db)
    seconds, peak_kb, result = _forked(lambda: ingest_paths([path], db, index=index)[0].as_dict(),
                                       path.parent / "result.json")
    status = result["status"] if result else "crashed"
    errors = [e["message"] for e in result["errors"]] if result else []
    cells = [e["cell"] for e in result["errors"]] if result else []
    if case.loads:
        as_expected = status in ("loaded", "unchanged", "replaced") and not errors
    else:
        as_expected = (status == "rejected" and any(case.message in e for e in errors)
                       and (case.cell is None or case.cell in cells))
    return {"case": case.name, "bytes": path.stat().st_size, "status": status, "as_expected": as_expected,
            "seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024, 1),
            "reason": printable(errors[0]) if errors else ""}


def _forked(work, out: Path) -> tuple[float, int, object]:
    """Run `work` in a forked process: wall seconds, peak RSS (KB) of it and its reaped children, its result."""
    began = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            out.write_text(json.dumps(work(), ensure_ascii=False), encoding="utf-8")
            code = 0
        finally:
            os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - began
    result = json.loads(out.read_text(encoding="utf-8")) if os.waitstatus_to_exitcode(status) == 0 else None
    return seconds, usage.ru_maxrss, result


def _print_markdown(rows: list[dict], summary: dict) -> None:
    """The README's 'Độ tin cậy' figures: the summary, then every file in a folded table."""
    loaded = summary["hostile_cases"] - summary["hostile_rejected"]
    print(f"- {summary['hostile_cases']} hostile files: {summary['hostile_as_expected']} ended as expected "
          f"({summary['hostile_rejected']} rejected with their reason, {loaded} loaded with the base form's exact "
          "totals), none with a traceback.")
    print(f"- Slowest whole ingest run of one file: {summary['hostile_max_seconds']} s (budget "
          f"{SECONDS_BUDGET:g} s); largest peak resident memory of a run's processes: "
          f"{summary['hostile_max_peak_mb']} MB (budget {MEMORY_BUDGET_MB:g} MB).")
    print("\n<details><summary>Every file</summary>\n")
    print("| case | bytes | status | as expected | s | peak MB |")
    print("|---|---:|---|---|---:|---:|")
    for r in rows:
        print(f"| {r['case']} | {r['bytes']:,} | {r['status']} | {'yes' if r['as_expected'] else 'NO'} | "
              f"{r['seconds']} | {r['peak_mb']} |")
    print("\n</details>")


def _print(rows: list[dict]) -> None:
    print(f"{'case':<34} {'bytes':>11} {'status':<10} {'ok':<3} {'s':>6} {'MB':>7}  reason")
    for r in rows:
        print(f"{r['case']:<34} {r['bytes']:>11,} {r['status']:<10} {'yes' if r['as_expected'] else 'NO':<3} "
              f"{r['seconds']:>6} {r['peak_mb']:>7}  {r['reason'][:70]}")
    print(f"expected totals of every loaded case: {TOTALS}")
