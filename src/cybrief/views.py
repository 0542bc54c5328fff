"""Query results shaped for output: JSON-contract records and the human columns of tables, per language."""

from __future__ import annotations

from cybrief.hits import Hit, SearchCounts, SearchResult, snippet  # noqa: F401 - search results, re-exported
from cybrief.library import DelegateRef, Library, TargetRef
from cybrief.model import EVENT_KIND_LABELS, TARGET_KIND_LABELS, Brief

LANGS = ("zh", "en", "both")


class Listing:
    """Rows of one kind (targets, delegates, briefs): `records` for JSON/CSV, `headers`/`rows` for people."""

    __slots__ = ("kind", "records", "headers", "_rows")

    def __init__(self, kind: str, records: list[dict], headers: list[str], rows):
        # rows: a list, or a function that makes it when first needed (JSON and CSV never need it)
        self.kind, self.records, self.headers, self._rows = kind, records, headers, rows

    @property
    def rows(self) -> list[list[str]]:
        if callable(self._rows):
            self._rows = self._rows()
        return self._rows


class DelegateDetail:
    """One delegate in full, with their targets; `fields` are (label, text) pairs for people."""

    __slots__ = ("record", "fields", "points", "targets", "heading")

    def __init__(self, record: dict, fields: list[tuple[str, str]], points: list[str], targets: Listing, heading: str):
        self.record, self.fields, self.points, self.targets, self.heading = record, fields, points, targets, heading


def header(zh: str, en: str, lang: str) -> str:
    """A column header; `both` stacks the two so that narrow columns stay narrow."""
    return zh if lang == "zh" else en if lang == "en" else f"{zh}\n{en}"


def label(zh: str, en: str, lang: str) -> str:
    """An inline label, such as a field name in a detail view."""
    return zh if lang == "zh" else en if lang == "en" else f"{zh} {en}"


def pick(zh: str | None, en: str | None, lang: str) -> str:
    """The text for a language; `both` stacks Chinese over English. Falls back to what exists."""
    zh, en = zh or "", en or ""
    if lang == "zh":
        return zh or en
    if lang == "en":
        return en or zh
    return f"{zh}\n{en}" if zh and en and zh != en else zh or en


def number_out(value):
    """A model number as JSON/CSV wants it: int when whole, else float when exact, else a decimal string."""
    from decimal import Decimal

    if not isinstance(value, Decimal):  # a Fraction such as 1/9: the nearest double
        return float(value)
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


# --- targets ---------------------------------------------------------------------------------------------

def target_quantity(ref: TargetRef):
    """The target's figure as a Quantity: parsed from the figure, or for a qualitative one the author's reading."""
    from cybrief.quantity import Quantity, parse_figure

    t = ref.target
    if t.qualitative:
        return Quantity(t.figure, t.value, t.unit, t.qualifier)
    q = parse_figure(t.figure)
    # The loader checked value and qualifier; a figure that states no unit takes the target's (the sentence's).
    return Quantity(q.text, q.value, q.unit or t.unit, q.qualifier, q.upper)


def shown_figure(ref: TargetRef, lang: str) -> str:
    """The figure as written (zh), in English from its parsed value (en), or both on two lines."""
    t = ref.target
    if t.qualitative or lang == "zh":
        return t.figure
    from cybrief.quantity import english

    en = english(target_quantity(ref))
    return en if lang == "en" else f"{t.figure}\n{en}"


# The range separators of quantity.RANGE_SEPARATORS: only a figure holding one is parsed for its upper bound,
# so that JSON and CSV output do not load the parser (a test keeps the two lists equal).
RANGE_MARKS = ("至", "到", "~", "～", "-", "－", "–", "—", "〜")


def _upper(ref: TargetRef):
    t = ref.target
    if t.qualitative or not any(mark in t.figure[1:] for mark in RANGE_MARKS):
        return None
    return target_quantity(ref).upper


def target_record(ref: TargetRef) -> dict:
    t, b = ref.target, ref.brief
    upper = _upper(ref)
    return {
        "id": t.id,
        "brief": b.id,
        "delegate": t.delegate,
        "delegate_name": ref.delegate.name,
        "sector": t.sector,
        "region": t.region,
        "metric": t.metric,
        "metric_en": t.metric_en,
        "figure": t.figure,
        "value": number_out(t.value),
        "unit": t.unit,
        "qualifier": t.qualifier,
        "kind": t.kind,
        "horizon": t.horizon,
        "paragraph": t.paragraph,
        "note": t.note,
        "upper": number_out(upper) if upper is not None else None,
        "qualitative": t.qualitative,
    }


def targets_listing(refs: list[TargetRef], library: Library, lang: str) -> Listing:
    headers = [
        header("代表", "Delegate", lang),
        header("领域", "Sector", lang),
        header("地区", "Region", lang),
        header("指标", "Metric", lang),
        header("数值", "Figure", lang),
        header("时限", "Horizon", lang),
        header("类型", "Kind", lang),
    ]
    def rows():  # the figure in English needs the parser: made only for people
        out = []
        for ref in refs:
            t = ref.target
            sector = ref.brief.sector(t.sector) or library.sector(t.sector)
            out.append(
                [
                    pick(ref.delegate.name, ref.delegate.name_en, lang),
                    pick(sector.zh, sector.en, lang) if sector else t.sector,
                    t.region,
                    pick(t.metric, t.metric_en, lang),
                    shown_figure(ref, lang),
                    t.horizon or "—",
                    pick(*TARGET_KIND_LABELS[t.kind], lang),
                ]
            )
        return out

    return Listing("targets", [target_record(r) for r in refs], headers, rows)


# --- delegates -------------------------------------------------------------------------------------------

def delegate_record(ref: DelegateRef) -> dict:
    d, b = ref.delegate, ref.brief
    event = b.event(d.event)
    return {
        "id": d.id,
        "brief": b.id,
        "name": d.name,
        "name_en": d.name_en,
        "role": d.role,
        "role_en": d.role_en,
        "organization": d.organization,
        "organization_en": d.organization_en,
        "event": d.event,
        "event_kind": event.kind,
        "event_title": event.title,
        "date": event.date,
        "sectors": list(d.sectors),
        "summary": d.summary,
        "summary_en": d.summary_en,
        "points": [p.zh for p in d.points],
        "points_en": [p.en or "" for p in d.points],
    }


def _role_cell(ref: DelegateRef, lang: str) -> str:
    d = ref.delegate
    zh = d.role if d.organization in d.role else f"{d.role}（{d.organization}）"
    en = d.role_en
    if en and d.organization_en and d.organization_en not in en:
        en = f"{en} ({d.organization_en})"
    return pick(zh, en, lang)


def _event_cell(brief: Brief, event_id: str, lang: str) -> str:
    event = brief.event(event_id)
    zh, en = EVENT_KIND_LABELS[event.kind]
    when = event.date + (f" {event.time}" if event.time and lang != "en" else "")
    return f"{pick(zh, en, lang)}\n{when}"


def _sectors_cell(ref: DelegateRef, library: Library, lang: str) -> str:
    labels = []
    for slug in ref.delegate.sectors:
        s = ref.brief.sector(slug) or library.sector(slug)
        labels.append(pick(s.zh, s.en, lang).replace("\n", " ") if s else slug)
    return "、".join(labels) if lang == "zh" else "\n".join(labels)


def _summary_cell(ref: DelegateRef, lang: str) -> str:
    d = ref.delegate
    if lang == "both":
        return f"{d.summary}\n\n{d.summary_en}"
    return pick(d.summary, d.summary_en, lang)


def delegates_listing(refs: list[DelegateRef], library: Library, lang: str) -> Listing:
    headers = [
        header("姓名", "Name", lang),
        header("职务", "Role", lang),
        header("活动", "Event", lang),
        header("领域", "Sectors", lang),
        header("摘要", "Summary", lang),
    ]
    rows = [
        [
            f"{r.delegate.name}\n{r.delegate.name_en}" if lang != "en" else r.delegate.name_en,
            _role_cell(r, lang),
            _event_cell(r.brief, r.delegate.event, lang),
            _sectors_cell(r, library, lang),
            _summary_cell(r, lang),
        ]
        for r in refs
    ]
    return Listing("delegates", [delegate_record(r) for r in refs], headers, rows)


def delegate_detail(ref: DelegateRef, library: Library, lang: str) -> DelegateDetail:
    d, b = ref.delegate, ref.brief
    event = b.event(d.event)
    targets = library.only(b.id).targets(delegate=d.id) if b.targets else []
    record = delegate_record(ref)
    listing = targets_listing([t for t in targets if t.delegate.id == d.id], library, lang)
    record["targets"] = listing.records
    event_title = pick(event.title, event.title_en, lang).replace("\n", " / ")
    fields = [
        (label("职务", "Role", lang), _role_cell(ref, lang).replace("\n", " / ")),
        (label("活动", "Event", lang), f"{event_title}, {event.date}" + (f" {event.time}" if event.time else "")),
        (label("领域", "Sectors", lang), _sectors_cell(ref, library, lang).replace("\n", ", ")),
        (label("简报", "Brief", lang), b.id),
        (label("摘要", "Summary", lang), _summary_cell(ref, lang)),
    ]
    points = [pick(p.zh, p.en, lang) for p in d.points]
    heading = d.name if lang == "zh" else d.name_en if lang == "en" else f"{d.name} {d.name_en}"
    return DelegateDetail(record, fields, points, listing, heading)


# --- briefs ----------------------------------------------------------------------------------------------

def briefs_listing(library: Library, lang: str) -> Listing:
    records = [
        {
            "id": b.id,
            "title": b.title,
            "title_en": b.title_en,
            "date": b.date,
            "outlet": b.source.outlet,
            "events": len(b.events),
            "delegates": len(b.delegates),
            "targets": len(b.targets),
            "path": b.path,
        }
        for b in library.briefs
    ]
    headers = [
        "id",
        header("标题", "Title", lang),
        header("日期", "Date", lang),
        header("代表", "Delegates", lang),
        header("数据", "Targets", lang),
        header("文件", "File", lang),
    ]
    rows = [
        [r["id"], pick(r["title"], r["title_en"], lang), r["date"], str(r["delegates"]), str(r["targets"]), r["path"]]
        for r in records
    ]
    return Listing("briefs", records, headers, rows)
