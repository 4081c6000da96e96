"""Contradictions in wording: sources that say opposite things about the same actor and object.

:mod:`brief.differences` finds sources that give different *figures* for one
thing. This module finds sources that contradict each other in words: one says
Russia "rejected" the plan, another that it "accepted" it; one that the talks
"ended without agreement", another that "a deal was reached"; "will attend" and
"will not attend"; "the summit was postponed" and "the summit went ahead". A
false contradiction in a brief to a principal is worse than a missed one, so the
detector is deliberately narrow. It reads plain sentences, clause by clause, and
makes a *claim* only of a clause it can read whole:

- a verb of a small curated list (:data:`FRAMES`: accept/approve/agree to ↔
  reject/dismiss/veto/block/rule out/turn down; support/back ↔ oppose; welcome ↔
  the refusals of those two, said by the verb itself (:data:`_REJECTIONS`:
  "welcomed the plan" against "rejected the plan", not against "has not
  accepted it", a welcome not being an acceptance); sign; confirm ↔ deny; attend/
  take part in ↔ skip/boycott/miss; receive; meet; recognise; withdraw/pull out;
  release/free ↔ withhold; arrive in/travel to/visit; and events: take place/go
  ahead/be held ↔ be postponed/delayed/cancelled/called off), finite and
  asserted: not after a modal ("would", "could", "may"…), not an
  infinitive ("wants to accept") unless after "refuse to"/"decline to" (a
  refusal, which is also the accept frame's "no" to "V …": "refused to withdraw"
  against "agreed to withdraw") or "fail to" (a negation), not in a question, a
  conditional ("if", "unless", "whether"), a complement of anything but a speech
  verb ("demands that Ukraine will not join"), nor inside quotation marks;
- or the outcome of talks (:data:`_OUTCOME_POSITIVE` / :data:`_OUTCOME_NEGATIVE`:
  "reached a deal", "a compromise was found" ↔ "ended without agreement", "no
  breakthrough", "failed to reach a deal", "the talks (the deal) fell through" —
  not "plans for talks fell through", which may never have begun);
- with its actor: a named person (their surname) or a party (Russia = Moscow =
  the Kremlin, Ukraine = Kyiv, the U.S. = Washington = the White House, Europe =
  the EU, NATO), read from the noun phrase right before the verb (or after "by"
  in the passive, which only where and when may follow: "Witkoff was received by
  Putin in the Kremlin"; "was rejected in Moscow" is Moscow's rejection); a
  pronoun, an unnamed "officials" or an unreadable subject makes no claim. Each
  of two actors joined by "and" at the start of a clause makes the claim ("Russia
  and Ukraine agreed to the plan" is Russia's and Ukraine's), and two who "met"
  met each other ("Putin and Witkoff met on Tuesday"); a list of three or more
  ("Putin, Witkoff and Kushner met") says neither, nor does "Russia and Ukraine
  released 150 prisoners" (each, or together?). A passive with no
  agent ("the 20-point plan was rejected") has no actor, and is compared only
  with other such passives; an event ("the summit in Berlin was postponed") has
  its head noun for actor, whoever called it off;
- with its object: the words after the verb up to the end of the clause (or the
  noun a relative clause hangs on: "a compromise that Kyiv has not accepted"; or
  the subject of a passive); whom a meeting was with is read as a person or party
  ("met with U.S. envoy Steve Witkoff" is Witkoff, and "Witkoff met Putin" and
  "Witkoff was met by Putin" say what "Putin met Witkoff" says); a passive
  "denied by" denies only a report or a claim ("the request was denied by
  Moscow" refuses it);
- its polarity: the verb's own (reject is negative), flipped by "not", "never",
  "n't", "refused to", "failed to" or an object such as "none of"; two negations
  make no claim, nor do "has not ruled out" (an open question) and "did not
  cancel" (which does not say the event took place);
- and no hedge that lets both sides be right: "in principle", "partly",
  "formally", "outright", "initially", "yet", "so far", "no longer", a span
  ("since 2019", "for months")…, also in a short lead-in ("For now, …",
  "Earlier, …"), a stance said to be private or public ("In private, Washington
  rejected …", "publicly welcomed"), nor an event moved rather than called off
  ("postponed to March", "delayed by a week", "until May").

A sentence that gives one actor (or an unnamed one) both answers describes a
change ("had rejected the plan but later accepted it"), and none of its claims on
that frame count.

Two claims *contradict* when they come from different sources and have the same
frame, actor, tense (future, pluperfect or neither: "had rejected" may have
changed since) and attribution (both unattributed, or "X said" by the same X:
"Russia rejected it" said by Kyiv against "Russia accepted it" said by Moscow is
a dispute between parties, not between sources; a speaker the detector cannot
name, "…, the UN humanitarian coordinator said", still makes the words theirs),
objects with the same specific
words (one's containing the other's, :data:`SAME_OBJECT` of them in common; an
object of generic words only, such as "the plan", or of one word with no actor,
such as "the prisoners were released", needs :data:`CONTEXT_WORDS` shared words
in the sentences too), the same numbers and version ("the revised plan" is not
"the earlier 28-point plan"), no different dates, places or publication dates
more than :data:`MAX_DAYS_APART` apart (a change over time is not a
contradiction), and opposite polarity. An act (not a position: signing, meeting,
travelling, an event…) that an article says was not done may have been done
since: it is not compared with a later article that says it was. An event
"delayed" may only have been held up and taken place hours later: it is set only
against an earlier article's report that the event took place. A source that
says both itself describes a change, and none of its claims on that matter
count. Talks and events have no actor: two outcome or event claims must share a
name (a place, a person) or a date and name no different place. A conflict shows
on each side the claims opposed to one on the other side.

A future and a past are different times, and an announced event is no
exception: "the summit in Berlin will take place on Friday" is not set against
"the summit in Berlin was cancelled". In a later article the cancellation
overtakes a plan; in an earlier one the plan revives what was called off; and
on one day the order of the two cannot be told from publication dates. Either
way the sources describe a change, not a disagreement. "Will take place" is
compared only with "will not take place" (or "will be cancelled").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from brief.differences import EARLIER_WORDS, GENERIC_WORDS, LATER_WORDS, stem
from brief.parties import PARTY_WORDS
from brief.quotes import quote_marks
from brief.segmentation import sentence_bounds
from brief.speakers import TITLE_WORDS, is_name_word
from brief.stopwords import CLAIM_STOPWORDS
from brief.timeline import find_dates

SAME_OBJECT = 0.6
"""Share of the two objects' specific content words (of all of them) that two claims must have in common."""
CONTEXT_WORDS = 3
"""Content words of the two sentences, besides the objects', that claims about a generic object must share."""
MAX_DAYS_APART = 7
"""Claims of articles published further apart than this may describe a change, not a disagreement."""


def dated_days_apart(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether both days are known and at most :data:`MAX_DAYS_APART` apart: two reports of one moment."""
    return a is not None and b is not None and abs((a - b).days) <= MAX_DAYS_APART

MAX_OBJECT_TOKENS = 15
MAX_SUBJECT_TOKENS = 7


# --- regular expressions, compiled on first use ---------------------------------------------------

class _Lazy:
    """A regular expression compiled the first time it is used: importing the module compiles none (the
    CLI imports the engine for every command, most of which never read a contradiction)."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self._pattern().search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self._pattern().match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pattern().finditer(text)


# --- the curated verbs ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Verb:
    frame: str
    positive: bool
    participle: bool
    """Whether this form can be a past participle (so a passive, after "was", "has been")."""
    particle: str = ""
    """A word that must follow: "to" (agree to), "in" (participate in), "down" (turn down); alternatives are
    separated by "|" ("in|at": arrive in, arrive at)."""
    not_before: frozenset[str] = frozenset()
    """Words after which this form is another verb ("backed away", "backed down")."""


def _forms(frame: str, positive: bool, base: str, third: str, past: str, participle: str | None = None,
           particle: str = "", not_before: Iterable[str] = ()) -> dict[str, _Verb]:
    """The surface forms of one verb; an empty form is left out (the base "back" or "free" is mostly another
    word; "traveled" is only a spelling)."""
    participle = participle or past
    stop = frozenset(not_before)
    forms = {past: _Verb(frame, positive, past == participle, particle, stop)}
    for form in (base, third):
        if form:
            forms[form] = _Verb(frame, positive, False, particle, stop)
    if participle != past:
        forms[participle] = _Verb(frame, positive, True, particle, stop)
    return forms


_PHRASAL_OTHER = ("away", "down", "off", "out", "up", "into", "onto")
"""Particles that make "backed", "pulled" … another verb than the one a frame means."""

FRAMES: dict[str, _Verb] = {
    **_forms("accept", True, "accept", "accepts", "accepted"),
    **_forms("accept", True, "approve", "approves", "approved"),
    **_forms("accept", True, "endorse", "endorses", "endorsed"),
    **_forms("accept", True, "embrace", "embraces", "embraced"),
    **_forms("accept", True, "agree", "agrees", "agreed", particle="to"),
    **_forms("accept", False, "reject", "rejects", "rejected"),
    **_forms("accept", False, "dismiss", "dismisses", "dismissed"),
    **_forms("accept", False, "rebuff", "rebuffs", "rebuffed"),
    **_forms("accept", False, "spurn", "spurns", "spurned"),
    **_forms("accept", False, "veto", "vetoes", "vetoed"),
    **_forms("accept", False, "refuse", "refuses", "refused"),
    **_forms("accept", False, "turn", "turns", "turned", particle="down"),
    **_forms("accept", False, "rule", "rules", "ruled", particle="out"),
    **_forms("accept", False, "block", "blocks", "blocked", not_before=_PHRASAL_OTHER),
    **_forms("support", True, "support", "supports", "supported"),
    **_forms("support", True, "", "backs", "backed", not_before=_PHRASAL_OTHER),
    **_forms("support", False, "oppose", "opposes", "opposed"),
    **_forms("welcome", True, "welcome", "welcomes", "welcomed"),
    **_forms("sign", True, "sign", "signs", "signed"),
    **_forms("confirm", True, "confirm", "confirms", "confirmed"),
    **_forms("confirm", False, "deny", "denies", "denied"),
    **_forms("attend", True, "attend", "attends", "attended"),
    **_forms("attend", True, "participate", "participates", "participated", particle="in"),
    **_forms("attend", False, "skip", "skips", "skipped"),
    **_forms("attend", False, "boycott", "boycotts", "boycotted"),
    **_forms("attend", False, "miss", "misses", "missed", not_before=_PHRASAL_OTHER),
    **_forms("receive", True, "receive", "receives", "received"),
    **_forms("meet", True, "meet", "meets", "met"),
    **_forms("recognise", True, "recognise", "recognises", "recognised"),
    **_forms("recognise", True, "recognize", "recognizes", "recognized"),
    **_forms("withdraw", True, "withdraw", "withdraws", "withdrew", "withdrawn"),
    **_forms("withdraw", True, "pull", "pulls", "pulled", particle="out"),
    **_forms("release", True, "release", "releases", "released"),
    **_forms("release", True, "", "frees", "freed"),
    **_forms("release", False, "withhold", "withholds", "withheld"),
    **_forms("travel", True, "arrive", "arrives", "arrived", particle="in|at"),
    **_forms("travel", True, "travel", "travels", "travelled", particle="to"),
    **_forms("travel", True, "", "", "traveled", particle="to"),
    **_forms("travel", True, "visit", "visits", "visited"),
    **_forms("event", False, "postpone", "postpones", "postponed"),
    **_forms("event", False, "delay", "delays", "delayed"),
    **_forms("event", False, "cancel", "cancels", "cancelled"),
    **_forms("event", False, "", "", "canceled"),
    **_forms("event", False, "scrap", "scraps", "scrapped"),
    **_forms("event", False, "call", "calls", "called", particle="off"),
    **_forms("event", False, "put", "puts", "put", particle="off"),
    "held": _Verb("event", True, True, not_before=frozenset(_PHRASAL_OTHER + ("back",))),
}
"""Surface form → frame and polarity. A frame is one question two sources can answer yes and no."""

_TWO_WORD: dict[tuple[str, str], _Verb] = {
    **{(form, "part"): _Verb("attend", True, False, "in") for form in ("take", "takes", "took", "taken")},
    **{(form, "place"): _Verb("event", True, False) for form in ("take", "takes", "took", "taken")},
    **{(form, "ahead"): _Verb("event", True, False) for form in ("go", "goes", "went", "gone")},
}
"""Verbs of two words: take part in = attend; take place, go ahead = the event happened."""
_REFUSAL = frozenset({"refuse", "refuses", "refused", "decline", "declines", "declined"})
"""'refused to V' is a refusal to V: the accept frame, negative, with 'V …' as its object (and V negated)."""
_FAILURE = frozenset({"fail", "fails", "failed"})
"""'failed to V' is V negated."""
_QUESTION_OF = {
    "accept": ("accepted", "will accept", "had accepted"), "support": ("supports", "will support", "had supported"),
    "sign": ("signed", "will sign", "had signed"), "confirm": ("confirmed", "will confirm", "had confirmed"),
    "attend": ("attended", "will attend", "had attended"), "receive": ("received", "will receive", "had received"),
    "meet": ("met", "will meet", "had met"), "recognise": ("recognised", "will recognise", "had recognised"),
    "withdraw": ("withdrew", "will withdraw", "had withdrawn"), "release": ("released", "will release", "had released"),
    "travel": ("went to", "will go to", "had gone to"), "event": ("took place", "will take place", "had taken place"),
    "welcome": ("welcomed", "will welcome", "had welcomed"),
}
"""How the question a frame asks is put, in the past, the future and the pluperfect."""
_PASSIVE_QUESTION_OF = {
    "accept": "accepted", "support": "supported", "sign": "signed", "recognise": "recognised",
    "withdraw": "withdrawn", "release": "released",
}
"""The frames an agentless passive is read in ("the 20-point plan was rejected"), and how the question says it.
"was met", "was received", "was denied", "was refused" are mostly other verbs ("met with scepticism",
"denied entry")."""
_AGENTLESS_NOT = frozenset({"refused", "turned"})
_OPEN_WHEN_NEGATED = frozenset({"rule", "rules", "ruled", "block", "blocks", "blocked"})
"""Verbs whose negation leaves a matter open rather than answering it: "has not ruled out a ceasefire", "did not
block the package" (nor approve it)."""
_REJECTIONS = frozenset({"accept", "support"})
"""Frames whose verbs of refusal ("rejected", "dismissed", "vetoed", "ruled out", "blocked", "opposed") also answer
the welcome frame "no": "Kyiv welcomed the plan" against "Kyiv rejected the plan". Only the verb itself counts: "has
not accepted the plan" does not say that Kyiv did not welcome it, nor "did not welcome it" that Kyiv rejected it."""
_ADJUNCT_STARTS = frozenset("in on at during last this late early overnight today yesterday again indefinitely"
                            .split())
"""Words that start what may follow an agentless passive: where and when, nothing that changes its sense."""
_EVENT_NOUNS = frozenset("""summit summits meeting meetings talks negotiations round visit trip vote referendum
ceremony session conference consultations exchange swap signing election elections""".split())
"""Heads of a noun phrase that names an event, which the event frame asks about: did it take place?"""
_PREPOSITIONS = frozenset("in at on of to between with for over about from near during among".split())
_RESCHEDULED = frozenset({"to", "until", "till", "for", "next", "later", "following", "by"})
"""Words after "postponed" that move an event rather than call it off ("postponed to March", "delayed by a
week")."""
_DELAYS = frozenset({"delay", "delays", "delayed"})
"""Verbs that may only hold an event up: "the vote was delayed" may have taken place hours later, so a delay is set
only against a report, in an earlier article, that the event took place (:func:`same_matter`)."""
_REPORT_NOUNS = frozenset("""report reports claim claims allegation allegations account accounts rumour rumours
rumor rumors story stories""".split())
"""Heads of what a passive "was denied by" can deny as untrue; "the request was denied by Moscow" refuses it."""
_FELL_THROUGH_NOUNS = frozenset("""talks negotiations discussions consultations deal deals agreement agreements accord
compromise settlement""".split())
"""Heads of a subject that "fell through" says ended without agreement ("the talks in Geneva fell through"), not
"plans for talks fell through" (which may never have started)."""

_DEAL = r"(?:agreement|deal|accord|compromise|breakthrough|settlement)"
_OUTCOME_POSITIVE = [
    _Lazy(rf"\b(?:reached|struck|clinched|sealed|secured|achieved)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?"
               rf"{_DEAL}s?\b", re.IGNORECASE),
    _Lazy(rf"\b{_DEAL}s?\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:finally\s+)?"
               r"(?:reached|struck|achieved|found|agreed|secured|sealed)\b", re.IGNORECASE),
    _Lazy(rf"\b(?:ended|concluded)\s+(?:in|with)\s+(?:an?\s+)?(?:[\w-]+\s+)?{_DEAL}\b", re.IGNORECASE),
]
"""Talks that ended in agreement."""
_OUTCOME_NEGATIVE = [
    _Lazy(rf"\b(?:ended|concluded|finished|closed|broke\s+up|wrapped\s+up)\s+without\s+(?:any\s+|an?\s+)?"
               rf"(?:[\w-]+\s+)?{_DEAL}\b", re.IGNORECASE),
    _Lazy(r"\bwithout\s+(?:reaching|agreeing|striking|securing|achieving)\b", re.IGNORECASE),
    _Lazy(rf"\bno\s+(?:[\w-]+\s+)?{_DEAL}\b(?:[”\"’']?\s+(?:was|were|has\s+been|had\s+been|have\s+been|is)\s+"
               r"(?:reached|struck|achieved|found|agreed|made))?", re.IGNORECASE),
    _Lazy(rf"\bfailed\s+to\s+(?:reach|produce|yield|secure|strike|achieve)\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+)?"
               rf"{_DEAL}\b", re.IGNORECASE),
]
"""Talks that ended without agreement."""
_FELL_THROUGH = _Lazy(r"\b(?:fell|fallen)\s+through\b", re.IGNORECASE)
"""Talks (a deal) that fell through, whose subject :func:`_fell_through` reads."""
_TALKS = _Lazy(r"\b(?:talks|meeting|meetings|discussions|negotiations|summit|round|session|consultations"
                    r"|negotiators|delegations|envoys)\b", re.IGNORECASE)
"""An outcome claim is about talks: the sentence must name them (or those who hold them)."""

# --- the words around them -------------------------------------------------------------------------

_AUX = frozenset("do does did has have had is are was were be been being will shall 'll".split())
_BE = frozenset("is are was were be been being".split())
FUTURE = frozenset({"will", "shall", "'ll", "’ll", "won't", "won’t", "wont"})
MODALS = frozenset("""would could may might should must can cannot ought wouldn't wouldn’t couldn't couldn’t
shouldn't shouldn’t can't can’t mustn't mustn’t""".split())
NEGATORS = frozenset({"not", "never"})
ADVERBS = frozenset("""also already again still even just then now once repeatedly publicly privately firmly
flatly quickly swiftly reportedly immediately effectively ultimately essentially openly explicitly duly""".split())
"""Adverbs that may stand between a subject and its verb."""
_HEDGES = frozenset("""partly partially tentatively conditionally outright formally fully entirely completely
officially initially originally yet eventually largely broadly mostly reluctantly later now almost nearly most
some part parts much several""".split())
"""Words that let a claim and its opposite both be right ("did not formally accept" vs "accepted")."""
_HEDGE_PHRASES = _Lazy(r"\b(?:in\s+principle|in\s+part|so\s+far|for\s+now|at\s+first|no\s+longer|any\s*more"
                            r"|not\s+yet|has\s+yet|have\s+yet|had\s+yet|at\s+least\s+for"
                            r"|(?:for|in)\s+(?:\w+\s+)?(?:weeks|months|years|decades))\b", re.IGNORECASE)
_LEAD_HEDGES = frozenset({"earlier", "previously"})
"""Words that, leading into a clause ("Earlier, Washington welcomed …"), set it at another time than the story's."""
_LEAD_WORDS = 6
"""The most words before a clause's subject that are read as its lead-in ("In a sign of the mood, …")."""
_IN_PRIVATE = frozenset({"private", "privately", "public", "publicly"})
"""A stance said to be private or public ("in private", "publicly"): what a party says in private and in public may
both be true ("In private, Washington rejected the plan" and "Washington welcomed the plan")."""
_CLAUSE_WORDS = frozenset("""that which who whom whose and but or nor while whereas as after before because
although though since when whenever where if unless whether once until so then instead despite amid saying
calling even""".split())
_CONDITIONAL = frozenset({"if", "unless", "whether", "once", "until", "when", "whenever", "before", "provided",
                          "should", "lest"})
_STOP_PUNCTUATION = frozenset(",;:—–()[]?!.…")
_QUOTE_CHARS = frozenset("“”\"‘’'«»")
_DETERMINERS = frozenset({"the", "a", "an"})
GROUP_NOUNS = frozenset("""officials negotiators negotiator delegation delegations government governments side
leaders leadership diplomats envoys team authorities administration forces troops army military parliament
lawmakers ministry spokesman spokeswoman spokesperson""".split())
"""Heads of a noun phrase that speak for the party a word before them names ("Ukrainian negotiators"); one
unnamed lawmaker or aide does not."""
_NP_MODIFIERS = frozenset("""senior top special chief deputy foreign prime defence defense security national
presidential peace""".split())
_PARTY_PHRASES = {("united", "states"): "U.S.", ("white", "house"): "U.S.", ("european", "union"): "Europe",
                  ("european", "commission"): "Europe"}
_UNNAMED = frozenset("""officials official people sources source diplomats diplomat analysts analyst observers
reports experts person""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_NP_STOP = frozenset("""in on at of for with by from to as if when while however meanwhile yet still but and or so
then now also moreover furthermore instead both either neither every each all any such this that these those it
he she they we i you his her their our""".split())
"""Words a subject's noun phrase never runs back over, even capitalised at the start of a sentence."""
_NOT_ANCHORS = _CALENDAR | frozenset("""the a an he she it they we i this that these those u.s. us eu e.u. nato
russia russian russians ukraine ukrainian ukrainians europe european europeans american americans america west
western president minister but and however while in on at for""".split())
"""Capitalised words too common to tell one event from another (a party, a month, a title)."""
_SPEECH = frozenset("""said says say told tells added adds noted stated announced claimed claims insisted insists
confirmed confirming acknowledged reported""".split())
"""Speech verbs that attribute a clause (fewer than :data:`brief.speakers.SPEECH_VERBS`: no "states", "notes")."""
_ATTRIBUTING = _SPEECH | frozenset("""warned argued wrote stressed cautioned explained declared asserted maintained
contended countered replied remarked observed admitted vowed complained tweeted""".split())
"""Verbs that give the words of a clause before them to a speaker ("…, Skimo argued"): a claim someone is said to
have made is theirs, not the source's."""
_STOPWORDS = CLAIM_STOPWORDS
_PRONOUNS = frozenset("it this that them these those him her one so what all everything anything something nothing"
                      .split())
"""An object that only points back ("accepted it") names nothing two sources can be compared on."""
_CONDITIONAL_SENTENCE = _Lazy(r"\b(?:if|unless|whether|provided\s+that|as\s+long\s+as|in\s+case)\b",
                                   re.IGNORECASE)
_TOKEN = _Lazy(r"(?:[A-Za-z]\.){2,}|\w+(?:[’'-]\w+)*|[^\w\s]")
_NUMBER = _Lazy(r"\d")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """Lower case, a possessive ’s removed."""
        word = self.text.lower()
        for suffix in ("’s", "'s"):
            if word.endswith(suffix) and len(word) > 3:
                return word[:-2]
        return word


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


# --- claims ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    """A sentence a brief holds, and where it stands."""

    text: str
    source_id: str
    start: int
    """Offset of the sentence in the source's canonical text."""
    published: dt.date | None = None


@dataclass(frozen=True)
class Claim:
    """One asserted clause: an actor does (or does not) something to an object."""

    statement: Statement
    frame: str
    """The question it answers: accept, support, welcome, sign, confirm, attend, receive, meet, recognise,
    withdraw, release, travel, event, or outcome (of talks)."""
    positive: bool
    actor: str
    """The party ("Russia") or person (a surname, lower case) it is about; "talks" for an outcome."""
    actor_text: str
    """The actor as the sentence writes it ("the Kremlin")."""
    object_text: str
    """The object as the sentence writes it ("the revised 20-point plan"); may be empty for an outcome."""
    object_words: frozenset[str]
    future: bool
    attribution: str
    """Who the sentence says said it ("putin", "Russia"), or "" when the source says it itself or an
    unnamed "officials" does."""
    start: int
    """The clause to show, as offsets into the sentence: ``statement.text[start:end]``."""
    end: int
    earlier: bool = False
    """A pluperfect ("had rejected"): a state before the story's time, which may since have changed; it is
    compared only with other pluperfects."""
    infinitive: bool = False
    """A refusal whose object is a verb's ("refused to sign the deal"): the question asks whether the actor
    agreed to it."""
    rejects: bool = False
    """Said with a verb of refusal itself ("rejected", "vetoed", "opposed"; not "did not accept", "refused to
    sign"): also a "no" to whether the actor welcomed it (:func:`welcome_answers`)."""
    delayed: bool = False
    """An event held up rather than called off ("the vote was delayed"): it may have taken place later the same
    day, so it is set only against an earlier article's report that it took place."""

    @property
    def source_id(self) -> str:
        return self.statement.source_id

    @property
    def clause(self) -> str:
        return self.statement.text[self.start:self.end]

    @property
    def absolute(self) -> tuple[int, int]:
        """The clause's offsets in the source's canonical text."""
        return self.statement.start + self.start, self.statement.start + self.end


@dataclass(frozen=True)
class Conflict:
    """Sources that say opposite things about one actor and object: the claims on each side."""

    question: str
    """What they disagree on, in words: "whether Russia accepted the plan"."""
    sides: tuple[tuple[Claim, ...], tuple[Claim, ...]]
    """The claims of one polarity, then the other; the side whose first claim comes first in the input first."""


def claims_in(statement: Statement) -> list[Claim]:
    """The claims of one sentence that the detector can read whole (see the module's docstring)."""
    return list(_claims_in(statement))


@functools.lru_cache(maxsize=4096)
def _claims_in(statement: Statement) -> tuple[Claim, ...]:
    # A brief asks about the same passages for every item and again for its section: read each once.
    return tuple(_read_claims(statement))


def _read_claims(statement: Statement) -> list[Claim]:
    text = statement.text
    if text.rstrip(" ”\"’')").endswith("?") or _CONDITIONAL_SENTENCE.search(text):
        return []  # a question, or a sentence whose clauses may hang on a condition
    tokens = _tokens(text)
    quoted = [(a, b) for a, b in quote_marks(text, 0, len(text))]
    found: list[Claim] = []
    said: list[tuple[str, bool, str | None]] = []
    """Every asserted verb's frame, polarity and actor."""
    for index, token in enumerate(tokens):
        at = _verb_at(tokens, index)
        if at is None:
            continue
        claims = [] if _inside(token.start, quoted) else _verb_claims(statement, tokens, index, at)
        if claims:
            found.extend(claims)
            said.extend((claim.frame, claim.positive, claim.actor) for claim in [*claims, *welcome_answers(claims)])
        else:
            said.extend(_said(tokens, index, at))
    # "Russia had rejected the plan but later accepted it": a sentence that gives one actor (or an unnamed
    # one) both answers describes a change, and neither answer is a claim.
    found = [c for c in found if not any(frame == c.frame and positive != c.positive and actor in (None, c.actor)
                                         for frame, positive, actor in said)]
    found.extend(_outcome_claims(statement, tokens, quoted))
    return found


def welcome_answers(claims: Iterable[Claim]) -> list[Claim]:
    """The welcome frame's "no" that each verb of refusal with an actor also says ("Kyiv rejected the plan":
    Kyiv did not welcome it)."""
    return [replace(claim, frame="welcome", rejects=False) for claim in claims if claim.rejects and claim.actor]


@dataclass(frozen=True)
class _VerbAt:
    """A curated verb found at a token."""

    verb: _Verb
    after: int
    """The token after the verb and the words it needs: where its object starts."""
    refusal: bool = False
    """"refused to V": the object is what V does ("sign the deal")."""


def _verb_at(tokens: list[_Token], index: int) -> _VerbAt | None:
    """The curated verb at token ``index`` with the words it needs after it ("turned down", "took place",
    "refused to"), or None."""
    word = tokens[index].lower
    following = _word(tokens, index + 1)
    two = _TWO_WORD.get((word, following))
    if two is not None:
        if not two.particle:
            return _VerbAt(two, index + 2)
        return _VerbAt(two, index + 3) if _word(tokens, index + 2) == two.particle else None
    if word in _REFUSAL and following == "to":
        return _VerbAt(_Verb("accept", False, False), index + 2, refusal=True)
    verb = FRAMES.get(word)
    if verb is None or following in verb.not_before:
        return None
    if verb.particle == "to" and verb.frame == "accept":
        # "agreed to the plan"; also "agreed the text" (British usage), never "agreed on/with/that".
        if following in ("on", "upon", "with", "that", "in", "by", "for", "at", "as"):
            return None
        return _VerbAt(verb, index + 2 if following == "to" else index + 1)
    if verb.particle:
        return _VerbAt(verb, index + 2) if following in verb.particle.split("|") else None
    return _VerbAt(verb, index + 1)


def _said(tokens: list[_Token], index: int, at: _VerbAt) -> list[tuple[str, bool, str | None]]:
    """The frame and polarity of an asserted verb whether or not it makes a claim, with each of its subject's
    actors (None when one cannot be read: "but later accepted it"; a verb of refusal also answers the welcome
    frame); nothing after a modal or for an infinitive, which say nothing of what was done."""
    negations, head = 0, index
    if _word(tokens, index - 1) == "to" and _word(tokens, index - 2) in _REFUSAL | _FAILURE:
        negations, head = 1, index - 2
    group = _verb_group(tokens, head)
    if group is None:
        return []
    negations += group.negations
    if group.passive:
        phrases = [_noun_phrase_right(tokens[at.after + 1:])] if _word(tokens, at.after) == "by" else [[]]
    else:
        subject = _subjects(tokens, group.edge)
        phrases = subject[0] if subject is not None else [[]]
    actors = [_actor(phrase, tokens) if phrase else None for phrase in phrases]
    positive = at.verb.positive == (negations % 2 == 0)
    said = [(at.verb.frame, positive, actor) for actor in actors]
    if at.verb.frame in _REJECTIONS and not at.verb.positive and not negations and not at.refusal:
        said.extend(("welcome", False, actor) for actor in actors)
    return said


def _subjects(tokens: list[_Token], j: int) -> tuple[list[list[_Token]], int] | None:
    """The subject's noun phrases ending at token ``j``: one, or two joined by "and" ("Russia and Ukraine", "both
    Putin and Witkoff"), each of which does what the verb says; and the index of the token before them. None for
    a list of three or more ("Putin, Witkoff and Kushner met"), which does not say who met whom. "and" after
    anything else than the start of a clause joins two clauses ("Witkoff met Zelensky and Putin received …")."""
    phrase, edge = _noun_phrase_left(tokens, j)
    if not phrase or _word(tokens, edge) != "and":
        return [phrase], edge
    partner, partner_edge = _noun_phrase_left(tokens, edge - 1)
    if not partner or not _subject_start(tokens, partner_edge):
        return [phrase], edge
    if _word(tokens, partner_edge) == ",":
        before, before_edge = _noun_phrase_left(tokens, partner_edge - 1)
        if before and _word(tokens, before_edge) not in _PREPOSITIONS:
            return None  # "Russia, Ukraine and the U.S. …"; not "In Moscow, Putin and Witkoff …"
    if _word(tokens, partner_edge) == "both":
        partner_edge -= 1
    return [partner, phrase], partner_edge


def _subject_start(tokens: list[_Token], edge: int) -> bool:
    """Whether a subject may start after token ``edge``: the sentence's or a clause's start, a date, a speech
    verb."""
    if edge < 0:
        return True
    token, word = tokens[edge], tokens[edge].lower
    return token.text in _STOP_PUNCTUATION or token.text in _QUOTE_CHARS or word in _CLAUSE_WORDS \
        or word in _CONDITIONAL or word in _SPEECH or word in _CALENDAR or word in ("both", "reporters", "journalists") \
        or bool(_NUMBER.search(word))


@dataclass(frozen=True)
class _VerbGroup:
    """The auxiliaries, negations and adverbs before a verb."""

    edge: int
    """The token before them: the end of the subject."""
    negations: int
    future: bool
    earlier: bool
    """A pluperfect ("had rejected")."""
    passive: bool


def _verb_group(tokens: list[_Token], head: int) -> _VerbGroup | None:
    """The verb group ending before token ``head``, walking left; None after a modal or for an infinitive."""
    j = head - 1
    negations = 0
    future = earlier = passive = False
    while j >= 0:
        word = tokens[j].lower
        if word in MODALS:
            return None
        if word in NEGATORS or word.endswith(("n't", "n’t")):
            negations += 1
            if word in FUTURE:
                future = True
        elif word in FUTURE:
            future = True
        elif word in _AUX:
            passive = passive or word in _BE
            earlier = earlier or word == "had"
        elif word == "to":
            return None  # "to be approved by Russia": an infinitive, not done
        elif word in ADVERBS or word in _HEDGES or (word.endswith("ly") and tokens[j].text.islower()):
            pass
        else:
            break
        j -= 1
    return _VerbGroup(j, negations, future, earlier, passive)


def _word(tokens: list[_Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < offset < b for a, b in spans)


def _verb_claims(statement: Statement, tokens: list[_Token], index: int, at: _VerbAt) -> list[Claim]:
    """The claims of the curated verb at token ``index``: none, one, or one for each of a joint subject's
    members ("Russia and Ukraine agreed to …")."""
    text = statement.text
    verb, after = at.verb, at.after
    frame, positive = verb.frame, verb.positive
    event = frame == "event"
    negations = 0
    # "refused to V" / "failed to V": the governor stands before the verb group.
    head = index
    if _word(tokens, index - 1) == "to":
        if _word(tokens, index - 2) in _REFUSAL | _FAILURE:
            negations, head = 1, index - 2  # "refused to sign", "failed to attend": did not
        else:
            return []  # an infinitive: wanted, expected, agreed to …, not done
    group = _verb_group(tokens, head)
    if group is None:
        return []
    j, future, passive = group.edge, group.future, group.passive
    negations += group.negations
    if passive and not verb.participle:
        return []
    if event and positive and passive != verb.participle:
        return []  # "was held" is read only in the passive, "took place" never ("Russia held talks")
    # The clause after the verb: the object.
    # "confirmed that X, Y's envoy, will meet Z": a reported clause runs on past its commas.
    reported = frame == "confirm" and _word(tokens, after) == "that"
    k = after
    object_tokens: list[_Token] = []
    while k < len(tokens) and len(object_tokens) < (2 * MAX_OBJECT_TOKENS if reported else MAX_OBJECT_TOKENS):
        word = tokens[k].lower
        if reported and object_tokens:
            if tokens[k].text in ";:()?!." or word in _CONDITIONAL:
                break
        elif tokens[k].text in _STOP_PUNCTUATION or (word in _CLAUSE_WORDS and not (reported and word == "that")):
            break
        if word in _SPEECH and object_tokens:
            break
        object_tokens.append(tokens[k])
        k += 1
    if _word(tokens, k) in _CONDITIONAL:
        return []
    subjects: list[list[_Token]] = []
    """The subject's noun phrases: one, or the two members of "Russia and Ukraine"."""
    adjuncts: list[_Token] = []
    """What follows a verb that has its object before it: "(the summit went ahead) in Berlin on Friday"."""
    unnamed = False
    """An agentless passive or an event: no actor to read."""
    agented = False
    """A passive whose agent follows "by"."""
    if passive or (event and positive):
        if object_tokens and object_tokens[0].lower == "by":
            agent = _noun_phrase_right(object_tokens[1:])
            adjuncts = object_tokens[1 + len(agent):]
            if not agent or not _adjuncts_only(adjuncts) or _word(tokens, k) in ("as", "to"):
                return []  # the agent, then only where and when ("by Putin in the Kremlin"), or not read whole
            subjects, agented = [agent], True
            if event:
                subjects, unnamed = [], True  # who called it off does not change whether it took place
        elif (event or (frame in _PASSIVE_QUESTION_OF and tokens[index].lower not in _AGENTLESS_NOT)) \
                and _adjuncts_only(object_tokens) and (_word(tokens, k) not in ("as", "to") or (
                    event and _word(tokens, k) == "as" and _word(tokens, k + 1) in ("planned", "scheduled"))):
            adjuncts = object_tokens
            # "the plan was rejected in Moscow (on Tuesday)": Moscow rejected it.
            capital = [b for a, b in zip(adjuncts, adjuncts[1:], strict=False)
                       if a.lower == "in" and b.bare in PARTY_WORDS]
            if not event and frame in ("accept", "support", "recognise") and capital:
                subjects = [capital[:1]]
            else:
                unnamed = True
        else:
            return []
        object_tokens, edge = _phrase_left(tokens, j)
        if _run_on(object_tokens):
            return []
    else:
        read = _subjects(tokens, j)
        if read is None:
            return []  # a list of three or more
        subjects, edge = read
        if len(subjects) > 1 and frame == "release":
            return []  # "Russia and Ukraine released 150 prisoners": each, or together?
    # What stands before the subject decides whether the clause is asserted.
    attribution = ""
    edge_word = _word(tokens, edge)
    relative = False
    display_edge = edge
    if edge < 0 or tokens[edge].text in _STOP_PUNCTUATION or tokens[edge].text in _QUOTE_CHARS:
        pass
    elif edge_word in _CONDITIONAL:
        return []
    elif edge_word in ("that", "which", "whom"):
        if not object_tokens and not passive:
            relative = True
            object_tokens, display_edge = _phrase_left(tokens, edge - 1)
            if edge_word == "that" and _word(tokens, edge - 1) in _SPEECH:
                return []
        elif edge_word == "that" and _word(tokens, edge - 1) in _SPEECH:
            attribution = _speaker(tokens, edge - 1)
        else:
            return []  # a clause under "demands that", "guarantees that": not asserted
    elif edge_word in _SPEECH:
        attribution = _speaker(tokens, edge)
    elif edge_word in ("reporters", "journalists") and _word(tokens, edge - 1) in _SPEECH:
        attribution = _speaker(tokens, edge - 1)
    elif edge_word in _CLAUSE_WORDS or edge_word in _CALENDAR or _NUMBER.search(edge_word):
        pass  # "and Russia rejected …", "On Tuesday Russia rejected …"
    elif not object_tokens and not passive and not unnamed and tokens[edge].text.isalpha() \
            and tokens[edge].text.islower() and edge_word not in _NP_STOP and edge_word not in _AUX:
        relative = True  # "an idea Europeans rejected": the noun before the subject is the object
        object_tokens, display_edge = _phrase_left(tokens, edge)
    else:
        return []
    # Each member of the subject that names an actor makes the claim ("Russia and Ukraine agreed to …").
    actors: list[tuple[str, str]] = []
    if not unnamed:
        for phrase in subjects:
            read_actor = _actor(phrase, tokens) if phrase and len(phrase) <= MAX_SUBJECT_TOKENS else None
            if read_actor is not None and read_actor not in (a for a, _ in actors):
                actors.append((read_actor, _with_article(text, tokens, phrase)))
        if not actors:
            return []
    # "Putin and Witkoff met (on Tuesday)": the two met each other; what follows says only where and when.
    mutual = frame == "meet" and not passive and len(subjects) == 2 and (
        not object_tokens or _adjuncts_only(object_tokens) or object_tokens[0].lower == "for")
    if mutual:
        if len(actors) != 2:
            return []
        adjuncts, object_tokens = object_tokens, []
    # Negation in the object: "agreed to none of the text", "accepted nothing".
    if object_tokens and object_tokens[0].lower in ("none", "nothing", "neither", "no") and not relative \
            and not passive:
        negations += 1
        object_tokens = object_tokens[1:]
        if object_tokens and object_tokens[0].lower == "of":
            object_tokens = object_tokens[1:]
    if frame == "confirm" and not positive and not (object_tokens and (object_tokens[0].lower in (
            "that", "reports", "claims", "it", "any", "having", "the") or (
            passive and _head(object_tokens) in _REPORT_NOUNS))):
        return []  # "denied Ukraine the right to …" deprives, "the request was denied" refuses: not untrue
    if negations > 1 or not (object_tokens or mutual) or (
            len(object_tokens) == 1 and object_tokens[0].lower in _PRONOUNS):
        return []
    if negations and tokens[index].lower in _OPEN_WHEN_NEGATED:
        return []
    shown = (*(t for phrase in subjects for t in phrase), *object_tokens, *adjuncts)
    clause_start = min(t.start for t in (*shown, tokens[display_edge + 1]))
    clause_end = max(t.end for t in (*shown, tokens[after - 1]))
    clause_text = text[clause_start:clause_end]
    tail = text[clause_end:clause_end + 30]
    if _hedged(clause_text) or _hedged_words(tokens, clause_start, clause_end) or _HEDGE_PHRASES.match(
            tail.lstrip(" ,")) or re.match(r"\s*(?:in\s+principle|in\s+part|yet|outright|formally|fully|for\s+now"
                                           r"|since)\b", tail, re.IGNORECASE) \
            or _hedged_around(text, tokens, clause_start, clause_end):
        return []
    if not attribution:
        attribution = _sentence_attribution(tokens, clause_start, clause_end)
    # What every claim of the clause says; actor and object are filled in below.
    base = Claim(statement, frame, positive == (negations == 0), "", "", "", frozenset(), future, attribution,
                 clause_start, clause_end, earlier=group.earlier, infinitive=at.refusal,
                 rejects=frame in _REJECTIONS and not positive and not negations and not at.refusal)
    if mutual:
        # One claim: the pair, whoever is named first, with where and when as the sentence gives them.
        (first, _), (second, _) = actors
        one, other = sorted((first, second))
        pair = tokens[tokens.index(subjects[0][0]):tokens.index(subjects[1][-1]) + 1]
        where = text[adjuncts[0].start:adjuncts[-1].end] if adjuncts else ""
        return [replace(base, actor=one, actor_text=_with_article(text, tokens, pair), object_text=where,
                        object_words=frozenset({other}))]
    object_text = text[object_tokens[0].start:object_tokens[-1].end]
    object_words = _content(object_text)
    if event:
        # The event frame asks whether the event took place; its actor is the event's head noun.
        noun = _event_head(object_tokens)
        if noun is None or (not positive and negations):
            return []  # not an event; "did not cancel the summit" does not say that it took place
        if not positive and _rescheduled(object_tokens if not passive else adjuncts, noun):
            return []  # "postponed to March": moved, not called off
        # The names of where it took place count ("went ahead in Berlin"), not "indefinitely", "again".
        named = [t.text for t in adjuncts if t.text[:1].isupper()]
        object_words = _content(" ".join([*(t.text for t in object_tokens), *named])) - {stem(noun.bare)}
        where = text[adjuncts[0].start:adjuncts[-1].end] if adjuncts else ""
        return [replace(base, actor=stem(noun.bare), actor_text=_with_article(text, tokens, object_tokens),
                        object_text=where, object_words=object_words, delayed=tokens[index].lower in _DELAYS)]
    if passive:
        object_text = _with_article(text, tokens, object_tokens)
        if adjuncts and agented:
            # "Witkoff was received by Putin in the Kremlin" says what "Putin received Witkoff in the Kremlin" does.
            object_words = _content(" ".join(t.text for t in (*object_tokens, *adjuncts)))
    met: str | None = None
    """Whom a meeting was with, as a person or party."""
    if frame == "meet":
        # Who met whom, however the sentences name them: "met with U.S. envoy Steve Witkoff at the Kremlin" is
        # about Witkoff, "Witkoff met Putin" says the same as "Putin met Witkoff", and so does "Witkoff was met by
        # Putin".
        if passive:
            whole = _noun_phrase_left(tokens, j)[0] == object_tokens
            met = _actor(object_tokens, tokens) if whole else None
            if met is None:
                return []  # "the proposal (a delegation from Kyiv) was met by …": no person or party
        else:
            with_whom = object_tokens[1:] if object_tokens[0].lower == "with" else object_tokens
            met = _actor(_noun_phrase_right(with_whom), tokens) if _noun_phrase_right(with_whom) else None
            if met is None and len(actors) > 1:
                return []  # "Putin and Witkoff met with resistance"
    claims = []
    for actor, actor_text in actors or [("", "")]:
        words = object_words
        if met is not None and met != actor:
            actor, other = sorted((actor, met))
            words = frozenset({other})
        claims.append(replace(base, actor=actor, actor_text=actor_text, object_text=object_text, object_words=words))
    return claims


def _run_on(phrase: list[_Token]) -> bool:
    """Whether a passive's subject runs back past its noun phrase ("after talks in Geneva the summit"): an
    article inside it that no preposition introduces."""
    return any(token.lower in _DETERMINERS and phrase[position - 1].lower not in _PREPOSITIONS
               for position, token in enumerate(phrase) if position)


def _adjuncts_only(tokens: list[_Token]) -> bool:
    """Whether what follows an agentless passive says only where and when ("in Moscow on Tuesday")."""
    return not tokens or ((tokens[0].lower in _ADJUNCT_STARTS or tokens[0].lower in _CALENDAR) and len(tokens) <= 8
                          and not any(t.lower == "by" for t in tokens))  # "on Tuesday by Russia": an agent


def _head_token(phrase: list[_Token]) -> _Token | None:
    """The head of a noun phrase: the last word before its first preposition ("the report of a meeting")."""
    head = None
    for token in phrase:
        if token.lower in _PREPOSITIONS:
            break
        head = token
    return head


def _head(phrase: list[_Token]) -> str:
    head = _head_token(phrase)
    return head.bare if head is not None else ""


def _event_head(phrase: list[_Token]) -> _Token | None:
    """The event a noun phrase names ("the summit in Berlin", "Zelensky's visit to Washington"): its head, if it
    is an event noun."""
    head = _head_token(phrase)
    return head if head is not None and head.bare in _EVENT_NOUNS else None


def _rescheduled(tokens: list[_Token], noun: _Token) -> bool:
    """Whether the words after a cancelled event move it ("postponed the summit to March", "until the spring")
    rather than call it off; "his visit to Washington" names the visit."""
    for position, token in enumerate(tokens):
        if token.start <= noun.start or token.lower not in _RESCHEDULED:
            continue
        if token.lower == "to" and position and tokens[position - 1] is noun and noun.bare in ("visit", "trip"):
            continue
        return True
    return False


def _with_article(text: str, tokens: list[_Token], phrase: list[_Token]) -> str:
    """A noun phrase as the sentence writes it, with the "the" it dropped, in lower case ("the Kremlin")."""
    position = next(i for i, t in enumerate(tokens) if t is phrase[0])
    start = tokens[position - 1].start if position and tokens[position - 1].lower == "the" else phrase[0].start
    written = text[start:phrase[-1].end]
    return "the" + written[3:] if written.startswith("The ") else written


def _hedged_around(text: str, tokens: list[_Token], start: int, end: int) -> bool:
    """Whether a short lead-into the clause at ``start:end`` since the last clause boundary hedges it ("For now,
    …", "Initially, …", "Earlier, …"), or the clause with its lead-in and what follows it up to the next boundary
    says the stance was private or public ("In private, …", "… in private, officials said")."""
    lead = 0
    for token in tokens:
        if token.start >= start:
            break
        if token.text in ";:—–(" or token.lower in _CLAUSE_WORDS:
            lead = token.end
    following = next((t.start for t in tokens if t.start >= end and (t.text in _STOP_PUNCTUATION
                                                                      or t.lower in _CLAUSE_WORDS)), end)
    leading = [t for t in tokens if lead <= t.start < start]
    if len(leading) > _LEAD_WORDS:
        leading, lead = [], start  # not a lead-in ("For now, …") but a clause of its own
    if any(t.lower in _HEDGES or t.lower in _LEAD_HEDGES or t.lower in _IN_PRIVATE for t in leading):
        return True
    return bool(_HEDGE_PHRASES.search(text[lead:start])) or any(
        t.lower in _IN_PRIVATE for t in tokens if start <= t.start < following)


def _hedged(clause: str) -> bool:
    return bool(_HEDGE_PHRASES.search(clause))


def _hedged_words(tokens: list[_Token], start: int, end: int) -> bool:
    return any(t.lower in _HEDGES for t in tokens if start <= t.start < end)


def _noun_phrase_left(tokens: list[_Token], j: int) -> tuple[list[_Token], int]:
    """The noun phrase ending at token ``j`` (names, party words, titles, possessives; "the" dropped), and
    the index of the token before it."""
    phrase: list[_Token] = []
    while j >= 0:
        token = tokens[j]
        word = token.bare
        if token.text[:1].isupper() or word in _DETERMINERS or word in GROUP_NOUNS or word in _NP_MODIFIERS \
                or word in TITLE_WORDS or token.lower != word:
            if word in _CLAUSE_WORDS or word in _CONDITIONAL or word in _NP_STOP or word in _CALENDAR:
                break
            phrase.insert(0, token)
            j -= 1
            continue
        break
    edge = j
    while phrase and phrase[0].lower in _DETERMINERS:
        phrase.pop(0)
    return phrase, edge


def _noun_phrase_right(tokens: list[_Token]) -> list[_Token]:
    phrase: list[_Token] = []
    for token in tokens:
        word = token.bare
        if (token.text[:1].isupper() or word in _DETERMINERS or word in GROUP_NOUNS or word in _NP_MODIFIERS
                or word in TITLE_WORDS) and word not in _NP_STOP and word not in _CALENDAR:
            phrase.append(token)
            continue
        break
    return phrase


def _phrase_left(tokens: list[_Token], j: int, limit: int = 10) -> tuple[list[_Token], int]:
    """The words before token ``j`` (inclusive) back to a clause boundary or a verb (a relative clause's
    noun, a passive's subject), and the index of the token before them."""
    phrase: list[_Token] = []
    while j >= 0 and len(phrase) < limit:
        token = tokens[j]
        word = token.lower
        if token.text in _STOP_PUNCTUATION or word in _CLAUSE_WORDS or (word in FRAMES and not _noun(tokens, j)) \
                or word in _AUX or word in _SPEECH or word in MODALS or (word.endswith("ed") and token.text.islower()):
            break
        phrase.insert(0, token)
        j -= 1
    edge = j
    while phrase and phrase[0].lower in _DETERMINERS | {"“", "\""}:
        phrase.pop(0)
    return phrase, edge


def _noun(tokens: list[_Token], j: int) -> bool:
    """Whether a verb's form at ``j`` is a noun here: after an article or a possessive ("Zelensky's visit")."""
    before = tokens[j - 1] if j else None
    return before is not None and (before.lower in _DETERMINERS or before.lower in ("his", "her", "its", "their")
                                   or before.lower.endswith(("’s", "'s")))


def _party(words: list[str]) -> str | None:
    for pair, party in _PARTY_PHRASES.items():
        for i in range(len(words) - 1):
            if (words[i], words[i + 1]) == pair:
                return party
    for word in words:
        if word in PARTY_WORDS:
            return PARTY_WORDS[word]
    return None


def _actor(phrase: list[_Token], tokens: list[_Token]) -> str | None:
    """The party or person a subject names; None for anything less clear."""
    words = [t.bare for t in phrase]
    last = phrase[-1]
    if words[-1] in PARTY_WORDS or tuple(words[-2:]) in _PARTY_PHRASES:
        return _party(words[-2:])
    if words[-1] in TITLE_WORDS and words[-1] not in GROUP_NOUNS:
        return None  # "a senior Russian lawmaker": one unnamed person, not Russia
    if words[-1] in GROUP_NOUNS:
        if len(phrase) >= 2 and phrase[-2].lower != phrase[-2].bare and is_name_word(phrase[-2].text[:-2]):
            return None  # "Zelensky’s team": not Zelensky
        return _party(words)
    name = last.text
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            return None  # "Russia’s …" ends in a possessive: the head is missing
    sentence_initial = last.start == tokens[0].start
    if is_name_word(name) and not sentence_initial:
        return _person(name)
    if is_name_word(name) and sentence_initial and len(name) > 3 and name.lower() not in _UNNAMED:
        return _person(name) if name.lower() not in _STOPWORDS else None
    return None


def _person(name: str) -> str:
    key = name.lower()
    return re.sub(r"(?:yy|iy|yi)$", "y", key)


def _segment(tokens: list[_Token], end: int) -> tuple[list[_Token], int]:
    """The words before token ``end`` back to a comma, a clause word or a quotation mark, and the index of that
    boundary."""
    j = end - 1
    while j >= 0 and tokens[j].text not in _STOP_PUNCTUATION and tokens[j].text not in _QUOTE_CHARS \
            and tokens[j].lower not in _CLAUSE_WORDS:
        j -= 1
    return tokens[j + 1:end], j


def _speaker(tokens: list[_Token], verb: int) -> str:
    """Who a speech verb at ``verb`` gives the words to: the noun phrase before it ("Peskov said"), else the words
    back to a comma ("the UN humanitarian coordinator said") or the name an apposition follows ("Ana Grennov, the
    special envoy, insisted"), else the noun phrase after it ("said Peskov"); "" when it is unnamed ("officials
    said", "the two people said"). A speaker it cannot name still makes the words theirs, not the source's."""
    phrase = _noun_phrase_left(tokens, verb - 1)[0]
    if not phrase:
        phrase, stop = _segment(tokens, verb)
        if not phrase and _word(tokens, stop) == ",":
            phrase, stop = _segment(tokens, stop)
            name = _noun_phrase_left(tokens, stop - 1)[0] if _word(tokens, stop) == "," else []
            if name and _actor(name, tokens) is not None:
                phrase = name
        phrase = phrase[-MAX_SUBJECT_TOKENS:]
    phrase = phrase or _noun_phrase_right(tokens[verb + 1:])
    words = [t.bare for t in phrase if t.lower not in _DETERMINERS]
    if not words or words[-1] in _UNNAMED or _head(phrase) in _UNNAMED:
        return ""
    return _actor(phrase, tokens) or " ".join(words)


def _sentence_attribution(tokens: list[_Token], start: int, end: int) -> str:
    """The speaker of the sentence's speech verb outside the clause ("…, Peskov said"); "" when none or unnamed."""
    for index, token in enumerate(tokens):
        if start <= token.start < end:
            continue
        if token.lower in _ATTRIBUTING:
            return _speaker(tokens, index)
        if token.lower == "according" and _word(tokens, index + 1) == "to":
            phrase = _noun_phrase_right(tokens[index + 2:])
            if phrase and phrase[-1].bare not in _UNNAMED:
                return _actor(phrase, tokens) or " ".join(t.bare for t in phrase)
            return ""
    return ""


def _outcome_claims(statement: Statement, tokens: list[_Token], quoted: list[tuple[int, int]]) -> list[Claim]:
    """Claims on how talks ended: "ended without agreement", "a deal was reached", "the talks fell through"."""
    text = statement.text
    if not _TALKS.search(text) and not re.search(r"\bmet\b", text):
        return []
    found: list[Claim] = []
    taken: list[tuple[int, int]] = []
    cues: list[tuple[tuple[int, int], bool, list[_Token]]] = [
        (match.span(), positive, []) for patterns, positive in ((_OUTCOME_NEGATIVE, False), (_OUTCOME_POSITIVE, True))
        for pattern in patterns for match in pattern.finditer(text)]
    if _FELL_THROUGH.search(text):
        cues += [(span, False, subject) for span, subject in _fell_through(tokens)]
    for (start, end), positive, subject in cues:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        claim = _outcome_claim(statement, tokens, start, end, positive, subject)
        if claim is not None:
            found.append(claim)
    return found


def _fell_through(tokens: list[_Token]) -> Iterator[tuple[tuple[int, int], list[_Token]]]:
    """Where talks or a deal "fell through" (or "have fallen through"): the span from the subject to "through",
    and the subject's words after its head ("on a maritime truce"), which say what the talks were on."""
    for index, token in enumerate(tokens):
        if token.lower not in ("fell", "fallen") or _word(tokens, index + 1) != "through":
            continue
        group = _verb_group(tokens, index)
        if group is None or group.negations or group.future:
            continue
        subject, _ = _phrase_left(tokens, group.edge)
        head = _head_token(subject)
        if head is None or head.lower not in _FELL_THROUGH_NOUNS:
            continue
        rest = subject[subject.index(head) + 1:]
        on = [t for t in rest if t.lower in ("on", "over", "about")][:1]
        yield (subject[0].start, tokens[index + 1].end), rest[rest.index(on[0]) + 1:] if on else []


def _outcome_claim(statement: Statement, tokens: list[_Token], cue_start: int, cue_end: int, positive: bool,
                   subject_object: list[_Token]) -> Claim | None:
    """The claim of an outcome cue at ``cue_start:cue_end``; ``subject_object`` is what a subject inside the cue
    says the talks were on ("the talks on a maritime truce fell through")."""
    text = statement.text
    before = [t for t in tokens if t.end <= cue_start]
    # The clause before the cue must be asserted: no modal, no condition, no "to" (an aim), no hedge.
    clause_start = 0
    for token in reversed(before):
        if token.text in ";:—–(":
            clause_start = token.end
            break
    lead = [t for t in before if t.start >= clause_start]
    words = [t.lower for t in lead]
    if any(w in MODALS or w in _CONDITIONAL for w in words) or (words and words[-1] == "to"):
        return None
    if any(w in ("hope", "hoped", "hopes", "aim", "aims", "seek", "seeks", "expected", "likely", "want", "wants",
                 "attempt", "effort", "bid", "push") for w in words[-6:]):
        return None
    negations = sum(1 for w in words[-3:] if w in NEGATORS or w.endswith(("n't", "n’t")))
    if negations > 1 or (negations and not positive):
        return None
    if negations:
        positive = False
    # What the outcome was on: "on the central issue of territory", "on the front line".
    after = [t for t in tokens if t.start >= cue_end]
    object_tokens: list[_Token] = []
    if after and after[0].lower in ("on", "over", "about", "regarding"):
        for token in after[1:]:
            if token.text in _STOP_PUNCTUATION or token.lower in _CLAUSE_WORDS or len(object_tokens) >= 12 \
                    or token.lower in ("at", "in", "during", "between", "with"):
                break  # "a deal on the front line at the talks in Geneva": the where is not the what
            object_tokens.append(token)
        if not object_tokens:
            return None
    elif subject_object:
        for token in subject_object:
            if token.lower in ("at", "in", "during", "between", "with") or len(object_tokens) >= 12:
                break
            object_tokens.append(token)
    end = max(object_tokens[-1].end, cue_end) if object_tokens else cue_end
    if _hedged(text[clause_start:end]) or _hedged_words(tokens, cue_start, end):
        return None
    if re.search(r"\b(?:so\s+far|yet)\b", text[cue_start:end + 20], re.IGNORECASE):
        return None
    attribution = _sentence_attribution(tokens, cue_start, end)
    object_text = text[object_tokens[0].start:object_tokens[-1].end] if object_tokens else ""
    # What to show: from the nearest boundary before the cue to the end of its clause, or the whole
    # clause when that does not say which talks ("ended without any breakthrough").
    shown_end = end
    for token in [t for t in tokens if t.start >= end][:15]:
        if token.text in _STOP_PUNCTUATION:
            break
        shown_end = token.end
    start = clause_start
    for token in reversed(lead):
        if token.text == "," or token.lower in ("that", "with"):
            if _TALKS.search(text[token.end:shown_end]):
                start = token.end
            break
    while start < len(text) and text[start].isspace():
        start += 1
    return Claim(statement, "outcome", positive, "talks", "the talks", object_text, _content(object_text), False,
                 attribution, start, shown_end)


# --- comparing claims -------------------------------------------------------------------------------

def _content(text: str) -> frozenset[str]:
    """Content words, stemmed; days and months left out ("the plan on Tuesday" is about the plan)."""
    words = (w.lower().replace("’s", "").replace("'s", "") for w in re.findall(r"[\w.’'-]+", text))
    cleaned = {w.strip(".").replace("u.s", "us") for w in words}
    return frozenset(stem(w) for w in cleaned if w and w not in _STOPWORDS and w not in _CALENDAR
                     and (len(w) > 2 or w.isdigit() or w == "us"))


def _version(words: Iterable[str]) -> str:
    for word in words:
        if word in LATER_WORDS:
            return "later"
        if word in EARLIER_WORDS:
            return "earlier"
    return ""


@functools.lru_cache(maxsize=4096)
def names_and_places(statement: Statement) -> tuple[frozenset[str], frozenset[str]]:
    """Names in the sentence (not its first word, not a party or a month), and the places after in/at."""
    tokens = _tokens(statement.text)
    names, places = set(), set()
    for index, token in enumerate(tokens):
        if index == 0 or not token.text[:1].isupper() or token.bare in _NOT_ANCHORS or token.bare in TITLE_WORDS:
            continue
        names.add(_person(token.bare))
        previous = _word(tokens, index - 1)
        if previous in ("in", "at") or (previous == "the" and _word(tokens, index - 2) in ("in", "at")):
            places.add(token.bare)
    return frozenset(names), frozenset(places)


@functools.lru_cache(maxsize=4096)
def _dates(statement: Statement) -> frozenset[tuple[dt.date, str]]:
    return frozenset((m.date, m.precision) for m in find_dates(statement.text, statement.published))


_ACTIONS = frozenset({"sign", "receive", "meet", "withdraw", "release", "travel", "attend", "event"})
"""Frames of things done rather than positions taken: an article that says one was not done may have been
overtaken by a later one that says it was (a summit postponed on Monday and held on Thursday)."""
_EVENT_FRAMES = frozenset({"outcome", "event"})
"""Frames about an event rather than an actor: two claims must name the same place, person or date."""


def _key(claim: Claim) -> tuple[str, str, bool, bool, str]:
    """What two claims on one matter must share: frame, actor, tense and attribution."""
    return claim.frame, claim.actor, claim.future, claim.earlier, claim.attribution


def same_matter(a: Claim, b: Claim) -> bool:
    """Whether two claims answer the same question (whatever their polarity): see the module's docstring."""
    if _key(a) != _key(b):
        return False
    if a.source_id != b.source_id:
        # One source's claims are grouped more freely (dates and places aside): that it says both
        # "rejected in March" and "accepted in December" shows a change, and no other source then
        # contradicts either.
        published = (a.statement.published, b.statement.published)
        if published[0] and published[1] and abs((published[0] - published[1]).days) > MAX_DAYS_APART:
            return False
        dates_a, dates_b = _dates(a.statement), _dates(b.statement)
        if dates_a and dates_b and not dates_a & dates_b:
            return False
        names_a, places_a = names_and_places(a.statement)
        names_b, places_b = names_and_places(b.statement)
        if places_a and places_b and not places_a & places_b:
            return False
        if a.frame in _EVENT_FRAMES and not (names_a & names_b or dates_a & dates_b):
            return False
        if a.frame in _ACTIONS and a.positive != b.positive:
            undone, done = (a, b) if b.positive else (b, a)
            if undone.statement.published and done.statement.published \
                    and undone.statement.published < done.statement.published:
                return False  # "did not travel to Moscow" on Monday, "arrived in Moscow" on Thursday: since done
            if undone.delayed and not (undone.statement.published and done.statement.published
                                       and done.statement.published < undone.statement.published):
                return False  # "the vote was delayed", "the vote took place": perhaps hours later, that day
    numbers_a = {w for w in a.object_words if _NUMBER.search(w)}
    numbers_b = {w for w in b.object_words if _NUMBER.search(w)}
    if numbers_a != numbers_b:
        return False
    if _version(a.object_words) != _version(b.object_words):
        return False
    specific_a = {w for w in a.object_words if w not in GENERIC_WORDS and w not in LATER_WORDS and w not in EARLIER_WORDS}
    specific_b = {w for w in b.object_words if w not in GENERIC_WORDS and w not in LATER_WORDS and w not in EARLIER_WORDS}
    # With no actor, one word ("the prisoners were released") could be any prisoners: it counts as generic.
    vague = not a.actor and (len(a.object_words) < 2 or len(b.object_words) < 2)
    if (specific_a or specific_b) and not vague:
        if specific_a - specific_b and specific_b - specific_a:
            return False  # each names what the other does not: "troops from Donetsk", "troops from Sumy"
        return len(specific_a & specific_b) / len(specific_a | specific_b) >= SAME_OBJECT
    if a.frame in _EVENT_FRAMES and not a.object_words and not b.object_words:
        return True  # "the talks in Geneva ended without agreement": the names in common say which talks
    if len(a.object_words) >= 2 and a.object_words == b.object_words:
        return True  # "the revised peace plan" in both: generic words, but the same ones
    # "the plan" alone could be any plan: the rest of the two sentences must show it is the same one.
    context_a = _content(a.statement.text) - _content(a.clause)
    context_b = _content(b.statement.text) - _content(b.clause)
    return len(context_a & context_b) >= CONTEXT_WORDS


def find_contradictions(statements: Sequence[Statement]) -> list[Conflict]:
    """Every matter on which claims of different sources in ``statements`` are opposite, in input order."""
    claims: list[Claim] = []
    for statement in statements:
        read = claims_in(statement)
        claims += read + welcome_answers(read)  # in input order: the side said first is shown first
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    opposed: set[int] = set()
    by_key: dict[tuple[str, str, bool, bool, str], list[int]] = {}
    for index, claim in enumerate(claims):
        by_key.setdefault(_key(claim), []).append(index)
    for members in by_key.values():
        if len({claims[i].positive for i in members}) < 2 or len({claims[i].source_id for i in members}) < 2:
            continue  # one polarity, or one source: nothing in this group can be contradicted
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if same_matter(claims[i], claims[j]):
                    parent[root(j)] = root(i)
                    if claims[i].positive != claims[j].positive and claims[i].source_id != claims[j].source_id:
                        opposed.update((i, j))
    groups: dict[int, list[int]] = {}
    for index in range(len(claims)):
        groups.setdefault(root(index), []).append(index)
    found: list[Conflict] = []
    for members in groups.values():
        if not any(i in opposed for i in members):
            continue
        said = [claims[i] for i in members]
        if {c.source_id for c in said if c.positive} & {c.source_id for c in said if not c.positive}:
            continue  # a source that says both describes a change
        # Each side shows the claims opposed to one on the other side: a group joins claims through others
        # ("rejected on Dec. 1" and "rejected" are one matter, "rejected" and "accepted on Dec. 3" another),
        # and "rejected on Dec. 1" does not contradict "accepted on Dec. 3".
        said = [claims[i] for i in members if i in opposed]
        yes = [c for c in said if c.positive]
        no = [c for c in said if not c.positive]
        first, second = (yes, no) if said[0].positive else (no, yes)
        found.append(Conflict(_question(yes[0], no[0]), (tuple(_one_per_source(first)),
                                                        tuple(_one_per_source(second)))))
    return found


def _one_per_source(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.source_id, claim)
    return list(seen.values())


def _question(claim: Claim, opposite: Claim) -> str:
    """What the sources disagree on, from a positive claim (and a negative one): "whether the Kremlin accepted
    the revised plan", "whether Russia agreed to withdraw its troops", "whether the 20-point plan was accepted"."""
    if claim.frame == "outcome":
        return "whether the talks ended in agreement" + (f" on {claim.object_text}" if claim.object_text else "")
    past, future, perfect = _QUESTION_OF[claim.frame]
    verb = future if claim.future else perfect if claim.earlier else past
    if claim.frame == "accept" and opposite.infinitive:
        verb = {"will accept": "will agree to", "had accepted": "had agreed to"}.get(verb, "agreed to")
    if not claim.actor:  # an agentless passive
        participle = _PASSIVE_QUESTION_OF[claim.frame]
        be = "were" if re.search(r"\b(?:were|are|have)\b", claim.clause, re.IGNORECASE) else "was"
        verb = f"will be {participle}" if claim.future else f"had been {participle}" if claim.earlier \
            else f"{be} {participle}"
        return f"whether {claim.object_text} {verb}"
    actor = claim.actor_text
    if actor[:1].islower():
        actor = "the " + actor if not actor.lower().startswith(("the ", "a ")) else actor
    object_text = claim.object_text
    if claim.frame == "withdraw" and object_text.startswith("of "):
        object_text = "from" + object_text[2:]  # "pulled out of the grain deal"
    return f"whether {actor} {verb} {object_text}".rstrip()


def statements_of(passages: Iterable[tuple[str, str, int, dt.date | None]]) -> list[Statement]:
    """The sentences of passages given as (text, source id, offset in the source, publication date)."""
    found = []
    for text, source_id, offset, published in passages:
        for start, end in sentence_bounds(text, 0, len(text)):
            found.append(Statement(text[start:end], source_id, offset + start, published))
    return found
