"""The help screen: what the tool does and every key, generated from the bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Compose a brief: choose sources, topics and a window on the left; the excerpts they let in are in "
    "the middle (★ key point, ✓ in the brief, ✗ excluded, · not used; words struck through are left out "
    "of the brief's item: a wire dateline, a short sentence leading in); the brief's Markdown is on the "
    "right. Every change is kept in a draft at once; ctrl+s saves the composition as a recipe that "
    "`brief build` regenerates unattended.")


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("question_mark", "close", "Close"),
                Binding("q", "close", "Close")]

    def compose(self) -> ComposeResult:
        from tui.compose_screen import ComposeScreen
        from tui.reader_screen import ReaderScreen

        with VerticalScroll(id="help"):
            yield Static(Text("brief — help", style="bold"))
            yield Static(Text(INTRO), classes="intro")
            for title, screen in (("Compose screen", ComposeScreen), ("Article reader", ReaderScreen)):
                table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
                for binding in screen.BINDINGS:
                    if isinstance(binding, Binding):
                        table.add_row(Text(_key_name(binding.key), style="bold cyan"), Text(binding.description))
                yield Static(table)
            yield Static(Text("Everywhere: ctrl+p opens the command palette; tab moves between panes; "
                              "the mouse works too. Esc closes this help.", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)


def _key_name(key: str) -> str:
    return {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc"}.get(key, key)
