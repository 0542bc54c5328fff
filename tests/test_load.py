"""Loader tests: the bundled brief loads, each kind of broken brief fails with one exact located line."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import BUNDLED, FIXTURES, MINI
from cybrief.errors import BriefError
from cybrief.brief.load import load_brief, loads_brief

BROKEN = FIXTURES / "broken"

EXPECTED = {
    "malformed.yaml": "malformed.yaml:15:8: invalid YAML: did not find expected ',' or ']' (parsing a flow sequence at line 14, column 12)",
    "missing_field.yaml": "missing_field.yaml:67:5: targets[2].metric_en: missing required field",
    "wrong_type.yaml": "wrong_type.yaml:74:12: targets[2].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'",
    "unknown_sector.yaml": "unknown_sector.yaml:69:13: targets[2].sector: unknown sector 'robots' (known: ai, energy)",
    "dangling_delegate.yaml": "dangling_delegate.yaml:68:15: targets[2].delegate: unknown delegate 'wang-wu' (known: li-si, zhang-san)",
    "duplicate_id.yaml": "duplicate_id.yaml:54:9: targets[1].id: duplicate id 't1' (first at line 41)",
    "duplicate_key.yaml": "duplicate_key.yaml:63:5: targets[1].unit: duplicate key (first at line 62)",
    "python_tag.yaml": "python_tag.yaml:4:11: YAML tags (tag:yaml.org,2002:python/object/new:os.system) are not allowed in a brief",
    "alias.yaml": "alias.yaml:38:13: YAML aliases (*s) are not allowed in a brief",
    "list_expected.yaml": "list_expected.yaml:25:14: delegates[0].sectors: expected a list, got 'energy'",
    "bad_date.yaml": "bad_date.yaml:12:11: events[0].date: expected a date as YYYY-MM-DD, got '2026-02-30'",
    "bad_choice.yaml": "bad_choice.yaml:50:16: targets[0].qualifier: expected one of exact, approx, nearly, over, at_least, under, at_most; got 'more'",
    "figure_mismatch.yaml": "figure_mismatch.yaml:48:12: targets[0].value: 510800000000 disagrees with the figure '5018亿元', which reads as 501800000000",
    "gbk.yaml": "gbk.yaml:3:8: not UTF-8: invalid byte 0xb2 at offset 84 (looks like GBK/GB18030; convert it with: iconv -f GB18030 -t UTF-8)",
}


def test_every_broken_fixture_has_an_expectation():
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_brief_gives_one_located_line(name, monkeypatch):
    monkeypatch.chdir(BROKEN)
    with pytest.raises(BriefError) as caught:
        load_brief(name)
    assert caught.value.lines() == [EXPECTED[name]]


def test_every_problem_in_a_file_is_reported():
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("    value: 23.6\n", "    value: abc\n").replace("    sector: ai\n    region", "    sector: robots\n    region")
    text = text.replace("    kind: goal\n", "    kind: wish\n")
    with pytest.raises(BriefError) as caught:
        loads_brief(text, "x.yaml")
    fields = [p.field for p in caught.value.problems]
    assert fields == ["targets[1].kind", "targets[2].sector", "targets[2].value"]  # references beside types


def test_bundled_brief_loads_with_both_events_six_delegates_and_many_targets():
    brief = load_brief(BUNDLED / "chongqing-2026-03-chengyu.yaml")
    assert [e.date for e in brief.events] == ["2026-03-07", "2026-03-06"]
    assert {d.name for d in brief.delegates} == {"王志杰", "杜卫东", "夏泳", "谢文辉", "刘勇", "冉慧"}
    assert len(brief.targets) > 20
    assert brief.date == "2026-03-07"


def test_values_are_exact_numbers():
    brief = load_brief(BUNDLED / "chongqing-2026-03-chengyu.yaml")
    by_figure = {t.figure: t for t in brief.targets}
    assert by_figure["近400万辆"].value == Decimal(4000000) and by_figure["近400万辆"].qualifier == "nearly"
    assert by_figure["5018亿元"].value == Decimal(501800000000)
    assert by_figure["20%以上"].value == Decimal(20) and by_figure["20%以上"].unit == "%"
    assert by_figure["每9台汽车就有1台"].value == Fraction(1, 9)
    assert by_figure["每消费2度电就有1度"].value == Decimal("0.5")


def test_scalars_stay_text_as_written():
    text = MINI.read_text(encoding="utf-8").replace("  reporter: 李明\n", "  reporter: NO\n")
    text = text.replace('    horizon: "2025"\n', "    horizon: 2025\n").replace("    title: 专题记者会\n", "    title: 10:30\n")
    brief = loads_brief(text)
    assert brief.source.reporter == "NO"
    assert brief.targets[2].horizon == "2025"
    assert brief.events[0].title == "10:30"
    assert brief.events[0].date == "2026-03-07"


def test_nesting_is_capped_before_python_recursion():
    deep = "a: " + "{b: " * 1100 + "1" + "}" * 1100 + "\n"
    with pytest.raises(BriefError) as caught:
        loads_brief(deep, "deep.yaml")
    assert "nesting deeper than" in caught.value.lines()[0]


def test_size_cap(tmp_path, monkeypatch):
    monkeypatch.setenv("CYBRIEF_MAX_BYTES", "100")
    with pytest.raises(BriefError) as caught:
        load_brief(MINI)
    assert "over the 100-byte limit" in caught.value.lines()[0]


def test_a_directory_and_a_missing_file_are_errors(tmp_path):
    with pytest.raises(BriefError, match="is a directory"):
        load_brief(tmp_path)
    with pytest.raises(BriefError, match="no such file"):
        load_brief(tmp_path / "none.yaml")


def test_dump_then_load_gives_the_same_brief():
    from cybrief.brief.dump import dump_brief, text

    brief = load_brief(BUNDLED / "chongqing-2026-03-chengyu.yaml")
    again = loads_brief(dump_brief(brief))
    assert again == brief
    for tricky in ["NO", "10:30", "2026-03-07", "a: b", "x #y", "- item", "1.10", "", " lead", "tab\there", "line\nbreak", "~"]:
        assert loads_brief(dump_brief(brief).replace("title: " + text(brief.title), "title: " + text(tricky or "x"))).title == (tricky or "x")


# --- targets checked against their figures -----------------------------------------------------------------

def _mini_with(old: str, new: str) -> str:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


T1 = "    figure: 超1000亿元\n    value: 100000000000\n    unit: 元\n    qualifier: over\n"


@pytest.mark.parametrize(
    "replacement, line",
    [
        (T1.replace("unit: 元", "unit: 辆"), "x.yaml:49:11: targets[0].unit: '辆' disagrees with the figure '超1000亿元', whose unit is '元'"),
        (T1.replace("over", "at_least"), "x.yaml:50:16: targets[0].qualifier: at_least disagrees with the figure '超1000亿元', which reads as over"),
        (T1.replace("100000000000", "10000000000"), "x.yaml:48:12: targets[0].value: 10000000000 disagrees with the figure '超1000亿元', which reads as 100000000000"),
        (T1.replace("超1000亿元", "三大任务"), "x.yaml:47:13: targets[0].figure: cannot read '三大任务' as a figure: '大任务' is not a unit cybrief knows; if it is deliberately not a number, say why in `qualitative:`"),
        (T1 + "    qualitative: an estimate\n", "x.yaml:51:18: targets[0].qualitative: the figure '超1000亿元' reads as 100000000000 元 (over): drop `qualitative`, which is for figures that are not numbers"),
        (T1.replace("超1000亿元", "3至5亿元").replace("over", "exact"), "x.yaml:48:12: targets[0].value: 100000000000 disagrees with the figure '3至5亿元', which reads as 300000000 (a range's value is its lower bound)"),
    ],
    ids=["unit", "qualifier", "value", "not-a-figure", "needless-qualitative", "range"],
)
def test_a_target_that_disagrees_with_its_figure_is_located(replacement, line):
    with pytest.raises(BriefError) as caught:
        loads_brief(_mini_with(T1, replacement), "x.yaml")
    assert caught.value.lines() == [line]


def test_every_disagreement_of_a_target_is_reported_at_once():
    text = _mini_with(T1, T1.replace("unit: 元", "unit: 人").replace("over", "exact").replace("100000000000", "1"))
    with pytest.raises(BriefError) as caught:
        loads_brief(text, "x.yaml")
    assert [p.field for p in caught.value.problems] == ["targets[0].value", "targets[0].unit", "targets[0].qualifier"]


def test_a_qualitative_figure_and_a_figure_without_unit_load():
    qualitative = T1.replace("超1000亿元", "万亿级") + "    qualitative: an order of magnitude\n"
    brief = loads_brief(_mini_with(T1, qualitative.replace("over", "approx").replace("100000000000", "1000000000000")))
    assert brief.targets[0].qualitative == "an order of magnitude"
    unstated = loads_brief(_mini_with(T1, T1.replace("超1000亿元", "超1000亿")))  # the sentence says 元
    assert unstated.targets[0].unit == "元"


def test_every_target_of_the_bundled_brief_agrees_with_its_figure():
    from cybrief.errors import FigureError
    from cybrief.figures.quantity import parse_figure

    brief = load_brief(BUNDLED / "chongqing-2026-03-chengyu.yaml")
    assert len(brief.targets) == 25
    checked = 0
    for target in brief.targets:
        if target.qualitative:
            with pytest.raises(FigureError):
                parse_figure(target.figure)
            continue
        q = parse_figure(target.figure)
        assert (q.value, q.qualifier) == (target.value, target.qualifier), target.id
        assert q.unit in ("", target.unit), target.id
        checked += 1
    assert checked == 24 and [t.figure for t in brief.targets if t.qualitative] == ["万亿级"]


def test_a_cached_brief_is_still_checked_after_the_loader_got_stricter():
    from cybrief.index.store import LAYOUT

    assert LAYOUT >= 3  # the index keeps the parsed briefs since layout 3: older indexes are rebuilt, not read


def test_a_report_of_many_files_is_capped_with_a_count():
    from cybrief.errors import Problem

    error = BriefError([Problem(f"f{n:03d}.yaml", 1, 1, "", "bad") for n in range(BriefError.MAX_LINES + 7)])
    lines = error.lines()
    assert len(lines) == BriefError.MAX_LINES + 1 and lines[-1] == "... and 7 more problems"
    assert lines[0] == "f000.yaml:1:1: bad"
