"""Sessions and sources from an article's own lines: dated session phrases, the year, outlet, reporter, date."""

from __future__ import annotations

import re

from cybrief.draft.clean import BYLINE, DATELINE, Article
from cybrief.draft.lexicon import lexicon

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DATE = re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?P<time>上午|下午|晚上|晚间|早上|中午|傍晚)?")
# 十四届全国人大四次会议, 全国政协十四届三次会议: the year follows from the term and the session.
_SESSION = re.compile(r"(?P<term>十[一二三四五六七八九]?|[一二三四五六七八九])届全国(?:人大|政协)(?P<session>[一二三四五])次会议")
_SESSION_CPPCC = re.compile(r"全国政协(?P<term>十[一二三四五六七八九]?|[一二三四五六七八九])届(?P<session>[一二三四五])次会议")
_STAMP = re.compile(r"(?P<year>\d{4})[-/.年](?P<month>\d{1,2})[-/.月](?P<day>\d{1,2})")
_THEME = re.compile(r"(?:围绕|以)“(?P<theme>[^”]{2,80})”(?:为)?主题|主题为“(?P<theme2>[^”]{2,80})”")
_PLACE = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,12}?(?:大会堂|会堂|新闻中心|宾馆|酒店|饭店|会议中心|驻地)(?:[\u4e00-\u9fff]{1,4}?(?:大厅|厅|室))?)"
)
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


class Session:
    """An event found in the text, before it becomes a model Event."""

    __slots__ = ("date", "time", "kind", "title", "theme", "place", "paragraph")

    def __init__(self, date, time, kind, title, theme, place, paragraph):
        self.date, self.time, self.kind, self.title = date, time, kind, title
        self.theme, self.place, self.paragraph = theme, place, paragraph


class Source:
    """Outlet, reporter, place and publication date as the article's bylines and page lines state them."""

    __slots__ = ("outlet", "reporter", "place", "published")

    def __init__(self, outlet=None, reporter=None, place=None, published=None):
        self.outlet, self.reporter, self.place, self.published = outlet, reporter, place, published


def _chinese_number(text: str) -> int:
    if text.startswith("十"):
        return 10 + (_CN_DIGITS[text[1]] if len(text) > 1 else 0)
    return _CN_DIGITS[text]


def session_year(text: str) -> int | None:
    """The year of an NPC or CPPCC session named in the text: the 9th NPC met first in 1998, one term a
    five years, one session a year."""
    match = _SESSION.search(text) or _SESSION_CPPCC.search(text)
    if not match:
        return None
    term, session = _chinese_number(match.group("term")), _chinese_number(match.group("session"))
    return 1998 + 5 * (term - 9) + session - 1


def find_source(article: Article) -> Source:
    """Outlet, reporter and place from the first byline or dateline; the date from a page line."""
    source = Source()
    for line in article.bylines + article.paragraphs[1:2]:
        match = BYLINE.match(line) or DATELINE.match(line)
        if not match:
            continue
        outlet = match.group("outlet").strip("—-— ")
        if outlet and outlet not in ("本报", "本台", "本网") and not source.outlet:
            source.outlet = outlet
        if not source.reporter:
            source.reporter = re.sub(r"[ ,，]+", "、", match.group("names"))
        if match.group("place") and not source.place:
            source.place = match.group("place")
    for line in article.meta:
        outlet = re.match(r"^[【\[（(]?(?:来源|稿源)[：:]\s*(?P<outlet>[^\s】\]）)]+)", line)
        if outlet and not source.outlet:
            source.outlet = outlet.group("outlet")
        stamp = _STAMP.search(line)
        if stamp and not source.published:
            source.published = _iso(int(stamp.group("year")), int(stamp.group("month")), int(stamp.group("day")))
    return source


def find_year(article: Article, source: Source) -> int | None:
    """The year of the sessions: a year written with a session date, the session's own number, the date
    the page was published (in that order)."""
    for paragraph in article.paragraphs:
        for match in _DATE.finditer(paragraph):
            if match.group("year") and _event_kind(_sentence_at(paragraph, match.start())):
                return int(match.group("year"))
    year = session_year("\n".join(article.paragraphs))
    if year:
        return year
    if source.published:
        return int(source.published[:4])
    return None


def find_sessions(article: Article, year: int) -> list[Session]:
    """Each dated session phrase (3月7日……举行专题记者会), once per date and kind, in order of appearance."""
    sessions: list[Session] = []
    for number, paragraph in enumerate(article.paragraphs, 1):
        for match in _DATE.finditer(paragraph):
            sentence = _sentence_at(paragraph, match.start())
            found = _event_kind(sentence)
            if not found:
                continue
            kind, word = found
            date = _iso(int(match.group("year") or year), int(match.group("month")), int(match.group("day")))
            same = next((s for s in sessions if s.date == date and s.kind == kind), None)
            if same is not None and same.time is None:
                same.time = match.group("time")  # 新华社北京3月9日电……3月9日下午: the later phrase has the time
            if date is None or same is not None:
                continue
            after = sentence[sentence.find(match.group()) + len(match.group()):]
            theme = _THEME.search(sentence)
            place = _PLACE.search(sentence)
            sessions.append(Session(
                date, match.group("time"), kind, _title(after, word),
                (theme.group("theme") or theme.group("theme2")) if theme else None,
                place.group("place") if place else None, number,
            ))
    return sessions


def _event_kind(sentence: str) -> tuple[str, str] | None:
    for kind, words in lexicon().event_kinds.items():
        for word in words:
            if word in sentence:
                return kind, word
    return None


def _sentence_at(paragraph: str, index: int) -> str:
    for match in _SENTENCE.finditer(paragraph):
        if match.start() <= index < match.end():
            return match.group()
    return paragraph


def _title(after: str, word: str) -> str:
    """The session's name from the words after its date: 十四届全国人大四次会议重庆代表团举行专题记者会 ->
    十四届全国人大四次会议重庆代表团专题记者会 (what comes before it in the clause, less the verbs)."""
    after = after.lstrip("，, ")
    end = after.find(word)
    clause = after[: end + len(word)] if end >= 0 else after
    if clause.endswith(word) and after[end + len(word): end + len(word) + 1] in "”’":
        clause += after[end + len(word)]
    clause = re.split(r"[，。；]", clause)[-1] if end >= 0 else clause
    clause = _PLACE.sub("", clause)
    clause = re.sub(r"^(?:出席|参加|在)", "", clause)
    clause = re.sub(r"(?<=会议)的", "", clause)
    clause = re.sub(r"(?:举行|召开|举办|开启|亮相|走上|迎来)", "", clause)
    return clause.strip() or word


def _iso(year: int, month: int, day: int) -> str | None:
    from datetime import date

    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
