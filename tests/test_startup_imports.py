"""Start-up guard: the JSON and Markdown paths import no heavy module (pydantic, Rich), and a warm run no YAML.

Listings are answered from the library's index, so they import SQLite (its C module costs about a millisecond;
reading a cache file of parsed briefs and rebuilding their records cost more, as benchmarks/startup.py shows).

A search imports SQLite (its index) but no pinyin tables: the index holds the readings a pinyin search needs.

The timings live in benchmarks/startup.py; this test fails if an upgrade (Typer 0.29 imports pydantic on
every run) or a careless import puts a heavy module back on the start-up path.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import BUNDLED

PROBE = """
import json, sys
sys.argv = ["cybrief"] + json.loads(sys.argv[1])
from cybrief.cli import app
try:
    app(prog_name="cybrief")
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("pydantic", "pydantic_core", "rich", "pygments", "markdown_it", "numpy", "sqlite3", "pypinyin")


def _modules(args: list[str], env) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args + ["--library", str(BUNDLED)])],
        capture_output=True, text=True, env=env, check=True,
    )
    return set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))


@pytest.fixture
def env(tmp_path):
    import os

    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    environment.pop("CYBRIEF_NO_CACHE", None)
    return environment


@pytest.mark.parametrize("args", [["targets", "--format", "json"], ["delegates", "--format", "markdown"],
                                  ["targets", "--lang", "en", "--format", "markdown"]])
def test_machine_and_markdown_paths_import_nothing_heavy(args, env):
    _modules(args, env)  # the first run fills the cache
    loaded = _modules(args, env)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY and m.split(".")[0] != "sqlite3")
    assert heavy == []
    assert "yaml" not in loaded, "a warm run should read the index, not parse YAML"
    assert "pypinyin" not in {m.split(".")[0] for m in loaded} and "hashlib" not in loaded


def test_search_path_loads_no_pinyin_tables_and_nothing_heavy_but_sqlite(env):
    args = ["search", "特高压", "--format", "json"]
    _modules(args, env)  # the first run builds the index
    loaded = _modules(args, env)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY and m.split(".")[0] != "sqlite3")
    assert heavy == []
    assert "yaml" not in loaded, "a warm search should answer from the index, not parse YAML"
    # pinyin too: the index holds the readings of the library's characters, read when it was built
    assert "pypinyin" not in {m.split(".")[0] for m in _modules(["search", "tegaoya", "--format", "json"], env)}
    assert "pypinyin" in {m.split(".")[0] for m in _modules(["search", "tegaoya", "--format", "json", "--no-cache"], env)}


def test_table_path_imports_rich_but_not_pydantic(env):
    loaded = _modules(["delegates", "--format", "table"], env)
    assert "rich.table" in loaded
    assert not [m for m in loaded if m.startswith("pydantic")]


@pytest.mark.parametrize("args", [["chart", "--sector", "investment", "--svg", "OUT.svg"], ["report", "--format", "html"]])
def test_charts_and_the_html_page_are_drawn_without_rich_or_a_plotting_library(args, env, tmp_path):
    args = [str(tmp_path / a) if a == "OUT.svg" else a for a in args]
    _modules(["targets", "--format", "json"], env)  # the first run builds the index (and reads pinyin for it)
    loaded = _modules(args, env)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY + ("matplotlib", "resvg_py") and m != "sqlite3"
                   and not m.startswith("sqlite3."))
    assert heavy == []
    assert "yaml" not in loaded, "a warm run should read the index, not parse YAML"
