"""The searchable fields of a brief, each with a numeric id that says which brief, record and field it is.

Both search paths read fields through this module: the on-disk index stores them, and a search without
the index computes them from loaded briefs, so the two can only agree.

A field id packs, from high bits to low: the brief's number in the library (given by the caller), the
record's position in the brief, the field's position in the record, and the record's kind:

    brief << 34 | record << 14 | field << 2 | kind

so that ids sort in the order a reader meets the fields (brief title, events, then each delegate followed
by their figures), `id >> 14` names a record and `id >> 34` a brief.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a search start-up time
if TYPE_CHECKING:
    from collections.abc import Iterator

    from cybrief.brief.model import Brief

KINDS = ("brief", "event", "delegate", "target")  # the `record` of a hit; index = the low two bits
BRIEF, EVENT, DELEGATE, TARGET = range(4)
RECORD_SHIFT = 14
BRIEF_SHIFT = 34
MAX_RECORDS = 1 << (BRIEF_SHIFT - RECORD_SHIFT)
MAX_FIELDS = 1 << (RECORD_SHIFT - 2)

# (field, language, weight) per record kind, in reading order. Language "" is neutral (names, figures,
# places, the source's terms); every field is searched whatever --lang says. Weight ranks hits: a match in
# a short, telling field (a title, a metric, a name, a figure) counts more than one in a summary.
BRIEF_FIELDS = (("title", "zh", 3), ("title_en", "en", 3))
EVENT_FIELDS = (("title", "zh", 3), ("title_en", "en", 3), ("theme", "zh", 2), ("place", "", 2))
DELEGATE_FIELDS = (
    ("name", "", 3), ("name_en", "", 3), ("role", "zh", 2), ("role_en", "en", 2), ("organization", "zh", 2),
    ("organization_en", "en", 2), ("summary", "zh", 1), ("summary_en", "en", 1),
)
POINT_WEIGHT = 1  # points[i] (zh) and points_en[i] (en) follow the delegate's fields, two per point
# terms[i] of an event or a delegate (the source's own words) sit in the upper half of a record's field
# numbers, after any key points; neutral (in the source's language) and telling, like a role.
TERM_BASE = 1 << (RECORD_SHIFT - 3)
TERM_WEIGHT = 2
TARGET_FIELDS = (
    ("metric", "zh", 3), ("metric_en", "en", 3), ("figure", "", 3), ("region", "", 2), ("horizon", "", 2),
    ("note", "", 1),
)
_SPECS = (BRIEF_FIELDS, EVENT_FIELDS, DELEGATE_FIELDS, TARGET_FIELDS)


class TooLarge(Exception):
    """A brief with more records or fields than a field id can number (the index then steps aside)."""


class RecordInfo:
    """What filters and results need to know about a record: its id, delegate, sectors and target kind."""

    __slots__ = ("kind", "record_id", "delegate", "delegate_name", "sectors", "target_kind", "delegate_name_en")

    def __init__(self, kind: int, record_id: str, delegate: str | None, delegate_name: str | None,
                 sectors: tuple[str, ...] = (), target_kind: str | None = None, delegate_name_en: str | None = None):
        self.kind, self.record_id, self.delegate, self.delegate_name = kind, record_id, delegate, delegate_name
        self.sectors, self.target_kind, self.delegate_name_en = sectors, target_kind, delegate_name_en

    def as_row(self) -> tuple:
        return (self.kind, self.record_id, self.delegate, self.delegate_name, " ".join(self.sectors), self.target_kind,
                self.delegate_name_en)

    @classmethod
    def from_row(cls, row) -> RecordInfo:
        kind, record_id, delegate, name, sectors, target_kind, name_en = row
        return cls(kind, record_id, delegate, name, tuple(sectors.split()) if sectors else (), target_kind, name_en)


def field_id(brief_no: int, record: int, field: int, kind: int) -> int:
    return brief_no << BRIEF_SHIFT | record << RECORD_SHIFT | field << 2 | kind


def kind_of(fid: int) -> int:
    return fid & 3


def record_of(fid: int) -> int:
    return fid >> RECORD_SHIFT


def brief_of(fid: int) -> int:
    return fid >> BRIEF_SHIFT


def field_name(fid: int) -> str:
    kind, position = fid & 3, (fid >> 2) & (MAX_FIELDS - 1)
    specs = _SPECS[kind]
    if position < len(specs):
        return specs[position][0]
    if position >= TERM_BASE:
        return f"terms[{position - TERM_BASE}]"
    point, english = divmod(position - len(specs), 2)
    return f"points_en[{point}]" if english else f"points[{point}]"


def _spec(fid: int) -> tuple[str, int]:
    kind, position = fid & 3, (fid >> 2) & (MAX_FIELDS - 1)
    specs = _SPECS[kind]
    if position < len(specs):
        return specs[position][1], specs[position][2]
    if position >= TERM_BASE:
        return "", TERM_WEIGHT
    return ("en" if (position - len(specs)) % 2 else "zh"), POINT_WEIGHT


def field_language(fid: int) -> str:
    """zh, en, or "" for a field in no particular language."""
    return _spec(fid)[0]


def field_weight(fid: int) -> int:
    return _spec(fid)[1]


def brief_fields(brief: Brief, brief_no: int) -> Iterator[tuple[int, RecordInfo, str]]:
    """(field id, record info, text) for every non-empty searchable text, in reading order.

    Raises TooLarge when the brief has more records or fields than an id can number.
    """
    record = 0

    def emit(kind: int, info: RecordInfo, values: list[str], terms=()) -> Iterator[tuple[int, RecordInfo, str]]:
        if record >= MAX_RECORDS or len(values) > TERM_BASE or len(terms) > MAX_FIELDS - TERM_BASE:
            raise TooLarge(f"brief {brief.id!r} has too many records or fields to index")
        for position, text in enumerate(values):
            if text:
                yield field_id(brief_no, record, position, kind), info, text
        for position, text in enumerate(terms, TERM_BASE):
            if text:
                yield field_id(brief_no, record, position, kind), info, text

    yield from emit(BRIEF, RecordInfo(BRIEF, brief.id, None, None), [brief.title, brief.title_en or ""])
    for event in brief.events:
        record += 1
        yield from emit(EVENT, RecordInfo(EVENT, event.id, None, None), [getattr(event, n) or "" for n, _, _ in EVENT_FIELDS],
                        event.terms)
    for delegate in brief.delegates:
        record += 1
        values = [getattr(delegate, n) or "" for n, _, _ in DELEGATE_FIELDS]
        for point in delegate.points:
            values += [point.zh, point.en or ""]
        info = RecordInfo(DELEGATE, delegate.id, delegate.id, delegate.name, tuple(delegate.sectors),
                          delegate_name_en=delegate.name_en)
        yield from emit(DELEGATE, info, values, delegate.terms)
        for target in brief.targets:
            if target.delegate != delegate.id:
                continue
            record += 1
            info = RecordInfo(TARGET, target.id, delegate.id, delegate.name, (target.sector,), target.kind, delegate.name_en)
            yield from emit(TARGET, info, [getattr(target, n) or "" for n, _, _ in TARGET_FIELDS])
