"""Drafting a brief from a news article: repair the text, find sessions, speakers and figures, mark every guess.

    result = draft_article(text, year=2026)     # or draft_file(Path("article.txt"))
    result.yaml                                 # the brief as YAML, ready to review; result.brief is the model
"""

from __future__ import annotations

from cybrief.errors import UsageError


class Draft:
    """A drafted brief: the model, its YAML text, the repaired article, and what was set aside."""

    __slots__ = ("brief", "yaml", "article", "encoding")

    def __init__(self, brief, yaml: str, article, encoding: str):
        self.brief, self.yaml, self.article, self.encoding = brief, yaml, article, encoding

    @property
    def reviews(self) -> int:
        """How many fields are marked for review."""
        records = [self.brief, self.brief.source, *self.brief.events, *self.brief.delegates, *self.brief.targets]
        return sum(len(r.review) for r in records)


def draft_article(text: str, *, year: int | None = None, brief_id: str | None = None, schema: str | None = None,
                  encoding: str = "UTF-8") -> Draft:
    """Draft a brief from an article's text. The YAML always loads: a draft that does not is a bug."""
    from cybrief.draft.build import build
    from cybrief.draft.clean import clean
    from cybrief.draft.events import find_sessions, find_source, find_year
    from cybrief.draft.speakers import find_speakers
    from cybrief.brief.dump import dump_brief
    from cybrief.brief.load import loads_brief

    article = clean(text)
    if not article.paragraphs:
        raise UsageError("the article is empty")
    source = find_source(article)
    year = year or find_year(article, source)
    if year is None:
        raise UsageError("cannot tell the year of the sessions from the article; give it with --year YYYY")
    sessions = find_sessions(article, year)
    speakers = find_speakers(article, frozenset(s.paragraph for s in sessions))
    brief = build(article, source, sessions, speakers, brief_id)
    yaml = dump_brief(brief, schema=schema)
    loads_brief(yaml, "<draft>")  # raises if the draft would not load
    return Draft(brief, yaml, article, encoding)


def draft_bytes(data: bytes, shown: str, **options) -> Draft:
    """Draft from an article's bytes in UTF-8, UTF-16/32 with a BOM, or GBK/GB18030."""
    from cybrief.draft.article import decode_article

    text, encoding = decode_article(data, shown)
    return draft_article(text, encoding=encoding, **options)
