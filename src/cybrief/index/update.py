"""Bringing an index up to date with the files of its library: read only what changed, drop what is gone.

The files are listed with their size, modification time, change time and inode (snapshot.survey); a
file that is new, or for which any of the four changed, is read; if its bytes hash as before (a `touch`,
a `chmod`) only the four numbers are updated, otherwise it is parsed and its brief replaced; rows of files
that are gone are deleted. The hash is BLAKE2b (128 bits), which no edit can match by chance or by design,
unlike the CRC-32 of earlier layouts; it is computed only for files read anyway, at about 30 µs for a
brief of 26 KB. A file changed within the last RACY_SECONDS may change again within the same clock tick,
so its time is not trusted and its bytes are checked again on the next run. A broken file is never indexed. Once the index matches the
files, their snapshot is stored, so that the next search only has to `stat` them (index.open_checking).

Parsing a brief is most of the cost of building an index, and it needs no database: when many files
changed, worker processes parse them (rows.py) while this process reads the files and writes the
rows, batch by batch, in file order.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import time
from collections import deque
from pathlib import Path

from cybrief.errors import BriefError, Problem, display_path
from cybrief.index.rows import indexed_text, joined_norms, rows
from cybrief.index.snapshot import RACY_SECONDS, UNKNOWN, Survey, check, survey
from cybrief.search.fields import TooLarge

BATCH = 500  # briefs per write transaction: each commit waits for the disk, and each flushes a new FTS5 segment
OPTIMIZE_FROM = 1000  # briefs written in one run from which the trigram index is merged into one segment after
SHOWN = 100  # briefs between two updates of the progress bar
PARALLEL_FROM = 200  # files to parse from which worker processes pay for their start (a few tenths of a second)
MAX_WORKERS = 4
TASK = 10  # files per task sent to a worker
TOUCHED = "touched"  # a file whose bytes hash as before: only its time is new


def rollback(connection: sqlite3.Connection) -> None:
    """End a failed write: roll back if SQLite has not already (it does itself on a full disk or a lost lock)."""
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error being raised says what went wrong


# The rows of sectors are keyed by (slug, brief): a brief's are found by a seek per slug the library has, each slug
# found by a seek from the one before, instead of a scan of every row (15 ms at 30,000 briefs for one brief updated).
_DROP_SECTORS = """
WITH RECURSIVE slugs(slug) AS (SELECT min(slug) FROM sectors
                               UNION ALL SELECT (SELECT min(slug) FROM sectors WHERE slug > slugs.slug) FROM slugs
                               WHERE slugs.slug IS NOT NULL)
DELETE FROM sectors WHERE slug IN (SELECT slug FROM slugs WHERE slug IS NOT NULL) AND brief = ?
"""


def data_version(connection: sqlite3.Connection) -> int:
    """SQLite's count of other connections' commits, as of this connection's latest read (one is made here)."""
    connection.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
    return connection.execute("PRAGMA data_version").fetchone()[0]


def digest(data: bytes) -> bytes:
    import hashlib  # here: a run that finds the library unchanged never needs it (it costs start-up time)

    return hashlib.blake2b(data, digest_size=16).digest()


def sort_key(relative: str) -> str:
    """A key that orders paths as library.brief_files does (Path order: part by part)."""
    return relative.replace("/", "\x00")


def _workers(files: int) -> int:
    if files < PARALLEL_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS)


class Updater:
    """Brings an index up to date with the files under root (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, root: Path, progress=None, skipped: list | None = None):
        self.db, self.root, self.progress = connection, root, progress
        self.problems: list[Problem] = []
        self.skipped = skipped  # given: broken files are listed in it and the others indexed, instead of an error
        self.known: set[str] | None = None  # characters whose pinyin readings the index holds
        self.final: dict[str, tuple] = {}  # the numbers each file written has in its row now
        self.inserted: list[str] = []  # the ids of the briefs written

    def run(self, changes=None, version: int | None = None) -> None:
        """Bring the index up to date. `changes` is what snapshot.check found if the caller checked already (None:
        no snapshot, or a folder changed), `version` the index's data_version read before that check."""
        if version is None:
            version = data_version(self.db)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
            changes = check(str(self.root), row[0]) if row is not None and row[0] is not None else None
        if changes is not None and not changes.changed:
            return  # every folder and file as they were when the index was last found current
        if changes is None:  # the files are listed, and compared with every row
            found = survey(str(self.root))
            on_disk = found.files
            stored = {row[0]: row[1:] for row in self.db.execute("SELECT path, size, mtime, ctime, inode, digest, brief FROM files")}
            gone = [p for p in stored if p not in on_disk]
        else:  # the same files as the snapshot: only those it says changed are looked at
            found = changes
            on_disk = changes.changed_files()
            stored = {}
            for relative in on_disk:
                row = self.db.execute("SELECT path, size, mtime, ctime, inode, digest, brief FROM files WHERE path = ?",
                                      (relative,)).fetchone()
                if row is not None:
                    stored[relative] = row[1:]
            gone = []
        todo = [p for p, key in on_disk.items() if p not in stored or stored[p][:4] != key]
        if todo or gone:
            self._apply(todo, gone, on_disk, stored)
        if self.problems and self.skipped is None:
            raise BriefError(self.problems)
        if self.problems:
            self.skipped.extend(self.problems)  # and no snapshot is stored: the index does not hold every file
        self._check_duplicates(None if changes is None else self.inserted)
        numbers = {p: self.final[p] if self.final.get(p) == on_disk[p] else (UNKNOWN, *on_disk[p][1:]) for p in todo}
        self._remember(found, numbers, version)

    def _apply(self, todo: list[str], gone: list[str], on_disk: dict, stored: dict) -> None:
        """Read the files to do and write what they hold, drop the rows of the files gone."""
        todo.sort(key=sort_key)
        total, done = len(todo), []
        if self.progress:
            self.progress(0, total)
        items = self._parsed(todo, on_disk, stored)
        try:
            for index, item in enumerate(items, 1):
                done.append(item)
                if len(done) == BATCH or index == total:
                    self._write(lambda: self._store(done))
                    done = []
                if self.progress and (index % SHOWN == 0 or index == total):
                    self.progress(index, total)
        finally:
            items.close()  # now, not when collected: on Ctrl-C or an error the workers are stopped at once
        if gone:
            self._write(lambda: [self._forget(), *(self._drop(p) for p in gone)])
        if total >= OPTIMIZE_FROM:
            self._compact()

    def _remember(self, found, numbers: dict, version: int) -> None:
        """Store the snapshot (found: a Survey or snapshot.Changes, with the final `numbers` of the files this run
        wrote), so that the next run only `stat`s the files.

        Only if the index holds exactly the files of the snapshot, as they were surveyed: if no other process
        wrote since this one's check (`version`), the rows are those it read and wrote; otherwise they are read
        again and compared, in the transaction that stores the snapshot, since another process may have changed
        the index (or emptied it for a rebuild); a snapshot stored over other rows would make every later search
        trust an index that is not current. A row whose numbers are not the file's is stored as unknown.
        """
        whole = not self.problems and (not isinstance(found, Survey) or found.complete)

        def store():
            encoded = None
            if whole and data_version(self.db) == version:
                encoded = found.encode(numbers)
            elif whole:
                listing = found if isinstance(found, Survey) else Survey(str(self.root), found.files(), found.folders,
                                                                          found.started)
                rows = {row[0]: row[1:] for row in self.db.execute("SELECT path, size, mtime, ctime, inode FROM files")}
                if rows.keys() == listing.files.keys():
                    encoded = listing.encode({p: k if rows[p] == k else (UNKNOWN, *k[1:]) for p, k in listing.files.items()})
            if encoded is not None:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (encoded,))
            else:  # nothing written when there is no snapshot already, so that the file is left alone
                self._forget()

        try:
            self._write(store)
        except sqlite3.OperationalError:
            pass  # a read-only index that is current stays usable

    def _compact(self) -> None:
        """After many briefs were written: merge the trigram index's segments into one (a term's entries are then
        stored once, not once per segment), and give the pages that frees back to the file system. Measured
        on 2,000 generated briefs: the trigram index 22% smaller, the whole index 14%."""
        self._write(lambda: self.db.execute("INSERT INTO grams(grams) VALUES ('optimize')"))
        # its own statement, stepped to the end: each step gives back a page (execute() would take one step)
        self.db.executescript("PRAGMA incremental_vacuum;")

    def _forget(self) -> None:
        """Drop the stored snapshot (inside a transaction): the rows are changing, so the files may no longer
        be as it says; if this run stops before the end (a broken file), no later search trusts it."""
        self.db.execute("DELETE FROM meta WHERE key = 'snapshot'")

    def _write(self, work) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            work()
            self.db.execute("COMMIT")
        except BaseException:
            rollback(self.db)
            raise

    def _parsed(self, todo: list[str], on_disk: dict, stored: dict):
        """(relative path, (size, mtime, ctime, inode, digest) or None if unreadable or broken, rows or TOUCHED or
        None), in order.

        Files are read here, outside any transaction; they are parsed by worker processes when there are
        many (workers.py), here otherwise.
        """
        reads = (self._read(relative, on_disk, stored) for relative in todo)
        workers = _workers(len(todo))
        if workers == 1:
            for relative, entry, job in reads:
                yield relative, *self._outcome(entry, rows(job) if isinstance(job, tuple) else job)
            return
        from cybrief.index.workers import parsed

        waiting: deque = deque()  # reads whose parse is on its way, in order

        def jobs():
            for read in reads:
                waiting.append(read)
                if isinstance(read[2], tuple):
                    yield read[2]

        results = parsed(jobs(), workers, TASK, ahead=BATCH // (workers * TASK) + 2)  # parsing while a batch is written
        try:
            for result in results:
                while not isinstance(waiting[0][2], tuple):  # touched or unreadable files need no parse
                    relative, entry, job = waiting.popleft()
                    yield relative, *self._outcome(entry, job)
                relative, entry, _ = waiting.popleft()
                yield relative, *self._outcome(entry, result)
        finally:
            results.close()
        while waiting:
            relative, entry, job = waiting.popleft()
            yield relative, *self._outcome(entry, job)

    def _read(self, relative: str, on_disk: dict, stored: dict) -> tuple:
        """(relative path, entry or None, a job for rows(), TOUCHED, or None if the file cannot be read)."""
        from cybrief.files import read_bytes

        file = self.root / relative if self.root.is_dir() else self.root
        shown = display_path(file)
        try:
            data = read_bytes(file, shown)
        except BriefError as exc:
            self.problems.extend(exc.problems)
            return relative, None, None
        size, mtime, ctime, inode = on_disk[relative]
        if time.time_ns() - mtime < RACY_SECONDS * 1_000_000_000:
            mtime = None  # too recent to trust: the next run checks the bytes again
        entry = (len(data), mtime, ctime, inode, digest(data))
        old = stored.get(relative)
        if old is not None and old[0] == entry[0] and old[4] == entry[4]:
            return relative, entry, TOUCHED
        return relative, entry, (shown, str(file.resolve()), data)

    def _outcome(self, entry, parsed) -> tuple:
        if parsed is None or parsed is TOUCHED:
            return entry, parsed
        kind, value = parsed
        if kind == "broken":
            self.problems.extend(Problem(*p) for p in value)
            return None, None
        if kind == "too large":
            raise TooLarge(value)
        return entry, value

    def _store(self, done: list) -> None:
        """Write a batch of parsed files (inside a transaction)."""
        self._forget()
        self.known = None  # read again in this transaction: another process may have rebuilt the index
        for relative, entry, parsed in done:
            row = self.db.execute("SELECT size, digest, brief FROM files WHERE path = ?", (relative,)).fetchone()
            self.final.pop(relative, None)
            if entry is None:
                if row is not None:
                    self._drop(relative)
                continue
            if row is not None and row[0] == entry[0] and row[1] == entry[4]:
                # touched, or indexed by another process meanwhile: only the numbers of `stat` are new
                self.db.execute("UPDATE files SET mtime = ?, ctime = ?, inode = ? WHERE path = ?", (*entry[1:4], relative))
                self.final[relative] = entry[:4]
                continue
            if parsed is TOUCHED:  # it was a touch when read, but another process changed the row since
                continue
            number = row[2] if row is not None else self._next_number()
            if row is not None:
                self._drop(relative)
            self._insert(number, relative, parsed)
            self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", (relative, *entry, number))
            self.final[relative] = entry[:4]
            self.inserted.append(parsed[0])

    def _next_number(self) -> int:
        return (self.db.execute("SELECT max(no) FROM briefs").fetchone()[0] or 0) + 1

    def _drop(self, relative: str) -> None:
        """Delete a file's brief: its trigrams (given back their text, as a contentless FTS5 table requires) and rows."""
        from cybrief.index.stored import Damaged, read

        row = self.db.execute("SELECT brief FROM files WHERE path = ?", (relative,)).fetchone()
        self.db.execute("DELETE FROM files WHERE path = ?", (relative,))
        if row is None or row[0] is None:
            return
        number = row[0]
        body = self.db.execute("SELECT blob FROM bodies WHERE no = ?", (number,)).fetchone()
        if body is not None:
            try:
                stored = read(body[0], "search")
                text = indexed_text(joined_norms(stored.joined, stored.exceptions, stored.listed))
            except Damaged as exc:  # its trigrams cannot be taken out: the index must be built again
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
            self.db.execute("INSERT INTO grams(grams, rowid, norm) VALUES ('delete', ?, ?)", (number, text))
        for table in ("briefs", "facts", "bodies", "targets_csv", "delegates_csv"):
            self.db.execute(f"DELETE FROM {table} WHERE no = ?", (number,))
        self.db.execute(_DROP_SECTORS, (number,))

    def _insert(self, number: int, relative: str, parsed: tuple) -> None:
        """Insert what rows.rows made of a brief under its number."""
        brief_id, date, path, text, blob, fields, sectors, delegates, characters, draft, lines, template = parsed
        self.db.execute("INSERT INTO briefs VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (number, brief_id, date, path, sort_key(relative), fields, draft))
        self.db.execute("INSERT INTO facts VALUES (?, ?)", (number, marshal.dumps(delegates)))
        self.db.executemany("INSERT OR IGNORE INTO sectors VALUES (?, ?, ?, ?, ?)",
                            [(slug, number, seq, zh, en) for seq, (slug, zh, en) in enumerate(sectors)])
        self.db.execute("INSERT INTO bodies VALUES (?, ?)", (number, blob))
        self.db.execute("INSERT INTO targets_csv VALUES (?, ?)", (number, lines))
        self.db.execute("INSERT INTO delegates_csv VALUES (?, ?)", (number, template))
        self.db.execute("INSERT INTO grams(rowid, norm) VALUES (?, ?)", (number, text))
        self._readings(characters)

    def _readings(self, characters: str) -> None:
        """Store the pinyin readings of characters the index does not know yet (pinyin search needs no pypinyin
        then); pypinyin is loaded only when a brief brings a character never seen in this library."""
        if self.known is None:
            self.known = {row[0] for row in self.db.execute("SELECT ch FROM readings")}
        if self.known.issuperset(characters):  # nearly every brief, once a library's characters are known
            return
        new = [ch for ch in characters if ch not in self.known]
        if not new:
            return
        from cybrief.search.pinyin import readings, syllables

        self.db.executemany("INSERT OR IGNORE INTO readings VALUES (?, ?)", readings(new))
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('syllables', ?)", (" ".join(syllables()),))
        self.known.update(new)

    def _check_duplicates(self, ids: list[str] | None = None) -> None:
        """Two files with one brief id: the same error as loading the library gives. Given `ids` (those of the
        briefs just written, when the index held no two briefs of one id before), only those are looked up."""
        if ids is not None:
            if not any(self.db.execute("SELECT count(*) FROM briefs WHERE id = ?", (i,)).fetchone()[0] > 1 for i in ids):
                return
        elif self.db.execute("SELECT id FROM briefs GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone() is None:
            return
        problems, first = [], {}
        for brief_id, path in self.db.execute("SELECT id, path FROM briefs ORDER BY key"):
            if brief_id in first:
                problems.append(Problem(display_path(Path(path)), None, None, "id",
                                        f"duplicate brief id {brief_id!r} (also in {display_path(Path(first[brief_id]))})"))
            first.setdefault(brief_id, path)
        raise BriefError(problems)
