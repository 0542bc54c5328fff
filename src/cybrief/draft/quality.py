"""How close a draft comes to a hand-made brief of the same article: delegates and figures, precision and recall."""

from __future__ import annotations

from collections import Counter

from cybrief.brief.model import Brief, format_number


class Score:
    """Matched items against the draft's and the hand brief's counts."""

    __slots__ = ("matched", "drafted", "expected")

    def __init__(self, matched: int, drafted: int, expected: int):
        self.matched, self.drafted, self.expected = matched, drafted, expected

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        return (f"precision {self.matched}/{self.drafted} = {self.precision:.1%}, "
                f"recall {self.matched}/{self.expected} = {self.recall:.1%}")


class Comparison:
    """Delegates matched by name (with role and event checked), figures by (figure text, value, delegate)."""

    def __init__(self, draft: Brief, hand: Brief):
        self.draft, self.hand = draft, hand
        drafted = {d.name: d for d in draft.delegates}
        expected = {d.name: d for d in hand.delegates}
        both = [name for name in expected if name in drafted]
        self.delegates = Score(len(both), len(drafted), len(expected))
        self.roles = Score(sum(same_role(drafted[n].role, expected[n].role) for n in both), len(drafted), len(expected))
        self.events = Score(sum(_event(draft, drafted[n]) == _event(hand, expected[n]) for n in both), len(drafted), len(expected))
        self.missing_delegates = [n for n in expected if n not in drafted]
        self.extra_delegates = [n for n in drafted if n not in expected]
        self.wrong_roles = [(n, drafted[n].role, expected[n].role) for n in both if not same_role(drafted[n].role, expected[n].role)]
        self.wrong_events = [(n, _event(draft, drafted[n]), _event(hand, expected[n])) for n in both
                             if _event(draft, drafted[n]) != _event(hand, expected[n])]

        draft_keys = Counter(_figure_key(draft, t) for t in draft.targets)
        hand_keys = Counter(_figure_key(hand, t) for t in hand.targets)
        matched = draft_keys & hand_keys
        self.figures = Score(sum(matched.values()), len(draft.targets), len(hand.targets))
        text_matched = Counter(t.figure for t in draft.targets) & Counter(t.figure for t in hand.targets)
        self.figure_texts = Score(sum(text_matched.values()), len(draft.targets), len(hand.targets))
        self.missing_figures = sorted((hand_keys - draft_keys).elements())
        self.extra_figures = sorted((draft_keys - hand_keys).elements())
        hand_paragraphs = {_figure_key(hand, t): t.paragraph for t in hand.targets}
        same = [t for t in draft.targets if hand_paragraphs.get(_figure_key(draft, t)) == t.paragraph]
        self.paragraphs = Score(len(same), sum(matched.values()), sum(matched.values()))

    def lines(self) -> list[str]:
        out = [
            f"delegates (name):          {self.delegates}",
            f"delegates with right role: {self.roles}",
            f"delegates with right event: {self.events}",
            f"figures (text, value, delegate): {self.figures}",
            f"figures (text only):       {self.figure_texts}",
            f"matched figures on the hand brief's paragraph: {self.paragraphs.matched}/{self.paragraphs.expected}",
        ]
        out += [f"  missing delegate: {n}" for n in self.missing_delegates]
        out += [f"  extra delegate:   {n}" for n in self.extra_delegates]
        out += [f"  role of {n}: drafted {a!r}, hand {b!r}" for n, a, b in self.wrong_roles]
        out += [f"  event of {n}: drafted {a}, hand {b}" for n, a, b in self.wrong_events]
        out += [f"  missing figure: {f} = {v} ({d})" for f, v, d in self.missing_figures]
        out += [f"  extra figure:   {f} = {v} ({d})" for f, v, d in self.extra_figures]
        return out


def same_role(drafted: str, hand: str) -> bool:
    """The same role, or the same once a membership that opens one of them (全国人大代表，) is set apart:
    drafts keep the membership as the report states it; hand briefs written before they did leave it out."""
    return drafted == hand or _without_membership(drafted) == _without_membership(hand)


def _without_membership(role: str) -> str:
    from cybrief.draft.lexicon import lexicon

    for membership in lexicon().memberships:
        if role.startswith(membership) and role[len(membership): len(membership) + 1] in ("，", "、", ","):
            return role[len(membership) + 1:]
    return role


def _event(brief: Brief, delegate) -> tuple[str, str] | None:
    event = brief.event(delegate.event)
    return (event.date, event.kind) if event else None


def _figure_key(brief: Brief, target) -> tuple[str, str, str]:
    delegate = brief.delegate(target.delegate)
    return target.figure, format_number(target.value), delegate.name if delegate else target.delegate
