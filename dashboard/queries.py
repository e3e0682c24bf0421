"""Every SQL query of the dashboard, against the snapshot of the public views (see dashboard.db).

All user choices arrive as bound parameters ($years, $provinces, …); nothing a user picks is ever
formatted into SQL text. An empty list means "all".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from etl.units import REFORM_YEAR

LEVELS = ("province", "district", "commune", "agency")


@dataclass(frozen=True)
class Filters:
    years: tuple[int, ...] = ()
    provinces: tuple[str, ...] = ()  # today's province codes: the territory looked at, whatever the boundaries
    indicators: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    boundaries: str = "today"

    def params(self) -> dict:
        return {"years": list(self.years), "provinces": list(self.provinces),
                "indicators": list(self.indicators), "levels": list(self.levels)}


OLD_DISTRICT = "D:"  # key prefix of an old district's own figures, which no commune of today holds

# Grouping columns (fixed SQL text, chosen by name, never from input). "area" is the level under a province:
# today's communes (an old district's own figures, which no commune of today holds, stay under the old
# district's name) or, as reported, the old districts.
_PLACE = {
    ("today", "province"): ("province_code", "province_name"),
    ("reported", "province"): ("reported_province_key", "reported_province_name"),
    ("today", "area"): (f"coalesce(commune_key_today, '{OLD_DISTRICT}' || district_code)",
                        "coalesce(commune_name_today, district_name || ' (cũ, số liệu cả huyện)')"),
    ("reported", "area"): ("district_code", "district_name"),
    ("today", "unit"): ("unit_key", "unit_name"),
    ("reported", "unit"): ("unit_key", "unit_name"),
}


def place(f: Filters, group: str) -> tuple[str, str]:
    """The key and name columns that group rows by province, area or unit under the chosen boundaries."""
    return _PLACE[(f.boundaries, group)]


def _before_reform(f: Filters, group: str, *years: int) -> bool:
    """Rows are today's communes holding figures from before the reform: say what old units each holds."""
    return (f.boundaries, group) == ("today", "area") and min(years) < REFORM_YEAR


# with `LEFT JOIN commune_makeup c`: today's communes that took part of an old commune divided in 2025 are
# approximate for years before it, and every such row names the old units it holds
_MAKEUP_COLUMNS = """$before_reform AND NOT coalesce(c.exact, TRUE) AS approximate,
               CASE WHEN $before_reform THEN array_to_string(c.old_units, ', ') END AS includes"""


WHERE_UNITS = ("(len($provinces) = 0 OR list_contains($provinces, province_code)) "
               "AND (len($levels) = 0 OR list_contains($levels, unit_level))")
WHERE_FACTS = f"{WHERE_UNITS} AND (len($indicators) = 0 OR list_contains($indicators, indicator))"
WHERE_YEARS = "(len($years) = 0 OR list_contains($years, year))"


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> pd.DataFrame:
    """Run with only the parameters the statement names (DuckDB rejects unused ones)."""
    named = set(re.findall(r"\$(\w+)", sql))
    return con.execute(sql, {k: v for k, v in params.items() if k in named}).df()


def years(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [y for (y,) in con.execute("SELECT DISTINCT year FROM reports ORDER BY year").fetchall()]


def provinces(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT DISTINCT province_code, province_name FROM reports ORDER BY province_name").df()


def yearly_totals(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Per year: reporting units, activities, participants, state budget and social funds."""
    return _df(con, f"""
        WITH u AS (SELECT year, count(DISTINCT unit_key) AS units FROM reports WHERE {WHERE_UNITS} GROUP BY year),
             a AS (SELECT year, sum(events) AS events, sum(participants) AS participants
                   FROM report_facts WHERE {WHERE_FACTS} GROUP BY year),
             m AS (SELECT year, sum(state_budget_vnd) AS state_budget, sum(social_vnd) AS social
                   FROM report_funding WHERE {WHERE_UNITS} GROUP BY year)
        SELECT year, coalesce(units, 0) AS units, coalesce(events, 0)::BIGINT AS events,
               coalesce(participants, 0)::BIGINT AS participants, coalesce(state_budget, 0)::BIGINT AS state_budget,
               coalesce(social, 0)::BIGINT AS social
        FROM u FULL JOIN a USING (year) FULL JOIN m USING (year) ORDER BY year""", f.params())


def completeness_level(f: Filters, year: int) -> str:
    """The level whose reporting is counted: the one level the sidebar picks, else provinces nationwide and,
    within chosen provinces, the level below (districts before 2025, communes from 2025)."""
    picked = [v for v in f.levels if v in ("province", "district", "commune")]
    if len(picked) == 1 and not (picked[0] == "district" and year >= REFORM_YEAR):
        return picked[0]
    if not f.provinces:
        return "province"
    return "district" if year < REFORM_YEAR else "commune"


def completeness(con: duckdb.DuckDBPyConnection, f: Filters, year: int) -> tuple[int, int, str]:
    """(received, expected, level): how many of the units expected that year (official list of that year's
    map, in the chosen provinces of today) have reported, by `completeness_level`."""
    level = completeness_level(f, year)
    received, expected = con.execute("""
        SELECT coalesce(sum(received), 0), coalesce(sum(expected), 0) FROM submission_counts
        WHERE year = $year AND level = $level AND (len($provinces) = 0 OR list_contains($provinces, province_code))
        """, {"year": year, "level": level, "provinces": list(f.provinces)}).fetchall()[0]
    return int(received), int(expected), level


def by_place(con: duckdb.DuckDBPyConnection, f: Filters, year: int, group: str,
             province: str | None = None, area: str | None = None) -> pd.DataFrame:
    """Totals per province, per area (commune today or old district) of a province, or per unit of an area.

    `approximate` marks a commune of today's map whose earlier figures include parts of old communes
    divided in 2025 (counted whole in their main successor); `includes` names the old units it holds."""
    key, name = place(f, group)
    province_key, _ = place(f, "province")
    area_key, _ = place(f, "area")
    scope = f"($province IS NULL OR {province_key} = $province) AND ($area IS NULL OR {area_key} = $area)"
    params = {**f.params(), "year": year, "province": province, "area": area,
              "before_reform": _before_reform(f, group, year)}
    return _df(con, f"""
        WITH a AS (SELECT coalesce({key}, '') AS key, any_value({name}) AS name, sum(events) AS events,
                          sum(participants) AS participants
                   FROM report_facts WHERE year = $year AND {WHERE_FACTS} AND {scope} GROUP BY 1),
             m AS (SELECT coalesce({key}, '') AS key, any_value({name}) AS name,
                          sum(state_budget_vnd) AS state_budget, sum(social_vnd) AS social
                   FROM report_funding WHERE year = $year AND {WHERE_UNITS} AND {scope} GROUP BY 1),
             u AS (SELECT coalesce({key}, '') AS key, any_value({name}) AS name, count(DISTINCT unit_key) AS units
                   FROM reports WHERE year = $year AND {WHERE_UNITS} AND {scope} GROUP BY 1)
        -- key '' gathers the units outside any area (province-level agencies and reports)
        SELECT nullif(key, '') AS key, coalesce(u.name, a.name, m.name) AS name, coalesce(units, 0) AS units,
               coalesce(events, 0)::BIGINT AS events, coalesce(participants, 0)::BIGINT AS participants,
               coalesce(state_budget, 0)::BIGINT AS state_budget, coalesce(social, 0)::BIGINT AS social,
               {_MAKEUP_COLUMNS}
        FROM u FULL JOIN a USING (key) FULL JOIN m USING (key)
        LEFT JOIN commune_makeup c ON c.commune_key = key
        ORDER BY participants DESC, name""", params)


def by_indicator(con: duckdb.DuckDBPyConnection, f: Filters, year: int, province: str | None = None,
                 area: str | None = None) -> pd.DataFrame:
    """Activities and participants per indicator, in the drilled-down scope: a province, or one of its areas."""
    province_key, _ = place(f, "province")
    area_key, _ = place(f, "area")
    return _df(con, f"""
        SELECT indicator, sum(events)::BIGINT AS events, sum(participants)::BIGINT AS participants
        FROM report_facts WHERE year = $year AND {WHERE_FACTS} AND ($province IS NULL OR {province_key} = $province)
             AND ($area IS NULL OR {area_key} = $area)
        GROUP BY indicator ORDER BY participants DESC""",
               {**f.params(), "year": year, "province": province, "area": area})


def points(con: duckdb.DuckDBPyConnection, f: Filters, year: int) -> pd.DataFrame:
    """Reporting units at their own centroids (agencies at their locality's), for the map's circles."""
    return _df(con, f"""
        WITH a AS (SELECT unit_key AS key, any_value(unit_name) AS name, sum(participants)::BIGINT AS participants,
                          sum(events)::BIGINT AS events
                   FROM report_facts WHERE year = $year AND {WHERE_FACTS} GROUP BY 1)
        SELECT a.*, p.lat, p.lon FROM a JOIN unit_places p ON p.unit_key = a.key WHERE p.lat IS NOT NULL
        ORDER BY participants DESC""", {**f.params(), "year": year})


def compare(con: duckdb.DuckDBPyConnection, f: Filters, year_a: int, year_b: int, measure: str,
            group: str = "province", province: str | None = None) -> pd.DataFrame:
    """Per province (or per area of one province): the measure in both years, change, % change and rank
    change; one-year-only rows kept. Names are the later year's (a renamed unit keeps one row)."""
    source, column = ("report_facts", measure) if measure in ("events", "participants") else (
        "report_funding", {"state_budget": "state_budget_vnd", "social": "social_vnd"}[measure])
    where = WHERE_FACTS if source == "report_facts" else WHERE_UNITS
    key, name = place(f, group)
    province_key, _ = place(f, "province")
    return _df(con, f"""
        WITH v AS (
            SELECT coalesce({key}, '') AS key, max_by({name}, year) AS name,
                   sum({column}) FILTER (WHERE year = $a) AS value_a, sum({column}) FILTER (WHERE year = $b) AS value_b,
                   count(*) FILTER (WHERE year = $a) > 0 AS in_a, count(*) FILTER (WHERE year = $b) > 0 AS in_b
            FROM {source} WHERE year IN ($a, $b) AND {where} AND ($province IS NULL OR {province_key} = $province)
            GROUP BY 1)
        SELECT nullif(key, '') AS key, name, value_a::BIGINT AS value_a, value_b::BIGINT AS value_b,
               (value_b - value_a)::BIGINT AS change,
               CASE WHEN value_a > 0 THEN (value_b - value_a) / value_a END AS change_pct,
               CASE WHEN in_a THEN rank() OVER (PARTITION BY in_a ORDER BY value_a DESC) END AS rank_a,
               CASE WHEN in_b THEN rank() OVER (PARTITION BY in_b ORDER BY value_b DESC) END AS rank_b,
               in_a, in_b, {_MAKEUP_COLUMNS}
        FROM v LEFT JOIN commune_makeup c ON c.commune_key = v.key
        ORDER BY value_b DESC NULLS LAST, value_a DESC""",
               {**f.params(), "a": year_a, "b": year_b, "province": province,
                "before_reform": _before_reform(f, group, year_a, year_b)})


TABLE_ORDERS = {  # the Data page's sort choices -> ORDER BY (fixed text, never user input)
    "": "year DESC, province_name, area_name NULLS FIRST, unit_name",
    "events": "events DESC NULLS LAST, unit_name", "participants": "participants DESC NULLS LAST, unit_name",
    "state_budget": "state_budget DESC NULLS LAST, unit_name", "social": "social DESC NULLS LAST, unit_name",
}
def table(con: duckdb.DuckDBPyConnection, f: Filters, by_indicator_detail: bool, order: str = "",
          limit: int | None = None) -> pd.DataFrame:
    """The Data page: one row per year and unit with funding beside activities, or one row per
    indicator without funding (funding is not split by activity, repeating it would double it).
    Places follow the boundaries: today's province and commune, or the province and district reported.
    Sorted and cut in SQL, with `total_rows` counting them all, so the screen never loads the
    whole national table; the exports ask without a limit."""
    rows = _TABLE_DETAIL if by_indicator_detail else _TABLE_UNITS
    province, area = place(f, "province")[1], place(f, "area")[1]
    cut = "LIMIT $limit" if limit is not None else ""
    return _df(con, f"""
        SELECT *, count(*) OVER () AS total_rows FROM ({rows.format(
            years=WHERE_YEARS, facts=WHERE_FACTS, units=WHERE_UNITS, province=province, area=area)})
        ORDER BY {TABLE_ORDERS[order]} {cut}""", {**f.params(), "limit": limit,
                                                   "today": f.boundaries == "today", "reform": REFORM_YEAR})


# `approximate`: counted on today's map in the main successor of an old commune divided in 2025
_APPROXIMATE = "$today AND year < $reform AND NOT coalesce({p}commune_exact, TRUE) AS approximate"
_TABLE_DETAIL = """
    SELECT year, {province} AS province_name, {area} AS area_name, unit_name, unit_level, unit_code, indicator,
           events, participants, not_itemised, resolved, """ + _APPROXIMATE.format(p="") + """
    FROM report_facts WHERE {years} AND {facts}"""
_TABLE_UNITS = """
    WITH a AS (SELECT year, unit_key, sum(events) AS events, sum(participants) AS participants,
                      bool_or(not_itemised) AS not_itemised
               FROM report_facts WHERE {years} AND {facts} GROUP BY ALL),
         m AS (SELECT year, unit_key, sum(state_budget_vnd) AS state_budget, sum(social_vnd) AS social,
                      bool_or(not_itemised) AS not_itemised
               FROM report_funding WHERE {years} AND {units} GROUP BY ALL)
    SELECT year, {province} AS province_name, {area} AS area_name, p.unit_name, p.unit_level, p.unit_code,
           coalesce(a.events, 0)::BIGINT AS events, coalesce(a.participants, 0)::BIGINT AS participants,
           m.state_budget::BIGINT AS state_budget, m.social::BIGINT AS social,
           coalesce(a.not_itemised, FALSE) OR coalesce(m.not_itemised, FALSE) AS not_itemised, p.resolved,
           """ + _APPROXIMATE.format(p="p.") + """
    FROM a FULL JOIN m USING (year, unit_key) JOIN unit_places p USING (unit_key)"""


def year_places(con: duckdb.DuckDBPyConnection, f: Filters, year_a: int, year_b: int, group: str = "province",
                province: str | None = None) -> pd.DataFrame:
    """Per place (province, or area of one province): whether it reported in each of two years, its reporting
    units and every measure in both years, so that a comparison can keep to the places present in both.
    A place "reported" in a year when it holds a current report that year (the sidebar's levels apply;
    activities filter only the activity figures, funding is not split by activity)."""
    key, name = place(f, group)
    province_key, _ = place(f, "province")
    scope = f"year IN ($a, $b) AND ($province IS NULL OR {province_key} = $province)"
    both = ", ".join(f"sum({column}) FILTER (WHERE year = ${y}) AS {alias}_{y}"
                     for column, alias in (("events", "events"), ("participants", "participants"))
                     for y in "ab")
    money = ", ".join(f"sum({column}) FILTER (WHERE year = ${y}) AS {alias}_{y}"
                      for column, alias in (("state_budget_vnd", "state_budget"), ("social_vnd", "social"))
                      for y in "ab")
    measures = ", ".join(f"coalesce({m}_{y}, 0)::BIGINT AS {m}_{y}"
                         for m in ("events", "participants", "state_budget", "social") for y in "ab")
    return _df(con, f"""
        WITH r AS (SELECT coalesce({key}, '') AS key, max_by({name}, year) AS name,
                          count(DISTINCT unit_key) FILTER (WHERE year = $a) AS units_a,
                          count(DISTINCT unit_key) FILTER (WHERE year = $b) AS units_b
                   FROM reports WHERE {scope} AND {WHERE_UNITS} GROUP BY 1),
             a AS (SELECT coalesce({key}, '') AS key, {both} FROM report_facts WHERE {scope} AND {WHERE_FACTS}
                   GROUP BY 1),
             m AS (SELECT coalesce({key}, '') AS key, {money} FROM report_funding WHERE {scope} AND {WHERE_UNITS}
                   GROUP BY 1)
        SELECT nullif(key, '') AS key, name, units_a > 0 AS in_a, units_b > 0 AS in_b, units_a, units_b, {measures}
        FROM r LEFT JOIN a USING (key) LEFT JOIN m USING (key)
        ORDER BY participants_b DESC, participants_a DESC, name""",
               {**f.params(), "a": year_a, "b": year_b, "province": province})


def source_facts(con: duckdb.DuckDBPyConnection) -> tuple[int, object]:
    """(current reports, when the latest was loaded): the source line of the meeting outputs."""
    count, latest = con.execute("SELECT count(*), max(submitted_at) FROM reports").fetchone()
    return int(count), latest
