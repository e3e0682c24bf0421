"""Hạn nộp báo cáo: the deadline of each level, by default and for a given year, saved to data/deadlines.csv.

Changes are made in callbacks, before the page runs again, so the table below always shows what the file holds.
"""

import pandas as pd
import streamlit as st

from dashboard import auth, db, intake, widgets
from dashboard.safe_text import literal
from warehouse import deadlines
from warehouse import submission_status as status

MESSAGE = "dl_message"  # (kind, text) of the last change, shown once at the top

user = auth.require("admin")
st.title("Hạn nộp báo cáo")
st.caption("Hạn nộp theo cấp của đơn vị gửi báo cáo. Dòng không ghi năm là hạn mặc định cho mọi năm; dòng có năm "
           "thay hạn mặc định của cấp đó trong năm ấy. Báo cáo đúng hạn khi ngày báo cáo (ngày ghi trên biểu, hoặc "
           "ngày nhận tệp nếu biểu không ghi ngày) không muộn hơn hạn nộp.")
path = deadlines.csv_path()
try:
    rules = deadlines.load(path)
except deadlines.DeadlineError as exc:
    st.error(f"Tệp {path} có lỗi nên chưa sửa được ở đây. Sửa tệp rồi tải lại trang:\n\n"
             + "\n".join(f"- {literal(p)}" for p in exc.problems))
    st.stop()


def describe(rule: deadlines.Deadline) -> str:
    return f"{rule.year or 'Mọi năm'} · {deadlines.LEVEL_LABELS[rule.level]} · {rule.text}"


def keep(changed: list[deadlines.Deadline], done: str) -> None:
    """Save the file whole, then bring the warehouse's copy in line (the status page does it too, if busy now)."""
    deadlines.save(changed, path)
    warehouse = db.warehouse_path()
    try:
        if warehouse.exists():
            status.align_deadlines(warehouse, path)
    except intake.WarehouseBusy:
        done += " Kho dữ liệu đang bận; hạn mới được áp dụng khi mở trang «Tình hình nộp báo cáo»."
    st.session_state[MESSAGE] = ("success", done)


def add() -> None:
    row = {"year": st.session_state["dl_year"], "level": st.session_state["dl_level"],
           "deadline": st.session_state["dl_deadline"], "note": st.session_state["dl_note"]}
    try:
        new = deadlines.parse_row(row)
    except ValueError as exc:
        st.session_state[MESSAGE] = ("error", f"Chưa lưu: {literal(exc)}.")
        return
    now = deadlines.load(path)  # as the file is now: another admin may have saved since this page was drawn
    replaced = any(r.slot == new.slot for r in now)
    keep(deadlines.put(now, new), f"Đã {'sửa' if replaced else 'thêm'} hạn nộp: {literal(describe(new))}.")


def remove() -> None:
    gone = st.session_state["dl_remove"]
    keep([r for r in deadlines.load(path) if r.slot != gone.slot], f"Đã xóa hạn nộp: {literal(describe(gone))}.")


if MESSAGE in st.session_state:
    kind, text = st.session_state.pop(MESSAGE)
    (st.success if kind == "success" else st.error)(text)

if rules:
    widgets.table(pd.DataFrame({"Năm": [str(r.year) if r.year else "Mọi năm" for r in rules],
                                "Cấp": [deadlines.LEVEL_LABELS[r.level] for r in rules],
                                "Hạn nộp": [r.text for r in rules], "Ghi chú": [r.note for r in rules]}),
                  key="dl_table")
else:
    widgets.empty("Chưa có hạn nộp nào: trang «Tình hình nộp báo cáo» chỉ cho biết đơn vị đã nộp hay chưa.")

left, right = st.columns(2)
with left, st.form("dl_form"):
    st.markdown("**Thêm hoặc sửa hạn nộp**")
    st.text_input("Năm", key="dl_year", placeholder="Để trống: mọi năm")
    st.selectbox("Cấp", deadlines.LEVELS, format_func=deadlines.LEVEL_LABELS.get, key="dl_level")
    st.text_input("Hạn nộp", key="dl_deadline", placeholder="11/10, hoặc 05/01/2026 cho một năm")
    st.text_input("Ghi chú", key="dl_note", placeholder="Công văn, nơi nhận báo cáo…")
    st.form_submit_button("Lưu hạn nộp", type="primary", on_click=add)
if rules:
    with right, st.form("dl_remove_form"):
        st.markdown("**Xóa hạn nộp**")
        st.selectbox("Hạn nộp", rules, format_func=describe, key="dl_remove")
        st.form_submit_button("Xóa", on_click=remove)
