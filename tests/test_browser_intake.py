"""Intake in a real browser: an officer logs in, drops two filled-in templates on "Nộp báo cáo", reads the
preview, confirms, and then finds the new numbers where anyone looks: the overview's KPIs move by exactly
what was uploaded, "Tình hình nộp báo cáo" marks the province received, and "Lịch sử nộp báo cáo" gives
the file back byte for byte.

Debian's Chromium, driven by Playwright, against `streamlit run app.py` on the demo warehouse and an
accounts file of the module's own. Without /usr/bin/chromium the module is skipped, except under CI.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import browser_support
import openpyxl
import pytest
from browser_support import (
    App,
    Page,
    as_number,
    download,
    kpi,
    main_area,
    rerun,
    save_screenshot,
    serve,
    settle,
    sidebar,
    view_state,
    visit,
)

from etl import accounts
from etl.demo.build import generate_demo
from etl.ingest import ingest_paths
from etl.template import FIRST_VALUE_COLUMN, HEADER_ROW, indicator_labels, write_template

pytestmark = pytest.mark.browser

OFFICER, PASSWORD = "hoa", "can-bo-du-lieu-2025"
YEAR = 2026  # the demo's latest year, which the overview shows; neither province below is in the demo
QUANG_NINH = ("Quảng Ninh 2026.xlsx", "UBND TỈNH QUẢNG NINH", "TỈNH QUẢNG NINH", [
    ("Phường Hạ Long", {"opening_ceremony": (2, 1500), "contest": (3, 420)}, 30_000_000, 12_000_000),
    ("Phường Bãi Cháy", {"reading": (4, 800)}, 8_000_000, 0)])
HAI_PHONG = ("Hải Phòng 2026.xlsx", "UBND THÀNH PHỐ HẢI PHÒNG", "THÀNH PHỐ HẢI PHÒNG", [
    ("Phường Hồng Bàng", {"class": (5, 250)}, 10_000_000, 5_000_000)])
UPLOADED = {"units": 3, "events": 14, "participants": 2970, "state_budget": 48_000_000, "social": 17_000_000}


def filled_template(folder: Path, issuer: str, province: str, rows: list) -> bytes:
    """The blank form of `python -m etl template`, filled in as a province's office would: one row per ward."""
    book = openpyxl.load_workbook(write_template(YEAR, folder / "blank.xlsx"))
    sheet = book["Báo cáo"]
    sheet["A1"], sheet["A2"] = issuer, province
    indicators = [key for key, _ in indicator_labels()]
    funding_column = FIRST_VALUE_COLUMN + 2 * len(indicators)
    for row, (unit, facts, state_budget, social) in enumerate(rows, start=HEADER_ROW + 2):
        sheet.cell(row, 2, unit)
        for indicator, (events, participants) in facts.items():
            column = FIRST_VALUE_COLUMN + 2 * indicators.index(indicator)
            sheet.cell(row, column, events)
            sheet.cell(row, column + 1, participants)
        sheet.cell(row, funding_column, state_budget)
        sheet.cell(row, funding_column + 1, social)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("intake_forms")
    return {name: filled_template(folder, issuer, province, rows) for name, issuer, province, rows in (QUANG_NINH,
                                                                                                      HAI_PHONG)}


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    """The demo forms in a warehouse of the module's own, an officer and the server."""
    folder = tmp_path_factory.mktemp("browser_intake")
    generate_demo(folder / "forms")
    warehouse = folder / "warehouse.duckdb"
    assert ingest_paths([folder / "forms"], warehouse)
    people = folder / "accounts.toml"
    accounts.add_account(OFFICER, "officer", PASSWORD, "Trần Văn Hòa", path=people)
    env = {"HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}
    with serve(warehouse, folder / "streamlit.log", env) as served:
        yield served


def overview(new_page, app: App) -> dict[str, float]:
    """The overview's tiles for the latest year, as anyone opening the dashboard sees them."""
    state = view_state(visit(new_page(), app, "/"))
    return {"units": as_number(kpi(state, "Đơn vị báo cáo")), "events": as_number(kpi(state, "Hoạt động")),
            "participants": as_number(kpi(state, "Người tham gia")),
            "state_budget": as_number(kpi(state, "Ngân sách nhà nước (triệu đồng)")) * 1_000_000,
            "social": as_number(kpi(state, "Xã hội hóa (triệu đồng)")) * 1_000_000}


def log_in(page: Page, app: App, path: str) -> None:
    """Open a data page: the login page comes first, then the page asked for."""
    visit(page, app, path)
    browser_support.log_in(page, OFFICER, PASSWORD, f"**{path}")


def open_from_menu(page: Page, title: str, path: str) -> None:
    """Follow a link of the sidebar's menu (the session, and so the login, carries over)."""
    sidebar(page).get_by_test_id("stSidebarNavLink").filter(has_text=title).click()
    page.wait_for_url(f"**{path}*")
    page.locator('[data-testid="stMain"] h1').filter(has_text=title).wait_for()
    settle(page)


def grid(page: Page, index: int = 0) -> list[dict[str, str]]:
    """The rows of the main area's n-th table as drawn: Streamlit's data grid paints a canvas and keeps the
    cells in view (rows and columns) in an accessible table beside it, which is read here."""
    table = main_area(page).get_by_test_id("stDataFrame").nth(index)
    table.locator('[role="gridcell"]').first.wait_for(state="attached")  # the hidden accessible copy of the canvas
    headers = [h.strip() for h in table.locator('[role="columnheader"]').all_inner_texts()]
    rows = [r.locator('[role="gridcell"]').all_inner_texts() for r in table.locator('[role="row"]').all()]
    return [dict(zip(headers, cells, strict=True)) for cells in rows if cells]


def uploader_texts(page: Page) -> list[str]:
    """The uploader's button and hint as drawn: where a text is hidden (0px), what its ::after shows instead."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stFileUploaderDropzone"] button p, [data-testid="stFileUploaderDropzoneInstructions"] span')]
      .map(e => getComputedStyle(e).fontSize === '0px'
                ? JSON.parse(getComputedStyle(e, '::after').content) : e.innerText)""")


def test_officer_uploads_previews_confirms_and_everyone_sees_the_new_numbers(new_page, app: App, forms):
    before = overview(new_page, app)
    page = new_page()
    log_in(page, app, "/nop-bao-cao")
    # Streamlit's own "Upload" / "10MB per file" (the server's ceiling, not the officers' limit) is not shown
    assert uploader_texts(page) == ["Chọn tệp", "Kéo thả tệp vào đây · mỗi tệp tối đa 5 MB"]

    with rerun(page, "dropping the files"):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [{"name": name, "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "buffer": data} for name, data in forms.items()])
    confirm_all = page.get_by_role("button", name="Xác nhận nạp 2 tệp")
    confirm_all.wait_for()
    settle(page)
    save_screenshot(page, "nop-bao-cao-xem-truoc")
    shown = main_area(page).inner_text()
    assert "2 tệp: 2 chờ xác nhận" in shown.replace("\n", " ")
    assert [r["Người tham gia"] for r in grid(page, 0)] == ["1.920", "800"]
    assert [(r["Đơn vị"], r["Ngân sách nhà nước (đồng)"], r["Xã hội hóa (đồng)"]) for r in grid(page, 1)] == [
        ("Phường Hồng Bàng", "10.000.000", "5.000.000")]

    with rerun(page, "confirming"):
        confirm_all.click()
    page.get_by_text("Hải Phòng 2026.xlsx — đã nạp 1 báo cáo (mới).").wait_for()
    settle(page)
    assert "Quảng Ninh 2026.xlsx — đã nạp 2 báo cáo (mới)." in main_area(page).inner_text()
    assert page.get_by_role("button", name=re.compile("^Xác nhận nạp")).count() == 0  # nothing to confirm twice

    after = overview(new_page, app)
    assert {k: round(after[k] - before[k]) for k in UPLOADED} == UPLOADED

    open_from_menu(page, "Tình hình nộp báo cáo", "/tinh-hinh-nop")
    with rerun(page, "choosing Quảng Ninh"):  # typed: the list of 34 shows only its first few
        main_area(page).get_by_role("combobox", name=re.compile(r"^Tỉnh\/thành phố")).fill("Quảng Ninh")
        page.get_by_role("option", name="Tỉnh Quảng Ninh").click()
        page.keyboard.press("Escape")
    [received] = grid(page)
    assert received["Đơn vị"] == "Tỉnh Quảng Ninh"
    assert received["Trạng thái"] in ("Đúng hạn", "Trễ hạn"), received

    open_from_menu(page, "Lịch sử nộp báo cáo", "/lich-su")
    save_screenshot(page, "lich-su")
    latest = grid(page)[0]
    assert (latest["Đơn vị"], latest["Người nộp"], latest["Tệp"]) == ("Phường Hồng Bàng", OFFICER,
                                                                       "Hải Phòng 2026.xlsx")
    name, data = download(page, re.compile("Tải tệp gốc"))
    assert (name, data) == ("Hải Phòng 2026.xlsx", forms["Hải Phòng 2026.xlsx"])
