"""Making untrusted text safe to show: control and direction-override characters become visible escapes."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
# that can reorder what a reader sees (CVE-2021-42574, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Replace every unsafe character with a visible escape such as \\x1b or \\u202e."""
    return _UNSAFE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    """Whether `visible` would change text."""
    return _UNSAFE.search(text) is not None


# Also tab, newline and the Unicode line and paragraph separators: a message must stay on its one line.
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def one_line(text: str) -> str:
    """`visible`, and newlines and tabs escaped too: for a message that must stay on one line."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """`visible` for output whose lines end in CR LF (CSV): the line ends stay, any other CR is escaped."""
    return "\r\n".join(visible(part) for part in text.split("\r\n"))
