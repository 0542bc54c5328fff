"""On-disk cache of checked briefs, so a command parses YAML only for brief files that changed.

One cache file per library folder, in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief). A file is
re-read when its size or modification time differs from what the cache recorded; if its bytes still
hash the same (a `touch`), the cached brief is kept. A missing, stale, corrupt or unwritable cache
never changes results: cybrief falls back to reading the files. So does an entry that is not the shape
this version writes, even under a valid checksum (another build, a bug, a hand edit): it is a miss, and
the file is read again. CYBRIEF_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import marshal
import os
import time
import zlib
from pathlib import Path

from cybrief import __version__
from cybrief.brief.model import Brief, Record, format_number, parse_number
from cybrief.errors import BriefError, display_path

MAGIC = b"CYBC"
LAYOUT = 2  # bump when the cached layout changes, or loading checks more (2: targets checked against figures)
RACY_SECONDS = 2  # a file changed this recently may change again within the same mtime tick


def enabled() -> bool:
    return os.environ.get("CYBRIEF_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cybrief"


def cache_path(root: Path) -> Path:
    key = zlib.crc32(str(root).encode("utf-8", "surrogateescape"))
    return cache_dir() / f"briefs-{key:08x}.bin"


# --- model <-> plain data (tuples, strings, ints) that marshal can store ---------------------------------

def to_plain(record: Record) -> tuple:
    return tuple(_plain_value(f, getattr(record, f.name)) for f in record.FIELDS)


def _plain_value(spec, value):
    if value is None:
        return None
    if spec.kind == "object":
        return to_plain(value)
    if spec.kind == "number":
        return format_number(value)
    if spec.kind == "list":
        return tuple(v if isinstance(spec.item, str) else to_plain(v) for v in value)
    return value


class Malformed(ValueError):
    """Plain data that is not what to_plain makes of a record: a cached entry to read again from its file."""


def from_plain(cls, data: tuple):
    """The record to_plain made `data` from; Malformed if `data` has another shape, or a value of another type."""
    if type(data) is not tuple or len(data) != len(cls.FIELDS):
        raise Malformed(cls.__name__)
    values = {}
    for spec, value in zip(cls.FIELDS, data):
        if value is None:
            if spec.required:
                raise Malformed(spec.name)
            continue
        kind = spec.kind
        if kind == "object":
            value = from_plain(spec.item, value)
        elif kind == "list":
            if type(value) is not tuple:
                raise Malformed(spec.name)
            if isinstance(spec.item, str):
                for item in value:
                    _check_scalar(spec.item, spec, item)
            else:
                value = tuple(from_plain(spec.item, v) for v in value)
        elif kind == "number":
            value = parse_number(value) if type(value) is str else None
            if value is None:
                raise Malformed(spec.name)
        else:
            _check_scalar(kind, spec, value)
        values[spec.name] = value
    return cls(**values)


def _check_scalar(kind: str, spec, value) -> None:
    if type(value) is not (int if kind == "integer" else str) or (kind == "choice" and value not in spec.choices):
        raise Malformed(spec.name)


# --- the cache file --------------------------------------------------------------------------------------

def _read(path: Path, root: str) -> dict:
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    if len(blob) < 8 or blob[:4] != MAGIC or int.from_bytes(blob[4:8], "big") != zlib.crc32(blob[8:]):
        return {}
    try:
        layout, version, cached_root, entries = marshal.loads(blob[8:])
    except (ValueError, EOFError, TypeError):
        return {}
    if layout != LAYOUT or version != __version__ or cached_root != root or not isinstance(entries, dict):
        return {}
    return entries


def _write(path: Path, root: str, entries: dict) -> None:
    from cybrief.files import atomic_write

    payload = marshal.dumps((LAYOUT, __version__, root, entries))
    try:
        atomic_write(path, MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    except OSError:
        pass  # an unwritable cache only costs speed


def load_briefs(root: Path, files: list[Path], skipped: list | None = None) -> list[Brief]:
    """Load every file, from the cache where it is current; raise BriefError with all problems found, or
    with a `skipped` list, add them to it and return the briefs that loaded (and cache those)."""
    use_cache = enabled()
    key = str(root.resolve())
    store = cache_path(Path(key))
    entries = _read(store, key) if use_cache else {}
    fresh: dict = {}
    briefs, problems = [], []
    changed = len(entries) != len(files)
    now = time.time_ns()
    for file in files:
        name = str(file.resolve())
        entry = entries.get(name)
        try:
            stat = file.stat()
        except OSError:
            stat = None
        if not _well_formed(entry):
            entry = None  # a miss: the file is read again
        if entry is not None and stat is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            try:
                briefs.append(_from_entry(entry, name))
            except Malformed:
                entry = None
            else:
                fresh[name] = entry
                continue
        changed = True
        try:
            brief, entry = _parse(file, name, entry, stat, now)
        except BriefError as exc:
            problems.extend(exc.problems)
            continue
        fresh[name] = entry
        briefs.append(brief)
    if problems and skipped is None:
        raise BriefError(problems)
    if use_cache and changed:
        _write(store, key, fresh)
    if problems:
        skipped.extend(problems)
    return briefs


def _well_formed(entry) -> bool:
    """Whether a cached entry is (size, mtime or None, checksum, plain brief), as load_briefs stores it."""
    return (
        type(entry) is tuple and len(entry) == 4 and type(entry[0]) is int and (entry[1] is None or type(entry[1]) is int)
        and type(entry[2]) is int and type(entry[3]) is tuple
    )


def _from_entry(entry: tuple, name: str) -> Brief:
    brief = from_plain(Brief, entry[3])
    brief.path = name
    return brief


def _parse(file: Path, name: str, old: tuple | None, stat, now: int) -> tuple[Brief, tuple]:
    from cybrief.files import decode_utf8, read_bytes

    shown = display_path(file)
    data = read_bytes(file, shown)
    checksum = zlib.crc32(data)
    brief = None
    if old is not None and old[2] == checksum and len(data) == old[0]:
        try:
            brief = _from_entry(old, name)  # touched, not changed
            plain = old[3]
        except Malformed:
            brief = None
    if brief is None:
        from cybrief.brief.load import loads_brief

        brief = loads_brief(decode_utf8(data, shown), shown, name)
        plain = to_plain(brief)
    mtime = stat.st_mtime_ns if stat is not None else None
    if mtime is not None and now - mtime < RACY_SECONDS * 1_000_000_000:
        mtime = None  # too recent to trust: the next run checks the bytes again
    return brief, (len(data), mtime, checksum, plain)
