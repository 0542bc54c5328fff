"""Pinyin search: a query in Latin letters as a pattern over Chinese characters, by full pinyin or by initials.

`tegaoya`, `te gao ya`, `tè gāo yā` and `te4 gao1 ya1` all become "a character read te, then one read gao,
then one read ya" (特高压); `tgy` becomes "characters whose readings start with t, g, y". Every reading of
a character counts (重 is zhong and chong), so 重庆 is found by `chongqing`.

The readings come from pypinyin's table of about 42,000 characters, which costs a few hundred
milliseconds and some 50 MB to load. So the search index stores, when it reads the briefs, the readings
of the characters its library uses (readings(), and the list of every syllable, syllables()), and a
search answered from the index builds its pattern from those (Readings) without loading pypinyin. Both
give the same matches: a character the library does not use cannot match, and the cuts of a query into
syllables are made from every syllable either way. This module is imported only by a search that tries
pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_LETTERS = 40  # longer Latin queries are not tried as pinyin
MAX_INITIALS = 8  # initials queries (tgy) longer than this are not tried
MAX_SEGMENTATIONS = 32

_SEPARATORS = re.compile(r"[\s'’·\-]+")
_SHAPE = re.compile(r"^[a-zv]+[1-5]?(?:[a-zv]+[1-5]?)*$")


def _letters(term: str) -> str | None:
    """The toneless letters of a term written in pinyin, or None if it is not pinyin-shaped."""
    text = unicodedata.normalize("NFKD", term.strip().casefold()).replace("u\u0308", "v")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SEPARATORS.sub("", text)
    if not text or not text.isascii() or not _SHAPE.match(text):
        return None
    letters = re.sub(r"[1-5]", "", text)
    return letters if len(letters) <= MAX_LETTERS else None


def is_pinyin(term: str) -> bool:
    """Whether a term could be pinyin: Latin letters, with tone marks or digits, spaces or apostrophes."""
    return _letters(term) is not None


@lru_cache(maxsize=None)  # some 1,500 toned syllables, read 48,000 times by _tables
def _toneless(reading: str) -> str:
    text = unicodedata.normalize("NFKD", reading).replace("u\u0308", "v")
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ch.isascii() and ch.isalpha())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """syllable -> characters read so, and initial letter -> characters with a reading starting so.

    Only characters that normalization leaves as they are (simplified forms): text is matched in its
    normalized form, where traditional characters have become simplified.
    """
    from pypinyin.pinyin_dict import pinyin_dict

    from cybrief.search.normalize import normalize_char

    by_syllable: dict[str, list[str]] = {}
    by_initial: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        ch = chr(code)
        if normalize_char(ch) != ch:
            continue
        syllables = {_toneless(r) for r in readings.split(",")} - {""}
        for syllable in syllables:
            by_syllable.setdefault(syllable, []).append(ch)
        for initial in {s[0] for s in syllables}:
            by_initial.setdefault(initial, []).append(ch)
    return ({k: "".join(sorted(v)) for k, v in by_syllable.items()},
            {k: "".join(sorted(v)) for k, v in by_initial.items()})


def readings(characters) -> list[tuple[str, str]]:
    """(character, its toneless syllables joined by spaces) for each character; "" for one with none, or that
    normalization changes (text is matched in its normalized form)."""
    from pypinyin.pinyin_dict import pinyin_dict

    from cybrief.search.normalize import normalize_char

    out = []
    for ch in characters:
        found = pinyin_dict.get(ord(ch)) if len(ch) == 1 and normalize_char(ch) == ch else None
        syllables = sorted({_toneless(r) for r in found.split(",")} - {""}) if found else []
        out.append((ch, " ".join(syllables)))
    return out


def syllables() -> list[str]:
    """Every toneless syllable pypinyin knows: the syllables of _tables, without building them (an index build
    needs only these): each distinct list of readings is read once, from a character normalization keeps."""
    from pypinyin.pinyin_dict import pinyin_dict

    from cybrief.search.normalize import normalize_char

    kept: set[str] = set()
    for code, readings in pinyin_dict.items():
        if readings not in kept and normalize_char(chr(code)) == chr(code):
            kept.add(readings)
    return sorted({_toneless(r) for readings in kept for r in readings.split(",")} - {""})


class Readings:
    """Pinyin tables for one library, as its index stores them: the readings of the characters it uses, and
    every syllable (for cutting a query into syllables exactly as with pypinyin's whole table)."""

    __slots__ = ("by_syllable", "by_initial", "syllables")

    def __init__(self, rows, syllables: list[str]):
        by_syllable: dict[str, list[str]] = {}
        by_initial: dict[str, list[str]] = {}
        for ch, read in rows:
            spelled = read.split()
            for syllable in spelled:
                by_syllable.setdefault(syllable, []).append(ch)
            for initial in {s[0] for s in spelled}:
                by_initial.setdefault(initial, []).append(ch)
        self.by_syllable = {k: "".join(sorted(v)) for k, v in by_syllable.items()}
        self.by_initial = {k: "".join(sorted(v)) for k, v in by_initial.items()}
        self.syllables = frozenset(syllables)


def _segmentations(letters: str, syllables) -> list[list[str]]:
    """Every way to cut `letters` into syllables (at most MAX_SEGMENTATIONS), longest syllables first."""
    longest = max(map(len, syllables))
    results: list[list[str]] = []

    @lru_cache(maxsize=None)
    def can_finish(start: int) -> bool:
        return start == len(letters) or any(
            letters[start:end] in syllables and can_finish(end)
            for end in range(start + 1, min(len(letters), start + longest) + 1)
        )

    def walk(start: int, path: list[str]) -> None:
        if len(results) >= MAX_SEGMENTATIONS:
            return
        if start == len(letters):
            results.append(list(path))
            return
        for end in range(min(len(letters), start + longest), start, -1):
            piece = letters[start:end]
            if piece in syllables and can_finish(end):
                path.append(piece)
                walk(end, path)
                path.pop()

    walk(0, [])
    return results


def _klass(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@lru_cache(maxsize=64)
def pattern(term: str):
    """A compiled pattern matching the Chinese text this term spells in pinyin, or None if it spells none."""
    letters = _letters(term)
    if letters is None:
        return None
    by_syllable, by_initial = _tables()
    return _compiled(letters, by_syllable, by_initial, by_syllable.keys(), by_initial.keys())


def pattern_from(term: str, tables: Readings) -> re.Pattern | None:
    """pattern(term) from a library's stored readings instead of pypinyin's table: the same matches in it."""
    letters = _letters(term)
    if letters is None or not tables.syllables:
        return None
    initials = {s[0] for s in tables.syllables}
    return _compiled(letters, tables.by_syllable, tables.by_initial, tables.syllables, initials)


def _compiled(letters: str, by_syllable: dict, by_initial: dict, syllables, initials) -> re.Pattern | None:
    """Alternatives for every cut of the letters into syllables, and for the letters as initials; an alternative
    with a syllable or an initial that no known character reads is left out (it could match nothing)."""
    alternatives = []
    for cut in _segmentations(letters, syllables):
        if all(s in by_syllable for s in cut):
            alternatives.append("".join(_klass(by_syllable[s]) for s in cut))
    if len(letters) <= MAX_INITIALS and all(c in initials for c in letters) and all(c in by_initial for c in letters):
        alternatives.append("".join(_klass(by_initial[c]) for c in letters))
    if not alternatives:
        return None
    from cybrief.errors import UsageError
    from cybrief.search.pattern import linear

    # RE2: a class of hundreds of characters per syllable compiles in a millisecond (Python's engine
    # takes half a second and a megabyte a term) and matches ten times faster
    try:
        return linear("|".join(alternatives))
    except UsageError:  # more readings than RE2's memory cap holds: like a term too long, not tried
        return None
