"""Rule-based tagging: which topics a passage carries and which section it serves."""

from __future__ import annotations

from dataclasses import dataclass

from brief.segmentation import asks
from brief.taxonomy import BACKGROUND, Taxonomy


@dataclass(frozen=True)
class Tagging:
    """The rules' verdict on one passage."""

    topics: dict[str, float]
    """Topic id → score, only for topics whose ``min_score`` is reached, in taxonomy order."""
    section: str
    section_score: float


def tag_passage(text: str, taxonomy: Taxonomy) -> Tagging:
    """Score ``text`` against every topic and section rule of ``taxonomy``.

    A passage that asks (:func:`~brief.segmentation.asks`: an interviewer's or an explainer's
    question) tells nothing, so it gets no topic and no section: a brief draws only on passages
    with topics, and a question's words ("Will there be a ceasefire?") would otherwise tag it.
    """
    if asks(text):
        return Tagging(topics={}, section=BACKGROUND, section_score=0.0)
    scores = taxonomy.matcher.scores(text)
    topics = _topics(scores, taxonomy)
    best_section, best_score = BACKGROUND, 0.0
    for section, score in zip(taxonomy.sections, scores[len(taxonomy.topics):], strict=True):
        if section.id == BACKGROUND or not section.rules:
            continue
        if score >= section.min_score and score > best_score:
            best_section, best_score = section.id, score
    return Tagging(topics=topics, section=best_section, section_score=best_score)


QUESTION_TOPIC_SCORE = 2.0
"""The cue score a question's topic must reach for the answer to take it: "Are the security guarantees now on
the table credible?" is about security guarantees (3), not about the talks its "on the table" cues (1); an
interviewer's "What does the Kremlin want from these talks?" names the talks that every answer is about."""


def question_topics(question: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The topics the words of an interviewer's or explainer's ``question`` carry strongly
    (:data:`QUESTION_TOPIC_SCORE`), for the answer to it; the question itself is tagged with none
    (:func:`tag_passage`)."""
    return {topic: score for topic, score in _topics(taxonomy.matcher.scores(question), taxonomy).items()
            if score >= QUESTION_TOPIC_SCORE}


def _topics(scores, taxonomy: Taxonomy) -> dict[str, float]:
    """Topic id → score of the topics whose ``min_score`` ``scores`` reach, in taxonomy order."""
    return {topic.id: score for topic, score in zip(taxonomy.topics, scores, strict=False)
            if score > 0 and score >= topic.min_score}
