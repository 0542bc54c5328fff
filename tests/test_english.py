"""English wherever --lang en is asked for: horizons, places, units, the outlet and orders of magnitude."""

from __future__ import annotations

import json
import re

import pytest

from conftest import MINI, run
from cybrief.brief.english import english_horizon, english_region, plan_years
from cybrief.figures.quantity import Quantity
from cybrief.figures.writing import english_qualitative, english_unit

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@pytest.mark.parametrize("horizon, english", [
    ("十四五", "14th Five-Year Plan (2021–2025)"), ("十五五", "15th Five-Year Plan (2026–2030)"),
    ("十五五末", "end of the 15th Five-Year Plan (2030)"), ("“十三五”末", "end of the 13th Five-Year Plan (2020)"),
    ("十一五期间", "11th Five-Year Plan (2006–2010)"), ("十六五初", "start of the 16th Five-Year Plan (2031)"),
    ("5年前", "5 years ago"), ("三年内", "within 3 years"), ("2025", "2025"), ("2025年底", "end of 2025"),
    ("2026-2030年", "2026–2030"), ("年内", "within the year"), ("明年", "next year"),
])
def test_horizons_are_read_by_pattern(horizon, english):
    assert english_horizon(horizon) == english


def test_plan_periods_follow_the_calendar_of_five_year_plans():
    assert plan_years(1) == (1953, 1957) and plan_years(3) == (1966, 1970) and plan_years(14) == (2021, 2025)
    assert english_horizon("五年规划") is None and english_horizon("长远") is None and english_horizon("") is None


@pytest.mark.parametrize("region, english", [
    ("川渝", "Sichuan-Chongqing"), ("成渝地区", "Chengdu-Chongqing region"), ("重庆", "Chongqing"),
    ("重庆、成都", "Chongqing, Chengdu"), ("京津冀", "Beijing-Tianjin-Hebei"), ("疆渝", "Xinjiang-Chongqing"),
    ("天山堡村", None), ("酉阳县", None), ("重庆市", "Chongqing"), ("成都市", "Chengdu"), ("广西自治区", "Guangxi Autonomous Region"),
    ("陕西省", "Shaanxi"), ("长三角地区", "Yangtze River Delta region"), ("两江新区", None),
    ("成渝中线科创走廊", None), ("当地", None), ("沿江一带", None),
])
def test_places_from_the_registry(region, english):
    assert english_region(region) == english


def test_units_and_orders_of_magnitude():
    assert [english_unit(u) for u in ("元", "辆", "倍", "个", "家", "%", "fraction", "亩", "分钟")] == [
        "CNY", "vehicles", "times", "count", "count", "%", "fraction", "mu", "minutes"]
    trillion = Quantity("万亿级", 10**12, "元", "approx")
    assert english_qualitative("万亿级", trillion) == "on the order of CNY 1.0 tn"
    assert english_qualitative("千亿级", Quantity("千亿级", 10**11, "元", "approx")) == "on the order of CNY 100.0 bn"
    assert english_qualitative("数万亩", Quantity("数万亩", 10**4, "亩", "approx")) == "about 10,000 mu"


def _han_runs_are_names_beside_english(line: str) -> bool:
    """Every run of Chinese characters stands in parentheses after English, or before English in parentheses."""
    for match in HAN.finditer(line):
        before, after = line[: match.start()], line[match.end():]
        enclosed = before.endswith("(") and after.startswith(")") and re.search(r"[A-Za-z]", before)
        glossed = after.startswith(" (") and re.match(r" \([A-Za-z]", after)
        if not (enclosed or glossed):
            return False
    return True


def test_the_english_report_holds_chinese_only_beside_its_english():
    report = run("report", "--lang", "en").stdout
    chinese = [line for line in report.splitlines() if HAN.search(line)]
    assert all(_han_runs_are_names_beside_english(line) for line in chinese), chinese
    assert "14th Five-Year Plan (2021–2025)" in report and "end of the 15th Five-Year Plan (2030)" in report
    assert "Upstream Finance, Chongqing Morning Post" in report and "on the order of CNY 1.0 tn" in report


def test_the_english_chart_and_tables_name_units_places_and_horizons_in_english():
    chart = run("chart", "--lang", "en", "--format", "markdown").stdout
    assert not [line for line in chart.splitlines() if HAN.search(line)]
    assert "### Unit: CNY" in chart and "### Unit: 元" not in chart
    targets = run("targets", "--lang", "en", "--format", "markdown").stdout
    assert not [line for line in targets.splitlines() if HAN.search(line)]
    assert "| Sichuan-Chongqing |" in targets and "| Chengdu-Chongqing central-line science and innovation corridor |" in targets
    facets = run("targets", "--facet", "sector", "--lang", "en", "--format", "markdown").stdout
    assert not HAN.search(facets)


def test_a_place_the_registry_does_not_know_is_shown_as_written_and_region_en_exported(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("    region: 重庆\n    metric: 电网投资\n",
                                                     "    region: 沿江一带\n    metric: 电网投资\n")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    out = run("targets", "--lang", "en", "--format", "markdown", library=tmp_path).stdout
    assert "| 沿江一带 |" in out and "| Chongqing |" in out
    rows = json.loads(run("targets", "--format", "json", library=tmp_path).stdout)
    assert [r["region_en"] for r in rows] == [None, "Chongqing", "Chongqing"]
