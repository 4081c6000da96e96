"""Shared fixtures: the repository's paths, the shipped corpus loaded once, a CLI runner."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from brief.build import BuildResult, build
from brief.cli import main
from brief.taxonomy import Taxonomy, load_taxonomy
from brief.workspace import ProjectPaths, Workspace, load_workspace

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = REPO / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output (read them by eye before committing)")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(REPO / "briefings" / "topics.yaml")


@pytest.fixture(scope="session")
def shipped_workspace() -> Workspace:
    """The shipped corpus, loaded once for read-only tests."""
    return load_workspace(ProjectPaths(root=REPO, corpus=SEEDS, briefings=REPO / "briefings"))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A writable copy of the project's data folders (seeds, briefings), for tests that change them."""
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns(".brief-index"))
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    return tmp_path


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``brief ARGS...`` in-process from a folder; returns exit code, stdout, stderr."""

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def run_brief_subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``brief`` as a separate process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "brief.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def project_paths(project: Path) -> ProjectPaths:
    """The folders of a copied ``project`` (:func:`project`): its seeds and briefings."""
    return ProjectPaths(root=project, corpus=project / "seeds", briefings=project / "briefings")


def build_weekly(project: Path, as_of: dt.date) -> BuildResult:
    """The shipped weekly recipe built in ``project`` as of ``as_of``, as Markdown, into its ``out/``."""
    return build(project_paths(project), project / "briefings" / "weekly.yaml", out_dir=project / "out", as_of=as_of,
                 formats=["md"])


def words_read(markdown: str) -> int:
    """Words a reader reads of a brief before its sources: not the front matter (data for tools), nor a table's
    rules and bars; each citation marker one, though the markers of an item's sources are written together
    ("[1][2]")."""
    shown = markdown.split("## Sources")[0].split("\n---\n", 1)[1].replace(")[", ") [")
    return len([word for word in shown.split() if word.strip("|-:>#*") or word == "-"])
