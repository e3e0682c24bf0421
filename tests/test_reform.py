"""The 2025 reform: the same reports under both boundaries settings, on the real cases.

Forms of old and new provinces are ingested through the ETL, then read the way the dashboard reads
them (dashboard.queries on a snapshot). Every expected number is written out by hand from the forms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db, queries
from dashboard.queries import Filters
from etl.ingest import ingest_paths
from warehouse import reform

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "Năm;Tỉnh;Đơn vị;Lễ khai mạc - Số lượng;Lễ khai mạc - Số người;NSNN (nghìn đồng);XHH (nghìn đồng)"
FORMS = {  # file -> (year, province as written, rows of unit, events, participants, state, social in thousands)
    "dong_nai_2023.csv": (2023, "Đồng Nai", [("Thành phố Biên Hòa", 2, "3.000", "30.000", 0),
                                             ("Huyện Vĩnh Cửu", 1, 900, "5.000", "1.000")]),
    "dong_nai_2026.csv": (2026, "Đồng Nai", [("Phường Phước Long", 1, 700, "4.000", 0),
                                             ("Phường Phước Bình", 2, "1.100", "6.000", 0)]),
    "kien_giang_2020.csv": (2020, "Kiên Giang", [("Thành phố Rạch Giá", 1, "1.000", "9.000", 0),
                                                 ("Huyện Kiên Lương", 1, 500, "2.000", 0)]),
    "an_giang_2026.csv": (2026, "An Giang", [("Phường Long Xuyên", 3, "5.000", "25.000", "2.000")]),
    "hue_2026.csv": (2026, "Huế", [("Phường Vỹ Dạ", 1, 400, "3.000", 0)]),
    "ha_noi_2024.csv": (2024, "Hà Nội", [("Phường Kim Mã", 1, 600, "1.000", 0), ("Phường Ngọc Hà", 1, 200, 0, 0),
                                         ("Phường Giảng Võ", 1, 300, 0, 0), ("Phường Quán Thánh", 1, 100, 0, 0)]),
    "ha_noi_2026.csv": (2026, "Hà Nội", [("Phường Ngọc Hà", 1, 650, 0, 0)]),
}
HAND_CHECKED = ["binh_phuoc_2023.ods", "an_giang_flat_2020.csv", "hue_long_2020.csv", "q12_wards_2023.xlsx",
                "q12_district_2023.xlsx", "hcm_nfd_2025.csv"]  # see tests/fixtures/README.md
TODAY, REPORTED = Filters(), Filters(boundaries="reported")


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reform")
    for name, (year, province, rows) in FORMS.items():
        lines = [HEADER] + [";".join(map(str, (year, province, *row))) for row in rows]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    results = ingest_paths([*(folder / n for n in FORMS), *(FIXTURES / n for n in HAND_CHECKED)],
                           folder / "warehouse.duckdb")
    assert [r.path for r in results if r.status != "loaded"] == []
    snapshot = db.snapshot(folder / "warehouse.duckdb")
    yield snapshot
    snapshot.close()


def people(frame, key_column: str = "key", value: str = "participants") -> dict:
    return {(k, n): int(v) for k, n, v in zip(frame[key_column], frame["name"], frame[value], strict=True)}


def test_one_place_answers_where_old_units_went_and_what_new_ones_are_made_of():
    assert [(s.successor_key, s.exact) for s in reform.today("L:P:70")] == [("N:P:75", True)]  # Bình Phước
    assert {s.unit_key for s in reform.made_of("N:P:91") if s.unit_key.startswith("L:P:")} == {"L:P:89", "L:P:91"}
    kim_ma = {s.successor_key: (s.is_default, s.exact) for s in reform.today("L:C:00028")}
    assert kim_ma == {"N:C:00004": (False, False), "N:C:00025": (False, False), "N:C:00008": (True, False)}
    assert sum(s.area_share for s in reform.today("L:C:00028")) == pytest.approx(1)
    assert [s.successor_key for s in reform.today("L:D:761")] == ["N:P:79"]  # Quận 12 rolls up into HCMC


def test_binh_phuoc_is_counted_in_dong_nai_today_and_apart_as_reported(con):
    today = people(queries.by_place(con, TODAY, 2023, "province"))
    assert today[("75", "Tỉnh Đồng Nai")] == 2_600 + 3_000 + 900
    reported = people(queries.by_place(con, REPORTED, 2023, "province"))
    assert reported[("L:P:70", "Tỉnh Bình Phước (cũ)")] == 2_600
    assert reported[("L:P:75", "Tỉnh Đồng Nai (cũ)")] == 3_900
    assert not any(key == "75" for key, _ in reported)


def test_dong_nai_2023_against_2026(con):
    today = queries.compare(con, TODAY, 2023, 2026, "participants").set_index("key")
    assert today.loc["75", ["value_a", "value_b", "change"]].tolist() == [6_500, 1_800, -4_700]
    assert bool(today.loc["75", "in_a"]) and bool(today.loc["75", "in_b"])
    reported = queries.compare(con, REPORTED, 2023, 2026, "participants").set_index("key")
    assert reported.loc[["L:P:70", "L:P:75", "N:P:75"], ["in_a", "in_b"]].values.tolist() == [
        [True, False], [True, False], [False, True]]
    assert reported.loc["N:P:75", "value_b"] == 1_800


def test_kien_giang_is_counted_in_an_giang(con):
    an_giang_2020 = 2_000 + 450 + 1_500 + 120 + 700  # the hand-checked flat form of old An Giang
    today = people(queries.by_place(con, TODAY, 2020, "province"))
    assert today[("91", "Tỉnh An Giang")] == an_giang_2020 + 1_500
    reported = people(queries.by_place(con, REPORTED, 2020, "province"))
    assert reported[("L:P:89", "Tỉnh An Giang (cũ)")] == an_giang_2020
    assert reported[("L:P:91", "Tỉnh Kiên Giang (cũ)")] == 1_500  # old code 91 is Kiên Giang, not today's An Giang
    money = queries.by_place(con, TODAY, 2020, "province").set_index("key")
    assert money.loc["91", "state_budget"] == 20_000_000 + 8_500_000 + 4_000_000 + 9_000_000 + 2_000_000


def test_hue_compares_with_itself_under_both_settings(con):
    for filters in (TODAY, REPORTED):
        rows = queries.compare(con, filters, 2020, 2026, "participants")
        hue = rows[rows["name"] == "Thành phố Huế"]
        assert hue[["value_a", "value_b", "in_a", "in_b"]].values.tolist() == [[300 + 250 + 80, 400, True, True]]


def test_quan_12_wards_land_in_todays_wards_and_the_district_remainder_stays_whole(con):
    hcmc = queries.by_place(con, TODAY, 2023, "area", "79").set_index("key")
    wards = hcmc.loc[hcmc.index.str.startswith("N:C:")]
    # the hand-checked forms: 3 wards (2.800 people) inside Quận 12's own report of 5.460
    assert wards["participants"].sum() == 2_500 + 300 == 2_800
    assert wards.set_index("name")["participants"].to_dict() == {
        "Phường Trung Mỹ Tây": 1_500, "Phường Thới An": 800, "Phường Tân Thới Hiệp": 500}
    assert hcmc.loc["D:761", "name"] == "Quận 12 (cũ, số liệu cả huyện)"
    assert hcmc.loc["D:761", "participants"] == 5_460 - 2_800
    assert hcmc["participants"].sum() == 5_460
    assert not hcmc["approximate"].any()
    reported = queries.by_place(con, REPORTED, 2023, "area", "L:P:79").set_index("key")
    assert reported.loc["761", ["name", "participants"]].tolist() == ["Quận 12", 5_460]
    data = queries.table(con, Filters(years=(2023,), provinces=("79",)), False).set_index("unit_name")
    assert data.loc["Quận 12", "area_name"] == "Quận 12 (cũ, số liệu cả huyện)"  # as the drill-down names it
    assert data.loc["Phường Tân Chánh Hiệp", "area_name"] == "Phường Trung Mỹ Tây"


def test_quan_12_wards_compare_with_the_new_wards_of_2025(con):
    """Events: Tân Chánh Hiệp 3 (2023) went into today's Trung Mỹ Tây (8 in 2025), Thạnh Xuân 2 into Thới An (13)."""
    rows = queries.compare(con, TODAY, 2023, 2025, "events", "area", "79").set_index("name")
    assert rows.loc["Phường Trung Mỹ Tây", ["value_a", "value_b", "change"]].tolist() == [3, 8, 5]
    assert rows.loc["Phường Thới An", ["value_a", "value_b", "change"]].tolist() == [2, 13, 11]
    assert rows.loc["Phường Trung Mỹ Tây", "includes"] == "Phường Trung Mỹ Tây, Phường Tân Chánh Hiệp"
    assert rows.loc["Phường Tân Thới Hiệp", ["value_a", "in_b"]].tolist() == [1, False]
    reported = queries.compare(con, REPORTED, 2023, 2025, "events", "area", "L:P:79")
    assert not (reported["in_a"] & reported["in_b"]).any()  # no district exists in 2025: nothing to pair


def test_a_divided_commune_is_counted_whole_in_its_main_successor_and_marked(con):
    today = queries.by_place(con, TODAY, 2024, "area", "01").set_index("name")
    assert today.loc["Phường Ngọc Hà", "participants"] == 600  # all of old Kim Mã, not a guessed share
    assert today.loc["Phường Ba Đình", "participants"] == 200 + 100  # old Ngọc Hà (mostly) and Quán Thánh
    assert today.loc["Phường Giảng Võ", "participants"] == 300
    assert today["participants"].sum() == 1_200
    assert today.loc[["Phường Ngọc Hà", "Phường Ba Đình", "Phường Giảng Võ"], "approximate"].all()
    assert "Phường Kim Mã (phần lớn)" in today.loc["Phường Ngọc Hà", "includes"]
    reported = queries.by_place(con, REPORTED, 2024, "unit", "N:P:01", "001").set_index("name")
    assert reported["participants"].to_dict() == {"Phường Kim Mã": 600, "Phường Giảng Võ": 300,
                                                  "Phường Ngọc Hà": 200, "Phường Quán Thánh": 100}
    assert not reported["approximate"].any()


def test_a_divided_commune_across_the_reform(con):
    rows = queries.compare(con, TODAY, 2024, 2026, "participants", "area", "01").set_index("name")
    assert rows.loc["Phường Ngọc Hà", ["value_a", "value_b"]].tolist() == [600, 650]
    assert rows.loc["Phường Ngọc Hà", "approximate"]
    assert 2026 >= queries.REFORM_YEAR
    table = queries.table(con, Filters(years=(2024,), provinces=("01",)), False)
    kim_ma = table[table["unit_name"] == "Phường Kim Mã"]
    assert kim_ma[["area_name", "participants", "approximate"]].values.tolist() == [["Phường Ngọc Hà", 600, True]]
    as_reported = queries.table(con, Filters(years=(2024,), provinces=("01",), boundaries="reported"), False)
    kim_ma = as_reported[as_reported["unit_name"] == "Phường Kim Mã"]
    assert kim_ma[["area_name", "participants", "approximate"]].values.tolist() == [["Quận Ba Đình", 600, False]]
