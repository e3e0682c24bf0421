"""Compare what the warehouse shows after ingesting one form with what the form's spec says a careful officer
reads: shared by the test (which asserts there is no difference) and by `status` (which writes STATUS.md)."""

from __future__ import annotations

from collections.abc import Callable

from .expect import Form, Loaded, Rejected, U

Query = Callable[..., list[tuple]]  # (sql, params) -> rows, on the warehouse the form was loaded into

_UNITS_WITH_FIGURES = """
    SELECT unit_key, unit_name, district_name FROM report_facts WHERE events <> 0 OR participants <> 0
    UNION SELECT unit_key, unit_name, district_name FROM report_funding WHERE state_budget_vnd <> 0 OR social_vnd <> 0
"""


def differences(form: Form, result, sql: Query) -> list[str]:
    """Every way the load differs from the spec, in words; empty when the form was read right.
    `result` is the file's etl.ingest.FileResult."""
    if isinstance(form.expect, Rejected):
        if result.status != "rejected":
            return [f"loaded ({result.status}), should be rejected: units {sorted(_units(sql, ()))}"]
        if not any(form.expect.word.lower() in e.message.lower() for e in result.errors):
            return [f"rejected without '{form.expect.word}': {[e.message for e in result.errors]}"]
        return []
    expect: Loaded = form.expect
    if result.status == "rejected":
        return [] if expect.or_rejected else [f"rejected: {'; '.join(str(e) for e in result.errors)}"]
    found = []
    if result.status != "loaded":
        found.append(f"status {result.status}")
    if duplicates := _duplicates(sql):
        found.append(f"units twice: {duplicates}")
    if negative := _negative(sql):
        found.append(f"negative figures: {negative}")
    loaded, wanted = sorted(_units(sql, expect.units)), sorted(_label(u).lower() for u in expect.units)
    if loaded != wanted:
        found.append(f"units {_diff(loaded, wanted)}")
    chosen: set[str] = set()
    for unit in expect.units:
        facts, money = _facts(sql, unit, expect.year, chosen), _money(sql, unit, expect.year)
        if facts != unit.facts:
            found.append(f"{_label(unit)}: facts {facts} ≠ {unit.facts}")
        if money != unit.money:
            found.append(f"{_label(unit)}: funding {money} ≠ {unit.money}")
    if len(chosen) > 1:
        found.append(f"one column read as several activities: {sorted(chosen)}")
    if (totals := _province_totals(sql)) != {expect.province: expect.totals()}:
        found.append(f"province totals {totals} ≠ {{{expect.province!r}: {expect.totals()}}}")
    for numbers in expect.warnings:
        if not any(all(_names(w.message, n) for n in numbers) for w in result.warnings):
            found.append(f"no warning naming {numbers}")
    return found


def _label(unit: U) -> str:
    return f"{unit.name} ({unit.district})" if unit.district else unit.name


def _diff(loaded: list[str], wanted: list[str]) -> str:
    extra = [u for u in loaded if u not in wanted]
    missing = [u for u in wanted if u not in loaded]
    return f"extra {extra}, missing {missing}" if extra or missing else f"{loaded} ≠ {wanted}"


def _units(sql: Query, spec: tuple[U, ...]) -> list[str]:
    """Every unit with a figure, labelled like the spec (with its district where the spec names one), in
    lower case: an agency's name may keep its letterhead's capitals ('TRƯỜNG THCS …')."""
    placed = {u.name.lower() for u in spec if u.district}
    rows = sql(f"SELECT DISTINCT unit_key, lower(unit_name), district_name FROM ({_UNITS_WITH_FIGURES})")
    return [f"{name} ({(district or '').lower()})" if name in placed else name for _, name, district in rows]


def _where(unit: U, year: int) -> tuple[str, list]:
    clause, params = "lower(unit_name) = lower(?) AND year = ?", [unit.name, year]
    if unit.district:
        clause, params = clause + " AND district_name = ?", [*params, unit.district]
    return clause, params


def _facts(sql: Query, unit: U, year: int, chosen: set[str]) -> dict[str, tuple[int, int]]:
    """The unit's figures by indicator; where the spec accepts either of two indicators ("a|b"), the figures of
    whichever was used are filed under that key, and the indicator used is added to `chosen`."""
    where, params = _where(unit, year)
    rows = sql(f"SELECT indicator, sum(events), sum(participants) FROM report_facts WHERE {where} GROUP BY 1",
               params)
    either = {alternative: key for key in unit.facts if "|" in key for alternative in key.split("|")}
    facts: dict[str, tuple[int, int]] = {}
    for indicator, events, participants in rows:
        if events or participants:
            if indicator in either:
                chosen.add(indicator)
            key = either.get(indicator, indicator)
            before = facts.get(key, (0, 0))
            facts[key] = (before[0] + int(events), before[1] + int(participants))
    return facts


def _money(sql: Query, unit: U, year: int) -> tuple[int, int]:
    where, params = _where(unit, year)
    [(state, social)] = sql(f"SELECT sum(state_budget_vnd), sum(social_vnd) FROM report_funding WHERE {where}",
                            params)
    return int(state or 0), int(social or 0)


def _province_totals(sql: Query) -> dict[str, tuple[int, int, int, int]]:
    facts = {p: (int(e), int(n)) for p, e, n in sql(
        "SELECT province_code, sum(events), sum(participants) FROM report_facts GROUP BY 1")}
    money = {p: (int(s), int(o)) for p, s, o in sql(
        "SELECT province_code, sum(state_budget_vnd), sum(social_vnd) FROM report_funding GROUP BY 1")}
    return {p: facts.get(p, (0, 0)) + money.get(p, (0, 0)) for p in facts.keys() | money.keys()}


def _duplicates(sql: Query) -> list:
    """No unit twice: one row per year, unit and indicator in the facts, per year and unit in the funding."""
    return sql("""SELECT unit_key, indicator, count(*) FROM report_facts GROUP BY year, unit_key, indicator
                  HAVING count(*) > 1
                  UNION ALL SELECT unit_key, NULL, count(*) FROM report_funding GROUP BY year, unit_key
                  HAVING count(*) > 1""")


def _negative(sql: Query) -> list:
    """No view ever shows a negative figure (a district's remainder after its communes included)."""
    return sql("""SELECT unit_name, indicator, events, participants FROM report_facts
                  WHERE events < 0 OR participants < 0
                  UNION ALL SELECT unit_name, NULL, state_budget_vnd, social_vnd FROM report_funding
                  WHERE state_budget_vnd < 0 OR social_vnd < 0""")


def _names(message: str, number: int) -> bool:
    """A warning names a number written either way an officer reads it: 2.450 or 2450."""
    return f"{number:,}".replace(",", ".") in message or str(number) in message
