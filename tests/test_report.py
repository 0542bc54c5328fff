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
        "How the Chengdu-Chongqing twin-city economic circle is to open a new stage in raising its development level in the 15th Five-Year Plan"
        if lang == "en" else "成渝地区双城经济圈“十五五”这样开创提升发展能级新局面"
    ]
    assert [h for tag, h in headings if tag == "h2"] == SECTIONS[lang]
    assert len([h for tag, h in headings if tag == "h3"]) == 6  # one per delegate
    tables = _tables(tokens)
    assert len(tables) == TABLES
    for rows in tables:
        assert len(set(rows)) == 1, rows  # every row as wide as the header
    figures = tables[-1]
    assert len(figures) == 1 + 25 and figures[0] == 9


def test_report_shows_figures_with_qualifiers_and_horizons():
    text = _report("en")
    assert "| Software industry revenue | CNY 501.8 bn | 501800000000 CNY | exact | 2025 | achieved | 8 |" in text
    assert "| on the order of CNY 1.0 tn | 1000000000000 CNY | approx. (qualitative) |" in text
    assert "| Clean power's share of electricity used † | 1/2 | exact | end of the 15th Five-Year Plan (2030) | goal |" in text
    assert "*Secretary of the Party Committee and Chairman, State Grid Chongqing Electric Power Company*" in text
    assert "- **Source**: Upstream Finance, Chongqing Morning Post, Chen Jun" in text
    assert "- **来源 Source**: 上游财经—重庆晨报 Upstream Finance, Chongqing Morning Post, 陈军 Chen Jun" in _report("both")


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


# Text that would open a block if a paragraph or list item began with it: a heading, a list item, a rule,
# a setext underline, a quote, a fence, an indented code block, an HTML block.
BLOCK_STARTS = ["# heading", "1. ordered", "3) ordered", "+ bullet", "- bullet", "* bullet", "> quote", "---", "===",
                "***", "___", "```fence", "~~~fence", "    indented code", "\tindented code", "<div>html</div>",
                "- - -", "   # indented heading"]


def _hostile_library(tmp_path, text: str):
    import json as _json

    from conftest import MINI

    quoted = _json.dumps(text)
    brief = MINI.read_text(encoding="utf-8")
    for old, new in (("    summary: 张三谈电网投资。\n", f"    summary: {quoted}\n"),
                     ("    summary_en: Zhang spoke on grid investment.\n", f"    summary_en: {quoted}\n"),
                     ("      - zh: 特高压线路投运。\n        en: UHV lines in service.\n",
                      f"      - zh: {quoted}\n        en: {quoted}\n"),
                     ("    title: 专题记者会\n", f"    title: {quoted}\n")):
        assert brief.count(old) == 1
        brief = brief.replace(old, new)
    tmp_path.mkdir()
    (tmp_path / "b.yaml").write_text(brief, encoding="utf-8")
    return tmp_path


def _blocks(markdown: str) -> list[str]:
    """The kinds of block a GFM reader finds, in order (paragraphs, headings, lists, tables ...)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [t.type for t in tokens if t.type.endswith("_open") and t.level == 0 or t.type in ("hr", "code_block", "fence", "html_block")]


@pytest.mark.parametrize("text", BLOCK_STARTS)
@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_data_never_opens_a_block_in_the_report(tmp_path, text, lang):
    plain = run("report", "--lang", lang, library=_hostile_library(tmp_path / "plain", "MARK plain text"))
    hostile = run("report", "--lang", lang, library=_hostile_library(tmp_path / "hostile", text))
    assert plain.exit_code == hostile.exit_code == 0
    assert _blocks(hostile.stdout) == _blocks(plain.stdout)  # the same document, block for block
    texts = ["".join(c.content for c in t.children if c.type == "text")
             for t in MarkdownIt("commonmark").enable("table").parse(hostile.stdout) if t.type == "inline"]
    assert text.strip() in texts  # read back as written, whole, as a paragraph of its own


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_data_never_opens_a_block_in_a_delegates_detail(tmp_path, text):
    plain = run("delegates", "zhang-san", "--format", "markdown", library=_hostile_library(tmp_path / "p", "MARK"))
    hostile = run("delegates", "zhang-san", "--format", "markdown", library=_hostile_library(tmp_path / "h", text))
    assert _blocks(hostile.stdout) == _blocks(plain.stdout)


def test_escape_block_escapes_only_a_leading_marker():
    from cybrief.render.markdown import escape_block

    assert escape_block("# a # b") == "\\# a # b"
    assert escape_block("2025. 年") == "2025\\. 年" and escape_block("1) x") == "1\\) x"
    assert escape_block("- a - b") == "\\- a - b" and escape_block("+ a") == "\\+ a" and escape_block("===") == "\\==="
    assert escape_block("    code") == "code" and escape_block("\t> q") == "&gt; q"
    assert escape_block("20%以上，-3") == "20%以上，-3" and escape_block("2025年") == "2025年"


def test_sector_overview_counts_figures_by_kind_and_sums_nothing():
    sectors = _report("en").split("## Sectors")[1].split("## All figures")[0]
    assert "| Sector | Delegates | Figures | Achieved | Goals | Plans |" in sectors
    # achieved (十四五) and planned (十五五) investment are counted apart, never added up
    assert "| Industrial investment | Xie Wenhui | 5 | 2 | 0 | 3 |" in sectors
    assert "| Rural revitalization | Ran Hui | 2 | 2 | 0 | 0 |" in sectors
    assert not any(word in sectors for word in ("CNY", "bn", "million", "亿", "万"))
