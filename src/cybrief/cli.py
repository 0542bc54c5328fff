"""The command line: parse options, open the library, query it, render, write. The only module that prints or exits."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from cybrief import __version__
from cybrief.errors import CybriefError, ExitCode, NoMatch
from cybrief.render import Format


class Lang(str, Enum):
    zh = "zh"
    en = "en"
    both = "both"


class Kind(str, Enum):
    achieved = "achieved"
    goal = "goal"
    plan = "plan"


class _Group(TyperGroup):
    """Turns every CybriefError into its message lines on stderr and its exit code: the one place that does."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CybriefError as exc:
            prefix = "cybrief: " if isinstance(exc, NoMatch) else "cybrief: error: "
            for line in exc.lines():
                sys.stderr.write(prefix + line + "\n")
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, ClickException, BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: one line, and the traceback only on request
            if os.environ.get("CYBRIEF_DEBUG"):
                raise
            sys.stderr.write(f"cybrief: internal error: {type(exc).__name__}: {exc} (CYBRIEF_DEBUG=1 shows the traceback)\n")
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=_Group,
    name="cybrief",
    help="Briefs of Chinese policy press conferences: who spoke, what they said, which figures and goals.\n\n"
    "Run `cybrief COMMAND --help` for a command's options and examples.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _complete_sector(incomplete: str):
    try:
        from cybrief.library import open_library

        sectors = open_library().sectors
    except CybriefError:
        return []
    return [(s.slug, f"{s.zh} {s.en}") for s in sectors if s.slug.startswith(incomplete) or s.zh.startswith(incomplete)]


def _complete_delegate(incomplete: str):
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
        "--format", "-f", case_sensitive=False,
        help="Output format. auto: a table on a terminal, Markdown when piped or redirected.",
    ),
]
LangOpt = Annotated[
    Lang, typer.Option("--lang", "-l", case_sensitive=False, help="Language of summaries, metrics and labels.")
]
BriefOpt = Annotated[Optional[str], typer.Option("--brief", "-b", help="Only the brief with this id.", metavar="ID")]
LibraryOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--library", envvar="CYBRIEF_LIBRARY", metavar="DIR",
        help="Folder of briefs. Default: ./briefs if it exists, else the briefs bundled with cybrief.",
    ),
]


SectorOpt = Annotated[
    Optional[str],
    typer.Option("--sector", "-s", help="Sector slug or label, e.g. energy or 能源.", autocompletion=_complete_sector),
]
DelegateOpt = Annotated[
    Optional[str],
    typer.Option("--delegate", "-d", help="Delegate's name, English name or id.", autocompletion=_complete_delegate),
]
KindOpt = Annotated[Optional[Kind], typer.Option("--kind", "-k", case_sensitive=False, help="achieved, goal or plan.")]


class Scope(str, Enum):
    delegates = "delegates"
    targets = "targets"
    events = "events"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cybrief {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Briefs of Chinese policy press conferences: who spoke, what they said, which figures and goals.

    Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 nothing matched, 2 usage or input error.
    """


def _open(library: Optional[Path], brief: Optional[str]):
    from cybrief.library import open_library

    return open_library(library, brief)


def _emit(fmt: Format, render) -> None:
    """Render with the renderer for `fmt` and write to stdout; a table goes through a Rich console."""
    from cybrief.render import renderer, resolve

    concrete = resolve(fmt, sys.stdout.isatty())
    output = render(renderer(concrete))
    if concrete is Format.table:
        from rich.console import Console

        Console(highlight=False, soft_wrap=False).print(output)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()


@app.command()
def delegates(
    name: Annotated[
        Optional[str],
        typer.Argument(help="A delegate's Chinese name, English name or id: show them in detail.", autocompletion=_complete_delegate),
    ] = None,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Who spoke: name, role, event and summary of each delegate; with NAME, one delegate in full.

    Example:

        cybrief delegates

        cybrief delegates 刘勇

        cybrief delegates "Wang Zhijie" --lang en

        cybrief delegates --format json | jq '.[].name'
    """
    from cybrief import views

    lib = _open(library, brief)
    if name is None:
        listing = views.delegates_listing(lib.delegates(), lib, lang.value)
        _emit(fmt, lambda r: r.listing(listing))
        return
    details = [views.delegate_detail(ref, lib, lang.value) for ref in lib.find_delegates(name)]
    _emit(fmt, lambda r: r.details(details))


@app.command()
def targets(
    sector: SectorOpt = None,
    delegate: DelegateOpt = None,
    kind: KindOpt = None,
    horizon: Annotated[
        Optional[str],
        typer.Option("--horizon", help="Period as stated: 2025, 十四五, 十五五 (also matches 十五五末), or none."),
    ] = None,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """The figures and goals announced: delegate, sector, metric, figure, horizon and kind. Filters combine with AND.

    Example:

        cybrief targets --sector energy

        cybrief targets --sector 能源 --kind goal

        cybrief targets --delegate 谢文辉 --horizon 十五五

        cybrief targets --format csv > targets.csv
    """
    from cybrief import views

    lib = _open(library, brief)
    refs = lib.targets(sector=sector, delegate=delegate, kind=kind.value if kind else None, horizon=horizon)
    listing = views.targets_listing(refs, lib, lang.value)
    if not refs:
        _emit_empty(fmt, lambda r: r.listing(listing))
        raise NoMatch("no target matches these filters")
    _emit(fmt, lambda r: r.listing(listing))


@app.command()
def search(
    terms: Annotated[
        list[str],
        typer.Argument(help="Terms to find, all in one record (--any: one of them). Quote a phrase to keep its spaces.",
                       metavar="TERM..."),
    ],
    any_term: Annotated[bool, typer.Option("--any", help="Records holding any of the terms, not all.")] = False,
    exclude: Annotated[
        Optional[list[str]], typer.Option("--exclude", "-x", help="Drop records holding this term (repeatable).", metavar="TERM")
    ] = None,
    regex: Annotated[
        bool, typer.Option("--regex", "-E", help="Terms are regular expressions, matched on normalized text.")
    ] = False,
    pinyin: Annotated[
        Optional[bool],
        typer.Option("--pinyin/--no-pinyin",
                     help="Also match Chinese by the pinyin of a Latin term (tegaoya, tgy). Default: when nothing else matches."),
    ] = None,
    scope: Annotated[
        Optional[list[Scope]],
        typer.Option("--in", case_sensitive=False, help="Only these records: delegates, targets, events (repeatable)."),
    ] = None,
    sector: SectorOpt = None,
    delegate: DelegateOpt = None,
    kind: KindOpt = None,
    context: Annotated[
        int, typer.Option("--context", "-C", min=0, metavar="N", help="Characters of text shown around a match.")
    ] = 30,
    count: Annotated[bool, typer.Option("--count", "-c", help="Only the number of hits per brief, and the total.")] = False,
    limit: Annotated[
        Optional[int], typer.Option("--limit", "-n", min=1, metavar="N", help="Show the N best hits and say how many more.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read the brief files; do not use or update the index.")] = False,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Find terms in every text of every brief, best hits first: traditional or simplified, full-width or not, pinyin.

    Terms are matched after normalization (NFKC, case, traditional -> simplified), so 特高壓 finds 特高压 and
    ＡＩ finds AI. A Latin term that matches nothing is tried as pinyin: tegaoya and tgy find 特高压.

    Example:

        cybrief search 特高压

        cybrief search 人工智能 算力 --in delegates

        cybrief search 汽车 芯片 --any --exclude 新能源 --limit 5

        cybrief search '算力.{0,4}规模' --regex -C 10

        cybrief search tegaoya --format json | jq '.[] | [.delegate_name, .match]'

        cybrief search 电网 --count
    """
    from cybrief.query import Query
    from cybrief.search import count_library, search_library

    query = Query(
        terms, any=any_term, exclude=exclude or (), regex=regex, pinyin=pinyin,
        scopes=[s.value for s in scope or ()], lang=lang.value, sector=sector, delegate=delegate,
        kind=kind.value if kind else None, brief=brief,
    )
    use_index, progress = not no_cache, _progress_if_terminal()
    try:
        if count:
            counts = count_library(library, query, use_index=use_index, progress=progress)
        else:
            result = search_library(library, query, use_index=use_index, limit=limit, context=context, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    if count:
        if not counts.briefs:
            _emit_empty(fmt, lambda r: r.counts(counts))
            raise NoMatch(f"nothing matches {counts.query!r}")
        _emit(fmt, lambda r: r.counts(counts))
        return
    if not result.hits:
        _emit_empty(fmt, lambda r: r.search(result))
        raise NoMatch(f"nothing matches {result.query!r}")
    _emit(fmt, lambda r: r.search(result))
    if result.more:
        sys.stderr.write(f"cybrief: showing {len(result.hits)} of {result.total} hits; {result.more} more (raise --limit to see them)\n")


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty index.")] = False,
    library: LibraryOpt = None,
) -> None:
    """Build or update the search index of a library now (search does it when needed), with progress on stderr.

    The index lives in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief); only brief files that changed
    since the last run are read again.

    Example:

        cybrief index

        cybrief index --library ~/archive --rebuild
    """
    from cybrief.index import describe, open_index
    from cybrief.library import resolve_library_dir

    bar = _ProgressBar()
    try:
        connection = open_index(resolve_library_dir(library), bar, rebuild=rebuild)
    finally:
        bar.close()
    sys.stderr.write(f"cybrief: {describe(connection)}\n")


class _ProgressBar:
    """A Rich progress bar on stderr, shown once there is something to read."""

    def __init__(self):
        self.progress = self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if total == 0:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("indexing briefs"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("index", total=total)
        self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _progress_if_terminal():
    """Progress while a search builds the index: on a terminal only, so that logs stay clean."""
    return _ProgressBar() if sys.stderr.isatty() else None


@app.command()
def briefs(
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """The briefs in the library: id, title, date, how many delegates and targets, and the file.

    Example:

        cybrief briefs

        cybrief briefs --format json | jq '.[].path'

        cybrief briefs --library ~/archive/2026
    """
    from cybrief import views

    lib = _open(library, brief)
    listing = views.briefs_listing(lib, lang.value)
    _emit(fmt, lambda r: r.listing(listing))


def _emit_empty(fmt: Format, render) -> None:
    """On no match, machine formats still print a valid empty document (`[]`, a header row); others print nothing."""
    if fmt in (Format.json, Format.csv):
        _emit(fmt, render)


def main() -> None:
    app(prog_name="cybrief")
