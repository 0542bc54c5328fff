"""Index tests: searches with and without the index agree, only changed files are read, and a bad index is safe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BUNDLED, FIXTURES, MINI, OLD, mixed_library, run
from cybrief import files
from cybrief.index.store import index_dir, walk
from cybrief.library import brief_files


QUERIES = [
    ["特高压"], ["特高壓"], ["电网"], ["电"], ["ＡＩ"], ["ai"], ["人工智能", "算力"], ["人工智能", "算力", "--any"],
    ["人工智能", "--exclude", "电网"], ["特高[压電]", "--regex"], ["tegaoya"], ["tgy"], ["chongqing", "--pinyin"],
    ["人工智能", "--in", "targets"], ["电网", "--sector", "energy", "--kind", "plan"], ["人工智能", "--delegate", "刘勇"],
    ["电网", "--brief", "mini"], ["Chongqing twin"], ["人工智能", "--lang", "en"], ["AI", "--lang", "zh"],
    ["电网", "--count"], ["人工智能", "算力", "--count"], ["电网", "--count", "--lang", "zh"], ["tgy", "--count"],
    ["人工智能", "-x", "汽车", "--count", "--in", "delegates"], ["不存在的词"], ["网\u0003"],
]


def _library(tmp_path):
    return mixed_library(tmp_path)


def _outputs(folder, monkeypatch, *, cached: bool):
    outputs = []
    for query in QUERIES:
        args = ["search", *query, "--format", "json"] + ([] if cached else ["--no-cache"])
        result = run(*args, library=folder)
        outputs.append((result.exit_code, result.stdout, result.stderr))
    return outputs


def test_cached_and_uncached_searches_give_identical_results(tmp_path, monkeypatch):
    folder = _library(tmp_path)
    uncached = _outputs(folder, monkeypatch, cached=False)
    cold = _outputs(folder, monkeypatch, cached=True)
    warm = _outputs(folder, monkeypatch, cached=True)
    assert list(index_dir().glob("index-*.sqlite"))
    assert uncached == cold == warm
    assert sum(1 for code, _, _ in uncached if code == 0) >= len(QUERIES) - 3  # the queries do find things


def test_the_python_api_on_a_loaded_library_agrees_with_the_index(tmp_path):
    from cybrief.library import open_library
    from cybrief.search.query import Query
    from cybrief.library.searching import LibrarySearch, search

    folder = _library(tmp_path)
    for terms in (["电网"], ["人工智能", "算力"], ["tgy"]):
        loaded = search(open_library(folder), terms).records
        indexed = LibrarySearch(folder).search(Query(terms)).records
        assert loaded == indexed and loaded


def test_walk_lists_the_files_brief_files_lists(tmp_path):
    folder = _library(tmp_path)
    (folder / ".yaml").write_text("x")  # no suffix, as Path sees it
    (folder / "notes.txt").write_text("x")
    (folder / "folder.yaml").mkdir()
    (folder / "link").symlink_to(folder / "sub")  # a link to a folder is not followed
    (folder / "alias.yml").symlink_to(folder / "mini.yaml")  # a link to a file counts
    expected = {p.relative_to(folder).as_posix() for p in brief_files(folder)}
    assert set(walk(folder)) == expected
    assert "alias.yml" in expected and not any(p.startswith("link/") for p in expected)


def _reads(monkeypatch) -> list[str]:
    read: list[str] = []
    original = files.read_bytes

    def counting(path, shown):
        read.append(str(path))
        return original(path, shown)

    monkeypatch.setattr(files, "read_bytes", counting)
    return read


BIG = 10_000


def _big_library(tmp_path, count: int):
    folder = tmp_path / "big"
    text = MINI.read_text(encoding="utf-8")
    for number in range(count):
        sub = folder / f"part-{number // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"b{number:05d}.yaml"
        path.write_text(text.replace("id: mini", f"id: b{number:05d}", 1), encoding="utf-8")
        os.utime(path, ns=(OLD, OLD))
    return folder


def test_after_one_change_in_a_big_library_only_that_brief_is_read_again(tmp_path, monkeypatch):
    from cybrief.search.query import Query
    from cybrief.library.searching import LibrarySearch

    folder = _big_library(tmp_path, BIG)
    reads = _reads(monkeypatch)
    first = LibrarySearch(folder).count(Query(["算力"]))
    assert len(reads) == BIG and first.total == BIG
    reads.clear()
    assert LibrarySearch(folder).count(Query(["算力"])).total == BIG
    assert reads == []  # nothing changed: nothing read
    changed = folder / "part-04" / "b04321.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("李四谈人工智能和算力。", "李四谈人工智能。"), encoding="utf-8")
    os.utime(changed, ns=(OLD + 10**9, OLD + 10**9))
    after = LibrarySearch(folder).count(Query(["算力"]))
    assert reads == [str(changed)]
    assert after.total == BIG - 1 and "b04321" not in dict(after.briefs) and "b04320" in dict(after.briefs)


def test_a_touched_file_is_read_but_kept(tmp_path, monkeypatch):
    from cybrief.brief import load

    folder = _library(tmp_path)
    run("search", "电网", library=folder)
    parsed = []
    original = load.loads_brief
    monkeypatch.setattr(load, "loads_brief", lambda *a, **k: parsed.append(a[1]) or original(*a, **k))
    reads = _reads(monkeypatch)
    os.utime(folder / "mini.yaml", ns=(OLD + 5, OLD + 5))
    assert run("search", "电网", library=folder).exit_code == 0
    assert reads == [str(folder / "mini.yaml")] and parsed == []


def test_a_file_changed_within_the_same_second_is_caught(tmp_path):
    folder = _library(tmp_path)
    path = folder / "mini.yaml"
    os.utime(path)  # changed just now: its time is not trusted
    assert run("search", "测试简报", library=folder).exit_code == 0
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("title: 测试简报", "title: 测试晚报"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert run("search", "测试简报", library=folder).exit_code == 1
    assert run("search", "测试晚报", library=folder).exit_code == 0


def test_deleted_and_added_briefs(tmp_path):
    folder = _library(tmp_path)
    assert {h["brief"] for h in json.loads(run("search", "电网", "--format", "json", library=folder).stdout)} == {"mini", "chongqing-2026-03-chengyu", "hant"}
    (folder / "sub" / "cq.yaml").unlink()
    shutil.copy(MINI, folder / "sub" / "second.yaml")
    (folder / "sub" / "second.yaml").write_text(MINI.read_text(encoding="utf-8").replace("id: mini", "id: second"), encoding="utf-8")
    assert {h["brief"] for h in json.loads(run("search", "电网", "--format", "json", library=folder).stdout)} == {"mini", "hant", "second"}


@pytest.mark.parametrize("damage", [b"", b"garbage" * 100, None])
def test_a_corrupt_index_is_rebuilt(tmp_path, damage):
    folder = _library(tmp_path)
    expected = run("search", "电网", "--format", "json", library=folder).stdout
    [store] = index_dir().glob("index-*.sqlite")
    data = store.read_bytes()
    store.write_bytes(damage if damage is not None else data[:4096] + b"\x00" * 4096 + data[8192:])
    assert run("search", "电网", "--format", "json", library=folder).stdout == expected
    assert run("search", "电网", "--format", "json", library=folder).stdout == expected


def test_an_unwritable_cache_falls_back_to_the_files(tmp_path, monkeypatch):
    folder = _library(tmp_path)
    expected = run("search", "电网", "--format", "json", "--no-cache", library=folder).stdout
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("search", "电网", "--format", "json", library=folder)
    assert result.exit_code == 0 and result.stdout == expected


def test_broken_and_duplicate_briefs_fail_alike_with_and_without_the_index(tmp_path):
    folder = _library(tmp_path)
    shutil.copy(FIXTURES / "broken" / "wrong_type.yaml", folder / "broken.yaml")
    results = [run("search", "电网", *extra, library=folder) for extra in ([], ["--no-cache"], [])]
    assert {r.exit_code for r in results} == {2}
    assert len({r.stderr for r in results}) == 1 and "targets[2].value" in results[0].stderr
    (folder / "broken.yaml").unlink()
    shutil.copy(MINI, folder / "again.yaml")
    results = [run("search", "电网", *extra, library=folder) for extra in ([], ["--no-cache"], [])]
    assert {r.exit_code for r in results} == {2}
    assert len({r.stderr for r in results}) == 1 and "duplicate brief id 'mini'" in results[0].stderr


def test_index_command_builds_with_progress_on_stderr(tmp_path):
    folder = _library(tmp_path)
    result = run("index", library=folder)
    assert result.exit_code == 0 and result.stdout == ""
    assert "3 briefs" in result.stderr and "index-" in result.stderr
    again = run("index", "--rebuild", library=folder)
    assert again.exit_code == 0 and "3 briefs" in again.stderr


def test_two_processes_building_at_once_agree(tmp_path):
    folder = _big_library(tmp_path, 300)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "shared-cache"))
    argv = [sys.executable, "-m", "cybrief", "search", "算力", "--count", "--format", "json", "--library", str(folder)]
    processes = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [o[1] for o in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert json.loads(outputs[0][0])["total"] == 300
    third = subprocess.run(argv, capture_output=True, env=env, timeout=300)
    assert third.stdout == outputs[0][0]


def test_a_search_from_the_index_never_loads_pypinyin_and_one_from_the_files_only_for_pinyin(tmp_path):
    """The index stores the readings its pinyin searches need (read with pypinyin when it is built): a search it
    answers never loads pypinyin's tables, pinyin included; without the index, only a pinyin search does."""
    probe = (
        "import sys, json\n"
        "from cybrief.search.query import Query\n"
        "from cybrief.library.searching import LibrarySearch\n"
        "found = LibrarySearch(sys.argv[1], use_index=sys.argv[3] == 'index').search(Query([sys.argv[2]]))\n"
        "print(json.dumps([len(found.hits), sorted(m for m in sys.modules if m.startswith(('pypinyin', 'rich')))]))\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))

    def loaded(term, source="index"):
        done = subprocess.run([sys.executable, "-c", probe, str(BUNDLED), term, source], capture_output=True, text=True, env=env, check=True)
        hits, modules = json.loads(done.stdout)
        assert hits > 0
        return modules

    subprocess.run([sys.executable, "-m", "cybrief", "index", "--library", str(BUNDLED)], env=env, check=True, capture_output=True)
    for term in ("特高压", "UHV", "tegaoya", "tgy"):
        assert loaded(term) == []
    assert loaded("特高压", "files") == [] and loaded("UHV", "files") == []
    assert any(m.startswith("pypinyin") for m in loaded("tegaoya", "files"))


def test_a_rebuild_that_empties_the_index_meanwhile_is_never_taken_for_current(tmp_path, monkeypatch):
    """Another process empties the index (a rebuild) after this one brought it up to date and before it
    stores the snapshot: the snapshot must not be stored over the empty index, or every later search
    would trust an index that holds nothing."""
    import sqlite3

    from cybrief.index import update as index_update
    from cybrief.index.store import _check_layout, connect, index_path, open_index
    from cybrief.search.query import Query
    from cybrief.library.searching import LibrarySearch

    folder = _library(tmp_path)
    open_index(folder, snapshot=False).close()  # built, snapshot stored
    os.utime(folder / "mini.yaml", ns=(OLD + 10**9, OLD + 10**9))  # the next search checks that file again
    original, writes = index_update.Updater._write, []

    def rebuilt_by_another_process(self, work):
        writes.append(work)
        if len(writes) == 2:  # the first wrote the touched file's new time; the second stores the snapshot
            other = connect(index_path(folder.resolve()))
            _check_layout(other, folder.resolve(), clear=True)  # a rebuild caught half-way: emptied, nothing written yet
            other.close()
        return original(self, work)

    monkeypatch.setattr(index_update.Updater, "_write", rebuilt_by_another_process)
    open_index(folder, snapshot=False).close()
    assert len(writes) == 2
    db = sqlite3.connect(index_path(folder.resolve()))
    assert db.execute("SELECT value FROM meta WHERE key = 'snapshot' AND value IS NOT NULL").fetchone() is None
    db.close()
    assert LibrarySearch(folder).count(Query(["电网"])).total == LibrarySearch(folder, use_index=False).count(Query(["电网"])).total > 0


def test_a_brief_broken_then_restored_with_its_old_time_is_found_again(tmp_path):
    """An update that stops at a broken file drops the stored snapshot: a file put back as it was (cp -p,
    rsync -a) must not find an index that trusts a snapshot its rows no longer match."""
    folder = _library(tmp_path)
    path = folder / "sub" / "cq.yaml"
    good = path.read_bytes()
    assert run("index", library=folder).exit_code == 0
    expected = run("search", "电网", "--count", "--format", "json", "--no-cache", library=folder).stdout
    path.write_text("id: [broken\n", encoding="utf-8")
    os.utime(path, ns=(OLD + 10**9, OLD + 10**9))
    assert run("search", "电网", "--count", library=folder).exit_code == 2
    path.write_bytes(good)
    os.utime(path, ns=(OLD, OLD))  # back as it was, time included
    assert run("search", "电网", "--count", "--format", "json", library=folder).stdout == expected


def test_a_term_that_is_not_text_finds_nothing_with_or_without_the_index(tmp_path):
    folder = _library(tmp_path)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable.encode(), b"-m", b"cybrief", b"search", b"\xff\xfe", b"--library", str(folder).encode()]
    for extra in ([], [b"--no-cache"], []):  # built, without it, then answered from it
        done = subprocess.run(command + extra, env=env, capture_output=True, timeout=120)
        assert (done.returncode, done.stdout) == (1, b""), done.stderr
        assert done.stderr.startswith(b"cybrief: nothing matches") and b"Traceback" not in done.stderr


def test_an_index_damaged_after_it_was_built_gives_the_same_results_and_is_rebuilt(tmp_path):
    import sqlite3

    from cybrief.index.store import index_path

    folder = _library(tmp_path)
    expected = run("search", "电网", "--format", "json", "--no-cache", library=folder).stdout
    assert run("index", library=folder).exit_code == 0
    path = index_path(folder.resolve())
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'bodies'").fetchone()[0]
    db.close()
    with open(path, "r+b") as handle:  # the first page of the stored briefs overwritten: their text cannot be read
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    result = run("search", "电网", "--format", "json", library=folder)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    assert run("search", "电网", "--format", "json", library=folder).stdout == expected  # a new index
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()


def test_a_library_that_cannot_be_surveyed_whole_is_not_written_on_every_search(tmp_path):
    """A dangling link named like a brief keeps a snapshot from being stored; searches must not rewrite the
    index each time to say so (that would also make concurrent searches retry each other's writes)."""
    from cybrief.index.store import index_path

    folder = _library(tmp_path)
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    assert run("search", "电网", library=folder).exit_code == 0
    path = index_path(folder.resolve())
    before = (path.stat().st_mtime_ns, path.stat().st_size)
    for _ in range(2):
        assert run("search", "电网", library=folder).exit_code == 0
    assert (path.stat().st_mtime_ns, path.stat().st_size) == before
