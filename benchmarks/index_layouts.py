"""Why the index has one trigram row per brief: the bytes of other layouts of the same trigram index, measured.

Usage: python benchmarks/index_layouts.py [N]

On a generated library of N briefs (default 1,000; benchmarks/_library.py) it builds, in temporary SQLite
files, FTS5 trigram indexes of the briefs' normalized field texts laid out three ways (a row per field with
positions, as layout 2 of cybrief's index kept; a row per field without positions; a row per brief without
positions, as the index keeps now), merges each into one segment, and prints each one's bytes against the
library's; and the bytes of the fields' texts compressed with zlib, alone and with the plain brief beside
them in one stream. Not a test: it measures sizes, nothing is asserted.
"""

from __future__ import annotations

import marshal
import os
import shutil
import sqlite3
import tempfile
import zlib
from pathlib import Path

from _library import library_bytes, make_library
from _timing import positional

LAYOUTS = {
    "a row per field, with positions (detail=full)": ("full", "field"),
    "a row per field, no positions (detail=none)": ("none", "field"),
    "a row per brief, no positions (detail=none)": ("none", "brief"),
}


def main() -> None:
    from cybrief.brief.load import load_brief
    from cybrief.brief.plain import to_plain
    from cybrief.search.fields import brief_fields
    from cybrief.search.normalize import normalize

    [count] = positional(__doc__, ("count", 1000, "briefs in the generated library (default 1000)"))
    work = Path(tempfile.mkdtemp(prefix="cybrief-layouts-"))
    try:
        make_library(work / "library", count)
        size = library_bytes(work / "library")
        briefs = []
        for number, path in enumerate(sorted((work / "library").rglob("*.yaml")), 1):
            brief = load_brief(path)
            briefs.append((number, brief, [(fid, normalize(text), text) for fid, _, text in brief_fields(brief, number)]))
        print(f"{count} briefs, {size / 1e6:.1f} MB of YAML")
        for label, (detail, rows) in LAYOUTS.items():
            path = work / f"{detail}-{rows}.sqlite"
            db = sqlite3.connect(path, isolation_level=None)
            db.execute(f"CREATE VIRTUAL TABLE g USING fts5(norm, tokenize='trigram case_sensitive 1', content='', "
                       f"columnsize=0, detail={detail})")
            db.execute("BEGIN")
            for number, _, fields in briefs:
                if rows == "brief":
                    db.execute("INSERT INTO g(rowid, norm) VALUES (?, ?)", (number, "\x03".join(n for _, n, _ in fields) + "\x03\x03"))
                else:
                    db.executemany("INSERT INTO g(rowid, norm) VALUES (?, ?)", [(fid, n + "\x03\x03") for fid, n, _ in fields])
            db.execute("COMMIT")
            db.execute("INSERT INTO g(g) VALUES ('optimize')")
            db.execute("VACUUM")
            db.close()
            print(f"  trigram index, {label:<48} {os.path.getsize(path) / size:5.2f}x the library")
        texts = sum(len(zlib.compress(marshal.dumps([t for _, _, t in fields]), 5)) for _, _, fields in briefs)
        both = sum(len(zlib.compress(marshal.dumps([t for _, _, t in fields]) + marshal.dumps(to_plain(brief)), 5))
                   for _, brief, fields in briefs)
        print(f"  the fields' texts, zlib                                        {texts / size:5.2f}x")
        print(f"  the fields' texts and the plain brief, one zlib stream         {both / size:5.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
