"""A search query: its terms normalized or compiled, how they combine, and the filters that scope it.

Built once from what the user typed; invalid input (an empty query, a bad regular expression) is a
UsageError here, before any brief is read.
"""

from __future__ import annotations

from cybrief.errors import UsageError
from cybrief.search.fields import DELEGATE, EVENT, TARGET
from cybrief.search.modes import keeps_case
from cybrief.search.normalize import normalize, normalize_cased

SCOPES = {"delegates": DELEGATE, "targets": TARGET, "events": EVENT}
DEFAULT_CONTEXT = 30
# Terms of one search, the excluded ones included, after repeats are merged: each is looked for in every
# field that may hold it, so their number multiplies the work. A query is a few words; a list of names
# pasted with --any, a few dozen.
MAX_TERMS = 100


class Query:
    """What to find and where. `needles` are the normalized terms; with `regex`, `patterns` are compiled.

    pinyin: None (automatic: tried when a Latin query finds nothing), True (always also), False (never).
    scopes: record kinds to search (fields.EVENT, DELEGATE, TARGET), or None for every record.
    case: smart, sensitive or insensitive (modes.py); `cased[i]` says whether term i keeps its case, and
    `cased_needles[i]` is then the term normalized without case folding. word: whole words only (-w).
    lang: the language of labels in the results; every field is searched whatever it is.
    """

    __slots__ = (
        "terms", "needles", "any", "exclude", "exclude_needles", "regex", "patterns", "exclude_patterns",
        "pinyin", "scopes", "lang", "sector", "delegate", "kind", "brief", "case", "word", "cased", "exclude_cased",
        "cased_needles", "exclude_cased_needles",
    )

    def __init__(self, terms, *, any=False, exclude=(), regex=False, pinyin=None, scopes=(), lang="both",
                 sector=None, delegate=None, kind=None, brief=None, case="smart", word=False):
        if isinstance(terms, str):
            terms = [terms]
        self.terms = _merged([t for t in terms if t.strip()], regex, case)
        if not self.terms:
            raise UsageError("empty query: give at least one term to search for")
        self.exclude = _merged([t for t in exclude if t.strip()], regex, case)
        if len(self.terms) + len(self.exclude) > MAX_TERMS:
            raise UsageError(f"too many terms: {len(self.terms) + len(self.exclude)}, those of --exclude included and"
                             f" repeats counted once; at most {MAX_TERMS}")
        self.any, self.regex, self.pinyin, self.lang = any, regex, pinyin, lang
        self.case, self.word = case, word
        self.cased = [keeps_case(t, case, regex) for t in self.terms]
        self.exclude_cased = [keeps_case(t, case, regex) for t in self.exclude]
        self.needles = [normalize(t) for t in self.terms]
        self.exclude_needles = [normalize(t) for t in self.exclude]
        self.cased_needles = [normalize_cased(t) if c else None for t, c in zip(self.terms, self.cased)]
        self.exclude_cased_needles = [normalize_cased(t) if c else None for t, c in zip(self.exclude, self.exclude_cased)]
        self.patterns = [_compile(t, not c) for t, c in zip(self.terms, self.cased)] if regex else []
        self.exclude_patterns = [_compile(t, not c) for t, c in zip(self.exclude, self.exclude_cased)] if regex else []
        unknown = [s for s in scopes if s not in SCOPES]
        if unknown:
            raise UsageError(f"unknown scope {unknown[0]!r}; use one of: {', '.join(SCOPES)}")
        self.scopes = frozenset(SCOPES[s] for s in scopes) or None
        self.sector, self.delegate, self.kind, self.brief = sector, delegate, kind, brief

    @property
    def verified(self) -> bool:
        """Whether a field holding a folded needle must still be checked by the matcher: a term that keeps its
        case, or whole words. The index's counts alone then do not answer (the index holds folded text)."""
        return self.word or any(self.cased) or any(self.exclude_cased)

    @property
    def has_record_filters(self) -> bool:
        """Filters that need to know a record (its kind, sector, delegate), not only its field's id."""
        return bool(self.sector or self.delegate or self.kind)

    def pinyin_terms(self) -> list[int]:
        """Indexes of the terms a pinyin search may try: those written in Latin letters (and tones)."""
        if self.regex or self.pinyin is False:
            return []
        from cybrief.search.pinyin import is_pinyin

        return [i for i, term in enumerate(self.terms) if is_pinyin(term)]


def _compile(pattern: str, ignore_case: bool = True):
    """A regular expression for normalized text: Chinese in it is made simplified, and case is ignored
    (matched on folded text) unless the term keeps its case (matched on cased text, see normalize_cased).

    Only the traditional -> simplified step is applied to the pattern itself: NFKC or case folding
    could change its meaning (`\\D` is not `\\d`), so case is handled by the engine instead. The engine
    matches in linear time (search/pattern.py).
    """
    from cybrief.search.normalize import _t2s
    from cybrief.search.pattern import compile_pattern

    compiled = compile_pattern(pattern.translate(_t2s()), ignore_case=ignore_case)
    if compiled.search(""):
        raise UsageError(f"regular expression {pattern!r} matches empty text; it would match every field")
    return compiled


def _merged(terms: list[str], regex: bool, case: str) -> list[str]:
    """The terms without repeats, in the order given: equal once normalized (電網 and 电网 are one term; AI and
    ai too, unless one keeps its case), or for regular expressions, equal as written."""
    seen: dict[str, str] = {}
    for term in terms:
        key = term if regex else normalize_cased(term) if keeps_case(term, case, regex) else normalize(term)
        seen.setdefault(key, term)
    return list(seen.values())
