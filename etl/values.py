"""Parse the numbers officers type: '1.234.567', '1,5', '15.000.000 đồng', '15 triệu', '-', 'không'.

Vietnamese style is dot for thousands and comma for decimals. Amounts may carry their own unit
(đồng, nghìn, triệu, tỷ) which overrides the unit in the column header. Both parsers are memoised
(by value and type): a run's cells repeat the same few thousand values.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from etl.text import fold, soft

# Folded unit words -> multiplier to VND. Longest first so 'nghin dong' wins over 'dong'.
AMOUNT_UNITS: dict[str, int] = {
    "ty dong": 1_000_000_000, "ty": 1_000_000_000,
    "trieu dong": 1_000_000, "trieu": 1_000_000, "tr d": 1_000_000, "trd": 1_000_000, "tr": 1_000_000,
    "nghin dong": 1_000, "ngan dong": 1_000, "nghin": 1_000, "1 000d": 1_000,
    "1 000 dong": 1_000, "1000d": 1_000, "1000 dong": 1_000, "k": 1_000,
    "dong": 1, "vnd": 1, "d": 1,
}
_UNITS_BY_LENGTH = sorted(AMOUNT_UNITS, key=len, reverse=True)
ZERO_WORDS = {"", "-", "--", "—", "–", "khong", "0", "x", "k co", "khong co"}
_NUMBER = re.compile(r"^[+]?\d[\d.,\s]*$")
EXCEL_ERRORS = {"#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                "#GETTING_DATA"}  # what a formula that failed shows (and etl.read puts back for calamine's '')


class ValueProblem(ValueError):
    """The cell holds something that is not a number; the caller adds sheet and cell."""


def header_multiplier(header_text: str) -> int | None:
    """Amount unit named in a header such as 'Kinh phí (triệu đồng)', or None when it names none."""
    folded = f" {fold(header_text)} "
    words = soft(header_text).split()
    for unit in _UNITS_BY_LENGTH:
        if unit in ("d", "k", "tr"):
            continue  # too short to trust inside a header's prose
        if f" {unit} " in folded and _written_as_unit(words, unit.split()):
            return AMOUNT_UNITS[unit]
    return None


_UNIT_SPELLINGS = {"dong": ("đồng",), "nghin": ("nghìn",), "ngan": ("ngàn",), "trieu": ("triệu",), "ty": ("tỷ", "tỉ")}


def _written_as_unit(words: list[str], unit: list[str]) -> bool:
    """The unit's words as written: 'động' (vận động) is not 'đồng'; a text typed without marks matches."""
    for start in range(len(words) - len(unit) + 1):
        if all(w.replace("đ", "d") == u or w in _UNIT_SPELLINGS.get(u, ())
               for w, u in zip(words[start:], unit, strict=False)):
            return True
    return False


@lru_cache(maxsize=65536, typed=True)
def parse_number(raw: object) -> float:
    """A plain count or measure; blanks and dashes are zero, any other text is a problem."""
    value, unit = _split(raw)
    if unit is not None:
        raise ValueProblem(f"giá trị '{raw}' không phải là số")
    return value


@lru_cache(maxsize=65536, typed=True)
def parse_amount(raw: object, header_unit: int | None) -> int:
    """An amount in VND; the cell's own unit wins, else the header's, else đồng."""
    value, unit = _split(raw)
    multiplier = AMOUNT_UNITS[unit] if unit is not None else (header_unit or 1)
    return round(value * multiplier)


_TO_VIETNAMESE = str.maketrans(",.", ".,")


def written(value: object) -> str:
    """A cell as an officer typed it: 12.5 read from Excel is shown '12,5', -1500000 '-1.500.000'."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value).strip()
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,}".translate(_TO_VIETNAMESE)


def _split(raw: object) -> tuple[float, str | None]:
    """(number, folded unit word or None) for one cell."""
    if raw is None:
        return 0.0, None
    if isinstance(raw, bool):  # a ticked box or a comparison's result is not a count
        raise ValueProblem(f"ô chứa giá trị đúng/sai ({'TRUE' if raw else 'FALSE'}) thay vì số")
    if isinstance(raw, (int, float)):
        if raw < 0:  # typed as text, '-5' is already not a number; a numeric cell must not slip through
            raise ValueProblem(f"giá trị âm '{written(raw)}' — số liệu báo cáo không thể âm")
        return float(raw), None
    if isinstance(raw, (datetime, date)):
        raise ValueProblem(f"ô chứa ngày tháng '{raw}' thay vì số")
    text = str(raw).strip()
    if text.upper() in EXCEL_ERRORS:
        raise ValueProblem(f"ô báo lỗi công thức '{text}' thay vì số — sửa công thức trong Excel rồi lưu lại")
    folded = fold(text)
    if folded in ZERO_WORDS or text in ZERO_WORDS:
        return 0.0, None
    number_part, unit = _strip_unit(text, folded)
    if not _NUMBER.match(number_part):
        raise ValueProblem(f"giá trị '{text}' không phải là số")
    return _vietnamese_number(number_part, text), unit


def _strip_unit(text: str, folded: str) -> tuple[str, str | None]:
    """Separate a trailing unit word ('15 triệu', '1.000đ') from the digits."""
    match = re.match(r"^([+]?\d[\d.,\s]*)(.*)$", text)
    if not match:
        return text, None
    digits, rest = match.group(1).strip(), fold(match.group(2))
    if not rest:
        return digits, None
    if rest in AMOUNT_UNITS:
        return digits, rest
    return text, None


def _vietnamese_number(number: str, original: str) -> float:
    """Read dot-thousands / comma-decimal; a lone dot with other than 3 digits after is a decimal."""
    compact = number.replace(" ", "")
    if "," in compact and "." in compact:
        if compact.rfind(",") > compact.rfind("."):
            return float(compact.replace(".", "").replace(",", "."))
        return float(compact.replace(",", ""))  # 1,234.5 typed on an English-locale machine
    for sep in (".", ","):
        if sep in compact:
            parts = compact.split(sep)
            if len(parts) > 2 or (sep == "." and len(parts[1]) == 3):
                if all(len(p) == 3 for p in parts[1:]):
                    return float("".join(parts))
                raise ValueProblem(f"giá trị '{original}' không phải là số hợp lệ")
            return float(f"{parts[0]}.{parts[1]}")
    return float(compact)
