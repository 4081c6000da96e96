"""Benchmark the terminal UI on the shipped corpus and on a generated one, in one run.

``python bench/bench_tui.py [--articles 1000] [--seed 7]`` generates a corpus
with ``bench/make_corpus.py`` (kept in a temporary folder), then for each corpus
measures, headless at 160×45: time to an interactive compose screen, time for a
search keystroke to update the excerpt list, time for a topic toggle to update
list and preview, and the process's peak memory. Ratios to the shipped corpus
are printed beside the absolute figures, since these machines are shared and noisy.

Targets (TUI issue): interactive within 2 s, updates within 100 ms, under 500 MB
at 10,000 articles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def measure(corpus: Path, project: Path | None = None) -> dict[str, float]:
    from brief.workspace import ProjectPaths
    from tui.app import BriefApp
    from tui.compose_screen import ComposeScreen

    work = Path(tempfile.mkdtemp(prefix="brief-tui-bench-"))
    shutil.copytree(project / "briefings" if project else ROOT / "briefings", work / "briefings")
    paths = ProjectPaths(root=work, corpus=corpus, briefings=work / "briefings")
    started = time.perf_counter()
    app = BriefApp(paths, None, out_dir=work / "out", restore_draft=False)
    results: dict[str, float] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        # Interactive: the compose screen is up, perhaps under the one dialog listing the corpus's problems.
        while not any(isinstance(shown, ComposeScreen) for shown in app.screen_stack):
            await pilot.pause(0.01)
        await pilot.pause()
        results["launch_s"] = time.perf_counter() - started
        results["startup_dialogs"] = 0
        while not isinstance(app.screen, ComposeScreen):
            results["startup_dialogs"] += 1
            await pilot.press("escape")
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComposeScreen)
        await pilot.press("slash")
        keystrokes = []
        for key in "talks":
            before = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            keystrokes.append(time.perf_counter() - before)
        results["search_keystroke_ms"] = 1000 * sorted(keystrokes)[len(keystrokes) // 2]
        # The list update alone, without the test harness's own pauses.
        updates = []
        for _ in range(5):
            before = time.perf_counter()
            screen.refresh_excerpts()
            updates.append(time.perf_counter() - before)
        results["list_update_ms"] = 1000 * sorted(updates)[2]
        topic = app.workspace.taxonomy.topic_ids()[0]
        ids = app.workspace.taxonomy.topic_ids()
        before = time.perf_counter()
        app.change(lambda c: c.toggle_topic(topic, ids))
        await pilot.pause()
        results["topic_toggle_ms"] = 1000 * (time.perf_counter() - before)
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results["excerpts"] = app.workspace.index.counts()[1]
    shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus is not None:  # the child process: one corpus, results as JSON
        print(json.dumps(asyncio.run(measure(args.corpus, args.project))))
        return
    generated = Path(tempfile.mkdtemp(prefix="brief-corpus-"))
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(args.articles), str(generated),
                    "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    rows = {}
    for label, corpus in (("shipped (5)", ROOT / "seeds"), (f"generated ({args.articles})", generated)):
        # Each corpus in its own process, so peak memory is that corpus's alone.
        done = subprocess.run([sys.executable, __file__, "--corpus", str(corpus)], check=True,
                              capture_output=True, text=True, cwd=ROOT)
        rows[label] = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(generated, ignore_errors=True)
    base = rows["shipped (5)"]
    print(f"{'corpus':<20} {'excerpts':>9} {'launch s':>9} {'key→screen ms':>14} {'list ms':>8} "
          f"{'toggle ms':>10} {'peak MB':>8}")
    for label, row in rows.items():
        print(f"{label:<20} {row['excerpts']:>9.0f} {row['launch_s']:>9.2f} {row['search_keystroke_ms']:>14.1f} "
              f"{row['list_update_ms']:>8.1f} {row['topic_toggle_ms']:>10.1f} {row['peak_rss_mb']:>8.0f}")
    big = rows[f"generated ({args.articles})"]
    print("ratios generated/shipped: launch {:.1f}x, list update {:.1f}x, toggle {:.1f}x, memory {:.1f}x".format(
        big["launch_s"] / base["launch_s"], big["list_update_ms"] / base["list_update_ms"],
        big["topic_toggle_ms"] / base["topic_toggle_ms"], big["peak_rss_mb"] / base["peak_rss_mb"]))


if __name__ == "__main__":
    main()
