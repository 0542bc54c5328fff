"""The on-disk search index of a library: where it lives, its tables, opening it, and knowing it is current.

One index per library folder, in $XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief). It holds every
searchable field of every brief (fields.py numbers them), the facts filters need (records, sectors,
delegates, briefs), and an FTS5 trigram index of the normalized text of each field.

Keeping it current: every search first compares the library with the snapshot stored after the last
update (snapshot.py: one `stat` per folder and file, no listing). If anything differs, index_update.py
lists the files, reads only those that are new or changed and drops the briefs of those that are gone.

An index that is missing is built; one from another layout or cybrief version, or corrupt, is deleted
and built again; one that cannot be written (and is not current) makes the search read the files
instead (Unavailable). Writes are SQLite transactions, one per batch of briefs, so a crash or a second
process at work never leaves a half-written brief behind.

Only what a warm search needs is imported here (open_checking runs before anything else is loaded).
"""

from __future__ import annotations

import os
import sqlite3
import zlib

from cybrief import __version__
from cybrief.errors import Unavailable  # noqa: F401 - raised here, and imported from here by callers
from cybrief.index import cache_home
from cybrief.index.snapshot import check, survey, unchanged

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a search start-up time
if TYPE_CHECKING:
    from pathlib import Path

LAYOUT = 9  # bump when the tables, the stored blob, the fields indexed or the normalization change
BUSY_SECONDS = 60  # how long to wait for another process's write to finish

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value);
CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER, digest BLOB,
                   brief INTEGER);
CREATE TABLE briefs(no INTEGER PRIMARY KEY, id TEXT, date TEXT, path TEXT, key TEXT, fields INTEGER, draft INTEGER);
CREATE TABLE facts(no INTEGER PRIMARY KEY, delegates BLOB);
CREATE TABLE sectors(slug TEXT, brief INTEGER, seq INTEGER, zh TEXT, en TEXT, PRIMARY KEY(slug, brief, seq)) WITHOUT ROWID;
CREATE INDEX briefs_id ON briefs(id);
CREATE INDEX briefs_key ON briefs(key);
CREATE TABLE bodies(no INTEGER PRIMARY KEY, blob BLOB);
CREATE TABLE targets_csv(no INTEGER PRIMARY KEY, lines BLOB);
CREATE TABLE delegates_csv(no INTEGER PRIMARY KEY, template BLOB);
CREATE TABLE readings(ch TEXT PRIMARY KEY, syllables TEXT) WITHOUT ROWID;
CREATE VIRTUAL TABLE grams USING fts5(norm, tokenize='trigram case_sensitive 1', content='', columnsize=0, detail=none);
INSERT INTO grams(grams, rank) VALUES ('automerge', 8);
INSERT INTO grams(grams, rank) VALUES ('hashsize', 16777216);
"""
# A brief's delegates ((id, name, name_en, names folded as searched) ...) are marshal data in its row of facts
# (a table of a row each took 2% of the index), apart from briefs, which queries scan in library order and which
# stays small. Sectors have a row each, by slug: a --sector filter finds its briefs, and the library's sectors
# (the first definition of each slug) come from one grouped query.
# targets_csv (each target's CSV line, then its facts) and delegates_csv (a template of the delegates' CSV lines) hold
# what listings of every target or delegate read instead of the blob of bodies (listed.py).
# One row of the trigram index per brief, holding which trigrams occur in it and nothing else (detail=none:
# no positions, no columns, no copy of the text); a term's candidate briefs are those holding each of its
# trigrams, and its exact place is then found in the brief's stored normalized text (stored.py). Measured
# on 1,000 generated briefs: a row per field with positions, as layout 2 kept, took 1.55x the bytes of the
# YAML; per field without positions 0.66x; per brief without positions 0.27x (docs/search.md).
# automerge 8 (default 4): FTS5 merges its segments half as often while briefs are added; hashsize 16 MiB
# (default 1 MiB): it writes a transaction's new entries in fewer, larger segments, so there is less to
# merge. Together they made writing 10,000 briefs about a third cheaper (and a build's memory a little
# larger); queries read a few more segments, which costs a fraction of a millisecond.


def index_file(root: str) -> str:
    """Where the index of a library lives; root is the library's resolved path."""
    key = zlib.crc32(root.encode("utf-8", "surrogateescape"))
    return os.path.join(cache_home(), f"index-{key:08x}.sqlite")


def index_dir() -> Path:
    from pathlib import Path

    return Path(cache_home())


def index_path(root: Path) -> Path:
    from pathlib import Path

    return Path(index_file(str(root)))


def walk(root: Path) -> dict[str, tuple[int, int]]:
    """Brief files under root as {path relative to root: (size, mtime_ns)}: the files library.brief_files lists."""
    return survey(str(root)).files


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def _corrupt(exc: sqlite3.Error) -> bool:
    """Whether an error says the index is damaged, or is not what this version writes (a table or column it
    lacks: edited by hand, or written by a build of another layout under the same number)."""
    text = str(exc)
    return (getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text
            or text.startswith(("no such table", "no such column")))


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(str(path) + suffix)
        except OSError:
            pass


def discard_if_corrupt(root: Path, exc: sqlite3.Error) -> None:
    """Remove the root's index if the error says it is corrupt: the next search builds it again."""
    if _corrupt(exc):
        _remove(index_path(root.resolve()))


def discard_index(root: Path, exc: sqlite3.Error) -> None:
    """discard_if_corrupt, or else raise the error again: one that does not say the index is damaged (a full
    disk, a lock held too long) is not the index's fault, and is reported."""
    if not _corrupt(exc):
        raise exc
    _remove(index_path(root.resolve()))


def open_checking(root: str):
    """(connection, current) for the index of root (resolved), inside a read transaction; else None.

    current() waits for the check of the files and says whether the index is current: written by this
    layout and version for this root, and every folder and file as its snapshot says. Nothing is written;
    an index that is not current is for open_index, which builds, updates or steps aside. The check (one `stat` per file)
    runs in a thread begun here, so that the caller can look things up in the index meanwhile: SQLite and
    `stat` both leave the interpreter free while they work. Nothing read before current() is true may be
    shown. None: no index of this layout and version for root, or one that cannot be read.
    """
    path = index_file(root)
    if not os.path.isfile(path):
        return None
    connection = None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        connection.execute("BEGIN")  # one read transaction: the check and the answer see the same index
        if connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:
            stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            snapshot = stored.get("snapshot")
            if _matches(stored, root) and snapshot is not None:
                return connection, _in_thread(unchanged, root, snapshot)
    except sqlite3.Error:
        pass
    if connection is not None:
        connection.close()
    return None


def _in_thread(function, *args):
    """Start function(*args) in a thread; return a function that waits for its result (False if it raised)."""
    import _thread  # not threading: this runs on every warm search, and threading costs an import

    done, result = _thread.allocate_lock(), []
    done.acquire()

    def work():
        try:
            result.append(function(*args))
        finally:
            done.release()

    _thread.start_new_thread(work, ())

    def wait():
        with done:
            return bool(result and result[0])

    return wait


SNAPSHOT_TRIES = 5  # updates by other processes that a search waits out before it reads the files instead


def open_index(root: Path, progress=None, rebuild: bool = False, snapshot: bool = True,
               skipped: list | None = None) -> sqlite3.Connection:
    """A connection to the root's index, made current first; BriefError for broken briefs, Unavailable if unusable.

    With `snapshot` the connection is returned inside a read transaction in which the index is exactly as
    this process found it current: no other process's write (an update, a rebuild) can change what its
    queries see; close the connection when done, so that others may write. A rebuild empties the index
    in a transaction, never by deleting the file under other processes. progress(done, total) is called
    while briefs are read. With a `skipped` list, broken briefs are added to it and left out of the index
    instead of raising BriefError.
    """
    root = root.resolve()
    path = index_path(root)
    if snapshot and not rebuild:
        current = _opened_current(path, root)  # the usual case, in a few queries: the index is current
        if current is not None:
            return current
    from cybrief.search.fields import TooLarge

    created = not path.exists()
    for attempt in (1, 2):
        connection = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = connect(path)
            _check_layout(connection, root, clear=rebuild and attempt == 1)
            for _ in range(SNAPSHOT_TRIES):
                before = _data_version(connection)
                changes = _changes(connection, root)
                if changes is None or changes.changed:
                    from cybrief.index.update import Updater

                    Updater(connection, root, progress, skipped).run(changes, before)
                if not snapshot:
                    return _made(connection, path, created)
                connection.execute("BEGIN")
                if _data_version(connection) == before:  # no other process wrote since the check began
                    return _made(connection, path, created)
                connection.execute("COMMIT")
            raise Unavailable(path, "other processes kept changing it")
        except sqlite3.Error as exc:
            if connection is not None:
                connection.close()
            if attempt == 1 and (_corrupt(exc) or isinstance(exc, Uncleared)):
                _remove(path)
                continue
            _settle(path)
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


def _settle(path: Path) -> None:
    """After a failed write (a full disk): read the index once more, so that SQLite rolls back and removes the
    journal the failure left (it would otherwise stay until the next run, holding the space it took)."""
    try:
        connection = sqlite3.connect(str(path), timeout=1)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        pass


def _opened_current(path: Path, root: Path) -> sqlite3.Connection | None:
    """A connection to the index inside a read transaction, if the index is current then; else None (nothing
    written, nothing raised: open_index then takes the long way, which also deals with every failure)."""
    if not path.is_file():
        return None
    connection = None
    try:
        connection = connect(path)
        connection.execute("BEGIN")  # the check and every later query see the same index
        if connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:
            stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            snapshot = stored.get("snapshot")
            if _matches(stored, root) and snapshot is not None and unchanged(str(root), snapshot):
                return connection
    except sqlite3.Error:
        pass
    if connection is not None:
        connection.close()
    return None


def _made(connection: sqlite3.Connection, path: Path, created: bool) -> sqlite3.Connection:
    """The connection; when its index was just created, other indexes deleted to keep the cache under its cap."""
    if created:
        from cybrief.index.caches import enforce_cap

        try:
            enforce_cap(str(path))
        except BaseException:
            connection.close()
            raise
    return connection


def _changes(connection: sqlite3.Connection, root):
    """What changed since the stored snapshot (snapshot.check: nothing when the index is current); None when there is
    none, or a folder changed."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
    return check(str(root), row[0]) if row is not None and row[0] is not None else None


def _data_version(connection: sqlite3.Connection) -> int:
    """SQLite's count of other connections' commits, as of this connection's latest read (one is made here)."""
    connection.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
    return connection.execute("PRAGMA data_version").fetchone()[0]


def describe(connection: sqlite3.Connection) -> str:
    """One line about an index: what it holds, its size and where it is."""
    briefs, fields = connection.execute("SELECT count(*), coalesce(sum(fields), 0) FROM briefs").fetchone()
    root = connection.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()[0]
    path = connection.execute("PRAGMA database_list").fetchone()[2]
    size = os.stat(path).st_size / 1e6
    noun = "brief" if briefs == 1 else "briefs"
    return f"index of {root}: {briefs} {noun}, {fields} fields, {size:.1f} MB in {path}"


def _identity(root) -> dict[str, str]:
    return {"layout": str(LAYOUT), "version": __version__, "root": str(root)}


def _matches(stored: dict, root) -> bool:
    return all(stored.get(k) == v for k, v in _identity(root).items())


class Uncleared(sqlite3.DatabaseError):
    """An index holding something a rebuild cannot drop (a virtual table of an unknown module): the file is
    removed and made again, as a corrupt one is."""


def _check_layout(connection: sqlite3.Connection, root: Path, clear: bool = False) -> None:
    """Create the tables in a new index; clear one written by another layout or version, or for another root,
    or when asked to (a rebuild)."""
    wanted = _identity(root)
    if not clear and connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:
        if _matches(dict(connection.execute("SELECT key, value FROM meta").fetchall()), root):
            return
    # A new file gives back the pages merges free (update.py runs incremental_vacuum after large writes); it
    # must be asked for before the first table, and outside a transaction.
    connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
    connection.execute("BEGIN IMMEDIATE")
    try:
        if not clear and connection.execute("PRAGMA user_version").fetchone()[0] == LAYOUT:  # another process may have won
            if _matches(dict(connection.execute("SELECT key, value FROM meta").fetchall()), root):
                connection.execute("COMMIT")
                return
        _drop_everything(connection)
        for statement in SCHEMA.strip().split(";\n"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
        connection.execute(f"PRAGMA user_version = {LAYOUT}")
        connection.execute("COMMIT")
    except BaseException:
        from cybrief.index.update import rollback

        rollback(connection)
        raise


def _drop_everything(connection: sqlite3.Connection) -> None:
    """Drop every trigger, view and table (a virtual table with its own tables), whatever their names."""
    for kind, virtual in (("trigger", False), ("view", False), ("table", True), ("table", False)):
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite^_%' ESCAPE '^' "
            "AND (sql LIKE 'CREATE VIRTUAL%') = ?", (kind, virtual),
        ).fetchall()
        for (name,) in rows:
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                connection.execute(f"DROP {kind.upper()} IF EXISTS {quoted}")
            except sqlite3.OperationalError as exc:  # e.g. "no such module": nothing in this file can drop it
                raise Uncleared(str(exc)) from None
