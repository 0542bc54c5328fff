"""Searching a library: from its on-disk index, built or updated first, else from its brief files.

LibrarySearch is the one place that decides where an answer comes from: the index when it can be used
(made current first), the brief files when the index is turned off or unusable, and the brief files again
when the index fails while it is read (a damaged page: the index is removed, so the next search rebuilds
it). `search(library, query)` searches briefs already loaded.
"""

from __future__ import annotations

import os

from cybrief.errors import BriefError, Problem, UsageError, display_path
from cybrief.library.location import brief_files, resolve_library_dir
from cybrief.search.query import DEFAULT_CONTEXT, Query
from cybrief.search.run import BriefsSource, count, run

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a search start-up time
if TYPE_CHECKING:
    from pathlib import Path

    from cybrief.search.hits import SearchCounts, SearchResult


def files_source(root: Path, skipped: list | None = None) -> BriefsSource:
    """A source that reads and checks each brief file of the library as it goes, keeping none in memory.

    With a `skipped` list, a file that cannot be loaded, or that repeats an earlier brief's id, is added to
    it and left out (as open_library does); without, the search raises BriefError for it.
    """
    from cybrief.brief.load import load_brief

    files = brief_files(root)
    if not files:
        raise UsageError(f"library {display_path(root)}: no brief files (*.yaml, *.yml) in it")

    def entries():
        from pathlib import Path

        first: dict[str, str] = {}
        loaded.clear()
        for number, file in enumerate(files):
            relative = file.name if root.is_file() else file.relative_to(root).as_posix()
            if skipped is None:
                yield number, relative, (lambda file=file: load_brief(file))
                continue
            try:
                brief = load_brief(file)
            except BriefError as exc:
                skipped.extend(exc.problems)
                continue
            if brief.id in first:
                also = display_path(Path(first[brief.id]))
                skipped.append(Problem(display_path(file), None, None, "id", f"duplicate brief id {brief.id!r} (also in {also})"))
                continue
            first[brief.id] = brief.path
            loaded.append(number)
            yield number, relative, (lambda brief=brief: brief)

    loaded: list[int] = []
    source = BriefsSource(entries)
    source.nothing_loaded = lambda: skipped is not None and not loaded  # every file skipped
    return source


def loaded_source(library) -> BriefsSource:
    """A source over briefs already loaded (a Library), in their order."""
    from pathlib import Path

    root = library.root.resolve() if library.root is not None else None

    def entries():
        for number, brief in enumerate(library.briefs):
            path = Path(brief.path)
            relative = path.relative_to(root).as_posix() if root is not None and root.is_dir() and path.is_relative_to(root) else path.name
            yield number, relative, (lambda brief=brief: brief)

    return BriefsSource(entries)


class LibrarySearch:
    """Answers queries over a library folder (see library.location for which folder), from the best source.

    Unless `strict`, brief files that cannot be loaded are left out of the answer, from the index and the
    files alike, and their problems listed in `skipped` (BriefError otherwise).
    """

    def __init__(self, library=None, *, use_index: bool = True, progress=None, strict: bool = False):
        self.root = resolve_library_dir(library)
        self.use_index = use_index and os.environ.get("CYBRIEF_NO_CACHE", "") in ("", "0")
        self.progress = progress
        self.skipped: list | None = None if strict else []

    def search(self, query: Query, *, limit: int | None = None, context: int = DEFAULT_CONTEXT) -> SearchResult:
        """Hits of the query, best first (at most `limit`)."""
        return self._answer(lambda source: run(source, query, limit=limit, context=context))

    def count(self, query: Query) -> SearchCounts:
        """Hits per brief, in library order, and in total."""
        return self._answer(lambda source: count(source, query))

    def _answer(self, answer):
        """answer(source) for the library's source, closed after (an index source holds a read transaction);
        if the index fails while it is read, the answer comes from the brief files instead."""
        source = self._source()
        try:
            found = answer(source)
        except Exception as exc:  # noqa: BLE001 - only SQLite's errors are caught: see _index_failed
            self._index_failed(source, exc)
            self._restart()
            source = files_source(self.root, self.skipped)
            found = answer(source)
        finally:
            source.close()
        if self.skipped and getattr(source, "nothing_loaded", lambda: False)():
            raise BriefError(self.skipped)  # not one brief to search: every problem, as --strict gives them
        return found

    def _source(self):
        """The library's index (made current) unless turned off or unusable, else its files."""
        if not self.use_index:
            return files_source(self.root, self.skipped)
        from cybrief.index.query import IndexSource
        from cybrief.index.store import Unavailable, open_index

        try:
            connection = open_index(self.root, self.progress, skipped=self.skipped)
        except Unavailable:
            self._restart()
            return files_source(self.root, self.skipped)
        except BriefError:  # two files with one id: the files are read, and the second left out
            if self.skipped is None:
                raise
            self._restart()
            return files_source(self.root, self.skipped)
        source = IndexSource(connection)
        try:
            empty = source.is_empty()
        except Exception as exc:  # noqa: BLE001 - see _index_failed
            self._index_failed(source, exc)
            self._restart()
            return files_source(self.root, self.skipped)
        if empty and self.skipped:  # every file broken: every problem, as --strict gives them
            source.close()
            raise BriefError(self.skipped)
        if empty:
            source.close()
            brief_files(self.root)  # the same error as without the index for a missing folder
            raise UsageError(f"library {display_path(self.root)}: no brief files (*.yaml, *.yml) in it")
        return source

    def _restart(self) -> None:
        """Forget what an abandoned source found skipped: the next one finds it again."""
        if self.skipped is not None:
            self.skipped.clear()

    def _index_failed(self, source, exc: Exception) -> None:
        """After an error of SQLite while reading the index (a page damaged since it was opened, a disk error):
        the source closed, and the index removed if it is corrupt, so the next search rebuilds it. Any other
        error is raised again."""
        if isinstance(source, BriefsSource) or type(exc).__module__ != "sqlite3":
            raise exc
        from cybrief.index.store import discard_if_corrupt

        source.close()
        discard_if_corrupt(self.root, exc)


def search(library, query, lang: str = "both", *, limit: int | None = None, context: int = DEFAULT_CONTEXT, **options) -> SearchResult:
    """Search briefs already loaded (a Library). `query` is a Query, a term, or a list of terms (ANDed)."""
    if not isinstance(query, Query):
        query = Query(query, lang=lang, **options)
    return run(loaded_source(library), query, limit=limit, context=context)
