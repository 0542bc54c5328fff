"""Reading briefs: bytes -> checked model objects, with every problem located as file:line:col and field path."""

from __future__ import annotations

import os
import re
from pathlib import Path

from cybrief.brief import yamlnodes
from cybrief.brief.model import DATE_PATTERN, ID_PATTERN, Brief, parse_number
from cybrief.brief.yamlnodes import Node
from cybrief.errors import MAX_PROBLEMS, BriefError, Problem, display_path, stopped
from cybrief.files import decode_utf8, read_bytes

_ID = re.compile(ID_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_INTEGER = re.compile(r"[0-9]{1,9}")  # ASCII digits only; a paragraph number is never a billion
# Numbers are kept to what a figure can be, so that no later step builds a million-digit integer or a
# float that overflows to inf (1e999999 is a short text): at most 40 characters, magnitude below 1e31.
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 30
KNOWN_SHOWN = 12  # ids an "unknown ... (known: ...)" message lists at most
_ID_FIELD = re.compile(r"(\w+)(?:\[\d+\](?:\.(\w+))?)?")  # a section, one of its items, or an item's key

def load_brief(path: str | os.PathLike) -> Brief:
    """Load and check one brief file; raise BriefError listing every problem found in it."""
    file = Path(path)
    shown = display_path(file)
    return loads_brief(decode_utf8(read_bytes(file, shown), shown), shown, str(file.resolve()))


def loads_brief(text: str, shown: str = "<string>", path: str | None = None) -> Brief:
    """Load and check a brief from YAML text; `shown` names it in messages, `path` is recorded on the brief."""
    return build_brief(yamlnodes.parse(text, shown), shown, path if path is not None else shown)


def build_brief(root: Node | None, shown: str, path: str) -> Brief:
    builder = _Builder(shown)
    if root is None or root.kind != "map":
        line, column = (root.line, root.column) if root else (1, 1)
        raise BriefError([Problem(shown, line, column, "", "a brief is a YAML mapping (id:, title:, events: ...)")])
    try:
        brief = builder.build(Brief, root, "")
        _check_references(root, builder)
    except _TooMany as too_many:
        builder.problems.append(stopped(shown, too_many.node.line, too_many.node.column))
    if not builder.problems:
        from cybrief.brief.figurecheck import check_figures

        builder.problems.extend(check_figures(root, brief, shown))
    if builder.problems:
        raise BriefError(builder.problems)
    brief.path = path
    return brief


class _TooMany(Exception):
    """Enough problems found in one file: the checks stop at `node`."""

    def __init__(self, node: Node):
        self.node = node


class _Builder:
    """Turns Nodes into model objects by the field specs in model.py, collecting every problem."""

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []

    def problem(self, node: Node, where: str, message: str) -> None:
        self.problems.append(Problem(self.shown, node.line, node.column, where, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooMany(node)

    def build(self, cls, node: Node, where: str):
        if node.kind != "map":
            self.problem(node, where, f"expected a mapping of {cls.__name__.lower()} fields, got {_describe(node)}")
            return None
        specs = cls.FIELDS
        known = {f.name for f in specs}
        for key, (key_node, _) in node.value.items():
            if key not in known:
                self.problem(key_node, _join(where, key),
                             f"unknown field{_did_you_mean(key, known)} (expected one of: {', '.join(sorted(known))})")
        values = {}
        ok = True
        for f in specs:
            entry = node.value.get(f.name)
            sub = _join(where, f.name)
            if entry is None or entry[1].is_null:
                if f.required:
                    self.problem(entry[1] if entry else node, sub, "missing required field")
                    ok = False
                continue
            value = self.value(f.kind, f, entry[1], sub)
            if value is _INVALID:
                ok = False
                continue
            values[f.name] = value
        return cls(**values) if ok else None

    def value(self, kind: str, spec, node: Node, where: str):
        if kind == "object":
            result = self.build(spec.item, node, where)
            return _INVALID if result is None else result
        if kind == "list":
            if node.kind != "seq":
                self.problem(node, where, f"expected a list, got {_describe(node)}")
                return _INVALID
            item = spec.item
            items, ok = [], True
            for index, child in enumerate(node.value):
                sub = f"{where}[{index}]"
                if isinstance(item, str):
                    result = self.scalar(item, spec, child, sub)
                else:
                    result = self.build(item, child, sub)
                    result = _INVALID if result is None else result
                if result is _INVALID:
                    ok = False
                items.append(result)
            return tuple(items) if ok else _INVALID
        return self.scalar(kind, spec, node, where)

    def scalar(self, kind: str, spec, node: Node, where: str):
        if node.kind != "scalar":
            self.problem(node, where, f"expected {_EXPECTED[kind]}, got {_describe(node)}")
            return _INVALID
        text = node.value
        if kind == "text":
            if not text.strip():
                self.problem(node, where, "must not be empty")
                return _INVALID
            return text
        if kind == "id":
            if not _ID.fullmatch(text):
                self.problem(node, where, f"expected an id (lower-case letters, digits, '.', '_', '-'), got {_shorten(text)}")
                return _INVALID
            return text
        if kind == "choice":
            choices = spec.choices
            if text not in choices:
                self.problem(node, where, f"expected one of {', '.join(choices)}; got {_shorten(text)}{_did_you_mean(text, choices)}")
                return _INVALID
            return text
        if kind == "date":
            if not _DATE.fullmatch(text) or not text.isascii() or not _valid_date(text):
                self.problem(node, where, f"expected a date as YYYY-MM-DD, got {_shorten(text)}")
                return _INVALID
            return text
        if kind == "integer":
            if not _INTEGER.fullmatch(text) or int(text) < 1:
                self.problem(node, where, f"expected a whole number from 1, got {_shorten(text)}")
                return _INVALID
            return int(text)
        if kind == "number":
            if len(text) > MAX_NUMBER_CHARS:
                self.problem(node, where, f"expected a number of at most {MAX_NUMBER_CHARS} characters, got {_shorten(text)}")
                return _INVALID
            number = parse_number(text)
            if number is None:
                self.problem(node, where, f"expected a number (e.g. 4000000, 23.6 or 1/9), got {_shorten(text)}")
                return _INVALID
            if not _in_range(number):
                self.problem(node, where, f"number out of range (magnitude from 1e-{MAX_EXPONENT} to below 1e{MAX_EXPONENT + 1}), got {_shorten(text)}")
                return _INVALID
            return number
        raise AssertionError(f"unknown field kind {kind}")  # a bug in model.py, not in the brief


def _did_you_mean(word: str, known) -> str:
    """'; did you mean 'date'?' for a word close to one of the known ones (a typo), else nothing."""
    from difflib import get_close_matches

    close = get_close_matches(word, sorted(known), n=1, cutoff=0.75) if len(word) <= 60 else []
    return f"; did you mean {close[0]!r}?" if close else ""


def _in_range(number) -> bool:
    from decimal import Decimal

    if not isinstance(number, Decimal) or not number:  # a fraction is bounded by its length
        return True
    return -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT


def _shorten(text: str) -> str:
    return repr(text) if len(text) <= 60 else repr(text[:60]) + f" ... ({len(text)} characters)"


def _valid_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check_references(root: Node, builder: _Builder) -> None:
    """Cross-field checks: unique ids, and every reference naming something the brief defines.

    They run beside the type checks, so that every problem is reported at once. References into a
    section whose ids are in doubt (the section, an item or an id has a problem) are not checked: they
    would only repeat that problem.
    """
    keys = (("events", "id"), ("sectors", "slug"), ("delegates", "id"), ("targets", "id"))
    broken = set()
    for problem in builder.problems:
        match = _ID_FIELD.fullmatch(problem.field)
        if match and match.group(2) in (None, dict(keys).get(match.group(1))):
            broken.add(match.group(1))
    ids = {}
    for section, key in keys:
        ids[section] = _unique(root, section, key, builder)
    known = {section: _Known(ids[section]) for section in ("events", "sectors", "delegates") if section not in broken}
    for index, node in _items(root, "delegates"):
        if "events" in known:
            _refer(node, "event", known["events"], f"delegates[{index}].event", "event", builder)
        sectors = node.value.get("sectors")
        if "sectors" in known and sectors and sectors[1].kind == "seq":
            for j, child in enumerate(sectors[1].value):
                _refer_node(child, known["sectors"], f"delegates[{index}].sectors[{j}]", "sector", builder)
    for index, node in _items(root, "targets"):
        if "delegates" in known:
            _refer(node, "delegate", known["delegates"], f"targets[{index}].delegate", "delegate", builder)
        if "sectors" in known:
            _refer(node, "sector", known["sectors"], f"targets[{index}].sector", "sector", builder)


class _Known:
    """The ids of one section, and the list an "unknown ..." message shows (built once, and kept short)."""

    def __init__(self, ids: set[str]):
        self.ids = ids
        shown = sorted(ids)
        more = f", ... ({len(shown)} in all)" if len(shown) > KNOWN_SHOWN else ""
        self.listed = ", ".join(shown[:KNOWN_SHOWN]) + more if shown else "none defined"


def _items(root: Node, section: str):
    entry = root.value.get(section)
    if entry is None or entry[1].kind != "seq":
        return []
    return [(i, n) for i, n in enumerate(entry[1].value) if n.kind == "map"]


def _unique(root: Node, section: str, key: str, builder: _Builder) -> set[str]:
    seen: dict[str, Node] = {}
    for index, node in _items(root, section):
        entry = node.value.get(key)
        if entry is None or entry[1].kind != "scalar":
            continue
        value_node = entry[1]
        first = seen.get(value_node.value)
        if first is not None:
            builder.problem(
                value_node, f"{section}[{index}].{key}", f"duplicate id {_shorten(value_node.value)} (first at line {first.line})"
            )
        else:
            seen[value_node.value] = value_node
    return set(seen)


def _refer(node: Node, key: str, known: _Known, where: str, what: str, builder: _Builder) -> None:
    entry = node.value.get(key)
    if entry is not None:
        _refer_node(entry[1], known, where, what, builder)


def _refer_node(node: Node, known: _Known, where: str, what: str, builder: _Builder) -> None:
    if node.kind == "scalar" and not node.is_null and node.value not in known.ids:
        builder.problem(node, where, f"unknown {what} {_shorten(node.value)} (known: {known.listed})")


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _describe(node: Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    return _shorten(node.value)


_EXPECTED = {
    "text": "text",
    "id": "an id",
    "choice": "one of the listed words",
    "date": "a date as YYYY-MM-DD",
    "integer": "a whole number",
    "number": "a number",
}
_INVALID = object()
