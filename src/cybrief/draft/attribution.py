"""Whose words each paragraph carries, and whether the report says so (stated) or the draft infers it.

A paragraph that names a speaker speaking is theirs from that name on (text before the first name too: the
quote a sentence then gives to them). A paragraph that names no one carries on the last speaker: when it
goes on with a pronoun (他表示, 据她透露), a numbered point (一是, 二是), or plain text right after their
words; and under a heading with a name (`张明：`, a name line and a line of titles, a Q&A answer), every
paragraph until the next heading or question. All of that is inferred, with the reason. A line that signs
the quote above it (`——全国人大代表、某市市长张明`) gives it to them, as stated. Attribution stops
at a reporter's question, a session announcement, a subheading or caption after an inline speaker, and
narration (数据显示, 据统计, 据某局统计, 据某报报道, 代表们表示, who hosted or answered questions, another person's
name opening the paragraph). Sentences of narration inside a speaker's paragraph (数据显示……, 据澎湃新闻报道……),
the words that introduce a speaker before their name (上任刚满20天的某部部长张明表示), and a sentence after their
words that tells who they are (张明同时也是……) are set aside: their figures are not the speaker's.
"""

from __future__ import annotations

import bisect
import re

from cybrief.draft.clean import Article, is_section_break, is_title_line
from cybrief.draft.names import looks_like_name, simplified
from cybrief.draft.introductions import Person
from cybrief.draft.speakers import MANNER, Speaker, find_speakers, narration_starts

_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|此外|另外|同时|第[一二三四五六七八九十]+[，、：是]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PRONOUN = re.compile(rf"(?:^|[，。；])(?:据|对此，?|同时，?)?(?:他|她)(?:{MANNER})?(?:还|也|插话|进一步|特别|同时|随后|再次|坦言|指出|表示|说|介绍|认为|强调|透露|提到|谈到|称|直言|回应|建议)")
# “……”这位记者说完, “……”有网友评论: a quote the report gives to a reporter, a host or the public
_OTHERS_QUOTE = re.compile(r"^[“「][^”」]*[”」][，,]?(?:这位|那位|该|一位|有|不少|许多)?(?:[^，。“”]{0,8}?记者|主持人|网友|观众|读者|提问者)")
_GROUP = re.compile(r"^(?:代表们|委员们|部长们|大家|与会|记者|主持人|网友|现场|会上，?(?:代表|委员)们)"
                    # 在发布会上，某部相关负责人表示: an official the report does not name speaks
                    r"|^[^。！？“”]{0,16}?(?:相关|有关)负责(?:人|同志)(?:表示|介绍|说|指出|称)"
                    # 活动快结束时，主持人总结说: the host speaks, after a clause that sets the time
                    r"|^[^。！？“”]{0,30}?[，,](?:主持人|记者)[^，。“”]{0,4}?(?:总结|说|表示|介绍|宣布|提到|透露)")
# 某局负责同志主持见面会，各部门负责同志回答记者提问: who hosted and who answered, the report's account
_PROCEEDINGS = re.compile(r"^[^。！？“”「」]{0,60}?(?:主持(?:会议|见面会|发布会|记者会|通气会)?[，,。；]|回答记者提问|答记者问)")
_POST_LINE = re.compile(r"[（(][^（）()]{2,40}[）)]")
_SIGNATURE = re.compile(r"^\s*(?:——|—|--)")
_LEAD_DATELINE = re.compile(r"^[【\[（(]?[^，。；！？“”]{2,30}?\d{1,2}日(?:电|讯)[】\]）)]?")
_UNNAMED = re.compile(r"(?:^|(?<=[。；]))据(?:介绍|悉|了解)[，,]?")
_NARRATION_SENTENCE = re.compile(
    r"(?:^|(?<=[。；！？]))(?:[^，。；！？“”]{0,8}?数据显示|据统计|据了解|资料显示|统计显示|"
    # 政府工作报告指出，……: what a report says, before a speaker gives their view of it
    r"(?:政府工作|计划|预算)报告(?:指出|显示|提出|明确|披露)[，：]|"
    r"据[^，。]{1,16}(?:报道|报导|消息|数据|统计|预测|测算)|据(?:本报|本台|本网|记者)(?:了解|获悉|统计)|[^，。；！？“”我]{2,16}预测[，,])[^。；！？]*"
    # “……您还满意吗？”: a reporter's question quoted in the paragraph
    r"|“[^”]{0,200}?(?:您|请问)[^”]{0,200}?？”"
    # 针对“某国同意每年买2500万吨”的消息: a claim the speaker answers, quoted; its figures are the claim's
    r"|“[^”]{1,200}”的?(?:消息|传闻|传言|说法|报道|言论|猜测)"
    # 有路透社记者问某部长张明，今年能否完成……？: a reporter's question told in the report
    r"|(?:^|(?<=[。；！？]))[^。；！？“”]{0,30}?记者(?:提问|问道|问)[^。；！？]{0,200}？"
    # 有传言称全省有8万张床位，这不准确: a claim the speaker denies
    r"|(?:^|(?<=[。；！？：，]))(?:有|网上|网络)?(?:传言|传闻|网传|谣传|有人)(?:称|说|说是)[^。；！？，]*"
    # 村民们说，……。“……”: the public's words a speaker passes on, to the end of the sentence and a quote after it
    r"|(?<![\u4e00-\u9fff])(?:有|一位|不少|许多|很多)?(?:村民|乡亲|群众|居民|市民|网友|老百姓|游客|家长|患者|职工)们?(?:纷纷)?"
    r"(?:说|表示|反映|感慨|直言)[：，]?[^。！？“”]*[。！？]?(?:“[^”]*”)?"
)


class Turn:
    """From `start` in a paragraph on, the words are `name`'s; basis stated or inferred, with the reason."""

    __slots__ = ("start", "name", "basis", "note")

    def __init__(self, start: int, name: str, basis: str, note: str | None = None):
        self.start, self.name, self.basis, self.note = start, name, basis, note


class Speakers:
    """The speakers of an article in order of appearance, and who speaks where."""

    def __init__(self, speakers: dict[str, Speaker], turns: dict[int, list[Turn]], excluded: dict[int, list[tuple[int, int]]],
                 questions: set[int]):
        self.by_name = speakers
        self.turns = turns  # paragraph -> turns, in order
        self.excluded = excluded  # paragraph -> spans of narration inside attributed paragraphs
        self.questions = questions
        self._cache: dict[int, list[int]] = {}

    def __iter__(self):
        return iter(self.by_name.values())

    def __len__(self):
        return len(self.by_name)

    def speaker_at(self, paragraph: int, offset: int) -> Turn | None:
        """Whose words the text at `offset` of a paragraph is, or None (narration, a question, set aside)."""
        turns = self.turns.get(paragraph)
        if not turns:
            return None
        excluded = self.excluded.get(paragraph, ())
        at = bisect.bisect_right(excluded, (offset, float("inf"))) - 1
        if at >= 0 and excluded[at][0] <= offset < excluded[at][1]:
            return None
        at = bisect.bisect_right([t.start for t in turns] if len(turns) < 8 else self._starts(paragraph), offset) - 1
        return turns[max(at, 0)]

    def _starts(self, paragraph: int) -> list[int]:
        cached = self._cache.get(paragraph)
        if cached is None:
            cached = self._cache[paragraph] = [t.start for t in self.turns[paragraph]]
        return cached

    def paragraphs_of(self, name: str) -> list[int]:
        return sorted(n for n, turns in self.turns.items() if any(t.name == name for t in turns))


def attribute(article: Article, session_paragraphs: frozenset[int] = frozenset()) -> Speakers:
    """Who speaks in each paragraph of the article, named or carried on (see the module's docstring)."""
    plains, speakers, speaking, labels, headings, introduced = find_speakers(article)
    turns: dict[int, list[Turn]] = {}
    excluded: dict[int, list[tuple[int, int]]] = {}
    questions: set[int] = set()
    # 张明 / 全国人大代表，某市市长, 政协委员 张明 / （某公司总经理）: the line under a heading that states the post
    title_lines = {n + 1 for n, person in headings.items() if person.start == 0 and person.end == len(article.paragraph(n))
                   and n < len(plains) and (is_title_line(article.paragraph(n + 1)) or _POST_LINE.fullmatch(plains[n].strip()))}
    section: tuple[str, int] | None = None
    current: tuple[str, int] | None = None
    listed_last: dict[str, set[int]] = {}  # the last of officials introduced together, and where
    paused: tuple[str, int] | None = None  # the speaker before a paragraph of the report's statistics
    for number, (paragraph, plain) in enumerate(zip(article.paragraphs, plains), 1):
        resume, paused = paused, None
        label = labels.get(number)
        named = speaking.get(number)
        given = headings.get(number - 1)
        if given is not None and given.how == "floor" and given.name in speakers:
            section = (given.name, number - 1)  # 下面请某局局长张明先生为大家作介绍。: what follows is theirs
        if label and label[0] == "question":
            questions.add(number)
            section = current = None
            continue
        if named and named[0].how == "heading" and _SIGNATURE.match(plain):
            # “……” / ——全国人大代表、某市市长张明: the line signs the quote above it
            above = number - 1
            if above >= 1 and plains[above - 1].startswith(("“", "「")) and above not in turns and above not in questions:
                turns[above] = [Turn(0, named[0].name, "stated")]
            turns[number] = [Turn(0, named[0].name, "stated")]
            current = (named[0].name, number)
            continue
        if named:
            here = _about_them(plain, _named_turns(plain, named))
            first = named[0]
            if first.how in ("label", "heading"):
                section = (first.name, number)
            elif section and any(p.name != section[0] for p in named):
                section = None
            current = (named[-1].name, number)
            together = _together(plain, named, introduced.get(number, ()))
            if together is not None:
                # 某委主任张明、某厅厅长李华介绍有关情况。……: what follows is no one of them in particular
                here.append(Turn(together, "", "inferred"))
                current = None
                listed_last.setdefault(named[-1].name, set()).add(number)
        elif number in title_lines:
            continue
        elif narration_starts(plain) and number != 1 and number not in session_paragraphs:
            paused, current = current or resume, None  # 据某局统计，……。他表示: 他 is still the speaker before it
            continue
        elif number == 1 or number in session_paragraphs or _GROUP.match(plain) or _OTHERS_QUOTE.match(plain) \
                or _PROCEEDINGS.match(plain):
            current = None
            continue
        elif current and simplified(current[0]) in plain:  # 张明只用了10分钟……: the report tells of them, they do not speak
            current = None
            continue
        elif _PRONOUN.search(plain[:40]) and (current or section or resume):
            who = current or section or resume
            here = [Turn(0, who[0], "inferred", f"他/她 continues {who[0]}, named in paragraph {who[1]}")]
        elif section:
            here = [Turn(0, section[0], "inferred", f"in the section headed by {section[0]} (paragraph {section[1]})")]
        elif is_section_break(paragraph):
            current = None
            continue
        elif current and _turns_to_another(plain, introduced.get(number, ()), current[0]):
            current = None  # 14时，某部部长李华被记者“截下”: the report turns to someone else, who has not spoken yet
            continue
        elif current and any(simplified(name) in plain for name in speakers):
            current = None  # 与去年相同，何立峰今年……: the report turns to another speaker, who does not speak here
            continue
        elif current:
            how = "a numbered point after" if _NUMBERED.match(plain) else "an unattributed paragraph after"
            here = [Turn(0, current[0], "inferred", f"{how} {current[0]}'s words (paragraph {current[1]})")]
        else:
            continue
        here += [Turn(m.end(), _speaker_before(here, m.start()), "inferred", "据介绍 does not say who; the last speaker named")
                 for m in _UNNAMED.finditer(plain) if m.start() > 0 or named]
        turns[number] = sorted(here, key=lambda t: t.start)
        spans = [m.span() for m in _NARRATION_SENTENCE.finditer(plain)]
        if spans:
            excluded[number] = spans
    for name, numbers in listed_last.items():
        # the last of officials introduced together, who speaks nowhere else, is not a speaker (the others are not either)
        if all(n in numbers for n, paragraph_turns in turns.items() if any(t.name == name for t in paragraph_turns)):
            speakers.pop(name, None)
            for n in numbers:
                turns[n] = [Turn(t.start, "", "inferred") if t.name == name else t for t in turns[n]]
    return Speakers(speakers, turns, excluded, questions)


def narration_spans(paragraph: str) -> list[tuple[int, int]]:
    """Where a paragraph is the report's narration, whoever speaks around it: all of it when it opens with
    narration (据统计, 某网注意到), else its sentences of narration (数据显示……)."""
    plain = simplified(paragraph)
    if narration_starts(plain):
        return [(0, len(plain))]
    return [m.span() for m in _NARRATION_SENTENCE.finditer(plain)]


def _turns_to_another(plain: str, people, current: str) -> bool:
    """Whether the paragraph's first sentence introduces someone other than the last speaker with a role, or the
    paragraph lists people with what they are (甲、乙等12位委员)."""
    first = re.search(r"[。！？]", plain)
    end = first.end() if first else len(plain)
    return any(p.name != current and (p.how == "role" and p.start < end or p.how == "list") and looks_like_name(p.name)
               for p in people)


def _together(plain: str, named: list[Person], people) -> int | None:
    """Where the sentence ends in which the last one named speaks together with someone listed right before,
    who is not named speaking on their own (甲、某厅厅长乙介绍有关情况。), or None when they speak alone."""
    last, speaking = named[-1], {p.name for p in named}
    if not any(p.end <= last.start and p.name not in speaking and re.fullmatch(r"[、，,和及与]|以及", plain[p.end: last.start])
               for p in people):
        return None
    end = re.compile(r"[。！？]").search(plain, last.end)
    return end.end() if end else len(plain)


def _named_turns(plain: str, named: list[Person]) -> list[Turn]:
    turns = [Turn(p.start if i else 0, p.name, "stated") for i, p in enumerate(named)]
    first = named[0]
    if first.start > 0:
        opening = re.match(r"^“[^”]*”", plain)
        if not (opening and plain.find("。", opening.end(), first.start) < 0):
            # narration before the name, in an earlier sentence: the name comes later in the paragraph
            cut = plain.rfind("。", 0, first.start) + 1
            turns[0] = Turn(cut, first.name, "stated")
            stop = plain.find("。", first.end)
            if cut < first.start and len(plain[first.end: stop if stop >= 0 else len(plain)]) > 8:
                # 上任刚满20天的某部部长张明表示，……: what the sentence says before them introduces them
                turns[0] = Turn(cut, "", "inferred")
                turns.insert(1, Turn(first.start, first.name, "stated"))
            if cut and _LEAD_DATELINE.match(plain):  # 【某报记者8日电】某市今年……。市长张明说: the report's lead
                turns.insert(0, Turn(0, "", "inferred"))
            elif cut:
                turns.insert(0, Turn(0, first.name, "inferred", f"before {first.name} is named in the paragraph"))
    return turns


# 。王林同时也是某医院的院长，医院每年接诊8万多人次。: a sentence that tells who the speaker is, after their words
_ABOUT = r"(?:同时|目前|现在|如今|还|也|曾|此前)*(?:是|现任|担任|兼任|曾任|出生于|毕业于)"


def _about_them(plain: str, turns: list[Turn]) -> list[Turn]:
    """The turns with a turn of nobody for each sentence after a speaker's words that tells of the speaker
    (`张明同时也是……`, `他也是……`), until a sentence in which they speak again (`他介绍，`)."""
    names = {t.name for t in turns if t.name}
    out = list(turns)
    told = False
    for match in re.finditer(r"(?:(?<=[。！？])|(?<=[。！？][”」]))(?=[^“”「」])", plain):
        at = match.start()
        who = next((n for n in names if plain.startswith(simplified(n), at)), None)
        subject = len(simplified(who)) if who else 1 if plain[at:at + 1] in "他她" else 0
        sentence = re.match(r"[^。！？]*", plain[at:]).group()
        if subject and re.match(_ABOUT, plain[at + subject:]) and "“" not in sentence and not _PRONOUN.search(sentence, 1):
            out = [t for t in out if t.start != at] + [Turn(at, "", "inferred")]
            told = True
        elif told and _PRONOUN.match(plain, at - 1):
            out.append(Turn(at, _speaker_before(turns, at), "inferred", "他/她 speaks again after what the report tells of them"))
            told = False
    return out


def _speaker_before(turns: list[Turn], offset: int) -> str:
    before = [t for t in turns if t.start <= offset]
    return (before[-1] if before else turns[0]).name
