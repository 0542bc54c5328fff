"""Drafting a brief from a news article: repair the text, find sessions, speakers and figures, mark every guess.

    result = draft_article(text, year=2026)     # or draft_file(Path("article.txt"))
    result.yaml                                 # the brief as YAML, ready to review; result.brief is the model
"""

from __future__ import annotations

from cybrief.errors import UsageError


class Draft:
    """A drafted brief: the model, its YAML text, the repaired article, what was set aside, and notes for the
    person reviewing (a year guessed, a draft cut short so that it loads)."""

    __slots__ = ("brief", "yaml", "article", "encoding", "notes")

    def __init__(self, brief, yaml: str, article, encoding: str, notes: list[str] | None = None):
        self.brief, self.yaml, self.article, self.encoding = brief, yaml, article, encoding
        self.notes = notes or []

    @property
    def reviews(self) -> int:
        """How many fields are marked for review."""
        records = [self.brief, self.brief.source, *self.brief.events, *self.brief.delegates, *self.brief.targets]
        return sum(len(r.review) for r in records)


LOOKED_FOR = (
    "found no speaker and no figure: looked for people introduced with a role and a verb of saying "
    "(某局局长张三表示, 张三代表认为, “……”张三说), labels and headings with a name (张三：, ■某馆馆长张三：), "
    "and figures with a unit (30万人, 5.7%, 2.3万亿元)"
)


def draft_article(text: str, *, year: int | None = None, brief_id: str | None = None, schema: str | None = None,
                  encoding: str = "UTF-8") -> Draft:
    """Draft a brief from an article's text. The YAML always loads: a draft that does not is a bug.

    Raises NoMatch (exit 1) when the article has neither a speaker nor a figure (also when every line of it is set
    aside: captions, links), UsageError when it is empty.
    """
    from cybrief.draft.build import Limits, build
    from cybrief.draft.clean import clean
    from cybrief.draft.events import find_sessions, find_source, find_year
    from cybrief.draft.figures import find_figures
    from cybrief.draft.attribution import attribute
    from cybrief.brief.dump import dump_brief
    from cybrief.errors import NoMatch
    from cybrief.brief.load import loads_brief

    article = clean(text)
    if not article.paragraphs:
        if text.strip():  # every line set aside: a page of photo captions, links or buttons
            raise NoMatch(f"{LOOKED_FOR}; every line of this article was set aside as a caption, a credit, a link or "
                          "a page's furniture")
        raise UsageError("the article is empty")
    source = find_source(article)
    notes: list[str] = []
    if not year:
        year, guessed = find_year(article, source)
        if guessed:
            notes.append(f"{guessed}: give the year with --year, or check the event's date")
    sessions = find_sessions(article, year, source.published)
    notes += [f"event {s.date}: {s.guessed}; check it" for s in sessions if s.guessed]
    speakers = attribute(article, frozenset(s.paragraph for s in sessions if s.paragraph))
    if not len(speakers) and not any(find_figures(p, first_only=True) for p in article.paragraphs[1:]):
        raise NoMatch(LOOKED_FOR)
    limits = Limits()
    brief = build(article, source, sessions, speakers, brief_id, limits)
    notes += limits.notes
    yaml = dump_brief(brief, schema=schema)
    loads_brief(yaml, "<draft>")  # raises if the draft would not load
    return Draft(brief, yaml, article, encoding, notes)


def draft_bytes(data: bytes, shown: str, **options) -> Draft:
    """Draft from an article's bytes in UTF-8, UTF-16/32 with a BOM, or GBK/GB18030."""
    from cybrief.draft.article import decode_article

    text, encoding = decode_article(data, shown)
    if not text.strip():
        raise UsageError(f"{shown}: the article is empty")  # which file, as for every other bad input
    return draft_article(text, encoding=encoding, **options)
