"""Charts drawn as SVG: panels by unit and kind of quantity, axes in the unit's magnitude, qualifiers drawn, captions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import MINI, run

NS = {"s": "http://www.w3.org/2000/svg"}
CJK = re.compile(r"[\u3400-\u9fff]")


def _chart(tmp_path, *args, library=None, name="c.svg") -> ET.Element:
    path = tmp_path / name
    result = run("chart", "--svg", str(path), *args) if library is None else run("chart", "--svg", str(path), *args, library=library)
    assert result.exit_code == 0, result.stderr
    return ET.fromstring(path.read_text(encoding="utf-8"))


def _panels(root) -> list[dict]:
    """Each panel: unit, kind, title, unit line, ticks, bars (target id, mark, width) and what is listed."""
    out = []
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "panel":
            continue
        texts = {cls: [ "".join(t.itertext()) for t in g.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == cls]
                 for cls in ("panel-title", "unit", "tick", "listed")}
        bars = []
        for bar in g.findall("s:g[@class='bar']", NS):
            rect = bar.find("s:rect[@class='value']", NS)
            bars.append({"id": bar.get("data-id"), "mark": bar.get("data-mark"), "width": float(rect.get("width")),
                         "value": float(rect.get("data-value")),
                         "label": " ".join("".join(t.itertext()) for t in bar.findall("s:text[@class='label']", NS)),
                         "band": bar.find("s:rect[@class='band']", NS) is not None,
                         "open": bar.find("s:rect[@class='open-end']", NS) is not None,
                         "arrow": bar.find("s:path[@class='arrow-back']", NS) is not None,
                         "fill": rect.get("fill")})
        out.append({"data-unit": g.get("data-unit"), "measure": g.get("data-measure"), **texts, "bars": bars})
    return out


def test_per_capita_incomes_totals_and_shares_never_share_an_axis(tmp_path):
    panels = _panels(_chart(tmp_path, "--unit", "元", "--lang", "en"))
    assert [(p["data-unit"], p["measure"]) for p in panels] == [("元", "total"), ("元", "average")]
    incomes = panels[1]["bars"]
    assert [b["id"] for b in incomes] == ["ran-hui-04", "ran-hui-03"]
    assert all(b["width"] > 100 for b in incomes), "per-capita incomes are visible bars on their own axis"
    everything = _panels(_chart(tmp_path, name="all.svg"))
    kinds = {(p["data-unit"], p["measure"]) for p in everything}
    assert {("%", "share"), ("%", "growth"), ("fraction", "share"), ("元", "total"), ("元", "average")} <= kinds


def test_ticks_are_in_the_units_own_magnitude_in_each_language(tmp_path):
    zh = _panels(_chart(tmp_path, "--sector", "investment", "--lang", "zh", name="zh.svg"))[0]
    assert zh["unit"] == ["单位：亿元"] and zh["tick"] == ["0", "1,000", "2,000", "3,000", "4,000"]
    en = _panels(_chart(tmp_path, "--sector", "investment", "--lang", "en", name="en.svg"))[0]
    assert en["unit"] == ["Unit: CNY bn"] and en["tick"] == ["0", "100", "200", "300", "400"]
    assert en["panel-title"] == ["Totals · CNY"]


def test_english_chart_has_no_chinese_units_or_labels(tmp_path):
    root = _chart(tmp_path, "--lang", "en")
    for panel in _panels(root):
        for text in panel["panel-title"] + panel["unit"] + panel["tick"] + [b["label"] for b in panel["bars"]]:
            assert not CJK.search(text), text
    assert "Unit: 元" not in "".join(root.itertext())


def test_bars_are_ordered_and_scaled_as_the_data(tmp_path):
    panel = _panels(_chart(tmp_path, "--sector", "investment", "--unit", "元"))[0]
    values = [b["value"] for b in panel["bars"]]
    assert values == sorted(values, reverse=True)
    widths = [b["width"] for b in panel["bars"]]
    for bar in panel["bars"]:
        assert bar["width"] / widths[0] == pytest.approx(bar["value"] / values[0], rel=0.01)


def test_qualifiers_are_drawn(tmp_path):
    bars = {b["id"]: b for p in _panels(_chart(tmp_path)) for b in p["bars"]}
    assert bars["xie-wenhui-02"]["mark"] == "approx" and bars["xie-wenhui-02"]["fill"].startswith("url(#c-hatch")
    assert bars["xie-wenhui-05"]["mark"] == "more" and bars["xie-wenhui-05"]["open"]
    assert bars["ran-hui-03"]["mark"] == "less" and bars["ran-hui-03"]["arrow"]
    assert bars["wang-zhijie-03"]["mark"] == "exact" and not bars["wang-zhijie-03"]["open"]


def test_a_qualitative_figure_is_listed_under_its_panel_not_drawn(tmp_path):
    panels = _panels(_chart(tmp_path, "--sector", "automotive", "--unit", "元", "--lang", "zh"))
    assert panels[0]["bars"] == [] and panels[0]["tick"] == []
    assert panels[0]["listed"] == ["未绘制（定性）：", "王志杰 · 共同打造的汽车产业规模：万亿级"]


def _library(tmp_path, figures: list[tuple[str, str, str, str]]):
    """The mini brief with its targets replaced by (figure, value, unit, qualifier) in one metric family."""
    text = MINI.read_text(encoding="utf-8").split("targets:\n")[0] + "targets:\n"
    for n, (figure, value, unit, qualifier) in enumerate(figures, 1):
        text += (f"  - {{id: f{n}, delegate: zhang-san, sector: energy, region: 重庆, metric: 投资{n}, metric_en: Investment {n},"
                 f" figure: \"{figure}\", value: {value}, unit: \"{unit}\", qualifier: {qualifier}, kind: plan, paragraph: 3}}\n")
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_panel_spanning_more_than_two_orders_of_magnitude_is_drawn_on_a_log_axis(tmp_path):
    lib = _library(tmp_path, [("3000亿元", 300000000000, "元", "exact"), ("2亿元", 200000000, "元", "exact")])
    root = _chart(tmp_path, "--lang", "en", library=lib)
    panel = _panels(root)[0]
    assert panel["unit"] == ["Unit: CNY · log scale"]
    assert panel["tick"] == ["100 million", "1 bn", "10 bn", "100 bn", "1 tn"]
    assert all(b["width"] > 50 for b in panel["bars"])
    assert any("Log scale" in "".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")
               if t.get("class") == "caption")
    linear = _panels(_chart(tmp_path, "--lang", "en", "--max", "5000亿元", "--min", "100亿元", library=lib, name="l.svg"))
    assert linear[0]["tick"][0] == "0"


def test_a_range_is_a_band(tmp_path):
    lib = _library(tmp_path, [("3至5万人", 30000, "人", "exact")])
    bar = _panels(_chart(tmp_path, library=lib))[0]["bars"][0]
    assert bar["mark"] == "range" and bar["band"]


def test_the_image_has_a_size_a_font_stack_for_chinese_a_caption_and_a_theme(tmp_path):
    root = _chart(tmp_path, "--sector", "investment", "--lang", "en")
    assert root.get("width") == "760" and int(root.get("height")) > 200
    assert root.get("viewBox") == f"0 0 760 {root.get('height')}"
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"):
        assert font in root.get("font-family")
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Filters: sector = investment" in texts
    assert any(t.startswith("Source: 上游财经—重庆晨报, 陈军, 2026-03-07 · brief chongqing-2026-03-chengyu") for t in texts)
    dark = _chart(tmp_path, "--sector", "investment", "--theme", "dark", name="dark.svg")
    assert dark.find("s:rect", NS).get("fill") == "#0d1117" and root.find("s:rect", NS).get("fill") == "#ffffff"


def test_svg_and_png_refuse_to_chart_nothing(tmp_path):
    result = run("chart", "--sector", "energy", "--delegate", "谢文辉", "--svg", str(tmp_path / "x.svg"))
    assert (result.exit_code, result.stderr) == (1, "cybrief: no target matches these filters\n")
    assert not (tmp_path / "x.svg").exists()


def test_png_is_the_chart_drawn_at_twice_its_size(tmp_path):
    pytest.importorskip("resvg_py")
    import struct

    png = tmp_path / "c.png"
    result = run("chart", "--sector", "investment", "--png", str(png), "--svg", str(tmp_path / "c.svg"))
    assert result.exit_code == 0, result.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    root = ET.fromstring((tmp_path / "c.svg").read_text(encoding="utf-8"))
    assert (width, height) == (2 * int(root.get("width")), 2 * int(root.get("height")))


def test_png_without_its_package_says_how_to_get_it(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "resvg_py", None)  # an import of it fails
    result = run("chart", "--png", str(tmp_path / "c.png"))
    assert (result.exit_code, result.stderr) == (
        2, "cybrief: error: --png needs the resvg-py package: pip install 'cybrief[png]' (or save --svg instead)\n")
    assert not (tmp_path / "c.png").exists()


def test_measure_keeps_what_adds_up_as_before():
    from cybrief.figures.compare import measure
    from cybrief.brief.model import Target

    def kind(metric, unit, metric_en=""):
        return measure(Target(id="t", delegate="d", sector="s", region="r", metric=metric, metric_en=metric_en, figure="1",
                              value=1, unit=unit, qualifier="exact", kind="plan", paragraph=1))

    assert kind("村民人均年收入", "元") == "average"
    assert kind("Income", "元", "Average income per villager") == "average"
    assert kind("软件产业营收", "元") == "total"
    assert kind("动力电池产量占全国比重", "%") == "share"
    assert kind("人工智能产业规模同比增长", "%") == "growth"
    assert kind("贷款增速", "亿元") == "rate"
    assert kind("输电能力", "倍") == "multiple"
    assert kind("车程", "小时") == "duration"


def test_the_chart_in_the_docs_is_what_its_script_draws():
    import runpy

    from conftest import ROOT

    script = runpy.run_path(str(ROOT / "tools" / "make_docs_chart.py"))
    committed = (ROOT / "docs" / "chart-investment.svg").read_text(encoding="utf-8")
    assert committed == script["chart"](), "run python tools/make_docs_chart.py and commit docs/chart-investment.svg"
