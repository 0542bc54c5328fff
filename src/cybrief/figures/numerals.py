"""Chinese and Arabic numerals and their mix (三千, 一千五百, 278.8万, 1.2万亿) read as exact Decimals, and written back."""

from __future__ import annotations

from decimal import Decimal, localcontext

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
# Markers inside a section of four digits, and the section markers that multiply a whole section.
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 兆 is 万亿 in Taiwan usage (1.3兆元); 兆瓦 and 兆字节 are read as units, the shortest numeral winning.
SECTION = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "万亿": 10**12, "兆": 10**12}
NUMERAL_CHARS = frozenset("0123456789.点") | frozenset(DIGITS) | frozenset(SMALL) | frozenset("万萬亿億兆")


class NumeralError(ValueError):
    """Text that is not a numeral; the message says why, for the figure parser to pass on."""


def _tokens(text: str) -> list:
    """Split a numeral into numbers (Decimal), markers (int, with the marker text) and zeros."""
    out: list = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isdigit() and ch.isascii():
            j = i
            while j < n and (text[j].isascii() and text[j].isdigit() or text[j] == "."):
                j += 1
            digits = text[i:j]
            if digits.count(".") > 1 or digits.endswith("."):
                raise NumeralError(f"{digits!r} is not a number")
            out.append(("number", Decimal(digits), "arabic"))
            i = j
        elif ch in DIGITS:
            if DIGITS[ch] == 0 and not (i + 1 < n and text[i + 1] == "点"):
                out.append(("zero", 0, ch))
                i += 1
                continue
            value, j = Decimal(DIGITS[ch]), i + 1
            if j < n and text[j] == "点":  # 三点二 -> 3.2: the digits after 点 are read one by one
                k = j + 1
                while k < n and text[k] in DIGITS:
                    k += 1
                if k == j + 1:
                    raise NumeralError("点 without digits after it")
                value = Decimal(f"{DIGITS[ch]}." + "".join(str(DIGITS[c]) for c in text[j + 1:k]))
                j = k
            out.append(("number", value, "chinese"))
            i = j
        elif text.startswith("万亿", i):
            out.append(("section", 10**12, "万亿"))
            i += 2
        elif ch in SECTION:
            out.append(("section", SECTION[ch], ch))
            i += 1
        elif ch in SMALL:
            out.append(("small", SMALL[ch], ch))
            i += 1
        else:
            raise NumeralError(f"{ch!r} is not part of a number")
    return out


# Two digits side by side that make an estimate (两三个, 六七万亿, 十五六岁, 二三十): each pair, lower first.
_NEIGHBOURS = {("一", "两"): (1, 2), ("三", "五"): (3, 5)} | {
    (a, b): (DIGITS[a], DIGITS[b]) for a in DIGITS for b in DIGITS
    if a in "一二两三四五六七八" and b in "二两三四五六七八九" and DIGITS[b] == DIGITS[a] + 1 and (a, b) not in (("二", "两"), ("一", "二"))  # 一两 is the estimate; 一二 is a count (一二三)
}


def neighbours(text: str) -> tuple[str, str] | None:
    """The two numerals of an estimate written as two neighbouring digits (两三万 -> 两万, 三万; 十五六 -> 十五,
    十六; 二三十 -> 二十, 三十), or None. Only one pair, standing after nothing but a marker (十) and before no
    digit: 二〇一二 and 一二三 are no estimate."""
    found = None
    for i in range(len(text) - 1):
        pair = (text[i], text[i + 1])
        if pair not in _NEIGHBOURS:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 2] if i + 2 < len(text) else ""
        if found is not None or (before and before not in SMALL) or (after and (after in DIGITS or after.isdigit())):
            return None
        found = i
    if found is None:
        return None
    return text[:found] + text[found] + text[found + 2:], text[:found] + text[found + 1:]


def read_numeral(text: str) -> Decimal:
    """The exact value of a numeral such as 三千, 两百, 十五, 一千五百, 一千五, 278.8万, 1.2万亿, 近百's 百.

    Refused (NumeralError): two numbers in a row (一二, 二〇二五), markers out of order (百千), a section
    marker twice (亿亿), and an Arabic digit after a marker (1万2), whose reading is not certain.
    """
    if not text:
        raise NumeralError("no number")
    tokens = _tokens(text)
    with localcontext() as ctx:
        ctx.prec = 60
        total = Decimal(0)
        section = Decimal(0)
        digit = None
        last_small = 10**4
        last_section = 10**13
        previous = None  # kind of the previous token
        for index, (kind, value, shown) in enumerate(tokens):
            if kind == "number":
                if digit is not None or previous == "number":
                    raise NumeralError("two numbers in a row")
                if previous in ("small", "section") and index == len(tokens) - 1:
                    # 一千五 is 1500 and 两万五 is 25000: a lone last Chinese digit counts in the next lower place.
                    # After 十 that place is the units, so 二十三点六 is 23.6; after 千, 一千五点五 reads two ways.
                    place = tokens[index - 1][1] // 10
                    if shown == "arabic" or (value != value.to_integral_value() and place != 1):
                        raise NumeralError(f"a number after {tokens[index - 1][2]} reads two ways")
                    section += value * place
                    previous = "tail"
                    continue
                digit = value
            elif kind == "zero":
                if digit is not None or previous in (None, "zero"):
                    if len(tokens) == 1:
                        return Decimal(0)
                    raise NumeralError("a zero out of place")
            elif kind == "small":
                if value >= last_small:
                    raise NumeralError(f"{shown} out of order")
                if digit is None and previous is not None:
                    raise NumeralError(f"{shown} without a digit before it")
                section += (digit if digit is not None else 1) * value
                digit, last_small = None, value
            else:  # a section marker: 万, 亿, 万亿
                if value >= last_section:
                    raise NumeralError(f"{shown} out of order")
                part = section + (digit if digit is not None else 0)
                if part == 0:
                    if previous is not None:
                        raise NumeralError(f"{shown} without a number before it")
                    part = Decimal(1)  # 万人 alone: ten thousand
                total += part * value
                section, digit, last_small, last_section = Decimal(0), None, 10**4, value
            previous = kind
        if digit is not None:
            section += digit
        elif previous == "zero":
            raise NumeralError("a zero out of place")
        return normalize(total + section)


def marker_profile(text: str) -> tuple[int, list[int]]:
    """(largest marker, markers at the end) of a numeral: 三百 -> (100, [100]); 5千万 -> (10**4, [1000, 10**4]).

    A range such as 3至5万 or 三百至五百万 carries the upper bound's trailing magnitude over to the lower one.
    """
    tokens = _tokens(text)
    markers = [v for k, v, _ in tokens if k in ("small", "section")]
    trailing: list[int] = []
    for kind, value, _ in reversed(tokens):
        if kind not in ("small", "section"):
            break
        trailing.insert(0, value)
    return max(markers, default=1), trailing


def normalize(value: Decimal) -> Decimal:
    """A canonical Decimal: an integer without exponent or fraction digits, else without trailing zeros."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


_CH = "零一二三四五六七八九"


def chinese_integer(n: int) -> str:
    """An integer in Chinese numerals: 15 -> 十五, 1500 -> 一千五百, 10005 -> 一万零五, 200 -> 二百."""
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return "零"
    out = []
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    names = ["", "万", "亿", "万亿"]
    if len(sections) > len(names):
        raise ValueError("too large")
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        part = sections[index]
        if part == 0:
            need_zero = bool(out)
            continue
        if need_zero or (out and part < 1000):
            out.append("零")
        out.append(_section(part) + names[index])
        need_zero = False
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def _section(n: int) -> str:
    out, zero = [], False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CH[digit] + name)
    return "".join(out)
