"""Finding figures in prose: candidate spans (近400万辆, 每9台汽车就有1台, 二分之一), each read by parse_figure."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from cybrief.errors import FigureError
from cybrief.figures.quantity import PASSED, PREFIXES, SUFFIXES, UNITS, Quantity, parse_figure

_DIGITS = "0-9０-９"
_CN = "零〇一二两三四五六七八九十百千万亿兆"
# A numeral; an Arabic one may stand a space away from its magnitude (512.3 亿斤, as pages print it).
# 1,254万人: a comma between groups of three digits is a thousands separator
# 三万一个月, 一亿一个: a 一 after a place and before a word is the article of that word, not the numeral's last digit
_ONE = rf"(?!(?<=[百千万亿兆])一(?![{_CN}点])[^\W\d_a-zA-Z])"  # [^\W\d_a-zA-Z]: a letter of a script like Chinese, cheap to compile
_NUMERAL = rf"[{_DIGITS}{_CN}](?:{_ONE}[{_DIGITS}{_CN}]|[.．](?=[{_DIGITS}])|,(?=\d{{3}}(?!\d))|点(?=[{_CN}])|\s(?=[万亿兆]))*"
# 三万五, 一亿二千万: the places after a magnitude, the last of them often left unsaid (三万五 is 35000)
_AFTER_MAGNITUDE = rf"(?:{_ONE}[零〇一二两三四五六七八九十百千])*"
_OVER = r"(?:[余多几](?:万亿|亿|万)?)?"  # 1500余家, 两千余万亩, 40几次
_ORDER = re.compile(r"^[十百千万亿]+$")
# Units that are dates or spans of years: 2025年, 3月7日, 这两年 are horizons and dates, not figures.
SKIPPED_UNITS = frozenset(("年", "月", "日"))
_SESSION_AFTER = ("会议", "全会", "大会", "届")
# A short quotation is a name (“千万工程”, “15分钟生活圈”); one holding a sentence's punctuation is speech (“今年修路120公里。”).
_QUOTED = re.compile(r"“[^“”，。！？；]{1,16}”|‘[^‘’，。！？；]{1,16}’|《[^《》]*》|「[^「」，。！？；]{1,16}」|『[^『』，。！？；]{1,16}』")
# Counts that only structure a list (三个方面, 等6项主要指标) and ranks (前5位, 排名第一) are not figures.
_LIST_AFTER = re.compile(r"(?:个)?(?:方面|层面|部分|维度|环节|步|阶段|大类|类|点|产业)|(?<=个)“")
_RANK_BEFORE = ("前", "后", "第", "排名", "位列", "居")
_POINTS_AFTER = re.compile(r"(?:[^，。；：！？\d]{1,6}?[。：]|[，：])\s*(?:一是|一方面|其一|首先|第一[，、是])")
# 从80.6微克每立方米降到了30.5: a number with no unit where a change from a figure ends
CHANGE_TO = r"(?:下降|降低|减少|提高|提升|增加|增长|上升|扩大|缩小|缩短|降|减|升)(?:到|至)了?"
_CHANGED_TO = re.compile(rf"{CHANGE_TO}(?P<n>\d+(?:\.\d+)?)(?![\d.%％万亿千百十])(?![\u4e00-\u9fff]{{0,3}}(?:元|个|人|米|吨|年|天|倍))")
# 由4000改为6000元, 从90提高到150元: a number with no unit where a change to a figure starts
CHANGED_FROM = rf"(?:{CHANGE_TO}|改为|调整为|调到|调至)"
_CHANGED_FROM = re.compile(rf"(?:从|由)(?P<n>\d+(?:\.\d+)?)(?![\d.%％])(?={CHANGED_FROM})")
_LISTED = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?=[、和与及]\d)")
_CONVERSION = re.compile(r"[（(](?:约合|折合|合|约|相当于)(?:人民币|新台币|美元|港元|欧元)?$")
# A qualifier a few words before the number: 约占全球1/3, 近占三成, and before a rate: 约每公里200万元, 大约每人每年1200元.
_DETACHED = re.compile(r"(?P<word>将近|接近|大约|(?<![节制签预条公契相邀婚违履])约|(?<![最附靠邻亲贴就将])近|超过|超)(?:(?:占|达|为|是)(?:了|到)?(?:全球|全国|全省|全市|全区|世界)?"
                       r"|每[^\W\d_a-zA-Z]{1,3}(?:每[^\W\d_a-zA-Z]{1,2})?)$")

class Found:
    """A figure found in a paragraph: its span, its text, and how parse_figure reads it (or, for an order of
    magnitude such as 万亿级, the value it names and why it is not an amount)."""

    __slots__ = ("start", "end", "text", "quantity", "qualitative")

    def __init__(self, start: int, end: int, text: str, quantity: Quantity, qualitative: str | None = None):
        self.start, self.end, self.text, self.quantity, self.qualitative = start, end, text, quantity, qualitative


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    # 九万亿名义GDP: 名义 is nominal, not people counted with 名
    units = "|".join("名(?![义單单称稱额額字])" if u == "名" else re.escape(u)
                     for u in sorted(UNITS | {"％"}, key=len, reverse=True))
    unit = rf"(?:{units})(?:[/每](?:{units}))?(?:(?<=[天日周年月时钟成])半)?"  # 388.5公斤/亩, 30.5微克每立方米, 7天半, 两成半
    prefixes = "|".join(word + ("了?" if word in PASSED else "") for word, _ in PREFIXES)  # 突破了1000万
    suffixes = "|".join(word for word, _ in SUFFIXES)
    return {
        "ratio": re.compile(rf"每[\u4e00-\u9fff]{{0,4}}?{_NUMERAL}[\u4e00-\u9fff]{{1,6}}?有{_NUMERAL}(?:{units})?"),
        # 百分之四点五至百分之五, 百分之二十到三十: a range of percentages said in full
        "percents": re.compile(rf"(?:{prefixes})?百分之{_NUMERAL}(?:至|到)(?:百分之)?{_NUMERAL}(?:{suffixes})?"),
        "share": re.compile(rf"(?:{prefixes})?[{_DIGITS}{_CN}]+分之{_NUMERAL}(?:{suffixes})?"),
        "slash": re.compile(rf"(?:{prefixes})?(?<![\d/.])\d{{1,3}}/\d{{1,3}}(?![\d/])(?:{suffixes})?"),
        "streak": re.compile(rf"(?<=连续){_NUMERAL}年"),
        "doubled": re.compile(r"翻了?[一二两三四1-4]番多?"),  # 翻了一番多: more than doubled
        "hours": re.compile(rf"{_NUMERAL}个?小时零?{_NUMERAL}分钟"),  # 一个小时四十五分钟: one span
        "order": re.compile(r"(?:[十百千]?[万亿]|万亿|[十百千])级"),
        "amount": re.compile(
            rf"(?:{prefixes})?{_NUMERAL}个[多半](?:小时|月)(?:{suffixes})?"  # 1个多小时, 两个半小时
            rf"|(?:{prefixes})?{_NUMERAL}(?:(?:{units})?(?:至于|至|到|~|～|-|—){_NUMERAL})?{_OVER}\s?{unit}(?!(?<=个)亿(?!级|元))(?:(?<=[倍天周月时])多(?![^\W\d_a-zA-Z]{{0,1}}[次种个项人名位]))?(?:{suffixes})?"
            rf"|(?:{prefixes})?[{_DIGITS}]+(?:[.．][{_DIGITS}]+)?(?:(?:万亿|亿|万|千|百)[{_DIGITS}]+)*[余多]?(?:个(?=亿(?!级|元)))?\s?(?:[千百]?(?:万亿|亿|万|兆)|(?<=[亿万][{_DIGITS}])[千百])[余多]?(?:{suffixes})?"  # 2000多亿, 500个亿, 3亿6千6百万, 2万3千
            rf"|(?:{prefixes})?[{_CN}]*[一二两三四五六七八九][{_CN}]*?(?:万亿|亿|万|兆){_AFTER_MAGNITUDE}[余多]?(?:{suffixes})?"  # 九万亿, 六七万亿, 三万五
            rf"|(?:{prefixes})[十百千]?(?:万亿|亿|万|兆)(?:{suffixes})?"  # 近百亿, 超千亿: a round amount after a qualifier
        ),
    }


def find_figures(paragraph: str, first_only: bool = False) -> list[Found]:
    """Every figure in a paragraph, in order. Left out: dates and years (horizons), ordinals and ranks (第三,
    前5位), the indefinite 一 (一批, 一张), session numbers (四次会议), counts that structure a list (三个方面,
    等6项指标), anniversaries (20周年), a size class after a count (两个千亿级园区), and numbers inside short
    quoted names or titles (“千万工程”, “15分钟生活圈”, 《……》); a span parse_figure refuses is left out too.
    A streak (连续5年) is a figure. Matching reads traditional characters as simplified; the text is as written."""
    from cybrief.draft.names import simplified

    plain = simplified(paragraph)
    quoted = Spans(m.span() for m in _QUOTED.finditer(plain))
    taken = Spans()
    found: list[Found] = []
    pats = _patterns()
    for name in ("ratio", "percents", "share", "slash", "streak", "doubled", "hours", "order", "amount"):
        for match in pats[name].finditer(plain):
            start, end = match.span()
            if plain.startswith("破", start) and plain[start - 1: start] in ("打", "冲", "攻"):
                start += 1  # 打破10项纪录: ten records broken, not over ten
            if taken.overlaps(start, end) or _left_out(plain, start, end, quoted, name):
                continue
            text = paragraph[start:end]
            if name == "order":
                item = _order(start, end, text)
            else:
                item = _read(start, end, text, name == "amount", streak=name == "streak")
            if item is not None:
                detached = _DETACHED.search(plain, max(0, start - 10), start)
                if detached and item.quantity.qualifier == "exact":
                    item = _detached(paragraph, detached, item)
                taken.add(start, end)
                found.append(item)
                if first_only:
                    return found
    for match in reversed(list(_LISTED.finditer(plain))):  # 分别提高8.2、5.0个百分点, 0.3、0.5和0.7个百分点: one unit for all
        start, end = match.span("n")
        if not taken.overlaps(start, end) and taken.overlaps(end + 1, end + 2):
            try:
                found.append(Found(start, end, paragraph[start:end], parse_figure(paragraph[start:end])))
                taken.add(start, end)
            except FigureError:
                pass
    for match in _CHANGED_TO.finditer(plain):  # 从80.6微克每立方米降到了30.5: the unit of where it came from
        start, end = match.span("n")
        before = [f for f in found if f.end <= match.start() and f.quantity.unit]
        if before and not taken.overlaps(start, end) and re.search(r"从$", plain[max(0, before[-1].start - 1): before[-1].start]) \
                and not re.search(r"[，。；：]", plain[before[-1].end: match.start()]):
            try:
                found.append(Found(start, end, paragraph[start:end], parse_figure(paragraph[start:end])))
                taken.add(start, end)
            except FigureError:
                pass
    for match in _CHANGED_FROM.finditer(plain):  # 由4000改为6000元: the unit of where it went
        start, end = match.span("n")
        to = re.match(CHANGED_FROM, plain[end:])
        after = [f for f in found if f.start == end + to.end() and f.quantity.unit and not re.search(r"[万亿千百十兆]", f.text)]
        if after and not taken.overlaps(start, end):
            try:
                found.append(Found(start, end, paragraph[start:end], parse_figure(paragraph[start:end])))
                taken.add(start, end)
            except FigureError:
                pass
    return sorted(found, key=lambda f: f.start)


def _restates_list(plain: str, list_end: int, start: int, end: int) -> bool:
    """GDP、投资、消费等6项指标, 东岭、西川两个园区: a count that equals the items listed right before it
    only restates them."""
    lo = max(0, start - 200)
    clause_start = max(plain.rfind(mark, lo, start) for mark in "，。；：") + 1 or lo
    items = plain[clause_start: list_end].count("、") + 1
    count = re.match(r"\d+|[一二两三四五六七八九十]+", plain[start:end])
    if not count:
        return False
    try:
        from cybrief.figures.numerals import read_numeral

        return int(read_numeral(count.group())) == items
    except ValueError:
        return False


_LIST_BEFORE = "[^、及和与\\d]{1,12}(?:(?:、|及|和|与|以及)[^、及和与\\d]{1,6}){%d}的?"  # a clause's list, items after its verb


def _points_back(plain: str, start: int, end: int) -> bool:
    """东港及西湾的码头吞吐量创新高，但两个内地码头都要排队: a count that equals a list named earlier in the
    sentence, whose noun it says again, points back to those items; it is no new figure."""
    count = re.fullmatch(r"([2-9]|[两二三四五六七八九])[个家座条所处]", plain[start:end])
    phrase = re.match(r"(?:不同的?)?([^\W\d_a-zA-Z]{2,6})", plain[end:end + 10])
    if not count or not phrase:
        return False
    from cybrief.figures.numerals import read_numeral

    items = int(read_numeral(count.group(1)))
    s0 = max(plain.rfind(mark, max(0, start - 150), start) for mark in "。！？") + 1
    before, words = plain[s0:start], phrase.group(1)
    listed = re.compile(_LIST_BEFORE % (items - 1))
    for k in range(len(words) - 1):
        at = before.find(words[k:k + 2])
        while at > 0:
            clause = max(before.rfind(mark, 0, at) for mark in "，；：") + 1
            if listed.fullmatch(before, clause, at):
                return True
            at = before.find(words[k:k + 2], at + 1)
    return False


def _detached(paragraph: str, match: re.Match, item: Found) -> Found:
    """约占全球1/3: the qualifier stands before a verb; the figure keeps the words between, read as qualified."""
    from cybrief.figures.quantity import PREFIXES as words

    qualifier = dict(words)[match.group("word")]
    text = paragraph[match.start(): item.end]
    q = item.quantity
    quantity = Quantity(text, q.value, q.unit, qualifier, q.upper)
    why = f"{match.group('word')} qualifies the number across the words between; read as {qualifier}"
    return Found(match.start(), item.end, text, quantity, why)


class Spans:
    """Spans of a text that do not overlap one another, kept sorted: whether a new one overlaps or lies inside
    one of them is a binary search, so a paragraph of many figures is scanned in n log n, not n squared."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if not self.starts or start >= self.ends[-1]:
                self.starts.append(start)
                self.ends.append(end)

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)

    def _near(self, start: int, end: int):
        at = bisect.bisect_right(self.starts, start)
        return [i for i in (at - 1, at) if 0 <= i < len(self.starts)] + [i for i in range(at + 1, min(at + 3, len(self.starts)))]

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.starts[i] < end and start < self.ends[i] for i in self._near(start, end))

    def covers(self, start: int, end: int) -> bool:
        return any(self.starts[i] <= start and end <= self.ends[i] for i in self._near(start, end))


def _left_out(plain: str, start: int, end: int, quoted: Spans, name: str = "amount") -> bool:
    before = plain[max(0, start - 2): start]
    if start > 0 and (plain[start - 1] == "第" or plain[start - 1].isascii() and plain[start - 1].isalnum() and plain[start].isascii()):
        return True
    if name != "streak" and any(before.endswith(word) for word in _RANK_BEFORE) \
            and not re.search(r"(?:[\d一二两三四五六七八九十百千多几][年月日天周]|[之以])前$", plain[max(0, start - 3): start]):
        return True  # 前5位, 第三, 今年前2个月 (a period); not 5年前不足7500元
    if plain[end - 1: end] == "位" and plain.startswith("数", end):
        return True  # 保持两位数增长: how many digits a rate has, no count of people
    if plain.startswith(("位次", "名次"), end) or plain[end - 1: end] == "位" and re.search(
            r"(?:排名|排位|位次|名次)[^，。；]{0,12}$", plain[max(0, start - 16): start]):
        return True  # 排名从全省96位跃升至41位, 前进5个位次: a rank and its change
    if plain[start - 1: start] == "等" and _restates_list(plain, start - 1, start, end):
        return True
    if plain[start - 1: start] != "等" and re.match(r"[\d一二两三四五六七八九十]+[个项家类座条大]", plain[start:end]) \
            and "、" in plain[max(0, start - 12): start] and _restates_list(plain, start, start, end):
        return True  # 东岭、西川两个园区: the count of the places just named
    if name == "amount" and _points_back(plain, start, end):
        return True  # 东港及西湾的码头……两个内地码头: the places just named, counted again
    if name == "amount" and plain[end - 1: end] == "位" and re.match(r"[^，。；]{0,6}?(?:代表|委员|部长|嘉宾|官员|记者|负责人|一把手|专家|企业家|发言人|院士|学者|主持人|同事|同志|局长|副局长|处长)", plain[end:end + 10]):
        return True  # 三位部长, 八位委员, 6位部委“一把手”: the report counting who came
    if name == "amount" and (plain.startswith("代表团", end) or plain[end - 1: end] == "个" and re.match(r"(?:不同的?)?界别", plain[end:end + 6])):
        return True  # 已有26个代表团举办开放日, 来自16个不同的界别: the report counting delegations and sectors
    if name == "amount" and plain[end - 1: end] in "名家" and (re.match(
            r"[^，。；]{0,10}?(?:媒体|新闻单位|记者[^，。；]{0,4}?(?:参加|出席|到场|到会|旁听|提问|参与|聚集|云集|齐聚|前来|围))",
            plain[end:end + 20]) or re.search(r"(?:媒体|记者)$", plain[max(0, start - 4): start])):
        return True  # 40多家中外媒体, 近100名记者参加, 145名记者旁听, 其中境外媒体38家, 21家中央、省、市三级媒体: who came to the event
    if name == "amount" and plain[end - 1: end] in "名人" and re.match(
            r"[^，。；]{0,4}?(?:代表|委员)(?:作大会|在大会上|在会上)?(?:发言|走上|登上|亮相|接受[^，。；]{0,4}?采访)", plain[end:end + 14]):
        return True  # 本次会议上有32名委员发言, 18名委员走上通道, 9名代表亮相: the report counting who spoke or came out
    if name == "amount" and re.search(r"(?:回答|答)了?$", plain[max(0, start - 4): start]) \
            and re.match(r"[^，。；]{0,8}?(?:问题|提问)", plain[end:end + 12]):
        return True  # 共回答了17个中外记者的提问: the questions of the event
    if name == "amount" and re.search(r"(?:小时|分钟)$", plain[start:end]) \
            and re.match(r"的[^，。；]{0,4}?(?:记者会|发布会|见面会|会议|采访|通道)", plain[end:end + 8]):
        return True  # 在约两个小时的记者会上: how long the event took, the report's
    if name == "amount" and re.match(r"(?:个)?(?:问题|提问)", plain[end:end + 3]):
        return True  # 回答了12个问题: the questions of the event
    if plain[start - 1: start] in ("几", "数") and plain[start: start + 1] in "十百千万亿":
        return True  # 几十次掌声, 数十个项目: an indefinite count, no figure
    if plain[end - 1: end] == "岁" or plain.startswith("岁", end):
        return True  # 63岁的王国庆, 27周岁: an age
    if quoted.covers(start, end):
        return True
    if _CONVERSION.search(plain, max(0, start - 8), start):
        return True  # （约合42亿美元）: the reporter's conversion, not the speaker's figure
    if plain.startswith(_SESSION_AFTER, end) or _LIST_AFTER.match(plain, end):
        return True
    if name == "amount" and _named_meeting(plain, start, end):
        return True  # 两次东山会议召开地: a meeting named for its place, counted; not 召开了12次常务会议
    if re.fullmatch(r"[一二两三四五六七八九十][条项点个]", plain[start:end]) and re.match(
            r"[^，。；\d]{0,8}?(?:措施|举措|建议|意见|任务|要求|原则|原因|特点|做法|经验|打算|考虑)", plain[end:end + 14]):
        return True  # 给出了四条具体举措: how many points the speaker makes, not a figure
    if name == "amount" and _POINTS_AFTER.match(plain, end):
        return True  # 主要是两条，一是……: the count of the points that follow
    since = plain.startswith("以来", end) or plain.startswith("来", end) and re.search(r"(?:这|近|过去|最近)$", plain[max(0, start - 2):start])
    if name == "amount" and re.search(r"(?:天|周|个月|季度|小时)$", plain[start:end]) and since:
        return True  # 创5个季度以来新高, 这10多天来: a span of time up to now, a period (not 用了3个月来完成)
    if name == "amount" and plain[end - 1: end] == "周" and plain[end: end + 1] == "年":
        return True  # 20周年, an anniversary
    if name == "amount" and re.search(r"距[^，。；]{1,16}?还有$", plain[max(0, start - 20):start]):
        return True  # 距展会开幕还有三个多月: a time to wait, no figure
    if name == "amount" and (re.search(r"(?:过去|最近|未来|今后|接下来)的?$", plain[max(0, start - 5):start])
                             or plain[start - 1: start] == "最" and plain.startswith("近", start)) \
            and re.search(r"(?:天|日|周|个月|月|个季度|季度|年|小时)$", plain[start:end]):
        return True  # 过去7天, 未来三个月: the period a figure belongs to
    if name == "amount" and plain[end - 1: end] == "个" and re.match(r"(?:关键)?(?:词|字)|句话", plain[end:end + 3]):
        return True  # 用三个词来概括: how the speaker sums up, no figure
    if name == "amount" and plain[start - 1: start] == "首" and re.search(r"(?:个月|季度|周|天)$", plain[start:end]):
        return True  # 今年首九个月: a period
    if name == "amount" and plain[end - 1: end] in "天日" and re.match(r"的?(?:小?长?假期?|黄金周)", plain[end:end + 4]):
        return True  # 中秋3天假期: a holiday, the period a figure belongs to
    if plain[start:end] == "四周" and re.match(r"[有是都的围环站坐摆满，。、]", plain[end:end + 1]) \
            and not re.search(r"(?:用|花|过|续|期|时|达|约|近|了|第)$", plain[max(0, start - 1):start]):
        return True  # 会场四周都是记者: all around, not four weeks (用了四周的时间 is)
    if name == "order" and re.search(r"[\d一二两三四五六七八九十][个家座]$", plain[max(0, start - 2):start]):
        return True  # 两个千亿级园区: the count is the figure, the size class is not
    return False


# 两次东山会议召开地: a meeting named for where it was held, with what marks it as that one (召开地, 旧址, 精神)
_NAMED_MEETING = re.compile(r"[^\W\d_a-zA-Z]{2}会议(?:的)?(?:召开地|旧址|会址|遗址|纪念|精神)")


def _named_meeting(plain: str, start: int, end: int) -> bool:
    """两次东山会议召开地: a count before a meeting named for a place, with its site or spirit after it, names the
    meeting; 召开了12次常务会议, 3次安全会议 are counts of meetings held."""
    return plain[end - 1: end] in "次届" and bool(_NAMED_MEETING.match(plain, end))


def _read(start: int, end: int, text: str, amount: bool, streak: bool = False) -> Found | None:
    try:
        quantity = parse_figure(text)
    except FigureError:
        return None
    core = text
    for word, _ in PREFIXES:
        if core.startswith(word):
            core = core[len(word):]
            break
    if quantity.unit.split("/")[0] in SKIPPED_UNITS and not streak:  # 2025年, 未来三年每年: dates and periods
        return None
    from cybrief.draft.names import simplified

    numeral = re.match(rf"[{_DIGITS}{_CN}.．]+", simplified(core))
    digits = numeral.group() if numeral else ""
    if digits in ("零", "〇"):
        return None  # 零部件
    if digits == "一" and quantity.unit not in ("fraction", "倍") and not re.match(r"一个?小时零?[^\W\d_a-zA-Z]", simplified(core)):
        return None  # 一批, 一张, 一系列: the indefinite article; 增长了一倍 is a multiple, 一个小时四十五分钟 a span
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
