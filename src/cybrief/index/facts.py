"""What filters ask the index of a library: its sectors, the briefs that define a sector, the delegates of a name."""

from __future__ import annotations

import sqlite3

from cybrief.errors import NoMatch

_CHUNK = 500  # ids per IN (...) list


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def first_sectors(db: sqlite3.Connection, numbers: list[int] | None = None) -> list[tuple[str, str, str]]:
    """(slug, zh, en) of every sector of the briefs given (default: all), the first definition of a slug in library
    order winning, in the order of those first definitions."""
    join = "FROM sectors s JOIN briefs b ON b.no = s.brief"
    if numbers is not None:
        rows = [row for chunk in _chunks(sorted(numbers)) for row in db.execute(
            f"SELECT s.slug, s.zh, s.en, b.key, s.seq {join} WHERE s.brief IN ({','.join('?' * len(chunk))})", chunk)]
    else:  # the brief of each slug's first definition, found in SQLite; then only those briefs' rows
        keys = sorted({key for _, key in db.execute(f"SELECT s.slug, min(b.key) {join} GROUP BY s.slug")})
        rows = [row for chunk in _chunks(keys) for row in db.execute(
            f"SELECT s.slug, s.zh, s.en, b.key, s.seq {join} WHERE b.key IN ({','.join('?' * len(chunk))})", chunk)]
    first: dict[str, tuple] = {}
    for slug, zh, en, key, seq in rows:
        if slug not in first or (key, seq) < first[slug][0]:
            first[slug] = ((key, seq), (slug, zh, en))
    return [sector for _, sector in sorted(first.values())]


def briefs_defining(db: sqlite3.Connection, slug: str) -> list[int]:
    """Numbers of the briefs whose sectors include `slug`."""
    return sorted({row[0] for row in db.execute("SELECT brief FROM sectors WHERE slug = ?", (slug,))})


def delegate_keys(db: sqlite3.Connection, name: str, numbers: list[int] | None = None) -> set[tuple[int, str]]:
    """(brief number, delegate id) of the delegates called `name` (id, name or English name, folded), in the
    briefs given (default: all); NoMatch if none."""
    from cybrief.search.names import fold_name

    wanted = fold_name(name)
    if numbers is None:
        rows = db.execute("SELECT no, delegates FROM facts")
    else:
        rows = [row for chunk in _chunks(sorted(numbers)) for row in db.execute(
            f"SELECT no, delegates FROM facts WHERE no IN ({','.join('?' * len(chunk))})", chunk)]
    found = {(number, d[0]) for number, stored in rows for d in _facts(stored, 4) if wanted in d[3].split("\x00")}
    if not found:
        raise NoMatch(f"no delegate named {name!r}; try `cybrief delegates` for the list")
    return found


def _facts(stored: bytes, width: int) -> list:
    """A brief's stored list of sectors or delegates; a damaged one is the index's damage (it is rebuilt)."""
    import marshal

    try:
        rows = marshal.loads(stored)
        if type(rows) is list and all(type(r) is tuple and len(r) == width and all(type(v) is str for v in r) for r in rows):
            return rows
    except (ValueError, EOFError, TypeError):
        pass
    raise sqlite3.DatabaseError("database disk image is malformed (a brief's stored facts)")
