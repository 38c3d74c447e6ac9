"""Bytes to text: a byte-order mark first, then UTF-8, then detection; binary data and undecodable
bytes are refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..source import Skipped

CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Longest first: the UTF-32 LE mark begins with the UTF-16 LE one."""


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


def _marked_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark at the start of `data` names, and the mark's length."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _decode_marked(data: bytes, encoding: str, skip: int, source: str) -> str | Skipped:
    """The text after the mark, refused when it does not decode or decodes to control characters."""
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        return Skipped(source=source, reason="undecodable", detail=f"marked as {encoding}, but {error.reason}")
    if looks_binary(text[:8192].encode("utf-8")):
        return Skipped(source=source, reason="binary file", detail=f"marked as {encoding}, but holds control characters")
    return text


def decode(data: bytes, source: str) -> str | Skipped:
    """The text of `data`, or a Skipped naming why it cannot be read as text."""
    if (marked := _marked_encoding(data)) is not None:
        return _decode_marked(data, *marked, source)
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
