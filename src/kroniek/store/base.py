"""The interface every store backend implements, and `open_store` to pick one."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..errors import StoreError
from ..records import Article, Record
from ..source import NearDuplicate, Skipped
from .corpus import CorpusTables

R = TypeVar("R", bound=Record)
T = TypeVar("T")
Row = dict[str, Any]
"""One row of a table or a listing, column name to value."""


@dataclass
class Page:
    """One page of a longer listing: its rows, and how many rows the whole listing holds."""

    items: list[Row]
    total: int


@dataclass(frozen=True)
class Stored(Generic[R]):
    """One stored record of a layer, with the doc_id and publication date of its article."""

    article: str
    published: str | None
    record: R


class Store(ABC):
    """Articles with all their layers, idempotent by content hash, one transaction per batch."""

    @abstractmethod
    def has_content(self, content_hash: str) -> bool:
        """True when an article with these words is stored already, or a near-duplicate of one is recorded."""

    @abstractmethod
    def add_batch(self, articles: Iterable[Article], skipped: Iterable[Skipped] = (),
                  duplicates: Iterable[NearDuplicate] = ()) -> int:
        """Store articles (ignoring ones already present), skips and near-duplicates (each linked to its
        first version, stored before or in this batch) in one transaction; return how many articles were new."""

    @abstractmethod
    def signatures(self, scheme: str) -> Iterator[tuple[str, str]]:
        """The content hash and near-duplicate signature of every article signed under `scheme`."""

    @abstractmethod
    def unsigned_texts(self, scheme: str) -> Iterator[tuple[str, str]]:
        """The content hash and text of every article without a signature under `scheme`."""

    @abstractmethod
    def add_signatures(self, scheme: str, signatures: Mapping[str, str]) -> None:
        """Keep the signatures (content hash to signature) of stored articles, replacing any made otherwise."""

    @abstractmethod
    def article(self, doc_id: str) -> Article | None:
        """The stored Article with this id, every layer included, or None."""

    @abstractmethod
    def articles(self) -> Iterator[Article]:
        """Every stored Article, in the order they were stored."""

    @abstractmethod
    def records(self, kind: type[R]) -> Iterator[Stored[R]]:
        """Every stored record of one layer's type (Claim, Event, …) with its article, in storage order."""

    @abstractmethod
    def count(self, table: str = "articles") -> int:
        """How many rows a table holds."""

    @abstractmethod
    def rows(self, table: str) -> Iterator[Row]:
        """Every row of an article, layer or corpus table (corpus_entities, corpus_members, stories,
        story_articles, cross_contradictions), as plain dicts."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[Row]:
        """Articles whose title or text matches a full-text query, best first, as {doc_id, name, snippet}
        with the matched words of the snippet in [brackets].

        Words and "quoted phrases" (all of them must match) mean the same to every backend, which is
        what the web UI sends; past that each reads its own syntax, and a query it cannot read is a
        StoreError, never a database error.
        """

    @abstractmethod
    def article_page(self, offset: int = 0, limit: int = 50) -> Page:
        """Article summaries (doc_id, name, title, source, published, language, n_words), newest stored last."""

    @abstractmethod
    def layer_page(
        self,
        layer: str,
        *,
        article: str | None = None,
        equals: Mapping[str, Any] | None = None,
        contains: str | None = None,
        contradicted: bool | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page:
        """Rows of one layer as {article, ordinal, record}, in article order, optionally filtered.

        `article` is a doc_id; `equals` maps the layer's own columns (store/layers.py) to values;
        `contains` matches the row's text; `contradicted` (claims only) keeps the claims that a
        contradiction names, or those none names. Claim rows also say whether they are `contradicted`.
        """

    @abstractmethod
    def entity_page(self, query: str | None = None, label: str | None = None,
                    offset: int = 0, limit: int = 50) -> Page:
        """Entity names across articles as {name, label, articles, mentions}, most articles first."""

    @abstractmethod
    def articles_about(self, name: str, limit: int = 200) -> list[str]:
        """The doc_ids of articles naming `name` as an entity, a speaker or a source, oldest first."""

    @abstractmethod
    def unlinked_articles(self, limit: int) -> list[Article]:
        """Up to `limit` stored articles that are not linked into the corpus yet, oldest first, with
        the layers linking reads (entities, claims and quantities; the others empty)."""

    @abstractmethod
    def update_corpus(self, work: Callable[[CorpusTables], T]) -> T:
        """`work(tables)` in one write transaction on the corpus tables (`kroniek.corpus.update`)."""

    @abstractmethod
    def corpus_entity_page(self, query: str | None = None, label: str | None = None,
                           offset: int = 0, limit: int = 50) -> Page:
        """Corpus entities as {id, name, label, articles, mentions}, most articles first; `query`
        matches any name its article entities go by."""

    @abstractmethod
    def corpus_entity(self, corpus_id: int) -> Row | None:
        """One corpus entity as {id, name, label, members},
        each member {article, entity, name, evidence}; None when there is none."""

    @abstractmethod
    def corpus_ids(self, doc_id: str) -> dict[int, int]:
        """The corpus entity of each linked entity of an article (entity id to corpus id); {} for none."""

    @abstractmethod
    def story_page(self, offset: int = 0, limit: int = 50) -> Page:
        """Stories as {id, name, first_published, last_published, articles}, latest first."""

    @abstractmethod
    def story(self, story_id: int) -> Row | None:
        """One story as {id, name, first_published, last_published, articles, entities}: its articles'
        doc_ids oldest first with their evidence, and its corpus entities; None when there is none."""

    @abstractmethod
    def cross_contradictions(self, article: str | None = None, limit: int | None = None,
                             story: int | None = None) -> list[Row]:
        """The contradictions stored between articles (of `article` only, between articles of `story`
        only, the `limit` best: each when given), best first, each once, as {article_a, claim_a,
        article_b, claim_b, score, reason, evidence}."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


POSTGRES_SCHEMES = ("postgresql://", "postgres://")
"""How a store target that names a PostgreSQL database begins; any other target is a SQLite file."""


def is_database_url(target: str | Path) -> bool:
    """True when `target` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at `target`: a postgresql:// (or
    postgres://) URL, or else the path of a SQLite file.

    A `read_only` store must exist already; it is neither created nor migrated, and refuses writes.
    """
    if is_database_url(target):
        return _postgres_store(str(target), read_only)
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(target), read_only=read_only)


def _postgres_store(url: str, read_only: bool) -> Store:
    """The PostgreSQL store at `url`, or a StoreError that says how to install what it needs."""
    try:
        from .postgres import PostgresStore
    except ImportError as error:
        raise StoreError(f"a PostgreSQL store needs psycopg: pip install 'kroniek[postgres]' ({error})") from error
    return PostgresStore(url, read_only=read_only)
