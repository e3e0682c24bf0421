"""Text normalisation: every comparison in the pipeline goes through `fold`/`key`.

Forms mix NFC and NFD, drop diacritics, change case and punctuation; legacy TCVN3/VNI cells look
garbled. Normalising once here keeps the matching rules in one place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from etl.legacy_text import fix_legacy

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def clean(value: str) -> str:
    """NFC text with legacy-font text converted and whitespace collapsed, as shown to users."""
    text, _ = fix_legacy(unicodedata.normalize("NFC", value))
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Lower-case ASCII words separated by single spaces: 'Lễ  khai-mạc' -> 'le khai mac'."""
    decomposed = unicodedata.normalize("NFD", clean(value).lower().replace("đ", "d"))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_text).strip()


_SOFT_NON_WORD = re.compile(r"[\W_]+")
# The old tone placement ('hoà', 'thuỷ') put on the first vowel as today ('hòa', 'thủy'), decomposed (NFD).
_OLD_TONE = re.compile(r"(?<![q])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?=\s|$)")


@lru_cache(maxsize=65536)
def soft(value: str) -> str:
    """Lower-case words with their diacritics kept, separated by single spaces: 'Xã, Thị  trấn' -> 'xã thị
    trấn'. Matching on it keeps 'thị' (thị trấn) apart from 'thi' (cuộc thi) and 'vũng' from 'vùng'; both
    tone placements ('hoà', 'hòa') give one text."""
    decomposed = unicodedata.normalize("NFD", clean(value).lower())
    retoned = _OLD_TONE.sub(lambda m: m.group(1) + m.group(3) + m.group(2) if m.group(2) != "e"
                            or m.group(1) == "o" else m.group(0), decomposed)
    return _SOFT_NON_WORD.sub(" ", unicodedata.normalize("NFC", retoned)).strip()


def key(value: str) -> str:
    """`fold` without spaces, the form used by the official unit lists ('phuongtanchanhhiep')."""
    return fold(value).replace(" ", "")


def thousands(number: int | float | None) -> str:
    """1234567 -> '1.234.567', the way officers write numbers (used in every message that shows one)."""
    return f"{int(number or 0):,}".replace(",", ".")


def find_word(haystack: str, needle: str) -> int:
    """Position of folded `needle` in folded `haystack` on word boundaries, or -1."""
    if not needle:
        return -1
    return f" {haystack} ".find(f" {needle} ")
