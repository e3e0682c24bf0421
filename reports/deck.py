"""The briefing as a 16:9 PowerPoint deck (python-pptx): native charts and tables, so a head can restyle them and
"Edit Data" opens their numbers; the map, which has no native form, is a PNG drawn by Plotly on the server. A
department's own template gives the layouts, fonts and colours (its sample slides are dropped).

Every slide carries the scope, the years, the boundaries and the source; all text is NFC (reports.briefing.nfc).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard import charts
from dashboard.format import MONEY_UNITS, number
from reports import briefing as content
from reports.briefing import Briefing, nfc

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.5)
FOOTER = Inches(0.55)
GREY = RGBColor(0x5F, 0x6B, 0x7A)
COUNT, MONEY, CHANGE = "#,##0", "#,##0.0", "+0.0%;-0.0%;0.0%"


class Deck:
    """A deck being built: the presentation, the layout used for content slides and the briefing."""

    def __init__(self, b: Briefing, template: Path | None):
        self.b = b
        self.prs = Presentation(str(template) if template else None)
        self.own_layout = template is not None
        if template is None:
            self.prs.slide_width, self.prs.slide_height = WIDE
        _drop_slides(self.prs)
        self.layout = _title_only(self.prs)

    @property
    def width(self) -> int:
        return self.prs.slide_width

    @property
    def height(self) -> int:
        return self.prs.slide_height

    def slide(self, title: str):
        """A slide with its title, the footer, and the content box below the title (left, top, width, height)."""
        slide = self.prs.slides.add_slide(self.layout)
        heading = slide.shapes.title
        if heading is None or not self.own_layout:
            if heading is None:
                heading = slide.shapes.add_textbox(MARGIN, Inches(0.3), self.width - 2 * MARGIN, Inches(0.9))
            heading.left, heading.top, heading.width, heading.height = (MARGIN, Inches(0.3),
                                                                         self.width - 2 * MARGIN, Inches(0.9))
        heading.text_frame.text = nfc(title)
        for paragraph in heading.text_frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size, run.font.bold = Pt(30), True
        self._footer(slide)
        top = heading.top + heading.height + Inches(0.1)
        return slide, (MARGIN, top, self.width - 2 * MARGIN, self.height - FOOTER - top - Inches(0.1))

    def _footer(self, slide) -> None:
        box = slide.shapes.add_textbox(MARGIN, self.height - FOOTER, self.width - 2 * MARGIN, FOOTER - Inches(0.1))
        frame = box.text_frame
        frame.word_wrap = True
        frame.text = self.b.scope_line
        source = frame.add_paragraph()
        source.text = nfc(f"Nguồn: {self.b.source} · lập ngày {self.b.made:%d/%m/%Y %H:%M}")
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size, run.font.color.rgb = Pt(11), GREY

    def save(self, out: Path) -> Path:
        out.parent.mkdir(parents=True, exist_ok=True)
        self.prs.save(str(out))
        return out


def build(b: Briefing, out: Path, map_png: bytes, template: Path | None = None) -> Path:
    """The deck at `out`: title, summary, headline figures, trend, leading and lagging places, changes, funding,
    map, reporting completeness, source and method."""
    deck = Deck(b, template)
    for part in (_title, _summary, _headline, _trend, _ranking, _changes, _funding):
        part(deck)
    _map(deck, map_png)
    for part in (_completeness, _method):
        part(deck)
    return deck.save(out)


# --- slides ------------------------------------------------------------------------------------------------------

def _title(deck: Deck) -> None:
    b = deck.b
    slide, (left, top, width, height) = deck.slide(f"Tuần lễ hưởng ứng học tập suốt đời năm {b.year}")
    lines = [(f"Báo cáo nhanh kết quả — {b.where}", 30, True),
             (f"Năm {b.year}" + (f", so với năm {b.compare_with}" if b.compare_with else ""), 24, False),
             (f"Địa giới hành chính: {b.boundaries}", 20, False),
             (f"Lập ngày {b.made:%d/%m/%Y}", 18, False)]
    _text(slide, (left, top + Inches(1.2), width, height - Inches(1.2)), lines)


def _summary(deck: Deck) -> None:
    b = deck.b
    slide, box = deck.slide(f"Tóm tắt năm {b.year}")
    said = content.sentences(b)
    size = 22 if sum(map(len, said)) < 600 else (18 if sum(map(len, said)) < 950 else 15)
    _text(slide, box, [("• " + s, size, False) for s in said], space=10)


def _headline(deck: Deck) -> None:
    slide, (left, top, width, height) = deck.slide("Số liệu chính")
    head, rows, note = content.headline_table(deck.b)
    _table(slide, (left, top, width, Inches(0.55) * (len(rows) + 1)), [head, *rows], [3.9, 1.9, 1.9, 2.1, 1.9],
           size=18)
    _text(slide, (left, top + height - Inches(0.6), width, Inches(0.6)), [(note, 14, False)])


def _trend(deck: Deck) -> None:
    b = deck.b
    slide, box = deck.slide("Người tham gia qua các năm")
    years = [int(y) for y in b.trend["year"]]
    labels = [_year_label(b, y) for y in years]
    chart = _chart(slide, XL_CHART_TYPE.LINE_MARKERS, box, labels,
                   [("Người tham gia", b.trend["participants"], charts.COLORS["participants"])], COUNT)
    chart.plots[0].data_labels.position = XL_LABEL_POSITION.ABOVE


def _ranking(deck: Deck) -> None:
    b = deck.b
    slide, (left, top, width, height) = deck.slide(f"Dẫn đầu và cần quan tâm — {b.place_label.lower()}")
    shown = [(title, frame) for title, frame in (("Nhiều người tham gia nhất", b.leaders),
                                                 ("Ít người tham gia nhất", b.laggards)) if not frame.empty]
    part = (width - Inches(0.4) * (len(shown) - 1)) // len(shown)
    for offset, (title, frame) in enumerate(shown):
        chart = _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, (left + offset * (part + Inches(0.4)), top, part, height),
                       list(frame["name"]), [("Người tham gia", frame["participants"], charts.COLORS["participants"])],
                       COUNT)
        _chart_title(chart, title)
        chart.category_axis.reverse_order = True


def _changes(deck: Deck) -> None:
    b = deck.b
    title = f"Tăng, giảm người tham gia so với năm {b.compare_with}" if b.compare_with else "Thay đổi so với năm trước"
    slide, (left, top, width, height) = deck.slide(title)
    if b.changes is None or b.changes.empty:
        _text(slide, (left, top, width, height), [(b.change_note or "Không có nơi nào báo cáo cả hai năm.", 22,
                                                   False)])
        return
    chart = _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, (left, top, width, height - Inches(0.6)),
                   list(b.changes["name"]), [("Thay đổi người tham gia", b.changes["change_pct"], charts.COLORS["up"])],
                   CHANGE)
    chart.category_axis.reverse_order = True
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names clear of the losses' bars
    series = chart.plots[0].series[0]
    series.invert_if_negative = False
    for index, value in enumerate(b.changes["change_pct"]):
        point = series.points[index]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(charts.COLORS["up" if value >= 0 else "down"])
    _text(slide, (left, top + height - Inches(0.5), width, Inches(0.5)), [(b.change_note, 14, False)])


def _funding(deck: Deck) -> None:
    b = deck.b
    unit, scale = b.money_unit, MONEY_UNITS[b.money_unit]
    slide, (left, top, width, height) = deck.slide(f"Cơ cấu kinh phí ({unit})")
    half = (width - Inches(0.4)) // 2
    sources = (("Ngân sách nhà nước", "state_budget"), ("Xã hội hóa", "social"))
    by_year = _chart(slide, XL_CHART_TYPE.COLUMN_STACKED, (left, top, half, height),
                     [str(y) for y in b.trend["year"]],
                     [(name, b.trend[key] / scale, charts.COLORS[key]) for name, key in sources], MONEY, legend=True,
                     labels=False)
    _chart_title(by_year, "Qua các năm")
    places = b.funding
    if places.empty:
        return
    by_place = _chart(slide, XL_CHART_TYPE.BAR_STACKED, (left + half + Inches(0.4), top, half, height),
                      list(places["name"]), [(name, places[key] / scale, charts.COLORS[key]) for name, key in sources],
                      MONEY, legend=True, labels=False)
    by_place.category_axis.reverse_order = True
    _chart_title(by_place, f"Năm {b.year}: {len(places)} {b.place_label.lower()} chi nhiều nhất")


def _map(deck: Deck, png: bytes) -> None:
    b = deck.b
    slide, (left, top, width, height) = deck.slide(f"Bản đồ người tham gia năm {b.year}")
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, height=height)
    if picture.width > width * 0.6:  # a wide map keeps its proportions within the left part
        ratio = (width * 0.6) / picture.width
        picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)
    listed = b.places.head(10)
    rows = [[b.place_label, "Người tham gia"]] + [[n, number(p)] for n, p in zip(listed["name"],
                                                                               listed["participants"], strict=True)]
    table_left = left + picture.width + Inches(0.4)
    _table(slide, (table_left, top, left + width - table_left, Inches(0.42) * len(rows)), rows, [3.0, 1.6], size=14)


def _completeness(deck: Deck) -> None:
    b = deck.b
    slide, (left, top, width, height) = deck.slide("Tình hình báo cáo")
    years = [y for y in (b.year, b.compare_with) if y is not None]
    lines = [(content.completeness_line(b, y), 22 if y == b.year else 18, y == b.year) for y in years]
    missing = b.missing
    if missing.empty:
        lines.append(("Mọi đơn vị phải báo cáo đã báo cáo.", 18, False))
    else:
        more = len(missing) - content.MISSING_LISTED
        lines.append((f"Chưa báo cáo năm {b.year}: {number(len(missing))} đơn vị"
                      + (f" (danh sách đầy đủ trong bản PDF; dưới đây {content.MISSING_LISTED} đơn vị đầu)"
                         if more > 0 else ""), 16, False))
    _text(slide, (left, top, width, Inches(1.5)), lines)
    listed = missing.head(content.MISSING_LISTED)
    columns = 3 if len(listed) > 10 else 1
    per_column = -(-len(listed) // columns) if len(listed) else 0
    block = (width - Inches(0.3) * (columns - 1)) // columns
    for column in range(columns):
        part = listed.iloc[column * per_column:(column + 1) * per_column]
        if part.empty:
            continue
        placed = listed["within"].astype(bool).any()
        rows = [["Đơn vị", "Thuộc"] if placed else ["Đơn vị"]] + [
            [n, w] if placed else [n] for n, w in zip(part["name"], part["within"], strict=True)]
        _table(slide, (left + column * (block + Inches(0.3)), top + Inches(1.6), block, Inches(0.32) * len(rows)),
               rows, [1.6, 1.4] if placed else [1], size=11)


def _method(deck: Deck) -> None:
    slide, box = deck.slide("Nguồn số liệu và cách tính")
    _text(slide, box, [("• " + line, 18, False) for line in content.method_lines(deck.b)], space=8)


# --- pieces ------------------------------------------------------------------------------------------------------

def _drop_slides(prs) -> None:
    """A template's own slides are samples: the deck starts empty."""
    ids = prs.slides._sldIdLst  # python-pptx has no public way to delete a slide
    for slide_id in list(ids):
        prs.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)


def _title_only(prs):
    """The layout with a title and nothing else ('Title Only'), else the first with a title, else the last."""
    def kinds(layout) -> list:
        return [p.placeholder_format.type for p in layout.placeholders]

    titles = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    layouts = list(prs.slide_layouts)
    only = [lay for lay in layouts if [k for k in kinds(lay) if k in titles] and all(
        k in (*titles, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER) for k in kinds(lay))]
    with_title = [lay for lay in layouts if any(k in titles for k in kinds(lay))]
    return (only or with_title or layouts[-1:])[0]


def _text(slide, box: tuple, lines: list[tuple[str, int, bool]], space: int = 6) -> None:
    left, top, width, height = box
    frame = slide.shapes.add_textbox(left, top, width, max(height, Inches(0.3))).text_frame
    frame.word_wrap = True
    for index, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = nfc(text)
        paragraph.space_after = Pt(space)
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold


def _table(slide, box: tuple, rows: list[list[str]], weights: list[float], size: int) -> None:
    """A native table, header row first, column widths in proportion to `weights`, numbers right-aligned."""
    left, top, width, height = box
    shape = slide.shapes.add_table(len(rows), len(rows[0]), left, top, width, height)
    table = shape.table
    for index, weight in enumerate(weights):
        table.columns[index].width = Emu(int(width * weight / sum(weights)))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = nfc(str(value))
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            for paragraph in cell.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.RIGHT if c and r and _numeric(value) else PP_ALIGN.LEFT
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(size), r == 0


def _numeric(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text.replace("điểm", ""))


def _chart(slide, kind, box: tuple, categories: list[str], series: list[tuple[str, pd.Series, str]],
           number_format: str, legend: bool = False, labels: bool = True):
    """A native chart whose numbers PowerPoint's 'Edit Data' opens; values labelled on the bars or points unless
    `labels` is False (stacked parts are too thin to label)."""
    data = CategoryChartData(number_format=number_format)
    data.categories = [nfc(str(c)) for c in categories]
    for name, values, _ in series:
        data.add_series(nfc(name), [None if pd.isna(v) else float(v) for v in values])
    left, top, width, height = box
    chart = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    chart.font.size = Pt(13)
    chart.has_legend = legend
    if legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    plot = chart.plots[0]
    plot.has_data_labels = labels
    if labels:
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = number_format, False
        plot.data_labels.font.size = Pt(12)
    for drawn, (_, _, color) in zip(plot.series, series, strict=True):
        if kind == XL_CHART_TYPE.LINE_MARKERS:
            drawn.format.line.color.rgb = _rgb(color)
            drawn.marker.format.fill.solid()
            drawn.marker.format.fill.fore_color.rgb = _rgb(color)
        else:
            drawn.format.fill.solid()
            drawn.format.fill.fore_color.rgb = _rgb(color)
    chart.value_axis.tick_labels.number_format = number_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.value_axis.has_major_gridlines = True
    if number_format != CHANGE:  # amounts and counts from zero: a cut axis would magnify a 1% change
        chart.value_axis.minimum_scale = 0
    return chart


def _chart_title(chart, text: str) -> None:
    chart.has_title = True
    chart.chart_title.text_frame.text = nfc(text)
    for run in chart.chart_title.text_frame.paragraphs[0].runs:
        run.font.size, run.font.bold = Pt(16), True


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _year_label(b: Briefing, year: int) -> str:
    """'2024' with the share that reported under it ('6/63 tỉnh'), as on the overview's trend."""
    received, expected, level = b.coverage.get(year, (0, 0, "province"))
    return f"{year}\n{number(received)}/{number(expected)} {charts.LEVEL_SHORT[level]}" if expected else str(year)
