"""Warehouse invariants over every fixture form and over forms whose parts disagree: no unit twice from one
file, and no negative remainder in any view (a district whose communes add up to more than its own report is
a finding on the quality page)."""

from tests.conftest import FIXTURES
from tests.reading_support import LETTERHEAD, workbook

NEGATIVE = """SELECT count(*) FROM (
    SELECT events AS v FROM report_facts UNION ALL SELECT participants FROM report_facts
    UNION ALL SELECT state_budget_vnd FROM report_funding UNION ALL SELECT social_vnd FROM report_funding
) WHERE v < 0"""
TWICE = "SELECT sha256, year, unit_key FROM submissions GROUP BY ALL HAVING count(*) > 1"


def test_every_fixture_form_loads_each_unit_once_and_no_negative_figure(ingest, sql):
    ingest(*sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".md"))
    assert sql(TWICE) == []
    assert sql(NEGATIVE) == [(0,)]


def test_communes_adding_up_to_more_than_their_district_count_once_and_are_a_finding(ingest, sql, tmp_path):
    """Châu Phú's own report: 1 opening ceremony, 300 people, 4.000.000 đồng state budget. Its communes: Cái Dầu
    1 and 200, Bình Long 1 and 150 (350 people, 2 ceremonies), 3.000.000 + 2.000.000 đồng. The territory counts
    what the communes itemise (2 ceremonies, 350 people, 5.000.000 đồng) and the district adds 0, never -50."""
    district = tmp_path / "chau_phu_huyen_2023.xlsx"
    district.write_bytes(workbook(("Báo cáo", LETTERHEAD + [
        ["TT", "Nội dung", "Số lượng", "Số người tham gia"], [1, "Lễ khai mạc", 1, 300], [],
        ["Ngân sách nhà nước: 4.000.000 đồng"]])))
    communes = tmp_path / "chau_phu_xa_2023.xlsx"
    communes.write_bytes(workbook(("Tổng hợp", LETTERHEAD + [
        ["STT", "Đơn vị", "Lễ khai mạc", "Số người tham gia khai mạc", "NSNN (đồng)"],
        [1, "Thị trấn Cái Dầu", 1, 200, 3_000_000], [2, "Xã Bình Long", 1, 150, 2_000_000]])))
    ingest(str(district), str(communes))
    assert sql(NEGATIVE) == [(0,)]
    assert sql("SELECT sum(events), sum(participants) FROM report_facts") == [(2, 350)]
    assert sql("SELECT sum(state_budget_vnd) FROM report_funding") == [(5_000_000,)]
    opening = "Lễ khai mạc, phát động: các đơn vị bên trong cộng được"
    assert sorted(sql("SELECT unit_name, message, cell FROM quality_findings WHERE rule = 'itemised_exceeds'")) == [
        ("Huyện Châu Phú", f"{opening} 2 hoạt động, báo cáo chung ghi 1", "C5"),
        ("Huyện Châu Phú", f"{opening} 350 người, báo cáo chung ghi 300", "D5"),
        ("Huyện Châu Phú", "Ngân sách nhà nước: các đơn vị bên trong cộng được 5.000.000 đồng, báo cáo chung ghi "
                           "4.000.000 đồng", "A7")]
