"""Writing files: never over an existing file without force, atomic always, whole after a kill; the cache under load.

The kill tests use real child processes and SIGKILL. The first stops a writer half-way through its
data, deterministically, and shows that a plain write would have lost the old file; the same stop is
applied to every command that writes a file (WRITERS); the last kills unmodified writers at arbitrary
moments.
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
from pathlib import Path

import pytest

from conftest import BUNDLED, FIXTURES, MINI, run
from cybrief import files
from cybrief.library import cache
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


def test_force_replaces_a_link_to_a_folder_or_a_file_never_what_it_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "kept").write_bytes(b"keep")
    (tmp_path / "kept").chmod(0o600)
    (tmp_path / "to-folder").symlink_to(tmp_path / "folder")
    (tmp_path / "to-file").symlink_to(tmp_path / "kept")
    for name in ("to-folder", "to-file"):
        write_output(tmp_path / name, b"new", force=True)
        assert not (tmp_path / name).is_symlink() and (tmp_path / name).read_bytes() == b"new"
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~_umask(), "a new file's permissions"
    assert list((tmp_path / "folder").iterdir()) == [] and (tmp_path / "kept").read_bytes() == b"keep"


def test_force_never_replaces_a_device_or_a_pipe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    for target, data in ((tmp_path / "pipe", b"new"), (tmp_path / "pipe", {"targets.csv": b"a\r\n"})):
        with pytest.raises(WriteError) as caught:
            write_output(target, data, force=True)
        assert caught.value.lines() == ["pipe: is not a regular file; it is not replaced"]
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"], "no temporary file left behind"


def test_report_force_onto_dev_null_is_refused(tmp_path):
    result = run("report", "-o", "/dev/null", "--force", library=BUNDLED)
    assert result.exit_code == 2 and result.stderr == "cybrief: error: /dev/null: is not a regular file; it is not replaced\n"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


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
# A command's own writes (the cache would be the first) are for nothing here: only its output is written.
os.environ["CYBRIEF_NO_CACHE"] = "1"

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
elif mode == "command":  # cybrief ARGS..., with --force: the output is half-written when it stops
    from cybrief.cli import main
    sys.argv = ["cybrief", *sys.argv[4:]]
    main()
else:  # what a careless tool does
    with HalfWay(real_open(path, "wb")) as handle:
        handle.write(new)
"""


def _kill_half_way(mode: str, path, size: int, *args: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", _HALF_WAY, mode, str(path), str(size), *args], stdout=subprocess.PIPE, text=True)
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


# --- every command that writes a file ----------------------------------------------------------------------

ARTICLE = FIXTURES / "articles" / "corridor.txt"
# Each writer: its arguments (OUT is the path written), the name of its output, and what an old one looks
# like: bytes for a file, {name: bytes} for a folder (a CSV export).
WRITERS = {
    "chart --svg": (["chart", "--sector", "energy", "--svg", "OUT", "--library", str(BUNDLED)], "chart.svg", b"<svg>old</svg>"),
    "report -o": (["report", "-o", "OUT", "--library", str(BUNDLED)], "briefing.md", b"# old\n"),
    "export sqlite": (["export", "--to", "sqlite", "-o", "OUT", "--library", str(BUNDLED)], "briefs.db", b"old db"),
    "export json": (["export", "--to", "json", "-o", "OUT", "--library", str(BUNDLED)], "briefs.json", b"[]\n"),
    "export csv": (["export", "--to", "csv", "-o", "OUT", "--library", str(BUNDLED)], "tables",
                   {"briefs.csv": b"id\r\nold\r\n", "targets.csv": b"id\r\n"}),
    "draft -o": (["draft", str(ARTICLE), "-o", "OUT"], "draft.yaml", b"id: old\n"),
}


def _lay_out(path, old) -> None:
    if isinstance(old, bytes):
        path.write_bytes(old)
        return
    path.mkdir()
    for name, data in old.items():
        (path / name).write_bytes(data)


def _contents(path):
    if path.is_dir():
        return {p.name: p.read_bytes() for p in path.iterdir()}
    return path.read_bytes()


def _argv(writer: str, path) -> list[str]:
    args, _, _ = WRITERS[writer]
    return [str(path) if arg == "OUT" else arg for arg in args]


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_refuses_an_existing_output_without_force(writer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, name, old = WRITERS[writer]
    _lay_out(tmp_path / name, old)
    result = run(*_argv(writer, name), library=None)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cybrief: error: {name}: already exists; use --force to replace it\n")
    assert _contents(tmp_path / name) == old
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == [name]


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_replaces_with_force_and_leaves_nothing_beside(writer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, name, old = WRITERS[writer]
    _lay_out(tmp_path / name, old)
    result = run(*_argv(writer, name), "--force", library=None)
    assert result.exit_code == 0, result.stderr
    assert _contents(tmp_path / name) != old
    if writer == "export csv":
        assert sorted(_contents(tmp_path / name)) == ["briefs.csv", "delegates.csv", "events.csv", "sectors.csv", "targets.csv"]
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == [name]


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_killed_half_way_leaves_the_old_output_whole(writer, tmp_path):
    _, name, old = WRITERS[writer]
    target = tmp_path / name
    _lay_out(target, old)
    _kill_half_way("command", target, 0, *_argv(writer, target), "--force")
    assert _contents(target) == old
    [leftover] = [p for p in tmp_path.iterdir() if p != target]  # the half-written temporary file or folder
    assert leftover.name.startswith(f".{name}.") and leftover.name.endswith(".tmp")
    assert leftover.is_dir() == isinstance(old, dict)


# --- a folder: published in one step, never over anything ----------------------------------------------------

NEW_FOLDER = {"briefs.csv": b"id\r\nnew\r\n", "targets.csv": b"id\r\n"}


def _exchange_works(folder: Path) -> bool:
    """Whether renameat2 can swap two paths in this folder (Linux 3.15 or later, on most file systems)."""
    (folder / "a").mkdir()
    (folder / "b").write_bytes(b"b")
    return files._renameat2(folder / "a", folder / "b", files._RENAME_EXCHANGE)


@pytest.fixture(params=["renameat2", "rename"])
def renames(request, monkeypatch, tmp_path_factory):
    """Both ways a folder is published: renameat2 where the system has it, plain renames elsewhere."""
    if request.param == "rename":
        monkeypatch.setattr(files, "_renameat2", lambda source, target, flags: False)
    elif not _exchange_works(tmp_path_factory.mktemp("probe")):
        pytest.skip("renameat2 cannot swap two paths here")
    return request.param


def test_renameat2_swaps_two_paths_in_one_step(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    assert _exchange_works(tmp_path)
    assert (tmp_path / "a").read_bytes() == b"b" and (tmp_path / "b").is_dir()


def test_a_folder_is_written_whole_with_the_usual_permissions(tmp_path, renames):
    write_output(tmp_path / "tables", NEW_FOLDER)
    assert _contents(tmp_path / "tables") == NEW_FOLDER
    assert stat.S_IMODE((tmp_path / "tables").stat().st_mode) == 0o777 & ~_umask()
    assert stat.S_IMODE((tmp_path / "tables" / "briefs.csv").stat().st_mode) == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_force_swaps_an_old_folder_for_the_new_one(tmp_path, renames):
    _lay_out(tmp_path / "tables", {"briefs.csv": b"old", "targets.csv": b"old"})
    write_output(tmp_path / "tables", NEW_FOLDER, force=True)
    assert _contents(tmp_path / "tables") == NEW_FOLDER
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_a_folder_that_appears_before_the_rename_is_not_replaced(tmp_path, renames, monkeypatch):
    """The last check and the rename are one step with renameat2; without it, the check comes just before."""
    target = tmp_path / "tables"
    real_sync = files._sync_folder

    def racing_sync(folder):
        real_sync(folder)
        if folder.name.endswith(".tmp") and not target.exists():
            _lay_out(target, {"briefs.csv": b"written meanwhile"})

    monkeypatch.setattr(files, "_sync_folder", racing_sync)
    with pytest.raises(WriteError, match="already exists"):
        write_output(target, NEW_FOLDER)
    assert _contents(target) == {"briefs.csv": b"written meanwhile"}
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_a_failed_swap_puts_the_old_file_back(tmp_path, monkeypatch):
    """A file (or a link) where a folder goes is swapped for it. Without renameat2 the old file goes aside
    first; if the new folder cannot take its place, the file comes back."""
    (tmp_path / "tables").write_bytes(b"old")
    monkeypatch.setattr(files, "_renameat2", lambda source, target, flags: False)
    real_rename = os.rename

    def failing_rename(source, target):
        if str(source).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_rename(source, target)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(WriteError) as caught:
        write_output(tmp_path / "tables", NEW_FOLDER, force=True)
    assert caught.value.lines() == [f"{tmp_path / 'tables'}: cannot write: No space left on device"]
    assert (tmp_path / "tables").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_force_replaces_a_file_with_a_folder(tmp_path, renames):
    (tmp_path / "tables").write_bytes(b"old")
    write_output(tmp_path / "tables", NEW_FOLDER, force=True)
    assert _contents(tmp_path / "tables") == NEW_FOLDER
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


def test_a_file_written_into_the_folder_after_the_check_stays(tmp_path, monkeypatch):
    """Just after the last check that the folder holds only an old export, another program writes a file
    into it: the file stays, whole, and only the export's own files are replaced."""
    target = tmp_path / "tables"
    _lay_out(target, {"briefs.csv": b"old", "targets.csv": b"old"})
    real_check, checks = files.check_output, []

    def racing_check(path, **kwargs):
        real_check(path, **kwargs)
        checks.append(path)
        if len(checks) == 2:  # the check as the folder is published
            (target / "notes.txt").write_bytes(b"written meanwhile")

    monkeypatch.setattr(files, "check_output", racing_check)
    write_output(target, NEW_FOLDER, force=True)
    assert len(checks) == 2
    assert _contents(target) == {**NEW_FOLDER, "notes.txt": b"written meanwhile"}
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


# A writer that adds files to the export folder, each for a moment, while `export --force` runs again and
# again, and counts those of its files that vanished. The race runs RACE_SECONDS (CYBRIEF_RACE_SECONDS=60
# for the long one); it is not a timing assertion: any length of time must lose nothing. The writer is a
# thread, switched to often, so that it runs inside every short window of the exports.
RACE_SECONDS = float(os.environ.get("CYBRIEF_RACE_SECONDS", "5"))


def test_a_writer_adding_files_during_export_force_loses_none(tmp_path):
    import threading

    from cybrief.library import open_library
    from cybrief.render.export import export

    library = open_library(str(BUNDLED))
    target = tmp_path / "tables"
    export(library, "csv", target)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    until = time.monotonic() + RACE_SECONDS
    counts = {"added": 0, "lost": 0}
    shuffle = random.Random(1)

    def add():
        while time.monotonic() < until:
            name = target / f"w{counts['added']}.txt"
            try:
                name.write_bytes(b"x")
            except OSError:  # the folder is being swapped this instant (the old code): try again
                continue
            counts["added"] += 1
            time.sleep(shuffle.uniform(0, 0.002))
            if not name.exists():
                counts["lost"] += 1
            else:
                name.unlink()
            time.sleep(shuffle.uniform(0, 0.002))

    adder = threading.Thread(target=add)
    adder.start()
    exports = 0
    try:
        while adder.is_alive():
            try:
                export(library, "csv", target, force=True)
                exports += 1
            except WriteError:  # a file of the writer's was there when checked: refused, nothing removed
                pass
    finally:
        adder.join()
        sys.setswitchinterval(interval)
    assert exports > 0 and counts["added"] > 0
    assert counts["lost"] == 0, f"{counts['lost']} of {counts['added']} files written during {exports} exports vanished"
    assert sorted(_contents(target)) == ["briefs.csv", "delegates.csv", "events.csv", "sectors.csv", "targets.csv"]


def test_force_never_replaces_a_folder_holding_anything_else(tmp_path):
    _lay_out(tmp_path / "tables", {"briefs.csv": b"old", "thesis.docx": b"precious"})
    with pytest.raises(WriteError) as caught:
        write_output(tmp_path / "tables", NEW_FOLDER, force=True)
    assert caught.value.lines() == [f"{tmp_path / 'tables'}: is a folder that cybrief did not write; it is not replaced"]
    assert (tmp_path / "tables" / "thesis.docx").read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


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
from cybrief.render import views
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
    [store] = cache.cache_dir().glob("index-*.sqlite")
    import sqlite3

    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT count(*), count(DISTINCT id) FROM briefs").fetchone() == (9, 9), "whole and current"
    finally:
        db.close()
    assert [p.name for p in cache.cache_dir().iterdir()] == [store.name], "no journal or temporary file left"
    assert len(json.loads(expected)) == 1
