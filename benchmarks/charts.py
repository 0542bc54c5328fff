"""What the drawn chart and the HTML briefing cost, against the interpreter's own start-up.

Usage: python benchmarks/charts.py [RUNS]

Runs each command as a whole process, alternating round by round, and prints the median of each and the
median round-by-round ratio against `python -c pass` measured in the same rounds; `targets --format json`
is there as the reference of a plain command. The files are written into a temporary folder (--force).
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

from _timing import alternate, check_exit, cybrief_command, median_ratio, ms, positional


def main() -> None:
    [runs] = positional(__doc__, ("runs", 20, "rounds (default 20)"))
    cybrief = cybrief_command()
    out = Path(tempfile.mkdtemp(prefix="cybrief-bench-"))
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "json": cybrief + ["targets", "--format", "json"],
        "chart_svg": cybrief + ["chart", "--sector", "investment", "--svg", str(out / "c.svg"), "--force"],
        "chart_all_svg": cybrief + ["chart", "--svg", str(out / "all.svg"), "--force"],
        "report_md": cybrief + ["report", "-o", str(out / "b.md"), "--force"],
        "report_html": cybrief + ["report", "--format", "html", "-o", str(out / "b.html"), "--force"],
    }
    if importlib.util.find_spec("resvg_py") is not None:
        commands["chart_png"] = cybrief + ["chart", "--sector", "investment", "--png", str(out / "c.png"), "--force"]
    for argv in commands.values():
        check_exit(argv)
    times = alternate(commands, runs)
    print(f"{runs} alternating rounds, median wall time per command, and median ratio to `python -c pass`")
    for name, argv in commands.items():
        ratio = "" if name == "python" else f"{median_ratio(times, name, 'python'):6.1f}x"
        print(f"  {name:<14} {ms(times[name])} {ratio:>8}   {' '.join(argv[len(cybrief):][:4])}")
    sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir())}
    print("sizes: " + ", ".join(f"{name} {size / 1024:.1f} KiB" for name, size in sizes.items()))


if __name__ == "__main__":
    main()
