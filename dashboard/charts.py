"""Plotly figure builders. Colours mean the same on every page: state budget is always blue,
social sources always orange, participants teal, activities grey. Numbers show Vietnamese style
(separators ',.' so 1234567 reads 1.234.567)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.format import MONEY_UNITS

COLORS = {"state_budget": "#1f5fa8", "social": "#e8891c", "participants": "#1b998b", "events": "#6c7a89",
          "up": "#2e7d32", "down": "#c62828", "year_a": "#9aa5b1", "year_b": "#1f5fa8"}
LABELS = {"state_budget": "Ngân sách nhà nước", "social": "Xã hội hóa", "participants": "Người tham gia",
          "events": "Hoạt động"}
FONT = dict(family="Inter, Segoe UI, Arial, sans-serif", size=14)
TOP_N = 15


def _layout(fig: go.Figure, title: str, height: int = 420, **extra) -> go.Figure:
    extra.setdefault("margin", dict(l=10, r=20, t=60, b=10))
    fig.update_layout(title=dict(text=title, x=0, font=dict(size=17)), separators=",.", font=FONT, height=height,
                      plot_bgcolor="white", paper_bgcolor="white",
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1), **extra)
    fig.update_xaxes(gridcolor="#e6e9ef", zerolinecolor="#c9ced6")
    fig.update_yaxes(gridcolor="#e6e9ef", zerolinecolor="#c9ced6")
    return fig


def _top(df: pd.DataFrame, column: str) -> pd.DataFrame:
    return df.sort_values(column, ascending=False).head(TOP_N).iloc[::-1]


def ranked_bars(df: pd.DataFrame, measure: str, title: str) -> go.Figure:
    """Horizontal bars, largest on top; the first 15 when there are more."""
    data = _top(df, measure)
    fig = go.Figure(go.Bar(x=data[measure], y=data["name"], orientation="h", marker_color=COLORS[measure],
                           text=data[measure], texttemplate="%{x:,d}", textposition="outside", cliponaxis=False,
                           customdata=data[["key"]], hovertemplate="%{y}: %{x:,d}<extra></extra>"))
    more = f" (15/{len(df)} cao nhất)" if len(df) > TOP_N else ""
    fig = _layout(fig, title + more, height=max(300, 34 * len(data) + 110))
    fig.update_xaxes(tickformat=",d", range=[0, (data[measure].max() or 1) * 1.18])
    fig.update_yaxes(automargin=True)
    return fig


def trend(df: pd.DataFrame, measure: str, title: str) -> go.Figure:
    fig = go.Figure(go.Scatter(x=df["year"], y=df[measure], mode="lines+markers+text", line_color=COLORS[measure],
                               text=df[measure], texttemplate="%{y:,d}", textposition="top center",
                               hovertemplate="Năm %{x}: %{y:,d}<extra></extra>"))
    fig = _layout(fig, title, height=340)
    fig.update_xaxes(dtick=1, tickformat="d", range=[df["year"].min() - 0.5, df["year"].max() + 0.5])
    fig.update_yaxes(tickformat=",d", range=[0, max(df[measure].max(), 1) * 1.18])
    return fig


def funding_stacked(df: pd.DataFrame, unit: str, title: str) -> go.Figure:
    """State budget and social sources side by side in one bar per locality, in the chosen money unit."""
    scale = MONEY_UNITS[unit]
    data = df.assign(total=df["state_budget"] + df["social"])
    data = _top(data, "total")
    fig = go.Figure()
    for source in ("state_budget", "social"):
        fig.add_bar(x=data[source] / scale, y=data["name"], orientation="h", name=LABELS[source],
                    marker_color=COLORS[source], hovertemplate="%{y}: %{x:,.1f} " + unit + "<extra>%{fullData.name}"
                                                                  "</extra>")
    fig = _layout(fig, title, height=max(300, 34 * len(data) + 120), barmode="stack")
    fig.update_xaxes(title=unit, tickformat=",.0f" if scale == 1 else ",.1f")
    fig.update_yaxes(automargin=True)
    return fig


def funding_by_year(df: pd.DataFrame, unit: str, title: str) -> go.Figure:
    scale = MONEY_UNITS[unit]
    fig = go.Figure()
    for source in ("state_budget", "social"):
        fig.add_bar(x=df["year"], y=df[source] / scale, name=LABELS[source], marker_color=COLORS[source],
                    hovertemplate="Năm %{x}: %{y:,.1f} " + unit + "<extra>%{fullData.name}</extra>")
    fig = _layout(fig, title, height=340, barmode="stack")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title=unit, tickformat=",.0f" if scale == 1 else ",.1f")
    return fig


def social_share(df: pd.DataFrame, title: str) -> go.Figure:
    total = df["state_budget"] + df["social"]
    data = df.assign(share=(df["social"] / total.where(total > 0)).fillna(0))
    data = _top(data, "share")
    fig = go.Figure(go.Bar(x=data["share"], y=data["name"], orientation="h", marker_color=COLORS["social"],
                           text=data["share"], texttemplate="%{x:.1%}", textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:.1%}<extra></extra>"))
    fig = _layout(fig, title, height=max(300, 34 * len(data) + 110))
    fig.update_xaxes(tickformat=".0%", range=[0, 1.15])
    fig.update_yaxes(automargin=True)
    return fig


def cost_per_participant(df: pd.DataFrame, title: str) -> go.Figure:
    data = df.assign(cost=(df["state_budget"] + df["social"]) / df["participants"].where(df["participants"] > 0))
    data = _top(data.dropna(subset=["cost"]), "cost")
    fig = go.Figure(go.Bar(x=data["cost"], y=data["name"], orientation="h", marker_color="#7b5ea7",
                           text=data["cost"], texttemplate="%{x:,.0f} đ", textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:,.0f} đồng/người<extra></extra>"))
    fig = _layout(fig, title, height=max(300, 34 * len(data) + 110))
    fig.update_xaxes(tickformat=",.0f", title="đồng / người", range=[0, (data["cost"].max() or 1) * 1.25])
    fig.update_yaxes(automargin=True)
    return fig


def bubble_map(df: pd.DataFrame, title: str) -> go.Figure:
    """Proportional symbols on Plotly's own geo basemap: works with no internet tiles."""
    biggest = max(df["participants"].max(), 1) if len(df) else 1
    sizes = [6 + 44 * math.sqrt(max(v, 0) / biggest) for v in df["participants"]]
    fig = go.Figure(go.Scattergeo(lat=df["lat"], lon=df["lon"], text=df["name"],
                                  customdata=df[["key", "participants"]],
                                  marker=dict(size=sizes, color=COLORS["participants"], opacity=0.65,
                                              line=dict(color="white", width=1)),
                                  hovertemplate="%{text}<br>%{customdata[1]:,d} người tham gia<extra></extra>"))
    fig.update_geos(scope="asia", projection_type="mercator", lataxis_range=[8, 23.6], lonaxis_range=[102, 110],
                    showcountries=True, countrycolor="#9aa5b1", showland=True, landcolor="#f3f4f1",
                    showocean=True, oceancolor="#e8f1f8", showlakes=False, resolution=50)
    return _layout(fig, title, height=620, margin=dict(l=0, r=0, t=50, b=0))


def dumbbell(df: pd.DataFrame, year_a: int, year_b: int, title: str, tick: str = ",d") -> go.Figure:
    """Each locality's value in both years joined by a line; only one dot where it reported once."""
    data = df.assign(order=df["value_b"].fillna(df["value_a"])).sort_values("order").tail(TOP_N * 2)
    fig = go.Figure()
    for _, row in data.iterrows():
        if pd.notna(row["value_a"]) and pd.notna(row["value_b"]):
            color = COLORS["up"] if row["value_b"] >= row["value_a"] else COLORS["down"]
            fig.add_scatter(x=[row["value_a"], row["value_b"]], y=[row["name"]] * 2, mode="lines",
                            line=dict(color=color, width=3), showlegend=False, hoverinfo="skip")
    for year, column, color in ((year_a, "value_a", COLORS["year_a"]), (year_b, "value_b", COLORS["year_b"])):
        fig.add_scatter(x=data[column], y=data["name"], mode="markers", name=str(year),
                        marker=dict(size=12, color=color), hovertemplate="%{y}: %{x:" + tick + "}<extra>" +
                        str(year) + "</extra>")
    fig = _layout(fig, title, height=max(320, 30 * len(data) + 120))
    fig.update_xaxes(tickformat=tick, rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return fig


def change_bars(df: pd.DataFrame, title: str) -> go.Figure:
    """Change against the previous year, gains in green and losses in red, largest on top."""
    data = df.sort_values("change_pct")
    colors = [COLORS["up"] if v >= 0 else COLORS["down"] for v in data["change_pct"]]
    fig = go.Figure(go.Bar(x=data["change_pct"], y=data["name"], orientation="h", marker_color=colors,
                           text=data["change_pct"], texttemplate="%{x:+.1%}", textposition="outside",
                           cliponaxis=False, hovertemplate="%{y}: %{x:+.1%}<extra></extra>"))
    span = max(data["change_pct"].abs().max(), 0.05) * 1.3
    fig = _layout(fig, title, height=max(300, 34 * len(data) + 110))
    fig.update_xaxes(tickformat="+.0%", range=[-span, span])
    fig.update_yaxes(automargin=True)
    return fig


def indicator_bars(df: pd.DataFrame, labels: dict[str, str], measure: str, title: str) -> go.Figure:
    data = df.assign(name=df["indicator"].map(labels).fillna(df["indicator"]), key=df["indicator"])
    return ranked_bars(data, measure, title)
