"""The briefing as an A4 landscape PDF: one HTML template (reports/briefing.html) filled with escaped text and
the charts as PNGs drawn by Plotly on the server (reports.static_charts), rendered by WeasyPrint.

Every text is NFC and HTML-escaped before it enters the template (place names come from reports: never markup);
the font is DejaVu Sans, which has every Vietnamese glyph.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from string import Template

import pandas as pd

from dashboard import charts
from dashboard.format import money, number
from reports import briefing as content
from reports import static_charts
from reports.briefing import Briefing, nfc

TEMPLATE = Path(__file__).with_name("briefing.html")
CHART = (640, 560)  # CSS pixels of a chart half a page wide
WIDE = (1280, 380)  # a chart over the years, across the page: eleven years of labels need the width


def build(b: Briefing, out: Path, map_png: bytes) -> Path:
    """The PDF at `out`."""
    from weasyprint import HTML

    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=page(b, map_png), base_url=str(TEMPLATE.parent)).write_pdf(str(out))
    return out


def page(b: Briefing, map_png: bytes) -> str:
    """The filled template."""
    head, rows, note = content.headline_table(b)
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=_e(f"Tuần lễ hưởng ứng học tập suốt đời năm {b.year} — báo cáo nhanh"),
        scope=_e(b.scope_line),
        footer=_e(f"{b.scope_line} · Nguồn: {b.source} · lập ngày {b.made:%d/%m/%Y %H:%M}"),
        story="".join(f"<li>{_e(s)}</li>" for s in content.sentences(b)),
        headline=_table([h.replace("\n", " ") for h in head], rows),
        headline_note=_e(note),
        trend=_img(charts.trend(b.trend, "participants", "Người tham gia qua các năm", b.coverage), WIDE),
        funding_trend=_img(charts.funding_by_year(b.trend, b.money_unit, f"Kinh phí qua các năm ({b.money_unit})",
                                                  b.coverage), WIDE),
        ranking=_img(charts.ranked_bars(_ranked(b), "participants",
                                        f"{b.place_label}: nhiều nhất và ít nhất người tham gia")),
        changes=_img(charts.change_bars(b.changes, f"Tăng, giảm người tham gia so với {b.compare_with}"))
        if b.changes is not None and not b.changes.empty else "",
        change_note=_e(b.change_note),
        map=f'<img class="map" src="{_data_uri(map_png)}">',
        funding=_funding_table(b),
        completeness="".join(f'<p class="big">{_e(content.completeness_line(b, y))}</p>'
                             for y in (b.year, b.compare_with) if y is not None),
        missing=_missing(b),
        method="".join(f"<li>{_e(line)}</li>" for line in content.method_lines(b)),
    )


def _e(text: str) -> str:
    return html.escape(nfc(str(text)))


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f'<td class="{"n" if i else ""}">{_e(v)}</td>' for i, v in enumerate(row))
                   + "</tr>" for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _img(fig, size: tuple[int, int] = CHART) -> str:
    return f'<img src="{_data_uri(static_charts.png(fig, *size))}">'


def _ranked(b: Briefing) -> pd.DataFrame:
    return pd.concat([b.leaders, b.laggards]).drop_duplicates("key")


def _funding_table(b: Briefing) -> str:
    places = b.funding
    rows = [[name, money(state, b.money_unit, with_unit=False), money(social, b.money_unit, with_unit=False),
             money(spent, b.money_unit, with_unit=False)]
            for name, state, social, spent in zip(places["name"], places["state_budget"], places["social"],
                                                  places["spent"], strict=True)]
    head = [b.place_label, "Ngân sách nhà nước", "Xã hội hóa", f"Tổng ({b.money_unit})"]
    return (f"<p><b>{_e(f'Kinh phí năm {b.year}: {len(rows)} {b.place_label.lower()} chi nhiều nhất')}</b></p>"
            + _table(head, rows))


def _missing(b: Briefing) -> str:
    """Every expected unit that has not reported, in columns (the deck names only the first ones)."""
    if b.missing.empty:
        return "<p>Mọi đơn vị phải báo cáo đã báo cáo.</p>"
    names = "".join(f"<div>{_e(n)}{_e(f' ({w})') if w else ''}</div>"
                    for n, w in zip(b.missing["name"], b.missing["within"], strict=True))
    heading = _e(f"Chưa báo cáo năm {b.year}: {number(len(b.missing))} đơn vị")
    return f"<p><b>{heading}</b></p><div class='names'>{names}</div>"
