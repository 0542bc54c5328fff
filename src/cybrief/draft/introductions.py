"""How reports introduce people: role chains before names, titles after them, labels and headings.

A role chain before a name (全国人大代表、某集团董事长张明, 身为某委主任的张明代表), a title after it (张明部长,
晏平代表), a label opening a paragraph (`张明：`, `[张明]`, `■全国政协委员、某馆馆长张明：`), a line that is only a
role and a name, or a name of three characters right before saying (马逢国表示). Each is a Person at a place in a
paragraph, with the role written there; speakers.py decides who of them speaks. Matching runs on the text with
traditional characters read as simplified; names and roles are kept as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cybrief.draft.figures import Spans
from cybrief.draft.lexicon import lexicon
from cybrief.draft.names import AFTER_NOT_IN, is_dotted, looks_like_name, name_at, segmenter_names, simplified, unsurnamed_at

MAX_ROLE = 80  # characters: a role chain is never longer, and looking further back would make long lines slow
_STOPS = "，。；：！？“”「」『』（）《》【】[]〔〕|｜—\n"  # 【同期】, 栏目|, 上海答卷——: not part of a role
# Words that end the clause before a role chain: 第一位走上通道的是[role], 邀请了[role], 由[role].
# A clause that is only titles and bodies (市委常委、秘书长): no verb of a sentence, short
_TITLE_CHAIN = re.compile(r"[\u4e00-\u9fff、（）]{2,30}")
_CHAIN_OPENERS = re.compile(r"^.*(?:的是|嘉宾|包括|当选|身兼|仅有|只有|唯有|另一名|另一位|一名|一位|记者问|记者向|记者请|记者希望|邀请了|邀请|请到|有请|请|听到|听取|欢迎|感谢|专访|采访|对话|访谈|身为|作为|担任|随着|经过|由于|根据|对于|关于|其中|正如|诚如|正像|如同|是|由|了|据|在)(?=[^的是了由据在]{2})")
_QUESTION_LABEL = re.compile(r"(?:记者|主持人|提问|问|网友|读者|观众)$|(?:日报|晚报|报|社|网|台|电视台|频道|新闻|时报|周刊|客户端)$")
# Q马静：…… / A某部部长张明：……: a roundup's question and answer, marked with a letter before the label
_LABEL = re.compile(r"^[■●◆▲◇□\s]*(?:[^|｜]{0,20}[|｜])?(?:(?P<qa>[QAＱＡ])\s?(?=[\u4e00-\u9fff]))?(?P<label>[^：。！？“”]{1,60}?)：")
# [傅莹]大会的采访安排是这样的, 【某某】: a transcript's speaker in brackets opening the paragraph
_BRACKET_LABEL = re.compile(r"^\s*[\[【〔](?P<label>[^\]】〕：:，。]{2,20})[\]】〕](?![\s]*$)")
_DATELINE_AFTER = re.compile(r"(?:日前|近日|本报讯|\d{1,2}月\d{1,2}日[，,电讯])")
# a turn that ends by asking someone (……请问……？, ……您如何看待……？): a reporter's question, whoever it names
_ASKED = re.compile(r"(?:请问(?!还有|大家|各位)|^[^0-9０-９。！]{0,60}?(?<!谢谢)(?<!感谢)您(?!的提问|的问题))[^。！]{0,120}[？?]\s*$")  # asking: 请问, 您
_BODY = re.compile(r"(?:办公室|委员会|[部局厅署委办院]|中心|集团|公司|联合会|协会|银行|大学|研究所)$")
_PLACES = set("省市县区乡镇村州盟旗")
_COMMON_PLACES = frozenset("山区 乡村 农村 城市 社区 城区 郊区 牧区 林区 矿区 园区 景区 灾区 老区 边区 本市 全市 全省 全县".split())  # 某村的党支部书记: a place before 的 is whose post it is
# Words that open a clause before saying and are no name: 最后强调，, 随后表示，, 对此指出，
_CLAUSE_OPENERS = frozenset("最后 最终 随后 然后 接着 首先 其次 再次 此外 另外 同时 对此 为此 因此 所以 但是 不过 当时 目前 当前 "
                            "今年 去年 明年 今天 昨天 会上 会后 现场 大家 他们 我们 她们 有人 也有 还有 特别 尤其 进而 还要".split())
_HELD = re.compile(r"(?:当选|身为|身兼|兼任|作为|担任)[^，。；：“”的]{0,20}$")
_RELATIVE = re.compile(r"(?:身为|作为|担任)(?P<role>[^，。；：“”的]{2,30})的$")
# 来自基层的罗朝阳代表, 从事海洋研究的杨帆委员: where the speaker comes from or works, stated before the name, is
# kept with the title after it
_ORIGIN = re.compile(r"(?:来自|从事)(?P<origin>[^，。；：“”的]{1,12})的$")


class Person:
    """A person named at a place in a paragraph, with the role written there (or None)."""

    __slots__ = ("paragraph", "start", "name_start", "end", "name", "role", "how")

    def __init__(self, paragraph: int, start: int, name_start: int, end: int, name: str, role: str | None, how: str):
        self.paragraph, self.start, self.name_start, self.end = paragraph, start, name_start, end
        self.name, self.role, self.how = name, role, how


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = lexicon()
    # 总 alone is a title after a name (王总), never the end of a role chain (某市地区生产总值: no 总 there)
    titles = "|".join(re.escape(t) for t in sorted(set(lex.titles + lex.memberships + lex.short_titles) - {"总"}, key=len, reverse=True))
    short = "|".join(re.escape(t) for t in lex.short_titles)
    verbs = "|".join(sorted(lex.verbs, key=len, reverse=True))
    return {
        "title": re.compile(rf"(?:{titles})"),
        "after_title": re.compile(rf"(?:{short})"),
        "verb_anywhere": re.compile(rf"(?:{verbs})"),
        "bare": re.compile(r"(?:对[^，。；！？“”]{0,8}?记者|在[^，。；！？“”]{0,24}?(?:上|时|中))?(?:总结|补充|进一步|也|还|又|同样|随后|接着)?"
                           r"(?:表示|介绍说|报告说|介绍|指出|强调|透露|坦言|告诉记者|说|称|认为|直言|回应|回答(?=[，：]))(?![问]?时|的)"),
    }


def ends_with_title(role: str) -> bool:
    plain = simplified(role)
    lex = lexicon()
    return any(plain.endswith(t) for t in lex.titles + lex.memberships + lex.short_titles)


def role_before(paragraph: str, plain: str, end: int) -> tuple[int, str] | None:
    """The role chain that ends at `end` (where a name begins): back to the clause boundary, and across one
    comma after a membership (全国人大代表，市经委主任). None when it does not end with a title word."""
    start = end
    while start > 0 and end - start < MAX_ROLE:
        if plain[start - 1] == "）" and start > 2:
            # 中央党校（国家行政学院）教授: a short name in brackets inside the chain belongs to it
            opening = plain.rfind("（", max(0, start - 14), start - 1)
            if opening > 0 and not any(ch in _STOPS for ch in plain[opening + 1:start - 1]) \
                    and plain[opening - 1] not in _STOPS and "\u4e00" <= plain[opening - 1] <= "\u9fff" \
                    and not plain.startswith(("记者", "通讯员"), opening + 1):  # 某社4月20日电（记者某某）: a dateline's credit
                start = opening
                continue
        if plain[start - 1] == "》" and start > 2:
            # 《某某日报》社社长, 电影《某某》导演: a title in book marks inside the chain belongs to it
            opening = plain.rfind("《", max(0, start - 24), start - 1)
            if opening >= 0 and not any(ch in _STOPS for ch in plain[opening + 1:start - 1]) and ends_with_title(plain[start:end]):
                start = opening
                continue
        if plain[start - 1] == "」" and start == end and start > 3:
            # 人大「台湾省代表」张明: a post in corner quotes right before the name is the role's end
            opening = plain.rfind("「", max(0, start - 16), start - 1)
            if opening >= 0 and not any(ch in _STOPS for ch in plain[opening + 1:start - 1]) and ends_with_title(plain[opening + 1:start - 1]):
                start = opening
                continue
        if plain[start - 1] in _STOPS:
            break
        start -= 1
    if start > 1 and plain[start - 1] == "，":
        lead = start - 1
        while lead > 0 and plain[lead - 1] not in _STOPS:
            lead -= 1
            # 作为“某某”号总设计师，: a name in quotes is part of the clause before, which is not a chain then
            if lead > 0 and plain[lead - 1] in "”」" and (opening := plain.rfind("“" if plain[lead - 1] == "”" else "「", 0, lead - 1)) >= max(0, lead - 14):
                lead = opening
        previous = plain[lead:start - 1].lstrip("■●◆▲ ")
        # 对于全国政协委员，某公司总经理张明来说: the membership after 对于, 作为 or 身为 opens the chain too
        previous = re.sub(r"^(?:对于|对|作为|身为)(?=[\u4e00-\u9fff]{4})", "", previous)
        if previous in lexicon().memberships:  # 全国人大代表，市经委主任: the membership opens the chain
            start = start - 1 - len(previous)
        elif _TITLE_CHAIN.fullmatch(previous) and ends_with_title(previous) and not _ends_with_name(previous) \
                and not _CHAIN_OPENERS.match(previous):
            start = start - 1 - len(previous)  # 市委常委、秘书长，市政府常务副市长陈新武: one chain across the comma
    # 邀请甲局副局长赵一、乙局局长钱二: a list of roles and names; the chain of 钱二 begins after 赵一
    parts = plain[start:end].split("、")
    keep = 1
    while keep < len(parts) and ends_with_title(parts[-keep - 1]) and not _ends_with_name(parts[-keep - 1]):
        keep += 1
    # 中共中央对外宣传办公室、国务院新闻办公室主任: bodies listed before the title they share are of the chain
    while keep < len(parts) and shares_title(parts[-keep - 1]) and ends_with_title(parts[-keep]):
        keep += 1
    start = end - len("、".join(parts[-keep:]))
    # 农业农村部部长韩俊和国家体育总局局长高志丹: 高志丹's chain is after the last 和 that follows a name
    cuts = [start + j.end() for j in re.finditer(r"[和及与]", plain[start:end])
            if _ends_with_name(plain[start:start + j.start()]) or looks_like_name(plain[start:start + j.start()])]
    start = cuts[-1] if cuts else start
    start += len(re.match(r"[及和与]?", plain[start:end]).group())  # 及港区全国人大代表陈帆
    space = plain.rfind(" ", start, end)
    if space > start and _patterns()["verb_anywhere"].search(plain, start, space):
        start = space + 1  # 张明称夜市人气回升 某市人大新闻发言人张明……: a subheading run on before the role
    lead = re.match(r"(?:会上|会中|会后|席间|随后|其间)(?=[\u4e00-\u9fff]{4})", plain[start:end])
    start += lead.end() if lead else 0  # 会上某省水利厅厅长张明: when, no part of the role
    chain = plain[start:end]
    opener = _CHAIN_OPENERS.match(chain)
    if opener and not any(m in chain[: opener.end()] for m in lexicon().memberships):
        start += opener.end()
    clause = plain.rfind("的", start, end)
    if clause > 0 and plain[clause - 1] == "党":  # 党的二十大代表: the congress's name, not a clause
        clause = -1
    if clause > 0 and (plain[clause - 1] in _PLACES and plain[clause - 2: clause] not in _COMMON_PLACES
                       or plain.endswith(("公司", "集团", "大学", "医院"), start, clause)) \
            and "来自" not in plain[start:clause]:
        clause = -1  # 某县某村的党支部书记: whose post it is, not a clause about them
    if clause >= 0 and ends_with_title(plain[clause + 1:end]) and len(plain[clause + 1:end].strip("、，, ")) >= 2:
        start = clause + 1  # 首位登场的国家卫计委主任李斌: the role is what follows the clause
    letter = re.match(r"\s*[QAＱＡ]\s?(?=[\u4e00-\u9fff])", plain[start:end]) if plain[:start].strip() == "" else None
    if letter:  # A某部部长张明：…… in a roundup of questions and answers: the letter marks the answer
        start += letter.end()
    role = paragraph[start:end].strip("、，, ■□●◆◇▲•—-")  # ——全国人大代表、某市市长: a quote's signature
    if len(role) < 2 or not ends_with_title(role.rstrip("」")):
        return None
    return end - len(paragraph[start:end].lstrip("、，, ■□●◆◇▲•—-")), role


# 张明，苗族，全国人大代表、某村党支部书记。: the name opens a sentence, the role chain after a comma ends it
# 这位代表名叫张明，今年60岁，是某村党支部书记。: the sex and age before it, the name after 名叫, 是 before the chain
_APPOSITION = re.compile(r"[，,](?:[\u4e00-\u9fff]{1,3}族[，,、]|[男女][，,]|(?:今年)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁[，,])*是?(?P<chain>[^，。；！？：“”]{2,40}(?:[，,][^，。；！？：“”]{2,40})?)(?=[。；])")


def _apposition(number: int, paragraph: str, plain: str, known: frozenset[str], tagged, people: dict[int, Person]) -> None:
    """A name that opens a sentence, then its role chain after a comma to the sentence's end (张明，全国人大代表、
    某集团董事长。): a profile's introduction, the role stated after the name."""
    for opening in re.finditer(r"(?:^|(?<=[。！？])|(?<=名叫)|(?<=名字叫))[\s■●◆▲]*", plain):
        at = opening.end()
        name = at not in people and name_at(paragraph, at, known, tagged)
        chain = name and _APPOSITION.match(plain, at + len(name))
        if not chain or _patterns()["verb_anywhere"].search(chain.group("chain")):
            continue
        found = role_before(paragraph, plain, chain.end("chain"))
        if found and found[0] == chain.start("chain") and ends_with_title(chain.group("chain")):
            people[at] = Person(number, at, at, at + len(name), name, found[1], "role")


def membership_in(role: str) -> bool:
    """Whether a role chain opens or ends with a membership (全国人大代表、某市市长; 蒙古族全国人大代表): a delegate's,
    so that a name follows it."""
    memberships = tuple(lexicon().memberships)
    if re.search(r"[\d一二两三四五六七八九十几多]+[位名]", role):
        return False  # 五位全国人大代表: a count of delegates, not one of them
    return role.startswith(memberships) or role.endswith(memberships)


def shares_title(part: str) -> bool:
    """Whether a part of a chain is a body named with no title of its own (国务院新闻办公室, 某省发展改革委), so that
    the title after the next body is theirs too."""
    return bool(_BODY.search(part)) and 3 <= len(part) <= 20 and not ends_with_title(part) and not _CHAIN_OPENERS.match(part)


def _ends_with_name(text: str) -> bool:
    # 党总支书记: 支书记 ends with a title itself, so it is no name after 总
    return any(looks_like_name(text[-n:]) and not ends_with_title(text[-n:]) and ends_with_title(text[:-n]) for n in (2, 3, 4) if len(text) > n)


def _boundary_before(plain: str, at: int) -> bool:
    return at == 0 or plain[at - 1] in _STOPS + "、的是由给与和及■●◆▲|｜ "


class Echoes(frozenset):
    """name_echoes' names, and `twice`: those of two characters that open a clause right before saying at least
    twice in the report (傅莹介绍，…… / 傅莹透露，……); `opened`: any two characters that do so once (玉彤介绍，)."""

    twice: frozenset[str] = frozenset()
    opened: frozenset[str] = frozenset()  # two or three characters, a name or not, that open a clause before saying


def name_echoes(plains: list[str]) -> Echoes:
    """Two and three characters that look like a name and stand right before a verb of saying somewhere in the
    report (王国庆说): where the same name is introduced before a word no list knows (发言人王国庆做足功课),
    they say where it ends."""
    verb = _patterns()["verb_anywhere"]
    echoes = set()
    openings: dict[str, int] = {}
    opened: set[str] = set()
    for plain in plains:
        for match in verb.finditer(plain):
            for length in (2, 3):
                at = match.start() - length
                candidate = plain[max(0, at): match.start()]
                opens = at >= 0 and (at == 0 or plain[at - 1] in "，。；！？”」 ") \
                    and plain[match.end(): match.end() + 1] in ("，", "：", ",", ":")
                if opens and re.fullmatch(r"[\u4e00-\u9fff]+", candidate) and not AFTER_NOT_IN & set(candidate) \
                        and candidate[:2] not in _CLAUSE_OPENERS:
                    opened.add(candidate)  # 玉珂介绍，, 郑立新说，: opening a clause before saying, a name or not
                opens = opens and length == 2
                if len(candidate) == length and looks_like_name(candidate) and candidate[-1] not in AFTER_NOT_IN:
                    echoes.add(candidate)  # not 赵明在 (赵明在发布会上): 在 follows names
                    if opens:
                        openings[candidate] = openings.get(candidate, 0) + 1
    for plain in plains:  # 张惠在报告中说，: a place or occasion between the name and saying
        for match in _patterns()["bare"].finditer(plain):
            at, candidate = match.start() - 2, plain[max(0, match.start() - 2): match.start()]
            if match.group().startswith(("在", "对")) and at >= 0 and (at == 0 or plain[at - 1] in "，。；！？”」 ") \
                    and plain[match.end(): match.end() + 1] in ("，", "：", ",", ":") and looks_like_name(candidate):
                openings[candidate] = openings.get(candidate, 0) + 1
    # 村主任林和星显得比较沉静 … 让林和星感到 … 林和星颇有心得: three characters after a title that the report writes
    # again and again, their first two never without the third, are the name (a word no list knows follows it)
    joined = "\n".join(plains)
    title = _patterns()["title"]
    for plain in plains:
        for match in title.finditer(plain):
            candidate = plain[match.end(): match.end() + 4]
            if len(candidate) == 4 and candidate[:3] not in echoes and looks_like_name(candidate[:3]) \
                    and (count := joined.count(candidate[:3])) >= 2 and joined.count(candidate[:2]) == count \
                    and joined.count(candidate) < count:  # 向巴平措 every time: four characters, not three
                echoes.add(candidate[:3])
    found = Echoes(echoes)
    found.twice = frozenset(name for name, count in openings.items() if count >= 2)
    found.opened = frozenset(opened)
    return found


def find_people(number: int, paragraph: str, plain: str, known: frozenset[str],
                echoes: frozenset[str] = frozenset()) -> list[Person]:
    """Every person named in a paragraph: role + name, name + title, a label, and names already known."""
    pat = _patterns()
    tagged = segmenter_names(paragraph) | echoes
    people: dict[int, Person] = {}
    for match in pat["title"].finditer(plain):
        close = match.end() + (plain[match.end():match.end() + 1] == "」")  # 人大「台湾省代表」张明
        at = close + (plain[close:close + 1] == " ")  # 工业和信息化部部长 金壮龙：
        if plain[at: at + 1] == "的" and _HELD.search(plain, max(0, match.start() - 24), match.start()):
            at += 1  # 第一次当选全国人大代表的张明: the post held, then the name
        name = name_at(paragraph, at, known, tagged)
        found = role_before(paragraph, plain, close)
        if not name and found and not _ends_with_name(simplified(found[1])[: -len(match.group())]):
            # (not after a name and its title: 某市市长张明代表用数据说话 names no one after 代表)
            name = unsurnamed_at(paragraph, at)  # 全国人大代表、某市市长多吉次珠: a name with no family name
            if name and not membership_in(simplified(found[1])) and not (
                    len(name) in (2, 3) and pat["verb_anywhere"].match(after := simplified(paragraph[at + len(name): at + len(name) + 5]))
                    and not pat["title"].match(after) and (len(name) == 3 or simplified(name) in getattr(echoes, "opened", ()))) \
                    and not re.fullmatch(r"\s*[：:]\s*", plain[at + len(name):]) \
                    and not (len(name) == 3 and plain[at + 3: at + 4] in "，、" and simplified(name) in getattr(echoes, "opened", ())):
                name = None  # 副市长隽新阳介绍: a rare family name, three characters between a title and a verb;
                # 某会新闻发言人庹震： a transcript's label line names whoever stands between the title and the colon;
                # 团长某立新， where the report also opens a clause with 某立新说，
        if name:
            if found:
                start, role = found
                people.setdefault(at, Person(number, start, at, at + len(name), name, role, "role"))
    _apposition(number, paragraph, plain, known, tagged, people)
    for match in pat["after_title"].finditer(plain):
        if plain.startswith("会", match.end()) or plain.startswith(tuple(lexicon().verbs), match.start()):
            continue  # 监察和司法委员会: a body, and no name before it; 张明总结表示: 总 of a verb of saying
        at = match.start()
        while at > 0 and plain[at - 1] in "副" or plain.endswith("常务", 0, at):
            at -= 2 if plain.endswith("常务", 0, at) else 1  # 黎副主任: the name ends before 副
        for length in (3, 2, 4, *range(5, 14)):
            candidate = paragraph[max(0, at - length):at]
            if at - length < 0 or at - length in people:
                continue
            if plain[at - 1: at] == plain[at: at + 1]:
                break  # 宣传部部长, 公安局局长: the body the title heads, not a name
            if (looks_like_name(candidate) or candidate in known if length <= 4 else is_dotted(candidate)) and _boundary_before(plain, at - length):
                # 李克强总理: the whole title the short one begins (总理, not 总; 总经理, 主任医师)
                whole = next((t for t in lexicon().titles if plain.startswith(t, at) and at + len(t) > match.end()), "")
                role, start = paragraph[at:max(match.end(), at + len(whole))], at - length
                # 身为某委主任的张明代表: the relative clause states the role
                clause = _RELATIVE.search(plain, 0, start)
                if clause and ends_with_title(clause.group("role")):
                    role, start = paragraph[clause.start("role"):clause.end("role")], clause.start()
                elif origin := _ORIGIN.search(plain, 0, start):
                    role = f"{role}（{paragraph[origin.start():origin.end('origin')]}）"  # 来自 or 來自, as written
                    start = origin.start()
                people.setdefault(at - length, Person(number, start, at - length, at, candidate, role, "title"))
                break
    # 马逢国表示, 张韶春介绍说: a name of three characters that opens a clause right before saying, with no title
    for match in pat["bare"].finditer(plain):
        at = match.start() - 3
        candidate = paragraph[at:match.start()] if at >= 0 else ""
        if candidate and at not in people and _boundary_before(plain, at) and looks_like_name(candidate) \
                and plain[at] not in "向对与和从为把被给跟" and plain[match.start() - 1] not in AFTER_NOT_IN \
                and not ends_with_title(candidate) and not any(p.name_start <= at < p.end for p in people.values()):
            people[at] = Person(number, at, at, match.start(), candidate, None, "bare")
            continue
        # 傅莹介绍，…… and again 傅莹透露，……: two characters that open a clause before saying, twice in the report
        at = match.start() - 2
        candidate = paragraph[at:match.start()] if at >= 0 else ""
        once = bool(candidate) and (at == 0 or plain[at - 1] in "。！？") and looks_like_name(candidate)  # 。王刚说，……
        if candidate and (simplified(candidate) in getattr(echoes, "twice", ()) or once) and at not in people \
                and (at == 0 or plain[at - 1] in "，。；！？”」 ") and plain[match.end(): match.end() + 1] in "，：,:" \
                and not any(p.name_start <= at < p.end for p in people.values()):
            people[at] = Person(number, at, at, match.start(), candidate, None, "bare")
    taken = Spans((p.name_start, p.end) for p in people.values())
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(re.escape(name), paragraph):
            if not taken.overlaps(*match.span()):
                people[match.start()] = Person(number, match.start(), match.start(), match.end(), name, None, "known")
                taken.add(*match.span())
    return sorted(people.values(), key=lambda p: p.name_start)


def label_of(paragraph: str, plain: str, number: int, known: frozenset[str]) -> tuple[str, Person | None] | None:
    """A label opening the paragraph: ('question', None) for a reporter's, ('speaker', person) for a name's."""
    match = _BRACKET_LABEL.match(plain) or _LABEL.match(plain)
    if not match:
        return None
    label = match.group("label").strip()
    start = match.start("label")
    rest = plain[match.end():]
    if match.re is _BRACKET_LABEL and (_DATELINE_AFTER.match(rest.lstrip(" ：:")) or number == 1 and not re.search(r"[。！？”]\s*$", rest)):
        return None  # 【某网】日前，……, 【两会·好声音】 before a headline: a tag, not a turn
    if match.groupdict().get("qa") in ("Q", "Ｑ") or _ASKED.search(rest):
        return "question", None  # Q张明：……, 【张明】：……请问……？: a question, whoever asks it
    if match.groupdict().get("qa"):  # the letter ends what comes before the role: a bar in its place keeps every offset
        at = match.start("qa")
        paragraph, plain = paragraph[:at] + "|" + paragraph[at + 1:], plain[:at] + "|" + plain[at + 1:]
    if simplified(label).lstrip().startswith("主持人"):
        return "question", None  # 主持人（某处处长张明）：the host's words, named or not, are nobody's figures
    if _QUESTION_LABEL.search(label) and not looks_like_name(label):
        if simplified(label).endswith(tuple(lexicon().verbs)):
            return None  # 张明代表告诉记者：a speaker introduced, not a reporter's label
        return "question", None
    text = paragraph[start:start + len(label)]
    if len(text) == 3 and simplified(text)[-1] in "部局委厅署办院司处" and text not in known:
        return None  # 商务部：……: a body's label (a headline's, a statement's), not a person's
    said = next((v for v in lexicon().verbs if simplified(text).endswith(v) and looks_like_name(text[:-len(v)])), None)
    if said and text not in known:  # 李明说：: the name, then saying
        return "speaker", Person(number, start, start, start + len(text) - len(said), text[:-len(said)], None, "label")
    if looks_like_name(text) or text in known:
        return "speaker", Person(number, start, start, start + len(text), text, None, "label")
    for length in range(len(text) - 1, 1, -1):  # 武大靖代表：
        if text[:length] in known or looks_like_name(text[:length]) or is_dotted(text[:length]):
            if ends_with_title(text[length:]) and simplified(text[length:]) in lexicon().short_titles:
                return "speaker", Person(number, start, start, start + length, text[:length], text[length:], "label")
    for person in find_people(number, paragraph[: start + len(label)], plain[: start + len(label)], known):
        if person.end == start + len(label) or (person.how == "title" and person.start + len(person.name) + len(person.role or "") == start + len(label)):
            person.how = "label"
            return "speaker", person
    return None


def heading_person(number: int, paragraph: str, plain: str, known: frozenset[str]) -> Person | None:
    if len(plain) > 60 or re.search(r"[。！？：]", plain):
        return None
    rest = re.sub(r"（[^（）]{1,12}）$", "", plain).rstrip()
    people = [p for p in find_people(number, paragraph, plain, known) if p.role and p.end == len(rest)]
    # 【同期】港区全国人大代表 某某: a broadcast's tag before the heading
    if people and re.sub(r"^\s*【[^】]{1,8}】", "", plain[: people[0].start]).strip("■□●◆▲ —-") == "":
        person = people[0]
        return Person(number, person.start, person.name_start, person.end, person.name, person.role, "heading")
    return None
