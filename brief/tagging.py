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
    topics = {}
    for topic, score in zip(taxonomy.topics, scores, strict=False):
        if score > 0 and score >= topic.min_score:
            topics[topic.id] = score
    best_section, best_score = BACKGROUND, 0.0
    for section, score in zip(taxonomy.sections, scores[len(taxonomy.topics):], strict=True):
        if section.id == BACKGROUND or not section.rules:
            continue
        if score >= section.min_score and score > best_score:
            best_section, best_score = section.id, score
    return Tagging(topics=topics, section=best_section, section_score=best_score)
