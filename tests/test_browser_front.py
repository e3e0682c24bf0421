"""Two replicas behind nginx (deploy/), in a real browser through the front door only, as users reach them.

What needs the sticky cookie: a password login goes from the page to the server's login route with a one-time
ticket held by the replica that made it, and an upload is sent over HTTP to the replica holding the session. Both
must work whichever replica a new browser is placed on, so each test repeats with fresh browsers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import browser_support
import pytest
from browser_support import App, as_number, kpi, main_area, upload_confirmed, view_state, visit
from test_browser_intake import QUANG_NINH, filled_template

from deploy.replicas import cluster, free_base
from etl import accounts

pytestmark = pytest.mark.browser

OFFICER, PASSWORD = "hoa", "qua-cua-truoc-2026"
BROWSERS = 3  # with a replica chosen at random for each, a front without stickiness fails one of them 3 times in 4


@pytest.fixture(scope="module")
def front(tmp_path_factory, demo: Path) -> App:
    folder = tmp_path_factory.mktemp("front")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(demo, warehouse)
    people = folder / "accounts.toml"
    accounts.add_account(OFFICER, "officer", PASSWORD, "Lê Thị Hoa", path=people)
    env = {"HTSD_WAREHOUSE": str(warehouse), "HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}
    with cluster(2, free_base(2), env) as running:
        yield App(running.url, running.prefix / "error.log")


def log_in(page, app: App, path: str) -> None:
    visit(page, app, path)
    browser_support.log_in(page, OFFICER, PASSWORD, re.compile(rf"{re.escape(path)}(\?.*)?$"))


def test_a_password_login_through_nginx_lands_logged_in(new_page, front):
    for _ in range(BROWSERS):
        page = new_page()
        log_in(page, front, "/tinh-hinh-nop")
        assert main_area(page).locator("h1").first.inner_text() == "Tình hình nộp báo cáo"


def test_an_upload_through_nginx_is_loaded_and_shown(new_page, front, tmp_path):
    """Quảng Ninh's two wards (test_browser_intake.QUANG_NINH): 1.500 + 420 + 800 = 2.720 participants."""
    name, issuer, province, rows = QUANG_NINH
    workbook = filled_template(tmp_path, issuer, province, rows)
    viewer = new_page()
    before = as_number(kpi(view_state(visit(viewer, front, "/")), "Người tham gia"))
    officer = new_page()
    log_in(officer, front, "/nop-bao-cao")
    upload_confirmed(officer, name, workbook)
    officer.get_by_text(f"{name} — đã nạp 2 báo cáo (mới).").wait_for()
    after = as_number(kpi(view_state(visit(viewer, front, "/")), "Người tham gia"))
    assert after - before == 2720
