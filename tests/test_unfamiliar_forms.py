"""Unfamiliar returned forms (tests/unfamiliar/): each is written at test time, ingested alone into a fresh
warehouse, and the numbers a user would see (per unit and indicator, funding, the province total, no unit
twice, the warnings) are compared with the ones a careful officer read by hand (tests/unfamiliar/forms.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from unfamiliar.check import differences
from unfamiliar.forms import FORMS

from etl.ingest import ingest_paths


@pytest.fixture(scope="module")
def empty_warehouse(tmp_path_factory, index) -> Path:
    """A fresh warehouse built once (its schema and both maps take a second); each test loads into a copy."""
    path = tmp_path_factory.mktemp("empty") / "warehouse.duckdb"
    ingest_paths([], path, index=index)
    return path


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_unfamiliar_form(form, tmp_path, db, sql, index, empty_warehouse):
    path = form.write(tmp_path / "forms")
    shutil.copy(empty_warehouse, db)
    [result] = ingest_paths([path], db, index=index)
    assert differences(form, result, sql) == [], [str(w) for w in result.warnings]
