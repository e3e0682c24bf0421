"""Tài khoản (admin): who may log in and with which role; add, change role, reset password, lock, remove.

Every change goes through etl.accounts (the same rules as `python -m etl account`): never the last active admin;
here also never the admin's own account, so nobody locks themselves out by a click.
"""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import auth
from dashboard.format import number
from dashboard.safe_text import literal
from etl import accounts as store
from etl.accounts import ROLE_LABELS, ROLES, AccountError

FLASH = "accounts_flash"  # the last change's confirmation, shown after the rerun that reloads the list
FORM_ROUND = "accounts_form_round"  # a new round gives an empty "add" form after a success

user = auth.require("admin")
st.title("Tài khoản")


def act(change: Callable[[], None], done: str, after: Callable[[], None] | None = None) -> None:
    """Apply a change; on success reload the page with `done` as confirmation, else say why it was refused."""
    try:
        change()
    except AccountError as exc:
        st.error(literal(exc))
        return
    st.session_state[FLASH] = done
    if after:
        after()
    st.rerun()


def next_form_round() -> None:
    st.session_state[FORM_ROUND] = st.session_state.get(FORM_ROUND, 0) + 1


def listing(known: store.Accounts) -> pd.DataFrame:
    rows = [{"Tên đăng nhập": a.username, "Họ tên": a.name, "Email": a.email, "Vai trò": ROLE_LABELS[a.role],
             "Đăng nhập bằng": "mật khẩu" if a.password_hash else "tài khoản cơ quan",
             "Trạng thái": "đã khóa" if a.disabled else "đang dùng"}
            for a in sorted(known.by_name.values(), key=lambda a: (-store.rank(a.role), a.username))]
    return pd.DataFrame(rows)


def password_pair(key: str) -> tuple[str, str]:
    first = st.text_input("Mật khẩu", type="password", key=f"{key}_1", autocomplete="new-password",
                          help=f"Ít nhất {store.MIN_PASSWORD} ký tự.")
    second = st.text_input("Nhập lại mật khẩu", type="password", key=f"{key}_2", autocomplete="new-password")
    return first, second


def add_form() -> None:
    with st.form(f"add_{st.session_state.get(FORM_ROUND, 0)}"):
        st.markdown("**Thêm tài khoản**")
        left, right = st.columns(2)
        username = left.text_input("Tên đăng nhập", help="Chữ không dấu, số và . _ - (2–32 ký tự).")
        name = right.text_input("Họ tên")
        email = left.text_input("Email", help="Khớp với tài khoản cơ quan khi đăng nhập qua nhà cung cấp OIDC.")
        role = right.selectbox("Vai trò", ROLES, index=1, format_func=ROLE_LABELS.get)
        with left:
            first, second = password_pair("add_password")
        st.caption("Để trống mật khẩu khi người này chỉ đăng nhập bằng tài khoản cơ quan (cần email).")
        submitted = st.form_submit_button("Thêm tài khoản", type="primary")
    if not submitted:
        return
    if first != second:
        st.error("Hai lần nhập mật khẩu không khớp.")
        return
    act(lambda: store.add_account(username, role, first or None, name, email=email),
        f"Đã thêm tài khoản {store.normal_username(username)} ({ROLE_LABELS[role]}).", after=next_form_round)


def edit_account(account: store.Account) -> None:
    if account.username == user.username:  # no controls at all: nobody demotes, locks or removes themselves
        st.caption("Đây là tài khoản của bạn: không tự đổi vai trò, khóa hay xóa được.")
    else:
        manage(account)
    with st.form(f"password_{account.username}", clear_on_submit=True, width=640):
        st.markdown("**Đặt lại mật khẩu**")
        first, second = password_pair(f"reset_{account.username}")
        submitted = st.form_submit_button("Đặt lại mật khẩu")
    if submitted:
        if first != second:
            st.error("Hai lần nhập mật khẩu không khớp.")
        else:
            act(lambda: store.set_password(account.username, first), f"Đã đặt mật khẩu mới cho {account.username}.")


def manage(account: store.Account) -> None:
    role_col, lock_col, remove_col = st.columns(3, vertical_alignment="bottom")
    role = role_col.selectbox("Vai trò", ROLES, index=ROLES.index(account.role), format_func=ROLE_LABELS.get,
                              key=f"role_{account.username}")
    if role_col.button("Đổi vai trò", disabled=role == account.role, key=f"set_role_{account.username}"):
        act(lambda: store.set_role(account.username, role), f"{account.username} giờ là {ROLE_LABELS[role].lower()}.")
    lock_label = "Mở khóa tài khoản" if account.disabled else "Khóa tài khoản"
    if lock_col.button(lock_label, key=f"lock_{account.username}"):
        act(lambda: store.set_disabled(account.username, not account.disabled),
            f"Đã {'mở khóa' if account.disabled else 'khóa'} tài khoản {account.username}.")
    sure = remove_col.checkbox("Xóa hẳn tài khoản này", key=f"sure_{account.username}")
    if remove_col.button("Xóa tài khoản", disabled=not sure, key=f"remove_{account.username}"):
        act(lambda: store.remove_account(account.username), f"Đã xóa tài khoản {account.username}.")


def access_setting(known: store.Accounts) -> None:
    forced = auth.private_mode() and not known.private  # set by HTSD_PRIVATE on the server
    private = st.toggle("Chỉ người đã đăng nhập mới xem được bảng điều khiển", value=known.private or forced,
                        disabled=forced, help="Đang bật bằng biến môi trường HTSD_PRIVATE của máy chủ." if forced else
                        "Tắt: ai có đường dẫn cũng xem được các trang Phân tích.")
    if private != (known.private or forced):
        act(lambda: store.set_private(private), "Đã bật chế độ riêng tư." if private else "Đã tắt chế độ riêng tư.")


done = st.session_state.pop(FLASH, None)
if done:
    st.success(done)
known = auth.accounts()
access_setting(known)
st.caption(f"{number(len(known.by_name))} tài khoản · tệp {store.accounts_path()}")
st.dataframe(listing(known), hide_index=True, width="stretch")
chosen = st.selectbox("Sửa tài khoản", sorted(known.by_name), index=None, placeholder="Chọn tài khoản…",
                      format_func=lambda name: f"{name} — {known.by_name[name].label}")
if chosen:
    edit_account(known.by_name[chosen])
add_form()
