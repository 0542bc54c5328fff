"""Listings of a large library from its index: filtered queries, every row as CSV, and long outputs as they stream.

Usage: python benchmarks/listings.py [--briefs N] [--stream-briefs M] [--runs R] [--work DIR] [--keep]

On a library of N briefs (default 10,000; benchmarks/_library.py) with a current index, it times, median of
R runs (default 5), filtered `targets` queries (a sector: 1/20 of the library; with --kind and --sort; a
facet; groups), `delegates` of one person (1% of the library), every row of `targets` and `delegates` as
CSV, and every target sorted, faceted and grouped, each against its budget (0.5 s filtered, 2 s for every row)
and against `python -c pass` timed in the
same rounds. It then times one cold `targets` (no index yet: the library is parsed by worker processes on
every core, as the CPU / wall figure shows), and checks on a sample of queries that the index and the
files (CYBRIEF_NO_CACHE=1) give the same bytes.

On a library of M briefs (default 2,000: 52,000 targets) it times `targets` as CSV, JSON, Markdown and a
table: when the first bytes arrive and when the last do (budget 3 s).

Libraries and indexes go to a temporary folder (or --work DIR), deleted at the end unless --keep. Not a
test: nothing here asserts a time.
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

from _library import make_library, with_empty_cache
from _timing import bytecode_env, cybrief_command

FILTERED = {
    "targets --sector energy-7": ["targets", "--sector", "energy-7", "--format", "csv"],
    "... --kind plan --sort value": ["targets", "--sector", "energy-7", "--kind", "plan", "--sort", "value", "--format", "json"],
    "... --facet unit": ["targets", "--sector", "energy-7", "--facet", "unit", "--format", "json"],
    "... --group-by delegate": ["targets", "--sector", "investment-7", "--group-by", "delegate", "--format", "markdown"],
    "targets --delegate 刘勇四二": ["targets", "--delegate", "刘勇四二", "--format", "markdown"],
    "targets --unit 元 --min 1000亿元": ["targets", "--unit", "元", "--min", "1000亿元", "--sector", "energy-7", "--format", "csv"],
    "delegates 刘勇四二 (in full)": ["delegates", "刘勇四二", "--format", "json"],
}
EVERY_ROW = {
    "targets --format csv (every row)": ["targets", "--format", "csv"],
    "delegates --format csv (every row)": ["delegates", "--format", "csv"],
    "targets --sort value --format csv": ["targets", "--sort", "value", "--format", "csv"],
    "targets --facet sector --format json": ["targets", "--facet", "sector", "--format", "json"],
    "targets --group-by sector --format csv": ["targets", "--group-by", "sector", "--format", "csv"],
}
FILTERED_GOAL, EVERY_ROW_GOAL, STREAM_GOAL = 0.5, 2.0, 3.0


def timed(argv: list[str], env) -> tuple[float, float, int]:
    """(wall, CPU of the process and its children) of one run, output dropped; exits on failure."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(argv)} exited {code}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, code


def first_and_last(argv: list[str], env) -> tuple[float, float, int]:
    """Seconds to the first byte of output and to the last, and the bytes written."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, bufsize=0)
    first, size = None, 0
    while chunk := process.stdout.read(65536):
        if first is None:
            first = time.perf_counter() - start
        size += len(chunk)
    process.wait()
    return first or 0.0, time.perf_counter() - start, size


def median(values) -> float:
    return statistics.median(values)


def listings(count: int, work: Path, runs: int) -> None:
    library, cache, env = with_empty_cache(work, count)
    cybrief = cybrief_command()
    lib = ["--library", str(library)]
    cold_wall, cold_cpu, _ = timed(cybrief + ["targets", "--format", "csv"] + lib, env)
    print(f"\nN = {count} briefs. Cold `targets --format csv` (builds the index): {cold_wall:.1f} s, "
          f"{cold_cpu:.1f} s of CPU ({cold_cpu / cold_wall:.2f} cores busy)")
    python = [sys.executable, "-c", "pass"]
    print(f"  {'query':<36} {'median':>8} {'budget':>7} {'/budget':>8} {'/python':>8}")
    for group, budget in ((FILTERED, FILTERED_GOAL), (EVERY_ROW, EVERY_ROW_GOAL)):
        for label, argv in group.items():
            command = cybrief + argv + lib
            timed(command, env)  # warm the file system cache
            times, base = [], []
            for _ in range(runs):
                times.append(timed(command, env)[0])
                base.append(timed(python, env)[0])
            ratio = median([a / b for a, b in zip(times, base)])
            print(f"  {label:<36} {median(times):7.2f}s {budget:6.1f}s {median(times) / budget:8.2f} {ratio:7.1f}x")


def same_bytes(work: Path) -> None:
    """The index and the files give the same output for a sample of listings (on a library small enough to parse)."""
    library, cache = work / "library-same", work / "cache-same"
    if not library.exists():
        make_library(library, 200)
    env = bytecode_env(dict(os.environ, XDG_CACHE_HOME=str(cache)))
    files_env = dict(env, CYBRIEF_NO_CACHE="1")
    cybrief = cybrief_command()
    differ = []
    samples = [v for v in FILTERED.values()] + [v for v in EVERY_ROW.values()] + \
              [["targets", "--format", fmt] for fmt in ("csv", "json", "markdown", "table")] + \
              [["delegates", "--format", fmt] for fmt in ("csv", "json", "markdown", "table")]
    for argv in samples:
        command = cybrief + argv + ["--library", str(library)]
        outputs = [subprocess.run(command, env=e, capture_output=True).stdout for e in (files_env, env, env)]
        if not outputs[0] == outputs[1] == outputs[2]:
            differ.append(" ".join(argv))
    print(f"\nsame bytes from the index as from the files, {len(samples)} listings of 200 briefs: "
          f"{'yes' if not differ else 'NO: ' + '; '.join(differ)}")


def streaming(count: int, work: Path, runs: int) -> None:
    library, cache = work / f"library-{count}", work / f"cache-{count}"
    env = bytecode_env(dict(os.environ, XDG_CACHE_HOME=str(cache), COLUMNS="160"))
    env.pop("CYBRIEF_NO_CACHE", None)
    if not library.exists():
        make_library(library, count)
    cybrief = cybrief_command()
    subprocess.run(cybrief + ["index", "--library", str(library)], env=env, capture_output=True, check=True)
    rows = subprocess.run(cybrief + ["targets", "--format", "csv", "--library", str(library)], env=env,
                          capture_output=True, check=True).stdout.count(b"\r\n") - 1
    print(f"\n`targets` of {count} briefs ({rows} rows), first and last byte, median of {runs} (budget {STREAM_GOAL:.0f} s):")
    for fmt in ("csv", "json", "markdown", "table"):
        command = cybrief + ["targets", "--format", fmt, "--library", str(library)]
        results = [first_and_last(command, env) for _ in range(runs)]
        first, last = median([r[0] for r in results]), median([r[1] for r in results])
        print(f"  {fmt:<9} first byte {first:5.2f} s, last {last:5.2f} s ({last / STREAM_GOAL:.2f} of the budget), "
              f"{results[0][2] / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=10000)
    parser.add_argument("--stream-briefs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cybrief-listings-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        same_bytes(work)
        streaming(args.stream_briefs, work, args.runs)
        listings(args.briefs, work, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
