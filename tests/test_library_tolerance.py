"""A library with a broken file: the briefs that load are used, each broken file reported once after the output,
exit 2; --strict all or nothing; --brief needs only its brief. Drafts marked and hidden; which library is used."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from conftest import BUNDLED, MINI, run

BUNDLED_BRIEF = BUNDLED / "chongqing-2026-03-chengyu.yaml"
BROKEN_LINE = "broken.yaml:{line}:12: targets[1].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'"
LEFT_OUT = "left out 1 brief file that cannot be loaded"


@pytest.fixture
def library(tmp_path, monkeypatch):
    """The bundled brief, and a copy of it (another id) whose second target's value is not a number."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(BUNDLED_BRIEF, folder / "chongqing.yaml")
    text = BUNDLED_BRIEF.read_text(encoding="utf-8").replace("id: chongqing-2026-03-chengyu", "id: broken-copy", 1)
    lines = text.splitlines(keepends=True)
    number = [i for i, line in enumerate(lines) if line.strip().startswith("value:")][1]
    lines[number] = lines[number].split("value:")[0] + "value: abc\n"
    (folder / "broken.yaml").write_text("".join(lines), encoding="utf-8")
    return SimpleNamespace(path=folder, line=number + 1)


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("cybrief: error: ")]


def test_the_six_delegates_are_listed_and_the_broken_file_reported_after_them(library):
    result = run("delegates", "--format", "json", library=library.path)
    assert result.exit_code == 2
    assert [d["name"] for d in json.loads(result.stdout)] == ["王志杰", "夏泳", "谢文辉", "杜卫东", "刘勇", "冉慧"]
    errors = _errors(result)
    assert errors[0] == "cybrief: error: lib/" + BROKEN_LINE.format(line=library.line)
    assert LEFT_OUT in errors[1] and len(errors) == 2  # once, and what was done


@pytest.mark.parametrize("fmt", ["markdown", "plain", "csv", "table"])
def test_every_format_prints_what_loaded(library, fmt):
    result = run("delegates", "--format", fmt, library=library.path)
    assert result.exit_code == 2 and "刘勇" in result.stdout and LEFT_OUT in result.stderr


def test_only_the_brief_asked_for_must_load(library):
    result = run("delegates", "--brief", "chongqing-2026-03-chengyu", library=library.path)
    assert result.exit_code == 0 and result.stderr == "" and "刘勇" in result.stdout
    unknown = run("delegates", "--brief", "broken-copy", library=library.path)
    assert unknown.exit_code == 2 and unknown.stdout == ""
    assert _errors(unknown)[0].startswith("cybrief: error: unknown brief 'broken-copy'")
    assert BROKEN_LINE.format(line=library.line) in unknown.stderr, "the brief asked for may be the broken one"


def test_strict_is_all_or_nothing(library):
    result = run("delegates", "--strict", library=library.path)
    assert result.exit_code == 2 and result.stdout == ""
    assert _errors(result) == ["cybrief: error: lib/" + BROKEN_LINE.format(line=library.line)]


@pytest.mark.parametrize("command", [["targets"], ["briefs"], ["chart"], ["report"], ["delegates", "刘勇"]])
def test_every_command_that_reads_a_library_goes_on(library, command):
    result = run(*command, library=library.path)
    assert result.exit_code == 2 and result.stdout and LEFT_OUT in result.stderr


def test_nothing_matched_with_a_file_left_out_is_exit_2(library):
    result = run("delegates", "没有这个人", library=library.path)
    assert result.exit_code == 2 and "no delegate named" in result.stderr and LEFT_OUT in result.stderr


@pytest.mark.parametrize("no_cache", [False, True], ids=["index", "files"])
def test_search_from_the_index_and_from_the_files_agree(library, no_cache):
    extra = ["--no-cache"] if no_cache else []
    for _ in range(2):  # the second search finds the index as the first left it
        result = run("search", "电网", "--format", "plain", *extra, library=library.path)
        assert result.exit_code == 2
        assert {line.split("\t")[0] for line in result.stdout.splitlines()} == {"chongqing-2026-03-chengyu"}
        assert _errors(result)[0] == "cybrief: error: lib/" + BROKEN_LINE.format(line=library.line)
        assert len(_errors(result)) == 2
    counted = run("search", "电网", "--count", "--format", "json", *extra, library=library.path)
    assert counted.exit_code == 2 and [b["brief"] for b in json.loads(counted.stdout)["briefs"]] == ["chongqing-2026-03-chengyu"]
    only = run("search", "电网", "--brief", "chongqing-2026-03-chengyu", *extra, library=library.path)
    assert only.exit_code == 0 and only.stderr == ""
    strict = run("search", "电网", "--strict", *extra, library=library.path)
    assert strict.exit_code == 2 and strict.stdout == ""


def test_a_library_of_broken_files_only_is_refused_as_before(tmp_path):
    (tmp_path / "a.yaml").write_text("id: [\n", encoding="utf-8")
    for command in (["delegates"], ["search", "电网"], ["search", "电网", "--no-cache"]):
        result = run(*command, library=tmp_path)
        assert result.exit_code == 2 and result.stdout == "" and LEFT_OUT not in result.stderr


# --- drafts ---------------------------------------------------------------------------------------------------

@pytest.fixture
def with_draft(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(BUNDLED_BRIEF, folder / "chongqing.yaml")
    drafted = run("draft", str(BUNDLED.parent / "tests" / "fixtures" / "articles" / "corridor.txt"),
                  "-o", str(folder / "corridor.yaml"), library=None)
    assert drafted.exit_code == 0, drafted.stderr
    return folder


def test_drafts_are_marked_wherever_their_rows_are_shown(with_draft):
    from cybrief.library import is_draft, open_library

    lib = open_library(with_draft)
    assert lib.drafts == {"corridor"} and not is_draft(lib.only("chongqing-2026-03-chengyu").briefs[0])
    for lang, mark in (("zh", "(草稿)"), ("en", "(draft)"), ("both", "(草稿 draft)")):
        rows = run("targets", "--format", "plain", "--lang", lang, library=with_draft).stdout.splitlines()
        briefs = [t["brief"] for t in json.loads(run("targets", "--format", "json", library=with_draft).stdout)]
        assert len(rows) == len(briefs) and "corridor" in briefs
        for row, brief in zip(rows, briefs):  # the delegate column carries the mark exactly on a draft's rows
            assert (mark in row.split("\t")[0]) == (brief == "corridor"), row
        assert all("TODO" not in row or mark in row.split("\t")[0] for row in rows), "no TODO row without the mark"
        assert lang == "zh" or any("TODO" in row for row in rows)
    assert "(草稿 draft)" in run("briefs", "--format", "plain", library=with_draft).stdout
    assert "(草稿 draft)" in run("delegates", "--format", "markdown", library=with_draft).stdout


def test_no_drafts_leaves_them_out(with_draft):
    listed = json.loads(run("briefs", "--no-drafts", "--format", "json", library=with_draft).stdout)
    assert [b["id"] for b in listed] == ["chongqing-2026-03-chengyu"]
    delegates = run("delegates", "--no-drafts", "--format", "plain", library=with_draft).stdout
    assert "草稿" not in delegates and len(delegates.splitlines()) == 6
    assert "TODO" not in run("targets", "--no-drafts", library=with_draft).stdout
    assert json.loads(run("delegates", "--format", "json", library=with_draft).stdout)[-1]["brief"] == "corridor"


# --- which library -------------------------------------------------------------------------------------------

def test_the_bundled_library_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefs").mkdir()
    shutil.copy(MINI, tmp_path / "briefs" / "mini.yaml")
    local = json.loads(run("briefs", "--format", "json", library=None).stdout)
    assert [b["id"] for b in local] == ["mini"]
    for name in ("bundled", ":bundled:"):
        named = json.loads(run("briefs", "--format", "json", "--library", name, library=None).stdout)
        assert [b["id"] for b in named] == ["chongqing-2026-03-chengyu"]
    monkeypatch.setenv("CYBRIEF_LIBRARY", ":bundled:")
    assert json.loads(run("briefs", "--format", "json", library=None).stdout)[0]["id"] == "chongqing-2026-03-chengyu"


def test_a_briefs_folder_without_briefs_is_not_the_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run("briefs", "--verbose", "--format", "json", library=None)
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["id"] == "chongqing-2026-03-chengyu"
    assert "the briefs bundled with cybrief: ./briefs here holds no brief file" in result.stderr


@pytest.mark.parametrize("args, says", [
    ([], "(the briefs bundled with cybrief: no ./briefs here, and no --library or $CYBRIEF_LIBRARY)"),
    (["--library", "bundled"], "(the briefs bundled with cybrief, named by --library bundled)"),
    (["--library", "lib"], "cybrief: library lib (named by --library)"),
])
def test_briefs_says_which_library_and_why(args, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    shutil.copy(MINI, tmp_path / "lib" / "mini.yaml")
    result = run("briefs", "--verbose", *args, library=None)
    assert result.exit_code == 0 and says in result.stderr
    assert run("briefs", *args, library=None).stderr == "", "piped without --verbose: only the data"
