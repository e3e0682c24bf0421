"""Builds FormSpecs: who reports what, in which file, in which habit. Shared by the demo and national sets.

Within a (year, province) every unit is reported by at most one current file; "rest" items
(province tables, exports) pick up the units no specific file has taken, the way a department
consolidates whatever did not arrive separately.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from . import naming
from .catalog import FIRST_NEW_MAP_YEAR, Catalog, Unit
from .figures import FigureBook, Figures
from .spec import Entry, FormSpec, Issuer, Style
from .stable import pick
from .text import slug
from .vocab import SIGNERS, TOTAL_LABELS, UNIT_LABELS


def auto_style(path: str, layout: str, level: str, **overrides: object) -> Style:
    """A plausible mix of habits chosen from the path, then the plan's explicit choices on top."""
    base = Style(
        header=pick(("std2", "std2", "three", "split", "flat1"), path, "h"),
        single=pick(("std", "std", "tt", "online"), path, "s"),
        money=pick(("trieu", "trieu", "dong", "nghin", "1000d"), path, "m") if layout == "consolidated"
        else pick(("dong", "trieu"), path, "m"),
        numbers=pick(("numeric", "numeric", "numeric", "text"), path, "n"),
        zero=pick(("", "", "-", "0"), path, "z"),
        names=pick(("full", "full", "full", "abbr", "short"), path, "w"),
        totals=pick(("bottom", "bottom", "bottom", "top", "none"), path, "t"),
        totals_label=pick(TOTAL_LABELS, path, "tl"),
        unit_label=pick(UNIT_LABELS[level if level in UNIT_LABELS else "commune"], path, "ul"),
        stt_label=pick(("STT", "STT", "TT"), path, "stt"),
        sheet_name=pick(("Báo cáo", "TH", "Sheet1", "Tong hop", "Biểu 01") if layout == "consolidated"
                        else ("Báo cáo", "Sheet1", "BC"), path, "sn"),
        funding=pick(("lines", "rows"), path, "f"),
        split_rows=pick((False, False, False, True), path, "sr"),
    )
    return replace(base, **overrides)


META = ("broken", "tags", "when", "title_year", "replaces", "expect", "current")
# The October deadlines in the letters, by the level of the office that signs the form. data/deadlines.csv holds the
# same defaults for the ETL; the generator keeps its own copy so that it stays independent of what it tests.
DEADLINE_DAY = {"commune": 11, "district": 25, "province": 30}
SENT = (*range(-5, 1), *range(-5, 1), *range(-5, 1), 1, 2, 4, 6)  # days after the deadline: mostly on time, some late


def _meta(style: dict) -> dict:
    """Split scenario settings (broken, dates, resubmission flags) from the writing habits."""
    return {key: style.pop(key) for key in META if key in style}


class Planner:
    """Accumulates FormSpecs and remembers which units are already covered per (year, province)."""

    def __init__(self, catalog: Catalog, seed: int) -> None:
        self.cat = catalog
        self.seed = seed
        self.book = FigureBook(catalog, seed)
        self.specs: list[FormSpec] = []
        self.taken: dict[tuple[int, str], set[str]] = {}

    # -- helpers -------------------------------------------------------------------------------
    def when(self, year: int, path: str, level: str) -> date:
        """The date a form is signed and sent: around the deadline of the level that signs it (an agency keeps
        the province's), on or before it for most forms, a few days late for about one in six."""
        deadline = date(year, 10, DEADLINE_DAY.get(level, DEADLINE_DAY["province"]))
        return deadline + timedelta(days=int(pick(SENT, self.seed, path)))

    def signer(self, path: str) -> str:
        return str(pick(SIGNERS, self.seed, path, "signer"))

    def folder(self, year: int, province: Unit) -> str:
        return f"{year}/{slug(naming.printed_province(province, year)[1])}"

    def _take(self, year: int, province: Unit, *codes: str) -> None:
        self.taken.setdefault((year, province.code), set()).update(codes)

    def rest(self, year: int, province_code: str) -> list[Unit]:
        """Units of a province table/export not covered by a specific file this year."""
        taken = self.taken.get((year, province_code), set())
        return [u for u in self.cat.units_in(year, province_code) if u.code not in taken]

    def figures(self, year: int, unit: Unit) -> Figures:
        if unit.level == "district":
            return self.book.district(year, unit.code)
        return self.book.commune(year, unit.code)

    def entries(self, year: int, units: list[Unit], style: Style) -> list[Entry]:
        return [Entry(naming.written_name(u, style, units), u.level, u, None, self.figures(year, u)) for u in units]

    def add(self, spec: FormSpec) -> FormSpec:
        self.specs.append(spec)
        return spec

    # -- forms ---------------------------------------------------------------------------------
    def table(self, year: int, province: Unit, issuer: Issuer, rows: Callable[[Style], list[Entry]], fmt: str,
              file: str, scope: str, level: str, **style: object) -> FormSpec:
        """A consolidated table; `rows` builds the entries once the style (name habit) is chosen."""
        path = f"{self.folder(year, province)}/{file}"
        meta = _meta(style)
        st = auto_style(path, "consolidated", level, **style)
        return self._spec(path, fmt, "consolidated", year, province, issuer, rows(st), st, meta, scope)

    def province_table(self, year: int, pcode: str, fmt: str, file: str = "", **style: object) -> FormSpec:
        """Sở GDĐT's table: a row per district (≤ 2024) or per commune (2025+) not reported separately."""
        province = self.cat.province(year, pcode)
        units = self.rest(year, pcode)
        self._take(year, province, *(u.code for u in units))
        file = file or f"tong_hop_tuan_le_htsd_{slug(province.short)}_{year}.{fmt}"
        issuer = naming.department(province, year, self.signer(file))
        level = "commune" if year >= FIRST_NEW_MAP_YEAR else "district"
        return self.table(year, province, issuer, lambda st: self.entries(year, units, st), fmt, file,
                          "province", level, **style)

    def district_table(self, year: int, district: Unit, fmt: str, file: str = "", **style: object) -> FormSpec:
        """Phòng GDĐT's table: a row per commune of its district."""
        province = self.cat.province(year, district.province_code)
        self._take(year, province, district.code)
        units = self.cat.old.communes_of[district.code]
        file = file or f"{slug(district.printed)}_tong_hop_xa_phuong_{year}.{fmt}"
        issuer = naming.district_office(district, self.signer(file))
        return self.table(year, province, issuer, lambda st: self.entries(year, units, st), fmt, file,
                          "district", "commune", **style)

    def single(self, year: int, unit: Unit, fmt: str, file: str = "", figures: Figures | None = None,
               **style: object) -> FormSpec:
        """A district's or commune's own report (a first version a later file replaces has current=False)."""
        province = self.cat.province(year, unit.province_code)
        self._take(year, province, unit.district_code if unit.district_code and year < FIRST_NEW_MAP_YEAR
                   else unit.code)
        file = file or f"bao_cao_{slug(unit.printed)}_{year}.{fmt}"
        path = f"{self.folder(year, province)}/{file}"
        printed = naming.printed_province(province, year)[0]
        parents = [printed] if unit.level == "district" or year >= FIRST_NEW_MAP_YEAR else \
            [self.cat.old.districts[unit.district_code].printed, printed]
        issuer = naming.people_committee(unit, parents, self.signer(path))
        entry = Entry(unit.printed.upper(), unit.level, unit, None, figures or self.figures(year, unit))
        return self._single_spec(path, year, province, issuer, entry, fmt, style)

    def agency(self, year: int, pcode: str, name: str, lines: tuple[str, ...], profile: str, parent: Unit,
               fmt: str, role: tuple[str, ...] = ("CHỦ TỊCH",), file: str = "",
               social_vnd: int | None = None, **style: object) -> FormSpec:
        """An association, department or school attached to the locality it serves.

        `social_vnd` pins the social funding so the set surely shows "Xã hội hóa: Không" / "5 triệu".
        """
        province = self.cat.province(year, pcode)
        file = file or f"{slug(name)}_{year}.{fmt}"
        path = f"{self.folder(year, province)}/{file}"
        issuer = naming.agency(lines, parent.short, role, self.signer(path))
        figures = self.book.agency(year, name, profile)
        if social_vnd is not None:
            figures = replace(figures, social_vnd=social_vnd)
        entry = Entry(lines[-1], "agency", None, parent, figures, full_name=name)
        return self._single_spec(path, year, province, issuer, entry, fmt, style)

    def _single_spec(self, path: str, year: int, province: Unit, issuer: Issuer, entry: Entry, fmt: str,
                     style: dict) -> FormSpec:
        meta = _meta(style)
        layout = "broken" if meta.get("broken") in ("truncated", "empty") else "single"
        st = auto_style(path, "single", entry.level, **style)
        return self._spec(path, fmt, layout, year, province, issuer, [entry], st, meta)

    def _spec(self, path: str, fmt: str, layout: str, year: int, province: Unit, issuer: Issuer,
              entries: list[Entry], style: Style, meta: dict, scope: str = "") -> FormSpec:
        broken = meta.get("broken", "")
        spec = FormSpec(path, fmt, layout, year, province, issuer, entries, style, scope=scope,
                        title_year=meta.get("title_year"),
                        broken=broken, expect="rejected" if broken else meta.get("expect", "loaded"),
                        current=meta.get("current", True), replaces=meta.get("replaces", ""),
                        tags=tuple(meta.get("tags", ())))
        spec.when = meta.get("when") or self.when(year, path, spec.signed_by)
        return self.add(spec)

    def export(self, year: int, pcode: str, layout: str, file: str = "", **style: object) -> FormSpec:
        """A flat or long CSV export of every unit not reported separately."""
        province = self.cat.province(year, pcode)
        units = self.rest(year, pcode)
        self._take(year, province, *(u.code for u in units))
        file = file or f"{'xuat_du_lieu' if layout == 'flat_csv' else 'du_lieu_dang_dai'}_{year}.csv"
        path = f"{self.folder(year, province)}/{file}"
        st = auto_style(path, layout, units[0].level, **{"names": "full", **style})
        issuer = naming.department(province, year, self.signer(path))
        spec = FormSpec(path, "csv", layout, year, province, issuer, self.entries(year, units, st), st)
        spec.when = self.when(year, path, spec.signed_by)
        return self.add(spec)

    def duplicate(self, original: FormSpec, folder: str) -> FormSpec:
        """A byte-identical copy saved again under another folder (e.g. the e-mail attachment)."""
        name = original.path.rsplit("/", 1)[1]
        path = f"{original.path.rsplit('/', 1)[0]}/{folder}/{name}"
        spec = replace(original, path=path, expect="unchanged", duplicate_of=original.path,
                       when=date.fromordinal(original.when.toordinal() + 3), tags=("duplicate",))
        return self.add(spec)
