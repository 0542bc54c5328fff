"""CSV output: RFC 4180 with a header row, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from cybrief.brief.csvrows import line

# Excel reads a CSV file as UTF-8 only when it starts with this mark (else Chinese text is garbled); other
# tools take the file as is, so it is written only when asked for (--bom).
BYTE_ORDER_MARK = "\ufeff"


def table(records: list[dict], columns) -> str:
    """The records as CSV under a header of `columns`, also when there is no record."""
    return "".join(stream(records, columns))


CHUNK = 2000  # rows per piece of a streamed table


def stream(records, columns):
    """table(records, columns) in pieces of CHUNK rows, the first with the header: written as it is made."""
    return pieces(columns, (line(map(record.get, columns)) for record in records))


PIECE = 1 << 20  # characters or bytes from which the lines gathered are written as a piece


def pieces(columns, lines):
    """The header of `columns`, then CSV lines already made, joined in pieces of at most CHUNK lines (or about PIECE
    characters); lines given as UTF-8 (bytes, one or several lines each: library/indexed.py) are joined as bytes."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(columns)
    chunk, kind, size = [out.getvalue()], str, 0
    for made in lines:
        if type(made) is not kind:
            if chunk:
                yield kind().join(chunk)
            chunk, kind, size = [], type(made), 0
        chunk.append(made)
        size += len(made)
        if len(chunk) >= CHUNK or size >= PIECE:
            yield kind().join(chunk)
            chunk, size = [], 0
    yield kind().join(chunk)


class Renderer:
    # The columns of details, hits, groups and charts come from views, so that an empty result has its header.

    def listing(self, listing) -> str:
        return table(listing.records, listing.columns)

    def listing_stream(self, listing):
        """listing() in pieces, for a listing too long to make whole before the first line is written."""
        return stream(listing.records, listing.columns)

    def lines(self, columns, lines):
        """A listing whose CSV lines are made already (Library.csv_lines), in pieces (text, or UTF-8 as given)."""
        return pieces(columns, lines)

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
