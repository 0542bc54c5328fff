"""The snapshot that tells a warm search the library is unchanged: every kind of change is seen, recent times are not trusted."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from conftest import MINI
from cybrief.index.snapshot import survey, unchanged

OLD = 1_600_000_000_000_000_000


def _library(tmp_path):
    folder = tmp_path / "lib"
    (folder / "sub" / "deeper").mkdir(parents=True)
    for name in ("a.yaml", "sub/b.yml", "sub/deeper/c.yaml"):
        shutil.copy(MINI, folder / name)
    (folder / "notes.txt").write_text("x")
    _age(folder)
    return folder


def _age(folder):
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, ns=(OLD, OLD), follow_symlinks=False)


def _stored(folder):
    found = survey(str(folder))
    assert found.trusted()
    return found.encode()


def _edit(folder):
    (folder / "sub" / "b.yml").write_text(MINI.read_text(encoding="utf-8") + "\n# more\n", encoding="utf-8")


def _same_size_edit_at_the_same_time(folder):
    path = folder / "sub" / "b.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: 测试简报", "title: 测试晚报"), encoding="utf-8")
    os.utime(path, ns=(OLD, OLD + 1))


def _add_deep(folder):
    (folder / "sub" / "deeper" / "new.yaml").write_text("x")


def _add_folder(folder):
    (folder / "sub" / "fresh").mkdir()
    (folder / "sub" / "fresh" / "d.yaml").write_text("x")


def _remove(folder):
    (folder / "sub" / "deeper" / "c.yaml").unlink()


def _rename(folder):
    (folder / "a.yaml").rename(folder / "z.yaml")


def _replace_folder(folder):
    shutil.copytree(folder / "sub" / "deeper", folder / "other")
    (folder / "other" / "extra.yaml").write_text("x")
    shutil.rmtree(folder / "sub" / "deeper")
    (folder / "other").rename(folder / "sub" / "deeper")
    _age(folder)  # every time as before: the folder is another one all the same


def _touch(folder):
    os.utime(folder / "a.yaml", ns=(OLD, OLD + 5))


@pytest.mark.parametrize("change", [_edit, _same_size_edit_at_the_same_time, _add_deep, _add_folder, _remove, _rename,
                                    _replace_folder, _touch])
def test_every_change_is_seen(tmp_path, change):
    folder = _library(tmp_path)
    stored = _stored(folder)
    assert unchanged(str(folder), stored)
    change(folder)
    assert not unchanged(str(folder), stored)


def test_files_that_are_not_briefs_do_not_count_but_their_folder_does(tmp_path):
    folder = _library(tmp_path)
    stored = _stored(folder)
    (folder / "notes.txt").write_text("changed")
    os.utime(folder / "notes.txt", ns=(OLD, OLD + 7))
    assert unchanged(str(folder), stored)
    (folder / "more-notes.txt").write_text("x")  # the folder changed: the check cannot tell, so it says so
    assert not unchanged(str(folder), stored)


def test_times_too_recent_to_trust_keep_a_snapshot_from_being_stored(tmp_path):
    folder = _library(tmp_path)
    os.utime(folder / "sub" / "b.yml")  # now
    assert not survey(str(folder)).trusted()
    _age(folder)
    (folder / "sub" / "deeper" / "new.yaml").write_text("x")  # the folder's time is now
    os.utime(folder / "sub" / "deeper" / "new.yaml", ns=(OLD, OLD))
    assert not survey(str(folder)).trusted()


def test_what_a_later_change_could_turn_into_a_brief_keeps_a_snapshot_from_being_stored(tmp_path):
    folder = _library(tmp_path)
    (folder / "later.yaml").symlink_to(folder / "not-yet.yaml")  # dangling today, a brief once its target exists
    _age(folder)
    found = survey(str(folder))
    assert "later.yaml" not in found.files and not found.trusted()


def test_a_library_of_one_file(tmp_path):
    path = tmp_path / "one.yaml"
    shutil.copy(MINI, path)
    os.utime(path, ns=(OLD, OLD))
    stored = _stored(path)
    assert set(survey(str(path)).files) == {"one.yaml"} and unchanged(str(path), stored)
    os.utime(path, ns=(OLD, OLD + 1))
    assert not unchanged(str(path), stored)


@pytest.mark.parametrize("stored", [b"", b"garbage", None])
def test_a_damaged_snapshot_says_changed(tmp_path, stored):
    folder = _library(tmp_path)
    assert not unchanged(str(folder), stored if stored is not None else _stored(folder)[:-3])


def test_a_survey_is_timed_before_it_lists(tmp_path):
    folder = _library(tmp_path)
    before = time.time_ns()
    assert before <= survey(str(folder)).started <= time.time_ns()
