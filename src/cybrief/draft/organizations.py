"""The organization in a role as stated: 国网重庆市电力公司党委书记、董事长 -> 国网重庆市电力公司."""

from __future__ import annotations

import re
from functools import cache

from cybrief.draft.introductions import ends_with_title, shares_title
from cybrief.draft.lexicon import lexicon
from cybrief.draft.names import simplified

# A unit inside a body (发展改革委政策研究室, 财政部预算司): the organization is the body.
_SUB_UNIT = re.compile(r"(?<=[委部局厅署院会])(?:政策研究室|政研室|研究室|[\u4e00-\u9fff]{1,10}(?<!公)司|[\u4e00-\u9fff]{1,8}处)$"
                       r"|(?<=公司)[\u4e00-\u9fff]{1,6}(?:班|班组|车间|工段|小组)$")  # 某公司门机班大班长: the company
_PARTY_ONLY = re.compile(r"^(?:省委|市委|县委|区委|州委|自治区党委|党委|党组)$")
_GOVERNMENT_POST = re.compile(r"(?:省长|市长|县长|区长|州长|主席)$")
# 省长, 副省长, 自治区主席, 市长 (of a municipality): the head of a region's government, by its level
_LEVEL_POST = re.compile(r"^(?:省|自治区|市)?(?:政府|人民政府)?(?:常务)?副?(?P<post>省长|主席|市长)$")
_LEVEL_BODY = re.compile(r"(?:省|县|州|自治区)(?:委|党委)")
_POST_LEVEL = {"省长": "省", "主席": "自治区", "市长": "市"}
_LEVEL_HEADS = ("省长", "市长", "县长", "区长", "州长", "镇长", "乡长", "村长")
# 教育部长, 公安局长, 教育厅长: the head of a ministry, a bureau, a department, its 部 written once
_SHORT_HEAD = re.compile(r"(?<=[\u4e00-\u9fff])(?<![部局厅])(?:常务)?副?(?P<body>[部局厅])长$")
# 全国人大台湾省代表: the province a deputy was elected in, after the congress, is no part of the body
_MEMBERSHIP_BODY = re.compile(r"^(?P<body>[\u4e00-\u9fff]{0,6}(?:人大|政协))(?:(?<=全国人大)[\u4e00-\u9fff]{1,3}[省市区])?(?P<seat>常委|代表|委员)$")
_RELATIVE = re.compile(r"^(?P<level>省|自治区|市)(?=[\u4e00-\u9fff])")
# 港区全国人大代表, 澳区全国政协委员: where the member was elected, not a body
# 大陆全国人大代表, 上海全国政协委员: where, or whose, the member is, before 全国人大 or 全国政协
_ELECTED_IN = re.compile(r"^(?:港澳区|港区|澳区|香港区|澳门区)(?=全国|人大$|政协$)|^[\u4e00-\u9fff]{1,4}?(?=全国(?:人大|政协)$)")
_CONVENER = re.compile(r"^(?P<members>[\u4e00-\u9fff]{0,6}(?:人大代表|政协委员))(?:召集人|联络人|牵头人)$")
_PLACED_MEMBERSHIP = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:全国人大常委|全国人大代表|全国政协常委|全国政协委员)(?=[，、 ])")
# 3月21日，某某市人民政府新闻办公室召开……: a city the report names as the host of what it reports
_CITY = re.compile(r"(?:^|[，。；：、\s“（]|日|中共)(?P<city>[\u4e00-\u9fff]{2,4}?市)(?=人民政府|政府|委|人大|政协|新闻办|召开|举行)")
_CITY_POST = re.compile(r"^(?:市政府|市人民政府)?(?:常务)?副?市长$")
# 代表, 全国人大代表, 代表（来自基层）: a deputy stated with no body of their own
_DEPUTY_ONLY = re.compile(r"^(?:全国)?(?:人大)?代表(?:（[^）]*）)?$")
# 四川省委常委, 云南省昭通市委副书记, 西藏自治区党委常务副书记: a seat on a party committee, with its place
_COMMITTEE = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{0,12}?)(?P<committee>省委|市委|县委|区委|州委|旗委|盟委|自治区党委|自治州党委)"
    r"(?:常委|常务委员|委员|常务副书记|副书记|书记)$"
)
# The departments of a party committee whose heads sit on it: 宣传部部长, 组织部部长, 政法委书记, 秘书长
_PARTY_DEPARTMENT = re.compile(r"^(?P<department>宣传部|组织部|统战部|政法委员会|政法委|纪委|办公厅|)(?:部长|书记|主任|秘书长)$")
_OTHER_DELEGATIONS = ("香港", "澳门", "台湾省", "台湾", "解放军和武警部队", "解放军")


def organization_of(role: str, text: str = "", region: str | None = None, placed: bool = False) -> str | None:
    """The organization of a role: the first title of the chain less its titles and party bodies, the body
    rather than a unit of it; a party committee alone (省委常委、副省长) gives the region; an organization the
    report writes relative to its province (省农业农村厅, 自治区政协) gets the province's name; a short form
    the report also writes in full (发改委, 国家发改委) its full form. `placed`: the region is the one named in
    the speaker's own sentence (江苏代表团审议时，省长), so a bare post of its level (省长) is its government.
    None when the role is only titles."""
    lex = lexicon()
    role = re.sub(r"[（(][^）)]*[）)]$", "", role)  # 代表（来自基层）: what the role adds in brackets is not a body
    role = re.sub(r"[「」『』]", "", role)  # 人大「台湾省代表」: the marks around a post, not a body
    role = re.sub(r"^(?:新任|时任|现任|前任|時任|現任)(?=[\u4e00-\u9fff]{3})", "", role)  # 新任商务部部长: when, not a body
    role = re.sub(r"^(?:大陆|大陸)(?=[\u4e00-\u9fff]{3})", "", role)  # 大陆国务院总理: the mainland, as Taiwan papers write it
    role = re.sub(r"^第?[一二三四五六七八九十]+[届屆](?=全国政协委员|全國政協委員|全国人大代表|全國人大代表)", "", role)  # 十三届全国政协委员: a term
    plain = simplified(role)
    for membership in lex.memberships:
        if plain.startswith(membership) and len(plain) > len(membership) + 1 and plain[len(membership)] in "，、 ":
            role, plain = role[len(membership) + 1:], plain[len(membership) + 1:]
            break
    else:
        if placed_membership := _PLACED_MEMBERSHIP.match(plain):  # 港区全国人大代表、某会会长: the post after it
            role, plain = role[placed_membership.end() + 1:], plain[placed_membership.end() + 1:]
    # 政策研究室副主任兼新闻发言人: a second post held at once, after a title, is one more of the chain
    plain = "".join("、" if ch == "兼" and ends_with_title(plain[:i]) else ch for i, ch in enumerate(plain))
    segments = [s for s in re.split(r"[、，,]|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", plain) if s]  # 某区委副书记 区长
    if not segments:
        return None
    if len(segments) > 1 and segments[0].endswith(("党组成员", "党委委员", "政治局委员", "政治局常委", "中央委员", "候补委员")) \
            and not ends_with_title(re.sub(r"(?:党组成员|党委委员|政治局委员|政治局常委|中央委员|候补委员)$", "", segments[0])):
        after = organization_of(role[len(segments[0]) + 1:], text, region, placed)
        if after:  # 某委党组成员、某局党组书记、局长, 中央政治局委员、某省委书记: the body of the posts after it
            return after
    shared = 0
    while shared + 1 < len(segments) and shares_title(segments[shared]):
        shared += 1
    if shared:  # 中共中央对外宣传办公室、国务院新闻办公室主任: one title of every body listed, and each its organization
        at = sum(len(s) + 1 for s in segments[:shared])
        last = organization_of(role[at:], text, region, placed)
        return f"{role[:at]}{last}" if last else None
    convener = _CONVENER.match(plain)
    if convener and len(segments) == 1:  # 港区全国人大代表召集人: the members' group the report names, else their body
        group, plain_text = convener.group("members") + "团", simplified(text)
        if group.endswith("代表团") and (at := plain_text.find(group)) >= 0:
            return text[at: at + len(group)]
        return organization_of(role[: convener.end("members")], text, region, placed)
    body = _MEMBERSHIP_BODY.match(plain)
    first = segments[0]
    committee = _COMMITTEE.match(first)
    if committee and committee.group("place"):
        return _with_prefix(_committee_organization(committee, role, plain, segments[1:]), text)
    # 自治区政协委员, 全国人大代表: a membership alone; the organization is the body the member sits in
    if body and len(segments) == 1 and body.group("body") in ("人大", "政协"):
        return None  # 人大代表: a deputy to a congress the role does not say
    end = body.end("body") if body and len(segments) == 1 else len(_strip_titles(first))
    org_plain = first[:end]
    org = role[:end]
    area = _ELECTED_IN.match(org_plain) if body and len(segments) == 1 else None
    if area:  # 港区全国人大代表, 港区人大代表: a deputy elected in Hong Kong sits in 全国人大
        org, org_plain = org[area.end():], org_plain[area.end():]
        if org_plain in ("人大", "政协"):
            org, org_plain = ("全國" if simplified(role) != role else "全国") + org, "全国" + org_plain
    if body and len(segments) == 1 and body.group("seat") == "常委" and org_plain.endswith("人大"):
        org, org_plain = org + role[len(plain) - 2:] + ("會" if simplified(role) != role else "会"), org_plain + "常委会"  # 全国人大常委
    if _PARTY_ONLY.match(org_plain) or not org_plain:
        # 市委常委、副市长, 市长 in a report on one city: that city (重庆市 where the region is a city itself)
        if (_CITY_POST.match(first) or first.startswith("市委")) and any(_CITY_POST.match(s) for s in segments):
            full = lex.region_full.get(region or "", "")
            return full if full.endswith("市") else _city_named(text)
        if region and any(_GOVERNMENT_POST.search(s) for s in segments[1:]) and region in lex.region_full:
            return lex.region_full[region]
        if not org_plain:
            if plain.endswith("发言人") and len(segments) == 1 and (session := session_named(text)):
                return session  # 新闻发言人 at a session's press conference: the session's
            post = _LEVEL_POST.match(first)
            full = lex.region_full.get(region or "", "")
            if placed and post and len(segments) == 1 and full.endswith(_POST_LEVEL[post.group("post")]):
                return full  # 江苏代表团审议时，省长刘小涛说: 江苏省
            if len(segments) > 1 and not post and not _PARTY_ONLY.match(first):
                return organization_of(role[len(first) + 1:], text, region, placed)  # 国务委员兼外交部长: 外交部
            return None
    short = _SHORT_HEAD.search(first)
    if short and org_plain and first[: short.start()] == org_plain:
        org, org_plain = org + role[short.start("body")], org_plain + short.group("body")  # 教育部长: 教育部
    sub = _SUB_UNIT.search(org_plain)
    if sub and sub.start() >= 2:
        org, org_plain = org[: sub.start()], org_plain[: sub.start()]
    relative = _RELATIVE.match(org_plain)
    if relative and region in lex.region_full and lex.region_full[region].endswith(relative.group("level")):
        return lex.region_full[region] + org[len(relative.group("level")):]
    if relative and relative.group("level") == "市" and (city := _city_named(text)):
        return city + org[1:]  # 市发展改革委 in a report on 某某市: 某某市发展改革委
    if org_plain.endswith("会议大会"):
        org, org_plain = org[:-2], org_plain[:-2]  # 某届某次会议大会发言人: the session is the body
    if org_plain in ("大会", "全国人大", "全国政协") and plain.endswith("发言人") and len(segments) == 1:
        return session_named(text) or org  # 大会新闻发言人, 全国人大新闻发言人: the one session the report names
    if org_plain in ("省", "市", "县", "区", "州", "盟", "旗", "自治区", "自治州"):
        full = lex.region_full.get(region or "", "")
        if full.endswith(org_plain):  # 自治区党委书记 in a report on Guangxi: 广西壮族自治区党委
            return full + ("党委" if plain[len(org_plain):].startswith("党委") else "")
        return None  # a level, not a body, where the report's region is of another level: left to review
    if _LEVEL_BODY.fullmatch(org_plain):
        return None  # 省委 with no province the report names: a level, left to review
    function = _FUNCTION.search(org_plain)
    if function and function.start() >= 2:
        org, org_plain = org[: function.start()], org_plain[: function.start()]  # 某基地技术负责人: the base
    if _DESCRIBED.fullmatch(org_plain) or function and function.start() < 2 or len(org_plain) == 1:
        return None  # 聋哑委员, 青年代表, 技术负责人: who they are or what they do, no body
    return _with_prefix(org, text) if org else None


# Words that say what a member is or does rather than where: no organization
_DESCRIBED = re.compile(r"(?:女|男|老|新|年轻|青年|少年|农民|工人|基层|一线|聋哑|盲人|残疾人?|民营|企业家|科研人员|科技工作者|"
                        r"专家|少数民族|港区|澳区|台籍|特邀|\d{2}后)")
_FUNCTION = re.compile(r"(?:技术|业务|研发|生产|销售|财务|市场|项目|行政|运营|兼职|专职)$")  # 某公司技术负责人: the function within it


def as_written(org: str, text: str) -> str:
    """An organization in the script the report writes: a name from the word lists (重庆市) takes each character as
    the report prints it (重慶市 in a traditional report); the rest stays, and so does a character the report
    prints in a variant form search does not read as it (陜西: 陕西省 stays)."""
    from cybrief.search.normalize import t2s_table

    plain = text.translate(t2s_table())
    if plain == text:
        return org
    return "".join(text[at] if (at := plain.find(ch)) >= 0 else ch for ch in org)


def place_named(lead: str) -> str | None:
    """The one province or region a sentence names as where it happens (江苏代表团审议时，; 在广西壮族自治区代表团
    开放团组活动中，; 山东省政府新闻发布会上，), by its short name, or None when it names none or more than one."""
    plain = simplified(lead)
    short = {name: key for key, name in lexicon().region_full.items()}
    found = {short.get(m.group("region"), m.group("region")) for m in _places().finditer(plain)}
    return found.pop() if len(found) == 1 else None


@cache
def _places() -> re.Pattern[str]:
    full = lexicon().region_full
    names = "|".join(sorted({*full, *full.values()}, key=len, reverse=True))
    return re.compile(rf"(?P<region>{names})(?:代表团|团组|人民政府|政府|党委|省委|市委|人大|政协|新闻办|两会)")


def _city_named(text: str) -> str | None:
    """The one city the report names as a host (某某市人民政府, 某某市委, 某某市召开), as written, or None when it
    names none or more than one."""
    plain = simplified(text)
    found = {plain[m.start("city"):m.end("city")]: text[m.start("city"):m.end("city")] for m in _CITY.finditer(plain)
             if not m.group("city").startswith(("全", "本", "我", "该", "各", "城", "副", "省", "市"))
             and not re.search(r"[在的和与了是为对从]", m.group("city"))}  # 平县在市委的领导下: no city 平县在市
    return found.popitem()[1] if len(found) == 1 else None


def session_named(text: str) -> str | None:
    """The one session of the NPC or the CPPCC the report names, as written (全国政协十二届五次会议), or None."""
    from cybrief.draft.events import session_phrases

    plain = simplified(text)
    found = {plain[a:b]: text[a:b] for a, b in session_phrases(plain)}
    return found.popitem()[1] if len(found) == 1 else None


def _with_prefix(org: str | None, text: str) -> str | None:
    """The organization as the report also writes it in full (发改委 -> 国家发改委), else as it is."""
    if not org:
        return None
    org_plain, plain_text = simplified(org), simplified(text)
    for prefix in ("国家", "中国", "中共", "中央"):
        if prefix == "中共" and org_plain.endswith(("省", "市", "县", "区", "州", "政府")):
            continue  # 福建省 is the province's government, not the party's 中共福建省委 the report names
        if not org_plain.startswith(prefix) and prefix + org_plain in plain_text:
            at = plain_text.find(prefix + org_plain)
            return text[at: at + len(prefix) + len(org_plain)]
    return org


def _committee_organization(committee: re.Match, role: str, plain: str, rest: list[str]) -> str | None:
    """A role that opens with a seat on a party committee (四川省委常委、宣传部部长; 西藏自治区党委副书记): the
    region for a government post after it (陕西省委常委、常务副省长 -> 陕西省), the committee's department
    for a department's post (-> 四川省委宣传部; 秘书长 -> 重庆市委), else the committee (云南省委)."""
    lex = lexicon()
    place, place_plain = role[: committee.end("place")], committee.group("place")
    written = role[: committee.end("committee")]
    if not rest:
        return written
    if _GOVERNMENT_POST.search(rest[0]):
        if place_plain in lex.region_full:
            return lex.region_full[place_plain]
        level = re.sub(r"党?委$", "", committee.group("committee"))  # 市委 -> 市, 自治区党委 -> 自治区
        return place if place_plain.endswith(level) else place + level
    department = _PARTY_DEPARTMENT.match(rest[0])
    if department:
        at = plain.find(rest[0], committee.end())
        return written + role[at: at + len(department.group("department"))]
    return written


def delegation_of(role: str, text: str) -> str | None:
    """The delegation of a deputy the report states no body for (晏平代表 at 参加十二届全国人大五次会议的广西代表团's
    group review): the one delegation the report names, with the one session it names, as written
    (广西代表团（十二届全国人大五次会议）). None when the role states more than a deputy, or the report names no
    delegation or more than one."""
    if not _DEPUTY_ONLY.match(simplified(role)):
        return None
    plain = simplified(text)
    delegations = {}
    for match in _delegations().finditer(plain):
        delegations.setdefault(_region_key(match.group("region")), text[match.start():match.end()])
    if len(delegations) != 1:
        return None
    [(region, delegation)] = delegations.items()
    origin = re.search(r"来自(?P<place>[^）]+)", simplified(role))
    if origin:  # 来自河北的王代表, met beside the 山东代表团: he is not of that delegation
        named = _regions().match(origin.group("place"))
        if named and _region_key(named.group()) != region:
            return None
    from cybrief.draft.events import session_phrases

    sessions = {plain[a:b]: text[a:b] for a, b in session_phrases(plain, cppcc=False)}
    return f"{delegation}（{sessions.popitem()[1]}）" if len(sessions) == 1 else delegation


@cache
def _regions() -> re.Pattern[str]:
    full = lexicon().region_full
    return re.compile("|".join(sorted({*full, *full.values()}, key=len, reverse=True)))


@cache
def _delegations() -> re.Pattern[str]:
    """广西代表团, 广西壮族自治区代表团, 香港特区代表团, 解放军和武警部队代表团: the delegations to the NPC."""
    full = lexicon().region_full
    regions = sorted({*full, *full.values(), *_OTHER_DELEGATIONS}, key=len, reverse=True)
    return re.compile(rf"(?P<region>{'|'.join(regions)})(?:特别行政区|特区)?代表团")


def _region_key(region: str) -> str:
    full = lexicon().region_full
    return next((short for short, name in full.items() if name == region), region).removesuffix("省")


def _strip_titles(org: str) -> str:
    lex = lexicon()
    titles = lex.titles + lex.memberships + lex.short_titles
    while True:
        before = org
        org = re.sub(r"(?:常务副|副|常务|[一二三四特]级|(?<=[长任员人记])兼|(?<=[\u4e00-\u9fff]{2})[的原])$", "", org.rstrip("、，, "))
        # 某村的党支部书记, 某中心原党组书记: whose post, and a former one  # 一级巡视员: a rank; 秘书长兼发言人
        for title in sorted(titles, key=len, reverse=True):
            if org.endswith(title) and len(org) >= len(title):
                org = org[: -len(title)]
                if title in _LEVEL_HEADS + ("主席",) and org.endswith("代"):
                    org = org[:-1]  # 代省长: acting, as 副 is a deputy
                if title in _LEVEL_HEADS and len(org) >= 2 and re.search(r"[\u4e00-\u9fff]$", org) and not ends_with_title(org) \
                        and not org.endswith((title[0], "政府", "委", "会", "办", "局", "厅", "部")):
                    org += title[0]  # 福建省长: 福建省, the level the post heads
                break
        for body in lex.party_bodies:
            if org.endswith(body) and len(org) > len(body):
                org = org[: -len(body)]
                break
        if org == before:
            return org
