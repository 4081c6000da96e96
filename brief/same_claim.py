"""Whether passages that read alike can make one claim: names aside, and counts and dates agreeing.

Shared words make two passages look alike (:func:`brief.assembly._merge`). Some alike passages still
say different things, and citing both sources on one item would credit each with the other's words:

- passages whose shared words are all names and titles (:func:`plain_words_of`): "Putin met with
  U.S. Special Envoy Steve Witkoff at the Kremlin" and "talks between Special Envoy Steve Witkoff
  and Russian President Vladimir Putin ended with the Kremlin confirming no compromise";
- passages that name different event days, or count one kind of thing differently ("410 drones"
  one night, "135 drones" another; an earlier 28-point plan and a revised 20-point one), unless the
  counts are figures the item will show as a difference between its sources
  (:func:`one_claim_possible`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brief.differences import SourcedFigure, figure_interval, find_differences, stem, value_interval
from brief.excerpts import Excerpt
from brief.figures import QUALIFIER_BEFORE, SPELLED_NUMBERS, Figure, figures_in_passage, in_digits
from brief.ranking import content_words, word_stems
from brief.timeline import extract_events, find_dates, last_day

MERGE_OVERLAP = 0.6
"""Share of the smaller passage's content words that two passages must share to be one item."""
MERGE_JACCARD = 0.3
"""Share of all the two passages' content words that they must share."""


def similar_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two passages' words (:func:`brief.ranking.content_words`, or :func:`plain_words_of`) make them
    near-duplicates: the same sentence, lightly edited."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= MERGE_OVERLAP and shared / len(a | b) >= MERGE_JACCARD


_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")


def plain_words_of(text: str) -> frozenset[str]:
    """:func:`content_words` less names and titles (words capitalised other than first in a sentence), each
    reduced to its stem (:func:`brief.ranking.word_stems`: "studied", "studying"): what a passage says about
    the people it names. "Putin met with U.S. Special Envoy Steve Witkoff at the
    Kremlin" and "talks between Special Envoy Steve Witkoff and Russian President Vladimir Putin ended with the
    Kremlin confirming no compromise" share names only: two statements, not one."""
    names = {m.group().lower().rstrip(".") for m in _CAPITALISED.finditer(text)
             if m.start() > 0 and not re.search(r"[.!?:]\s*$", text[max(0, m.start() - 3):m.start()])}
    return word_stems(w for w in content_words(text) if w not in names)


_COUNT = re.compile(r"(?<![\w$€£₴₽.,:/-])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|two|three|four|five|six|"
                    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b(?![.,:/]\d)",
                    re.IGNORECASE)
"""A number in digits or words ("one" is left out: "one of them", "no one" count nothing)."""
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_COUNTED = re.compile(r"^(?:-|\s+)(?P<a>[A-Za-z][\w’']*)(?:[\s-]+(?P<b>[A-Za-z][\w’']*))?")
"""The words after a number: "410 drones and …" → "drones", "four ballistic missiles" → both, "28-point plan"."""
_NIGHT = re.compile(r"\b(?:overnight|last night)\b", re.IGNORECASE)
_ANY_DAY = dt.date(2000, 1, 1)
"""Stands in for an unknown publication date when only where the dates are is wanted, not what they are."""


@dataclass(frozen=True)
class Count:
    """A number in a passage with the words for what it counts."""

    kind: frozenset[str]
    """Stems of the words after the number, and the unit of a figure: two counts with one in common count the
    same kind of thing ("410 drones", "135 drones"; "38 missiles", "four ballistic missiles")."""
    low: float
    high: float
    """The values the number allows: ``low == high`` when it is given flat, wider for "around", "more than"."""
    figure: Figure | None = None
    """The figure of :mod:`brief.figures` it is, when it is one: only figures can be noted as a difference."""


@dataclass(frozen=True)
class Particulars:
    """What two passages must not disagree on to be one claim: what they count and the days they name."""

    excerpt: Excerpt
    counts: tuple[Count, ...]
    days: tuple[tuple[dt.date, dt.date], ...]
    """Each event date the passage names, as the days [first, last] it may be; a dateline is no event date."""


def read_particulars(excerpt: Excerpt, *, dated: bool = True) -> Particulars:
    """The counts and event days of one passage; relative dates ("on Tuesday") need its article's date.
    ``dated``: the excerpt's date is its article's day, not only the earliest it can have appeared, so an
    attack's count carries its night (two sources' counts of one night can then be noted as a difference)."""
    text, published = excerpt.text, excerpt.published
    days: list[tuple[dt.date, dt.date]] = []
    for event in extract_events(text, excerpt.source_id, published):
        days.append((event.date, last_day(event.date, event.precision)))
    if published is not None and _NIGHT.search(text):
        days.append((published - dt.timedelta(days=1), published))  # the night that ended on publication
    figures = figures_in_passage(text, excerpt.source_id, published if dated else None)
    taken = [(f.figure_start, f.figure_end) for f in figures]
    taken += [(m.start, m.end) for m in find_dates(text, published or _ANY_DAY)]  # "Dec. 9", "2025" count nothing
    counts = [Count(frozenset({stem(f.unit.lower())}) | _counted(text, f.figure_end)[0],
                     *figure_interval(f), figure=f) for f in figures]
    for match in _COUNT.finditer(text):
        start, end = match.span("n")
        kind, scale = _counted(text, end)
        if not kind or any(start < b and a < end for a, b in taken):
            continue
        raw = match.group("n").lower()
        value = (SPELLED_NUMBERS.get(raw) or float(raw.replace(",", ""))) * scale
        qualifier = QUALIFIER_BEFORE.search(text[max(0, start - 30):start])
        counts.append(Count(kind, *value_interval(value, None, qualifier.group("q") if qualifier else None,
                                                  in_digits=in_digits(raw))))
    return Particulars(excerpt, tuple(counts), tuple(days))


def _counted(text: str, end: int) -> tuple[frozenset[str], float]:
    """Stems of the (at most two) content words right after a number, and the scale word ("million") before
    them that multiplies it (1 when none)."""
    match = _COUNTED.match(text[end:])
    if match is None:
        return frozenset(), 1.0
    words = [w.lower() for w in match.group("a", "b") if w]
    scale = _SCALE.get(words[0], 1.0)
    if scale != 1.0:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        if not content_words(word):
            break
        kept.append(stem(word))
    return frozenset(kept), scale


def one_claim_possible(a: Particulars, b: Particulars) -> bool:
    """Whether two alike passages may be merged as one claim: they name no different event days, and every
    count of a kind both give agrees, or is a figure the item will note as one the sources differ on.

    Two sources that count one thing differently both make the claim only if the brief says they differ;
    two that count different things (another night's attack, an earlier plan) do not make each other's.
    """
    if a.days and b.days and not any(a_first <= b_last and b_first <= a_last
                                      for a_first, a_last in a.days for b_first, b_last in b.days):
        return False
    at_odds = [(x, y) for x in _lone(a.counts, b.counts) for y in _lone(b.counts, a.counts)
               if x.kind & y.kind and not _agree(x, y)]
    if not at_odds:
        return True
    noted = _noted_differences(a, b)
    return all(x.figure is not None and y.figure is not None and (id(x.figure), id(y.figure)) in noted
               for x, y in at_odds)


def _lone(counts: tuple[Count, ...], others: tuple[Count, ...]) -> list[Count]:
    """The counts that no count of the same kind among ``others`` agrees with."""
    return [c for c in counts if not any(c.kind & o.kind and _agree(c, o) for o in others)]


def _agree(x: Count, y: Count) -> bool:
    return x.low <= y.high and y.low <= x.high


def _noted_differences(a: Particulars, b: Particulars) -> set[tuple[int, int]]:
    """Pairs (by id) of a figure of ``a`` and one of ``b`` that the item would show as a difference between sources."""
    sourced = [SourcedFigure(c.figure, p.excerpt.text, p.excerpt.source_id, p.excerpt.start, p.excerpt.end, True)
               for p in (a, b) for c in p.counts if c.figure is not None]
    if len({f.source_id for f in sourced}) < 2:
        return set()
    mine = {id(c.figure) for c in a.counts if c.figure is not None}
    noted: set[tuple[int, int]] = set()
    for difference in find_differences(sourced):
        for i, reading in enumerate(difference.readings):
            for other in difference.readings[i + 1:]:
                for x in reading:
                    for y in other:
                        first, second = (x, y) if id(x.figure) in mine else (y, x)
                        noted.add((id(first.figure), id(second.figure)))
    return noted
