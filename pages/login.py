"""Đăng nhập: a local account's username and password, or the agency's OIDC login when one is configured.

After a login the user goes to the page they were asking for (auth.NEXT_PAGE), else to the home page.
"""

import streamlit as st

from dashboard import auth
from dashboard.safe_text import literal
from etl.accounts import ROLE_LABELS

st.title("Đăng nhập")

user = auth.current_user()
if user is not None:
    st.success(f"Bạn đang đăng nhập là **{literal(user.name)}** ({ROLE_LABELS[user.role]}).")
    st.stop()

asked = st.session_state.get(auth.NEXT_PAGE)
if asked:
    _, title, role = asked
    st.info(auth.refusal(role, None, title))
problem = auth.accounts_problem()
if problem:
    st.error(f"Tệp tài khoản có lỗi nên chưa ai đăng nhập được: {literal(problem)} Người quản trị máy chủ kiểm tra "
             "bằng lệnh `python -m etl account list`.")

if auth.oidc_configured():
    refused = auth.oidc_email()  # logged in with the provider, yet no user: the account with that email is disabled
    if refused:
        st.error(f"Tài khoản {refused} đã bị khóa trên bảng điều khiển. Hãy liên hệ quản trị viên.")
        st.button("Đăng xuất", on_click=auth.log_out)
    elif st.button("Đăng nhập bằng tài khoản cơ quan", type="primary", icon=":material/badge:"):
        st.login()
    st.stop()

with st.form("login", width=420):
    username = st.text_input("Tên đăng nhập", autocomplete="username")
    password = st.text_input("Mật khẩu", type="password", autocomplete="current-password")
    submitted = st.form_submit_button("Đăng nhập", type="primary")
if submitted:
    reason = auth.log_in(username, password)
    if reason:
        st.error(reason)
    else:
        target = st.session_state.pop(auth.NEXT_PAGE, None)
        st.switch_page(target[0] if target else auth.HOME_PAGE)
