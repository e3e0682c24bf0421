"""What a file would change, told before it is loaded, and what changed between two versions of a report.

A preview is made from what `warehouse.load` staged for the file (then discarded), so it shows what a
load would do; its `plan` is what a confirmation must find again before it loads (see
`etl.ingest.confirm_uploads`). The same `differences` compare a staged report with its current
version and, on the history page, any two stored versions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import duckdb

from etl.errors import Issue
from etl.resolve import Report
from etl.understood import SheetReading
from warehouse.load import Staged

FUNDING_ITEMS = ("state_budget", "social")  # in đồng, as report_funding holds them
STATED_TOTAL = "total"  # the funding total written on the form, kept beside its parts for checks


@dataclass(frozen=True)
class Figures:
    """A report's figures as the warehouse keeps them: indicators held (events, participants), the funding
    (state budget, social) in đồng or None when the report states none, and the funding total as written,
    or None. The total is compared too: a resubmission that only corrects it is still a new version."""

    facts: Mapping[str, tuple[int, int]]
    funding: tuple[int, int] | None
    total: int | None = None

    @classmethod
    def of(cls, report: Report) -> Figures:
        """What loading the report writes (see Report.kept_facts and Report.stated_funding)."""
        return cls(report.kept_facts, report.stated_funding, report.funding.get(STATED_TOTAL))

    @property
    def events(self) -> int:
        return sum(e for e, _ in self.facts.values())

    @property
    def participants(self) -> int:
        return sum(p for _, p in self.facts.values())

    def value(self, item: str, measure: str) -> int | None:
        """One figure: (indicator, 'events' | 'participants') or (funding item or STATED_TOTAL, 'vnd'); None
        for funding not stated. An indicator not held counts 0, as a blank cell does."""
        if item == STATED_TOTAL:
            return self.total
        if measure == "vnd":
            return None if self.funding is None else self.funding[FUNDING_ITEMS.index(item)]
        return self.facts.get(item, (0, 0))[0 if measure == "events" else 1]


@dataclass(frozen=True)
class Difference:
    item: str  # an indicator, 'state_budget' / 'social', or STATED_TOTAL
    measure: str  # events | participants | vnd
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """after - before; None when either side states no funding."""
        return None if self.before is None or self.after is None else self.after - self.before


def differences(before: Figures, after: Figures, indicators: Iterable[str]) -> list[Difference]:
    """Every figure that differs, indicators in the order given (then any other), funding and its stated
    total last."""
    held = before.facts.keys() | after.facts.keys()
    ordered = [i for i in indicators if i in held] + sorted(held.difference(indicators))
    pairs = [(i, m) for i in ordered for m in ("events", "participants")] + [
        (f, "vnd") for f in (*FUNDING_ITEMS, STATED_TOTAL)]
    found = (Difference(item, measure, before.value(item, measure), after.value(item, measure))
             for item, measure in pairs)
    return [d for d in found if d.before != d.after]


@dataclass(frozen=True)
class ReportPreview:
    """One report of a previewed file: where it lands, its figures, and what it does to the current version."""

    year: int
    unit_key: str
    unit_name: str
    reported_name: str
    province_code: str
    resolved: bool
    sheet: str
    change: str  # new | replaced | unchanged
    figures: Figures
    current: Figures | None  # the current version it replaces or equals; None for a new report


@dataclass(frozen=True)
class FilePreview:
    name: str
    sha256: str
    status: str  # loaded | replaced | unchanged | rejected, as a load would end
    reports: list[ReportPreview] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    plan: tuple = ()  # what a confirmation must stage again before it loads (see plan_of)
    readings: list[SheetReading] = field(default_factory=list)  # what was understood of each table read


def plan_of(staged: Staged) -> tuple:
    """The decisions that make a load what it is: the file's outcome and, per report, its unit, year,
    figures and the version it replaces. Equal plans load equal rows."""
    reports = tuple((p.report.year, p.report.unit.key, p.report.figures_sha, p.change, p.previous)
                    for p in staged.planned)
    return staged.outcome.status, reports, tuple(staged.outcome.errors)


def preview(name: str, sha256: str, staged: Staged, current: Mapping[int, Figures]) -> FilePreview:
    """The preview of a staged file; `current` holds the figures of the versions it meets, by submission_id."""
    reports = [ReportPreview(p.report.year, p.report.unit.key, p.report.unit.name, p.report.reported_name,
                             p.report.unit.province_code_2025, p.report.unit.resolved, p.report.sheet, p.change,
                             Figures.of(p.report), None if p.previous is None else current[p.previous])
               for p in staged.planned]
    outcome = staged.outcome
    return FilePreview(name, sha256, outcome.status, reports, list(outcome.errors), list(outcome.warnings),
                       plan_of(staged), list(outcome.readings))


def stored_figures(con: duckdb.DuckDBPyConnection, submission_ids: Iterable[int]) -> dict[int, Figures]:
    """The figures of stored versions: activities from the view report_version_facts, funding from the tables
    (report_versions would first add up the facts of every version in the warehouse)."""
    ids = sorted(set(submission_ids))
    if not ids:
        return {}
    facts: dict[int, dict[str, tuple[int, int]]] = {i: {} for i in ids}
    for sid, indicator, events, participants in con.execute(
            "SELECT submission_id, indicator, events, participants FROM report_version_facts "
            "WHERE list_contains($1, submission_id)", [ids]).fetchall():
        facts[sid][indicator] = (events, participants)
    funding = {sid: (None if state is None else (state, social), total) for sid, state, social, total in con.execute(
        "SELECT s.submission_id, g.state_budget_vnd, g.social_vnd, s.funding_total_vnd FROM submissions s "
        "LEFT JOIN funding g ON g.submission_id = s.submission_id "
        "WHERE list_contains($1, s.submission_id)", [ids]).fetchall()}
    return {sid: Figures(facts[sid], *funding.get(sid, (None, None))) for sid in ids}
