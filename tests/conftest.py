from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.headers import Vocabulary
from etl.ingest import ingest_paths
from etl.units import load_index

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return Vocabulary.load()


@pytest.fixture(scope="session")
def index():
    return load_index()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def ingest(db: Path):
    """Ingest fixture files (by name) into this test's warehouse; returns {file name: FileResult}."""

    def run(*names: str, **kwargs):
        paths = [FIXTURES / n if not Path(n).is_absolute() else Path(n) for n in names]
        return {Path(r.path).name: r for r in ingest_paths(paths, db, **kwargs)}

    return run


@pytest.fixture
def sql(db: Path):
    """Run a query against this test's warehouse, read-only, returning all rows."""

    def run(query: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(query, params or []).fetchall()
        finally:
            con.close()

    return run
