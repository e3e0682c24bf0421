"""Who is using the dashboard, and what they may see: local accounts (etl/accounts.py) or the agency's OIDC login.

The session keeps only the username; every run looks the account up again in the accounts file (re-read when
the file changes), so a role changed, an account disabled or removed by an admin takes effect on the user's
next click, not at their next login.

Roles: "viewer" < "officer" (data officer) < "admin". Without a login a session may read the analysis pages,
unless the dashboard is private (`[access] private = true` in the accounts file, or env HTSD_PRIVATE=1).
"""

from __future__ import annotations

import functools
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard import login_cookie
from dashboard.safe_text import literal
from etl import accounts as store
from etl.accounts import ROLE_LABELS, Account, AccountError, Accounts, rank

SESSION_USER = "auth_username"
COOKIE_CHECKED = "auth_cookie_checked"  # this session has looked at its login cookie (or logged out)
COOKIE_TO_WRITE = "auth_cookie_to_write"  # the login cookie's new value for the page to store; "" deletes it
NEXT_PAGE = "auth_next_page"  # (script, title, role) of the page a login was asked for; the login page goes there
LOGIN_PAGE = "pages/login.py"
HOME_PAGE = "pages/overview.py"
MAX_FAILURES = 5
LOCK_SECONDS = 60
AUDIENCE = {"viewer": "người đã đăng nhập", "officer": "cán bộ dữ liệu", "admin": "quản trị viên"}
LOG = logging.getLogger("htsd.auth")


@dataclass(frozen=True)
class User:
    username: str
    name: str
    role: str


# --- the accounts file -------------------------------------------------------------------------------------------


def accounts() -> Accounts:
    return _accounts_now()[0]


def accounts_problem() -> str | None:
    """Why the accounts file cannot be read, for the login page; None when it can."""
    return _accounts_now()[1]


def _accounts_now() -> tuple[Accounts, str | None]:
    """The accounts as the file holds them now. A broken file fails closed: no accounts, and private."""
    return _read(*_stamp(store.accounts_path()))


def _stamp(path: Path) -> tuple[Path, int, int]:
    """Identifies one version of the file: a save replaces it (new inode, new mtime)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return path, 0, 0
    return path, stat.st_ino, stat.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _read(path: Path, inode: int, mtime_ns: int) -> tuple[Accounts, str | None]:
    """One version of the file, read (and, when broken, logged) once."""
    try:
        return store.load(path), None
    except AccountError as exc:
        LOG.error("accounts file unreadable: %s", exc)
        return Accounts(private=True), str(exc)


def private_mode() -> bool:
    return os.environ.get("HTSD_PRIVATE", "").strip().lower() in {"1", "true", "yes"} or accounts().private


def oidc_configured() -> bool:
    """An OIDC provider is set up in Streamlit's secrets (`[auth]` in .streamlit/secrets.toml)."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


# --- the session's user ------------------------------------------------------------------------------------------


def current_user() -> User | None:
    known = accounts()
    username = st.session_state.get(SESSION_USER) or _remembered(known)
    if username:
        account = known.get(username)
        if account and account.password_hash and not account.disabled:
            return User(account.username, account.label, account.role)
        del st.session_state[SESSION_USER]  # removed, disabled or password dropped since the login
        return None
    return _oidc_user(known) if oidc_configured() else None


def _remembered(known: Accounts) -> str | None:
    """The username of an earlier password login in this browser, once per session (dashboard.login_cookie)."""
    if st.session_state.get(COOKIE_CHECKED):
        return None
    st.session_state[COOKIE_CHECKED] = True
    value = st.context.cookies.get(login_cookie.NAME)
    if not value or oidc_configured():
        return None
    try:
        account = login_cookie.holder(value, known, login_cookie.signing_key(store.accounts_path()))
    except (OSError, ValueError) as exc:
        LOG.error("login cookie key unusable: %s", exc)
        return None
    if account is None:
        st.session_state[COOKIE_TO_WRITE] = ""  # expired, forged, or its password changed: delete it
        return None
    st.session_state[SESSION_USER] = account.username
    return account.username


def _remember(account: Account) -> None:
    """Have the page store the login cookie; without a usable key the login lasts for this session only."""
    try:
        st.session_state[COOKIE_TO_WRITE] = login_cookie.issue(account, login_cookie.signing_key(store.accounts_path()))
    except (OSError, ValueError) as exc:
        LOG.error("login cookie key unusable: %s", exc)


def oidc_email() -> str | None:
    """The email the OIDC provider vouches for in this session; None when not logged in through it."""
    if not (oidc_configured() and st.user.get("is_logged_in")):
        return None
    email = str(st.user.get("email") or "").strip().lower()
    return email if email and st.user.get("email_verified") is not False else None


def _oidc_user(known: Accounts) -> User | None:
    """The agency login's user; its role comes from the account with its email, viewer without one."""
    email = oidc_email()
    if email is None:
        return None
    account = known.by_email(email)
    if account is not None and account.disabled:
        return None
    name = (account.name if account else "") or str(st.user.get("name") or email)
    return User(account.username, name, account.role) if account else User(email, name, "viewer")


def session_role() -> str | None:
    """The user's role; a session without a login reads as a viewer unless the dashboard is private."""
    user = current_user()
    if user:
        return user.role
    return None if private_mode() else "viewer"


def has_role(role: str) -> bool:
    return rank(session_role()) >= rank(role) > 0


def require(role: str) -> User:
    """The logged-in user when they have `role`; otherwise say who the page is for and stop the page.
    (app.py sends a session without a login to the login page first; this guards the page whoever runs it.)"""
    user = current_user()
    if user and rank(user.role) >= rank(role):
        return user
    st.warning(refusal(role, user))
    st.stop()


def refusal(role: str, user: User | None, page: str | None = None) -> str:
    """'Trang này dành cho cán bộ dữ liệu. Hãy đăng nhập.' and its variants."""
    subject = f"Trang «{page}»" if page else "Trang này"
    if user is None:
        return f"{subject} dành cho {AUDIENCE[role]}. Hãy đăng nhập."
    return (f"{subject} dành cho {AUDIENCE[role]}. Tài khoản {literal(user.name)} ({ROLE_LABELS[user.role]}) chưa có "
            "quyền này; hãy nhờ quản trị viên cấp quyền.")


# --- logging in and out ------------------------------------------------------------------------------------------


@dataclass
class Throttle:
    """Failed logins per username, for the whole server: after `limit` failures in a row the username is
    refused for `lock_seconds` (wrong password or not, so the lock tells nothing about the account)."""

    limit: int = MAX_FAILURES
    lock_seconds: float = LOCK_SECONDS
    clock: Callable[[], float] = time.monotonic
    _streaks: dict[str, tuple[int, float]] = field(default_factory=dict)  # username -> (failures, locked until)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, username: str) -> int:
        """Whole seconds before this username may try again; 0 when it may now."""
        with self._guard:
            _, until = self._streaks.get(username, (0, 0.0))
        return max(0, math.ceil(until - self.clock()))

    def failed(self, username: str) -> None:
        with self._guard:
            failures = self._streaks.get(username, (0, 0.0))[0] + 1
            locked = failures >= self.limit
            self._streaks[username] = (0, self.clock() + self.lock_seconds) if locked else (failures, 0.0)

    def succeeded(self, username: str) -> None:
        with self._guard:
            self._streaks.pop(username, None)


THROTTLE = Throttle()


def log_in(username: str, password: str) -> str | None:
    """Log the session in with a local account; the Vietnamese reason when refused."""
    username = store.normal_username(username)
    if not username or not password:
        return "Hãy nhập tên đăng nhập và mật khẩu."
    wait = THROTTLE.wait(username)
    if wait:
        return (f"Tài khoản này đã đăng nhập sai {MAX_FAILURES} lần liên tiếp. Hãy thử lại sau {wait} giây.")
    account = store.authenticate(accounts(), username, password)
    if account is None:
        THROTTLE.failed(username)
        LOG.warning("failed login for %r", username)
        return "Tên đăng nhập hoặc mật khẩu không đúng."
    THROTTLE.succeeded(username)
    if account.disabled:
        return "Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên."
    st.session_state[SESSION_USER] = account.username
    _remember(account)
    LOG.info("login %r (%s)", account.username, account.role)
    return None


def log_out() -> None:
    """Forget the local login, here and in the browser's cookie; an OIDC login is ended with the provider too
    (st.logout starts a new session)."""
    st.session_state.pop(SESSION_USER, None)
    st.session_state[COOKIE_CHECKED] = True  # the cookie this session arrived with no longer counts
    st.session_state[COOKIE_TO_WRITE] = ""
    if oidc_email():
        st.logout()


def account_box() -> None:
    """In the sidebar: who is logged in, and the "Đăng xuất" button (which returns to the home page); and the
    script that stores or deletes the login cookie, on the run after a login or logout."""
    user = current_user()  # first: it may find the cookie stale, and so have it deleted
    written = st.session_state.pop(COOKIE_TO_WRITE, None)
    if written is not None and (code := login_cookie.script(written)):
        st.sidebar.html(code, unsafe_allow_javascript=True)
    if user is None:
        return
    st.sidebar.caption(f"Đăng nhập: **{literal(user.name)}** · {ROLE_LABELS[user.role]}")
    if st.sidebar.button("Đăng xuất", icon=":material/logout:", key="auth_logout"):
        log_out()
        st.switch_page(HOME_PAGE)
