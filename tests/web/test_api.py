"""The JSON API over a store of hand-made articles, on both backends: pages, filters, profiles, and one error shape."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from kroniek.web import create_app


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request) -> TestClient:
    """The API over the hand-made store, in SQLite and in PostgreSQL (skipped where no server starts)."""
    store = request.getfixturevalue("store_path" if request.param == "sqlite" else "postgres_store_url")
    return TestClient(create_app(store))


def _error(response, status: int) -> str:
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body["error"]


def test_articles_come_in_pages(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {a["doc_id"] for a in first["items"] + second["items"]} == {
        "levering-litouwen", "lezer-script", "overdracht-vilnius"}


def test_an_article_comes_with_its_layers(client):
    article = client.get("/api/articles/levering-litouwen").json()
    assert [c["factuality"] for c in article["claims"]] == ["CT+", "CT+", "CT-", "PR+"]
    assert article["quotes"][0]["speaker"] == "Anna de Vries"


@pytest.mark.parametrize("params, expected", [
    ({"factuality": "CT-"}, ["zij over raketten onderhandelt", "Nederland geen raketten levert"]),
    ({"source": "Duitse diplomaten"}, ["wil Litouwen ook luchtafweerraketten kopen van Nederland"]),
    ({"contradicted": "true", "article": "levering-litouwen"},
     ["wil Litouwen ook luchtafweerraketten kopen van Nederland", "zij over raketten onderhandelt"]),
    ({"text": "RAKETTEN", "contradicted": "false"}, []),
    ({"tense": "future"}, ["De levering begint naar verwachting in maart 2024"]),
])
def test_claims_ledger_filters(client, params, expected):
    page = client.get("/api/claims", params=params).json()
    assert [row["record"]["content"]["text"] for row in page["items"]] == expected
    assert page["total"] == len(expected)


def test_a_claim_named_by_another_articles_contradiction_is_contradicted(client):
    rows = client.get("/api/claims", params={"article": "overdracht-vilnius"}).json()["items"]
    assert rows[0]["contradicted"] is True


def test_quotes_places_events_and_timexes_filter_by_their_columns(client):
    assert client.get("/api/quotes", params={"kind": "direct"}).json()["total"] == 2
    assert client.get("/api/places", params={"country": "LT"}).json()["total"] == 3 + 1
    assert client.get("/api/events", params={"type": "TRADE"}).json()["total"] == 2
    assert client.get("/api/timexes", params={"type": "DATE"}).json()["total"] == 3
    assert client.get("/api/contradictions").json()["total"] == 2


def test_entities_are_counted_across_articles(client):
    page = client.get("/api/entities", params={"q": "vries"}).json()
    assert page["items"] == [{"name": "Anna de Vries", "label": "PER", "articles": 2, "mentions": 3}]


def test_entity_profile_separates_said_by_from_about_and_orders_the_timeline(client):
    profile = client.get("/api/entities/Anna de Vries").json()
    assert {s["text"] for s in profile["said_by"]} == {
        "Dit is een belangrijke stap voor de veiligheid van de regio",
        "Nederland twaalf pantservoertuigen levert aan Litouwen", "Nederland geen raketten levert"}
    dates = [s["date"] for s in profile["timeline"]]
    assert dates == sorted(dates) and dates[-1] == "2023-10-11"
    litouwen = client.get("/api/entities/Litouwen").json()
    assert "wil Litouwen ook luchtafweerraketten kopen van Nederland" in {s["text"] for s in litouwen["about"]}


def test_timeline_of_an_article_and_its_refusal_without_one(client):
    items = client.get("/api/timeline", params={"article": "levering-litouwen"}).json()
    assert items[-1]["date"] == "2024-03"
    assert "entity or an article" in _error(client.get("/api/timeline"), 400)


def test_search_takes_words_as_typed(client):
    hits = client.get("/api/search", params={"q": "luchtafweerraketten"}).json()
    assert [h["doc_id"] for h in hits] == ["levering-litouwen"]
    assert "[luchtafweerraketten]" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": 'Jong-un "OR NEAR( *'}).json() == []


@pytest.mark.parametrize("url, status", [
    ("/api/articles/geen-artikel", 404),
    ("/api/entities/Niemand", 404),
    ("/api/nergens", 404),
    ("/api/claims?factuality=zeker", 422),
    ("/api/claims?limit=201", 422),
    ("/api/claims?offset=-1", 422),
    ("/api/search", 422),
    ("/api/search?q=" + "x" * 201, 422),
])
def test_every_error_has_one_shape(client, url, status):
    _error(client.get(url), status)


def test_html_errors_are_pages(client):
    response = client.get("/articles/geen-artikel", headers={"accept": "text/html"})
    assert response.status_code == 404 and "no article" in response.text and "<html" in response.text


def test_large_bodies_are_refused(client):
    assert "request body" in _error(client.post("/api/articles", content=b"x" * (3 * 1024 * 1024)), 413)


def test_the_server_is_read_only_without_a_write_token(client):
    assert "read-only" in _error(client.post("/api/articles", json={"text": "Hallo."}), 403)


def test_writing_needs_the_right_token(store_path, tmp_path):
    writable = tmp_path / "kroniek.db"
    writable.write_bytes(store_path.read_bytes())
    client = TestClient(create_app(writable, write_token="geheim"))
    _error(client.post("/api/articles", json={"text": "Hallo."}), 401)
    _error(client.post("/api/articles", json={"text": "Hallo."}, headers={"Authorization": "Bearer fout"}), 401)
    response = client.post("/api/articles", json={"text": "De minister zei dinsdag dat het kabinet blijft."},
                           headers={"Authorization": "Bearer geheim"})
    assert response.status_code == 201 and response.json()["stored"] is True
    assert client.get("/api/articles").json()["total"] == 4


def test_the_store_is_opened_read_only(store_path):
    from kroniek.records import Article
    from kroniek.store import open_store

    with open_store(store_path, read_only=True) as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.add_batch([Article(id="nieuw", text="Een nieuw bericht.")])


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_openapi_schema_lists_the_api_only(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/claims", "/api/entities/{name}", "/api/search", "/api/timeline"} <= set(paths)
    assert not [path for path in paths if not path.startswith("/api/")]


def test_only_the_servers_own_host_names_are_answered(store_path):
    client = TestClient(create_app(store_path, hosts=["127.0.0.1", "localhost", "::1"]))
    assert "host names" in _error(client.get("/api/articles", headers={"host": "aanvaller.example"}), 400)
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
        assert client.get("/api/articles", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("text, reason", [
    ("The minister said on Tuesday that the cabinet will stay in office until the elections.", "unsupported language"),
    (" \n\t ", "empty"),
])
def test_writing_refuses_what_ingest_would_skip_with_the_same_reason(store_path, tmp_path, text, reason):
    writable = tmp_path / "kroniek.db"
    writable.write_bytes(store_path.read_bytes())
    client = TestClient(create_app(writable, write_token="geheim"))
    response = client.post("/api/articles", json={"text": text}, headers={"Authorization": "Bearer geheim"})
    assert _error(response, 422).startswith(reason)
    assert client.get("/api/articles").json()["total"] == 3
