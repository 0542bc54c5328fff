"""Loading a library's briefs through its index, so that a command parses YAML only for brief files that changed.

The index of a library (index/store.py, in $XDG_CACHE_HOME/cybrief) keeps every brief it read, checked,
as plain data beside its search text (index/stored.py); a command loads the briefs from there, after the
index has read again whatever changed since (a file whose size, modification time, change time or inode
differs, and whose bytes then hash differently). An index that is missing, stale or damaged never changes
results: it is built, brought up to date or rebuilt, and one that cannot be used (an unwritable cache
folder) leaves the command to read the files. CYBRIEF_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.brief.model import Brief
from cybrief.brief.plain import Malformed, from_plain, to_plain  # noqa: F401 - re-exported
from cybrief.errors import BriefError


def enabled() -> bool:
    return os.environ.get("CYBRIEF_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cybrief"


def open_indexed(root: Path, progress=None, skipped: list | None = None):
    """The library's IndexedLibrary, its index made current first; None if turned off or unusable, or (with a
    `skipped` list) if two files share a brief id, which the files then settle (the second is left out).

    With a `skipped` list, the files that cannot be loaded are added to it and left out of the index."""
    if not enabled():
        return None
    from cybrief.index.store import Unavailable, open_index
    from cybrief.library.indexed import IndexedLibrary

    before = len(skipped) if skipped is not None else 0
    try:
        connection = open_index(root, progress, skipped=skipped)
    except Unavailable:
        _forget(skipped, before)
        return None
    except BriefError:  # two files with one id
        if skipped is None:
            raise
        _forget(skipped, before)
        return None
    return IndexedLibrary(connection, root.resolve())


def _forget(skipped: list | None, before: int) -> None:
    """Drop what an abandoned index found skipped: the files are read next, and find it again."""
    if skipped is not None:
        del skipped[before:]


def load_briefs(root: Path, progress=None, skipped: list | None = None) -> list[Brief]:
    """Every brief of the library, in file order, from its index where it can; BriefError with all problems found
    (or, with a `skipped` list, those added to it and the other briefs returned), UsageError for a library without
    brief files. progress(done, total) is called while the index reads briefs."""
    import sqlite3

    before = len(skipped) if skipped is not None else 0
    library = open_indexed(root, progress, skipped)
    if library is not None:
        try:
            with library:
                briefs = library.briefs
            if briefs:
                return briefs
        except sqlite3.Error as exc:  # damaged since it was opened: the files decide, and the next run rebuilds
            from cybrief.index.store import discard_if_corrupt

            discard_if_corrupt(root, exc)
        _forget(skipped, before)
    return parse_files(library_files(root), skipped)


def library_files(root: Path) -> list[Path]:
    """The brief files of a library; UsageError if it has none."""
    from cybrief.errors import UsageError, display_path
    from cybrief.library.location import brief_files

    files = brief_files(root)
    if not files:
        raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")
    return files


def parse_files(files: list[Path], skipped: list | None = None) -> list[Brief]:
    """Load and check every file; BriefError with the problems of all of them, or with a `skipped` list, those
    added to it and the briefs that loaded returned."""
    from cybrief.brief.load import load_brief

    briefs, problems = [], []
    for file in files:
        try:
            briefs.append(load_brief(file))
        except BriefError as exc:
            problems.extend(exc.problems)
    if problems and skipped is None:
        raise BriefError(problems)
    if problems:
        skipped.extend(problems)
    return briefs
