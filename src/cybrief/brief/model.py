"""The brief's types (Brief, Event, Delegate, Target, Sector ...) and the field specs that define the format."""

from __future__ import annotations

import re
from decimal import Decimal

from cybrief.figures.qualifiers import QUALIFIER_LABELS, QUALIFIERS  # noqa: F401 - part of the format

TARGET_KINDS = ("achieved", "goal", "plan")
# Whether the report names the speaker where a figure or point is given, or the brief infers it from context.
BASES = ("stated", "inferred")
EVENT_KINDS = (
    "press_conference",
    "open_delegation_meeting",
    "delegates_corridor",
    "members_corridor",
    "ministers_corridor",
    "news_conference",
    "plenary",
    "group_deliberation",
    "interview",
    "other",
)
LANGUAGES = ("zh", "zh-Hans", "zh-Hant", "en")

# What targets can be grouped and counted by and what a library exports to: choices the command line offers
# (its enums are made from these) and render/comparisons.py and render/export.py check. Sorting: figures/compare.py.
GROUP_KEYS = ("sector", "delegate", "kind", "horizon")
FACET_FIELDS = ("sector", "delegate", "kind", "horizon", "unit", "qualifier", "region", "brief")
EXPORT_FORMATS = ("sqlite", "json", "csv")

# Labels shown to readers; the YAML and JSON always use the keys.
EVENT_KIND_LABELS = {
    "press_conference": ("记者会", "Press conference"),
    "open_delegation_meeting": ("开放团组会议", "Open delegation meeting"),
    "delegates_corridor": ("代表通道", "Delegates' corridor"),
    "members_corridor": ("委员通道", "Members' corridor"),
    "ministers_corridor": ("部长通道", "Ministers' corridor"),
    "news_conference": ("新闻发布会", "News conference"),
    "plenary": ("全体会议", "Plenary meeting"),
    "group_deliberation": ("小组会议", "Group deliberation"),
    "interview": ("采访", "Interview"),
    "other": ("其他", "Other"),
}
TARGET_KIND_LABELS = {"achieved": ("已实现", "achieved"), "goal": ("目标", "goal"), "plan": ("计划", "plan")}

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class F:
    """One field of the format. The loader, the dumper, the cache and the JSON Schema all read these.

    kind is one of: id, text, date, choice, number, integer, object (item: the class), list (item: a kind
    name, or a class for a list of objects).
    """

    __slots__ = ("name", "kind", "doc", "required", "item", "choices", "example")

    def __init__(self, name, kind, doc, *, required=True, item=None, choices=(), example=None):
        self.name, self.kind, self.doc, self.required = name, kind, doc, required
        self.item, self.choices, self.example = item, choices, example

    @property
    def default(self):
        return () if self.kind == "list" else None


class Record:
    """Base of the model's types: keyword construction, equality and repr from the class's FIELDS.

    Plain slotted classes rather than dataclasses: creating a dataclass costs about a millisecond at
    import, and cybrief starts on every command.
    """

    __slots__ = ()
    FIELDS: tuple[F, ...] = ()

    def __init__(self, **values):
        for spec in self.FIELDS:
            if spec.name in values:
                setattr(self, spec.name, values.pop(spec.name))
            elif spec.required:
                raise TypeError(f"{type(self).__name__}: missing {spec.name}")
            else:
                setattr(self, spec.name, spec.default)
        if values:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(values)}")

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self):
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self.FIELDS)
        return f"{type(self).__name__}({shown})"


def _names(fields: tuple[F, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


TERMS_DOC = (
    "The source's own distinctive words, exactly as written: quoted expressions, names of companies, products, "
    "programmes and places, abbreviations. Searched like any field."
)
BASIS_DOC = (
    "stated: the report names the speaker where this is said; inferred: the brief attributes it from context "
    "(a pronoun, a numbered list after the speaker, a section under the speaker's name), with the reason in basis_note."
)
BASIS_NOTE_DOC = "Why an inferred attribution is made, e.g. 'continues 王志杰's quote in the next paragraph'."

REVIEW_DOC = (
    "Fields still to be checked by a person: `cybrief draft` lists what it guessed, and "
    "`cybrief validate --strict` reports each; delete a name once checked."
)


def _reviewable(*fields: F) -> tuple[F, ...]:
    """The fields of a record that `cybrief draft` fills, plus `review`: the names of those still guessed."""
    return fields + (F("review", "list", REVIEW_DOC, required=False, item="choice", choices=_names(fields)),)


class Sector(Record):
    """A sector of the registry: commands accept its slug or either label."""

    FIELDS = (
        F("slug", "id", "Short key used by targets and delegates, e.g. energy.", example="energy"),
        F("zh", "text", "Chinese label, e.g. 能源.", example="能源"),
        F("en", "text", "English label, e.g. Energy.", example="Energy"),
    )
    __slots__ = _names(FIELDS)


class Source(Record):
    """Where the brief comes from."""

    FIELDS = _reviewable(
        F("outlet", "text", "Publishing outlet, as it names itself."),
        F("outlet_en", "text", "The outlet's English name, e.g. Chongqing Morning Post.", required=False),
        F("reporter", "text", "Reporter's name, as printed.", required=False),
        F("reporter_en", "text", "Reporter's name in pinyin, family name first.", required=False),
        F("published", "date", "Publication date (YYYY-MM-DD) when the report gives one.", required=False),
        F("url", "text", "Address of the report, when known.", required=False),
    )
    __slots__ = _names(FIELDS)


class Event(Record):
    """One session reported on: a press conference, an open meeting, a corridor interview ..."""

    FIELDS = _reviewable(
        F("id", "id", "Key that delegates use to say where they spoke."),
        F("date", "date", "Date of the session (YYYY-MM-DD)."),
        F("time", "text", "Time of day as stated, e.g. 上午.", required=False),
        F("kind", "choice", "What sort of session it was.", choices=EVENT_KINDS),
        F("title", "text", "Name of the session in Chinese."),
        F("title_en", "text", "Name of the session in English.", required=False),
        F("theme", "text", "Announced theme, as stated.", required=False),
        F("place", "text", "Where it took place.", required=False),
        F("paragraph", "integer", "Paragraph of the report that introduces it.", required=False),
        F("terms", "list", TERMS_DOC, required=False, item="text"),
    )
    __slots__ = _names(FIELDS)


class Point(Record):
    """A key point of a delegate's remarks, in Chinese with an English rendering."""

    FIELDS = (
        F("zh", "text", "The point in Chinese."),
        F("en", "text", "The point in English.", required=False),
        F("basis", "choice", BASIS_DOC, required=False, choices=BASES),
        F("basis_note", "text", BASIS_NOTE_DOC, required=False),
    )
    __slots__ = _names(FIELDS)


class Delegate(Record):
    """A speaker: who they are, where they spoke, and what they said."""

    FIELDS = _reviewable(
        F("id", "id", "Key that targets use to name the speaker, e.g. wang-zhijie."),
        F("name", "text", "Name in Chinese, as printed."),
        F("name_en", "text", "Name in pinyin, family name first, e.g. Wang Zhijie."),
        F("role", "text", "Role as the report states it."),
        F("role_en", "text", "Role in English.", required=False),
        F("organization", "text", "Organization as the report names it."),
        F("organization_en", "text", "Organization in English.", required=False),
        F("event", "id", "Id of the event where the delegate spoke."),
        F("sectors", "list", "Slugs of the sectors the delegate spoke on.", item="id"),
        F("summary", "text", "Summary of the remarks in Chinese, in the digest's own words."),
        F("summary_en", "text", "Summary of the remarks in English."),
        F("points", "list", "Key points, each in Chinese and English.", required=False, item=Point),
        F("paragraphs", "list", "Paragraphs of the report that carry the remarks.", required=False, item="integer"),
        F("terms", "list", TERMS_DOC, required=False, item="text"),
    )
    __slots__ = _names(FIELDS)


class Target(Record):
    """A quantitative figure or goal, with the wording of the source beside its normalized value."""

    FIELDS = _reviewable(
        F("id", "id", "Key of the figure, unique in the brief."),
        F("delegate", "id", "Id of the delegate who gave the figure."),
        F("sector", "id", "Slug of the sector the figure belongs to."),
        F("region", "text", "Place the figure applies to, as stated, e.g. 重庆 or 成渝地区."),
        F("region_en", "text", "The place in English, e.g. Tianshanbao Village, where cybrief's registry of places "
          "(provinces and their abbreviations as in 川渝, capitals, named regions) does not know it.", required=False),
        F("metric", "text", "What is measured, in Chinese."),
        F("metric_en", "text", "What is measured, in English."),
        F("figure", "text", "The figure exactly as the source states it, e.g. 近400万辆.", example="近400万辆"),
        F("value", "number", "Normalized value in base units (近400万辆 -> 4000000; 每9台就有1台 -> 1/9); a range's lower bound.", example=4000000),
        F("unit", "text", "Unit in its base form (辆, 元, 人, %, 倍 ...): as stated, 名 and 位 as 人, 个百分点 as 百分点; fraction for a share written as a fraction; for a figure that states none (16.4亿), the unit the sentence implies.", example="辆"),
        F("qualifier", "choice", "How the value relates to the truth: 近 nearly, 超 over, 以上 at_least ...", choices=QUALIFIERS),
        F(
            "qualitative", "text",
            "Why the figure is deliberately not read as a number (万亿级 names an order of magnitude); value, unit and "
            "qualifier are then the author's reading. Without it, they must be what the figure reads as.",
            required=False,
        ),
        F("kind", "choice", "achieved (a result), goal (an aim) or plan (a committed programme).", choices=TARGET_KINDS),
        F("horizon", "text", "Period or date as stated: 2025, 十四五, 十五五, 十五五末 ...; absent when none.", required=False),
        F("paragraph", "integer", "Paragraph of the report the figure comes from."),
        F("basis", "choice", BASIS_DOC, required=False, choices=BASES),
        F("basis_note", "text", BASIS_NOTE_DOC, required=False),
        F("note", "text", "Anything a reader must know to use the figure.", required=False),
    )
    __slots__ = _names(FIELDS)


class Brief(Record):
    """The digest of one source document: its events, speakers and figures."""

    FIELDS = _reviewable(
        F("id", "id", "Key of the brief, unique in a library."),
        F("title", "text", "Headline of the report, as printed."),
        F("title_en", "text", "Headline in English.", required=False),
        F("language", "choice", "Language of the report.", choices=LANGUAGES),
        F("source", "object", "Where the report comes from.", item=Source),
        F("events", "list", "The sessions reported on.", item=Event),
        F("sectors", "list", "The sector registry used by this brief.", item=Sector),
        F("delegates", "list", "Everyone quoted.", item=Delegate),
        F("targets", "list", "Every quantitative figure or goal.", required=False, item=Target),
    )
    __slots__ = _names(FIELDS) + ("path",)

    def __init__(self, *, path: str = "", **values):
        super().__init__(**values)
        self.path = path  # the file it was loaded from; not part of the format

    @property
    def date(self) -> str:
        """The publication date, or else the date of the latest event."""
        if self.source.published:
            return self.source.published
        return max((e.date for e in self.events), default="")

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def delegate(self, delegate_id: str) -> Delegate | None:
        return next((d for d in self.delegates if d.id == delegate_id), None)

    def sector(self, slug: str) -> Sector | None:
        return next((s for s in self.sectors if s.slug == slug), None)


_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")


def parse_number(text: str):
    """A plain number (4000000, 23.6, 1e3) as Decimal, or a fraction (1/9) as Fraction; None if neither.

    A fraction that is a finite decimal (1/2) becomes that Decimal, so equal values compare equal.
    """
    text = text.strip()
    if _DECIMAL.match(text):
        return Decimal(text)
    match = _FRACTION.match(text)
    if not match or int(match.group(2)) == 0:
        return None
    from fractions import Fraction

    value = Fraction(int(match.group(1)), int(match.group(2)))
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact if Fraction(exact) == value else value


def format_number(value) -> str:
    """The inverse of parse_number: 4000000, 23.6, 1/9."""
    if isinstance(value, Decimal):
        return str(value) if value != value.to_integral_value() else str(int(value))
    return f"{value.numerator}/{value.denominator}"


def json_number(value, *, exact_fractions: bool = False):
    """A number for JSON and CSV: an int when whole, a float when one is exact, else the exact decimal text.

    A fraction without a finite decimal form (1/9) is the nearest float, or with exact_fractions its text "1/9".
    """
    if not isinstance(value, Decimal):
        return format_number(value) if exact_fractions else float(value)
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else format_number(value)
