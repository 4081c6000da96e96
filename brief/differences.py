"""Where sources differ: different numbers for the same measure, side by side, none picked.

Two figures (:mod:`brief.figures`) speak of the same thing when

- they have the same unit and category;
- their measures are the same words (:data:`SAME_MEASURE` of their content
  words in common) with the same time scope ("deaths in 2025" is not "deaths
  since 2022") — a measure of one generic word ("plan", "area") is not enough
  on its own, and then their sentences must share :data:`CONTEXT_WORDS`
  content words besides (figures of one merged item always do);
- they carry the same version words: a "revised 20-point plan" and an
  "earlier 28-point plan" are two plans, not two counts of one;
- counts of an attack (drones, missiles) name the same night ("in the night to
  9 December 2025"): a count whose night is not known is another attack's as
  likely as this one's.

They differ when both cannot be right: different values whose ranges and
bounds do not meet ("more than 30" agrees with 40; "around 19,000" with
19,500). A difference is reported only between different sources, and never
when one source gives both values itself: an article saying "the 28-point
plan, scaled down to 20 points" describes a change, not a disagreement. It
gives both even when its other value was read as another measure ("above the
600,000 figure in the original plan").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from brief.figures import Figure, night_named
from brief.parties import PARTY_WORDS
from brief.stopwords import MEASURE_STOPWORDS

SAME_MEASURE = 0.6
"""Share of content words (of all of the two measures') two measures must have in common."""
CONTEXT_WORDS = 3
"""Content words, besides the measure's, that the sentences of two figures of a generic measure must share."""
APPROXIMATE = 0.1
"""How far "around", "nearly", "some" … let a figure stray: ±10%."""

APPROXIMATE_WORDS = frozenset({"around", "about", "nearly", "almost", "approximately", "roughly", "some", "close to",
                          "an estimated", "estimated"})
AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "well over", "just over",
                       "as few as"})
AT_MOST = frozenset({"less than", "fewer than", "at most", "up to", "as many as", "just under"})
"""The qualifiers of a figure ("around 19,000", "more than 30", "up to 800,000") by what they allow."""
ROUNDED_DOWN = frozenset({"more than", "over", "just over"})
"""Of :data:`AT_LEAST`, the qualifiers of a number rounded down to its last digit: "more than 400" drones is not
635, which a reporter would call "more than 600". The others set no ceiling: "at least 25 people were killed" is
a toll still rising, and "well over 400" may be 600; nor does a number in words ("more than half")."""
LATER_WORDS = frozenset({"revised", "new", "newer", "updated", "latest", "amended", "scaled", "reduced", "final",
                         "current", "shortened", "trimmed", "cut", "down", "lowered", "raised", "expanded"})
"""Words that mark a later version of a thing ("the revised plan"); contradictions reads them too."""
EARLIER_WORDS = frozenset({"earlier", "initial", "initially", "original", "originally", "first", "previous",
                           "previously", "old", "older", "former", "prior"})
"""Words that mark an earlier version ("the initial draft")."""
_SCOPE = re.compile(r"\b(?:(?:19|20)\d\d|since|total|overall|daily|weekly|monthly|annual|annually|per|so far"
                    r"|this year|last year|a year|a day|a month|a week|each|every)\b")
GENERIC_WORDS = frozenset({"plan", "plans", "proposal", "proposals", "outline", "framework", "draft", "deal", "peace",
                           "area", "distance", "share", "u", "s", "us"})
"""Words too general to tell one measure or object from another on their own."""
_STOPWORDS = MEASURE_STOPWORDS
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SourcedFigure:
    """A figure and where it stands: its source, the sentence it is in, and the passage to cite."""

    figure: Figure
    sentence: str
    """The text the figure was read from (its sentence, or the excerpt that holds it)."""
    source_id: str
    start: int
    """Offsets of the passage to cite in the source's canonical text."""
    end: int
    related: bool = False
    """Whether the figures compared are known to speak of one thing (they come from one merged item)."""


@dataclass(frozen=True)
class Difference:
    """Figures for one measure that cannot all be right: each distinct reading with the figures giving it."""

    measure: str
    unit: str
    category: str
    readings: tuple[tuple[SourcedFigure, ...], ...]
    """Readings in order of their first figure in the input; each reading's figures agree."""


def find_differences(figures: Sequence[SourcedFigure]) -> list[Difference]:
    """Every measure on which ``figures`` from different sources disagree, in input order."""
    keys = [_Key.of(item) for item in figures]
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str, str], list[int]] = {}
    for index, key in enumerate(keys):
        buckets.setdefault((key.unit, key.category, key.version), []).append(index)
    for members in buckets.values():
        # Figures with the same specific measure words and scope are one measure outright; only the
        # first of each such set is compared with the others.
        firsts: dict[tuple[frozenset[str], frozenset[str]], int] = {}
        compared = []
        for i in members:
            key = keys[i]
            if len(key.words) >= 2 and (key.words, key.scope) in firsts:
                parent[root(i)] = root(firsts[(key.words, key.scope)])
                continue
            if len(key.words) >= 2:
                firsts[(key.words, key.scope)] = i
            compared.append(i)
        for position, i in enumerate(compared):
            for j in compared[position + 1:]:
                if root(i) != root(j) and _same_measure(figures[i], keys[i], figures[j], keys[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(figures)):
        groups.setdefault(root(index), []).append(index)
    given: dict[tuple[str, str, str], list[_Key]] = {}  # every value each source gives, by unit and category
    for item, key in zip(figures, keys, strict=True):
        given.setdefault((item.source_id, key.unit, key.category), []).append(key)
    found: list[Difference] = []
    for members in groups.values():
        difference = _difference([figures[i] for i in members], [keys[i] for i in members], given)
        if difference is not None:
            found.append(difference)
    return found


@dataclass(frozen=True)
class _Key:
    unit: str
    category: str
    version: str
    scope: frozenset[str]
    words: frozenset[str]
    """The measure's content words, the generic ones left out."""
    low: float
    high: float
    context: frozenset[str]
    """The content words of the figure's sentence other than its measure's."""

    @classmethod
    def of(cls, item: SourcedFigure) -> _Key:
        figure = item.figure
        measure = figure.measure.lower()
        scope = measure_scope(measure)
        before = figure.figure_start - figure.start
        lead = _WORD.findall(item.sentence[max(0, before - 60):before].lower())[-5:] if before >= 0 else []
        version = ""
        for word in [*_WORD.findall(measure), *reversed(lead)]:  # the measure's own words, then the nearest
            if word in LATER_WORDS or word in EARLIER_WORDS:
                version = "later" if word in LATER_WORDS else "earlier"
                break
        low, high = figure_interval(figure)
        context = frozenset(_content(item.sentence) - _content(figure.measure))
        if figure.category == "strikes":  # one attack: the same night, or nothing to compare with
            night = night_named(measure)
            scope = frozenset({f"night {night}" if night else f"attack {id(item)}"})
        return cls(figure.unit, figure.category, version, scope, specific_words(figure.measure), low, high, context)


def measure_scope(measure: str) -> frozenset[str]:
    """The time scope a measure states: its years and words such as "since", "total", "daily"."""
    return frozenset(m.group(0) for m in _SCOPE.finditer(measure.lower()))


def specific_words(measure: str) -> frozenset[str]:
    """The content words of a measure that say what it counts: not generic ("plan", "area"), not a year
    or a version word ("revised"); a party for its capital or adjective ("regions Moscow claims", "regions
    Russia claims")."""
    return frozenset(stem(PARTY_WORDS[w].lower() if w in PARTY_WORDS else w) for w in _WORD.findall(measure.lower())
                     if w not in _STOPWORDS and w not in GENERIC_WORDS and w not in LATER_WORDS and w not in EARLIER_WORDS
                     and not re.fullmatch(r"(?:19|20)\d\d", w))


def stem(word: str) -> str:
    """A plural's "s" off ("points" → "point", not "press"): enough to match a measure's words across sources."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def figure_interval(figure: Figure) -> tuple[float, float]:
    """The values ``figure`` allows as written (:func:`value_interval`)."""
    return value_interval(figure.value, figure.upper, figure.qualifier, in_digits=figure.in_digits)


def value_interval(value: float, upper: float | None, qualifier: str | None, *,
                   in_digits: bool) -> tuple[float, float]:
    """The values a number allows as written: itself (or its range), ±:data:`APPROXIMATE` after "around",
    up to its rounding step above after "more than" before digits (:data:`ROUNDED_DOWN`, :func:`_rounding_step`),
    else open above after "at least", from 0 after "up to"."""
    low, high = value, upper if upper is not None else value
    qualifier = (qualifier or "").lower()
    if qualifier in APPROXIMATE_WORDS:
        return low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    if qualifier in AT_LEAST:
        rounded = qualifier in ROUNDED_DOWN and in_digits
        return low, high + _rounding_step(high) if rounded else math.inf
    if qualifier in AT_MOST:
        return 0.0, high
    return low, high


def _rounding_step(value: float) -> float:
    """How far above ``value`` "more than" it may reach: its last digit's place (100 for 400, 1,000 for 19,000), or
    a fifth of it if that is more ("more than 19,000" allows 22,800; "more than 400" allows 500; "more than 1.5
    million" allows 1.8 million)."""
    if value <= 0:
        return math.inf
    place = 10.0 ** math.floor(math.log10(value))
    while place > 1e-9 and abs(value / place - round(value / place)) > 1e-9:
        place /= 10
    return max(place, value / 5)


def _content(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _same_measure(a: SourcedFigure, key_a: _Key, b: SourcedFigure, key_b: _Key) -> bool:
    if key_a.scope != key_b.scope:
        return False
    if key_a.words or key_b.words:
        union = key_a.words | key_b.words
        if len(key_a.words & key_b.words) / len(union) < SAME_MEASURE:
            return False
    specific = min(len(key_a.words), len(key_b.words)) >= 2
    if specific or (a.related and b.related and a.source_id != b.source_id):
        return True
    return len(key_a.context & key_b.context) >= CONTEXT_WORDS


def _difference(members: list[SourcedFigure], keys: list[_Key], given: dict[tuple[str, str, str], list[_Key]]
                ) -> Difference | None:
    """The readings of one measure, when they cannot all be right; None when they agree or one source says both.

    A source says both when it gives the other reading's value anywhere, of the same unit and category
    (``given``), though not read as this measure: "cap Ukraine's armed forces at 800,000 … above the 600,000
    figure in the original U.S. plan" beside "The original … plan capped Ukraine's armed forces at 600,000. The
    revised draft sets a peacetime ceiling of 800,000" are two sources telling the same change."""
    readings: list[list[int]] = []
    for index, key in enumerate(keys):
        home = next((r for r in readings if _agree(keys[r[0]], key)), None)
        if home is None:
            readings.append([index])
        else:
            home.append(index)
    if len(readings) < 2:
        return None
    sources = [{members[i].source_id for i in reading} for reading in readings]
    for position, these in enumerate(sources):
        for other, those in enumerate(sources[position + 1:], position + 1):
            if these & those:
                return None  # one source gives both values: it describes a change
            if _gives(these, keys[readings[other][0]], given) or _gives(those, keys[readings[position][0]], given):
                return None
    first = members[readings[0][0]].figure
    return Difference(measure=first.measure, unit=first.unit, category=first.category,
                      readings=tuple(tuple(members[i] for i in reading) for reading in readings))


def _gives(source_ids: set[str], reading: _Key, given: dict[tuple[str, str, str], list[_Key]]) -> bool:
    """Whether one of ``source_ids`` gives a value that agrees with ``reading``, of its unit and category."""
    return any(_agree(key, reading) for source_id in source_ids
               for key in given.get((source_id, reading.unit, reading.category), ()))


def _agree(a: _Key, b: _Key) -> bool:
    return a.low <= b.high and b.low <= a.high


def same_measure(a: SourcedFigure, b: SourcedFigure) -> bool:
    """Whether two figures count the same thing (unit, category, version, measure), whatever their values."""
    key_a, key_b = _Key.of(a), _Key.of(b)
    return (key_a.unit, key_a.category, key_a.version) == (key_b.unit, key_b.category, key_b.version) \
        and _same_measure(a, key_a, b, key_b)
