"""Pinyin search: a query in Latin letters as a pattern over Chinese characters, by full pinyin or by initials.

`tegaoya`, `te gao ya`, `tè gāo yā` and `te4 gao1 ya1` all become "a character read te, then one read gao,
then one read ya" (特高压); `tgy` becomes "characters whose readings start with t, g, y". Every reading of
a character counts (重 is zhong and chong), so 重庆 is found by `chongqing`.

The readings come from pypinyin's table of about 42,000 characters, which costs a few hundred
milliseconds to load: this module is imported only by a search that tries pinyin.
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
    alternatives = ["".join(_klass(by_syllable[s]) for s in cut) for cut in _segmentations(letters, by_syllable)]
    if len(letters) <= MAX_INITIALS and all(c in by_initial for c in letters):
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
