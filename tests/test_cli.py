"""CLI tests: exit codes, exact error lines, filters, formats and the acceptance checks of the 1.0 issue."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import BUNDLED, FIXTURES, MINI, ROOT, run
from cybrief.cli import app

COMMANDS = ["delegates", "targets", "search", "briefs", "index", "figure", "chart", "export", "report", "validate", "schema", "draft"]


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
    assert len(lines) == 2 + len(_json(run("targets", "--format", "json")))
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
    result = run("briefs", library=tmp_path)
    assert result.exit_code == 2
    assert "duplicate brief id 'mini'" in result.stderr and result.stderr.count("\n") == 1


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
                                     "'markdown', 'json', 'csv' (see cybrief targets -h)"),
    (["targets", "--sectr", "energy"], "no such option: --sectr; possible options: --sector, --sort (see cybrief targets -h)"),
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
    assert says in run(*command, "--help", library=None).stdout


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_lang_selects_summary_language(lang):
    out = run("delegates", "--lang", lang, "--format", "markdown").stdout
    assert ("王志杰介绍了" in out) == (lang != "en")
    assert ("Wang set out" in out) == (lang != "zh")


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


def test_cli_choices_are_the_librarys():
    from cybrief import cli, model, query

    for enum, values in ((cli.Kind, model.TARGET_KINDS), (cli.SortKey, model.SORT_KEYS), (cli.GroupKey, model.GROUP_KEYS),
                         (cli.FacetField, model.FACET_FIELDS), (cli.ExportFormat, model.EXPORT_FORMATS),
                         (cli.Scope, tuple(query.SCOPES))):
        assert tuple(e.value for e in enum) == values
