"""Targets compared, as listings: groups, facets with the sums that add up, chart series, and figures read."""

from __future__ import annotations

from fractions import Fraction

from cybrief.brief.model import FACET_FIELDS, GROUP_KEYS, QUALIFIER_LABELS, TARGET_KIND_LABELS, json_number
from cybrief.errors import UsageError
from cybrief.figures.compare import FULL_SCALE, adds_up, sort_refs, sum_of, units_of
from cybrief.figures.quantity import Quantity
from cybrief.figures.writing import english, format_figure
from cybrief.library import Library, TargetRef
from cybrief.render.views import (
    Listing, header, label, pick, shown_figure, shown_unit, target_quantity, target_record,
    targets_listing,
)

FACET_COLUMNS = ("facet", "value", "label", "count", "unit", "figures", "sum", "qualifier")


# --- groups ------------------------------------------------------------------------------------------------

class Section:
    """One group of targets: the field grouped by, the group's key and label, and its listing."""

    __slots__ = ("by", "key", "label", "listing")

    def __init__(self, by: str, key, label: str, listing: Listing):
        self.by, self.key, self.label, self.listing = by, key, label, listing

    def record(self) -> dict:
        return {"group_by": self.by, "value": self.key, "label": self.label, "count": len(self.listing.records),
                "targets": self.listing.records}


def _key(ref: TargetRef, field: str):
    """The value of a target that groups and facets by `field` put it under."""
    t = ref.facts
    if field == "sector":
        return t.sector
    if field == "delegate":
        return ref.delegate_id
    if field == "kind":
        return t.kind
    if field == "qualifier":
        return t.qualifier
    if field == "brief":
        return ref.brief_id
    value = getattr(t, field)
    return None if value is None or value == "" else value


def _label(ref: TargetRef, field: str, key, library: Library, lang: str) -> str:
    """How the group or facet of a target under `key` (its _key) is shown."""
    if field == "sector":
        s = ref.brief_sector(key)
        if s is None:
            found = library.sector(key)
            s = (found.zh, found.en) if found else None
        return pick(*s, lang).replace("\n", " ") if s else key
    if field == "delegate":
        return label(*ref.delegate_names, lang)
    if field == "kind":
        return pick(*TARGET_KIND_LABELS[key], lang).replace("\n", " ")
    if field == "qualifier":
        return pick(*QUALIFIER_LABELS[key], lang).replace("\n", " ")
    return "—" if key is None else key


def _grouped(refs: list[TargetRef], field: str, library: Library, lang: str) -> dict:
    """{key: (label, targets)} of the targets by `field`, in order of first appearance, each labelled as its first
    target shows it (a label is made once a group)."""
    groups: dict = {}
    for ref in refs:
        key = _key(ref, field)
        found = groups.get(key)
        if found is None:
            found = groups[key] = (_label(ref, field, key, library, lang), [])
        found[1].append(ref)
    return groups


def group(refs: list[TargetRef], by: str, library: Library, lang: str) -> list[Section]:
    """Targets grouped by sector, delegate, kind or horizon, groups in order of first appearance."""
    if by not in GROUP_KEYS:
        raise UsageError(f"unknown group {by!r}; choose one of {', '.join(GROUP_KEYS)}")
    return [Section(by, key, label, targets_listing(members, library, lang))
            for key, (label, members) in _grouped(refs, by, library, lang).items()]


def group_lines(refs: list, by: str):
    """The CSV lines (GROUP_COLUMNS, no header) of targets grouped as group() groups them, as UTF-8, each its group's
    cell before the target's stored CSV line (`csv`, library.FactRef): what the CSV of group() writes, with no record
    made."""
    from cybrief.brief.csvrows import line

    if by not in GROUP_KEYS:
        raise UsageError(f"unknown group {by!r}; choose one of {', '.join(GROUP_KEYS)}")
    groups: dict = {}
    for ref in refs:
        groups.setdefault(_key(ref, by), []).append(ref.csv)
    for key, lines in groups.items():
        cell = line([key, ""])[:-2].encode("utf-8")  # the key's cell and its comma: line() writes each cell alone
        for made in lines:
            yield cell + made


# --- facets ------------------------------------------------------------------------------------------------

def facets(refs: list[TargetRef], fields: list[str], library: Library, lang: str) -> Listing:
    """Targets counted per value of each field, most first, and per unit of those targets their sum when they add up.

    One record per (field, value, unit): `count` is the targets with the value, `figures` those in the unit,
    `sum` and its `qualifier` are None unless the figures add up (see adds_up).
    """
    records, rows = [], []
    for field in fields:
        if field not in FACET_FIELDS:
            raise UsageError(f"unknown facet {field!r}; choose from {', '.join(FACET_FIELDS)}")
        buckets = _grouped(refs, field, library, lang)
        for key, (shown, members) in sorted(buckets.items(), key=lambda item: -len(item[1][1])):
            units: dict = {}  # the members of each unit, units in order of first appearance (units_of)
            for r in members:
                units.setdefault(r.facts.unit, []).append(r)
            for index, (unit, in_unit) in enumerate(units.items()):
                total = sum_of([target_quantity(r) for r in in_unit], unit) if adds_up(in_unit) else None
                records.append({
                    "facet": field, "value": key, "label": shown, "count": len(members), "unit": unit,
                    "figures": len(in_unit), "sum": json_number(total.value) if total else None,
                    "qualifier": total.qualifier if total else None,
                })
                first = [field, shown, str(len(members))] if index == 0 else ["", "", ""]  # the value once
                rows.append(first + [shown_unit(unit, lang), str(len(in_unit)), _sum_text(total, lang) if total else "—"])
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
        title = f"{label('单位', 'Unit', lang)}: {shown_unit(unit, lang)}"
        headers = [header("代表 · 指标", "Delegate · metric", lang), header("数值", "Figure", lang), header("图", "Bar", lang)]
        series.append(Series(unit, title, bars, headers))
    return series


LEGEND = {
    "zh": "█ 确数  ▒ 约数（约 近 左右）  ▶ 或更多（超 余 以上）  ◀ 或更少（不足 以内）  ░ 区间上限",
    "en": "█ as stated  ▒ approximate  ▶ or more  ◀ or less  ░ up to a range's top",
}


def legend(lang: str) -> str:
    return pick(LEGEND["zh"], LEGEND["en"], lang)


# --- the figure command --------------------------------------------------------------------------------------

FIGURE_COLUMNS = ("text", "value", "unit", "qualifier", "upper", "zh", "en")


def figures_listing(quantities: list[Quantity], lang: str) -> Listing:
    """What each figure reads as: value, unit, qualifier, range top, and the figure written back."""
    from cybrief.brief.model import format_number

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
