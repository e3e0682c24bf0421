"""Map builders: provinces shaded by a measure on the schematic province maps (static/geo/, made by
`python -m tools.build_basemap`), Quần đảo Hoàng Sa and Quần đảo Trường Sa named, reporting units as circles
with a size legend, and a zoom to one province.

The browser loads the province shapes from the app's own static files (`GEO_URL`), like Plotly's basemap
(dashboard.widgets.TOPOJSON_URL): nothing is fetched from the internet and the figure sent on every rerun
carries only the values. Python reads the same files for the feature keys, names and zoom boxes.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import COLORS, FONT, LABELS
from dashboard.format import number
from etl.units import REFORM_YEAR, unit_key

GEO_DIR = Path(__file__).resolve().parent.parent / "static" / "geo"
GEO_URL = "./app/static/geo/"
COUNTRY = {"lon": [101.8, 115.2], "lat": [6.9, 23.5]}  # the mainland and both archipelagos
MIN_SPAN = 0.8  # degrees: a small province is still shown with its surroundings
MAX_BUBBLE = 24  # px: the diameter of the largest unit's circle
MIN_BUBBLE = 3
LEGEND_SLOT = 44  # px: room for a legend circle's label
SCALE = [[0, "#c4e6de"], [0.5, "#4fb3a2"], [1, "#0b5d53"]]  # light to dark teal: participants' colour
NO_DATA = "#e3e6ea"
UNITS = {"participants": "người tham gia", "events": "hoạt động"}
LABEL = "#33414e"
KEEP = {"marker": {"opacity": 1}}  # a province clicked (selected) dims the other shaded ones, not the base map


def map_name(boundaries: str, year: int) -> str:
    """Today's 34 provinces, or as reported the map in force that year (63 provinces before the reform)."""
    return "2025" if boundaries == "today" or year >= REFORM_YEAR else "legacy"


@cache
def geometry(name: str) -> dict:
    """One shipped map (a GeoJSON FeatureCollection whose feature ids are the warehouse's province keys)."""
    return json.loads((GEO_DIR / f"provinces_{name}.json").read_text(encoding="utf-8"))


def feature_id(boundaries: str, key: str) -> str:
    """The map's key of a province as the queries name it: today's province code ('01') or, as reported,
    the warehouse's province key ('L:P:70', 'N:P:01'), which the shipped maps use as feature ids."""
    return unit_key("2025", "province", key) if boundaries == "today" else key


def province_map(provinces: pd.DataFrame, measure: str, boundaries: str, year: int, title: str,
                 focus: str | None = None, units: pd.DataFrame | None = None) -> go.Figure:
    """Provinces shaded by `measure` (provinces without figures in grey), the archipelagos named, the whole
    country or zoomed to the province `focus`; with `units`, one circle per reporting unit sized by area."""
    shapes = geometry(map_name(boundaries, year))
    source = GEO_URL + f"provinces_{map_name(boundaries, year)}.json"
    unit = UNITS[measure]
    features = shapes["features"]
    traces = [
        {"type": "choropleth", "geojson": source, "locations": [f["id"] for f in features], "z": [0] * len(features),
         "customdata": [[f["id"], f["properties"]["name"]] for f in features], "showscale": False,
         "colorscale": [[0, NO_DATA], [1, NO_DATA]], "marker": {"line": {"color": "white", "width": 0.6}},
         "unselected": KEEP, "hovertemplate": "%{customdata[1]}<br>chưa có số liệu<extra></extra>"},
        {"type": "choropleth", "geojson": source, "locations": [feature_id(boundaries, k) for k in provinces["key"]],
         "z": provinces[measure], "customdata": provinces[["key", "name"]].to_numpy(), "colorscale": SCALE,
         "zmin": 0, "marker": {"line": {"color": "white", "width": 0.6}}, "unselected": {"marker": {"opacity": 0.55}},
         "showscale": len(provinces) > 1,  # one province's scale would repeat its one value
         "colorbar": {"orientation": "h", "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top", "len": 0.7,
                      "thickness": 12, "tickformat": ",d", "title": {"text": LABELS[measure], "side": "top"}},
         "hovertemplate": "%{customdata[1]}<br>%{z:,d} " + unit + "<extra></extra>"},
        *_archipelagos(shapes["archipelagos"]),
    ]
    if focus:
        traces.insert(2, {"type": "choropleth", "geojson": source, "locations": [feature_id(boundaries, focus)],
                          "z": [0], "showscale": False, "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                          "marker": {"line": {"color": "#1f2a36", "width": 2}}, "hoverinfo": "skip"})
    layout_shapes, notes = [], [_schematic_note()]
    if units is not None and len(units):
        biggest = max(units[measure].max(), 1)
        traces.append({"type": "scattergeo", "lat": units["lat"], "lon": units["lon"], "text": units["name"],
                       "customdata": units[["key", measure]].to_numpy(), "showlegend": False,
                       "marker": {"size": [bubble_size(v, biggest) for v in units[measure]], "color": COLORS["events"],
                                  "opacity": 0.6, "line": {"color": "white", "width": 0.6}},
                       "hovertemplate": "%{text}<br>%{customdata[1]:,d} " + unit + "<extra></extra>"})
        layout_shapes, legend_notes = size_legend(biggest, unit)
        notes += legend_notes
    return go.Figure(data=traces, layout={
        "title": {"text": title, "x": 0, "font": {"size": 17}}, "separators": ",.", "font": FONT, "height": 640,
        "paper_bgcolor": "white", "margin": {"l": 0, "r": 0, "t": 50, "b": 110}, "showlegend": False,
        "geo": _view(features, focus and feature_id(boundaries, focus)), "shapes": layout_shapes,
        "annotations": notes, "dragmode": False, "modebar": {"orientation": "v"}})


def _view(features: list[dict], focus: str | None) -> dict:
    """Plotly's basemap (land, sea, neighbours) around the whole country or one province's box, widened to a
    square on the map (Mercator) so a long, thin province does not leave the chart's sides empty."""
    view = COUNTRY
    box = next((f["properties"]["bbox"] for f in features if f["id"] == focus), None)
    if box:
        lon0, lat0, lon1, lat1 = box
        y0, y1 = _mercator(lat0), _mercator(lat1)
        span = max(lon1 - lon0, y1 - y0, MIN_SPAN) * 1.2
        mid_x, mid_y = (lon0 + lon1) / 2, (y0 + y1) / 2
        view = {"lon": [mid_x - span / 2, mid_x + span / 2],
                "lat": [_latitude(mid_y - span / 2), _latitude(mid_y + span / 2)]}
    return {"scope": "asia", "projection": {"type": "mercator"}, "lonaxis": {"range": view["lon"]},
            "lataxis": {"range": view["lat"]}, "showcountries": True, "countrycolor": "#9aa5b1",
            "showland": True, "landcolor": "#f3f4f1", "showocean": True, "oceancolor": "#e8f1f8",
            "showlakes": False, "showframe": False, "resolution": 50, "bgcolor": "white"}


def _mercator(lat: float) -> float:
    """Latitude -> Mercator's y, in degrees (so that it compares with longitudes)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _latitude(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def _archipelagos(archipelagos: list[dict]) -> list[dict]:
    """The archipelagos' islands as small marks and each one's name above them (ending at its easternmost
    island, so the name stays inside a narrow map), drawn at every zoom."""
    islands = [point for group in archipelagos for point in group["islands"]]
    corners = [(max(lon for lon, _ in g["islands"]), max(lat for _, lat in g["islands"]) + 0.2) for g in archipelagos]
    return [
        {"type": "scattergeo", "lon": [lon for lon, _ in islands], "lat": [lat for _, lat in islands],
         "mode": "markers", "hoverinfo": "skip", "unselected": KEEP, "showlegend": False,
         "marker": {"size": 4, "color": "#5b6b7b", "symbol": "circle"}},
        {"type": "scattergeo", "lon": [lon for lon, _ in corners], "lat": [lat for _, lat in corners],
         "mode": "text", "text": [g["label"].replace(" (", "<br>(", 1) for g in archipelagos],
         "textposition": "top left", "showlegend": False, "textfont": {"size": 12, "color": LABEL},
         "unselected": {"textfont": {"color": LABEL}}, "hovertemplate": "%{text}<extra></extra>"},
    ]


def bubble_size(value: float, biggest: float) -> float:
    """Circle diameter in px: its area proportional to the value, never too small to see or click."""
    return max(MIN_BUBBLE, MAX_BUBBLE * math.sqrt(max(value, 0) / biggest))


def nice_steps(biggest: float) -> list[int]:
    """Up to three round values (1, 2 or 5 × 10ⁿ) at most `biggest`, for the size legend."""
    steps = []
    for share in (1, 0.25, 0.05):
        target = biggest * share
        if target < 1:
            break
        power = 10 ** math.floor(math.log10(target))
        value = max(m * power for m in (1, 2, 5) if m * power <= target)
        if value not in steps:
            steps.append(value)
    return steps


def size_legend(biggest: float, unit: str) -> tuple[list[dict], list[dict]]:
    """Circles side by side in the map's lower left, drawn at the same pixel sizes as the units' circles and
    each labelled underneath."""
    x, y = 0.015, 0.06  # paper position of the circles' common bottom line
    steps = nice_steps(biggest)[::-1]
    slots = [max(bubble_size(v, biggest), LEGEND_SLOT) for v in steps]
    tallest = bubble_size(steps[-1], biggest)
    shapes = [{"type": "rect", "xref": "paper", "yref": "paper", "xsizemode": "pixel", "ysizemode": "pixel",
               "xanchor": x, "yanchor": y, "x0": -6, "x1": max(sum(slots) + 6, 150), "y0": -20,
               "y1": tallest + 22, "fillcolor": "rgba(255,255,255,0.85)", "line": {"width": 0}, "layer": "above"}]
    notes = [{"xref": "paper", "yref": "paper", "x": x, "y": y, "xanchor": "left", "yanchor": "bottom",
              "yshift": tallest + 2, "showarrow": False, "font": {"size": 11, "color": "#33414e"},
              "text": f"Mỗi đơn vị ({unit})"}]
    left = 0.0
    for value, slot in zip(steps, slots, strict=True):
        size, middle = bubble_size(value, biggest), left + slot / 2
        shapes.append({"type": "circle", "xref": "paper", "yref": "paper", "xsizemode": "pixel",
                       "ysizemode": "pixel", "xanchor": x, "yanchor": y, "x0": middle - size / 2,
                       "x1": middle + size / 2, "y0": 0, "y1": size, "layer": "above",
                       "line": {"color": "#5b6b7b", "width": 1}, "fillcolor": "rgba(108,122,137,0.35)"})
        notes.append({"xref": "paper", "yref": "paper", "x": x, "y": y, "xanchor": "center", "yanchor": "top",
                      "xshift": middle, "yshift": -2, "showarrow": False, "font": {"size": 11},
                      "text": number(value)})
        left += slot
    return shapes, notes


def _schematic_note() -> dict:
    return {"xref": "paper", "yref": "paper", "x": 1, "y": 0, "xanchor": "right", "yanchor": "bottom",
            "showarrow": False, "font": {"size": 11, "color": "#5b6b7b"}, "bgcolor": "rgba(255,255,255,0.8)",
            "text": "Sơ đồ, không phải<br>bản đồ địa giới chính thức", "align": "right"}
