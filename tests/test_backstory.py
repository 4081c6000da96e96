"""Backstory: a passage that only tells what happened well before a dated brief's window ranks below the
window's own news, and still fills a thin week."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.backstory import BACKSTORY_DAYS, backstory
from brief.excerpts import Excerpt
from brief.workspace import load_workspace

from .test_assembly import OTHER_NEWS, _project, _recipe

FOUR_WEEKS_AGO = ("Four weeks ago Ukraine's negotiators came home from Geneva with a slimmed-down American framework "
                  "and a promise that the hard parts would be left to the presidents.")
EARLIER_EFFORTS = ("Earlier efforts, such as the Anchorage summit in August and the proposed Budapest Summit in "
                   "October, were unproductive or canceled.")
SUNDAY_21, TUESDAY_16 = dt.date(2025, 12, 21), dt.date(2025, 12, 16)


def _excerpt(text: str, published: dt.date, source_id: str = "a") -> Excerpt:
    return Excerpt(id=text[:20], source_id=source_id, start=0, end=len(text), text=text, topics=(),
                   section="state-of-talks", topic_score=1.0, section_score=1.0, paragraph=1, position=0,
                   published=published)


@pytest.mark.parametrize(("text", "published", "told_before"), [
    # the written weekly of 22 December (window from 16 December) and the shipped weekly of 5 December
    (FOUR_WEEKS_AGO, SUNDAY_21, True),
    (EARLIER_EFFORTS, dt.date(2025, 12, 3), True),
    # a word of the present says how things stand now
    ("After the Kremlin meeting ended without agreement in late November, attention has turned to the points "
     "that keep the two sides apart.", SUNDAY_21, False),
    ("After the Kremlin meeting ended without agreement in late November, the envoys flew home.", SUNDAY_21,
     True),
    ("Since the Geneva round in late November, negotiators have rewritten large parts of the American text.",
     SUNDAY_21, False),
    ("He says Russia is ready to end the war on the principles he set out in June 2024.", SUNDAY_21, False),
    # the week's news, or just before the window
    ("Envoys met in Geneva on Monday to draft the security chapter.", SUNDAY_21, False),
    ("Envoys met in Geneva on 12 December to draft the security chapter.", SUNDAY_21, False),
    # what is to come, and a passage that dates nothing
    ("Leaders of the coalition of the willing will gather in Paris in January.", SUNDAY_21, False),
    ("Talks may resume in November.", SUNDAY_21, False),
    (OTHER_NEWS[2], SUNDAY_21, False),
    # a bare year dates no event
    ("Russia's 2022 invasion was repelled from Kyiv.", SUNDAY_21, False),
    # a season the article's day has seen the end of is the past; one it is in is the present
    ("The Istanbul channel this summer typified the Kremlin's pattern: Putin offered direct talks in May.",
     SUNDAY_21, True),
    ("The Istanbul channel this winter typified the Kremlin's pattern: Putin offered direct talks in May.",
     SUNDAY_21, False),
    ("The Istanbul channel this summer typified the Kremlin's pattern: Putin offered direct talks in May.",
     dt.date(2025, 7, 1), False),
])
def test_a_passage_that_only_tells_an_earlier_time_in_the_past_is_backstory(text: str, published: dt.date,
                                                                            told_before: bool) -> None:
    start = TUESDAY_16 if published == SUNDAY_21 else dt.date(2025, 11, 29)
    assert bool(backstory([_excerpt(text, published)], start, {})) is told_before


def test_backstory_needs_its_events_a_week_before_the_window_and_a_known_date() -> None:
    met = "Envoys met in Geneva on 5 December to draft the security chapter."
    published = dt.date(2025, 12, 18)
    week_after = dt.date(2025, 12, 5) + dt.timedelta(days=BACKSTORY_DAYS)
    assert backstory([_excerpt(met, published)], week_after, {})
    assert not backstory([_excerpt(met, published)], week_after - dt.timedelta(days=1), {})
    assert not backstory([_excerpt(FOUR_WEEKS_AGO, SUNDAY_21)], TUESDAY_16, {"a": True})  # "four weeks" from when?


def test_an_article_dated_only_by_its_earliest_day_is_judged_up_to_the_briefs_day() -> None:
    """Seed 000 is "18 December 2025 or later": in the weekly of 18 December its "in May" is May 2025 whatever its
    day; a date it tells by its own day is judged only as far as the brief's day could move it."""
    may = "Putin offered direct talks in May, torpedoing a U.S. ultimatum."
    published = dt.date(2025, 12, 18)
    assert backstory([_excerpt(may, published)], dt.date(2025, 12, 12), {"a": True}, dt.date(2025, 12, 18))
    # "four weeks ago" of 18 December is the week of 17–23 November, of 31 December the week of 1–7 December: in a
    # window from 12 December, the story so far only if the article cannot be of the 31st
    window = dt.date(2025, 12, 12)
    assert backstory([_excerpt(FOUR_WEEKS_AGO, published)], window, {"a": True}, dt.date(2025, 12, 30))
    assert not backstory([_excerpt(FOUR_WEEKS_AGO, published)], window, {"a": True}, dt.date(2025, 12, 31))
    assert backstory([_excerpt(FOUR_WEEKS_AGO, published)], window, {}, dt.date(2025, 12, 31))  # its day known


def test_a_weekly_brief_ranks_the_story_so_far_below_the_weeks_news_and_shows_it_in_a_thin_week(
        tmp_path: Path) -> None:
    """The written weekly of 22 December led its State of talks with w11's "Four weeks ago …" opening: a
    passage in its article's lead, with cues of the talks, above the week's own news."""
    news = "Ukraine's negotiators met U.S. envoys in Miami on Saturday to discuss security guarantees."
    paths = _project(tmp_path, {
        "a": ("2025-12-21", "Alpha Post", "\n\n".join([FOUR_WEEKS_AGO, news])),
        "b": ("2025-12-20", "Beta News", "\n\n".join(OTHER_NEWS)),
    })
    workspace = load_workspace(paths)

    def state_of_talks(max_items: int) -> list[str]:
        recipe = _recipe(paths, workspace, window="7d", as_of="2025-12-22", key_points=0,
                         sections=[{"id": "state-of-talks", "max_items": max_items}])
        briefing = assemble_briefing(workspace, recipe)
        return [item.text for item in briefing.sections[0].items]

    both = state_of_talks(5)
    assert FOUR_WEEKS_AGO in both and news in both
    assert both.index(news) < both.index(FOUR_WEEKS_AGO)
    assert state_of_talks(1) == [news]


MOSCOW_ROUND = ("After rounds in Geneva and Florida, U.S. envoy Steve Witkoff and Jared Kushner took a revised text to "
                "President Vladimir Putin in Moscow on Dec. 2.")
SAID_AFTERWARDS = "Kremlin aide Yuri Ushakov said afterwards that no compromise had been found on territory."


def test_a_passage_told_after_the_story_so_far_is_the_story_so_far_and_no_key_point(tmp_path: Path) -> None:
    """Audit of session 41: in the written weekly of 18 December, "… Ushakov said afterwards that no compromise had
    been found" (after the Kremlin meeting of 2 December) was shown after its sentence before, and as a key point
    of the week of 12–18 December: it has no day of its own, so it took none of the story so far's lower rank."""
    news = ("Two days of talks in Berlin between American, Ukrainian and European negotiators ended on Monday with "
            "both sides describing real progress on security guarantees.")
    paths = _project(tmp_path, {
        "a": ("2025-12-18", "Alpha Post", "\n\n".join([news, f"{MOSCOW_ROUND} {SAID_AFTERWARDS}"])),
        "b": ("2025-12-17", "Beta News", "\n\n".join(OTHER_NEWS)),
    })
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, window="7d", as_of="2025-12-18", key_points=3, sections=[
        {"id": s, "max_items": 5} for s in ("state-of-talks", "sticking-points", "outlook", "background")])
    briefing = assemble_briefing(workspace, recipe)
    pair = f"{MOSCOW_ROUND} {SAID_AFTERWARDS}"
    assert [item.text for item in briefing.key_points][:1] == [news]
    assert pair not in [item.text for item in briefing.key_points]
    assert pair in [item.text for item in briefing.all_items()]  # still in its section: the week is thin
    # … and with nothing of the week to be a key point, the story so far is one.
    (tmp_path / "alone").mkdir()
    alone = _project(tmp_path / "alone", {"a": ("2025-12-18", "Alpha Post", f"{MOSCOW_ROUND} {SAID_AFTERWARDS}")})
    workspace = load_workspace(alone)
    recipe = _recipe(alone, workspace, window="7d", as_of="2025-12-18", key_points=1)
    assert [item.text for item in assemble_briefing(workspace, recipe).key_points] == [pair]


def test_a_passage_told_after_a_sentence_of_an_earlier_day_carries_that_days_note(tmp_path: Path) -> None:
    """The written weekly of 22 December showed "What has not moved is the land. On Friday …" with "(as of 21
    December 2025)"; once "Zelensky's office says any such decision …" was shown after it, the pair lost the note,
    and the same Friday demand, told by another source, came back as an item of its own."""
    land = ("What has not moved is the land. On Friday President Putin repeated that Ukraine must withdraw from the "
            "four regions Russia claims.")
    referendum = "Zelensky's office says any such decision would have to go to a referendum."
    repeated = ("Putin repeated on Friday that Ukraine must withdraw from the parts of Donbas it still holds, a demand "
                "Kyiv has refused since the summer.")
    paths = _project(tmp_path, {
        "a": ("2025-12-21", "Alpha Post", "\n\n".join([f"{land} {referendum}", OTHER_NEWS[0]])),
        "b": ("2025-12-19", "Beta News", "\n\n".join([repeated, OTHER_NEWS[1]])),
    })
    workspace = load_workspace(paths)
    lead = next(e.id for e in workspace.excerpts_of("a") if e.text == referendum)
    recipe = _recipe(paths, workspace, window="7d", as_of="2025-12-22", key_points=1, pin=[lead], sections=[
        {"id": s, "max_items": 5} for s in ("state-of-talks", "sticking-points", "outlook", "background")])
    items = assemble_briefing(workspace, recipe).all_items()
    [pair] = [item for item in items if item.excerpt_id == lead]
    assert pair.text == f"{land} {referendum}"
    assert pair.overtaken is not None and pair.overtaken.published == dt.date(2025, 12, 21)
    assert not any(item.text.startswith("Putin repeated on Friday") for item in items), [i.text for i in items]
