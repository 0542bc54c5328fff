"""Reading at a terminal: lines break by the Chinese rules, numbers and words stay whole, ids are never folded,
and the delegates of the bundled brief fit one 80x50 screen. Checked on rendered output at 80, 120, 200 columns."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from conftest import BUNDLED
from cybrief.render import views
from cybrief.render.linebreak import lines, longest_unit
from cybrief.render.terminal import FittedTable, Renderer, _broken

CLOSING = set("，、。；：）」』”！？…%")  # no line may start with these
OPENING = set("（「『“")  # nor end with these
WIDTHS = [80, 120, 200]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from cybrief.library import open_library

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        return open_library(BUNDLED)


def rendered(renderable, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue().splitlines()


def _check_lines(shown: list[str], width: int) -> None:
    """The rules on lines as a terminal shows them, and numbers never continued on the next line."""
    for number, line in enumerate(shown):
        assert cell_len(line) <= width, line
        text = line.strip(" •")
        if text:
            assert text[0] not in CLOSING, f"line {number} starts with closing punctuation: {line!r}"
            assert text[-1] not in OPENING, f"line {number} ends with opening punctuation: {line!r}"
        if number and re.search(r"\d[.,]?$", shown[number - 1].rstrip()) and re.match(r"\d", text):
            raise AssertionError(f"a number split across lines {number - 1} and {number}: {shown[number - 1:number + 1]}")


# --- the line breaker ---------------------------------------------------------------------------------------

def test_the_cases_of_the_complaint():
    assert lines("跨省跨区送电能力提高到“十三五”末的2.4倍", 22) == ["跨省跨区送电能力提高到", "“十三五”末的2.4倍"]
    assert "2.4倍" in lines("能力提高到了2.4倍。", 12)[-1]  # not 2. / 4倍
    assert all(not line.startswith(("、", "，")) for line in lines("川渝、疆渝两条特高压线路投运后，重庆电网", 5))
    assert lines("Chongqing Xiyong Microelectronics Industrial Park", 20) == [
        "Chongqing Xiyong", "Microelectronics", "Industrial Park"]
    assert lines("chongqing-2026-03-chengyu", 30) == ["chongqing-2026-03-chengyu"]
    assert lines("a\nb", 10) == ["a", "b"]


def test_a_piece_wider_than_the_line_is_cut_as_a_last_resort():
    assert lines("chongqing-2026-03-chengyu", 10) == ["chongqing-", "2026-03-ch", "engyu"]
    assert longest_unit("特高压 chongqing-2026-03-chengyu 2.4倍") == 25


TEXT = st.text(alphabet=list("重庆电网特高压投资，、。；：！？（）「」“”《》") + list("0123456789.,%") + list("abcXYZ -"),
               max_size=120)


@given(TEXT, st.integers(min_value=1, max_value=60))
def test_breaking_keeps_every_character_and_obeys_the_rules(text, width):
    width = max(width, longest_unit(text), 2)
    broken = lines(text, width)
    assert "".join(broken).replace(" ", "") == text.replace(" ", "")
    for index, line in enumerate(broken):
        assert cell_len(line) <= width
        if index and line:
            assert line[0] not in CLOSING or broken[index - 1] == "", (text, broken)
            assert not (broken[index - 1][-1:].isdigit() and line[0].isdigit()), (text, broken)
            assert not (broken[index - 1][-1:].isascii() and broken[index - 1][-1:].isalpha() and line[0].isascii()
                        and line[0].isalpha()), "a Latin word split"
        if index < len(broken) - 1 and line:
            assert line[-1] not in OPENING, (text, broken)


# --- what commands show --------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_delegates_and_a_delegate_in_full_obey_the_rules(library, width, lang):
    listing = views.delegates_listing(library.delegates(), library, lang)
    _check_lines(rendered(Renderer().listing(listing), width), width)
    detail = [views.delegate_detail(r, library, lang) for r in library.find_delegates("刘勇")]
    shown = rendered(Renderer().details(detail), width)
    _check_lines(shown, width)
    bullets = [i for i, line in enumerate(shown) if line.lstrip().startswith("•")]
    assert bullets and all(shown[i + 1].startswith("    ") or shown[i + 1].lstrip().startswith("•") or
                           not shown[i + 1].startswith("  ") for i in bullets[:-1]), "continuations under the bullet"
    assert all(line.strip() != "•" for line in shown), "no bullet alone on a line"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_delegate_shows_a_summary_and_chinese_fits_one_screen_at_80(library, width):
    shown = rendered(Renderer().listing(views.delegates_listing(library.delegates(), library, "zh")), width)
    text = "\n".join(shown)
    for ref in library.delegates():
        assert ref.delegate.name in text
        assert ref.delegate.summary[:12] in text.replace("\n  ", "")  # the summary, set in under the name
    if width == 80:
        assert len(shown) <= 49, "one 80x50 screen, with a line for the prompt"
    assert "记者会 · 2026-03-07" in shown and "开放团组会议 · 2026-03-06 上午" in shown, "events are headings"


@pytest.mark.parametrize("width", WIDTHS)
def test_numbers_in_the_summaries_stay_whole(library, width):
    shown = rendered(Renderer().listing(views.delegates_listing(library.delegates(), library, "zh")), width)
    joined = "\n".join(line.strip() for line in shown)
    for ref in library.delegates():
        for number in NUMBER.findall(ref.delegate.summary):
            assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", joined), number


@pytest.mark.parametrize("width", [40, *WIDTHS])
def test_ids_are_never_folded(library, width):
    shown = rendered(Renderer().listing(views.briefs_listing(library, "both")), width)
    assert any(line.startswith("chongqing-2026-03-chengyu") for line in shown)
    counts = FittedTable(["简报\nBrief", "命中\nHits"], [["chongqing-2026-03-chengyu", "5"], ["a-rather-long-brief-id-2026", "12"]])
    shown = rendered(counts, width)
    assert any("chongqing-2026-03-chengyu" in line for line in shown)
    assert any("a-rather-long-brief-id-2026" in line for line in shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_table_cells_obey_the_rules_and_other_columns_give_way(library, width):
    listing = views.targets_listing(library.targets(), library, "both")
    table = FittedTable(listing.headers, listing.rows)
    widths = table.widths(width)
    assert sum(widths) + 2 * (len(widths) - 1) <= width
    for row in listing.rows:
        for cell, cell_width in zip(row, widths):
            _check_lines(_broken(cell, cell_width).plain.split("\n"), cell_width)
            for number in NUMBER.findall(cell):
                if len(number) <= cell_width:
                    assert any(number in line for line in _broken(cell, cell_width).plain.split("\n")), (cell, number)
    _check_lines(rendered(table, width), width)


def test_a_narrow_bracket_inside_a_latin_word_is_no_place_to_break():
    from cybrief.render.linebreak import may_break

    assert not may_break("y", "[") and not may_break("f", "(")
    assert may_break(" ", "(") and may_break("字", "（")
