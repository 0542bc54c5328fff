"""Figures written back from their parsed value: in Chinese as a report writes them, and in English for readers.

    format_figure(parse_figure("近400万辆"))  -> "近400万辆"
    english(parse_figure("近400万辆"))        -> "nearly 4.0 million vehicles"
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from fractions import Fraction

from cybrief.figures.numerals import chinese_integer, normalize
from cybrief.figures.quantity import PRECISION, RATIO, Quantity

_PREFIX_WORD = {"nearly": "近", "approx": "约", "over": "超", "under": "不足", "at_most": "不超过"}
_SUFFIX_WORD = {"at_least": "以上"}
_MAGNITUDES = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))


def _decimal_text(value: Decimal) -> str:
    return format(normalize(value), "f")


def _chinese_number(value, magnitude: bool = True) -> str:
    """A value as a Chinese report writes it: 5018亿, 278.8万, 23.6 (Arabic digits, a magnitude word when the
    scaled number has at most two decimals)."""
    if isinstance(value, Fraction):
        raise ValueError("a fraction other than a share has no Chinese wording here")
    for size, word in _MAGNITUDES if magnitude else ():
        if value >= size:
            scaled = normalize(value / size)
            if -scaled.as_tuple().exponent <= 2:
                return _decimal_text(scaled) + word
    return _decimal_text(value)


def _fraction_words(value) -> str:
    share = Fraction(value)
    numerator, denominator = share.numerator, share.denominator
    if denominator <= 100 and numerator <= 100:
        return f"{chinese_integer(denominator)}分之{chinese_integer(numerator)}"
    return f"{denominator}分之{numerator}"


def format_figure(q: Quantity) -> str:
    """The figure in Chinese, from its parsed value: 近400万辆, 超1000亿元, 20%以上, 三分之一, 3至5个."""
    with localcontext() as ctx:
        ctx.prec = PRECISION  # scaling 278.8万's value back by 万 stays exact
        return _format_figure(q)


def _format_figure(q: Quantity) -> str:
    if q.unit == RATIO:
        body = _fraction_words(q.value)
        if q.upper is not None:
            raise ValueError("a range of shares has no Chinese wording here")
    else:
        # No magnitude word before %, ‰, 倍, 成 (20000%, not 2万%).
        magnitude = q.unit not in ("%", "‰", "倍", "成", "个百分点", "百分点")
        body = _chinese_number(q.value, magnitude)
        if q.upper is not None:
            # 3至50000, not 3至5万, which reads as 30000 to 50000.
            plain_low = body == _decimal_text(q.value)
            body = f"{body}至{_chinese_number(q.upper, magnitude and not plain_low)}"
        body += q.unit
    return _PREFIX_WORD.get(q.qualifier, "") + body + _SUFFIX_WORD.get(q.qualifier, "")


# --- English ------------------------------------------------------------------------------------------------

# 澳元 is left out: the Australian dollar in most reports, Macau's pataca (澳门元) in some of Macau's
_CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "澳门元": "MOP", "澳门币": "MOP",
             "新台币": "TWD", "台币": "TWD", "日元": "JPY", "英镑": "GBP"}
# English nouns for units; measure words that only count (个, 家, 条, 项 ...) have none: the metric names the thing.
_NOUNS = {
    "辆": ("vehicle", "vehicles"), "人": ("person", "people"), "名": ("person", "people"), "位": ("person", "people"),
    "人次": ("visit", "visits"), "户": ("household", "households"), "亩": ("mu", "mu"), "公顷": ("ha", "ha"),
    "平方米": ("m²", "m²"), "平方公里": ("km²", "km²"), "平方千米": ("km²", "km²"), "立方米": ("m³", "m³"),
    "吨": ("tonne", "tonnes"), "公斤": ("kg", "kg"), "千克": ("kg", "kg"), "克": ("g", "g"), "斤": ("jin", "jin"),
    "毫克": ("mg", "mg"), "微克": ("µg", "µg"), "厘米": ("cm", "cm"), "毫米": ("mm", "mm"),
    "米": ("m", "m"), "千米": ("km", "km"), "公里": ("km", "km"), "度": ("kWh", "kWh"), "千瓦时": ("kWh", "kWh"), "瓦时": ("Wh", "Wh"),
    "瓦": ("W", "W"), "千瓦": ("kW", "kW"), "兆瓦": ("MW", "MW"), "吉瓦": ("GW", "GW"), "伏": ("V", "V"),
    "千伏": ("kV", "kV"), "秒": ("second", "seconds"), "分钟": ("minute", "minutes"), "小时": ("hour", "hours"),
    "个小时": ("hour", "hours"), "天": ("day", "days"), "日": ("day", "days"), "周": ("week", "weeks"),
    "个月": ("month", "months"), "月": ("month", "months"), "年": ("year", "years"), "岁": ("year old", "years old"),
    "个百分点": ("percentage point", "percentage points"), "百分点": ("percentage point", "percentage points"),
    "标准箱": ("TEU", "TEU"),
}
_ATTACHED = {"%": "%", "‰": "‰", "倍": "x"}
# Measure words that only count things (the metric says which): in English a bare number, a "count" as a unit.
COUNTERS = frozenset("个家条项座所只件批套艘架列根片张本部支种类处场间栋台")
_UNIT_WORDS = {"%": "%", "‰": "‰", "倍": "times", "成": "tenths", RATIO: "fraction"}
_EN_QUALIFIER = {"nearly": "nearly ", "approx": "about ", "over": "over ", "at_least": "at least ", "under": "under ",
                 "at_most": "at most "}
_EN_SCALES = ((10**12, "trillion", "tn"), (10**9, "billion", "bn"), (10**6, "million", "million"))


def _en_digits(value: Decimal, scaled: bool) -> str:
    """Exact digits: one decimal at least when scaled (4.0 million), thousands separators when not (7,500)."""
    value = normalize(value)
    if scaled:
        text = format(value, "f")
        return text if "." in text else text + ".0"
    whole, _, fraction = format(value, "f").partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _en_scale(value, money: bool):
    for size, word, short in _EN_SCALES:
        if value >= size:
            return size, (short if money else word)
    return 1, ""


def unit_english(unit: str) -> str:
    """A unit's English noun in the plural (vehicles, people, kWh) or currency code (CNY), one per another as
    kg/mu; "" for a measure word that only counts (个, 家) or a unit this module has no English for."""
    if unit in _CURRENCY:
        return _CURRENCY[unit]
    if unit in _NOUNS:
        return _NOUNS[unit][1]
    top, per, bottom = unit.partition("/")
    if per and _per_english(bottom) and (unit_english(top) or top in COUNTERS):
        return f"{unit_english(top) or 'count'}/{_per_english(bottom)}"
    return unit if unit.isascii() else ""


def _per_english(unit: str) -> str:
    """The unit after a slash in English, in the singular (kg/mu, CNY/tonne, km/hour); "" if unknown."""
    if unit in _NOUNS:
        return _NOUNS[unit][0]
    return unit if unit.isascii() else ""


def english(q: Quantity) -> str:
    """The figure in English with the unit scaled for readers: CNY 501.8 bn, nearly 4.0 million vehicles, 2.4x."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _english(q)


def _english(q: Quantity) -> str:
    qualifier = _EN_QUALIFIER.get(q.qualifier, "")
    if q.unit == RATIO:
        share = Fraction(q.value)
        return f"{qualifier}{share.numerator}/{share.denominator}"
    value, upper, unit = q.value, q.upper, q.unit
    if unit == "成":  # tenths: 八成 is 80%
        value, upper, unit = value * 10, (upper * 10 if upper is not None else None), "%"
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    money = unit in _CURRENCY
    size, word = _en_scale(upper if upper is not None else value, money)
    number = _en_digits(Decimal(value) / size, size > 1)
    if upper is not None:
        number += "–" + _en_digits(Decimal(upper) / size, size > 1)
    if word:
        number += f" {word}"
    if money:
        return f"{qualifier}{_CURRENCY[unit]} {number}"
    if unit in _ATTACHED:
        return f"{qualifier}{number}{_ATTACHED[unit]}"
    if unit in _NOUNS:
        singular, plural = _NOUNS[unit]
        noun = singular if value == 1 and upper is None and not word else plural
        return f"{qualifier}{number} {noun}"
    top, per, bottom = unit.partition("/")
    if per and _per_english(bottom):  # 388.5 kg/mu, CNY 3,000/tonne
        if top in _CURRENCY:
            return f"{qualifier}{_CURRENCY[top]} {number}/{_per_english(bottom)}"
        return f"{qualifier}{number} {(unit_english(top) or english_unit(top)).strip()}/{_per_english(bottom)}"
    if unit and unit.isascii():
        return f"{qualifier}{number} {unit}"
    return f"{qualifier}{number}"


def english_unit(unit: str) -> str:
    """A unit in English, as a chart or a column names it: 元 -> CNY, 辆 -> vehicles, 倍 -> times, 个 -> count; a
    unit it does not know stays as written."""
    if unit in _CURRENCY:
        return _CURRENCY[unit]
    if unit in _NOUNS:
        return _NOUNS[unit][1]
    if unit in _UNIT_WORDS:
        return _UNIT_WORDS[unit]
    if "/" in unit and unit_english(unit):
        return unit_english(unit)
    return "count" if unit in COUNTERS else unit


# An order of magnitude named by its magnitude word: 万亿级 (a trillion-yuan scale), 千亿级, 百万级.
ORDER_OF_MAGNITUDE = re.compile(r"^[十百千]?(?:万亿|万|亿)级$")


def english_qualitative(figure: str, q: Quantity) -> str:
    """A figure deliberately not read as a number, in English from the author's reading `q`: an order of magnitude
    (万亿级 read as 10^12 元) is "on the order of CNY 1.0 tn", anything else the reading itself."""
    if ORDER_OF_MAGNITUDE.match(figure.strip()):
        return "on the order of " + english(Quantity(q.text, q.value, q.unit, "exact"))
    return english(q)
