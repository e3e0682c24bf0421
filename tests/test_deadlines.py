"""Deadlines as data: data/deadlines.csv read, validated and written whole; its copy in the warehouse; the
deadline each year and level gets; and the admin page that edits them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.accounts import add_account
from warehouse import deadlines
from warehouse.deadlines import Deadline, DeadlineError
from warehouse.load import Warehouse

ROOT = Path(__file__).resolve().parent.parent
LETTERS = [Deadline(None, "commune", 11, 10, note="Xã/phường gửi lên cấp trên; Quận 12 năm 2023: trước ngày 11/10"),
           Deadline(None, "district", 25, 10,
                    note="Quận/huyện gửi UBND tỉnh qua Sở GDĐT; An Giang 2020 và Bình Phước 2023: 25/10"),
           Deadline(None, "province", 30, 10, note="Tỉnh/thành phố gửi Bộ GDĐT; An Giang 2020: trước ngày 30/10")]


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(("year,level,deadline,note", *lines)) + "\n", encoding="utf-8")
    return path


def test_the_shipped_file_holds_the_letters_deadlines():
    assert deadlines.load(deadlines.DEFAULT_PATH) == LETTERS


def test_a_round_trip_keeps_every_deadline_and_writes_them_in_order(tmp_path):
    rules = [Deadline(2025, "province", 5, 1, 2026, "Bộ gia hạn, lần 1"), Deadline(None, "commune", 11, 10),
             Deadline(2023, "district", 17, 10)]
    target = tmp_path / "deadlines.csv"
    deadlines.save(rules, target)
    assert deadlines.load(target) == deadlines.ordered(rules)
    assert target.read_text(encoding="utf-8") == ("year,level,deadline,note\n,commune,11/10,\n2023,district,17/10,\n"
                                                  '2025,province,05/01/2026,"Bộ gia hạn, lần 1"\n')
    assert [p.name for p in tmp_path.iterdir()] == ["deadlines.csv"]  # no temporary file left behind


def test_a_file_saved_by_excel_with_a_bom_and_loose_spacing_reads(tmp_path):
    target = tmp_path / "deadlines.csv"
    target.write_bytes("\ufeffyear,level,deadline,note\n 2024 , commune , 9.10 ,\n,province,30-10,\n".encode())
    assert deadlines.load(target) == [Deadline(None, "province", 30, 10), Deadline(2024, "commune", 9, 10)]


def test_every_wrong_line_is_named_in_vietnamese(tmp_path):
    target = write(tmp_path / "deadlines.csv",
                   ",commune,11/10,", "20x5,district,25/10,", ",xa,11/10,", ",province,31/11,", ",district,ngày 25,",
                   ",commune,12/10,", "2025,district,25/10,", ",province,29/02,", ",province,05/01/2026,",
                   "2024,province,05/03/2026,")
    with pytest.raises(DeadlineError) as raised:
        deadlines.load(target)
    assert raised.value.problems == [
        "Dòng 3: năm '20x5' không hợp lệ; để trống (mọi năm) hoặc ghi năm, ví dụ 2025",
        "Dòng 4: cấp 'xa' không hợp lệ; dùng commune (xã/phường), district (quận/huyện) hoặc province (tỉnh/thành phố)",
        "Dòng 5: hạn nộp '31/11' không phải ngày có thật",
        "Dòng 6: hạn nộp 'ngày 25' không đúng dạng; ghi ngày/tháng (11/10) hoặc ngày/tháng/năm (05/01/2021)",
        "Dòng 7: trùng với dòng 2 (cùng năm và cùng cấp); giữ một dòng",
        "Dòng 8: từ năm 2025 không còn cấp quận/huyện; bỏ dòng này",
        "Dòng 9: hạn nộp 29/02 không có trong mọi năm; ghi năm cho dòng này",
        "Dòng 10: hạn nộp '05/01/2026' có năm nên chỉ dùng cho một năm; ghi năm vào cột năm, hoặc chỉ ghi ngày/tháng "
        "để dùng cho mọi năm",
        "Dòng 11: hạn nộp '05/03/2026' không thuộc năm 2024 hoặc đầu năm 2025",
    ]


def test_a_file_without_the_columns_is_refused(tmp_path):
    target = tmp_path / "deadlines.csv"
    target.write_text("nam,cap,han\n,commune,11/10\n", encoding="utf-8")
    with pytest.raises(DeadlineError, match="thiếu cột year, level, deadline"):
        deadlines.load(target)


def test_no_file_means_no_deadlines(tmp_path):
    assert deadlines.load(tmp_path / "none.csv") == []


def test_put_adds_or_replaces_the_deadline_of_a_slot():
    changed = deadlines.put(LETTERS, Deadline(None, "district", 20, 10))
    assert [d.text for d in changed] == ["11/10", "20/10", "30/10"]
    assert deadlines.put(changed, Deadline(2024, "district", 18, 10))[-1] == Deadline(2024, "district", 18, 10)


# --- the warehouse's copy and the deadline of each year and level -------------------------------------------------


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    Warehouse(path).close()
    con = duckdb.connect(str(path))
    yield con
    con.close()


def test_sync_copies_the_file_and_keeps_the_copy_when_the_file_is_wrong(warehouse, tmp_path):
    good = write(tmp_path / "good.csv", ",commune,11/10,", "2024,commune,09/10,sớm hơn")
    assert deadlines.sync(warehouse, good) == []
    assert deadlines.stored(warehouse) == [Deadline(None, "commune", 11, 10), Deadline(2024, "commune", 9, 10, None,
                                                                                        "sớm hơn")]
    bad = write(tmp_path / "bad.csv", ",commune,32/10,")
    assert deadlines.sync(warehouse, bad) == ["Dòng 2: hạn nộp '32/10' không phải ngày có thật"]
    assert len(deadlines.stored(warehouse)) == 2


def test_each_year_takes_its_own_deadline_or_the_default(warehouse, tmp_path):
    rules = write(tmp_path / "deadlines.csv", ",commune,11/10,", ",district,25/10,", ",province,30/10,",
                  "2023,district,17/10,Quận 12", "2024,province,05/01/2025,gia hạn")
    deadlines.sync(warehouse, rules)
    this_year = date.today().year
    got = warehouse.execute("SELECT year, level, deadline FROM level_deadlines ORDER BY ALL").fetchall()
    assert got == [(2023, "commune", date(2023, 10, 11)), (2023, "district", date(2023, 10, 17)),
                   (2023, "province", date(2023, 10, 30)), (2024, "commune", date(2024, 10, 11)),
                   (2024, "district", date(2024, 10, 25)), (2024, "province", date(2025, 1, 5)),
                   (this_year, "commune", date(this_year, 10, 11)), (this_year, "district", date(this_year, 10, 25)),
                   (this_year, "province", date(this_year, 10, 30))]


# --- the admin page ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def accounts(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "accounts.toml"
    add_account("quantri", "admin", "mat-khau-quan-tri", "Trần Thị Quản", path=path)
    add_account("canbo", "officer", "mat-khau-can-bo", "Nguyễn Văn Cán", path=path)
    return path


@pytest.fixture
def page(accounts, tmp_path, monkeypatch):
    """The deadlines page on a copy of the shipped file, opened by `username`."""
    copy = tmp_path / "deadlines.csv"
    shutil.copy(deadlines.DEFAULT_PATH, copy)
    monkeypatch.setenv("HTSD_ACCOUNTS", str(accounts))
    monkeypatch.setenv("HTSD_DEADLINES", str(copy))
    monkeypatch.setenv("HTSD_WAREHOUSE", str(tmp_path / "none.duckdb"))

    def open_as(username: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "pages" / "deadlines.py"), default_timeout=30)
        at.session_state["auth_username"] = username
        return at.run()

    return open_as, copy


def shown(at: AppTest) -> list[list[str]]:
    return at.dataframe[0].value.astype(str).values.tolist()


def test_an_officer_is_refused(page):
    open_as, _ = page
    at = open_as("canbo")
    assert [w.value for w in at.warning] == ["Trang này dành cho quản trị viên. Tài khoản Nguyễn Văn Cán (Cán bộ dữ "
                                             "liệu) chưa có quyền này; hãy nhờ quản trị viên cấp quyền."]
    assert not at.dataframe and not at.text_input


def test_an_admin_sees_adds_changes_and_removes_deadlines(page):
    open_as, copy = page
    at = open_as("quantri")
    assert not at.exception
    assert [row[:3] for row in shown(at)] == [["Mọi năm", "Xã/phường", "11/10"], ["Mọi năm", "Quận/huyện", "25/10"],
                                              ["Mọi năm", "Tỉnh/thành phố", "30/10"]]
    at.text_input(key="dl_year").set_value("2024")
    at.selectbox(key="dl_level").set_value("province")
    at.text_input(key="dl_deadline").set_value("05/01/2025")
    at.text_input(key="dl_note").set_value("Bộ gia hạn")
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Đã thêm hạn nộp: 2024 · Tỉnh/thành phố · 05/01/2025."]
    assert shown(at)[-1] == ["2024", "Tỉnh/thành phố", "05/01/2025", "Bộ gia hạn"]
    assert deadlines.load(copy)[-1] == Deadline(2024, "province", 5, 1, 2025, "Bộ gia hạn")

    at.text_input(key="dl_year").set_value("")
    at.selectbox(key="dl_level").set_value("commune")
    at.text_input(key="dl_deadline").set_value("9/10")
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Đã sửa hạn nộp: Mọi năm · Xã/phường · 09/10."]
    assert [d.text for d in deadlines.load(copy)] == ["09/10", "25/10", "30/10", "05/01/2025"]

    at.selectbox(key="dl_remove").set_value(deadlines.load(copy)[-1])
    at.button[1].click().run()
    assert [s.value for s in at.success] == ["Đã xóa hạn nộp: 2024 · Tỉnh/thành phố · 05/01/2025."]
    assert len(shown(at)) == 3 and len(deadlines.load(copy)) == 3


def test_a_wrong_deadline_is_refused_and_the_file_is_left_alone(page):
    open_as, copy = page
    before = copy.read_bytes()
    at = open_as("quantri")
    at.text_input(key="dl_year").set_value("2026")
    at.selectbox(key="dl_level").set_value("district")
    at.text_input(key="dl_deadline").set_value("25/10")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Chưa lưu: từ năm 2025 không còn cấp quận/huyện; bỏ dòng này."]
    at.selectbox(key="dl_level").set_value("commune")
    at.text_input(key="dl_deadline").set_value("30/02")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Chưa lưu: hạn nộp '30/02' không phải ngày có thật."]
    assert copy.read_bytes() == before
