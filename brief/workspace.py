"""Where things live, and loading them together: corpus, taxonomy, annotations, excerpts.

A project folder holds ``seeds/`` (the corpus), ``briefings/`` (recipes and
``topics.yaml``) and optionally ``templates/``. The shipped templates and
taxonomy are the fallback when the project has none of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from brief.corpus import Corpus
from brief.errors import Problem
from brief.excerpts import Excerpt
from brief.index import CorpusIndex, ExcerptQuery
from brief.ingest import ProgressCallback, SyncReport, sync_index
from brief.taxonomy import Taxonomy, load_taxonomy

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_ROOT = PACKAGE_DIR.parent
"""The repository (or install) root that holds the shipped templates/ and briefings/."""


def shipped_templates_dir() -> Path:
    for candidate in (SHIPPED_ROOT / "templates", PACKAGE_DIR / "shipped" / "templates"):
        if candidate.is_dir():
            return candidate
    return SHIPPED_ROOT / "templates"


def shipped_topics_file() -> Path:
    for candidate in (SHIPPED_ROOT / "briefings" / "topics.yaml", PACKAGE_DIR / "shipped" / "topics.yaml"):
        if candidate.is_file():
            return candidate
    return SHIPPED_ROOT / "briefings" / "topics.yaml"


@dataclass(frozen=True)
class ProjectPaths:
    """The folders one invocation works with."""

    root: Path
    corpus: Path
    briefings: Path

    @classmethod
    def discover(cls, *, corpus: Path | None = None, recipe: Path | None = None,
                 cwd: Path | None = None) -> ProjectPaths:
        """Project root from the recipe (``<root>/briefings/x.yaml``) or the working folder."""
        cwd = Path(cwd or Path.cwd())
        root = cwd
        if recipe is not None:
            parent = Path(recipe).resolve().parent
            root = parent.parent if parent.name == "briefings" else parent
        return cls(root=root, corpus=Path(corpus) if corpus else root / "seeds", briefings=root / "briefings")

    @property
    def topics_file(self) -> Path:
        own = self.briefings / "topics.yaml"
        return own if own.is_file() else shipped_topics_file()

    def template_roots(self, recipe: Path | None = None) -> list[Path]:
        """Where templates are looked up, first match wins: recipe-local, project, shipped."""
        roots = []
        if recipe is not None:
            roots.append(Path(recipe).resolve().parent / "templates")
        roots.append(self.root / "templates")
        roots.append(shipped_templates_dir())
        unique: list[Path] = []
        for root in roots:
            if root.resolve() not in [r.resolve() for r in unique]:
                unique.append(root)
        return unique


@dataclass
class Workspace:
    """A corpus with its taxonomy and its excerpts, annotations applied, as the index holds them.

    Views and briefs ask for what they need (:meth:`select_excerpts`,
    :meth:`count_topics`, :meth:`excerpts_of`) so that the cost follows the
    answer, not the size of the corpus.
    """

    paths: ProjectPaths
    corpus: Corpus
    taxonomy: Taxonomy
    index: CorpusIndex
    annotation_problems: list[Problem] = field(default_factory=list)
    sync: SyncReport = field(default_factory=SyncReport)

    @property
    def excerpts(self) -> list[Excerpt]:
        """Every excerpt of the corpus, in corpus order. Reads them all: for small corpora and tests."""
        return list(self.index.all_excerpts())

    def excerpts_of(self, source_id: str) -> list[Excerpt]:
        return self.index.excerpts_of(source_id)

    def excerpts_by_id(self, ids: Iterable[str]) -> list[Excerpt]:
        return self.index.excerpts_by_id(ids)

    def excerpt(self, excerpt_id: str) -> Excerpt | None:
        found = self.index.excerpts_by_id([excerpt_id])
        return found[0] if found else None

    def select_excerpts(self, query: ExcerptQuery, *, limit: int | None = None) -> list[Excerpt]:
        return self.index.select(query, limit=limit)

    def count_excerpts(self, query: ExcerptQuery) -> int:
        return self.index.count(query)

    def count_topics(self, query: ExcerptQuery) -> dict[str, int]:
        return self.index.topic_counts(query)

    def tagged_counts(self) -> dict[str, int]:
        """Source id → how many of its excerpts carry a topic."""
        return self.index.tagged_counts()

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems + self.annotation_problems

    def reapply_annotations(self, source_id: str) -> None:
        """After one source's annotation file changed: redo that source's excerpts, and only those."""
        _, self.sync, problems = sync_index(self.paths.corpus, self.paths.topics_file, self.taxonomy,
                                           index=self.index)
        self.corpus.problems = problems
        self.annotation_problems = self.index.annotation_problems()


def load_workspace(paths: ProjectPaths, *, progress: ProgressCallback | None = None,
                   cancel: Callable[[], bool] | None = None) -> Workspace:
    """Load the taxonomy, bring the corpus index up to date, and open the corpus through it."""
    taxonomy: Taxonomy = load_taxonomy(paths.topics_file)
    index, report, problems = sync_index(paths.corpus, paths.topics_file, taxonomy, progress=progress,
                                         cancel=cancel)
    corpus = Corpus(paths.corpus, problems=problems, catalog=index, findings=index)
    return Workspace(paths=paths, corpus=corpus, taxonomy=taxonomy, index=index,
                     annotation_problems=index.annotation_problems(), sync=report)
