"""Every example of README.md, docs/*.md and every command's --help runs as written, with the exit code it states.

The examples are found anew on each run (tests/examples.py), so that an example added to a page or a
docstring is tested without changing this file.
"""

from __future__ import annotations

import pytest

from examples import ROOT, from_help, from_markdown, lay_out, run, shown_matches

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _help_examples():
    from cybrief.cli import app

    return [(c.name or c.callback.__name__, c.callback.__doc__) for c in app.registered_commands]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_example_of_a_page_runs_in_order(page, tmp_path):
    examples = from_markdown(page)
    folder = tmp_path / "reader"
    folder.mkdir()
    lay_out(folder)
    _run_all(examples, folder)


@pytest.mark.parametrize("command, doc", _help_examples(), ids=lambda v: v if isinstance(v, str) and " " not in v else "")
def test_every_help_example_runs_in_order(command, doc, tmp_path):
    examples = from_help(command, doc)
    assert examples, f"cybrief {command} --help has no example"
    folder = tmp_path / "reader"
    folder.mkdir()
    lay_out(folder)
    _run_all(examples, folder)


def _run_all(examples, folder):
    failed, skipped = [], []
    for example in examples:
        reason = example.skip_reason()
        if reason is not None:
            skipped.append(f"{example!r} ({reason})")
            continue
        done = run(example, folder)
        if done.returncode != example.exit:
            failed.append(f"{example!r}: exit {done.returncode}, not {example.exit}: {done.stderr.strip()[-600:]}")
            continue
        differs = shown_matches(example.shown, done.stdout) if example.shown else None
        if differs:
            failed.append(f"{example!r}: {differs}")
        if "Traceback" in done.stderr and not example.python:
            failed.append(f"{example!r}: a traceback: {done.stderr[-600:]}")
    assert failed == [], "\n".join(failed)
    if skipped and not any(e.skip_reason() is None for e in examples):
        pytest.skip("; ".join(skipped))
    for line in skipped:  # shown with -rs only as warnings: the rest of the page ran
        print("skipped:", line)


def test_the_examples_are_found():
    """The harness finds each kind of example: shell lines, console commands with their output, Python blocks,
    help examples, and exit codes stated in a comment."""
    readme = from_markdown(ROOT / "README.md")
    assert any(e.shown for e in readme), "console examples carry the output they show"
    assert any(e.python for p in PAGES for e in from_markdown(p))
    assert sum(len(from_markdown(p)) for p in PAGES) >= 60
    helps = [e for name, doc in _help_examples() for e in from_help(name, doc)]
    assert len(helps) >= 2 * len(_help_examples())
    assert {e.exit for p in PAGES for e in from_markdown(p)} >= {0, 2}
