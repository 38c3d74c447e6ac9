"""`kroniek skipped`: every input an ingest skipped, with its reason and when, in each output format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kroniek.cli import cli
from kroniek.source import Skipped
from kroniek.store import open_store

SKIPS = [Skipped(source="in/leeg.txt", reason="empty", detail="no text"),
         Skipped(source="in/foto.png", reason="unsupported format", detail="suffix '.png'")]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kroniek.db"
    with open_store(path) as store:
        store.add_batch([], SKIPS)
    return str(path)


def _run(db, *options) -> str:
    result = CliRunner().invoke(cli, ["skipped", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_each_skip_with_reason_and_when(db):
    rows = json.loads(_run(db))
    assert [(r["source"], r["reason"], r["detail"]) for r in rows] == [(s.source, s.reason, s.detail) for s in SKIPS]
    assert all(r["seen_at"][:2] == "20" for r in rows)


def test_jsonl_and_csv_hold_the_same_rows(db):
    as_json = json.loads(_run(db))
    assert [json.loads(line) for line in _run(db, "--format", "jsonl").splitlines()] == as_json
    assert list(csv.DictReader(io.StringIO(_run(db, "--format", "csv")))) == as_json


def test_table_names_the_sources_and_reasons(db):
    table = _run(db, "--format", "table")
    assert "2 skipped" in table and "in/leeg.txt" in table and "unsupported format" in table


def test_a_missing_store_is_a_usage_error(tmp_path):
    assert CliRunner().invoke(cli, ["skipped", "--db", str(tmp_path / "nee.db")]).exit_code == 2
