"""The index under abuse: same-size edits behind an old mtime, Ctrl-C during a build, a full disk, foreign tables."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, MINI, OLD, run
from cybrief.brief.plain import to_plain
from cybrief.index.store import index_path
from cybrief.search.normalize import normalize

MINI_TEXT = MINI.read_text(encoding="utf-8")
# Values of the small brief that an edit may change without breaking it: (the line's start, its value).
EDITABLE = [("title: ", "测试简报"), ("    summary: ", "张三谈电网投资。"), ("    summary_en: ", "Zhang spoke on grid investment."),
            ("    metric: ", "人工智能产业增长"), ("    role: ", "研究院院长")]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
LETTER = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _lib(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir(exist_ok=True)
    shutil.copy(MINI, folder / "mini.yaml")
    os.utime(folder / "mini.yaml", ns=(OLD, OLD))
    return folder


@st.composite
def same_size_edits(draw):
    """(line start, old value, new value): one character of a value replaced by another of the same UTF-8 length."""
    start, value = draw(st.sampled_from(EDITABLE))
    position = draw(st.integers(0, len(value) - 1))
    old = value[position]
    if old.isascii() and not old.isalpha():
        position, old = 0, value[0]
    # another character once normalized: not the same letter in another case, nor a traditional form of it
    new = draw((LETTER if old.isascii() else HAN).filter(lambda ch: normalize(ch) != normalize(old)))
    return start, value, value[:position] + new + value[position + 1:]


@settings(max_examples=40)
@given(edit=same_size_edits())
def test_any_same_size_edit_with_its_old_times_restored_is_seen(tmp_path_factory, edit):
    """Whatever character of a value an edit changes, keeping the size and putting back the old times (`sed -i`
    then `touch -d`), the next search and listing see the new text, through the index as without it."""
    from cybrief.library import open_library
    from cybrief.library.searching import LibrarySearch
    from cybrief.search.query import Query

    start, before, after = edit
    folder = _lib(tmp_path_factory.mktemp("edit"))
    path = folder / "mini.yaml"
    assert LibrarySearch(folder).count(Query([before])).total >= 1  # indexed, with a trusted old mtime
    open_library(folder)
    line = f"\n{start}{before}\n"
    assert line in MINI_TEXT
    edited = MINI_TEXT.replace(line, f"\n{start}{after}\n", 1)
    assert len(edited.encode("utf-8")) == len(MINI_TEXT.encode("utf-8"))
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(OLD, OLD))
    expected = LibrarySearch(folder, use_index=False).count(Query([after])).records
    assert expected and LibrarySearch(folder).count(Query([after])).records == expected
    if before not in edited:
        assert LibrarySearch(folder).count(Query([before])).total == 0
    assert after in repr([to_plain(b) for b in open_library(folder).briefs])


def test_a_same_size_edit_behind_an_old_mtime_is_seen_by_search_and_delegates_on_the_command_line(tmp_path):
    folder = _lib(tmp_path)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "cybrief"]

    def cybrief(*args):
        return subprocess.run(command + list(args) + ["--library", str(folder)], capture_output=True, text=True, env=env, timeout=120)

    assert cybrief("search", "张三谈电网", "--count").returncode == 0
    assert "张三" in cybrief("delegates", "--format", "csv").stdout
    path = folder / "mini.yaml"
    path.write_text(MINI_TEXT.replace("name: 张三\n", "name: 章珊\n").replace("张三谈电网", "章珊谈电网"), encoding="utf-8")
    os.utime(path, ns=(OLD, OLD))  # as `touch -d` would put it back
    assert cybrief("search", "张三谈电网", "--count").returncode == 1
    assert cybrief("search", "章珊谈电网", "--count").returncode == 0  # the quick path's check sees it too
    delegates = cybrief("delegates", "--format", "csv").stdout
    assert "章珊" in delegates and "张三" not in delegates


def _big_library(folder, count: int) -> None:
    text = (BUNDLED / "chongqing-2026-03-chengyu.yaml").read_text(encoding="utf-8")
    for number in range(count):
        sub = folder / f"part-{number // 500}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"b{number:05d}.yaml").write_text(text.replace("\nid: chongqing-2026-03-chengyu\n", f"\nid: b{number:05d}\n", 1),
                                                 encoding="utf-8")


def _hits_in_the_bundled_brief(term: str) -> int:
    """The hits of `term` in the one brief every brief of _big_library copies (at least one)."""
    found = json.loads(run("search", term, "--count", "--format", "json", library=BUNDLED).stdout)["total"]
    assert found > 0
    return found


def _default_sigint() -> None:
    """In the child: Ctrl-C as a terminal's foreground job has it (a job started in the background ignores it,
    and the ignoring would be inherited)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_an_index_build_exits_130_stops_its_workers_and_leaves_a_usable_index(tmp_path):
    """Ctrl-C reaches every process of the terminal's foreground group, the workers included (which ignore it);
    cybrief must stop them itself, exit 130, and leave an index that the next command uses or rebuilds."""
    folder = tmp_path / "lib"
    _big_library(folder, 2000)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    child = subprocess.Popen([sys.executable, "-m", "cybrief", "index", "--library", str(folder)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                             preexec_fn=_default_sigint)
    time.sleep(2)  # not a timing assertion: two seconds into the build, as a user would press Ctrl-C
    os.killpg(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err.decode()
    assert b"Traceback" not in err
    with pytest.raises(ProcessLookupError):  # no worker outlives the command
        for _ in range(50):
            os.killpg(child.pid, 0)
            time.sleep(0.1)
    assert not [p for p in (tmp_path / "cache" / "cybrief").iterdir() if p.name.endswith("-journal")]
    done = subprocess.run([sys.executable, "-m", "cybrief", "search", "特高压", "--count", "--format", "json",
                           "--library", str(folder)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == _hits_in_the_bundled_brief("特高压") * 2000


def _foreign_things(path) -> None:
    db = sqlite3.connect(path)
    db.executescript(
        'CREATE TABLE "odd""name" (x);'
        'CREATE TABLE grams_extra (x);'
        'CREATE VIEW "a view" AS SELECT 1;'
        'CREATE TRIGGER "t""1" AFTER INSERT ON files BEGIN SELECT RAISE(FAIL, \'refused\'); END;'
        'PRAGMA user_version = 2;'
    )
    db.close()


@pytest.mark.parametrize("how", [["index", "--rebuild"], ["index"], ["search", "电网"]])
def test_an_index_holding_foreign_tables_views_and_triggers_is_rebuilt(tmp_path, how):
    folder = _lib(tmp_path)
    expected = run("search", "电网", "--format", "json", library=folder).stdout
    path = index_path(folder.resolve())
    _foreign_things(path)
    assert run(*how, library=folder).exit_code == 0
    assert run("search", "电网", "--format", "json", library=folder).stdout == expected
    db = sqlite3.connect(path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert not names & {'odd"name', "grams_extra", "a view", 't"1'}


def test_an_index_holding_a_table_nothing_can_drop_is_made_again(tmp_path):
    folder = _lib(tmp_path)
    expected = run("search", "电网", "--format", "json", library=folder).stdout
    path = index_path(folder.resolve())
    db = sqlite3.connect(path)
    db.execute("PRAGMA writable_schema = ON")  # a virtual table of a module this SQLite does not have
    db.execute("INSERT INTO sqlite_master VALUES ('table', 'alien', 'alien', 0, 'CREATE VIRTUAL TABLE alien USING nosuchmodule()')")
    db.commit()
    db.close()
    result = run("index", "--rebuild", library=folder)
    assert result.exit_code == 0, result.stderr
    assert run("search", "电网", "--format", "json", library=folder).stdout == expected


_IN_A_SMALL_DISK = """
set -e
mount -t tmpfs -o size=2m tmpfs "$CACHE"
set +e
"$PYTHON" -m cybrief index --library "$LIBRARY" 2> "$ERR"
echo "index exit $?"
ls -a "$CACHE/cybrief"
"$PYTHON" -m cybrief search 特高压 --count --format json --library "$LIBRARY" > "$OUT"
echo "search exit $?"
"""


def test_a_full_disk_during_a_build_says_so_leaves_no_journal_and_searches_read_the_files(tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user and mount namespaces here (unshare -rm) to make a small disk in")
    folder = tmp_path / "lib"
    _big_library(folder, 150)
    cache = tmp_path / "cache"
    cache.mkdir()
    env = dict(os.environ, CACHE=str(cache), XDG_CACHE_HOME=str(cache), PYTHON=sys.executable, LIBRARY=str(folder),
               ERR=str(tmp_path / "err"), OUT=str(tmp_path / "out"))
    done = subprocess.run(["unshare", "-rm", "sh", "-c", _IN_A_SMALL_DISK], env=env, capture_output=True, text=True, timeout=600)
    if "index exit" not in done.stdout:
        pytest.skip(f"cannot mount a small disk here: {done.stderr.strip()}")
    error = (tmp_path / "err").read_text()
    assert "index exit 2" in done.stdout and "search exit 0" in done.stdout
    assert error.startswith("cybrief: error: cannot use the search index") and "disk is full" in error
    assert "rollback" not in error and "Traceback" not in error and len(error.splitlines()) == 1
    assert "-journal" not in done.stdout
    assert json.loads((tmp_path / "out").read_text())["total"] == _hits_in_the_bundled_brief("特高压") * 150


def test_a_text_holding_the_index_field_end_finds_what_the_files_find(tmp_path, monkeypatch):
    """FIELD_END (U+0003) separates fields in the index's stored text; a YAML escape can put it in a value."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI_TEXT.replace("    summary: 张三谈电网投资。", '    summary: "张三谈\\x03电网投资。"'),
                                      encoding="utf-8")
    queries = [["电网投资"], ["网投"], ["谈"], ["\x03"], ["张三谈电网", "--count"], ["dwtz"], ["电网", "--any", "张三"]]
    files = []
    monkeypatch.setenv("CYBRIEF_NO_CACHE", "1")
    for query in queries:
        files.append(run("search", *query, "--format", "json", library=folder).stdout)
    monkeypatch.delenv("CYBRIEF_NO_CACHE")
    for _ in range(2):  # built, then answered from it
        assert [run("search", *query, "--format", "json", library=folder).stdout for query in queries] == files
    assert "\\u0003" in files[0]
