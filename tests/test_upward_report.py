"""The consolidated report sent upward (`python -m etl export-report`): its figures equal the warehouse's, the units
that did not report are listed and marked, and the level above reads it back with the same tool to the same totals,
before and across the 2025 reform."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import rows

from etl.cli import main

HEADER_ROW = 7


class Sheet:
    """The exported table read back cell by cell, by its header texts."""

    def __init__(self, path: Path):
        self.sheet = openpyxl.load_workbook(path)["Tổng hợp"]
        top = [self.sheet.cell(HEADER_ROW, c).value for c in range(1, self.sheet.max_column + 1)]
        leaves = [self.sheet.cell(HEADER_ROW + 1, c).value for c in range(1, self.sheet.max_column + 1)]
        self.name_col = top.index("Đơn vị") + 1
        self.code_col = top.index("Mã ĐVHC") + 1
        self.people_cols = [i + 1 for i, leaf in enumerate(leaves) if leaf == "Số người tham gia"]
        self.event_cols = [i + 1 for i, leaf in enumerate(leaves) if leaf == "Số lượng"]
        self.state_col = leaves.index("Ngân sách nhà nước") + 1
        self.social_col = leaves.index("Xã hội hóa") + 1
        self.total_col = leaves.index("Tổng kinh phí") + 1
        self.note_col = top.index("Ghi chú") + 1
        self.body: dict[str, int] = {}  # code -> row
        row = HEADER_ROW + 2
        while self.sheet.cell(row, self.name_col).value != "TỔNG CỘNG":
            self.body[self.sheet.cell(row, self.code_col).value] = row
            row += 1
        self.totals_row = row

    def value(self, row: int, cols: list[int]) -> int:
        return sum(self.sheet.cell(row, c).value or 0 for c in cols)

    def people(self, row: int) -> int:
        return self.value(row, self.people_cols)

    def events(self, row: int) -> int:
        return self.value(row, self.event_cols)

    def funding(self, row: int) -> tuple[int, int]:
        return self.value(row, [self.state_col]), self.value(row, [self.social_col])

    def texts(self) -> list[str]:
        return [str(c.value) for line in self.sheet.iter_rows() for c in line if c.value is not None]

    def missing_listed(self) -> list[str]:
        """The codes listed under 'CÁC ĐƠN VỊ CHƯA BÁO CÁO'."""
        start = next((r for r in range(self.totals_row, self.sheet.max_row + 1)
                      if str(self.sheet.cell(r, 1).value or "").startswith("CÁC ĐƠN VỊ CHƯA BÁO CÁO")), None)
        codes: list[str] = []
        if start is None:
            return codes
        for row in range(start + 1, self.sheet.max_row + 1):
            if self.sheet.cell(row, self.note_col).value != "Chưa báo cáo":
                break
            codes.append(self.sheet.cell(row, self.code_col).value)
        return codes


CASES = [
    (2025, "commune", "Đồng Nai"),
    (2025, "province", None),
    (2020, "province", None),
    (2020, "district", "An Giang"),
    (2020, "commune", "Huế"),
]


class Units:
    """The warehouse's units with their parent chain, walked in Python."""

    def __init__(self, db: Path):
        self.units = {k: (parent, level, code, name) for k, parent, level, code, name in rows(
            db, "SELECT unit_key, parent_key, level, code, name FROM units", [])}

    def up_to(self, key: str | None, level: str) -> str | None:
        while key is not None and self.units[key][1] != level:
            key = self.units[key][0]
        return key

    def in_scope(self, key: str, province: str | None) -> bool:
        top = self.up_to(key, "province")
        return province is None or (top is not None and self.units[top][3].endswith(province))


def expected_by_unit(db: Path, year: int, level: str) -> dict[str, tuple[int, int]]:
    """Participants and events per official code of `level` on that year's map, summed over every report whose
    unit is that unit or lies inside it."""
    units = Units(db)
    found: dict[str, list[int]] = {}
    for unit_key, events, people in rows(db, "SELECT unit_key, sum(events), sum(participants) FROM report_facts "
                                             "WHERE year = ? GROUP BY unit_key", [year]):
        key = units.up_to(unit_key, level)
        if key is not None:
            pair = found.setdefault(units.units[key][2], [0, 0])
            pair[0] += int(people)
            pair[1] += int(events)
    return {code: (p, e) for code, (p, e) in found.items()}


@pytest.mark.parametrize(("year", "level", "province"), CASES)
def test_export_equals_the_warehouse_and_reads_back_to_the_same_totals(demo, tmp_path, year, level, province):
    out = tmp_path / f"tong_hop_{year}.xlsx"
    argv = ["export-report", "--year", str(year), "--level", level, "--db", str(demo), "--out", str(out)]
    assert main(argv + (["--province", province] if province else [])) == 0
    sheet = Sheet(out)
    expected = expected_by_unit(demo, year, level)
    shown = {code: (sheet.people(row), sheet.events(row)) for code, row in sheet.body.items()}
    assert shown == {code: expected[code] for code in shown}
    units = Units(demo)
    status = {code: received for key, code, received in rows(demo, """
        SELECT unit_key, unit_code, received FROM submission_status WHERE year = ? AND level = ?""", [year, level])
              if units.in_scope(key, province)}
    scope_codes = set(status)
    assert set(shown) >= {code for code in expected if code in scope_codes}, "every unit with figures has a row"
    # listed as not reported: expected that year, with no report of its own nor inside it
    missing = {code for code, received in status.items() if not received}
    assert set(sheet.missing_listed()) == missing - set(shown)
    assert len(sheet.body) + len(sheet.missing_listed()) == len(scope_codes)
    # totals row = sum of rows
    totals = sheet.totals_row
    assert sheet.people(totals) == sum(p for p, _ in shown.values())
    assert sheet.events(totals) == sum(e for _, e in shown.values())
    state, social = sheet.funding(totals)
    assert sheet.value(totals, [sheet.total_col]) == state + social
    # round trip: the level above ingests the file into a fresh warehouse and gets the same totals
    fresh = tmp_path / "above.duckdb"
    assert main(["ingest", str(out), "--db", str(fresh)]) == 0
    (people, events), = rows(fresh, "SELECT sum(participants), sum(events) FROM report_facts", [])
    assert (people, events) == (sheet.people(totals), sheet.events(totals))
    (fresh_state, fresh_social), = rows(fresh, "SELECT sum(state_budget_vnd), sum(social_vnd) FROM report_funding", [])
    assert (fresh_state, fresh_social) == (state, social)
    read_back = dict(rows(fresh, "SELECT unit_code, sum(participants) FROM report_facts GROUP BY 1", []))
    assert read_back == {code: p for code, (p, _) in shown.items() if p}
    assert rows(fresh, "SELECT count(*) FROM units WHERE NOT resolved", []) == [(0,)]
    assert not set(sheet.missing_listed()) & set(read_back), "a unit that did not report stays unreported above"


def test_funding_of_a_row_equals_the_warehouse(demo, tmp_path):
    out = tmp_path / "tong_hop_2025.xlsx"
    assert main(["export-report", "--year", "2025", "--level", "province", "--db", str(demo), "--out", str(out)]) == 0
    sheet = Sheet(out)
    expected = {code: (int(s), int(x)) for code, s, x in rows(demo, """
        SELECT province_code, sum(state_budget_vnd), sum(social_vnd) FROM report_funding WHERE year = 2025
        GROUP BY 1""", [])}
    assert {code: sheet.funding(row) for code, row in sheet.body.items()} == expected


def test_what_no_row_holds_is_stated_under_the_table(demo, tmp_path):
    """Huế 2020: districts reported for themselves, so most of the province is in no commune's row."""
    out = tmp_path / "hue_2020.xlsx"
    assert main(["export-report", "--year", "2020", "--level", "commune", "--province", "Huế",
                 "--db", str(demo), "--out", str(out)]) == 0
    sheet = Sheet(out)
    (whole,), = rows(demo, "SELECT sum(participants) FROM report_facts WHERE year = 2020 AND province_code = '46'", [])
    outside = int(whole) - sheet.people(sheet.totals_row)
    assert outside > 0
    line = next(t for t in sheet.texts() if t.startswith("Ngoài các dòng trên"))
    assert f"{outside:,}".replace(",", ".") + " người tham gia" in line


def test_title_date_line_and_print_layout(demo, tmp_path):
    out = tmp_path / "dong_nai_2025.xlsx"
    assert main(["export-report", "--year", "2025", "--level", "commune", "--province", "dong nai",
                 "--db", str(demo), "--out", str(out)]) == 0
    sheet = Sheet(out).sheet
    assert sheet["A1"].value == "UBND TỈNH ĐỒNG NAI"
    assert sheet["A4"].value.endswith("NĂM 2025")
    assert sheet["H3"].value.startswith("Đồng Nai, ngày ")
    texts = [c.value for line in sheet.iter_rows() for c in line]
    assert "NGƯỜI LẬP BIỂU" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_unknown_province_and_level_are_usage_errors(demo, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    base = ["export-report", "--year", "2025", "--db", str(demo), "--out", str(out)]
    assert main(base + ["--level", "commune", "--province", "Bình Phước"]) == 2
    assert "Không có tỉnh/thành phố 'Bình Phước' trên bản đồ năm 2025" in capsys.readouterr().err
    assert main(base + ["--level", "district"]) == 2
    assert "Năm 2025 không có cấp quận/huyện" in capsys.readouterr().err
    assert not out.exists()
