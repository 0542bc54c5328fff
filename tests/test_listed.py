"""Every target or delegate copied from what the index keeps for listings (index/listed.py): the bytes of the files."""

from __future__ import annotations

import io
import marshal
import os
import shutil
import sqlite3
import sys
import zlib

import pytest

from conftest import FIXTURES, OLD, listing_outputs, mixed_library, run

ODD = FIXTURES / "odd.yaml"  # ties, mixed units, a fraction beside decimals, texts with quotes, commas, % and braces

ORDERED = [  # CSV: the stored lines, ordered or grouped
    ["delegates"], ["targets"], ["targets", "--sort", "value"], ["targets", "--sort", "value", "--reverse"],
    ["targets", "--sort", "date"], ["targets", "--sort", "date", "--reverse"], ["targets", "--sort", "delegate"],
    ["targets", "--sort", "sector", "--reverse"], ["targets", "--group-by", "sector"], ["targets", "--group-by", "delegate"],
    ["targets", "--group-by", "kind"], ["targets", "--group-by", "horizon"], ["targets", "--sort", "value", "--group-by", "horizon"],
    ["targets", "--brief", "odd", "--sort", "value"], ["delegates", "--brief", "odd"], ["targets", "--no-drafts", "--group-by", "sector"],
]
COUNTED = [  # facets, in every format
    ["targets", "--facet", "sector"], ["targets", "--facet", "unit", "--facet", "horizon", "--facet", "brief"],
    ["targets", "--facet", "qualifier", "--facet", "delegate", "--lang", "en"], ["targets", "--sort", "value", "--facet", "region"],
]
RUNS = [(args, "csv") for args in ORDERED] + [(args, fmt) for args in COUNTED for fmt in ("json", "csv", "markdown", "table")]


def odd_library(tmp_path):
    folder = mixed_library(tmp_path)
    shutil.copy(ODD, folder / "sub" / "odd.yaml")
    for path in (folder / "sub" / "odd.yaml", folder / "sub", folder):
        os.utime(path, ns=(OLD, OLD))
    return folder


def _outputs(folder, monkeypatch, cached: bool) -> list:
    return listing_outputs(folder, monkeypatch, cached, RUNS)


def test_every_row_ordered_grouped_or_counted_is_the_listing_from_the_files(tmp_path, monkeypatch):
    folder = odd_library(tmp_path)
    files = _outputs(folder, monkeypatch, cached=False)
    assert all(code == 0 for _, _, code, _, _ in files)
    assert _outputs(folder, monkeypatch, cached=True) == files  # cold: the index built first
    assert _outputs(folder, monkeypatch, cached=True) == files  # warm
    by_value = dict((" ".join(args), out) for args, fmt, _, out, _ in files)["targets --sort value"]
    ids = [row.split(",")[0] for row in by_value.splitlines()[1:] if row[:1] in "ot" and row[1:2].isdigit()]
    assert ids.index("o2") < ids.index("o5") and ids.index("o4") < ids.index("o1")  # a tie in library order; 0.34 > 1/3


def test_copied_listings_make_no_brief_record_or_part(tmp_path, monkeypatch):
    """Every delegate as CSV fills templates, every target ordered, grouped or counted reads stored facts: no brief,
    part of one or record is made, and no delegate's line is made from its record."""
    from cybrief.library import indexed

    folder = odd_library(tmp_path)
    monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    expected = [run(*args, "--format", fmt, library=folder) for args, fmt in RUNS]
    monkeypatch.delenv("CYBRIEF_NO_CACHE")
    assert run("index", library=folder).exit_code == 0

    def unused(*args, **kwargs):
        raise AssertionError("made from the stored brief")

    for name in ("_records", "brief", "part", "_delegate_lines"):
        monkeypatch.setattr(indexed.IndexedLibrary, name, unused)
    copied = [run(*args, "--format", fmt, library=folder) for args, fmt in RUNS]
    assert [(r.exit_code, r.stdout, r.stderr) for r in copied] == [(r.exit_code, r.stdout, r.stderr) for r in expected]


def _index(folder):
    from cybrief.index.store import index_path

    return index_path(folder.resolve())


def _template_with_ends_past_its_texts(blob: bytes) -> bytes:
    template, starts, ends, doubled = marshal.loads(zlib.decompress(blob))
    return zlib.compress(marshal.dumps((template, starts, (10 ** 9).to_bytes(8, "little") * (len(ends) // 8), doubled)))


def _facts_replaced(blob: bytes, keys: bytes | None = None, texts: bytes | None = None) -> bytes:
    """A stored blob of targets (index/listed.py) with its facts for ordering, or its texts, replaced."""
    size, length = int.from_bytes(blob[:4], "little"), int.from_bytes(blob[4:8], "little")
    data = zlib.decompress(blob[8:])
    keys = data[size:size + length] if keys is None else keys
    texts = data[size + length:] if texts is None else texts
    return size.to_bytes(4, "little") + len(keys).to_bytes(4, "little") + zlib.compress(data[:size] + keys + texts)


def _keys_edited(blob: bytes, edit) -> bytes:
    """A stored blob of targets with its facts for ordering read, edited by edit(list of them), and written back."""
    size, length = int.from_bytes(blob[:4], "little"), int.from_bytes(blob[4:8], "little")
    keys = list(marshal.loads(zlib.decompress(blob[8:])[size:size + length]))
    edit(keys)
    return _facts_replaced(blob, keys=marshal.dumps(tuple(keys)))


def _values(keys, value) -> None:  # every value of the brief (the last of the facts for ordering) replaced
    keys[-1] = [value] * len(keys[-1])


def _fractions(keys) -> None:  # every value said to be a fraction, and not text
    keys[1], keys[-1] = list(range(len(keys[-1]))), [7] * len(keys[-1])


def _labels(keys) -> None:  # the labels not text
    keys[2] = [[label] for label in keys[2]]


@pytest.mark.parametrize("args, table, column, damage", [
    (["delegates"], "delegates_csv", "template", lambda blob: b"\x00\xff"),
    (["delegates"], "delegates_csv", "template", lambda blob: zlib.compress(marshal.dumps("not a template"))),
    (["delegates"], "delegates_csv", "template", _template_with_ends_past_its_texts),
    (["targets", "--sort", "value"], "targets_csv", "lines", lambda blob: blob[:8] + zlib.compress(b"short")),
    (["targets", "--group-by", "sector"], "targets_csv", "lines", lambda blob: blob[:len(blob) // 2]),
    (["targets", "--facet", "sector"], "targets_csv", "lines", lambda blob: _facts_replaced(blob, keys=marshal.dumps(1))),
    (["targets", "--sort", "value"], "targets_csv", "lines", lambda blob: _facts_replaced(blob, keys=marshal.dumps((1, 2)))),
    (["targets", "--facet", "sector"], "targets_csv", "lines", lambda blob: _facts_replaced(blob, texts=marshal.dumps([]))),
    (["targets", "--sort", "value"], "targets_csv", "lines", lambda blob: _keys_edited(blob, lambda k: _values(k, "NaN"))),
    (["targets", "--sort", "value"], "targets_csv", "lines", lambda blob: _keys_edited(blob, _fractions)),
    (["targets", "--group-by", "sector"], "targets_csv", "lines", lambda blob: _keys_edited(blob, _labels)),
    (["targets", "--facet", "sector"], "targets_csv", "lines",
     lambda blob: _facts_replaced(blob, texts=marshal.dumps(tuple([[1]] * 4)))),
])
def test_damaged_stored_lines_or_facts_give_the_listing_from_the_files(tmp_path, monkeypatch, args, table, column, damage):
    folder = odd_library(tmp_path)
    expected = run(*args, "--format", "csv", library=folder)
    assert expected.exit_code == 0
    with sqlite3.connect(_index(folder)) as db:
        for number, blob in db.execute(f"SELECT no, {column} FROM {table}").fetchall():
            db.execute(f"UPDATE {table} SET {column} = ? WHERE no = ?", (damage(blob), number))
    result = run(*args, "--format", "csv", library=folder)
    assert (result.exit_code, result.stdout) == (0, expected.stdout)
    assert not _index(folder).exists()  # removed: the next command builds it again


def test_a_template_leaves_the_long_texts_out_and_gives_every_line(tmp_path):
    from cybrief.brief.csvrows import line
    from cybrief.brief.load import loads_brief
    from cybrief.brief.records import delegate_record
    from cybrief.index.listed import SHORTEST, fill, pack_template
    from cybrief.search.fields import brief_fields

    brief = loads_brief(ODD.read_text(encoding="utf-8"), "odd.yaml", str(ODD))
    texts = [text for _, _, text in brief_fields(brief, 0)]
    records = [tuple(delegate_record(brief, d).values()) for d in brief.delegates]
    blob = pack_template(records, texts)
    filled = fill(blob, "\x03".join(texts).encode("utf-8"))
    assert filled.decode("utf-8") == "".join(line(r) for r in records)
    template = marshal.loads(zlib.decompress(blob))[0]
    long_texts = [t for d in brief.delegates for t in (d.summary, d.summary_en) if len(t) >= SHORTEST]
    assert long_texts and not any(t.encode("utf-8") in template for t in long_texts)
    texts = ["a long text, 100% with \"quotes\"", "=a formula, long enough", "no special character here"]
    records = [("5%", "{b}", texts[0], [texts[1], "short, %s", texts[2]], None, True, 3, ["", "x"], "=1+1", texts[2])]
    blob = pack_template(records, texts)
    assert fill(blob, "\x03".join(texts).encode("utf-8")) == line(records[0]).encode("utf-8")
    assert marshal.loads(zlib.decompress(blob))[0].replace(b"%%", b"").count(b"%s") == 4  # each long text a place to fill


def test_lines_as_utf8_are_written_as_text_where_stdout_is_not_utf8(monkeypatch):
    from cybrief.cli.pager import write_all

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-16", newline="\n"))
    write_all(["a,b\r\n", "王五,\"x\"\r\n".encode("utf-8"), "c\r\n"])
    assert raw.getvalue().decode("utf-16") == "a,b\r\n王五,\"x\"\r\nc\r\n"
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", newline="\n"))
    write_all(["a,b\r\n", "王五\r\n".encode("utf-8"), "c\r\n"])
    assert raw.getvalue() == "a,b\r\n王五\r\nc\r\n".encode("utf-8")  # in order, text written before the bytes


def test_an_edited_brief_is_ordered_and_listed_anew(tmp_path, monkeypatch):
    folder = odd_library(tmp_path)
    assert run("index", library=folder).exit_code == 0
    path = folder / "sub" / "odd.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("figure: 约0.34\n    value: 0.34", "figure: 约0.3\n    value: 0.3")
                    .replace("Zhao spoke on energy.", "Zhao spoke on energy, at length."), encoding="utf-8")
    assert run("index", library=folder).exit_code == 0
    runs = [["targets", "--sort", "value"], ["delegates"], ["targets", "--group-by", "kind"]]
    cached = [run(*args, "--format", "csv", library=folder).stdout for args in runs]
    monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    assert cached == [run(*args, "--format", "csv", library=folder).stdout for args in runs]
    assert "at length" in cached[1] and cached[0].index("\no1,") < cached[0].index("\no4,")


def test_targets_for_ordering_read_their_texts_from_the_brief_when_asked(tmp_path):
    """Facts read for ordering and grouping leave out metrics and figures (index/listed.py TEXTS); one asked for
    anyway is the target's own, and every other fact is the one read with them."""
    from cybrief.index.listed import FACTS
    from cybrief.library.cache import open_indexed

    folder = odd_library(tmp_path)
    library = open_indexed(folder)
    try:
        full, keyed = library.target_facts(), library.target_facts(texts=False)
        assert len(full) == len(keyed) > 5
        for a, b in zip(full, keyed):
            assert b[2:13] == a[2:13] and b.csv == a.csv and b.date == a.date and b.delegate_names == a.delegate_names
            assert (b.metric, b.metric_en, b.figure, b.qualitative) == (a.metric, a.metric_en, a.figure, a.qualitative)
            assert (b.metric, b.figure) == (b.target.metric, b.target.figure)
            at = 2 + FACTS.index("metric")
            assert b[at] is None and a[at] == a.metric  # not read with the others: from the brief
    finally:
        library.db.close()
