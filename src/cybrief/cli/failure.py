"""Every error turned into one line on stderr and an exit code: the one mapping, for the app and the quick path.

application.py (the Typer app) and quick.py (a search answered before Typer is imported) both hand what
went wrong to `report`, so a run says the same whichever path answered it. Free of Typer and Rich: the
quick path must not pay for them.
"""

from __future__ import annotations

import os
import sys

from cybrief.errors import CybriefError, ExitCode, NoMatch, WriteError

INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command ended by Ctrl-C
BROKEN_PIPE = 1  # the reader went away (`| head`): as Click says it


def report(exc: BaseException) -> int:
    """Write what `exc` means on stderr, one line each, and return the exit code.

    cybrief's errors print their lines (2 for bad input, 1 for no match); Ctrl-C is "interrupted" (130);
    a reader that went away is silence (1); anything else is a bug (3), re-raised with CYBRIEF_DEBUG set.
    """
    from cybrief.safety import one_line  # messages quote the data: never let it act on the terminal

    if isinstance(exc, CybriefError):
        prefix = "cybrief: " if isinstance(exc, NoMatch) else "cybrief: error: "
        _say("".join(prefix + one_line(line) + "\n" for line in exc.lines()))
        return int(exc.exit_code)
    if isinstance(exc, KeyboardInterrupt):
        _say("cybrief: interrupted\n")
        return INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        quiet_stdout()
        return BROKEN_PIPE
    if os.environ.get("CYBRIEF_DEBUG"):
        raise exc
    _say(f"cybrief: internal error: {type(exc).__name__}: {one_line(str(exc))} (CYBRIEF_DEBUG=1 shows the traceback)\n")
    return int(ExitCode.INTERNAL)


def stdout_writable() -> None:
    """WriteError if there is no standard output to write to (the shell closed it: `>&-`)."""
    if sys.stdout is None:
        raise WriteError("standard output is closed; nothing can be printed")


def to_stdout(write) -> None:
    """Run write(), which prints the output, and flush it: a device that refuses it (full, gone) is a
    WriteError of one line, a reader that went away a BrokenPipeError."""
    stdout_writable()
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteError(f"standard output: cannot write: {exc.strerror or exc}") from None


def guard_streams() -> None:
    """Give a closed standard stream (`>&-`, `2>&-`) /dev/null, so that no file cybrief opens (an index, an
    output) takes its number and receives what was meant for the terminal. A closed stdout stays None,
    so that a command with something to print says so (stdout_writable); a closed stderr writes nowhere."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the life of the process


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush finds no closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


def _say(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # stderr closed or full: there is nowhere left to say it
        pass
