"""The fuzz targets of fuzz/targets.py, each for a bounded number of inputs with a fixed seed, in the test run.

Long runs: `python fuzz/run.py --seconds 600`, or `--engine atheris` where atheris is installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from fuzz.run import run_hypothesis  # noqa: E402
from fuzz.targets import TARGETS, Target  # noqa: E402

RUNS = 400  # per target: a few seconds
FEWER = {"draft": 100}  # a draft of a 16 KB line takes a tenth of a second


def test_every_target_has_seeds():
    assert sorted(TARGETS) == ["draft", "figure", "loader", "regex", "terms"]
    for target in TARGETS.values():
        assert len(target.seeds()) >= 5, target.name


def test_ci_fuzzes_every_target():
    """.ci/run names no target, so that fuzz/run.py runs all of them, a new one included."""
    [line] = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if "fuzz/run.py" in line]
    words = line.split()
    named = [w for w in words[words.index("fuzz/run.py") + 1:] if not w.startswith("-") and not w.replace(".", "").isdigit()]
    assert named == [], named


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_target_survives_a_bounded_run(name):
    runs = FEWER.get(name, RUNS)
    assert run_hypothesis(TARGETS[name], runs=runs, seconds=120, seed=1, quiet=True) >= runs


def test_a_target_that_fails_is_caught():
    """The harness reports a failure: a target that breaks on any input containing a colon."""
    def fragile(data: bytes) -> None:
        assert b":" not in data

    with pytest.raises(AssertionError):
        run_hypothesis(Target("fragile", fragile, ["tests/fixtures/mini.yaml"], ()), runs=50, seconds=60, quiet=True)


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed (the fuzz extra)")
def test_atheris_engine_runs():
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "run.py"), "loader", "--engine", "atheris", "--runs", "300", "--seconds", "60"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Done 300 runs" in done.stderr
