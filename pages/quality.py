"""Chất lượng dữ liệu: what the quality views (warehouse/sql/quality.sql) find in the current reports, each finding
naming the file, sheet and cell to open; the original file downloadable, the findings exportable.

Read fresh from the warehouse, opened read-only for a moment (the app must not hold it: see dashboard/db.py),
and cached per warehouse version, so a new ingest shows on the next click.
"""

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import auth, db, intake, widgets
from dashboard.format import number
from dashboard.safe_text import literal
from warehouse import quality

HEADERS = {  # in the order shown: where to look comes before the long message, which the screen may cut
    "year": "Năm", "unit_name": "Đơn vị", "sheet": "Trang tính", "cell": "Ô", "message": "Nội dung", "file_name": "Tệp",
    "value": "Giá trị", "rule_label": "Quy tắc", "province_name": "Tỉnh/thành phố"}
ALL_YEARS = "Tất cả các năm"

user = auth.require("officer")
st.title("Chất lượng dữ liệu")


@st.cache_data(max_entries=4, show_spinner="Đang đọc các kiểm tra chất lượng…")
def load(path: Path, version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Findings and rule names of this published snapshot (its name is its version)."""
    with intake.reading(path) as con:
        return quality.findings(con), quality.rule_names(con)


path = db.read_path()
if path is None:
    widgets.empty("Chưa có kho dữ liệu. Nạp báo cáo ở trang «Nộp báo cáo» trước.")
    st.stop()
found, rules = intake.fresh(load, path, path.name)
try:
    quality.load_rules()
except (quality.RulesError, OSError) as problem:
    st.warning(f"Tệp ngưỡng kiểm tra có lỗi, các kiểm tra vẫn dùng ngưỡng của lần nạp trước: {literal(problem)}")
st.caption("Các kiểm tra chạy trên phiên bản hiện hành của mỗi báo cáo. Ngưỡng phát hiện bất thường nằm trong "
           "data/quality_rules.csv và được áp dụng từ lần nạp báo cáo tiếp theo.")

labels = dict(zip(rules["rule"], rules["label"], strict=True))
left, middle, right = st.columns([1, 2, 2])
year = left.selectbox("Năm", [ALL_YEARS, *sorted(found["year"].unique().tolist(), reverse=True)], key="q_year")
provinces = middle.multiselect("Tỉnh/thành phố", sorted(found["province_name"].unique()), key="q_provinces",
                               placeholder="Tất cả")
chosen_rules = right.multiselect("Quy tắc", list(labels), format_func=labels.get, key="q_rules",
                                 placeholder="Tất cả")

scope = found if year == ALL_YEARS else found[found["year"] == year]
if provinces:
    scope = scope[scope["province_name"].isin(provinces)]
shown = scope[scope["rule"].isin(chosen_rules)] if chosen_rules else scope

tiles = st.columns(3)
widgets.kpi(tiles[0], "Phát hiện", number(len(shown)))
widgets.kpi(tiles[1], "Đơn vị có phát hiện", number(len(shown[["province_name", "unit_name"]].drop_duplicates())))
widgets.kpi(tiles[2], "Tệp cần xem lại", number(shown["sha256"].nunique()))

st.subheader("Số phát hiện theo quy tắc")
counts = scope.groupby("rule").size()
tally, meaning = st.columns([2, 3])
with tally:
    widgets.table(pd.DataFrame({"Quy tắc": rules["label"],
                                "Số phát hiện": [int(counts.get(r, 0)) for r in rules["rule"]]}), key="q_counts")
with meaning.expander("Các quy tắc kiểm tra nghĩa là gì?"):
    st.markdown("\n".join(f"- **{literal(label)}**: {literal(text)}"
                           for label, text in zip(rules["label"], rules["explanation"], strict=True)))

st.subheader("Các phát hiện")
if shown.empty:
    widgets.empty("Không có phát hiện nào khớp bộ lọc.")
    st.stop()
readable = shown[list(HEADERS)].rename(columns=HEADERS)
widgets.table(readable, key="q_table", height=420)

files = shown.groupby("sha256", sort=False).agg(file_name=("file_name", "first"), findings=("rule", "size"))
pick, get = st.columns([3, 1], vertical_alignment="bottom")
sha256 = pick.selectbox("Tệp gốc của phát hiện", files.index.tolist(), key="q_file",
                        format_func=lambda s: f"{files.at[s, 'file_name']} — {files.at[s, 'findings']} phát hiện")
widgets.original_file("Tải tệp gốc", lambda: intake.archived_file(sha256), files.at[sha256, "file_name"],
                      key="q_original", where=get)

about = [("Năm", str(year)), ("Tỉnh/thành phố", ", ".join(provinces) or "tất cả"),
         ("Quy tắc", ", ".join(labels[r] for r in chosen_rules) or "tất cả"), ("Người xuất", user.name)]
widgets.export_buttons(lambda: readable, about, "Tuần lễ hưởng ứng học tập suốt đời — chất lượng dữ liệu",
                       "chat_luong_du_lieu", key="q")
