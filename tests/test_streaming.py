"""Long listings are written in pieces as they are made: the same bytes as whole (JSON, CSV, Markdown), and a table
whose every line fits its columns."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from conftest import MINI, OLD, run
from cybrief import render
from cybrief.brief import csvrows
from cybrief.render import csv as csv_render
from cybrief.render import json as json_render
from cybrief.render import markdown as markdown_render

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
                    st.sampled_from(["=1+1", "+x", "-2", "@a", "\tx", "\rx", "'q", " a", "１"]))


@given(st.lists(SCALARS, max_size=12))
def test_csv_cells_are_cell_for_every_value(values):
    assert csvrows.cells(values) == [csvrows.cell(v) for v in values]


@given(st.lists(SCALARS | st.text(alphabet=',"\r\n a中', max_size=6) | st.lists(st.text(max_size=3), max_size=3),
                max_size=12))
def test_a_csv_line_is_what_the_csv_writer_writes(values):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(csvrows.cells(values))
    assert csvrows.line(values) == out.getvalue()


@given(st.lists(st.dictionaries(st.sampled_from("abc"), SCALARS | st.lists(st.text(max_size=3), max_size=3)), max_size=40),
       st.integers(1, 7))
def test_streamed_csv_json_and_markdown_are_the_whole_outputs(records, chunk):
    columns = ("a", "b", "c")
    rows = [[str(r.get(c, "")) for c in columns] for r in records]
    whole = (csv_render.table(records, columns), json_render.dumps(records), markdown_render.table(list(columns), rows))
    modules = (csv_render, json_render, markdown_render)
    saved = [m.CHUNK for m in modules]
    try:
        for module in modules:
            module.CHUNK = chunk
        streamed = ("".join(csv_render.stream(records, columns)), "".join(json_render.stream(records)),
                    "".join(markdown_render.table_stream(list(columns), rows)))
    finally:
        for module, value in zip(modules, saved):
            module.CHUNK = value
    assert streamed == whole


def _library(tmp_path, count: int):
    folder = tmp_path / "lib"
    text = MINI.read_text(encoding="utf-8")
    for number in range(count):
        sub = folder / f"p{number // 100}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"b{number:04d}.yaml").write_text(text.replace("id: mini", f"id: b{number:04d}", 1), encoding="utf-8")
    import os

    for path in folder.rglob("*.yaml"):
        os.utime(path, ns=(OLD, OLD))
    return folder


def test_a_listing_longer_than_the_streaming_threshold_gives_the_bytes_of_a_short_one(tmp_path, monkeypatch):
    """The same library printed with streaming from the first row and from none: identical output."""
    folder = _library(tmp_path, 40)  # 120 targets, 80 delegates
    commands = [(cmd, fmt) for cmd in (["targets"], ["delegates"], ["targets", "--lang", "en"])
                for fmt in ("json", "csv", "markdown")]
    whole = [run(*cmd, "--format", fmt, library=folder).stdout for cmd, fmt in commands]
    monkeypatch.setattr(render, "STREAM_ROWS", 0)
    for module in (csv_render, json_render, markdown_render):
        monkeypatch.setattr(module, "CHUNK", 7)
    streamed = [run(*cmd, "--format", fmt, library=folder).stdout for cmd, fmt in commands]
    assert streamed == whole
    assert len(json.loads(whole[0])) == 120


def test_a_streamed_table_keeps_every_line_within_its_columns(tmp_path, monkeypatch):
    from rich.cells import cell_len
    from rich.console import Console

    from cybrief.library import open_library
    from cybrief.render import views
    from cybrief.render.terminal import StreamedTable

    folder = _library(tmp_path, 3)
    lib = open_library(folder)
    listing = views.targets_listing(lib.targets(), lib, "both")
    rows = listing.rows + [["长" * 90, "y" * 200, "a b " * 40, "\x1b[31m", "", "\n\n", "末"]]
    for width in (40, 80, 200):
        pieces = list(StreamedTable(listing.headers, rows).pieces(width, chunk=5))
        console = Console(file=io.StringIO(), width=width, color_system=None)
        console.print(pieces[0])
        text = console.file.getvalue() + "".join(pieces[1:])
        lines = text.splitlines()
        assert all(cell_len(line) <= width for line in lines), width
        assert sum(1 for line in lines if set(line) == {"─"}) == 1 and len(lines) > len(rows) * 2
        assert "\x1b" not in text  # controls are shown, never sent
        for ch in "长y末":  # no text lost in folding
            assert text.count(ch) == sum(cell.count(ch) for row in [listing.headers] + rows for cell in row)
