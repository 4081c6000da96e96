"""The days a passage names only by its article's day, worked out: "on Tuesday" in an article of Tuesday 9
December 2025 is 9 December 2025.

"Ukraine has sent the United States a revised version …, officials in Kyiv said on Tuesday" reads right on the
day it appeared. In a weekly read days later, beside other articles' Tuesdays, it is any Tuesday. A brief keeps
the article's words and adds after the item the date each such expression stands for: "*(Tuesday: 9 December
2025; at the weekend: 13–14 December 2025)*". The dates are the timeline's (:func:`brief.timeline.find_dates`),
but for "a week ago", which the timeline places in the week of the day seven days back (:data:`ABOUT`):
a weekday is the nearest one before the article's day in a past tense, after it in a future one.

Only an expression that counts from the article's day (:func:`brief.timeline.counts_from_the_day`): "Tuesday",
"at the weekend", "yesterday", "next week", "last month", "two days ago", "this year"; "Dec. 17" says its day
already. "A week ago" is about the day seven days back. Only of an article whose day is known: not a date
guessed from the days its text mentions, nor only the earliest it can have appeared, nor a passage that a
chronology's heading dates (its "Tuesday" is the heading's, not the article's).
"""

from __future__ import annotations

import datetime as dt

from brief.briefing import RelativeDay, period_label
from brief.segmentation import sentence_bounds
from brief.timeline import counts_from_the_day, find_dates

ABOUT = "about"
"""Before the day "a week ago" or "three weeks ago" stands for: "about 14 December 2025" of an article of Sunday
21 December. The week of its Monday ("week of 8 December 2025") would read as a week too early, and the day
alone as more exact than the words."""


def relative_days(text: str, published: dt.date) -> tuple[RelativeDay, ...]:
    """The expressions of ``text`` (of an article of ``published``) that name a day, week, month or year only by
    the article's day, each with its date, in the order the text gives them; an expression written twice (in the
    same words, whatever their case) is given once."""
    found: dict[str, RelativeDay] = {}
    for start, end in sentence_bounds(text, 0, len(text)):
        for mention in find_dates(text[start:end], published):
            key = mention.expression.lower()
            if not mention.relative or not counts_from_the_day(mention.expression) or key in found:
                continue
            if mention.precision == "week" and key.endswith(" ago"):  # seven days back, not its Monday's week
                weeks = (mention.date - (published - dt.timedelta(days=published.weekday()))).days // 7
                label = f"{ABOUT} {period_label(published + dt.timedelta(weeks=weeks), 'day')}"
            else:
                label = period_label(mention.date, mention.precision, mention.until)
            found[key] = RelativeDay(mention.expression, label)
    return tuple(found.values())
