"""Parse files in worker processes while the parent stages and writes them, in file order.

Parsing is pure and takes most of a run, so a large run on Linux forks workers that inherit the
loaded unit index and vocabulary (nothing big is pickled) and parse ahead of the parent, a batch of
files per message (a message costs the parent ~0.3 ms); the parent still takes every result in file
order, so the warehouse sees exactly what a serial run gives. Small runs, one-core machines and
other platforms (where fork is unsafe or missing) parse in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

from etl.errors import FormError, Issue
from etl.headers import Vocabulary
from etl.pipeline import ParsedFile, parse_file
from etl.resolve import Options
from etl.units import UnitIndex

PARALLEL_FROM_FILES = 200  # smaller runs gain less than starting, warming and feeding workers costs
MAX_WORKERS = 4  # past this the parent, which stages and writes every file, cannot keep up
BATCH_FILES = 8  # files per message to a worker
PARSE_AHEAD = 16 * BATCH_FILES  # files started ahead of the one staged: enough to keep workers busy during a commit

Parse = Callable[[], ParsedFile | Issue]
Job = tuple[bytes, str, Options]  # a file's bytes, its name and its options
_inherited: tuple[Vocabulary, UnitIndex] | None = None  # a worker's vocabulary and index, from its parent


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
    """Starts parses for the files of one run, ahead in worker processes when the run is large.

    Use it as a context manager, entered before the warehouse connects: the workers fork at once,
    so no DuckDB thread exists when they do.
    """

    def __init__(self, vocab: Vocabulary, index: UnitIndex, files: int):
        self.vocab, self.index = vocab, index
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        parallel = files >= PARALLEL_FROM_FILES and workers > 1 and sys.platform == "linux"
        self.pool = ProcessPoolExecutor(workers, multiprocessing.get_context("fork"), _start_worker,
                                        (vocab, index)) if parallel else None
        self.ahead = PARSE_AHEAD if self.pool else 0
        self._open = _Batch()

    def __enter__(self) -> Parser:
        if self.pool:
            self.pool.submit(int).result()  # the first task forks every worker
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)  # every result wanted has been taken

    def start(self, data: bytes, filename: str, options: Options) -> Parse:
        """Begin a parse in a worker (in-process runs parse when the result is asked for)."""
        if self.pool is None:
            return self.later(data, filename, options)
        batch = self._open
        batch.jobs.append((data, filename, options))
        if len(batch.jobs) == BATCH_FILES:
            self._send()
        return partial(self._result, batch, len(batch.jobs) - 1)

    def later(self, data: bytes, filename: str, options: Options) -> Parse:
        """A parse done in-process when, and only if, its result is asked for."""
        return partial(parse_or_issue, data, filename, self.vocab, self.index, options)

    def _send(self) -> None:
        self._open.future = self.pool.submit(_parse_batch, self._open.jobs)
        self._open = _Batch()

    def _result(self, batch: _Batch, position: int) -> ParsedFile | Issue:
        if batch.future is None:  # the last, partial batch of the run
            self._send()
        try:
            return batch.future.result()[position]
        except Exception:  # a bug or a dead worker: parse here, so that an error comes with its own file
            return self.later(*batch.jobs[position])()


def _start_worker(vocab: Vocabulary, index: UnitIndex) -> None:
    global _inherited
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which then ends the pool
    _inherited = (vocab, index)


def _parse_batch(jobs: list[Job]) -> list[ParsedFile | Issue]:
    vocab, index = _inherited  # set in every worker by _start_worker
    return [parse_or_issue(data, filename, vocab, index, options) for data, filename, options in jobs]
