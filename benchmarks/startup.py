"""Start-up time of cybrief against the interpreter's own start-up and against a bare Typer app.

Usage: python benchmarks/startup.py [RUNS]

Runs the commands side by side, alternating round by round, and prints the median of each, then the
median round-by-round ratios. Goals: JSON at most 8x `python -c pass`, the table at most 11x, and both
at most 1.25x the bare Typer app (benchmarks/bare_typer_app.py), so that cybrief's own work stays small; a
pinyin search (`tegaoya`, `tgy`) of the bundled library with a current index at most 4x `python -c pass`
and under 25 MB, and `cybrief --help` at most 10x.
"""

from __future__ import annotations

import os
import subprocess
import sys

from _timing import HERE, alternate, bytecode_env, check_exit, cybrief_command, median_ratio, ms, positional

GOALS = {
    ("json", "python"): 8.0,
    ("table", "python"): 11.0,
    ("json", "bare_json"): 1.25,
    ("table", "bare_table"): 1.25,
    ("tegaoya", "python"): 4.0,
    ("tgy", "python"): 4.0,
    ("help", "python"): 10.0,
}
MEMORY_GOAL_MB = 25


def peak_mb(argv: list[str]) -> float:
    """The largest resident set of one run, in MB."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=bytecode_env())
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss * 1024 / 1e6


def main() -> None:
    [runs] = positional(__doc__, ("runs", 30, "alternating rounds (default 30)"))
    cybrief = cybrief_command()
    bare = [sys.executable, str(HERE / "bare_typer_app.py")]
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "bare_json": bare + ["json"],
        "bare_table": bare + ["table"],
        "json": cybrief + ["targets", "--format", "json"],
        "table": cybrief + ["delegates", "--format", "table"],
        "tegaoya": cybrief + ["search", "tegaoya"],
        "tgy": cybrief + ["search", "tgy"],
        "help": cybrief + ["--help"],
    }
    for argv in commands.values():
        check_exit(argv)  # also builds the bundled library's index, so that the searches find it current
    times = alternate(commands, runs)
    print(f"start-up, {runs} alternating rounds, median wall time per command")
    for name, argv in commands.items():
        print(f"  {name:<11} {ms(times[name])}   {' '.join(argv[-3:])}")
    print("median ratios (round by round):")
    for (a, b), goal in GOALS.items():
        ratio = median_ratio(times, a, b)
        verdict = "meets" if ratio <= goal else "misses"
        print(f"  {a:<7} / {b:<10} {ratio:5.2f}x   goal <= {goal}x: {verdict}")
    python = peak_mb(commands["python"])
    for name in ("tegaoya", "tgy"):
        peak = max(peak_mb(commands[name]) for _ in range(3))
        verdict = "meets" if peak <= MEMORY_GOAL_MB else "misses"
        print(f"  peak memory of `search {name}`: {peak:.1f} MB (python -c pass: {python:.1f} MB), "
              f"goal <= {MEMORY_GOAL_MB} MB: {verdict}")


if __name__ == "__main__":
    main()
