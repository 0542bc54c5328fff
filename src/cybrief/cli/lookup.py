"""The library the options name, and the targets its filters leave."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from cybrief.errors import NoMatch


def open_library_of(library: Optional[Path], brief: Optional[str], listing: bool = False):
    """The library, with a progress bar on a terminal while its index reads many briefs.

    listing: answered from the index without loading every brief (targets, delegates); close it when done.
    """
    from cybrief import library as libraries
    from cybrief.cli.output import progress_if_terminal

    bar = progress_if_terminal()
    try:
        return (libraries.open_listing if listing else libraries.open_library)(library, brief, bar)
    finally:
        if bar is not None:
            bar.close()


def listed(library: Optional[Path], brief: Optional[str], work) -> None:
    """work(lib) for a listing, lib answered from the library's index (closed after).

    An index found damaged while it is read (a page or a stored brief that cannot be read) is removed, and
    the listing is made from the files instead, if nothing was written yet; the next run builds a new index.
    """
    import sqlite3

    from cybrief.cli.output import written

    before = written()
    try:
        with open_library_of(library, brief, listing=True) as lib:
            return work(lib)
    except sqlite3.Error as exc:
        from cybrief.index.store import discard_index
        from cybrief.library import resolve_library_dir
        from cybrief.library.opening import from_files

        root = resolve_library_dir(library)
        discard_index(root, exc)
        if written() != before:
            raise
        return work(from_files(root, brief))


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
        from cybrief.library.indexed import filter_values

        refs = filter_values(refs, unit=unit, low=least, high=most)
    return refs, NoMatch("no target matches these filters")
