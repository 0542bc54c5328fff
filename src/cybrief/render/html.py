"""The briefing as one self-contained HTML page: no script, nothing fetched, charts inline, a print style for A4."""

from __future__ import annotations

from cybrief import __version__
from cybrief.brief.labels import label, pick
from cybrief.library import Library
from cybrief.brief.model import EVENT_KIND_LABELS, Brief
from cybrief.render.svgtext import FONT_STACK, xml
from cybrief.render.report import delegate_figure_rows, event_rows, figure_rows, sector_rows
from cybrief.render.views import delegate_name, time_of_day

# The page's own style: readable from a phone (390 px) to a desktop, tables folding into cards on narrow
# screens, and an A4 print layout. No web font: the stack names the Chinese fonts each system ships.
CSS = """
:root { --text: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #2f6db5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: FONT; color: var(--text); background: #fff; line-height: 1.6; font-size: 16px; }
/* a long word or address may break anywhere in running text; in a table cell only where nothing else can, so
   that the table gives each column at least a short word's width */
h1, h2, h3, p, li, dd { overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.65rem; line-height: 1.3; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .2rem; }
.subtitle { color: var(--muted); font-style: italic; margin: 0 0 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.role { color: var(--muted); margin: 0; }
.cite { color: var(--muted); font-size: .85em; white-space: nowrap; }
.basis { color: var(--muted); font-size: .8em; border: 1px solid var(--line); border-radius: .3em; padding: 0 .3em; }
.terms { list-style: none; padding: 0; margin: .4rem 0; }
.terms li { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 1em;
            padding: 0 .7em; margin: 0 .35em .35em 0; font-size: .9em; }
.lead { font-weight: 600; margin: .8rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .4rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top;
         min-width: 3.2em; }
th { background: var(--soft); font-weight: 600; }
td.num { white-space: nowrap; }
figure { margin: 1rem 0 1.5rem; }
figure svg { display: block; max-width: 100%; height: auto; }
.chart .narrow { display: none; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2.5rem; }
a { color: var(--accent); }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  table.rows thead { display: none; }
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: 100%; }
  table.rows tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.rows td { border: 0; padding: .05rem 0; }
  table.rows td::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  td.num { white-space: normal; }
  .chart .wide { display: none; }
  .chart .narrow { display: block; }
}
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 1.4rem; }
  h3, .role, .lead { break-after: avoid; }
  .chart .wide { display: block; }
  .chart .narrow { display: none; }
  tr, figure, .terms li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  th { background: none; }
  table { font-size: 8pt; }
  th, td { padding: .2rem .3rem; }
  td.num { white-space: normal; }
}
""".replace("FONT", FONT_STACK)


def _text(text: str) -> str:
    """Escaped text; a line break in it (the English under the Chinese) stays a line break."""
    return "<br>".join(xml(line) for line in str(text).split("\n"))


def _table(headers: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> str:
    """A table whose rows fold into labelled cards on a narrow screen (the header becomes each cell's label)."""
    flat = [h.replace("\n", " ") for h in headers]
    head = "".join(f"<th>{_text(h)}</th>" for h in flat)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{xml(flat[i])}"{" class=num" if i in numeric else ""}>{_text(cell)}</td>'
                         for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f'<table class="rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _paragraphs(numbers, mark: bool = True) -> str:
    """Paragraph citations, runs joined: ¶ 4–6, 8 (without the ¶ in a column headed by one)."""
    numbers = sorted(set(numbers))
    runs, start = [], None
    for i, n in enumerate(numbers):
        start = n if start is None else start
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            runs.append(f"{start}–{n}" if n > start else str(n))
            start = None
    return ("¶ " if mark else "") + ", ".join(runs) if runs else ""


def page(library: Library, lang: str, charts: bool = True) -> str:
    """The whole briefing, every brief of the library, as one HTML document."""
    html_lang = "en" if lang == "en" else "zh-Hans"
    briefs = library.briefs
    title = pick(briefs[0].title, briefs[0].title_en, "en" if lang == "en" else "zh") if len(briefs) == 1 else "cybrief"
    body = "".join(_brief(library.only(b.id), b, lang, charts, n) for n, b in enumerate(briefs))
    made = f"{label('由 cybrief 生成', 'Made with cybrief', lang)} {__version__}"
    note = label("¶ 为原报道的段落序号（自标题起算）。", "¶ numbers the paragraphs of the source report, from its headline.", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        f"<title>{xml(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}"
        f"<footer><p>{xml(note)}</p><p>{xml(made)}</p></footer>\n</main>\n</body>\n</html>\n"
    )


def _brief(library: Library, b: Brief, lang: str, charts: bool, n: int) -> str:
    out = [f'<article id="{xml(b.id)}">', f"<h1>{xml(pick(b.title, b.title_en, 'en' if lang == 'en' else 'zh'))}</h1>"]
    if lang == "both" and b.title_en and b.title_en != b.title:
        out.append(f'<p class="subtitle" lang="en">{xml(b.title_en)}</p>')
    source = b.source
    facts = [(label("来源", "Source", lang), xml(", ".join(p for p in (source.outlet, source.reporter) if p))),
             (label("日期", "Date", lang), xml(b.date))]
    if source.url:
        facts.append((label("链接", "Link", lang), f'<a href="{xml(source.url)}" rel="noreferrer">{xml(source.url)}</a>'))
    facts.append((label("简报", "Brief", lang), xml(f"{b.id} ({len(b.delegates)} {label('位代表', 'delegates', lang)}, "
                                                  f"{len(b.targets)} {label('项数据', 'figures', lang)})")))
    out.append('<dl class="facts">' + "".join(f"<dt>{xml(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    out.append(f"<h2>{xml(label('活动', 'Events', lang))}</h2>")
    headers, rows = event_rows(b, lang)
    for row, event in zip(rows, b.events):
        row.append(_paragraphs([event.paragraph], mark=False) if event.paragraph else "—")
    out.append(_table(headers + ["¶"], rows, numeric=(0, 5)))
    for event in b.events:
        if event.terms:
            kind = label(*EVENT_KIND_LABELS[event.kind], lang)
            out.append(f'<p class="lead">{xml(kind)} {xml(event.date)} · {xml(label("用语", "Terms", lang))}</p>' + _terms(event.terms))
    out.append(f"<h2>{xml(label('代表发言', 'Delegates', lang))}</h2>")
    for d in b.delegates:
        out.append(_delegate(library, b, d, lang))
    out.append(f"<h2>{xml(label('领域概览', 'Sectors', lang))}</h2>")
    out.append(_table(*sector_rows(library, b, lang), numeric=(2, 3, 4, 5)))
    if charts and library.targets():
        out.append(_charts(library, lang, n))
    out.append(f"<h2>{xml(label('全部数据', 'All figures', lang))}</h2>")
    headers, rows = figure_rows(library, lang)
    for row in rows:
        row[-1] = _paragraphs([int(row[-1])], mark=False)
    out.append(_table(headers, rows, numeric=(3, 4, 8)))
    out.append("</article>\n")
    return "\n".join(out)


def _terms(terms) -> str:
    return '<ul class="terms">' + "".join(f"<li>{xml(t)}</li>" for t in terms) + "</ul>"


def _delegate(library: Library, b: Brief, d, lang: str) -> str:
    event = b.event(d.event)
    role = pick(d.role, d.role_en, lang)
    organization = pick(d.organization, d.organization_en, lang)
    if d.organization in d.role and (not d.organization_en or not d.role_en or d.organization_en in d.role_en):
        organization = ""  # the role already names it
    when = event.date + (f" {time_of_day(event.time, lang)}" if event.time else "")
    cite = f' <span class="cite">{xml(_paragraphs(d.paragraphs))}</span>' if d.paragraphs else ""
    out = [f'<section class="delegate" id="{xml(b.id)}--{xml(d.id)}">', f"<h3>{xml(delegate_name(d, lang))}</h3>",
           f'<p class="role">{_text(role)}' + (f"<br>{_text(organization)}" if organization else "") + "</p>",
           f'<p class="role">{_text(pick(event.title, event.title_en, lang))}, {xml(when)}</p>']
    summaries = [d.summary, d.summary_en] if lang == "both" else [pick(d.summary, d.summary_en, lang)]
    out += [f"<p>{xml(text)}{cite if i == len(summaries) - 1 else ''}</p>" for i, text in enumerate(summaries) if text]
    if d.points:
        out.append(f'<p class="lead">{xml(label("要点", "Key points", lang))}</p><ul>')
        for p in d.points:
            inferred = ""
            if p.basis == "inferred":
                tip = f' title="{xml(p.basis_note)}"' if p.basis_note else ""
                inferred = f' <span class="basis"{tip}>{xml(label("推断", "inferred", lang))}</span>'
            out.append(f"<li>{_text(pick(p.zh, p.en, lang))}{inferred}</li>")
        out.append("</ul>")
    if d.terms:
        out.append(f'<p class="lead">{xml(label("用语", "Terms", lang))}</p>' + _terms(d.terms))
    refs = [r for r in library.targets() if r.delegate.id == d.id]
    if refs:
        headers, rows = delegate_figure_rows(refs, lang)
        for row, ref in zip(rows, refs):
            row.append(_paragraphs([ref.target.paragraph], mark=False))
        out.append(f'<p class="lead">{xml(label("数据", "Figures", lang))}</p>' + _table(headers + ["¶"], rows, numeric=(1, 5)))
    out.append("</section>")
    return "\n".join(out)


NARROW = 380  # a chart drawn for a phone's width, so that its text is not shrunk to a third


def _charts(library: Library, lang: str, n: int) -> str:
    """One figure per panel, inline as SVG (its text selectable, nothing to load): drawn once for wide screens
    and print, once for narrow screens; the page's style shows one of the two."""
    from cybrief.render.panels import panels
    from cybrief.render.svgchart import render

    out = [f"<h2>{xml(label('图表', 'Charts', lang))}</h2>"]
    for i, panel in enumerate(panels(library.targets(), lang)):
        wide = render([panel], None, lang=lang, prefix=f"b{n}c{i}w")
        narrow = render([panel], None, lang=lang, prefix=f"b{n}c{i}n", width=NARROW)
        out.append(f'<figure class="chart"><div class="wide">{wide}</div><div class="narrow">{narrow}</div></figure>')
    return "\n".join(out)
