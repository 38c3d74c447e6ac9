"""The corpus in the API and the pages, over a store of hand-made articles with a story of three:
corpus entities with the evidence of each link, stories, their timelines, sources, who speaks about
whom, and the contradictions between articles."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kroniek.web import create_app


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request) -> TestClient:
    """The API over the story store, in SQLite and in PostgreSQL (skipped where no server starts)."""
    if request.param == "sqlite":
        return TestClient(create_app(request.getfixturevalue("story_store_path")))
    from kroniek.corpus.update import store_and_link
    from kroniek.store import open_store

    from .conftest import handmade_articles, story_articles

    url = request.getfixturevalue("postgres_server").new_database()
    with open_store(url) as store:
        store_and_link(store, [*handmade_articles(), *story_articles()])
    return TestClient(create_app(url))


@pytest.fixture(scope="module")
def client(story_store_path) -> TestClient:
    return TestClient(create_app(story_store_path))


def _corpus_id(client: TestClient, name: str) -> int:
    [found] = [e for e in client.get("/api/corpus/entities", params={"q": name}).json()["items"] if e["name"] == name]
    return int(found["id"])


def _strike(client: TestClient) -> dict:
    stories = client.get("/api/stories").json()["items"]
    return next(s for s in stories if s["name"] == "Havenwerkers leggen het werk neer")


def test_corpus_entities_are_found_by_any_name_they_go_by(api):
    page = api.get("/api/corpus/entities", params={"q": "bakker"}).json()
    assert [(e["name"], e["label"], e["articles"], e["mentions"]) for e in page["items"]] == [
        ("Kees Bakker", "PER", 2, 3)]
    assert api.get("/api/corpus/entities", params={"label": "ORG", "limit": 1}).json()["total"] == 2


def test_a_corpus_entity_has_its_members_evidence_statements_and_timeline(api):
    profile = api.get(f"/api/corpus/entities/{_corpus_id(api, 'Kees Bakker')}").json()
    assert profile["names"] == ["Kees Bakker", "Bakker"]
    assert [(m["article"], m["evidence"]) for m in profile["members"]] == [
        ("haven-ontkent", None), ("staking-voorbij", "surname bakker")]
    assert {(s["kind"], s["text"]) for s in profile["said_by"]} == {
        ("quote", "Marieke Jansen de zaak overdrijft"), ("claim", "Marieke Jansen de zaak overdrijft"),
        ("event", "spreekt")}
    assert [s["date"] for s in profile["timeline"]] == ["2024-05-14", "2024-05-14", "2024-05-16"]
    assert profile["timeline"][-1]["status"] == "expected"


def test_a_corpus_entity_is_about_what_names_it(api):
    company = api.get(f"/api/corpus/entities/{_corpus_id(api, 'Havenbedrijf Rotterdam')}").json()
    assert "Havenbedrijf Rotterdam vierhonderd banen schrapt" in {s["text"] for s in company["about"]}
    assert ("event", "schrapt", "alleged") in {(s["kind"], s["text"], s["status"]) for s in company["said_by"]}


def test_stories_list_their_articles_dates_and_sizes(api):
    strike = _strike(api)
    assert (strike["first_published"], strike["last_published"], strike["articles"]) == ("2024-05-13", "2024-05-17", 3)
    assert api.get("/api/stories").json()["total"] == 4


def test_a_story_has_articles_with_evidence_entities_timeline_sources_speech_and_contradictions(api):
    story = api.get(f"/api/stories/{_strike(api)['id']}").json()
    assert [(a["doc_id"], a["evidence"]) for a in story["articles"]] == [
        ("staking-haven", None), ("haven-ontkent", "shares Marieke Jansen, Havenbedrijf Rotterdam"),
        ("staking-voorbij", "shares Marieke Jansen, Bakker, Havenbedrijf Rotterdam")]
    assert {"Marieke Jansen", "Havenbedrijf Rotterdam", "Kees Bakker"} <= {e["name"] for e in story["entities"]}
    dates = [s["date"] for s in story["timeline"]]
    assert dates == sorted(dates) and (dates[0], dates[-1]) == ("2024-05-13", "2024-05-17")
    assert [(s["name"], s["quotes"], s["claims"]) for s in story["sources"]] == [
        ("Marieke Jansen", 2, 3), ("Kees Bakker", 1, 1), ("Havenbedrijf Rotterdam", 0, 1)]
    assert [(e["speaker"], e["about"], e["count"]) for e in story["speech"]] == [
        ("Marieke Jansen", "Havenbedrijf Rotterdam", 2), ("Kees Bakker", "Marieke Jansen", 1)]
    [contradiction] = story["contradictions"]
    assert (contradiction["a"]["article"], contradiction["b"]["article"]) == ("staking-haven", "haven-ontkent")
    assert contradiction["shared_arguments"] == ["Havenbedrijf Rotterdam", "banen"]
    assert contradiction["b"]["claim"]["factuality"] == "CT-"


@pytest.mark.parametrize("url", ["/api/corpus/entities/999", "/api/stories/999", "/api/stories/-1"])
def test_what_is_not_there_is_an_error_of_the_one_shape(api, url):
    response = api.get(url)
    assert response.status_code in (404, 422) and response.json()["ok"] is False


def test_the_schema_lists_the_corpus_endpoints(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/corpus/entities", "/api/corpus/entities/{corpus_id}", "/api/stories", "/api/stories/{story_id}"} <= set(paths)


def test_the_entities_page_lists_corpus_entities_linking_to_their_pages(client):
    page = client.get("/entities", params={"q": "bakker"}).text
    assert re.search(r'<a href="/corpus/entities/\d+">Kees Bakker</a>', page)


def test_a_name_page_points_to_its_corpus_entity(client):
    page = client.get("/entities/Bakker").text
    assert re.search(r'class="corpus-entity"><a href="/corpus/entities/\d+">Kees Bakker</a>', page)


def test_the_corpus_entity_page_shows_names_evidence_chart_and_timeline(client):
    page = client.get(f"/corpus/entities/{_corpus_id(client, 'Kees Bakker')}").text
    assert "surname bakker" in page and "the first article to name it" in page
    assert page.count('<a class="chart-mark"') == 3
    assert 'href="/articles/haven-ontkent#event-0"' in page and "expected" in page


def test_the_story_page_shows_articles_chart_graph_sources_and_contradictions(client):
    page = client.get(f"/stories/{_strike(client)['id']}").text
    assert "shares Marieke Jansen, Havenbedrijf Rotterdam" in page
    assert page.count('<a class="chart-mark"') == 13
    assert page.count('<path class="edge"') == 2 and page.count('<a class="node') == 3
    assert "Havenbedrijf Rotterdam vierhonderd banen schrapt" in page and 'class="shared">Havenbedrijf Rotterdam, banen' in page
    assert '<table class="rows sources">' in page


def test_a_story_of_one_article_shows_no_empty_graph_or_contradictions(client):
    stories = client.get("/api/stories").json()["items"]
    lone = next(s for s in stories if s["name"] == "Eerste pantservoertuigen overgedragen")
    page = client.get(f"/stories/{lone['id']}").text
    assert "Who speaks about whom" not in page and "Contradictions between" not in page


def test_the_stories_page_lists_every_story(client):
    page = client.get("/stories").text
    assert page.count('<a href="/stories/') == 4 and "2024-05-17" in page


def test_the_contradictions_page_gives_the_evidence_across_articles(client):
    page = client.get("/contradictions").text
    across = page[page.index('id="across"'):]
    assert 'class="predicates">schrappen' in across and 'class="score">1.00' in across
    assert 'href="/articles/staking-haven#claim-0"' in across and 'href="/articles/haven-ontkent#claim-0"' in across


@pytest.mark.parametrize("url", ["/corpus/entities/999", "/stories/999"])
def test_missing_pages_are_404_pages(client, url):
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 404 and "<html" in response.text
