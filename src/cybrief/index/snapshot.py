"""Whether a library's files are exactly as the index last saw them, told by one `stat` per file and folder.

A snapshot records every folder the index listed (its modification time and inode, taken before listing
it) and every brief file (its path, size, modification time, change time and inode). The library is
unchanged when each folder still has the same time and inode, so no file was added, removed or renamed in
it, and each file still has the same four numbers, so none was edited. Folders are never listed again on
such a check. The change time (ctime) is what makes the check hard to fool: any write, and any setting of
the modification time (`touch -d`, `touch -r`, `cp -p`), sets it to the clock's time, and no program can
set it back; a file saved by replacing it (as editors and rsync do) is also a new inode. Only the modification
time is judged too recent to trust (below): a change time is always recent after a copy or a `touch -d`,
and a second same-size edit that also restores the modification time would have to land in the very
clock tick of the first to keep the change time too.

A folder's time changes when an entry is created, removed or renamed in it, but not when a file in it is
written: that is why every file is still `stat`-ed. A time within RACY_SECONDS of the survey is not
trusted (a second change may fall in the same clock tick): the snapshot records it as unknown (a file's
size -1, a folder's time None), which no `stat` gives, so the next check finds that entry changed and the
file is read again (the folder listed again). No snapshot is stored from a survey that met something a
later change could turn into a brief without touching a folder: a folder it could not list, an entry it
could not `stat`, a link named like a brief that does not lead to a file.

When every folder is as the snapshot says, the files are those it lists, and check() tells which of them
changed: an update then reads only those and stores the snapshot with their new numbers, listing nothing.

Kept free of heavy imports: a warm search runs this before it has decided to load anything else.
"""

from __future__ import annotations

import marshal
import os
import stat as stat_module
import time
from array import array

RACY_SECONDS = 2
BRIEF_SUFFIXES = (".yaml", ".yml")  # as library.BRIEF_SUFFIXES (imported there: that module is heavier)


class Survey:
    """The brief files under a root (relative path -> key(stat)) and the folders listed to find them."""

    __slots__ = ("root", "files", "folders", "started", "complete")

    def __init__(self, root: str, files: dict[str, tuple[int, int, int, int]], folders: list[tuple[str, int, int]], started: int,
                 complete: bool = True):
        self.root, self.files, self.folders, self.started, self.complete = root, files, folders, started, complete

    def trusted(self) -> bool:
        """Whether a later check may rely on it alone (see the module's docstring)."""
        limit = self.started - RACY_SECONDS * 1_000_000_000
        return (self.complete and all(mtime < limit for _, mtime, _ in self.folders)
                and all(mtime < limit for _, mtime, _, _ in self.files.values()))

    def encode(self, numbers: dict | None = None) -> bytes:
        """The snapshot: the folders, and the files grouped by folder ((folder, names) ...) with their numbers;
        `numbers` {path: key} replaces the numbers of some files (an update's final ones); times too recent
        to trust are stored as unknown (see the module's docstring)."""
        numbers = numbers or {}
        groups: dict[str, list[str]] = {}
        for name in sorted(self.files):
            folder, _, leaf = name.rpartition("/")
            groups.setdefault(folder, []).append(leaf)
        limit = self.started - RACY_SECONDS * 1_000_000_000
        stats = array("q")
        for folder, leaves in groups.items():
            for leaf in leaves:
                path = f"{folder}/{leaf}" if folder else leaf
                stats.extend(_trusted(numbers.get(path, self.files[path]), limit))
        folders = [(prefix, mtime if mtime < limit else None, inode) for prefix, mtime, inode in self.folders]
        return marshal.dumps((folders, list(groups.items()), stats.tobytes()))


UNKNOWN = -1  # the size a snapshot records for a file whose numbers cannot be trusted: no `stat` gives it


def _trusted(numbers: tuple[int, int, int, int], limit: int) -> tuple[int, int, int, int]:
    """A file's numbers as a snapshot records them: unknown when its time is too recent to trust."""
    return numbers if numbers[1] < limit else (UNKNOWN, *numbers[1:])


_SIGNED = 1 << 63  # inodes are unsigned 64-bit numbers; arrays and SQLite store signed ones


def _inode(st) -> int:
    return st.st_ino if st.st_ino < _SIGNED else st.st_ino - 2 * _SIGNED


def key(st) -> tuple[int, int, int, int]:
    """What a snapshot and the index's files table record of a brief file: size, mtime, ctime and inode."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, _inode(st)


def survey(root: str, problems: list | None = None) -> Survey:
    """List the brief files under root, and the folders listed on the way: the one walk of a library's
    folders (library.brief_files lists what it finds).

    Subfolders are searched without recursion, however deep; symbolic links to folders are not followed
    (as Path.rglob does), a symbolic link to a file counts as the file. A root that is a file is a library
    of one brief. What would leave a brief out unseen is a BriefError naming each case: a folder that
    cannot be listed, a brief that cannot be looked at (a folder readable but not searchable), a path
    that is not UTF-8 (a brief must be named in text the index and every output can hold). Given a list
    `problems`, those go there (as errors.Problem) instead, and the survey holds every brief it could find.
    """
    started = time.time_ns()
    if os.path.isfile(root):
        st = os.stat(root)
        return Survey(root, {os.path.basename(root): key(st)}, [], started)
    files: dict[str, tuple[int, int, int, int]] = {}
    folders: list[tuple[str, int, int]] = []
    complete = True
    found_problems: list[tuple[str, str]] = []
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            st = os.stat(folder)  # before listing: an entry added later then changes this time
            entries = list(os.scandir(folder))
        except PermissionError:
            found_problems.append((folder, "cannot list the folder (permission denied), so its briefs cannot be read"))
            continue
        except OSError as exc:
            if prefix and exc.errno not in _GONE:  # a folder removed meanwhile is only a race
                found_problems.append((folder, f"cannot list the folder: {exc.strerror or exc}"))
            complete = False
            continue
        folders.append((prefix, st.st_mtime_ns, st.st_ino))
        for entry in entries:
            name = entry.name
            try:
                if name.endswith(BRIEF_SUFFIXES) and name not in BRIEF_SUFFIXES:  # as Path.suffix: not ".yaml" alone
                    st = entry.stat()
                    if stat_module.S_ISREG(st.st_mode):
                        if not _is_text(prefix + name):
                            found_problems.append((entry.path, "the path is not UTF-8 text; rename it"))
                        files[prefix + name] = key(st)
                        continue
                    complete = complete and entry.is_dir(follow_symlinks=False)  # a real folder is tracked
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, prefix + name + "/"))
            except PermissionError:
                found_problems.append((entry.path, "permission denied"))
            except OSError:
                complete = False
    if found_problems:
        from pathlib import Path

        from cybrief.errors import BriefError, Problem, display_path

        located = [Problem(display_path(Path(path)), None, None, "", message) for path, message in found_problems]
        if problems is None:
            raise BriefError(located)
        problems.extend(located)
    return Survey(root, files, folders, started, complete and not found_problems)


_GONE = (2, 20)  # ENOENT, ENOTDIR: removed or replaced while the walk went on


def _is_text(path: str) -> bool:
    """Whether a path is text: names that are not UTF-8 come from os as lone surrogates (PEP 383)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unchanged(root: str, encoded: bytes) -> bool:
    """Whether the files under root are exactly those of a stored snapshot (Survey.encode), untouched."""
    try:
        folders, groups, expected = marshal.loads(encoded)
        if not folders:  # a library of one file
            st = os.stat(root)
            return len(groups) == 1 and os.path.isfile(root) and array("q", key(st)).tobytes() == expected
        base = root.rstrip("/") + "/"
        for prefix, mtime, inode in folders:
            st = os.stat(base + prefix)
            if st.st_mtime_ns != mtime or st.st_ino != inode:
                return False
        return _stats(base, groups).tobytes() == expected
    except (OSError, ValueError, EOFError, TypeError, OverflowError):
        return False


class Changes:
    """What check() found: every folder as the snapshot says, so the same files; `changed`, the positions of those
    whose numbers are not the snapshot's (an edit, a touch, a time recorded as unknown); `stats`, every file's
    numbers now, four a file in snapshot order."""

    __slots__ = ("folders", "groups", "stats", "changed", "started")

    def __init__(self, folders: list, groups: list, stats: array, changed: list[int], started: int):
        self.folders, self.groups, self.stats, self.changed, self.started = folders, groups, stats, changed, started

    def paths(self) -> list[str]:
        """Every file's path relative to the root, in snapshot order."""
        return [f"{folder}/{leaf}" if folder else leaf for folder, leaves in self.groups for leaf in leaves]

    def changed_files(self) -> dict[str, tuple[int, int, int, int]]:
        """{path: numbers now} of the files that changed."""
        found, wanted, position = {}, iter(self.changed), 0
        target = next(wanted, None)
        for folder, leaves in self.groups:
            while target is not None and target < position + len(leaves):
                leaf = leaves[target - position]
                found[f"{folder}/{leaf}" if folder else leaf] = tuple(self.stats[4 * target:4 * target + 4])
                target = next(wanted, None)
            position += len(leaves)
        return found

    def files(self) -> dict[str, tuple[int, int, int, int]]:
        """{path: numbers now} of every file, as Survey.files."""
        stats = self.stats
        return {path: tuple(stats[at:at + 4]) for path, at in zip(self.paths(), range(0, len(stats), 4))}

    def encode(self, numbers: dict) -> bytes:
        """The snapshot again, with the numbers of the changed files now, or those given in `numbers` {path: key}
        (an update's final ones); those too recent to trust as unknown."""
        limit = self.started - RACY_SECONDS * 1_000_000_000
        stats = array("q", self.stats)
        for (path, now), position in zip(self.changed_files().items(), self.changed):
            stats[4 * position:4 * position + 4] = array("q", _trusted(numbers.get(path, now), limit))
        return marshal.dumps((self.folders, self.groups, stats.tobytes()))


def check(root: str, encoded: bytes) -> Changes | None:
    """Which files under root changed since a stored snapshot, when no folder did; None when one did (or the
    snapshot cannot be read, or a file is gone): only a new survey can then tell what the files are."""
    started = time.time_ns()
    try:
        folders, groups, expected = marshal.loads(encoded)
        if not folders:  # a library of one file
            if len(groups) != 1 or not os.path.isfile(root):
                return None
            stats = array("q", key(os.stat(root)))
        else:
            base = root.rstrip("/") + "/"
            for prefix, mtime, inode in folders:
                st = os.stat(base + prefix)
                if st.st_mtime_ns != mtime or st.st_ino != inode:
                    return None
            stats = _stats(base, groups)
        was = array("q")
        was.frombytes(expected)
    except (OSError, ValueError, EOFError, TypeError, OverflowError):
        return None
    if len(was) != len(stats):
        return None
    return Changes(folders, groups, stats, _differing(stats, was), started)


_BLOCK = 4 * 512  # numbers compared at once (in C) before the files of a block that differs are looked at


def _differing(now: array, was: array) -> list[int]:
    """Positions of the files whose four numbers differ."""
    if now == was:
        return []
    found = []
    for start in range(0, len(now), _BLOCK):
        end = start + _BLOCK
        if now[start:end] != was[start:end]:
            found += [at // 4 for at in range(start, min(end, len(now)), 4) if now[at:at + 4] != was[at:at + 4]]
    return found


def _stats(base: str, groups: list[tuple[str, list[str]]]) -> array:
    """The numbers of each file, `stat`-ed by its name in its folder (opened once): a shorter path to resolve
    for each file, and this tight loop is most of a warm search of a large library."""
    stats = array("q")
    if os.stat not in os.supports_dir_fd:  # pragma: no cover - not on Linux or macOS
        for folder, leaves in groups:
            for leaf in leaves:
                stats.extend(key(os.stat(f"{base}{folder}/{leaf}" if folder else base + leaf)))
        return stats
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    for folder, leaves in groups:
        fd = os.open(base + folder if folder else base, flags)
        try:
            for st in [os.stat(leaf, dir_fd=fd) for leaf in leaves]:
                stats.extend((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino if st.st_ino < _SIGNED else _inode(st)))
        finally:
            os.close(fd)
    return stats
