"""Passages that go on telling a story the paragraph set in a past year: background, whatever their words.

"One of the earliest formal attempts—the Istanbul talks in March 2022—showed initial promise but unraveled
quickly. According to the Associated Press, while Moscow and Kyiv tentatively explored a framework that might
have included Ukrainian neutrality …, the dialogue eventually collapsed … Russian President Vladimir Putin later
dismissed the talks as irrelevant …" (an article of June 2025). The second sentence's "might have" and the
third's "dismissed" are cues of an outlook and of a sticking point; but "the dialogue" and "the talks" are
those of 2022. Shown alone in a brief of 2025, "Putin later dismissed the talks as irrelevant" reads as his
verdict on the present talks.

A sentence sets a past time when it names a year, or a month of a year, that ended at least
:data:`PAST_DAYS` before the article was published, and not as where a span begins ("since the beginning of the
war in 2022" runs to the present) nor as what the present is measured against ("than anything Kyiv had in 2022").
The sentences after it in the same paragraph go on telling that time while they name no time of their own (no date
:func:`brief.timeline.find_dates` reads) and say nothing in the present ("now", "is", "has", "will" …).
"""

from __future__ import annotations

import datetime as dt
import re

from brief.dates import MONTH_NAME, MONTHS
from brief.timeline import find_dates, last_day

PAST_DAYS = 365
"""How long before the article a named period must have ended for the story told in it to be history."""

_PERIOD = re.compile(rf"(?:\b(?P<month>{MONTH_NAME})\.?\s+(?:\d{{1,2}},?\s+)?|\b(?:in|during|by|early|late|mid-?)\s+)"
                     rf"(?P<year>(?:19|20)\d\d)\b(?![-–]\d)", re.IGNORECASE)
"""A year as when something happened: after a month ("March 2022", "December 2, 2022") or a word of time ("in
2022", "late 2023"); not a year that names a thing ("the 1991 borders", "Russia's 2022 invasion") or a count."""
_NOT_WHEN = re.compile(r"\b(?:since|from|until|through|throughout|starting|began|begun|beginning|than|compared)\b"
                       r"[^.;]{0,40}$", re.IGNORECASE)
"""Words before a year that make it where a span begins or ends ("since the beginning of the war in 2022"), or
what the present is measured against ("More credible than anything Kyiv had in 2022"), not when a story
happened."""
_TENSE_OF_NOW = (r"now|today|currently|still|is|are|am|has|(?<!might\s)(?<!could\s)(?<!would\s)(?<!may\s)"
                 r"(?<!must\s)(?<!should\s)have|do|does|remains?|will|won[’']t|shall|this\s+(?:week|month"
                 r"|year|spring|summer|autumn|fall|winter)|ongoing|recent|recently|since\s+then|since|to\s+date"
                 r"|so\s+far|says?|wants?|insists?|demands?")
PRESENT_TENSE = re.compile(rf"\b(?:{_TENSE_OF_NOW})\b", re.IGNORECASE)
"""Words of the present that are no modal: a sentence with one says how things stand ("has", "remains",
"still", "says")."""
_PRESENT = re.compile(rf"\b(?:{_TENSE_OF_NOW}|(?:can|could|would|may|might|must|should)(?!\s+have\b))\b",
                      re.IGNORECASE)
"""Words of the present: a sentence with one says how things stand, or what may come, not how they went ("might
have included" is still the past)."""


def tells_a_past_time(sentence: str, published: dt.date) -> bool:
    """Whether ``sentence`` names a period that ended :data:`PAST_DAYS` or more before ``published``, and
    not as where a span begins ("since 2022") nor as a yardstick ("than in 2022")."""
    for match in _PERIOD.finditer(sentence):
        if _NOT_WHEN.search(sentence[:match.start()]):
            continue
        year = int(match.group("year"))
        month = match.group("month")
        ended = last_day(dt.date(year, MONTHS[month[:3].lower()], 1), "month") if month \
            else last_day(dt.date(year, 1, 1), "year")
        if (published - ended).days >= PAST_DAYS:
            return True
    return False


_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
"""The last month of a season that ends within its year (winter runs into the next)."""


def tells_the_present(text: str, published: dt.date | None) -> bool:
    """Whether ``text`` has a word of the present (:data:`PRESENT_TENSE`), a season its article's day had already
    seen the end of aside: "The Istanbul channel this summer typified …", in December, is the past. (A story
    told over sentences, :func:`continues_past_story`, still ends at "this summer": it names a time of its own.)"""
    for match in PRESENT_TENSE.finditer(text):
        words = match.group(0).lower().split()
        ends = _SEASON_ENDS.get(words[-1]) if words[0] == "this" and len(words) == 2 else None
        if ends is None or published is None or published.month <= ends:
            return True
    return False


def continues_past_story(sentences: list[str], published: dt.date | None) -> set[int]:
    """Indexes of the ``sentences`` of one paragraph (in order) that go on telling the past time an earlier one
    set (see the module's docstring); none when the publication date is unknown."""
    if published is None:
        return set()
    told: set[int] = set()
    in_the_past = False
    for index, sentence in enumerate(sentences):
        if in_the_past and not find_dates(sentence, published) and not _PRESENT.search(sentence):
            told.add(index)
            continue
        in_the_past = tells_a_past_time(sentence, published) and not _PRESENT.search(sentence)
    return told
