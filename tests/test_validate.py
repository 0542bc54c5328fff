"""validate: every problem of every file, located; duplicate ids across files; review markers; exit codes."""

from __future__ import annotations

import json
import shutil

from conftest import BUNDLED, FIXTURES, MINI, run

FIVE = FIXTURES / "invalid" / "five_errors.yaml"


def _with_review(tmp_path, name="mini.yaml"):
    text = MINI.read_text(encoding="utf-8").replace("    metric: 电网投资\n", "    metric: 电网投资\n    review: [metric, kind]\n")
    text = _with_bases(text)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _with_bases(text: str) -> str:
    """The small brief with a basis on every target and key point (as --strict wants), on the same lines."""
    point = "      - zh: 特高压线路投运。\n        en: UHV lines in service.\n"
    text = text.replace(point, "      - {zh: 特高压线路投运。, en: UHV lines in service.,\n         basis: stated}\n")
    for paragraph in ("3", "4", "5"):
        text = text.replace(f"    paragraph: {paragraph}\n", f"    paragraph: {paragraph}\n    basis: stated\n")
    return text


def test_five_different_errors_give_five_located_lines(monkeypatch):
    monkeypatch.chdir(FIVE.parent)
    result = run("validate", FIVE.name, library=None)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "cybrief: error: five_errors.yaml:12:11: events[0].date: expected a date as YYYY-MM-DD, got '2026-3-7'",
        "cybrief: error: five_errors.yaml:25:14: delegates[0].sectors: expected a list, got 'energy'",
        "cybrief: error: five_errors.yaml:34:5: delegates[1].organisation: unknown field; did you mean 'organization'? "
        "(expected one of: event, id, "
        "name, name_en, organization, organization_en, paragraphs, points, review, role, role_en, sectors, summary, "
        "summary_en, terms)",
        "cybrief: error: five_errors.yaml:62:12: targets[1].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'half'",
        "cybrief: error: five_errors.yaml:77:16: targets[2].qualifier: expected one of exact, approx, nearly, over, "
        "at_least, under, at_most; got 'exactly'; did you mean 'exact'?",
        "cybrief: error: 5 problems in 1 of 1 file checked",
    ]


def test_a_clean_library_exits_0():
    result = run("validate", library=BUNDLED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == "cybrief: 1 file checked, no problems\n"


def test_every_file_of_a_folder_is_checked_at_once(monkeypatch):
    monkeypatch.chdir(FIXTURES)
    result = run("validate", "broken", "invalid", library=None)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    broken = len(list((FIXTURES / "broken").glob("*.yaml")))  # one problem each
    files = broken + 1
    assert len(lines) == broken + 5 + 1
    assert lines[-1] == f"cybrief: error: {broken + 5} problems in {files} of {files} files checked"
    assert ("cybrief: error: broken/gbk.yaml:3:8: not UTF-8: invalid byte 0xb2 at offset 84 (looks like GBK/GB18030;"
            " convert it with: iconv -f GB18030 -t UTF-8)") in lines


def test_duplicate_brief_ids_across_files_are_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(MINI, tmp_path / "a.yaml")
    (tmp_path / "sub").mkdir()
    shutil.copy(MINI, tmp_path / "sub" / "b.yaml")
    result = run("validate", ".", library=None)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "cybrief: error: sub/b.yaml:2:5: id: duplicate brief id 'mini' (also in a.yaml:2)",
        "cybrief: error: 1 problem in 1 of 2 files checked",
    ]


def test_review_markers_pass_unless_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _with_review(tmp_path)
    loose = run("validate", "mini.yaml", library=None)
    assert loose.exit_code == 0
    assert loose.stderr == "cybrief: 1 file checked, no problems; 2 fields marked for review (--strict lists them)\n"
    strict = run("validate", "mini.yaml", "--strict", library=None)
    assert strict.exit_code == 2
    assert strict.stderr.splitlines() == [
        "cybrief: error: mini.yaml:45:13: targets[0].metric: marked for review: check it, then delete 'metric' from targets[0].review",
        "cybrief: error: mini.yaml:52:11: targets[0].kind: marked for review: check it, then delete 'kind' from targets[0].review",
        "cybrief: error: 2 problems in 1 of 1 file checked",
    ]


def test_a_review_entry_must_name_a_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _with_review(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("[metric, kind]", "[metrik]"), encoding="utf-8")
    result = run("validate", "mini.yaml", library=None)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(
        "cybrief: error: mini.yaml:46:14: targets[0].review[0]: expected one of id, delegate, sector, region, region_en, metric,"
    )


def test_json_format_lists_errors_and_reviews_on_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _with_review(tmp_path)
    shutil.copy(FIVE, tmp_path / "five.yaml")
    result = run("validate", "--strict", "--format", "json", "mini.yaml", "five.yaml", library=None)
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    assert [(r["path"], r["severity"]) for r in records] == [("five.yaml", "error")] * 5 + [("mini.yaml", "review")] * 2
    assert records[0] == {
        "path": "five.yaml", "line": 12, "column": 11, "field": "events[0].date",
        "message": "expected a date as YYYY-MM-DD, got '2026-3-7'", "severity": "error",
    }
    assert result.stderr == "cybrief: error: 7 problems in 2 of 2 files checked\n"


def test_json_format_on_a_clean_file_is_an_empty_array():
    result = run("validate", str(MINI), "--format", "json", library=None)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_a_missing_path_is_reported_with_the_others(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(MINI, tmp_path / "mini.yaml")
    result = run("validate", "mini.yaml", "nope.yaml", library=None)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "cybrief: error: nope.yaml: no such file",
        "cybrief: error: 1 problem in 1 of 2 files checked",
    ]


def test_every_problem_is_reported_past_the_cap_other_commands_use(tmp_path, monkeypatch):
    """Other commands show a library's first 500 problem lines; validate lists them all, as text and as JSON."""
    from cybrief.errors import MAX_PROBLEMS, BriefError

    monkeypatch.chdir(tmp_path)
    text = MINI.read_text(encoding="utf-8").replace("language: zh\n", "language: zh\n" + "".join(f"x{i}: 1\n" for i in range(150)))
    for n in range(7):
        (tmp_path / f"b{n}.yaml").write_text(text.replace("id: mini\n", f"id: b{n}\n"), encoding="utf-8")
    per_file = MAX_PROBLEMS + 1  # and the line that says the checks of the file stopped
    assert 7 * per_file > BriefError.MAX_LINES
    capped = run("targets", library=tmp_path)
    assert len(capped.stderr.splitlines()) == BriefError.MAX_LINES + 1
    assert capped.stderr.splitlines()[-1] == f"cybrief: error: ... and {7 * per_file - BriefError.MAX_LINES} more problems"
    result = run("validate", ".", library=None)
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 7 * per_file + 1
    assert lines[-1] == f"cybrief: error: {7 * per_file} problems in 7 of 7 files checked"
    assert lines[-2] == "cybrief: error: b6.yaml:105:1: stopped after 100 problems in this file; fix these first"
    as_json = run("validate", ".", "--format", "json", library=None)
    assert len(json.loads(as_json.stdout)) == 7 * per_file


def test_a_folder_without_briefs_is_a_problem_not_a_pass(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    shutil.copy(MINI, tmp_path / "mini.yaml")
    result = run("validate", "drafts", "mini.yaml", library=None)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "cybrief: error: drafts: no brief files (*.yaml, *.yml) in it",
        "cybrief: error: 1 problem in 1 of 2 files checked",
    ]
    library = run("validate", library=tmp_path / "drafts")
    assert (library.exit_code, library.stderr) == (2, "cybrief: error: library drafts: no brief files (*.yaml, *.yml) in it\n")
