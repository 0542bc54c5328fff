"""Reading and writing the user's files: size cap, UTF-8 with a helpful hint, atomic writes that never clobber."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from cybrief.decoding import control_hint, encoding_hint, position
from cybrief.errors import BriefError, Problem, WriteError, display_path

MAX_BYTES_DEFAULT = 5 * 1024 * 1024


def max_bytes() -> int:
    """The size cap for one brief file: CYBRIEF_MAX_BYTES, or 5 MiB."""
    raw = os.environ.get("CYBRIEF_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_BYTES_DEFAULT


def _fail(shown: str, message: str) -> BriefError:
    return BriefError([Problem(shown, None, None, "", message)])


def read_capped(path: Path, what: str, fail, *, regular: bool = False) -> bytes:
    """The bytes of a file the user gave (a brief, an article), read no further than one byte past the size
    cap; fail(message) makes the error for a folder, a missing or unreadable file, or one over the cap
    by its size, and with `regular` for anything but a regular file (a FIFO would block: it is opened
    without waiting for a writer, then refused). The caller checks the length read, which is over the
    cap if the file grew meanwhile."""
    try:
        with open(os.open(path, os.O_RDONLY | (os.O_NONBLOCK if regular else 0)), "rb") as handle:
            st = os.fstat(handle.fileno())
            if regular and not stat.S_ISREG(st.st_mode):
                raise fail(f"is not a regular file (a FIFO, a device or a socket), not {what}")
            size = st.st_size
            cap = max_bytes()
            if size > cap:
                raise fail(f"file is {size} bytes, over the {cap}-byte limit (set CYBRIEF_MAX_BYTES to raise it)")
            return handle.read(cap + 1)
    except IsADirectoryError:
        raise fail(f"is a directory, not {what}") from None
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a brief file, refusing directories, unreadable files and files over the size cap."""
    data = read_capped(path, "a brief file", lambda message: _fail(shown, message), regular=True)
    cap = max_bytes()
    if len(data) > cap:  # grew while being read
        raise _fail(shown, f"file is over the {cap}-byte limit (set CYBRIEF_MAX_BYTES to raise it)")
    return data


def decode_utf8(data: bytes, shown: str) -> str:
    """UTF-8 text (a BOM is accepted) free of control characters YAML forbids.

    Anything else is an error at its line, column and byte offset in the file, with a hint: a guess at
    the encoding for bytes that are not UTF-8, or what a NUL or ESC byte likely means.
    """
    skipped = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start + skipped
        line, column = position(data, start)
        hint = " (the file ends inside a character: was it cut short?)" if exc.reason == "unexpected end of data" else encoding_hint(data)
        message = f"not UTF-8: invalid byte 0x{data[start]:02x} at offset {start}{hint}"
        raise BriefError([Problem(shown, line, column, "", message)]) from None
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        offset = skipped + len(text[: bad.start()].encode("utf-8"))
        line, column = position(data, offset)
        code = ord(bad.group())
        name = _CONTROL_NAMES.get(code, "")
        message = f"control character U+{code:04X}{name} at offset {offset} is not allowed in a brief{control_hint(data, code)}"
        raise BriefError([Problem(shown, line, column, "", message)])
    return text


# What the YAML spec does not allow in a stream: C0 controls but tab, LF and CR; DEL; C1 but NEL; the
# non-characters U+FFFE and U+FFFF. libyaml refuses them too, but only with a character count.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_CONTROL_NAMES = {0x00: " (NUL)", 0x07: " (BEL)", 0x08: " (BS)", 0x1B: " (ESC)", 0x7F: " (DEL)", 0x9B: " (CSI)"}


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: a crash leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data, None)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def write_output(path: str | os.PathLike, data: bytes | Mapping[str, bytes], *, force: bool = False,
                 parents: bool = False) -> None:
    """Write what the user asked for (an export, a report, a chart, a draft): never replace it without `force`.

    `data` is the bytes of a file, or for a folder (a CSV export) a mapping of file names to bytes. It is
    written in full beside `path` first (a `.NAME.*.tmp` file or folder), flushed to disk, and only then
    published: without `force` by a link or rename that fails if anything is at `path`, even something
    created a moment ago; with `force` by a rename over the old file, or for a folder by a rename of
    each new file over the old one of its name. So a crash or a kill at any point leaves the old file
    whole, and each file of a folder whole, old or new (at worst the temporary file or folder stays
    beside it). A new file gets the usual permissions (0666 less the umask), a replaced one keeps its
    own. `force` replaces a folder's files only if it held nothing but files a write of the same names
    would make (a previous export) when checked, and never removes anything else from it: a file
    written into it meanwhile stays. `parents` creates missing folders above `path`. Errors are
    WriteError, one line each.
    """
    path = Path(path)
    shown = display_path(path)
    folder = not isinstance(data, (bytes, bytearray))
    check_output(path, force=force, names=list(data) if folder else None)
    if not path.parent.is_dir():
        if not parents:
            raise WriteError(f"{shown}: no such folder {display_path(path.parent)}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise WriteError(f"{shown}: {display_path(path.parent)} is not a folder") from None
        except OSError as exc:
            raise WriteError(f"{shown}: cannot make its folder: {exc.strerror or exc}") from None
    try:
        if folder:
            _publish_folder(path, data, force, shown)
        else:
            _publish_file(path, bytes(data), force, shown)
        _sync_folder(path.parent)
    except PermissionError:
        raise WriteError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise WriteError(f"{shown}: cannot write: {exc.strerror or exc}") from None


def check_output(path: str | os.PathLike, *, force: bool = False, names: list[str] | None = None) -> None:
    """Refuse now what write_output would refuse at `path`, so that a command can stop before doing its work.

    `names` are the file names of a folder output (None for a file). write_output checks again when it
    publishes, so a file that appears in between is never replaced either.
    """
    path = Path(path)
    shown = display_path(path)
    if names is None and path.is_dir() and not path.is_symlink():
        raise WriteError(f"{shown}: is a directory")
    if not os.path.lexists(path):
        return
    if not force:
        raise WriteError(f"{shown}: already exists; use --force to replace it")
    _replaceable(path, shown, folder=names is not None)
    if names is not None and path.is_dir() and not path.is_symlink() and not _only_files_named(path, names):
        raise WriteError(f"{shown}: is a folder that cybrief did not write; it is not replaced")


def _replaceable(path: Path, shown: str, *, folder: bool) -> None:
    """Refuse to replace what is neither a regular file, a symbolic link (the link is replaced, never what
    it names), nor for a folder output a folder: a device such as /dev/null, a pipe or a socket is never
    swapped for a file of cybrief's."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode) or (folder and stat.S_ISDIR(mode))):
        raise WriteError(f"{shown}: is not a regular file; it is not replaced")


def _only_files_named(folder: Path, names: list[str]) -> bool:
    """Whether a folder holds only regular files with these names, as a previous write of them left it."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    return all(entry.name in names and entry.is_file(follow_symlinks=False) for entry in entries)


def _publish_file(path: Path, data: bytes, force: bool, shown: str) -> None:
    try:
        old = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        old = None
    # a replaced file keeps its permissions; a new file, or one that replaces a link, gets the usual ones
    mode = stat.S_IMODE(old) if old is not None and stat.S_ISREG(old) else 0o666 & ~_umask()
    tmp = _write_temp(path, data, mode)
    try:
        if force:
            _replaceable(path, shown, folder=False)  # what is there now, not a moment ago
            os.replace(tmp, path)
        else:
            _link_new(tmp, path, shown)
    finally:
        _remove(tmp)


def _publish_folder(path: Path, files: Mapping[str, bytes], force: bool, shown: str) -> None:
    """Build the folder beside `path`, then rename it into place, or replace the old export's files in it
    (see write_output)."""
    import tempfile

    mask = _umask()
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    names = list(files)
    try:
        for name, data in files.items():
            if not name or os.sep in name or name in (".", ".."):
                raise ValueError(f"not a file name: {name!r}")
            fd = os.open(tmp / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~mask)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o777 & ~mask)
        _sync_folder(tmp)
        if not os.path.lexists(path):
            _rename_new(tmp, path, shown)
        elif not force:
            raise WriteError(f"{shown}: already exists; use --force to replace it")
        else:
            check_output(path, force=True, names=names)  # what is there now, not a moment ago
            if not _replace_files_in(path, tmp, names):
                _swap(tmp, path)  # a file or a link at `path`: tmp now holds it
    finally:
        _clear_own(tmp, names)


def _replace_files_in(path: Path, tmp: Path, names: list[str]) -> bool:
    """Move the new files from `tmp` over those of the same names in the folder at `path`, one rename each.

    Only the files named are replaced: anything else in the folder, even written a moment ago, stays. The
    folder is opened without following a link, and every rename is made relative to the opened folder, so
    a link swapped in meanwhile is never written through. False if `path` is not a real folder.
    """
    try:
        folder = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:  # a link (ELOOP), or a file (ENOTDIR): the caller swaps it
        if stat.S_ISDIR(os.lstat(path).st_mode):
            raise
        return False
    try:
        source = os.open(tmp, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            for name in names:
                os.replace(name, name, src_dir_fd=source, dst_dir_fd=folder)
        finally:
            os.close(source)
        os.fsync(folder)
    finally:
        os.close(folder)
    return True


def _clear_own(tmp: Path, names: list[str]) -> None:
    """Remove the temporary folder: only the files named (what this write put there, or the old export's
    files after a swap) and then the folder if it is empty. Never a whole tree: whatever else is in it
    was not written by cybrief and stays, with the folder."""
    if os.path.islink(tmp) or not os.path.isdir(tmp):
        _remove(str(tmp))
        return
    for name in names:
        _remove(os.path.join(tmp, name))
    try:
        os.rmdir(tmp)
    except OSError:
        pass


# renameat2(2) flags (Linux 3.15 and later): fail if the target exists; exchange the two paths atomically.
_RENAME_NOREPLACE, _RENAME_EXCHANGE = 1, 2


def _renameat2(source: Path, target: Path, flags: int) -> bool:
    """renameat2 where the system has it; False where it does not (then the caller falls back)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import errno

    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd = -100
    if call(at_cwd, os.fsencode(source), at_cwd, os.fsencode(target), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel, or a file system that cannot
    raise OSError(code, os.strerror(code), str(target))


def _rename_new(tmp: Path, path: Path, shown: str) -> None:
    """Rename a folder to a path where nothing is; refuse if something appeared there meanwhile."""
    try:
        if _renameat2(tmp, path, _RENAME_NOREPLACE):
            return
    except FileExistsError:
        raise WriteError(f"{shown}: already exists; use --force to replace it") from None
    if os.path.lexists(path):  # without renameat2: the check just before the rename is the best that remains
        raise WriteError(f"{shown}: already exists; use --force to replace it")
    try:
        os.rename(tmp, path)
    except (FileExistsError, IsADirectoryError, NotADirectoryError):
        raise WriteError(f"{shown}: already exists; use --force to replace it") from None
    except OSError as exc:
        import errno

        if exc.errno == errno.ENOTEMPTY:
            raise WriteError(f"{shown}: already exists; use --force to replace it") from None
        raise


def _swap(tmp: Path, path: Path) -> None:
    """Put the new folder `tmp` at `path` and the old one at `tmp`: in one step where the system can.

    Elsewhere the old one is renamed aside first, so a crash between the two renames leaves it whole
    beside `path` as `.NAME.*.old`; a failure of the second rename puts it back.
    """
    if _renameat2(tmp, path, _RENAME_EXCHANGE):
        return
    import tempfile

    aside = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
    os.rename(path, aside / "old")
    try:
        os.rename(tmp, path)
    except BaseException:
        os.rename(aside / "old", path)
        os.rmdir(aside)
        raise
    os.rename(aside / "old", tmp)  # where the caller removes it
    os.rmdir(aside)


def _link_new(tmp: str, path: Path, shown: str) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise WriteError(f"{shown}: already exists; use --force to replace it") from None
    except OSError:  # a file system without hard links: the check above is the best that remains
        if os.path.lexists(path):
            raise WriteError(f"{shown}: already exists; use --force to replace it") from None
        os.replace(tmp, path)


def _write_temp(path: Path, data: bytes, mode: int | None) -> str:
    """A temporary file beside `path` holding `data`, flushed to disk; its name is returned."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
