"""Step 5, resolve units: names as written -> official units of the map in force that year.

Reports for 2024 and earlier name units of the old map (63 provinces, districts, communes);
reports from 2025 name units of the new map (34 provinces, communes, no districts). The official
lists, codes and the province-level old->new mapping come from `vietnamadminunits`; officers add
aliases in `data/unit_aliases.csv`, and the agency words in `data/agency_words.csv`.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vietnamadminunits.database import query

from etl.text import fold, key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REFORM_YEAR = 2025  # the October week of 2025 already ran on the new map (in force from 1/7/2025)
TYPE_WORDS = {  # folded prefix -> canonical folded type
    "tinh": "tinh", "thanh pho": "thanh pho", "tp": "thanh pho", "quan": "quan", "q": "quan",
    "huyen": "huyen", "h": "huyen", "thi xa": "thi xa", "tx": "thi xa", "xa": "xa", "x": "xa",
    "phuong": "phuong", "p": "phuong", "f": "phuong", "thi tran": "thi tran", "tt": "thi tran",
    "dac khu": "dac khu",
}
_TYPE_PATTERN = re.compile(r"^(?:ubnd |uy ban nhan dan )?(" + "|".join(
    sorted((re.escape(t) for t in TYPE_WORDS), key=len, reverse=True)) + r")(?: |$)")


@dataclass(frozen=True)
class Unit:
    """One unit of the warehouse's unit dimension. `key` is unique across both maps."""

    key: str
    map: str  # 'legacy' (before 1/7/2025) or '2025'
    level: str  # province | district | commune | agency
    code: str | None
    name: str
    parent_key: str | None
    province_code_2025: str
    resolved: bool = True
    lat: float | None = None
    lon: float | None = None


def map_for(year: int) -> str:
    return "2025" if year >= REFORM_YEAR else "legacy"


def split_type(name: str) -> tuple[str | None, str]:
    """('phuong', 'tan chanh hiep') from 'P. Tân Chánh Hiệp'; numbers lose leading zeros."""
    folded = fold(name)
    match = _TYPE_PATTERN.match(folded)
    unit_type, core = (TYPE_WORDS[match.group(1)], folded[match.end():]) if match else (None, folded)
    core = " ".join(str(int(t)) if t.isdigit() else t for t in core.split())
    return unit_type, core


class UnitIndex:
    """Both official lists, indexed by the name keys officers may write."""

    def __init__(self, units: list[Unit], keys: dict[str, list[str]]):
        self.units = {u.key: u for u in units}
        self.children: dict[str, list[Unit]] = defaultdict(list)
        for unit in units:
            if unit.parent_key:
                self.children[unit.parent_key].append(unit)
        self._by_scope: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        for unit in units:
            for name_key in keys.get(unit.key, []):
                for scope in self._scopes(unit):
                    bucket = self._by_scope[(scope, name_key)]
                    if unit not in bucket:
                        bucket.append(unit)
        self.agency_words = _agency_words()

    def _scopes(self, unit: Unit) -> list[str]:
        """A unit is findable nationally (provinces), in its province and in its district."""
        if unit.level == "province":
            return [f"{unit.map}:*"]
        scopes, parent = [f"{unit.map}:all"], unit.parent_key
        while parent:
            scopes.append(parent)
            parent = self.units[parent].parent_key
        return scopes

    def unit_type(self, unit: Unit) -> str | None:
        return split_type(unit.name)[0]

    def province(self, name: str, year: int) -> Unit | None:
        return self._pick(self._lookup(f"{map_for(year)}:*", name))

    def anywhere(self, name: str, year: int) -> list[Unit]:
        """Districts and communes of the whole country named so (for titles that omit the province)."""
        return self._lookup(f"{map_for(year)}:all", name)

    def find(self, name: str, within: Unit) -> list[Unit]:
        """Candidates for `name` inside `within` (district first, then its province)."""
        found = self._lookup(within.key, name)
        if not found and within.level not in ("province",) and within.parent_key:
            province = self.province_of(within)
            found = self._lookup(province.key, name)
        return found

    def province_of(self, unit: Unit) -> Unit:
        while unit.level != "province" and unit.parent_key:
            unit = self.units[unit.parent_key]
        return unit

    def is_agency(self, name: str) -> bool:
        folded = fold(name)
        return any(folded == w or folded.startswith(w + " ") for w in self.agency_words)

    def _lookup(self, scope: str, name: str) -> list[Unit]:
        unit_type, core = split_type(name)
        candidates: list[Unit] = []
        for name_key in _name_keys(unit_type, core):
            candidates = self._by_scope.get((scope, name_key), [])
            if candidates:
                break
        if unit_type and len(candidates) > 1:
            typed = [u for u in candidates if self.unit_type(u) == unit_type]
            candidates = typed or candidates
        if len(candidates) > 1:  # the same name at two levels: prefer the higher level
            top = min(_LEVEL_RANK[u.level] for u in candidates)
            candidates = [u for u in candidates if _LEVEL_RANK[u.level] == top]
        return candidates

    @staticmethod
    def _pick(candidates: list[Unit]) -> Unit | None:
        return candidates[0] if len(candidates) == 1 else None


_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2, "agency": 3}


def _name_keys(unit_type: str | None, core: str) -> list[str]:
    full = key(f"{unit_type} {core}") if unit_type else None
    bare = core.replace(" ", "")
    keys = [k for k in (full, bare) if k]
    return keys if not bare.isdigit() else [k for k in keys if k != bare]


@cache
def _agency_words() -> tuple[str, ...]:
    with (DATA_DIR / "agency_words.csv").open(encoding="utf-8-sig", newline="") as handle:
        return tuple(fold(r["prefix"]) for r in csv.DictReader(handle) if r["prefix"].strip())


@cache
def load_index(aliases_path: Path | None = None) -> UnitIndex:
    """The index over both maps plus officer aliases; cached because building takes ~0.3 s."""
    units, keys = _official_units()
    _apply_aliases(units, keys, aliases_path or DATA_DIR / "unit_aliases.csv")
    return UnitIndex(units, keys)


def _official_units() -> tuple[list[Unit], dict[str, list[str]]]:
    new_province_of_old = _province_mapping()
    units: dict[str, Unit] = {}
    keys: dict[str, list[str]] = defaultdict(list)
    for row in query("SELECT * FROM admin_units_legacy"):
        new_code = new_province_of_old[row["provinceKey"]]
        _add(units, keys, Unit(f"L:P:{row['provinceCode']}", "legacy", "province", row["provinceCode"],
                               row["province"], None, new_code, True, row["provinceLat"], row["provinceLon"]),
             row, "province")
        _add(units, keys, Unit(f"L:D:{row['districtCode']}", "legacy", "district", row["districtCode"],
                               row["district"], f"L:P:{row['provinceCode']}", new_code, True,
                               row["districtLat"], row["districtLon"]), row, "district")
        if row["wardCode"]:
            _add(units, keys, Unit(f"L:C:{row['wardCode']}", "legacy", "commune", row["wardCode"], row["ward"],
                                   f"L:D:{row['districtCode']}", new_code, True, row["wardLat"], row["wardLon"]),
                 row, "ward")
    for row in query("SELECT * FROM admin_units"):
        code = row["provinceCode"]
        _add(units, keys, Unit(f"N:P:{code}", "2025", "province", code, row["province"], None, code, True,
                               row["provinceLat"], row["provinceLon"]), row, "province")
        _add(units, keys, Unit(f"N:C:{row['wardCode']}", "2025", "commune", row["wardCode"], row["ward"],
                               f"N:P:{code}", code, True, row["wardLat"], row["wardLon"]), row, "ward")
    return list(units.values()), keys


def _add(units: dict[str, Unit], keys: dict[str, list[str]], unit: Unit, row: dict, prefix: str) -> None:
    if unit.key in units:
        return
    units[unit.key] = unit
    names = [row.get(f"{prefix}Key"), row.get(f"{prefix}ShortKey"), key(unit.name)]
    names += json.loads(row.get(f"{prefix}Alias") or "[]") + json.loads(row.get(f"{prefix}Keywords") or "[]")
    unit_type, core = split_type(unit.name)
    names += _name_keys(unit_type, core)
    keys[unit.key] = [n for n in dict.fromkeys(names) if n and not n.isdigit()]


def _province_mapping() -> dict[str, str]:
    """Old province key -> code of the province that holds it on the 2025 map."""
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE

    new_codes = {r["provinceKey"]: r["provinceCode"] for r in query(
        "SELECT DISTINCT provinceKey, provinceCode FROM admin_units")}
    return {old: new_codes[new] for new, olds in DICT_PROVINCE.items() for old in olds}


def _apply_aliases(units: list[Unit], keys: dict[str, list[str]], path: Path) -> None:
    """Officer aliases: a name as written -> an official code, optionally scoped to a province."""
    if not path.exists():
        return
    by_code = {(u.map, u.code, u.level): u for u in units}
    level_of = {2: "province", 3: "district", 5: "commune"}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code = (row.get("code") or "").strip()
            unit = by_code.get((row["map"].strip(), code, level_of.get(len(code), "")))
            if unit:
                unit_type, core = split_type(row["alias"])
                keys[unit.key].extend(_name_keys(unit_type, core))
