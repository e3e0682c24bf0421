"""Tham gia: participation by locality and indicator, a map, and drill-down province → area → unit (the area is
today's commune or, as reported, the old district)."""

import pandas as pd
import streamlit as st

from dashboard import charts, db, filters, maps, queries, widgets
from dashboard.periods import choose_year
from dashboard.safe_text import literal

selection = st.session_state["selection"]
st.title("Tham gia")
widgets.boundaries_note(selection.filters.boundaries)
year = choose_year(selection, key="p_year")
widgets.completeness(selection.filters, [year])
measure = st.radio("Chỉ số", ["participants", "events"], format_func=charts.LABELS.get, horizontal=True,
                   index=["participants", "events"].index(filters.url_value("chi_so", ["participants", "events"],
                                                                           "participants")), key="p_measure")
provinces = db.query("by_place", selection.filters, year, "province")
if provinces.empty:
    widgets.empty(f"Không có số liệu năm {year} khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()
names = dict(zip(provinces["key"], provinces["name"], strict=True))



def pick(widget: str, allowed: dict, clear: tuple[str, ...] = ()):
    """A click on a bar or a map point selects that place in the drill-down lists below."""
    def on_pick(keys: list[str]) -> None:
        chosen = next((k for k in keys if k in allowed), None)
        if chosen is not None:
            st.session_state[widget] = chosen
            for other in clear:
                st.session_state.pop(other, None)
    return on_pick


left, right = st.columns([1, 1])
with left:
    widgets.chart(charts.ranked_bars(provinces, measure, f"{charts.LABELS[measure]} theo tỉnh/thành phố, năm {year}"),
                  provinces[["name", "units", "events", "participants"]].rename(columns={
                      "name": "Tỉnh/thành phố", "units": "Đơn vị báo cáo", "events": "Hoạt động",
                      "participants": "Người tham gia"}), key="participation_provinces",
                  on_pick=pick("p_province", names, clear=("p_area",)))
with right:
    level = st.radio("Bản đồ", ["province", "unit"], horizontal=True, key="p_map_level",
                     format_func={"province": "Theo tỉnh", "unit": "Thêm từng đơn vị báo cáo"}.get)
    focus = st.session_state.get("p_province", filters.url_value("xem_tinh", list(names), next(iter(names))))
    zoom = st.radio("Phạm vi bản đồ", ["country", "province"], horizontal=True, key="p_map_zoom",
                    format_func=lambda v: f"Phóng to {names.get(focus, 'tỉnh đang xem')}" if v == "province"
                    else "Cả nước")
    points = db.query("points", selection.filters, year) if level == "unit" else None
    shown = provinces.assign(layer="Tỉnh/thành phố") if points is None else pd.concat(
        [provinces.assign(layer="Tỉnh/thành phố"), points.assign(layer="Đơn vị báo cáo")])
    widgets.chart(maps.province_map(provinces, measure, selection.filters.boundaries, year,
                                    f"{charts.LABELS[measure]}, năm {year}",
                                    focus=focus if zoom == "province" else None, units=points),
                  shown[["layer", "name", "events", "participants"]].rename(columns={
                      "layer": "Lớp", "name": "Địa điểm", "events": "Hoạt động", "participants": "Người tham gia"}),
                  key="participation_map", on_pick=pick("p_province", names, clear=("p_area",)))

st.subheader("Xem chi tiết", anchor="xem-chi-tiet")
widgets.show_pick_here("xem-chi-tiet")
st.caption("Bấm vào một cột hoặc một tỉnh trên bản đồ để xem chi tiết tỉnh đó, hoặc chọn trong danh sách.")
filters.restore("p_province", "xem_tinh", list(names), next(iter(names)))
province = st.selectbox("Tỉnh/thành phố", list(names), format_func=names.get, key="p_province")
today = selection.filters.boundaries == "today"
area_label = "Xã/phường (địa giới hiện nay)" if today else "Quận/huyện"
areas = db.query("by_place", selection.filters, year, "area", province)
has_areas = areas["key"].notna().any()
areas = areas.assign(key=areas["key"].fillna(""), name=areas["name"].fillna("Cấp tỉnh, ngoài " + (
    "xã/phường" if today else "quận/huyện")) + areas["approximate"].map({True: " ≈", False: ""}))
area = None
if has_areas:
    area_names = {k: n for k, n in zip(areas["key"], areas["name"], strict=True) if k}
    options = [None, *area_names]
    filters.restore("p_area", "xem_dia_ban", options, None)
    area = st.selectbox(area_label, options, format_func=lambda k: "Tất cả" if k is None else area_names[k],
                        key="p_area")
filters.remember(chi_so=measure, xem_tinh=province, xem_dia_ban=area)
units = db.query("by_place", selection.filters, year, "unit", province, area)
where = names[province] + (f" — {area_names[area]}" if area else "")
by_area = has_areas and area is None
detail = areas if by_area else units
title = ("theo xã/phường (địa giới hiện nay)" if today else "theo quận/huyện") if by_area else "theo đơn vị báo cáo"
widgets.chart(charts.ranked_bars(detail, measure, f"{where}: {charts.LABELS[measure].lower()} {title}"),
              detail[["name", "units", "events", "participants"]].rename(columns={
                  "name": "Đơn vị", "units": "Đơn vị báo cáo", "events": "Hoạt động",
                  "participants": "Người tham gia"}), key="participation_detail",
              on_pick=pick("p_area", area_names) if by_area else None)
if by_area and today and areas["key"].str.startswith(queries.OLD_DISTRICT).any():
    st.caption("“cũ, số liệu cả huyện”: phần báo cáo cấp huyện trước 2025 không kê theo xã, nên không chia được về "
               "xã/phường hiện nay; phần này vẫn được cộng đủ vào tỉnh.")
approximate = areas[areas["approximate"]] if by_area else areas[areas["key"] == area].query("approximate")
if not approximate.empty:
    st.caption("≈ Gần đúng: năm " + str(year) + " trước sắp xếp; xã/phường cũ bị chia năm 2025 được tính trọn vào "
               "xã/phường mới nhận phần lớn của nó. " + "; ".join(
                   f"{literal(r.name.removesuffix(' ≈'))} gồm {literal(r.includes)}"
                   for r in approximate.head(5).itertuples()))

st.subheader(f"Theo loại hoạt động — {literal(where)}, năm {year}")
kinds = db.query("by_indicator", selection.filters, year, province, area)
widgets.chart(charts.indicator_bars(kinds, selection.indicator_labels, measure,
                                    f"{charts.LABELS[measure]} theo loại hoạt động"),
              kinds.assign(indicator=kinds["indicator"].map(selection.indicator_labels)).rename(columns={
                  "indicator": "Hoạt động", "events": "Số lượng", "participants": "Người tham gia"}),
              key="participation_indicators")
