"""Announcements: passages that say what is due, judged against the brief's date and later sources.

A passage that names a day, week or month after its own article's date announces something ("EU leaders are
due to decide at a summit next week"). By the brief's date it may be old news:

- the period it names is over by the brief's date: whatever it announced has happened or not since;
- or the period has begun and a later source, published since it began, gives one of the announcement's
  figures again ("a loan of up to 90 billion euros" due to be decided; "the 27 instead agreed to raise
  €90bn", reported on 19 December): that source reports what became of it (:func:`superseded`).

Either way the announcement loses rank (:data:`PASSED_SCHEDULE_PENALTY`) so that what happened leads;
it is not dropped, since "was due to" is still part of the record. An article whose date is only the
earliest it can have appeared is never judged: what comes after it is not known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from brief.excerpts import Excerpt
from brief.figures import figures_in_passage
from brief.ranking import shown_text
from brief.timeline import extract_events, last_day

PASSED_SCHEDULE_PENALTY = 1.5
"""Rank an announcement of a day now past loses: as much as a second independent source adds, so that a
later report of what happened outranks it."""


def announced_periods(excerpt: Excerpt) -> list[tuple[dt.date, dt.date]]:
    """The [first, last] days of each day, week or month the passage names after its article's date."""
    published = excerpt.published
    if published is None:
        return []
    return [(event.date, last_day(event.date, event.precision))
            for event in extract_events(shown_text(excerpt), excerpt.source_id, published)
            if event.precision != "year" and event.date > published]


def superseded(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool]) -> set[str]:
    """Ids of the announcements among ``candidates`` whose period is over by ``as_of``, or has begun and is
    reported on by another source's passage among them (see the module's docstring). ``earliest``: source id
    → whether its date is only the earliest possible."""
    passages = [e for e in candidates if e.published is not None and not earliest.get(e.source_id, False)]
    found: set[str] = set()
    figures: dict[str, set[tuple[str, float]]] = {}

    def figures_of(excerpt: Excerpt) -> set[tuple[str, float]]:
        if excerpt.id not in figures:
            figures[excerpt.id] = {(f.unit, f.value) for f in figures_in_passage(shown_text(excerpt), excerpt.source_id)}
        return figures[excerpt.id]

    for excerpt in passages:
        periods = [period for period in announced_periods(excerpt) if period[0] <= as_of]
        if not periods:
            continue
        if any(last < as_of for _, last in periods):
            found.add(excerpt.id)
            continue
        began = min(first for first, _ in periods)
        wanted = figures_of(excerpt)
        if wanted and any(other.source_id != excerpt.source_id and other.published is not None
                          and began <= other.published <= as_of and wanted & figures_of(other)
                          for other in passages):
            found.add(excerpt.id)
    return found
