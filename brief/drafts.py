"""The auto-saved draft of a composition, so that reopening the tool restores it.

Kept in ``<project>/.brief/draft.yaml`` (git-ignored): the recipe path the
draft belongs to and the recipe text. Written atomically on every change, so
the draft is on disk before the UI shows it as kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from brief.atomic import write_atomic
from brief.errors import UserError
from brief.recipe import RecipeSpec, dump_recipe
from brief.validation import validate_document
from brief.yamlfile import parse_yaml_text

DRAFT_DIR = ".brief"
DRAFT_FILE = "draft.yaml"


@dataclass(frozen=True)
class Draft:
    recipe_path: Path
    spec: RecipeSpec
    saved_text: str | None
    """The recipe's text when it was last saved, to tell whether the draft has unsaved changes."""


def draft_path(project_root: Path) -> Path:
    return Path(project_root) / DRAFT_DIR / DRAFT_FILE


def save_draft(project_root: Path, recipe_path: Path, spec: RecipeSpec, saved_text: str | None) -> Path:
    path = draft_path(project_root)
    body = {"recipe_path": str(recipe_path), "saved_text": saved_text, "recipe": dump_recipe(spec)}
    write_atomic(path, "# brief's auto-saved draft; safe to delete.\n"
                 + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100))
    return path


def load_draft(project_root: Path) -> Draft | None:
    """The saved draft, or None when there is none or it cannot be read (it is only a convenience)."""
    path = draft_path(project_root)
    if not path.is_file():
        return None
    try:
        body = yaml.safe_load(path.read_text(encoding="utf-8"))
        document = parse_yaml_text(body["recipe"], path)
        spec = validate_document(RecipeSpec, document, what="draft")
        saved_text = body.get("saved_text")
        if saved_text is not None and not isinstance(saved_text, str):
            return None
        return Draft(Path(body["recipe_path"]), spec, saved_text)
    except (UserError, yaml.YAMLError, KeyError, TypeError, OSError, UnicodeDecodeError):
        return None
