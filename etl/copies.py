"""Copies of officers' data files (deadlines, quality thresholds, activity labels) kept in the warehouse, where
its views can read them; replaced whole when the file changed."""

from __future__ import annotations

import duckdb


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> bool:
    """Make `table`'s rows `rows` in one transaction, only when they differ; True when it wrote. `table` is a
    fixed name of the caller's, never input; a failure leaves the previous copy."""
    if sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr) == sorted(rows, key=repr):  # noqa: S608
        return False
    con.execute("BEGIN")
    try:
        con.execute(f"DELETE FROM {table}")  # noqa: S608
        if rows:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)  # noqa: S608
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True
