"""The commands that look after the index of a library: index (build or update it) and cache (where, how large, clear)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.cli.application import app
from cybrief.cli.options import FormatOpt, Lang, LangOpt, LibraryOpt
from cybrief.cli.output import emit, note
from cybrief.render import Format


@app.command(short_help="Build or update the search index of a library now.")
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty index.")] = False,
    library: LibraryOpt = None,
) -> None:
    """Build or update the search index of a library now (every command does it when needed), with progress on a terminal.

    The index lives in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief); only brief files that changed
    since the last run are read again.

    Example:

        cybrief index

        cybrief index --library briefs --rebuild
    """
    from cybrief.cli.indexing_work import build_index

    build_index(library, rebuild)


class CacheAction(str, Enum):
    path = "path"
    size = "size"
    clear = "clear"


@app.command(short_help="The cache folder: its indexes, their size; clear it.")
def cache(
    action: Annotated[CacheAction, typer.Argument(help="path: the cache folder; size: its files; clear: delete them.",
                                                  case_sensitive=False, metavar="ACTION")] = CacheAction.size,
    library: Annotated[
        Optional[Path], typer.Option("--library", metavar="DIR", help="Only the index of this library (size, clear).")
    ] = None,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
) -> None:
    """The cache folder: one search index per library, which every command reads its briefs through.

    It lives in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief). When a new index would take the folder past CYBRIEF_CACHE_MAX (default 2G; 500M, 10G ...), the indexes used least recently are deleted. Deleting any of them is safe: the next command builds the index again.

    Example:

        cybrief cache path

        cybrief cache size --format json

        cybrief cache clear
    """
    from cybrief.index import caches
    from cybrief.index import cache_home
    from cybrief.library import resolve_library_dir

    if action is CacheAction.path:
        sys.stdout.write(cache_home() + "\n")
        return
    root = str(resolve_library_dir(library).resolve()) if library is not None else None
    if action is CacheAction.clear:
        files, freed = caches.clear(root)
        note(f"removed {files} file{'s' if files != 1 else ''}, {freed / 1e6:.1f} MB")
        return
    from cybrief.render import views

    found = [e for e in caches.entries() if root is None or e.library == root]
    emit(fmt, lambda r: r.listing(views.caches_listing(found, lang.value)))
    total = sum(e.size for e in found)
    note(f"{len(found)} file{'s' if len(found) != 1 else ''}, {total / 1e6:.1f} MB; cap {caches.cap() / 1024**3:.1f} GiB "
         f"({caches.CAP_ENV})")
