"""Step 5 (cont.), put drafts on the map: the year, the issuing unit, and each row's unit.

A name that cannot be resolved does not reject the file: it becomes an unresolved unit under the
file's locality (its province at least), listed by `python -m etl status` until an alias fixes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from etl.errors import FormError, Issue, cell_name
from etl.extract import Draft
from etl.text import clean, key
from etl.title import TitleInfo, locality_mentions, speaks_for_locality, title_places, year_from_filename
from etl.units import Unit, UnitIndex, split_type

_LEVEL_OF_TYPE = {"tinh": "province", "thanh pho": "district", "quan": "district", "huyen": "district",
                  "thi xa": "district", "xa": "commune", "phuong": "commune", "thi tran": "commune",
                  "dac khu": "commune"}
_TYPED = {"district": ("quan", "huyen", "thi xa"), "commune": ("xa", "phuong", "thi tran", "dac khu")}  # no "tp"


@dataclass
class Report:
    """One unit's report for one year, ready to load. `figures_sha` digests its figures, so that an
    identical resubmission adds nothing; it is made with the report, in the parse workers."""

    year: int
    unit: Unit
    reported_name: str
    facts: dict[str, list[int]]
    funding: dict[str, int]
    sheet: str
    row: int | None
    cells: dict[str, str] = field(default_factory=dict)  # 'participants:toa_dam' -> 'E12': where each figure was read
    form_date: date | None = None  # the date written on the form ("…, ngày 20 tháng 10 năm 2025"), if any
    figures_sha: str = field(init=False)
    cells_json: str = field(init=False)  # `cells` as stored, serialised here for the same reason

    def __post_init__(self) -> None:
        digested = (sorted((k, e, p) for k, (e, p) in self.kept_facts.items()), sorted(self.funding.items()))
        self.figures_sha = hashlib.sha256(repr(digested).encode()).hexdigest()[:20]
        self.cells_json = json.dumps(self.cells, separators=(",", ":"))

    @property
    def kept_facts(self) -> dict[str, tuple[int, int]]:
        """What loading writes, previews show and the digest covers: the indicators with anything in them."""
        return {k: (e, p) for k, (e, p) in self.facts.items() if e or p}

    @property
    def stated_funding(self) -> tuple[int, int] | None:
        """(state budget, social) as loading writes them, when the report states either."""
        if self.funding.keys() & {"state_budget", "social"}:
            return self.funding.get("state_budget", 0), self.funding.get("social", 0)
        return None


@dataclass
class Options:
    year: int | None = None
    province: str | None = None
    folders: tuple[str, ...] = ()  # names of the folders holding the file, nearest first


@dataclass
class Placed:
    reports: list[Report] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def file_year(title: TitleInfo, filename: str, options: Options, sheet: str) -> int | None:
    """The one year all file-level signals agree on; disagreement rejects the file."""
    signals: dict[int, list[str]] = {}
    for year in title.years:
        signals.setdefault(year, []).append("tiêu đề")
    if (from_name := year_from_filename(filename)) is not None:
        signals.setdefault(from_name, []).append("tên tệp")
    if options.year is not None:
        signals.setdefault(options.year, []).append("tham số --year")
    if len(signals) > 1:
        said = "; ".join(f"{' và '.join(src)} ghi năm {y}" for y, src in sorted(signals.items()))
        raise FormError(f"năm báo cáo mâu thuẫn: {said}", sheet, next(iter(title.years.values()), None))
    return next(iter(signals), None)


class Placer:
    """Resolves the drafts of one sheet against the unit index."""

    def __init__(self, index: UnitIndex, title: TitleInfo, options: Options, sheet: str, year: int | None):
        self.index, self.title, self.options, self.sheet, self.year = index, title, options, sheet, year
        self.placed = Placed()
        self.mentions = [m for line in title.issuer_lines for m in locality_mentions(line)]
        self._issuers: dict[str, Unit] = {}  # province key -> issuer: the same for every row of a sheet
        self._title_provinces: dict[int, Unit | None] = {}  # year -> the province the sheet's title etc. name

    def place(self, drafts: list[Draft]) -> Placed:
        seen: dict[tuple[int, str], Draft] = {}
        for draft in drafts:
            if draft.is_total:
                continue
            report = self._report(draft)
            previous = seen.setdefault((report.year, report.unit.key), draft)
            if previous is not draft:
                raise FormError(f"đơn vị '{report.unit.name}' năm {report.year} có hai dòng số liệu "
                                f"({previous.where} và {draft.where}); xóa một dòng rồi gửi lại", self.sheet,
                                cell_name(draft.row, 0) if draft.row is not None else None)
            self.placed.reports.append(report)
        return self.placed

    def _report(self, draft: Draft) -> Report:
        year = self._year(draft)
        province = self._province(year, draft)
        issuer = self._issuer(province)
        if draft.unit_name is None:
            unit = issuer
            name = unit.name
        else:
            context = self._row_context(year, province, issuer, draft)
            name = clean(draft.unit_name)
            unit = self._unit(name, context, draft)
        return Report(year, unit, name, draft.facts, draft.funding, draft.sheet, draft.row, draft.cells,
                      self.title.form_date)

    def _year(self, draft: Draft) -> int:
        if draft.year is not None and self.year is not None and draft.year != self.year:
            raise FormError(f"năm ở dòng ({draft.year}) khác năm của biểu ({self.year})", self.sheet,
                            cell_name(draft.row, 0) if draft.row is not None else None)
        year = draft.year or self.year
        if year is None:
            raise FormError("không xác định được năm báo cáo (tiêu đề, cột Năm hoặc tên tệp); "
                            "ghi năm vào tiêu đề hoặc dùng --year", self.sheet)
        return year

    def _province(self, year: int, draft: Draft) -> Unit:
        """The row's province column, else what the title, options or folders say (the same for every
        row of a sheet, so asked once a year), else a district or commune named only once nationwide."""
        row_province = self.index.province(draft.province_name, year) if draft.province_name else None
        if year not in self._title_provinces:
            self._title_provinces[year] = self._sheet_province(year)
        unit = row_province or self._title_provinces[year]
        unit = unit or self._unique_province([draft.district_name, draft.unit_name], year)
        if unit is None:
            raise FormError("không xác định được tỉnh/thành phố của biểu (ghi trong tiêu đề, cột Tỉnh "
                            "hoặc dùng --province)", self.sheet)
        return unit

    def _sheet_province(self, year: int) -> Unit | None:
        names = [*self.mentions, *([self.options.province] if self.options.province else []),
                 *([self.title.place] if self.title.place else []), *self.title.named]
        self._reject_unknown_province([*self.mentions, *self.title.named])
        folders = list(self.options.folders)  # long exports often carry their province only in a folder name
        found = next((u for n in names + folders if n and (u := self.index.province(n, year))), None)
        return found or self._unique_province(names, year)

    def _reject_unknown_province(self, names: list[str]) -> None:
        """A province the form names that is on neither map ('TỈNH HÀ TÂY' typed for Hà Nội, a slip) would
        leave the form to whatever else names a place: it is refused, naming what was written."""
        for name in names:
            unit_type, core = split_type(name)
            if unit_type == "tinh" and core and not any(self.index.province(name, y) or self.index.anywhere(name, y)
                                                        for y in (2024, 2025)):  # 'Tịnh Biên' is a place
                raise FormError(f"tiêu đề ghi tỉnh '{name}' không có trên bản đồ hành chính (trước hay sau "
                                "sáp nhập 2025); sửa tên tỉnh hoặc dùng --province", self.sheet)

    def _unique_province(self, names: list[str | None], year: int) -> Unit | None:
        """The province of a district or commune whose name occurs in only one province."""
        for name in names:
            found = {self.index.province_of(u).key for u in self.index.anywhere(name, year)} if name else set()
            if len(found) == 1:
                return self.index.units[found.pop()]
        return None

    def _issuer(self, province: Unit) -> Unit:
        if province.key not in self._issuers:
            self._issuers[province.key] = self._find_issuer(province)
        return self._issuers[province.key]

    def _find_issuer(self, province: Unit) -> Unit:
        """The lowest locality the title names ('UBND PHƯỜNG X' over 'QUẬN 12'), or the agency heading it."""
        district = self._named(province, "district")
        commune = self._named(district or province, "commune")
        locality = commune or district or province
        agency = next((line for line in self.title.issuer_lines
                       if self.index.is_agency(line) and not speaks_for_locality(line)), None)
        return self._agency(clean(agency), locality) if agency else locality

    def _named(self, within: Unit, level: str) -> Unit | None:
        """The unit of `level` the title names inside `within`. A name typed for that level ('XÃ TÂN PHÚ')
        that no unit or several units answer is kept unresolved, never read as the unit above: a commune's
        form must not become its province's own report."""
        typed = []
        for line in self.title.issuer_lines:
            cut = [m for m in title_places(line) if m not in locality_mentions(line)]
            found_cut = [u for m in cut for u in self.index.find(m, within) if u.level == level]
            if len(found_cut) == 1:  # 'THỊ XÃ NGÃ NĂM - TỈNH SÓC TRĂNG': each place where the next begins
                return found_cut[0]
            for mention in locality_mentions(line):
                found = self.index.find(mention, within)
                if len(found) == 1 and found[0].level == level:
                    return found[0]
                if split_type(mention)[0] in _TYPED[level]:
                    typed.append(" ".join(clean(line).split()[-len(mention.split()):]))
        if not typed:
            return self._title_named(within, level)
        self.placed.warnings.append(Issue(f"không xác định được đơn vị gửi báo cáo '{typed[0]}' trong {within.name};"
                                          " giữ là chưa xác định, thêm bí danh vào data/unit_aliases.csv", self.sheet))
        return unresolved_unit(typed[0], within)

    def _title_named(self, within: Unit, level: str) -> Unit | None:
        """A place the report's title names ('… NĂM 2021 - HUYỆN BẢO THẮNG, TỈNH LÀO CAI') when the letterhead
        names none: taken only when it answers one unit of that level, never kept unresolved."""
        for name in self.title.named:
            found = self.index.find(name, within)
            if len(found) == 1 and found[0].level == level:
                return found[0]
        return None

    def _row_context(self, year: int, province: Unit, issuer: Unit, draft: Draft) -> Unit:
        base = issuer if issuer.level in ("province", "district", "commune") else province
        if draft.province_name:
            base = province
        if draft.district_name:
            found = self.index.find(draft.district_name, province)
            if len(found) == 1:
                return found[0]
            self._warn(f"không xác định được quận/huyện '{draft.district_name}'", draft)
        return base

    def _unit(self, name: str, context: Unit, draft: Draft) -> Unit:
        by_code = self.index.by_code(draft.unit_code, context) if draft.unit_code else None
        if by_code is not None:
            return by_code
        found = self.index.find(name, context)
        if len(found) == 1:  # a place first: 'Trường Xuân' in a ward column is a ward, not a school
            return found[0]
        if self.index.is_agency(name):
            return self._agency(name, self._mentioned_locality(name, context))
        if found:
            names = ", ".join(f"{u.name} ({u.code})" for u in found[:4])
            self._warn(f"tên '{name}' khớp nhiều đơn vị: {names}; giữ là chưa xác định, thêm bí danh "
                       "vào data/unit_aliases.csv", draft)
        else:
            merged = self.index.merged_into(name, context)
            hint = f" (có thể đã sáp nhập vào {', '.join(u.name for u in merged[:3])})" if merged else ""
            self._warn(f"không tìm thấy đơn vị '{name}' trong {context.name}{hint}; giữ là chưa xác định, "
                       "thêm bí danh vào data/unit_aliases.csv", draft)
        return unresolved_unit(name, context)

    def _mentioned_locality(self, name: str, context: Unit) -> Unit:
        for mention in locality_mentions(name):
            found = self.index.find(mention, context)
            if len(found) == 1:
                return found[0]
            province = self.index.province(mention, 2025 if context.map == "2025" else 2024)
            if province and province.key == self.index.province_of(context).key:
                return province
        return context

    def _agency(self, name: str, parent: Unit) -> Unit:
        return Unit(f"A:{parent.key}:{key(name)}", parent.map, "agency", None, name, parent.key,
                    parent.province_code_2025)

    def _warn(self, message: str, draft: Draft) -> None:
        cell = cell_name(draft.row, 0) if draft.row is not None else None
        self.placed.warnings.append(Issue(message, self.sheet, cell))


def unresolved_unit(name: str, context: Unit) -> Unit:
    """A placeholder unit under its context, keyed so the same name always lands on the same key."""
    unit_type, _ = split_type(name)
    level = _LEVEL_OF_TYPE.get(unit_type or "", "commune" if context.level == "district" else "unknown")
    return Unit(f"U:{context.key}:{key(name)}", context.map, level, None, name, context.key,
                context.province_code_2025, resolved=False)
