"""cybrief's exceptions and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a search start-up time
if TYPE_CHECKING:
    from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes, listed in the README."""

    OK = 0
    NO_MATCH = 1  # the query ran and matched nothing
    INPUT = 2  # bad usage, or a brief that cannot be loaded
    INTERNAL = 3  # a bug in cybrief: please report it


class CybriefError(Exception):
    """Base of every error cybrief reports to the user; the CLI prints it as one line per problem."""

    exit_code = ExitCode.INPUT

    def lines(self) -> list[str]:
        return [str(self)]


class UsageError(CybriefError):
    """An option value that names nothing known (a sector, a brief id, a library folder)."""


class WriteError(CybriefError):
    """An output file that cannot be written: it exists (and --force was not given), or the system refused."""


class NoMatch(CybriefError):
    """The query was valid but matched nothing."""

    exit_code = ExitCode.NO_MATCH


class FigureError(CybriefError):
    """Text that is not a figure cybrief can read (see quantity.py); it is refused, never guessed at."""

    def __init__(self, text: str, reason: str):
        self.text, self.reason = text, reason
        super().__init__(f"cannot read {text!r} as a figure: {reason}")


class ExportError(CybriefError):
    """An export that could not be written (the destination, or this SQLite's missing features)."""


class Unavailable(CybriefError):
    """The search index cannot be used (unwritable, locked too long, a brief too large): a search reads the files instead."""

    def __init__(self, path, reason: str):
        super().__init__(f"cannot use the search index {path}: {reason}")


class ArticleError(CybriefError):
    """An article that cannot be read: missing, too large, binary, or in an encoding cybrief cannot tell."""


class Several(CybriefError):
    """Several errors of one kind (each argument of `cybrief figure` that is not a figure), one line each."""

    def __init__(self, errors: list[CybriefError]):
        self.errors = errors
        super().__init__(str(errors[0]) if errors else "")

    def lines(self) -> list[str]:
        return [line for error in self.errors for line in error.lines()]


# Problems reported for one file at most: past them the checks stop, with one more line saying so. A file
# of 25,000 unknown fields, or of 8,000 empty targets (twelve missing fields each), needs only the first few.
MAX_PROBLEMS = 100


def stopped(path: str, line: int | None, column: int | None) -> Problem:
    """The line that ends a file's report once MAX_PROBLEMS problems were found."""
    return Problem(path, line, column, "", f"stopped after {MAX_PROBLEMS} problems in this file; fix these first")


class Problem:
    """One located problem in a brief file: path, 1-based line and column, field path, message."""

    __slots__ = ("path", "line", "column", "field", "message")

    def __init__(self, path: str, line: int | None, column: int | None, field: str, message: str):
        self.path, self.line, self.column, self.field, self.message = path, line, column, field, message

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "field": self.field, "message": self.message}


class BriefError(CybriefError):
    """A brief that cannot be loaded; holds every problem found in it, in file order."""

    MAX_LINES = 500  # lines shown at most, for a library of many broken files

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0))
        super().__init__(str(self.problems[0]) if self.problems else "invalid brief")

    def lines(self) -> list[str]:
        shown = [str(p) for p in self.problems[: self.MAX_LINES]]
        if len(self.problems) > self.MAX_LINES:
            shown.append(f"... and {len(self.problems) - self.MAX_LINES} more problems")
        return shown


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when it lies below it."""
    from pathlib import (
        Path,  # here, not at the top: a warm search never needs pathlib (costly to import)
    )

    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class Invalid(CybriefError):
    """`cybrief validate` found problems: `lines()` lists them (unless already written as JSON) and a summary.

    `report` is a validate.Report: its `problems` and its `summary()`.
    """

    def __init__(self, report, listed: bool = False):
        self.report, self.listed = report, listed
        super().__init__(report.summary())

    def lines(self) -> list[str]:
        shown = [] if self.listed else [str(p) for p in self.report.problems]
        return shown + [self.report.summary()]
