"""ETL speed: ms per form for a whole `ingest` run, beside the naive reads of the same forms.

The naive way is what an analyst would write: pandas.read_excel(engine="openpyxl") on every
sheet of every .xlsx form. Bare python-calamine reading every sheet of every workbook is the
floor any workbook ETL stands on. All three run on the same generated national forms.

The sandbox's cost per form (etl.sandbox: every parse in a limited child) is the CPU time of the same
forms parsed in one sandboxed worker (this process's and the worker's) minus parsed in this process,
divided by the forms: CPU time, because wall time on a shared machine moves more than the cost does.
"""

from __future__ import annotations

import gc
import resource
import shutil
import time
from pathlib import Path

import pandas as pd
import python_calamine as calamine

from etl.demo.build import generate_national
from etl.headers import Vocabulary
from etl.ingest import ingest_paths
from etl.resolve import Options
from etl.units import forget_loaded_indexes, load_index
from etl.workers import Parser, parse_or_issue
from warehouse import publish
from warehouse.load import Warehouse

WORKBOOKS = (".xlsx", ".xls", ".ods")


def national_forms(out: Path, forms: int) -> list[Path]:
    """Generate (or reuse) a deterministic national set of at least `forms` files."""
    folder = out / f"national_{forms}"
    if not (folder / "manifest.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate_national(folder, max_forms=forms)
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json")


def time_etl(files: list[Path], db: Path) -> tuple[float, dict[str, int]]:
    """Seconds for one cold ingest run (unit lists loaded, fresh warehouse, its snapshot published at the end), and
    the statuses."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(publish.folder_for(db), ignore_errors=True)
    forget_loaded_indexes()
    start = time.perf_counter()
    results = ingest_paths(files, db)
    elapsed = time.perf_counter() - start
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.status] = statuses.get(result.status, 0) + 1
    return elapsed, statuses


def time_publish(db: Path) -> float:
    """Seconds to publish `db` once more: the part of a whole run that does not grow with its forms (the
    analysis tables cover every official unit), so small runs pay more of it per form."""
    warehouse = Warehouse(db)
    warehouse.will_write()
    start = time.perf_counter()
    warehouse.close()
    return time.perf_counter() - start


def time_openpyxl(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    return time.perf_counter() - start


def time_calamine(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        book = calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    return time.perf_counter() - start


def time_sandbox(files: list[Path]) -> float:
    """CPU seconds the sandbox adds to parsing `files`: one sandboxed worker, fed as a run feeds it (its CPU
    counted once it has ended), minus parsing them in this process."""
    vocab, index, options = Vocabulary.load(), load_index(), Options()
    contents = [(p.read_bytes(), p.name) for p in files]
    start = _cpu()
    for data, name in contents:
        parse_or_issue(data, name, vocab, index, options)
    here = _cpu() - start
    gc.freeze()  # as ingest_paths does before forking: the worker then leaves the index's pages shared
    try:
        start = _cpu()
        with Parser(vocab, index, files=1) as parser:  # one worker, so that only the overhead differs
            parses = [parser.start(data, name, options) for data, name in contents]
            for parse in parses:
                parse()
        return _cpu() - start - here
    finally:
        gc.unfreeze()


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime


def run(out: Path, forms: int) -> dict:
    files = national_forms(out, forms)
    xlsx = [p for p in files if p.suffix == ".xlsx"]
    workbooks = [p for p in files if p.suffix in WORKBOOKS]
    etl_all, statuses = time_etl(files, out / "bench.duckdb")
    etl_xlsx, _ = time_etl(xlsx, out / "bench_xlsx.duckdb")
    naive = time_openpyxl(xlsx)
    bare = time_calamine(workbooks)
    sandbox = time_sandbox(files)
    result = {
        "forms": len(files), "xlsx_forms": len(xlsx), "statuses": statuses,
        "etl_ms_per_form": round(etl_all * 1000 / len(files), 3),
        "etl_xlsx_ms_per_form": round(etl_xlsx * 1000 / len(xlsx), 3),
        "openpyxl_ms_per_form": round(naive * 1000 / len(xlsx), 3),
        "calamine_ms_per_form": round(bare * 1000 / len(workbooks), 3),
        "sandbox_ms_per_form": round(sandbox * 1000 / len(files), 3),
        "publish_s": round(time_publish(out / "bench.duckdb"), 2),
    }
    result["speedup_vs_openpyxl"] = round(result["openpyxl_ms_per_form"] / result["etl_xlsx_ms_per_form"], 2)
    return result
