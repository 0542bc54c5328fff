"""The on-disk index of a library: store, freshness, update, the stored briefs, the workers that parse, and queries.

store.py says where an index lives, creates and opens it and knows when it is current; caches.py keeps the
cache folder under its cap; snapshot.py tells whether the files are as last seen; update.py brings it up
to date, with rows.py parsing a brief into what is stored and workers.py doing so in other processes;
stored.py packs and reads each brief's compressed blob; query.py answers a search from it.
May import: search, brief, figures and the shared modules; never library, render, draft or cli.
"""
