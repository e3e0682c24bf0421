"""Deterministic activity figures: the same seed, year and unit always give the same numbers.

A district's figures are the sum of its communes plus its own district-run activities, so every
view of a territory (a row in the province table, its own form, the table of its communes) is
consistent the way a real consolidation chain is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

INDICATORS = (
    "opening_ceremony", "communication", "class", "online_learning", "training", "seminar",
    "contest", "reading", "visit", "commendation", "other",
)

# indicator -> (probability the unit held it, events range, participants-per-event range)
Profile = dict[str, tuple[float, tuple[int, int], tuple[int, int]]]

COMMUNE: Profile = {
    "opening_ceremony": (0.85, (1, 1), (40, 250)), "communication": (1.0, (2, 12), (0, 0)),
    "class": (0.7, (1, 4), (12, 35)), "online_learning": (0.3, (1, 2), (20, 120)),
    "training": (0.5, (1, 2), (15, 50)), "seminar": (0.4, (1, 2), (20, 60)),
    "contest": (0.4, (1, 2), (25, 150)), "reading": (0.6, (1, 3), (30, 120)),
    "visit": (0.25, (1, 1), (20, 60)), "commendation": (0.5, (1, 1), (3, 15)),
    "other": (0.3, (1, 2), (20, 80)),
}
DISTRICT_OWN: Profile = {
    "opening_ceremony": (0.9, (1, 1), (150, 500)), "communication": (1.0, (5, 30), (0, 0)),
    "class": (0.5, (1, 3), (20, 40)), "online_learning": (0.5, (1, 3), (50, 400)),
    "training": (0.6, (1, 2), (30, 80)), "seminar": (0.6, (1, 2), (40, 120)),
    "contest": (0.6, (1, 2), (50, 300)), "reading": (0.5, (1, 2), (60, 200)),
    "visit": (0.2, (1, 1), (30, 80)), "commendation": (0.8, (1, 1), (10, 40)),
    "other": (0.3, (1, 2), (30, 100)),
}
AGENCY: dict[str, Profile] = {
    "association": {"seminar": (0.8, (1, 2), (40, 120)), "contest": (0.9, (1, 2), (60, 400)),
                    "reading": (0.6, (1, 2), (50, 150)), "commendation": (1.0, (1, 2), (10, 60))},
    "culture": {"communication": (1.0, (3, 20), (0, 0)), "reading": (1.0, (1, 4), (100, 600)),
                "visit": (0.8, (1, 3), (50, 300)), "other": (0.5, (1, 2), (50, 200))},
    "school": {"opening_ceremony": (0.9, (1, 1), (300, 900)), "communication": (1.0, (1, 5), (0, 0)),
               "class": (0.6, (1, 3), (20, 45)), "contest": (0.8, (1, 2), (40, 300)),
               "reading": (0.9, (1, 2), (100, 600))},
}
NEW_MAP_YEAR = 2025
MONEY_STEP = 100_000  # every amount is a multiple of 0.1 triệu, so "12,5 triệu" converts exactly


@dataclass
class Figures:
    """Counts per indicator and funding in whole VND."""

    facts: dict[str, tuple[int, int]] = field(default_factory=dict)  # indicator -> (events, participants)
    state_budget_vnd: int = 0
    social_vnd: int = 0

    def __add__(self, other: Figures) -> Figures:
        facts = dict(self.facts)
        for key, (events, people) in other.facts.items():
            old = facts.get(key, (0, 0))
            facts[key] = (old[0] + events, old[1] + people)
        return Figures(facts, self.state_budget_vnd + other.state_budget_vnd, self.social_vnd + other.social_vnd)

    @property
    def events(self) -> int:
        return sum(e for e, _ in self.facts.values())

    @property
    def participants(self) -> int:
        return sum(p for _, p in self.facts.values())

    def folded(self, fold: dict[str, str], keys: tuple[str, ...] = INDICATORS) -> Figures:
        """Re-key indicators a form has no place for into the one it lumps them with.

        A table with a single "Lớp học, tập huấn" column reports class + training as `class`;
        the totals do not change, only the breakdown. `keys` lists every indicator the form shows
        (so it reports zeros for those explicitly).
        """
        facts = {key: (0, 0) for key in keys}
        for key, value in self.facts.items():
            target = fold.get(key, key)
            old = facts.setdefault(target, (0, 0))
            facts[target] = (old[0] + value[0], old[1] + value[1])
        return Figures(facts, self.state_budget_vnd, self.social_vnd)


def _money(rng: random.Random, p_zero: float, low: int, high: int) -> int:
    return 0 if rng.random() < p_zero else rng.randint(low, high) * MONEY_STEP


def draw(profile: Profile, rng: random.Random, budget: tuple[int, int], social: tuple[int, int]) -> Figures:
    """Random figures following a profile; budget/social are ranges in units of 0.1 triệu."""
    facts = {}
    for key, (chance, (e_lo, e_hi), (p_lo, p_hi)) in profile.items():
        if rng.random() >= chance:
            continue
        events = rng.randint(e_lo, e_hi)
        facts[key] = (events, sum(rng.randint(p_lo, p_hi) for _ in range(events)))
    return Figures(facts, _money(rng, 0.25, *budget), _money(rng, 0.5, *social))


class FigureBook:
    """All figures of one generation run, derived from (seed, year, unit) and cached."""

    def __init__(self, catalog, seed: int) -> None:
        self.catalog = catalog
        self.seed = seed
        self._cache: dict[tuple, Figures] = {}

    def _rng(self, *key: object) -> random.Random:
        return random.Random("/".join(map(str, (self.seed, *key))))

    def commune(self, year: int, code: str, variant: str = "") -> Figures:
        """A commune/ward (or an unresolvable name used as its key).

        A 2025 commune merges about three old ones, so it runs about three communes' activities.
        """
        key = ("c", year, code, variant)
        if key not in self._cache:
            rng = self._rng(*key)
            total = Figures()
            for _ in range(3 if year >= NEW_MAP_YEAR else 1):
                total = total + draw(COMMUNE, rng, (10, 200), (5, 80))
            self._cache[key] = total
        return self._cache[key]

    def district(self, year: int, code: str) -> Figures:
        """Old district: its communes plus district-run activities (so its own report ≥ their sum)."""
        key = ("d", year, code)
        if key not in self._cache:
            total = draw(DISTRICT_OWN, self._rng(*key), (50, 400), (10, 200))
            for commune in self.catalog.old.communes_of.get(code, []):
                total = total + self.commune(year, commune.code)
            self._cache[key] = total
        return self._cache[key]

    def agency(self, year: int, name: str, profile: str) -> Figures:
        """An association, department or school, with a profile of activities it typically runs."""
        return draw(AGENCY[profile], self._rng("a", year, name), (20, 300), (10, 150))

    def draft(self, year: int, code: str) -> Figures:
        """The first, later-corrected submission of a commune: same shape, different numbers."""
        return self.commune(year, code, variant="draft")
