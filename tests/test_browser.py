"""What a reader sees in a real browser: the charts and the briefing page in headless Chromium, at 1280 and 390 px.

Skipped where Chromium is not installed, unless CYBRIEF_REQUIRE_BROWSER=1 (CI sets it): then they fail. When a
check fails, a screenshot of the whole page is saved and its path is in the failure message.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

from browser import Browser, browser_or_skip, look
from conftest import BUNDLED, run

WIDTHS = (1280, 390)
DELEGATES = {"王志杰": "Wang Zhijie", "夏泳": "Xia Yong", "谢文辉": "Xie Wenhui", "杜卫东": "Du Weidong", "刘勇": "Liu Yong",
             "冉慧": "Ran Hui"}


@pytest.fixture(scope="module")
def browser():
    opened = Browser(browser_or_skip())
    yield opened
    opened.close()


@contextmanager
def shown_on_failure(browser, tmp_path, name: str):
    """Run checks on the page open in `browser`; if one fails, save a screenshot and name it in the failure."""
    try:
        yield
    except AssertionError as exc:
        shot = browser.screenshot(tmp_path / f"{name}.png")
        raise AssertionError(f"{exc}\nscreenshot: {shot}") from None


def _file(tmp_path, name: str, *args, library=BUNDLED):
    path = tmp_path / name
    result = run(*args, "-o" if args[0] == "report" else "--svg", str(path), library=library)
    assert result.exit_code == 0, result.stderr
    return path


def _expected_bars(*chart_args, lang="both"):
    """The bars of the chart as the data has them, panel after panel: (target id, value)."""
    from cybrief.library import open_library
    from cybrief.render.panels import panels

    library = open_library(BUNDLED)
    refs = library.targets(sector=chart_args[1]) if chart_args[:1] == ("--sector",) else library.targets()
    return [(b.ref.target.id, float(b.value), b.label, b.ref) for p in panels(refs, lang) for b in p.bars], panels(refs, lang)


def _fits(seen: dict) -> None:
    assert seen["scrollWidth"] <= seen["viewport"], f"horizontal overflow: {seen['scrollWidth']} > {seen['viewport']}"
    for svg in seen["svgs"]:
        assert svg["left"] >= -0.5 and svg["right"] <= seen["viewport"] + 0.5, svg
        inside = [t for t in seen["texts"] if svg["top"] <= t["top"] and t["bottom"] <= svg["bottom"] + 1]
        for text in inside:
            assert svg["left"] - 0.5 <= text["left"] and text["right"] <= svg["right"] + 0.5, f"text outside its chart: {text}"


def _no_missing_glyphs(seen: dict) -> None:
    missing = sorted({ch for t in seen["texts"] for ch in t["missing"]} | set(seen.get("missingInPage", [])))
    assert missing == [], f"characters drawn as missing-glyph boxes: {missing}"


def _bars_as_data(seen: dict, expected: list) -> None:
    """The bars in the order a reader meets them (top to bottom) are the data's, and their lengths its values'."""
    drawn = sorted(seen["bars"], key=lambda b: b["top"])
    assert [b["id"] for b in drawn] == [e[0] for e in expected]
    assert all(b["width"] >= 2 for b in drawn), "every figure above zero is a visible bar"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_investment_chart_opens_as_a_chart(browser, tmp_path, width):
    path = _file(tmp_path, "inv.svg", "chart", "--sector", "investment")
    seen = look(browser, path, width)
    expected, panels = _expected_bars("--sector", "investment")
    with shown_on_failure(browser, tmp_path, f"inv-{width}"):
        _fits(seen)
        _no_missing_glyphs(seen)
        _bars_as_data(seen, expected)
        ticks = [t["text"] for t in seen["texts"] if t["cls"] == "tick"]
        assert ticks[:5] == ["0", "1,000", "2,000", "3,000", "4,000"], ticks
        labels = [t["text"] for t in seen["texts"] if t["cls"] == "label"]
        for _, _, label, _ in expected:  # the rendered text of each Chinese label is the data's
            assert label[0] in labels and label[1] in labels, label
        first = [b for b in seen["bars"] if b["id"] in ("xie-wenhui-02", "xie-wenhui-01")]
        ratio = first[1]["width"] / first[0]["width"] if first[0]["id"] == "xie-wenhui-02" else first[0]["width"] / first[1]["width"]
        assert ratio == pytest.approx(1134 / 3763, rel=0.02), "bar lengths are to scale"
        assert "window" not in " ".join(t["text"] for t in seen["texts"])


@pytest.mark.parametrize("width", WIDTHS)
def test_per_capita_incomes_have_visible_bars_of_their_own(browser, tmp_path, width):
    path = _file(tmp_path, "all.svg", "chart", "--lang", "en")
    seen = look(browser, path, width)
    expected, _ = _expected_bars(lang="en")
    with shown_on_failure(browser, tmp_path, f"all-{width}"):
        _fits(seen)
        _no_missing_glyphs(seen)
        _bars_as_data(seen, expected)
        incomes = [b for b in seen["bars"] if b["id"] in ("ran-hui-03", "ran-hui-04")]
        assert len(incomes) == 2 and min(b["width"] for b in incomes) > 0.2 * seen["svgs"][0]["width"]
        panel_titles = [t["text"] for t in seen["texts"] if t["cls"] == "panel-title"]
        assert "Per capita, averages and prices · CNY" in panel_titles
        assert not any(re.search(r"Unit: [\u3400-\u9fff]", t["text"]) for t in seen["texts"])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_briefing_page_reads_at_every_width(browser, tmp_path, width):
    path = _file(tmp_path, "b.html", "report", "--format", "html")
    seen = look(browser, path, width)
    expected, _ = _expected_bars()
    with shown_on_failure(browser, tmp_path, f"page-{width}"):
        _fits(seen)
        assert seen["wide"] == [], f"blocks wider than the window: {seen['wide']}"
        _no_missing_glyphs(seen)
        for zh, en in DELEGATES.items():
            assert zh in seen["text"] and en in seen["text"], zh
        _bars_as_data(seen, expected)  # the charts shown at this width (one of the two drawings of each)
        assert "¶ 16–17" in seen["text"]


def test_the_page_loads_nothing_and_prints_to_a4(browser, tmp_path):
    path = _file(tmp_path, "b.html", "report", "--format", "html", "--lang", "en")
    browser.call("Network.enable", session=True)
    browser.log.clear()
    try:
        browser.open(path, 1280)
        requests = [e["params"]["request"]["url"] for e in browser.log if e.get("method") == "Network.requestWillBeSent"]
    finally:
        browser.call("Network.disable", session=True)
    assert requests == [path.resolve().as_uri()], "the page asks for nothing but itself"
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
    pdf = browser.pdf(tmp_path / "b.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), boxes  # A4
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= 3


def test_hostile_text_is_shown_as_text_in_the_browser(browser, tmp_path):
    from hostile import HOSTILE_MARKDOWN, HOSTILE_MARKUP, brief, with_text

    from cybrief.safety import visible

    text = HOSTILE_MARKUP + " <img src=x onerror=alert(1)> " + HOSTILE_MARKDOWN + " \u202eevil\u202c"
    brief(with_text(text))(tmp_path / "lib")
    path = _file(tmp_path, "h.html", "report", "--format", "html", library=tmp_path / "lib")
    seen = look(browser, path, 1280)
    with shown_on_failure(browser, tmp_path, "hostile"):
        assert browser.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
        flat = re.sub(r"\s+", " ", seen["text"])
        assert re.sub(r"\s+", " ", visible(text)) in flat


def test_the_missing_glyph_check_sees_a_character_no_font_has(browser, tmp_path):
    """The check can fail: a private-use character, which no installed font draws, is caught; Chinese is not."""
    page = tmp_path / "p.html"
    page.write_text('<!DOCTYPE html><meta charset="utf-8"><p>数据 figures \ue000</p>', encoding="utf-8")
    seen = look(browser, page, 1280)
    assert seen["missingInPage"] == ["\ue000"]
