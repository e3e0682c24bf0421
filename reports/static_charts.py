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

import plotly.graph_objects as go

from dashboard import maps
from reports.briefing import Briefing

CHROMIUM = "/usr/bin/chromium"
TOPOJSON = (Path(__file__).resolve().parent.parent / "static" / "topojson").as_uri() + "/"
FONT = "DejaVu Sans"  # every Vietnamese glyph, from Debian's fonts-dejavu-core (Chromium's default fallback too)
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


def briefing_map(b: Briefing, labelled: int = 5) -> go.Figure:
    """The participation page's map of the briefing's scope: provinces shaded by participants, zoomed to the chosen
    province with its reporting units as circles naming the `labelled` largest. The province shapes are inlined
    (Kaleido's page cannot reach the app's static URL)."""
    focus = b.filters.provinces[0] if b.filters.provinces else None
    boundaries = b.filters.boundaries
    fig = maps.province_map(b.provinces, "participants", boundaries, b.year, "", focus=focus, units=b.points)
    fig.update_traces(geojson=maps.geometry(maps.map_name(boundaries, b.year)), selector={"type": "choropleth"})
    fig.update_layout(height=None, margin={"t": 10})
    if b.points is None or b.points.empty:
        return fig
    top = b.points.nlargest(labelled, "participants")
    return fig.add_scattergeo(lat=top["lat"], lon=top["lon"], text=top["name"], mode="text", textposition="top center",
                              textfont={"size": 13, "color": "#1f2a36"}, hoverinfo="skip", showlegend=False)
