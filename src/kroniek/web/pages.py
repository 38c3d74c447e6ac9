"""The browser UI, rendered on the server: articles, the reader, the claims ledger, contradictions,
corpus entities and the pages of names, stories, the map and search. Jinja2 escapes every value, so
article text from the wild shows as text.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..records import LAYERS
from .api import Id, Limit, Offset, Reading, article_or_404, corpus_entity_or_404, entity_or_404, story_or_404
from .charts import timeline_chart
from .corpus_views import contradictions_across_articles, corpus_entities_named
from .graphs import speech_graph
from .highlight import article_marks, segments
from .views import (
    claims_said_with,
    contradictions_by_claim,
    fts_query,
    moments,
    opposing_claims,
)
from .worldmap import countries, labelled, points, view_box

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Typed = Annotated[str, Query(max_length=200, description="as a form sends it: empty means any")]

T = TypeVar("T")

FACTUALITY = {
    "CT+": "certain", "CT-": "certainly not (denied)", "PR+": "probable", "PR-": "probably not",
    "PS+": "possible", "PS-": "possibly not", "Uu": "uncommitted",
}
"""What each factuality value means, as the pages say it."""

MAP_ROWS = 5000
"""The most place rows the map reads."""

ACROSS_ARTICLES = 50
"""The most contradictions between articles, best-scored first, the contradictions page shows."""

SEARCH_ARTICLES = 20
"""The most articles, best matches first, whose claims the search page lists."""


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("factuality_names", FACTUALITY)
    page: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context)
    return page


def _pager(request: Request, total: int, offset: int, limit: int) -> dict[str, Any]:
    def link(start: int) -> str:
        return "?" + urlencode({**request.query_params, "offset": start, "limit": limit})

    return {"total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
            "previous": link(max(offset - limit, 0)) if offset else None,
            "next": link(offset + limit) if offset + limit < total else None}


@router.get("/")
def home(request: Request, store: Reading, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
    page = store.article_page(offset, limit)
    counts = {table: store.count(table) for table in ("articles", *LAYERS)}
    return _render(request, "index.html", articles=page.items, counts=counts,
                   pager=_pager(request, page.total, offset, limit))


@router.get("/articles/{doc_id:path}")
def reader(request: Request, doc_id: Annotated[str, Path(max_length=200)], store: Reading) -> HTMLResponse:
    article = article_or_404(store, doc_id)
    claim_index = {claim.id: i for i, claim in enumerate(article.claims)}
    return _render(request, "article.html", article=article,
                   segments=list(segments(article.text, article_marks(article))),
                   opposed=contradictions_by_claim(store, article), claim_index=claim_index)


def _choice(name: str, value: str, choices: dict[str, T]) -> T:
    if value not in choices:
        raise HTTPException(400, f"{name} must be one of {', '.join(repr(c) for c in choices)}")
    return choices[value]


@router.get("/claims")
def ledger(request: Request, store: Reading, offset: Offset = 0, limit: Limit = 50, source: Typed = "",
           factuality: Typed = "", contradicted: Typed = "", text: Typed = "") -> HTMLResponse:
    _choice("factuality", factuality, {"": None, **FACTUALITY})
    equals = {key: value for key, value in (("source", source.strip()), ("factuality", factuality)) if value}
    page = store.layer_page("claims", equals=equals, contains=text.strip() or None, offset=offset, limit=limit,
                            contradicted=_choice("contradicted", contradicted, {"": None, "true": True, "false": False}))
    filters = {"source": source, "factuality": factuality, "text": text, "contradicted": contradicted}
    return _render(request, "claims.html", rows=page.items, filters=filters,
                   pager=_pager(request, page.total, offset, limit))


@router.get("/contradictions")
def contradictions(request: Request, store: Reading, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
    page = store.layer_page("contradictions", offset=offset, limit=limit)
    articles = {doc_id: store.article(doc_id) for doc_id in {row["article"] for row in page.items}}
    pairs = [opposing_claims(store, article, row["record"]) for row in page.items
             if (article := articles[row["article"]]) is not None]
    across = contradictions_across_articles(store, ACROSS_ARTICLES) if offset == 0 else []
    return _render(request, "contradictions.html", pairs=pairs, across=across,
                   pager=_pager(request, page.total, offset, limit))


@router.get("/entities")
def entities(request: Request, store: Reading, offset: Offset = 0, limit: Limit = 50, q: Typed = "") -> HTMLResponse:
    page = store.corpus_entity_page(q.strip() or None, None, offset, limit)
    return _render(request, "entities.html", rows=page.items, q=q,
                   pager=_pager(request, page.total, offset, limit))


@router.get("/entities/{name:path}")
def entity(request: Request, name: Annotated[str, Path(max_length=200)], store: Reading) -> HTMLResponse:
    profile = entity_or_404(store, name)
    return _render(request, "entity.html", profile=profile, moments=moments(profile.timeline),
                   corpus_entities=corpus_entities_named(store, name))


@router.get("/corpus/entities/{corpus_id}")
def corpus_entity(request: Request, corpus_id: Id, store: Reading) -> HTMLResponse:
    profile = corpus_entity_or_404(store, corpus_id)
    return _render(request, "corpus_entity.html", profile=profile, moments=moments(profile.timeline),
                   chart=timeline_chart(profile.timeline))


@router.get("/stories")
def stories(request: Request, store: Reading, offset: Offset = 0, limit: Limit = 50) -> HTMLResponse:
    page = store.story_page(offset, limit)
    return _render(request, "stories.html", rows=page.items, pager=_pager(request, page.total, offset, limit))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: Id, store: Reading) -> HTMLResponse:
    found = story_or_404(store, story_id)
    return _render(request, "story.html", story=found, moments=moments(found.timeline),
                   chart=timeline_chart(found.timeline), graph=speech_graph(found.speech))


@router.get("/map")
def world_map(request: Request, store: Reading, world: bool = False) -> HTMLResponse:
    shown = points(store.layer_page("places", limit=MAP_ROWS).items)
    box = view_box(shown, whole_world=world)
    radius = round(box[2] / 160, 3)
    return _render(request, "map.html", countries=countries(), points=shown, box=box, radius=radius,
                   labels=labelled(shown, gap=radius * 3), world=world)


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet cut into (text, matched) parts at the store's [brackets]."""
    parts, last = [], 0
    for match in _MARKED.finditer(snippet):
        parts += [(snippet[last:match.start()], False), (match.group(1), True)]
        last = match.end()
    return [*parts, (snippet[last:], False)]


@router.get("/search")
def search(request: Request, store: Reading, q: Typed = "") -> HTMLResponse:
    query = fts_query(q)
    hits = store.search(query, 50) if query else []
    words = " ".join(q.split())
    people = store.entity_page(words, None, 0, 20).items if words else []
    found = (store.article(hit["doc_id"]) for hit in hits[:SEARCH_ARTICLES])
    claims = [row for article in found if article is not None for row in claims_said_with(store, article, words)]
    results = [{**hit, "parts": _snippet_parts(hit["snippet"])} for hit in hits]
    return _render(request, "search.html", q=q, hits=results, entities=people, claims=claims)
