"""Text habits of Vietnamese office files: diacritics, Unicode forms, legacy code pages, numbers.

Officers type the same word composed (NFC), decomposed (NFD) or without any diacritics, and
save CSV from Excel in Windows-1258; the generator reproduces each habit exactly so the ETL
can be tested against bytes that really occur.
"""

from __future__ import annotations

import unicodedata

# Tone marks that Windows-1258 keeps as separate combining characters.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def nfc(text: str) -> str:
    """Composed form, the form the manifest and the ETL compare on."""
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    """Decomposed form, as produced by some Mac and web tools."""
    return unicodedata.normalize("NFD", text)


_PLAIN = str.maketrans({"đ": "d", "Đ": "D", "“": '"', "”": '"', "‘": "'", "’": "'"})


def strip_diacritics(text: str) -> str:
    """Plain ASCII Vietnamese ("Tân Chánh Hiệp" -> "Tan Chanh Hiep"), as typed without a Vietnamese IME."""
    return "".join(c for c in nfd(text) if not unicodedata.combining(c)).translate(_PLAIN)


def _cp1258_char(ch: str) -> bytes:
    """One NFC character in Windows-1258: precomposed when the code page has it, else base + tone mark."""
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        parts = nfd(ch)
        base = nfc("".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        return base.encode("cp1258") + tones.encode("cp1258")


def encode_cp1258(text: str) -> bytes:
    """Encode like Excel's "CSV (Windows-1258)" export; raise if the text would not decode back to itself.

    Python's cp1258 codec only maps the precomposed letters the code page contains, so tones on
    other letters ("ệ", "ữ") must be written as a base letter plus a combining tone mark.
    """
    data = b"".join(_cp1258_char(ch) for ch in nfc(text))
    if nfc(data.decode("cp1258")) != nfc(text):
        raise ValueError("text does not round-trip through cp1258")
    return data


def encode_text(text: str, encoding: str) -> bytes:
    """Bytes of a whole text file in one of the encodings officers' tools produce."""
    if encoding == "cp1258":
        return encode_cp1258(text)
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")  # Excel "Unicode text": BOM + little endian
    return text.encode(encoding)


def group_thousands(value: int) -> str:
    """Vietnamese thousands separator: 1234567 -> "1.234.567"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def decimal_comma(value: float, places: int = 1) -> str:
    """Vietnamese decimal comma, trailing zeros dropped: 15.5 -> "15,5", 15.0 -> "15"."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    return group_thousands(int(whole)) + ("," + frac if frac else "")


def slug(text: str) -> str:
    """File-system friendly ASCII name: "Huyện Châu Phú" -> "huyen_chau_phu"."""
    out = []
    for ch in strip_diacritics(text).lower():
        out.append(ch if ch.isalnum() else "_")
    return "_".join(filter(None, "".join(out).split("_")))
