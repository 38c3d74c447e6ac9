"""The store: articles and their layers in a database behind one interface.

`open_store(target)` returns a Store: PostgreSQL for a postgresql:// URL, SQLite for a file path.
"""

from .base import Page, Store, Stored, is_database_url, open_store

__all__ = ["Page", "Store", "Stored", "is_database_url", "open_store"]
