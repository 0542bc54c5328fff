"""Search at the scale of an archive: cybrief with its index, without it, and ripgrep, on N generated briefs.

Usage: python benchmarks/search_scale.py [N ...] [--runs R] [--slow-runs S] [--work DIR] [--keep-index]

For each N (default 100 1000 10000) it writes a library of N briefs: copies of the bundled brief, each
with its own id, in folders of 1,000, with a rare term written into a delegate's summary in 1% of them.
It builds the index once (`cybrief index`, timed, and its size read), then runs side by side, round
after round: a warm `cybrief search TERM --count`, the same with `--no-cache`, and `rg -F -c TERM` over
the same folder, for a term found in every brief (特高压, three fields in each), one in 1% of them, and
a two-character term in every brief (电网, which takes the index's path for short terms). Printed: the
median wall time of each, the median of the round-by-round ratios to ripgrep, and the peak memory
(largest resident set) of a run. `--no-cache` parses every file, so it runs only in the first S rounds.

`--work DIR` keeps the libraries (and indexes) for the next run; with `--keep-index` an index already in
DIR is brought up to date and used instead of being built again (its build time is then not measured).

Needs ripgrep (`rg`) on PATH. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import bytecode_env, cybrief_command

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "briefs" / "chongqing-2026-03-chengyu.yaml"
RARE = "氢能重卡走廊"
TERMS = {"every brief": "特高压", "1% of briefs": RARE, "every brief, 2 chars": "电网"}
ANCHOR = "刘勇发言时说，"  # the start of a delegate's summary in the bundled brief


def make_library(folder: Path, count: int) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert ANCHOR in text and "\nid: chongqing-2026-03-chengyu\n" in text
    for number in range(count):
        brief = text.replace("\nid: chongqing-2026-03-chengyu\n", f"\nid: chongqing-copy-{number:05d}\n", 1)
        if number % 100 == 0:
            brief = brief.replace(ANCHOR, f"{ANCHOR}{RARE}建设提速，", 1)
        sub = folder / f"part-{number // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"copy-{number:05d}.yaml").write_text(brief, encoding="utf-8")


def run(argv: list[str], env) -> tuple[float, float, int]:
    """(wall seconds, peak resident MiB, exit code) of one run, output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench(count: int, work: Path, runs: int, slow_runs: int, keep_index: bool = False) -> None:
    library = work / f"library-{count}"
    env = dict(os.environ, XDG_CACHE_HOME=str(work / f"cache-{count}"))
    env.pop("CYBRIEF_NO_CACHE", None)
    env = bytecode_env(env)  # an installed package runs from bytecode: let the first run write it
    if not library.exists():
        make_library(library, count)
    kept = keep_index and any((work / f"cache-{count}" / "cybrief").glob("index-*.sqlite"))
    if not kept:
        shutil.rmtree(work / f"cache-{count}", ignore_errors=True)
    cybrief = cybrief_command()
    seconds, peak, code = run(cybrief + ["index", "--library", str(library)], env)
    if code != 0:
        sys.exit(f"cybrief index failed with exit code {code}")
    [index_file] = (work / f"cache-{count}" / "cybrief").glob("index-*.sqlite")
    library_mb = sum(p.stat().st_size for p in library.rglob("*.yaml")) / 1e6
    built = "index kept (brought up to date" if kept else "index built"
    print(f"\nN = {count}: library {library_mb:.1f} MB; {built} in {seconds:.1f} s "
          f"(peak {peak:.0f} MiB){')' if kept else ''}, {index_file.stat().st_size / 1e6:.1f} MB")
    print(f"  {'term':<22} {'warm':>9} {'no-cache':>10} {'rg':>8} {'warm/rg':>8} {'no-cache/rg':>12} "
          f"{'peak warm':>10} {'peak no-cache':>14} {'peak rg':>8}")
    for label, term in TERMS.items():
        commands = {
            "warm": cybrief + ["search", term, "--count", "--library", str(library)],
            "cold": cybrief + ["search", term, "--count", "--no-cache", "--library", str(library)],
            "rg": ["rg", "-F", "-c", term, str(library)],
        }
        times = {name: [] for name in commands}
        peaks = {name: [] for name in commands}
        for name, argv in commands.items():  # warm-up, and a check that each finds the term
            if name == "cold":
                continue  # slow at scale; its first timed run is checked below
            _, _, code = run(argv, env)
            if code != 0:
                sys.exit(f"{' '.join(argv)} exited {code}")
        for round_ in range(runs):
            for name, argv in commands.items():
                if name == "cold" and round_ >= slow_runs:
                    continue
                elapsed, peak, code = run(argv, env)
                if code != 0:
                    sys.exit(f"{' '.join(argv)} exited {code}")
                times[name].append(elapsed)
                peaks[name].append(peak)
        warm_ratio = median([w / r for w, r in zip(times["warm"], times["rg"])])
        cold_ratio = median([c / r for c, r in zip(times["cold"], times["rg"])])
        print(f"  {label + ' ' + term:<22} {median(times['warm']) * 1000:7.1f}ms {median(times['cold']) * 1000:8.0f}ms "
              f"{median(times['rg']) * 1000:6.1f}ms {warm_ratio:7.2f}x {cold_ratio:11.1f}x "
              f"{max(peaks['warm']):7.1f}MiB {max(peaks['cold']):11.1f}MiB {max(peaks['rg']):5.1f}MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=15, help="rounds per term (default 15)")
    parser.add_argument("--slow-runs", type=int, default=3, help="rounds that include --no-cache (default 3)")
    parser.add_argument("--work", type=Path, help="folder for the libraries and caches (kept); default: a temporary one")
    parser.add_argument("--keep-index", action="store_true", help="use an index already in the work folder, not a new one")
    args = parser.parse_args()
    if shutil.which("rg") is None:
        sys.exit("ripgrep (rg) is needed on PATH for the comparison")
    work = args.work or Path(tempfile.mkdtemp(prefix="cybrief-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"search at scale: {args.runs} alternating rounds per term (--no-cache in {args.slow_runs}); work folder {work}")
    try:
        for count in args.sizes:
            bench(count, work, args.runs, args.slow_runs, args.keep_index)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
