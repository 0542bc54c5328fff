"""Labels and text in the language asked for: Chinese, English, or both."""

from __future__ import annotations


def _in(zh: str | None, en: str | None, lang: str, between: str) -> str:
    zh, en = zh or "", en or ""
    if lang == "zh":
        return zh or en
    if lang == "en":
        return en or zh
    return f"{zh}{between}{en}" if zh and en and zh != en else zh or en  # the same text in both: once


def pick(zh: str | None, en: str | None, lang: str) -> str:
    """Text for a language; `both` stacks the Chinese over the English, and shows text that is the same in
    both (80%, a name) once. Falls back to what exists."""
    return _in(zh, en, lang, "\n")


def header(zh: str, en: str, lang: str) -> str:
    """A column header: like pick, stacked in `both` so that narrow columns stay narrow."""
    return _in(zh, en, lang, "\n")


def label(zh: str | None, en: str | None, lang: str) -> str:
    """A label or heading on one line: `both` puts the English beside the Chinese (once when they are the same)."""
    return _in(zh, en, lang, " ")


# Times of day as reports state them, in English.
TIMES_OF_DAY = {"上午": "morning", "下午": "afternoon", "中午": "noon", "晚上": "evening", "晚间": "evening", "早上": "early morning"}


def time_of_day(time: str | None, lang: str) -> str:
    """A time of day as stated (上午), in English when it is a known word (morning), or both on one line."""
    if not time:
        return ""
    return label(time, TIMES_OF_DAY.get(time.strip(), time), lang)
