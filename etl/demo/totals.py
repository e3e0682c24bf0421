"""Province totals under the warehouse's rule, computed from the manifest's current reports.

Rule: a territory's figure is its own territorial report where one exists, otherwise the sum of
what lies inside it (child territories, agencies attached to it, unresolvable names kept under
the province). Where both exist, what lies inside is counted, and the own report adds, figure by figure (an
activity's count or participants, a funding source), what the nearest reports inside it do not itemise: never
a negative remainder. Totals rows are not reports, rejected files give none, replaced versions are not
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


def _figures(report: dict) -> dict[tuple[str, str], int]:
    """One report's figures one by one: (measure, activity) and (funding source, '')."""
    figures = {(m, indicator): f[m] for indicator, f in report["facts"].items() for m in ("events", "participants")}
    return figures | {("state_budget_vnd", ""): report["state_budget_vnd"], ("social_vnd", ""): report["social_vnd"]}


def _collapse(figures: dict[tuple[str, str], int]) -> dict[str, int]:
    total = dict.fromkeys(METRICS, 0)
    for (measure, _), value in figures.items():
        total[measure] += value
    return total


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


def _figure(nodes: dict[Key, _Node], key: Key) -> dict[tuple[str, str], int]:
    node = nodes[key]
    inside = _added([_figure(nodes, child) for child in node.children] + [_figures(r) for r in node.inside])
    if node.own is None:
        return inside
    itemised = _added([_nearest(nodes, child) for child in node.children] + [_figures(r) for r in node.inside])
    remainder = {figure: max(value - itemised.get(figure, 0), 0) for figure, value in _figures(node.own).items()}
    return _added([inside, remainder])


def _nearest(nodes: dict[Key, _Node], key: Key) -> dict[tuple[str, str], int]:
    """The figures of the reports nearest below a territory, as written: what its own report itemises."""
    node = nodes[key]
    if node.own is not None:
        return _figures(node.own)
    return _added([_nearest(nodes, child) for child in node.children] + [_figures(r) for r in node.inside])


def _added(parts: list[dict[tuple[str, str], int]]) -> dict[tuple[str, str], int]:
    total: dict[tuple[str, str], int] = {}
    for part in parts:
        for figure, value in part.items():
            total[figure] = total.get(figure, 0) + value
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
            figure = _collapse(_figure(nodes, key))
            code_2025 = new_of[(year, key[1])]
            by_old.append({"year": year, "province_code": key[1], "province_code_2025": code_2025, **figure})
            bucket = by_2025.setdefault((year, code_2025), dict.fromkeys(METRICS, 0))
            for m in METRICS:
                bucket[m] += figure[m]
    totals = [{"year": y, "province_code_2025": p, **v} for (y, p), v in sorted(by_2025.items())]
    return totals, by_old
