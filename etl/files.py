"""Files that officers and admins edit (deadlines, unit aliases, accounts), replaced whole: a reader (the app, an
ingest run by another user) sees the old file or the new one, never half of one, and keeps being able to read it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, text: str, mode: int | None = None) -> None:
    """Write `text` beside `path`, sync it and rename it into place, the rename synced too. The file keeps its
    permissions (a new one gets 0644) unless `mode` is given; a failure leaves the old file and no temporary one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:  # mkstemp's file is private: without this, one edit would lock out every other reader
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power cut
    finally:
        os.close(folder)
