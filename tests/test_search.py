"""Search tests: normalization, pinyin, the query language, scope, ranking, snippets, --count and --limit."""

from __future__ import annotations

import json
import shutil

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import BUNDLED, MINI, run
from cybrief.t2s import SIMPLIFIED, TRADITIONAL
from cybrief.search.normalize import normalize, normalize_with_origin, original_spans


def _json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _names(hits) -> set[str]:
    return {h["delegate_name"] for h in hits if h["delegate_name"]}


# --- normalization ------------------------------------------------------------------------------------------

def test_normalize_folds_width_case_and_traditional_characters():
    assert normalize("ＡＩ") == normalize("AI") == "ai"
    assert normalize("特高壓電網") == "特高压电网"
    assert normalize("Straße") == "strasse"


def _normalized_by_hand(text: str) -> str:
    """Each character alone: NFKC, case folding, traditional -> simplified (FIELD_END becomes U+FFFD)."""
    table = str.maketrans(TRADITIONAL + "\x03", SIMPLIFIED + "\ufffd")
    return "".join((unicodedata.normalize("NFKC", ch) or ch).casefold().translate(table) for ch in text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="特高壓电網ＡＩaiß，：（）e\u0301\u1100\u1161Ⅻ①ﬁ\x03 ", max_size=40))
@example("ｅ\u0301，壓")  # a combining mark after a character NFKC changes: no composition across characters
@example("\u1100\u1161")  # Hangul jamo that NFKC of the whole string would compose
def test_normalize_is_character_by_character(text):
    assert normalize(text) == normalize(text) == _normalized_by_hand(text)  # twice: the table it fills, then reads


def test_spans_map_back_to_the_original_text_when_lengths_change():
    text = "ß特高壓 Straße"
    norm, origin = normalize_with_origin(text)
    start = norm.index("特高压")
    [span] = original_spans([(start, start + 3)], origin)
    assert text[span[0]:span[1]] == "特高壓"
    start = norm.index("strasse")
    [span] = original_spans([(start, start + 7)], origin)
    assert text[span[0]:span[1]] == "Straße"


@pytest.mark.parametrize("query", ["特高壓", "tegaoya", "te gao ya", "tè gāo yā", "tgy", "特高压"])
def test_every_way_of_writing_uhv_finds_liu_yong(query):
    hits = _json(run("search", query, "--format", "json"))
    assert _names(hits) == {"刘勇"}
    for hit in hits:
        for start, end in hit["spans"]:
            assert hit["text"][start:end] == "特高压"


def test_pinyin_hits_are_marked_and_literal_hits_are_not():
    assert {h["match"] for h in _json(run("search", "tegaoya", "--format", "json"))} == {"pinyin"}
    assert {h["match"] for h in _json(run("search", "特高压", "--format", "json"))} == {"text"}
    assert "拼音 pinyin" in run("search", "tgy", "--format", "markdown").stdout
    assert "pinyin" in run("search", "tgy", "--format", "csv").stdout.splitlines()[1]
    assert "拼音 pinyin" in run("search", "tgy", "--format", "table").stdout


def test_the_syllables_an_index_stores_are_those_of_the_full_tables():
    from cybrief.search.pinyin import _tables, syllables

    assert syllables() == sorted(_tables()[0])
    assert {"te", "gao", "ya", "zhong", "chong", "lv"} <= set(syllables())


def test_no_pinyin_turns_it_off_and_pinyin_forces_it():
    result = run("search", "tegaoya", "--no-pinyin", "--format", "json")
    assert result.exit_code == 1 and result.stdout == "[]\n"
    # "chongqing" matches English text literally; --pinyin also finds 重庆 in Chinese fields
    literal = _json(run("search", "chongqing", "--format", "json"))
    forced = _json(run("search", "chongqing", "--pinyin", "--format", "json"))
    assert {h["match"] for h in literal} == {"text"}
    assert len(forced) > len(literal)
    assert any("重庆" in h["text"] and h["match"] == "pinyin" for h in forced)


def test_full_width_query_equals_half_width():
    assert run("search", "ＡＩ", "--format", "json").stdout == run("search", "AI", "--format", "json").stdout


def test_a_brief_in_traditional_characters_is_found_by_a_simplified_query(tmp_path):
    text = (BUNDLED / "chongqing-2026-03-chengyu.yaml").read_text(encoding="utf-8")
    traditional = text.replace("特高压", "特高壓").replace("电网", "電網").replace("id: chongqing-2026-03-chengyu", "id: hant")
    (tmp_path / "hant.yaml").write_text(traditional, encoding="utf-8")
    hits = _json(run("search", "特高压", "电网", "--format", "json", library=tmp_path))
    assert _names(hits) == {"刘勇"}
    assert any(h["text"][s:e] == "特高壓" for h in hits for s, e in h["spans"])


# --- the query language ----------------------------------------------------------------------------------

def test_terms_are_anded_per_record():
    both = _json(run("search", "人工智能", "算力", "--format", "json"))
    ai = _json(run("search", "人工智能", "--format", "json"))
    assert both and _names(both) < _names(ai) | {"x"}
    records = {(h["record"], h["record_id"]) for h in both}
    for record in records:  # each record holds both terms somewhere
        texts = "".join(h["text"] for h in both if (h["record"], h["record_id"]) == record)
        assert "人工智能" in texts and "算力" in texts


def test_any_ors_the_terms():
    assert run("search", "特高压", "算力", "--format", "json").exit_code == 1  # no record holds both
    ored = _json(run("search", "特高压", "算力", "--any", "--format", "json"))
    power = _json(run("search", "算力", "--format", "json"))
    uhv = _json(run("search", "特高压", "--format", "json"))
    assert len(ored) == len(power) + len(uhv)
    assert sorted(map(json.dumps, ored)) == sorted(map(json.dumps, power + uhv))


def test_exclude_drops_records_holding_the_term():
    ai = _json(run("search", "人工智能", "--format", "json"))
    without = _json(run("search", "人工智能", "--exclude", "电网", "--format", "json"))
    assert "刘勇" in _names(ai) and "刘勇" not in _names(without)
    assert without and all("电网" not in h["text"] for h in without)
    twice = _json(run("search", "人工智能", "-x", "电网", "-x", "汽车", "--format", "json"))
    assert len(twice) < len(without)


def test_a_quoted_phrase_keeps_its_space():
    hits = _json(run("search", "Chongqing twin", "--format", "json"))
    assert hits and all("chongqing twin" in h["text"].lower() for h in hits)
    assert run("search", "Chongqingtwin", "--no-pinyin").exit_code == 1
    apart = _json(run("search", "Chongqing", "twin", "--format", "json"))  # two terms: not one phrase
    assert len(apart) > len(hits)


def test_regex_matches_normalized_text():
    hits = _json(run("search", "特高[压電]", "--regex", "--format", "json"))
    assert _names(hits) == {"刘勇"}
    figures = _json(run("search", r"\d+(\.\d+)?倍", "--regex", "--in", "targets", "--format", "json"))
    assert figures and all(h["text"][s:e].endswith("倍") for h in figures for s, e in h["spans"])


def test_bad_regex_is_one_line_exit_2():
    result = run("search", "(特高压", "--regex")
    assert result.exit_code == 2
    assert result.stderr == "cybrief: error: bad regular expression '(特高压': missing ), unterminated subpattern at position 0\n"


# --- scope ---------------------------------------------------------------------------------------------

def test_in_restricts_the_records_searched():
    every = _json(run("search", "人工智能", "--format", "json"))
    targets = _json(run("search", "人工智能", "--in", "targets", "--format", "json"))
    two = _json(run("search", "人工智能", "--in", "targets", "--in", "delegates", "--format", "json"))
    assert {h["record"] for h in every} > {"target"}
    assert {h["record"] for h in targets} == {"target"}
    assert {h["record"] for h in two} == {"target", "delegate"}
    events = _json(run("search", "记者会", "--in", "events", "--format", "json"))
    assert {h["record"] for h in events} == {"event"}


def test_filters_of_targets_combine_with_and():
    energy = _json(run("search", "电网", "--sector", "能源", "--format", "json"))
    assert energy and _names(energy) == {"刘勇"}
    plans = _json(run("search", "电网", "--sector", "energy", "--kind", "plan", "--format", "json"))
    assert plans and {h["record"] for h in plans} == {"target"}
    by_delegate = _json(run("search", "人工智能", "--delegate", "Liu Yong", "--format", "json"))
    assert _names(by_delegate) == {"刘勇"}
    result = run("search", "电网", "--sector", "space")
    assert result.exit_code == 2 and result.stderr.startswith("cybrief: error: unknown sector 'space'")


def test_brief_option(tmp_path):
    shutil.copy(MINI, tmp_path / "mini.yaml")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", tmp_path / "cq.yaml")
    assert {h["brief"] for h in _json(run("search", "电网", "--format", "json", library=tmp_path))} == {"mini", "chongqing-2026-03-chengyu"}
    assert {h["brief"] for h in _json(run("search", "电网", "--brief", "mini", "--format", "json", library=tmp_path))} == {"mini"}
    result = run("search", "电网", "--brief", "nope", library=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "cybrief: error: unknown brief 'nope'; briefs in the library: chongqing-2026-03-chengyu, mini\n"


# --- results -------------------------------------------------------------------------------------------

def test_ranking_pins_an_order():
    hits = _json(run("search", "特高压", "--format", "json"))
    assert [(h["record_id"], h["field"]) for h in hits] == [
        ("liu-yong-03", "metric"),  # a short metric that is mostly the match
        ("liu-yong", "terms[0]"),  # a term that is all match, but a term weighs less than a metric
        ("liu-yong", "terms[1]"),  # a longer term
        ("liu-yong", "points[0]"),  # two matches in a short key point
        ("liu-yong", "summary"),  # two matches, in a long summary
        ("liu-yong", "points[2]"),  # one match in a key point
    ]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_ties_go_to_the_newest_brief(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    (tmp_path / "a-old.yaml").write_text(text.replace("id: mini", "id: old").replace("published: 2026-03-08", "published: 2020-01-01"), encoding="utf-8")
    (tmp_path / "b-new.yaml").write_text(text.replace("id: mini", "id: new"), encoding="utf-8")
    hits = _json(run("search", "算力", "--format", "json", library=tmp_path))
    assert [h["brief"] for h in hits] == ["new", "old"]


def test_context_cuts_the_snippet_with_ellipses():
    short = run("search", "数字孪生", "--in", "delegates", "-C", "4", "--format", "markdown").stdout
    long = run("search", "数字孪生", "--in", "delegates", "-C", "30", "--format", "markdown").stdout
    assert "): …型、建设**数字孪生**电网，加…\n" in short
    assert ("): …1000亿元。报道还写到，国网将以人工智能推动电网转型、建设**数字孪生**电网，加强对重庆高端产业的供电保障，"
            "并力争“十五五”末重庆一…\n") in long
    assert "`terms[15]` (delegate liu-yong): **数字孪生**电网\n" in short  # a field shorter than the context: whole
    assert len(short) < len(long)
    json_text = _json(run("search", "数字孪生", "-C", "4", "--format", "json"))
    assert all("…" not in h["text"] for h in json_text)  # JSON keeps the whole text and its spans


def test_count_prints_hits_per_brief_and_total(tmp_path):
    shutil.copy(MINI, tmp_path / "mini.yaml")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", tmp_path / "cq.yaml")
    hits = _json(run("search", "电网", "--format", "json", library=tmp_path))
    counts = _json(run("search", "电网", "--count", "--format", "json", library=tmp_path))
    per_brief = {b: sum(1 for h in hits if h["brief"] == b) for b in {h["brief"] for h in hits}}
    assert counts["total"] == len(hits)
    assert {c["brief"]: c["hits"] for c in counts["briefs"]} == per_brief
    assert [c["brief"] for c in counts["briefs"]] == ["chongqing-2026-03-chengyu", "mini"]  # library order
    csv_lines = run("search", "电网", "--count", "--format", "csv", library=tmp_path).stdout.splitlines()
    assert csv_lines[0] == "brief,hits" and csv_lines[-1] == f"TOTAL,{len(hits)}"
    markdown = run("search", "电网", "--count", "--format", "markdown", library=tmp_path).stdout
    assert f"| **合计 total** | {len(hits)} |" in markdown


def test_count_without_hits_exits_1():
    result = run("search", "不存在的词", "--count", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["total"] == 0


def test_limit_caps_the_hits_and_says_how_many_more():
    every = _json(run("search", "人工智能", "--format", "json"))
    result = run("search", "人工智能", "--limit", "3", "--format", "json")
    assert json.loads(result.stdout) == every[:3]
    more = len(every) - 3
    assert result.stderr == f"cybrief: showing 3 of {len(every)} hits; {more} more (raise --limit to see them)\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_every_format_works_for_hits_and_counts(fmt):
    for extra in ([], ["--count"]):
        result = run("search", "特高压", "--format", fmt, *extra)
        assert result.exit_code == 0 and "\x1b" not in result.stdout
        assert "chongqing-2026-03-chengyu" in result.stdout


def test_json_keeps_the_contract_and_adds_score_and_match():
    [first, *_] = _json(run("search", "特高压", "--format", "json"))
    assert list(first) == ["brief", "delegate", "delegate_name", "record", "record_id", "field", "text", "spans", "score", "match"]


def test_empty_query_is_a_usage_error():
    result = run("search", " ")
    assert result.exit_code == 2 and result.stderr == "cybrief: error: empty query: give at least one term to search for\n"


def test_hits_name_the_delegate_in_the_language_asked_for():
    for lang, name in (("en", "**Wang Zhijie**"), ("zh", "**王志杰**"), ("both", "**王志杰 Wang Zhijie**")):
        out = run("search", "AI", "--lang", lang, "--format", "markdown").stdout
        assert f"- {name} · " in out, lang
    assert {h["delegate_name"] for h in _json(run("search", "AI", "--lang", "en", "--format", "json"))} >= {"王志杰"}
