"""Ages: a passage that counts time up to its article's day, or states a party's position, says when it was
said, in a brief a month or more later, and ranks a little lower than a newer one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.ages import (
    AGE_NOTE_DAYS,
    FORECAST_NOTE_DAYS,
    aged,
    dated_forecasts,
    looks_ahead,
    placed_by_its_day,
    placed_by_their_day,
    states_a_position,
    tells_an_age,
)
from brief.assembly import _note_words, assemble_briefing
from brief.briefing import ASSESSMENT_NOTE
from brief.excerpts import Excerpt
from brief.render_markdown import render_markdown
from brief.verify import verify_brief
from brief.workspace import load_workspace

from .conftest import REPO
from .test_assembly import OTHER_NEWS, _project, _recipe

THIRD_YEAR = ("As the war in Ukraine drags into its third year, a diplomatic resolution remains elusive despite "
              "multiple rounds of peace negotiations.")
TEN_MONTHS = "Ten months into a U.S.-led effort to halt the war in Ukraine, talks have lurched from promise to paralysis."


@pytest.mark.parametrize(("text", "counts"), [
    (THIRD_YEAR, True),
    (TEN_MONTHS, True),
    ("Kyiv accuses Moscow of dragging out the nearly four-year-long war.", True),
    ("One year of U.S.-led peace talks has yielded little progress.", True),
    ("Over the past twelve months, Ukraine has largely adhered to this directive.", True),
    ("It has been two years since the Istanbul talks collapsed.", True),
    ("The talks lasted five hours and ended without a breakthrough.", False),  # how long, not how long ago
    ("A ceasefire could hold for two years, officials said.", False),
    ("Russia wants a 25-year lease on the plant.", False),
    ("Three weeks after the Alaska summit, Russia launched its largest drone attack.", False),  # after an event
    ("The draft offers Ukraine 15 years of U.S. security guarantees.", False),  # a term, not an age
    ("The three days of talks in Istanbul ended without a deal.", False),
    ("Moscow offered a year-long moratorium on strikes on energy sites.", False),
    ("In the last week of talks in Istanbul, the sides swapped drafts.", False),
])
def test_a_count_of_time_up_to_the_articles_day_is_an_age(text: str, counts: bool) -> None:
    assert tells_an_age(text) is counts


BORDERS = ("Ukraine demands the full withdrawal of Russian forces and the restoration of its 1991 borders, while "
           "Russia insists on recognizing its annexation of occupied territories.")


@pytest.mark.parametrize(("text", "states"), [
    (BORDERS, True),  # seed 004, June 2025: a key point of the situation brief of 3 December
    ("The situation is grim. Moscow continues to insist on the full recognition of its claims over Donbas.", True),
    ("For Ukraine, ceding unoccupied territory is a red line.", True),
    ("In March, Moscow demanded that Kyiv cede what remained of the Donbas region.", False),  # an act, dated
    ("Putin instead cast Europe as the spoiler, accusing EU leaders of derailing the deal.", False),  # an act
    ("Russia may demand that Ukraine withdraw from the Donbas region.", False),  # not asserted
    ("Russian forces launched 410 drones overnight.", False),
])
def test_a_partys_present_position_is_what_it_asked_for_on_its_articles_day(text: str, states: bool) -> None:
    assert states_a_position(text) is states


def test_a_position_months_old_gets_its_date_as_an_old_count_does() -> None:
    june = dt.date(2025, 6, 12)
    (noted,) = aged([_excerpt(BORDERS, june)], dt.date(2025, 12, 3), {}).values()
    assert noted.overtaken.note == "as of 12 June 2025"
    assert aged([_excerpt(BORDERS, june)], june + dt.timedelta(days=AGE_NOTE_DAYS - 1), {}) == {}


KYIV_MEETING = ("The outcome of the meeting in the Ukrainian capital will be decisive in determining whether the "
                "path to peace will remain merely “unclear”.")


@pytest.mark.parametrize(("text", "forecasts"), [
    (KYIV_MEETING, True),  # seed 002, 4 December: in the situation brief of 18 December, the meeting is past
    ("If neither side achieves decisive battlefield gains, Ukraine may enter a long-term “frozen conflict”.", True),
    ("The absence of a diplomatic breakthrough means the war is likely to continue.", True),
    ("Ukraine demands strong, lasting security assurances from Western partners that will prevent future "
     "invasions.", False),  # a relative clause's "will" describes the demand
    ("Putin said he would not give up the Donbas.", False),  # "would": the past's future
    ("“We will never agree to that,” Peskov said.", False),  # a quotation: the speaker's, dated by the quote
    ("The envoys met Putin for five hours on Tuesday.", False),
])
def test_a_forecast_says_what_will_or_may_come(text: str, forecasts: bool) -> None:
    assert looks_ahead(text) is forecasts


def test_a_forecast_four_days_old_gets_its_date_and_keeps_its_rank() -> None:
    december = dt.date(2025, 12, 4)
    (noted,) = dated_forecasts([_excerpt(KYIV_MEETING, december)], dt.date(2025, 12, 18), {}).values()
    assert noted.overtaken.note == "as of 4 December 2025"
    # the weekly of 10 December: by then the Kyiv meeting the article of 4 December looked to may have happened
    assert dated_forecasts([_excerpt(KYIV_MEETING, december)], dt.date(2025, 12, 10), {}) != {}
    assert dated_forecasts([_excerpt(KYIV_MEETING, december)], dt.date(2025, 12, 8), {}) != {}  # four days on
    assert dated_forecasts([_excerpt(KYIV_MEETING, december)], dt.date(2025, 12, 7), {}) == {}
    assert dated_forecasts([_excerpt(KYIV_MEETING, december)], december + dt.timedelta(days=FORECAST_NOTE_DAYS - 1),
                           {}) == {}
    assert dated_forecasts([_excerpt(KYIV_MEETING, december)], dt.date(2025, 12, 18), {"a": True}) == {}
    assert aged([_excerpt(KYIV_MEETING, dt.date(2025, 6, 12))], dt.date(2025, 12, 18), {}) == {}, \
        "not an age or a position: no rank lost"


def _excerpt(text: str, published: dt.date | None, source_id: str = "a") -> Excerpt:
    return Excerpt(id="x", source_id=source_id, start=0, end=len(text), text=text, topics=(), section="state-of-talks",
                   topic_score=1.0, section_score=1.0, paragraph=1, position=0, published=published)


def test_an_age_needs_its_date_a_month_after_its_article() -> None:
    june = dt.date(2025, 6, 12)
    (noted,) = aged([_excerpt(THIRD_YEAR, june)], dt.date(2025, 12, 18), {}).values()
    assert noted.overtaken.note == "as of 12 June 2025" and noted.reported_by is None
    assert aged([_excerpt(THIRD_YEAR, june)], june + dt.timedelta(days=AGE_NOTE_DAYS - 1), {}) == {}
    assert aged([_excerpt(THIRD_YEAR, june)], dt.date(2025, 12, 18), {"a": True}) == {}  # when it was said: unknown
    assert aged([_excerpt(THIRD_YEAR, None)], dt.date(2025, 12, 18), {}) == {}
    assert aged([_excerpt(OTHER_NEWS[0], june)], dt.date(2025, 12, 18), {}) == {}
    # its note never names a later source: the word budget keeps its five words, not the ten of the longest note
    assert _note_words(noted) == 5 and noted.overtaken.most_words() > 5


def test_a_brief_months_later_gives_an_old_count_its_date_and_verify_reads_the_note(tmp_path: Path) -> None:
    paths = _project(tmp_path, {
        "a": ("2025-06-12", "Alpha Post", "\n\n".join([THIRD_YEAR, *OTHER_NEWS[:2]])),
        "b": ("2025-12-18", "Beta News", "\n\n".join([TEN_MONTHS, *OTHER_NEWS[2:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    old = next(item for item in briefing.all_items() if item.text == THIRD_YEAR)
    new = next(item for item in briefing.all_items() if item.text == TEN_MONTHS)
    assert old.overtaken is not None and old.overtaken.note == "as of 12 June 2025"
    assert new.overtaken is None  # counted on the brief's own day
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    line = next(line for line in markdown.splitlines() if line.startswith(f"- {THIRD_YEAR[:30]}"))
    assert line.endswith(f"*(as of 12 June 2025)* *({ASSESSMENT_NOTE})*")  # "… remains elusive …"
    assert verify_brief(markdown, workspace) == []
    [mismatch] = verify_brief(markdown.replace(line, line.replace("third year", "fourth year")), workspace)
    assert mismatch.kind == "statement"


def test_a_brief_two_weeks_later_dates_an_old_forecast_and_verify_reads_the_note(tmp_path: Path) -> None:
    paths = _project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "\n\n".join([KYIV_MEETING, *OTHER_NEWS[:2]])),
        "b": ("2025-12-18", "Beta News", "\n\n".join([THIRD_YEAR.replace("As the war", "Now that the war"),
                                                      *OTHER_NEWS[2:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    old = next(item for item in briefing.all_items() if item.text == KYIV_MEETING)
    assert old.overtaken is not None and old.overtaken.note == "as of 4 December 2025"
    assert all(item.overtaken is None for item in briefing.all_items() if item.citations[0].source_id == "b")
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    line = next(line for line in markdown.splitlines() if line.startswith(f"- {KYIV_MEETING[:30]}"))
    assert line.endswith(f"*(as of 4 December 2025)* *({ASSESSMENT_NOTE})*")  # "… will be decisive …"
    assert verify_brief(markdown, workspace) == []


MONDAY_15, THURSDAY_18, MONDAY_22 = dt.date(2025, 12, 15), dt.date(2025, 12, 18), dt.date(2025, 12, 22)
BERLIN = ("Two days of talks in Berlin between American, Ukrainian and European negotiators ended on Monday with both "
          "sides describing real progress on security guarantees.")


@pytest.mark.parametrize(("text", "published", "as_of", "placed"), [
    # the written corpus's Berlin page of Monday 15 December, read on Monday 22 December: "ended today"
    (BERLIN, MONDAY_15, MONDAY_22, True),
    (BERLIN, MONDAY_15, THURSDAY_18, False),  # the same week: "on Monday" is this Monday still
    (BERLIN, MONDAY_15, MONDAY_15, False),
    ("In Berlin this week, U.S. negotiators offered Ukraine guarantees.", THURSDAY_18, MONDAY_22, True),
    ("The envoys met on Sunday and Monday's dinner followed.", THURSDAY_18, MONDAY_22, True),
    ("Envoys are in Miami today.", THURSDAY_18, dt.date(2025, 12, 19), True),  # a day later, "today" is not
    ("Envoys were in Miami yesterday.", MONDAY_22, MONDAY_22, False),
    ("The EU decided last month to keep the assets frozen.", THURSDAY_18, dt.date(2026, 1, 5), True),
    ("The EU decided last month to keep the assets frozen.", THURSDAY_18, MONDAY_22, False),
    # a weekday with its date says which day it was
    ("The envoys met on Monday, Dec. 15, in Berlin.", THURSDAY_18, MONDAY_22, False),
    ("Witkoff flew to Moscow on Saturday 6 December for the talks.", THURSDAY_18, MONDAY_22, False),
    ("The envoys met in Berlin on 15 December and agreed nothing.", THURSDAY_18, MONDAY_22, False),
    # what was still to come on the article's day, read a week later
    ("The lack of a breakthrough places pressure on the upcoming meeting in Kyiv.", THURSDAY_18, MONDAY_22, True),
    ("The lack of a breakthrough places pressure on the upcoming meeting in Kyiv.", MONDAY_15, THURSDAY_18, False),
    # what the article's week calls recent (seed 003, 2 December, in the situation brief of 18 December)
    ("This plan, refined in Geneva and Florida over the past two weekends, was brought to the Kremlin.",
     MONDAY_15, MONDAY_22, True),
    ("Recently, the U.S., Ukraine, and European partners outlined elements of a deal.", MONDAY_15, MONDAY_22, True),
    ("Talks in recent days have focused on the guarantees.", MONDAY_15, MONDAY_22, True),
    ("Talks in recent days have focused on the guarantees.", MONDAY_15, THURSDAY_18, False),
    ("Over the last few weeks the envoys met three times.", MONDAY_15, MONDAY_22, True),
    ("Over the past year the envoys met three times.", MONDAY_15, MONDAY_22, False),  # a year is no week's news
    ("During the last week of November the envoys met three times.", MONDAY_15, MONDAY_22, False),  # says which
    # a count back from the article's day moves with every day
    ("Four weeks ago Ukraine's negotiators came home from Geneva.", MONDAY_15, dt.date(2025, 12, 16), True),
    ("Two days ago the envoys left Miami.", MONDAY_22, MONDAY_22, False),
])
def test_a_passage_placed_by_its_articles_day_needs_that_day_in_a_later_week(
        text: str, published: dt.date, as_of: dt.date, placed: bool) -> None:
    assert placed_by_its_day(text, published, as_of) is placed


@pytest.mark.parametrize(("published", "notes"), [
    # "Monday: 15 December 2025" already says what "as of 15 December 2025" would: one note, not both
    ("2025-12-15", "*(Monday: 15 December 2025)*"),
    ("2025-12-16", "*(as of 16 December 2025)* *(Monday: 15 December 2025)*"),  # a day later: both say something
])
def test_a_brief_of_a_later_week_dates_on_monday_and_verify_reads_the_note(
        tmp_path: Path, published: str, notes: str) -> None:
    paths = _project(tmp_path, {
        "a": (published, "Alpha Post", "\n\n".join([BERLIN, *OTHER_NEWS[:2]])),
        "b": ("2025-12-22", "Beta News", "\n\n".join(OTHER_NEWS[2:])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    berlin = next(item for item in briefing.all_items() if item.text == BERLIN)
    assert (berlin.overtaken.note if berlin.overtaken else None) == (
        f"as of {int(published[-2:])} December 2025" if "as of" in notes else None)
    assert placed_by_their_day([_excerpt(BERLIN, MONDAY_15)], MONDAY_22, {"a": True}) == {}  # its day: unknown
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    line = next(line for line in markdown.splitlines() if line.startswith(f"- {BERLIN[:30]}"))
    assert line.endswith(f"[\\[1\\]](#src-1) {notes}")
    assert verify_brief(markdown, workspace) == []


AID_FATIGUE = ("Ongoing war efforts and reconstruction needs will place a sustained financial burden on Ukraine and "
               "its Western backers, and sanctions relief for Russia could lead to political backlash in the EU.")


def test_a_forecast_months_old_is_no_key_point_while_current_news_can_be_one(tmp_path: Path) -> None:
    """The shipped situation brief of 18 December led its key points with a June forecast ("aid fatigue")."""
    paths = _project(tmp_path, {
        "a": ("2025-06-12", "Alpha Post", AID_FATIGUE),
        "b": ("2025-12-18", "Beta News", "\n\n".join(OTHER_NEWS[1:4])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=2))
    [forecast] = [item for item in briefing.all_items() if item.text == AID_FATIGUE]
    assert forecast.overtaken is not None and forecast.overtaken.note == "as of 12 June 2025"
    assert forecast not in briefing.key_points and len(briefing.key_points) == 2  # still in the brief, lower down
    # with fewer current items than places, it fills one
    fuller = assemble_briefing(workspace, _recipe(paths, workspace, key_points=4))
    assert forecast in fuller.key_points and len(fuller.key_points) == 3  # the fourth would repeat topics
    # with no current news to lead, it may still be one
    (tmp_path / "alone").mkdir()
    alone = _project(tmp_path / "alone", {"a": ("2025-06-12", "Alpha Post", AID_FATIGUE)})
    workspace = load_workspace(alone)
    briefing = assemble_briefing(workspace, _recipe(alone, workspace, key_points=2, as_of="2025-12-18"))
    assert [item.text for item in briefing.key_points] == [AID_FATIGUE]


FIVE_HOURS = ("High-level, five-hour talks between U.S. Special Envoy Steve Witkoff and Russian President Vladimir "
              "Putin ended with the Kremlin confirming that no compromise was reached on territory.")


def _two_weeks_apart(tmp_path: Path):
    paths = _project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "\n\n".join([FIVE_HOURS, *OTHER_NEWS[1:3]])),
        "b": ("2025-12-18", "Beta News", "\n\n".join(OTHER_NEWS[3:])),
    })
    return paths, load_workspace(paths)


def test_a_key_point_from_a_report_weeks_old_says_when_it_was_reported(tmp_path: Path) -> None:
    """The shipped situation brief of 18 December led with the Kremlin talks of 2 December, as if of that week."""
    paths, workspace = _two_weeks_apart(tmp_path)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=4))
    by_source = {item.citations[0].source_id: item for item in briefing.key_points}
    assert set(by_source) == {"a", "b"}, [item.text for item in briefing.key_points]
    for item in briefing.key_points:
        old = {c.source_id for c in item.citations} == {"a"}
        assert (item.overtaken.note if item.overtaken else None) == ("as of 4 December 2025" if old else None)
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    assert "*(as of 4 December 2025)*" in markdown
    assert verify_brief(markdown, workspace) == []
    # in its section the item is one of many the reader takes with the sources' dates; and a week is not old
    in_sections = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    assert all(item.overtaken is None for item in in_sections.all_items() if item.text == FIVE_HOURS)
    week_later = assemble_briefing(workspace, _recipe(paths, workspace, key_points=4), as_of=dt.date(2025, 12, 11))
    assert week_later.key_points and all(item.overtaken is None for item in week_later.key_points)


def test_the_word_budget_counts_a_key_points_date(tmp_path: Path) -> None:
    paths, workspace = _two_weeks_apart(tmp_path)
    dated = 0
    for max_words in range(100, 400, 4):
        briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=4, max_words=max_words))
        assert briefing.word_count <= max_words, max_words
        dated += sum(item.overtaken is not None for item in briefing.key_points)
    assert dated  # the budgets tried let a dated key point in
