"""The cost curve: how ingest, re-runs and briefs grow with the corpus, for docs/scaling.md.

``python bench/cost_curve.py [--sizes 500,2000,5000,10000] [--seed 7]`` generates
a corpus of each size (``bench/make_corpus.py``) and measures, each as a fresh
``brief`` process: ingest from scratch, a re-run with nothing changed, the
weekly brief and the whole-corpus situation brief (Markdown only), with their
peak memory, and the index's size on disk. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import BRIEF, ROOT, measure, project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000,10000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        scratch = Path(tempfile.mkdtemp(prefix="brief-curve-"))
        corpus = scratch / "corpus"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(size), str(corpus),
                        "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
        work = project(corpus)
        base = [*BRIEF, "--corpus", str(corpus)]
        print(f"{size} articles…", file=sys.stderr)
        ingest = measure([*base, "index", "--rebuild"], work)
        rerun = measure([*base, "index"], work)
        weekly = measure([*base, "build", "briefings/weekly.yaml", "--format", "md", "--out", str(work / "out")], work)
        whole = measure([*base, "build", "briefings/situation.yaml", "--format", "md", "--out", str(work / "out")],
                        work)
        size_mb = sum(p.stat().st_size for p in (corpus / ".brief-index").iterdir()) / 1e6
        rows.append((size, ingest, rerun, weekly, whole, size_mb))
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print("| articles | ingest | re-run | weekly brief (md) | whole-corpus brief (md) | index on disk |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size, ingest, rerun, weekly, whole, size_mb in rows:
        print(f"| {size:,} | {ingest['seconds']:.1f} s, {ingest['peak_mb']:.0f} MB | {rerun['seconds']:.2f} s | "
              f"{weekly['seconds']:.2f} s, {weekly['peak_mb']:.0f} MB | {whole['seconds']:.2f} s, "
              f"{whole['peak_mb']:.0f} MB | {size_mb:.0f} MB |")


if __name__ == "__main__":
    main()
