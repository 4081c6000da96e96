"""One build of a recipe: load, assemble, compare, render each requested format, write atomically.

This is the single path behind ``brief build``, ``brief rebuild``, ``make run``
and the TUI's export, so the same state always gives the same files. Every
build is an *edition*: it is compared with the previous edition of the recipe
in the output folder (:mod:`brief.editions`) and leaves a manifest of what it
used beside its outputs (:mod:`brief.manifest`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from brief.assembly import assemble_briefing, resolve_as_of
from brief.atomic import write_atomic
from brief.briefing import Briefing
from brief.editions import compare_with_previous
from brief.errors import Problem
from brief.manifest import (
    Manifest,
    PreviousEdition,
    find_previous_edition,
    first_file_hash,
    make_manifest,
    manifest_path,
    source_records,
    write_manifest,
)
from brief.recipe import Recipe, load_recipe, recipe_text
from brief.recipe_ids import named_excerpt_ids, reattach_ids, source_of
from brief.render_markdown import MARKDOWN_TEMPLATE, render_markdown
from brief.restatements import earlier_edition
from brief.workspace import ProjectPaths, Workspace, load_workspace
from brief.yamlfile import format_path, parse_yaml_text


@dataclass(frozen=True)
class BuildResult:
    """What a build made and where it put it."""

    briefing: Briefing
    markdown: str
    written: tuple[Path, ...]
    """The brief's files (Markdown, PDF), in that order."""
    manifest: Path | None = None
    """The edition's manifest, written after the brief's files."""
    warnings: tuple[Problem, ...] = ()
    """What the user should know but that did not stop the build (e.g. an unreadable old manifest)."""


@dataclass(frozen=True)
class Edition:
    """A brief assembled, compared and rendered, not yet written."""

    recipe: Recipe
    briefing: Briefing
    markdown: str
    template_dirs: list[Path]
    previous: PreviousEdition | None
    """The edition it was compared with."""


def template_dirs(paths: ProjectPaths, recipe: Recipe) -> list[Path]:
    """The folders holding the recipe's template, highest priority first."""
    return [root / recipe.spec.template for root in paths.template_roots(recipe.path)
            if (root / recipe.spec.template).is_dir()]


def load_recipe_for(workspace: Workspace, recipe_path: Path) -> Recipe:
    """The recipe at ``recipe_path``, checked against the workspace, its excerpt ids re-attached to passages
    whose text changed (:mod:`brief.recipe_ids`)."""
    recipe = load_recipe(recipe_path, workspace.taxonomy,
                         source_ids=workspace.corpus.ids(),
                         templates_roots=workspace.paths.template_roots(recipe_path))
    spec, reattached = reattach_ids(workspace, recipe.spec)
    return replace(recipe, spec=spec, reattached=reattached) if reattached else recipe


def unknown_excerpt_problems(workspace: Workspace, recipe: Recipe) -> list[Problem]:
    """The excerpt ids a recipe includes, excludes, pins, moves or orders that no passage of the corpus has
    (mistyped, or the passage's text changed since it was chosen): the brief leaves them out silently, so
    ``brief check`` reports each with its line."""
    spec = recipe.spec
    named = named_excerpt_ids(spec)
    found = {excerpt.id for excerpt in workspace.excerpts_by_id({excerpt_id for _, excerpt_id in named})}
    missing = [(path, excerpt_id) for path, excerpt_id in named if excerpt_id not in found]
    message = "no passage of the corpus has this excerpt id"

    sources = set(workspace.corpus.ids())

    def hint(excerpt_id: str) -> str:
        if ":" not in excerpt_id:
            return "not an excerpt id, which reads SOURCE:HASH (`brief excerpts` lists them): remove it, or choose " \
                   "the passage in the TUI"
        if source_of(excerpt_id) not in sources:
            return f"no source {source_of(excerpt_id)!r} is in the corpus (`brief sources` lists them): the id is " \
                   "mistyped, or its article was removed; remove the id"
        if excerpt_id in spec.passages:
            return "the passage the recipe kept for it is no longer in its source, or is not clearly one passage, " \
                   "or is named by the recipe already: choose the passage again in the TUI, or remove the id"
        return "its passage's text may have changed, or the id is mistyped: choose the passage again in the " \
               "TUI, or remove the id"

    return [_problem_at(recipe, path, message, value=excerpt_id, hint=hint(excerpt_id)) for path, excerpt_id in missing]


def reattached_notes(recipe: Recipe) -> list[Problem]:
    """For ``brief check``, as information: each excerpt id of the recipe that now names its passage's new id,
    with its line."""
    if not recipe.reattached:
        return []
    old_id = {r.new_id: r.old_id for r in recipe.reattached}
    # the file names the old id; a move's key is the id itself
    places = [(("moves", old_id[excerpt_id]) if path[0] == "moves" else path, excerpt_id)
              for path, excerpt_id in named_excerpt_ids(recipe.spec) if excerpt_id in old_id]
    return [_problem_at(recipe, path, f"{old_id[new_id]} re-attached to {new_id}: its passage's text changed",
                        value=None, hint="the brief uses the passage; save the recipe in the TUI to keep its new id")
            for path, new_id in places]


def _problem_at(recipe: Recipe, path: tuple[str | int, ...], message: str, *, value: object, hint: str) -> Problem:
    """A problem at ``path`` of the recipe's file, with its line when the recipe was read from one."""
    if recipe.text is None:  # a recipe not read from a file: no lines to give
        return Problem(message, file=recipe.path, field=format_path(path), value=value, hint=hint)
    return parse_yaml_text(recipe.text, recipe.path).problem(path, message, value=value, hint=hint)


def output_stem(briefing: Briefing) -> str:
    return f"{briefing.recipe_name}-{briefing.as_of.isoformat()}"


def build_recipe(workspace: Workspace, recipe: Recipe, *, out_dir: Path, as_of: dt.date | None = None,
                 formats: list[str] | None = None) -> BuildResult:
    """Assemble the brief, compare it with the previous edition in ``out_dir``, write it and its manifest."""
    edition, skipped = next_edition(workspace, recipe, out_dir=out_dir, as_of=as_of)
    result = write_edition(workspace, edition, out_dir=out_dir, formats=formats or list(recipe.spec.formats))
    return BuildResult(result.briefing, result.markdown, result.written, result.manifest, skipped)


def next_edition(workspace: Workspace, recipe: Recipe, *, out_dir: Path, as_of: dt.date | None = None):
    """The edition a build would write now (compared with the previous one in ``out_dir``), and the
    manifests skipped on the way; nothing is written. The TUI previews exactly this."""
    as_of_date = resolve_as_of(workspace, recipe, as_of)
    lookup = find_previous_edition(out_dir, recipe.name, as_of_date)
    previous = lookup.manifest.as_previous(lookup.path.name) if lookup.manifest and lookup.path else None
    return make_edition(workspace, recipe, as_of_date, previous), lookup.skipped


def make_edition(workspace: Workspace, recipe: Recipe, as_of: dt.date,
                 previous: PreviousEdition | None) -> Edition:
    """Assemble, compare with ``previous`` and render the Markdown; nothing is written."""
    briefing = assemble_briefing(workspace, recipe, as_of=as_of, earlier=earlier_edition(previous))
    briefing = compare_with_previous(briefing, recipe, previous)
    dirs = template_dirs(workspace.paths, recipe)
    return Edition(recipe, briefing, render_markdown(briefing, dirs), dirs, previous)


def write_edition(workspace: Workspace, edition: Edition, *, out_dir: Path, formats: list[str]) -> BuildResult:
    """Write the Markdown first, then the PDF typeset from it, then the manifest; each of ``formats`` once
    ("--format md --format md,pdf", or a recipe's ``formats: [md, md]``), in the order first given."""
    formats = list(dict.fromkeys(formats))
    briefing, markdown = edition.briefing, edition.markdown
    written: list[Path] = []
    stem = output_stem(briefing)
    pdf_bytes = None
    if "pdf" in formats:
        from brief.render_pdf import markdown_to_pdf

        pdf_bytes = markdown_to_pdf(markdown, edition.template_dirs, paper=briefing.paper)
    if "md" in formats:
        path = Path(out_dir) / f"{stem}.md"
        write_atomic(path, markdown)
        written.append(path)
    if pdf_bytes is not None:
        path = Path(out_dir) / f"{stem}.pdf"
        write_atomic(path, pdf_bytes)
        written.append(path)
    manifest = manifest_path(out_dir, stem)
    write_manifest(manifest, _manifest_of(workspace, edition, formats, f"{stem}.md"))
    return BuildResult(briefing=briefing, markdown=markdown, written=tuple(written), manifest=manifest)


def _manifest_of(workspace: Workspace, edition: Edition, formats: list[str], markdown_file: str) -> Manifest:
    """The manifest of an edition; reads only the cited sources and the window's (see MAX_WINDOW_SOURCES)."""
    recipe, briefing = edition.recipe, edition.briefing
    window = recipe.resolve_window(briefing.as_of)
    window_ids = sorted(briefing.window_source_ids)
    cited = [entry.source_id for entry in briefing.sources]
    return make_manifest(
        briefing=briefing, recipe=recipe, recipe_text=recipe_text(recipe), project_root=workspace.paths.root,
        window=window, window_ids=window_ids,
        sources=source_records(workspace.corpus, workspace.paths.corpus, cited, window_ids),
        template_sha256=first_file_hash(edition.template_dirs, MARKDOWN_TEMPLATE),
        rules_sha256=first_file_hash([workspace.paths.topics_file.parent], workspace.paths.topics_file.name),
        formats=formats, markdown=edition.markdown, markdown_file=markdown_file, previous=edition.previous)


def build(paths: ProjectPaths, recipe_path: Path, *, out_dir: Path, as_of: dt.date | None = None,
          formats: list[str] | None = None) -> BuildResult:
    workspace = load_workspace(paths)
    recipe = load_recipe_for(workspace, recipe_path)
    return build_recipe(workspace, recipe, out_dir=out_dir, as_of=as_of, formats=formats)
