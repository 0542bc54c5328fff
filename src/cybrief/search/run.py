"""Running a query over a source of fields: ranked hits and counts per brief.

A source is the on-disk index (index/query.py) or briefs read one by one (BriefsSource, here); both hand
their fields to the same matcher (match.py) and rank with the same key, so they give identical results.
Which source answers a library is decided in library/searching.py.
"""

from __future__ import annotations

from collections import Counter

from cybrief.errors import BriefError, NoMatch, Problem, UsageError, display_path
from cybrief.search import fields as F
from cybrief.search.hits import Hit, SearchCounts, SearchResult
from cybrief.search.match import Matcher
from cybrief.search.query import DEFAULT_CONTEXT, Query


class BriefsSource:
    """Fields straight from briefs, loaded one at a time from files (or given already loaded)."""

    def __init__(self, entries):
        self.entries = entries  # a callable returning (number, relative path, loader) triples in library order
        self._briefs: dict[int, tuple[str, str, str]] = {}
        self._records: dict[int, F.RecordInfo] = {}
        self._sectors: dict[str, tuple[str, str, str]] = {}
        self._delegates: list[tuple[int, str, tuple[str, ...]]] = []
        self._ids: list[str] = []

    def close(self) -> None:
        """Nothing to release (an index source ends its read transaction here)."""

    def field_hits(self, matcher: Matcher, query: Query) -> list:
        from pathlib import Path

        from cybrief.search.names import fold_name

        hits, problems, duplicates, first, found_brief = [], [], [], {}, False
        self._sectors.clear()
        self._delegates.clear()
        self._ids.clear()
        for number, relative, loader in self.entries():
            try:
                brief = loader()
            except BriefError as exc:
                problems.extend(exc.problems)
                continue
            if brief.id in first:
                duplicates.append(Problem(display_path(Path(brief.path)), None, None, "id",
                                        f"duplicate brief id {brief.id!r} (also in {display_path(Path(first[brief.id]))})"))
                continue
            first[brief.id] = brief.path
            self._ids.append(brief.id)
            self._briefs[number] = (brief.id, brief.date, relative.replace("/", "\x00"))
            for sector in brief.sectors:
                self._sectors.setdefault(sector.slug, (sector.slug, sector.zh, sector.en))
            for d in brief.delegates:
                self._delegates.append((number, d.id, (fold_name(d.id), fold_name(d.name), fold_name(d.name_en))))
            if query.brief is not None and brief.id != query.brief:
                continue
            found_brief = True
            rows, infos = [], {}
            for fid, info, text in F.brief_fields(brief, number):
                rows.append((fid, text))
                infos[fid >> F.RECORD_SHIFT] = info
            found = matcher.hits(rows)
            for hit in found:  # keep the facts of records with hits only: memory stays flat
                self._records[hit.fid >> F.RECORD_SHIFT] = infos[hit.fid >> F.RECORD_SHIFT]
            hits.extend(found)
        if problems or duplicates:  # as when loading a library: broken files first, then duplicate ids
            raise BriefError(problems or duplicates)
        if query.brief is not None and not found_brief:
            known = ", ".join(self._ids) or "none"
            raise UsageError(f"unknown brief {query.brief!r}; briefs in the library: {known}")
        return hits

    def records(self, keys) -> dict[int, F.RecordInfo]:
        return {k: self._records[k] for k in keys}

    def briefs(self, numbers) -> dict[int, tuple[str, str, str]]:
        return {n: self._briefs[n] for n in numbers}

    def sectors(self) -> list[tuple[str, str, str]]:
        return list(self._sectors.values())

    def delegate_keys(self, name: str) -> set[tuple[int, str]]:
        from cybrief.search.names import fold_name

        wanted = fold_name(name)
        found = {(no, d) for no, d, keys in self._delegates if wanted in keys}
        if not found:
            raise NoMatch(f"no delegate named {name!r}; try `cybrief delegates` for the list")
        return found

    def fast_counts(self, query: Query):
        return None

    def pinyin_tables(self):
        return None  # briefs read from their files: pypinyin's own table

    def sql_counts(self, query: Query):
        return None

    def ordered_ids(self, numbers) -> list[tuple[int, str]]:
        return sorted(((n, self._briefs[n][0]) for n in numbers), key=lambda pair: self._briefs[pair[0]][2])


# --- running a query over a source -------------------------------------------------------------------------

def run(source, query: Query, *, limit: int | None = None, context: int = DEFAULT_CONTEXT) -> SearchResult:
    """Hits of `query` from `source`, best first."""
    hits = [hit for _, hit in _hits(source, query)]
    result = SearchResult(" ".join(query.terms), hits[:limit] if limit is not None else hits, lang=query.lang)
    result.total, result.context = len(hits), context
    return result


def _hits(source, query: Query) -> list[tuple[int, Hit]]:
    """(brief number, hit) pairs, best first; pinyin tried when asked for, or when nothing matched literally."""
    ranked = _ranked(source, query, {} if query.pinyin is None else _pinyin(query, source))
    if not ranked and query.pinyin is None:
        patterns = _pinyin(query, source)
        if patterns:
            ranked = _ranked(source, query, patterns)
    return ranked


def count(source, query: Query) -> SearchCounts:
    """Hits per brief (library order) and in total, from the index alone when it can say."""
    text = " ".join(query.terms)
    rows = source.sql_counts(query)
    if rows is None:
        counted = source.fast_counts(query)
        rows = None if counted is None else [(brief_id, counted[n]) for n, brief_id in source.ordered_ids(counted)]
    if rows is not None and (rows or query.pinyin is False or not _pinyin(query, source)):
        return SearchCounts(text, rows, query.lang)
    counted = Counter(number for number, _ in _hits(source, query))  # pinyin, regex or record filters
    return SearchCounts(text, [(brief_id, counted[n]) for n, brief_id in source.ordered_ids(counted)], query.lang)


def _pinyin(query: Query, source=None) -> dict:
    """Pinyin patterns of the query's Latin terms: from the readings a source stores (the index), else from pypinyin."""
    terms = query.pinyin_terms()
    if not terms:
        return {}
    from cybrief.search.pinyin import pattern, pattern_from

    tables = source.pinyin_tables() if source is not None else None
    compiled = {i: pattern(query.terms[i]) if tables is None else pattern_from(query.terms[i], tables) for i in terms}
    return {i: p for i, p in compiled.items() if p is not None}


def _ranked(source, query: Query, pinyin: dict) -> list[tuple[int, Hit]]:
    field_hits = source.field_hits(Matcher(query, pinyin), query)
    keep = _record_filter(source, query)
    infos = source.records({h.fid >> F.RECORD_SHIFT for h in field_hits})
    chosen = []
    for h in field_hits:
        info = infos[h.fid >> F.RECORD_SHIFT]
        if (query.scopes is None or info.kind in query.scopes) and keep(h.fid, info):
            chosen.append((h, info))
    briefs = source.briefs({h.fid >> F.BRIEF_SHIFT for h, _ in chosen})
    ranked = []
    for h, info in chosen:
        number = h.fid >> F.BRIEF_SHIFT
        brief_id, date, key = briefs[number]
        hit = Hit(brief_id, info.delegate, info.delegate_name, F.KINDS[info.kind], info.record_id,
                  F.field_name(h.fid), h.text, h.spans, score=h.score, match=h.match)
        hit.delegate_name_en = info.delegate_name_en
        ranked.append(((-h.score, _negated(date), key, h.fid), number, hit))
    ranked.sort(key=lambda entry: entry[0])
    return [(number, hit) for _, number, hit in ranked]


def _negated(date: str) -> tuple[int, ...]:
    """A sort key that puts later dates (YYYY-MM-DD) first."""
    return tuple(-ord(c) for c in date)


def _record_filter(source, query: Query):
    """A predicate on (field id, record info) for --sector, --delegate and --kind (all must hold)."""
    if not query.has_record_filters:
        return lambda fid, info: True
    slug = _resolve_sector(source, query.sector) if query.sector else None
    delegates = source.delegate_keys(query.delegate) if query.delegate else None

    def keep(fid: int, info: F.RecordInfo) -> bool:
        if slug is not None and slug not in info.sectors:
            return False
        if delegates is not None and (fid >> F.BRIEF_SHIFT, info.delegate) not in delegates:
            return False
        return query.kind is None or info.target_kind == query.kind

    return keep


def _resolve_sector(source, name: str) -> str:
    from cybrief.search.names import sector_index

    sectors = source.sectors()
    return sectors[sector_index(name, sectors)][0]
