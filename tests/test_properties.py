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
            elif value.startswith(("=", "+", "-", "@", "\t", "\r")):
                assert cell == "'" + value  # the documented formula guard
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
        outputs.append(made.search(search(library, brief.delegates[0].name.strip()[:2] or "0")))  # never a blank query
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
