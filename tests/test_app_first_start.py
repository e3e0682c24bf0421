"""On a fresh machine `streamlit run app.py` builds the demo warehouse first, with visible progress."""

from pathlib import Path

import duckdb
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.format import number
from warehouse import load as warehouse

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_first_start_builds_the_demo_warehouse_then_shows_it(tmp_path, monkeypatch):
    home = tmp_path / "warehouse.duckdb"
    monkeypatch.delenv("HTSD_WAREHOUSE", raising=False)
    monkeypatch.setattr(warehouse, "DEFAULT_DB", home)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception and not at.error
    assert [s.label for s in at.status] == ["Đã tạo kho dữ liệu minh họa (150 tệp)."]
    assert home.exists() and (tmp_path / "demo_forms" / "manifest.json").exists()
    assert not list(tmp_path.glob("*.building*"))  # built aside, then moved into place whole
    with duckdb.connect(str(home), read_only=True) as con:
        units, people = con.execute("""
            SELECT (SELECT count(DISTINCT unit_key) FROM current_reports WHERE year = y),
                   (SELECT sum(participants) FROM report_facts WHERE year = y)
            FROM (SELECT max(year) AS y FROM current_reports)""").fetchone()
    tiles = {m.label: m.value for m in at.metric}
    assert (tiles["Đơn vị báo cáo"], tiles["Người tham gia"]) == (number(units), number(people))


def test_a_missing_warehouse_elsewhere_says_how_to_build_one(tmp_path, monkeypatch):
    monkeypatch.setenv("HTSD_WAREHOUSE", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "python -m etl ingest" in at.warning[0].value
    assert not (tmp_path / "none.duckdb").exists()
