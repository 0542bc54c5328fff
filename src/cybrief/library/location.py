"""Where a library lives: the folder named, $CYBRIEF_LIBRARY, ./briefs, or the briefs bundled with cybrief; its files."""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.errors import UsageError, display_path

LIBRARY_ENV = "CYBRIEF_LIBRARY"
BRIEF_SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    """The briefs shipped with cybrief: inside the package when installed, beside src/ in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the cybrief package
    packaged = here / "briefs"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "briefs"


def resolve_library_dir(library: str | os.PathLike | None = None) -> Path:
    """The library folder: the argument, else $CYBRIEF_LIBRARY, else ./briefs if it exists, else the bundled one."""
    if library is None or str(library) == "":
        library = os.environ.get(LIBRARY_ENV) or None
    if library is not None:
        path = Path(library).expanduser()
        if not path.exists():
            raise UsageError(f"library {display_path(path)}: no such folder")
        return path
    local = Path("briefs")
    if local.is_dir():
        return local
    return bundled_dir()


def brief_files(root: Path, problems: list | None = None) -> list[Path]:
    """Brief files in a library folder and its subfolders, in a stable order; a single file is a library too.

    The folders are walked as the index walks them (index.snapshot.survey): without recursion, and with a
    BriefError for a folder that cannot be listed or a path that is not UTF-8, never a brief left out
    unsaid; given a list `problems`, those go there instead and the files found are listed.
    """
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise UsageError(f"library {display_path(root)}: not a folder")
    from cybrief.index.snapshot import survey

    return sorted(root / relative for relative in survey(str(root), problems).files)
