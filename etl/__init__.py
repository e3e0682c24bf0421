"""ETL for Lifelong Learning Week result reports: returned forms -> one DuckDB warehouse.

Pipeline, one module per step: read -> tables (find table) -> headers (map headers) -> extract
(parse values) -> units/resolve (resolve units) -> validate, then `warehouse.load` writes. `pipeline` runs
the pure steps on bytes; `ingest` is the I/O edge, with `workers` parsing large runs in worker
processes; `cli` is `python -m etl`.
"""

from etl.ingest import FileResult, ingest_paths
from etl.resolve import Options

__all__ = ["FileResult", "Options", "ingest_paths"]
