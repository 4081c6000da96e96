"""Whether a passage of one source makes the claim another source's passage makes, in other words.

Near-duplicates (the same sentence, lightly edited) are merged by their shared words
(:func:`brief.same_claim.similar_words`). A paraphrase shares too few words for that, and shared words
alone cannot tell one claim from another: "the Kremlin's five-hour meeting" and "the
Chancellery's five-hour meeting" share most of theirs. So a paraphrase is recognised by the claim
it makes, read narrowly:

- a **position**: a party (:data:`brief.parties.PARTY_WORDS`, or its head of state: "Putin wants …" is
  Russia's demand) or a person named in full demands, insists on, wants, seeks or calls for
  something (:data:`_POSITION_VERB`), asserted (no "not", "no longer", modal or question), in the
  same tense, with at least :data:`SHARED_WORDS` specific words in common in what is demanded
  (word stems, party names aside: "Russia demands that Ukraine withdraw from parts of Donbas …; it
  also wants permanent limits on Ukraine's armed forces and a veto on Kyiv's NATO ambitions" and
  "Russia, conversely, demands that Ukraine cede its eastern Donbas region, limit its military
  capabilities, and abandon aspirations of joining NATO" share Donbas, limits and NATO; words that ask one
  thing count as one, :data:`_ONE_ASK`: "cede", "relinquish", "withdraw from"; "territory", "region"); a
  party's red line is one too ("For Ukraine, ceding unoccupied territory is a red line", "ceding territory
  is … one of Ukraine's primary “red lines”", :func:`_red_lines_in`); and so is an accusation, one person's or
  party's against another party ("Putin instead cast Europe as the spoiler, accusing EU leaders … of derailing
  …" and "President Putin using a separate public address … to accuse European officials of …",
  :func:`_accusations_in`), whatever it blames them for, if the articles are at most :data:`MAX_DAYS_APART`
  days apart (both dated): an accusation is made on an occasion, and one reported weeks later is another
  (Putin blaming EU leaders for derailing the Alaska understanding, told after 18 December, is not his address
  of 2 December);
- or a claim of the contradiction finder (:mod:`brief.contradictions`: accept, reject, meet,
  an outcome of talks …) on the same matter with the same polarity;
- or the same outcome of talks of the same length, reported within :data:`MAX_DAYS_APART` days:
  "High-level, five-hour talks … ended with the Kremlin confirming “no compromise” was reached"
  and "The discussions, which lasted five hours, ended without any breakthrough" (the length says
  which talks where neither names a place, a person or a day).

The claim must be what each passage is about: in the first sentence of the passage that joins
another item, a passage of at most :data:`MAX_JOINING_SENTENCES` sentences that states no other
party's position (so nothing else it says is lost from the brief: "Ukraine demands …, while Russia
insists on …" stays an item of its own), and in the first two sentences of the item it joins. An
item's sources carry the claim it leads with, not necessarily each of its details; but a position joins
an item only if the item states no other party's (a source that gives Russia's demand alone is not cited
for "Ukraine demands …, while Russia insists on …").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from brief.contradictions import (
    ADVERBS,
    FUTURE,
    GROUP_NOUNS,
    MODALS,
    NEGATORS,
    Claim,
    Statement,
    claims_in,
    dated_days_apart,
    same_matter,
)
from brief.figures import SPELLED_NUMBERS
from brief.parties import PARTY_WORDS, names_head_of_state
from brief.ranking import comparable_words
from brief.segmentation import sentence_bounds
from brief.speakers import is_name_word

SHARED_WORDS = 3
"""Specific words (stems) two positions must have in common in what they demand."""
MAX_JOINING_SENTENCES = 2
"""The longest passage (in sentences) that may join another source's item as its corroboration."""
MAX_SUBJECT_WORDS = 4
"""The longest subject read as a position's holder ("Russia", "the Kremlin", "Russia's negotiators")."""

_POSITION_VERB = re.compile(
    r"\b(?:(?P<present>demands?|insists?\s+(?:on|that)|wants?|seeks?|calls?\s+for|continues?\s+to\s+(?:demand"
    r"|insist\s+(?:on|that)|want|seek|call\s+for)|(?:is|are)\s+(?:demanding|insisting\s+on|seeking|calling\s+for))"
    r"|(?P<past>demanded|insisted\s+(?:on|that)|wanted|sought|called\s+for))\b", re.IGNORECASE)
"""Verbs that state a party's position, present or past."""
_CLAUSE_START = re.compile(r"(?:[;:—–(]|,\s*(?:and|but|while|whereas)\b|\b(?:while|whereas|but|as|since|"
                           r"because|although|though|that|which|who)\b)", re.IGNORECASE)
_ASKED_UNTIL = re.compile(r"[;:—–]|,\s*(?:and|but)\b|\b(?:while|whereas|versus)\b", re.IGNORECASE)
"""Where what a position asks may end: a new clause, if it has a subject of its own (:func:`_what_is_asked`)."""
_PARENTHETICAL = re.compile(r",\s*[^,]{1,25}?,")
"""A short aside between commas ("Russia, conversely, demands"), read past."""
_HOLDERS = GROUP_NOUNS | {"president", "leader"}
"""Heads of a subject that speak for the party a word before them names ("Russia's negotiators")."""
_NOT_ASSERTED = MODALS | FUTURE | NEGATORS | {"no", "longer", "if", "unless", "whether"}
_LEADING = ADVERBS | {"the", "long"}
"""Words between a subject's start and its verb that do not change whose position it is ("the Kremlin still")."""
_COMMON = frozenset(comparable_words("""war peace talks negotiations deal agreement plan proposal side sides
part any all future current currently""")) | {"russia", "ukraine", "u.s.", "europe"}
"""Stems too common in the talks' reporting to tell one demand from another, and the parties to the talks (who are
named in most demands: "Russia demands that Ukraine …"); NATO, which is not at the table, is what a demand is about."""
_ONE_ASK = {stem: group[0] for group in (
    ("cede", "relinquish", "surrend", "withdraw", "leav", "pull"),
    ("territori", "region", "area", "land"),
) for stem in group}
"""Stems that ask one thing in a demand, counted as one: "cede its eastern Donbas region", "relinquish territories
… the remaining Donbas areas", "withdraw from parts of Donbas", "Ukrainian forces leave the whole of the Donetsk
region", "pull its forces out of … Donetsk" (not "give" or "hand", which give guarantees and aid as often)."""


@dataclass(frozen=True)
class Position:
    """A party's (or person's) stated position: who holds it, its tense and what it asks for; or whom it
    accuses."""

    holder: str
    past: bool
    asks: frozenset[str]
    """Specific word stems of what is demanded (:data:`_COMMON` words left out)."""
    accused: str | None = None
    """For an accusation (:func:`_accusations_in`), the party it blames; then ``asks`` is empty."""
    reported: dt.date | None = None
    """For an accusation, the date of the article that reports it (:func:`passage_claims` sets it)."""


def same_position(a: Position, b: Position) -> bool:
    """Whether two positions are one claim: the same holder blaming the same party, reported at most
    :data:`MAX_DAYS_APART` days apart; or the same holder in the same tense asking for the same thing
    (:data:`SHARED_WORDS` specific words in common)."""
    if a.holder != b.holder:
        return False
    if a.accused is not None or b.accused is not None:
        return a.accused == b.accused and dated_days_apart(a.reported, b.reported)
    return a.past == b.past and len(a.asks & b.asks) >= SHARED_WORDS


def positions_in(sentence: str) -> list[Position]:
    """The positions a sentence states (see the module's docstring)."""
    return list(_positions_in(sentence))


@lru_cache(maxsize=4096)
def _positions_in(sentence: str) -> tuple[Position, ...]:
    stripped = sentence.strip()
    if stripped.rstrip("”\"’') ").endswith("?") or re.match(r"(?:if|unless|whether)\b", stripped, re.IGNORECASE):
        return ()
    found = []
    for match in _POSITION_VERB.finditer(sentence):
        holder = _holder(sentence[:match.start()])
        if holder is None:
            continue
        asks = frozenset(_ONE_ASK.get(word, word) for word in comparable_words(_what_is_asked(sentence[match.end():])))
        asks -= _COMMON
        found.append(Position(holder, match.group("past") is not None, asks))
    found.extend(_red_lines_in(sentence))
    found.extend(_accusations_in(sentence))
    return tuple(found)


_ACCUSES = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|cast(?:s|ing)?)\s+(?:the\s+)?(?P<party>[\w.’'-]+)", re.IGNORECASE)
"""A verb of blame and the word after it, which names the party blamed: "accusing EU leaders of …", "to accuse
European officials of …", "blamed Kyiv for …", "cast Europe as the spoiler"."""
_ACCUSATION_ENDS = {"accu": "of", "blam": "for", "cast": "as"}
"""The word that must follow the blamed party (and a group noun or a few words) for each verb: "cast" blames
only as "cast … as the spoiler", not "cast doubt"."""
_CAST_AS = re.compile(r"^\s*as\s+(?:the|a|an)\s+(?:main\s+|chief\s+|real\s+)?(?:spoiler|obstacle|culprit|"
                      r"aggressor|villain|saboteur)s?\b", re.IGNORECASE)
_ASIDE = re.compile(r"\s*[—–(][^—–()]{1,100}[—–)]\s*")
"""An aside between dashes or in brackets ("—just before his meeting with the U.S. envoys—"), read past."""


def _accusations_in(sentence: str) -> list[Position]:
    """The accusations ``sentence`` reports, as positions of the accuser against the party blamed: "Putin instead
    cast Europe as the spoiler, accusing EU leaders … of derailing …" and "…, with President Putin using a
    separate public address …—to accuse European officials of “preventing the US administration from
    achieving peace”" are both Putin's against Europe. The party blamed is the word right after the verb (with
    a group noun: "EU leaders"), followed by "of" (accuse), "for" (blame) or "as the spoiler" (cast). The
    accuser is who the verb's clause names before it ("…, while Moscow blames Europe"), or else the sentence
    ("Putin instead cast Europe as the spoiler, accusing …"), asides read past: one person (by surname) or one
    party, not the party blamed. An accusation not asserted ("did not blame", "could accuse", "if …") is none, nor
    one whose accuser is unclear (two names before the verb: "Zelensky said Russia blamed Europe")."""
    found: list[Position] = []
    for match in _ACCUSES.finditer(sentence):
        accused = PARTY_WORDS.get(re.sub(r"[’']s?$", "", match.group("party").lower()))
        verb = match.group(0)[:4].lower()
        if accused is None or not _blames(verb, sentence[match.end("party"):]):
            continue
        before = _ASIDE.sub(" ", sentence[:match.start()])
        words = before.split()
        if _NOT_ASSERTED & {w.lower().strip(",") for w in words[-3:]} or (
                words and words[0].lower().strip(",") in {"if", "unless", "whether"}):
            continue
        clause = before[max([0, *(m.end() for m in _ASKED_UNTIL.finditer(before))]):]
        accusers = {accuser for accuser in _names_and_parties(clause.split()) if accuser != accused} \
            or {accuser for accuser in _names_and_parties(words) if accuser != accused}
        if len(accusers) == 1:
            found.append(Position(accusers.pop(), False, frozenset(), accused))
    return list(dict.fromkeys(found))


def _blames(verb: str, after: str) -> bool:
    """Whether the words after the blamed party make ``verb`` (its first four letters) one of blame."""
    after = _ASIDE.sub(" ", after)
    if verb == "cast":
        return bool(_CAST_AS.match(after))
    words = after.split()[:3]
    return any(w.lower().strip(",") == _ACCUSATION_ENDS[verb] for w in words)


def _names_and_parties(words: list[str]) -> list[str]:
    """The parties and people (by surname) that ``words`` name, in order."""
    found: list[str] = []
    bare = [re.sub(r"(?:[’']s)?\W*$", "", word.strip("“”\"‘’'(")) for word in words]
    for index, word in enumerate(bare):
        if word.lower() in PARTY_WORDS:
            found.append(PARTY_WORDS[word.lower()])
        elif is_name_word(word) and not (index == 0 and (words[0].endswith(",") or word.lower() in _LEADING)) \
                and not (index + 1 < len(bare) and is_name_word(bare[index + 1])):
            found.append(word)  # a surname: the last of a run of name words ("Vladimir Putin")
    return found


_RED_LINE = re.compile(r"\bred[ -]lines?\b", re.IGNORECASE)
_WHOSE = re.compile(r"(?P<whose>[\w-]+)[’']s\s+(?:[\w-]+\s+){0,2}?[\"“‘']?$")
"""A possessive just before "red line": "Ukraine’s primary “red lines”", "Kyiv's red line"."""
_FOR_WHOM = re.compile(r"^[\"”’']?\s+(?:for|to)\s+(?:the\s+)?(?P<whom>[\w-]+)")
_FOR_OPENING = re.compile(r"^\W*(?:for|to)\s+(?:the\s+)?(?P<whom>[\w-]+)\s*,", re.IGNORECASE)
_RED_LINE_VERB = re.compile(r"\s(?P<verb>is|are|remains?|was|were|would\s+be)\s", re.IGNORECASE)


def _red_lines_in(sentence: str) -> list[Position]:
    """The red lines ``sentence`` states as a party's: "For Ukraine, ceding unoccupied territory is a red line",
    "Zelenskyy has stated that ceding territory is a non-starter and is one of Ukraine's primary “red lines”":
    Ukraine's position on ceding territory. Whose red line it is, a possessive before it says, or a "for …"
    after it or opening the sentence; what it is, the subject of its clause. What is asked counts "red line"
    as one of its words: two red lines of one party on ceding territory share three. One that is not asserted
    ("is no longer a red line", "would not be", "may be") is none."""
    found = []
    for match in _RED_LINE.finditer(sentence):
        whose = _WHOSE.search(sentence[:match.start()])
        after = _FOR_WHOM.match(sentence[match.end():])
        opening = _FOR_OPENING.match(sentence)
        party = next((PARTY_WORDS.get(group.lower()) for group in (
            whose and whose.group("whose"), after and after.group("whom"), opening and opening.group("whom"))
            if group and group.lower() in PARTY_WORDS), None)
        starts = [m.end() for m in _CLAUSE_START.finditer(sentence[:match.start()])]
        clause = sentence[max([*starts, opening.end() if opening else 0]):match.start()]
        verb = _RED_LINE_VERB.search(clause)
        if party is None or verb is None or _NOT_ASSERTED & {w.lower().strip(",") for w in clause.split()}:
            continue
        asks = frozenset(_ONE_ASK.get(word, word) for word in comparable_words(clause[:verb.start()])) - _COMMON
        if asks:
            found.append(Position(party, verb.group("verb").lower() in ("was", "were"), asks | {"red line"}))
    return found


def _what_is_asked(after: str) -> str:
    """The words after a position's verb that say what is asked: up to a clause with a subject of its own
    ("…, while Russia insists on …", "…, and Kyiv still says …"), not one that goes on with the same holder
    ("…; it also wants …") or the same list ("…, limit its military, and abandon …")."""
    for boundary in _ASKED_UNTIL.finditer(after):
        following = after[boundary.end():].lstrip(" ,")
        if following[:1].isupper() or following.lower().startswith("the "):
            return after[:boundary.start()]
    return after


def _holder(before: str) -> str | None:
    """Who holds the position whose verb follows ``before``: a party or a named person, or None."""
    starts = [m.end() for m in _CLAUSE_START.finditer(before)]
    subject = _PARENTHETICAL.sub(" ", before[starts[-1] if starts else 0:] + " ").strip(" ,")
    words = subject.split()
    if any(w.lower().strip(",") in _NOT_ASSERTED for w in words) or {"and", "or", "&"} & set(words):
        return None  # not asserted, or a joint subject ("Russia and Ukraine want"): whose position?
    words = [w for w in words if w.lower() not in _LEADING]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    bare = [re.sub(r"(?:[’']s)?\W*$", "", w) for w in words]
    head = bare[-1]
    if head.lower() in PARTY_WORDS:
        return PARTY_WORDS[head.lower()]
    party = names_head_of_state(bare)  # "Putin", "President Vladimir Putin"; "Melania Trump" is herself
    if party is not None:
        return party
    if head.lower() in _HOLDERS:
        parties = {PARTY_WORDS[w.lower()] for w in bare[:-1] if w.lower() in PARTY_WORDS}
        return parties.pop() if len(parties) == 1 else None
    if 2 <= len(bare) <= 3 and all(w[:1].isupper() and w.isalpha() for w in bare):
        return head  # a person by full name, "Vladimir Putin" (one capitalised word may be a heading's)
    return None


@dataclass(frozen=True)
class PassageClaims:
    """What a passage claims, read once: as an item others may join (its first two sentences) and as a
    passage that may join one (its first sentence; None if it may not join: too long, or it states more
    than one party's position)."""

    source_id: str
    leads: tuple[Position, ...]
    lead_holders: frozenset[str]
    """Whose positions the passage's first sentence states."""
    lead_claims: tuple[Claim, ...]
    joins: tuple[Position, ...] | None
    join_claims: tuple[Claim, ...]

    @property
    def claims_anything(self) -> bool:
        """Whether another passage could join this one's item."""
        return bool(self.leads or self.lead_claims)

    @property
    def may_join(self) -> bool:
        """Whether this passage could join another's item."""
        return self.joins is not None and bool(self.joins or self.join_claims)


def passage_claims(passage: Statement) -> PassageClaims:
    """Read ``passage`` (the text a brief shows of it, its source and date) for :func:`corroborates`."""
    bounds = sentence_bounds(passage.text, 0, len(passage.text))
    sentences = [Statement(passage.text[start:end], passage.source_id, passage.start + start, passage.published)
                 for start, end in bounds[:2]]
    leads = tuple(p for sentence in sentences for p in _dated(positions_in(sentence.text), passage.published))
    lead_claims = tuple(c for sentence in sentences for c in claims_in(sentence))
    joins: tuple[Position, ...] | None = None
    join_claims: tuple[Claim, ...] = ()
    if sentences and len(bounds) <= MAX_JOINING_SENTENCES:
        joins = tuple(_dated(positions_in(sentences[0].text), passage.published))
        join_claims = tuple(claims_in(sentences[0]))
        if len({position.holder for position in joins}) > 1:
            # "Ukraine demands …, while Russia insists on …": the other side's demand would be lost.
            joins, join_claims = None, ()
    lead_holders = frozenset(p.holder for p in positions_in(sentences[0].text)) if sentences else frozenset()
    return PassageClaims(passage.source_id, leads, lead_holders, lead_claims, joins, join_claims)


def _dated(positions: list[Position], published: dt.date | None) -> list[Position]:
    """``positions`` with each accusation's ``reported`` date set to ``published``."""
    return [replace(p, reported=published) if p.accused is not None else p for p in positions]


def speak_for_other_parties(a: PassageClaims, b: PassageClaims) -> bool:
    """Whether both passages state positions, and not of the same parties: "Ukraine demands the return of all
    occupied land, while Russia insists on the withdrawal …" and "Moscow … insists on the withdrawal of
    Ukrainian forces …" share most of their words, but the first says what Kyiv wants too."""
    holders_a, holders_b = {p.holder for p in a.leads}, {p.holder for p in b.leads}
    return bool(holders_a and holders_b and holders_a != holders_b)


def corroborates(joining: PassageClaims, item: PassageClaims) -> bool:
    """Whether the passage ``joining`` makes the claim that the passage ``item`` leads with; they come from
    different sources. See the module's docstring for what counts."""
    if joining.joins is None or joining.source_id == item.source_id:
        return False
    # "Ukraine demands the 1991 borders, while Russia insists on …": a source that gives Russia's demand alone
    # would be cited for Ukraine's too (which it may contradict)
    if item.lead_holders <= {position.holder for position in joining.joins} and any(
            same_position(position, other) for position in joining.joins for other in item.leads):
        return True
    return any(a.positive == b.positive and (same_matter(a, b) or same_talks_outcome(a, b))
               for a in joining.join_claims for b in item.lead_claims)


_HOURS = re.compile(r"\b(?P<n>\d{1,2}|[a-z]+)[- ]hours?(?:[- ]long)?\b", re.IGNORECASE)
"""The length of talks: "five-hour talks", "which lasted five hours", "a 5-hour meeting"."""


def _hours(text: str) -> frozenset[int]:
    found = set()
    for match in _HOURS.finditer(text):
        word = match.group("n").lower()
        number = int(word) if word.isdigit() else SPELLED_NUMBERS.get(word)
        if isinstance(number, int):
            found.add(number)
    return frozenset(found)


def same_talks_outcome(a: Claim, b: Claim) -> bool:
    """Whether two outcome claims report how the same talks ended: the same polarity, talks of the same
    length in both sentences, and articles at most :data:`MAX_DAYS_APART` days apart (both dated)."""
    if not (a.frame == b.frame == "outcome" and a.actor == b.actor == "talks" and a.positive == b.positive):
        return False
    if not dated_days_apart(a.statement.published, b.statement.published):
        return False
    hours = _hours(a.statement.text)
    return bool(hours) and hours == _hours(b.statement.text)
