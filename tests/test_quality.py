"""Data quality: each rule and outlier kind on small forms written here, asserting what an officer reads on the
"Chất lượng dữ liệu" page and in the quality_findings view: the message, the value, and the file, sheet and
cell to open. The forms are An Giang's district table (old map), so every unit resolves and the numbers are
known by construction."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from app_support import download
from streamlit.testing.v1 import AppTest

from dashboard import intake
from etl.ingest import Upload, ingest_paths, preview_uploads
from etl.resolve import Options
from warehouse import quality
from warehouse.load import Warehouse

PAGE = Path(__file__).resolve().parent.parent / "pages" / "quality.py"
# Columns A..H of the test form; a unit's row i (0-based) is sheet row 5 + i.
HEADER = ["Đơn vị", "Lễ khai mạc - SL", "Lễ khai mạc - Số người", "Cuộc thi - SL", "Cuộc thi - Số người",
          "Kinh phí NSNN (đồng)", "Kinh phí XHH (đồng)", "Tổng kinh phí (đồng)"]
DISTRICTS = ["Thành phố Long Xuyên", "Thành phố Châu Đốc", "Thị xã Tân Châu", "Huyện An Phú", "Huyện Phú Tân",
             "Huyện Châu Phú", "Thị xã Tịnh Biên", "Huyện Tri Tôn", "Huyện Châu Thành", "Huyện Chợ Mới"]
SHEET = "Tong hop"


def form(folder: Path, year: int, rows: list[list], name: str | None = None) -> Path:
    """An Giang's consolidated table for `year`: title in A1:A2, header in row 4, one row per unit from row 5."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = "UBND TỈNH AN GIANG"
    sheet["A2"] = f"TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM {year}"
    for column, text in enumerate(HEADER, start=1):
        sheet.cell(4, column, text)
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(5 + offset, column, value)
    path = folder / (name or f"an_giang_{year}.xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def unit(name: str, events: int | None = 1, people: int | None = 500, contests: int | None = None,
         contestants: int | None = None, state: int | None = 5_000_000, social: int | None = None,
         total: int | None = None) -> list:
    return [name, events, people, contests, contestants, state, social, total]


@pytest.fixture
def warehouse(tmp_path: Path):
    """Ingest forms into a fresh warehouse, with the rules copied in as the ETL does on opening it;
    returns (file results by name, a function giving the findings as a list of dicts)."""
    db = tmp_path / "warehouse.duckdb"

    def load(*paths: Path, rules: Path = quality.DEFAULT_RULES):
        results = {Path(r.path).name: r for r in ingest_paths(paths, db)}
        con = duckdb.connect(str(db))
        try:
            quality.sync(con, rules)
        finally:
            con.close()
        return results

    def found() -> list[dict]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            rows = quality.findings(con)
        finally:
            con.close()
        rows = rows[["year", "unit_name", "rule", "message", "value", "file_name", "sheet", "cell"]].astype(object)
        return rows.where(rows.notna(), None).to_dict("records")

    return load, found, db


# --- Rule checks --------------------------------------------------------------------------------------------------


def test_a_stated_funding_total_that_differs_from_its_parts(warehouse, tmp_path):
    load, found, _ = warehouse
    path = form(tmp_path, 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000, total=16_000_000),
                                 unit("Huyện Chợ Mới", state=4_000_000, social=1_000_000, total=5_000_000)])
    result = load(path)[path.name]
    assert result.status == "loaded"
    assert [(w.sheet, w.cell) for w in result.warnings] == [(SHEET, "H5")]  # the ingest says so too
    assert found() == [{
        "year": 2023, "unit_name": "Huyện Châu Phú", "rule": "funding_total_mismatch",
        "message": "Tổng kinh phí ghi 16.000.000 đồng, khác ngân sách nhà nước 10.000.000 + xã hội hóa "
                   "5.000.000 = 15.000.000 đồng",
        "value": 16_000_000, "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "H5"}]


def test_a_corrected_resubmission_clears_the_finding(warehouse, tmp_path):
    load, found, _ = warehouse
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000, total=16_000_000)]))
    load(form(tmp_path / "lan2", 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000,
                                             total=15_000_000)]))
    assert found() == []


def test_a_resubmission_that_only_corrects_the_total_shows_that_correction(warehouse, tmp_path, index):
    """Before loading, the upload preview names the one figure that changes; after, so does the history page's
    comparison of the two versions. Neither may show a replacement with nothing in it."""
    load, _, db = warehouse
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000, total=16_000_000)]))
    corrected = form(tmp_path / "lan2", 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000,
                                                    total=15_000_000)])
    expected = [{"Chỉ tiêu": "Tổng kinh phí ghi trên biểu (đồng)", "Trước": "16.000.000", "Sau": "15.000.000",
                 "Thay đổi": "-1.000.000"}]

    warehouse_now = Warehouse(db, index)
    try:
        [shown] = preview_uploads(warehouse_now, [Upload(corrected.name, corrected.read_bytes())], Options(), index)
    finally:
        warehouse_now.close()
    assert [r.change for r in shown.reports] == ["replaced"]
    assert intake.replaced_differences(shown).drop(columns="Báo cáo").to_dict("records") == expected

    load(corrected)
    con = duckdb.connect(str(db), read_only=True)
    try:
        first, second = [sid for (sid,) in con.execute(
            "SELECT submission_id FROM report_versions WHERE unit_name = 'Huyện Châu Phú' ORDER BY version").fetchall()]
    finally:
        con.close()
    assert intake.version_differences(first, second, (str(db), "v2")).to_dict("records") == expected


def test_participants_with_no_activity_point_at_the_empty_count(warehouse, tmp_path):
    load, found, _ = warehouse
    path = form(tmp_path, 2023, [unit("Huyện Châu Phú"), unit("Huyện Chợ Mới", events=None, people=300)])
    result = load(path)[path.name]
    assert [(w.cell, w.message) for w in result.warnings] == [
        ("B6", "ô C6 ghi 300 người tham gia nhưng số hoạt động ở ô B6 là 0")]
    assert found() == [{
        "year": 2023, "unit_name": "Huyện Chợ Mới", "rule": "participants_without_events",
        "message": "Lễ khai mạc, phát động: 300 người tham gia nhưng số hoạt động là 0", "value": 300,
        "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "B6"}]


def test_activities_that_people_attend_held_with_nobody_written(warehouse, tmp_path):
    load, found, _ = warehouse
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú", contests=2), unit("Huyện Chợ Mới", contests=1,
                                                                          contestants=40)]))
    assert found() == [{
        "year": 2023, "unit_name": "Huyện Châu Phú", "rule": "events_without_participants",
        "message": "Cuộc thi, sân chơi: 2 hoạt động nhưng không ghi số người tham gia", "value": 2,
        "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "E5"}]


def test_which_activities_need_participants_is_data(warehouse, tmp_path):
    """data/quality_rules.csv says contests need participants; an officer's copy saying 0 turns it off."""
    load, found, _ = warehouse
    rules = tmp_path / "rules.csv"
    text = quality.DEFAULT_RULES.read_text(encoding="utf-8")
    assert "events_without_participants,contest,1," in text
    rules.write_text(text.replace("events_without_participants,contest,1,", "events_without_participants,contest,0,"),
                     encoding="utf-8")
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú", contests=2)]), rules=rules)
    assert found() == []


def test_a_totals_row_that_does_not_add_up(warehouse, tmp_path):
    load, found, _ = warehouse
    path = form(tmp_path, 2023, [unit("Huyện Châu Phú", people=500), unit("Huyện Chợ Mới", people=800),
                                 ["Tổng cộng", 2, 9999, None, None, 10_000_000, None, None]])
    result = load(path)[path.name]
    [warning] = result.warnings
    assert (warning.sheet, warning.cell) == (SHEET, "A7")
    assert warning.message == "dòng tổng cộng không khớp: ô C7 (số người) ghi 9.999, cộng các dòng được 1.300"
    assert found() == [{
        "year": 2023, "unit_name": "Tỉnh An Giang", "rule": "totals_row_mismatch",
        "message": "Dòng tổng cộng không khớp: ô C7 (số người) ghi 9.999, cộng các dòng được 1.300",
        "value": None, "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "A7"}]


# --- Counts must be whole: '12,5' people cannot be loaded as 12 or 13 ----------------------------------------------


@pytest.mark.parametrize("people, shown", [("12,5", "12,5"), (12.5, "12,5"), (-5, "-5")])
def test_a_count_that_is_not_a_whole_number_rejects_the_file_naming_the_cell(warehouse, tmp_path, people, shown):
    load, found, db = warehouse
    path = form(tmp_path, 2023, [unit("Huyện Châu Phú"), unit("Huyện Chợ Mới", people=people)])
    result = load(path)[path.name]
    assert result.status == "rejected"
    [error] = result.errors
    assert (error.sheet, error.cell) == (SHEET, "C6")
    assert f"'{shown}'" in error.message
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM submissions").fetchone() == (0,)  # nothing of the file is loaded
    con.close()


def test_spreadsheet_float_noise_in_a_count_is_not_a_fraction(warehouse, tmp_path):
    load, _, db = warehouse
    assert load(form(tmp_path, 2023, [unit("Huyện Châu Phú", people=1200 * 0.1)]))["an_giang_2023.xlsx"].status == \
        "loaded"  # 1200 * 0.1 == 120.00000000000001, what =1200*0,1 leaves in the cell
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT participants FROM facts").fetchall() == [(120,)]
    con.close()


# --- Outliers ---------------------------------------------------------------------------------------------------


def test_cost_per_participant_against_the_units_own_earlier_years(warehouse, tmp_path):
    """Châu Phú spent 10, 12 and 11 thousand đồng per participant in 2020-2022, then 150 thousand in 2023
    (a budget typed in đồng where the column said nghìn đồng, say): 150.000 / 11.000 = 13,6 times."""
    load, found, _ = warehouse
    history = {2020: 10_000_000, 2021: 12_000_000, 2022: 11_000_000, 2023: 150_000_000}
    paths = [form(tmp_path, year, [unit("Huyện Châu Phú", events=2, people=1000, state=state),
                                   unit("Huyện Chợ Mới", events=2, people=1000, state=10_000_000)])
             for year, state in history.items()]
    load(*paths)
    assert found() == [{
        "year": 2023, "unit_name": "Huyện Châu Phú", "rule": "outlier_history",
        "message": "Chi phí mỗi người tham gia 150.000 đồng, gấp 14 lần trung vị các năm trước "
                   "(11.000 đồng/người; 2020–2022, 3 năm)",
        "value": 150_000, "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "F5"}]


def test_participants_per_activity_far_below_the_units_own_earlier_years(warehouse, tmp_path):
    load, found, _ = warehouse
    events = {2021: 2, 2022: 2, 2023: 50}  # 500, 500, then 20 people per activity: 1/25 of before
    load(*[form(tmp_path, year, [unit("Huyện Chợ Mới", events=count, people=1000)]) for year, count in events.items()])
    assert found() == [{
        "year": 2023, "unit_name": "Huyện Chợ Mới", "rule": "outlier_history",
        "message": "Số người bình quân mỗi hoạt động 20, chỉ bằng 1/25 trung vị các năm trước "
                   "(500 người/hoạt động; 2021–2022, 2 năm)",
        "value": 20, "file_name": "an_giang_2023.xlsx", "sheet": SHEET, "cell": "C5"}]


def test_one_earlier_year_is_not_history_enough(warehouse, tmp_path):
    load, found, _ = warehouse
    load(form(tmp_path, 2022, [unit("Huyện Chợ Mới", events=2, people=1000)]),
         form(tmp_path, 2023, [unit("Huyện Chợ Mới", events=50, people=1000)]))
    assert found() == []  # outlier_history,min_years is 2


def test_participants_per_activity_against_the_districts_of_the_same_province(warehouse, tmp_path):
    """Seven districts of An Giang in 2020 at 90-110 people per activity, one at 2.000: the median is 100,
    the median absolute deviation of the logs ln(100/95) ≈ 0,051, so 2.000 lies ln(20) / (1,4826 × 0,051) ≈ 39
    deviations away and 20 times the median; 90 lies 1,4 deviations away, inside 3,5."""
    load, found, _ = warehouse
    per_activity = [90, 95, 100, 100, 105, 110, 2000]
    load(form(tmp_path, 2020, [unit(name, events=10, people=10 * value, state=None)
                               for name, value in zip(DISTRICTS, per_activity, strict=False)]))
    assert found() == [{
        "year": 2020, "unit_name": "Thị xã Tịnh Biên", "rule": "outlier_peers",
        "message": "Số người bình quân mỗi hoạt động 2.000, gấp 20 lần trung vị của 7 quận/huyện cùng tỉnh "
                   "năm 2020 (100 người/hoạt động)",
        "value": 2000, "file_name": "an_giang_2020.xlsx", "sheet": SHEET, "cell": "C11"}]


def districts_spending(costs: list[int]) -> list[list]:
    """The first districts, each with 100 participants and a state budget of `cost` đồng per participant."""
    return [unit(name, people=100, state=100 * cost) for name, cost in zip(DISTRICTS, costs, strict=False)]


def test_cost_per_participant_against_peers_needs_enough_peers(warehouse, tmp_path):
    """Four districts are too few to call one of them odd (outlier_peers,min_units is 5); five are enough,
    and a cost 1/50 of the others is flagged on the budget cell."""
    load, found, _ = warehouse
    load(form(tmp_path, 2021, districts_spending([20_000, 21_000, 19_000, 400])))
    assert found() == []
    load(form(tmp_path / "lan2", 2021, districts_spending([20_000, 21_000, 19_000, 20_000, 400])))
    assert found() == [{
        "year": 2021, "unit_name": "Huyện Phú Tân", "rule": "outlier_peers",
        "message": "Chi phí mỗi người tham gia 400 đồng, chỉ bằng 1/50 trung vị của 5 quận/huyện cùng tỉnh "
                   "năm 2021 (20.000 đồng/người)",
        "value": 400, "file_name": "an_giang_2021.xlsx", "sheet": SHEET, "cell": "F9"}]


# --- The rules file -----------------------------------------------------------------------------------------------


def test_the_shipped_rules_file_is_valid_and_complete():
    rules = {(rule, setting): value for rule, setting, value in quality.load_rules()}
    assert rules[("outlier_history", "ratio")] == 10 and rules[("outlier_peers", "robust_z")] == 3.5
    assert {s for r, s in rules if r == "events_without_participants"} == set(quality.INDICATORS)


def test_a_broken_rules_file_names_the_line_and_keeps_the_previous_rules(warehouse, tmp_path):
    load, _, db = warehouse
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú")]))
    broken = tmp_path / "rules.csv"
    shutil.copy(quality.DEFAULT_RULES, broken)
    text = broken.read_text(encoding="utf-8").replace("outlier_history,ratio,10,", "outlier_history,ratio,mười,")
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(quality.RulesError, match="dòng 3: giá trị 'mười' không phải là số"):
        quality.load_rules(broken)
    con = duckdb.connect(str(db))
    try:
        assert "dòng 3" in quality.sync(con, broken)
        assert con.execute("SELECT value FROM quality_rules WHERE rule = 'outlier_history' AND setting = 'ratio'"
                           ).fetchall() == [(10.0,)]
    finally:
        con.close()


def test_opening_the_warehouse_copies_the_rules_file(tmp_path):
    """The ETL (warehouse.load.Warehouse) applies data/quality_rules.csv each time it opens the warehouse."""
    db = tmp_path / "warehouse.duckdb"
    ingest_paths([form(tmp_path, 2023, [unit("Huyện Châu Phú")])], db)
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT rule, setting, value FROM quality_rules ORDER BY ALL").fetchall()
    con.close()
    assert stored == quality.load_rules()


# --- The page -----------------------------------------------------------------------------------------------------


@pytest.fixture
def officer_page(warehouse, tmp_path, monkeypatch):
    """The quality page as a logged-in data officer sees it, on a warehouse holding two findings in 2023
    (Châu Phú's funding total, Chợ Mới's participants without an opening ceremony) and one in 2022."""
    from dashboard import auth
    from etl.accounts import add_account

    load, _, db = warehouse
    load(form(tmp_path, 2023, [unit("Huyện Châu Phú", state=10_000_000, social=5_000_000, total=16_000_000),
                               unit("Huyện Chợ Mới", events=None, people=300)]),
         form(tmp_path, 2022, [unit("Huyện Châu Phú", contests=3)]))
    accounts = tmp_path / "accounts.toml"
    add_account("can_bo", "officer", "mat-khau-dai-du", name="Cán bộ Dữ liệu", path=accounts)
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(accounts))
    at = AppTest.from_file(str(PAGE), default_timeout=30)
    at.session_state[auth.SESSION_USER] = "can_bo"
    return at.run()


def table(at: AppTest, column: str) -> pd.DataFrame:
    """The one table on the page with this column, as shown (numbers written the Vietnamese way)."""
    [found] = [frame.value for frame in at.dataframe if column in frame.value.columns]
    return found


def test_the_page_is_for_data_officers(tmp_path, monkeypatch):
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "none.toml"))
    at = AppTest.from_file(str(PAGE), default_timeout=30).run()
    assert [w.value for w in at.warning] == ["Trang này dành cho cán bộ dữ liệu. Hãy đăng nhập."]
    assert not at.dataframe


def test_the_page_counts_and_lists_findings_with_their_cells(officer_page, downloads):
    at = officer_page
    assert not at.exception
    assert [(m.label, m.value) for m in at.metric] == [("Phát hiện", "3"), ("Đơn vị có phát hiện", "2"),
                                                       ("Tệp cần xem lại", "2")]
    counts = table(at, "Số phát hiện")
    assert dict(zip(counts["Quy tắc"], counts["Số phát hiện"], strict=True)) == {
        "Tổng kinh phí lệch": "1", "Dòng tổng cộng lệch": "0", "Có người tham gia, không có hoạt động": "1",
        "Có hoạt động, không có người tham gia": "1", "Bất thường so với các năm trước": "0",
        "Bất thường so với đơn vị cùng cấp": "0", "Đơn vị bên trong cộng lớn hơn báo cáo chung": "0"}
    shown = table(at, "Ô")
    assert shown[["Năm", "Đơn vị", "Giá trị", "Tệp", "Trang tính", "Ô"]].values.tolist() == [
        [2023, "Huyện Châu Phú", "16.000.000", "an_giang_2023.xlsx", SHEET, "H5"],
        [2023, "Huyện Chợ Mới", "300", "an_giang_2023.xlsx", SHEET, "B6"],
        [2022, "Huyện Châu Phú", "3", "an_giang_2022.xlsx", SHEET, "E5"]]


def test_the_page_filters_by_year_and_rule(officer_page):
    at = officer_page
    at.selectbox(key="q_year").select(2023).run()
    assert at.metric[0].value == "2"
    at.multiselect(key="q_rules").select("participants_without_events").run()
    assert table(at, "Ô")["Nội dung"].tolist() == [
        "Lễ khai mạc, phát động: 300 người tham gia nhưng số hoạt động là 0"]
    counts = table(at, "Số phát hiện")  # the counts still show every rule of the year
    assert counts["Số phát hiện"].tolist() == ["1", "0", "1", "0", "0", "0", "0"]


def test_the_page_hands_back_the_original_file_and_exports_the_findings(officer_page, downloads, tmp_path):
    at = officer_page
    at.selectbox(key="q_file").select_index(1).run()
    assert download(at, downloads, "q_original") == (tmp_path / "an_giang_2022.xlsx").read_bytes()
    exported = pd.read_csv(io.BytesIO(download(at, downloads, "q_csv")), encoding="utf-8-sig")
    assert exported["Ô"].tolist() == ["H5", "B6", "E5"]
    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "q_xlsx")))
    assert [c.value for c in book["Dữ liệu"]["D"]] == ["Ô", "H5", "B6", "E5"]
    assert book["Dữ liệu"]["G2"].value == 16_000_000
