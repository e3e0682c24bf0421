"""Tuần lễ hưởng ứng học tập suốt đời — the dashboard. Run: streamlit run app.py

Shows the navigation the session's role allows (analysis for everyone, unless the dashboard is private; data pages
for data officers; administration for admins), builds the demo warehouse on first start when none exists, renders
the analysis pages' filters in the sidebar (kept in the URL), then runs the page chosen.

`streamlit run app.py` first imports this file to look for a server (st.App): imported, it is one, serving this
same file as the page script with the login cookie's routes (dashboard/login_cookie.py); run as the script, it
shows the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard import auth, db, filters, login_cookie, vietnamese
from warehouse.load import DEFAULT_DB


@dataclass(frozen=True)
class Entry:
    script: str
    title: str
    icon: str
    url_path: str | None = None  # None: the home page


STATIC = Path(__file__).resolve().parent / "static"
FAVICON = str(STATIC / "favicon.png")  # served by the app, not a font CDN
ANALYSIS, DATA, ADMIN = "Phân tích", "Dữ liệu", "Quản trị"
SECTIONS = {  # section -> (role it needs, its pages)
    ANALYSIS: ("viewer", (
        Entry("pages/overview.py", "Tổng quan", ":material/dashboard:"),
        Entry("pages/participation.py", "Tham gia", ":material/groups:", "tham-gia"),
        Entry("pages/funding.py", "Kinh phí", ":material/payments:", "kinh-phi"),
        Entry("pages/compare.py", "So sánh năm", ":material/compare_arrows:", "so-sanh"),
        Entry("pages/data.py", "Dữ liệu", ":material/table_view:", "du-lieu"),
        Entry("pages/present.py", "Trình chiếu", ":material/slideshow:", "trinh-chieu"),
    )),
    DATA: ("officer", (
        Entry("pages/upload.py", "Nộp báo cáo", ":material/upload_file:", "nop-bao-cao"),
        Entry("pages/history.py", "Lịch sử nộp báo cáo", ":material/history:", "lich-su"),
        Entry("pages/status.py", "Tình hình nộp báo cáo", ":material/fact_check:", "tinh-hinh-nop"),
        Entry("pages/quality.py", "Chất lượng dữ liệu", ":material/rule:", "chat-luong"),
        Entry("pages/names.py", "Chuẩn hóa tên đơn vị", ":material/spellcheck:", "ten-don-vi"),
    )),
    ADMIN: ("admin", (
        Entry("pages/accounts.py", "Tài khoản", ":material/manage_accounts:", "tai-khoan"),
        Entry("pages/deadlines.py", "Hạn nộp báo cáo", ":material/event:", "han-nop"),
    )),
}
LOGIN = Entry(auth.LOGIN_PAGE, "Đăng nhập", ":material/login:", "dang-nhap")


@dataclass(frozen=True)
class Placed:
    """A page as registered this run, with the section it sits in and the role it needs."""

    page: st.Page
    entry: Entry
    section: str
    role: str | None  # None: anyone (the login page)


def pages() -> list[Placed]:
    """Every page is registered, so a link to any of them resolves; those the session may not open are hidden
    from the menu (the login page too, once logged in)."""
    placed = [Placed(_page(entry, auth.has_role(role)), entry, section, role)
              for section, (role, entries) in SECTIONS.items() for entry in entries]
    return placed + [Placed(_page(LOGIN, auth.current_user() is None), LOGIN, "", None)]


def _page(entry: Entry, visible: bool) -> st.Page:
    return st.Page(entry.script, title=entry.title, icon=entry.icon, url_path=entry.url_path,
                   default=entry.url_path is None, visibility="visible" if visible else "hidden")


def by_section(placed: list[Placed]) -> dict[str, list[st.Page]]:
    sections: dict[str, list[st.Page]] = {}
    for p in placed:
        sections.setdefault(p.section, []).append(p.page)
    return sections


def admit(placed: Placed) -> None:
    """Run nothing the session may not see: without a login, go to the login page (which returns here after);
    logged in but short of the role, say so and stop. The pages' own auth.require is the second lock."""
    if placed.role is None:
        return
    if auth.has_role(placed.role):
        st.session_state.pop(auth.NEXT_PAGE, None)  # went elsewhere: a later login no longer jumps back
        return
    user = auth.current_user()
    if user is None:
        st.session_state[auth.NEXT_PAGE] = (placed.entry.script, placed.entry.title, placed.role)
        st.switch_page(auth.LOGIN_PAGE)
    st.title(placed.entry.title)
    st.warning(auth.refusal(placed.role, user, placed.entry.title))
    st.stop()


def ensure_warehouse() -> bool:
    """True when there is a published warehouse to show; on a fresh machine the demo one is built first."""
    if db.read_path() is not None:
        return True
    path = db.warehouse_path()
    if path != DEFAULT_DB or path.exists():
        st.warning(f"Chưa có kho dữ liệu tại `{db.published_folder()}`. Tạo bằng lệnh `python -m etl ingest "
                   f"THƯ_MỤC_BIỂU_MẪU --db {path}` rồi tải lại trang.")
        return False
    with db.FIRST_START:  # sessions opened meanwhile wait for the one build instead of starting their own
        if not path.exists():
            build_demo_with_progress(path)
    return db.read_path() is not None


def build_demo_with_progress(path) -> None:
    from etl.demo_warehouse import build_demo

    with st.status("Lần chạy đầu: đang tạo kho dữ liệu minh họa từ các biểu mẫu mẫu…", expanded=True) as status:
        bar = st.progress(0.0, text="Đang tạo biểu mẫu…")

        def step(done: int, total: int) -> None:
            bar.progress(done / total, text=f"Đang đọc biểu mẫu {done}/{total}")

        results = build_demo(path, path.parent / "demo_forms", on_progress=step)
        status.update(label=f"Đã tạo kho dữ liệu minh họa ({len(results)} tệp).", state="complete", expanded=False)


def main() -> None:
    st.set_page_config(page_title="Tuần lễ học tập suốt đời", page_icon=FAVICON, layout="wide")
    registered = pages()
    navigation = st.navigation(by_section(registered), expanded=True)
    placed = next(p for p in registered if p.page is navigation)
    st.sidebar.markdown("**Tuần lễ hưởng ứng học tập suốt đời**")
    st.html(STATIC / "app.css")
    with st.sidebar:
        vietnamese.install()
    try:
        auth.account_box()
        admit(placed)
        db.ensure_upgraded()
        if placed.section == ANALYSIS:  # data pages open the warehouse themselves; an upload may create it
            if not ensure_warehouse():
                return
            st.session_state["selection"] = filters.sidebar()
        navigation.run()
    except Exception:  # a user never sees a traceback; the log keeps it (st.stop/st.rerun are not Exceptions)
        st.error("Trang gặp lỗi khi hiển thị. Hãy thử bỏ bớt bộ lọc hoặc tải lại trang; nếu lỗi còn, báo cho "
                 "cán bộ quản trị kèm đường dẫn trang này.")
        logging.getLogger("htsd").exception("page failed")


if __name__ == "__main__":  # the script Streamlit runs for every session
    main()
else:  # `streamlit run app.py` imports this file first and serves the `app` found in it: this same script, with
    app = st.App(__file__, routes=login_cookie.routes())  # the routes that set the login cookie HttpOnly
