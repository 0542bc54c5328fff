"""A library of briefs: where it lives, loading it (with a cache of parsed briefs), checking it, searching it.

location.py finds the folder and its files; briefs.py loads them into a Library and answers the lookups
every command shares; cache.py keeps parsed briefs on disk; validate.py checks files; searching.py answers
a search from the index or the files. May import: brief, figures, search, index and the shared modules
(errors, files, safety); never render, draft or cli.
"""

from cybrief.library.briefs import DelegateRef, Library, TargetRef, is_draft, open_library
from cybrief.library.location import (
    BRIEF_SUFFIXES, LIBRARY_ENV, Location, brief_files, bundled_dir, locate_library, resolve_library_dir,
)

__all__ = [
    "BRIEF_SUFFIXES", "LIBRARY_ENV", "DelegateRef", "Library", "Location", "TargetRef", "brief_files", "bundled_dir",
    "is_draft", "locate_library", "open_library", "resolve_library_dir",
]
