"""The national set: every province of the map in force, every year, every commune reporting.

Before 2025 each district sends one consolidated table of its communes (islands without communes
send their own form); from 2025 each province sends one table of its communes. A share of
communes send their own form instead of appearing in the table. `max_forms` keeps a
deterministic subset chosen round-robin over (year, province) so a small set still covers the map.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from . import naming
from .catalog import FIRST_NEW_MAP_YEAR, Unit
from .planner import Planner, auto_style
from .spec import FormSpec
from .stable import stable_hash
from .text import slug

SINGLE_SHARE = 3          # percent of communes sending their own form instead of being in the table
SKIPPED = ("Hoàng Sa",)   # no population, no reports


@dataclass(frozen=True)
class Proto:
    """A form to be built later (building every form just to drop most of them would be slow)."""

    year: int
    kind: str             # table | single
    scope: Unit           # district (≤ 2024) or province (2025+) for tables; the unit for singles
    members: tuple[Unit, ...] = ()


def _splits(seed: int, year: int, communes: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    singles = [c for c in communes if stable_hash(seed, year, c.code, "single") % 100 < SINGLE_SHARE]
    return [c for c in communes if c not in singles], singles


def _group_protos(p: Planner, year: int, province: Unit) -> list[Proto]:
    """All forms of one province in one year: one table first (so any subset covers the province), then
    the other tables and the single forms mixed in a seed-stable order."""
    tables, singles = [], []
    if year >= FIRST_NEW_MAP_YEAR:
        rows, own = _splits(p.seed, year, p.cat.new.communes_of[province.code])
        tables.append(Proto(year, "table", province, tuple(u for u in rows if u.short not in SKIPPED)))
        singles += [Proto(year, "single", u) for u in own if u.short not in SKIPPED]
    else:
        for district in p.cat.old.districts_of[province.code]:
            communes = p.cat.old.communes_of[district.code]
            if district.short in SKIPPED:
                continue
            if not communes:
                singles.append(Proto(year, "single", district))
                continue
            rows, own = _splits(p.seed, year, communes)
            tables.append(Proto(year, "table", district, tuple(rows)))
            singles += [Proto(year, "single", u) for u in own]
    rest = sorted(tables[1:] + singles, key=lambda proto: stable_hash(p.seed, proto.year, proto.scope.code))
    return tables[:1] + rest


def select(groups: list[list[Proto]], max_forms: int | None) -> list[Proto]:
    """Round-robin over groups so any prefix spreads across all years and provinces."""
    ordered = [proto for layer in zip_longest(*groups) for proto in layer if proto is not None]
    return ordered if max_forms is None else ordered[:max_forms]


def _build(p: Planner, proto: Proto) -> None:
    h = stable_hash(p.seed, proto.year, proto.scope.code, "fmt")
    year, unit = proto.year, proto.scope
    if proto.kind == "single":
        fmt = "xls" if h % 10 < 3 else "xlsx"
        district = f"{slug(p.cat.old.districts[unit.district_code].printed)}/" \
            if year < FIRST_NEW_MAP_YEAR and unit.level == "commune" else ""
        p.single(year, unit, fmt, file=f"{district}bao_cao_{slug(unit.printed)}_{unit.code}_{year}.{fmt}")
        return
    style = {"sheets": (), "text": "nfc", "notes": False}
    members = list(proto.members)
    if h % 100 < 25:
        _export(p, proto, members)
        return
    fmt = "xls" if h % 100 < 50 else "xlsx"
    province = p.cat.province(year, unit.province_code)
    if year >= FIRST_NEW_MAP_YEAR:
        issuer = naming.department(province, year, p.signer(unit.code))
        file = f"tong_hop_{slug(unit.short)}_{year}.{fmt}"
        scope = "province"
    else:
        issuer = naming.district_office(unit, p.signer(unit.code))
        file = f"{slug(unit.printed)}_{unit.code}_tong_hop_{year}.{fmt}"
        scope = "district"
    p.table(year, province, issuer, lambda st: p.entries(year, members, st), fmt, file, scope, "commune", **style)


def _export(p: Planner, proto: Proto, members: list[Unit]) -> None:
    """A district's or province's rows as a flat CSV export from the reporting system."""
    year, unit = proto.year, proto.scope
    province = p.cat.province(year, unit.province_code)
    path = f"{p.folder(year, province)}/xuat_{slug(unit.printed)}_{unit.code}_{year}.csv"
    style = auto_style(path, "flat_csv", "commune", names="full", with_code=stable_hash(path) % 2 == 0,
                       delimiter=(",", ";")[stable_hash(path, "d") % 2],
                       encoding=("utf-8", "utf-8-sig")[stable_hash(path, "e") % 2])
    issuer = naming.department(province, year, p.signer(path))
    spec = FormSpec(path, "csv", "flat_csv", year, province, issuer, p.entries(year, members, style), style)
    spec.when = p.when(year, path, spec.signed_by)
    p.add(spec)


def plan_national(p: Planner, years: range, max_forms: int | None) -> None:
    """Fill the planner with the national set (or its deterministic subset)."""
    groups = []
    for year in years:
        level = p.cat.map_for(year)
        groups += [_group_protos(p, year, province) for _, province in sorted(level.provinces.items())]
    for proto in select(groups, max_forms):
        _build(p, proto)
