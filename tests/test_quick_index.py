"""`cybrief index` run by the quick entry (quick.index_now) says and does what the Typer command does, or hands over."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, OLD, mixed_library
from cybrief.cli import quick
from cybrief.cli.indexing_work import plain_arguments


def _cybrief(args, *, typer: bool = False):
    """`python -m cybrief ARGS` (the quick entry first), or the Typer app alone."""
    start = ["-c", "import sys; from cybrief.cli import main; sys.argv[0] = 'cybrief'; main()"] if typer else ["-m", "cybrief"]
    done = subprocess.run([sys.executable, *start, *args], capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def _both(args):
    """The quick entry's run, then the Typer app's on what it left: (code, stdout, stderr) of each."""
    return _cybrief(args), _cybrief(args, typer=True)


@pytest.mark.parametrize("written", [["--library", "{}"], ["--library={}"], ["--rebuild", "--library", "{}"],
                                     ["--library", "{}", "--rebuild"]])
def test_the_quick_entry_indexes_as_the_typer_command(written, tmp_path):
    folder = mixed_library(tmp_path)
    args = ["index", *(a.format(folder) for a in written)]
    quick_run, typer_run = _both(args)
    assert quick_run == typer_run and quick_run[0] == 0 and b"3 briefs" in quick_run[2] and quick_run[1] == b""


def test_an_edit_a_removal_and_an_addition_are_indexed_as_the_typer_command_indexes_them(tmp_path):
    folder = mixed_library(tmp_path)
    args = ["index", "--library", str(folder)]
    assert _cybrief(args)[0] == 0
    path = folder / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: 测试简报", "title: 测试晚报"), encoding="utf-8")
    os.utime(path, ns=(OLD + 10**9, OLD + 10**9))
    (folder / "sub" / "hant.yaml").unlink()
    quick_run, typer_run = _both(args)
    assert quick_run == typer_run and b"2 briefs" in quick_run[2]
    search = ["search", "测试晚报", "--count", "--format", "json", "--library", str(folder)]
    assert _cybrief(search)[1] == _cybrief([*search, "--no-cache"])[1]
    shutil.copy(MINI, folder / "sub" / "again.yaml")  # a second brief of id mini: the error of every command
    quick_run, typer_run = _both(args)
    assert quick_run == typer_run and quick_run[0] == 2 and b"duplicate brief id 'mini'" in quick_run[2]
    assert b"Traceback" not in quick_run[2] and quick_run[2].count(b"\n") == 1


@pytest.mark.parametrize("case", ["missing", "empty", "a file"])
def test_bad_libraries_give_the_typer_command_s_error(case, tmp_path):
    target = tmp_path / "lib"
    if case == "empty":
        target.mkdir()
    elif case == "a file":
        target.write_text("not a brief\n", encoding="utf-8")
    quick_run, typer_run = _both(["index", "--library", str(target)])
    assert quick_run == typer_run and quick_run[0] == 2 and quick_run[2].startswith(b"cybrief: error: ")
    assert b"Traceback" not in quick_run[2] and quick_run[2].count(b"\n") == 1


@pytest.mark.parametrize("args", [["index", "--help"], ["index", "-h"], ["index", "--library"], ["index", "--library", ""],
                                  ["index", "--library="], ["index", "--rebuild", "--rebuild"], ["index", "extra"],
                                  ["index", "--library", "a", "--library", "b"], ["index", "--library", "-x"],
                                  ["index", "--rebuild=1"], ["index", "--lang", "zh"], ["search", "电网"], []])
def test_anything_but_plain_options_is_handed_over(args, capsys):
    assert plain_arguments(args) is None
    assert quick.index_now(args) is None and capsys.readouterr() == ("", "")


def test_plain_options_are_read_as_typer_reads_them():
    assert plain_arguments(["index"]) == {"library": None, "rebuild": False}
    assert plain_arguments(["index", "--rebuild", "--library=a/b/"]) == {"library": Path("a/b"), "rebuild": True}
    assert plain_arguments(["index", "--library", "bundled"]) == {"library": Path("bundled"), "rebuild": False}


def test_completion_is_handed_over(monkeypatch, capsys):
    monkeypatch.setenv("_CYBRIEF_COMPLETE", "bash_complete")
    assert quick.index_now(["index"]) is None and capsys.readouterr() == ("", "")


def test_the_quick_index_loads_no_typer(tmp_path):
    folder = mixed_library(tmp_path)
    probe = (
        "import json, sys\n"
        "from cybrief.cli import quick\n"
        "code = quick.index_now(sys.argv[1:])\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, "index", "--library", str(folder)], capture_output=True, text=True,
                          timeout=120, check=True)
    code, modules = json.loads(done.stderr.rsplit("MODULES ", 1)[1])
    assert code == 0 and "3 briefs" in done.stderr
    assert not {m.split(".")[0] for m in modules} & {"typer", "click", "rich"}
