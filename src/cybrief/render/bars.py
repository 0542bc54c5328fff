"""Bars of a chart drawn with block characters, shared by the terminal and Markdown charts (no Rich here)."""

from __future__ import annotations

EIGHTHS = "▏▎▍▌▋▊▉█"
SOLID, APPROX, RANGE = "█", "▒", "░"
MARKS = {"more": "▶", "less": "◀"}


def _solid(cells: float) -> str:
    """A bar `cells` long in eighths of a cell; a value above zero shows at least a sliver."""
    eighths = round(cells * 8)
    if eighths == 0:
        return EIGHTHS[0] if cells > 0 else ""
    whole, part = divmod(eighths, 8)
    return SOLID * whole + (EIGHTHS[part - 1] if part else "")


def segments(bar, width: int) -> list[tuple[str, str]]:
    """(text, kind) pieces of one bar `width` cells at most; kind is solid, approx, range or mark.

    Exact figures are solid, approximate ones (约 近 左右, qualitative) shaded, a range solid up to its lower
    bound and light up to its upper one, and open-ended figures end in ▶ (or more) or ◀ (or less).
    """
    mark = bar.mark
    room = width - 1 if mark in MARKS else width
    if mark == "approx":
        cells = max(round(bar.share * room), 1 if bar.share > 0 else 0)
        out = [(APPROX * cells, "approx")]
    else:
        out = [(_solid(bar.share * room), "solid")]
        if mark == "range":
            lower = len(out[0][0])
            out.append((RANGE * max(round(bar.upper_share * room) - lower, 1), "range"))
    if mark in MARKS:
        out.append((MARKS[mark], "mark"))
    return out


def text(bar, width: int) -> str:
    return "".join(piece for piece, _ in segments(bar, width))
