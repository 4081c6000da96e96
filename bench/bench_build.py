"""Benchmark a brief build: Markdown only, full (Markdown + PDF), and WeasyPrint alone.

Run from the project folder: ``python bench/bench_build.py [--recipe briefings/situation.yaml] [--runs 5]``.
Each variant runs in one process, in turns, and the medians are compared as
ratios measured in this one run, since these machines are shared and noisy.

Targets (from the engine issue): Markdown-only at most 1/4 of the full build;
everything but typesetting at most 1/5 of the full build.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from brief.build import build, template_dirs
from brief.render_pdf import brief_html, html_to_pdf
from brief.workspace import ProjectPaths, load_workspace

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipe", type=Path, default=ROOT / "briefings" / "situation.yaml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = ProjectPaths.discover(recipe=args.recipe)
    out = Path(tempfile.mkdtemp(prefix="brief-bench-"))

    # Warm up once: imports (WeasyPrint's is large) are not what we measure.
    result = build(paths, args.recipe, out_dir=out)
    workspace = load_workspace(paths)
    from brief.build import load_recipe_for

    dirs = template_dirs(paths, load_recipe_for(workspace, args.recipe))
    html = brief_html(result.markdown, dirs)

    timings: dict[str, list[float]] = {"markdown-only build": [], "full build": [], "weasyprint alone": []}
    for _ in range(args.runs):
        start = time.perf_counter()
        build(paths, args.recipe, out_dir=out, formats=["md"])
        timings["markdown-only build"].append(time.perf_counter() - start)
        start = time.perf_counter()
        build(paths, args.recipe, out_dir=out, formats=["md", "pdf"])
        timings["full build"].append(time.perf_counter() - start)
        start = time.perf_counter()
        html_to_pdf(html, dirs)
        timings["weasyprint alone"].append(time.perf_counter() - start)

    medians = {name: statistics.median(values) for name, values in timings.items()}
    full = medians["full build"]
    print(f"recipe {args.recipe.name}, {args.runs} runs each, medians:")
    for name, value in medians.items():
        print(f"  {name:<22} {value * 1000:8.1f} ms")
    md_ratio = medians["markdown-only build"] / full
    rest_ratio = (full - medians["weasyprint alone"]) / full
    print(f"markdown-only / full              = {md_ratio:.3f}  (target <= 0.25) {'ok' if md_ratio <= 0.25 else 'MISSED'}")
    print(f"(full - typesetting) / full       = {rest_ratio:.3f}  (target <= 0.20) {'ok' if rest_ratio <= 0.20 else 'MISSED'}")


if __name__ == "__main__":
    main()
