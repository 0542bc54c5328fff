"""Ctrl-C during `cybrief index`: how soon the command exits, and with which code.

Usage: python benchmarks/interrupt.py [--briefs N] [--after SECONDS] [--runs R]

Builds nothing in advance: for each run it starts `cybrief index` on a library of N briefs (default 2,000;
benchmarks/_library.py) with an empty cache, in a process group of its own, and after SECONDS (default 2)
sends SIGINT to the whole group, as a terminal does on Ctrl-C (the worker processes get it too, and
ignore it). It prints the exit code and the time from the signal to the exit (goal: 130, within a second),
then checks that a search over the library still works. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _library import make_library
from _timing import bytecode_env, cybrief_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=2000)
    parser.add_argument("--after", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cybrief-interrupt-"))
    try:
        library = work / "library"
        make_library(library, args.briefs)
        cybrief = cybrief_command()
        delays = []
        for run in range(args.runs):
            cache = work / f"cache-{run}"
            env = bytecode_env(dict(os.environ, XDG_CACHE_HOME=str(cache)))
            child = subprocess.Popen(cybrief + ["index", "--library", str(library)], env=env, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            time.sleep(args.after)
            sent = time.perf_counter()
            os.killpg(child.pid, signal.SIGINT)
            code = child.wait()
            delays.append(time.perf_counter() - sent)
            print(f"  run {run + 1}: exit {code}, {delays[-1]:.2f} s after the signal")
        print(f"median {statistics.median(delays):.2f} s from Ctrl-C to exit (goal: exit 130 within 1 s)")
        done = subprocess.run(cybrief + ["search", "特高压", "--count", "--library", str(library)], env=env,
                              capture_output=True, text=True)
        print(f"a search afterwards (completes the index): exit {done.returncode}, "
              f"{done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
