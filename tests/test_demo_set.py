"""The whole demo set, end to end: every file's outcome and every province's totals equal the
generator's manifest (its independent statement of what each form holds and how it must count)."""

from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from etl.demo.build import generate_demo
from etl.ingest import ingest_paths


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    forms, db = root / "forms", root / "demo.duckdb"
    manifest = generate_demo(forms)
    results = {Path(r.path).relative_to(forms).as_posix(): r for r in ingest_paths([forms], db)}
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
