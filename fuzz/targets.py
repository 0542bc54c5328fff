"""Fuzz targets: functions of bytes that may raise only the errors their input deserves, with their seed files.

A target is registered with `@target(name, seeds=[glob, ...])`; fuzz/run.py runs any of them with
Hypothesis (always available, used by the test suite) or atheris (coverage-guided, for long runs), and
tests/test_fuzz.py runs each for a bounded number of inputs. A target raises AssertionError (or any
exception that is not `allowed`) when it finds a bug. Adding one, for a parser of Chinese figures say:

    @target("figure", seeds=["tests/fixtures/figures/*.txt"], allowed=(CybriefError, ValueError))
    def figure(data: bytes) -> None:
        from cybrief import quantity
        quantity.parse(data.decode("utf-8", "replace"))
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from cybrief.errors import CybriefError

ROOT = Path(__file__).resolve().parent.parent
TARGETS: dict[str, Target] = {}


class Target:
    """A registered fuzz target: the function, the globs of its seed files (relative to the repository), what it may raise."""

    def __init__(self, name: str, function, seeds: list[str], allowed: tuple[type[BaseException], ...]):
        self.name, self.function, self.seed_globs, self.allowed = name, function, seeds, allowed

    def seeds(self) -> list[bytes]:
        files = sorted({path for pattern in self.seed_globs for path in ROOT.glob(pattern) if path.is_file()})
        return [path.read_bytes() for path in files]

    def __call__(self, data: bytes) -> None:
        try:
            self.function(data)
        except self.allowed:
            pass


def target(name: str, *, seeds: list[str], allowed: tuple[type[BaseException], ...] = (CybriefError,)):
    def register(function):
        TARGETS[name] = Target(name, function, seeds, allowed)
        return function

    return register


@target("loader", seeds=["briefs/*.yaml", "tests/fixtures/*.yaml", "tests/fixtures/broken/*.yaml", "tests/fixtures/hostile/*.yaml"])
def loader(data: bytes) -> None:
    """The bytes of a brief file: a brief or a CybriefError; and a brief that loads renders, caches and dumps exactly."""
    from cybrief.files import decode_utf8
    from cybrief.load import loads_brief

    brief = loads_brief(decode_utf8(data, "fuzz.yaml"), "fuzz.yaml")
    check_loaded(brief)


def check_loaded(brief) -> None:
    """What must hold of any brief the loader accepts."""
    from cybrief import cache, views
    from cybrief.dump import dump_brief
    from cybrief.library import Library
    from cybrief.load import loads_brief
    from cybrief.model import Brief
    from cybrief.render import Format, renderer
    from cybrief.search import search

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
