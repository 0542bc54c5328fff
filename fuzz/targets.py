"""Fuzz targets: functions of bytes that may raise only the errors their input deserves, with their seed files.

A target is registered with `@target(name, seeds=[glob, ...])`; fuzz/run.py runs any of them with
Hypothesis (always available, used by the test suite) or atheris (coverage-guided, for long runs), and
tests/test_fuzz.py runs each for a bounded number of inputs. A target raises AssertionError (or any
exception that is not `allowed`) when it finds a bug. With `lines=True` every line of a seed file is a
seed of its own (figures.txt holds one figure per line).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from cybrief.errors import CybriefError, FigureError

ROOT = Path(__file__).resolve().parent.parent
TARGETS: dict[str, Target] = {}


class Target:
    """A registered fuzz target: the function, the globs of its seed files (relative to the repository), what it may raise."""

    def __init__(self, name: str, function, seeds: list[str], allowed: tuple[type[BaseException], ...], lines: bool = False):
        self.name, self.function, self.seed_globs, self.allowed, self.lines = name, function, seeds, allowed, lines

    def seeds(self) -> list[bytes]:
        files = sorted({path for pattern in self.seed_globs for path in ROOT.glob(pattern) if path.is_file()})
        if self.lines:
            return [line for path in files for line in path.read_bytes().splitlines() if line.strip()]
        return [path.read_bytes() for path in files]

    def __call__(self, data: bytes) -> None:
        try:
            self.function(data)
        except self.allowed:
            pass


def target(name: str, *, seeds: list[str], allowed: tuple[type[BaseException], ...] = (CybriefError,), lines: bool = False):
    def register(function):
        TARGETS[name] = Target(name, function, seeds, allowed, lines)
        return function

    return register


@target("loader", seeds=["briefs/*.yaml", "tests/fixtures/*.yaml", "tests/fixtures/broken/*.yaml", "tests/fixtures/hostile/*.yaml"])
def loader(data: bytes) -> None:
    """The bytes of a brief file: a brief or a CybriefError; and a brief that loads renders, caches and dumps exactly."""
    from cybrief.files import decode_utf8
    from cybrief.brief.load import loads_brief

    brief = loads_brief(decode_utf8(data, "fuzz.yaml"), "fuzz.yaml")
    check_loaded(brief)


def check_loaded(brief) -> None:
    """What must hold of any brief the loader accepts."""
    from cybrief.library import cache
    from cybrief.render import views
    from cybrief.brief.dump import dump_brief
    from cybrief.library import Library
    from cybrief.brief.load import loads_brief
    from cybrief.brief.model import Brief
    from cybrief.render import Format, renderer
    from cybrief.library.searching import search

    assert loads_brief(dump_brief(brief), "dumped.yaml") == brief, "dump -> load changed the brief"
    assert cache.from_plain(Brief, cache.to_plain(brief)) == brief, "the cache changed the brief"
    library = Library([brief])
    for fmt in (Format.json, Format.csv, Format.markdown, Format.table):
        made = renderer(fmt)
        outputs = [
            made.listing(views.targets_listing(library.targets(), library, "both")),
            made.listing(views.delegates_listing(library.delegates(), library, "both")),
            made.listing(views.briefs_listing(library, "both")),
            made.details([views.delegate_detail(ref, library, "en") for ref in library.delegates()]),
            made.search(search(library, brief.title[:2])),
        ]
        for output in outputs:
            if fmt is Format.json:
                json.loads(output)
            elif fmt is Format.table:
                from rich.console import Console

                Console(file=io.StringIO(), width=60, force_terminal=True).print(output)


@target("figure", seeds=["tests/fixtures/figures.txt"], allowed=(FigureError,), lines=True)
def figure(data: bytes) -> None:
    """Text given as a figure: a Quantity or a FigureError; a Quantity that reads back as itself from its Chinese."""
    from cybrief.figures.quantity import parse_figure

    check_quantity(parse_figure(data.decode("utf-8", "replace")))


def check_quantity(q) -> None:
    """What must hold of any figure the parser reads: exact values, a known qualifier, wording back both ways."""
    from decimal import Decimal
    from fractions import Fraction

    from cybrief.brief.model import QUALIFIERS
    from cybrief.figures.quantity import parse_figure
    from cybrief.figures.writing import english, format_figure

    for number in (q.value, q.upper):
        assert number is None or isinstance(number, Fraction) or (isinstance(number, Decimal) and number.is_finite()), q
    assert q.value is not None and q.value >= 0 and (q.upper is None or q.upper > q.value), q
    assert q.qualifier in QUALIFIERS and isinstance(q.unit, str), q
    assert isinstance(english(q), str)
    try:
        text = format_figure(q)
    except ValueError:  # documented: a range of shares, or a fraction that is not a share, has no Chinese wording
        return
    again = parse_figure(text)
    assert (again.value, again.unit, again.qualifier, again.upper) == (q.value, q.unit, q.qualifier, q.upper), (q, text, again)


def _fields() -> list[tuple[int, str]]:
    """The fields of the bundled brief and of a short brief of hostile text, read once."""
    global _FIELDS
    if _FIELDS is None:
        from cybrief.brief.load import load_brief
        from cybrief.search import fields as F

        briefs = [load_brief(path) for path in sorted((ROOT / "briefs").glob("*.yaml"))]
        _FIELDS = [(fid, text) for number, brief in enumerate(briefs) for fid, _, text in F.brief_fields(brief, number)]
        _FIELDS.append((0, "a" * 40 + "!"))
    return _FIELDS


_FIELDS = None


@target("regex", seeds=["fuzz/seeds/regex.txt"], lines=True)
def regex(data: bytes) -> None:
    """A pattern given with --regex: a UsageError, or a matcher whose spans lie in the field; RE2 matches in
    linear time, so no pattern can hang the run (a hang is what this target would find)."""
    from cybrief.search.match import Matcher
    from cybrief.search.query import Query

    query = Query([data.decode("utf-8", "surrogateescape")], regex=True, any=True)
    fields = _fields()
    for hit in Matcher(query).hits(fields):
        assert hit.spans and all(0 <= start < end <= len(hit.text) for start, end in hit.spans), (data, hit.spans)


@target("terms", seeds=["fuzz/seeds/terms.txt"], lines=True)
def terms(data: bytes) -> None:
    """Many terms, repeated or not (each seed repeated up to 3,000 times): a UsageError over the cap, else the
    same hits with every term looked for as with the terms merged, in a time set by the distinct terms."""
    from cybrief.search.match import Matcher
    from cybrief.search.query import Query

    words = data.decode("utf-8", "surrogateescape").split()
    words = (words * (3000 // max(1, len(words)) + 1))[:3000] if len(data) % 2 else words
    query = Query(words or ["x"], any=True)
    # distinct terms: by their folded needle, or their cased one for a term that keeps its case (smart case)
    keys = [cased or needle for needle, cased in zip(query.needles, query.cased_needles)]
    assert len(query.terms) <= 100 and len(set(keys)) == len(keys)
    fields = _fields()
    got = [(h.fid, h.spans) for h in Matcher(query).hits(fields)]
    matcher = Matcher(query)
    matcher._present = None  # every term looked for in every field: the result must not change
    assert got == [(h.fid, h.spans) for h in matcher.hits(fields)], data


@target("draft", seeds=["tests/fixtures/articles/*.txt"], lines=True)
def draft(data: bytes) -> None:
    """An article, a line of one or (for an input of odd length) the line repeated into one paragraph of 16 KB with no
    line break: a draft that loads as it was written, or a CybriefError. The long line is where drafting once went
    quadratic; linear work keeps every input here well under a second (a hang is what this target would find)."""
    from cybrief.brief.load import loads_brief
    from cybrief.draft import draft_bytes

    if len(data) % 2 and data.strip():
        data = (data.replace(b"\n", b"") * (16384 // len(data) + 1))[:16384]
    result = draft_bytes(data, "fuzz.txt", year=2026)
    assert loads_brief(result.yaml) == result.brief, data[:200]
