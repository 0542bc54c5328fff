"""Output formats: the --format enum and the renderer module behind each value, imported only when chosen."""

from __future__ import annotations

from enum import Enum
from importlib import import_module


class Format(str, Enum):
    """Values of --format; `auto` is a terminal table on a terminal, Markdown when piped."""

    auto = "auto"
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    plain = "plain"


# Module per format, imported lazily: the JSON and Markdown paths never load Rich.
RENDERER_MODULES = {
    Format.table: "cybrief.render.terminal",
    Format.markdown: "cybrief.render.markdown",
    Format.json: "cybrief.render.json",
    Format.csv: "cybrief.render.csv",
    Format.plain: "cybrief.render.plain",
}


def resolve(fmt: Format, stdout_is_terminal: bool) -> Format:
    if fmt is Format.auto:
        return Format.table if stdout_is_terminal else Format.markdown
    return fmt


def renderer(fmt: Format):
    """The renderer for a concrete format: an object with listing(), details() and search() methods."""
    return import_module(RENDERER_MODULES[fmt]).Renderer()


STREAM_ROWS = 2000  # a listing of more rows is written piece by piece as it is made (renderers' listing_stream)


def listing(made, listing):
    """made.listing(listing), or for a long listing its pieces (made.listing_stream), so that output starts at once."""
    if len(listing.records) > STREAM_ROWS and hasattr(made, "listing_stream"):
        return made.listing_stream(listing)
    return made.listing(listing)
