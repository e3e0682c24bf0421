"""Nothing lost, nothing counted twice: the loading rules of the warehouse."""

import shutil
from pathlib import Path

import duckdb
import openpyxl

from etl.units import load_index
from tests.conftest import FIXTURES
from tests.test_layouts import totals


def test_same_bytes_again_are_unchanged_and_add_nothing(ingest, sql, tmp_path):
    copy = tmp_path / "copy" / "q12_wards_2023.xlsx"
    copy.parent.mkdir()
    shutil.copy(FIXTURES / "q12_wards_2023.xlsx", copy)
    first = ingest("q12_wards_2023.xlsx")["q12_wards_2023.xlsx"]
    again = ingest(str(copy))["q12_wards_2023.xlsx"]
    assert (first.status, again.status) == ("loaded", "unchanged")
    assert totals(sql) == (6, 2800, 27_000_000, 5_500_000)
    assert sql("SELECT count(*) FROM submissions") == [(3,)]
    assert sql("SELECT count(*) FROM source_files") == [(1,)]
    assert sql("SELECT status FROM ingests ORDER BY ingest_id") == [("loaded",), ("unchanged",)]


def _resubmit(tmp_path: Path, participants: int) -> Path:
    """Quận 12's ward table sent again with one figure changed (Tân Chánh Hiệp's opening ceremony)."""
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["D8"] = participants
    book.active["D11"] = 2500 - 1200 + participants
    path = tmp_path / "q12_wards_2023_lan2.xlsx"
    book.save(path)
    return path


def test_a_resubmission_replaces_and_keeps_history(ingest, sql, tmp_path):
    ingest("q12_wards_2023.xlsx")
    result = ingest(str(_resubmit(tmp_path, 1500)))["q12_wards_2023_lan2.xlsx"]
    assert (result.status, result.reports) == ("replaced", 1)  # only the ward whose figures changed
    assert totals(sql) == (6, 3100, 27_000_000, 5_500_000)
    history = sql("""SELECT s.is_current, f.participants FROM submissions s JOIN facts f USING (submission_id)
                     JOIN units u USING (unit_key)
                     WHERE u.name = 'Phường Tân Chánh Hiệp' AND f.indicator = 'opening_ceremony'
                     ORDER BY s.submission_id""")
    assert history == [(False, 1200), (True, 1500)]


def test_a_rejected_file_leaves_the_warehouse_as_it_was(ingest, sql, db):
    ingest("q12_wards_2023.xlsx")
    before = sql("SELECT * FROM submissions ORDER BY submission_id"), sql("SELECT * FROM facts ORDER BY ALL")
    results = ingest("broken_text_2023.xlsx", "chau_phu_2020.xls")
    assert [r.status for r in results.values()] == ["rejected", "loaded"]  # the other file still loads
    after = sql("SELECT * FROM submissions WHERE year = 2023 ORDER BY submission_id"), sql(
        "SELECT f.* FROM facts f JOIN submissions s USING (submission_id) WHERE s.year = 2023 ORDER BY ALL")
    assert after == before


def test_district_report_and_its_wards_count_the_district_once(ingest, sql):
    """Quận 12 reports for itself and its wards report too: HCMC counts Quận 12's own report once."""
    ingest("q12_wards_2023.xlsx", "q12_district_2023.xlsx")
    assert totals(sql, "province_code = '79' AND year = 2023") == (52, 5460, 50_000_000, 12_000_000)
    assert totals(sql, "district_code = '761'") == (52, 5460, 50_000_000, 12_000_000)
    wards = totals(sql, "unit_level = 'commune'")
    assert wards == (6, 2800, 27_000_000, 5_500_000)  # still visible as detail
    not_itemised = sql("""SELECT indicator, events, participants FROM report_facts
                          WHERE unit_name = 'Quận 12' AND not_itemised ORDER BY indicator""")
    assert not_itemised == [("contest", 2, 1200), ("opening_ceremony", 1, 500)]
    assert sql("SELECT state_budget_vnd, social_vnd FROM report_funding WHERE unit_name = 'Quận 12'") == [
        (23_000_000, 6_500_000)]


def test_order_of_arrival_does_not_change_the_count(ingest, sql):
    ingest("q12_district_2023.xlsx", "q12_wards_2023.xlsx")
    assert totals(sql, "province_code = '79'") == (52, 5460, 50_000_000, 12_000_000)


def test_an_unresolved_name_is_kept_then_resolved_by_an_alias(ingest, sql, tmp_path):
    ingest("hue_long_2020.csv")
    assert sql("SELECT reported_name, under_unit, years FROM unresolved_units") == [
        ("Phường Kim Long Thượng", "Thành phố Huế", [2020])]
    aliases = tmp_path / "aliases.csv"
    shutil.copy(Path("data/unit_aliases.csv"), aliases)
    with aliases.open("a", encoding="utf-8") as handle:
        handle.write("legacy,Thừa Thiên Huế,Phường Kim Long Thượng,19774,ward merged before 2025\n")
    ingest(index=load_index(aliases))  # a later run applies the new alias to data already loaded
    assert sql("SELECT count(*) FROM unresolved_units") == [(0,)]
    rows = sql("SELECT unit_code, resolved, sum(participants) FROM report_facts "
               "WHERE unit_code = '19774' GROUP BY ALL")
    assert rows == [("19774", True, 330)]
    assert totals(sql) == (4, 630, 5_000_000, 0)


def test_totals_row_mismatch_is_a_warning_naming_the_row(ingest, tmp_path):
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["D11"] = 9999
    path = tmp_path / "q12_bad_total_2023.xlsx"
    book.save(path)
    result = ingest(str(path))[path.name]
    assert result.status == "loaded"
    [warning] = result.warnings
    assert warning.cell == "A11" and "9.999" in warning.message and "2.500" in warning.message


def test_the_same_unit_twice_in_one_file_is_rejected(ingest, tmp_path, sql):
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["B9"] = "Tân Chánh Hiệp"
    path = tmp_path / "q12_dup_2023.xlsx"
    book.save(path)
    result = ingest(str(path))[path.name]
    assert result.status == "rejected" and result.errors[0].cell == "A9"
    assert sql("SELECT count(*) FROM submissions") == [(0,)]


def test_a_figure_too_large_for_the_warehouse_rejects_the_file_naming_the_cell(ingest, tmp_path, sql):
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["D8"] = "99999999999999999999"
    path = tmp_path / "q12_huge_2023.xlsx"
    book.save(path)
    result = ingest(str(path))[path.name]
    assert (result.status, result.errors[0].cell) == ("rejected", "D8")
    assert "quá lớn" in result.errors[0].message
    assert sql("SELECT count(*) FROM submissions") == [(0,)]


def test_a_file_whose_write_fails_changes_nothing_and_the_others_of_its_group_load_alone(
        ingest, sql, tmp_path, monkeypatch):
    """Staging assumes the whole group is written; when the group fails, every file is staged again alone,
    so the one that fails leaves no trace and the next replaces the version really current (counted once)."""
    from warehouse.load import Warehouse

    ingest("q12_wards_2023.xlsx")
    failing, later = tmp_path / "a" / "q12_wards_2023.xlsx", _resubmit(tmp_path, 1500)
    failing.parent.mkdir()
    book = openpyxl.load_workbook(FIXTURES / "q12_wards_2023.xlsx")
    book.active["D8"], book.active["D11"] = 1300, 2600
    book.save(failing)
    write = Warehouse._write

    def failing_write(self, group):
        if any(str(failing) in row[2] for staged in group for row in staged.rows["ingests"]):
            raise duckdb.ConversionException("as a value out of range would")
        return write(self, group)

    monkeypatch.setattr(Warehouse, "_write", failing_write)
    results = ingest(str(failing), str(later))
    assert [(r.status, r.reports) for r in results.values()] == [("rejected", 0), ("replaced", 1)]
    assert totals(sql) == (6, 2800 - 1200 + 1500, 27_000_000, 5_500_000)
    assert sql("SELECT count(*) FROM submissions WHERE is_current") == [(3,)]
    assert sql("SELECT count(*) FROM ingests WHERE path = ?", [str(failing)]) == [(0,)]
