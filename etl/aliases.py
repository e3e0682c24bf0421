"""Names no official list knows, and the aliases officers give them.

Old forms name units that had already disappeared from the lists (Huế's Phường Phú Bình, merged
before 2025) or spell them their own way. The ETL keeps such a name as an unresolved unit under
its locality. A data officer then picks the unit it belongs to; the alias goes to
`data/unit_aliases.csv` (or HTSD_ALIASES; the ETL reads it on every run) and the reports already loaded under the
name move to that unit in one transaction (`Warehouse.realiased`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from etl.files import replace_file
from etl.units import Unit, UnitIndex, aliases_file, load_index, split_type
from warehouse.load import Warehouse, reading

FIELDS = ("map", "province", "alias", "code", "note")
LOCALITIES = ("province", "district", "commune")


@dataclass(frozen=True)
class Suggestion:
    unit: Unit
    score: float  # 0..1: how alike the names are (1 for the unit that absorbed the name)
    reason: str


def suggestions(index: UnitIndex, name: str, within: Unit, limit: int | None = 8) -> list[Suggestion]:
    """Units of `within`'s province on its map, most likely first: the unit the dataset says absorbed a
    unit of this name, then names most alike (type words and diacritics ignored, same type first).
    `limit=None` ranks every candidate, for a picker that lists the rest after the suggestions."""
    absorbed = [Suggestion(u, 1.0, "đã sáp nhập vào đơn vị này trước năm 2025")
                for u in index.merged_into(name, within)]
    unit_type, core = split_type(name)
    scored = []
    for unit in candidates(index, within):
        other_type, other_core = split_type(unit.name)
        score = SequenceMatcher(None, core, other_core).ratio() * (1.0 if other_type == unit_type else 0.9)
        scored.append(Suggestion(unit, score, "tên gần giống"))
    scored.sort(key=lambda s: (-s.score, s.unit.name))
    seen = {s.unit.key for s in absorbed}
    return (absorbed + [s for s in scored if s.unit.key not in seen])[:limit]


def candidates(index: UnitIndex, within: Unit) -> list[Unit]:
    """Every official locality in `within`'s province on its map (the units a name there may belong to)."""
    province = index.province_of(within)
    return sorted((u for u in index.units.values() if u.map == province.map and u.level in LOCALITIES
                   and u.resolved and index.province_of(u).key == province.key), key=lambda u: u.name)


def read_aliases(path: Path | None = None) -> list[dict[str, str]]:
    path = path or aliases_file()
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{f: (row.get(f) or "").strip() for f in FIELDS} for row in csv.DictReader(handle)]


def add_alias(alias: str, unit: Unit, index: UnitIndex, note: str = "", path: Path | None = None) -> None:
    """Append one alias (`alias` means `unit` on `unit`'s map); an identical one is not added twice."""
    path = path or aliases_file()
    row = {"map": unit.map, "province": index.province_of(unit).code or "", "alias": alias.strip(),
           "code": unit.code or "", "note": note.strip()}
    rows = read_aliases(path)
    if not any(r["map"] == row["map"] and r["alias"] == row["alias"] and r["code"] == row["code"] for r in rows):
        _write(path, [*rows, row])


def remove_alias(alias: str, code: str, map_name: str, path: Path | None = None) -> bool:
    """Drop an alias from the file (reports already moved stay where they are until re-ingested)."""
    path = path or aliases_file()
    rows = read_aliases(path)
    kept = [r for r in rows if (r["alias"], r["code"], r["map"]) != (alias, code, map_name)]
    if len(kept) != len(rows):
        _write(path, kept)
    return len(kept) != len(rows)


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    text = io.StringIO()
    writer = csv.DictWriter(text, FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    replace_file(path, text.getvalue())


def apply_to_warehouse(db: Path, path: Path | None = None) -> list[tuple[str, str]]:
    """Move every report kept under a name that an alias now resolves; returns (old, new) unit keys."""
    warehouse = Warehouse(db, load_index(path))
    try:
        return warehouse.realiased
    finally:
        warehouse.close()


def unresolved(db: Path) -> list[dict]:
    """Names kept unresolved with the reports under them, read from the warehouse for a moment."""
    with reading(db) as con:
        rows = con.execute("""
            SELECT v.unit_key, v.reported_name, v.under_unit, u.parent_key, u.map, v.years, v.reports
            FROM unresolved_units v JOIN units u USING (unit_key) ORDER BY v.province_code, v.reported_name""")
        columns = [c[0] for c in rows.description]
        return [dict(zip(columns, r, strict=True)) for r in rows.fetchall()]
