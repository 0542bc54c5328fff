"""CSV output: RFC 4180 with a header row, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

# A text cell starting with one of these is run as a formula by spreadsheets (CWE-1236).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    return "'" + text if text.startswith(_FORMULA_START) else text


def table(records: list[dict], columns: list[str] | None = None) -> str:
    columns = columns or (list(records[0]) if records else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([cell(record.get(c)) for c in columns])
    return out.getvalue()


class Renderer:
    def listing(self, listing) -> str:
        return table(listing.records)

    def details(self, details) -> str:
        records = [{k: v for k, v in d.record.items() if k != "targets"} for d in details]
        return table(records)

    def search(self, result) -> str:
        columns = ["brief", "delegate", "delegate_name", "record", "record_id", "field", "text", "spans", "score", "match"]
        return table(result.records, columns)

    def sections(self, sections) -> str:
        records = [{"group": s.key, **record} for s in sections for record in s.listing.records]
        return table(records)

    def chart(self, series, legend: str) -> str:
        return table([b.record() for s in series for b in s.bars])

    def counts(self, counts) -> str:
        # brief ids are lower-case, so the closing TOTAL row cannot be mistaken for a brief
        return table(counts.records + [{"brief": "TOTAL", "hits": counts.total}], ["brief", "hits"])
