"""Bringing an index up to date with the files of its library: read only what changed, drop what is gone.

The files are listed with their size and modification time (snapshot.survey); a file that is new, or
whose size or time changed, is read; if its bytes hash as before (a `touch`) only the time is updated,
otherwise it is parsed and its brief replaced; rows of files that are gone are deleted. A file changed
within the last RACY_SECONDS may change again within the same clock tick, so its time is not trusted and
its bytes are checked again on the next run. A broken file is never indexed. Once the index matches the
files, their snapshot is stored, so that the next search only has to `stat` them (index.open_checking).

Parsing a brief is most of the cost of building an index, and it needs no database: when many files
changed, worker processes parse them (rows.py) while this process reads the files and writes the
rows, batch by batch, in file order.
"""

from __future__ import annotations

import os
import sqlite3
import time
import zlib
from collections import deque
from pathlib import Path

from cybrief.errors import BriefError, Problem, display_path
from cybrief.index.rows import indexed_text, rows
from cybrief.index.snapshot import RACY_SECONDS, survey, unchanged
from cybrief.search.fields import BRIEF_SHIFT, RECORD_SHIFT, TooLarge

BATCH = 500  # briefs per write transaction: each commit waits for the disk, and each flushes a new FTS5 segment
SHOWN = 100  # briefs between two updates of the progress bar
PARALLEL_FROM = 200  # files to parse from which worker processes pay for their start (a few tenths of a second)
MAX_WORKERS = 4
TASK = 10  # files per task sent to a worker
TOUCHED = "touched"  # a file whose bytes hash as before: only its time is new


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

    def run(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        if row is not None and row[0] is not None and unchanged(str(self.root), row[0]):
            return  # every folder and file as they were when the index was last found current
        found = survey(str(self.root))
        on_disk = found.files
        stored = {row[0]: row[1:] for row in self.db.execute("SELECT path, size, mtime, crc, brief FROM files")}
        todo = [p for p, (size, mtime) in on_disk.items() if p not in stored or stored[p][0] != size or stored[p][1] != mtime]
        gone = [p for p in stored if p not in on_disk]
        if todo or gone:
            todo.sort(key=sort_key)
            total, done = len(todo), []
            if self.progress:
                self.progress(0, total)
            for index, item in enumerate(self._parsed(todo, on_disk, stored), 1):
                done.append(item)
                if len(done) == BATCH or index == total:
                    self._write(lambda: self._store(done))
                    done = []
                if self.progress and (index % SHOWN == 0 or index == total):
                    self.progress(index, total)
            if gone:
                self._write(lambda: [self._forget(), *(self._drop(p) for p in gone)])
        if self.problems and self.skipped is None:
            raise BriefError(self.problems)
        if self.problems:
            self.skipped.extend(self.problems)  # and no snapshot is stored: the index does not hold every file
        self._check_duplicates()
        self._remember(found)

    def _remember(self, found) -> None:
        """Store the snapshot when every time in it can be trusted, so that the next run only `stat`s the files.

        Only if the index holds exactly the files of the snapshot, as they were surveyed: checked in the
        transaction that stores it, since another process may have changed the index (or emptied it for a
        rebuild) since this one brought it up to date; a snapshot stored over other rows would make every
        later search trust an index that is not current.
        """
        trusted = found.trusted()

        def store():
            fresh = trusted and {path: (size, mtime) for path, size, mtime in
                                 self.db.execute("SELECT path, size, mtime FROM files")} == found.files
            if fresh:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (found.encode(),))
            else:  # nothing written when there is no snapshot already, so that the file is left alone
                self._forget()

        try:
            self._write(store)
        except sqlite3.OperationalError:
            pass  # a read-only index that is current stays usable

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
            self.db.execute("ROLLBACK")
            raise

    def _parsed(self, todo: list[str], on_disk: dict, stored: dict):
        """(relative path, (size, mtime, crc) or None if unreadable or broken, rows or TOUCHED or None), in order.

        Files are read here, outside any transaction; they are parsed by worker processes when there are
        many (index_workers.py), here otherwise.
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

        results = parsed(jobs(), workers, TASK)
        for result in results:
            while not isinstance(waiting[0][2], tuple):  # touched or unreadable files need no parse
                relative, entry, job = waiting.popleft()
                yield relative, *self._outcome(entry, job)
            relative, entry, _ = waiting.popleft()
            yield relative, *self._outcome(entry, result)
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
        mtime = on_disk[relative][1]
        if time.time_ns() - mtime < RACY_SECONDS * 1_000_000_000:
            mtime = None  # too recent to trust: the next run checks the bytes again
        entry = (len(data), mtime, zlib.crc32(data))
        old = stored.get(relative)
        if old is not None and old[0] == entry[0] and old[2] == entry[2]:
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
        for relative, entry, parsed in done:
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
            if parsed is TOUCHED:  # it was a touch when read, but another process changed the row since
                continue
            number = row[3] if row is not None else self._next_number()
            if row is not None:
                self._drop(relative)
            self._insert(number, relative, parsed)
            self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?)", (relative, size, mtime, crc, number))

    def _next_number(self) -> int:
        return (self.db.execute("SELECT max(no) FROM briefs").fetchone()[0] or 0) + 1

    def _drop(self, relative: str) -> None:
        """Delete a file's brief: its trigrams (given back their text, as a contentless FTS5 table requires) and rows."""
        from cybrief.search.normalize import normalize

        row = self.db.execute("SELECT brief FROM files WHERE path = ?", (relative,)).fetchone()
        self.db.execute("DELETE FROM files WHERE path = ?", (relative,))
        if row is None or row[0] is None:
            return
        number = row[0]
        low, high = number << BRIEF_SHIFT, (number + 1) << BRIEF_SHIFT
        fields = self.db.execute("SELECT fid, text FROM fields WHERE fid >= ? AND fid < ?", (low, high)).fetchall()
        self.db.executemany(
            "INSERT INTO grams(grams, rowid, norm) VALUES ('delete', ?, ?)",
            [(fid, indexed_text(normalize(text))) for fid, text in fields],
        )
        self.db.execute("DELETE FROM fields WHERE fid >= ? AND fid < ?", (low, high))
        shift = BRIEF_SHIFT - RECORD_SHIFT
        self.db.execute("DELETE FROM records WHERE key >= ? AND key < ?", (number << shift, (number + 1) << shift))
        for table, column in (("briefs", "no"), ("sectors", "brief"), ("delegates", "brief")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (number,))

    def _insert(self, number: int, relative: str, parsed: tuple) -> None:
        """Insert the rows of a parsed brief (see rows.rows) under its number."""
        brief_id, date, path, fields, records, sectors, delegates = parsed
        base, record_base = number << BRIEF_SHIFT, number << (BRIEF_SHIFT - RECORD_SHIFT)
        self.db.executemany("INSERT INTO fields VALUES (?, ?)", [(base | fid, text) for fid, text, _ in fields])
        self.db.executemany("INSERT INTO grams(rowid, norm) VALUES (?, ?)", [(base | fid, norm) for fid, _, norm in fields])
        self.db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(record_base | k, *r) for k, r in records])
        self.db.execute("INSERT INTO briefs VALUES (?, ?, ?, ?, ?)", (number, brief_id, date, path, sort_key(relative)))
        self.db.executemany("INSERT INTO sectors VALUES (?, ?, ?, ?, ?)", [(number, *s) for s in sectors])
        self.db.executemany("INSERT INTO delegates VALUES (?, ?, ?, ?, ?)", [(number, *d) for d in delegates])

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
