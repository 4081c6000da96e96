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
