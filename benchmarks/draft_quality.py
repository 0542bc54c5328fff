"""How good drafts are: `cybrief draft` on real reports, scored against hand annotations of them.

Usage:
    python benchmarks/draft_quality.py --articles DIR [--gold DIR] [--keep DIR] [--reference SCORE_PY] [--detail]
    python benchmarks/draft_quality.py HAND_BRIEF ARTICLE [--year YYYY]      (one article against a hand brief)

With --articles, each DIR/ID.txt that has a gold/ID.yaml is drafted by running `cybrief draft ID.txt -o ID.yaml`
as a process (so the time includes start-up, as a user sees it), and the draft is checked with
`cybrief validate`. Per article and in total it prints: speakers recall and precision; role and organization
right as stated; figures right (speaker, value, unit and qualifier) recall and precision, with the looser
count of figures given to the right speaker beside them; articles refused (no draft written: the exit code is
shown); drafts `cybrief validate` refuses; seconds per article, and that time over `python -c pass` measured
in the same run. --detail lists, per article, the speakers missed or extra and every figure matched, missed
or extra. --reference runs the development set's own scorer (score.py GOLD DRAFTS) on the same drafts and
checks that its totals agree with these.

The gold folder defaults to ../shared/draft-dev/gold beside the checkout.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import COUNTS, score  # noqa: E402
from _timing import bytecode_env, cybrief_command  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "draft-dev" / "gold"


def _ratio(a: int, b: int) -> str:
    return "—" if b == 0 else f"{a}/{b} {a / b:4.0%}"


def _timed(argv: list[str], env) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, done


def _row(label: str, c: dict, refused: str, valid: str, seconds: str) -> str:
    return (f"| {label} | {_ratio(c['spk_tp'], c['spk_gold'])} | {_ratio(c['spk_tp'], c['spk_draft'])} "
            f"| {_ratio(c['role_ok'], c['spk_tp'])} | {_ratio(c['org_ok'], c['spk_tp'])} "
            f"| {_ratio(c['fig_exact'], c['fig_gold'])} | {_ratio(c['fig_exact'], c['fig_draft_nodup'])} "
            f"| {_ratio(c['fig_attr'], c['fig_gold'])} | {_ratio(c['fig_attr'], c['fig_draft_nodup'])} "
            f"| {refused} | {valid} | {seconds} |")


def run_set(articles: Path, gold: Path, keep: Path | None, detail: bool, reference: Path | None) -> int:
    ids = sorted(p.stem for p in articles.glob("*.txt") if (gold / f"{p.stem}.yaml").exists())
    if not ids:
        print(f"draft_quality: no ARTICLE.txt in {articles} has a gold file in {gold}", file=sys.stderr)
        return 2
    out = keep or Path(tempfile.mkdtemp(prefix="draft-quality-"))
    out.mkdir(parents=True, exist_ok=True)
    env = bytecode_env()
    cybrief = cybrief_command()
    _timed([sys.executable, "-c", "pass"], env)  # warm the file cache, as a user's second run is
    _timed(cybrief + ["--version"], env)
    baseline: list[float] = []
    results = []
    for article_id in ids:
        draft = out / f"{article_id}.yaml"
        draft.unlink(missing_ok=True)
        baseline.append(_timed([sys.executable, "-c", "pass"], env)[0])
        seconds, done = _timed(cybrief + ["draft", str(articles / f"{article_id}.txt"), "-o", str(draft), "--force"], env)
        valid = None
        if draft.exists():
            valid = subprocess.run(cybrief + ["validate", str(draft)], capture_output=True, text=True, env=env).returncode == 0
        results.append((article_id, seconds, done, valid, score(gold / f"{article_id}.yaml", draft)))

    print(f"{len(ids)} articles from {articles}, scored against {gold}; drafts in {out}")
    print()
    print("| article | speakers R | speakers P | role as stated | organization as stated | figures right R "
          "| figures right P | right speaker R | right speaker P | refused | validates | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    total = dict.fromkeys(COUNTS, 0)
    for article_id, seconds, done, valid, s in results:
        for key in COUNTS:
            total[key] += s.counts[key]
        refused = "no" if s.drafted else f"yes (exit {done.returncode})"
        print(_row(article_id, s.counts, refused, "—" if valid is None else "yes" if valid else "NO", f"{seconds:.2f}"))
    refused = sum(not s.drafted for *_, s in results)
    invalid = sum(valid is False for _, _, _, valid, _ in results)
    times = [seconds for _, seconds, *_ in results]
    print(_row("**total**", total, f"{refused}/{len(ids)}", f"{len(ids) - refused - invalid}/{len(ids) - refused}",
               f"{statistics.mean(times):.2f} mean, {max(times):.2f} max"))
    pass_median = statistics.median(baseline)
    print()
    print(f"seconds per article (the whole `cybrief draft` process): mean {statistics.mean(times):.2f}, "
          f"median {statistics.median(times):.2f}, max {max(times):.2f}; `python -c pass` median "
          f"{pass_median:.3f} s in the same run, so a draft takes {statistics.median(times) / pass_median:.1f}x it")
    for article_id, _, done, _, s in results:
        if not s.drafted or done.returncode:
            lines = done.stderr.strip().splitlines()
            print(f"{article_id}: exit {done.returncode}: {lines[-1] if lines else ''}")
    if detail:
        for article_id, _, _, _, s in results:
            print()
            print(f"## {article_id}  speakers missed {s.missed}, extra (mentioned only) {s.extra_mentioned}, "
                  f"extra (other) {s.extra_other}")
            for line in s.details + s.rows:
                print("   ", line)
    if reference is not None:
        return _check_reference(reference, gold, out, {i: s.counts for i, *_, s in results}, total)
    return 0


def _cells(c: dict) -> list:
    """Our counts as the reference scorer's first seven columns print them (— where nothing is counted)."""
    pairs = [(c["spk_tp"], c["spk_gold"]), (c["spk_tp"], c["spk_draft"]), (c["role_ok"], c["spk_tp"]),
             (c["org_ok"], c["spk_tp"]), (c["fig_attr"], c["fig_gold"]), (c["fig_attr"], c["fig_draft_nodup"]),
             (c["fig_exact"], c["fig_gold"])]
    return [pair if pair[1] else None for pair in pairs]


def _check_reference(reference: Path, gold: Path, drafts: Path, per_article: dict[str, dict], total: dict) -> int:
    """Run the reference scorer on the same drafts; every article's row and the total must show our counts."""
    done = subprocess.run([sys.executable, str(reference), str(gold), str(drafts), *per_article],
                          capture_output=True, text=True)
    theirs: dict[str, list] = {}
    for row in done.stdout.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        label = cells[0].split(" ")[0] if cells else ""
        if row.startswith("| ") and (label in per_article or label == "**total**"):
            theirs[label] = [tuple(map(int, m.groups())) if (m := re.fullmatch(r"(\d+)/(\d+)", cell)) else None
                             for cell in cells[1:8]]
    if done.returncode or "**total**" not in theirs:
        print(f"draft_quality: the reference scorer failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return 2
    ours = {article_id: _cells(counts) for article_id, counts in per_article.items()} | {"**total**": _cells(total)}
    differ = [label for label in ours if ours[label] != theirs.get(label)]
    print()
    if not differ:
        print(f"the reference scorer ({reference}) agrees on every article and on the total")
        return 0
    for label in differ:
        print(f"the reference scorer DISAGREES on {label}: theirs {theirs.get(label)}, ours {ours[label]}")
    return 1


def run_one(hand_brief: Path, article: Path, year: int | None) -> int:
    """One article against a hand-made brief of it (the format's own briefs, not the development set)."""
    from cybrief.draft import draft_bytes
    from cybrief.draft.article import read_article
    from cybrief.draft.quality import Comparison
    from cybrief.errors import CybriefError
    from cybrief.brief.load import load_brief

    try:
        hand = load_brief(hand_brief)
        draft = draft_bytes(read_article(article, str(article)), str(article), year=year)
    except CybriefError as exc:
        for line in exc.lines():
            print(f"draft_quality: {line}", file=sys.stderr)
        return 2
    comparison = Comparison(draft.brief, hand)
    print(f"{article.name} against {hand_brief.name} (read as {draft.encoding})")
    for line in comparison.lines():
        print(line)
    repaired = draft.article
    print(f"paragraphs: {len(repaired.paragraphs)}; joined again: {repaired.joined or 'none'}")
    for number in repaired.joined:
        print(f"  {number}: {repaired.paragraph(number)[:60]}…")
    print(f"captions set aside: {repaired.captions or 'none'}")
    print(f"fields marked for review: {draft.reviews}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hand_brief", type=Path, nargs="?")
    parser.add_argument("article", type=Path, nargs="?")
    parser.add_argument("--year", type=int, default=None, help="year of the sessions (with HAND_BRIEF ARTICLE)")
    parser.add_argument("--articles", type=Path, help="folder of ID.txt articles to draft and score")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of ID.yaml annotations")
    parser.add_argument("--keep", type=Path, help="write the drafts here (default: a temporary folder)")
    parser.add_argument("--detail", action="store_true", help="list every speaker and figure matched or not")
    parser.add_argument("--reference", type=Path, help="the development set's score.py, to check agreement")
    args = parser.parse_args()
    if args.articles is not None:
        if not args.gold.is_dir():
            parser.error(f"--gold {args.gold}: not a folder (the annotations are in ../shared/draft-dev/gold)")
        return run_set(args.articles, args.gold, args.keep, args.detail, args.reference)
    if args.hand_brief is None or args.article is None:
        parser.error("give --articles DIR, or HAND_BRIEF ARTICLE")
    return run_one(args.hand_brief, args.article, args.year)


if __name__ == "__main__":
    sys.exit(main())
