"""Write STATUS.md: how the ETL of this checkout reads each unfamiliar form today.

    PYTHONPATH=.:tests python -m unfamiliar.status > tests/unfamiliar/STATUS.md
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from etl.ingest import ingest_paths
from etl.units import load_index

from .check import differences
from .expect import Form, Rejected
from .forms import FORMS


def verdict(form: Form, folder: Path, index) -> tuple[str, str]:
    """('pass' | 'FAIL', what the ETL did) for one form ingested alone into a fresh warehouse."""
    db = folder / f"{form.id}.duckdb"
    [result] = ingest_paths([form.write(folder / form.id)], db, index=index)
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = differences(form, result, lambda q, p=None: con.execute(q, p or []).fetchall())
    finally:
        con.close()
    if not found:
        rejected = result.status == "rejected" and not isinstance(form.expect, Rejected)
        return "pass", "rejected (allowed)" if rejected else ""
    if result.status == "rejected":
        return "FAIL", "rejected: " + _short(found[0].removeprefix("rejected: "))
    told = f"{len(result.warnings)} warning(s)" if result.warnings else "no warning"
    return "FAIL", f"loaded wrong numbers ({told}): " + _short("; ".join(found))


def _short(text: str, limit: int = 260) -> str:
    text = text.replace("|", "/").replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def main() -> None:
    index = load_index()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for form in FORMS:
            rows.append((form, *verdict(form, Path(tmp), index)))
    passed = sum(1 for _, status, _ in rows if status == "pass")
    print("# Unfamiliar forms: how the ETL of this checkout reads them\n")
    print(f"{passed} of {len(rows)} forms read right. Regenerate with "
          "`PYTHONPATH=.:tests python -m unfamiliar.status > tests/unfamiliar/STATUS.md`.\n")
    print("| form | phenomenon | today | what the ETL did |")
    print("|---|---|---|---|")
    for form, status, what in sorted(rows, key=lambda r: (_order(r[0].phenomenon), r[0].id)):
        print(f"| {form.id} | {form.phenomenon} | {status} | {what} |")


def _order(phenomenon: str) -> int:
    return int(phenomenon) if phenomenon.isdigit() else 99


if __name__ == "__main__":
    main()
