"""The consolidated report sent to the level above ("Mẫu tổng hợp"): one row per unit of a level, in the layout of
`python -m etl template`, so the level above reads it with the same tool (`python -m etl ingest`).

Each row is the unit's territory (its own report, or what the reports inside it add up to), taken from the public
views, which never count a territory twice. The units are those expected that year (`submission_status`, on that
year's map): those without any figure are listed after the table, under their own heading, so that ingesting the
file does not turn them into reports of zero. Figures inside the scope that no unit of the level holds (a
province's own agencies, an old district's own figures) are stated under the table, not put in a row: the level
above would otherwise load a row it cannot place.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from etl.template import HEADER_ROW, THIN, header, indicator_labels, title_block
from etl.text import fold
from etl.units import REFORM_YEAR, split_type
from warehouse.deadlines import LEVEL_LABELS
from warehouse.load import reading
from warehouse.submission_status import levels_for

FUNDING = ("state_budget", "social")
FUNDING_LEAVES = ("Ngân sách nhà nước", "Xã hội hóa", "Tổng kinh phí")
MISSING_NOTE = "Chưa báo cáo"
LATE_NOTE = "Nộp trễ hạn"
INSIDE_NOTE = "Chưa tự báo cáo; số liệu của đơn vị trực thuộc"
TITLE = "BÁO CÁO TỔNG HỢP KẾT QUẢ TỔ CHỨC TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI"


class ReportError(ValueError):
    """The report cannot be made as asked (unknown province, a level the year's map does not have); the message
    is for the user."""


@dataclass
class Row:
    """One unit of the level, with its territory's figures. `facts`: indicator -> [events, participants];
    `funding` None when nothing inside it stated funding."""

    unit_key: str
    code: str
    name: str
    district: str | None
    province: str
    status: str  # submission_status.status: on_time | late | received | missing
    facts: dict[str, list[int]] = field(default_factory=dict)
    funding: list[int] | None = None

    @property
    def has_figures(self) -> bool:
        return bool(self.facts) or self.funding is not None

    @property
    def note(self) -> str:
        if self.status == "missing":
            return INSIDE_NOTE if self.has_figures else MISSING_NOTE
        return LATE_NOTE if self.status == "late" else ""


@dataclass
class Upward:
    """What the workbook shows: the rows, the scope's whole figures and who it is from."""

    year: int
    level: str
    province_key: str | None
    province_name: str | None
    rows: list[Row]
    scope_facts: dict[str, list[int]]
    scope_funding: list[int]

    @property
    def reported(self) -> list[Row]:
        return [r for r in self.rows if r.has_figures]

    @property
    def missing(self) -> list[Row]:
        return [r for r in self.rows if not r.has_figures]

    def totals(self) -> tuple[dict[str, list[int]], list[int]]:
        """The totals row: the sum of the rows."""
        facts: dict[str, list[int]] = {}
        funding = [0, 0]
        for row in self.reported:
            for indicator, (events, people) in row.facts.items():
                pair = facts.setdefault(indicator, [0, 0])
                pair[0] += events
                pair[1] += people
            if row.funding:
                funding = [funding[0] + row.funding[0], funding[1] + row.funding[1]]
        return facts, funding

    def outside(self) -> tuple[int, int, int]:
        """(events, participants, funding) in the scope that no row holds."""
        facts, funding = self.totals()
        events = sum(e for e, _ in self.scope_facts.values()) - sum(e for e, _ in facts.values())
        people = sum(p for _, p in self.scope_facts.values()) - sum(p for _, p in facts.values())
        return events, people, sum(self.scope_funding) - sum(funding)


def map_of(year: int) -> str:
    return "2025" if year >= REFORM_YEAR else "legacy"


def find_province(con: duckdb.DuckDBPyConnection, year: int, name: str) -> tuple[str, str]:
    """(unit key, name) of the province of that year's map called `name` ('Đồng Nai', 'Tỉnh Đồng Nai', or its
    code '75'); ReportError naming the choices when none is."""
    provinces = con.execute("SELECT unit_key, code, name FROM units WHERE level = 'province' AND map = ? "
                            "AND resolved ORDER BY name", [map_of(year)]).fetchall()
    wanted = fold(name)
    for key, code, full in provinces:
        if wanted in (fold(full), split_type(full)[1], code):
            return key, full
    raise ReportError(f"Không có tỉnh/thành phố '{name}' trên bản đồ năm {year} "
                      f"({len(provinces)} tỉnh/thành phố, ví dụ {provinces[0][2]}).")


def gather(path: Path, year: int, level: str, province: str | None = None) -> Upward:
    """The report's figures, read from the warehouse at `path`."""
    if level not in levels_for(year):
        raise ReportError(f"Năm {year} không có cấp {LEVEL_LABELS.get(level, level).lower()} "
                          f"(các cấp: {', '.join(LEVEL_LABELS[v].lower() for v in levels_for(year))}).")
    with reading(path) as con:
        key, name = find_province(con, year, province) if province else (None, None)
        params = {"year": year, "level": level, "scope": key}
        rows = {r[0]: Row(*r) for r in con.execute(_EXPECTED, params).fetchall()}
        for unit_key, indicator, events, people in con.execute(_ROW_FACTS, params).fetchall():
            rows[unit_key].facts[indicator] = [int(events), int(people)]
        for unit_key, state, social in con.execute(_ROW_FUNDING, params).fetchall():
            rows[unit_key].funding = [int(state), int(social)]
        scope = {"year": year, "scope": key}
        scope_facts = {i: [int(e), int(p)] for i, e, p in con.execute(_SCOPE_FACTS, scope).fetchall()}
        scope_funding = [int(v or 0) for v in con.execute(_SCOPE_FUNDING, scope).fetchone()]
    return Upward(year, level, key, name, list(rows.values()), scope_facts, scope_funding)


_IN_SCOPE = ("($scope IS NULL OR {k} = $scope OR {k} IN "
             "(SELECT unit_key FROM unit_ancestors WHERE ancestor_key = $scope))")
_EXPECTED = f"""
    WITH province_of AS (  -- the province of that year's map holding each unit (itself, for a province)
        SELECT a.unit_key, p.name FROM unit_ancestors a JOIN units p ON p.unit_key = a.ancestor_key
        WHERE p.level = 'province'
    )
    SELECT s.unit_key, s.unit_code, s.unit_name, s.district_name, coalesce(p.name, s.unit_name) AS province,
           s.status
    FROM submission_status s LEFT JOIN province_of p USING (unit_key)
    WHERE s.year = $year AND s.level = $level AND {_IN_SCOPE.format(k="s.unit_key")}
    ORDER BY province COLLATE vi, s.district_name COLLATE vi NULLS FIRST, s.unit_name COLLATE vi, s.unit_code"""
# every reporting unit under (or being) a unit of the level: the territory a row stands for
_MEMBERS = f"""
    WITH expected AS (
        SELECT unit_key FROM submission_status
        WHERE year = $year AND level = $level AND {_IN_SCOPE.format(k="unit_key")}
    ), members AS (
        SELECT unit_key AS row_key, unit_key FROM expected
        UNION ALL
        SELECT e.unit_key, a.unit_key FROM expected e JOIN unit_ancestors a ON a.ancestor_key = e.unit_key
    )"""
_ROW_FACTS = _MEMBERS + """
    SELECT m.row_key, f.indicator, sum(f.events), sum(f.participants)
    FROM report_facts f JOIN members m USING (unit_key) WHERE f.year = $year GROUP BY ALL"""
_ROW_FUNDING = _MEMBERS + """
    SELECT m.row_key, sum(f.state_budget_vnd), sum(f.social_vnd)
    FROM report_funding f JOIN members m USING (unit_key) WHERE f.year = $year GROUP BY ALL"""
_SCOPE_FACTS = f"""
    SELECT indicator, sum(events), sum(participants) FROM report_facts
    WHERE year = $year AND {_IN_SCOPE.format(k="unit_key")} GROUP BY indicator"""
_SCOPE_FUNDING = f"""
    SELECT sum(state_budget_vnd), sum(social_vnd) FROM report_funding
    WHERE year = $year AND {_IN_SCOPE.format(k="unit_key")}"""


# --- the workbook ------------------------------------------------------------------------------------------------

def write(report: Upward, out: Path, made: date | None = None) -> Path:
    """The workbook at `out`: title block, table, totals row, units not reported, the dated line, signatures."""
    made = made or date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    issuer = (f"UBND {nfc(report.province_name).upper()}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO") if report.province_name else (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "")
    title_block(sheet, report.year, issuer, TITLE)
    sheet["H3"] = date_line(report.province_name, made)
    sheet["H3"].font = Font(italic=True)
    sheet["A5"] = subtitle(report)
    sheet["A5"].font = Font(italic=True)
    leading = _leading(report)
    last = header(sheet, leading, FUNDING_LEAVES)
    row = HEADER_ROW + 2
    for number, unit in enumerate(report.reported, start=1):
        _write_row(sheet, row, [number, *_names(report, unit)], unit.facts, unit.funding, unit.note)
        row += 1
    facts, funding = report.totals()
    label = [""] * len(leading)
    label[leading.index("Đơn vị")] = "TỔNG CỘNG"
    _write_row(sheet, row, label, facts, funding, "", bold=True)
    _borders(sheet, HEADER_ROW + 2, row, last)
    row = _missing_block(sheet, report, row + 2, last)
    row = _outside_line(sheet, report, row)
    _signatures(sheet, row + 1, last)
    _print_setup(sheet, last, len(leading))
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def place_name(province_name: str | None) -> str | None:
    """'Đồng Nai' from 'Tỉnh Đồng Nai', 'Hà Nội' from 'Thành phố Hà Nội': the place of the dated line."""
    if not province_name:
        return None
    for prefix in ("Thành phố ", "Tỉnh "):
        if province_name.startswith(prefix):
            return province_name[len(prefix):]
    return province_name


def date_line(province_name: str | None, made: date) -> str:
    """'Đồng Nai, ngày 04 tháng 12 năm 2026'. Nationally no place is written: the reader would take a named
    place for the province of every row."""
    when = f"ngày {made.day:02d} tháng {made.month:02d} năm {made.year}"
    place = place_name(province_name)
    return f"{place}, {when}" if place else when[0].upper() + when[1:]


def subtitle(report: Upward) -> str:
    level = LEVEL_LABELS[report.level].lower()
    reported = sum(1 for r in report.rows if r.status != "missing")
    where = f" của {report.province_name}" if report.province_name else " cả nước"
    return (f"Tổng hợp theo {level}{where}, địa giới của năm báo cáo: {reported}/{len(report.rows)} đơn vị "
            f"đã báo cáo")


def _leading(report: Upward) -> tuple[str, ...]:
    """A national report names each row's province (the reader needs it: nothing in the title names one); a
    commune before 2025 its district (names repeat across districts)."""
    province = ("Tỉnh/thành phố",) if report.province_key is None else ()
    district = ("Quận/huyện",) if report.level == "commune" and report.year < REFORM_YEAR else ()
    return ("STT", *province, *district, "Đơn vị", "Mã ĐVHC")


def _names(report: Upward, unit: Row) -> list[str]:
    province = [unit.province] if report.province_key is None else []
    district = [unit.district or ""] if report.level == "commune" and report.year < REFORM_YEAR else []
    return [*province, *district, unit.name, unit.code]


def _write_row(sheet: Worksheet, row: int, leading: list, facts: dict[str, list[int]], funding: list[int] | None,
               note: str, bold: bool = False) -> None:
    values: list = list(leading)
    for indicator, _ in indicator_labels():
        events, people = facts.get(indicator, (None, None))
        values += [events, people]
    values += [*funding, sum(funding)] if funding is not None else [None, None, None]
    values.append(note or None)
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        if isinstance(value, int) and column > len(leading):
            cell.number_format = "#,##0"
        if bold:
            cell.font = Font(bold=True)


def _borders(sheet: Worksheet, first: int, last_row: int, last_column: int) -> None:
    for row in sheet.iter_rows(min_row=first, max_row=last_row, max_col=last_column):
        for cell in row:
            cell.border = Border(THIN, THIN, THIN, THIN)


def _missing_block(sheet: Worksheet, report: Upward, row: int, last_column: int) -> int:
    """Units without any figure, after an empty row, each marked in Ghi chú: the reader ends the table at the
    empty row, since these rows hold no figure."""
    missing = report.missing
    if not missing:
        return row
    sheet.cell(row, 1, f"CÁC ĐƠN VỊ CHƯA BÁO CÁO ({len(missing)})").font = Font(bold=True)
    for number, unit in enumerate(missing, start=1):
        cells = [number, *_names(report, unit)]
        for column, value in enumerate(cells, start=1):
            sheet.cell(row + number, column, value)
        sheet.cell(row + number, last_column, MISSING_NOTE).font = Font(italic=True, color="C00000")
    return row + len(missing) + 2


def _outside_line(sheet: Worksheet, report: Upward, row: int) -> int:
    events, people, money = report.outside()
    if not (events or people or money):
        return row
    where = report.province_name or "cả nước"
    text = (f"Ngoài các dòng trên, {where} còn {_vn(events)} hoạt động, {_vn(people)} người tham gia và "
            f"{_vn(money)} đồng kinh phí của đơn vị không thuộc {LEVEL_LABELS[report.level].lower()} nào "
            "(cơ quan, trường học cấp trên, số liệu riêng của cấp trên)")
    sheet.cell(row, 1, text).font = Font(italic=True)
    return row + 2


def _vn(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _signatures(sheet: Worksheet, row: int, last_column: int) -> None:
    right = max(last_column - 6, 6)
    for column, (role, how) in ((2, ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)")),
                                (right, ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))):
        sheet.cell(row, column, role).font = Font(bold=True)
        sheet.cell(row + 1, column, how).font = Font(italic=True)


def _print_setup(sheet: Worksheet, last_column: int, leading: int) -> None:
    """A4 landscape, one page wide, the header repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 2, leading + 1)
    for row, height in ((1, 18), (2, 18), (3, 18), (4, 24), (5, 18)):  # the title block's 14 pt line fits
        sheet.row_dimensions[row].height = height
    widths = {"STT": 5, "Tỉnh/thành phố": 18, "Quận/huyện": 18, "Đơn vị": 26, "Mã ĐVHC": 8}
    for column in range(1, last_column + 1):
        label = sheet.cell(HEADER_ROW, column).value
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = widths.get(label, 11 if column < last_column else 22)
    for column in range(1, last_column + 1):
        sheet.cell(HEADER_ROW + 1, column).alignment = Alignment(horizontal="center", vertical="center",
                                                                 wrap_text=True)


def provinces_within(con: duckdb.DuckDBPyConnection, year: int, today_code: str) -> list[str]:
    """The provinces of that year's map inside a province of today's map: itself from 2025, before it the old
    provinces merged into it (An Giang 2023: An Giang and Kiên Giang)."""
    return [name for (name,) in con.execute(
        "SELECT name FROM units WHERE level = 'province' AND map = ? AND resolved AND province_code_2025 = ? "
        "ORDER BY name COLLATE vi", [map_of(year), today_code]).fetchall()]
