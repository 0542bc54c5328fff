"""Search and the index at the scale of an archive: build, size, one-brief updates and search, against ripgrep.

Usage: python benchmarks/search_scale.py [N ...] [--runs R] [--work DIR] [--keep]

For each N (default 1000 10000 30000) it writes a library of N briefs (benchmarks/_library.py: copies of
the bundled brief with their own text), then:

- builds the index (`cybrief index`) and prints its wall time, the CPU time of cybrief and its worker
  processes (CPU / wall says how many cores were busy), and the index's bytes against the library's;
- times side by side, round after round, `cybrief search TERM --count` and ripgrep's `rg -F -c TERM` over
  the same files, for a term in 1% of the briefs (RARE), one in every brief (特高压) and a two-character one
  in every brief (电网), with pinyin (`tegaoya`) for reference; prints medians, the median round-by-round
  ratio to ripgrep and the peak memory of a run;
- edits one brief and runs `cybrief index` again, alternating with a run that finds nothing changed, and
  prints both and their difference (the work of the update itself).

At the end, how each grew from the smallest N to the largest. ripgrep is the yardstick: install it with
`apt-get install ripgrep` (Debian, Ubuntu) or your system's package manager if `rg` is not on PATH. Libraries
and indexes go to a temporary folder (or --work DIR), deleted at the end unless --keep. Run it with `nice`
on a shared machine. Not a test: nothing here asserts a time.
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

from _library import RARE, library_bytes, with_empty_cache
from _timing import cybrief_command

TERMS = {"1% of briefs": RARE, "every brief": "特高压", "every brief, 2 chars": "电网", "pinyin, every brief": "tegaoya"}
BUILD_GOAL = 25.0  # seconds for 10,000 briefs
UPDATE_GOAL = 0.2  # seconds for one edited brief


def run(argv: list[str], env) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds of the process and its children, peak resident MiB, exit code); output dropped."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def checked(argv, env) -> tuple[float, float, float]:
    elapsed, cpu, peak, code = run(argv, env)
    if code != 0:
        sys.exit(f"{' '.join(argv)} exited {code}")
    return elapsed, cpu, peak


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def edit_one(library: Path, round_: int) -> None:
    """Change the text of one brief (its title), as an editor saves it."""
    path = sorted(library.glob("part-00/*.yaml"))[len(list(library.glob("part-00/*.yaml"))) // 2]
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("\ntitle: ")
    title, _, tail = rest.partition("\n")
    path.write_text(f"{head}\ntitle: {title.rstrip('0123456789')}{round_}\n{tail}", encoding="utf-8")


def bench(count: int, work: Path, runs: int) -> dict:
    library, cache, env = with_empty_cache(work, count)
    cybrief = cybrief_command()
    index = cybrief + ["index", "--library", str(library)]
    wall, cpu, peak = checked(index, env)
    [index_file] = (cache / "cybrief").glob("index-*.sqlite")
    size, lib_size = index_file.stat().st_size, library_bytes(library)
    out = {"build": wall, "cpu": cpu, "size": size, "library": lib_size}
    print(f"\nN = {count}: library {lib_size / 1e6:.1f} MB in {count} files")
    print(f"  index built in {wall:.1f} s, {cpu:.1f} s of CPU ({cpu / wall:.2f} cores busy), peak {peak:.0f} MiB; "
          f"{size / 1e6:.1f} MB = {size / lib_size:.2f}x the library (goal <= 1.0x)")
    if count == 10000:
        print(f"  build / goal ({BUILD_GOAL:.0f} s at 10,000): {wall / BUILD_GOAL:.2f}")
    print(f"  {'term':<34} {'cybrief':>9} {'rg':>9} {'cybrief/rg':>11} {'peak':>9}")
    for label, term in TERMS.items():
        commands = {"cybrief": cybrief + ["search", term, "--count", "--library", str(library)],
                    "rg": ["rg", "-F", "-c", term, str(library)]}
        checked(commands["cybrief"], env)  # the index is current: this only warms the caches
        times = {name: [] for name in commands}
        peaks = []
        for _ in range(runs if "pinyin" not in label else max(3, runs // 3)):  # pinyin reads every brief: slow
            for name, argv in commands.items():
                elapsed, _, peak, code = run(argv, env)
                if name == "cybrief" and code != 0:
                    sys.exit(f"{' '.join(argv)} exited {code}")
                times[name].append(elapsed)
                if name == "cybrief":
                    peaks.append(peak)
        ratio = median([a / b for a, b in zip(times["cybrief"], times["rg"])])
        out[label] = median(times["cybrief"])
        shown = f"{label} {term}"
        print(f"  {shown:<34} {median(times['cybrief']) * 1000:7.1f}ms {median(times['rg']) * 1000:7.1f}ms "
              f"{ratio:10.2f}x {max(peaks):6.1f}MiB")
    same, updated = [], []
    checked(index, env)
    for round_ in range(max(3, runs // 3)):
        same.append(checked(index, env)[0])
        edit_one(library, round_)
        time.sleep(0.01)
        updated.append(checked(index, env)[0])
    out["update"] = median(updated) - median(same)
    print(f"  `cybrief index` after one edited brief {median(updated) * 1000:.0f} ms, with nothing changed "
          f"{median(same) * 1000:.0f} ms: the update itself {out['update'] * 1000:.0f} ms (goal <= {UPDATE_GOAL * 1000:.0f} ms)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 30000])
    parser.add_argument("--runs", type=int, default=9, help="rounds per term (default 9; pinyin a third)")
    parser.add_argument("--work", type=Path, help="folder for the libraries and caches; default: a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the libraries and indexes afterwards")
    args = parser.parse_args()
    if shutil.which("rg") is None:
        sys.exit("ripgrep (rg) is needed on PATH for the comparison: apt-get install ripgrep")
    work = args.work or Path(tempfile.mkdtemp(prefix="cybrief-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"search at scale: {args.runs} alternating rounds per term; work folder {work}")
    results = {}
    try:
        for count in args.sizes:
            results[count] = bench(count, work, args.runs)
            if not args.keep:
                shutil.rmtree(work / f"library-{count}", ignore_errors=True)
                shutil.rmtree(work / f"cache-{count}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if len(results) > 1:
        small, large = min(results), max(results)
        a, b = results[small], results[large]
        print(f"\ngrowth from {small} to {large} briefs ({large / small:.0f}x the briefs):")
        print(f"  index size {b['size'] / a['size']:.1f}x, build time {b['build'] / a['build']:.1f}x")
        for label in TERMS:
            print(f"  search, {label}: {b[label] / a[label]:.2f}x")
        print(f"  rare term at {large} / at {small}: {b['1% of briefs'] / a['1% of briefs']:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
