"""Where a library lives: the folder named, $CYBRIEF_LIBRARY, ./briefs if it holds briefs, or the bundled briefs; its files."""

from __future__ import annotations

import os

from cybrief.errors import UsageError, display_path

TYPE_CHECKING = False  # pathlib is imported where a Path is made: the quick search path reads this module too
if TYPE_CHECKING:
    from pathlib import Path

LIBRARY_ENV = "CYBRIEF_LIBRARY"
BRIEF_SUFFIXES = (".yaml", ".yml")
# The name of the briefs shipped inside the package, for --library and $CYBRIEF_LIBRARY. `:bundled:` always
# means them; plain `bundled` does when no file or folder of that name is here (a folder of that name wins).
BUNDLED_NAMES = (":bundled:", "bundled")
LOCAL = "briefs"  # the folder of the working directory used when it holds brief files


def bundled_path() -> str:
    """The briefs shipped with cybrief: inside the package when installed, beside src/ in a checkout."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the cybrief package
    packaged = os.path.join(here, "briefs")
    return packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(os.path.dirname(here)), "briefs")


def bundled_dir() -> Path:
    """bundled_path as a Path."""
    from pathlib import Path

    return Path(bundled_path())


def names_bundled(value: str) -> bool:
    """Whether a --library value names the bundled briefs (see BUNDLED_NAMES)."""
    return value == BUNDLED_NAMES[0] or (value == BUNDLED_NAMES[1] and not os.path.lexists(value))


def holds_briefs(folder: str) -> bool:
    """Whether a folder holds at least one brief file, at any depth (stops at the first found)."""
    waiting = [folder]  # a list, not recursion: a folder may be nested thousands deep
    while waiting:
        try:
            entries = list(os.scandir(waiting.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.name.endswith(BRIEF_SUFFIXES) and entry.is_file():
                    return True
                if entry.is_dir(follow_symlinks=False):
                    waiting.append(entry.path)
            except OSError:
                continue
    return False


class Location:
    """A library's folder and why it is the one in use (for `cybrief briefs`)."""

    __slots__ = ("path", "reason")

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason


def locate_library(library: str | os.PathLike | None = None) -> Location:
    """The library folder and the reason for it: the argument, else $CYBRIEF_LIBRARY, else ./briefs if it holds
    brief files, else the briefs bundled with cybrief."""
    from pathlib import Path

    given, source = library, "--library"
    if given is None or str(given) == "":
        given, source = os.environ.get(LIBRARY_ENV) or None, f"${LIBRARY_ENV}"
    if given is not None:
        if names_bundled(str(given)):
            return Location(bundled_dir(), f"the briefs bundled with cybrief, named by {source} {given}")
        path = Path(given).expanduser()
        if not path.exists():
            raise UsageError(f"library {display_path(path)}: no such folder")
        return Location(path, f"named by {source}")
    if holds_briefs(LOCAL):
        return Location(Path(LOCAL), f"./{LOCAL} here holds brief files")
    why = f"./{LOCAL} here holds no brief file" if os.path.isdir(LOCAL) else f"no ./{LOCAL} here"
    return Location(bundled_dir(), f"the briefs bundled with cybrief: {why}, and no --library or ${LIBRARY_ENV}")


def resolve_library_dir(library: str | os.PathLike | None = None) -> Path:
    """The library folder (see locate_library)."""
    return locate_library(library).path


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
