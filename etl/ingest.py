"""The I/O edge of the ETL: find files, hash them, run the pure pipeline, load each in its own transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.errors import FormError, Issue
from etl.headers import Vocabulary
from etl.pipeline import parse_file
from etl.read import SUPPORTED_TYPES
from etl.resolve import Options
from etl.units import UnitIndex, load_index
from etl.warehouse import DEFAULT_DB, Outcome, Warehouse

GROUP_COMMIT_FILES = 250  # files staged before one transaction writes them (see etl.warehouse)


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
                 index: UnitIndex | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Ingest files and folders into the warehouse at `db`; each file is all or nothing.

    `on_file` gets each file's final result once its group is committed; `on_progress` gets
    (files read, files in all) as reading goes, for progress bars.
    """
    index = index or load_index()
    vocab = Vocabulary.load()
    warehouse = Warehouse(db, index)
    results: list[FileResult] = []
    staged: list[Path] = []

    def commit() -> None:
        for path, outcome in zip(staged, warehouse.flush(), strict=True):
            results.append(FileResult(str(path), outcome.status, outcome.errors, outcome.warnings, outcome.reports))
            if on_file:
                on_file(results[-1])
        staged.clear()

    try:
        warehouse.apply_aliases(index)
        files = discover(paths)
        for done, path in enumerate(files, start=1):
            stage_one(warehouse, path, vocab, index, options or Options())
            staged.append(path)
            if on_progress:
                on_progress(done, len(files))
            if len(staged) >= GROUP_COMMIT_FILES:
                commit()
        commit()
        return results
    finally:
        warehouse.close()


def stage_one(warehouse: Warehouse, path: Path, vocab: Vocabulary, index: UnitIndex, options: Options) -> Outcome:
    """Read, parse and stage one file; nothing reaches the warehouse until the group commit."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return warehouse.stage_rejected("", str(path), None, [Issue(f"không đọc được tệp: {exc.strerror}")])
    sha256 = hashlib.sha256(data).hexdigest()
    if warehouse.already_loaded(sha256):
        return warehouse.stage_unchanged(sha256, str(path))
    options = replace(options, folders=tuple(p.name for p in path.parents)[:3])
    try:
        parsed = parse_file(data, path.name, vocab, index, options)
    except FormError as exc:
        return warehouse.stage_rejected(sha256, str(path), data, [exc.issue])
    return warehouse.stage_loaded(sha256, str(path), data, parsed, index.units)
