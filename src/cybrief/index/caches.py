"""The cache folder: the index of each library in it, their sizes, clearing them, and a cap on their total size.

Every library gets one index file in $XDG_CACHE_HOME/cybrief (store.index_file). Indexes of libraries no
longer used would pile up, so the folder has a cap (CYBRIEF_CACHE_MAX, default 2G): when an index is
created, the least recently used other indexes are deleted until the folder fits, the new one always
kept. Parsed-brief files of earlier versions (briefs-*.bin) count and are cleared too.
"""

from __future__ import annotations

import os
import re

from cybrief.errors import UsageError
from cybrief.index import cache_home

CAP_ENV = "CYBRIEF_CACHE_MAX"
DEFAULT_CAP = 2 * 1024**3
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
_NAMES = re.compile(r"^(index-[0-9a-f]{8}\.sqlite|briefs-[0-9a-f]{8}\.bin)$")
_SIDE = ("-journal", "-wal", "-shm")


class Entry:
    """One cache file: its path, bytes (with its journal, if any), last use, and the library it is for."""

    __slots__ = ("path", "size", "used", "library")

    def __init__(self, path: str, size: int, used: float, library: str | None):
        self.path, self.size, self.used, self.library = path, size, used, library

    def as_dict(self) -> dict:
        return {"path": self.path, "bytes": self.size, "library": self.library}


def cap() -> int:
    """The cap in bytes: CYBRIEF_CACHE_MAX as 500M, 2G, 1.5G or a number of bytes; UsageError if unreadable."""
    text = os.environ.get(CAP_ENV, "").strip().upper().removesuffix("B").removesuffix("I")
    if not text:
        return DEFAULT_CAP
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]?)", text)
    if match is None:
        raise UsageError(f"{CAP_ENV}={os.environ[CAP_ENV]!r}: give a size such as 500M or 2G")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def entries(with_library: bool = True) -> list[Entry]:
    """Every cache file in the folder, largest first."""
    folder = cache_home()
    try:
        names = [n for n in os.listdir(folder) if _NAMES.match(n)]
    except OSError:
        return []
    found = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError:
            continue
        size = st.st_size + sum(_size(path + side) for side in _SIDE)
        found.append(Entry(path, size, max(st.st_atime, st.st_mtime), _library(path) if with_library else None))
    return sorted(found, key=lambda e: (-e.size, e.path))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _library(path: str) -> str | None:
    """The library an index is for, as its meta table says; None for another kind of file or an unreadable one."""
    if not path.endswith(".sqlite"):
        return None
    import sqlite3

    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def remove(path: str) -> int:
    """Delete a cache file and its journal; the bytes freed."""
    freed = 0
    for suffix in ("", *_SIDE):
        try:
            freed += os.stat(path + suffix).st_size
            os.unlink(path + suffix)
        except OSError:
            pass
    return freed


def clear(library: str | None = None) -> tuple[int, int]:
    """Delete every cache file, or only the index of one library (its resolved path); (files, bytes freed)."""
    files = freed = 0
    for entry in entries(with_library=library is not None):
        if library is not None and entry.library != library:
            continue
        freed += remove(entry.path)
        files += 1
    return files, freed


def enforce_cap(keep: str) -> list[str]:
    """Delete the least recently used cache files but `keep` until the folder fits the cap; the paths deleted."""
    limit = cap()
    found = entries(with_library=False)
    total = sum(e.size for e in found)
    removed = []
    for entry in sorted(found, key=lambda e: e.used):
        if total <= limit:
            break
        if os.path.abspath(entry.path) == os.path.abspath(keep):
            continue
        total -= entry.size
        remove(entry.path)
        removed.append(entry.path)
    return removed
