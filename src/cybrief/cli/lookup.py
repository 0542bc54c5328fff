"""The library the options name, and the targets its filters leave."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from cybrief.errors import NoMatch


def open_library_of(library: Optional[Path], brief: Optional[str], strict: bool = False, drafts: bool = True,
                    listing: bool = False):
    """The library the options name, with a progress bar on a terminal while its index reads many briefs; the
    brief files it had to leave out are reported when the command is done.

    listing: answered from the index without loading every brief (targets, delegates); close it when done.
    """
    from cybrief import library as libraries
    from cybrief.cli.output import progress_if_terminal, skipped

    bar = progress_if_terminal()
    try:
        opener = libraries.open_listing if listing else libraries.open_library
        lib = opener(library, brief, bar, strict=strict, drafts=drafts)
    finally:
        if bar is not None:
            bar.close()
    skipped(lib.skipped)
    return lib


def listed(library: Optional[Path], brief: Optional[str], work, strict: bool = False, drafts: bool = True) -> None:
    """work(lib) for a listing, lib answered from the library's index (closed after).

    An index found damaged while it is read (a page or a stored brief that cannot be read) is removed, and
    the listing is made from the files instead, if nothing was written yet; the next run builds a new index.
    """
    import sqlite3

    from cybrief.cli.output import written

    before = written()
    try:
        with open_library_of(library, brief, strict, drafts, listing=True) as lib:
            return work(lib)
    except sqlite3.Error as exc:
        from cybrief.index.store import discard_index
        from cybrief.library import locate_library
        from cybrief.library.opening import from_files

        location = locate_library(library)
        discard_index(location.path, exc)
        if written() != before:
            raise
        return work(from_files(location, brief, strict=strict, drafts=drafts))


def filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most) -> tuple[list, NoMatch]:
    """The targets passing the filters that `targets` and `chart` share, and what to say if there are none.

    A --delegate that names nobody matches nothing (exit 1, like a search without hits), so that JSON and
    CSV still print their empty document; the message says why.
    """
    try:
        refs = lib.targets(sector=sector, delegate=delegate, kind=kind.value if kind else None, horizon=horizon)
    except NoMatch as exc:
        return [], exc
    if unit is not None or least is not None or most is not None:
        from cybrief.figures.compare import filter_values

        refs = filter_values(refs, unit=unit, low=least, high=most)
    return refs, NoMatch("no target matches these filters")
