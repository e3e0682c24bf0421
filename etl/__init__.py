"""ETL for Lifelong Learning Week result reports: returned forms -> one DuckDB warehouse.

Pipeline, one module per step: read -> tables (find table) -> headers (map headers) -> extract
(parse values) -> units/resolve (resolve units) -> validate, then `warehouse.load` writes. `pipeline` runs
the pure steps on bytes; `ingest` is the I/O edge, with `workers` parsing large runs in worker
processes; `cli` is `python -m etl`. Nothing is imported here: `warehouse.load` uses this package's types
and `etl.ingest` uses it, so an eager import would make the two packages import each other half-way.
"""
