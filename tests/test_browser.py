"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, against `streamlit run app.py`.

One Streamlit server per module serves a warehouse built from the demo forms. Every test opens
fresh browser contexts (no shared cookies or session), so a URL is the only state that carries
over, as it would for a link a user sends to a colleague.

The `app` fixture makes the server's first session itself (a shared link to /du-lieu), because
Streamlit treats the first session after a start differently; every test after it sees a warm server.

Screenshots: set SCREENSHOT_DIR to keep one PNG per page (viewport 1366×768), plus first-visit.png.
Without /usr/bin/chromium the module is skipped, except under CI (env CI set), where it fails.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest
from browser_support import (
    App,
    Browser,
    Page,
    as_number,
    choose,
    download,
    fresh_context,
    kpi,
    main_area,
    params,
    rerun,
    save_screenshot,
    serve,
    sidebar,
    view_state,
    visit,
    widget,
)

from etl.demo.build import generate_demo
from etl.ingest import ingest_paths

pytestmark = pytest.mark.browser

PAGES = {  # URL path -> word the page title must contain (titles may be reworded around it)
    "/": "Tổng quan",
    "/tham-gia": "Tham gia",
    "/kinh-phi": "Kinh phí",
    "/so-sanh": "So sánh",
    "/du-lieu": "Dữ liệu",
}
PROVINCE = re.compile(r"^Tỉnh\/thành phố")  # province multiselect; "\/" as Playwright's parser stops at "/"
FIRST_LINK = "/du-lieu?tinh=79"  # what the first visitor after a server start opens

# --- the app under test ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, chromium) -> Path:
    """The demo forms, ingested into a warehouse of this module's own."""
    folder = tmp_path_factory.mktemp("browser")
    generate_demo(folder / "forms")
    db = folder / "warehouse.duckdb"
    results = ingest_paths([folder / "forms"], db)
    assert results and db.exists()
    return db


@dataclass
class FirstVisit:
    """What the first browser session after the server started saw (opening FIRST_LINK)."""

    title: str = ""
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def app(warehouse: Path, browser: Browser) -> Iterator[App]:
    """The server for this module. The first session after a start behaves differently (see
    test_first_visit_after_start_opens_the_link), so it is always the same one, made here: a shared link
    (recorded in `app.first_visit`)."""
    with serve(warehouse, warehouse.with_name("streamlit.log")) as served:
        served.first_visit = first_visit(browser, served)
        yield served


def first_visit(browser: Browser, app: App) -> FirstVisit:
    context = fresh_context(browser)
    try:
        page = visit(context.new_page(), app, FIRST_LINK)
        save_screenshot(page, "first-visit")
        return FirstVisit(page.locator('[data-testid="stMain"] h1').first.inner_text(),
                          page.get_by_test_id("stDialog").all_inner_texts())
    finally:
        context.close()


# --- helpers -----------------------------------------------------------------------------------------------------


# --- tests -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", list(PAGES))
def test_page_opens_without_errors_and_shows_title_and_content(page: Page, app: App, path: str):
    """Also saves the page's screenshot (SCREENSHOT_DIR), before any assertion so a broken page is kept too."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    offset = app.log_size()
    visit(page, app, path)
    save_screenshot(page, path)

    main = main_area(page)
    assert PAGES[path] in main.locator("h1").first.inner_text()
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_test_id("stAlertContentError").count() == 0, page.get_by_test_id("stAlert").all_inner_texts()
    assert "Traceback" not in page.locator("body").inner_text()
    shown = main.locator('[data-testid="stPlotlyChart"] .main-svg, [data-testid="stDataFrame"], '
                         '[data-testid="stTable"]')
    assert shown.count() > 0 and shown.first.is_visible(), "no chart or table on the page"
    assert not errors, f"JavaScript errors: {errors}"
    assert "Traceback" not in app.log_since(offset), app.log_since(offset)


def test_province_filter_changes_kpis_and_url(page: Page, app: App):
    visit(page, app, "/")
    country = view_state(page)
    assert "tinh" not in params(page)

    choose(page, sidebar(page), PROVINCE, re.compile("Hồ Chí Minh"))

    province = view_state(page)
    assert params(page).get("tinh") == ["79"], page.url
    assert widget(province, PROVINCE) == ["Thành phố Hồ Chí Minh"]
    assert province["kpis"] != country["kpis"]
    assert 0 < as_number(kpi(province, "Người tham gia")) < as_number(kpi(country, "Người tham gia"))


def set_overview(page: Page) -> None:
    choose(page, sidebar(page), PROVINCE, re.compile("Hồ Chí Minh"))


def set_compare(page: Page) -> None:
    choose(page, main_area(page), re.compile("^Năm gốc"), "2022")


@pytest.mark.parametrize(("path", "set_view", "expected"), [  # the view: part from its own link, part clicked
    ("/?nam=2024&tien=tỷ đồng", set_overview, {"nam": "2024", "tinh": "79", "tien": "tỷ đồng"}),
    ("/so-sanh?tinh=01", set_compare, {"tinh": "01", "nam_a": "2022"}),
], ids=["overview", "compare"])
def test_shared_url_reopens_the_same_view(new_page, app: App, path: str, set_view, expected: dict):
    author = visit(new_page(), app, path)
    set_view(author)
    shared, seen = urlsplit(author.url)._replace(scheme="", netloc="").geturl(), view_state(author)
    assert seen["kpis"], "the view has no KPI tiles to compare"
    assert {name: params(author).get(name) for name in expected} == {k: [v] for k, v in expected.items()}

    reader = visit(new_page(), app, shared)

    assert view_state(reader) == seen
    assert params(reader) == params(author)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "app bug: the page scripts live in pages/, so Streamlit starts every server process in its legacy "
    "pages-directory mode; the first session's first run resolves the URL against pages/*.py (data, compare…), "
    "finds no 'du-lieu' and shows a modal 'Page not found' that blocks the page until closed. "
    "Fix: move the page scripts to a folder not named pages/ (e.g. views/) and update app.py."))
def test_first_visit_after_start_opens_the_link(app: App):
    assert PAGES["/du-lieu"] in app.first_visit.title
    assert app.first_visit.dialogs == [], "a dialog covers the page the shared link opened"


def test_data_page_exports(page: Page, app: App):
    visit(page, app, "/du-lieu?tinh=79")
    province = widget(view_state(page), PROVINCE)
    assert province == ["Thành phố Hồ Chí Minh"]
    counted = main_area(page).get_by_test_id("stCaptionContainer").filter(has_text=re.compile(r"\d+ dòng"))
    rows = int(re.search(r"([\d.]+) dòng", counted.first.inner_text()).group(1).replace(".", ""))
    assert rows > 0

    name, xlsx = download(page, re.compile("xlsx|Excel"))
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    data, about = book.worksheets[0], book.worksheets[1]
    assert all(cell.font.b for cell in data[1]) and data[1][0].value
    assert data.freeze_panes == "A2"
    assert data.auto_filter.ref == f"A1:{data.cell(1, data.max_column).column_letter}{rows + 1}"
    assert data.max_row - 1 == rows
    stated = {str(row[0]): row[1] for row in about.iter_rows(values_only=True) if row and row[0]}
    assert any(key.startswith("Tỉnh") and value == province[0] for key, value in stated.items()), stated

    name, text = download(page, re.compile("CSV"))
    assert name.endswith(".csv")
    assert text.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert len(records) - 1 == rows
    assert records[0] == [cell.value for cell in data[1]]


def test_boundaries_switch_on_the_year_over_year_page(page: Page, app: App):
    """2023 against 2026. Today's map pairs every province; as reported, the provinces merged in 2025 stand
    alone in one year each. The totals are the same either way: only the grouping changes."""
    visit(page, app, "/so-sanh?nam_a=2023&nam_b=2026")
    today = view_state(page)
    main = main_area(page)
    today_text = main.inner_text()
    assert "Địa giới hiện nay (từ 1/7/2025)" in today_text
    paired, listed = kpi(today, "cả hai năm").split("/")
    assert paired == listed, "on today's map every province reported in both years"

    with rerun(page, "switching to the boundaries as reported"):
        sidebar(page).get_by_text("như khi báo cáo").click()

    reported = view_state(page)
    text = main.inner_text()
    assert "Địa giới như khi báo cáo" in text
    assert "Tỉnh Bình Phước (cũ) (chỉ năm 2023)" in text and "Tỉnh Đồng Nai (chỉ năm 2026)" in text
    assert params(page).get("dia_gioi") == ["khi_bao_cao"]
    assert int(kpi(reported, "cả hai năm").split("/")[0]) < int(paired)
    everything = re.compile(r"Tổng mọi nơi có báo cáo[^\n]*")  # the like-for-like tiles differ, these do not
    assert everything.search(text).group() == everything.search(today_text).group()
    save_screenshot(page, "so-sanh-khi-bao-cao")

    with rerun(page, "switching back to today's boundaries"):
        sidebar(page).get_by_text("hiện nay (từ 1/7/2025)").click()
    assert "(cũ)" not in main.inner_text() and "dia_gioi" not in params(page)
