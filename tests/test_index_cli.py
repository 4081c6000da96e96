"""`brief index` and the index as the CLI user meets it: summaries, progress, a damaged file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from brief.index import index_location
from brief.progress import QUIET_BELOW, TerminalProgress

from .conftest import run_brief_subprocess


def test_index_says_what_it_did_and_a_second_run_reads_nothing(project: Path, cli) -> None:
    first = cli("index", cwd=project)
    assert first.code == 0, first.err
    assert "5 sources" in first.out and "5 read" in first.out
    second = cli("index", cwd=project)
    assert "0 read" in second.out and "5 unchanged" in second.out
    rebuilt = cli("index", "--rebuild", "--check", cwd=project)
    assert "5 read" in rebuilt.out and "the index file is sound" in rebuilt.out


def test_a_damaged_index_is_rebuilt_and_the_command_still_answers(project: Path) -> None:
    # Separate processes, as a user runs them: SQLite shares open files within one process.
    expected = run_brief_subprocess("excerpts", "--topic", "territory", cwd=project).stdout
    location = index_location(project / "seeds")
    for suffix in ("-wal", "-shm"):
        Path(str(location) + suffix).unlink(missing_ok=True)
    data = bytearray(location.read_bytes())
    # Keep the header (so the file opens) and wreck the pages behind it.
    data[4096:] = bytes((i * 7) % 251 for i in range(len(data) - 4096))
    location.write_bytes(bytes(data))
    result = run_brief_subprocess("excerpts", "--topic", "territory", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "rebuilding it from the corpus files" in result.stderr
    assert result.stdout == expected


def test_briefs_started_together_on_a_corpus_with_no_index_make_one_index(project: Path) -> None:
    # A scheduled build and the analyst's TUI may start at once on a fresh corpus: each must wait for the other's
    # index to be made, not make its tables again (found by four weekly builds started together; with eight, the
    # old code lost the race every time it was tried).
    assert not index_location(project / "seeds").exists()
    started = [subprocess.Popen([sys.executable, "-m", "brief.cli", "excerpts", "--topic", "territory"], cwd=project,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
    finished = [process.communicate(timeout=300) for process in started]
    for process, (_out, err) in zip(started, finished, strict=True):
        assert process.returncode == 0, err
        assert "rebuilding" not in err and "could not be used" not in err
    assert len({out for out, _ in finished}) == 1 and "territory" in finished[0][0]


def test_garbage_instead_of_an_index_is_replaced(project: Path) -> None:
    run_brief_subprocess("index", cwd=project)
    location = index_location(project / "seeds")
    for suffix in ("-wal", "-shm"):
        Path(str(location) + suffix).unlink(missing_ok=True)
    location.write_bytes(b"this is not a database" * 100)
    result = run_brief_subprocess("index", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "could not be used" in result.stderr and "5 read" in result.stdout


def test_search_words_are_never_query_syntax(project: Path, cli) -> None:
    for search in ("U.S.", "AT&T", "talks -doha", '"', "*", "NEAR(", "OR", "AND NOT (", "-"):
        result = cli("excerpts", "--search", search, cwd=project)
        assert result.code == 0, (search, result.err)
    us = cli("excerpts", "--search", "U.S.", "--json", cwd=project).out
    assert "U.S." in us
    without = cli("excerpts", "--search", "talks -Witkoff", cwd=project).out
    assert "talks" in without.lower() and "Witkoff" not in without


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere() -> None:
    total = QUIET_BELOW * 4
    plain = io.StringIO()
    report = TerminalProgress(plain, tty=False)
    for done in range(total + 1):
        report(done, total, "indexing")
    lines = plain.getvalue().splitlines()
    assert lines[0].startswith("indexing: 0/") and lines[-1].startswith(f"indexing: {total}/{total}")
    assert 5 <= len(lines) <= 12  # about one line per tenth, not one per article
    bar = io.StringIO()
    report = TerminalProgress(bar, tty=True)
    report(0, total, "indexing")
    report(total, total, "indexing")
    assert "\r" in bar.getvalue() and "#" * 10 in bar.getvalue() and bar.getvalue().endswith("\n")
    quiet = io.StringIO()
    TerminalProgress(quiet, tty=False)(1, QUIET_BELOW - 1, "indexing")
    assert quiet.getvalue() == ""


def test_a_missing_corpus_folder_is_an_error_and_nothing_is_made(tmp_path: Path, cli) -> None:
    missing = tmp_path / "no-such-corpus"
    result = cli("--corpus", missing, "index", cwd=tmp_path)
    assert result.code == 2 and "corpus folder not found" in result.err
    assert not missing.exists()


def test_a_file_given_as_the_corpus_is_named_as_a_file(project: Path, cli) -> None:
    recipe = project / "briefings" / "weekly.yaml"
    before = recipe.read_bytes()
    result = cli("build", recipe, "--corpus", recipe, cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{recipe}: the corpus is a file, not a folder" in result.err and "--corpus DIR" in result.err
    assert recipe.read_bytes() == before and not (project / "out").exists()


def test_an_index_folder_that_cannot_be_made_is_a_clear_error(project: Path, cli, monkeypatch) -> None:
    blocker = project / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEF_INDEX_DIR", str(blocker))
    result = cli("index", cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    assert "BRIEF_INDEX_DIR" in result.err and "cannot be kept" in result.err
