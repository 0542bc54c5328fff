"""Exporting a library as tables: a SQLite database (keys, numbers, full-text index), one JSON file, or CSV files.

The tables are briefs, events, sectors, delegates and targets. Briefs, delegates and targets have the
columns of `cybrief briefs`, `cybrief delegates` and `cybrief targets --format json` (with each target's
basis and each key point's in `points_basis`); no table carries the review markers of a brief. Lists (sectors,
points, terms) are JSON text in SQLite and joined with "; " in CSV. Every export is written through files.write_output: built beside its destination
and renamed into place, so a crash never leaves half a file, and an existing destination is replaced only
with `force`.
"""

from __future__ import annotations

from pathlib import Path

from cybrief.brief.model import EXPORT_FORMATS
from cybrief.errors import ExportError, UsageError
from cybrief.library import Library

FORMATS = EXPORT_FORMATS
TABLES = ("briefs", "events", "sectors", "delegates", "targets")

# Column types and keys of the SQLite tables; columns not listed are TEXT. Keys are (brief, id) pairs,
# since ids are unique within a brief, not across a library.
INTEGER = {"paragraph", "events", "delegates", "targets"}
NUMERIC = {"value", "upper"}
PRIMARY_KEYS = {
    "briefs": ("id",), "events": ("brief", "id"), "sectors": ("brief", "slug"), "delegates": ("brief", "id"),
    "targets": ("brief", "id"),
}
FOREIGN_KEYS = {
    "events": [(("brief",), "briefs", ("id",))],
    "sectors": [(("brief",), "briefs", ("id",))],
    "delegates": [(("brief",), "briefs", ("id",)), (("brief", "event"), "events", ("brief", "id"))],
    "targets": [
        (("brief",), "briefs", ("id",)),
        (("brief", "delegate"), "delegates", ("brief", "id")),
        (("brief", "sector"), "sectors", ("brief", "slug")),
    ],
}
# Full-text indexes (FTS5, trigram tokenizer: any substring of three characters or more, Chinese included).
SEARCHABLE = {
    "delegates": ("name", "name_en", "role", "role_en", "organization", "organization_en", "summary", "summary_en",
                  "points", "points_en", "terms"),
    "targets": ("metric", "metric_en", "figure", "region", "note", "qualitative", "basis_note"),
    "events": ("title", "title_en", "theme", "place", "terms"),
}


def tables(library: Library) -> dict[str, list[dict]]:
    """Rows of every table, in library order: the records of views, as `--format json` prints them."""
    from cybrief.render import views

    return {
        "briefs": [views.brief_record(b) for b in library.briefs],
        "events": [views.event_record(b, e) for b in library.briefs for e in b.events],
        "sectors": [record for b in library.briefs for record in views.sector_records(b)],
        "delegates": [views.delegate_record(r) for r in library.delegates()],
        "targets": [views.target_record(r) for r in library.targets()],
    }


def export(library: Library, to: str, path: Path, *, force: bool = False, bom: bool = False) -> None:
    """Write the library to `path` as sqlite (a database file), json (one file) or csv (a folder of files).

    An existing destination is replaced only with `force`, and a folder only if it holds nothing but a
    previous CSV export (files.write_output, which also makes the write atomic). `bom` starts each CSV file
    with a byte-order mark, for Excel.
    """
    from cybrief.files import check_output, write_output

    if to not in FORMATS:
        raise UsageError(f"unknown export format {to!r}; choose one of {', '.join(FORMATS)}")
    check_output(path, force=force, names=CSV_FILES if to == "csv" else None)  # before the work
    write_output(path, render(library, to, bom=bom), force=force, parents=True)


CSV_FILES = [f"{name}.csv" for name in TABLES]


def render(library: Library, to: str, *, bom: bool = False) -> bytes | dict[str, bytes]:
    """The export's content: the bytes of the database or JSON file, or for csv the files of the folder."""
    data = tables(library)
    if to == "sqlite":
        return sqlite_bytes(data)
    if to == "json":
        from cybrief.render.json import dumps

        return dumps(data).encode("utf-8")
    from cybrief.render.csv import table

    encoding = "utf-8-sig" if bom else "utf-8"
    return {f"{name}.csv": table(rows, columns(name)).encode(encoding) for name, rows in data.items()}


def columns(name: str) -> tuple[str, ...]:
    """The columns of a table, also of an empty one: the keys of its records in views."""
    from cybrief.render import views

    return {
        "briefs": views.BRIEF_COLUMNS, "events": views.EVENT_COLUMNS, "sectors": views.SECTOR_COLUMNS,
        "delegates": views.DELEGATE_COLUMNS, "targets": views.TARGET_COLUMNS,
    }[name]


# --- SQLite --------------------------------------------------------------------------------------------------

def _quote(name: str) -> str:
    return "[" + name + "]"


def sqlite_bytes(data: dict[str, list[dict]]) -> bytes:
    """A SQLite database with the tables, their keys, and full-text indexes, as the bytes of its file."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    try:
        fill_sqlite(db, data)
        return db.serialize()
    finally:
        db.close()


def fill_sqlite(db, data: dict[str, list[dict]]) -> None:
    """Create the tables, their keys and full-text indexes in an empty database, and commit."""
    import json
    import sqlite3

    try:
        db.execute("PRAGMA foreign_keys = ON")
        for name in TABLES:
            names = columns(name)
            defs = [f"{_quote(c)} {'INTEGER' if c in INTEGER else 'NUMERIC' if c in NUMERIC else 'TEXT'}" for c in names]
            defs.append(f"PRIMARY KEY ({', '.join(map(_quote, PRIMARY_KEYS[name]))})")
            for own, other, theirs in FOREIGN_KEYS.get(name, ()):
                defs.append(f"FOREIGN KEY ({', '.join(map(_quote, own))}) REFERENCES {_quote(other)} "
                            f"({', '.join(map(_quote, theirs))})")
            db.execute(f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(defs) + "\n)")
            marks = ", ".join("?" for _ in names)
            rows = [[json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple)) else v for v in (r[c] for c in names)]
                    for r in data[name]]
            db.executemany(f"INSERT INTO {_quote(name)} ({', '.join(map(_quote, names))}) VALUES ({marks})", rows)
        for name, searchable in SEARCHABLE.items():
            _fts(db, name, searchable)
        db.commit()
    except sqlite3.OperationalError as exc:
        if "tokenizer" in str(exc):
            raise ExportError(f"this SQLite ({sqlite3.sqlite_version}) has no trigram tokenizer for the full-text "
                              "index; SQLite 3.34 or newer has it") from None
        raise


def _fts(db, table: str, columns: tuple[str, ...]) -> None:
    # The layout sqlite-utils' enable_fts makes, so that Datasette finds the index and offers a search box.
    listed = ", ".join(map(_quote, columns))
    db.execute(f"CREATE VIRTUAL TABLE {_quote(table + '_fts')} USING FTS5 ({listed}, tokenize='trigram', "
               f"content={_quote(table)})")
    db.execute(f"INSERT INTO {_quote(table + '_fts')} (rowid, {listed}) SELECT rowid, {listed} FROM {_quote(table)}")
