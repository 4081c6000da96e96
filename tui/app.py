"""The brief TUI application: holds the loaded corpus and the composition, and calls the engine.

State lives here ("attributes down"): the :class:`~brief.workspace.Workspace`,
the :class:`~brief.composition.Composition` and the last assembled
:class:`~brief.briefing.Briefing`. Screens ask for changes through
:meth:`BriefApp.change`, which records the change, saves the draft to disk
first, re-assembles the brief and redraws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from brief.annotations import add_annotation, make_annotation, remove_annotations
from brief.briefing import Briefing
from brief.build import load_recipe_for, template_dirs
from brief.composition import Composition
from brief.drafts import load_draft, save_draft
from brief.editions import comparison_line
from brief.errors import UserError
from brief.markdown_html import split_front_matter
from brief.recipe import Recipe, dump_recipe, save_recipe
from brief.recipe_ids import reattach_ids
from brief.typeset import typeset_in_subprocess
from brief.workspace import ProjectPaths, Workspace
from tui.compose_screen import ComposeScreen
from tui.dialogs import ConfirmQuitDialog, MessageDialog, SaveRecipeDialog, TagDialog
from tui.indexing_screen import IndexingScreen
from tui.reader_screen import ReaderScreen


class BriefApp(App[None]):
    """Compose a briefing interactively."""

    TITLE = "brief"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, paths: ProjectPaths, recipe_path: Path | None = None, *, out_dir: Path | None = None,
                 restore_draft: bool = True, workspace: Workspace | None = None) -> None:
        """``workspace``: one already loaded; without it the index is brought up to date on screen first."""
        super().__init__()
        self.paths = paths
        self.out_dir = out_dir or paths.root / "out"
        self.recipe_path = recipe_path
        self.restore_draft = restore_draft
        self.briefing: Briefing | None = None
        self.preview_text = ""
        self.assembly_problem = ""
        self.exporting = False
        self._tagged_counts: dict[str, int] | None = None
        if workspace is not None:
            self.workspace: Workspace = workspace
            self.composition = self._initial_composition(recipe_path, restore_draft)

    # --- start-up ---------------------------------------------------------------------------

    def workspace_ready(self, workspace: Workspace) -> None:
        """The index is up to date: open the compose screen in place of the indexing one."""
        self.workspace = workspace
        self.composition = self._initial_composition(self.recipe_path, self.restore_draft)
        self.switch_screen(ComposeScreen())
        self._show_startup_messages()

    def tagged_counts(self) -> dict[str, int]:
        """Source id → tagged excerpts; kept until annotations change."""
        if self._tagged_counts is None:
            self._tagged_counts = self.workspace.tagged_counts()
        return self._tagged_counts

    def _initial_composition(self, recipe_path: Path | None, restore_draft: bool) -> Composition:
        self.startup_messages: list[tuple[str, str]] = []
        problems = self.workspace.problems
        if problems:
            # One dialog for them all: a folder of thousands of articles has a few bad files, and a
            # dialog each buried the compose screen under as many to close one by one.
            title = "Problem in the corpus" if len(problems) == 1 else f"{len(problems)} problems in the corpus"
            self.startup_messages.append((title, "\n\n".join(problem.format() for problem in problems)))
        if recipe_path is not None:
            try:
                recipe = load_recipe_for(self.workspace, recipe_path)
                opened = Composition.from_recipe(recipe)
            except UserError as error:
                self.startup_messages.append(("The recipe could not be opened", error.format()))
            else:
                if recipe.reattached:
                    count = len(recipe.reattached)
                    self.startup_messages.append(("", f"{count} excerpt {'id' if count == 1 else 'ids'} of the recipe "
                                                      "re-attached to passages whose text changed: save the recipe "
                                                      "(ctrl+s) to keep the new ids."))
                draft = load_draft(self.paths.root) if restore_draft else None
                if draft is not None and draft.recipe_path.resolve() == Path(recipe_path).resolve():
                    # The draft names passages as they were; compared and restored once its ids are re-attached.
                    draft_spec, _ = reattach_ids(self.workspace, draft.spec)
                    if dump_recipe(draft_spec) != dump_recipe(opened.spec):
                        # Unsaved changes to this very recipe were left in the draft: bring them back.
                        self.startup_messages.append(("", f"Unsaved changes to {recipe_path} restored from the draft."))
                        opened.spec = draft_spec
                return opened
        if restore_draft:
            draft = load_draft(self.paths.root)
            if draft is not None and (recipe_path is None or draft.recipe_path == Path(recipe_path)):
                self.startup_messages.append(("", "Draft restored."))
                return Composition(spec=reattach_ids(self.workspace, draft.spec)[0], path=draft.recipe_path,
                                   saved_text=draft.saved_text)
        weekly = self.paths.briefings / "weekly.yaml"
        composition = Composition.new(self.paths.briefings, "my-brief")
        if weekly.is_file():
            try:
                composition.spec = load_recipe_for(self.workspace, weekly).spec.model_copy(deep=True)
            except UserError:
                pass
        return composition

    def on_mount(self) -> None:
        if not hasattr(self, "workspace"):
            self.push_screen(IndexingScreen())
            return
        self.push_screen(ComposeScreen())
        self._show_startup_messages()

    def _show_startup_messages(self) -> None:
        for notice in self.workspace.sync.notices:
            self.notify(notice, markup=False, timeout=8)
        for title, message in self.startup_messages:
            if title:
                self.push_screen(MessageDialog(title, message))
            else:
                self.notify(message, markup=False)

    # --- the composition ------------------------------------------------------------------------

    def reassemble(self) -> None:
        """Assemble the brief from the composition; a user error is shown, not raised."""
        try:
            self.briefing, markdown = self.composition.preview(self.workspace, self.out_dir)
            # The front matter is for machines; the preview shows the brief as a reader sees it.
            self.preview_text = split_front_matter(markdown)[1].lstrip("\n")
            self.assembly_problem = ""
        except UserError as error:
            self.briefing = None
            self.assembly_problem = error.problems[0].message if error.problems else "nothing to show"
            self.preview_text = "No brief for these choices:\n\n" + error.format()

    def change(self, mutate: Callable[[Composition], object]) -> None:
        """Apply one change, keep the draft on disk, redraw."""
        mutate(self.composition)
        self.after_change()

    def after_change(self) -> None:
        self.save_draft()
        screen = self._find_compose_screen()
        if screen is not None:
            screen.refresh_choices()
            screen.refresh_brief()

    def save_draft(self) -> None:
        try:
            save_draft(self.paths.root, self.composition.path, self.composition.spec, self.composition.saved_text)
        except OSError as error:
            self.notify(f"The draft could not be saved: {error}", severity="error", markup=False)

    def _find_compose_screen(self) -> ComposeScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ComposeScreen):
                return screen
        return None

    # --- annotations ----------------------------------------------------------------------------

    def reapply_annotations(self, source_id: str) -> None:
        """Redo one source's excerpts after its annotations changed, then redraw every open view."""
        self.workspace.reapply_annotations(source_id)
        self._tagged_counts = None
        self.after_change()
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.paint()

    def tag_span(self, source_id: str, start: int, end: int, topics: list[str], section: str) -> None:
        """Ask for topics and a section, then write the analyst's excerpt for this span."""
        taxonomy = self.workspace.taxonomy
        text = self.workspace.corpus.source(source_id).text

        def tagged(result: tuple[list[str], str] | None) -> None:
            if result is None:
                return
            chosen_topics, chosen_section = result
            annotation = make_annotation(text, start, end, "excerpt", topics=chosen_topics, section=chosen_section)
            self._write_annotation(source_id, lambda: add_annotation(self.paths.corpus, source_id, annotation))

        self.push_screen(TagDialog(text[start:end], [(t.label, t.id) for t in taxonomy.topics],
                                   [(s.label, s.id) for s in taxonomy.sections], topics, section), tagged)

    def annotate_reject(self, source_id: str, start: int, end: int) -> None:
        text = self.workspace.corpus.source(source_id).text
        annotation = make_annotation(text, start, end, "reject")
        self._write_annotation(source_id, lambda: add_annotation(self.paths.corpus, source_id, annotation))

    def remove_annotation(self, source_id: str, start: int, end: int) -> None:
        text = self.workspace.corpus.source(source_id).text
        removed = self._write_annotation(
            source_id, lambda: remove_annotations(self.paths.corpus, source_id, text, start, end))
        if removed == 0:
            self.notify("No annotation of yours here.", markup=False)

    def _write_annotation(self, source_id: str, write: Callable[[], object]) -> object:
        """Run one annotation write; show a failure in a dialog; redraw. Returns what ``write`` returned."""
        try:
            written = write()
        except (UserError, OSError) as error:
            message = error.format() if isinstance(error, UserError) else str(error)
            self.push_screen(MessageDialog("The annotation could not be written", message))
            return None
        if isinstance(written, Path):
            self.notify(f"Saved to {written}", markup=False)
        self.reapply_annotations(source_id)
        return written

    def open_reader(self, source_id: str, offset: int) -> None:
        self.push_screen(ReaderScreen(source_id, offset))

    # --- export and recipes ---------------------------------------------------------------------

    def export(self) -> None:
        if self.exporting:
            self.notify("An export is already running.", markup=False)
            return
        if self.briefing is None:
            self.push_screen(MessageDialog("Nothing to export", self.preview_text))
            return
        self.exporting = True
        self._show_progress("Exporting: writing the Markdown…")
        self._export_worker(self.composition.recipe, list(self.composition.spec.formats))

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, recipe: Recipe, formats: list[str]) -> None:
        try:
            composition = Composition(spec=recipe.spec, path=recipe.path)
            result = composition.export(self.workspace, self.out_dir, formats=["md"])
            written = list(result.written)
            if "pdf" in formats:
                self.call_from_thread(self._show_progress, "Exporting: typesetting the PDF in a separate process…")
                markdown_path = written[0]
                pdf_path = markdown_path.with_suffix(".pdf")
                dirs = template_dirs(self.paths, recipe)
                written.append(typeset_in_subprocess(markdown_path, pdf_path, dirs, recipe.spec.paper))
            if "md" not in formats:
                written[0].unlink(missing_ok=True)
                written = written[1:]
            compared = comparison_line(result.briefing)
            told = [_as_sentence(line) for line in (compared, *result.briefing.advice) if line]
            self.call_from_thread(self.notify, "\n".join([f"Written: {', '.join(str(p) for p in written)}", *told]),
                                  markup=False, timeout=8)
        except UserError as error:
            self.call_from_thread(self.push_screen, MessageDialog("Export failed", error.format()))
        except Exception as error:  # noqa: BLE001 - a failed export must never take the analyst's work down
            self.call_from_thread(self.push_screen, MessageDialog("Export failed (a bug in brief)", repr(error)))
        finally:
            self.exporting = False
            self.call_from_thread(self._show_progress, None)

    def _show_progress(self, message: str | None) -> None:
        """Show (or hide, with None) the export progress line on the compose screen."""
        screen = self._find_compose_screen()
        if screen is not None:
            screen.show_progress(message)

    def save_recipe(self, then: Callable[[], object] | None = None) -> None:
        def named(name: str | None) -> None:
            if not name:
                return
            path = self.paths.briefings / f"{name}.yaml"
            if path.exists() and path.resolve() != self.composition.path.resolve():
                self.notify(f"{path} already exists: choose another name (nothing was overwritten).",
                            severity="error", markup=False)
                self.save_recipe(then)
                return
            self.composition.keep_passages(self.workspace)
            try:
                save_recipe(path, self.composition.spec)
            except OSError as error:
                self.push_screen(MessageDialog("The recipe could not be saved", str(error)))
                return
            self.composition.path = path
            self.composition.saved_text = dump_recipe(self.composition.spec)
            self.save_draft()
            self.notify(f"Recipe saved: {path} — rebuild it with `brief build {path}`", markup=False)
            screen = self._find_compose_screen()
            if screen is not None:
                screen.refresh_brief()
            if then is not None:
                then()

        self.push_screen(SaveRecipeDialog(self.composition.path.stem), named)

    def request_quit(self) -> None:
        if not self.composition.unsaved:
            self.exit()
            return

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.exit()
            elif choice == "save":
                self.save_recipe(then=self.exit)

        self.push_screen(ConfirmQuitDialog(), answered)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette: the system's commands, then every action of the screen by its name."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, (ComposeScreen, ReaderScreen)):
            for binding in type(screen).BINDINGS:
                action = binding.action  # type: ignore[union-attr]
                yield SystemCommand(binding.description, f"Key: {binding.key}",  # type: ignore[union-attr]
                                    lambda action=action: screen.run_action(action))


def _as_sentence(line: str) -> str:
    """``line`` as a sentence of a notification: capitalised, with a full stop ("give its date in …: 001_…")."""
    return f"{line[:1].upper()}{line[1:]}."
