"""The organization in a role as stated: 国网重庆市电力公司党委书记、董事长 -> 国网重庆市电力公司."""

from __future__ import annotations

import re

from cybrief.draft.lexicon import lexicon
from cybrief.draft.names import simplified

# A unit inside a body (发展改革委政策研究室, 财政部预算司): the organization is the body.
_SUB_UNIT = re.compile(r"(?<=[委部局厅署院会])(?:政策研究室|研究室|[\u4e00-\u9fff]{1,6}司|[\u4e00-\u9fff]{1,6}处)$")
_PARTY_ONLY = re.compile(r"^(?:省委|市委|县委|区委|州委|自治区党委|党委|党组)$")
_GOVERNMENT_POST = re.compile(r"(?:省长|市长|县长|区长|州长|主席)$")
_MEMBERSHIP_BODY = re.compile(r"^(?P<body>[\u4e00-\u9fff]{0,6}(?:人大|政协))(?:常委|代表|委员)$")
_RELATIVE = re.compile(r"^(?P<level>省|自治区)(?=[\u4e00-\u9fff])")


def organization_of(role: str, text: str = "", region: str | None = None) -> str | None:
    """The organization of a role: the first title of the chain less its titles and party bodies, the body
    rather than a unit of it; a party committee alone (省委常委、副省长) gives the region; an organization the
    report writes relative to its province (省农业农村厅, 自治区政协) gets the province's name; a short form
    the report also writes in full (发改委, 国家发改委) its full form. None when the role is only titles."""
    lex = lexicon()
    plain = simplified(role)
    for membership in lex.memberships:
        if plain.startswith(membership) and len(plain) > len(membership) + 1 and plain[len(membership)] in "，、 ":
            role, plain = role[len(membership) + 1:], plain[len(membership) + 1:]
            break
    segments = [s for s in re.split(r"[、，,]", plain) if s]
    if not segments:
        return None
    body = _MEMBERSHIP_BODY.match(plain)
    first = segments[0]
    # 自治区政协委员, 全国人大代表: a membership alone; the organization is the body the member sits in
    end = body.end("body") if body and len(segments) == 1 else len(_strip_titles(first))
    org_plain = first[:end]
    org = role[:end]
    if _PARTY_ONLY.match(org_plain) or not org_plain:
        if region and any(_GOVERNMENT_POST.search(s) for s in segments[1:]) and region in lex.region_full:
            return lex.region_full[region]
        if not org_plain:
            return None
    sub = _SUB_UNIT.search(org_plain)
    if sub and sub.start() >= 2:
        org, org_plain = org[: sub.start()], org_plain[: sub.start()]
    relative = _RELATIVE.match(org_plain)
    if relative and region in lex.region_full and lex.region_full[region].endswith(relative.group("level")):
        return lex.region_full[region] + org[len(relative.group("level")):]
    plain_text = simplified(text)
    for prefix in ("国家", "中国", "中共", "中央"):
        if not org_plain.startswith(prefix) and prefix + org_plain in plain_text:
            at = plain_text.find(prefix + org_plain)
            return text[at: at + len(prefix) + len(org_plain)]
    return org or None


def _strip_titles(org: str) -> str:
    lex = lexicon()
    titles = lex.titles + lex.memberships + lex.short_titles
    while True:
        before = org
        org = re.sub(r"(?:常务副|副|常务)$", "", org.rstrip("、，, "))
        for title in sorted(titles, key=len, reverse=True):
            if org.endswith(title) and len(org) >= len(title):
                org = org[: -len(title)]
                break
        for body in lex.party_bodies:
            if org.endswith(body) and len(org) > len(body):
                org = org[: -len(body)]
                break
        if org == before:
            return org
