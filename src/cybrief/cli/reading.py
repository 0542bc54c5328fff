"""The commands that read a library: delegates, targets, search and briefs."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from cybrief.cli import search_options as S
from cybrief.cli.application import app
from cybrief.cli.lookup import filtered_targets, listed, open_library_of
from cybrief.cli.options import (
    BomOpt,
    BriefOpt,
    DelegateOpt,
    FacetField,
    FormatOpt,
    GroupKey,
    HorizonOpt,
    KindOpt,
    Lang,
    LangOpt,
    LibraryOpt,
    DraftsOpt,
    StrictOpt,
    MaxOpt,
    MinOpt,
    Scope,
    SearchSectorOpt,
    SectorOpt,
    SortKey,
    UnitOpt,
    complete_delegate,
)
from cybrief.cli.output import emit, emit_empty, emit_rows, is_csv, note, progress_if_terminal, skipped
from cybrief.errors import BriefError, CybriefError, NoMatch, UsageError
from cybrief.render import Format


@app.command(short_help="Who spoke: role, event and a summary of each delegate; one in full.")
def delegates(
    name: Annotated[
        Optional[str],
        typer.Argument(help="A delegate's Chinese name, English name or id: show them in detail.", metavar="NAME",
                       autocompletion=complete_delegate),
    ] = None,
    fmt: FormatOpt = Format.auto,
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """Who spoke: name, role, event and summary of each delegate; with NAME, one delegate in full.

    Example:

        cybrief delegates

        cybrief delegates 刘勇

        cybrief delegates "Wang Zhijie" --lang en

        cybrief delegates --format json | jq '.[].name'
    """
    listed(library, brief, lambda lib: _delegates(lib, name, fmt, lang), strict, drafts)


def _delegates(lib, name, fmt, lang) -> None:
    from cybrief import render
    from cybrief.render import views

    if name is None:
        if emit_rows(fmt, lib, "delegates"):  # CSV: the lines as made when the briefs were indexed
            return
        listing = views.delegates_listing(lib.delegates(), lib, lang.value)
        emit(fmt, lambda r: render.listing(r, listing))  # a long one is written as it is made
        return
    try:
        refs = lib.find_delegates(name)
    except NoMatch:
        emit_empty(fmt, lambda r: r.details([]))
        raise
    details = [views.delegate_detail(ref, lib, lang.value) for ref in refs]
    emit(fmt, lambda r: r.details(details))


@app.command(short_help="The figures and goals announced, with filters, sorting and facets.")
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
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
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
    if facet and group_by:
        raise UsageError("--facet and --group-by do not combine; use one")
    filters = (sector, delegate, kind, horizon, unit, least, most)
    listed(library, brief, lambda lib: _targets(lib, fmt, lang, filters, sort, reverse, group_by, facet), strict, drafts)


def _targets(lib, fmt, lang, filters, sort, reverse, group_by, facet) -> None:
    every = not any(f is not None for f in filters)
    if every and sort is None and not facet and group_by is None:
        if emit_rows(fmt, lib, "targets"):  # every target as CSV: the lines as made when the briefs were indexed
            return
    asked = dict(sort=sort, reverse=reverse, group_by=group_by, facet=facet)
    if every and (facet or is_csv(fmt)) and (sort is not None or facet or group_by is not None):
        import gc

        collecting = gc.isenabled()
        gc.disable()  # none of the many references is garbage: what makes, sorts, counts or writes them would walk them
        try:  # every target as its stored facts and CSV line; ordering and grouping read no metric or figure
            copied = lib.target_facts(texts=bool(facet))
            if copied:
                _listed(lib, fmt, lang, copied, None, copied=True, **asked)
                return
        finally:
            if collecting:
                gc.enable()
    refs, nothing = filtered_targets(lib, *filters)
    _listed(lib, fmt, lang, refs, nothing, copied=False, **asked)


def _listed(lib, fmt, lang, refs, nothing, *, copied, sort, reverse, group_by, facet) -> None:
    """Write the targets (`copied`: stored facts and lines, library.FactRef), ordered, grouped or counted as asked;
    `nothing`, the error that says why there are none."""
    from cybrief import render as rendering
    from cybrief.render import views

    if sort is not None or facet or group_by is not None:
        from cybrief.figures import (
            compare,  # only when asked for: it loads the figure parser
        )
        from cybrief.render import comparisons
    if sort is not None:
        refs, caveat = compare.sort_refs(refs, sort.value, reverse)
        if caveat and refs:
            note(f"note: {caveat}")
    if facet:
        listing = comparisons.facets(refs, [f.value for f in facet], lib, lang.value)
        render = lambda r: r.listing(listing)  # noqa: E731
    elif copied and group_by is not None:  # the stored lines, each after its group's cell
        render = lambda r: r.lines(views.GROUP_COLUMNS, comparisons.group_lines(refs, group_by.value))  # noqa: E731
    elif group_by is not None:
        sections = comparisons.group(refs, group_by.value, lib, lang.value)
        render = lambda r: r.sections(sections)  # noqa: E731
    elif copied:  # the stored lines, in order
        from operator import attrgetter

        render = lambda r: r.lines(views.TARGET_COLUMNS, map(attrgetter("csv"), refs))  # noqa: E731
    else:
        listing = views.targets_listing(refs, lib, lang.value)
        render = lambda r: rendering.listing(r, listing)  # noqa: E731 - a long one is written as it is made
    if not refs:
        emit_empty(fmt, render)
        raise nothing
    emit(fmt, render)


@app.command(short_help="Find terms in every text of every brief, best hits first.")
def search(
    terms: Annotated[
        list[str],
        typer.Argument(help="Terms to find, all in one record (--any: one of them). Quote a phrase to keep its spaces.",
                       metavar="TERM..."),
    ],
    any_term: Annotated[bool, typer.Option(*S.ANY.flags, help="Records holding any of the terms, not all.")] = False,
    exclude: Annotated[
        Optional[list[str]], typer.Option(*S.EXCLUDE.flags, help="Drop records holding this term (repeatable).", metavar="TERM")
    ] = None,
    regex: Annotated[
        bool, typer.Option(*S.REGEX.flags, help="Terms are regular expressions, matched on normalized text.")
    ] = False,
    case_sensitive: Annotated[
        bool, typer.Option(*S.CASE_SENSITIVE.flags, help="Match case exactly. Default: smart case, as ripgrep's -S.")
    ] = False,
    ignore_case: Annotated[
        bool, typer.Option(*S.IGNORE_CASE.flags, help="Ignore case, also in terms with upper-case letters.")
    ] = False,
    word: Annotated[
        bool, typer.Option(*S.WORD.flags, help="Whole words: Latin terms only at word boundaries (Chinese as without it).")
    ] = False,
    pinyin: Annotated[
        Optional[bool],
        typer.Option(f"{S.PINYIN.flags[0]}/{S.PINYIN.off[0]}",
                     help="Also match Chinese by the pinyin of a Latin term (tegaoya, tgy). Default: when nothing else matches."),
    ] = None,
    scope: Annotated[
        Optional[list[Scope]],
        typer.Option(*S.SCOPE.flags, case_sensitive=False, help="Only these records: delegates, targets, events (repeatable)."),
    ] = None,
    sector: SearchSectorOpt = None,
    delegate: DelegateOpt = None,
    kind: KindOpt = None,
    context: Annotated[
        int, typer.Option(*S.CONTEXT.flags, min=S.CONTEXT.minimum, metavar="N", help="Characters of text shown around a match.")
    ] = 30,  # search.query.DEFAULT_CONTEXT, which the quick path uses (tests/test_quick.py keeps them equal)
    count: Annotated[bool, typer.Option(*S.COUNT.flags, help="Only the number of hits per brief, and the total.")] = False,
    limit: Annotated[
        Optional[int], typer.Option(*S.LIMIT.flags, min=S.LIMIT.minimum, metavar="N", help="Show the N best hits and say how many more.")
    ] = None,
    no_cache: Annotated[bool, typer.Option(*S.NO_CACHE.flags, help="Read the brief files; do not use or update the index.")] = False,
    fmt: FormatOpt = Format.auto,
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Find terms in every text of every brief, best hits first: traditional or simplified, full-width or not, pinyin.

    Terms are matched after normalization (NFKC, traditional -> simplified), so 特高壓 finds 特高压 and ＡＩ
    finds AI. Smart case as in ripgrep: a term with an upper-case letter matches its case (AI is not the ai of
    said), an all-lower-case one ignores it; -s and -i decide instead, -w keeps whole words. A Latin term that
    matches nothing is tried as pinyin: tegaoya and tgy find 特高压. --lang sets the labels; every field is
    searched.

    Example:

        cybrief search 特高压

        cybrief search AI

        cybrief search ai -w

        cybrief search 人工智能 算力 --in delegates

        cybrief search 汽车 芯片 --any --exclude 新能源 --limit 5

        cybrief search '算力.{0,4}(建设|基础)' --regex -C 10

        cybrief search tegaoya --format json | jq '.[] | [.delegate_name, .match]'

        cybrief search 电网 --count
    """
    from cybrief.library.searching import LibrarySearch
    from cybrief.search.modes import case_mode
    from cybrief.search.query import Query

    query = Query(
        terms, any=any_term, exclude=exclude or (), regex=regex, pinyin=pinyin, word=word,
        case=case_mode(case_sensitive, ignore_case),
        scopes=[s.value for s in scope or ()], lang=lang.value, sector=sector, delegate=delegate,
        kind=kind.value if kind else None, brief=brief,
    )
    progress = progress_if_terminal()
    searcher = LibrarySearch(library, use_index=not no_cache, progress=progress, strict=strict)
    try:
        if count:
            counts = searcher.count(query)
        else:
            result = searcher.search(query, limit=limit, context=context)
    except CybriefError as exc:
        if not isinstance(exc, BriefError):  # a BriefError lists them already
            skipped(searcher.skipped or ())  # an unknown --brief may be one of the files left out
        raise
    finally:
        if progress is not None:
            progress.close()
    if brief is None:  # with --brief, only that brief needs to load
        skipped(searcher.skipped or ())
    if count:
        if not counts.briefs:
            emit_empty(fmt, lambda r: r.counts(counts))
            raise NoMatch(f"nothing matches {counts.query!r}")
        emit(fmt, lambda r: r.counts(counts))
        return
    if not result.hits:
        emit_empty(fmt, lambda r: r.search(result))
        raise NoMatch(f"nothing matches {result.query!r}")
    emit(fmt, lambda r: r.search(result))
    if result.more:
        note(f"showing {len(result.hits)} of {result.total} hits; {result.more} more (raise --limit to see them)")


@app.command(short_help="The briefs in the library, and which library it is.")
def briefs(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say which library is in use and why, also when piped.")
    ] = False,
    fmt: FormatOpt = Format.auto,
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """The briefs in the library: id, title, date, how many delegates and targets, and the file.

    Example:

        cybrief briefs

        cybrief briefs --format json | jq '.[].path'

        cybrief briefs --library bundled
    """
    from cybrief.render import views

    from cybrief.errors import display_path

    lib = open_library_of(library, brief, strict, drafts)
    if sys.stdout.isatty() or verbose:  # for the person reading; a pipe gets only the data
        note(f"library {display_path(lib.location.path)} ({lib.location.reason})")
    listing = views.briefs_listing(lib, lang.value)
    emit(fmt, lambda r: r.listing(listing))
