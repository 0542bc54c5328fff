"""The commands for writing briefs: validate, schema and draft."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cybrief.cli.application import app
from cybrief.cli.options import ForceOpt, LibraryOpt
from cybrief.cli.output import note, refuse_existing
from cybrief.cli.pager import write as page
from cybrief.errors import UsageError


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("validate", short_help="Check brief files: every problem, located.")
def validate_command(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Brief files or folders. Default: the library (see --library).", metavar="PATH...")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Also report fields still marked for review (as `cybrief draft` leaves them), and "
                     "targets and key points without a basis (stated or inferred)."),
    ] = False,
    source: Annotated[
        Optional[Path],
        typer.Option("--source", metavar="FILE",
                     help="The report the brief digests (text, as for draft): each term and figure must occur in it as written."),
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text: one line per problem on stderr; json: an array on stdout."),
    ] = CheckFormat.text,
    library: LibraryOpt = None,
) -> None:
    """Check briefs: every problem in every file at once, with file:line:col and field. Exit 0 clean, 2 otherwise.

    Also checks that brief ids are unique across the files; --strict also reports fields marked for review
    and attributions without a basis; --source checks one brief's terms and figures against its report.

    Example:

        cybrief validate

        cybrief validate drafts/ --strict    # exit 2: what is left to review

        cybrief validate drafts/corridor.yaml --source report.txt

        cybrief validate drafts/ --format json | jq '.[].severity'
    """
    from cybrief.errors import Invalid
    from cybrief.library.validate import validate

    if not paths:
        from cybrief.errors import display_path
        from cybrief.library import brief_files, resolve_library_dir

        root = resolve_library_dir(library)
        if not brief_files(root, unreachable := []) and not unreachable:  # as every command that reads a library says it
            raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")
        paths = [root]
    report = validate(paths, strict=strict, source=_source_text(source, paths) if source is not None else None)
    if fmt is CheckFormat.json:
        from cybrief.cli.failure import to_stdout
        from cybrief.render.json import dumps

        to_stdout(lambda: page(dumps(report.records())))
    if not report.ok:
        raise Invalid(report, listed=fmt is CheckFormat.json)
    note(report.summary())


def _source_text(source: Path, paths: list[Path]) -> tuple[str, str]:
    """The text of --source and its name as shown, read as `draft` reads an article; it belongs to one brief."""
    from cybrief.draft.article import decode_article, read_article
    from cybrief.errors import display_path
    from cybrief.library.validate import expand

    if len(expand(paths)) != 1:
        raise UsageError("--source is the report of one brief: give exactly one brief file")
    shown = display_path(source)
    text, _ = decode_article(read_article(source, shown), shown)
    return text, shown


@app.command("schema", short_help="The brief format as JSON Schema.")
def schema_command() -> None:
    """The brief format as JSON Schema (draft 2020-12), generated from the model the loader uses.

    The same text is in schema/brief.schema.json; editors that use the YAML language server read it from
    the `# yaml-language-server: $schema=...` line at the top of a brief.

    Example:

        cybrief schema > brief.schema.json

        cybrief schema | jq '.["$defs"].Target.properties.qualifier'
    """
    from cybrief.brief.schema import schema_text

    page(schema_text())


@app.command("draft", short_help="A draft brief from a news article, guesses marked for review.")
def draft_command(
    article: Annotated[str, typer.Argument(help="The article: a plain-text file, or - for standard input.", metavar="ARTICLE")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the draft to FILE (default: standard output).", metavar="FILE")
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", min=1949, max=2100, help="Year of the sessions (default: read from the article, or guessed and marked for review).", metavar="YYYY")
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

        cat report.txt | cybrief draft - --year 2026 > draft.yaml

        cybrief draft report.txt -o draft.yaml --force

        cybrief validate --strict draft.yaml    # exit 2: what is left to review
    """
    from cybrief.brief.schema import schema_reference
    from cybrief.draft import draft_bytes
    from cybrief.draft.article import check_size, read_article
    from cybrief.errors import UsageError, display_path

    if output is not None:
        refuse_existing(output, force)
    if brief_id is not None:
        import re

        from cybrief.brief.model import ID_PATTERN

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
        page(result.yaml)
        where = "the draft"
    else:
        from cybrief.files import write_output

        write_output(output, result.yaml.encode("utf-8"), force=force, parents=True)
        where = display_path(output)
    brief = result.brief
    def count(items, word: str) -> str:
        return f"{len(items)} {word}{'' if len(items) == 1 else 's'}"

    for line in result.notes:
        note(line)
    note(
        f"drafted {count(brief.events, 'event')}, {count(brief.delegates, 'delegate')} and "
        f"{count(brief.targets, 'figure')} from {shown} ({result.encoding}); {result.reviews} fields are marked "
        f"for review: `cybrief validate --strict` on {where} lists them"
    )
