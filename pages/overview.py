"""Tổng quan: the year's summary, the chosen year against the previous one like for like, the trend, and the
leading and lagging places of the level below the scope (provinces nationwide, communes or districts inside
chosen provinces)."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import charts, db, meeting, summary, widgets
from dashboard.format import change, in_money_unit, money, number, percent, signed_percent
from dashboard.periods import focus_year, previous_year
from dashboard.queries import Filters
from etl.units import REFORM_YEAR

selection = st.session_state["selection"]
f = selection.filters
year = focus_year(selection)
st.title("Tổng quan")
widgets.boundaries_note(f.boundaries)
if year is None:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào. Nạp biểu mẫu bằng `python -m etl ingest THƯ_MỤC`.")
    st.stop()
previous = previous_year(selection, year)
totals = db.query("yearly_totals", replace(f, years=())).set_index("year")
if year not in totals.index or not totals.loc[year, "units"]:
    widgets.empty(f"Không có báo cáo nào của năm {year} khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()

where = ", ".join(selection.province_names.get(p, p) for p in f.provinces) or "cả nước"
story = summary.year_story(summary.gather(db.query, f, year, previous, where,
                                          tuple(selection.indicator_labels.get(i, i) for i in f.indicators)),
                           selection.money)
widgets.completeness(f, [y for y in (previous, year) if y])
meeting.briefing_buttons(selection, year, previous)
with st.container(border=True, key="overview_summary"):
    st.markdown(f"**Tóm tắt năm {year}**")
    for sentence in story.sentences:  # place names come from reports: shown as text, never as Markdown
        st.text(sentence)

unit = selection.money
across_reform = previous is not None and min(previous, year) < REFORM_YEAR <= max(previous, year)
group = summary.comparison_group(f, year, previous)
LIKE_HELP = (f"So với năm {previous}, cùng phạm vi: chỉ tính {number(story.places_compared)} "
             f"{'tỉnh/thành phố' if group == 'province' else 'địa bàn'} có báo cáo cả hai năm." if previous else None)
UNITS_HELP = ("Không so sánh qua sắp xếp đơn vị hành chính 1/7/2025: trước đó báo cáo theo quận/huyện, sau đó theo "
              "xã/phường, nên số đơn vị báo cáo không cùng thước đo.")
FUNDING_HELP = ("Kinh phí không tách theo loại hoạt động: đây là kinh phí của mọi hoạt động, không chỉ các hoạt động "
                "đã chọn.")
COST_HELP = "Kinh phí không tách theo loại hoạt động, nên không tính chi phí/người khi lọc theo hoạt động."


def like_figure(name: str, index: int) -> float | None:
    """A figure over the places in both years (index 0: the previous year, 1: this year); shares and costs too."""
    like = story.like_for_like
    if not like:
        return None
    if name == "share":
        spent = like["spent"][index]
        return like["social"][index] / spent if spent else None
    if name == "cost":
        people = like["participants"][index]
        return like["spent"][index] / people if people else None
    return like[name][index]


def delta(name: str) -> str | None:
    """Change against the previous year over the places in both years: % for amounts, points for a share."""
    before, now = like_figure(name, 0), like_figure(name, 1)
    if before is None or now is None:
        return None
    if name == "share":
        return f"{'+' if now >= before else ''}{number((now - before) * 100, 1)} điểm %"
    return signed_percent(change(now, before))


now = totals.loc[year]
spent = int(now["state_budget"] + now["social"])
filtered = bool(f.indicators)
TILES = [  # label, shown value, figure for the change, lower is better, help
    ("Đơn vị báo cáo", number(now["units"]), None if across_reform else "units", False,
     UNITS_HELP if across_reform else LIKE_HELP),
    ("Hoạt động", number(now["events"]), "events", False, LIKE_HELP),
    ("Người tham gia", number(now["participants"]), "participants", False, LIKE_HELP),
    ("Chi phí / người tham gia (đồng)", "–" if filtered or not now["participants"] else
     money(spent / now["participants"], "đồng", with_unit=False), None if filtered else "cost", True,
     COST_HELP if filtered else LIKE_HELP),
    (f"Ngân sách nhà nước ({unit})", money(now["state_budget"], unit, with_unit=False), "state_budget", False,
     FUNDING_HELP if filtered else LIKE_HELP),
    (f"Xã hội hóa ({unit})", money(now["social"], unit, with_unit=False), "social", False,
     FUNDING_HELP if filtered else LIKE_HELP),
    ("Tỷ lệ xã hội hóa", percent(now["social"] / spent) if spent else "–", "share", False,
     FUNDING_HELP if filtered else LIKE_HELP),
    (f"Tổng kinh phí ({unit})", money(spent, unit, with_unit=False), "spent", False,
     FUNDING_HELP if filtered else LIKE_HELP),
]
for row in (TILES[:4], TILES[4:]):  # tiles as wide as their values, wrapping rather than cutting a value off
    tiles = st.container(horizontal=True)
    for label, value, figure, inverse, help_text in row:
        widgets.kpi(tiles, label, value, delta(figure) if figure else None, inverse=inverse, help=help_text)
if LIKE_HELP:
    st.caption(":material/balance: Mũi tên: " + LIKE_HELP[0].lower() + LIKE_HELP[1:]
               + (" " + UNITS_HELP if across_reform else ""))
if filtered:
    st.caption(":material/info: " + FUNDING_HELP)

counted = Filters(provinces=f.provinces, levels=f.levels)
trend = totals.reset_index()
coverage = {int(y): db.query("completeness", counted, int(y)) for y in trend["year"]}
st.caption("Dưới mỗi năm: số đơn vị đã báo cáo / số phải báo cáo (cấp đơn vị ghi trong bảng số liệu). Năm chưa đủ báo "
           "cáo vẽ bằng vòng tròn rỗng, cột màu nhạt; đường đứt nét: sắp xếp đơn vị hành chính 1/7/2025 (trước: 63 "
           "tỉnh và cấp huyện; sau: 34 tỉnh).")
reported = [f"{number(r)}/{number(e)} {charts.LEVEL_SHORT[level]}" if e else ""
            for r, e, level in (coverage[int(y)] for y in trend["year"])]
left, right = st.columns(2)
with left:
    widgets.chart(charts.trend(trend, "participants", "Người tham gia qua các năm", coverage),
                  trend[["year", "units", "events", "participants"]].assign(reported=reported).rename(columns={
                      "year": "Năm", "units": "Đơn vị", "events": "Hoạt động", "participants": "Người tham gia",
                      "reported": "Đã báo cáo / phải báo cáo"}),
                  key="overview_trend")
with right:
    widgets.chart(charts.funding_by_year(trend, unit, "Kinh phí qua các năm", coverage),
                  in_money_unit(trend[["year", "state_budget", "social"]].assign(reported=reported).rename(columns={
                      "year": "Năm", "state_budget": "Ngân sách nhà nước", "social": "Xã hội hóa",
                      "reported": "Đã báo cáo / phải báo cáo"}), ["Ngân sách nhà nước", "Xã hội hóa"], unit),
                  key="overview_funding_trend")

# the level below the scope: provinces nationwide; inside chosen provinces their communes or districts
below = "province" if not f.provinces else ("area" if f.boundaries == "today" or year < REFORM_YEAR else "unit")
place_label = {"province": "Tỉnh/thành phố", "area": "Xã/phường" if f.boundaries == "today" else "Quận/huyện",
               "unit": "Đơn vị báo cáo"}[below]
st.subheader(f"Dẫn đầu và cần quan tâm — {where}, năm {year}")
st.caption(f"Theo {place_label.lower()}. Bên trái: người tham gia; bên phải: thay đổi so với năm trước, chỉ tính nơi "
           "có báo cáo cả hai năm (cùng phạm vi).")
places = db.query("by_place", f, year, below)
places = places.assign(key=places["key"].fillna(""), name=places["name"].fillna("Cấp tỉnh, ngoài " + (
    "xã/phường" if f.boundaries == "today" else "quận/huyện")))
lead, move = st.columns(2)
with lead:
    ranked = pd.concat([places.head(5), places.tail(5)]).drop_duplicates("key")
    shown = ["name", "participants"] if below == "unit" else ["name", "units", "participants"]  # a unit is one
    widgets.chart(charts.ranked_bars(ranked, "participants", "Nhiều nhất và ít nhất"),
                  ranked[shown].rename(columns={
                      "name": place_label, "units": "Đơn vị báo cáo", "participants": "Người tham gia"}),
                  key="overview_lead")
with move:
    if previous is None:
        widgets.empty("Chưa có năm trước để so sánh.")
    elif f.provinces and group == "province":
        widgets.empty(f"Không so sánh từng {place_label.lower()} giữa năm {previous} và năm {year}: sắp xếp đơn vị "
                      "hành chính 1/7/2025 thay quận/huyện bằng xã/phường. Xem thay đổi của cả tỉnh ở phần tóm tắt.")
    else:
        changes = db.query("compare", f, previous, year, "participants", group).dropna(subset=["change_pct"])
        changes = changes.assign(name=changes["name"].fillna("Cấp tỉnh"))
        moved = pd.concat([changes.nlargest(5, "change_pct"), changes.nsmallest(5, "change_pct")]).drop_duplicates(
            "key")
        widgets.chart(charts.change_bars(moved, f"Tăng, giảm người tham gia so với {previous}"),
                      moved[["name", "value_a", "value_b", "change", "change_pct"]].assign(
                          change_pct=[signed_percent(v) for v in moved["change_pct"]]).rename(columns={
                          "name": place_label, "value_a": f"Năm {previous}", "value_b": f"Năm {year}",
                          "change": "Thay đổi", "change_pct": "Thay đổi (%)"}), key="overview_change")
        st.caption(f"{number(len(changes))} {place_label.lower()} có báo cáo cả hai năm được so sánh; đã báo cáo — "
                   + "; ".join(f"năm {y}: {number(r)}/{number(e)} {charts.LEVEL_SHORT[level]}"
                               for y, (r, e, level) in sorted(story.completeness.items()) if e) + ".")
