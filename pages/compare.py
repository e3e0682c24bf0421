"""So sánh năm: two years side by side per locality, with change, % change, rank change and totals."""

import pandas as pd
import streamlit as st

from dashboard import charts, db, filters, widgets
from dashboard.format import change, number, signed_percent

MEASURES = {"participants": "Người tham gia", "events": "Hoạt động", "state_budget": "Ngân sách nhà nước (đồng)",
            "social": "Xã hội hóa (đồng)"}
selection = st.session_state["selection"]
st.title("So sánh năm")
chosen = selection.filters.years
years = sorted(chosen if len(chosen) > 1 else selection.years_available, reverse=True)  # the sidebar's years, if 2+
if len(years) < 2:
    widgets.empty("Cần số liệu của ít nhất hai năm để so sánh.")
    st.stop()
st.caption("Mọi số liệu theo địa giới tỉnh hiện nay (từ 1/7/2025): báo cáo cũ của tỉnh đã sáp nhập được cộng vào "
           "tỉnh mới.")
pick_a, pick_b, pick_m = st.columns(3)
year_b = pick_b.selectbox("Năm so sánh", years, key="c_year_b",
                          index=years.index(filters.url_value("nam_b", years, years[0], int)))
earlier = [y for y in years if y != year_b]
year_a = pick_a.selectbox("Năm gốc", earlier, key="c_year_a",
                          index=earlier.index(filters.url_value("nam_a", earlier, max(
                              [y for y in earlier if y < year_b], default=earlier[0]), int)))
measure = pick_m.selectbox("Chỉ số", list(MEASURES), format_func=MEASURES.get, key="c_measure",
                           index=list(MEASURES).index(filters.url_value("so_sanh", list(MEASURES), "participants")))
filters.remember(nam_a=year_a, nam_b=year_b, so_sanh=measure)
rows = db.query("compare", selection.filters, year_a, year_b, measure)
if rows.empty:
    widgets.empty("Không có số liệu khớp bộ lọc ở hai năm đã chọn.")
    st.stop()

only_one = rows[~(rows["in_a"] & rows["in_b"])]
total_a, total_b = rows["value_a"].sum(), rows["value_b"].sum()
both = rows[rows["in_a"] & rows["in_b"]]
like_a, like_b = both["value_a"].sum(), both["value_b"].sum()  # like for like: localities in both years
tiles = st.columns(4)
widgets.kpi(tiles[0], f"Tổng {year_a}", number(total_a))
widgets.kpi(tiles[1], f"Tổng {year_b}", number(total_b))
widgets.kpi(tiles[2], "Thay đổi cùng phạm vi", signed_percent(change(like_b, like_a)) or "–",
            help="Chỉ tính các địa phương có báo cáo ở cả hai năm, để so sánh cùng một phạm vi.")
widgets.kpi(tiles[3], "Báo cáo cả hai năm", f"{len(both)}/{len(rows)}",
            help="Số địa phương có báo cáo ở cả hai năm / số địa phương có báo cáo ở ít nhất một năm.")
if not only_one.empty:
    st.warning("Chỉ báo cáo một trong hai năm (không tính vào so sánh thay đổi): " + "; ".join(
        f"{r.name} (chỉ năm {year_a if r.in_a else year_b})" for r in only_one.itertuples()))

tick = ",d"


def rank_move(before, after) -> str:
    if pd.isna(before) or pd.isna(after):
        return ""
    moved = int(before - after)
    return f"↑ {moved}" if moved > 0 else (f"↓ {-moved}" if moved < 0 else "=")


table = pd.DataFrame({
    "Tỉnh/thành phố": rows["name"],
    f"Năm {year_a}": [number(v) for v in rows["value_a"]], f"Năm {year_b}": [number(v) for v in rows["value_b"]],
    "Thay đổi": [number(v) if a and b else "" for v, a, b in zip(rows["change"], rows["in_a"], rows["in_b"],
                                                                  strict=True)],
    "Thay đổi (%)": [signed_percent(v) or "" for v in rows["change_pct"]],
    f"Hạng {year_a}": [number(v) for v in rows["rank_a"]], f"Hạng {year_b}": [number(v) for v in rows["rank_b"]],
    "Tăng/giảm hạng": [rank_move(a, b) for a, b in zip(rows["rank_a"], rows["rank_b"], strict=True)],
    "Ghi chú": ["" if a and b else f"chỉ báo cáo năm {year_a if a else year_b}"
                for a, b in zip(rows["in_a"], rows["in_b"], strict=True)],
})
total_row = pd.DataFrame([
    {"Tỉnh/thành phố": "Tổng cộng", f"Năm {year_a}": number(total_a), f"Năm {year_b}": number(total_b),
     "Ghi chú": "mọi địa phương có báo cáo"},
    {"Tỉnh/thành phố": "Tổng, cùng phạm vi", f"Năm {year_a}": number(like_a), f"Năm {year_b}": number(like_b),
     "Thay đổi": number(like_b - like_a), "Thay đổi (%)": signed_percent(change(like_b, like_a)) or "",
     "Ghi chú": "địa phương có báo cáo cả hai năm"}])
st.plotly_chart(charts.dumbbell(rows, year_a, year_b, f"{MEASURES[measure]}: {year_a} và {year_b}", tick),
                key="compare_dumbbell", config=widgets.chart_config("so_sanh_nam"))
st.subheader("Bảng so sánh")
st.dataframe(pd.concat([table, total_row], ignore_index=True).fillna(""), hide_index=True, key="compare_table")
