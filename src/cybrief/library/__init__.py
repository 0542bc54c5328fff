"""A library of briefs: where it lives, loading it (through its index), checking it, searching it.

location.py finds the folder and its files; briefs.py holds a Library and answers the lookups every command
shares; opening.py opens one; cache.py loads its briefs through the library's index; indexed.py answers
listings from the index without loading them, with the targets and delegates of stored_refs.py; validate.py
checks files; searching.py answers a search from the index or the files. May import: brief, figures, search, index and the shared modules (errors, files, safety);
never render, draft or cli.
"""

__all__ = [
    "BRIEF_SUFFIXES", "LIBRARY_ENV", "DelegateRef", "Library", "Location", "TargetRef", "brief_files", "bundled_dir",
    "is_draft", "locate_library", "open_library", "open_listing", "resolve_library_dir",
]
_WHERE = {"DelegateRef": "briefs", "Library": "briefs", "TargetRef": "briefs", "is_draft": "briefs",  # from brief.review
          "open_library": "opening", "open_listing": "opening"}  # the others: location


def __getattr__(name: str):
    # Loaded on first use: the quick search path reads library.location without the model and the loader.
    if name in __all__:
        from importlib import import_module

        return getattr(import_module(f"cybrief.library.{_WHERE.get(name, 'location')}"), name)
    raise AttributeError(f"module 'cybrief.library' has no attribute {name!r}")
