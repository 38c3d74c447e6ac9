"""Archives (.zip, .tar, .tar.gz, .tgz): every supported file inside is read as if it lay on disk.

A truncated or corrupt archive yields the members that could be read, then one Skipped that says
where reading stopped; it never raises.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from ..source import Item, Skipped

MemberReader = Callable[[bytes, str, str], Iterator[Item]]
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")


def is_archive(path: Path) -> bool:
    """True for a file named like an archive Kroniek reads."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def _zip_members(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.is_dir():
                yield info.filename, archive.read(info)


def _tar_members(path: Path) -> Iterator[tuple[str, bytes]]:
    with tarfile.open(path) as archive:
        for member in archive:
            if member.isfile():
                yield member.name, archive.extractfile(member).read()


def read_archive(path: Path, read_member: MemberReader) -> Iterator[Item]:
    """The documents of each member, by `read_member(data, suffix, source)`; corruption is a Skipped."""
    members = _zip_members(path) if path.name.lower().endswith(".zip") else _tar_members(path)
    read = 0
    try:
        for name, data in members:
            read += 1
            yield from read_member(data, PurePosixPath(name).suffix.lower(), f"{path}!{name}")
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as error:
        detail = f"unreadable after {read} member(s): {error}"
        yield Skipped(source=str(path), reason="corrupt archive", detail=detail)
