"""Search as ripgrep users expect it: smart case, -s, -i, -w; --lang never narrows; terms found and shown as such."""

from __future__ import annotations

import json
import re

import pytest

from conftest import MINI, mixed_library, run
from cybrief.search.modes import case_mode, has_upper, keeps_case, whole_word


def _hits(*args, library=None):
    result = run("search", *args, "--format", "json", **({} if library is None else {"library": library}))
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _matched(hits) -> list[str]:
    return [h["text"][s:e] for h in hits for s, e in h["spans"]]


def _word_around(text: str, start: int, end: int) -> str:
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isascii() and text[end].isalpha():
        end += 1
    return text[start:end]


# --- smart case, -s, -i ------------------------------------------------------------------------------------

def test_an_upper_case_term_matches_its_case_only():
    hits = _hits("AI")
    assert hits and set(_matched(hits)) == {"AI"}
    words = {_word_around(h["text"], s, e) for h in hits for s, e in h["spans"]}
    assert not {w for w in words if w.lower() != w and w != w.upper()}  # no `ai` inside said, chain, rail


def test_a_lower_case_term_ignores_case_and_finds_ai_inside_words():
    matched = set(_matched(_hits("ai")))
    assert {"AI", "ai"} <= matched


def test_case_sensitive_and_ignore_case_decide_for_every_term():
    assert set(_matched(_hits("ai", "-s"))) == {"ai"}
    assert set(_matched(_hits("ai", "--case-sensitive"))) == {"ai"}
    assert set(_matched(_hits("AI", "-i"))) == set(_matched(_hits("ai")))
    assert _hits("Ai", "-i") == _hits("ai")


def test_full_width_letters_keep_their_case():
    assert _hits("ＡＩ") == _hits("AI")
    assert _hits("ａｉ", "-s") == _hits("ai", "-s")


def test_case_sensitive_and_ignore_case_do_not_combine():
    result = run("search", "AI", "-s", "-i")
    assert result.exit_code == 2
    assert result.stderr == "cybrief: error: --case-sensitive and --ignore-case do not combine; give one of them\n"


def test_smart_case_applies_to_excluded_terms_too():
    with_upper = {h["record_id"] for h in _hits("人工智能", "-x", "AI")}
    with_lower = {h["record_id"] for h in _hits("人工智能", "-x", "ai")}
    assert with_lower <= with_upper  # ai also drops records that say `said` or `chain`


def test_regular_expressions_follow_smart_case_by_their_literal_letters():
    assert has_upper("AI.*", regex=True) and has_upper("[A-Z]x", regex=True) and has_upper(r"\D")
    assert not has_upper(r"\d+\D", regex=True) and not has_upper(r"\p{Han}", regex=True)
    assert not has_upper(r"(?P<Name>x)(?i:y)", regex=True)
    assert set(_matched(_hits("A[Ii]", "--regex"))) == {"AI"}
    assert "ai" in set(_matched(_hits("a[i]", "--regex")))


def test_case_modes():
    assert case_mode() == "smart" and case_mode(sensitive=True) == "sensitive" and case_mode(ignore=True) == "insensitive"
    assert keeps_case("UHV", "smart") and not keeps_case("uhv", "smart") and keeps_case("uhv", "sensitive")
    assert not keeps_case("UHV", "insensitive") and not keeps_case("特高压", "smart")


# --- whole words -------------------------------------------------------------------------------------------

def test_word_keeps_latin_terms_at_word_boundaries():
    hits = _hits("ai", "-w")
    assert hits
    for h in hits:
        for s, e in h["spans"]:
            assert h["text"][s:e].lower() == "ai"
            assert _word_around(h["text"], s, e).lower() == "ai", h["text"]
    assert "AIPC" not in {_word_around(h["text"], s, e) for h in hits for s, e in h["spans"]}
    assert any("AI智能体" in h["text"] for h in hits)  # a Chinese character next to it is a boundary


def test_word_leaves_chinese_matching_unchanged():
    assert _hits("智能", "-w") == _hits("智能")
    assert _hits("电网", "--word", "--count") == _hits("电网", "--count")


def test_whole_word_boundaries():
    assert whole_word("an AI agent", 3, 5) and not whole_word("said", 1, 3) and whole_word("AI智能体", 0, 2)
    assert not whole_word("AIPC", 0, 2) and whole_word("(AI)", 1, 3) and not whole_word("x_ai", 2, 4)
    assert whole_word("智能体", 0, 2) and not whole_word("5G网络 55G", 7, 9)


def test_word_finds_a_whole_word_that_overlaps_a_rejected_match(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("Grid investment", "Aaa aa investment")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    hits = _hits("aa", "-w", library=tmp_path)
    assert _matched(hits) == ["aa"]


# --- what --lang does --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_lang_chooses_labels_never_the_fields_searched(lang):
    hits = _hits("特高压", "--lang", lang)
    assert {h["delegate_name"] for h in hits} == {"刘勇"}
    assert _hits("UHV", "--lang", lang) == _hits("UHV")
    out = run("search", "特高压", "--lang", "en", "--format", "markdown").stdout
    assert out.startswith("- **Liu Yong** · ")


# --- terms -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("term, delegate", [("笔电", "杜卫东"), ("新型电力系统", "刘勇"), ("巴渝", "冉慧"),
                                            ("五个振兴", "冉慧"), ("三位一体", "王志杰"), ("电子信息", "杜卫东"),
                                            ("一网通联", "夏泳"), ("投资引领效应", "谢文辉")])
def test_the_reports_words_find_the_delegate_it_ties_them_to(term, delegate):
    assert delegate in {h["delegate_name"] for h in _hits(term)}


def test_a_term_hit_is_shown_as_a_term_field():
    hits = _hits("笔电")
    term_hits = [h for h in hits if re.fullmatch(r"terms\[\d+\]", h["field"])]
    assert term_hits and term_hits[0]["text"] == "笔电" and term_hits[0]["record"] == "delegate"
    assert "`terms[" in run("search", "笔电", "--format", "markdown").stdout
    events = _hits("开放团组会议", "--in", "events")
    assert any(h["field"].startswith("terms[") and h["record"] == "event" for h in events)


# --- the index and the files agree ---------------------------------------------------------------------------

QUERIES = [["AI"], ["ai"], ["ai", "-s"], ["AI", "-i"], ["ai", "-w"], ["AI", "-w", "--count"], ["ai", "-s", "--count"],
           ["Chongqing", "--count"], ["chongqing", "-s", "--count"], ["人工智能", "-x", "AI"], ["人工智能", "-x", "ai", "-c"],
           ["A[Ii]", "--regex", "-w"], ["笔电"], ["特高压", "--lang", "en"], ["特高压", "--lang", "en", "--count"],
           ["UHV", "--lang", "zh", "--count"], ["新型电力系统", "--in", "delegates", "--count"]]


def test_searches_with_and_without_the_index_agree(tmp_path):
    folder = mixed_library(tmp_path)
    for query in QUERIES:
        cached = run("search", *query, "--format", "json", library=folder)
        files = run("search", *query, "--format", "json", "--no-cache", library=folder)
        assert (cached.exit_code, cached.stdout) == (files.exit_code, files.stdout), query
