"""The word lists of lexicon.toml (sectors, session kinds, speech verbs, titles, names, regions), read once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")


class Lexicon:
    """What lexicon.toml holds, in the shapes the drafting steps use."""

    def __init__(self, data: dict):
        self.sectors: list[dict] = data["sectors"]
        self.event_kinds: dict[str, list[str]] = data["event_kinds"]
        self.event_ids: dict[str, str] = data["event_ids"]
        speakers = data["speakers"]
        self.verbs: list[str] = speakers["verbs"]
        self.verb_set: frozenset[str] = frozenset(self.verbs)
        self.floor: list[str] = speakers["floor"]
        self.titles: list[str] = sorted(speakers["titles"], key=len, reverse=True)
        self.party_bodies: list[str] = speakers["party_bodies"]
        self.short_titles: list[str] = sorted(speakers["short_titles"], key=len, reverse=True)
        self.title_set: frozenset[str] = frozenset(self.titles) | frozenset(self.short_titles)
        self.memberships: list[str] = sorted(speakers["memberships"], key=len, reverse=True)
        self.not_names: frozenset[str] = frozenset(speakers["not_names"])
        names = data["names"]
        self.compound_surnames: list[str] = names["compound"]
        self.surnames: frozenset[str] = frozenset(names["single"]) | frozenset(names["compound"])
        self.married_surnames: frozenset[str] = frozenset(names["married"])
        self.surname_pinyin: dict[str, str] = names["pinyin"]
        self.regions: list[str] = data["regions"]["names"]
        self.region_full: dict[str, str] = data["regions"]["full"]

    def surname_of(self, name: str) -> str:
        """The family name at the start of a Chinese name: a compound one (欧阳) or the first character."""
        for compound in self.compound_surnames:
            if name.startswith(compound) and len(name) > len(compound):
                return compound
        return name[:1]

    def looks_like_name(self, text: str) -> bool:
        """Two to four Chinese characters (a middle dot allowed) beginning with a known family name."""
        if not 2 <= len(text) <= 4 or not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in text):
            return False
        return self.surname_of(text) in self.surnames


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import tomllib

    with open(LEXICON_FILE, "rb") as handle:
        return Lexicon(tomllib.load(handle))
