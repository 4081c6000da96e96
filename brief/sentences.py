"""The sentences of an article's running text, for the extractors (quotes, figures, timeline).

Only paragraphs count: titles and headings ("🧨 1. Prolonged Conflict", "Next Steps:")
are page furniture, not statements. Each sentence keeps its offsets into the canonical
text, so ``text[sentence.start:sentence.end]`` is always exactly the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.segmentation import sentence_bounds, split_blocks


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph."""

    start: int
    """Offset of the first character in the text."""
    end: int
    """Offset just past the last character."""
    paragraph: int
    """Index of the paragraph among the article's paragraphs (0 = lead)."""
    index: int
    """Index of the sentence in the whole article (0, 1, 2, … across paragraphs)."""
    block_start: int
    """Where the sentence's paragraph starts."""
    block_end: int
    """Where the sentence's paragraph ends."""


def article_sentences(text: str) -> list[Sentence]:
    """Every sentence of every paragraph of ``text``, in order."""
    sentences: list[Sentence] = []
    for block in split_blocks(text):
        if block.kind != "paragraph":
            continue
        for start, end in sentence_bounds(text, block.start, block.end):
            sentences.append(Sentence(start, end, block.paragraph, len(sentences), block.start, block.end))
    return sentences
