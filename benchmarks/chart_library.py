"""Drawing a chart with matplotlib or writing its SVG directly: time, file size and what the file holds.

Usage: python benchmarks/chart_library.py [RUNS]   (needs matplotlib in the same environment:
       pip install matplotlib; cybrief itself does not depend on it)

Both draw the same thing, the panels of `cybrief chart --sector investment` (bars labelled by delegate and
metric, the figure at each bar's end, approximate figures hatched, the unit's magnitude on the axis), each
in a fresh process that imports what it needs, draws and writes the file: that is what a user waits for.
matplotlib keeps text as text with svg.fonttype = none. The processes alternate round by round with
`python -c pass`, and the ratios are the medians of the round-by-round ones. Fidelity is read from the files:
how many <text> elements hold a Chinese label, and whether matplotlib had to measure Chinese text with a
font that lacks it (its "Glyph ... missing" warning), which misplaces what follows the text.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import bytecode_env, positional

DIRECT = """
import sys
from cybrief.library import open_library
from cybrief.render.panels import briefs_of, caption, panels
from cybrief.render.svgchart import render
refs = open_library().targets(sector="investment")
open(sys.argv[1], "w", encoding="utf-8").write(render(panels(refs, "both"), caption(briefs_of(refs), {"sector": "investment"}, "both")))
"""

MATPLOTLIB = """
import sys, warnings
import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
from cybrief.library import open_library
from cybrief.render.panels import panels
plt.rcParams["svg.fonttype"] = "none"  # text stays text
plt.rcParams["svg.hashsalt"] = "cybrief"
plt.rcParams["font.family"] = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans"]
drawn = panels(open_library().targets(sector="investment"), "both")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fig, axes = plt.subplots(len(drawn), 1, figsize=(7.6, 1.2 + 0.9 * sum(len(p.bars) for p in drawn)), squeeze=False)
    for ax, panel in zip(axes[:, 0], drawn):
        scale = panel.scale
        values = [float(b.value) / scale.magnitude for b in panel.bars]
        hatches = ["///" if b.mark == "approx" else "" for b in panel.bars]
        ax.barh(range(len(values)), values, hatch=hatches, color="#2f6db5")
        ax.set_yticks(range(len(values)), ["\\n".join(b.label) for b in panel.bars], fontsize=8)
        ax.invert_yaxis()
        for i, (v, b) in enumerate(zip(values, panel.bars)):
            ax.text(v, i, " " + b.figure, va="center", fontsize=8)
        ax.set_title(panel.title, loc="left", fontsize=10)
        ax.set_xlabel(scale.unit_title, fontsize=8)
        ax.grid(axis="x", color="#d8dee4")
    fig.tight_layout()
    fig.savefig(sys.argv[1], metadata={"Date": None})
missing = sum("missing from" in str(w.message) or "Glyph" in str(w.message) for w in caught)
sys.stderr.write(f"MISSING {missing}\\n")
"""


def _time(argv: list[str], env) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(argv[:3])}\n{done.stderr}")
    return elapsed, done.stderr


def _labels_as_text(path: Path) -> int:
    import re

    text = path.read_text(encoding="utf-8")
    return sum(1 for t in re.findall(r"<text[^>]*>([^<]*)", text) if "谢文辉" in t)


def main() -> None:
    [runs] = positional(__doc__, ("runs", 10, "alternating rounds (default 10)"))
    if importlib.util.find_spec("matplotlib") is None:
        sys.exit("matplotlib is not installed here: pip install matplotlib, then run this again")
    out = Path(tempfile.mkdtemp(prefix="cybrief-charts-"))
    env = bytecode_env()
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "direct": [sys.executable, "-c", DIRECT, str(out / "direct.svg")],
        "matplotlib": [sys.executable, "-c", MATPLOTLIB, str(out / "matplotlib.svg")],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    stderr = ""
    for round_ in range(runs + 1):
        for name, argv in commands.items():
            elapsed, err = _time(argv, env)
            if round_:  # the first round warms the caches and writes bytecode
                times[name].append(elapsed)
            stderr = err if name == "matplotlib" else stderr
    print(f"{runs} alternating rounds; median wall time of a process that draws and writes the chart")
    for name in commands:
        ratio = statistics.median(a / b for a, b in zip(times[name], times["python"]))
        print(f"  {name:<11} {statistics.median(times[name]) * 1000:7.1f} ms  {ratio:6.1f}x python -c pass")
    for name in ("direct", "matplotlib"):
        path = out / f"{name}.svg"
        print(f"  {name:<11} file {path.stat().st_size / 1024:6.1f} KiB, labels as <text>: {_labels_as_text(path)}")
    missing = stderr.split("MISSING ")[-1].strip() if "MISSING" in stderr else "?"
    print(f"  matplotlib warnings of glyphs missing from the font it measured with: {missing}")
    print(f"files in {out}")


if __name__ == "__main__":
    main()
