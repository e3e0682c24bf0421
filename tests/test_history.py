"""The history of submitted reports: every version kept (views report_versions, report_version_facts,
archived_files) and the page "Lịch sử nộp báo cáo" that lists them, hands back the original files and
compares two versions.

The warehouse: Quận 12's ward table loaded from the command line, then, uploaded by the officer, its
resubmission (Tân Chánh Hiệp: opening ceremony 1.200 -> 1.500 participants, social funds 5,5 -> 7 triệu)
and Châu Phú's 2020 form.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from app_support import download
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES
from tests.test_upload import (  # noqa: F401 (app_env is a fixture)
    OFFICER,
    VIEWER,
    app_env,
    fixture,
    open_page,
    preview_and_confirm,
    resubmitted_wards,
)

WARD = "Phường Tân Chánh Hiệp"


@pytest.fixture
def history(app_env: Path, index) -> Path:  # noqa: F811 (the imported fixture)
    preview_and_confirm(app_env, index, [resubmitted_wards(), fixture("chau_phu_2020.xls")])
    return app_env


@pytest.fixture
def stored(history: Path):
    """Run a query on the history's warehouse, read-only."""

    def run(query: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(history), read_only=True)
        try:
            return con.execute(query, params or []).fetchall()
        finally:
            con.close()

    return run


# --- the views -------------------------------------------------------------------------------------------------------


def test_every_version_is_kept_with_who_sent_it_and_the_file(stored):
    rows = stored("""SELECT version, is_current, submitted_by, file_name, events, participants, state_budget_vnd,
                            social_vnd
                     FROM report_versions WHERE unit_name = ? AND year = 2023 ORDER BY version""", [WARD])
    assert rows == [(1, False, None, "q12_wards_2023.xlsx", 3, 1500, 15_000_000, 5_500_000),
                    (2, True, OFFICER, "Báo cáo Quận 12 - lần 2.xlsx", 3, 1800, 15_000_000, 7_000_000)]
    assert stored("SELECT unit_name, version, is_current FROM report_versions WHERE year = 2020") == [
        ("Huyện Châu Phú", 1, True)]
    assert stored("SELECT count(*) FROM report_versions") == [(5,)]  # 3 wards + the resubmitted one + Châu Phú


def test_version_facts_hold_each_versions_activities(stored):
    rows = stored("""SELECT v.version, f.indicator, f.events, f.participants
                  FROM report_version_facts f JOIN report_versions v USING (submission_id)
                  WHERE v.unit_name = ? ORDER BY v.version, f.indicator""", [WARD])
    assert rows == [(1, "contest", 2, 300), (1, "opening_ceremony", 1, 1200),
                    (2, "contest", 2, 300), (2, "opening_ceremony", 1, 1500)]


def test_archived_files_are_the_bytes_as_sent(stored):
    files = dict(stored("SELECT file_name, content FROM archived_files"))
    assert files == {"q12_wards_2023.xlsx": (FIXTURES / "q12_wards_2023.xlsx").read_bytes(),
                      "Báo cáo Quận 12 - lần 2.xlsx": resubmitted_wards().data,
                      "chau_phu_2020.xls": (FIXTURES / "chau_phu_2020.xls").read_bytes()}


# --- the page ------------------------------------------------------------------------------------------------------


def history_page() -> AppTest:
    return open_page("pages/history.py", OFFICER)


def listed(at: AppTest):
    """The table of versions (the page's first table)."""
    return at.main.dataframe[0].value


def compared(at: AppTest):
    """The differences between the two chosen versions (the page's last table)."""
    return at.main.dataframe[-1].value


def test_the_history_page_is_for_data_officers(history):
    at = open_page("pages/history.py", VIEWER)
    assert "dành cho cán bộ dữ liệu" in at.warning[0].value
    assert not at.dataframe


def test_the_page_lists_every_version_with_who_when_and_file(history, stored):
    at = history_page()
    at.text_input(key="ls_unit").input("tan chanh hiep").run()  # without accents

    table = listed(at)
    stamps = [f"{when:%d/%m/%Y %H:%M}" for (when,) in stored(
        "SELECT submitted_at FROM report_versions WHERE unit_name = ? ORDER BY version DESC", [WARD])]
    assert table[["Đơn vị", "Phiên bản", "Đang dùng", "Thời điểm nạp", "Người nộp", "Tệp", "Người tham gia",
                  "Xã hội hóa (đồng)"]].values.tolist() == [
        [WARD, "2", "có", stamps[0], OFFICER, "Báo cáo Quận 12 - lần 2.xlsx", "1.800", "7.000.000"],
        [WARD, "1", "", stamps[1], "(dòng lệnh)", "q12_wards_2023.xlsx", "1.500", "5.500.000"]]
    assert at.main.caption[0].value.startswith("2 phiên bản báo cáo")


def test_filters_by_year_and_province(history):
    at = history_page()
    assert len(listed(at)) == 5
    at.selectbox(key="ls_year").select(2020).run()
    assert listed(at)["Đơn vị"].tolist() == ["Huyện Châu Phú"]
    at.selectbox(key="ls_year").select(2023).run()
    at.selectbox(key="ls_province").select("79").run()
    assert sorted(listed(at)["Đơn vị"]) == sorted([WARD, WARD, "Phường Thạnh Xuân", "Phường Hiệp Thành"])
    at.selectbox(key="ls_province").select("91").run()
    assert "Không có phiên bản báo cáo nào khớp bộ lọc." in at.info[0].value


def test_the_original_file_downloads_unchanged(history, downloads):
    at = history_page()
    at.text_input(key="ls_unit").input("Châu Phú").run()
    assert download(at, downloads, "ls_download") == (FIXTURES / "chau_phu_2020.xls").read_bytes()

    at.text_input(key="ls_unit").input(WARD).run()
    at.selectbox(key="ls_file").set_value(resubmitted_wards().sha256).run()
    assert download(at, downloads, "ls_download") == resubmitted_wards().data


def test_two_versions_compared_figure_by_figure(history):
    at = history_page()
    assert at.selectbox(key="ls_report").options == [f"{WARD} — năm 2023 (2 phiên bản)"]
    pair = [s for s in at.selectbox if s.key.startswith(("ls_before_2023_", "ls_after_2023_"))]
    assert [s.value for s in pair] == [1, 2]

    assert compared(at).values.tolist() == [
        ["Lễ khai mạc, phát động — người tham gia", "1.200", "1.500", "+300"],
        ["Xã hội hóa (đồng)", "5.500.000", "7.000.000", "+1.500.000"]]

    pair[0].set_value(2)
    pair[1].set_value(1)
    at.run()
    assert compared(at)["Thay đổi"].tolist() == ["-300", "-1.500.000"]
