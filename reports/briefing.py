"""What the briefing says, gathered once for the deck (reports.deck) and the PDF (reports.pdf): the year's story in
sentences (dashboard.summary, the same the overview shows), the headline figures like for like, leading and lagging
places, the funding mix, the map's points, reporting completeness with who is missing, the boundaries used, the
source and when it was made.

The figures come from `dashboard.queries` through a runner (`run(name, *args)`: dashboard.db.query in the app, a
snapshot's connection on the command line); who is missing comes from the live warehouse's submission status.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from dashboard import queries, summary
from dashboard.filters import BOUNDARIES
from dashboard.format import money, number, percent, signed_percent
from dashboard.queries import Filters
from etl.text import fold
from etl.units import REFORM_YEAR, split_type
from warehouse import submission_status
from warehouse.deadlines import LEVEL_LABELS
from warehouse.load import reading

RANKED = 5  # places shown leading and lagging, and with the largest gains and losses
FUNDED = 10  # places in the funding chart
MISSING_LISTED = 30  # units named as missing on the slide; the PDF names them all


class BriefingError(ValueError):
    """The briefing cannot be made as asked; the message is for the user."""


@dataclass(frozen=True)
class Briefing:
    filters: Filters
    year: int
    compare_with: int | None
    where: str  # the territory in words
    money_unit: str
    story: summary.Story
    trend: pd.DataFrame  # per year: units, events, participants, state_budget, social
    coverage: dict[int, tuple[int, int, str]]  # year -> (received, expected, level)
    place_label: str  # what a place is: Tỉnh/thành phố, Xã/phường, Quận/huyện
    places: pd.DataFrame  # this year per place: name, units, events, participants, state_budget, social
    changes: pd.DataFrame | None  # per place in both years: name, value_a, value_b, change_pct
    change_note: str  # how the changes are compared, or why they are not
    provinces: pd.DataFrame  # the map's shaded provinces: key, name, participants
    points: pd.DataFrame | None  # a province's reporting units as circles: key, name, participants, lat, lon
    missing: pd.DataFrame  # the expected units that have not reported: name, within
    missing_level: str
    source: str
    made: datetime

    @property
    def boundaries(self) -> str:
        return BOUNDARIES[self.filters.boundaries]

    @property
    def scope_line(self) -> str:
        """On every slide and page: the scope, the years compared and the boundaries."""
        compared = f" so với năm {self.compare_with}" if self.compare_with else ""
        return nfc(f"{self.where} · năm {self.year}{compared} · địa giới {self.boundaries}")

    @property
    def leaders(self) -> pd.DataFrame:
        return self.places.head(RANKED)

    @property
    def laggards(self) -> pd.DataFrame:
        """The places with fewest participants, not repeating a leader."""
        return self.places.iloc[max(RANKED, len(self.places) - RANKED):].iloc[::-1]

    @property
    def funding(self) -> pd.DataFrame:
        spent = self.places["state_budget"] + self.places["social"]
        return self.places.assign(spent=spent).nlargest(FUNDED, "spent")

    @property
    def across_reform(self) -> bool:
        return self.compare_with is not None and min(self.year, self.compare_with) < REFORM_YEAR <= max(
            self.year, self.compare_with)

    def headline(self) -> list[Headline]:
        """The headline figures: like for like over the places in both years, and all of this year's reports.
        Unit counts are not compared across the 2025 reform (districts before it, communes after)."""
        like, totals, changes = self.story.like_for_like, self.story.totals, self.story.changes
        rows = [Headline(label, kind, *like.get(key, (None, None)),
                         None if key == "units" and self.across_reform else changes.get(key), totals[key])
                for key, label, kind in HEADLINE]

        def share(social: int, spent: int) -> float | None:
            return social / spent if spent else None

        before, after = (share(like["social"][i], like["spent"][i]) for i in (0, 1)) if like else (None, None)
        rows.append(Headline("Tỷ lệ xã hội hóa", "share", before, after,
                             None if before is None or after is None else after - before,
                             share(totals["social"], totals["spent"])))
        return rows


@dataclass(frozen=True)
class Headline:
    """One headline figure. `change`: relative for counts and money, in percentage points (a difference of
    shares) for a share."""

    label: str
    kind: str  # count | money | share
    before: float | None  # the previous year, over the places in both years
    after: float | None  # this year, over the same places
    change: float | None
    total: float | None  # this year, every report


HEADLINE = (("units", "Đơn vị báo cáo", "count"), ("events", "Hoạt động", "count"),
            ("participants", "Người tham gia", "count"), ("state_budget", "Ngân sách nhà nước", "money"),
            ("social", "Xã hội hóa", "money"), ("spent", "Tổng kinh phí", "money"))


def nfc(text: str) -> str:
    """Vietnamese text as one code point per letter (NFC): names typed in NFD would otherwise show their marks
    apart in some viewers and break text search in the PDF."""
    return unicodedata.normalize("NFC", text)


def province_code(run: Callable, name: str) -> str:
    """Today's province code for a name ('Đồng Nai', 'Tỉnh Đồng Nai', NFC or NFD, or the code itself)."""
    provinces = run("provinces")
    wanted = fold(name)
    for code, full in zip(provinces["province_code"], provinces["province_name"], strict=True):
        if wanted in (fold(full), split_type(full)[1], code):
            return code
    raise BriefingError(f"Không có báo cáo nào của tỉnh/thành phố '{nfc(name)}' (theo địa giới hiện nay).")


def gather(run: Callable, db_path: Path, year: int, province: str | None = None, compare_with: int | None = None,
           boundaries: str = "today", money_unit: str = "triệu đồng") -> Briefing:
    """Everything the deck and the PDF show, for one year of one scope (the country, or one of today's
    provinces). `compare_with` defaults to the latest earlier year with reports."""
    years = run("years")
    if year not in years:
        raise BriefingError(f"Kho dữ liệu không có báo cáo năm {year} (có: {', '.join(map(str, years)) or 'không'}).")
    if compare_with is None:
        compare_with = max((y for y in years if y < year), default=None)
    elif compare_with not in years:
        raise BriefingError(f"Kho dữ liệu không có báo cáo năm {compare_with} để so sánh.")
    codes = (province_code(run, province),) if province else ()
    f = Filters(provinces=codes, boundaries=boundaries)
    names = dict(zip(*run("provinces")[["province_code", "province_name"]].T.values, strict=True))
    where = names[codes[0]] if codes else "cả nước"
    story = summary.year_story(summary.gather(run, f, year, compare_with, where), money_unit)
    counted = Filters(provinces=f.provinces)
    trend = run("yearly_totals", f)
    coverage = {int(y): run("completeness", counted, int(y)) for y in trend["year"]}
    below = "province" if not codes else ("area" if boundaries == "today" or year < REFORM_YEAR else "unit")
    place_label = {"province": "Tỉnh/thành phố", "area": "Xã/phường" if boundaries == "today" else "Quận/huyện",
                   "unit": "Đơn vị báo cáo"}[below]
    places = run("by_place", f, year, below)
    places = places.assign(name=places["name"].fillna("Cấp tỉnh, ngoài " + (
        "xã/phường" if boundaries == "today" else "quận/huyện")))
    changes, change_note = _changes(run, f, year, compare_with, place_label)
    provinces = run("by_place", f, year, "province") if codes else places
    points = run("points", f, year) if codes else None
    level = queries.completeness_level(counted, year)
    missing = _missing(db_path, year, level, list(codes))
    reports, latest = run("source_facts")
    source = (f"Kho dữ liệu {db_path.name}: {number(reports)} báo cáo hiện hành"
              + (f", nạp lần cuối {latest:%d/%m/%Y %H:%M}" if latest is not None else ""))
    return Briefing(f, year, compare_with, where, money_unit, story, trend, coverage, place_label, places, changes,
                    change_note, provinces, points, missing, level, source, datetime.now())


def _changes(run: Callable, f: Filters, year: int, compare_with: int | None,
             place_label: str) -> tuple[pd.DataFrame | None, str]:
    """The largest gains and losses of participants per place, over places that reported in both years."""
    if compare_with is None:
        return None, "Chưa có năm trước để so sánh."
    group = summary.comparison_group(f, year, compare_with)
    if f.provinces and group == "province":
        return None, (f"Không so sánh từng {place_label.lower()} giữa năm {compare_with} và năm {year}: sắp xếp "
                      "đơn vị hành chính 1/7/2025 thay quận/huyện bằng xã/phường. Thay đổi của cả tỉnh ở phần "
                      "số liệu chính.")
    both = run("compare", f, compare_with, year, "participants", group,
               f.provinces[0] if group == "area" else None).dropna(subset=["change_pct"])
    both = both.assign(name=both["name"].fillna("Cấp tỉnh"))
    moved = pd.concat([both.nlargest(RANKED, "change_pct"), both.nsmallest(RANKED, "change_pct")])
    moved = moved.drop_duplicates("key").sort_values("change_pct", ascending=False)
    return moved, (f"{number(len(both))} {place_label.lower()} có báo cáo cả hai năm {compare_with} và {year} "
                   "được so sánh (cùng phạm vi).")


def _missing(db_path: Path, year: int, level: str, provinces: list[str]) -> pd.DataFrame:
    """The units of `level` expected that year that have not reported, with where they lie."""
    with reading(db_path) as con:
        table = submission_status.status(con, year, level, provinces)
    table = table[table["status"] == "missing"]
    if level == "province":  # an old province names the province of today that holds it
        within = ("nay thuộc " + table["province_name"]).where(table["province_name"] != table["unit_name"], "")
    else:
        within = table["district_name"].fillna(table["province_name"])
    return pd.DataFrame({"name": table["unit_name"].to_numpy(), "within": within.to_numpy()})


def completeness_line(b: Briefing, year: int) -> str:
    received, expected, level = b.coverage.get(year, (0, 0, b.missing_level))
    if not expected:
        return f"Năm {year}: chưa có danh mục đơn vị phải báo cáo."
    return (f"Năm {year}: {number(received)}/{number(expected)} {LEVEL_LABELS[level].lower()} đã báo cáo "
            f"({number(received / expected * 100, 1)}%).")


def sentences(b: Briefing) -> tuple[str, ...]:
    """The year's story, as the overview tells it (dashboard.summary), in NFC."""
    return tuple(nfc(s) for s in b.story.sentences)



def headline_table(b: Briefing) -> tuple[list[str], list[list[str]], str]:
    """The headline figures as text: the header, one row per figure (label, previous year and this year like for
    like, change, this year from every report) and the note saying what 'like for like' covers."""
    previous, unit = b.compare_with, b.money_unit
    head = ["Chỉ tiêu", f"Năm {previous}\n(cùng phạm vi)" if previous else "Năm trước",
            f"Năm {b.year}\n(cùng phạm vi)", "Thay đổi", f"Năm {b.year}\n(mọi báo cáo)"]
    rows = [[h.label + (f" ({unit})" if h.kind == "money" else ""), *(_figure(v, h.kind, unit) for v in (
        h.before, h.after)), _change(h), _figure(h.total, h.kind, unit)] for h in b.headline()]
    note = _like_for_like(b) if previous else ""
    if b.across_reform:
        note += "Số đơn vị báo cáo không so sánh qua sắp xếp 1/7/2025 (trước: quận/huyện; sau: xã/phường)."
    return head, rows, note


def method_lines(b: Briefing) -> list[str]:
    """How the figures were made: boundaries, like for like, money, the source and the date."""
    return [f"Địa giới hành chính dùng: {b.boundaries}."
            + (" Báo cáo các năm trước 1/7/2025 được cộng theo tỉnh/thành phố, xã/phường hiện nay."
               if b.filters.boundaries == "today" else " Mỗi năm theo tỉnh, huyện, xã của năm báo cáo."),
            "So sánh cùng phạm vi: chỉ tính các nơi có báo cáo cả hai năm; nơi chỉ báo cáo một năm được nêu riêng.",
            "Kinh phí gồm ngân sách nhà nước và xã hội hóa; số liệu của một địa bàn không bao giờ được cộng hai lần "
            "(báo cáo của cấp trên chỉ giữ phần cấp dưới không kê chi tiết).",
            f"Nguồn: {b.source}.", f"Lập ngày {b.made:%d/%m/%Y %H:%M} bằng công cụ tổng hợp Tuần lễ HTSĐ."]


def _like_for_like(b: Briefing) -> str:
    """What 'cùng phạm vi' covers: the places below that reported in both years or, for one province across the
    reform (districts before, communes after), the province as a whole."""
    if b.filters.provinces and summary.comparison_group(b.filters, b.year, b.compare_with) == "province":
        return f"Cùng phạm vi: cả {b.where} trong cả hai năm (qua sắp xếp 1/7/2025 không so từng đơn vị bên dưới). "
    return f"Cùng phạm vi: chỉ các {_compared_noun(b)} có báo cáo cả hai năm ({number(b.story.places_compared)}). "


def _compared_noun(b: Briefing) -> str:
    group = summary.comparison_group(b.filters, b.year, b.compare_with)
    return "tỉnh/thành phố" if group == "province" else b.place_label.lower()


def _figure(value: float | None, kind: str, unit: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return percent(value)
    return money(value, unit, with_unit=False) if kind == "money" else number(value)


def _change(h: Headline) -> str:
    if h.change is None:
        return "–"
    if h.kind == "share":
        return f"{'+' if h.change >= 0 else ''}{number(h.change * 100, 1)} điểm %"
    return signed_percent(h.change) or "–"
