"""Making untrusted text safe to show: control, direction-override and invisible characters become visible escapes."""

from __future__ import annotations

import re

# What a reader must never get raw: C0 controls except tab and newline, DEL, C1 controls; the bidirectional
# overrides and isolates that can reorder what a reader sees (CVE-2021-42574, "Trojan Source"); and every
# character that shows as nothing, so that two different texts never look the same (张\u200b三 and 张三):
# Unicode's default-ignorable code points (DerivedCoreProperties.txt: format characters such as zero-width
# spaces and joiners, the soft hyphen and the byte-order mark, variation selectors, Hangul fillers, tag
# characters), the line and paragraph separators U+2028 and U+2029, and lone surrogates (bytes of a file
# name that are not UTF-8). tests/test_properties.py checks the list against unicodedata.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164"
    "\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os hands it over (PEP 383): shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


UNSAFE = _UNSAFE  # what visible() rewrites, for a scan that combines it with others (render/markdown.py)


def visible(text: str) -> str:
    """Replace every unsafe character with a visible escape such as \\x1b, \\u202e, \\u200b or \\U000e0041."""
    return _UNSAFE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    """Whether `visible` would change text."""
    return _UNSAFE.search(text) is not None


def without_invisible(text: str) -> str:
    """The text as a reader sees it: the characters that show as nothing (and the controls) left out."""
    return _UNSAFE.sub("", text)


# Also tab and newline: a message must stay on its one line.
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")


def one_line(text: str) -> str:
    """`visible`, and newlines and tabs escaped too: for a message that must stay on one line."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """`visible` for output whose lines end in CR LF (CSV): the line ends stay, any other CR is escaped."""
    return "\r\n".join(visible(part) for part in text.split("\r\n"))
