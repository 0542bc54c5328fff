"""CLI tests: exit codes, exact error lines, filters, formats, and the checks of the core commands."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import BUNDLED, FIXTURES, MINI, ROOT, run
from cybrief.cli import app

COMMANDS = ["delegates", "targets", "search", "briefs", "index", "cache", "figure", "chart", "export", "report", "validate", "schema", "draft"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help", library=None)
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"cybrief {command}" in result.stdout


def test_every_command_is_registered_and_documented_in_the_readme():
    names = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
    assert names == sorted(COMMANDS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"cybrief {name}" in readme


def test_version():
    result = run("--version", library=None)
    assert result.exit_code == 0 and result.stdout.startswith("cybrief ")


def _json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_targets_sector_energy_lists_only_grid_figures():
    by_slug = _json(run("targets", "--sector", "energy", "--format", "json"))
    by_label = _json(run("targets", "--sector", "能源", "--format", "json"))
    by_english = _json(run("targets", "--sector", "ENERGY", "--format", "json"))
    assert by_slug == by_label == by_english
    assert {t["sector"] for t in by_slug} == {"energy"}
    assert {t["delegate_name"] for t in by_slug} == {"刘勇"}
    assert {"超1000亿元", "2.4倍", "每消费2度电就有1度"} <= {t["figure"] for t in by_slug}


def test_target_json_has_the_contract_keys():
    targets = _json(run("targets", "--format", "json"))
    keys = {"id", "brief", "delegate", "delegate_name", "sector", "region", "metric", "metric_en", "figure",
            "value", "unit", "qualifier", "kind", "horizon"}
    assert all(keys <= set(t) for t in targets)
    assert len(targets) > 20
    first = next(t for t in targets if t["figure"] == "近400万辆")
    assert first["value"] == 4000000 and first["qualifier"] == "nearly" and first["unit"] == "辆"


def test_delegate_json_has_the_contract_keys():
    delegates = _json(run("delegates", "--format", "json"))
    keys = {"id", "brief", "name", "name_en", "role", "organization", "event", "date", "sectors", "summary",
            "summary_en", "points"}
    assert all(keys <= set(d) for d in delegates)
    assert len(delegates) == 6
    assert {d["date"] for d in delegates} == {"2026-03-06", "2026-03-07"}


def test_filters_combine_with_and():
    goals = _json(run("targets", "--delegate", "谢文辉", "--kind", "plan", "--horizon", "十五五", "--format", "json"))
    assert [t["figure"] for t in goals] == ["超200个", "超1000亿元", "超3000亿元"]
    end_of_plan = _json(run("targets", "--horizon", "十五五", "--sector", "energy", "--format", "json"))
    assert {t["horizon"] for t in end_of_plan} == {"十五五", "十五五末"}


def test_filters_leaving_nothing_exit_1_with_empty_json():
    result = run("targets", "--sector", "rural", "--kind", "plan", "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == "[]\n"
    assert result.stderr == "cybrief: no target matches these filters\n"


def test_unknown_sector_is_an_error_listing_the_valid_ones():
    result = run("targets", "--sector", "space")
    assert result.exit_code == 2
    assert result.stderr.startswith("cybrief: error: unknown sector 'space'; valid sectors: automotive (汽车, Automotive), ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_unknown_delegate_exits_1():
    result = run("delegates", "Nobody")
    assert result.exit_code == 1
    assert result.stderr == "cybrief: no delegate named 'Nobody'; try `cybrief delegates` for the list\n"


@pytest.mark.parametrize("name", ["刘勇", "Liu Yong", "liu-yong", "LIUYONG"])
def test_delegate_detail_by_any_name(name):
    [detail] = _json(run("delegates", name, "--format", "json"))
    assert detail["id"] == "liu-yong"
    assert {t["figure"] for t in detail["targets"]} >= {"超1000亿元", "2.4倍"}


def test_search_finds_every_delegate_who_spoke_of_ai():
    hits = _json(run("search", "人工智能", "--format", "json"))
    assert {h["delegate_name"] for h in hits if h["delegate"]} == {"王志杰", "夏泳", "杜卫东", "刘勇"}
    for hit in hits:
        for start, end in hit["spans"]:
            assert hit["text"][start:end] == "人工智能"


def test_search_is_case_insensitive_for_latin_and_finds_two_character_words():
    upper = _json(run("search", "UHV", "--format", "json"))
    lower = _json(run("search", "uhv", "--format", "json"))
    assert upper == lower and upper
    assert _json(run("search", "算力", "--format", "json"))


def test_search_without_hits_exits_1():
    result = run("search", "不存在的词", "--format", "json")
    assert result.exit_code == 1 and result.stdout == "[]\n"
    assert result.stderr == "cybrief: nothing matches '不存在的词'\n"


def test_piped_output_is_markdown_without_escape_codes():
    result = run("targets")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| 代表 Delegate |") and lines[1].startswith("| --- |")
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == 2 + len(_json(run("targets", "--format", "json")))
    assert lines[len(rows):] == ["", "† 推断：报道未在此处点名发言人，简报据上下文归属", "",
                                 "† inferred: the report does not name the speaker here; the brief attributes it from context"]
    assert "\x1b" not in result.stdout


def test_table_format_when_piped_has_no_escape_codes():
    result = run("delegates", "--format", "table")
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "王志杰" in result.stdout


def test_csv_has_a_header_and_one_row_per_target():
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("targets", "--format", "csv").stdout, newline="")))
    assert len(rows) == len(_json(run("targets", "--format", "json")))
    assert rows[0]["figure"] == "万亿级"


def test_briefs_lists_counts_and_absolute_path():
    [brief] = _json(run("briefs", "--format", "json"))
    assert set(brief) >= {"id", "title", "date", "delegates", "targets", "path"}
    assert brief["delegates"] == 6 and brief["targets"] > 20
    assert brief["path"].startswith("/") and brief["path"].endswith(".yaml")


def test_brief_option_restricts_and_unknown_brief_is_an_error(tmp_path):
    shutil.copy(MINI, tmp_path / "mini.yaml")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", tmp_path / "cq.yaml")
    both = _json(run("delegates", "--format", "json", library=tmp_path))
    only = _json(run("delegates", "--brief", "mini", "--format", "json", library=tmp_path))
    assert len(both) == 8 and {d["brief"] for d in only} == {"mini"}
    result = run("delegates", "--brief", "nope", library=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "cybrief: error: unknown brief 'nope'; briefs in the library: chongqing-2026-03-chengyu, mini\n"


def test_duplicate_brief_ids_across_files(tmp_path):
    shutil.copy(MINI, tmp_path / "a.yaml")
    shutil.copy(MINI, tmp_path / "b.yaml")
    result = run("briefs", "--format", "json", library=tmp_path)
    assert result.exit_code == 2
    assert [b["path"] for b in json.loads(result.stdout)] == [str(tmp_path / "a.yaml")]  # the first is used
    assert "b.yaml: id: duplicate brief id 'mini'" in result.stderr.splitlines()[0]
    strict = run("briefs", "--strict", library=tmp_path)
    assert strict.exit_code == 2 and strict.stdout == ""
    assert "duplicate brief id 'mini'" in strict.stderr and strict.stderr.count("\n") == 1


def test_library_from_environment(monkeypatch, tmp_path):
    shutil.copy(MINI, tmp_path / "mini.yaml")
    monkeypatch.setenv("CYBRIEF_LIBRARY", str(tmp_path))
    assert [b["id"] for b in _json(run("briefs", "--format", "json", library=None))] == ["mini"]


def test_default_library_is_local_briefs_folder_else_bundled(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    bundled = _json(run("briefs", "--format", "json", library=None))
    assert [b["id"] for b in bundled] == ["chongqing-2026-03-chengyu"]
    (tmp_path / "briefs").mkdir()
    shutil.copy(MINI, tmp_path / "briefs" / "mini.yaml")
    assert [b["id"] for b in _json(run("briefs", "--format", "json", library=None))] == ["mini"]


def test_bad_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a folder that is certainly missing, whatever the machine holds
    result = run("targets", "--library", "nonexistent", library=None)
    assert result.exit_code == 2 and result.stderr == "cybrief: error: library nonexistent: no such folder\n"


def test_broken_brief_is_one_line_exit_2_no_traceback(monkeypatch):
    monkeypatch.chdir(FIXTURES / "broken")
    result = run("targets", library=FIXTURES / "broken" / "wrong_type.yaml")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "wrong_type.yaml:74:12: targets[2].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'\n"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args, line", [
    (["targets", "--format", "xml"], "invalid value for '--format' / '-f': 'xml' is not one of 'auto', 'table', "
                                     "'markdown', 'json', 'csv', 'plain' (see cybrief targets -h)"),
    (["targets", "--sectr", "energy"], "no such option: --sectr; possible options: --sector, --sort, --strict (see cybrief targets -h)"),
    (["tagrets"], "no such command 'tagrets'. Did you mean 'targets'? (see cybrief -h)"),
    (["search"], "missing argument 'TERM...' (see cybrief search -h)"),
    (["delegates", "--lang", "fr"], "invalid value for '--lang' / '-l': 'fr' is not one of 'zh', 'en', 'both' (see cybrief delegates -h)"),
])
def test_usage_errors_are_one_plain_line_exit_2(args, line):
    result = run(*args)
    assert result.exit_code == 2 and result.stderr == f"cybrief: error: {line}\n"
    assert result.stdout == ""


def test_cybrief_alone_shows_the_help_and_exits_2():
    result = run(library=None)
    assert result.exit_code == 2 and "Usage: cybrief" in result.stdout and "targets" in result.stdout
    assert "error" not in result.stderr


def test_help_names_every_exit_code_and_the_arguments_in_capitals():
    root = " ".join(run("--help", library=None).stdout.split())
    assert "0 success, 1 nothing matched, 2 usage or input error, 3 internal error" in root
    assert "cybrief delegates [OPTIONS] [NAME]" in run("delegates", "--help", library=None).stdout


@pytest.mark.parametrize("command, says", [
    (["chart"], "Replace the output file if it exists."), (["report"], "Replace the output file if it exists."),
    (["draft"], "Replace the output file if it exists."),
    (["export"], "Replace the output file, or a folder holding only a previous CSV export."),
])
def test_force_says_what_it_replaces(command, says, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert says in " ".join(run(*command, "--help", library=None).stdout.split())  # help wraps at 80 columns


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_lang_selects_summary_language(lang):
    out = run("delegates", "--lang", lang, "--format", "markdown").stdout
    assert ("王志杰介绍，" in out) == (lang != "en")
    assert ("Wang said that since" in out) == (lang != "zh")


def test_the_installed_entry_point_runs_one_command_and_still_knows_the_others(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    entry = [sys.executable, "-c", "from cybrief.cli import main; main()"]
    done = subprocess.run(entry + ["targets", "--sector", "energy", "--format", "json", "--library", str(BUNDLED)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0 and {t["sector"] for t in json.loads(done.stdout)} == {"energy"}
    listing = subprocess.run(entry + ["--help"], capture_output=True, text=True, env=env)
    assert all(name in listing.stdout for name in COMMANDS)
    typo = subprocess.run(entry + ["tagrets"], capture_output=True, text=True, env=env)
    assert typo.returncode == 2 and "Did you mean 'targets'" in typo.stderr


# --- nothing matched: machine formats still print their empty document ---------------------------------------

TARGETS_HEADER = ("id,brief,delegate,delegate_name,sector,region,metric,metric_en,figure,value,unit,qualifier,kind,"
                  "horizon,paragraph,note,upper,qualitative,region_en,basis,basis_note")
NOTHING = ["--kind", "goal", "--horizon", "2025"]  # the bundled brief has no goal for 2025


@pytest.mark.parametrize("args, header, code", [
    (["targets", *NOTHING], TARGETS_HEADER, 1),
    (["targets", "--delegate", "nobody"], TARGETS_HEADER, 1),
    (["targets", *NOTHING, "--facet", "sector"], "facet,value,label,count,unit,figures,sum,qualifier", 1),
    (["targets", *NOTHING, "--group-by", "sector"], "group," + TARGETS_HEADER, 1),
    (["chart", "--horizon", "2099"], TARGETS_HEADER + ",share_of_max,mark", 1),
    (["delegates", "nobody"], "id,brief,name,name_en,role,role_en,organization,organization_en,event,event_kind,"
                              "event_title,date,sectors,summary,summary_en,points,points_en,terms,points_basis,"
                              "points_basis_note", 1),
    (["search", "不存在的词"], "brief,delegate,delegate_name,record,record_id,field,text,spans,score,match", 1),
    (["search", "不存在的词", "--count"], "brief,hits", 1),
    (["figure", "abc"], "text,value,unit,qualifier,upper,zh,en", 2),
])
def test_csv_of_nothing_is_its_header_and_json_an_empty_array(args, header, code):
    library = None if args[0] == "figure" else BUNDLED
    result = run(*args, "--format", "csv", library=library)
    lines = result.stdout.splitlines()
    assert result.exit_code == code and lines[0] == header
    assert len(lines) == 1 + (args[-1] == "--count")  # the header (and TOTAL,0 for counts)
    result = run(*args, "--format", "json", library=library)
    assert result.exit_code == code and json.loads(result.stdout) in ([], {"query": "不存在的词", "total": 0, "briefs": []})


def test_csv_columns_are_the_json_keys_for_every_listing():
    from cybrief.render import comparisons as compare
    from cybrief.render import views
    from cybrief.library import open_library
    from cybrief.figures.quantity import parse_figure

    library = open_library(BUNDLED)
    listings = [
        views.targets_listing(library.targets(), library, "both"),
        views.delegates_listing(library.delegates(), library, "both"),
        views.briefs_listing(library, "both"),
        compare.facets(library.targets(), list(compare.FACET_FIELDS), library, "both"),
        compare.figures_listing([parse_figure("3至5万人"), parse_figure("每9台汽车就有1台")], "both"),
    ]
    for listing in listings:
        assert listing.records and all(tuple(r) == listing.columns for r in listing.records), listing.kind
    detail = views.delegate_detail(library.find_delegates("刘勇")[0], library, "both")
    assert tuple(detail.record)[:-1] == views.DELEGATE_COLUMNS and list(detail.record)[-1] == "targets"
    bars = [b.record() for s in compare.chart(library.targets(), "both") for b in s.bars]
    assert all(tuple(b) == views.CHART_COLUMNS for b in bars)
    sections = compare.group(library.targets(), "sector", library, "both")
    assert all(tuple(r) == views.TARGET_COLUMNS for s in sections for r in s.listing.records)


def test_an_unknown_delegate_name_says_so_and_exits_1():
    for args in (["delegates", "nobody"], ["targets", "--delegate", "nobody"], ["chart", "--delegate", "nobody"]):
        result = run(*args, "--format", "json")
        assert result.exit_code == 1 and result.stdout == "[]\n"
        assert result.stderr == "cybrief: no delegate named 'nobody'; try `cybrief delegates` for the list\n"


def test_an_empty_library_is_a_usage_error_for_every_command(tmp_path):
    for args in (["delegates"], ["targets"], ["briefs"], ["chart"], ["report"], ["search", "x"], ["index"],
                 ["export", "--to", "json", "-o", str(tmp_path / "out.json")], ["validate"]):
        result = run(*args, library=tmp_path)
        assert (result.exit_code, result.stderr) == (2, f"cybrief: error: library {tmp_path}: no brief files (*.yaml, *.yml) in it\n"), args
    named = run("validate", str(tmp_path), library=None)  # a folder named to validate is one of the paths checked
    assert named.exit_code == 2
    assert named.stderr == (f"cybrief: error: {tmp_path}: no brief files (*.yaml, *.yml) in it\n"
                            "cybrief: error: 1 problem in 1 of 1 file checked\n")


# --- --lang: every label in the language asked for ----------------------------------------------------------------

def test_labels_follow_lang_and_identical_text_shows_once(tmp_path):
    zh = run("delegates", "刘勇", "--lang", "zh", "--format", "markdown").stdout
    en = run("delegates", "刘勇", "--lang", "en", "--format", "markdown").stdout
    both = run("delegates", "刘勇", "--lang", "both", "--format", "markdown").stdout
    assert "### 要点\n" in zh and "### 数据\n" in zh and "Key points" not in zh and "Figures" not in zh
    assert "### Key points\n" in en and "### Figures\n" in en and "要点" not in en
    assert "### 要点 Key points\n" in both
    table = run("delegates", "刘勇", "--lang", "en", "--format", "table").stdout
    assert "Key points" in table and "要点" not in table
    chart = run("chart", "--sector", "automotive", "--format", "markdown").stdout
    assert "| 80% |" in chart and "80%<br>80%" not in chart
    assert "█ 确数" in chart and "█ as stated" in chart  # the legend in both languages
    assert "█ as stated" not in run("chart", "--sector", "automotive", "--lang", "zh", "--format", "markdown").stdout
    report = run("report", "--lang", "both").stdout
    sectors = report.split("## 领域概览 Sectors")[1].split("##")[0]
    assert "王志杰 Wang Zhijie, 杜卫东 Du Weidong" in sectors
    assert "| 王志杰、杜卫东 |" in run("report", "--lang", "zh").stdout


@pytest.mark.parametrize("lang, who, mark, total", [
    ("zh", "活动", "拼音", "合计"), ("en", "Event", "pinyin", "total"), ("both", "活动 Event", "拼音 pinyin", "合计 total"),
])
def test_search_labels_follow_lang(lang, who, mark, total):
    from cybrief.render import Format, renderer
    from cybrief.render.views import Hit, SearchResult

    term = "press conference" if lang == "en" else "记者会"
    hits = run("search", term, "--in", "events", "--lang", lang, "--format", "markdown").stdout
    assert hits.startswith(f"- **{who}** ·")
    found = SearchResult("jizhehui", [Hit("b", None, None, "event", "e", "title", "记者会", [(0, 3)], 1.0, "pinyin")],
                         lang=lang)
    assert f" · {mark}: " in renderer(Format.markdown).search(found)
    counts = run("search", "grid" if lang == "en" else "电网", "--count", "--lang", lang, "--format", "markdown").stdout
    assert f"| **{total}** |" in counts


def test_cli_choices_are_the_librarys():
    from cybrief.brief import model
    from cybrief.cli import options as cli
    from cybrief.figures.compare import SORT_KEYS
    from cybrief.search import query

    for enum, values in ((cli.Kind, model.TARGET_KINDS), (cli.SortKey, SORT_KEYS), (cli.GroupKey, model.GROUP_KEYS),
                         (cli.FacetField, model.FACET_FIELDS), (cli.ExportFormat, model.EXPORT_FORMATS),
                         (cli.Scope, tuple(query.SCOPES))):
        assert tuple(e.value for e in enum) == values
