"""Opening a library: its briefs loaded (through its index), or a listing answered from the index without loading them."""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.brief.model import Brief
from cybrief.errors import BriefError, Problem, display_path
from cybrief.library.briefs import Library
from cybrief.library.location import Location, locate_library


def open_library(library: str | os.PathLike | None = None, brief: str | None = None, progress=None, *,
                 strict: bool = False, drafts: bool = True) -> Library:
    """Load the briefs of a library (see locate_library): every brief that loads is used, and the problems of
    the files that do not (or that repeat an id) are kept in `skipped`. `brief` keeps one brief (which alone
    must load); `strict` raises BriefError with every problem instead; `drafts=False` leaves drafts out.

    The briefs come from the library's index (library/cache.py), which reads only the files that changed;
    progress(done, total) is called while it reads them.
    """
    from cybrief.library.cache import load_briefs

    location = locate_library(library)
    skipped: list[Problem] | None = None if strict else []
    briefs = load_briefs(location.path, progress, skipped)
    return _checked(briefs, location, skipped, brief, drafts)


def from_files(location: Location, brief: str | None = None, *, strict: bool = False, drafts: bool = True) -> Library:
    """The library loaded from its files, without its index, as open_library gives it."""
    from cybrief.library.cache import library_files, parse_files

    skipped: list[Problem] | None = None if strict else []
    return _checked(parse_files(library_files(location.path), skipped), location, skipped, brief, drafts)


def _checked(briefs: list[Brief], location: Location, skipped: list[Problem] | None, brief: str | None,
             drafts: bool) -> Library:
    """The library of the briefs loaded, the second of two with one id left out (BriefError if strict), restricted
    to one brief if asked; BriefError with every problem if not one brief is left to show."""
    problems, kept = [], []
    first: dict[str, Brief] = {}
    for b in briefs:
        if b.id in first:
            problems.append(Problem(display_path(Path(b.path)), None, None, "id", f"duplicate brief id {b.id!r} (also in {display_path(Path(first[b.id].path))})"))
        else:
            kept.append(b)
        first.setdefault(b.id, b)
    if problems and skipped is None or not kept:  # not one brief to show: every problem, as --strict gives them
        raise BriefError((skipped or []) + problems)
    lib = Library(kept, location.path, (skipped or []) + problems, location)
    if not drafts:
        lib = lib.without_drafts()
    return lib.only(brief)


def open_listing(library: str | os.PathLike | None = None, brief: str | None = None, progress=None, *,
                 strict: bool = False, drafts: bool = True) -> Library:
    """The library for a listing (targets, delegates): answered from its index without loading every brief
    (library/indexed.py), else loaded as open_library does, with the same options. Close it when done (it may
    hold the index open)."""
    from cybrief.library.cache import library_files, open_indexed

    location = locate_library(library)
    skipped: list[Problem] | None = None if strict else []
    indexed = open_indexed(location.path, progress, skipped)
    if indexed is None:
        return from_files(location, brief, strict=strict, drafts=drafts)
    try:
        if indexed.is_empty():
            if skipped:  # every file broken: every problem, as --strict gives them
                raise BriefError(skipped)
            library_files(location.path)  # its error: no brief files
        indexed.skipped, indexed.location = skipped or [], location
        lib = indexed if drafts else indexed.without_drafts()
        return lib.only(brief)
    except BaseException:
        indexed.close()
        raise
