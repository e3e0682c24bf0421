"""Every layout and format, asserting the numbers a user would see in the public views."""

import pytest


def totals(sql, where: str = "TRUE", params: list | None = None) -> tuple:
    facts = sql(f"SELECT sum(events), sum(participants) FROM report_facts WHERE {where}", params)[0]
    money = sql(f"SELECT sum(state_budget_vnd), sum(social_vnd) FROM report_funding WHERE {where}", params)[0]
    return tuple(int(v or 0) for v in facts + money)


def by_indicator(sql, unit_name: str) -> dict:
    rows = sql("SELECT indicator, events, participants FROM report_facts WHERE unit_name = ?", [unit_name])
    return {indicator: (events, participants) for indicator, events, participants in rows}


def test_consolidated_xlsx_with_merged_headers(ingest, sql):
    result = ingest("q12_wards_2023.xlsx")["q12_wards_2023.xlsx"]
    assert (result.status, result.reports, result.warnings) == ("loaded", 3, [])
    assert totals(sql) == (6, 2800, 27_000_000, 5_500_000)
    assert by_indicator(sql, "Phường Tân Chánh Hiệp") == {"opening_ceremony": (1, 1200), "contest": (2, 300)}
    assert sql("SELECT DISTINCT year, province_code, province_name, unit_level, district_name FROM report_facts") == [
        (2023, "79", "Thành phố Hồ Chí Minh", "commune", "Quận 12")]
    assert sql("SELECT unit_code FROM report_facts WHERE unit_name = 'Phường Hiệp Thành'") == [("26770",)]


def test_single_unit_xls_with_funding_lines(ingest, sql):
    assert ingest("chau_phu_2020.xls")["chau_phu_2020.xls"].status == "loaded"
    assert by_indicator(sql, "Huyện Châu Phú") == {"opening_ceremony": (1, 350), "class": (4, 120),
                                                   "training": (2, 80), "visit": (1, 0)}
    assert sql("SELECT province_code, unit_code, unit_level, state_budget_vnd, social_vnd FROM report_funding") == [
        ("91", "889", "district", 15_000_000, 0)]


def test_legacy_tcvn3_text_is_converted(ingest, sql):
    """An .xls typed in the .VnTime font: title, headers, activities and funding lines all in TCVN3."""
    result = ingest("chau_phu_tcvn3_2021.xls")["chau_phu_tcvn3_2021.xls"]
    assert (result.status, result.warnings) == ("loaded", [])
    assert by_indicator(sql, "Huyện Châu Phú") == {"opening_ceremony": (1, 420), "contest": (2, 150)}
    assert sql("SELECT year, province_code, state_budget_vnd, social_vnd FROM report_funding") == [
        (2021, "91", 12_000_000, 0)]


def test_single_unit_form_skips_section_rows(ingest, sql):
    result = ingest("q12_district_2023.xlsx")["q12_district_2023.xlsx"]
    assert result.warnings == []
    assert totals(sql) == (52, 5460, 50_000_000, 12_000_000)
    assert by_indicator(sql, "Quận 12")["communication"] == (40, 0)


def test_flat_csv_in_windows_1258(ingest, sql):
    assert ingest("an_giang_flat_2020.csv")["an_giang_flat_2020.csv"].status == "loaded"
    rows = sql("""SELECT f.unit_name, sum(f.events), sum(f.participants), any_value(g.state_budget_vnd),
                         any_value(g.social_vnd)
                  FROM report_facts f JOIN report_funding g USING (unit_key) GROUP BY 1 ORDER BY 1""")
    assert rows == [("Huyện Chợ Mới", 2, 1620, 8_500_000, 0), ("Thành phố Long Xuyên", 4, 2450, 20_000_000, 5_000_000),
                    ("Thị xã Tịnh Biên", 1, 700, 4_000_000, 1_500_000)]


def test_long_csv_in_utf16_keeps_unknown_names(ingest, sql):
    result = ingest("hue_long_2020.csv")["hue_long_2020.csv"]
    assert result.status == "loaded"
    assert any("Kim Long Thượng" in w.message and w.cell == "A6" for w in result.warnings)
    assert by_indicator(sql, "Phường Kim Long Thượng") == {"opening_ceremony": (1, 250), "contest": (2, 80)}
    assert sql("SELECT DISTINCT province_code, resolved FROM report_facts ORDER BY 2") == [("46", False), ("46", True)]
    assert totals(sql) == (4, 630, 5_000_000, 0)


def test_ods_province_table_counts_in_todays_province(ingest, sql):
    assert ingest("binh_phuoc_2023.ods")["binh_phuoc_2023.ods"].status == "loaded"
    assert totals(sql, "province_code = ?", ["75"]) == (3, 2600, 40_000_000, 0)
    assert sql("SELECT DISTINCT province_name FROM report_facts") == [("Tỉnh Đồng Nai",)]


def test_nfd_tab_separated_csv_on_the_2025_map(ingest, sql):
    assert ingest("hcm_nfd_2025.csv")["hcm_nfd_2025.csv"].status == "loaded"
    assert by_indicator(sql, "Phường Thới An") == {"communication": (12, 0), "contest": (1, 0)}
    assert totals(sql) == (21, 0, 5_500_000, 1_000_000)
    assert sql("SELECT DISTINCT unit_code FROM report_facts WHERE unit_name = 'Phường Thới An'") == [("26773",)]


@pytest.mark.parametrize("name, sheet, cell, message", [
    ("broken_text_2023.xlsx", "Tong hop", "D10", "'khoảng 200' không phải là số"),
    ("broken_formula_2023.xlsx", "Tong hop", "D11", "công thức"),
    ("broken_year_2022.xlsx", "Tong hop", "A4", "mâu thuẫn"),  # the title cell stating 2023
    ("broken_corrupt_2023.xlsx", None, None, "không mở được"),
    ("broken_empty_2023.csv", None, None, "rỗng"),
])
def test_broken_files_are_rejected_naming_the_cell(ingest, sql, name, sheet, cell, message):
    result = ingest(name)[name]
    assert result.status == "rejected"
    [error] = result.errors
    assert (error.sheet, error.cell) == (sheet, cell)
    assert message in error.message
    assert sql("SELECT count(*) FROM submissions") == [(0,)]
    assert sql("SELECT status FROM ingests") == [("rejected",)]
