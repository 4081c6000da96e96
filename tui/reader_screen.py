"""The reader: a source's cleaned text, every excerpt highlighted by section.

Select any span (shift+arrows or the mouse) and press ``x`` to make it an
excerpt with topics and a section; ``r`` rejects the automatic excerpt under the
cursor; ``d`` deletes the analyst's own annotation there. Each change is written
at once, atomically, to ``seeds/annotations/<source>.yaml`` — what ``brief
build`` reads too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TextArea
from textual.widgets.text_area import TextAreaTheme

from brief.corpus import Source
from brief.excerpts import Excerpt

if TYPE_CHECKING:
    from tui.app import BriefApp

HIGHLIGHT_THEME = TextAreaTheme(
    name="brief-sections",
    syntax_styles={
        "state-of-talks": Style(bgcolor="#0f3b4d"),
        "sticking-points": Style(bgcolor="#4d1518"),
        "outlook": Style(bgcolor="#163d1c"),
        "background": Style(bgcolor="#2b2b2b"),
        "analyst": Style(bgcolor="#48204d", underline=True),
    },
)


class ArticleView(TextArea):
    """A read-only TextArea that paints excerpt spans instead of syntax."""

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(text, read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)  # type: ignore[arg-type]
        self.excerpt_spans: list[tuple[int, int, str]] = []
        self.register_theme(HIGHLIGHT_THEME)
        self.theme = HIGHLIGHT_THEME.name

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self.excerpt_spans = spans
        self._build_highlight_map()
        self.refresh()

    # TextArea's highlight map is the documented route for styling ranges of text
    # (it is what tree-sitter fills); we fill it from excerpt offsets instead.
    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        lines = self.text.split("\n")
        starts = []
        position = 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        for start, end, name in getattr(self, "excerpt_spans", []):
            row = _row_of(starts, start)
            while row < len(lines) and starts[row] < end:
                line = lines[row]
                left = max(start - starts[row], 0)
                right = min(end - starts[row], len(line))
                if right > left:
                    highlights[row].append((len(line[:left].encode()), len(line[:right].encode()), name))
                row += 1

    def offset_of(self, location: tuple[int, int]) -> int:
        row, column = location
        lines = self.text.split("\n")
        return sum(len(line) + 1 for line in lines[:row]) + column

    def location_of(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        row = before.count("\n")
        return row, offset - (before.rfind("\n") + 1)


def _row_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


class ReaderScreen(Screen[None]):
    CSS_PATH = "reader.tcss"
    BINDINGS = [
        Binding("x", "make_excerpt", "Excerpt from selection"),
        Binding("r", "reject", "Reject excerpt"),
        Binding("d", "delete_own", "Delete my annotation"),
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, source_id: str, offset: int) -> None:
        super().__init__()
        self.source_id = source_id
        self.start_offset = offset

    @property
    def brief_app(self) -> BriefApp:
        return self.app  # type: ignore[return-value]

    @property
    def source(self) -> Source:
        return self.brief_app.workspace.corpus.source(self.source_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meta", markup=False)
        yield ArticleView(self.source.text, id="article")
        yield Static(Text("Section colours: state of talks (blue) · sticking points (red) · outlook (green) · "
                          "background (grey) · your own excerpts (purple, underlined)", style="dim"), id="legend")
        yield Footer()

    def on_mount(self) -> None:
        source = self.source
        self.sub_title = source.display_title()
        meta = source.meta
        self.query_one("#meta", Static).update(Text(
            f"{source.display_title()}\n{meta.outlet.display()} · {meta.author.display()} · "
            f"{meta.published.display()} · {source.id}"))
        self.paint()
        view = self.query_one("#article", ArticleView)
        view.move_cursor(view.location_of(self.start_offset), center=True)
        view.focus()

    def excerpts(self) -> list[Excerpt]:
        return self.brief_app.workspace.excerpts_of(self.source_id)

    def paint(self) -> None:
        spans = []
        moves = self.brief_app.composition.spec.moves
        for excerpt in self.excerpts():
            name = "analyst" if excerpt.origin == "analyst" else moves.get(excerpt.id, excerpt.section)
            if excerpt.topics or excerpt.origin == "analyst":
                spans.append((excerpt.start, excerpt.end, name))
        self.query_one("#article", ArticleView).set_spans(spans)

    def _cursor_offset(self) -> int:
        view = self.query_one("#article", ArticleView)
        return view.offset_of(view.cursor_location)

    def _excerpt_at_cursor(self) -> Excerpt | None:
        offset = self._cursor_offset()
        return next((e for e in self.excerpts() if e.start <= offset < e.end), None)

    def action_make_excerpt(self) -> None:
        view = self.query_one("#article", ArticleView)
        start, end = sorted((view.offset_of(view.selection.start), view.offset_of(view.selection.end)))
        text = self.source.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            self.notify("Select a span first (shift+arrows or drag with the mouse), then press x.", markup=False)
            return
        inside = next((e for e in self.excerpts() if e.start <= start and end <= e.end), None)
        topics = list(inside.topics) if inside else []
        section = inside.section if inside else "state-of-talks"
        self.brief_app.tag_span(self.source_id, start, end, topics, section)

    def action_reject(self) -> None:
        excerpt = self._excerpt_at_cursor()
        if excerpt is None or excerpt.origin == "analyst":
            self.notify("Put the cursor in an automatic excerpt to reject it.", markup=False)
            return
        self.brief_app.annotate_reject(self.source_id, excerpt.start, excerpt.end)

    def action_delete_own(self) -> None:
        offset = self._cursor_offset()
        self.brief_app.remove_annotation(self.source_id, offset, offset + 1)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from tui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())
