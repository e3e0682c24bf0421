"""Data quality: the thresholds (data/quality_rules.csv) and the reads behind the "Chất lượng dữ liệu" page.

The checks themselves are views (warehouse/sql/quality.sql), so an analyst opening the warehouse sees the same
findings as the page. Views cannot read a file whose path they do not know, so `sync` copies the rules
and the indicator labels into the warehouse each time the ETL opens it: an officer's edit of the CSV
applies from the next ingest, like a line added to data/unit_aliases.csv.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd

from etl.copies import replace_rows
from etl.headers import INDICATORS
from etl.template import indicator_labels
from etl.values import ValueProblem, parse_number

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_RULES = DATA_DIR / "quality_rules.csv"
THRESHOLDS = {  # (rule, setting) -> the smallest value that still means something
    ("outlier_history", "min_years"): 1, ("outlier_history", "ratio"): 1,
    ("outlier_peers", "min_units"): 3, ("outlier_peers", "robust_z"): 0, ("outlier_peers", "min_ratio"): 1,
}
FLAG_RULE = "events_without_participants"  # one row per indicator: 1 checks it, 0 does not

FINDINGS_SQL = """
SELECT f.year, f.province_code, f.province_name, f.unit_name, f.unit_level, f.rule, n.label AS rule_label,
       f.message, f.value, f.file_name, f.sha256, f.sheet, f.cell
FROM quality_findings f JOIN quality_rule_names n USING (rule)
ORDER BY f.year DESC, f.province_name, f.unit_name, n.position, f.sheet, f.cell"""
RULE_NAMES_SQL = "SELECT rule, label, explanation FROM quality_rule_names ORDER BY position"


class RulesError(ValueError):
    """The rules file cannot be used; the message names the line, in Vietnamese."""


def load_rules(path: Path = DEFAULT_RULES) -> list[tuple[str, str, float]]:
    """(rule, setting, value) rows of the rules file, checked: every threshold present, sensible and numeric."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    problems, rules = [], {}
    for line, row in enumerate(rows, start=2):
        rule, setting = (row.get("rule") or "").strip(), (row.get("setting") or "").strip()
        try:
            rules[(rule, setting)] = _value(rule, setting, (row.get("value") or "").strip())
        except RulesError as problem:
            problems.append(f"dòng {line}: {problem}")
    problems += [f"thiếu dòng {rule},{setting}" for rule, setting in THRESHOLDS if (rule, setting) not in rules]
    if problems:
        raise RulesError(f"{path.name}: " + "; ".join(problems))
    return [(rule, setting, value) for (rule, setting), value in sorted(rules.items())]


def _value(rule: str, setting: str, raw: str) -> float:
    """The value of one line of the rules file; RulesError says why it cannot be used."""
    if (rule, setting) not in THRESHOLDS and not (rule == FLAG_RULE and setting in INDICATORS):
        raise RulesError(f"không có quy tắc '{rule}' với tham số '{setting}'")
    try:
        value = parse_number(raw) if raw else None
    except ValueProblem:
        value = None
    if value is None:
        raise RulesError(f"giá trị '{raw}' không phải là số")
    if rule == FLAG_RULE and value not in (0, 1):
        raise RulesError(f"giá trị của {setting} phải là 1 (kiểm tra) hoặc 0 (không kiểm tra), đang ghi '{raw}'")
    if rule != FLAG_RULE and value < THRESHOLDS[(rule, setting)]:
        raise RulesError(f"{rule}.{setting} phải từ {THRESHOLDS[(rule, setting)]} trở lên, đang ghi '{raw}'")
    return value


def sync(con: duckdb.DuckDBPyConnection, rules_path: Path = DEFAULT_RULES) -> str | None:
    """Copy the rules and the indicator labels into the warehouse (warehouse/sql/quality.sql made the tables),
    writing only when they changed. A broken rules file must not stop a day's loading: the warehouse
    keeps its previous rules and the reason is returned, for whoever opened the warehouse to show."""
    replace_rows(con, "indicator_labels", sorted(dict(indicator_labels()).items()))
    try:
        rules = load_rules(rules_path)
    except (RulesError, OSError) as exc:
        return str(exc)
    replace_rows(con, "quality_rules", rules)
    return None


def findings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every finding with its rule's label, newest year first."""
    return con.execute(FINDINGS_SQL).df()


def rule_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(RULE_NAMES_SQL).df()
