"""Bytes to text: UTF-8 first, then detection; binary data and undecodable bytes are refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..source import Skipped

CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or more than 5% control bytes in its first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return bool(head) and sum(byte in CONTROL_BYTES for byte in head) / len(head) > 0.05


def _mostly_western(data: bytes) -> bool:
    """True for bytes that are valid Windows-1252 with few non-ASCII bytes: Western European text.

    Detection alone misreads such text (a Dutch page with two accented letters may look like Big5).
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return sum(byte > 127 for byte in data) < 0.1 * len(data)


def decode(data: bytes, source: str) -> str | Skipped:
    """The text of `data`, or a Skipped naming why it cannot be read as text."""
    if looks_binary(data):
        return Skipped(source=source, reason="binary file", detail="not text: it holds NUL or control bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _mostly_western(data):
        return data.decode("cp1252")
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return Skipped(source=source, reason="undecodable", detail="neither UTF-8 nor any detectable encoding")
    return data.decode(best.encoding, errors="replace")
