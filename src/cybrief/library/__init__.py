"""A library of briefs: where it lives, loading it (with a cache of parsed briefs), checking it, searching it.

location.py finds the folder and its files; briefs.py holds a Library and answers the lookups every
command shares; opening.py opens one; cache.py loads its briefs through the library's index; indexed.py answers listings from
the index without loading them; validate.py checks files; searching.py answers a search from the index
or the files. May import: brief, figures, search, index and the shared modules
(errors, files, safety); never render, draft or cli.
"""

from cybrief.library.briefs import DelegateRef, Library, TargetRef
from cybrief.library.location import BRIEF_SUFFIXES, LIBRARY_ENV, brief_files, bundled_dir, resolve_library_dir
from cybrief.library.opening import open_library, open_listing

__all__ = [
    "BRIEF_SUFFIXES", "LIBRARY_ENV", "DelegateRef", "Library", "TargetRef", "brief_files", "bundled_dir",
    "open_library", "open_listing", "resolve_library_dir",
]
