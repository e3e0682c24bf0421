"""Step 3, map headers: header texts and activity labels -> canonical meaning.

The synonym table is data (`data/header_synonyms.csv`) so a data officer can add a new wording
without touching code. Matching is on folded text (no diacritics, case or punctuation), on word
boundaries; the earliest match in the text wins, then the longest, so a lumped header such as
'Lớp học, tập huấn' goes to the first activity it names.

Beside it, `data/header_synonyms_local.csv` (same columns; absent means none) holds the headers officers
taught on the upload page or by hand. Each of its rows names one whole header path as written (its texts
joined, e.g. 'Hoạt động ngoại khóa / SL'), matched exactly with its diacritics and before any other rule:
a taught header means what the officer chose, and no other header changes meaning because of it.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from etl.text import find_word, fold, soft
from etl.values import header_multiplier

DEFAULT_SYNONYMS = Path(__file__).resolve().parent.parent / "data" / "header_synonyms.csv"
LOCAL_SYNONYMS_ENV = "HTSD_SYNONYMS_LOCAL"  # where the taught headers live, when not beside DEFAULT_SYNONYMS
SYNONYM_FIELDS = ("kind", "target", "measure", "synonym")
INDICATORS = ("opening_ceremony", "communication", "class", "online_learning", "training", "seminar",
              "contest", "reading", "visit", "commendation", "other")
KIND_ORDER = ("column", "funding", "indicator", "measure", "mode", "ratio")  # which meaning wins when several match


@dataclass(frozen=True)
class Synonym:
    kind: str
    target: str
    measure: str
    folded: str
    written: str = ""  # with its diacritics (etl.text.soft), to tell 'thi' (cuộc thi) from 'thị' (thị trấn)


@dataclass(frozen=True)
class Meaning:
    """What one header path or label means. kind: column | funding | indicator | measure | None."""

    kind: str | None
    target: str | None = None
    measure: str | None = None
    multiplier: int | None = None

    def describe(self) -> str:
        if self.kind == "indicator":
            return f"{self.target}.{self.measure}"
        return f"{self.kind}:{self.target}" if self.kind else "(không khớp)"


class Vocabulary:
    """The loaded synonym table with the look-ups the pipeline needs."""

    def __init__(self, synonyms: list[Synonym], taught: list[Synonym] | None = None):
        self.synonyms = synonyms
        self.taught = {syn.written: syn for syn in taught or []}  # whole header path (soft) -> its meaning
        self.totals = [s.folded for s in synonyms if s.kind == "total"]
        self._memo: dict[tuple[str, str], Synonym | None] = {}  # forms repeat the same few hundred texts
        for name in ("column_role", "funding_target", "is_header_word", "is_total", "label_meaning", "_path_meaning"):
            setattr(self, name, lru_cache(maxsize=None)(getattr(self, name)))

    @classmethod
    def load(cls, path: Path = DEFAULT_SYNONYMS, local: Path | None = None) -> Vocabulary:
        """The synonym table and the headers officers taught (`local`, by default `local_synonyms_path()`)."""
        taught = local or local_synonyms_path()
        return cls(read_synonyms(path), read_synonyms(taught) if taught.exists() else [])

    @cached_property
    def _by_kind(self) -> dict[str, list[Synonym]]:
        grouped: dict[str, list[Synonym]] = {}
        for syn in self.synonyms:
            grouped.setdefault(syn.kind, []).append(syn)
        return grouped

    @cached_property
    def _finders(self) -> dict[str, tuple[re.Pattern[str], dict[str, Synonym]]]:
        """Per kind, one pattern of all its synonyms, longest first, with the first synonym of each text:
        its leftmost match is what `first_match_of` picks (earliest, then longest), in one pass."""
        finders = {}
        for kind, synonyms in self._by_kind.items():
            first: dict[str, Synonym] = {}
            for syn in synonyms:
                first.setdefault(syn.folded, syn)
            words = sorted((w for w in first if w), key=len, reverse=True)  # an empty synonym never matches
            if words:
                finders[kind] = (re.compile(" (" + "|".join(map(re.escape, words)) + ")(?= )"), first)
        return finders

    def first_match(self, text: str, kind: str) -> Synonym | None:
        """Earliest (then longest) synonym of `kind` found in folded `text`."""
        memo_key = (text, kind)
        if memo_key not in self._memo:
            pattern, synonym_of = self._finders.get(kind, (None, {}))
            found = pattern.search(f" {text} ") if pattern else None
            self._memo[memo_key] = synonym_of[found.group(1)] if found else None
        return self._memo[memo_key]

    @staticmethod
    def first_match_of(text: str, synonyms: list[Synonym]) -> Synonym | None:
        best: tuple[int, int, Synonym] | None = None
        for syn in synonyms:
            pos = find_word(text, syn.folded)
            if pos >= 0 and (best is None or (pos, -len(syn.folded)) < (best[0], best[1])):
                best = (pos, -len(syn.folded), syn)
        return best[2] if best else None

    def is_total(self, label: str) -> bool:
        """'Tổng cộng', 'Cộng', 'Toàn tỉnh' … start a totals row; single words must match whole."""
        folded = fold(label)
        return any(folded == t or (" " in t and folded.startswith(t + " ")) for t in self.totals)

    def is_header_word(self, label: str) -> bool:
        folded = fold(label)
        return bool(folded) and (self.column_role(folded) is not None
                                 or any(self.first_match(folded, k) for k in KIND_ORDER[1:]))

    def meaning(self, path: list[str]) -> Meaning:
        """Meaning of a header path (group texts above, leaf text last)."""
        return self._path_meaning(tuple(path))

    def _path_meaning(self, path: tuple[str, ...]) -> Meaning:
        taught = self.taught.get(soft(" ".join(path)))
        if taught is not None:
            return _taught_meaning(taught, " ".join(path))
        leaf = fold(path[-1]) if path else ""
        whole = fold(" ".join(path))
        if len(path) > 1 and self.first_match(leaf, "mode"):  # 'Số người' over 'Trực tuyến' is a way of taking part
            whole = fold(" ".join(path[:-1]))
            leaf = self._without_mode(leaf) or leaf
        multiplier = header_multiplier(" ".join(path))
        column = self.column_role(leaf) if all(fold(p) == leaf for p in path) or len(path) == 1 else None
        if column:
            return Meaning("column", column)
        if "%" in path[-1] or self.first_match(whole, "ratio"):  # 'Tỷ lệ … (%)', 'Bình quân học viên/lớp'
            return Meaning("column", "ratio")
        funding = self.funding_target(leaf) or self.funding_target(whole)
        if funding and (funding != "total" or not self.first_match(whole, "indicator")):
            return Meaning("funding", funding, multiplier=multiplier)
        return self._indicator_meaning(whole, leaf, " ".join(path), path)

    def _without_mode(self, leaf: str) -> str:
        mode = self.first_match(leaf, "mode")
        return " ".join(f" {leaf} ".replace(f" {mode.folded} ", " ").split()) if mode else leaf

    def column_role(self, folded: str) -> str | None:
        """A column role needs the whole header ('Xã'), or its start for longer names ('Đơn vị (xã)')
        unless an activity name starts there and is longer ('Hoạt động khác' is not 'Hoạt động')."""
        hits = [s for s in self._by_kind.get("column", [])
                if folded == s.folded or (" " in s.folded and folded.startswith(s.folded + " "))]
        if not hits:
            return None
        best = max(hits, key=lambda s: len(s.folded))
        activity = self.first_match(folded, "indicator")
        if best.folded != folded and activity and find_word(folded, activity.folded) == 0 \
                and len(activity.folded) > len(best.folded):
            return None
        return best.target

    def funding_target(self, folded: str) -> str | None:
        """A named source (NSNN, XHH) beats the generic 'Kinh phí' wherever each appears."""
        hits = [s for s in self._by_kind.get("funding", []) if find_word(folded, s.folded) >= 0]
        specific = [s for s in hits if s.target != "total"]
        chosen = self.first_match_of(folded, specific or hits)
        return chosen.target if chosen else None

    def _indicator_meaning(self, whole: str, leaf: str, raw: str, path: tuple[str, ...]) -> Meaning:
        indicator = self._nearest_activity(path) or self._activity(whole)
        if indicator is not None and not written_in(raw, indicator):
            indicator = None  # 'Xã, thị trấn' holds 'thi' only once its marks are dropped
        measure = self._measure(leaf, raw) or self._measure(whole, raw)
        if indicator and measure and self._only_in_brackets(indicator, raw):
            return Meaning("measure", measure.target)  # 'Số lượng (cuộc, buổi, lớp)' explains a count
        if indicator:
            implied = indicator.measure or None
            chosen = measure.target if measure and not (implied and _covers(indicator, measure)) else implied
            return Meaning("indicator", indicator.target, chosen or "events")
        if measure:
            return Meaning("measure", measure.target)
        return Meaning(None)

    def _nearest_activity(self, path: tuple[str, ...]) -> Synonym | None:
        """The activity named nearest the leaf, above it: 'Cuộc thi trực tuyến' under 'Hoạt động trực
        tuyến' is a contest held online. A measure-like name ('Học viên') defers to the activity above it."""
        for text in reversed(path[:-1]):
            found = self.first_match(fold(text), "indicator")
            if found is not None and not found.measure:
                return self._activity(fold(text))
        return None

    def _activity(self, whole: str) -> Synonym | None:
        """The activity a header names. A synonym that is itself a measure ('Số lớp', 'Học viên') yields
        to a plain activity named in the same header: 'Số lớp tập huấn kỹ năng số' counts training sessions,
        'Số người được tập huấn' its participants, and the two stay together."""
        first = self.first_match(whole, "indicator")
        if first is None or not first.measure:
            return first
        rest = f" {whole} ".replace(f" {first.folded} ", " ", 1).strip()
        plain = self.first_match(rest, "indicator")
        if plain is None or plain.measure:
            return first
        return Synonym(plain.kind, plain.target, first.measure, plain.folded, plain.written)

    def _measure(self, text: str, raw: str) -> Synonym | None:
        """The measure a header names. One written only as the unit in brackets ('Tuyên truyền (lượt)',
        'Cuộc thi (số cuộc)') counts the activity, unless it names people ('(lượt người)')."""
        measure = self.first_match(text, "measure")
        if measure is None or measure.target != "participants":
            return measure
        outside = fold(re.sub(r"\([^)]*\)", " ", raw))
        if self.first_match(outside, "measure") is None and find_word(fold(raw), "nguoi") < 0 \
                and find_word(fold(raw), "hoc vien") < 0 and find_word(text, measure.folded) >= 0:
            return Synonym("measure", "events", "", measure.folded)
        return measure

    def _only_in_brackets(self, indicator: Synonym, raw: str) -> bool:
        """True for 'Số lượng (cuộc, buổi, lớp)': the activity word only explains a measure."""
        outside = fold(re.sub(r"\([^)]*\)", " ", raw))
        return find_word(outside, indicator.folded) < 0 and self.first_match(outside, "measure") is not None

    def label_meaning(self, label: str) -> Meaning:
        """Meaning of an activity or funding label in a row ('Ngân sách nhà nước: 15 triệu')."""
        name = label.split(":", 1)[0]
        folded = fold(name)
        funding = self.funding_target(folded)
        indicator = self.first_match(folded, "indicator")
        indicator = indicator if indicator is not None and written_in(name, indicator) else None
        if funding and (funding != "total" or not indicator):
            return Meaning("funding", funding, multiplier=header_multiplier(name))
        if indicator:
            return Meaning("indicator", indicator.target, indicator.measure or None)
        return Meaning(None)


def local_synonyms_path() -> Path:
    """The officers' taught headers: $HTSD_SYNONYMS_LOCAL, else data/header_synonyms_local.csv."""
    chosen = os.environ.get(LOCAL_SYNONYMS_ENV)
    return Path(chosen) if chosen else DEFAULT_SYNONYMS.with_name("header_synonyms_local.csv")


def read_synonyms(path: Path) -> list[Synonym]:
    """The rows of a synonym file (kind,target,measure,synonym); rows without a synonym are skipped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Synonym(r["kind"].strip(), r["target"].strip(), (r.get("measure") or "").strip(),
                    fold(r["synonym"]), soft(r["synonym"])) for r in rows if (r.get("synonym") or "").strip()]


def _taught_meaning(taught: Synonym, raw: str) -> Meaning:
    """What an officer said a header means: an activity's count or participants, a funding source (scaled
    as its header says, 'triệu đồng'), or a column role ('unit', or 'ignored' for a column read by nobody)."""
    if taught.kind == "indicator":
        return Meaning("indicator", taught.target, taught.measure or "events")
    if taught.kind == "funding":
        return Meaning("funding", taught.target, multiplier=header_multiplier(raw))
    return Meaning(taught.kind, taught.target)


def written_in(raw: str, synonym: Synonym) -> bool:
    """The synonym's words stand in the text as written: each word the same, or the text's word typed without
    marks ('Le khai mac'). A word whose marks differ is another word: 'thị' is not 'thi', 'động' not 'đồng'."""
    if not synonym.written:
        return True  # a synonym made in code with no written form: its folded match is all there is
    words, wanted = soft(raw).split(), synonym.written.split()
    for start in range(len(words) - len(wanted) + 1):
        if all(w == x or w == fold(w) == fold(x) for w, x in zip(words[start:], wanted, strict=False)):
            return True
    return False


def _covers(indicator: Synonym, measure: Synonym) -> bool:
    """True when the measure word is part of the indicator synonym itself ('Số lớp' holds 'Số')."""
    return measure.folded in indicator.folded
