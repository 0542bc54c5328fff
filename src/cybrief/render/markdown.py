"""GitHub-flavoured Markdown output: tables with escaped cells, search hits as a list with matches in bold."""

from __future__ import annotations

import re

from cybrief.safety import UNSAFE, has_unsafe, visible

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_CHANGED = re.compile(r"[\\`*_\[\]|~<>&\n]")  # what escape() rewrites, besides the unsafe characters
CHART_WIDTH = 30  # cells of the longest bar in a Markdown chart


# What a GFM reader turns into a link by itself (autolinks: https://…, www.…, an address a@b.c, and on
# GitHub a mention @name): the colon of a scheme and the dot of www. are backslash-escaped, which GFM
# readers take as text; an @ gets a <wbr> (an empty HTML element, a line-break opportunity) before it,
# since GFM finds addresses in text whatever its escapes.
_LINKISH = re.compile(r"(?i)(?<=www)\.|:(?=//)|@")
_UNLINKED = {".": "\\.", ":": "\\:", "@": "<wbr>@"}


def _unchanged(text: str) -> bool:
    """Whether escape() keeps text as it is (true of most cells, and of every part of such a text)."""
    return _CHANGED.search(text) is None and not has_unsafe(text) and _LINKISH.search(text) is None


# Anything escape() rewrites but a line end, in one scan: a cell of two lines (Chinese over English) is common.
_CHANGED_IN_LINE = re.compile("(?i)" + "|".join((UNSAFE.pattern, r"[\\`*_\[\]|~<>&]", _LINKISH.pattern.removeprefix("(?i)"))))


def escape(text: str) -> str:
    """Inline-safe Markdown: specials backslash-escaped, <>& as entities, newlines as <br>, no autolink."""
    if _CHANGED_IN_LINE.search(text) is None:
        return text.replace("\n", "<br>")  # one scan instead of five rewrites
    text = visible(text.replace("\r\n", "\n"))  # a CR that ends a line is a line end, any other is shown
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"[<>&]", lambda m: _ENTITIES[m.group()], text)
    text = _LINKISH.sub(lambda m: _UNLINKED[m.group()], text)
    return text.replace("\n", "<br>")


# What opens a block at the start of a line once inline specials are escaped: a heading (#), a list item
# (- + or 1. 1)), a thematic break or setext underline (--- ===); `*`, `_`, backticks, `~`, `>` and `<` are
# escaped or entities already, and leading spaces or tabs would make an indented code block.
_BLOCK_START = re.compile(r"\A(?:#|[-+=]|\d{1,9}(?=[.)]))")


def escape_block(text: str) -> str:
    """`escape` for text that starts a paragraph or a list item: no data can open a heading, list, rule or code block.

    Leading whitespace goes (a paragraph shows none), and a leading block marker is backslash-escaped.
    """
    text = escape(text.lstrip(" \t"))
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group()[0].isdigit():  # 1. or 1): escape the dot or parenthesis after the number
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def table(headers: list[str], rows: list[list[str]]) -> str:
    return "".join(table_stream(headers, rows))


CHUNK = 2000  # rows per piece of a streamed table


def table_stream(headers: list[str], rows):
    """table(headers, rows) in pieces of CHUNK rows: the same text, written as it is made."""
    lines = ["| " + " | ".join(escape(h.replace("\n", " ")) for h in headers) + " |", "|" + " --- |" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(escape(c) for c in row) + " |")
        if len(lines) >= CHUNK:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"


def highlight(text: str, spans) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts.append(escape(text[last:start]))
        parts.append(f"**{escape(text[start:end])}**")
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


def notes(lines) -> str:
    """Legend lines under a table (what a mark in it means), each its own paragraph."""
    return "".join(f"\n{escape_block(line)}\n" for line in lines)


class Renderer:
    def listing(self, listing) -> str:
        return table(listing.headers, listing.rows) + notes(listing.notes)

    def listing_stream(self, listing):
        """listing() in pieces, for a listing too long to make whole before the first line is written."""
        return table_stream(listing.headers, listing.rows_as_made())

    def details(self, details) -> str:
        blocks = []
        for d in details:
            lines = [f"## {escape(d.heading)}", ""]
            lines += [f"- **{escape(label)}**: {escape(text)}" for label, text in d.fields]
            if d.points:
                lines += ["", f"### {escape(d.points_title)}", ""]
                lines += [f"- {escape_block(p)}" for p in d.points]
            if d.targets.rows:
                lines += ["", f"### {escape(d.targets_title)}", "", table(d.targets.headers, d.targets.rows).rstrip("\n")]
            blocks.append("\n".join(lines) + "\n" + notes(d.notes))
        return "\n".join(blocks)

    def search(self, result) -> str:
        from cybrief.search.hits import pinyin_mark, snippet, who

        lines = []
        for hit in result.hits:
            text, spans = snippet(hit.text, hit.spans, result.context)
            tag = f" · {escape(pinyin_mark(result.lang))}" if hit.match == "pinyin" else ""
            lines.append(
                f"- **{escape(who(hit, result.lang))}** · {escape(hit.brief)} · `{hit.field}` ({hit.record} {escape(hit.record_id)}){tag}: "
                f"{highlight(text, spans)}"
            )
        return "\n".join(lines) + "\n" if lines else ""

    def sections(self, sections) -> str:
        blocks = [f"## {escape(s.label)} ({len(s.listing.rows)})\n\n" + table(s.listing.headers, s.listing.rows)
                  for s in sections]
        return "\n".join(blocks) + notes(dict.fromkeys(line for s in sections for line in s.listing.notes))

    def chart(self, series, legend: str) -> str:
        from cybrief.render.bars import text as bar_text

        blocks = []
        for s in series:
            rows = [[b.label, b.figure, bar_text(b, CHART_WIDTH)] for b in s.bars]
            blocks.append(f"### {escape(s.title)}\n\n" + table(s.headers, rows))
        return "\n".join(blocks) + "\n" + escape(legend) + "\n"

    def counts(self, counts) -> str:
        briefs = counts.briefs
        lines = table(counts.headers, []).splitlines()
        if _unchanged("\t".join(brief for brief, _ in briefs)):  # one scan for a column of 10,000 ids
            lines += [f"| {brief} | {n} |" for brief, n in briefs]
        else:
            lines += [f"| {escape(brief)} | {n} |" for brief, n in briefs]
        lines.append(f"| **{escape(counts.total_label)}** | {counts.total} |")
        return "\n".join(lines) + "\n"
