"""The bundled brief against its report: the report's quoted expressions find their speaker, terms and figures
occur in the report (validate --source), and every target and key point says whether its speaker is stated."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import BUNDLED, MINI, ROOT, run
from cybrief.brief.load import load_brief

BRIEF = BUNDLED / "chongqing-2026-03-chengyu.yaml"
# CI checks the project out beside the shared folder that holds the report (never committed: third-party text);
# a worktree one level deeper finds it too.
SEED = ("shared", "seeds", "000_677c92e947dbdcd8.txt")
REPORT = next((p.joinpath(*SEED) for p in ROOT.parents if p.joinpath(*SEED).exists()), ROOT.parent.joinpath(*SEED))
needs_report = pytest.mark.skipif(
    not REPORT.exists(), reason=f"the report of the bundled brief is not beside this checkout ({REPORT})"
)
QUOTED = re.compile(r"“([^“”]+)”|‘([^‘’]+)’")
SPEECH = re.compile(r"[，。！？；：,.!?;:]")  # a quotation holding a clause is speech: the brief summarizes it


def _expressions(paragraph: str) -> list[str]:
    """The quoted expressions of a paragraph (nested ones too), leaving out quoted speech."""
    found = []
    for match in QUOTED.finditer(paragraph):
        inner = match.group(1) or match.group(2)
        found += _expressions(inner)
        if not SPEECH.search(inner):
            found.append(inner)
    return found


def _quoted_by_delegate() -> dict[str, set[str]]:
    from cybrief.draft.clean import clean  # the paragraph numbering briefs use: headline 1, split paragraphs joined

    article = clean(REPORT.read_text(encoding="utf-8"))
    brief = load_brief(BRIEF)
    return {d.id: {e for n in d.paragraphs for e in _expressions(article.paragraph(n))} for d in brief.delegates}


@needs_report
def test_the_report_is_numbered_as_the_brief_counts_its_paragraphs():
    from cybrief.draft.clean import clean

    article = clean(REPORT.read_text(encoding="utf-8"))
    brief = load_brief(BRIEF)
    for target in brief.targets:
        assert target.figure in article.paragraph(target.paragraph), target.id
    for delegate in brief.delegates:
        assert any(delegate.name in article.paragraph(n) for n in delegate.paragraphs), delegate.id


@needs_report
def test_every_quoted_expression_of_a_delegate_finds_that_delegate():
    quoted = _quoted_by_delegate()
    assert sum(map(len, quoted.values())) >= 30  # the extraction found the report's expressions
    missing = []
    for delegate, expressions in quoted.items():
        for expression in sorted(expressions):
            result = run("search", expression, "--format", "json")
            hits = json.loads(result.stdout) if result.exit_code == 0 else []
            if delegate not in {h["delegate"] for h in hits}:
                missing.append((delegate, expression))
    assert missing == []


def test_quoted_speech_is_not_an_expression_but_its_nested_quotes_are():
    assert _expressions("他说：“我们修好了路，打通了‘快车道’。”还提出“一网通联”。") == ["快车道", "一网通联"]


@needs_report
def test_the_bundled_brief_s_terms_and_figures_occur_in_its_report():
    result = run("validate", str(BRIEF), "--strict", "--source", str(REPORT), library=None)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "cybrief: 1 file checked, no problems\n"


def test_a_term_or_figure_missing_from_the_source_is_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = MINI.read_text(encoding="utf-8").replace("    summary: 张三谈电网投资。\n",
                                                     "    summary: 张三谈电网投资。\n    terms: [特高压, 柔性直流]\n")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "report.txt").write_text("张三说，特高压线路投运，\n电网投资超1000亿元；清洁电要占二分之一。\n",
                                         encoding="utf-8")
    result = run("validate", "mini.yaml", "--source", "report.txt", library=None)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "cybrief: error: mini.yaml:27:18: delegates[0].terms[1]: '柔性直流' does not occur in the source report.txt",
        "cybrief: error: mini.yaml:74:13: targets[2].figure: '23.6%' does not occur in the source report.txt",
        "cybrief: error: 2 problems in 1 of 1 file checked",
    ]


def test_a_term_split_by_a_line_break_of_the_page_is_found(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("    summary: 张三谈电网投资。\n",
                                                     "    summary: 张三谈电网投资。\n    terms: [一号创新工程]\n")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "report.txt").write_text("实施“一\n\n号创新工程”。超1000亿元，二分之一，23.6%。\n", encoding="utf-8")
    result = run("validate", str(tmp_path / "mini.yaml"), "--source", str(tmp_path / "report.txt"), library=None)
    assert result.exit_code == 0, result.stderr


def test_source_needs_exactly_one_brief_and_a_readable_file(tmp_path):
    shutil.copy(MINI, tmp_path / "a.yaml")
    shutil.copy(MINI, tmp_path / "b.yaml")
    two = run("validate", str(tmp_path), "--source", str(MINI), library=None)
    assert two.exit_code == 2
    assert two.stderr == "cybrief: error: --source is the report of one brief: give exactly one brief file\n"
    missing = run("validate", str(tmp_path / "a.yaml"), "--source", str(tmp_path / "nope.txt"), library=None)
    assert missing.exit_code == 2 and missing.stderr.endswith("nope.txt: no such file\n")


# --- stated or inferred --------------------------------------------------------------------------------------

def test_strict_requires_a_basis_on_every_target_and_point_and_a_reason_for_an_inference(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = MINI.read_text(encoding="utf-8")  # no basis anywhere: loads, and only --strict asks for one
    text = text.replace("    paragraph: 3\n", "    paragraph: 3\n    basis: inferred\n")
    text = text.replace("    paragraph: 4\n", "    paragraph: 4\n    basis: stated\n")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    loose = run("validate", "mini.yaml", library=None)
    assert loose.exit_code == 0
    assert loose.stderr == "cybrief: 1 file checked, no problems\n"
    strict = run("validate", "mini.yaml", "--strict", library=None)
    assert strict.exit_code == 2
    assert strict.stderr.splitlines() == [
        "cybrief: error: mini.yaml:29:9: delegates[0].points[0].basis: no basis: say `stated` (the report names the "
        "speaker here) or `inferred` (with basis_note); --strict requires it on every target and key point",
        "cybrief: error: mini.yaml:54:12: targets[0].basis_note: inferred without basis_note: say why the speaker is inferred",
        "cybrief: error: mini.yaml:69:5: targets[2].basis: no basis: say `stated` (the report names the speaker here) "
        "or `inferred` (with basis_note); --strict requires it on every target and key point",
        "cybrief: error: 3 problems in 1 of 1 file checked",
    ]


def test_the_bundled_brief_passes_strict_and_says_a_basis_everywhere():
    assert run("validate", "--strict").exit_code == 0
    brief = load_brief(BRIEF)
    assert all(t.basis in ("stated", "inferred") for t in brief.targets)
    assert all(p.basis in ("stated", "inferred") for d in brief.delegates for p in d.points)
    inferred = [t for t in brief.targets if t.basis == "inferred"] + [p for d in brief.delegates for p in d.points if p.basis == "inferred"]
    assert inferred and all(x.basis_note for x in inferred)


def test_targets_in_json_carry_basis_on_every_row_and_tables_mark_inferred_rows():
    rows = json.loads(run("targets", "--format", "json").stdout)
    assert rows and all(r["basis"] in ("stated", "inferred") for r in rows)
    assert all(r["basis_note"] for r in rows if r["basis"] == "inferred")
    inferred = {r["id"] for r in rows if r["basis"] == "inferred"}
    table = run("targets", "--sector", "energy", "--lang", "en", "--format", "markdown").stdout
    lines = table.splitlines()
    marked_rows = [line for line in lines if line.startswith("| Liu Yong †")]
    assert len(marked_rows) == len([r for r in rows if r["sector"] == "energy" and r["id"] in inferred])
    assert lines[-1].startswith("† inferred: the report does not name the speaker here")
    stated_only = run("targets", "--delegate", "王志杰", "--kind", "goal", "--format", "markdown").stdout
    assert "†" not in stated_only  # 万亿级 is said in a sentence that names him: no mark, no legend


def test_the_delegate_detail_shows_terms_and_marks_inferred_points():
    out = run("delegates", "杜卫东", "--lang", "en", "--format", "markdown").stdout
    assert "- **Source terms**: " in out and "笔电" in out
    stated = next(line for line in out.splitlines() if line.startswith("- He said the group will advance"))
    inferred = next(line for line in out.splitlines() if line.startswith("- Link the whole new-energy vehicle chain"))
    assert stated.endswith("together.") and inferred.endswith("resilient. †")
    assert out.rstrip().endswith("† inferred: the report does not name the speaker here; the brief attributes it from context")
    record = json.loads(run("delegates", "杜卫东", "--format", "json").stdout)[0]
    assert "笔电" in record["terms"]
    assert len(record["points_basis"]) == len(record["points"]) == len(record["points_basis_note"])
