"""Spoken and regional ways of writing an amount, rewritten to the forms the parser reads (500个亿 is 500亿)."""

from __future__ import annotations

_PATTERNS: dict | None = None
_TRIGGERS = frozenset("个几多于百翻时口")
_DOUBLINGS = {"一": 1, "1": 1, "二": 2, "两": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}  # a figure with none of these has no spoken form to rewrite


def _patterns() -> dict:
    """Compiled on first use, off the start-up path of commands that read figures but never rewrite one."""
    global _PATTERNS
    if _PATTERNS is None:
        import re

        _PATTERNS = {
            # 500个亿: the measure word a speaker puts before 亿 (not 3个万亿级, 100个万人, 5个亿元村, 3个亿元以上项目: a class, a count)
            "measured": re.compile(r"(?<=[0-9零〇一二两三四五六七八九十百千])个(?=亿(?!级|元))"),
            # 40几次: 几 after a round number is 多, some more
            "some": re.compile(r"(?<=[0-9十百千万])几(?=[^\W\d_a-zA-Z%])"),
            # 7%至于7.5%: 至于 between the bounds of a range is 至
            "range": re.compile(r"(?<=[0-9%])至于(?=[0-9])"),
            # 5倍多, 3年多, 10天多: 多 after a unit of time or a multiple reads as after the number (5多倍)
            "more_after": re.compile(r"^(?P<number>[^多余]+?)(?P<unit>倍|年|天|周|个月|小时)多$"),
            # 翻了一番, 翻两番多: doubled (2倍), quadrupled (4倍), and more
            "doubled": re.compile(r"^翻了?(?P<times>[一二两三四1-4])番(?P<more>多)?$"),
            # 320万人口, 14亿多人口: a population, in people
            "people": re.compile(r"[万亿多余]人口$"),
            # 一个小时四十五分钟: a span of hours and minutes, in minutes (105分钟)
            "hours_minutes": re.compile(r"^(?P<hours>[0-9零〇一二两三四五六七八九十]+)个?小时零?(?P<minutes>[0-9零〇一二两三四五六七八九十]+)分钟$"),
            # 百分之四点五至百分之五: a range of percentages said in full
            "percent_range": re.compile(r"^百分之(?P<low>[^至到]+)(?:至|到)(?:百分之)?(?P<high>[^至到]+)$"),
        }
    return _PATTERNS


def rewritten(s: str) -> str:
    """The figure text (simplified, without spaces) with its spoken forms rewritten: 500个亿 -> 500亿,
    40几次 -> 40多次, 翻了一番多 -> 2多倍, 一个小时四十五分钟 -> 105分钟, 5倍多 -> 5多倍, 百分之四点五至百分之五 -> 四点五%至五%, 7%至于7.5% -> 7%至7.5%."""
    if not _TRIGGERS & set(s):
        return s
    pats = _patterns()
    s = pats["range"].sub("至", pats["some"].sub("多", pats["measured"].sub("", s)))
    more = pats["more_after"].match(s)
    if more:
        s = f"{more.group('number')}多{more.group('unit')}"
    doubled = pats["doubled"].match(s)
    if doubled:
        times = 2 ** _DOUBLINGS[doubled.group("times")]  # 翻三番: doubled three times, 8倍
        s = f"{times}{'多' if doubled.group('more') else ''}倍"
    span = pats["hours_minutes"].match(s)
    if span:
        from cybrief.figures.numerals import read_numeral

        s = f"{read_numeral(span.group('hours')) * 60 + read_numeral(span.group('minutes'))}分钟"
    if s.endswith("人口") and pats["people"].search(s):
        s = s[:-1]  # 320万人口, 14亿多人口: people
    percent = pats["percent_range"].match(s)
    if percent:
        s = f"{percent.group('low')}%至{percent.group('high')}%"
    return s


_T2S: dict[int, str] | None = None


def simplified_table() -> dict[int, str]:
    """Traditional -> simplified, one character for one, as a str.translate table (built on first use)."""
    global _T2S
    if _T2S is None:
        from cybrief.t2s import SIMPLIFIED, TRADITIONAL

        _T2S = str.maketrans(TRADITIONAL, SIMPLIFIED)
    return _T2S
