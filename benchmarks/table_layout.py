"""Laying out a table for a terminal: cybrief's table (line breaking by the Chinese rules, ids kept whole)
against a plain Rich table of the same rows, in the same process.

Usage: python benchmarks/table_layout.py [COPIES] [WIDTH]

The rows are the targets of the bundled brief in both languages, repeated COPIES times (default 40, about
a thousand rows), printed to memory at WIDTH columns (default 120). Prints the best of five runs of each
and their ratio; the goal is at most 1.5x, so that breaking lines well costs little beside Rich's own work.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

from _timing import positional

GOAL = 1.5


def main() -> None:
    copies, width = positional(__doc__, ("copies", 40, "copies of the bundled brief (default 40)"),
                               ("width", 120, "terminal columns (default 120)"))
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from cybrief.library import bundled_dir, open_library
    from cybrief.render import views
    from cybrief.render.terminal import FittedTable

    lib = open_library(Path(bundled_dir()))
    listing = views.targets_listing(lib.targets(), lib, "both")
    rows = listing.rows * copies

    def plain():
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, show_edge=False, pad_edge=False)
        for header in listing.headers:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*row)
        return table

    def best(make) -> float:
        times = []
        for _ in range(5):
            console = Console(file=io.StringIO(), width=width, color_system=None)
            start = time.perf_counter()
            console.print(make())
            times.append(time.perf_counter() - start)
        return min(times)

    rich_only = best(plain)
    cybrief = best(lambda: FittedTable(listing.headers, rows))
    ratio = cybrief / rich_only
    print(f"{len(rows)} rows at {width} columns: Rich table {rich_only * 1000:.0f} ms, cybrief table {cybrief * 1000:.0f} ms, "
          f"ratio {ratio:.2f} (goal <= {GOAL})")


if __name__ == "__main__":
    main()
