"""Plain data shared by planning, layout and writing: what a form says and how its officer wrote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .catalog import Unit
from .figures import Figures


@dataclass(frozen=True)
class Style:
    """Every habit that varies between officers; the generator picks one per file.

    Kept separate from content so the same figures can be written many ways and the manifest
    can list which habits each file shows (`features`).
    """

    header: str = "std2"          # consolidated header scheme: std2 | three | split | flat1
    single: str = "std"           # single-form table header: std | tt | online
    money: str = "trieu"          # trieu | dong | nghin | 1000d | trd | cell (unit written in the cell)
    numbers: str = "numeric"      # numeric cells | text ("1.234", "1,5")
    zero: str = ""                # how a zero is written: "0" | "-" | "không" | "" (blank)
    names: str = "full"           # full | abbr ("TP. Long Xuyên") | short ("Long Xuyên") | plain (no diacritics)
    text: str = "nfc"             # nfc | nfd | ascii (whole file without diacritics)
    totals: str = "bottom"        # bottom | top (right under the header) | none
    totals_label: str = "Tổng cộng"
    unit_label: str = "Đơn vị"
    stt_label: str = "STT"
    number_row: str = ""          # "" | paren ("(1)", "(2)" …) | letters ("A", "B", "1" …) under the header
    sheets: tuple[str, ...] = ()  # extra sheets: guide (hidden) | chart | list
    sheet_name: str = "Báo cáo"
    funding: str = "lines"        # single forms: rows (in the table) | lines (below the table)
    split_rows: bool = False      # single forms: some activities on two rows
    encoding: str = "utf-8"       # csv: utf-8 | utf-8-sig | utf-16 | cp1258
    delimiter: str = ","
    csv_head: str = "vi"          # long csv column names: vi | snake
    with_code: bool = False       # flat csv carries the unit code
    notes: bool = True            # a few "Ghi chú" remarks


@dataclass
class Entry:
    """One reporting unit inside a form (a table row, or the unit of a single form)."""

    name: str                      # as written in the file (before whole-file text transforms)
    level: str                     # province | district | commune | agency
    unit: Unit | None              # resolved official unit; None for agencies and unresolvable names
    parent: Unit | None            # locality an agency belongs to; province of an unresolvable name
    figures: Figures
    full_name: str = ""            # agencies: the full name ("Hội Khuyến học tỉnh An Giang")


@dataclass
class Issuer:
    """Who signs the form: the letterhead lines, the place in the date line and the signer."""

    lines: tuple[str, ...]         # letterhead, top to bottom ("UBND HUYỆN CHÂU PHÚ", "TỈNH AN GIANG")
    place: str                     # "Châu Phú" in "Châu Phú, ngày 20 tháng 10 năm 2020"
    role: tuple[str, ...]          # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str
    recipients: tuple[str, ...] = ("Sở GDĐT;", "Lưu: VT.")
    code: str = "BC-UBND"          # document symbol in "Số: 125/BC-UBND"


@dataclass
class FormSpec:
    """One file to write, with everything the manifest needs to describe it."""

    path: str
    fmt: str                       # xlsx | xls | ods | csv
    layout: str                    # consolidated | single | flat_csv | long_csv | broken
    year: int
    province: Unit                 # province in force that year
    issuer: Issuer
    entries: list[Entry]
    style: Style = field(default_factory=Style)
    when: date = date(2000, 1, 1)
    title_year: int | None = None  # year printed in the title when it differs (broken: year conflict)
    scope: str = ""                # consolidated: "province" (rows = districts/communes) | "district"
    broken: str = ""               # "" | text_in_number | formula | year_conflict | truncated | empty
    expect: str = "loaded"         # ingest status when files are ingested in path order
    current: bool = True           # False for a submission a later file replaces
    replaces: str = ""             # path of the submission this one replaces
    duplicate_of: str = ""         # path of the byte-identical original
    tags: tuple[str, ...] = ()     # scenario tags for the manifest (quan12_case, unresolvable, …)

    @property
    def signed_by(self) -> str:
        """The level of the office that signs and sends the form, whose deadline it keeps: a table's scope, the
        province department for an export, the unit itself for a single-unit form ('agency' for an agency)."""
        if self.layout in ("flat_csv", "long_csv"):
            return "province"
        return self.scope or self.entries[0].level
