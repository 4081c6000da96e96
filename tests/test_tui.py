"""The terminal UI driven by Pilot: choices, excerpt actions, the reader's annotations, export, recipes, drafts.

Every test runs the app on the ``project`` fixture's copy of seeds/ and
briefings/ (the app writes annotations, recipes and drafts there) and drives it
with key presses wherever a key does the job. No async plugin is needed: each
test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList
from textual.widgets.text_area import Selection

from brief.cli import main as brief_main
from brief.drafts import draft_path
from brief.recipe import load_recipe
from tui.app import BriefApp
from tui.compose_screen import ComposeScreen
from tui.dialogs import ChooseDialog, ConfirmQuitDialog, MessageDialog, SaveRecipeDialog, TagDialog
from tui.help_screen import HelpScreen
from tui.reader_screen import ArticleView, ReaderScreen

from .conftest import DATA
from .tui_factory import SIZE, make_app, option_texts, screen_text

Scenario = Callable[[BriefApp, Pilot], Awaitable[None]]


def drive(app: BriefApp, scenario: Scenario) -> None:
    """Run ``scenario`` against ``app`` in a 120×36 headless terminal."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def excerpt_list(app: BriefApp) -> OptionList:
    return app.screen.query_one("#excerpts", OptionList)


def highlighted_id(app: BriefApp) -> str:
    """The id of the excerpt highlighted in the compose screen's list."""
    option = excerpt_list(app).highlighted_option
    assert option is not None and option.id is not None
    return option.id


def row_text(app: BriefApp, excerpt_id: str) -> str:
    """The plain text of the excerpt's row in the compose screen's list."""
    listing = excerpt_list(app)
    index = listing.get_option_index(excerpt_id)
    return option_texts(listing)[index]


def brief_ids(app: BriefApp) -> set[str]:
    assert app.briefing is not None
    return {excerpt_id for item in app.briefing.all_items() for excerpt_id in item.excerpt_ids}


async def highlight_value(pilot: Pilot, widget: SelectionList | OptionList, value: str) -> None:
    """Move the highlight to the option ``value`` with the arrow keys, as a user would."""
    widget.focus()
    await pilot.press("home")
    for _ in range(widget.option_count):
        option = widget.highlighted_option
        if option is not None and (getattr(option, "value", None) == value or option.id == value):
            return
        await pilot.press("down")
    raise AssertionError(f"no option {value!r} in {widget!r}")


async def save_recipe_as(pilot: Pilot, name: str) -> None:
    """ctrl+s, replace the proposed name, enter."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaveRecipeDialog)
    await pilot.press("ctrl+u", *name, "enter")
    await pilot.pause()


def build_markdown(recipe: Path, out_dir: Path) -> Path:
    """``brief build RECIPE --format md --out OUT_DIR``; returns the one file written."""
    assert brief_main(["build", str(recipe), "--format", "md", "--out", str(out_dir)]) == 0
    written = sorted(out_dir.glob("*.md"))
    assert len(written) == 1, written
    return written[0]


def exported_briefs(out_dir: Path) -> list[Path]:
    """The brief files an export wrote, after checking that its manifest records that Markdown."""
    manifests = sorted(out_dir.glob("*.manifest.json"))
    assert len(manifests) == 1, manifests
    briefs = sorted(p for p in out_dir.iterdir() if p not in manifests)
    recorded = json.loads(manifests[0].read_text(encoding="utf-8"))
    markdown = out_dir / recorded["markdown_file"]
    assert hashlib.sha256(markdown.read_bytes()).hexdigest() == recorded["markdown_sha256"]
    return briefs


def md_only_recipe(project: Path) -> Path:
    """The weekly recipe with Markdown as its only format, so an export needs no typesetting."""
    text = (project / "briefings" / "weekly.yaml").read_text(encoding="utf-8")
    assert "formats: [md, pdf]" in text
    path = project / "briefings" / "md-only.yaml"
    path.write_text(text.replace("formats: [md, pdf]", "formats: [md]"), encoding="utf-8")
    return path


async def choose_topics_and_sources(app: BriefApp, pilot: Pilot, topic: str, source: str) -> None:
    """Untick one topic and one source with the keyboard."""
    screen = app.screen
    await highlight_value(pilot, screen.query_one("#topics", SelectionList), topic)
    await pilot.press("space")
    await highlight_value(pilot, screen.query_one("#sources", SelectionList), source)
    await pilot.press("space")
    await pilot.pause()


# --- choose, save, export ----------------------------------------------------------------------------


def test_export_equals_brief_build_of_the_saved_recipe(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(project, md_only_recipe(project))
    topic, source = "territory", "003_5b825d6438a3e144"

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        assert not app.composition.unsaved, "an opened recipe must not count as changed"
        await choose_topics_and_sources(app, pilot, topic, source)
        spec = app.composition.spec
        assert isinstance(spec.topics, list) and topic not in spec.topics
        assert isinstance(spec.sources, list) and source not in spec.sources
        assert topic not in app.screen.query_one("#topics", SelectionList).selected
        assert source not in app.screen.query_one("#sources", SelectionList).selected
        assert app.composition.unsaved and "modified" in app.screen.sub_title
        await save_recipe_as(pilot, "chosen")
        assert isinstance(app.screen, ComposeScreen)
        assert not app.composition.unsaved and "modified" not in app.screen.sub_title
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.exporting

    drive(app, scenario)
    recipe_path = project / "briefings" / "chosen.yaml"
    assert recipe_path.is_file()
    saved = load_recipe(recipe_path, app.workspace.taxonomy)
    assert saved.spec == app.composition.spec
    assert topic not in saved.spec.topics and source not in saved.spec.sources
    exported = exported_briefs(project / "out")
    assert [p.suffix for p in exported] == [".md"] and exported[0].name.startswith("chosen-")
    built = build_markdown(recipe_path, project / "built")
    capsys.readouterr()
    assert built.name == exported[0].name
    assert exported[0].read_bytes() == built.read_bytes()
    assert source not in exported[0].read_text(encoding="utf-8")


def test_export_says_what_the_edition_was_compared_with(project: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """As `brief build` does on stderr: a first edition says so; the next one counts its new items."""
    recipe = md_only_recipe(project)
    app = make_app(project, recipe)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(str(message)))

    async def export(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await export(app, pilot)
        assert "\nFirst edition of md-only in this folder: nothing to compare with.\n" in said[-1]
        # what to do about the undated seed 001, which the brief names only by its title
        assert said[-1].endswith("\nGive its date in seeds/sources.yaml: 001_83039b644387e352."
                                 "\nGive its date in seeds/sources.yaml: 003_5b825d6438a3e144.")
        assert brief_main(["build", str(recipe), "--as-of", "2025-12-04", "--out", str(project / "out")]) == 0
        await export(app, pilot)  # 18 December again: compared with the newest edition strictly before it

    drive(app, scenario)
    capsys.readouterr()
    manifest = json.loads((project / "out" / "md-only-2025-12-18.manifest.json").read_text(encoding="utf-8"))
    new = sum(item["new"] for item in manifest["items"])
    assert new and said[-1].startswith("Written: ")
    assert f"\nCompared with md-only-2025-12-04.md: {new} new items, " in said[-1]
    assert " dropped out.\nGive its date in seeds/sources.yaml: 001_83039b644387e352." in said[-1]


@pytest.mark.pdf
def test_export_writes_markdown_and_pdf(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(project)
    assert app.composition.spec.formats == ["md", "pdf"]

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await choose_topics_and_sources(app, pilot, "territory", "003_5b825d6438a3e144")
        await save_recipe_as(pilot, "with-pdf")
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, MessageDialog), getattr(app.screen, "message", "")

    drive(app, scenario)
    exported = exported_briefs(project / "out")
    assert [p.suffix for p in exported] == [".md", ".pdf"]
    markdown, pdf = exported
    assert pdf.read_bytes().startswith(b"%PDF")
    built = build_markdown(project / "briefings" / "with-pdf.yaml", project / "built")
    capsys.readouterr()
    assert markdown.read_bytes() == built.read_bytes()


# --- the reader: tag and reject ------------------------------------------------------------------------


def test_tagging_a_span_in_the_reader_makes_an_analyst_excerpt(project: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(project)
    found: dict[str, Any] = {}

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("down")
        excerpt_id = highlighted_id(app)
        excerpt = next(e for e in app.workspace.excerpts if e.id == excerpt_id)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.source_id == excerpt.source_id
        text = reader.source.text
        view = reader.query_one("#article", ArticleView)
        assert view.offset_of(view.cursor_location) == excerpt.start
        # The span: the excerpt's first words, up to a word boundary.
        start = excerpt.start
        end = start + excerpt.text.rfind(" ", 0, 70)
        view.selection = Selection(view.location_of(start), view.location_of(end))
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TagDialog) and dialog.quote == text[start:end]
        new_topic = next(t for t in app.workspace.taxonomy.topic_ids() if t not in excerpt.topics)
        await highlight_value(pilot, dialog.query_one("#topics", SelectionList), new_topic)
        await pilot.press("space")
        await highlight_value(pilot, dialog.query_one("#section", OptionList), "outlook")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is reader
        assert (start, end, "analyst") in view.excerpt_spans
        found.update(source=excerpt.source_id, start=start, end=end, quote=text[start:end],
                     topics=[*excerpt.topics, new_topic])
        await pilot.press("escape")
        await pilot.pause()
        analyst = [e for e in app.workspace.excerpts if e.origin == "analyst"]
        assert len(analyst) == 1
        found["analyst"] = analyst[0]
        assert analyst[0].id in brief_ids(app)
        assert "analyst" in row_text(app, analyst[0].id)
        assert excerpt.id not in [e.id for e in app.workspace.excerpts], "the analyst's span replaces the rule's"

    drive(app, scenario)
    analyst = found["analyst"]
    assert (analyst.source_id, analyst.start, analyst.end) == (found["source"], found["start"], found["end"])
    assert analyst.text == found["quote"] and analyst.section == "outlook"
    assert set(analyst.topics) == set(found["topics"])
    stored = yaml.safe_load((project / "seeds" / "annotations" / f"{found['source']}.yaml").read_text("utf-8"))
    assert stored["source"] == found["source"]
    [annotation] = stored["annotations"]
    assert annotation["action"] == "excerpt" and annotation["quote"] == found["quote"]
    assert (annotation["start"], annotation["end"]) == (found["start"], found["end"])
    assert annotation["section"] == "outlook" and set(annotation["topics"]) == set(found["topics"])
    built = build_markdown(project / "briefings" / "weekly.yaml", project / "built")
    capsys.readouterr()
    assert found["quote"] in built.read_text(encoding="utf-8")


def test_r_in_the_reader_rejects_the_automatic_excerpt(project: Path) -> None:
    app = make_app(project)
    found: dict[str, Any] = {}

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        excerpt_id = highlighted_id(app)
        excerpt = next(e for e in app.workspace.excerpts if e.id == excerpt_id)
        assert excerpt.origin == "rules" and excerpt_id in brief_ids(app)
        found["excerpt"] = excerpt
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("r")
        await pilot.pause()
        assert excerpt_id not in [e.id for e in app.workspace.excerpts]
        assert (excerpt.start, excerpt.end) not in [(s, e) for s, e, _ in reader.query_one(ArticleView).excerpt_spans]
        await pilot.press("escape")
        await pilot.pause()
        assert excerpt_id not in [option.id for option in excerpt_list(app).options]
        assert excerpt_id not in brief_ids(app)

    drive(app, scenario)
    excerpt = found["excerpt"]
    stored = yaml.safe_load((project / "seeds" / "annotations" / f"{excerpt.source_id}.yaml").read_text("utf-8"))
    [annotation] = stored["annotations"]
    assert annotation["action"] == "reject"
    assert annotation["quote"] == excerpt.text
    assert (annotation["start"], annotation["end"]) == (excerpt.start, excerpt.end)


# --- excerpt by excerpt on the compose screen ----------------------------------------------------------


def test_space_excludes_then_includes_the_highlighted_excerpt(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        excerpt_id = highlighted_id(app)
        assert excerpt_id in brief_ids(app) and row_text(app, excerpt_id)[0] in "★✓"
        await pilot.press("space")
        await pilot.pause()
        assert app.composition.spec.exclude == [excerpt_id] and app.composition.spec.include == []
        assert excerpt_id not in brief_ids(app)
        assert row_text(app, excerpt_id).startswith("✗")
        assert highlighted_id(app) == excerpt_id, "the highlight follows the excerpt"
        await pilot.press("space")
        await pilot.pause()
        assert app.composition.spec.exclude == [] and app.composition.spec.include == [excerpt_id]
        assert excerpt_id in brief_ids(app)
        assert row_text(app, excerpt_id)[0] in "★✓"
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.composition.spec.exclude == [] and app.composition.spec.include == []

    drive(make_app(project), scenario)


def test_k_pins_an_unused_excerpt_as_a_key_point(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("end")
        excerpt_id = highlighted_id(app)
        assert row_text(app, excerpt_id).startswith("·"), "the last row is a candidate the brief does not use"
        await pilot.press("k")
        await pilot.pause()
        assert app.composition.spec.pin == [excerpt_id]
        assert row_text(app, excerpt_id).startswith("★")
        assert app.briefing is not None
        assert excerpt_id in {i for item in app.briefing.key_points for i in item.excerpt_ids}
        await pilot.press("k")
        await pilot.pause()
        assert app.composition.spec.pin == []

    drive(make_app(project), scenario)


def test_m_moves_the_excerpt_to_another_section(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        excerpt_id = highlighted_id(app)
        excerpt = next(e for e in app.workspace.excerpts if e.id == excerpt_id)
        assert excerpt.section != "outlook"
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChooseDialog)
        assert [value for _, value in dialog.choices] == ["state-of-talks", "sticking-points", "outlook"]
        await highlight_value(pilot, dialog.query_one("#choices", OptionList), "outlook")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        assert app.composition.spec.moves == {excerpt_id: "outlook"}
        assert "OUTLOOK" in row_text(app, excerpt_id).split("\n")[0]
        assert app.briefing is not None
        [item] = [item for item in app.briefing.all_items() if excerpt_id in item.excerpt_ids]
        assert item.section == "outlook"

    drive(make_app(project), scenario)


def test_escape_in_the_section_dialog_changes_nothing(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChooseDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        assert app.composition.spec.moves == {} and app.composition.history == []

    drive(make_app(project), scenario)


def test_a_saved_recipe_keeps_the_text_of_the_passages_it_names(project: Path) -> None:
    """So that its ids re-attach when an article's text changes (brief.recipe_ids)."""
    chosen: dict[str, str] = {}

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        chosen["id"] = highlighted_id(app)
        await pilot.press("space")
        await pilot.pause()
        await save_recipe_as(pilot, "trimmed")
        assert not app.composition.unsaved

    app = make_app(project)
    drive(app, scenario)
    saved = load_recipe(project / "briefings" / "trimmed.yaml", app.workspace.taxonomy).spec
    excerpt = app.workspace.excerpt(chosen["id"])
    assert excerpt is not None
    assert saved.exclude == [chosen["id"]] and saved.passages == {chosen["id"]: excerpt.text}


def test_p_toggles_the_full_width_preview(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        body = app.screen.query_one("#body")
        assert not body.has_class("preview-full")
        await pilot.press("p")
        await pilot.pause()
        assert body.has_class("preview-full")
        assert not app.screen.query_one("#choices").display and not app.screen.query_one("#middle").display
        assert "# Ukraine peace talks" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert not body.has_class("preview-full") and app.screen.query_one("#choices").display

    drive(make_app(project), scenario)


def test_slash_focuses_search_and_typing_filters_the_list(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        before = excerpt_list(app).option_count
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert app.focused is search
        await pilot.press(*"kremlin putin")
        await pilot.pause()
        assert search.value == "kremlin putin"
        assert app.composition.history == [], "typing a search (even k, p, space) changes nothing in the brief"
        texts = option_texts(excerpt_list(app))
        assert 0 < len(texts) < before
        for text in texts:
            body = text.split("\n", 1)[1].casefold()
            assert "kremlin" in body and "putin" in body
        await pilot.press("enter")
        assert app.focused is excerpt_list(app)
        search.value = ""
        await pilot.pause()
        assert excerpt_list(app).option_count == before

    drive(make_app(project), scenario)


def test_queued_search_changes_search_only_the_latest_text(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        screen = app.screen
        searched: list[str] = []
        refresh = screen.refresh_excerpts

        def counting_refresh() -> None:
            searched.append(screen.query_one("#search", Input).value)
            refresh()

        screen.refresh_excerpts = counting_refresh
        search = screen.query_one("#search", Input)
        for typed in ("k", "kr", "kre", "kremlin"):  # faster than the screen handles them, like a paste
            search.value = typed
        await pilot.pause()
        assert searched == ["kremlin"]
        texts = option_texts(excerpt_list(app))
        assert texts and all("kremlin" in text.split("\n", 1)[1].casefold() for text in texts)

    drive(make_app(project), scenario)


def test_question_mark_opens_help_listing_every_key(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for words in ("In/out", "Key point", "Move section", "Excerpt from selection", "Reject excerpt"):
            assert words in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)

    drive(make_app(project), scenario)


# --- hostile input --------------------------------------------------------------------------------------

MARKUP_ARTICLE = """\
---
title: "Talks [bold]resume[/] <b>now</b>"
outlet: "The [i]Markup[/i] Post"
published: 2025-12-18
---

Negotiators said the talks on territory [/] would resume next week, but the [bold red]x[/] demands on [bold]occupied land and <b>borders</b> remain the main sticking point between Moscow and Kyiv.

A second paragraph long enough to be prose says [link=https://example.org]the envoys[/link] expect security guarantees to dominate the next round of negotiations in Geneva.
"""


def test_markup_in_an_article_is_shown_literally(project: Path) -> None:
    (project / "seeds" / "markup.md").write_text(MARKUP_ARTICLE, encoding="utf-8")

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, ComposeScreen), "the app starts without a problem dialog"
        listing = excerpt_list(app)
        rows = [(option.id, text) for option, text in zip(listing.options, option_texts(listing), strict=True)
                if str(option.id).startswith("markup:")]
        [(first_id, first_text)] = [(i, text) for i, text in rows if "Negotiators" in text]
        assert "territory [/] would resume" in first_text
        assert "[bold red]x[/] demands on [bold]occupied land and <b>borders</b>" in first_text
        await pilot.press("slash", *"occupied land", "enter")
        await pilot.pause()
        assert [option.id for option in listing.options] == [first_id]
        shown = screen_text(app)
        for fragment in ("[/]", "red]x[/]", "[bold]occupied", "<b>borders</b>"):
            assert fragment in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        shown = screen_text(app)
        assert "Talks [bold]resume[/] <b>now</b>" in shown
        assert "The [i]Markup[/i] Post" in shown
        assert "territory [/] would resume next week, but the [bold red]x[/] demands on" in shown
        assert "[bold]occupied land and <b>borders</b> remain" in shown
        assert "[link=https://example.org]the envoys[/link]" in shown

    drive(make_app(project), scenario)


def test_a_broken_recipe_is_reported_then_the_default_composition_opens(project: Path) -> None:
    recipe = project / "briefings" / "broken.yaml"
    shutil.copy(DATA / "recipes" / "broken.yaml", recipe)
    app = make_app(project, recipe)

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        assert dialog.title_text == "The recipe could not be opened"
        assert f"{recipe}:3: titel: unknown key 'titel'" in dialog.message
        assert f"{recipe}:9: sources[1]: unknown source" in dialog.message
        shown = screen_text(app)
        assert "The recipe could not be opened" in shown
        # The recipe's path is as long as pytest's temporary folder, so where the dialog wraps the line varies.
        assert "broken.yaml:3:" in shown and "unknown key 'titel'" in shown
        # Eight problems do not fit: the message scrolls, so the last one can be read too.
        assert "did you mean 'outlook'?" not in shown
        dialog.query_one(".message").scroll_end(animate=False)
        await pilot.pause()
        assert "broken.yaml:13:" in screen_text(app) and "did you mean 'outlook'?" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        assert app.composition.path == project / "briefings" / "my-brief.yaml"
        assert app.composition.spec.title == "Ukraine peace talks — weekly brief"
        assert app.briefing is not None and excerpt_list(app).option_count > 0
        await pilot.press("space")
        await pilot.pause()
        assert len(app.composition.spec.exclude) == 1

    drive(app, scenario)


def test_every_problem_of_the_corpus_is_in_one_dialog(project: Path) -> None:
    """A few bad files in a large corpus: one dialog lists them all, then the compose screen is there."""
    bad = {"empty.txt": b"", "blank.md": b"\n\n", "binary.txt": b"Talks\x00\x01"}
    for name, content in bad.items():
        (project / "seeds" / name).write_bytes(content)
    app = make_app(project)

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        assert [type(screen).__name__ for screen in app.screen_stack[1:]] == ["ComposeScreen", "MessageDialog"]
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        assert dialog.title_text == "3 problems in the corpus"
        for name in bad:
            assert str(project / "seeds" / name) in dialog.message
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)

    drive(app, scenario)


# --- quitting and drafts --------------------------------------------------------------------------------


def test_quit_with_unsaved_changes_asks_and_can_quit_without_saving(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("space")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuitDialog) and app.is_running
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuitDialog)
        await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running

    app = make_app(project)
    drive(app, scenario)
    assert app.return_code == 0
    assert not list((project / "briefings").glob("my-brief*")), "quitting without saving writes no recipe"
    assert draft_path(project).is_file(), "the draft is kept"


def test_quit_dialog_can_save_the_recipe_first(project: Path) -> None:
    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("space", "q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, SaveRecipeDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running

    app = make_app(project)
    drive(app, scenario)
    saved = load_recipe(project / "briefings" / "my-brief.yaml", app.workspace.taxonomy)
    assert saved.spec == app.composition.spec and len(saved.spec.exclude) == 1


def test_an_opened_recipe_is_unchanged_and_q_quits_at_once(project: Path) -> None:
    recipe = project / "briefings" / "situation.yaml"
    before = recipe.read_bytes()

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        assert app.composition.spec.window == "all", "opening the recipe keeps its window"
        assert not app.composition.unsaved and app.composition.history == []
        assert app.screen.sub_title == "situation.yaml"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(make_app(project, recipe), scenario)
    assert recipe.read_bytes() == before


def test_a_draft_is_restored_by_the_next_session(project: Path) -> None:
    first = make_app(project)
    restored: dict[str, Any] = {}

    async def change(app: BriefApp, pilot: Pilot) -> None:
        await highlight_value(pilot, app.screen.query_one("#topics", SelectionList), "nato")
        await pilot.press("space")
        excerpt_list(app).focus()
        await pilot.press("end", "k")
        await pilot.pause()
        assert draft_path(project).is_file()

    async def reopen(app: BriefApp, pilot: Pilot) -> None:
        topics = app.screen.query_one("#topics", SelectionList)
        restored["selected"] = list(topics.selected)

    drive(first, change)
    assert "nato" not in first.composition.spec.topics and len(first.composition.spec.pin) == 1
    second = make_app(project, restore_draft=True)
    notes: list[str] = []
    notify = second.notify

    def noting(message: str, **kwargs: Any) -> None:
        notes.append(message)
        notify(message, **kwargs)

    second.notify = noting  # type: ignore[method-assign]
    drive(second, reopen)
    assert second.composition.spec == first.composition.spec
    assert second.composition.path == first.composition.path
    assert second.composition.unsaved
    assert "nato" not in restored["selected"] and "territory" in restored["selected"]
    assert notes == ["Draft restored."]
    third = make_app(project, restore_draft=False)
    assert third.composition.spec.topics == "all" and third.composition.spec.pin == []


def test_a_recipe_cannot_be_saved_over_the_taxonomy(project: Path) -> None:
    topics_file = project / "briefings" / "topics.yaml"
    before = topics_file.read_bytes()

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+u", *"topics", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveRecipeDialog), "the name is refused; the dialog stays open"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen) and app.composition.unsaved

    drive(make_app(project), scenario)
    assert topics_file.read_bytes() == before


async def leave_a_title_unsaved(project: Path, recipe: Path) -> None:
    """Open ``recipe`` in the TUI, change its title and quit without saving: the change is left in the draft."""
    first = make_app(project, recipe=recipe, restore_draft=True)
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first.change(lambda c: c.set_title("Changed but not saved"))
        await pilot.pause()


def test_draft_of_an_opened_recipe_is_restored_when_it_is_opened_again(project: Path) -> None:
    """Changes to `brief compose RECIPE` left unsaved come back the next time that recipe is opened."""
    recipe = project / "briefings" / "situation.yaml"

    async def scenario() -> None:
        await leave_a_title_unsaved(project, recipe)
        again = make_app(project, recipe=recipe, restore_draft=True)
        async with again.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert again.composition.spec.title == "Changed but not saved"
            assert again.composition.unsaved
            assert again.composition.path.resolve() == recipe.resolve()

    asyncio.run(scenario())


def test_a_restored_draft_keeps_its_passages_after_their_text_changed(project: Path) -> None:
    """The draft names passages by the ids they had; once their article's text changes, the restored draft
    names them by their new ids, as the recipe does (brief.recipe_ids)."""
    from brief.recipe import RecipeSpec, SectionRef, save_recipe
    from brief.recipe_ids import with_passages

    article = project / "seeds" / "000_0207c4399900d62a.txt"
    recipe = project / "briefings" / "chosen.yaml"
    workspace = make_app(project).workspace
    (pinned,) = [e for e in workspace.excerpts_of("000_0207c4399900d62a") if "has become a key interface" in e.text]
    save_recipe(recipe, with_passages(workspace, RecipeSpec(title="Chosen", window="all", pin=[pinned.id],
                                                            sections=[SectionRef(id="state-of-talks")])))

    async def scenario() -> None:
        await leave_a_title_unsaved(project, recipe)
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("has become a key interface", "has become the key interface"), "utf-8")
        again = make_app(project, recipe=recipe, restore_draft=True)
        async with again.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert again.composition.spec.title == "Changed but not saved"
            (new_id,) = again.composition.spec.pin
            assert new_id != pinned.id
            assert any("has become the key interface" in item.text for item in again.briefing.key_points)

    asyncio.run(scenario())


def test_a_recipe_window_the_menu_lacks_is_shown_and_kept(project: Path) -> None:
    recipe = project / "briefings" / "fortnight.yaml"
    recipe.write_text("title: Fortnight\nwindow: 14d\nformats: [md]\n", encoding="utf-8")

    async def scenario() -> None:
        app = make_app(project, recipe=recipe)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            span = app.screen.query_one("#span")
            assert span.value == "14d"
            assert app.composition.spec.window == "14d"
            assert not app.composition.unsaved

    asyncio.run(scenario())


@pytest.mark.parametrize(("text", "origin", "struck"), [
    ("KYIV, Dec 9 (Meridian Wire) - Envoys of both sides met in Geneva to discuss a prisoner exchange.",
     "rules", "KYIV, Dec 9 (Meridian Wire) -"),
    ("Despite this, a resolution remains possible. A comprehensive agreement could include a cease-fire along "
     "current lines and security guarantees for Ukraine.", "rules", "Despite this, a resolution remains possible."),
    ("Envoys of both sides met in Geneva to discuss a prisoner exchange.", "rules", None),
    ("KYIV, Dec 9 (Meridian Wire) - Envoys of both sides met in Geneva.", "analyst", None),  # shown whole
])
def test_an_excerpt_row_strikes_through_what_the_brief_leaves_out(text: str, origin: str, struck: str | None
                                                                   ) -> None:
    from brief.excerpts import Excerpt
    from tui.rows import LEFT_OUT_STYLE, excerpt_row

    excerpt = Excerpt(id="x", source_id="001_abc", start=0, end=len(text), text=text, topics=("diplomacy",),
                      section="state-of-talks", topic_score=1.0, section_score=1.0, paragraph=1, position=0,
                      published=None, origin=origin)  # type: ignore[arg-type]
    row = excerpt_row(excerpt, "state-of-talks", "✓")
    left_out = [row.plain[span.start:span.end].strip() for span in row.spans if span.style == LEFT_OUT_STYLE]
    assert left_out == ([struck] if struck else [])
    assert row.plain.endswith(" ".join(text.split()))  # the whole passage is still listed


def test_the_source_list_marks_a_date_that_is_only_the_earliest_possible(shipped_workspace) -> None:
    from tui.rows import source_label

    by_id = shipped_workspace.corpus.by_id()
    analysis = source_label(by_id["000_0207c4399900d62a"], 47).plain
    dated = source_label(by_id["002_e759f5f9dd5bc10b"], 32).plain
    assert "≥18 Dec 2025" in analysis  # "18 December 2025 or later", as the excerpt rows write it
    assert " 4 Dec 2025" in dated and "≥" not in dated
    assert analysis.index("47") == dated.index("32")  # the counts stay in one column
    guessed = source_label(by_id["003_5b825d6438a3e144"], 28).plain
    assert " ~2 Dec 2025" in guessed  # only the latest date its text mentions: "(latest date mentioned)"


def test_an_excerpt_row_marks_its_sources_date_as_only_the_earliest_possible(project: Path) -> None:
    app = make_app(project)

    async def scenario(app: BriefApp, pilot: Pilot) -> None:
        rows = option_texts(excerpt_list(app))  # the weekly of 12–18 December: seed 000 only
        assert rows and all("000 · ≥18 Dec 2025" in row for row in rows)  # "18 December 2025 or later"

    drive(app, scenario)
    from tui.rows import short_date
    assert short_date(dt.date(2025, 12, 4)) == "4 Dec 2025" and short_date(None) == "undated"
