"""Output to stdout, through a pager when it is taller than the terminal it goes to, as git and gh do.

The pager is $CYBRIEF_PAGER, else $PAGER, else `less` with LESS=FRX when LESS is unset (quit if the text
fits one screen, keep colours, leave the text on the screen); an empty value or `cat` means none. It runs
only when stdout is a terminal and --no-pager was not given. No Typer and no Rich here: the quick path
writes its answer with it.
"""

from __future__ import annotations

import os
import sys

PAGER_ENV = "CYBRIEF_PAGER"
DEFAULT_PAGER = "less"
DEFAULT_LESS = "FRX"

disabled = False  # set by --no-pager (cli/argv.py)


def pager_command() -> str | None:
    """The pager to run, or None for none."""
    for name in (PAGER_ENV, "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    from shutil import which

    return DEFAULT_PAGER if which(DEFAULT_PAGER) else None


def screen_lines(text: str, columns: int) -> int:
    """How many rows of a terminal `columns` wide the text fills, long lines wrapping."""
    import re
    import unicodedata

    rows = 0
    for line in re.sub(r"\x1b\[[0-9;]*m", "", text).split("\n"):
        width = len(line) if line.isascii() else sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        rows += max(1, -(-width // max(columns, 1)))
    return rows - (1 if text.endswith("\n") else 0)


def write(text: str) -> None:
    """Write text to stdout: through the pager when stdout is a terminal the text does not fit in."""
    write_all([text])


def write_all(pieces) -> None:
    """Write the pieces of a text to stdout as they come: on a terminal, through the pager once they are taller
    than it (so a long output starts at once in the pager too, and a short one never starts it)."""
    import itertools

    pieces = iter(pieces)
    held: list[str] = []
    if not disabled and sys.stdout.isatty():
        import shutil

        size = shutil.get_terminal_size()
        for piece in pieces:
            held.append(piece)
            if screen_lines("".join(held), size.columns) > size.lines:
                command = pager_command()
                if command is not None and _page(command, held, pieces):
                    return
                break
    for piece in itertools.chain(held, pieces):
        if type(piece) is bytes:
            write_utf8(piece)
        else:
            sys.stdout.write(piece)
    sys.stdout.flush()


def write_utf8(data: bytes) -> None:
    """Text already encoded as UTF-8 (the CSV lines of delegates: library/indexed.py) written to stdout: as it is where
    stdout writes UTF-8 and leaves line ends alone, else decoded and written as text, as any other output is."""
    import codecs

    buffer = getattr(sys.stdout, "buffer", None)
    try:
        utf8 = codecs.lookup(sys.stdout.encoding or "").name == "utf-8"
    except LookupError:
        utf8 = False
    if buffer is None or not utf8 or os.linesep != "\n":
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()  # what was written as text goes first
    buffer.write(data)


def _page(command: str, held: list[str], rest) -> bool:
    """Run the pager on the held pieces and the rest; False if it cannot be started, with every piece it was given
    left in `held` (to be written as usual)."""
    import itertools
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", DEFAULT_LESS)
    env.setdefault("LV", "-c")  # as git: lv keeps colours
    sys.stdout.flush()
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's to handle, as in git
    try:
        try:
            for piece in itertools.chain(list(held), _kept(rest, held)):
                process.stdin.write(piece.encode("utf-8", "surrogateescape"))
                process.stdin.flush()  # the reader sees each piece as it is made
            process.stdin.close()
        except BrokenPipeError:  # the reader quit the pager before the end
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return process.returncode != 127  # the shell found no such pager: the text is written instead


def _kept(pieces, held: list[str]):
    """The pieces, each also added to `held`: if the pager is not found, everything is written as usual."""
    for piece in pieces:
        held.append(piece)
        yield piece
