"""Province totals under the warehouse's rule, computed from the manifest's current reports.

Rule: a territory's figure is its own territorial report where one exists, otherwise the sum of
what lies inside it (child territories, agencies attached to it, unresolvable names kept under
the province). Totals rows are not reports, rejected files give none, replaced versions are not
current, duplicates add nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

METRICS = ("events", "participants", "state_budget_vnd", "social_vnd")
Key = tuple[str, str]  # (level, code)


@dataclass
class _Node:
    own: dict | None = None
    inside: list[dict] = field(default_factory=list)
    children: set[Key] = field(default_factory=set)


def metrics(report: dict) -> dict[str, int]:
    """The four additive measures of one report."""
    facts = report["facts"].values()
    return {"events": sum(f["events"] for f in facts), "participants": sum(f["participants"] for f in facts),
            "state_budget_vnd": report["state_budget_vnd"], "social_vnd": report["social_vnd"]}


def _chain(report: dict) -> tuple[list[Key], bool]:
    """Territory keys from the province down to where the report sits, and whether it is the node's own report."""
    province = ("province", report["province_code"])
    if report["unit_code"] and report["level"] in ("district", "commune", "province"):
        level, code = report["level"], report["unit_code"]
        own = True
    else:
        level, code = report["parent_level"] or "province", report["parent_code"] or report["province_code"]
        own = False
    chain = [province]
    if report["district_code"] and level != "province":
        chain.append(("district", report["district_code"]))
    if level == "commune":
        chain.append(("commune", code))
    return chain, own


def _figure(nodes: dict[Key, _Node], key: Key) -> dict[str, int]:
    node = nodes[key]
    if node.own is not None:
        return metrics(node.own)
    total = dict.fromkeys(METRICS, 0)
    for part in [_figure(nodes, child) for child in node.children] + [metrics(r) for r in node.inside]:
        for m in METRICS:
            total[m] += part[m]
    return total


def _trees(reports: list[dict]) -> dict[int, dict[Key, _Node]]:
    trees: dict[int, dict[Key, _Node]] = defaultdict(lambda: defaultdict(_Node))
    for report in reports:
        if not report["current"]:
            continue
        nodes = trees[report["year"]]
        chain, own = _chain(report)
        for parent, child in zip(chain, chain[1:], strict=False):
            nodes[parent].children.add(child)
        if own:
            if nodes[chain[-1]].own is not None:
                raise ValueError(f"two current reports for {chain[-1]} in {report['year']}")
            nodes[chain[-1]].own = report
        else:
            nodes[chain[-1]].inside.append(report)
    return trees


def compute_totals(reports: list[dict]) -> tuple[list[dict], list[dict]]:
    """(totals per year and 2025 province, totals per year and province in force that year)."""
    new_of = {(r["year"], r["province_code"]): r["province_code_2025"] for r in reports}
    by_2025: dict[tuple[int, str], dict[str, int]] = {}
    by_old = []
    for year, nodes in sorted(_trees(reports).items()):
        for key in sorted(k for k in nodes if k[0] == "province"):
            figure = _figure(nodes, key)
            code_2025 = new_of[(year, key[1])]
            by_old.append({"year": year, "province_code": key[1], "province_code_2025": code_2025, **figure})
            bucket = by_2025.setdefault((year, code_2025), dict.fromkeys(METRICS, 0))
            for m in METRICS:
                bucket[m] += figure[m]
    totals = [{"year": y, "province_code_2025": p, **v} for (y, p), v in sorted(by_2025.items())]
    return totals, by_old
