"""Cache tests: cached and uncached loads agree, and a changed, touched, corrupt or unwritable cache is safe."""

from __future__ import annotations

import os
import shutil

from conftest import BUNDLED, MINI, run
from cybrief import cache
from cybrief.library import open_library


def _outputs(library, monkeypatch, *, cached: bool):
    if cached:
        monkeypatch.delenv("CYBRIEF_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    return [run(*args, library=library).stdout for args in (
        ("targets", "--format", "json"), ("delegates", "--format", "json"), ("search", "电网", "--format", "json"),
        ("briefs", "--format", "json"),
    )]


def test_cached_and_uncached_give_identical_results(monkeypatch):
    uncached = _outputs(BUNDLED, monkeypatch, cached=False)
    cold = _outputs(BUNDLED, monkeypatch, cached=True)
    warm = _outputs(BUNDLED, monkeypatch, cached=True)
    assert uncached == cold == warm
    assert list(cache.cache_dir().glob("briefs-*.bin"))


def test_round_trip_through_plain_data_is_exact():
    [brief] = open_library(BUNDLED).briefs
    again = cache.from_plain(type(brief), cache.to_plain(brief))
    assert again == brief


def _library(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    return folder


def test_a_changed_file_is_read_again(tmp_path):
    folder = _library(tmp_path)
    assert open_library(folder).briefs[0].title == "测试简报"
    path = folder / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: 测试简报", "title: 新标题"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even with an old mtime, the size changed
    assert open_library(folder).briefs[0].title == "新标题"


def test_same_size_same_mtime_edit_is_caught_when_the_file_was_recent(tmp_path):
    folder = _library(tmp_path)
    path = folder / "mini.yaml"
    open_library(folder)  # cached while the file is fresh: its mtime is not trusted
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("测试日报", "测试晚报"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert open_library(folder).briefs[0].source.outlet == "测试晚报"


def test_deleted_file_disappears(tmp_path):
    folder = _library(tmp_path)
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder / "cq.yaml")
    assert len(open_library(folder).briefs) == 2
    (folder / "cq.yaml").unlink()
    assert [b.id for b in open_library(folder).briefs] == ["mini"]


def test_corrupt_cache_is_ignored(tmp_path):
    folder = _library(tmp_path)
    open_library(folder)
    [store] = cache.cache_dir().glob("briefs-*.bin")
    store.write_bytes(store.read_bytes()[:40] + b"garbage")
    assert open_library(folder).briefs[0].id == "mini"
    store.write_bytes(b"")
    assert open_library(folder).briefs[0].id == "mini"


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert open_library(_library(tmp_path)).briefs[0].id == "mini"


def test_a_broken_file_is_never_cached(tmp_path):
    folder = _library(tmp_path)
    path = folder / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 23.6", "value: abc"), encoding="utf-8")
    for _ in range(2):
        result = run("targets", library=folder)
        assert result.exit_code == 2 and "targets[2].value" in result.stderr
