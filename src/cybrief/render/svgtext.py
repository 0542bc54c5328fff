"""Text in SVG: a font stack that covers Chinese everywhere, widths estimated without fonts, wrapping, escaping."""

from __future__ import annotations

import re
import unicodedata

from cybrief.safety import visible

# Latin first where the system has a good UI font (macOS, Windows), then the Chinese fonts of macOS,
# Windows and Linux (Noto Sans CJK is Debian's and Fedora's fonts-noto-cjk, Source Han Sans the same
# design under Adobe's name); each glyph comes from the first font that has it. No generic system-ui:
# on Linux it can name a font without Chinese whose Latin is wider than the widths below assume.
FONT_STACK = ("-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
              "'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Noto Sans', Arial, Helvetica, sans-serif")

# Advance widths of ASCII in Arial, in thousandths of an em: the fonts of the stack are within about 10% of it.
_ASCII = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278) + (556,) * 10
    + (278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
       778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
       556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500,
       500, 500, 334, 260, 334, 584),
))
LATIN_MARGIN = 1.12  # the widest Latin of the stack (Segoe UI, Noto Sans CJK's Latin) against Arial, bold included
_CACHE: dict[str, float] = {}


def _em(ch: str) -> float:
    width = _CACHE.get(ch)
    if width is None:
        if ch in _ASCII:
            width = _ASCII[ch] / 1000 * LATIN_MARGIN
        elif unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            width = 0.0
        elif unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            width = 1.0  # ideographs, kana, fullwidth forms; ambiguous ones (· “ ”) as wide, to be safe
        else:
            width = 0.65
        _CACHE[ch] = width
    return width


def text_width(text: str, size: float) -> float:
    """The width of text at a font size, in the same units, estimated on the generous side (never measured)."""
    return sum(_em(ch) for ch in visible(text)) * size


_TOKENS = re.compile(r"[\u0021-\u007e\u00a0-\u024f]+\s*|\s+|.", re.S)
_NO_LINE_START = frozenset("，。、）》」』”’：；！？·%,.;:!?)]}")


def wrap(text: str, width: float, size: float) -> list[str]:
    """Text broken into lines no wider than `width`: Latin between words, Chinese between any two characters
    (never before closing punctuation); a word too long for a line is cut."""
    text = visible(text)
    lines, line = [], ""
    for token in _TOKENS.findall(text):
        if text_width((line + token).rstrip(), size) <= width or not line.strip():
            line += token
        elif token[0] in _NO_LINE_START and len(token) == 1:
            line += token
        else:
            lines.append(line.rstrip())
            line = token.lstrip()
        while text_width(line.rstrip(), size) > width and len(line) > 1:  # one token wider than a line
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut], size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


_XML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")  # no XML document may hold these, escaped or not


def xml(text) -> str:
    """Untrusted text as XML character data or an attribute value: controls made visible, markup escaped."""
    text = _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(str(text)))
    return re.sub(r"[&<>\"']", lambda m: _XML[m.group()], text)
