"""Matching as ripgrep users expect it: smart case (which terms match their case as typed) and whole words (-w).

Smart case: a term holding an upper-case letter matches its case exactly, an all-lower-case term ignores
case; --case-sensitive and --ignore-case decide for every term instead. Whole words: a match that begins or
ends with a letter or digit of a script written with spaces (Latin, Cyrillic, Greek ...) must not touch
another such character there. Chinese, Japanese and Korean characters are no part of such words, so a
Chinese term matches as without -w, and `AI` in `AI智能体` is a whole word.
"""

from __future__ import annotations

import re
import unicodedata

from cybrief.errors import UsageError

CASES = ("smart", "sensitive", "insensitive")

# What in a regular expression is not a literal letter: escapes (\D, \p{Lu}, \x41), group names, inline flags.
_NOT_LITERAL = re.compile(
    r"\\(?:[pPN]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\(\?P?<[^>]*>|\(\?P=[^)]*\)|\(\?[a-zA-Z-]+[:)]",
    re.DOTALL,
)


def case_mode(sensitive: bool = False, ignore: bool = False) -> str:
    """The case mode of the command line's flags: smart unless one of them is given; both is a usage error."""
    if sensitive and ignore:
        raise UsageError("--case-sensitive and --ignore-case do not combine; give one of them")
    return "sensitive" if sensitive else "insensitive" if ignore else "smart"


def has_upper(term: str, regex: bool = False) -> bool:
    """Whether a term holds an upper-case letter (full-width ones too); in a regular expression, a literal one."""
    if regex:
        term = _NOT_LITERAL.sub("", term)
    return any(ch.isupper() for ch in unicodedata.normalize("NFKC", term))


def keeps_case(term: str, case: str, regex: bool = False) -> bool:
    """Whether `term` is matched with its case as typed under the case mode `case` (see CASES)."""
    if case not in CASES:
        raise UsageError(f"unknown case mode {case!r}; use one of: {', '.join(CASES)}")
    if case == "smart":
        return has_upper(term, regex)
    return case == "sensitive"


def _in_spaced_word(ch: str) -> bool:
    """A letter, digit or underscore of a script that puts spaces between words (not a CJK ideograph or kana)."""
    return (ch.isalnum() or ch == "_") and unicodedata.east_asian_width(ch) not in ("W", "F")


def whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands at word boundaries, in the sense of the module's docstring."""
    if start >= end:
        return False
    if start > 0 and _in_spaced_word(text[start]) and _in_spaced_word(text[start - 1]):
        return False
    return not (end < len(text) and _in_spaced_word(text[end - 1]) and _in_spaced_word(text[end]))
