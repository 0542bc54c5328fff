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
    if not disabled and text and sys.stdout.isatty():
        import shutil

        size = shutil.get_terminal_size()
        command = pager_command() if screen_lines(text, size.columns) > size.lines else None
        if command is not None and _page(command, text):
            return
    sys.stdout.write(text)
    sys.stdout.flush()


def _page(command: str, text: str) -> bool:
    """Run the pager on the text; False if it cannot be started (the text is then written as usual)."""
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
            process.stdin.write(text.encode("utf-8", "surrogateescape"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit the pager before the end
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return process.returncode != 127  # the shell found no such pager: the text is written instead
