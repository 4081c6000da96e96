"""An interview's or an explainer's answer that does not read without its question.

"Two things. First, a real cost to continuing: energy revenues falling further …" and "I think there is
a reasonable chance of a ceasefire by the summer" say something only to a reader who knows what was
asked, and "I" is whoever the page interviewed. Shown after the question ("What would change Putin's
calculation? Two things. First, …"), they read as the answer they are, verbatim: the question is the
article's own text, just before the answer.

Only the first passage of the paragraph right after the question (:func:`brief.segmentation.answered_questions`)
is shown so, or the second after a first of a few words ("More credible than anything Ukraine had in 2022.")
that it goes on to explain, with that first: a later one is the answer going on, and the question would not
be next to it.
"""

from __future__ import annotations

import re

from brief.ranking import LEAD_IN_WORDS, leans_on_what_came_before
from brief.segmentation import answered_questions, sentence_bounds, split_blocks
from brief.transcripts import guest_words

_ENDS_ON_QUESTION = re.compile(r"\?\s*$", re.MULTILINE)
"""A line that ends on a question mark: a block that asks (:func:`brief.segmentation.asks`) has one."""


def needs_its_question(text: str) -> bool:
    """Whether an answer's opening passage reads poorly alone: it leans on what came before, first person
    included ("I think …", "It wants …", "Then we are back …"), or its first sentence is a few words that
    only answer ("Two things.", "More credible than anything Ukraine had in 2022."). A guest's turn in a
    transcript is judged after its label: "DANIEL FERREIRA (analyst): Closer between Washington and Kyiv,
    certainly." answers "Is a deal closer tonight than it was a week ago?"."""
    if leans_on_what_came_before(text, first_person=True):
        return True
    text = guest_words(text)
    start, end = sentence_bounds(text, 0, len(text))[0]
    return len(text[start:end].split()) <= LEAD_IN_WORDS


def is_short_answer(text: str) -> bool:
    """Whether a passage is only a few words ("More credible than anything Ukraine had in 2022.", "Not
    soon."): an answer that the sentences after it explain."""
    return len(text.split()) <= LEAD_IN_WORDS


def questions_before_answers(text: str, title: str | None) -> dict[int, tuple[int, int]]:
    """Paragraph → where in the source's ``text`` the question is that the paragraph, right after it, answers."""
    if not _ENDS_ON_QUESTION.search(text):  # most articles ask nothing: no need to find their blocks
        return {}
    blocks = split_blocks(text, title)
    starts = {block.paragraph: block.start for block in blocks if block.kind == "paragraph"}
    return {paragraph: (question.start, question.end)
            for paragraph, question in answered_questions(text, blocks).items()
            if not text[question.end:starts[paragraph]].strip()}
