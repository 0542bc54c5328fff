"""Regular expressions the user types, compiled for RE2: matching time linear in the text, memory capped.

Python's own engine backtracks: `(a+)+$` on forty `a`s and a `!` runs for hours, and a pattern cannot be
stopped once it runs. RE2 (google-re2) never backtracks, so a search takes time in proportion to the text
whatever the pattern, and its compiled form is capped at MAX_MEM; a longer pattern than MAX_CHARS is
refused before anything is compiled. The syntax is Python's, less what needs backtracking:
backreferences, lookaround, possessive and atomic groups are refused with a clear error.

So that a pattern means what it means in Python, `\\d`, `\\w` and `\\s` (and `\\D`, `\\W`, `\\S`) are
written as the Unicode classes Python gives them (RE2's own are ASCII), `\\Z` as RE2's `\\z`, and
`\\uXXXX`, `\\UXXXXXXXX` and `\\N{NAME}` as the characters they name. `\\b` stays RE2's, a boundary
between an ASCII letter, digit or `_` and anything else.
"""

from __future__ import annotations

from cybrief.errors import UsageError

MAX_CHARS = 4096  # a pattern longer than this is refused before it is compiled
MAX_MEM = 8 << 20  # bytes of RE2's compiled form (its default); a larger pattern is refused

# Python's \d, \w, \s for text, as RE2 classes: decimal digits; letters, numbers and _; whitespace (what
# str.isspace accepts: RE2's \s, VT, the separators FS GS RS US, NEL, and Unicode's Z categories).
_DIGIT, _WORD, _SPACE = r"\p{Nd}", r"\p{L}\p{N}_", r"\s\x0b\x1c-\x1f\x85\p{Z}"
_OUTSIDE = {"d": _DIGIT, "D": r"\P{Nd}", "w": f"[{_WORD}]", "W": f"[^{_WORD}]", "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]"}
_INSIDE = {"d": _DIGIT, "D": r"\P{Nd}", "w": _WORD, "s": _SPACE}
_NO_BACKTRACKING = "cybrief's regular expressions run in linear time: no backreferences, lookaround, possessive or atomic groups"


def compile_pattern(pattern: str, *, ignore_case: bool = True):
    """The compiled pattern (search, finditer as re's), or UsageError naming what is wrong with it."""
    import re

    if len(pattern) > MAX_CHARS:
        raise UsageError(f"regular expression of {len(pattern)} characters; at most {MAX_CHARS} are allowed")
    import warnings

    try:
        with warnings.catch_warnings():  # Python's warnings (a possible nested set) are not for the user
            warnings.simplefilter("ignore")
            re.compile(pattern)  # Python's parser, for its messages: a syntax error is reported as Python says it
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise UsageError(f"bad regular expression {pattern!r}: {exc.msg}{where}") from None
    except (OverflowError, RecursionError):
        raise UsageError(f"bad regular expression {pattern!r}: too large or too deeply nested") from None
    return linear(_for_re2(pattern), ignore_case=ignore_case, shown=pattern)


def linear(syntax: str, *, ignore_case: bool = False, shown: str | None = None):
    """A pattern already in RE2's syntax, compiled (also cybrief's own, such as the pinyin of a term);
    UsageError quoting `shown` (else the pattern) if RE2 refuses it."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False  # RE2 would log the error to stderr as well
    options.max_mem = MAX_MEM
    shown = syntax if shown is None else shown
    try:
        return re2.compile(syntax, options)
    except UnicodeEncodeError:  # bytes of the command line that are not UTF-8 (lone surrogates)
        raise UsageError(f"bad regular expression {shown!r}: it holds bytes that are not UTF-8") from None
    except re2.error as exc:
        raise UsageError(f"bad regular expression {shown!r}: {_reason(exc)}") from None


def _reason(exc) -> str:
    reason = exc.args[0] if exc.args else str(exc)
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", "replace")
    if "too large" in reason or "out of memory" in reason:
        return f"too large to match in linear time (its compiled form exceeds {MAX_MEM >> 20} MiB)"
    if "repetition" in reason and "{" in reason:
        return f"{reason} (a repeat count, multiplied by those of the repeats around it, is at most 1000)"
    return f"{reason} ({_NO_BACKTRACKING})"


def _for_re2(pattern: str) -> str:
    """The pattern in RE2's syntax with Python's meaning (see the module's docstring)."""
    out: list[str] = []
    index, size = 0, len(pattern)
    in_class = False
    class_start = 0  # where the class's items begin: a `]` there is a literal, as in Python
    while index < size:
        ch = pattern[index]
        if ch == "\\" and index + 1 < size:
            code = pattern[index + 1]
            index += 2
            if code in _OUTSIDE:
                if in_class and code not in _INSIDE:
                    raise UsageError(f"bad regular expression {pattern!r}: \\{code} inside [...] is not supported;"
                                     f" write the class the other way round ([^...])")
                out.append(_INSIDE[code] if in_class else _OUTSIDE[code])
            elif code == "Z" and not in_class:
                out.append(r"\z")
            elif code in "uU":
                digits = 4 if code == "u" else 8
                out.append(f"\\x{{{pattern[index:index + digits]}}}")
                index += digits
            elif code == "N" and pattern.startswith("{", index):
                import unicodedata

                end = pattern.index("}", index)
                out.append(f"\\x{{{ord(unicodedata.lookup(pattern[index + 1:end])):x}}}")
                index = end + 1
            else:
                out.append(ch + code)
            continue
        if in_class:
            if ch == "]" and index > class_start:
                in_class = False
            elif ch == "[":
                ch = "\\["  # a literal in Python; RE2 would read [:alpha:] as a POSIX class
        elif ch == "[":
            in_class = True
            class_start = index + 1
            if pattern.startswith("^", class_start):
                out.append("[^")
                index += 2
                class_start += 1
                continue
        out.append(ch)
        index += 1
    return "".join(out)
