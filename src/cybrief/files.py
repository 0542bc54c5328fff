"""Reading and writing the user's files: size cap, UTF-8 with a helpful hint, atomic writes that never clobber."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from cybrief.errors import BriefError, Problem, WriteError, display_path

MAX_BYTES_DEFAULT = 5 * 1024 * 1024


def max_bytes() -> int:
    """The size cap for one brief file: CYBRIEF_MAX_BYTES, or 5 MiB."""
    raw = os.environ.get("CYBRIEF_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_BYTES_DEFAULT


def _fail(shown: str, message: str) -> BriefError:
    return BriefError([Problem(shown, None, None, "", message)])


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a brief file, refusing directories, unreadable files and files over the size cap."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            cap = max_bytes()
            if size > cap:
                raise _fail(shown, f"file is {size} bytes, over the {cap}-byte limit (set CYBRIEF_MAX_BYTES to raise it)")
            data = handle.read(cap + 1)
    except IsADirectoryError:
        raise _fail(shown, "is a directory, not a brief file") from None
    except FileNotFoundError:
        raise _fail(shown, "no such file") from None
    except PermissionError:
        raise _fail(shown, "permission denied") from None
    except OSError as exc:
        raise _fail(shown, f"cannot read: {exc.strerror or exc}") from None
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
        line, column = _position(data, start)
        hint = " (the file ends inside a character: was it cut short?)" if exc.reason == "unexpected end of data" else _encoding_hint(data)
        message = f"not UTF-8: invalid byte 0x{data[start]:02x} at offset {start}{hint}"
        raise BriefError([Problem(shown, line, column, "", message)]) from None
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        offset = skipped + len(text[: bad.start()].encode("utf-8"))
        line, column = _position(data, offset)
        code = ord(bad.group())
        name = _CONTROL_NAMES.get(code, "")
        message = f"control character U+{code:04X}{name} at offset {offset} is not allowed in a brief{_control_hint(data, code)}"
        raise BriefError([Problem(shown, line, column, "", message)])
    return text


# What the YAML spec does not allow in a stream: C0 controls but tab, LF and CR; DEL; C1 but NEL; the
# non-characters U+FFFE and U+FFFF. libyaml refuses them too, but only with a character count.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_CONTROL_NAMES = {0x00: " (NUL)", 0x07: " (BEL)", 0x08: " (BS)", 0x1B: " (ESC)", 0x7F: " (DEL)", 0x9B: " (CSI)"}


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8."""
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[start:offset]
    if start == 0 and before.startswith(b"\xef\xbb\xbf"):
        before = before[3:]
    return data.count(b"\n", 0, offset) + 1, len(before.decode("utf-8", "replace")) + 1


def _control_hint(data: bytes, code: int) -> str:
    if code == 0 and _looks_utf16(data):
        return " (looks like UTF-16; save the file as UTF-8)"
    if code == 0:
        return " (is it a binary file?)"
    return "; remove it, or write it as an escape such as \\x1b inside double quotes"


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 BOM, or text where a quarter of the bytes or more are NUL (ASCII written as UTF-16)."""
    head = data[:200]
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or (head.count(b"\x00") >= 2 and 4 * head.count(b"\x00") >= len(head))


def _encoding_hint(data: bytes) -> str:
    if _looks_utf16(data):
        return " (looks like UTF-16; save the file as UTF-8)"
    for encoding, name in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            return f" (looks like {name}; convert it with: iconv -f {encoding.upper()} -t UTF-8)"
    return " (looks like a legacy 8-bit encoding such as cp1252; save the file as UTF-8)"


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: a crash leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data, None)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def write_output(path: str | os.PathLike, data: bytes, *, force: bool = False) -> None:
    """Write a file the user asked for (an export, a report, a draft): never replace one without `force`.

    The bytes go to a temporary file beside `path` first. Without `force` that complete file is then
    hard-linked to `path`, which fails if anything is there, even a file created a moment ago; with
    `force` it is renamed over the old file. Either way a crash or a kill at any point leaves the old
    file whole (at worst a `.NAME.*.tmp` file stays beside it). A new file gets the usual permissions
    (0666 less the umask), a replaced one keeps its own. Errors are WriteError, one line each.
    """
    path = Path(path)
    shown = display_path(path)
    if path.is_dir():
        raise WriteError(f"{shown}: is a directory")
    if not path.parent.is_dir():
        raise WriteError(f"{shown}: no such folder {display_path(path.parent)}")
    if not force and os.path.lexists(path):
        raise WriteError(f"{shown}: already exists; use --force to replace it")
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        tmp = _write_temp(path, data, mode)
        try:
            if force:
                os.replace(tmp, path)
            else:
                _link_new(tmp, path, shown)
        finally:
            _remove(tmp)
        _sync_folder(path.parent)
    except PermissionError:
        raise WriteError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise WriteError(f"{shown}: cannot write: {exc.strerror or exc}") from None


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
