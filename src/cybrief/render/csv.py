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


def cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        value = "; ".join("-".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def table(records: list[dict], columns) -> str:
    """The records as CSV under a header of `columns`, also when there is no record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([cell(record.get(c)) for c in columns])
    return out.getvalue()


class Renderer:
    # The columns of details, hits, groups and charts come from views, so that an empty result has its header.

    def listing(self, listing) -> str:
        return table(listing.records, listing.columns)

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
