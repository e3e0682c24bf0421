"""The hostile corpus (tests/hostile/corpus.py) through the command line's ingest and the upload page's dry run:
each file rejected with its Vietnamese reason (and the cell, when one is to blame) and nothing of it in the
warehouse, or loaded with the base form's totals worked out by hand; never a traceback, and the good files
beside a bad one load. Time and memory per file are measured by `python -m bench --hostile`, not here."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from etl import cli
from etl.ingest import FileResult, Upload, discover, ingest_paths, preview_uploads
from etl.preview import FilePreview
from etl.resolve import Options
from tests.hostile.corpus import TOTALS, Case, build_corpus, csv_text, xlsx
from tests.test_upload import app_env  # noqa: F401  (the upload page's warehouse and accounts)
from warehouse.load import Warehouse

CORPUS = build_corpus()
BY_NAME = {case.name: case for case in CORPUS}


@pytest.fixture(scope="module")
def corpus_bytes() -> dict[str, bytes]:
    return {case.name: case.build() for case in CORPUS}


SAME_UNITS = [case for case in CORPUS if case.warning is None]  # loaded ones hold the base form's three units


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory, corpus_bytes) -> Path:
    """Each case in a folder of its own (several share a file name), in corpus order; not those that add units
    of their own (their previews are checked below)."""
    root = tmp_path_factory.mktemp("hostile")
    for number, case in enumerate(SAME_UNITS):
        folder = root / f"{number:03d}"
        folder.mkdir()
        (folder / case.filename).write_bytes(corpus_bytes[case.name])
    return root


def warehouse_totals(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        reports, events, participants = con.execute(
            "SELECT count(DISTINCT s.submission_id), sum(f.events), sum(f.participants) FROM submissions s "
            "JOIN facts f USING (submission_id) WHERE s.is_current").fetchone()
        state, social = con.execute(
            "SELECT sum(state_budget_vnd), sum(social_vnd) FROM funding JOIN submissions s USING (submission_id) "
            "WHERE s.is_current").fetchone()
        versions = con.execute("SELECT count(*) FROM submissions").fetchone()[0]
    finally:
        con.close()
    return {"reports": reports, "events": events, "participants": participants, "state_budget": state,
            "social": social, "versions": versions}


def assert_rejected_as_expected(case: Case, status: str, errors: list) -> None:
    assert status == "rejected", (case.name, status)
    assert any(case.message in e.message for e in errors), (case.name, [str(e) for e in errors])
    if case.cell:
        assert case.cell in [e.cell for e in errors], (case.name, [str(e) for e in errors])


def test_corpus_is_large_and_varied():
    assert len(CORPUS) >= 60
    assert sum(c.loads for c in CORPUS) >= 15 and sum(not c.loads for c in CORPUS) >= 45
    assert len(BY_NAME) == len(CORPUS)


def test_every_hostile_file_through_the_command_line_ingest(corpus_folder, tmp_path, index):
    """One run over the corpus: every file ends with a status, the bad ones with their reason, and the
    warehouse holds exactly the base form's three reports (each valid shape of it finds the same figures)."""
    db = tmp_path / "warehouse.duckdb"
    results = ingest_paths([corpus_folder], db, index=index)

    assert len(results) == len(SAME_UNITS)
    for case, result in zip(SAME_UNITS, results, strict=True):
        assert Path(result.path).name == case.filename
        if case.loads:
            assert result.status in ("loaded", "unchanged") and not result.errors, (case.name, result.errors)
        else:
            assert_rejected_as_expected(case, result.status, result.errors)
    assert warehouse_totals(db) == TOTALS | {"versions": TOTALS["reports"]}


def test_every_hostile_file_through_the_upload_dry_run(corpus_bytes, tmp_path, index):
    """The upload page's preview of every file, each against an empty warehouse: the totals a user would see
    in the preview table, and nothing written."""
    db = tmp_path / "warehouse.duckdb"
    uploads = [Upload(case.filename, corpus_bytes[case.name]) for case in CORPUS]
    warehouse = Warehouse(db, index)
    try:
        shown = preview_uploads(warehouse, uploads, Options(), index)
    finally:
        warehouse.close()

    for case, preview in zip(CORPUS, shown, strict=True):
        if case.loads:
            totals = previewed_totals(preview)
            if case.warning:  # rows of unknown units beside the base form's: their count aside, the same figures
                assert any(case.warning in w.message for w in preview.warnings), case.name
                totals["reports"] = TOTALS["reports"]
            assert (preview.status, totals) == ("loaded", TOTALS), case.name
        else:
            assert_rejected_as_expected(case, preview.status, preview.errors)
    assert warehouse_totals(db)["versions"] == 0


def previewed_totals(preview: FilePreview) -> dict[str, int]:
    funding = [r.figures.funding for r in preview.reports if r.figures.funding]
    return {"reports": len(preview.reports), "events": sum(r.figures.events for r in preview.reports),
            "participants": sum(r.figures.participants for r in preview.reports),
            "state_budget": sum(f[0] for f in funding), "social": sum(f[1] for f in funding)}


def test_a_file_that_kills_its_reader_leaves_the_files_beside_it_loading(tmp_path, corpus_bytes, index):
    """The 4.8 KB workbook with a cell at XFD1048576 aborts calamine: its worker dies, it is rejected, and the
    four good files of the same folder (two before it, two after) load."""
    folder = tmp_path / "lot"
    folder.mkdir()
    for name, case in (("1.csv", "csv_utf8"), ("2.xlsx", "xlsx"), ("3.xlsx", "xfd1048576_cell"),
                       ("4.xls", "xls"), ("5.csv", "csv_cp1258")):
        (folder / name).write_bytes(corpus_bytes[case])
    results = {Path(r.path).name: r for r in ingest_paths([folder], tmp_path / "w.duckdb", index=index)}

    assert {n: r.status for n, r in results.items()} == {
        "1.csv": "loaded", "2.xlsx": "unchanged", "3.xlsx": "rejected", "4.xls": "unchanged", "5.csv": "unchanged"}
    assert "SIGABRT" in results["3.xlsx"].errors[0].message
    assert warehouse_totals(tmp_path / "w.duckdb")["participants"] == TOTALS["participants"]


def test_folders_skip_links_and_special_files_and_a_named_device_is_refused_unread(tmp_path, index):
    outside = tmp_path / "outside.csv"
    outside.write_text(csv_text(), encoding="utf-8")
    folder = tmp_path / "lot"
    folder.mkdir()
    (folder / "good.csv").write_text(csv_text(), encoding="utf-8")
    (folder / "zero.csv").symlink_to("/dev/zero")
    (folder / "elsewhere.csv").symlink_to(outside)
    (folder / "linked_folder").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "pipe.csv")

    assert discover([folder]) == [folder / "good.csv"]

    [result] = ingest_paths([folder / "zero.csv"], tmp_path / "w.duckdb", index=index)
    assert (result.status, result.errors[0].message) == (
        "rejected", "không phải tệp thông thường (thiết bị, ống dẫn…) — không đọc")


def test_rejected_bytes_are_archived_only_when_they_are_a_spreadsheet(tmp_path, corpus_bytes, index):
    """A damaged workbook is kept for the officer to look at; a web page named .xlsx and an empty file are not."""
    folder = tmp_path / "lot"
    folder.mkdir()
    for name, case in (("a.xlsx", "html_named_xlsx"), ("b.xlsx", "empty_xlsx"), ("c.xlsx", "error_cell_ref"),
                       ("d.xlsx", "corrupt_sheet_xml")):
        (folder / name).write_bytes(corpus_bytes[case])
    db = tmp_path / "w.duckdb"
    assert {r.status for r in ingest_paths([folder], db, index=index)} == {"rejected"}
    con = duckdb.connect(str(db), read_only=True)
    try:
        archived = sorted(name for (name,) in con.execute("SELECT file_name FROM source_files").fetchall())
        logged = con.execute("SELECT count(*) FROM ingests WHERE status = 'rejected'").fetchone()[0]
    finally:
        con.close()
    assert (archived, logged) == (["c.xlsx", "d.xlsx"], 4)


def test_control_characters_from_a_file_are_escaped_in_plain_cli_output(tmp_path, corpus_bytes, capsys):
    path = tmp_path / "ghi\x1b[31mchu.xlsx"
    path.write_bytes(corpus_bytes["xlsx_control_chars_sheet_name"])
    assert cli.main(["ingest", str(path), "--db", str(tmp_path / "w.duckdb")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x08" not in out
    assert "ghi\\x1b[31mchu.xlsx" in out and "sheet 'Ghi\\x1bc\\x07ch\\x08u'" in out


def test_error_cells_from_excel_name_their_cell(index, vocab):
    """#REF! saved by Excel in a participants cell: calamine reads it as an empty cell, the reader puts the
    error back, and the file is rejected naming E3 (it had loaded 0 participants for Chợ Mới)."""
    from etl.errors import FormError
    from etl.pipeline import parse_file

    with pytest.raises(FormError) as error:
        parse_file(BY_NAME["error_cell_ref"].build(), "a.xlsx", vocab, index)
    assert str(error.value.issue) == ("sheet 'Báo cáo', ô E3: ô báo lỗi công thức '#REF!' thay vì số — sửa công "
                                      "thức trong Excel rồi lưu lại")


def test_a_file_result_is_printed_in_one_block(tmp_path):
    """Escaping does not change ordinary Vietnamese text."""
    result = FileResult("Báo cáo Tịnh Biên.xlsx", "loaded", reports=3)
    assert cli.file_line(result) == "✓ đã nạp           Báo cáo Tịnh Biên.xlsx (3 báo cáo)"


def test_base_form_loads_with_the_hand_worked_totals(tmp_path, index):
    """The reference the corpus compares with: the base form alone."""
    path = tmp_path / "an_giang_2020.xlsx"
    path.write_bytes(xlsx())
    [result] = ingest_paths([path], tmp_path / "w.duckdb", index=index)
    assert (result.status, result.reports) == ("loaded", 3)
    assert warehouse_totals(tmp_path / "w.duckdb") == TOTALS | {"versions": 3}


PAGE_SUBSET = ["csv_utf8", "xfd1048576_cell", "encrypted_xlsx", "error_cell_ref", "zip_declared_3gb",
               "html_named_xlsx", "csv_field_over_csv_limit"]


@pytest.mark.usefixtures("app_env")
def test_hostile_files_on_the_upload_page_leave_the_page_and_the_good_file_s_preview(corpus_bytes):
    """A representative subset uploaded at once on 'Nộp báo cáo' (all of them go through the same previews
    above): the server survives the file that aborts its reader, each bad file shows its own reason, and the
    good file's preview is there with its totals."""
    from tests.test_upload import OFFICER, open_page, upload

    cases = [BY_NAME[name] for name in PAGE_SUBSET]
    at = upload(open_page("pages/upload.py", OFFICER),
                *[Upload(f"{i}_{case.filename}", corpus_bytes[case.name]) for i, case in enumerate(cases)])

    errors = [e.value for e in at.error]
    for case in cases[1:]:
        assert sum(case.message in error for error in errors) == 1, (case.name, errors)
    preview = at.dataframe[0].value
    assert sum(int(v.replace(".", "")) for v in preview["Người tham gia"]) == TOTALS["participants"]
    assert at.markdown[0].value == f"**{len(cases)} tệp:** 1 chờ xác nhận, {len(cases) - 1} bị từ chối"
