"""Key figures: the numbers in an article that matter to an analyst, with what they measure.

A number counts only with a unit that says what it counts: people killed or
wounded, troops, prisoners, territory (percent, km², square miles, regions),
plan points ("28-point plan"), countries, distances, money, and the drones and
missiles of an attack ("410 drones and 38 missiles overnight"). That rule alone
keeps out years, dates, times, ages of articles ("3 hours ago"), list numbers and
ordinals; years written with a count noun ("2022 invasion") are excluded by name.

Each figure keeps the number as written, its value (scale words applied: "1
million" → 1000000.0), a canonical unit, a category, any qualifier ("around",
"more than") and a short noun phrase from the sentence for what it measures
("Russian troops killed or wounded", "Ukrainian territory", "plan"). A bare number
that continues a list ("19,000, and 156,000 since …") takes the unit and measure
of the figure before it; "cap Ukraine's armed forces at 600,000" measures
"Ukraine's armed forces cap" (and so does "… at 800,000 personnel"), and "the
600,000 figure in the original plan" what the figure before it measured, in that plan.

A share in words is a percentage of what it is a share of: "about three-quarters of Donetsk" is 75 %
(held by whom the clause says: "Russia controls … about three-quarters of Donetsk"), "two-thirds of
Ukraine's financing needs" 66.67 %; not a period ("the first half of 2026"), an ordinal ("the third of
the points"), nor a share of what the sentence does not name ("the fifth of Donetsk it still controls").

Losses are counted in deaths ("killed") or casualties ("killed or wounded",
"lost"), whatever noun counts the people: "close to 1 million Russian troops have
been killed or wounded" and "the strike killed 25 people" are losses, not troops
or people. A sum measures what it is the sum of ("a loan of up to €90 billion for
Ukraine" → "loan for Ukraine"). The people a report rests on ("according to two
people familiar with the text") are no figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from brief.dates import MONTH_NAME, long_date
from brief.figure_sources import given_by
from brief.sentences import Sentence, article_sentences
from brief.speakers import SPEECH_VERBS
from brief.timeline import chronology_days

Category = Literal["casualties", "troops", "prisoners", "territory", "share", "plan", "countries", "distance",
                   "money", "people", "strikes"]


SHARE_IN_WORDS = "share"
"""The unit a Key figures row shows for a share written in words ("about three-quarters" of Donetsk): brief reads
it as a per cent (75 %), but "%" beside words reads as a slip."""


def in_digits(number: str) -> bool:
    """Whether a number is written in digits ("400", "$1.5 billion"), not in words ("three-quarters", "four")."""
    return any(c.isdigit() for c in number)


def out_of_its_sentence(written: str) -> str:
    """A figure as a brief's table or note shows it, away from the start of its sentence: a first word capitalised
    only because the sentence began there in lower case ("Three" → "three", "Around 19,000" → "around 19,000");
    "US$300bn", "EU" or digits as written. Verify reads a figure's first letter in either case."""
    return written[:1].lower() + written[1:] if written[:1].isupper() and written[1:2].islower() else written


class WrittenFigure:
    """How a figure reads, made of how it is written, its unit and its qualifier: the one place that says so for
    a figure found in a source (:class:`Figure`) and for a brief's row (:class:`brief.briefing.KeyFigure`)."""

    text: str
    unit: str
    qualifier: str | None

    @property
    def written(self) -> str:
        """The figure with its qualifier, as its sentence writes them: "around 19,000", "28-point"."""
        return self._qualified(self.text)

    @property
    def number(self) -> str:
        """The figure without the unit written with it, which a row's Unit column gives: "28" of "28-point" and
        of "28 points", "0.77" of "0.77%", "25" of "25 per cent", "15" of "15 km", "5,000" of "5,000-strong".
        A sum keeps its currency ("$300bn", "90 billion euros"): the sign or word is how a sum reads, and the
        Unit column gives a code (USD), not the same again. A figure in words is all number ("three-quarters")."""
        if self.unit in _CURRENCIES or not self.in_digits:
            return self.text
        match = _NUMBER.match(self.text)
        return match.group(0) if match else self.text

    @property
    def shown(self) -> str:
        """The figure as a Key figures row shows it, with its qualifier and the unit left to the Unit column
        (:attr:`number`): "around 19,000", "28", "about three-quarters", "roughly $300bn"."""
        return self._qualified(self.number)

    def _qualified(self, text: str) -> str:
        return f"{self.qualifier} {text}" if self.qualifier else text

    @property
    def in_digits(self) -> bool:
        """Whether it is written in digits ("400"), not in words ("three-quarters", "four") (:func:`in_digits`)."""
        return in_digits(self.text)

    @property
    def shown_unit(self) -> str:
        """The unit a row shows for it: :data:`SHARE_IN_WORDS` for a per cent written without a digit, else
        :attr:`unit` (read back by :func:`unit_read`)."""
        return SHARE_IN_WORDS if self.unit == "%" and not self.in_digits else self.unit


def unit_read(shown: str) -> str:
    """The unit a row's Unit cell ``shown`` stands for, the inverse of :attr:`WrittenFigure.shown_unit`: a per cent
    for :data:`SHARE_IN_WORDS` ("about three-quarters" is read as 75 %), else the cell as it is."""
    return "%" if shown.strip() == SHARE_IN_WORDS else shown


@dataclass(frozen=True)
class Figure(WrittenFigure):
    """A number that matters, in one sentence of a source."""

    text: str
    """The figure as written: "19,000", "0.77%", "28-point", "$1.5 billion", "four"."""
    value: float
    """The number, scale words applied: "1 million" → 1000000.0."""
    unit: str
    """Canonical unit: %, km², mi², km, mi, points, countries, regions, troops, people, casualties, deaths,
    prisoners, exchanges, civilians, children, refugees, drones, missiles, USD, EUR, GBP."""
    category: Category
    measure: str
    """What the number measures, a short noun phrase from the sentence ("Russian military deaths in 2025")."""
    qualifier: str | None
    """"around", "more than", "nearly"… as written before the number; None when it is given flat."""
    upper: float | None
    """The top of a range ("10,000 to 20,000 troops"); None for a single number."""
    start: int
    """Offset of the sentence in the source's canonical text."""
    end: int
    figure_start: int
    """Offset of the figure itself: ``source_text[figure_start:figure_end] == text``."""
    figure_end: int
    source_id: str
    given_by: str | None = None
    """Who the sentence says counted or estimated it ("Mediazona and the BBC’s Russian service",
    :func:`brief.figure_sources.given_by`); None when it does not say."""


def extract_figures(text: str, source_id: str, published: dt.date | None = None, *,
                    sentences: list[Sentence] | None = None) -> list[Figure]:
    """Every figure that matters in ``text``, in text order.

    ``published`` dates the night of an attack: "410 drones … overnight" in an article of 9 December
    measures "drones launched in the night to 9 December 2025" (:func:`night_of`). Callers pass None for a date
    that is only the earliest the article can have appeared: its night is not known.
    In a chronology, the night is the one the paragraph's heading names (:func:`brief.timeline.chronology_days`).
    ``sentences`` are ``article_sentences(text)`` when the caller has them already.
    """
    headed: dict[int, dt.date | None] | None = None

    def night(block_start: int) -> dt.date | None:
        nonlocal headed
        if headed is None:
            headed = chronology_days(text, published) if published is not None else {}
        return headed.get(block_start, published)

    return [figure for sentence in (article_sentences(text) if sentences is None else sentences)
            for figure in _figures_of(text[sentence.start:sentence.end], sentence.start, source_id,
                                      partial(night, sentence.block_start), with_givers=True)]


def figures_in_passage(passage: str, source_id: str, published: dt.date | None = None) -> list[Figure]:
    """The figures of a short passage (an excerpt) read as one sentence; offsets are into ``passage``.
    ``published`` dates an attack's night as in :func:`extract_figures` (None when only the earliest date is known).
    Their :attr:`Figure.given_by` is None: the callers compare figures, and a Key figures row takes its giver from
    :func:`extract_figures`."""
    return _figures_of(passage, 0, source_id, lambda: published, with_givers=False)


def _figures_of(sentence: str, start: int, source_id: str, night: Callable[[], dt.date | None], *,
                with_givers: bool) -> list[Figure]:
    """The figures of ``sentence``, which begins at offset ``start`` of its source's text; ``with_givers``: each with
    who gives it when it is someone's count. ``night()`` is the day whose night an attack's count "overnight" is (None
    when not known): asked only of a sentence that has such a count, since a chronology's headings are read to know
    it. The sentence is read for its giver only when one of its figures is an estimate."""
    found_here = sentence_figures(sentence)
    giver = (given_by(sentence) if with_givers and any(_estimated(f.category, f.unit) for f in found_here)
             else None)
    return [Figure(text=found.text, value=found.value, unit=found.unit, category=found.category,
                   measure=night_of(found.measure, night()) if found.category == "strikes" else found.measure,
                   qualifier=found.qualifier, upper=found.upper, start=start, end=start + len(sentence),
                   figure_start=start + found.start, figure_end=start + found.end, source_id=source_id,
                   given_by=giver if _estimated(found.category, found.unit) else None)
            for found in found_here]


_ESTIMATED: frozenset[Category] = frozenset({"casualties", "strikes", "share", "people", "prisoners"})
"""Categories whose figures are someone's count or estimate, which a row names (:attr:`Figure.given_by`): losses,
an attack's drones and missiles, shares; and territory held or gained by area or share (not "four regions")."""


def _estimated(category: Category, unit: str) -> bool:
    return category in _ESTIMATED or category == "territory" and unit in ("%", "km²", "mi²")


NIGHT_TO = " in the night to "
"""How a count of an attack names its night, in its measure (:func:`night_of`)."""


def night_of(measure: str, published: dt.date | None) -> str:
    """A strike count's measure with its night: "overnight" in an article of a known day is the night to it."""
    if published is None or not measure.endswith(" overnight"):
        return measure
    return measure.removesuffix(" overnight") + NIGHT_TO + long_date(published)


def night_named(measure: str) -> str:
    """The night a strike count's measure names (:func:`night_of`): "9 December 2025", or "" when none."""
    return measure.partition(NIGHT_TO)[2]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    text: str
    value: float
    upper: float | None
    unit: str
    category: Category
    measure: str
    qualifier: str | None


# --- numbers ---------------------------------------------------------------------------------

SPELLED_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozens": 24, "hundreds": 200,
            "thousands": 2000}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"}
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
                   "hryvnias": "UAH", "hryvnia": "UAH", "dollar": "USD", "euro": "EUR", "pound": "GBP",
                   "ruble": "RUB", "rouble": "RUB"}
"""Currencies written after the number; the singular is the adjective of "a 90 billion euro loan"."""
_CURRENCIES = frozenset(_CURRENCY_SIGNS.values()) | frozenset(_CURRENCY_WORDS.values())
"""The unit of every sum."""

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPELLED_RE = "|".join(sorted(SPELLED_NUMBERS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,/:$€£-])(?P<cur>US\$|\$|€|£|₴|₽)?\s?(?P<num>{_DIGITS})"
    rf"(?:\s?(?:-|–|to|and)\s?(?P<hi>{_DIGITS}))?"
    rf"(?P<scale>\s?(?:thousand|million|billion|trillion|bn|mn|mln|tn|k|m|b)\b)?"
    rf"|(?<![\w-])(?P<word>{_SPELLED_RE}|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine"
    rf"|[Tt]en|[Tt]welve|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Dd]ozens|[Hh]undreds|[Tt]housands)"
    rf"(?P<wscale>\s(?:thousand|million|billion))?\b")
QUALIFIER_BEFORE = re.compile(
    r"(?P<q>\b(?:around|about|nearly|almost|approximately|roughly|some|over|more than|less than|fewer than"
    r"|at least|at most|up to|close to|an estimated|as many as|as few as|just over|just under|well over"
    r"|upwards of|in excess of|estimated))\s+$", re.IGNORECASE)
"""A qualifier written right before a number ("more than " 30): the text before the number is searched."""

# --- units -----------------------------------------------------------------------------------

_PERCENT = re.compile(r"^(?:\s?%|\s(?:per\s?cent|percent)\b)")
_HYPHEN_UNIT = re.compile(r"^-(?P<u>kilomet(?:er|re)s?|km|mile|point|square-kilomet(?:er|re)|square-mile|strong)\b")
_AREA = re.compile(r"^\s?(?P<u>km²|km2|sq\.? km|square kilomet(?:er|re)s|sq\.? mi(?:les)?|square miles|hectares)\b")
_DISTANCE = re.compile(r"^\s?(?P<u>km|kilomet(?:er|re)s|miles)\b")
_POINTS = re.compile(r"^\s(?P<u>points)\b")
_COUNT_NOUNS: dict[str, tuple[str, Category]] = {
    "troops": ("troops", "troops"), "soldiers": ("troops", "troops"), "servicemen": ("troops", "troops"),
    "servicemembers": ("troops", "troops"), "personnel": ("troops", "troops"), "fighters": ("troops", "troops"),
    "men": ("troops", "troops"), "forces": ("troops", "troops"),
    "civilians": ("civilians", "people"), "people": ("people", "people"), "persons": ("people", "people"),
    "residents": ("people", "people"), "ukrainians": ("people", "people"), "russians": ("people", "people"), "children": ("children", "people"), "refugees": ("refugees", "people"),
    "casualties": ("casualties", "casualties"), "deaths": ("deaths", "casualties"),
    "dead": ("deaths", "casualties"), "killed": ("deaths", "casualties"), "wounded": ("casualties", "casualties"),
    "injured": ("casualties", "casualties"),
    "prisoners": ("prisoners", "prisoners"), "pows": ("prisoners", "prisoners"), "captives": ("prisoners", "prisoners"),
    "hostages": ("prisoners", "prisoners"), "exchanges": ("exchanges", "prisoners"), "swaps": ("exchanges", "prisoners"),
    "countries": ("countries", "countries"), "nations": ("countries", "countries"), "states": ("countries", "countries"),
    "regions": ("regions", "territory"), "oblasts": ("regions", "territory"), "provinces": ("regions", "territory"),
    "villages": ("villages", "territory"), "towns": ("towns", "territory"), "settlements": ("settlements", "territory"),
    "drones": ("drones", "strikes"), "missiles": ("missiles", "strikes"), "rockets": ("missiles", "strikes"),
}
_SINGULAR_COUNT = {"person": "people", "soldier": "troops", "civilian": "civilians", "child": "children",
                   "prisoner": "prisoners", "country": "countries", "nation": "countries", "region": "regions",
                   "oblast": "regions", "exchange": "exchanges", "swap": "exchanges", "casualty": "casualties",
                   "death": "deaths", "village": "villages", "town": "towns"}
"""After "one": "one person", "one region"."""
_NOT_MODIFIER = frozenset("""
of in at to for and or the a an have has had were was are is be been will would since from by with on that
which who than more less this these those its their his her our as per into over under after before about
around nearly some while but if when also not no all both each every
""".split())
_PLAN_CONTEXT = re.compile(r"\b(?:plan|proposal|outline|framework|draft|deal|agreement|peace|points?)\b", re.IGNORECASE)


def sentence_figures(sentence: str) -> list[_Found]:
    """The figures of one sentence; offsets are into ``sentence``."""
    found: list[_Found] = []
    for match in _NUMBER.finditer(sentence):
        figure = _figure_at(sentence, match, found)
        if figure is not None:
            found.append(figure)
    fractions = [f for f in (_fraction_at(sentence, m) for m in _FRACTION.finditer(sentence)) if f is not None]
    return sorted(found + fractions, key=lambda f: f.start) if fractions else found


def _qualifier_before(sentence: str, start: int) -> str | None:
    """The qualifier written right before the number at ``start`` ("more than", "about"), in lower case."""
    match = QUALIFIER_BEFORE.search(sentence[max(0, start - 25):start])
    return match.group("q").lower() if match else None


def _fraction_at(sentence: str, match: re.Match[str]) -> _Found | None:
    """The share a fraction in words gives, in per cent, with what it is a share of."""
    count_word = (match.group("count") or "").lower()
    den_word = match.group("den")
    plural = den_word.endswith("s") and den_word != "half"
    count = SPELLED_NUMBERS.get(count_word, 1)
    if plural != (count > 1) or (den_word == "half" and count_word not in {"", "a", "one"}):
        return None  # "two third", "a thirds"
    if _NOT_A_SHARE_BEFORE.search(sentence[:match.start()]) or _NOT_A_SHARE_AFTER.match(sentence[match.end():]):
        return None
    start, end = match.start(), match.end()
    qualifier = _qualifier_before(sentence, start)
    if not count_word and den_word != "half" and qualifier is None:
        return None  # "the third of the points": an ordinal; "the roughly fifth of" is a share
    measure = _of_phrase(sentence, end)
    if not measure or measure.split()[-1].lower() in _PRONOUNS:
        return None  # "the roughly fifth of Donetsk it still controls": whose, the sentence does not say
    territorial = _TERRITORY.search(measure) or _HOLDING.search(sentence[:start])
    category: Category = "territory" if territorial else "share"
    if territorial:
        measure = _whose_territory(sentence, start, end, measure)
    value = round(100.0 * count / _DENOMINATORS[den_word.rstrip("s")], 2)
    return _Found(start, end, sentence[start:end], value, None, "%", category, _clean_measure(measure), qualifier)


def _figure_at(sentence: str, match: re.Match[str], earlier: list[_Found]) -> _Found | None:
    start, end = match.start(), match.end()
    while start < end and sentence[start].isspace():
        start += 1
    spelled = match.group("word")
    if spelled:
        number = SPELLED_NUMBERS[spelled.lower()]
        value = float(number) * (_SCALES[match.group("wscale").strip()] if match.group("wscale") else 1.0)
        upper = None
        currency = None
    else:
        raw = match.group("num")
        if _is_date_or_time(sentence, match.start("num"), match.end("num")):
            return None
        value = float(raw.replace(",", ""))
        upper = float(match.group("hi").replace(",", "")) if match.group("hi") else None
        if upper is not None and (upper <= value or _is_date_or_time(sentence, match.start("hi"), match.end("hi"))):
            return None  # "2022-2025" or "9-11": not a range of quantities
        scale_word = (match.group("scale") or "").strip().lower()
        currency = _CURRENCY_SIGNS.get(match.group("cur") or "")
        if scale_word in {"m", "b", "k"} and currency is None:
            return None  # "5 m" is metres, "5k" a race
        scale = _SCALES.get(scale_word, 1.0)
        value *= scale
        upper = upper * scale if upper is not None else None
        if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and currency is None and not scale_word \
                and not _PERCENT.match(sentence[end:]):
            return None  # a year
    qualifier = _qualifier_before(sentence, start)
    after = sentence[end:]

    def found(unit_end: int, unit: str, category: Category, measure: str) -> _Found:
        measure = _clean_measure(measure)
        if category == "casualties" and measure and not measure.startswith("projected ") \
                and _PROJECTED.search(sentence[_clause_start(sentence, start):start]):
            measure = "projected " + measure  # "it would … cost nearly 2 million Russian casualties"
        return _Found(start, unit_end, sentence[start:unit_end], value, upper, unit, category, measure, qualifier)

    if currency is None:
        word = re.match(r"^\s(?P<w>[a-z]+)\b", after)
        if word and word.group("w") in _CURRENCY_WORDS and not spelled:
            currency = _CURRENCY_WORDS[word.group("w")]
            end += word.end()
            after = sentence[end:]
    if currency is not None:
        return found(end, currency, "money", _money_measure(sentence, start, end) or "")
    if spelled is None and (unit := _PERCENT.match(after)):
        of = _of_phrase(sentence, end + unit.end())
        measure = of or _frame_measure(sentence, start) or \
            _subject_of_change(sentence, start) or _inherited(earlier, "%", sentence, start) or ""
        territorial = _TERRITORY.search(measure) or _HOLDING.search(sentence[:start])
        category: Category = "territory" if territorial else "share"
        if territorial and measure:
            measure = _whose_territory(sentence, start, end + unit.end(), measure)
        elif of:
            measure = _in_what_state(sentence, end + unit.end(), measure)
        return found(end + unit.end(), "%", category, measure)
    if spelled is None and (unit := _HYPHEN_UNIT.match(after)):
        name = unit.group("u")
        unit_name, category = _hyphen_unit(name)
        if category == "distance" and _converts(earlier, sentence, start, end + unit.end()):
            return None  # "a 15 km (9-mile) buffer zone"
        measure = _noun_phrase_after(sentence, end + unit.end()) or ""
        return found(end + unit.end(), unit_name, category, measure)
    if spelled is None and (unit := _AREA.match(after)):
        unit_name = "mi²" if "mi" in unit.group("u") else "ha" if "hect" in unit.group("u") else "km²"
        measure = _of_phrase(sentence, end + unit.end()) or _frame_measure(sentence, start) or "area"
        return found(end + unit.end(), unit_name, "territory", measure)
    if spelled is None and (unit := _DISTANCE.match(after)):
        if _converts(earlier, sentence, start, end + unit.end()):
            return None  # "15 km (9 miles)": the same distance in other units
        unit_name = "mi" if "mile" in unit.group("u") else "km"
        return found(end + unit.end(), unit_name, "distance", _distance_measure(sentence, start, end + unit.end()))
    if spelled is None and (unit := _POINTS.match(after)) and _PLAN_CONTEXT.search(sentence):
        measure = _noun_phrase_after(sentence, end + unit.end()) or _inherited(earlier, "points", sentence, start) \
            or "plan"
        return found(end + unit.end(), "points", "plan", measure)
    counted = _count_noun(sentence, end, value)
    if counted is not None:
        phrase_end, unit_name, category, measure = counted
        if unit_name == "people" and _is_reporting_source(sentence, start, phrase_end):
            return None  # "according to two people familiar with …", "the two people said"
        if unit_name == "regions" and measure == sentence[end:phrase_end].strip() \
                and _WHERE_BEFORE.search(_without_qualifier(sentence[:start])):
            return None  # "substations in six regions": where something happened, not territory held or asked
        loss = _LOSS_BEFORE.search(_without_qualifier(sentence[:start])) if unit_name in _PEOPLE_UNITS else None
        if loss is not None and not _CASUALTY_AFTER.search(measure):
            measure += " " + _LOSS_PARTICIPLE[loss.group("v")[:4].lower()]  # "killed 25 people" → "people killed"
        if unit_name in _PEOPLE_UNITS and _CASUALTY_AFTER.search(measure):
            category, unit_name = "casualties", _loss_unit(measure)
        if category == "strikes":
            measure = _strike_measure(sentence, start, measure)
        if unit_name == "countries" and not measure.replace("countries", "").strip():
            measure = _group_of(sentence, start) or measure
        framed = _frame(sentence, start) if " " not in measure else None
        if framed is not None:  # "cap Ukraine's armed forces at 800,000 personnel": what is capped
            measure, unit_name, category = framed
        return found(end, unit_name, category, measure)
    if spelled is not None:
        return None
    same = _same_as_before(earlier, sentence, end)
    if same is not None:
        before, measure = same
        return found(end, before.unit, before.category, measure)
    framed = _frame(sentence, start)
    if framed is not None:
        measure, unit_name, category = framed
        return found(end, unit_name, category, measure)
    previous = _list_continuation(earlier, sentence, start)
    if previous is not None:
        return found(end, previous.unit, previous.category, _continued_measure(previous.measure, sentence, end))
    return None


_PROJECTED = re.compile(r"\b(?:would|could|might|potentially|projected|forecast|expected to|likely to|set to"
                        r"|estimated to|on course to|on track to)\b")
"""Words that make a count of losses a projection, when its clause has them before it. (Other figures
under "would" are proposals — "would cap the army at 600,000" — and their measure says so.)"""


def _clause_start(sentence: str, start: int) -> int:
    """Where the clause holding ``sentence[start]`` begins: after the last ";", "—" or sentence start."""
    return max(sentence.rfind(mark, 0, start) for mark in (";", "—", ": ")) + 1


_MONTH_WORD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
               r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_WORD}\.?\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b")

_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION = re.compile(r"(?<![\w-])(?:(?P<count>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Nn]ine)[\s-]+)?"
                       r"(?P<den>half|thirds?|quarters?|fifths?|tenths?)(?=\s+of\s)")
"""A share in words: "two-thirds of Ukraine's financing needs", "about three-quarters of Donetsk", "the
roughly fifth of Donetsk it still controls", "half of the points"."""
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|final|latter|former|next|past|coming)"
                                 r"[\s-]+$", re.IGNORECASE)
_NOT_A_SHARE_AFTER = re.compile(rf"^\s+of\s+(?:the\s+|this\s+|next\s+|last\s+|a\s+)?(?:\d{{4}}\b|{_MONTH_WORD}"
                                r"|year|month|century|decade|season|time|it|them|us|those|these|all)\b")
"""A period ("the first half of 2026", "a quarter of a century"), or a share of nothing the sentence names."""
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "them"})
_CLAUSE_HOLDER = re.compile(r"(?P<who>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+(?:(?:still|now|already|currently)\s+)?"
                            r"(?P<verb>controls|holds|occupies)\b(?!.*\b(?:controls|holds|occupies)\b)")
"""Who holds a share of land, earlier in its clause when not right before it: "Russia controls nearly all of
Luhansk and about three-quarters of Donetsk"."""
_TIME_AFTER = re.compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|hours?\b|minutes?\b|seconds?\b"
                         r"|days?\b|weeks?\b|months?\b|years?\b|(?:st|nd|rd|th)\b|-year|-month|-week|-day|-hour))")


def _is_date_or_time(sentence: str, start: int, end: int) -> bool:
    """"Dec. 17", "17 December", "10:30", "3 p.m.", "3 hours ago", "17th", "four-year war": not figures."""
    return bool(_MONTH_BEFORE.search(sentence[max(0, start - 12):start]) or _MONTH_AFTER.match(sentence[end:])
                or _TIME_AFTER.match(sentence[end:]))


def _hyphen_unit(name: str) -> tuple[str, Category]:
    if name.startswith("square-mile"):
        return "mi²", "territory"
    if name.startswith("square"):
        return "km²", "territory"
    if name == "point":
        return "points", "plan"
    if name == "mile":
        return "mi", "distance"
    if name == "strong":
        return "troops", "troops"
    return "km", "distance"


_HOLDER = re.compile(
    r"(?P<who>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+(?:(?:still|now|already|currently|reportedly|effectively)\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?P<verb>gained|seized|captured"
    r"|occupied|occupies|controls|controlled|holds|held|taken|took|lost)\s+(?:(?:about|around|nearly|almost|some"
    r"|roughly|more than|less than|over|just over|just under)\s+)?$")
_HELD_AS = {"occupies": "occupied", "controls": "controlled", "holds": "held", "took": "taken"}
_CONTROL_TAIL = re.compile(
    r"^\s+(?P<t>(?:still\s+)?(?:under|in)\s+(?:[\w’'-]+\s+){0,3}?control|(?:held|occupied|controlled|seized"
    r"|captured)\s+by\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")
_TIME_TAIL_AFTER = re.compile(r"^\s+(?P<t>this year|last year|so far(?: this year)?|since [^,.;:—()]{2,40}?"
                              r"(?=[,.;:—()]|\s+at\b|$)|in (?:19|20)\d\d)")


def _whose_territory(sentence: str, start: int, unit_end: int, measure: str) -> str:
    """A share of territory says whose and since when, when the sentence does.

    "Russia has gained 0.77% of Ukrainian territory this year" → "Ukrainian territory gained by
    Russia this year"; "25 per cent of the Donbas region still under Kyiv’s control" → "Donbas
    region still under Kyiv’s control".
    """
    tail = sentence[unit_end:]
    words = measure.split()
    last = re.search(re.escape(words[-1]), tail) if words else None
    rest = tail[last.end():] if last and re.match(r"^\s+of\s", tail) else ""
    held = _CONTROL_TAIL.match(rest)
    if held:
        measure += " " + held.group("t")
        rest = rest[held.end():]
    else:
        holder = _HOLDER.search(sentence[:start]) or _CLAUSE_HOLDER.search(sentence[_clause_start(sentence, start):start])
        if holder:
            verb = holder.group("verb")
            measure += f" {_HELD_AS.get(verb, verb)} by {holder.group('who')}"
    when = _TIME_TAIL_AFTER.match(rest)
    if when:
        measure += " " + when.group("t")
    return measure


_WHERE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+$", re.IGNORECASE)
"""A preposition of place right before a count of regions that says nothing more ("power plants and substations
in six regions"): the regions are where the thing happened, not a figure of territory."""
_CASUALTY_AFTER = re.compile(r"\b(?:killed|wounded|injured|dead|died|casualties|deaths|missing|captured|lost)\b")
_CLAIMED_BY = re.compile(r"\s+(?:that\s+|which\s+)?(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?P<v>(?:still\s+)?"
                         r"(?:claims|claimed|holds|held|controls|controlled|occupies|occupied|annexed|seized"
                         r"|captured|took|has taken|has annexed))\b")
"""Whose places they are: "four regions Moscow claims", "the towns Russia occupied"."""
_CLAIMED_BY_PASSIVE = re.compile(r"\s+(?P<v>(?:still\s+)?(?:claimed|held|controlled|occupied|annexed|seized|captured"
                                 r"|taken))\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
                                 r"(?:\s+(?:forces|troops|army|government|authorities))?)")
"""Whose places they are, in the passive: "all four eastern Ukrainian regions claimed by the Kremlin"."""
_PEOPLE_UNITS = frozenset({"troops", "people", "civilians", "children"})
"""Units of people who may be counted among losses: such a count of the killed is in deaths, of the
killed and wounded (or lost) in casualties."""
_LOSS_BEFORE = re.compile(r"\b(?P<v>killed|killing|kills|kill|wounded|wounding|wounds|wound|injured|injuring"
                          r"|injures|injure|lost|losing|loses|lose)\s+$", re.IGNORECASE)
"""A verb of loss right before a count of people: "the strike killed 25 people", "Russia has lost 400,000 troops"."""
_LOSS_PARTICIPLE = {"kill": "killed", "woun": "wounded", "inju": "injured", "lost": "lost", "losi": "lost",
                    "lose": "lost"}


_STRIKE_VERB = re.compile(r"\b(?P<v>launched|launching|launches|launch|fired|firing|fires|fire|sent|sending|sends"
                          r"|send|used|using|uses|use|shot\s+down|shooting\s+down|downed|intercepted"
                          r"|intercepting|destroyed|destroying)\b", re.IGNORECASE)
_STRIKE_PARTICIPLE = {"laun": "launched", "fire": "fired", "firi": "fired", "sent": "launched", "send": "launched",
                      "used": "launched", "usin": "launched", "uses": "launched", "use": "launched",
                      "shot": "shot down", "shoo": "shot down", "down": "shot down", "inte": "intercepted",
                      "dest": "destroyed"}
"""A strike verb's participle, by the verb's first four letters (as :data:`_LOSS_PARTICIPLE`)."""
_OVERNIGHT = re.compile(r"\b(?:overnight|last night|during the night|in the night)\b", re.IGNORECASE)


def _strike_measure(sentence: str, start: int, measure: str) -> str:
    """What a count of drones or missiles measures: "drones launched overnight", "missiles shot down"; the verb
    is the nearest before the number in its clause ("Russia launched 410 drones and 38 missiles overnight")."""
    clause = sentence[_clause_start(sentence, start):start]
    verbs = list(_STRIKE_VERB.finditer(clause))
    if verbs:
        word = verbs[-1].group("v").lower()
        measure += " " + _STRIKE_PARTICIPLE[word[:4]]
    if _OVERNIGHT.search(sentence):
        measure += " overnight"
    return measure


def _loss_unit(measure: str) -> str:
    """"deaths" for a count of the killed only ("civilians killed"), else "casualties"."""
    if re.search(r"\b(?:killed|dead|died|deaths)\b", measure) \
            and not re.search(r"\b(?:wounded|injured|missing|captured|casualties|lost)\b", measure):
        return "deaths"
    return "casualties"


def _without_qualifier(head: str) -> str:
    qualifier = QUALIFIER_BEFORE.search(head)
    return head[:qualifier.start()] if qualifier else head


_SOURCE_AFTER = re.compile(r"^\s+(?:familiar with|briefed on|close to|with (?:direct )?knowledge of|who (?:spoke|asked"
                           r"|declined|requested|were not)|speaking on condition|(?:said|say|says|told|added"
                           r"|confirmed|described)\b)")


def _is_reporting_source(sentence: str, start: int, noun_end: int) -> bool:
    """"according to two people familiar with its contents", "the two people said": whom the report
    rests on, not what it is about."""
    return bool(_SOURCE_AFTER.match(sentence[noun_end:])) \
        or bool(re.search(r"\baccording to\s+(?:the\s+)?$", _without_qualifier(sentence[:start]), re.IGNORECASE))


_SAME_AS = re.compile(r"^\s+(?:figure|mark|level|ceiling|limit|cap|threshold|target)\b(?:\s+(?P<p>in|under|of|from)\s)?")


def _same_as_before(earlier: list[_Found], sentence: str, end: int) -> tuple[_Found, str] | None:
    """"… at 800,000 personnel, a ceiling above the 600,000 figure in the original U.S. plan": a bare
    number called a figure, level or ceiling counts what the figure before it in the sentence counts,
    in the place the words after it say."""
    match = _SAME_AS.match(sentence[end:])
    if match is None or not earlier or not earlier[-1].measure:
        return None
    previous = earlier[-1]
    if not match.group("p"):
        return previous, previous.measure
    where = _noun_phrase_after(sentence, end + match.end() - 1, skip_prepositions=False)
    return previous, f"{_TIME_TAIL.sub('', previous.measure)} {match.group('p')} {where}" if where \
        else previous.measure
_TERRITORY = re.compile(r"\b(?:territor\w*|land|region|regions|oblast\w*|area|Donbas|Crimea|Donetsk|Luhansk"
                        r"|Zaporizhzhia|Kherson|country|soil)\b", re.IGNORECASE)
_PARTICIPLES = re.compile(
    r"^(?:\s+(?:have|has|had)\s+been|\s+(?:were|was|are|is|being))?\s+(?P<p>(?:killed|wounded|injured|captured"
    r"|missing|displaced|exchanged|released|freed|deployed|stationed|mobilized|mobilised|deported|abducted"
    r"|evacuated|returned|swapped)(?:\s+(?:or|and)\s+(?:killed|wounded|injured|captured|missing))?)\b")


def _count_noun(sentence: str, end: int, value: float) -> tuple[int, str, Category, str] | None:
    """"1 million Russian troops have been killed or wounded" → ("casualties"…, "Russian troops killed or wounded")."""
    words = list(re.finditer(r"[\w’'-]+|[^\w\s]", sentence[end:end + 80]))
    modifiers: list[str] = []
    for word_match in words[:4]:
        word = word_match.group(0)
        lower = word.lower().strip("’'")
        if lower in _COUNT_NOUNS or (value == 1 and lower in _SINGULAR_COUNT):
            unit, category = _COUNT_NOUNS.get(lower) or _COUNT_NOUNS[_SINGULAR_COUNT[lower]]
            if lower == "states" and "member" not in modifiers and modifiers:
                return None
            if lower == "forces" and not modifiers:
                return None
            if lower == "men" and not modifiers:
                return None
            noun_end = end + word_match.end()
            phrase = " ".join([*modifiers, word])
            participle = _PARTICIPLES.match(sentence[noun_end:])
            if participle:
                phrase += " " + participle.group("p")
                if unit in {"troops", "people", "civilians", "children"} and _CASUALTY_AFTER.search(phrase):
                    category = "casualties"
                if unit == "prisoners" or "exchanged" in phrase or "swapped" in phrase:
                    category = "prisoners"
            elif unit == "prisoners" and re.search(r"\b(?:exchang|swap)", sentence):
                phrase += " exchanged" if not re.search(r"exchang|swap", phrase) else ""
            elif category == "territory" and (place := re.match(r"\s+in\s+(?=(?:the\s+)?[A-Z])", sentence[noun_end:])):
                where = _noun_phrase_after(sentence, noun_end + place.end() - 1, skip_prepositions=False)
                phrase += f" in {where}" if where else ""  # "two villages in the Zaporizhzhia region"
            elif category == "territory" and (whose := _CLAIMED_BY.match(sentence[noun_end:])):
                phrase += f" {whose.group('who')} {whose.group('v')}"  # "four regions Moscow claims"
            elif category == "territory" and (whose := _CLAIMED_BY_PASSIVE.match(sentence[noun_end:])):
                phrase += f" {whose.group('v')} by {whose.group('who')}"  # "regions claimed by the Kremlin"
            return noun_end, unit, category, phrase
        if not re.fullmatch(r"[\w’'-]+", word) or lower in _NOT_MODIFIER or lower.endswith("ly") \
                or lower in SPELLED_NUMBERS or word.isdigit():
            return None
        modifiers.append(word)
    return None


_FRAME = re.compile(
    r"\b(?P<verb>put|puts|putting|estimated?|estimates|estimating|capp?(?:ed|ing|s)?|limit(?:s|ed|ing)?"
    r"|set|sets|setting|reduce[sd]?|reducing|raise[sd]?|raising|increase[sd]?|increasing)\s+"
    r"(?P<x>[^,;:“”\"()]{3,80}?)\s+(?:at|to)\s+$")
_ARMY = re.compile(r"\b(?:army|armies|armed forces|military|troops|forces|soldiers|personnel|manpower)\b",
                   re.IGNORECASE)
_DEATHS = re.compile(r"\b(?:deaths|death toll|dead|killed|fatalities)\b", re.IGNORECASE)
_CASUALTIES = re.compile(r"\b(?:casualties|wounded|injured|losses)\b", re.IGNORECASE)
_PRISONERS = re.compile(r"\b(?:prisoners|POWs|captives)\b", re.IGNORECASE)
_SIZE_OF = re.compile(r"\b(?P<x>(?:an?\s+)?(?:army|force|military|troops?)(?:\s+\w+)?)\s+of\s+$", re.IGNORECASE)


_REACHED = re.compile(
    r"(?:^|[,;:—]\s*|\b(?:that|and|while|as)\s+)(?:the\s+|a\s+|an\s+)?(?P<x>[^,;:“”\"()—]{3,80}?)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:reached|hit|topped|exceeded|totall?ed|stood at|stands at|rose to|climbed to"
    r"|fell to|grew to)\s+$", re.IGNORECASE)
""""The count of Russian military deaths in 2025 reached N": the subject of the verb says what N counts."""


def _frame(sentence: str, start: int) -> tuple[str, str, Category] | None:
    """A unitless number given its meaning by the verb before it: "put X at N", "cap X at N", "X reached N",
    "an army of N"."""
    head = sentence[:start]
    qualifier = QUALIFIER_BEFORE.search(head)
    if qualifier:
        head = head[:qualifier.start()]
    match = _FRAME.search(head)
    reached = _REACHED.search(head) if match is None else None
    if match or reached:
        subject = match.group("x").strip() if match else reached.group("x").strip()  # type: ignore[union-attr]
        verb = match.group("verb").lower() if match else ""
        measure = f"{subject} cap" if verb.startswith(("cap", "limit")) else subject
        if _DEATHS.search(subject):
            return measure, "deaths", "casualties"
        if _CASUALTIES.search(subject):
            return measure, "casualties", "casualties"
        if _PRISONERS.search(subject):
            return measure, "prisoners", "prisoners"
        if _ARMY.search(subject):
            return measure, "troops", "troops"
        return None
    size = _SIZE_OF.search(head)
    if size:
        return size.group("x").strip(), "troops", "troops"
    return None


def _frame_measure(sentence: str, start: int) -> str | None:
    head = sentence[:start]
    qualifier = QUALIFIER_BEFORE.search(head)
    match = _FRAME.search(head[:qualifier.start()] if qualifier else head)
    return match.group("x").strip() if match else None


def _list_continuation(earlier: list[_Found], sentence: str, start: int) -> _Found | None:
    """"… at around 19,000, and 156,000 since …": a bare number right after a figure, joined by "and"/","."""
    if not earlier:
        return None
    previous = earlier[-1]
    between = sentence[previous.end:start]
    if re.fullmatch(r",?\s*(?:and|or|to|versus|vs\.?|compared with|against|(?:down |up )?from)?\s*"
                    r"(?:around|about|nearly|some|roughly|almost)?\s*", between):
        return previous
    return None


_TIME_TAIL = re.compile(r"\s+(?:in|during|since|by|as of|this|last)\s+.*$")
_OWN_TIME = re.compile(r"^\s+(?P<t>(?:in|during|since|by|as of)\s+[^,.;:—()]{2,60})")


def _continued_measure(measure: str, sentence: str, end: int) -> str:
    """The list's measure, its time span replaced by this number's own ("… since the invasion began")."""
    own = _OWN_TIME.match(sentence[end:])
    if not own:
        return measure
    return f"{_TIME_TAIL.sub('', measure)} {own.group('t').strip()}"


def _inherited(earlier: list[_Found], unit: str, sentence: str, start: int) -> str | None:
    for previous in reversed(earlier):
        if previous.unit == unit and previous.measure:
            return previous.measure
    return None


_PARTICIPLES_EN = frozenset({"seen", "given", "taken", "shown", "known", "held", "drawn", "written", "made",
                             "put", "set", "sent", "led", "brought", "built", "agreed", "won", "lost"})
_NP_STOP = frozenset("""
this that these those which who whom whose at since in on by for with to from still and or but while as was were
is are has have had will would could should can may might after before during under over into than if when where
because so yet its their his her amid across between against without within through toward towards until
according said says say support supports oppose opposes reject rejects want wants back backs believe believes
favour favours favor favors think thinks agree agrees fear fears trust trusts approve approves
""".split())
"""Words that end a noun phrase: function words, and the verbs of what people say or think ("60 per cent of
Ukrainians| reject …")."""


_CONTACT_VERB = re.compile(r"^(?P<name>(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?:(?:now|still|already|also|reportedly|has|have|had)\s+)?"
                           r"(?:[a-z]{3,}ed|has|had|have|will|would|could|can|must|may|might|wants|needs|says|claims"
                           r"|holds|controls|occupies|seeks|demands|expects|sought|sent|gave|promised|paid|won|lost"
                           r"|took|made|held|pledged|offered|proposed)\b")
"""The rest of its subject's name and the verb of a relative clause without "that": "the funds Kyiv| requested",
"the land Russia| now holds", "the aid President| Trump promised". Not a plural noun ("the Russian| forces"): a
word ending in "s" is a verb only when listed."""
_NOT_A_NOUN = frozenset("the a an all some any its their his her our this these those every each such of in for from "
                        "on at by with to".split())
"""Words before a proper noun that make it part of the noun phrase ("the Russian forces", "the population of the
Kharkiv Region"), not a clause's subject."""


def _begins_contact_clause(word: str, after: str) -> bool:
    """Whether ``word`` after a common noun begins the subject of a clause that describes that noun: "funds|
    Kyiv requested", "aid| the United States promised", not "the| Donbas region" or "talks| Monday"."""
    clause = _CONTACT_VERB.match(after)
    if clause is None:
        return False
    if word == "the":  # "the United States", "the Kremlin": a name must follow
        return bool(clause.group("name"))
    return bool(re.fullmatch(r"[A-Z][\w’'-]*", word)) and not re.search(r"[’']s$", word) \
        and not re.fullmatch(rf"{MONTH_NAME}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", word)


_CONVERTED = re.compile(r"\s*\(\s*(?:(?:about|some|roughly|around|nearly|almost|approximately)\s+)?")
"""What lies between a distance and the same distance in other units: "15 km (about| 9 miles)"."""


def _converts(earlier: list[_Found], sentence: str, start: int, unit_end: int) -> bool:
    """Whether the distance at ``start`` is the one just before it in other units, alone in parentheses: "15 km
    (9 miles)", "15 kilometres (about 9 miles)", not "12 km (7 km of it near Pokrovsk)"."""
    return bool(earlier) and earlier[-1].category == "distance" \
        and _CONVERTED.fullmatch(sentence[earlier[-1].end:start]) is not None \
        and re.match(r"\s*\)", sentence[unit_end:]) is not None


_DIMENSION = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?P<d>wide|long|deep)\b(?!\s+(?:inside|into|in|behind|within)\b)")
_DIMENSION_NOUN = {"wide": "width", "long": "length", "deep": "depth"}
_THING_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?P<n>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
                           r"(?:(?:is|was|are|were|runs|ran|stretches|stretched|measures|measured)\s+)?"
                           r"(?:(?:some|about|around|roughly|up\s+to|nearly|almost)\s+)?$", re.IGNORECASE)
"""The thing a distance measures, named before it: "a demilitarised strip| 15 km … wide", "the front line is| 1,200 km
long"."""
_NOT_A_THING = re.compile(r"\b(?:is|was|are|were|be|been|show|shows|showed|has|have|had)\b", re.IGNORECASE)


def _distance_measure(sentence: str, start: int, unit_end: int) -> str:
    """What a distance measures: the width (length, depth) of the thing named before it ("a demilitarised strip 15 km
    (9 miles) wide" → "width of demilitarised strip"), or after it ("a 40 km long convoy"), or the noun phrase after
    it, or "distance". "30 km deep inside Russia" says where, not how deep."""
    dimension = _DIMENSION.match(sentence[unit_end:])
    if dimension is not None:
        noun = _DIMENSION_NOUN[dimension.group("d")]
        after = _noun_phrase_after(sentence, unit_end + dimension.end())
        if after:  # "a 40 km long convoy"
            return f"{noun} of {after}"
        thing = _THING_BEFORE.search(sentence[:start])
        if thing and not _NOT_A_THING.search(thing.group("n")):
            return f"{noun} of {thing.group('n')}"
        return noun
    converted = re.match(r"\s*\([^()]{0,30}\)", sentence[unit_end:])  # "a 15 km (9-mile) buffer zone"
    return _noun_phrase_after(sentence, unit_end + (converted.end() if converted else 0), skip_prepositions=False) \
        or "distance"


def _noun_phrase_after(sentence: str, at: int, *, skip_prepositions: bool = True) -> str | None:
    """The noun phrase that follows ``sentence[:at]``: "28-point| outline seen as …" → "outline"."""
    rest = sentence[at:]
    if skip_prepositions:
        rest = re.sub(r"^\s+(?:of|in)\s+(?=\w)", " ", rest) if rest.lstrip().startswith("of ") else rest
    words: list[str] = []
    for match in re.finditer(r"[“”\"‘’]?[\w’'.-]+[“”\"‘’]?|[,.;:!?()—–]", rest):
        word = match.group(0)
        bare = word.strip("“”\"‘’")
        if not bare or not re.match(r"\w", bare) or bare.lower() in _NP_STOP or len(words) == 6:
            break
        acronym = re.fullmatch(r"(?:[A-Z]\.)+", bare)
        if words and bare.islower() and (bare.endswith("ed") or bare in _PARTICIPLES_EN):
            break  # "outline seen as favorable", "plan shaped by Ukraine": a clause begins
        if words and words[-1].islower() and words[-1] not in _NOT_A_NOUN and not words[-1].endswith(("ed", "en")) \
                and _begins_contact_clause(bare, rest[match.end():]):
            break  # "the funds Kyiv requested": Kyiv is who requested them, not part of what was counted
        if re.match(rf"\s+by\s+{re.escape(bare)}\b", rest[match.end():]):
            break  # "document line by line", "step by step": how, not what
        words.append(bare if acronym else bare.rstrip("."))
        if word.endswith(("”", '"', "’")) and not word.endswith(("’s", "'s")):
            break
        if bare.endswith(".") and not acronym:
            break
    return " ".join(words) if words else None


_STATE_AFTER = re.compile(r"^[^,;:.—()]{0,60}?\b(?:has|have|had|are|were|is|was)\s+(?P<not>not\s+)?"
                          r"(?:(?:now|already|yet|so far|largely|mostly)\s+)?(?:been\s+)?(?P<p>[a-z]{3,}ed|agreed|done)\b")
"""What a share's whole has become: "90 per cent of the issues between Washington and Kyiv had now been settled"."""


_ANOTHER_CLAUSE = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if",
                             "believe", "believes", "think", "thinks", "say", "says", "fear", "fears", "want", "wants",
                             "expect", "expects", "hope", "hopes", "oppose", "support", "supports", "reject", "rejects"})
"""Words after which the verb belongs to another clause or another subject than the share's whole."""


def _in_what_state(sentence: str, at: int, measure: str) -> str:
    """A share's measure with the state the sentence gives its whole: "issues" → "issues settled", for "90 per
    cent| of the issues … had now been settled" (90 per cent of the issues is not what was measured)."""
    state = _STATE_AFTER.match(sentence[at:])
    if state is None or state.group("p") in ("based", "limited", "concerned", "interested"):
        return measure
    between = re.findall(r"[\w’'-]+", sentence[at:at + state.start("p")].lower())
    if any(word in _ANOTHER_CLAUSE or word.endswith("ed") or word in SPEECH_VERBS for word in between):
        return measure  # "of voters said the plan was flawed", "of the weapons that Washington had promised were …"
    return f"{measure} {'not ' if state.group('not') else ''}{state.group('p')}"


def _of_phrase(sentence: str, at: int) -> str | None:
    """"25 per cent| of the Donbas region still under Kyiv’s control" → "the Donbas region"."""
    match = re.match(r"^\s+of\s+", sentence[at:])
    if not match:
        return None
    return _noun_phrase_after(sentence, at + match.end() - 1, skip_prepositions=False)


def _money_measure(sentence: str, start: int, end: int) -> str | None:
    """"$50 billion in military aid" → "military aid"; "a $2 billion loan" → "loan"; "a loan of up to €90
    billion for Ukraine" → "loan for Ukraine" (the sum of a loan, not of Ukraine); "worth $X" → the thing."""
    rate = re.match(r"^\s+(?:a|an|per|each|every)\s+(?P<u>year|month|week|day)\b", sentence[end:])
    if rate:  # "$40bn a year for its budget": a sum per year, of (or for) what follows
        what = _money_measure(sentence, start, end + rate.end())
        return f"{_clean_measure(what)} per {rate.group('u')}" if what else None
    price = _PRICE_PER.match(sentence[end:])
    if price:  # "gas slipped 2.4% to 27.9 euros per megawatt hour": the price of the gas, by the megawatt hour
        unit = " ".join(price.group("u").split())
        subject = _subject_of_change(sentence, start)
        return f"{subject} price per {unit}" if subject else f"price per {unit}"
    match = re.match(r"^\s+(?:in|of|on)\s+", sentence[end:])
    if match:
        return _noun_phrase_after(sentence, end + match.end() - 1, skip_prepositions=False)
    head = _sum_of(sentence[:start])
    if head:
        whom = re.match(r"^\s+(?:for|to)\s+(?P<w>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})", sentence[end:])
        return f"{head} for {whom.group('w').rstrip('.')}" if whom else head
    match = re.match(r"^\s+for\s+(?:(?:its|their|his|her|our)\s+)?", sentence[end:])
    if match and not _FOR_A_TIME.match(sentence, end + match.end()):
        beneficiary = _BENEFICIARY.match(sentence, end + match.end())
        if beneficiary is None:
            return _noun_phrase_after(sentence, end + match.end() - 1, skip_prepositions=False)
        funding = _funding_measure(sentence, start, end)
        if funding is not None and " to " in funding:
            return funding  # "lend Ukraine €90bn for its army": the loan's recipient is named already
        return f"{funding or 'funding'} for {beneficiary.group('w').rstrip('.')}"
    if _WHEN_AFTER.match(sentence[end:]):  # "Kyiv's budget gap is $45 billion next year"
        return _subject_of_change(sentence, start) or _funding_measure(sentence, start, end)
    return _noun_phrase_after(sentence, end, skip_prepositions=False) or _funding_measure(sentence, start, end)


_FUNDING_VERB = re.compile(
    r"\b(?P<v>rais(?:e|es|ed|ing)|borrow(?:s|ed|ing)?|lend(?:s|ing)?|lent|pledg(?:e|es|ed|ing)|provid(?:e|es|ed|ing)"
    r"|commit(?:s|ted|ting)?|allocat(?:e|es|ed|ing)|disburs(?:e|es|ed|ing)|releas(?:e|es|ed|ing)|unlock(?:s|ed|ing)?"
    r"|spen(?:d|ds|ding|t))(?P<whom>\s+(?:Ukraine|Kyiv|Kiev|Russia|Moscow|it|them))?\s+$", re.IGNORECASE)
_FUNDING_NOUN = {"rais": "funding raised", "borrow": "borrowing", "lend": "loan", "lent": "loan", "pledg": "pledge",
                 "provid": "funding", "commit": "funding committed", "allocat": "funding allocated",
                 "disburs": "disbursement", "releas": "funding released", "unlock": "funding unlocked",
                 "spen": "spending"}


def _funding_measure(sentence: str, start: int, end: int) -> str | None:
    """A sum a verb says what is done with: "agreed to raise €90bn through joint borrowing" → "funding raised
    through joint borrowing"; "to lend Ukraine €90bn over two years" → "loan to Ukraine"."""
    verb = _FUNDING_VERB.search(_without_qualifier(sentence[:start]))
    if verb is None:
        return None
    verb_word = verb.group("v").lower()
    noun = next(noun for stem, noun in _FUNDING_NOUN.items() if verb_word.startswith(stem))
    whom = (verb.group("whom") or "").strip()
    if whom and whom not in {"it", "them"}:
        return f"{noun} to {whom}"
    how = re.match(r"^\s+(?:through|via|by way of)\s+", sentence[end:])
    if how:
        means = _noun_phrase_after(sentence, end + how.end() - 1, skip_prepositions=False)
        if means:
            return f"{noun} through {_clean_measure(means)}"
    return noun


_FOR_A_TIME = re.compile(r"(?:(?:19|20)\d\d\b|(?:the\s+)?(?:next|coming|past|last)\s+|(?:a|one|two|three|four|five|six|"
                         r"\d+)\s+(?:more\s+)?(?:years?|months?|weeks?|days?)\b|this\s+(?:year|month|winter|summer))")
"""What "for" leads to after a sum when it says for how long, not for what: "€90bn for 2026 and 2027", "for two
years"."""
_BENEFICIARY = re.compile(r"(?P<w>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})(?![\w’'-])")
"""A name after "for" that receives a sum ("90 billion euros for Ukraine"): the sum is funding for it. Not a
name that owns what the sum is for ("for Ukraine's reconstruction")."""
_WHEN_AFTER = re.compile(r"^\s+(?:(?:next|this|last|a|per|each|every)\s+(?:year|month|week|day|quarter)|in\s+(?:19|20)\d\d"
                         r"|(?:19|20)\d\d\b|by\s+|until\s+|over\s+)")
"""A time after a sum says when, not what of."""


def _sum_of(head: str) -> str | None:
    """The thing a sum is the amount of, before it: "a loan of (up to)", "a military aid package worth"."""
    match = re.search(r"(?P<x>[\w’'-]+(?:\s+[\w’'-]+){0,3})\s+(?:worth|valued at|totalling|totaling|of)\s+$",
                      _without_qualifier(head))
    if match is None:
        return None
    kept: list[str] = []
    for word in reversed(match.group("x").split()):
        if word.lower() in _NP_STOP or word.lower() in {"a", "an", "the"}:
            break
        kept.insert(0, word)
    return " ".join(kept) or None


_CHANGE = re.compile(
    r"(?P<x>[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s+(?:has\s+|have\s+|had\s+)?(?:slowed|fell|rose|grew|dropped|declined"
    r"|increased|decreased|reached|climbed|hit|jumped|stood|stands|was|were|is|are|slipped|slid|edged\s+(?:up|down)"
    r"|eased|gained|traded|settled|closed|ended|sank|surged|soared|tumbled)\s+"
    r"(?:(?:by\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+)?(?:to\s+|at\s+|by\s+)?$")
_PRICE_PER = re.compile(r"^\s+(?:a|an|per)\s+(?P<u>barrel|tonne|ton|ounce|litre|liter|gallon|share|unit"
                        r"|(?:kilo|mega)watt[\s-]hours?|MWh|kWh|(?:thousand\s+)?cubic\s+met(?:re|er)s?)\b")
"""A price: a sum per unit of what is sold ("$63 a barrel", "27.9 euros per megawatt hour")."""
_HOLDING = re.compile(r"\b(?:occup\w+|control\w*|holds?|held|seized?|captured?|annexed?|gained?|lost)\b")


def _subject_of_change(sentence: str, start: int) -> str | None:
    """"Russia's GDP growth slowed to 1%" → "Russia's GDP growth"."""
    head = sentence[:start]
    qualifier = QUALIFIER_BEFORE.search(head)
    match = _CHANGE.search(head[:qualifier.start()] if qualifier else head)
    if match is None:
        return None
    words = match.group("x").split()
    while words and any(w.lower() in _NP_STOP for w in words):
        words = words[next(i for i, w in enumerate(words) if w.lower() in _NP_STOP) + 1:]
    return " ".join(words) or None


def _group_of(sentence: str, start: int) -> str | None:
    """"a “Coalition of the Willing” of more than 30 countries" → "countries in Coalition of the Willing"."""
    head = sentence[:start]
    qualifier = QUALIFIER_BEFORE.search(head)
    if qualifier:
        head = head[:qualifier.start()]
    match = re.search(r"[“\"]?(?P<name>[A-Z][\w’'-]*(?:\s+(?:of|the|for|and|[A-Z][\w’'-]*))*)[”\"]?\s+of\s+$", head)
    if match is None:
        return None
    return f"countries in {match.group('name').strip()}"


def _clean_measure(measure: str) -> str:
    measure = measure.strip(" ,.;:“”\"‘’")
    measure = re.sub(r"^(?:a|an|the|all|some|its|their|his|her|our)\s+", "", measure, flags=re.IGNORECASE)
    return measure
