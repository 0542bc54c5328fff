"""The source's own words for a draft's terms: quoted expressions, titles, abbreviations and names.

Programmes, products, companies and places are kept exactly as written, so that a search for them finds the speaker.
"""

from __future__ import annotations

import re

MAX_TERMS = 40
_QUOTED = re.compile(r"“(?P<a>[^“”]{2,20})”|「(?P<b>[^「」]{2,20})」|『(?P<c>[^『』]{2,20})』|‘(?P<d>[^‘’]{2,20})’|《(?P<e>[^《》]{2,30})》")
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+&.-]{1,15}(?![A-Za-z0-9])")
# A name ends with what it names: 某某控股集团, 某某实验室南方基地, “某某号”班列, 某某水电站.
_NAMED = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:集团|公司|实验室|基地|园区|工程|示范区|试验区|自贸区|班列|大桥|机场|"
    r"水电站|电站|大学|学院|银行|医院|博物馆|展览馆|纪念馆|研究院|研究所|港|号)"
)
_NOT_A_NAME = re.compile(r"^(?:这|那|该|此|各|每|一|本|我|其|全|大|新|有|在|和|与|对|的|把|将|为|是|了|并|等|及|从|到|向)")
_LEADING_VERB = re.compile(r"^(?:新建|共建|组建|创建|筹建|建|加快|推动|建设|打造|支持|依托|推进|实施|举办|开展|成立|建成|启动|引导|参观|走进|来到|前往|已经|已|正在|积极|全面)+")
# A name holds none of these: what comes before the last of them is the sentence around the name.
_AFTER_STOP = re.compile(r"^.*[的了在让走出今将把被对从向是有为年与共和等]")
_SENTENCE_MARKS = re.compile(r"[。！？；，,]")
_STOP_LATIN = frozenset({"date", "http", "https", "www", "com", "cn", "html", "htm", "png", "jpg"})


def find_terms(text: str) -> list[str]:
    """Distinctive words of a stretch of the report, in order of appearance, each once."""
    found: list[tuple[int, str]] = []
    for match in _QUOTED.finditer(text):
        term = next(g for g in match.groups() if g)
        if not _SENTENCE_MARKS.search(term):
            found.append((match.start(), term))
    for match in _LATIN.finditer(text):
        if match.group().lower() not in _STOP_LATIN and not match.group().islower():  # GDP, AIPC, PM2.5, 5G
            found.append((match.start(), match.group().rstrip(".-")))
    for clause in re.finditer(r"[^，。；：、！？“”「」《》（）()\s]+", text):
        for match in _NAMED.finditer(clause.group()):
            term = _LEADING_VERB.sub("", _AFTER_STOP.sub("", match.group()))
            if len(term) >= 4 and not _NOT_A_NAME.match(term):
                found.append((clause.start() + match.start(), term))
    terms: list[str] = []
    for _, term in sorted(found):
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]
