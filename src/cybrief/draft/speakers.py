"""Who speaks where: delegates from how reports introduce them, and each paragraph's speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from cybrief.draft.clean import BYLINE, Article, is_caption_like, is_headline
from cybrief.draft.lexicon import Lexicon, lexicon

_DELEGATE = r"(?:全国人大代表|全国政协委员|省人大代表|市人大代表|人大代表|政协委员)"
_WHILE = r"(?:在[^，。；“”！？]{1,12}?(?:时|上|中)|发言时|接受采访时|接受记者采访时|回答记者提问时)?"
_CLAUSE_START = r"(?:^|(?<=[，。；：！？”]))"
_NAME = r"[\u4e00-\u9fff·]{2,4}?"
_ROLE_CHARS = r"[^，。；：“”！？\s]"


class Speaker:
    """A person quoted in the article: name, role as stated, organization, where they were introduced."""

    __slots__ = ("name", "role", "organization", "introduced", "sentence")

    def __init__(self, name: str, role: str | None, introduced: int, sentence: str):
        self.name, self.role, self.introduced, self.sentence = name, role, introduced, sentence
        self.organization = organization_of(role) if role else None


class Mention:
    """A speaker named as speaking at an offset of a paragraph."""

    __slots__ = ("start", "name")

    def __init__(self, start: int, name: str):
        self.start, self.name = start, name


class Speakers:
    """The speakers of an article in order of appearance, and who speaks in each paragraph."""

    def __init__(self, speakers: dict[str, Speaker], mentions: dict[int, list[Mention]], carried: dict[int, str]):
        self.by_name = speakers
        self.mentions = mentions  # paragraph -> speakers named in it, in order
        self.carried = carried  # paragraph -> speaker of a paragraph that names nobody (the last one named)

    def __iter__(self):
        return iter(self.by_name.values())

    def speaker_at(self, paragraph: int, offset: int) -> tuple[str, bool] | None:
        """(name, named in this paragraph) for the text at offset: the last speaker named before it in the
        paragraph, else the first named after it, else the one carried over from earlier paragraphs."""
        named = self.mentions.get(paragraph)
        if named:
            before = [m for m in named if m.start <= offset]
            return (before[-1] if before else named[0]).name, True
        carried = self.carried.get(paragraph)
        return (carried, False) if carried else None

    def paragraphs_of(self, name: str) -> list[int]:
        numbers = {p for p, named in self.mentions.items() if any(m.name == name for m in named)}
        numbers |= {p for p, who in self.carried.items() if who == name}
        return sorted(numbers)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = lexicon()
    verbs = "|".join(sorted(lex.verbs, key=len, reverse=True))
    short = "|".join(lex.short_titles)
    return {
        # 全国人大代表，市经济和信息化委员会党组书记、主任王志杰说 / 全国人大代表张三表示
        "intro": re.compile(rf"{_DELEGATE}[，、,]?\s*(?P<body>{_ROLE_CHARS}{{2,60}}?){_WHILE}(?:{verbs})"),
        # 重庆市副市长、全国人大代表张三说
        "intro_after": re.compile(rf"{_CLAUSE_START}(?P<role>{_ROLE_CHARS}{{2,40}}?)、{_DELEGATE}(?P<name>{_NAME}){_WHILE}(?:{verbs})"),
        # 全国人大代表刘勇：重庆电网…… (a headline)
        "headline": re.compile(rf"^{_DELEGATE}(?P<name>{_NAME})[：:]"),
        # 农业农村部部长赵明远表示 (a role and a name opening a clause)
        "role_name": re.compile(rf"{_CLAUSE_START}(?P<body>{_ROLE_CHARS}{{3,40}}?){_WHILE}(?:{verbs})"),
        # 王代表说 / 韩部长表示
        "short": re.compile(rf"(?P<surname>[\u4e00-\u9fff]{{1,2}}?)副?(?:{short}){_WHILE}(?:{verbs})"),
        # 张三说 after a quote or opening a clause
        "name": re.compile(rf"{_CLAUSE_START}(?P<name>{_NAME}){_WHILE}(?:{verbs}|[：:](?=“))"),
        # 邀请王志杰、杜卫东、夏泳、谢文辉四位全国人大代表
        "invited": re.compile(r"邀请(?P<names>[\u4e00-\u9fff·]{2,4}(?:、[\u4e00-\u9fff·]{2,4})+)(?:等)?(?:[一二两三四五六七八九十\d]+位)?"),
        "verb": re.compile(rf"(?:{verbs})"),
    }


def split_role_name(body: str, known: set[str], lex: Lexicon) -> tuple[str, str] | None:
    """Split 市经济和信息化委员会党组书记、主任王志杰 into its role and name: a known name at the end, else
    a name (known family name first) right after a title word; None when neither fits."""
    for name in sorted(known, key=len, reverse=True):
        if body.endswith(name):
            return body[: -len(name)].rstrip("、，, "), name
    for length in (3, 2, 4):
        if len(body) <= length:
            continue
        role, name = body[:-length], body[-length:]
        if lex.looks_like_name(name) and (role.endswith("长") or any(role.endswith(title) for title in lex.titles)):
            return role, name
    if lex.looks_like_name(body):
        return "", body
    return None


def organization_of(role: str) -> str:
    """The organization in a role: 国网重庆市电力公司党委书记、董事长 -> 国网重庆市电力公司."""
    lex = lexicon()
    org = role
    while True:
        before = org
        org = org.rstrip("、，, ")
        for title in lex.titles:
            if org.endswith(title) and len(org) > len(title):
                org = org[: -len(title)]
                break
        for body in lex.party_bodies:
            if org.endswith(body) and len(org) > len(body):
                org = org[: -len(body)]
                break
        if org == before:
            return org or role


def is_section_break(text: str) -> bool:
    """A headline, subheading or byline: the speaker of the text before it does not carry past it."""
    return is_headline(text) or bool(BYLINE.match(text)) or is_caption_like(text)


def find_speakers(article: Article, session_paragraphs: frozenset[int] = frozenset()) -> Speakers:
    """The speakers and who speaks in each paragraph; a paragraph that announces a session (its number in
    `session_paragraphs`) and names no speaker is nobody's remarks."""
    lex = lexicon()
    pat = _patterns()
    speakers: dict[str, Speaker] = {}
    known: set[str] = set()
    for paragraph in article.paragraphs:
        for match in pat["invited"].finditer(paragraph):
            known.update(n for n in match.group("names").split("、") if lex.looks_like_name(n))
        for match in pat["headline"].finditer(paragraph):
            if lex.looks_like_name(match.group("name")):
                known.add(match.group("name"))

    mentions: dict[int, list[Mention]] = {}
    for number, paragraph in enumerate(article.paragraphs, 1):
        found: dict[int, str] = {}

        def add(start: int, name: str, role: str | None, sentence_at: int) -> None:
            if name not in speakers:
                speakers[name] = Speaker(name, role or None, number, _sentence(paragraph, sentence_at))
            elif role and not speakers[name].role:
                speaker = speakers[name]
                speaker.role, speaker.organization, speaker.introduced = role, organization_of(role), number
                speaker.sentence = _sentence(paragraph, sentence_at)
            known.add(name)
            found.setdefault(start, name)

        for match in pat["headline"].finditer(paragraph):
            if lex.looks_like_name(match.group("name")):
                add(match.start(), match.group("name"), None, match.start())
        for match in pat["intro"].finditer(paragraph):
            split = split_role_name(match.group("body"), known, lex)
            if split:
                add(match.start(), split[1], split[0], match.start())
        for match in pat["intro_after"].finditer(paragraph):
            if lex.looks_like_name(match.group("name")):
                add(match.start(), match.group("name"), match.group("role"), match.start())
        for match in pat["role_name"].finditer(paragraph):
            body = match.group("body")
            split = split_role_name(body, set(), lex)
            if split and split[0] and not re.search(_DELEGATE, body):
                add(match.start(), split[1], split[0], match.start())
        for match in pat["name"].finditer(paragraph):
            name = match.group("name")
            rest = name[len(lex.surname_of(name)):]
            if rest in lex.short_titles or rest in lex.titles or rest.removeprefix("副") in lex.short_titles:
                continue  # 谭院长说, 黎副主任说: a surname and a title, for the "short" pattern
            if name in known or (lex.looks_like_name(name) and _after_quote(paragraph, match.start())):
                add(match.start(), name, None, match.start())
        for match in pat["short"].finditer(paragraph):
            surname = match.group("surname")
            same = [s for s in speakers.values() if lex.surname_of(s.name) == surname]
            if same:
                found.setdefault(match.start(), same[-1].name)
        if found:
            mentions[number] = [Mention(start, name) for start, name in sorted(found.items())]
    return Speakers(speakers, mentions, _carry(article, mentions, session_paragraphs))


def _carry(article: Article, mentions: dict[int, list[Mention]], session_paragraphs: frozenset[int]) -> dict[int, str]:
    """Paragraphs that name nobody get the last speaker named; at the start of a section (after a headline,
    a subheading or a byline), they wait for the first speaker named in the section."""
    carried: dict[int, str] = {}
    current: str | None = None
    waiting: list[int] = []
    for number, paragraph in enumerate(article.paragraphs, 1):
        named = mentions.get(number)
        if named:
            for waiting_number in waiting:
                carried[waiting_number] = named[0].name
            waiting = []
            current = named[-1].name
        elif number == 1 or number in session_paragraphs or is_section_break(paragraph):
            current, waiting = None, []
        elif current:
            carried[number] = current
        else:
            waiting.append(number)
    return carried


def _after_quote(paragraph: str, start: int) -> bool:
    return start > 0 and paragraph[start - 1] in "”’"


def _sentence(paragraph: str, start: int) -> str:
    end = len(paragraph)
    for mark in "。！？":
        found = paragraph.find(mark, start)
        if found != -1:
            end = min(end, found + 1)
    return paragraph[start:end]
