"""Step 6, validate: cross-checks that warn without rejecting (totals rows, funding totals).

Rejections (bad numbers, conflicting years, duplicate units) happen where they are found, with the
cell; what remains here are checks whose failure the department should see but that do not make
the figures unusable.
"""

from __future__ import annotations

from etl.errors import Issue, cell_name
from etl.extract import Draft
from etl.text import thousands

MEASURE_NAMES = ("số lượng", "số người")
FUNDING_NAMES = {"state_budget": "ngân sách nhà nước", "social": "xã hội hóa"}


def check_totals(drafts: list[Draft]) -> list[Issue]:
    """Each totals row must equal the sum of the unit rows it closes (all rows for the last one)."""
    issues: list[Issue] = []
    since_last: list[Draft] = []
    units = [d for d in drafts if not d.is_total]
    totals = [d for d in drafts if d.is_total]
    for draft in drafts:
        if not draft.is_total:
            since_last.append(draft)
            continue
        scope = units if draft is totals[-1] else since_last
        issues += _compare(draft, _sum(scope))
        since_last = []
    return issues


def _sum(drafts: list[Draft]) -> Draft:
    total = Draft(sheet="", row=None, unit_name=None)
    for draft in drafts:
        for indicator, (events, participants) in draft.facts.items():
            total.add(indicator, "events", events)
            total.add(indicator, "participants", participants)
        for source, amount in draft.funding.items():
            total.funding[source] = total.funding.get(source, 0) + amount
    return total


def _compare(row: Draft, expected: Draft) -> list[Issue]:
    gaps = []
    for indicator, pair in row.facts.items():
        want = expected.facts.get(indicator, [0, 0])
        gaps += [f"{indicator} {MEASURE_NAMES[i]}: dòng tổng ghi {thousands(pair[i])}, cộng các dòng được "
                 f"{thousands(want[i])}"
                 for i in (0, 1) if pair[i] != want[i]]
    for source, amount in row.funding.items():
        want = expected.funding.get(source, 0)
        if amount != want:
            gaps.append(f"kinh phí {FUNDING_NAMES.get(source, source)}: dòng tổng ghi {thousands(amount)}, "
                        f"cộng được {thousands(want)}")
    if not gaps:
        return []
    return [Issue("dòng tổng cộng không khớp: " + "; ".join(gaps), row.sheet,
                  cell_name(row.row, 0) if row.row is not None else None)]


def check_report(draft: Draft) -> list[Issue]:
    """Funding total against its parts, and participants reported for no activity."""
    issues = []
    where = cell_name(draft.row, 0) if draft.row is not None else None
    total = draft.funding.get("total")
    parts = draft.funding.get("state_budget", 0) + draft.funding.get("social", 0)
    if total is not None and (draft.funding.keys() & {"state_budget", "social"}) and total != parts:
        issues.append(Issue(f"tổng kinh phí {thousands(total)} khác ngân sách + xã hội hóa {thousands(parts)}",
                            draft.sheet, where))
    for indicator, (events, participants) in draft.facts.items():
        if participants and not events:
            issues.append(Issue(f"{indicator}: có {thousands(participants)} người tham gia nhưng số lượng hoạt "
                                "động là 0", draft.sheet, where))
    return issues
