"""The Typer app and its entry point: errors turned into one line and an exit code, in one place."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from cybrief import __version__
from cybrief.cli import helptext
from cybrief.cli.completion import script
from cybrief.cli.failure import report
from cybrief.errors import CybriefError, ExitCode


class _Group(TyperGroup):
    """Turns every error into one line on stderr and its exit code, through the one mapping (failure.report).

    cybrief's own errors (CybriefError) print their lines; usage errors that the option parser finds (an
    unknown option, a value outside its choices) print one line too, instead of a framed box.
    """

    context_class = helptext.Context  # help wrapped by display cells, examples as written

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            command.context_class = helptext.Context

    def main(self, args=None, *rest, standalone_mode: bool = True, **kwargs):
        from cybrief.cli import argv, pager

        args, no_pager = argv.read(list(sys.argv[1:] if args is None else args))
        pager.disabled = no_pager
        if os.environ.get("_CYBRIEF_COMPLETE"):  # the shell asks for completions: Typer's shells must be known
            from typer.completion import completion_init

            completion_init()
        if not standalone_mode:
            return super().main(args, *rest, standalone_mode=False, **kwargs)
        try:
            code = super().main(args, *rest, standalone_mode=False, **kwargs)
        except typer.TyperException as exc:  # the option parser's usage errors (public base of its exceptions)
            if type(exc).__name__ == "NoArgsIsHelpError":  # `cybrief` alone: the help, and exit 2
                sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
            else:
                sys.stderr.write(f"cybrief: error: {_usage_message(exc)}\n")
            sys.exit(exc.exit_code)
        except typer.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):  # Ctrl-C while the options were read
                sys.exit(report(exc.__context__))
            sys.stderr.write("cybrief: aborted\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        from cybrief.cli import output

        output.SKIPPED.clear()
        output.BOM = False  # set by --bom while the options are read
        try:
            result = super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except (Exception, KeyboardInterrupt) as exc:  # a bug shows its traceback only with CYBRIEF_DEBUG
            code = report(exc)
            if isinstance(exc, CybriefError) and _report_skipped():
                code = max(code, int(ExitCode.INPUT))  # nothing matched, but files were left out: an input error
            raise typer.Exit(code) from None
        if _report_skipped():
            raise typer.Exit(int(ExitCode.INPUT))
        return result


def _say(prefix: str, lines: list[str]) -> None:
    from cybrief.safety import one_line  # messages quote the data: never let it act on the terminal

    for line in lines:
        sys.stderr.write(prefix + one_line(line) + "\n")


def _report_skipped() -> bool:
    """After a command's output: the brief files it left out, one line each; whether there were any (exit 2)."""
    from cybrief.cli.output import SKIPPED, skipped_lines

    if not SKIPPED:
        return False
    _say("cybrief: error: ", skipped_lines(SKIPPED))
    SKIPPED.clear()
    return True


app = typer.Typer(
    cls=_Group,
    name="cybrief",
    help="Briefs of Chinese policy press conferences: who spoke, what they said, which figures and goals.\n\n"
    "Run `cybrief COMMAND --help` for a command's options and examples.\n\n"
    "Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 nothing matched, 2 usage or input error, "
    "3 internal error.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: options and their help wrap at any width, examples stay as written
    add_completion=False,  # completion.py declares --show-completion and --install-completion, with an optional SHELL
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
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
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page the output (also: CYBRIEF_PAGER=cat).")
    ] = False,
    library: Annotated[
        Optional[Path], typer.Option("--library", metavar="DIR", help="As the command's --library, written before it.")
    ] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", metavar="LANG", help="As the command's --lang.")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="As the command's --format.")] = None,
    brief: Annotated[Optional[str], typer.Option("--brief", "-b", metavar="ID", help="As the command's --brief.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="As the command's --strict.")] = False,
    no_drafts: Annotated[bool, typer.Option("--no-drafts", help="As the command's --no-drafts.")] = False,
    show_completion: Annotated[
        Optional[str], typer.Option("--show-completion", metavar="[SHELL]", callback=script, is_eager=True,
                                    expose_value=False, help="Print the completion script of SHELL (default: this shell).")
    ] = None,
    install_completion: Annotated[
        Optional[str], typer.Option("--install-completion", metavar="[SHELL]", callback=script, is_eager=True,
                                    expose_value=False, help="Install completion for SHELL: bash, zsh, fish, powershell.")
    ] = None,
) -> None:
    """The options of cybrief itself; its help is the app's. The options of a command that reads a library
    may come before the command (cli/argv.py moves them after it): these declarations show them in the help
    and let completion read --library."""


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
    from cybrief.cli.argv import read

    _only_the_requested_command(read(sys.argv[1:])[0])
    app(prog_name="cybrief")
