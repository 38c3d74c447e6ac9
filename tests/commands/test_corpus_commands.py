"""`kroniek entities`, `kroniek stories` and `kroniek claims --entity` over a store of our own articles,
as a user runs them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kroniek.cli import cli
from kroniek.records import Claim
from kroniek.store import open_store
from tests.corpusfixtures import ELSEWHERE, FIRST, SECOND, named


def _claim(article, index: int, content: str, source: str, arguments: list[str], factuality: str = "CT+") -> Claim:
    from kroniek.records import span_of

    start = article.text.index(content)
    return Claim(id=index, content=span_of(article.text, start, start + len(content)), source=source,
                 arguments=arguments, factuality=factuality, predicate="schrappen")


@pytest.fixture
def store_path(tmp_path):
    """A store ingested before corpus linking existed: the commands link it on first use."""
    first = FIRST.model_copy(update={"claims": [_claim(FIRST, 0, "schrapt banen in Zwolle", "Jan Smit", ["Zwolle"])]})
    other = named("ander", "Jan Jansen schrapt banen in Zwolle.", [("Jan Jansen", "PER"), ("Zwolle", "LOC")])
    other = other.model_copy(update={"claims": [_claim(other, 0, "schrapt banen in Zwolle", "Jan Jansen", ["Zwolle"])]})
    path = tmp_path / "k.db"
    with open_store(path) as store:
        store.add_batch([first, SECOND, ELSEWHERE, other])
    return path


def _run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_entities_lists_corpus_entities_as_json_lines_and_shows_one_with_its_evidence(store_path):
    rows = [json.loads(line) for line in _run("entities", "--db", str(store_path), "--format", "jsonl").splitlines()]
    company = next(row for row in rows if row["name"] == "Vandermolen Transport Groep")
    assert company["articles"] == 2 and company["label"] == "ORG"
    shown = json.loads(_run("entities", "--db", str(store_path), "--id", str(company["id"])))
    assert [(m["name"], m["evidence"]) for m in shown["members"]] == [
        ("Vandermolen Transport Groep", None), ("VTG", "acronym VTG / same name")]
    assert "timeline" in shown


def test_entities_draws_a_table_filtered_by_name(store_path):
    table = _run("entities", "--db", str(store_path), "--name", "smit")
    assert "Jan Smit" in table and "Piet Smit" in table and "Zwolle" not in table


def test_stories_groups_the_two_articles_about_the_job_cuts(store_path):
    rows = [json.loads(line) for line in _run("stories", "--db", str(store_path), "--format", "jsonl").splitlines()]
    assert rows[0]["articles"] == 2
    story = json.loads(_run("stories", "--db", str(store_path), "--id", str(rows[0]["id"])))
    assert [a["doc_id"] for a in story["articles"]] == ["eerste", "tweede"]
    assert {"timeline", "contradictions", "entities"} <= set(story)


def test_claims_of_one_person_leave_out_another_who_shares_his_first_name(store_path):
    rows = json.loads(_run("claims", "--db", str(store_path), "--entity", "Jan Smit"))
    assert [(r["article"], r["source"]) for r in rows] == [("eerste", "Jan Smit")]


@pytest.mark.parametrize("args, message", [(("entities", "--id", "999"), "no corpus entity 999"),
                                           (("stories", "--id", "999"), "no story 999")])
def test_an_unknown_id_is_a_clear_error(store_path, args, message):
    result = CliRunner().invoke(cli, [args[0], "--db", str(store_path), *args[1:]])
    assert result.exit_code == 1 and message in result.output


def test_the_corpus_tables_export_as_csv(store_path):
    _run("entities", "--db", str(store_path))
    members = _run("export", "--db", str(store_path), "--format", "csv", "--layer", "corpus_members")
    assert members.splitlines()[0] == "article_id,entity,corpus_entity,name,evidence"
    assert "VTG" in members and "acronym VTG / same name" in members
