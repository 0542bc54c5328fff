"""Several real processes on one search index at once: building it, updating it, rebuilding it and reading it.

Every process, every round, must get exactly what a search without the index gets, and the index left
behind must pass SQLite's own checks and hold every brief once. The processes are not synchronized
with each other: they race as users' shells would.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys


from conftest import BUNDLED, MINI

BRIEFS = 60  # a modest library
ROUNDS = 10

# A process: for each round, maybe change the library (without changing what the queries find), maybe
# rebuild the index, then run every query through the index. It prints the distinct results it saw.
_WORKER = """
import json, os, sys
from pathlib import Path
from cybrief.index.store import open_index
from cybrief.search.query import Query
from cybrief.library.searching import LibrarySearch

folder, rounds, role = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
queries = json.loads(sys.argv[4])
files = sorted(folder.rglob("*.yaml"))
seen = set()
for n in range(rounds):
    if role == "toucher":  # new times: every process checks the bytes again and updates the rows
        for f in files[n % 4 :: 4]:
            os.utime(f)
    elif role == "editor":  # new bytes that find the same hits: the brief is parsed and its rows replaced
        for f in files[n % 5 :: 5]:  # saved as an editor saves, whole (a half-saved brief is broken for anyone)
            text = f.read_text(encoding="utf-8")
            text = text.replace("reporter: 李明\\n", "reporter: 李明明\\n") if "reporter: 李明\\n" in text else \\
                text.replace("reporter: 李明明\\n", "reporter: 李明\\n")
            f.with_suffix(".tmp").write_text(text, encoding="utf-8")
            os.replace(f.with_suffix(".tmp"), f)
    elif role == "rebuilder":  # as `cybrief index --rebuild` does
        open_index(folder, rebuild=True, snapshot=False).close()
    results = []
    for terms in queries:
        results.append([h.as_dict() for h in LibrarySearch(folder).search(Query(terms), context=20).hits])
        results.append(LibrarySearch(folder).count(Query(terms)).records)
    seen.add(json.dumps(results, ensure_ascii=False, sort_keys=True))
print(json.dumps(sorted(seen), ensure_ascii=False))
"""

QUERIES = [["电网"], ["人工智能", "算力"], ["特高压"], ["tgy"], ["投资", "--any"]]


def _library(tmp_path):
    folder = tmp_path / "lib"
    text = MINI.read_text(encoding="utf-8")
    for number in range(BRIEFS):
        sub = folder / f"part-{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"m{number:03d}.yaml").write_text(text.replace("id: mini\n", f"id: m{number:03d}\n"), encoding="utf-8")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder)
    return folder


def _expected(folder, env) -> str:
    """What the queries find without the index: each result, once."""
    done = subprocess.run([sys.executable, "-c", _WORKER, str(folder), "1", "reader", json.dumps(QUERIES)],
                          env=dict(env, CYBRIEF_NO_CACHE="1"), capture_output=True, text=True, timeout=300, check=True)
    return done.stdout


def _check_index(cache_home, folder) -> None:
    [path] = (cache_home / "cybrief").glob("index-*.sqlite")
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        db.execute("INSERT INTO grams(grams, rank) VALUES ('integrity-check', 0)")  # FTS5's own check; raises if broken
        files = db.execute("SELECT count(*), count(DISTINCT brief) FROM files").fetchone()
        briefs = db.execute("SELECT count(*), count(DISTINCT id) FROM briefs").fetchone()
    finally:
        db.close()
    assert files == (BRIEFS + 1, BRIEFS + 1) and briefs == (BRIEFS + 1, BRIEFS + 1), "every brief once"
    leftovers = [p.name for p in (cache_home / "cybrief").iterdir() if not p.name.startswith("index-")]
    assert leftovers == []


# Five processes start on no index at all, so they build it at once; then they read it while one touches
# files, one edits them and one rebuilds the index from scratch now and then.
ROLES = ["reader", "reader", "toucher", "editor", "rebuilder", "rebuilder"]


def test_processes_building_and_reading_one_index_agree(tmp_path):
    roles = ROLES
    folder = _library(tmp_path)
    cache_home = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    env.pop("CYBRIEF_NO_CACHE", None)
    expected = _expected(folder, env)
    assert len(json.loads(expected)) == 1
    children = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(folder), str(ROUNDS), role, json.dumps(QUERIES)],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for role in roles
    ]
    outputs = [child.communicate(timeout=600) for child in children]
    assert [child.returncode for child in children] == [0] * len(roles), [err[-2000:] for _, err in outputs]
    assert [out for out, _ in outputs] == [expected] * len(roles), "every process, every round, saw what the files hold"
    _check_index(cache_home, folder)
    final = subprocess.run([sys.executable, "-c", _WORKER, str(folder), "1", "reader", json.dumps(QUERIES)],
                           env=env, capture_output=True, text=True, timeout=300, check=True)
    assert final.stdout == expected
