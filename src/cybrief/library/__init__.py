"""A library of briefs: where it lives, loading it (with a cache of parsed briefs), checking it, searching it.

location.py finds the folder and its files; briefs.py loads them into a Library and answers the lookups
every command shares; cache.py keeps parsed briefs on disk; validate.py checks files; searching.py answers
a search from the index or the files. May import: brief, figures, search, index and the shared modules
(errors, files, safety); never render, draft or cli.
"""

__all__ = [
    "BRIEF_SUFFIXES", "LIBRARY_ENV", "DelegateRef", "Library", "Location", "TargetRef", "brief_files", "bundled_dir",
    "is_draft", "locate_library", "open_library", "resolve_library_dir",
]
_FROM_BRIEFS = ("DelegateRef", "Library", "TargetRef", "is_draft", "open_library")


def __getattr__(name: str):
    # Loaded on first use: the quick search path reads library.location without the model and the loader.
    if name in __all__:
        from cybrief.library import briefs, location

        return getattr(briefs if name in _FROM_BRIEFS else location, name)
    raise AttributeError(f"module 'cybrief.library' has no attribute {name!r}")
