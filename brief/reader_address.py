"""Sentences that tell the reader nothing about the talks: the page talking to its reader, and
watch-list questions, orders and labelled opinions.

- **The page talking to its reader**: a greeting ("Good morning."), a sign-off ("That's all from
  us for today.", "The newsletter will return on 5 January."), a table of contents ("Here is what
  you need to know about …"), an interview's framing ("We asked her where the negotiations stand.").
  Neither an event nor an item.
- **A watch-list question**: a "Whether …" that asks and never says ("Whether Putin answers the
  U.S. documents before the New Year holidays, or lets the matter drift into January."), alone or
  under a label ("What to watch this week: Whether …"). Neither an event nor an item.
- **The newsroom's note on its own reporting**: "Larkspur Wire could not establish what the draft says …",
  "The figures could not be independently verified." A caveat on what the article could find out, about a
  draft or a figure its reader has just read of: neither an event nor an item (shown alone, it reads as an
  outlook, with "the draft" undefined).
- **An order to the reader or a labelled opinion** ("Expect a quiet holiday period …", "Our view:
  …"): no event; an item may still carry it, cited to the outlet whose view it is.
"""

from __future__ import annotations

import re

from brief.segmentation import sentence_bounds
from brief.speakers import SPEECH_VERB

_TO_THE_READER = re.compile(
    r"(?:^|[.!?]\s+)(?:Good (?:morning|afternoon|evening)\s*[.,!]"
    r"|Welcome (?:back )?to (?:the|our|this|today[’']s) (?:newsletter|briefing|bulletin|live blog|blog|coverage|edition"
    r"|podcast)\b"
    r"|That[’']s (?:it|all) (?:for|from)\b|That is (?:it|all) (?:for|from)\b"
    r"|Thanks? (?:you )?for (?:reading|following|joining|watching)"
    r"|(?:We|I)(?:[’']ll| will) be back\b|Here(?:[’']s| is| are) what you need to know\b"
    r"|(?:We|I) asked (?:him|her|them) (?:where|what|how|whether|why|when|about)\b"
    r"|(?:The|This|Our)(?:\s+[\w’'-]+){0,3}? (?:newsletter|live blog|blog|live coverage|podcast|bulletin|briefing)"
    r" (?:will|is to)"
    r" (?:return|be back|resume)\b)", re.IGNORECASE)
_LABEL = r"(?:What to watch(?: this week| next week| next)?|Watch|To watch|Questions?|Open questions?)\s*:\s*"
_ASKS = re.compile(rf"\s*(?P<label>{_LABEL})?Whether\b")
_ASIDE = re.compile(r",\s+(?:or|which|who|where|when|as|while|and)\b[^,;]*")
""", or lets the matter drift …", ", which would cover …": an alternative or an aside, not the sentence's verb."""
_MAIN_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|remains?|remained|depends?|depended"
    r"|hinges?|rests?"
    r"|matters?|shapes?|decides?|determines?|seems?|looks?|turns? on)\b", re.IGNORECASE)
"""A verb of the sentence's own, after its "Whether" clause ("Whether Russia will agree is anyone's guess")."""
_WHETHER_OR = re.compile(r"\s*Whether\s+(?:in|through|at|by|on|from|for|with|under|via)\b|[^;]*?\bor not\s*,",
                         re.IGNORECASE)
""""Whether in Istanbul's back-channel talks or through UN appeals, each attempt has stalled", "Whether Kyiv
agrees or not, …": whichever it is, the sentence goes on to say something."""
_SAID = re.compile(rf"[,”\"]\s+[^,.;]*\b{SPEECH_VERB}\b")
""""…, Zelensky warned": the words are someone's, reported."""
_BIDS_OR_JUDGES = re.compile(
    r"\s*(?:(?:Do not|Don[’']t) (?:expect|count on|look for|bet on)\b"
    r"|(?:Expect|Watch|Look (?:for|out for)|Keep an eye on|Remember|Bear in mind|Note that)\b(?! (?:is|are|was|were)\b)"
    r"|(?:Our|My|The) (?:view|take|verdict|assessment|read|reading|bottom line)\s*:"
    r"|(?:Bottom line|Analysis|Opinion|Comment|Verdict)\s*:)")


_NEWSROOM = (r"(?:(?:[A-Z][\w&.’'-]*\s+){0,3}(?:Wire|News|Post|Times|Press|Agency|Journal|Ledger|Herald|Tribune"
             r"|Gazette|Reuters|AP|AFP|Bloomberg|BBC|CNN|Broadcasting|Desk)|(?:The|This)\s+(?:newspaper|paper|outlet"
             r"|publication|agency|broadcaster|newsroom)|We|I)")
_OWN_REPORTING = re.compile(
    rf"^{_NEWSROOM}\s+(?:(?:could|can|did|has|have|had)\s*(?:not|n[’']t)(?:\s+been\s+able\s+to)?|(?:was|were)\s+"
    r"(?:not\s+able|unable)\s+to)\s+(?:independently\s+)?(?:establish|verify|confirm|determine|corroborate"
    r"|ascertain|obtain|review|see)\b"
    r"|^(?:The|These|Those|This|That|Such|Neither|None)\b[^.,;]{0,60}?\b(?:could|can)\s*(?:not|n[’']t)\s+be\s+"
    r"(?:independently\s+)?(?:verified|confirmed|established)\b")


def notes_own_reporting(text: str) -> bool:
    """Whether ``text`` opens on the newsroom's note on its own reporting: "Larkspur Wire could not establish
    what the draft says should happen if …", "The figures could not be independently verified." (A claim
    with such a note after it, "Russia said it downed 40 drones, a claim that could not be verified", says
    something.)"""
    return bool(_OWN_REPORTING.match(text))


def talks_to_reader(text: str) -> bool:
    """Whether ``text`` has a sentence in which the page talks to its reader (a greeting, a sign-off, a
    table of contents, an interview's framing)."""
    return bool(_TO_THE_READER.search(text))


def asks_without_saying(text: str) -> bool:
    """Whether ``text`` opens on a watch-list question: "Whether …", perhaps after "What to watch:", that its
    first sentence never answers. Without a label, a "Whether" sentence that has a verb of its own besides
    its asides ("Whether Russia will agree is anyone's guess", "Whether talks resume depends on Moscow")
    says something; "Whether Putin answers …, or lets the matter drift into January." does not."""
    asks = _ASKS.match(text)
    if asks is None:
        return False
    if asks.group("label"):
        return True
    if _WHETHER_OR.match(text):
        return False
    bounds = sentence_bounds(text, 0, len(text))
    first = text[asks.end():bounds[0][1] if bounds else len(text)]
    return not _MAIN_VERB.search(_ASIDE.sub("", first))


def tells_no_event(sentence: str) -> bool:
    """Whether ``sentence`` talks to the reader, asks without saying, bids the reader ("Expect …"), gives a
    labelled opinion ("Our view: …") or notes what the newsroom could not find out: whatever date it names,
    nothing happened then."""
    bids = bool(_BIDS_OR_JUDGES.match(sentence)) and not _SAID.search(sentence)  # "Expect …, Zelensky warned."
    return talks_to_reader(sentence) or asks_without_saying(sentence) or bids or notes_own_reporting(sentence)
