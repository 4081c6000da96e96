"""Days a passage names only by its article's day ("on Tuesday", "at the weekend"), given their dates in a brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.briefing import Overtaken, RelativeDay, item_words, period_label
from brief.relative_days import relative_days
from brief.render_markdown import render_markdown
from brief.verify import verify_brief
from brief.workspace import load_workspace

from .conftest import REPO
from .test_assembly import OTHER_NEWS, _project, _recipe

TUESDAY_9_DECEMBER = dt.date(2025, 12, 9)


@pytest.mark.parametrize(("text", "days"), [
    ("Ukraine sent the revised plan, officials in Kyiv said on Tuesday.", [("Tuesday", "9 December 2025")]),
    ("Zelenskiy said on Monday that he was ready to hold elections.", [("Monday", "8 December 2025")]),
    ("Envoys are expected to meet in Berlin at the weekend.", [("at the weekend", "13–14 December 2025")]),
    ("EU leaders are due to decide at a summit next week.", [("next week", "week of 15 December 2025")]),
    ("The talks ended last Friday. They resume tomorrow.", [("last Friday", "5 December 2025"),
                                                           ("tomorrow", "10 December 2025")]),
    ("Two days ago the envoys left Moscow.", [("Two days ago", "7 December 2025")]),
    # seven days back, not the week of its Monday (from a Sunday that week began thirteen days before)
    ("Is a deal closer tonight than it was a week ago?", [("a week ago", "about 2 December 2025")]),
    ("Three weeks ago the envoys met in Geneva.", [("Three weeks ago", "about 18 November 2025")]),
    ("A month ago the envoys met in Geneva.", [("A month ago", "November 2025")]),
    # said once for one expression, whatever its case
    ("The envoys met on Tuesday. On Tuesday they also spoke to Kyiv.", [("Tuesday", "9 December 2025")]),
    # a date that names its month says its day already; a year is no count from the article's day
    ("The summit is due on Dec. 17.", []),
    ("The delegation spent 19 and 20 December in Miami.", []),
    ("The Istanbul talks of 2022 collapsed.", []),
])
def test_a_day_named_by_the_articles_day_is_given_its_date(text: str, days: list[tuple[str, str]]) -> None:
    assert [(day.expression, day.label) for day in relative_days(text, TUESDAY_9_DECEMBER)] == days


SENT = "Ukraine has sent the United States a revised peace framework, officials in Kyiv said on Tuesday."


def _brief(tmp_path: Path, date: str, body: str = SENT):
    """The brief of one article of ``date`` (a date as YYYY-MM-DD, or "" for none) holding ``body``."""
    paths = _project(tmp_path, {"a": (date, "Alpha Post", "\n\n".join([body, *OTHER_NEWS[:3]]))})
    if not date:
        text = (paths.corpus / "a.md").read_text(encoding="utf-8")
        (paths.corpus / "a.md").write_text(text.replace("published: \n", ""), encoding="utf-8")
    workspace = load_workspace(paths)
    return workspace, assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))


def test_an_item_gives_the_date_of_its_tuesday_and_verify_reads_the_note(tmp_path: Path) -> None:
    workspace, briefing = _brief(tmp_path, "2025-12-09")
    [item] = [item for item in briefing.all_items() if item.text == SENT]
    assert item.days == (RelativeDay("Tuesday", "9 December 2025"),)
    # the word budget counts the note the template prints
    assert item.words == item_words(SENT, 1) + len("Tuesday: 9 December 2025".split())
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    [line] = [line for line in markdown.splitlines() if line.startswith("- Ukraine has sent")]
    assert line.endswith("*(Tuesday: 9 December 2025)*")
    assert verify_brief(markdown, workspace) == []
    # the note is read only as an expression of the kind and a date: no statement can hide in it
    for edited in ("*(Tuesday: Kyiv rejected the plan)*", "*(Kyiv rejected it: 9 December 2025)*",
                   "*(Tuesday: 9 December 2025; Kyiv said no: 10 December 2025)*"):
        [mismatch] = verify_brief(markdown.replace("*(Tuesday: 9 December 2025)*", edited), workspace)
        assert mismatch.kind == "statement" and mismatch.reason == "has no citation after it"


def test_a_week_ago_of_a_sunday_is_about_that_sunday_and_verify_reads_the_note(tmp_path: Path) -> None:
    """"a week ago" in a transcript of Sunday 21 December: about 14 December, not "week of 8 December"."""
    said = "The envoys met in Berlin a week ago and agreed on security guarantees for Ukraine."
    workspace, briefing = _brief(tmp_path, "2025-12-21", said)
    [item] = [item for item in briefing.all_items() if item.text == said]
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    [line] = [line for line in markdown.splitlines() if line.startswith("- The envoys met in Berlin")]
    assert line.endswith("*(a week ago: about 14 December 2025)*")
    assert verify_brief(markdown, workspace) == []


def test_no_date_is_given_by_an_article_whose_day_is_not_known(tmp_path: Path) -> None:
    """An article dated only by the days its text mentions: its "Tuesday" is of a guessed day."""
    _, briefing = _brief(tmp_path, "", SENT + " Envoys first met in Geneva on 23 November 2025.")
    [item] = [item for item in briefing.all_items() if item.text.startswith("Ukraine has sent")]
    assert item.days == ()


def test_a_period_its_overtaken_note_names_is_not_given_twice(tmp_path: Path) -> None:
    """"… next week" of an article of 1 December, in a brief of 18 December: "as of 1 December 2025; the week of 8
    December 2025 is now past" says which week already."""
    paths = _project(tmp_path, {"a": ("2025-12-01", "Alpha Post", "\n\n".join(OTHER_NEWS[:4]))})
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, as_of="2025-12-18",
                                                    window="30d"))
    [item] = [item for item in briefing.all_items() if item.text == OTHER_NEWS[0]]
    assert item.overtaken is not None and "the week of 8 December 2025 is now past" in item.overtaken.note
    assert item.days == ()
    fresh = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, as_of="2025-12-02", window="7d"))
    [item] = [item for item in fresh.all_items() if item.text == OTHER_NEWS[0]]
    assert item.days == (RelativeDay("next week", "week of 8 December 2025"),)


@pytest.mark.parametrize(("text", "first", "last", "precision", "label"), [
    ("EU leaders are due to decide at a summit next week.", dt.date(2025, 12, 15), dt.date(2025, 12, 21), "week",
     "week of 15 December 2025"),
    ("Envoys are expected to meet in Berlin at the weekend.", dt.date(2025, 12, 13), dt.date(2025, 12, 14), "day",
     "13–14 December 2025"),
    ("The envoys will fly to Moscow on Thursday.", dt.date(2025, 12, 11), dt.date(2025, 12, 11), "day",
     "11 December 2025"),
])
def test_a_relative_day_and_an_overtaken_period_write_one_period_alike(text: str, first: dt.date, last: dt.date,
                                                                        precision, label: str) -> None:
    """The item's days note leaves out the day its overtaken note says is past only when the two labels are equal:
    both are :func:`brief.briefing.period_label`."""
    [day] = relative_days(text, TUESDAY_9_DECEMBER)
    overtaken = Overtaken(TUESDAY_9_DECEMBER, first, last, precision, over=True)
    assert day.label == overtaken.period_past == period_label(first, precision, last) == label
