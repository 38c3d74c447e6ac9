"""Kroniek turns news reports into a sourced, structured record.

    >>> import kroniek
    >>> article = kroniek.analyze("Minister Jansen zei dinsdag dat het kabinet blijft.")
    >>> [q.speaker for q in article.quotes]

The public surface: `analyze()` for one text, the record types, and `open_store()`.
"""

from .analysis import analyze
from .records import Article, Claim, Contradiction, Entity, Event, Mention, Place, Quantity, Quote, Timex
from .store import open_store

__all__ = [
    "analyze", "open_store",
    "Article", "Claim", "Contradiction", "Entity", "Event", "Mention", "Place", "Quantity", "Quote", "Timex",
]
__version__ = "0.1.0"
