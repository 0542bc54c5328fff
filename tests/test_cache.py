"""Cache tests: cached and uncached loads agree, and a changed, touched, corrupt or unwritable cache is safe."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import BUNDLED, MINI, run
from cybrief.library import cache
from cybrief.library import open_library
from cybrief.brief.model import Brief, Target


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


def _reshaped(plain: tuple, path: tuple[int, ...], value) -> tuple:
    """`plain` with the item at `path` (indexes into nested tuples) replaced by `value`."""
    if not path:
        return value
    items = list(plain)
    items[path[0]] = _reshaped(items[path[0]], path[1:], value)
    return tuple(items)


def _field(cls, name: str) -> int:
    return [f.name for f in cls.FIELDS].index(name)


def _damaged(*path: tuple[type, str | int], value):
    """A damage that puts `value` at a field path of the cached brief, e.g. (Brief, "targets"), 0, (Target, "value")."""
    indexes = tuple(step if isinstance(step, int) else _field(*step) for step in path)
    return lambda entry: entry[:3] + (_reshaped(entry[3], indexes, value),)


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: "not an entry",
        lambda entry: entry[:3],
        lambda entry: (str(entry[0]),) + entry[1:],
        lambda entry: entry[:3] + (("not", "a", "brief"),),
        _damaged((Brief, "title"), value=12345),
        _damaged((Brief, "language"), value="english"),
        _damaged((Brief, "source"), value="a text"),
        _damaged((Brief, "delegates"), value=["a list"]),
        _damaged((Brief, "targets"), 0, (Target, "value"), value="abc"),
        _damaged((Brief, "targets"), 0, (Target, "paragraph"), value="3"),
        _damaged((Brief, "targets"), 0, (Target, "review"), value=("not-a-field",)),
        _damaged((Brief, "targets"), 0, (Target, "metric"), value=None),
    ],
    ids=["text", "short", "size-as-text", "brief-too-short", "title-a-number", "unknown-language", "source-as-text",
         "list-not-tuple", "bad-value", "paragraph-as-text", "unknown-review-field", "required-missing"],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path, damage):
    """A checksum proves the bytes are what was written, not that this version wrote them: read the file again."""
    folder = _library(tmp_path)
    os.utime(folder / "mini.yaml", ns=(1, 1))  # an old mtime, trusted: the entry is used without a check of the bytes
    expected = run("targets", "--format", "json", library=folder)
    [store] = cache.cache_dir().glob("briefs-*.bin")
    key = str(folder.resolve())
    entries = cache._read(store, key)
    [(name, entry)] = entries.items()
    cache._write(store, key, {name: damage(entry)})
    assert cache._read(store, key) == {name: damage(entry)}, "the checksum is valid"
    again = run("targets", "--format", "json", library=folder)
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected.stdout, "")
    assert cache._read(store, key) == entries, "the entry is written again as this version makes it"
