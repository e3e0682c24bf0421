"""Page pieces shared by every page: KPI tiles, a chart with its table of numbers, empty states."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import db, exports, vietnamese
from dashboard.format import number
from dashboard.queries import Filters
from warehouse.deadlines import LEVEL_LABELS

TOPOJSON_URL = "./app/static/topojson/"  # served from static/ so maps need no internet
MAX_ROWS = 1000  # rows shown on screen; exports still hold every row


def chart_config(filename: str) -> dict:
    """Plotly's toolbar in Vietnamese, with 'save as PNG' at print quality, in a file named after the chart."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
            "modeBarButtonsToRemove": ["lasso2d", "select2d"], "topojsonURL": TOPOJSON_URL,
            "locale": "vi", "locales": {"vi": vietnamese.PLOTLY_LOCALE}}


def chart(fig: go.Figure, numbers: pd.DataFrame, key: str, on_pick: Callable[[list[str]], None] | None = None) -> None:
    """A chart and, in a second tab, the table of its numbers. With `on_pick`, clicking a bar or point
    calls it with the picked keys (each trace's customdata[0]) before the page reruns, and the page is brought
    to where the pick shows (see `show_pick_here`)."""
    def picked() -> None:
        on_pick(picked_keys(key))
        st.session_state[PICKED] = st.session_state.get(PICKED, 0) + 1

    drawn, listed = st.tabs(["Biểu đồ", "Bảng số liệu"])
    with drawn:
        st.plotly_chart(fig, key=key, config=chart_config(key), selection_mode=("points",),
                        on_select=picked if on_pick else "ignore")
    with listed:
        table(numbers, key=f"{key}_table")


PICKED = "chart_picks"  # how many picks this session; a new one scrolls the page once
_SCROLL = """<script>/* pick %d */
document.getElementById(%s)?.scrollIntoView({behavior: "smooth", block: "start"});
</script>"""


def show_pick_here(anchor: str) -> None:
    """Where a click on a chart shows its effect (the heading with this anchor, drawn above): scroll there right
    after a pick, so the user sees what the click changed instead of the unchanged chart. Once per pick."""
    picks = st.session_state.get(PICKED, 0)
    if picks and st.session_state.get(f"{PICKED}_shown") != picks:
        st.session_state[f"{PICKED}_shown"] = picks
        st.html(_SCROLL % (picks, json.dumps(anchor)), unsafe_allow_javascript=True)


def picked_keys(key: str) -> list[str]:
    points = (st.session_state.get(key) or {}).get("selection", {}).get("points", [])
    return [p["customdata"][0] for p in points if p.get("customdata")]


def as_text(df: pd.DataFrame, decimals: int = 0, plain: tuple[str, ...] = ("Năm",)) -> pd.DataFrame:
    """Small tables of a chart's numbers, written 1.234.567 as text: cheaper than a Styler, and
    these tables are read, not sorted."""
    shown = df.copy()
    for column in df.select_dtypes("number").columns:
        if column not in plain:
            shown[column] = [number(v, decimals) if pd.notna(v) else "–" for v in df[column]]
    return shown.astype("object").where(shown.notna(), "")


def table(df: pd.DataFrame, key: str | None = None, height: int | str = "auto", decimals: int = 0,
          total: int | None = None) -> None:
    """A table written the Vietnamese way, at most MAX_ROWS of its `total` rows on screen (the exports
    hold all).

    Numbers are shown as text: a pandas Styler would keep them sortable but costs ~0.3 ms a cell
    on every rerun, over the page's time budget for a 1.000-row table. Pages sort on the server.
    """
    total = len(df) if total is None else total  # a caller may pass only the rows it will show
    if total > MAX_ROWS:
        st.caption(f"Hiển thị {number(MAX_ROWS)}/{number(total)} dòng đầu; tải về để có đủ.")
        df = df.head(MAX_ROWS)
    right = {str(c): st.column_config.Column(alignment="right") for c in df.select_dtypes("number").columns}
    st.dataframe(as_text(df, decimals), hide_index=True, key=key, height=height, column_config=right)


def kpi(column, label: str, value: str, delta: str | None = None, help: str | None = None,
        inverse: bool = False) -> None:
    column.metric(label, value, delta, delta_color="inverse" if inverse else "normal", help=help, border=True)


def empty(message: str) -> None:
    st.info(message, icon="ℹ️")


def completeness(filters, years) -> None:
    """Beside every page's totals: how many expected units reported ("Năm 2026: 30/34 tỉnh/thành phố đã báo
    cáo"), so a total is never read without knowing how much of the country it covers."""
    parts = []
    counted = Filters(provinces=filters.provinces, levels=filters.levels)  # all it depends on: the cache key
    for year in sorted(years):
        received, expected, level = db.query("completeness", counted, year)
        if expected:
            parts.append(f"năm {year}: {number(received)}/{number(expected)} {LEVEL_LABELS[level].lower()}")
    if parts:
        st.caption(":material/fact_check: Đã báo cáo — " + "; ".join(parts) + ".",
                   help="Số đơn vị đã có báo cáo trên số đơn vị phải báo cáo theo danh mục chính thức của năm đó "
                        "(cả nước: cấp tỉnh; trong tỉnh đã chọn: cấp huyện trước 2025, cấp xã từ 2025).")


BOUNDARIES_NOTES = {
    "today": "Địa giới hiện nay (từ 1/7/2025): báo cáo các năm trước của tỉnh đã hợp nhất được cộng vào tỉnh mới.",
    "reported": "Địa giới như khi báo cáo: mỗi năm theo tỉnh, huyện, xã của năm đó; tỉnh đã hợp nhất ghi “(cũ)”.",
}


def boundaries_note(boundaries: str) -> None:
    """Every analysis page says which map its places are on (the sidebar's "Địa giới")."""
    st.caption(f":material/map: {BOUNDARIES_NOTES[boundaries]}")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_buttons(rows: Callable[[], pd.DataFrame], about: list[tuple[str, str]], title: str, prefix: str,
                   key: str) -> None:
    """"Tải CSV" and "Tải Excel (.xlsx)" side by side, each file built only when its button is pressed
    (building them on every rerun would slow every page down).

    They do not rerun the page (`on_click="ignore"`): a rerun races the file's request, and the rerun replaces
    the file it would have served, so a download could silently not start."""
    stamp = datetime.now()
    name = f"{prefix}_{stamp:%Y%m%d_%H%M}"
    row = st.container(horizontal=True)
    row.download_button("Tải CSV", lambda: exports.to_csv(rows()), f"{name}.csv", "text/csv", key=f"{key}_csv",
                        on_click="ignore")
    row.download_button("Tải Excel (.xlsx)", lambda: exports.to_xlsx(rows(), about, title, stamp),
                        f"{name}.xlsx", XLSX, key=f"{key}_xlsx", on_click="ignore")


def original_file(label: str, make: Callable[[], bytes], file_name: str, key: str, where=st) -> None:
    """A button handing back a submitted file byte for byte; like the exports, it does not rerun the page."""
    where.download_button(label, make, file_name, "application/octet-stream", key=key,
                          icon=":material/download:", on_click="ignore")


# Streamlit's uploader has no setting for its texts: it says "Upload" and "<server ceiling>MB per file" in English,
# and that ceiling (server.maxUploadSize) is not the officers' own, lower limit. Its texts are replaced in place.
_UPLOADER_TEXTS = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{font-size: 0}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "Chọn tệp"; font-size: 0.875rem}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{content: "{hint}"; font-size: 0.875rem}}
</style>"""


def file_uploader(label: str, hint: str, **kwargs):
    """st.file_uploader speaking Vietnamese: a "Chọn tệp" button and `hint` where it would state its limit."""
    st.html(_UPLOADER_TEXTS.format(hint=hint.replace("\\", "").replace('"', "'")))
    return st.file_uploader(label, **kwargs)
