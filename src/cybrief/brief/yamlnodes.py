"""Safe YAML reading into located nodes: every scalar stays text, with no tags, aliases or duplicate keys."""

from __future__ import annotations

import yaml

from cybrief.errors import MAX_PROBLEMS, BriefError, Problem, stopped

try:  # libyaml when the wheel has it: several times faster
    from yaml import CSafeLoader as _Loader

    _BYTE_POSITIONS = True  # libyaml reports a reader error's position in bytes of UTF-8
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _BYTE_POSITIONS = False

_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DOCUMENT_START, _ALIAS = yaml.DocumentStartEvent, yaml.AliasEvent

MAX_DEPTH = 64
# Past this many nodes a file is refused while it is parsed: a 5 MiB file of tiny scalars would otherwise
# take 7 s and 380 MB to load. The bundled brief has about 1,100 nodes; 50,000 allow some 1,700 targets,
# and the worst file under this cap loads or is refused in well under a second (benchmarks/hostile_inputs.py).
MAX_NODES = 50_000
NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class Node:
    """A YAML node with its 1-based position; `value` is a str, a list of Nodes, or a dict key -> (key Node, Node)."""

    __slots__ = ("kind", "value", "line", "column", "plain")

    def __init__(self, kind: str, value, line: int, column: int, plain: bool = False):
        self.kind, self.value, self.line, self.column, self.plain = kind, value, line, column, plain

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.plain and self.value in NULLS


def parse(text: str, path: str) -> Node | None:
    """Parse one YAML document into Nodes, refusing what a brief never needs.

    Refused, each with its position: explicit tags (`!!python/object ...`), aliases (so an alias bomb
    never expands), duplicate keys, non-scalar keys, nesting deeper than MAX_DEPTH, more than MAX_NODES
    nodes, a second document.
    Returns None for an empty document.
    """
    problems: list[Problem] = []
    stack: list[list] = []  # frames: [Node, pending key Node or None, field path of the Node]
    root: Node | None = None
    documents = 0
    nodes = 0
    loader = None

    def fail(mark, message: str) -> BriefError:
        return BriefError([Problem(path, mark.line + 1, mark.column + 1, "", message)])

    # The parser is driven here, event by event, dispatching on the event's class: some 1,600 events a brief,
    # so every lookup in this loop counts (it was a third of the cost of indexing a brief).
    try:
        loader = _Loader(text)  # in the try: a lone surrogate fails here, as the text is encoded
        next_event = loader.get_event
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is _SCALAR or kind is _MAPPING or kind is _SEQUENCE:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag != "!":
                    raise fail(mark, f"YAML tags ({tag}) are not allowed in a brief")
                nodes += 1
                if nodes > MAX_NODES:
                    raise fail(mark, f"more than {MAX_NODES} YAML nodes (values, lists and mappings); a brief is far smaller")
                line, column = mark.line + 1, mark.column + 1
                if kind is _SCALAR:
                    node = Node("scalar", event.value, line, column, event.implicit[0] and not event.style)
                    if not stack:
                        root = node
                        continue
                    frame = stack[-1]
                    parent = frame[0]
                    if parent.kind == "seq":
                        parent.value.append(node)
                        continue
                    if frame[1] is None:  # a key (a scalar: always a valid one)
                        frame[1] = node
                        continue
                    _attach(node, stack, path, problems)  # a mapping's value: duplicate keys are checked there
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise fail(mark, f"nesting deeper than {MAX_DEPTH} levels")
                    node = Node("map", {}, line, column) if kind is _MAPPING else Node("seq", [], line, column)
                    stack.append([node, None, _attach(node, stack, path, problems)])
                if len(problems) >= MAX_PROBLEMS:
                    raise BriefError(problems + [stopped(path, line, column)])
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                node = stack.pop()[0]
                if not stack:
                    root = node
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise fail(event.start_mark, "a brief holds one YAML document; found a second one")
            elif kind is _ALIAS:
                raise fail(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed in a brief")
            # the stream's start and end, a document's end: nothing to do
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or str(exc)
        if exc.context and exc.problem:
            started = exc.context_mark
            at = f" at line {started.line + 1}, column {started.column + 1}" if started and started is not mark else ""
            message = f"{exc.problem} ({exc.context.replace('while ', '')}{at})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise BriefError([Problem(path, line, column, "", f"invalid YAML: {message}")]) from None
    except UnicodeEncodeError as exc:  # text from Python, not from a file: a lone surrogate
        line, column = _line_col(text, exc.start)
        message = f"not valid Unicode: lone surrogate U+{ord(text[exc.start]):04X}"
        raise BriefError([Problem(path, line, column, "", message)]) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", None)
        if position is not None and _BYTE_POSITIONS:
            position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
        line, column = _line_col(text, position) if position is not None else (None, None)
        reason = getattr(exc, "reason", None) or str(exc)
        character = getattr(exc, "character", None)
        what = f" (U+{character:04X})" if isinstance(character, int) else ""
        raise BriefError([Problem(path, line, column, "", f"invalid YAML: {reason}{what}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise BriefError(problems)
    return root


def _attach(node: Node, stack: list[list], path: str, problems: list[Problem]) -> str:
    """Add node to the container on top of the stack; return the node's field path (e.g. targets[3].unit)."""
    if not stack:
        return ""
    frame = stack[-1]
    parent, where = frame[0], frame[2]
    if parent.kind == "seq":
        parent.value.append(node)
        return f"{where}[{len(parent.value) - 1}]"
    key = frame[1]
    if key is None:
        if node.kind != "scalar":
            problems.append(Problem(path, node.line, node.column, where, "mapping keys must be plain text"))
            frame[1] = Node("scalar", f"<{node.kind}>", node.line, node.column)
            return where
        frame[1] = node
        return where
    frame[1] = None
    child = f"{where}.{key.value}" if where else key.value
    first = parent.value.get(key.value)
    if first is not None:
        problems.append(Problem(path, key.line, key.column, child, f"duplicate key (first at line {first[0].line})"))
        return child
    parent.value[key.value] = (key, node)
    return child


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
