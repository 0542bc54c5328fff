"""The brief format: its types and field specs, safe YAML with locations, loading and checking, schema, writing.

model.py declares every field (the loader, the dumper, the cache and the JSON Schema read it); yamlnodes.py
reads YAML into located nodes; load.py turns them into checked model objects; figurecheck.py checks each
target against its figure; schema.py writes the JSON Schema; dump.py writes a brief back as YAML; labels.py
picks the language of what is shown; english.py gives horizons and places their English forms; records.py makes
the JSON records of targets and delegates; plain.py turns a brief into plain data and back; review.py says
whether a brief is still a draft. May import: figures and the shared modules (errors, files, safety).
"""
