"""One briefing file, deck or PDF by its suffix: what `python -m etl briefing` and the overview's button call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dashboard import queries
from reports import briefing, deck, pdf, static_charts

MAP_SIZE = (700, 620)  # CSS pixels of the map picture
SUFFIXES = (".pptx", ".pdf")


def write_briefing(db_path: Path, out: Path, year: int, province: str | None = None, compare_with: int | None = None,
                   boundaries: str = "today", template: Path | None = None, money_unit: str = "triệu đồng",
                   run: Callable | None = None) -> Path:
    """The deck (.pptx) or the PDF (.pdf) at `out`. `run(name, *args)` runs dashboard.queries (the app's cached
    dashboard.db.query); without it the warehouse's published snapshot is read."""
    if out.suffix.lower() not in SUFFIXES:
        raise briefing.BriefingError(f"Tệp kết quả phải là .pptx hoặc .pdf, không phải '{out.suffix or out.name}'.")
    if run is not None:
        return _write(run, db_path, out, year, province, compare_with, boundaries, template, money_unit)
    from dashboard.db import analysis_cursor, snapshot

    con = snapshot(db_path)
    try:
        return _write(lambda name, *args: getattr(queries, name)(analysis_cursor(con), *args), db_path, out, year,
                      province, compare_with, boundaries, template, money_unit)
    finally:
        con.close()


def _write(run: Callable, db_path: Path, out: Path, year: int, province: str | None, compare_with: int | None,
           boundaries: str, template: Path | None, money_unit: str) -> Path:
    b = briefing.gather(run, db_path, year, province, compare_with, boundaries, money_unit)
    picture = static_charts.png(static_charts.briefing_map(b), *MAP_SIZE)
    if out.suffix.lower() == ".pptx":
        return deck.build(b, out, picture, template)
    return pdf.build(b, out, picture)
