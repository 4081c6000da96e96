"""Sentences that tell the reader nothing about the talks: the page talking to its reader, and
watch-list questions, orders and labelled opinions.

- **The page talking to its reader**: a greeting ("Good morning."), a sign-off ("That's all from
  us for today.", "The newsletter will return on 5 January."), a table of contents ("Here is what
  you need to know about …"), an interview's framing ("We asked her where the negotiations stand.").
  Neither an event nor an item.
- **A watch-list question**: a "Whether …" that asks and never says ("Whether Putin answers the
  U.S. documents before the New Year holidays, or lets the matter drift into January."), alone or
  under a label ("What to watch this week: Whether …"). Neither an event nor an item.
- **An order to the reader or a labelled opinion** ("Expect a quiet holiday period …", "Our view:
  …"): no event; an item may still carry it, cited to the outlet whose view it is.
"""

from __future__ import annotations

import re

_TO_THE_READER = re.compile(
    r"(?:^|[.!?]\s+)[\"“]?(?:Good (?:morning|afternoon|evening)\b|Welcome (?:back )?to (?:the|our|this|today)\b"
    r"|That[’']s (?:it|all)\b|That is (?:it|all)\b|Thanks? (?:you )?for (?:reading|following|joining|watching)"
    r"|(?:We|I)(?:[’']ll| will) be back\b|Here(?:[’']s| is| are) what you need to know\b"
    r"|(?:We|I) (?:asked|spoke to|spoke with|talked to) (?:him|her|them)\b)"
    r"|\b(?:newsletter|live blog|blog|live coverage|podcast|bulletin|briefing) (?:will|is to) (?:return|be back|resume)\b",
    re.IGNORECASE)
_LABEL = r"(?:What to watch(?: this week| next week| next)?|Watch|To watch|Questions?|Open questions?)\s*:\s*"
_ASKS_WITHOUT_SAYING = re.compile(rf"\s*(?:{_LABEL})?Whether\b")
_WHETHER_THEN_SAYS = re.compile(
    r"\b(?:depends?|depended|hinges?|rests?|turns?|remains?|remained|is|was|will be|would be)\s+(?:still\s+|now\s+)?"
    r"(?:on|upon|unclear|uncertain|open|doubtful|in doubt|to be seen|an open question|the (?:key|main|big|central) question"
    r"|far from|not yet|unknown|another matter)\b")
""""Whether the Kremlin would accept monitors … remains doubtful.": the question is the subject of a statement."""
_WHETHER_OR = re.compile(r"\s*Whether\s+(?:in|through|at|by|on|from|for|with|under|via)\b|[^.!?]*\bor not\s*,",
                         re.IGNORECASE)
""""Whether in Istanbul's back-channel talks or through UN appeals, each attempt has stalled", "Whether Kyiv
agrees or not, …": whichever it is, the sentence goes on to say something."""
_BIDS_OR_JUDGES = re.compile(
    r"\s*(?:(?:Do not|Don[’']t) (?:expect|count on|look for|bet on)\b"
    r"|(?:Expect|Watch|Look (?:for|out for)|Keep an eye on|Remember|Bear in mind|Note that)\b(?! (?:is|are|was|were)\b)"
    r"|(?:Our|My|The) (?:view|take|verdict|assessment|read|reading|bottom line)\s*:"
    r"|(?:Bottom line|Analysis|Opinion|Comment|Verdict)\s*:)")


def talks_to_reader(text: str) -> bool:
    """Whether ``text`` has a sentence in which the page talks to its reader (a greeting, a sign-off, a
    table of contents, an interview's framing)."""
    return bool(_TO_THE_READER.search(text))


def asks_without_saying(text: str) -> bool:
    """Whether ``text`` opens on a watch-list question: "Whether …", perhaps after "What to watch:", that its
    sentence never answers ("Whether talks resume depends on Moscow." says something)."""
    if not _ASKS_WITHOUT_SAYING.match(text) or _WHETHER_OR.match(text):
        return False
    end = re.search(r"[.!?](?:\s|$)", text)
    return not _WHETHER_THEN_SAYS.search(text[:end.end()] if end else text)


def tells_no_event(sentence: str) -> bool:
    """Whether ``sentence`` talks to the reader, asks without saying, bids the reader ("Expect …") or
    gives a labelled opinion ("Our view: …"): whatever date it names, nothing happened then."""
    return talks_to_reader(sentence) or asks_without_saying(sentence) or bool(_BIDS_OR_JUDGES.match(sentence))
