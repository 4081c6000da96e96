"""Rebuild an old edition from its manifest, byte for byte, or say why that is no longer possible.

The manifest holds the recipe's text as used, the as-of date and the previous
edition the brief was compared with, so the rebuild needs neither the recipe
file nor the old output folder. The rebuilt Markdown is checked against the
hash the manifest recorded *before* anything is written:

- the same: it is written (by default into ``rebuilt/`` beside the manifest, so
  an analyst's edits to the original are never overwritten), with a warning for
  each recorded source that changed without changing the brief;
- different: nothing is written, and the error (exit code 2) names every
  recorded input that changed since — a source gone, an article changed, its
  annotations changed, a new source in the window, the rules or the template.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from brief import __version__
from brief.annotations import annotations_path
from brief.assembly import window_dates
from brief.build import BuildResult, make_edition, template_dirs, write_edition
from brief.errors import Problem, UserError
from brief.manifest import Manifest, file_hash, first_file_hash, read_manifest, sha256_text
from brief.recipe import Recipe, RecipeSpec, Window, check_names
from brief.recipe_ids import reattach_ids
from brief.render_markdown import MARKDOWN_TEMPLATE
from brief.validation import validate_with_checks
from brief.workspace import Workspace
from brief.yamlfile import parse_yaml_text

REBUILT_FOLDER = "rebuilt"


@dataclass(frozen=True)
class InputChange:
    """Something the edition used that is not as the manifest recorded it."""

    field: str
    """Where in the manifest it is recorded, e.g. ``sources.002_e759f5f9dd5bc10b``."""
    message: str


def default_out_dir(manifest_file: Path) -> Path:
    return Path(manifest_file).parent / REBUILT_FOLDER


def recipe_from_manifest(workspace: Workspace, manifest: Manifest, manifest_file: Path) -> Recipe:
    """The recipe as the edition used it, checked like a recipe file (its lines are the text's own)."""
    path = Path(manifest.recipe.path)
    if not path.is_absolute():
        path = workspace.paths.root / path
    document = parse_yaml_text(manifest.recipe.text, Path(f"{manifest_file} (recipe.text)"))
    roots = workspace.paths.template_roots(path)
    spec = validate_with_checks(RecipeSpec, document, what="recipe",
                                checks=lambda: check_names(document, workspace.taxonomy, None, roots))
    spec, reattached = reattach_ids(workspace, spec)  # as the build did, should a source's text have changed
    return Recipe(path=path, spec=spec, text=manifest.recipe.text, reattached=reattached)


def input_changes(workspace: Workspace, manifest: Manifest, recipe: Recipe) -> list[InputChange]:
    """What the edition used that has changed since: sources, annotations, window, rules, template."""
    changes: list[InputChange] = []
    current = {source.id: source for source in workspace.corpus.sources_named(manifest.sources)}
    for source_id, record in manifest.sources.items():
        where = f"sources.{source_id}"
        role = "cited by this edition" if record.cited else "in this edition's window"
        source = current.get(source_id)
        if source is None:
            changes.append(InputChange(where, f"{role}, no longer in the corpus"))
            continue
        if source.content_hash != record.content_hash:
            changes.append(InputChange(where, f"{role}: the article changed since (content hash "
                                              f"{record.content_hash[:12]}… then, {source.content_hash[:12]}… now)"))
        annotations = file_hash(annotations_path(workspace.paths.corpus, source_id))
        if annotations != record.annotations_hash:
            changes.append(InputChange(where, f"{role}: the analyst's annotations of it changed since"))
    if manifest.window_sources_complete:
        window = Window(manifest.window.start, manifest.window.end, manifest.window.label,
                        manifest.window.not_after)
        added = [sid for sid in window_dates(workspace, recipe, window) if sid not in manifest.sources]
        changes.extend(InputChange(f"sources.{sid}", "a source in this edition's window that it did not have")
                       for sid in added)
    topics = workspace.paths.topics_file
    if manifest.rules_sha256 and first_file_hash([topics.parent], topics.name) != manifest.rules_sha256:
        changes.append(InputChange("rules_sha256", f"the tagging rules ({topics}) changed since"))
    dirs = template_dirs(workspace.paths, recipe)
    if manifest.template_sha256 and first_file_hash(dirs, MARKDOWN_TEMPLATE) != manifest.template_sha256:
        changes.append(InputChange("template_sha256", f"the template {manifest.template!r} changed since"))
    if manifest.brief_version != __version__:
        changes.append(InputChange("brief_version", f"made by brief {manifest.brief_version}; this is "
                                                    f"brief {__version__}"))
    return changes


def rebuild_from_manifest(workspace: Workspace, manifest_file: Path, *, out_dir: Path | None = None,
                          formats: list[str] | None = None) -> BuildResult:
    """Rebuild the edition ``manifest_file`` describes; a :class:`UserError` when it cannot be the same."""
    manifest = read_manifest(manifest_file)
    recipe = recipe_from_manifest(workspace, manifest, manifest_file)
    changes = input_changes(workspace, manifest, recipe)

    def problems(head: Problem) -> list[Problem]:
        listed = [Problem(change.message, file=manifest_file, field=change.field) for change in changes]
        return [head, *listed]

    try:
        edition = make_edition(workspace, recipe, manifest.as_of, manifest.previous)
    except UserError as error:
        if not changes:
            raise
        raise UserError([*error.problems, *problems(Problem(
            "this edition cannot be rebuilt: what it used has changed", file=manifest_file))]) from None
    if sha256_text(edition.markdown) != manifest.markdown_sha256:
        hint = ("`brief build RECIPE --as-of DATE` makes a new brief from the corpus as it is now"
                if changes else "no recorded input changed: the difference comes from elsewhere (the source "
                "metadata in sources.yaml, or how brief reads, cleans or ranks articles)")
        raise UserError(problems(Problem(
            f"the rebuilt brief would differ from the edition of {manifest.as_of.isoformat()}; nothing was written",
            file=manifest_file, hint=hint)))
    result = write_edition(workspace, edition, out_dir=out_dir or default_out_dir(manifest_file),
                           formats=formats or list(manifest.formats))
    unchanged = tuple(Problem(f"{change.message}, but the brief is the same", file=manifest_file,
                              field=change.field) for change in changes)
    return replace(result, warnings=unchanged)
