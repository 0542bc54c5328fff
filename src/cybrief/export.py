"""Exporting a library as tables: a SQLite database (keys, numbers, full-text index), one JSON file, or CSV files.

The tables are briefs, events, sectors, delegates and targets. Delegates and targets have the columns of
`cybrief delegates --format json` and `cybrief targets --format json`; lists are JSON text in SQLite and
joined with "; " in CSV. Every export is built beside its destination and renamed into place, so a crash
never leaves half a file, and an existing destination is replaced only with `force`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from cybrief.errors import CybriefError, UsageError, display_path
from cybrief.library import Library

FORMATS = ("sqlite", "json", "csv")
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
                  "points", "points_en"),
    "targets": ("metric", "metric_en", "figure", "region", "note", "qualitative"),
    "events": ("title", "title_en", "theme", "place"),
}


class ExportError(CybriefError):
    """An export that could not be written (the destination, or this SQLite's missing features)."""


def tables(library: Library) -> dict[str, list[dict]]:
    """Rows of every table, in library order."""
    from cybrief import views

    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    for b in library.briefs:
        out["briefs"].append({
            "id": b.id, "title": b.title, "title_en": b.title_en, "language": b.language, "date": b.date,
            "outlet": b.source.outlet, "reporter": b.source.reporter, "published": b.source.published,
            "url": b.source.url, "events": len(b.events), "delegates": len(b.delegates), "targets": len(b.targets),
            "path": b.path,
        })
        for e in b.events:
            out["events"].append({"brief": b.id, **{f.name: getattr(e, f.name) for f in e.FIELDS}})
        for s in b.sectors:
            out["sectors"].append({"brief": b.id, "slug": s.slug, "zh": s.zh, "en": s.en})
    out["delegates"] = [views.delegate_record(r) for r in library.delegates()]
    out["targets"] = [views.target_record(r) for r in library.targets()]
    return out


def export(library: Library, to: str, path: Path, *, force: bool = False) -> None:
    """Write the library to `path` as sqlite (a database file), json (one file) or csv (a folder of files)."""
    if to not in FORMATS:
        raise UsageError(f"unknown export format {to!r}; choose one of {', '.join(FORMATS)}")
    if os.path.lexists(path):
        if not force:
            raise UsageError(f"{display_path(path)} exists; add --force to replace it")
        if path.is_dir() and (to != "csv" or not _is_csv_export(path)):
            raise UsageError(f"{display_path(path)} is a folder that cybrief did not export; it is not replaced")
    data = tables(library)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        if to == "csv":
            _folder(path, parent, data)
        else:
            fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            try:
                if to == "sqlite":
                    os.unlink(tmp)
                    write_sqlite(data, Path(tmp))
                else:
                    from cybrief.render.json import dumps

                    Path(tmp).write_text(dumps(data), encoding="utf-8")
                make_readable(Path(tmp))
                _replace(Path(tmp), path)
            except BaseException:
                _remove(Path(tmp))
                raise
    except OSError as exc:
        raise ExportError(f"cannot write {display_path(path)}: {exc.strerror or exc}") from None


def _folder(path: Path, parent: Path, data: dict[str, list[dict]]) -> None:
    from cybrief.render.csv import table

    tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        for name, rows in data.items():
            columns = list(rows[0]) if rows else _columns(name)
            with open(tmp / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
                handle.write(table(rows, columns))
        make_readable(tmp)
        _replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def make_readable(path: Path) -> None:
    """Give a written file or folder the permissions the user's umask asks for (temporary files start private)."""
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)
    except OSError:
        pass


def _is_csv_export(folder: Path) -> bool:
    """Whether a folder holds only what a CSV export writes, so that --force may replace it."""
    names = {f"{name}.csv" for name in TABLES}
    return all(entry.name in names and entry.is_file() for entry in folder.iterdir())


def _replace(new: Path, path: Path) -> None:
    """Put `new` where `path` is: a file atomically; a folder by moving the old one aside first."""
    if new.is_dir() or path.is_dir():
        aside = None
        if os.path.lexists(path):
            aside = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old")) / "old"
            os.rename(path, aside)
        os.rename(new, path)
        if aside is not None:
            _remove(aside.parent)
        return
    os.replace(new, path)


def _remove(path: Path) -> None:
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        pass


def _columns(name: str) -> list[str]:
    """Columns of an empty table: the fields its rows would have."""
    from cybrief.model import Event

    fixed = {
        "briefs": ["id", "title", "title_en", "language", "date", "outlet", "reporter", "published", "url", "events",
                   "delegates", "targets", "path"],
        "events": ["brief"] + [f.name for f in Event.FIELDS],
        "sectors": ["brief", "slug", "zh", "en"],
        "delegates": ["id", "brief", "name", "name_en", "role", "role_en", "organization", "organization_en", "event",
                      "event_kind", "event_title", "date", "sectors", "summary", "summary_en", "points", "points_en"],
        "targets": ["id", "brief", "delegate", "delegate_name", "sector", "region", "metric", "metric_en", "figure",
                    "value", "unit", "qualifier", "kind", "horizon", "paragraph", "note", "upper", "qualitative"],
    }
    return fixed[name]


# --- SQLite --------------------------------------------------------------------------------------------------

def _quote(name: str) -> str:
    return "[" + name + "]"


def write_sqlite(data: dict[str, list[dict]], path: Path) -> None:
    """Create a SQLite database at `path` with the tables, their keys, and full-text indexes."""
    import json
    import sqlite3

    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        for name in TABLES:
            columns = list(data[name][0]) if data[name] else _columns(name)
            defs = [f"{_quote(c)} {'INTEGER' if c in INTEGER else 'NUMERIC' if c in NUMERIC else 'TEXT'}" for c in columns]
            defs.append(f"PRIMARY KEY ({', '.join(map(_quote, PRIMARY_KEYS[name]))})")
            for own, other, theirs in FOREIGN_KEYS.get(name, ()):
                defs.append(f"FOREIGN KEY ({', '.join(map(_quote, own))}) REFERENCES {_quote(other)} "
                            f"({', '.join(map(_quote, theirs))})")
            db.execute(f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(defs) + "\n)")
            marks = ", ".join("?" for _ in columns)
            rows = [[json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple)) else v for v in (r[c] for c in columns)]
                    for r in data[name]]
            db.executemany(f"INSERT INTO {_quote(name)} ({', '.join(map(_quote, columns))}) VALUES ({marks})", rows)
        for name, columns in SEARCHABLE.items():
            _fts(db, name, columns)
        db.commit()
    except sqlite3.OperationalError as exc:
        db.close()
        if "tokenizer" in str(exc):
            raise ExportError(f"this SQLite ({sqlite3.sqlite_version}) has no trigram tokenizer for the full-text "
                              "index; SQLite 3.34 or newer has it") from None
        raise
    db.close()


def _fts(db, table: str, columns: tuple[str, ...]) -> None:
    # The layout sqlite-utils' enable_fts makes, so that Datasette finds the index and offers a search box.
    listed = ", ".join(map(_quote, columns))
    db.execute(f"CREATE VIRTUAL TABLE {_quote(table + '_fts')} USING FTS5 ({listed}, tokenize='trigram', "
               f"content={_quote(table)})")
    db.execute(f"INSERT INTO {_quote(table + '_fts')} (rowid, {listed}) SELECT rowid, {listed} FROM {_quote(table)}")
