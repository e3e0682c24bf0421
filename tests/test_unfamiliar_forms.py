"""Unfamiliar returned forms (tests/unfamiliar/): each is written at test time, ingested alone into a fresh
warehouse, and the numbers a user would see are compared with the ones a careful officer read by hand."""

from __future__ import annotations

import pytest
from unfamiliar.expect import Loaded, Rejected, U
from unfamiliar.forms import FORMS

FACT_AND_FUNDING_UNITS = """
    SELECT unit_key, unit_name, district_name FROM report_facts WHERE events <> 0 OR participants <> 0
    UNION SELECT unit_key, unit_name, district_name FROM report_funding WHERE state_budget_vnd <> 0 OR social_vnd <> 0
"""


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_unfamiliar_form(form, tmp_path, ingest, sql):
    path = form.write(tmp_path / "forms")
    result = ingest(str(path))[path.name]
    if isinstance(form.expect, Rejected):
        assert result.status == "rejected", f"loaded {_loaded(sql)}"
        assert any(form.expect.word.lower() in e.message.lower() for e in result.errors), result.errors
        assert sql("SELECT count(*) FROM report_facts") == [(0,)]
        return
    expect: Loaded = form.expect
    if result.status == "rejected" and expect.or_rejected:
        return
    assert result.status == "loaded", [str(e) for e in result.errors]
    assert _duplicates(sql) == []
    assert sorted(_loaded_units(sql, expect)) == sorted(_label(u) for u in expect.units)
    for unit in expect.units:
        assert (_facts(sql, unit, expect.year), _money(sql, unit, expect.year)) == (unit.facts, unit.money), unit.name
    assert _province_totals(sql) == {expect.province: expect.totals()}
    for numbers in expect.warnings:
        assert any(all(_names(w.message, n) for n in numbers) for w in result.warnings), (
            numbers, [w.message for w in result.warnings])


def _label(unit: U) -> str:
    return f"{unit.name} ({unit.district})" if unit.district else unit.name


def _loaded_units(sql, expect: Loaded) -> list[str]:
    """Every unit with a figure, labelled like the spec (with its district where the spec names one)."""
    placed = {u.name for u in expect.units if u.district}
    rows = sql(f"SELECT DISTINCT unit_key, unit_name, district_name FROM ({FACT_AND_FUNDING_UNITS})")
    return [f"{name} ({district})" if name in placed else name for _, name, district in rows]


def _loaded(sql) -> list:
    return sql(f"SELECT unit_name FROM ({FACT_AND_FUNDING_UNITS})")


def _where(unit: U, year: int) -> tuple[str, list]:
    clause, params = "unit_name = ? AND year = ?", [unit.name, year]
    if unit.district:
        clause, params = clause + " AND district_name = ?", [*params, unit.district]
    return clause, params


def _facts(sql, unit: U, year: int) -> dict[str, tuple[int, int]]:
    where, params = _where(unit, year)
    rows = sql(f"SELECT indicator, sum(events), sum(participants) FROM report_facts WHERE {where} GROUP BY 1",
               params)
    return {indicator: (int(e), int(p)) for indicator, e, p in rows if e or p}


def _money(sql, unit: U, year: int) -> tuple[int, int]:
    where, params = _where(unit, year)
    [(state, social)] = sql(f"SELECT sum(state_budget_vnd), sum(social_vnd) FROM report_funding WHERE {where}",
                            params)
    return int(state or 0), int(social or 0)


def _province_totals(sql) -> dict[str, tuple[int, int, int, int]]:
    facts = dict((p, (int(e), int(n))) for p, e, n in sql(
        "SELECT province_code, sum(events), sum(participants) FROM report_facts GROUP BY 1"))
    money = dict((p, (int(s), int(o))) for p, s, o in sql(
        "SELECT province_code, sum(state_budget_vnd), sum(social_vnd) FROM report_funding GROUP BY 1"))
    return {p: facts.get(p, (0, 0)) + money.get(p, (0, 0)) for p in facts.keys() | money.keys()}


def _duplicates(sql) -> list:
    """No unit twice: one row per year, unit and indicator in the facts, per year and unit in the funding."""
    return sql("""SELECT unit_key, indicator, count(*) FROM report_facts GROUP BY year, unit_key, indicator
                  HAVING count(*) > 1
                  UNION ALL SELECT unit_key, NULL, count(*) FROM report_funding GROUP BY year, unit_key
                  HAVING count(*) > 1""")


def _names(message: str, number: int) -> bool:
    """A warning names a number written either way an officer reads it: 2.450 or 2450."""
    return f"{number:,}".replace(",", ".") in message or str(number) in message
