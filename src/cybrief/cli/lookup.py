"""The library the options name, and the targets its filters leave."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from cybrief.errors import NoMatch


def open_library_of(library: Optional[Path], brief: Optional[str], strict: bool = False, drafts: bool = True):
    """The library the options name; the brief files it had to leave out are reported when the command is done."""
    from cybrief.cli.output import skipped
    from cybrief.library import open_library

    lib = open_library(library, brief, strict=strict, drafts=drafts)
    skipped(lib.skipped)
    return lib


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
        from cybrief.figures import compare

        refs = compare.filter_values(refs, unit=unit, low=least, high=most)
    return refs, NoMatch("no target matches these filters")
