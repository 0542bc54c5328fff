"""The documentation: a short README that links every page of docs/, and pages that link where they say."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def _pages() -> list[Path]:
    return [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_the_readme_is_a_front_door_that_links_every_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 200
    linked = {target for target, _ in LINK.findall(readme)}
    pages = {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")} | {"CONTRIBUTING.md"}
    assert pages - linked == set()


def test_every_relative_link_and_anchor_of_the_docs_exists():
    broken = []
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        for target, anchor in LINK.findall(text):
            if "://" in target:
                continue
            path = (page.parent / target).resolve()
            if not path.exists():
                broken.append(f"{page.name}: {target}")
            elif anchor and path.suffix == ".md" and _slug(anchor[1:]) not in _anchors(path):
                broken.append(f"{page.name}: {target}{anchor}")
        for anchor in re.findall(r"\]\((#[^)\s]+)\)", text):
            if _slug(anchor[1:]) not in _anchors(page):
                broken.append(f"{page.name}: {anchor}")
    assert broken == []


def _slug(text: str) -> str:
    return text.lower()


def _anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}
