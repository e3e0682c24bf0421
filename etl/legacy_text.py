"""Repair Vietnamese text typed in legacy 8-bit font encodings (TCVN3, VNI).

Old .xls forms were typed with fonts such as .VnTime (TCVN3/ABC) or VNI-Times:
the cell stores plain 8-bit codes and only the font made them look Vietnamese.
Read as Unicode they come out as Latin-1/cp1252 mojibake ("Tr\xadêng",
"Tröôøng").  This module detects such strings and converts them to NFC.

Detection is deliberately conservative: a string is only flagged when, after
conversion, its words become valid Vietnamese syllables that were not valid
before.  Proper Unicode Vietnamese (NFC or NFD), ASCII and ordinary
Latin-1 text ("Café") are left alone, and the common case is rejected by a
cheap pre-check so this can run on every cell of every sheet.

Known limits: a cell whose legacy spelling is itself plausible Vietnamese
(TCVN3 "Sè" = "Số", VNI "Soá" = "Số", "Cô quan" = "Cơ quan") is left alone;
a caller that knows the whole sheet is legacy can call convert_legacy itself.
When both encodings fit equally, VNI wins unless a 0xA1-0xBF byte (TCVN3-only)
is present.

Only the standard library is used.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Mapping tables.  Source: UniKey's VnConv charset tables, file unikey/data.cpp
# in github.com/fcitx/fcitx5-unikey (SingleByteTables "TCVN3" and
# DoubleByteTables "VNI-WIN", same data as UniKey by Pham Kim Long).  The TCVN3
# column was cross-checked against ConvertVNI/XtraForm1.cs in
# github.com/backupvietsoft/HRM; VNI against vni.h in github.com/lamdao/xvnkb.

# TCVN3 (ABC) is one byte per letter.  The font has no capitals for toned
# vowels (those came from the separate .VnTimeH font, using the same codes as
# the lowercase letters); only Ă Â Ê Ô Ơ Ư Đ have their own codes.
_TCVN3_UNICODE = "ĂÂÊÔƠƯĐăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_TCVN3_LEGACY = "¡¢£¤¥¦§¨©ª«¬\xad®µ¸¶·¹»¾¼½ÆÇÊÈÉËÌÐÎÏÑÒÕÓÔÖ×ÝØÜÞßãáâäåèæçéêíëìîïóñòôõøö÷ùúýûüþ"
# VNI-Windows is a base letter followed by at most one modifier byte (hat and
# tone are pre-combined into one modifier).  Lowercase only; the uppercase
# sequence is exactly str.upper() of the lowercase one ("aù" -> "AÙ").
_VNI_UNICODE = "áàảãạâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ"
_VNI_LEGACY = (
    "aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë ñ eù eø eû eõ eï eâ eá "
    "eà eå eã eä í ì æ ó ò où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï "
    "uù uø uû uõ uï ö öù öø öû öõ öï yù yø yû yõ î"
).split()

_TCVN3_TABLE = str.maketrans(_TCVN3_LEGACY, _TCVN3_UNICODE)
_TCVN3_CAPITALS = frozenset("¡¢£¤¥¦§")
_VNI_TABLE = dict(zip(_VNI_LEGACY, _VNI_UNICODE, strict=True))
_VNI_TABLE |= {seq.upper(): uni.upper() for seq, uni in _VNI_TABLE.items()}
_VNI_RE = re.compile("|".join(map(re.escape, sorted(_VNI_TABLE, key=len, reverse=True))))

# Fast path: legacy cells only hold Latin-1 code points (plus the cp1252
# punctuation of bytes 0x80-0x9F).  Anything else (ư, ạ, combining marks of
# NFD text, CJK...) proves the string is real Unicode.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_FOREIGN_RE = re.compile("[^\x00-\xff" + re.escape(_CP1252_HIGH) + "]")
_TOKEN_RE = re.compile("[A-Za-z\xa1-\xff]+")

# Vietnamese syllable model used to score candidate conversions.
_ONSETS = ("", *"b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())
_RHYMES = frozenset(
    "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp "
    "ât âu ây e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh "
    "ip it iu iêc iêm iên iêng iêp iêt iêu o oc oi om on ong op ot oa oac "
    "oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo "
    "oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uc ui um un ung up ut uân "
    "uâng uât uây uê uêch uênh uơ uy uya uych uynh uyt uyu uyên uyêt uôc uôi uôm "
    "uôn uông uôt ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm "
    "yên yêt yêu ynh yt".split()
)
_VOWELS = "aăâeêioôơuưy"
_HATS = "ăâêôơư"
_TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_STOPS = ("c", "ch", "p", "t")
# Spelling rules: letters a rhyme may start with after these onsets (c/k,
# g/gh, ng/ngh and qu/gi are spelled by the following vowel).
_ONSET_NEXT = {
    "c": "aăâoôơuư",
    "k": "eêiy",
    "g": "aăâoôơuưi",
    "gh": "eêi",
    "ng": "aăâoôơuư",
    "ngh": "eêi",
    "gi": "aăâeêoôơuư",
    "qu": "aăâeêiyôơ",
}
_ABBREV_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĂÂĐÊÔƠƯ")
_ABBREV_VOWELS = frozenset("AEIOUYĂÂÊÔƠƯ")
_TCVN3_ONLY_RE = re.compile("[\xa1-\xbf]")


def _tone_split() -> dict[str, tuple[str, int]]:
    """Map each toned lowercase letter to (toneless letter, tone number)."""
    split: dict[str, tuple[str, int]] = {}
    for char in set(_TCVN3_UNICODE.lower()):
        parts = unicodedata.normalize("NFD", char)
        tone = next((_TONES[m] for m in parts if m in _TONES), 0)
        if tone:
            base = "".join(m for m in parts if m not in _TONES)
            split[char] = (unicodedata.normalize("NFC", base), tone)
    return split


_TONE_SPLIT = _tone_split()


def _tone_slots(rhyme: str) -> tuple[int, ...]:
    """Where a rhyme may carry its tone mark (old and new orthography)."""
    nucleus = len(rhyme) - len(rhyme.lstrip(_VOWELS))
    hats = [i for i, c in enumerate(rhyme[:nucleus]) if c in _HATS]
    if hats:
        return (hats[-1],)
    if nucleus < len(rhyme) or nucleus == 1:
        return (nucleus - 1,)
    if rhyme in ("oa", "oe", "uy"):
        return (0, 1)
    return (nucleus - 2,)


@lru_cache(maxsize=8192)
def _is_syllable(word: str) -> bool:
    """True if word is one well-formed Vietnamese syllable (NFC, any case).

    Checks onset + rhyme inventory and spelling, at most one tone, tone on the
    right vowel and the rule that stop finals (-c -ch -p -t) take only sắc or
    nặng.  Stricter checks mean fewer legacy words pass for real ones.
    """
    word = word.lower()
    marks = [(i, _TONE_SPLIT[c]) for i, c in enumerate(word) if c in _TONE_SPLIT]
    if len(marks) > 1:
        return False
    bare = "".join(_TONE_SPLIT.get(c, (c, 0))[0] for c in word)
    pos, tone = (marks[0][0], marks[0][1][1]) if marks else (-1, 0)
    for onset in _ONSETS:
        rhyme = bare[len(onset) :]
        if not bare.startswith(onset) or rhyme not in _RHYMES:
            continue
        if onset in _ONSET_NEXT and rhyme[0] not in _ONSET_NEXT[onset]:
            continue
        if rhyme.endswith(_STOPS) and tone not in (1, 5):
            continue
        if not marks or pos - len(onset) in _tone_slots(rhyme):
            return True
    return False


def _is_word(word: str, abbrev: bool) -> bool:
    """A syllable in a natural case pattern, or (if abbrev) an abbreviation.

    Mixed case such as "phÝ" is TCVN3 (Ý is its lowercase í), not Vietnamese.
    Abbreviations ("ĐVT", "TTHTCĐ") hold at most one vowel, which keeps out
    capitalised foreign words.
    """
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    if _is_syllable(word):
        return True
    return (
        abbrev
        and word.isupper()
        and 1 < len(word) <= 8
        and all(c in _ABBREV_LETTERS for c in word)
        and sum(c in _ABBREV_VOWELS for c in word) <= 1
    )


def _is_caps(text: str) -> bool:
    """True when text looks typed in capitals (.VnTimeH style).

    Needs no ASCII lowercase and at least two capital signals, so a single
    initial capital ("Së" = "Sở") does not upper-case the whole word.
    """
    if any("a" <= c <= "z" for c in text):
        return False
    return sum(("A" <= c <= "Z") or c in _TCVN3_CAPITALS for c in text) >= 2


def _tcvn3_token(match: re.Match[str]) -> str:
    """Convert one TCVN3 word, upper-casing it if it was typed in capitals."""
    word = match.group()
    out = word.translate(_TCVN3_TABLE)
    return out.upper() if _is_caps(word) else out


def _convert_tcvn3(text: str) -> str:
    """TCVN3 -> Unicode; toned capitals only when capitals are detectable."""
    if _is_caps(text):
        return text.translate(_TCVN3_TABLE).upper()
    return _TOKEN_RE.sub(_tcvn3_token, text)


def _convert_vni(text: str) -> str:
    """VNI -> Unicode by greedy longest match of base+modifier sequences."""
    return _VNI_RE.sub(lambda m: _VNI_TABLE[m.group()], text)


_CONVERTERS = {"tcvn3": _convert_tcvn3, "vni": _convert_vni}


def convert_legacy(text: str, encoding: str) -> str:
    """Convert text typed in a legacy font encoding to NFC Unicode.

    encoding is "tcvn3" or "vni".  TCVN3 has no codes for toned capitals, so
    those come out lowercase unless the word/string is plainly typed in
    capitals ("TR¦êNG" -> "TRƯỜNG"); a lowercase-typed .VnTimeH cell cannot
    be recognised from its text and stays lowercase.
    """
    try:
        converter = _CONVERTERS[encoding]
    except KeyError:
        raise ValueError(f"unknown legacy encoding: {encoding!r}") from None
    return unicodedata.normalize("NFC", converter(text))


def _evidence(words: list[str], encoding: str) -> int | None:
    """Net count of words that conversion turns into Vietnamese, or None.

    Gains are words invalid as-is but valid after conversion; words valid
    as-is but broken by it, or invalid either way, count against.  Words valid
    both ways (TCVN3 "cã" is also Unicode "cã") are no evidence.  A lone
    gain of one letter, or of a unit like "µm" (-> "àm"), is too weak to act
    on.  Abbreviations count only when typed in capital codes ("§VT", not
    "ABC®").
    """
    gains, against, strong = 0, 0, False
    for word in words:
        abbrev = all(c.isupper() or c in _TCVN3_CAPITALS for c in word)
        before = _is_word(word, abbrev)
        after = _is_word(_CONVERTERS[encoding](word), abbrev)
        if after and not before:
            gains += 1
            strong = strong or not word.isalpha() or (len(word) > 1 and not word.startswith("µ"))
        elif not (before and after):
            against += 1
    if gains and gains >= against and (gains >= 2 or strong):
        return gains - against
    return None


@lru_cache(maxsize=4096)
def _detect_slow(text: str) -> str | None:
    """Score both encodings on a Latin-1-only string and pick the better one."""
    words = [w for w in _TOKEN_RE.findall(text) if not w.isascii() and (len(w) > 1 or w.isalpha())]
    if not words:
        return None
    # Tie-break: bytes 0xA1-0xBF are letters in TCVN3 but never used by VNI.
    preferred = "tcvn3" if _TCVN3_ONLY_RE.search(text) else "vni"
    ranked = [(score, enc == preferred, enc) for enc in _CONVERTERS if (score := _evidence(words, enc)) is not None]
    return max(ranked)[2] if ranked else None


def detect_legacy(text: str) -> str | None:
    """Return "tcvn3", "vni" or None for a cell value.

    The fast path rejects ASCII and any string holding a code point that a
    legacy cell cannot contain (all real Vietnamese Unicode has some).
    """
    if text.isascii() or _FOREIGN_RE.search(text) is not None:
        return None
    return _detect_slow(text)


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Detect and convert in one call: (text or its conversion, encoding)."""
    encoding = detect_legacy(text)
    if encoding is None:
        return text, None
    return convert_legacy(text, encoding), encoding
