"""The ingest run that tests/test_crash_loop.py kills: started from a fork server that imported this module,
so each run begins with the ETL imported and the unit index loaded (a fresh interpreter would spend most
of the test's time starting)."""

from __future__ import annotations

from pathlib import Path

import etl.ingest
from etl.units import load_index

INDEX = load_index()  # loaded once in the fork server, inherited by every run


def run(files: list[Path], db: Path, group_files: int) -> None:
    """A whole ingest run committing every `group_files` files, so that a kill can land between commits."""
    etl.ingest.GROUP_COMMIT_FILES = group_files
    etl.ingest.ingest_paths(files, db, index=INDEX)
