"""One build of a recipe: load, assemble, render each requested format, write atomically.

This is the single path behind ``brief build``, ``make run`` and the TUI's
export, so the same state always gives the same files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from brief.assembly import assemble_briefing
from brief.atomic import write_atomic
from brief.briefing import Briefing
from brief.recipe import Recipe, load_recipe
from brief.render_markdown import render_markdown
from brief.workspace import ProjectPaths, Workspace, load_workspace


@dataclass(frozen=True)
class BuildResult:
    """What a build made and where it put it."""

    briefing: Briefing
    markdown: str
    written: tuple[Path, ...]


def template_dirs(paths: ProjectPaths, recipe: Recipe) -> list[Path]:
    """The folders holding the recipe's template, highest priority first."""
    return [root / recipe.spec.template for root in paths.template_roots(recipe.path)
            if (root / recipe.spec.template).is_dir()]


def load_recipe_for(workspace: Workspace, recipe_path: Path) -> Recipe:
    return load_recipe(recipe_path, workspace.taxonomy,
                       source_ids=[source.id for source in workspace.corpus.sources],
                       templates_roots=workspace.paths.template_roots(recipe_path))


def output_stem(briefing: Briefing) -> str:
    return f"{briefing.recipe_name}-{briefing.as_of.isoformat()}"


def build_recipe(workspace: Workspace, recipe: Recipe, *, out_dir: Path, as_of: dt.date | None = None,
                 formats: list[str] | None = None) -> BuildResult:
    """Assemble and write the brief; Markdown first, then the PDF typeset from it."""
    briefing = assemble_briefing(workspace, recipe, as_of=as_of)
    dirs = template_dirs(workspace.paths, recipe)
    markdown = render_markdown(briefing, dirs)
    wanted = formats or list(recipe.spec.formats)
    written: list[Path] = []
    stem = output_stem(briefing)
    pdf_bytes = None
    if "pdf" in wanted:
        from brief.render_pdf import markdown_to_pdf

        pdf_bytes = markdown_to_pdf(markdown, dirs, paper=briefing.paper)
    if "md" in wanted:
        path = Path(out_dir) / f"{stem}.md"
        write_atomic(path, markdown)
        written.append(path)
    if pdf_bytes is not None:
        path = Path(out_dir) / f"{stem}.pdf"
        write_atomic(path, pdf_bytes)
        written.append(path)
    return BuildResult(briefing=briefing, markdown=markdown, written=tuple(written))


def build(paths: ProjectPaths, recipe_path: Path, *, out_dir: Path, as_of: dt.date | None = None,
          formats: list[str] | None = None) -> BuildResult:
    workspace = load_workspace(paths)
    recipe = load_recipe_for(workspace, recipe_path)
    return build_recipe(workspace, recipe, out_dir=out_dir, as_of=as_of, formats=formats)
