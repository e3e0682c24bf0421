"""Lịch sử nộp báo cáo in a real browser: what the comparison of two versions names and shows after a search.

The browser keeps the report it shows by its label, which AppTest does not: the mismatch below (the list naming
one report while the table holds another's differences) only shows in a browser.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import App, main_area, rerun, serve, view_state
from test_browser_intake import OFFICER, PASSWORD, grid, log_in
from test_upload import resubmitted_wards

from etl import accounts
from etl.ingest import ingest_paths
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser

WARD = "Phường Tân Chánh Hiệp"


@pytest.fixture(scope="module")
def app(tmp_path_factory, chromium) -> Iterator[App]:
    """Two reports sent twice: Tân Chánh Hiệp's 2023 table (opening ceremony 1.200 -> 1.500 participants,
    social funds 5,5 -> 7 triệu), then Ho Chi Minh City's 2025 table, sent last, whose Phường Thới An had
    12 -> 15 communication activities."""
    folder = tmp_path_factory.mktemp("browser_history")
    first = (FIXTURES / "hcm_nfd_2025.csv").read_bytes()
    sent = {"q12_lan_2.xlsx": resubmitted_wards().data, "hcm_2025.csv": first,
            "hcm_2025_lan_2.csv": first.replace(b"An\t12\t", b"An\t15\t")}  # NFD text
    for name, data in sent.items():
        (folder / name).write_bytes(data)
    warehouse = folder / "warehouse.duckdb"
    for path in [FIXTURES / "q12_wards_2023.xlsx", *(folder / name for name in sent)]:
        assert ingest_paths([path], warehouse)[0].status in {"loaded", "replaced"}
    people = folder / "accounts.toml"
    accounts.add_account(OFFICER, "officer", PASSWORD, "Trần Văn Hòa", path=people)
    with serve(warehouse, folder / "streamlit.log", {"HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}) as served:
        yield served


def comparison(page) -> tuple[str, list[dict[str, str]]]:
    """The report the comparison names, and its table of differences."""
    tables = main_area(page).get_by_test_id("stDataFrame").count()
    return view_state(page)["widgets"]["Báo cáo"], grid(page, tables - 1)


def test_after_a_search_the_comparison_is_of_the_unit_it_names(page, app: App):
    log_in(page, app, "/lich-su")
    named, changes = comparison(page)
    assert named == "Phường Thới An — năm 2025 (2 phiên bản)"
    assert [(c["Trước"], c["Sau"], c["Thay đổi"]) for c in changes] == [("12", "15", "+3")]

    with rerun(page, "searching for Tân Chánh Hiệp"):
        search = main_area(page).get_by_label("Tìm đơn vị")
        search.fill("tan chanh hiep")
        search.press("Enter")

    named, changes = comparison(page)
    assert named == f"{WARD} — năm 2023 (2 phiên bản)"
    assert [(c["Chỉ tiêu"], c["Trước"], c["Sau"], c["Thay đổi"]) for c in changes] == [
        ("Lễ khai mạc, phát động — người tham gia", "1.200", "1.500", "+300"),
        ("Xã hội hóa (đồng)", "5.500.000", "7.000.000", "+1.500.000")]
