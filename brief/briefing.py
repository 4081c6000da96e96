"""The briefing model: one assembled brief, read by every renderer and view.

Plain frozen dataclasses. Templates, the CLI and the TUI only read them; the
only code that builds them is :func:`brief.assembly.assemble_briefing`.

A brief has two kinds of sections, in the order its recipe lists them: sections
of excerpts (:class:`BriefSection`, from the taxonomy) and the analyst's
sections (:class:`ExtraSection`: key quotes, key figures, a timeline, where
sources differ — in figures or in words), whose entries are typed records drawn from the cited sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from brief.dates import long_date
from brief.figures import WrittenFigure, out_of_its_sentence
from brief.lead_labels import labelled_parts, lead_label
from brief.metadata import UNKNOWN, MetaValue
from brief.quotes import DatedBy

ExtraKind = Literal["key-quotes", "key-figures", "timeline", "sources-differ"]
Precision = Literal["day", "week", "month", "year"]

# What a reader reads besides the articles' words. The word budget and :attr:`Briefing.word_count` both count
# these, so that "1,780 of 1,800 words" is the length of the brief a principal is handed.
MENTIONED = "(latest date mentioned)"
"""What follows a publication date that is only the latest date the article mentions, wherever a brief shows it."""
AS_OF_LINE_WORDS = 16
"""Words of the line under the title besides the window's label: "As of 18 December 2025 · Window: … · 5 of 5
sources in the window cited"."""
FIRST_EDITION_NOTE_WORDS = 6
"""Words of "What changed" in a first edition ("First edition: nothing to compare with.")."""
PREVIEW_NOTE_WORDS = 9
"""Words of "What changed" in a brief not compared ("Compared with the previous edition when the brief is
built.")."""
TABLE_HEADER_WORDS = {"key-figures": 6, "timeline": 4, "figures": 6, "wording": 11, "quoted": 7}
"""Words of a table's header row ("Figure | Unit | What it measures | Source"), by section or, for where sources
differ, which shows a table for each kind of entry it has, by entry kind ("What | Unit | What each source says",
"What the sources contradict each other on | What each source says", "Whose words | How each source quotes
them")."""
EMPTY_NOTE_WORDS: dict[str, int] = {"key-quotes": 9, "key-figures": 11, "timeline": 6, "sources-differ": 20}
"""Words of the note an analyst's section shows when it has no entry ("No dated events in these sources.", "No
figures that differ, no statements that contradict each other and no quotations worded differently …")."""
ONE_SOURCE_NOTE_WORDS = 16
"""Words of the note where sources differ shows when only one source was compared ("Only one source in the window
was compared: there is no other to set it against.")."""
EMPTY_SECTION_NOTE_WORDS = 9
"""Words of the note a section of excerpts shows when it has no item ("Nothing further in these sources; see the
key points.")."""
NEW_MARK_WORDS = 2
"""Words of the mark before an item new since the last edition ("**New** ·")."""
NEW_SOURCES_NOTE_WORDS = 6
"""Words of "new since the last edition: source(s)" before the sources' numbers."""
RESTATED_NOTE_WORDS = 6
"""Words of "reported in the last edition from" before where that was."""
LISTED_NOTE_WORDS = 2
"""Words of "listed under" before the introduction of a list an item is in (:attr:`BriefItem.listed_under`)."""
RECOMMENDATION_NOTE = "the author's recommendation"
"""The note after an item whose passage recommends a course of action (:mod:`brief.recommendations`)."""
ASSESSMENT_NOTE = "the author's assessment"
"""The note after an item whose passage passes judgement in its author's voice (:mod:`brief.assessments`)."""
OPINION_NOTE = "from an opinion piece"
"""The note after an item that only opinion pieces carry (:data:`brief.metadata.SOURCE_KINDS`): whatever it
reports, it is told to argue a view."""
AUTHORS_VOICE_NOTES = (RECOMMENDATION_NOTE, ASSESSMENT_NOTE, OPINION_NOTE)
"""Every value of :attr:`BriefItem.authors_voice`."""


def item_words(text: str, sources: int, *, new: bool = False, restated_from: tuple[str, ...] | None = None,
               new_sources: int = 0, overtaken_words: int = 0, listed_under: str | None = None,
               authors_voice: str | None = None, days: tuple[RelativeDay, ...] = (), notes_words: int = 0) -> int:
    """Words a reader reads of an item: its bullet, its ``text``, one citation marker per source it cites,
    "(N sources)" when it cites more than one, the mark of a ``new`` item, the ``overtaken_words`` of the note
    of an announcement overtaken by events (:class:`Overtaken`), and its note of where the last edition reported
    its claim (``restated_from``, when only from other sources) or else of its ``new_sources``; and the note of
    the introduction it is ``listed_under`` (:mod:`brief.list_hedges`), and the note that it speaks in its
    ``authors_voice``, and the note of the ``days`` it names relative to its article's day; and the
    ``notes_words`` of its notes of where its sources differ (:attr:`FigureDifference.note_words` and the like)."""
    words = 1 + len(text.split()) + sources + (2 if sources > 1 else 0) + (NEW_MARK_WORDS if new else 0)
    words += notes_words
    words += overtaken_words + (LISTED_NOTE_WORDS + len(listed_under.split()) if listed_under else 0)
    words += len(authors_voice.split()) if authors_voice else 0
    words += len(days_note(days).split())
    if restated_from is not None:
        return words + RESTATED_NOTE_WORDS + (sum(len(label.split()) for label in restated_from) or 2)
    return words + (NEW_SOURCES_NOTE_WORDS + new_sources if new_sources else 0)


def frame_words(title: str, subtitle: str | None, headings: list[str], *, classification: str | None,
                window_label: str) -> int:
    """Words a reader reads around the sections: the classification, the title and subtitle, the as-of line with
    its ``window_label`` and the section ``headings``."""
    return len((classification or "").split()) + len(title.split()) + len((subtitle or "").split()) \
        + AS_OF_LINE_WORDS + len(window_label.split()) + sum(len(heading.split()) for heading in headings)


@dataclass(frozen=True)
class Citation:
    """A reference from an item to a numbered entry of the sources list."""

    number: int
    source_id: str
    excerpt_id: str
    copy_of: int | None = None
    """The number of another source of the same item whose wire text this source repeats (an AP,
    Reuters or AFP story run by several outlets, or an article copied whole): it is cited, but it
    does not count as an independent source. None for an independent source."""


class _Labelled:
    """Text that may open on the label an article put before a point, which the brief sets in bold."""

    text: str

    @property
    def label(self) -> str | None:
        """The label the article put before the point ("Next Steps:") (:mod:`brief.lead_labels`); None when
        it has none."""
        return lead_label(self.text)

    @property
    def after_label(self) -> str:
        """The text after :attr:`label`: all of it when there is none."""
        label = self.label
        return self.text[len(label):].lstrip() if label else self.text

    @property
    def parts(self) -> tuple[tuple[str | None, str], ...]:
        """The text cut at its labels, the one it opens on and each later turn's speaker label in a transcript's
        question and answer (:func:`brief.lead_labels.labelled_parts`): what a brief sets in bold."""
        return labelled_parts(self.text)


@dataclass(frozen=True)
class RelativeDay:
    """A day, week or month an item names only relative to its article's day ("on Tuesday", "at the weekend",
    "next week"), and the date it stands for (:mod:`brief.relative_days`)."""

    expression: str
    """As the article writes it: "Tuesday", "at the weekend", "next week"."""
    label: str
    """The date, as precise as the expression: "9 December 2025", "13–14 December 2025", "week of 15 December
    2025"."""

    @property
    def note(self) -> str:
        """"Tuesday: 9 December 2025"."""
        return f"{self.expression}: {self.label}"


def in_note_order(differences: Sequence[FigureDifference], contradictions: Sequence[Contradiction],
                  quoted: Sequence[QuotedDifferently]) -> tuple[SourceDifference, ...]:
    """An item's differences among its sources in the order its notes tell them (item.md.j2): figures,
    contradictions, quotations worded differently."""
    return (*differences, *contradictions, *quoted)


def days_note(days: tuple[RelativeDay, ...]) -> str:
    """The note after an item of the :class:`RelativeDay` its text names: "Tuesday: 9 December 2025; at the
    weekend: 13–14 December 2025"."""
    return "; ".join(day.note for day in days)


@dataclass(frozen=True)
class Overtaken:
    """Of an item that says what was due ("EU leaders are due to decide at a summit next week"): when its article
    said so and what has happened since, so that the brief does not pass old news off as what lies ahead."""

    published: dt.date
    """The date of the article that announced it."""
    date: dt.date
    """The first day of the period it named."""
    until: dt.date
    """Its last day."""
    precision: Precision | None
    """None for a stretch of time with no date of its own ("in the coming days"): the note names no period."""
    over: bool
    """Whether that period is over by the brief's date."""
    reported_in: int | None = None
    """The number of a later source the brief cites that gives one of its figures again: that source may say
    what became of it (:func:`brief.schedules.superseded`)."""

    @property
    def note(self) -> str:
        """"as of 9 December 2025; see the later source 3", "as of 9 December 2025; the week of 15 December 2025
        is now past", or "as of 9 December 2025" alone."""
        said = f"as of {long_date(self.published)}"
        if self.reported_in is not None:
            return f"{said}; see the later source {self.reported_in}"
        period = self.period_past
        if period is not None:
            return f"{said}; {'the ' if self.precision == 'week' else ''}{period} is now past"
        return said

    @property
    def period_past(self) -> str | None:
        """The period the note says is now past ("week of 15 December 2025"); None when it names none."""
        if self.reported_in is not None or not self.over or self.precision is None:
            return None
        return period_label(self.date, self.precision, self.until)

    def most_words(self) -> int:
        """The words of the longest note it can have, whether or not the brief ends up citing the later source:
        what the word budget reserves before it knows."""
        return max(len(replace(self, reported_in=reported_in).note.split()) for reported_in in (None, 0))


@dataclass(frozen=True)
class BriefItem(_Labelled):
    """One statement of the brief, as an article worded it, with every source carrying it."""

    text: str
    """The representative excerpt's text, verbatim."""
    excerpt_id: str
    """The excerpt whose text is shown."""
    excerpt_ids: tuple[str, ...]
    """Every excerpt merged into this item (near-duplicates from several sources)."""
    citations: tuple[Citation, ...]
    """One per source, in source-number order."""
    section: str
    topics: tuple[str, ...]
    score: float
    pinned: bool = False
    origin: str = "rules"
    new: bool = False
    """No excerpt of this item was reported in the previous edition, nor its claim (:attr:`restates`); always
    False in a first edition."""
    new_sources: tuple[str, ...] = ()
    """Of an item that is not new, the sources (ids, in citation order) of which the previous edition reported
    no passage of the item (nor of the item it restates): the claim was there, these sources now carry it too."""
    restates: tuple[str, ...] = ()
    """The excerpt ids of the previous edition's item whose claim this item makes under other excerpts
    (:mod:`brief.restatements`): a claim that edition carried from another source, or a passage reworded since."""
    restated_from: tuple[str, ...] = ()
    """Where the previous edition reported the claim this item restates: "source 2" for a source this brief
    lists, else "title, date" as that edition named it."""
    differences: tuple[FigureDifference, ...] = ()
    """Figures on which the merged sources of this item disagree ("20 points" [1], "28 points" [3])."""
    contradictions: tuple[Contradiction, ...] = ()
    """Statements of the merged sources of this item that contradict each other ("rejected" [1], "accepted" [3])."""
    quoted_differently: tuple[QuotedDifferently, ...] = ()
    """Quotations the item shows that another of its sources gives in other words ("do not bring a settlement
    closer" [1], "do not bring peace closer" [2])."""
    overtaken: Overtaken | None = None
    """Of an announcement of what was due, when its article said so and what has happened since."""
    listed_under: str | None = None
    """Of an item of a list, the sentence that introduces the list when it says whose view the list is or how
    sure ("Analysts suggest that the core points of contention likely revolve around three … areas:"):
    without it, a guess reads as fact (:mod:`brief.list_hedges`)."""
    authors_voice: str | None = None
    """The note of an item whose passage speaks in its author's voice, marked as the author's, not the brief's:
    :data:`RECOMMENDATION_NOTE` when it recommends a course of action ("A coordinated strategy with Europe … is
    essential."), :data:`ASSESSMENT_NOTE` when it passes judgement ("The current stalemate confirms that …"),
    :data:`OPINION_NOTE` when else only opinion pieces carry it."""
    days: tuple[RelativeDay, ...] = ()
    """The days it names only relative to its article's day, each with its date ("Tuesday: 9 December 2025")."""

    @property
    def source_count(self) -> int:
        """How many independent sources carry the item: copies of one wire text count once."""
        return len({c.source_id for c in self.citations if c.copy_of is None})

    @property
    def recommendation(self) -> bool:
        """Whether its note is :data:`RECOMMENDATION_NOTE` (as templates written before :attr:`authors_voice` ask)."""
        return self.authors_voice == RECOMMENDATION_NOTE

    @property
    def days_note(self) -> str:
        """The note of the :attr:`days` it names: "Tuesday: 9 December 2025; at the weekend: 13–14 December
        2025"."""
        return days_note(self.days)

    @property
    def new_source_numbers(self) -> tuple[int, ...]:
        """The numbers of :attr:`new_sources` in the brief's list of sources."""
        return tuple(c.number for c in self.citations if c.source_id in self.new_sources)

    @property
    def words(self) -> int:
        """Words a reader reads of it (:func:`item_words`)."""
        return item_words(self.text, len(self.citations), new=self.new, new_sources=len(self.new_sources),
                          restated_from=self.restated_from if self.restated_elsewhere else None,
                          overtaken_words=len(self.overtaken.note.split()) if self.overtaken else 0,
                          listed_under=self.listed_under, authors_voice=self.authors_voice,
                          days=self.days, notes_words=words_of_notes(self.noted))

    @property
    def noted(self) -> tuple[SourceDifference, ...]:
        """Where its sources differ, each told in a note under it (:func:`in_note_order`)."""
        return in_note_order(self.differences, self.contradictions, self.quoted_differently)

    @property
    def restated_elsewhere(self) -> bool:
        """Whether the previous edition reported this item's claim from other sources only."""
        return bool(self.restates) and {c.source_id for c in self.citations} <= set(self.new_sources)

    @property
    def copy_count(self) -> int:
        """How many more cited sources only repeat the wire text of one already counted."""
        return len({c.source_id for c in self.citations if c.copy_of is not None})


@dataclass(frozen=True)
class BriefSection:
    """A section of excerpts, as the taxonomy defines it."""

    id: str
    title: str
    items: tuple[BriefItem, ...]
    kind: Literal["excerpts"] = "excerpts"


@dataclass(frozen=True)
class Passage:
    """Where an entry of an analyst's section comes from: a numbered source of the brief and the offsets."""

    number: int
    """The source's number in the brief's list of sources."""
    source_id: str
    start: int
    """Offset of the sentence in the source's canonical text."""
    end: int


def published_label(published: dt.date | None, earliest: bool = False, mentioned: bool = False) -> str:
    """A source's publication date as a timeline row writes it: "4 December 2025", "… or later" when it is only
    the earliest the source can have appeared, "… (latest date mentioned)" when the source gives none."""
    if published is None:
        return "date unknown"
    return long_date(published) + (" or later" if earliest else "") + (f" {MENTIONED}" if mentioned else "")


def date_label(date: dt.date, precision: Precision) -> str:
    """A date as precise as it is known: "17 December 2025", "week of 1 December 2025", "August 2025", "2022"."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{date.strftime('%B')} {date.year}"
    if precision == "week":
        return f"week of {long_date(date)}"
    return long_date(date)


def span_label(start: dt.date, start_precision: Precision, end: dt.date, end_precision: Precision) -> str:
    """A span of time as a brief writes it, sharing what both ends share: "March–August 2025", "2–5 December
    2025", "28 November – 5 December 2025", "March 2024 – January 2025"."""
    if start_precision == end_precision == "month" and start.year == end.year:
        return f"{start.strftime('%B')}–{date_label(end, end_precision)}"
    if start_precision == end_precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{long_date(end)}"
        return f"{start.day} {start.strftime('%B')} – {long_date(end)}"
    return f"{date_label(start, start_precision)} – {date_label(end, end_precision)}"


def period_label(date: dt.date, precision: Precision, until: dt.date | None = None) -> str:
    """A day, week, month or year a passage names, as a brief writes it: "9 December 2025", "week of 8 December
    2025", "December 2025"; or a span of days, "13–14 December 2025". ``until`` is the period's last day: only a
    span of days is written with it (a week or a month is named by its first day, whatever its last).

    The date of a relative day (:mod:`brief.relative_days`) and the period an overtaken announcement named
    (:attr:`Overtaken.period_past`), which must read alike: an item's note leaves out the day whose date its
    note of an announcement says is now past (:func:`brief.assembly._days_besides`). Not a timeline row's date,
    whose span may join two dates of their own precision ("March–August 2025", :func:`span_label`)."""
    if precision == "day" and until is not None and until != date:
        return span_label(date, "day", until, "day")
    return date_label(date, precision)


def dates_label(first: str, date: dt.date, precision: Precision,
                more: tuple[tuple[dt.date, Precision], ...]) -> str:
    """Several dates of one sentence as a brief writes them, sharing what they share: "14 and 15 December
    2025", "28 November and 3 December 2025", "August and October 2025", "2–5 December 2025 and January 2026".
    ``first`` is the label of the first date (a span's label, if it is one)."""
    dates = [(date, precision), *more]
    labels = [first, *(date_label(day, kind) for day, kind in more)]
    one_kind = first == date_label(date, precision) and len({kind for _, kind in dates}) == 1 and precision in ("day", "month")
    if one_kind and len({day.year for day, _ in dates}) == 1:
        if precision == "month":
            labels = [day.strftime("%B") for day, _ in dates[:-1]] + [labels[-1]]
        elif len({day.month for day, _ in dates}) == 1:
            labels = [str(day.day) for day, _ in dates[:-1]] + [labels[-1]]
        else:
            labels = [f"{day.day} {day.strftime('%B')}" for day, _ in dates[:-1]] + [labels[-1]]
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


def quote_when(date: dt.date | None, precision: Precision | None, dated_by: DatedBy | None,
               date_text: str | None) -> str:
    """When a quote was said, as a brief writes it: "17 December 2025" (the sentence, or a chronology's heading,
    says so), "published
    4 December 2025", "published 18 December 2025 or later", "Dec. 17 (year not given)", "date unknown"."""
    if date is not None and precision is not None:
        label = date_label(date, precision)
        if dated_by == "published or later":
            return f"published {label} or later"
        return label if dated_by in ("sentence", "heading") else f"published {label}"
    if date_text:
        return f"{date_text} (year not given)"
    return "date unknown"


@dataclass(frozen=True)
class KeyQuote:
    """A direct quotation with a clear speaker, verbatim from its source(s)."""

    text: str
    """The words between the quotation marks, exactly as the article writes them."""
    speaker: str
    """The article's fullest form of the speaker's name, or, for a speaker it does not name, its description
    of them ("a European diplomat briefed on the talks"); quotes without a clear speaker are never key quotes."""
    role: str | None
    """The speaker's role as the article words it ("a Kremlin aide", "U.S. Secretary of State")."""
    date: dt.date | None
    """When it was said: the date the sentence gives, else the publication date (see ``dated_by``)."""
    date_precision: Precision | None
    dated_by: DatedBy | None
    date_text: str | None
    """The date as the sentence writes it ("Dec. 17") when the article's year is unknown; else None."""
    citations: tuple[Passage, ...]
    """Every source quoting these words, in source-number order (the words are the first one's)."""

    @property
    def when(self) -> str:
        return quote_when(self.date, self.date_precision, self.dated_by, self.date_text)

    @property
    def words(self) -> int:
        """Words a reader reads of it: the quotation, and the line that says who said it when ("— Yuri Ushakov,
        Kremlin aide · 4 December 2025 [2]")."""
        return len(self.text.split()) + len(self.speaker.split()) + len((self.role or "").split()) \
            + len(self.when.split()) + 3


ACCORDING_TO = ", according to "
"""What joins a key figure's measure and whose count it is (:attr:`KeyFigure.measure_shown`)."""


@dataclass(frozen=True)
class KeyFigure(WrittenFigure):
    """A number that matters, with what it measures and every source that gives it. How it reads (:attr:`written`,
    :attr:`shown`, :attr:`shown_unit`) is :class:`brief.figures.WrittenFigure`'s, as for the figure it was found
    as."""

    text: str
    """The figure as the first source writes it: "19,000", "0.77%", "28-point"."""
    value: float
    upper: float | None
    """The top of a range ("10,000 to 20,000"), else None."""
    unit: str
    """Canonical unit: %, km², km, points, countries, regions, troops, deaths, casualties, USD…"""
    category: str
    """casualties, troops, prisoners, territory, share, plan, countries, distance, money or people."""
    measure: str
    """What the number measures, in the article's words ("Russian military deaths in 2025")."""
    qualifier: str | None
    """"around", "more than"… as written; None when the figure is given flat."""
    citations: tuple[Passage, ...]
    given_by: str | None = None
    """Who the first source says counted or estimated it ("Mediazona and the BBC’s Russian service"), else None."""

    @property
    def display(self) -> str:
        """The figure as its row shows it (:attr:`shown`): "around 19,000", "28" (of "28-point", the unit in the
        next column); "three" of a sentence's "Three large prisoner exchanges" (:func:`out_of_its_sentence`)."""
        return out_of_its_sentence(self.shown)

    @property
    def measure_shown(self) -> str:
        """What it measures and, when the source says, whose count it is: "Russian military deaths in 2025,
        according to Mediazona and the BBC’s Russian service"."""
        return f"{self.measure}{ACCORDING_TO}{self.given_by}" if self.given_by else self.measure

    @property
    def words(self) -> int:
        return len(self.display.split()) + len(self.shown_unit.split()) + len(self.measure_shown.split()) \
            + len(self.citations)


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event: the sentence that dates it, the event's own date and the article's, kept apart."""

    date: dt.date
    """When the event happened (or will); the first day of the week, month or year when less precise."""
    precision: Precision
    expression: str
    """The date as the sentence writes it ("Dec. 17", "in August" → "August")."""
    relative: bool
    """Whether the year (or the day) was worked out from the article's publication date."""
    text: str
    """What the row shows of the sentence that dates it: the event, verbatim, with " …" where the sentence goes
    on (:mod:`brief.event_clauses`)."""
    published: dt.date | None
    """The publication date of the first citing source: not the event's date."""
    citations: tuple[Passage, ...]
    """Every source reporting the same event on the same date."""
    more_dates: tuple[tuple[dt.date, Precision], ...] = ()
    """Later dates the same sentence gives ("the Anchorage summit in August and … in October")."""
    until: tuple[dt.date, Precision] | None = None
    """The end of the span the event lasted, when the sentence gives one ("between March and August")."""
    published_earliest: bool = False
    """Whether ``published`` is only the earliest the first citing source can have appeared."""
    published_mentioned: bool = False
    """Whether ``published`` is only the latest date the first citing source mentions (no date given)."""
    published_by: tuple[tuple[str, str], ...] = ()
    """(source id, its publication date as the row writes it) of every citing source, when they do not all give
    the same: the row then says which source was published when."""

    @property
    def date_text(self) -> str:
        first = span_label(self.date, self.precision, *self.until) if self.until \
            else date_label(self.date, self.precision)
        return first if not self.more_dates else dates_label(first, self.date, self.precision, self.more_dates)

    @property
    def published_text(self) -> str:
        """When the citing sources appeared: "4 December 2025", or, when they differ, each after its number
        ("[2] 4 December 2025; [4] 2 December 2025 (latest date mentioned)")."""
        if self.published_by:
            by_source = dict(self.published_by)
            return "; ".join(f"[{c.number}] {by_source[c.source_id]}" for c in self.citations
                             if c.source_id in by_source)
        return published_label(self.published, self.published_earliest, self.published_mentioned)

    @property
    def words(self) -> int:
        """Words a reader reads of its row: the dates, the sentence and a citation marker per source."""
        return len(self.text.split()) + len(self.date_text.split()) + len(self.published_text.split()) \
            + len(self.citations)


@dataclass(frozen=True)
class FigureReading:
    """One value that some of the sources give for a measure."""

    text: str
    """As written, with its qualifier: "around 19,000", "28-point"."""
    value: float
    citations: tuple[Passage, ...]


def _readings_words(readings: tuple[FigureReading, ...] | tuple[StatementReading, ...]) -> int:
    """Words of the readings of a row of "Where sources differ" as the template shows them: each reading, a
    marker per source it cites, and a "·" between two."""
    return sum(len(r.text.split()) + len(r.citations) for r in readings) + max(len(readings) - 1, 0)


@dataclass(frozen=True)
class FigureDifference:
    """Sources giving different numbers for the same measure, shown side by side, none picked."""

    measure: str
    unit: str
    category: str
    readings: tuple[FigureReading, ...]
    """Two or more, each with the sources that give it, in order of first citation."""

    @property
    def kind(self) -> Literal["figures"]:
        return "figures"

    @property
    def words(self) -> int:
        return len(self.measure.split()) + len(self.unit.split()) + _readings_words(self.readings)

    @property
    def note_words(self) -> int:
        """Words of its note under an item: "Sources differ on {measure} ({unit}):" and the readings."""
        return 3 + self.words


@dataclass(frozen=True)
class StatementReading:
    """One side of a contradiction: what some of the sources say, in the first one's words."""

    text: str
    """The clause, verbatim: "Russia repeatedly rejected a U.S. proposal for a cease-fire-first approach"."""
    citations: tuple[Passage, ...]
    """Every source saying it (each passage is that source's own clause)."""


@dataclass(frozen=True)
class Contradiction:
    """Sources that contradict each other in words on one matter, side by side, none picked
    (:mod:`brief.contradictions`)."""

    question: str
    """What they disagree on: "whether Russia accepted the 20-point plan" (article words, no markup)."""
    readings: tuple[StatementReading, ...]
    """The two sides, in order of first citation."""

    @property
    def kind(self) -> Literal["wording"]:
        return "wording"

    @property
    def heading(self) -> str:
        """The question with a capital first letter, for a table's first column."""
        return self.question[:1].upper() + self.question[1:]

    @property
    def words(self) -> int:
        return len(self.question.split()) + _readings_words(self.readings)

    @property
    def note_words(self) -> int:
        """Words of its note under an item: "Sources contradict each other on {question}:" and the readings."""
        return 5 + self.words


UNNAMED_SPEAKER = "Not named clearly"
"""What the "Where sources differ" table says of words no source attributes clearly."""
UNNAMED_IN_NOTE = "these words"
"""What an item's note says of them: "*Sources quote these words differently:*"."""


@dataclass(frozen=True)
class QuotedDifferently:
    """Sources that quote the same words of someone in different words, side by side, none picked
    (:mod:`brief.quoted_differently`): a translation, or a paraphrase put in quotation marks. An item or
    a timeline row shows one source's quotation and cites the others as carrying it too."""

    speaker: str | None
    """Whose words they are, as a source names them ("Yuri Ushakov"); None when no source says clearly."""
    readings: tuple[StatementReading, ...]
    """Two or more: the words between the quotation marks (verbatim, without the marks), each with the sources
    that quote them so, in order of first citation."""

    @property
    def kind(self) -> Literal["quoted"]:
        return "quoted"

    @property
    def heading(self) -> str:
        """Whose words, for a table's first column."""
        return self.speaker or UNNAMED_SPEAKER

    @property
    def in_note(self) -> str:
        """Whose words, for an item's note: "Sources quote Yuri Ushakov differently"."""
        return self.speaker or UNNAMED_IN_NOTE

    @property
    def words(self) -> int:
        return len(self.heading.split()) + _readings_words(self.readings)

    @property
    def note_words(self) -> int:
        """Words of its note under an item: "Sources quote {in_note} differently:" and the readings."""
        return 3 + len(self.in_note.split()) + _readings_words(self.readings)


SourceDifference = FigureDifference | Contradiction | QuotedDifferently
"""An entry of "Where sources differ": different figures, statements in words that contradict, or a
quotation worded differently."""


def words_of_notes(noted: Iterable[SourceDifference]) -> int:
    """Words of an item's notes of where its sources differ (the template's item.md.j2)."""
    return sum(difference.note_words for difference in noted)


ExtraEntry = KeyQuote | KeyFigure | TimelineEntry | FigureDifference | Contradiction | QuotedDifferently


@dataclass(frozen=True)
class ExtraSection:
    """An analyst's section: key quotes, key figures, the timeline, or where sources differ."""

    id: ExtraKind
    title: str
    entries: tuple[ExtraEntry, ...]
    notes: tuple[str, ...] = ()
    """What the reader should know about the section, e.g. dated events left out for want of a year."""
    compared: int | None = None
    """Of where sources differ: how many sources were set against each other (one has nothing to differ from)."""

    @property
    def kind(self) -> ExtraKind:
        return self.id

    @property
    def words(self) -> int:
        """Words a reader reads of it below its heading: its entries and the table's header row, or the note
        that it has none, and its own notes."""
        tables: set[str] = ({entry.kind for entry in self.entries if isinstance(entry, SourceDifference)}
                            if self.id == "sources-differ" else {self.id})  # where sources differ: one per kind
        shown = sum(entry.words for entry in self.entries) + sum(TABLE_HEADER_WORDS.get(t, 0) for t in tables) \
            if self.entries else ONE_SOURCE_NOTE_WORDS if self.compared == 1 else EMPTY_NOTE_WORDS[self.id]
        return shown + sum(len(note.split()) for note in self.notes)


@dataclass(frozen=True)
class SourceEntry:
    """A numbered entry of the brief's list of sources."""

    number: int
    source_id: str
    title: MetaValue
    outlet: MetaValue
    author: MetaValue
    published: MetaValue
    url: MetaValue
    reliability: MetaValue
    kind: MetaValue = UNKNOWN
    """News, an analysis or an opinion piece (:data:`brief.metadata.SOURCE_KINDS`)."""
    copy_of: int | None = None
    """The number of an earlier source whose article this one repeats word for word (a wire story run
    by several outlets); None when it is its own text."""


@dataclass(frozen=True)
class DroppedItem(_Labelled):
    """An item of the previous edition that this edition no longer carries."""

    text: str
    """The item's text as that edition showed it."""
    sources: tuple[str, ...]
    """Each source it cited, as "title, date" (the source may have left the corpus since)."""
    still_in: tuple[str, ...] = ()
    """Titles of this edition's sections that still show its words (a timeline event, a key quote)."""

    @property
    def words(self) -> int:
        """Words a reader reads of its line under "What changed": bullet, text, its sources, "(still in …)"."""
        still = 2 + sum(len(title.split()) for title in self.still_in) if self.still_in else 0
        return 2 + len(self.text.split()) + sum(len(source.split()) for source in self.sources) + still


@dataclass(frozen=True)
class EditionComparison:
    """How this edition compares with the previous edition of the same recipe."""

    previous_as_of: dt.date | None
    """The previous edition's date; None for a first edition (nothing to compare with)."""
    previous_file: str | None = None
    """The previous edition's Markdown file name, e.g. ``weekly-2025-12-02.md``."""
    new_count: int = 0
    """Items of this edition marked new."""
    new_source_count: int = 0
    """Items of this edition that are not new but are now carried by a source they did not cite then."""
    dropped: tuple[DroppedItem, ...] = ()

    @property
    def first_edition(self) -> bool:
        return self.previous_as_of is None

    def words(self, listing: bool) -> int:
        """Words a reader reads of the comparison: the line under the title ("Compared with the edition of 11
        December 2025: 3 new items (marked **New**), 1 more now carried by a new source, 2 dropped out.") or, when
        a "What changed" section is ``listing`` what dropped out, its opening sentence and those items."""
        if self.first_edition:
            return FIRST_EDITION_NOTE_WORDS if listing else 0
        told = self._told_words(listing, new=self.new_count > 0, new_sources=self.new_source_count > 0,
                                dropped=bool(self.dropped))
        return told + (sum(item.words for item in self.dropped) if listing else 0)

    @staticmethod
    def most_words(listing: bool) -> int:
        """The most words :meth:`words` gives besides the dropped items' lines: what the budget keeps for the
        comparison before it knows what is new."""
        return EditionComparison._told_words(listing, new=True, new_sources=True, dropped=True)

    @staticmethod
    def _told_words(listing: bool, *, new: bool, new_sources: bool, dropped: bool) -> int:
        """The line under the title, or What changed's opening sentence when ``listing``, but its dropped items."""
        told_new = 5 if new else 3  # "3 new items (marked **New**)," or "no new items,"
        if not listing:
            return 8 + told_new + (8 if new_sources else 0) + 3
        return 8 + told_new + (10 if new_sources else 0) + (7 if dropped else 5)


@dataclass(frozen=True)
class Briefing:
    """An assembled brief: everything a renderer needs, nothing it must compute."""

    recipe_name: str
    title: str
    subtitle: str | None
    classification: str | None
    as_of: dt.date
    window_label: str
    window_start: dt.date | None
    window_end: dt.date | None
    key_points: tuple[BriefItem, ...]
    sections: tuple[BriefSection, ...]
    sources: tuple[SourceEntry, ...]
    sources_considered: int
    """Sources inside the window and the recipe's source filter."""
    excerpts_considered: int
    """Tagged excerpts that passed the filters, before merging and caps."""
    notes: tuple[str, ...] = ()
    """What the reader should know about coverage, e.g. undated sources left out (named by their titles)."""
    advice: tuple[str, ...] = ()
    """What the analyst can do about the notes ("give its date in seeds/sources.yaml: 001_…"): `brief build`
    prints it, the brief does not show it to its reader."""
    paper: str = "A4"
    window_source_ids: tuple[str, ...] = ()
    """The sources inside the window and the recipe's source filter (``sources_considered`` of them)."""
    held_back_ids: tuple[str, ...] = ()
    """Excerpt ids of the items ``only_new`` left out because an earlier edition reported them."""
    edition: EditionComparison | None = None
    """The comparison with the previous edition; None when the brief was not compared (a preview)."""
    extras: tuple[ExtraSection, ...] = ()
    """The analyst's sections the recipe lists (key quotes, key figures, timeline, where sources differ)."""
    layout: tuple[str, ...] = ()
    """Every section id, excerpt and analyst's sections together, in the recipe's order."""

    @property
    def parts(self) -> list[BriefSection | ExtraSection]:
        """All sections in the recipe's order; templates loop over this and branch on ``kind``."""
        every: list[BriefSection | ExtraSection] = [*self.sections, *self.extras]
        by_id = {section.id: section for section in every}
        ordered = [by_id[sid] for sid in self.layout if sid in by_id]
        return ordered + [s for s in by_id.values() if s not in ordered]

    def extra(self, kind: str) -> ExtraSection | None:
        return next((section for section in self.extras if section.id == kind), None)

    @property
    def word_count(self) -> int:
        """Words a reader reads before the list of sources: the title block, headings, items with their
        citation markers and notes, the analyst's sections, and what changed since the last edition. The
        word budget counts the same (:func:`brief.assembly.assemble_briefing`)."""
        headings = (["Key points"] if self.key_points else []) + [part.title for part in self.parts]
        listing = any(section.id == "what-changed" for section in self.sections)
        changes = self.edition.words(listing) if self.edition is not None else PREVIEW_NOTE_WORDS if listing else 0
        empty = sum(1 for section in self.sections if not section.items and section.id != "what-changed")
        return frame_words(self.title, self.subtitle, headings, classification=self.classification,
                           window_label=self.window_label) + changes + empty * EMPTY_SECTION_NOTE_WORDS \
            + sum(item.words for item in self.all_items()) + sum(section.words for section in self.extras)

    def all_items(self) -> list[BriefItem]:
        return list(self.key_points) + [item for section in self.sections for item in section.items]
