"""Uploading reports in the app: the dry run (preview) and the confirmation, from the ETL up to the page.

A preview is what confirming does: the same staging, then discarded. These tests load what was
previewed and compare, check the replacement differences and the rejection messages with exact
numbers and cells, the limits, and the page as an officer uses it (AppTest): preview, confirm once,
and the overview's numbers moving by exactly what was loaded.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import openpyxl
import pytest
import streamlit as st
from app_support import download, remember_navigation
from streamlit.testing.v1 import AppTest

from dashboard import auth, intake
from etl.accounts import add_account
from etl.ingest import Upload, confirm_uploads, ingest_paths, preview_uploads
from etl.preview import Difference, Figures, stored_figures
from etl.resolve import Options
from tests.conftest import FIXTURES
from tests.test_teach import extracurricular
from warehouse.load import Warehouse

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
OFFICER, VIEWER = "hoa", "minh"


def fixture(name: str) -> Upload:
    return Upload(name, (FIXTURES / name).read_bytes())


@cache
def resubmitted_wards() -> Upload:
    """Quận 12's ward table sent again: Tân Chánh Hiệp's opening ceremony 1.200 -> 1.500 participants and its
    social funds 5,5 -> 7 triệu; the totals row follows. The other two wards are unchanged."""
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    sheet = book.active
    sheet["D8"], sheet["D11"], sheet["H8"], sheet["H11"] = 1500, 2800, 7, 7
    data = io.BytesIO()
    book.save(data)
    return Upload("Báo cáo Quận 12 - lần 2.xlsx", data.getvalue())


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed names)
                for t in ("ingests", "source_files", "submissions", "facts", "funding")}
    finally:
        con.close()


@contextmanager
def opened(db: Path, index, submitted_by: str | None = None) -> Iterator[Warehouse]:
    """The warehouse open briefly, as the app opens it."""
    warehouse = Warehouse(db, index, submitted_by)
    try:
        yield warehouse
    finally:
        warehouse.close()


def preview(db: Path, index, uploads: list[Upload], options: Options | None = None):
    with opened(db, index) as warehouse:
        return preview_uploads(warehouse, uploads, options or Options(), index)


def confirm(db: Path, index, pairs, by: str = OFFICER):
    with opened(db, index, by) as warehouse:
        return confirm_uploads(warehouse, pairs, Options(), index)


def preview_and_confirm(db: Path, index, uploads: list[Upload], by: str = OFFICER):
    """Preview with one connection and confirm with another, as two reruns of the page would."""
    shown = preview(db, index, uploads)
    return shown, confirm(db, index, list(zip(uploads, shown, strict=True)), by)


# --- the dry run is what a load does ------------------------------------------------------------------------------


def test_preview_shows_what_would_load_and_writes_nothing(ingest, db, index):
    ingest("q12_wards_2023.xlsx")
    before = counts(db)
    shown = preview(db, index, [fixture("chau_phu_2020.xls"), fixture("binh_phuoc_2023.ods")])

    assert counts(db) == before
    chau_phu, binh_phuoc = shown
    assert (chau_phu.status, binh_phuoc.status) == ("loaded", "loaded")
    [report] = chau_phu.reports
    assert (report.year, report.unit_name, report.province_code, report.change) == (2020, "Huyện Châu Phú", "91", "new")
    assert report.figures == Figures({"opening_ceremony": (1, 350), "class": (4, 120), "training": (2, 80),
                                      "visit": (1, 0)}, (15_000_000, 0))
    assert (report.figures.events, report.figures.participants) == (8, 550)
    assert [r.change for r in binh_phuoc.reports] == ["new"] * 3
    assert sum(r.figures.participants for r in binh_phuoc.reports) == 2600
    assert {r.province_code for r in binh_phuoc.reports} == {"75"}  # old Bình Phước, in Đồng Nai today


def test_confirm_loads_exactly_what_was_previewed(ingest, db, index, sql):
    ingest("q12_wards_2023.xlsx")
    uploads = [resubmitted_wards(), fixture("chau_phu_2020.xls"), fixture("binh_phuoc_2023.ods")]

    shown, done = preview_and_confirm(db, index, uploads)

    assert [d.result.status for d in done] == [p.status for p in shown] == ["replaced", "loaded", "loaded"]
    assert [d.result.reports for d in done] == [1, 1, 3]  # two wards of the resubmission are unchanged
    current = dict(sql("SELECT year || ':' || unit_key, submission_id FROM current_reports"))
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = stored_figures(con, current.values())
    finally:
        con.close()
    for report in (r for p in shown for r in p.reports):
        assert loaded[current[f"{report.year}:{report.unit_key}"]] == report.figures, report.unit_name
    names = sql("SELECT DISTINCT path FROM ingests WHERE submitted_by = ? ORDER BY path", [OFFICER])
    assert names == [("Báo cáo Quận 12 - lần 2.xlsx",), ("binh_phuoc_2023.ods",), ("chau_phu_2020.xls",)]


def test_replacement_shows_each_changed_figure_before_and_after(ingest, db, index):
    ingest("q12_wards_2023.xlsx")
    [shown] = preview(db, index, [resubmitted_wards()])

    assert shown.status == "replaced"
    assert {r.unit_name: r.change for r in shown.reports} == {
        "Phường Tân Chánh Hiệp": "replaced", "Phường Thạnh Xuân": "unchanged", "Phường Hiệp Thành": "unchanged"}
    table = intake.replaced_differences(shown)
    assert table.to_dict("records") == [
        {"Báo cáo": "Phường Tân Chánh Hiệp (2023)", "Chỉ tiêu": "Lễ khai mạc, phát động — người tham gia",
         "Trước": "1.200", "Sau": "1.500", "Thay đổi": "+300"},
        {"Báo cáo": "Phường Tân Chánh Hiệp (2023)", "Chỉ tiêu": "Xã hội hóa (đồng)",
         "Trước": "5.500.000", "Sau": "7.000.000", "Thay đổi": "+1.500.000"}]


def test_rejected_file_says_why_naming_sheet_cell_and_value(db, index):
    shown = preview(db, index, [fixture("broken_text_2023.xlsx"), fixture("broken_formula_2023.xlsx"),
                                fixture("broken_year_2022.xlsx")])

    assert [p.status for p in shown] == ["rejected"] * 3
    assert [(p.errors[0].sheet, p.errors[0].cell) for p in shown] == [
        ("Tong hop", "D10"), ("Tong hop", "D11"), (shown[2].errors[0].sheet, "A4")]
    assert str(shown[0].errors[0]) == "sheet 'Tong hop', ô D10: giá trị 'khoảng 200' không phải là số"
    assert "2022" in shown[2].errors[0].message and "2023" in shown[2].errors[0].message
    assert all(not p.reports for p in shown)


def test_hints_fill_in_what_the_form_omits_as_on_the_command_line(db, index):
    """A form without a year is refused; with the year given, it loads (the CLI's --year)."""
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["A4"] = "BÁO CÁO TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI"
    data = io.BytesIO()
    book.save(data)
    upload = Upload("tong_hop_phuong.xlsx", data.getvalue())
    [without] = preview(db, index, [upload])
    [with_year] = preview(db, index, [upload], Options(year=2023))

    assert without.status == "rejected" and "năm" in without.errors[0].message
    assert with_year.status == "loaded" and {r.year for r in with_year.reports} == {2023}


# --- confirming: once, and only what was shown ---------------------------------------------------------------------


def test_confirming_twice_loads_once(db, index, sql):
    upload = fixture("chau_phu_2020.xls")
    [shown] = preview(db, index, [upload])

    first = confirm(db, index, [(upload, shown)])
    after_first = counts(db)
    second = confirm(db, index, [(upload, shown)])

    assert first[0].result.status == "loaded"
    assert second[0].result is None and second[0].changed.status == "unchanged"
    assert counts(db) == after_first
    assert sql("SELECT count(*), sum(participants) FROM report_facts") == [(4, 550)]


def test_confirm_refuses_when_the_warehouse_changed_since_the_preview(db, index, sql):
    upload = resubmitted_wards()
    [shown] = preview(db, index, [upload])  # nothing there yet: three new reports
    ingest_paths([FIXTURES / "q12_wards_2023.xlsx"], db, index=index)  # meanwhile, from the command line
    before = counts(db)

    [done] = confirm(db, index, [(upload, shown)])

    assert shown.status == "loaded" and done.result is None
    assert done.changed.status == "replaced"  # the new preview the page then shows
    assert counts(db) == before
    assert sql("SELECT sum(participants) FROM report_facts") == [(2800,)]


def test_ids_continue_after_previews(ingest, db, index, sql):
    """Previews leave no trace in the bookkeeping: loading through the same connection takes the next ids."""
    ingest("q12_wards_2023.xlsx")
    uploads = [fixture("chau_phu_2020.xls"), fixture("an_giang_flat_2020.csv")]
    with opened(db, index, OFFICER) as warehouse:
        shown = preview_uploads(warehouse, uploads, Options(), index)
        confirm_uploads(warehouse, list(zip(uploads, shown, strict=True)), Options(), index)
    assert sql("SELECT list(ingest_id ORDER BY ingest_id) FROM ingests") == [([1, 2, 3],)]
    assert sql("SELECT list(submission_id ORDER BY submission_id) FROM submissions") == [([1, 2, 3, 4, 5, 6, 7],)]


def test_who_uploaded_is_kept_and_the_command_line_leaves_it_empty(ingest, db, index, sql):
    ingest("q12_wards_2023.xlsx")
    preview_and_confirm(db, index, [fixture("chau_phu_2020.xls")], by="lan.nguyen")
    assert sql("SELECT path, submitted_by FROM ingests ORDER BY ingest_id") == [
        (str(FIXTURES / "q12_wards_2023.xlsx"), None), ("chau_phu_2020.xls", "lan.nguyen")]


def test_a_warehouse_built_before_uploads_gains_the_column(db, index):
    ingest_paths([FIXTURES / "chau_phu_2020.xls"], db, index=index)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE ingests DROP COLUMN submitted_by")
    con.execute("DROP TABLE warehouse_meta")  # as made by a version that kept no schema digest
    con.close()

    ingest_paths([FIXTURES / "q12_wards_2023.xlsx"], db, index=index)

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT status, submitted_by FROM ingests ORDER BY ingest_id").fetchall() == [
            ("loaded", None), ("loaded", None)]
    finally:
        con.close()


# --- limits and types ---------------------------------------------------------------------------------------------


@dataclass
class Received:
    """What the uploader hands over; `getvalue` counts reads, since a refused file must not be read."""

    name: str
    data: bytes
    reads: int = 0

    @property
    def size(self) -> int:
        return len(self.data)

    def getvalue(self) -> bytes:
        self.reads += 1
        return self.data


RULES = intake.UploadRules(max_files=2, max_file_mb=1, file_types=(".xlsx", ".xls", ".ods", ".csv"), progress_from=5)


def test_disallowed_types_oversize_files_and_too_many_files_are_refused_unread():
    files = [Received("bao_cao.xlsx", b"a"), Received("macro.xlsm", b"b"), Received("script.py", b"c"),
             Received("lon.csv", b"x" * (1024 * 1024 + 1)), Received("ban_sao.xlsx", b"a"),
             Received("hai.ods", b"d"), Received("ba.xls", b"e")]

    uploads, refused = intake.screen(files, RULES)

    assert [u.name for u in uploads] == ["bao_cao.xlsx", "hai.ods"]
    assert refused == [
        "Tệp 'macro.xlsm': loại tệp '.xlsm' không được nhận (chỉ nhận .xlsx, .xls, .ods, .csv).",
        "Tệp 'script.py': loại tệp '.py' không được nhận (chỉ nhận .xlsx, .xls, .ods, .csv).",
        "Tệp 'lon.csv' (1,0 MB) vượt giới hạn 1 MB mỗi tệp.",
        "Tệp 'ban_sao.xlsx' giống hệt tệp 'bao_cao.xlsx' trong lượt này; chỉ xét một lần.",
        "Tệp 'ba.xls': mỗi lượt chỉ xem trước tối đa 2 tệp; nạp xong lượt này rồi tải tiếp."]
    assert [f.reads for f in files] == [1, 0, 0, 0, 1, 1, 0]


def test_upload_rules_come_from_data_and_stay_within_the_server_limit(tmp_path):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    ceiling = config["server"]["maxUploadSize"]
    shipped = intake.upload_rules()
    assert shipped.file_types == (".xlsx", ".xls", ".ods", ".csv")
    assert 0 < shipped.max_file_mb <= ceiling and shipped.max_files > 0

    assert st.get_option("server.maxUploadSize") == ceiling  # the app reads the same config

    edited = tmp_path / "upload_rules.csv"
    edited.write_text("setting,value,meaning\nmax_files,12,\nmax_file_mb,999,\nfile_types,.xlsx .exe .CSV,\n"
                      "progress_from,3,\n", encoding="utf-8")
    assert intake.upload_rules(edited) == intake.UploadRules(12, ceiling, (".xlsx", ".csv"), 3)


# --- the page, as an officer uses it --------------------------------------------------------------------------------


@pytest.fixture
def app_env(tmp_path, monkeypatch, index):
    """A warehouse holding Quận 12's wards (2023), an officer and a viewer; the app reads both through env."""
    remember_navigation(monkeypatch)
    db = tmp_path / "warehouse.duckdb"
    ingest_paths([FIXTURES / "q12_wards_2023.xlsx"], db, index=index)
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.delenv("HTSD_PRIVATE", raising=False)
    monkeypatch.setenv("HTSD_SYNONYMS_LOCAL", str(tmp_path / "header_synonyms_local.csv"))  # what officers teach
    add_account(OFFICER, "officer", "can-bo-du-lieu", "Trần Văn Hòa")
    add_account(VIEWER, "viewer", "nguoi-xem-01", "Lê Minh")
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page(page: str, username: str | None) -> AppTest:
    """The app as `username` sees `page`: the home page first, then the page (as the app's menu goes)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if username:
        at.session_state[auth.SESSION_USER] = username
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def overview_tiles(username: str | None = None) -> dict[str, str]:
    at = open_page("pages/overview.py", username)
    return {m.label: m.value for m in at.metric}


def upload(at: AppTest, *uploads: Upload) -> AppTest:
    at.file_uploader[0].set_value([(u.name, u.data, "application/octet-stream") for u in uploads]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_preview_says_how_the_form_was_read(app_env):
    at = upload(open_page("pages/upload.py", OFFICER), fixture("binh_phuoc_2023.ods"))
    [reading] = [e for e in at.expander if e.label.startswith("Cách đọc biểu")]
    assert reading.text[0].value.splitlines() == [
        "Sheet 'Tong hop': bảng tổng hợp (mỗi dòng một đơn vị)", "  cột A 'Đơn vị': đơn vị",
        "  cột B 'Lễ khai mạc - SL': Lễ khai mạc, phát động — số hoạt động",
        "  cột C 'Lễ khai mạc - Số người': Lễ khai mạc, phát động — số người",
        "  cột D 'Kinh phí NSNN (đồng)': kinh phí — ngân sách nhà nước", "  Đơn vị: dòng 8–10", "  Tổng cộng: dòng 7"]


def test_the_upload_page_is_for_data_officers(app_env):
    at = open_page("pages/upload.py", VIEWER)
    assert "dành cho cán bộ dữ liệu" in at.warning[0].value
    assert not at.file_uploader


def test_officer_previews_confirms_once_and_the_overview_moves_by_the_upload(app_env):
    before = overview_tiles()
    assert (before["Hoạt động"], before["Người tham gia"]) == ("6", "2.800")
    at = upload(open_page("pages/upload.py", OFFICER), fixture("binh_phuoc_2023.ods"),
                fixture("broken_text_2023.xlsx"), Upload("ghi_chu.docx", b"not a form"))

    assert [e.value for e in at.error] == [
        "Tệp 'ghi_chu.docx': loại tệp '.docx' không được nhận (chỉ nhận .xlsx, .xls, .ods, .csv).",
        "Không nạp được tệp này:\n- sheet 'Tong hop', ô D10: giá trị 'khoảng 200' không phải là số"]
    preview = at.dataframe[0].value
    assert list(preview["Hoạt động"]) == ["1", "1", "1"] and set(preview["Tình trạng"]) == {"mới"}
    assert sum(int(v.replace(".", "")) for v in preview["Người tham gia"]) == 2600
    assert sum(int(v.replace(".", "")) for v in preview["Ngân sách nhà nước (đồng)"]) == 40_000_000
    assert at.markdown[0].value == "**2 tệp:** 1 chờ xác nhận, 1 bị từ chối"

    at.button(key="nop_all").click().run()

    assert [s.value for s in at.success] == ["**binh_phuoc_2023.ods** — đã nạp 3 báo cáo (mới)."]
    assert not [b for b in at.button if b.key.startswith("nop_ok_")]  # nothing left to confirm
    at.run()  # the page again, as after a second click: nothing more is loaded
    assert counts(app_env)["ingests"] == 2
    after = overview_tiles()
    assert (after["Hoạt động"], after["Người tham gia"]) == ("9", "5.400")
    money = [label for label in after if label.startswith("Ngân sách nhà nước")]
    assert [(before[m], after[m]) for m in money] == [("27,0", "67,0")]  # triệu đồng


def test_a_replacement_shows_its_differences_on_the_page(app_env):
    at = upload(open_page("pages/upload.py", OFFICER), resubmitted_wards())
    assert "thay thế" in at.markdown[1].value
    changes = at.dataframe[1].value
    assert changes[["Chỉ tiêu", "Trước", "Sau", "Thay đổi"]].values.tolist() == [
        ["Lễ khai mạc, phát động — người tham gia", "1.200", "1.500", "+300"],
        ["Xã hội hóa (đồng)", "5.500.000", "7.000.000", "+1.500.000"]]

    at.button(key=f"nop_ok_{resubmitted_wards().sha256}").click().run()

    assert [s.value for s in at.success] == ["**Báo cáo Quận 12 - lần 2.xlsx** — đã nạp 1 báo cáo (thay thế)."]
    assert overview_tiles()["Người tham gia"] == "3.100"


def test_discarding_a_file_loads_nothing(app_env):
    at = upload(open_page("pages/upload.py", OFFICER), fixture("chau_phu_2020.xls"))
    at.button(key=f"nop_skip_{fixture('chau_phu_2020.xls').sha256}").click().run()
    assert "chau_phu_2020.xls — đã bỏ qua, không nạp." in [c.value for c in at.main.caption]
    assert "nop_all" not in [b.key for b in at.button]  # nothing left to confirm
    assert counts(app_env)["ingests"] == 1


def test_previews_follow_a_load_made_elsewhere(app_env, index):
    """The preview is made against the warehouse as it is now: after a command-line load of the same report,
    the page shows the file as unchanged, with nothing to confirm."""
    at = upload(open_page("pages/upload.py", OFFICER), fixture("chau_phu_2020.xls"))
    assert "mới" in at.markdown[1].value
    ingest_paths([FIXTURES / "chau_phu_2020.xls"], app_env, index=index)
    at.run()
    assert "không đổi" in at.markdown[1].value
    assert "nop_all" not in [b.key for b in at.button]


def test_difference_values_for_funding_not_stated():
    """A version without a funding section against one with: 'không ghi' and no change figure."""
    table = intake.differences_table([("X", Difference("state_budget", "vnd", None, 2_000_000))])
    assert table.to_dict("records") == [{"Báo cáo": "X", "Chỉ tiêu": "Ngân sách nhà nước (đồng)",
                                         "Trước": "không ghi", "Sau": "2.000.000", "Thay đổi": "–"}]


def test_the_blank_form_for_the_chosen_year_downloads_from_the_upload_page(app_env, downloads):
    """The form officers send out to the units (`python -m etl template`'s workbook), for the year chosen."""
    at = open_page("pages/upload.py", OFFICER)
    at.selectbox(key="nop_form_year").set_value(2024).run()

    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "nop_form")))
    assert book.sheetnames == ["Báo cáo", "Hướng dẫn"]
    assert book["Báo cáo"]["A4"].value == "BÁO CÁO KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024"
    assert at.download_button(key="nop_form").proto.label == "Tải biểu mẫu trắng năm 2024 (.xlsx)"


def test_an_officer_teaches_an_unread_column_and_the_preview_reads_it_at_once(app_env, tmp_path):
    """Châu Phú's two communes: 'Lễ khai mạc' 1 | 200 and 1 | 150; under 'Hoạt động ngoại khóa' (unknown) SL 3 and 2,
    Số người 90 and 40. Taught as classes, the preview counts 1 + 3 and 1 + 2 activities, 290 and 190 people."""
    at = upload(open_page("pages/upload.py", OFFICER), Upload("chau_phu_2023.xlsx", extracurricular()))
    preview = at.dataframe[0].value
    assert (list(preview["Hoạt động"]), list(preview["Người tham gia"])) == (["1", "1"], ["200", "150"])
    [teach] = [e for e in at.expander if e.label == "Dạy cách đọc cột chưa nhận ra"]
    assert [s.label for s in teach.selectbox] == ["Sheet 'Biểu', cột E: 'Hoạt động ngoại khóa / SL'",
                                                  "Sheet 'Biểu', cột F: 'Hoạt động ngoại khóa / Số người'"]
    assert teach.selectbox[0].options[:3] == ["Đơn vị", "Lễ khai mạc, phát động — số hoạt động",
                                              "Lễ khai mạc, phát động — số người"]
    teach.selectbox[0].select("Lớp học, chuyên đề bồi dưỡng — số hoạt động")
    teach.selectbox[1].select("Lớp học, chuyên đề bồi dưỡng — số người").run()  # a choice reruns the page
    at.button(key=teach.button[0].key).click().run()

    assert not at.exception, [e.value for e in at.exception]
    preview = at.dataframe[0].value
    assert list(preview["Đơn vị"]) == ["Thị trấn Cái Dầu", "Xã Bình Long"]
    assert (list(preview["Hoạt động"]), list(preview["Người tham gia"])) == (["4", "3"], ["290", "190"])
    assert not [e for e in at.expander if e.label == "Dạy cách đọc cột chưa nhận ra"]
    assert (tmp_path / "header_synonyms_local.csv").read_text(encoding="utf-8").splitlines() == [
        "kind,target,measure,synonym", "indicator,class,events,Hoạt động ngoại khóa / SL",
        "indicator,class,participants,Hoạt động ngoại khóa / Số người"]


def test_choices_that_cannot_be_saved_say_so_and_change_nothing(app_env, tmp_path, monkeypatch):
    (tmp_path / "read_only").write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("HTSD_SYNONYMS_LOCAL", str(tmp_path / "read_only" / "header_synonyms_local.csv"))
    at = upload(open_page("pages/upload.py", OFFICER), Upload("chau_phu_2023.xlsx", extracurricular()))
    [teach] = [e for e in at.expander if e.label == "Dạy cách đọc cột chưa nhận ra"]
    teach.selectbox[0].select("Bỏ qua cột này").run()
    at.button(key=teach.button[0].key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error if e.value.startswith("Không lưu được lựa chọn:")]
    assert list(at.dataframe[0].value["Hoạt động"]) == ["1", "1"]
