"""How good a draft is: `cybrief draft` of an article compared with a hand-made brief of the same article.

Usage: python benchmarks/draft_quality.py HAND_BRIEF ARTICLE [--year YYYY]

Prints precision and recall for delegates (by name, then with the right role and event) and for figures
(the same figure text and value, given by the same delegate), what was missed and what was extra, and the
captions the draft set aside and the paragraphs it joined. Goals on a report like the bundled one: every
delegate with the right role and event, figure recall and precision at least 90%.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cybrief.draft import draft_bytes
from cybrief.draft.article import read_article
from cybrief.draft.quality import Comparison
from cybrief.errors import CybriefError
from cybrief.brief.load import load_brief


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hand_brief", type=Path)
    parser.add_argument("article", type=Path)
    parser.add_argument("--year", type=int, default=None, help="year of the sessions, if the article does not say")
    args = parser.parse_args()

    try:
        hand = load_brief(args.hand_brief)
        draft = draft_bytes(read_article(args.article, str(args.article)), str(args.article), year=args.year)
    except CybriefError as exc:
        for line in exc.lines():
            print(f"draft_quality: {line}", file=sys.stderr)
        return 2
    comparison = Comparison(draft.brief, hand)
    print(f"{args.article.name} against {args.hand_brief.name} (read as {draft.encoding})")
    for line in comparison.lines():
        print(line)
    article = draft.article
    print(f"paragraphs: {len(article.paragraphs)}; joined again: {article.joined or 'none'}")
    for number in article.joined:
        print(f"  {number}: {article.paragraph(number)[:60]}…")
    print(f"captions set aside: {article.captions or 'none'}")
    print(f"fields marked for review: {draft.reviews}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
