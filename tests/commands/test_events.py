"""`kroniek events` over a store: filters, JSON and table output, and statuses kept apart."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kroniek.cli import cli
from kroniek.store import open_store

from ..events_fixture import events_article


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kroniek.db"
    with open_store(path) as store:
        store.add_batch([events_article()])
    return str(path)


def _listed(db, *options) -> list[dict]:
    result = CliRunner().invoke(cli, ["events", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_lists_every_event_by_date_with_its_status(db):
    events = _listed(db)
    assert [(e["trigger"]["text"], e["status"]) for e in events] == [
        ("ontkent", "happened"), ("aangekomen", "happened"), ("ontvangen", "expected"), ("kopen", "unconfirmed"),
        ("levert", "denied"),
    ]
    assert events[1]["date"] == "2023-09-12TMO" and events[2]["date"] is None and events[2]["published"] == "2023-09-12"
    assert events[0]["article"] == "kim"


@pytest.mark.parametrize("options, triggers", [
    (("--entity", "kim"), ["aangekomen"]),
    (("--entity", "Poetin", "--type", "trade"), ["kopen"]),
    (("--type", "TRADE"), ["kopen", "levert"]),
    (("--since", "2023-09-12"), ["aangekomen", "ontvangen", "kopen", "levert"]),
    (("--since", "2023-09-13"), []),
])
def test_filters(db, options, triggers):
    assert [e["trigger"]["text"] for e in _listed(db, *options)] == triggers


def test_table_names_the_status_of_what_did_not_happen(db):
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "table", "--type", "TRADE"])
    assert result.exit_code == 0 and "unconfirmed" in result.output and "denied" in result.output


@pytest.mark.parametrize("options", [("--type", "PARTY"), ("--since", "gisteren")])
def test_bad_options_are_usage_errors(db, options):
    result = CliRunner().invoke(cli, ["events", "--db", db, *options])
    assert result.exit_code == 2 and "Traceback" not in result.output
