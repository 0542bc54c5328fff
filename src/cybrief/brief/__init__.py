"""The brief format: its types and field specs, safe YAML with locations, loading and checking, schema, writing.

model.py declares every field (the loader, the dumper, the cache and the JSON Schema read it); yamlnodes.py
reads YAML into located nodes; load.py turns them into checked model objects; figurecheck.py checks each
target against its figure; schema.py writes the JSON Schema; dump.py writes a brief back as YAML; labels.py
picks the language of what is shown; records.py makes the JSON records of targets and delegates; plain.py
turns a brief into plain data and back. May import: figures and the shared modules (errors, files, safety).
"""
