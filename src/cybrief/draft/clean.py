"""Repairing web copy: paragraphs split by captions or stray line breaks joined, noise and bylines set aside."""

from __future__ import annotations

import re

# A sentence ends with one of these (closing quotes and brackets after it do not count).
TERMINAL = "。！？!?…；;："
_CLOSERS = "”’」』）)】》\"'"
# Punctuation that only running text has: a line holding one is a paragraph, not a caption or a heading.
_BODY_MARKS = re.compile(r"[，,。；！？、]")
_SPACES = re.compile(r"[\u3000\u00a0\u2002-\u200a\u202f\u205f\t ]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Lines that stand for an image, or caption it, wherever they are.
_IMAGE = re.compile(
    r"^(?:\[?(?:图片|图|image|img|photo|视频)\]?|!\[[^\]]*\]\([^)]*\)|\S+\.(?:jpe?g|png|gif|webp)(?:\?\S*)?"
    r"|(?:图为|图：|图/|▲|△|↑|图片来源|图片由|资料图|视频截图).*|[（(](?:图|资料图|图片)[^）)]*[）)])$",
    re.IGNORECASE,
)
# Lines about the page rather than the report: source, editor, time stamps, the end mark.
_META = re.compile(
    r"^(?:[【\[（(]?(?:来源|稿源|编辑|责任编辑|责编|审核|校对|作者|发布时间|时间|日期|原标题)[：:].*"
    r"|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+来源[：:].*)?"
    r"|[（(]完[）)]|[【\[（(](?:责任)?编辑[：:]?[^】\]）)]*[】\]）)])$"
)
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[ 、，,]+(?!摄影|报道|图文|文图)[\u4e00-\u9fff·]{2,4})*"
# 上游财经—重庆晨报特派北京记者 陈军 摄影报道; 本报记者 张三; 记者 李四 王五
BYLINE = re.compile(
    rf"^(?P<outlet>[^\s，。；：]{{0,24}}?)(?:(?:特派|驻)(?P<place>[\u4e00-\u9fff]{{1,8}}?))?(?:首席|特约|实习)?记者\s*"
    rf"(?P<names>{_NAMES})\s*(?:摄影报道|图文报道|报道|摄影|摄|文/图|文图)?$"
)
# 新华社北京3月7日电（记者张三、李四）: the dateline that opens the first paragraph of an agency report.
DATELINE = re.compile(
    rf"^(?P<outlet>[\u4e00-\u9fff]{{2,10}}?(?:社|网|报|台))(?P<place>[\u4e00-\u9fff]{{2,6}}?)(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日电"
    rf"[（(](?:特派|首席)?记者\s*(?P<names>{_NAMES})[）)]\s*"
)
_FUSED_BYLINE = re.compile(rf"(?<=[{TERMINAL}”’」』）)])\s*(?P<byline>[^\s，。；：“”]{{2,24}}?(?:(?:特派|驻)[\u4e00-\u9fff]{{1,8}}?)?记者\s*{_NAMES}\s*(?:摄影报道|报道|摄)?)$")
_HEADLINE_SPEAKER = re.compile(r"^(?:全国人大代表|全国政协委员|人大代表|政协委员)[\u4e00-\u9fff·]{2,4}[：:]")
_NEW_PARAGRAPH = re.compile(r"^(?:\d{1,2}月\d{1,2}日|[\u4e00-\u9fff]{2,10}?(?:社|网|报|台)[\u4e00-\u9fff]{2,6}?\d{1,2}月\d{1,2}日电)")

MAX_CAPTION = 40  # characters; a caption is a short line
MAX_CAPTIONS_IN_A_BREAK = 4


class Article:
    """A repaired article: paragraphs[0] is the headline (paragraph 1); what was set aside is kept."""

    __slots__ = ("paragraphs", "captions", "bylines", "meta", "joined")

    def __init__(self, paragraphs: list[str], captions: list[str], bylines: list[str], meta: list[str], joined: list[int]):
        self.paragraphs, self.captions, self.bylines, self.meta, self.joined = paragraphs, captions, bylines, meta, joined

    @property
    def title(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""

    def paragraph(self, number: int) -> str:
        """Paragraph `number`, counted from the headline as 1."""
        return self.paragraphs[number - 1]


def normalize_line(line: str) -> str:
    """Full-width and other wide spaces to one plain space, invisible characters dropped, ends trimmed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    if not core:
        return True
    return core[-1] in TERMINAL


def is_headline(text: str) -> bool:
    """A heading between reports: short, no final punctuation, and styled as a title (a speaker and a colon,
    or two phrases set apart by a space)."""
    if len(text) > 60 or ends_sentence(text):
        return False
    return bool(_HEADLINE_SPEAKER.match(text) or re.search(r"[\u4e00-\u9fff”’]\s[\u4e00-\u9fff“‘]", text))


def is_running_text(text: str) -> bool:
    return bool(_BODY_MARKS.search(text)) and not is_headline(text) and not BYLINE.match(text)


def is_caption_like(text: str) -> bool:
    return len(text) <= MAX_CAPTION and not ends_sentence(text) and not _BODY_MARKS.search(text)


def clean(text: str) -> Article:
    """Repair an article as web pages leave it; see README ("Drafting a brief") for the rules."""
    lines = [normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    captions: list[str] = []
    meta: list[str] = []
    body: list[str] = []
    for line in lines:
        if _IMAGE.match(line):
            captions.append(line)
        elif _META.match(line):
            meta.append(line)
        else:
            body.append(line)
    if body and body[0].startswith(("标题：", "标题:")):
        body[0] = body[0][3:].strip()
    if len(body) > 1 and body[1] == body[0]:  # the headline printed twice
        del body[1]
    bylines: list[str] = []
    while len(body) > 1 and BYLINE.match(body[-1]):  # the trailing byline(s)
        bylines.insert(0, body.pop())
    paragraphs, joined = _join(body, captions)
    for index, paragraph in enumerate(paragraphs):
        fused = _FUSED_BYLINE.search(paragraph) if index else None
        if fused and fused.start() > 0:  # a byline run on at the end of the last paragraph of a report
            bylines.append(fused.group("byline"))
            paragraphs[index] = paragraph[: fused.start()].rstrip()
    bylines = [line for line in paragraphs[1:] if BYLINE.match(line)] + bylines
    return Article(paragraphs, captions, bylines, meta, joined)


def _join(lines: list[str], captions: list[str]) -> tuple[list[str], list[int]]:
    """Join a paragraph that stops mid-sentence with the line that carries on, setting aside the short
    unpunctuated lines between them as captions. The headline is never joined."""
    paragraphs: list[str] = []
    joined: list[int] = []
    i = 0
    while i < len(lines):
        current = lines[i]
        i += 1
        while paragraphs and is_running_text(current) and not ends_sentence(current) and i < len(lines):
            j = i
            while j < len(lines) and j - i < MAX_CAPTIONS_IN_A_BREAK and is_caption_like(lines[j]) and not is_headline(lines[j]):
                j += 1
            if j >= len(lines):
                break
            following = lines[j]
            carries_on = is_running_text(following) or (ends_sentence(following) and not BYLINE.match(following))
            if not carries_on or _NEW_PARAGRAPH.match(following):
                break
            captions.extend(lines[i:j])
            current += following
            i = j + 1
            if len(paragraphs) + 1 not in joined:
                joined.append(len(paragraphs) + 1)
        paragraphs.append(current)
    return paragraphs, joined
