"""Tổng quan: the chosen year against the previous one, the trend, leading and lagging localities."""

import streamlit as st

from dashboard import charts, db, widgets
from dashboard.format import change, money, number, percent, signed_percent
from dashboard.periods import focus_year, previous_year
from dashboard.queries import Filters

selection = st.session_state["selection"]
year = focus_year(selection)
st.title("Tổng quan")
if year is None:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào. Nạp biểu mẫu bằng `python -m etl ingest THƯ_MỤC`.")
    st.stop()
previous = previous_year(selection, year)
every_year = Filters((), *[getattr(selection.filters, f) for f in ("provinces", "indicators", "levels")])
totals = db.query("yearly_totals", every_year).set_index("year")
now = totals.loc[year] if year in totals.index else None
before = totals.loc[previous] if previous in totals.index else None
st.caption(f"Năm {year}" + (f", so với năm {previous}" if previous else " (không có năm trước để so sánh)"))
if now is None or not now["units"]:
    widgets.empty(f"Không có báo cáo nào của năm {year} khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()


def metric(series, key: str):
    return None if series is None else float(series[key])


def derived(series) -> tuple[float | None, float | None]:
    if series is None:
        return None, None
    spent = series["state_budget"] + series["social"]
    share = series["social"] / spent if spent else None
    cost = spent / series["participants"] if series["participants"] else None
    return share, cost


share_now, cost_now = derived(now)
share_before, cost_before = derived(before)
tiles = st.columns(4)
widgets.kpi(tiles[0], "Đơn vị báo cáo", number(now["units"]),
            signed_percent(change(metric(now, "units"), metric(before, "units"))))
widgets.kpi(tiles[1], "Hoạt động", number(now["events"]),
            signed_percent(change(metric(now, "events"), metric(before, "events"))))
widgets.kpi(tiles[2], "Người tham gia", number(now["participants"]),
            signed_percent(change(metric(now, "participants"), metric(before, "participants"))))
widgets.kpi(tiles[3], "Chi phí / người tham gia (đồng)", money(cost_now, "đồng", with_unit=False),
            signed_percent(change(cost_now, cost_before)), inverse=True)
tiles = st.columns(4)
unit = selection.money
widgets.kpi(tiles[0], f"Ngân sách nhà nước ({unit})", money(now["state_budget"], unit, with_unit=False),
            signed_percent(change(metric(now, "state_budget"), metric(before, "state_budget"))))
widgets.kpi(tiles[1], f"Xã hội hóa ({unit})", money(now["social"], unit, with_unit=False),
            signed_percent(change(metric(now, "social"), metric(before, "social"))))
widgets.kpi(tiles[2], "Tỉ lệ xã hội hóa", percent(share_now),
            None if share_now is None or share_before is None else
            f"{'+' if share_now >= share_before else ''}{number((share_now - share_before) * 100, 1)} điểm %")
widgets.kpi(tiles[3], f"Tổng kinh phí ({unit})", money(now["state_budget"] + now["social"], unit, with_unit=False),
            signed_percent(change(metric(now, "state_budget") + metric(now, "social"),
                                  None if before is None else metric(before, "state_budget") + metric(before, "social"))))

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

places = db.query("by_place", selection.filters, year, "province")
st.subheader(f"Địa phương dẫn đầu và cần quan tâm — năm {year}")
st.caption("Xếp theo số người tham gia; địa giới tỉnh hiện nay (từ 1/7/2025).")
lead, lag = st.columns(2)
ranked = places.sort_values("participants", ascending=False)
with lead:
    widgets.chart(charts.ranked_bars(ranked.head(5), "participants", "5 địa phương dẫn đầu"),
                  ranked.head(5)[["name", "units", "participants"]].rename(columns={
                      "name": "Tỉnh/thành phố", "units": "Đơn vị báo cáo", "participants": "Người tham gia"}),
                  key="overview_lead")
with lag:
    tail = ranked.tail(5).sort_values("participants", ascending=False)
    widgets.chart(charts.ranked_bars(tail, "participants", "5 địa phương thấp nhất"),
                  tail[["name", "units", "participants"]].rename(columns={
                      "name": "Tỉnh/thành phố", "units": "Đơn vị báo cáo", "participants": "Người tham gia"}),
                  key="overview_lag")
