"""Split a canonical text into blocks (title, headings, paragraphs) and sentences.

Every span is a pair of character offsets into the canonical text, so
``text[start:end]`` is always exactly the passage. Abbreviations ("U.S.",
"Dec. 17", "Mr.", initials such as "Pavel K. Baev") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from brief.speakers import SPEECH_VERB
from brief.transcripts import MAX_TURN_WORDS, is_guest_turn, is_transcript

BlockKind = Literal["title", "heading", "paragraph"]


@dataclass(frozen=True)
class Block:
    """A run of text between blank lines."""

    start: int
    end: int
    kind: BlockKind
    paragraph: int
    """Index among the paragraphs of the article (-1 for titles and headings)."""


@dataclass(frozen=True)
class Span:
    """A sentence (or a few short ones kept together) inside a paragraph."""

    start: int
    end: int
    paragraph: int
    position: int
    """Index of the span within its paragraph."""


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "sen", "rep",
    "gov", "pres", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "vol", "fig",
    "approx", "est", "dept", "univ", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al", "gov't", "rev", "hon", "amb",
}
_NUMBER_SIGNS = {"no", "nos"}
"""Abbreviations only before a number ("No. 10"); elsewhere the word and its full stop end a sentence."""
_SENTENCE_OPENERS = {
    "However", "But", "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "In",
    "On", "At", "As", "If", "When", "While", "Meanwhile", "Yet", "Still", "Moreover", "Furthermore", "A", "An",
    "There", "Its", "His", "Her", "Their", "Our", "Some", "Many", "Most", "After", "Before", "Since", "So",
}
"""Words that, after an acronym's period, show a new sentence has begun."""
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?[A-Z0-9À-Ý])")
_TOKEN_BEFORE = re.compile(r"([\w.’']+)$")
MIN_SPAN_WORDS = 8
"""Shorter sentences ("The core impasse is unchanged.") travel with the next one."""


def split_blocks(text: str, title: str | None = None) -> list[Block]:
    """Blocks of ``text`` in order, each classified."""
    blocks: list[Block] = []
    paragraph = 0
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        body = match.group(0)
        start, end = match.start(), match.end()
        if not blocks and title and " ".join(body.split()) == " ".join(title.split()):
            kind: BlockKind = "title"
        elif _is_heading(body):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(start, end, kind, paragraph if kind == "paragraph" else -1))
        if kind == "paragraph":
            paragraph += 1
    return blocks


def _is_lead_in(body: str) -> bool:
    """A short label that ends with a colon and introduces the paragraph after it."""
    return body.rstrip().endswith(":") and 0 < len(body.split()) <= 10 and "\n" not in body.strip()


def _is_heading(body: str) -> bool:
    words = body.split()
    if _is_lead_in(body):
        return True
    if len(words) <= 20 and not _SENTENCE_END.search(body.rstrip()):
        return True
    # "Next Steps for the U.S.": a short title-case line whose final period is an abbreviation's.
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) <= 12 and capitalised >= 0.6 * len(words) and bool(re.search(r"\b(?:[A-Z]\.){2,}$", body))


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute offsets, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    cursor = start
    segment = text[start:end]
    for match in _BOUNDARY.finditer(segment):
        cut = start + match.end()
        if _is_abbreviation(text, start + match.start(), cursor):
            continue
        bounds.append((cursor, cut))
        cursor = cut
    bounds.append((cursor, end))
    trimmed = []
    for left, right in bounds:
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if right > left:
            trimmed.append((left, right))
    return trimmed


def asks(text: str) -> bool:
    """Whether a passage asks rather than tells: it ends on a question in its own words.

    "Will there be a ceasefire in 2026?" (an interviewer, an explainer's heading) asks. A quoted
    question ("How will it work?”", or one whose quotation is still open) reports what someone
    asked, and "The key question now shifts to Kyiv: how will …?" states what the question is.
    """
    body = text.rstrip()
    if not body.endswith("?"):
        return False
    if body.count("“") > body.count("”") or body.count('"') % 2:
        return False
    start, end = sentence_bounds(body, 0, len(body))[-1]
    return ":" not in body[start:end]


def token_before(text: str, start: int, end: int) -> str:
    """``_TOKEN_BEFORE.search(text, start, end).group(1)``, or "": the run of word characters,
    periods and apostrophes that ends at ``end`` (or just before a newline there), read backwards.

    The regex tried every position of the sentence before the run; this costs the run's length.
    """
    if end > start and text[end - 1] == "\n":  # "$" also matches before a final newline
        end -= 1
    left = end
    while left > start and (text[left - 1].isalnum() or text[left - 1] in "_.’'"):
        left -= 1
    return text[left:end]


def _is_abbreviation(text: str, dot: int, sentence_start: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    if text[dot] != ".":
        return False
    token = token_before(text, sentence_start, dot)
    if not token:
        return False
    raw_token = token
    token = token.lower().strip("'’")
    if token in _NUMBER_SIGNS:  # "No. 10", not "the answer has been no."
        return bool(re.match(r"\s*\d", text[dot + 1:dot + 4]))
    if token in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # u.s, u.k, e.u
        # "... from Europe and the U.S. However, ..." — an acronym can end a sentence too;
        # a word that usually opens one says so.
        following = re.match(r"\s+[\"“‘']?([A-Z][a-z]*)", text[dot + 1:dot + 40])
        return not (following and following.group(1) in _SENTENCE_OPENERS)
    # An initial: one capital letter, as in "Pavel K. Baev".
    return len(token) == 1 and raw_token.isupper()


def list_introductions(text: str, blocks: list[Block]) -> dict[int, int]:
    """Paragraph → the paragraph that introduces the list it is an item of.

    A paragraph that ends with a colon ("… the core points of contention likely revolve around
    three interconnected areas:") introduces the paragraphs after it that each follow a lead-in
    label ("• Economic Reintegration:"), up to the first paragraph or heading that is not such an item.
    """
    items: dict[int, int] = {}
    intro: int | None = None
    for number, block in enumerate(blocks):
        body = text[block.start:block.end]
        if block.kind != "paragraph":
            if not _is_lead_in(body):
                intro = None
            continue
        label = blocks[number - 1] if number else None
        labelled = label is not None and label.kind == "heading" and _is_lead_in(text[label.start:label.end])
        if labelled and intro is not None:
            items[block.paragraph] = intro
            continue
        intro = block.paragraph if body.rstrip().endswith(":") else None
    return items


def answered_questions(text: str, blocks: list[Block]) -> dict[int, Block]:
    """Paragraph → the question it answers: an interviewer's question ("**Are the security guarantees now on
    the table credible?**") or an explainer's heading ("## Why is the Donbas so hard?") that
    :func:`asks`, for each paragraph after it up to the next question or heading."""
    answers: dict[int, Block] = {}
    question: Block | None = None
    for block in blocks:
        if asks(text[block.start:block.end]):
            question = block
        elif block.kind != "paragraph":
            question = None
        elif question is not None:
            answers[block.paragraph] = question
    return answers


_LABEL_MARKS = "•·▪◦‣*-–— \t"
"""What may stand before a lead-in label: bullets and dashes."""


_COUNT_WORD = re.compile(r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[2-6])\b")
_ORDINAL_OPENER = re.compile(r"^[\"“‘(]?(?:(?:The|A)\s+(?P<nth>first|second|third|fourth|fifth|sixth|last|final)\b"
                            r"|(?P<adverb>First|Second|Third|Fourth|Fifth|Sixth|Finally|Last)(?:ly)?,)")
MAX_ENUMERATION_WORDS = 120
"""Longer enumerations are left in their sentences: a passage that long is no longer an excerpt."""


def _with_enumerations(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` with each counted enumeration made one: a sentence that counts what follows ("Three
    signals in the coming weeks will show whether the talks are heading anywhere.", "Two things.") and the
    sentences that go through it ("The first is …", "Second, …"). Apart, the count says nothing and each
    ordinal needs it to be understood."""
    result: list[tuple[int, int]] = []
    index = 0
    while index < len(sentences):
        left, right = sentences[index]
        last = index
        if index + 1 < len(sentences) and _COUNT_WORD.search(text[left:right]) \
                and _opens_with_ordinal(text, sentences[index + 1], first=True):
            last = index + 1
            while last + 1 < len(sentences) and _opens_with_ordinal(text, sentences[last + 1], first=False):
                last += 1
            if len(text[left:sentences[last][1]].split()) > MAX_ENUMERATION_WORDS:
                last = index
        result.append((left, sentences[last][1]))
        index = last + 1
    return result


MAX_QUOTATION_WORDS = 120
"""A quotation longer than this is cut into sentences like any paragraph: a passage that long is no excerpt."""


def _quotation_balance(passage: str) -> int:
    """How many quotations ``passage`` opens and does not close: “ ” (or „ “ in German), « », and straight double
    quotes, each of which opens after a space or bracket and closes elsewhere. A straight quote after a digit is
    an inch mark ("12\" mortars"), not a quotation."""
    german = passage.count("„")
    curly = german - passage.count("“") if german else passage.count("“") - passage.count("”")
    guillemets = passage.count("«") - passage.count("»")
    straight = 0
    for match in _STRAIGHT_QUOTE.finditer(passage):
        straight += 1 if match.group("opens") is not None else -1 if straight > 0 else 0
    return max(curly, 0) + max(guillemets, 0) + straight


_STRAIGHT_QUOTE = re.compile(r'(?:^|(?<=[\s(\[—–-]))(?P<opens>")(?=\S)|(?<=[^\s\d])"')
"""A straight double quote that opens (after a space or a bracket, before a word) or closes (after anything but a
space or a digit)."""

_ONLY_A_QUOTATION = re.compile(r"[\"“«„][^\"“”«»]+(?:[.!?…][\"”»“]|[\"”»“][.!?…])\s*$")
"""A sentence that is a quotation and nothing else: '"What it did not get is a cheap answer."', '«…».'."""
_SAYS = re.compile(rf"(?:[,.!?…][\"”»“]|[\"”»“][,.!?…]?)\s+[^\"“”«»]{{0,80}}?\b{SPEECH_VERB}\b"
                   rf"|\b{SPEECH_VERB}\b[^\"“”«»]{{0,80}}?[:,]?\s*[\"“«„]", re.IGNORECASE)
"""A sentence that says who speaks its quotation: '…," said Marta Kovalenko', '«…», Umerov wrote',
'Umerov wrote: «…'."""


def _with_whole_quotations(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` with each quotation made one with its speaker: the sentences of a quotation that runs
    on ('"The Berlin round moved Washington and Kyiv closer together. It did not move Moscow," he said.'),
    and a quotation on its own that goes on from one whose speaker is named ('"The market wanted certainty
    …," said Marta Kovalenko. "What it did not get is a cheap answer …"'). Cut, the second part is words
    with nobody to say them. Up to :data:`MAX_QUOTATION_WORDS`; a quotation that the paragraph never closes
    (a typo, a mark read wrongly) joins nothing."""
    result: list[tuple[int, int]] = []
    index = 0
    while index < len(sentences):
        left, right = sentences[index]
        last = index
        if _quotation_balance(text[left:right]) > 0:
            words = len(text[left:right].split())
            for end in range(index + 1, len(sentences)):
                words += len(text[sentences[end][0]:sentences[end][1]].split())
                if words > MAX_QUOTATION_WORDS:
                    break
                if _quotation_balance(text[left:sentences[end][1]]) == 0:
                    last = end
                    break
        right = sentences[last][1]
        if result and index == last:
            sentence = text[left:right]
            previous = text[result[-1][0]:result[-1][1]]
            if _ONLY_A_QUOTATION.match(sentence) and _SAYS.search(previous) \
                    and len(previous.split()) + len(sentence.split()) <= MAX_QUOTATION_WORDS:
                result[-1] = (result[-1][0], right)
                index += 1
                continue
        result.append((left, right))
        index = last + 1
    return result


def _opens_with_ordinal(text: str, bounds: tuple[int, int], *, first: bool) -> bool:
    """Whether the sentence opens with "The first", "First," (``first``), or a later one ("The second",
    "Third,", "Finally,")."""
    match = _ORDINAL_OPENER.match(text[bounds[0]:bounds[1]])
    if match is None:
        return False
    word = (match.group("nth") or match.group("adverb")).lower()
    return (word == "first") == first


def paragraph_spans(text: str, blocks: list[Block]) -> list[Span]:
    """Excerpt-sized spans: sentences, with very short ones joined to their neighbour (the next one,
    or at the paragraph's end the one before, unless the short one is a question).

    A counted enumeration ("Three signals … will show …. The first is …. The second is …") is one span
    (:func:`_with_enumerations`), and so is a quotation of several sentences, with its speaker
    (:func:`_with_whole_quotations`).

    A transcript's turn by someone the programme quotes ("DANIEL FERREIRA (analyst): It buys Kyiv …. I would
    not expect a ceasefire before the spring.") is one span, up to :data:`~brief.transcripts.MAX_TURN_WORDS`.

    A paragraph that follows a lead-in label ("• Territorial Integrity:", a heading that ends
    with a colon) starts with it: "Territorial Integrity: Russia's demand for …" says what the
    paragraph's noun phrase is about, and reads as a statement on its own.
    """
    spans: list[Span] = []
    transcript = is_transcript([text[block.start:block.end] for block in blocks if block.kind == "paragraph"])
    for number, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        sentences = sentence_bounds(text, block.start, block.end)
        label = blocks[number - 1] if number else None
        if sentences and label is not None and label.kind == "heading" and _is_lead_in(text[label.start:label.end]):
            left = label.start
            while text[left] in _LABEL_MARKS:
                left += 1
            sentences[0] = (left, sentences[0][1])
        if sentences and transcript and is_guest_turn(text[block.start:block.end]) \
                and len(text[block.start:block.end].split()) <= MAX_TURN_WORDS:
            sentences = [(sentences[0][0], sentences[-1][1])]  # a guest's words stay with their label
        merged: list[tuple[int, int]] = []
        pending: tuple[int, int] | None = None
        for left, right in _with_enumerations(text, _with_whole_quotations(text, sentences)):
            if pending is not None:
                left = pending[0]
                pending = None
            if len(text[left:right].split()) < MIN_SPAN_WORDS:
                pending = (left, right)
                continue
            merged.append((left, right))
        if pending is not None:
            # A short closing question ("Is that meaningful?") stays apart from the statement before
            # it: joined, the statement would ask too, and a question is no finding (:func:`asks`).
            if merged and not asks(text[pending[0]:pending[1]]):
                merged[-1] = (merged[-1][0], pending[1])
            else:
                merged.append(pending)
        for position, (left, right) in enumerate(merged):
            spans.append(Span(left, right, block.paragraph, position))
    return spans
