"""The work of `cybrief index`, free of Typer: the Typer command and the quick entry (quick.py) both run it."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: the quick entry runs this before anything else is imported
if TYPE_CHECKING:
    from pathlib import Path


def build_index(library: Path | None, rebuild: bool) -> None:
    """Build or update the index of a library; one line about it on stderr (UsageError for a library without briefs)."""
    from cybrief.cli.output import ProgressBar, note
    from cybrief.errors import UsageError, display_path
    from cybrief.index.store import describe, index_path, open_index
    from cybrief.library.location import brief_files, resolve_library_dir

    root = resolve_library_dir(library)
    empty = UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")  # as every command says
    if not index_path(root.resolve()).exists() and not brief_files(root):  # listed once: an index knows its files
        raise empty
    bar = ProgressBar() if sys.stderr.isatty() else None  # on a terminal: a log gets only the summary line
    try:
        connection = open_index(root, bar, rebuild=rebuild, snapshot=False)  # only counted, not searched
    finally:
        if bar is not None:
            bar.close()
    try:
        if connection.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None:
            brief_files(root)  # its error first: not a folder
            raise empty
        note(describe(connection))
    finally:
        connection.close()


def plain_arguments(args: list[str]) -> dict | None:
    """{"library": Path or None, "rebuild": bool} for `index` with its options written plainly (`--library DIR`,
    `--library=DIR`, `--rebuild`, each at most once), as the Typer command receives them; None for anything else."""
    if not args or args[0] != "index":
        return None
    found: dict = {}
    index = 1
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--rebuild" and "rebuild" not in found:
            found["rebuild"] = True
            continue
        flag, equals, value = arg.partition("=")
        if flag != "--library" or "library" in found:
            return None  # --help, another option, one given twice, an argument
        if not equals:
            if index == len(args):
                return None
            value = args[index]
            index += 1
        if value == "" or value.startswith("-"):
            return None  # as Typer would read them, or refuse them: its message
        from pathlib import Path

        found["library"] = Path(value)
    return {"library": found.get("library"), "rebuild": found.get("rebuild", False)}
