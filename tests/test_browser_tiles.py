"""KPI tiles in a real browser (Chromium via Playwright): every tile shows its whole value and label, at a
laptop's and a phone's width, with amounts in đồng (the longest they get)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import App, Page, serve, visit

pytestmark = pytest.mark.browser

# every text inside a tile's value or label that is wider than the box showing it (cut off, or ending in "…")
CUT_OFF_JS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(tile =>
  [...tile.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,'
                            + ' [data-testid="stMetricLabel"] p')]
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => tile.innerText.replace(/\\s+/g, ' ')))"""


@pytest.fixture(scope="module")
def app(demo, tmp_path_factory) -> Iterator[App]:
    """The session's demo warehouse (conftest.demo), only read here."""
    with serve(demo, tmp_path_factory.mktemp("tiles") / "streamlit.log") as served:
        yield served


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", ["/?tien=đồng", "/so-sanh?tien=đồng&so_sanh=state_budget"])
def test_every_tile_shows_its_whole_value(page: Page, app: App, path: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, app, path)
    values = page.get_by_test_id("stMetricValue").all_inner_texts()
    assert any(len(v) >= 13 for v in values), values  # amounts in đồng: '12.578.500.000' and the like
    assert page.evaluate(CUT_OFF_JS) == []
