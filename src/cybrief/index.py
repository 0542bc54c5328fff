"""The on-disk search index of a library: an SQLite file kept current with the brief files, brief by brief.

One index per library folder, in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief). It holds every
searchable field of every brief (fields.py numbers them), the facts filters need (records, sectors,
delegates, briefs), and an FTS5 trigram index of the normalized text of each field.

Keeping it current: every search lists the library's files with their size and modification time; a
file that is new, or whose size or time changed, is read; if its bytes hash as before (a `touch`) only
the time is updated, otherwise it is parsed and its brief replaced; rows of files that are gone are
deleted. A file changed within the last RACY_SECONDS may change again within the same clock tick, so its
time is not trusted and its bytes are checked again on the next run. A broken file is never indexed.

An index that is missing is built; one from another layout or cybrief version, or corrupt, is deleted
and built again; one that cannot be written (and is not current) makes the search read the files
instead (Unavailable). Writes are SQLite transactions, one per batch of briefs, so a crash or a second
process at work never leaves a half-written brief behind.
"""

from __future__ import annotations

import os
import sqlite3
import stat as stat_module
import time
import zlib
from pathlib import Path

from cybrief import __version__
from cybrief.errors import BriefError, CybriefError, Problem, display_path
from cybrief.fields import BRIEF_SHIFT, RECORD_SHIFT, TooLarge, brief_fields
from cybrief.library import BRIEF_SUFFIXES

LAYOUT = 1  # bump when the tables or the normalization change
RACY_SECONDS = 2
BATCH = 100  # briefs per write transaction
BUSY_SECONDS = 60  # how long to wait for another process's write to finish

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, crc INTEGER, brief INTEGER);
CREATE TABLE briefs(no INTEGER PRIMARY KEY, id TEXT, date TEXT, path TEXT, key TEXT);
CREATE INDEX briefs_id ON briefs(id);
CREATE TABLE records(key INTEGER PRIMARY KEY, kind INTEGER, record_id TEXT, delegate TEXT,
                     delegate_name TEXT, sectors TEXT, target_kind TEXT);
CREATE TABLE fields(fid INTEGER PRIMARY KEY, text TEXT);
CREATE TABLE sectors(brief INTEGER, seq INTEGER, slug TEXT, zh TEXT, en TEXT, PRIMARY KEY(brief, seq));
CREATE TABLE delegates(brief INTEGER, id TEXT, name TEXT, name_en TEXT, keys TEXT);
CREATE INDEX delegates_brief ON delegates(brief);
CREATE VIRTUAL TABLE grams USING fts5(norm, tokenize='trigram case_sensitive 1', content='', columnsize=0);
"""


class Unavailable(CybriefError):
    """The index cannot be used (unwritable, locked too long, a brief too large): a search reads the files instead."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"cannot use the search index {path}: {reason}")


def index_dir() -> Path:
    from cybrief.cache import cache_dir

    return cache_dir()


def index_path(root: Path) -> Path:
    key = zlib.crc32(str(root).encode("utf-8", "surrogateescape"))
    return index_dir() / f"index-{key:08x}.sqlite"


def indexed_text(norm: str) -> str:
    """What the trigram index stores for a field: its normalized text and two end marks.

    The end marks give every character, even the last, a trigram that starts with it, so a term of one
    or two characters is found by listing the trigrams that start with it (see index_query.py).
    """
    from cybrief.normalize import FIELD_END

    return norm + FIELD_END + FIELD_END


def walk(root: Path) -> dict[str, tuple[int, int]]:
    """Brief files under root as {path relative to root: (size, mtime_ns)}: the files library.brief_files lists.

    Subfolders are searched, symbolic links to folders are not followed (as Path.rglob does), a symbolic
    link to a file counts as the file.
    """
    if root.is_file():
        st = root.stat()
        return {root.name: (st.st_size, st.st_mtime_ns)}
    found: dict[str, tuple[int, int]] = {}
    stack = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.endswith(BRIEF_SUFFIXES) and name not in BRIEF_SUFFIXES:  # as Path.suffix: not ".yaml" alone
                try:
                    st = entry.stat()
                except OSError:
                    continue
                if stat_module.S_ISREG(st.st_mode):
                    found[prefix + name] = (st.st_size, st.st_mtime_ns)
                    continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, prefix + name + "/"))
            except OSError:
                continue
    return found


def _listing(on_disk: dict) -> str:
    """A digest of the files' paths, sizes and times."""
    import hashlib

    text = "\n".join(f"{path}\x00{size}\x00{mtime}" for path, (size, mtime) in sorted(on_disk.items()))
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


def sort_key(relative: str) -> str:
    """A key that orders paths as library.brief_files does (Path order: part by part)."""
    return relative.replace("/", "\x00")


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def _corrupt(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(exc)


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(str(path) + suffix)
        except OSError:
            pass


SNAPSHOT_TRIES = 5  # updates by other processes that a search waits out before it reads the files instead


def open_index(root: Path, progress=None, rebuild: bool = False, snapshot: bool = True) -> sqlite3.Connection:
    """A connection to the root's index, made current first; BriefError for broken briefs, Unavailable if unusable.

    With `snapshot` the connection is returned inside a read transaction in which the index is exactly as
    this process found it current: no other process's write (an update, a rebuild) can change what its
    queries see; close the connection when done, so that others may write. A rebuild empties the index
    in a transaction, never by deleting the file under other processes. progress(done, total) is called
    while briefs are read.
    """
    root = root.resolve()
    path = index_path(root)
    for attempt in (1, 2):
        connection = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = connect(path)
            _check_layout(connection, root, clear=rebuild and attempt == 1)
            for _ in range(SNAPSHOT_TRIES):
                before = _data_version(connection)
                Updater(connection, root, progress).run()
                if not snapshot:
                    return connection
                connection.execute("BEGIN")
                if _data_version(connection) == before:  # no other process wrote since the check began
                    return connection
                connection.execute("COMMIT")
            raise Unavailable(path, "other processes kept changing it")
        except sqlite3.Error as exc:
            if connection is not None:
                connection.close()
            if attempt == 1 and _corrupt(exc):
                _remove(path)
                continue
            raise Unavailable(path, str(exc)) from None
        except (OSError, TooLarge) as exc:
            if connection is not None:
                connection.close()
            raise Unavailable(path, str(exc)) from None
        except BaseException:
            if connection is not None:
                connection.close()
            raise
    raise Unavailable(path, "it could not be rebuilt")  # pragma: no cover - the loop returns or raises


def _data_version(connection: sqlite3.Connection) -> int:
    """SQLite's count of other connections' commits, as of this connection's latest read (one is made here)."""
    connection.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
    return connection.execute("PRAGMA data_version").fetchone()[0]


def describe(connection: sqlite3.Connection) -> str:
    """One line about an index: what it holds, its size and where it is."""
    briefs = connection.execute("SELECT count(*) FROM briefs").fetchone()[0]
    fields = connection.execute("SELECT count(*) FROM fields").fetchone()[0]
    root = connection.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()[0]
    path = Path(connection.execute("PRAGMA database_list").fetchone()[2])
    size = path.stat().st_size / 1e6
    return f"index of {root}: {briefs} briefs, {fields} fields, {size:.1f} MB in {path}"


def _identity(root: Path) -> dict[str, str]:
    return {"layout": str(LAYOUT), "version": __version__, "root": str(root)}


def _check_layout(connection: sqlite3.Connection, root: Path, clear: bool = False) -> None:
    """Create the tables in a new index; clear one written by another layout or version, or for another root,
    or when asked to (a rebuild)."""
    wanted = _identity(root)
    if not clear and connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:
        stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if all(stored.get(k) == v for k, v in wanted.items()):
            return
    connection.execute("BEGIN IMMEDIATE")
    try:
        if not clear and connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:  # another process may have won
            stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            if all(stored.get(k) == v for k, v in wanted.items()):
                connection.execute("COMMIT")
                return
        for (name, kind) in connection.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'grams_%'"
        ).fetchall():
            connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        for statement in SCHEMA.strip().split(";\n"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
        connection.execute(f"PRAGMA user_version = {LAYOUT}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


class Updater:
    """Brings an index up to date with the files under root (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, root: Path, progress=None):
        self.db, self.root, self.progress = connection, root, progress
        self.problems: list[Problem] = []

    def run(self) -> None:
        on_disk = walk(self.root)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
        if row is not None and _listing(on_disk) == row[0]:
            return  # every file as it was when the index was last found current
        stored = {row[0]: row[1:] for row in self.db.execute("SELECT path, size, mtime, crc, brief FROM files")}
        todo = [p for p, (size, mtime) in on_disk.items() if p not in stored or stored[p][0] != size or stored[p][1] != mtime]
        gone = [p for p in stored if p not in on_disk]
        if todo or gone:
            todo.sort(key=sort_key)
            total = len(todo)
            if self.progress:
                self.progress(0, total)
            for start in range(0, total, BATCH):
                self._update(todo[start:start + BATCH], on_disk, stored)
                if self.progress:
                    self.progress(min(start + BATCH, total), total)
            if gone:
                self._write(lambda: [self._drop(p) for p in gone])
        if self.problems:
            raise BriefError(self.problems)
        self._check_duplicates()
        self._remember(on_disk)

    def _remember(self, on_disk: dict) -> None:
        """Store the listing when every file's time can be trusted, so that the next run compares one value."""
        listing = _listing(on_disk)
        fresh = self.db.execute("SELECT count(*) FROM files WHERE mtime IS NULL").fetchone()[0] == 0
        fresh = fresh and self.db.execute("SELECT count(*) FROM files").fetchone()[0] == len(on_disk)
        try:
            self._write(lambda: self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (listing if fresh else None,)))
        except sqlite3.OperationalError:
            pass  # a read-only index that is current stays usable

    def _write(self, work) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            work()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _update(self, paths: list[str], on_disk: dict, stored: dict) -> None:
        """Read and parse a batch of files outside any transaction, then write what changed in one."""
        from cybrief.files import decode_utf8, read_bytes
        from cybrief.load import loads_brief

        now = time.time_ns()
        done = []  # (relative path, (size, mtime, crc) or None if unreadable or broken, brief or None)
        for relative in paths:
            file = self.root / relative if self.root.is_dir() else self.root
            shown = display_path(file)
            try:
                data = read_bytes(file, shown)
                mtime = on_disk[relative][1]
                if now - mtime < RACY_SECONDS * 1_000_000_000:
                    mtime = None  # too recent to trust: the next run checks the bytes again
                entry = (len(data), mtime, zlib.crc32(data))
                old = stored.get(relative)
                if old is not None and old[0] == entry[0] and old[2] == entry[2]:
                    done.append((relative, entry, None))  # touched, not changed
                    continue
                brief = loads_brief(decode_utf8(data, shown), shown, str(file.resolve()))
            except BriefError as exc:
                self.problems.extend(exc.problems)
                done.append((relative, None, None))
                continue
            done.append((relative, entry, brief))

        def work():
            for relative, entry, brief in done:
                row = self.db.execute("SELECT size, mtime, crc, brief FROM files WHERE path = ?", (relative,)).fetchone()
                if entry is None:
                    if row is not None:
                        self._drop(relative)
                    continue
                size, mtime, crc = entry
                if row is not None and row[0] == size and row[2] == crc:
                    # touched, or indexed by another process meanwhile: only the time is new
                    self.db.execute("UPDATE files SET mtime = ? WHERE path = ?", (mtime, relative))
                    continue
                if brief is None:  # it was a touch when read, but another process changed the row since
                    continue
                number = row[3] if row is not None else self._next_number()
                if row is not None:
                    self._drop(relative)
                self._insert(number, relative, brief)
                self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?)", (relative, size, mtime, crc, number))

        self._write(work)

    def _next_number(self) -> int:
        return (self.db.execute("SELECT max(no) FROM briefs").fetchone()[0] or 0) + 1

    def _drop(self, relative: str) -> None:
        """Delete a file's brief: its trigrams (given back their text, as a contentless FTS5 table requires) and rows."""
        from cybrief.normalize import normalize

        row = self.db.execute("SELECT brief FROM files WHERE path = ?", (relative,)).fetchone()
        self.db.execute("DELETE FROM files WHERE path = ?", (relative,))
        if row is None or row[0] is None:
            return
        number = row[0]
        low, high = number << BRIEF_SHIFT, (number + 1) << BRIEF_SHIFT
        rows = self.db.execute("SELECT fid, text FROM fields WHERE fid >= ? AND fid < ?", (low, high)).fetchall()
        self.db.executemany(
            "INSERT INTO grams(grams, rowid, norm) VALUES ('delete', ?, ?)",
            [(fid, indexed_text(normalize(text))) for fid, text in rows],
        )
        self.db.execute("DELETE FROM fields WHERE fid >= ? AND fid < ?", (low, high))
        shift = BRIEF_SHIFT - RECORD_SHIFT
        self.db.execute("DELETE FROM records WHERE key >= ? AND key < ?", (number << shift, (number + 1) << shift))
        for table, column in (("briefs", "no"), ("sectors", "brief"), ("delegates", "brief")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (number,))

    def _insert(self, number: int, relative: str, brief) -> None:
        from cybrief.library import _fold_name
        from cybrief.normalize import normalize

        rows, grams, records = [], [], {}
        for fid, info, text in brief_fields(brief, number):
            rows.append((fid, text))
            grams.append((fid, indexed_text(normalize(text))))
            records.setdefault(fid >> RECORD_SHIFT, info)
        self.db.executemany("INSERT INTO fields VALUES (?, ?)", rows)
        self.db.executemany("INSERT INTO grams(rowid, norm) VALUES (?, ?)", grams)
        self.db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)", [(k, *i.as_row()) for k, i in records.items()])
        self.db.execute(
            "INSERT INTO briefs VALUES (?, ?, ?, ?, ?)",
            (number, brief.id, brief.date, brief.path, sort_key(relative)),
        )
        self.db.executemany(
            "INSERT INTO sectors VALUES (?, ?, ?, ?, ?)",
            [(number, seq, s.slug, s.zh, s.en) for seq, s in enumerate(brief.sectors)],
        )
        self.db.executemany(
            "INSERT INTO delegates VALUES (?, ?, ?, ?, ?)",
            [(number, d.id, d.name, d.name_en, "\x00".join({_fold_name(d.id), _fold_name(d.name), _fold_name(d.name_en)}))
             for d in brief.delegates],
        )

    def _check_duplicates(self) -> None:
        """Two files with one brief id: the same error as loading the library gives."""
        dup = self.db.execute("SELECT id FROM briefs GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone()
        if dup is None:
            return
        problems, first = [], {}
        for brief_id, path in self.db.execute("SELECT id, path FROM briefs ORDER BY key"):
            if brief_id in first:
                problems.append(Problem(display_path(Path(path)), None, None, "id",
                                        f"duplicate brief id {brief_id!r} (also in {display_path(Path(first[brief_id]))})"))
            first.setdefault(brief_id, path)
        raise BriefError(problems)
