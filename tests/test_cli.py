"""`python -m etl`: exit codes, the --json document, status and the template round trip."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from etl.cli import main
from tests.conftest import FIXTURES


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", *args], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)


def test_ingest_prints_one_line_per_file_and_exits_1_when_any_is_rejected(db):
    done = run("ingest", str(FIXTURES / "chau_phu_2020.xls"), str(FIXTURES / "broken_text_2023.xlsx"), "--db", str(db))
    assert done.returncode == 1
    assert "✓ đã nạp" in done.stdout and "chau_phu_2020.xls (1 báo cáo)" in done.stdout
    assert "✗ bị từ chối" in done.stdout and "ô D10: giá trị 'khoảng 200' không phải là số" in done.stdout
    assert "Tổng cộng 2 tệp: 1 đã nạp, 1 bị từ chối" in done.stdout


def test_ingest_json_document(db, capsys):
    code = main(["ingest", str(FIXTURES / "broken_formula_2023.xlsx"), str(FIXTURES / "hue_long_2020.csv"),
                 "--db", str(db), "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    broken, hue = document["files"]
    assert broken["status"] == "rejected"
    assert broken["errors"] == [{"sheet": "Tong hop", "cell": "D11", "message": broken["errors"][0]["message"]}]
    assert hue["status"] == "loaded" and {"sheet", "cell", "message"} <= set(hue["warnings"][0])


def test_usage_errors_exit_2(db, capsys):
    assert main(["ingest", "/no/such/file.xlsx", "--db", str(db)]) == 2
    assert main([]) == 2


def test_year_and_province_options_fill_what_the_form_omits(db, tmp_path, capsys):
    path = tmp_path / "khong_ghi_nam.csv"
    path.write_text("Đơn vị,Lễ khai mạc,Số người\nTT. Cái Dầu,1,90\n", encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(db)]) == 1
    assert "không xác định được năm" in capsys.readouterr().out
    assert main(["ingest", str(path), "--db", str(db), "--year", "2024", "--province", "An Giang"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(FIXTURES / "hue_long_2020.csv"), "--db", str(db), "--year", "2021"]) == 1
    assert "tên tệp ghi năm 2020; tham số --year ghi năm 2021" in capsys.readouterr().out


def test_status_lists_loaded_unresolved_and_rejected(db):
    run("ingest", str(FIXTURES / "hue_long_2020.csv"), str(FIXTURES / "broken_year_2022.xlsx"), "--db", str(db))
    done = run("status", "--db", str(db))
    assert done.returncode == 0
    assert "2020  Thành phố Huế" in done.stdout and "630" in done.stdout
    assert "Phường Kim Long Thượng (thuộc Thành phố Huế; năm 2020)" in done.stdout
    assert "broken_year_2022.xlsx: sheet 'Tong hop', ô A4: năm báo cáo mâu thuẫn" in done.stdout


def test_filled_template_round_trips(db, tmp_path, capsys, sql):
    template = tmp_path / "bieu_mau_2024.xlsx"
    assert main(["template", "--year", "2024", "--out", str(template)]) == 0
    book = openpyxl.load_workbook(template)
    sheet = book["Báo cáo"]
    assert sheet.data_validations.dataValidation, "numeric cells are validated"
    assert "Hướng dẫn" in book.sheetnames
    sheet["A1"], sheet["A2"] = "UBND HUYỆN CHÂU PHÚ", "TỈNH AN GIANG"
    sheet["B9"], sheet["C9"], sheet["D9"] = "TT. Cái Dầu", 2, 150
    sheet["O9"], sheet["P9"] = 1, 45  # contest
    sheet["Y9"], sheet["Z9"] = 12_000_000, 3_000_000
    sheet["B10"], sheet["E10"], sheet["F10"] = "Xã Bình Long", 1, 40
    filled = tmp_path / "chau_phu_2024.xlsx"
    book.save(filled)
    assert main(["ingest", str(filled), "--db", str(db)]) == 0
    assert "cảnh báo" not in capsys.readouterr().out
    rows = sql("SELECT unit_name, indicator, events, participants FROM report_facts ORDER BY 1, 2")
    assert rows == [("Thị trấn Cái Dầu", "contest", 1, 45), ("Thị trấn Cái Dầu", "opening_ceremony", 2, 150),
                    ("Xã Bình Long", "communication", 1, 40)]
    assert sql("SELECT unit_name, state_budget_vnd, social_vnd FROM report_funding ORDER BY 1") == [
        ("Thị trấn Cái Dầu", 12_000_000, 3_000_000), ("Xã Bình Long", 0, 0)]
