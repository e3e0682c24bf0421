"""Step 6, validate: cross-checks that warn without rejecting (totals rows, funding totals).

Rejections (bad numbers, conflicting years, duplicate units) happen where they are found, with the
cell; what remains here are checks whose failure the department should see but that do not make
the figures unusable.
"""

from __future__ import annotations

from etl.errors import Issue, cell_name
from etl.extract import Draft
from etl.text import thousands

MEASURE_NAMES = {"events": "số hoạt động", "participants": "số người"}
FUNDING_NAMES = {"state_budget": "ngân sách nhà nước", "social": "xã hội hóa", "total": "tổng kinh phí"}
TOTALS_MISMATCH = "dòng tổng cộng không khớp"  # the quality view quality_totals_rows finds warnings by it


def check_totals(drafts: list[Draft]) -> list[Issue]:
    """Each total, subtotal and group row with figures must equal the sum of the unit rows it covers: the
    last totals row all of them, any other totals or subtotal row ('Cộng huyện X') the rows since the
    previous non-unit row, a group row ('I. Cấp xã' with its subtotal) the rows under it up to the next."""
    issues: list[Issue] = []
    units = [d for d in drafts if d.role == "unit"]
    totals = [d for d in drafts if d.role == "total"]
    since: list[Draft] = []
    group: tuple[Draft, list[Draft]] | None = None
    for draft in drafts:
        if draft.role == "unit":
            since.append(draft)
            if group:
                group[1].append(draft)
            continue
        if group:
            issues += _compare(*group)
            group = None
        if draft.role == "group":
            group = (draft, []) if _states_figures(draft) else None
        elif draft.role == "subtotal" or draft is not totals[-1]:
            issues += _compare(draft, since)
        else:
            issues += _compare(draft, units)
        since = []
    if group:
        issues += _compare(*group)
    return issues


def hidden_subtotals(drafts: list[Draft]) -> Issue | None:
    """Rows read as units that are subtotals: the form's grand total disagrees with the unit rows, and agrees
    once the rows that each equal the sum of the unit rows just above them are left out. Loading would count
    those units twice, so the file is refused naming the rows (a form whose own arithmetic is wrong matches
    no such reading and only gets check_totals' warning)."""
    totals = [d for d in drafts if d.role == "total"]
    units = [d for d in drafts if d.role == "unit"]
    if not totals or not _compare(totals[-1], units):
        return None
    hidden = _sums_of_rows_above(drafts)
    if not hidden or _compare(totals[-1], [d for d in units if not any(d is h for h, _ in hidden)]):
        return None
    said = "; ".join(f"{h.where} '{h.unit_name}' bằng tổng các dòng {above[0].row + 1}–{above[-1].row + 1}"
                     for h, above in hidden)
    return Issue(f"dòng tổng cộng chỉ khớp khi không tính {len(hidden)} dòng như đơn vị: {said} — có vẻ là dòng "
                 "cộng nhóm; hãy ghi 'Cộng' trước tên dòng đó (hoặc bỏ dòng) rồi gửi lại", totals[-1].sheet,
                 cell_name(hidden[0][0].row, 0))


def _sums_of_rows_above(drafts: list[Draft]) -> list[tuple[Draft, list[Draft]]]:
    """Unit rows whose every figure is the sum of two or more unit rows right above them (since the last row
    that is not a unit or the last such sum), with those rows."""
    found, run = [], []
    for draft in drafts:
        if draft.role != "unit":
            run = []
            continue
        above = _summed_above(draft, run) if _states_figures(draft) else None
        if above:
            found.append((draft, above))
            run = []
        else:
            run.append(draft)
    return found


def _summed_above(draft: Draft, run: list[Draft]) -> list[Draft] | None:
    """The shortest run of two or more rows ending right above `draft` that adds up to it, summed upwards once."""
    summed = _sum([])
    for start in range(len(run) - 1, -1, -1):
        _add(summed, run[start])
        if start <= len(run) - 2 and not _gaps(draft, summed):
            return run[start:]
    return None


def check_district_rows(drafts: list[Draft]) -> list[Issue]:
    """A district row above its communes ('Huyện Krông Bông' then its communes) covers them: communes that
    add up to more than the district's own figure are named with both numbers (the warehouse then counts
    the communes and a district remainder of 0, never a negative one)."""
    issues = []
    for district in (d for d in drafts if d.role == "unit" and d.unit_name and not d.district_name):
        inside = [d for d in drafts if d.role == "unit" and d.district_name == district.unit_name]
        if not inside:
            continue
        summed = _sum(inside)
        gaps = [_gap(district, f"{measure}:{indicator}", name, pair[i], summed.facts[indicator][i])
                for indicator, pair in district.facts.items() if indicator in summed.facts
                for i, (measure, name) in enumerate(MEASURE_NAMES.items()) if summed.facts[indicator][i] > pair[i]]
        gaps += [_gap(district, f"funding:{source}", FUNDING_NAMES.get(source, source), amount,
                      summed.funding[source])
                 for source, amount in district.funding.items() if summed.funding.get(source, 0) > amount]
        if gaps:
            issues.append(Issue(f"các đơn vị bên dưới '{district.unit_name}' cộng lớn hơn số của chính đơn vị: "
                                + "; ".join(gaps), district.sheet, cell_name(district.row, 0)))
    return issues


def _states_figures(draft: Draft) -> bool:
    return any(e or p for e, p in draft.facts.values()) or any(draft.funding.values())


def _sum(drafts: list[Draft]) -> Draft:
    total = Draft(sheet="", row=None, unit_name=None)
    for draft in drafts:
        _add(total, draft)
    return total


def _add(total: Draft, draft: Draft) -> None:
    for indicator, (events, participants) in draft.facts.items():
        total.add(indicator, "events", events)
        total.add(indicator, "participants", participants)
    for source, amount in draft.funding.items():
        total.funding[source] = total.funding.get(source, 0) + amount


def _compare(row: Draft, covered: list[Draft]) -> list[Issue]:
    gaps = _gaps(row, _sum(covered))
    if not gaps:
        return []
    return [Issue(f"{TOTALS_MISMATCH}: " + "; ".join(gaps), row.sheet,
                  cell_name(row.row, 0) if row.row is not None else None)]


def _gaps(row: Draft, expected: Draft) -> list[str]:
    """Each figure of `row` that differs from `expected`, with both numbers."""
    gaps = []
    for indicator, pair in row.facts.items():
        want = expected.facts.get(indicator, [0, 0])
        gaps += [_gap(row, f"{measure}:{indicator}", name, pair[i], want[i])
                 for i, (measure, name) in enumerate(MEASURE_NAMES.items()) if pair[i] != want[i]]
    gaps += [_gap(row, f"funding:{source}", FUNDING_NAMES.get(source, source), amount,
                  expected.funding.get(source, 0))
             for source, amount in row.funding.items() if amount != expected.funding.get(source, 0)]
    return gaps


def _gap(row: Draft, figure: str, name: str, stated: int, summed: int) -> str:
    return f"{_named(row, figure)} ({name}) ghi {thousands(stated)}, cộng các dòng được {thousands(summed)}"


def _named(draft: Draft, figure: str) -> str:
    """'ô D11': an officer finds a cell in the file whatever its column is called. A figure read from no
    cell (none is, in the layouts read today) keeps its key."""
    return f"ô {draft.cells[figure]}" if figure in draft.cells else figure


def check_report(draft: Draft) -> list[Issue]:
    """Funding total against its parts, and participants reported for no activity, each located at the
    cell to correct (the stated total; the activity count left empty)."""
    issues = []
    where = cell_name(draft.row, 0) if draft.row is not None else None
    total = draft.funding.get("total")
    parts = draft.funding.get("state_budget", 0) + draft.funding.get("social", 0)
    if total is not None and (draft.funding.keys() & {"state_budget", "social"}) and total != parts:
        issues.append(Issue(f"tổng kinh phí {thousands(total)} khác ngân sách + xã hội hóa {thousands(parts)}",
                            draft.sheet, draft.cells.get("funding:total", where)))
    for indicator, (events, participants) in draft.facts.items():
        if participants and not events:
            count_cell = draft.cells.get(f"events:{indicator}")
            count = f"số hoạt động ở ô {count_cell} là 0" if count_cell else "biểu không ghi số hoạt động"
            issues.append(Issue(f"{_named(draft, f'participants:{indicator}')} ghi {thousands(participants)} người "
                                f"tham gia nhưng {count}", draft.sheet, count_cell or where))
    return issues
