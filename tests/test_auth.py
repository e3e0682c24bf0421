"""Accounts, roles and login: the accounts file, `python -m etl account`, the login throttle, and what each
role sees in the app (through AppTest: the navigation menu as shown, the page that runs, the messages)."""

from __future__ import annotations

import io
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import bcrypt
import pytest
import streamlit
from app_support import remember_navigation
from streamlit.testing.v1 import AppTest

from dashboard import auth, login_cookie
from etl import accounts
from etl.accounts import AccountError, add_account
from etl.cli import main
from etl.ingest import ingest_paths
from tests.conftest import FIXTURES

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORDS = {"lan": "quan-tri-2025!", "hoa": "can-bo-du-lieu", "minh": "nguoi-xem-01"}
ANALYSIS = ["Tổng quan", "Tham gia", "Kinh phí", "So sánh năm", "Dữ liệu", "Trình chiếu"]
DATA = ["Nộp báo cáo", "Lịch sử nộp báo cáo", "Tình hình nộp báo cáo", "Chất lượng dữ liệu", "Chuẩn hóa tên đơn vị"]
ADMIN = ["Tài khoản", "Hạn nộp báo cáo"]
OIDC = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-cookie-secret-0123456789",
        "client_id": "htsd", "client_secret": "test-secret",
        "server_metadata_url": "https://sso.example.gov.vn/.well-known/openid-configuration"}


# --- fixtures ----------------------------------------------------------------------------------------------------


@pytest.fixture
def accounts_file(tmp_path, monkeypatch) -> Path:
    """An empty accounts file location of this test's own (conftest keeps bcrypt cheap)."""
    path = tmp_path / "config" / "accounts.toml"
    monkeypatch.setenv("HTSD_ACCOUNTS", str(path))
    monkeypatch.delenv("HTSD_PRIVATE", raising=False)
    return path


@pytest.fixture
def people(accounts_file) -> Path:
    add_account("lan", "admin", PASSWORDS["lan"], "Nguyễn Thị Lan")
    add_account("hoa", "officer", PASSWORDS["hoa"], "Trần Văn Hòa")
    add_account("minh", "viewer", PASSWORDS["minh"], "Lê Minh")
    return accounts_file


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    """One small real report, so the analysis pages have something to show."""
    path = tmp_path_factory.mktemp("auth") / "warehouse.duckdb"
    assert ingest_paths([FIXTURES / "hue_long_2020.csv"], path)[0].status == "loaded"
    return path


@dataclass
class Session:
    """The app in one browser session, and what the user saw of its navigation on the last run."""

    at: AppTest
    runs: list[tuple[dict[str, list[str]], str]] = field(default_factory=list)  # (menu, page shown) per run

    @property
    def menu(self) -> dict[str, list[str]]:
        """Section -> titles shown in the menu (a section whose pages are all hidden shows no heading)."""
        return self.runs[-1][0]

    @property
    def page(self) -> str:
        return self.runs[-1][1]

    def open(self, script: str) -> Session:
        self.at.switch_page(script).run()
        return self

    def log_in(self, username: str, password: str) -> Session:
        self.open("pages/login.py")
        field_named("Tên đăng nhập", self.at.text_input).input(username)
        field_named("Mật khẩu", self.at.text_input).input(password)
        field_named("Đăng nhập", self.at.button).click().run()
        return self

    def texts(self, kind: str) -> list[str]:
        return [element.value for element in getattr(self.at, kind)]


def field_named(label: str, elements) -> object:
    found = [e for e in elements if e.label == label]
    assert len(found) == 1, [e.label for e in elements]
    return found[0]


@pytest.fixture
def app(people, warehouse, monkeypatch) -> Callable[..., Session]:
    """Start the app; every st.navigation call is recorded as the menu the user sees and the page it runs."""
    monkeypatch.setenv("HTSD_WAREHOUSE", str(warehouse))
    remember_navigation(monkeypatch)
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle())
    sessions: list[Session] = []
    navigation = streamlit.navigation

    def recording(pages, **kwargs):
        shown = navigation(pages, **kwargs)
        menu = {section: [p.title for p in group if p.visibility == "visible"] for section, group in pages.items()}
        sessions[-1].runs.append(({s: titles for s, titles in menu.items() if titles}, shown.title))
        return shown

    monkeypatch.setattr(streamlit, "navigation", recording)

    def start(secrets: dict | None = None, user: dict | None = None) -> Session:
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets.update(secrets or {})
        at.user = user or {}
        sessions.append(Session(at))
        at.run()
        return sessions[-1]

    return start


# --- the accounts file -------------------------------------------------------------------------------------------


def test_accounts_file_round_trip_keeps_only_hashes_and_is_private(accounts_file):
    add_account("Lan", "admin", PASSWORDS["lan"], "Nguyễn Thị Lan", email="Lan@SoGD.gov.vn")
    add_account("ext.hoa", "officer", None, email="hoa@sogd.gov.vn")
    accounts.set_private(True)

    found = accounts.load()
    text = accounts_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(accounts_file.stat().st_mode) == 0o600
    assert PASSWORDS["lan"] not in text
    assert found.private is True
    lan, hoa = found.get("lan"), found.get("ext.hoa")
    assert (lan.username, lan.role, lan.name, lan.email, lan.disabled) == ("lan", "admin", "Nguyễn Thị Lan",
                                                                          "lan@sogd.gov.vn", False)
    assert lan.password_hash.startswith("$2b$04$") and bcrypt.checkpw(PASSWORDS["lan"].encode(),
                                                                       lan.password_hash.encode())
    assert (hoa.role, hoa.password_hash, found.by_email("HOA@sogd.gov.vn")) == ("officer", "", hoa)
    assert accounts.load(accounts_file) == found  # reading what was written gives the same accounts
    assert not list(accounts_file.parent.glob(".accounts.toml.*"))  # no temporary file left behind


def test_changes_are_written_and_refusals_change_nothing(people):
    accounts.set_role("minh", "officer")
    accounts.set_disabled("hoa", True)
    accounts.set_password("minh", "mat-khau-moi-123")
    before = people.read_bytes()

    for refused in (lambda: add_account("hoa", "viewer", "mat-khau-dai-lam"),
                    lambda: add_account("nam", "viewer", "ngan"),
                    lambda: add_account("Nguyễn", "viewer", "mat-khau-dai-lam"),
                    lambda: add_account("nam", "viewer", None),
                    lambda: add_account("nam", "chief", "mat-khau-dai-lam"),
                    lambda: accounts.remove_account("lan"),
                    lambda: accounts.set_role("lan", "officer"),
                    lambda: accounts.set_disabled("lan", True),
                    lambda: accounts.remove_account("nobody")):
        with pytest.raises(AccountError):
            refused()

    assert people.read_bytes() == before
    found = accounts.load()
    assert (found.get("minh").role, found.get("hoa").disabled) == ("officer", True)
    assert accounts.authenticate(found, "minh", "mat-khau-moi-123") == found.get("minh")


def test_the_last_admin_can_go_once_another_admin_exists(people):
    accounts.set_role("hoa", "admin")
    accounts.remove_account("lan")
    assert accounts.load().active_admins() == 1


def test_every_login_attempt_costs_one_bcrypt_check(people, monkeypatch):
    """Unknown users, accounts without a password and wrong passwords are as slow as a right one: no timing oracle."""
    add_account("sso", "viewer", None, email="sso@sogd.gov.vn")
    calls: list[bytes] = []
    check = bcrypt.checkpw
    monkeypatch.setattr(bcrypt, "checkpw", lambda given, stored: calls.append(stored) or check(given, stored))
    found = accounts.load()

    outcomes = [accounts.authenticate(found, name, password) for name, password in [
        ("hoa", PASSWORDS["hoa"]), ("hoa", "sai-mat-khau"), ("khong-co", "sai-mat-khau"), ("sso", "bat-ky-mat-khau"),
        ("hoa", "x" * 100)]]

    assert [o and o.username for o in outcomes] == ["hoa", None, None, None, None]
    assert len(calls) == 5 and all(c.startswith(b"$2b$04$") for c in calls)


def test_a_broken_accounts_file_fails_closed(app, people):
    people.write_text('[accounts.lan]\nrole = "boss"\n', encoding="utf-8")
    with pytest.raises(AccountError, match="lan"):
        accounts.load()
    session = app()
    assert (session.menu, session.page) == ({"": ["Đăng nhập"]}, "Đăng nhập")  # private, nobody can log in
    assert session.texts("error")[0].startswith("Tệp tài khoản có lỗi nên chưa ai đăng nhập được")


# --- the CLI -----------------------------------------------------------------------------------------------------


def cli(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["account", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_add_list_passwd_remove(accounts_file, monkeypatch, capsys):
    assert cli(monkeypatch, capsys, "list")[1].startswith("Chưa có tài khoản nào")
    code, said = cli(monkeypatch, capsys, "add", "lan", "--role", "admin", "--name", "Nguyễn Thị Lan",
                     "--password-stdin", stdin="quan-tri-2025!\n")
    assert (code, said.strip()) == (0, f"Đã thêm tài khoản lan (Quản trị viên) vào {accounts_file}.")
    assert cli(monkeypatch, capsys, "add", "hoa", "--role", "officer", "--password-stdin",
               stdin="can-bo-du-lieu\n")[0] == 0
    assert cli(monkeypatch, capsys, "add", "sso", "--role", "viewer", "--no-password",
               "--email", "sso@sogd.gov.vn")[0] == 0

    code, listed = cli(monkeypatch, capsys, "list")
    assert code == 0 and "$2b$" not in listed and "quan-tri" not in listed
    assert [line.split()[:2] for line in listed.splitlines()[:3]] == [["lan", "Quản"], ["hoa", "Cán"], ["sso", "Người"]]
    assert "tài khoản cơ quan" in listed.splitlines()[2]

    assert cli(monkeypatch, capsys, "passwd", "hoa", "--password-stdin", stdin="mat-khau-moi-123\n")[0] == 0
    assert accounts.authenticate(accounts.load(), "hoa", "mat-khau-moi-123")
    assert cli(monkeypatch, capsys, "remove", "hoa") == (0, "Đã xóa tài khoản hoa.\n")
    assert sorted(accounts.load().by_name) == ["lan", "sso"]


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (("add", "nam", "--role", "officer", "--password-stdin"), "ngan-qua\n", "Mật khẩu phải có ít nhất 10 ký tự."),
    (("add", "LAN", "--role", "officer", "--password-stdin"), "mat-khau-dai-lam\n", "Tài khoản 'lan' đã có."),
    (("remove", "lan"), "", "Không xóa được 'lan': đây là tài khoản quản trị cuối cùng còn hoạt động."),
    (("passwd", "nobody", "--password-stdin"), "mat-khau-dai-lam\n", "Không có tài khoản 'nobody'."),
], ids=["short-password", "duplicate", "last-admin", "unknown"])
def test_cli_refusals_exit_1_and_change_nothing(accounts_file, monkeypatch, capsys, args, stdin, message):
    add_account("lan", "admin", PASSWORDS["lan"])
    before = accounts_file.read_bytes()
    assert cli(monkeypatch, capsys, *args, stdin=stdin) == (1, message + "\n")
    assert accounts_file.read_bytes() == before


def test_cli_typed_passwords_must_match_and_usage_errors_exit_2(accounts_file, monkeypatch, capsys):
    typed = iter(["mat-khau-dai-lam", "mat-khau-khac-han"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    assert cli(monkeypatch, capsys, "add", "lan", "--role", "admin") == (1, "Hai lần nhập mật khẩu không khớp.\n")
    assert cli(monkeypatch, capsys, "add", "sso", "--role", "viewer", "--no-password")[0] == 2
    with pytest.raises(SystemExit) as usage:
        main(["account", "add", "lan", "--role", "chief"])
    assert usage.value.code == 2
    assert not accounts_file.exists()


# --- the login cookie (a password login kept across reloads; the browser test checks the page writes it) -------


def test_the_login_cookie_logs_in_its_account_until_it_expires(people):
    key, known = login_cookie.signing_key(people), accounts.load(people)
    value = login_cookie.issue(known.get("hoa"), key, now=1_000_000)
    assert login_cookie.holder(value, known, key, now=1_000_000 + 12 * 3600 - 1) == known.get("hoa")
    assert login_cookie.holder(value, known, key, now=1_000_000 + 12 * 3600 + 1) is None


def test_a_changed_password_a_removed_account_or_another_key_end_the_cookie(people):
    key = login_cookie.signing_key(people)
    value = login_cookie.issue(accounts.load(people).get("hoa"), key)
    accounts.set_password("hoa", "mat-khau-moi-2026")
    assert login_cookie.holder(value, accounts.load(people), key) is None
    value = login_cookie.issue(accounts.load(people).get("hoa"), key)
    assert login_cookie.holder(value, accounts.load(people), bytes(32)) is None
    accounts.remove_account("hoa")
    assert login_cookie.holder(value, accounts.load(people), key) is None


@pytest.mark.parametrize("forged", ["", "aG9h", "aG9h.99999999999.00", "bGFu.{expires}.{signature}", "%%%.1.2",
                                    "aG9h.soon.{signature}"])
def test_a_forged_or_garbled_cookie_logs_nobody_in(people, forged):
    """Among them hoa's signature under lan's name ("bGFu"): the officer cannot become the admin."""
    key, known = login_cookie.signing_key(people), accounts.load(people)
    _, expires, signature = login_cookie.issue(known.get("hoa"), key).split(".")
    assert login_cookie.holder(forged.format(expires=expires, signature=signature), known, key) is None


def test_the_cookie_key_is_made_once_private_and_shared_by_every_server(accounts_file):
    accounts_file.parent.mkdir(parents=True)
    first = login_cookie.signing_key(accounts_file)
    assert len(first) == 32 and login_cookie.signing_key(accounts_file) == first
    path = login_cookie.key_path(accounts_file)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in accounts_file.parent.iterdir()) == [path.name]  # no temporary file left
    path.write_text("abcd")
    with pytest.raises(ValueError):
        login_cookie.signing_key(accounts_file)


# --- the login throttle ------------------------------------------------------------------------------------------


def test_throttle_locks_a_username_for_60_seconds_after_5_failures():
    now = [1000.0]
    throttle = auth.Throttle(clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("hoa")
    assert throttle.wait("hoa") == 0
    throttle.failed("hoa")
    assert (throttle.wait("hoa"), throttle.wait("lan")) == (60, 0)
    now[0] += 59.5
    assert throttle.wait("hoa") == 1
    now[0] += 0.5
    assert throttle.wait("hoa") == 0
    throttle.failed("hoa")  # a new streak starts from one
    assert throttle.wait("hoa") == 0


def test_login_form_locks_after_5_wrong_passwords_even_for_the_right_one(app, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle(clock=lambda: now[0]))
    session = app()
    for _ in range(5):
        session.log_in("hoa", "sai-mat-khau-1")
        assert session.texts("error") == ["Tên đăng nhập hoặc mật khẩu không đúng."]

    session.log_in("hoa", PASSWORDS["hoa"])
    assert session.texts("error") == ["Tài khoản này đã đăng nhập sai 5 lần liên tiếp. Hãy thử lại sau 60 giây."]
    assert auth.SESSION_USER not in session.at.session_state

    now[0] += 60
    session.log_in("hoa", PASSWORDS["hoa"])
    assert not session.texts("error") and session.at.session_state[auth.SESSION_USER] == "hoa"


# --- what each role sees -----------------------------------------------------------------------------------------


def test_anonymous_sees_the_analysis_pages_and_is_sent_to_login_for_a_data_page(app):
    session = app()
    assert session.menu == {"": ["Đăng nhập"], "Phân tích": ANALYSIS}
    assert session.page == "Tổng quan" and session.at.metric  # the overview with its numbers

    session.open("pages/upload.py")
    assert session.page == "Đăng nhập"
    assert session.texts("info") == ["Trang «Nộp báo cáo» dành cho cán bộ dữ liệu. Hãy đăng nhập."]
    assert [t.label for t in session.at.text_input] == ["Tên đăng nhập", "Mật khẩu"]


def test_a_page_guards_itself_when_run_alone():
    def guarded():
        import streamlit as st

        from dashboard import auth

        auth.require("officer")
        st.markdown("bí mật")

    at = AppTest.from_function(guarded).run()
    assert [w.value for w in at.warning] == ["Trang này dành cho cán bộ dữ liệu. Hãy đăng nhập."]
    assert not at.markdown


def test_officer_login_goes_to_the_asked_page_and_shows_the_data_section(app):
    session = app().open("pages/status.py")
    session.log_in("HOA", PASSWORDS["hoa"])  # user names are not case-sensitive
    assert session.page == "Tình hình nộp báo cáo"
    assert session.menu == {"Phân tích": ANALYSIS, "Dữ liệu": DATA}
    assert "Đăng nhập: **Trần Văn Hòa** · Cán bộ dữ liệu" in session.texts("caption")

    session.open("pages/accounts.py")
    assert session.page == "Tài khoản"
    assert session.texts("warning") == ["Trang «Tài khoản» dành cho quản trị viên. Tài khoản Trần Văn Hòa (Cán bộ "
                                        "dữ liệu) chưa có quyền này; hãy nhờ quản trị viên cấp quyền."]
    assert not session.at.dataframe


def test_viewer_cannot_open_the_accounts_page(app):
    session = app().log_in("minh", PASSWORDS["minh"])
    assert session.menu == {"Phân tích": ANALYSIS}
    session.open("pages/accounts.py")
    assert session.texts("warning")[0].startswith("Trang «Tài khoản» dành cho quản trị viên.")
    assert not session.at.dataframe and not session.at.text_input


def test_admin_sees_every_section_and_logs_out(app):
    session = app().log_in("lan", PASSWORDS["lan"])
    assert session.page == "Tổng quan"  # nothing was asked for: the home page
    assert session.menu == {"Phân tích": ANALYSIS, "Dữ liệu": DATA, "Quản trị": ADMIN}

    field_named("Đăng xuất", session.at.button).click().run()
    assert session.menu == {"": ["Đăng nhập"], "Phân tích": ANALYSIS}
    assert auth.SESSION_USER not in session.at.session_state


def test_wrong_disabled_and_removed_accounts(app):
    session = app().log_in("nobody", "mat-khau-dai-lam")
    assert session.texts("error") == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    accounts.set_disabled("hoa", True)
    session.log_in("hoa", PASSWORDS["hoa"])
    assert session.texts("error") == ["Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên."]

    session.log_in("minh", PASSWORDS["minh"])
    assert session.menu == {"Phân tích": ANALYSIS}
    accounts.remove_account("minh")  # by an admin elsewhere: the next click is anonymous
    session.open("pages/overview.py")
    assert session.menu == {"": ["Đăng nhập"], "Phân tích": ANALYSIS}


@pytest.mark.parametrize("how", ["file", "env"])
def test_private_mode_shows_only_the_login_until_login(app, monkeypatch, how):
    if how == "file":
        accounts.set_private(True)
    else:
        monkeypatch.setenv("HTSD_PRIVATE", "1")
    session = app()
    assert session.menu == {"": ["Đăng nhập"]}
    assert session.page == "Đăng nhập" and not session.at.metric
    session.open("pages/compare.py")
    assert (session.page, session.texts("info")) == ("Đăng nhập", ["Trang «So sánh năm» dành cho người đã đăng "
                                                                  "nhập. Hãy đăng nhập."])

    session.log_in("minh", PASSWORDS["minh"])
    assert (session.page, session.menu) == ("So sánh năm", {"Phân tích": ANALYSIS})


# --- the agency's OIDC login -------------------------------------------------------------------------------------


def test_with_oidc_the_login_page_offers_the_agency_login_instead_of_the_password_form(app):
    session = app(secrets={"auth": OIDC}).open("pages/login.py")
    assert [b.label for b in session.at.button] == ["Đăng nhập bằng tài khoản cơ quan"]
    assert not session.at.text_input


@pytest.mark.parametrize(("email", "menu", "name"), [
    ("hoa.sso@sogd.gov.vn", {"Phân tích": ANALYSIS, "Dữ liệu": DATA}, "Trần Văn Hòa"),
    ("khach@gmail.com", {"Phân tích": ANALYSIS}, "Khách Vãng Lai"),
], ids=["known-email-officer", "unknown-email-viewer"])
def test_oidc_role_comes_from_the_account_with_the_same_email(app, email, menu, name):
    add_account("hoa.sso", "officer", None, "Trần Văn Hòa", email="Hoa.SSO@sogd.gov.vn")
    session = app(secrets={"auth": OIDC}, user={"is_logged_in": True, "email": email, "name": "Khách Vãng Lai"})
    assert session.menu == menu
    assert any(name in caption for caption in session.texts("caption"))


def test_oidc_disabled_account_is_refused(app):
    add_account("hoa.sso", "officer", None, email="hoa.sso@sogd.gov.vn")
    accounts.set_disabled("hoa.sso", True)
    session = app(secrets={"auth": OIDC}, user={"is_logged_in": True, "email": "hoa.sso@sogd.gov.vn"})
    assert session.menu == {"": ["Đăng nhập"], "Phân tích": ANALYSIS}
    session.open("pages/login.py")
    assert session.texts("error") == ["Tài khoản hoa.sso@sogd.gov.vn đã bị khóa trên bảng điều khiển. "
                                      "Hãy liên hệ quản trị viên."]


# --- the accounts page -------------------------------------------------------------------------------------------


def shown_accounts(session: Session) -> dict[str, tuple[str, str, str]]:
    table = session.at.dataframe[0].value
    return {row["Tên đăng nhập"]: (row["Vai trò"], row["Đăng nhập bằng"], row["Trạng thái"])
            for _, row in table.iterrows()}


def test_admin_page_adds_changes_locks_and_removes_accounts(app):
    session = app().log_in("lan", PASSWORDS["lan"]).open("pages/accounts.py")
    assert shown_accounts(session) == {"lan": ("Quản trị viên", "mật khẩu", "đang dùng"),
                                       "hoa": ("Cán bộ dữ liệu", "mật khẩu", "đang dùng"),
                                       "minh": ("Người xem", "mật khẩu", "đang dùng")}
    at = session.at

    def add(username: str, first: str, second: str) -> None:
        field_named("Tên đăng nhập", at.text_input).input(username)
        field_named("Họ tên", at.text_input).input("Phạm Thu Hà")
        field_named("Vai trò", at.selectbox).select("admin")
        for box, value in zip([t for t in at.text_input if "Mật khẩu" in t.label or "mật khẩu" in t.label],
                              (first, second), strict=True):
            box.input(value)
        field_named("Thêm tài khoản", at.button).click().run()

    add("ha", "mat-khau-dai-lam", "mat-khau-khac")
    assert session.texts("error") == ["Hai lần nhập mật khẩu không khớp."] and "ha" not in shown_accounts(session)
    add("ha", "mat-khau-dai-lam", "mat-khau-dai-lam")
    assert session.texts("success") == ["Đã thêm tài khoản ha (Quản trị viên)."]
    assert shown_accounts(session)["ha"] == ("Quản trị viên", "mật khẩu", "đang dùng")
    assert accounts.authenticate(accounts.load(), "ha", "mat-khau-dai-lam")

    field_named("Sửa tài khoản", at.selectbox).select("hoa").run()
    at.selectbox(key="role_hoa").select("viewer").run()
    at.button(key="set_role_hoa").click().run()
    at.button(key="lock_hoa").click().run()
    assert shown_accounts(session)["hoa"] == ("Người xem", "mật khẩu", "đã khóa")
    at.checkbox(key="sure_hoa").check().run()
    at.button(key="remove_hoa").click().run()
    assert session.texts("success") == ["Đã xóa tài khoản hoa."] and "hoa" not in shown_accounts(session)

    field_named("Sửa tài khoản", at.selectbox).select("lan").run()
    assert "Đây là tài khoản của bạn: không tự đổi vai trò, khóa hay xóa được." in session.texts("caption")
    assert not [b for b in at.button if b.key in {"lock_lan", "remove_lan", "set_role_lan"}]
