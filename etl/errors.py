"""Problems found in a form, phrased for the data officer who must fix the file."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Issue:
    """One problem or warning, located as precisely as the form allows (sheet and A1 cell)."""

    message: str
    sheet: str | None = None
    cell: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.sheet and f"sheet '{self.sheet}'", self.cell and f"ô {self.cell}") if p)
        return f"{where}: {self.message}" if where else self.message


class FormError(Exception):
    """Raised by any pipeline step when a file cannot be loaded; carries the issue to report."""

    def __init__(self, message: str, sheet: str | None = None, cell: str | None = None):
        super().__init__(message)
        self.issue = Issue(message, sheet, cell)


def cell_name(row: int, col: int) -> str:
    """A1-style name for 0-based (row, col), because officers navigate Excel by these names."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"
