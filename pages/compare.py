"""So sánh năm: two years side by side per locality, with change, % change, rank change and totals."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import charts, db, filters, widgets
from dashboard.format import MONEY_UNITS, change, money, number, signed_percent
from dashboard.queries import Filters
from dashboard.safe_text import literal
from etl.units import REFORM_YEAR

MEASURES = {"participants": "Người tham gia", "events": "Hoạt động", "state_budget": "Ngân sách nhà nước",
            "social": "Xã hội hóa"}
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
    if not names:
        widgets.empty(f"Không tỉnh/thành phố nào có số liệu năm {year_a} hay năm {year_b} với bộ lọc đang chọn.")
        st.stop()
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
rows = rows.sort_values(["in_a", "in_b"], ascending=False, kind="stable")  # places in both years first
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
is_money = measure in ("state_budget", "social")
unit = selection.money if is_money else None
suffix = f" ({unit})" if unit else ""


def shown(value) -> str:
    """A value of the measure as read on screen: amounts in the sidebar's money unit."""
    return money(value, unit, with_unit=False) if unit else number(value)


def shown_change(value) -> str:
    """A change, signed like its percentage beside it (+15.336, -2.466)."""
    return ("+" if value > 0 else "") + shown(value)


place_word = groups[group].lower() if group == "province" else ("xã/phường" if today else "quận/huyện")
counted = Filters(provinces=scope.provinces, levels=scope.levels)
partial = [f"năm {y} mới có {number(r)}/{number(e)} {charts.LEVEL_SHORT[level]} báo cáo"
           for y in sorted((year_a, year_b)) for r, e, level in [db.query("completeness", counted, y)] if r < e]
st.info(f"So sánh cùng phạm vi: thay đổi chỉ tính {number(len(both))}/{number(len(rows))} {place_word} có báo cáo cả "
        "hai năm; nơi chỉ báo cáo một năm được ghi riêng và không tính vào thay đổi."
        + (f" Chưa đủ báo cáo: {'; '.join(partial)}." if partial else ""), icon=":material/balance:")
tiles = st.container(horizontal=True)
widgets.kpi(tiles, f"Năm {year_a}, cùng phạm vi{suffix}", shown(like_a) if len(both) else "–",
            help=f"Tổng của các nơi có báo cáo cả hai năm. Mọi nơi có báo cáo năm {year_a}: {shown(total_a)}.")
widgets.kpi(tiles, f"Năm {year_b}, cùng phạm vi{suffix}", shown(like_b) if len(both) else "–",
            help=f"Tổng của các nơi có báo cáo cả hai năm. Mọi nơi có báo cáo năm {year_b}: {shown(total_b)}.")
widgets.kpi(tiles, "Thay đổi cùng phạm vi", signed_percent(change(like_b, like_a)) or "–",
            help="Chỉ tính các địa phương có báo cáo ở cả hai năm, để so sánh cùng một phạm vi.")
widgets.kpi(tiles, "Báo cáo cả hai năm", f"{len(both)}/{len(rows)}",
            help="Số địa phương có báo cáo ở cả hai năm / số địa phương có báo cáo ở ít nhất một năm.")
st.caption(f"Tổng mọi nơi có báo cáo, kể cả nơi chỉ báo cáo một năm: năm {year_a}: {shown(total_a)}; "
           f"năm {year_b}: {shown(total_b)}{suffix}.")
if not only_one.empty:
    listed = [f"{literal(r.name)} (chỉ năm {year_a if r.in_a else year_b})" for r in only_one.head(LISTED).itertuples()]
    more = f"; và {len(only_one) - LISTED} nơi khác (xem cột “Ghi chú”)" if len(only_one) > LISTED else ""
    st.warning("Chỉ báo cáo một trong hai năm (không tính vào so sánh thay đổi): " + "; ".join(listed) + more)


def rank_move(before, after) -> int | None:
    return None if pd.isna(before) or pd.isna(after) else int(before - after)


def rank_words(moved: int | None) -> str:
    if moved is None:
        return ""
    return f"↑ {moved}" if moved > 0 else (f"↓ {-moved}" if moved < 0 else "=")


def note(row) -> str:
    """One-year-only rows, and what an approximate commune of today's map holds from before the reform."""
    parts = [] if row.in_a and row.in_b else [f"chỉ báo cáo năm {year_a if row.in_a else year_b}"]
    if isinstance(row.includes, str):
        parts.append(f"{'≈ gần đúng, ' if row.approximate else ''}năm {first} gồm {row.includes}")
    return "; ".join(parts)


place_label = groups[group] if group == "province" else ("Xã/phường" if today else "Quận/huyện")
paired = rows["in_a"] & rows["in_b"]
moves = [rank_move(a, b) for a, b in zip(rows["rank_a"], rows["rank_b"], strict=True)]
HEADERS = [place_label, f"Năm {year_a}{suffix}", f"Năm {year_b}{suffix}", f"Thay đổi{suffix}", "Thay đổi (%)",
           f"Hạng {year_a}", f"Hạng {year_b}", "Tăng/giảm hạng", "Ghi chú"]
TOTALS = [  # label, the two years, whether their change is a comparison, what the row sums
    ("Tổng cộng", total_a, total_b, False, "mọi địa phương có báo cáo"),
    ("Tổng, cùng phạm vi", like_a, like_b, not both.empty, "địa phương có báo cáo cả hai năm")]


def numbers_table() -> pd.DataFrame:
    """The comparison as numbers, for the exports: amounts in the chosen unit, % as a percentage, totals below."""
    scale = MONEY_UNITS[unit] if unit else 1
    body = pd.DataFrame(dict(zip(HEADERS, [
        rows["name"], rows["value_a"] / scale, rows["value_b"] / scale, (rows["change"] / scale).where(paired),
        (rows["change_pct"] * 100).round(1), rows["rank_a"], rows["rank_b"], pd.array(moves, dtype="Int64"),
        [note(r) for r in rows.itertuples()]], strict=True)))
    totals = pd.DataFrame([dict(zip(HEADERS, [
        label, a / scale, b / scale, (b - a) / scale if compared else None,
        round(change(b, a) * 100, 1) if compared and a else None, None, None, None, why], strict=True))
        for label, a, b, compared, why in TOTALS])
    return pd.concat([body, totals], ignore_index=True)


table = pd.DataFrame(dict(zip(HEADERS, [
    rows["name"], [shown(v) for v in rows["value_a"]], [shown(v) for v in rows["value_b"]],
    [shown_change(v) if p else "" for v, p in zip(rows["change"], paired, strict=True)],
    [signed_percent(v) or "" for v in rows["change_pct"]],
    [number(v) for v in rows["rank_a"]], [number(v) for v in rows["rank_b"]], [rank_words(m) for m in moves],
    [note(r) for r in rows.itertuples()]], strict=True)))
total_rows = pd.DataFrame([dict(zip(HEADERS, [
    label, shown(a), shown(b), shown_change(b - a) if compared else "",
    (signed_percent(change(b, a)) or "") if compared else "", "", "", "", why], strict=True))
    for label, a, b, compared, why in TOTALS])
scale = MONEY_UNITS[unit] if unit else 1
dumbbell = rows.assign(value_a=rows["value_a"] / scale, value_b=rows["value_b"] / scale)
st.plotly_chart(charts.dumbbell(dumbbell, year_a, year_b, f"{MEASURES[measure]}{suffix}: {year_a} và {year_b}",
                                ",.1f" if scale > 1 else ",d"),
                key="compare_dumbbell", config=widgets.chart_config("so_sanh_nam"))
st.subheader("Bảng so sánh")
about = selection.describe() + [("So sánh", f"năm {year_a} với năm {year_b}"), ("Chỉ số", MEASURES[measure] + suffix),
                                ("Theo", place_label)] + ([("Đơn vị tiền", unit)] if unit else [])
widgets.export_buttons(numbers_table, about, f"So sánh năm {year_a} và {year_b} — {MEASURES[measure]}{suffix}",
                       f"so_sanh_{year_a}_{year_b}", key="c_export")
st.dataframe(pd.concat([table, total_rows], ignore_index=True), hide_index=True, key="compare_table",
             column_config={"Ghi chú": st.column_config.TextColumn(width="large")})
