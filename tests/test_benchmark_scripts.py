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
