"""A brief as plain data (tuples, strings, ints) that marshal can store, and back: for the caches and the index."""

from __future__ import annotations

from cybrief.brief.model import Record, format_number, parse_number


def to_plain(record: Record, refs: dict | None = None) -> tuple:
    """The record as plain data; with `refs`, a text found in it is replaced by its value there (the index keeps
    each text of a brief once: see index/stored.py)."""
    return tuple(_plain_value(f, getattr(record, f.name), refs) for f in record.FIELDS)


def _plain_value(spec, value, refs):
    if value is None:
        return None
    if spec.kind == "object":
        return to_plain(value, refs)
    if spec.kind == "number":
        return format_number(value)
    if spec.kind == "list":
        if isinstance(spec.item, str):
            return tuple(value) if refs is None else tuple(refs.get(v, v) if type(v) is str else v for v in value)
        return tuple(to_plain(v, refs) for v in value)
    if refs is not None and type(value) is str:
        return refs.get(value, value)
    return value


class Malformed(ValueError):
    """Plain data that is not what to_plain makes of a record: a cached entry to read again from its file."""


def from_plain(cls, data: tuple, texts: list[str] | None = None):
    """The record to_plain made `data` from; Malformed if `data` has another shape, or a value of another type.

    With `texts`, a reference that to_plain put for a text (a `bytes` value) is that text again.
    """
    if type(data) is not tuple or len(data) != len(cls.FIELDS):
        raise Malformed(cls.__name__)
    values = {}
    for spec, value in zip(cls.FIELDS, data):
        if value is None:
            if spec.required:
                raise Malformed(spec.name)
            continue
        if type(value) is bytes and texts is not None:
            value = _text(value, texts, spec)
        kind = spec.kind
        if kind == "object":
            value = from_plain(spec.item, value, texts)
        elif kind == "list":
            if type(value) is not tuple:
                raise Malformed(spec.name)
            if isinstance(spec.item, str):
                if texts is not None:
                    value = tuple(_text(v, texts, spec) if type(v) is bytes else v for v in value)
                for item in value:
                    _check_scalar(spec.item, spec, item)
            else:
                value = tuple(from_plain(spec.item, v, texts) for v in value)
        elif kind == "number":
            value = parse_number(value) if type(value) is str else None
            if value is None:
                raise Malformed(spec.name)
        else:
            _check_scalar(kind, spec, value)
        values[spec.name] = value
    return cls(**values)


def _text(reference: bytes, texts: list[str], spec) -> str:
    try:
        return texts[int.from_bytes(reference, "little")]
    except IndexError:
        raise Malformed(spec.name) from None


def _check_scalar(kind: str, spec, value) -> None:
    if type(value) is not (int if kind == "integer" else str) or (kind == "choice" and value not in spec.choices):
        raise Malformed(spec.name)
