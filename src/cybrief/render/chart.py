"""Bar charts in the terminal with Rich, one per unit, and the same chart saved as an SVG image."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from cybrief.render.bars import segments
from cybrief.safety import visible

STYLES = {"solid": "cyan", "approx": "yellow", "range": "cyan dim", "mark": "bold magenta"}
FIGURE_LIMIT = 28  # cells for the figure column at most; longer figures wrap
MIN_BAR = 10


class BarChart:
    """Series of bars laid out for the console's width when printed: label, bar, figure."""

    def __init__(self, series, legend: str):
        self.series, self.legend = series, legend

    def __rich_console__(self, console, options):
        width = options.max_width
        for index, series in enumerate(self.series):
            if index:
                yield Text("")
            yield Text(visible(series.title), style="bold")
            yield self.grid(series, width)
        yield Text("")
        yield Text(self.legend, style="dim")

    def grid(self, series, width: int) -> Table:
        labels = [visible(b.label) for b in series.bars]
        figures = [visible(b.figure) for b in series.bars]
        label_width = min(max(cell_len(line) for text in labels for line in text.split("\n")), max(12, width * 2 // 5))
        figure_width = min(max(cell_len(line) for text in figures for line in text.split("\n")), FIGURE_LIMIT)
        bar_width = max(width - label_width - figure_width - 2, MIN_BAR)
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=label_width, overflow="fold")
        grid.add_column(width=bar_width, no_wrap=True)
        grid.add_column(width=figure_width, overflow="fold")
        for bar, label, figure in zip(series.bars, labels, figures):
            drawn = Text()
            for piece, kind in segments(bar, bar_width):
                drawn.append(piece, style=STYLES[kind])
            grid.add_row(Text(label), drawn, Text(figure))
        return grid


def svg(renderable, title: str, width: int = 110) -> str:
    """The renderable as an SVG image, recorded on an off-screen console of `width` cells."""
    import io
    import re

    from rich.console import Console

    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    console.print(renderable)
    image = console.export_svg(title=title)
    # Rich's template points the font at a web address; a saved chart must show offline and fetch nothing.
    return re.sub(r',\s*url\("[^"]*"\)\s*format\("[^"]*"\)', "", image)
