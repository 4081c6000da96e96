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

from brief.speakers import SPEECH_VERBS

_NEEDED = re.compile(r"\b(?:is|are|remains?|would\s+be|will\s+be)\s+(?:therefore\s+|also\s+|thus\s+)?"
                     r"(?:essential|crucial|vital|imperative|indispensable)\b(?!\s+for\b)", re.IGNORECASE)
"""Something called needed; not "crucial for Ukraine", which says whom it matters to."""
_OUGHT = re.compile(r"(?<!\bhow\s)(?<!\bwhat\s)(?<!\bwhether\s)(?<!\bit\s)\b(?:should|ought\s+to|must|needs?\s+to)\s+"
                    r"(?!(?:have|be\s+(?:seen|read|noted|said))\b)\w+", re.IGNORECASE)
"""What someone should do; not "how it should work" nor "should have", which looks back."""
_OPTIONS = re.compile(r"^(?:the\s+)?(?:options|steps|measures|ways)\s+(?:for|to)\s+[^.;:]{1,80}?\binclude\b",
                      re.IGNORECASE)
_WHOSE_VIEW = re.compile(
    r"\b(?:according\s+to|under\s+the\s+(?:plan|draft|deal|proposal|framework|terms|constitution|law)"
    r"|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+for|want(?:s|ed)?"
    r"|warn(?:s|ed|ing)?|argu(?:e|es|ed|ing)|repeat(?:s|ed|ing)?|believ(?:e|es|ed)|view|reckon(?:s|ed)?)\b", re.IGNORECASE)
"""Words that say whose view a sentence is ("Moscow continues to demand that Ukraine must …"), or that it
tells the terms of a plan ("Under the plan, Ukraine must cap its army …")."""
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
_CONDITION = re.compile(r"^\W*(?:if|unless|whether|when|once)\b", re.IGNORECASE)


def recommends(text: str) -> bool:
    """Whether ``text`` (a passage as a brief shows it) recommends in its author's voice (see the module's
    docstring)."""
    plain = _QUOTED.sub(" ", text)
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])", plain.strip()):
        if sentence.rstrip(" ”\"’')").endswith("?") or _CONDITION.match(sentence):
            continue
        if not (_NEEDED.search(sentence) or _OUGHT.search(sentence) or _OPTIONS.match(sentence)):
            continue
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if not (words & SPEECH_VERBS) and not _WHOSE_VIEW.search(sentence):
            return True
    return False
