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
    """Render with the renderer for `fmt` and write to stdout; a table goes through a Rich console."""
    from cybrief.render import renderer, resolve

    terminal = sys.stdout.isatty()
    concrete = resolve(fmt, terminal)
    output = render(renderer(concrete))
    _WRITTEN[0] += 1
    if concrete is Format.table:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=False)
        if not hasattr(output, "pieces"):
            console.print(output)
            return
        for piece in output.pieces(console.width):  # a long table, written as it is laid out
            if isinstance(piece, str):
                sys.stdout.write(piece)
            else:
                console.print(piece)
        sys.stdout.flush()
        return
    for piece in [output] if isinstance(output, str) else output:  # a long output comes in pieces, written as made
        if terminal and concrete is Format.csv:  # exact CSV in a file; on a terminal, controls made visible
            from cybrief.safety import visible_lines

            piece = visible_lines(piece)
        sys.stdout.write(piece)
    sys.stdout.flush()


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
