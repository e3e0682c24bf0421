"""The I/O edge of the ETL: find files, hash them, run the pure pipeline, load each in its own transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from etl.errors import FormError, Issue
from etl.headers import Vocabulary
from etl.pipeline import parse_file
from etl.read import SUPPORTED_TYPES
from etl.resolve import Options
from etl.units import UnitIndex, load_index
from etl.warehouse import DEFAULT_DB, Outcome, Warehouse


@dataclass
class FileResult:
    path: str
    status: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    reports: int = 0

    def as_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "reports": self.reports,
                "errors": [e.as_dict() for e in self.errors], "warnings": [w.as_dict() for w in self.warnings]}


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Files named, and supported files under folders named (recursively), in a stable order.

    Order matters: a later file replaces an earlier report of the same unit and year, so folders are
    walked in sorted path order ('…/lan2' after '…/lan1').
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_TYPES
                            and not p.name.startswith("~$"))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def ingest_paths(paths: Iterable[Path | str], db: Path | str = DEFAULT_DB, options: Options | None = None,
                 on_file: Callable[[FileResult], None] | None = None,
                 index: UnitIndex | None = None) -> list[FileResult]:
    """Ingest files and folders into the warehouse at `db`; one transaction per file."""
    index = index or load_index()
    vocab = Vocabulary.load()
    warehouse = Warehouse(db, index)
    try:
        warehouse.apply_aliases(index)
        results = []
        for path in discover(paths):
            result = ingest_one(warehouse, path, vocab, index, options or Options())
            results.append(result)
            if on_file:
                on_file(result)
        return results
    finally:
        warehouse.close()


def ingest_one(warehouse: Warehouse, path: Path, vocab: Vocabulary, index: UnitIndex, options: Options) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(str(path), "rejected", [Issue(f"không đọc được tệp: {exc.strerror}")])
    sha256 = hashlib.sha256(data).hexdigest()
    if warehouse.is_archived_ok(sha256):
        return _result(path, warehouse.record_unchanged(sha256, str(path)))
    try:
        parsed = parse_file(data, path.name, vocab, index, options)
    except FormError as exc:
        return _result(path, warehouse.reject(sha256, str(path), data, [exc.issue], []))
    return _result(path, warehouse.load(sha256, str(path), data, parsed, index.units))


def _result(path: Path, outcome: Outcome) -> FileResult:
    return FileResult(str(path), outcome.status, outcome.errors, outcome.warnings, outcome.reports)
