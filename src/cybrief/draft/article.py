"""Reading a news article: a file or standard input, in UTF-8, UTF-16 or UTF-32 with a BOM, or GBK/GB18030."""

from __future__ import annotations

from pathlib import Path

from cybrief.errors import ArticleError
from cybrief.files import max_bytes, read_capped

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def read_article(path: Path, shown: str) -> bytes:
    """The bytes of an article file, refusing folders, unreadable files and files over the size cap."""
    return check_size(read_capped(path, "an article", lambda message: ArticleError(f"{shown}: {message}")), shown)


def check_size(data: bytes, shown: str) -> bytes:
    cap = max_bytes()
    if len(data) > cap:
        raise ArticleError(f"{shown}: over the {cap}-byte limit (set CYBRIEF_MAX_BYTES to raise it)")
    return data


def decode_article(data: bytes, shown: str) -> tuple[str, str]:
    """The article's text and the name of the encoding it was in.

    A byte-order mark decides; without one, UTF-8 is tried, then GB18030 (which contains GBK and GB2312)
    when the result reads as Chinese. Anything else is refused, naming the first byte that does not fit.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _text(data[len(bom):].decode(codec), shown), name
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{shown}: starts with a {name} byte-order mark but is not {name}: invalid bytes at offset {exc.start + len(bom)}") from None
    try:
        return _text(data.decode("utf-8"), shown), "UTF-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if b"\x00" in data and _utf16_without_bom(data):
        raise ArticleError(f"{shown}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_chinese(text):
        try:
            data.decode("gbk")
            return _text(text, shown), "GBK"
        except UnicodeDecodeError:
            return _text(text, shown), "GB18030"
    if _utf16_without_bom(data):
        raise ArticleError(f"{shown}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)")
    raise ArticleError(
        f"{shown}: not UTF-8, UTF-16 with a BOM, or GBK/GB18030 text (invalid byte at offset {utf8_error}); "
        "convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8"
    )


def _utf16_without_bom(data: bytes) -> bool:
    if len(data) % 2:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            if _reads_as_chinese(data.decode(codec)):
                return True
        except UnicodeDecodeError:
            continue
    return False


def _is_chinese(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"
        or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u2027"
        or "\uf900" <= ch <= "\ufaff"
    )


def _reads_as_chinese(text: str) -> bool:
    """Most characters outside ASCII are Chinese characters or Chinese punctuation, and no control characters."""
    if any(ch < " " and ch not in "\t\n\r" for ch in text):
        return False
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return False
    return sum(map(_is_chinese, wide)) / len(wide) >= 0.95


def _text(text: str, shown: str) -> str:
    if "\x00" in text:
        raise ArticleError(f"{shown}: holds NUL bytes: not a text article")
    return text
