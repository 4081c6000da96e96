"""Passages true on their article's day: counts of how long something has lasted, and the parties' positions.

"As the war in Ukraine drags into its third year, a diplomatic resolution remains elusive" (June 2025), "Ten
months into a U.S.-led effort to halt the war, talks have lurched from promise to paralysis" (December 2025),
"the nearly four-year-long war", "Over the past twelve months …": each is true on the day its article
appeared. Months later, in a brief beside the newer articles, it reads as today's count, and two counts of the
war's age disagree. Such a passage in a brief :data:`AGE_NOTE_DAYS` or more after its article says when it was
said ("as of 12 June 2025", :class:`brief.briefing.Overtaken`), as an announcement whose time is past does
(:mod:`brief.schedules`), and ranks a little lower (:data:`AGED_PENALTY`): a newer source's count leads.

So does a party's position in the present tense (:func:`brief.corroboration.positions_in`: "Ukraine demands the
full withdrawal of Russian forces and the restoration of its 1991 borders, while Russia insists on …", June
2025; a red line): it is what the party asked for on that day. Beside December's sources, undated, it reads as
what Kyiv asks for now, though a newer source may say Kyiv would freeze the lines where they are.

A forecast four days old gets the note too (:func:`dated_forecasts`), and so does a passage that places something
by its article's day ("ended on Monday", "this week", "today") in a brief of another day, week or month
(:func:`placed_by_their_day`); these keep their rank.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from brief.briefing import Overtaken
from brief.corroboration import positions_in
from brief.dates import MONTH_NAME
from brief.excerpts import Excerpt
from brief.figures import SPELLED_NUMBERS
from brief.quotes import blank_quotations
from brief.ranking import shown_text
from brief.schedules import Announcement
from brief.segmentation import sentence_bounds

AGE_NOTE_DAYS = 30
"""How long after its article a count of months or years ("ten months into …") is old enough to need its date."""
FORECAST_NOTE_DAYS = 4
"""How long after its article a forecast ("The outcome of the meeting in the Ukrainian capital will be decisive …")
is old enough to need its date: more than half a weekly edition's span, by which what it looked to may have happened
("The U.S. delegation will now proceed to Kyiv", 4 December, read on 10 December)."""
AGED_PENALTY = 0.75
"""Rank such a passage loses: half what an announcement whose time is past loses, since what it says may still
hold; enough that a newer source's count of the same thing leads."""

_COUNT = rf"(?:\d+|a|several|a\s+few|few|{'|'.join(SPELLED_NUMBERS)})"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_WHAT_LASTS = r"(?:war|fighting|conflict|invasion|occupation|talks|negotiations|diplomacy|shelling|siege|bombardment)"
"""What a count of years "of" something counts: "One year of U.S.-led peace talks", "three years of war" (not "15
years of U.S. security guarantees", "a day of mourning")."""
_AGE = re.compile(
    rf"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)\b(?:{_COUNT}\s+{_UNIT}\s+(?:into|since)\b"  # "Ten months into"
    rf"|{_COUNT}\s+{_UNIT}\s+of\s+(?:[\w.’'-]+\s+){{0,3}}?{_WHAT_LASTS}\b"  # "One year of U.S.-led peace talks"
    rf"|(?:into|in)\s+its\s+{_ORDINAL}\s+{_UNIT}\b"  # "drags into its third year"
    rf"|{_COUNT}[- ](?:day|week|month|year|decade)[- ]long\s+{_WHAT_LASTS}\b"  # "the nearly four-year-long war"
    rf"|(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:{_COUNT}\s+)?{_UNIT}\b(?!\s+of\b))",  # "Over the past
    re.IGNORECASE)                                                                          # twelve months"
"""A count of time up to the article's day."""


def tells_an_age(text: str) -> bool:
    """Whether ``text`` counts time up to its article's day (see the module's docstring)."""
    return bool(_AGE.search(text))


_LOOKS_AHEAD = re.compile(r"\b(?:will|won[’']t|could|may|might|(?:is|are|seems?|appears?)\s+(?:un)?likely\s+to"
                          r"|(?:is|are)\s+(?:expected|set|due|poised)\s+to)\b", re.IGNORECASE)
"""What a forecast says: "will", a modal of what may come, "is likely/expected/set/due to"."""


_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\b", re.IGNORECASE)
RELATIVE_WORDS = 4
"""A forecast's verb this few words after "that", "which" or "who" is a relative clause's: "assurances from Western
partners that will prevent future invasions" describes a demand, "a clear message that stalling will not improve
Russia's standing" an option."""


def looks_ahead(text: str) -> bool:
    """Whether ``text`` forecasts: says, outside quotation marks and relative clauses, what will or may come (a
    modal of the past, "would", is left out: "Putin said he would …")."""
    plain = blank_quotations(text)
    return any(not _RELATIVE.search(" ".join(plain[:match.start()].split()[-RELATIVE_WORDS:]))
               for match in _LOOKS_AHEAD.finditer(plain))


def states_a_position(text: str) -> bool:
    """Whether ``text`` states, in the present tense, what a party asks for (an accusation is an act, not a
    position)."""
    return any(not position.past and position.accused is None
               for start, end in sentence_bounds(text, 0, len(text)) for position in positions_in(text[start:end]))


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
                           r"|last\s+night|(?:\d+|[a-z]+)\s+(?:days?|weeks?|months?)\s+ago)\b", re.IGNORECASE)
_RELATIVE_WEEK = re.compile(
    r"\b(?:(?:this|last|next)\s+(?:week|weekend)(?!\s+of\b)|at\s+the\s+weekend|upcoming|forthcoming|recently"
    r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:\d+|[a-z]+)\s+)?(?:days|weeks?|weekends?)(?!\s+of\b)"
    r"|in\s+recent\s+(?:days|weeks))\b"
    rf"|\b{_WEEKDAY}(?:[’']s)?\b(?!,?\s+(?:\d{{1,2}}\b|{MONTH_NAME}\.?\s+\d))", re.IGNORECASE)
"""A day named only by its place in the article's week: "this week", "at the weekend", "on Monday", "Sunday and
Monday's meetings" (not "Monday, Dec. 15" nor "Saturday 6 December", which say which); and what the article's
days were to bring, "the upcoming meeting in Kyiv", which a later week may have seen; and what the article's
week calls recent, "Recently, the U.S. … outlined elements of a potential deal", "refined in Geneva and Florida over
the past two weekends". "Four weeks ago" is placed by the article's day."""
_RELATIVE_MONTH = re.compile(r"\b(?:this|last|next)\s+month\b", re.IGNORECASE)


def placed_by_its_day(text: str, published: dt.date, as_of: dt.date) -> bool:
    """Whether ``text`` places something by its article's day ("today", "this week", "on Monday", "last month")
    and the brief's day ``as_of`` is not that day, week or month: read on 22 December, "two days of talks in
    Berlin … ended on Monday" of 16 December says the talks ended today."""
    if published >= as_of:
        return False
    if _RELATIVE_DAY.search(text):
        return True
    if published.isocalendar()[:2] != as_of.isocalendar()[:2] and _RELATIVE_WEEK.search(text):
        return True
    return (published.year, published.month) != (as_of.year, as_of.month) and bool(_RELATIVE_MONTH.search(text))


def placed_by_their_day(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool]
                        ) -> dict[str, Announcement]:
    """The passages among ``candidates`` that place something by their article's day when the brief's day is
    another (:func:`placed_by_its_day`), by excerpt id, with the note that says which day that was. They keep
    their rank: what they tell may be this week's news, told a day or two ago."""
    return _said_long_enough_ago(candidates, as_of, earliest, 1,
                                 lambda text, published: placed_by_its_day(text, published, as_of))


def aged(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool]) -> dict[str, Announcement]:
    """The passages among ``candidates`` that count time up to an article :data:`AGE_NOTE_DAYS` or more before
    ``as_of``, or state a position in it, by excerpt id, with the note a brief gives them. ``earliest``: source id
    → whether its date is only the earliest possible (then when the count was made is not known, and it is not
    judged)."""
    return _said_long_enough_ago(candidates, as_of, earliest, AGE_NOTE_DAYS,
                                 lambda text, _: tells_an_age(text) or states_a_position(text))


def dated_forecasts(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool]
                    ) -> dict[str, Announcement]:
    """The passages among ``candidates`` that forecast (:func:`looks_ahead`) in an article
    :data:`FORECAST_NOTE_DAYS` or more before ``as_of``, by excerpt id, with the note that says when: "The outcome
    of the meeting in the Ukrainian capital will be decisive …" of 4 December, in a brief of 18 December. They
    keep their rank: a forecast is the article's view of what comes, not a count a newer source corrects, and
    an old one may still be the best there is."""
    return _said_long_enough_ago(candidates, as_of, earliest, FORECAST_NOTE_DAYS, lambda text, _: looks_ahead(text))


def _said_long_enough_ago(candidates: Iterable[Excerpt], as_of: dt.date, earliest: Mapping[str, bool], days: int,
                          holds_then: Callable[[str, dt.date], bool]) -> dict[str, Announcement]:
    """The passages among ``candidates`` of an article dated (not only at the earliest) ``days`` or more before
    ``as_of`` whose shown text ``holds_then`` (given the text and the article's date), by excerpt id, each with its
    "as of" note."""
    found: dict[str, Announcement] = {}
    for excerpt in candidates:
        published = excerpt.published
        if published is None or earliest.get(excerpt.source_id, False) or (as_of - published).days < days:
            continue
        if holds_then(shown_text(excerpt), published):
            found[excerpt.id] = said_on(published)
    return found


def said_on(published: dt.date) -> Announcement:
    """The note "as of DATE", which names no later source: of an old count or position, and of a key point from a
    report weeks old (:func:`brief.assembly._reported_as_of`)."""
    return Announcement(Overtaken(published, published, published, None, over=False), None)
