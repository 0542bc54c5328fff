"""The command line: parse options, open the library, query it, render, write. The only module that prints or exits."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from cybrief import __version__
from cybrief.errors import CybriefError, ExitCode, NoMatch, Several, UsageError
from cybrief.model import EXPORT_FORMATS, FACET_FIELDS, GROUP_KEYS, SORT_KEYS, TARGET_KINDS
from cybrief.render import Format


class Lang(str, Enum):
    zh = "zh"
    en = "en"
    both = "both"


def _choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    """An enum of option values made from the library's tuple of them, so that the two never differ."""
    return Enum(name, {value: value for value in values}, type=str)


Kind = _choices("Kind", TARGET_KINDS)
SortKey = _choices("SortKey", SORT_KEYS)
GroupKey = _choices("GroupKey", GROUP_KEYS)
FacetField = _choices("FacetField", FACET_FIELDS)
ExportFormat = _choices("ExportFormat", EXPORT_FORMATS)


class Scope(str, Enum):
    """Records a search can be limited to: the keys of query.SCOPES (a test keeps them equal)."""

    delegates = "delegates"
    targets = "targets"
    events = "events"


class _Group(TyperGroup):
    """Turns every error into one line on stderr and its exit code: the one place that does.

    cybrief's own errors (CybriefError) print their lines; usage errors that the option parser finds (an
    unknown option, a value outside its choices) print one line too, instead of a framed box.
    """

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as exc:  # the option parser's usage errors (public base of its exceptions)
            if type(exc).__name__ != "NoArgsIsHelpError":  # `cybrief` alone: the help was printed, exit 2
                sys.stderr.write(f"cybrief: error: {_usage_message(exc)}\n")
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write("cybrief: aborted\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CybriefError as exc:
            from cybrief.safety import one_line  # messages quote the data: never let it act on the terminal

            prefix = "cybrief: " if isinstance(exc, NoMatch) else "cybrief: error: "
            for line in exc.lines():
                sys.stderr.write(prefix + one_line(line) + "\n")
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: one line, and the traceback only on request
            if os.environ.get("CYBRIEF_DEBUG"):
                raise
            from cybrief.safety import one_line

            sys.stderr.write(f"cybrief: internal error: {type(exc).__name__}: {one_line(str(exc))} (CYBRIEF_DEBUG=1 shows the traceback)\n")
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=_Group,
    name="cybrief",
    help="Briefs of Chinese policy press conferences: who spoke, what they said, which figures and goals.\n\n"
    "Run `cybrief COMMAND --help` for a command's options and examples.\n\n"
    "Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 nothing matched, 2 usage or input error, "
    "3 internal error.",
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


def _usage_message(exc: typer.TyperException) -> str:
    """A parser's usage error on one line, with where to find help: no such option: --bogus (see cybrief targets -h)."""
    from cybrief.safety import one_line

    possible = getattr(exc, "possibilities", None)
    text = f"{getattr(exc, 'message', exc.format_message())}; possible options: {', '.join(sorted(possible))}" if possible else exc.format_message()
    text = text.strip().rstrip(".")
    text = text[:1].lower() + text[1:] if text[:2].isalpha() and not text[:2].isupper() else text
    context = getattr(exc, "ctx", None)
    where = f" (see {context.command_path} -h)" if context is not None else ""
    return one_line(text) + where


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
    """The options of cybrief itself; its help is the app's."""


def _open(library: Optional[Path], brief: Optional[str]):
    from cybrief.library import open_library

    return open_library(library, brief)


def _emit(fmt: Format, render) -> None:
    """Render with the renderer for `fmt` and write to stdout; a table goes through a Rich console."""
    from cybrief.render import renderer, resolve

    terminal = sys.stdout.isatty()
    concrete = resolve(fmt, terminal)
    output = render(renderer(concrete))
    if concrete is Format.table:
        from rich.console import Console

        Console(highlight=False, soft_wrap=False).print(output)
    else:
        if terminal and concrete is Format.csv:  # exact CSV in a file; on a terminal, controls made visible
            from cybrief.safety import visible_lines

            output = visible_lines(output)
        sys.stdout.write(output)
        sys.stdout.flush()


@app.command()
def delegates(
    name: Annotated[
        Optional[str],
        typer.Argument(help="A delegate's Chinese name, English name or id: show them in detail.", metavar="NAME",
                       autocompletion=_complete_delegate),
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
    try:
        refs = lib.find_delegates(name)
    except NoMatch:
        _emit_empty(fmt, lambda r: r.details([]))
        raise
    details = [views.delegate_detail(ref, lib, lang.value) for ref in refs]
    _emit(fmt, lambda r: r.details(details))


@app.command()
def targets(
    sector: SectorOpt = None,
    delegate: DelegateOpt = None,
    kind: KindOpt = None,
    horizon: HorizonOpt = None,
    unit: UnitOpt = None,
    least: MinOpt = None,
    most: MaxOpt = None,
    sort: Annotated[
        Optional[SortKey],
        typer.Option("--sort", case_sensitive=False, help="Order: value (largest first, within each unit), date (newest first), sector or delegate."),
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Turn the --sort order around.")] = False,
    group_by: Annotated[
        Optional[GroupKey],
        typer.Option("--group-by", "-g", case_sensitive=False, help="One table per sector, delegate, kind or horizon."),
    ] = None,
    facet: Annotated[
        Optional[list[FacetField]],
        typer.Option("--facet", case_sensitive=False,
                     help="Count targets per value of a field, and per unit sum the figures that add up. Repeatable."),
    ] = None,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """The figures and goals announced: delegate, sector, metric, figure, horizon and kind. Filters combine with AND.

    Figures are shown as written; with --lang en in English, from their parsed values.

    Example:

        cybrief targets --sector energy

        cybrief targets --sector 能源 --kind goal

        cybrief targets --delegate 谢文辉 --horizon 十五五

        cybrief targets --sort value --unit 元 --min 1000亿元

        cybrief targets --group-by delegate --lang en

        cybrief targets --facet sector --format json

        cybrief targets --format csv > targets.csv
    """
    from cybrief import views

    if facet and group_by:
        raise UsageError("--facet and --group-by do not combine; use one")
    lib = _open(library, brief)
    refs, nothing = _filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most)
    if sort is not None or facet or group_by is not None:
        from cybrief import compare  # only when asked for: it loads the figure parser
    if sort is not None:
        refs, note = compare.sort_refs(refs, sort.value, reverse)
        if note and refs:
            _note(f"note: {note}")
    if facet:
        listing = compare.facets(refs, [f.value for f in facet], lib, lang.value)
        render = lambda r: r.listing(listing)  # noqa: E731
    elif group_by is not None:
        sections = compare.group(refs, group_by.value, lib, lang.value)
        render = lambda r: r.sections(sections)  # noqa: E731
    else:
        listing = views.targets_listing(refs, lib, lang.value)
        render = lambda r: r.listing(listing)  # noqa: E731
    if not refs:
        _emit_empty(fmt, render)
        raise nothing
    _emit(fmt, render)


def _filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most) -> tuple[list, NoMatch]:
    """The targets passing the filters that `targets` and `chart` share, and what to say if there are none.

    A --delegate that names nobody matches nothing (exit 1, like a search without hits), so that JSON and
    CSV still print their empty document; the message says why.
    """
    try:
        refs = lib.targets(sector=sector, delegate=delegate, kind=kind.value if kind else None, horizon=horizon)
    except NoMatch as exc:
        return [], exc
    if unit is not None or least is not None or most is not None:
        from cybrief import compare

        refs = compare.filter_values(refs, unit=unit, low=least, high=most)
    return refs, NoMatch("no target matches these filters")


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
        _note(f"showing {len(result.hits)} of {result.total} hits; {result.more} more (raise --limit to see them)")


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty index.")] = False,
    library: LibraryOpt = None,
) -> None:
    """Build or update the search index of a library now (search does it when needed), with progress on a terminal.

    The index lives in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief); only brief files that changed
    since the last run are read again.

    Example:

        cybrief index

        cybrief index --library ~/archive --rebuild
    """
    from cybrief.errors import display_path
    from cybrief.index import describe, open_index
    from cybrief.library import brief_files, resolve_library_dir

    root = resolve_library_dir(library)
    if not brief_files(root):  # as every command that reads a library says it
        raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")
    bar = _ProgressBar() if sys.stderr.isatty() else None  # on a terminal: a log gets only the summary line
    try:
        connection = open_index(root, bar, rebuild=rebuild, snapshot=False)  # only counted, not searched
    finally:
        if bar is not None:
            bar.close()
    try:
        _note(describe(connection))
    finally:
        connection.close()


class _ProgressBar:
    """A Rich progress bar on stderr, shown once there are more than `least` briefs to read."""

    def __init__(self, least: int = 0):
        self.progress = self.task = None
        self.least = least

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if total <= self.least:
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


# A search shows progress only for more briefs than this: the index reads them in batches of about a
# hundred, so a bar for fewer would jump from empty to full, and flicker over the results for nothing.
SEARCH_PROGRESS_LEAST = 100


def _progress_if_terminal():
    """Progress while a search builds the index: on a terminal only, so that logs stay clean."""
    return _ProgressBar(SEARCH_PROGRESS_LEAST) if sys.stderr.isatty() else None


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


@app.command()
def figure(
    texts: Annotated[list[str], typer.Argument(help="Figures as a report writes them: 近400万辆, 超1000亿元, 三分之一 ...", metavar="TEXT...")],
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
) -> None:
    """What each figure reads as: value, unit and qualifier, and the figure written back in Chinese and English.

    Text that is not a figure is reported on stderr (exit 2), never guessed at.

    Example:

        cybrief figure 近400万辆 超1000亿元 1500余家 20%以上

        cybrief figure 三分之一 每9台汽车就有1台 3至5个 --format json

        cybrief figure 16.4亿 --lang en
    """
    from cybrief.compare import figures_listing
    from cybrief.errors import FigureError
    from cybrief.quantity import parse_figure

    parsed, errors = [], []
    for text in texts:
        try:
            parsed.append(parse_figure(text))
        except FigureError as exc:
            errors.append(exc)
    listing = figures_listing(parsed, lang.value)
    if parsed or fmt in (Format.json, Format.csv):
        _emit(fmt, lambda r: r.listing(listing))
    if errors:
        raise Several(errors)


@app.command()
def chart(
    sector: SectorOpt = None,
    delegate: DelegateOpt = None,
    kind: KindOpt = None,
    horizon: HorizonOpt = None,
    unit: UnitOpt = None,
    least: MinOpt = None,
    most: MaxOpt = None,
    svg: Annotated[Optional[Path], typer.Option("--svg", help="Save the chart as an SVG image instead of printing it.", metavar="FILE")] = None,
    force: ForceOpt = False,
    fmt: FormatOpt = Format.auto,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """A horizontal bar chart of the figures, one chart per unit, labelled with delegate and metric.

    Takes the filters of `targets`. Approximate figures are shaded, open-ended ones end in ▶ or ◀.

    Example:

        cybrief chart --sector investment

        cybrief chart --unit 元 --lang en

        cybrief chart --sector investment --svg investment.svg
    """
    from cybrief import compare

    if svg is not None:
        _check_output(svg, force)
    lib = _open(library, brief)
    refs, nothing = _filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most)
    series = compare.chart(refs, lang.value)
    legend = compare.legend(lang.value)
    if svg is not None:
        if not refs:
            raise nothing
        from cybrief.render.chart import BarChart, svg as to_svg

        _write(svg, to_svg(BarChart(series, legend), "cybrief chart").encode("utf-8"), force)
        return
    if not refs:
        _emit_empty(fmt, lambda r: r.chart(series, legend))
        raise nothing
    _emit(fmt, lambda r: r.chart(series, legend))


@app.command()
def export(
    to: Annotated[ExportFormat, typer.Option("--to", "-t", case_sensitive=False, help="sqlite: one database file; json: one file; csv: a folder with one file per table.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file (sqlite, json) or folder (csv) to write.", metavar="PATH")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file, or a folder holding only a previous CSV export.")
    ] = False,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """The library as tables: briefs, events, sectors, delegates and targets, with keys and a full-text index.

    The SQLite database is ready for `datasette PATH` and `sqlite-utils`; its targets table has the columns of
    `cybrief targets --format json`.

    Example:

        cybrief export --to sqlite -o briefs.db

        cybrief export --to csv -o tables/ --brief chongqing-2026-03-chengyu

        cybrief export --to json -o briefs.json --force
    """
    from cybrief.export import export as run_export

    lib = _open(library, brief)
    run_export(lib, to.value, output, force=force)
    _wrote(output)


@app.command()
def report(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.", metavar="FILE")] = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
) -> None:
    """A complete briefing in GitHub-flavoured Markdown: source, events, each delegate, sectors and every figure.

    Pandoc turns it into a Word document or a PDF.

    Example:

        cybrief report --brief chongqing-2026-03-chengyu -o briefing.md

        cybrief report --lang en | pandoc -f gfm -o briefing.docx

        cybrief report --lang zh -o 简报.md --force
    """
    from cybrief.report import report as make_report

    if output is not None:
        _check_output(output, force)
    text = make_report(_open(library, brief), lang.value)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write(output, text.encode("utf-8"), force)


def _check_output(path: Path, force: bool) -> None:
    """Refuse an output file that --force would be needed for before doing the work (write_output checks again)."""
    from cybrief.files import check_output

    check_output(path, force=force)


def _write(path: Path, data: bytes, force: bool) -> None:
    """Write an output file the user named: atomically, never over one without --force; say so on stderr."""
    from cybrief.files import write_output

    write_output(path, data, force=force, parents=True)
    _wrote(path)


def _wrote(path: Path) -> None:
    from cybrief.errors import display_path

    _note(f"wrote {display_path(path)}")


def _note(text: str) -> None:
    """A message on stderr, on one line and with any control character in it (a path, a name) made visible."""
    from cybrief.safety import one_line

    sys.stderr.write(f"cybrief: {one_line(text)}\n")


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("validate")
def validate_command(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Brief files or folders. Default: the library (see --library).", metavar="PATH...")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also report fields still marked for review (as `cybrief draft` leaves them).")
    ] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text: one line per problem on stderr; json: an array on stdout."),
    ] = CheckFormat.text,
    library: LibraryOpt = None,
) -> None:
    """Check briefs: every problem in every file at once, with file:line:col and field. Exit 0 clean, 2 otherwise.

    Also checks that brief ids are unique across the files; --strict also reports fields marked for review.

    Example:

        cybrief validate

        cybrief validate briefs/new.yaml --strict

        cybrief validate drafts/ --format json | jq '.[] | select(.severity == "error")'
    """
    from cybrief.errors import Invalid
    from cybrief.validate import validate

    if not paths:
        from cybrief.errors import display_path
        from cybrief.library import brief_files, resolve_library_dir

        root = resolve_library_dir(library)
        if not brief_files(root):  # as every command that reads a library says it
            raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")
        paths = [root]
    report = validate(paths, strict=strict)
    if fmt is CheckFormat.json:
        from cybrief.render.json import dumps

        sys.stdout.write(dumps(report.records()))
        sys.stdout.flush()
    if not report.ok:
        raise Invalid(report, listed=fmt is CheckFormat.json)
    _note(report.summary())


@app.command("schema")
def schema_command() -> None:
    """The brief format as JSON Schema (draft 2020-12), generated from the model the loader uses.

    The same text is in schema/brief.schema.json; editors that use the YAML language server read it from
    the `# yaml-language-server: $schema=...` line at the top of a brief.

    Example:

        cybrief schema > brief.schema.json

        cybrief schema | jq '.$defs.Target.properties.qualifier'
    """
    from cybrief.schema import schema_text

    sys.stdout.write(schema_text())
    sys.stdout.flush()


@app.command("draft")
def draft_command(
    article: Annotated[str, typer.Argument(help="The article: a plain-text file, or - for standard input.", metavar="ARTICLE")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the draft to FILE (default: standard output).", metavar="FILE")
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", min=1949, max=2100, help="Year of the sessions, when the article does not say.", metavar="YYYY")
    ] = None,
    brief_id: Annotated[
        Optional[str], typer.Option("--id", help="Id of the brief. Default: from FILE's name, else draft-DATE.", metavar="ID")
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Draft a brief from a news article: sessions, delegates and figures found, every guess marked for review.

    Reads UTF-8, UTF-16 or UTF-32 with a byte-order mark, and GBK/GB18030. The draft always loads;
    `cybrief validate --strict FILE` lists what is left to check.

    Example:

        cybrief draft report.txt -o briefs/chongqing-2026-03-07.yaml

        curl -s https://example.com/report.txt | cybrief draft - --year 2026 > draft.yaml

        cybrief draft report.txt -o draft.yaml --force && cybrief validate --strict draft.yaml
    """
    from cybrief.draft import draft_bytes
    from cybrief.draft.article import check_size, read_article
    from cybrief.errors import UsageError, display_path
    from cybrief.schema import schema_reference

    if output is not None:
        _check_output(output, force)
    if brief_id is not None:
        import re

        from cybrief.model import ID_PATTERN

        if not re.match(ID_PATTERN, brief_id):
            raise UsageError(f"--id {brief_id!r}: expected lower-case letters, digits, '.', '_', '-'")
    elif output is not None:
        from cybrief.draft.build import slug

        brief_id = slug(output.stem) or None
    shown = "<stdin>" if article == "-" else display_path(Path(article))
    if article == "-":
        from cybrief.files import max_bytes

        data = check_size(sys.stdin.buffer.read(max_bytes() + 1), shown)
    else:
        data = read_article(Path(article), shown)
    schema = schema_reference(output.parent if output is not None else Path.cwd())
    result = draft_bytes(data, shown, year=year, brief_id=brief_id, schema=schema)
    if output is None:
        sys.stdout.write(result.yaml)
        sys.stdout.flush()
        where = "the draft"
    else:
        from cybrief.files import write_output

        write_output(output, result.yaml.encode("utf-8"), force=force, parents=True)
        where = display_path(output)
    brief = result.brief
    def count(items, word: str) -> str:
        return f"{len(items)} {word}{'' if len(items) == 1 else 's'}"

    _note(
        f"drafted {count(brief.events, 'event')}, {count(brief.delegates, 'delegate')} and "
        f"{count(brief.targets, 'figure')} from {shown} ({result.encoding}); {result.reviews} fields are marked "
        f"for review: `cybrief validate --strict` on {where} lists them"
    )


def _emit_empty(fmt: Format, render) -> None:
    """On no match, machine formats still print a valid empty document (`[]`, a header row); others print nothing."""
    if fmt in (Format.json, Format.csv):
        _emit(fmt, render)


def _only_the_requested_command(args: list[str]) -> None:
    """Register only the command being run, so Typer builds one command's options instead of all of them.

    Typer turns every command's signature into options at start-up, which costs about a millisecond per
    command. When the first word after the global flags names a command, the others are not needed; top-level
    help, completion and unknown commands keep the full set.
    """
    if os.environ.get("_CYBRIEF_COMPLETE"):
        return
    first = next((a for a in args if not a.startswith("-")), None)
    chosen = [c for c in app.registered_commands if (c.name or c.callback.__name__) == first]
    if chosen:
        app.registered_commands = chosen


def main() -> None:
    _only_the_requested_command(sys.argv[1:])
    app(prog_name="cybrief")
