"""The dashboard as a user sees it, through Streamlit's AppTest, on the demo warehouse.

Every expected number is computed here with plain SQL on the warehouse's public views
(report_facts, report_funding, current_reports + unit_places), never through dashboard.queries,
and compared with what the pages show: KPI tiles, tables of numbers, downloads, URL state.
Tiles and table columns are found by loose, accent-insensitive patterns on their labels, so a
reworded label does not break a test while a wrong number does.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
import streamlit as st
from app_support import download, remember_navigation
from openpyxl.utils import get_column_letter
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from dashboard import widgets
from etl.demo.build import generate_demo
from etl.ingest import ingest_paths
from etl.template import indicator_labels

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = ("pages/overview.py", "pages/participation.py", "pages/funding.py", "pages/compare.py", "pages/data.py")
MONEY = {"đồng": (1, 0), "triệu đồng": (1_000_000, 1), "tỷ đồng": (1_000_000_000, 2)}  # scale, decimals
DEFAULT_MONEY = "triệu đồng"
BOM = b"\xef\xbb\xbf"


# --- Numbers the Vietnamese way, written independently of dashboard.format ------------------------

def vn(value: float | int | None, decimals: int = 0) -> str:
    """1234567.5 -> '1.234.567,5'; None -> '–'."""
    return "–" if value is None else f"{value:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def signed_change(now: float | None, before: float | None) -> str:
    """Relative change as a metric delta: '+3,9%', '-5,0%', '' when there is nothing to compare."""
    if now is None or not before:
        return ""
    ratio = (now - before) / before
    return ("+" if ratio >= 0 else "") + vn(ratio * 100, 1) + "%"


def fold(text: object) -> str:
    """Lower case without Vietnamese accents: 'Xã hội hóa' and 'Xã hội hoá' both give 'xa hoi hoa'."""
    plain = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def test_vn_formatter_itself():
    assert [vn(1234567), vn(1234.5, 1), vn(-5.04, 1), vn(999), vn(0.004, 2), vn(None)] == [
        "1.234.567", "1.234,5", "-5,0", "999", "0,00", "–"]


# --- What a user picks in the sidebar, and the same choice as SQL -------------------------------------

@dataclass(frozen=True)
class View:
    years: tuple[int, ...] = ()
    provinces: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    money: str = DEFAULT_MONEY
    boundaries: str = "today"

    def where(self, *, years: bool = True, indicators: bool = True) -> tuple[str, list]:
        """SQL condition and parameters on report_facts/report_funding-shaped rows."""
        parts, params = ["TRUE"], []
        for column, values in (("year", self.years if years else ()), ("province_code", self.provinces),
                               ("unit_level", self.levels), ("indicator", self.indicators if indicators else ())):
            if values:
                parts.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        return " AND ".join(parts), params

    def apply(self, at: AppTest) -> AppTest:
        """Pick this view's filters in the sidebar, then rerun."""
        for key, values in (("f_years", self.years), ("f_provinces", self.provinces),
                            ("f_indicators", self.indicators), ("f_levels", self.levels)):
            if values:
                at.multiselect(key=key).set_value(list(values))
        if self.money != DEFAULT_MONEY:
            at.radio(key="f_money").set_value(self.money)
        if self.boundaries != "today":
            at.radio(key="f_boundaries").set_value(self.boundaries)
        return at.run()


class Warehouse:
    """The test's own SQL on the warehouse file (opened read-only for each query)."""

    UNITS = "(SELECT r.year, u.* FROM current_reports r JOIN unit_places u ON u.unit_key = r.unit_key)"
    MEASURES = {"participants": ("report_facts", "participants"), "events": ("report_facts", "events"),
                "state_budget": ("report_funding", "state_budget_vnd"), "social": ("report_funding", "social_vnd")}

    def __init__(self, path: Path):
        self.path = path

    def rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as con:
            return con.execute(sql, list(params)).fetchall()

    def years(self) -> list[int]:
        return [y for (y,) in self.rows("SELECT DISTINCT year FROM current_reports ORDER BY year")]

    def province_names(self, codes: tuple[str, ...]) -> list[str]:
        return [n for (n,) in self.rows("SELECT DISTINCT province_name FROM unit_places WHERE province_code IN "
                                        f"({', '.join('?' * len(codes))})", codes)]

    def year_totals(self, view: View, year: int) -> dict[str, int]:
        units_where, units_params = view.where(years=False, indicators=False)
        facts_where, facts_params = view.where(years=False)
        (units,), = self.rows(f"SELECT count(DISTINCT unit_key) FROM {self.UNITS} WHERE year = ? AND {units_where}",
                              [year, *units_params])
        (events, participants), = self.rows("SELECT coalesce(sum(events), 0), coalesce(sum(participants), 0) "
                                            f"FROM report_facts WHERE year = ? AND {facts_where}",
                                            [year, *facts_params])
        (state, social), = self.rows("SELECT coalesce(sum(state_budget_vnd), 0), coalesce(sum(social_vnd), 0) "
                                     f"FROM report_funding WHERE year = ? AND {units_where}", [year, *units_params])
        return {"units": int(units), "events": int(events), "participants": int(participants),
                "state_budget": int(state), "social": int(social)}

    def place_totals(self, view: View, year: int, area: bool) -> dict[str, dict[str, int]]:
        """Place -> its units and sums that year, for places with a current report that year: provinces of
        today's map, or (area) today's communes, an old district's own figures standing apart."""
        key = "coalesce(b.commune_key_today, 'D:' || u.district_code, '')" if area else "u.province_code"
        units_where, units_params = view.where(years=False, indicators=False)
        facts_where, facts_params = view.where(years=False)
        found: dict[str, dict[str, int]] = {}
        for sql, params, names in (
                (f"SELECT {key}, count(DISTINCT unit_key) FROM {self.UNITS} u JOIN unit_boundaries b USING (unit_key) "
                 f"WHERE year = ? AND {units_where} GROUP BY 1", units_params, ("units",)),
                (f"SELECT {key}, sum(events), sum(participants) FROM report_facts u JOIN unit_boundaries b "
                 f"USING (unit_key) WHERE year = ? AND {facts_where} GROUP BY 1", facts_params,
                 ("events", "participants")),
                (f"SELECT {key}, sum(state_budget_vnd), sum(social_vnd) FROM report_funding u JOIN unit_boundaries b "
                 f"USING (unit_key) WHERE year = ? AND {units_where} GROUP BY 1", units_params,
                 ("state_budget", "social"))):
            for place, *values in self.rows(sql, [year, *params]):
                found.setdefault(place, dict.fromkeys(("units", "events", "participants", "state_budget", "social"),
                                                      0)).update(zip(names, map(int, values), strict=True))
        return found

    def like_for_like(self, view: View, year: int, previous: int, area: bool) -> dict[str, tuple[int, int]]:
        """Figure -> (previous year, year) summed over the places with a report in both years."""
        before, now = (self.place_totals(view, y, area) for y in (previous, year))
        both = before.keys() & now.keys()
        figures = {m: tuple(sum(p[k][m] for k in both) for p in (before, now)) for m in next(iter(now.values()))}
        return {**figures, "spent": (figures["state_budget"][0] + figures["social"][0],
                                     figures["state_budget"][1] + figures["social"][1])}

    def by_province(self, view: View, year: int, measure: str) -> dict[str, int]:
        """Province name -> the measure that year, for provinces with any row that year."""
        source, column = self.MEASURES[measure]
        where, params = view.where(years=False, indicators=source == "report_facts")
        return {name: int(value) for name, value in self.rows(
            f"SELECT province_name, sum({column}) FROM {source} WHERE year = ? AND {where} GROUP BY 1",
            [year, *params])}

    def data_table(self, view: View, detail: bool) -> dict[str, int]:
        """Rows and column sums of the Data page's table."""
        facts_where, facts_params = view.where()
        units_where, units_params = view.where(indicators=False)
        if detail:
            (rows,), = self.rows(f"SELECT count(*) FROM report_facts WHERE {facts_where}", facts_params)
        else:  # one row per (year, unit) with activities or funding
            (rows,), = self.rows(f"SELECT count(*) FROM (SELECT year, unit_key FROM report_facts WHERE {facts_where} "
                                 f"UNION SELECT year, unit_key FROM report_funding WHERE {units_where})",
                                 facts_params + units_params)
        (events, participants), = self.rows("SELECT coalesce(sum(events), 0), coalesce(sum(participants), 0) "
                                            f"FROM report_facts WHERE {facts_where}", facts_params)
        (state, social), = self.rows("SELECT coalesce(sum(state_budget_vnd), 0), coalesce(sum(social_vnd), 0) "
                                     f"FROM report_funding WHERE {units_where}", units_params)
        totals = {"rows": int(rows), "events": int(events), "participants": int(participants)}
        return totals if detail else {**totals, "state_budget": int(state), "social": int(social)}


# --- Fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Iterator[Warehouse]:
    """The demo forms ingested into a fresh warehouse, which the app reads through HTSD_WAREHOUSE."""
    root = tmp_path_factory.mktemp("app_pages")
    generate_demo(root / "forms")
    ingest_paths([root / "forms"], root / "warehouse.duckdb")
    st.cache_data.clear()
    st.cache_resource.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HTSD_WAREHOUSE", str(root / "warehouse.duckdb"))
        yield Warehouse(root / "warehouse.duckdb")
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def open_app(warehouse, monkeypatch):
    """Start the app (optionally from a URL's query parameters) and pick a view in the sidebar."""
    remember_navigation(monkeypatch)

    def start(view: View = View(), page: str | None = None, query: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(query or {})
        view.apply(at.run())
        if page:
            at.switch_page(page).run()
        assert_healthy(at)
        return at

    return start


# --- Reading what the page shows --------------------------------------------------------------------

def assert_healthy(at: AppTest) -> None:
    assert any(w.key == "f_years" for w in at.multiselect), "app.py did not run: no sidebar filters"
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def tile(at: AppTest, pattern: str):
    """The one KPI tile whose (accent-folded) label matches."""
    found = [m for m in at.metric if re.search(pattern, fold(m.label))]
    assert len(found) == 1, f"{pattern!r} matches {[m.label for m in found]} among {[m.label for m in at.metric]}"
    return found[0]


def tiles_shown(at: AppTest, patterns: dict[str, str]) -> dict[str, tuple[str, str]]:
    return {key: (tile(at, pattern).value, tile(at, pattern).proto.delta) for key, pattern in patterns.items()}


def column(df: pd.DataFrame, pattern: str, numeric: bool = False) -> str:
    """The one column whose (accent-folded) header matches."""
    pool = df.select_dtypes("number").columns if numeric else df.columns
    found = [c for c in pool if re.search(pattern, fold(c))]
    assert len(found) == 1, f"{pattern!r} matches {found} among {list(df.columns)}"
    return found[0]


def tables(at: AppTest, *patterns: str) -> list:
    """Every table on the page whose headers match all the patterns (st.dataframe elements)."""
    return [frame for frame in at.dataframe
            if all(any(re.search(p, fold(c)) for c in frame.value.columns) for p in patterns)]


def only(items: list):
    assert len(items) == 1, items
    return items[0]


def cells(frame) -> pd.DataFrame:
    """A table as the user reads it: the Styler's display texts where it has them, else its own values."""
    texts = frame.proto.arrow_data.styler.display_values
    return dataframe_util.convert_arrow_bytes_to_pandas_df(texts) if texts else frame.value.astype("object")


def number_in(cell) -> float | None:
    """The number a cell shows: '111.058' -> 111058, '+10,8%' -> 10.8, '↑ 2' -> 2, '↓ 1' -> -1, '=' -> 0,
    '', '–' or NaN -> None; numbers pass through."""
    if not isinstance(cell, str):
        return None if pd.isna(cell) else cell
    text = cell.strip()
    if text == "=":
        return 0
    digits = re.sub(r"[^\d,]", "", text).replace(",", ".")
    return (-1 if text.startswith(("↓", "-", "−")) else 1) * float(digits) if digits else None


def column_sums(df: pd.DataFrame) -> dict[str, int]:
    """Rows and sums of the measure columns of a Data-page table (shown, CSV or parsed .xlsx)."""
    sums = {"rows": len(df)}
    for name, pattern in (("events", r"^so hoat dong"), ("participants", r"nguoi tham gia"),
                          ("state_budget", r"ngan sach|nsnn"), ("social", r"xa hoi hoa|xhh")):
        if any(re.search(pattern, fold(c)) for c in df.columns):
            values = df[column(df, pattern)]  # numbers in files, Vietnamese-written text on screen
            sums[name] = int(sum(number_in(v) or 0 for v in values))
    return sums


# --- 1. Every page renders for the default view and filtered views ---------------------------------

VIEWS = [
    pytest.param(View(), id="default"),
    pytest.param(View(provinces=("79", "46")), id="provinces"),
    pytest.param(View(indicators=("opening_ceremony", "contest")), id="indicators"),
    pytest.param(View(years=(2023, 2024), levels=("agency",)), id="level-agency"),  # no agency reported in 2026
    pytest.param(View(years=(2022, 2024)), id="years"),
    pytest.param(View(years=(2025,), provinces=("01",), indicators=("class",), levels=("commune",), money="đồng"),
                 id="all-filters"),
    pytest.param(View(provinces=("79",), boundaries="reported"), id="province-as-reported"),  # units, not areas
]


@pytest.mark.parametrize("view", VIEWS)
def test_every_page_renders(open_app, view):
    at = open_app(view)
    for page in PAGES:
        at.switch_page(page).run()
        assert_healthy(at)
        assert at.title, page
        assert at.metric or at.dataframe, f"{page} shows no numbers for {view}"


def test_every_page_explains_an_empty_selection(open_app):
    at = open_app(View(levels=("province",)))  # the demo set has no province-level reports
    for page in PAGES:
        at.switch_page(page).run()
        assert_healthy(at)
        assert at.info, f"{page} shows no empty-state message"
        assert not at.dataframe, page
    at.switch_page("pages/compare.py").run()
    at.selectbox(key="c_group").set_value("area").run()  # by the areas of a province: none to choose from
    assert_healthy(at)
    assert at.info and not at.dataframe


# --- 2. Overview KPIs ---------------------------------------------------------------------------------

OVERVIEW_TILES = {  # column -> pattern on the folded label
    "units": r"don vi", "events": r"hoat dong", "participants": r"^(so )?nguoi tham gia", "cost": r"chi phi",
    "state_budget": r"ngan sach|nsnn", "social": r"^(kinh phi )?xa hoi hoa", "share": r"^t[iy] (le|trong)",
    "spent": r"^tong",
}


def overview_expected(warehouse: Warehouse, view: View) -> dict[str, tuple[str, str]]:
    """Tile -> (value, delta) for the latest chosen year against the year before it. Changes are like for like:
    over the places that reported in both years (provinces nationwide; inside chosen provinces today's communes,
    unless the 2025 reform lies between the years), and the count of reporting units is not compared across the
    reform (districts before it, communes after it)."""
    years = warehouse.years()
    year = max(view.years or years)
    pool = view.years if len(view.years) > 1 else years  # several years chosen: compare among them
    previous = max((y for y in pool if y < year), default=None)
    across = previous is not None and previous < 2025 <= year

    def derived(totals: dict[str, int]) -> dict[str, float | None]:
        spent = totals["state_budget"] + totals["social"]
        return {**totals, "spent": spent, "share": totals["social"] / spent if spent else None,
                "cost": spent / totals["participants"] if totals["participants"] else None}

    now = derived(warehouse.year_totals(view, year))
    scale, decimals = MONEY[view.money]
    shown = {"units": vn(now["units"]), "events": vn(now["events"]), "participants": vn(now["participants"]),
             "cost": vn(now["cost"]), "share": "–" if now["share"] is None else vn(now["share"] * 100, 1) + "%"}
    shown |= {k: vn(now[k] / scale, decimals) for k in ("state_budget", "social", "spent")}
    deltas = dict.fromkeys(shown, "")
    if previous:
        like = warehouse.like_for_like(view, year, previous, area=bool(view.provinces) and not across)
        before, after = (derived({k: v[i] for k, v in like.items() if k != "spent"}) for i in (0, 1))
        deltas = {k: signed_change(after[k], before[k]) for k in shown}
        if before["share"] is not None and after["share"] is not None:
            points = after["share"] - before["share"]
            deltas["share"] = ("+" if points >= 0 else "") + vn(points * 100, 1) + " điểm %"
        if across:
            deltas["units"] = ""
    if view.indicators:  # funding is not split by activity: no cost per participant for a subset of activities
        shown["cost"], deltas["cost"] = "–", ""
    return {k: (shown[k], deltas[k]) for k in shown}


@pytest.mark.parametrize("view", [
    pytest.param(View(), id="default"),
    pytest.param(View(provinces=("79",), money="tỷ đồng"), id="hcm-in-ty"),
    pytest.param(View(indicators=("opening_ceremony", "contest"), money="đồng"), id="two-activities-in-dong"),
    pytest.param(View(years=(2021, 2023), levels=("district", "agency")), id="years-and-levels"),
])
def test_overview_kpis_equal_sql(open_app, warehouse, view):
    at = open_app(view)
    expected = overview_expected(warehouse, view)
    assert tiles_shown(at, OVERVIEW_TILES) == expected
    for key in ("state_budget", "social", "spent"):  # the amounts are in the unit the label states
        assert fold(view.money) in fold(tile(at, OVERVIEW_TILES[key]).label)


# --- 3. Compare page ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Comparison:
    view: View
    year_a: int | None  # None: the page's default (latest year against the one before)
    year_b: int | None
    measure: str = "participants"
    one_year_only: tuple[str, ...] = ()  # province codes expected to be marked as reporting in one year only


COMPARISONS = [
    pytest.param(Comparison(View(), None, None), id="default-latest-vs-previous"),
    pytest.param(Comparison(View(provinces=("79", "01", "46")), 2023, 2025, "state_budget"), id="2023-2025-budget"),
    pytest.param(Comparison(View(indicators=("reading",)), 2021, 2024, "events"), id="2021-2024-events"),
    # agencies: Hồ Chí Minh, Đồng Nai and An Giang reported in 2023 but not in 2025, Huế only in 2025
    pytest.param(Comparison(View(levels=("agency",)), 2023, 2025, one_year_only=("46", "75", "79", "91")),
                 id="one-year-only"),
]


def compare_expected(warehouse: Warehouse, view: View, year_a: int, year_b: int, measure: str) -> dict[str, dict]:
    """Province name -> the row of the compare table, computed from per-year sums."""
    a, b = (warehouse.by_province(view, y, measure) for y in (year_a, year_b))

    def rank(values: dict[str, int], name: str) -> int | None:
        return 1 + sum(v > values[name] for v in values.values()) if name in values else None

    rows = {}
    for name in a.keys() | b.keys():
        both = name in a and name in b
        rows[name] = {"a": a.get(name), "b": b.get(name), "change": b[name] - a[name] if both else None,
                      "pct": round((b[name] - a[name]) / a[name] * 100, 1) if both and a[name] else None,
                      "rank_a": rank(a, name), "rank_b": rank(b, name),
                      "move": rank(a, name) - rank(b, name) if both else None,
                      "note": "" if both else str(year_a if name in a else year_b)}
    return rows


@pytest.mark.parametrize("case", COMPARISONS)
def test_compare_page_equals_sql(open_app, warehouse, case):
    at = open_app(case.view, page="pages/compare.py")
    years = warehouse.years()
    if case.year_a is None:
        year_b, year_a = years[-1], years[-2]
    else:
        year_a, year_b = case.year_a, case.year_b
        at.selectbox(key="c_year_b").set_value(year_b).run()
        at.selectbox(key="c_year_a").set_value(year_a).run()
    if case.measure != "participants":
        at.selectbox(key="c_measure").set_value(case.measure).run()
    assert_healthy(at)
    assert (at.selectbox(key="c_year_a").value, at.selectbox(key="c_year_b").value) == (year_a, year_b)
    assert at.query_params["nam_a"] == str(year_a) and at.query_params["nam_b"] == str(year_b)

    expected = compare_expected(warehouse, case.view, year_a, year_b, case.measure)
    scale, decimals = MONEY[case.view.money] if case.measure in ("state_budget", "social") else (1, 0)

    def amount(value: int | None) -> float | None:  # as the page writes it: in the sidebar's money unit
        return None if value is None else round(value / scale, decimals)

    frame = only(tables(at, rf"hang.*{year_a}", rf"hang.*{year_b}"))
    table = cells(frame)
    cols = {"a": column(table, rf"^(nam )?{year_a}( \(.*\))?$"), "b": column(table, rf"^(nam )?{year_b}( \(.*\))?$"),
            "change": column(table, r"^thay doi( \(.*dong\))?$"), "pct": column(table, r"%"),
            "rank_a": column(table, rf"hang.*{year_a}"), "rank_b": column(table, rf"hang.*{year_b}"),
            "move": column(table, r"(tang|giam).*hang")}
    if scale > 1:
        assert all(fold(DEFAULT_MONEY) in fold(cols[k]) for k in ("a", "b", "change"))
    note = column(table, r"ghi chu|chu thich")
    table = table.set_index(table.columns[0])
    total = table.loc[[n for n in table.index if fold(n).startswith("tong")]]
    body = table.drop(total.index)
    assert set(body.index) == set(expected)
    assert "<NA>" not in body.to_string()
    for province, want in expected.items():
        row = body.loc[province]
        assert {k: number_in(row[c]) for k, c in cols.items()} == {
            **{k: want[k] for k in cols}, **{k: amount(want[k]) for k in ("a", "b", "change")},
            "pct": pytest.approx(want["pct"], abs=0.06)}, province
        for k in ("a", "b", "change"):  # amounts read the Vietnamese way, 1.234.567; a rise signed like its %
            sign = "+" if k == "change" and want[k] is not None and want[k] > 0 else ""
            assert want[k] is None or str(row[cols[k]]) == sign + vn(want[k] / scale, decimals), (province, k)
        for k in ("rank_a", "rank_b"):  # a place reported in one year has no rank in the other: a dash
            assert want[k] is not None or str(row[cols[k]]) == "–", (province, k, row[cols[k]])
        shown_note = "" if pd.isna(row[note]) else str(row[note]).strip()
        assert (want["note"] in shown_note) if want["note"] else not shown_note, (province, shown_note)

    total_a = sum(r["a"] for r in expected.values() if r["a"] is not None)
    total_b = sum(r["b"] for r in expected.values() if r["b"] is not None)
    like_a = sum(r["a"] for r in expected.values() if r["note"] == "")  # localities in both years only
    like_b = sum(r["b"] for r in expected.values() if r["note"] == "")
    everyone, like_for_like = (total.loc[[n for n in total.index if fold(n) == f]].iloc[0]
                               for f in ("tong cong", "tong, cung pham vi"))
    assert [number_in(everyone[cols[k]]) for k in ("a", "b")] == [amount(total_a), amount(total_b)]
    paired = any(r["note"] == "" for r in expected.values())  # no place in both years: nothing to compare
    assert [number_in(like_for_like[cols[k]]) for k in ("a", "b", "change")] == [
        amount(like_a), amount(like_b), amount(like_b - like_a) if paired else None]
    assert tile(at, rf"^nam {year_a}, cung pham vi").value == (vn(like_a / scale, decimals) if paired else "–")
    assert tile(at, rf"^nam {year_b}, cung pham vi").value == (vn(like_b / scale, decimals) if paired else "–")
    assert tile(at, r"^thay doi").value == (signed_change(like_b, like_a) or "–")
    both = sum(r["note"] == "" for r in expected.values())
    assert tile(at, r"^bao cao ca hai nam").value == f"{both}/{len(expected)}"
    assert any("so sanh cung pham vi" in fold(i.value) for i in at.info)  # the page says the comparison's rule

    marked = warehouse.province_names(case.one_year_only) if case.one_year_only else []
    assert sorted(n for n, r in expected.items() if r["note"]) == sorted(marked)  # the demo data is as described
    warning = " ".join(w.value for w in at.warning)
    assert all(n in warning for n in marked), warning
    assert bool(marked) == bool(at.warning)


# --- 4. Data page and its exports ---------------------------------------------------------------------

DATA_VIEW = View(years=(2025,), provinces=("79", "91"), indicators=("opening_ceremony", "contest"))


def open_data_page(open_app, view: View, detail: bool) -> AppTest:
    at = open_app(view, page="pages/data.py")
    if detail:
        at.toggle(key="d_detail").set_value(True).run()
        assert_healthy(at)
        assert at.query_params.get("chi_tiet") == "1"
    return at


@pytest.mark.parametrize("detail", [False, True], ids=["per-unit", "per-activity"])
def test_data_table_equals_sql(open_app, warehouse, detail):
    at = open_data_page(open_app, DATA_VIEW, detail)
    expected = warehouse.data_table(DATA_VIEW, detail)
    shown = only(tables(at, r"nguoi tham gia")).value
    amounts = {k: expected.pop(k) for k in ("state_budget", "social") if k in expected}  # in the sidebar's unit
    assert {k: v for k, v in column_sums(shown).items() if k not in amounts} == expected
    scale, decimals = MONEY[DATA_VIEW.money]
    for name, pattern in (("state_budget", r"ngan sach nha nuoc \(trieu dong\)"),
                          ("social", r"xa hoi hoa \(trieu dong\)")):
        if name in amounts:  # each cell rounded to its shown decimals: the sum within half a unit a row
            values = [number_in(v) or 0 for v in shown[column(shown, pattern)]]
            assert sum(values) == pytest.approx(amounts[name] / scale, abs=len(values) * 0.5 * 10 ** -decimals)
    assert set(shown[column(shown, r"^nam$")]) == set(DATA_VIEW.years)
    assert any(re.search(rf"(?<![\d.]){re.escape(vn(expected['rows']))} dong\b", fold(c.value)) for c in at.caption)


@pytest.mark.parametrize("detail", [False, True], ids=["per-unit", "per-activity"])
def test_csv_export_has_bom_and_same_totals(open_app, warehouse, downloads, detail):
    at = open_data_page(open_app, DATA_VIEW, detail)
    data = download(at, downloads, "d_csv")
    assert data.startswith(BOM)
    parsed = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert column_sums(parsed) == warehouse.data_table(DATA_VIEW, detail)
    assert set(warehouse.province_names(DATA_VIEW.provinces)) == set(parsed[column(parsed, r"tinh")])


def test_xlsx_export_is_formatted_and_states_filters(open_app, warehouse, downloads):
    at = open_data_page(open_app, DATA_VIEW, detail=False)
    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "d_xlsx")))
    data, about = book.worksheets[:2]
    header = [c.value for c in data[1]]
    frame = pd.DataFrame(data.iter_rows(min_row=2, values_only=True), columns=header)
    expected = warehouse.data_table(DATA_VIEW, detail=False)
    assert column_sums(frame.infer_objects()) == expected

    assert all(c.font.b for c in data[1])
    assert data.freeze_panes == "A2"
    assert data.auto_filter.ref == f"A1:{get_column_letter(len(header))}{expected['rows'] + 1}"
    for pattern in (r"hoat dong", r"nguoi tham gia", r"ngan sach", r"xa hoi hoa"):
        index = header.index(column(frame, pattern)) + 1
        formats = {row[0].number_format for row in data.iter_rows(min_row=2, min_col=index, max_col=index)}
        assert formats == {"#,##0"}, (pattern, formats)
    year_index = header.index(column(frame, r"^nam$")) + 1
    assert "#,##0" not in {c.number_format for (c,) in data.iter_rows(min_row=2, min_col=year_index,
                                                                      max_col=year_index)}

    stated = fold(" ".join(str(c) for row in about.iter_rows(values_only=True) for c in row if c is not None))
    labels = dict(indicator_labels())
    for text in ["2025", *warehouse.province_names(DATA_VIEW.provinces), *(labels[i] for i in DATA_VIEW.indicators)]:
        assert fold(text) in stated, text


def test_big_table_is_capped_on_screen_but_exported_whole(open_app, warehouse, downloads):
    at = open_data_page(open_app, View(), detail=True)
    expected = warehouse.data_table(View(), detail=True)
    cap = widgets.MAX_ROWS
    assert expected["rows"] > cap  # the demo set is big enough to hit the on-screen cap
    assert len(only(tables(at, r"nguoi tham gia")).value) == cap
    assert any(f"{vn(cap)}/{vn(expected['rows'])}" in c.value for c in at.caption)
    parsed = pd.read_csv(io.BytesIO(download(at, downloads, "d_csv")), encoding="utf-8-sig")
    assert column_sums(parsed) == expected


# --- 5. URL state -------------------------------------------------------------------------------------

SIDEBAR = {"f_years": "multiselect", "f_provinces": "multiselect", "f_indicators": "multiselect",
           "f_levels": "multiselect", "f_money": "radio"}


def sidebar_values(at: AppTest) -> dict:
    return {key: getattr(at, kind)(key=key).value for key, kind in SIDEBAR.items()}


def test_url_preselects_filters(open_app, warehouse):
    view = View(years=(2024, 2025), provinces=("79",), indicators=("contest",), levels=("commune",), money="tỷ đồng")
    at = open_app(query={"nam": "2025,2024", "tinh": ["79", "99"], "hd": "contest", "cap": "commune",
                         "tien": "tỷ đồng"})  # '99' is no province: a stale link must not break the page
    assert sidebar_values(at) == {"f_years": [2025, 2024], "f_provinces": ["79"], "f_indicators": ["contest"],
                                  "f_levels": ["commune"], "f_money": "tỷ đồng"}
    assert at.query_params["tinh"] == "79"
    assert tiles_shown(at, OVERVIEW_TILES) == overview_expected(warehouse, view)


def test_copied_link_opens_the_same_view(open_app):
    view = View(years=(2023,), provinces=("46", "75"), indicators=("seminar", "visit"), levels=("district",),
                money="đồng")
    at = open_app(view, page="pages/compare.py")
    at.selectbox(key="c_year_b").set_value(2022).run()
    at.selectbox(key="c_year_a").set_value(2020).run()
    at.selectbox(key="c_measure").set_value("social").run()
    assert at.query_params["tinh"] == "46,75" and at.query_params["tien"] == "đồng"
    link = dict(at.query_params)

    again = open_app(query=link, page="pages/compare.py")
    assert sidebar_values(again) == sidebar_values(at) == {
        "f_years": [2023], "f_provinces": ["46", "75"], "f_indicators": ["seminar", "visit"],
        "f_levels": ["district"], "f_money": "đồng"}
    assert [again.selectbox(key=k).value for k in ("c_year_a", "c_year_b", "c_measure")] == [2020, 2022, "social"]
    assert [m.value for m in again.metric] == [m.value for m in at.metric]


# --- Participation drill-down, and how tables show numbers ------------------------------------------

def by_name(frame) -> dict[str, tuple[int, ...]]:
    """First column -> (events, participants) of a participation table, whatever its headers say."""
    table = frame.value
    figures = table[table.columns[1:]]  # the first column names the row
    numbers = [column(figures, p) for p in (r"^(hoat dong|so luong)$", r"nguoi tham gia")]
    return {row[table.columns[0]]: tuple(int(number_in(row[c])) for c in numbers) for _, row in table.iterrows()}


def test_participation_drilldown_equals_sql(open_app, warehouse):
    at = open_app(View(boundaries="reported"), page="pages/participation.py")
    at.selectbox(key="p_year").set_value(2024).run()
    at.radio(key="p_measure").set_value("events").run()
    at.radio(key="p_map_level").set_value("unit").run()
    at.selectbox(key="p_province").set_value("N:P:01").run()  # Hà Nội kept its territory: today's key
    at.selectbox(key="p_area").set_value("001").run()  # Quận Ba Đình: thirteen reporting units
    assert_healthy(at)
    assert {k: at.query_params[k] for k in ("xem_nam", "chi_so", "xem_tinh", "xem_dia_ban", "dia_gioi")} == {
        "xem_nam": "2024", "chi_so": "events", "xem_tinh": "N:P:01", "xem_dia_ban": "001", "dia_gioi": "khi_bao_cao"}

    units = {name: (int(e), int(p)) for name, e, p in warehouse.rows(
        "SELECT unit_name, sum(events), sum(participants) FROM report_facts "
        "WHERE year = 2024 AND province_code = '01' AND district_code = '001' GROUP BY unit_key, unit_name")}
    labels = dict(indicator_labels())
    kinds = {labels[k]: (int(e), int(p)) for k, e, p in warehouse.rows(  # of the district drilled into
        "SELECT indicator, sum(events), sum(participants) FROM report_facts "
        "WHERE year = 2024 AND province_code = '01' AND district_code = '001' GROUP BY indicator")}
    shown = [by_name(frame) for frame in tables(at, r"nguoi tham gia")]
    assert units in shown
    assert kinds in shown


DISTRICT_SQL = f"""
    WITH f AS (SELECT district_code, sum(events) AS events, sum(participants) AS participants
               FROM report_facts JOIN unit_boundaries USING (unit_key)
               WHERE year = ? AND reported_province_key = ? GROUP BY 1),
         u AS (SELECT district_code, count(DISTINCT unit_key) AS units
               FROM {Warehouse.UNITS} JOIN unit_boundaries USING (unit_key)
               WHERE year = ? AND reported_province_key = ? GROUP BY 1)
    SELECT coalesce(units, 0), coalesce(events, 0), coalesce(participants, 0)
    FROM f FULL JOIN u ON f.district_code IS NOT DISTINCT FROM u.district_code"""


def district_breakdown(open_app, warehouse, year: int, province: str) -> tuple[pd.DataFrame, list[tuple]]:
    """The 'all districts' table of a province as reported (old provinces had districts) on the participation
    page, and SQL's (units, events, people) per district, units outside any district making one group."""
    at = open_app(View(boundaries="reported"), page="pages/participation.py")
    at.selectbox(key="p_year").set_value(year).run()
    at.selectbox(key="p_province").set_value(province).run()
    assert_healthy(at)
    districts = {n for (n,) in warehouse.rows(
        "SELECT DISTINCT district_name FROM report_facts JOIN unit_boundaries USING (unit_key) WHERE year = ? "
        "AND reported_province_key = ? AND district_name IS NOT NULL", [year, province])}
    frame = only([f for f in tables(at, r"nguoi tham gia", r"don vi") if districts <= set(f.value.iloc[:, 0])])
    table = frame.value
    shown = table[[column(table, p) for p in (r"don vi bao cao", r"^hoat dong", r"nguoi tham gia")]].map(number_in)
    return shown.assign(name=table.iloc[:, 0]), warehouse.rows(DISTRICT_SQL, [year, province] * 2)


# Hồ Chí Minh 2023: districts reported, and one agency outside any district
def test_participation_district_breakdown_adds_up(open_app, warehouse):
    shown, expected = district_breakdown(open_app, warehouse, 2023, "L:P:79")
    assert shown.drop(columns="name").sum().astype(int).tolist() == [sum(col) for col in zip(*expected, strict=True)]


def test_participation_district_breakdown_one_row_per_district(open_app, warehouse):
    shown, expected = district_breakdown(open_app, warehouse, 2023, "L:P:79")
    assert not shown["name"].duplicated().any(), shown[shown["name"].duplicated(keep=False)]
    assert sorted(map(tuple, shown.drop(columns="name").astype(int).values.tolist())) == sorted(expected)


def reads_as(text: object, cell: float, is_year: bool) -> bool:
    """Whether a cell's text is its number written the Vietnamese way, to the decimals shown; years plainly."""
    if is_year:
        return str(text) == str(int(cell))
    written = re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,(\d+))?", str(text))
    return bool(written) and text == vn(cell, len(written.group(3) or ""))


def test_tables_show_numbers_vietnamese_style(open_app, warehouse):
    """Styled tables read 1.234.567 and 1.234,5 (the same number as the data), years read 2025, never 2.025."""
    years, wrong = set(warehouse.years()), []
    at = open_app()
    for page in PAGES:
        at.switch_page(page).run()
        for frame in at.dataframe:
            raw, text = frame.value, cells(frame)
            for name in raw.select_dtypes("number").columns:
                is_year = raw[name].dropna().isin(years).all()
                wrong += [(page, name, shown, cell) for cell, shown in zip(raw[name], text[name], strict=True)
                          if not pd.isna(cell) and not reads_as(shown, cell, is_year)]
    assert not wrong, wrong[:10]


# --- Boundaries: today's map or as reported ---------------------------------------------------------

REPORTED_SQL = """
    SELECT {name}, sum(participants) FILTER (WHERE year = ?), sum(participants) FILTER (WHERE year = ?)
    FROM report_facts JOIN unit_boundaries USING (unit_key) WHERE year IN (?, ?) GROUP BY 1"""


def compare_rows(at: AppTest, year_a: int, year_b: int) -> pd.DataFrame:
    frame = only(tables(at, rf"hang.*{year_a}", rf"hang.*{year_b}"))
    table = cells(frame)
    return table.set_index(table.columns[0])


@pytest.mark.parametrize(("boundaries", "name"), [("today", "province_name"), ("reported", "reported_province_name")])
def test_compare_across_the_reform_under_both_boundaries(open_app, warehouse, boundaries, name):
    """2023 against 2026: today, old Bình Phước and Đồng Nai are one Đồng Nai in both years; as reported, the
    merged provinces have one year each and only provinces that kept their territory (Huế) are paired."""
    at = open_app(View(boundaries=boundaries), page="pages/compare.py")
    at.selectbox(key="c_year_b").set_value(2026).run()
    at.selectbox(key="c_year_a").set_value(2023).run()
    assert_healthy(at)
    table = compare_rows(at, 2023, 2026)
    expected = {n: (a, b) for n, a, b in warehouse.rows(REPORTED_SQL.format(name=name), [2023, 2026] * 2)}
    for province, (a, b) in expected.items():
        assert (number_in(table.loc[province, "Năm 2023"]), number_in(table.loc[province, "Năm 2026"])) == (a, b)
    shown = " ".join(c.value for c in at.caption) + " ".join(i.value for i in at.info)
    note = table[column(table, r"ghi chu")]
    if boundaries == "today":
        assert expected["Tỉnh Đồng Nai"][0] > 0  # 2023 holds old Bình Phước and Đồng Nai (see below)
        assert note["Tỉnh Đồng Nai"] == "" and "Bình Phước" not in " ".join(table.index)
        assert "hiện nay (từ 1/7/2025)" in shown
    else:
        assert note["Tỉnh Bình Phước (cũ)"] == "chỉ báo cáo năm 2023"
        assert note["Tỉnh Đồng Nai"] == "chỉ báo cáo năm 2026"
        assert note["Thành phố Huế"] == ""
        assert "như khi báo cáo" in shown and "giữ nguyên địa giới" in shown
        assert at.query_params["dia_gioi"] == "khi_bao_cao"


def test_today_counts_old_provinces_in_the_new_one(warehouse):
    (old,), = warehouse.rows(
        "SELECT sum(participants) FROM report_facts WHERE year = 2023 AND unit_key IN "
        "(SELECT unit_key FROM unit_boundaries WHERE reported_province_key IN ('L:P:70', 'L:P:75'))")
    (today,), = warehouse.rows("SELECT sum(participants) FROM report_facts WHERE year = 2023 AND province_code = '75'")
    assert old == today > 0


def test_district_comparison_across_the_reform_is_explained(open_app):
    at = open_app(View(boundaries="reported"), page="pages/compare.py")
    at.selectbox(key="c_year_b").set_value(2025).run()
    at.selectbox(key="c_year_a").set_value(2024).run()
    at.selectbox(key="c_group").set_value("area").run()
    assert_healthy(at)
    assert any("Không so sánh được theo quận/huyện giữa năm 2024 và năm 2025" in i.value for i in at.info)
    assert not tables(at, r"hang")


def test_commune_comparison_today_lists_what_old_communes_make_each_row(open_app, warehouse):
    at = open_app(page="pages/compare.py", query={"theo": "area", "xem_tinh": "79", "nam_a": "2023", "nam_b": "2026"})
    assert_healthy(at)
    table = compare_rows(at, 2023, 2026)
    (total_2023,), = warehouse.rows(
        "SELECT sum(participants) FROM report_facts WHERE year = 2023 AND province_code = '79'")
    assert number_in(table.loc["Tổng cộng", "Năm 2023"]) == total_2023
    notes = table[column(table, r"ghi chu")]
    assert any(str(n).startswith("năm 2023 gồm Phường") for n in notes)
    counts = [warehouse.rows(COUNTS_SQL, [year, level, "79", "79"])[0] for year, level in ((2023, "district"),
                                                                                          (2026, "commune"))]
    assert [c.value for c in at.caption if "Đã báo cáo" in c.value] == [  # of HCMC's districts, then communes
        f":material/fact_check: Đã báo cáo — năm 2023: {vn(counts[0][0])}/{vn(counts[0][1])} quận/huyện; "
        f"năm 2026: {vn(counts[1][0])}/{vn(counts[1][1])} xã/phường."]
    partial = [f"năm {y} mới có {vn(r)}/{vn(e)} {words} báo cáo" for (y, words), (r, e) in
               zip(((2023, "quận, huyện"), (2026, "xã, phường")), counts, strict=True) if r < e]
    assert partial and any(f"Chưa đủ báo cáo: {'; '.join(partial)}." in i.value for i in at.info)


# --- Completeness beside the totals ----------------------------------------------------------------

COUNTS_SQL = ("SELECT sum(received), sum(expected) FROM submission_counts WHERE year = ? AND level = ? "
              "AND (? IS NULL OR province_code = ?)")


@pytest.mark.parametrize(("page", "view", "years", "level", "words"), [
    ("pages/overview.py", View(years=(2026,)), (2025, 2026), "province", "tỉnh/thành phố"),  # and the year before
    ("pages/participation.py", View(years=(2023,), provinces=("79",)), (2023,), "district", "quận/huyện"),
    ("pages/funding.py", View(years=(2025,), provinces=("01",)), (2025,), "commune", "xã/phường"),
])
def test_pages_say_how_many_expected_units_reported(open_app, warehouse, page, view, years, level, words):
    at = open_app(view, page=page)
    province = view.provinces[0] if view.provinces else None
    parts = []
    for year in years:
        (received, expected), = warehouse.rows(COUNTS_SQL, [year, level, province, province])
        assert 0 < received <= expected
        parts.append(f"năm {year}: {vn(received)}/{vn(expected)} {words}")
    stated = [c.value for c in at.caption if "Đã báo cáo" in c.value]  # first beside the totals; again by a comparison
    assert stated[0] == f":material/fact_check: Đã báo cáo — {'; '.join(parts)}."


# --- Honest comparisons: the year's summary, trends, the level below a province ---------------------

def figures(at: AppTest) -> dict[str, dict]:
    """Plotly figures on the page by chart key (their JSON, as the browser receives it)."""
    return {e.key: json.loads(e.proto.spec) for e in at.get("plotly_chart")}


def test_overview_summary_compares_like_for_like_with_coverage(open_app, warehouse):
    at = open_app()
    like = warehouse.like_for_like(View(), 2026, 2025, area=False)
    counts = {y: warehouse.rows(COUNTS_SQL, [y, "province", None, None])[0] for y in (2025, 2026)}

    def moved(name: str, figure: str, shown=vn) -> str:
        before, after = like[figure]
        return (f"{name} {'tăng' if after >= before else 'giảm'} {vn(abs(after - before) / before * 100, 1)}% "
                f"(từ {shown(before)} {'lên' if after >= before else 'xuống'} {shown(after)})")

    sentences = [t.value for t in at.text]
    assert sentences[0] == (f"Năm 2026, cả nước: {vn(counts[2026][0])}/{vn(counts[2026][1])} tỉnh/thành phố đã báo cáo "
                            f"(năm 2025: {vn(counts[2025][0])}/{vn(counts[2025][1])} tỉnh/thành phố).")
    places = len(warehouse.place_totals(View(), 2026, area=False))
    assert sentences[2] == (
        f"So với năm 2025, cùng phạm vi ({places}/{places} tỉnh/thành phố có báo cáo cả hai năm): "
        + "; ".join([moved("số người tham gia", "participants"), moved("số hoạt động", "events"),
                     moved("tổng kinh phí", "spent", lambda v: vn(v / 1e6, 1) + " triệu đồng")]) + ".")
    assert any(f"so với năm 2025, cùng phạm vi: chỉ tính {places} tỉnh/thành phố có báo cáo cả hai năm" in c.value
               for c in at.caption)  # the tiles' changes say what they compare


def test_overview_summary_leaves_out_places_reported_in_one_year(open_app, warehouse):
    # agencies: Hồ Chí Minh, Đồng Nai and An Giang reported in 2023 but not in 2025, Huế only in 2025
    at = open_app(View(years=(2023, 2025), levels=("agency",)))
    sentences = [t.value for t in at.text]
    assert "Không có tỉnh/thành phố nào báo cáo cả hai năm 2023 và 2025, nên chưa so sánh được." in sentences
    assert ("Không tính vào so sánh: 1 tỉnh/thành phố chỉ báo cáo năm 2025 (Thành phố Huế); 3 tỉnh/thành phố chỉ báo "
            "cáo năm 2023 (" in " ".join(sentences))
    assert any(s.startswith("Năm 2023 trước sắp xếp đơn vị hành chính (1/7/2025)") for s in sentences)
    assert all(not m.proto.delta for m in at.metric)  # nothing compared, so no tile shows a change


def test_trends_mark_partial_years_and_the_reform(open_app, warehouse):
    at = open_app()
    counts = {y: warehouse.rows(COUNTS_SQL, [y, "province", None, None])[0] for y in warehouse.years()}
    charts_by_key = figures(at)
    for key in ("overview_trend", "overview_funding_trend"):
        layout = charts_by_key[key]["layout"]
        assert [(s["x0"], s["x1"]) for s in layout["shapes"]] == [(2024.75, 2024.75)]  # 1/7, before the October week
        assert "1/7/2025" in layout["annotations"][0]["text"]
        assert layout["xaxis"]["ticktext"] == [f"{y}<br>{vn(r)}/{vn(e)}" for y, (r, e) in counts.items()]
        assert any("chưa đủ báo cáo" in t.get("name", "") for t in charts_by_key[key]["data"])
    line = charts_by_key["overview_trend"]["data"][0]
    assert line["marker"]["symbol"] == ["circle-open" if r < e else "circle" for r, e in counts.values()]


def test_overview_ranks_the_level_below_a_chosen_province(open_app, warehouse):
    at = open_app(View(years=(2026,), provinces=("79",)))
    shown = only(tables(at, r"don vi bao cao", r"nguoi tham gia")).value
    communes = {name: int(p) for name, p in warehouse.rows(
        "SELECT b.commune_name_today, sum(participants) FROM report_facts JOIN unit_boundaries b USING (unit_key) "
        "WHERE year = 2026 AND province_code = '79' GROUP BY 1")}
    ranked = sorted(communes.items(), key=lambda item: -item[1])
    expected = dict(ranked[:5] + ranked[-5:])
    assert {row.iloc[0]: number_in(row[column(shown, r"nguoi tham gia")]) for _, row in shown.iterrows()} == expected
    changes = only(tables(at, r"thay doi \(%\)")).value
    assert len(changes) == 10 and "Thành phố Hồ Chí Minh" not in set(changes.iloc[:, 0])


def test_participation_commune_drilldown_breaks_down_that_commune(open_app, warehouse):
    """Today's map: every section under the drill-down into a commune holds that commune's figures."""
    (commune, name), = warehouse.rows(
        "SELECT b.commune_key_today, any_value(b.commune_name_today) FROM report_facts JOIN unit_boundaries b "
        "USING (unit_key) WHERE year = 2026 AND province_code = '79' AND b.commune_key_today IS NOT NULL "
        "GROUP BY 1 ORDER BY sum(participants) DESC LIMIT 1")
    at = open_app(page="pages/participation.py")
    at.selectbox(key="p_province").set_value("79").run()
    at.selectbox(key="p_area").set_value(commune).run()
    assert_healthy(at)
    labels = dict(indicator_labels())
    kinds = {labels[k]: (int(e), int(p)) for k, e, p in warehouse.rows(
        "SELECT indicator, sum(events), sum(participants) FROM report_facts JOIN unit_boundaries b USING (unit_key) "
        "WHERE year = 2026 AND b.commune_key_today = ? GROUP BY indicator", [commune])}
    assert kinds in [by_name(frame) for frame in tables(at, r"nguoi tham gia")]
    assert any(name in h.value and h.value.startswith("Theo loại hoạt động") for h in at.subheader)


def test_comparison_exports_in_the_chosen_unit_with_totals(open_app, warehouse, downloads):
    view = View(money="tỷ đồng")
    at = open_app(view, page="pages/compare.py")
    at.selectbox(key="c_measure").set_value("social").run()
    year_a, year_b = warehouse.years()[-2:]
    expected = compare_expected(warehouse, view, year_a, year_b, "social")
    parsed = pd.read_csv(io.BytesIO(download(at, downloads, "c_export_csv")), encoding="utf-8-sig")
    a, b = (column(parsed, rf"^nam {y} \(ty dong\)$") for y in (year_a, year_b))
    rows = parsed.set_index(parsed.columns[0])
    for province, want in expected.items():
        assert rows.loc[province, a] == pytest.approx(want["a"] / 1e9) and rows.loc[province, b] == pytest.approx(
            want["b"] / 1e9)
    assert rows.loc["Tổng cộng", a] == pytest.approx(sum(r["a"] or 0 for r in expected.values()) / 1e9)
    book = openpyxl.load_workbook(io.BytesIO(download(at, downloads, "c_export_xlsx")))
    data, about = book.worksheets[:2]
    header = [c.value for c in data[1]]
    assert header == list(parsed.columns)
    assert data.cell(2, header.index(a) + 1).number_format == "#,##0.0##"  # tỷ đồng keep their decimals
    assert ("Đơn vị tiền", "tỷ đồng") in [tuple(r) for r in about.iter_rows(values_only=True)]
    assert [r[0] for r in data.iter_rows(min_row=data.max_row - 1, values_only=True)] == ["Tổng cộng",
                                                                                          "Tổng, cùng phạm vi"]


# --- Kinh phí: each chart's own numbers, in the chosen unit ------------------------------------------

def test_funding_tables_hold_their_charts_numbers_in_the_chosen_unit(open_app, warehouse):
    view = View(years=(2026,), money="tỷ đồng")
    at = open_app(view, page="pages/funding.py")
    state, social = (warehouse.by_province(view, 2026, m) for m in ("state_budget", "social"))
    people = warehouse.by_province(view, 2026, "participants")
    sources = only(tables(at, r"ngan sach nha nuoc \(ty dong\)", r"tong kinh phi")).value
    assert {r.iloc[0]: number_in(r[column(sources, r"ngan sach")]) for _, r in sources.iterrows()} == {
        name: round(v / 1e9, 2) for name, v in state.items()}
    share = only(tables(at, r"ty le xa hoi hoa")).value
    assert {r.iloc[0]: r[column(share, r"ty le")] for _, r in share.iterrows()} == {
        name: vn(social[name] / (state[name] + social[name]) * 100, 1) + "%" for name in state}
    cost = only(tables(at, r"chi phi / nguoi")).value
    assert {r.iloc[0]: r[column(cost, r"chi phi")] for _, r in cost.iterrows()} == {
        name: vn((state[name] + social[name]) / people[name]) for name in state}
    assert not [c for f in at.dataframe for c in f.value.columns if "(đồng)" in c and "người" not in c]


def test_funding_says_it_is_not_split_by_activity(open_app):
    at = open_app(View(indicators=("contest",)), page="pages/funding.py")
    assert any("không tách theo loại hoạt động" in w.value for w in at.warning)
    assert not tables(at, r"chi phi / nguoi")  # people of one activity against all funding: no cost per person
    overview = open_app(View(indicators=("contest",)))
    helps = [m.proto.help for m in overview.metric if re.search(r"ngan sach|xa hoi hoa|tong kinh phi", fold(m.label))]
    assert len(helps) == 4 and all("không tách theo loại hoạt động" in h for h in helps)


def test_largest_funding_changes_export_like_for_like_with_a_total(open_app, warehouse, downloads):
    view = View(money="triệu đồng")
    at = open_app(view, page="pages/funding.py")
    year_a, year_b = warehouse.years()[-2:]
    totals = {y: {n: warehouse.by_province(view, y, "state_budget")[n] + warehouse.by_province(view, y, "social")[n]
                  for n in warehouse.by_province(view, y, "state_budget")} for y in (year_a, year_b)}
    paired = totals[year_a].keys() & totals[year_b].keys()
    parsed = pd.read_csv(io.BytesIO(download(at, downloads, "f_export_csv")), encoding="utf-8-sig")
    rows = parsed.set_index(parsed.columns[0])
    assert set(rows.index) == paired | {"Tổng, cùng phạm vi"}
    change = column(parsed, r"thay doi tong \(trieu dong\)")
    for name in paired:
        assert rows.loc[name, change] == pytest.approx((totals[year_b][name] - totals[year_a][name]) / 1e6)
    assert rows.loc["Tổng, cùng phạm vi", change] == pytest.approx(
        sum(totals[year_b][n] - totals[year_a][n] for n in paired) / 1e6)
