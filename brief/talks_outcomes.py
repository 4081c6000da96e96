"""How talks ended, as one article tells it more than once: for the repeat test of the choice loop.

An article on one meeting often says three ways that it failed: "So far, no compromise version of a peace
settlement has been found, said Yuri Ushakov", "The discussions, which lasted five hours, ended without any
breakthrough", "U.S. negotiators left the Kremlin with minimal results". Their words barely overlap, so the
word test (:class:`brief.assembly._Repeats`) let all three into one section. Two passages of one article that
report the same outcome of the same talks are one item's worth of news (:func:`same_outcome`).

The contradiction finder's outcome reader (:mod:`brief.contradictions`) is strict on purpose: a claim set
against another source must be asserted, so it reads neither "so far" nor "minimal results". Here the question
is only whether one article says the same thing again, so the reading is looser. It still skips what is not a
report: a condition ("if no peace deal is reached"), a modal or a future ("talks could end without a deal"),
and a consequence built on the failure ("the lack of a breakthrough places pressure on …"), which adds news.

One article also reports other talks, and those are other outcomes:

- talks it says were earlier, or a process rather than a meeting ("Earlier efforts … were unproductive",
  "One year of U.S.-led peace talks has yielded little progress", "each attempt … has stalled"): these are
  not read at all;
- talks on dates more than :data:`RECENT_DAYS` days from the article's own ("the Anchorage summit in August"),
  unless the other passage names the same date;
- talks in another place: both passages name where ("in Moscow", "at the Kremlin") and share no place;
- talks on another matter: both say what no deal was reached on ("on territory", "on sanctions") and share
  no word of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brief.contradictions import Statement, names_and_places
from brief.ranking import content_words
from brief.segmentation import sentence_bounds
from brief.timeline import find_dates

RECENT_DAYS = 7
"""Talks dated this close to the article's publication are the talks it reports; further off, other talks."""

_DEAL = r"(?:agreement|deal|accord|compromise|breakthrough|settlement)"
_NEGATIVE = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"\b(?:ended|concluded|finished|closed|broke\s+up|wrapped\s+up|ending|concluding)\s+(?:without|with\s+no)\b",
    r"\bwithout\s+(?:reaching|agreeing|striking|securing|achieving|producing|any\s+breakthrough"
    r"|a\s+breakthrough|a\s+deal|an\s+agreement|agreement)\b",
    rf"\bno\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}\b[^.;]{{0,40}}?\b(?:(?:was|were|has\s+been|had\s+been|have\s+been|is)\s+)?"
    r"(?:reached|found|struck|achieved|agreed|made|secured)\b",
    r"\bfailed\s+to\s+(?:reach|produce|yield|secure|strike|achieve|agree|find)\b",
    r"\b(?:left|came\s+away|emerged|returned|ended|concluded|finished)\b[^.;]{0,40}?\bwith\s+(?:only\s+)?"
    r"(?:minimal|little|few|no|scant|limited|meagre|meager)\s+(?:results?|progress|headway|movement|gains)\b",
    rf"\b(?:produced|yielded|brought|delivered)\b[^.;]{{0,40}}?\b(?:no|little|scant|minimal)\s+(?:[\w-]+\s+)?"
    rf"(?:{_DEAL}|progress|results?|headway)\b",
    r"\b(?:ended|concluded|broke\s+up)\s+(?:inconclusively|in\s+(?:deadlock|stalemate|failure))\b",
    r"\b(?:talks|meeting|discussions|negotiations|summit)\s+(?:was|were)\s+(?:inconclusive|unproductive|fruitless)\b",
    r"\b(?:outcome|result)\b[^.;]{0,80}?\b(?:was|were)\s+(?:an?\s+)?(?:(?!no\b|not\b)[\w-]+\s+)?(?:stalemate|deadlock"
    r"|impasse|failure)(?![\w-])",
)]
"""Talks that ended without agreement, as a report may word it ("the outcome, as reported by …, was a diplomatic
stalemate")."""
_POSITIVE = [re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"\b(?:reached|struck|clinched|sealed|secured|achieved)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_DEAL}s?\b",
    rf"\b{_DEAL}s?\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:finally\s+)?"
    r"(?:reached|struck|achieved|found|agreed|secured|sealed)\b",
    rf"\b(?:ended|concluded)\s+(?:in|with)\s+(?:an?\s+)?(?:(?!no\b)[\w-]+\s+)?{_DEAL}\b",
)]
"""Talks that ended in agreement."""
_ABOUT_TALKS = re.compile(rf"\b(?:talks|meeting|meetings|discussions|negotiations|summit|round|session"
                          rf"|consultations|negotiators|delegations?|envoys?|met|{_DEAL}s?)\b", re.IGNORECASE)
"""A report of an outcome names the talks, those who held them, or what they sought."""
_NOT_REPORTED = re.compile(r"\b(?:if|unless|whether|would|could|may|might|should|must|can|will|shall|likely|"
                           r"unlikely|hopes?|hoped|aims?|seeks?|expected|wants?|need|needs|risk|risks)\b|’ll|'ll",
                           re.IGNORECASE)
"""Words before a cue that make it a condition, a possibility or an aim, not a report."""
_OTHER_TALKS = re.compile(
    r"\b(?:earlier|previous|prior|each|every|multiple|repeated|successive|series|rounds|years?\s+of|"
    r"months\s+of|one\s+year|last\s+(?:year|month|spring|summer|autumn|fall|winter))\b", re.IGNORECASE)
"""Words that put the talks a sentence reports before the article's own, or make them a whole process."""
_CONSEQUENCE = re.compile(rf"\b(?:lack|absence|failure)\s+of\s+(?:a\s+|any\s+)?(?:{_DEAL}|progress)\b",
                          re.IGNORECASE)
"""A failure named as a noun is the premise of another statement ("the lack of a breakthrough places …")."""
_MATTER = re.compile(r"^\s*(?:on|over|about|regarding)\s+(?P<matter>[^,.;:—–]{1,80})", re.IGNORECASE)


@dataclass(frozen=True)
class OutcomeReport:
    """One sentence of a passage reporting how talks ended."""

    source_id: str
    positive: bool
    """Whether the talks ended in agreement."""
    when: frozenset[dt.date | None]
    """The dates the sentence names that lie away from the article's own; ``{None}`` for its own days."""
    places: frozenset[str]
    """Where the sentence says the talks were ("Moscow", "Kremlin": the contradiction finder's reading of places,
    :func:`brief.contradictions.names_and_places`, which leaves out parties: "the war in Ukraine" is no place of
    talks); empty when it does not say."""
    matter: frozenset[str]
    """Content words of what it says the outcome was on ("territory"); empty when it does not say."""


def outcome_reports(text: str, source_id: str, published: dt.date | None) -> tuple[OutcomeReport, ...]:
    """Every sentence of ``text``, a passage of ``source_id`` (published then), that reports how the article's
    talks ended (see the module's docstring)."""
    if not _ABOUT_TALKS.search(text):
        return ()
    found = []
    for start, end in sentence_bounds(text, 0, len(text)):
        report = _report_in(text[start:end], source_id, published)
        if report is not None:
            found.append(report)
    return tuple(found)


def _report_in(sentence: str, source_id: str, published: dt.date | None) -> OutcomeReport | None:
    if not _ABOUT_TALKS.search(sentence) or _OTHER_TALKS.search(sentence) or _CONSEQUENCE.search(sentence):
        return None
    cue = _first_cue(sentence)
    if cue is None:
        return None
    start, end, positive = cue
    if _NOT_REPORTED.search(sentence[:start]):
        return None
    when = frozenset(mention.date if published is None or abs((mention.date - published).days) > RECENT_DAYS
                     else None for mention in find_dates(sentence, published)) or frozenset({None})
    places = names_and_places(Statement(sentence, source_id, 0, published))[1]
    on = _MATTER.match(sentence[end:])
    matter = content_words(on.group("matter")) if on else frozenset()
    return OutcomeReport(source_id, positive, when, places, matter)


def _first_cue(sentence: str) -> tuple[int, int, bool] | None:
    """The first outcome cue (a negative one before a positive one at the same place), as start, end and
    polarity; the end stretched over the cues of its polarity that overlap it ("ended with no" and "no deal
    reached"), after which the sentence may say what the outcome was on."""
    cues = sorted((match.start(), match.end(), positive) for patterns, positive in ((_NEGATIVE, False),
                                                                                   (_POSITIVE, True))
                  for pattern in patterns if (match := pattern.search(sentence)))
    if not cues:
        return None
    start, end, positive = min(cues, key=lambda cue: (cue[0], cue[2]))
    for other_start, other_end, other_positive in cues:
        if other_positive == positive and other_start < end:
            end = max(end, other_end)
    return start, end, positive


def same_outcome(a: OutcomeReport, b: OutcomeReport) -> bool:
    """Whether two reports of one article tell the same outcome of the same talks."""
    return (a.source_id == b.source_id and a.positive == b.positive and bool(a.when & b.when)
            and not (a.places and b.places and not a.places & b.places)
            and not (a.matter and b.matter and not a.matter & b.matter))
