"""etl.sandbox on its own: a child that aborts, segfaults, is killed, spins, sleeps, exhausts its memory or
answers too much costs only the job it had; the jobs after it in the same batch, and later batches, are
answered by its replacement, and the parent never parses anything itself."""

from __future__ import annotations

import ctypes
import os
import signal
import time

import pytest

from etl.errors import FormError, Issue
from etl.limits import ReadLimits, read_limits
from etl.sandbox import Sandbox

LIMITS = ReadLimits(max_read_mb=1, parse_memory_mb=256, parse_seconds=1, parse_output_mb=1, unzipped_mb=1,
                    zip_ratio=10, zip_entries=10)


def hostile(kind: str) -> object:
    """What one job does in the child."""
    if kind == "abort":
        os.abort()
    if kind == "segfault":
        ctypes.string_at(0)
    if kind == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "spin":
        while True:
            pass
    if kind == "sleep":
        time.sleep(60)
    if kind == "memory":
        return len(bytearray(2 * 1024 * 1024 * 1024))
    if kind == "output":
        return "x" * (2 * 1024 * 1024)
    if kind == "bug":
        return {}["missing"]
    if kind == "form_error":
        raise FormError("lỗi của biểu")
    return f"ok {kind} in {os.getpid()}"


def test_each_failure_costs_only_its_own_job():
    kinds = ["a", "abort", "b", "segfault", "c", "killed", "d", "memory", "e", "output", "f", "bug", "g"]
    with Sandbox(hostile, 1, LIMITS) as sandbox:
        results = sandbox.submit([(k,) for k in kinds]).result()
        after = sandbox.submit([("h",)]).result()

    by_kind = dict(zip(kinds, results, strict=True))
    assert [by_kind[k].split(" in ")[0] for k in "abcdefg"] == [f"ok {k}" for k in "abcdefg"]
    assert os.getpid() not in {int(r.rsplit(" ", 1)[1]) for r in [*(by_kind[k] for k in "abcdefg"), *after]}
    assert "SIGABRT" in by_kind["abort"].message and "SIGSEGV" in by_kind["segfault"].message
    assert "SIGKILL" in by_kind["killed"].message
    assert by_kind["memory"].message.startswith("đọc tệp cần quá nhiều bộ nhớ")
    assert by_kind["output"] == Issue("tệp cho ra quá nhiều dữ liệu sau khi đọc (hơn 1 MB) — không giống "
                                      "một biểu báo cáo")
    assert by_kind["bug"] == Issue("không đọc được tệp (lỗi KeyError: 'missing')")
    assert after[0].startswith("ok h")


@pytest.mark.parametrize("kind", ["spin", "sleep"])
def test_a_job_over_its_time_is_rejected_and_the_next_goes_on(kind):
    """CPU time (RLIMIT_CPU: SIGXCPU) for a loop, the wall clock for a wait; both are 'quá lâu'."""
    with Sandbox(hostile, 1, LIMITS) as sandbox:
        over, nxt = sandbox.submit([(kind,), ("next",)]).result()
    assert over.message.startswith("đọc tệp quá lâu") and nxt.startswith("ok next")


def test_a_form_error_is_not_the_sandbox_s_business():
    """The pipeline turns its own rejections into issues (etl.workers.parse_or_issue); an exception that gets
    to the sandbox's boundary is named by its type."""
    with Sandbox(hostile, 2, LIMITS) as sandbox:
        [result] = sandbox.submit([("form_error",)]).result()
    assert result == Issue("không đọc được tệp (lỗi FormError: lỗi của biểu)")


def test_the_limits_come_from_the_officers_rules_file():
    limits = read_limits()
    assert (limits.parse_memory_mb, limits.parse_seconds, limits.unzipped_mb, limits.zip_ratio) == (1024, 10, 200, 200)
