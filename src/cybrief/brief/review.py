"""Fields marked for review: whether a brief (or any of its records) is still a draft."""

from __future__ import annotations

from cybrief.brief.model import Record

def is_draft(record: Record) -> bool:
    """Whether a brief (or any record) has a field still marked for review, at any depth."""
    if getattr(record, "review", None):
        return True
    for spec in record.FIELDS:
        value = getattr(record, spec.name, None)
        if value is None or isinstance(spec.item, str) or spec.item is None:
            continue
        if spec.kind == "object" and is_draft(value):
            return True
        if spec.kind == "list" and any(is_draft(item) for item in value):
            return True
    return False
