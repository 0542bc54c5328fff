"""Where text may break across lines on a terminal: the Chinese rules of line breaking, and Latin words kept whole.

The rules are those of W3C's Requirements for Chinese Text Layout (clreq) and GB/T 15834, as UAX #14 encodes
them: no line begins with closing punctuation (closing brackets and quotes, and the pause and stop marks
、。，：；！？…) or ends with opening punctuation (opening brackets and quotes), a run of Latin letters, digits
and the marks between them (2.4, 1,000, chongqing-2026-03-chengyu, Microelectronics) is never split, and a
number keeps the character that follows it (2.4倍, 2021年). Between two Chinese characters a line may break;
in Latin text, after spaces. A unit wider than the line is cut by cells, the last resort.

The classes come from Unicode's general categories (Ps, Pi open; Pe, Pf close) and East Asian width, with
the pause and stop marks listed below; a full UAX #14 implementation (uniseg) took seconds for a brief.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len

# Punctuation that closes what comes before it, beyond the categories Pe and Pf: pause and stop marks,
# the ellipsis, the interpunct of transliterated names, the iteration marks, percent and degree signs.
_CLOSING = set("、。，．：；！？,.:;!?…‥·・%％‰℃°′″々〻ー〜～")
# Punctuation that opens what follows, beyond the categories Ps and Pi: currency signs before an amount.
_OPENING = set("$＄¥￥£€")
_KEPT_PAIRS = set("—…⋯")  # a doubled dash or ellipsis (—— ……) is one mark: never split

OPEN, CLOSE, SPACE, NARROW, WIDE = range(5)
_CLASS: dict[str, int] = {}


def char_class(char: str) -> int:
    found = _CLASS.get(char)
    if found is None:
        category = unicodedata.category(char)
        if char.isspace():
            found = SPACE
        elif category in ("Ps", "Pi") or char in _OPENING:
            found = OPEN
        elif category in ("Pe", "Pf") or char in _CLOSING:
            found = CLOSE
        elif _wide(char):
            found = WIDE
        else:
            found = NARROW
        _CLASS[char] = found
    return found


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def may_break(before: str, after: str) -> bool:
    """Whether a line may end between the characters `before` and `after`."""
    a, b = char_class(before), char_class(after)
    if b == SPACE:
        return False  # spaces stay at the end of the line they follow
    if a == SPACE:
        return b != CLOSE
    if b == CLOSE or a == OPEN:
        return False
    if before == after and before in _KEPT_PAIRS:
        return False
    if a == NARROW and b == NARROW:
        return False  # within a word, a number or an id
    if a == NARROW and b == OPEN and not _wide(after):
        return False  # a narrow bracket inside a word: f(x), y[1] (UAX #14, LB30)
    if a == CLOSE and b == NARROW and not _wide(before):
        return False  # 2.4, 1,000, it’s: a narrow mark inside a word
    if a == NARROW and b == WIDE and before.isdigit():
        return False  # a number keeps its unit or measure word: 2.4倍, 2021年
    return True


def units(text: str) -> list[str]:
    """The text cut where a line may break, each piece with the spaces that follow it."""
    if not text:
        return []
    pieces, start = [], 0
    for index in range(1, len(text)):
        if may_break(text[index - 1], text[index]):
            pieces.append(text[start:index])
            start = index
    pieces.append(text[start:])
    return pieces


def longest_unit(text: str) -> int:
    """Cells of the widest piece that a line cannot break (without its trailing spaces)."""
    return max((cell_len(piece.rstrip()) for line in text.split("\n") for piece in units(line)), default=0)


def wrap(text: str, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """Where each line of the text starts and ends (offsets), lines at most `width` cells wide (the first at most
    `first`); explicit line breaks are kept; spaces at a break are dropped."""
    width = max(width, 1)
    limit = max(first if first is not None else width, 1)
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        line_start, line_width = offset, 0
        position = offset
        for piece in units(paragraph) or [""]:
            bare = piece.rstrip()
            piece_width = cell_len(bare)
            if line_width and line_width + piece_width > limit:
                spans.append((line_start, _trimmed(text, line_start, position)))
                limit, line_start, line_width = width, position, 0
            while piece_width > limit:  # wider than a line: cut by cells, the last resort
                cut = _fit(bare, limit)
                spans.append((position, position + cut))
                limit = width
                position, bare, piece = position + cut, bare[cut:], piece[cut:]
                line_start, piece_width = position, cell_len(bare)
            line_width += cell_len(piece)
            position += len(piece)
        spans.append((line_start, _trimmed(text, line_start, position)))
        limit = width
        offset = position + 1
    return spans


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _fit(text: str, cells: int) -> int:
    """How many characters of text fit in `cells` (at least one)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > cells:
            return max(index, 1)
    return len(text)


def lines(text: str, width: int, first: int | None = None) -> list[str]:
    """The text as lines at most `width` cells wide (see wrap)."""
    return [text[start:end] for start, end in wrap(text, width, first)]
