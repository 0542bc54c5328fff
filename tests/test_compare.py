"""Comparison tests: the figure command, value filters, sorting, groups, facets and charts, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FIXTURES, MINI, run

FORMATS = ["table", "markdown", "json", "csv"]


def _json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- figure ------------------------------------------------------------------------------------------------

ACCEPTANCE = {
    "近400万辆": (4000000, "辆", "nearly"),
    "超1000亿元": (100000000000, "元", "over"),
    "1500余家": (1500, "家", "over"),
    "20%以上": (20, "%", "at_least"),
    "16.4亿": (1640000000, "", "exact"),
    "百分之二十": (20, "%", "exact"),
    "三分之一": ("1/3", "fraction", "exact"),
    "不足7500元": (7500, "元", "under"),
}


def test_figure_reads_each_acceptance_figure():
    records = _json(run("figure", *ACCEPTANCE, "--format", "json", library=None))
    assert [r["text"] for r in records] == list(ACCEPTANCE)
    for record in records:
        assert (record["value"], record["unit"], record["qualifier"]) == ACCEPTANCE[record["text"]]


def test_figure_json_values_are_numbers_when_exact_else_strings():
    records = _json(run("figure", "23.6%", "1/9", "3至5个", "0.1234567890123456789", "--format", "json", library=None))
    assert records[0]["value"] == 23.6 and isinstance(records[0]["value"], float)
    assert records[1]["value"] == "1/9"
    assert (records[2]["value"], records[2]["upper"]) == (3, 5)
    assert records[3]["value"] == "0.1234567890123456789"


@pytest.mark.parametrize("fmt", FORMATS)
def test_figure_in_every_format(fmt):
    result = run("figure", "近400万辆", "2.4倍", "--format", fmt, "--lang", "en", library=None)
    assert result.exit_code == 0 and "近400万辆" in result.stdout
    assert "nearly 4.0 million vehicles" in result.stdout and "2.4x" in result.stdout


def test_figure_that_cannot_be_read_is_reported_exit_2_and_never_guessed():
    result = run("figure", "近400万辆", "万亿级", "三大核心", "--format", "json", library=None)
    assert result.exit_code == 2
    assert [r["text"] for r in json.loads(result.stdout)] == ["近400万辆"]
    assert result.stderr.splitlines() == [
        "cybrief: error: cannot read '万亿级' as a figure: 万亿级 names an order of magnitude, not an amount",
        "cybrief: error: cannot read '三大核心' as a figure: '大核心' is not a unit cybrief knows",
    ]


def test_a_brief_whose_value_disagrees_with_its_figure_fails_to_load(monkeypatch):
    monkeypatch.chdir(FIXTURES / "broken")
    result = run("targets", library=FIXTURES / "broken" / "figure_mismatch.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == ("cybrief: error: figure_mismatch.yaml:48:12: targets[0].value: 510800000000 disagrees "
                             "with the figure '5018亿元', which reads as 501800000000\n")


# --- targets: filters, sorting, groups, facets -----------------------------------------------------------------

def test_english_figures_with_lang_en():
    rows = run("targets", "--sector", "investment", "--lang", "en", "--format", "markdown").stdout
    assert "about CNY 376.3 bn" in rows and "over CNY 300.0 bn" in rows and "约3763亿元" not in rows
    both = run("targets", "--sector", "automotive", "--format", "markdown").stdout
    assert "近400万辆<br>nearly 4.0 million vehicles" in both
    assert "| 万亿级<br>on the order of CNY 1.0 tn |" in both  # an order of magnitude, not an amount


def test_min_takes_chinese_figures_and_sets_the_unit():
    big = _json(run("targets", "--min", "1000亿元", "--format", "json"))
    assert {t["unit"] for t in big} == {"元"}
    assert sorted(t["figure"] for t in big) == sorted(["万亿级", "5018亿元", "1134亿元", "约3763亿元", "超1000亿元", "超3000亿元", "超1000亿元"])
    same = _json(run("targets", "--min", "100000000000", "--unit", "元", "--format", "json"))
    assert same == big
    band = _json(run("targets", "--min", "1000亿元", "--max", "一千五百亿元", "--format", "json"))
    assert sorted(t["figure"] for t in band) == ["1134亿元", "超1000亿元", "超1000亿元"]


@pytest.mark.parametrize("args, line", [
    (["--min", "超100亿元"], "cybrief: error: --min takes a plain figure such as 100亿元 or 1000, not '超100亿元'\n"),
    (["--min", "100亿元", "--unit", "辆"], "cybrief: error: --min 100亿元 is in 元, but the figures compared are in 辆\n"),
    (["--max", "很多"], "cybrief: error: --max: cannot read '很多' as a figure: expected a number (after any qualifier word such as 近 or 超)\n"),
    (["--facet", "colour"], "cybrief: error: invalid value for '--facet': 'colour' is not one of 'sector', 'delegate', "
                            "'kind', 'horizon', 'unit', 'qualifier', 'region', 'brief' (see cybrief targets -h)\n"),
    (["--facet", "sector", "--group-by", "kind"], "cybrief: error: --facet and --group-by do not combine; use one\n"),
])
def test_bad_comparison_options_are_usage_errors(args, line):
    result = run("targets", *args)
    assert result.exit_code == 2 and result.stderr == line


def test_sort_value_within_one_unit():
    result = run("targets", "--sort", "value", "--unit", "元", "--format", "json")
    values = [t["value"] for t in _json(result)]
    assert values == sorted(values, reverse=True) and len(values) == 9
    assert result.stderr == ""
    ascending = [t["value"] for t in _json(run("targets", "--sort", "value", "--unit", "元", "-r", "--format", "json"))]
    assert ascending == sorted(values)


def test_sort_value_across_units_says_so_and_sorts_within_each():
    result = run("targets", "--sort", "value", "--format", "json")
    assert result.stderr.startswith("cybrief: note: figures in 12 units (元, 辆, fraction, %")
    targets = _json(result)
    units = [t["unit"] for t in targets]
    assert units == sorted(units, key=units.index)  # each unit in one run
    for unit in set(units):
        values = [t["value"] for t in targets if t["unit"] == unit]
        assert values == sorted(values, reverse=True)


def test_sort_by_date_sector_and_delegate():
    dates = [t["delegate"] for t in _json(run("targets", "--sort", "date", "--format", "json"))]
    assert dates.index("wang-zhijie") < dates.index("liu-yong")  # the 7 March press conference first
    sectors = [t["sector"] for t in _json(run("targets", "--sort", "sector", "--format", "json"))]
    assert sectors == sorted(sectors)
    names = [t["delegate"] for t in _json(run("targets", "--sort", "delegate", "--format", "json"))]
    assert names == sorted(names, key=lambda n: n.replace("-", " "))


def test_group_by_delegate_in_every_format():
    groups = _json(run("targets", "--group-by", "delegate", "--format", "json"))
    assert [g["value"] for g in groups] == ["wang-zhijie", "xie-wenhui", "liu-yong", "ran-hui"]
    assert sum(g["count"] for g in groups) == 25
    assert all(t["delegate"] == g["value"] for g in groups for t in g["targets"])
    rows = list(csv.DictReader(io.StringIO(run("targets", "--group-by", "delegate", "--format", "csv").stdout, newline="")))
    assert len(rows) == 25 and rows[0]["group"] == "wang-zhijie"
    markdown = run("targets", "--group-by", "delegate", "--format", "markdown").stdout
    assert markdown.count("\n## ") + markdown.startswith("## ") == 4 and "## 刘勇 Liu Yong (4)" in markdown
    table = run("targets", "--group-by", "delegate", "--format", "table").stdout
    assert "谢文辉 Xie Wenhui  (5)" in table


@pytest.mark.parametrize("by", ["sector", "kind", "horizon"])
def test_group_by_other_fields(by):
    groups = _json(run("targets", "--group-by", by, "--format", "json"))
    assert sum(g["count"] for g in groups) == 25 and len({g["value"] for g in groups}) == len(groups)


FACET_COLUMNS = ["facet", "value", "label", "count", "unit", "figures", "sum", "qualifier"]


def _facets(*args, library=None):
    extra = {"library": library} if library is not None else {}
    return _json(run("targets", *args, "--format", "json", **extra))


def test_facet_rows_are_flat_one_per_value_and_unit_in_every_format():
    records = _facets("--facet", "sector", "--facet", "kind")
    assert all(list(r) == FACET_COLUMNS for r in records)
    assert all(not isinstance(v, (dict, list)) for r in records for v in r.values())  # a table, nothing nested
    assert sum(r["figures"] for r in records if r["facet"] == "sector") == 25
    counts = {r["value"]: r["count"] for r in records if r["facet"] == "sector"}
    assert sum(counts.values()) == 25 and counts["investment"] == 5
    investment = [(r["unit"], r["figures"]) for r in records if r["value"] == "investment"]
    assert investment == [("元", 4), ("个", 1)]
    rows = list(csv.DictReader(io.StringIO(run("targets", "--facet", "sector", "--facet", "kind", "--format", "csv").stdout,
                                           newline="")))
    assert list(rows[0]) == FACET_COLUMNS and len(rows) == len(records)
    assert [(r["value"], r["unit"], r["sum"]) for r in rows] == [
        (r["value"], r["unit"], "" if r["sum"] is None else str(r["sum"])) for r in records]
    assert "{" not in run("targets", "--facet", "sector", "--format", "csv").stdout
    markdown = run("targets", "--facet", "sector", "--facet", "kind", "--format", "markdown").stdout.splitlines()
    assert len(markdown) == 2 + len(records)
    assert markdown[0] == "| 维度 Facet | 取值 Value | 数量 Count | 单位 Unit | 条数 Figures | 合计 Sum |"


def test_facet_values_are_case_insensitive_and_repeatable():
    assert _facets("--facet", "SECTOR", "--facet", "Kind") == _facets("--facet", "sector", "--facet", "kind")


def test_facets_never_add_figures_that_do_not_add_up():
    by_sector = {(r["value"], r["unit"]): r for r in _facets("--facet", "sector")}
    # achieved (十四五) and planned (十五五) investment
    assert by_sector["investment", "元"]["sum"] is None and by_sector["investment", "元"]["figures"] == 4
    # the output of 成渝地区 and of 重庆, a part of it
    assert by_sector["automotive", "辆"]["sum"] is None
    # per-capita income five years ago and now
    assert by_sector["rural", "元"]["sum"] is None
    # a qualitative figure (万亿级) is not a number
    assert by_sector["automotive", "元"]["sum"] is None
    # shares, multiples and durations are counted only
    assert all(by_sector[key]["sum"] is None for key in by_sector if key[1] in ("fraction", "%", "倍", "分钟", "小时"))
    # one figure is its own sum
    assert (by_sector["digital", "元"]["sum"], by_sector["digital", "元"]["qualifier"]) == (501800000000, "exact")
    # village income and software revenue, in one unit, from different places
    by_unit = {r["value"]: r for r in _facets("--facet", "unit")}
    assert by_unit["元"]["figures"] == 9 and by_unit["元"]["sum"] is None
    assert all(r["sum"] is None for r in _facets("--facet", "kind") if r["unit"] == "元")


def _with_target(tmp_path, region: str, metric: str = "储能投资", kind: str = "plan") -> None:
    extra = (f"  - id: t4\n    delegate: zhang-san\n    sector: energy\n    region: {region}\n    metric: {metric}\n"
             f"    metric_en: Storage investment\n    figure: 约200亿元\n    value: 20000000000\n    unit: 元\n"
             f"    qualifier: approx\n    kind: {kind}\n    horizon: 十五五\n    paragraph: 3\n")
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8") + extra, encoding="utf-8")


@pytest.mark.parametrize("region, metric, kind, total", [
    ("重庆", "储能投资", "plan", (120000000000, "approx")),  # two plans for 重庆 in 十五五: they add up
    ("成都", "储能投资", "plan", None),  # another place
    ("重庆", "储能投资", "goal", None),  # another kind
    ("重庆", "电网投资", "plan", None),  # the same metric twice is the same fact
    ("重庆", "人均储能投资", "plan", None),  # per capita
])
def test_a_sum_needs_one_kind_horizon_and_region_and_different_metrics(tmp_path, region, metric, kind, total):
    _with_target(tmp_path, region, metric, kind)
    energy = next(r for r in _facets("--facet", "sector", library=tmp_path) if r["value"] == "energy" and r["unit"] == "元")
    assert energy["figures"] == 2
    assert (None if energy["sum"] is None else (energy["sum"], energy["qualifier"])) == total


@pytest.mark.parametrize("fmt", FORMATS)
def test_facet_sector_in_every_format(fmt):
    result = run("targets", "--facet", "sector", "--format", fmt)
    assert result.exit_code == 0 and "investment" in result.stdout or "产业投资" in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [["--group-by", "delegate"], ["--sort", "value", "--unit", "元"], ["--min", "1000亿元"]])
def test_comparisons_in_every_format(fmt, args):
    result = run("targets", *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "5018亿元" in result.stdout or "501800000000" in result.stdout


def test_filters_leaving_nothing_exit_1():
    result = run("targets", "--min", "100万亿元", "--format", "json")
    assert result.exit_code == 1 and result.stdout == "[]\n"


# --- chart -----------------------------------------------------------------------------------------------------

def test_chart_draws_bars_per_unit_marking_approximate_and_open_ended():
    out = run("chart", "--sector", "investment", "--format", "table").stdout
    lines = out.splitlines()
    assert lines[0] == "单位 Unit: 元 CNY" and "单位 Unit: 个 count" in lines
    approx = next(line for line in lines if "约3763亿元" in line)
    over = next(line for line in lines if "超3000亿元" in line)
    exact = next(line for line in lines if "1134亿元" in line and "█" in line)
    assert "▒" in approx and "█" not in approx
    assert over.rstrip().split()[-2].endswith("▶")
    assert "▶" not in exact and "▒" not in exact
    # bars are drawn to scale: 3000 against 3763
    assert round(over.count("█") / approx.count("▒"), 1) == round(3000 / 3763, 1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_chart_in_every_format(fmt):
    result = run("chart", "--sector", "investment", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0 and "over CNY 300.0 bn" in result.stdout or "300000000000" in result.stdout


def test_chart_json_records_scale_and_mark():
    bars = _json(run("chart", "--sector", "investment", "--format", "json"))
    top = next(b for b in bars if b["figure"] == "约3763亿元")
    assert (top["share_of_max"], top["mark"]) == (1.0, "approx")
    assert next(b for b in bars if b["figure"] == "超200个")["share_of_max"] == 1.0  # its own unit, its own scale


def test_chart_svg_is_valid_and_not_overwritten_without_force(tmp_path):
    import xml.etree.ElementTree as ET

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "investment.svg"
    result = run("chart", "--sector", "investment", "--svg", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext())
    assert "谢文辉 · 带动产业总投资" in text and "超3000亿元 · over CNY 300.0 bn" in text
    assert "url(http" not in target.read_text(encoding="utf-8") and "<script" not in target.read_text(encoding="utf-8")
    before = target.read_bytes()
    again = run("chart", "--sector", "energy", "--svg", str(target))
    assert again.exit_code == 2 and again.stderr == f"cybrief: error: {target}: already exists; use --force to replace it\n"
    assert target.read_bytes() == before
    forced = run("chart", "--sector", "energy", "--svg", str(target), "--force")
    assert forced.exit_code == 0 and target.read_bytes() != before
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["investment.svg"]  # no temporary file left behind
