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
A clause ends at "; ", a dash, a colon or ", but": "Ushakov described the talks as “…”, but his caveat … speaks
volumes." reports Ushakov and then judges.
"""

from __future__ import annotations

import functools
import re

from brief.quotes import blank_quotations
from brief.segmentation import sentence_bounds
from brief.speakers import SPEECH_VERBS

_EVIDENCES = re.compile(
    r"\b(?P<verb>(?:confirm|underscor|highlight|illustrat|demonstrat|reveal|expos|betray)(?:s|es|ed|ing|e)?"
    r"|la(?:ys?|id|ying)\s+bare)\b", re.IGNORECASE)
"""Verbs that read what happened as evidence of something else ("The stalemate confirms that …")."""
_JUDGING = re.compile(
    r"\b(?:speak(?:s|ing)?\s+volumes|spoke\s+volumes|remain(?:s|ed)?\s+elusive|(?:will|would)\s+(?:be|prove)\s+decisive"
    r"|the\s+key\s+question|worst\s+of\s+both\s+worlds|wishful\s+thinking|fig\s+leaf"
    r"|(?:a|an)\s+(?:stark|sobering|telling|clear|grim)\s+(?:reminder|sign|signal|illustration)"
    r"|it\s+is\s+no\s+coincidence|tellingly)\b", re.IGNORECASE)
"""Idioms in which an author judges rather than reports."""
_NOT_A_STATE_OF_AFFAIRS = frozenset("""
report reports reporting transcript transcripts data images image footage survey surveys poll polls study studies
document documents text draft drafts statement statements readout figures records intelligence letter memo
analysis analyses filing map maps tally count audit investigation review evidence plan plans proposal
framework agreement deal treaty annex clause constitution law
official officials aide aides minister ministers ministry spokesman spokeswoman spokesperson diplomat diplomats
source sources he she who president envoy envoys analyst analysts expert experts government office
""".split())
"""Nouns of a report (which shows rather than judges) or of a person (who confirms or reveals as news), and
pronouns of a person."""
_SOFT_WORDS = frozenset("further also only again clearly once more merely thus therefore now has have had".split())
"""Adverbs and auxiliaries between a subject and its verb ("… further underscores …", "… has laid bare …")."""
_NOT_ITS_SUBJECT = frozenset("is are was were be been being to not".split())
"""Words before a verb that make it passive or an infinitive ("The talks were confirmed for Friday", "declined to
confirm"): news, not a reading of it."""
_PRONOUNS_OF_THINGS = frozenset("this that it which these those".split())
_PLACE_OR_TIME = frozenset("in at on near outside over since during until".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_WHOSE_VIEW = re.compile(r"\b(?:according\s+to|seen\s+by\s+\w+(?:\s+\w+)?\s+as|in\s+the\s+view\s+of"
                         r"|analysts?\s+(?:say|said|believe|suggest|think|see)|experts?\s+(?:say|said|believe))\b",
                         re.IGNORECASE)
_CLAUSE_END = re.compile(r";\s|\s*[—–]\s*|\s-\s|:\s|,\s+(?:but|yet)\s")


@functools.lru_cache(maxsize=4096)
def assesses(text: str) -> bool:
    """Whether ``text`` (a passage as a brief shows it) passes judgement in its author's voice (see the module's
    docstring). Kept: the word budget and the item both ask it of every chosen item."""
    plain = blank_quotations(text)
    for start, end in sentence_bounds(plain, 0, len(plain)):
        for clause in _CLAUSE_END.split(plain[start:end]):
            if _judges(clause):
                return True
    return False


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
    """Whether what comes before the verb at ``at`` is a state of affairs: not a person's name, a person or a
    report, and not the start of the clause ("Confirming the talks, …")."""
    words = clause[:at].split()
    while words and words[-1].lower().strip(",") in _SOFT_WORDS:
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last.lower() in _NOT_ITS_SUBJECT:
        return False
    if last.endswith(","):
        return True  # "…, highlighting …": the clause before is what shows it
    bare = _POSSESSIVE.sub("", last.strip(".,"))
    if len(words) == 1:
        return bare.lower() in _PRONOUNS_OF_THINGS  # "This confirms …", not "Zelensky confirmed …"
    if bare[:1].isupper():
        # a name ("… Kremlin aide Ushakov confirmed …", "The Kremlin confirmed …"), unless of a place or a
        # time ("The deadlock in Geneva confirms …")
        return words[-2].lower() in _PLACE_OR_TIME
    return bare.lower() not in _NOT_A_STATE_OF_AFFAIRS
