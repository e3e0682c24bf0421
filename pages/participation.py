"""Tham gia: participation by locality and indicator, a map, and drill-down province → district → unit."""

from dataclasses import replace

import streamlit as st

from dashboard import charts, db, filters, widgets
from dashboard.periods import focus_year

selection = st.session_state["selection"]
st.title("Tham gia")
year = focus_year(selection)
if year is None:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào.")
    st.stop()
years = list(selection.filters.years or selection.years_available)
year = st.selectbox("Năm", sorted(years, reverse=True), index=sorted(years, reverse=True).index(
    filters.url_value("xem_nam", years, year, int)), key="p_year")
measure = st.radio("Chỉ số", ["participants", "events"], format_func=charts.LABELS.get, horizontal=True,
                   index=["participants", "events"].index(filters.url_value("chi_so", ["participants", "events"],
                                                                           "participants")), key="p_measure")
provinces = db.query("by_place", selection.filters, year, "province")
if provinces.empty:
    widgets.empty(f"Không có số liệu năm {year} khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()
names = dict(zip(provinces["key"], provinces["name"], strict=True))

left, right = st.columns([1, 1])
with left:
    event = widgets.chart(charts.ranked_bars(provinces, measure, f"{charts.LABELS[measure]} theo tỉnh/thành phố, "
                                                                 f"năm {year}"),
                          provinces[["name", "units", "events", "participants"]].rename(columns={
                              "name": "Tỉnh/thành phố", "units": "Đơn vị báo cáo", "events": "Hoạt động",
                              "participants": "Người tham gia"}), key="participation_provinces", on_select="rerun")
with right:
    level = st.radio("Bản đồ", ["province", "unit"], horizontal=True, key="p_map_level",
                     format_func={"province": "Theo tỉnh", "unit": "Theo đơn vị báo cáo"}.get)
    points = db.query("points", selection.filters, year, level)
    map_event = widgets.chart(charts.bubble_map(points, f"Người tham gia, năm {year} (kích thước theo số người)"),
                              points[["name", "events", "participants"]].rename(columns={
                                  "name": "Địa điểm", "events": "Hoạt động", "participants": "Người tham gia"}),
                              key="participation_map", on_select="rerun")


def clicked(event) -> str | None:
    """The province picked by clicking a bar or a point of the map (Plotly selection event)."""
    chosen = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in chosen:
        key = (point.get("customdata") or [None])[0]
        if key in names:
            return key
    return None


picked = clicked(event) or (clicked(map_event) if level == "province" else None)
st.subheader("Xem chi tiết")
province = st.selectbox("Tỉnh/thành phố", list(names), format_func=names.get, key="p_province",
                        index=list(names).index(picked or filters.url_value("xem_tinh", list(names),
                                                                            next(iter(names)))))
areas = db.query("by_place", selection.filters, year, "district", province)
has_districts = areas["key"].notna().any()
district = None
if has_districts:
    district_names = {k: n for k, n in zip(areas["key"], areas["name"], strict=True) if k}
    options = [None, *district_names]
    district = st.selectbox("Quận/huyện", options, format_func=lambda k: "Tất cả quận/huyện" if k is None else
                            district_names[k], key="p_district",
                            index=options.index(filters.url_value("xem_huyen", list(district_names), None)))
filters.remember(xem_nam=year, chi_so=measure, xem_tinh=province, xem_huyen=district)
units = db.query("by_place", selection.filters, year, "unit", province, district)
where = names[province] + (f" — {district_names[district]}" if district else "")
detail = (areas.dropna(subset=["key"]) if has_districts and district is None else units)
title = "theo quận/huyện" if has_districts and district is None else "theo đơn vị báo cáo"
widgets.chart(charts.ranked_bars(detail, measure, f"{where}: {charts.LABELS[measure].lower()} {title}"),
              detail[["name", "units", "events", "participants"]].rename(columns={
                  "name": "Đơn vị", "units": "Đơn vị báo cáo", "events": "Hoạt động",
                  "participants": "Người tham gia"}), key="participation_detail")

st.subheader(f"Theo loại hoạt động — {where}, năm {year}")
kinds = db.query("by_indicator", replace(selection.filters, provinces=(province,)), year)
widgets.chart(charts.indicator_bars(kinds, selection.indicator_labels, measure,
                                    f"{charts.LABELS[measure]} theo loại hoạt động"),
              kinds.assign(indicator=kinds["indicator"].map(selection.indicator_labels)).rename(columns={
                  "indicator": "Hoạt động", "events": "Số lượng", "participants": "Người tham gia"}),
              key="participation_indicators")
