"""Cache tests: briefs loaded through the index and from the files agree, and a changed, touched, same-size-edited,
corrupt or unwritable cache is safe."""

from __future__ import annotations

import os
import shutil
import sqlite3
import zlib

import pytest

from conftest import BUNDLED, MINI, OLD, run
from cybrief.library import cache
from cybrief.library import open_library
from cybrief.brief.model import Brief


def _outputs(library, monkeypatch, *, cached: bool):
    if cached:
        monkeypatch.delenv("CYBRIEF_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    return [run(*args, library=library).stdout for args in (
        ("targets", "--format", "json"), ("delegates", "--format", "json"), ("search", "电网", "--format", "json"),
        ("briefs", "--format", "json"), ("report",),
    )]


def test_cached_and_uncached_give_identical_results(monkeypatch):
    uncached = _outputs(BUNDLED, monkeypatch, cached=False)
    assert not cache.cache_dir().exists()
    cold = _outputs(BUNDLED, monkeypatch, cached=True)
    warm = _outputs(BUNDLED, monkeypatch, cached=True)
    assert uncached == cold == warm
    assert [p.name[:6] for p in cache.cache_dir().iterdir()] == ["index-"]  # one cache file: the index


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


def test_a_same_size_edit_with_an_old_mtime_restored_is_seen(tmp_path):
    """`sed -i` then `touch -d` (or `touch -r`): size and mtime as before, only the change time tells."""
    folder = _library(tmp_path)
    path = folder / "mini.yaml"
    os.utime(path, ns=(OLD, OLD))
    assert open_library(folder).briefs[0].source.outlet == "测试日报"  # cached with a trusted, old mtime
    path.write_text(path.read_text(encoding="utf-8").replace("测试日报", "测试晚报"), encoding="utf-8")
    os.utime(path, ns=(OLD, OLD))
    assert open_library(folder).briefs[0].source.outlet == "测试晚报"
    assert "测试晚报" in run("briefs", "--format", "json", library=folder).stdout


def test_deleted_file_disappears(tmp_path):
    folder = _library(tmp_path)
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder / "cq.yaml")
    assert len(open_library(folder).briefs) == 2
    (folder / "cq.yaml").unlink()
    assert [b.id for b in open_library(folder).briefs] == ["mini"]


@pytest.mark.parametrize("damage", [b"", b"garbage" * 100, None])
def test_corrupt_cache_is_ignored(tmp_path, damage):
    folder = _library(tmp_path)
    expected = run("targets", "--format", "json", library=folder).stdout
    [store] = cache.cache_dir().glob("index-*.sqlite")
    data = store.read_bytes()
    store.write_bytes(damage if damage is not None else data[:4096] + b"\x00" * 4096 + data[8192:])
    assert open_library(folder).briefs[0].id == "mini"
    assert run("targets", "--format", "json", library=folder).stdout == expected


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert open_library(_library(tmp_path)).briefs[0].id == "mini"
    assert run("targets", "--format", "json", library=tmp_path / "lib").exit_code == 0


def test_a_broken_file_is_never_cached(tmp_path):
    folder = _library(tmp_path)
    path = folder / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 23.6", "value: abc"), encoding="utf-8")
    for _ in range(2):
        result = run("targets", library=folder)
        assert result.exit_code == 2 and "targets[2].value" in result.stderr


def _stored_blob(folder) -> tuple[str, bytes]:
    [store] = cache.cache_dir().glob("index-*.sqlite")
    db = sqlite3.connect(store)
    [(blob,)] = db.execute("SELECT blob FROM bodies").fetchall()
    db.close()
    return str(store), blob


def _replace_blob(store: str, blob: bytes) -> None:
    db = sqlite3.connect(store)
    db.execute("UPDATE bodies SET blob = ?", (blob,))
    db.commit()
    db.close()


def _reshaped(blob: bytes, part: int, change) -> bytes:
    """The blob with one of its parts (stored.PARTS) unmarshalled, changed and put back, under a valid checksum."""
    import marshal

    from cybrief.index.stored import HEAD, head, sizes_of

    sizes = sizes_of(blob)
    raw = zlib.decompress(blob[HEAD:])
    parts, at = [], 0
    for size in sizes:
        parts.append(raw[at:at + size])
        at += size
    parts[part] = marshal.dumps(change(marshal.loads(parts[part])))
    return head([len(p) for p in parts]) + zlib.compress(b"".join(parts))


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"not a blob",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: _reshaped(blob, 3, lambda plain: plain[:3]),  # a brief too short
        lambda blob: _reshaped(blob, 3, lambda plain: (12345,) + plain[1:]),  # an id that is a number
        lambda blob: _reshaped(blob, 3, lambda plain: plain[:-1] + (("not", "a", "target"),)),
        lambda blob: _reshaped(blob, 3, lambda plain: plain[:1] + ((9999).to_bytes(4, "little"),) + plain[2:]),
        lambda blob: _reshaped(blob, 2, lambda records: "not records"),
        lambda blob: _reshaped(blob, 2, lambda records: records[:2] + ([(9999, records[2][0][1])],)),  # facts of no record
        lambda blob: _reshaped(blob, 1, lambda exceptions: ["not", "a", "mapping"]),
        lambda blob: _reshaped(blob, 0, lambda texts: (texts[0], texts[1].rpartition(b"\x03")[0])),  # a text fewer than fields (UTF-8)
    ],
    ids=["garbage", "truncated", "brief-too-short", "id-a-number", "target-not-a-target", "reference-out-of-range",
         "records-not-records", "facts-of-no-record", "normalized-not-a-mapping", "texts-fewer-than-fields"],
)
def test_a_stored_brief_of_the_wrong_shape_never_changes_results(tmp_path, damage):
    """zlib's checksum proves the bytes are what was written, not that this version wrote them: a stored brief
    that is not what the index writes makes it be built again from the files, with the same output."""
    folder = _library(tmp_path)
    os.utime(folder / "mini.yaml", ns=(OLD, OLD))  # an old mtime, trusted: the index is current, its blob used
    commands = [("targets", "--format", "json"), ("delegates", "--format", "json"), ("briefs", "--format", "json"),
                ("targets", "--format", "table"), ("search", "测试", "--format", "json")]
    expected = [run(*args, library=folder) for args in commands]
    for args, before in zip(commands, expected):
        run("index", library=folder)  # an index again (a command that met the damage may have removed it)
        store, blob = _stored_blob(folder)
        _replace_blob(store, damage(blob))
        again = run(*args, library=folder)
        assert (again.exit_code, again.stdout, again.stderr) == (before.exit_code, before.stdout, before.stderr), args
    for _ in range(2):  # a damage the first command did not need to read is met by a later one (briefs reads all)
        assert run("briefs", "--format", "markdown", library=folder).exit_code == 0
    assert _stored_blob(folder)[1] != damage(blob), "the index is written again as this version makes it"
    assert isinstance(open_library(folder).briefs[0], Brief)
