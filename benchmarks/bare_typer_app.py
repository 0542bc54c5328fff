"""Baseline for the start-up benchmark: a bare two-command Typer app, what any Typer CLI pays to start."""

import typer
import yaml  # noqa: F401  (cybrief reads YAML on every run; the baseline pays that import too)

app = typer.Typer()


@app.command()
def json() -> None:
    print("[]")


@app.command()
def table() -> None:
    from rich.console import Console
    from rich.table import Table

    Console().print(Table("name", "role"))


if __name__ == "__main__":
    app()
