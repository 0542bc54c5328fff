"""A library of briefs loaded: the briefs, their delegates and targets, and the lookups every command shares."""

from __future__ import annotations

from pathlib import Path

from cybrief.brief.model import Brief, Delegate, Sector, Target
from cybrief.brief.review import is_draft
from cybrief.errors import BriefError, NoMatch, Problem, Several, UsageError
from cybrief.library.location import Location
from cybrief.search.names import fold_name, sector_index


class DelegateRef:
    """A delegate with the brief it belongs to; `record`, its JSON record when the index already made it."""

    __slots__ = ("brief", "delegate", "record")

    def __init__(self, brief: Brief, delegate: Delegate):
        self.brief, self.delegate, self.record = brief, delegate, None


class TargetRef:
    """A target with its brief and the delegate who gave it. `record` (its JSON record) and `figure_en` (its figure
    in English) are set when the index already made them (library/indexed.py), else None."""

    __slots__ = ("brief", "target", "delegate", "record", "figure_en")

    def __init__(self, brief: Brief, target: Target, delegate: Delegate):
        self.brief, self.target, self.delegate, self.record, self.figure_en = brief, target, delegate, None, None

    # What sorting, grouping and faceting read of a target. A target of the index answers them from its stored
    # record (library/indexed.py), so that ordering every target of a large library loads none of its briefs.

    @property
    def facts(self):
        """The target's figure and labels (metric, figure, value, unit, qualifier, kind, horizon, region, sector,
        qualitative): the Target itself."""
        return self.target

    @property
    def brief_id(self) -> str:
        return self.brief.id

    @property
    def delegate_id(self) -> str:
        return self.delegate.id

    @property
    def delegate_names(self) -> tuple[str, str]:
        """(name, English name) of the target's delegate."""
        return self.delegate.name, self.delegate.name_en

    @property
    def date(self) -> str:
        """The date of the event where the figure was given (the brief's date if the event is not known)."""
        event = self.brief.event(self.delegate.event)
        return event.date if event else self.brief.date

    def brief_sector(self, slug: str) -> tuple[str, str] | None:
        """(zh, en) of a sector as the target's brief defines it, else None."""
        sector = self.brief.sector(slug)
        return (sector.zh, sector.en) if sector else None


class Library:
    """A set of loaded briefs and the queries over them.

    `skipped` holds the problems of the brief files left out because they cannot be loaded (see
    open_library); `location` says which folder this is and why.
    """

    def __init__(self, briefs: list[Brief], root: Path | None = None, skipped: list[Problem] | None = None,
                 location: Location | None = None):
        self.briefs = briefs
        self.root = root
        self.skipped = skipped or []
        self.location = location
        self._drafts: set[str] | None = None

    @property
    def drafts(self) -> set[str]:
        """Ids of the briefs that are drafts: fields still marked for review."""
        if self._drafts is None:
            self._drafts = {b.id for b in self.briefs if is_draft(b)}
        return self._drafts

    def _like(self, briefs: list[Brief], skipped: list[Problem]) -> Library:
        return Library(briefs, self.root, skipped, self.location)

    def csv_lines(self, kind: str):
        """The CSV line of every target (kind "targets") or delegate ("delegates"), in library order: as the CSV of a
        listing of them writes it (an index gives the lines it stored instead, those of delegates some lines at a
        time as UTF-8: library/indexed.py)."""
        from cybrief.brief import records
        from cybrief.brief.csvrows import line

        if kind == "targets":
            for ref in self.targets():
                made = ref.record or records.target_record(ref.brief, ref.target, ref.delegate)
                yield line(map(made.get, records.TARGET_COLUMNS))
        else:
            for ref in self.delegates():
                made = ref.record or records.delegate_record(ref.brief, ref.delegate)
                yield line(map(made.get, records.DELEGATE_COLUMNS))

    def target_facts(self, texts: bool = True) -> list | None:
        """Every target with no more than what sorting, grouping and faceting read (without `texts`, what sorting and
        grouping read) and its CSV line (`csv`), when the library has them cheaper than its targets (an index:
        library/indexed.py); else None (use targets())."""
        return None

    def without_drafts(self) -> Library:
        return self._like([b for b in self.briefs if b.id not in self.drafts], self.skipped)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release (a library answered from its index closes it: see library/indexed.py)."""

    @property
    def sectors(self) -> list[Sector]:
        """Every sector of every brief, first definition of a slug winning."""
        seen: dict[str, Sector] = {}
        for brief in self.briefs:
            for sector in brief.sectors:
                seen.setdefault(sector.slug, sector)
        return list(seen.values())

    def sector(self, slug: str) -> Sector | None:
        return next((s for s in self.sectors if s.slug == slug), None)

    def resolve_sector(self, name: str) -> Sector:
        """A sector by slug, Chinese label or English label, case-insensitive; UsageError lists the valid ones."""
        sectors = self.sectors
        return sectors[sector_index(name, [(s.slug, s.zh, s.en) for s in sectors])]

    def only(self, brief_id: str | None) -> Library:
        """The library restricted to one brief, which alone must have loaded; UsageError lists the known ids
        (and the files that could not be loaded, since the brief may be one of them)."""
        if brief_id is None:
            return self
        chosen = [b for b in self.briefs if b.id == brief_id]
        if not chosen:
            known = ", ".join(b.id for b in self.briefs) or "none"
            unknown = UsageError(f"unknown brief {brief_id!r}; briefs in the library: {known}")
            raise Several([unknown, BriefError(self.skipped)]) if self.skipped else unknown
        return self._like(chosen, [])

    def delegates(self) -> list[DelegateRef]:
        return [DelegateRef(b, d) for b in self.briefs for d in b.delegates]

    def find_delegates(self, name: str) -> list[DelegateRef]:
        """Delegates whose id, Chinese name or English name is `name` (case, spaces and hyphens ignored)."""
        wanted = fold_name(name)
        found = [r for r in self.delegates() if wanted in (fold_name(r.delegate.id), fold_name(r.delegate.name), fold_name(r.delegate.name_en))]
        if not found:
            raise NoMatch(f"no delegate named {name!r}; try `cybrief delegates` for the list")
        return found

    def targets(
        self,
        *,
        sector: str | None = None,
        delegate: str | None = None,
        kind: str | None = None,
        horizon: str | None = None,
    ) -> list[TargetRef]:
        """Targets passing every given filter (AND). An unknown sector or delegate is an error, not an empty list."""
        slug = self.resolve_sector(sector).slug if sector is not None else None
        delegate_keys = None
        if delegate is not None:
            delegate_keys = {(r.brief.id, r.delegate.id) for r in self.find_delegates(delegate)}
        wanted_horizon = horizon.strip() if horizon is not None else None
        result = []
        for brief in self.briefs:
            by_id = {d.id: d for d in brief.delegates}
            for target in brief.targets:
                if slug is not None and target.sector != slug:
                    continue
                if delegate_keys is not None and (brief.id, target.delegate) not in delegate_keys:
                    continue
                if kind is not None and target.kind != kind:
                    continue
                if wanted_horizon is not None and not _horizon_matches(target.horizon, wanted_horizon):
                    continue
                result.append(TargetRef(brief, target, by_id[target.delegate]))
        return result


def _horizon_matches(horizon: str | None, wanted: str) -> bool:
    """`none` matches targets without a horizon; 十五五 also matches 十五五末 (a point within the period)."""
    if wanted.casefold() in ("none", "无"):
        return horizon is None
    return horizon is not None and horizon.startswith(wanted)
