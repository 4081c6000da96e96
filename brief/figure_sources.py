"""Who gives a figure, as its sentence says: the body that counted or estimated it, not the article.

"Mediazona and the BBC's Russian service put Russian military deaths in 2025 at around 19,000", "The Institute
for the Study of War estimates Russia has gained 0.77% of Ukrainian territory this year", "Overnight Russia
launched 410 drones, the Ukrainian air force said", "… 650 drones, according to Ukraine's air force". A Key
figures row that sets deaths counted by one body beside casualties estimated by another must say whose each is.

Three forms are read: "according to X"; X opening the sentence before a verb of estimating or reporting ("put",
"estimates", "assessed", "says", "reported"); and ", X said" closing it. X is at most :data:`MAX_WORDS` words,
with no digit and no pronoun ("he said" does not say who).
"""

from __future__ import annotations

import re

MAX_WORDS = 8
"""The longest name of who gives a figure ("The Center for Strategic and International Studies")."""

_VERB = (r"(?:put|puts|estimates?|estimated|assessed|assesses|calculates?|calculated|reckons?|reckoned|says?|said"
         r"|reports?|reported|recorded|records)")
_OPENING = re.compile(rf"^(?P<who>[A-Z][^,;:()—–]*?)\s+(?:has\s+|have\s+)?{_VERB}\b")
_CLOSING = re.compile(rf",\s+(?P<who>[^,;:()—–]+?)\s+{_VERB}(?:\s+on\s+[A-Z]\w+|\s+in\s+a\s+statement)?[.”\"’']*\s*$")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:()—–]+?)(?=\s*(?:[,;:.()—–]|$))", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who"})
_COMMON_OPENERS = frozenset({"the", "officials", "analysts", "experts", "estimates", "sources", "diplomats",
                             "monitors", "observers"})
"""Words that open a sentence with a capital but are no name: "According to the …", "Officials said …"."""
_NOBODY_IN_PARTICULAR = frozenset({"most", "some", "many", "several", "other", "others", "all", "both", "few",
                                   "earlier", "new", "latest", "recent", "one", "another", "such", "independent"})
"""Words that open a subject that names nobody: "Most estimates put …", "Some analysts say …"."""


def given_by(sentence: str) -> str | None:
    """Who ``sentence`` says gives its figures ("Mediazona and the BBC's Russian service", "the Ukrainian air
    force"), or None when it does not say."""
    for pattern in (_ACCORDING, _OPENING, _CLOSING):
        match = pattern.search(sentence.strip())
        if match is not None:
            who = _who(match.group("who"))
            if who is not None:
                return who
    return None


def _who(text: str) -> str | None:
    words = text.split()
    if not words or len(words) > MAX_WORDS or any(c.isdigit() for c in text):
        return None
    if any(word.lower().strip("’'") in _PRONOUNS for word in words) or words[0].lower() in _NOBODY_IN_PARTICULAR:
        return None
    if not any(word[:1].isupper() for word in words) and words[0].lower() != "the":
        return None  # "officials in kyiv" is fine; "the air force" is too; "most estimates" is not
    if words[0].lower() in _COMMON_OPENERS:
        words[0] = words[0].lower()
    return " ".join(words)
