"""Telling the user where a file stops being UTF-8 text, and what it looks like instead (UTF-16, UTF-32, GBK ...)."""

from __future__ import annotations


def position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8."""
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[start:offset]
    if start == 0 and before.startswith(b"\xef\xbb\xbf"):
        before = before[3:]
    return data.count(b"\n", 0, offset) + 1, len(before.decode("utf-8", "replace")) + 1


def control_hint(data: bytes, code: int) -> str:
    """What a control character found in a brief likely means: a wide encoding, a binary file, or a typo."""
    wide = wide_encoding(data)
    if code == 0 and wide:
        return f" (looks like {wide}; save the file as UTF-8)"
    if code == 0:
        return " (is it a binary file?)"
    return "; remove it, or write it as an escape such as \\x1b inside double quotes"


def wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 when the bytes start with its byte-order mark, or when so many of them are NUL that
    they are ASCII written that way (three bytes in four for UTF-32, one in two for UTF-16); else None.

    The UTF-32 marks come first: the little-endian one begins with UTF-16's (FF FE, then 00 00).
    """
    head = data[:200]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    nuls = head.count(b"\x00")
    if nuls >= 3 and 8 * nuls >= 5 * len(head):
        return "UTF-32"
    if nuls >= 2 and 4 * nuls >= len(head):
        return "UTF-16"
    return None


def encoding_hint(data: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8, as advice to append to the error."""
    wide = wide_encoding(data)
    if wide:
        return f" (looks like {wide}; save the file as UTF-8)"
    for encoding, name in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            return f" (looks like {name}; convert it with: iconv -f {encoding.upper()} -t UTF-8)"
    return " (looks like a legacy 8-bit encoding such as cp1252; save the file as UTF-8)"
