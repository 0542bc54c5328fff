"""Query results shaped for output: JSON-contract records and the human columns of tables, per language."""

from __future__ import annotations

from cybrief.brief.labels import header, label, pick, time_of_day  # noqa: F401 - re-exported
from cybrief.brief.model import (
    EVENT_KIND_LABELS,
    TARGET_KIND_LABELS,
    Brief,
    Delegate,
    Event,
)
from cybrief.brief import records
from cybrief.brief.records import DELEGATE_COLUMNS, RANGE_MARKS, TARGET_COLUMNS  # noqa: F401 - re-exported
from cybrief.library import DelegateRef, Library, TargetRef
from cybrief.render.wording import (  # noqa: F401 - re-exported
    BASIS_LEGEND,
    INFERRED_MARK,
    basis_notes,
    marked,
    region_en,
    shown_horizon,
    shown_place,
    shown_unit,
    source_text,
)
from cybrief.search.hits import (  # noqa: F401 - re-exported
    Hit,
    SearchCounts,
    SearchResult,
    pinyin_mark,
    snippet,
    who,
)

BRIEF_COLUMNS = ("id", "title", "title_en", "language", "date", "outlet", "outlet_en", "reporter", "reporter_en",
                 "published", "url", "events", "delegates", "targets", "path")
# Review markers are for the people finishing a brief (`cybrief validate --strict`), not data: no record has them.
EVENT_COLUMNS = ("brief",) + tuple(f.name for f in Event.FIELDS if f.name != "review")
SECTOR_COLUMNS = ("brief", "slug", "zh", "en")
GROUP_COLUMNS = ("group",) + TARGET_COLUMNS  # targets --group-by in CSV
CHART_COLUMNS = TARGET_COLUMNS + ("share_of_max", "mark")
HIT_COLUMNS = ("brief", "delegate", "delegate_name", "record", "record_id", "field", "text", "spans", "score", "match")


class Listing:
    """Rows of one kind (targets, delegates, briefs ...): `records` and their `columns` for JSON/CSV,
    `headers`/`rows` for people, and `notes`, the legend lines shown under a table (what a mark means)."""

    __slots__ = ("kind", "records", "columns", "headers", "_rows", "notes")

    def __init__(self, kind: str, records: list[dict], headers: list[str], rows, columns: tuple[str, ...],
                 notes: tuple[str, ...] = ()):
        # rows: a list, or a function that makes them when first needed (JSON and CSV never need them)
        self.kind, self.records, self.headers, self._rows, self.columns = kind, records, headers, rows, columns
        self.notes = notes

    @property
    def rows(self) -> list[list[str]]:
        if callable(self._rows):
            self._rows = list(self._rows())
        return self._rows

    def rows_as_made(self):
        """The rows one by one as they are made, for output written as it is made (a long listing)."""
        return iter(self._rows()) if callable(self._rows) else iter(self._rows)


class DelegateDetail:
    """One delegate in full, with their targets; `fields` are (label, text) pairs for people, and the titles
    of the key points and of the figures are in the language asked for; `notes` are legend lines shown last."""

    __slots__ = ("record", "fields", "points", "targets", "heading", "points_title", "targets_title", "notes")

    def __init__(self, record: dict, fields: list[tuple[str, str]], points: list[str], targets: Listing, heading: str,
                 points_title: str = "Key points", targets_title: str = "Figures", notes: tuple[str, ...] = ()):
        self.record, self.fields, self.points, self.targets, self.heading = record, fields, points, targets, heading
        self.points_title, self.targets_title, self.notes = points_title, targets_title, notes


DRAFT_MARK = ("草稿", "draft")  # beside the name of what comes from a draft (a brief with fields marked for review)


def drafted(text: str, brief: Brief, library: Library, lang: str) -> str:
    """Text (a name, a title) with the draft mark on a line of its own when the brief is a draft."""
    return _drafted(text, brief.id, library, lang)


def _drafted(text: str, brief_id: str, library: Library, lang: str) -> str:
    if brief_id not in getattr(library, "drafts", ()):
        return text
    return f"{text}\n({label(*DRAFT_MARK, lang)})"


def delegate_name(delegate: Delegate, lang: str) -> str:
    """A delegate's name in the language asked for, on one line: 刘勇, Liu Yong, or 刘勇 Liu Yong."""
    return label(delegate.name, delegate.name_en, lang)


# --- targets ---------------------------------------------------------------------------------------------

def target_quantity(ref: TargetRef):
    """The target's figure as a Quantity: parsed from the figure, or for a qualitative one the author's reading."""
    return records.quantity(ref.facts)


def shown_figure(ref: TargetRef, lang: str) -> str:
    """The figure as written (zh), in English from its parsed value (en), or both on two lines (once if the same)."""
    if ref.figure_en is not None:  # made by the index when it read the brief (see brief/records.py)
        return ref.record["figure"] if lang == "zh" else pick(ref.record["figure"], ref.figure_en, lang)
    t = ref.target
    if lang == "zh":
        return t.figure
    return pick(t.figure, records.english_figure(t), lang)


def target_record(ref: TargetRef, copy: bool = True) -> dict:
    """The target's record: the one the index stored (see library.indexed), copied unless `copy` is false (for a
    listing, which changes none of its records), else made here."""
    stored = ref.record
    if stored is not None:
        return dict(stored) if copy else stored
    return records.target_record(ref.brief, ref.target, ref.delegate)


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
        for ref in refs:
            if ref.figure_en is not None:  # from the index: no target made
                yield _stored_target_row(ref, library, lang)
                continue
            t = ref.target
            sector = ref.brief.sector(t.sector) or library.sector(t.sector)
            yield [
                marked(drafted(pick(ref.delegate.name, ref.delegate.name_en, lang), ref.brief, library, lang), t.basis),
                pick(sector.zh, sector.en, lang) if sector else t.sector,
                shown_place(t.region, t.region_en, lang),
                pick(t.metric, t.metric_en, lang),
                shown_figure(ref, lang),
                shown_horizon(t.horizon, lang),
                pick(*TARGET_KIND_LABELS[t.kind], lang),
            ]

    made = [target_record(r, copy=False) for r in refs]
    return Listing("targets", made, headers, rows, TARGET_COLUMNS, basis_notes({m["basis"] for m in made}, lang))


def _stored_target_row(ref, library: Library, lang: str) -> list[str]:
    """A row of targets_listing from what the index stored (library.stored_refs.StoredTargetRef): the same cells."""
    r = ref.record
    slug = r["sector"]
    sector = ref.brief_sector(slug)
    if sector is None:
        found = library.sector(slug)
        sector = (found.zh, found.en) if found else None
    return [
        marked(_drafted(pick(r["delegate_name"], ref.delegate_name_en, lang), r["brief"], library, lang), r["basis"]),
        pick(*sector, lang) if sector else slug,
        shown_place(r["region"], r["region_en"], lang),
        pick(r["metric"], r["metric_en"], lang),
        shown_figure(ref, lang),
        shown_horizon(r["horizon"], lang),
        pick(*TARGET_KIND_LABELS[r["kind"]], lang),
    ]


# --- delegates -------------------------------------------------------------------------------------------

def delegate_record(ref: DelegateRef, copy: bool = True) -> dict:
    """As target_record, for a delegate (delegate_detail adds its targets to the copy)."""
    stored = ref.record
    if stored is not None:
        return dict(stored) if copy else stored
    return records.delegate_record(ref.brief, ref.delegate)


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
    when = event.date + (f" {time_of_day(event.time, lang)}" if event.time else "")
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
    def rows():  # made only for people: JSON and CSV take the records, which the index may have made already
        for r in refs:
            yield [
                drafted(pick(r.delegate.name, r.delegate.name_en, lang), r.brief, library, lang),
                _role_cell(r, lang),
                _event_cell(r.brief, r.delegate.event, lang),
                _sectors_cell(r, library, lang),
                _summary_cell(r, lang),
            ]

    return Listing("delegates", [delegate_record(r, copy=False) for r in refs], headers, rows, DELEGATE_COLUMNS)


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
        (label("活动", "Event", lang), f"{event_title}, {event.date}" + (f" {time_of_day(event.time, lang)}" if event.time else "")),
        (label("领域", "Sectors", lang), _sectors_cell(ref, library, lang).replace("\n", ", ")),
        (label("简报", "Brief", lang), b.id),
        (label("摘要", "Summary", lang), _summary_cell(ref, lang)),
    ]
    if d.terms:
        fields.append((label("原文用语", "Source terms", lang), "、".join(d.terms)))
    points = [marked(pick(p.zh, p.en, lang), p.basis) for p in d.points]
    notes = basis_notes({p.basis for p in d.points} | {r.target.basis for r in targets if r.delegate.id == d.id}, lang)
    heading = drafted(delegate_name(d, lang), b, library, lang).replace("\n", " ")
    return DelegateDetail(record, fields, points, listing, heading,
                          label("要点", "Key points", lang), label("数据", "Figures", lang), notes)


# --- briefs ----------------------------------------------------------------------------------------------

def brief_record(b: Brief) -> dict:
    return {  # BRIEF_COLUMNS
        "id": b.id,
        "title": b.title,
        "title_en": b.title_en,
        "language": b.language,
        "date": b.date,
        "outlet": b.source.outlet,
        "outlet_en": b.source.outlet_en,
        "reporter": b.source.reporter,
        "reporter_en": b.source.reporter_en,
        "published": b.source.published,
        "url": b.source.url,
        "events": len(b.events),
        "delegates": len(b.delegates),
        "targets": len(b.targets),
        "path": b.path,
    }


def briefs_listing(library: Library, lang: str) -> Listing:
    records = [brief_record(b) for b in library.briefs]
    headers = [
        "id",
        header("标题", "Title", lang),
        header("日期", "Date", lang),
        header("代表", "Delegates", lang),
        header("数据", "Targets", lang),
        header("文件", "File", lang),
    ]
    rows = [
        [r["id"], drafted(pick(r["title"], r["title_en"], lang), b, library, lang), r["date"], str(r["delegates"]),
         str(r["targets"]), r["path"]]
        for b, r in zip(library.briefs, records)
    ]
    return Listing("briefs", records, headers, rows, BRIEF_COLUMNS)


# --- events and sectors: exported tables ------------------------------------------------------------------

def event_record(b: Brief, event: Event) -> dict:
    return {"brief": b.id, **{name: getattr(event, name) for name in EVENT_COLUMNS[1:]}}


def sector_records(b: Brief) -> list[dict]:
    return [{"brief": b.id, "slug": s.slug, "zh": s.zh, "en": s.en} for s in b.sectors]  # SECTOR_COLUMNS


# --- the cache folder ------------------------------------------------------------------------------------

CACHE_COLUMNS = ("path", "bytes", "library")


def caches_listing(entries, lang: str) -> Listing:
    """The files of the cache folder (index.caches.Entry): path, bytes and the library each is for."""
    records = [e.as_dict() for e in entries]
    headers = [header("文件", "File", lang), header("大小", "Size", lang), header("简报库", "Library", lang)]
    rows = [[r["path"], megabytes(r["bytes"]), r["library"] or "—"] for r in records]
    return Listing("caches", records, headers, rows, CACHE_COLUMNS)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
