"""Hypothesis strategies for cybrief's inputs: any text, YAML-like text, mutated briefs, and valid briefs.

Shared by the property tests and the fuzz targets (fuzz/targets.py); a new command's tests can draw
briefs from `briefs()` and hostile strings from `texts()`.
"""

from __future__ import annotations

from hypothesis import strategies as st

from cybrief.model import EVENT_KINDS, LANGUAGES, QUALIFIERS, TARGET_KINDS, Brief, parse_number

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


@st.composite
def briefs(draw) -> Brief:
    """A brief that the loader accepts: unique ids, references that resolve, any text in the text fields."""
    from cybrief.model import Delegate, Event, Point, Sector, Source, Target

    # Texts come from a small pool drawn once: far fewer draws per brief, and any text can still land in any field.
    pool = draw(st.lists(words, min_size=1, max_size=8))
    words_ = st.sampled_from(pool)
    event_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    slugs = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    delegate_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    events = [
        Event(id=i, date=draw(dates), time=draw(optional(words_)), kind=draw(st.sampled_from(EVENT_KINDS)),
              title=draw(words_), title_en=draw(optional(words_)), theme=draw(optional(words_)),
              place=draw(optional(words_)), paragraph=draw(optional(st.integers(1, 999_999_999))))
        for i in event_ids
    ]
    sectors = [Sector(slug=s, zh=draw(words_), en=draw(words_)) for s in slugs]
    delegates = [
        Delegate(id=i, name=draw(words_), name_en=draw(words_), role=draw(words_), role_en=draw(optional(words_)),
                 organization=draw(words_), organization_en=draw(optional(words_)), event=draw(st.sampled_from(event_ids)),
                 sectors=tuple(draw(st.lists(st.sampled_from(slugs), max_size=2))), summary=draw(words_),
                 summary_en=draw(words_),
                 points=tuple(Point(zh=draw(words_), en=draw(optional(words_))) for _ in range(draw(st.integers(0, 2)))),
                 paragraphs=tuple(draw(st.lists(st.integers(1, 9999), max_size=3))))
        for i in delegate_ids
    ]
    target_ids = draw(st.lists(ids, max_size=4, unique=True))
    targets = [
        Target(id=i, delegate=draw(st.sampled_from(delegate_ids)), sector=draw(st.sampled_from(slugs)), region=draw(words_),
               metric=draw(words_), metric_en=draw(words_), figure=draw(words_), value=draw(numbers), unit=draw(words_),
               qualifier=draw(st.sampled_from(QUALIFIERS)), kind=draw(st.sampled_from(TARGET_KINDS)),
               horizon=draw(optional(words_)), paragraph=draw(st.integers(1, 9999)), note=draw(optional(words_)))
        for i in target_ids
    ]
    source = Source(outlet=draw(words_), reporter=draw(optional(words_)), published=draw(optional(dates)), url=draw(optional(words_)))
    return Brief(id=draw(ids), title=draw(words_), title_en=draw(optional(words_)), language=draw(st.sampled_from(LANGUAGES)),
                 source=source, events=tuple(events), sectors=tuple(sectors), delegates=tuple(delegates),
                 targets=tuple(targets))
