"""Limits on reading one untrusted file, from data/upload_rules.csv (officers may change them there).

They bound what a file can cost before it is rejected: its size on disk, its size once unzipped and
its compression ratio (checked on the zip's central directory, before anything is inflated), and the
memory, time and output of the child process that parses it (see etl.sandbox).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "upload_rules.csv"
MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    max_read_mb: float  # a file named on the command line or found in a folder
    parse_memory_mb: float  # address space a parsing child may add to what it inherited
    parse_seconds: float  # CPU and wall-clock time to parse one file
    parse_output_mb: float  # the parsed result sent back to the parent
    unzipped_mb: float  # all entries of an .xlsx/.ods, as its central directory declares them
    zip_ratio: float  # unzipped size / zipped size
    zip_entries: int


@cache
def read_limits(path: Path = RULES_FILE) -> ReadLimits:
    """The limits as the rules file states them (read once per process)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        values = {row["setting"].strip(): row["value"].strip() for row in csv.DictReader(handle)}
    return ReadLimits(float(values["max_read_mb"]), float(values["parse_memory_mb"]),
                      float(values["parse_seconds"]), float(values["parse_output_mb"]),
                      float(values["unzipped_mb"]), float(values["zip_ratio"]), int(values["zip_entries"]))
