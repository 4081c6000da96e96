"""Where things live, and loading them together: corpus, taxonomy, annotations, excerpts.

A project folder holds ``seeds/`` (the corpus), ``briefings/`` (recipes and
``topics.yaml``) and optionally ``templates/``. The shipped templates and
taxonomy are the fallback when the project has none of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brief.annotations import annotations_path, load_source_annotations
from brief.corpus import Corpus, Source, load_corpus
from brief.errors import Problem
from brief.excerpts import Excerpt, source_excerpts
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
    """A loaded corpus with its taxonomy and every excerpt, annotations applied."""

    paths: ProjectPaths
    corpus: Corpus
    taxonomy: Taxonomy
    excerpts: list[Excerpt]
    annotation_problems: list[Problem] = field(default_factory=list)

    def excerpts_of(self, source_id: str) -> list[Excerpt]:
        return [excerpt for excerpt in self.excerpts if excerpt.source_id == source_id]

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems + self.annotation_problems

    def reapply_annotations(self, source_id: str) -> None:
        """After one source's annotation file changed: redo that source's excerpts, and only those."""
        source = self.corpus.by_id()[source_id]
        fresh, problems = _annotated_excerpts(self.paths, source, self.taxonomy)
        annotation_file = annotations_path(self.paths.corpus, source_id)
        self.annotation_problems = [p for p in self.annotation_problems if p.file != annotation_file] + problems
        place = next((i for i, e in enumerate(self.excerpts) if e.source_id == source_id), len(self.excerpts))
        self.excerpts = [e for e in self.excerpts if e.source_id != source_id]
        self.excerpts[place:place] = fresh


def _annotated_excerpts(paths: ProjectPaths, source: Source, taxonomy: Taxonomy) -> tuple[list[Excerpt], list[Problem]]:
    annotations = load_source_annotations(paths.corpus, source.id, source.text, taxonomy)
    return source_excerpts(source, taxonomy, annotations.anchored), annotations.problems


def load_workspace(paths: ProjectPaths) -> Workspace:
    """Load the taxonomy and corpus, then every source's excerpts with its annotations."""
    taxonomy: Taxonomy = load_taxonomy(paths.topics_file)
    corpus = load_corpus(paths.corpus)
    excerpts: list[Excerpt] = []
    problems: list[Problem] = []
    for source in corpus.sources:
        source_part, source_problems = _annotated_excerpts(paths, source, taxonomy)
        excerpts.extend(source_part)
        problems.extend(source_problems)
    return Workspace(paths=paths, corpus=corpus, taxonomy=taxonomy, excerpts=excerpts,
                     annotation_problems=problems)
