"""Matching a query against fields: spans per term, records that qualify (AND, OR, exclude), scores.

Each term is looked for in the field's folded text, or in its cased text when it keeps its case (smart
case, --case-sensitive; see modes.py), and with --word only at word boundaries. The index names candidate
fields from folded text; this matcher decides.

Terms combine per record: with AND (the default) a record qualifies when each term appears in one of
its fields (a delegate's summary may hold one term and a key point the other); with --any one term is
enough; a record holding an excluded term is dropped. The hits are the fields of qualifying records
that hold a match. Both search paths (index and files) feed their fields through `Matcher.hits`.
"""

from __future__ import annotations

from cybrief.search import fields as F
from cybrief.search.modes import whole_word
from cybrief.search.normalize import normalize, normalize_cased, origin_of, original_spans
from cybrief.search.query import Query


class FieldHit:
    """A field that matched, before it is shaped for output: spans are in the original text."""

    __slots__ = ("fid", "text", "spans", "score", "match")

    def __init__(self, fid: int, text: str, spans: list[tuple[int, int]], score: float, match: str):
        self.fid, self.text, self.spans, self.score, self.match = fid, text, spans, score, match


def _find_all(haystack: str, needle: str, word: bool = False) -> list[tuple[int, int]]:
    """Spans of `needle` in `haystack`; with `word`, only those at word boundaries (modes.whole_word)."""
    spans, start, size = [], haystack.find(needle), len(needle)
    while start != -1:
        if not word or whole_word(haystack, start, start + size):
            spans.append((start, start + size))
            start = haystack.find(needle, start + size)
        else:
            start = haystack.find(needle, start + 1)  # a rejected match may overlap one that stands alone
    return spans


class _Field:
    """A field's text in the two forms terms are matched in, each made when first needed: folded (case
    ignored) and cased (case kept), with the map of each back to the text as written."""

    __slots__ = ("text", "_folded", "_cased", "_origins")

    def __init__(self, text: str):
        self.text, self._folded, self._cased, self._origins = text, None, None, None  # made when first needed

    def form(self, fold: bool) -> str:
        if fold:
            if self._folded is None:
                self._folded = normalize(self.text)
            return self._folded
        if self._cased is None:
            self._cased = normalize_cased(self.text)
        return self._cased

    def original(self, spans: list[tuple[int, int]], fold: bool) -> list[tuple[int, int]]:
        """Spans of a form as spans of the text as written."""
        if self._origins is None:
            self._origins = {}
        if fold not in self._origins:
            self._origins[fold] = origin_of(self.text, self.form(fold), fold)
        return original_spans(spans, self._origins[fold])


class Matcher:
    """Finds a query's terms in a field's text. `pinyin` maps a term's index to its pinyin pattern."""

    def __init__(self, query: Query, pinyin: dict | None = None):
        self.query = query
        self.pinyin = pinyin or {}
        self.count = len(query.terms)
        # A field without any folded needle holds no match of a literal query, whatever its case or word mode:
        # such fields are passed over before anything else is made of them.
        self._needles = None if query.regex or self.pinyin else query.needles + query.exclude_needles
        self._present = _literal_set(query.needles) if not query.regex and self.count >= SET_FROM else None

    def _spans(self, field: _Field, index: int, exclude: bool = False) -> list[tuple[int, int]]:
        """Spans of one term (or excluded term) in the field's text as written."""
        q = self.query
        fold = not (q.exclude_cased if exclude else q.cased)[index]
        norm = field._folded if fold and field._folded is not None else field.form(fold)
        if q.regex:
            pattern = (q.exclude_patterns if exclude else q.patterns)[index]
            spans = [m.span() for m in pattern.finditer(norm) if m.end() > m.start()]
            if q.word:
                spans = [s for s in spans if whole_word(norm, *s)]
        else:
            needles = (q.exclude_needles if exclude else q.needles) if fold else \
                (q.exclude_cased_needles if exclude else q.cased_needles)
            spans = _find_all(norm, needles[index], q.word)
        return field.original(spans, fold) if spans else spans

    def term_spans(self, field: _Field) -> list[tuple[list[tuple[int, int]], bool]]:
        """For each term: its spans in the text as written, and whether they came from pinyin (only when no
        literal span)."""
        if self._present is not None:  # many terms: only those the field holds folded, or may hold by pinyin
            out = [([], False)] * self.count
            indexes = sorted(set(self._present.Match(field.form(True)) or ()).union(self.pinyin))
        else:
            out, indexes = [], range(self.count)
        for index in indexes:
            spans = self._spans(field, index)
            by_pinyin = False
            if index in self.pinyin:
                norm = field.form(True)
                extra = field.original([m.span() for m in self.pinyin[index].finditer(norm) if m.end() > m.start()], True)
                if extra and not spans:
                    by_pinyin = True
                spans = _merge(spans + extra)
            if self._present is not None:
                out[index] = (spans, by_pinyin)
            else:
                out.append((spans, by_pinyin))
        return out

    def excluded(self, field: _Field) -> bool:
        return any(self._spans(field, index, exclude=True) for index in range(len(self.query.exclude)))

    def hits(self, rows) -> list[FieldHit]:
        """The hits among `rows`, an iterable of (field id, text) in field-id order (a record's fields together).

        Every field of a record that holds a term or an excluded term must be among the rows.
        """
        result: list[FieldHit] = []
        record, pending, found, dropped = None, [], set(), False
        for fid, text in rows:
            key = fid >> F.RECORD_SHIFT
            if key != record:
                if pending and not dropped and self._qualifies(found):
                    result.extend(pending)
                record, pending, found, dropped = key, [], set(), False
            if dropped:
                continue
            field = _Field(text)
            if self._needles is not None:
                folded = field._folded = normalize(text)
                if not any(needle in folded for needle in self._needles):
                    continue
            if self.query.exclude and self.excluded(field):
                dropped = True
                continue
            per_term = self.term_spans(field)
            matched = [i for i, (spans, _) in enumerate(per_term) if spans]
            if matched:
                found.update(matched)
                pending.append(self._hit(fid, text, per_term, matched))
        if pending and not dropped and self._qualifies(found):
            result.extend(pending)
        return result

    def _qualifies(self, found: set) -> bool:
        return bool(found) if self.query.any else len(found) == self.count

    def _hit(self, fid: int, text: str, per_term, matched: list[int]) -> FieldHit:
        spans = _merge([s for spans, _ in per_term for s in spans])
        occurrences = sum(len(per_term[i][0]) for i in matched)
        literal = any(per_term[i][0] and not per_term[i][1] for i in matched)
        return FieldHit(fid, text, spans, score(fid, text, spans, occurrences, len(matched)), "text" if literal else "pinyin")


# From this many literal terms on, one pass of an RE2 set tells which of them a field holds, and only
# those are looked for: one scan of the field instead of one per term.
# A set whose automaton ran out of memory would say "none" (RE2::Set cannot fall back as a single
# pattern does), so the set is used only for terms whose states are sure to fit: at most SET_CHARS
# characters in all (some 18,000 UTF-8 bytes, each a state of at most a few kB) in SET_MEMORY.
SET_FROM = 16
SET_CHARS = 2000
SET_MEMORY = 256 << 20


def _literal_set(needles: list[str]):
    """An RE2 set of the needles as literals, whose Match(text) lists those in text; None if one cannot be."""
    import re2

    if sum(map(len, needles)) > SET_CHARS:
        return None
    options = re2.Options()
    options.log_errors = False
    options.max_mem = SET_MEMORY
    found = re2.Set.SearchSet(options)
    try:
        for needle in needles:
            found.Add(re2.escape(needle))
        found.Compile()
    except (re2.error, UnicodeEncodeError):  # a needle holding bytes that are not UTF-8: look for each
        return None
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, for highlighting."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def score(fid: int, text: str, spans, occurrences: int, terms: int) -> float:
    """Rank of a hit: the field's weight x (matches + other terms matched) x (1 + share of the field matched).

    So more matches rank higher, a match in a title, metric or name (weight 3) above one in a role (2)
    above one in a summary (1), and a match that is most of a short field above one lost in a long one.
    """
    covered = sum(end - start for start, end in spans)
    share = covered / len(text) if text else 0.0
    return round(F.field_weight(fid) * (occurrences + terms - 1) * (1 + share), 3)
