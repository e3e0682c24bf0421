"""What every real-browser test needs: a Streamlit server on a free port, Debian's Chromium through
Playwright, and the waits and look-ups that read a page as a user sees it.

The fixtures built on these (`chromium`, `browser`, `new_page`, `page`) are in conftest.py.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # handled by require_chromium: skip locally, fail under CI
    sync_playwright = None

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}
HOST = "127.0.0.1"
START_TIMEOUT = 60  # seconds for `streamlit run` to answer its health check
TIMEOUT_MS = 20_000  # any single wait in the browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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


@dataclass
class App:
    base: str
    log: Path

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


@contextmanager
def serve(warehouse: Path, log: Path, env: dict[str, str] | None = None, script: str = "app.py",
          port: int | None = None) -> Iterator[App]:
    """`streamlit run app.py` (or another `script`) on `port` (default a free local one) against `warehouse`,
    stopped at the end whatever happens."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
               "--server.address", HOST, "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    environment = {**os.environ, "HTSD_WAREHOUSE": str(warehouse), **(env or {})}
    with log.open("ab") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=sink, stderr=subprocess.STDOUT)
        try:
            served = App(f"http://{HOST}:{port}", log)
            wait_healthy(process, served.url("/_stcore/health"), log)
            yield served
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def require_chromium() -> Path:
    """Debian's Chromium; missing means skip on a workstation but fail under CI."""
    missing = None if sync_playwright else "the playwright package is not installed"
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(f"browser tests need a real browser: {missing}")
    return CHROMIUM


def fresh_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(SIGNATURE_JS)
    return context


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the current run and the page stopped changing."""
    page.evaluate("() => { window.__settleSig = null; window.__settleCount = 0; }")
    page.wait_for_function(SETTLED_JS, arg=STABLE_POLLS, polling=POLL_MS)


def visit(page: Page, app: App, path: str) -> Page:
    page.goto(app.url(path))
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    settle(page)
    return page


def login_cookies(page: Page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"] == "htsd_login"]


def wait_until(condition: Callable[[], object], page: Page) -> None:
    """Poll a condition on the browser's cookies (which no page script can see) for up to a wait's time."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not condition() and time.monotonic() < deadline:
        page.wait_for_timeout(100)


def log_in(page: Page, username: str, password: str, lands_on: str | re.Pattern) -> None:
    """Fill the login form (the bcrypt check); the page then goes to the server's route, which sets the cookie
    and sends it back to the page it leads to (a new session, which the cookie logs in)."""
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    wait_until(lambda: login_cookies(page), page)
    _landed(page, lands_on)


def log_out(page: Page) -> None:
    """'Đăng xuất': through the server's route, which deletes the cookie, to the home page."""
    sidebar(page).get_by_role("button", name="Đăng xuất").click()
    wait_until(lambda: not login_cookies(page), page)
    _landed(page, re.compile(r"/(\?.*)?$"))


def _landed(page: Page, url: str | re.Pattern) -> None:
    page.wait_for_url(url)
    page.wait_for_load_state()
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    settle(page)


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
    settle(page)  # a button that still reran the page would give the next one a new file id mid-click
    return done.suggested_filename, Path(done.path()).read_bytes()


def upload_confirmed(page: Page, name: str, workbook: bytes) -> None:
    """On 'Nộp báo cáo': drop one workbook, wait for its preview, confirm it."""
    with rerun(page, "dropping the file"):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [{"name": name, "mimeType": XLSX, "buffer": workbook}])
    confirm = page.get_by_role("button", name="Xác nhận nạp 1 tệp")
    confirm.wait_for()
    settle(page)
    with rerun(page, "confirming"):
        confirm.click()
