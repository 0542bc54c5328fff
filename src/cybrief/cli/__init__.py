"""The command line: a Typer app over the library; the only package that prints or exits.

quick.py is the entry point: it answers a plain search from a current index, and runs a plain `index`
(indexing_work.py), before Typer is imported, and hands anything else to the app. argv.py moves global options written before the command after it.
application.py holds the app and the one place errors become a line and an exit code; options.py the
options the commands share; output.py what they write, pager.py how it reaches a terminal; helptext.py lays
out --help; completion.py completes names from the library on the line; lookup.py the library and targets
the options name; the commands are in reading.py, indexing.py, figures.py and authoring.py, registered in the order
`--help` lists them. May import every other part of cybrief.

Importing this package imports nothing else: `app` and `main` are made on first use, so that the quick
path never pays for Typer.
"""

__all__ = ["app", "main"]


def __getattr__(name: str):
    if name in ("app", "main"):
        from cybrief.cli import application
        from cybrief.cli import reading, indexing, figures, authoring  # noqa: F401 - importing them registers their commands, in this order

        return getattr(application, name)
    raise AttributeError(f"module 'cybrief.cli' has no attribute {name!r}")
