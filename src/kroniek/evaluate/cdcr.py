"""Scores cross-document coreference of entities and events, as gold-formats.md ("entities and
event_mentions across documents") specifies.

Every document of the gold file is analysed and the articles are linked as one corpus
(`corpus.linking`). Each gold mention gets the corpus id of the system mention it overlaps (for an
entity, the corpus entity of the article entity that mention belongs to; for an event, the event
whose trigger it overlaps, linked within its article); a gold mention no system mention
overlaps is a singleton. MUC, B³, CEAF-e and their mean, with the share of gold mentions covered.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from pathlib import Path

from ..analysis import analyze_documents
from ..corpus.linking import link_entities, link_events
from ..errors import GoldFormatError
from ..records import Article
from ..source import RawDocument
from .coreference import coreference_scores
from .gold import published_date

GoldMention = tuple[str, int, int]
"""A gold mention: its document id, start and end."""


def read_cdcr(path: Path) -> list[dict]:
    """The documents of a cross-document gold file, each mention checked against its text."""
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        document = json.loads(line)
        for layer in ("entities", "event_mentions"):
            for mention in document.get(layer, []):
                start = mention.get("start", -1)
                if document["text"][start : start + len(mention["text"])] != mention["text"]:
                    raise GoldFormatError(f"{path}:{number}: {layer} '{mention['text']}' is not in the text at {start}")
        documents.append(document)
    return documents


def _overlapping(start: int, end: int, spans: Iterable[tuple[int, int, Hashable]]) -> Hashable | None:
    """The cluster of the first system span that overlaps [start, end)."""
    return next((cluster for s, e, cluster in spans if s < end and start < e), None)


def _entity_spans(article: Article, corpus_id: dict[tuple[str, int], int]) -> list[tuple[int, int, Hashable]]:
    return [
        (m.start, m.end, ("entity", corpus_id[(article.id, m.entity)]))
        for m in article.mentions if m.entity is not None and (article.id, m.entity) in corpus_id
    ]


def _event_spans(article: Article, corpus_id: dict[tuple[str, int], int]) -> list[tuple[int, int, Hashable]]:
    return [(e.trigger.start, e.trigger.end, ("event", corpus_id[(article.id, i)])) for i, e in enumerate(article.events)]


def _partitions(documents: list[dict], layer: str, spans: dict[str, list]) -> tuple[dict, dict]:
    """Gold chains and system clusters over the gold mentions of `layer`."""
    key: dict[GoldMention, Hashable] = {}
    response: dict[GoldMention, Hashable] = {}
    for document in documents:
        for mention in document.get(layer, []):
            start = mention["start"]
            found: GoldMention = (document["id"], start, start + len(mention["text"]))
            key[found] = mention["chain"]
            response[found] = _overlapping(start, found[2], spans[document["id"]]) or ("singleton", found)
    return key, response


def _coverage(response: dict) -> float:
    covered = [cluster for cluster in response.values() if cluster[0] != "singleton"]
    return len(covered) / len(response) if response else 0.0


def score(documents: list[dict], articles: list[Article]) -> dict:
    """The metrics for entities and event mentions of `documents`, given their analysed articles."""
    linking, events = link_entities(articles), link_events(articles)
    by_id = {article.id: article for article in articles}
    results = {}
    for layer, spans_of in (("entities", lambda a: _entity_spans(a, linking.corpus_id)),
                            ("event_mentions", lambda a: _event_spans(a, events))):
        spans = {doc_id: spans_of(article) for doc_id, article in by_id.items()}
        key, response = _partitions(documents, layer, spans)
        results[layer] = {**coreference_scores(key, response), "mention_coverage": _coverage(response),
                          "n_mentions": len(key), "n_chains": len(set(key.values()))}
    return results


def evaluate(gold_path: Path, nlp) -> dict:
    """Analyse every document of a cross-document gold file, link them, and score the chains."""
    documents = read_cdcr(gold_path)
    raws = [
        RawDocument(text=d["text"], id=d["id"], published=published_date(d.get("published"), str(gold_path)))
        for d in documents
    ]
    articles = [article for _, article in analyze_documents(raws, nlp)]
    return score(documents, articles)
