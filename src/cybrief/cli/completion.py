"""Shell completion: sectors, delegates and brief ids of the library on the line; completion scripts for each shell.

Sectors complete by slug or label, delegates by Chinese name, English name or id, from the library that
--library on the command line names (before or after the command); --show-completion and
--install-completion print or install a shell's script.
"""

from __future__ import annotations

import sys

from cybrief.cli.argv import SHELLS

COMPLETE_VAR = "_CYBRIEF_COMPLETE"


def _library(ctx):
    """The library of the command line being completed: its --library (before or after the command), if any."""
    from cybrief.errors import CybriefError
    from cybrief.library import open_library

    named = None
    while ctx is not None and named is None:
        named = (ctx.params or {}).get("library")
        ctx = ctx.parent
    try:
        return open_library(named)  # broken files are skipped, as the command would
    except CybriefError:
        return None


def _as_typed(incomplete: str, *names: str) -> str | None:
    """The first name (spaces written as hyphens, which names ignore) that starts with what is typed, case
    aside, continued from it as typed (shells keep only completions that start with the typed text)."""
    words = [name.replace(" ", "-") for name in names]
    exact = next((word for word in words if word.startswith(incomplete)), None)
    if exact is not None:
        return exact
    folded = incomplete.casefold()
    return next((incomplete + word[len(incomplete):] for word in words if word.casefold().startswith(folded)), None)


def complete_sector(ctx, incomplete: str):
    """Sectors whose slug, Chinese label or English label starts with what is typed (case aside), completed as
    typed: 能 gives 能源, ene energy, Ene Energy."""
    lib = _library(ctx)
    if lib is None:
        return []
    found = {}
    for s in lib.sectors:
        labels = (s.slug, s.zh) + ((s.en,) if " " not in s.en else ())  # a label of several words: by slug
        value = _as_typed(incomplete, *labels)
        if value is not None:
            found.setdefault(value, f"{s.zh} {s.en}")
    return list(found.items())


def complete_delegate(ctx, incomplete: str):
    """Delegates whose Chinese name, English name or id starts with what is typed (case, spaces and hyphens
    aside), completed as typed: 刘 gives 刘勇, liu liu-yong, Liu Liu-Yong (every command takes each)."""
    lib = _library(ctx)
    if lib is None:
        return []
    found = {}
    for ref in lib.delegates():
        d = ref.delegate
        value = _as_typed(incomplete, d.name, d.id, d.name_en)
        if value is not None:
            found.setdefault(value, f"{d.name} {d.name_en} · {ref.brief.id}")
    return list(found.items())


def complete_brief(ctx, incomplete: str):
    """Ids of the briefs of the library that start with what is typed, with their titles."""
    lib = _library(ctx)
    if lib is None:
        return []
    return [(b.id, b.title) for b in lib.briefs if b.id.startswith(incomplete)]


def script(ctx, param, value):
    """--show-completion [SHELL] prints the completion script; --install-completion [SHELL] installs it.

    Without SHELL, the shell cybrief runs in. An option callback: it runs before any command, then exits.
    """
    if value is None or ctx.resilient_parsing:
        return value
    import typer
    from typer import completion

    shell = value or _current_shell()
    if shell not in SHELLS:
        raise typer.BadParameter(f"{shell!r} is not one of {', '.join(SHELLS)}" if shell else
                                 f"cannot tell which shell this is; name it: {', '.join(SHELLS)}")
    completion.completion_init()
    if param.name == "show_completion":
        sys.stdout.write(completion.get_completion_script(prog_name="cybrief", complete_var=COMPLETE_VAR, shell=shell) + "\n")
    else:
        shell, path = completion.install(shell=shell, prog_name="cybrief", complete_var=COMPLETE_VAR)
        sys.stderr.write(f"cybrief: {shell} completion installed in {path}; it works in new shells\n")
    raise typer.Exit()


def _current_shell() -> str:
    """The shell cybrief runs in (shellingham), else the user's login shell ($SHELL), else ""."""
    try:
        import shellingham

        return shellingham.detect_shell()[0].lower()
    except Exception:  # noqa: BLE001 - not installed, or no shell above this process (started in the background)
        import os

        return os.path.basename(os.environ.get("SHELL", "")).lower()
