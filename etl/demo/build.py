"""Entry points: write a set of files plus manifest.json, and return the manifest."""

from __future__ import annotations

import calendar
import json
import os
from datetime import datetime
from pathlib import Path

from .catalog import load_catalog
from .manifest import file_entry, report_entries
from .plan_demo import plan_demo
from .plan_national import plan_national
from .planner import Planner
from .render import render
from .spec import FormSpec
from .totals import compute_totals
from .vocab import all_labels


def _write(out_dir: Path, spec: FormSpec, data: bytes) -> None:
    """Write the file and date it like its submission (the ETL may use mtime as 'received')."""
    path = out_dir / spec.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    stamp = calendar.timegm(datetime(spec.when.year, spec.when.month, spec.when.day, 9, 0).timetuple())
    os.utime(path, (stamp, stamp))


def _emit(out_dir: Path, specs: list[FormSpec], seed: int, name: str) -> dict:
    """Render every spec, write files and manifest.json, and return the manifest."""
    paths = [s.path for s in specs]
    if len(set(paths)) != len(paths):
        raise ValueError("two forms share a path")
    originals = {s.duplicate_of for s in specs if s.duplicate_of}
    kept: dict[str, tuple[bytes, str | None, str | None]] = {}
    files, reports = [], []
    for spec in specs:
        rendered = kept[spec.duplicate_of] if spec.duplicate_of else render(spec, seed)
        if spec.path in originals:
            kept[spec.path] = rendered
        _write(out_dir, spec, rendered[0])
        files.append(file_entry(spec, rendered[1], rendered[2]))
        reports += report_entries(spec)
    totals, by_province = compute_totals(reports)
    manifest = {"seed": seed, "set": name, "files": files, "reports": reports, "totals": totals,
                "totals_by_province_in_force": by_province, "vocabulary": all_labels()}
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(manifest, ensure_ascii=False, indent=1 if name == "demo" else None, sort_keys=False)
    (out_dir / "manifest.json").write_text(text + "\n", encoding="utf-8")
    return manifest


def generate_demo(out_dir: Path, seed: int = 2025) -> dict:
    """The demo set (2020–2026, five 2025 provinces): every layout, format and habit, in ~160 files."""
    planner = Planner(load_catalog(), seed)
    plan_demo(planner)
    return _emit(Path(out_dir), planner.specs, seed, "demo")


def generate_national(out_dir: Path, years: range = range(2016, 2027), seed: int = 2025,
                      max_forms: int | None = None) -> dict:
    """Every province and commune of the map in force each year; `max_forms` keeps a spread-out subset."""
    planner = Planner(load_catalog(), seed)
    plan_national(planner, years, max_forms)
    return _emit(Path(out_dir), planner.specs, seed, "national")
