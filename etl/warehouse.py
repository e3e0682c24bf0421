"""Step 7, load: the DuckDB warehouse, one transaction per file.

A rejected file leaves the data exactly as it was (only its ingest record and archived bytes are
written). A unit's report for a year has one current version; a later different one replaces it
and the earlier stays in history; identical figures or identical bytes add nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from etl.errors import Issue
from etl.pipeline import ParsedFile
from etl.resolve import Report
from etl.units import Unit, UnitIndex

SQL_DIR = Path(__file__).resolve().parent / "sql"
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "warehouse.duckdb"
UNIT_COLUMNS = ("unit_key", "map", "level", "code", "name", "parent_key", "district_key",
                "province_code_2025", "resolved", "lat", "lon")


@dataclass
class Outcome:
    status: str  # loaded | replaced | unchanged | rejected
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    reports: int = 0


class Warehouse:
    """The warehouse file. Single writer: ids are allocated here, not by sequences."""

    def __init__(self, path: Path | str = DEFAULT_DB, index: UnitIndex | None = None):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(path))
        self.con.execute((SQL_DIR / "schema.sql").read_text())
        self.con.execute((SQL_DIR / "views.sql").read_text())
        if index is not None and not self.con.execute("SELECT count(*) FROM units").fetchone()[0]:
            self._load_units(index)
        self._next_ingest = self._max("ingests", "ingest_id") + 1
        self._next_submission = self._max("submissions", "submission_id") + 1

    def close(self) -> None:
        self.con.close()

    def _max(self, table: str, column: str) -> int:
        return self.con.execute(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchone()[0]  # noqa: S608

    def _load_units(self, index: UnitIndex) -> None:
        units = list(index.units.values())
        provinces = sorted({(u.code, u.name) for u in units if u.map == "2025" and u.level == "province"})
        self.con.execute("BEGIN")
        self._insert_units(units, index.units)
        self.con.executemany("INSERT INTO provinces_2025 VALUES (?, ?)", provinces)
        self.con.execute("COMMIT")

    def _insert_units(self, units: list[Unit], known: dict[str, Unit]) -> None:
        """Units and their ancestor rows, as column lists in one statement each (fast for 14,000 units)."""
        rows = [_unit_row(u, known) for u in units]
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in UNIT_COLUMNS]
        selects = ", ".join(f"unnest(${i + 1})" for i in range(len(UNIT_COLUMNS)))
        self.con.execute(f"INSERT INTO units SELECT {selects} ON CONFLICT DO NOTHING", [list(c) for c in columns])
        ancestors = [(u.key, a, d) for u in units for d, a in enumerate(_ancestors(u, known), start=1)]
        if ancestors:
            self.con.execute("INSERT INTO unit_ancestors SELECT unnest($1), unnest($2), unnest($3)",
                             [list(c) for c in zip(*ancestors, strict=True)])

    def is_archived_ok(self, sha256: str) -> bool:
        """Were these exact bytes already ingested successfully?"""
        return self.con.execute("SELECT count(*) FROM ingests WHERE sha256 = ? AND status <> 'rejected'",
                                [sha256]).fetchone()[0] > 0

    def record_unchanged(self, sha256: str, path: str) -> Outcome:
        self.con.execute("BEGIN")
        self._ingest_row(sha256, path, "unchanged", [], [], {})
        self.con.execute("COMMIT")
        return Outcome("unchanged")

    def reject(self, sha256: str, path: str, data: bytes, errors: list[Issue], warnings: list[Issue]) -> Outcome:
        self.con.execute("BEGIN")
        self._archive(sha256, path, data)
        self._ingest_row(sha256, path, "rejected", errors, warnings, {})
        self.con.execute("COMMIT")
        return Outcome("rejected", errors, warnings)

    def load(self, sha256: str, path: str, data: bytes, parsed: ParsedFile, known: dict[str, Unit]) -> Outcome:
        """Load one parsed file atomically; any failure rolls the whole file back."""
        self.con.execute("BEGIN")
        try:
            outcome = self._load(sha256, path, data, parsed, known)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return outcome

    def _load(self, sha256: str, path: str, data: bytes, parsed: ParsedFile, known: dict[str, Unit]) -> Outcome:
        self._archive(sha256, path, data)
        new_units = {r.unit.key: r.unit for r in parsed.reports if r.unit.key not in known}
        if new_units:
            self._insert_units(list(new_units.values()), {**known, **new_units})
        current = self._current_figures([(r.year, r.unit.key) for r in parsed.reports])
        changed = [r for r in parsed.reports if current.get((r.year, r.unit.key), (None,))[1:] != _figures(r)]
        replaced = [current[(r.year, r.unit.key)][0] for r in changed if (r.year, r.unit.key) in current]
        ingest_id = self._ingest_row(sha256, path, "replaced" if replaced else "loaded" if changed else "unchanged",
                                     [], parsed.warnings, parsed.layouts)
        if replaced:
            self.con.execute("UPDATE submissions SET is_current = FALSE WHERE submission_id IN "
                             "(SELECT unnest($1))", [replaced])
        self._insert_reports(changed, ingest_id, sha256)
        status = "replaced" if replaced else "loaded" if changed else "unchanged"
        return Outcome(status, [], parsed.warnings, len(changed))

    def _current_figures(self, keys: list[tuple[int, str]]) -> dict[tuple[int, str], tuple]:
        """(year, unit_key) -> (submission_id, facts, funding) of the current versions."""
        if not keys:
            return {}
        years, units = [list(c) for c in zip(*keys, strict=True)]
        rows = self.con.execute("""
            SELECT s.year, s.unit_key, s.submission_id,
                   (SELECT list((f.indicator, f.events, f.participants) ORDER BY f.indicator)
                      FROM facts f WHERE f.submission_id = s.submission_id),
                   (SELECT first((g.state_budget_vnd, g.social_vnd)) FROM funding g
                      WHERE g.submission_id = s.submission_id),
                   s.funding_total_vnd
            FROM submissions s
            JOIN (SELECT unnest($1) AS year, unnest($2) AS unit_key) k USING (year, unit_key)
            WHERE s.is_current""", [years, units]).fetchall()
        return {(y, u): (sid, _facts_tuple(facts), _funding_tuple(fund), total)
                for y, u, sid, facts, fund, total in rows}

    def _insert_reports(self, reports: list[Report], ingest_id: int, sha256: str) -> None:
        if not reports:
            return
        now = datetime.now()
        ids = list(range(self._next_submission, self._next_submission + len(reports)))
        self._next_submission += len(reports)
        self.con.execute("""INSERT INTO submissions SELECT unnest($1), $2, $3, unnest($4), unnest($5), unnest($6),
            unnest($7), unnest($8), unnest($9), TRUE, $10""", [
            ids, ingest_id, sha256, [r.year for r in reports], [r.unit.key for r in reports],
            [r.reported_name for r in reports], [r.sheet for r in reports],
            [None if r.row is None else r.row + 1 for r in reports], [r.funding.get("total") for r in reports], now])
        facts = [(i, ind, ev, pa) for i, r in zip(ids, reports, strict=True) for ind, (ev, pa) in r.facts.items()
                 if ev or pa]  # zeros are implied: every report states all activities
        if facts:
            self.con.execute("INSERT INTO facts SELECT unnest($1), unnest($2), unnest($3), unnest($4)",
                             [list(c) for c in zip(*facts, strict=True)])
        funding = [(i, *_funding_tuple_of(r)) for i, r in zip(ids, reports, strict=True) if _has_split(r)]
        if funding:
            self.con.execute("INSERT INTO funding SELECT unnest($1), unnest($2), unnest($3)",
                             [list(c) for c in zip(*funding, strict=True)])

    def _archive(self, sha256: str, path: str, data: bytes) -> None:
        self.con.execute("INSERT INTO source_files VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         [sha256, Path(path).name, len(data), data, datetime.now()])

    def _ingest_row(self, sha256: str, path: str, status: str, errors: list[Issue], warnings: list[Issue],
                    layouts: dict) -> int:
        ingest_id = self._next_ingest
        self._next_ingest += 1
        self.con.execute("INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            ingest_id, sha256, path, datetime.now(), status, json.dumps([e.as_dict() for e in errors]),
            json.dumps([w.as_dict() for w in warnings], ensure_ascii=False), json.dumps(layouts)])
        return ingest_id

    def apply_aliases(self, index: UnitIndex) -> list[tuple[str, str]]:
        """Re-resolve units kept unresolved, now that aliases may name them; returns (old, new) keys."""
        rows = self.con.execute("SELECT unit_key, name, parent_key FROM units WHERE NOT resolved").fetchall()
        moved = []
        for unit_key, name, parent_key in rows:
            parent = index.units.get(parent_key)
            found = index.find(name, parent) if parent else []
            if len(found) == 1:
                moved.append((unit_key, found[0].key))
        if moved:
            self.con.execute("BEGIN")
            for old, new in moved:
                self._move_reports(old, new)
            self.con.execute("COMMIT")
        return moved

    def _move_reports(self, old: str, new: str) -> None:
        """Reattach an unresolved unit's reports; where both have a current report, the later one wins."""
        self.con.execute("UPDATE submissions SET unit_key = ? WHERE unit_key = ?", [new, old])
        self.con.execute("""
            UPDATE submissions s SET is_current = FALSE
            FROM (SELECT year, max(submission_id) AS keep FROM submissions
                  WHERE unit_key = ? AND is_current GROUP BY year) k
            WHERE s.unit_key = ? AND s.is_current AND s.year = k.year AND s.submission_id <> k.keep""", [new, new])
        self.con.execute("DELETE FROM unit_ancestors WHERE unit_key = ?", [old])
        self.con.execute("DELETE FROM units WHERE unit_key = ?", [old])

    def version(self) -> int:
        """Changes whenever anything is ingested; the app keys its caches on it."""
        return self._next_ingest - 1


def _unit_row(unit: Unit, known: dict[str, Unit]) -> tuple:
    district = next((k for k in [unit.key, *_ancestors(unit, known)] if known.get(k) and known[k].level == "district"),
                    None)
    return (unit.key, unit.map, unit.level, unit.code, unit.name, unit.parent_key, district,
            unit.province_code_2025, unit.resolved, unit.lat, unit.lon)


def _ancestors(unit: Unit, known: dict[str, Unit]) -> list[str]:
    chain, parent = [], unit.parent_key
    while parent:
        chain.append(parent)
        parent = known[parent].parent_key if parent in known else None
    return chain


def _facts_tuple(facts: list | None) -> tuple:
    return tuple(sorted((f[0], int(f[1]), int(f[2])) for f in facts or []))


def _funding_tuple(funding: tuple | None) -> tuple | None:
    return (int(funding[0]), int(funding[1])) if funding else None


def _has_split(report: Report) -> bool:
    return bool(report.funding.keys() & {"state_budget", "social"})


def _funding_tuple_of(report: Report) -> tuple[int, int]:
    return report.funding.get("state_budget", 0), report.funding.get("social", 0)


def _figures(report: Report) -> tuple:
    facts = _facts_tuple([(k, v[0], v[1]) for k, v in report.facts.items() if v[0] or v[1]])
    return facts, (_funding_tuple_of(report) if _has_split(report) else None), report.funding.get("total")
