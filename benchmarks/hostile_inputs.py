"""Time and memory to load or refuse the worst brief files under the caps: goal 1 s and 200 MB each.

Usage: python benchmarks/hostile_inputs.py [CASE ...]

Each case is built as large as the caps allow (5 MiB, 50,000 YAML nodes, 64 levels) and loaded in a
fresh process with cybrief.brief.load.load_brief; the process reports the wall time of the load and how far
its peak resident memory rose above what it was before. tests/test_limits.py checks the memory of a
few of these cases with a generous bound; the times are for people to read, not for tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import positional

HERE = Path(__file__).resolve().parent
MINI = (HERE.parent / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
MIB = 1024 * 1024
sys.path.insert(0, str(HERE.parent / "src"))
from cybrief.brief.yamlnodes import MAX_NODES as NODES  # noqa: E402
GOAL_SECONDS, GOAL_MB = 1.0, 200


def _mini_head() -> str:
    return MINI.split("targets:\n")[0]


def _target(i: int) -> str:
    return (
        f"  - {{id: t{i}, delegate: zhang-san, sector: energy, region: 重庆, metric: 电网投资, metric_en: Grid,"
        f" figure: 超1000亿元, value: 100000000000, unit: 元, qualifier: over, kind: plan, paragraph: 3}}\n"
    )


CASES = {
    # just under the node cap: every node as small as YAML allows
    "tiny-scalars-flow": lambda: "[" + "a," * (NODES - 2) + "a]\n",
    "tiny-scalars-block": lambda: "- a\n" * (NODES - 1),
    "unknown-fields": lambda: "".join(f"k{i}: v\n" for i in range(NODES // 2 - 1)),
    "duplicate-keys": lambda: "k: v\n" * (NODES // 2 - 1),
    "nested-63-deep": lambda: ("- " + "[" * 62 + "a" + "]" * 62 + "\n") * (NODES // 64),
    "dangling-references": lambda: (
        "delegates:\n" + "".join(f"  - {{id: d{i}}}\n" for i in range(NODES // 6 - 2))
        + "targets:\n" + "".join(f"  - {{delegate: x{i}}}\n" for i in range(NODES // 6 - 2))
    ),
    "valid-1800-targets": lambda: _mini_head() + "targets:\n" + "".join(_target(i) for i in range(1800)),
    # just under the size cap
    "one-5-mib-scalar": lambda: MINI.replace("title: 测试简报", "title: " + "长" * (5 * MIB // 3 - 1000)),
    "5-mib-of-comments": lambda: "# " + "x" * 78 + "\n" * 1 + ("#" + " " * 78 + "\n") * (5 * MIB // 80 - 30) + MINI,
    "5-mib-of-lines": lambda: "\n" * (5 * MIB - len(MINI.encode()) - 10) + MINI,
    "long-key": lambda: "a" * (5 * MIB - 10) + ": b\n",
    "many-documents": lambda: "---\na: b\n" * (5 * MIB // 9),
    "control-at-the-end": lambda: MINI + "#" * (5 * MIB - len(MINI.encode()) - 10) + "\x1b\n",
    "gbk-5-mib": lambda: (MINI * (5 * MIB // 2000)).encode("gb18030"),
    # refused at the first sign
    "over-the-node-cap": lambda: "[" + "a," * NODES + "a]\n",
    "alias-bomb": lambda: (HERE.parent / "tests" / "fixtures" / "hostile" / "alias_bomb.yaml").read_text(encoding="utf-8"),
    "deep-1100": lambda: "a: " + "[" * 1100 + "]" * 1100 + "\n",
}

_PROBE = """
import json, resource, sys, time
from cybrief.errors import CybriefError
from cybrief.brief.load import load_brief
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    load_brief(sys.argv[1])
    outcome = "loaded"
except CybriefError as exc:
    outcome = f"refused, {len(exc.problems if hasattr(exc, 'problems') else [0])} problem(s): {exc.lines()[0][-90:]}"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(json.dumps({"seconds": seconds, "mb": (peak - before) / 1024, "outcome": outcome}))
"""


def build(name: str, folder: Path) -> Path:
    content = CASES[name]()
    path = folder / f"{name}.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def measure(name: str, folder: Path) -> dict:
    """Load one case in a fresh process; its size, the load's wall time, the rise of peak memory, the outcome."""
    path = build(name, folder)
    done = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    result["bytes"] = path.stat().st_size
    return result


def main() -> None:
    [names] = positional(__doc__, ("case", [], f"cases to run (default all): {', '.join(CASES)}"))
    names = names or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        sys.exit(f"hostile_inputs.py: unknown case {unknown[0]!r}; choose from {', '.join(CASES)}")
    print(f"load or refuse, each in a fresh process; goals: {GOAL_SECONDS} s, {GOAL_MB} MB above the start")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            r = measure(name, Path(tmp))
            verdict = "meets" if r["seconds"] <= GOAL_SECONDS and r["mb"] <= GOAL_MB else "MISSES"
            print(f"  {name:<22} {r['bytes'] / MIB:5.2f} MiB  {r['seconds']:6.3f} s  {r['mb']:6.1f} MB  {verdict}  {r['outcome']}")


if __name__ == "__main__":
    main()
