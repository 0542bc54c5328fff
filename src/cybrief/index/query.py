"""Answering a search from the on-disk index: candidate fields from the trigram index, facts from the tables.

A term of three characters or more is an FTS5 phrase of trigrams, which matches exactly the fields whose
normalized text contains it. A shorter term has no trigram of its own: the trigrams that start with it
are listed from the index's vocabulary (every character has one, thanks to the two end marks stored
after each field), and the fields holding any of them are the fields that contain the term. Regular
expressions and pinyin have no such shortcut: they read every field's text.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from cybrief.errors import NoMatch, UsageError
from cybrief.search import fields as F
from cybrief.search.fields import RecordInfo
from cybrief.search.query import Query

_CHUNK = 500  # ids per IN (...) list


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _bounds(column: str, brief_no: int | None) -> tuple[str, list[int]]:
    """An SQL condition keeping one brief's field ids, and its arguments."""
    if brief_no is None:
        return "", []
    return f" AND {column} >= ? AND {column} < ?", [brief_no << F.BRIEF_SHIFT, (brief_no + 1) << F.BRIEF_SHIFT]


def _after(prefix: str) -> str:
    """The smallest string greater than every string that starts with `prefix`."""
    if ord(prefix[-1]) < 0x10FFFF:
        return prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return prefix + "\U0010ffff"


class IndexSource:
    """The search source backed by an index connection (see index.open_index)."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self._vocab = False

    def close(self) -> None:
        """End the read transaction open_index began, so that other processes may write again."""
        self.db.close()

    # --- candidates ----------------------------------------------------------------------------------------

    def match_expression(self, needle: str) -> str | None:
        """An FTS5 query for the fields that contain `needle`, or None when no field can."""
        if not needle.isascii() and _unencodable(needle):
            return None  # a lone surrogate (bytes of the command line that are not UTF-8): in no brief's text
        if len(needle) >= 3:
            return _quoted(needle)
        self._ensure_vocab()
        terms = [r[0] for r in self.db.execute("SELECT term FROM temp.vocab WHERE term >= ? AND term < ?", (needle, _after(needle)))]
        return " OR ".join(map(_quoted, terms)) if terms else None

    def term_fids(self, needle: str, brief_no: int | None = None) -> list[int]:
        """Ids of the fields whose normalized text contains `needle`, exactly, in order."""
        expression = self.match_expression(needle)
        if expression is None:
            return []
        bounds, args = _bounds("rowid", brief_no)
        return [r[0] for r in self.db.execute(f"SELECT rowid FROM grams WHERE grams MATCH ?{bounds} ORDER BY rowid", [expression, *args])]

    def _ensure_vocab(self) -> None:
        if not self._vocab:
            self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, grams, row)")
            self._vocab = True

    def all_fids(self, brief_no: int | None = None):
        if brief_no is None:
            return self.db.execute("SELECT fid, text FROM fields")
        return self.db.execute(
            "SELECT fid, text FROM fields WHERE fid >= ? AND fid < ?",
            (brief_no << F.BRIEF_SHIFT, (brief_no + 1) << F.BRIEF_SHIFT),
        )

    def texts(self, fids: list[int]) -> list[tuple[int, str]]:
        rows = []
        for chunk in _chunks(fids):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(f"SELECT fid, text FROM fields WHERE fid IN ({marks})", chunk).fetchall()
        rows.sort()
        return rows

    def field_hits(self, matcher, query: Query) -> list:
        """The hits of a query: candidates from the index, then the same matcher as a search without it."""
        brief_no = self.brief_number(query.brief)
        literal = not query.regex and not matcher.pinyin
        if literal:
            candidates: set[int] = set()
            for needle in query.needles + query.exclude_needles:
                candidates.update(self.term_fids(needle, brief_no))
            rows = self.texts(sorted(candidates))
        else:
            rows = self.all_fids(brief_no)
        return matcher.hits(rows)

    def sql_counts(self, query: Query) -> list[tuple[str, int]] | None:
        """(brief id, hits) in library order for one literal term and no filter but --brief, all inside SQLite."""
        if query.regex or query.pinyin or query.has_record_filters or query.scopes or query.verified:
            return None
        if len(query.needles) != 1 or query.exclude:
            return None
        brief_no = self.brief_number(query.brief)
        expression = self.match_expression(query.needles[0])
        if expression is None:
            return []
        bounds, args = _bounds("rowid", brief_no)
        inner = f"SELECT rowid >> {F.BRIEF_SHIFT} AS no, count(*) AS n FROM grams WHERE grams MATCH ?{bounds} GROUP BY 1"
        args = [expression, *args]
        sql = f"SELECT b.id, c.n FROM ({inner}) c JOIN briefs b ON b.no = c.no ORDER BY b.key"
        return self.db.execute(sql, args).fetchall()

    def fast_counts(self, query: Query) -> Counter | None:
        """Hits per brief number straight from the trigram index, when no text must be read; else None.

        Literal terms only, folded, with no filter that needs a record's facts (the scope is in the ids).
        """
        if query.regex or query.pinyin or query.has_record_filters or query.verified:
            return None
        brief_no = self.brief_number(query.brief)
        keep = self._keeper(query)
        per_term = [[f for f in self.term_fids(n, brief_no) if keep(f)] for n in query.needles]
        excluded = set()
        for needle in query.exclude_needles:
            excluded.update(f >> F.RECORD_SHIFT for f in self.term_fids(needle, brief_no))
        if len(per_term) == 1:
            qualifying = per_term[0]
        else:
            records = [{f >> F.RECORD_SHIFT for f in fids} for fids in per_term]
            wanted = set.union(*records) if query.any else set.intersection(*records)
            qualifying = {f for fids in per_term for f in fids if f >> F.RECORD_SHIFT in wanted}
        if excluded:
            qualifying = [f for f in qualifying if f >> F.RECORD_SHIFT not in excluded]
        return Counter(f >> F.BRIEF_SHIFT for f in qualifying)

    @staticmethod
    def _keeper(query: Query):
        scopes = query.scopes
        if scopes is None:
            return lambda fid: True
        return lambda fid: fid & 3 in scopes

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    # --- facts -------------------------------------------------------------------------------------------

    def brief_number(self, brief_id: str | None) -> int | None:
        if brief_id is None:
            return None
        row = self.db.execute("SELECT no FROM briefs WHERE id = ? ORDER BY key LIMIT 1", (brief_id,)).fetchone()
        if row is None:
            known = ", ".join(r[0] for r in self.db.execute("SELECT id FROM briefs ORDER BY key")) or "none"
            raise UsageError(f"unknown brief {brief_id!r}; briefs in the library: {known}")
        return row[0]

    def records(self, keys) -> dict[int, RecordInfo]:
        found = {}
        for chunk in _chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT key, kind, record_id, delegate, delegate_name, sectors, target_kind, delegate_name_en FROM records WHERE key IN ({marks})", chunk
            ):
                found[row[0]] = RecordInfo.from_row(row[1:])
        return found

    def ordered_ids(self, numbers) -> list[tuple[int, str]]:
        """(brief number, id) of the given briefs, in library order."""
        wanted = set(numbers)
        return [(no, i) for no, i in self.db.execute("SELECT no, id FROM briefs ORDER BY key") if no in wanted]

    def briefs(self, numbers) -> dict[int, tuple[str, str, str]]:
        """{brief number: (id, date, order key)}"""
        found = {}
        numbers = sorted(numbers)
        if len(numbers) > _CHUNK:
            for no, brief_id, date, key in self.db.execute("SELECT no, id, date, key FROM briefs"):
                found[no] = (brief_id, date, key)
            return found
        for chunk in _chunks(numbers):
            marks = ",".join("?" * len(chunk))
            for no, brief_id, date, key in self.db.execute(f"SELECT no, id, date, key FROM briefs WHERE no IN ({marks})", chunk):
                found[no] = (brief_id, date, key)
        return found

    def sectors(self) -> list[tuple[str, str, str]]:
        """(slug, zh, en) of every sector, first definition of a slug winning, in library order."""
        seen: dict[str, tuple[str, str, str]] = {}
        for slug, zh, en in self.db.execute(
            "SELECT s.slug, s.zh, s.en FROM sectors s JOIN briefs b ON b.no = s.brief ORDER BY b.key, s.seq"
        ):
            seen.setdefault(slug, (slug, zh, en))
        return list(seen.values())

    def delegate_keys(self, name: str) -> set[tuple[int, str]]:
        """(brief number, delegate id) of the delegates called `name`; NoMatch if none."""
        from cybrief.search.names import fold_name

        wanted = fold_name(name)
        found = {(no, d) for no, d, keys in self.db.execute("SELECT brief, id, keys FROM delegates") if wanted in keys.split("\x00")}
        if not found:
            raise NoMatch(f"no delegate named {name!r}; try `cybrief delegates` for the list")
        return found


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
