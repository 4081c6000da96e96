"""The hedge that a list's introduction puts on the list's items.

"Analysts suggest that the core points of contention likely revolve around three interconnected areas:" is
followed by "• Security Guarantees: Russia's insistence on the non-expansion of NATO versus …". On its own,
the item reads as an established sticking point, or as an official list of the points in dispute. It is
in fact the analysts' guess. So the brief shows such an item with its introduction in a note:
*(listed under “Analysts suggest … areas:”)*. ``brief verify`` checks the quoted words like any quotation.

An introduction hedges when it says whose view the list is ("analysts suggest", "officials said",
"according to") or how sure it is ("likely", "may", "expected"). A list under "The plan has three parts:"
needs no note.
"""

from __future__ import annotations

import re

from brief.segmentation import Block, sentence_bounds

HEDGE = re.compile(
    r"\b(?:suggest(?:s|ed|ing)?|likely|unlikely|may|might|could|possibl[ey]|probabl[ey]|appear(?:s|ed)?"
    r"|seem(?:s|ed)?|believe[sd]?|expect(?:s|ed)?|speculat\w+|reportedly|allegedly|according\s+to|said|say|says"
    r"|argue[sd]?|claim(?:s|ed)?|think|thinks|predict(?:s|ed)?|estimate[sd]?|assess(?:es|ed)?|reckon(?:s|ed)?)\b",
    re.IGNORECASE)
"""Words by which a sentence says whose view it gives, or how sure it is."""
LONGEST_INTRODUCTION = 40
"""Words of the longest introduction a note quotes: a longer one is a paragraph of its own, not a lead-in."""


def hedging_introductions(text: str, blocks: list[Block], introduced_by: dict[int, int]) -> dict[int, str]:
    """Paragraph of a list item → the sentence that introduces its list, whitespace collapsed, when that sentence
    hedges (:data:`HEDGE`). ``blocks`` are the article's (:func:`brief.segmentation.split_blocks`) and
    ``introduced_by`` maps each list item's paragraph to its introduction's
    (:func:`brief.segmentation.list_introductions`). An introduction with quotation marks of its own is left out:
    the note quotes it."""
    if not introduced_by:
        return {}
    paragraphs = {block.paragraph: block for block in blocks if block.kind == "paragraph"}
    hedges: dict[int, str] = {}
    for item, intro in introduced_by.items():
        block = paragraphs.get(intro)
        bounds = sentence_bounds(text, block.start, block.end) if block is not None else []
        if not bounds:
            continue
        sentence = " ".join(text[bounds[-1][0]:bounds[-1][1]].split())
        if HEDGE.search(sentence) and len(sentence.split()) <= LONGEST_INTRODUCTION \
                and not re.search(r"[\"“”«»]", sentence):
            hedges[item] = sentence
    return hedges
