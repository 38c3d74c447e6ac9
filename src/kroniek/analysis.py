"""Analysis of one document: text in, an Article with every layer out. Pure: no store, no network.

A text longer than a section (sections.py) is analysed section by section and merged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import signal
from functools import partial
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .records import LAYERS, Article, Span
from .sections import SECTION_CHARS, merge_sections, sections
from .source import RawDocument

Tag = tuple[RawDocument, int, int]
"""What travels with a section's Doc: its document, its offset there, how many sections it has."""


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's words, blind to differences in whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of `doc` as Spans, trimmed of surrounding whitespace."""
    spans, text = [], doc.text
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            spans.append(Span(start=start, end=end, text=text[start:end]))
    return spans


def doc_to_article(doc: Doc, raw: RawDocument) -> Article:
    """The Article record of an analysed Doc: its metadata from `raw`, its layers from the stages."""
    layers = {name: getattr(doc._, name) or [] for name in LAYERS}
    return Article(
        id=raw.id or content_hash(raw.text)[:16],
        source=raw.source,
        title=raw.title,
        published=raw.published,
        language=raw.language or "nl",
        text=doc.text,
        paragraphs=doc._.paragraphs or [],
        sentences=sentence_spans(doc),
        **layers,
    )


def _prepared_doc(nlp: Language, raw: RawDocument, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = raw.published
    return doc


def _section_docs(raws: Iterable[RawDocument], nlp: Language, limit: int) -> Iterator[tuple[Doc, Tag]]:
    """A Doc for each section of each document, tagged with where it belongs."""
    for raw in raws:
        parts = list(sections(raw.text, limit))
        for offset, text in parts:
            yield _prepared_doc(nlp, raw, text), (raw, offset, len(parts))


def _merged(analysed: Iterable[tuple[Doc, Tag]]) -> Iterator[tuple[RawDocument, Article]]:
    """Each document with its Article, as soon as its last section is analysed."""
    done: list[tuple[int, Article]] = []
    for doc, (raw, offset, count) in analysed:
        done.append((offset, doc_to_article(doc, raw)))
        if len(done) == count:
            yield raw, merge_sections(done, raw.text)
            done = []


def _analyze_one(nlp: Language, raw: RawDocument, limit: int) -> Article:
    """The Article of one document, its sections analysed one after the other."""
    analysed = ((nlp(doc), tag) for doc, tag in _section_docs([raw], nlp, limit))
    return next(_merged(analysed))[1]


def analyze_documents(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int = 32, n_process: int = 1,
    section_chars: int = SECTION_CHARS,
) -> Iterator[tuple[RawDocument, Article]]:
    """Analyse documents in a stream, yielding each with its Article, in input order.

    Texts longer than `section_chars` are analysed in sections and merged. With `n_process` > 1,
    worker processes each run the whole analysis and send back plain Articles, so no spaCy object
    ever crosses a process boundary.
    """
    if n_process > 1:
        yield from _analyze_in_workers(raws, nlp, batch_size, n_process, section_chars)
        return
    docs = _section_docs(raws, nlp, section_chars)
    yield from _merged(nlp.pipe(docs, as_tuples=True, batch_size=batch_size))


_worker_nlp: Optional[Language] = None


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool and reports what was stored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyze_in_worker(section_chars: int, raw: RawDocument) -> tuple[RawDocument, Article]:
    return raw, _analyze_one(_worker_nlp, raw, section_chars)


def _analyze_in_workers(
    raws: Iterable[RawDocument], nlp: Language, batch_size: int, n_process: int, section_chars: int
) -> Iterator[tuple[RawDocument, Article]]:
    """The same stream analysed by forked workers that share the already loaded pipeline."""
    global _worker_nlp
    _worker_nlp = nlp
    work = partial(_analyze_in_worker, section_chars)
    with multiprocessing.get_context("fork").Pool(n_process, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(work, raws, chunksize=max(1, batch_size // n_process))


def analyze(
    text: str,
    *,
    published: Optional[dt.date] = None,
    id: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
    nlp: Optional[Language] = None,
) -> Article:
    """Analyse one Dutch article's text and return its Article with every layer."""
    from .pipeline import load_pipeline

    raw = RawDocument(text=text, published=published, id=id, title=title, source=source)
    nlp = nlp or load_pipeline(raw.language or "nl")
    return _analyze_one(nlp, raw, SECTION_CHARS)
