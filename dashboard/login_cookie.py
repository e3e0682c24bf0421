"""A password login kept across reloads and new tabs, in a signed cookie.

Streamlit keeps a session's state only as long as its browser tab's connection: a reload, a link opened in a new
tab or a bookmark starts a new session. An OIDC login (st.login) survives that through Streamlit's own cookie; a
local password login needs this one. After a password login the browser keeps `htsd_login`: the username and the
time of the login, signed with itsdangerous (HMAC-SHA256) under a secret kept beside the accounts file (created on
first use, readable by its owner only) and salted with the account's password hash. A new session bringing a
valid cookie starts logged in. A changed password, a removed account or a changed secret ends every such login at
once; a disabled account is refused by auth.current_user as any session is; "Đăng xuất" clears the cookie.

A script run cannot set an HTTP cookie, but the server that runs it can: served by `streamlit run app.py`
(app.py's st.App with the two routes of `routes()`), the page sends the browser to LOGIN_ROUTE with a one-time ticket,
and the answer sets the cookie HttpOnly, so no script in the page can read it, then returns to the page; logging
out goes through LOGOUT_ROUTE the same way. The cookie is SameSite=Strict (Secure over HTTPS). Run without these
routes (AppTest, or mounted elsewhere) no cookie is written at all, since a page's script could only write one that
is not HttpOnly: a login then lasts as long as its session.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from itsdangerous import BadSignature, TimestampSigner
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from etl.accounts import Account, Accounts

NAME = "htsd_login"
LIFETIME_S = 12 * 3600  # a working day: a login in the morning lasts until the evening, then asks again
KEY_BYTES = 32
LOGIN_ROUTE, LOGOUT_ROUTE = "/_htsd/login", "/_htsd/logout"
TICKET_S = 60  # the page's redirect follows at once; a ticket left unused expires
_tickets: dict[str, tuple[str, float]] = {}  # one-time ticket -> (cookie value, expiry), for LOGIN_ROUTE
_tickets_guard = threading.Lock()
_served_routes = False  # set by routes(): this process serves LOGIN_ROUTE and LOGOUT_ROUTE


def key_path(accounts_file: Path) -> Path:
    return accounts_file.with_name(accounts_file.name + ".key")


def signing_key(accounts_file: Path) -> bytes:
    """The server's secret, made once and never overwritten: written whole to a temporary file, then linked
    into place, so two servers starting together agree on it and none ever reads half of it."""
    path = key_path(accounts_file)
    if not path.exists():
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mode 0600
        with os.fdopen(handle, "w") as out:
            out.write(secrets.token_hex(KEY_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    key = bytes.fromhex(path.read_text().strip())
    if len(key) < KEY_BYTES:
        raise ValueError(f"{path}: the key is shorter than {KEY_BYTES} bytes")
    return key


class _Signer(TimestampSigner):
    """itsdangerous' timestamped signature for one account, on a clock that tests may set. The salt is the
    account's password hash: a new password (or none) makes every earlier cookie of the account invalid."""

    def __init__(self, key: bytes, account: Account, now: float | None) -> None:
        super().__init__(key, salt=f"{NAME}\n{account.password_hash}", digest_method=hashlib.sha256)
        self.now = now

    def get_timestamp(self) -> int:
        return int(time.time() if self.now is None else self.now)


def issue(account: Account, key: bytes, now: float | None = None) -> str:
    """The cookie's value for a login made now: `user.time.signature`, the username in URL-safe base64."""
    user = base64.urlsafe_b64encode(account.username.encode()).decode().rstrip("=")
    return _Signer(key, account, now).sign(user).decode()


def holder(value: str, known: Accounts, key: bytes, now: float | None = None) -> Account | None:
    """The account a cookie value still logs in, or None: forged, expired, or the password changed since.
    The name is read before the signature is checked only to find whose password hash salts it."""
    if not isinstance(value, str):  # AppTest's st.context hands a stand-in object
        return None
    user = value.split(".", 1)[0]
    try:
        account = known.get(base64.urlsafe_b64decode(user + "=" * (-len(user) % 4)).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if account is None or not account.password_hash:
        return None
    try:
        _Signer(key, account, now).unsign(value, max_age=LIFETIME_S)
    except BadSignature:  # also an expired one (SignatureExpired) and a garbled time (BadTimeSignature)
        return None
    return account


def script(value: str | None) -> str | None:
    """The page script that sends the browser through the server's route that stores the cookie (or, for an empty
    value, deletes it); None when this process serves no such routes."""
    if not _served_routes:
        return None
    target = f"{LOGIN_ROUTE}?ticket={_ticket(value)}&" if value else f"{LOGOUT_ROUTE}?"
    return ("<script>location.replace(" + json.dumps(target + "next=")
            + " + encodeURIComponent(location.pathname + location.search));</script>")


def _ticket(value: str) -> str:
    """A random one-time name for `value`, so that the cookie itself never appears in a URL or a log."""
    ticket, now = secrets.token_urlsafe(32), time.monotonic()
    with _tickets_guard:
        for stale in [t for t, (_, expiry) in _tickets.items() if expiry < now]:
            del _tickets[stale]
        _tickets[ticket] = (value, now + TICKET_S)
    return ticket


def routes() -> list[Route]:
    """The server's two routes (app.py's st.App mounts them); from then on the pages use them."""
    global _served_routes
    _served_routes = True
    return [Route(LOGIN_ROUTE, _store), Route(LOGOUT_ROUTE, _delete)]


def _back(request: Request) -> RedirectResponse:
    """Back to the page the user was on: a path on this server only, never another site."""
    target = request.query_params.get("next", "/")
    local = target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc
    return RedirectResponse(target if local and "\\" not in target else "/", status_code=303)


async def _store(request: Request) -> RedirectResponse:
    with _tickets_guard:
        value, expiry = _tickets.pop(request.query_params.get("ticket", ""), ("", 0.0))
    response = _back(request)
    if value and expiry >= time.monotonic():
        response.set_cookie(NAME, value, max_age=LIFETIME_S, path="/", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response


async def _delete(request: Request) -> RedirectResponse:
    response = _back(request)
    response.delete_cookie(NAME, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response
