"""Search results shaped for output: hits, counts per brief, and the snippet of a hit's text around its matches.

Kept apart from views.py, which needs the library and the model: a search answered from the index loads
neither.
"""

from __future__ import annotations

from cybrief.brief.labels import header, label


class Hit:
    """One field where a search query matched; spans are [start, end) offsets into text.

    record is brief, event, delegate or target; delegate is None for brief and event fields. score ranks
    hits (higher first); match is "text", or "pinyin" when the field was found by the pinyin of the query.
    """

    __slots__ = ("brief", "delegate", "delegate_name", "record", "record_id", "field", "text", "spans", "score", "match",
                 "delegate_name_en")

    def __init__(self, brief, delegate, delegate_name, record, record_id, field, text, spans, score=0.0, match="text"):
        self.brief, self.delegate, self.delegate_name = brief, delegate, delegate_name
        self.delegate_name_en = None  # for people (--lang en); not part of the JSON contract
        self.record, self.record_id, self.field, self.text, self.spans = record, record_id, field, text, spans
        self.score, self.match = score, match

    def as_dict(self) -> dict:
        return {  # HIT_COLUMNS
            "brief": self.brief,
            "delegate": self.delegate,
            "delegate_name": self.delegate_name,
            "record": self.record,
            "record_id": self.record_id,
            "field": self.field,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "score": self.score,
            "match": self.match,
        }


class SearchResult:
    """Search hits in output order (best first). total counts every hit, also those past a --limit;
    context is how many characters of text to show around a match in a snippet; lang, the language of labels."""

    __slots__ = ("query", "hits", "total", "context", "lang")

    def __init__(self, query: str, hits: list[Hit] | None = None, context: int = 30, lang: str = "both"):
        self.query, self.hits = query, hits if hits is not None else []
        self.total, self.context, self.lang = len(self.hits), context, lang

    @property
    def more(self) -> int:
        """Hits left out by a --limit."""
        return self.total - len(self.hits)

    @property
    def records(self) -> list[dict]:
        return [h.as_dict() for h in self.hits]


class SearchCounts:
    """Hits per brief, in library order, and their total (search --count); lang is the language of labels."""

    __slots__ = ("query", "briefs", "lang")

    def __init__(self, query: str, briefs: list[tuple[str, int]], lang: str = "both"):
        self.query, self.briefs, self.lang = query, briefs, lang

    @property
    def headers(self) -> list[str]:
        return [header("简报", "Brief", self.lang), header("命中", "Hits", self.lang)]

    @property
    def total_label(self) -> str:
        return label("合计", "total", self.lang)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.briefs)

    @property
    def records(self) -> list[dict]:
        return [{"brief": brief, "hits": n} for brief, n in self.briefs]


def snippet(text: str, spans, context: int) -> tuple[str, list[tuple[int, int]]]:
    """The parts of text around its spans, `context` characters each side, joined and cut with `…`.

    Returns the snippet and the spans moved into it. Matches closer than twice the context share a part.
    """
    if not spans:
        return text, []
    windows: list[list[int]] = []
    for start, end in spans:
        low, high = max(0, start - context), min(len(text), end + context)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    out, moved = "", []
    for index, (low, high) in enumerate(windows):
        if index > 0 or low > 0:
            out += "…"  # text was cut before this part
        offset = len(out) - low
        out += text[low:high]
        moved += [(s + offset, e + offset) for s, e in spans if low <= s and e <= high]
    if windows[-1][1] < len(text):
        out += "…"
    return out, moved


def who(hit: Hit, lang: str) -> str:
    """Whose text a search hit is in: the delegate, else the brief or the event itself."""
    if hit.delegate_name:
        return label(hit.delegate_name, hit.delegate_name_en, lang)
    return label("简报", "Brief", lang) if hit.record == "brief" else label("活动", "Event", lang)


def pinyin_mark(lang: str) -> str:
    """The mark of a hit found by the pinyin of the query."""
    return label("拼音", "pinyin", lang)
