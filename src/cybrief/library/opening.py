"""Opening a library: its briefs loaded (through its index), or a listing answered from the index without loading them."""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.brief.model import Brief
from cybrief.errors import BriefError, Problem, display_path
from cybrief.library.briefs import Library
from cybrief.library.location import resolve_library_dir


def open_library(library: str | os.PathLike | None = None, brief: str | None = None, progress=None) -> Library:
    """Load every brief of a library (see resolve_library_dir); raise BriefError with all problems found.

    The briefs come from the library's index (library/cache.py), which reads only the files that changed;
    progress(done, total) is called while it reads them.
    """
    from cybrief.library.cache import load_briefs

    root = resolve_library_dir(library)
    return _checked(load_briefs(root, progress), root, brief)


def from_files(root: Path, brief: str | None = None) -> Library:
    """The library loaded from its files, without its index."""
    from cybrief.library.cache import library_files, parse_files

    return _checked(parse_files(library_files(root)), root, brief)


def _checked(briefs: list[Brief], root: Path, brief: str | None) -> Library:
    """The library of loaded briefs, restricted to one if asked; BriefError if two share an id."""
    problems = []
    first: dict[str, Brief] = {}
    for b in briefs:
        if b.id in first:
            problems.append(Problem(display_path(Path(b.path)), None, None, "id", f"duplicate brief id {b.id!r} (also in {display_path(Path(first[b.id].path))})"))
        first.setdefault(b.id, b)
    if problems:
        raise BriefError(problems)
    return Library(briefs, root).only(brief)


def open_listing(library: str | os.PathLike | None = None, brief: str | None = None, progress=None) -> Library:
    """The library for a listing (targets, delegates): answered from its index without loading every brief
    (library/indexed.py), else loaded as open_library does. Close it when done (it may hold the index open)."""
    from cybrief.library.cache import library_files, open_indexed

    root = resolve_library_dir(library)
    indexed = open_indexed(root, progress)
    if indexed is None:
        return from_files(root, brief)
    try:
        if indexed.is_empty():
            library_files(root)  # its error: no brief files
        return indexed.only(brief)
    except BaseException:
        indexed.close()
        raise
