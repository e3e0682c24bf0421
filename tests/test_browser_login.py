"""Logging in and out in a real browser: Debian's Chromium, driven by Playwright, against `streamlit run app.py`
with an accounts file of the test's own (HTSD_ACCOUNTS). The login cookie itself: tests/test_browser_httponly.py.

Without /usr/bin/chromium the module is skipped, except under CI (env CI set), where it fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import browser_support
import pytest
from browser_support import App, Page, log_out, main_area, save_screenshot, serve, settle, sidebar, visit

from etl import accounts
from etl.ingest import ingest_paths

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "hue_long_2020.csv"
OFFICER, PASSWORD = "hoa", "can-bo-du-lieu-2025"


@contextmanager
def officer_server(folder: Path) -> Iterator[App]:
    """Huế's fixture in a warehouse of its own, the officer's account, and the server."""
    warehouse = folder / "warehouse.duckdb"
    assert ingest_paths([FIXTURE], warehouse)[0].status == "loaded"
    people = folder / "accounts.toml"
    accounts.add_account(OFFICER, "officer", PASSWORD, "Trần Văn Hòa", path=people)
    env = {"HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}
    with serve(warehouse, folder / "streamlit.log", env) as served:
        yield served


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    with officer_server(tmp_path_factory.mktemp("browser_login")) as served:
        yield served


def menu(page: Page) -> dict[str, list[str]]:
    """The navigation as shown: section heading -> page links under it ("" for links above any heading)."""
    shown: dict[str, list[str]] = {}
    section = ""
    for item in sidebar(page).get_by_test_id("stSidebarNav").locator(
            '[data-testid="stNavSectionHeader"], [data-testid="stSidebarNavLink"]').all():
        text = item.inner_text().strip().splitlines()[-1]  # after the icon's ligature name
        if item.get_attribute("data-testid") == "stNavSectionHeader":
            section = text
        else:
            shown.setdefault(section, []).append(text)
    return shown


def log_in(page: Page, lands_on: str | re.Pattern) -> None:
    browser_support.log_in(page, OFFICER, PASSWORD, lands_on)


def test_officer_logs_in_sees_the_data_section_and_logs_out(page: Page, app: App):
    visit(page, app, "/nop-bao-cao")  # a data page without a login: the login page, saying why
    assert re.search(r"/dang-nhap$", page.url.split("?")[0]), page.url
    assert "dành cho cán bộ dữ liệu" in main_area(page).inner_text()
    assert "Dữ liệu" not in menu(page) and "Đăng nhập" in menu(page)[""]

    log_in(page, "**/nop-bao-cao")  # back where the officer was going
    assert menu(page)["Dữ liệu"] == ["Nộp báo cáo", "Lịch sử nộp báo cáo", "Tình hình nộp báo cáo",
                                     "Chất lượng dữ liệu", "Chuẩn hóa tên đơn vị"]
    assert "Quản trị" not in menu(page) and "" not in menu(page)  # no admin pages, no login link
    assert "Trần Văn Hòa" in sidebar(page).inner_text()
    save_screenshot(page, "dang-nhap-can-bo")

    log_out(page)

    assert "Dữ liệu" not in menu(page) and menu(page)[""] == ["Đăng nhập"]
    assert "Trần Văn Hòa" not in sidebar(page).inner_text()
    assert main_area(page).locator("h1").first.inner_text() == "Tổng quan"


def test_a_login_stays_in_its_own_browser(new_page, app: App):
    officer = new_page()
    visit(officer, app, "/dang-nhap")
    log_in(officer, re.compile(r"/(\?.*)?$"))  # nothing asked for: the home page
    assert "Dữ liệu" in menu(officer)

    stranger = visit(new_page(), app, "/tinh-hinh-nop")
    assert stranger.url.split("?")[0].endswith("/dang-nhap")
    assert "Dữ liệu" not in menu(stranger)


def reload(page: Page) -> None:
    """Reload the page, which starts a new Streamlit session: what a session held is gone."""
    page.reload()
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    settle(page)
