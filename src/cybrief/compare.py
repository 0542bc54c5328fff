"""Comparing figures: targets' parsed values, value filters, sorting, groups, facets and chart series, as listings."""

from __future__ import annotations

import re
from fractions import Fraction

from cybrief.errors import UsageError
from cybrief.library import Library, TargetRef
from cybrief.model import FACET_FIELDS, GROUP_KEYS, QUALIFIER_LABELS, SORT_KEYS, TARGET_KIND_LABELS, json_number
from cybrief.quantity import Quantity, english, format_figure, parse_figure
from cybrief.views import (
    Listing, delegate_name, header, label, pick, shown_figure, target_quantity, target_record,
    targets_listing,
)

# Shares, rates and multiples do not add up, nor do durations and ages of different things: facets count
# them but never sum them, and a chart never draws them on the axis of a total.
SHARE_UNITS = frozenset(("%", "‰", "ratio", "成", "个百分点", "百分点"))
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
# The kinds of quantity a chart keeps on separate axes, in the order its panels come.
MEASURES = ("total", "average", "share", "growth", "rate", "multiple", "duration")
FACET_COLUMNS = ("facet", "value", "label", "count", "unit", "figures", "sum", "qualifier")
FULL_SCALE = {"%": 100, "‰": 1000, "ratio": 1, "成": 10}


# --- filters and order --------------------------------------------------------------------------------------

def bound(text: str, option: str) -> Quantity:
    """A --min/--max figure such as 100亿元 or 1000; qualifier words and ranges make no sense there."""
    from cybrief.errors import FigureError

    try:
        q = parse_figure(text)
    except FigureError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if q.qualifier != "exact" or q.upper is not None:
        raise UsageError(f"{option} takes a plain figure such as 100亿元 or 1000, not {text!r}")
    return q


def filter_values(refs: list[TargetRef], *, unit: str | None = None, low: str | None = None,
                  high: str | None = None) -> list[TargetRef]:
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
        if (wanted is None or ref.target.unit == wanted)
        and (least is None or ref.target.value >= least.value)
        and (most is None or ref.target.value <= most.value)
    ]


def units_of(refs: list[TargetRef]) -> list[str]:
    """The units of the targets, in order of first appearance."""
    return list(dict.fromkeys(r.target.unit for r in refs))


def sort_refs(refs: list[TargetRef], key: str, reverse: bool = False) -> tuple[list[TargetRef], str | None]:
    """Targets in order, and a note when the order needs one.

    value: largest first, within each unit (units in order of first appearance); date: newest first;
    sector: by slug; delegate: by name in pinyin. `reverse` turns each around.
    """
    note = None
    if key == "value":
        units = units_of(refs)
        rank = {u: i for i, u in enumerate(units)}
        ordered = sorted(refs, key=lambda r: Fraction(r.target.value), reverse=not reverse)
        ordered.sort(key=lambda r: rank[r.target.unit])
        if len(units) > 1:
            note = (f"figures in {len(units)} units ({', '.join(u or 'none' for u in units)}) are sorted by value "
                    "within each unit; add --unit to compare one")
        return ordered, note
    if key == "date":
        ordered = sorted(refs, key=lambda r: _date(r), reverse=not reverse)
    elif key == "sector":
        ordered = sorted(refs, key=lambda r: r.target.sector, reverse=reverse)
    elif key == "delegate":
        ordered = sorted(refs, key=lambda r: r.delegate.name_en.casefold(), reverse=reverse)
    else:
        raise UsageError(f"unknown sort key {key!r}; choose one of {', '.join(SORT_KEYS)}")
    return ordered, note


def _date(ref: TargetRef) -> str:
    event = ref.brief.event(ref.delegate.event)
    return event.date if event else ref.brief.date


# --- groups ------------------------------------------------------------------------------------------------

class Section:
    """One group of targets: the field grouped by, the group's key and label, and its listing."""

    __slots__ = ("by", "key", "label", "listing")

    def __init__(self, by: str, key, label: str, listing: Listing):
        self.by, self.key, self.label, self.listing = by, key, label, listing

    def record(self) -> dict:
        return {"group_by": self.by, "value": self.key, "label": self.label, "count": len(self.listing.records),
                "targets": self.listing.records}


def _key_and_label(ref: TargetRef, field: str, library: Library, lang: str):
    t = ref.target
    if field == "sector":
        s = ref.brief.sector(t.sector) or library.sector(t.sector)
        return t.sector, (pick(s.zh, s.en, lang).replace("\n", " ") if s else t.sector)
    if field == "delegate":
        return ref.delegate.id, delegate_name(ref.delegate, lang)
    if field == "kind":
        return t.kind, pick(*TARGET_KIND_LABELS[t.kind], lang).replace("\n", " ")
    if field == "qualifier":
        return t.qualifier, pick(*QUALIFIER_LABELS[t.qualifier], lang).replace("\n", " ")
    if field == "brief":
        return ref.brief.id, ref.brief.id
    value = getattr(t, field)
    if value is None or value == "":
        return None, "—"
    return value, value


def group(refs: list[TargetRef], by: str, library: Library, lang: str) -> list[Section]:
    """Targets grouped by sector, delegate, kind or horizon, groups in order of first appearance."""
    if by not in GROUP_KEYS:
        raise UsageError(f"unknown group {by!r}; choose one of {', '.join(GROUP_KEYS)}")
    groups: dict = {}
    for ref in refs:
        key, label = _key_and_label(ref, by, library, lang)
        groups.setdefault(key, (label, []))[1].append(ref)
    return [Section(by, key, label, targets_listing(members, library, lang)) for key, (label, members) in groups.items()]


# --- facets ------------------------------------------------------------------------------------------------

def _total(quantities: list[Quantity], unit: str) -> Quantity:
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
    from cybrief.quantity import exact

    return Quantity("", exact(total), unit, qualifier)


def measure(target) -> str:
    """What kind of quantity a figure is, by its unit and its metric: one of MEASURES.

    total: a count or amount of things, the only kind that can add up (if the rest of adds_up agrees);
    average: per-capita figures, averages and prices (人均收入 in 元); share: a part of a whole (%, ratio,
    比重); growth: a change in percent or points (同比增长 23.6%); rate: another rate (增长率 in any unit,
    a rate of ...); multiple: 倍; duration: times and ages. Metric words win over the unit: 人均 in 元 is an
    average, 增速 in % is growth.
    """
    metric, metric_en, unit = target.metric, target.metric_en or "", target.unit
    if any(word in metric for word in AVERAGE_METRICS) or AVERAGE_METRICS_EN.search(metric_en):
        return "average"
    changes = any(word in metric for word in GROWTH_METRICS) or GROWTH_METRICS_EN.search(metric_en)
    if unit in SHARE_UNITS and changes:
        return "growth"
    if unit in SHARE_UNITS or any(word in metric for word in SHARE_METRICS) or SHARE_METRICS_EN.search(metric_en):
        return "share"
    if any(word in metric for word in RATE_METRICS) or RATE_METRICS_EN.search(metric_en):
        return "rate"
    if unit in MULTIPLE_UNITS:
        return "multiple"
    if unit in DURATION_UNITS:
        return "duration"
    return "total"


def adds_up(refs: list[TargetRef]) -> bool:
    """Whether figures in one unit may be summed: things of one kind, horizon and region, each measured once.

    Never summed: shares, rates, multiples and durations (by unit); averages, per-capita figures and shares
    in any unit (by metric); a qualitative figure (not a number); what was achieved with what is planned, a
    figure of one period with one of another, a region's figure with a city's (which may be part of it);
    and a metric given twice (the same fact).
    """
    targets = [r.target for r in refs]
    if not targets or any(t.qualitative for t in targets) or any(measure(t) != "total" for t in targets):
        return False
    if len({(t.kind, t.horizon, t.region) for t in targets}) > 1:
        return False
    return len({t.metric for t in targets}) == len(targets)


def facets(refs: list[TargetRef], fields: list[str], library: Library, lang: str) -> Listing:
    """Targets counted per value of each field, most first, and per unit of those targets their sum when they add up.

    One record per (field, value, unit): `count` is the targets with the value, `figures` those in the unit,
    `sum` and its `qualifier` are None unless the figures add up (see adds_up).
    """
    records, rows = [], []
    for field in fields:
        if field not in FACET_FIELDS:
            raise UsageError(f"unknown facet {field!r}; choose from {', '.join(FACET_FIELDS)}")
        buckets: dict = {}
        for ref in refs:
            key, shown = _key_and_label(ref, field, library, lang)
            buckets.setdefault(key, (shown, []))[1].append(ref)
        for key, (shown, members) in sorted(buckets.items(), key=lambda item: -len(item[1][1])):
            for index, unit in enumerate(units_of(members)):
                in_unit = [r for r in members if r.target.unit == unit]
                total = _total([target_quantity(r) for r in in_unit], unit) if adds_up(in_unit) else None
                records.append({
                    "facet": field, "value": key, "label": shown, "count": len(members), "unit": unit,
                    "figures": len(in_unit), "sum": json_number(total.value) if total else None,
                    "qualifier": total.qualifier if total else None,
                })
                first = [field, shown, str(len(members))] if index == 0 else ["", "", ""]  # the value once
                rows.append(first + [unit or "—", str(len(in_unit)), _sum_text(total, lang) if total else "—"])
    headers = [header("维度", "Facet", lang), header("取值", "Value", lang), header("数量", "Count", lang),
               header("单位", "Unit", lang), header("条数", "Figures", lang), header("合计", "Sum", lang)]
    return Listing("facets", records, headers, rows, FACET_COLUMNS)


def _sum_text(q: Quantity, lang: str) -> str:
    return label(format_figure(q), english(q), lang)


# --- chart ---------------------------------------------------------------------------------------------------

class Bar:
    """One bar: the target, its label (delegate · metric), its figure as shown, and its length as a share of the longest."""

    __slots__ = ("ref", "q", "label", "figure", "share", "upper_share")

    def __init__(self, ref, q, label, figure, share, upper_share):
        self.ref, self.q, self.label, self.figure = ref, q, label, figure
        self.share, self.upper_share = share, upper_share

    @property
    def mark(self) -> str:
        """How the bar is drawn: exact, approx (约 近 左右, or qualitative), more (超 余 以上), less (不足 以内), range."""
        if self.q.upper is not None:
            return "range"
        if self.ref.target.qualitative or self.q.qualifier in ("approx", "nearly"):
            return "approx"
        return {"over": "more", "at_least": "more", "under": "less", "at_most": "less"}.get(self.q.qualifier, "exact")

    def record(self) -> dict:
        record = target_record(self.ref)
        record.update(share_of_max=round(self.share, 4), mark=self.mark)
        return record


class Series:
    """Bars of one unit, longest first: only figures in one unit are drawn against one scale."""

    __slots__ = ("unit", "title", "bars", "headers")

    def __init__(self, unit: str, title: str, bars: list[Bar], headers: list[str]):
        self.unit, self.title, self.bars, self.headers = unit, title, bars, headers


def chart(refs: list[TargetRef], lang: str) -> list[Series]:
    """One series per unit, in order of first appearance, each scaled to its own largest value (shares: the whole)."""
    series = []
    for unit in units_of(refs):
        members = [r for r in refs if r.target.unit == unit]
        members, _ = sort_refs(members, "value")
        quantities = [target_quantity(r) for r in members]
        top = max(Fraction(q.upper if q.upper is not None else q.value) for q in quantities)
        top = max(top, FULL_SCALE.get(unit, 0))  # a share is drawn against the whole: 80% fills four fifths
        bars = []
        for ref, q in zip(members, quantities):
            share = float(Fraction(q.value) / top) if top else 0.0
            upper = float(Fraction(q.upper) / top) if q.upper is not None and top else None
            d, t = ref.delegate, ref.target
            text = pick(f"{d.name} · {t.metric}", f"{d.name_en} · {t.metric_en}", lang)
            bars.append(Bar(ref, q, text, shown_figure(ref, lang), share, upper))
        title = f"{label('单位', 'Unit', lang)}: {unit or '—'}"
        headers = [header("代表 · 指标", "Delegate · metric", lang), header("数值", "Figure", lang), header("图", "Bar", lang)]
        series.append(Series(unit, title, bars, headers))
    return series


LEGEND = {
    "zh": "█ 确数  ▒ 约数（约 近 左右）  ▶ 或更多（超 余 以上）  ◀ 或更少（不足 以内）  ░ 区间上限",
    "en": "█ as stated  ▒ approximate (约 近 左右)  ▶ or more (超 余 以上)  ◀ or less (不足 以内)  ░ up to a range's top",
}


def legend(lang: str) -> str:
    return pick(LEGEND["zh"], LEGEND["en"], lang)


# --- the figure command --------------------------------------------------------------------------------------

FIGURE_COLUMNS = ("text", "value", "unit", "qualifier", "upper", "zh", "en")


def figures_listing(quantities: list[Quantity], lang: str) -> Listing:
    """What each figure reads as: value, unit, qualifier, range top, and the figure written back."""
    from cybrief.model import format_number

    records, rows = [], []
    for q in quantities:
        zh, en = format_figure(q), english(q)
        records.append({"text": q.text, "value": json_number(q.value, exact_fractions=True), "unit": q.unit,
                        "qualifier": q.qualifier,
                        "upper": json_number(q.upper, exact_fractions=True) if q.upper is not None else None,
                        "zh": zh, "en": en})
        rows.append([q.text, format_number(q.value) + (f"–{format_number(q.upper)}" if q.upper is not None else ""),
                     q.unit or "—", q.qualifier, pick(zh, en, lang)])
    headers = [header("原文", "Text", lang), header("数值", "Value", lang), header("单位", "Unit", lang),
               header("限定", "Qualifier", lang), header("改写", "Written", lang)]
    return Listing("figures", records, headers, rows, FIGURE_COLUMNS)
