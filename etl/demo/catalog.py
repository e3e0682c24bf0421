"""Real administrative units from `vietnamadminunits`: the 63-province map (≤ 2024) and the 34-province map (2025+).

The ETL resolves names against the same package, so demo forms must name units that exist there
(except the few deliberately unresolvable ones). The legacy table is the package's end-2024
snapshot (e.g. Huế already split into Quận Phú Xuân / Thuận Hóa, HCMC with TP Thủ Đức); forms for
2020–2024 use it as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import vietnamadminunits
from vietnamadminunits.database import get_data

FIRST_NEW_MAP_YEAR = 2025

# Prefix abbreviations officers use in tables ("TP. Long Xuyên", "TT. Cái Dầu").
ABBREVIATIONS = {
    "Thành phố": "TP.", "Thị xã": "TX.", "Thị trấn": "TT.", "Huyện": "H.",
    "Quận": "Q.", "Phường": "P.", "Xã": "Xã", "Đặc khu": "ĐK.", "Tỉnh": "Tỉnh",
}


@dataclass(frozen=True)
class Unit:
    """One official unit as the package names it, with the context needed for titles and totals."""

    code: str
    name: str                 # official full name, e.g. "Phường Tân Chánh Hiệp"
    short: str                # without the type prefix, e.g. "Tân Chánh Hiệp"
    kind: str                 # type prefix, e.g. "Phường"
    level: str                # province | district | commune
    province_code: str        # province of the same map
    province_2025: str        # province code on the 2025 map
    district_code: str | None = None

    @property
    def printed(self) -> str:
        """Full name as officers print it: the package's "Phường Phường Đúc" is written "Phường Đúc"."""
        return self.short if self.short.startswith(self.kind + " ") else self.name

    def abbreviated(self) -> str:
        """"P. Tân Chánh Hiệp", "TP. Long Xuyên"; numbered units drop the space ("Phường 1" -> "P.1")."""
        prefix = ABBREVIATIONS.get(self.kind, self.kind)
        rest = self.short[len(self.kind):].strip() if self.short.startswith(self.kind + " ") else self.short
        return prefix + rest if rest.isdigit() else f"{prefix} {rest}"


@dataclass
class MapLevel:
    """Units of one map (old or new) indexed for planning."""

    provinces: dict[str, Unit] = field(default_factory=dict)
    districts: dict[str, Unit] = field(default_factory=dict)
    communes: dict[str, Unit] = field(default_factory=dict)
    districts_of: dict[str, list[Unit]] = field(default_factory=dict)
    communes_of: dict[str, list[Unit]] = field(default_factory=dict)  # by district (old) or province (new)


@dataclass
class Catalog:
    """Both maps plus the old→new province mapping."""

    old: MapLevel
    new: MapLevel

    def map_for(self, year: int) -> MapLevel:
        """The map in force in a given campaign year."""
        return self.new if year >= FIRST_NEW_MAP_YEAR else self.old

    def province(self, year: int, code: str) -> Unit:
        return self.map_for(year).provinces[code]

    def district(self, province_code: str, name: str) -> Unit:
        """Old district by full or short name inside an old province."""
        for unit in self.old.districts_of[province_code]:
            if name in (unit.name, unit.short):
                return unit
        raise KeyError(f"{name} not in province {province_code}")

    def commune(self, year: int, scope_code: str, name: str) -> Unit:
        """Commune by full or short name inside an old district (≤ 2024) or a new province (2025+)."""
        for unit in self.map_for(year).communes_of[scope_code]:
            if name in (unit.name, unit.short):
                return unit
        raise KeyError(f"{name} not in {scope_code}")

    def commune_in_province(self, province_code: str, name: str) -> Unit:
        """Old commune by name anywhere in an old province (for forms that do not say the district)."""
        for district in self.old.districts_of[province_code]:
            for unit in self.old.communes_of[district.code]:
                if name in (unit.name, unit.short, unit.printed):
                    return unit
        raise KeyError(f"{name} not in province {province_code}")

    def units_in(self, year: int, province_code: str) -> list[Unit]:
        """Rows of a province consolidated table: districts before 2025, communes from 2025."""
        level = self.map_for(year)
        if year >= FIRST_NEW_MAP_YEAR:
            return list(level.communes_of[province_code])
        return list(level.districts_of[province_code])


def _province_key_map() -> dict[str, str]:
    """Old province key -> new province key, from the package's own converter data."""
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    table = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    return {old: new for new, olds in table.items() for old in olds}


def _kind(name: str, declared: str) -> str:
    """Type prefix read from the name itself (the package mislabels a few, e.g. "Phường 5" typed "Xã")."""
    for kind in sorted(ABBREVIATIONS, key=len, reverse=True):
        if name.lower().startswith(kind.lower() + " "):
            return kind
    return declared


def _short(name: str, kind: str) -> str:
    return name[len(kind):].strip() if name.startswith(kind + " ") else name


def _province(name: str, code: str, code_2025: str) -> Unit:
    kind = "Thành phố" if name.startswith("Thành phố") else "Tỉnh"
    return Unit(code, name, _short(name, kind), kind, "province", code, code_2025)


def _load_new() -> MapLevel:
    fields = ["province", "provinceCode", "ward", "wardType", "wardCode", "wardShort"]
    rows = get_data(fields=fields, table="admin_units")
    level = MapLevel()
    for row in sorted(rows, key=lambda r: (r["provinceCode"], r["wardCode"])):
        pcode = row["provinceCode"]
        if pcode not in level.provinces:
            level.provinces[pcode] = _province(row["province"], pcode, pcode)
            level.communes_of[pcode] = []
        kind = _kind(row["ward"], row["wardType"])
        unit = Unit(row["wardCode"], row["ward"], row["wardShort"], kind, "commune", pcode, pcode)
        level.communes[unit.code] = unit
        level.communes_of[pcode].append(unit)
    return level


def _load_old(new_code_by_key: dict[str, str]) -> MapLevel:
    fields = ["province", "provinceCode", "provinceKey", "district", "districtCode", "districtShort", "districtType",
              "ward", "wardCode", "wardShort", "wardType"]
    rows = get_data(fields=fields, table="admin_units_legacy")
    level = MapLevel()
    for row in sorted(rows, key=lambda r: (r["provinceCode"], r["districtCode"], r["wardCode"] or "")):
        pcode, dcode = row["provinceCode"], row["districtCode"]
        p2025 = new_code_by_key[row["provinceKey"]]
        if pcode not in level.provinces:
            level.provinces[pcode] = _province(row["province"], pcode, p2025)
            level.districts_of[pcode] = []
        if dcode not in level.districts:
            kind = _kind(row["district"], row["districtType"])
            district = Unit(dcode, row["district"], row["districtShort"], kind, "district", pcode, p2025, dcode)
            level.districts[dcode] = district
            level.districts_of[pcode].append(district)
            level.communes_of[dcode] = []
        if row["wardCode"]:
            kind = _kind(row["ward"], row["wardType"])
            unit = Unit(row["wardCode"], row["ward"], row["wardShort"], kind, "commune", pcode, p2025, dcode)
            level.communes[unit.code] = unit
            level.communes_of[dcode].append(unit)
    return level


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Load both maps once per process (≈ 0.2 s)."""
    new = _load_new()
    code_by_new_key = {}
    for row in get_data(fields=["provinceKey", "provinceCode"], table="admin_units"):
        code_by_new_key[row["provinceKey"]] = row["provinceCode"]
    new_code_by_old_key = {old: code_by_new_key[new_key] for old, new_key in _province_key_map().items()}
    return Catalog(old=_load_old(new_code_by_old_key), new=new)
