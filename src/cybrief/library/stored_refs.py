"""Targets and delegates of an indexed library: their stored records or facts at once, their briefs when first used."""

from __future__ import annotations

from operator import itemgetter

from cybrief.library.briefs import DelegateRef, TargetRef

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cybrief.library.indexed import IndexedLibrary

_D_ID, _D_NAME_EN, _D_DATE = 0, 3, 11  # positions in a stored delegate record (DELEGATE_COLUMNS)


def names_and_dates(delegates: list, table: dict) -> dict:
    """{delegate id: (English name, date of the delegate's event)} of a brief's stored delegate records, the first of
    an id winning (as Brief lookups)."""
    names: dict = {}
    for record in delegates:
        name, date = record[_D_NAME_EN], record[_D_DATE]
        names.setdefault(record[_D_ID], (table.get(name, name) if type(name) is bytes else name,
                                         table.get(date, date) if type(date) is bytes else date))
    return names


def texts_in(value, table: dict):
    if type(value) is list:
        return [table.get(v, v) if type(v) is bytes else v for v in value]
    return value


class StoredTargetRef(TargetRef):
    """A target of an IndexedLibrary: its record at once, its brief, target and delegate when first used.

    `value` is the target's exact value as text, for --min and --max without loading the brief.
    """

    __slots__ = ("_library", "_number", "_position", "_names", "_facts", "value", "unit")

    def __init__(self, library: IndexedLibrary, number: int, position: int, record: dict, value: str, figure_en,
                 names: dict):
        self._library, self._number, self._position, self._names = library, number, position, names
        self.record, self.value, self.unit, self.figure_en = record, value, record["unit"], figure_en
        self._facts = None

    @property
    def facts(self) -> _Facts:
        """The target's figure and labels, from its record: what sorting, grouping and faceting read."""
        if self._facts is None:
            self._facts = _Facts(self.record, self.value)
        return self._facts

    @property
    def brief_id(self) -> str:
        return self.record["brief"]

    @property
    def delegate_id(self) -> str:
        return self.record["delegate"]

    @property
    def delegate_name_en(self) -> str | None:
        """The English name of the target's delegate, from the stored records (the delegate is not made)."""
        return self._names.get(self.record["delegate"], (None, None))[0]

    @property
    def delegate_names(self) -> tuple[str, str]:
        return self.record["delegate_name"], self.delegate_name_en

    @property
    def date(self) -> str:
        found = self._names.get(self.record["delegate"], (None, None))[1]
        return found if found is not None else self.brief.date

    def brief_sector(self, slug: str) -> tuple[str, str] | None:
        """(zh, en) of a sector as the target's brief defines it, else None (the brief is not loaded)."""
        return self._library.brief_sector(self._number, slug)

    @property
    def brief(self):
        return self._library.brief(self._number)

    @property
    def target(self):
        from cybrief.brief.model import Target

        return self._library.part(self._number, Target, position=self._position)

    @property
    def delegate(self):
        from cybrief.brief.model import Delegate

        return self._library.part(self._number, Delegate, record_id=self.record["delegate"])


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
        from cybrief.brief.model import Delegate

        return self._library.part(self._number, Delegate, position=self._position)


class _Facts:
    """A stored target's figure and labels, read from its record under the names a Target gives them."""

    __slots__ = ("metric", "metric_en", "figure", "value", "unit", "qualifier", "qualitative", "kind", "horizon",
                 "region", "sector")

    def __init__(self, record: dict, value: str):
        from cybrief.brief.model import parse_number

        self.metric, self.metric_en, self.figure = record["metric"], record["metric_en"], record["figure"]
        self.value, self.unit, self.qualifier = parse_number(value), record["unit"], record["qualifier"]
        self.qualitative, self.kind, self.horizon = record["qualitative"], record["kind"], record["horizon"]
        self.region, self.sector = record["region"], record["sector"]


class Stored:
    """What the FactRefs of one brief share: the library, the brief's number and id."""

    __slots__ = ("library", "number", "brief_id")

    def __init__(self, library: IndexedLibrary, number: int, brief_id: str):
        self.library, self.number, self.brief_id = library, number, brief_id


def _fact(*names: str) -> property:
    """A FactRef's fact by its name in index/listed.py's FACTS (after the Stored and the position); a tuple of them
    for several names."""
    from cybrief.index.listed import FACTS

    return property(itemgetter(*(2 + FACTS.index(name) for name in names)))


class FactRef(tuple):
    """A target of an IndexedLibrary known by its stored facts (index/listed.py) and CSV line: what sorting, grouping
    and faceting read of it, as a TargetRef names them, and the line a CSV of every target copies (`csv`, as UTF-8),
    with no record made. Its brief, target and delegate are loaded when asked for, as a StoredTargetRef's; its record
    is then made from them.

    A tuple (Stored, position, the FACTS ..., CSV line), so that a brief's are made at once from its columns, and read in C:
    sorting and counting a large library's targets reads each several times."""

    __slots__ = ()
    record = figure_en = None  # not at hand: made from the brief, target and delegate (render.views)

    @property
    def facts(self) -> FactRef:
        """The target's figure and labels, under the names a Target gives them: its own."""
        return self

    sector, unit, value, kind, horizon = _fact("sector"), _fact("unit"), _fact("value"), _fact("kind"), _fact("horizon")
    region, qualifier, qualitative, figure = _fact("region"), _fact("qualifier"), _fact("qualitative"), _fact("figure")
    metric, metric_en, delegate_id, date = _fact("metric"), _fact("metric_en"), _fact("delegate"), _fact("date")
    delegate_name_en, delegate_names = _fact("delegate_name_en"), _fact("delegate_name", "delegate_name_en")

    @property
    def brief_id(self) -> str:
        return self[0].brief_id

    csv = property(itemgetter(-1), doc="The target's CSV line as the index wrote it, as UTF-8 (after the FACTS).")

    def brief_sector(self, slug: str) -> tuple[str, str] | None:
        return self[0].library.brief_sector(self[0].number, slug)

    @property
    def brief(self):
        return self[0].library.brief(self[0].number)

    @property
    def target(self):
        from cybrief.brief.model import Target

        return self[0].library.part(self[0].number, Target, position=self[1])

    @property
    def delegate(self):
        from cybrief.brief.model import Delegate

        return self[0].library.part(self[0].number, Delegate, record_id=self.delegate_id)


def _from_target(name: str) -> property:
    return property(lambda self: getattr(self.target, name), doc=f"The target's {name}, read from its brief.")


class KeyRef(FactRef):
    """A FactRef made without the facts only counting reads (index/listed.py TEXTS): what ordering and grouping every
    target read. Its metric, figure and qualitative reading are read from its brief when asked for."""

    __slots__ = ()

    qualitative, metric, metric_en, figure = (_from_target(n) for n in ("qualitative", "metric", "metric_en", "figure"))
