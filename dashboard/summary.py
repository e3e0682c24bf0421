"""The year's story in plain Vietnamese: what a head reads before anything else, and what the meeting outputs
(slides, PDF) repeat word for word.

"Năm 2026, cả nước: 5/34 tỉnh/thành phố đã báo cáo (năm 2025: 5/34). So với năm 2025, cùng phạm vi (5/5
tỉnh/thành phố có báo cáo cả hai năm): số người tham gia tăng 5,0% …"

A comparison is like for like: only the places (provinces nationwide; inside one province, its communes or
districts) that reported in both years are compared, and those that reported in one year only are named.
How much of the expected units reported each year is said first, so no change is read without its coverage.

How to call it (the app passes `dashboard.db.query`; elsewhere any runner of `dashboard.queries` does):

    from dashboard import queries, summary
    run = lambda name, *args: getattr(queries, name)(con, *args)      # con: a snapshot (dashboard.db.snapshot)
    story = summary.year_story(summary.gather(run, filters, 2026, 2025, where="cả nước"),
                               money_unit="tỷ đồng")
    story.sentences        # tuple of Vietnamese sentences, in reading order
    story.like_for_like    # figure -> (value in 2025, value in 2026) over the places in both years
    story.changes          # figure -> relative change over those places (None: nothing to compare)
    story.totals           # figure -> everything reported in 2026 in the scope
    (figures: units, events, participants, state_budget, social, spent — amounts in đồng)

`gather` runs the queries (I/O); `year_story` only computes and writes (pure, testable on a frame).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from dashboard.format import change, change_words, money, number, percent
from dashboard.queries import Filters
from etl.units import REFORM_YEAR
from warehouse.deadlines import LEVEL_LABELS

FIGURES = ("units", "events", "participants", "state_budget", "social", "spent")  # summed per place and year
MEASURES = ("participants", "events", "spent")  # what the sentences compare, in this order
MEASURE_WORDS = {"participants": "số người tham gia", "events": "số hoạt động", "spent": "tổng kinh phí"}
NAMED = 5  # one-year-only places named in a sentence; the count says how many there are


@dataclass(frozen=True)
class StoryInputs:
    """What the story is written from: the query results, and the words for the scope."""

    filters: Filters
    year: int
    compare_with: int | None
    where: str  # the territory in words: "cả nước", "Thành phố Hồ Chí Minh"
    group: str  # the places compared: "province", or "area" (communes or districts of one province)
    places: pd.DataFrame  # queries.year_places(filters, compare_with or year, year, group, …)
    completeness: dict[int, tuple[int, int, str]]  # year -> queries.completeness
    activities: tuple[str, ...] = ()  # names of the activities chosen, when the sidebar picks some


@dataclass(frozen=True)
class Story:
    year: int
    compare_with: int | None
    sentences: tuple[str, ...]
    totals: dict[str, int]
    like_for_like: dict[str, tuple[int, int]] = field(default_factory=dict)
    changes: dict[str, float | None] = field(default_factory=dict)
    places_compared: int = 0  # places that reported in both years
    only_this_year: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()
    completeness: dict[int, tuple[int, int, str]] = field(default_factory=dict)


def comparison_group(f: Filters, year: int, compare_with: int | None) -> str:
    """The places compared: provinces nationwide; inside chosen provinces, the level below them (today's
    communes, or the districts reported) while both years lie on the same side of the 2025 reform: districts
    before it and communes after it do not match, so across it the provinces themselves are compared."""
    years = [y for y in (year, compare_with) if y is not None]
    before = {y < REFORM_YEAR for y in years}
    same_side = before == {True} if f.boundaries == "reported" else len(before) == 1
    return "area" if f.provinces and same_side else "province"


def gather(run: Callable, f: Filters, year: int, compare_with: int | None, where: str,
           activities: tuple[str, ...] = ()) -> StoryInputs:
    """Run the story's queries through `run(name, *args)` (dashboard.db.query in the app)."""
    group = comparison_group(f, year, compare_with)
    places = run("year_places", f, compare_with or year, year, group)
    counted = Filters(provinces=f.provinces, levels=f.levels)
    completeness = {y: run("completeness", counted, y) for y in (year, compare_with) if y is not None}
    return StoryInputs(f, year, compare_with, where, group, places, completeness, activities)


def year_story(inputs: StoryInputs, money_unit: str = "triệu đồng") -> Story:
    """The sentences and the figures they state."""
    places = inputs.places.assign(spent_a=inputs.places["state_budget_a"] + inputs.places["social_a"],
                                  spent_b=inputs.places["state_budget_b"] + inputs.places["social_b"])
    now = places[places["in_b"]]
    totals = {m: int(now[f"{m}_b"].sum()) for m in FIGURES}
    sentences = [_coverage(inputs), _totals(inputs, totals, money_unit)]
    if inputs.compare_with is None:
        sentences.append("Chưa có năm trước để so sánh.")
        return Story(inputs.year, None, tuple(sentences), totals, completeness=inputs.completeness)
    both = places[places["in_a"] & places["in_b"]]
    like = {m: (int(both[f"{m}_a"].sum()), int(both[f"{m}_b"].sum())) for m in FIGURES}
    changes = {m: change(after, before) for m, (before, after) in like.items()}
    only_now = tuple(places.loc[places["in_b"] & ~places["in_a"], "name"].fillna(_outside(inputs)))
    only_before = tuple(places.loc[places["in_a"] & ~places["in_b"], "name"].fillna(_outside(inputs)))
    sentences.append(_like_for_like(inputs, len(both), len(places), like, changes, money_unit))
    if only_now or only_before:
        sentences.append(_one_year_only(inputs, only_now, only_before))
    if inputs.compare_with < REFORM_YEAR <= inputs.year or inputs.year < REFORM_YEAR <= inputs.compare_with:
        sentences.append(_reform(inputs))
    return Story(inputs.year, inputs.compare_with, tuple(sentences), totals, like, changes, len(both), only_now,
                 only_before, inputs.completeness)


def _noun(inputs: StoryInputs) -> str:
    if inputs.group == "province":
        return "tỉnh/thành phố"
    if inputs.filters.boundaries == "reported":
        return "quận/huyện"
    return "xã/phường" if inputs.year >= REFORM_YEAR else "địa bàn (xã/phường, quận/huyện cũ)"


def _outside(inputs: StoryInputs) -> str:
    return "Cấp tỉnh, ngoài xã/phường" if inputs.group == "area" else "Không rõ tỉnh"


def _count(received: int, expected: int, level: str) -> str:
    return f"{number(received)}/{number(expected)} {LEVEL_LABELS[level].lower()}"


def _coverage(inputs: StoryInputs) -> str:
    """'Năm 2026, cả nước: 5/34 tỉnh/thành phố đã báo cáo (năm 2025: 5/34 tỉnh/thành phố).'"""
    received, expected, level = inputs.completeness.get(inputs.year, (0, 0, "province"))
    head = f"Năm {inputs.year}, {inputs.where}: "
    head += f"{_count(received, expected, level)} đã báo cáo" if expected else "chưa có danh mục đơn vị phải báo cáo"
    before = inputs.completeness.get(inputs.compare_with) if inputs.compare_with else None
    if before and before[1]:
        head += f" (năm {inputs.compare_with}: {_count(*before)})"
    return head + "."


def _totals(inputs: StoryInputs, totals: dict[str, int], unit: str) -> str:
    activities = f" của {len(inputs.activities)} loại hoạt động đã chọn" if inputs.activities else ""
    text = (f"Các báo cáo đã nhận ghi {number(totals['participants'])} người tham gia{activities}, "
            f"{number(totals['events'])} hoạt động; kinh phí {money(totals['spent'], unit)}")
    if totals["spent"]:
        text += f", trong đó xã hội hóa {percent(totals['social'] / totals['spent'])}"
    if inputs.activities:
        text += " (kinh phí không tách theo loại hoạt động: là kinh phí của mọi hoạt động)"
    return text + "."


def _like_for_like(inputs: StoryInputs, both: int, places: int, like: dict, changes: dict, unit: str) -> str:
    noun = _noun(inputs)
    if not both:
        return (f"Không có {noun} nào báo cáo cả hai năm {inputs.compare_with} và {inputs.year}, "
                "nên chưa so sánh được.")
    parts = []
    for measure in MEASURES:
        before, after = like[measure]
        shown = (lambda v: money(v, unit)) if measure == "spent" else number
        direction = "xuống" if after < before else "lên"
        parts.append(f"{MEASURE_WORDS[measure]} {change_words(changes[measure])} "
                     f"(từ {shown(before)} {direction} {shown(after)})")
    return (f"So với năm {inputs.compare_with}, cùng phạm vi ({number(both)}/{number(places)} {noun} có báo cáo "
            f"cả hai năm): " + "; ".join(parts) + ".")


def _names(names: tuple[str, ...]) -> str:
    listed = ", ".join(names[:NAMED])
    return listed + (f" và {number(len(names) - NAMED)} nơi khác" if len(names) > NAMED else "")


def _one_year_only(inputs: StoryInputs, only_now: tuple[str, ...], only_before: tuple[str, ...]) -> str:
    parts = [f"{number(len(names))} {_noun(inputs)} chỉ báo cáo năm {year} ({_names(names)})"
             for year, names in ((inputs.year, only_now), (inputs.compare_with, only_before)) if names]
    return "Không tính vào so sánh: " + "; ".join(parts) + "."


def _reform(inputs: StoryInputs) -> str:
    before = min(inputs.year, inputs.compare_with)
    where = ("được cộng theo tỉnh/thành phố hiện nay" if inputs.filters.boundaries == "today"
             else "theo địa giới khi báo cáo")
    return (f"Năm {before} trước sắp xếp đơn vị hành chính (1/7/2025): số liệu {where}; số đơn vị báo cáo "
            "(quận/huyện trước, xã/phường sau) không so sánh được giữa hai năm.")
