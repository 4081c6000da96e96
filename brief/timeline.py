"""Dated events: the sentences of an article that say when something happened or will happen.

A sentence dates an event when it carries a date expression: a full date ("on
22 November 2025", "December 2, 2025"), a month and day ("on Dec. 17", "November
30"), a month and year ("in March 2022"), a month ("in August"), a year ("in
2014"), a weekday ("on Tuesday"), a weekend ("at the weekend", Saturday to Sunday), or a relative word
("yesterday", "last week", "two days ago"). The event's own date is resolved against the article's
publication date and kept apart from it:

- a month and day takes the publication year, unless it falls later in the year
  than publication and the verb nearest to it is in the past tense ("met on Dec.
  17" in a June article happened the December before), or earlier and in the
  future tense (the January after);
- a month and day, or a month, with no tense to go by takes the year that puts it
  nearest to publication ("a truce in January" in a December article is the coming
  January); a participle ("a push followed by talks in January") has no tense of its
  own, and under a future one ("Expect …") is future;
- a weekday is the most recent such day on or before publication, or the next one
  after it when the verb nearest to it is in the future tense ("will meet on
  Tuesday");
- when the publication date is unknown, expressions that need it are skipped and
  only dates that name their own year count;
- when only the earliest date the article can have been published is known (it
  reports "Dec. 18" in a text written in 2025: :mod:`brief.metadata`), a month and
  day or a month is placed against it, the year being what matters there, but a
  weekday, "yesterday", "last week" or "two days ago" is not: those need the day.

A dateline ("KYIV, Dec 9 (Reuters) -") says when the story was filed, not when
anything happened: it is no event. Neither is a sentence with nothing in it but
its date ("That's it for today."), nor one that talks to the reader, asks, bids or
judges (:func:`brief.reader_address.tells_no_event`): a sign-off, a newsletter's
watch-list question ("Whether Putin answers before the New Year."), an order to the
reader ("Expect a quiet holiday period …") or a labelled opinion ("Our view: the gap
is no smaller than it was in August.").

Every event records its precision (day, week, month or year): "last week" is the
Monday of that week at week precision, "in August" the 1st at month precision.
Days of one month written once ("from 1 to 10 March", "between March 1 and 10",
"22-23 November") are one date from the first day, with the last as ``until``; two
date expressions that the sentence joins into a span ("between March and August")
are paired later, by :func:`spans_to`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from brief.dates import FULL_DATE, MONTHS, full_date_of, leading_dateline
from brief.reader_address import tells_no_event
from brief.segmentation import split_blocks
from brief.sentences import Sentence, article_sentences
from brief.speakers import SPEECH_VERBS

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future", "unknown"]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a piece of text, with the date it stands for."""

    start: int
    """Offset of the expression in the text searched."""
    end: int
    expression: str
    """The expression as written, e.g. "on Dec. 17" → "Dec. 17"."""
    date: dt.date
    """The date meant; the first day of the week, month or year when less precise than a day."""
    precision: Precision
    relative: bool
    """Whether the date was worked out from the publication date (no year written)."""
    until: dt.date | None = None
    """The last day of a span of days that one expression gives ("1 to 10 March", "between March 1 and 10",
    "22-23 November"); ``date`` is its first."""


@dataclass(frozen=True)
class Event:
    """A sentence that dates an event, with the event's own date."""

    source_id: str
    start: int
    """Offset of the sentence in the source's canonical text."""
    end: int
    """``text[start:end] == self.text``."""
    text: str
    """The sentence, verbatim."""
    date: dt.date
    """When the event happened (or will): not the publication date, unless the sentence says so."""
    precision: Precision
    expression: str
    """The date expression as written in the sentence."""
    expression_start: int
    """Offset of the expression in the source's canonical text."""
    expression_end: int
    relative: bool
    """Whether ``date`` was worked out from the publication date."""
    published: dt.date | None
    """The article's publication date, kept for reference."""
    published_earliest: bool = False
    """Whether ``published`` is only the earliest the article can have appeared (it was later, or then)."""
    until: dt.date | None = None
    """The last day of a span of days the expression gives (:attr:`DateMention.until`)."""


def extract_events(text: str, source_id: str, published: dt.date | None, *,
                   sentences: list[Sentence] | None = None, published_earliest: bool = False) -> list[Event]:
    """Every dated event in ``text``, one per date expression, in text order.

    ``sentences`` are ``article_sentences(text)`` when the caller has them already;
    ``published_earliest``: ``published`` is only the earliest date the article can have.
    """
    events: list[Event] = []
    headed = _dated_by_headings(text, published, published_earliest)
    for sentence in article_sentences(text) if sentences is None else sentences:
        body = text[sentence.start:sentence.end]
        if tells_no_event(body):
            continue
        dateline = leading_dateline(body)
        found = len(events)
        for mention in find_dates(body, published, published_earliest=published_earliest):
            if dateline and dateline.group("date") and mention.start == dateline.start("date"):
                continue  # "KYIV, Dec 9 (Meridian Wire) -": when the story was filed, not an event
            if not _CONTENT_WORD.search(body[:mention.start] + " " + body[mention.end:]):
                continue  # "That's it for today.": nothing happens
            if _in_a_what_clause(body, mention.start):
                continue  # "… of derailing what he claims he agreed with Trump at their … summit in August"
            if _in_a_since_clause(body, mention.start):
                continue  # "… have spent months trying …, especially after a fraught Oval Office encounter …"
            if _in_the_days_around(body, mention.start):
                continue  # "The annex … was drawn up in the days after Sunday and Monday's meetings in Berlin"
            if published is not None and mention.date > published and _HOPED.search(body):
                continue  # "The best that can be hoped for this weekend is agreement on a timetable …"
            events.append(_event(source_id, sentence, body, mention, sentence.start, published, published_earliest))
        heading = headed.get(sentence.block_start)
        if len(events) == found and heading is not None and sentence.start == sentence.block_start \
                and _CONTENT_WORD.search(body):
            events.append(_event(source_id, sentence, body, heading.date, heading.heading_start, published,
                                 published_earliest))
    return events


_WHAT = re.compile(r"(?<=\w)[ ,]+what\b(?![’']s)", re.IGNORECASE)
_OUT_OF_A_CLAUSE = re.compile(r"[;:—–()]|[.!?]\s")


def _in_a_what_clause(sentence: str, at: int) -> bool:
    """Whether the date expression at ``at`` dates a "what" clause after the sentence's own act, not the act:
    "Putin instead cast Europe as the spoiler, accusing EU leaders … of derailing what he claims he agreed with
    Trump at their brief, inconclusive Alaska summit in August" tells of December's blame, and August is when
    the summit was; "Russia rejected what was agreed in Geneva in November" is no November event either. A
    sentence that opens on "What …" is read as before, as is a date before the clause or after a dash or a
    semicolon that ends it."""
    return _clause_opened_by(_WHAT, sentence, at) is not None


def _clause_opened_by(opener: re.Pattern[str], sentence: str, at: int) -> re.Match[str] | None:
    """The last match of ``opener`` before ``at`` when its clause runs on to ``at`` (no clause break between)."""
    openings = list(opener.finditer(sentence, 0, at))
    if not openings or _OUT_OF_A_CLAUSE.search(sentence, openings[-1].end(), at):
        return None
    return openings[-1]


_ONGOING_ACT = re.compile(r"\b(?:have|has)\b[^,;:—–()]*?\b(?:months|weeks|years|decades)\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:after|since|following)\b", re.IGNORECASE)


def _in_a_since_clause(sentence: str, at: int) -> bool:
    """Whether the date expression at ``at`` dates an "after" or "since" clause that follows an act in the
    present perfect going on for months: "European governments and Kyiv have spent months trying to bend the
    process …, especially after a fraught Oval Office encounter … in February" tells of months of effort up to
    now, and February is only when the encounter was. "Ukraine agreed the text after talks in Geneva on Nov.
    23" is read as before: one act, dated by the talks it followed; so is an "after" that opens a clause of its
    own ("Kyiv has waited weeks for an answer; after the call on Monday, Witkoff flew to Moscow")."""
    opening = _clause_opened_by(_SINCE, sentence, at)
    if opening is None:
        return False
    clause_start = max((b.end() for b in _OUT_OF_A_CLAUSE.finditer(sentence, 0, opening.start())), default=0)
    return _ONGOING_ACT.search(sentence, clause_start, opening.start()) is not None


_HOPED = re.compile(r"\b(?:can|could|might|may)\s+be\s+hoped\b|\b(?:at\s+best|best[- ]case|at\s+most|with\s+luck)\b",
                    re.IGNORECASE)
"""A writer's hope for a day to come ("The best that can be hoped for this weekend is …"): no event of that day."""
_DAYS_AROUND = re.compile(r"\b(?:in|during|over|within)\s+the\s+(?:(?:few|next|following|two|three|several)\s+)?"
                          r"(?:hours|days|weeks|months)\s+(?:after|since|following|before|ahead\s+of|leading\s+up\s+to"
                          r"|that\s+followed|that\s+preceded)\b", re.IGNORECASE)


def _in_the_days_around(sentence: str, at: int) -> bool:
    """Whether the date expression at ``at`` dates what an act came days after or before, not the act: "The
    annex … was drawn up in the days after Sunday and Monday's meetings in Berlin" happened on none of those
    days, and no day of its own is given. A date before the phrase, or after the clause ends, is read as
    before."""
    return _clause_opened_by(_DAYS_AROUND, sentence, at) is not None


def _event(source_id: str, sentence: Sentence, body: str, mention: DateMention, at: int,
           published: dt.date | None, published_earliest: bool) -> Event:
    """The event ``sentence`` tells, dated by ``mention``, found in the text at offset ``at`` (the sentence's
    own start, or a date heading's above it)."""
    return Event(source_id=source_id, start=sentence.start, end=sentence.end, text=body, date=mention.date,
                 precision=mention.precision, expression=mention.expression,
                 expression_start=at + mention.start, expression_end=at + mention.end,
                 relative=mention.relative, published=published, published_earliest=published_earliest,
                 until=mention.until)


class _UnderDateHeading(NamedTuple):
    """A paragraph of a chronology and the heading that dates it."""

    date: DateMention
    """The heading's date."""
    heading_start: int
    paragraph_end: int


def _dated_by_headings(text: str, published: dt.date | None, published_earliest: bool
                       ) -> dict[int, _UnderDateHeading]:
    """A chronology's paragraphs under a heading that is only a date ("Tuesday 2 December", "Dec. 14–15"): where
    each paragraph starts → the heading's date, where the heading starts and where the paragraph ends. A
    paragraph's first sentence with
    no date of its own tells what happened that day; another heading ("What comes next") ends the dating. An
    article with fewer than :data:`MIN_DATE_HEADINGS` such headings is no chronology."""
    headed: dict[int, _UnderDateHeading] = {}
    current: tuple[DateMention, int] | None = None
    date_headings = 0
    for block in split_blocks(text):
        if block.kind == "paragraph":
            if current is not None:
                headed[block.start] = _UnderDateHeading(*current, block.end)
            continue
        current = None
        heading = text[block.start:block.end]
        if len(heading) > _LONGEST_DATE_HEADING or not _ANY_CUE.search(heading):
            continue
        mentions = find_dates(heading, published, published_earliest=published_earliest)
        rest = heading
        for mention in reversed(mentions):
            rest = rest[:mention.start] + " " + rest[mention.end:]
        if mentions and not _CONTENT_WORD.search(rest):
            # "Tuesday 2 December": the day of the month, not the Tuesday nearest publication
            current = max(mentions, key=lambda m: (_PRECISE.index(m.precision), not _WEEKDAY.search(m.expression))
                          ), block.start
            date_headings += 1
    # One date line ("Wednesday, December 17" under a title) says when the page appeared, not what happened then
    return headed if date_headings >= MIN_DATE_HEADINGS else {}


def chronology_days(text: str, published: dt.date | None) -> dict[int, dt.date | None]:
    """Of a chronology (an article whose paragraphs stand under headings that are only a date), where each such
    paragraph starts → the one day its heading names, or None when the heading names more than a day ("Dec.
    14–15", "December"). "Overnight Russia sends roughly 650 drones …" under "Saturday 6 December" tells of the
    night to 6 December, whenever the article appeared. Empty for any other article."""
    return {start: under.date.date if under.date.precision == "day" and under.date.until is None else None
            for start, under in _dated_by_headings(text, published, False).items()}


def chronology_last_days(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Of a chronology, (start, end, last day) of each paragraph under a date heading: the last day the heading
    names ("Dec. 14–15" → 15 December; "December" → its 31st). A paragraph under "Tuesday 2 December" of a week
    in review published on the 21st tells of 2 December, not of the week it appeared in. Empty for any other
    article."""
    return [(start, under.paragraph_end, under.date.until or last_day(under.date.date, under.date.precision))
            for start, under in _dated_by_headings(text, published, False).items()]


_LONGEST_DATE_HEADING = 40
MIN_DATE_HEADINGS = 2
"""Headings that are only a date an article needs to be read as a chronology."""
_PRECISE: tuple[Precision, ...] = ("year", "month", "week", "day")


_CONTENT_WORD = re.compile(
    r"\b(?!(?:that|that[’']s|this|these|those|it|its|is|are|was|were|be|been|for|from|with|and|but|the|you|your"
    r"|our|all|from|here|there|what|who|how|now|then|just|any|some|not|has|have|had|did|does|too|also|still"
    r"|only|very|more|most|ago|on|in|at|of|to|by|as|or|an|a|us|we|he|she|they|them)\b)[A-Za-z][a-z’']{2,}")
"""A word that says something: a sentence with none besides its date ("That's it for today.") tells of no event."""


def last_day(first: dt.date, precision: str) -> dt.date:
    """The last day a date of ``precision`` may be, from its first: a week's seventh, a month's last."""
    if precision == "week":
        return first + dt.timedelta(days=6)
    if precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(first.year, 12, 31)
    return first


_RANGE_JOIN = re.compile(r"\s*(?P<word>and|to|through|until|till)\s+|(?P<dash>[-–—])|\s+(?P<spaced>–)\s+")
_RANGE_OPENS = re.compile(r"\b(?P<opener>[Bb]etween|[Ff]rom)\s+$")
_MOVED_FROM = re.compile(r"\b(?:postponed|delayed|deferred|moved|pushed|bumped|brought|advanced|rescheduled|shifted"
                         r"|put\s+off|changed|switched|extended|postpone|delay|move|push|extend)\b[^.;]{0,40}?"
                         r"\bfrom\s+$")
"""A date moved to another: "postponed from Dec. 2 to Dec. 9" is two dates, not a span."""
_ABBREVIATED = r"(?:[^.;]|(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\.)"
"""A character of a clause: not a full stop, unless it ends a month's abbreviation ("Nov. 30")."""
_MOVED_TO = re.compile(rf"\b(?:postponed|delayed|deferred|moved|rescheduled|put\s+off|pushed\s+back)\b{_ABBREVIATED}{{0,60}}?"
                       rf"\b(?:from|to|until|till|for)\s+(?:{_ABBREVIATED}{{0,30}}?\bto\s+)?$")
"""Before a date a thing was moved from or to: the verb's tense says when it was moved, not when the date is
("the summit was postponed to 10 March", in a February article, is the coming March): the year nearest
publication, unless the sentence goes on in the past ("postponed until 10 March, ended in a conviction") or
says "last year"."""
_PAST_AFTER = re.compile(r"\b(?:last|previous)\s+year\b")
_JOINS_AFTER = {"between": {"and"}, "from": {"to", "through", "until", "till", "dash", "spaced"},
                None: {"through", "until", "till", "dash", "spaced"}}
"""What may join the two ends of a span after its opener: "between … and", "from … to", "March–August"."""


def spans_to(first: Event, second: Event, text: str) -> bool:
    """Whether two dates of one sentence of ``text`` are the ends of one span: "between March and August",
    "from Dec. 2 to Dec. 5", "March–August". Not a list of two events ("the summit in August and … in
    October", "surveys from March and August"), nor a date moved to another ("postponed from Dec. 2 to
    Dec. 9")."""
    if first.start != second.start or not first.expression_end <= second.expression_start \
            or second.date <= (first.until or last_day(first.date, first.precision)):
        return False
    return _joined_as_ends(text, first.start, first.expression_start, first.expression_end, second.expression_start) \
        and not _MOVED_FROM.search(text, first.start, first.expression_start)


def _joined_as_ends(text: str, start: int, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether the words between two date expressions (the first at ``first_start``–``first_end`` of a
    sentence or clause opening at ``start``) make them the two ends of a span or a move: "between … and",
    "from … to", "March–August"."""
    join = _RANGE_JOIN.fullmatch(text, first_end, second_start)
    if join is None:
        return False
    opens = _RANGE_OPENS.search(text, start, first_start)
    kind = join.group("word") or ("dash" if join.group("dash") else "spaced")
    return kind in _JOINS_AFTER[opens.group("opener").lower() if opens else None]


def span_end(event: Event, following: Event | None, text: str) -> tuple[dt.date, Precision] | None:
    """The end of the span ``event``'s date opens, and its precision: the last day its own expression gives
    ("1 to 10 March"), or the date of ``following``, the next date of its sentence, when the sentence joins the
    two (:func:`spans_to`: "between March and August"). None when it is one date."""
    if event.until is not None:
        return event.until, "day"
    if following is not None and spans_to(event, following, text):
        return following.date, following.precision
    return None


ONE_EVENT_OVERLAP = 0.5
"""Share of the shorter sentence's :func:`event_words` that two sentences dating an event to the same day (or
week, month) must have in common to tell one event: "On Friday President Putin repeated that Ukraine must withdraw
from the four regions Russia claims, …" and "Putin repeated on Friday that Ukraine must withdraw from the parts of
Donbas it still holds, …" do."""
_EVENT_WORD = re.compile(r"[a-z0-9]+")


def event_words(text: str) -> frozenset[str]:
    """The words of a sentence that say what happened: lower-cased, longer than three letters."""
    return frozenset(word for word in _EVENT_WORD.findall(text.lower()) if len(word) > 3)


def tell_one_event(date: dt.date, precision: Precision, words: frozenset[str],
                   other_date: dt.date, other_precision: Precision, other_words: frozenset[str]) -> bool:
    """Whether two sentences (their date, its precision and their :func:`event_words`) tell one event: the same
    date at the same precision and :data:`ONE_EVENT_OVERLAP` of the words. A timeline gives them one row, and a
    brief one item."""
    if date != other_date or precision != other_precision or not words or not other_words:
        return False
    return len(words & other_words) / min(len(words), len(other_words)) >= ONE_EVENT_OVERLAP


def chronological(events: list[Event]) -> list[Event]:
    """``events`` oldest first; events on the same date keep their source and text order."""
    return sorted(events, key=lambda e: (e.date, e.source_id, e.start, e.expression_start))


# --- finding date expressions ----------------------------------------------------------------

_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
               r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
"""Capitalised month names and abbreviations; case matters, so "may" and "march" the verbs do not count."""
FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH_NAME})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s?[-–]\s?{_DAY})?(?![\d:%\w-])(?!,?\s+\d{{4}})")
_DAY_MONTH = re.compile(
    rf"(?<![\d.,$€£–-])\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s?[-–]\s?{_DAY})?\s+(?:of\s+)?"
    rf"(?P<m>{_MONTH_NAME})(?![\w])(?!,?\s+\d{{4}})")
"""A day and month ("22 November"), or a span of days that :data:`_DAYS_MONTH` does not take (its first day)."""
_DAYS_JOIN = r"(?P<join>\s+(?:to|through|until|till|and)\s+|[-–])"
"""A word, or a hyphen or an en dash with no space: "Dec. 2 — 12 hours after …" is a date and an aside."""
_NOT_A_DAY_AFTER = (r"(?!\s*(?:%|per\s?cent|percent|[a-z]*illion|thousand|hundred|days?|weeks?|months?|years?|times"
                    r"|points?|people|troops|soldiers|drones|missiles|km|kilomet\w+|miles?|countries|regions)\b)")
_SPAN_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
_FIRST_TO_LAST = rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?{_DAYS_JOIN}(?P<e>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH_DAYS = re.compile(
    rf"\b(?P<m>{_MONTH_NAME})\s+{_FIRST_TO_LAST}"
    rf"(?![\d:%\w-]|[.,]\d|\s+(?:of\s+)?{_MONTH_NAME}(?!\w)){_NOT_A_DAY_AFTER}{_SPAN_YEAR}")
_DAYS_MONTH = re.compile(rf"(?<![\d.,$€£–-])\b{_FIRST_TO_LAST}\s+(?:of\s+)?(?P<m>{_MONTH_NAME})(?!\w){_SPAN_YEAR}")
"""A span of days in one month, written once: "March 1 to 10", "between 1 and 10 March", "22-23 November",
"Dec. 2–5, 2025". "and" joins a span only after "between" ("on March 1 and 10 soldiers …" is no span)."""
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+$")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAME}\s+$")
"""A month just before a span's first day: "November 2 to 5 December" is two dates, not "2 to 5 December"."""
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH_NAME})\s+(?P<y>(?:19|20)\d\d)\b")
_MONTH_ALONE = re.compile(
    rf"\b(?:(?:[Ii]n|[Ii]nto|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]etween|and|or|[Tt]hrough|[Dd]uring|[Ee]arly|[Ll]ate"
    rf"|[Mm]id|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this|of)\s+|[Mm]id-)(?P<m>{FULL_MONTH})\b(?![\s.]*\d)")
_YEAR = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough(?:out)?|[Ff]rom|of|[Ee]arly|[Ll]ate|[Mm]id-?"
    r"|[Bb]efore|[Aa]fter)\s+(?P<y>(?:19|20)\d\d)\b(?![-–]\d|,\d|\.\d|\s*(?:%|per cent|percent))")
_YEAR_BEFORE_NOUN = re.compile(
    r"(?:[’']s|\b[Ii]ts|\b[Tt]heir|\b[Hh]is|\b[Hh]er|\bthe)\s+(?P<y>(?:19|20)\d\d)\s+(?!borders\b|frontiers?\b"
    r"|lines?\b|levels?\b|figures?\b|prices?\b|constitution\b|census\b|budget\b)[a-z]")
"""A year before a noun: "Russia’s 2022 invasion", "his 2024 re-election campaign" (not "its 1991 borders")."""
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKEND = re.compile(
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+coming|[Tt]he\s+past)|(?:[Aa]t|[Oo]n|[Oo]ver|[Dd]uring)\s+the)"
    r"\s+weekend\b(?![’']s|\s+(?:of|before|after)\b)")
"""A weekend, Saturday to Sunday: "this weekend", "next weekend", "at the weekend", "over the past weekend". Not
"the weekend's meetings", "the weekend of …", "the weekend before last", "after the weekend" or "ahead of the
weekend": those say which weekend some other way, or a day beside it."""
_DAY_WORD = re.compile(r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b(?![’']s)")
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this)\s+(?P<unit>week|month|year)\b(?![’']s)")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    r"|[Ee]leven|[Tt]welve)\s+(?P<unit>day|week|month|year)s?\s+ago\b")


def counts_from_the_day(expression: str) -> bool:
    """Whether a date ``expression`` (as :class:`DateMention` gives it) names a day, week, month or year only by
    the article's day: "Tuesday", "last Friday", "at the weekend", "yesterday", "next week", "two days ago";
    not "Dec. 17", "19" of "19 and 20 December", nor "2022"."""
    return any(pattern.fullmatch(expression) for pattern in (_WEEKDAY, _WEEKEND, _DAY_WORD, _RELATIVE_PERIOD, _AGO))


_ANY_CUE = re.compile(r"\d{4}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|oday|orrow|week|month|year"
                     r"|ago\b")
"""Something every date expression below contains: a sentence without it has none (a quick first test)."""


def find_dates(sentence: str, published: dt.date | None, *, published_earliest: bool = False
               ) -> list[DateMention]:
    """The date expressions of one sentence, resolved; offsets are into ``sentence``.

    Expressions that need the publication date are left out when it is None; those that
    need its day (a weekday, "yesterday", "last week", "two days ago") when it is only the
    earliest the article can have appeared (``published_earliest``).
    """
    if not _ANY_CUE.search(sentence):
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < b and a < end for a, b in taken)

    def add(match: re.Match[str], date: dt.date | None, precision: Precision, relative: bool,
            group: str | int = 0, until: dt.date | None = None) -> None:
        start, end = match.span(group)
        if not free(start, end):
            return
        taken.append((start, end))
        if date is not None:
            found.append(DateMention(start, end, sentence[start:end], date, precision, relative, until))

    for pattern in (_MONTH_DAYS, _DAYS_MONTH):
        for match in pattern.finditer(sentence):
            span = _span_of_days(match, sentence, published)
            if span is not None:
                first, last = span
                add(match, first, "day", match.group("y") is None, until=last)
            elif pattern is _DAYS_MONTH and match.group("join").strip() == "and" \
                    and int(match.group("d")) < int(match.group("e")):
                # "spent 19 and 20 December": two days, the first in the year of the second (read as "20 December"
                # is, by the sentence's tense). Not "December 3 and 4 civilians": a count may follow that "and".
                add(match, _first_of_two_days(match, sentence, published), "day", match.group("y") is None, "d")
            elif _MOVED_FROM.search(sentence[:match.start()]) and int(match.group("d")) < int(match.group("e")):
                # "postponed from 1 to 10 March": two dates, each read alone
                alone = "e" if pattern is _MONTH_DAYS else "d"  # the day written without its month
                add(match, _moved_day(match, alone, published), "day", match.group("y") is None, alone)
    for match in FULL_DATE.finditer(sentence):
        add(match, full_date_of(match), "day", False)
    for match in _MONTH_YEAR.finditer(sentence):
        month = _month_number(match.group("m"))
        add(match, dt.date(int(match.group("y")), month, 1), "month", False)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(sentence):
            date = None
            if published is not None:
                tense = tense_near(sentence, match.start(), match.end())
                if _MOVED_TO.search(sentence[:match.start()]) and not _goes_on_in_the_past(sentence, match.end()):
                    tense = "unknown"
                date = _month_day(published, _month_number(match.group("m")), int(match.group("d")), tense)
            add(match, date, "day", True)
    for match in _YEAR.finditer(sentence):
        add(match, dt.date(int(match.group("y")), 1, 1), "year", False, "y")
    for match in _YEAR_BEFORE_NOUN.finditer(sentence):
        add(match, dt.date(int(match.group("y")), 1, 1), "year", False, "y")
    if published is None:
        return _years_from_span_ends(sorted(found, key=lambda m: m.start), sentence)
    for match in _MONTH_ALONE.finditer(sentence):
        cue = sentence[match.start():match.start("m")].strip(" -").lower()
        tense = tense_near(sentence, match.start("m"), match.end("m"))
        date = _month(published, _month_number(match.group("m")), cue, tense)
        add(match, date, "month", True, "m")
    for match in _RELATIVE_PERIOD.finditer(sentence):
        unit = match.group("unit")
        if published_earliest and unit != "year":
            continue  # "last week" needs the day; "this year", "last year" only the year
        step = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower().split()[-1]]
        add(match, _shifted(published, unit, step), _UNIT_PRECISION[unit], True)
    if published_earliest:
        return _years_from_span_ends(sorted(found, key=lambda m: m.start), sentence)
    for match in _WEEKDAY.finditer(sentence):
        rel = (match.group("rel") or "").lower()
        tense = tense_near(sentence, match.start(), match.end())
        date = _weekday(published, _WEEKDAY_NAMES.index(match.group("wd")), rel, tense)
        add(match, date, "day", True)
    for match in _WEEKEND.finditer(sentence):
        saturday = _weekend(published, (match.group("rel") or "").lower(), tense_near(sentence, *match.span()))
        if saturday is not None:
            add(match, saturday, "day", True, until=saturday + dt.timedelta(days=1))
    for match in _DAY_WORD.finditer(sentence):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("w").lower()]
        add(match, published + dt.timedelta(days=shift), "day", True)
    for match in _AGO.finditer(sentence):
        raw = match.group("n").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        add(match, _shifted(published, match.group("unit"), -count), _UNIT_PRECISION[match.group("unit")], True)
    return _years_from_span_ends(sorted(found, key=lambda m: m.start), sentence)


_NAMES_A_MONTH = re.compile(_MONTH_NAME)


def _years_from_span_ends(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """``mentions`` (in order), a month or day written without its year given the year written after the
    other end of its span or move: "between 28 November and 3 December 2023" is 28 November 2023, not the
    November nearest publication; "from 28 December to 3 January 2026" is 28 December 2025; "moved from
    March 1 to March 10, 2026" is 1 March 2026. The first end of a span falls in the year before when it would
    otherwise come after the second; a date moved keeps the year ("brought forward from March 10 to March 1,
    2026")."""
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        if not (first.relative and not second.relative and first.precision in ("day", "month")
                and second.precision in ("day", "month") and _NAMES_A_MONTH.search(first.expression)):
            continue
        if not _joined_as_ends(sentence, 0, first.start, first.end, second.start):
            continue
        try:
            date = first.date.replace(year=second.date.year)
            if date > second.date and not _MOVED_FROM.search(sentence, 0, first.start):
                date = date.replace(year=date.year - 1)  # a span: a move may go back ("brought forward from …")
        except ValueError:  # 29 February
            continue
        shift = date - first.date
        mentions[index] = DateMention(first.start, first.end, first.expression, date, first.precision, False,
                                      first.until + shift if first.until else None)
    return mentions


_UNIT_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _span_of_days(match: re.Match[str], sentence: str, published: dt.date | None
                  ) -> tuple[dt.date, dt.date] | tuple[None, None] | None:
    """(first day, last day) of a span of days (:data:`_MONTH_DAYS`, :data:`_DAYS_MONTH`); (None, None) when its
    year cannot be known (no year, no publication date): the expression is a date, of no known day.
    None when it is no span: the second day not after the first, "and" without "between", a date moved
    from one day to another ("postponed from March 1 to 10": the days are read one by one)."""
    first_day, last_day_ = int(match.group("d")), int(match.group("e"))
    join = match.group("join").strip()
    before = sentence[:match.start()]
    if not 1 <= first_day < last_day_ <= 31 or (join == "and" and not _BETWEEN_BEFORE.search(before)) \
            or _MOVED_FROM.search(before) or _MONTH_BEFORE.search(before):
        return None
    month = _month_number(match.group("m"))
    year = match.group("y")
    try:
        if year is not None:
            first = dt.date(int(year), month, first_day)
        elif published is None:
            return None, None
        else:
            resolved = _month_day(published, month, first_day, tense_near(sentence, match.start(), match.end()))
            if resolved is None:
                return None
            first = resolved
            if first.year > published.year and dt.date(published.year, month, last_day_) >= published:
                first = first.replace(year=published.year)  # "will continue from 15 to 20 December": under way
        return first, first.replace(day=last_day_)
    except ValueError:  # 30 February, or "10 to 31 November"
        return None


def _goes_on_in_the_past(sentence: str, end: int) -> bool:
    """Whether what follows a date tells of it in the past: a past verb ("…, ended in a conviction", "…, when
    300 prisoners were freed", not "…, officials said") or "last year"."""
    return bool(_PAST_AFTER.search(sentence)) or any(
        word.group(0).lower() not in SPEECH_VERBS and _past_word_tense(sentence, word) == "past"
        for word in _PAST.finditer(sentence, end))


def _first_of_two_days(match: re.Match[str], sentence: str, published: dt.date | None) -> dt.date | None:
    """The first day of "19 and 20 December": in the year the expression gives, else the one its second day
    takes by the sentence's tense (as :data:`_DAY_MONTH` reads "20 December")."""
    month, first, second = _month_number(match.group("m")), int(match.group("d")), int(match.group("e"))
    try:
        if match.group("y") is not None:
            return dt.date(int(match.group("y")), month, first)
        if published is None:
            return None
        tense = tense_near(sentence, match.start(), match.end())
        other = _month_day(published, month, second, tense)
        return other.replace(day=first) if other is not None else None
    except ValueError:
        return None


def _moved_day(match: re.Match[str], group: str, published: dt.date | None) -> dt.date | None:
    """The day of ``group`` in a date moved from one day of a month to another, written once ("postponed from
    1 to 10 March"): in the year the expression gives, else the one nearest publication (:data:`_MOVED_TO`)."""
    month, day = _month_number(match.group("m")), int(match.group(group))
    try:
        if match.group("y") is not None:
            return dt.date(int(match.group("y")), month, day)
    except ValueError:
        return None
    return _month_day(published, month, day, "unknown") if published is not None else None


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")[:3].lower()]


def _month_day(published: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    try:
        date = dt.date(published.year, month, day)
        if tense == "past" and date > published:
            return date.replace(year=published.year - 1)
        if tense == "future" and date < published:
            return date.replace(year=published.year + 1)
        if tense == "unknown":
            year = _nearest_year(published, lambda y: abs((dt.date(y, month, day) - published).days))
            return date.replace(year=year)
        return date
    except ValueError:  # 30 February, or 29 February in a year without it
        return None


def _nearest_year(published: dt.date, distance: Callable[[int], int]) -> int:
    """Of the publication year and the years either side, the one that puts a date nearest to publication
    ("Jan. 5" in a 20 December article is the coming 5 January); the publication year on a tie."""
    return min((published.year, published.year - 1, published.year + 1), key=distance)


def _month(published: dt.date, month: int, cue: str, tense: Tense) -> dt.date:
    year = published.year
    if cue == "last":
        year -= 0 if month < published.month else 1
    elif cue == "next":
        year += 0 if month > published.month else 1
    elif cue.endswith("this"):
        pass
    elif tense == "past" and month > published.month:
        year -= 1
    elif tense == "future" and month < published.month:
        year += 1
    elif tense == "unknown":  # "a truce in January" in a December article: the coming January
        year = _nearest_year(published, lambda y: abs(y * 12 + month - published.year * 12 - published.month))
    return dt.date(year, month, 1)


def _weekday(published: dt.date, weekday: int, rel: str, tense: Tense) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7 or 7
    if rel == "last":
        return published - dt.timedelta(days=back or 7)
    if rel == "next" or tense == "future":
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _weekend(published: dt.date, rel: str, tense: Tense) -> dt.date | None:
    """The Saturday of the weekend meant: "last weekend" and "the past weekend" are the one before the week of
    publication; "the coming weekend" is the one ahead and "next weekend" the one after "this weekend", which is
    the one under way or else the one ahead (behind when the verb is past: "met this weekend"); "at", "on" or
    "over the weekend" is the one ahead or the one behind as the verb's tense says, and with no tense no date."""
    on_it = published.weekday() >= 5  # published on a Saturday or a Sunday
    behind = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    ahead = behind if on_it else behind + dt.timedelta(days=7)
    if rel in ("last", "the past"):
        return behind - dt.timedelta(days=7) if on_it else behind
    if rel == "next":  # the one after this weekend
        return ahead + dt.timedelta(days=7)
    if rel == "the coming":
        return ahead
    if rel == "this":  # the weekend under way, else the coming one, unless the verb looks back
        return behind if on_it or tense == "past" else ahead
    if tense == "unknown":
        return None
    return ahead if tense == "future" else behind


def _shifted(published: dt.date, unit: str, step: int) -> dt.date:
    if unit == "day":
        return published + dt.timedelta(days=step)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=step)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return dt.date(index // 12, index % 12 + 1, 1)
    return dt.date(published.year + step, 1, 1)


# --- tense -------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:[Ww]ill|[Ww]on[’']t|[Ss]hall|may|might|going to|due to|set to|expected to|plans? to|planning to"
    r"|scheduled|upcoming|is to|are to|[Ee]xpects?|(?:is|are)\s+expected)\b|[’']ll\b")
"""Future markers; case matters so that "May" the month is not "may" the modal."""
_OPEN = re.compile(
    r"\b(?:[Ww]ould|[Cc]ould|[Cc]an)\b(?!\s+(?:not|never|have|n[o’']t)\b)"
    r"|\b(?:hop|aim|want|intend)(?:e?s|e?d|ing|e)?\s+to\b")
"""Markers that leave the time open: reported speech ("said talks would resume in January"), a possibility ("a
meeting could come in January") or an aim ("hope to agree it in January"). The event may be either side of the
article's date, so the nearest one is meant; the "said" before them is the speaking's tense, not the event's.
Not "could not" or "would have": those look back."""
_IRREGULAR_PAST = (
    "said|told|met|was|were|had|did|took|made|gave|came|went|left|began|held|sent|spoke|saw|won|lost|fell|rose"
    "|struck|led|brought|sought|thought|fought|ran|became|broke|drew|flew|grew|knew|meant|paid|sold|stood"
    "|understood|wrote|chose|froze|arose|forbade|withdrew|overtook|undertook|swore|vowed|agreed|been|got|found"
    "|heard|kept|felt|hung|shot|slid|spent|stole|struck|taught|threw|upheld|wore|woke|built|bought|caught|dealt")
_PAST = re.compile(rf"\b(?:{_IRREGULAR_PAST}|[a-z]{{2,}}ed)\b")
_NOT_PAST = frozenset({"need", "speed", "indeed", "seed", "feed", "bleed", "breed", "creed", "heed", "proceed",
                       "exceed", "succeed", "red", "bed", "shed", "led", "embed", "weed", "greed", "hundred",
                       "united", "based", "armed", "advanced", "limited", "detailed", "interested", "concerned",
                       "related", "unprecedented", "biased", "sophisticated", "renewed", "expected", "proposed",
                       "scheduled", "planned", "revised", "leaked", "rumoured", "rumored", "sustained",
                       "coordinated", "protracted", "supposed", "so-called", "alleged", "reported"})
"""Words ending in -ed that are not (or rarely) past-tense verbs: adjectives and participles before nouns."""
_FUTURE_PASSIVE = re.compile(
    r"(?:\b(?:[Ww]ill|[Ww]on[’']t|[Ss]hall|may|might|can|must|should)|[’']ll|\b(?:is|are)\s+(?:expected|due|set|scheduled|likely|"
    r"planned|going)\s+to)\s+(?:not\s+|also\s+|now\s+|then\s+|probably\s+|likely\s+)?be\s+$")
"""What makes a participle future: "talks will be held on 5 January", "a deal is expected to be signed in March",
"the best that can be hoped for this weekend".
Not "was due to be held", "had to be postponed", "would be completed" (reported speech): those are past."""


_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er"
                                r"|[Oo]ur|[Ee]very|[Ee]ach|[Nn]o)\s+$")
"""What comes before an "-ed" word that is an adjective, not a verb: "the revised draft", "one consolidated
text"."""


def is_past_verb(word: str) -> bool:
    """Whether ``word`` is a verb in the past ("dismissed", "said", "withdrew"; not "need" or "united")."""
    return bool(_PAST.fullmatch(word)) and word.lower() not in _NOT_PAST


def _past_word_tense(sentence: str, match: re.Match[str]) -> Tense | None:
    """The tense a word :data:`_PAST` finds gives: none when it is no verb ("united", "scheduled") or a determiner
    comes right before it ("one consolidated text", "the revised draft"), the future after "will be" and its like
    ("will be held"), else the past."""
    if match.group(0).lower() in _NOT_PAST or _DETERMINER_BEFORE.search(sentence, 0, match.start()):
        return None
    return "future" if _FUTURE_PASSIVE.search(sentence, max(0, match.start() - 40), match.start()) else "past"


def tense_near(sentence: str, start: int, end: int) -> Tense:
    """The tense of the verb that governs ``sentence[start:end]``.

    A date usually follows its verb ("met in Alaska in August and may meet again in
    May"), so the nearest tense marker before the expression decides; the nearest
    after it ("On Dec. 17, Putin said") only when there is none before.
    """
    before: tuple[int, Tense] | None = None
    after: tuple[int, Tense] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past"), (_OPEN, "unknown")):
        for match in pattern.finditer(sentence):
            this = _past_word_tense(sentence, match) if tense == "past" else tense
            if this is None:
                continue
            if match.end() <= start:
                if before is None or match.end() > before[0]:
                    before = (match.end(), this)  # type: ignore[assignment]
            elif match.start() >= end and (after is None or match.start() < after[0]):
                after = (match.start(), this)  # type: ignore[assignment]
    chosen = before or after
    if chosen is before and before is not None and before[1] == "past" and sentence.startswith(" by ", before[0]) \
            and _FUTURE.search(sentence):
        return "future"  # "Expect a quiet period followed by another push in January": a participle, no past
    return chosen[1] if chosen else "unknown"
