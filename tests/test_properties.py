"""Property tests: any input gives a brief or a CybriefError; any text survives every renderer; dump -> load is exact.

Seeded and bounded by the Hypothesis profile in conftest.py (CYBRIEF_HYPOTHESIS=long for more examples).
"""

from __future__ import annotations

import csv
import io
import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from conftest import BUNDLED, FIXTURES, MINI
from cybrief.library import cache
from cybrief.render import views
from cybrief.brief.dump import dump_brief
from cybrief.errors import CybriefError
from cybrief.files import decode_utf8
from cybrief.library import Library
from cybrief.brief.load import loads_brief
from cybrief.brief.model import Brief
from cybrief.render import Format, renderer
from cybrief.safety import visible
from hostile import RAW_CONTROL, markdown_table_widths, markdown_texts, terminal_text
from strategies import briefs, hostile_texts, mutated, yaml_texts

SEEDS = [MINI.read_text(encoding="utf-8"), (BUNDLED / "chongqing-2026-03-chengyu.yaml").read_text(encoding="utf-8")]
SEEDS += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "hostile").glob("*.yaml"))[:6]]


def load_bytes(data: bytes):
    """The loader on a file's bytes, as load_brief reads them."""
    return loads_brief(decode_utf8(data, "fuzz.yaml"), "fuzz.yaml")


def brief_or_error(load, data):
    try:
        result = load(data)
    except CybriefError as exc:
        assert exc.lines() and all(line and "\n" not in line for line in exc.lines())
        return None
    assert isinstance(result, Brief)
    return result


# --- the loader: a brief or a CybriefError, nothing else -------------------------------------------------

@given(st.binary(max_size=3000))
@example(b"\xff\xfe" + "id: x".encode("utf-16-le"))
@example(b"\xef\xbb\xbf")
@example(b"a: " + b"[" * 200)
def test_any_bytes_give_a_brief_or_an_error(data):
    brief_or_error(load_bytes, data)


@given(yaml_texts)
def test_any_yaml_gives_a_brief_or_an_error(text):
    brief_or_error(loads_brief, text)


@given(mutated(SEEDS))
def test_a_mutated_brief_gives_a_brief_or_an_error(text):
    brief = brief_or_error(loads_brief, text)
    if brief is not None:  # whatever loads must also render, cache and dump
        _render_everything(brief)
        assert cache.from_plain(Brief, cache.to_plain(brief)) == brief
        assert loads_brief(dump_brief(brief)) == brief


# --- dump -> load, and every renderer on what loads --------------------------------------------------------

@given(briefs())
def test_dump_then_load_gives_the_same_brief_which_renders_everywhere(brief):
    again = loads_brief(dump_brief(brief))
    assert again == brief
    assert cache.from_plain(Brief, cache.to_plain(again)) == brief
    _render_everything(again)


# --- renderers: any text, every format -------------------------------------------------------------------

@given(st.lists(st.lists(hostile_texts, min_size=3, max_size=3), min_size=1, max_size=4))
def test_markdown_tables_keep_their_columns_and_their_text(rows):
    from cybrief.render.markdown import table

    out = table(["a", "b", "c"], rows)
    assert markdown_table_widths(out) == {3}
    cells = markdown_texts(out)[3:]
    assert cells == [_as_markdown_reads(c) for row in rows for c in row]
    assert not RAW_CONTROL.search(out)


def _as_markdown_reads(text: str) -> str:
    # A GFM reader trims the whitespace around a cell (Unicode's, U+2028 included); a newline is written
    # as <br>, which is not whitespace, and reads back as a newline; so is a CR LF line end.
    return re.sub(r"\A[^\S\n]+|[^\S\n]+\Z", "", visible(text.replace("\r\n", "\n")))


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), hostile_texts | st.integers() | st.none()), max_size=4))
@example([{"a": " =", "b": "\u3000+1", "c": "a=b"}])  # guarded after leading whitespace; not inside
def test_csv_round_trips_through_the_csv_module(records):
    from cybrief.render.csv import table

    out = table(records, ["a", "b", "c"])
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["a", "b", "c"] and len(rows) == len(records) + 1
    for record, row in zip(records, rows[1:]):
        for column, cell in zip("abc", row):
            value = record.get(column)
            if value is None:
                assert cell == ""
            elif isinstance(value, int):
                assert cell == str(value)
            elif re.match(r"[\s\u00a0\u3000]*[=+\-@＝＋－＠]|[\t\r]", value):
                assert cell == "'" + value  # the documented formula guard, also after leading whitespace (docs/security.md)
            else:
                assert cell == value


@given(st.lists(st.dictionaries(st.text(max_size=5), hostile_texts | st.integers() | st.floats(allow_nan=False, allow_infinity=False)), max_size=4))
def test_json_round_trips_and_carries_no_raw_controls(records):
    from cybrief.render.json import dumps

    out = dumps(records)
    assert json.loads(out) == records
    assert not RAW_CONTROL.search(out) and not re.search("[\u2028\u2029]", out)


@given(st.lists(st.lists(hostile_texts, min_size=3, max_size=3), min_size=1, max_size=4), st.integers(10, 200))
def test_terminal_tables_carry_no_raw_controls_at_any_width(rows, width):
    from rich.console import Console

    from cybrief.render.terminal import table

    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor", legacy_windows=False)
    console.print(table(["a", "b", "c"], rows))
    plain = terminal_text(console.file.getvalue())
    assert not RAW_CONTROL.search(plain.replace("\r\n", "\n"))
    assert "\x1b" not in plain


def _render_everything(brief: Brief) -> None:
    from rich.console import Console

    from cybrief.library.searching import search

    library = Library([brief])
    outputs = []
    for fmt in (Format.table, Format.markdown, Format.json, Format.csv):
        made = renderer(fmt)
        outputs.append(made.listing(views.targets_listing(library.targets(), library, "both")))
        outputs.append(made.listing(views.delegates_listing(library.delegates(), library, "zh")))
        outputs.append(made.listing(views.briefs_listing(library, "en")))
        outputs.append(made.details([views.delegate_detail(r, library, "both") for r in library.delegates()]))
        term = brief.delegates[0].name.strip()[:2]  # a name may start with spaces or CRs: they are no query
        if term:
            outputs.append(made.search(search(library, term)))
    for output in outputs:
        if isinstance(output, str):
            text = output
        else:
            console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="truecolor")
            console.print(output)
            text = terminal_text(console.file.getvalue())
            assert "\x1b" not in text
        if not text.lstrip().startswith(("[", "id,", "brief,")):  # Markdown and terminal text
            assert not RAW_CONTROL.search(text.replace("\r\n", "\n")), text


# --- no link from data, no invisible difference -------------------------------------------------------------

LINKISH = ["www.evil.example", "WWW.E.COM", "http://evil.example/x", "https://e.co", "ftp://e.co", "<https://e.co>",
           "&lt;https://e.co&gt;", "a@b.co", "x.y+z@e-x.example", "mailto:a@b.co", "xmpp:a@b.co/r", "@someone",
           "(www.e.co)", "*www.e.co*", "_http://e.co_", "~a@b.co~", " ", "\n", "x", "中文", ":", "//", ".", "@"]
linkish_texts = st.lists(st.sampled_from(LINKISH) | hostile_texts, max_size=6).map("".join)


def _replaced(record, **changes):
    """A copy of a brief's record with some fields changed."""
    return type(record)(**{spec.name: getattr(record, spec.name) for spec in record.FIELDS} | changes)


def _gfm_links(markdown: str) -> list[str]:
    """The links a GitHub reader makes of Markdown (cmark-gfm, with its autolink extension)."""
    import cmarkgfm

    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return re.findall(r"<a [^>]*>", html)


@given(linkish_texts, st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=3))
@example("see www.evil.example now", [])
@example("<https://evil.example>", [])
@example("a@b.co", [(0, 1)])
@example("http://e.co", [(0, 4)])
def test_no_markdown_text_makes_an_autolink(text, cuts):
    """Data in a table cell, a paragraph, a list item or a highlighted search hit: never a link to GFM."""
    from cybrief.render.markdown import escape_block, highlight, table

    spans, last = [], 0
    for start, size in cuts:  # highlighted spans, in order, inside the text
        start = max(start, last)
        if start + size <= len(text):
            spans.append((start, start + size))
            last = start + size
    for markdown in (table(["h"], [[text]]), escape_block(text) + "\n", "- " + escape_block(text) + "\n",
                     "- **x**: " + highlight(text, spans) + "\n"):
        assert _gfm_links(markdown) == [], (text, markdown)


@given(briefs(), st.lists(st.sampled_from(LINKISH[:13]), min_size=1, max_size=3).map(" ".join))
def test_no_markdown_output_holds_an_autolink_from_data(brief, link):
    """Every Markdown output of a brief whose texts hold links: the delegate's summary, the title, the source."""
    from cybrief.render.report import report
    from cybrief.library.searching import search

    delegate = _replaced(brief.delegates[0], summary=link, name=link)
    brief = _replaced(brief, title=link, delegates=(delegate, *brief.delegates[1:]), source=_replaced(brief.source, url=link))
    library = Library([brief])
    made = renderer(Format.markdown)
    outputs = [
        made.listing(views.targets_listing(library.targets(), library, "both")),
        made.listing(views.delegates_listing(library.delegates(), library, "both")),
        made.listing(views.briefs_listing(library, "both")),
        made.details([views.delegate_detail(r, library, "both") for r in library.delegates()]),
        made.search(search(library, link.split()[0][:3])),
        report(library, "both"),
    ]
    for output in outputs:
        assert _gfm_links(output) == [], output


# Characters that show as nothing, and where Unicode lists them (format characters, Cf, and the other
# default-ignorable code points); each must reach a reader marked.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\u2028", "\u2029",
             "\ufe0f", "\u3164", "\U000e0041", "\U000e007f", "\U000e0100", "\u2064", "\u206a"]


def test_every_format_character_is_shown_marked():
    """safety's list holds every format character (Unicode category Cf) but the visible prepended marks."""
    import sys
    import unicodedata

    from cybrief.safety import has_unsafe

    prepended = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
    shown_as_signs = set(range(0xFFF9, 0xFFFC)) | set(range(0x13430, 0x13440))  # annotation and hieroglyph controls
    missed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
              if unicodedata.category(chr(code)) in ("Cf", "Zl", "Zp", "Cc", "Cs")
              and code not in prepended | shown_as_signs and chr(code) not in "\t\n" and not has_unsafe(chr(code))]
    assert missed == []


@given(st.text(st.characters(categories=["Lo", "Lu", "Ll"]), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 6), st.sampled_from(INVISIBLE)), min_size=1, max_size=3))
@example("张三", [(1, "\u200b")])
def test_a_name_with_invisible_characters_is_shown_marked_and_found_by_what_shows(name, inserts):
    from rich.console import Console

    from cybrief.safety import visible

    hidden = name
    for at, ch in sorted(inserts, reverse=True):
        hidden = hidden[:at] + ch + hidden[at:]
    seed = loads_brief(MINI.read_text(encoding="utf-8"))
    plain = _replaced(seed.delegates[0], name=name)
    tricky = _replaced(seed.delegates[1], name=hidden)
    library = Library([_replaced(seed, delegates=(plain, tricky))])
    found = library.find_delegates(name)
    assert {r.delegate.id for r in found} >= {plain.id, tricky.id}, "both are found by the name that shows"
    listing = views.delegates_listing(library.delegates(), library, "zh")
    markdown = renderer(Format.markdown).listing(listing)
    console = Console(file=io.StringIO(), width=200, force_terminal=True, color_system="truecolor")
    console.print(renderer(Format.table).listing(listing))
    shown = terminal_text(console.file.getvalue())
    assert visible(hidden) in shown and visible(hidden) != hidden, "shown with its invisible characters marked"
    assert any(visible(hidden) in text for text in markdown_texts(markdown)), "read back from Markdown as marked"
    for output in (markdown, shown):
        assert not any(ch in output for ch in INVISIBLE), "no invisible character reaches the reader raw"
