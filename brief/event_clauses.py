"""What a timeline row shows of the sentence that dates an event: the event, not the wire dateline before it,
nor a second event or an aside after it.

A timeline is read at a glance, down the dates. A 50-word sentence such as "KYIV, Dec 9 (Meridian Wire) -
Ukraine has sent the United States a revised version of the U.S.-drafted peace framework after three days of
talks in Florida, officials in Kyiv said on Tuesday, while the Kremlin repeated that any settlement must begin
with Ukrainian troops leaving …" tells the day's event in its first half; the Kremlin's demand is another
statement, which the brief's items carry. So a row shows, verbatim:

- the sentence after a leading wire dateline ("KYIV, Dec 9 (Meridian Wire) - "), whose date the row's Date
  column gives anyway;
- up to where, after the date expression, a clause that tells something else begins: "…, while the Kremlin
  repeated", "…, before joining a dinner", "…, which include", "…; …". A "while"/"as" clause is cut only
  when a new subject follows it ("while conceding that …" goes on telling the same event, and stays).

A cut is marked with " …", which :mod:`brief.verify` reads as such. Short sentences are shown whole, and no
cut is made inside a quotation, or where it would leave too little or take too little away.
"""

from __future__ import annotations

import re

from brief.dates import leading_dateline

ELISION = "…"
"""The mark that ends a row whose sentence goes on."""
SHORT_SENTENCE_WORDS = 25
"""A sentence of at most this many words is shown whole."""
MIN_KEPT_WORDS = 10
"""A cut leaves at least this many words."""
MIN_CUT_WORDS = 5
"""A cut takes away at least this many words."""

_NEXT_STATEMENT = re.compile(
    r",\s+(?:while|as|whereas)\s+(?![a-z]+ing\b)(?=(?:the|a|an|its|his|her|their)\b|[A-Z])"  # a new subject
    r"|,\s+(?:before|after)\s+(?=[a-z]+ing\b)"  # a later or earlier act: "before joining a dinner"
    r"|,\s+which\s+"
    r"|;\s+")


_WHAT_ELSE_BEGINS = re.compile(
    _NEXT_STATEMENT.pattern
    + r"|,\s+(?=[a-z]+ing\b)"  # a participle clause: ", torpedoing a U.S. ultimatum"
    + r"|\s+with\s+(?=(?:[\w’'-]+\s+){1,3}?[a-z]+ing\b)")  # what went with it: "with both sides describing …"
"""Where, in a sentence an item shows, what follows the event begins: a new statement (:data:`_NEXT_STATEMENT`),
a participle clause, or a "with" and what went with the event. Not a comma inside a list, nor the "with" of a
verb ("meet with Putin"): cut there, the row would say less than the event."""
_OPENING_CLAUSE = re.compile(r"(?:After|When|Before|Following|Once|As)\s")
"""A sentence that opens on the clause telling the event: "After the Kremlin meeting … ended without agreement
this week, attention has turned …" keeps the clause."""
_COMMA = re.compile(r",\s+")
TOLD_ELSEWHERE_WORDS = 16
"""A row whose sentence an item of the brief shows is cut to its event when longer than this many words."""
MIN_EVENT_WORDS = 6
"""What such a cut leaves: at least this many words."""


def _inside_quotation(text: str) -> bool:
    """Whether ``text`` ends inside a quotation: an opening mark not yet closed."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def event_clause(sentence: str, expression_start: int, expression_end: int, *, told_elsewhere: bool = False) -> str:
    """What a timeline row shows of ``sentence`` (verbatim, with " …" after a cut), whose date expression is
    ``sentence[expression_start:expression_end]``.

    ``told_elsewhere``: an item of the brief shows the sentence already, so the row needs only say what happened
    when (:func:`_up_to_the_event`)."""
    start = 0
    dateline = leading_dateline(sentence)
    if dateline is not None and sentence[dateline.end():dateline.end() + 1].isupper():
        start = dateline.end()
    shown = sentence[start:]
    after = max(expression_end - start, 0)
    if told_elsewhere:
        event = _up_to_the_event(shown, after)
        if event is not None:
            return event
    if len(shown.split()) <= SHORT_SENTENCE_WORDS:
        return shown
    for boundary in _NEXT_STATEMENT.finditer(shown, after):
        kept, cut = shown[:boundary.start()], shown[boundary.start():]
        if len(kept.split()) < MIN_KEPT_WORDS or _inside_quotation(kept):
            continue
        if len(re.findall(r"[\w’'-]+", cut)) < MIN_CUT_WORDS:
            break
        return f"{kept.rstrip(' ,;:')} {ELISION}"
    return shown


def _up_to_the_event(shown: str, after: int) -> str | None:
    """``shown`` up to where, after its date expression (which ends at ``after``), what follows the event
    begins (:data:`_WHAT_ELSE_BEGINS`): "Two days of talks in Berlin … ended on Monday …" of a sentence that
    goes on "with both sides describing …". None when the sentence is short, or no such cut leaves enough and
    takes enough away."""
    if len(shown.split()) <= TOLD_ELSEWHERE_WORDS:
        return None
    boundaries = list(_WHAT_ELSE_BEGINS.finditer(shown, after))
    if _OPENING_CLAUSE.match(shown) and (comma := _COMMA.search(shown, after)):
        boundaries.insert(0, comma)
    for boundary in sorted(boundaries, key=lambda b: b.start()):
        kept, cut = shown[:boundary.start()], shown[boundary.start():]
        if len(kept.split()) < MIN_EVENT_WORDS or _inside_quotation(kept) or kept.count("(") > kept.count(")"):
            continue
        if len(re.findall(r"[\w’'-]+", cut)) < MIN_CUT_WORDS:
            return None
        return f"{kept.rstrip(' ,;:')} {ELISION}"
    return None


def without_elision(shown: str) -> str:
    """``shown`` without the marks of a cut at either end: the part that must be in the source verbatim."""
    text = shown.strip()
    if text.endswith(f" {ELISION}") or text.endswith(" ..."):
        text = text[:-len(ELISION if text.endswith(ELISION) else "...")].rstrip()
    if text.startswith(f"{ELISION} "):
        text = text[len(ELISION):].lstrip()
    return text
