"""What the commands write: rendered output on stdout, notes and progress on stderr, files the user names."""

from __future__ import annotations

import sys
from pathlib import Path

from cybrief.render import Format


_WRITTEN = [0]  # outputs emitted so far (see written)


def written() -> int:
    """How many outputs emit has begun to write: a command that must start over knows whether it still can."""
    return _WRITTEN[0]


def emit(fmt: Format, render) -> None:
    """Render with the renderer for `fmt` and write to stdout piece by piece as it is made (a long output starts at
    once), on a terminal through the pager when it is taller than the terminal."""
    from cybrief.cli import pager
    from cybrief.cli.failure import stdout_writable, to_stdout
    from cybrief.render import renderer, resolve

    stdout_writable()
    terminal = sys.stdout.isatty()
    concrete = resolve(fmt, terminal)
    output = render(renderer(concrete))
    _WRITTEN[0] += 1
    to_stdout(lambda: pager.write_all(shown(concrete, output, terminal)))


def is_csv(fmt: Format) -> bool:
    """Whether the output of `fmt` is CSV (--format csv, or auto as it resolves here)."""
    from cybrief.render import resolve

    return resolve(fmt, sys.stdout.isatty()) is Format.csv


def emit_rows(fmt: Format, lib, kind: str) -> bool:
    """Every target or delegate (kind) of lib written as CSV from the lines the library has made already
    (Library.csv_lines), when the output is CSV; False, and nothing written, otherwise or when there is none."""
    from itertools import chain

    from cybrief.brief.records import DELEGATE_COLUMNS, TARGET_COLUMNS

    if not is_csv(fmt):
        return False
    lines = lib.csv_lines(kind)
    first = next(lines, None)
    if first is None:
        return False
    columns = TARGET_COLUMNS if kind == "targets" else DELEGATE_COLUMNS
    emit(fmt, lambda r: r.lines(columns, chain([first], lines)))
    return True


def shown(concrete: Format, output, terminal: bool):
    """A renderer's output as the pieces of text to write, made one by one: a table laid out by a Rich console for
    this terminal; CSV with a byte-order mark under --bom, and on a terminal with its control characters made
    visible (exact in a file)."""
    if concrete is Format.table:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=False)
        for piece in output.pieces(console.width) if hasattr(output, "pieces") else [output]:
            if isinstance(piece, str):  # already laid out
                yield piece
                continue
            with console.capture() as captured:
                console.print(piece)
            yield captured.get()
        return
    if BOM and concrete is Format.csv:
        from cybrief.render.csv import BYTE_ORDER_MARK

        yield BYTE_ORDER_MARK
    for piece in [output] if isinstance(output, str) else output:
        if terminal and concrete is Format.csv:
            from cybrief.safety import visible_lines

            piece = visible_lines(piece.decode("utf-8") if type(piece) is bytes else piece)
        yield piece  # text, or CSV lines already in UTF-8 (pager.write_all writes them as they are)


BOM = False  # --bom: CSV starts with a byte-order mark (options.BomOpt)


# The problems of brief files a command left out (open_library's `skipped`): reported after its output, once
# per file, and the command then exits 2 (application.py).
SKIPPED: list = []


def skipped(problems) -> None:
    """Note brief files left out because they cannot be loaded, to report when the command is done."""
    SKIPPED.extend(problems)


def skipped_lines(problems) -> list[str]:
    """One line per file left out: its first problem, how many more it has, and a last line saying what was done."""
    by_file: dict[str, list] = {}
    for problem in problems:
        listed = by_file.setdefault(problem.path, [])
        if str(problem) not in map(str, listed):
            listed.append(problem)
    lines = []
    for found in by_file.values():
        more = len(found) - 1
        lines.append(str(found[0]) + (f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else ""))
    files = len(by_file)
    lines.append(f"left out {files} brief file{'s' if files > 1 else ''} that cannot be loaded "
                 f"(`cybrief validate` lists every problem; with --strict nothing is shown instead)")
    return lines


class ProgressBar:
    """A Rich progress bar on stderr, shown once there are more than `least` briefs to read."""

    def __init__(self, least: int = 0):
        self.progress = self.task = None
        self.least = least

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if total <= self.least:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

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


def progress_if_terminal():
    """Progress while a search builds the index: on a terminal only, so that logs stay clean."""
    return ProgressBar(SEARCH_PROGRESS_LEAST) if sys.stderr.isatty() else None


def refuse_existing(path: Path, force: bool) -> None:
    """Refuse an output file that --force would be needed for before doing the work (write_output checks again)."""
    from cybrief.files import check_output

    check_output(path, force=force)


def write_file(path: Path, data: bytes, force: bool) -> None:
    """Write an output file the user named: atomically, never over one without --force; say so on stderr."""
    from cybrief.files import write_output

    write_output(path, data, force=force, parents=True)
    wrote(path)


def wrote(path: Path) -> None:
    from cybrief.errors import display_path

    note(f"wrote {display_path(path)}")


def note(text: str) -> None:
    """A message on stderr, on one line and with any control character in it (a path, a name) made visible."""
    from cybrief.safety import one_line

    sys.stderr.write(f"cybrief: {one_line(text)}\n")


def emit_empty(fmt: Format, render) -> None:
    """On no match, machine formats still print a valid empty document (`[]`, a header row); others print nothing."""
    if fmt in (Format.json, Format.csv):
        emit(fmt, render)
