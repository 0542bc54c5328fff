"""The options the commands share, declared once, and their choices and completions."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.brief.model import EXPORT_FORMATS, FACET_FIELDS, GROUP_KEYS, TARGET_KINDS
from cybrief.cli import search_options as S
from cybrief.cli.completion import complete_brief, complete_delegate, complete_sector
from cybrief.figures.compare import SORT_KEYS
from cybrief.render import Format


class ReportFormat(str, Enum):
    """Formats of `cybrief report`: a document, not a table, so not the --format of the other commands."""

    markdown = "markdown"
    html = "html"


class Theme(str, Enum):
    """Colours of a saved chart or page."""

    light = "light"
    dark = "dark"


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


# Options shared by every command, declared once.
FormatOpt = Annotated[
    Format,
    typer.Option(
        *S.FORMAT.flags, case_sensitive=False, envvar="CYBRIEF_FORMAT", show_default=False, show_envvar=False,
        help="Output format; default $CYBRIEF_FORMAT, else auto: a table on a terminal, Markdown when piped. "
        "plain: one tab-separated line per record or hit.",
    ),
]


LangOpt = Annotated[
    Lang,
    typer.Option(
        *S.LANG.flags, case_sensitive=False, envvar="CYBRIEF_LANG", show_default=False, show_envvar=False,
        help="Language of text and labels; default $CYBRIEF_LANG, else both.",
    ),
]


BriefOpt = Annotated[
    Optional[str], typer.Option(*S.BRIEF.flags, help="Only the brief with this id.", metavar="ID", autocompletion=complete_brief)
]


LibraryOpt = Annotated[
    Optional[Path],
    typer.Option(
        *S.LIBRARY.flags, metavar="DIR",
        help="Folder of briefs, or bundled. Default: $CYBRIEF_LIBRARY, else ./briefs if it holds briefs, else bundled.",
    ),
]


def _bom(value: bool) -> None:
    from cybrief.cli import output

    output.BOM = output.BOM or bool(value)


BomOpt = Annotated[
    bool,
    typer.Option(S.BOM.flags[0], callback=_bom, expose_value=False,
                 help="CSV that Excel opens with its Chinese intact: a UTF-8 byte-order mark first."),
]


StrictOpt = Annotated[
    bool,
    typer.Option(*S.STRICT.flags, help="Stop at a brief file that cannot be loaded. Default: skip it, exit 2 at the end."),
]


DraftsOpt = Annotated[
    bool, typer.Option("--drafts/--no-drafts", help="Show drafts (briefs with fields marked for review), marked as such.")
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


UnitOpt = Annotated[Optional[str], typer.Option("--unit", "-u", help="Only figures in this unit, in its base form: 元, 辆, 人, %, fraction ...")]


MinOpt = Annotated[
    Optional[str], typer.Option("--min", help="Only figures of at least this value, in Chinese or Arabic: 100亿元, 1000, 20%.", metavar="FIGURE")
]


MaxOpt = Annotated[Optional[str], typer.Option("--max", help="Only figures of at most this value, like --min.", metavar="FIGURE")]
