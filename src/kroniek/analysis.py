"""Analysis of one document: text in, an Article with every layer out. Pure: no store, no network."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from .lang import DEFAULT_LANGUAGE
from .records import LAYERS, Article, Producer, Span
from .source import RawDocument, content_hash


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of `doc` as Spans, trimmed of surrounding whitespace."""
    spans, text = [], doc.text
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            spans.append(Span(start=start, end=end, text=text[start:end]))
    return spans


def producer(nlp: Language) -> Producer:
    """What `nlp` records as the producer of its Articles: Kroniek's version and the trained model's
    name and version from its meta, or 'blank' when no component of `nlp` was trained."""
    from . import __version__

    if not any(isinstance(component, TrainablePipe) for _, component in nlp.pipeline):
        return Producer(kroniek=__version__, model="blank")
    meta = nlp.meta
    return Producer(kroniek=__version__, model=f"{meta['lang']}_{meta['name']}", model_version=meta.get("version"))


def doc_to_article(doc: Doc, raw: RawDocument, produced_by: Producer | None = None) -> Article:
    """The Article record of an analysed Doc: its metadata from `raw`, its layers from the stages."""
    layers = {name: getattr(doc._, name) or [] for name in LAYERS}
    return Article(
        id=raw.id or content_hash(raw.text)[:16],
        source=raw.source,
        title=raw.title,
        published=raw.published,
        language=raw.language or DEFAULT_LANGUAGE,
        text=doc.text,
        paragraphs=doc._.paragraphs or [],
        sentences=sentence_spans(doc),
        produced_by=produced_by,
        **layers,
    )


def _prepared_doc(nlp: Language, raw: RawDocument) -> Doc:
    doc = nlp.make_doc(raw.text)
    doc._.published = raw.published
    return doc


def analyze_documents(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[RawDocument, Article]]:
    """Analyse documents in a stream, yielding each with its Article, in input order.

    With `n_process` > 1, worker processes each run the whole analysis and send back plain
    Articles, so no spaCy object ever crosses a process boundary.
    """
    if n_process > 1:
        yield from _analyze_in_workers(raws, nlp, batch_size, n_process)
        return
    pairs = ((_prepared_doc(nlp, raw), raw) for raw in raws)
    produced_by = producer(nlp)
    for doc, raw in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield raw, doc_to_article(doc, raw, produced_by)


_worker_nlp: Language | None = None


def _analyze_in_worker(raw: RawDocument) -> tuple[RawDocument, Article]:
    nlp = _worker_nlp
    assert nlp is not None, "_analyze_in_workers sets the pipeline before forking"
    return raw, doc_to_article(nlp(_prepared_doc(nlp, raw)), raw, producer(nlp))


def _analyze_in_workers(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int, n_process: int
) -> Iterator[tuple[RawDocument, Article]]:
    """The same stream analysed by forked workers that share the already loaded pipeline."""
    global _worker_nlp
    _worker_nlp = nlp
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        yield from pool.imap(_analyze_in_worker, raws, chunksize=max(1, batch_size // n_process))


def analyze(
    text: str,
    *,
    published: dt.date | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    nlp: Language | None = None,
) -> Article:
    """Analyse one Dutch article's text and return its Article with every layer."""
    from .pipeline import load_pipeline

    raw = RawDocument(text=text, published=published, id=id, title=title, source=source)
    nlp = nlp or load_pipeline(raw.language or DEFAULT_LANGUAGE)
    return doc_to_article(nlp(_prepared_doc(nlp, raw)), raw, producer(nlp))
