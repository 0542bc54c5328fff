"""Draw the chart shown in the documentation: the bundled brief's industrial-investment figures, in English.

Usage: python tools/make_docs_chart.py [OUT]   (default docs/chart-investment.svg)

It is what `cybrief chart --sector investment --lang en --svg OUT --library briefs` draws; a test checks that
the committed file is what this script makes, so rerun it after changing how charts are drawn.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cybrief.library import open_library  # noqa: E402
from cybrief.render.panels import briefs_of, caption, panels  # noqa: E402
from cybrief.render.svgchart import render  # noqa: E402

OUT = ROOT / "docs" / "chart-investment.svg"
SECTOR, LANG = "investment", "en"


def chart() -> str:
    refs = open_library(ROOT / "briefs").targets(sector=SECTOR)
    return render(panels(refs, LANG), caption(briefs_of(refs), {"sector": SECTOR}, LANG))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.write_text(chart(), encoding="utf-8", newline="\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
