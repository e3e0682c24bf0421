"""Parse untrusted bytes in child processes that cannot hurt the process that asked.

One small file can stop a reader for good: calamine allocates the whole grid for a single cell at
XFD1048576 (512 GB) and aborts the process when it cannot. So every parse runs in a child forked from
this process (it inherits the unit index and vocabulary: nothing big is pickled) under limits on its
address space (RLIMIT_AS), its CPU time (RLIMIT_CPU, reset per file), its wall-clock time and the size
of the result it sends back. A child that dies, runs over or answers too much is a rejected file with
its reason; a new child takes the files after it. Children are few and live for the whole run: a fork
per file would cost more than parsing most forms does.

It needs Linux (fork, /proc, rlimits), where the ETL and the app run.

Each child is driven by one thread of the parent, which sends it a batch of files and waits for the
answers one file at a time, so the file being parsed when a child dies is known and only it is lost.
"""

from __future__ import annotations

import faulthandler
import math
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection, wait

from etl.errors import Issue
from etl.limits import MB, ReadLimits

Work = Callable[..., object]  # runs in the child on one job's arguments; returns a picklable result
_FORK = multiprocessing.get_context("fork")
_SPAWNING = threading.Lock()  # one fork at a time, so no child inherits another child's end of its pipe
_GRACE_SECONDS = 2.0  # wall-clock beyond the CPU limit: a child may wait on the disk or on a busy machine


def memory_issue() -> Issue:
    return Issue("đọc tệp cần quá nhiều bộ nhớ — tệp quá lớn hoặc khai báo vùng ô quá rộng; hãy chỉ giữ bảng "
                 "báo cáo, xóa các dòng, cột thừa rồi lưu và gửi lại")


def _died_issue(exitcode: int | None) -> Issue:
    if exitcode is not None and -exitcode == signal.SIGXCPU:
        return _time_issue()
    how = f"tín hiệu {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"mã {exitcode}"
    return Issue(f"chương trình đọc bị dừng đột ngột khi đọc tệp này ({how}): tệp hỏng, hoặc khai báo vùng ô "
                 "quá rộng (ví dụ có ô ở tận XFD1048576) nên cần quá nhiều bộ nhớ; hãy mở bằng Excel, xóa các "
                 "dòng, cột thừa rồi lưu và gửi lại")


def _time_issue() -> Issue:
    return Issue("đọc tệp quá lâu, vượt giới hạn thời gian — tệp quá lớn hoặc quá phức tạp; hãy chỉ giữ bảng "
                 "báo cáo rồi gửi lại")


def _output_issue(limit_mb: float) -> Issue:
    return Issue(f"tệp cho ra quá nhiều dữ liệu sau khi đọc (hơn {limit_mb:g} MB) — không giống một biểu báo cáo")


class Sandbox:
    """`workers` children that run `work` on jobs sent in batches; results in a Future per batch.

    Use as a context manager: entering forks the children at once (so before any warehouse
    connection starts its threads, when the caller can arrange it); leaving ends them.
    """

    def __init__(self, work: Work, workers: int, limits: ReadLimits):
        self.work, self.limits = work, limits
        self._tasks: queue.SimpleQueue[tuple[list[tuple], Future] | None] = queue.SimpleQueue()
        self._children = [_Child(work, limits) for _ in range(workers)]
        self._threads = [threading.Thread(target=self._supervise, args=(i,), daemon=True) for i in range(workers)]
        self._closing = False

    def __enter__(self) -> Sandbox:
        for child in self._children:
            child.start()
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._closing = True
        for _ in self._threads:
            self._tasks.put(None)
        for thread in self._threads:
            thread.join()

    def submit(self, jobs: Sequence[tuple]) -> Future[list[object]]:
        """Run `work(*job)` for each job in one child; the future holds the results in job order."""
        future: Future[list[object]] = Future()
        self._tasks.put((list(jobs), future))
        return future

    def _supervise(self, slot: int) -> None:
        try:
            while (task := self._tasks.get()) is not None:
                jobs, future = task
                if self._closing or not future.set_running_or_notify_cancel():
                    future.cancel()
                    continue
                try:
                    future.set_result(self._run(slot, jobs))
                except BaseException as exc:  # a parent-side fault: the caller sees it with its file
                    future.set_exception(exc)
        finally:
            self._children[slot].stop()

    def _run(self, slot: int, jobs: list[tuple]) -> list[object]:
        """All jobs' results; a child that fails a job is replaced and the jobs after it go to the new one."""
        results: list[object] = []
        while len(results) < len(jobs):
            child = self._children[slot]
            if not child.alive():
                child = self._children[slot] = _Child(self.work, self.limits).start()
            child.run(jobs[len(results):], results)
        return results


class _Child:
    """One forked worker and the parent's end of its pipe."""

    def __init__(self, work: Work, limits: ReadLimits):
        self.work, self.limits = work, limits
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn: Connection | None = None

    def start(self) -> _Child:
        with _SPAWNING:
            parent_end, child_end = _FORK.Pipe()
            self.process = _FORK.Process(target=_serve, args=(child_end, self.work, self.limits), daemon=True)
            self.process.start()
            child_end.close()
        self.conn = parent_end
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive() and self.conn is not None

    def run(self, jobs: list[tuple], results: list[object]) -> None:
        """Send the jobs, append each answer as it comes; on the first failure append why and end this child."""
        try:
            self.conn.send(jobs)
        except OSError:
            results.append(self._end())
            return
        wall = self.limits.parse_seconds + _GRACE_SECONDS
        for _ in jobs:
            ready = wait([self.conn, self.process.sentinel], wall)
            if self.conn not in ready:
                results.append(self._end() if ready else self._end(timed_out=True))
                return
            try:
                payload = self.conn.recv_bytes(int(self.limits.parse_output_mb * MB) + 4096)
            except EOFError:
                results.append(self._end())
                return
            except OSError:  # longer than the child may send: it was not our own check that sent it
                self._end()
                results.append(_output_issue(self.limits.parse_output_mb))
                return
            results.append(pickle.loads(payload))

    def _end(self, timed_out: bool = False) -> Issue:
        """Kill and reap the child; why it failed the job it had."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.conn = None
        return _time_issue() if timed_out else _died_issue(self.process.exitcode)

    def stop(self) -> None:
        """End the child: closing its pipe makes it return; kill it if it does not at once."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.process is not None:
            self.process.join(1)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


# -- in the child ---------------------------------------------------------------------------------------------


def _serve(conn: Connection, work: Work, limits: ReadLimits) -> None:
    """Parse jobs until the parent closes the pipe, one answer per job, each within the limits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which then ends its children
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort leaves no core file of the parent's memory
    os.environ["RUST_BACKTRACE"] = "0"  # calamine's abort: its one-line reason in the log, not 60 lines of stack
    faulthandler.disable()  # a crash is reported by the parent, with the file; not as the parent's stack dump
    _cap(resource.RLIMIT_AS, _address_space() + int(limits.parse_memory_mb * MB))
    while True:
        try:
            jobs = conn.recv()
        except EOFError:
            return
        for job in jobs:
            used = resource.getrusage(resource.RUSAGE_SELF)
            _cap(resource.RLIMIT_CPU, math.ceil(used.ru_utime + used.ru_stime + limits.parse_seconds))
            conn.send_bytes(_answer(work, job, limits))


def _answer(work: Work, job: tuple, limits: ReadLimits) -> bytes:
    """The pickled result, or the pickled reason there is none: any error is this file's, not the run's."""
    try:
        result = work(*job)
    except MemoryError:
        result = memory_issue()
    except Exception as exc:  # the boundary: whatever the reader raised rejects this file only
        result = Issue(f"không đọc được tệp (lỗi {type(exc).__name__}: {str(exc)[:300]})")
    payload = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    if len(payload) > limits.parse_output_mb * MB:
        payload = pickle.dumps(_output_issue(limits.parse_output_mb), pickle.HIGHEST_PROTOCOL)
    return payload


def _address_space() -> int:
    """Bytes mapped now (what the fork inherited): the memory limit is added on top of it."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _cap(limit: int, value: int) -> None:
    """Lower a soft limit, keeping the hard one (a child may raise its CPU limit again for the next file)."""
    _, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(limit, (value, hard))
