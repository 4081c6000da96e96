"""Benchmark brief at scale: ingest, re-run, one more article, the weekly brief and the TUI, in one run.

``python bench/bench_scale.py [--articles 10000] [--seed 7] [--corpus DIR] [--no-tui]``

Makes (or takes, with ``--corpus``) a large corpus and, beside it, a copy of the
five shipped articles, and runs the same steps on both in this one run, each
as a fresh ``brief`` process whose time and peak memory are measured:

1. ``brief index`` from scratch (no index yet);
2. ``brief index`` again, nothing changed;
3. ``brief index`` after one new article is copied in;
4. ``brief build briefings/weekly.yaml --format md`` (the weekly brief, Markdown only), five times on
   each corpus in turns, the median of each;
5. the TUI, headless: time until the compose screen is interactive, a list update, memory.

Ratios large/shipped are printed beside the absolute figures: these machines
are shared and noisy, and the ratios are what the targets are about. The
corpus given with ``--corpus`` is copied first, so that its folder is left as it was.

Targets (issue "Corpora of years"): ingest of 10,000 < 60 s; re-run < 2 s; one
added article < 1 s; weekly brief ≤ 1.5× the shipped one; build peak < 400 MB;
TUI interactive < 2 s, list updates < 100 ms, memory < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEF = [sys.executable, "-m", "brief.cli"]

_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "code": done.returncode, "stderr": done.stderr[-2000:],
                  "stdout": done.stdout[-2000:]}))
"""


def measure(command: list[str], cwd: Path) -> dict:
    """Run ``command`` in a fresh process; its wall time, peak memory and exit code."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, cwd=cwd,
                          check=True)
    result = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result['code']}):\n{result['stderr']}")
    return result


def project(corpus: Path) -> Path:
    """A project folder around ``corpus``: the shipped recipes and taxonomy, outputs in out/."""
    work = Path(tempfile.mkdtemp(prefix="brief-scale-"))
    shutil.copytree(ROOT / "briefings", work / "briefings")
    return work


def one_more_article(corpus: Path) -> Path:
    """A new article, unlike any in the corpus, copied in the corpus's main format."""
    article = corpus / "zz-bench-added-article.txt"
    article.write_text(
        "Negotiators add a late round of talks\n\nBy Bench Writer\n\n"
        "Negotiators from both sides agreed on Friday to hold a further round of talks on prisoner exchanges, "
        "officials said, while the dispute over territory in the Donbas remained unresolved.\n\n"
        "European governments said any ceasefire must come with security guarantees.\n", encoding="utf-8")
    return article


def run_steps(label: str, corpus: Path, tui: bool) -> dict[str, dict]:
    work = project(corpus)
    steps: dict[str, dict] = {}
    base = [*BRIEF, "--corpus", str(corpus)]
    print(f"[{label}] ingest from scratch…", file=sys.stderr)
    steps["ingest"] = measure([*base, "index", "--rebuild"], work)
    steps["re-run"] = measure([*base, "index"], work)
    one_more_article(corpus)
    steps["+1 article"] = measure([*base, "index"], work)
    if tui:
        print(f"[{label}] TUI…", file=sys.stderr)
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_tui.py"), "--corpus", str(corpus),
                               "--project", str(work)], capture_output=True, text=True, check=True, cwd=ROOT)
        steps["tui"] = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(work, ignore_errors=True)
    return steps


def weekly_builds(corpora: dict[str, Path], runs: int = 5) -> dict[str, dict]:
    """The weekly brief (Markdown only) on each corpus, in turns, ``runs`` times; the median run of each.

    Taking turns spreads the machine's noise over both corpora alike.
    """
    works = {label: project(corpus) for label, corpus in corpora.items()}
    timings: dict[str, list[dict]] = {label: [] for label in corpora}
    for _ in range(runs):
        for label, corpus in corpora.items():
            work = works[label]
            timings[label].append(measure([*BRIEF, "--corpus", str(corpus), "build", "briefings/weekly.yaml",
                                           "--format", "md", "--out", str(work / "out")], work))
    for work in works.values():
        shutil.rmtree(work, ignore_errors=True)
    return {label: sorted(rows, key=lambda r: r["seconds"])[len(rows) // 2] for label, rows in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="a corpus to use instead of generating one (it is copied)")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI measurements")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="brief-scale-corpora-"))
    large = scratch / "large"
    if args.corpus:
        shutil.copytree(args.corpus, large, ignore=shutil.ignore_patterns(".brief-index"))
    else:
        print(f"generating {args.articles} articles…", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(args.articles), str(large),
                        "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    shipped = scratch / "shipped"
    shutil.copytree(ROOT / "seeds", shipped, ignore=shutil.ignore_patterns(".brief-index", "annotations"))
    count = sum(1 for p in large.iterdir()
                if p.is_file() and p.suffix.lower() in (".txt", ".md", ".markdown", ".html", ".htm"))

    results = {"shipped": run_steps("shipped", shipped, not args.no_tui),
               "large": run_steps(f"{count} articles", large, not args.no_tui)}
    print("weekly briefs, in turns…", file=sys.stderr)
    for label, row in weekly_builds({"shipped": shipped, "large": large}).items():
        results[label]["weekly md"] = row
    shutil.rmtree(scratch, ignore_errors=True)

    small, big = results["shipped"], results["large"]
    print(f"\n{'step':<14} {'shipped (5)':>16} {f'large ({count})':>18} {'ratio':>7}   target")
    targets = {"ingest": "< 60 s", "re-run": "< 2 s", "+1 article": "< 1 s", "weekly md": "≤ 1.5× shipped"}
    for step in ("ingest", "re-run", "+1 article", "weekly md"):
        a, b = small[step], big[step]
        print(f"{step:<14} {a['seconds']:>9.2f} s {a['peak_mb']:>4.0f} MB {b['seconds']:>9.2f} s {b['peak_mb']:>5.0f} MB "
              f"{b['seconds'] / a['seconds']:>6.2f}x   {targets[step]}")
    if "tui" in big:
        a, b = small["tui"], big["tui"]
        for key, unit, target in (("launch_s", "s", "< 2 s"), ("list_update_ms", "ms", "< 100 ms"),
                                  ("topic_toggle_ms", "ms", "-"), ("search_keystroke_ms", "ms", "-"),
                                  ("peak_rss_mb", "MB", "< 500 MB")):
            print(f"tui {key:<17} {a[key]:>9.1f} {unit:<2} {'':>5} {b[key]:>9.1f} {unit:<2} {'':>6}"
                  f"{b[key] / a[key] if a[key] else float('nan'):>6.2f}x   {target}")
    print(f"\nbuild peak memory at {count}: {big['weekly md']['peak_mb']:.0f} MB (target < 400 MB)")


if __name__ == "__main__":
    main()
