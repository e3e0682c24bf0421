"""Which year a page shows, and which year it is compared with."""

from __future__ import annotations

import streamlit as st

from dashboard import filters, widgets
from dashboard.filters import Selection


def focus_year(selection: Selection) -> int | None:
    """The latest selected year (or the latest year with data when none is selected)."""
    pool = selection.filters.years or selection.years_available
    return max(pool) if pool else None


def previous_year(selection: Selection, year: int) -> int | None:
    """The year compared with: the previous selected year when several are selected (2023 for a
    selection of 2023 and 2025), else the previous year with data."""
    pool = selection.filters.years if len(selection.filters.years) > 1 else selection.years_available
    earlier = [y for y in pool if y < year]
    return max(earlier) if earlier else None


def choose_year(selection: Selection, key: str) -> int:
    """The page's year picker (latest by default, kept in the URL as 'xem_nam'); stops the page with
    a hint when the warehouse holds no report at all."""
    latest = focus_year(selection)
    if latest is None:
        widgets.empty("Kho dữ liệu chưa có báo cáo nào. Nạp biểu mẫu bằng `python -m etl ingest THƯ_MỤC`.")
        st.stop()
    years = sorted(selection.filters.years or selection.years_available, reverse=True)
    year = st.selectbox("Năm", years, index=years.index(filters.url_value("xem_nam", years, latest, int)), key=key)
    filters.remember(xem_nam=year)
    return year
