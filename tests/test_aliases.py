"""Names no list knows (Huế's wards merged before 2025): suggestions, and an alias applied to all data."""

from __future__ import annotations

import shutil
import stat
from contextlib import closing
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth
from etl import accounts, aliases
from etl.ingest import Upload, confirm_uploads, ingest_paths, preview_uploads
from etl.resolve import Options
from etl.units import DATA_DIR, load_index
from warehouse import lock, publish
from warehouse.load import Warehouse

PAGE = Path(__file__).resolve().parent.parent / "pages" / "names.py"
HEADER = "Năm;Tỉnh;Đơn vị;Lễ khai mạc - Số lượng;Lễ khai mạc - Số người;NSNN (nghìn đồng);XHH (nghìn đồng)"


def form(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def setup(tmp_path: Path):
    """Huế 2020: Phú Hội is on the list; Phú Bình and Thuận Thành had been merged into Thuận Lộc and Đông Ba."""
    path = tmp_path / "unit_aliases.csv"
    shutil.copy(DATA_DIR / "unit_aliases.csv", path)
    db = tmp_path / "warehouse.duckdb"
    hue = form(tmp_path, "hue_2020.csv", ["2020;Thừa Thiên Huế;Phường Phú Hội;1;300;5.000;0",
                                          "2020;Thừa Thiên Huế;Phường Phú Bình;1;250;2.000;0",
                                          "2020;Thừa Thiên Huế;Phường Thuận Thành;2;400;0;1.000"])
    assert [r.status for r in ingest_paths([hue], db, index=load_index(path))] == ["loaded"]
    return path, db


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_merged_wards_are_kept_unresolved_and_the_absorbing_ward_is_suggested_first(setup):
    _, db = setup
    pending = {p["reported_name"]: p for p in aliases.unresolved(db)}
    assert set(pending) == {"Phường Phú Bình", "Phường Thuận Thành"}
    assert pending["Phường Phú Bình"]["years"] == [2020] and pending["Phường Phú Bình"]["reports"] == 1
    index = load_index()
    first = aliases.suggestions(index, "Phường Phú Bình", index.units[pending["Phường Phú Bình"]["parent_key"]])
    assert (first[0].unit.name, first[0].score, first[0].reason) == (
        "Phường Thuận Lộc", 1.0, "đã sáp nhập vào đơn vị này trước năm 2025")
    assert len(first) == 8 and all(s.unit.map == "legacy" for s in first)
    similar = aliases.suggestions(index, "Phường Phu Hoi", index.units["L:P:46"])
    assert similar[0].unit.name == "Phường Phú Hội"  # diacritics left out still rank the right ward first


def test_an_alias_moves_every_report_at_once_and_the_etl_uses_it_from_then_on(setup, tmp_path):
    path, db = setup
    total = rows(db, "SELECT sum(participants) FROM report_facts")
    index = load_index()
    aliases.add_alias("Phường Phú Bình", index.units["L:C:19753"], index, "sáp nhập năm 2021", path)
    aliases.add_alias("Phường Phú Bình", index.units["L:C:19753"], index, "again", path)  # not stored twice
    assert [r for r in aliases.read_aliases(path) if r["alias"] == "Phường Phú Bình"] == [
        {"map": "legacy", "province": "46", "alias": "Phường Phú Bình", "code": "19753", "note": "sáp nhập năm 2021"}]

    moved = aliases.apply_to_warehouse(db, path)

    assert moved == [("U:L:P:46:phuongphubinh", "L:C:19753")]
    assert rows(db, "SELECT unit_name, participants, resolved FROM report_facts WHERE unit_code = '19753'") == [
        ("Phường Thuận Lộc", 250, True)]
    assert rows(db, "SELECT sum(participants) FROM report_facts") == total  # nothing lost, nothing doubled
    assert [p["reported_name"] for p in aliases.unresolved(db)] == ["Phường Thuận Thành"]

    later = form(tmp_path, "hue_2021.csv", ["2021;Thừa Thiên Huế;P. Phú Bình;1;90;0;0"])
    assert [r.status for r in ingest_paths([later], db, index=load_index(path))] == ["loaded"]
    assert rows(db, "SELECT year, unit_name, participants FROM report_facts WHERE year = 2021") == [
        (2021, "Phường Thuận Lộc", 90)]


def test_a_preview_after_an_alias_added_by_hand_is_what_confirming_loads(setup, tmp_path):
    """Phú Bình's 2020 report sits under its unresolved name when an alias for it is written into the file by
    hand. Its resubmission, previewed then confirmed, replaces that report in Thuận Lộc, as the preview said,
    instead of being refused as "the warehouse changed in between"."""
    path, db = setup
    index = load_index()
    aliases.add_alias("Phường Phú Bình", index.units["L:C:19753"], index, "", path)
    (tmp_path / "lan2").mkdir()
    again = form(tmp_path / "lan2", "hue_2020.csv", ["2020;Thừa Thiên Huế;Phường Phú Bình;1;270;2.000;0"])
    upload, index = Upload(again.name, again.read_bytes()), load_index(path)

    with closing(Warehouse(db, index)) as warehouse:
        [shown] = preview_uploads(warehouse, [upload], Options(), index)
    assert [(r.unit_name, r.change) for r in shown.reports] == [("Phường Thuận Lộc", "replaced")]
    with closing(Warehouse(db, index)) as warehouse:
        [done] = confirm_uploads(warehouse, [(upload, shown)], Options(), index)
    assert done.changed is None and done.result.status == "replaced"
    assert rows(db, "SELECT unit_name, participants FROM report_facts WHERE unit_code = '19753'") == [
        ("Phường Thuận Lộc", 270)]


def test_removing_an_alias(setup):
    """Both edits keep the file readable by everyone who reads it (an ingest may run as another user)."""
    path, _ = setup
    path.chmod(0o644)
    index = load_index()
    aliases.add_alias("Phường Thuận Thành", index.units["L:C:19768"], index, "", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert aliases.remove_alias("Phường Thuận Thành", "19768", "legacy", path)
    assert not aliases.remove_alias("Phường Thuận Thành", "19768", "legacy", path)
    assert all(r["alias"] != "Phường Thuận Thành" for r in aliases.read_aliases(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_the_names_page_resolves_a_name_for_a_data_officer(setup, monkeypatch, tmp_path):
    path, db = setup
    monkeypatch.setenv("HTSD_ALIASES", str(path))
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "accounts.toml"))
    accounts.add_account("hoa", "officer", "can-bo-du-lieu", "Trần Văn Hòa")
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state[auth.SESSION_USER] = "hoa"
    at.run()
    assert not at.exception and not at.warning
    listed = at.dataframe[0].value
    assert sorted(listed.iloc[:, 0]) == ["Phường Phú Bình", "Phường Thuận Thành"]
    at.selectbox(key="names_pick").set_value(list(listed.iloc[:, 0]).index("Phường Phú Bình")).run()
    assert at.selectbox(key="names_target").value.name == "Phường Thuận Lộc"  # the absorbing ward comes first

    at.button(key="names_save").click().run()

    assert any("Phường Thuận Lộc" in s.value for s in at.success)
    assert [p["reported_name"] for p in aliases.unresolved(db)] == ["Phường Thuận Thành"]
    assert rows(db, "SELECT unit_name, participants FROM report_facts WHERE unit_code = '19753'") == [
        ("Phường Thuận Lộc", 250)]
    assert any(r["alias"] == "Phường Phú Bình" and r["code"] == "19753" for r in aliases.read_aliases(path))


def test_the_names_page_reads_while_an_ingest_writes_and_a_save_then_says_the_warehouse_is_busy(
        setup, monkeypatch, tmp_path):
    """An ingest holds the writer lock: the page still lists the names (it reads the published snapshot), and
    saving an alias says the warehouse is busy instead of failing; once the ingest is done, the alias applies."""
    path, db = setup
    monkeypatch.setenv("HTSD_ALIASES", str(path))
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.setattr(lock, "WAIT_S", 0.3)
    accounts.add_account("hoa", "officer", "can-bo-du-lieu", "Trần Văn Hòa")
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state[auth.SESSION_USER] = "hoa"
    with lock.writer_lock(db):  # the writer's lock, held as `python -m etl ingest` holds it
        at.run()
        assert not at.exception and not at.error and not at.warning
        assert list(at.dataframe[0].value["Tên ghi trong báo cáo"]) == ["Phường Phú Bình", "Phường Thuận Thành"]
        at.selectbox(key="names_pick").set_value(0).run()
        at.button(key="names_save").click().run()
        assert [w.value for w in at.warning] == [str(lock.WarehouseBusy())]
    assert len(aliases.apply_to_warehouse(db, path)) == 1  # the ingest done: the saved alias applies
    assert [p["reported_name"] for p in aliases.unresolved(publish.current(publish.folder_for(db)))] == [
        "Phường Thuận Thành"]


def test_the_names_page_is_for_data_officers(setup, monkeypatch):
    _, db = setup
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert [w.value for w in at.warning] == ["Trang này dành cho cán bộ dữ liệu. Hãy đăng nhập."]
    assert not at.dataframe
