"""Kinh phí: state budget against social sources by locality, share of social, cost per participant."""

import streamlit as st

from dashboard import charts, db, widgets
from dashboard.format import MONEY_UNITS, money
from dashboard.periods import choose_year, previous_year

selection = st.session_state["selection"]
st.title("Kinh phí")
widgets.boundaries_note(selection.filters.boundaries)
year = choose_year(selection, key="f_year")
widgets.completeness(selection.filters, [year])
places = db.query("by_place", selection.filters, year, "province")
if places.empty or not (places["state_budget"] + places["social"]).any():
    widgets.empty(f"Không có số liệu kinh phí năm {year} khớp bộ lọc.")
    st.stop()
unit = selection.money
st.caption(f"Năm {year}. Tổng ngân sách nhà nước {money(places['state_budget'].sum(), unit)}; "
           f"xã hội hóa {money(places['social'].sum(), unit)}.")
money_table = places[["name", "state_budget", "social", "participants"]].rename(columns={
    "name": "Tỉnh/thành phố", "state_budget": "Ngân sách nhà nước (đồng)", "social": "Xã hội hóa (đồng)",
    "participants": "Người tham gia"})
widgets.chart(charts.funding_stacked(places, unit, f"Kinh phí theo nguồn, năm {year}"), money_table,
              key="funding_sources")
left, right = st.columns(2)
with left:
    widgets.chart(charts.social_share(places, "Tỉ lệ xã hội hóa trong tổng kinh phí"), money_table,
                  key="funding_share")
with right:
    widgets.chart(charts.cost_per_participant(places, "Chi phí bình quân cho một người tham gia"), money_table,
                  key="funding_cost")

previous = previous_year(selection, year)
if previous is not None:
    st.subheader(f"Thay đổi lớn nhất so với năm {previous}")
    state = db.query("compare", selection.filters, previous, year, "state_budget")
    social = db.query("compare", selection.filters, previous, year, "social")
    both = state.merge(social, on=["key", "name"], suffixes=("_state", "_social"))
    both["change"] = both["change_state"].fillna(0) + both["change_social"].fillna(0)
    biggest = both.reindex(both["change"].abs().sort_values(ascending=False).index).head(10)
    amounts = ["value_a_state", "value_b_state", "value_a_social", "value_b_social", "change"]
    shown = biggest[["name", *amounts]].copy()
    shown[amounts] = shown[amounts] / MONEY_UNITS[unit]
    st.caption(f"Đơn vị: {unit}.")
    widgets.table(shown.rename(columns={
        "name": "Tỉnh/thành phố", "value_a_state": f"NSNN {previous}", "value_b_state": f"NSNN {year}",
        "value_a_social": f"XHH {previous}", "value_b_social": f"XHH {year}", "change": "Thay đổi tổng"}),
        key="funding_changes", decimals={"đồng": 0, "triệu đồng": 1, "tỷ đồng": 2}[unit])
