"""How much a passage says counts in its strength: :func:`brief.ranking.substance_shortfall`."""

from __future__ import annotations

import pytest

from brief.ranking import FULL_SENTENCE_WORDS, SUBSTANCE_WEIGHT, content_words, substance_shortfall


def test_content_words_leave_out_function_words_and_count_each_word_once() -> None:
    assert content_words("He said that the talks, the talks in Geneva, had ended.") == {"talks", "geneva", "ended"}


def test_a_full_sentence_loses_nothing() -> None:
    text = ("The draft would cap Ukraine's armed forces at 800,000 personnel in peacetime, a ceiling above "
            "the 600,000 figure in the original plan.")
    assert len(content_words(text)) >= FULL_SENTENCE_WORDS
    assert substance_shortfall(text) == 0.0


@pytest.mark.parametrize(("text", "content"), [
    ("The discussions, which lasted five hours, ended without any breakthrough.", 7),
    ("Talks ended.", 2),
    ("It was what it was.", 0),
])
def test_each_missing_content_word_costs_the_same(text: str, content: int) -> None:
    assert len(content_words(text)) == content
    assert substance_shortfall(text) == pytest.approx(
        SUBSTANCE_WEIGHT * (FULL_SENTENCE_WORDS - content) / FULL_SENTENCE_WORDS)


def test_saying_more_never_ranks_lower() -> None:
    short = "Russia rejected the plan."
    longer = "Russia rejected the plan on Tuesday, its foreign ministry said in Moscow."
    assert substance_shortfall(longer) < substance_shortfall(short)
