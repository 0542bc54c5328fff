"""The command line as the commands read it: global options written before the command moved after it.

`cybrief --library DIR --lang zh delegates 刘勇` is read as `cybrief delegates --library DIR --lang zh 刘勇`,
so that each command declares its options once. `--no-pager` belongs to cybrief itself: it is taken out
wherever it is written (before a `--`) and turns the pager off. No Typer here: the quick path uses it.
"""

from __future__ import annotations

from cybrief.cli.search_options import GLOBAL, NO_DRAFTS, NO_PAGER

SCRIPT_OPTIONS = ("--show-completion", "--install-completion")
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")  # completion.SHELLS, which imports what the quick path need not

_VALUED = {flag for option in GLOBAL if option.value is not None for flag in option.flags}
_FLAGS = {flag for option in GLOBAL if option.value is None for flag in option.flags} | {NO_DRAFTS}


def read(args: list[str]) -> tuple[list[str], bool]:
    """(the arguments with the global options after the command, whether --no-pager was given)."""
    end = args.index("--") if "--" in args else len(args)
    no_pager = NO_PAGER in args[:end]
    if no_pager:
        args = [a for i, a in enumerate(args) if a != NO_PAGER or i >= end]
    if args and args[0] in SCRIPT_OPTIONS and (len(args) == 1 or args[1] not in SHELLS):
        args = [args[0] + "=", *args[1:]]  # the shell is optional: an empty one means the shell cybrief runs in
    moved: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        flag = arg.partition("=")[0] if arg.startswith("--") else arg
        if arg in _FLAGS:
            moved.append(arg)
            index += 1
        elif flag in _VALUED and index + (arg == flag) < len(args):
            step = 2 if arg == flag else 1
            moved += args[index:index + step]
            index += step
        else:
            break
    rest = args[index:]
    if not moved or not rest or rest[0].startswith("-"):
        return args, no_pager  # no command after them (or help, --version): as written, for Typer to judge
    return [rest[0], *moved, *rest[1:]], no_pager
