"""Values as people read them: horizons, places, units and the source in English, and the mark of an inferred speaker.

The mark (†) follows key points and figures whose speaker the report does not name where they are said; a
legend line under the table says so.
"""

from __future__ import annotations

from cybrief.brief.labels import label, pick
from cybrief.brief.records import region_en  # noqa: F401 - re-exported

# --- stated or inferred ------------------------------------------------------------------------------------

INFERRED_MARK = "†"
BASIS_LEGEND = (
    f"{INFERRED_MARK} 推断：报道未在此处点名发言人，简报据上下文归属",
    f"{INFERRED_MARK} inferred: the report does not name the speaker here; the brief attributes it from context",
)


def marked(text: str, basis: str | None) -> str:
    """Text with the mark of an inferred attribution at the end of its first line (the cell's top)."""
    if basis != "inferred":
        return text
    first, newline, rest = text.partition("\n")
    return f"{first} {INFERRED_MARK}{newline}{rest}"


def basis_notes(bases, lang: str) -> tuple[str, ...]:
    """The legend of the mark, when any of `bases` is inferred."""
    return tuple(pick(*BASIS_LEGEND, lang).split("\n")) if "inferred" in bases else ()


# --- English forms ----------------------------------------------------------------------------------------

def shown_horizon(horizon: str | None, lang: str) -> str:
    """A horizon as stated (zh), in English from the registry (en: 十四五 is the 14th Five-Year Plan), or both."""
    if not horizon:
        return "—"
    if lang == "zh":
        return horizon
    from cybrief.brief.english import english_horizon

    return pick(horizon, english_horizon(horizon), lang)


def shown_place(place: str | None, place_en: str | None, lang: str) -> str:
    """A place as stated, in English (the brief's own, else the registry's: 川渝 is Sichuan-Chongqing), or both."""
    if not place:
        return "—"
    if lang == "zh":
        return place
    if not place_en:
        from cybrief.brief.english import english_region

        place_en = english_region(place)
    return pick(place, place_en, lang)


def shown_unit(unit: str | None, lang: str) -> str:
    """A unit as stated, in English (元 is CNY, 个 a count), or both on one line."""
    if not unit:
        return "—"
    if lang == "zh":
        return unit
    from cybrief.figures.writing import english_unit

    return label(unit, english_unit(unit), lang)


def source_text(source, lang: str) -> str:
    """The outlet and reporter, in the language asked for (names keep their Chinese beside their pinyin)."""
    outlet = label(source.outlet, source.outlet_en, lang)
    if not source.reporter:
        return outlet
    reporter = label(source.reporter, source.reporter_en, lang)
    return outlet + ("，" if lang == "zh" else ", ") + reporter
