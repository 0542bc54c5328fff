"""A library answered from its index: listings of targets and delegates without loading a brief, briefs loaded on use.

The index stores, for each brief, the JSON records of its targets and delegates (brief/records.py) beside
the brief itself (index/stored.py). IndexedLibrary filters those records and hands out references whose
`record` is already made: JSON and CSV output, which need nothing else, never load a brief. Anything that
needs the objects (a table's columns, sorting, facets, a delegate's detail) gets them on first use, one
brief at a time, from the index; the output is the same as a Library loaded from the files gives
(tests/test_listings.py compares every byte).

The connection holds a read transaction for as long as the library is open, so that one command sees
one state of the index: close it (or use it in a `with`) when the output is written.
"""

from __future__ import annotations

import sqlite3

from cybrief.brief.model import Sector
from cybrief.errors import NoMatch, UsageError
from cybrief.library.briefs import DelegateRef, Library, TargetRef, _horizon_matches

# Positions in the records of brief/records.py (TARGET_COLUMNS, DELEGATE_COLUMNS) that filters read.
_T_DELEGATE, _T_SECTOR, _T_UNIT, _T_KIND, _T_HORIZON = 2, 4, 10, 12, 13


class IndexedLibrary(Library):
    """A Library whose briefs stay in the index until used (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, root, numbers: list[int] | None = None):
        self.db, self.root = connection, root
        self._numbers = numbers  # None: every brief of the index
        self._loaded: dict[int, object] = {}
        self._sectors: list[Sector] | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM briefs LIMIT 1").fetchone() is None

    # --- briefs ----------------------------------------------------------------------------------------

    def _order(self) -> list[tuple[int, str]]:
        """(number, id) of the briefs, in library order."""
        rows = self.db.execute("SELECT no, id FROM briefs ORDER BY key").fetchall()
        if self._numbers is not None:
            wanted = set(self._numbers)
            rows = [r for r in rows if r[0] in wanted]
        return rows

    def brief(self, number: int):
        """The brief stored under `number`, loaded once."""
        found = self._loaded.get(number)
        if found is None:
            from cybrief.index.stored import Damaged, brief, read

            row = self.db.execute("SELECT b.path, d.blob FROM briefs b JOIN bodies d ON d.no = b.no WHERE b.no = ?",
                                  (number,)).fetchone()
            try:
                found = brief(read(row[1], "plain"), row[0])
            except (Damaged, TypeError) as exc:
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
            self._loaded[number] = found
        return found

    @property
    def briefs(self) -> list:
        return [self.brief(number) for number, _ in self._order()]

    @property
    def sectors(self) -> list[Sector]:
        if self._sectors is None:
            from cybrief.index.query import sector_rows

            seen: dict[str, Sector] = {}
            wanted = set(self._numbers) if self._numbers is not None else None
            for number, slug, zh, en in sector_rows(self.db):
                if wanted is None or number in wanted:
                    seen.setdefault(slug, Sector(slug=slug, zh=zh, en=en))
            self._sectors = list(seen.values())
        return self._sectors

    def only(self, brief_id: str | None) -> Library:
        if brief_id is None:
            return self
        chosen = [number for number, i in self._order() if i == brief_id][:1]
        if not chosen:
            known = ", ".join(i for _, i in self._order()) or "none"
            raise UsageError(f"unknown brief {brief_id!r}; briefs in the library: {known}")
        narrowed = IndexedLibrary(self.db, self.root, chosen)
        narrowed._loaded = self._loaded
        return narrowed

    def _records(self, numbers: list[int] | None = None):
        """(number, texts lookup, target records, delegate records) of each brief, in library order."""
        from cybrief.index.stored import Damaged, lookup, read

        order = self._order()
        if numbers is not None:
            keep = set(numbers)
            order = [row for row in order if row[0] in keep]
        for start in range(0, len(order), 200):
            chunk = [number for number, _ in order[start:start + 200]]
            marks = ",".join("?" * len(chunk))
            blobs = dict(self.db.execute(f"SELECT no, blob FROM bodies WHERE no IN ({marks})", chunk).fetchall())
            for number in chunk:
                try:
                    unpacked = read(blobs[number], "records")
                    targets, delegates = unpacked.records
                except (Damaged, KeyError, TypeError, ValueError) as exc:
                    raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
                yield number, lookup(unpacked.texts), targets, delegates

    # --- delegates -------------------------------------------------------------------------------------

    def delegates(self) -> list[DelegateRef]:
        from cybrief.brief.records import DELEGATE_COLUMNS

        refs = []
        for number, table, _, delegates in self._records():
            for position, record in enumerate(delegates):
                values = [table.get(v, v) if type(v) is bytes else _texts_in(v, table) for v in record]
                refs.append(StoredDelegateRef(self, number, position, dict(zip(DELEGATE_COLUMNS, values))))
        return refs

    def _delegate_keys(self, name: str) -> set[tuple[int, str]]:
        from cybrief.index.query import delegate_keys

        found = delegate_keys(self.db, name)
        if self._numbers is not None:
            found = {key for key in found if key[0] in self._numbers}
        if not found:
            raise NoMatch(f"no delegate named {name!r}; try `cybrief delegates` for the list")
        return found

    def find_delegates(self, name: str) -> list[DelegateRef]:
        keys = self._delegate_keys(name)
        numbers = {number for number, _ in keys}
        return [ref for ref in IndexedLibrary._with(self, sorted(numbers)).delegates() if (ref._number, ref.record["id"]) in keys]

    @staticmethod
    def _with(library: IndexedLibrary, numbers: list[int]) -> IndexedLibrary:
        narrowed = IndexedLibrary(library.db, library.root, numbers)
        narrowed._loaded, narrowed._sectors = library._loaded, library._sectors
        return narrowed

    # --- targets ---------------------------------------------------------------------------------------

    def targets(self, *, sector: str | None = None, delegate: str | None = None, kind: str | None = None,
                horizon: str | None = None) -> list[TargetRef]:
        """As Library.targets, from the stored records; briefs are loaded only when a reference is used."""
        from cybrief.brief.records import TARGET_COLUMNS

        slug = self.resolve_sector(sector).slug if sector is not None else None
        keys = self._delegate_keys(delegate) if delegate is not None else None
        wanted_horizon = horizon.strip() if horizon is not None else None
        numbers = None
        if keys is not None:
            numbers = sorted({number for number, _ in keys})
        elif slug is not None:  # only briefs that define the sector can have a target in it
            from cybrief.index.query import sector_rows

            numbers = sorted({number for number, defined, _, _ in sector_rows(self.db) if defined == slug})
        refs = []
        filtered = slug is not None or keys is not None or kind is not None or wanted_horizon is not None
        for number, table, targets, _ in self._records(numbers):
            for position, (stored, value, figure) in enumerate(targets):
                record = tuple(map(table.get, stored, stored))  # a text kept once, as a reference: put back
                if not filtered:
                    refs.append(StoredTargetRef(self, number, position, dict(zip(TARGET_COLUMNS, record)), value, figure))
                    continue
                if slug is not None and record[_T_SECTOR] != slug:
                    continue
                if keys is not None and (number, record[_T_DELEGATE]) not in keys:
                    continue
                if kind is not None and record[_T_KIND] != kind:
                    continue
                if wanted_horizon is not None and not _horizon_matches(record[_T_HORIZON], wanted_horizon):
                    continue
                refs.append(StoredTargetRef(self, number, position, dict(zip(TARGET_COLUMNS, record)), value, figure))
        return refs


def _texts_in(value, table: dict):
    if type(value) is list:
        return [table.get(v, v) if type(v) is bytes else v for v in value]
    return value


class StoredTargetRef(TargetRef):
    """A target of an IndexedLibrary: its record at once, its brief, target and delegate when first used.

    `value` is the target's exact value as text, for --min and --max without loading the brief.
    """

    __slots__ = ("_library", "_number", "_position", "value", "unit")

    def __init__(self, library: IndexedLibrary, number: int, position: int, record: dict, value: str, figure_en):
        self._library, self._number, self._position = library, number, position
        self.record, self.value, self.unit, self.figure_en = record, value, record["unit"], figure_en

    @property
    def brief(self):
        return self._library.brief(self._number)

    @property
    def target(self):
        return self.brief.targets[self._position]

    @property
    def delegate(self):
        return _delegate(self.brief, self.target.delegate)


class StoredDelegateRef(DelegateRef):
    """A delegate of an IndexedLibrary: its record at once, its brief and delegate when first used."""

    __slots__ = ("_library", "_number", "_position")

    def __init__(self, library: IndexedLibrary, number: int, position: int, record: dict):
        self._library, self._number, self._position, self.record = library, number, position, record

    @property
    def brief(self):
        return self._library.brief(self._number)

    @property
    def delegate(self):
        return self.brief.delegates[self._position]


def _delegate(brief, delegate_id: str):
    found = brief.delegate(delegate_id)
    if found is None:
        raise sqlite3.DatabaseError("database disk image is malformed (a target's delegate is missing)")
    return found


class _Figure:
    """What compare.filter_values reads of a target: its unit and exact value."""

    __slots__ = ("unit", "value")

    def __init__(self, unit: str, value):
        self.unit, self.value = unit, value


class _ValueOnly:
    __slots__ = ("target", "ref")

    def __init__(self, ref: StoredTargetRef):
        from cybrief.brief.model import parse_number

        self.ref, self.target = ref, _Figure(ref.unit, parse_number(ref.value))


def filter_values(refs: list, *, unit: str | None = None, low: str | None = None, high: str | None = None) -> list:
    """compare.filter_values, without loading the briefs of stored targets (their unit and value are stored)."""
    from cybrief.figures import compare

    if not refs or not all(isinstance(r, StoredTargetRef) for r in refs):
        return compare.filter_values(refs, unit=unit, low=low, high=high)
    return [v.ref for v in compare.filter_values([_ValueOnly(r) for r in refs], unit=unit, low=low, high=high)]
