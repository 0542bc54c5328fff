"""Finding figures in prose: candidate spans (近400万辆, 每9台汽车就有1台, 二分之一), each read by parse_figure."""

from __future__ import annotations

import re
from functools import lru_cache

from cybrief.errors import FigureError
from cybrief.figures.quantity import PREFIXES, SUFFIXES, UNITS, Quantity, parse_figure

_DIGITS = "0-9０-９"
_CN = "零〇一二两三四五六七八九十百千万亿"
_NUMERAL = rf"[{_DIGITS}{_CN}](?:[{_DIGITS}{_CN}]|[.．](?=[{_DIGITS}])|点(?=[{_CN}]))*"
_OVER = r"(?:[余多](?:万亿|亿|万)?)?"  # 1500余家, 两千余万亩
_ORDER = re.compile(r"^[十百千万亿]+$")
# Units that are dates or spans of years: 2025年, 3月7日, 这两年 are horizons and dates, not figures.
SKIPPED_UNITS = frozenset(("年", "月", "日"))
_SESSION_AFTER = ("会议", "全会", "大会", "届")
_QUOTED = re.compile(r"“[^“”]{1,16}”|‘[^‘’]{1,16}’|《[^《》]*》|「[^「」]{1,16}」")


class Found:
    """A figure found in a paragraph: its span, its text, and how parse_figure reads it (or, for an order of
    magnitude such as 万亿级, the value it names and why it is not an amount)."""

    __slots__ = ("start", "end", "text", "quantity", "qualitative")

    def __init__(self, start: int, end: int, text: str, quantity: Quantity, qualitative: str | None = None):
        self.start, self.end, self.text, self.quantity, self.qualitative = start, end, text, quantity, qualitative


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    units = "|".join(re.escape(u) for u in sorted(UNITS | {"％"}, key=len, reverse=True))
    prefixes = "|".join(word for word, _ in PREFIXES)
    suffixes = "|".join(word for word, _ in SUFFIXES)
    return {
        "ratio": re.compile(rf"每[\u4e00-\u9fff]{{0,4}}?{_NUMERAL}[\u4e00-\u9fff]{{1,6}}?有{_NUMERAL}(?:{units})?"),
        "share": re.compile(rf"(?:{prefixes})?[{_DIGITS}{_CN}]+分之{_NUMERAL}(?:{suffixes})?"),
        "order": re.compile(r"(?:[十百千]?[万亿]|万亿|[十百千])级"),
        "amount": re.compile(
            rf"(?:{prefixes})?{_NUMERAL}(?:(?:{units})?(?:至|到|~|～|-|—){_NUMERAL})?{_OVER}(?:{units})(?:{suffixes})?"
            rf"|(?:{prefixes})?[{_DIGITS}]+(?:[.．][{_DIGITS}]+)?(?:万亿|亿|万)(?:{suffixes})?"
        ),
    }


def find_figures(paragraph: str) -> list[Found]:
    """Every figure in a paragraph, in order. Left out: dates and years (horizons), ordinals (第三), the
    indefinite 一 (一批, 一张), session numbers (四次会议), and numbers inside short quoted names or titles
    (“千万工程”, “15分钟生活圈”, 《……》); a span parse_figure refuses is left out too."""
    quoted = [m.span() for m in _QUOTED.finditer(paragraph)]
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    pats = _patterns()
    for name in ("ratio", "share", "order", "amount"):
        for match in pats[name].finditer(paragraph):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken) or _left_out(paragraph, start, end, quoted):
                continue
            text = match.group()
            item = _order(start, end, text) if name == "order" else _read(start, end, text, name == "amount")
            if item is not None:
                taken.append((start, end))
                found.append(item)
    return sorted(found, key=lambda f: f.start)


def _left_out(paragraph: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    text = paragraph[start:end]
    if start > 0 and (paragraph[start - 1] == "第" or paragraph[start - 1].isascii() and paragraph[start - 1].isalnum()):
        return True
    if any(s <= start and end <= e for s, e in quoted):
        return True
    if paragraph.startswith(_SESSION_AFTER, end):
        return True
    return False


def _read(start: int, end: int, text: str, amount: bool) -> Found | None:
    try:
        quantity = parse_figure(text)
    except FigureError:
        return None
    core = text
    for word, _ in PREFIXES:
        if core.startswith(word):
            core = core[len(word):]
            break
    if quantity.unit in SKIPPED_UNITS:
        return None
    numeral = re.match(rf"[{_DIGITS}{_CN}.．]+", core)
    digits = numeral.group() if numeral else ""
    if digits in ("零", "〇"):
        return None  # 零部件
    if digits == "一" and quantity.unit != "ratio":
        return None  # 一批, 一张, 一系列: the indefinite article
    if amount and _ORDER.match(digits) and core == text and digits != "十":
        return None  # 百姓, 万人: a bare order word needs a qualifier (近百个) to be a figure
    return Found(start, end, text, quantity)


def _order(start: int, end: int, text: str) -> Found | None:
    try:
        magnitude = parse_figure("一" + text[:-1])
    except FigureError:
        return None
    quantity = Quantity(text, magnitude.value, "", "approx")
    return Found(start, end, text, quantity, f"{text} names an order of magnitude, not an amount; the value is that order")
