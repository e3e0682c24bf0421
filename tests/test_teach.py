"""Teach it once: an officer's choice for a column no rule reads is kept as a row of the taught headers' file,
and the next file with that header reads by itself; no other header changes meaning."""

import csv

import pytest

from etl.cli import main
from etl.errors import FormError
from etl.headers import Vocabulary
from etl.teach import FUNDING, IGNORE, UNIT, activity, choices, synonym_row, teach
from tests.conftest import rows
from tests.reading_support import LETTERHEAD, figures, messages, read, workbook

UNMAPPED = "không khớp chỉ tiêu nào"


def extracurricular(group: str = "Hoạt động ngoại khóa", count: str = "SL") -> bytes:
    """Two communes; 'Lễ khai mạc' is known, the group to its right is not (to the reader as shipped)."""
    rows = LETTERHEAD + [["STT", "Đơn vị", "Lễ khai mạc", None, group, None],
                         [None, None, "Số lượng", "Số người", count, "Số người"],
                         [1, "Thị trấn Cái Dầu", 1, 200, 3, 90], [2, "Bình Long", 1, 150, 2, 40]]
    return workbook(("Biểu", rows), merged={"Biểu": ["A4:A5", "B4:B5", "C4:D4", "E4:F4"]})


def taught(tmp_path, *pairs) -> Vocabulary:
    local = tmp_path / "header_synonyms_local.csv"
    teach([synonym_row(path, choice) for path, choice in pairs], local)
    return Vocabulary.load(local=local)


def test_an_unknown_group_is_reported_not_read_as_the_activity_on_its_left(vocab, index):
    parsed = read(extracurricular(), vocab, index)
    assert figures(parsed) == {"Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {}),
                               "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {})}
    assert [m for m in messages(parsed) if UNMAPPED in m] == [
        f"cột 'Hoạt động ngoại khóa / SL' {UNMAPPED} trong bảng từ đồng nghĩa — bỏ qua cột này; để đọc cột này, "
        "thêm dòng: indicator,<mã hoạt động>,events,Hoạt động ngoại khóa / SL",
        f"cột 'Hoạt động ngoại khóa / Số người' {UNMAPPED} trong bảng từ đồng nghĩa — bỏ qua cột này; để đọc cột "
        "này, thêm dòng: indicator,<mã hoạt động>,participants,Hoạt động ngoại khóa / Số người"]


def test_a_taught_column_loads_into_the_chosen_activity(tmp_path, index):
    vocab = taught(tmp_path, (("Hoạt động ngoại khóa", "SL"), activity("class", "events")),
                   (("Hoạt động ngoại khóa", "Số người"), activity("class", "participants")))
    parsed = read(extracurricular(), vocab, index)
    assert figures(parsed) == {"Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200), "class": (3, 90)}, {}),
                               "Xã Bình Long": ({"opening_ceremony": (1, 150), "class": (2, 40)}, {})}
    assert not [m for m in messages(parsed) if UNMAPPED in m]


def test_ignore_silences_the_warning_and_loads_nothing(tmp_path, index):
    vocab = taught(tmp_path, (("Hoạt động ngoại khóa", "SL"), IGNORE), (("Hoạt động ngoại khóa", "Số người"), IGNORE))
    parsed = read(extracurricular(), vocab, index)
    assert figures(parsed) == {"Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {}),
                               "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {})}
    assert not [m for m in messages(parsed) if UNMAPPED in m]
    assert "  cột E 'Hoạt động ngoại khóa / SL': bỏ qua theo lựa chọn của cán bộ — không tính" \
        in parsed.readings[0].lines()


@pytest.mark.parametrize(("group", "count"), [("Hoạt động ngoài giờ", "SL"), ("Hoạt động ngoại khóa", "Số lượt"),
                                              ("Hoat dong ngoai khoa", "SL")])
def test_a_near_miss_header_stays_unmapped(group, count, tmp_path, index):
    """Only the header taught, as written: another wording, another measure or the same words without their
    marks (which could be other words) are still reported."""
    vocab = taught(tmp_path, (("Hoạt động ngoại khóa", "SL"), activity("class", "events")))
    parsed = read(extracurricular(group, count), vocab, index)
    assert any(m.startswith(f"cột '{group} / {count}' {UNMAPPED}") for m in messages(parsed))
    assert "class" not in figures(parsed)["Xã Bình Long"][0]


def test_the_old_tone_placement_is_the_same_header(tmp_path, index):
    """'khoá' is 'khóa'; and the bare 'Số người' beside the taught count, in its group, counts its people."""
    vocab = taught(tmp_path, (("Hoạt động ngoại khóa", "SL"), activity("class", "events")))
    parsed = read(extracurricular("Hoạt động ngoại khoá"), vocab, index)
    assert figures(parsed)["Xã Bình Long"][0] == {"opening_ceremony": (1, 150), "class": (2, 40)}


@pytest.mark.parametrize(("choice", "row"), [
    (UNIT, ("column", "unit", "")), (IGNORE, ("column", "ignored", "")),
    (activity("contest", "participants"), ("indicator", "contest", "participants")),
    (FUNDING["state_budget"], ("funding", "state_budget", "")), (FUNDING["social"], ("funding", "social", "")),
    (FUNDING["total"], ("funding", "total", "")),
])
def test_a_choice_becomes_one_row_naming_the_whole_header(choice, row):
    assert synonym_row(("Kinh phí  ngoại khóa", "Nguồn  khác (triệu đồng)"), choice) == dict(
        zip(("kind", "target", "measure"), row, strict=True), synonym="Kinh phí ngoại khóa / Nguồn khác (triệu đồng)")


def test_teaching_again_replaces_the_row_and_never_duplicates_it(tmp_path):
    local = tmp_path / "header_synonyms_local.csv"
    teach([synonym_row(("Ngoại khóa",), activity("class", "events"))], local)
    teach([synonym_row(("Ngoại khóa",), activity("class", "events")),
           synonym_row(("Nơi tổ chức",), UNIT)], local)
    teach([synonym_row(("Ngoại khóa",), activity("visit", "events"))], local)
    with local.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [["kind", "target", "measure", "synonym"],
                                            ["column", "unit", "", "Nơi tổ chức"],
                                            ["indicator", "visit", "events", "Ngoại khóa"]]
    assert [p.name for p in tmp_path.iterdir()] == ["header_synonyms_local.csv"]  # no temporary file left


def test_taught_funding_is_scaled_as_its_header_says(tmp_path, index):
    rows = LETTERHEAD + [["STT", "Đơn vị", "Lễ khai mạc", "Nguồn đóng góp (triệu đồng)"],
                         [1, "Thị trấn Cái Dầu", 1, 12], [2, "Bình Long", 2, 3]]
    vocab = taught(tmp_path, (("Nguồn đóng góp (triệu đồng)",), FUNDING["social"]))
    assert figures(read(workbook(("Biểu", rows)), vocab, index)) == {
        "Thị trấn Cái Dầu": ({"opening_ceremony": (1, 0)}, {"social": 12_000_000}),
        "Xã Bình Long": ({"opening_ceremony": (2, 0)}, {"social": 3_000_000})}


def test_every_activity_can_be_chosen_by_count_or_people():
    named = choices([("class", "Lớp học, chuyên đề bồi dưỡng"), ("visit", "Tham quan bảo tàng, di tích")])
    assert [label for label, _ in named] == [
        "Đơn vị", "Lớp học, chuyên đề bồi dưỡng — số hoạt động", "Lớp học, chuyên đề bồi dưỡng — số người",
        "Tham quan bảo tàng, di tích — số hoạt động", "Tham quan bảo tàng, di tích — số người",
        "Kinh phí — ngân sách nhà nước", "Kinh phí — xã hội hóa", "Kinh phí — tổng", "Bỏ qua cột này"]


def test_the_cli_names_the_unmapped_headers_and_how_to_teach_them(db, tmp_path, capsys, monkeypatch):
    local = tmp_path / "header_synonyms_local.csv"
    monkeypatch.setenv("HTSD_SYNONYMS_LOCAL", str(local))
    form = tmp_path / "chau_phu_2023.xlsx"
    form.write_bytes(extracurricular())
    assert main(["ingest", str(form), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert (f"ô E5: cột 'Hoạt động ngoại khóa / SL' {UNMAPPED} trong bảng từ đồng nghĩa — bỏ qua cột này; để "
            "đọc cột này, thêm dòng: indicator,<mã hoạt động>,events,Hoạt động ngoại khóa / SL") in out
    assert "thêm dòng: indicator,<mã hoạt động>,participants,Hoạt động ngoại khóa / Số người" in out
    assert f"Để đọc các cột chưa nhận ra, thêm vào {local} mỗi cột một dòng kind,target,measure,synonym" in out
    assert "Mã hoạt động: opening_ceremony (Lễ khai mạc, phát động); communication (Tuyên truyền); " \
           "class (Lớp học, chuyên đề bồi dưỡng);" in out
    local.write_text("kind,target,measure,synonym\nindicator,class,events,Hoạt động ngoại khóa / SL\n",
                     encoding="utf-8")  # as the hint says, by hand
    fresh = tmp_path / "next.duckdb"  # the same file again would change nothing in the first warehouse
    assert main(["ingest", str(form), "--db", str(fresh)]) == 0
    out = capsys.readouterr().out
    assert UNMAPPED not in out and "Để đọc các cột" not in out
    assert rows(fresh, "SELECT unit_name, events, participants FROM report_facts WHERE indicator = 'class' "
                "ORDER BY unit_name", []) == [("Thị trấn Cái Dầu", 3, 90), ("Xã Bình Long", 2, 40)]


def test_a_sheet_refused_for_want_of_known_columns_reads_once_its_headers_are_taught(vocab, tmp_path, index):
    """No column names an activity: the file is refused today. Taught by hand (the rows the CLI's hint shows),
    'Tên cơ sở' is the unit and the two 'Ngoại khóa' columns are classes: 3 | 90 and 2 | 40."""
    rows = LETTERHEAD + [["STT", "Tên cơ sở", "Ngoại khóa SL", "Ngoại khóa người"],
                         [1, "Thị trấn Cái Dầu", 3, 90], [2, "Bình Long", 2, 40]]
    with pytest.raises(FormError, match="không tìm thấy bảng báo cáo nào"):
        read(workbook(("Biểu", rows)), vocab, index)
    taught_vocab = taught(tmp_path, (("Tên cơ sở",), UNIT), (("Ngoại khóa SL",), activity("class", "events")),
                          (("Ngoại khóa người",), activity("class", "participants")))
    parsed = read(workbook(("Biểu", rows)), taught_vocab, index)
    assert figures(parsed) == {"Thị trấn Cái Dầu": ({"class": (3, 90)}, {}), "Xã Bình Long": ({"class": (2, 40)}, {})}
    assert messages(parsed) == []
