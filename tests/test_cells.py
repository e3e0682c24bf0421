"""Where each figure was read: every layout records the A1 cell of every figure (Report.cells), checked against
the hand-made fixtures (whose cells hold the values named in tests/fixtures/README.md), and the warehouse
keeps them in submissions.cells so a finding can send an officer to the cell."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import openpyxl
import pytest

from etl.pipeline import parse_file
from tests.conftest import FIXTURES


def cells_of(name: str, vocab, index, path: Path | None = None) -> dict[str, dict[str, str]]:
    """Reported name -> its figures' cells, for one file."""
    path = path or FIXTURES / name
    return {r.reported_name: r.cells for r in parse_file(path.read_bytes(), path.name, vocab, index).reports}


def test_consolidated_table_with_merged_headers_and_text_numbers(vocab, index):
    """Tân Chánh Hiệp's row 8: '1.200' participants in D8, '15' triệu state budget in G8, '5,5' social in H8.
    Hiệp Thành held no contest (0 and 0 in E10:F10): nothing of it is loaded, so nothing points there."""
    cells = cells_of("q12_wards_2023.xlsx", vocab, index)
    assert cells["P. Tân Chánh Hiệp"] == {
        "events:opening_ceremony": "C8", "participants:opening_ceremony": "D8", "events:contest": "E8",
        "participants:contest": "F8", "funding:state_budget": "G8", "funding:social": "H8"}
    assert cells["Hiep Thanh"] == {"events:opening_ceremony": "C10", "participants:opening_ceremony": "D10",
                                   "funding:state_budget": "G10", "funding:social": "H10"}


def test_consolidated_ods_with_its_totals_row_first(vocab, index):
    cells = cells_of("binh_phuoc_2023.ods", vocab, index)
    assert cells["Huyện Bù Đăng"] == {"events:opening_ceremony": "B9", "participants:opening_ceremony": "C9",
                                      "funding:state_budget": "D9"}


def test_single_unit_form_with_funding_lines_below_the_table(vocab, index):
    """Quận 12: one row per activity ('Hoạt động khác' in row 13), funding written as lines in B16 and B17."""
    cells = cells_of("q12_district_2023.xlsx", vocab, index)["Quận 12"]
    assert (cells["events:other"], cells["participants:other"]) == ("C13", "D13")
    assert (cells["funding:state_budget"], cells["funding:social"]) == ("B16", "B17")


def test_single_unit_xls_in_a_legacy_font(vocab, index):
    cells = cells_of("chau_phu_tcvn3_2021.xls", vocab, index)["Huyện Châu Phú"]
    assert set(cells) == {"events:opening_ceremony", "participants:opening_ceremony", "events:contest",
                          "participants:contest", "funding:state_budget", "funding:social"}


def test_single_unit_form_with_funding_rows_and_split_participants(vocab, index, tmp_path):
    """Funding as table rows; participants in person (D) and online (E): a figure summed from both keeps the
    cell that holds a number (the contest's 80 online in E8, its D8 being empty)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for cell, text in {"A1": "UBND HUYỆN CHÂU PHÚ", "A2": "TỈNH AN GIANG",
                       "A3": "BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2021", "A5": "STT",
                       "B5": "Nội dung hoạt động", "C5": "Số lượng", "D5": "Số người tham gia", "D6": "Trực tiếp",
                       "E6": "Trực tuyến"}.items():
        sheet[cell] = text
    for merged in ("A5:A6", "B5:B6", "C5:C6", "D5:E5"):
        sheet.merge_cells(merged)
    for row in ([1, "Lễ khai mạc", 1, 300, 200], [2, "Cuộc thi tìm hiểu", 2, None, 80],
                [3, "Kinh phí ngân sách nhà nước (đồng)", 15_000_000], [4, "Kinh phí xã hội hóa (đồng)", 3_000_000]):
        sheet.append(row)
    path = tmp_path / "chau_phu_2021.xlsx"
    book.save(path)
    assert cells_of(path.name, vocab, index, path)["Huyện Châu Phú"] == {
        "events:opening_ceremony": "C7", "participants:opening_ceremony": "D7", "events:contest": "C8",
        "participants:contest": "E8", "funding:state_budget": "C9", "funding:social": "C10"}


def test_flat_csv_export(vocab, index):
    assert cells_of("an_giang_flat_2020.csv", vocab, index)["TP. Long Xuyên"] == {
        "events:opening_ceremony": "D2", "participants:opening_ceremony": "E2", "events:seminar": "F2",
        "participants:seminar": "G2", "funding:state_budget": "H2", "funding:social": "I2"}


def test_long_csv_one_value_per_row(vocab, index):
    """Phú Hội's four figures are four rows of the value column F."""
    assert cells_of("hue_long_2020.csv", vocab, index)["Phường Phú Hội"] == {
        "events:opening_ceremony": "F2", "participants:opening_ceremony": "F3", "funding:state_budget": "F4",
        "funding:social": "F5"}


@pytest.mark.parametrize("total, stored", [(None, None), (16_000_000, 16_000_000)])
def test_the_warehouse_keeps_the_cells_and_a_blank_total_states_nothing(ingest, db, tmp_path, total, stored):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["UBND TỈNH AN GIANG"])
    sheet.append(["TỔNG HỢP KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"])
    sheet.append(["Đơn vị", "Lễ khai mạc - SL", "Lễ khai mạc - Số người", "Kinh phí NSNN (đồng)",
                  "Kinh phí XHH (đồng)", "Tổng kinh phí (đồng)"])
    sheet.append(["Huyện Châu Phú", 1, 500, 10_000_000, 6_000_000, total])
    path = tmp_path / "an_giang_2023.xlsx"
    book.save(path)
    result = ingest(str(path))[path.name]
    assert (result.status, result.warnings) == ("loaded", [])
    con = duckdb.connect(str(db), read_only=True)
    cells, funding_total = con.execute("SELECT cells, funding_total_vnd FROM submissions").fetchone()
    con.close()
    assert funding_total == stored
    assert json.loads(cells) == {"events:opening_ceremony": "B4", "participants:opening_ceremony": "C4",
                                 "funding:state_budget": "D4", "funding:social": "E4",
                                 **({"funding:total": "F4"} if total else {})}
