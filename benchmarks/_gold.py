"""Scoring a draft against a hand annotation of the development set (gold/ID.yaml), as its README defines it.

A speaker is found when the draft has a delegate of that name (traditional and simplified compared alike);
precision counts every drafted delegate. Role and organization count as right only when the drafted text is
one the annotation gives, exactly. A drafted target is matched to the gold figure of the same value (the one
of the same speaker, not yet used, first); it is right when that gold figure has the same speaker, and
exactly right when the unit and qualifier are the gold ones too. Precision counts every drafted target, a
second target for one gold figure dropped as a duplicate. The numbers agree with the development set's own
scorer (draft_quality.py --reference runs both on the same drafts and compares the totals).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import yaml

from cybrief.search.normalize import normalize

COUNTS = ("spk_gold", "spk_draft", "spk_tp", "role_ok", "org_ok", "fig_gold", "fig_draft_nodup", "fig_attr",
          "fig_exact")


def _name(text) -> str:
    """A name as compared: traditional characters as simplified, so 歐陽華 and 欧阳华 are one person."""
    return normalize(str(text or "")).strip()


def _number(value) -> Fraction | None:
    """A gold value: a number, a fraction ("1/3"), or a range ("6600-7200", "7-7.5"), compared by its lower
    bound, which is what a brief's target holds as its value."""
    if value is None:
        return None
    if isinstance(value, str) and "/" in value:
        top, bottom = value.split("/")
        return Fraction(int(top), int(bottom))
    if isinstance(value, str) and "-" in value.strip("-"):
        return Fraction(value.strip().split("-")[0])
    return Fraction(str(value))


def _options(value) -> list:
    return value if isinstance(value, list) else [value]


class ArticleScore:
    """The counts for one article, and the lines that explain them."""

    def __init__(self, article: str):
        self.article = article
        self.drafted = False
        self.counts = dict.fromkeys(COUNTS, 0)
        self.missed: list[str] = []
        self.extra_mentioned: list[str] = []
        self.extra_other: list[str] = []
        self.details: list[str] = []
        self.rows: list[str] = []


def score(gold_path: Path, draft_path: Path) -> ArticleScore:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    result = ArticleScore(str(gold["article"]))
    draft = {"delegates": [], "targets": []}
    if draft_path.exists():
        result.drafted = True
        draft = yaml.safe_load(draft_path.read_text(encoding="utf-8")) or draft
    delegates = draft.get("delegates") or []
    targets = draft.get("targets") or []
    name_of = {d["id"]: _name(d.get("name")) for d in delegates}
    speakers = {_name(s["name"]): s for s in gold["speakers"]}
    mentioned = {_name(m["name"]) for m in gold.get("mentioned_only") or []}
    drafted_names = [_name(d.get("name")) for d in delegates]
    c = result.counts
    c["spk_gold"], c["spk_draft"] = len(speakers), len(drafted_names)
    c["spk_tp"] = sum(n in speakers for n in drafted_names)
    result.missed = [n for n in speakers if n not in drafted_names]
    result.extra_mentioned = [n for n in drafted_names if n not in speakers and n in mentioned]
    result.extra_other = [n for n in drafted_names if n not in speakers and n not in mentioned]
    for delegate in delegates:
        name = _name(delegate.get("name"))
        if name not in speakers:
            continue
        expected = speakers[name]
        role_ok = delegate.get("role") in _options(expected["role"])
        org_ok = delegate.get("organization") in _options(expected["organization"])
        c["role_ok"] += role_ok
        c["org_ok"] += org_ok
        result.details.append(f"{name}: role {'OK' if role_ok else 'WRONG'} ({delegate.get('role')!r}), "
                              f"org {'OK' if org_ok else 'WRONG'} ({delegate.get('organization')!r})")

    figures = gold["figures"]
    gold_speaker = [_name(f["speaker"]) for f in figures]
    used: set[int] = set()
    duplicates = 0
    for target in targets:
        who = name_of.get(target.get("delegate"))
        value = _number(target.get("value"))
        candidates = [i for i, f in enumerate(figures) if _number(f["value"]) == value]
        candidates.sort(key=lambda i: (gold_speaker[i] != who, i in used))
        if not candidates:
            result.rows.append(f"EXTRA  {target.get('figure')} ({who}) not a gold figure")
            continue
        index = candidates[0]
        figure = figures[index]
        if index in used:
            duplicates += 1
            result.rows.append(f"DUP    {target.get('figure')} ({who})")
            continue
        used.add(index)
        same_speaker = gold_speaker[index] == who
        unit_ok = target.get("unit") in _options(figure["unit"])
        qualifier_ok = target.get("qualifier") in _options(figure["qualifier"])
        if same_speaker:
            c["fig_attr"] += 1
            c["fig_exact"] += unit_ok and qualifier_ok
        right = same_speaker and unit_ok and qualifier_ok
        result.rows.append(
            f"{'OK   ' if right else 'PART '}  {target.get('figure')} -> gold {figure['text']} ({gold_speaker[index]}); "
            f"speaker {'ok' if same_speaker else 'WRONG:' + str(who)}; "
            f"unit {'ok' if unit_ok else 'WRONG:' + str(target.get('unit')) + '/' + str(figure['unit'])}; "
            f"qual {'ok' if qualifier_ok else 'WRONG:' + str(target.get('qualifier')) + '/' + str(figure['qualifier'])}"
        )
    for index, figure in enumerate(figures):
        if index not in used:
            result.rows.append(f"MISSED {figure['text']} ({gold_speaker[index]})")
    c["fig_gold"] = len(figures)
    c["fig_draft_nodup"] = len(targets) - duplicates
    return result
