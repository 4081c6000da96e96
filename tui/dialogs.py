"""Small modal dialogs: save as recipe, choose a section, tag topics, confirm quit, show an error.

Each dialog dismisses with its result (or None when cancelled); the screen that
opened it decides what to do. Their styles are in ``dialogs.tcss``.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

CSS_PATH = Path(__file__).with_name("dialogs.tcss")


class SaveRecipeDialog(ModalScreen[str | None]):
    """Ask for the recipe's name; it is saved as ``briefings/<name>.yaml``."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_name: str) -> None:
        super().__init__()
        self.default_name = default_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the composition as a recipe: briefings/NAME.yaml")
            yield Input(value=self.default_name, id="name", restrict=r"[A-Za-z0-9_-]*", max_length=60)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._submit()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def _submit(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if name.casefold() == "topics":  # casefold: on a case-insensitive disk Topics.yaml is topics.yaml
            self.notify("briefings/topics.yaml is the taxonomy, not a recipe: choose another name.",
                        severity="error", markup=False)
            return
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChooseDialog(ModalScreen[str | None]):
    """Pick one of several values (e.g. the section to move an excerpt to)."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text))
            yield OptionList(*[Option(Text(label), id=value) for label, value in self.choices], id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagDialog(ModalScreen[tuple[list[str], str] | None]):
    """Topics (several) and a section (one) for an analyst's excerpt."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save", priority=True)]

    def __init__(self, quote: str, topics: list[tuple[str, str]], sections: list[tuple[str, str]],
                 chosen_topics: list[str], chosen_section: str) -> None:
        super().__init__()
        self.quote = quote
        self.topics = topics
        self.sections = sections
        self.chosen_topics = chosen_topics
        self.chosen_section = chosen_section

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            quote = self.quote if len(self.quote) < 300 else self.quote[:297] + "…"
            yield Static(Text("“" + quote + "”", style="italic"), classes="quote")
            with Horizontal(classes="pickers"):
                yield SelectionList[str](*[(Text(label), value, value in self.chosen_topics)
                                           for label, value in self.topics], id="topics")
                yield OptionList(*[Option(Text(label), id=value) for label, value in self.sections], id="section")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        sections = self.query_one("#section", OptionList)
        ids = [value for _, value in self.sections]
        if self.chosen_section in ids:
            sections.highlighted = ids.index(self.chosen_section)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        topics = list(self.query_one("#topics", SelectionList).selected)
        sections = self.query_one("#section", OptionList)
        index = sections.highlighted if sections.highlighted is not None else 0
        self.dismiss((topics, self.sections[index][1]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmQuitDialog(ModalScreen[str | None]):
    """The recipe has unsaved changes: save, quit anyway, or stay."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("The composition has changes not saved as a recipe. The draft is kept either way.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save recipe", variant="primary", id="save")
                yield Button("Quit without saving", variant="error", id="quit")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MessageDialog(ModalScreen[None]):
    """A problem the analyst must read: shown literally, dismissed with enter or escape."""

    CSS_PATH = CSS_PATH
    BINDINGS = [Binding("escape", "close", "Close"), Binding("enter", "close", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide error"):
            yield Label(Text(self.title_text, style="bold"))
            # A scrolling container: a long report (every problem of a recipe) must not be cut off.
            with VerticalScroll(classes="message"):
                yield Static(Text(self.message))
            yield Button("Close", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
