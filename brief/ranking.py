"""How strong an excerpt is on its own, and how much a brief's window and its source's grade add.

The strength is what the excerpt is, whatever brief it serves: the strength of
its topic and section cues, its place in the article (leads first), how much
it says (:func:`substance_shortfall`), and penalties for passages that cannot
stand alone (a leading "He"/"This"/"However", a quotation that does not say who
spoke, a question, very long). It is computed once, at ingest,
and kept in the index, so a brief can ask the index for its strongest
candidates. The recency bonus depends on the window and is added at assembly;
it is never more than :data:`MAX_RECENCY_BONUS`. So is the small bonus for a
source's reliability grade (:data:`GRADE_BONUS`), which an analyst may change
in ``sources.yaml`` at any time without re-tagging anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from brief.antecedents import (
    IT_NAMES_NOTHING,
    OPENING_PHRASE,
    asks_of_what_came_before,
    counts_whom_it_does_not_name,
    illustrates_what_came_before,
    points_at_what_came_before,
    refers_to_an_unnamed_event,
    refers_to_someone_unnamed,
)
from brief.dates import leading_dateline
from brief.excerpts import Excerpt
from brief.parties import PARTY_WORDS
from brief.reader_address import asks_without_saying, notes_own_reporting, talks_to_reader
from brief.recipe import Window
from brief.segmentation import sentence_bounds
from brief.speakers import SPEECH_VERB, SPEECH_VERBS
from brief.stopwords import CONTENT_STOPWORDS
from brief.timeline import Event, extract_events
from brief.transcripts import guest_words, programme_lead_in

MAX_RECENCY_BONUS = 1.0
FULL_SENTENCE_WORDS = 12
"""Content words (:func:`content_words`) at which a passage says a full sentence's worth (the median
passage has 14). One with fewer loses :data:`SUBSTANCE_WEIGHT` / 12 of rank for each word it lacks."""
SUBSTANCE_WEIGHT = 1.5
"""Rank lost by a passage with no content word at all. Why graded: a brief's sections have few places,
and a passage that says little takes one as surely as a passage that says much. A 9-word passage (5–7
content words) loses 0.6–0.9, near the flat 1.0 that passages under 10 words lost before; a 15-word
one with 8 content words, which lost nothing before, now loses 0.5."""
GRADE_BONUS = {"A": 0.3, "B": 0.2, "C": 0.1}
"""Rank added for the reliability grade (Admiralty scale) an analyst gave the excerpt's source: A
completely, B usually, C fairly reliable. A preference between passages of about equal strength only:
a fifth of what a second independent source adds (1.5), less than one item already taken from the same
source costs (0.35). D (not usually reliable), E (unreliable), F (cannot be judged) and ungraded sources
add nothing and lose nothing, so a grade never keeps a source out of a brief."""

_DANGLING_START = re.compile(
    rf"^[\"“‘']?{OPENING_PHRASE}"  # "For Kyiv, the answer has been no."
    r"(he|she|they|his|her|its|their|i|we|my|our|this|that|these|those|such|but|and|however|conversely"
    r"|the\s+(?:first|second|third|fourth|fifth|last|final|other|next|latter|former)\s+(?:is|was|are|were)"
    r"|the\s+answer"
    r"|furthermore|moreover|yet|so(?!\s+far\b)|also|alternatively|instead|still|meanwhile|then"
    r"|there(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|can|must|should|seems?|appears?"
    r"|remains?)\b)"
    rf"|it(?!\s+(?:{IT_NAMES_NOTHING}))"
    r"|(?:despite|without|because of|given|after|before|beyond|unlike|like) (?:this|that|these|those|it|them))\b",
    re.IGNORECASE)
"""An opening that leans on what came before: a pronoun (not the "it" of "it has been a year since",
"it is unclear whether"), the first person of an interview ("I think …"), a connective (not the "so" of "So
far, …", which leans on nothing)."""
_DANGLING_SUBJECT = re.compile(
    r"^(?:If|When|While|As|Although|Though|After|Before|Unless|Once|Since|Because|Despite|Until)\b[^,;:.]{3,120},"
    r"\s+(?:he|she|they|his|her|their)\b")
"""A sentence whose subject is a pronoun after an opening clause: "If Kyiv refuses talks, he vowed …"."""
_BACK_REFERENCE = re.compile(
    r"\b(?:this|these|those|such)\s+(?:(?:still|also)\s+)?(?:could|would|will|may|might|can|must|should|is|are|was"
    r"|were|has|have|had|means|makes)\b",
    re.IGNORECASE)
"""A pronoun standing for something said before the passage: it reads poorly on its own."""


_STOPWORDS = CONTENT_STOPWORDS
_WORD = re.compile(r"[a-z0-9]+(?:[’'][a-z]+)?")


def content_words(text: str) -> frozenset[str]:
    """The distinct words of ``text`` that carry content: lower-cased, three letters or more, no function words."""
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOPWORDS)


_SAME_THING = {"ceasefire": "cease-fire", "truce": "cease-fire", "donbass": "donbas",
               "immobilised": "frozen", "immobilized": "frozen", "lend": "loan", "lending": "loan", "lent": "loan"}
"""Spellings and synonyms of one thing in the talks' reporting."""
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def _comparable(word: str) -> str:
    party = PARTY_WORDS.get(word)
    return party.lower() if party else _SAME_THING.get(word) or _stem(word)


def comparable_words(text: str) -> frozenset[str]:
    """:func:`content_words` reduced so that two wordings of one statement meet: each word's stem
    (Snowball: "recognized", "recognizing" → "recogn") and a party for its capital or adjective
    ("Moscow", "the Kremlin", "Russian" → "russia")."""
    return frozenset(_comparable(word) for word in content_words(text))


def word_stems(words: Iterable[str]) -> frozenset[str]:
    """The Snowball stem of each of ``words`` (lower-cased): "studied", "studying" → "studi"."""
    return frozenset(_stem(word) for word in words)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def substance_shortfall(text: str) -> float:
    """Rank a passage loses for saying little: :data:`SUBSTANCE_WEIGHT` times its share of the
    :data:`FULL_SENTENCE_WORDS` content words it lacks (0 from a full sentence's worth on)."""
    missing = max(FULL_SENTENCE_WORDS - len(content_words(text)), 0)
    return SUBSTANCE_WEIGHT * missing / FULL_SENTENCE_WORDS


LEANING_PENALTY = 1.5
"""Rank lost by a passage that cannot be read alone (:func:`leans_on_what_came_before`)."""
LEAD_IN_WORDS = 8
"""A passage's first sentence of at most this many words that only leads in ("That remaining gap
is wide.", "Despite this, a resolution remains theoretically possible.") is left out of the brief
when the sentences after it read on their own."""


_LEADING_QUOTATION = re.compile(r'“[^“”]*(?:”|$)|"[^"]*(?:"|$)')
"""A quotation the passage opens with, in curly or straight double quotes; an unclosed one runs to the end."""
_QUOTATION = re.compile(r'“[^“”]*(?:”|$)|(?<![\w"])"[^"]*(?:"|$)')
_PRONOUNS_BEFORE = frozenset({"he", "she", "they", "one", "i", "we"})
_PRONOUNS_AFTER = frozenset({"he", "she", "they"})
"""A speech verb's subject that names nobody: "he said", "one said", "said she" (but "said one official")."""
_UNNAMED_ROLE = (r"(?P<role>official|diplomat|source|aide|adviser|advisor|negotiator|person|officer|spokesman"
                 r"|spokeswoman|spokesperson|lawmaker|envoy|analyst)s?")
_THE_ROLE_BEFORE = re.compile(r"(?<=[”\"])(,?\s+)[Tt]he\s+(?:[\w.’'-]+\s+){0,2}?" + _UNNAMED_ROLE
                              + r"\s+(?=" + SPEECH_VERB + r"\b)")
_THE_ROLE_AFTER = re.compile(r"\b(" + SPEECH_VERB + r")\s+the\s+(?:[\w.’'-]+\s+){0,2}?" + _UNNAMED_ROLE
                             + r"\b(?!,?\s+[A-Z])")
"""A speech verb whose subject is "the official": someone the article named or described before ("An American
official told reporters …"), which the passage does not say. Not "“…,” Dmitry Peskov, the Kremlin spokesman, said"
nor "said the official, Yuri Ushakov": those name the speaker."""


def speaker_is_the_role(text: str) -> str | None:
    """The role ("official", "diplomat") of a speaker the passage calls only "the official", or None."""
    found = _THE_ROLE_BEFORE.search(text) or _THE_ROLE_AFTER.search(text)
    return found.group("role") if found else None


def introduces_the_role(text: str, role: str) -> bool:
    """Whether ``text`` introduces someone by ``role`` ("An American official told reporters …"), whom a
    passage after it may call "the official"."""
    return re.search(rf"\b(?:an?|one|another)\s+(?:[\w.’'-]+\s+){{0,3}}?{re.escape(role)}s?\b", text,
                     re.IGNORECASE) is not None


_WORDS = re.compile(r"[a-z]+")


def _words_outside_quotations(text: str) -> list[str]:
    """The words of ``text`` that are not inside double quotation marks, lower-cased, in order."""
    return _WORDS.findall(_QUOTATION.sub(" ", text).lower())


def quotes_nobody(text: str) -> bool:
    """Whether a passage opens with a quotation and does not say who spoke.

    No speech verb outside the quotation marks (“The test is whether Putin accepts …” — the
    speaker was named in the sentence before; "The Americans want a quick result … — the
    quotation runs on into the next passage, which says "one said"), or only ones whose subject
    is a pronoun ("“…,” he said.") or a role the article gave someone before ("“…,” the official
    said."). A brief that shows such a passage shows words without
    their speaker. Single quotation marks are left aside: they are also apostrophes.
    """
    if not _LEADING_QUOTATION.match(text):
        return False
    text = _THE_ROLE_AFTER.sub(r"\1 he", _THE_ROLE_BEFORE.sub(r"\1he ", text))  # "the official" is a "he"
    outside = _words_outside_quotations(text)
    spoken = [index for index, word in enumerate(outside) if word in SPEECH_VERBS]
    return all((index > 0 and outside[index - 1] in _PRONOUNS_BEFORE)
               or (index + 1 < len(outside) and outside[index + 1] in _PRONOUNS_AFTER) for index in spoken)


ATTRIBUTION_WORDS = 8
"""At most this many words outside its quotation marks leave a passage a quotation and who said it."""


def only_quotes(text: str) -> bool:
    """Whether a passage is a quotation and its attribution, no more: "“Any mechanized units … will be killed
    immediately,” he said." It illustrates what the sentence before it says, and serves that sentence's section:
    its own words ("will be killed") are the speaker's, not the article's finding."""
    opening = _LEADING_QUOTATION.match(text)
    # what is quoted is said in full (“…,” / “….”), not a phrase the article goes on to use ("“Kill zone” tactics")
    if not opening or not opening.group(0).rstrip("”\"").endswith((",", ".", "!", "?", "…")):
        return False
    outside = _words_outside_quotations(text)
    return len(outside) <= ATTRIBUTION_WORDS and any(word in SPEECH_VERBS for word in outside)


def standalone_text(text: str, *, opens_article: bool = True) -> str:
    """What a brief shows of a passage: the passage, less a leading dateline (:func:`leading_dateline`; a
    name in capitals and a colon is one only in the paragraph that ``opens_article``, elsewhere a transcript's
    speaker), less a programme voice's label and courtesy in a transcript ("ANCHOR: Good evening. ",
    :func:`~brief.transcripts.programme_lead_in`) and less a short leading sentence that leans on what came
    before it (:data:`LEAD_IN_WORDS`) when the rest stands alone. Always the end of the passage, verbatim, so ``brief verify`` finds it."""
    lead_in = programme_lead_in(text)  # first: "ANCHOR: " opening the article is a speaker, not a dateline
    dateline = None if lead_in else leading_dateline(text, opens_article=opens_article)
    text = text[lead_in or (dateline.end() if dateline else 0):]
    if not (_DANGLING_START.match(text) or _short_lead_in_ends_on_pronoun(text)):
        return text
    sentences = sentence_bounds(text, 0, len(text))
    if len(sentences) < 2 or len(text[: sentences[0][1]].split()) > LEAD_IN_WORDS:
        return text
    rest = text[sentences[1][0]:]
    return text if _DANGLING_START.match(rest) or _BACK_REFERENCE.search(rest) else rest


_ENDS_ON_PRONOUN = re.compile(r"\b(?:it|them|this|that)\s*[.!]\s*$", re.IGNORECASE)
_PRONOUN_THEN_STOP = re.compile(r"\b(?:it|them|this|that)\s*[.!]\s", re.IGNORECASE)
PRONOUN_LEAD_IN_WORDS = 6
"""A first sentence of at most this many words, one clause, ending on a pronoun ("Russia will test it.")."""


def _short_lead_in_ends_on_pronoun(text: str) -> bool:
    """Whether ``text`` opens on a short sentence of one clause whose object is a pronoun ("Russia will test
    it."): what "it" is, the passage does not say. "Kyiv wants a ceasefire, but Moscow rejects it." says."""
    if not _PRONOUN_THEN_STOP.search(text):
        return False  # most passages: no need to find their sentences
    sentences = sentence_bounds(text, 0, len(text))
    if len(sentences) < 2:
        return False
    first = text[sentences[0][0]:sentences[0][1]]
    return len(first.split()) <= PRONOUN_LEAD_IN_WORDS and not re.search(r"[,;:]|\b(?:and|but|or)\b", first) \
        and bool(_ENDS_ON_PRONOUN.search(first))


def shown_text(excerpt: Excerpt) -> str:
    """What a brief shows of ``excerpt``: its :func:`standalone_text`, or all of a passage the analyst marked."""
    return excerpt.text if excerpt.origin == "analyst" else standalone_text(excerpt.text,
                                                                            opens_article=excerpt.paragraph <= 0)


@lru_cache(maxsize=4096)
def shown_events(excerpt: Excerpt) -> tuple[Event, ...]:
    """The dated events of what a brief shows of ``excerpt`` (:func:`shown_text`), read against its publication
    date (:func:`brief.timeline.extract_events`). Kept: assembly's repeat test and the announcements' check for
    a later report of their meeting (:mod:`brief.schedules`) read the same passages."""
    return tuple(extract_events(shown_text(excerpt), excerpt.source_id, excerpt.published))


def leans_on_what_came_before(text: str, *, first_person: bool = True) -> bool:
    """Whether a passage cannot be read alone: it opens on a pronoun or a connective ("That is why …",
    "But it has also …"), its subject is a pronoun after an opening clause ("If Kyiv refuses talks, he
    vowed …"), it is a quotation that does not say who spoke ("“…,” he said."), or further in it has a
    "he" or "his" that nobody it names can be, a "this" with no noun after it, or "the meeting" or a "later"
    that do not say which or after what (:mod:`brief.antecedents`).

    So does one that opens on a short sentence ending on "it", "them", "this" or "that" ("Russia will test
    it.").
    A passage that says nothing on its own reads no better: one in which the page talks to its reader
    ("Good morning. Here is what you need to know …", an interview's "We asked her …", a question of a "that" it
    does not name: "Does that change the picture?"), one that notes what
    the newsroom could not find out ("Larkspur Wire could not establish what the draft says …") or one that opens
    on a watch-list question ("Whether Putin answers … or lets the matter drift into January.",
    :mod:`brief.reader_address`).

    A guest's turn in a transcript is judged after its label: "DANIEL FERREIRA (analyst): It buys Kyiv two
    years of financing …" does not say what "it" is.

    ``first_person=False`` leaves aside an opening in the first person: an interview's answer ("I think
    there is a chance of a ceasefire by the summer") is the words of the person the article is about.
    """
    text = guest_words(text)  # "DANIEL FERREIRA (analyst): It buys Kyiv …": what is "it"?
    opening = _DANGLING_START.match(text)
    if opening and not first_person and opening.group(1).lower() in ("i", "we", "my", "our"):
        opening = None
    return bool(opening or _DANGLING_SUBJECT.match(text)) or quotes_nobody(text) \
        or refers_to_someone_unnamed(text) or points_at_what_came_before(text) or refers_to_an_unnamed_event(text) \
        or counts_whom_it_does_not_name(text) or talks_to_reader(text) or asks_without_saying(text) \
        or notes_own_reporting(text) or _short_lead_in_ends_on_pronoun(text) or asks_of_what_came_before(text) \
        or illustrates_what_came_before(text)


_OPENING_CONNECTIVE = re.compile(r"^(?:yet|but|however|still|and|moreover|furthermore),?\s+(?=\S)", re.IGNORECASE)
"""A connective that only adds to or sets against what came before, not one that says what ("instead", "then")."""


def leans_only_on_its_connective(text: str) -> bool:
    """Whether ``text`` leans on what came before only by the connective it opens on: "Yet the center of gravity
    in U.S. pressure has largely sat on Zelensky’s side of the table: move toward a deal now, then fill in
    security guarantees later." says all it says without "Yet". "But it has also looped back on itself" does
    not: what is "it"?"""
    opening = _OPENING_CONNECTIVE.match(text)
    if opening is None:
        return False
    rest = text[opening.end():]
    return not leans_on_what_came_before(rest[:1].upper() + rest[1:], first_person=False)


def static_strength(excerpt: Excerpt) -> float:
    """The excerpt's rank before recency: cues, place in the article, how much it says, whether it
    stands alone; all judged on what a brief would show of it (:func:`shown_text`)."""
    text = shown_text(excerpt)
    score = min(excerpt.topic_score, 8.0) * 0.25 + min(excerpt.section_score, 6.0) * 0.3
    if excerpt.paragraph >= 0:
        score += 1.2 / (1 + excerpt.paragraph) + (0.3 if excerpt.position == 0 else 0.0)
    words = len(text.split())
    if leans_on_what_came_before(text):
        score -= LEANING_PENALTY
    elif _BACK_REFERENCE.search(text):
        score -= 1.0
    score -= substance_shortfall(text)
    if words > 55:
        score -= 0.5 + (words - 55) / 20
    if text.rstrip("”\"’' ").endswith("?"):
        score -= 2.0
    if excerpt.origin == "analyst":
        score += 3.0
    return score


def recency_terms(window: Window, newest: dt.date | None) -> tuple[dt.date, float, float] | None:
    """(reference date, span in days, factor) of the bonus, or None when there is no reference date."""
    reference = window.end or newest
    if reference is None:
        return None
    span = max((window.end - window.start).days + 1, 7) if window.start and window.end else 180
    return reference, float(span), 1.0 if window.start else 0.5


def recency_bonus(excerpt: Excerpt, window: Window, newest: dt.date | None) -> float:
    """Up to 1 for the newest excerpts of a dated window, by the day they tell of (:attr:`Excerpt.told`); half as
    much in a whole-corpus brief."""
    terms = recency_terms(window, newest)
    if not (excerpt.published and terms):
        return 0.0
    reference, span, factor = terms
    age = max((reference - (excerpt.told or excerpt.published)).days, 0)
    return max(0.0, 1.0 - age / span) * factor


def grade_bonus(grade: object) -> float:
    """:data:`GRADE_BONUS` for a grade ("A"–"F"), 0 for any other grade and for none."""
    return GRADE_BONUS.get(grade, 0.0) if isinstance(grade, str) else 0.0
