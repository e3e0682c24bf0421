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
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

try:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # handled by the `chromium` fixture: skip locally, fail under CI
    sync_playwright = None

from etl.demo.build import generate_demo
from etl.ingest import ingest_paths

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}
HOST = "127.0.0.1"
START_TIMEOUT = 60  # seconds for `streamlit run` to answer its health check
TIMEOUT_MS = 20_000  # any single wait in the browser

PAGES = {  # URL path -> word the page title must contain (titles may be reworded around it)
    "/": "Tổng quan",
    "/tham-gia": "Tham gia",
    "/kinh-phi": "Kinh phí",
    "/so-sanh": "So sánh",
    "/du-lieu": "Dữ liệu",
}
PROVINCE = re.compile(r"^Tỉnh\/thành phố")  # province multiselect; "\/" as Playwright's parser stops at "/"
FIRST_LINK = "/du-lieu?tinh=79"  # what the first visitor after a server start opens

# Installed in every page: what the user sees of the main area (text, drawn charts) and the URL's query.
SIGNATURE_JS = """window.__viewSignature = () => {
  const main = document.querySelector('[data-testid="stMain"]');
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg').length;
  return [main ? main.innerText : '', charts, location.search].join('|');
};"""
# Settled = nothing running, nothing stale, and the signature unchanged for STABLE_POLLS polls in a row.
SETTLED_JS = """polls => {
  const busy = document.querySelector(
    '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSkeleton"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const sig = window.__viewSignature();
  if (busy || !main || sig !== window.__settleSig) { window.__settleSig = sig; window.__settleCount = 0; return false; }
  return ++window.__settleCount >= polls;
}"""
STABLE_POLLS = 3
POLL_MS = 150

# Everything a user sees as "the view": KPI tiles and the current value of every widget, by label.
VIEW_STATE_JS = """() => {
  const text = (root, id) => (root.querySelector(`[data-testid="${id}"]`)?.innerText ?? '').trim();
  const kpis = {};
  for (const m of document.querySelectorAll('[data-testid="stMetric"]'))
    kpis[text(m, 'stMetricLabel')] = [text(m, 'stMetricValue'), text(m, 'stMetricDelta')];
  const widgets = {};
  for (const w of document.querySelectorAll('[data-testid="stMultiSelect"]'))
    widgets[text(w, 'stWidgetLabel')] = [...w.querySelectorAll('[data-tag]')].map(t => t.getAttribute('aria-label'));
  for (const w of document.querySelectorAll('[data-testid="stSelectbox"]'))
    widgets[text(w, 'stWidgetLabel')] = w.querySelector('input[role="combobox"]')?.value ?? null;
  for (const w of document.querySelectorAll('[data-testid="stRadio"]'))
    widgets[text(w, 'stWidgetLabel')] =
      (w.querySelector('[data-testid="stRadioOption"][data-selected="true"]')?.innerText ?? '').trim();
  for (const w of document.querySelectorAll('[data-testid="stCheckbox"]'))
    widgets[text(w, 'stWidgetLabel')] = w.querySelector('input')?.checked ?? null;
  return {kpis, widgets};
}"""


# --- the app under test ----------------------------------------------------------------------------------------


@dataclass
class FirstVisit:
    """What the first browser session after the server started saw (opening FIRST_LINK)."""

    title: str = ""
    dialogs: list[str] = field(default_factory=list)


@dataclass
class App:
    base: str
    log: Path
    first_visit: FirstVisit = field(default_factory=FirstVisit)

    def url(self, path: str) -> str:
        return self.base + path

    def log_size(self) -> int:
        return self.log.stat().st_size

    def log_since(self, offset: int) -> str:
        with self.log.open("rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", "replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_healthy(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit did not answer {url} within {START_TIMEOUT} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium; missing means skip on a workstation but fail under CI."""
    missing = None if sync_playwright else "the playwright package is not installed"
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(f"browser tests need a real browser: {missing}")
    return CHROMIUM


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, chromium) -> Path:
    """The demo forms, ingested into a warehouse of this module's own."""
    folder = tmp_path_factory.mktemp("browser")
    generate_demo(folder / "forms")
    db = folder / "warehouse.duckdb"
    results = ingest_paths([folder / "forms"], db)
    assert results and db.exists()
    return db


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def fresh_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(SIGNATURE_JS)
    return context


@pytest.fixture(scope="module")
def app(warehouse: Path, browser: Browser) -> Iterator[App]:
    """`streamlit run app.py` on a free local port, stopped at the end whatever happens.

    The first session after a start behaves differently (see test_first_visit_after_start_opens_the_link),
    so it is always the same one, made here: a shared link, recorded in `App.first_visit`.
    """
    port = free_port()
    log = warehouse.with_name("streamlit.log")
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", HOST, "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "HTSD_WAREHOUSE": str(warehouse)}
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            served = App(f"http://{HOST}:{port}", log)
            wait_healthy(process, served.url("/_stcore/health"), log)
            served.first_visit = first_visit(browser, served)
            yield served
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def first_visit(browser: Browser, app: App) -> FirstVisit:
    context = fresh_context(browser)
    try:
        page = visit(context.new_page(), app, FIRST_LINK)
        save_screenshot(page, "first-visit")
        return FirstVisit(page.locator('[data-testid="stMain"] h1').first.inner_text(),
                          page.get_by_test_id("stDialog").all_inner_texts())
    finally:
        context.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Pages in fresh contexts (nothing shared between them but what a URL carries)."""
    contexts: list[BrowserContext] = []

    def open_fresh() -> Page:
        contexts.append(fresh_context(browser))
        return contexts[-1].new_page()

    yield open_fresh
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


# --- helpers -----------------------------------------------------------------------------------------------------


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the current run and the page stopped changing."""
    page.evaluate("() => { window.__settleSig = null; window.__settleCount = 0; }")
    page.wait_for_function(SETTLED_JS, arg=STABLE_POLLS, polling=POLL_MS)


def visit(page: Page, app: App, path: str) -> Page:
    page.goto(app.url(path))
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    settle(page)
    return page


def view_state(page: Page) -> dict:
    return page.evaluate(VIEW_STATE_JS)


def params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def main_area(page: Page) -> Locator:
    return page.get_by_test_id("stMain")


@contextmanager
def rerun(page: Page, action: str) -> Iterator[None]:
    """Around a user action: wait for the page to change, then for Streamlit to settle."""
    before = page.evaluate("() => window.__viewSignature()")
    yield
    try:
        page.wait_for_function("before => window.__viewSignature() !== before", arg=before, polling=POLL_MS)
    except PlaywrightTimeout:
        pytest.fail(f"{action}: nothing on the page changed")
    settle(page)


def choose(page: Page, scope: Locator, label: re.Pattern, option: str | re.Pattern) -> None:
    """Pick `option` in the select box or multiselect labelled `label`."""
    with rerun(page, f"choosing {option} in {label.pattern}"):
        scope.get_by_role("combobox", name=label).click()
        page.get_by_role("option", name=option).first.click()
        page.keyboard.press("Escape")


def kpi(state: dict, label: str) -> str:
    """The value of the one tile whose label contains `label`."""
    found = [value for name, (value, _) in state["kpis"].items() if label in name]
    assert len(found) == 1, f"expected one KPI tile labelled {label!r}, got {state['kpis']}"
    return found[0]


def as_number(text: str) -> float:
    """'686.385' or '12.578,5' (Vietnamese grouping) as a number."""
    return float(text.replace(".", "").replace(",", "."))


def widget(state: dict, label: re.Pattern):
    found = [value for name, value in state["widgets"].items() if label.search(name)]
    assert len(found) == 1, f"expected one widget labelled {label.pattern!r}, got {state['widgets']}"
    return found[0]


def save_screenshot(page: Page, path: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    target = Path(folder) / f"{path.strip('/') or 'tong-quan'}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000, f"{target} looks blank"


def download(page: Page, button: re.Pattern) -> tuple[str, bytes]:
    """Click the download button whose text matches; the file's suggested name and its bytes."""
    with page.expect_download() as started:
        page.get_by_test_id("stDownloadButton").filter(has_text=button).click()
    done = started.value
    assert done.failure() is None, done.failure()
    return done.suggested_filename, Path(done.path()).read_bytes()


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
