"""The quick search entry (quick.py) prints what the Typer command prints, or hands over before printing anything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import BUNDLED, MINI, OLD, mixed_library, run
from cybrief.cli import quick


# Arguments the quick entry answers itself (after `search`; --library is added).
ANSWERED = [
    ["特高压"], ["特高壓", "--count"], ["电网", "--count"], ["电", "-c"], ["ＡＩ"], ["ai", "--format", "json"],
    ["人工智能", "算力"], ["人工智能", "算力", "--any", "--format=csv"], ["人工智能", "--exclude", "电网", "-x", "汽车"],
    ["特高[压電]", "--regex"], ["特高[压電]", "-E", "--count"], ["tegaoya"], ["tgy", "--count"], ["chongqing", "--pinyin"],
    ["UHV", "--no-pinyin"], ["人工智能", "--in", "targets", "--in", "EVENTS"], ["电网", "--sector", "energy", "--kind", "Plan"],
    ["人工智能", "--delegate", "刘勇"], ["电网", "--brief", "mini"], ["Chongqing twin"], ["人工智能", "--lang", "en"],
    ["AI", "-l", "zh", "-f", "markdown"], ["数字孪生", "-C", "5"], ["人工智能", "--limit", "2"], ["电网", "-n", "1", "--format", "json"],
    ["不存在的词"], ["不存在的词", "--format", "json"], ["不存在的词", "--count", "--format", "csv"], ["网\u0003"], ["-"],
    ["人工智能", "-x", "汽车", "--count", "--in", "delegates", "--format", "JSON"], ["*_[x]|<&>"],
    ["电网", "--count", "--lang", "en"], ["电网", "-c", "-l", "zh", "-f", "markdown"], ["记者会", "--lang", "en", "-f", "markdown"],
    ["AI", "-w"], ["ai", "-s", "--count"], ["AI", "--ignore-case", "-c"], ["ai", "--word", "--case-sensitive"], ["笔电"],
    ["特高压", "--lang", "en", "-c"], ["人工智能", "-x", "AI", "-c"],
]

# Arguments it hands to the Typer app: help, unusual forms, values Typer refuses or converts, errors other than no match.
HANDED_OVER = [
    ["--help"], ["-h"], ["电网", "--no-cache"], ["电网", "--", "-x"], ["电网", "-C10"], ["电网", "-cE"], ["-5"],
    ["电网", "--count", "--count"], ["电网", "--brief", "mini", "--brief", "hant"], ["电网", "--pinyin", "--no-pinyin"],
    ["电网", "--format", "yaml"], ["电网", "--context", "-1"], ["电网", "--limit", "0"], ["电网", "--limit", "+2"],
    ["电网", "--count=1"], ["电网", "--format"], ["电网", "--exclude", ""], ["电网", "--brief", "nope"],
    ["电网", "--sector", "space"], ["电网", "--delegate", "nobody"], ["[", "--regex"], ["  "], [], ["电网", "--unknown"],
    ["电网", "--library"], ["电网", "-s", "-i"], ["电网", "-sw"], ["电网", "-s", "energy", "--sector"],
]


@pytest.fixture
def library(tmp_path):
    folder = mixed_library(tmp_path)
    assert run("index", library=folder).exit_code == 0  # built, and its snapshot stored: the index is current
    return folder


def _quick(args, capsys):
    code = quick.answer(args)
    out, err = capsys.readouterr()
    return code, out.replace("\r\n", "\n"), err  # as CliRunner shows CSV; the console tests below compare bytes


@pytest.mark.parametrize("args", ANSWERED, ids=" ".join)
def test_the_quick_entry_prints_what_the_command_prints(args, library, capsys):
    argv = ["search", *args, "--library", str(library)]
    expected = run(*argv, library=None)
    assert _quick(argv, capsys) == (expected.exit_code, expected.stdout, expected.stderr)


@pytest.mark.parametrize("args", HANDED_OVER, ids=" ".join)
def test_anything_else_is_handed_over_before_printing(args, library, capsys):
    assert _quick(["search", *args, "--library", str(library)], capsys) == (None, "", "")


@pytest.mark.parametrize("argv", [[], ["--version"], ["targets"], ["index"], ["--format", "json", "search", "电网"]])
def test_other_commands_are_handed_over(argv, capsys):
    assert _quick(argv, capsys) == (None, "", "")


def test_a_library_that_changed_is_handed_over_until_the_index_is_updated(library, capsys):
    argv = ["search", "测试简报", "--count", "--library", str(library)]
    assert _quick(argv, capsys)[0] == 0
    path = library / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: 测试简报", "title: 测试晚报"), encoding="utf-8")
    os.utime(path, ns=(OLD + 10**9, OLD + 10**9))
    assert _quick(argv, capsys) == (None, "", "")  # stale: the Typer app updates the index and answers
    assert run(*argv, library=None).exit_code == 1
    assert _quick(argv, capsys)[0] == 1  # current again


@pytest.mark.parametrize("setting", [{"CYBRIEF_NO_CACHE": "1"}, {"_CYBRIEF_COMPLETE": "bash_complete"}])
def test_environment_that_changes_the_answer_is_handed_over(setting, library, monkeypatch, capsys):
    for name, value in setting.items():
        monkeypatch.setenv(name, value)
    assert _quick(["search", "电网", "--library", str(library)], capsys) == (None, "", "")


def test_no_index_yet_is_handed_over(tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    assert _quick(["search", "电网", "--library", str(folder)], capsys) == (None, "", "")


def test_the_library_is_found_as_the_command_finds_it(tmp_path, monkeypatch):
    from cybrief.library import resolve_library_dir

    monkeypatch.chdir(tmp_path)
    bundled = str(resolve_library_dir(None).resolve())
    assert quick.library_root(None) == bundled  # the bundled briefs
    (tmp_path / "briefs" / "sub").mkdir(parents=True)
    (tmp_path / "briefs" / "notes.docx").write_text("x")
    assert quick.library_root(None) == str(resolve_library_dir(None).resolve()) == bundled  # no brief in it
    shutil.copy(MINI, tmp_path / "briefs" / "sub" / "mini.yaml")
    assert quick.library_root(None) == str(resolve_library_dir(None).resolve()) == str(tmp_path / "briefs")
    for name in (":bundled:", "bundled"):
        assert quick.library_root(name) == str(resolve_library_dir(name).resolve()) == bundled
    (tmp_path / "bundled").mkdir()  # a folder of that name wins over the plain name
    assert quick.library_root("bundled") == str(resolve_library_dir("bundled").resolve()) == str(tmp_path / "bundled")
    monkeypatch.setenv("CYBRIEF_LIBRARY", str(BUNDLED))
    assert quick.library_root(None) == str(resolve_library_dir(None).resolve())
    assert quick.library_root("briefs") == str(resolve_library_dir("briefs").resolve())
    assert quick.library_root(str(tmp_path / "missing")) is None


def test_the_index_location_is_the_cache_folder():
    from cybrief.library.cache import cache_dir
    from cybrief.index.store import index_dir

    assert index_dir() == cache_dir()


def _cybrief(args, *, typer: bool = False):
    """`python -m cybrief ARGS` (the quick entry first), or the Typer app alone."""
    start = ["-c", "import sys; from cybrief.cli import main; sys.argv[0] = 'cybrief'; main()"] if typer else ["-m", "cybrief"]
    done = subprocess.run([sys.executable, *start, *args], capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", [["电网", "--count"], ["特高压", "-C", "3"], ["不存在的词"], ["不存在的词", "--format", "json"],
                                  ["人工智能", "--format", "csv"], ["--help"], ["电网", "--brief", "nope"]])
def test_the_console_command_answers_as_the_typer_app(args, library):
    argv = ["search", *args, "--library", str(library)]
    assert _cybrief(argv) == _cybrief(argv, typer=True)


def test_a_closed_pipe_ends_quietly_with_exit_1(library):
    script = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'cybrief', 'search', '电', '--library', sys.argv[1]],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.close()\n"
        "err = p.stderr.read()\n"
        "print(p.wait(), repr(err))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(library)], capture_output=True, text=True, timeout=120)
    code, err = done.stdout.split(" ", 1)
    assert code in ("0", "1") and "Traceback" not in err  # 0 when everything fit in the pipe before it closed


def test_a_warm_search_loads_neither_typer_nor_the_briefs_machinery(library):
    probe = (
        "import json, sys\n"
        "from cybrief.cli import quick\n"
        "code = quick.answer(sys.argv[1:])\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps([code, sorted(sys.modules)]))\n"
    )
    args = ["search", "电网", "--count", "--library", str(library)]
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120, check=True)
    code, modules = __import__("json").loads(done.stderr.rsplit("MODULES ", 1)[1])
    roots = {m.split(".")[0] for m in modules}
    assert code == 0
    assert not roots & {"typer", "click", "rich", "yaml", "pypinyin", "pathlib", "typing", "decimal"}, sorted(roots)
    assert not {"cybrief.brief.model", "cybrief.library.briefs", "cybrief.brief.load", "cybrief.cli.application", "typer", "pathlib"} & set(modules)


@pytest.mark.parametrize("args", [["电网"], ["电网", "--count"], ["人工智能", "--format", "csv", "-C", "4"]])
def test_on_a_terminal_the_quick_entry_shows_what_the_typer_app_shows(args, library, tmp_path):
    from procs import run_in_pty, terminal_env

    env = terminal_env(XDG_CACHE_HOME=os.environ["XDG_CACHE_HOME"])
    argv = ["search", *args, "--library", str(library)]
    typer = [sys.executable, "-c", "import sys; from cybrief.cli import main; sys.argv[0] = 'cybrief'; main()"]
    quick_code, quick_out = run_in_pty([sys.executable, "-m", "cybrief", *argv], env)
    typer_code, typer_out = run_in_pty(typer + argv, env)
    assert (quick_code, quick_out) == (typer_code, typer_out) and quick_code == 0 and b"hant" in quick_out


@pytest.mark.parametrize("lang, head, total", [("en", "| Brief | Hits |", "| **total** |"), ("zh", "| 简报 | 命中 |", "| **合计** |")])
def test_counts_are_labelled_in_the_language_asked_for_both_ways(lang, head, total, library, capsys):
    argv = ["search", "AI", "--count", "--lang", lang, "--format", "markdown", "--library", str(library)]
    code, out, _ = _quick(argv, capsys)
    assert code == 0 and out.startswith(head + "\n") and total in out
    assert run(*argv, library=None).stdout == out


def test_the_quick_path_reads_the_options_the_search_command_is_built_with():
    """Every option of the Typer command, as click parses it, is the declared one: flags, value, choices,
    repeatable, minimum, default. The quick path parses with the same declaration (search_options.py)."""
    import typer.core
    import typer.main

    from cybrief.brief.model import TARGET_KINDS
    from cybrief.cli import app, search_options
    from cybrief.render import Format
    from cybrief.search.query import DEFAULT_CONTEXT, SCOPES

    command = typer.main.get_command(app).commands["search"]
    built = {}
    for param in command.params:
        if not isinstance(param, typer.core.TyperOption) or param.name == "help":
            continue
        if param.is_flag:
            value = None
        elif getattr(param.type, "choices", None):
            value = tuple(param.type.choices)
        else:
            value = "int" if type(param.type).__name__ in ("IntRange", "IntParamType") else "text"
        built[param.name] = (tuple(param.opts), tuple(param.secondary_opts), value, param.multiple,
                             getattr(param.type, "min", None))
    declared = {o.param: (o.flags, o.off, o.value, o.repeatable, o.minimum) for o in search_options.SEARCH}
    assert built == declared
    assert search_options.KINDS == TARGET_KINDS and search_options.SCOPES == tuple(SCOPES)
    assert search_options.FORMATS == tuple(f.value for f in Format)
    assert next(p.default for p in command.params if p.name == "context") == DEFAULT_CONTEXT
    assert set(quick._FLAGS) == {f for o in search_options.SEARCH if o.quick for f in o.flags + o.off}
