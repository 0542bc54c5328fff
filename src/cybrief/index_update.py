"""Bringing an index up to date with the files of its library: read only what changed, drop what is gone.

The files are listed with their size and modification time (snapshot.survey); a file that is new, or
whose size or time changed, is read; if its bytes hash as before (a `touch`) only the time is updated,
otherwise it is parsed and its brief replaced; rows of files that are gone are deleted. A file changed
within the last RACY_SECONDS may change again within the same clock tick, so its time is not trusted and
its bytes are checked again on the next run. A broken file is never indexed. Once the index matches the
files, their snapshot is stored, so that the next search only has to `stat` them (index.open_current).
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from pathlib import Path

from cybrief.errors import BriefError, Problem, display_path
from cybrief.fields import BRIEF_SHIFT, RECORD_SHIFT, brief_fields
from cybrief.snapshot import RACY_SECONDS, survey, unchanged

BATCH = 100  # briefs per write transaction


def indexed_text(norm: str) -> str:
    """What the trigram index stores for a field: its normalized text and two end marks.

    The end marks give every character, even the last, a trigram that starts with it, so a term of one
    or two characters is found by listing the trigrams that start with it (see index_query.py).
    """
    from cybrief.normalize import FIELD_END

    return norm + FIELD_END + FIELD_END


def sort_key(relative: str) -> str:
    """A key that orders paths as library.brief_files does (Path order: part by part)."""
    return relative.replace("/", "\x00")


class Updater:
    """Brings an index up to date with the files under root (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, root: Path, progress=None):
        self.db, self.root, self.progress = connection, root, progress
        self.problems: list[Problem] = []

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
        self._remember(found)

    def _remember(self, found) -> None:
        """Store the snapshot when every time in it can be trusted, so that the next run only `stat`s the files."""
        fresh = found.trusted() and self.db.execute("SELECT count(*) FROM files WHERE mtime IS NULL").fetchone()[0] == 0
        fresh = fresh and self.db.execute("SELECT count(*) FROM files").fetchone()[0] == len(found.files)
        try:
            self._write(lambda: self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (found.encode() if fresh else None,)))
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
