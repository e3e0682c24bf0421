from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.headers import Vocabulary
from etl.ingest import ingest_paths
from etl.units import load_index

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def no_local_accounts(tmp_path_factory):
    """Tests never read the developer's own config/accounts.toml (a private dashboard there would hide every
    page): accounts live in a file of the session's own, and private mode is off unless a test sets it.
    Passwords are hashed at bcrypt's lowest cost: the real cost (0.25 s a hash) only makes tests slow.
    Nor the headers officers taught (data/header_synonyms_local.csv): the session's own file, empty at first."""
    from etl import accounts

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "ROUNDS", 4)
        patch.setenv("HTSD_ACCOUNTS", str(tmp_path_factory.mktemp("accounts") / "accounts.toml"))
        patch.delenv("HTSD_PRIVATE", raising=False)
        patch.setenv("HTSD_SYNONYMS_LOCAL", str(tmp_path_factory.mktemp("taught") / "header_synonyms_local.csv"))
        yield


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
def downloads(monkeypatch) -> dict:
    from app_support import catch_downloads

    return catch_downloads(monkeypatch)


def rows(path: Path, query: str, params: list) -> list[tuple]:
    """A query's rows from the warehouse at `path`, opened read-only."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """The demo warehouse, built once per session for the tests that only read it (meeting outputs)."""
    from etl.demo.build import generate_demo

    root = tmp_path_factory.mktemp("demo")
    generate_demo(root / "forms")
    ingest_paths([root / "forms"], root / "warehouse.duckdb")
    return root / "warehouse.duckdb"


@pytest.fixture
def sql(db: Path):
    """Run a query against this test's warehouse, read-only, returning all rows."""

    return lambda query, params=None: rows(db, query, params or [])


# --- real-browser tests (see browser_support.py) -----------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Path:
    from browser_support import require_chromium

    return require_chromium()


@pytest.fixture(scope="module")
def browser(chromium: Path):
    from browser_support import CHROMIUM_ARGS, sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def new_page(browser):
    """Pages in fresh contexts (nothing shared between them but what a URL carries)."""
    from browser_support import fresh_context

    contexts = []

    def open_fresh():
        contexts.append(fresh_context(browser))
        return contexts[-1].new_page()

    yield open_fresh
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
