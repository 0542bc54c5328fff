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
from cybrief.errors import BriefError, NoMatch, Several, UsageError
from cybrief.library.briefs import DelegateRef, Library, TargetRef, _horizon_matches
from cybrief.library.stored_refs import FactRef, KeyRef, Stored, StoredDelegateRef, StoredTargetRef, names_and_dates, texts_in

# Positions in the records of brief/records.py (TARGET_COLUMNS, DELEGATE_COLUMNS) that filters read.
_T_DELEGATE, _T_SECTOR, _T_UNIT, _T_KIND, _T_HORIZON = 2, 4, 10, 12, 13


class IndexedLibrary(Library):
    """A Library whose briefs stay in the index until used (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, root, numbers: list[int] | None = None):
        self.db, self.root = connection, root
        self.skipped, self.location, self._drafts = [], None, None  # as Library's; open_listing sets the first two
        self._numbers = numbers  # None: every brief of the index
        self._loaded: dict = {}  # briefs, their blobs and parts already made, by number (and part)
        self._sectors: list[Sector] | None = None
        self._rows: list[tuple[int, str]] | None = None
        self._brief_sectors: dict = {}  # {slug: {number: (zh, en)}}, each slug read when first asked

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
        """(number, id) of the briefs, in library order (read once)."""
        if self._rows is None:
            if self._numbers is None:
                self._rows = self.db.execute("SELECT no, id FROM briefs ORDER BY key").fetchall()
            else:
                marks = ",".join("?" * len(self._numbers))
                rows = self.db.execute(f"SELECT key, no, id FROM briefs WHERE no IN ({marks})", self._numbers).fetchall()
                self._rows = [(no, i) for _, no, i in sorted(rows)]
        return self._rows

    def _plain(self, number: int):
        """The stored brief's blob read whole (path, Unpacked), once."""
        found = self._loaded.get(("plain", number))
        if found is None:
            from cybrief.index.stored import Damaged, read

            row = self.db.execute("SELECT b.path, d.blob FROM briefs b JOIN bodies d ON d.no = b.no WHERE b.no = ?",
                                  (number,)).fetchone()
            try:
                found = (row[0], read(row[1], "plain"))
            except (Damaged, TypeError) as exc:
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
            self._loaded[("plain", number)] = found
        return found

    def brief(self, number: int):
        """The brief stored under `number`, loaded once."""
        found = self._loaded.get(number)
        if found is None:
            from cybrief.index.stored import Damaged, brief

            path, unpacked = self._plain(number)
            try:
                found = brief(unpacked, path)
            except Damaged as exc:
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
            self._loaded[number] = found
        return found

    def part(self, number: int, cls, position: int | None = None, record_id: str | None = None):
        """One target or delegate (cls) of a stored brief, by position or id, made alone, once: sorting or grouping
        many targets needs them and their delegates, not the whole of every brief."""
        key = (cls.__name__, number, position, record_id)
        found = self._loaded.get(key)
        if found is None:
            from cybrief.brief.plain import Malformed, from_plain

            _, unpacked = self._plain(number)
            try:
                items = unpacked.plain[_FIELD_INDEX[cls.__name__]] or ()
                plain = items[position] if position is not None else next(p for p in items if p[0] == record_id)
                found = from_plain(cls, plain, unpacked.texts)
            except (Malformed, TypeError, IndexError, StopIteration) as exc:
                raise sqlite3.DatabaseError(f"database disk image is malformed ({exc!r})") from None
            self._loaded[key] = found
        return found

    @property
    def briefs(self) -> list:
        return [self.brief(number) for number, _ in self._order()]

    @property
    def sectors(self) -> list[Sector]:
        if self._sectors is None:
            from cybrief.index.facts import first_sectors

            self._sectors = [Sector(slug=slug, zh=zh, en=en) for slug, zh, en in first_sectors(self.db, self._numbers)]
        return self._sectors

    def brief_sector(self, number: int, slug: str) -> tuple[str, str] | None:
        """(zh, en) of the sector `slug` as the brief stored under `number` defines it (its first definition), else None:
        Brief.sector without loading the brief. A sector's definitions in every brief are read at once, when first
        asked (the table's key begins with the slug)."""
        defined = self._brief_sectors.get(slug)
        if defined is None:
            defined = {}
            for brief, zh, en in self.db.execute("SELECT brief, zh, en FROM sectors WHERE slug = ? ORDER BY brief, seq",
                                                 (slug,)):
                defined.setdefault(brief, (zh, en))
            self._brief_sectors[slug] = defined
        return defined.get(number)

    def only(self, brief_id: str | None) -> Library:
        if brief_id is None:
            return self
        row = self.db.execute("SELECT no FROM briefs WHERE id = ? ORDER BY key LIMIT 1", (brief_id,)).fetchone()
        chosen = [row[0]] if row is not None and (self._numbers is None or row[0] in self._numbers) else []
        if not chosen:
            known = ", ".join(i for _, i in self._order()) or "none"
            unknown = UsageError(f"unknown brief {brief_id!r}; briefs in the library: {known}")
            raise Several([unknown, BriefError(self.skipped)]) if self.skipped else unknown
        narrowed = IndexedLibrary._with(self, chosen)
        narrowed.skipped = []
        return narrowed

    def _draft_numbers(self) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT no FROM briefs WHERE draft")}

    @property
    def drafts(self) -> set[str]:
        """Ids of the briefs that are drafts, as the index noted when it read them."""
        if self._drafts is None:
            marked = self._draft_numbers()
            self._drafts = {brief_id for number, brief_id in self._order() if number in marked}
        return self._drafts

    def without_drafts(self) -> Library:
        marked = self._draft_numbers()
        return IndexedLibrary._with(self, [number for number, _ in self._order() if number not in marked])

    def _records(self, numbers: list[int] | None = None):
        """(number, texts lookup, target records, delegate records) of each brief, in library order.

        Many briefs are decompressed in another thread, a chunk ahead of the one being read: zlib lets Python's
        lock go while it works, so a second core does it meanwhile."""
        from cybrief.index.stored import CHUNK, Damaged, inflated, lookup, unpack

        order = self._order()
        if numbers is not None:
            keep = set(numbers)
            order = [row for row in order if row[0] in keep]
        chunks = (self._blobs([number for number, _ in order[start:start + CHUNK]]) for start in range(0, len(order), CHUNK))
        try:
            for chunk in inflated(chunks, "records", ahead=len(order) > CHUNK):
                for number, parts in chunk:
                    unpacked = unpack(*parts, skip=("search",))
                    targets, delegates = unpacked.records
                    yield number, lookup(unpacked.texts), targets, delegates
        except (Damaged, TypeError, ValueError) as exc:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None

    def csv_lines(self, kind: str):
        """The CSV lines of every target (kind "targets") or delegate ("delegates"), in library order, each brief's as
        one piece of UTF-8 (bytes): those of targets as the index wrote them when it read each brief (index/rows.py),
        copied, so that no record is made again; those of delegates filled from their stored templates
        (index/listed.py), or for a brief without one made from their records (as text, a line at a time)."""
        from cybrief.index.listed import fill, lines_ahead
        from cybrief.index.stored import CHUNK, Damaged, inflate, made_ahead, utf8_texts

        order = self._order()
        ahead = len(order) > CHUNK
        if kind == "targets":
            chunks = (self._blobs([number for number, _ in order[start:start + CHUNK]], "lines FROM targets_csv")
                      for start in range(0, len(order), CHUNK))
            made = ([lines for _, lines in chunk] for chunk in lines_ahead(chunks, ahead))  # each brief's as UTF-8
        else:  # the brief's texts as UTF-8 (the first part of its blob), a template filled with them
            chunks = (self._blobs([number for number, _ in order[start:start + CHUNK]],
                                  "blob, template FROM bodies JOIN delegates_csv USING (no)")
                      for start in range(0, len(order), CHUNK))
            made = made_ahead(chunks, lambda chunk: [fill(template, utf8_texts(*inflate(blob, "texts"))) if template is not None
                                                     else self._delegate_lines(blob) for _, (blob, template) in chunk], ahead)
        try:
            for chunk in made:
                for lines in chunk:
                    if type(lines) is bytes:
                        if lines:
                            yield lines
                    else:
                        yield from lines
        except Damaged as exc:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None

    @staticmethod
    def _delegate_lines(blob: bytes) -> list[str]:
        """The CSV lines of a stored brief's delegates, made from their records."""
        from cybrief.brief.csvrows import line
        from cybrief.index.stored import lookup, read

        unpacked = read(blob, "records")
        table = lookup(unpacked.texts)
        return [line([table.get(v, v) if type(v) is bytes else texts_in(v, table) for v in record])
                for record in unpacked.records[1]]  # in DELEGATE_COLUMNS order, as line() wants them

    def _blobs(self, chunk: list[int], source: str = "blob FROM bodies") -> list[tuple[int, bytes]]:
        """(number, stored blob) of the briefs of a chunk, in its order; (number, (blob, blob ...)) when `source` names
        more than one column."""
        marks = ",".join("?" * len(chunk))
        blobs = {row[0]: row[1] if len(row) == 2 else row[1:]
                 for row in self.db.execute(f"SELECT no, {source} WHERE no IN ({marks})", chunk)}
        try:
            return [(number, blobs[number]) for number in chunk]
        except KeyError as exc:
            raise sqlite3.DatabaseError(f"database disk image is malformed (no stored brief {exc})") from None

    def target_facts(self, texts: bool = True) -> list[FactRef]:
        """Every target as its stored facts and CSV line (FactRef), in library order: what sorting, grouping and
        faceting every target read, with no record made. Without `texts`, what ordering and grouping read (a
        KeyRef: its metric, figure and qualitative reading are then read from its brief if asked for)."""
        import gc
        from itertools import repeat

        from cybrief.index.listed import unpack_targets
        from cybrief.index.stored import CHUNK, Damaged, made_ahead

        order = self._order()
        chunks = (self._blobs([number for number, _ in order[start:start + CHUNK]], "lines FROM targets_csv")
                  for start in range(0, len(order), CHUNK))
        ids = dict(order)
        refs: list[FactRef] = []
        kind = FactRef if texts else KeyRef
        collecting = gc.isenabled()
        gc.disable()  # the references are many and none is garbage: the collector would walk them all for nothing
        try:
            for chunk in made_ahead(chunks, lambda chunk: [(number, *unpack_targets(blob, texts)) for number, blob in chunk],
                                    len(order) > CHUNK):
                for number, columns, lines in chunk:  # each target a tuple made in C (FactRef)
                    count = len(lines)
                    refs += map(kind, zip(repeat(Stored(self, number, ids[number]), count), range(count),
                                          *(repeat(None, count) if c is None else c for c in columns), lines))
        except (Damaged, TypeError) as exc:
            raise sqlite3.DatabaseError(f"database disk image is malformed ({exc})") from None
        finally:
            if collecting:
                gc.enable()
        return refs

    # --- delegates -------------------------------------------------------------------------------------

    def delegates(self) -> list[DelegateRef]:
        from cybrief.brief.records import DELEGATE_COLUMNS

        refs = []
        for number, table, _, delegates in self._records():
            for position, record in enumerate(delegates):
                values = [table.get(v, v) if type(v) is bytes else texts_in(v, table) for v in record]
                refs.append(StoredDelegateRef(self, number, position, dict(zip(DELEGATE_COLUMNS, values))))
        return refs

    def _delegate_keys(self, name: str) -> set[tuple[int, str]]:
        from cybrief.index.facts import delegate_keys

        try:
            found = delegate_keys(self.db, name, self._numbers)
        except NoMatch:
            found = set()
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
        narrowed._loaded, narrowed.skipped, narrowed.location = library._loaded, library.skipped, library.location
        narrowed._brief_sectors = library._brief_sectors
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
            from cybrief.index.facts import briefs_defining

            numbers = briefs_defining(self.db, slug)
        refs = []
        filtered = slug is not None or keys is not None or kind is not None or wanted_horizon is not None
        for number, table, targets, delegates in self._records(numbers):
            names = names_and_dates(delegates, table)
            if not filtered:  # every target: the records as they are (a text kept once, as a reference, put back)
                refs += [StoredTargetRef(self, number, position, dict(zip(TARGET_COLUMNS, map(table.get, stored, stored))),
                                         value, figure, names) for position, (stored, value, figure) in enumerate(targets)]
                continue
            for position, (stored, value, figure) in enumerate(targets):
                record = tuple(map(table.get, stored, stored))
                if slug is not None and record[_T_SECTOR] != slug:
                    continue
                if keys is not None and (number, record[_T_DELEGATE]) not in keys:
                    continue
                if kind is not None and record[_T_KIND] != kind:
                    continue
                if wanted_horizon is not None and not _horizon_matches(record[_T_HORIZON], wanted_horizon):
                    continue
                refs.append(StoredTargetRef(self, number, position, dict(zip(TARGET_COLUMNS, record)), value, figure, names))
        return refs


def _field_index() -> dict[str, int]:
    from cybrief.brief.model import Brief

    names = [f.name for f in Brief.FIELDS]
    return {"Target": names.index("targets"), "Delegate": names.index("delegates")}


_FIELD_INDEX = _field_index()  # where a stored brief keeps its targets and its delegates
