"""Generated libraries for the benchmarks: N briefs made from the bundled one, each with text of its own.

Every brief is a copy of the bundled brief with its own id, in folders of 1,000. Copies alone would be an
archive of one text repeated, which flatters an index (one vocabulary, every posting list alike), so each
copy's prose is varied: in the text fields (titles, themes, roles, summaries, key points, metrics, notes),
each Chinese character is replaced, with probability VARY, by one drawn from the brief's own text (so
characters keep their frequencies), and each English word likewise by another of its words. Figures,
values, units, ids and dates are left alone, so that every copy still passes `cybrief validate`. The
sectors of each copy are one of SECTOR_GROUPS renamings of the bundled ones (`energy` becomes `energy-7`),
so that a sector filter selects about 1/SECTOR_GROUPS of the library, as in an archive of many topics.
Delegates' Chinese names get two numerals of NAME_GROUPS (刘勇 becomes 刘勇四二 in 1% of the copies), so that a
person is found in 1% of the library. The terms the benchmarks search for are never altered: 特高压 and 电网
stay in every brief, and RARE is written into a delegate's summary in 1% of them. The same N and seed give the
same bytes.

How much text varies decides how large a trigram index grows (each new trigram is a new entry): VARY = 0.25
makes about 23% of a copy's distinct trigrams its own, against the 22 other copies; more than 0.1 would
(11%), fewer than 22 real news reports have (80%, measured on the articles the authors draft from, which
share little vocabulary at that size). A real archive of thousands of briefs shares more than 22 reports
do, so where it lies against these copies is not known: measure your own with `cybrief index` and
`cybrief cache size`.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "briefs" / "chongqing-2026-03-chengyu.yaml"
SOURCE_ID = "chongqing-2026-03-chengyu"
RARE = "氢能重卡走廊"
ANCHOR = "刘勇说，"  # the start of a delegate's summary in the bundled brief
KEPT = ("特高压", "电网", RARE, ANCHOR)
VARY = 0.25
SECTOR_GROUPS = 20
NAME_GROUPS = 100
_NUMERALS = "〇一二三四五六七八九"
_NAME = re.compile(r"^(\s+name: )(\S+)$")

_TEXT_KEYS = ("title", "title_en", "theme", "role", "role_en", "summary", "zh", "en", "metric", "metric_en", "note")
_LINE = re.compile(r"^(\s*(?:- )?(?:" + "|".join(_TEXT_KEYS) + r"): )(.+)$")
_KEPT = re.compile("(" + "|".join(map(re.escape, KEPT)) + ")")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z]{3,}")
_SECTOR_LINES = re.compile(r"^(\s*(?:- \{slug: |sectors: \[|sector: ))(.*)$")


def _pools(text: str) -> tuple[str, list[str]]:
    han = "".join(_HAN.findall(text))
    words = _WORD.findall(text)
    return han, words


def _vary_segment(segment: str, rng: random.Random, han: str, words: list[str]) -> str:
    segment = _HAN.sub(lambda m: rng.choice(han) if rng.random() < VARY else m.group(), segment)
    return _WORD.sub(lambda m: rng.choice(words) if rng.random() < VARY else m.group(), segment)


def _vary_value(value: str, rng: random.Random, han: str, words: list[str]) -> str:
    if value.startswith((">", "|", "[", "{", '"', "'")):
        return value  # a block or a quoted scalar: left as written, so the YAML stays valid
    parts = _KEPT.split(value)
    return "".join(p if i % 2 else _vary_segment(p, rng, han, words) for i, p in enumerate(parts))


def _rename_sectors(line: str, slugs: list[str], group: int) -> str:
    match = _SECTOR_LINES.match(line)
    if not match:
        return line
    head, rest = match.groups()
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, slugs)) + r")\b(?![-\w])")
    return head + pattern.sub(lambda m: f"{m.group()}-{group}", rest, count=0 if "[" in head else 1)


def brief_text(number: int, template: str | None = None, seed: int = 0) -> str:
    """The text of brief `number` of a generated library."""
    text = template if template is not None else SOURCE.read_text(encoding="utf-8")
    assert ANCHOR in text and f"\nid: {SOURCE_ID}\n" in text
    rng = random.Random(seed * 1_000_003 + number)
    han, words = _pools(text)
    slugs = re.findall(r"- \{slug: ([a-z-]+),", text)
    group, person = number % SECTOR_GROUPS, number % NAME_GROUPS
    if number % 100 == 0:
        text = text.replace(ANCHOR, f"{ANCHOR}{RARE}建设提速，", 1)
    out = []
    for line in text.split("\n"):
        match = _LINE.match(line)
        if match and not line.lstrip().startswith("id:"):
            line = match.group(1) + _vary_value(match.group(2), rng, han, words)
        named = _NAME.match(line)
        if named:
            line = named.group(1) + named.group(2) + _NUMERALS[person // 10] + _NUMERALS[person % 10]
        out.append(_rename_sectors(line, slugs, group))
    return "\n".join(out).replace(f"\nid: {SOURCE_ID}\n", f"\nid: copy-{number:05d}\n", 1)


def make_library(folder: Path, count: int, seed: int = 0) -> int:
    """Write a library of `count` briefs under folder (part-00/copy-00000.yaml ...); returns its bytes."""
    template = SOURCE.read_text(encoding="utf-8")
    total = 0
    for number in range(count):
        sub = folder / f"part-{number // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = brief_text(number, template, seed).encode("utf-8")
        (sub / f"copy-{number:05d}.yaml").write_bytes(data)
        total += len(data)
    return total


def library_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.y*ml"))


def with_empty_cache(work: Path, count: int) -> tuple[Path, Path, dict]:
    """(library, cache folder, environment) for a benchmark of N briefs under `work`: the library made if it is not
    there yet, its cache emptied, the environment pointing cybrief at that cache (and writing bytecode)."""
    import os
    import shutil

    from _timing import bytecode_env

    library, cache = work / f"library-{count}", work / f"cache-{count}"
    env = bytecode_env(dict(os.environ, XDG_CACHE_HOME=str(cache)))
    env.pop("CYBRIEF_NO_CACHE", None)
    if not library.exists():
        make_library(library, count)
    shutil.rmtree(cache, ignore_errors=True)
    return library, cache, env
