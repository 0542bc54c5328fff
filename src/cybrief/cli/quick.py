"""The `cybrief` entry point: a plain `cybrief search` answered from a current index, and a plain `cybrief index` run, at once; anything else by the Typer app.

Typer builds its app and every option before a command runs, and importing it takes longer than a whole
warm search; a search is also what people run most. So when the arguments are those of `cybrief search`
written in their plain forms (`--opt VALUE`, `--opt=VALUE`, `-o VALUE`, flags alone) and the library's
index is current (index.open_checking), this module reads them itself and answers with the functions that
the search command calls, printing exactly what it prints.

Anything else goes to the Typer app (cybrief.cli), untouched: help, completion, another command, an option written another
way or given twice, a value Typer would refuse or convert, --no-cache, an index to build or update, and
every error but "nothing matches". Nothing is printed before the answer is complete, so handing over is
always possible. tests/test_quick.py runs both ways on the same arguments and compares every byte.

`cybrief index` with its options written plainly (`--library DIR`, `--rebuild`) is run here too, by the
function the Typer command calls (cli/indexing_work.py), its errors said by the same mapping: after one
edited brief, importing Typer was a third of the command's time.
"""

from __future__ import annotations

import os
import sys

from cybrief.cli.search_options import FORMAT, LANG, SEARCH

# flag -> (option, the value a flag alone gives): the options of the search command the quick path reads itself
_FLAGS = {flag: (option, True) for option in SEARCH if option.quick for flag in option.flags}
_FLAGS.update({flag: (option, False) for option in SEARCH if option.quick for flag in option.off})


# The cyclic garbage collector runs after every 700 new container objects by default; importing Typer
# and Rich makes tens of thousands of them, none garbage, so a run spent about a tenth of its start-up
# (some 50 collections, 12 ms) collecting next to nothing. A short command is done long before 100,000
# new objects; long ones (an index build, an export) still collect, only less often.
GC_THRESHOLD = 100_000


def main():
    """The console entry point (and `python -m cybrief`)."""
    import gc

    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    from cybrief.cli import argv, pager
    from cybrief.cli.failure import guard_streams, report

    guard_streams()
    try:
        args, pager.disabled = argv.read(sys.argv[1:])  # global options moved after the command; --no-pager
        code = answer(args)
        if code is None:
            code = index_now(args)
        if code is None:
            from cybrief.cli import main as full

            return full()
        return code
    except KeyboardInterrupt as exc:  # while Typer is imported, before its app can report it
        return report(exc)


def answer(args: list[str]) -> int | None:
    """The exit code of a search answered here, or None when the Typer app must run instead (nothing printed yet)."""
    if os.environ.get("_CYBRIEF_COMPLETE") or os.environ.get("CYBRIEF_NO_CACHE", "") not in ("", "0"):
        return None
    options = parse(args)
    if options is None or not _defaults(options):
        return None
    root = library_root(options.pop("library", None))
    if root is None:
        return None
    from cybrief.cli.failure import report

    try:
        work = _prepare(root, options)
    except KeyboardInterrupt as exc:  # Ctrl-C during the search: as the Typer app says it
        return report(exc)
    except Exception:  # an error to report, or a case this module does not know: the Typer app says it as usual
        return None
    if work is None:
        return None
    try:
        return work()
    except (Exception, KeyboardInterrupt) as exc:  # the same mapping as the Typer app's (failure.py)
        return report(exc)


def index_now(args: list[str]) -> int | None:
    """The exit code of `cybrief index` run here, with its options written plainly; None for the Typer app (its help,
    other options, completion). The command's work is the Typer command's (cli/indexing_work.py), errors are said
    by the same mapping (failure.py): only the cost of importing Typer is spared."""
    if os.environ.get("_CYBRIEF_COMPLETE"):
        return None
    from cybrief.cli.indexing_work import build_index, plain_arguments

    options = plain_arguments(args)
    if options is None:
        return None
    from cybrief.cli.failure import report

    try:
        build_index(options["library"], options["rebuild"])
    except (Exception, KeyboardInterrupt) as exc:  # the same mapping as the Typer app's
        return report(exc)
    return 0


def parse(args: list[str]) -> dict | None:
    """The options of `cybrief search` as the search command receives them (by parameter name), or None for
    anything not plainly written."""
    if not args or args[0] != "search":
        return None
    found: dict = {"terms": [], "exclude": [], "scope": []}
    index = 1
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "-" or not arg.startswith("-"):
            found["terms"].append(arg)
            continue
        flag, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if flag not in _FLAGS:
            return None  # --help, --no-cache, "--", -5, -cE, -C10 ...
        option, alone = _FLAGS[flag]
        name = option.param
        if option.value is None:
            if equals or name in found:
                return None
            found[name] = alone
            continue
        if not equals:
            if index == len(args):
                return None
            value = args[index]
            index += 1
        if value == "" or value.startswith("-") or (name in found and not option.repeatable):
            return None
        value = _converted(option, value)
        if value is None:
            return None
        if option.repeatable:
            found[name].append(value)
        else:
            found[name] = value
    if not found["terms"]:
        return None
    return found


def _defaults(options: dict) -> bool:
    """Fill --lang and --format from $CYBRIEF_LANG and $CYBRIEF_FORMAT when not given; False for a value the
    Typer app must refuse."""
    for option, variable in ((LANG, "CYBRIEF_LANG"), (FORMAT, "CYBRIEF_FORMAT")):
        value = os.environ.get(variable)
        if option.param not in options and value:  # Typer reads an empty variable as unset too
            converted = _converted(option, value)
            if converted is None:
                return False
            options[option.param] = converted
    return True


def _converted(option, value: str):
    if isinstance(option.value, tuple):
        folded = value.casefold()
        return folded if folded in option.value else None
    if option.value == "int":
        if not (value.isascii() and value.isdigit()) or int(value) < option.minimum:
            return None
        return int(value)
    return value


def library_root(value: str | None) -> str | None:
    """The resolved library folder, as library.locate_library and Path.resolve give it; None if in doubt."""
    from cybrief.library.location import LIBRARY_ENV, LOCAL, bundled_path, holds_briefs, names_bundled

    if value is None:
        value = os.environ.get(LIBRARY_ENV) or None
    if value is not None and names_bundled(value):
        path = bundled_path()
    elif value is not None:
        path = os.path.expanduser(value)
        if path.startswith("~") or not os.path.exists(path):
            return None  # Path.expanduser raises, or "no such folder": the Typer app reports it
    elif holds_briefs(LOCAL):
        path = LOCAL
    else:
        path = bundled_path()
    return os.path.realpath(path)


def _prepare(root: str, options: dict):
    """A function that prints the finished answer and returns the exit code; None if the index is not current."""
    from cybrief.index.store import open_checking
    from cybrief.search.modes import case_mode
    from cybrief.search.query import Query

    query = Query(
        options["terms"], any=options.get("any_term", False), exclude=options["exclude"], regex=options.get("regex", False),
        pinyin=options.get("pinyin"), word=options.get("word", False),
        case=case_mode(options.get("case_sensitive", False), options.get("ignore_case", False)),
        scopes=options["scope"], lang=options.get("lang", "both"), sector=options.get("sector"),
        delegate=options.get("delegate"), kind=options.get("kind"), brief=options.get("brief"),
    )
    opened = open_checking(root)
    if opened is None:
        return None
    connection, current = opened
    from cybrief.index.query import IndexSource

    try:
        return _from_index(IndexSource(connection), current, query, options)
    finally:
        connection.close()  # the answer is complete: nothing reads the index after this


def _from_index(source, current, query, options: dict):
    """_prepare's answer from an open index; None if the check says the index is not current."""
    from cybrief.render import Format
    from cybrief.search.query import DEFAULT_CONTEXT
    from cybrief.search.run import count, run

    fmt = Format(options.get("fmt", "auto"))
    if options.get("count") and _from_the_index_alone(query):
        counts = count(source, query)  # while the files are checked: its cost is bounded by the index
        if not current() or source.is_empty():
            return None
        return _answer(fmt, lambda r: r.counts(counts), counts.query if not counts.briefs else None)
    if not current() or source.is_empty():  # first: what follows may read every field
        return None
    if options.get("count"):
        counts = count(source, query)
        return _answer(fmt, lambda r: r.counts(counts), counts.query if not counts.briefs else None)
    result = run(source, query, limit=options.get("limit"), context=options.get("context", DEFAULT_CONTEXT))
    more = None
    if result.more:
        more = f"cybrief: showing {len(result.hits)} of {result.total} hits; {result.more} more (raise --limit to see them)\n"
    return _answer(fmt, lambda r: r.search(result), result.query if not result.hits else None, more)


def _from_the_index_alone(query) -> bool:
    """Whether a count of this query is looked up in the index alone (search.count): no regex, no pinyin, no
    filter that needs a record's facts, nothing the matcher must verify. Only such work may run before the
    files are known to be unchanged."""
    return (not query.regex and not query.has_record_filters and not query.verified and query.pinyin is not True
            and not query.pinyin_terms())


def _answer(fmt, render, unmatched: str | None, note: str | None = None):
    """What the search command prints: its emit, or on no match (`unmatched` is the query) its emit_empty and message."""
    from cybrief.render import Format, renderer, resolve

    terminal = sys.stdout.isatty()
    concrete = resolve(fmt, terminal)
    shown = unmatched is None or fmt in (Format.json, Format.csv)
    output = render(renderer(concrete)) if shown else None
    if shown and terminal and concrete is Format.csv:
        from cybrief.safety import (
            visible_lines,  # exact CSV in a file; on a terminal, controls made visible
        )

        output = visible_lines(output)
    message = None
    if unmatched is not None:
        from cybrief.safety import one_line

        message = "cybrief: " + one_line(f"nothing matches {unmatched!r}") + "\n"

    def write() -> int:
        from cybrief.cli.failure import to_stdout

        if output is not None:
            from cybrief.cli.pager import write as out

            if concrete is Format.table:
                from cybrief.cli.output import shown  # as emit lays a table out

                text = "".join(shown(concrete, output, terminal))
            else:
                text = output
            to_stdout(lambda: out(text))
        if message is not None:
            sys.stderr.write(message)
            return 1
        if note is not None:
            sys.stderr.write(note)
        return 0

    return write
