"""Parse files in sandboxed worker processes while the parent stages and writes them, in file order.

Every file comes from outside, so none is parsed in the process that holds the warehouse or serves
the app: each goes to a child of etl.sandbox, under limits on memory, time and output, and a child
that dies is only that file's rejection. The children fork from the parent once per run and inherit
the loaded unit index and vocabulary (nothing big is pickled); they parse ahead of the parent, a
batch of files per message (a message costs the parent ~0.3 ms), and the parent takes every result
in file order, so the warehouse sees exactly what a serial run gives. Small runs use one child,
large runs up to MAX_WORKERS.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial

from etl.errors import FormError, Issue
from etl.headers import Vocabulary
from etl.limits import ReadLimits, read_limits
from etl.pipeline import ParsedFile, parse_file
from etl.resolve import Options
from etl.sandbox import Sandbox
from etl.units import UnitIndex

PARALLEL_FROM_FILES = 200  # smaller runs gain less than starting, warming and feeding more workers costs
MAX_WORKERS = 4  # past this the parent, which stages and writes every file, cannot keep up
BATCH_FILES = 8  # files per message to a worker
PARSE_AHEAD = 16 * BATCH_FILES  # files started ahead of the one staged: enough to keep workers busy during a commit

Parse = Callable[[], ParsedFile | Issue]
Job = tuple[bytes, str, Options]  # a file's bytes, its name and its options


def parse_or_issue(data: bytes, filename: str, vocab: Vocabulary, index: UnitIndex,
                   options: Options) -> ParsedFile | Issue:
    """The pure pipeline with its rejection as a value: a pickled FormError would lose its cell."""
    try:
        return parse_file(data, filename, vocab, index, options)
    except FormError as exc:
        return exc.issue


class _Batch:
    """Files sent to a worker in one message, and the future of their results."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.future: Future[list[ParsedFile | Issue]] | None = None


class Parser:
    """Starts parses for the files of one run in sandboxed workers, ahead of the file being staged.

    Use it as a context manager, entered before the warehouse connects when the caller can: the
    workers fork at once, so no DuckDB thread exists when they do.
    """

    def __init__(self, vocab: Vocabulary, index: UnitIndex, files: int, limits: ReadLimits | None = None):
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if files >= PARALLEL_FROM_FILES else 1
        work = partial(_parse_job, vocab, index)
        self.sandbox = Sandbox(work, workers, limits or read_limits())
        self.ahead = PARSE_AHEAD
        self._open = _Batch()

    def __enter__(self) -> Parser:
        self.sandbox.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.sandbox.__exit__(*exc_info)  # every result wanted has been taken

    def start(self, data: bytes, filename: str, options: Options) -> Parse:
        """Begin a parse in a worker, batched with the files started next."""
        batch = self._open
        batch.jobs.append((data, filename, options))
        if len(batch.jobs) == BATCH_FILES:
            self._send()
        return partial(self._result, batch, len(batch.jobs) - 1)

    def later(self, data: bytes, filename: str, options: Options) -> Parse:
        """A parse sent to a worker when, and only if, its result is asked for."""
        return lambda: self.sandbox.submit([(data, filename, options)]).result()[0]

    def _send(self) -> None:
        self._open.future = self.sandbox.submit(self._open.jobs)
        self._open = _Batch()

    def _result(self, batch: _Batch, position: int) -> ParsedFile | Issue:
        if batch.future is None:  # the last, partial batch of the run
            self._send()
        return batch.future.result()[position]


def _parse_job(vocab: Vocabulary, index: UnitIndex, data: bytes, filename: str, options: Options) -> ParsedFile | Issue:
    """What a worker runs (the vocabulary and index are the parent's, inherited by the fork)."""
    return parse_or_issue(data, filename, vocab, index, options)
