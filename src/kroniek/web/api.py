"""The JSON API under /api: articles, names, corpus entities, stories, every layer, timelines and
full-text search.

Listings are pages (`offset`, `limit` ≤ 200, `total`); every error has the one shape of
`models.ErrorBody`; the schema is at /openapi.json.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from ..records import Article, Factuality, QuoteKind, Tense, TimexType
from ..store import Store
from ..store.base import Page as StorePage
from ..store.base import Row
from .access import reading_store, writing_store
from .corpus_views import corpus_profile, story_view
from .errors import ERROR_RESPONSES
from .models import (
    Added,
    ArticleSummary,
    ClaimRow,
    ContradictionRow,
    CorpusEntityProfile,
    CorpusEntitySummary,
    EntityProfile,
    EntitySummary,
    EventRow,
    NewArticle,
    Page,
    PlaceRow,
    QuoteRow,
    SearchHit,
    Statement,
    Story,
    StorySummary,
    TimexRow,
)
from .views import article_statements, entity_profile, fts_query, on_timeline

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)

Reading = Annotated[Store, Depends(reading_store)]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Limit = Annotated[int, Query(ge=1, le=200, description="rows to return")]
Words = Annotated[str | None, Query(min_length=1, max_length=200)]
DocId = Annotated[str | None, Query(max_length=200, description="only this article (its doc_id)")]
Label = Annotated[str | None, Query(max_length=20, description="only this type: PER, ORG, LOC, MISC")]
Id = Annotated[int, Path(ge=0, le=2**31 - 1)]

T = TypeVar("T")


def _page(page: StorePage, offset: int, limit: int) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "offset": offset, "limit": limit}


def _layer(store: Store, layer: str, offset: int, limit: int, article: str | None = None,
           contains: str | None = None, contradicted: bool | None = None, **equals: Any) -> dict[str, Any]:
    given = {column: value for column, value in equals.items() if value is not None}
    page = store.layer_page(layer, article=article, equals=given, contains=contains, contradicted=contradicted,
                            offset=offset, limit=limit)
    return _page(page, offset, limit)


def _found(value: T | None, message: str) -> T:
    """`value`, or a 404 that says `message` when there is none."""
    if value is None:
        raise HTTPException(404, message)
    return value


def article_or_404(store: Store, doc_id: str) -> Article:
    return _found(store.article(doc_id), f"no article '{doc_id}'")


def entity_or_404(store: Store, name: str) -> EntityProfile:
    return _found(entity_profile(store, name), f"no article names '{name}'")


def corpus_entity_or_404(store: Store, corpus_id: int) -> CorpusEntityProfile:
    return _found(corpus_profile(store, corpus_id), f"no corpus entity {corpus_id}")


def story_or_404(store: Store, story_id: int) -> Story:
    return _found(story_view(store, story_id), f"no story {story_id}")


@router.get("/articles", response_model=Page[ArticleSummary], summary="Articles, in the order stored")
def list_articles(store: Reading, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    return _page(store.article_page(offset, limit), offset, limit)


@router.get("/articles/{doc_id:path}", response_model=Article, summary="One article with every layer")
def get_article(doc_id: Annotated[str, Path(max_length=200)], store: Reading) -> Article:
    return article_or_404(store, doc_id)


@router.post("/articles", response_model=Added, status_code=201,
             summary="Analyse a text and store it (needs the write token)")
def add_article(new: NewArticle, store: Store = Depends(writing_store)) -> Added:
    """Refuses (422) a text `kroniek ingest` would skip, empty or in a language without a model,
    with the same reason; analyses and stores any other."""
    from ..analysis import analyze
    from ..corpus.update import store_and_link
    from ..ingest.walk import vet
    from ..pipeline import SUPPORTED_LANGUAGES
    from ..source import RawDocument, Skipped

    vetted = vet(RawDocument(text=new.text, source=new.source or "<api>"), SUPPORTED_LANGUAGES)
    if isinstance(vetted, Skipped):
        raise HTTPException(422, f"{vetted.reason}: {vetted.detail}")
    article = analyze(new.text, published=new.published, title=new.title, source=new.source)
    return Added(doc_id=article.id, stored=store_and_link(store, [article]) == 1)


@router.get("/entities", response_model=Page[EntitySummary], summary="Names across articles, most widespread first")
def list_entities(store: Reading, offset: Offset = 0, limit: Limit = 50, q: Words = None,
                  label: Label = None) -> dict[str, Any]:
    return _page(store.entity_page(q, label, offset, limit), offset, limit)


@router.get("/entities/{name:path}", response_model=EntityProfile,
            summary="Everything said by and about a name, and one timeline of both")
def get_entity(name: Annotated[str, Path(max_length=200)], store: Reading) -> EntityProfile:
    return entity_or_404(store, name)


@router.get("/corpus/entities", response_model=Page[CorpusEntitySummary],
            summary="Entities linked across articles, most widespread first; q matches any name they go by")
def list_corpus_entities(store: Reading, offset: Offset = 0, limit: Limit = 50, q: Words = None,
                         label: Label = None) -> dict[str, Any]:
    return _page(store.corpus_entity_page(q, label, offset, limit), offset, limit)


@router.get("/corpus/entities/{corpus_id}", response_model=CorpusEntityProfile,
            summary="One corpus entity: its names with the evidence of each link, what it said and did, "
                    "what was said about it, and one timeline")
def get_corpus_entity(corpus_id: Id, store: Reading) -> CorpusEntityProfile:
    return corpus_entity_or_404(store, corpus_id)


@router.get("/stories", response_model=Page[StorySummary], summary="Stories, the largest first")
def list_stories(store: Reading, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    return _page(store.story_page(offset, limit), offset, limit)


@router.get("/stories/{story_id}", response_model=Story,
            summary="One story: its articles and why each joined, its entities, one timeline, its sources, "
                    "who speaks about whom, and the contradictions between its articles")
def get_story(story_id: Id, store: Reading) -> Story:
    return story_or_404(store, story_id)


@router.get("/quotes", response_model=Page[QuoteRow], summary="Quotes, optionally by speaker or kind")
def list_quotes(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None,
                speaker: Words = None, kind: QuoteKind | None = None, text: Words = None) -> dict[str, Any]:
    return _layer(store, "quotes", offset, limit, article, text, speaker=speaker, kind=kind)


@router.get("/claims", response_model=Page[ClaimRow],
            summary="The claims ledger: by source, factuality, tense, and whether contradicted")
def list_claims(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None,
                source: Words = None, factuality: Factuality | None = None, tense: Tense | None = None,
                contradicted: bool | None = None, text: Words = None) -> dict[str, Any]:
    return _layer(store, "claims", offset, limit, article, text, contradicted, source=source,
                  factuality=factuality, tense=tense)


@router.get("/contradictions", response_model=Page[ContradictionRow], summary="Claims whose sources disagree")
def list_contradictions(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None) -> dict[str, Any]:
    return _layer(store, "contradictions", offset, limit, article)


@router.get("/events", response_model=Page[EventRow], summary="Who did what to whom, where and when")
def list_events(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None,
                type: Annotated[str | None, Query(max_length=40)] = None,
                factuality: Factuality | None = None) -> dict[str, Any]:
    return _layer(store, "events", offset, limit, article, type=type, factuality=factuality)


@router.get("/places", response_model=Page[PlaceRow], summary="Places, resolved to points where possible")
def list_places(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None,
                country: Annotated[str | None, Query(max_length=10)] = None) -> dict[str, Any]:
    return _layer(store, "places", offset, limit, article, country=country)


@router.get("/timexes", response_model=Page[TimexRow], summary="Times and dates, normalised")
def list_timexes(store: Reading, offset: Offset = 0, limit: Limit = 50, article: DocId = None,
                 type: TimexType | None = None) -> dict[str, Any]:
    return _layer(store, "timexes", offset, limit, article, type=type)


@router.get("/timeline", response_model=list[Statement],
            summary="Quotes, claims and events in time order, of one entity or one article")
def timeline(store: Reading, entity: Words = None, article: DocId = None) -> list[Statement]:
    if entity:
        profile = entity_profile(store, entity)
        return profile.timeline if profile else []
    if article:
        return on_timeline(statement for statement, _ in article_statements(article_or_404(store, article)))
    raise HTTPException(400, "give an entity or an article")


@router.get("/search", response_model=list[SearchHit], summary="Full-text search over the articles, best first")
def search(store: Reading, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[Row]:
    query = fts_query(q)
    return store.search(query, limit) if query else []
