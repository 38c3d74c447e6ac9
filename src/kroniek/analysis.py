"""Analysis of one document: text in, an Article with every layer out. Pure: no store, no network.

A text longer than a section (sections.py) is analysed section by section and merged.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from functools import partial

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from .lang import DEFAULT_LANGUAGE
from .records import LAYERS, Article, Producer, Span
from .sections import Sectioning, merge_sections
from .source import RawDocument, content_hash

DEFAULT_SECTIONING = Sectioning()

Tag = tuple[RawDocument, int, int]
"""What travels with a section's Doc: its document, its offset there, how many sections it has."""


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
        outlet=raw.outlet,
        language=raw.language or DEFAULT_LANGUAGE,
        text=doc.text,
        paragraphs=doc._.paragraphs or [],
        sentences=sentence_spans(doc),
        produced_by=produced_by,
        **layers,
    )


def _prepared_doc(nlp: Language, raw: RawDocument, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = raw.published
    return doc


def _section_docs(raws: Iterable[RawDocument], nlp: Language, sectioning: Sectioning) -> Iterator[tuple[Doc, Tag]]:
    """A Doc for each section of each document (one for most), tagged with where it belongs."""
    for raw in raws:
        parts = sectioning.parts(raw.text)
        for offset, text in parts:
            yield _prepared_doc(nlp, raw, text), (raw, offset, len(parts))


def _merged(analysed: Iterable[tuple[Doc, Tag]], produced_by: Producer) -> Iterator[tuple[RawDocument, Article]]:
    """Each document with its Article, as soon as its last section is analysed."""
    done: list[tuple[int, Article]] = []
    for doc, (raw, offset, count) in analysed:
        done.append((offset, doc_to_article(doc, raw, produced_by)))
        if len(done) == count:
            yield raw, merge_sections(done, raw.text)
            done = []


def _analyze_one(nlp: Language, raw: RawDocument, sectioning: Sectioning) -> Article:
    """The Article of one document, its sections analysed one after the other."""
    analysed = ((nlp(doc), tag) for doc, tag in _section_docs([raw], nlp, sectioning))
    return next(_merged(analysed, producer(nlp)))[1]


def analyze_documents(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int = 32, n_process: int = 1,
    sectioning: Sectioning = DEFAULT_SECTIONING,
) -> Iterator[tuple[RawDocument, Article]]:
    """Analyse documents in a stream, yielding each with its Article, in input order.

    Texts longer than `sectioning.whole` are analysed in sections and merged. With `n_process` > 1,
    worker processes each run the whole analysis and send back plain Articles, so no spaCy object
    ever crosses a process boundary.
    """
    if n_process > 1:
        yield from _analyze_in_workers(raws, nlp, batch_size, n_process, sectioning)
        return
    docs = _section_docs(raws, nlp, sectioning)
    yield from _merged(nlp.pipe(docs, as_tuples=True, batch_size=batch_size), producer(nlp))


_worker_nlp: Language | None = None


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool and reports what was stored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze_in_worker(sectioning: Sectioning, raw: RawDocument) -> tuple[RawDocument, Article]:
    nlp = _worker_nlp
    assert nlp is not None, "_analyze_in_workers sets the pipeline before forking"
    return raw, _analyze_one(nlp, raw, sectioning)


def _analyze_in_workers(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int, n_process: int, sectioning: Sectioning
) -> Iterator[tuple[RawDocument, Article]]:
    """The same stream analysed by forked workers that share the already loaded pipeline."""
    global _worker_nlp
    _worker_nlp = nlp
    work = partial(_analyze_in_worker, sectioning)
    with multiprocessing.get_context("fork").Pool(n_process, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(work, raws, chunksize=max(1, batch_size // n_process))


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
    return _analyze_one(nlp, raw, DEFAULT_SECTIONING)
