"""Every bad input of the reliability table through every command: exit code, exact error lines, no traceback.

The cases live in tests/hostile.py. A brief that loads is also run through every output of every command,
twice (the second run reads the cache and the index), and each output is checked for what it carries.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess

import pytest
from typer.testing import CliRunner

from cybrief.cli import app
from hostile import CASES, COMMANDS, FIXTURES_USED, HOSTILE, OUTPUTS, SUCCESS_MESSAGES, remove_tree
from procs import CYBRIEF, as_plain_user, permissions_bind

runner = CliRunner()


def _invoke(argv: list[str], env: dict | None = None):
    result = runner.invoke(app, argv, env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: {result.exception}") from result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def _invoke_as_plain_user(argv: list[str]):
    """Run the CLI in a child process that file permissions bind, even when the tests run as root."""
    done = subprocess.run(CYBRIEF + argv, capture_output=True, text=True, timeout=60, **as_plain_user())
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    remove_tree(tmp_path / "lib")  # pytest's own clean-up recurses, and a case nests folders 1,100 deep


def test_every_hostile_fixture_is_a_case():
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(FIXTURES_USED)


def test_every_row_of_the_table_has_a_case():
    rows = {case.row for case in CASES} | {12}  # 12, writing files, is tests/test_files.py
    assert rows == set(range(1, 15))


def test_every_command_that_reads_a_library_is_covered():
    from test_cli import COMMANDS as ALL

    reading = {argv[0] for argv in COMMANDS.values()}
    assert reading == set(ALL) - {"figure", "schema", "draft", "cache"}, "figure, schema, draft and cache read no library"


@pytest.mark.parametrize("case", [c for c in CASES if c.exit != 0], ids=lambda c: f"row{c.row}-{c.name}")
def test_bad_input_is_refused_by_every_command(case, folder, monkeypatch):
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    invoke = _invoke
    if case.unprivileged:
        if not permissions_bind(folder):
            pytest.skip("running as root without the right to drop CAP_DAC_OVERRIDE: permissions cannot bind")
        invoke = _invoke_as_plain_user
    case.build(folder / "lib")
    for command in COMMANDS:
        code, stdout, stderr = invoke(case.argv(command))
        assert (command, code, stderr) == (command, case.exit, case.stderr(command))
        assert stdout == ""
    assert not (folder / "pwned-marker").exists()
    assert not (folder / "export.out").exists(), "nothing is written from a library that does not load"
    assert [p.name for p in folder.iterdir() if p.name != "lib"] in ([], ["cache"])


# --- a brief that loads, through every output ---------------------------------------------------------------

def _run(command: str, output: str, case, folder):
    """Run `command` for `output`; return exit code, the output to check (as text), and stderr."""
    argv = case.argv(command)
    env = None
    if command == "export":
        argv[argv.index("json")] = output
        argv.append("--force")  # the second run replaces the first export
    elif output in ("text", "json", "csv", "markdown", "table") and command != "report":
        argv += ["--format", output]
    elif command == "report" and output == "html":
        argv += ["--format", "html"]
    elif output == "terminal":
        argv += ["--format", "table"]
        env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    code, stdout, stderr = _invoke(argv, env)
    if command == "export" and code == 0:
        stdout = _read_export(folder / "export.out", output)
    return code, stdout, stderr


def _read_export(path, to: str) -> str:
    """An export as text: the JSON file; the CSV files one after the other; the SQLite tables as JSON."""
    if to == "json":
        return path.read_bytes().decode("utf-8")
    if to == "csv":
        return "".join((path / f"{table}.csv").read_bytes().decode("utf-8") for table in
                       ("briefs", "events", "sectors", "delegates", "targets"))
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return json.dumps({name: [dict(row) for row in db.execute(f"SELECT * FROM [{name}]")] for name in names})
    finally:
        db.close()


@pytest.mark.parametrize("case", [c for c in CASES if c.exit == 0], ids=lambda c: f"row{c.row}-{c.name}")
def test_loaded_input_reaches_every_output_intact(case, folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no cell wraps
    case.build(folder / "lib")
    for command in COMMANDS:
        for output in OUTPUTS[command]:
            first = _run(command, output, case, folder)
            code, text, stderr = first
            assert code == 0, (command, output, first)
            message = SUCCESS_MESSAGES.get(command)
            assert message.fullmatch(stderr) if message else stderr == "", (command, output, stderr)
            if output == "terminal":
                assert "\x1b[" in text, "Rich rendered for a terminal"
            if command == "validate":
                assert text == ("[]\n" if output == "json" else "")
            elif command != "index":
                case.check(command, "table" if output == "terminal" else output, text)
            assert _run(command, output, case, folder) == first, "the cached brief gives the same output"
        if command == "export":
            shutil.rmtree(folder / "export.out", ignore_errors=True)


def test_a_usage_error_that_lists_data_shows_it_safely(folder):
    """An unknown --sector lists the sectors, labels from the brief included: through visible escapes."""
    from hostile import brief, mini, quoted

    brief(mini(("{slug: energy, zh: 能源, en: Energy}", f"{{slug: energy, zh: {quoted(chr(27) + ']0;t' + chr(7))}, en: Energy}}")))(
        folder / "lib"
    )
    code, stdout, stderr = _invoke(["targets", "--sector", "space", "--library", "lib"])
    assert (code, stdout) == (2, "")
    assert stderr == (
        "cybrief: error: unknown sector 'space'; valid sectors: energy (\\x1b]0;t\\x07, Energy), ai (人工智能, Artificial intelligence)\n"
    )


# --- one place maps errors to exit codes -------------------------------------------------------------------

def _raising(error):
    def open_library(*args, **kwargs):
        raise error

    return open_library


def _patch_everywhere(monkeypatch, function, replacement):
    """Replace a function in every cybrief module that holds it (its own, and each that imported it by name)."""
    import sys

    import cybrief.library.searching  # noqa: F401 - loaded, so that its name is replaced too

    for name, module in list(sys.modules.items()):
        if name.startswith("cybrief") and getattr(module, function.__name__, None) is function:
            monkeypatch.setattr(module, function.__name__, replacement)


@pytest.mark.parametrize(
    "error, code, line",
    [
        ("usage", 2, "cybrief: error: unknown thing 'x'\n"),
        ("brief", 2, "cybrief: error: b.yaml:3:4: id: bad\n"),
        ("write", 2, "cybrief: error: out.csv: already exists; use --force to replace it\n"),
        ("nomatch", 1, "cybrief: nothing here\n"),
        ("bug", 3, "cybrief: internal error: KeyError: 'x\\x1b' (CYBRIEF_DEBUG=1 shows the traceback)\n"),
    ],
)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_maps_errors_to_the_same_codes_and_lines(command, error, code, line, monkeypatch, tmp_path):
    from cybrief import library
    from cybrief.errors import BriefError, NoMatch, Problem, UsageError, WriteError

    made = {
        "usage": UsageError("unknown thing 'x'"),
        "brief": BriefError([Problem("b.yaml", 3, 4, "id", "bad")]),
        "write": WriteError("out.csv: already exists; use --force to replace it"),
        "nomatch": NoMatch("nothing here"),
        "bug": KeyError("x\x1b"),
    }[error]
    monkeypatch.chdir(tmp_path)
    for first_step in (library.resolve_library_dir, library.locate_library):  # of every command here
        _patch_everywhere(monkeypatch, first_step, _raising(made))
    assert _invoke(list(COMMANDS[command])) == (code, "", line)
    assert list(tmp_path.iterdir()) == []


def test_a_bug_shows_its_traceback_only_on_request(monkeypatch):
    from cybrief import library

    monkeypatch.setattr(library, "open_listing", _raising(KeyError("x")))  # what `targets` calls
    monkeypatch.setenv("CYBRIEF_DEBUG", "1")
    result = runner.invoke(app, ["targets"])
    assert isinstance(result.exception, KeyError)


# --- outputs beyond --format: an SVG chart, and figures given on the command line ----------------------------

def test_chart_svg_shows_hostile_text_as_text(folder):
    """Labels in the SVG are XML text: controls as visible escapes, markup and tags as typed."""
    import xml.etree.ElementTree as ET

    from hostile import HOSTILE_CONTROLS, HOSTILE_MARKDOWN, HOSTILE_MARKUP, RAW_CONTROL, brief, mini, quoted

    brief(mini(("    metric: 电网投资\n", f"    metric: {quoted(HOSTILE_CONTROLS + HOSTILE_MARKUP + HOSTILE_MARKDOWN)}\n")))(folder / "lib")
    code, stdout, stderr = _invoke(["chart", "--svg", "chart.svg", "--library", "lib"])
    assert (code, stdout, stderr) == (0, "", "cybrief: wrote chart.svg\n")
    svg = (folder / "chart.svg").read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(svg) and "<script" not in svg
    text = re.sub(r"\s+", "", "".join(ET.fromstring(svg).itertext()))  # a long label wraps onto several lines
    for part in ("\\x1b]0;pwned\\x07", "\\u202eevil\\u202c", "[boldred]x[/]", "[link=https://evil]y[/link]", "<script>alert(1)</script>"):
        assert part in text, part


FIGURES = {  # arguments that read as figures, with what is hostile in them kept in the text
    "400\x1f万辆": 4000000,  # an information separator is whitespace to the parser, and stays in the text
    "\t400万辆": 4000000,  # a tab first: a formula in a spreadsheet
    "约3763亿元\r": 376300000000,  # a carriage return last
}
NOT_FIGURES = ["\x1b]0;pwned\x07近400万辆", "[bold red]5亿元[/]", "=1+2", "近400万辆\u202e"]


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table", "terminal"])
def test_figure_shows_hostile_arguments_safely(fmt):
    import csv
    import io

    from cybrief.safety import visible
    from hostile import RAW_CONTROL, markdown_texts, terminal_text

    argv = ["figure", *FIGURES, *NOT_FIGURES, "--format", "table" if fmt == "terminal" else fmt]
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"} if fmt == "terminal" else None
    code, stdout, stderr = _invoke(argv, env)
    assert code == 2
    no_number = "expected a number (after any qualifier word such as 近 or 超)"
    assert stderr.splitlines() == [
        f"cybrief: error: cannot read '\\x1b]0;pwned\\x07近400万辆' as a figure: {no_number}",
        f"cybrief: error: cannot read '[bold red]5亿元[/]' as a figure: {no_number}",
        f"cybrief: error: cannot read '=1+2' as a figure: {no_number}",
        "cybrief: error: cannot read '近400万辆\\u202e' as a figure: '辆\\u202e' is not a unit cybrief knows",
    ]
    if fmt == "json":
        assert [(r["text"], r["value"]) for r in json.loads(stdout)] == list(FIGURES.items())
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(stdout, newline="")))
        assert [r["text"] for r in rows] == ["400\x1f万辆", "'\t400万辆", "约3763亿元\r"]
    elif fmt == "markdown":
        assert not RAW_CONTROL.search(stdout)
        texts = markdown_texts(stdout)
        assert all(any(visible(text).strip() in t for t in texts) for text in FIGURES)
    else:
        plain = terminal_text(stdout)
        assert not RAW_CONTROL.search(plain) and "400\\x1f万辆" in plain and "约3763亿元\\x0d" in plain


# --- patterns and terms: bounded; errors: one mapping for the quick path and the app -------------------------

def _cybrief(argv, **kwargs):
    """cybrief in a child process; the timeout only keeps a hang from stalling the suite (not a timing test)."""
    done = subprocess.run(CYBRIEF + argv, capture_output=True, text=True, timeout=120, **kwargs)
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stderr


@pytest.mark.parametrize("index", [True, False], ids=["index", "files"])
@pytest.mark.parametrize("pattern, text", [("(.*)*电网x", None), ("(a+)+$", "a" * 40 + "!")])
def test_a_regex_that_backtracks_forever_ends(pattern, text, index, folder):
    from hostile import brief, with_text
    from conftest import BUNDLED

    library = str(BUNDLED)
    if text is not None:
        brief(with_text(text))(folder / "lib")
        library = "lib"
    argv = ["search", pattern, "--regex", "--library", library]
    if index:
        assert _cybrief(["index", "--library", library])[0] == 0
    else:
        argv.append("--no-cache")
    assert _cybrief(argv) == (1, f"cybrief: nothing matches {pattern!r}\n")


@pytest.mark.parametrize("pattern, reason", [
    (r"(\w)\1", "invalid escape sequence: \\1"), ("(?<=a)b", "invalid perl operator: (?<="),
])
def test_a_regex_that_needs_backtracking_is_refused(pattern, reason):
    code, stdout, stderr = _invoke(["search", pattern, "--regex"])
    assert (code, stdout) == (2, "")
    assert stderr == (f"cybrief: error: bad regular expression {pattern!r}: {reason} (cybrief's regular expressions run in"
                      " linear time: no backreferences, lookaround, possessive or atomic groups)\n")


def test_repeated_terms_count_once_and_too_many_are_refused():
    once = _invoke(["search", "电网", "--format", "json"])
    assert _invoke(["search", *["电网", "電網"] * 1500, "--any", "--format", "json"]) == once
    code, stdout, stderr = _invoke(["search", *[f"词{i}" for i in range(101)], "--any"])
    assert (code, stdout, stderr) == (2, "", "cybrief: error: too many terms: 101, those of --exclude included and"
                                             " repeats counted once; at most 100\n")


ERRORS = {
    "interrupted": (KeyboardInterrupt(), 130, "cybrief: interrupted\n"),
    "bug": (KeyError("x"), 3, "cybrief: internal error: KeyError: 'x' (CYBRIEF_DEBUG=1 shows the traceback)\n"),
    "pipe": (BrokenPipeError(32, "Broken pipe"), 1, ""),
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_the_quick_path_maps_errors_as_the_app_does(name, tmp_path, monkeypatch, capsys):
    """An error while a search runs: the same line and code from the quick path as from the Typer app."""
    from conftest import mixed_library, run as run_app
    from cybrief.cli import quick
    from cybrief.search import run as search_run

    error, code, line = ERRORS[name]
    library = mixed_library(tmp_path)
    assert run_app("index", library=library).exit_code == 0

    def failing(*args, **kwargs):
        raise error

    _patch_everywhere(monkeypatch, search_run.run, failing)
    argv = ["search", "电网", "--library", str(library)]
    answered = quick.answer(argv)
    if answered is None:  # handed to the app before printing anything: the app's answer is the one seen
        assert capsys.readouterr() == ("", "")
    else:
        assert (answered, capsys.readouterr().err) == (code, line)
    assert _invoke(argv)[0::2] == (code, line)


@pytest.mark.parametrize("path", ["quick", "app"])
@pytest.mark.parametrize("stdout, line", [
    ("full", "cybrief: error: standard output: cannot write: No space left on device\n"),
    ("closed", "cybrief: error: standard output is closed; nothing can be printed\n"),
])
def test_a_stdout_that_takes_nothing_is_one_line_and_exit_2(path, stdout, line, tmp_path):
    from conftest import BUNDLED

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    argv = ["search", "电网", "--library", str(BUNDLED)] + (["--no-cache"] if path == "app" else [])
    assert _cybrief(["index", "--library", str(BUNDLED)], env=env)[0] == 0
    if stdout == "full":
        with open("/dev/full", "w") as full:
            done = subprocess.run(CYBRIEF + argv, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, env=env)
    else:
        done = subprocess.run(CYBRIEF + argv, stderr=subprocess.PIPE, text=True, timeout=120, env=env,
                              preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (2, line)


def test_validate_refuses_a_fifo_at_once(folder):
    os.mkfifo(folder / "b.yaml")  # in a child process: a FIFO opened to wait for a writer would stall the suite
    assert _cybrief(["validate", "b.yaml"], cwd=folder) == (2, "cybrief: error: b.yaml: is not a regular file (a FIFO, a"
                                                          " device or a socket), not a brief file\ncybrief: error: 1"
                                                          " problem in 1 of 1 file checked\n")
