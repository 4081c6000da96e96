"""A transcript's speaker labels: "DANIEL FERREIRA (analyst): It buys Kyiv two years of financing …".

Broadcast and hearing transcripts open each turn with the speaker's name in capitals, often with a role
in brackets, and a colon; an article is one when several paragraphs do so (:func:`is_transcript`). What a
guest says is theirs, not the outlet's: the label must stay with it, or a brief shows "I would not expect a
ceasefire before the spring." with nobody to say it. So a guest's turn of up to :data:`MAX_TURN_WORDS` words is
one passage (:func:`brief.segmentation.paragraph_spans`), and a brief sets the label in bold, as it does an
article's lead-in labels (:mod:`brief.lead_labels`). The programme's own voices (the anchor, a correspondent)
report, as an article's journalist does: their turns are cut into sentences like any paragraph, and a brief
shows them without their label and the pleasantry after it ("ANCHOR: Good evening. ", :func:`programme_lead_in`),
as it shows a wire story without its dateline.
"""

from __future__ import annotations

import re

MAX_TURN_WORDS = 120
"""A guest's longer turn is cut into sentences like any paragraph: a passage that long is no longer an excerpt."""

CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
"""Capital letters, accented ones too ("JOSÉ", "MÜLLER", "ŁUKASZ"; Latin Extended-A mixes both cases)."""
SPEAKER_LABEL = re.compile(
    rf"(?P<name>[{CAPITAL}][{CAPITAL}.’'-]+(?:\s+[{CAPITAL}][{CAPITAL}.’'-]*){{0,3}})"
    rf"(?:\s+\((?P<role>[^()\n]{{1,60}})\))?:(?=\s+[{CAPITAL}“\"‘])")
"""A turn's label: a name in capitals ("ANCHOR", "HANNA KOVALSKA"), a role in brackets if any
("(correspondent)"), a colon, and the turn's first word. Not "Q:" or "A:" (one letter), nor a lead-in label
in title case ("Next Steps:")."""

_PROGRAMME_VOICES = re.compile(
    r"\b(?:anchor|presenter|host|co-host|newsreader|reporter|correspondent|moderator|interviewer|narrator)s?\b",
    re.IGNORECASE)
"""Who speaks for the programme, by name ("ANCHOR") or role ("(correspondent)")."""


def speaker_label(text: str) -> re.Match[str] | None:
    """The speaker label ``text`` opens on (:data:`SPEAKER_LABEL`), or None."""
    return SPEAKER_LABEL.match(text)


MIN_TURNS = 3
"""Paragraphs that open on a speaker label in an article that is a transcript: fewer are a dateline ("NEW
DELHI: …"), an update ("UPDATE: …") or a lead-in label."""


def is_transcript(paragraphs: list[str]) -> bool:
    """Whether an article whose paragraphs are ``paragraphs`` is a transcript: :data:`MIN_TURNS` of them open on
    a speaker label, and more than one speaker speaks."""
    names = [label.group("name") for label in map(speaker_label, paragraphs) if label is not None]
    return len(names) >= MIN_TURNS and len(set(names)) > 1


def _is_programme_voice(label: re.Match[str]) -> bool:
    """Whether the speaker ``label`` names speaks for the programme (:data:`_PROGRAMME_VOICES`)."""
    return bool(_PROGRAMME_VOICES.search(label.group("name") + " " + (label.group("role") or "")))


def is_guest_turn(text: str) -> bool:
    """Whether ``text`` (a paragraph) is a turn of someone the programme quotes, not of its own voices: their
    words, which need their label beside them."""
    label = speaker_label(text)
    return label is not None and not _is_programme_voice(label)


def guest_words(text: str) -> str:
    """What a guest's turn says, after its label ("DANIEL FERREIRA (analyst): It buys Kyiv …" → "It buys Kyiv
    …"): the words judged for whether they read alone. Any other passage as it is."""
    label = speaker_label(text)
    if label is None or _is_programme_voice(label):
        return text
    return text[label.end():].lstrip()


_ADDRESSED = rf"(?:,?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+)?)?"
""""Hanna", "Dr. Ferreira", "Mr Umerov", "Łukasz Nowak": whom a courtesy addresses."""
_PLEASANTRY = re.compile(
    rf"\s*(?:Good (?:morning|afternoon|evening){_ADDRESSED}(?:,? and welcome(?: back)?(?: to [^.!?]{{1,60}})?)?"
    rf"|Thanks?(?: you)?(?: very much)?{_ADDRESSED}|Welcome back{_ADDRESSED})\s*[.!]\s+(?=[{CAPITAL}“\"‘])")
"""A turn's opening courtesy ("Good evening. ", "Thank you. ", "Thanks, Maria. "), before what the turn says."""


def programme_lead_in(text: str) -> int:
    """How much of ``text`` a brief leaves out when it opens on a programme voice's turn: the label ("ANCHOR: ",
    "HANNA KOVALSKA (correspondent): ") and a courtesy after it ("Good evening. ", "Thank you. "); 0 for any
    other passage. The rest is the outlet's reporting, cited to it like any journalist's sentence."""
    label = speaker_label(text)
    if label is None or not _is_programme_voice(label):
        return 0
    courtesy = _PLEASANTRY.match(text, label.end())
    end = courtesy.end() if courtesy else label.end()
    return end + len(text[end:]) - len(text[end:].lstrip())
