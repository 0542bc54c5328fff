"""The on-disk index of a library: store, freshness, update, the stored briefs, the workers that parse, and queries.

store.py says where an index lives, creates and opens it and knows when it is current; caches.py keeps the
cache folder under its cap; snapshot.py tells whether the files are as last seen; update.py brings it up
to date, with rows.py parsing a brief into what is stored and workers.py doing so in other processes;
stored.py packs and reads each brief's compressed blob; query.py answers a search from it, and facts.py what
filters ask (sectors, delegates).
May import: search, brief, figures and the shared modules; never library, render, draft or cli.
"""

import os


def cache_home() -> str:
    """$XDG_CACHE_HOME/cybrief (default ~/.cache/cybrief), where every library's index lives."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cybrief")
