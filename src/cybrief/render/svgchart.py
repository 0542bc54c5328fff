"""Charts drawn as SVG: panels of horizontal bars on real axes, text kept as text, nothing fetched or scripted."""

from __future__ import annotations

from cybrief.brief.labels import label
from cybrief.render.panels import MARK_LABELS, MARKS, Caption, Panel
from cybrief.render.svgtext import FONT_STACK, text_width, wrap, xml

WIDTH = 760
MARGIN = 24
SIZES = {"title": 18, "subtitle": 12.5, "panel": 15, "unit": 12, "label": 12.5, "figure": 13, "tick": 11, "caption": 11}
BAR = 14  # height of a bar
TAIL = 16  # the faded end of an open-ended bar (超, 以上)
ROW_GAP = 9
FIGURES_BESIDE = 0.6  # of the width at least for the plot, else figures go under their bars
THEMES = {
    "light": {"background": "#ffffff", "text": "#1f2328", "muted": "#57606a", "grid": "#d8dee4", "axis": "#8c959f",
              "bar": "#2f6db5", "light": "#a9c4e6", "band": "#d3e2f4", "arrow": "#ffffff"},
    "dark": {"background": "#0d1117", "text": "#e6edf3", "muted": "#9da7b3", "grid": "#30363d", "axis": "#6e7681",
             "bar": "#5ca3f0", "light": "#2b5684", "band": "#1d3a5c", "arrow": "#0d1117"},
}


class _Canvas:
    """SVG elements in order, and the height drawn so far."""

    def __init__(self, theme: dict, prefix: str):
        self.parts: list[str] = []
        self.y = float(MARGIN)
        self.theme, self.prefix = theme, prefix

    def text(self, x: float, y: float, content: str, size: str, *, fill: str = "text", weight: int = 400,
             anchor: str = "start", cls: str = "", halo: bool = False) -> None:
        attrs = f' class="{cls}"' if cls else ""
        if halo:  # a rim of background under the letters, so that grid lines never cross them
            attrs += f' stroke="{self.theme["background"]}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'

        attrs += f' font-weight="{weight}"' if weight != 400 else ""
        attrs += f' text-anchor="{anchor}"' if anchor != "start" else ""
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{SIZES[size]}" fill="{self.theme[fill]}"{attrs}>'
                          f"{xml(content)}</text>")

    def lines(self, x: float, lines: list[str], size: str, gap: float = 1.35, **style) -> None:
        """Lines of text one under the other, from the current height down."""
        for line in lines:
            self.y += SIZES[size] * gap
            self.text(x, self.y, line, size, **style)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> None:
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}"{extra}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, extra: str = "") -> None:
        self.parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"{extra}/>')


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _defs(theme: dict, p: str) -> str:
    """The hatching of approximate figures and the fade of open ends; ids are prefixed, so that several charts
    inlined in one page never share one."""
    return (
        f'<defs><pattern id="{p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{theme["light"]}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{theme["bar"]}" stroke-width="2.2"/>'
        f'</pattern><linearGradient id="{p}-fade"><stop offset="0" stop-color="{theme["bar"]}"/>'
        f'<stop offset="1" stop-color="{theme["bar"]}" stop-opacity="0"/></linearGradient></defs>'
    )


def render(panels: list[Panel], caption: Caption | None, *, lang: str | None = None, theme: str = "light",
           prefix: str = "c", width: int = WIDTH) -> str:
    """The panels as one SVG image: title and filters, each panel with its axis and bars, the legend, and the
    caption with the sources. Without a caption (a chart inside a page that says all that), panels and legend only."""
    colours = THEMES[theme]
    lang = caption.lang if caption is not None else lang
    c = _Canvas(colours, prefix)
    inner = width - 2 * MARGIN
    if caption is not None:
        c.lines(MARGIN, wrap(caption.title, inner, SIZES["title"]), "title", gap=1.3, weight=700, cls="title")
        filters = "; ".join(f"{name} = {value}" for name, value in caption.filters)
        chosen = f"{label('筛选', 'Filters', lang)}{_colon(lang)}{filters}" if filters else label("全部数据", "All figures", lang)
        c.lines(MARGIN, wrap(chosen, inner, SIZES["subtitle"]), "subtitle", fill="muted", cls="filters")
    for index, panel in enumerate(panels):
        c.y += 18 if index or caption is not None else 0
        _panel(c, panel, inner, lang)
    used = [m for m in MARKS if any(b.mark == m for p in panels for b in p.bars)]
    c.y += 16
    _legend(c, used, inner, lang)
    c.y += 6
    notes = [f"{label('来源', 'Source', lang)}{_colon(lang)}{source}" for source in caption.sources] if caption else []
    if any(p.scale is not None and p.scale.log for p in panels):
        notes.append(label("对数坐标：相邻刻度相差十倍，条形长度不与数值成正比。",
                           "Log scale: each gridline is ten times the one before; bar lengths are not proportional to values.", lang))
    if any(p.listed for p in panels):
        notes.append(label("定性数字（如“万亿级”）只列出，不按数值绘制。",
                           "Qualitative figures (such as 万亿级, of the order of a trillion) are listed, not drawn.", lang))
    if caption is not None:
        from cybrief import __version__

        notes.append(f"cybrief {__version__}")
    for note in notes:
        c.lines(MARGIN, wrap(note, inner, SIZES["caption"]), "caption", fill="muted", cls="caption")
    height = round(c.y + MARGIN)
    title = xml(caption.title if caption is not None else " / ".join(p.title for p in panels))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'style="max-width:100%;height:auto" role="img" aria-labelledby="{prefix}-title" font-family="{xml(FONT_STACK)}">'
        f'<title id="{prefix}-title">{title}</title>{_defs(colours, prefix)}'
        f'<rect width="{width}" height="{height}" fill="{colours["background"]}"/>'
        + "".join(c.parts) + "</svg>\n"
    )


def _plot_width(panel: Panel, inner: float) -> float:
    """The widest plot that leaves room after every bar for its end mark and its figure."""
    scale, plot = panel.scale, inner
    for bar in panel.bars:
        reach = scale.position(bar.upper if bar.upper is not None else bar.value)
        after = 8 + text_width(bar.figure, SIZES["figure"]) + (TAIL if bar.mark in ("more", "less") else 0)
        if reach > 0:
            plot = min(plot, (inner - after) / reach)
    return plot


def _panel(c: _Canvas, panel: Panel, inner: float, lang: str) -> None:
    x0 = MARGIN
    c.parts.append(f'<g class="panel" data-unit="{xml(panel.unit)}" data-measure="{panel.measure}">')
    c.lines(x0, wrap(panel.title, inner, SIZES["panel"]), "panel", weight=700, cls="panel-title")
    if panel.scale is not None:
        scale = panel.scale
        unit = f"{label('单位', 'Unit', lang)}{_colon(lang)}{scale.unit_title}"
        if scale.log:
            unit += " · " + label("对数坐标", "log scale", lang)
        c.lines(x0, wrap(unit, inner, SIZES["unit"]), "unit", fill="muted", cls="unit")
        plot = _plot_width(panel, inner)
        below = plot < inner * FIGURES_BESIDE  # a narrow chart: each figure under its bar, the bars wide
        if below:
            plot = inner - TAIL - 20
        top = c.y + 6
        c.y = top
        grid_at = len(c.parts)  # the grid goes under the bars
        for bar in panel.bars:
            c.parts.append(f'<g class="bar" data-id="{xml(bar.ref.target.id)}" data-brief="{xml(bar.ref.brief.id)}" '
                           f'data-mark="{bar.mark}">')
            c.lines(x0 + 3, [line for text in bar.label for line in wrap(text, inner - 3, SIZES["label"])], "label",
                    gap=1.3, cls="label", halo=True)  # clear of the axis line
            y = c.y + 5
            _bar(c, bar, scale, x0, plot, y, below)
            c.parts.append("</g>")
            c.y = y + BAR + ROW_GAP + (SIZES["figure"] * 1.3 if below else 0)
        bottom = c.y - ROW_GAP + 6
        _axis(c, scale, x0, plot, top, bottom, grid_at)
        c.y = bottom + SIZES["tick"] + 6
    if panel.listed:
        c.y += 4
        c.lines(x0, [label("未绘制（定性）", "Not drawn (qualitative)", lang) + _colon(lang)], "label", fill="muted", cls="listed")
        for who, figure in panel.listed:
            c.lines(x0 + 12, wrap(f"{who}{_colon(lang)}{figure}", inner - 12, SIZES["label"]), "label", cls="listed")
    c.parts.append("</g>")


def _axis(c: _Canvas, scale, x0: float, plot: float, top: float, bottom: float, grid_at: int) -> None:
    """Grid lines at the ticks, behind the bars (inserted at `grid_at`, before them), and the tick labels under them."""
    grid = []
    for value, text in scale.ticks:
        x = x0 + scale.position(value) * plot
        grid.append(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="{c.theme["grid"]}"/>')
    c.parts[grid_at:grid_at] = grid
    origin = x0 + scale.origin * plot
    c.line(origin, top, origin, bottom, c.theme["axis"])
    c.line(x0, bottom, x0 + plot, bottom, c.theme["axis"])
    free = x0  # where the next tick label may start: labels that would collide are left out (the grid stays)
    for index, (value, text) in enumerate(scale.ticks):
        x = x0 + scale.position(value) * plot
        half = text_width(text, SIZES["tick"]) / 2
        if index == 0 and x - half < x0:
            c.text(x, bottom + SIZES["tick"] + 3, text, "tick", fill="muted", cls="tick")
            free = x + 2 * half + 8
        elif x - half >= free:
            c.text(x, bottom + SIZES["tick"] + 3, text, "tick", fill="muted", anchor="middle", cls="tick")
            free = x + half + 8


def _bar(c: _Canvas, bar, scale, x0: float, plot: float, y: float, below: bool) -> None:
    t, p = c.theme, c.prefix
    start = x0 + scale.origin * plot
    end = x0 + scale.position(bar.value) * plot
    if bar.value > 0 and end - start < 2:
        end = start + 2  # a figure above zero is never invisible
    left, right = min(start, end), max(start, end)
    value_attrs = f' class="value" data-value="{float(bar.value)!r}"'
    if bar.mark == "approx":
        c.rect(left, y, right - left, BAR, f"url(#{p}-hatch)", value_attrs + f' stroke="{t["bar"]}" stroke-width="1"')
    else:
        c.rect(left, y, right - left, BAR, t["bar"], value_attrs)
    reach = right
    if bar.mark == "range":
        upper = x0 + scale.position(bar.upper) * plot
        c.rect(right, y, upper - right, BAR, t["band"],
               f' class="band" stroke="{t["bar"]}" stroke-width="1" stroke-dasharray="3 2"')
        reach = max(upper, right)
    elif bar.mark == "more":
        c.rect(right, y, TAIL, BAR, f"url(#{p}-fade)", ' class="open-end"')
        reach = right + TAIL
    elif bar.mark == "less":
        mid = y + BAR / 2
        inside = right - left >= 20
        tip, back, colour = (right - 15, right - 3, t["arrow"]) if inside else (right + 2, right + 15, t["bar"])
        c.parts.append(f'<path class="arrow-back" d="M{back:.1f} {mid:.1f}H{tip:.1f}M{tip + 4:.1f} {mid - 4:.1f}'
                       f'L{tip:.1f} {mid:.1f}L{tip + 4:.1f} {mid + 4:.1f}" fill="none" stroke="{colour}" stroke-width="1.6"/>')
        reach = right if inside else right + 16
    if below:
        c.text(x0 + 3, y + BAR + SIZES["figure"] * 1.15, bar.figure, "figure", weight=600, cls="figure", halo=True)
    else:
        c.text(reach + 6, y + BAR / 2 + SIZES["figure"] * 0.36, bar.figure, "figure", weight=600, cls="figure", halo=True)


def _legend(c: _Canvas, marks: list[str], inner: float, lang: str) -> None:
    """A swatch and a few words for each way a figure is drawn in this chart."""
    if not marks:
        return
    x, y = MARGIN, c.y
    for mark in marks:
        words = label(*MARK_LABELS[mark], lang)
        room = 30 + text_width(words, SIZES["caption"]) + 18
        if x + room > MARGIN + inner and x > MARGIN:
            x, y = MARGIN, y + 20
        _swatch(c, mark, x, y)
        c.text(x + 30, y + 10, words, "caption", fill="muted", cls="legend")
        x += room
    c.y = y + 16


def _swatch(c: _Canvas, mark: str, x: float, y: float) -> None:
    t, p = c.theme, c.prefix
    if mark == "approx":
        c.rect(x, y, 24, 12, f"url(#{p}-hatch)", f' stroke="{t["bar"]}" stroke-width="1"')
    elif mark == "range":
        c.rect(x, y, 12, 12, t["bar"])
        c.rect(x + 12, y, 12, 12, t["band"], f' stroke="{t["bar"]}" stroke-width="1" stroke-dasharray="3 2"')
    elif mark == "more":
        c.rect(x, y, 14, 12, t["bar"])
        c.rect(x + 14, y, 10, 12, f"url(#{p}-fade)")
    else:
        c.rect(x, y, 24, 12, t["bar"])
        if mark == "less":
            c.parts.append(f'<path d="M{x + 21:.1f} {y + 6:.1f}H{x + 7:.1f}M{x + 11:.1f} {y + 2:.1f}L{x + 7:.1f} {y + 6:.1f}'
                           f'L{x + 11:.1f} {y + 10:.1f}" fill="none" stroke="{t["arrow"]}" stroke-width="1.6"/>')
