"""The brief format as JSON Schema (draft 2020-12), generated from the field specs in model.py."""

from __future__ import annotations

import json

from cybrief.brief.model import DATE_PATTERN, ID_PATTERN, Brief, Record

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The loader keeps every scalar as text and reads it by the field's kind; a generic YAML 1.2 reader (the
# YAML language server, most libraries) turns plain `4000000`, `true` or `2` into numbers and booleans
# instead. Each kind therefore accepts what such a reader makes of text the loader accepts.
_NUMBER_TEXT = r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$|^\s*\d+\s*/\s*0*[1-9]\d*\s*$"
_KINDS = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "text": {"type": ["string", "number", "boolean"], "pattern": r"\S"},
    "date": {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
    "integer": {"type": ["integer", "string"], "minimum": 1, "pattern": r"^0*[1-9]\d*$"},
    "number": {"type": ["number", "string"], "pattern": _NUMBER_TEXT},
}

NOT_IN_SCHEMA = (
    "Beyond this schema, `cybrief validate` also checks that ids are unique, that every reference (a "
    "delegate's event, a target's delegate and sector, a sector slug) names something the brief defines, "
    "that dates exist in the calendar, and that brief ids are unique across a library."
)


def brief_schema() -> dict:
    """The JSON Schema of a brief file, as a dict: the Brief record at the top, the others in $defs."""
    defs: dict[str, dict] = {}
    root = _record(Brief, defs)
    schema = {"$schema": DIALECT, "title": "cybrief brief"}
    schema.update(root)
    schema["description"] = f"{Brief.__doc__} {NOT_IN_SCHEMA}"
    schema["$defs"] = dict(sorted(defs.items()))
    return schema


def schema_text() -> str:
    """The schema as the JSON text committed in schema/brief.schema.json."""
    return json.dumps(brief_schema(), ensure_ascii=False, indent=2) + "\n"


def schema_reference(folder) -> str | None:
    """How a brief written in `folder` names schema/brief.schema.json of the checkout it lies in (a relative
    path, for the `# yaml-language-server: $schema=` line), or None outside a checkout."""
    import os
    from pathlib import Path

    here = Path(folder).resolve()
    for parent in (here, *here.parents):
        candidate = parent / "schema" / "brief.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, here)).as_posix()
    return None


def _record(cls: type[Record], defs: dict) -> dict:
    properties = {spec.name: _field(spec, defs) for spec in cls.FIELDS}
    return {
        "type": "object",
        "description": cls.__doc__,
        "properties": properties,
        "required": [spec.name for spec in cls.FIELDS if spec.required],
        "additionalProperties": False,
    }


def _ref(cls: type[Record], defs: dict) -> dict:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # reserved first, so a record that refers to itself cannot recurse forever
        defs[name] = _record(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _kind(kind: str, spec, defs: dict) -> dict:
    if kind == "choice":
        return {"enum": list(spec.choices)}
    if kind == "object":
        return _ref(spec.item, defs)
    return dict(_KINDS[kind])


def _field(spec, defs: dict) -> dict:
    if spec.kind == "list":
        item = _kind(spec.item, spec, defs) if isinstance(spec.item, str) else _ref(spec.item, defs)
        schema = {"type": "array", "items": item}
    else:
        schema = _kind(spec.kind, spec, defs)
    if not spec.required:
        schema = _nullable(schema)  # the loader reads an empty optional field (`reporter:`) as absent
    schema["description"] = spec.doc
    if spec.example is not None:
        schema["examples"] = [spec.example]
    return schema


def _nullable(schema: dict) -> dict:
    if "enum" in schema:
        return {"enum": schema["enum"] + [None]}
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": kinds + ["null"]}
    return {"anyOf": [schema, {"type": "null"}]}
