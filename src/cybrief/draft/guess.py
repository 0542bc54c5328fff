"""Guesses about a figure from the words around it: metric, kind, horizon, sector and region."""

from __future__ import annotations

import re

from cybrief.draft.lexicon import lexicon

_PERIOD = re.compile(
    r"“?(?P<plan>十[一二三四五六七八九]五)”?(?P<plan_end>末|期间|时期)?"
    r"|(?P<year>(?:19|20)\d\d)年(?P<year_end>底|末)?"
    r"|(?P<ago>(?:\d+|[一二两三四五六七八九十]+)年前)"
    r"|(?P<word>今年|明年|去年|年内)"
)
_CLAUSE_OPENERS = re.compile(r"(?:力争|争取|预计|计划|到|至|在|截至|截止|于|今后|未来|从|自|回望|回顾|纵观|整个)*$")
# 计划投资, 规划建设: planned; not a plan named as a thing (大科学计划，, 综合计划类, 规划的)
_PLAN_WORDS = re.compile(r"(?:计划|规划)(?![类、，。；的和与及等书中里内纲])|(?:按照|按)(?:计划|规划)|(?<!模)拟|安排")
_GOAL_WORDS = re.compile(r"力争|争取|目标|确保|预计|预期(?:的|为|是|由|将|至|达到?)?$|有望|未来|将(?!近)|(?<![重主需只])要(?![素求想])|(?<![达得])到“?(?:十[一二三四五六七八九]五|20\d\d年)")
_CLAUSE = re.compile(r"[^，。；！？：,;]+")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_LEADING = re.compile(
    r"^(?:其中|另外|此外|同时|并且|并|和|及|以及|而|但|目前|如今|当前|现在|截至目前|今年|去年|全年|累计|已|已经|将再|将|、|“?十[一二三四五六七八九]五”?(?:期间|时期|末)?|(?:19|20)\d\d年(?:底|末)?|力争|争取|到|使)+"
)
_TRAILING = re.compile(r"(?:(?:\d+|[一二两三四五六七八九十]+)年前|达到|达|为|是|超过|突破|实现|增至|提高到|提升至|跃升至|缩短至|降至|增长至|增加|至|到|约|共|累计|有|占|以|从|都只要|只要|的|了|将|将再)+$")


# How far around a figure its guesses look. A figure's sentence, clause and neighbours are within it; a
# paragraph is no longer read whole for each figure, so a draft of one long line takes time in proportion
# to its length, not to its length times the number of its figures.
WINDOW = 300


def window(paragraph: str, start: int, end: int) -> tuple[str, int]:
    """The text a figure's guesses read (WINDOW characters either side, cut at sentence ends when it can
    be), and its offset in the paragraph."""
    lo, hi = max(0, start - WINDOW), min(len(paragraph), end + WINDOW)
    if lo:
        cut = max(paragraph.rfind(mark, lo, start) for mark in "。！？")
        lo = cut + 1 if cut >= lo else lo
    if hi < len(paragraph):
        cut = min((i for i in (paragraph.find(mark, end, hi) for mark in "。！？") if i >= 0), default=-1)
        hi = cut + 1 if cut >= 0 else hi
    return paragraph[lo:hi], lo


def sentence_bounds(paragraph: str, offset: int) -> tuple[int, int]:
    for match in _SENTENCE.finditer(paragraph):
        if match.start() <= offset < match.end():
            return match.span()
    return 0, len(paragraph)


def _clause_bounds(paragraph: str, offset: int) -> tuple[int, int]:
    for match in _CLAUSE.finditer(paragraph):
        if match.start() <= offset < match.end():
            return match.span()
    return offset, offset


def _normalize_period(match: re.Match) -> str:
    if match.group("plan"):
        return match.group("plan") + ("末" if match.group("plan_end") == "末" else "")
    if match.group("year"):
        return match.group("year") + ({"底": "年底", "末": "年末"}.get(match.group("year_end") or "", ""))
    return match.group("ago") or match.group("word")


def _opens_clause(paragraph: str, start: int) -> bool:
    before = paragraph[:start]
    cut = max(before.rfind(mark) for mark in "，。；！？：,;")
    return bool(_CLAUSE_OPENERS.fullmatch(before[cut + 1:]))


def _is_base_or_start(paragraph: str, match: re.Match) -> bool:
    """“十三五”末的2.4倍 (the base a multiple is measured from), 自2021年 / 2021年以来 (a starting point)."""
    after = paragraph[match.end(): match.end() + 3]
    if after.startswith(("末的", "的", "底的")):
        return True
    if (match.group("year") or match.group("ago")) and (paragraph[max(0, match.start() - 1): match.start()] in ("自", "从", "于", "比", "较")
                                or paragraph[max(0, match.start() - 2): match.start()] in ("相比", "对比", "同比")
                                or after.startswith(("以来", "起", "发布", "相比", "同期"))):
        return True
    return False


def horizon(paragraph: str, start: int, figure_starts: list[int]) -> str | None:
    """The period a figure belongs to, as stated: one opening its clause covers the rest of the sentence, one
    inside a clause only the figure right after it, and one opening the paragraph the whole paragraph."""
    s0, _ = sentence_bounds(paragraph, start)
    best = None
    for match in _PERIOD.finditer(paragraph, s0, start):
        if _is_base_or_start(paragraph, match):
            continue
        between = [f for f in figure_starts if match.end() <= f < start]
        if between and not _opens_clause(paragraph, match.start()):
            continue
        best = match
    if best is not None:
        return _normalize_period(best)
    first_clause_end = _clause_bounds(paragraph, 0)[1]
    for match in _PERIOD.finditer(paragraph, 0, min(first_clause_end, start)):
        if _opens_clause(paragraph, match.start()) and not _is_base_or_start(paragraph, match):
            return _normalize_period(match)
    return None


def kind(paragraph: str, start: int, year: int | None = None) -> str:
    """plan when the nearest marker before the figure in its sentence is 计划/规划; goal for 将, 力争, 目标,
    到……末 and the like (not 到 a year before `year`, the session's: 从2012年到2021年 tells what was done);
    achieved when there is none."""
    clause = re.split(r"[，。；！？]", paragraph[:start])[-1]
    if re.match(r"[^，。；、的]{1,12}的(?:预期|调控|控制|年度)*目标", paragraph[start:]) and not re.search(r"(?:实现|完成|达到|超过)了", clause):
        return "goal"  # 低于6%的预期控制目标: the figure is the goal (not 实现了……90万人的目标: done)
    s0, _ = sentence_bounds(paragraph, start)
    window = paragraph[s0:start]
    window = window[window.rfind("：“") + 1:]  # a quotation starts a new utterance
    plan = [m.start() for m in _PLAN_WORDS.finditer(window)]
    goal = [m.start() for m in _GOAL_WORDS.finditer(window)
            if not (year and re.fullmatch(r"到“?20\d\d年", m.group()) and int(m.group()[-5:-1]) < year)]
    if not plan and not goal:
        return "achieved"
    return "plan" if max(plan, default=-1) > max(goal, default=-1) else "goal"


def metric(paragraph: str, start: int, end: int, figure_spans: list[tuple[int, int]]) -> str:
    """What the figure measures, from its clause: the words before it (after any figure before it in the
    clause), less connectives and verbs; the words after it when those are too few."""
    c0, c1 = _clause_bounds(paragraph, start)
    previous = [e for s, e in figure_spans if c0 <= s and e <= start]
    before = paragraph[max([c0] + previous): start]
    nxt = [s for s, e in figure_spans if s >= end and e <= c1]
    after = paragraph[end: min([c1] + nxt)]
    before = _TRAILING.sub("", _LEADING.sub("", before))
    if len(before) < 2 and previous:
        before = _TRAILING.sub("", _LEADING.sub("", paragraph[c0: min(s for s, e in figure_spans if s >= c0)]))
    after = re.sub(r"^(?:的|是|为)", "", after)
    text = before if len(before) >= 4 or not after else before + after
    return text.strip("“”‘’ ") or paragraph[c0:c1].strip() or paragraph[start:end]


def sector(paragraph: str, start: int) -> str:
    """The sector whose keywords occur most around the figure (clause x3, sentence x2, paragraph x1)."""
    c0, c1 = _clause_bounds(paragraph, start)
    s0, s1 = sentence_bounds(paragraph, start)
    return sector_of([(paragraph[c0:c1], 3), (paragraph[s0:s1], 2), (paragraph, 1)]) or "general"


def sector_of(weighted: list[tuple[str, int]]) -> str | None:
    best, best_score = None, 0
    for entry in lexicon().sectors:
        score = sum(text.count(word) * weight for text, weight in weighted for word in entry["keywords"])
        if score > best_score:
            best, best_score = entry["slug"], score
    return best


def sector_scores(text: str) -> dict[str, int]:
    return {e["slug"]: sum(text.count(w) for w in e["keywords"]) for e in lexicon().sectors}


def region(paragraph: str, start: int, places: list[str]) -> str | None:
    """The last place named before the figure in its sentence, else earlier in its paragraph."""
    s0, _ = sentence_bounds(paragraph, start)
    for lo in (s0, 0):
        best, at = None, -1
        for place in places:
            found = paragraph.rfind(place, lo, start)
            if found > at or (found == at and best and len(place) > len(best)):
                best, at = place, found
        if best:
            return best
    return None
