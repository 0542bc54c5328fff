"""Bar charts in the terminal with Rich, one per unit (render/svgchart.py draws them as images)."""

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
        bars = [b for series in self.series for b in series.bars]
        widths = self.widths(bars, options.max_width)
        for index, series in enumerate(self.series):
            if index:
                yield Text("")
            yield Text(visible(series.title), style="bold")
            yield self.grid(series, widths)
        yield Text("")
        yield Text(self.legend, style="dim")

    @staticmethod
    def widths(bars, width: int) -> tuple[int, int, int]:
        """Label, bar and figure widths shared by every series, so that their bars line up."""
        longest = lambda texts: max((cell_len(line) for text in texts for line in visible(text).split("\n")), default=1)  # noqa: E731
        label_width = min(longest(b.label for b in bars), max(12, width * 2 // 5))
        figure_width = min(longest(b.figure for b in bars), FIGURE_LIMIT)
        return label_width, max(width - label_width - figure_width - 2, MIN_BAR), figure_width

    def grid(self, series, widths: tuple[int, int, int]) -> Table:
        label_width, bar_width, figure_width = widths
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=label_width, overflow="fold")
        grid.add_column(width=bar_width, no_wrap=True)
        grid.add_column(width=figure_width, overflow="fold")
        for bar in series.bars:
            drawn = Text()
            for piece, kind in segments(bar, bar_width):
                drawn.append(piece, style=STYLES[kind])
            grid.add_row(Text(visible(bar.label)), drawn, Text(visible(bar.figure)))
        return grid
