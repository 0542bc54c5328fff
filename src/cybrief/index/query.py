"""Answering a search from the on-disk index: candidate briefs from the trigram index, exact fields from their text.

The trigram index has one row per brief and says only which trigrams occur in it. A term of three
characters or more selects the briefs holding each of its trigrams; a shorter term has no trigram of its
own, so the trigrams that start with it are listed from the index's vocabulary (every character has one,
thanks to the field ends stored after each field), and the briefs holding any of them are selected. In
each selected brief the term is then looked up in the stored normalized text of its fields (stored.py),
which says exactly which fields hold it; those fields, and nothing else, go to the matcher (search/match.py)
as a search without the index would give them. Regular expressions and pinyin have no such shortcut: they
give the matcher every field (pinyin only of the briefs whose text its pattern matches).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

from cybrief.errors import UsageError
from cybrief.search import fields as F
from cybrief.search.fields import RecordInfo
from cybrief.search.query import Query

_CHUNK = 500  # ids per IN (...) list
MAX_TRIGRAMS = 12  # trigrams of a long term looked up (spread over it): enough to select, the text decides


AHEAD_FROM = 256  # briefs: fewer are read at once sooner than threads start


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _after(prefix: str) -> str:
    """The smallest string greater than every string that starts with `prefix`."""
    if ord(prefix[-1]) < 0x10FFFF:
        return prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return prefix + "\U0010ffff"


def _trigrams(needle: str) -> list[str]:
    grams = list(dict.fromkeys(needle[i:i + 3] for i in range(len(needle) - 2)))
    if len(grams) > MAX_TRIGRAMS:
        step = (len(grams) - 1) / (MAX_TRIGRAMS - 1)
        grams = [grams[round(i * step)] for i in range(MAX_TRIGRAMS)]
    return grams


_END = "\x03"  # search.normalize.FIELD_END, between the fields of a brief's joined text
_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class _Brief:
    """One brief's stored search data: field ids, the original texts, the normalized texts of its fields joined
    by FIELD_END (made when first needed), and the facts of its records."""

    __slots__ = ("number", "base", "unpacked", "exceptions", "blob", "_infos", "_lowered")

    def __init__(self, number: int, unpacked, blob: bytes):
        self.exceptions = unpacked.exceptions
        self.number, self.base = number, number << F.BRIEF_SHIFT
        self.unpacked, self.blob = unpacked, blob
        self._infos = self._lowered = None

    @property
    def fids(self):
        """The field ids (made from their stored steps when first asked: a count of a rare term asks for few)."""
        return self.unpacked.fids

    @property
    def infos(self) -> list:
        """(record, RecordInfo row) of each record: read again from the blob, for the few briefs with hits."""
        if self._infos is None:
            from cybrief.index.stored import Damaged, read

            try:
                self._infos = read(self.blob, "records").infos
            except Damaged as exc:
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
        return self._infos

    @property
    def texts(self) -> list[str]:
        return self.unpacked.texts

    @property
    def search(self) -> str:
        """The normalized text of every field, joined by FIELD_END."""
        if self._lowered is None:
            from cybrief.index.rows import joined_norms

            self._lowered = joined_norms(self.unpacked.joined, self.exceptions, self.unpacked.listed)
        return self._lowered

    def fields_holding(self, needle: str) -> list[int]:
        """Positions (in field order) of the fields whose normalized text contains `needle` (never FIELD_END).

        A needle of Chinese characters only is looked up in the texts as written, but for the fields that
        normalization changes otherwise than by lower case (a traditional character, a full-width form), whose
        normalized text is stored: lower case changes no Chinese character and makes none, so the two give the
        same fields, and this spares lowering the whole brief (or joining its texts again)."""
        if self._lowered is not None or not _IDEOGRAPHS.fullmatch(needle) or self.unpacked.listed is not None:
            return _fields(self.search, needle.__class__.find, needle)
        found = _fields(self.unpacked.joined, needle.__class__.find, needle)
        exceptions = self.exceptions
        if not exceptions:
            return found
        found = [p for p in found if p not in exceptions]
        changed = _END.join(exceptions.values())  # one search in C of the normalized texts stored
        if needle not in changed:
            return found
        positions = list(exceptions)
        return sorted(found + [positions[at] for at in _fields(changed, needle.__class__.find, needle)])

    def fields_matching(self, pattern) -> list[int]:
        """Positions of the fields where a pattern that never spans a field end (pinyin's) matches."""
        def find(text: str, _, start: int = 0) -> int:
            match = pattern.search(text, start)
            return -1 if match is None else match.start()

        return _fields(self.search, find, None)

    def fid(self, position: int) -> int:
        return self.base | self.unpacked.fid(position)

    def record_info(self, key: int) -> RecordInfo:
        local = key - (self.number << (F.BRIEF_SHIFT - F.RECORD_SHIFT))
        for record, row in self.infos:
            if record == local:
                return RecordInfo.from_row(row)
        raise sqlite3.DatabaseError("database disk image is malformed (a record without its facts)")


def _fields(text: str, find, needle) -> list[int]:
    """Positions of the fields of a FIELD_END-joined text where find(text, needle, start) finds something: the
    field of a find is the number of field ends before it (counted in C, from the previous find on)."""
    found, field, done = [], 0, 0
    at = find(text, needle)
    while at != -1:
        field += text.count(_END, done, at)
        found.append(field)
        end = text.find(_END, at)
        if end == -1:
            break
        done, field = end + 1, field + 1
        at = find(text, needle, done)
    return found


class IndexSource:
    """The search source backed by an index connection (see index.open_index)."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self._vocab = False
        self._infos: dict[int, RecordInfo] = {}  # facts of the records that have hits, kept as hits are found
        self._readings = None

    def close(self) -> None:
        """End the read transaction open_index began, so that other processes may write again."""
        self.db.close()

    # --- candidates ----------------------------------------------------------------------------------------

    def match_expression(self, needle: str) -> str | None:
        """An FTS5 query for the briefs that may contain `needle`, or None when none can."""
        if not needle.isascii() and _unencodable(needle):
            return None  # a lone surrogate (bytes of the command line that are not UTF-8): in no brief's text
        if len(needle) >= 3:
            return " AND ".join(map(_quoted, _trigrams(needle)))
        self._ensure_vocab()
        terms = [r[0] for r in self.db.execute("SELECT term FROM temp.vocab WHERE term >= ? AND term < ?", (needle, _after(needle)))]
        return " OR ".join(map(_quoted, terms)) if terms else None

    def _ensure_vocab(self) -> None:
        if not self._vocab:
            self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, grams, row)")
            self._vocab = True

    def briefs_holding(self, needle: str, brief_no: int | None = None) -> set[int]:
        """Numbers of the briefs that may hold `needle` (a superset: the stored text decides)."""
        expression = self.match_expression(needle)
        if expression is None:
            return set()
        if brief_no is None:
            return {r[0] for r in self.db.execute("SELECT rowid FROM grams WHERE grams MATCH ?", (expression,))}
        sql = "SELECT rowid FROM grams WHERE grams MATCH ? AND rowid = ?"
        return {r[0] for r in self.db.execute(sql, (expression, brief_no))}

    def _candidates(self, query: Query, brief_no: int | None) -> list[int]:
        sets = [self.briefs_holding(n, brief_no) for n in query.needles]
        chosen = set.union(*sets) if query.any else set.intersection(*sets)  # AND: every term in one record
        return sorted(chosen)

    def _stored(self, numbers):
        """_Brief of each number, in the order given, read in chunks; a brief gone meanwhile is skipped. Many briefs
        (a term in most of them) are decompressed in other threads a few chunks ahead (index/stored.py)."""
        from cybrief.index.stored import Damaged, inflated, unpack

        numbers = list(numbers)
        blobs: dict[int, bytes] = {}

        def chunks():  # read here: a connection stays in its own thread
            for chunk in _chunks(numbers, 64):
                marks = ",".join("?" * len(chunk))
                found = dict(self.db.execute(f"SELECT no, blob FROM bodies WHERE no IN ({marks})", chunk).fetchall())
                blobs.update(found)
                yield [(number, found[number]) for number in chunk if number in found]

        try:
            for chunk in inflated(chunks(), "search", ahead=len(numbers) > AHEAD_FROM):
                for number, (sizes, data) in chunk:
                    yield _Brief(number, unpack(sizes, data), blobs.pop(number))
        except (Damaged, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None

    def _all_numbers(self, brief_no: int | None) -> list[int]:
        if brief_no is not None:
            return [brief_no]
        return [r[0] for r in self.db.execute("SELECT no FROM briefs ORDER BY no")]

    def term_fids(self, needle: str, brief_no: int | None = None) -> list[int]:
        """Ids of the fields whose normalized text contains `needle`, exactly, in order."""
        found = []
        for brief in self._stored(sorted(self.briefs_holding(needle, brief_no))):
            found += [brief.fid(p) for p in brief.fields_holding(needle)]
        return found

    def field_hits(self, matcher, query: Query) -> list:
        """The hits of a query: candidates from the index, then the same matcher as a search without it."""
        brief_no = self.brief_number(query.brief)
        literal = not query.regex and not matcher.pinyin
        numbers = self._candidates(query, brief_no) if literal else self._all_numbers(brief_no)
        hits = []
        for brief in self._stored(numbers):
            if literal:
                positions = sorted({p for needle in query.needles + query.exclude_needles for p in brief.fields_holding(needle)})
            elif not query.regex:  # pinyin: its patterns, classes of Chinese characters, find their fields too
                if not _may_match(brief.search, query, matcher):
                    continue
                positions = sorted({p for needle in query.needles + query.exclude_needles for p in brief.fields_holding(needle)}
                                   | {p for pattern in matcher.pinyin.values() for p in brief.fields_matching(pattern)})
            else:
                positions = range(len(brief.fids))
            rows = [(brief.fid(p), brief.texts[p]) for p in positions]  # every field: --lang sets what is shown
            found = matcher.hits(rows)
            for hit in found:
                key = hit.fid >> F.RECORD_SHIFT
                if key not in self._infos:
                    self._infos[key] = brief.record_info(key)
            hits += found
        return hits

    def sql_counts(self, query: Query):
        return None  # counted by fast_counts: the text of each candidate brief says which fields hold a term

    def fast_counts(self, query: Query) -> Counter | None:
        """Hits per brief number from the stored normalized text, when no original text must be read; else None.

        Literal terms only, folded, with no filter that needs a record's facts (the scope is in the ids).
        """
        if query.regex or query.pinyin or query.has_record_filters or query.verified:
            return None
        brief_no = self.brief_number(query.brief)
        keep = self._keeper(query)
        counted: Counter = Counter()
        for brief in self._stored(self._candidates(query, brief_no)):
            per_term = [[f for f in map(brief.fid, brief.fields_holding(n)) if keep(f)] for n in query.needles]
            excluded = {f >> F.RECORD_SHIFT for n in query.exclude_needles for f in map(brief.fid, brief.fields_holding(n))}
            if len(per_term) == 1:
                qualifying = per_term[0]
            else:
                records = [{f >> F.RECORD_SHIFT for f in fids} for fids in per_term]
                wanted = set.union(*records) if query.any else set.intersection(*records)
                qualifying = {f for fids in per_term for f in fids if f >> F.RECORD_SHIFT in wanted}
            if excluded:
                qualifying = [f for f in qualifying if f >> F.RECORD_SHIFT not in excluded]
            if qualifying:
                counted[brief.number] += len(qualifying)
        return counted

    @staticmethod
    def _keeper(query: Query):
        scopes = query.scopes
        if scopes is None:
            return lambda fid: True
        return lambda fid: fid & 3 in scopes

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def pinyin_tables(self):
        """The library's pinyin readings (search.pinyin.Readings), stored when its briefs were read."""
        if self._readings is None:
            from cybrief.search.pinyin import Readings

            row = self.db.execute("SELECT value FROM meta WHERE key = 'syllables'").fetchone()
            rows = self.db.execute("SELECT ch, syllables FROM readings WHERE syllables != ''").fetchall()
            self._readings = Readings(rows, row[0].split() if row and row[0] else [])
        return self._readings

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
        missing = sorted({k >> (F.BRIEF_SHIFT - F.RECORD_SHIFT) for k in keys if k not in self._infos})
        for brief in self._stored(missing):
            for key in keys:
                if key >> (F.BRIEF_SHIFT - F.RECORD_SHIFT) == brief.number and key not in self._infos:
                    self._infos[key] = brief.record_info(key)
        return {k: self._infos[k] for k in keys}

    def ordered_ids(self, numbers) -> list[tuple[int, str]]:
        """(brief number, id) of the given briefs, in library order."""
        wanted = sorted(set(numbers))
        if len(wanted) > _CHUNK:
            keep = set(wanted)
            return [(no, i) for no, i in self.db.execute("SELECT no, id FROM briefs ORDER BY key") if no in keep]
        rows = []
        for chunk in _chunks(wanted):
            rows += self.db.execute(f"SELECT key, no, id FROM briefs WHERE no IN ({','.join('?' * len(chunk))})", chunk)
        return [(no, i) for _, no, i in sorted(rows)]

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
        from cybrief.index.facts import first_sectors

        return first_sectors(self.db)

    def delegate_keys(self, name: str) -> set[tuple[int, str]]:
        """(brief number, delegate id) of the delegates called `name`; NoMatch if none."""
        from cybrief.index.facts import delegate_keys

        return delegate_keys(self.db, name)


def _may_match(search: str, query: Query, matcher) -> bool:
    """Whether a brief's normalized text can give a pinyin query hits: each term (--any: one) appears in it,
    literally or by its pattern. A pattern is classes of Chinese characters, never a field end, so a match in
    the joined text is a match in one field."""
    present = []
    for index, needle in enumerate(query.needles):
        pattern = matcher.pinyin.get(index)
        present.append(needle in search or (pattern is not None and pattern.search(search) is not None))
    return any(present) if query.any else all(present)


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

