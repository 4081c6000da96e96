"""The label an article puts before a point ("Diplomatic Deadlock: High-level, five-hour talks … ended …").

Articles written as lists of points head each point with a few capitalised words and a colon. A brief shows
the passage verbatim, label included, but sets the label in bold, as a brief of its own would: plain, it
reads like text pasted from the page. A label is at most :data:`MAX_LABEL_WORDS` words, each capitalised
but for small joining words ("Kyiv’s Red Lines", "The Future of Sanctions"), followed by a colon and a
capital letter or an opening quotation mark; at least :data:`MIN_POINT_WORDS` words must follow it. So is
one of the lead-ins some outlets write in sentence case ("Why it matters:", "The big picture:"), and a
transcript's speaker label ("DANIEL FERREIRA (analyst):", :mod:`brief.transcripts`). A transcript's passage
shown with the question before it holds a second turn ("Daniel, is a deal closer tonight? DANIEL FERREIRA
(analyst): Closer between Washington and Kyiv, certainly."): the label that opens it, after a sentence's end,
is set in bold too (:func:`labelled_parts`), or the guest's name reads as part of the anchor's question.
A label that gives the point as the page's own view ("Analysis from our diplomatic editor:", "Our reading:")
makes it the author's assessment (:func:`view_after_label`).
"""

from __future__ import annotations

import re

from brief.transcripts import CAPITAL, speaker_label

MAX_LABEL_WORDS = 6
MIN_POINT_WORDS = 4

_CAPITALISED = r"[A-Z][\w’'.&-]*"
_JOINING = r"(?:of|and|the|on|in|for|to|vs\.?|a|with|&)"
_LABEL = re.compile(rf"{_CAPITALISED}(?:(?:\s+(?:{_CAPITALISED}|{_JOINING})){{0,{MAX_LABEL_WORDS - 2}}}"
                    rf"\s+{_CAPITALISED})?:(?=\s+[A-Z“\"‘])")
"""Capitalised words, joining words between them but not last ("Russia and:" is no label)."""


_VIEW_LABELS = (r"Our (?:view|reading|take)|Analysis(?:\s+from\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}"
                r"(?:editor|correspondent|reporter|bureau|desk))?")
"""The labels under which a page gives its own staff's view ("Analysis from our diplomatic editor:", "Our
reading:"): what follows is judgement, however plainly it is worded (:func:`view_after_label`)."""
_SENTENCE_CASE_LABELS = re.compile(
    r"(?:Why it matters|The big picture|What[’']?s next|What to watch|Between the lines|Driving the news"
    r"|The bottom line|Bottom line|Yes, but|Go deeper|Catch up quick|State of play|Zoom in|Zoom out|Reality check"
    rf"|The other side|Flashback|What they[’']re saying|Background|Context|{_VIEW_LABELS}):"
    r"(?=\s+[A-Z“\"‘])")
"""The lead-ins some outlets write in sentence case ("Why it matters: …", a live blog's "Analysis from our
diplomatic editor: …")."""


def lead_label(text: str) -> str | None:
    """The label ``text`` opens on, with its colon ("Next Steps:"), or None."""
    match = _SENTENCE_CASE_LABELS.match(text) or _LABEL.match(text) or speaker_label(text)
    if match is None or len(text[match.end():].split()) < MIN_POINT_WORDS:
        return None
    return match.group()


_VIEW_LABEL = re.compile(rf"(?:{_VIEW_LABELS}):\s")


def view_after_label(text: str) -> str | None:
    """What follows the label ``text`` opens on when that label gives it as the page's own view, not as news (a
    live blog's "Analysis from our diplomatic editor: Putin's remarks leave little room for optimism …", a week
    in review's "Our reading: the month has brought …", whatever the case it goes on in); else None."""
    match = _VIEW_LABEL.match(text)
    return text[match.end():] if match and len(text[match.end():].split()) >= MIN_POINT_WORDS else None


_TURN_OPENS = re.compile(rf"(?<=[.?!…”\"’])\s+(?=[{CAPITAL}])")
"""Where a later turn of a transcript may begin inside a passage: after a sentence's end."""


def labelled_parts(text: str) -> tuple[tuple[str | None, str], ...]:
    """``text`` cut at its labels, as (label, what follows it up to the next label) pairs: the label it opens
    on (:func:`lead_label`; None when there is none) and the speaker label of each later turn ("Daniel, is a
    deal closer? DANIEL FERREIRA (analyst): Closer …" → (None, "Daniel, is a deal closer?"), ("DANIEL FERREIRA
    (analyst):", "Closer …")). Joined with a space between them, the parts are ``text`` with its runs of
    spaces made one."""
    first = lead_label(text)
    cuts: list[tuple[int, int]] = [(0, len(first))] if first else [(0, 0)]
    for gap in _TURN_OPENS.finditer(text, cuts[0][1]):
        label = speaker_label(text[gap.end():])
        if label is not None:
            cuts.append((gap.end(), gap.end() + label.end()))
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    return tuple((" ".join(text[start:label_end].split()) or None, " ".join(text[label_end:end].split()))
                 for (start, label_end), end in zip(cuts, ends, strict=True))
