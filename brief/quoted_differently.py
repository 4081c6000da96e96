"""Quoted differently: the same words of someone, put in quotation marks by two sources in other words.

An item (or a timeline row) that merges near-duplicates from several sources shows one source's wording
and cites the others as carrying it too. When the shown passage quotes someone, the others may quote the
same remark otherwise: a translation ("do not bring a settlement closer" against "do not bring peace
closer"), or a paraphrase an outlet put in quotation marks. Citing them all for the shown words would say
that each source has them; the brief instead sets the wordings side by side.

A quotation of another source is the *counterpart* of a shown one when neither holds the other's words
(up to spacing, case and quote-mark forms), they share at least :data:`MIN_SHARED` content words
(:func:`brief.ranking.comparable_words`: stems, a party for its capital) and at least half of the shorter
one's, and, when both speakers are known, they are the same person. A source that only paraphrases without
quotation marks has no counterpart: it is not quoting anyone differently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.briefing import Passage, QuotedDifferently, StatementReading
from brief.passages import normalise
from brief.quotes import quote_marks
from brief.ranking import comparable_words

MIN_SHARED = 2
"""Content words two quotations must share, at the least, to be one remark worded twice."""
MIN_WORDS = 3
"""Words a quotation must have to be compared: shorter ones are scare quotes and titles ("real progress")."""


@dataclass(frozen=True)
class QuotingPassage:
    """A source's passage that an item or a row merges: its text and where it starts in the source's text."""

    source_id: str
    text: str
    start: int
    """Offset of ``text`` in the source's canonical text."""


@dataclass(frozen=True)
class QuotedWords:
    """Words between quotation marks in one source: ``text`` is the source's text from ``start`` to ``end``."""

    source_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Wordings:
    """One quotation of the shown passage and how the other sources word it."""

    shown: QuotedWords
    same: tuple[QuotingPassage, ...]
    """The passages of other sources that have the shown words too."""
    otherwise: tuple[QuotedWords, ...]
    """Each counterpart of another source, in the order of ``others``."""


SpeakerOf = Callable[[QuotedWords], str | None]
"""Who said the quoted words, as their source names them; None when it does not say clearly."""


def quotations_in(passage: QuotingPassage) -> list[QuotedWords]:
    """The quotations of ``passage`` of :data:`MIN_WORDS` words or more, as absolute offsets."""
    found = []
    for open_at, close_at in quote_marks(passage.text, 0, len(passage.text)):
        words = passage.text[open_at + 1:close_at]
        if len(words.split()) >= MIN_WORDS:
            found.append(QuotedWords(passage.source_id, words, passage.start + open_at + 1,
                                     passage.start + close_at))
    return found


def worded_otherwise(shown: QuotingPassage, others: Sequence[QuotingPassage],
                     speaker_of: SpeakerOf = lambda words: None, *, showing: str | None = None) -> list[Wordings]:
    """The quotations of ``shown`` that one or more of ``others`` (other sources' passages merged with it) give
    in other words; a quotation every other source has verbatim, or that none quotes, is left out. ``showing``:
    what the brief shows of ``shown`` when not all of it (a timeline row's clause): only its quotations count.

    A source with several passages among ``others`` counts once: as having the words when one passage has
    them, else by its first counterpart."""
    by_source: dict[str, list[tuple[QuotingPassage, list[QuotedWords]]]] = {}
    for passage in others:
        if passage.source_id != shown.source_id:
            by_source.setdefault(passage.source_id, []).append((passage, quotations_in(passage)))
    shown_key = comparison_key(showing) if showing is not None else None
    found: list[Wordings] = []
    for quoted in quotations_in(shown):
        key = comparison_key(quoted.text)
        if shown_key is not None and key not in shown_key:
            continue
        same: list[QuotingPassage] = []
        otherwise: list[QuotedWords] = []
        for passages in by_source.values():
            having = next((p for p, _ in passages if key in comparison_key(p.text)), None)
            if having is not None:
                same.append(having)
                continue
            counterpart = next((q for _, quotations in passages for q in quotations
                                if _counterparts(quoted, q, speaker_of)), None)
            if counterpart is not None:
                otherwise.append(counterpart)
        if otherwise:
            found.append(Wordings(quoted, tuple(same), tuple(otherwise)))
    return found


def quoted_differently(shown: QuotingPassage, others: Sequence[QuotingPassage],
                       speaker_of: SpeakerOf = lambda words: None, *,
                       showing: str | None = None) -> tuple[QuotedDifferently, ...]:
    """:func:`worded_otherwise` as entries of the brief: the shown words first (with every source that has
    them), then each other wording (with every source that gives it); citations are numbered later."""
    entries = []
    for wordings in worded_otherwise(shown, others, speaker_of, showing=showing):
        shown_words = wordings.shown
        readings = {comparison_key(shown_words.text): StatementReading(shown_words.text, (
            _passage(shown_words), *(Passage(0, p.source_id, p.start, p.start + len(p.text)) for p in wordings.same)))}
        for words in wordings.otherwise:
            key = comparison_key(words.text)
            earlier = readings.get(key)
            readings[key] = StatementReading(earlier.text, (*earlier.citations, _passage(words))) if earlier \
                else StatementReading(words.text, (_passage(words),))
        speaker = next((name for name in map(speaker_of, (shown_words, *wordings.otherwise)) if name), None)
        entries.append(QuotedDifferently(speaker=speaker, readings=tuple(readings.values())))
    return tuple(entries)


def _passage(words: QuotedWords) -> Passage:
    return Passage(0, words.source_id, words.start, words.end)


def _counterparts(a: QuotedWords, b: QuotedWords, speaker_of: SpeakerOf) -> bool:
    """Whether ``a`` and ``b`` are one remark quoted in two wordings (see the module's docstring)."""
    first, second = comparison_key(a.text), comparison_key(b.text)
    if first in second or second in first:
        return False
    a_words, b_words = comparable_words(a.text), comparable_words(b.text)
    shared = len(a_words & b_words)
    if shared < MIN_SHARED or 2 * shared < min(len(a_words), len(b_words)):
        return False
    speakers = speaker_of(a), speaker_of(b)
    return None in speakers or _same_person(*speakers)  # type: ignore[arg-type]


def _same_person(a: str, b: str) -> bool:
    """"Yuri Ushakov" and "Ushakov" are one speaker: the surnames agree."""
    return a.split()[-1].lower() == b.split()[-1].lower()


def comparison_key(text: str) -> str:
    """Words as compared: spacing, quote-mark forms and case evened (also how "where sources differ" tells two notes
    on the same words apart, :func:`brief.analyst_sections.with_item_differences`)."""
    return normalise(text).lower()
