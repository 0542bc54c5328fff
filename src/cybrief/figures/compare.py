"""Comparing figures: value filters, order within a unit, and which figures add up to a total."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from cybrief.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cybrief.figures.quantity import Quantity

# What targets can be sorted by (--sort); targets are the library's (brief, target, delegate) references.
SORT_KEYS = ("value", "date", "sector", "delegate")

# Shares, rates and multiples do not add up, nor do durations and ages of different things: facets count
# them but never sum them, and a chart never draws them on the axis of a total.
SHARE_UNITS = frozenset(("%", "‰", "fraction", "成", "百分点"))
MULTIPLE_UNITS = frozenset(("倍",))
DURATION_UNITS = frozenset(("秒", "分钟", "小时", "个小时", "天", "日", "周", "个月", "月", "年", "岁"))
# Nor do averages, per-capita figures, prices, shares and rates, whatever their unit: 人均收入 is in 元 too.
AVERAGE_METRICS = ("人均", "户均", "平均", "均价", "单价")
SHARE_METRICS = ("比重", "占比", "比例")
RATE_METRICS = ("增速", "增长率")
AVERAGE_METRICS_EN = re.compile(r"\b(?:per[ -]capita|per household|average)\b", re.I)
SHARE_METRICS_EN = re.compile(r"\b(?:share of|proportion of)\b", re.I)
RATE_METRICS_EN = re.compile(r"\b(?:rates?)\b", re.I)
# Growth is a change, not a level: 同比增长 23.6% is drawn apart from a share of 23.6% (charts only; neither adds up).
GROWTH_METRICS = ("增长", "增速", "增幅", "下降", "降幅", "提高", "提升")
GROWTH_METRICS_EN = re.compile(r"\b(?:growth|grew|increase|rise|decline|drop|change)\b", re.I)
_AVERAGE, _GROWTH, _SHARE, _RATE = (re.compile("|".join(map(re.escape, words)))
                                    for words in (AVERAGE_METRICS, GROWTH_METRICS, SHARE_METRICS, RATE_METRICS))
# The kinds of quantity a chart keeps on separate axes, in the order its panels come.
MEASURES = ("total", "average", "share", "growth", "rate", "multiple", "duration")
# The whole a share is drawn against: 80% fills four fifths of its bar.
FULL_SCALE = {"%": 100, "‰": 1000, "fraction": 1, "成": 10}


# --- filters and order --------------------------------------------------------------------------------------

def bound(text: str, option: str) -> Quantity:
    """A --min/--max figure such as 100亿元 or 1000; qualifier words and ranges make no sense there."""
    from cybrief.errors import FigureError
    from cybrief.figures.quantity import parse_figure

    try:
        q = parse_figure(text)
    except FigureError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if q.qualifier != "exact" or q.upper is not None:
        raise UsageError(f"{option} takes a plain figure such as 100亿元 or 1000, not {text!r}")
    return q


def filter_values(refs: list, *, unit: str | None = None, low: str | None = None,
                  high: str | None = None) -> list:
    """Targets in `unit`, with value >= low and <= high (figures in Chinese or Arabic; a unit in them sets the unit).

    The stated value is compared: 超1000亿元 counts as 1000亿元, and a range by its lower bound.
    """
    import unicodedata

    wanted = unicodedata.normalize("NFKC", unit).strip() if unit is not None else None
    least = bound(low, "--min") if low is not None else None
    most = bound(high, "--max") if high is not None else None
    for q, option in ((least, "--min"), (most, "--max")):
        if q is not None and q.unit:
            if wanted is not None and q.unit != wanted:
                raise UsageError(f"{option} {q.text} is in {q.unit}, but the figures compared are in {wanted}")
            wanted = q.unit
    return [
        ref for ref in refs
        if (wanted is None or ref.facts.unit == wanted)
        and (least is None or ref.facts.value >= least.value)
        and (most is None or ref.facts.value <= most.value)
    ]


def units_of(refs: list) -> list[str]:
    """The units of the targets, in order of first appearance."""
    return list(dict.fromkeys(r.facts.unit for r in refs))


def _value(ref):
    return ref.facts.value


def sort_refs(refs: list, key: str, reverse: bool = False) -> tuple[list, str | None]:
    """Targets in order, and a note when the order needs one.

    value: largest first, within each unit (units in order of first appearance); date: newest first;
    sector: by slug; delegate: by name in pinyin. `reverse` turns each around.
    """
    note = None
    if key == "value":
        by_unit: dict = {}  # units in order of first appearance, each unit's targets in library order
        for r in refs:
            by_unit.setdefault(r.facts.unit, []).append(r)
        units = list(by_unit)
        # values are Decimals, or Fractions where no decimal is exact (1/3): the two compare exactly with each other.
        # Sorted unit by unit, stable (equal values keep library order): a Decimal meets a Fraction only in a unit
        # that has both, where comparing them is slow
        ordered = []
        for members in by_unit.values():
            ordered += sorted(members, key=_value, reverse=not reverse)
        if len(units) > 1:
            note = (f"figures in {len(units)} units ({', '.join(u or 'none' for u in units)}) are sorted by value "
                    "within each unit; add --unit to compare one")
        return ordered, note
    if key == "date":
        ordered = sorted(refs, key=lambda r: r.date, reverse=not reverse)
    elif key == "sector":
        ordered = sorted(refs, key=lambda r: r.facts.sector, reverse=reverse)
    elif key == "delegate":
        ordered = sorted(refs, key=lambda r: r.delegate_names[1].casefold(), reverse=reverse)
    else:
        raise UsageError(f"unknown sort key {key!r}; choose one of {', '.join(SORT_KEYS)}")
    return ordered, note



# --- sums ---------------------------------------------------------------------------------------------------

def sum_of(quantities: list[Quantity], unit: str) -> Quantity:
    """The sum of figures in one unit, qualified by what went into it (近 + exact is 近; 超 + 以上 is 超)."""
    total = sum((Fraction(q.value) for q in quantities), Fraction(0))
    kinds = {q.qualifier if q.upper is None else "at_least" for q in quantities} - {"exact"}
    if not kinds:
        qualifier = "exact"
    elif kinds <= {"over", "at_least"}:
        qualifier = "over" if "over" in kinds else "at_least"
    elif kinds <= {"under", "at_most"}:
        qualifier = "under" if "under" in kinds else "at_most"
    elif kinds == {"nearly"}:
        qualifier = "nearly"
    else:
        qualifier = "approx"
    from cybrief.figures.quantity import Quantity, exact

    return Quantity("", exact(total), unit, qualifier)


def measure(target) -> str:
    """What kind of quantity a figure is, by its unit and its metric: one of MEASURES.

    total: a count or amount of things, the only kind that can add up (if the rest of adds_up agrees);
    average: per-capita figures, averages and prices (人均收入 in 元); share: a part of a whole (%, fraction,
    比重); growth: a change in percent or points (同比增长 23.6%); rate: another rate (增长率 in any unit,
    a rate of ...); multiple: 倍; duration: times and ages. Metric words win over the unit: 人均 in 元 is an
    average, 增速 in % is growth.
    """
    return _measure(target.metric, target.metric_en or "", target.unit)


@lru_cache(maxsize=4096)  # a large library repeats its metrics: faceting every target asks of each
def _measure(metric: str, metric_en: str, unit: str) -> str:
    """measure() of a figure's metric, English metric and unit (each list of words looked for at once, in C)."""
    if _AVERAGE.search(metric) or AVERAGE_METRICS_EN.search(metric_en):
        return "average"
    changes = _GROWTH.search(metric) or GROWTH_METRICS_EN.search(metric_en)
    if unit in SHARE_UNITS and changes:
        return "growth"
    if unit in SHARE_UNITS or _SHARE.search(metric) or SHARE_METRICS_EN.search(metric_en):
        return "share"
    if _RATE.search(metric) or RATE_METRICS_EN.search(metric_en):
        return "rate"
    if unit in MULTIPLE_UNITS:
        return "multiple"
    if unit in DURATION_UNITS:
        return "duration"
    return "total"


def adds_up(refs: list) -> bool:
    """Whether figures in one unit may be summed: things of one kind, horizon and region, each measured once.

    Never summed: shares, rates, multiples and durations (by unit); averages, per-capita figures and shares
    in any unit (by metric); a qualitative figure (not a number); what was achieved with what is planned, a
    figure of one period with one of another, a region's figure with a city's (which may be part of it);
    and a metric given twice (the same fact).
    """
    targets = [r.facts for r in refs]  # the cheaper tests first: a large library fails most on the first two
    if not targets or len({t.metric for t in targets}) != len(targets):
        return False
    if len({(t.kind, t.horizon, t.region) for t in targets}) > 1:
        return False
    return not any(t.qualitative for t in targets) and all(measure(t) == "total" for t in targets)
