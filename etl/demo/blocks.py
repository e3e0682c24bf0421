"""Pieces every official form shares: letterhead, title, date line, signature, and cell values.

Layouts compose these so that consolidated tables and single-unit forms carry the same
administrative furniture real documents do (Decree 30/2020 style), which the ETL must skip.
"""

from __future__ import annotations

from datetime import date

from .grid import Cell, Sheet, blank_row
from .spec import Issuer, Style
from .text import decimal_comma, group_thousands
from .vocab import MONEY_DIVISOR

NATION = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def date_line(place: str, when: date) -> str:
    """"An Giang, ngày 28 tháng 10 năm 2023" (day padded to two digits, month not)."""
    return f"{place}, ngày {when.day:02d} tháng {when.month} năm {when.year}"


def letterhead(sheet: Sheet, issuer: Issuer, when: date, number: str, width: int) -> None:
    """Issuer lines on the left, national motto and date line on the right, merged like Word-made forms."""
    left_end = max(1, width // 3 - 1)
    right_start = max(left_end + 1, width - max(3, width // 3))
    lines = list(issuer.lines) + [f"Số: {number}"]
    right = list(NATION) + [""] * max(0, len(lines) - 3) + [date_line(issuer.place, when)]
    for i in range(max(len(lines), len(right))):
        row = blank_row(width)
        row[0] = lines[i] if i < len(lines) else None
        row[right_start] = right[i] if i < len(right) else None
        index = sheet.add(row, bold=i < 2)
        sheet.merge(index, 0, index, left_end)
        sheet.merge(index, right_start, index, width - 1)
    sheet.add(blank_row(width))


def title(sheet: Sheet, lines: list[str], width: int) -> int:
    """Centered title lines merged across the table; returns the index of the first line."""
    first = len(sheet.rows)
    for i, text in enumerate(lines):
        row = blank_row(width)
        row[0] = text
        index = sheet.add(row, bold=i == 0)
        sheet.merge(index, 0, index, width - 1)
    sheet.add(blank_row(width))
    return first


def signature(sheet: Sheet, issuer: Issuer, preparer: str, width: int) -> None:
    """"Nơi nhận:" list, "NGƯỜI LẬP BIỂU" and the signing official, with room for the signature."""
    mid = max(2, width // 2 - 1)
    right = max(mid + 1, width - 3)
    sheet.add(blank_row(width))
    lines = [("Nơi nhận:", "NGƯỜI LẬP BIỂU" if width > 5 else None, issuer.role[0])]
    lines += [("- " + r, None, issuer.role[1] if i == 0 and len(issuer.role) > 1 else None)
              for i, r in enumerate(issuer.recipients)]
    for left, middle, right_text in lines:
        row = blank_row(width)
        row[0], row[mid], row[right] = left, middle, right_text
        sheet.add(row, bold=left == "Nơi nhận:")
    for _ in range(2):
        sheet.add(blank_row(width))
    row = blank_row(width)
    row[mid], row[right] = (preparer if width > 5 else None), issuer.signer
    sheet.add(row, bold=True)


def count_cell(value: int, style: Style) -> Cell:
    """A head count or number of events as the officer typed it."""
    if value == 0:
        return {"0": 0 if style.numbers == "numeric" else "0", "-": "-", "không": "không"}.get(style.zero)
    return value if style.numbers == "numeric" else group_thousands(value)


def money_cell(vnd: int, style: Style, row: int) -> Cell:
    """An amount in the unit the header names, or with its unit written in the cell ("15 triệu")."""
    if style.money == "cell":
        return money_phrase(vnd, "mixed" if row % 2 else "dong", zero="không" if row % 3 else "-")
    if vnd == 0:
        return count_cell(0, style)
    value = vnd / MONEY_DIVISOR[style.money]
    if style.numbers == "numeric":
        return int(value) if value == int(value) else round(value, 1)
    return decimal_comma(value) if MONEY_DIVISOR[style.money] == 1_000_000 else group_thousands(int(value))


def money_phrase(vnd: int, mode: str, zero: str = "Không") -> str:
    """Amount in running text: "15.000.000 đồng", "15 triệu", "12,5 triệu đồng"; zero as "Không"."""
    if vnd == 0:
        return zero
    if mode == "dong":
        return f"{group_thousands(vnd)} đồng"
    suffix = " triệu" if vnd % 1_000_000 == 0 else " triệu đồng"
    return decimal_comma(vnd / 1_000_000) + suffix
