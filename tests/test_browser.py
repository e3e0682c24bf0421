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

import ast
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
    ROOT,
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
COMMUNE = re.compile(r"^Xã\/phường")  # the drill-down below a province, on today's map
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


def test_first_visit_after_start_opens_the_link(app: App):
    """Streamlit's folder routing, on for the first run after a start, finds /du-lieu as pages/du-lieu.py."""
    assert PAGES["/du-lieu"] in app.first_visit.title
    assert app.first_visit.dialogs == [], "a dialog covers the page the shared link opened"


def url_paths() -> set[str]:
    """The URL paths app.py's navigation gives its pages (read from its source: importing it runs it)."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    return {call.args[3].value for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Entry" and len(call.args) == 4}


def test_every_link_has_a_page_for_the_first_run_after_a_start():
    """A page added to app.py without its hand-over file would show 'Page not found' to a first visitor."""
    paths = url_paths()
    assert {"du-lieu", "dang-nhap", "han-nop"} <= paths
    for path in paths:
        handover = ROOT / "pages" / f"{path}.py"
        assert handover.is_file(), f"/{path} has no {handover.name} in pages/"
        assert "hand_over()" in handover.read_text(encoding="utf-8")


# Streamlit's and Plotly's own English, as it showed before the interface was put in Vietnamese
ENGLISH = re.compile(r"Download|Zoom|\bPan\b|Autoscale|Reset|Fullscreen|Search|Show/hide|Choose an|Press |Print|"
                     r"Record|Made with|Collapse|Main menu|Link to|Skip to|\bSheet\b")
SHOWN_TEXTS_JS = """() => {  // texts drawn, and the tooltips, labels and placeholders of every element
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.parentElement.checkVisibility() && n.nodeValue.trim()) out.push(n.nodeValue.trim());
  for (const e of document.querySelectorAll('[aria-label], [title], [data-title], [placeholder]'))
    for (const a of ['aria-label', 'title', 'data-title', 'placeholder'])
      if (e.getAttribute(a)) out.push(e.getAttribute(a));
  return out;
}"""


def english_shown(page: Page) -> list[str]:
    return sorted({text for text in page.evaluate(SHOWN_TEXTS_JS) if ENGLISH.search(text)})


def test_no_english_in_the_controls_and_a_local_favicon(page: Page, app: App):
    """Plotly's toolbar (shown on hovering a chart), the data table's toolbar, the main menu, placeholders and
    input hints: all Vietnamese. The favicon comes from the app itself, not a font CDN."""
    visit(page, app, "/du-lieu?tinh=79")
    main_area(page).get_by_test_id("stDataFrame").first.hover()
    page.get_by_test_id("stMainMenu").click()
    page.get_by_test_id("stMainMenuList").wait_for()
    shown = english_shown(page)
    page.keyboard.press("Escape")
    visit(page, app, "/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill("x")  # a form's input hint: "Press Enter to submit form"
    page.get_by_test_id("InputInstructions").first.wait_for()
    shown += english_shown(page)
    visit(page, app, "/tham-gia")
    main_area(page).locator('[data-testid="stPlotlyChart"]').first.hover()
    page.locator(".modebar-btn").first.wait_for()

    shown += english_shown(page)

    assert shown == []
    icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
    assert icons and all(icon.startswith(app.base) for icon in icons), icons


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


def test_copied_link_reopens_the_same_drill_down(new_page, app: App):
    """Tham gia: a commune picked under a province is in the URL, and a colleague opening the copied link sees
    that commune's drill-down, not the whole province."""
    author = visit(new_page(), app, "/tham-gia?xem_tinh=79")
    main = main_area(author)
    with rerun(author, "picking a commune"):
        main.get_by_role("combobox", name=COMMUNE).click()
        author.keyboard.press("ArrowDown")  # a click that scrolls the page leaves the list closed
        option = author.get_by_role("option").nth(1)  # the first commune after "Tất cả"
        commune = option.inner_text()
        option.click()
    shared, seen = urlsplit(author.url)._replace(scheme="", netloc="").geturl(), view_state(author)
    assert widget(seen, COMMUNE) == commune and "xem_dia_ban" in params(author)
    assert f"— {commune}, năm" in main.inner_text()

    reader = visit(new_page(), app, shared)

    assert widget(view_state(reader), COMMUNE) == commune
    assert widget(view_state(reader), re.compile("^Tỉnh/thành phố$")) == "Thành phố Hồ Chí Minh"
    assert f"— {commune}, năm" in main_area(reader).inner_text()
    assert params(reader) == params(author)


IN_VIEW_JS = """anchor => {
  const box = document.getElementById(anchor).getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""
BAR_KEY_JS = """bar => {  // the key a bar stands for: its trace's customdata at the bar's index
  const chart = bar.closest('.js-plotly-plot');
  return chart.data[0].customdata[bar.__data__.i][0];
}"""


def test_clicking_a_bar_brings_its_detail_into_view(page: Page, app: App):
    """Tham gia: the province chart sits at the top; a click on a bar selects that province in "Xem chi tiết",
    further down, and the page scrolls there so the user sees what the click did."""
    visit(page, app, "/tham-gia?xem_tinh=01")
    assert not page.evaluate(IN_VIEW_JS, "xem-chi-tiet"), "the detail is already in view at 1366×768"
    bar = main_area(page).get_by_test_id("stPlotlyChart").first.locator(".bars .point path").first
    province = bar.evaluate(BAR_KEY_JS)
    assert province != "01"

    with rerun(page, "clicking a province's bar"):
        bar.click(force=True)  # Plotly takes clicks on its drag layer, drawn over the bars
    page.wait_for_function(IN_VIEW_JS, arg="xem-chi-tiet")  # the scroll is smooth: it ends a moment later

    assert params(page).get("xem_tinh") == [province]
    assert page.evaluate(IN_VIEW_JS, "xem-chi-tiet")


PHONE = {"width": 390, "height": 844}
TOOLBAR_OVERLAPS_JS = """chart => {  // what of the chart's title and legend Plotly's toolbar covers
  const bar = chart.querySelector('.modebar').getBoundingClientRect();
  const covered = [];
  for (const part of chart.querySelectorAll('.gtitle, .legend')) {
    const box = part.getBoundingClientRect();
    if (box.left < bar.right && bar.left < box.right && box.top < bar.bottom && bar.top < box.bottom)
      covered.push(part.textContent.trim());
  }
  return covered;
}"""


@pytest.mark.parametrize("path", ["/", "/tham-gia", "/kinh-phi"])
def test_on_a_phone_the_chart_toolbar_covers_no_title_or_legend(page: Page, app: App, path: str):
    """At 390×844 Plotly's toolbar shows on every tap: it sits above the chart, clear of its title and legend."""
    page.set_viewport_size(PHONE)
    visit(page, app, path)
    charts = main_area(page).get_by_test_id("stPlotlyChart")
    covered = {}
    for chart in charts.all():
        if not chart.is_visible():  # a chart in a tab not shown
            continue
        chart.scroll_into_view_if_needed()
        chart.hover()
        chart.locator(".modebar").wait_for()
        covered[chart.locator(".gtitle").first.text_content() if chart.locator(".gtitle").count() else ""] = \
            chart.evaluate(TOOLBAR_OVERLAPS_JS)
    assert covered and all(parts == [] for parts in covered.values()), covered
