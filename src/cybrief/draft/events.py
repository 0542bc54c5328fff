"""Sessions and sources from an article's own lines: dated session phrases, the year, outlet, reporter, date."""

from __future__ import annotations

import datetime as dt
import re

from cybrief.draft.clean import BYLINE, DATELINE, Article
from cybrief.draft.lexicon import lexicon

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s?年\s?)?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"
    r"(?P<time>上午|下午|晚上|晚间|早上|早晨|清晨|凌晨|中午|傍晚)?"
)
# 5日上午, 16日: a day whose month is written elsewhere (the dateline's, the page's)
_DAY = re.compile(r"(?<![\d月年])(?P<day>\d{1,2})\s?日(?!电)(?:(?P<time>上午|下午|晚上|晚间|早上|早晨|清晨|凌晨|中午|傍晚)|(?=举行|召开))|(?<=[今昨本当]日[（(])(?P<day2>\d{1,2})日(?=[）)])")
_CN_ORDINAL = r"(?P<term>二十[一二三四五]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# 十四届全国人大四次会议, 第十三届全国人民代表大会第四次会议, 全国人大十三届四次会议, 全国政协十四届三次会议, 中国人民政治协商会议第十四届
# 全国委员会第三次会议: the year follows from the term and the session.
_SESSION = re.compile(rf"第?{_CN_ORDINAL}届全国(?:人大|人民代表大会)(?:常委会)?第?(?P<session>[一二三四五])次会议")
# 全国人大十三届四次会议: the body first, as Hong Kong and Macau media write it
_SESSION_BODY_FIRST = re.compile(rf"全国人大第?{_CN_ORDINAL}届第?(?P<session>[一二三四五])次会议")
_SESSION_CPPCC = re.compile(rf"(?:全国政协|中国人民政治协商会议)第?{_CN_ORDINAL}届(?:全国委员会)?第?(?P<session>[一二三四五])次会议")
_CONGRESS = re.compile(rf"第{_CN_ORDINAL}次全国代表大会(?!后|以来|之后|闭幕后)")
_LIANGHUI = re.compile(r"(?P<year>20\d\d)\s?年?(?:全国|[\u4e00-\u9fff]{2,3})?两会")
# A year the text writes, but not a comparison base (较2012年) nor a deadline ahead (到2027年, 2035年前): a guess
# of the session's year takes the latest of them.
_ANY_YEAR = re.compile(
    r"(?<![\d比较自从到])(?<![^截]至)(?P<year>(?:19|20)\d\d)\s?年(?!以来|相比|同期|前(?![一二三四五六七八九十\d两])|底前|内|出生|生人)"
)  # 2025年前三季度 is that year; 2012年前 is before it
_STAMP = re.compile(r"(?P<year>\d{4})[-/.年](?P<month>\d{1,2})[-/.月](?P<day>\d{1,2})")
# 04.03.2017: a page's date written day first, as pages in Europe write it
_STAMP_DAY_FIRST = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.])")
_THEME = re.compile(r"(?:围绕|以)“(?P<theme>[^”]{2,80})”(?:为)?主题|主题为“(?P<theme2>[^”]{2,80})”")
_PLACE = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,12}?(?:大会堂|会堂|新闻中心|宾馆|酒店|饭店|会议中心|驻地)(?:[\u4e00-\u9fff]{1,4}?(?:大厅|厅|室))?)"
)
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


class Session:
    """An event found in the text, before it becomes a model Event."""

    __slots__ = ("date", "time", "kind", "title", "theme", "place", "paragraph", "guessed")

    def __init__(self, date, time, kind, title, theme, place, paragraph, guessed=None):
        self.date, self.time, self.kind, self.title = date, time, kind, title
        self.theme, self.place, self.paragraph, self.guessed = theme, place, paragraph, guessed


class Source:
    """Outlet, reporter, place and publication date as the article's bylines and page lines state them."""

    __slots__ = ("outlet", "reporter", "place", "published")

    def __init__(self, outlet=None, reporter=None, place=None, published=None):
        self.outlet, self.reporter, self.place, self.published = outlet, reporter, place, published


def session_phrases(plain: str, cppcc: bool = True) -> list[tuple[int, int]]:
    """Where a simplified text names a session of the NPC (十四届全国人大四次会议) or, unless `cppcc` is
    false, of the CPPCC (全国政协十二届五次会议): (start, end) of each."""
    patterns = (_SESSION, _SESSION_BODY_FIRST, _SESSION_CPPCC) if cppcc else (_SESSION, _SESSION_BODY_FIRST)
    return [m.span() for pattern in patterns for m in pattern.finditer(plain)]


def _plenary_session(plain: str) -> bool:
    """Whether a text names a yearly session of the NPC or the CPPCC (not of a standing committee, which meets
    every other month)."""
    return any("常委会" not in plain[start:end] for start, end in session_phrases(plain))


_CN_DATE = re.compile(r"(?<![一二三四五六七八九十])(?P<month>十[一二]?|[一二三四五六七八九])月(?P<day>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日")


def _digit_dates(text: str) -> str:
    """六月二十日 as 6月20日, as Hong Kong's government writes a date (今日（六月二十日）)."""
    if "月" not in text:
        return text
    return _CN_DATE.sub(lambda m: f"{_chinese_number(m['month'])}月{_chinese_number(m['day'])}日", text)


def _chinese_number(text: str) -> int:
    if text.startswith("三十"):
        return 30 + (_CN_DIGITS[text[2]] if len(text) > 2 else 0)
    if text.startswith("二十"):
        return 20 + (_CN_DIGITS[text[2]] if len(text) > 2 else 0)
    if text.startswith("十"):
        return 10 + (_CN_DIGITS[text[1]] if len(text) > 1 else 0)
    return _CN_DIGITS[text]


def session_year(text: str) -> int | None:
    """The year of an NPC or CPPCC session named in the text (the 9th NPC met first in 1998, one term a five
    years, one session a year), or of a party congress (the 20th met in 2022, one every five years)."""
    match = _SESSION.search(text) or _SESSION_BODY_FIRST.search(text) or _SESSION_CPPCC.search(text)
    if match:
        term, session = _chinese_number(match.group("term")), _chinese_number(match.group("session"))
        return 1998 + 5 * (term - 9) + session - 1
    congress = _CONGRESS.search(text)
    if congress and "党" in text[max(0, congress.start() - 8): congress.start()] + "党代表通道" * ("党代表通道" in text):
        return 2022 + 5 * (_chinese_number(congress.group("term")) - 20)
    return None


def find_source(article: Article) -> Source:
    """Outlet, reporter and place from the first byline or dateline; the date from a page line."""
    source = Source()
    for line in article.bylines + article.paragraphs[:2]:
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
    from cybrief.draft.names import simplified

    for line in map(simplified, article.meta):
        outlet = re.search(r"(?:^[【\[（(]?|[|｜ ])(?:来源|文章来源|新闻来源|稿源)[：:]\s*(?P<outlet>[^\s】\]）)|｜]+)", line)  # …15:35 | 来源：某报
        if outlet and not source.outlet:
            source.outlet = re.sub(r"\d{4}[-/.年]\d.*$", "", outlet.group("outlet")) or None  # 光明网2024-03-08: the stamp run on
        stamp = _STAMP.search(line) or _STAMP_DAY_FIRST.search(line)
        if stamp and not source.published and not line.startswith("今天是"):  # 今天是……: the day the page was read
            source.published = _iso(int(stamp.group("year")), int(stamp.group("month")), int(stamp.group("day")))
    return source


def find_year(article: Article, source: Source) -> tuple[int, str | None]:
    """The year of the sessions and, when it is a guess, why: a year written with a session date, the
    session's own number, a year written with 两会, the page's date; else the latest year the text writes,
    else this year (both guesses, for review). Never None: a draft comes out without a year in the text."""
    from cybrief.draft.names import simplified

    paragraphs = [simplified(p) for p in article.paragraphs]
    for paragraph in paragraphs:
        for match in _DATE.finditer(paragraph):
            if match.group("year") and _event_kind(_sentence_at(paragraph, match.start())):
                return int(match.group("year")), None
    text = "\n".join(paragraphs)
    year = session_year(text) or session_year("\n".join(simplified(c) for c in article.captions))  # 图为……会议开幕
    if year:
        return year, None
    lianghui = _LIANGHUI.search(text)
    if lianghui:
        return int(lianghui.group("year")), None
    if source.published:
        return int(source.published[:4]), None
    lianghui = _LIANGHUI.search("\n".join(simplified(m) for m in article.meta))  # 新闻中心 > 2009年全国两会 > 访谈
    if lianghui:
        return int(lianghui.group("year")), None
    looks_back = bool(_LOOKS_BACK.search(text))
    years = [int(m.group("year")) + (looks_back and _finished(text, m.start(), m.end())
                                       or _JUST_PAST.search(text, max(0, m.start() - 6), m.start()) is not None
                                       or text[max(0, m.start() - 2): m.start()] in ("截至", "截止") and _UP_TO_END.match(text, m.end() - 1) is not None)
             for m in _ANY_YEAR.finditer(text)
             if not re.search(r"生于|出生于", text[max(0, m.start() - 3): m.start()])  # 生于1988年: a birth
             and int(m.group("year")) <= dt.date.today().year]  # 实现2035年远景目标: a year ahead is no session's
    if years:
        latest = max(years)
        how = "the year after the latest year it tells as past" if latest not in _written(text) else "the latest year it writes"
        return latest, f"no year of the session in the text; {latest}, {how}, is a guess"
    return dt.date.today().year, "no year anywhere in the text; this year is a guess"


# A report that speaks of last year (去年, 过去一年) writes from a later year than those it tells as done
_LOOKS_BACK = re.compile(r"去年|过去一年|上一年")
_JUST_PAST = re.compile(r"(?:刚刚|刚)过去的$")  # 刚刚过去的2024年: the report is of the year after
_UP_TO_END = re.compile(r"\s?年(?:底|末)")  # 截至2015年底: counted to the year's end, told after it
_PART_OF_YEAR = re.compile(r"\s?(?:前|上半年|下半年|[一二三四]季度|第[一二三四]季度|\d{1,2}\s?[-—~至到]?\s?\d{0,2}\s?月)")
_NOT_DONE = re.compile(r"将(?!近)|预计|预期|力争|争取|计划|目标|有望|展望")


def _finished(text: str, start: int, after: int) -> bool:
    """Whether the year written from `start` to `after` is told as done: 2017年全年实现……, 2016年，某某再度创业，
    开创了……; not a part of it (2024年1-2月), nor one ahead (2020年将……, 展望2019年)."""
    if _PART_OF_YEAR.match(text, after):
        return False
    sentence = re.match(r"[^。！？\n]*", text[after:]).group()
    clause = re.search(r"[^，。；！？\n]*$", text[max(0, start - 12):start]).group()
    if _NOT_DONE.search(sentence) or _NOT_DONE.search(clause):
        return False
    return sentence.lstrip("，, ").startswith(("全年", "年底", "年末")) or "了" in sentence


def _written(text: str) -> set[int]:
    return {int(m.group("year")) for m in _ANY_YEAR.finditer(text)}


_ANCHOR = re.compile(r"”?(?:结束后|结束之后|之后|之前|后|前|期间)")
_SINCE, _SINCE_AFTER = re.compile(r"(?:从|自|自从)$"), re.compile(r"(?:起|以来|至今|到现在|到今天|开始)")
_EARLIER = re.compile(r"(?:去年|前年|此前[，,]?|上届|曾经?|当年|往年|继(?!续))[^，。；]{0,12}$")  # 继3日……后再次


def find_sessions(article: Article, year: int, published: str | None = None) -> list[Session]:
    """Each dated session phrase (3月7日……举行专题记者会, 5日上午 with the month written before), once per date
    and kind, in order of appearance; not a session an earlier year's (去年3月5日的代表通道上). Without any,
    one from the captions, else one from `今天` and the page's date, else one guessed (for review)."""
    from cybrief.draft.names import simplified

    sessions = _sessions_in([_digit_dates(simplified(p)) for p in article.paragraphs], year, published, numbered=True)
    if not sessions:
        sessions = _sessions_in([simplified(c) for c in article.captions], year, published, numbered=False)
    if not sessions:
        text = _digit_dates(simplified("\n".join(article.paragraphs)))
        found = _event_kind(text)
        kind, word = found if found else ("other", "")
        # 今天, 今日: the page's date; not 今日之某省, the present day
        today = published if published and re.search(r"(?:今天|今日)(?!之)|当天|日前|近日", text) else None
        dated = _dated_happening(text, year)
        # 3月5日，某会议开幕。图为通道现场。某社记者 某某 摄: a photo of the day, where the text dates nothing
        photos = [simplified(c) for c in article.captions if not re.match(r"\W*资料", simplified(c))]  # 资料图: an old photo
        shot = None if dated or today else _dated_happening("\n".join(photos[:1]), year)
        date = today or (dated[0] if dated else None) or (shot[0] if shot else None) or published or f"{year}-01-01"
        why = ("the page's date" if date == published else
               "a dated happening the text names no session for" if dated and date == dated[0] else
               "the date of a photo caption; the text dates no session" if shot and date == shot[0] else
               "no date of the session in the text; a placeholder date")
        sessions.append(Session(date, dated[1] if dated and date == dated[0] else None, kind,
                                _title_near(text, word) if word else (article.title or "（待补充）"), None, None, None, guessed=why))
    return sessions


def _dated_happening(text: str, year: int) -> tuple[str, str | None] | None:
    """The first date written with a time of day (3月2日上午, 满载嘱托抵京), else the first date of the opening
    lines (6月5日，时值芒种): what the report tells of happened then, though no session word names it; not an
    earlier year's, not a date ahead (将于3月5日)."""
    lead = len("\n".join(text.split("\n")[:2]))
    dates = [m for m in _DATE.finditer(text) if not _EARLIER.search(text[max(0, m.start() - 16): m.start()])
             and not re.search(r"(?:将于|定于|拟于|推迟到|延期到|延至)$", text[max(0, m.start() - 3): m.start()])
             and not re.match(r"(?:以后|之后)", text[m.end():])]  # 推迟到8月20日以后: a deadline ahead
    for match in [m for m in dates if m.group("time")] + [m for m in dates if m.start() < lead]:
        date = _iso(int(match.group("year") or year), int(match.group("month")), int(match.group("day")))
        if date:
            return date, match.group("time")
    return None


def _sessions_in(paragraphs: list[str], year: int, published: str | None, numbered: bool) -> list[Session]:
    sessions: list[Session] = []
    month = int(published[5:7]) if published else None
    for number, paragraph in enumerate(paragraphs, 1):
        dates = [(m, int(m.group("month"))) for m in _DATE.finditer(paragraph)]
        for m, _ in dates:
            month = int(m.group("month"))
        # 十四届全国人大三次会议今日（11日）闭幕: the sessions of the congress and the conference meet in March
        known = month or (3 if _plenary_session(paragraph) else None)
        dates += [(m, known) for m in _DAY.finditer(paragraph) if known and not any(d.start() <= m.start() < d.end() for d, _ in dates)]
        for match, in_month in sorted(dates, key=lambda pair: pair[0].start()):
            sentence = _sentence_at(paragraph, match.start())
            found = _event_kind(sentence, max(0, sentence.find(match.group())))
            later = paragraph.startswith(("电", "讯"), match.end()) and any(
                m.start() > match.end() and "month" in m.groupdict() and _sentence_at(paragraph, m.start()) == sentence for m, _ in dates)
            if not found or later \
                    or _EARLIER.search(paragraph[max(0, match.start() - 16): match.start()]) \
                    or _SINCE.search(paragraph[max(0, match.start() - 3): match.start()]) and _SINCE_AFTER.match(paragraph, match.end()):
                continue  # 某社5月12日电 before the session's own date; 从2020年1月24日至今: when a run began
            kind, word = found
            written_year = match.groupdict().get("year")
            date = _iso(int(written_year or year), in_month, int(match.group("day") or match.groupdict().get("day2")))
            told = sentence[sentence.find(match.group()) + len(match.group()): sentence.find(word)]
            if date and re.search(r"昨(?:天|日|晚)?(?![（(]\d)", told):  # 5月16日电 ……张明昨天接受记者采访: the day before
                date = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
            same = next((s for s in sessions if s.date == date and s.kind == kind), None)
            if same is not None and same.time is None:
                same.time = match.group("time")  # 新华社北京3月9日电……3月9日下午: the later phrase has the time
            if date is None or same is not None:
                continue
            at = sentence.find(match.group())
            after = sentence[at + len(match.group()):]
            title = _title(after, word) if word in after else _title_before(sentence[:at], word)
            host = re.search(r"(?:^|[，。；：！？）)\s])(?P<host>[^，。；：！？“”（）()\s]{1,30}?(?:会议|大会|全会|代表团|新闻办|办公室|政府|部|局|委|厅|署|院|办))于?$", sentence[:at])
            if word in after and host and host.group("host") not in title and title.startswith(word):
                title = re.split(r"日[电讯]", host.group("host"))[-1] + title  # 某会议6日举行记者会: the body, before its date
            if word == "采访":  # 组织记者赴某省采访……出席中外记者见面会: a reporting trip; the session is named next
                rest = paragraph[paragraph.find(word, match.end()) + len(word):]
                later = _event_kind(rest)
                if later and later[0] != "interview":
                    kind, word = later
                    title = _title_near(rest, word)
            theme = _THEME.search(sentence)
            place = _PLACE.search(sentence)
            sessions.append(Session(
                date, match.group("time"), kind, title,
                (theme.group("theme") or theme.group("theme2")) if theme else None,
                place.group("place") if place else None, number if numbered else None,
            ))
    return sessions


def _title_near(text: str, word: str) -> str:
    at = text.find(word)
    start = max(text.rfind(mark, 0, at) for mark in "，。；！？\n") + 1
    return _title(text[start: at + len(word) + 1], word)  # and a quote closing the kind word


def _title_before(before: str, word: str) -> str:
    """某会议新闻发布会3月3日下午举行，……: the session is named before its date; its clause up to the kind word
    (a space or a closing bracket ends a caption glued before it) is the title, not the words after the date."""
    end = before.rfind(word) + len(word)
    end += before[end:end + 1] in "”」』"  # 第二场“部长通道”: with the quote that closes the kind word
    start = max(before.rfind(mark, 0, end) for mark in "，。；：\n ）)") + 1
    return _title(before[start:end], word)


def _event_kind(sentence: str, after: int = 0) -> tuple[str, str] | None:
    """The kind of session a sentence names: the first kind word after `after` (the date), else the last
    one before it (“部长通道”结束后，3月6日，第二场“代表通道”开启 is a delegates' corridor)."""
    found: list[tuple[int, str, str]] = []
    for kind, words in lexicon().event_kinds.items():
        for word in words:
            for match in re.finditer(re.escape(word), sentence):
                at = match.start()
                if _ANCHOR.match(sentence, match.end()):
                    continue  # 开幕会结束后，“部长通道”开启: a time the session is set by, not the session
                if not any(f[0] <= at < f[0] + len(f[2]) for f in found):
                    found.append((at, kind, word))
                break
    if not found:
        return None
    later = [f for f in found if f[0] >= after]
    at, kind, word = min(later) if later else max(found)
    named = [f for f in found if f[1] != "interview"]
    if kind == "interview" and named and "\n" not in sentence:  # “部长通道”……开启，几位部长在通道上接受采访: the corridor, where they are interviewed
        at, kind, word = min(named, key=lambda f: abs(f[0] - after))
    return kind, word


def _sentence_at(paragraph: str, index: int) -> str:
    for match in _SENTENCE.finditer(paragraph):
        if match.start() <= index < match.end():
            return match.group()
    return paragraph


def _title(after: str, word: str) -> str:
    """The session's name from the words after its date: 某省代表团举行专题记者会 -> 某省代表团专题记者会
    (what comes before it in the clause, less the verbs)."""
    after = after.lstrip("，, ")
    end = after.find(word)
    clause = after[: end + len(word)] if end >= 0 else after
    if clause.endswith(word) and after[end + len(word): end + len(word) + 1] in ("”", "’", "」", "』"):
        clause += after[end + len(word)]
    clause = re.split(r"[，。；！？]", clause)[-1] if end >= 0 else clause
    clause = re.sub(r"^[电讯]\s*(?:（[^）]{0,30}）)?\s*(?:题[：:])?", "", clause)  # 3日电题：…, 1日电（记者某某）, 4日讯（记者某某）
    clause = re.sub(r"^[（(][^（）()]{0,30}(?:记者|摄)[^（）()]{0,20}[）)]", "", clause)  # （记者某某／摄影）: a caption's credit before it
    # dates, weekdays and times said again (在8月1日举行的, （星期五）上午10时)
    clause = re.sub(r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|(?<![\d月])\d{1,2}日(?:上午|下午|晚上|晚间|晚|早上|早晨|凌晨|中午)?)|（星期[一二三四五六日天]）|(?:上午|下午|晚上)?\d{1,2}[时点](?:\d{1,2}分|半)?", "", clause)
    clause = re.sub(r"在(?:北京|京|当地|驻地|线上|网上|现场)(?=举行|召开|举办)", "", clause)  # 4日在北京举行: where, said again
    # 今天（3月9日）, 当日, 3月9日晚在驻地: a date said again, what a date left, a time of day, a mark before the name
    clause = re.sub(r"(?:今天|今日|昨天|昨日|当天|当日)|[（(]\s*[）)]", "", clause)
    clause = re.sub(r"^[\s）)】\]」』，,、：:]*(?:上午|下午|晚上|晚间|晚|早上|早晨|清晨|凌晨|中午|傍晚)?", "", clause)
    clause = re.sub(r"在[^，。；在]{2,20}?(?:发布厅|大厅|会议室|报告厅|演播室|多功能厅)(?=举行|召开|举办)", "", clause)  # where, in the hall
    clause = re.sub(r"^(?:的|于|在)|于(?=在)|(?:上午|下午|晚上|晚间|早上|中午)(?=在|举行|召开|举办)", "", clause)  # 8日下午的“部长通道”, 某办于……在
    clause = _PLACE.sub("", clause)
    # 某副省长出席中外记者见面会: the session; 她是在某部召开的……上: who, in the report's words
    clause = re.sub(r"^(?:[^，。；]*?(?:出席|参加)|(?:他|她|这)?是?在|于)", "", clause)
    clause = re.sub(r"(?<=会议)的", "", clause)
    clause = re.sub(r"(?:举行|召开|举办|开启|亮相|走上|迎来)了?的?", "", clause)
    return clause.strip() or word


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
