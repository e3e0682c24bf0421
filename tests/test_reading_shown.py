"""What the reader understood is shown before a file loads: in `python -m etl ingest --explain`, in its --json
document and in the upload preview (where a sender's headers stay plain text)."""

from __future__ import annotations

import json

import pytest

from etl.cli import main
from tests.reading_support import LETTERHEAD, workbook

GROUPED = LETTERHEAD + [  # Châu Phú, An Giang: two group rows carrying subtotals, a comparison column, a date line
    ["STT", "Tên xã, thị trấn", "Lễ khai mạc", None, "So với năm trước (%)"],
    [None, None, "Số lượng", "Số người tham gia"],
    ["I", "Các thị trấn", 1, 200], [1, "Thị trấn Cái Dầu", 1, 200, 105],
    ["II", "Các xã", 2, 330], [2, "Xã Bình Long", 1, 150, 98], [3, "Xã Mỹ Đức", 1, 180, 110],
    [None, "Tổng cộng", 3, 530], [None, "Châu Phú, ngày 20 tháng 10 năm 2023"]]
READING = [  # rows as Excel numbers them: letterhead 1–3, header 4–5
    "Sheet 'Biểu': bảng tổng hợp (mỗi dòng một đơn vị)",
    "  cột A 'STT': số thứ tự",
    "  cột B 'Tên xã, thị trấn': đơn vị (nhận ra theo nội dung các ô)",
    "  cột C 'Lễ khai mạc / Số lượng': Lễ khai mạc, phát động — số hoạt động",
    "  cột D 'Lễ khai mạc / Số người tham gia': Lễ khai mạc, phát động — số người",
    "  cột E 'So với năm trước (%)': tỷ lệ / bình quân / so sánh — không tính",
    "  Đơn vị: dòng 7, 9–10", "  Nhóm: dòng 6, 8", "  Tổng cộng: dòng 11", "  Ghi chú, ngày tháng, chữ ký: dòng 12"]


@pytest.fixture
def grouped(tmp_path):
    path = tmp_path / "chau_phu_2023.xlsx"
    path.write_bytes(workbook(("Biểu", GROUPED)))
    return path


def test_explain_prints_each_column_and_each_kind_of_row_under_the_file(grouped, db, capsys):
    assert main(["ingest", str(grouped), "--db", str(db), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("✓ đã nạp") and out[0].endswith("chau_phu_2023.xlsx (3 báo cáo)")
    assert "    cảnh báo: sheet 'Biểu', ô E4: cột 'So với năm trước (%)' là tỷ lệ" in out[1]  # then the reading
    start = out.index("    " + READING[0])
    assert out[start:start + len(READING)] == ["    " + line for line in READING]


def test_the_json_document_holds_the_same_reading(grouped, db, capsys):
    assert main(["ingest", str(grouped), "--db", str(db), "--json"]) == 0
    [file] = json.loads(capsys.readouterr().out)["files"]
    assert file["reports"] == 3
    [sheet] = file["understood"]
    assert sheet["rows"] == {"unit": "7, 9–10", "group": "6, 8", "total": "11", "note": "12"}
    assert sheet["columns"][4] == {"column": "E", "header": "So với năm trước (%)",
                                   "meaning": "tỷ lệ / bình quân / so sánh — không tính"}


def test_without_explain_the_reading_is_not_printed(grouped, db, capsys):
    main(["ingest", str(grouped), "--db", str(db)])
    assert "cột E" not in capsys.readouterr().out
