"""Renderer tests: every format has a renderer, and each renderer's output is pinned by a golden file."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUNDLED, GOLDEN
from cybrief.render import views
from cybrief.library import open_library
from cybrief.render import RENDERER_MODULES, Format, renderer, resolve
from cybrief.library.searching import search

UPDATE = os.environ.get("CYBRIEF_UPDATE_GOLDEN") == "1"
CONCRETE = [f for f in Format if f is not Format.auto]


def test_every_format_value_has_a_renderer():
    for fmt in CONCRETE:
        assert fmt in RENDERER_MODULES
        made = renderer(fmt)
        for method in ("listing", "details", "search", "counts", "sections", "chart"):
            assert callable(getattr(made, method))
    assert resolve(Format.auto, True) is Format.table
    assert resolve(Format.auto, False) is Format.markdown


def _as_text(fmt: Format, output) -> str:
    if fmt is not Format.table:
        return output
    from rich.console import Console

    console = Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)
    console.print(output)
    return console.file.getvalue()


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    with open(path, encoding="utf-8", newline="") as handle:
        assert text == handle.read()


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:  # loaded once for the module, never through the user's cache
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        return open_library(BUNDLED)


EXT = {Format.table: "txt", Format.markdown: "md", Format.json: "json", Format.csv: "csv", Format.plain: "tsv"}


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_targets_golden(library, fmt):
    listing = views.targets_listing(library.targets(sector="energy"), library, "both")
    _check(f"targets_energy.{EXT[fmt]}", _as_text(fmt, renderer(fmt).listing(listing)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_delegates_golden(library, fmt):
    listing = views.delegates_listing(library.delegates(), library, "zh")
    _check(f"delegates_zh.{EXT[fmt]}", _as_text(fmt, renderer(fmt).listing(listing)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_delegate_detail_golden(library, fmt):
    details = [views.delegate_detail(r, library, "both") for r in library.find_delegates("刘勇")]
    _check(f"delegate_liu_yong.{EXT[fmt]}", _as_text(fmt, renderer(fmt).details(details)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_search_golden(library, fmt):
    result = search(library, "特高压")
    _check(f"search_tegaoya.{EXT[fmt]}", _as_text(fmt, renderer(fmt).search(result)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_figures_golden(fmt):
    from cybrief.render.comparisons import figures_listing
    from cybrief.figures.quantity import parse_figure

    texts = ["近400万辆", "超1000亿元", "1500余家", "20%以上", "16.4亿", "三分之一", "每9台汽车就有1台", "3至5万人"]
    listing = figures_listing([parse_figure(t) for t in texts], "both")
    _check(f"figures.{EXT[fmt]}", _as_text(fmt, renderer(fmt).listing(listing)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_facets_golden(library, fmt):
    from cybrief.render.comparisons import facets

    listing = facets(library.targets(), ["sector", "qualifier"], library, "en")
    _check(f"facets_sector_qualifier.{EXT[fmt]}", _as_text(fmt, renderer(fmt).listing(listing)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_groups_golden(library, fmt):
    from cybrief.figures.compare import sort_refs
    from cybrief.render.comparisons import group

    refs, _ = sort_refs(library.targets(sector="investment"), "value")
    sections = group(refs, "kind", library, "zh")
    _check(f"targets_investment_by_kind.{EXT[fmt]}", _as_text(fmt, renderer(fmt).sections(sections)))


@pytest.mark.parametrize("fmt", CONCRETE, ids=lambda f: f.value)
def test_chart_golden(library, fmt):
    from cybrief.render.comparisons import chart, legend

    refs = library.targets(sector="investment") + library.targets(sector="automotive")
    _check(f"chart_investment_automotive.{EXT[fmt]}", _as_text(fmt, renderer(fmt).chart(chart(refs, "both"), legend("both"))))


def test_report_golden(library):
    from cybrief.render.report import report

    _check("report_en.md", report(library, "en"))


def test_bars_mark_approximate_open_ended_and_ranges():
    from cybrief.render.bars import text

    class Bar:
        def __init__(self, mark, share, upper_share=None):
            self.mark, self.share, self.upper_share = mark, share, upper_share

    assert text(Bar("exact", 0.5), 10) == "█████"
    assert text(Bar("exact", 0.55), 10) == "█████▌"
    assert text(Bar("exact", 0.001), 10) == "▏"  # never invisible
    assert text(Bar("approx", 0.5), 10) == "▒▒▒▒▒"
    assert text(Bar("more", 1.0), 10) == "█████████▶"
    assert text(Bar("less", 0.5), 11) == "█████◀"
    assert text(Bar("range", 0.3, 0.6), 10) == "███░░░"


def _markdown_cells(line: str) -> list[str]:
    """Split a GFM table row on pipes that are not backslash-escaped."""
    assert line.startswith("| ") and line.endswith(" |")
    return re.split(r"(?<!\\)\|", line[2:-2])


def test_markdown_table_cells_escape_pipes_newlines_and_html():
    from cybrief.render.markdown import escape, table

    hostile = ["a|b", "line1\nline2", "<script>x</script>", "[link](http://x) *b* \\"]
    out = table(["h1", "h2", "h3", "h4"], [hostile])
    header, rule, row = out.splitlines()
    assert len(_markdown_cells(row)) == 4
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "line1<br>line2" in out
    assert escape("a|b") == "a\\|b" and escape("\\") == "\\\\"


def test_markdown_listing_has_one_row_per_target(library):
    listing = views.targets_listing(library.targets(), library, "both")
    lines = renderer(Format.markdown).listing(listing).splitlines()
    rows = [line for line in lines if line.startswith("|")]
    assert len(rows) == 2 + len(library.targets())
    assert lines[len(rows):] == ["", *views.BASIS_LEGEND[:1], "", *views.BASIS_LEGEND[1:]]  # the legend of †
    widths = {len(_markdown_cells(line)) for line in rows if not line.startswith("|---") and not line.startswith("| ---")}
    assert widths == {7}


def test_csv_is_rfc4180_and_formula_safe():
    from cybrief.render.csv import table

    out = table([{"a": "=SUM(A1)", "b": 5, "c": "x,\"y\"\nz", "d": "-3", "e": None}], ["a", "b", "c", "d", "e"])
    assert out.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows == [["a", "b", "c", "d", "e"], ["'=SUM(A1)", "5", "x,\"y\"\nz", "'-3", ""]]


def test_json_escapes_terminal_controls_but_keeps_text_exact():
    from cybrief.render.json import dumps

    text = "a\x1b]0;t\x07b\x9b\u202ec"
    out = dumps([{"s": text}])
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert json.loads(out) == [{"s": text}]


def test_terminal_cells_are_text_not_markup():
    from cybrief.render.terminal import table

    grid = table(["h"], [["[bold red]x[/] \x1b[2J"]])
    text = _as_text(Format.table, grid)
    assert "[bold red]x[/]" in text and "\\x1b[2J" in text and "\x1b" not in text


@given(st.text(alphabet=st.sampled_from("ab电_*`[]|~<>&\\\n\r\t\x1b\x85\u202e\u2028 ") | st.characters(), max_size=40))
def test_markdown_escape_skips_only_text_it_would_not_change(text):
    from cybrief.render import markdown
    from cybrief.safety import visible

    slow = re.sub(r"[<>&]", lambda m: markdown._ENTITIES[m.group()],
                  markdown._SPECIAL.sub(r"\\\1", visible(text.replace("\r\n", "\n"))))
    slow = markdown._LINKISH.sub(lambda m: markdown._UNLINKED[m.group()], slow)
    assert markdown.escape(text) == slow.replace("\n", "<br>")


def test_markdown_line_ends_are_breaks_and_a_lone_cr_is_shown():
    from cybrief.render import markdown

    assert markdown.escape("a\r\nb\nc\rd") == "a<br>b<br>c\\\\x0dd"  # the CR shown as an escape, its backslash escaped


def test_markdown_counts_escape_ids_that_need_it():
    from cybrief.search.hits import SearchCounts
    from cybrief.render import markdown

    plain = markdown.Renderer().counts(SearchCounts("x", [("a-1", 2), ("b.2", 1)], "en"))
    assert plain == "| Brief | Hits |\n| --- | --- |\n| a-1 | 2 |\n| b.2 | 1 |\n| **total** | 3 |\n"
    assert "| a\\_1 | 2 |" in markdown.Renderer().counts(SearchCounts("x", [("a_1", 2), ("b", 1)]))
