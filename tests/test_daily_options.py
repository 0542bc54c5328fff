"""Options for daily use: --format plain, the pager, global options before the command, CYBRIEF_LANG and
CYBRIEF_FORMAT, --bom for Excel, completion, help that fits 80 columns, and brief errors that suggest a field."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from conftest import BUNDLED, MINI, ROOT, run
from procs import CYBRIEF, run_in_pty, terminal_env

pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


# --- --format plain -----------------------------------------------------------------------------------------

def test_plain_search_is_one_hit_per_line_for_grep_and_cut():
    plain = run("search", "电网", "--format", "plain")
    assert plain.exit_code == 0
    rows = [line.split("\t") for line in plain.stdout.splitlines()]
    hits = json.loads(run("search", "电网", "--format", "json").stdout)
    assert len(rows) == len(hits) and all(len(row) == 4 for row in rows)
    assert [(r[0], r[2], r[3]) for r in rows] == [(h["brief"], h["field"], h["text"].replace("\n", " ")) for h in hits]
    assert sum("重庆电网" in line for line in plain.stdout.splitlines()) >= 1
    assert "**" not in plain.stdout and "<br>" not in plain.stdout


def test_the_acceptance_pipelines(tmp_path):
    """`search 电网 --format plain | grep -c 重庆电网` counts at least 1; `search 电网 > hits.md` is still Markdown."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CYBRIEF_")}
    shim = f"{sys.executable} -m cybrief"
    count = subprocess.run(f"{shim} search 电网 --format plain | grep -c 重庆电网", shell=True, capture_output=True,
                           text=True, env=env, cwd=tmp_path)
    assert int(count.stdout) >= 1
    subprocess.run(f"{shim} search 电网 > hits.md", shell=True, check=True, env=env, cwd=tmp_path)
    assert (tmp_path / "hits.md").read_text(encoding="utf-8").startswith("- **")


@pytest.mark.parametrize("command", [["delegates"], ["targets"], ["briefs"], ["figure", "近400万辆"], ["chart"],
                                     ["search", "电网", "--count"], ["delegates", "刘勇"], ["targets", "--facet", "sector"],
                                     ["targets", "--group-by", "kind"]])
def test_every_listing_is_tab_separated_lines(command):
    result = run(*command, "--format", "plain", library=None if command[0] == "figure" else BUNDLED)
    assert result.exit_code == 0 and result.stdout
    lines = result.stdout.splitlines()
    assert all("\t" in line and not line.startswith("\t") for line in lines)
    assert len({line.count("\t") for line in lines}) == 1 or command[:2] == ["delegates", "刘勇"]


def test_plain_fields_never_hold_a_tab_or_a_line_break_or_a_control():
    from cybrief.render.plain import field

    assert field("a\tb\nc\r\nd\x1b[31m") == "a b c d\\x1b[31m"


# --- defaults from the environment, global options ----------------------------------------------------------

def test_cybrief_format_and_cybrief_lang_set_the_defaults(monkeypatch):
    monkeypatch.setenv("CYBRIEF_FORMAT", "plain")
    monkeypatch.setenv("CYBRIEF_LANG", "zh")
    result = run("delegates")
    assert result.stdout.splitlines()[0].startswith("王志杰\t") and "Wang" not in result.stdout
    assert run("delegates", "--format", "json").stdout.startswith("[")  # an option beats the environment
    assert "Wang Zhijie" in run("delegates", "--lang", "both").stdout
    monkeypatch.setenv("CYBRIEF_LANG", "fr")
    refused = run("delegates")
    assert refused.exit_code == 2 and "'fr' is not one of 'zh', 'en', 'both'" in refused.stderr


def test_the_quick_path_reads_the_environment_too(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CYBRIEF_")}
    env.update(XDG_CACHE_HOME=str(tmp_path), CYBRIEF_LANG="en", CYBRIEF_FORMAT="plain")
    subprocess.run(CYBRIEF + ["index"], env=env, capture_output=True, check=True)
    quick = subprocess.run(CYBRIEF + ["search", "grid"], env=env, capture_output=True, text=True)
    assert quick.returncode == 0 and quick.stdout.splitlines()[0].split("\t")[1] == "Liu Yong"


@pytest.mark.parametrize("argv", [
    ["--library", "LIB", "delegates", "--format", "json"], ["--library=LIB", "-f", "json", "delegates"],
    ["--format", "json", "--library", "LIB", "delegates"], ["--strict", "--library", "LIB", "-l", "en", "delegates", "-f", "json"],
])
def test_global_options_may_come_before_the_command(argv, tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mini.yaml").write_bytes(MINI.read_bytes())
    argv = [a.replace("LIB", str(tmp_path / "lib")) for a in argv]
    result = run(*argv, library=None)
    assert result.exit_code == 0, result.stderr
    assert {d["brief"] for d in json.loads(result.stdout)} == {"mini"}


def test_global_options_as_read():
    from cybrief.cli.argv import read

    assert read(["--library", "x", "-l", "zh", "delegates", "刘勇"]) == (["delegates", "--library", "x", "-l", "zh", "刘勇"], False)
    assert read(["--no-pager", "search", "a", "--", "--no-pager"]) == (["search", "a", "--", "--no-pager"], True)
    assert read(["--no-drafts", "targets"]) == (["targets", "--no-drafts"], False)
    assert read(["--library", "x"]) == (["--library", "x"], False)  # no command: as written, Typer says so
    assert read(["--show-completion"]) == (["--show-completion="], False)
    assert read(["--show-completion", "zsh"]) == (["--show-completion", "zsh"], False)


# --- the pager ------------------------------------------------------------------------------------------------

def _paged(tmp_path, argv, **env):
    out = tmp_path / "paged.txt"
    code, shown = run_in_pty(CYBRIEF + argv, terminal_env(XDG_CACHE_HOME=str(tmp_path / "c"), CYBRIEF_PAGER=f"cat > '{out}'",
                                                           **env), columns=80)
    return code, shown, out.read_bytes() if out.exists() else None


@pty
def test_output_taller_than_the_terminal_goes_through_the_pager(tmp_path):
    code, shown, paged = _paged(tmp_path, ["delegates"])
    assert code == 0 and paged is not None and b"Wang Zhijie" in paged and b"Wang Zhijie" not in shown


@pty
@pytest.mark.parametrize("argv, env", [(["figure", "近400万辆"], {}), (["delegates", "--no-pager"], {}),
                                       (["--no-pager", "delegates"], {}), (["delegates"], {"CYBRIEF_PAGER": "cat"})])
def test_no_pager_for_what_fits_or_when_turned_off(tmp_path, argv, env):
    code, shown, paged = _paged(tmp_path, argv, **env) if not env else (*run_in_pty(
        CYBRIEF + argv, terminal_env(XDG_CACHE_HOME=str(tmp_path / "c"), **env), columns=80), None)
    assert code == 0 and paged is None and shown.strip()


@pty
def test_the_pager_gets_less_options_as_git_gives_them(tmp_path):
    out = tmp_path / "env.txt"
    run_in_pty(CYBRIEF + ["delegates"], terminal_env(XDG_CACHE_HOME=str(tmp_path / "c"), CYBRIEF_PAGER=f"env > '{out}'; cat > /dev/null"),
               columns=80)
    assert "LESS=FRX" in out.read_text()


def test_the_pager_command_follows_cybrief_pager_then_pager(monkeypatch):
    from cybrief.cli.pager import pager_command

    monkeypatch.setenv("PAGER", "most")
    assert pager_command() == "most"
    monkeypatch.setenv("CYBRIEF_PAGER", "")
    assert pager_command() is None
    monkeypatch.setenv("CYBRIEF_PAGER", "less -R")
    assert pager_command() == "less -R"


@pty
def test_the_acceptance_screen_delegates_in_chinese_at_80_by_50(tmp_path):
    code, shown = run_in_pty(CYBRIEF + ["delegates"], terminal_env(XDG_CACHE_HOME=str(tmp_path / "c"), CYBRIEF_LANG="zh",
                                                                    CYBRIEF_PAGER=f"cat > '{tmp_path / 'paged'}'"), columns=80)
    text = re.sub(rb"\x1b\[[0-9;]*m", b"", shown).decode("utf-8")
    assert code == 0 and not (tmp_path / "paged").exists(), "fits one screen: no pager"
    assert len(text.rstrip("\r\n").split("\r\n")) <= 49
    for name in ("王志杰", "夏泳", "谢文辉", "杜卫东", "刘勇", "冉慧"):
        assert re.search(rf"^{name}  ", text, flags=re.M)


# --- CSV for Excel --------------------------------------------------------------------------------------------

def test_bom_starts_csv_with_a_byte_order_mark(tmp_path):
    assert run("targets", "--format", "csv", "--bom").stdout.startswith("\ufeffid,brief,")
    assert not run("targets", "--format", "csv").stdout.startswith("\ufeff")
    assert run("targets", "--format", "json", "--bom").stdout.startswith("[")  # only CSV carries it
    assert run("export", "--to", "csv", "-o", str(tmp_path / "t"), "--bom").exit_code == 0
    assert (tmp_path / "t" / "targets.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


# --- completion -------------------------------------------------------------------------------------------------

def _complete(words: str, tmp_path, **env) -> list[str]:
    environ = dict(os.environ, _CYBRIEF_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS=words, XDG_CACHE_HOME=str(tmp_path), **env)
    done = subprocess.run(CYBRIEF, env=environ, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    return re.findall(r'"([^"]+)":', done.stdout)


@pytest.mark.parametrize("words, expected", [
    ("cybrief delegates 刘", ["刘勇"]), ("cybrief delegates liu", ["liu-yong"]), ("cybrief delegates L", ["Liu-Yong"]),
    ("cybrief targets --sector 能", ["能源"]), ("cybrief targets --sector ene", ["energy"]),
    ("cybrief targets --sector Ene", ["Energy"]), ("cybrief targets --delegate 谢", ["谢文辉"]),
    ("cybrief targets --brief chong", ["chongqing-2026-03-chengyu"]), ("cybrief search 电网 --brief c", ["chongqing-2026-03-chengyu"]),
])
def test_completion_by_name_english_name_id_and_slug(words, expected, tmp_path):
    assert _complete(words, tmp_path, CYBRIEF_LIBRARY=str(BUNDLED)) == expected


def test_completion_reads_the_library_on_the_line(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mini.yaml").write_bytes(MINI.read_bytes())
    assert _complete("cybrief delegates --library lib z", tmp_path) == ["zhang-san"]
    assert _complete("cybrief --library lib delegates z", tmp_path) == ["zhang-san"]
    assert _complete("cybrief delegates z", tmp_path) == []  # the bundled library has no Zhang San


@pytest.mark.parametrize("shell, says", [("zsh", "#compdef cybrief"), ("bash", "complete -o"), ("fish", "complete --command cybrief")])
def test_show_completion_for_each_shell(shell, says):
    for argv in (["--show-completion=" + shell], ["--show-completion", shell]):
        done = subprocess.run(CYBRIEF + argv, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and says in done.stdout, done.stderr
    refused = subprocess.run(CYBRIEF + ["--show-completion=nosh"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1


def test_with_no_shell_above_it_completion_is_for_the_login_shell(monkeypatch):
    import shellingham

    from cybrief.cli import completion

    def undetected():
        raise shellingham.ShellDetectionFailure()

    monkeypatch.setattr(shellingham, "detect_shell", undetected)
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    assert completion._current_shell() == "zsh"
    monkeypatch.delenv("SHELL")
    assert completion._current_shell() == ""  # then the user is asked to name one


# --- help -----------------------------------------------------------------------------------------------------

def _commands():
    from cybrief.cli import app

    return [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_fits_80_columns_and_says_every_option_in_full(command, monkeypatch):
    import typer.main

    from cybrief.cli import app

    monkeypatch.setenv("COLUMNS", "80")
    argv = [command, "--help"] if command else ["--help"]
    shown = run(*argv, library=None).stdout
    assert all(cell_len(line) <= 80 for line in shown.splitlines()), [l for l in shown.splitlines() if cell_len(l) > 80]
    group = typer.main.get_command(app)
    params = (group.commands[command] if command else group).params
    flat = re.sub(r"\s+", "", shown)
    for param in params:
        if getattr(param, "help", None):
            assert re.sub(r"\s+", "", param.help) in flat, f"{param.name}: help cut or missing"
    if command:
        examples = re.split(r"\n(?:Arguments|Options):", shown.split("Example:")[1].split("\n\n", 1)[1])[0]
        assert all(line.startswith("      cybrief") or line.startswith("      cat ") for line in examples.splitlines()
                   if line.strip()), "examples are indented as written"


def test_figure_lang_says_what_it_chooses():
    help_text = " ".join(run("figure", "--help", library=None).stdout.split())
    assert "Write each figure back in Chinese (zh), English (en) or both" in help_text


# --- smaller points --------------------------------------------------------------------------------------------

def test_a_misspelt_field_suggests_the_one_meant(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("    date: ", "    dat: ", 1)
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    result = run("validate", str(tmp_path / "b.yaml"), library=None)
    assert result.exit_code == 2
    assert "events[0].dat: unknown field; did you mean 'date'? (expected one of:" in result.stderr
    text = MINI.read_text(encoding="utf-8").replace("kind: goal", "kind: gaol", 1)
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    assert "got 'gaol'; did you mean 'goal'?" in run("validate", str(tmp_path / "b.yaml"), library=None).stderr


def test_the_docs_name_force_color_the_version_bom_and_completion():
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "FORCE_COLOR" in usage and "--bom" in usage and "Excel" in usage
    assert "cybrief --version" in readme
    for shell in ("bash", "zsh", "fish"):
        assert f"--show-completion={shell}" in usage or f"--install-completion {shell}" in usage
    assert "CYBRIEF_PAGER" in usage and "CYBRIEF_LANG" in usage and "CYBRIEF_FORMAT" in usage and "--format plain" in usage


def test_force_color_colours_a_table_even_into_a_pipe():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    argv = CYBRIEF + ["figure", "近400万辆", "--format", "table"]
    plain = subprocess.run(argv, env=env, capture_output=True, timeout=60)
    forced = subprocess.run(argv, env=dict(env, FORCE_COLOR="1"), capture_output=True, timeout=60)
    assert b"\x1b[" not in plain.stdout and b"\x1b[1;36m" in forced.stdout


@pty
def test_a_pager_that_is_not_found_leaves_the_whole_output_on_the_terminal(tmp_path):
    env = terminal_env(XDG_CACHE_HOME=str(tmp_path / "c"))
    code, plain = run_in_pty(CYBRIEF + ["delegates", "--no-pager"], env, columns=80)
    missing_code, shown = run_in_pty(CYBRIEF + ["delegates"], dict(env, CYBRIEF_PAGER="no-such-pager-here"), columns=80)
    assert code == missing_code == 0 and shown.count(b"Wang Zhijie") == plain.count(b"Wang Zhijie") > 0
    assert shown.rstrip().endswith(plain.rstrip()[-200:])


_STREAMED = """
import os, sys, time
from cybrief.cli import pager
out = sys.argv[1]

def pieces():
    for n in range(200):
        yield f"line {n}\\n"
    for _ in range(600):  # the pager already has the first lines before the rest is made
        if os.path.exists(out) and b"line 199" in open(out, "rb").read():
            break
        time.sleep(0.05)
    else:
        raise SystemExit("the pager had nothing before the output ended")
    yield "the end\\n"

pager.write_all(pieces())
"""


@pty
def test_a_long_output_reaches_the_pager_as_it_is_made(tmp_path):
    out = tmp_path / "paged.txt"
    code, shown = run_in_pty([sys.executable, "-c", _STREAMED, str(out)], terminal_env(CYBRIEF_PAGER=f"cat > '{out}'"),
                             columns=80)
    assert code == 0, shown
    assert out.read_text().splitlines()[-1] == "the end" and len(out.read_text().splitlines()) == 201
