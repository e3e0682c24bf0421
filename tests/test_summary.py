"""The year's story (dashboard.summary) on small frames whose sums are worked out by hand in the comments."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import Filters
from dashboard.summary import StoryInputs, comparison_group, year_story

COLUMNS = ["key", "name", "in_a", "in_b", "units_a", "units_b", "events_a", "events_b", "participants_a",
           "participants_b", "state_budget_a", "state_budget_b", "social_a", "social_b"]
PLACES = pd.DataFrame([
    ["A", "Tỉnh A", True, True, 2, 3, 10, 12, 1000, 1100, 1_000_000, 2_000_000, 0, 1_000_000],
    ["B", "Tỉnh B", True, True, 1, 1, 5, 5, 500, 450, 1_000_000, 1_000_000, 1_000_000, 0],
    ["C", "Tỉnh C", False, True, 0, 1, 0, 3, 0, 300, 0, 0, 0, 0],
    ["D", "Tỉnh D", True, False, 1, 0, 4, 0, 200, 0, 500_000, 0, 0, 0],
], columns=COLUMNS)


def inputs(**changes) -> StoryInputs:
    base = {"filters": Filters(), "year": 2026, "compare_with": 2025, "where": "cả nước", "group": "province",
            "places": PLACES, "completeness": {2026: (3, 34, "province"), 2025: (3, 34, "province")}}
    return StoryInputs(**{**base, **changes})


def test_story_compares_like_for_like_and_names_the_rest():
    story = year_story(inputs())
    # places in both years: A and B. People 1000+500=1500 -> 1100+450=1550 (+3,3%); activities 15 -> 17 (+13,3%);
    # funding (budget + social) 2.000.000+1.000.000 -> 3.000.000+1.000.000, in triệu đồng 3,0 -> 4,0 (+33,3%).
    # Reported in 2026 (A, B, C): 1.850 people, 20 activities, 4,0 triệu đồng of which social 1.000.000 = 25,0%.
    assert story.sentences == (
        "Năm 2026, cả nước: 3/34 tỉnh/thành phố đã báo cáo (năm 2025: 3/34 tỉnh/thành phố).",
        "Các báo cáo đã nhận ghi 1.850 người tham gia, 20 hoạt động; kinh phí 4,0 triệu đồng, trong đó xã hội hóa "
        "25,0%.",
        "So với năm 2025, cùng phạm vi (2/4 tỉnh/thành phố có báo cáo cả hai năm): số người tham gia tăng 3,3% (từ "
        "1.500 lên 1.550); số hoạt động tăng 13,3% (từ 15 lên 17); tổng kinh phí tăng 33,3% (từ 3,0 triệu đồng lên "
        "4,0 triệu đồng).",
        "Không tính vào so sánh: 1 tỉnh/thành phố chỉ báo cáo năm 2026 (Tỉnh C); 1 tỉnh/thành phố chỉ báo cáo năm "
        "2025 (Tỉnh D).",
    )
    assert story.like_for_like == {"units": (3, 4), "events": (15, 17), "participants": (1500, 1550),
                                   "state_budget": (2_000_000, 3_000_000), "social": (1_000_000, 1_000_000),
                                   "spent": (3_000_000, 4_000_000)}
    assert story.totals["participants"] == 1850 and story.totals["units"] == 5
    assert (story.places_compared, story.only_this_year, story.only_before) == (2, ("Tỉnh C",), ("Tỉnh D",))


def test_a_fall_reads_as_a_fall_in_the_chosen_money_unit():
    # B alone: people 500 -> 450 (-10,0%), activities 5 -> 5, funding 2.000.000 -> 1.000.000 (-50,0%)
    story = year_story(inputs(places=PLACES[PLACES["key"] == "B"]), money_unit="đồng")
    assert story.sentences[2] == (
        "So với năm 2025, cùng phạm vi (1/1 tỉnh/thành phố có báo cáo cả hai năm): số người tham gia giảm 10,0% (từ "
        "500 xuống 450); số hoạt động không đổi (từ 5 lên 5); tổng kinh phí giảm 50,0% (từ 2.000.000 đồng xuống "
        "1.000.000 đồng).")


def test_across_the_reform_the_story_says_unit_counts_do_not_compare():
    story = year_story(inputs(compare_with=2024, completeness={2026: (3, 34, "province"), 2024: (6, 63, "province")}))
    assert story.sentences[0] == "Năm 2026, cả nước: 3/34 tỉnh/thành phố đã báo cáo (năm 2024: 6/63 tỉnh/thành phố)."
    assert story.sentences[-1].startswith("Năm 2024 trước sắp xếp đơn vị hành chính (1/7/2025): số liệu được cộng "
                                          "theo tỉnh/thành phố hiện nay; số đơn vị báo cáo")


def test_no_place_in_both_years_and_no_previous_year():
    alone = year_story(inputs(places=PLACES[PLACES["key"].isin(["C", "D"])]))
    assert alone.sentences[2] == "Không có tỉnh/thành phố nào báo cáo cả hai năm 2025 và 2026, nên chưa so sánh được."
    assert set(alone.changes.values()) == {None}
    first = year_story(inputs(compare_with=None, completeness={2026: (3, 34, "province")}))
    assert first.sentences[0] == "Năm 2026, cả nước: 3/34 tỉnh/thành phố đã báo cáo."
    assert first.sentences[-1] == "Chưa có năm trước để so sánh."


def test_activity_filter_says_funding_is_not_split():
    story = year_story(inputs(filters=Filters(indicators=("contest",)), activities=("Cuộc thi",)))
    assert "người tham gia của 1 loại hoạt động đã chọn" in story.sentences[1]
    assert story.sentences[1].endswith("(kinh phí không tách theo loại hoạt động: là kinh phí của mọi hoạt động).")


def test_chosen_provinces_compare_the_level_below_unless_the_reform_lies_between():
    one, two = Filters(provinces=("79",)), Filters(provinces=("79", "01"))
    assert [comparison_group(f, year, before) for f in (one, two) for year, before in ((2026, 2025), (2024, 2023))
            ] == ["area"] * 4
    assert comparison_group(one, 2025, 2024) == "province"  # districts before, communes after: no match
    assert comparison_group(Filters(), 2026, 2025) == "province"
    reported = Filters(provinces=("79",), boundaries="reported")  # districts as reported exist before 2025 only
    assert [comparison_group(reported, *years) for years in ((2024, 2023), (2026, 2025))] == ["area", "province"]
