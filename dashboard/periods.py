"""Which year a page shows, and which year it is compared with."""

from __future__ import annotations

from dashboard.filters import Selection


def focus_year(selection: Selection) -> int | None:
    """The latest selected year (or the latest year with data when none is selected)."""
    pool = selection.filters.years or selection.years_available
    return max(pool) if pool else None


def previous_year(selection: Selection, year: int) -> int | None:
    earlier = [y for y in selection.years_available if y < year]
    return max(earlier) if earlier else None
