"""Chuẩn hóa tên đơn vị: a data officer tells which official unit a name from old forms means.

The alias is stored in data/unit_aliases.csv (the ETL uses it from then on) and applied at once to
every report already loaded under the name. Admins also see and remove stored aliases.
"""

import pandas as pd
import streamlit as st

from dashboard import auth, db, intake, widgets
from dashboard.safe_text import literal
from etl import aliases
from etl.units import load_index

SUGGESTED = 8  # candidates shown with why they are suggested
user = auth.require("officer")
st.title("Chuẩn hóa tên đơn vị")
st.caption("Tên đơn vị trong biểu mẫu mà danh mục chính thức không có (ví dụ phường đã sáp nhập trước năm 2025). "
           "Chọn đơn vị đúng: tên gọi được lưu lại, áp dụng ngay cho mọi báo cáo đã nạp và cho các lần nạp sau.")
warehouse = db.warehouse_path()
done = st.session_state.pop("names_done", None)
if done:
    st.success(done)

snapshot = db.read_path()
pending = intake.fresh(aliases.unresolved, snapshot) if snapshot else []
if not pending:
    st.success("Mọi tên đơn vị trong kho dữ liệu đều đã xác định.")
else:
    widgets.table(pd.DataFrame({
        "Tên ghi trong báo cáo": [p["reported_name"] for p in pending],
        "Thuộc": [p["under_unit"] for p in pending],
        "Năm": [", ".join(map(str, p["years"])) for p in pending],
        "Số báo cáo": [p["reports"] for p in pending]}), key="names_pending")
    index = load_index()
    chosen = st.selectbox("Tên cần xác định", range(len(pending)), key="names_pick",
                          format_func=lambda i: f"{pending[i]['reported_name']} — {pending[i]['under_unit']}")
    name, parent = pending[chosen]["reported_name"], index.units[pending[chosen]["parent_key"]]
    ranked = aliases.suggestions(index, name, parent, limit=None)  # the top ones labelled, then every other
    options = [s.unit for s in ranked]
    labels = {s.unit.key: f"{s.unit.name} — {s.reason}" + ("" if s.score == 1 else f" (giống {s.score:.0%})")
              for s in ranked[:SUGGESTED]}
    target = st.selectbox("Thuộc đơn vị chính thức", options, key="names_target",
                          format_func=lambda u: labels.get(u.key, u.name),
                          help="Các gợi ý xếp theo mức giống tên; gõ để tìm đơn vị khác trong cùng tỉnh.")
    note = st.text_input("Ghi chú (không bắt buộc)", key="names_note",
                         placeholder="Ví dụ: sáp nhập theo Nghị quyết … năm 2021")
    if st.button("Lưu và áp dụng cho mọi số liệu", type="primary", key="names_save"):
        aliases.add_alias(name, target, index, note or f"xác định bởi {user.username}")
        moved = intake.fresh(aliases.apply_to_warehouse, warehouse)
        st.session_state["names_done"] = (f"Đã ghi nhận “{literal(name)}” là {literal(target.name)}; {len(moved)} "
                                          "đơn vị chưa xác định đã được gắn vào đơn vị chính thức.")
        st.rerun()

if auth.has_role("admin"):
    st.subheader("Tên gọi đã lưu")
    stored = aliases.read_aliases()
    maps = {"legacy": "trước 1/7/2025", "2025": "từ 1/7/2025"}
    widgets.table(pd.DataFrame(stored).assign(map=lambda t: t["map"].map(maps).fillna(t["map"])).rename(columns={
        "map": "Bản đồ", "province": "Mã tỉnh", "alias": "Tên gọi", "code": "Mã đơn vị", "note": "Ghi chú"}),
        key="names_stored")
    if stored:
        drop = st.selectbox("Xóa tên gọi", range(len(stored)), key="names_drop",
                            format_func=lambda i: f"{stored[i]['alias']} → {stored[i]['code']} ({stored[i]['map']})")
        if st.button("Xóa", key="names_remove"):
            row = stored[drop]
            aliases.remove_alias(row["alias"], row["code"], row["map"])
            st.session_state["names_done"] = (f"Đã xóa tên gọi “{literal(row['alias'])}”. Báo cáo đã gắn theo tên gọi "
                                              "này giữ nguyên cho đến khi nạp lại biểu mẫu.")
            st.rerun()
