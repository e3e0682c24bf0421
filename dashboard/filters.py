"""The sidebar's global filters, kept in the URL (st.query_params) so a copied link opens the same view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from dashboard import db, queries
from dashboard.format import MONEY_UNITS
from etl.template import indicator_labels

BOUNDARIES = {"today": "hiện nay (từ 1/7/2025)", "reported": "như khi báo cáo"}
BOUNDARIES_URL = {"today": "hien_nay", "reported": "khi_bao_cao"}  # the URL's words for them
LEVEL_LABELS = {"province": "Tỉnh/thành phố", "district": "Quận/huyện", "commune": "Xã/phường",
                "agency": "Cơ quan, trường học"}


def url_list(name: str, allowed: Sequence, cast: Callable = str) -> list:
    """Values of a repeated URL parameter that are still valid choices (a stale link must not crash)."""
    values = []
    for raw in st.query_params.get_all(name):
        for part in raw.split(","):
            try:
                value = cast(part)
            except ValueError:
                continue
            if value in allowed and value not in values:
                values.append(value)
    return values


def url_value(name: str, allowed: Sequence, default, cast: Callable = str):
    found = url_list(name, allowed, cast)
    return found[0] if found else default


def restore(key: str, name: str, allowed: Sequence, default) -> None:
    """Before a drill-down list (province, commune or district) is drawn: the value in the URL when the session
    has none yet (a copied link), or when the one it kept is no longer a choice (another year or scope).
    Checked by key, not by value, because None ("Tất cả") is itself a choice."""
    if key not in st.session_state or st.session_state[key] not in allowed:
        st.session_state[key] = url_value(name, allowed, default)


def remember(**values) -> None:
    """Write widget values back to the URL (lists as comma-separated, empty ones removed)."""
    for name, value in values.items():
        text = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else ("" if value is None else str(value))
        if text:
            if st.query_params.get(name) != text:
                st.query_params[name] = text
        elif name in st.query_params:
            del st.query_params[name]


@dataclass(frozen=True)
class Selection:
    """What the user picked in the sidebar, plus the labels pages need to show it."""

    filters: queries.Filters
    money: str
    years_available: tuple[int, ...]
    province_names: dict
    indicator_labels: dict

    def describe(self) -> list[tuple[str, str]]:
        f = self.filters
        return [("Năm", ", ".join(map(str, f.years)) or "tất cả"),
                ("Tỉnh/thành phố", ", ".join(self.province_names.get(p, p) for p in f.provinces) or "cả nước"),
                ("Hoạt động", ", ".join(self.indicator_labels.get(i, i) for i in f.indicators) or "tất cả"),
                ("Cấp đơn vị", ", ".join(LEVEL_LABELS.get(v, v) for v in f.levels) or "mọi cấp"),
                ("Địa giới", BOUNDARIES[f.boundaries])]


def sidebar() -> Selection:
    all_years = db.query("years")
    provinces = db.query("provinces")
    names = dict(zip(provinces["province_code"], provinces["province_name"], strict=True))
    indicators = dict(indicator_labels())
    with st.sidebar:
        st.markdown("### Bộ lọc")
        years = st.multiselect("Năm", all_years, default=url_list("nam", all_years, int), key="f_years",
                               placeholder="Tất cả các năm")
        chosen = st.multiselect("Tỉnh/thành phố (địa giới hiện nay)", list(names), format_func=names.get,
                                default=url_list("tinh", list(names)), key="f_provinces",
                                placeholder="Cả nước")
        kinds = st.multiselect("Hoạt động", list(indicators), format_func=indicators.get,
                               default=url_list("hd", list(indicators)), key="f_indicators",
                               placeholder="Tất cả hoạt động")
        levels = st.multiselect("Cấp đơn vị", list(LEVEL_LABELS), format_func=LEVEL_LABELS.get,
                                default=url_list("cap", list(LEVEL_LABELS)), key="f_levels", placeholder="Mọi cấp")
        boundaries = st.radio("Địa giới", list(BOUNDARIES), format_func=BOUNDARIES.get, key="f_boundaries",
                              index=list(BOUNDARIES_URL.values()).index(url_value(
                                  "dia_gioi", list(BOUNDARIES_URL.values()), BOUNDARIES_URL["today"])),
                              help="Hiện nay: báo cáo các năm trước được cộng theo tỉnh, xã/phường sau sắp xếp "
                                   "(từ 1/7/2025). Như khi báo cáo: theo tỉnh, huyện, xã của năm báo cáo.")
        unit = st.radio("Đơn vị tiền", list(MONEY_UNITS), index=list(MONEY_UNITS).index(
            url_value("tien", list(MONEY_UNITS), "triệu đồng")), horizontal=True, key="f_money")
    remember(nam=years, tinh=chosen, hd=kinds, cap=levels, tien=unit,
             dia_gioi=None if boundaries == "today" else BOUNDARIES_URL[boundaries])
    filters = queries.Filters(tuple(sorted(years)), tuple(chosen), tuple(kinds), tuple(levels), boundaries)
    return Selection(filters, unit, tuple(all_years), names, indicators)
