"""The interface every store backend implements, and `open_store` to pick one."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..records import Article
from ..source import Skipped


class Store(ABC):
    """Articles with all their layers, idempotent by content hash, one transaction per batch."""

    @abstractmethod
    def has_content(self, content_hash: str) -> bool:
        """True when an article with these words is stored already."""

    @abstractmethod
    def add_batch(self, articles: Iterable[Article], skipped: Iterable[Skipped] = ()) -> int:
        """Store articles (ignoring ones already present) and skips in one transaction; return how many were new."""

    @abstractmethod
    def article(self, doc_id: str) -> Optional[Article]:
        """The stored Article with this id, every layer included, or None."""

    @abstractmethod
    def articles(self) -> Iterator[Article]:
        """Every stored Article, in the order they were stored."""

    @abstractmethod
    def count(self, table: str = "articles") -> int:
        """How many rows a table holds."""

    @abstractmethod
    def rows(self, table: str) -> Iterator[dict]:
        """Every row of an article or layer table, as plain dicts."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Articles whose text matches a full-text query, best first, with a snippet."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(target: Union[str, Path]) -> Store:
    """Open (creating and migrating when needed) the store at `target`: a SQLite file path."""
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(target))
