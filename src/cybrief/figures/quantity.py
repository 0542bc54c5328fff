"""Chinese policy figures (近400万辆, 超1000亿元, 20%以上, 三分之一) read as value, unit and qualifier, and written back.

    parse_figure("近400万辆")  -> Quantity(value=4000000, unit="辆", qualifier="nearly")
    format_figure(q)            -> "近400万辆"
    english(q)                  -> "nearly 4.0 million vehicles"

Values are exact: a Decimal, or a Fraction when the value has no finite decimal form (1/9); never a float.
The magnitude (十 百 千 万 亿 万亿) is folded into the value and the unit is reduced to its base: as stated,
in simplified characters, with these conventions: a bare number has the unit "" (none stated); a share
written as a fraction or as ratio wording (三分之一, 1/9, 每9台汽车就有1台) has the unit "fraction";
百分之二十 is 20 with the unit "%"; a fullwidth ％ is "%"; people counted with a measure word (2万名, 6位)
are 人, and 个百分点 is 百分点 (BASE_UNITS). A range (3至5个, 3-5%) has its lower bound as value and its
upper bound as upper.
Text that is not a figure raises FigureError: nothing is guessed.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, Inexact, localcontext
from fractions import Fraction

from cybrief.errors import FigureError
from cybrief.figures.numerals import (
    NUMERAL_CHARS,
    NumeralError,
    marker_profile,
    neighbours,
    normalize,
    read_numeral,
)
from cybrief.figures.qualifiers import QUALIFIERS
from cybrief.figures.spoken import rewritten, simplified_table

# Qualifier words before the number, longest first so that 超过 wins over 超.
PREFIXES = (
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"),
    ("大约", "approx"), ("约", "approx"), ("大概", "approx"), ("大致", "approx"), ("差不多", "approx"),  # spoken: 大概1.3万亿元
    ("超过", "over"), ("超", "over"), ("逾", "over"),
    ("至少", "at_least"), ("不少于", "at_least"), ("不低于", "at_least"), ("最少", "at_least"),
    ("不足", "under"), ("不到", "under"),
    ("不超过", "at_most"), ("不高于", "at_most"), ("最多", "at_most"), ("至多", "at_most"),
    # a threshold passed or held: 突破101万亿元, 首破1万亿, 破万亿, 迈上10万亿大关, 站稳5000亿元
    ("突破", "over"), ("首破", "over"), ("破", "over"), ("迈上", "at_least"), ("站稳", "at_least"),
)
PREFIXES = tuple(sorted(PREFIXES, key=lambda p: -len(p[0])))
PASSED = frozenset(("超过", "超", "突破", "首破", "破", "迈上", "站稳"))  # verbs of a threshold, which take 了: 突破了1000万
SUFFIXES = (("左右", "approx"), ("上下", "approx"), ("以上", "at_least"), ("以下", "at_most"), ("以内", "at_most"))
OVER_WORDS = "余多"  # between the number and the unit: 1500余家, 20余万人, 一百多个

# Units kept as stated. Measure words and units of Chinese reports; Latin units as printed.
UNITS = frozenset(
    "元 美元 欧元 港元 港币 澳门元 澳门币 澳元 新台币 台币 日元 英镑 人 人口 名 位 人次 户 家 个 项 条 座 台 辆 架 艘 套 件 部 所 只 头 批 次 列 趟 场 张 份 本 篇 栋 层 间 床 例 宗 片 颗 块 处 种 剂 "
    "吨 公斤 千克 克 毫克 微克 斤 亩 公顷 平方米 平方公里 平方千米 立方米 米 千米 公里 厘米 毫米 度 瓦 瓦时 千瓦 千瓦时 兆瓦 吉瓦 伏 千伏 "
    "秒 分钟 小时 个小时 天 日 周 个月 个季度 月 年 岁 倍 % ‰ 成 个百分点 百分点 标准箱 标箱 "
    "km m kg t W kW kWh MW GW TW kV TEU GB TB PB EB nm MHz GHz EFLOPS PFLOPS TFLOPS".split()
)
RATIO = "fraction"  # the unit of a share written as a fraction or as ratio wording
# Units reduced to their base, so that figures of one kind share a unit whatever measure word the report
# used: people counted with 名 or 位 are 人; a percentage point is 百分点 with or without its 个.
BASE_UNITS = {"名": "人", "位": "人", "个百分点": "百分点", "个小时": "小时", "个季度": "季度"}
PERCENT = "%"
RANGE_SEPARATORS = ("至", "到", "~", "-", "–", "—", "〜")
_DIGIT_CHARS = frozenset("0123456789零〇一二两三四五六七八九十百千万亿")


def _has_digit(text: str) -> bool:
    return any(ch in _DIGIT_CHARS for ch in text)


class Quantity:
    """A parsed figure: the text as given, its exact value, its unit as stated, a qualifier, and a range's upper bound."""

    __slots__ = ("text", "value", "unit", "qualifier", "upper")

    def __init__(self, text: str, value, unit: str = "", qualifier: str = "exact", upper=None):
        if qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {qualifier!r}")
        self.text, self.value, self.unit, self.qualifier, self.upper = text, value, unit, qualifier, upper

    def __eq__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self):
        return "Quantity(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__) + ")"


def exact(value: Fraction) -> Decimal | Fraction:
    """A Decimal when the fraction has a finite decimal form (1/2 -> 0.5), else the Fraction itself (1/9)."""
    numerator, denominator = value.numerator, value.denominator
    d = denominator
    for prime in (2, 5):
        while d % prime == 0:
            d //= prime
    if d != 1:
        return value
    with localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.traps[Inexact] = True
        try:
            return normalize(Decimal(numerator) / Decimal(denominator))
        except Inexact:  # a finite decimal too long to write (1/2**400): the fraction is exact too; no rounding
            return value


# A figure has at most MAX_DIGITS digits (as a brief's numbers have at most 40 characters), and values
# are computed with PRECISION digits, far more than such a figure needs, so that arithmetic on it (a
# magnitude word, a range's carried magnitude, a scale for writing it back) is exact. Anything that
# would still need rounding is refused, never rounded.
MAX_DIGITS = 40
PRECISION = 100


_read: dict[str, Quantity] | None = None  # figures read so far, while `remembered` is on


class remembered:
    """`with remembered():` parse_figure reads each text once inside the block, giving the same Quantity again
    (not to be changed): a brief's figures are read when it is checked, then again for its records."""

    def __enter__(self):
        global _read
        _read = {}

    def __exit__(self, *exc):
        global _read
        _read = None


def parse_figure(text: str) -> Quantity:
    """Read a figure; raise FigureError when the text is not one (see the module docstring for the conventions)."""
    if _read is not None and type(text) is str:
        q = _read.get(text)
        if q is None:
            q = _read[text] = _parse_figure(text)
        return q
    return _parse_figure(text)


def _parse_figure(text: str) -> Quantity:
    if not isinstance(text, str) or not text.strip():
        raise FigureError(text if isinstance(text, str) else repr(text), "empty")
    try:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            ctx.traps[Inexact] = True
            value, unit, qualifier, upper = _parse(_checked_length(_normalize(text)))
    except NumeralError as exc:
        raise FigureError(text, str(exc)) from None
    except _Refused as exc:
        raise FigureError(text, str(exc)) from None
    except Inexact:
        raise FigureError(text, "too many digits to read exactly") from None
    return Quantity(text, value, unit, qualifier, upper)


class _Refused(Exception):
    pass


def _checked_length(s: str) -> str:
    if sum(ch.isascii() and ch.isdigit() for ch in s) > MAX_DIGITS:
        raise _Refused(f"more than {MAX_DIGITS} digits: not a figure a report gives")
    return s


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    if not s.isascii():
        # Traditional characters read as simplified (約2950億元, 1400多塊, 超過): the unit comes out simplified.
        s = s.translate(simplified_table())
    s = rewritten("".join(s.split()))  # 500个亿, 40几次, 5倍多: spoken forms
    if "," in s:  # thousands separators: 1,500 and 1,234,567.5; compiled here, off the start-up path
        import re

        s = re.sub(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])", lambda m: m.group().replace(",", ""), s)
        if "," in s:
            raise _Refused("a comma that is not a thousands separator")
    return s


def _parse(s: str):
    qualifiers = []
    for word, name in PREFIXES:
        if s.startswith(word) and len(s) > len(word):
            qualifiers.append((word, name))
            s = s[len(word):]
            if word in PASSED and s.startswith("了") and len(s) > 1:
                s = s[1:]  # 突破了1000万, 超过了3成
            break
    for word, name in SUFFIXES:
        if s.endswith(word) and len(s) > len(word):
            qualifiers.append((word, name))
            s = s[: -len(word)]
            break
    if s.endswith("级"):
        raise _Refused(f"{s} names an order of magnitude, not an amount")
    at = s.find("个多")
    if at > 0 and s[at - 1] in NUMERAL_CHARS:
        s = s[:at] + "多个" + s[at + 2:]  # 1个多小时, 3个多月: 多 after the measure word reads as after the number
    over = _over_word(s)
    if over is not None:
        qualifiers.append((s[over], "over"))
        s = s[:over] + s[over + 1:]
    names = {name for _, name in qualifiers}
    if names == {"over", "at_least"}:
        names = {"over"}  # 超过200万以上, 1000多万以上: the common redundant wording reads as more than
    if len(names) > 1:
        words = ", ".join(f"{word} ({name})" for word, name in qualifiers)
        raise _Refused(f"two qualifiers that disagree: {words}")
    qualifier = names.pop() if names else "exact"
    half = _half(s)
    if half is not None:  # 7天半, 两个半小时, 一年半: and a half
        value, unit = half
        return value, BASE_UNITS.get(unit, unit), qualifier, None
    estimate = _estimate(s)
    if estimate is not None:  # 两三个, 六七万亿元: a range, about
        value, unit, upper = estimate
        qualifier = "approx" if qualifier == "exact" else qualifier
    else:
        value, unit, upper = _core(s)
    unit = _per(unit)
    return value, BASE_UNITS.get(unit, unit), qualifier, upper


def _over_word(s: str) -> int | None:
    """Index of 余 or 多 right after a numeral (1500余家, 20余万人), or None."""
    for index, ch in enumerate(s):
        if ch in OVER_WORDS and index > 0 and s[index - 1] in NUMERAL_CHARS and s[index - 1] != "点":
            return index
    return None


def _core(s: str):
    """value, unit, upper of a figure without qualifier words."""
    if s.startswith("每"):
        return _ratio_wording(s), RATIO, None
    for lead, unit in (("百分之", PERCENT), ("千分之", "‰")):
        if s.startswith(lead):
            return read_numeral(s[len(lead):]), unit, None
    if "分之" in s:
        whole, _, part = s.partition("分之")
        denominator, numerator = read_numeral(whole), read_numeral(part)
        return _share(numerator, denominator), RATIO, None
    top, slash, bottom = s.partition("/")
    if slash and top.isascii() and top.isdigit() and bottom.isascii() and bottom.isdigit():  # 1/9
        return _share(Decimal(top), Decimal(bottom)), RATIO, None
    separator = next((sep for sep in RANGE_SEPARATORS if sep in s[1:]), None)
    if separator is not None:
        return _range(s, separator)
    value, unit, _ = _amount(s)
    return value, unit, None


HALF_UNITS = frozenset(("天", "日", "周", "年", "月", "个月", "小时", "个小时", "分钟", "成"))  # 7天半, 两个半小时, 两成半


def _half(s: str):
    """(value, unit) of a time and a half (7天半 is 7.5 天, 两个半小时 2.5 小时, 三个半月 3.5 个月), or None."""
    if s.endswith("半") and len(s) > 2:
        whole = s[:-1]
    elif "个半" in s and s.endswith(("小时", "月")):
        whole = s.replace("个半", "个", 1)
    else:
        return None
    try:
        value, unit, _ = _amount(whole)
    except (_Refused, NumeralError):
        return None
    return (normalize(value + Decimal("0.5")), unit) if unit in HALF_UNITS else None


def _estimate(s: str):
    """value, unit, upper of an estimate written as two neighbouring digits (六七万亿元 is 6 to 7 万亿元), or None."""
    run = _numeral_run(s)
    pair = neighbours(s[:run])
    if pair is None:
        return None
    (low, low_unit, _), (high, unit, _) = _amount(pair[0] + s[run:]), _amount(pair[1] + s[run:])
    return (low, unit, high) if low_unit == unit and low < high else None


def _share(numerator: Decimal, denominator: Decimal):
    if denominator == 0:
        raise _Refused("a fraction with a zero denominator")
    return exact(Fraction(numerator) / Fraction(denominator))


def _ratio_wording(s: str):
    """每9台汽车就有1台 -> 1/9; 每消费2度电就有1度 -> 1/2; 每百人中有3人 -> 3/100."""
    whole, sep, part = s[1:].partition("有")
    if not sep:
        raise _Refused("ratio wording needs 每 … 有 …, as in 每9台汽车就有1台")
    for word in ("就", "中", "里", "就"):
        whole = whole.removesuffix(word)
    return _share(_ratio_side(part, lead=False), _ratio_side(whole, lead=True))


def _ratio_side(s: str, *, lead: bool) -> Decimal:
    """The one number in a half of ratio wording: 消费2度电 -> 2, 1台 -> 1. Only the first half may have words
    before its number (消费), and the words after a number (度电, 台汽车) must hold no other number."""
    start = 0
    if lead:
        while start < len(s) and s[start] not in NUMERAL_CHARS:
            start += 1
    end = start
    while end < len(s) and s[end] in NUMERAL_CHARS:
        end += 1
    if end == start:
        raise _Refused("ratio wording needs a number on both sides of 有")
    if _has_digit(s[end:]) or (lead and not s[end:]):
        raise _Refused("ratio wording needs a measure word after its first number and no third number")
    return read_numeral(s[start:end])


def _numeral_run(s: str) -> int:
    run = 0
    while run < len(s) and s[run] in NUMERAL_CHARS:
        run += 1
    return run


def _amount(s: str):
    """(value, unit, numeral) of an amount such as 400万辆. The shortest numeral that leaves a known unit (or no
    unit) wins, so 500千瓦 is 500 千瓦 and 1200万千瓦 is 1200万 千瓦."""
    run = _numeral_run(s)
    if run == 0:
        raise _Refused("expected a number (after any qualifier word such as 近 or 超)")
    for k in range(1, run + 1):
        numeral, unit = s[:k], s[k:]
        if unit and not _known_unit(unit):
            continue
        try:
            return read_numeral(numeral), unit, numeral
        except NumeralError:
            continue
    rest = s[run:]
    if not rest or _known_unit(rest):
        read_numeral(s[:run])  # raises NumeralError with the reason
    raise _Refused(f"{rest!r} is not a unit cybrief knows")


def _known_unit(unit: str) -> bool:
    if unit in UNITS:
        return True
    top, sep, bottom = _per(unit).partition("/")
    return bool(sep) and top in UNITS and bottom in UNITS


def _per(unit: str) -> str:
    """A unit of one thing per another written with 每 (微克每立方米) as the slash writes it (微克/立方米)."""
    top, sep, bottom = unit.partition("每")
    return f"{top}/{bottom}" if sep and top in UNITS and bottom in UNITS else unit


def _range(s: str, separator: str):
    low_text, _, high_text = s.partition(separator)
    if not low_text or not high_text or any(sep in high_text for sep in RANGE_SEPARATORS):
        raise _Refused("a range needs two numbers around one 至, 到 or -")
    high, unit, high_numeral = _amount(high_text)
    run = _numeral_run(low_text)
    if run == 0:
        raise _Refused("a range needs a number before the separator")
    if run < len(low_text):  # 3%-5%, 3万人至5万人: a unit on both bounds, the same one
        low, low_unit, _ = _amount(low_text)
        if low_unit != unit:
            raise _Refused(f"a range with two units ({low_unit}, {unit})")
    else:
        # 3至5万 is 30000 to 50000 and 三百至五百万 is 3000000 to 5000000: the upper bound's trailing magnitude
        # (above the lower bound's own largest marker) applies to both, when the lower bound is below what
        # the upper one counts before it (3 < 5, 三百 < 五百). 5000至1万 stays 5000 to 10000.
        low = read_numeral(low_text)
        low_largest, _ = marker_profile(low_text)
        _, trailing = marker_profile(high_numeral)
        carried = 1
        for marker in trailing:
            if marker > low_largest:
                carried *= marker
        if carried > 1 and low < high / carried:
            low = normalize(low * carried)
    if low >= high:
        raise _Refused("a range whose lower bound is not below its upper bound")
    return low, unit, high
