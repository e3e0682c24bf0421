"""Tests of the demo-data generator: determinism, manifest truth, and coverage of every habit.

The manifest is what the ETL's own tests compare against, so these tests check it against the
bytes on disk (re-reading files independently) and re-derive the totals with a separate
implementation of the counting rule.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook, SheetVisibleEnum
from vietnamadminunits.database import get_data

from etl.demo import generate_demo, generate_national

METRICS = ("events", "participants", "state_budget_vnd", "social_vnd")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("demo")
    return out, generate_demo(out, seed=2025)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("national")
    return out, generate_national(out, max_forms=1000)


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _files(manifest: dict, **where: object) -> list[dict]:
    return [f for f in manifest["files"] if all(f.get(k) == v for k, v in where.items())]


def _reports_of(manifest: dict, path: str) -> list[dict]:
    return [r for r in manifest["reports"] if r["file"] == path]


def _rows(path: Path, sheet: str | None = None) -> list[list]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python() if sheet else book.get_sheet_by_index(0).to_python()


def _number(value: object) -> int:
    """A count as typed: 12, 12.0, "1.234", "-", "" or None."""
    if value in (None, "", "-"):
        return 0
    if isinstance(value, (int, float)):
        return int(value)
    return int(str(value).replace(".", ""))


# -- determinism --------------------------------------------------------------------------------

def test_demo_is_byte_identical_for_the_same_seed(demo: tuple[Path, dict], tmp_path: Path) -> None:
    root, _ = demo
    generate_demo(tmp_path / "again", seed=2025)
    assert _hashes(root) == _hashes(tmp_path / "again")


def test_national_subset_is_byte_identical(tmp_path: Path) -> None:
    generate_national(tmp_path / "a", years=range(2023, 2026), max_forms=30)
    generate_national(tmp_path / "b", years=range(2023, 2026), max_forms=30)
    assert _hashes(tmp_path / "a") == _hashes(tmp_path / "b")


def test_other_seed_changes_numbers_not_structure(tmp_path: Path) -> None:
    one = generate_national(tmp_path / "s1", years=range(2024, 2026), seed=1, max_forms=20)
    two = generate_national(tmp_path / "s2", years=range(2024, 2026), seed=2, max_forms=20)
    assert {f["province_code"] for f in one["files"]} == {f["province_code"] for f in two["files"]}
    assert one["totals"] != two["totals"]


# -- manifest consistency -----------------------------------------------------------------------

def test_every_manifest_file_exists_and_nothing_else(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {"manifest.json"}
    assert listed == on_disk
    assert 80 <= len(listed) <= 200
    assert json.loads((root / "manifest.json").read_text(encoding="utf-8")) == manifest


def _ancestors(report: dict) -> list[tuple[str, str]]:
    """Territories whose own report would cover this one (an agency is covered by its own locality too)."""
    out = [("province", report["province_code"])]
    if report["district_code"]:
        out.append(("district", report["district_code"]))
    if report["level"] == "agency" and report["parent_level"] != "province":
        out.append((report["parent_level"], report["parent_code"]))
    return [a for a in out if not (report["unit_code"] and a == (report["level"], report["unit_code"]))]


def _expected_totals(reports: list[dict]) -> dict[tuple[int, str], dict[str, int]]:
    """Independent statement of the rule: every current report counts, but a report that others lie inside
    counts, figure by figure, only what the nearest of them do not itemise, and never less than 0."""
    current = [r for r in reports if r["current"]]
    own = {(r["year"], r["level"], r["unit_code"]) for r in current if r["unit_code"]}
    itemised: dict[tuple, Counter] = defaultdict(Counter)
    for report in current:
        covering = [a for a in _ancestors(report) if (report["year"], *a) in own]
        if covering:
            itemised[(report["year"], *covering[-1])].update(_figures(report))
    totals: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(METRICS, 0))
    for report in current:
        inside = itemised[(report["year"], report["level"], report["unit_code"])] if report["unit_code"] else {}
        bucket = totals[(report["year"], report["province_code_2025"])]
        for figure, value in _figures(report).items():
            bucket[figure[0]] += max(value - inside.get(figure, 0), 0)
    return dict(totals)


def _figures(report: dict) -> dict[tuple[str, str], int]:
    figures = {(m, name): f[m] for name, f in report["facts"].items() for m in ("events", "participants")}
    return figures | {("state_budget_vnd", ""): report["state_budget_vnd"], ("social_vnd", ""): report["social_vnd"]}


@pytest.mark.parametrize("which", ["demo", "national"])
def test_totals_follow_the_counting_rule(which: str, request: pytest.FixtureRequest) -> None:
    _, manifest = request.getfixturevalue(which)
    got = {(t["year"], t["province_code_2025"]): {m: t[m] for m in METRICS} for t in manifest["totals"]}
    assert got == _expected_totals(manifest["reports"])


def test_one_current_report_per_unit_and_year(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    keys = [(r["year"], r["level"], r["unit_code"]) for r in manifest["reports"] if r["current"] and r["unit_code"]]
    assert len(keys) == len(set(keys))


def test_rejected_and_duplicate_files_give_no_reports(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    silent = {f["path"] for f in manifest["files"] if f["expect"] in ("rejected", "unchanged")}
    assert silent and not silent & {r["file"] for r in manifest["reports"]}


def test_demo_covers_five_provinces_and_all_years(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    keys = {(t["year"], t["province_code_2025"]) for t in manifest["totals"]}
    assert keys == {(y, p) for y in range(2020, 2027) for p in ("01", "46", "75", "79", "91")}
    old = {f["province_code"] for f in manifest["files"] if f["year"] < 2025}
    assert {"70", "75", "89", "91", "74", "79", "46", "01"} <= old


# -- the manifest matches the bytes ------------------------------------------------------------

def test_single_forms_sum_to_manifest_facts(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    checked = 0
    for f in _files(manifest, layout="single", expect="loaded"):
        if "text:nfc" not in f["features"] or "single:online" in f["features"]:
            continue
        rows = _rows(root / f["path"], f["sheet"])
        start = next(i for i, r in enumerate(rows) if r[0] in ("STT", "TT")) + 1
        events = people = 0
        for row in rows[start:]:
            if not row[1] or str(row[1]).startswith("Kinh phí"):
                break
            events, people = events + _number(row[2]), people + _number(row[3])
        (report,) = _reports_of(manifest, f["path"])
        assert events == sum(x["events"] for x in report["facts"].values()), f["path"]
        assert people == sum(x["participants"] for x in report["facts"].values()), f["path"]
        checked += 1
    assert checked >= 30


def test_consolidated_tables_have_one_numbered_row_per_report(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    for f in _files(manifest, layout="consolidated", expect="loaded"):
        rows = _rows(root / f["path"], f["sheet"])
        numbered = [r for r in rows if str(r[0]).replace(".0", "").isdigit() and r[1] not in ("", None)]
        names = [r[1] for r in numbered]
        assert names == [r["unit_name"] for r in _reports_of(manifest, f["path"])], f["path"]


def _decode(data: bytes, encoding: str) -> str:
    return data.decode({"utf-16": "utf-16", "cp1258": "cp1258"}.get(encoding, encoding))


def test_flat_exports_match_manifest(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    for f in _files(manifest, layout="flat_csv"):
        text = unicodedata.normalize("NFC", _decode((root / f["path"]).read_bytes(), f["encoding"]))
        table = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=f["delimiter"]))
        head, body = table[0], table[1:]
        count_cols = [i for i, h in enumerate(head) if h.endswith("- Số lượng")]
        reports = _reports_of(manifest, f["path"])
        assert len(body) == len(reports)
        for row, report in zip(body, reports, strict=True):
            assert sum(_number(row[i]) for i in count_cols) == sum(x["events"] for x in report["facts"].values())
            assert _number(row[head.index("NSNN (đồng)")]) == report["state_budget_vnd"]


# -- coverage of formats, encodings, layouts and habits ----------------------------------------

def test_formats_layouts_and_expectations_all_occur(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    files = manifest["files"]
    assert {f["format"] for f in files} == {"xlsx", "xls", "ods", "csv"}
    assert {f["layout"] for f in files} == {"consolidated", "single", "flat_csv", "long_csv", "broken"}
    assert {f["expect"] for f in files} == {"loaded", "replaced", "unchanged", "rejected"}
    assert {f["encoding"] for f in files if f["format"] == "csv"} >= {"utf-8", "utf-8-sig", "utf-16", "cp1258"}
    assert {f["delimiter"] for f in files if f["format"] == "csv"} >= {",", ";", "\t"}
    assert {f.get("broken") for f in files} >= {"text_in_number", "formula", "year_conflict", "truncated", "empty"}
    ods_layouts = {f["layout"] for f in files if f["expect"] == "loaded" and f["format"] == "ods"}
    assert ods_layouts >= {"consolidated", "single"}
    assert {r["level"] for r in manifest["reports"]} >= {"district", "commune", "agency"}


REQUIRED_FEATURES = {
    "text:nfd", "text:ascii", "header_rows:1", "header_rows:2", "header_rows:3", "totals:top", "totals:bottom",
    "names:abbr", "names:short", "names:plain", "money:trieu", "money:dong", "money:nghin", "money:1000d",
    "money:trd", "money:cell", "numbers:text", "numbers:numeric", "zero:-", "zero:blank", "zero:0", "zero:không",
    "number_row:paren", "number_row:letters", "sheet:guide", "sheet:chart", "sheet:list", "funding:rows",
    "funding:lines", "single:online", "single:tt", "split_rows", "with_code", "csv_head:vi", "csv_head:snake",
    "header:std2", "header:three", "header:split", "header:flat1",
}


def test_every_habit_occurs_in_a_loaded_file(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    seen = {feat for f in manifest["files"] if f["expect"] == "loaded" for feat in f["features"]}
    assert REQUIRED_FEATURES <= seen, REQUIRED_FEATURES - seen
    tags = {t for f in manifest["files"] for t in f["tags"]}
    assert {"quan12_case", "resubmission", "duplicate", "unresolvable"} <= tags


def _all_strings(path: Path) -> list[str]:
    book = CalamineWorkbook.from_path(str(path))
    return [str(v) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
            for v in row if isinstance(v, str) and v]


def test_numbers_and_amounts_written_as_text(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    texts = [s for f in manifest["files"] if f["format"] in ("xlsx", "xls", "ods") and f["expect"] == "loaded"
             for s in _all_strings(root / f["path"])]
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", s) for s in texts)          # "1.234"
    assert any(re.fullmatch(r"\d+,\d", s) for s in texts)                      # "1,5" (triệu)
    assert any(re.fullmatch(r"[\d.]+ đồng", s) for s in texts)                # "15.000.000 đồng"
    assert any(re.fullmatch(r"[\d,]+ triệu( đồng)?", s) for s in texts)       # "15 triệu"
    assert "không" in texts and "-" in texts
    assert any(s.startswith("- Xã hội hóa: Không") for s in texts)
    assert any(re.fullmatch(r"- Xã hội hóa: \d+ triệu", s) for s in texts)
    assert any(s.startswith("- Ngân sách nhà nước: ") and s.endswith(" đồng") for s in texts)
    assert any(re.match(r"Kinh phí ngân sách nhà nước \((đồng|triệu đồng)\)", s) for s in texts)
    for unit in ("(triệu đồng)", "(nghìn đồng)", "(1.000đ)", "(đồng)", "(tr.đ)"):
        assert any(s.endswith(unit) and s.startswith("Kinh phí") for s in texts), unit


def test_unit_name_habits(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    names = {r["unit_name"] for r in manifest["reports"]}
    assert {"P. Tân Chánh Hiệp", "TT. Cái Dầu", "TP. Long Xuyên", "Tan Chanh Hiep", "PHƯỜNG TÂN CHÁNH HIỆP"} <= names


def test_nfd_and_ascii_files(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    nfd = next(f for f in manifest["files"] if "text:nfd" in f["features"] and f["format"] != "csv")
    strings = _all_strings(root / nfd["path"])
    assert any(not unicodedata.is_normalized("NFC", s) for s in strings)
    assert all(unicodedata.is_normalized("NFD", s) for s in strings)
    ascii_file = next(f for f in manifest["files"] if "text:ascii" in f["features"] and f["layout"] == "single")
    assert all(s.isascii() for s in _all_strings(root / ascii_file["path"]))


def test_hidden_and_extra_sheets(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    for f in manifest["files"]:
        if "sheet:guide" not in f["features"]:
            continue
        meta = CalamineWorkbook.from_path(str(root / f["path"])).sheets_metadata
        hidden = [m.name for m in meta if m.visible != SheetVisibleEnum.Visible]
        assert hidden == ["Hướng dẫn"] and len(meta) >= 3 and f["sheet"] in [m.name for m in meta]


def test_csv_encodings_decode_to_the_intended_text(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    for f in _files(manifest, format="csv", expect="loaded"):
        data = (root / f["path"]).read_bytes()
        text = unicodedata.normalize("NFC", _decode(data, f["encoding"]))
        assert data.startswith(b"\xef\xbb\xbf") == (f["encoding"] == "utf-8-sig")
        assert data.startswith(b"\xff\xfe") == (f["encoding"] == "utf-16")
        assert "Đơn vị" in text or "don_vi" in text
        for report in _reports_of(manifest, f["path"]):
            assert unicodedata.normalize("NFC", report["unit_name"]) in text
        if f["encoding"] == "cp1258":
            assert re.search(rb"[\xcc\xec\xd2\xde\xf2]", data), "tones must be combining marks in cp1258"
            assert data.decode("cp1258") != text  # decodes to decomposed text, NFC equals the intended text


# -- scenarios ----------------------------------------------------------------------------------

def test_resubmission_replaces_the_first_version(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    (later,) = _files(manifest, expect="replaced")  # the ETL's status for the file that replaces a version
    first = next(f for f in manifest["files"] if f["path"] == later["replaces"])
    assert first["expect"] == "loaded" and first["path"] < later["path"]
    (old,), (new,) = _reports_of(manifest, first["path"]), _reports_of(manifest, later["path"])
    assert (old["unit_code"], old["year"]) == (new["unit_code"], new["year"])
    assert not old["current"] and new["current"] and old["facts"] != new["facts"]


def test_duplicate_is_byte_identical_and_sorts_after(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    (dup,) = _files(manifest, expect="unchanged")
    assert (root / dup["path"]).read_bytes() == (root / dup["duplicate_of"]).read_bytes()
    assert dup["duplicate_of"] < dup["path"] and dup["path"].split("/")[:2] == dup["duplicate_of"].split("/")[:2]


def test_quan_12_reports_itself_and_its_eleven_wards(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    reports = [r for r in manifest["reports"] if r["year"] == 2023 and r["district_code"] == "761"]
    (district,) = [r for r in reports if r["level"] == "district"]
    wards = [r for r in reports if r["level"] == "commune"]
    legacy = {r["wardCode"] for r in get_data(fields=["wardCode", "districtCode", "provinceCode"],
                                               table="admin_units_legacy")
              if r["districtCode"] == "761" and r["provinceCode"] == "79"}
    assert {w["unit_code"] for w in wards} == legacy and len(wards) == 11
    assert len({w["file"] for w in wards}) == 1 and wards[0]["file"] != district["file"]
    for metric in ("events", "participants"):
        own = sum(x[metric] for x in district["facts"].values())
        assert own >= sum(x[metric] for w in wards for x in w["facts"].values())
    assert district["state_budget_vnd"] >= sum(w["state_budget_vnd"] for w in wards)


def test_unresolvable_wards_are_really_unknown(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    lost = [r for r in manifest["reports"] if r["unit_code"] is None and r["level"] != "agency"]
    assert {r["unit_name"] for r in lost} >= {"Phường Phú Bình", "Phường Thuận Thành"}
    assert all(r["province_code_2025"] == "46" and r["parent_code"] == "46" for r in lost)
    known = {r["ward"] for table in ("admin_units_legacy", "admin_units")
             for r in get_data(fields=["ward", "provinceCode"], table=table) if r["provinceCode"] == "46"}
    assert not {r["unit_name"] for r in lost} & known


def test_agencies_are_attached_to_localities(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    agencies = [r for r in manifest["reports"] if r["level"] == "agency"]
    names = " ".join(r["agency_name"] for r in agencies)
    assert "Hội Khuyến học" in names and "Sở Văn hóa" in names and "Trường THCS" in names
    assert all(r["parent_code"] and r["unit_code"] is None for r in agencies)
    assert {r["parent_level"] for r in agencies} >= {"province", "district"}


def test_broken_files_fail_where_the_manifest_says(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    broken = {f["broken"]: f for f in _files(manifest, expect="rejected")}
    assert (root / broken["empty"]["path"]).stat().st_size == 0
    assert not zipfile.is_zipfile(root / broken["truncated"]["path"])
    formula = broken["formula"]
    sheet = openpyxl.load_workbook(root / formula["path"])[formula["reject_sheet"]]
    assert sheet[formula["reject_cell"]].data_type == "f" and sheet[formula["reject_cell"]].value.startswith("=SUM(")
    conflict = broken["year_conflict"]
    title = openpyxl.load_workbook(root / conflict["path"])[conflict["reject_sheet"]][conflict["reject_cell"]].value
    assert "2023" in title and "2022" in conflict["path"] and conflict["year"] == 2022
    texts = [f for f in manifest["files"] if f.get("broken") == "text_in_number"]
    assert {f["format"] for f in texts} >= {"xlsx", "xls"}
    for f in texts:
        rows = _rows(root / f["path"], f["reject_sheet"])
        col = openpyxl.utils.column_index_from_string(re.match(r"[A-Z]+", f["reject_cell"]).group()) - 1
        row = int(re.search(r"\d+", f["reject_cell"]).group()) - 1
        assert rows[row][col] in ("khoảng 200", "đang cập nhật")


# -- the form's date: a dated place line, around the deadline of the level that signs -----------------

LETTER_DEADLINES = {"commune": (10, 11), "district": (10, 25), "province": (10, 30)}  # (month, day), from the letters


def _plain(text: str) -> str:
    """Lower case without diacritics, so NFD and diacritic-less files read like the others."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_forms_with_a_letterhead_carry_their_date_line(demo: tuple[Path, dict]) -> None:
    root, manifest = demo
    dated = [f for f in manifest["files"] if f["expect"] in ("loaded", "replaced") and f["format"] != "csv"]
    assert dated and all(f["form_date"] for f in dated)
    for f in dated:
        day = date.fromisoformat(f["form_date"])
        line = f", ngay {day.day:02d} thang {day.month} nam {day.year}"
        assert any(_plain(s).endswith(line) for s in _all_strings(root / f["path"])), f["path"]
    assert not any(f["form_date"] for f in _files(manifest, format="csv"))  # exports carry no date


def test_most_forms_are_on_time_and_some_late(demo: tuple[Path, dict]) -> None:
    _, manifest = demo
    signed = [f for f in manifest["files"]
              if f["form_date"] and f["expect"] in ("loaded", "replaced") and f["signed_by"] in LETTER_DEADLINES]
    late = [f for f in signed
            if date.fromisoformat(f["form_date"]) > date(f["year"], *LETTER_DEADLINES[f["signed_by"]])]
    assert 0 < len(late) < len(signed) / 3
    assert {f["signed_by"] for f in late} == {f["signed_by"] for f in signed} == set(LETTER_DEADLINES)


# -- national -----------------------------------------------------------------------------------

def test_national_subset_covers_both_maps(national: tuple[Path, dict]) -> None:
    root, manifest = national
    files = manifest["files"]
    assert len(files) >= 1000 and all((root / f["path"]).exists() for f in files[::50])
    by_year: dict[int, set[str]] = defaultdict(set)
    for f in files:
        by_year[f["year"]].add(f["province_code"])
    assert max(len(by_year[y]) for y in by_year if y <= 2024) >= 60
    assert len(by_year[2025]) == 34
    assert {f["layout"] for f in files} >= {"consolidated", "single", "flat_csv"}
    assert sum(f["layout"] == "single" for f in files) < sum(f["layout"] == "consolidated" for f in files)
