"""Announcements: passages that say what is due, judged against the brief's date and later sources.

A passage that names a day, week or month after its own article's date announces something ("EU leaders are
due to decide at a summit next week"). By the brief's date it may be old news:

- the period it names is over by the brief's date: whatever it announced has happened or not since;
- or the period has begun and a later source, published since it began, gives one of the announcement's
  figures again ("a loan of up to 90 billion euros" due to be decided; "the 27 instead agreed to raise
  €90bn", reported on 19 December), or reports in the past tense an event since at a place the announcement
  names, with a party it names ("A Russian delegation may also travel to Miami … before the end of the year";
  "Russian envoy Kirill Dmitriev met … in Miami on Saturday"): that source reports what became of it
  (:func:`superseded`); or announces within the period something at a place it names, with a party it names
  ("Dmitriev is expected to meet Witkoff and Kushner in Miami at the weekend", 18 December): that source says
  more closely what is due.

Either way the announcement loses rank (:data:`PASSED_SCHEDULE_PENALTY`) so that what happened leads;
it is not dropped, since "was due to" is still part of the record. When it is still in the brief, its item
says when it was said and what has happened since ("as of 9 December 2025; see the later source 3":
:class:`brief.briefing.Overtaken`), so that old news is not read as what lies ahead. An article whose date is only the
earliest it can have appeared is never judged: what comes after it is not known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from brief.briefing import Overtaken
from brief.contradictions import Statement, names_and_places
from brief.excerpts import Excerpt
from brief.figures import figures_in_passage
from brief.parties import PARTY_WORDS
from brief.ranking import shown_events, shown_text
from brief.segmentation import sentence_bounds
from brief.timeline import Precision, last_day, tense_near

PASSED_SCHEDULE_PENALTY = 1.5
"""Rank an announcement of a day now past loses: as much as a second independent source adds, so that a
later report of what happened outranks it."""


_HORIZON = re.compile(r"\b(?:(?:[Ii]n|[Oo]ver|[Ww]ithin)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?P<unit>days|weeks)"
                      r"|[Ww]ithin\s+(?:a\s+few\s+)?(?P<within>days|weeks)"
                      r"|will\s+now\s+(?=(?:proceed|travel|head|fly|go|move\s+on|return|meet)\b)"
                      r"|(?:[Bb]efore|[Bb]y)\s+the\s+end\s+of\s+(?:the|this)\s+(?P<end>week|month|year)"
                      r"|[Bb]y\s+(?P<end_short>month|year)[- ]end)\b")
"""A stretch of time ahead with no date: "in the coming days", "over the next few weeks", "within days", the
next step of "The U.S. delegation will now proceed to Kyiv" (days), and "before the end of the year" (until the
article's week, month or year is out)."""
HORIZON_DAYS = {"days": 7, "weeks": 28}
"""How long "the coming days" and "the coming weeks" last after the article's date."""


def announced_periods(excerpt: Excerpt) -> list[tuple[dt.date, dt.date, Precision | None]]:
    """The first and last days of each day, week or month the passage names after its article's date, and
    which of these it is; and of each stretch of days or weeks it says lies ahead ("in the coming days": no
    date, precision None)."""
    published = excerpt.published
    if published is None:
        return []
    text = shown_text(excerpt)
    periods: list[tuple[dt.date, dt.date, Precision | None]] = [
        (event.date, event.until or last_day(event.date, event.precision), event.precision)
        for event in shown_events(excerpt)
        if event.precision != "year" and event.date > published]
    sentences = sentence_bounds(text, 0, len(text))
    for match in _HORIZON.finditer(text):
        start, end = next(bounds for bounds in sentences if bounds[0] <= match.start() < bounds[1])
        if tense_near(text[start:end], match.start() - start, match.end() - start) == "past":
            continue  # "over the next few weeks the talks collapsed": weeks after something else
        period_end = match.group("end") or match.group("end_short")
        if period_end is not None:
            first_day = published - dt.timedelta(days=published.weekday()) if period_end == "week" else published
            if published < last_day(first_day, period_end):
                periods.append((published + dt.timedelta(days=1), last_day(first_day, period_end), None))
            continue
        days = HORIZON_DAYS[match.group("unit") or match.group("within") or "days"]
        periods.append((published + dt.timedelta(days=1), published + dt.timedelta(days=days), None))
    return periods


@dataclass(frozen=True)
class Announcement:
    """An announcement that is old news by the brief's date: what the brief says of it (:class:`Overtaken`, no
    source number yet) and the source that reports on it, if any."""

    overtaken: Overtaken
    """When its article said it, the period it named (of several: the last one over by the brief's date, else
    the first one begun) and whether that is over."""
    reported_by: str | None
    """The source of a later passage that gives one of its figures again: it may report what became of it."""


_WORD = re.compile(r"[\w.]+")


def _parties(text: str) -> set[str]:
    """The parties ``text`` names ("Russian", "the Kremlin" → Russia; "U.S." and "Russia." at a sentence's end)."""
    words = _WORD.findall(text.lower())
    return {PARTY_WORDS[word] for word in words + [word.rstrip(".") for word in words] if word in PARTY_WORDS}


@dataclass(frozen=True)
class _Where:
    """The names and places an announcement names, and the parties: what a later passage must share with it."""

    named: frozenset[str]
    parties: frozenset[str]

    @classmethod
    def of(cls, announcement: Excerpt) -> _Where:
        said = shown_text(announcement)
        statement = Statement(said, announcement.source_id, announcement.start, announcement.published)
        return cls(names_and_places(statement)[0], frozenset(_parties(said)))

    def shared_by(self, text: str, source_id: str, start: int, published: dt.date | None) -> bool:
        """Whether ``text`` is at a place the announcement names, with a party it names (when it names one)."""
        places = names_and_places(Statement(text, source_id, start, published))[1]
        return bool(self.named & places) and (not self.parties or bool(self.parties & _parties(text)))


def reports_the_meeting(where: _Where, later: Excerpt, first: dt.date, as_of: dt.date) -> bool:
    """Whether ``later`` reports, in the past tense, an event from ``first`` to ``as_of`` at a place the
    announcement names, with a party it names (``where``): "A Russian delegation may also travel to Miami …
    before the end of the year" (15 December) and "Russian envoy Kirill Dmitriev met U.S. special envoy Steve
    Witkoff … in Miami on Saturday" (22 December)."""
    if not where.named or later.published is None:
        return False
    for event in shown_events(later):
        at = event.expression_start - event.start
        if first <= event.date <= as_of and where.shared_by(event.text, later.source_id, event.start, later.published) \
                and tense_near(event.text, at, at + len(event.expression)) == "past":
            return True
    return False


def announces_it_again(where: _Where, announcement: Excerpt, later: Excerpt, first: dt.date, last: dt.date) -> bool:
    """Whether ``later``, from a later article, announces within the announcement's period (``first`` to ``last``)
    something at a place the announcement names, with a party it names (``where``): "A Russian delegation may also
    travel to Miami … before the end of the year" (15 December) and "Russian envoy Kirill Dmitriev is expected to
    meet Witkoff and Kushner in Miami at the weekend" (18 December). The later says more closely what is due."""
    if later.published is None or announcement.published is None or later.published <= announcement.published:
        return False
    return where.shared_by(shown_text(later), later.source_id, later.start, later.published) \
        and any(first <= start and end <= last for start, end, _ in announced_periods(later))


def superseded(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool]) -> dict[str, Announcement]:
    """The announcements among ``candidates`` whose period is over by ``as_of``, or has begun and is reported on
    by another source's passage among them (see the module's docstring), by excerpt id. ``earliest``: source id
    → whether its date is only the earliest possible."""
    passages = [e for e in candidates if e.published is not None and not earliest.get(e.source_id, False)]
    found: dict[str, Announcement] = {}
    figures: dict[str, set[tuple[str, float]]] = {}

    def figures_of(excerpt: Excerpt) -> set[tuple[str, float]]:
        if excerpt.id not in figures:
            figures[excerpt.id] = {(f.unit, f.value) for f in figures_in_passage(shown_text(excerpt), excerpt.source_id)}
        return figures[excerpt.id]

    for excerpt in passages:
        assert excerpt.published is not None
        periods = [period for period in announced_periods(excerpt) if period[0] <= as_of]
        if not periods:
            continue
        ended = [period for period in periods if period[1] < as_of]
        over = bool(ended)
        first, last, precision = max(ended, key=lambda period: period[1]) if ended \
            else min(periods, key=lambda period: period[:2])
        wanted = figures_of(excerpt)
        where = _Where.of(excerpt)
        reporter = next((other.source_id for other in passages
                         if other.source_id != excerpt.source_id and other.published is not None
                         and first <= other.published <= as_of
                         and (wanted & figures_of(other) or reports_the_meeting(where, other, first, as_of)
                              or announces_it_again(where, excerpt, other, first, last))),
                        None)
        if over or reporter is not None:
            found[excerpt.id] = Announcement(Overtaken(excerpt.published, first, last, precision, over), reporter)
    return found
