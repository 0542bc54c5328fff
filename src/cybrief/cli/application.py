"""The Typer app and its entry point: errors turned into one line and an exit code, in one place."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from typer.core import TyperGroup

from cybrief import __version__
from cybrief.errors import CybriefError, ExitCode, NoMatch


class _Group(TyperGroup):
    """Turns every error into one line on stderr and its exit code: the one place that does.

    cybrief's own errors (CybriefError) print their lines; usage errors that the option parser finds (an
    unknown option, a value outside its choices) print one line too, instead of a framed box.
    """

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as exc:  # the option parser's usage errors (public base of its exceptions)
            if type(exc).__name__ == "NoArgsIsHelpError":  # `cybrief` alone: the help, and exit 2
                sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
            else:
                sys.stderr.write(f"cybrief: error: {_usage_message(exc)}\n")
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write("cybrief: aborted\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CybriefError as exc:
            from cybrief.safety import (
                one_line,  # messages quote the data: never let it act on the terminal
            )

            prefix = "cybrief: " if isinstance(exc, NoMatch) else "cybrief: error: "
            for line in exc.lines():
                sys.stderr.write(prefix + one_line(line) + "\n")
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: one line, and the traceback only on request
            if os.environ.get("CYBRIEF_DEBUG"):
                raise
            from cybrief.safety import one_line

            sys.stderr.write(f"cybrief: internal error: {type(exc).__name__}: {one_line(str(exc))} (CYBRIEF_DEBUG=1 shows the traceback)\n")
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


app = typer.Typer(
    cls=_Group,
    name="cybrief",
    help="Briefs of Chinese policy press conferences: who spoke, what they said, which figures and goals.\n\n"
    "Run `cybrief COMMAND --help` for a command's options and examples.\n\n"
    "Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 nothing matched, 2 usage or input error, "
    "3 internal error.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Help as plain text, wrapped to the terminal: Typer's Rich help imports Rich's Markdown and traceback
    # modules (with markdown-it), which made `cybrief --help` take 16x a bare `python -c pass`; plain, 8x.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},  # wider terminals: up to 120
)


def _usage_message(exc: typer.TyperException) -> str:
    """A parser's usage error on one line, with where to find help: no such option: --bogus (see cybrief targets -h)."""
    from cybrief.safety import one_line

    possible = getattr(exc, "possibilities", None)
    text = f"{getattr(exc, 'message', exc.format_message())}; possible options: {', '.join(sorted(possible))}" if possible else exc.format_message()
    text = text.strip().rstrip(".")
    text = text[:1].lower() + text[1:] if text[:2].isalpha() and not text[:2].isupper() else text
    context = getattr(exc, "ctx", None)
    where = f" (see {context.command_path} -h)" if context is not None else ""
    return one_line(text) + where


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cybrief {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """The options of cybrief itself; its help is the app's."""


def _only_the_requested_command(args: list[str]) -> None:
    """Register only the command being run, so Typer builds one command's options instead of all of them.

    Typer turns every command's signature into options at start-up, which costs about a millisecond per
    command. When the first word after the global flags names a command, the others are not needed; top-level
    help, completion and unknown commands keep the full set.
    """
    if os.environ.get("_CYBRIEF_COMPLETE"):
        return
    first = next((a for a in args if not a.startswith("-")), None)
    chosen = [c for c in app.registered_commands if (c.name or c.callback.__name__) == first]
    if chosen:
        app.registered_commands = chosen


def main() -> None:
    _only_the_requested_command(sys.argv[1:])
    app(prog_name="cybrief")
