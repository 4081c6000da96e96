"""A brief being composed: the analyst's choices as a recipe, changed one step at a time.

The TUI keeps one :class:`Composition` and calls its methods; every change is a
new :class:`~brief.recipe.RecipeSpec`, so what is on screen, what is exported
and what is saved as a recipe are the same thing, and ``brief build`` of the
saved recipe gives byte-for-byte the Markdown the TUI exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brief.assembly import assemble_briefing
from brief.briefing import Briefing
from brief.build import BuildResult, build_recipe, next_edition, template_dirs
from brief.recipe import DateRange, Recipe, RecipeSpec, dump_recipe
from brief.recipe_ids import with_passages
from brief.render_markdown import render_markdown
from brief.workspace import Workspace

DEFAULT_TITLE = "Ukraine peace talks — brief"


def _toggled(values: list[str], value: str) -> list[str]:
    return [v for v in values if v != value] if value in values else [*values, value]


@dataclass
class Composition:
    """The recipe under construction, and where it will be saved."""

    spec: RecipeSpec
    path: Path
    """Where the recipe is (or will be) saved; its stem names the outputs."""
    saved_text: str | None = None
    """The recipe file's text as last saved or opened; None when never saved."""
    history: list[RecipeSpec] = field(default_factory=list)

    @classmethod
    def new(cls, briefings_dir: Path, name: str = "draft") -> Composition:
        spec = RecipeSpec(title=DEFAULT_TITLE, window="7d")
        return cls(spec=spec, path=Path(briefings_dir) / f"{name}.yaml")

    @classmethod
    def from_recipe(cls, recipe: Recipe) -> Composition:
        # Ids re-attached to passages whose text changed are a change the file does not have yet: unsaved.
        saved = recipe.text if recipe.reattached and recipe.text is not None else dump_recipe(recipe.spec)
        return cls(spec=recipe.spec.model_copy(deep=True), path=recipe.path, saved_text=saved)

    @property
    def recipe(self) -> Recipe:
        return Recipe(path=self.path, spec=self.spec)

    @property
    def unsaved(self) -> bool:
        return self.saved_text != dump_recipe(self.spec)

    def _update(self, **changes: object) -> None:
        self.history.append(self.spec)
        self.spec = self.spec.model_copy(update=changes, deep=True)

    # --- what the brief is about -------------------------------------------------------

    def toggle_source(self, source_id: str, all_ids: list[str]) -> None:
        current = list(all_ids) if self.spec.sources == "all" else list(self.spec.sources)
        chosen = _toggled(current, source_id)
        self._update(sources="all" if sorted(chosen) == sorted(all_ids) else [i for i in all_ids if i in chosen])

    def toggle_topic(self, topic_id: str, all_ids: list[str]) -> None:
        current = list(all_ids) if self.spec.topics == "all" else list(self.spec.topics)
        chosen = _toggled(current, topic_id)
        self._update(topics="all" if sorted(chosen) == sorted(all_ids) else [i for i in all_ids if i in chosen])

    def set_window(self, window: str | DateRange, as_of: str | None = None) -> None:
        changes: dict[str, object] = {"window": window}
        if as_of is not None:
            changes["as_of"] = as_of
        self._update(**changes)

    def set_title(self, title: str) -> None:
        self._update(title=title)

    # --- excerpt by excerpt --------------------------------------------------------------

    def toggle_included(self, excerpt_id: str, currently_in_brief: bool) -> None:
        """In the brief → exclude it; out of it → include it, whatever the caps say."""
        include = [i for i in self.spec.include if i != excerpt_id]
        exclude = [i for i in self.spec.exclude if i != excerpt_id]
        if currently_in_brief:
            exclude.append(excerpt_id)
        else:
            include.append(excerpt_id)
        self._update(include=include, exclude=exclude)

    def toggle_pin(self, excerpt_id: str) -> None:
        self._update(pin=_toggled(list(self.spec.pin), excerpt_id),
                     exclude=[i for i in self.spec.exclude if i != excerpt_id])

    def move_to_section(self, excerpt_id: str, section_id: str) -> None:
        moves = dict(self.spec.moves)
        moves[excerpt_id] = section_id
        self._update(moves=moves)

    def reorder(self, section_id: str, excerpt_ids_in_order: list[str]) -> None:
        order = dict(self.spec.order)
        order[section_id] = list(excerpt_ids_in_order)
        self._update(order=order)

    def move_within_section(self, briefing: Briefing, excerpt_id: str, step: int) -> bool:
        """Move an item up (-1) or down (+1) in its section; False when it cannot move."""
        for section in briefing.sections:
            ids = [item.excerpt_id for item in section.items]
            if excerpt_id in ids:
                index = ids.index(excerpt_id)
                target = index + step
                if not 0 <= target < len(ids):
                    return False
                ids[index], ids[target] = ids[target], ids[index]
                self.reorder(section.id, ids)
                return True
        return False

    def keep_passages(self, workspace: Workspace) -> None:
        """Keep in the recipe the text of every passage it names, so its ids re-attach after a text changes
        (:mod:`brief.recipe_ids`); done before saving, not a step of its own to undo."""
        self.spec = with_passages(workspace, self.spec)

    def undo(self) -> bool:
        if not self.history:
            return False
        self.spec = self.history.pop()
        return True

    # --- outputs -------------------------------------------------------------------------

    def assemble(self, workspace: Workspace) -> Briefing:
        return assemble_briefing(workspace, self.recipe)

    def preview(self, workspace: Workspace, out_dir: Path) -> tuple[Briefing, str]:
        """The brief and its Markdown as an export to ``out_dir`` would write them now (new-item marks included)."""
        edition, _ = next_edition(workspace, self.recipe, out_dir=out_dir)
        return edition.briefing, edition.markdown

    def preview_markdown(self, workspace: Workspace, briefing: Briefing) -> str:
        return render_markdown(briefing, template_dirs(workspace.paths, self.recipe))

    def export(self, workspace: Workspace, out_dir: Path, formats: list[str]) -> BuildResult:
        """The same engine path as ``brief build``."""
        return build_recipe(workspace, self.recipe, out_dir=out_dir, formats=formats)

    def recipe_text(self) -> str:
        return dump_recipe(self.spec)
