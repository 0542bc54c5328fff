"""What a drawn chart shows: figures in panels by unit and kind of quantity, each with its axis, and the caption."""

from __future__ import annotations

from fractions import Fraction

from cybrief.figures.compare import FULL_SCALE, MEASURES, measure, sort_refs, units_of
from cybrief.brief.labels import label, pick
from cybrief.render.scale import Scale, scale_for
from cybrief.render.views import shown_figure, target_quantity

MEASURE_LABELS = {
    "total": ("总量", "Totals"),
    "average": ("人均、平均与价格", "Per capita, averages and prices"),
    "share": ("比重", "Shares"),
    "growth": ("增长", "Growth"),
    "rate": ("比率", "Rates"),
    "multiple": ("倍数", "Multiples"),
    "duration": ("时长", "Durations"),
}
MARKS = ("exact", "approx", "more", "less", "range")
MARK_LABELS = {
    "exact": ("确数", "as stated"),
    "approx": ("约数（约 近 左右）", "approximate (about, nearly)"),
    "more": ("或更多（超 余 以上）", "or more (over, at least)"),
    "less": ("或更少（不足 以内）", "or less (under, at most)"),
    "range": ("区间", "range"),
}


class Bar:
    """One drawn figure: its target, label lines, figure as stated, value (and a range's upper bound), how it is marked."""

    __slots__ = ("ref", "label", "figure", "value", "upper", "mark")

    def __init__(self, ref, label: list[str], figure: str, value, upper, mark: str):
        self.ref, self.label, self.figure, self.value, self.upper, self.mark = ref, label, figure, value, upper, mark


class Panel:
    """Figures of one unit and one kind of quantity on one axis; qualitative ones listed, not drawn."""

    __slots__ = ("unit", "measure", "title", "bars", "listed", "scale")

    def __init__(self, unit: str, measure: str, title: str, bars: list[Bar], listed: list[tuple[str, str]], scale: Scale | None):
        self.unit, self.measure, self.title, self.bars, self.listed, self.scale = unit, measure, title, bars, listed, scale


class Caption:
    """A chart's title, the filters that chose its figures, and the briefs they come from, in the language asked for."""

    __slots__ = ("title", "filters", "sources", "lang")

    def __init__(self, title: str, filters: list[tuple[str, str]], sources: list[str], lang: str):
        self.title, self.filters, self.sources, self.lang = title, filters, sources, lang


def mark_of(ref, q) -> str:
    """How a figure is drawn: exact, approx (约 近 左右), more (超 余 以上), less (不足 以内) or range."""
    if q.upper is not None:
        return "range"
    if q.qualifier in ("approx", "nearly"):
        return "approx"
    return {"over": "more", "at_least": "more", "under": "less", "at_most": "less"}.get(q.qualifier, "exact")


def _label(ref, lang: str) -> list[str]:
    d, t = ref.delegate, ref.target
    zh, en = f"{d.name} · {t.metric}", f"{d.name_en} · {t.metric_en}" if t.metric_en else ""
    return pick(zh, en, lang).split("\n") if lang == "both" else [pick(zh, en, lang)]


def _figure(ref, lang: str) -> str:
    return " · ".join(shown_figure(ref, lang).split("\n"))


def panel_title(unit: str, kind: str, lang: str) -> str:
    from cybrief.render.scale import unit_title

    return f"{label(*MEASURE_LABELS[kind], lang)} · {unit_title(unit, '', lang)}"


def panels(refs: list, lang: str) -> list[Panel]:
    """One panel per unit and kind of quantity (totals, per-capita figures and shares never share an axis).

    Panels come by unit in order of first appearance, then by kind; bars within a panel largest first.
    """
    keyed: dict[tuple[str, str], list] = {}
    for unit in units_of(refs):
        for ref in (r for r in refs if r.target.unit == unit):
            keyed.setdefault((unit, measure(ref.target)), []).append(ref)
    order = {u: i for i, u in enumerate(units_of(refs))}
    out = []
    for (unit, kind), members in sorted(keyed.items(), key=lambda item: (order[item[0][0]], MEASURES.index(item[0][1]))):
        members, _ = sort_refs(members, "value")
        bars, listed = [], []
        for ref in members:
            if ref.target.qualitative:
                listed.append((" / ".join(_label(ref, lang)), _figure(ref, lang)))
                continue
            q = target_quantity(ref)
            bars.append(Bar(ref, _label(ref, lang), _figure(ref, lang), Fraction(q.value),
                            Fraction(q.upper) if q.upper is not None else None, mark_of(ref, q)))
        scale = None
        if bars:
            values = [b.upper if b.upper is not None else b.value for b in bars] + [b.value for b in bars]
            scale = scale_for(values, unit, lang, FULL_SCALE.get(unit) if kind == "share" else None)
        out.append(Panel(unit, kind, panel_title(unit, kind, lang), bars, listed, scale))
    return out


FILTER_LABELS = {
    "sector": ("领域", "sector"), "delegate": ("代表", "delegate"), "kind": ("类型", "kind"), "horizon": ("时限", "horizon"),
    "unit": ("单位", "unit"), "min": ("不小于", "at least"), "max": ("不大于", "at most"), "brief": ("简报", "brief"),
}


def caption(briefs: list, filters: dict, lang: str, title: str | None = None) -> Caption:
    """The caption of a chart of figures from `briefs`, chosen by `filters` (option name -> value as given)."""
    shown = [(label(*FILTER_LABELS.get(name, (name, name)), lang), str(value)) for name, value in filters.items()
             if value is not None]
    sources = []
    for b in briefs:
        source = ", ".join(part for part in (b.source.outlet, b.source.reporter, b.date) if part)
        sources.append(f"{source} · {label('简报', 'brief', lang)} {b.id}")
    if title is None:
        if len(briefs) == 1:
            title = pick(briefs[0].title, briefs[0].title_en, "en" if lang == "en" else "zh")
        else:
            title = label("数据", "Figures", lang)
    return Caption(title, shown, sources, lang)


def briefs_of(refs: list) -> list:
    """The briefs the figures come from, in order of first appearance."""
    return list({id(r.brief): r.brief for r in refs}.values())
