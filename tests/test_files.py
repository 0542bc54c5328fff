"""Writing files: never over an existing file without force, atomic always, whole after a kill; the cache under load.

The kill tests use real child processes and SIGKILL. The first stops a writer half-way through its
data, deterministically, and shows that a plain write would have lost the old file; the second kills
unmodified writers at arbitrary moments.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest

from conftest import BUNDLED, MINI
from cybrief import cache
from cybrief.errors import WriteError
from cybrief.files import write_output
from procs import as_plain_user, permissions_bind


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- write_output: refuse without force, atomic with it --------------------------------------------------

def test_a_new_file_is_written_with_the_usual_permissions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_output(tmp_path / "out.csv", b"a,b\r\n")
    assert (tmp_path / "out.csv").read_bytes() == b"a,b\r\n"
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"], "no temporary file left behind"


def test_an_existing_file_is_refused_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.csv").write_bytes(b"old")
    with pytest.raises(WriteError) as caught:
        write_output(tmp_path / "out.csv", b"new")
    assert caught.value.lines() == ["out.csv: already exists; use --force to replace it"]
    assert (tmp_path / "out.csv").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_force_replaces_and_keeps_the_old_permissions(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_file_that_appears_after_the_check_is_not_replaced(tmp_path, monkeypatch):
    """The hard link that publishes the file fails if anything is there, however late it came."""
    target = tmp_path / "out.csv"
    real_link = os.link

    def racing_link(src, dst):
        target.write_bytes(b"written meanwhile")
        return real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(WriteError, match="already exists"):
        write_output(target, b"new")
    assert target.read_bytes() == b"written meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_without_hard_links_the_file_is_still_written(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")  # as on FAT or some network shares

    monkeypatch.setattr(os, "link", no_links)
    write_output(tmp_path / "out.csv", b"new")
    assert (tmp_path / "out.csv").read_bytes() == b"new"


def test_a_link_at_the_path_is_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "elsewhere").write_bytes(b"keep")
    (tmp_path / "out.csv").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(WriteError, match="already exists"):
        write_output(tmp_path / "out.csv", b"new")
    write_output(tmp_path / "out.csv", b"new", force=True)  # replaces the link, not the file it names
    assert (tmp_path / "elsewhere").read_bytes() == b"keep" and (tmp_path / "out.csv").read_bytes() == b"new"


@pytest.mark.parametrize(
    "make, path, message",
    [
        (lambda d: (d / "out.csv").mkdir(), "out.csv", "out.csv: is a directory"),
        (lambda d: None, "missing/out.csv", "missing/out.csv: no such folder missing"),
    ],
)
def test_where_a_file_cannot_go(tmp_path, monkeypatch, make, path, message):
    monkeypatch.chdir(tmp_path)
    make(tmp_path)
    with pytest.raises(WriteError) as caught:
        write_output(path, b"x", force=True)
    assert caught.value.lines() == [message]


def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if not permissions_bind(tmp_path):
        pytest.skip("running as root without the right to drop CAP_DAC_OVERRIDE: permissions cannot bind")
    folder.chmod(0o555)
    script = f"""
from cybrief.errors import CybriefError
from cybrief.files import write_output
try:
    write_output({str(folder / 'out.csv')!r}, b"x")
except CybriefError as exc:
    print(exc.lines()[0].rsplit(": ", 1)[1])
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, **as_plain_user())
    assert done.stdout == "permission denied\n" and done.stderr == ""
    assert list(folder.iterdir()) == []


# --- a writer killed in the middle ------------------------------------------------------------------------

# The child writes `new` over `path` and, half-way through its data, says so and waits to be killed.
_HALF_WAY = """
import os, sys, time
from pathlib import Path
from cybrief import files

mode, path, size = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
new = b"N" * size

class HalfWay:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)
    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        os.fsync(self.handle.fileno())
        print("half", flush=True)
        time.sleep(60)
    def __getattr__(self, name):
        return getattr(self.handle, name)

real_fdopen, real_open = os.fdopen, open
os.fdopen = lambda *a, **k: HalfWay(real_fdopen(*a, **k))
if mode == "atomic":
    files.write_output(path, new, force=True)
elif mode == "cache":
    files.atomic_write(path, new)
else:  # what a careless tool does
    with HalfWay(real_open(path, "wb")) as handle:
        handle.write(new)
"""


def _kill_half_way(mode: str, path, size: int) -> None:
    child = subprocess.Popen([sys.executable, "-c", _HALF_WAY, mode, str(path), str(size)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "half\n"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("mode", ["atomic", "cache"])
def test_a_writer_killed_half_way_leaves_the_old_file_whole(tmp_path, mode):
    target = tmp_path / "out.csv"
    old = b"old content\r\n" * 1000
    target.write_bytes(old)
    _kill_half_way(mode, target, 1 << 20)
    assert target.read_bytes() == old
    [leftover] = [p for p in tmp_path.iterdir() if p != target]  # the half-written temporary file
    assert leftover.name.startswith(".out.csv.") and leftover.stat().st_size == 1 << 19


def test_the_same_kill_ruins_a_plain_write(tmp_path):
    """The harness can see a lost file: without the temporary file, the old content is gone."""
    target = tmp_path / "out.csv"
    target.write_bytes(b"old content\r\n" * 1000)
    _kill_half_way("plain", target, 1 << 20)
    assert target.read_bytes() == b"N" * (1 << 19)


_WRITER = """
import sys
from cybrief import files
files.write_output(sys.argv[1], bytes([int(sys.argv[2])]) * int(sys.argv[3]), force=True)
print("done", flush=True)
"""


def test_writers_killed_at_any_moment_leave_a_whole_file(tmp_path):
    target = tmp_path / "out.bin"
    size = 8 << 20
    target.write_bytes(b"\x00" * size)
    shuffle = random.Random(6)
    for round_ in range(1, 7):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), str(round_), str(size)], stdout=subprocess.PIPE)
        time.sleep(shuffle.uniform(0.0, 0.25))  # not a timing assertion: any moment will do
        child.send_signal(signal.SIGKILL)
        child.wait()
        data = target.read_bytes()
        assert len(data) == size and len(set(data)) == 1, "old or new, never a mix or a truncation"
        assert data[0] in (0, *range(1, round_ + 1))


# --- two processes on one cache --------------------------------------------------------------------------

_READER = """
import json, os, sys, time
from pathlib import Path
from cybrief import views
from cybrief.library import open_library

folder, rounds, toucher = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
seen = set()
for n in range(rounds):
    if toucher:  # a changed mtime makes every process re-check the files and rewrite the cache
        for f in sorted(folder.glob("*.yaml"))[n % 3 :: 3]:
            os.utime(f)
    lib = open_library(folder)
    seen.add(json.dumps([views.targets_listing(lib.targets(), lib, "both").records,
                         views.delegates_listing(lib.delegates(), lib, "both").records], ensure_ascii=False))
print(json.dumps(sorted(seen)))
"""


def test_concurrent_processes_share_the_cache_without_harm(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    folder.mkdir()
    text = MINI.read_text(encoding="utf-8")
    for n in range(8):
        (folder / f"m{n}.yaml").write_text(text.replace("id: mini\n", f"id: mini-{n}\n"), encoding="utf-8")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", folder)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    expected = subprocess.run(
        [sys.executable, "-c", _READER, str(folder), "1", "0"], env=dict(env, CYBRIEF_NO_CACHE="1"),
        capture_output=True, text=True, check=True,
    ).stdout
    children = [
        subprocess.Popen([sys.executable, "-c", _READER, str(folder), "25", str(n % 2)], env=env, stdout=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    results = [child.communicate(timeout=120)[0] for child in children]
    assert [child.returncode for child in children] == [0] * 4
    assert results == [expected] * 4, "every process, every round, saw what an uncached load sees"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    [store] = cache.cache_dir().glob("briefs-*.bin")
    entries = cache._read(store, str(folder.resolve()))
    assert len(entries) == 9, "the cache left behind is whole and current"
    assert not [p for p in cache.cache_dir().iterdir() if p.suffix == ".tmp"]
    assert len(json.loads(expected)) == 1
