"""Telling people's names in running text: family names, where a name ends, names with a middle dot.

A name is two to four Chinese characters that begin with a family name (a compound one such as 欧阳 first),
or a minority name of two parts joined by a middle dot (艾尔肯·吐尼亚孜). Where it ends is read from what
follows it: a report glues the next word to a name (刘伟首先, 李朴民会中表示, 张海波及), so each possible
length is tried and the one followed by a word that follows names (a verb of saying, a title, a particle,
punctuation) wins. Traditional characters are read as simplified (歐陽華 has the family name 歐陽).
"""

from __future__ import annotations

import re
from functools import lru_cache

from cybrief.draft.lexicon import lexicon

DOTS = "·・•‧"
_HAN = r"\u4e00-\u9fff\u3400-\u4dbf"
_DOTTED = re.compile(rf"[{_HAN}]{{2,6}}[{DOTS}][{_HAN}]{{2,6}}")
# Words that may open a name's continuation, each with a weight: a verb of saying or a title after a name is
# the best evidence of where the name ends; punctuation is good evidence; a particle, some.
# Characters that follow names far more often than they end one: a name is not read through them.
AFTER_NOT_IN = set("在于就对向从说等将也还又都是称更的则亦却便作昨受")
_PARTICLES = (
    "在 于 於 就 对 向 从 为 以 被 把 做 会中 会上 于会上 于会中 在会上 在会中 今天 今日 今年 去年 明年 目前 近年 多年 日前 近日 昨天 昨日 昨晚 昨 今晨 今晚 首先 进一步 还 也 则 等 及 和 与 同 的 作 是 都 曾 "
    "又 再 将 已 当 先 随后 同时 特别 更 接受 参加 出席 亮相 走上 带领 率 一行 本人 自己 所 等人 代表 委员 说道 现场 "
    "当天 此前 一直 认真 这 那 坦承 连 用 拿 手 举 举手 带 接着 继续 详细 重点 着重 围绕 来自 作为 通过 回答 答 看来 眼中 告诉 "
    "微笑 笑着 面带微笑 幽默 风趣 动情 感慨 尤其 出现 送上 手捧 全程 脱稿 给 听到 听完 首个 第 提了 提交 算了 拿出 这样 如此 计划 打算 准备 决定 来说 陪同 总结 回顾 盘点 担任 现任 曾任 兼任 出任 关心 关注 关切 聚焦 受 联同 连同 不禁 忍不住"
).split()


_INNER_PARTICLE = re.compile("|".join(sorted((p for p in _PARTICLES if len(p) >= 2), key=len, reverse=True)))

# Variant forms a page may print that the conversion table leaves as they are (陜西: 陕西)
_VARIANTS = str.maketrans({"陜": "陕", "頴": "颖", "颕": "颖"})
_PARTICLE_ZHE = re.compile(r"(?<=[笑接随带顺沿凭紧看听望拿握])著")


def simplified(text: str) -> str:
    """The text with traditional characters as simplified, one for one (offsets unchanged)."""
    from cybrief.search.normalize import t2s_table

    plain = text.translate(t2s_table()).translate(_VARIANTS)
    if "著" in plain:  # 笑著說, 接著, 隨著: the particle 着 as Taiwan and Hong Kong print it (著名 stays)
        plain = _PARTICLE_ZHE.sub("着", plain)
    return plain


def one_form(names) -> dict[str, str]:
    """Each name to the first of those that read the same (文穎怡 and 文頴怡, one character in a variant form): one person."""
    first: dict[str, str] = {}
    return {name: first.setdefault(simplified(name), name) for name in names}


_HOW_SAID = re.compile(r"(?:[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{4})地")


@lru_cache(maxsize=1)
def _after_words() -> list[tuple[str, int]]:
    lex = lexicon()
    words = [(w, 3) for w in lex.verbs] + [(t, 3) for t in lex.short_titles + lex.titles]
    words += [(p, 1) for p in _PARTICLES]
    return sorted(words, key=lambda pair: -len(pair[0]))


def follows_name(text: str, at: int) -> tuple[int, int]:
    """How well the text at `at` reads as what comes after a name, and how long the word that says so is:
    3 a verb or title, 2 punctuation or the end, 1 a particle, 0 anything else (the characters would be
    part of the name or of a longer word)."""
    if at >= len(text):
        return 2, 0
    ch = text[at]
    if not ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"):
        return 2, 1
    plain = simplified(text[at:at + 6])
    best = (0, 0)
    for word, weight in _after_words():
        if plain.startswith(word) and (weight, len(word)) > best:
            if weight == 3 and plain.startswith("会", len(word)) and word in lexicon().title_set:
                continue  # 常委会, 委员会: a body, no title after a name
            best = (weight, len(word))
    manner = _HOW_SAID.match(simplified(text[at:at + 9]))
    if manner and simplified(text[at + manner.end():at + manner.end() + 4]).startswith(tuple(lexicon().verbs)) and (3, manner.end()) > best:
        best = (3, manner.end())  # 张明坦率地说, 张明信心满满地表示: a manner of two or four characters, 地, saying
    return best


def surname_of(name: str) -> str:
    """The family name at the start of a name (compound ones first), as written."""
    plain = simplified(name)
    for compound in lexicon().compound_surnames:
        if plain.startswith(compound) and len(plain) > len(compound):
            return name[: len(compound)]
    return name[:1]


def has_surname(name: str) -> bool:
    return simplified(surname_of(name)) in lexicon().surnames


def is_dotted(name: str) -> bool:
    return bool(_DOTTED.fullmatch(name))


def looks_like_name(text: str) -> bool:
    """Two to four Chinese characters beginning with a known family name, or a name with a middle dot."""
    if is_dotted(text):
        return True
    if not 2 <= len(text) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    if len(text) == 4 and len(surname_of(text)) == 1 and not is_married(text):
        return False  # four characters are a compound family name and two more (欧阳明月), else a phrase
    plain = simplified(text)
    if plain.endswith("的") or len(plain) > 2 and _INNER_PARTICLE.search(plain, 1):
        return False  # 代表时特别强调: a word that follows names (特别, 同时) inside the characters, after the first
    return has_surname(text) and not _is_word(plain)


# Not the rest of a name: counts and groups (刘陈两位, 张王二人, 李赵等人)
_NOT_GIVEN = set("一二两三四五六七八九十几多位名个人们家等氏与和及")


def is_married(text: str) -> bool:
    """A married name as Hong Kong and Macau write it, her husband's family name before her own and her given
    name (叶刘淑仪, 羅范椒芬): four characters, the first two common family names (lexicon `married`)."""
    plain = simplified(text)
    common = lexicon().married_surnames
    return len(plain) == 4 and plain[0] in common and plain[1] in common and not _NOT_GIVEN & set(plain[2:])


def _is_word(text: str) -> bool:
    """Common words that begin with a family name's character, and verbs of saying (强调, 谈到, 解释): never names."""
    lex = lexicon()
    return text in lex.not_names or text[:2] in lex.not_names or text[:2] in lex.verb_set


def name_at(text: str, start: int, known: frozenset[str] = frozenset(), segmenter_names: frozenset[str] = frozenset()) -> str | None:
    """The name beginning at `start`, or None. A name already known wins; then a dotted name; then the
    length (2, 3 or 4 characters) best followed by a word that follows names, three characters on a tie.
    `segmenter_names` (names a segmenter tagged in the paragraph) decide a tie when they are given."""
    for name in sorted(known, key=len, reverse=True):
        if text.startswith(name, start):
            return name
    dotted = _DOTTED.match(text, start)
    if dotted:
        # 艾尔肯·吐尼亚孜介绍: the second part ends where a word that follows names begins (the best such word).
        dot = max(text.rfind(d, start, dotted.end()) for d in DOTS)
        cuts = range(dot + 3, dotted.end() + 1)
        return text[start:max(cuts, key=lambda cut: (follows_name(text, cut)[0], -cut))]
    plain = simplified(text[start:start + 5])
    best, best_score = None, (0, 0)
    for length in (3, 2, 4):
        candidate = text[start:start + length]
        tagged = simplified(candidate) in segmenter_names
        if len(candidate) < length or not (looks_like_name(candidate) or tagged):
            continue
        if length > 2 and plain[length - 1] in AFTER_NOT_IN and not tagged and looks_like_name(candidate[:-1]):
            continue  # 苗圩在发布会上: 在 begins what follows the name (here 发布, read as a verb, would win)
        if len(plain) > length and plain[length] in "·":
            continue
        weight, word = follows_name(text, start + length)
        score = (weight + tagged, word)
        if score > best_score:
            best, best_score = candidate, score
    return best


# A phrase after a membership that opens with one holds no name (兼: 副秘书长兼新闻发言人, a second title)
_ADVERBS = set("都也还又就则将已曾均皆亦再更便才正兼时")  # 某某代表时特别强调: when, not a name
# How someone answers, between their title and the verb (厅长立刻回答, 代表真诚作答, 局长耐心解答): no name
_MANNER_WORDS = ("立刻", "立即", "随即", "当即", "当场", "马上", "真诚", "认真", "耐心", "详细", "从容", "热情", "坦诚", "一一", "逐一",
                 "积极", "纷纷", "踊跃", "热烈", "充分", "深入", "共同", "一致", "广泛", "主动")  # 委员积极建言: how they spoke, no name
# characters of the words that follow a title, never of a name (委员抵京, 代表赴京, 委员们: arriving, not a name)
_NOT_IN_NAME = set("的了是在和与及等团会们人大省市县区委部局厅京抵赴到政协议携份")  # 委员热议政协……: a headline's verb


def unsurnamed_at(text: str, start: int) -> str | None:
    """A name whose first character is no family name the lexicon knows (向巴平措, 朝鲁孟, 普布: Tibetan and
    Mongolian names have none) at `start`, for a place where the context already says a name comes (after a
    delegate's membership, see speakers.find_people): two to four characters, none of _NOT_IN_NAME, no title
    inside, not beginning with a verb, a title, an adverb or a word of those that follow names, and followed by one. Of the lengths that fit, the best
    followed; the longest on a tie (a name of this kind is one word of four characters more often than two of two)."""
    best, best_score = None, 0
    titles = lexicon().titles + lexicon().memberships + lexicon().short_titles
    for length in (4, 3, 2):
        candidate = simplified(text[start:start + length])
        if len(candidate) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in candidate):
            continue
        if _NOT_IN_NAME & set(candidate) or AFTER_NOT_IN & set(candidate[1:]) or _is_word(candidate) or any(t in candidate for t in titles):
            continue
        weight, _ = follows_name(text, start + length)
        opening, size = follows_name(text, start)
        if weight == 0 or opening == 3 or opening and size > 1 or candidate[0] in _ADVERBS or candidate.startswith(_MANNER_WORDS) \
                or candidate.startswith(("以", "之", "期间", "时", "后", "前")):  # 担任政协委员以来: when, not who
            continue  # not followed by what follows a name, or itself a verb, a title, an adverb (代表都认为) or a
            # word that follows names (代表走上通道)
        if weight > best_score:
            best, best_score = text[start:start + length], weight
    return best


def segmenter_names(paragraph: str) -> frozenset[str]:
    """Person names (tag nr) that jieba finds in a paragraph, when CYBRIEF_DRAFT_SEGMENTER=jieba and jieba is
    installed; else none. Kept as an option for measuring (benchmarks/draft_quality.py): see pyproject.toml."""
    import os

    if os.environ.get("CYBRIEF_DRAFT_SEGMENTER") != "jieba":
        return frozenset()
    try:
        import jieba
        import jieba.posseg
    except ImportError:
        return frozenset()
    jieba.setLogLevel(60)
    return frozenset(w.word for w in jieba.posseg.cut(simplified(paragraph)) if w.flag == "nr" and len(w.word) >= 2)
