"""Whether a passage passes judgement in its author's own voice.

An analysis weaves its author's reading of events into what it reports: "The current stalemate confirms that …
a genuine compromise remains elusive.", "… his caveat that a compromise option had not been found speaks
volumes.", "The Kremlin's firm stance … has laid bare the fundamental schism …" (seed 002). Shown in a brief as
a bare statement, such a sentence reads as the brief's own finding, or as a fact. The brief marks it as the
author's assessment instead (:data:`brief.briefing.ASSESSMENT_NOTE`), as it marks advice as the author's
recommendation (:mod:`brief.recommendations`).

A passage assesses when a clause of it, outside quotation marks:

- reads events as evidence of something: "… confirms that", "… underscores", "…, highlighting …", "… reveals",
  "… lays bare" (:data:`_EVIDENCES`), when what does so is a state of affairs, not a person who confirms or a
  report that shows ("Ushakov confirmed that …", "Recent reporting from Reuters highlights that …"); or
- uses an idiom of judgement: "speaks volumes", "remains elusive", "will be decisive", "the key question",
  "the worst of both worlds", "a stark reminder" (:data:`_JUDGING`);

and the clause says whose view it is nowhere: no verb of saying, no "according to", no "seen by analysts as".
A clause ends at "; " or ", but": "Ushakov described the talks as “…”, but his caveat … speaks volumes." reports
Ushakov and then judges. A colon or a dash does not end one: "Zelensky said: the strike confirms …" is his.
"""

from __future__ import annotations

import re

from brief.lead_labels import view_after_label
from brief.quotes import blank_quotations
from brief.recommendations import HOLDS_A_VIEW
from brief.segmentation import sentence_bounds
from brief.speakers import SPEECH_VERBS, names_a_function

_EVIDENCES = re.compile(
    r"\b(?P<verb>(?:confirm|underscor|highlight|illustrat|demonstrat|reveal|expos|betray)(?:s|es|ed|ing|e)?"
    r"|la(?:ys?|id|ying)\s+bare)\b(?!\s+by\b)", re.IGNORECASE)
"""Verbs that read what happened as evidence of something else ("The stalemate confirms that …"); not in the
passive ("first revealed by Axios", "confirmed by local officials")."""
_JUDGING = re.compile(
    r"\b(?:speak(?:s|ing)?\s+volumes|spoke\s+volumes|remain(?:s|ed)?\s+elusive|(?:will|would)\s+(?:be|prove)\s+decisive"
    r"|the\s+key\s+question\s+(?:now\s+)?(?:is|remains|shifts|will\s+be|for)|worst\s+of\s+both\s+worlds"
    r"|wishful\s+thinking|fig\s+leaf|(?:a|an)\s+(?:stark|sobering|grim)\s+reminder|it\s+is\s+no\s+coincidence"
    r"|tellingly)\b", re.IGNORECASE)
"""Idioms in which an author judges rather than reports ("The key question now shifts to Kyiv", not "talks on the
key question of territory")."""
_REPORTS = frozenset("""
report reports reporting transcript transcripts data images image imagery footage photos video videos survey surveys
poll polls study studies test tests document documents text draft drafts statement statements readout figures
records intelligence letter memo analysis analyses filing map maps tally count audit investigation review evidence
plan plans proposal framework agreement deal treaty annex clause constitution law
""".split())
"""Nouns of a report or a text, which shows or sets out rather than judges ("The draft reveals that …")."""
_BODIES = frozenset("""
officials ministry government office administration authorities delegation delegations side sides army military
forces police agency team sources source people residents witnesses media newspaper outlet kremlin he she they
who i we
""".split())
"""Nouns and pronouns of people or of a body that confirms or reveals as news ("Neither side confirmed …"); a
person's function is in :data:`brief.speakers.ROLE_HEADS`."""
_BETWEEN = re.compile(r"(?:\w+ly|further|also|only|again|once|more|merely|thus|therefore|now|later|still|has|have"
                      r"|had|did|does|do|could|would|can|will|may|might|first)$", re.IGNORECASE)
"""Adverbs and auxiliaries between a subject and its verb ("… further underscores …", "… has laid bare …")."""
_NOT_ITS_SUBJECT = frozenset("is are was were be been being to not never nor neither remains remain seems appears"
                             .split())
"""Words before a verb that make it passive, an infinitive, a denial or an adjective ("The talks were confirmed for
Friday", "declined to confirm", "did not immediately confirm", "neither confirmed nor denied", "remains exposed"):
news, not a reading of it."""
_PRONOUNS_OF_THINGS = frozenset("this that it which these those".split())
_PREPOSITIONS = frozenset("in at on near outside over since during until of from for".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_WHOSE_VIEW = re.compile(rf"\b(?:{HOLDS_A_VIEW}|seen\s+by\s+\w+(?:\s+\w+)?\s+as|call(?:s|ed)?\s+(?:it|this|that|the))\b",
                         re.IGNORECASE)
"""Words that say whose view a judgement is (:data:`brief.recommendations.HOLDS_A_VIEW`, "seen by analysts as",
"Zelensky called the strike a stark reminder"); not a demand, which a clause may report of the thing judged
("The … resolution, which demanded Russia … return all … children, further underscores …")."""
_CLAUSE_END = re.compile(r";\s|,\s+(?:but|yet)\s")
"""Where a clause that reports ends and one that judges may begin ("… described the talks as “…”, but his caveat
… speaks volumes."); not a colon or a dash, after or before which a speaker's words go on."""


def assesses(text: str) -> bool:
    """Whether ``text`` (a passage as a brief shows it) passes judgement in its author's voice (see the module's
    docstring), or gives what the page labels as its own view ("Analysis from our diplomatic editor: Putin's
    remarks leave little room for optimism …", :func:`brief.lead_labels.view_after_label`) without saying whose
    words those are (:func:`says_whose_view`)."""
    view = view_after_label(text)
    if view is not None and not says_whose_view(view):
        return True
    plain = blank_quotations(text)
    for start, end in sentence_bounds(plain, 0, len(plain)):
        for clause in _CLAUSE_END.split(plain[start:end]):
            if _judges(clause):
                return True
    return False


_SAYS = re.compile(r"\b(?:say|says|said|told|tells)\b")
"""The verbs of "…, an analyst said", "the envoys say …": not "Putin's remarks", a noun."""


def says_whose_view(text: str) -> bool:
    """Whether ``text`` says whose words or view it gives ("…, an analyst said", "according to ISW data"): under
    a page's "Analysis:" label, that is still reporting."""
    plain = blank_quotations(text)
    return bool(_WHOSE_VIEW.search(plain) or _SAYS.search(plain))


def _judges(clause: str) -> bool:
    """Whether one clause judges in its author's voice."""
    if _WHOSE_VIEW.search(clause):
        return False
    evidence = [match for match in _EVIDENCES.finditer(clause) if _a_state_of_affairs_before(clause, match.start())]
    if not evidence and not _JUDGING.search(clause):
        return False
    verbs = {match.group("verb").lower() for match in evidence}
    said = set(re.findall(r"[a-z]+", clause.lower())) & SPEECH_VERBS
    return not said - verbs


def _a_state_of_affairs_before(clause: str, at: int) -> bool:
    """Whether what comes before the verb at ``at`` is a state of affairs ("The current stalemate", "The Kremlin's
    firm stance, reportedly buoyed by …,", "…, highlighting"): not a person, a body or a report, named or not, and
    not the start of the clause ("Confirming the talks, …")."""
    words = clause[:at].split()
    while words and _BETWEEN.match(words[-1]) and words[-1].lower() not in _NOT_ITS_SUBJECT:
        words.pop()
    if not words or words[-1].lower().strip(",") in _NOT_ITS_SUBJECT:
        return False
    if words[-1].endswith(","):
        if clause[:at].rstrip().endswith(",") and clause[at:].split()[0].lower().endswith("ing"):
            return True  # "The conflict persists, highlighting …": the clause before is what shows it
        words = _before_the_aside(words)  # "The stance, reportedly buoyed by …, has laid bare"
    words = _before_places_and_times(words)  # "The deadlock in Geneva on Tuesday confirms …"
    if not words:
        return False
    bare = _POSSESSIVE.sub("", words[-1].strip(".,"))
    if len(words) == 1:
        return bare.lower() in _PRONOUNS_OF_THINGS  # "This confirms …", not "Zelensky confirmed …"
    head = bare.lower()
    if bare[:1].isupper() or head in _REPORTS or head in _BODIES:
        return False  # "Kremlin aide Ushakov confirmed", "The Kremlin confirmed", "The draft reveals"
    return not names_a_function(head)  # "The regional governor confirmed", "negotiators confirmed"


def _before_the_aside(words: list[str]) -> list[str]:
    """``words`` without the aside between commas that ends them ("The stance, reportedly buoyed by recent
    advances,"): what the aside is said of."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].endswith(","):
            return words[:index] + [words[index].rstrip(",")]
    return words[:1]


def _before_places_and_times(words: list[str]) -> list[str]:
    """``words`` without the names of places and days that end them after a preposition ("Officials in Kyiv",
    "The talks in Moscow on Tuesday"): what is there or then."""
    while len(words) > 2 and words[-1][:1].isupper() and words[-2].lower() in _PREPOSITIONS:
        words = words[:-2]
    return words
