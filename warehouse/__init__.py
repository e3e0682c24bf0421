"""The DuckDB warehouse: what the ETL loads into and what the dashboard reads.

forms -> `etl/` (read, understand, validate) -> `warehouse/` -> `dashboard/` + `pages/`.
`load` writes parsed files (one transaction per file, group commits) into the tables of `sql/schema.sql`;
the public views in `sql/` (reports, both maps, submission status, quality) are the only read interface.
`lock` lets one writer in at a time across processes, and `publish` copies the warehouse after every write
into an immutable snapshot that every app process reads (the read side). `reform` fills the 2025 old->new
commune map the boundary views read; `deadlines` and `quality` keep the warehouse's copies of the officers'
data files; `submission_status` asks the status views.
"""
