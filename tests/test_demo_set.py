"""The whole demo set, end to end: every file's outcome and every province's totals equal the
generator's manifest (its independent statement of what each form holds and how it must count)."""

from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import pytest
from vietnamadminunits.database import get_data

from etl.demo.build import generate_demo
from etl.ingest import ingest_paths
from warehouse import deadlines


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo set ingested, judged against the letters' deadlines (the defaults in data/deadlines.csv)."""
    root = tmp_path_factory.mktemp("demo")
    forms, db = root / "forms", root / "demo.duckdb"
    manifest = generate_demo(forms)
    results = {Path(r.path).relative_to(forms).as_posix(): r for r in ingest_paths([forms], db)}
    con = duckdb.connect(str(db))
    assert deadlines.sync(con, deadlines.DEFAULT_PATH) == []
    con.close()
    return manifest, results, db


def test_every_file_has_its_expected_outcome(demo):
    manifest, results, _ = demo
    outcomes = {f["path"]: (results[f["path"]].status, _cell(results[f["path"]])) for f in manifest["files"]}
    expected = {f["path"]: (f["expect"], f["reject_cell"] if f["expect"] == "rejected" else None)
                for f in manifest["files"]}
    assert outcomes == expected


def _cell(result):
    return result.errors[0].cell if result.errors else None


def test_every_province_and_year_totals_match_the_manifest(demo):
    manifest, _, db = demo
    con = duckdb.connect(str(db), read_only=True)
    got = defaultdict(lambda: [0, 0, 0, 0])
    for year, province, events, people in con.execute(
            "SELECT year, province_code, sum(events), sum(participants) FROM report_facts GROUP BY ALL").fetchall():
        got[(year, province)][:2] = [int(events), int(people)]
    for year, province, state, social in con.execute(
            "SELECT year, province_code, sum(state_budget_vnd), sum(social_vnd) FROM report_funding GROUP BY ALL"
    ).fetchall():
        got[(year, province)][2:] = [int(state), int(social)]
    want = {(t["year"], t["province_code_2025"]): [t["events"], t["participants"], t["state_budget_vnd"],
                                                   t["social_vnd"]] for t in manifest["totals"]}
    assert dict(got) == want


def test_names_the_lists_do_not_know_are_kept_and_listed(demo):
    _, results, db = demo
    con = duckdb.connect(str(db), read_only=True)
    unresolved = {name for (name,) in con.execute("SELECT reported_name FROM unresolved_units").fetchall()}
    assert {"Phường Phú Bình", "Phường Thuận Thành", "Phường Phú Cát"} <= unresolved
    hue = results["2020/thua_thien_hue/TP_Hue_tong_hop_phuong_2020.xlsx"]
    assert any("Phú Bình" in w.message and "Thuận Lộc" in w.message for w in hue.warnings)


def test_every_report_keeps_the_date_written_on_its_form(demo):
    manifest, results, db = demo
    con = duckdb.connect(str(db), read_only=True)
    relative = {result.path: path for path, result in results.items()}
    got = {relative[path]: dates for path, dates in con.execute(
        "SELECT i.path, list(DISTINCT s.form_date) FROM submissions s JOIN ingests i USING (ingest_id) GROUP BY ALL"
    ).fetchall()}
    want = {f["path"]: [None if f["form_date"] is None else date.fromisoformat(f["form_date"])]
            for f in manifest["files"] if f["expect"] in ("loaded", "replaced")}
    assert got == want


LETTER_DEADLINES = {"commune": (10, 11), "district": (10, 25), "province": (10, 30)}  # (month, day)


def _official_codes(year: int, province: str, level: str) -> set[str]:
    """The units the package lists for a province of the pre-2025 map (expected to report)."""
    field = {"province": "provinceCode", "district": "districtCode", "commune": "wardCode"}[level]
    rows = get_data(fields=[field, "provinceCode"], table="admin_units_legacy" if year < 2025 else "admin_units")
    return {r[field] for r in rows if r["provinceCode"] == province and r[field]}


def _expected_status(manifest: dict, year: int, province: str, level: str) -> dict[str, str]:
    """Independent statement of the rule from the manifest: a unit has reported when a form of that year is
    signed by it or lists it; on time when one of those is dated on or before its level's deadline; late when
    only its own forms are, and later; undecided ('received') when only a form above lists it, dated later."""
    deadline = date(year, *LETTER_DEADLINES[level])
    own, above = defaultdict(list), defaultdict(list)
    for f in manifest["files"]:
        if (f["year"], f["province_code"]) != (year, province) or f["expect"] not in ("loaded", "replaced"):
            continue
        signed = date.fromisoformat(f["form_date"])  # the scope below has no export without a date
        reports = [r for r in manifest["reports"] if r["file"] == f["path"]]
        for report in reports:
            if report["level"] == level and report["unit_code"]:
                (own if f["signed_by"] == level else above)[report["unit_code"]].append(signed)
        districts = {r["district_code"] for r in reports}
        if f["signed_by"] == level == "district" and len(districts) == 1:  # a district's table of its communes
            own[districts.pop()].append(signed)
    status = dict.fromkeys(_official_codes(year, province, level), "missing")
    for code in own.keys() | above.keys():
        dates = own[code] + above[code]
        status[code] = "on_time" if min(dates) <= deadline else "late" if own[code] else "received"
    return status


@pytest.mark.parametrize("level", ["province", "district", "commune"])
def test_submission_status_of_ha_noi_2024_follows_the_forms(demo, level):
    """Hà Nội 2024: Ba Đình and Ba Vì send tables of their communes, six districts their own forms, a school its
    own (not an expected unit); the city sends no consolidated report."""
    manifest, _, db = demo
    con = duckdb.connect(str(db), read_only=True)
    got = dict(con.execute("SELECT unit_code, status FROM submission_status WHERE year = 2024 AND level = ? "
                           "AND province_code = '01'", [level]).fetchall())
    assert got == _expected_status(manifest, 2024, "01", level)


def test_the_demo_has_reports_on_time_late_and_missing_at_every_level(demo):
    _, _, db = demo
    con = duckdb.connect(str(db), read_only=True)
    counts = con.execute("SELECT level, sum(on_time), sum(late), sum(missing), sum(expected) - sum(received) "
                         "FROM submission_counts GROUP BY level ORDER BY level").fetchall()
    assert [level for level, *_ in counts] == ["commune", "district", "province"]
    for level, on_time, late, missing, not_received in counts:
        assert on_time > 0 and late > 0 and missing == not_received > 0, level
