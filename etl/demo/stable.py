"""Seed-stable choices: everything random-looking is derived from text keys, never from Python's hash().

Python randomises str hashes per process, so byte-identical output needs its own stable hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def stable_hash(*parts: object) -> int:
    """A 32-bit integer from the parts' text."""
    return int.from_bytes(hashlib.sha256("/".join(map(str, parts)).encode()).digest()[:4], "big")


def pick(options: Sequence[T], *salt: object) -> T:
    """One of the options, always the same for the same salt."""
    return options[stable_hash(*salt) % len(options)]
