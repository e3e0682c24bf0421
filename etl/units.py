"""Step 5, resolve units: names as written -> official units of the map in force that year.

Reports for 2024 and earlier name units of the old map (63 provinces, districts, communes);
reports from 2025 name units of the new map (34 provinces, communes, no districts). The official
lists, codes and the province-level old->new mapping come from `vietnamadminunits`; officers add
aliases in `data/unit_aliases.csv`, and the agency words in `data/agency_words.csv`.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from vietnamadminunits.database import query

from etl.text import fold, key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CACHE_DIR = DATA_DIR / ".cache"
REFORM_YEAR = 2025  # the October week of 2025 already ran on the new map (in force from 1/7/2025)
TYPE_WORDS = {  # folded prefix -> canonical folded type
    "tinh": "tinh", "thanh pho": "thanh pho", "tp": "thanh pho", "quan": "quan", "q": "quan",
    "huyen": "huyen", "h": "huyen", "thi xa": "thi xa", "tx": "thi xa", "xa": "xa", "x": "xa",
    "phuong": "phuong", "p": "phuong", "f": "phuong", "thi tran": "thi tran", "tt": "thi tran",
    "dac khu": "dac khu",
}
TYPE_LEVELS = {"tinh": {"province"}, "thanh pho": {"province", "district"}, "quan": {"district"},
               "huyen": {"district"}, "thi xa": {"district"}, "xa": {"commune"}, "phuong": {"commune"},
               "thi tran": {"commune"}, "dac khu": {"commune"}}
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


def unit_key(map_name: str, level: str, code: str) -> str:
    """'L:D:761' (Quận 12 before 2025), 'N:C:26773' (a commune of the 2025 map): unique across maps."""
    return f"{'N' if map_name == '2025' else 'L'}:{level[0].upper()}:{code}"


def map_for(year: int) -> str:
    return "2025" if year >= REFORM_YEAR else "legacy"


@lru_cache(maxsize=65536)
def split_type(name: str) -> tuple[str | None, str]:
    """('phuong', 'tan chanh hiep') from 'P. Tân Chánh Hiệp'; numbers lose leading zeros."""
    folded = fold(name)
    match = _TYPE_PATTERN.match(folded)
    unit_type, core = (TYPE_WORDS[match.group(1)], folded[match.end():]) if match else (None, folded)
    core = " ".join(str(int(t)) if t.isdigit() else t for t in core.split())
    return unit_type, core


def accented_core(name: str) -> str:
    """The name without its type prefix but with its diacritics: tells 'Lộc Thành' from 'Lộc Thạnh'."""
    match = _TYPE_PATTERN.match(fold(name))
    words = re.findall(r"\w+", unicodedata.normalize("NFC", name).lower())
    return " ".join(words[len(match.group(0).split()) if match else 0:])


class UnitIndex:
    """Both official lists, indexed by the name keys officers may write."""

    def __init__(self, units: list[Unit], keys: dict[str, list[str]]):
        self.units = {u.key: u for u in units}
        self._by_scope: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        self._old_by_scope: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        for unit in units:
            for table, names in ((self._by_scope, keys.get(unit.key, [])),
                                 (self._old_by_scope, keys.get(OLD_NAMES + unit.key, []))):
                for name_key in names:
                    for scope in self._scopes(unit):
                        bucket = table[(scope, name_key)]
                        if not bucket or bucket[-1] is not unit:  # a unit's keys repeat, never interleave
                            bucket.append(unit)
        self.agency_words = _agency_words()
        self.accented_agency_words = _agency_words(accented=True)
        # forms name the same few thousand units over and over: look-ups are memoised per index
        self._found: dict[tuple[str, str], list[Unit]] = {}
        self._agency: dict[str, bool] = {}

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

    def by_code(self, code: str, within: Unit) -> Unit | None:
        """The unit with this official code on the map of `within`, if it lies inside `within`'s province."""
        digits = code.strip().split(".")[0]
        level = {2: "province", 3: "district", 5: "commune"}.get(len(digits))
        unit = self.units.get(unit_key(within.map, level, digits)) if level else None
        if unit and self.province_of(unit).key == self.province_of(within).key:
            return unit
        return None

    def merged_into(self, name: str, within: Unit) -> list[Unit]:
        """Units that absorbed a unit of this name before 2025 (suggestions for an unresolved name)."""
        unit_type, core = split_type(name)
        province = self.province_of(within)
        for name_key in _name_keys(unit_type, core):
            found = self._old_by_scope.get((province.key, name_key), [])
            if found:
                return found
        return []

    def province_of(self, unit: Unit) -> Unit:
        while unit.level != "province" and unit.parent_key:
            unit = self.units[unit.parent_key]
        return unit

    def is_agency(self, name: str) -> bool:
        """Named by an agency word ('Phòng GD&ĐT', 'Trung tâm HTCĐ'). With its diacritics when the name has
        them: folded, 'Phòng' would take the commune 'Phong Vân' and 'Báo' the city 'Bảo Lộc'."""
        if name not in self._agency:
            folded = fold(name)
            written = unicodedata.normalize("NFC", name).lower()
            words = self.agency_words if written == folded else self.accented_agency_words
            text = folded if written == folded else written
            self._agency[name] = any(text == w or text.startswith(w + " ") for w in words)
        return self._agency[name]

    def _lookup(self, scope: str, name: str) -> list[Unit]:
        """Units named so in a scope; the list is shared by every caller, who only reads it."""
        memo_key = (scope, name)
        if memo_key not in self._found:
            self._found[memo_key] = self._search(scope, name)
        return self._found[memo_key]

    def _search(self, scope: str, name: str) -> list[Unit]:
        found = self._lookup_as(scope, name, *split_type(name))
        if not found and split_type(name)[0]:  # 'Tinh Bien' is Tịnh Biên, not a province named Biên
            found = self._lookup_as(scope, name, None, fold(name))
        return found

    def _lookup_as(self, scope: str, name: str, unit_type: str | None, core: str) -> list[Unit]:
        candidates: list[Unit] = []
        for name_key in _name_keys(unit_type, core):
            candidates = self._by_scope.get((scope, name_key), [])
            if candidates:
                break
        if unit_type:  # 'Huyện Ba Vì' is never 'Xã Ba Vì'; a district written 'Quận' for 'Huyện' still is
            candidates = [u for u in candidates if u.level in TYPE_LEVELS[unit_type]]
            typed = [u for u in candidates if self.unit_type(u) == unit_type]
            candidates = typed or candidates
        if len(candidates) > 1:  # names that differ only by diacritics: the exact spelling decides
            exact = [u for u in candidates if accented_core(u.name) == accented_core(name)]
            candidates = exact or candidates
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
def _agency_words(accented: bool = False) -> tuple[str, ...]:
    with (DATA_DIR / "agency_words.csv").open(encoding="utf-8-sig", newline="") as handle:
        words = [r["prefix"].strip() for r in csv.DictReader(handle) if r["prefix"].strip()]
    return tuple(unicodedata.normalize("NFC", w).lower() if accented else fold(w) for w in words)


def aliases_file() -> Path:
    """data/unit_aliases.csv, or the file named by HTSD_ALIASES (a test's own copy, a second deployment)."""
    return Path(os.environ.get("HTSD_ALIASES") or DATA_DIR / "unit_aliases.csv")


def load_index(aliases_path: Path | None = None) -> UnitIndex:
    """The index over both maps plus officer aliases.

    Building it takes about a second, so it is kept in memory and on disk, keyed by everything it is
    made from (the package's version, this module's code, the aliases and agency words): an alias
    added by hand or on the names page applies at the next call, in the app as in the command line.
    An index on other aliases (tests) keeps a file of its own, so using it never drops the everyday one.
    """
    path = aliases_path or aliases_file()
    return _index("custom" if aliases_path else "default", path, _inputs_digest(path))


def forget_loaded_indexes() -> None:
    """Drop the indexes held in memory (a benchmark's cold run); the copies on disk stay."""
    _index.cache_clear()


@lru_cache(maxsize=2)
def _index(slot: str, aliases_path: Path, digest: str) -> UnitIndex:
    cache = CACHE_DIR / f"unit_index_{slot}_{digest}.pickle"
    if cache.exists():
        try:
            return _unpickle(cache.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError):
            cache.unlink(missing_ok=True)
    units, keys = _official_units()
    _apply_aliases(units, keys, aliases_path)
    index = UnitIndex(units, keys)
    _write_cache(cache, index)
    return index


def _unpickle(data: bytes) -> UnitIndex:
    """Unpickle with the cyclic collector paused: the index is some 100k acyclic objects, and the
    collections their creation would trigger cost as much as the unpickling itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _inputs_digest(aliases_path: Path) -> str:
    """Asked on every load_index call: the files officers may edit are read each time, the rest once."""
    digest = hashlib.sha256(_code_digest())
    for path in (aliases_path, DATA_DIR / "agency_words.csv"):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:16]


@cache
def _code_digest() -> bytes:
    return hashlib.sha256(version("vietnamadminunits").encode() + Path(__file__).read_bytes()).digest()


def _write_cache(cache: Path, index: UnitIndex) -> None:
    """Best effort: a read-only checkout simply rebuilds each time. Replaces the file of its slot."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for stale in cache.parent.glob(f"{cache.name.rsplit('_', 1)[0]}_*.pickle"):
            stale.unlink(missing_ok=True)
        temporary = cache.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(cache)
    except OSError:
        pass


def _official_units() -> tuple[list[Unit], dict[str, list[str]]]:
    new_province_of_old = _province_mapping()
    units: dict[str, Unit] = {}
    keys: dict[str, list[str]] = defaultdict(list)
    for row in query("SELECT * FROM admin_units_legacy"):
        today = new_province_of_old[row["provinceKey"]]
        province = _add(units, keys, "legacy", "province", row, "province", None, today)
        district = _add(units, keys, "legacy", "district", row, "district", province, today)
        if row["wardCode"]:
            _add(units, keys, "legacy", "commune", row, "ward", district, today)
    for row in query("SELECT * FROM admin_units"):
        province = _add(units, keys, "2025", "province", row, "province", None, row["provinceCode"])
        _add(units, keys, "2025", "commune", row, "ward", province, row["provinceCode"])
    return list(units.values()), keys


def _add(units: dict[str, Unit], keys: dict[str, list[str]], map_name: str, level: str, row: dict, prefix: str,
         parent: str | None, province_today: str) -> str:
    """Add the unit a dataset row names at one level; index it under its names and spelling variants
    ('p01', 'q12'). The dataset's keywords also hold names of units merged into it before 2025;
    those are not this unit's name in an old report, so they are kept apart, as suggestions only."""
    key_ = unit_key(map_name, level, row[f"{prefix}Code"])
    if key_ in units:
        return key_
    unit = Unit(key_, map_name, level, row[f"{prefix}Code"], row[prefix], parent, province_today, True,
                row[f"{prefix}Lat"], row[f"{prefix}Lon"])
    units[key_] = unit
    unit_type, core = split_type(unit.name)
    names = [row.get(f"{prefix}Key"), row.get(f"{prefix}ShortKey"), key(unit.name), *_name_keys(unit_type, core)]
    own = core.replace(" ", "")
    for keyword in json.loads(row.get(f"{prefix}Alias") or "[]") + json.loads(row.get(f"{prefix}Keywords") or "[]"):
        (names if _strip_type_key(keyword) == own else keys[OLD_NAMES + unit.key]).append(keyword)
    keys[unit.key] = [n for n in dict.fromkeys(names) if n and not n.isdigit()]
    return key_


OLD_NAMES = "old:"  # key prefix, in the name-key table, of the names merged into a unit
_KEY_TYPES = ("thanhpho", "thitran", "thixa", "phuong", "district", "huyen", "quan", "tinh", "ward", "xa",
              "tp", "tt", "tx", "p", "f", "q", "h", "x")


def _strip_type_key(name_key: str) -> str:
    """'phuong04' -> '4', 'q12' -> '12', 'phubinh' -> 'phubinh': a keyword's name without its type."""
    for prefix in _KEY_TYPES:
        if name_key.startswith(prefix) and len(name_key) > len(prefix):
            name_key = name_key[len(prefix):]
            break
    return str(int(name_key)) if name_key.isdigit() else name_key


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
