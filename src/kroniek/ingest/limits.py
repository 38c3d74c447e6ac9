"""How much one input may hold, and the skip of an input that holds more."""

from __future__ import annotations

from ..source import Skipped

MAX_FILE_BYTES = 20_000_000
"""Larger .txt or .html files (on disk, in an archive, on stdin) are refused: no news article is that long."""


def too_large(source: str, size: int, limit: int = MAX_FILE_BYTES) -> Skipped:
    """The skip of an input of `size` bytes (limit + 1 when reading stopped past the limit)."""
    return Skipped(source=source, reason="too large", detail=f"{size:,} bytes; the limit is {limit:,}")
