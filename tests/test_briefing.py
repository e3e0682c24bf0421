"""The briefing (`python -m etl briefing`): the deck's native tables and charts and the PDF's text state the
warehouse's numbers for several scopes, before and across the 2025 reform; text is NFC whatever the input; a
department's template is used."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import rows
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from etl.cli import main


def vn(value: float, decimals: int = 0) -> str:
    """1234567 -> '1.234.567'; 1234.5 -> '1.234,5' (written here, not imported from the code under test)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


# (year, compared with, province code on today's map or None, province as typed, boundaries)
CASES = [
    (2025, 2024, None, None, "today"),  # across the reform, nationwide
    (2022, 2021, None, None, "reported"),  # before it, on the map of each year
    (2026, 2025, "75", "Đồng Nai", "today"),  # one province after it: its communes compared
    (2024, 2023, "91", "an giang", "today"),  # one province before it
    (2025, 2024, "91", "An Giang", "today"),  # one province across it: the province itself compared
]
# the place a report counts in, per boundaries: today's province, or the province of the map reported on
PLACE = {"today": "p.province_code", "reported": "b.reported_province_key"}
AREA = "coalesce(b.commune_key_today, 'D:' || p.district_code, '')"


def totals(db: Path, year: int, province: str | None) -> dict[str, int]:
    facts = rows(db, "SELECT coalesce(sum(events), 0), coalesce(sum(participants), 0) FROM report_facts "
                     "WHERE year = ? AND (? IS NULL OR province_code = ?)", [year, province, province])[0]
    money = rows(db, "SELECT coalesce(sum(state_budget_vnd), 0), coalesce(sum(social_vnd), 0) FROM report_funding "
                     "WHERE year = ? AND (? IS NULL OR province_code = ?)", [year, province, province])[0]
    return {"events": int(facts[0]), "participants": int(facts[1]), "state_budget": int(money[0]),
            "social": int(money[1])}


def like_for_like(db: Path, year: int, before: int, province: str | None, boundaries: str) -> dict[int, dict]:
    """Both years' figures over the places (provinces nationwide, today's communes inside one province, the
    province itself across the reform) that hold a current report in both years."""
    across = min(year, before) < 2025 <= max(year, before)
    place = AREA if province and not across else PLACE[boundaries]
    joined = ("{view} r JOIN unit_places p USING (unit_key) JOIN unit_boundaries b USING (unit_key) "
              "WHERE (? IS NULL OR p.province_code = ?)")
    present = rows(db, f"SELECT {place} AS place FROM {joined.format(view='current_reports')} AND r.year = ? "
                       f"INTERSECT SELECT {place} FROM {joined.format(view='current_reports')} AND r.year = ?",
                   [province, province, year, province, province, before])
    places = [p for (p,) in present]
    found = {}
    for y in (before, year):
        facts = rows(db, f"SELECT sum(r.participants), sum(r.events) FROM {joined.format(view='report_facts')} "
                         f"AND r.year = ? AND list_contains(?, {place})", [province, province, y, places])[0]
        money = rows(db, f"SELECT sum(r.state_budget_vnd), sum(r.social_vnd) FROM "
                         f"{joined.format(view='report_funding')} AND r.year = ? AND list_contains(?, {place})",
                     [province, province, y, places])[0]
        found[y] = {"participants": int(facts[0]), "events": int(facts[1]), "spent": int(money[0] + money[1])}
    return found


def slides_by_title(path: Path) -> dict[str, object]:
    return {s.shapes.title.text_frame.text: s for s in Presentation(str(path)).slides}


def slide(slides: dict, start: str):
    return next(s for title, s in slides.items() if title.startswith(start))


def table_rows(found) -> list[list[str]]:
    table = next(sh for sh in found.shapes if sh.has_table).table
    return [[c.text for c in row.cells] for row in table.rows]


def charts_of(found) -> list:
    return [sh.chart for sh in found.shapes if sh.has_chart]


def run_briefing(demo: Path, out: Path, year: int, before: int, typed: str | None, boundaries: str,
                 *extra: str) -> None:
    argv = ["briefing", "--year", str(year), "--compare-with", str(before), "--boundaries", boundaries,
            "--db", str(demo), "--out", str(out), *extra]
    assert main(argv + (["--province", typed] if typed else [])) == 0


@pytest.mark.parametrize(("year", "before", "province", "typed", "boundaries"), CASES)
def test_deck_states_the_warehouse(demo, tmp_path, year, before, province, typed, boundaries):
    out = tmp_path / "briefing.pptx"
    run_briefing(demo, out, year, before, typed, boundaries)
    slides = slides_by_title(out)
    assert len(slides) == 10
    expected = totals(demo, year, province)
    like = like_for_like(demo, year, before, province, boundaries)
    headline = {row[0]: row[1:] for row in table_rows(slide(slides, "Số liệu chính"))}
    assert headline["Người tham gia"][3] == vn(expected["participants"])
    assert headline["Hoạt động"][3] == vn(expected["events"])
    assert headline["Ngân sách nhà nước (triệu đồng)"][3] == vn(expected["state_budget"] / 1e6, 1)
    assert headline["Xã hội hóa (triệu đồng)"][3] == vn(expected["social"] / 1e6, 1)
    assert headline["Người tham gia"][:2] == [vn(like[before]["participants"]), vn(like[year]["participants"])]
    assert headline["Tổng kinh phí (triệu đồng)"][:2] == [vn(like[before]["spent"] / 1e6, 1),
                                                          vn(like[year]["spent"] / 1e6, 1)]
    change = like[year]["participants"] / like[before]["participants"] - 1
    assert headline["Người tham gia"][2] == ("+" if change >= 0 else "") + vn(change * 100, 1) + "%"
    across = min(year, before) < 2025 <= max(year, before)
    if across:
        assert headline["Đơn vị báo cáo"][2] == "–", "unit counts are not compared across the reform"
    said = " ".join(sh.text_frame.text for sh in slide(slides, "Số liệu chính").shapes if sh.has_text_frame)
    assert ("Cùng phạm vi: cả Tỉnh An Giang trong cả hai năm" in said) == (province is not None and across)
    # the trend chart: participants per year in the scope, every year
    (trend,) = charts_of(slide(slides, "Người tham gia qua các năm"))
    years = [y for (y,) in rows(demo, "SELECT DISTINCT year FROM report_facts WHERE ? IS NULL OR province_code = ? "
                                      "ORDER BY year", [province, province])]
    assert list(trend.plots[0].series[0].values) == [totals(demo, y, province)["participants"] for y in years]
    assert [c.split("\n")[0] for c in trend.plots[0].categories] == [str(y) for y in years]
    # every chart keeps its numbers in an embedded workbook: PowerPoint's "Edit Data"
    for found in slides.values():
        for chart in charts_of(found):
            assert chart.part.chart_workbook.xlsx_part is not None
    # every slide states the scope and the boundaries
    words = "hiện nay (từ 1/7/2025)" if boundaries == "today" else "như khi báo cáo"
    for found in slides.values():
        text = " ".join(sh.text_frame.text for sh in found.shapes if sh.has_text_frame)
        assert f"địa giới {words}" in text and f"năm {year} so với năm {before}" in text


def test_leaders_and_missing_units_nationwide(demo, tmp_path):
    out = tmp_path / "briefing.pptx"
    run_briefing(demo, out, 2025, 2024, None, "today")
    slides = slides_by_title(out)
    (leaders,) = charts_of(slide(slides, "Dẫn đầu"))  # five provinces reported: no one lags behind the leaders
    top = rows(demo, "SELECT province_name, sum(participants) FROM report_facts WHERE year = 2025 GROUP BY 1 "
                     "ORDER BY 2 DESC LIMIT 5", [])
    assert list(leaders.plots[0].categories) == [name for name, _ in top]
    assert list(leaders.plots[0].series[0].values) == [int(v) for _, v in top]
    missing = {name for (name,) in rows(demo, "SELECT unit_name FROM submission_status WHERE year = 2025 AND "
                                              "level = 'province' AND NOT received", [])}
    listed = {row[0] for shape in slide(slides, "Tình hình báo cáo").shapes if shape.has_table
              for row in [[c.text for c in r.cells] for r in shape.table.rows][1:]}
    assert listed == missing and len(missing) == 29


def test_pdf_states_the_same_numbers_in_nfc_text(demo, tmp_path):
    """The province typed in NFD (as some keyboards send it) still finds Đồng Nai; the PDF's text is NFC."""
    out = tmp_path / "briefing.pdf"
    run_briefing(demo, out, 2026, 2025, unicodedata.normalize("NFD", "Tỉnh Đồng Nai"), "today")
    text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert text == unicodedata.normalize("NFC", text)
    flat = re.sub(r"\s+", " ", text)
    expected = totals(demo, 2026, "75")
    like = like_for_like(demo, 2026, 2025, "75", "today")
    assert f"ghi {vn(expected['participants'])} người tham gia" in flat
    assert f"từ {vn(like[2025]['participants'])} lên {vn(like[2026]['participants'])}" in flat
    assert "Tỉnh Đồng Nai · năm 2026 so với năm 2025 · địa giới hiện nay (từ 1/7/2025)" in flat
    assert "95/95 xã/phường đã báo cáo" in flat
    assert len(PdfReader(str(out)).pages) == 5
    assert PdfReader(str(out)).pages[0].mediabox.width > PdfReader(str(out)).pages[0].mediabox.height  # landscape


def test_pdf_lists_every_missing_unit(demo, tmp_path):
    out = tmp_path / "briefing.pdf"
    run_briefing(demo, out, 2022, 2021, None, "reported")
    flat = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(str(out)).pages))
    missing = [name for (name,) in rows(demo, "SELECT unit_name FROM submission_status WHERE year = 2022 AND "
                                              "level = 'province' AND NOT received", [])]
    assert f"Chưa báo cáo năm 2022: {len(missing)} đơn vị" in flat
    assert all(name in flat for name in missing)


def test_department_template_is_used(demo, tmp_path):
    template = tmp_path / "so_gd.pptx"
    prs = Presentation()  # 4:3, with a sample slide the deck must not keep
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Mẫu của Sở"
    prs.save(str(template))
    out = tmp_path / "briefing.pptx"
    run_briefing(demo, out, 2025, 2024, None, "today", "--template", str(template))
    made = Presentation(str(out))
    assert made.slide_width == Inches(10) and len(made.slides) == 10
    assert "Mẫu của Sở" not in [s.shapes.title.text_frame.text for s in made.slides]


def test_usage_errors(demo, tmp_path, capsys):
    base = ["briefing", "--db", str(demo)]
    assert main(base + ["--year", "2019", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "không có báo cáo năm 2019" in capsys.readouterr().err
    assert main(base + ["--year", "2025", "--out", str(tmp_path / "x.docx")]) == 2
    assert "phải là .pptx hoặc .pdf" in capsys.readouterr().err
    assert main(base + ["--year", "2025", "--province", "Bình Phước", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Không có báo cáo nào của tỉnh/thành phố 'Bình Phước'" in capsys.readouterr().err
