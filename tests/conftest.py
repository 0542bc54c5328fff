"""Shared fixtures: paths to the test briefs, a CLI runner, and a private cache folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from cybrief.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
BUNDLED = ROOT / "briefs"
MINI = FIXTURES / "mini.yaml"

runner = CliRunner()

# Property tests: a fixed seed (derandomize) and a bounded number of examples, so that a run is
# reproducible and fast; no example database, so that results do not depend on earlier runs.
# CYBRIEF_HYPOTHESIS=long runs many more examples (for a release, or after changing the loader).
settings.register_profile(
    "ci", max_examples=150, derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=5000)
settings.load_profile(os.environ.get("CYBRIEF_HYPOTHESIS", "ci"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test reads or writes the user's cache, or depends on the caller's environment."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("CYBRIEF_LIBRARY", "CYBRIEF_NO_CACHE", "CYBRIEF_MAX_BYTES", "NO_COLOR", "FORCE_COLOR", "CYBRIEF_DEBUG",
                 "CYBRIEF_LANG", "CYBRIEF_FORMAT", "CYBRIEF_PAGER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


def run(*args: str, library: Path | None = BUNDLED):
    """Invoke the CLI in-process; stdout and stderr are kept apart (result.stdout, result.stderr)."""
    argv = list(args)
    if library is not None:
        argv += ["--library", str(library)]
    return runner.invoke(app, argv)


OLD = 1_600_000_000_000_000_000  # a modification time long past, so that no file is "too recent to trust"


def mixed_library(tmp_path: Path) -> Path:
    """A library of three briefs in two folders: the small one, the bundled one, and the bundled one in
    traditional characters (another id, a year older), every file and folder with an old time."""
    import os
    import shutil

    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(MINI, folder / "mini.yaml")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder / "sub" / "cq.yaml")
    text = (BUNDLED / "chongqing-2026-03-chengyu.yaml").read_text(encoding="utf-8")
    hant = text.replace("id: chongqing-2026-03-chengyu", "id: hant").replace("电网", "電網").replace("特高压", "特高壓")
    (folder / "sub" / "hant.yaml").write_text(hant.replace("2026-03-07", "2025-03-07"), encoding="utf-8")
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, ns=(OLD, OLD))
    return folder


def listing_outputs(folder: Path, monkeypatch, cached: bool, runs) -> list:
    """(arguments, format, exit code, stdout, stderr) of each (arguments, format) run on a library, from its
    index (cached) or from the files alone: tests compare the two byte for byte."""
    if cached:
        monkeypatch.delenv("CYBRIEF_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    found = []
    for args, fmt in runs:
        result = run(*args, "--format", fmt, library=folder)
        found.append((args, fmt, result.exit_code, result.stdout, result.stderr))
    return found
