"""Local accounts of the dashboard: a TOML file of users, bcrypt password hashes, roles, and the access setting.

The file (env HTSD_ACCOUNTS, default config/accounts.toml, never committed) looks like:

    [access]
    private = false            # true: nothing but the login page until someone logs in

    [accounts.lan]
    name = "Nguyễn Thị Lan"
    role = "admin"             # viewer < officer < admin
    email = "lan@sogd.gov.vn"  # matches a login through the agency's OIDC provider
    password = "$2b$12$…"      # bcrypt hash; absent for accounts that only log in through OIDC
    disabled = false

Changes are pure functions on `Accounts` (easy to test, they refuse what would lock everyone out) applied by
`edit`, which holds a lock file while it reads, changes and atomically replaces the file, so the CLI and the
admin page never overwrite each other's change. The file is only ever readable by its owner (mode 0600).
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import bcrypt
import tomli_w

from etl.files import replace_file

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "config" / "accounts.toml"
ROLES = ("viewer", "officer", "admin")  # each can do everything the ones before it can
ROLE_LABELS = {"viewer": "Người xem", "officer": "Cán bộ dữ liệu", "admin": "Quản trị viên"}
MIN_PASSWORD = 10  # characters
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further; longer passwords are refused rather than silently cut
ROUNDS = 12  # bcrypt cost: ~0.25 s per check here, the price of every login attempt, known user or not
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
HEADER = ("# Tài khoản bảng điều khiển Tuần lễ HTSĐ. Sửa bằng lệnh python -m etl account …\n"
          "# hoặc trang Quản trị › Tài khoản. Mật khẩu chỉ lưu dạng băm bcrypt. Không đưa tệp này vào git.\n")


class AccountError(ValueError):
    """A refused change or an unreadable accounts file; the message is for the user, in Vietnamese."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    name: str = ""
    email: str = ""
    password_hash: str = ""  # empty: the account logs in only through the OIDC provider, by its email
    disabled: bool = False

    @property
    def label(self) -> str:
        return self.name or self.username


@dataclass(frozen=True)
class Accounts:
    by_name: dict[str, Account] = field(default_factory=dict)
    private: bool = False

    def get(self, username: str) -> Account | None:
        return self.by_name.get(normal_username(username))

    def by_email(self, email: str) -> Account | None:
        wanted = email.strip().lower()
        return next((a for a in self.by_name.values() if wanted and a.email == wanted), None)

    def active_admins(self) -> int:
        return sum(a.role == "admin" and not a.disabled for a in self.by_name.values())


def accounts_path() -> Path:
    return Path(os.environ.get("HTSD_ACCOUNTS") or DEFAULT_PATH)


def rank(role: str | None) -> int:
    """0 for no role; comparing ranks answers "may this role do what that role may"."""
    return ROLES.index(role) + 1 if role in ROLES else 0


def normal_username(username: str) -> str:
    return username.strip().lower()


# --- passwords ---------------------------------------------------------------------------------------------------


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise AccountError(f"Mật khẩu dài quá {MAX_PASSWORD_BYTES} byte (chữ có dấu tính 2–3 byte mỗi chữ).")


def hash_password(password: str) -> str:
    check_new_password(password)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(ROUNDS)).decode()


@functools.cache
@functools.cache
def _decoy_hash(rounds: int) -> bytes:
    """What a password is checked against when there is no real hash, so every attempt costs the same: made
    once, since hashing it anew on each attempt would make an unknown user take twice as long."""
    return bcrypt.hashpw(os.urandom(16).hex().encode(), bcrypt.gensalt(rounds))


def authenticate(accounts: Accounts, username: str, password: str) -> Account | None:
    """The account these credentials open, or None. Always exactly one bcrypt check: an unknown user, an
    account without a password and a wrong password take the same time, so timing tells nothing."""
    account = accounts.get(username)
    stored = account.password_hash.encode() if account and account.password_hash else _decoy_hash(ROUNDS)
    given = password.encode()
    if len(given) > MAX_PASSWORD_BYTES:  # bcrypt refuses these; spend the same time anyway
        bcrypt.checkpw(b"", stored)
        return None
    matched = bcrypt.checkpw(given, stored)
    return account if matched and account and account.password_hash else None


# --- pure changes ------------------------------------------------------------------------------------------------


def with_new_account(accounts: Accounts, account: Account) -> Accounts:
    if not USERNAME.fullmatch(account.username):
        raise AccountError(f"Tên đăng nhập '{account.username}' không hợp lệ: chỉ gồm chữ không dấu, số và . _ - "
                           "(2–32 ký tự, bắt đầu bằng chữ hoặc số).")
    if account.username in accounts.by_name:
        raise AccountError(f"Tài khoản '{account.username}' đã có.")
    if account.role not in ROLES:
        raise AccountError(f"Vai trò '{account.role}' không có; chọn một trong: {', '.join(ROLES)}.")
    if account.email and not EMAIL.fullmatch(account.email):
        raise AccountError(f"Email '{account.email}' không hợp lệ.")
    owner = accounts.by_email(account.email)
    if owner:
        raise AccountError(f"Email {account.email} đã gắn với tài khoản '{owner.username}'.")
    if not account.password_hash and not account.email:
        raise AccountError("Tài khoản không có mật khẩu phải có email (để đăng nhập bằng tài khoản cơ quan).")
    return replace(accounts, by_name={**accounts.by_name, account.username: account})


def with_change(accounts: Accounts, username: str, **changes) -> Accounts:
    """The account with `changes` (role, password_hash, disabled, name); refused if no active admin would remain."""
    account = _existing(accounts, username)
    if changes.get("role", account.role) not in ROLES:
        raise AccountError(f"Vai trò '{changes['role']}' không có; chọn một trong: {', '.join(ROLES)}.")
    changed = replace(accounts, by_name={**accounts.by_name, account.username: replace(account, **changes)})
    _keep_an_admin(accounts, changed, f"Không thể đổi tài khoản '{account.username}'")
    return changed


def without_account(accounts: Accounts, username: str) -> Accounts:
    account = _existing(accounts, username)
    remaining = {name: a for name, a in accounts.by_name.items() if name != account.username}
    changed = replace(accounts, by_name=remaining)
    _keep_an_admin(accounts, changed, f"Không xóa được '{account.username}'")
    return changed


def _existing(accounts: Accounts, username: str) -> Account:
    account = accounts.get(username)
    if account is None:
        raise AccountError(f"Không có tài khoản '{normal_username(username)}'.")
    return account


def _keep_an_admin(before: Accounts, after: Accounts, refused: str) -> None:
    if before.active_admins() and not after.active_admins():
        raise AccountError(f"{refused}: đây là tài khoản quản trị cuối cùng còn hoạt động.")


# --- the file ----------------------------------------------------------------------------------------------------


def load(path: Path | None = None) -> Accounts:
    """The accounts in the file; no file means no accounts (a public dashboard nobody can log in to yet)."""
    path = path or accounts_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Accounts()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AccountError(f"Không đọc được tệp tài khoản {path}: {exc}") from exc
    entries = data.get("accounts", {})
    if not isinstance(entries, dict) or not isinstance(data.get("access", {}), dict):
        raise AccountError(f"Tệp tài khoản {path} sai cấu trúc: cần các bảng [access] và [accounts.TÊN].")
    return Accounts({normal_username(name): _account(name, entry, path) for name, entry in entries.items()},
                    private=data.get("access", {}).get("private") is True)


def _account(name: str, entry: object, path: Path) -> Account:
    if not isinstance(entry, dict) or entry.get("role") not in ROLES:
        raise AccountError(f"Tệp tài khoản {path}: tài khoản '{name}' thiếu vai trò hợp lệ ({', '.join(ROLES)}).")
    return Account(username=normal_username(name), role=entry["role"], name=str(entry.get("name", "")),
                   email=str(entry.get("email", "")).strip().lower(), password_hash=str(entry.get("password", "")),
                   disabled=entry.get("disabled") is True)


def dumps(accounts: Accounts) -> str:
    entries = {}
    for a in sorted(accounts.by_name.values(), key=lambda a: a.username):
        entry = {"name": a.name, "role": a.role, "email": a.email, "password": a.password_hash, "disabled": a.disabled}
        entries[a.username] = {key: value for key, value in entry.items() if value != ""}
    return HEADER + tomli_w.dumps({"access": {"private": accounts.private}, "accounts": entries})


def save(accounts: Accounts, path: Path | None = None) -> None:
    """Replace the file whole, readable by the server's user only."""
    replace_file(path or accounts_path(), dumps(accounts), mode=0o600)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def edit(change: Callable[[Accounts], Accounts], path: Path | None = None) -> Accounts:
    """Read, change and write the file under its lock; nothing is written when `change` refuses."""
    path = path or accounts_path()
    with _locked(path):
        changed = change(load(path))
        save(changed, path)
    return changed


# --- what the CLI and the admin page call ------------------------------------------------------------------------


def add_account(username: str, role: str, password: str | None, name: str | None = None, path: Path | None = None,
                email: str | None = None) -> Account:
    """A new account; `password` None makes an account that logs in only through OIDC, by its email."""
    account = Account(normal_username(username), role, (name or "").strip(), (email or "").strip().lower(),
                      hash_password(password) if password is not None else "")
    edit(lambda accounts: with_new_account(accounts, account), path)
    return account


def set_password(username: str, password: str, path: Path | None = None) -> None:
    hashed = hash_password(password)
    edit(lambda accounts: with_change(accounts, username, password_hash=hashed), path)


def set_role(username: str, role: str, path: Path | None = None) -> None:
    edit(lambda accounts: with_change(accounts, username, role=role), path)


def set_disabled(username: str, disabled: bool, path: Path | None = None) -> None:
    edit(lambda accounts: with_change(accounts, username, disabled=disabled), path)


def remove_account(username: str, path: Path | None = None) -> None:
    edit(lambda accounts: without_account(accounts, username), path)


def set_private(private: bool, path: Path | None = None) -> None:
    edit(lambda accounts: replace(accounts, private=private), path)
