"""Putting a draft together: the model Brief from what the other steps found, every guess marked for review."""

from __future__ import annotations

import re
from collections import Counter

from cybrief.draft import guess
from cybrief.draft.clean import Article
from cybrief.draft.events import Session, Source
from cybrief.draft.figures import find_figures
from cybrief.draft.lexicon import lexicon
from cybrief.draft.speakers import Speakers
from cybrief.errors import UsageError
from cybrief.brief.model import ID_PATTERN, Brief, Delegate, Event, Sector, Target
from cybrief.brief.model import Source as SourceRecord

TO_WRITE = "（待补充）"
SUMMARY_MARK = "【草稿摘录，待改写】"
TODO_EN = "TODO: English"
EXTRACT_CHARS = 80


def pinyin_name(name: str) -> str:
    """Wang Zhijie for 王志杰: family name first, with the readings family names take (曾 Zeng, 单 Shan)."""
    from pypinyin import lazy_pinyin

    lex = lexicon()
    surname = lex.surname_of(name)
    given = name[len(surname):].replace("·", "")
    family = lex.surname_pinyin.get(surname) or "".join(lazy_pinyin(surname)).capitalize()
    syllables = lazy_pinyin(given)
    # Jing'an, not Jingan: an apostrophe before a syllable that starts with a, o or e.
    joined = "".join(("'" if i and syllable[:1] in "aoe" else "") + syllable for i, syllable in enumerate(syllables))
    return f"{family} {joined.capitalize()}".strip()


def slug(text: str) -> str:
    """An id from any text: Latin letters and digits kept, Chinese turned into pinyin, the rest into hyphens."""
    if re.search(r"[\u4e00-\u9fff]", text):
        from pypinyin import lazy_pinyin

        text = "-".join(lazy_pinyin(text))
    text = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return text if re.match(ID_PATTERN, text) else ""


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def build(article: Article, source: Source, sessions: list[Session], speakers: Speakers, brief_id: str | None) -> Brief:
    lex = lexicon()
    if not sessions:
        raise UsageError("found no dated session in the article (a phrase such as 3月7日……举行记者会); a brief needs one")
    events, event_ids = [], set()
    for session in sessions:
        event_id = _unique(f"{lex.event_ids[session.kind]}-{session.date}", event_ids)
        events.append(Event(
            id=event_id, date=session.date, time=session.time, kind=session.kind, title=session.title,
            theme=session.theme, place=session.place or source.place, paragraph=session.paragraph,
            review=("date", "kind", "title") + (("place",) if session.place or source.place else ()),
        ))

    places = list(lex.regions)
    for speaker in speakers:
        if speaker.organization:
            places += [p for p in re.findall(r"[\u4e00-\u9fff]{2,6}?(?:村|镇|乡|街道|县|区)", speaker.organization) if p not in places]
    mentioned = Counter({p: "\n".join(article.paragraphs).count(p) for p in places})
    main_region = next((p for p, n in mentioned.most_common(1) if n), None)

    delegate_ids: dict[str, str] = {}
    taken: set[str] = set()
    for speaker in speakers:
        delegate_ids[speaker.name] = _unique(slug(pinyin_name(speaker.name)) or "delegate", taken)

    targets: list[Target] = []
    counts: Counter = Counter()
    sectors_of: dict[str, Counter] = {name: Counter() for name in delegate_ids}
    for number, paragraph in enumerate(article.paragraphs, 1):
        if number not in speakers.mentions and number not in speakers.carried:
            continue
        found = find_figures(paragraph)
        spans = [(f.start, f.end) for f in found]
        starts = [f.start for f in found]
        for figure in found:
            who = speakers.speaker_at(number, figure.start)
            if who is None:
                continue
            name, named_here = who
            delegate_id = delegate_ids[name]
            counts[delegate_id] += 1
            q = figure.quantity
            sector_slug = guess.sector(paragraph, figure.start)
            sectors_of[name][sector_slug] += 1
            horizon = guess.horizon(paragraph, figure.start, starts)
            region = guess.region(paragraph, figure.start, places) or main_region
            unit, review = q.unit, ["metric", "metric_en", "sector", "region", "kind"]
            if not named_here:
                review.insert(0, "delegate")
            if figure.qualitative or not unit:
                unit = _implied_unit(paragraph, figure.start)
                review.append("unit")
            if figure.qualitative:
                review += ["value", "qualifier", "qualitative"]
            if horizon:
                review.append("horizon")
            targets.append(Target(
                id=f"{delegate_id}-{counts[delegate_id]:02d}", delegate=delegate_id, sector=sector_slug,
                region=region or TO_WRITE, metric=guess.metric(paragraph, figure.start, figure.end, spans),
                metric_en=TODO_EN, figure=figure.text, value=q.value, unit=unit, qualifier=q.qualifier,
                qualitative=figure.qualitative, kind=guess.kind(paragraph, figure.start), horizon=horizon,
                paragraph=number, review=tuple(review),
            ))

    delegates = []
    for speaker in speakers:
        paragraphs = speakers.paragraphs_of(speaker.name)
        delegate_sectors = [s for s, _ in sectors_of[speaker.name].most_common()]
        if not delegate_sectors:
            text = "\n".join(article.paragraph(p) for p in paragraphs)
            scores = guess.sector_scores(text)
            delegate_sectors = [s for s, n in sorted(scores.items(), key=lambda kv: -kv[1]) if n >= 2][:3]
        delegates.append(Delegate(
            id=delegate_ids[speaker.name], name=speaker.name, name_en=pinyin_name(speaker.name),
            role=speaker.role or TO_WRITE, organization=speaker.organization or TO_WRITE,
            event=_event_for(speaker.introduced, sessions, events), sectors=tuple(delegate_sectors),
            summary=SUMMARY_MARK + _extract(speaker.sentence[max(0, speaker.sentence.find(speaker.name)):]), summary_en=f"{TODO_EN} summary",
            paragraphs=tuple(paragraphs),
            review=("name_en", "role", "organization", "event", "sectors", "summary", "summary_en"),
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
        if session.paragraph <= paragraph:
            chosen = event.id
    return chosen


def _implied_unit(paragraph: str, start: int) -> str:
    """For a figure that states no unit (16.4亿, 万亿级): 元 when money is spoken of around it, else 个."""
    s0, s1 = guess.sentence_bounds(paragraph, start)
    money = ("元", "投资", "营收", "收入", "产值", "规模", "资金", "销售额", "GDP", "产业")
    return "元" if any(word in paragraph[s0:s1] for word in money) else "个"


def _extract(sentence: str) -> str:
    text = sentence.strip()
    return text if len(text) <= EXTRACT_CHARS else text[:EXTRACT_CHARS] + "……"
