"""What reaches a real terminal: cybrief run in a pseudo-terminal, with Rich rendering for it, byte by byte.

A brief whose texts carry an OSC title sequence, a screen clear, C1 and bidi controls and Rich markup
must come out with every one of them as visible text: the only escape sequences on the terminal are
the colour codes cybrief itself chose (the same set as for a harmless brief).
"""

from __future__ import annotations

import re

import pytest

from hostile import MINI_TEXT, quoted, with_text
from procs import CYBRIEF, run_in_pty, terminal_env

pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")

OSC_TITLE = "\x1b]0;pwned\x07"
MARKUP = "[bold red]x[/]"
HOSTILE = f"MARK{OSC_TITLE}{MARKUP} \x1b[2J \x9b31m a\rb \u202eevil\u202c [link=https://evil]y[/link]"

_SGR = re.compile(rb"\x1b\[([0-9;]*)m")
_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _library(tmp_path, text: str, name: str):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def hostile(tmp_path):
    return _library(tmp_path, with_text(HOSTILE), "hostile")


@pytest.fixture
def harmless(tmp_path):
    return _library(tmp_path, with_text("MARK harmless"), "harmless")


def _run(args, library, tmp_path):
    code, out = run_in_pty(CYBRIEF + args + ["--library", str(library)], terminal_env(XDG_CACHE_HOME=str(tmp_path / "c")))
    return code, out


def _styles(out: bytes) -> set[bytes]:
    return set(_SGR.findall(out))


def _assert_inert(out: bytes) -> str:
    """No escape sequence but colour codes, no raw control character; the text as a person reads it."""
    plain = _SGR.sub(b"", out).decode("utf-8")
    assert "\x1b" not in plain and "\x07" not in plain, "an escape sequence from the data reached the terminal"
    assert not _RAW.search(plain.replace("\r\n", "\n")), "a raw control character reached the terminal"
    return plain


# search shows CONTEXT characters around a match: enough here for the whole text
@pytest.mark.parametrize("command", [["targets"], ["delegates"], ["delegates", "zhang-san"], ["search", "MARK", "--context", "200"],
                                     ["briefs"], ["chart"]])
def test_table_on_a_terminal_shows_controls_and_markup_as_text(command, hostile, harmless, tmp_path):
    code, out = _run(command, hostile, tmp_path)
    assert code == 0, out
    assert b"\x1b[" in out, "Rich rendered for a terminal (colour codes present)"
    plain = _assert_inert(out)
    assert "\\x1b]0;pwned\\x07" in plain and MARKUP in plain and "[link=https://evil]y[/link]" in plain
    assert "\\x9b31m" in plain and "\\u202eevil\\u202c" in plain and "a\\x0db" in plain
    _, benign = _run(command, harmless, tmp_path)
    assert _styles(out) == _styles(benign), "data changed which styles were printed (markup was interpreted)"


def test_acceptance_targets_on_a_terminal(tmp_path):
    """The acceptance check: a summary (and, so that targets shows it, a metric) with an OSC title and markup."""
    text = MINI_TEXT.replace("    summary: 张三谈电网投资。\n", f"    summary: {quoted('谈' + OSC_TITLE + MARKUP)}\n")
    text = text.replace("    metric: 电网投资\n", f"    metric: {quoted('电网' + OSC_TITLE + MARKUP + '投资')}\n")
    library = _library(tmp_path, text, "acceptance")
    code, out = _run(["targets"], library, tmp_path)
    assert code == 0
    assert b"\x1b]" not in out and b"\x07" not in out, "no OSC sequence and no BEL from the data"
    assert {code for code in _styles(out)} <= {b"1;36", b"0", b""}, "only the header's bold cyan"
    assert "电网\\x1b]0;pwned\\x07[bold red]x[/]投资" in _assert_inert(out)


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
def test_other_formats_on_a_terminal_are_inert_too(fmt, hostile, tmp_path):
    code, out = _run(["targets", "--format", fmt], hostile, tmp_path)
    assert code == 0
    assert b"\x1b" not in out and b"\x07" not in out and "\u202e".encode() not in out and b"\xc2\x9b" not in out


def test_error_messages_on_a_terminal_are_inert(tmp_path):
    key = quoted(OSC_TITLE + "\u202e")
    library = _library(tmp_path, MINI_TEXT.replace("  reporter: 李明\n", f"  {key}: 李明\n"), "bad")
    code, out = _run(["targets"], library, tmp_path)
    assert code == 2
    assert b"\x1b" not in out and b"\x07" not in out and "\u202e".encode() not in out
    assert b"source.\\x1b]0;pwned\\x07\\u202e: unknown field" in out


def test_a_report_on_a_terminal_is_inert(hostile, tmp_path):
    """report prints Markdown even on a terminal: the data in it is escaped, never raw."""
    code, out = _run(["report"], hostile, tmp_path)
    assert code == 0
    assert "\\\\x1b\\]0;pwned\\\\x07" in _assert_inert(out)


def test_figure_arguments_on_a_terminal_are_inert(tmp_path):
    argv = CYBRIEF + ["figure", "400\x1f万辆", "约3763亿元\r", "\x1b]0;pwned\x07近400万辆"]
    code, out = run_in_pty(argv, terminal_env(XDG_CACHE_HOME=str(tmp_path / "c")))
    assert code == 2
    plain = _assert_inert(out)
    assert "400\\x1f万辆" in plain and "约3763亿元\\x0d" in plain and "'\\x1b]0;pwned\\x07近400万辆'" in plain
