"""The I/O edge of the ETL: find files, hash them, run the pure pipeline, load each in its own transaction.

Files come from paths (the command line) or as uploaded bytes (the app), and go through the same
staging either way. An upload is first previewed (staged, then discarded) and loaded only when
confirmed, and only if staging it again decides exactly what the preview showed.
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from etl.errors import FormError, Issue
from etl.headers import Vocabulary
from etl.limits import MB, read_limits
from etl.preview import FilePreview, plan_of, preview, stored_figures
from etl.read import SUPPORTED_TYPES, looks_like_spreadsheet
from etl.resolve import Options
from etl.understood import SheetReading
from etl.units import Unit, UnitIndex, load_index
from etl.workers import Parse, Parser
from warehouse.load import DEFAULT_DB, Outcome, Staged, Warehouse

GROUP_COMMIT_FILES = 250  # files staged before one transaction writes them (see warehouse.load)


@dataclass
class FileResult:
    path: str
    status: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    reports: int = 0
    readings: list[SheetReading] = field(default_factory=list)  # what was understood of each table read

    @classmethod
    def of(cls, path: str, outcome: Outcome) -> FileResult:
        return cls(path, outcome.status, outcome.errors, outcome.warnings, outcome.reports, outcome.readings)

    def as_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "reports": self.reports,
                "errors": [e.as_dict() for e in self.errors], "warnings": [w.as_dict() for w in self.warnings],
                "understood": [r.as_dict() for r in self.readings]}


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Files named, and supported files under folders named (recursively), in a stable order.

    Order matters: a later file replaces an earlier report of the same unit and year, so folders are
    walked in sorted path order ('…/lan2' after '…/lan1'). Inside folders only regular files are taken:
    a symbolic link (which may point anywhere, /dev/zero included), a device or a pipe is not followed.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in _walk(path) if p.suffix.lower() in SUPPORTED_TYPES
                            and not p.name.startswith("~$"))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path) -> Iterator[Path]:
    """Regular files under `folder`, never through a symbolic link (os.walk does not follow them)."""
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            try:
                regular = stat.S_ISREG(path.lstat().st_mode)
            except OSError:  # gone since its folder was listed
                continue
            if regular:
                yield path


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
    files = discover(paths)
    with _long_lived_frozen(), Parser(vocab, index, len(files)) as parser:  # before the warehouse: see etl.workers
        warehouse = Warehouse(db, index)
        try:
            run = _Run(warehouse, index.units, on_file)
            for done, read in enumerate(_read_ahead(files, warehouse, parser, options or Options()), start=1):
                run.stage(read)
                if on_progress:
                    on_progress(done, len(files))
                if len(run.staged) >= GROUP_COMMIT_FILES:
                    run.commit()
            run.commit()
            return run.results
        finally:
            warehouse.close()


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """Keep what exists before a run (the unit index: ~100k objects) out of the collector's full passes
    until it ends: such a pass costs ~0.1 s, a run triggers several, and forked workers then leave the
    index's memory pages shared instead of copying them (the pattern `gc.freeze` documents)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@dataclass
class _Read:
    """A file read for staging: its bytes and their hash, or why it could not be read, and its parse."""

    path: Path
    data: bytes | None = None
    sha256: str = ""
    parse: Parse | None = None
    error: Issue | None = None


def _read_ahead(files: list[Path], warehouse: Warehouse, parser: Parser, options: Options) -> Iterator[_Read]:
    """The files read in order, each handed out once the parser has the next `parser.ahead` to work on."""
    window: deque[_Read] = deque()
    for path in files:
        window.append(_read(path, warehouse, parser, options))
        if len(window) > parser.ahead:
            yield window.popleft()
    yield from window


def _read(path: Path, warehouse: Warehouse, parser: Parser, options: Options) -> _Read:
    """Bytes already loaded are not parsed ahead: staging will most likely find them unchanged."""
    try:
        data = _read_bytes(path)
    except OSError as exc:
        return _Read(path, error=Issue(f"không đọc được tệp: {exc.strerror}"))
    except FormError as exc:
        return _Read(path, error=exc.issue)
    sha256 = hashlib.sha256(data).hexdigest()
    options = replace(options, folders=tuple(p.name for p in path.parents)[:3])
    start = parser.later if warehouse.already_loaded(sha256) else parser.start
    return _Read(path, data, sha256, start(data, path.name, options))


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, up to the size limit; anything else is refused unread: a device such as
    /dev/zero (named, or behind a link named) would never end."""
    limit = read_limits().max_read_mb
    with path.open("rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise FormError("không phải tệp thông thường (thiết bị, ống dẫn…) — không đọc")
        data = handle.read(int(limit * MB) + 1)
    if len(data) > limit * MB:
        raise FormError(f"tệp lớn hơn {limit:g} MB — không đọc")
    return data


def _stage(warehouse: Warehouse, units: dict[str, Unit], read: _Read) -> Outcome:
    """Stage one file; nothing reaches the warehouse until it is flushed."""
    path = str(read.path)
    if read.error:
        return warehouse.stage_rejected("", path, None, [read.error])
    if warehouse.already_loaded(read.sha256):
        return warehouse.stage_unchanged(read.sha256, path)
    parsed = read.parse()
    if isinstance(parsed, Issue):  # bytes that are not a spreadsheet at all are logged, not archived
        kept = read.data if looks_like_spreadsheet(read.data, read.path.name) else None
        return warehouse.stage_rejected(read.sha256, path, kept, [parsed])
    return warehouse.stage_loaded(read.sha256, path, read.data, parsed, units)


class _Run:
    """The files of one run, staged in order and committed in groups; results as each group commits."""

    def __init__(self, warehouse: Warehouse, units: dict[str, Unit], on_file: Callable[[FileResult], None] | None):
        self.warehouse, self.units, self.on_file = warehouse, units, on_file
        self.results: list[FileResult] = []
        self.staged: list[Path] = []

    def stage(self, read: _Read) -> Outcome:
        self.staged.append(read.path)
        return _stage(self.warehouse, self.units, read)

    def commit(self) -> None:
        for path, outcome in zip(self.staged, self.warehouse.flush(), strict=True):
            self.results.append(FileResult.of(str(path), outcome))
            if self.on_file:
                self.on_file(self.results[-1])
        self.staged.clear()


# -- uploads: bytes received by the app, previewed, then loaded on confirmation ---------------------------------


@dataclass(frozen=True)
class Upload:
    """A file received as bytes: its original name (kept as its path in the ingest log and as the
    archived file's name) and its content. It is only ever parsed and archived, never opened by name."""

    name: str
    data: bytes

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Confirmed:
    """A confirmation's outcome: the load's result, or, when staging again no longer decides what the
    preview showed (the warehouse changed meanwhile), nothing loaded and the new preview to show."""

    result: FileResult | None = None
    changed: FilePreview | None = None


def preview_uploads(warehouse: Warehouse, uploads: list[Upload], options: Options, index: UnitIndex,
                    on_progress: Callable[[int, int], None] | None = None) -> list[FilePreview]:
    """Each file staged alone against the warehouse as it is, then discarded: what confirming it would do."""
    previews = []
    with Parser(Vocabulary.load(), index, len(uploads)) as parser:
        parses = [_start(parser, warehouse, u, options) for u in uploads]
        for done, (upload, parse) in enumerate(zip(uploads, parses, strict=True), start=1):
            staged = _stage_upload(warehouse, upload, parse, index)
            warehouse.discard()
            previews.append(_preview(warehouse, upload, staged))
            if on_progress:
                on_progress(done, len(uploads))
    return previews


def confirm_uploads(warehouse: Warehouse, confirmations: list[tuple[Upload, FilePreview]], options: Options,
                    index: UnitIndex, on_file: Callable[[Upload, Confirmed], None] | None = None) -> list[Confirmed]:
    """Load each previewed file in its own transaction, through the same staging as the command line,
    if staging it again decides exactly what its preview showed; otherwise load nothing and return
    the new preview."""
    done = []
    with Parser(Vocabulary.load(), index, len(confirmations)) as parser:
        parses = [_start(parser, warehouse, upload, options) for upload, _ in confirmations]
        for (upload, shown), parse in zip(confirmations, parses, strict=True):
            staged = _stage_upload(warehouse, upload, parse, index)
            if plan_of(staged) != shown.plan:
                warehouse.discard()
                done.append(Confirmed(changed=_preview(warehouse, upload, staged)))
            else:
                [outcome] = warehouse.flush()
                done.append(Confirmed(FileResult.of(upload.name, outcome)))
            if on_file:
                on_file(upload, done[-1])
    return done


def _start(parser: Parser, warehouse: Warehouse, upload: Upload, options: Options) -> Parse:
    """As `_read` does: bytes already loaded are parsed only if staging asks."""
    start = parser.later if warehouse.already_loaded(upload.sha256) else parser.start
    return start(upload.data, upload.name, options)


def _stage_upload(warehouse: Warehouse, upload: Upload, parse: Parse, index: UnitIndex) -> Staged:
    """Stage an upload as `ingest_paths` stages a file; no folder names (the upload has none)."""
    read = _Read(Path(upload.name), upload.data, upload.sha256, parse)
    _stage(warehouse, index.units, read)
    return warehouse.pending[-1]


def _preview(warehouse: Warehouse, upload: Upload, staged: Staged) -> FilePreview:
    met = stored_figures(warehouse.con, [p.previous for p in staged.planned if p.previous is not None])
    return preview(upload.name, upload.sha256, staged, met)
