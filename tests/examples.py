"""The examples of the documentation and of every command's --help, found and run as a reader would run them.

An example is a command line of a shell code block (sh, shell, bash: each line; console: each `$ ` line,
with the lines after it as the output shown), a Python code block (run with the blocks before it on its
page, in one interpreter), or an indented line under `Example:` in a command's --help. Each page, and each
command's help, runs in a folder of its own laid out as a reader's checkout is: the bundled brief in
./briefs, an article in report.txt (and report-gbk.txt), a draft in drafts/. Examples run in order, so that
one may use what an earlier one wrote.

An example must exit 0 unless its line says otherwise with a comment `# exit N`. One that runs a program
other than cybrief and the shell's own tools (jq, pandoc, sqlite-utils, datasette ...) is skipped, with
the reason, where that program is not installed. Lines that install cybrief itself (pip install) are what
CI runs; they are skipped.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "corridor.txt"  # a made-up report, written for the tests
SHELL_BLOCKS = ("sh", "shell", "bash", "console")
PYTHON_BLOCKS = ("python", "py")
# Programs every shell has, and cybrief itself: never a reason to skip.
BUILTIN = {"cybrief", "cat", "head", "tail", "echo", "wc", "grep", "cut", "sort", "uniq", "cd", "ls", "test", "[", "true",
           "iconv", "awk", "sed", "tr", "printf", "env", "xargs", "mkdir", "cp", "rm"}
EXIT = re.compile(r"#\s*exit\s+(\d+)")


class Example:
    """One example: where it is (page:line), the code, the exit code it must give, the output shown if any."""

    def __init__(self, where: str, code: str, exit: int = 0, shown: list[str] | None = None, python: bool = False):
        self.where, self.code, self.exit, self.shown, self.python = where, code, exit, shown or [], python

    def __repr__(self) -> str:
        return f"{self.where}: {self.code.splitlines()[0] if self.code else ''}"

    def skip_reason(self) -> str | None:
        if self.python:
            return None
        if "pip install" in self.code:
            return "installs cybrief from a checkout: CI runs that (.ci/run)"
        if ".articles/" in self.code:
            return "needs the development set's third-party texts, which are kept out of the project"
        if "chromium" in programs(self.code) and hasattr(os, "geteuid") and os.geteuid() == 0:
            return "Chromium does not run as root without --no-sandbox (the browser tests use it so)"
        for program in programs(self.code):
            if program not in BUILTIN and shutil.which(program) is None:
                return f"{program} is not installed"
        return None


def programs(line: str) -> list[str]:
    """The programs a shell line runs: the first word of each command of its pipelines and lists."""
    found = []
    for part in re.split(r"\|\||&&|[|;]", _uncommented(line)):
        try:
            words = shlex.split(part)
        except ValueError:
            words = part.split()
        while words and re.match(r"[A-Za-z_][A-Za-z0-9_]*=", words[0]):  # VAR=value before a command
            words.pop(0)
        if words:
            found.append(words[0])
    return found


def _uncommented(line: str) -> str:
    """The line without a trailing shell comment (a # after a space, outside quotes)."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index].rstrip()
    return line


def from_markdown(page: Path) -> list[Example]:
    """The examples of a Markdown page's fenced code blocks, in order."""
    found: list[Example] = []
    python: Example | None = None  # the page's Python blocks run as one program, each using what came before
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        fence = re.match(r"^(```+|~~~+)\s*([\w+-]*)", lines[index])
        if not fence:
            index += 1
            continue
        marker, lang = fence.group(1), fence.group(2).lower()
        start = index + 1
        index = start
        while index < len(lines) and not lines[index].startswith(marker):
            index += 1
        block = lines[start:index]
        index += 1
        where = lambda offset: f"{page.relative_to(ROOT)}:{start + 1 + offset}"  # noqa: E731
        if lang in PYTHON_BLOCKS and python is None:
            python = Example(where(0), "\n".join(block), python=True)
            found.append(python)
        elif lang in PYTHON_BLOCKS:
            python.code += "\n\n" + "\n".join(block)
        elif lang == "console":
            found += _console(block, where)
        elif lang in SHELL_BLOCKS:
            found += _shell(block, where)
    return found


def _shell(block: list[str], where) -> list[Example]:
    found, pending, first = [], "", 0
    for offset, line in enumerate(block):
        if not pending:
            first = offset
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        code = pending + line
        pending = ""
        found.append(Example(where(first), code.strip(), _exit(code)))
    return found


def _console(block: list[str], where) -> list[Example]:
    found = []
    for offset, line in enumerate(block):
        if line.startswith("$ "):
            found.append(Example(where(offset), line[2:].strip(), _exit(line)))
        elif found:
            found[-1].shown.append(line)
    return found


def _exit(line: str) -> int:
    match = EXIT.search(line)
    return int(match.group(1)) if match else 0


def from_help(command: str, doc: str) -> list[Example]:
    """The examples of a command's docstring (its --help): the indented lines after `Example:`."""
    import inspect

    text = inspect.cleandoc(doc or "")
    after = text.split("Example:", 1)[1] if "Example:" in text else ""
    return [Example(f"cybrief {command} --help", line.strip(), _exit(line))
            for line in after.splitlines() if line.startswith((" ", "\t")) and line.strip()]


_DRAFT: list[bytes] = []


def lay_out(folder: Path) -> None:
    """A reader's folder: the bundled brief in ./briefs, an article (UTF-8 and GBK), a draft in drafts/."""
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    shutil.copytree(ROOT / "tools", folder / "tools")  # the scripts the docs run from a checkout
    (folder / "docs").mkdir()
    text = ARTICLE.read_text(encoding="utf-8")
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "report-gbk.txt").write_bytes(text.encode("gbk"))
    (folder / "drafts").mkdir()
    if not _DRAFT:  # drafted once: every folder gets the same draft
        done = subprocess.run([sys.executable, "-m", "cybrief", "draft", "report.txt", "-o", "drafts/corridor.yaml"],
                              cwd=folder, env=environment(folder), capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        _DRAFT.append((folder / "drafts" / "corridor.yaml").read_bytes())
    (folder / "drafts" / "corridor.yaml").write_bytes(_DRAFT[0])
    bin_folder = folder.parent / f"{folder.name}-bin"
    bin_folder.mkdir()
    shim = bin_folder / "cybrief"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m cybrief "$@"\n')
    shim.chmod(0o755)
    python = bin_folder / "python"  # the interpreter cybrief is installed in, as in an activated virtual environment
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)


def environment(folder: Path) -> dict[str, str]:
    """A reader's environment: cybrief first on PATH, a private cache, no preferences, 80 columns, no terminal."""
    dropped = ("CYBRIEF_LIBRARY", "CYBRIEF_LANG", "CYBRIEF_FORMAT", "CYBRIEF_PAGER", "CYBRIEF_NO_CACHE", "CYBRIEF_DEBUG",
               "NO_COLOR", "FORCE_COLOR")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["PATH"] = f"{folder.parent / (folder.name + '-bin')}{os.pathsep}{env.get('PATH', '')}"
    home = folder.parent / f"{folder.name}-home"  # what an example writes under ~ stays in the test's folder
    home.mkdir(exist_ok=True)
    env.update(XDG_CACHE_HOME=str(folder.parent / f"{folder.name}-cache"), COLUMNS="80", PYTHONIOENCODING="utf-8",
               HOME=str(home))
    return env


def run(example: Example, folder: Path) -> subprocess.CompletedProcess:
    if example.python:
        return subprocess.run([sys.executable, "-c", example.code], cwd=folder, env=environment(folder),
                              capture_output=True, text=True, timeout=300)
    return subprocess.run(["bash", "-o", "pipefail", "-c", example.code], cwd=folder, env=environment(folder),
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def shown_matches(shown: list[str], output: str) -> str | None:
    """Why the output shown under a console example differs from what it printed, or None. A shown line ending
    in … stands for any line that starts with what comes before it."""
    actual = output.splitlines()
    for number, line in enumerate(shown):
        if number >= len(actual):
            return f"shown line {number + 1} was not printed: {line!r}"
        if line.endswith("…") and actual[number].startswith(line[:-1]):
            continue
        if actual[number] != line:
            return f"line {number + 1}: shown {line!r}, printed {actual[number]!r}"
    return None
