"""Terminal output with Rich: returns renderables for the CLI's console; data cells are Text, never markup."""

from __future__ import annotations

import math
import re
from itertools import chain, islice

from rich import box
from rich.cells import cell_len, get_character_cell_size
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cybrief.safety import visible

HEADER_STYLE = "bold cyan"
MATCH_STYLE = "bold reverse"
MIN_WRAPPED = 12  # terminal cells a wrapped column keeps at least
WHOLE_LIMIT = 24  # a column this narrow or less is kept whole when the width allows ...
FAIR_SHARE = 20  # ... and leaves at least this much to each column that must wrap


def _shown(value: str) -> str:
    """Text as a terminal shows it: controls as visible escapes, tabs as spaces (so widths are measurable)."""
    return visible(value).expandtabs(4)


def _text(value: str, style: str = "") -> Text:
    return Text(_shown(value), style=style)


class FittedTable:
    """A table laid out for the console's width when it is printed.

    Columns whose longest line fits are kept whole on one line (names, figures, dates), narrowest first,
    as long as the rest still get MIN_WRAPPED cells each; the remaining columns (metrics, summaries)
    share what is left in proportion to their length. Rich alone would narrow every long column alike.
    """

    def __init__(self, headers: list[str], rows: list[list[str]]):
        self.headers, self.rows = headers, rows

    def __rich_console__(self, console, options):
        yield self.layout(options.max_width)

    def layout(self, max_width: int) -> Table:
        grid = Table(
            box=box.SIMPLE_HEAD, header_style=HEADER_STYLE, show_lines=True, show_edge=False, pad_edge=False,
            padding=(0, 1, 0, 0),  # with the box's blank separator: two cells between columns
        )
        for name, width in zip(self.headers, self.widths(max_width)):
            grid.add_column(_text(name), width=width, no_wrap=False, overflow="fold")
        for row in self.rows:
            grid.add_row(*(_text(c) for c in row))
        return grid

    def widths(self, max_width: int) -> list[int]:
        count = len(self.headers)
        natural = [
            max(cell_len(line) for text in [self.headers[i]] + [row[i] for row in self.rows] for line in _shown(text).split("\n"))
            for i in range(count)
        ]
        budget = max(max_width - 2 * (count - 1), count)  # two cells between columns
        if sum(natural) <= budget:
            return natural
        widths = [0] * count
        used = 0
        for index in sorted(range(count), key=natural.__getitem__):
            others = sum(1 for w in widths if w == 0) - 1
            if natural[index] > WHOLE_LIMIT or used + natural[index] + others * FAIR_SHARE > budget:
                break
            widths[index] = natural[index]  # kept whole: names, figures, dates
            used += natural[index]
        flexible = [i for i in range(count) if widths[i] == 0]
        # The rest share what is left, long text taking more, but not in proportion (a summary must not
        # starve a role): weights grow with the square root of the natural width.
        weights = {i: math.sqrt(min(natural[i], 400)) for i in flexible}
        left = budget - used
        for index in sorted(flexible, key=natural.__getitem__):
            share = int(left * weights[index] / sum(weights[i] for i in flexible if widths[i] == 0))
            widths[index] = max(min(natural[index], share), min(MIN_WRAPPED, natural[index]), 1)
            left -= widths[index]
        while sum(widths) > budget and max(widths) > 4:  # the floors overshot: narrow the widest
            widest = widths.index(max(widths))
            widths[widest] -= 1
        return widths


def table(headers: list[str], rows: list[list[str]]) -> FittedTable:
    return FittedTable(headers, rows)


SAMPLE = 1000  # rows a streamed table measures its columns on


class StreamedTable:
    """A table too long to lay out whole, written a piece at a time in the look of FittedTable: a header, a rule,
    a blank line between rows. Column widths come from its first SAMPLE rows; a longer cell further down is
    folded to its column's width like any other. Rich lays out about a thousand rows a second; this is made
    for tens of thousands. pieces(width) yields the header as a Rich Text, then plain lines."""

    def __init__(self, headers: list[str], rows):
        self.headers, self.rows = headers, rows  # rows: any iterable, read once (the first SAMPLE, then the rest)

    def pieces(self, max_width: int, chunk: int = 500):
        rows = iter(self.rows)
        sample = list(islice(rows, SAMPLE))
        widths = FittedTable(self.headers, sample).widths(max_width)
        lines = _row_lines(self.headers, widths)
        yield Text("\n".join(lines), style=HEADER_STYLE)
        rule = "─" * (sum(widths) + 2 * (len(widths) - 1))
        blank = " " * len(rule)
        out = [rule]
        for index, row in enumerate(chain(sample, rows)):
            if index:
                out.append(blank)
            out += _row_lines(row, widths)
            if len(out) >= chunk:
                yield "\n".join(out) + "\n"
                out = []
        if out:
            yield "\n".join(out) + "\n"


def _row_lines(cells: list[str], widths: list[int]) -> list[str]:
    """The lines of one row: each cell folded to its width and padded, the cells two spaces apart."""
    columns = [_fold(_shown(cell), width) for cell, width in zip(cells, widths)]
    height = max(map(len, columns))
    return ["  ".join(column[i][0] + " " * (width - column[i][1]) if i < len(column) else " " * width
                      for column, width in zip(columns, widths)) for i in range(height)]


_WORDS = re.compile(r"\S+\s*|\s+")


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)  # printable ASCII is one cell a character


def _fold(text: str, width: int) -> list[tuple[str, int]]:
    """A cell's lines at most `width` cells wide, with their widths: broken between words, a longer word cut."""
    out = []
    for line in text.split("\n"):
        size = _cells(line)
        if size <= width:
            out.append((line, size))
        elif " " not in line:  # Chinese: cut anywhere
            out += _chop(line, width)
        else:
            current = ""
            for word in _WORDS.findall(line):
                if current and _cells(current + word.rstrip()) > width:
                    out.append((current.rstrip(), _cells(current.rstrip())))
                    current = ""
                if _cells(word.rstrip()) > width:
                    *whole, (current, _) = _chop(word, width)
                    out += whole
                else:
                    current += word
            out.append((current.rstrip(), _cells(current.rstrip())))
    return out


def _chop(text: str, width: int) -> list[tuple[str, int]]:
    """text cut into pieces of at most `width` cells (a wide character is two), with their widths."""
    pieces, start, used = [], 0, 0
    for index, ch in enumerate(text):
        size = 1 if ch < "\x7f" else get_character_cell_size(ch)
        if used + size > width and used:
            pieces.append((text[start:index], used))
            start, used = index, 0
        used += size
    pieces.append((text[start:], used))
    return pieces


def highlight(text: str, spans) -> Text:
    out, last = Text(), 0
    for start, end in spans:
        out.append(_shown(text[last:start]))
        out.append(_shown(text[start:end]), style=MATCH_STYLE)
        last = end
    out.append(_shown(text[last:]))
    return out


class Renderer:
    def listing(self, listing):
        return table(listing.headers, listing.rows)

    def listing_stream(self, listing):
        """A listing too long to lay out whole: a StreamedTable (see cli/output.py's emit)."""
        return StreamedTable(listing.headers, listing.rows_as_made())

    def details(self, details):
        parts = []
        for d in details:
            parts.append(_text(d.heading, "bold"))
            info = Table.grid(padding=(0, 2))
            info.add_column(style=HEADER_STYLE, no_wrap=True)
            info.add_column(overflow="fold")
            for label, value in d.fields:
                info.add_row(_text(label), _text(value))
            parts.append(Padding(info, (0, 0, 1, 2)))
            if d.points:
                parts.append(_text(d.points_title, HEADER_STYLE))
                for point in d.points:
                    parts.append(Padding(Text("• ") + _text(point), (0, 0, 0, 2)))
            if d.targets.rows:
                parts.append(table(d.targets.headers, d.targets.rows))
        return Group(*parts)

    def search(self, result):
        from cybrief.search.hits import pinyin_mark, snippet, who

        parts = []
        for hit in result.hits:
            head = Text.assemble((visible(who(hit, result.lang)), "bold"), ("  " + visible(hit.brief) + "  ", "dim"))
            head += _text(hit.field, HEADER_STYLE) + Text(f" ({hit.record} ", "dim") + _text(hit.record_id, "dim") + Text(")", "dim")
            if hit.match == "pinyin":
                head += Text("  " + pinyin_mark(result.lang), "italic magenta")
            text, spans = snippet(hit.text, hit.spans, result.context)
            parts += [head, Padding(highlight(text, spans), (0, 0, 1, 2), expand=False)]
        return Group(*parts)

    def sections(self, sections):
        parts = []
        for index, section in enumerate(sections):
            heading = Text.assemble(("\n" if index else "", ""), (visible(section.label), "bold"))
            heading.append(f"  ({len(section.listing.rows)})", style="dim")
            parts += [heading, table(section.listing.headers, section.listing.rows)]
        return Group(*parts)

    def chart(self, series, legend: str):
        from cybrief.render.chart import BarChart

        return BarChart(series, legend)

    def counts(self, counts):
        rows = [[brief, str(n)] for brief, n in counts.briefs] + [[counts.total_label, str(counts.total)]]
        return table(counts.headers, rows)
