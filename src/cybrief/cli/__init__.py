"""The command line: a Typer app over the library; the only package that prints or exits, with quick.py.

application.py holds the app and the one place errors become a line and an exit code; options.py the options the
commands share; output.py what they write; lookup.py the library and targets the options name; the
commands are in reading.py, figures.py and authoring.py, registered in the order `--help` lists them.
"""

from cybrief.cli.application import app, main
from cybrief.cli import reading, figures, authoring  # noqa: F401 - importing them registers their commands, in this order

__all__ = ["app", "main"]
