"""The compose screen: choose sources, topics and window; adjust excerpts; watch the brief form.

Left: sources and topics (with excerpt counts) and the window. Middle: search
and the excerpts the choices let in, each with its status (★ key point, ✓ in
the brief, ✗ excluded, · not used), section, source and topics. Right: the
brief's Markdown as it stands, side by side or full width (``p``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from brief.assembly import resolve_as_of
from brief.dates import parse_iso_date
from brief.errors import UserError
from brief.excerpts import Excerpt
from brief.index import ExcerptQuery
from brief.recipe import DateRange, Window
from tui.rows import date_mark, excerpt_row, excerpt_status, source_label, topic_label

if TYPE_CHECKING:
    from tui.app import BriefApp

WINDOW_CHOICES = [("7 days", "7d"), ("30 days", "30d"), ("All", "all"), ("From–to…", "range")]
MAX_LISTED = 200
"""Rows shown at once in the excerpt list (the brief's own first); search and filters narrow further."""
MAX_SOURCES_LISTED = 300
"""Sources listed at once. Beyond this, only those in the window, in id order; a narrower window shows the rest."""


class ComposeScreen(Screen[None]):
    """The analyst's main screen."""

    CSS_PATH = "compose.tcss"
    BINDINGS = [
        Binding("space", "toggle_include", "In/out"),
        Binding("enter", "open_reader", "Open article", show=True),
        Binding("slash", "focus_search", "Search"),
        Binding("k", "pin", "Key point"),
        Binding("m", "move_section", "Move section"),
        Binding("t", "edit_topics", "Topics"),
        Binding("ctrl+up", "move_up", "Up", show=False),
        Binding("ctrl+down", "move_down", "Down", show=False),
        Binding("e", "export", "Export"),
        Binding("ctrl+s", "save_recipe", "Save recipe", priority=True),
        Binding("p", "toggle_preview", "Preview"),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_app", "Quit"),
    ]

    @property
    def brief_app(self) -> BriefApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="choices"):
                yield Label("Sources", classes="heading", id="sources-heading")
                yield SelectionList[str](id="sources")
                yield Label("Topics", classes="heading")
                yield SelectionList[str](id="topics")
                yield Label("Window", classes="heading")
                # Built with the recipe's window: a Select reports its first value when it mounts.
                self.span_choices = _span_choices(self.brief_app.composition.spec.window)
                yield Select(self.span_choices, id="span", allow_blank=False,
                             value=_span_choice(self.brief_app.composition.spec.window))
                yield Input(placeholder="as of: latest or YYYY-MM-DD", id="as-of")
                yield Input(placeholder="from..to: YYYY-MM-DD..YYYY-MM-DD", id="range")
            with Vertical(id="middle"):
                yield Input(placeholder="/ search the excerpts in view", id="search")
                yield OptionList(id="excerpts")
                with Horizontal(id="progress-line"):
                    yield LoadingIndicator(id="export-spinner")
                    yield Static(id="progress-text", markup=False)
                yield Static(id="status", markup=False)
            yield TextArea(id="preview", read_only=True, soft_wrap=True, show_cursor=False)
        yield Footer()

    def show_progress(self, message: str | None) -> None:
        """The export's progress: a spinner and what it is doing; hidden when ``message`` is None."""
        self.query_one("#progress-line").display = message is not None
        if message is not None:
            self.query_one("#progress-text", Static).update(Text(message))

    def on_mount(self) -> None:
        self.shown: dict[str, Excerpt] = {}
        self.query_one("#progress-line").display = False
        self.query_one("#range", Input).display = False
        self.refresh_choices()
        self.refresh_brief()
        self.query_one("#excerpts", OptionList).focus()

    # --- reading state into widgets ---------------------------------------------------------

    def _window(self) -> Window | None:
        """The current window, or None when it cannot be resolved (no dated source in scope)."""
        app = self.brief_app
        recipe = app.composition.recipe
        try:
            return recipe.resolve_window(resolve_as_of(app.workspace, recipe, None))
        except UserError:
            return None

    def view_query(self, *, search: bool = True) -> ExcerptQuery:
        """What the sources, topics, window (and search) let into view, as one index query."""
        spec = self.brief_app.composition.spec
        window = self._window()
        bounded = window is not None and (window.start is not None or window.end is not None)
        return ExcerptQuery(start=window.start if window else None, end=window.end if window else None,
                            not_after=window.not_after if window else None,
                            dated_only=bounded, sources=None if spec.sources == "all" else frozenset(spec.sources),
                            topics=None if spec.topics == "all" else frozenset(spec.topics),
                            search=self.query_one("#search", Input).value.strip() or None if search else None)

    def refresh_choices(self) -> None:
        """Source and topic lists with counts under the current sources and window."""
        app = self.brief_app
        spec = app.composition.spec
        window = self._window()
        dates = app.workspace.corpus.dates()
        chosen_sources = set(dates) if spec.sources == "all" else set(spec.sources)
        # A small corpus lists every source; a large one those in the window (and any chosen by name).
        listed = [sid for sid, date in dates.items() if len(dates) <= MAX_SOURCES_LISTED or window is None
                  or window.contains(date) or (spec.sources != "all" and sid in chosen_sources)]
        total = len(listed)
        listed = listed[:MAX_SOURCES_LISTED]
        per_source = app.tagged_counts()
        per_topic = app.workspace.count_topics(self.view_query(search=False))
        sources = self.query_one("#sources", SelectionList)
        options = [(source_label(s, per_source.get(s.id, 0)), s.id, s.id in chosen_sources)
                   for s in app.workspace.corpus.sources_named(listed)]
        self._replace_options(sources, options)
        heading = "Sources" if total <= len(listed) else f"Sources ({len(listed)} of {total} in the window)"
        self.query_one("#sources-heading", Label).update(heading)
        topics = self.query_one("#topics", SelectionList)
        chosen_topics = set(app.workspace.taxonomy.topic_ids()) if spec.topics == "all" else set(spec.topics)
        self._replace_options(topics, [(topic_label(t.label, per_topic.get(t.id, 0)), t.id, t.id in chosen_topics)
                                       for t in app.workspace.taxonomy.topics])
        span = self.query_one("#span", Select)
        value = _span_choice(spec.window)
        with self.prevent(Select.Changed):
            choices = _span_choices(spec.window)
            if choices != self.span_choices:
                span.set_options(choices)
                self.span_choices = choices
            span.value = value
        as_of = self.query_one("#as-of", Input)
        with self.prevent(Input.Changed):
            as_of.value = "" if spec.as_of == "latest" else spec.as_of
            if isinstance(window, DateRange):
                self.query_one("#range", Input).value = f"{window.from_}..{window.to}"
        self.query_one("#range", Input).display = value == "range"

    @staticmethod
    def _replace_options(listing: SelectionList, options: list[tuple[Text, str, bool]]) -> None:
        """Put these rows in the list, keeping the highlight; nothing is redrawn when nothing changed."""
        signature = [(label.plain, value, selected) for label, value, selected in options]
        if getattr(listing, "_brief_rows", None) == signature:
            return
        listing._brief_rows = signature  # type: ignore[attr-defined]
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(options)
        if highlighted is not None and highlighted < listing.option_count:
            listing.highlighted = highlighted

    def visible_excerpts(self) -> tuple[list[Excerpt], int]:
        """The excerpts in view, those in the brief first (at most :data:`MAX_LISTED`), and how many there are."""
        workspace = self.brief_app.workspace
        query = self.view_query()
        in_brief = [e for e in workspace.excerpts_by_id(self._brief_order()) if query.admits(e)]
        if query.search and in_brief:
            matching = {e.id for e in workspace.select_excerpts(replace(query, ids=frozenset(e.id for e in in_brief)))}
            in_brief = [e for e in in_brief if e.id in matching]
        shown = {e.id for e in in_brief}
        rest = [e for e in workspace.select_excerpts(query, limit=MAX_LISTED) if e.id not in shown]
        return (in_brief + rest)[:MAX_LISTED], workspace.count_excerpts(query)

    def refresh_brief(self) -> None:
        """Re-assemble the brief, then redraw the excerpt list and the preview."""
        app = self.brief_app
        app.reassemble()
        self.refresh_excerpts()
        preview = self.query_one("#preview", TextArea)
        scroll = preview.scroll_offset
        preview.load_text(app.preview_text)
        preview.scroll_to(scroll.x, scroll.y, animate=False)
        self.sub_title = app.composition.path.name + (" · modified" if app.composition.unsaved else "")

    def refresh_excerpts(self) -> None:
        app = self.brief_app
        spec = app.composition.spec
        excerpts, total = self.visible_excerpts()
        order = self._brief_order()
        excerpts.sort(key=lambda e: (order.get(e.id, (1_000_000,)), e.source_id, e.start))
        listing = self.query_one("#excerpts", OptionList)
        previous = listing.highlighted_option.id if listing.highlighted_option is not None else None
        pinned, excluded = set(spec.pin), set(spec.exclude)
        options = []
        self.shown = {excerpt.id: excerpt for excerpt in excerpts}
        marks = {source.id: date_mark(source)
                 for source in app.workspace.corpus.sources_named({e.source_id for e in excerpts})}
        for excerpt in excerpts:
            section = spec.moves.get(excerpt.id, excerpt.section)
            status = excerpt_status(excerpt.id, order.get(excerpt.id), pinned, excluded)
            options.append(Option(excerpt_row(excerpt, section, status, marks.get(excerpt.source_id, "")),
                                  id=excerpt.id))
        listing.clear_options()
        listing.add_options(options)
        ids = [option.id for option in options]
        if previous in ids:
            listing.highlighted = ids.index(previous)
        elif options:
            listing.highlighted = 0
        in_brief = sum(1 for o in options if o.id in order)
        shown = f"{len(options)} of {total}" if total > len(options) else str(len(options))
        words = app.briefing.word_count if app.briefing else 0
        problem = f" · {app.assembly_problem}" if app.assembly_problem else ""
        self.query_one("#status", Static).update(
            Text(f"{shown} excerpt{'s' if total != 1 else ''} in view · {in_brief} in the brief · "
                 f"{words} words{problem}"))

    def _brief_order(self) -> dict[str, tuple[int, ...]]:
        briefing = self.brief_app.briefing
        order: dict[str, tuple[int, ...]] = {}
        if briefing is None:
            return order
        for index, item in enumerate(briefing.key_points):
            for excerpt_id in item.excerpt_ids:
                order.setdefault(excerpt_id, (0, index))
        for number, section in enumerate(briefing.sections, start=1):
            for index, item in enumerate(section.items):
                for excerpt_id in item.excerpt_ids:
                    order.setdefault(excerpt_id, (number, index))
        return order

    def highlighted_excerpt(self) -> Excerpt | None:
        listing = self.query_one("#excerpts", OptionList)
        option = listing.highlighted_option
        if option is None:
            return None
        return self.shown.get(option.id) if option.id else None

    # --- choices ------------------------------------------------------------------------------

    @on(SelectionList.SelectionToggled, "#sources")
    def source_toggled(self, event: SelectionList.SelectionToggled) -> None:
        ids = self.brief_app.workspace.corpus.ids()
        self.brief_app.change(lambda c: c.toggle_source(event.selection.value, ids))

    @on(SelectionList.SelectionToggled, "#topics")
    def topic_toggled(self, event: SelectionList.SelectionToggled) -> None:
        ids = self.brief_app.workspace.taxonomy.topic_ids()
        self.brief_app.change(lambda c: c.toggle_topic(event.selection.value, ids))

    @on(Select.Changed, "#span")
    def span_changed(self, event: Select.Changed) -> None:
        value = str(event.value)
        self.query_one("#range", Input).display = value == "range"
        if value == _span_choice(self.brief_app.composition.spec.window):
            return  # the Select reporting the recipe's own window (as it does when mounted): not a change
        if value == "range":
            self.query_one("#range", Input).focus()
            return
        self.brief_app.change(lambda c: c.set_window(value))

    @on(Input.Submitted, "#as-of")
    def as_of_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip() or "latest"
        if value != "latest" and parse_iso_date(value) is None:
            self.notify(f"Not a date: {value!r}. Write YYYY-MM-DD or leave empty for the latest.",
                        severity="error", markup=False)
            return
        self.brief_app.change(lambda c: c.set_window(c.spec.window, as_of=value))

    @on(Input.Submitted, "#range")
    def range_submitted(self, event: Input.Submitted) -> None:
        start, _, end = event.value.partition("..")
        first, last = parse_iso_date(start.strip()), parse_iso_date(end.strip())
        if first is None or last is None or first > last:
            self.notify("Write the window as YYYY-MM-DD..YYYY-MM-DD, the first date not after the second.",
                        severity="error", markup=False)
            return
        window = DateRange.model_validate({"from": first.isoformat(), "to": last.isoformat()})
        self.brief_app.change(lambda c: c.set_window(window, as_of=last.isoformat()))

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if event.value != event.input.value:
            return  # more typing is queued behind this change: only the latest text is searched
        self.refresh_excerpts()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#excerpts", OptionList).focus()

    @on(OptionList.OptionSelected, "#excerpts")
    def excerpt_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open_reader()

    # --- actions on the highlighted excerpt -----------------------------------------------------

    def _in_brief(self, excerpt_id: str) -> bool:
        briefing = self.brief_app.briefing
        return briefing is not None and any(excerpt_id in item.excerpt_ids for item in briefing.all_items())

    def action_toggle_include(self) -> None:
        excerpt = self.highlighted_excerpt()
        if excerpt is not None:
            in_brief = self._in_brief(excerpt.id)
            self.brief_app.change(lambda c: c.toggle_included(excerpt.id, in_brief))

    def action_pin(self) -> None:
        excerpt = self.highlighted_excerpt()
        if excerpt is not None:
            self.brief_app.change(lambda c: c.toggle_pin(excerpt.id))

    def action_move_section(self) -> None:
        excerpt = self.highlighted_excerpt()
        if excerpt is None:
            return
        app = self.brief_app
        # Only sections that hold excerpts: not "what changed" or other sections the brief makes itself.
        excerpt_sections = set(app.workspace.taxonomy.section_ids())
        choices = [(section.title or app.workspace.taxonomy.section(section.id).label, section.id)
                   for section in app.composition.spec.sections if section.id in excerpt_sections]

        def moved(section_id: str | None) -> None:
            if section_id:
                app.change(lambda c: c.move_to_section(excerpt.id, section_id))

        self.app.push_screen(_choose("Move the excerpt to section", choices), moved)

    def action_edit_topics(self) -> None:
        excerpt = self.highlighted_excerpt()
        if excerpt is not None:
            self.brief_app.tag_span(excerpt.source_id, excerpt.start, excerpt.end, list(excerpt.topics),
                                    self.brief_app.composition.spec.moves.get(excerpt.id, excerpt.section))

    def _move(self, step: int) -> None:
        excerpt = self.highlighted_excerpt()
        app = self.brief_app
        if excerpt is None or app.briefing is None:
            return
        item = next((i for i in app.briefing.all_items() if excerpt.id in i.excerpt_ids), None)
        if item is None:
            self.notify("Only excerpts in the brief can be moved up or down.", markup=False)
            return
        briefing = app.briefing
        app.change(lambda c: c.move_within_section(briefing, item.excerpt_id, step))

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(+1)

    def action_open_reader(self) -> None:
        excerpt = self.highlighted_excerpt()
        if excerpt is not None:
            self.brief_app.open_reader(excerpt.source_id, excerpt.start)

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_toggle_preview(self) -> None:
        body = self.query_one("#body")
        body.toggle_class("preview-full")
        # The full-width preview hides the focused list; without this the focus lands in the hidden
        # search box, which then swallows the next `p` and the preview never closes.
        self.query_one("#preview" if body.has_class("preview-full") else "#excerpts").focus()

    def action_export(self) -> None:
        self.brief_app.export()

    def action_save_recipe(self) -> None:
        self.brief_app.save_recipe()

    def action_undo(self) -> None:
        if self.brief_app.composition.undo():
            self.brief_app.after_change()

    def action_help(self) -> None:
        from tui.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit_app(self) -> None:
        self.brief_app.request_quit()


def _span_choice(window: str | DateRange) -> str:
    """The window menu's entry for a recipe's window."""
    return "range" if isinstance(window, DateRange) else window


def _span_choices(window: str | DateRange) -> list[tuple[str, str]]:
    """The window menu, with the recipe's own span added when it is not a standard one (e.g. 14d)."""
    if isinstance(window, str) and window not in {value for _, value in WINDOW_CHOICES}:
        return [*WINDOW_CHOICES[:-2], (f"{window[:-1].strip()} days", window), *WINDOW_CHOICES[-2:]]
    return list(WINDOW_CHOICES)


def _choose(title: str, choices: list[tuple[str, str]]):
    from tui.dialogs import ChooseDialog

    return ChooseDialog(title, choices)

