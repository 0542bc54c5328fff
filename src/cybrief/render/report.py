"""A briefing as GitHub-flavoured Markdown: title and source, events, each delegate, sectors, and every figure."""

from __future__ import annotations

from cybrief import __version__
from cybrief.brief.model import (
    EVENT_KIND_LABELS,
    QUALIFIER_LABELS,
    TARGET_KIND_LABELS,
    TARGET_KINDS,
    Brief,
    format_number,
)
from cybrief.library import Library
from cybrief.render.markdown import escape, escape_block, table
from cybrief.render.views import (
    basis_notes,
    delegate_name,
    label,
    marked,
    pick,
    shown_figure,
    shown_horizon,
    shown_place,
    shown_unit,
    source_text,
    target_quantity,
    time_of_day,
)

# The sector overview counts figures by kind; it never sums them (see figures/compare.py, adds_up, for why sums mislead).
KIND_COLUMNS = {"achieved": ("已实现", "Achieved"), "goal": ("目标", "Goals"), "plan": ("计划", "Plans")}


def _text(zh: str | None, en: str | None, lang: str) -> str:
    """Running text: `both` gives the Chinese, then the English as its own paragraph."""
    return pick(zh, en, lang).replace("\n", "\n\n") if lang == "both" else pick(zh, en, lang)


def report(library: Library, lang: str, charts: dict[str, str] | None = None) -> str:
    """The whole briefing for every brief of the library, one top-level section per brief.

    `charts` maps a brief's id to the file name of its chart, an image beside the Markdown file: the
    briefing then links it (a relative link, which GitHub and pandoc both follow).
    """
    return "\n".join(_brief(library.only(b.id), b, lang, (charts or {}).get(b.id)) for b in library.briefs)


def _brief(library: Library, b: Brief, lang: str, chart: str | None = None) -> str:
    out = [f"# {escape(pick(b.title, b.title_en, 'zh' if lang != 'en' else 'en'))}", ""]
    if lang == "both" and b.title_en and b.title_en != b.title:
        out += [f"*{escape(b.title_en)}*", ""]
    source = b.source
    facts = [(label("来源", "Source", lang), source_text(source, lang))]
    facts.append((label("日期", "Date", lang), b.date))
    if source.url:
        facts.append((label("链接", "Link", lang), source.url))
    facts.append((label("简报", "Brief", lang), f"{b.id} ({len(b.delegates)} {label('位代表', 'delegates', lang)}, "
                  f"{len(b.targets)} {label('项数据', 'figures', lang)})"))
    out += [f"- **{escape(k)}**: {escape(v)}" for k, v in facts] + [""]
    out += _events(b, lang)
    out += _delegates(library, b, lang)
    out += _sectors(library, b, lang)
    if chart is not None:
        title = label("图表", "Charts", lang)
        out += [f"## {escape(title)}", "", f"![{escape(label('数据图', 'Chart of the figures', lang))}]({chart})", ""]
    out += _figures(library, lang)
    out += [f"<sub>{escape(label('由 cybrief 生成', 'Made with cybrief', lang))} {__version__}</sub>", ""]
    return "\n".join(out)


def event_rows(b: Brief, lang: str) -> tuple[list[str], list[list[str]]]:
    """The events of a brief as a table: headers and rows of text (shared by the Markdown and HTML reports)."""
    headers = [label("日期", "Date", lang), label("时间", "Time", lang), label("类型", "Kind", lang),
               label("名称", "Title", lang), label("地点", "Place", lang)]
    rows = [[e.date, time_of_day(e.time, lang) or "—", label(*EVENT_KIND_LABELS[e.kind], lang), pick(e.title, e.title_en, lang),
             shown_place(e.place, None, lang).replace("\n", " / ")] for e in b.events]
    return headers, rows


def _events(b: Brief, lang: str) -> list[str]:
    return [f"## {escape(label('活动', 'Events', lang))}", "", table(*event_rows(b, lang))]


def delegate_figure_rows(refs, lang: str) -> tuple[list[str], list[list[str]]]:
    """A delegate's figures as a table: metric (marked when inferred), figure, qualifier, horizon, kind."""
    headers = [label("指标", "Metric", lang), label("数值", "Figure", lang), label("限定", "Qualifier", lang),
               label("时限", "Horizon", lang), label("类型", "Kind", lang)]
    rows = [[marked(pick(r.target.metric, r.target.metric_en, lang), r.target.basis), shown_figure(r, lang),
             qualifier_text(r, lang), shown_horizon(r.target.horizon, lang),
             label(*TARGET_KIND_LABELS[r.target.kind], lang)] for r in refs]
    return headers, rows


def _delegates(library: Library, b: Brief, lang: str) -> list[str]:
    out = [f"## {escape(label('代表发言', 'Delegates', lang))}", ""]
    for d in b.delegates:
        event = b.event(d.event)
        role = pick(d.role, d.role_en, lang).replace("\n", " / ")
        organization = pick(d.organization, d.organization_en, lang).replace("\n", " / ")
        if d.organization in d.role and (not d.organization_en or not d.role_en or d.organization_en in d.role_en):
            organization = ""  # the role already names it
        where = pick(event.title, event.title_en, lang).replace("\n", " / ")
        out += [f"### {escape(delegate_name(d, lang))}", "",
                f"*{escape(role.strip())}*" + (f", {escape(organization)}" if organization else ""),
                "", f"{escape_block(where)}, {escape(event.date)}", ""]
        for paragraph in _text(d.summary, d.summary_en, lang).split("\n\n"):
            out += [escape_block(paragraph), ""]
        if d.points:
            out += [f"**{escape(label('要点', 'Key points', lang))}**", ""]
            out += [f"- {escape_block(marked(pick(p.zh, p.en, lang), p.basis).replace(chr(10), ' / '))}" for p in d.points] + [""]
        refs = [r for r in library.targets() if r.delegate.id == d.id]
        if refs:
            out += [f"**{escape(label('数据', 'Figures', lang))}**", "", table(*delegate_figure_rows(refs, lang))]
        out += _legend({p.basis for p in d.points} | {r.target.basis for r in refs}, lang)
    return out


def qualifier_text(ref, lang: str) -> str:
    t = ref.target
    shown = label(*QUALIFIER_LABELS[t.qualifier], lang)
    if t.qualitative:
        shown += " (" + label("定性", "qualitative", lang) + ")"
    return shown


def _sectors(library: Library, b: Brief, lang: str) -> list[str]:
    return [f"## {escape(label('领域概览', 'Sectors', lang))}", "", table(*sector_rows(library, b, lang))]


def sector_rows(library: Library, b: Brief, lang: str) -> tuple[list[str], list[list[str]]]:
    """Each sector of a brief: its delegates, and its figures counted in all and by kind (never summed)."""
    refs = library.targets()
    headers = [label("领域", "Sector", lang), label("代表", "Delegates", lang), label("数据", "Figures", lang)]
    headers += [label(*KIND_COLUMNS[kind], lang) for kind in TARGET_KINDS]
    rows = []
    for s in b.sectors:
        who = [delegate_name(d, lang) for d in b.delegates if s.slug in d.sectors]
        members = [r for r in refs if r.target.sector == s.slug]
        by_kind = [str(sum(1 for r in members if r.target.kind == kind)) for kind in TARGET_KINDS]
        rows.append([label(s.zh, s.en, lang), ("、" if lang == "zh" else ", ").join(who) or "—", str(len(members))]
                    + by_kind)
    return headers, rows


def _figures(library: Library, lang: str) -> list[str]:
    return ([f"## {escape(label('全部数据', 'All figures', lang))}", "", table(*figure_rows(library, lang))]
            + _legend({r.target.basis for r in library.targets()}, lang))


def figure_rows(library: Library, lang: str) -> tuple[list[str], list[list[str]]]:
    """Every figure of the library: delegate, sector, metric, figure, value, qualifier, horizon, kind, paragraph."""
    headers = [label("代表", "Delegate", lang), label("领域", "Sector", lang), label("指标", "Metric", lang),
               label("数值", "Figure", lang), label("标准值", "Value", lang), label("限定", "Qualifier", lang),
               label("时限", "Horizon", lang), label("类型", "Kind", lang), label("段落", "¶", lang)]
    rows = []
    for r in library.targets():
        t = r.target
        s = r.brief.sector(t.sector)
        q = target_quantity(r)
        value = format_number(q.value) + (f"–{format_number(q.upper)}" if q.upper is not None else "")
        unit = "" if q.unit in ("", "fraction") else shown_unit(q.unit, "en" if lang == "en" else "zh")
        if unit == "count":
            unit = ""  # a measure word that only counts: the metric says what
        unit = (" " if unit[:1].isascii() and unit[:1].isalpha() else "") + unit
        rows.append([marked(delegate_name(r.delegate, lang), t.basis), label(s.zh, s.en, lang) if s else t.sector,
                     pick(t.metric, t.metric_en, lang), shown_figure(r, lang), value + unit, qualifier_text(r, lang),
                     shown_horizon(t.horizon, lang), label(*TARGET_KIND_LABELS[t.kind], lang), str(t.paragraph)])
    return headers, rows


def _legend(bases, lang: str) -> list[str]:
    """The legend of the inferred mark, as paragraphs, when anything shown above is inferred."""
    return [line for note in basis_notes(bases, lang) for line in (escape_block(note), "")]
