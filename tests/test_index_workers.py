"""An index built by worker processes is the index built in one process; a worker that fails costs speed, not results."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from conftest import BUNDLED, FIXTURES, MINI
from cybrief.index import update as index_update
from cybrief.index import workers as index_workers
from cybrief.index.store import index_path, open_index

OLD = 1_600_000_000_000_000_000
TABLES = {
    "files": "path, size, mtime, ctime, inode, digest, brief", "briefs": "no, id, date, path, key, fields", "sectors": "*",
    "readings": "*",
}


def _library(tmp_path, count=24):
    folder = tmp_path / "lib"
    text = MINI.read_text(encoding="utf-8")
    for number in range(count):
        sub = folder / f"part-{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"b{number:03d}.yaml").write_text(text.replace("id: mini", f"id: b{number:03d}", 1), encoding="utf-8")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder / "cq.yaml")
    for path in folder.rglob("*.yaml"):
        os.utime(path, ns=(OLD, OLD))
    return folder


def _contents(folder) -> dict:
    from cybrief.index.stored import read

    connection = sqlite3.connect(index_path(folder.resolve()))
    found = {table: connection.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
             for table, columns in TABLES.items()}
    stored = []
    for number, blob in connection.execute("SELECT no, blob FROM bodies ORDER BY no"):
        unpacked = read(blob, "plain")
        stored.append((number, list(unpacked.fids), unpacked.texts, unpacked.records, unpacked.exceptions, unpacked.infos,
                       unpacked.plain))
    found["bodies"] = stored
    for term in ('"人工智"', '"电网,"', '"测试简"'):
        found[term] = connection.execute("SELECT rowid FROM grams WHERE grams MATCH ?", (term,)).fetchall()
    connection.close()
    return found


def _build(folder, monkeypatch, tmp_path, name, parallel_from):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / name))
    monkeypatch.setattr(index_update, "PARALLEL_FROM", parallel_from)
    open_index(folder).close()
    return _contents(folder)


def test_workers_build_the_same_index(tmp_path, monkeypatch):
    folder = _library(tmp_path)
    alone = _build(folder, monkeypatch, tmp_path, "alone", 10**9)
    shared = _build(folder, monkeypatch, tmp_path, "shared", 1)
    assert shared == alone and len(alone["briefs"]) == 25 and alone['"人工智"']


def test_workers_report_broken_briefs_as_one_process_does(tmp_path, monkeypatch):
    folder = _library(tmp_path)
    shutil.copy(FIXTURES / "broken" / "wrong_type.yaml", folder / "part-1" / "broken.yaml")
    (folder / "part-2" / "empty.yaml").write_bytes(b"\xff\xfe not utf-8")
    errors = []
    for name, parallel_from in (("alone", 10**9), ("shared", 1)):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / name))
        monkeypatch.setattr(index_update, "PARALLEL_FROM", parallel_from)
        with pytest.raises(Exception) as caught:
            open_index(folder)
        errors.append((type(caught.value), caught.value.lines()))
    assert errors[0] == errors[1] and len(errors[0][1]) >= 2


def test_touched_and_edited_files_among_many_give_what_a_fresh_build_gives(tmp_path, monkeypatch):
    folder = _library(tmp_path)
    before = _build(folder, monkeypatch, tmp_path, "cache", 1)
    for path in folder.rglob("*.yaml"):
        os.utime(path, ns=(OLD + 1, OLD + 1))
    edited = folder / "part-0" / "b003.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("测试简报", "测试晚报"), encoding="utf-8")
    os.utime(edited, ns=(OLD + 2, OLD + 2))
    after = _build(folder, monkeypatch, tmp_path, "cache", 1)
    number = {r[0]: r[6] for r in before["files"]}["part-0/b003.yaml"]
    assert {r[0]: r[6] for r in after["files"]}["part-0/b003.yaml"] == number  # replaced under its number
    assert after == _build(folder, monkeypatch, tmp_path, "fresh", 10**9)


def test_a_worker_that_fails_leaves_the_search_to_the_files(tmp_path, monkeypatch):
    from cybrief.search.query import Query
    from cybrief.library.searching import LibrarySearch

    folder = _library(tmp_path)
    expected = LibrarySearch(folder, use_index=False).count(Query(["算力"])).briefs
    monkeypatch.setattr(index_update, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_workers, "_BOOT", "import sys; sys.exit(0)")
    assert LibrarySearch(folder).count(Query(["算力"])).briefs == expected


def test_a_script_without_a_main_guard_can_build_with_workers(tmp_path):
    from cybrief.search.query import Query
    from cybrief.library.searching import LibrarySearch

    folder = _library(tmp_path)
    expected = LibrarySearch(folder, use_index=False).count(Query(["算力"])).total
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        "from cybrief.index import update as index_update\n"
        "from cybrief.search.query import Query\n"
        "from cybrief.library.searching import LibrarySearch\n"
        "index_update.PARALLEL_FROM = 1\n"
        "print(LibrarySearch(sys.argv[1]).count(Query(['算力'])).total)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True, env=env, timeout=120)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, str(expected), "")
