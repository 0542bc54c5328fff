"""Reading and writing the user's files: size cap, UTF-8 with a helpful hint, atomic replacement."""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.errors import BriefError, Problem

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
    """UTF-8 text (a BOM is accepted); otherwise an error with the byte offset and a guess at the encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(shown, f"not UTF-8: invalid byte at offset {exc.start}{_encoding_hint(data)}") from None


def _encoding_hint(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:200].count(b"\x00") > 20:
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
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
