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
    r"|(?:图为|图：|图:|图说[：:]|图/|▲|△|↑|图片来源|图片由|资料图|视频截图).*|[（(](?:图|资料图|图片)[^）)]*[）)])$",
    re.IGNORECASE,
)
# A caption in an agency's style: what happened, then 图为 and who is shown (3月5日，……举行。图为……接受采访。)
_CAPTION_SENTENCE = re.compile(r"^[^。]{0,150}。图为[^。]{2,150}。?$")
# HTML left in copied text: a tag, or one cut off at the end of a line (<a href='…'><p align=)
_HTML = re.compile(r"<(?:/?[a-zA-Z][^<>]*>|[a-zA-Z][^<>]*$)")
# A photo caption ends with its credit: 新华社记者 金立旺 摄, ……记者 约提克尔·尼加提摄, （中评社 徐梦溪摄）, 新华社发.
_CREDIT = re.compile(
    r"(?:(?:记者|摄影师?|通讯员|供图)\s*[\u4e00-\u9fff·]{2,10}\s*[/／]?\s*摄(?:影)?|[/／]摄|[（(][^（）()]{2,24}?摄[）)]"
    # 新华网/中国政府网 陈杰 摄: the outlets, a space, the photographer
    r"|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,8}(?:网|社|报|台)(?:/[\u4e00-\u9fff]{1,8}(?:网|社|报|台))*\s+[\u4e00-\u9fff·]{2,4}\s*摄"
    r"|(?:新华社|中新社|新华网|人民网|央视网)(?:记者\s*[\u4e00-\u9fff·]{2,10}\s*)?发"
    # 某司司长张明 摄影王五, 摄影：王五: the photographer named after 摄影, closing the caption
    r"|(?:^|(?<=[\s。）)]))摄影\s*[：:/／|｜]?\s*(?!报道)[\u4e00-\u9fff·]{2,4}(?:[ 、][\u4e00-\u9fff·]{2,4})*"
    r"|摄影\s*[：:/／|｜]\s*[\u4e00-\u9fff·]{2,4}(?:[ 、][\u4e00-\u9fff·]{2,4})*"
    # （受访者供图）, （受访者供图/图）, （某某供图）: a picture someone gave, closing the caption
    r"|[（(][^（）()]{0,16}?供图(?:\s*[/／]\s*图)?[）)])\s*$"
)
# Page chrome: breadcrumbs, share and print buttons (and a share widget's lines), counters, an e-paper's edition line.
_CHROME = re.compile(
    r"^(?:.*(?:->|＞|»|\s>\s).*(?:->|＞|»|\s>\s).*|(?:->|>|＞|»)\s*[^，。；！？]{1,40}?(?:->|>|＞|»).*|.*(?:首页|当前位置|您的位置)\s*(?:->|>|＞|»|：|:).*|首页\s*[?？›/|｜].*"
    r"|分享(?:至|到)[：:]?.*|分享|收藏|点赞|APP下载|点击右上角.*|微信好友|朋友圈|请?使用浏览器的?分享功能.*|正在阅读[：:].*|阅读剩余全文.*|更\s*多|视频|阅读提示|点击查看视频|申请入驻|关键词[：:].*|核心提示[：:].*"
    r"|[【\[]?(?:字号|打印本页|关闭窗口|打\s*印|返回)[：:]?.*|\d{1,7}|第\s*\d+\s*版[：:].*|详情\s*[》>]+"
    r"|《[^》]{1,20}》.*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*版\s*[）)]?"
    # 设为首页 加入收藏, [打印] [关闭], 改变文字大小, a copyright and its licence, what a page shows while it loads
    r"|.*(?:设为首页|加入收藏|[\[【]\s*(?:打印|关闭|返回顶部)\s*[\]】]|改变文字大小|版权所有|ICP备).*"
    # what a page says of the reader's browser, and a row of signs with a count (- +1, 赞 +1)
    r"|.{0,12}?(?:您|你)(?:的|正在?使用的|当前的?)?浏览器.{0,16}|.{0,12}?(?:不支持|不支援)(?:您|你)(?:的|正在?使用的|当前的?)?浏览器.{0,4}|[-+−–—\s]+\d{0,7}"
    r"|(?:Loading|加载中)\s*\.*|\d{3}\s+Not Found|nginx(?:/[\d.]+)?"
    # a page's address on a line of its own, its date banner (今天是：……星期四), its links for access and language
    r"|(?:https?://|www\.)\S+|今天是[：:]?.{0,24}?星期[一二三四五六日天].{0,12}|.*(?:网站导航|无障碍|English|繁体|简体).*[|｜].*)$"
)
# A portal's navigation: four or more short words set apart by spaces or bars, one of them a section (首页 新闻 要闻 两会 专题)
_NAVIGATION = re.compile(r"^(?:[^\W\d_a-zA-Z]{1,4}(?:\s*[|｜]\s*|\s+)){3,}[^\W\d_a-zA-Z]{1,4}$")
_SECTIONS = re.compile(r"(?:^|\s|[|｜])(?:首\s?页|新闻|要闻|国内|国际|时政|财经|社会|专题|视频|图片|评论|滚动|正文|频道|地方|体育|娱乐|科技|军事|两会|直播|原创)(?=$|\s|[|｜])")
# An ISO date at the start of a line or a short page line: 2022-10-16 09:00, date 2025-12-31 （…
_STAMP_LINE = re.compile(r"^\s*(?:date\s*)?(?P<stamp>\d{4}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")
_STAMP_ANY = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])")
# The editor's line ends a report: what follows (related links, buttons) is the page, not the report.
_EDITOR = re.compile(r"[【\[（(](?:责任)?编辑[：:][^】\]）)]{1,12}[】\]）)]\s*\d*$|^(?:责任编辑|编辑|责编)[：:].{1,12}$")
_RELATED = re.compile(r"^[【\[]?[^】\]]{0,6}?(?:新闻推荐|相关新闻|相关阅读|延伸阅读|推荐阅读|相关报道|猜你喜欢|热门推荐)[】\]]?[：:]?$")
_TEASER = re.compile(r"^[【\[]?[^】\]]{0,6}?(?:新闻推荐|相关新闻|相关阅读|延伸阅读|推荐阅读|相关报道|猜你喜欢|热门推荐)")
# 特别声明：以上内容……为自媒体平台用户上传, 免责声明：……: the page's statement about the content, after the report
_NOTICE = re.compile(r"^[【\[]?(?:特别声明|免责声明|版权声明|郑重声明)[】\]]?[：:]")
# A line with no Chinese in it and English words: the translation beside each paragraph of a bilingual page
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORDS = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}+\s+[A-Za-z]{2,}")  # from a word's start, never backing off: linear on a long run of letters
_TAIL_ARROWS = re.compile(r"[↓↑→►▼▲]+\s*$")
_TAIL_LINK = re.compile(r"\s*(?:详情\s*[》>]+|分享(?:到|至)[：:]?)\s*$")  # 详情》》, a share button run on: 分享到：
# Lines about the page rather than the report: source, editor, time stamps, the end mark.
_META = re.compile(
    r"^(?:[•·●■◆\s]*[【\[（(]?(?:来源|文章来源|新闻来源|信息来源|稿源|编辑|责任编辑|责编|审核|校对|作者|发布时间|发布日期|更新时间|时间|日期|原标题|浏览量|浏览次数|阅读量)[：:].*"
    # 2022年03月07日 15:35 | 来源：某报, 2022-03-07 15:35 来源：…, 2022年03月07日15:35｜某报: the page's date and source
    r"|\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2})?"  # 25/01/2016: a date written day first, alone on its line
    r"|[\u4e00-\u9fff]{2,8}?(?:网|報|报|社|台)\s+\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"  # 人民网 2022年01月19日
    r"|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:(?:(?<=日)\s*|\s+)\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*[|｜]?\s*(?:来源|稿源|作者|编辑|责任编辑)[：:].*|\s*[|｜]\s*[^，。；！？]{1,40})?"
    r"|[（(]完[）)]|[【\[（(](?:责任)?编辑[：:]?[^】\]）)]*[】\]）)])$"
)
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[ 、，,]+(?!摄影|报道|图文|文图)[\u4e00-\u9fff·]{2,4})*"
# 上游财经—重庆晨报特派北京记者 陈军 摄影报道; 本报记者 张三; 记者 李四 王五
BYLINE = re.compile(
    rf"^(?P<outlet>[^\s，。；：]{{0,24}}?)(?:(?:特派|驻)(?P<place>[\u4e00-\u9fff]{{1,8}}?))?(?:首席|特约|实习)?记者\s*"
    rf"(?P<names>{_NAMES})\s*(?:摄影报道|图文报道|报道|摄影|摄|文/图|文图|[／/]\s*[\u4e00-\u9fff]{{2,4}}?(?:报道|报导))?$"
)
# 新华社北京3月7日电（记者张三、李四）: the dateline that opens the first paragraph of an agency report.
DATELINE = re.compile(
    rf"^(?P<outlet>[\u4e00-\u9fff]{{2,10}}?(?:社|网|报|台))(?P<place>[\u4e00-\u9fff]{{2,6}}?)(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日电"
    rf"[（(](?:特派|首席)?记者\s*(?P<names>{_NAMES})[）)]\s*"
)
_LEADING_BYLINE = re.compile(r"^[^\s，。；：]{0,24}?(?:社|网|报|台)[^\W\d_a-zA-Z]{0,10}?记者|^[^\s，。；：]{0,24}?记者\s")
_FUSED_BYLINE = re.compile(rf"(?<=[{TERMINAL}”’」』）)])\s*(?P<byline>[^\s，。；：“”]{{2,24}}?(?:(?:特派|驻)[\u4e00-\u9fff]{{1,8}}?)?记者\s*{_NAMES}\s*(?:摄影报道|报道|摄)?)$")
_HEADLINE_SPEAKER = re.compile(r"^(?:全国人大代表|全国政协委员|人大代表|政协委员)[\u4e00-\u9fff·]{2,4}[：:]"
                               # 张明：“……”是真理, a name and what they stand for, with no pause: a roundup's subheading
                               r"|^[\u4e00-\u9fff·]{2,4}[：:][^，,。；;！？!?：:]{4,40}$")
_NUMBERED_HEADING = re.compile(r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[、.．][^。！？；，,“”]{2,30}")  # 3、城镇就业稳中有升: a subheading
_NEW_PARAGRAPH = re.compile(r"^(?:\d{1,2}月\d{1,2}日|[\u4e00-\u9fff]{2,10}?(?:社|网|报|台)[\u4e00-\u9fff]{2,6}?\d{1,2}月\d{1,2}日电)")

_NEW_SPEAKER = re.compile(r"^(?:全国人大代表|全国政协委员|全國人大代表|全國政協委員|[\u4e00-\u9fff·]{2,4}[：:])")
# A turn of a transcript: a label (记者, 主持人, a name, a role and a name) and a colon opening the text
_TURN = re.compile(r"^[^|｜：。，！？“”]{1,20}：")
_BAR = re.compile(r"\s*[|｜]\s*")
_SPACED_TURN = re.compile(r"(?<=[。！？”])\s+(?=[^\s|｜：。，！？“”]{1,12}：)")

MAX_CAPTION = 40  # characters; a caption is a short line
MAX_CAPTIONS_IN_A_BREAK = 4


class Article:
    """A repaired article: paragraphs[0] is the headline (paragraph 1); what was set aside is kept."""

    __slots__ = ("paragraphs", "captions", "bylines", "meta", "joined", "trailing")

    def __init__(self, paragraphs: list[str], captions: list[str], bylines: list[str], meta: list[str], joined: list[int],
                 trailing: list[str] | None = None):
        self.paragraphs, self.captions, self.bylines, self.meta, self.joined = paragraphs, captions, bylines, meta, joined
        self.trailing = trailing or []  # the page after the report's end (related links): never read

    @property
    def title(self) -> str:
        """The headline, when the first line is one (short, not a sentence); else ""."""
        first = self.paragraphs[0] if self.paragraphs else ""
        if first.rstrip().endswith(("：", ":")):
            return ""  # 张明代表：: a label over the words below it, no headline
        return "" if len(first) > 80 or (ends_sentence(first) and len(first) > 40) else first

    def paragraph(self, number: int) -> str:
        """Paragraph `number`, counted from the headline as 1."""
        return self.paragraphs[number - 1]


# A reading in pinyin after a character, left behind when a page's ruby annotations were copied as text: 部(bù)
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])[(（] ?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]* ?[)）]"
                   # 日?qǐng)?bào)社长: a reading whose character and bracket a bad conversion turned into a question mark
                   r"|(?<=[\u4e00-\u9fff?)）])\?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]* ?[)）]")  # 會(huì )


_SHORT_FORM = re.compile(r"[（(](?:(?:以下|下文|下)?[简簡][称稱]|(?:以下|下文|下)[称稱])[^（）()]{1,24}[）)]")  # 某服饰有限公司（以下简称“某服饰”）董事长


def normalize_line(line: str) -> str:
    """Full-width and other wide spaces to one plain space, invisible characters, HTML tags, pinyin readings
    copied from ruby annotations and a name's short form in brackets (（以下简称“某服饰”）) dropped, ends trimmed."""
    line = _RUBY.sub("", _HTML.sub("", _INVISIBLE.sub("", line)))
    return _SPACES.sub(" ", _SHORT_FORM.sub("", line) if "称" in line or "稱" in line else line).strip()


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


def is_title_line(text: str) -> bool:
    """A line that only gives someone's titles (全国人大代表，某市人大常委会主任): short, no final
    punctuation, ending with a title word. It names the person of the line before; it is never joined."""
    from cybrief.draft.lexicon import lexicon
    from cybrief.draft.names import simplified

    if len(text) > 60 or ends_sentence(text) or "“" in text:
        return False
    plain = simplified(text)
    lex = lexicon()
    return any(plain.endswith(title) for title in lex.titles + lex.memberships + lex.short_titles)


def is_name_line(text: str) -> bool:
    """A line that is only a role chain and a name (某省委常委、常务副省长张明), as under a photo: never joined with
    the line after it."""
    from cybrief.draft.names import looks_like_name, simplified

    if len(text) > 50 or ends_sentence(text) or re.search(r"[。；！？：“”]", text):
        return False
    plain = simplified(text.rstrip())
    return any(looks_like_name(plain[-n:]) and is_title_line(plain[:-n].rstrip()) for n in (2, 3, 4) if len(plain) > n + 1)


def is_caption_like(text: str) -> bool:
    return len(text) <= MAX_CAPTION and not ends_sentence(text) and not _BODY_MARKS.search(text) and "：" not in text


_CJK = "\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef“”‘’「」『』《》"
_ASCII_MARKS = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_WIDEN = re.compile(rf"(?<=[{_CJK}])\s*([,:;?!])|([,:;?!])(?=\s*[{_CJK}])")
_PARENS = re.compile(r"\(([^()]{0,80})\)")
# The small forms some pages print (﹕ ﹐ ﹑ ﹔ ﹖ ﹗, and ︰): the full-width marks they stand for, one for one
_SMALL_MARKS = str.maketrans("﹐﹑﹔﹕﹖﹗︰", "，、；：？！：")


def widen_punctuation(line: str) -> str:
    """ASCII punctuation that stands next to Chinese read as the full-width mark it replaces (a page copied
    through a tool that narrowed them): 代表,浙江省 -> 代表，浙江省; (20)17年 -> （20）17年. Between digits
    (1,500; 20:16) they stay. Small forms (张明﹕) are read as the full-width mark too."""
    line = line.translate(_SMALL_MARKS)
    if not re.search(r"[\u4e00-\u9fff]", line):
        return line
    line = _WIDEN.sub(lambda m: _ASCII_MARKS[m.group(1) or m.group(2)], line)

    def paren(match: re.Match) -> str:
        inside, before = match.group(1), line[match.start() - 1: match.start()]
        if re.search(rf"[{_CJK}]", inside + before + line[match.end(): match.end() + 1]):
            return f"（{inside}）"
        return match.group()

    return _PARENS.sub(paren, line)


def split_turns(line: str) -> list[str]:
    """A transcript copied with its turns on one line, set apart by bars (`记者：……？ | 张明：……。`) or by spaces after
    the end of a sentence (`张明：……。 记者：……？`): one line a
    turn. Only where the line opens with a turn, another turn follows, and every piece but the last ends a
    sentence; a headline before a label (`标题|张明：`) or a line of tags (`王毅|肖捷`) stays whole."""
    pieces = _BAR.split(line)
    if len(pieces) < 2:  # 张明：……。 记者：……？: turns set apart by a space after the end of a sentence
        pieces = _SPACED_TURN.split(line)
    if len(pieces) < 2 or not _TURN.match(pieces[0]) or sum(bool(_TURN.match(p)) for p in pieces) < 2:
        return [line]
    if not all(piece and ends_sentence(piece) for piece in pieces[:-1]) or not pieces[-1]:
        return [line]
    return pieces


def _is_chrome(line: str) -> bool:
    from cybrief.draft.names import simplified

    plain = simplified(line)
    if _CHROME.match(plain) or _NAVIGATION.match(plain) and _SECTIONS.search(plain) or re.fullmatch(r"[^\s，。]{1,12}\s+正文", plain):
        return True  # 某网 正文: the last of a page's breadcrumbs
    # a short page line holding a time stamp and no sentence: 某某新闻 2019-10-30171, 2019-11-07某某
    return len(plain) <= 40 and bool(_STAMP_ANY.search(plain)) and not _BODY_MARKS.search(plain)


def _header_editor(lines: list[str]) -> int | None:
    """The index of an editor's line in a page's header (a headline and a lead above it, the report below it):
    under 300 characters before it, twice as many after it, and sentences among them."""
    from cybrief.draft.names import simplified

    at = next((i for i, line in enumerate(lines) if (m := _EDITOR.search(simplified(line))) and m.start() == 0), None)
    if at is None or at == 0:
        return None
    before, after = sum(map(len, lines[:at])), lines[at + 1:]
    teaser = next((i for i, line in enumerate(after) if _TEASER.match(simplified(line))), len(after))
    after = after[:teaser]  # 相关新闻：……: links to other reports are not the report below
    sentences = [line for line in after if len(line) >= 30 and "。" in line]
    return at if before < 300 and sum(map(len, after)) > 2 * before and len(sentences) >= 2 else None


_THE_END = re.compile(r"[（(]完[）)]\s*$")
_SPACED_NAME_END = re.compile(r"(?<=[\u4e00-\u9fff]) (?P<family>[\u4e00-\u9fff]) (?P<given>[\u4e00-\u9fff])$")
_SPACED_NAME_LABEL = re.compile(r"^(?P<family>[\u4e00-\u9fff]) (?P<given>[\u4e00-\u9fff])(?=[：:])")


def _spaced_name(line: str) -> str:
    """市人大代表、某中学教师 林 川 and 林 川：: a two-character name spaced out to the width of a longer one, as a
    caption or a transcript's label sets it, closed up (a role before it, or the label's colon, says it is a name)."""
    from cybrief.draft.names import looks_like_name

    end = _SPACED_NAME_END.search(line)
    if end and looks_like_name(end["family"] + end["given"]) and is_title_line(line[: end.start()]):
        return f"{line[: end.start()]} {end['family']}{end['given']}"
    label = _SPACED_NAME_LABEL.match(line)
    if label and looks_like_name(label["family"] + label["given"]):
        return label["family"] + label["given"] + line[label.end():]
    return line


def clean(text: str) -> Article:
    """Repair an article as web pages leave it; see docs/drafting.md for the rules."""
    from cybrief.draft.names import simplified

    lines = [normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [_spaced_name(turn) for line in lines if line for turn in split_turns(widen_punctuation(line))]
    captions: list[str] = []
    meta: list[str] = []
    body: list[str] = []
    trailing: list[str] = []
    ended = False
    header = _header_editor(lines)
    for index, line in enumerate(lines):
        plain = simplified(line)
        if ended:
            trailing.append(line)
            continue
        stamp = _STAMP_LINE.match(line)
        if stamp and stamp.end() < len(line) and _BODY_MARKS.search(line[stamp.end():]):
            meta.append(stamp.group().strip())  # a page's time stamp run on before the first paragraph
            line, plain = line[stamp.end():], plain[stamp.end():]
        if _RELATED.match(plain) or _NOTICE.match(plain):
            trailing.append(line)  # 相关新闻, 新闻推荐: links to other reports; the report has ended
            ended = True
            continue
        editor = _EDITOR.search(plain)
        if editor and editor.start() > 0 and _BODY_MARKS.search(plain[:editor.start()]):
            meta.append(line[editor.start():])  # （编辑：某某）1141231 run on at the end of the last paragraph
            line, plain, ended = line[:editor.start()].rstrip(), plain[:editor.start()].rstrip(), True
        elif editor:
            meta.append(line)
            ended = index != header  # an editor's line in the page's header, above the report: not its end
            continue
        line = _TAIL_ARROWS.sub("", _TAIL_LINK.sub("", line))
        done = _THE_END.search(line)
        if done and done.start() > 0:  # ……320亿元。（完）: the report's last line; what follows is the page's
            line, plain, ended = line[:done.start()].rstrip(), plain[:done.start()].rstrip(), True
        if _IMAGE.match(plain) or _CREDIT.search(plain) or _CAPTION_SENTENCE.match(plain):
            captions.append(line)
        elif _META.match(plain) or _is_chrome(line) or not _HAN.search(plain) and _WORDS.search(plain):
            meta.append(line)
        elif line:
            body.append(line)
    def word(line: str) -> bool:
        return len(line) <= 6 and not re.search(r"[\d，。：！？“”]", line)

    while len(body) > 2 and word(body[0]) and (word(body[1]) or 8 <= len(body[1]) <= 80 and not ends_sentence(body[1])):
        meta.append(body.pop(0))  # 移动新媒体, 中国搜索: a site's name or a menu's word above the headline
    if body and body[0].startswith(("标题：", "标题:")):
        body[0] = body[0][3:].strip()
    if len(body) > 1 and body[1] == body[0]:  # the headline printed twice
        del body[1]
    bylines: list[str] = []
    while len(body) > 1 and BYLINE.match(body[-1]):  # the trailing byline(s)
        bylines.insert(0, body.pop())
    while len(body) > 1 and _LEADING_BYLINE.match(simplified(body[0])) and BYLINE.match(simplified(body[0])):
        bylines.insert(0, body.pop(0))  # 新华网记者 某某 某某 first once the captions above it are set aside: no headline
    paragraphs, joined = _join(body, captions)
    for index, paragraph in enumerate(paragraphs):
        fused = _FUSED_BYLINE.search(paragraph) if index else None
        if fused and fused.start() > 0:  # a byline run on at the end of the last paragraph of a report
            bylines.append(fused.group("byline"))
            paragraphs[index] = paragraph[: fused.start()].rstrip()
    bylines = [line for line in paragraphs[1:] if BYLINE.match(line)] + bylines
    return Article(paragraphs, captions, bylines, meta, joined, trailing)


def _join(lines: list[str], captions: list[str]) -> tuple[list[str], list[int]]:
    """Join a paragraph that stops mid-sentence with the line that carries on, setting aside the short
    unpunctuated lines between them as captions. The headline is never joined."""
    paragraphs: list[str] = []
    joined: list[int] = []
    i = 0
    while i < len(lines):
        current = lines[i]
        i += 1
        while paragraphs and is_running_text(current) and not ends_sentence(current) and not is_title_line(current) \
                and not is_name_line(current) and not _NUMBERED_HEADING.fullmatch(current) and i < len(lines):
            j = i
            while j < len(lines) and j - i < MAX_CAPTIONS_IN_A_BREAK and is_caption_like(lines[j]) and not is_headline(lines[j]):
                j += 1
            if j >= len(lines):
                break
            following = lines[j]
            carries_on = is_running_text(following) or (ends_sentence(following) and not BYLINE.match(following))
            if following.startswith(("“", "「", "■", "●")) and len(current) <= MAX_CAPTION and not current.endswith(("，", "、", "：")):
                break  # a title-length line (an image's alt text) before a quote or a marked heading: not one sentence
            if not carries_on or _NEW_PARAGRAPH.match(following) or _NEW_SPEAKER.match(following):
                break  # 全国人大代表某某来到北京……, 某某：……: a line that opens with a delegate or a turn starts anew
            captions.extend(lines[i:j])
            current += following
            i = j + 1
            if len(paragraphs) + 1 not in joined:
                joined.append(len(paragraphs) + 1)
        paragraphs.append(current)
    return paragraphs, joined


def is_section_break(text: str) -> bool:
    """A headline, subheading, caption or byline: the speaker of the text before it does not carry past it."""
    return is_headline(text) or bool(BYLINE.match(text)) or is_caption_like(text) or bool(_NUMBERED_HEADING.fullmatch(text))
