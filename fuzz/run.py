"""Run a fuzz target for a while: python fuzz/run.py [TARGET ...] [--engine hypothesis|atheris] [--seconds N] [--runs N]

Engines:
  hypothesis  (default) mutates the seed files byte by byte and also tries arbitrary bytes; deterministic
              for a given --seed, and a failure is shrunk to a small input, printed with its bytes.
  atheris     coverage-guided (libFuzzer) over an instrumented cybrief; needs `pip install atheris`
              (the `fuzz` extra), which builds only where a wheel fits or clang is installed.

Both stop after --seconds or --runs, whichever comes first, and print the number of inputs run.
Exit code 0 when no input broke the target, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.targets import TARGETS  # noqa: E402

# Bytes that YAML and cybrief care about, spliced in by the mutator.
DICTIONARY = [
    b"\n", b"  ", b"- ", b": ", b"? ", b"[", b"]", b"{", b"}", b",", b"#", b"&a ", b"*a", b"!!python/object:x ",
    b"!x ", b"|\n", b">-\n", b"'", b'"', b"---\n", b"...\n", b"%YAML 1.1\n", b"<<: ", b"\\u202e", b"\\x1b", b"\\e",
    b"\xef\xbb\xbf", b"\x00", b"\x1b", b"\xc2\x85", b"\xe2\x80\xae", b"\xff", b"\xe6\xb5", b"1e999999", b"1/0",
    b"99999999999999999999", b"NO", b"~", b"null", b"2026-02-30", b"id", b"value", b"targets", b"delegates", b"sectors",
]


def _mutations(seeds: list[bytes]):
    """Hypothesis strategy: a seed with a few byte-level edits, or arbitrary bytes."""
    from hypothesis import strategies as st

    @st.composite
    def mutate(draw):
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(data)))
            end = min(len(data), at + draw(st.integers(0, 32)))
            op = draw(st.sampled_from(["insert", "delete", "replace", "repeat", "splice", "flip"]))
            if op == "insert":
                data[at:at] = draw(st.sampled_from(DICTIONARY) | st.binary(max_size=8))
            elif op == "delete":
                del data[at:end]
            elif op == "replace":
                data[at:end] = draw(st.sampled_from(DICTIONARY))
            elif op == "repeat":
                data[at:at] = bytes(data[at:end]) * draw(st.integers(2, 50))
            elif op == "splice":
                other = draw(st.sampled_from(seeds))
                start = draw(st.integers(0, len(other)))
                data[at:end] = other[start : start + draw(st.integers(0, 200))]
            elif at < len(data):
                data[at] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)

    return st.one_of(mutate(), st.binary(max_size=512)) if seeds else st.binary(max_size=4096)


def run_hypothesis(target, *, runs: int, seconds: float, seed: int = 0, quiet: bool = False) -> int:
    """Run `target` on up to `runs` inputs (in batches, each with its own fixed seed) within `seconds`; return inputs run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fixed_seed

    strategy = _mutations(target.seeds())
    count = 0
    deadline = time.monotonic() + seconds
    batch = 0
    while count < runs and time.monotonic() < deadline:
        size = min(500, runs - count)

        @fixed_seed(seed * 1_000_003 + batch)
        @settings(
            max_examples=size, database=None, deadline=None, derandomize=False, print_blob=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def fuzz(data):
            nonlocal count
            count += 1
            target(data)

        fuzz()
        batch += 1
    if not quiet:
        print(f"{target.name}: {count} inputs, no failure (hypothesis, seed {seed})")
    return count


INSTRUMENTED = [
    "cybrief.brief.yamlnodes", "cybrief.brief.load", "cybrief.files", "cybrief.brief.dump", "cybrief.library.cache", "cybrief.render.views",
    "cybrief.search.run", "cybrief.render.csv", "cybrief.render.json", "cybrief.render.markdown", "cybrief.render.terminal",
    "cybrief.figures.numerals", "cybrief.figures.quantity", "cybrief.brief.figurecheck",
]


def run_atheris(target, *, runs: int, seconds: float, seed: int = 0) -> None:
    import importlib
    import tempfile

    import atheris

    with atheris.instrument_imports(include=["cybrief"]):  # coverage feedback from cybrief's own code
        for module in INSTRUMENTED:
            importlib.import_module(module)

    corpus = Path(tempfile.mkdtemp(prefix=f"cybrief-fuzz-{target.name}-"))
    for index, data in enumerate(target.seeds()):
        (corpus / f"seed-{index:03d}").write_bytes(data)
    argv = [sys.argv[0], str(corpus), f"-max_total_time={int(seconds)}", f"-seed={seed or 1}", "-max_len=65536"]
    if runs:
        argv.append(f"-runs={runs}")
    atheris.Setup(argv, target)
    atheris.Fuzz()  # prints libFuzzer's statistics, "Done N runs" at the end, and exits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", default=sorted(TARGETS), help=f"default: all of {', '.join(sorted(TARGETS))}")
    parser.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--runs", type=int, default=0, help="stop after this many inputs (0: only the time limit)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    unknown = [name for name in args.targets if name not in TARGETS]
    if unknown:
        parser.error(f"unknown target {', '.join(unknown)}; known: {', '.join(sorted(TARGETS))}")
    if args.engine == "atheris":
        if len(args.targets) != 1:
            parser.error("atheris runs one target per process")
        run_atheris(TARGETS[args.targets[0]], runs=args.runs, seconds=args.seconds, seed=args.seed)
        return 0
    try:
        for name in args.targets:
            run_hypothesis(TARGETS[name], runs=args.runs or 10**9, seconds=args.seconds, seed=args.seed)
    except Exception as exc:  # Hypothesis has printed the shrunk input that fails
        print(f"fuzz failure: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
