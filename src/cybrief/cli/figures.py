"""The commands about figures: figure, chart, export and report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.cli import search_options as S
from cybrief.cli.application import app
from cybrief.cli.lookup import filtered_targets, open_library_of
from cybrief.cli.options import (
    BomOpt,
    BriefOpt,
    DelegateOpt,
    ExportFormat,
    ForceOpt,
    FormatOpt,
    HorizonOpt,
    KindOpt,
    Lang,
    LangOpt,
    LibraryOpt,
    DraftsOpt,
    StrictOpt,
    MaxOpt,
    MinOpt,
    SectorOpt,
    UnitOpt,
)
from cybrief.cli.output import emit, emit_empty, refuse_existing, write_file, wrote
from cybrief.cli.pager import write as page
from cybrief.errors import Several
from cybrief.render import Format


@app.command(short_help="What a Chinese figure reads as: value, unit, qualifier.")
def figure(
    texts: Annotated[list[str], typer.Argument(help="Figures as a report writes them: 近400万辆, 超1000亿元, 三分之一 ...", metavar="TEXT...")],
    fmt: FormatOpt = Format.auto,
    bom: BomOpt = False,
    lang: Annotated[
        Lang,
        typer.Option(*S.LANG.flags, case_sensitive=False, envvar="CYBRIEF_LANG", show_default=False, show_envvar=False,
                     help="Write each figure back in Chinese (zh), English (en) or both, with labels to match; "
                     "default $CYBRIEF_LANG, else both."),
    ] = Lang.both,
) -> None:
    """What each figure reads as: value, unit and qualifier, and the figure written back in Chinese and English.

    Text that is not a figure is reported on stderr (exit 2), never guessed at.

    Example:

        cybrief figure 近400万辆 超1000亿元 1500余家 20%以上

        cybrief figure 三分之一 每9台汽车就有1台 3至5个 --format json

        cybrief figure 16.4亿 --lang en
    """
    from cybrief.errors import FigureError
    from cybrief.figures.quantity import parse_figure
    from cybrief.render.comparisons import figures_listing

    parsed, errors = [], []
    for text in texts:
        try:
            parsed.append(parse_figure(text))
        except FigureError as exc:
            errors.append(exc)
    listing = figures_listing(parsed, lang.value)
    if parsed or fmt in (Format.json, Format.csv):
        emit(fmt, lambda r: r.listing(listing))
    if errors:
        raise Several(errors)


@app.command(short_help="The figures as bar charts, one per unit; --svg saves one.")
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
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """A horizontal bar chart of the figures, one chart per unit, labelled with delegate and metric.

    Takes the filters of `targets`. Approximate figures are shaded, open-ended ones end in ▶ or ◀.

    Example:

        cybrief chart --sector investment

        cybrief chart --unit 元 --lang en

        cybrief chart --sector investment --svg investment.svg
    """
    from cybrief.render import comparisons

    if svg is not None:
        refuse_existing(svg, force)
    lib = open_library_of(library, brief, strict, drafts)
    refs, nothing = filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most)
    series = comparisons.chart(refs, lang.value)
    legend = comparisons.legend(lang.value)
    if svg is not None:
        if not refs:
            raise nothing
        from cybrief.render.chart import BarChart
        from cybrief.render.chart import svg as to_svg

        write_file(svg, to_svg(BarChart(series, legend), "cybrief chart").encode("utf-8"), force)
        return
    if not refs:
        emit_empty(fmt, lambda r: r.chart(series, legend))
        raise nothing
    emit(fmt, lambda r: r.chart(series, legend))


@app.command(short_help="The library as SQLite, JSON or CSV tables.")
def export(
    to: Annotated[ExportFormat, typer.Option("--to", "-t", case_sensitive=False, help="sqlite: one database file; json: one file; csv: a folder with one file per table.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file (sqlite, json) or folder (csv) to write.", metavar="PATH")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file, or a folder holding only a previous CSV export.")
    ] = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="CSV files that Excel opens with their Chinese intact: a byte-order mark first.")
    ] = False,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """The library as tables: briefs, events, sectors, delegates and targets, with keys and a full-text index.

    The SQLite database is ready for `datasette PATH` and `sqlite-utils`; its targets table has the columns of
    `cybrief targets --format json`.

    Example:

        cybrief export --to sqlite -o briefs.db

        cybrief export --to csv -o tables/ --brief chongqing-2026-03-chengyu

        cybrief export --to json -o briefs.json --force
    """
    from cybrief.render.export import export as run_export

    lib = open_library_of(library, brief, strict, drafts)
    run_export(lib, to.value, output, force=force, bom=bom)
    wrote(output)


@app.command(short_help="A complete briefing in Markdown, ready for pandoc.")
def report(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.", metavar="FILE")] = None,
    force: ForceOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """A complete briefing in GitHub-flavoured Markdown: source, events, each delegate, sectors and every figure.

    Pandoc turns it into a Word document or a PDF.

    Example:

        cybrief report --brief chongqing-2026-03-chengyu -o briefing.md

        cybrief report --lang en | pandoc -f gfm -o briefing.docx

        cybrief report --lang zh -o 简报.md --force
    """
    from cybrief.render.report import report as make_report

    if output is not None:
        refuse_existing(output, force)
    text = make_report(open_library_of(library, brief, strict, drafts), lang.value)
    if output is None:
        page(text)
        return
    write_file(output, text.encode("utf-8"), force)
