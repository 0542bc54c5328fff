"""Text normalization for search: NFKC, case folding, traditional -> simplified, with a map back to the original.

Each character is normalized on its own: NFKC (full-width `ＡＩ` -> `AI`), then case folding (`AI` -> `ai`,
`ß` -> `ss`), then traditional -> simplified Chinese (`壓` -> `压`). Query and text go through the same
function, so a match in the normalized text is a match in the original. A character can become several
(`ß` -> `ss`) but never none, so every normalized character comes from exactly one original character, and
spans found in the normalized text map back to the original text (`original_spans`).

`normalize_cased` is the same without the case folding: a term matched with its case as typed (smart case,
--case-sensitive) is looked for there. Folding is per character, so a match in the cased text is a match in
the folded text too, and the index of folded text still names every candidate field.
"""

from __future__ import annotations

import unicodedata

# Marks the end of a field in the search index (see index.py). A text never contains it after
# normalization, so an index entry never matches across the end of a field.
FIELD_END = "\x03"
_REPLACEMENT = "\ufffd"

_T2S: dict[int, str] | None = None


def _t2s() -> dict[int, str]:
    global _T2S
    if _T2S is None:
        from cybrief.t2s import SIMPLIFIED, TRADITIONAL

        _T2S = str.maketrans(TRADITIONAL + FIELD_END, SIMPLIFIED + _REPLACEMENT)  # in C: a search pays it
    return _T2S


def t2s_table() -> dict[int, str]:
    """Traditional -> simplified, one character for one, as a str.translate table (built once)."""
    return _t2s()


_CHAR_CACHE: dict[str, str] = {}
_CASED_CHAR_CACHE: dict[str, str] = {}


def normalize_char(ch: str, fold: bool = True) -> str:
    """The normalized form of one character (case folded unless `fold` is false): one or more characters, never none."""
    cache = _CHAR_CACHE if fold else _CASED_CHAR_CACHE
    cached = cache.get(ch)
    if cached is None:
        nfkc = unicodedata.normalize("NFKC", ch) or ch
        cached = (nfkc.casefold() if fold else nfkc).translate(_t2s()) or ch
        cache[ch] = cached
    return cached


class _Folded(dict):
    """ord(ch) -> normalize_char(ch), filled as characters are met. One str.translate with it normalizes a text;
    the T2S table alone would have translate raise and clear a KeyError for each character it does not hold,
    and Chinese punctuation (，：（）) is not in NFKC, which made a text go character by character in Python."""

    __slots__ = ()

    def __missing__(self, code: int) -> str:
        folded = self[code] = normalize_char(chr(code))
        return folded


_FOLDED = _Folded()


def normalize(text: str) -> str:
    """The normalized text: what the index stores and what queries are matched against."""
    if text.isascii():
        folded = text.lower()  # ASCII case folding is lower()
        return folded.replace(FIELD_END, _REPLACEMENT) if FIELD_END in folded else folded
    return text.translate(_FOLDED)  # character by character, as the module's docstring says


def normalize_cased(text: str) -> str:
    """`normalize` without the case folding: NFKC and traditional -> simplified, the case kept as written."""
    if text.isascii():
        return text.replace(FIELD_END, _REPLACEMENT) if FIELD_END in text else text
    if not unicodedata.is_normalized("NFKC", text):
        text = "".join([unicodedata.normalize("NFKC", ch) or ch for ch in text])
    return text.translate(_t2s())


def normalize_with_origin(text: str, fold: bool = True) -> tuple[str, list[int] | None]:
    """The normalized text and, when its length differs, the index in `text` of each normalized character.

    None means the normalization kept every character in place (the common case): offsets are the same.
    """
    normalized = normalize(text) if fold else normalize_cased(text)
    return normalized, origin_of(text, normalized, fold)


def origin_of(text: str, normalized: str, fold: bool = True) -> list[int] | None:
    """For `normalized` made from `text`: None when they are as long (offsets are the same), else the index
    in `text` of each normalized character."""
    if len(normalized) == len(text):
        return None  # each character became exactly one character
    origin: list[int] = []
    for index, ch in enumerate(text):
        origin.extend([index] * len(normalize_char(ch, fold)))
    return origin


def original_spans(spans: list[tuple[int, int]], origin: list[int] | None) -> list[tuple[int, int]]:
    """Spans of the normalized text as spans of the original text (see normalize_with_origin)."""
    if origin is None:
        return list(spans)
    result: list[tuple[int, int]] = []
    for start, end in spans:
        span = (origin[start], origin[end - 1] + 1)
        if result and span[0] < result[-1][1]:  # two matches inside one expanded character
            result[-1] = (result[-1][0], max(result[-1][1], span[1]))
        else:
            result.append(span)
    return result
