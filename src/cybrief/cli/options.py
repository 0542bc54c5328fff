"""The options the commands share, declared once, and their choices and completions."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.brief.model import EXPORT_FORMATS, FACET_FIELDS, GROUP_KEYS, TARGET_KINDS
from cybrief.cli import search_options as S
from cybrief.errors import CybriefError
from cybrief.figures.compare import SORT_KEYS
from cybrief.render import Format


def choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    """An enum of option values made from the library's tuple of them, so that the two never differ."""
    return Enum(name, {value: value for value in values}, type=str)


Lang = choices("Lang", S.LANGS)


Kind = choices("Kind", TARGET_KINDS)


SortKey = choices("SortKey", SORT_KEYS)


GroupKey = choices("GroupKey", GROUP_KEYS)


FacetField = choices("FacetField", FACET_FIELDS)


ExportFormat = choices("ExportFormat", EXPORT_FORMATS)


Scope = choices("Scope", S.SCOPES)  # the keys of query.SCOPES (a test keeps them equal)


def complete_sector(incomplete: str):
    try:
        from cybrief.library import open_library

        sectors = open_library().sectors
    except CybriefError:
        return []
    return [(s.slug, f"{s.zh} {s.en}") for s in sectors if s.slug.startswith(incomplete) or s.zh.startswith(incomplete)]


def complete_delegate(incomplete: str):
    try:
        from cybrief.library import open_library

        refs = open_library().delegates()
    except CybriefError:
        return []
    return [(r.delegate.id, f"{r.delegate.name} {r.delegate.name_en}") for r in refs if r.delegate.id.startswith(incomplete) or r.delegate.name.startswith(incomplete)]


# Options shared by every command, declared once.
FormatOpt = Annotated[
    Format,
    typer.Option(
        *S.FORMAT.flags, case_sensitive=False,
        help="Output format. auto: a table on a terminal, Markdown when piped or redirected.",
    ),
]


LangOpt = Annotated[
    Lang, typer.Option(*S.LANG.flags, case_sensitive=False, help="Language of summaries, metrics and labels.")
]


BriefOpt = Annotated[Optional[str], typer.Option(*S.BRIEF.flags, help="Only the brief with this id.", metavar="ID")]


LibraryOpt = Annotated[
    Optional[Path],
    typer.Option(
        *S.LIBRARY.flags, envvar="CYBRIEF_LIBRARY", metavar="DIR",
        help="Folder of briefs. Default: ./briefs if it exists, else the briefs bundled with cybrief.",
    ),
]


SectorOpt = Annotated[
    Optional[str],
    # -s as well, except in search, where -s is --case-sensitive as in ripgrep (search_options.SECTOR)
    typer.Option(*S.SECTOR.flags, "-s", help="Sector slug or label, e.g. energy or 能源.", autocompletion=complete_sector),
]
SearchSectorOpt = Annotated[
    Optional[str],
    typer.Option(*S.SECTOR.flags, help="Sector slug or label, e.g. energy or 能源.", autocompletion=complete_sector),
]


DelegateOpt = Annotated[
    Optional[str],
    typer.Option(*S.DELEGATE.flags, help="Delegate's name, English name or id.", autocompletion=complete_delegate),
]


KindOpt = Annotated[Optional[Kind], typer.Option(*S.KIND.flags, case_sensitive=False, help="achieved, goal or plan.")]


ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]


HorizonOpt = Annotated[
    Optional[str],
    typer.Option("--horizon", help="Period as stated: 2025, 十四五, 十五五 (also matches 十五五末), or none."),
]


UnitOpt = Annotated[Optional[str], typer.Option("--unit", "-u", help="Only figures in this unit, as stated: 元, 辆, %, ratio ...")]


MinOpt = Annotated[
    Optional[str], typer.Option("--min", help="Only figures of at least this value, in Chinese or Arabic: 100亿元, 1000, 20%.", metavar="FIGURE")
]


MaxOpt = Annotated[Optional[str], typer.Option("--max", help="Only figures of at most this value, like --min.", metavar="FIGURE")]
