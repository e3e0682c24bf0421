"""The login cookie set HttpOnly, in a real browser, when the dashboard is served by `streamlit run app.py`
(st.App with dashboard.login_cookie's routes): no script in the page can read it, yet a reload or a new tab
still starts logged in, and logging out deletes it.

Without /usr/bin/chromium the module is skipped, except under CI (env CI set), where it fails.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import App, login_cookies, main_area, sidebar, visit, wait_until
from test_browser_login import log_in, menu, officer_server, reload

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    with officer_server(tmp_path_factory.mktemp("browser_httponly")) as served:
        yield served


def test_the_login_cookie_is_httponly_and_still_lasts_through_a_reload(new_page, app: App):
    page = new_page()
    visit(page, app, "/tinh-hinh-nop")
    log_in(page, re.compile(r"/tinh-hinh-nop(\?.*)?$"))  # back to the page asked for
    assert "Trần Văn Hòa" in sidebar(page).inner_text()
    [cookie] = login_cookies(page)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert 11.9 * 3600 < cookie["expires"] - time.time() <= 12 * 3600
    assert "htsd_login" not in page.evaluate("() => document.cookie")  # out of reach of any script in the page
    assert main_area(page).locator("h1").first.inner_text() == "Tình hình nộp báo cáo"

    reload(page)
    assert "Trần Văn Hòa" in sidebar(page).inner_text() and "Dữ liệu" in menu(page)
    tab = visit(page.context.new_page(), app, "/nop-bao-cao")
    assert main_area(tab).locator("h1").first.inner_text() == "Nộp báo cáo"

    sidebar(tab).get_by_role("button", name="Đăng xuất").click()  # then the server's route, then the home page
    wait_until(lambda: not login_cookies(page), tab)
    assert login_cookies(page) == []
    reload(page)
    assert "Dữ liệu" not in menu(page) and "Trần Văn Hòa" not in sidebar(page).inner_text()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_the_routes_return_only_to_a_page_of_this_server(new_page, app: App, target):
    page = new_page()
    answer = page.request.get(app.url("/_htsd/logout"), params={"next": target}, max_redirects=0)
    assert answer.status == 303 and answer.headers["location"] == "/"


def test_an_unknown_ticket_sets_no_cookie(new_page, app: App):
    page = new_page()
    answer = page.request.get(app.url("/_htsd/login"), params={"ticket": "forged", "next": "/nop-bao-cao"},
                              max_redirects=0)
    assert answer.status == 303 and answer.headers["location"] == "/nop-bao-cao"
    assert "set-cookie" not in answer.headers


def test_the_log_names_no_ticket_and_no_cookie(app: App):
    assert not re.search(r"htsd_login=|ticket=", Path(app.log).read_text(errors="replace"))
