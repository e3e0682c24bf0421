"""Plotly figures as PNG, rendered on the server by Kaleido driving Debian's Chromium.

Kaleido 1.x finds its browser through choreographer, which takes the environment variable BROWSER_PATH before
searching PATH; it is pointed at /usr/bin/chromium here so that no downloaded Chrome is ever looked for or fetched.
One Kaleido server per process (`kaleido.start_sync_server`), started on first use; its shared server is not
thread-safe, so every export goes through one lock (Streamlit runs each session in its own thread). MathJax is off,
plotly.js is the copy inside the plotly package and the map's topojson is read from static/: nothing is downloaded
at run time.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts

CHROMIUM = "/usr/bin/chromium"
TOPOJSON = (Path(__file__).resolve().parent.parent / "static" / "topojson").as_uri() + "/"
FONT = "DejaVu Sans"  # every Vietnamese glyph, from Debian's fonts-dejavu-core (Chromium's default fallback too)
CROWDED = 30  # points on a map beyond which symbols are drawn at half size
_LOCK = threading.Lock()
_started = False


class ChartError(RuntimeError):
    """No browser to draw charts with; the message is for the user."""


def _start() -> None:
    """Start the process's Kaleido server once (under the lock)."""
    global _started
    if _started:
        return
    browser = os.environ.get("BROWSER_PATH") or (CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"))
    if not browser:
        raise ChartError("Không tìm thấy trình duyệt Chromium để vẽ biểu đồ (cài: apt-get install chromium).")
    os.environ["BROWSER_PATH"] = browser
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _started = True


def png(fig: go.Figure, width: int, height: int, scale: float = 2) -> bytes:
    """The figure as PNG bytes, `width` × `height` CSS pixels drawn at `scale` (2: sharp on a projector and in
    print). Fonts are set to one that has every Vietnamese glyph; axes make room for their labels (the app's
    figures leave that to the browser's first draw, which a static export does not have)."""
    import kaleido

    fig = go.Figure(fig).update_layout(font_family=FONT, title_font_family=FONT)
    fig.update_xaxes(automargin=True).update_yaxes(automargin=True)
    with _LOCK:
        _start()
        return kaleido.calc_fig_sync(fig, opts={"format": "png", "width": width, "height": height, "scale": scale},
                                     topojson=TOPOJSON)


def briefing_map(points: pd.DataFrame, title: str, labelled: int = 5) -> go.Figure:
    """The overview's proportional-symbol map, framed on the points (a province fills the picture) and naming the
    `labelled` largest."""
    fig = charts.bubble_map(points, title)
    if points.empty:
        return fig
    lat, lon = points["lat"], points["lon"]
    pad = max(lat.max() - lat.min(), lon.max() - lon.min(), 0.4) * 0.12
    fig.update_geos(lataxis_range=[lat.min() - pad, lat.max() + pad], lonaxis_range=[lon.min() - pad, lon.max() + pad])
    top = points.nlargest(labelled, "participants")
    fig.update_traces(showlegend=False)
    if len(points) > CROWDED:  # many communes of one province: smaller symbols that do not cover each other
        fig.data[0].marker.size = [size / 2 for size in fig.data[0].marker.size]
    return fig.add_scattergeo(lat=top["lat"], lon=top["lon"], text=top["name"], mode="text", textposition="top center",
                              textfont={"size": 13, "color": "#1f2a36"}, hoverinfo="skip", showlegend=False)
