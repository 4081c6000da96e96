"""Passages that only tell what happened well before a dated brief's window: the story so far, not the week's news.

"Four weeks ago Ukraine's negotiators came home from Geneva with a slimmed-down American framework …" opens a
week in review of 21 December; "Earlier efforts, such as the Anchorage summit in August and the proposed Budapest
Summit in October, were unproductive or canceled." is in an article of early December. Each is true, and each
fitted a weekly brief's State of talks on its cues alone, above the week's own news. A passage whose dated events
(what a brief shows of it, :func:`brief.ranking.shown_events`; a day, a week or a month, not a bare year) all
ended :data:`BACKSTORY_DAYS` or more before the window began, and with no word of the present
(:data:`brief.history.PRESENT_TENSE`: "attention has turned", "negotiators have rewritten", "he says"), ranks
lower (:data:`BACKSTORY_PENALTY`): a thin week still shows it. (The tense of a date places it in its
year: "talks may resume in November", in a December article, is next November's.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from brief.excerpts import Excerpt
from brief.history import PRESENT_TENSE
from brief.ranking import shown_events, shown_text
from brief.timeline import last_day

BACKSTORY_DAYS = 7
"""How long before the window's first day an event must have ended to be the story so far."""
BACKSTORY_PENALTY = 0.75
"""What such a passage loses of its rank."""


def backstory(candidates: Iterable[Excerpt], window_start: dt.date, earliest: Mapping[str, bool]) -> set[str]:
    """The ids of the passages among ``candidates`` that only tell the story before a window that begins on
    ``window_start``. ``earliest``: source id → whether its date is only the earliest possible (then what "four
    weeks ago" means is not known, and the passage is not judged)."""
    found: set[str] = set()
    before = window_start - dt.timedelta(days=BACKSTORY_DAYS)
    for excerpt in candidates:
        if earliest.get(excerpt.source_id, False):
            continue
        events = [event for event in shown_events(excerpt) if event.precision != "year"]
        if not events or any(last_day(event.date, event.precision) > before for event in events):
            continue
        if not PRESENT_TENSE.search(shown_text(excerpt)):
            found.add(excerpt.id)
    return found
