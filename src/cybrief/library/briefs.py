"""A library of briefs loaded: the briefs, their delegates and targets, and the lookups every command shares."""

from __future__ import annotations

import os
from pathlib import Path

from cybrief.brief.model import Brief, Delegate, Record, Sector, Target
from cybrief.errors import BriefError, NoMatch, Problem, Several, UsageError, display_path
from cybrief.library.location import Location, brief_files, locate_library
from cybrief.search.names import fold_name, sector_index


class DelegateRef:
    """A delegate with the brief it belongs to."""

    __slots__ = ("brief", "delegate")

    def __init__(self, brief: Brief, delegate: Delegate):
        self.brief, self.delegate = brief, delegate


class TargetRef:
    """A target with its brief and the delegate who gave it."""

    __slots__ = ("brief", "target", "delegate")

    def __init__(self, brief: Brief, target: Target, delegate: Delegate):
        self.brief, self.target, self.delegate = brief, target, delegate


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

    def without_drafts(self) -> Library:
        return self._like([b for b in self.briefs if b.id not in self.drafts], self.skipped)

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


def open_library(library: str | os.PathLike | None = None, brief: str | None = None, *, strict: bool = False,
                 drafts: bool = True) -> Library:
    """Load the briefs of a library (see locate_library): every brief that loads is used, and the problems of
    the files that do not (or that repeat an id) are kept in `skipped`. `brief` keeps one brief (which alone
    must load); `strict` raises BriefError with every problem instead; `drafts=False` leaves drafts out."""
    location = locate_library(library)
    root = location.path
    files = brief_files(root)
    if not files:
        raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")
    from cybrief.library.cache import load_briefs

    skipped: list[Problem] | None = None if strict else []
    briefs = load_briefs(root, files, skipped)
    problems, kept = [], []
    first: dict[str, Brief] = {}
    for b in briefs:
        if b.id in first:
            problems.append(Problem(display_path(Path(b.path)), None, None, "id", f"duplicate brief id {b.id!r} (also in {display_path(Path(first[b.id].path))})"))
        else:
            kept.append(b)
        first.setdefault(b.id, b)
    if problems and strict or not kept:  # not one brief to show: every problem, as --strict gives them
        raise BriefError((skipped or []) + problems)
    lib = Library(kept, root, (skipped or []) + problems, location)
    if not drafts:
        lib = lib.without_drafts()
    return lib.only(brief)


def is_draft(record: Record) -> bool:
    """Whether a brief (or any record) has a field still marked for review, at any depth."""
    if getattr(record, "review", None):
        return True
    for spec in record.FIELDS:
        value = getattr(record, spec.name, None)
        if value is None or isinstance(spec.item, str) or spec.item is None:
            continue
        if spec.kind == "object" and is_draft(value):
            return True
        if spec.kind == "list" and any(is_draft(item) for item in value):
            return True
    return False


def _horizon_matches(horizon: str | None, wanted: str) -> bool:
    """`none` matches targets without a horizon; 十五五 also matches 十五五末 (a point within the period)."""
    if wanted.casefold() in ("none", "无"):
        return horizon is None
    return horizon is not None and horizon.startswith(wanted)
