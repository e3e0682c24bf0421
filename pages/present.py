"""Trình chiếu: the overview's story for a projector. No sidebar, large type, one set of figures or one chart per
screen; ← and → (or the buttons) move between screens; the screen is kept in the URL ('trang') with the filters, and
every screen states the scope and the boundaries. The content is the briefing's (reports.briefing), so the room
sees what the deck and the PDF say."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, db, filters, widgets
from dashboard.periods import focus_year, previous_year
from reports import briefing
from reports.static_charts import briefing_map

selection = st.session_state["selection"]
f = selection.filters
st.html("""<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none}
  .block-container {padding-top: 1.2rem; max-width: 100%}
  h1 {font-size: 2.8rem !important}
  [data-testid="stMetricValue"] {font-size: 3.2rem}
  [data-testid="stMetricLabel"] p {font-size: 1.4rem}
  [data-testid="stMetricDelta"] {font-size: 1.3rem}
  .st-key-present_story [data-testid="stText"] span, .st-key-present_text [data-testid="stText"] span {
    font-size: 1.65rem; line-height: 1.45}
  .st-key-present_scope [data-testid="stText"] span {font-size: 1.1rem; color: #4a5562}
</style>""")
year = focus_year(selection)
if year is None:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào.")
    st.stop()
if len(f.provinces) > 1:
    st.page_link("pages/overview.py", label="Thoát trình chiếu", icon=":material/close:")
    widgets.empty("Trình chiếu cho cả nước hoặc một tỉnh/thành phố: bỏ bớt tỉnh ở bộ lọc rồi mở lại.")
    st.stop()
b = briefing.gather(db.query, db.read_path(), year, f.provinces[0] if f.provinces else None,
                    previous_year(selection, year), f.boundaries, selection.money)
BIG = {"font": {"size": 20}, "height": 540}


def big(fig: go.Figure) -> go.Figure:
    """Large type for the back of the room; axes make room for their larger labels."""
    return fig.update_layout(**BIG).update_xaxes(automargin=True).update_yaxes(automargin=True)


def story() -> None:
    st.title(f"Tuần lễ hưởng ứng học tập suốt đời năm {year}")
    with st.container(key="present_story"):
        for sentence in briefing.sentences(b):  # place names come from reports: text, never Markdown
            st.text(sentence)


def headline() -> None:
    st.title("Số liệu chính")
    head, rows, note = briefing.headline_table(b)
    tiles = st.container(horizontal=True)
    for label, before, after, changed, total in rows:
        if label == "Đơn vị báo cáo":
            continue
        widgets.kpi(tiles, label, total, None if changed == "–" else f"{changed} (cùng phạm vi)",
                    help=f"{head[1]}: {before}; {head[2]}: {after}".replace("\n", " "))
    with st.container(key="present_text"):
        st.text(note)


def chart(title: str, fig: go.Figure, key: str) -> None:
    st.title(title)
    st.plotly_chart(big(fig), key=key, config=widgets.chart_config(key), theme=None)  # its own large fonts


def completeness() -> None:
    st.title("Tình hình báo cáo")
    with st.container(key="present_text"):
        for y in (b.year, b.compare_with):
            if y is not None:
                st.text(briefing.completeness_line(b, y))
        if not b.missing.empty:
            st.text(f"Chưa báo cáo năm {b.year}: " + ", ".join(b.missing["name"].head(briefing.MISSING_LISTED))
                    + (f" và {len(b.missing) - briefing.MISSING_LISTED} đơn vị khác"
                       if len(b.missing) > briefing.MISSING_LISTED else ""))


ranked = pd.concat([b.leaders, b.laggards]).drop_duplicates("key")
SCREENS = [
    story,
    headline,
    lambda: chart("Người tham gia qua các năm", charts.trend(b.trend, "participants", "", b.coverage), "p_trend"),
    lambda: chart(f"Kinh phí qua các năm ({b.money_unit})", charts.funding_by_year(b.trend, b.money_unit, "",
                                                                                   b.coverage), "p_funding"),
    lambda: chart(f"Dẫn đầu và cần quan tâm — {b.place_label.lower()}",
                  charts.ranked_bars(ranked, "participants", ""), "p_ranked"),
    *([lambda: chart(f"Tăng, giảm người tham gia so với {b.compare_with}", charts.change_bars(b.changes, ""),
                     "p_changes")] if b.changes is not None and not b.changes.empty else []),
    lambda: chart(f"Bản đồ người tham gia năm {year}", briefing_map(b.points, ""), "p_map"),
    completeness,
]
screen = filters.url_value("trang", list(range(1, len(SCREENS) + 1)), 1, int)
SCREENS[screen - 1]()

bar = st.container(horizontal=True, vertical_alignment="center")
if bar.button("Trước", key="present_previous", shortcut="Left", disabled=screen == 1):  # the key's hint is its arrow
    filters.remember(trang=screen - 1)
    st.rerun()
if bar.button("Sau", key="present_next", shortcut="Right",
              disabled=screen == len(SCREENS)):
    filters.remember(trang=screen + 1)
    st.rerun()
bar.page_link("pages/overview.py", label="Thoát trình chiếu", icon=":material/close:")
with bar.container(key="present_scope"):
    st.text(f"{screen}/{len(SCREENS)} · {b.scope_line}")
filters.remember(trang=screen)
