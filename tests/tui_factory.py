"""A small factory the TUI tests share: the app on a copy of the project, and reading the screen back.

The app writes annotations, recipes and drafts into the project it is given,
so every test runs it on the ``project`` fixture's copy (tmp_path), never on
the repository's own ``seeds/`` and ``briefings/``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.app import App
from textual.widgets import Input, OptionList, TextArea

from brief.workspace import ProjectPaths, load_workspace
from tui.app import BriefApp

SIZE = (120, 36)
"""The terminal every TUI test and snapshot uses (columns, rows)."""


def project_paths(root: Path) -> ProjectPaths:
    return ProjectPaths(root=root, corpus=root / "seeds", briefings=root / "briefings")


def make_app(root: Path, recipe: Path | None = None, *, restore_draft: bool = False) -> BriefApp:
    """The app on the project copy at ``root``; exports go to ``root/out``, drafts are ignored unless asked."""
    paths = project_paths(root)
    return BriefApp(paths, recipe, out_dir=root / "out", restore_draft=restore_draft,
                    workspace=load_workspace(paths))


def stop_cursor_blink(app: App) -> None:
    """A steady cursor in every input and text area of every open screen, for stable screenshots."""
    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False


def option_texts(listing: OptionList) -> list[str]:
    """The plain text of every row of an option list, as it would be drawn (markup is not parsed)."""
    texts = []
    for index in range(listing.option_count):
        prompt = listing.get_option_at_index(index).prompt
        texts.append(prompt.plain if hasattr(prompt, "plain") else str(prompt))
    return texts


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                       r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>')
_CELL_WIDTH = 12.2
"""Width of one terminal cell in Rich's SVG export (0.61 × the 20-pixel line height)."""


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text lines, read back from the app's SVG screenshot.

    Rich leaves runs of blank cells out of the SVG, so each piece is put back at
    its column; the result is what a user reads, markup and all.
    """
    rows: dict[int, dict[int, str]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        rows.setdefault(int(line), {})[round(float(x) / _CELL_WIDTH)] = html.unescape(text).replace("\xa0", " ")
    lines = []
    for number in range(max(rows, default=-1) + 1):
        line = ""
        for column, piece in sorted(rows.get(number, {}).items()):
            line = line.ljust(column) + piece
        lines.append(line.rstrip())
    return "\n".join(lines)
