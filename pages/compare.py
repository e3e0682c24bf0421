"""So sánh năm: two years side by side per locality, with change, % change, rank change and totals."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import charts, db, filters, widgets
from dashboard.format import change, number, signed_percent
from dashboard.safe_text import literal
from etl.units import REFORM_YEAR

MEASURES = {"participants": "Người tham gia", "events": "Hoạt động", "state_budget": "Ngân sách nhà nước (đồng)",
            "social": "Xã hội hóa (đồng)"}
LISTED = 12  # one-year-only places named in the warning; the table's notes name them all
selection = st.session_state["selection"]
st.title("So sánh năm")
chosen = selection.filters.years
years = sorted(chosen if len(chosen) > 1 else selection.years_available, reverse=True)  # the sidebar's years, if 2+
if len(years) < 2:
    widgets.empty("Cần số liệu của ít nhất hai năm để so sánh.")
    st.stop()
widgets.boundaries_note(selection.filters.boundaries)
today = selection.filters.boundaries == "today"
pick_a, pick_b, pick_m, pick_g = st.columns(4)
year_b = pick_b.selectbox("Năm so sánh", years, key="c_year_b",
                          index=years.index(filters.url_value("nam_b", years, years[0], int)))
earlier = [y for y in years if y != year_b]
year_a = pick_a.selectbox("Năm gốc", earlier, key="c_year_a",
                          index=earlier.index(filters.url_value("nam_a", earlier, max(
                              [y for y in earlier if y < year_b], default=earlier[0]), int)))
measure = pick_m.selectbox("Chỉ số", list(MEASURES), format_func=MEASURES.get, key="c_measure",
                           index=list(MEASURES).index(filters.url_value("so_sanh", list(MEASURES), "participants")))
groups = {"province": "Tỉnh/thành phố", "area": "Xã/phường của một tỉnh" if today else "Quận/huyện của một tỉnh"}
group = pick_g.selectbox("So sánh theo", list(groups), format_func=groups.get, key="c_group",
                         index=list(groups).index(filters.url_value("theo", list(groups), "province")))
province = None
if group == "area":
    places = db.query("compare", selection.filters, year_a, year_b, measure).dropna(subset=["key"])
    names = dict(zip(places["key"], places["name"], strict=True))
    province = st.selectbox("Tỉnh/thành phố", list(names), format_func=names.get, key="c_province",
                            index=list(names).index(filters.url_value("xem_tinh", list(names), next(iter(names)))))
filters.remember(nam_a=year_a, nam_b=year_b, so_sanh=measure, theo=None if group == "province" else group,
                 xem_tinh=province)
first, last = sorted((year_a, year_b))
if group == "area" and not today and last >= REFORM_YEAR:
    widgets.empty(f"Không so sánh được theo quận/huyện giữa năm {year_a} và năm {year_b}: từ 1/7/2025 cấp huyện "
                  f"không còn, nên báo cáo năm {last} không có "
                  "quận/huyện để đối chiếu. Hãy so sánh theo tỉnh/thành phố, hoặc chọn Địa giới “hiện nay” ở thanh "
                  "bên trái để so sánh theo xã/phường sau sắp xếp.")
    st.stop()
# completeness of what is compared: one province's communes or districts, or the sidebar's scope
scope = replace(selection.filters, provinces=(province,)) if province and today else selection.filters
widgets.completeness(scope, [year_a, year_b])
rows = db.query("compare", selection.filters, year_a, year_b, measure, group, province)
if rows.empty:
    widgets.empty("Không có số liệu khớp bộ lọc ở hai năm đã chọn.")
    st.stop()
rows = rows.assign(name=rows["name"].fillna("Cấp tỉnh, ngoài " + ("xã/phường" if today else "quận/huyện")))
if not today and first < REFORM_YEAR <= last:
    st.info("Địa giới như khi báo cáo: tỉnh đã hợp nhất từ 1/7/2025 chỉ có số liệu ở một trong hai năm; chỉ các "
            "tỉnh giữ nguyên địa giới được so sánh. Chọn Địa giới “hiện nay” để so sánh cùng địa bàn.")
approximate = rows[rows["approximate"]]
if not approximate.empty:
    st.caption(f"≈ Gần đúng: {len(approximate)} xã/phường nhận một phần của xã/phường cũ bị chia năm 2025; số liệu "
               f"năm {first} của xã/phường cũ được tính trọn vào xã/phường mới nhận phần lớn, không chia theo ước "
               "đoán. Xem cột “Ghi chú” để biết mỗi dòng gồm những đơn vị cũ nào.")

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
    listed = [f"{literal(r.name)} (chỉ năm {year_a if r.in_a else year_b})" for r in only_one.head(LISTED).itertuples()]
    more = f"; và {len(only_one) - LISTED} nơi khác (xem cột “Ghi chú”)" if len(only_one) > LISTED else ""
    st.warning("Chỉ báo cáo một trong hai năm (không tính vào so sánh thay đổi): " + "; ".join(listed) + more)

tick = ",d"


def rank_move(before, after) -> str:
    if pd.isna(before) or pd.isna(after):
        return ""
    moved = int(before - after)
    return f"↑ {moved}" if moved > 0 else (f"↓ {-moved}" if moved < 0 else "=")


def note(row) -> str:
    """One-year-only rows, and what an approximate commune of today's map holds from before the reform."""
    parts = [] if row.in_a and row.in_b else [f"chỉ báo cáo năm {year_a if row.in_a else year_b}"]
    if isinstance(row.includes, str):
        parts.append(f"{'≈ gần đúng, ' if row.approximate else ''}năm {first} gồm {row.includes}")
    return "; ".join(parts)


place_label = groups[group] if group == "province" else ("Xã/phường" if today else "Quận/huyện")
table = pd.DataFrame({
    place_label: rows["name"],
    f"Năm {year_a}": [number(v) for v in rows["value_a"]], f"Năm {year_b}": [number(v) for v in rows["value_b"]],
    "Thay đổi": [number(v) if a and b else "" for v, a, b in zip(rows["change"], rows["in_a"], rows["in_b"],
                                                                  strict=True)],
    "Thay đổi (%)": [signed_percent(v) or "" for v in rows["change_pct"]],
    f"Hạng {year_a}": [number(v) for v in rows["rank_a"]], f"Hạng {year_b}": [number(v) for v in rows["rank_b"]],
    "Tăng/giảm hạng": [rank_move(a, b) for a, b in zip(rows["rank_a"], rows["rank_b"], strict=True)],
    "Ghi chú": [note(r) for r in rows.itertuples()],
})
total_row = pd.DataFrame([
    {place_label: "Tổng cộng", f"Năm {year_a}": number(total_a), f"Năm {year_b}": number(total_b),
     "Ghi chú": "mọi địa phương có báo cáo"},
    {place_label: "Tổng, cùng phạm vi", f"Năm {year_a}": number(like_a), f"Năm {year_b}": number(like_b),
     "Thay đổi": number(like_b - like_a), "Thay đổi (%)": signed_percent(change(like_b, like_a)) or "",
     "Ghi chú": "địa phương có báo cáo cả hai năm"}])
st.plotly_chart(charts.dumbbell(rows, year_a, year_b, f"{MEASURES[measure]}: {year_a} và {year_b}", tick),
                key="compare_dumbbell", config=widgets.chart_config("so_sanh_nam"))
st.subheader("Bảng so sánh")
st.dataframe(pd.concat([table, total_row], ignore_index=True).fillna(""), hide_index=True, key="compare_table")
