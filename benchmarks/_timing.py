"""Shared helpers for the benchmarks: alternate commands, time whole processes, report medians and ratios."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def positional(doc: str, *arguments: tuple[str, object, str]) -> list:
    """The script's positional arguments, each (name, default, help), read by argparse: --help prints the script's
    docstring, a bad value one line. The type of each is that of its default; a list default takes any number."""
    import argparse

    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default, text in arguments:
        if isinstance(default, list):
            parser.add_argument(name, nargs="*", default=default, help=text)
        else:
            parser.add_argument(name, nargs="?", type=type(default), default=default, help=text)
    found = parser.parse_args()
    return [getattr(found, name) for name, _, _ in arguments]


def cybrief_command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m cybrief`."""
    script = Path(sys.executable).with_name("cybrief")
    if script.exists():
        return [str(script)]
    found = shutil.which("cybrief")
    return [found] if found else [sys.executable, "-m", "cybrief"]


def bytecode_env(env=None) -> dict:
    """The environment to time commands in: as given (or this one), but free to write bytecode, as an
    installed package does on its first run (PYTHONDONTWRITEBYTECODE would make every run compile)."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(argv: list[str], env=None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def alternate(commands: dict[str, list[str]], runs: int, warmup: int = 2, env=None) -> dict[str, list[float]]:
    """Run every command in turn, round after round, so drift in machine speed hits them all alike."""
    env = bytecode_env(env)
    for _ in range(warmup):
        for argv in commands.values():
            run_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run_once(argv, env))
    return times


def median_ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """Median of the round-by-round ratios a/b (each round ran both back to back)."""
    return statistics.median(x / y for x, y in zip(times[a], times[b]))


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def check_exit(argv: list[str]) -> None:
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmark command failed ({done.returncode}): {' '.join(argv)}\n{done.stderr}")
