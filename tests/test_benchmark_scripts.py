"""The benchmark scripts answer --help with their usage, and a bad argument with one line: never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_") and p.name != "bare_typer_app.py")


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_benchmark_prints_its_usage(script):
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), "--help"], capture_output=True, text=True,
                          timeout=120, cwd=BENCHMARKS.parent)
    assert done.returncode == 0 and done.stdout.startswith("usage:"), done.stderr[-600:]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("script", ["startup.py", "charts.py", "chart_library.py", "index_layouts.py", "table_layout.py"])
def test_a_count_that_is_not_a_number_is_one_line(script):
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), "many"], capture_output=True, text=True,
                          timeout=120, cwd=BENCHMARKS.parent)
    assert done.returncode == 2 and "invalid int value: 'many'" in done.stderr and "Traceback" not in done.stderr


def test_the_draft_benchmark_scores_a_range_by_its_lower_bound(tmp_path):
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "01.txt").write_text("3月5日，全国人大代表、东岭市市长张明表示，今年增长7%至7.5%。\n", encoding="utf-8")
    (gold / "01.yaml").write_text(
        'article: "01"\nevents: []\n'
        'speakers:\n  - {name: "张明", role: "全国人大代表、东岭市市长", organization: "东岭市", paragraphs: [1]}\n'
        'figures:\n  - {speaker: "张明", text: "7%至7.5%", value: "7-7.5", unit: "%", qualifier: exact}\n',
        encoding="utf-8")
    done = subprocess.run([sys.executable, str(BENCHMARKS / "draft_quality.py"), "--articles", str(articles), "--gold", str(gold)],
                          capture_output=True, text=True, timeout=300, cwd=BENCHMARKS.parent)
    assert done.returncode == 0, done.stderr[-600:]
    total = next(line for line in done.stdout.splitlines() if line.startswith("| **total**")).split("|")
    assert total[6].split() == ["1/1", "100%"] and total[7].split() == ["1/1", "100%"]  # figures right: recall, precision
