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

    With `texts`, a reference that to_plain put for a text (a `bytes` value) is that text again. The object
    is made field by field from a plan of its class (_plan), without the keyword checks of Record.__init__:
    every field is checked here, and this is most of the time a large listing takes.
    """
    plan = _PLANS.get(cls) or _plan(cls)
    if type(data) is not tuple or len(data) != len(plan):
        raise Malformed(cls.__name__)
    made = cls.__new__(cls)
    for (name, kind, required, item, choices, spec), value in zip(plan, data):
        if value is None:
            if required:
                raise Malformed(name)
            setattr(made, name, () if kind == "list" else None)
            continue
        if type(value) is bytes and texts is not None:
            value = _text(value, texts, spec)
        if kind in _TEXTS:
            if type(value) is not str or (choices is not None and value not in choices):
                raise Malformed(name)
        elif kind == "integer":
            if type(value) is not int:
                raise Malformed(name)
        elif kind == "object":
            value = from_plain(item, value, texts)
        elif kind == "list":
            if type(value) is not tuple:
                raise Malformed(name)
            if isinstance(item, str):
                if texts is not None:
                    value = tuple(_text(v, texts, spec) if type(v) is bytes else v for v in value)
                for one in value:
                    _check_scalar(item, spec, one)
            else:
                value = tuple(from_plain(item, v, texts) for v in value)
        elif kind == "number":
            value = parse_number(value) if type(value) is str else None
            if value is None:
                raise Malformed(name)
        else:  # pragma: no cover - a kind added to model.F without a case here
            raise Malformed(name)
        setattr(made, name, value)
    if "path" in cls.__slots__:
        made.path = ""  # as Brief.__init__ leaves it
    return made


_TEXTS = frozenset(("text", "id", "date", "choice"))
_PLANS: dict[type, tuple] = {}


def _plan(cls) -> tuple:
    plan = tuple((f.name, f.kind, f.required, f.item, frozenset(f.choices) if f.kind == "choice" else None, f)
                 for f in cls.FIELDS)
    _PLANS[cls] = plan
    return plan


def _text(reference: bytes, texts: list[str], spec) -> str:
    try:
        return texts[int.from_bytes(reference, "little")]
    except IndexError:
        raise Malformed(spec.name) from None


def _check_scalar(kind: str, spec, value) -> None:
    if type(value) is not (int if kind == "integer" else str) or (kind == "choice" and value not in spec.choices):
        raise Malformed(spec.name)
