"""Finding a term in every text field of every brief: pure functions from a query to located hits."""

from __future__ import annotations

from collections.abc import Iterator

from cybrief.library import Library
from cybrief.model import Brief
from cybrief.views import Hit, SearchResult

# (field, language) for each searchable field; language "" is language-neutral (names, figures, places).
DELEGATE_FIELDS = (
    ("name", ""), ("name_en", ""), ("role", "zh"), ("role_en", "en"), ("organization", "zh"),
    ("organization_en", "en"), ("summary", "zh"), ("summary_en", "en"),
)
TARGET_FIELDS = (("metric", "zh"), ("metric_en", "en"), ("figure", ""), ("region", ""), ("horizon", ""), ("note", ""))
EVENT_FIELDS = (("title", "zh"), ("title_en", "en"), ("theme", "zh"), ("place", ""))


def fold(text: str) -> str:
    """Case-fold Latin letters without changing the length, so offsets in the folded text fit the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping [start, end) spans of a folded needle in text (case-insensitive for Latin)."""
    haystack = fold(text)
    spans, start = [], haystack.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


def _fields(brief: Brief, lang: str) -> Iterator[tuple[str | None, str, str, str, str]]:
    """(delegate id, record, record id, field, text) for every searchable text of a brief, grouped by delegate."""

    def wanted(language: str) -> bool:
        return lang == "both" or not language or language == lang

    yield None, "brief", brief.id, "title", brief.title
    if brief.title_en and wanted("en"):
        yield None, "brief", brief.id, "title_en", brief.title_en
    for event in brief.events:
        for name, language in EVENT_FIELDS:
            value = getattr(event, name)
            if value and wanted(language):
                yield None, "event", event.id, name, value
    for delegate in brief.delegates:
        for name, language in DELEGATE_FIELDS:
            value = getattr(delegate, name)
            if value and wanted(language):
                yield delegate.id, "delegate", delegate.id, name, value
        for index, point in enumerate(delegate.points):
            if wanted("zh"):
                yield delegate.id, "delegate", delegate.id, f"points[{index}]", point.zh
            if point.en and wanted("en"):
                yield delegate.id, "delegate", delegate.id, f"points_en[{index}]", point.en
        for target in brief.targets:
            if target.delegate != delegate.id:
                continue
            for name, language in TARGET_FIELDS:
                value = getattr(target, name)
                if value and wanted(language):
                    yield delegate.id, "target", target.id, name, value


def search(library: Library, query: str, lang: str = "both") -> SearchResult:
    """Every field where `query` occurs, in brief order and grouped by delegate (brief and event fields first)."""
    needle = fold(query.strip())
    result = SearchResult(query)
    if not needle:
        return result
    for brief in library.briefs:
        names = {d.id: d.name for d in brief.delegates}
        for delegate_id, record, record_id, name, text in _fields(brief, lang):
            spans = find_spans(text, needle)
            if spans:
                result.hits.append(
                    Hit(brief.id, delegate_id, names.get(delegate_id), record, record_id, name, text, spans)
                )
    return result
