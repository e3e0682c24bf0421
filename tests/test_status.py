"""Submission status: who was expected to report, who did, on time or late, and who is missing, on a small
warehouse of An Giang's 2023 forms written here, and the officers' page that shows it.

An Giang 2023, with the letters' deadlines (communes 11/10, districts 25/10, provinces 30/10):
  Huyện Châu Phú        own form dated 20/10, sent again (other figures) dated 30/10   on time (the first counts)
  Thành phố Long Xuyên  own form dated 27/10                                       late
  Huyện Chợ Mới         its table of 3 communes dated 09/10                         on time; the 3 communes on time
  Huyện Thoại Sơn       its table of 2 communes dated 20/10                         on time; the 2 communes received,
                                                                                    but the table is later than theirs
  Tỉnh An Giang         its table of Tịnh Biên and Tri Tôn dated 28/10              on time; the 2 districts received,
                                                                                    but the table is later than theirs
  Xã Vĩnh Hanh          a CSV without a date                                        late (received today)
  Hội Khuyến học tỉnh   its own form dated 15/10                                    not an expected unit
Today's An Giang ('91') also holds old Kiên Giang, which sent nothing.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
import streamlit as st
from app_support import download
from streamlit.testing.v1 import AppTest

from dashboard import db
from etl.accounts import add_account
from etl.ingest import ingest_paths
from warehouse import deadlines
from warehouse import submission_status as status

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["STT", "Đơn vị", "Lễ khai mạc - Số lượng", "Lễ khai mạc - Số người tham gia"]
TITLE = "TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"
AN_GIANG_DISTRICTS, KIEN_GIANG_DISTRICTS = 11, 15
AN_GIANG_AND_KIEN_GIANG_COMMUNES = 298
TODAY = date.today()


def table_form(path: Path, issuer: list[str], dated: str, units: list[str], people: int = 100) -> Path:
    """A consolidated table: letterhead on the left, the dated place line on the right, one row per unit."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row, line in enumerate(issuer, start=1):
        sheet.cell(row, 1, line)
    sheet.cell(1, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    sheet.cell(2, 4, dated)
    sheet.cell(4, 1, TITLE)
    for column, text in enumerate(HEADER, start=1):
        sheet.cell(6, column, text)
    for offset, name in enumerate(units, start=1):
        for column, value in enumerate([offset, name, 1, people + offset], start=1):
            sheet.cell(6 + offset, column, value)
    book.save(path)
    return path


def single_form(path: Path, issuer: list[str], dated: str, people: int = 300) -> Path:
    """A unit's own report: the unit in the letterhead, one row per activity."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ([issuer[0], None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [*issuer[1:2], None, None, dated], [],
                ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"], [],
                ["STT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"], [1, "Lễ khai mạc", 1, people]):
        sheet.append(row)
    book.save(path)
    return path


def an_giang_2023(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        single_form(folder / "a_chau_phu_2023.xlsx", ["UBND HUYỆN CHÂU PHÚ", "TỈNH AN GIANG"],
                    "Châu Phú, ngày 20 tháng 10 năm 2023"),
        single_form(folder / "b_chau_phu_2023_lan2.xlsx", ["UBND HUYỆN CHÂU PHÚ", "TỈNH AN GIANG"],
                    "Châu Phú, ngày 30 tháng 10 năm 2023", people=350),
        single_form(folder / "c_long_xuyen_2023.xlsx", ["UBND THÀNH PHỐ LONG XUYÊN", "TỈNH AN GIANG"],
                    "Long Xuyên, ngày 27/10/2023"),
        table_form(folder / "d_cho_moi_2023.xlsx", ["UBND HUYỆN CHỢ MỚI", "TỈNH AN GIANG"],
                   "Chợ Mới, ngày 09 tháng 10 năm 2023", ["Thị trấn Chợ Mới", "Thị trấn Mỹ Luông", "Xã Kiến An"]),
        table_form(folder / "e_thoai_son_2023.xlsx", ["UBND HUYỆN THOẠI SƠN", "TỈNH AN GIANG"],
                   "Thoại Sơn, ngày 20 tháng 10 năm 2023", ["Thị trấn Núi Sập", "Xã Tây Phú"]),
        table_form(folder / "f_tinh_an_giang_2023.xlsx", ["UBND TỈNH AN GIANG"], "An Giang, ngày 28 tháng 10 năm 2023",
                   ["Thị xã Tịnh Biên", "Huyện Tri Tôn"]),
        single_form(folder / "g_hoi_khuyen_hoc_2023.xlsx", ["HỘI KHUYẾN HỌC TỈNH AN GIANG", ""],
                    "An Giang, ngày 15 tháng 10 năm 2023"),
        _csv(folder / "h_vinh_hanh_2023.csv", "Tỉnh,Đơn vị,Năm,Lễ khai mạc - Số lượng,Lễ khai mạc - Số người tham gia\n"
                                              "An Giang,Xã Vĩnh Hanh,2023,1,80\n"),
    ]


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The warehouse of those forms, judged by the letters' deadlines (data/deadlines.csv)."""
    root = tmp_path_factory.mktemp("status")
    results = ingest_paths(an_giang_2023(root / "forms"), root / "warehouse.duckdb")
    assert [r.status for r in results] == ["loaded", "replaced", *["loaded"] * 6], [r.errors for r in results]
    con = duckdb.connect(str(root / "warehouse.duckdb"))
    assert deadlines.sync(con, deadlines.DEFAULT_PATH) == []
    con.close()
    return root / "warehouse.duckdb"


@pytest.fixture
def warehouse(built, tmp_path) -> Path:
    """A copy each test may change."""
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes(built.read_bytes())
    return copy


def statuses(path: Path, level: str, provinces: list[str] | None = None, year: int = 2023) -> pd.DataFrame:
    with status.reading(path) as con:
        return status.status(con, year, level, ["91"] if provinces is None else provinces)


def received(table: pd.DataFrame) -> dict[str, tuple]:
    rows = table[table["received"]]
    return {r.unit_name: (r.status, r.report_date.date(), r.date_source, r.via, r.file_name)
            for r in rows.itertuples()}


def test_districts_of_today_s_an_giang(warehouse):
    table = statuses(warehouse, "district")
    assert status.counts(table) == status.Counts(expected=AN_GIANG_DISTRICTS + KIEN_GIANG_DISTRICTS, received=6,
                                                 on_time=3, late=1, missing=20)
    assert received(table) == {
        "Huyện Châu Phú": ("on_time", date(2023, 10, 20), "form", "own", "a_chau_phu_2023.xlsx"),
        "Thành phố Long Xuyên": ("late", date(2023, 10, 27), "form", "own", "c_long_xuyen_2023.xlsx"),
        "Huyện Chợ Mới": ("on_time", date(2023, 10, 9), "form", "own", "d_cho_moi_2023.xlsx"),
        "Huyện Thoại Sơn": ("on_time", date(2023, 10, 20), "form", "own", "e_thoai_son_2023.xlsx"),
        "Thị xã Tịnh Biên": ("received", date(2023, 10, 28), "form", "above", "f_tinh_an_giang_2023.xlsx"),
        "Huyện Tri Tôn": ("received", date(2023, 10, 28), "form", "above", "f_tinh_an_giang_2023.xlsx"),
    }
    assert set(table["deadline"]) == {pd.Timestamp(2023, 10, 25)}
    assert status.counts(table).undecided == 2


def test_communes_and_provinces(warehouse):
    communes = statuses(warehouse, "commune")
    assert status.counts(communes) == status.Counts(AN_GIANG_AND_KIEN_GIANG_COMMUNES, 6, 3, 1,
                                                    AN_GIANG_AND_KIEN_GIANG_COMMUNES - 6)
    assert received(communes)["Xã Vĩnh Hanh"] == ("late", TODAY, "received", "own", "h_vinh_hanh_2023.csv")
    assert {name for name, (state, *_) in received(communes).items() if state == "on_time"} == {
        "Thị trấn Chợ Mới", "Thị trấn Mỹ Luông", "Xã Kiến An"}
    provinces = statuses(warehouse, "province")
    assert received(provinces) == {"Tỉnh An Giang": ("on_time", date(2023, 10, 28), "form", "own",
                                                     "f_tinh_an_giang_2023.xlsx")}
    assert list(provinces["unit_name"]) == ["Tỉnh An Giang", "Tỉnh Kiên Giang"]


def test_national_scope_and_completeness_counts(warehouse):
    everywhere = statuses(warehouse, "province", provinces=[])
    assert status.counts(everywhere) == status.Counts(63, 1, 1, 0, 62)
    con = duckdb.connect(str(warehouse), read_only=True)
    by_province = con.execute("SELECT province_code, expected, received, on_time, late, missing FROM "
                              "submission_counts WHERE year = 2023 AND level = 'district' AND received > 0").fetchall()
    assert by_province == [("91", 26, 6, 3, 1, 20)]
    assert con.execute("SELECT count(*) FROM submission_counts WHERE year = 2023 AND level = 'district'").fetchone() \
        == (34,)


def test_a_year_without_reports_expects_the_new_map(warehouse):
    assert status.levels_for(2025) == ("province", "commune")
    table = statuses(warehouse, "province", provinces=[], year=TODAY.year)
    assert status.counts(table) == status.Counts(34, 0, 0, 0, 34)


def test_without_a_deadline_a_report_is_only_received(warehouse):
    con = duckdb.connect(str(warehouse))
    deadlines.store(con, [])
    con.close()
    table = statuses(warehouse, "district")
    assert status.counts(table) == status.Counts(26, 6, 0, 0, 20)
    assert set(table.loc[table["received"], "status"]) == {"received"}


def test_deadlines_edited_by_hand_reach_the_warehouse(warehouse, tmp_path):
    rules = tmp_path / "deadlines.csv"
    deadlines.save([*deadlines.load(deadlines.DEFAULT_PATH), deadlines.Deadline(2023, "district", 19, 10)], rules)
    assert status.align_deadlines(warehouse, rules) == []
    assert status.counts(statuses(warehouse, "district")) == status.Counts(26, 6, 1, 3, 20)  # only Chợ Mới in time
    with status.reading(warehouse) as con:
        assert deadlines.stored(con) == deadlines.load(rules)
    rules.write_text("year,level,deadline,note\n,commune,11/13,\n", encoding="utf-8")
    assert status.align_deadlines(warehouse, rules) == ["Dòng 2: hạn nộp '11/13' không phải ngày có thật"]
    assert status.counts(statuses(warehouse, "district")).late == 3  # the copy is kept as it was


# --- the page, as a data officer sees it --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def accounts(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "accounts.toml"
    add_account("canbo", "officer", "mat-khau-can-bo", "Nguyễn Văn Cán", path=path)
    add_account("nguoixem", "viewer", "mat-khau-nguoi-xem", "Lê Văn Xem", path=path)
    return path


@pytest.fixture
def page(warehouse, accounts, tmp_path, monkeypatch):
    rules = tmp_path / "deadlines.csv"
    rules.write_bytes(deadlines.DEFAULT_PATH.read_bytes())
    monkeypatch.setenv("HTSD_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(accounts))
    monkeypatch.setenv("HTSD_DEADLINES", str(rules))
    st.cache_data.clear()

    def open_as(username: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "pages" / "status.py"), default_timeout=30)
        at.session_state["auth_username"] = username
        at.query_params.update(query)
        return at.run()

    yield open_as
    st.cache_data.clear()


def tiles(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def shown(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_a_viewer_is_refused(page):
    at = page("nguoixem")
    assert "dành cho cán bộ dữ liệu" in at.warning[0].value
    assert not at.metric and not at.dataframe


def test_the_officer_sees_districts_of_an_giang(page):
    at = page("canbo", nam="2023", cap="district", tinh="91")
    assert not at.exception and not at.error
    assert tiles(at) == {"Đã báo cáo": "6/26", "Đúng hạn": "3", "Trễ hạn": "1", "Chưa nộp": "20"}
    assert "**6/26 đơn vị đã báo cáo** — quận/huyện, năm 2023, Tỉnh An Giang. Hạn nộp: **25/10/2023**" in \
        at.caption[0].value
    assert "2 đơn vị «Đã nộp» chỉ có trong biểu tổng hợp của cấp trên" in at.caption[0].value
    table = shown(at)
    assert list(table.columns) == ["Đơn vị", "Mã", "Trạng thái", "Ngày báo cáo", "Căn cứ ngày", "Hạn nộp", "Tệp"]
    rows = table.set_index("Đơn vị")
    assert rows.loc["Huyện Châu Phú"].tolist() == ["889", "Đúng hạn", "20/10/2023", "Ngày trên báo cáo",
                                                   "25/10/2023", "a_chau_phu_2023.xlsx"]
    assert rows.loc["Thành phố Long Xuyên", "Trạng thái"] == "Trễ hạn"
    assert rows.loc["Huyện Tri Tôn", ["Trạng thái", "Căn cứ ngày"]].tolist() == ["Đã nộp", "Ngày trên biểu cấp trên"]
    assert rows.loc["Huyện An Phú"].tolist() == ["886", "Chưa nộp", "", "", "25/10/2023", ""]
    assert table["Trạng thái"].value_counts().to_dict() == {"Chưa nộp": 20, "Đúng hạn": 3, "Đã nộp": 2, "Trễ hạn": 1}
    assert table["Đơn vị"].tolist()[:3] == ["Huyện An Biên", "Huyện An Minh", "Huyện An Phú"]  # Vietnamese order


def test_the_page_follows_the_chosen_year_level_and_filter(page):
    at = page("canbo", nam="2023", cap="commune", tinh="91")
    assert tiles(at)["Đã báo cáo"] == "6/298"
    assert "Quận/huyện" in shown(at).columns
    at.pills(key="s_show").set_value(["late"]).run()
    assert shown(at)[["Đơn vị", "Căn cứ ngày"]].values.tolist() == [["Xã Vĩnh Hanh", "Ngày nạp tệp"]]
    at.radio(key="s_level").set_value("province").run()
    assert tiles(at) == {"Đã báo cáo": "1/2", "Đúng hạn": "1", "Trễ hạn": "0", "Chưa nộp": "1"}
    assert at.query_params["cap"] == "province"
    at.selectbox(key="s_year").set_value(TODAY.year).run()
    assert at.radio(key="s_level").options == ["Tỉnh/thành phố", "Xã/phường"]  # no districts after the reform


def test_new_reports_show_without_a_restart(page, warehouse, tmp_path):
    at = page("canbo", nam="2023", cap="district", tinh="91")
    assert tiles(at)["Đã báo cáo"] == "6/26"
    late = single_form(tmp_path / "chau_thanh_2023.xlsx", ["UBND HUYỆN CHÂU THÀNH", "TỈNH AN GIANG"],
                       "Châu Thành, ngày 02/11/2023")
    assert ingest_paths([late], warehouse)[0].status == "loaded"
    at.run()
    assert tiles(at) == {"Đã báo cáo": "7/26", "Đúng hạn": "3", "Trễ hạn": "2", "Chưa nộp": "19"}


def test_the_missing_list_downloads_as_csv_and_xlsx(page, downloads):  # noqa: F811
    at = page("canbo", nam="2023", cap="district", tinh="91")
    assert at.subheader[0].value == "Danh sách chưa nộp (20)"
    data = download(at, downloads, "s_csv")
    assert data.startswith(b"\xef\xbb\xbf")
    listed = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert list(listed.columns) == ["Đơn vị", "Mã", "Hạn nộp"] and len(listed) == 20
    assert "Huyện An Phú" in set(listed["Đơn vị"]) and "Huyện Châu Phú" not in set(listed["Đơn vị"])
    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "s_xlsx")))
    rows = list(book["Dữ liệu"].values)
    assert rows[0] == ("Đơn vị", "Mã", "Hạn nộp") and len(rows) == 21
    about = dict(list(book["Bộ lọc"].values)[1:])
    assert (about["Năm"], about["Cấp"], about["Tỉnh/thành phố"], about["Số dòng"]) == ("2023", "Quận/huyện",
                                                                                      "Tỉnh An Giang", 20)


def test_a_warehouse_made_before_the_status_views_is_upgraded_before_the_page_reads_it(page, warehouse):
    """As made by a version without them: the app (dashboard.db.ensure_upgraded, run before every page) adds
    the views once, and the page shows its numbers."""
    con = duckdb.connect(str(warehouse))
    con.execute("DROP VIEW submission_counts")
    con.execute("DROP VIEW submission_status")
    con.execute("DROP TABLE warehouse_meta")
    con.close()
    st.cache_resource.clear()
    db.ensure_upgraded()
    at = page("canbo")
    assert not at.exception and not at.warning
    assert tiles(at)["Đã báo cáo"] == "1/63"


def test_a_form_without_a_date_is_given_the_day_it_was_received(page, warehouse):
    """Xã Vĩnh Hanh's CSV states no date: judged by the day it was loaded (today), it is late for the communes'
    deadline, 11/10/2023. The officer says it arrived on 05/10/2023: it is on time, by the day given."""
    at = page("canbo", nam="2023", cap="commune", tinh="91")
    vinh_hanh = shown(at).set_index("Đơn vị").loc["Xã Vĩnh Hanh"]
    assert vinh_hanh[["Trạng thái", "Ngày báo cáo", "Căn cứ ngày"]].tolist() == [
        "Trễ hạn", f"{TODAY:%d/%m/%Y}", "Ngày nạp tệp"]
    assert at.selectbox(key="s_undated").options == [f"h_vinh_hanh_2023.csv — nạp ngày {TODAY:%d/%m/%Y}"]

    at.date_input(key=f"s_received_{at.selectbox(key='s_undated').value}").set_value(date(2023, 10, 5))
    at.button(key="s_received_save").click().run()

    vinh_hanh = shown(at).set_index("Đơn vị").loc["Xã Vĩnh Hanh"]
    assert vinh_hanh[["Trạng thái", "Ngày báo cáo", "Căn cứ ngày"]].tolist() == [
        "Đúng hạn", "05/10/2023", "Ngày nhận tệp (cán bộ ghi)"]
    assert tiles(at)["Trễ hạn"] == "0"
    assert at.selectbox(key="s_undated").options == [
        f"h_vinh_hanh_2023.csv — nạp ngày {TODAY:%d/%m/%Y}, nhận ngày 05/10/2023"]
    assert received(statuses(warehouse, "commune"))["Xã Vĩnh Hanh"][:3] == ("on_time", date(2023, 10, 5), "given")
