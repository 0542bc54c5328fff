"""JSON output: one array of records per command, with the keys of the output contract."""

from __future__ import annotations

import json
import re

# json.dumps escapes C0 controls but not C1 controls or bidi overrides; a terminal acts on those, so
# they are written as \u escapes too. The JSON stays valid and decodes to exactly the same text.
_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escaped(text: str) -> str:
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps(data) -> str:
    return _escaped(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


CHUNK = 500  # items per piece of a streamed array


def stream(items: list):
    """dumps(items) for a list, in pieces of CHUNK items: the same bytes, written as they are made."""
    if not items:
        yield "[]\n"
        return
    parts = []
    for index, item in enumerate(items):
        parts.append(("[\n  " if index == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        if len(parts) == CHUNK:
            yield _escaped("".join(parts))
            parts = []
    parts.append("\n]\n")
    yield _escaped("".join(parts))


class Renderer:
    def listing(self, listing) -> str:
        return dumps(listing.records)

    def listing_stream(self, listing):
        """listing() in pieces, for a listing too long to make whole before the first line is written."""
        return stream(listing.records)

    def details(self, details) -> str:
        return dumps([d.record for d in details])

    def search(self, result) -> str:
        return dumps(result.records)

    def sections(self, sections) -> str:
        return dumps([s.record() for s in sections])

    def chart(self, series, legend: str) -> str:
        return dumps([b.record() for s in series for b in s.bars])

    def counts(self, counts) -> str:
        return dumps({"query": counts.query, "total": counts.total, "briefs": counts.records})
