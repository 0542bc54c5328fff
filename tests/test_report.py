"""Report tests: a complete GFM briefing in each language, valid for a GFM parser and for pandoc, written safely."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt

from conftest import run

SECTIONS = {
    "zh": ["活动", "代表发言", "领域概览", "全部数据"],
    "en": ["Events", "Delegates", "Sectors", "All figures"],
    "both": ["活动 Events", "代表发言 Delegates", "领域概览 Sectors", "全部数据 All figures"],
}
TABLES = 1 + 4 + 1 + 1  # events, the figures of each of the four delegates who gave any, sectors, all figures


def _report(lang: str) -> str:
    result = run("report", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _tables(tokens) -> list[list[int]]:
    """Cells per row of each table: a GFM parser builds them only for well-formed tables."""
    tables, rows, cells = [], None, 0
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            rows.append(cells)
        elif token.type == "table_close":
            tables.append(rows)
    return tables


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_report_is_well_formed_gfm_with_every_section(lang):
    text = _report(lang)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [h for tag, h in headings if tag == "h1"] == [
        "How the Chengdu-Chongqing twin-city economic circle plans to raise its standing in the 15th Five-Year Plan"
        if lang == "en" else "成渝地区双城经济圈“十五五”这样开创提升发展能级新局面"
    ]
    assert [h for tag, h in headings if tag == "h2"] == SECTIONS[lang]
    assert len([h for tag, h in headings if tag == "h3"]) == 6  # one per delegate
    tables = _tables(tokens)
    assert len(tables) == TABLES
    for rows in tables:
        assert len(set(rows)) == 1, rows  # every row as wide as the header
    figures = tables[-1]
    assert len(figures) == 1 + 26 and figures[0] == 9


def test_report_shows_figures_with_qualifiers_and_horizons():
    text = _report("en")
    assert "| Software industry revenue | CNY 501.8 bn | 501800000000元 | exact | 2025 | achieved | 8 |" in text
    assert "| 万亿级 | 1000000000000元 | approx. (qualitative) |" in text
    assert "*Party secretary and chairman, State Grid Chongqing Electric Power Company*" in text
    assert "- **Source**: 上游财经—重庆晨报，陈军" in text


def test_report_to_a_file_is_refused_over_an_existing_one(tmp_path):
    path = tmp_path / "out" / "briefing.md"
    assert run("report", "-o", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == _report("both")
    again = run("report", "--lang", "en", "-o", str(path))
    assert again.exit_code == 2 and again.stderr == f"cybrief: error: {path}: already exists; use --force to replace it\n"
    assert run("report", "--lang", "en", "-o", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8") == _report("en")


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_report_as_gfm_and_writes_a_docx(tmp_path):
    import json
    import zipfile

    source = tmp_path / "briefing.md"
    source.write_text(_report("both"), encoding="utf-8")
    ast = json.loads(subprocess.run(["pandoc", "-f", "gfm", "-t", "json", str(source)], capture_output=True,
                                    check=True).stdout)
    blocks = [b["t"] for b in ast["blocks"]]
    assert blocks.count("Table") == TABLES
    assert [b["c"][0] for b in ast["blocks"] if b["t"] == "Header"].count(2) == 4
    docx = tmp_path / "briefing.docx"
    subprocess.run(["pandoc", "-f", "gfm", "-o", str(docx), str(source)], check=True)
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "成渝地区双城经济圈" in document and document.count("<w:tbl>") == TABLES
