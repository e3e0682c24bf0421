"""The 2025 reform in one place: where an old unit sits on today's map, and which old units make a new one.

On 1 July 2025 the 63 provinces became 34 (whole provinces merged, so the province mapping is
exact), districts were abolished, and about 10,000 communes became 3,321. Most old communes went
whole into one new commune; 471 were divided between two to five new ones. `vietnamadminunits`
holds both lists and the mapping; this module turns its name keys into the warehouse's unit keys
(see etl.units.unit_key) and stores them in `unit_successors`, which warehouse/sql/boundaries.sql reads.

A divided commune is never split by guesswork: its successor rows carry `is_default` (the new
commune the dataset names as where most of it went) and an area weight (the new communes' areas
from the dataset, normalised), and `exact = FALSE`, so every view that uses them can say the
figure is approximate and which old units it includes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb
from vietnamadminunits.database import query

from etl.units import unit_key

TABLE = """CREATE TABLE IF NOT EXISTS unit_successors (
    unit_key VARCHAR NOT NULL,       -- a unit of the old map (province, district or commune)
    successor_key VARCHAR NOT NULL,  -- the unit of today's map that holds it, wholly or in part
    is_default BOOLEAN NOT NULL,     -- the one successor its figures are counted in
    area_share DOUBLE NOT NULL,      -- weight by the successors' areas (1 when not divided)
    exact BOOLEAN NOT NULL           -- FALSE when the old unit was divided between several new ones
)"""


@dataclass(frozen=True)
class Successor:
    unit_key: str
    successor_key: str
    is_default: bool
    area_share: float
    exact: bool

    def row(self) -> tuple:
        return self.unit_key, self.successor_key, self.is_default, self.area_share, self.exact


@cache
def successors() -> tuple[Successor, ...]:
    """Every old province, district and commune with its successor(s) on today's map."""
    from vietnamadminunits.converter.converter_2025 import (
        DICT_PROVINCE,
        DICT_PROVINCE_WARD_DIVIDED,
        DICT_PROVINCE_WARD_NO_DIVIDED,
    )

    old, new = _old_keys(), _new_keys()
    new_province = {o: n for n, olds in DICT_PROVINCE.items() for o in olds}
    found = [Successor(unit_key("legacy", "province", code), unit_key("2025", "province", new[(new_province[p], "")]),
                       True, 1.0, True) for p, code in old.items() if "_" not in p]
    found += [Successor(unit_key("legacy", "district", code), unit_key("2025", "province", new[(new_province[p.split(
        "_")[0]], "")]), True, 1.0, True) for p, code in old.items() if p.count("_") == 1]
    for province, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for ward, olds in wards.items():
            found += [Successor(_old_key(old, o), unit_key("2025", "commune", new[(province, ward)]), True, 1.0, True)
                      for o in olds]
    for province, divided in DICT_PROVINCE_WARD_DIVIDED.items():
        for o, parts in divided.items():
            area = sum(p["newWardAreaKm2"] for p in parts)
            found += [Successor(_old_key(old, o), unit_key("2025", "commune", new[(province, p["newWardKey"])]),
                                p["isDefaultNewWard"], p["newWardAreaKm2"] / area, False) for p in parts]
    return tuple(found)


def _old_key(old: dict[str, str], converter_key: str) -> str:
    """'tinhbinhphuoc_huyenbudang_xadoanket' names a commune; 'tinhquangngai_huyenlyson_' an island district
    that had no communes and is a special zone (đặc khu) today."""
    province, district, ward = converter_key.split("_")
    if ward:
        return unit_key("legacy", "commune", old[converter_key])
    return unit_key("legacy", "district", old[f"{province}_{district}"])


def _old_keys() -> dict[str, str]:
    """'province', 'province_district' and 'province_district_ward' name keys -> official codes."""
    keys: dict[str, str] = {}
    for r in query("SELECT provinceKey, provinceCode, districtKey, districtCode, wardKey, wardCode "
                   "FROM admin_units_legacy"):
        keys[r["provinceKey"]] = r["provinceCode"]
        keys[f"{r['provinceKey']}_{r['districtKey']}"] = r["districtCode"]
        if r["wardKey"]:
            keys[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"] = r["wardCode"]
    return keys


def _new_keys() -> dict[tuple[str, str], str]:
    """(province key, ward key or '') -> official code on today's map."""
    keys: dict[tuple[str, str], str] = {}
    for r in query("SELECT provinceKey, provinceCode, wardKey, wardCode FROM admin_units"):
        keys[(r["provinceKey"], "")] = r["provinceCode"]
        keys[(r["provinceKey"], r["wardKey"])] = r["wardCode"]
    return keys


def today(old_unit_key: str) -> list[Successor]:
    """Where an old unit sits on today's map (several rows when it was divided)."""
    return [s for s in successors() if s.unit_key == old_unit_key]


def made_of(new_unit_key: str) -> list[Successor]:
    """The old units that make a unit of today's map, wholly or in part."""
    return [s for s in successors() if s.successor_key == new_unit_key]


def ensure_successors(con: duckdb.DuckDBPyConnection) -> None:
    """Create and fill `unit_successors` once per warehouse (it only changes with the package)."""
    con.execute(TABLE)
    if not con.execute("SELECT count(*) FROM unit_successors").fetchall()[0][0]:
        with con.appender("unit_successors") as appender:
            appender.append_rows([s.row() for s in successors()])
