"""Read the title block: the report's year, the unit that issued it and the date it was signed.

'UBND HUYỆN CHÂU PHÚ' over 'TỈNH AN GIANG', 'BÁO CÁO … NĂM 2023', 'An Giang, ngày 28 tháng 10 năm 2023'.
The date line is not a year signal (a 2020 report may be signed in early 2021), but it is the form's date,
which tells a report sent on time from a late one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from etl.text import fold
from etl.units import TYPE_WORDS, split_type

_DATE = re.compile(r"ngay \d{1,2} thang \d{1,2} nam \d{4}")
# A dated place line, folded: 'ha noi ngay 20 thang 10 nam 2025', 'ngay 05 10 2025' (from 05/10/2025). A place of
# a few words may come first; the date ends the line, so 'Căn cứ Công văn số … ngày 15/9/2023 của …' is no date line.
_DATE_LINE = re.compile(r"^(?:[a-z0-9]+ ){0,6}ngay (\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})$")
FORM_YEARS = range(2000, 2101)  # a year outside is a typing slip, not a date to judge a deadline by
_YEAR = re.compile(r"\bnam (\d{4})\b|\btuan le\b.*?\b(20\d\d)\b")
_FILE_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")
_TITLE_CUES = ("bao cao", "tong hop", "bieu", "mau ", "ket qua", "thong ke")
_NOT_ISSUER = re.compile(r"^(cong hoa|doc lap|so \d|so$|v v|kinh gui)")  # 'Số: 240/BC' but not 'Sở …'
_EDUCATION_AUTHORITY = ("so giao duc", "so gd", "phong giao duc", "phong gd")
_MENTION = re.compile(r"(?:^| )(" + "|".join(sorted((re.escape(t) for t in TYPE_WORDS if len(t) > 1),
                                                    key=len, reverse=True)) + r") ")


@dataclass
class TitleInfo:
    years: dict[int, str]  # year -> the cell that states it
    issuer_lines: list[str]  # lines above the report title, as written
    place: str | None  # the place before ', ngày … tháng … năm …'
    form_date: date | None = None  # the date of the first dated place line, if it is a real date
    named: list[str] = field(default_factory=list)  # places the report's title names ('… HUYỆN BẢO THẮNG')


def read_title(lines: list[tuple[str, str]]) -> TitleInfo:
    """Year, issuer and place from the (text, cell) lines above a table."""
    years: dict[int, str] = {}
    issuer: list[str] = []
    named: list[str] = []
    place = None
    form_date = None
    in_issuer = True
    for line, cell in lines:
        folded = fold(line)
        line_date = date_of_line(folded)
        form_date = form_date or line_date
        worded = _DATE.search(folded) is not None  # 'ngày 5 tháng 10 năm 2023'; a slashed date is line_date only
        dated = worded or line_date is not None
        if dated and (worded or "," in line):
            place = place or line.split(",")[0].strip()
        if worded:
            folded = _DATE.sub(" ", folded)
        for match in _YEAR.finditer(folded):
            years.setdefault(int(match.group(1) or match.group(2)), cell)
        if folded.startswith(_TITLE_CUES):
            in_issuer = False
        if in_issuer and folded and not _NOT_ISSUER.match(folded) and not dated:
            issuer.append(line)
        elif not in_issuer and not dated:
            named += title_places(line)
    return TitleInfo({y: c for y, c in years.items() if 1990 < y < 2100}, issuer, place, form_date, named)


_KINDS = r"(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)"
_LEVEL_PAIRS = re.compile(rf"\b{_KINDS}(?:\s*[/,;]\s*{_KINDS})+\b", re.IGNORECASE)
_LEVEL_ONLY = ("cac ", "cap ", "tren ", "thuoc ", "trong ", "toan ", "doan ", "uy ", "hoi ")
_AFTER_NAME = re.compile(r" (?:nam \d{4}|tu ngay|den ngay|ngay|theo|kem theo|cua|ve|va) .*$")


def title_places(line: str) -> list[str]:
    """The places a report's title line names, folded, each cut where the next begins: 'Báo cáo … năm 2021
    huyện Bảo Thắng tỉnh Lào Cai' -> ['huyen bao thang', 'tinh lao cai']. A level word is no place: 'cấp xã',
    'các phường', 'trên địa bàn' name no unit, so '… CẤP XÃ' never becomes a sender; nor does a level written as
    kinds of unit joined ('tỉnh/thành phố', 'quận/huyện', 'xã, phường, thị trấn'), told apart with their
    diacritics from a name that begins like a kind ('Thị xã Tịnh Biên', 'Huyện Quan Hóa'). A name ends at a
    comma, colon, semicolon or bracket ('Tỉnh Đồng Nai, địa giới …')."""
    levels_out = _LEVEL_PAIRS.sub(" ", unicodedata.normalize("NFC", line))
    return [place for part in re.split(r"[,;:()]", levels_out) for place in _places(fold(part))]


def _places(folded: str) -> list[str]:
    text = re.sub(r"^(ubnd|uy ban nhan dan) ", "", folded.strip()).replace("don vi tinh", "don vi") + " "
    starts = [m.start(1) for m in _MENTION.finditer(text)]
    places = []
    for start, end in zip(starts, [*starts[1:], len(text)][:len(starts)], strict=True):
        name = _AFTER_NAME.sub("", text[start:end] + " ").strip()
        unit_type, core = split_type(name)
        if unit_type and core and not (core + " ").startswith(_LEVEL_ONLY):
            places.append(name)
    return places


def date_of_line(folded: str) -> date | None:
    """The date of a folded dated place line; None for any other line, a blank date ('ngày … tháng …
    năm 2023' left to fill in) or an impossible one (31/02, year 0205)."""
    match = _DATE_LINE.match(folded)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year not in FORM_YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_from_filename(name: str) -> int | None:
    found = set(int(y) for y in _FILE_YEAR.findall(name))
    return found.pop() if len(found) == 1 else None


def locality_mentions(line: str) -> list[str]:
    """Name fragments that start with a unit type: 'hoi khuyen hoc tinh an giang' -> ['tinh an giang']."""
    folded = fold(line)
    folded = re.sub(r"^(ubnd|uy ban nhan dan) ", "", folded)
    return [folded[m.start(1):] for m in _MENTION.finditer(folded + " ")]


def speaks_for_locality(line: str) -> bool:
    """The education authority reports on behalf of its locality ('UBND HUYỆN X' over 'PHÒNG GDĐT');
    any other agency under a 'UBND' line ('SỞ VĂN HÓA …') reports for itself."""
    return fold(line).startswith(_EDUCATION_AUTHORITY)
