"""One writer at a time, across processes: a lock file beside the warehouse.

DuckDB lets one process write a file, and refuses a second at once. Several app replicas (and a data officer's
`python -m etl ingest`) may want to write within the same second, so a writer first takes this lock: writers
queue on it, polling for up to WAIT_S, and one that is still waiting after that gets WarehouseBusy, whose
message is for the user. The lock covers the write and its publish (warehouse.publish), so a snapshot never
mixes two writes. An flock is released by the kernel when its holder dies: a killed ingest blocks no one.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WAIT_S = 10.0  # a group of uploaded files is written and published within this on a national warehouse
POLL_S = 0.1


class WarehouseBusy(RuntimeError):
    """Another writer (an ingest, an upload in another session or replica) held the warehouse for longer than we
    wait. Its message is for the user; nothing of this write was done."""

    def __init__(self) -> None:
        super().__init__("Kho dữ liệu đang bận: một lượt nạp khác (dòng lệnh, hoặc người dùng khác) đang ghi. "
                         "Chưa có gì được ghi từ thao tác này; hãy thử lại sau ít phút.")


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def writer_lock(warehouse: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block; WarehouseBusy when another writer keeps it `wait_s`
    (default WAIT_S)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(warehouse), "a") as file:
        deadline = time.monotonic() + (WAIT_S if wait_s is None else wait_s)
        while True:
            try:
                fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy() from None
                time.sleep(POLL_S)
        try:
            yield
        finally:
            fcntl.flock(file.fileno(), fcntl.LOCK_UN)
