"""The commands about figures: figure, chart, export and report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.cli import search_options as S
from cybrief.cli.application import app
from cybrief.cli.lookup import filtered_targets, open_library_of
from cybrief.cli.options import (
    BomOpt, BriefOpt, DelegateOpt, DraftsOpt, ExportFormat, ForceOpt, FormatOpt, HorizonOpt, KindOpt, Lang, LangOpt,
    LibraryOpt, MaxOpt, MinOpt, ReportFormat, SectorOpt, StrictOpt, Theme, UnitOpt,
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
    png: Annotated[Optional[Path], typer.Option("--png", help="Save the chart as a PNG image (needs: pip install 'cybrief[png]').", metavar="FILE")] = None,
    theme: Annotated[Theme, typer.Option("--theme", case_sensitive=False, help="Colours of a saved image: light (white background) or dark.")] = Theme.light,
    force: ForceOpt = False,
    fmt: FormatOpt = Format.auto,
    bom: BomOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """A horizontal bar chart of the figures, labelled with delegate and metric; --svg or --png saves it as an image.

    Takes the filters of `targets`. On a terminal, one chart per unit: approximate figures shaded, open-ended ones end in ▶ or ◀.

    As an image, one panel per unit and kind of quantity (totals, per-capita figures and shares each on their own axis), ticks in the unit's magnitude (亿元, CNY bn), a log axis when a panel spans more than two orders of magnitude, the filters and the source in the caption.

    Example:

        cybrief chart --sector investment

        cybrief chart --unit 元 --lang en

        cybrief chart --sector investment --svg investment.svg

        cybrief chart --lang en --theme dark --png figures.png
    """
    from cybrief.render import comparisons

    for path in (svg, png):
        if path is not None:
            refuse_existing(path, force)
    lib = open_library_of(library, brief, strict, drafts)
    refs, nothing = filtered_targets(lib, sector, delegate, kind, horizon, unit, least, most)
    if svg is not None or png is not None:
        if not refs:
            raise nothing
        from cybrief.render.panels import briefs_of, caption, panels
        from cybrief.render.svgchart import render

        filters = {"brief": brief, "sector": sector, "delegate": delegate, "kind": kind.value if kind else None,
                   "horizon": horizon, "unit": unit, "min": least, "max": most}
        image = render(panels(refs, lang.value), caption(briefs_of(refs), filters, lang.value), theme=theme.value)
        if png is not None:
            from cybrief.render.png import png_bytes

            data = png_bytes(image)
            write_file(png, data, force)
        if svg is not None:
            write_file(svg, image.encode("utf-8"), force)
        return
    series = comparisons.chart(refs, lang.value)
    legend = comparisons.legend(lang.value)
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
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file, or into this folder (an existing one, or a path ending in /) with its charts beside it.", metavar="PATH")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", case_sensitive=False, help="markdown: GitHub-flavoured Markdown; html: one self-contained page with the charts inline.")] = ReportFormat.markdown,
    force: ForceOpt = False,
    lang: LangOpt = Lang.both,
    brief: BriefOpt = None,
    library: LibraryOpt = None,
    strict: StrictOpt = False,
    drafts: DraftsOpt = True,
) -> None:
    """A complete briefing: source, events, each delegate with key points, terms and figures, sectors, charts, every figure.

    Markdown by default (pandoc turns it into a Word document or a PDF); `--format html` is one page that opens offline in any browser and prints to A4.

    With `-o FOLDER/`, Markdown goes to FOLDER/briefing.md with one SVG chart per brief beside it and linked; HTML to FOLDER/briefing.html.

    Example:

        cybrief report --brief chongqing-2026-03-chengyu -o briefing.md

        cybrief report --format html -o briefing.html

        cybrief report -o briefing/

        cybrief report --lang en | pandoc -f gfm -o briefing.docx
    """
    from cybrief.render.report import report as make_report

    # a str, not a Path: Path("out/") drops the slash that says a folder is meant
    folder = output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep)))
    if folder:
        _report_folder(Path(output), fmt, force, lang.value, open_library_of(library, brief, strict, drafts))
        return
    output = Path(output) if output is not None else None
    if output is not None:
        refuse_existing(output, force)
    lib = open_library_of(library, brief, strict, drafts)
    if fmt is ReportFormat.html:
        from cybrief.render.html import page as html_page

        text = html_page(lib, lang.value)
    else:
        text = make_report(lib, lang.value)
    if output is None:
        page(text)
        return
    write_file(output, text.encode("utf-8"), force)


def _report_folder(folder: Path, fmt: ReportFormat, force: bool, lang: str, lib) -> None:
    """The report in a folder: briefing.html, or briefing.md with each brief's chart as an SVG file beside it.

    Each file is refused if it exists (without --force) before any is written, and each is written atomically.
    """
    files: dict[str, bytes] = {}
    if fmt is ReportFormat.html:
        from cybrief.render.html import page as html_page

        files["briefing.html"] = html_page(lib, lang).encode("utf-8")
    else:
        from cybrief.render.panels import caption, panels
        from cybrief.render.svgchart import render
        from cybrief.render.report import report as make_report

        charts = {}
        for b in lib.briefs:
            refs = lib.only(b.id).targets()
            if refs:
                charts[b.id] = f"{b.id}.svg"
                files[charts[b.id]] = render(panels(refs, lang), caption([b], {}, lang)).encode("utf-8")
        files = {"briefing.md": make_report(lib, lang, charts).encode("utf-8"), **files}
    for name in files:
        refuse_existing(folder / name, force)
    for name, data in files.items():
        write_file(folder / name, data, force)
