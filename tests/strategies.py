"""Hypothesis strategies for cybrief's inputs: any text, YAML-like text, mutated briefs, and valid briefs.

Shared by the property tests and the fuzz targets (fuzz/targets.py); a new command's tests can draw
briefs from `briefs()` and hostile strings from `texts()`.
"""

from __future__ import annotations

from hypothesis import strategies as st

from cybrief.brief.model import EVENT_KINDS, LANGUAGES, QUALIFIERS, TARGET_KINDS, Brief, parse_number

# Any text, controls, bidi overrides and markup-looking brackets included (no lone surrogates: no file
# can hold one, and the loader refuses them).
texts = st.text(st.characters(codec="utf-8"), max_size=40)
hostile_texts = st.one_of(
    texts,
    st.lists(
        st.sampled_from(
            ["\x1b]0;t\x07", "\x1b[2J", "\x9b", "\r", "\n", "\r\n", "\t", "\u202e", "\u2028", "\x00", "\x7f", "|",
             "\\", "[bold]", "[/]", "[link=x]", "<br>", "<script>", "&amp;", "`", "*", "_", "~", "=", "+", "-", "@",
             " ", "\u00a0", "\ufeff", "x", "中文", "\U0001f600"]
        ) | texts,
        max_size=8,
    ).map("".join),
)

# Pieces of YAML syntax, so that random text often gets deep into the parser.
YAML_PIECES = [
    "\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!!str ", "!x ", "|\n", ">\n", "'", '"',
    "---\n", "...\n", "%YAML 1.1\n", "id", "title", "events", "targets", "value", "1/9", "1e999", "NO", "~", "null",
    "2026-03-07", "\t", "\\", "\\u202e", "\ufeff", "\x00", "\x85",
]
yaml_texts = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=6), max_size=60).map("".join)


def mutated(seed_texts: list[str]):
    """A seed brief with a few pieces of YAML or text spliced in, cut out or swapped."""

    @st.composite
    def build(draw):
        text = draw(st.sampled_from(seed_texts))
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            kind = draw(st.sampled_from(["insert", "delete", "replace"]))
            piece = draw(st.sampled_from(YAML_PIECES) | st.text(max_size=8))
            end = min(len(text), at + draw(st.integers(0, 12)))
            if kind == "insert":
                text = text[:at] + piece + text[at:]
            elif kind == "delete":
                text = text[:at] + text[end:]
            else:
                text = text[:at] + piece + text[end:]
        return text

    return build()


# --- valid briefs -----------------------------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,11}", fullmatch=True)
words = hostile_texts.filter(lambda s: s.strip() != "") | st.sampled_from(
    ["NO", "off", "10:30", "1.10", "2026-03-07", "~", "null", "- x", "a: b", "#c", "[x]", " lead", "trail ", "1e3"]
)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
number_texts = st.one_of(
    st.from_regex(r"-?[0-9]{1,18}(\.[0-9]{1,12})?([eE][+-]?[0-9]{1,2})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,12}/[1-9][0-9]{0,11}", fullmatch=True),
)


def _in_range(text: str) -> bool:
    from decimal import Decimal

    value = parse_number(text)
    return value is not None and (not isinstance(value, Decimal) or not value or -30 <= value.adjusted() <= 30)


numbers = number_texts.filter(_in_range).map(parse_number)
optional = lambda strategy: st.none() | strategy  # noqa: E731

# Figures as reports write them, and texts that are not figures (a brief marks those `qualitative`).
FIGURES = ["近400万辆", "超1000亿元", "1500余家", "20%以上", "三分之一", "每9台汽车就有1台", "3至5个", "16.4亿", "约3763亿元",
           "23.6%", "1.10", "0.5", "不超过3万人", "万亿级", "10:30", "翻一番"]


def _loadable(value) -> bool:
    """Whether a value parsed from a figure is one a brief can hold (see load.MAX_NUMBER_CHARS)."""
    from cybrief.brief.model import format_number

    text = format_number(value)
    return len(text) <= 40 and _in_range(text)


@st.composite
def figure_fields(draw, words_) -> dict:
    """figure, value, unit, qualifier and qualitative that agree as the loader requires.

    A figure the parser reads fixes value, unit (unless it states none) and qualifier; one it refuses is
    marked qualitative, and the rest is the author's reading.
    """
    from cybrief.errors import FigureError
    from cybrief.figures.quantity import parse_figure

    figure = draw(st.sampled_from(FIGURES) | words_)
    try:
        q = parse_figure(figure)
    except FigureError:
        return {"figure": figure, "value": draw(numbers), "unit": draw(words_),
                "qualifier": draw(st.sampled_from(QUALIFIERS)), "qualitative": draw(words_)}
    if not _loadable(q.value):
        return draw(figure_fields(st.sampled_from(FIGURES)))
    return {"figure": figure, "value": q.value, "unit": q.unit or draw(words_), "qualifier": q.qualifier,
            "qualitative": None}


def reviews(draw, cls) -> tuple[str, ...]:
    """Some of the names a record's `review` list may hold."""
    [spec] = [f for f in cls.FIELDS if f.name == "review"]
    return tuple(draw(st.lists(st.sampled_from(spec.choices), unique=True, max_size=3)))


@st.composite
def briefs(draw) -> Brief:
    """A brief that the loader accepts: unique ids, references that resolve, figures that agree with their
    values, any text in the other text fields, and fields marked for review."""
    from cybrief.brief.model import Delegate, Event, Point, Sector, Source, Target

    # Texts come from a small pool drawn once: far fewer draws per brief, and any text can still land in any field.
    pool = draw(st.lists(words, min_size=1, max_size=8))
    words_ = st.sampled_from(pool)
    event_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    slugs = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    delegate_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    events = [
        Event(id=i, date=draw(dates), time=draw(optional(words_)), kind=draw(st.sampled_from(EVENT_KINDS)),
              title=draw(words_), title_en=draw(optional(words_)), theme=draw(optional(words_)),
              place=draw(optional(words_)), paragraph=draw(optional(st.integers(1, 999_999_999))),
              review=reviews(draw, Event))
        for i in event_ids
    ]
    sectors = [Sector(slug=s, zh=draw(words_), en=draw(words_)) for s in slugs]
    delegates = [
        Delegate(id=i, name=draw(words_), name_en=draw(words_), role=draw(words_), role_en=draw(optional(words_)),
                 organization=draw(words_), organization_en=draw(optional(words_)), event=draw(st.sampled_from(event_ids)),
                 sectors=tuple(draw(st.lists(st.sampled_from(slugs), max_size=2))), summary=draw(words_),
                 summary_en=draw(words_),
                 points=tuple(Point(zh=draw(words_), en=draw(optional(words_))) for _ in range(draw(st.integers(0, 2)))),
                 paragraphs=tuple(draw(st.lists(st.integers(1, 9999), max_size=3))), review=reviews(draw, Delegate))
        for i in delegate_ids
    ]
    target_ids = draw(st.lists(ids, max_size=4, unique=True))
    targets = [
        Target(id=i, delegate=draw(st.sampled_from(delegate_ids)), sector=draw(st.sampled_from(slugs)), region=draw(words_),
               metric=draw(words_), metric_en=draw(words_), **draw(figure_fields(words_)),
               kind=draw(st.sampled_from(TARGET_KINDS)), horizon=draw(optional(words_)), paragraph=draw(st.integers(1, 9999)),
               note=draw(optional(words_)), review=reviews(draw, Target))
        for i in target_ids
    ]
    source = Source(outlet=draw(words_), reporter=draw(optional(words_)), published=draw(optional(dates)),
                    url=draw(optional(words_)), review=reviews(draw, Source))
    return Brief(id=draw(ids), title=draw(words_), title_en=draw(optional(words_)), language=draw(st.sampled_from(LANGUAGES)),
                 source=source, events=tuple(events), sectors=tuple(sectors), delegates=tuple(delegates),
                 targets=tuple(targets), review=reviews(draw, Brief))
