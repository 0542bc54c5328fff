"""Listings answered from the index: every byte as a library loaded from the files gives, for every filter and format."""

from __future__ import annotations

import json
import os

import pytest

from conftest import MINI, OLD, listing_outputs, mixed_library, run

LISTINGS = [
    ["targets"], ["targets", "--sector", "energy"], ["targets", "--sector", "能源", "--kind", "goal"],
    ["targets", "--delegate", "刘勇"], ["targets", "--delegate", "Xie Wenhui", "--horizon", "十五五"],
    ["targets", "--horizon", "none"], ["targets", "--unit", "元"], ["targets", "--sort", "value", "--unit", "元", "--min", "1000亿元"],
    ["targets", "--max", "50%"], ["targets", "--sort", "date"], ["targets", "--sort", "delegate", "--reverse"],
    ["targets", "--sort", "sector"], ["targets", "--group-by", "delegate"], ["targets", "--group-by", "kind", "--lang", "en"],
    ["targets", "--facet", "sector"], ["targets", "--facet", "unit", "--facet", "kind", "--sector", "investment"],
    ["targets", "--brief", "hant"], ["targets", "--brief", "mini", "--lang", "zh"], ["targets", "--brief", "nope"],
    ["targets", "--delegate", "nobody"], ["targets", "--sector", "nothing"], ["targets", "--kind", "plan", "--unit", "辆"],
    ["delegates"], ["delegates", "--lang", "en"], ["delegates", "刘勇"], ["delegates", "liu-yong", "--lang", "zh"],
    ["delegates", "--brief", "hant"], ["delegates", "nobody"], ["delegates", "Wang Zhijie", "--brief", "mini"],
]
FORMATS = ["json", "csv", "markdown", "table"]


def _outputs(folder, monkeypatch, cached: bool) -> list:
    return listing_outputs(folder, monkeypatch, cached, [(args, fmt) for args in LISTINGS for fmt in FORMATS])


def test_listings_from_the_index_are_the_listings_from_the_files(tmp_path, monkeypatch):
    folder = mixed_library(tmp_path)
    files = _outputs(folder, monkeypatch, cached=False)
    cold = _outputs(folder, monkeypatch, cached=True)
    warm = _outputs(folder, monkeypatch, cached=True)
    assert files == cold
    assert files == warm
    assert sum(1 for _, _, code, _, _ in files if code == 0) >= (len(LISTINGS) - 6) * len(FORMATS)


def test_a_listing_of_many_briefs_loads_none_of_them_for_json_and_csv(tmp_path, monkeypatch):
    """JSON, CSV and the rows of a table are made of the records the index stored: no brief is loaded again."""
    from cybrief.library import indexed

    folder = tmp_path / "lib"
    template = MINI.read_text(encoding="utf-8")
    for number in range(30):
        (folder / f"p{number % 3}").mkdir(parents=True, exist_ok=True)
        (folder / f"p{number % 3}" / f"b{number:02d}.yaml").write_text(template.replace("id: mini", f"id: b{number:02d}", 1), encoding="utf-8")
    for path in folder.rglob("*.yaml"):
        os.utime(path, ns=(OLD, OLD))
    loaded = []
    original = indexed.IndexedLibrary.brief
    monkeypatch.setattr(indexed.IndexedLibrary, "brief", lambda self, number: loaded.append(number) or original(self, number))
    for args in (["targets", "--format", "json"], ["targets", "--format", "csv", "--kind", "goal"], ["delegates", "--format", "json"],
                 ["targets", "--format", "json", "--unit", "%", "--min", "10%"]):
        result = run(*args, library=folder)
        assert result.exit_code == 0 and result.stdout, args
    assert loaded == []
    assert len(json.loads(run("targets", "--format", "json", library=folder).stdout)) == 30 * 3
    assert run("targets", "--format", "markdown", library=folder).exit_code == 0
    assert loaded == []  # a table's columns come from the stored records too


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_a_same_size_edit_with_its_old_mtime_is_seen_by_the_next_listing(tmp_path, fmt):
    folder = mixed_library(tmp_path)
    assert "刘勇" in run("delegates", "--format", fmt, library=folder).stdout
    path = folder / "sub" / "cq.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("name: 刘勇\n") == 1
    path.write_text(text.replace("name: 刘勇\n", "name: 柳涌\n"), encoding="utf-8")  # same bytes in UTF-8
    os.utime(path, ns=(OLD, OLD))
    assert path.stat().st_size == len(text.encode("utf-8"))
    after = run("delegates", "--format", fmt, library=folder).stdout
    assert "柳涌" in after


def test_sorting_grouping_and_faceting_every_target_load_no_brief(tmp_path, monkeypatch):
    """Their keys, labels and sums come from the stored records: no brief, target or delegate is made again."""
    from cybrief.library import indexed

    folder = mixed_library(tmp_path)
    made = []
    brief, part = indexed.IndexedLibrary.brief, indexed.IndexedLibrary.part
    monkeypatch.setattr(indexed.IndexedLibrary, "brief", lambda self, *a, **k: made.append(a) or brief(self, *a, **k))
    monkeypatch.setattr(indexed.IndexedLibrary, "part", lambda self, *a, **k: made.append(a) or part(self, *a, **k))
    for args in (["--sort", "value"], ["--sort", "date", "--reverse"], ["--sort", "delegate"], ["--sort", "sector"],
                 ["--facet", "sector", "--facet", "delegate", "--facet", "unit"], ["--group-by", "sector"],
                 ["--group-by", "delegate", "--sector", "energy"]):
        for fmt in ("json", "csv", "markdown"):
            result = run("targets", *args, "--format", fmt, library=folder)
            assert result.exit_code == 0 and result.stdout, (args, fmt)
    assert made == []


def test_every_target_as_csv_is_the_lines_the_index_wrote(tmp_path, monkeypatch):
    """Every target as CSV is copied from the lines stored when each brief was indexed: no record is read."""
    from cybrief.library import indexed

    folder = mixed_library(tmp_path)
    monkeypatch.delenv("CYBRIEF_NO_CACHE", raising=False)
    assert run("index", library=folder).exit_code == 0

    def unread(self, *args, **kwargs):
        raise AssertionError("records read")

    monkeypatch.setattr(indexed.IndexedLibrary, "_records", unread)
    copied = [run(*args, "--format", "csv", library=folder) for args in (["targets"], ["targets", "--brief", "mini"])]
    monkeypatch.undo()
    monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    made = [run(*args, "--format", "csv", library=folder) for args in (["targets"], ["targets", "--brief", "mini"])]
    assert [(r.exit_code, r.stdout) for r in copied] == [(r.exit_code, r.stdout) for r in made]
    assert made[0].stdout.count("\n") > made[1].stdout.count("\n") > 1


def test_damaged_csv_lines_give_the_listing_from_the_files(tmp_path, monkeypatch):
    import sqlite3

    from cybrief.index.store import index_path

    folder = mixed_library(tmp_path)
    monkeypatch.delenv("CYBRIEF_NO_CACHE", raising=False)
    expected = run("targets", "--format", "csv", library=folder).stdout
    with sqlite3.connect(index_path(folder.resolve())) as db:
        db.execute("UPDATE targets_csv SET lines = x'00ff'")
    result = run("targets", "--format", "csv", library=folder)
    assert result.exit_code == 0 and result.stdout == expected
    assert not index_path(folder.resolve()).exists()  # removed: the next command builds it again
