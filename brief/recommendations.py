"""Whether a passage recommends a course of action in its author's own voice.

An analysis ends on what should be done: "A coordinated strategy with Europe, focusing on pressure toward
Russia rather than vacillation, is essential.", "Options for increasing leverage include enforcing oil
sanctions, …" (seed 003's "Next Steps for the U.S."). Shown in a brief's Outlook as a bare statement, it
reads as the brief's own advice to the principal, or as a fact. The brief marks it as the author's
recommendation instead.

A passage recommends when a sentence of it, outside quotation marks:

- calls something needed: "is essential", "remains crucial", "would be vital" (:data:`_NEEDED`);
- says what a party or people should do: "Washington should …", "Europe must …", "the allies need to …"
  (:data:`_OUGHT`); or
- lists the options or steps for an end: "Options for increasing leverage include …" (:data:`_OPTIONS`);

and says whose view it is nowhere: no verb of saying or demanding ("Putin repeated that Ukraine must
withdraw", "Moscow continues to demand that Ukraine must relinquish …" are a party's demand, reported), no
"according to". A question ("Should Europe …?") or a condition ("If Kyiv must …") recommends nothing.
"""

from __future__ import annotations

import re

from brief.quotes import blank_quotations
from brief.segmentation import sentence_bounds
from brief.speakers import SPEECH_VERBS

_NEEDED = re.compile(r"\b(?:is|are|remains?|would\s+be|will\s+be)\s+(?:therefore\s+|also\s+|thus\s+)?"
                     r"(?:essential|crucial|vital|imperative|indispensable)\b(?!\s+(?:for|to)\s+(?!\w+ing\b))",
                     re.IGNORECASE)
"""Something called needed, or needed to an end ("essential to ending the war"); not "crucial for Ukraine" or
"vital to Ukraine's economy", which say whom or what it matters to."""
_ACTORS = (r"(?:U\.S\.|United\s+States|Washington|America|Europe|European\s+Union|EU|West|Kyiv|Ukraine|Moscow|Russia"
           r"|Kremlin|NATO|allies|partners|governments?|administration|leaders|capitals|policymakers|donors"
           r"|Congress|Brussels|London|Paris|Berlin|it|they|we)")
_OUGHT = re.compile(rf"(?<![\w.])(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w.-]*\s+){{0,2}}{_ACTORS}(?:[’']s)?"
                    r"\s+(?:(?:therefore|also|now|still|first|instead|urgently)\s+)?"
                    r"(?:should|ought\s+to|must|needs?\s+to)\s+(?!(?:not\s+)?(?:have|be)\b)\w+", re.IGNORECASE)
"""What a party should do: "European governments should therefore plan …", "Washington must keep arming Kyiv";
not what a law or a plan requires ("The agreement must be ratified …", "Men aged 18 to 60 must stay …"), what is
expected ("The talks should resume next week"), nor "should have" or "must be feeling", which look back or guess."""
_OPTIONS = re.compile(r"^(?:the\s+)?(?:options|steps|measures|ways)\s+(?:for|to)\s+[^.;:]{1,80}?\binclude\b",
                      re.IGNORECASE)
HOLDS_A_VIEW = (r"according\s+to|made\s+clear|makes\s+clear|warn(?:s|ed|ing)?|argu(?:e|es|ed|ing)|believ(?:e|es|ed)"
                r"|view|reckon(?:s|ed)?")
"""Words that say whose view a sentence is ("According to Western officials, …", "Analysts argue that …", "in
his view"): a regular expression to put ``\b`` around."""
_WHOSE_VIEW = re.compile(
    rf"\b(?:{HOLDS_A_VIEW}|under\s+the\s+(?:[\w-]+\s+){{0,2}}(?:plan|draft|deal|proposal|framework|terms"
    r"|constitution|law)|per\s+the|stipulat\w*"
    r"|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+for|want(?:s|ed)?"
    r"|repeat(?:s|ed|ing)?)\b", re.IGNORECASE)
"""Words that say whose view a sentence is (:data:`HOLDS_A_VIEW`) or whose demand ("Moscow continues to demand
that Ukraine must …"), or that it tells the terms of a plan ("…, under the 28-point plan", "the draft
stipulates"). A colon says so too in a recommendation ("Peskov: Ukraine must …")."""
_CONDITION = re.compile(r"^\W*(?:if|unless|whether|when|once)\b", re.IGNORECASE)


def recommends(text: str) -> bool:
    """Whether ``text`` (a passage as a brief shows it) recommends in its author's voice (see the module's
    docstring)."""
    plain = blank_quotations(text)
    for start, end in sentence_bounds(plain, 0, len(plain)):
        sentence = plain[start:end]
        if sentence.rstrip(" ”\"’')").endswith("?") or _CONDITION.match(sentence):
            continue
        if not (_NEEDED.search(sentence) or _OUGHT.search(sentence) or _OPTIONS.match(sentence)):
            continue
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if not (words & SPEECH_VERBS) and not _WHOSE_VIEW.search(sentence) and ":" not in sentence:
            return True
    return False
