"""Matching what people type against ids, names and sector labels: case, spaces and dashes do not count."""

from __future__ import annotations

from cybrief.errors import UsageError


def fold(text: str) -> str:
    """A label as compared: surrounding spaces dropped, case folded."""
    return text.strip().casefold()


def fold_name(text: str) -> str:
    """A person's name or id as compared: case folded, spaces, dashes, dots and middle dots dropped
    (`Liu Yong`, `liu-yong` and `liuyong` are one name), and the characters that show as nothing (张\u200b三
    is found as 张三, the name a reader sees: safety.without_invisible)."""
    from cybrief.safety import without_invisible

    return "".join(ch for ch in without_invisible(text).casefold() if ch not in " -_.·")


def sector_index(name: str, sectors: list[tuple[str, str, str]]) -> int:
    """The position in `sectors` ((slug, zh, en) each) of the one `name` means: by slug, Chinese or English
    label, case-insensitive. UsageError lists the valid ones."""
    wanted = fold(name)
    for position, (slug, zh, en) in enumerate(sectors):
        if wanted in (fold(slug), fold(zh), fold(en)):
            return position
    valid = ", ".join(f"{slug} ({zh}, {en})" for slug, zh, en in sectors)
    raise UsageError(f"unknown sector {name!r}; valid sectors: {valid}")
