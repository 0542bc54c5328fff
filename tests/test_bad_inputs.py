"""Every bad input of the reliability table through every command: exit code, exact error lines, no traceback.

The cases live in tests/hostile.py. A brief that loads is also run through every output format, twice
(the second run reads the cache), and each format is checked for what it carries.
"""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from cybrief.cli import app
from hostile import CASES, COMMANDS, FIXTURES_USED, FORMATS, HOSTILE
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
    return tmp_path


def test_every_hostile_fixture_is_a_case():
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(FIXTURES_USED)


def test_every_row_of_the_table_has_a_case():
    rows = {case.row for case in CASES} | {12}  # 12, writing files, is tests/test_files.py
    assert rows == set(range(1, 15))


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
    expected = "".join(f"cybrief: error: {line}\n" for line in case.errors)
    for command in COMMANDS:
        code, stdout, stderr = invoke(case.argv(command))
        assert (command, code, stderr) == (command, case.exit, expected)
        assert stdout == ""
    assert not (folder / "pwned-marker").exists()


@pytest.mark.parametrize("case", [c for c in CASES if c.exit == 0], ids=lambda c: f"row{c.row}-{c.name}")
def test_loaded_input_reaches_every_format_intact(case, folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no cell wraps
    case.build(folder / "lib")
    for command in COMMANDS:
        for fmt in FORMATS + ["terminal"]:
            argv = case.argv(command) + ["--format", "table" if fmt == "terminal" else fmt]
            env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"} if fmt == "terminal" else None
            first = _invoke(argv, env)
            assert first[0] == 0 and first[2] == "", (command, fmt, first)
            if fmt == "terminal":
                assert "\x1b[" in first[1], "Rich rendered for a terminal"
            case.check(command, "table" if fmt == "terminal" else fmt, first[1])
            assert _invoke(argv, env) == first, "the cached brief gives the same output"


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
def test_every_command_maps_errors_to_the_same_codes_and_lines(command, error, code, line, monkeypatch):
    from cybrief import library
    from cybrief.errors import BriefError, NoMatch, Problem, UsageError, WriteError

    made = {
        "usage": UsageError("unknown thing 'x'"),
        "brief": BriefError([Problem("b.yaml", 3, 4, "id", "bad")]),
        "write": WriteError("out.csv: already exists; use --force to replace it"),
        "nomatch": NoMatch("nothing here"),
        "bug": KeyError("x\x1b"),
    }[error]
    monkeypatch.setattr(library, "open_library", _raising(made))
    assert _invoke(list(COMMANDS[command])) == (code, "", line)


def test_a_bug_shows_its_traceback_only_on_request(monkeypatch):
    from cybrief import library

    monkeypatch.setattr(library, "open_library", _raising(KeyError("x")))
    monkeypatch.setenv("CYBRIEF_DEBUG", "1")
    result = runner.invoke(app, ["targets"])
    assert isinstance(result.exception, KeyError)
