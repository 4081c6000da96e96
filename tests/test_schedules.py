"""Announcements of what is due: old news once their period is over, or once a later source reports on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import brief.assembly
from brief.assembly import assemble_briefing
from brief.briefing import Overtaken, RelativeDay, item_words
from brief.excerpts import Excerpt
from brief.render_markdown import render_markdown
from brief.schedules import Announcement, superseded
from brief.verify import _SOURCE_COUNT as verify_note
from brief.verify import verify_brief
from brief.workspace import load_workspace

from .conftest import REPO
from .test_assembly import OTHER_NEWS, _project, _recipe

DUE = ("EU leaders are due to decide at a summit next week whether to use immobilised Russian assets to fund a "
       "loan of up to 90 billion euros for Ukraine.")
DONE = ("After Belgium refused to back the plan to use immobilised Russian central bank assets, the 27 leaders instead "
        "agreed to raise €90bn through joint borrowing backed by the EU budget.")
OTHER = "EU leaders argued late into the night over how to keep Ukraine's army and budget funded."


def _excerpt(excerpt_id: str, source_id: str, text: str, published: dt.date | None) -> Excerpt:
    return Excerpt(id=excerpt_id, source_id=source_id, start=0, end=len(text), text=text, topics=(),
                   section="outlook", topic_score=1.0, section_score=1.0, paragraph=0, position=0,
                   published=published)


def test_an_announcement_is_old_news_when_a_later_source_gives_its_figure_or_its_period_is_over() -> None:
    due = _excerpt("due", "a", DUE, dt.date(2025, 12, 9))  # next week: 15–21 December
    done = _excerpt("done", "b", DONE, dt.date(2025, 12, 19))
    other = _excerpt("other", "b", OTHER, dt.date(2025, 12, 19))
    reported = superseded([due, done], dt.date(2025, 12, 19), {})
    assert reported == {"due": Announcement(Overtaken(dt.date(2025, 12, 9), dt.date(2025, 12, 15),
                                                      dt.date(2025, 12, 21), "week", over=False), reported_by="b")}
    assert superseded([due, other], dt.date(2025, 12, 19), {}) == {}  # nothing says what became of it
    assert superseded([due], dt.date(2025, 12, 14), {}) == {}  # not begun yet
    over = superseded([due], dt.date(2025, 12, 22), {})  # the week is over
    assert (over["due"].overtaken.over, over["due"].reported_by) == (True, None)
    assert superseded([due, done], dt.date(2025, 12, 19), {"a": True}) == {}  # its date only the earliest
    early = _excerpt("done", "b", DONE, dt.date(2025, 12, 12))  # reported before the period began: not its outcome
    assert superseded([due, early], dt.date(2025, 12, 19), {}) == {}


def test_the_note_names_the_period_that_is_over() -> None:
    text = "Envoys will meet in Geneva on 5 January, and leaders hope to sign a deal in January."
    due = _excerpt("due", "a", text, dt.date(2025, 12, 9))
    announcement = superseded([due], dt.date(2026, 1, 10), {})["due"].overtaken
    assert (announcement.date, announcement.until, announcement.precision, announcement.over) == (
        dt.date(2026, 1, 5), dt.date(2026, 1, 5), "day", True)


def test_a_weekend_announced_is_over_on_the_monday_after() -> None:
    meeting = ("U.S. envoys are expected to meet European and Ukrainian officials in Berlin at the weekend, a U.S. "
               "official said.")
    due = _excerpt("due", "a", meeting, dt.date(2025, 12, 9))  # a Tuesday: Saturday 13 and Sunday 14 December
    assert superseded([due], dt.date(2025, 12, 14), {}) == {}
    assert superseded([due], dt.date(2025, 12, 15), {}) == {"due": Announcement(Overtaken(
        dt.date(2025, 12, 9), dt.date(2025, 12, 13), dt.date(2025, 12, 14), "day", over=True), reported_by=None)}


@pytest.mark.parametrize(("overtaken", "note"), [
    (Overtaken(dt.date(2025, 12, 9), dt.date(2025, 12, 15), dt.date(2025, 12, 21), "week", over=False,
               reported_in=3), "as of 9 December 2025; see the later source 3"),
    (Overtaken(dt.date(2025, 12, 9), dt.date(2025, 12, 15), dt.date(2025, 12, 21), "week", over=True),
     "as of 9 December 2025; the week of 15 December 2025 is now past"),
    (Overtaken(dt.date(2025, 12, 9), dt.date(2025, 12, 13), dt.date(2025, 12, 14), "day", over=True),
     "as of 9 December 2025; 13–14 December 2025 is now past"),
    (Overtaken(dt.date(2025, 11, 20), dt.date(2025, 12, 1), dt.date(2025, 12, 31), "month", over=True),
     "as of 20 November 2025; December 2025 is now past"),
    (Overtaken(dt.date(2026, 1, 20), dt.date(2026, 1, 31), dt.date(2026, 2, 1), "day", over=True),
     "as of 20 January 2026; 31 January – 1 February 2026 is now past"),
    # begun, and a later source the brief does not cite gives its figure again: only when it was said
    (Overtaken(dt.date(2025, 12, 9), dt.date(2025, 12, 15), dt.date(2025, 12, 21), "week", over=False),
     "as of 9 December 2025"),
])
def test_the_note_of_an_overtaken_announcement_says_when_it_was_made_and_what_came_since(
        overtaken: Overtaken, note: str) -> None:
    assert overtaken.note == note
    assert overtaken.most_words() >= len(note.split())
    assert verify_note.fullmatch(f"*({note})*")
    plain = item_words("EU leaders are due to decide next week.", 1)
    assert item_words("EU leaders are due to decide next week.", 1, overtaken_words=len(overtaken.note.split())) \
        == plain + len(note.split())


def test_what_became_of_an_announcement_leads_the_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _project(tmp_path, {
        "a": ("2025-12-09", "Alpha Post", "\n\n".join([DUE, *OTHER_NEWS[:3]])),
        "b": ("2025-12-19", "Beta News", "\n\n".join([DONE, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=1))
    texts = [item.text for item in briefing.all_items()]
    assert texts.index(DONE) < texts.index(DUE)  # still in the brief, after what happened
    scores = {item.text: item.score for item in briefing.all_items()}
    assert scores[DUE] < scores[DONE]
    monkeypatch.setattr(brief.assembly, "PASSED_SCHEDULE_PENALTY", 0.0)
    unpenalised = assemble_briefing(workspace, _recipe(paths, workspace, key_points=1))
    monkeypatch.undo()
    scores = {item.text: item.score for item in unpenalised.all_items()}
    assert scores[DUE] > scores[DONE]  # the announcement, in its article's lead, would rank first ...
    assert [item.text for item in unpenalised.key_points] == [DONE]  # ... but an announcement past is no key point
    due = next(item for item in briefing.all_items() if item.text == DUE)
    done = next(item for item in briefing.all_items() if item.text == DONE)
    assert due.overtaken is not None and due.overtaken.reported_in == done.citations[0].number
    assert done.overtaken is None
    assert due.days == (RelativeDay("next week", "week of 15 December 2025"),)  # the note does not name it
    assert briefing.word_count <= 1800
    assert due.words == item_words(DUE, 1, overtaken_words=len(due.overtaken.note.split()), days=due.days)
    # the reader is told when it was said and where to read what came of it; verify reads that as a note
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    line = next(line for line in markdown.splitlines() if line.startswith(f"- {DUE[:30]}"))
    assert line.endswith(f"*(as of 9 December 2025; see the later source {done.citations[0].number})* "
                         "*(next week: week of 15 December 2025)*")
    assert verify_brief(markdown, workspace) == []
    [mismatch] = verify_brief(markdown.replace(line, line.replace("90 billion", "80 billion")), workspace)
    assert mismatch.kind == "statement"
    # a statement written into the note is no note: verify reads it as the brief's own words
    hidden = line.replace("; see the later", "; Belgium vetoed the plan; see the later")
    assert [m.kind for m in verify_brief(markdown.replace(line, hidden), workspace)] == ["statement"]


def test_the_budget_holds_the_longest_note_an_announcement_can_have(tmp_path: Path) -> None:
    """The note is worded once the brief knows which sources it cites ("see the later source 2" or "the week of
    15 December 2025 is now past"): the budget reserves the longer, so the brief never runs over."""
    later = ("Leaders argued for hours over how to raise €90bn for Ukraine before agreeing on joint borrowing, "
             "with Belgium's prime minister holding out until the early morning against any use of the assets. " * 3)
    paths = _project(tmp_path, {"a": ("2025-12-09", "Alpha Post", "\n\n".join([DUE, *OTHER_NEWS])),
                                "b": ("2025-12-19", "Beta News", later.strip())})
    workspace = load_workspace(paths)
    notes: set[str] = set()
    for max_words in range(100, 160, 2):
        recipe = _recipe(paths, workspace, key_points=0, max_words=max_words, as_of="2025-12-22",
                         sections=[{"id": "outlook", "max_items": 5}, {"id": "background", "max_items": 5}])
        briefing = assemble_briefing(workspace, recipe)
        assert briefing.word_count <= max_words
        notes.update(item.overtaken.note for item in briefing.all_items() if item.overtaken)
    assert notes == {"as of 9 December 2025; the week of 15 December 2025 is now past"}


LATER = "Negotiators are expected to meet again in January, and a ceasefire could follow by the spring."


def test_where_sources_differ_says_when_there_was_only_one_source_to_compare(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = _project(tmp_path / "one", {"a": ("2025-12-09", "Alpha Post", "\n\n".join([DUE, *OTHER_NEWS[:3]]))})
    two = _project(tmp_path / "two", {"a": ("2025-12-09", "Alpha Post", "\n\n".join([DUE, *OTHER_NEWS[:3]])),
                                      "b": ("2025-12-19", "Beta News", "\n\n".join([DONE, LATER, *OTHER_NEWS[3:]]))})
    said = {}
    for name, paths in (("one", one), ("two", two)):
        workspace = load_workspace(paths)
        # one item only: the second source is compared though the brief need not cite it
        recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": "outlook", "max_items": 1},
                                                                   {"id": "sources-differ"}])
        briefing = assemble_briefing(workspace, recipe)
        assert len(briefing.sources) == 1
        said[name] = render_markdown(briefing, [REPO / "templates" / "standard"]).split("Where sources differ")[1]
    assert "Only one source in the window was compared" in said["one"] and "No figures that differ" not in said["one"]
    assert "No figures that differ" in said["two"] and "Only one source" not in said["two"]


@pytest.mark.parametrize(("text", "over_on"), [
    ("U.S. envoys are expected to meet Ukrainian negotiators again in the coming days.", dt.date(2025, 12, 14)),
    ("Officials will set out the next steps over the next few weeks.", dt.date(2026, 1, 4)),
    # the next step of a report: "will now" is days away
    ("The U.S. delegation will now proceed to Kyiv to debrief Ukrainian officials.", dt.date(2025, 12, 14)),
    # until the article's week, month or year is out (6 December 2025 is a Saturday)
    ("A Russian delegation may travel to Miami before the end of the year.", dt.date(2026, 1, 1)),
    ("Officials hope to agree the annex by the end of the month.", dt.date(2026, 1, 1)),
    ("Negotiators want a text before the end of this week.", dt.date(2025, 12, 8)),
    ("Brussels expects a decision by year-end.", dt.date(2026, 1, 1)),
])
def test_the_coming_days_are_past_a_week_after_the_article(text: str, over_on: dt.date) -> None:
    due = _excerpt("due", "a", text, dt.date(2025, 12, 6))
    assert superseded([due], over_on - dt.timedelta(days=1), {}) == {}
    overtaken = superseded([due], over_on, {})["due"].overtaken
    assert (overtaken.precision, overtaken.over) == (None, True)
    assert overtaken.note == "as of 6 December 2025"  # a stretch with no date: only when it was said


@pytest.mark.parametrize("text", [
    "Over the next few weeks the talks collapsed.",
    # "will now" of a consequence, not of a next step
    "Ukraine will now have to choose between territory and security guarantees.",
    # the tense is the sentence's own, not its neighbour's
    "Trump has said he will end the war. Within days, the plan was dead.",
])
def test_the_next_few_weeks_of_a_past_event_are_no_announcement(text: str) -> None:
    told = _excerpt("told", "a", text, dt.date(2025, 6, 12))
    assert superseded([told], dt.date(2025, 12, 19), {}) == {}


def test_the_coming_days_after_a_sentence_in_the_past_are_still_ahead() -> None:
    text = "Russia launched 500 drones overnight. In the coming days, more strikes are likely."
    due = _excerpt("due", "a", text, dt.date(2025, 12, 6))
    assert superseded([due], dt.date(2025, 12, 14), {})["due"].overtaken.precision is None


MIAMI_DUE = ("A Russian delegation may also travel to Miami for separate talks with the U.S. side before the end of "
             "the year, according to two diplomats.")


@pytest.mark.parametrize(("later", "reported"), [
    ("Russian envoy Kirill Dmitriev met U.S. special envoy Steve Witkoff in Miami on Saturday.", True),
    ("Russian envoy Kirill Dmitriev met U.S. special envoy Steve Witkoff in Miami on 19 December.", True),
    # somewhere else, by no party it names, still ahead, or before the announcement
    ("Russian envoy Kirill Dmitriev met U.S. special envoy Steve Witkoff in Berlin on Saturday.", False),
    ("Turkish officials met in Miami on Saturday to discuss grain exports.", False),
    ("On 19 December envoys met in Miami, at last, with Russia.", True),  # a party at the sentence's end
    # … or announces it again, more closely, within its period (the written weekly of 18 December showed both)
    ("Russian envoy Kirill Dmitriev is to meet U.S. special envoy Steve Witkoff in Miami on 21 December.", True),
    ("Russian envoy Kirill Dmitriev is expected to meet Witkoff and Kushner in Miami next week.", True),
    ("Russian envoy Kirill Dmitriev is to meet U.S. special envoy Steve Witkoff in Miami on 5 January.", False),
    ("Russian envoy Kirill Dmitriev is to meet U.S. special envoy Steve Witkoff in Geneva on 21 December.", False),
    ("Russian envoy Kirill Dmitriev met U.S. special envoy Steve Witkoff in Miami on 1 December.", False),
])
def test_a_later_report_of_the_meeting_announced_says_what_became_of_it(later: str, reported: bool) -> None:
    due = _excerpt("due", "a", MIAMI_DUE, dt.date(2025, 12, 15))  # until 31 December
    report = _excerpt("report", "b", later, dt.date(2025, 12, 20))  # Saturday: 20 December
    found = superseded([due, report], dt.date(2025, 12, 22), {}).get("due")
    assert found == (Announcement(Overtaken(dt.date(2025, 12, 15), dt.date(2025, 12, 16), dt.date(2025, 12, 31), None,
                                            over=False), reported_by="b") if reported else None)
