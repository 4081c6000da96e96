"""The screen shown while the corpus index is brought up to date: a progress bar, cancellable.

On a corpus whose index is current this passes in a blink. After new articles
arrive, or on first use of a large corpus, it shows how far indexing has got;
Escape stops it between articles (what was done is kept for next time) and
quits, since there is nothing to compose from yet.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from brief.errors import UserError
from brief.ingest import Cancelled
from brief.workspace import load_workspace

if TYPE_CHECKING:
    from tui.app import BriefApp


class IndexingScreen(Screen[None]):
    """Loads the workspace in a worker thread and hands it to the app."""

    CSS_PATH = "indexing.tcss"
    BINDINGS = [Binding("escape", "cancel", "Stop indexing and quit")]

    def __init__(self) -> None:
        super().__init__()
        self.stop = threading.Event()

    @property
    def brief_app(self) -> BriefApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="indexing-box"):
            yield Static(Text(f"Opening the corpus in {self.brief_app.paths.corpus}…"), id="indexing-title")
            yield ProgressBar(id="indexing-bar", show_eta=True)
            yield Static(Text("Escape stops (what is done is kept)", style="dim"), id="indexing-hint")

    def on_mount(self) -> None:
        self._load()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.app.call_from_thread(self._show, done, total)

    def _show(self, done: int, total: int) -> None:
        self.query_one("#indexing-title", Static).update(
            Text(f"Indexing {total} new or changed article{'s' if total != 1 else ''} of "
                 f"{self.brief_app.paths.corpus}…"))
        self.query_one("#indexing-bar", ProgressBar).update(total=total, progress=done)

    @work(thread=True, exclusive=True, group="indexing")
    def _load(self) -> None:
        try:
            workspace = load_workspace(self.brief_app.paths, progress=self._progress, cancel=self.stop.is_set)
        except Cancelled as stopped:
            self.app.call_from_thread(self.app.exit, None, 0, f"brief: {stopped}")
            return
        except UserError as error:
            self.app.call_from_thread(self.app.exit, None, 2, f"brief: {error.format()}")
            return
        self.app.call_from_thread(self.brief_app.workspace_ready, workspace)

    def action_cancel(self) -> None:
        self.stop.set()
        self.query_one("#indexing-hint", Static).update(Text("Stopping after the current articles…"))
