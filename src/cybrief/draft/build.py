"""Putting a draft together: the model Brief from what the other steps found, every guess marked for review."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from cybrief.draft import guess
from cybrief.draft.clean import Article
from cybrief.draft.events import Session, Source
from cybrief.draft.figures import CHANGE_TO, CHANGED_FROM, find_figures
from cybrief.draft.lexicon import lexicon
from cybrief.draft.attribution import Speakers, Turn, narration_spans
from cybrief.draft.names import DOTS, simplified, surname_of
from cybrief.draft.organizations import as_written, delegation_of, organization_of, place_named, session_named
from cybrief.draft.speakers import Speaker
from cybrief.draft.terms import find_terms
from cybrief.brief.model import ID_PATTERN, Brief, Delegate, Event, Sector, Target
from cybrief.brief.model import Source as SourceRecord

TO_WRITE = "（待补充）"
SUMMARY_MARK = "【草稿摘录，待改写】"
TODO_EN = "TODO: English"
EXTRACT_CHARS = 80


@lru_cache(maxsize=1)
def _reading_table() -> dict[str, str] | None:
    """pypinyin's table of characters and their readings, read from the data file the package ships (about
    0.06 s) rather than through `import pypinyin` (about 0.4 s, most of a draft's time: it loads phrase tables
    and a segmenter a name does not need). None when the file is not where pypinyin keeps it."""
    import importlib.util
    import json
    import os

    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    path = os.path.join(folders[0], "pinyin_dict.json") if folders else ""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def readings(text: str) -> list[str]:
    """The toneless reading of each Chinese character (the first pypinyin lists, ü as v), a run of other
    characters kept as one item: what pypinyin's lazy_pinyin gives for a name."""
    table = _reading_table()
    if table is None:
        from pypinyin import lazy_pinyin

        return lazy_pinyin(text)
    out: list[str] = []
    other = ""
    for ch in text:
        entry = table.get(str(ord(ch)))
        if entry is None:
            other += ch
            continue
        if other:
            out.append(other)
            other = ""
        first = unicodedata.normalize("NFD", entry.split(",")[0]).replace("u\u0308", "v")
        out.append("".join(c for c in first if not unicodedata.combining(c)))
    if other:
        out.append(other)
    return out


def pinyin_name(name: str) -> str:
    """Wang Zhijie for 王志杰: family name first, with the readings family names take (曾 Zeng, 单 Shan)."""
    lex = lexicon()
    parts = re.split(f"[{DOTS}]", name)
    if len(parts) > 1:  # 艾尔肯·吐尼亚孜 -> Aierken Tuniyazi: each part a word, no family name first
        return " ".join("".join(readings(part)).capitalize() for part in parts if part)
    surname = surname_of(name)
    given = "".join(ch for ch in name[len(surname):] if ch not in DOTS)
    family = lex.surname_pinyin.get(simplified(surname)) or "".join(readings(surname)).capitalize()
    syllables = readings(given)
    # Jing'an, not Jingan: an apostrophe before a syllable that starts with a, o or e.
    joined = "".join(("'" if i and syllable[:1] in "aoe" else "") + syllable for i, syllable in enumerate(syllables))
    return f"{family} {joined.capitalize()}".strip()


def slug(text: str) -> str:
    """An id from any text: Latin letters and digits kept, Chinese turned into pinyin, the rest into hyphens."""
    if re.search(r"[\u4e00-\u9fff]", text):
        text = "-".join(readings(text))
    text = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return text if re.match(ID_PATTERN, text) else ""


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


# What a draft holds at most, so that it always loads (a brief holds at most 50,000 YAML nodes; a target
# takes about 45, a delegate about 40 and one more per paragraph and term): a longer article is drafted in part.
MAX_TARGETS = 600
MAX_DELEGATES = 100
MAX_EVENTS = 20
MAX_PARAGRAPHS = 200


class Limits:
    """What was left out of a draft to keep it loadable: counts found and kept, for the message."""

    def __init__(self):
        self.notes: list[str] = []


def build(article: Article, source: Source, sessions: list[Session], speakers: Speakers, brief_id: str | None,
          limits: Limits | None = None) -> Brief:
    lex = lexicon()
    limits = limits if limits is not None else Limits()
    if len(sessions) > MAX_EVENTS:
        limits.notes.append(f"drafted the first {MAX_EVENTS} of {len(sessions)} sessions found, so that the draft loads")
        sessions = sessions[:MAX_EVENTS]
    events, event_ids = [], set()
    for session in sessions:
        event_id = _unique(f"{lex.event_ids[session.kind]}-{session.date}", event_ids)
        paragraph_text = article.paragraph(session.paragraph) if session.paragraph else ""
        events.append(Event(
            id=event_id, date=session.date, time=session.time, kind=session.kind, title=session.title,
            theme=session.theme, place=session.place or source.place, paragraph=session.paragraph,
            terms=tuple(find_terms(paragraph_text)[:10]),
            review=("date", "kind", "title") + (("place",) if session.place or source.place else ())
            + (("terms",) if paragraph_text else ()),
        ))

    text = "\n".join(article.paragraphs)
    plain_text = simplified(text)
    places = list(lex.regions)
    mentioned = Counter({p: plain_text.count(p) for p in places})
    main_region = next((p for p, n in mentioned.most_common(1) if n), None)
    provinces = Counter({p: mentioned[p] for p in lex.region_full if mentioned[p]})
    province = provinces.most_common(1)[0][0] if provinces else None

    people = list(speakers)
    placeholder = None
    if not people:
        placeholder = Speaker(TO_WRITE, None, 1, "")
        people = [placeholder]
    if len(people) > MAX_DELEGATES:
        limits.notes.append(f"drafted the first {MAX_DELEGATES} of {len(people)} speakers found, so that the draft loads")
        people = people[:MAX_DELEGATES]
    delegate_ids: dict[str, str] = {}
    taken: set[str] = set()
    for speaker in people:
        base = "unnamed-speaker" if speaker is placeholder else slug(pinyin_name(speaker.name)) or "delegate"
        delegate_ids[speaker.name] = _unique(base, taken)

    targets: list[Target] = []
    found_count = 0
    counts: Counter = Counter()
    stated: set[tuple] = set()
    values: set[tuple] = set()  # (delegate, value) drafted, for a count said again as 这11名, 我们11个人
    sectors_of: dict[str, Counter] = {name: Counter() for name in delegate_ids}
    spans_of: dict[str, list[str]] = {name: [] for name in delegate_ids}
    for number, paragraph in enumerate(article.paragraphs, 1):
        if placeholder is None and number not in speakers.turns:
            continue
        if placeholder is not None and (number == 1 or number in speakers.questions):
            continue
        found = find_figures(paragraph)
        if placeholder is not None:  # no one named: the report's narration (据统计, 某网注意到) is still nobody's figures
            told = narration_spans(paragraph)
            found = [f for f in found if not any(a <= f.start < b for a, b in told)]
        spans = [(f.start, f.end) for f in found]
        starts = [f.start for f in found]
        for index, figure in enumerate(found):
            if placeholder is not None:
                turn = Turn(0, placeholder.name, "inferred", "the report names no speaker for this figure")
            else:
                turn = speakers.speaker_at(number, figure.start)
            if turn is None or turn.name not in delegate_ids:
                continue
            found_count += 1
            if len(targets) >= MAX_TARGETS:
                continue
            delegate_id = delegate_ids[turn.name]
            counts[delegate_id] += 1
            q = figure.quantity
            window, offset = guess.window(paragraph, figure.start, figure.end)
            at, until = figure.start - offset, figure.end - offset
            lo, hi = bisect.bisect_left(starts, offset), bisect.bisect_left(starts, offset + len(window))
            window_starts = [s - offset for s in starts[lo:hi]]
            window_spans = [(s - offset, e - offset) for s, e in spans[lo:hi] if e - offset <= len(window)]
            plain_window = simplified(window)  # 將, 計劃: what a figure is read from the words as simplified
            sector_slug = guess.sector(plain_window, at)
            sectors_of[turn.name][sector_slug] += 1
            horizon = guess.horizon(window, at, window_starts)
            region = guess.region(window, at, places) or main_region
            unit, review = q.unit, ["metric", "metric_en", "sector", "region", "kind"]
            if turn.basis == "inferred":
                review.insert(0, "delegate")
            if not unit:
                unit = _implied_unit(window, at, until, found[index - 1] if index else None, found[index + 1:index + 4], offset)
                review.append("unit")
            if figure.qualitative:
                review += ["value", "qualifier", "qualitative"]
            if horizon:
                review.append("horizon")
            metric = guess.metric(window, at, until, window_spans)
            said = (delegate_id, simplified(figure.text), q.value, unit, q.qualifier, simplified(metric))
            if _said_below(article, speakers, number, paragraph, found, figure, turn.name):
                counts[delegate_id] -= 1
                continue  # 【修改89处】……共修改89处, a subheading 单价下降90% over 单价下降了90%: the body says it
            if said in stated or (delegate_id, q.value) in values and _POINTS_BACK.search(
                    simplified(paragraph[max(0, figure.start - 3): figure.start])):
                counts[delegate_id] -= 1
                continue  # the lead summary and the body, a subheading and its paragraph: one figure, said twice
            stated.add(said)
            values.add((delegate_id, q.value))
            targets.append(Target(
                id=f"{delegate_id}-{counts[delegate_id]:02d}", delegate=delegate_id, sector=sector_slug,
                region=region or TO_WRITE, metric=metric,
                metric_en=TODO_EN, figure=figure.text, value=q.value, unit=unit, qualifier=q.qualifier,
                qualitative=figure.qualitative, kind=guess.kind(plain_window, at, int(events[0].date[:4])), horizon=horizon,
                paragraph=number, basis=turn.basis, basis_note=turn.note, review=tuple(review),
            ))
    if found_count > MAX_TARGETS:
        limits.notes.append(f"drafted the first {MAX_TARGETS} of {found_count} figures found, so that the draft loads "
                            "(a brief holds at most 50,000 YAML nodes); draft the rest from a shorter part of the article")

    for number, turns in speakers.turns.items():
        paragraph = article.paragraph(number)
        for i, turn in enumerate(turns):
            if turn.name in spans_of:
                end = turns[i + 1].start if i + 1 < len(turns) else len(paragraph)
                spans_of[turn.name].append(paragraph[turn.start:end])

    delegates = []
    for speaker in people:
        paragraphs = speakers.paragraphs_of(speaker.name) if speaker is not placeholder else []
        if len(paragraphs) > MAX_PARAGRAPHS:
            limits.notes.append(f"listed the first {MAX_PARAGRAPHS} of {len(paragraphs)} paragraphs of {speaker.name}")
            paragraphs = paragraphs[:MAX_PARAGRAPHS]
        delegate_sectors = [s for s, _ in sectors_of[speaker.name].most_common()]
        if not delegate_sectors:
            own = "\n".join(article.paragraph(p) for p in paragraphs[:50])
            scores = guess.sector_scores(own[:20000])
            delegate_sectors = [s for s, n in sorted(scores.items(), key=lambda kv: -kv[1]) if n >= 2][:3]
        # 江苏代表团审议时，省长刘小涛说: the place named in the speaker's own sentence, before the report's at large
        local = place_named(speaker.lead)
        organization = (organization_of(speaker.role, text, local or province, placed=bool(local))
                        or delegation_of(speaker.role, text)) if speaker.role else None
        event_id = _event_for(speaker.introduced, sessions, events)
        if organization == "大会":  # two sessions named: the spokesperson's is the one their event names
            title = next(e.title for e in events if e.id == event_id)
            organization = session_named(title) or organization
        if organization:
            organization = as_written(organization, text)  # 重慶市 in a traditional report, not 重庆市
        delegates.append(Delegate(
            id=delegate_ids[speaker.name], name=speaker.name, name_en=pinyin_name(speaker.name) if speaker is not placeholder else TODO_EN,
            role=speaker.role or TO_WRITE, organization=organization or TO_WRITE,
            event=event_id, sectors=tuple(delegate_sectors),
            summary=SUMMARY_MARK + _extract(speaker.sentence[max(0, speaker.sentence.find(speaker.name)):]), summary_en=f"{TODO_EN} summary",
            paragraphs=tuple(paragraphs), terms=tuple(find_terms("\n".join(spans_of[speaker.name])[:50000])),
            review=("name", "name_en", "role", "organization", "event", "sectors", "summary", "summary_en", "terms")
            if speaker is placeholder else ("name_en", "role", "organization", "event", "sectors", "summary", "summary_en", "terms"),
        ))

    used = {t.sector for t in targets} | {s for d in delegates for s in d.sectors}
    sectors = [Sector(slug=e["slug"], zh=e["zh"], en=e["en"]) for e in lex.sectors if e["slug"] in used]
    source_review = ("outlet",) + (("reporter",) if source.reporter else ()) + (("published",) if source.published else ())
    return Brief(
        id=brief_id or f"draft-{events[0].date}", title=article.title or TO_WRITE, language="zh",
        source=SourceRecord(outlet=source.outlet or TO_WRITE, reporter=source.reporter, published=source.published,
                            review=source_review),
        events=tuple(events), sectors=tuple(sectors), delegates=tuple(delegates), targets=tuple(targets),
        review=("id", "title"),
    )


def _event_for(paragraph: int, sessions: list[Session], events: list[Event]) -> str:
    """The session named in the paragraph that introduces the speaker, else the last one named before it."""
    chosen = events[0].id
    for session, event in sorted(zip(sessions, events), key=lambda pair: pair[0].paragraph):
        if (session.paragraph or 0) <= paragraph:
            chosen = event.id
    return chosen


# 有11名村官当选……这11名代表, 我们11个人: a count after a demonstrative or a pronoun points back to one already given
_POINTS_BACK = re.compile(r"(?:这|那|这些|那些|上述|前述|我们|他们|她们|咱们)$")
_PEOPLE = re.compile(r"(?:贫困)?(?:人口|员工|干部|职工|农民|群众|居民|村民|游客|学生|人员|劳动力|工人|党员|志愿者|人才|就业"
                     r"|各族人民|同胞|旅客|乘客|市民)")  # 3000多万各族人民, 1000万同胞, 60万外地旅客
# 村民人均年收入一万二: the people before 人均 are the base of a per-head amount, not what it counts
_PER_HEAD = re.compile(rf"(?:{_PEOPLE.pattern})?人均")
_PER_HEAD_MONEY = re.compile(r"人均[^，。；：、]{0,6}?(?:收入|所得|工资|薪|消费|支出|GDP|生产总值|存款|储蓄|分红|收益|补贴|财富)")
_MONEY = ("元", "投资", "营收", "收入", "产值", "规模", "资金", "销售额", "GDP", "产业", "成本", "生产总值", "经济总量", "预算", "债", "捐款", "捐赠")
# 8年收了1600多万, 一年赚300多万: an amount with no unit that is what someone takes in, earns or spends is money
_MONEY_VERB = re.compile(r"(?:(?<![吸接招回征])收|赚|挣|花|贪|捞|罚|亏|掏|损失|补贴|奖励|拨付|拨款|下达|筹集|发放)(?:了|到|掉|走)?$")


_LEAD_HEADING = re.compile(r"^[【\[][^】\]]{1,60}[】\]]")


def _said_below(article: Article, speakers: Speakers, number: int, paragraph: str, found, figure, name: str) -> bool:
    """Whether a figure in a heading (the headline, a 【……】 opening the paragraph, or a subheading line) is said again, same
    value and unit, by the same speaker in the text the heading stands over: the body's figure is the one kept."""
    lead = _LEAD_HEADING.match(paragraph)
    if lead and figure.end <= lead.end():
        below = [(number, f) for f in found if f.start >= lead.end()]
    elif number == 1 and article.title:  # the headline: the report it heads
        below = [(at, f) for at in range(2, len(article.paragraphs) + 1) if at in speakers.turns
                 for f in find_figures(article.paragraph(at))]
    elif len(paragraph) <= 30 and not re.search(r"[。！？；]", paragraph) and number < len(article.paragraphs):
        below = [(number + 1, f) for f in find_figures(article.paragraph(number + 1))]
    else:
        return False
    q = figure.quantity
    for at, other in below:
        turn = speakers.speaker_at(at, other.start)
        if turn is not None and turn.name == name and other.quantity.value == q.value and other.quantity.unit == q.unit:
            return True
    return False


def _counts_people(before: str) -> bool:
    """Whether the words before a figure name the people it counts, with no money spoken of after them
    (港澳同胞捐款超过2亿, 旅客运输收入80亿: money, not people)."""
    people = None
    for people in _PEOPLE.finditer(before):
        pass
    return people is not None and not any(word in before[people.end():] for word in _MONEY + ("捐", "消费", "支出", "收益"))


def _implied_unit(window: str, start: int, end: int, previous, following, offset: int = 0) -> str:
    """For a figure that states no unit: the unit of the next figure when a list shares it (8.2、5.0个百分点),
    人 when it counts people (4万多员工, 贫困人口减少1000万), that of the figure before in the same clause when
    it was implied too, 元 when money is spoken of around it, that of an amount counted before it in the
    sentence (2万张床位……2.6万), else 个."""
    chain = end
    for item in following:  # 0.3、0.5和0.7个百分点: the unit of the list's last
        if item.start - offset != chain + 1 or window[chain:chain + 1] not in "、和及与":
            break
        if item.quantity.unit:
            return item.quantity.unit
        chain = item.end - offset
    if following and following[0].quantity.unit and re.fullmatch(CHANGED_FROM, simplified(window[end:following[0].start - offset])):
        return following[0].quantity.unit  # 由4000改为6000元
    if previous and previous.quantity.unit and simplified(window[max(0, previous.start - offset - 1): previous.start - offset]) == "从" \
            and re.fullmatch(CHANGE_TO, simplified(window[previous.end - offset: start])):
        return previous.quantity.unit  # 从80.6微克每立方米降到了30.5
    s0, s1 = guess.sentence_bounds(window, start)
    clause_start = max(window.rfind(mark, s0, start) for mark in "，；：、") + 1
    clause = simplified(window[clause_start:start])
    after = simplified(window[end:end + 8])
    if re.match(r"[\u4e00-\u9fff]{0,4}?人次", after):
        return "人次"  # 近150亿就诊人次
    if re.match(r"[\u4e00-\u9fff]{0,4}?人口", after) or re.search(r"人数|人口$", clause):
        return "人"  # 近六百万低收入人口, 在校生人数一百二十万
    if "人次" in clause:
        return "人次"  # 入境游客人次2.5亿
    if _PER_HEAD_MONEY.search(clause):
        return "元"  # 村民人均年收入一万二, 职工人均工资8万: an amount per head is money, not people
    if re.match(r"[\u4e00-\u9fff]{0,4}?(?:家庭|户)", window[end:end + 8]):
        return "户"  # 约15万新生儿家庭: households
    if _PEOPLE.match(window, end) or _counts_people(_PER_HEAD.sub("，", simplified(window[max(clause_start, start - 12):start]))):
        return "人"
    sentence = simplified(window[s0:s1])
    if _counts_people(_PER_HEAD.sub("，", simplified(window[max(s0, start - 40):start]))):
        return "人"  # 贫困人口要减少500万以上，搬迁也要超过80万以上: the people of the sentence
    if re.search(r"[万亿]", window[start:end]) and _MONEY_VERB.search(simplified(window[max(s0, start - 4):start])):
        return "元"
    if any(word in sentence for word in _MONEY):
        return "元"
    if previous and previous.quantity.unit not in ("", "%", "个") and previous.start - offset >= s0 \
            and re.search(r"[万亿]", previous.text) and re.search(r"[万亿]", window[start:end]):
        return previous.quantity.unit  # 能腾出2万张床位，下月将达到2.6万: the count said before it
    return "个"


def _extract(sentence: str) -> str:
    text = sentence.strip()
    return text if len(text) <= EXTRACT_CHARS else text[:EXTRACT_CHARS] + "……"
