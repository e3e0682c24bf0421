"""Format-neutral sheets: rows of cells plus merged ranges, written by one writer per format.

Layouts build `Sheet`s once; xlsx, xls, ods and csv writers only translate them, so a table
looks the same whichever format an officer saved it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from .text import nfd, strip_diacritics


@dataclass(frozen=True)
class Formula:
    """A formula typed into a cell; written without a cached value (as openpyxl and xlwt do)."""

    text: str


Cell = str | int | float | Formula | None


@dataclass
class Sheet:
    """One worksheet: 0-based rows, inclusive merged ranges (r1, c1, r2, c2) and light styling hints."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    bold: set[int] = field(default_factory=set)        # row indexes printed bold (titles, headers, totals)
    widths: dict[int, float] = field(default_factory=dict)

    def add(self, row: list[Cell], bold: bool = False) -> int:
        """Append a row and return its index."""
        self.rows.append(row)
        if bold:
            self.bold.add(len(self.rows) - 1)
        return len(self.rows) - 1

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def set(self, row: int, col: int, value: Cell) -> None:
        line = self.rows[row]
        line.extend([None] * (col + 1 - len(line)))
        line[col] = value


def a1(row: int, col: int) -> str:
    """0-based (row, col) -> "E12"."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def blank_row(width: int) -> list[Cell]:
    return [None] * width


def map_text(sheets: list[Sheet], mode: str) -> None:
    """Apply a whole-file text habit in place: decomposed Unicode or no diacritics at all."""
    if mode == "nfc":
        return
    convert = nfd if mode == "nfd" else strip_diacritics
    for sheet in sheets:
        sheet.name = convert(sheet.name)
        for row in sheet.rows:
            for i, value in enumerate(row):
                if isinstance(value, str):
                    row[i] = convert(value)
