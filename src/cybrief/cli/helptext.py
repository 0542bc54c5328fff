"""Help as a terminal shows it: text wrapped by display cells (a Chinese character takes two), examples kept as written.

Click wraps help by characters, so a line holding Chinese overflows a narrow terminal; and it rewraps the
indented examples of a docstring. This formatter measures cells, breaks lines by the rules of
render/linebreak.py, and leaves every indented paragraph (an example) exactly as written, so that it can
be pasted.
"""

from __future__ import annotations

from typer import _click as click
from typer.core import TyperCommand


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def wrap_help(text: str, width: int, indent: str = "") -> str:
    """Paragraphs (separated by blank lines) wrapped at `width` cells after `indent`; an indented paragraph, or
    one after a line holding only \\b, is kept line by line."""
    from cybrief.render.linebreak import lines

    blocks = []
    for paragraph in text.expandtabs().split("\n\n"):
        rows = [row for row in paragraph.split("\n") if row.strip()]
        if not rows:
            continue
        if rows[0].strip() == "\b" or rows[0][:1] == " ":
            kept = rows[1:] if rows[0].strip() == "\b" else rows
            blocks.append("\n".join(indent + row for row in kept))
            continue
        joined = " ".join(row.strip() for row in rows)
        blocks.append("\n".join(indent + row for row in lines(joined, max(width - _cells(indent), 10))))
    return "\n\n".join(blocks)


class Formatter(click.HelpFormatter):
    def write_text(self, text: str) -> None:
        self.write(wrap_help(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_width = min(max((_cells(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _cells(first) <= first_width - col_spacing:
                self.write(" " * (first_width - _cells(first)))
            else:
                self.write("\n" + " " * (first_width + self.current_indent))
            text = wrap_help(second, max(self.width - first_width - self.current_indent, 10))
            pad = " " * (first_width + self.current_indent)
            self.write(text.replace("\n", "\n" + pad).replace("\n" + pad + "\n", "\n\n") + "\n")


class Context(click.Context):
    formatter_class = Formatter


class Command(TyperCommand):
    context_class = Context
