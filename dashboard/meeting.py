"""The app's buttons for the meeting outputs: the briefing (deck and PDF) on the overview, the consolidated report
for the level above on the submission status page. Each file is built only when its button is pressed, and the
buttons do not rerun the page (see widgets.export_buttons)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import streamlit as st

from dashboard import db
from dashboard.filters import Selection
from etl.units import REFORM_YEAR
from warehouse.load import reading

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _built(write, suffix: str) -> bytes:
    """Run `write(path)` into a private temporary folder and return the file's bytes."""
    with tempfile.TemporaryDirectory(prefix="htsd_out_") as folder:
        out = Path(folder) / f"out{suffix}"
        write(out)
        return out.read_bytes()


def briefing_buttons(selection: Selection, year: int, previous: int | None) -> None:
    """'Báo cáo họp': the year's deck (.pptx, 16:9) and PDF (A4 landscape) for the country or one province,
    compared with `previous`, on the sidebar's boundaries and money unit."""
    from reports.outputs import write_briefing

    f = selection.filters
    menu = st.popover("Báo cáo họp", icon=":material/slideshow:")
    if len(f.provinces) > 1 or f.indicators or f.levels:
        menu.info("Báo cáo họp tính cho cả nước hoặc một tỉnh/thành phố, mọi hoạt động và mọi cấp: bỏ bớt bộ lọc ở "
                  "thanh bên trái.", icon="ℹ️")
        return
    province = f.provinces[0] if f.provinces else None
    where = selection.province_names.get(province, province) if province else "cả nước"
    menu.caption(f"{where}, năm {year}" + (f" so với năm {previous}" if previous else "")
                 + ". Tạo tệp mất vài giây.")
    name = f"bao_cao_hop_{year}_{datetime.now():%Y%m%d_%H%M}"

    def make(suffix: str):
        return lambda: _built(lambda out: write_briefing(
            db.read_path(), out, year, province, previous, f.boundaries, money_unit=selection.money,
            run=db.query), suffix)

    menu.download_button("Bản trình chiếu (.pptx)", make(".pptx"), f"{name}.pptx", PPTX, key="briefing_pptx",
                         icon=":material/slideshow:", on_click="ignore")
    menu.download_button("Bản PDF", make(".pdf"), f"{name}.pdf", "application/pdf", key="briefing_pdf",
                         icon=":material/picture_as_pdf:", on_click="ignore")


def upward_buttons(year: int, level: str, provinces: list[str], province_names: dict[str, str]) -> None:
    """'Xuất biểu tổng hợp gửi cấp trên' for the country or one province of today's map; before 2025 one file per
    old province it is made of (the report speaks for the map of its year)."""
    from reports.upward import gather, provinces_within, write

    if len(provinces) > 1:
        st.caption("Biểu tổng hợp gửi cấp trên: chọn một tỉnh/thành phố hoặc để trống (cả nước).")
        return
    path = db.read_path()
    if provinces:
        with reading(path) as con:
            names = provinces_within(con, year, provinces[0])
    else:
        names = [None]
    row = st.container(horizontal=True)
    for name in names:
        label = f"Biểu tổng hợp gửi cấp trên — {name or 'cả nước'} (.xlsx)"
        if provinces and year < REFORM_YEAR and len(names) > 1:
            label += f" (nay thuộc {province_names[provinces[0]]})"
        slug = "ca_nuoc" if name is None else name.replace(" ", "_")
        row.download_button(label, (lambda n=name: _built(lambda out: write(gather(path, year, level, n), out),
                                                          ".xlsx")),
                            f"tong_hop_{year}_{level}_{slug}.xlsx", XLSX, key=f"upward_{slug}",
                            icon=":material/upload:", on_click="ignore")
