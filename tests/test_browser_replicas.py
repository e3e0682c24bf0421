"""Several app replicas on one published warehouse, in a real browser: what one replica writes, every other shows;
a login made on one is honoured by another; a session outlives a restart of its replica.

Two `streamlit run app.py` processes share what deploy/ says replicas share: the warehouse (its writer lock and
published folder), the accounts file and its login cookie key. Each reads only the published snapshot; neither
keeps a copy of its own. Expected numbers are the forms' own, added by hand.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import browser_support
import pytest
from browser_support import (
    App,
    Page,
    choose,
    main_area,
    params,
    serve,
    settle,
    upload_confirmed,
    view_state,
    visit,
)
from test_browser_intake import QUANG_NINH, filled_template, overview

from etl import accounts

pytestmark = pytest.mark.browser

OFFICER, PASSWORD = "lan", "can-bo-hai-may-2026"
# Quảng Ninh's two wards (test_browser_intake.QUANG_NINH): Hạ Long 2 + 3 activities, 1,500 + 420 people,
# 30 + 12 million; Bãi Cháy 4 activities, 800 people, 8 million from the state budget
UPLOADED = {"units": 2, "events": 9, "participants": 2720, "state_budget": 38_000_000, "social": 12_000_000}


@pytest.fixture(scope="module")
def shared(tmp_path_factory, demo: Path) -> dict[str, str]:
    """What every replica is given: a copy of the demo warehouse (never published yet) and one accounts file."""
    folder = tmp_path_factory.mktemp("replicas")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(demo, warehouse)
    people = folder / "accounts.toml"
    accounts.add_account(OFFICER, "officer", PASSWORD, "Phạm Thị Lan", path=people)
    return {"HTSD_WAREHOUSE": str(warehouse), "HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}


@pytest.fixture(scope="module")
def replicas(shared, tmp_path_factory) -> Iterator[tuple[App, App]]:
    logs = tmp_path_factory.mktemp("replica_logs")
    with ExitStack() as running:
        yield tuple(running.enter_context(serve(Path(shared["HTSD_WAREHOUSE"]), logs / f"{name}.log", shared))
                    for name in "ab")


def log_in(page: Page, app: App, path: str) -> None:
    visit(page, app, path)
    # the page may put its choices in the URL as it lands (`?nam=…`)
    browser_support.log_in(page, OFFICER, PASSWORD, re.compile(rf"{re.escape(path)}(\?.*)?$"))


def test_an_upload_confirmed_on_one_replica_shows_on_the_other(new_page, replicas, tmp_path):
    a, b = replicas
    before = overview(new_page, a)
    officer = new_page()
    log_in(officer, b, "/nop-bao-cao")
    name, issuer, province, rows = QUANG_NINH
    upload_confirmed(officer, name, filled_template(tmp_path, issuer, province, rows))
    officer.get_by_text(f"{name} — đã nạp 2 báo cáo (mới).").wait_for()

    after = overview(new_page, a)
    assert {k: round(after[k] - before[k]) for k in UPLOADED} == UPLOADED


def test_a_login_made_on_one_replica_is_honoured_by_the_other(new_page, replicas):
    a, b = replicas
    page = new_page()
    log_in(page, a, "/tinh-hinh-nop")
    visit(page, b, "/lich-su")  # the cookie A signed, read by B with the shared key
    assert main_area(page).locator("h1").first.inner_text() == "Lịch sử nộp báo cáo"
    assert "Đăng nhập" not in [h.strip() for h in main_area(page).locator("h1").all_inner_texts()]


def test_a_session_survives_its_replica_being_restarted(new_page, shared, tmp_path):
    """The browser reconnects by itself to the replica started again on the same port, and shows the same view:
    the page, its choices in the URL and the login (the cookie) all outlive the process."""
    warehouse, log = Path(shared["HTSD_WAREHOUSE"]), tmp_path / "restarted.log"
    port = browser_support.free_port()
    page = new_page()
    with serve(warehouse, log, shared, port=port) as app:
        log_in(page, app, "/tinh-hinh-nop")
        visit(page, app, "/tinh-hinh-nop?nam=2025&cap=commune")
        before = view_state(page)
    page.get_by_test_id("stConnectionStatus").wait_for()  # the browser saw its server go
    with serve(warehouse, log, shared, port=port):
        page.get_by_test_id("stConnectionStatus").wait_for(state="detached", timeout=60_000)
        settle(page)
        assert page.url.endswith("/tinh-hinh-nop?nam=2025&cap=commune")
        assert view_state(page) == before
        choose(page, main_area(page), re.compile("^Năm"), "2024")  # a live session on the new process
        assert params(page)["nam"] == ["2024"]
        assert main_area(page).locator("h1").first.inner_text() == "Tình hình nộp báo cáo"
