"""A chart's value axis: linear or logarithmic, ticks at round numbers in the unit's own magnitude (亿元, CNY bn)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

# Chinese reports scale by 万, 亿 and 万亿; English by million, billion and trillion (bn and tn for money).
ZH_MAGNITUDES = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
EN_MAGNITUDES = ((10**12, "trillion", "tn"), (10**9, "billion", "bn"), (10**6, "million", "million"))
# What a Chinese magnitude is in English, for an axis whose ticks are in 亿 while its title is bilingual.
ZH_MAGNITUDES_EN = {"万": "10,000", "亿": "100 million", "万亿": "trillion"}
# Units that take no magnitude word: 20000%, never 2万%.
UNSCALED = frozenset(("%", "‰", "倍", "成", "百分点", "fraction"))
CURRENCIES = {"元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY", "英镑": "GBP"}
# Measure words only count; in English an axis of them counts what the word is used for.
COUNT_NOUNS_EN = {
    "个": "items", "家": "organizations", "条": "lines", "项": "items", "座": "sites", "所": "institutions",
    "台": "units", "件": "pieces", "套": "sets", "次": "times", "批": "batches", "处": "places", "片": "areas",
    "份": "copies", "张": "sheets", "本": "volumes", "篇": "articles", "部": "units", "只": "items", "头": "head",
    "艘": "vessels", "架": "aircraft", "列": "trains", "趟": "trips", "栋": "buildings", "层": "floors",
    "间": "rooms", "床": "beds", "例": "cases", "颗": "units", "块": "pieces",
}
SPECIAL_UNITS = {"%": ("%", "%"), "‰": ("‰", "‰"), "fraction": ("占整体的比例", "share of the whole"), "倍": ("倍", "times (x)"),
                 "成": ("成（十分之一）", "tenths"), "个百分点": ("个百分点", "percentage points"),
                 "百分点": ("百分点", "percentage points"), "": ("数值", "number")}
MAX_DECADES = 8  # a log axis labels every decade up to this many, else every other one


class Scale:
    """Where a value sits on the axis (0 to 1 of the plot's width) and the ticks to draw with their labels.

    `magnitude` divides values for the tick labels (10**8 for 亿), `unit_title` names the unit the ticks
    are in (亿元, CNY bn), `log` is true for a logarithmic axis.
    """

    __slots__ = ("low", "high", "log", "ticks", "magnitude", "unit_title")

    def __init__(self, low: float, high: float, log: bool, ticks: list[tuple[float, str]], magnitude: int, unit_title: str):
        self.low, self.high, self.log, self.ticks = low, high, log, ticks
        self.magnitude, self.unit_title = magnitude, unit_title

    def position(self, value) -> float:
        """0 at the axis's start, 1 at its end; values beyond are clipped to it."""
        value = float(value)
        if self.log:
            if value <= self.low:
                return 0.0
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / (self.high - self.low) if self.high > self.low else 0.0
        return min(max(share, 0.0), 1.0)

    @property
    def origin(self) -> float:
        """Where bars start: zero on a linear axis, the axis's start on a log one."""
        return 0.0 if self.log else self.position(0)


def _magnitude(top, unit: str, lang: str) -> tuple[int, str]:
    """The magnitude the axis is labelled in, and its word: (10**8, 亿) for 5018亿元, (10**9, bn) in English."""
    if unit in UNSCALED:
        return 1, ""
    if lang == "en":
        for size, word, short in EN_MAGNITUDES:
            if top >= size:
                return size, short if unit in CURRENCIES else word
        return 1, ""
    for size, word in ZH_MAGNITUDES:
        if top >= size:
            return size, word
    return 1, ""


def unit_title(unit: str, word: str, lang: str) -> str:
    """The unit an axis is in, in the language asked for: 亿元, CNY bn, million vehicles, number of items."""
    from cybrief.figures.writing import unit_english

    zh = f"{word}{unit}" if unit not in SPECIAL_UNITS else SPECIAL_UNITS[unit][0]
    if lang == "zh":
        return zh
    if lang == "en":
        scale = word
    else:
        scale = ZH_MAGNITUDES_EN.get(word, "")
    if unit in SPECIAL_UNITS:
        en = SPECIAL_UNITS[unit][1]
    elif unit in CURRENCIES:
        en = " ".join(part for part in (CURRENCIES[unit], scale) if part)
    else:
        noun = unit_english(unit) or (f"number of {COUNT_NOUNS_EN[unit]}" if unit in COUNT_NOUNS_EN else
                                      (unit if unit.isascii() else "number"))
        en = f"{scale} {noun}" if scale else noun
    return en if lang == "en" or en == zh else f"{zh} ({en})"


def _nice_step(span: float, count: int = 6) -> Decimal:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into about `count` parts."""
    raw = span / count
    exponent = math.floor(math.log10(raw))
    for factor in ("1", "2", "2.5", "5", "10"):
        step = Decimal(factor).scaleb(exponent)
        if step >= Decimal(repr(raw)):
            return step
    return Decimal(10).scaleb(exponent)


def _number(value: Decimal) -> str:
    """A tick label: exact digits, no exponent, thousands separated (12,000; 0.25; 2.5)."""
    value = value.normalize()
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


def _ratio_label(value: Decimal) -> str:
    share = Fraction(value)
    return str(share.numerator) if share.denominator == 1 else f"{share.numerator}/{share.denominator}"


def linear(values: list, unit: str, lang: str, full_scale=None) -> Scale:
    """A linear axis from zero (or below, for a negative value) to a round number at or above every value.

    `full_scale` is the whole a share is drawn against (100 for %, 1 for a fraction): the axis reaches it at least.
    """
    top = max([float(v) for v in values] + [0.0] + ([float(full_scale)] if full_scale else []))
    bottom = min([float(v) for v in values] + [0.0])
    size, word = _magnitude(top, unit, lang)
    scaled_top, scaled_bottom = top / size, bottom / size
    if unit == "fraction" and scaled_top <= 1 and bottom >= 0:
        step = Decimal("0.25")  # quarters of the whole: 1/4, 1/2, 3/4
    else:
        step = _nice_step((scaled_top - scaled_bottom) or 1.0)
    high = step * math.ceil(Decimal(repr(scaled_top)) / step) if scaled_top > 0 else step
    low = step * math.floor(Decimal(repr(scaled_bottom)) / step) if scaled_bottom < 0 else Decimal(0)
    ticks, tick = [], low
    while tick <= high:
        label = _ratio_label(tick) if unit == "fraction" else _number(tick)
        ticks.append((float(tick) * size, label))
        tick += step
    return Scale(float(low) * size, float(high) * size, False, ticks, size, unit_title(unit, word, lang))


def logarithmic(values: list, unit: str, lang: str) -> Scale:
    """A log axis from the power of ten at or below the smallest value to the one at or above the largest.

    Each tick carries its own magnitude word (1万, 10亿; 1 million, 10 bn), since no one magnitude suits them all.
    """
    low_exp = math.floor(math.log10(min(float(v) for v in values)))
    high_exp = math.ceil(math.log10(max(float(v) for v in values)))
    if high_exp == low_exp:
        high_exp += 1
    every = 1 if high_exp - low_exp <= MAX_DECADES else 2
    ticks = [(10.0**e, _power_label(e, unit, lang)) for e in range(low_exp, high_exp + 1, every)]
    return Scale(10.0**low_exp, 10.0**high_exp, True, ticks, 1, unit_title(unit, "", lang))


def _power_label(exponent: int, unit: str, lang: str) -> str:
    value = Decimal(1).scaleb(exponent)
    size, word = _magnitude(value, unit, "en" if lang == "en" else "zh")
    scaled = _number(value / size)
    if not word:
        return scaled
    return f"{scaled} {word}" if lang == "en" else f"{scaled}{word}"


def spans_decades(values: list, decades: int = 2) -> bool:
    """Whether positive values span more than `decades` orders of magnitude (so bars of the small ones vanish)."""
    drawn = [float(v) for v in values]
    if not drawn or min(drawn) <= 0:
        return False
    return max(drawn) / min(drawn) > 10**decades


def scale_for(values: list, unit: str, lang: str, full_scale=None) -> Scale:
    """The axis for a panel's values: logarithmic when they span more than two orders of magnitude."""
    if full_scale is None and spans_decades(values):
        return logarithmic(values, unit, lang)
    return linear(values, unit, lang, full_scale)
