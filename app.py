"""Tuần lễ hưởng ứng học tập suốt đời — the dashboard. Run: streamlit run app.py

Builds the demo warehouse on first start when none exists, renders the global filters in the
sidebar (kept in the URL), then runs the page chosen in the navigation.
"""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import db, filters

PAGES = [
    st.Page("pages/overview.py", title="Tổng quan", icon=":material/dashboard:", default=True),
    st.Page("pages/participation.py", title="Tham gia", icon=":material/groups:", url_path="tham-gia"),
    st.Page("pages/funding.py", title="Kinh phí", icon=":material/payments:", url_path="kinh-phi"),
    st.Page("pages/compare.py", title="So sánh năm", icon=":material/compare_arrows:", url_path="so-sanh"),
    st.Page("pages/data.py", title="Dữ liệu", icon=":material/table_view:", url_path="du-lieu"),
]


def ensure_warehouse() -> bool:
    """True when there is a warehouse to show; on a fresh machine the demo one is built first."""
    path = db.warehouse_path()
    if path.exists():
        return True
    if path != db.DEFAULT_DB:
        st.warning(f"Chưa có kho dữ liệu tại `{path}`. Tạo bằng lệnh `python -m etl ingest THƯ_MỤC_BIỂU_MẪU "
                   f"--db {path}` rồi tải lại trang.")
        return False
    with db.FIRST_START:  # sessions opened meanwhile wait for the one build instead of starting their own
        if not path.exists():
            build_demo_with_progress(path)
    return True


def build_demo_with_progress(path) -> None:
    from etl.demo_warehouse import build_demo

    with st.status("Lần chạy đầu: đang tạo kho dữ liệu minh họa từ các biểu mẫu mẫu…", expanded=True) as status:
        bar = st.progress(0.0, text="Đang tạo biểu mẫu…")

        def step(done: int, total: int) -> None:
            bar.progress(done / total, text=f"Đang đọc biểu mẫu {done}/{total}")

        results = build_demo(path, path.parent / "demo_forms", on_progress=step)
        status.update(label=f"Đã tạo kho dữ liệu minh họa ({len(results)} tệp).", state="complete", expanded=False)


def main() -> None:
    st.set_page_config(page_title="Tuần lễ học tập suốt đời", page_icon=":material/school:", layout="wide")
    navigation = st.navigation(PAGES)
    st.sidebar.markdown("**Tuần lễ hưởng ứng học tập suốt đời**")
    try:
        if not ensure_warehouse():
            return
        st.session_state["selection"] = filters.sidebar()
        navigation.run()
    except Exception:  # a user never sees a traceback; the log keeps it (st.stop/st.rerun are not Exceptions)
        st.error("Trang gặp lỗi khi hiển thị. Hãy thử bỏ bớt bộ lọc hoặc tải lại trang; nếu lỗi còn, báo cho "
                 "cán bộ quản trị kèm đường dẫn trang này.")
        logging.getLogger("htsd").exception("page failed")


main()
