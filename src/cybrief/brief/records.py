"""Targets and delegates as the records of the JSON contract (also the CSV columns), made from a loaded brief.

Here, below the search index, so that the index can store each brief's records when it reads the brief,
and a listing of every target of a large library is written without loading a brief again.
"""

from __future__ import annotations

from cybrief.brief.model import Brief, Delegate, Target, json_number

# The keys of each kind of record, in order: the JSON contract, the CSV header (also of an empty result),
# and the columns of the exported tables. A test checks that every record has exactly these keys.
TARGET_COLUMNS = ("id", "brief", "delegate", "delegate_name", "sector", "region", "metric", "metric_en", "figure",
                  "value", "unit", "qualifier", "kind", "horizon", "paragraph", "note", "upper", "qualitative",
                  "region_en", "basis", "basis_note")
DELEGATE_COLUMNS = ("id", "brief", "name", "name_en", "role", "role_en", "organization", "organization_en", "event",
                    "event_kind", "event_title", "date", "sectors", "summary", "summary_en", "points", "points_en",
                    "terms", "points_basis", "points_basis_note")

# The range separators of quantity.RANGE_SEPARATORS: only a figure holding one is parsed for its upper bound,
# so that JSON and CSV output do not load the parser (a test keeps the two lists equal).
RANGE_MARKS = ("至", "到", "~", "～", "-", "－", "–", "—", "〜")


def quantity(target: Target):
    """The target's figure as a Quantity: parsed from the figure, or for a qualitative one the author's reading."""
    from cybrief.figures.quantity import Quantity, parse_figure

    if target.qualitative:
        return Quantity(target.figure, target.value, target.unit, target.qualifier)
    q = parse_figure(target.figure)
    # The loader checked value and qualifier; a figure that states no unit takes the target's (the sentence's).
    return Quantity(q.text, q.value, q.unit or target.unit, q.qualifier, q.upper)


def english_figure(target: Target) -> str:
    """The figure in English, written from its parsed value, or for a qualitative one from the author's reading."""
    from cybrief.figures.writing import english, english_qualitative

    if target.qualitative:
        return english_qualitative(target.figure, quantity(target))
    return english(quantity(target))


def _upper(target: Target):
    if target.qualitative or not any(mark in target.figure[1:] for mark in RANGE_MARKS):
        return None
    return quantity(target).upper


def region_en(target: Target) -> str | None:
    """A target's region in English: the brief's region_en, else the registry's form, else None."""
    if target.region_en:
        return target.region_en
    from cybrief.brief.english import english_region  # only then: its registry takes a few milliseconds to load

    return english_region(target.region)


def target_record(brief: Brief, target: Target, delegate: Delegate) -> dict:
    t = target
    upper = _upper(t)
    return {  # TARGET_COLUMNS
        "id": t.id,
        "brief": brief.id,
        "delegate": t.delegate,
        "delegate_name": delegate.name,
        "sector": t.sector,
        "region": t.region,
        "metric": t.metric,
        "metric_en": t.metric_en,
        "figure": t.figure,
        "value": json_number(t.value),
        "unit": t.unit,
        "qualifier": t.qualifier,
        "kind": t.kind,
        "horizon": t.horizon,
        "paragraph": t.paragraph,
        "note": t.note,
        "upper": json_number(upper) if upper is not None else None,
        "qualitative": t.qualitative,
        "region_en": region_en(t),
        "basis": t.basis,
        "basis_note": t.basis_note,
    }


def delegate_record(brief: Brief, delegate: Delegate) -> dict:
    d, b = delegate, brief
    event = b.event(d.event)
    return {  # DELEGATE_COLUMNS
        "id": d.id,
        "brief": b.id,
        "name": d.name,
        "name_en": d.name_en,
        "role": d.role,
        "role_en": d.role_en,
        "organization": d.organization,
        "organization_en": d.organization_en,
        "event": d.event,
        "event_kind": event.kind,
        "event_title": event.title,
        "date": event.date,
        "sectors": list(d.sectors),
        "summary": d.summary,
        "summary_en": d.summary_en,
        "points": [p.zh for p in d.points],
        "points_en": [p.en or "" for p in d.points],
        "terms": list(d.terms),
        "points_basis": [p.basis or "" for p in d.points],
        "points_basis_note": [p.basis_note or "" for p in d.points],
    }
