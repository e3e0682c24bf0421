"""Tổng quan: the chosen year against the previous one, the trend, leading and lagging localities."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import charts, db, widgets
from dashboard.format import change, money, number, percent, signed_percent
from dashboard.periods import focus_year, previous_year

selection = st.session_state["selection"]
year = focus_year(selection)
st.title("Tổng quan")
widgets.boundaries_note(selection.filters.boundaries)
if year is None:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào. Nạp biểu mẫu bằng `python -m etl ingest THƯ_MỤC`.")
    st.stop()
previous = previous_year(selection, year)
every_year = replace(selection.filters, years=())
totals = db.query("yearly_totals", every_year).set_index("year")
st.caption(f"Năm {year}" + (f", so với năm {previous}" if previous else " (không có năm trước để so sánh)"))
widgets.completeness(selection.filters, [y for y in (previous, year) if y])
if year not in totals.index or not totals.loc[year, "units"]:
    widgets.empty(f"Không có báo cáo nào của năm {year} khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()


unit = selection.money
spent = totals["state_budget"] + totals["social"]
totals = totals.assign(spent=spent, share=totals["social"] / spent.where(spent > 0),
                       cost=spent / totals["participants"].where(totals["participants"] > 0))
now = totals.loc[year]
before = totals.loc[previous] if previous in totals.index else None


def delta(column: str, points: bool = False) -> str | None:
    """Change against the previous year: % for amounts, percentage points for a share."""
    if before is None or pd.isna(before[column]) or pd.isna(now[column]):
        return None
    if points:
        return f"{'+' if now[column] >= before[column] else ''}{number((now[column] - before[column]) * 100, 1)} điểm %"
    return signed_percent(change(float(now[column]), float(before[column])))


TILES = [  # label, shown value, column for the change, lower is better
    ("Đơn vị báo cáo", number(now["units"]), "units", False),
    ("Hoạt động", number(now["events"]), "events", False),
    ("Người tham gia", number(now["participants"]), "participants", False),
    ("Chi phí / người tham gia (đồng)", "–" if selection.filters.indicators else
     money(now["cost"], "đồng", with_unit=False), "cost", True),
    (f"Ngân sách NN ({unit})", money(now["state_budget"], unit, with_unit=False), "state_budget", False),
    (f"Xã hội hóa ({unit})", money(now["social"], unit, with_unit=False), "social", False),
    ("Tỉ lệ xã hội hóa", percent(now["share"]), "share", False),
    (f"Tổng kinh phí ({unit})", money(now["spent"], unit, with_unit=False), "spent", False),
]
COST_HELP = "Kinh phí không tách theo loại hoạt động, nên không tính chi phí/người khi lọc theo hoạt động."
for row in (TILES[:4], TILES[4:]):
    for column, (label, value, key, inverse) in zip(st.columns(4), row, strict=True):
        hidden = key == "cost" and bool(selection.filters.indicators)
        widgets.kpi(column, label, value, None if hidden else delta(key, points=key == "share"), inverse=inverse,
                    help=COST_HELP if hidden else None)

left, right = st.columns(2)
trend = totals.reset_index()
with left:
    widgets.chart(charts.trend(trend, "participants", "Người tham gia qua các năm"),
                  trend[["year", "units", "events", "participants"]].rename(columns={
                      "year": "Năm", "units": "Đơn vị", "events": "Hoạt động", "participants": "Người tham gia"}),
                  key="overview_trend")
with right:
    widgets.chart(charts.funding_by_year(trend, selection.money, "Kinh phí qua các năm"),
                  trend[["year", "state_budget", "social"]].rename(columns={
                      "year": "Năm", "state_budget": "Ngân sách nhà nước (đồng)", "social": "Xã hội hóa (đồng)"}),
                  key="overview_funding_trend")

st.subheader(f"Địa phương dẫn đầu và cần quan tâm — năm {year}")
st.caption("Địa giới tỉnh hiện nay (từ 1/7/2025). Bên trái: người tham gia; bên phải: thay đổi so với năm trước.")
places = db.query("by_place", selection.filters, year, "province")
lead, move = st.columns(2)
with lead:
    ranked = pd.concat([places.head(5), places.tail(5)]).drop_duplicates("key")
    widgets.chart(charts.ranked_bars(ranked, "participants", "Nhiều nhất và ít nhất"),
                  ranked[["name", "units", "participants"]].rename(columns={
                      "name": "Tỉnh/thành phố", "units": "Đơn vị báo cáo", "participants": "Người tham gia"}),
                  key="overview_lead")
with move:
    if previous is None:
        widgets.empty("Chưa có năm trước để so sánh.")
    else:
        changes = db.query("compare", selection.filters, previous, year, "participants").dropna(subset=["change_pct"])
        moved = pd.concat([changes.nlargest(5, "change_pct"), changes.nsmallest(5, "change_pct")]).drop_duplicates(
            "key")
        widgets.chart(charts.change_bars(moved, f"Tăng, giảm người tham gia so với {previous}"),
                      moved[["name", "value_a", "value_b", "change"]].rename(columns={
                          "name": "Tỉnh/thành phố", "value_a": f"Năm {previous}", "value_b": f"Năm {year}",
                          "change": "Thay đổi"}), key="overview_change")
