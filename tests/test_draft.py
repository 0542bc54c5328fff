"""draft: repairing web copy, reading encodings, finding sessions, speakers and figures, and the command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run
from cybrief.draft import draft_article, draft_bytes
from cybrief.draft.article import ArticleError, decode_article
from cybrief.draft.clean import clean
from cybrief.draft.events import session_year
from cybrief.draft.figures import find_figures
from cybrief.draft.lexicon import lexicon
from cybrief.draft.quality import Comparison
from cybrief.draft.names import simplified
from cybrief.draft.organizations import organization_of
from cybrief.draft.introductions import find_people
from cybrief.brief.load import load_brief, loads_brief
from cybrief.brief.model import EVENT_KINDS

ARTICLES = FIXTURES / "articles"
SEED = ROOT.parent / "shared" / "seeds" / "000_677c92e947dbdcd8.txt"
BUNDLED_BRIEF = ROOT / "briefs" / "chongqing-2026-03-chengyu.yaml"
# (article, hand brief, year to pass): newsconf.txt names no year, so it is drafted with --year.
PAIRS = [("corridor", None), ("ministers", None), ("mountain", None), ("newsconf", 2026)]


# --- repairing the text ------------------------------------------------------------------------------

BROKEN = """\
\u3000\u3000标题：测试标题一号


\u3000\u30003月7日，某代表团举行记者会。
\u3000\u3000全国人大代表，某公司董事长张三说，今年公司的研发投入增长了

\u3000\u3000车间一角

[图片]

15%，达到3亿元。
小标题不连接
第二段完整。
\u3000本报记者 李四 摄影报道
（编辑：王五）
"""


def test_a_sentence_split_by_captions_is_joined_and_the_captions_kept_aside():
    article = clean(BROKEN)
    assert article.paragraphs == [
        "测试标题一号",
        "3月7日，某代表团举行记者会。",
        "全国人大代表，某公司董事长张三说，今年公司的研发投入增长了15%，达到3亿元。",
        "小标题不连接",
        "第二段完整。",
    ]
    assert article.captions == ["[图片]", "车间一角"]
    assert article.joined == [3]
    assert article.bylines == ["本报记者 李四 摄影报道"]
    assert article.meta == ["（编辑：王五）"]


def test_a_headline_between_reports_is_not_joined_to_what_follows():
    text = "总标题\n正文第一段。\n全国人大代表刘某：推进产业升级 建设美丽乡村\n3月6日上午，代表团举行开放团组会议。\n"
    assert clean(text).paragraphs[2] == "全国人大代表刘某：推进产业升级 建设美丽乡村"


def test_a_byline_run_on_at_the_end_of_a_paragraph_is_set_aside():
    article = clean("标题\n第一段，内容。\n最后一段说完了。上游财经—重庆晨报特派北京记者 陈军\n")
    assert article.paragraphs[-1] == "最后一段说完了。"
    assert article.bylines == ["上游财经—重庆晨报特派北京记者 陈军"]


@pytest.mark.skipif(not SEED.exists(), reason="the source article of the bundled brief is not beside this checkout")
def test_the_seed_article_is_repaired_as_the_bundled_brief_counts_it():
    article = clean(SEED.read_text(encoding="utf-8"))
    assert article.captions == ["长安跨越焊接车间", "阿维塔12四激光版正式下线"]
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    second_half = next(line for line in lines if "夏泳认为" in line)  # what two captions split from its paragraph
    assert article.paragraph(12).endswith(second_half) and article.paragraph(12) != second_half
    assert article.joined == [8, 12, 26, 32]
    assert article.paragraph(23).startswith("全国人大代表刘勇：") and len(article.paragraphs) == 34


# --- encodings ---------------------------------------------------------------------------------------

TEXT = "3月7日，测试𠀀代表团举行记者会。"


@pytest.mark.parametrize(
    "data, name",
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "UTF-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("gb18030"), "GB18030"),
        (TEXT.replace("𠀀", "").encode("gbk"), "GBK"),
    ],
)
def test_common_chinese_encodings_are_read(data, name):
    text, encoding = decode_article(data, "a.txt")
    assert encoding == name and text.replace("𠀀", "") == TEXT.replace("𠀀", "")


@pytest.mark.parametrize(
    "data, message",
    [
        ("3月7日，測試代表團".encode("big5"), "a.txt: not UTF-8, UTF-16 with a BOM, or GBK/GB18030 text (invalid byte at offset 1); convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8"),
        (TEXT.encode("utf-16-le"), "a.txt: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"),
        (b"abc\x00def", "a.txt: holds NUL bytes: not a text article"),
        (b"\xff\xfe\x00\xd8", "a.txt: starts with a UTF-16 byte-order mark but is not UTF-16: invalid bytes at offset 2"),
    ],
)
def test_what_cannot_be_read_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ArticleError) as caught:
        decode_article(data, "a.txt")
    assert str(caught.value) == message


def test_a_gbk_article_drafts_like_its_utf8_original():
    text = (ARTICLES / "mountain.txt").read_text(encoding="utf-8")
    assert draft_bytes(text.encode("gbk"), "m.txt").yaml == draft_article(text).yaml


# --- sessions, speakers, figures ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, year",
    [("十四届全国人大四次会议", 2026), ("全国政协十四届四次会议", 2026), ("十三届全国人大一次会议", 2018), ("九届全国人大五次会议", 2002)],
)
def test_the_year_of_a_session_follows_from_its_term_and_number(text, year):
    assert session_year(f"出席{text}的代表") == year


@pytest.mark.parametrize(
    "body, role, name",
    [
        ("市经济和信息化委员会党组书记、主任王志杰", "市经济和信息化委员会党组书记、主任", "王志杰"),
        ("中国移动通信集团重庆有限公司党委书记、董事长、总经理夏泳", "中国移动通信集团重庆有限公司党委书记、董事长、总经理", "夏泳"),
        ("重庆海关副关长罗建新", "重庆海关副关长", "罗建新"),
        ("全国人大代表，市文旅委主任欧阳明", "全国人大代表，市文旅委主任", "欧阳明"),
    ],
)
def test_a_role_and_the_name_after_it_are_told_apart(body, role, name):
    text = f"{body}表示，今年要做好三件事。"
    [person] = find_people(1, text, simplified(text), frozenset())
    assert (person.role, person.name) == (role, name)


@pytest.mark.parametrize(
    "role, organization",
    [
        ("国网重庆市电力公司党委书记、董事长", "国网重庆市电力公司"),
        ("酉阳县桃花源街道天山堡村党支部书记", "酉阳县桃花源街道天山堡村"),
        ("交通运输部部长", "交通运输部"),
    ],
)
def test_the_organization_is_the_role_less_its_titles(role, organization):
    assert organization_of(role) == organization


@pytest.mark.parametrize(
    "text, figures",
    [
        ("这个集群一年造车近400万辆，某市产量278.8万辆，每9台汽车就有1台出自这里。", ["近400万辆", "278.8万辆", "每9台汽车就有1台"]),
        ("目标是“十五五”末每消费2度电就有1度来自清洁能源，也就是二分之一。", ["每消费2度电就有1度", "二分之一"]),
        ("增长百分之七点二，新增恢复灌溉面积两千余万亩，近百个平台，1500余家企业，15分钟左右。", ["百分之七点二", "两千余万亩", "近百个", "1500余家", "15分钟左右"]),
        ("这里已是全国第三大汽车产业集群，2025年发布了“千万工程”和《十五个方案》，冒出一批成果。", []),
        ("十四届全国人大四次会议召开，三大核心、四大任务，汽车零部件，长三角、这两年、5年前、“15分钟高品质生活服务圈”。", []),
        ("共同打造万亿级汽车产业", ["万亿级"]),
    ],
)
def test_the_scanner_finds_figures_and_leaves_out_dates_ordinals_names_and_articles(text, figures):
    assert [f.text for f in find_figures(text)] == figures


def test_an_order_of_magnitude_is_a_qualitative_figure():
    [found] = find_figures("共同打造万亿级汽车产业")
    assert found.quantity.value == 10**12 and found.qualitative.startswith("万亿级 names an order of magnitude")


def test_the_lexicon_is_data_and_names_only_known_kinds():
    lex = lexicon()
    slugs = [s["slug"] for s in lex.sectors]
    assert len(slugs) == len(set(slugs)) and "general" in slugs
    assert set(lex.event_kinds) <= set(EVENT_KINDS) and set(lex.event_ids) == set(EVENT_KINDS)


# --- whole drafts against hand briefs ----------------------------------------------------------------

@pytest.mark.parametrize("name, year", PAIRS)
def test_a_draft_of_each_test_article_finds_its_delegates_and_figures(name, year):
    draft = draft_article((ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), year=year)
    comparison = Comparison(draft.brief, load_brief(ARTICLES / f"{name}.yaml"))
    assert comparison.delegates.recall == comparison.delegates.precision == 1.0
    assert comparison.roles.recall == comparison.events.recall == 1.0
    assert comparison.figures.recall >= 0.9 and comparison.figures.precision >= 0.9
    assert comparison.paragraphs.matched == comparison.paragraphs.expected
    assert loads_brief(draft.yaml) == draft.brief


@pytest.mark.skipif(not SEED.exists(), reason="the source article of the bundled brief is not beside this checkout")
def test_the_seed_article_drafts_close_to_the_bundled_brief():
    draft = draft_article(SEED.read_text(encoding="utf-8"))
    comparison = Comparison(draft.brief, load_brief(BUNDLED_BRIEF))
    assert comparison.delegates.recall == comparison.roles.recall == comparison.events.recall == 1.0
    assert comparison.figures.recall >= 0.9 and comparison.figures.precision >= 0.9


def test_everything_guessed_is_marked_for_review():
    brief = draft_article((ARTICLES / "corridor.txt").read_text(encoding="utf-8")).brief
    assert all({"metric", "metric_en", "sector", "kind"} <= set(t.review) for t in brief.targets)
    assert all({"summary", "summary_en", "role"} <= set(d.review) for d in brief.delegates)
    assert all(d.summary.startswith("【草稿摘录，待改写】") for d in brief.delegates)
    assert {"kind", "title"} <= set(brief.events[0].review)


# --- the command ---------------------------------------------------------------------------------------

def test_an_empty_article_is_one_line_naming_the_file_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("blank.txt").write_text(" \n\n", encoding="utf-8")
    result = run("draft", "blank.txt", "-o", "out.yaml", library=None)
    assert (result.exit_code, result.stderr) == (2, "cybrief: error: blank.txt: the article is empty\n")
    assert not Path("out.yaml").exists()


def test_draft_writes_a_brief_that_validates_and_strict_lists_the_guesses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ARTICLES / "corridor.txt", "a.txt")
    result = run("draft", "a.txt", "-o", "out/corridor.yaml", library=None)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("cybrief: drafted 1 event, 2 delegates and 12 figures from a.txt (UTF-8); ")
    text = Path("out/corridor.yaml").read_text(encoding="utf-8")
    assert text.startswith("id: corridor\n")  # no schema line: not inside a checkout
    assert run("validate", "out", library=None).exit_code == 0
    strict = run("validate", "out", "--strict", library=None)
    assert strict.exit_code == 2
    assert "out/corridor.yaml:" in strict.stderr and ": targets[0].metric: marked for review" in strict.stderr
    assert [p.name for p in Path("out").iterdir()] == ["corridor.yaml"]  # no temporary file left behind


def test_draft_never_overwrites_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("b.yaml").write_text("keep me\n", encoding="utf-8")
    result = run("draft", str(ARTICLES / "corridor.txt"), "-o", "b.yaml", library=None)
    assert result.exit_code == 2
    assert result.stderr == "cybrief: error: b.yaml: already exists; use --force to replace it\n"
    assert Path("b.yaml").read_text(encoding="utf-8") == "keep me\n"
    forced = run("draft", str(ARTICLES / "corridor.txt"), "-o", "b.yaml", "--force", library=None)
    assert forced.exit_code == 0 and Path("b.yaml").read_text(encoding="utf-8").startswith("id: b\n")


def test_draft_reads_standard_input_and_writes_standard_output():
    from typer.testing import CliRunner

    from cybrief.cli import app

    data = (ARTICLES / "ministers.txt").read_text(encoding="utf-8").encode("utf-16")
    result = CliRunner().invoke(app, ["draft", "-", "--id", "from-stdin"], input=data)
    assert result.exit_code == 0, result.stderr
    assert loads_brief(result.stdout).id == "from-stdin"
    assert "from <stdin> (UTF-16)" in result.stderr


def test_draft_inside_a_checkout_names_the_schema(tmp_path):
    out = ROOT / "briefs" / f"draft-test-{tmp_path.name}.yaml"
    try:
        result = run("draft", str(ARTICLES / "corridor.txt"), "-o", str(out), library=None)
        assert result.exit_code == 0
        assert out.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/brief.schema.json\n")
    finally:
        out.unlink(missing_ok=True)


@pytest.mark.parametrize(
    "args, line",
    [
        (["nope.txt"], "cybrief: error: nope.txt: no such file\n"),
        (["corridor.txt", "--id", "Bad Id"], "cybrief: error: --id 'Bad Id': expected lower-case letters, digits, '.', '_', '-'\n"),
        (["."], "cybrief: error: .: is a directory, not an article\n"),
    ],
)
def test_draft_input_errors_are_one_line_and_exit_2(args, line, monkeypatch):
    monkeypatch.chdir(ARTICLES)
    result = run("draft", *args, library=None)
    assert result.exit_code == 2 and result.stderr == line and result.stdout == ""


def test_an_article_without_a_year_drafts_with_the_year_guessed_and_said(monkeypatch):
    monkeypatch.chdir(ARTICLES)
    result = run("draft", "newsconf.txt", library=None)
    assert result.exit_code == 0, result.stderr
    assert "no year anywhere in the text" in result.stderr.splitlines()[0]
    assert "date" in loads_brief(result.stdout).events[0].review


def test_a_year_given_on_the_command_line_is_used():
    result = run("draft", str(ARTICLES / "newsconf.txt"), "--year", "2026", library=None)
    assert result.exit_code == 0
    assert loads_brief(result.stdout).events[0].date == "2026-04-16"
