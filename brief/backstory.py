"""Passages that only tell what happened well before a dated brief's window: the story so far, not the week's news.

"Four weeks ago Ukraine's negotiators came home from Geneva with a slimmed-down American framework …" opens a
week in review of 21 December; "Earlier efforts, such as the Anchorage summit in August and the proposed Budapest
Summit in October, were unproductive or canceled." is in an article of early December. Each is true, and each
fitted a weekly brief's State of talks on its cues alone, above the week's own news. A passage whose dated events
(what a brief shows of it, :func:`brief.ranking.shown_events`; a day, a week or a month, not a bare year) all
ended :data:`BACKSTORY_DAYS` or more before the window began, and with no word of the present
(:func:`brief.history.tells_the_present`: "attention has turned", "negotiators have rewritten", "he says"; not a
season already over on its article's day, "this summer" in December), ranks lower (:data:`BACKSTORY_PENALTY`): a
thin week still shows it. (The tense of a date places it in its year: "talks may resume in November", in a
December article, is next November's.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from brief.excerpts import Excerpt
from brief.history import tells_the_present
from brief.ranking import shown_events, shown_text
from brief.timeline import last_day

BACKSTORY_DAYS = 7
"""How long before the window's first day an event must have ended to be the story so far."""
BACKSTORY_PENALTY = 0.75
"""What such a passage loses of its rank."""


def backstory(candidates: Iterable[Excerpt], window_start: dt.date, earliest: Mapping[str, bool],
              as_of: dt.date | None = None) -> set[str]:
    """The ids of the passages among ``candidates`` that only tell the story before a window that begins on
    ``window_start``. ``earliest``: source id → whether its date is only the earliest possible. What "four weeks
    ago" or "in May" means then is known only within the days up to the brief's day ``as_of``, which the article
    cannot postdate: its events must have ended that much earlier (seed 000, "18 December 2025 or later", in the
    weekly of 18 December: "The Istanbul channel this summer …: Putin offered direct talks in May" is the story
    so far). Without ``as_of`` such a passage is not judged."""
    found: set[str] = set()
    before = window_start - dt.timedelta(days=BACKSTORY_DAYS)
    for excerpt in candidates:
        slack = dt.timedelta(0)
        if earliest.get(excerpt.source_id, False):
            if as_of is None or excerpt.published is None:
                continue
            slack = max(as_of - excerpt.published, dt.timedelta(0))
        events = [event for event in shown_events(excerpt) if event.precision != "year"]
        if not events or any(last_day(event.date, event.precision) + slack > before for event in events):
            continue
        if not tells_the_present(shown_text(excerpt), excerpt.published):
            found.add(excerpt.id)
    return found

