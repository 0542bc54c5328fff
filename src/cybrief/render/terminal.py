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

from cybrief.render.linebreak import longest_unit, wrap
from cybrief.safety import visible

HEADER_STYLE = "bold cyan"
HEADING_STYLE = "bold cyan underline"
BULLET = "• "
SUMMARY_INDENT = 2  # cells a delegate's summary is set in under the name
MATCH_STYLE = "bold reverse"
MIN_WRAPPED = 12  # terminal cells a wrapped column keeps at least
WHOLE_LIMIT = 24  # a column this narrow or less is kept whole when the width allows ...
FAIR_SHARE = 20  # ... and leaves at least this much to each column that must wrap
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _shown(value: str) -> str:
    """Text as a terminal shows it: controls as visible escapes, tabs as spaces (so widths are measurable)."""
    return visible(value).expandtabs(4)


def _text(value: str, style: str = "") -> Text:
    return Text(_shown(value), style=style)


class Wrapped:
    """Text broken into lines where Chinese and English typography allow (render/linebreak.py), for the width
    it is given: `prefix` (a bullet) on the first line, continuation lines indented under the text, and the
    whole `indent` cells from the left."""

    def __init__(self, text: Text, prefix: str = "", indent: int = 0, hang: int | None = None):
        self.text, self.prefix, self.indent = text, prefix, indent
        self.hang = cell_len(prefix) if hang is None else hang  # cells continuation lines are set in

    def lines(self, width: int) -> list[Text]:
        lead = cell_len(self.prefix)
        room = max(width - self.indent - self.hang, 1)
        out = []
        for number, (start, end) in enumerate(wrap(self.text.plain, room, max(width - self.indent - lead, 1))):
            first = " " * self.indent + (self.prefix if number == 0 else " " * self.hang)
            out.append(Text(first) + self.text[start:end])
        return out

    def __rich_console__(self, console, options):
        for line in self.lines(options.max_width):
            line.end = "\n"
            yield line

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        fixed = self.indent + max(cell_len(self.prefix), self.hang)
        widest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(fixed + min(longest_unit(self.text.plain), widest), fixed + widest)


def wrapped(value: str, style: str = "", prefix: str = "", indent: int = 0) -> Wrapped:
    return Wrapped(_text(value, style), prefix, indent)


def _is_id(text: str) -> bool:
    """Whether a cell is an id, a date or a count: one word of ASCII letters, digits and . _ -, never folded."""
    return bool(text) and _ID.fullmatch(text) is not None


class FittedTable:
    """A table laid out for the console's width when it is printed.

    Columns of ids (and dates, counts) are never folded, whatever the width. Other columns whose longest
    line fits are kept whole on one line (names, figures), narrowest first, as long as the rest still get
    MIN_WRAPPED cells each; the remaining columns (metrics, summaries) share what is left in proportion to
    their length, each keeping its longest unbreakable piece (a word, a number) whole when it can. Cells are
    broken into lines by the Chinese line-breaking rules (render/linebreak.py). Rich alone would narrow
    every long column alike, and fold ids and numbers anywhere.
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
        widths = self.widths(max_width)
        for name, width in zip(self.headers, widths):
            grid.add_column(_broken(name, width), width=width, no_wrap=False, overflow="fold")
        for row in self.rows:
            grid.add_row(*(_broken(c, w) for c, w in zip(row, widths)))
        return grid

    def widths(self, max_width: int) -> list[int]:
        count = len(self.headers)
        columns = [[_shown(self.headers[i])] + [_shown(row[i]) for row in self.rows] for i in range(count)]
        natural = [max(cell_len(line) for text in cells for line in text.split("\n")) for cells in columns]
        budget = max(max_width - 2 * (count - 1), count)  # two cells between columns
        if sum(natural) <= budget:
            return natural
        fixed = [all(_is_id(text) for text in cells[1:]) for cells in columns]  # ids: never folded
        widths = [natural[i] if fixed[i] else 0 for i in range(count)]
        used = sum(widths)
        for index in sorted(range(count), key=natural.__getitem__):
            if fixed[index]:
                continue
            others = sum(1 for w in widths if w == 0) - 1
            if natural[index] > WHOLE_LIMIT or used + natural[index] + others * FAIR_SHARE > budget:
                break
            widths[index] = natural[index]  # kept whole: names, figures
            used += natural[index]
        flexible = [i for i in range(count) if widths[i] == 0]
        floors = {i: min(max(longest_unit(text) for text in columns[i]), natural[i]) for i in flexible}
        # The rest share what is left, long text taking more, but not in proportion (a summary must not
        # starve a role): weights grow with the square root of the natural width.
        weights = {i: math.sqrt(min(natural[i], 400)) for i in flexible}
        left = budget - used
        for index in sorted(flexible, key=natural.__getitem__):
            share = int(left * weights[index] / sum(weights[i] for i in flexible if widths[i] == 0))
            widths[index] = max(min(natural[index], share), min(MIN_WRAPPED, natural[index]), 1)
            left -= widths[index]
        while sum(widths) > budget:  # the floors overshot: narrow the column with the most to spare
            spare = [(widths[i] - floors[i], widths[i], i) for i in flexible if widths[i] > floors[i]]
            if not spare:
                spare = [(widths[i], widths[i], i) for i in range(count) if not fixed[i] and widths[i] > 4]
            if not spare:
                break
            widths[max(spare)[2]] -= 1
        if sum(widths) < budget and flexible:  # room left over: give it to a column that keeps a word whole
            for index in sorted(flexible, key=lambda i: floors[i] - widths[i], reverse=True):
                grow = min(floors[index] - widths[index], budget - sum(widths))
                if grow > 0:
                    widths[index] += grow
        return widths


def _broken(value: str, width: int) -> Text:
    """A cell as Text broken into lines of at most `width` cells by the line-breaking rules."""
    text = _text(value)
    spans = wrap(text.plain, width)
    return Text("\n").join(text[start:end] for start, end in spans)


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


# Printable ASCII and the common CJK ideographs and punctuation, whose widths (1 and 2 cells: Rich's) follow from
# their UTF-8 lengths (1 and 3 bytes); any other character is measured by Rich.
_OTHER_WIDTHS = re.compile(r"[^\x20-\x7e\u3001-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")


def _cells(text: str) -> int:
    if text.isascii():
        return len(text)  # printable ASCII is one cell a character
    if _OTHER_WIDTHS.search(text) is None:
        return (len(text.encode()) + len(text)) // 2  # a wide character is 3 bytes and 2 cells
    return cell_len(text)


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
            current, used = "", 0  # the line being filled and its cells (widths add up character by character)
            for word in _WORDS.findall(line):
                stripped = word.rstrip()
                size = _cells(stripped)
                if current and used + size > width:
                    out.append((current.rstrip(), _cells(current.rstrip())))
                    current, used = "", 0
                if size > width:
                    *whole, (current, used) = _chop(word, width)
                    out += whole
                else:
                    current += word
                    used += size if len(stripped) == len(word) else size + _cells(word[len(stripped):])
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


class DelegateCards:
    """The delegates listing on a terminal: a heading per event (its kind and date), and under it each delegate
    on one line (name, role and sectors) with the summary below, across the whole width. The columns are
    those of views.delegates_listing: name, role, event, sectors, summary."""

    def __init__(self, listing):
        self.listing = listing

    def __rich_console__(self, console, options):
        event = None
        for name, role, held, sectors, summary in self.listing.rows:
            if held != event:
                if event is not None:
                    yield Text("")
                event = held
                yield wrapped(_one_line(held, " · "), HEADING_STYLE)
            yield Text("")
            line = Text.assemble((_shown(_one_line(name, " ")), "bold"), "  ", _shown(_one_line(role, " / ")))
            line.append("  " + _shown(_one_line(sectors, "、" if "\n" not in sectors else ", ")), style="dim")
            yield Wrapped(line, hang=SUMMARY_INDENT)
            for paragraph in [p for p in summary.split("\n\n") if p.strip()]:
                yield wrapped(paragraph.strip(), indent=SUMMARY_INDENT)


class BriefCards:
    """The briefs listing on a terminal: each brief's id whole and bold with its date and counts, then its title
    and file across the whole width. The columns are those of views.briefs_listing: id, title, date,
    delegates, targets, file."""

    def __init__(self, listing):
        self.listing = listing

    def __rich_console__(self, console, options):
        counted = [_one_line(h, " ") for h in self.listing.headers[3:5]]
        for index, (brief_id, title, date, delegates, targets, path) in enumerate(self.listing.rows):
            if index:
                yield Text("")
            line = Text.assemble((_shown(brief_id), "bold"), "  ", _shown(date), "  ")
            line.append(f"{counted[0]} {delegates} · {counted[1]} {targets}", style="dim")
            yield Wrapped(line, hang=SUMMARY_INDENT)
            for part in title.split("\n"):
                yield wrapped(part, indent=SUMMARY_INDENT)
            yield wrapped(path, "dim", indent=SUMMARY_INDENT)


def _one_line(text: str, between: str) -> str:
    return between.join(part for part in text.split("\n") if part)


def _notes(notes) -> list:
    """Legend lines under a table (what a mark in it means), after a blank line."""
    return [Text(""), *(_text(note, "dim") for note in notes)] if notes else []


class Renderer:
    def listing(self, listing):
        if listing.kind == "delegates":
            shown = DelegateCards(listing)
        elif listing.kind == "briefs":
            shown = BriefCards(listing)
        else:
            shown = table(listing.headers, listing.rows)
        return Group(shown, *_notes(listing.notes)) if listing.notes else shown

    def listing_stream(self, listing):
        """A listing too long to lay out whole: a StreamedTable (see cli/output.py's emit)."""
        return StreamedTable(listing.headers, listing.rows_as_made())

    def details(self, details):
        parts = []
        for d in details:
            parts.append(wrapped(d.heading, "bold"))
            info = Table.grid(padding=(0, 2), pad_edge=False)
            info.add_column(style=HEADER_STYLE, no_wrap=True)
            info.add_column()
            for label, value in d.fields:
                info.add_row(_text(label), Group(*(wrapped(p) for p in value.split("\n\n"))) if value else Text(""))
            parts.append(Padding(info, (0, 0, 1, 2)))
            if d.points:
                parts.append(_text(d.points_title, HEADER_STYLE))
                for point in d.points:
                    first, _, rest = point.partition("\n")
                    parts.append(wrapped(first, prefix=BULLET, indent=2))
                    if rest:
                        parts.append(wrapped(rest.replace("\n", " "), prefix=" " * cell_len(BULLET), indent=2))
            if d.targets.rows:
                parts.append(table(d.targets.headers, d.targets.rows))
            parts += _notes(d.notes)
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
            parts += [Wrapped(head), Padding(Wrapped(highlight(text, spans)), (0, 0, 1, 2), expand=False)]
        return Group(*parts)

    def sections(self, sections):
        parts = []
        for index, section in enumerate(sections):
            heading = Text.assemble(("\n" if index else "", ""), (visible(section.label), "bold"))
            heading.append(f"  ({len(section.listing.rows)})", style="dim")
            parts += [heading, table(section.listing.headers, section.listing.rows)]
        parts += _notes(dict.fromkeys(note for section in sections for note in section.listing.notes))
        return Group(*parts)

    def chart(self, series, legend: str):
        from cybrief.render.chart import BarChart

        return BarChart(series, legend)

    def counts(self, counts):
        rows = [[brief, str(n)] for brief, n in counts.briefs] + [[counts.total_label, str(counts.total)]]
        return table(counts.headers, rows)
