"""The app's buttons for the meeting outputs: the overview's deck and PDF, the status page's report for the level
above (officers), through Streamlit's AppTest on the demo warehouse."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import openpyxl
import pytest
import streamlit as st
from app_support import catch_downloads, download, remember_navigation
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from etl.accounts import add_account
from etl.demo.build import generate_demo
from etl.ingest import ingest_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("meeting")
    generate_demo(root / "forms")
    ingest_paths([root / "forms"], root / "warehouse.duckdb")
    add_account("canbo", "officer", "mat-khau-can-bo", "Nguyễn Văn Cán", path=root / "accounts.toml")
    return root


@pytest.fixture
def app(demo, monkeypatch):
    monkeypatch.setenv("HTSD_WAREHOUSE", str(demo / "warehouse.duckdb"))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(demo / "accounts.toml"))
    remember_navigation(monkeypatch)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def one(path: Path, query: str, params: list):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(query, params).fetchone()
    finally:
        con.close()


def vn(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def test_overview_hands_out_the_deck_and_the_pdf(app, demo, monkeypatch):
    files = catch_downloads(monkeypatch)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["tinh"] = "79"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (people,) = one(demo / "warehouse.duckdb",
                    "SELECT sum(participants) FROM report_facts WHERE year = 2026 AND province_code = '79'", [])
    deck = Presentation(io.BytesIO(download(at, files, "briefing_pptx")))
    headline = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Số liệu chính")
    table = next(sh for sh in headline.shapes if sh.has_table).table
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows}
    assert rows["Người tham gia"][4] == vn(int(people))
    assert "Thành phố Hồ Chí Minh · năm 2026 so với năm 2025" in " ".join(
        sh.text_frame.text for sh in headline.shapes if sh.has_text_frame)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(download(at, files, "briefing_pdf"))).pages)
    assert f"ghi {vn(int(people))} người tham gia" in " ".join(text.split())


def test_overview_asks_for_one_province_at_most(app):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["tinh"] = "79,75"
    at.run()
    assert not any(b.key == "briefing_pptx" for b in at.get("download_button"))
    assert any("cả nước hoặc một tỉnh/thành phố" in i.value for i in at.info)


def test_status_page_exports_the_report_for_the_level_above(app, demo, monkeypatch):
    """An Giang of today in 2023 is two old provinces: one workbook each, each speaking for its own province."""
    files = catch_downloads(monkeypatch)
    at = AppTest.from_file(str(ROOT / "pages" / "status.py"), default_timeout=60)
    at.session_state["auth_username"] = "canbo"
    at.query_params.update({"nam": "2023", "cap": "district", "tinh": "91"})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    keys = [b.key for b in at.get("download_button") if b.key.startswith("upward_")]
    assert keys == ["upward_Tỉnh_An_Giang", "upward_Tỉnh_Kiên_Giang"]
    sheet = openpyxl.load_workbook(io.BytesIO(download(at, files, "upward_Tỉnh_Kiên_Giang")))["Tổng hợp"]
    assert sheet["A1"].value == "UBND TỈNH KIÊN GIANG" and sheet["A4"].value.endswith("NĂM 2023")
    name_column = next(c.column_letter for c in sheet[7] if c.value == "Đơn vị")
    total_row = [c.value for c in sheet[name_column]].index("TỔNG CỘNG") + 1
    people_columns = [c.column for c in sheet[8] if c.value == "Số người tham gia"]
    shown = sum(sheet.cell(total_row, c).value or 0 for c in people_columns)
    (expected,) = one(demo / "warehouse.duckdb", """
        SELECT sum(f.participants) FROM report_facts f
        JOIN units d ON d.level = 'district' AND d.parent_key = 'L:P:91' AND (f.unit_key = d.unit_key OR
             f.unit_key IN (SELECT unit_key FROM unit_ancestors WHERE ancestor_key = d.unit_key))
        WHERE f.year = 2023""", [])
    assert shown == expected


def test_presentation_mode_steps_through_screens_kept_in_the_url(app, demo, monkeypatch):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"tinh": "75", "trang": "2"})
    at.run()
    at.switch_page("pages/present.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Số liệu chính"
    (people,) = one(demo / "warehouse.duckdb",
                    "SELECT sum(participants) FROM report_facts WHERE year = 2026 AND province_code = '75'", [])
    assert {m.label: m.value for m in at.metric}["Người tham gia"] == vn(int(people))
    scope = [t.value for t in at.text if t.value.startswith("2/")]
    assert scope == ["2/8 · Tỉnh Đồng Nai · năm 2026 so với năm 2025 · địa giới hiện nay (từ 1/7/2025)"]
    at.button(key="present_next").click().run()
    assert at.title[0].value == "Người tham gia qua các năm" and at.query_params["trang"] == "3"
    at.button(key="present_previous").click().run()
    at.button(key="present_previous").click().run()
    assert at.title[0].value.startswith("Tuần lễ hưởng ứng học tập suốt đời năm 2026")
    assert at.button(key="present_previous").disabled
