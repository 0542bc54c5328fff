"""Who speaks, and where: of the people a report introduces (introductions.py), those whose words it gives.

A person speaks where the name is followed by a verb of saying (allowing 在会上, 会中, 进一步 … between), by a
colon and a quote, by a clause and a colon, by `，他表示` in the same sentence, or right after a quote that
opens the paragraph (`“……”张明说`, `“……”第一位走上通道的是……张明`); under a label or a heading with their
name; or together with others just listed (`……他们表示`). People named only (a moderator, a leader quoted in
passing, a list of guests, a photographer) are not speakers. Every matching step runs on the text with
traditional characters read as simplified; names and roles are kept as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cybrief.draft.clean import Article, is_caption_like, is_title_line
from cybrief.draft.hosts import nobodys_turns
from cybrief.draft.introductions import Person, ends_with_title, find_people, heading_person, label_of, name_echoes
from cybrief.draft.lexicon import lexicon
from cybrief.draft.names import looks_like_name, one_form, simplified

# 笑着说, 幽默插话, 深有感触地说, “实在”地说, 用不太标准的普通话说: how someone says it, between them and the verb
MANNER = r"(?:微?笑着|不禁|忍不住|[\u4e00-\u9fff]着[\u4e00-\u9fff]{1,4}?(?=说|讲|表示|介绍|问)|幽默|风趣地|“[^“”，。]{1,6}”地|[\u4e00-\u9fff]{1,4}?地|(?:用|通过|借助)[^，。；！？“”]{1,12}?(?=说|讲|介绍|表示))"
_FILLER = (
    rf"(?:{MANNER}|代表[^，。；！？“”]{{2,24}}?(?:政府|党委|省委|市委|委员会|常委会)[，,]?|受[^，。；！？“”]{{1,12}}?委托[，,]?|在[^，。；！？]{{0,40}}?(?:上|时|中|里|前|后)|(?:参加|出席|接受|做客|走上|登上)[^，。；！？]{{0,20}}?(?:时|上|中)|"
    r"(?:在?被)?(?:问到|问及|谈到|谈及|谈起|说起|提到|提及)[^，。；！？]{0,20}?时|(?:总结|回顾|盘点)[^，。；！？“”]{1,16}?时?|(?:在[^，。；！？]{0,16}?)?(?:作|做)[^，。；！？]{0,12}?报告时?|(?:作|做)了?(?:主题|主旨|专题|新闻|情况)?(?=发布|介绍|通报)|会中|会上|于会上|会后[，,]?|(?:今天|今日|昨天|昨日|昨晚|昨)(?:[（(]\d{1,2}日?[）)]日?)?|今晨|日前|近日|当天|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚间?)?|(?:接受采访|受访)时?|进一步|首先|还|也|则|同时|这样|如此|"
    r"特别|随后|再次|又|接着|进而|坦诚|明确|专门|现场|对此|就此|(?:面)?对[^，。；！？“”]{0,8}?记者|向[^，。；！？“”]{1,12}?|(?:给|为)(?:大家|记者|我们)|在接受[^，。]{0,12}?采访时)*"
)
# 陈帆提出某某体系的建议: the proposal someone put forward, named as a thing (no 了, no pause before 的建议)
_PROPOSAL = re.compile(r"^(?:所|曾|此前|去年|今年)?提出(?!了)[^，。；：！？“”]{1,40}?的(?:建议|提案|议案|倡议)")
# 李克强回答了17个问题: the report counting the questions answered, not the answers
_ANSWERED = re.compile(r"^[^，。；！？“”]{0,12}?(?P<verb>回答|解答|答)了?[^，。；！？“”]{0,8}?(?:提问|问题)[。；！]")
_ANSWER_COUNT = re.compile(r"^[^，。；！？“”]{0,12}?回答了?(?:\d+|[一二两三四五六七八九十几多]+)(?:个|道)[^，。；！？“”]{0,8}?(?:问题|提问)")
# 张明提出三点建议：, 提出一项议案，: what is put forward is words (not 提出建设……十周年)
_PUT_FORWARD = re.compile(r"[^，。；！？“”：]{0,12}?(?:建议|议案|提案|意见|倡议|要求|观点|看法|设想)(?:[，,：:。]|$)")
_BRACKETED_POST = re.compile(r"[（(]([^（）()]{2,40})[）)]")  # （某公司总经理）: a heading's post on a line of its own
_ANSWER_LABEL = re.compile(r"^\s*(?:答|A)\s*[：:]")
_NARRATION = re.compile(
    r"^(?:[【\[](?:相关)?(?:链接|背景|小资料|资料|延伸阅读)[】\]]|数据显示|据统计|据了解|据悉|据(?:本报|本台|本网|记者)(?:了解|获悉|统计)|记者了解到|记者注意到|记者获悉|资料显示|统计显示|据[^，。]{1,16}报[道导]|据[^，。]{1,12}消息"
    # 据某网记者统计, 某网注意到: the outlet's own count or notice
    r"|据[^，。“”]{1,12}(?:记者|新闻|报|网|社|台)统计|据[^，。“”]{0,10}(?:局|部|署|委|厅|办|中心|海关|协会)的?(?:统计|监测|测算)[，,]|[^，。“”]{1,10}?(?:新闻|报|网|社|台)(?:记者)?(?:注意到|了解到|获悉|梳理发现))"
)


class Speaker:
    """A person who speaks in the article: name as printed, role as stated, where they were introduced."""

    __slots__ = ("name", "role", "organization", "introduced", "sentence", "lead")

    def __init__(self, name: str, role: str | None, introduced: int, sentence: str, lead: str = ""):
        self.name, self.role, self.introduced, self.sentence = name, role, introduced, sentence
        self.lead = lead  # the sentence up to their clause (江苏代表团审议时，省长某某), quotes left out: where they are
        self.organization: str | None = None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = lexicon()
    short = "|".join(re.escape(t) for t in lex.short_titles)
    whole = "|".join(re.escape(t) for t in lex.titles)
    # 指 alone is saying as Hong Kong and Taiwan papers write it (某某回顾……，指五年来……), not 指导, 指标, 指数 …
    verbs = "|".join(sorted(lex.verbs, key=len, reverse=True)) + "|指(?![导挥定示标向令责望点明引数南甲纹])"
    return {
        # 娄勤俭答问时, 张明介绍时: a time clause, not the words themselves
        # 张明提出的建议: a relative clause, not the words themselves
        "speaks": re.compile(rf"^(?:副?(?:{whole}|{short}))?{_FILLER}[，,]?(?:{verbs})(?![问]?时|的|后|结束|完毕)"),  # 张明总理表示
        "colon_quote": re.compile(r"^[^。！？；“”]{0,40}?：\s*“"),
        "colon_clause": re.compile(r"^[^，。！？；“”：|｜]{1,24}：(?!$)"),
        "view": re.compile(r"^的(?:回答|回应|建议|观点|看法|答案|说法|判断)(?:依旧|依然|仍然|仍|也|还|同样|都)?(?:是|为)?(?:[：，]|(?<=[是为])“)"),
        "in_view": re.compile(r"^(?:看来|眼中|眼里|心中)[，：]"),
        # 蔡昉代表立刻给出答案：…, 张明回答道：… (no quote marks): a colon right after saying
        # 赵明分享了一组数据——……: a dash after saying, or after the data given, opens the words as a colon does
        "colon_said": re.compile(rf"^(?:副?(?:{short}))?[^。！？；“”：—]{{0,16}}?(?:(?:{verbs}|答案|道)：|(?:{verbs})[^。！？；“”：—]{{0,8}}?(?:数据|数字|答案|账)?——)"),
        "pronoun": re.compile(rf"^[^。！？]{{0,60}}?[，,。；](?:{_FILLER})?(?:他|她)(?:{_FILLER})?(?:{verbs})"),
        # 某委主任张明就……进行了解读。针对……话题，他表示: the next sentence turns to a topic, then the pronoun
        "pronoun_topic": re.compile(rf"^[^。！？]{{0,80}}?。(?:针对|对于|关于|谈到|谈及|说到|在谈到|就|作为|身为)[^。！？“”]{{1,40}}?[，,]"
                                    rf"(?:{_FILLER})?(?:他|她)(?:{_FILLER})?(?:{verbs})"),
        "list": re.compile(r"(?P<names>[\u4e00-\u9fff·・]{2,10}(?:、[\u4e00-\u9fff·・]{2,10})+)等?(?P<count>[\d一二两三四五六七八九十]{1,3})(?:位|名)(?P<role>[^，。；：“”、]{2,16})"),
        "verb_before": re.compile(rf"(?:{verbs})"),
        # 张明，全国人大代表、某集团董事长。今年两会，他带来了……: a profile's introduction, then the pronoun
        "apposition": re.compile(rf"^[，,][^。！？“”]{{2,80}}?[。；](?:[^。！？“”]{{0,30}}?[，,]|“[^”]{{1,300}}”[，,]?)?(?:{_FILLER})?(?:他|她)(?:{_FILLER})?(?:{verbs})"),
        "opens_pronoun": re.compile(rf"^\s*(?:“[^”]{{1,300}}”[，,]?)?(?:{_FILLER})?(?:他|她)(?:{_FILLER})?(?:{verbs})"),
        "together": re.compile(rf"[，,。；](?:{_FILLER})?(?:他们|她们|二人|两人|三人)(?:都|均|一致|也)?(?:{_FILLER})?(?:{verbs})"),
    }


def speaks_at(paragraph: str, plain: str, person: Person, following: str | None = None) -> bool:
    """Whether the person is speaking where named: a verb of saying, a colon and a quote, `，他表示`, the
    sentence right after a quote that opens the paragraph, or a pronoun speaking after the role stated after the
    name (`张明，某集团董事长。……他表示`; in `following`, the next paragraph, too)."""
    pat = _patterns()
    clause = plain[max(0, person.start - 60): person.start]
    if "邀请" in clause[max(clause.rfind("，"), clause.rfind("。")) + 1:]:
        return False  # 邀请甲、乙、丙介绍: guests invited to speak, each a candidate until they speak
    if re.search(r"(?:请|有请)$", plain[max(0, person.start - 2): person.start]):
        return False  # 下面请张明副厅长介绍: the host gives the floor; the words are not theirs yet
    if _invited(plain[max(plain.rfind(mark, 0, person.start) for mark in "。！？；") + 1: person.start]):
        return False  # 请某厅副厅长甲，某厅副厅长乙介绍有关工作: the last of the guests a report invites, not speaking
    lead = plain[max(plain.rfind(mark, 0, person.start) for mark in "，。！？；：") + 1: person.start]
    if re.search(r"(?:他|她|我们?|大家|代表们|委员们)(?:还|也|又|再次|当面|专门)?(?:向|对|给|跟)", lead):
        return False  # 她向列席会议的某厅厅长王强介绍了……: the one spoken to, not speaking
    after = plain[person.end: person.end + 120]
    answered = _ANSWERED.match(after)
    if _ANSWER_COUNT.match(after) or answered and not pat["verb_before"].search(after[: answered.start("verb")]):
        return False  # 某某连续回答了18个问题, 某某回答了有关提问。: what they did, told by the report, not their words
    if _PROPOSAL.match(after):
        return False  # 及某代表陈帆提出某某体系的建议: the agent of a proposal, named by whoever speaks
    if pat["colon_clause"].match(after):
        return True  # 全国政协委员、某集团总裁杨超尤其关心住房：…: a clause about them, then their words
    if pat["view"].match(after) or plain[person.start - 1: person.start] == "在" and pat["in_view"].match(after):
        return True  # 张明的回答是：…, 在张明看来，…
    if person.role and re.search(r"对于?$", plain[max(0, person.start - 2): person.start]) and re.match(r"来说[，,：:]", after):
        return True  # 对于全国政协委员、某公司总经理张明来说，……: their year, in their terms
    said = pat["speaks"].match(after)
    if said and said.group().endswith("提出") and re.match(r"[^，。；！？]{1,40}?(?:周年|年来|以来)", after[said.end():]) \
            and not _PUT_FORWARD.match(after[said.end():]):
        said = None  # 总书记提出建设……十周年: putting a thing forward, its object right after, not words said
    if said or pat["colon_quote"].match(after) or pat["colon_said"].match(after) or pat["pronoun"].match(after) \
            or pat["pronoun_topic"].match(after):
        return True
    if person.start == person.name_start and person.role and (pat["apposition"].match(after) or (
            following is not None and re.fullmatch(r"[，,][^。！？“”]{2,80}?[。；]?\s*", after) and pat["opens_pronoun"].match(following))):
        return True  # 张明，全国人大代表、某集团董事长。他表示 (in the paragraph, or opening the next one)
    opening = re.match(r"^“[^”]{0,300}”", plain)
    return bool(opening) and 0 <= person.start - opening.end() <= 30 and "。" not in plain[opening.end(): person.start]


def find_speakers(article: Article):
    """The speakers of the article, and who is named speaking in each paragraph: (plain text of each paragraph,
    speakers by name, people speaking per paragraph, Q&A labels, name headings), for attribution.py."""
    lex = lexicon()
    pat = _patterns()
    plains = [simplified(p) for p in article.paragraphs]
    echoes = name_echoes(plains)
    known: set[str] = set()
    roles: dict[str, list[str]] = {}
    labels: dict[int, tuple[str, Person | None]] = {}
    headings: dict[int, Person] = {}
    # Introductions that make a name known: role chains, titles after names, labels, lists, name lines.
    introduced: dict[int, list[Person]] = {}
    for number, (paragraph, plain) in enumerate(zip(article.paragraphs, plains), 1):
        for person in find_people(number, paragraph, plain, frozenset(known), echoes):
            if person.how in ("role", "title"):
                introduced.setdefault(number, []).append(person)
                known.add(person.name)
                roles.setdefault(person.name, []).append(person.role)
            elif person.how == "bare":
                known.add(person.name)
        for match in pat["list"].finditer(plain):
            names = paragraph[match.start("names"): match.end("names")].split("、")
            role = paragraph[match.start("role"): match.end("role")]
            for name in names:
                name = next((name[-n:] for n in (len(name), 3, 2, 4) if looks_like_name(name[-n:])), "")
                if name:
                    known.add(name)
                    at = match.start("names") + plain[match.start("names"):match.end("names")].find(name)
                    introduced.setdefault(number, []).append(Person(number, at, at, at + len(name), name, role, "list"))
                    if ends_with_title(role):
                        roles.setdefault(name, []).append(role)
        heading = heading_person(number, paragraph, plain, frozenset(known))
        post = _BRACKETED_POST.fullmatch(plains[number].strip()) if heading and number < len(plains) else None
        if post and ends_with_title(post.group(1)) and number + 1 < len(plains):
            heading.role = f"{heading.role}（{article.paragraphs[number].strip()[1:-1]}）"  # 政协委员 戚萍 / （某公司总经理）
        elif heading and not plain.lstrip().startswith(("—", "--")) and (number == len(plains) or is_caption_like(article.paragraphs[number])):
            heading = None  # 某省委常委、副省长张明 / 某某 (a photographer): a caption naming who is shown heads nothing
        if heading:  # □市人大代表潘良发（农民）: a line that is only a role and a name heads what follows
            headings[number] = heading
            known.add(heading.name)
            roles.setdefault(heading.name, []).append(heading.role)
        elif looks_like_name(paragraph) and number < len(plains) and is_title_line(article.paragraphs[number]):
            headings[number] = Person(number, 0, 0, len(paragraph), paragraph, article.paragraph(number + 1), "heading")
            known.add(paragraph)
            roles.setdefault(paragraph, []).append(article.paragraph(number + 1))
    # 问：…… / 答：……: in an interview of one person named with a role, the answers are theirs
    interviewee = next(iter(roles)) if len(roles) == 1 else None
    for number, (paragraph, plain) in enumerate(zip(article.paragraphs, plains), 1):
        answer = _ANSWER_LABEL.match(plain)
        if answer and interviewee:
            labels[number] = ("speaker", Person(number, 0, 0, answer.end(), interviewee, None, "label"))
            continue
        label = label_of(paragraph, plain, number, frozenset(known)) or _title_label(number, plain, roles)
        if label:
            labels[number] = label
            if label[1] is not None:
                known.add(label[1].name)
                if label[1].role:
                    roles.setdefault(label[1].name, []).append(label[1].role)
    nobodys_turns(article, plains, labels, frozenset(known), echoes)  # the host's and the reporters'
    for number, person in _floors(article, plains, frozenset(known), echoes, labels).items():
        headings.setdefault(number, person)
    # Where each known person speaks.
    speaking: dict[int, list[Person]] = {}
    questions = {n for n, (kind, _) in labels.items() if kind == "question"}
    answering = None  # the speaker of the transcript's answer going on: `张明：` until the next question or label
    for number, (paragraph, plain) in enumerate(zip(article.paragraphs, plains), 1):
        if number in questions:
            answering = None
            continue
        found = []
        label = labels.get(number)
        if label and label[1] is not None:
            found.append(label[1])
            # a transcript's answer (questions asked, or the label alone on its line), not `张明代表：“……”`
            answering = label[1].name if any(q < number for q in questions) or not plain[label[1].end:].strip(" ：:") else None
        if number in headings and headings[number].how != "floor":
            found.append(headings[number])
        named = find_people(number, paragraph, plain, frozenset(known), echoes)
        quoted = [m.span() for m in re.finditer(r"“[^”]*”", plain)]
        for person in named:
            if any(f.name_start == person.name_start for f in found):
                continue
            if any(a < person.name_start < b for a, b in quoted) or plain[person.start - 1: person.start] == "由":
                continue  # “习近平总书记说：……”请教各位: words quoted inside a quote; 由某某提出的: an agent
            if answering and not label and person.how != "role" and person.name != answering:
                continue  # 张明：……习近平总书记强调……: a leader the answer quotes in passing
            if label and label[1] is not None and person.how not in ("role", "label") and person.name != label[1].name:
                continue  # 江明委员：……李华总理也指出“……”: in a speaker's labelled paragraph, a leader quoted in passing
            if person.name in known and speaks_at(paragraph, plain, person, plains[number] if number < len(plains) else None):
                found.append(person)
        # 这3位发言人是：甲，乙，丙。他们表示……: the people just named speak together
        together = pat["together"].search(plain)
        if together:
            before = [p for p in named if p.end <= together.start() and p.name in known and p.how != "known"]
            if len(before) >= 2:
                found.extend(p for p in before if not any(f.name_start == p.name_start for f in found))
        # 王代表说, 韩部长表示: a surname and a title, for a speaker named in full before.
        for match in re.finditer(rf"(?P<surname>[\u4e00-\u9fff]{{1,2}}?)副?(?:{'|'.join(lex.short_titles)}){_FILLER}(?:{'|'.join(lex.verbs)})", plain):
            same = [n for n in known if simplified(n).startswith(match.group("surname")) and len(n) > len(match.group("surname"))]
            if len(same) == 1 and not any(f.name_start <= match.start() < f.end for f in found):
                found.append(Person(number, match.start(), match.start(), match.start() + 1, same[0], None, "surname"))
        found.extend(_by_title(number, plain, roles, quoted, found))
        if found:
            speaking[number] = sorted(found, key=lambda p: p.start)
    _quote_after(article, plains, frozenset(known), echoes, speaking, questions)
    people = [p for n in sorted(speaking) for p in speaking[n]] + list(headings.values()) + [lb[1] for lb in labels.values() if lb[1]]
    forms = one_form(p.name for p in people)  # 文穎怡 and 文頴怡: one person, written the first way
    for person in people:
        person.name = forms[person.name]
    for name in [n for n in roles if forms.get(n, n) != n]:
        roles.setdefault(forms[name], []).extend(roles.pop(name))
    speakers: dict[str, Speaker] = {}
    for number in sorted(speaking):
        for person in speaking[number]:
            if person.name not in speakers:
                paragraph = article.paragraph(number)
                speakers[person.name] = Speaker(person.name, None, number, _sentence(paragraph, person.start),
                                                _lead(paragraph, person.start))
    for number, person in headings.items():  # given the floor, then speaking in the text after: a speaker
        if person.how == "floor" and person.name not in speakers and number + 1 not in labels:
            paragraph = article.paragraph(number)
            speakers[person.name] = Speaker(person.name, None, number, _sentence(paragraph, person.start), _lead(paragraph, person.start))
    # A speaker is introduced where the report first gives their role as they speak (a headline with the name
    # alone comes before the paragraph that names the session and the role).
    placed: set[str] = set()
    for number in sorted(speaking):
        for person in speaking[number]:
            if person.how == "role" and person.name not in placed:
                placed.add(person.name)
                speakers[person.name].introduced = number
                speakers[person.name].sentence = _sentence(article.paragraph(number), person.start)
                speakers[person.name].lead = _lead(article.paragraph(number), person.start)
    for name, speaker in speakers.items():
        stated = [r for r in roles.get(name, []) if r]
        # 国家发展改 革委: a space a page's line wrap left between two characters of one word is no part of it
        # 市中区委副书记 区长: a space between two titles of a label line stays
        speaker.role = _unwrapped(max(stated, key=len)) if stated else None
    return plains, speakers, speaking, labels, headings, introduced


# A title that singles one person out (总理, 部长, 省长, 发言人), not one many hold (代表, 委员, 教授)
_SINGLE_POST = ("长", "主任", "书记", "总理", "主席", "发言人", "总裁", "董事长", "经理", "大使")


def _by_title(number: int, plain: str, roles: dict[str, list[str]], quoted, found) -> list[Person]:
    """总理回答，“……”, 部长表示: a title alone opening a clause before saying, where one person of the report holds
    it (国务院总理李强, named in narration before): that person speaks. Not where two hold it, nor inside a quote."""
    lex = lexicon()
    titles = "|".join(t for t in lex.titles if t.endswith(_SINGLE_POST))
    out = []
    for match in re.finditer(rf"(?:^|(?<=[，,。；！？”：:]))(?P<title>{titles}){_FILLER}[，,]?(?:{'|'.join(lex.verbs)})", plain):
        title = match.group("title")
        holders = {name for name, stated in roles.items()
                   if any(role and simplified(role).endswith(title) and not simplified(role).endswith("副" + title) for role in stated)}
        if len(holders) == 1 and not any(a < match.start() < b for a, b in quoted) \
                and not any(f.start <= match.start() < f.end or f.name in holders for f in found + out):
            out.append(Person(number, match.start(), match.start(), match.end("title"), holders.pop(), None, "surname"))
    return out


def _title_label(number: int, plain: str, roles: dict[str, list[str]]):
    """行政长官：…… where the report named 行政长官李家超 before: a transcript's label that is a post alone is the
    one person the report names with it (none where two hold it)."""
    match = re.match(r"^\s*([\u4e00-\u9fff]{2,10})[：:]", plain)
    if not match or not ends_with_title(match.group(1)):
        return None
    title = match.group(1)
    holders = {name for name, stated in roles.items() if any(role and simplified(role).endswith(title) for role in stated)}
    if len(holders) != 1:
        return None
    return "speaker", Person(number, match.start(1), match.start(1), match.end(1), holders.pop(), None, "label")


def _invited(before: str, within_clause: bool = False) -> bool:
    """Whether the text before a person's role is an invitation to them (请, 邀请) with no saying since: 请甲，
    乙介绍 (the list the invitation opens), 请《某报告》起草组成员、某室主任乙 (within one clause)."""
    stop = "，。；！？“”" if within_clause else "“”"
    invited = re.search(rf"(?:邀请|有请|请)(?!问)[^{stop}]*$", before[-300:])  # a window: each person's check stays short
    return bool(invited) and not _patterns()["verb_before"].search(invited.group())


def _floors(article: Article, plains: list[str], known: frozenset[str], echoes: frozenset[str], labels) -> dict[int, Person]:
    """下面请某局局长张明先生为大家作介绍。 / 某办请某院副院长张明解读……，并回答提问。: one person given the floor
    heads what follows, until the next label or question (a transcript without labels, a summary of points)."""
    short = "|".join(re.escape(t) for t in lexicon().short_titles)
    after = re.compile(rf"^副?(?:{short})?(?:先生|女士|同志)?(?:向大家|为大家|向媒体)?(?:作|做|进行)?(?:介绍|解读|发布|通报|说明)")
    floors: dict[int, Person] = {}
    for number, (paragraph, plain) in enumerate(zip(article.paragraphs, plains), 1):
        if number in labels or number == len(plains) or "请" not in plain:
            continue
        people = find_people(number, paragraph, plain, known, echoes)
        given = [p for p in people if _invited(plain[max(0, p.start - 40): p.start], within_clause=True) and after.match(plain[p.end:])
                 and not any(q.name != p.name and p.start - 40 < q.start < p.start for q in people)]  # one, not 邀请甲、乙、丙介绍
        if len({p.name for p in given}) == 1:
            floors[number] = Person(number, given[0].start, given[0].name_start, given[0].end, given[0].name, given[0].role, "floor")
    return floors


def _unwrapped(role: str) -> str:
    """The role without the spaces a line wrap left inside a word (国家发展改 革委); one after a title, between
    two titles (市中区委副书记 区长), stays."""
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])",
                  lambda m: " " if ends_with_title(role[: m.start()]) else "", role)


def _quote_after(article: Article, plains: list[str], known: frozenset[str], echoes: frozenset[str],
                 speaking: dict[int, list[Person]], questions: set[int]) -> None:
    """某省长张明全程脱稿，回答了记者的提问。 / “……”: a paragraph whose last sentence tells of one person taking the
    floor (a word of lexicon `floor`, or a colon that ends it), then a paragraph that is a quote naming no one:
    the quote is that person's, who speaks where the paragraph tells of them."""
    floor = lexicon().floor
    for number, plain in enumerate(plains, 1):  # 某部部长张明出现在通道上。“……”: in one paragraph
        if number in speaking or number in questions:
            continue
        for match in re.finditer(r"。(?=[“「])", plain):
            quote = re.match(r"[“「][^”」]*[”」]", plain[match.end():])
            rest = plain[match.end() + len(quote.group()):].lstrip("，,") if quote else ""
            if not quote or re.search(r"[\u4e00-\u9fff]", rest[:12]) and not rest.startswith(("。", "他", "她")):
                continue  # a quote that a sentence then gives to someone, or narration after it (他的回答: theirs)
            cut = max(plain.rfind(mark, 0, match.start()) for mark in "。！？") + 1
            paragraph = article.paragraph(number)
            people = [p for p in find_people(number, paragraph, plain, known, echoes)
                      if cut <= p.name_start < match.start() and (p.how in ("role", "title") or p.name in known)]
            if len({p.name for p in people}) == 1 and any(w in plain[people[0].end: match.start()] for w in floor) \
                    and "邀请" not in plain[cut: people[0].start] and plain[people[0].start - 1: people[0].start] != "由":
                speaking[number] = [people[0]]
                break
    for number in range(1, len(plains)):
        quote = plains[number].lstrip()
        if not quote.startswith(("“", "「")) or number + 1 in speaking or number + 1 in questions or number in questions:
            continue
        if any(p.how in ("role", "title") for p in find_people(number + 1, article.paragraph(number + 1), plains[number], known, echoes)):
            continue  # the quote names someone of its own
        plain, paragraph = plains[number - 1].rstrip(), article.paragraph(number)
        cut = max(plain.rfind(mark, 0, len(plain) - 1) for mark in "。！？") + 1
        people = [p for p in find_people(number, paragraph, plain, known, echoes)
                  if p.name_start >= cut and (p.how in ("role", "title") or p.name in known)]
        if len({p.name for p in people}) != 1 or plain[people[0].start - 1: people[0].start] == "由":
            continue
        person = people[0]
        after = plain[person.end:]
        if not (after.endswith("：") or any(word in after for word in floor)):
            continue
        if "邀请" in plain[cut:person.start] or any(a < person.name_start < b for a, b in (m.span() for m in re.finditer(r"“[^”]*”", plain))):
            continue
        if not any(p.name == person.name for p in speaking.get(number, [])):
            speaking.setdefault(number, []).append(person)
            speaking[number].sort(key=lambda p: p.start)


def _sentence(paragraph: str, start: int) -> str:
    end = len(paragraph)
    for mark in "。！？":
        found = paragraph.find(mark, start)
        if found != -1:
            end = min(end, found + 1)
    return paragraph[start:end]


def _lead(paragraph: str, start: int) -> str:
    """The sentence before a person's role, without what it quotes (“……”，7日的某省代表团会议上，省长), and the
    clause that names them (省长张明代表某省政府): where it places them."""
    before = re.sub(r"“[^“”]*”|「[^「」]*」", "", paragraph[:start])
    clause = re.split(r"[，,。！？；：“]", paragraph[start:], maxsplit=1)[0]  # 张明代表某省政府，: their own clause too
    return re.split(r"[。！？]", before)[-1] + clause


def narration_starts(plain: str) -> bool:
    return bool(_NARRATION.match(plain))
