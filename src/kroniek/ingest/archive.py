"""Archives (.zip, .tar, .tar.gz, .tgz): every supported file inside is read as if it lay on disk.

A member larger than the file limit is a Skipped 'too large', found from its header without
inflating it, or by reading one byte past the limit when the header lies (a zip bomb). A truncated
or corrupt archive yields the members that could be read, then one Skipped that says where reading
stopped; it never raises.
"""

from __future__ import annotations

import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from ..source import Item, Skipped
from .limits import MAX_FILE_BYTES, too_large

MemberReader = Callable[[bytes, str, str], Iterator[Item]]
Member = tuple[str, bytes | int]
"""A member's name and its bytes, or its size when that is over the limit."""
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
CORRUPTION = (zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, EOFError, OSError, zlib.error,
              struct.error, ValueError, NotImplementedError, RuntimeError, UnicodeDecodeError)
"""What zipfile, tarfile and their decompressors raise on damaged, encrypted or unsupported data."""


def is_archive(path: Path) -> bool:
    """True for a file named like an archive Kroniek reads."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def _zip_members(path: Path) -> Iterator[Member]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_FILE_BYTES:
                yield info.filename, info.file_size
                continue
            with archive.open(info) as member:
                data = member.read(MAX_FILE_BYTES + 1)
            yield info.filename, data if len(data) <= MAX_FILE_BYTES else len(data)


def _tar_members(path: Path) -> Iterator[Member]:
    with tarfile.open(path) as archive:
        for member in archive:
            if member.isfile():
                too_big = member.size > MAX_FILE_BYTES
                yield member.name, member.size if too_big else archive.extractfile(member).read()


def read_archive(path: Path, read_member: MemberReader) -> Iterator[Item]:
    """The documents of each member, by `read_member(data, suffix, source)`; corruption is a Skipped."""
    members = _zip_members(path) if path.name.lower().endswith(".zip") else _tar_members(path)
    read = 0
    try:
        for name, data in members:
            read += 1
            source = f"{path}!{name}"
            if isinstance(data, int):
                yield too_large(source, data)
            else:
                yield from read_member(data, PurePosixPath(name).suffix.lower(), source)
    except CORRUPTION as error:
        detail = f"unreadable after {read} member(s): {error}"
        yield Skipped(source=str(path), reason="corrupt archive", detail=detail)
