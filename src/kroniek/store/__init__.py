"""The store: articles and their layers in a database behind one interface.

`open_store(target)` returns a Store; SQLite is the default backend, chosen for a file path.
"""

from .base import Page, Store, Stored, open_store

__all__ = ["Page", "Store", "Stored", "open_store"]
