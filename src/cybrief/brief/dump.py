"""Writing a brief back to YAML text that cybrief (and any YAML tool) reads as the same brief."""

from __future__ import annotations

import json
import re

from cybrief.brief.model import Brief, Record, format_number

# Text written without quotes only when no YAML reader could take it for anything but the same text:
# no indicator first, no ': ' or ' #', no trailing space, and not a word or number YAML 1.1 resolves.
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\r\t]*$")
_RESOLVABLE = re.compile(
    r"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9][0-9_.:,eE+-]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|\.[0-9]+|<<|=)$"
)


# Inside double quotes, YAML still forbids DEL, C1 controls and U+FFFE/U+FFFF as raw characters, and
# folds NEL, LS and PS as line breaks; json.dumps leaves them raw, so they are written as \u escapes.
_RAW_IN_QUOTES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def text(value: str) -> str:
    """A YAML scalar for `value`: plain when unambiguous, else double-quoted with JSON escapes."""
    if (
        _PLAIN.match(value)
        and not _RESOLVABLE.match(value)
        and ": " not in value
        and " #" not in value
        and not value.endswith((" ", ":"))
        and value.isprintable()
    ):
        return value
    return _RAW_IN_QUOTES.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _scalar(spec, value) -> str:
    if spec.kind == "number":
        return format_number(value)
    if spec.kind == "integer":
        return str(value)
    return text(value)


def _record(record: Record, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for spec in record.FIELDS:
        value = getattr(record, spec.name)
        if value is None or (spec.kind == "list" and not value and not spec.required):
            continue
        if spec.kind == "object":
            lines.append(f"{pad}{spec.name}:")
            lines += _record(value, indent + 2)
        elif spec.kind == "list":
            if not value:
                lines.append(f"{pad}{spec.name}: []")
            elif isinstance(spec.item, str):
                items = ", ".join(text(v) if spec.item != "integer" else str(v) for v in value)
                lines.append(f"{pad}{spec.name}: [{items}]")
            else:
                lines.append(f"{pad}{spec.name}:")
                for item in value:
                    body = _record(item, indent + 4)
                    lines.append(f"{pad}  - {body[0].lstrip()}")
                    lines += body[1:]
        else:
            lines.append(f"{pad}{spec.name}: {_scalar(spec, value)}")
    return lines


def dump_brief(brief: Brief, *, schema: str | None = None) -> str:
    """The brief as YAML text; load_brief of the result gives back an equal brief.

    With `schema` (a path or URL of the JSON Schema), the first line tells editors that use the YAML
    language server where to find it.
    """
    head = [f"# yaml-language-server: $schema={schema}"] if schema else []
    return "\n".join(head + _record(brief, 0)) + "\n"
