"""Plotly figure builders. Colours mean the same on every page: state budget is always blue,
social sources always orange, participants teal, activities grey. Numbers show Vietnamese style
(separators ',.' so 1234567 reads 1.234.567).

Each figure is built once from plain dicts: Plotly validates on every `update_*` call, and a
chain of them cost ~20 ms a chart, most of a page's time budget.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.format import MONEY_UNITS, number
from etl.units import REFORM_YEAR

COLORS = {"state_budget": "#1f5fa8", "social": "#e8891c", "participants": "#1b998b", "events": "#6c7a89",
          "up": "#2e7d32", "down": "#c62828", "year_a": "#9aa5b1", "year_b": "#1f5fa8", "cost": "#7b5ea7"}
LABELS = {"state_budget": "Ngân sách nhà nước", "social": "Xã hội hóa", "participants": "Người tham gia",
          "events": "Hoạt động"}
FONT = {"family": "Inter, Segoe UI, Arial, sans-serif", "size": 14}
GRID = {"gridcolor": "#e6e9ef", "zerolinecolor": "#c9ced6"}
TOP_N = 15
TITLE_WIDTH = 48  # characters of a title's first line: about what a phone's width shows at 17 px
# room on the right for the values written beyond the longest bar; the axes' own labels and titles take the room
# they need (automargin), so that nothing is cut at a phone's width
MARGIN = {"l": 10, "r": 64, "t": 60, "b": 10}


def _figure(traces: list[dict], title: str, height: int, xaxis: dict | None = None, yaxis: dict | None = None,
            **layout) -> go.Figure:
    layout.setdefault("margin", MARGIN)
    title = wrapped(title)
    if "<br>" in title:  # a second line of title needs its room above the plot
        layout["margin"] = {**layout["margin"], "t": layout["margin"]["t"] + 22}
    if (xaxis or {}).get("title"):  # room under the tick labels for the axis title
        layout["margin"] = {**layout["margin"], "b": max(layout["margin"]["b"], 80)}
    return go.Figure(data=traces, layout={
        "title": {"text": title, "x": 0, "font": {"size": 17}}, "separators": ",.", "font": FONT, "height": height,
        "plot_bgcolor": "white", "paper_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        "xaxis": {**GRID, "automargin": True, **(xaxis or {})}, "yaxis": {**GRID, "automargin": True, **(yaxis or {})},
        **layout})


def wrapped(title: str, width: int = TITLE_WIDTH) -> str:
    """A long title on two lines, broken at the last space before `width` characters: Plotly never wraps a title,
    and on a phone its end (often the scope it names) would be cut off."""
    if len(title) <= width or " " not in title[:width]:
        return title
    cut = title.rindex(" ", 0, width)
    return title[:cut] + "<br>" + title[cut + 1:]


def _top(df: pd.DataFrame, column: str) -> pd.DataFrame:
    return df.sort_values(column, ascending=False).head(TOP_N).iloc[::-1]


def _bar_height(rows: int) -> int:
    return max(300, 34 * rows + 110)


def _hbar(data: pd.DataFrame, value: str, color: object, template: str, hover: str, **extra) -> dict:
    """One horizontal bar trace labelled with its values outside the bars."""
    return {"type": "bar", "x": data[value], "y": data["name"], "orientation": "h", "marker": {"color": color},
            "text": data[value], "texttemplate": template, "textposition": "outside", "cliponaxis": False,
            "hovertemplate": hover, **extra}


def ranked_bars(df: pd.DataFrame, measure: str, title: str) -> go.Figure:
    """Horizontal bars, largest on top; the first 15 when there are more."""
    data = _top(df, measure)
    more = f" (15/{len(df)} cao nhất)" if len(df) > TOP_N else ""
    trace = _hbar(data, measure, COLORS[measure], "%{x:,d}", "%{y}: %{x:,d}<extra></extra>",
                  customdata=data[["key"]].to_numpy())
    return _figure([trace], title + more, _bar_height(len(data)),
                   xaxis={"tickformat": ",d", "range": [0, (data[measure].max() or 1) * 1.18]},
                   yaxis={"automargin": True})


# Years sit on a numeric axis where year y stands for its week, in October: 1/7/2025, when the reform took effect,
# falls a quarter of a year before the 2025 week
REFORM_X = REFORM_YEAR - 0.25
LEVEL_SHORT = {"province": "tỉnh", "district": "quận, huyện", "commune": "xã, phường"}

Coverage = dict[int, tuple[int, int, str]]  # year -> (received, expected, level), as queries.completeness


def partial(coverage: Coverage, year: int) -> bool:
    received, expected, _ = coverage.get(year, (0, 0, ""))
    return bool(expected) and received < expected


def _years_axis(years: pd.Series, coverage: Coverage) -> tuple[dict, list[dict], list[dict]]:
    """Years, the share of expected units that reported written under each, and a dashed line at 1/7/2025 when
    the years shown straddle the reform."""
    first, last = int(years.min()), int(years.max())
    ticks = list(years)
    text = [f"{y}<br>{number(coverage[y][0])}/{number(coverage[y][1])}" if coverage.get(y, (0, 0))[1] else str(y)
            for y in years]
    axis = {"tickvals": ticks, "ticktext": text, "range": [first - 0.5, last + 0.5], "tickangle": 0,
            "tickfont": {"size": 11}}
    if not first < REFORM_YEAR <= last:
        return axis, [], []
    line = {"type": "line", "x0": REFORM_X, "x1": REFORM_X, "yref": "paper", "y0": 0, "y1": 1,
            "line": {"color": "#6c7a89", "width": 1.5, "dash": "dash"}}
    note = {"x": REFORM_X, "yref": "paper", "y": 1, "text": "sắp xếp 1/7/2025", "showarrow": False,  # above the
            "xanchor": "center", "yanchor": "bottom", "font": {"size": 12, "color": "#4a5562"}}  # plot, clear of values
    return axis, [line], [note]


# charts over the years keep their legend under the axis, clear of the title on a phone's width
_LEGEND_BELOW = {"legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
                 "margin": {**MARGIN, "b": 140}}  # three legend rows on a phone
YEARS_HEIGHT = 470


# a legend between the title and the bars, so that neither covers the other on a phone's width
_LEGEND_UNDER_TITLE = {"legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
                       "margin": {**MARGIN, "t": 90}}


def _partial_key(symbol: dict) -> dict:
    """A legend entry for how a year with part of the expected units reported is drawn."""
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": "Năm chưa đủ báo cáo",
            "marker": symbol, "hoverinfo": "skip"}


def _reported_words(coverage: Coverage, years: pd.Series) -> list[str]:
    return [f"{number(coverage[y][0])}/{number(coverage[y][1])} {LEVEL_SHORT[coverage[y][2]]} đã báo cáo"
            if coverage.get(y, (0, 0))[1] else "" for y in years]


def trend(df: pd.DataFrame, measure: str, title: str, coverage: Coverage) -> go.Figure:
    """A measure over the years; a year in which only part of the expected units reported is an open circle."""
    axis, shapes, notes = _years_axis(df["year"], coverage)
    open_ = [partial(coverage, y) for y in df["year"]]
    trace = {"type": "scatter", "x": df["year"], "y": df[measure],
             "mode": "lines+markers+text", "name": LABELS[measure], "showlegend": False, "cliponaxis": False,
             "line": {"color": COLORS[measure]},
             "marker": {"size": 10, "color": COLORS[measure],
                        "symbol": ["circle-open" if o else "circle" for o in open_], "line": {"width": 2}},
             "text": df[measure], "texttemplate": "%{y:,d}",
             "textposition": ["top center" if i % 2 else "bottom center" for i in range(len(df))],  # neighbours apart
             "customdata": _reported_words(coverage, df["year"]),
             "hovertemplate": "Năm %{x}: %{y:,d}<br>%{customdata}<extra></extra>"}
    traces = [trace] + ([_partial_key({"symbol": "circle-open", "size": 10, "color": COLORS[measure],
                                       "line": {"width": 2}})] if any(open_) else [])
    return _figure(traces, title, YEARS_HEIGHT, xaxis=axis, yaxis={"tickformat": ",d",
                                                                   "range": [0, max(df[measure].max(), 1) * 1.2]},
                   shapes=shapes, annotations=notes, **_LEGEND_BELOW)


def _money_traces(x: pd.Series | None, y: pd.Series | None, df: pd.DataFrame, unit: str, horizontal: bool,
                  hover: str, opacity: list[float] | None = None) -> list[dict]:
    scale = MONEY_UNITS[unit]
    traces = []
    for source in ("state_budget", "social"):
        values = df[source] / scale
        trace = {"type": "bar", "name": LABELS[source], "marker": {"color": COLORS[source]},
                 "hovertemplate": hover + " " + unit + "<extra>%{fullData.name}</extra>"}
        if opacity:
            trace["marker"]["opacity"] = opacity
        trace |= {"x": values, "y": y, "orientation": "h"} if horizontal else {"x": x, "y": values}
        traces.append(trace)
    return traces


def _money_axis(unit: str) -> dict:
    return {"title": {"text": unit}, "tickformat": ",.0f" if MONEY_UNITS[unit] == 1 else ",.2~f"}  # no needless 0s


def funding_stacked(df: pd.DataFrame, unit: str, title: str) -> go.Figure:
    """State budget and social sources in one bar per locality, in the chosen money unit."""
    data = _top(df.assign(total=df["state_budget"] + df["social"]), "total")
    traces = _money_traces(None, data["name"], data, unit, horizontal=True, hover="%{y}: %{x:,.1f}")
    return _figure(traces, title, _bar_height(len(data)) + 40, xaxis=_money_axis(unit), yaxis={"automargin": True},
                   barmode="stack", **_LEGEND_UNDER_TITLE)


def funding_by_year(df: pd.DataFrame, unit: str, title: str, coverage: Coverage) -> go.Figure:
    """Funding by source over the years; a year in which only part of the expected units reported is pale."""
    axis, shapes, notes = _years_axis(df["year"], coverage)
    pale = [partial(coverage, y) for y in df["year"]]
    traces = _money_traces(df["year"], None, df, unit, horizontal=False, hover="Năm %{x}: %{y:,.1f}",
                           opacity=[0.45 if p else 1.0 for p in pale])
    if any(pale):
        traces.append({"type": "bar", "x": [None], "y": [None], "name": "Năm chưa đủ báo cáo (màu nhạt)",
                       "marker": {"color": "#c9ced6"}, "hoverinfo": "skip"})
    return _figure(traces, title, YEARS_HEIGHT, xaxis=axis, yaxis=_money_axis(unit), barmode="stack", shapes=shapes,
                   annotations=notes, **_LEGEND_BELOW)


def social_share(df: pd.DataFrame, title: str) -> go.Figure:
    total = df["state_budget"] + df["social"]
    data = _top(df.assign(share=(df["social"] / total.where(total > 0)).fillna(0)), "share")
    trace = _hbar(data, "share", COLORS["social"], "%{x:.1%}", "%{y}: %{x:.1%}<extra></extra>")
    return _figure([trace], title, _bar_height(len(data)), xaxis={"tickformat": ".0%", "range": [0, 1.15]},
                   yaxis={"automargin": True})


def cost_per_participant(df: pd.DataFrame, title: str) -> go.Figure:
    data = df.assign(cost=(df["state_budget"] + df["social"]) / df["participants"].where(df["participants"] > 0))
    data = _top(data.dropna(subset=["cost"]), "cost")
    trace = _hbar(data, "cost", COLORS["cost"], "%{x:,.0f} đ", "%{y}: %{x:,.0f} đồng/người<extra></extra>")
    return _figure([trace], title, _bar_height(len(data)), yaxis={"automargin": True},
                   xaxis={"tickformat": ",.0f", "title": {"text": "đồng / người"},
                          "range": [0, (data["cost"].max() if len(data) else 1) * 1.25]})


def dumbbell(df: pd.DataFrame, year_a: int, year_b: int, title: str, tick: str = ",d") -> go.Figure:
    """Each locality's value in both years joined by a line; only one dot where it reported once."""
    data = df.assign(order=df["value_b"].fillna(df["value_a"])).sort_values("order").tail(TOP_N * 2)
    lines = [{"type": "scatter", "x": [row.value_a, row.value_b], "y": [row.name] * 2, "mode": "lines",
              "line": {"color": COLORS["up"] if row.value_b >= row.value_a else COLORS["down"], "width": 3},
              "showlegend": False, "hoverinfo": "skip"}
             for row in data.itertuples() if pd.notna(row.value_a) and pd.notna(row.value_b)]
    dots = [{"type": "scatter", "x": data[column], "y": data["name"], "mode": "markers", "name": str(year),
             "marker": {"size": 12, "color": COLORS[color]},
             "hovertemplate": "%{y}: %{x:" + tick + "}<extra>" + str(year) + "</extra>"}
            for year, column, color in ((year_a, "value_a", "year_a"), (year_b, "value_b", "year_b"))]
    return _figure(lines + dots, title, max(320, 30 * len(data) + 120), xaxis={"tickformat": tick,
                                                                              "rangemode": "tozero"},
                   yaxis={"automargin": True}, margin={**MARGIN, "b": 80})  # room for the values, slanted on a phone


def change_bars(df: pd.DataFrame, title: str) -> go.Figure:
    """Change against the previous year, gains in green and losses in red, largest on top."""
    data = df.sort_values("change_pct")
    colors = [COLORS["up"] if v >= 0 else COLORS["down"] for v in data["change_pct"]]
    span = max(data["change_pct"].abs().max(), 0.05) * 1.3
    trace = _hbar(data, "change_pct", colors, "%{x:+.1%}", "%{y}: %{x:+.1%}<extra></extra>")
    return _figure([trace], title, _bar_height(len(data)), xaxis={"tickformat": "+.0%", "range": [-span, span]},
                   yaxis={"automargin": True})


def indicator_bars(df: pd.DataFrame, labels: dict[str, str], measure: str, title: str) -> go.Figure:
    data = df.assign(name=df["indicator"].map(labels).fillna(df["indicator"]), key=df["indicator"])
    return ranked_bars(data, measure, title)
