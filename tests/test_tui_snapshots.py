"""What the main screens show, as SVG snapshots in tests/__snapshots__/test_tui_snapshots/.

Refresh with ``pytest tests/test_tui_snapshots.py --snapshot-update`` after a
deliberate change to the UI, and look at the new SVGs before committing them.
Each app runs on a copy of the project with drafts ignored and the cursor
steady, so the screens are the same on every run.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tui.compose_screen import ComposeScreen
from tui.help_screen import HelpScreen
from tui.reader_screen import ReaderScreen

from .tui_factory import SIZE, make_app, stop_cursor_blink


async def steady(pilot: Pilot) -> None:
    stop_cursor_blink(pilot.app)
    await pilot.pause()


def test_compose_screen(project: Path, snap_compare) -> None:
    async def ready(pilot: Pilot) -> None:
        assert isinstance(pilot.app.screen, ComposeScreen)
        await steady(pilot)

    assert snap_compare(make_app(project), terminal_size=SIZE, run_before=ready)


def test_reader_on_an_excerpt(project: Path, snap_compare) -> None:
    async def open_reader(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderScreen)
        await steady(pilot)

    assert snap_compare(make_app(project), terminal_size=SIZE, run_before=open_reader)


def test_help_screen(project: Path, snap_compare) -> None:
    async def open_help(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await steady(pilot)

    assert snap_compare(make_app(project), terminal_size=SIZE, run_before=open_help)
