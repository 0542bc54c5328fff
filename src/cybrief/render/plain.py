"""Plain output for grep, cut and awk: one record or hit per line, fields separated by tabs, no header, no markup.

Like `rg --no-heading` and the tables gh prints into a pipe. A field never holds a tab or a line break (both
become spaces; the two languages of a `both` cell are joined by a space), and control characters are shown
as escapes, so that every line is one record. Search hits print the whole text of the field.
"""

from __future__ import annotations

import re

from cybrief.safety import visible

_BREAKS = re.compile(r"\s*[\t\r\n]+\s*")


def field(text) -> str:
    """One field on one line: tabs and line breaks as one space, controls as visible escapes."""
    return visible(_BREAKS.sub(" ", str(text).strip()))


def line(*fields) -> str:
    return "\t".join(field(f) for f in fields) + "\n"


def filled(rows: list[list[str]]) -> list[list[str]]:
    """Rows as lines that stand alone: a row whose first cells are empty (it continues the row above, as a
    table shows a facet's further units) takes them from the row above."""
    out: list[list[str]] = []
    for row in rows:
        lead = next((i for i, cell in enumerate(row) if cell != ""), len(row))
        out.append(out[-1][:lead] + list(row[lead:]) if lead and out else list(row))
    return out


class Renderer:
    def listing(self, listing) -> str:
        return "".join(line(*row) for row in filled(listing.rows))

    def details(self, details) -> str:
        out = []
        for d in details:
            out += [line(d.heading, name, text) for name, text in d.fields]
            out += [line(d.heading, d.points_title, point) for point in d.points]
            out += [line(d.heading, d.targets_title, *row) for row in d.targets.rows]
        return "".join(out)

    def search(self, result) -> str:
        from cybrief.search.hits import who

        return "".join(line(hit.brief, who(hit, result.lang), hit.field, hit.text) for hit in result.hits)

    def sections(self, sections) -> str:
        return "".join(line(s.label, *row) for s in sections for row in s.listing.rows)

    def chart(self, series, legend: str) -> str:
        return "".join(line(s.title, b.label, b.figure) for s in series for b in s.bars)

    def counts(self, counts) -> str:
        return "".join(line(brief, n) for brief, n in counts.briefs)
