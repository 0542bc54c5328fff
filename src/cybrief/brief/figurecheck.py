"""Checking a brief's targets against their figures: value, unit and qualifier must be what the figure reads as."""

from __future__ import annotations

from cybrief.brief.model import Brief, format_number
from cybrief.brief.yamlnodes import Node
from cybrief.errors import FigureError, Problem
from cybrief.figures.quantity import parse_figure


def check_figures(root: Node, brief: Brief, shown: str) -> list[Problem]:
    """One located problem per disagreement, naming both values; `root` is the brief's mapping node.

    A figure that states no unit (16.4亿) leaves the target's unit to the author, who takes it from the
    sentence; a figure marked `qualitative` must be one the parser refuses, so the mark cannot hide a typo.
    """
    entry = root.value.get("targets")
    if entry is None or entry[1].kind != "seq":
        return []
    problems: list[Problem] = []
    for index, (node, target) in enumerate(zip(entry[1].value, brief.targets)):
        where = f"targets[{index}]"

        def problem(field: str, message: str) -> None:
            located = node.value.get(field, (None, node))[1]
            problems.append(Problem(shown, located.line, located.column, f"{where}.{field}", message))

        try:
            q = parse_figure(target.figure)
        except FigureError as exc:
            if not target.qualitative:
                problem("figure", f"{exc}; if it is deliberately not a number, say why in `qualitative:`")
            continue
        if target.qualitative:
            problem("qualitative", f"the figure {target.figure!r} reads as {_reading(q)}: drop `qualitative`, "
                    "which is for figures that are not numbers")
            continue
        if target.value != q.value:
            bound = " (a range's value is its lower bound)" if q.upper is not None else ""
            problem("value", f"{format_number(target.value)} disagrees with the figure {target.figure!r}, "
                    f"which reads as {format_number(q.value)}{bound}")
        if q.unit and target.unit != q.unit:
            problem("unit", f"{target.unit!r} disagrees with the figure {target.figure!r}, whose unit is {q.unit!r}")
        if target.qualifier != q.qualifier:
            problem("qualifier", f"{target.qualifier} disagrees with the figure {target.figure!r}, "
                    f"which reads as {q.qualifier}")
    return problems


def _reading(q) -> str:
    text = format_number(q.value) + (f" to {format_number(q.upper)}" if q.upper is not None else "")
    return f"{text} {q.unit} ({q.qualifier})" if q.unit else f"{text} ({q.qualifier})"
