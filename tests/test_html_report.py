"""The briefing as an HTML page and as a folder of Markdown with its charts: content, links, files written safely."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import BUNDLED, MINI, run


class _Page(HTMLParser):
    """Tags with their attributes, and the text, of an HTML page as a browser's parser reads it."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.headings, self._heading = [], [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, ""]

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading:
            self._heading[1] += data


def _page(*args, library=BUNDLED) -> _Page:
    result = run("report", "--format", "html", *args, library=library)
    assert result.exit_code == 0, result.stderr
    return _Page(result.stdout)


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_the_page_has_every_section_delegate_and_figure(lang):
    page = _page("--lang", lang)
    h2 = [text for tag, text in page.headings if tag == "h2"]
    assert h2 == {"zh": ["活动", "代表发言", "领域概览", "图表", "全部数据"],
                  "en": ["Events", "Delegates", "Sectors", "Charts", "All figures"],
                  "both": ["活动 Events", "代表发言 Delegates", "领域概览 Sectors", "图表 Charts", "全部数据 All figures"]}[lang]
    assert len([1 for tag, _ in page.headings if tag == "h3"]) == 6
    text = "".join(page.text)
    for name in ("王志杰", "夏泳", "谢文辉", "杜卫东", "刘勇", "冉慧") if lang != "en" else ("Wang Zhijie", "Ran Hui"):
        assert name in text
    rows = [t for t, a in page.tags if t == "tr"]
    assert len(rows) >= 1 + 26, "every figure has a row"
    assert "¶ 4–6, 8–10" in text, "the delegate's paragraphs are cited, runs joined"


def test_the_page_is_self_contained_and_has_no_script():
    result = run("report", "--format", "html")
    page = _Page(result.stdout)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link"}
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert not re.search(r"url\((?!#)", result.stdout), "nothing is loaded from elsewhere, not even a font"
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "@page { size: A4" in result.stdout and "@media print" in result.stdout


def test_charts_are_inline_twice_each_with_ids_of_their_own():
    result = run("report", "--format", "html")
    ids = re.findall(r'(?<![\w-])id="([^"]+)"', result.stdout)
    assert len(ids) == len(set(ids)), "no id is shared by two charts"
    svgs = result.stdout.count("<svg ")
    assert svgs == 2 * 14, "each of the 14 panels drawn for wide screens and print, and for narrow screens"


def test_terms_and_inferred_points_are_shown(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("    summary: 张三谈电网投资。\n", "    summary: 张三谈电网投资。\n    terms: [“疆电入渝”, 特高压]\n")
    text = text.replace("      - zh: 特高压线路投运。\n        en: UHV lines in service.\n",
                        "      - zh: 特高压线路投运。\n        en: UHV lines in service.\n        basis: inferred\n"
                        "        basis_note: 下一段继续引述\n")
    text = text.replace("    title: 专题记者会\n", "    title: 专题记者会\n    terms: [双城经济圈]\n")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    page = _page("--lang", "en", library=tmp_path)
    terms = [t for t, a in page.tags if t == "ul" and a.get("class") == "terms"]
    assert len(terms) == 2
    body = "".join(page.text)
    assert "“疆电入渝”" in body and "特高压" in body and "双城经济圈" in body
    assert ("span", {"class": "basis", "title": "下一段继续引述"}) in page.tags and "inferred" in body


def test_report_into_a_folder_links_its_charts_beside_it(tmp_path):
    folder = tmp_path / "out"
    result = run("report", "-o", f"{folder}/", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.md", "chongqing-2026-03-chengyu.svg"]
    markdown = (folder / "briefing.md").read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    assert links == ["chongqing-2026-03-chengyu.svg"] and (folder / links[0]).is_file()
    assert markdown.replace("## Charts\n\n![Chart of the figures](chongqing-2026-03-chengyu.svg)\n\n", "") == \
        run("report", "--lang", "en").stdout, "the same report, with its charts linked"
    svg = (folder / links[0]).read_text(encoding="utf-8")
    assert svg.startswith("<svg ") and "Per capita, averages and prices" in svg
    again = run("report", "-o", str(folder), "--lang", "en")
    assert (again.exit_code, again.stderr) == (2, f"cybrief: error: {folder / 'briefing.md'}: already exists; use --force to replace it\n")
    assert run("report", "-o", str(folder), "--force", "--format", "html").exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.html", "briefing.md", "chongqing-2026-03-chengyu.svg"]


def test_no_file_of_a_folder_report_is_written_when_one_exists(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "chongqing-2026-03-chengyu.svg").write_text("mine", encoding="utf-8")
    result = run("report", "-o", str(folder))
    assert result.exit_code == 2
    assert sorted(p.name for p in folder.iterdir()) == ["chongqing-2026-03-chengyu.svg"]
    assert (folder / "chongqing-2026-03-chengyu.svg").read_text(encoding="utf-8") == "mine"


def test_html_report_to_a_file_is_refused_over_an_existing_one(tmp_path):
    path = tmp_path / "b.html"
    path.write_text("old", encoding="utf-8")
    result = run("report", "--format", "html", "-o", str(path))
    assert (result.exit_code, result.stderr) == (2, f"cybrief: error: {path}: already exists; use --force to replace it\n")
    assert path.read_text(encoding="utf-8") == "old"
    assert run("report", "--format", "html", "-o", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
