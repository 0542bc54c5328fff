"""CSV output: RFC 4180 with a header row, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

# Excel reads a CSV file as UTF-8 only when it starts with this mark (else Chinese text is garbled); other
# tools take the file as is, so it is written only when asked for (--bom).
BYTE_ORDER_MARK = "\ufeff"

# A text cell starting with one of these is run as a formula by spreadsheets (CWE-1236), also after
# whitespace that a spreadsheet trims on import (spaces, line ends, NBSP, the ideographic space), and in
# its full-width forms (＝ ＋ － ＠), which some spreadsheets read as the ASCII ones.
_FORMULA = re.compile(r"[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r]")
_FORMULA_FIRST = "=+-@\uff1d\uff0b\uff0d\uff20\u00a0\u3000"  # a cell starting otherwise, and not with whitespace, is safe


def cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        if all(type(v) is str for v in value):  # most lists (key points, sectors): joined at once
            value = "; ".join(value)
        else:
            value = "; ".join("-".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def cells(values) -> list:
    """[cell(v) for v in values], without a call for the values cell() leaves as they are (most of them):
    a large table is written several times faster. tests/test_streaming.py keeps the two equal.

    A text is left as it is when its first character, compared without taking it out, lies in a range that holds
    neither whitespace nor a character of _FORMULA_FIRST (Latin letters, CJK, most of the rest); other texts
    (one starting with a digit, say) go through cell(), which decides them one by one."""
    return [v if type(v) is str and ("A" <= v < "\x80" or "\u3001" <= v < "\uff0b" or v >= "\uff21") or type(v) is int
            else cell(v) for v in values]


def _field(value) -> str:
    """One cell as the csv module writes it (QUOTE_MINIMAL, doubled quotes): quoted when it holds a comma, a quote or
    a line end."""
    text = value if type(value) is str else str(value)
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def line(values) -> str:
    """The CSV line of a row: what csv.writer(lineterminator="\r\n").writerow(cells(values)) writes, made with
    string methods that scan a long text in C at once, where the writer looks at it character by character (every
    delegate of a large library as CSV: three times faster). tests/test_streaming.py keeps the two equal."""
    made = cells(values)
    if len(made) == 1 and made[0] == "":
        return '""\r\n'  # as the writer does, so that the line is not read back as no field at all
    return ",".join([_field(v) for v in made]) + "\r\n"


def table(records: list[dict], columns) -> str:
    """The records as CSV under a header of `columns`, also when there is no record."""
    return "".join(stream(records, columns))


CHUNK = 2000  # rows per piece of a streamed table


def stream(records, columns):
    """table(records, columns) in pieces of CHUNK rows, the first with the header: written as it is made."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(columns)
    lines = [out.getvalue()]
    for record in records:
        lines.append(line(map(record.get, columns)))
        if len(lines) >= CHUNK:
            yield "".join(lines)
            lines = []
    yield "".join(lines)


class Renderer:
    # The columns of details, hits, groups and charts come from views, so that an empty result has its header.

    def listing(self, listing) -> str:
        return table(listing.records, listing.columns)

    def listing_stream(self, listing):
        """listing() in pieces, for a listing too long to make whole before the first line is written."""
        return stream(listing.records, listing.columns)

    def details(self, details) -> str:
        from cybrief.render.views import (
            DELEGATE_COLUMNS,  # the detail's targets do not fit a row
        )

        return table([d.record for d in details], DELEGATE_COLUMNS)

    def search(self, result) -> str:
        from cybrief.render.views import HIT_COLUMNS

        return table(result.records, HIT_COLUMNS)

    def sections(self, sections) -> str:
        from cybrief.render.views import GROUP_COLUMNS

        return table([{"group": s.key, **record} for s in sections for record in s.listing.records], GROUP_COLUMNS)

    def chart(self, series, legend: str) -> str:
        from cybrief.render.views import CHART_COLUMNS

        return table([b.record() for s in series for b in s.bars], CHART_COLUMNS)

    def counts(self, counts) -> str:
        # brief ids are lower-case, so the closing TOTAL row cannot be mistaken for a brief
        return table(counts.records + [{"brief": "TOTAL", "hits": counts.total}], ["brief", "hits"])
