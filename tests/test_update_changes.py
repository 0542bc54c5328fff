"""Updates that read only what the snapshot says changed: edits in place, restored copies, ids, and times too recent."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time

import pytest

from conftest import MINI, OLD, mixed_library, run
from cybrief.index import update as index_update
from cybrief.index.snapshot import UNKNOWN, check, survey, unchanged
from cybrief.index.store import index_path


def _snapshot(folder) -> bytes | None:
    db = sqlite3.connect(index_path(folder.resolve()))
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
    finally:
        db.close()
    return row[0] if row else None


def _edit_in_place(path, old: str, new: str, when: int = OLD + 10**9) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(when, when))


def _counts(folder, term: str):
    cached = run("search", term, "--count", "--format", "json", library=folder)
    files = run("search", term, "--count", "--format", "json", "--no-cache", library=folder)
    return (cached.exit_code, cached.stdout, cached.stderr), (files.exit_code, files.stdout, files.stderr)


@pytest.fixture
def indexed(tmp_path):
    folder = mixed_library(tmp_path)
    assert run("index", library=folder).exit_code == 0
    assert unchanged(str(folder.resolve()), _snapshot(folder))
    return folder


def test_an_edit_in_place_is_read_without_listing_a_folder(indexed, monkeypatch):
    def no_survey(*args, **kwargs):
        raise AssertionError("the library was listed")

    monkeypatch.setattr(index_update, "survey", no_survey)
    changes = check(str(indexed.resolve()), _snapshot(indexed))
    assert changes is not None and changes.changed == []
    _edit_in_place(indexed / "sub" / "cq.yaml", "电网", "电力网")
    changes = check(str(indexed.resolve()), _snapshot(indexed))
    assert list(changes.changed_files()) == ["sub/cq.yaml"]
    cached, files = _counts(indexed, "电力网")
    assert cached == files and cached[0] == 0
    assert unchanged(str(indexed.resolve()), _snapshot(indexed))  # the new numbers stored: current again


def test_a_copy_restored_with_its_old_time_is_seen(indexed):
    path = indexed / "mini.yaml"
    saved = indexed.parent / "saved.yaml"
    shutil.copy2(path, saved)  # the old version, time included
    _edit_in_place(path, "title: 测试简报", "title: 测试晚报", OLD)
    assert _counts(indexed, "测试晚报")[0][0] == 0
    shutil.copy2(saved, path)  # written in place (same inode), back to its old time
    cached, files = _counts(indexed, "测试晚报")
    assert cached == files and cached[0] == 1
    cached, files = _counts(indexed, "测试简报")
    assert cached == files and cached[0] == 0


def test_an_id_changed_in_place_to_another_brief_s_is_a_duplicate(indexed):
    _edit_in_place(indexed / "sub" / "hant.yaml", "id: hant", "id: mini")
    cached, files = _counts(indexed, "电网")
    assert cached == files and cached[0] == 2 and "duplicate brief id 'mini'" in cached[2]
    _edit_in_place(indexed / "sub" / "hant.yaml", "id: mini", "id: hant2", OLD + 2 * 10**9)
    cached, files = _counts(indexed, "电网")
    assert cached == files and cached[0] == 0


def test_a_time_too_recent_to_trust_is_stored_as_unknown_and_read_again(indexed, monkeypatch):
    path = indexed / "mini.yaml"
    _edit_in_place(path, "title: 测试简报", "title: 测试晚报", time.time_ns())  # now: not to be trusted yet
    assert _counts(indexed, "测试晚报")[0][0] == 0
    stored = _snapshot(indexed)
    assert stored is not None and not unchanged(str(indexed.resolve()), stored)
    changes = check(str(indexed.resolve()), stored)
    assert list(changes.changed_files()) == ["mini.yaml"]
    assert changes.stats[4 * changes.changed[0]] != UNKNOWN  # the file's size now, against the unknown one stored
    reads = []
    original = index_update.Updater._read
    monkeypatch.setattr(index_update.Updater, "_read", lambda self, relative, *a: reads.append(relative) or original(self, relative, *a))
    os.utime(path, ns=(OLD, OLD))  # old enough now (its change time moves, which is never judged too recent)
    assert _counts(indexed, "测试晚报")[0][0] == 0
    assert reads == ["mini.yaml"] and unchanged(str(indexed.resolve()), _snapshot(indexed))


def test_a_folder_changed_too_recently_is_listed_again(indexed):
    shutil.copy(MINI, indexed / "sub" / "more.yaml")
    (indexed / "sub" / "more.yaml").write_text(MINI.read_text(encoding="utf-8").replace("id: mini", "id: more"), encoding="utf-8")
    os.utime(indexed / "sub" / "more.yaml", ns=(OLD, OLD))  # the file old, its folder's time now
    cached, files = _counts(indexed, "电网")
    assert cached == files and cached[0] == 0
    assert check(str(indexed.resolve()), _snapshot(indexed)) is None  # the folder's time unknown: listed next time
    os.utime(indexed / "sub", ns=(OLD, OLD))
    assert _counts(indexed, "电网")[0] == files
    assert unchanged(str(indexed.resolve()), _snapshot(indexed))


def test_encoding_with_new_numbers_changes_only_those(tmp_path):
    folder = mixed_library(tmp_path)
    found = survey(str(folder))
    stored = found.encode()
    os.utime(folder / "sub" / "cq.yaml", ns=(OLD + 1, OLD + 1))
    changes = check(str(folder), stored)
    assert list(changes.changed_files()) == ["sub/cq.yaml"]
    assert unchanged(str(folder), changes.encode({})) and not unchanged(str(folder), stored)
    key = changes.changed_files()["sub/cq.yaml"]
    assert not unchanged(str(folder), changes.encode({"sub/cq.yaml": (UNKNOWN, *key[1:])}))
    assert changes.files() == survey(str(folder)).files


def test_a_snapshot_of_times_too_recent_says_changed_until_they_are_read_again(tmp_path):
    folder = mixed_library(tmp_path)
    os.utime(folder / "sub" / "hant.yaml")  # now
    stored = survey(str(folder)).encode()
    changes = check(str(folder), stored)  # nothing changed since, but that time cannot be trusted
    assert list(changes.changed_files()) == ["sub/hant.yaml"] and not unchanged(str(folder), stored)
    (folder / "sub" / "new.yaml").write_text("x")  # the folder's time is now
    stored = survey(str(folder)).encode()
    assert check(str(folder), stored) is None and not unchanged(str(folder), stored)
