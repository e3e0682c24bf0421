"""Kinh phí: state budget against social sources by locality, share of social, cost per participant, and the
largest changes against the previous year (like for like: places that reported in both years)."""

import pandas as pd
import streamlit as st

from dashboard import charts, db, widgets
from dashboard.format import MONEY_UNITS, in_money_unit, money, percent
from dashboard.periods import choose_year, previous_year

FUNDING_NOT_SPLIT = ("Kinh phí không tách theo loại hoạt động: mọi số kinh phí trên trang này là của tất cả hoạt "
                     "động, bộ lọc “Hoạt động” không áp dụng cho kinh phí.")

selection = st.session_state["selection"]
st.title("Kinh phí")
widgets.boundaries_note(selection.filters.boundaries)
year = choose_year(selection, key="f_year")
widgets.completeness(selection.filters, [year])
filtered = bool(selection.filters.indicators)
if filtered:
    st.warning(FUNDING_NOT_SPLIT, icon=":material/info:")
places = db.query("by_place", selection.filters, year, "province")
if places.empty or not (places["state_budget"] + places["social"]).any():
    widgets.empty(f"Không có số liệu kinh phí năm {year} khớp bộ lọc.")
    st.stop()
unit = selection.money
st.caption(f"Năm {year}. Tổng ngân sách nhà nước {money(places['state_budget'].sum(), unit)}; "
           f"xã hội hóa {money(places['social'].sum(), unit)}.")
spent = places["state_budget"] + places["social"]
places = places.assign(spent=spent, share=places["social"] / spent.where(spent > 0),
                       cost=spent / places["participants"].where(places["participants"] > 0))
AMOUNTS = ["Ngân sách nhà nước", "Xã hội hóa", "Tổng kinh phí"]
amounts = places[["name", "state_budget", "social", "spent"]].rename(columns=dict(zip(
    ["name", "state_budget", "social", "spent"], ["Tỉnh/thành phố", *AMOUNTS], strict=True)))
widgets.chart(charts.funding_stacked(places, unit, f"Kinh phí theo nguồn, năm {year}"),
              in_money_unit(amounts, AMOUNTS, unit), key="funding_sources")
left, right = st.columns(2)
with left:
    widgets.chart(charts.social_share(places, "Tỷ lệ xã hội hóa trong tổng kinh phí"),
                  in_money_unit(amounts[["Tỉnh/thành phố", "Xã hội hóa", "Tổng kinh phí"]], AMOUNTS[1:], unit).assign(
                      **{"Tỷ lệ xã hội hóa": [percent(v) for v in places["share"]]}),
                  key="funding_share")
with right:
    if filtered:  # people of some activities against the funding of all would overstate the cost per person
        widgets.empty("Không tính chi phí cho một người tham gia khi lọc theo hoạt động, vì kinh phí không tách theo "
                      "loại hoạt động.")
    else:
        widgets.chart(charts.cost_per_participant(places, "Chi phí bình quân cho một người tham gia"),
                      in_money_unit(amounts[["Tỉnh/thành phố", "Tổng kinh phí"]], ["Tổng kinh phí"], unit).assign(**{
                          "Người tham gia": places["participants"],
                          "Chi phí / người (đồng)": [money(v, "đồng", with_unit=False) for v in places["cost"]]}),
                      key="funding_cost")

previous = previous_year(selection, year)
if previous is not None:
    st.subheader(f"Thay đổi lớn nhất so với năm {previous}")
    widgets.completeness(selection.filters, [previous, year])
    state = db.query("compare", selection.filters, previous, year, "state_budget")
    social = db.query("compare", selection.filters, previous, year, "social")
    both = state.merge(social, on=["key", "name"], suffixes=("_state", "_social"))
    paired = both[both["in_a_state"] & both["in_b_state"]]  # both sources come from the same funding rows
    paired = paired.assign(total_a=paired["value_a_state"].fillna(0) + paired["value_a_social"].fillna(0),
                           total_b=paired["value_b_state"].fillna(0) + paired["value_b_social"].fillna(0))
    paired = paired.assign(change=paired["total_b"] - paired["total_a"])
    biggest = paired.reindex(paired["change"].abs().sort_values(ascending=False).index).head(10)
    st.caption(f"Cùng phạm vi: chỉ các tỉnh/thành phố có báo cáo kinh phí cả hai năm ({len(paired)}/{len(both)}); "
               f"10 nơi thay đổi nhiều nhất. Đơn vị: {unit}.")
    HEADERS = {"name": "Tỉnh/thành phố", "value_a_state": f"Ngân sách nhà nước {previous}",
               "value_b_state": f"Ngân sách nhà nước {year}", "value_a_social": f"Xã hội hóa {previous}",
               "value_b_social": f"Xã hội hóa {year}", "total_a": f"Tổng {previous}", "total_b": f"Tổng {year}",
               "change": "Thay đổi tổng"}
    columns = [h for k, h in HEADERS.items() if k != "name"]

    def changes_table() -> pd.DataFrame:
        """Every place compared, largest change first, in the chosen unit, and the sum of them all."""
        named = paired.sort_values("change", key=abs, ascending=False)[list(HEADERS)].rename(columns=HEADERS)
        total = pd.DataFrame([{HEADERS["name"]: "Tổng, cùng phạm vi", **named[columns].sum().to_dict()}])
        table = pd.concat([named, total], ignore_index=True)
        table[columns] = table[columns] / MONEY_UNITS[unit]
        return table.rename(columns={c: f"{c} ({unit})" for c in columns})

    widgets.table(in_money_unit(biggest[list(HEADERS)].rename(columns=HEADERS), columns, unit), key="funding_changes")
    about = selection.describe() + [("So sánh", f"năm {year} với năm {previous}"), ("Đơn vị tiền", unit)]
    widgets.export_buttons(changes_table, about, f"Kinh phí: thay đổi so với năm {previous}",
                           f"kinh_phi_thay_doi_{previous}_{year}", key="f_export")
