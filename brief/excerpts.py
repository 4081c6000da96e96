"""Excerpts: tagged passages of a source's canonical text, from rules and from the analyst.

Automatic excerpts are the sentences of each paragraph (very short ones joined to
a neighbour), tagged by :mod:`brief.tagging`. An item of a list whose own words
serve no section takes the section of the sentence that introduces the list:
"Economic Reintegration: The future of sanctions …" is one of the "core points of
contention" that "… revolve around three interconnected areas:" announces. A
passage that goes on telling a story its paragraph set in a past year is
background (:mod:`brief.history`). The analyst's annotations then win: their
excerpts replace the automatic ones they overlap, rejections remove them.

An excerpt's id is the source id plus a hash of its text, so it survives
re-ingest and re-ordering; the same sentence twice in one source gets ``-2``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from brief.annotations import AnchoredAnnotation
from brief.corpus import Source
from brief.history import continues_past_story
from brief.list_hedges import hedging_introductions
from brief.segmentation import Block, answered_questions, list_introductions, paragraph_spans, split_blocks
from brief.tagging import question_topics, tag_passage
from brief.taxonomy import BACKGROUND, Taxonomy
from brief.timeline import chronology_last_days


@dataclass(frozen=True)
class Excerpt:
    """A passage of one source with its topics and its section."""

    id: str
    source_id: str
    start: int
    """Offset of the first character in the source's canonical text."""
    end: int
    """Offset just past the last character: ``source.text[start:end] == text``."""
    text: str
    topics: tuple[str, ...]
    section: str
    topic_score: float
    """Sum of the topic rule scores; 0 for analyst excerpts, which need no rules."""
    section_score: float
    paragraph: int
    """Index of the paragraph in the article (0 = lead); -1 for analyst spans across paragraphs."""
    position: int
    """Index within the paragraph."""
    published: dt.date | None
    origin: Literal["rules", "analyst"] = "rules"
    told: dt.date | None = None
    """The last day the passage tells of when a chronology's date heading says it is before ``published``
    (:func:`brief.timeline.chronology_last_days`); None when it is news of the source's own day. A dated window
    admits a passage by this day, so a week in review's "Tuesday 2 December" is not news of the week it
    appeared in."""
    listed_under: str | None = None
    """The sentence that introduces the list this passage is an item of, when it says whose view the list is or
    how sure (:mod:`brief.list_hedges`): the brief shows it beside the item."""

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "source": self.source_id, "start": self.start, "end": self.end,
                "text": self.text, "topics": list(self.topics), "section": self.section,
                "origin": self.origin}


def excerpt_id(source_id: str, text: str, *, analyst: bool = False) -> str:
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]
    return f"{source_id}:{'a' if analyst else ''}{digest}"


def automatic_excerpts(source: Source, taxonomy: Taxonomy) -> list[Excerpt]:
    """Every sentence-sized passage of ``source`` with the rules' tags."""
    title = source.meta.title.value
    blocks = split_blocks(source.text, title if isinstance(title, str) else None)
    excerpts: list[Excerpt] = []
    seen: Counter[str] = Counter()
    introduced_by = list_introductions(source.text, blocks)
    hedged_by = hedging_introductions(source.text, blocks, introduced_by)
    answering = answered_questions(source.text, blocks)
    asked: dict[int, dict[str, float]] = {}  # question block start → the topics its words carry
    closing_section: dict[int, str] = {}  # paragraph → the section of its last passage
    headed = headed_sections(source.text, blocks, taxonomy)
    for span in paragraph_spans(source.text, blocks):
        text = source.text[span.start:span.end]
        tagging = tag_passage(text, taxonomy)
        under = headed.get(span.paragraph)
        if under is not None and tagging.topics and tagging.section == BACKGROUND:
            # The article files a passage whose own words give it no section: under "What to watch" it is
            # outlook. Its cue score stays its own: the passage is no stronger for its heading.
            tagging = replace(tagging, section=under)
        closing_section[span.paragraph] = tagging.section
        intro = introduced_by.get(span.paragraph)
        if intro is not None and tagging.section == BACKGROUND and tagging.topics:
            # An item of a list whose own words give it no section takes the one the sentence that
            # introduces the list gives (a passage with no topic, such as a question, takes none).
            # Its cue score stays its own: the item is no stronger for its introduction.
            tagging = replace(tagging, section=closing_section.get(intro, BACKGROUND))
        question = answering.get(span.paragraph)
        if question is not None:
            if question.start not in asked:
                asked[question.start] = question_topics(source.text[question.start:question.end], taxonomy)
            # An answer is about what was asked ("Are the security guarantees now on the table credible?" …
            # "each of these can still be blocked by Russia"): it takes the question's topics too. Its cue
            # score stays its own: an answer is no stronger for its question.
            if set(asked[question.start]) - set(tagging.topics):
                topics = {topic.id: tagging.topics.get(topic.id, 0.0) for topic in taxonomy.topics
                          if topic.id in tagging.topics or topic.id in asked[question.start]}
                tagging = replace(tagging, topics=topics)
        base_id = excerpt_id(source.id, text)
        seen[base_id] += 1
        identifier = base_id if seen[base_id] == 1 else f"{base_id}-{seen[base_id]}"
        excerpts.append(Excerpt(
            id=identifier, source_id=source.id, start=span.start, end=span.end, text=text,
            topics=tuple(tagging.topics), section=tagging.section,
            topic_score=sum(tagging.topics.values()), section_score=tagging.section_score,
            paragraph=span.paragraph, position=span.position, published=source.date,
            listed_under=hedged_by.get(span.paragraph)))
    return _history_as_background(excerpts, source.date)


def _told_by_headings(excerpts: list[Excerpt], source: Source) -> list[Excerpt]:
    """``excerpts`` with :attr:`Excerpt.told` set for those under a chronology's date heading older than the
    source's date."""
    if source.date is None:
        return excerpts
    told = [(start, end, day) for start, end, day in chronology_last_days(source.text, source.date)
            if day < source.date]
    if not told:
        return excerpts
    return [next((replace(e, told=day) for start, end, day in told if start <= e.start < end), e) for e in excerpts]


def _history_as_background(excerpts: list[Excerpt], published: dt.date | None) -> list[Excerpt]:
    """``excerpts`` with those that go on telling a story their paragraph set in a past year filed as background
    (:mod:`brief.history`): "Putin later dismissed the talks as irrelevant" after "the Istanbul talks in March
    2022" is no sticking point of the present talks. Their cue score stays their own."""
    by_paragraph: dict[int, list[int]] = {}
    for index, excerpt in enumerate(excerpts):
        by_paragraph.setdefault(excerpt.paragraph, []).append(index)
    filed = list(excerpts)
    for indexes in by_paragraph.values():
        for told in continues_past_story([excerpts[i].text for i in indexes], published):
            filed[indexes[told]] = replace(excerpts[indexes[told]], section=BACKGROUND)
    return filed


def headed_sections(text: str, blocks: list[Block], taxonomy: Taxonomy) -> dict[int, str]:
    """Paragraph → the section the subheading it stands under names (:meth:`Taxonomy.heading_section`), for the
    paragraphs under such a heading, up to the next heading."""
    headed: dict[int, str] = {}
    under: str | None = None
    for block in blocks:
        if block.kind == "heading":
            under = taxonomy.heading_section(text[block.start:block.end])
        elif block.kind == "paragraph" and under is not None:
            headed[block.paragraph] = under
    return headed


def source_excerpts(source: Source, taxonomy: Taxonomy,
                    annotations: list[AnchoredAnnotation] = ()) -> list[Excerpt]:  # type: ignore[assignment]
    """The excerpts of ``source`` once the analyst's annotations are applied, in text order."""
    excerpts = automatic_excerpts(source, taxonomy)
    overridden: list[tuple[int, int]] = [(a.start, a.end) for a in annotations]
    kept = [e for e in excerpts if not any(_overlaps(e.start, e.end, s, t) for s, t in overridden)]
    for placed in annotations:
        note = placed.annotation
        if note.action != "excerpt":
            continue
        text = source.text[placed.start:placed.end]
        within = next((e for e in excerpts if e.start <= placed.start < e.end), None)
        kept.append(Excerpt(
            id=excerpt_id(source.id, text, analyst=True), source_id=source.id, start=placed.start,
            end=placed.end, text=text, topics=tuple(note.topics), section=note.section or BACKGROUND,
            topic_score=0.0, section_score=0.0, paragraph=within.paragraph if within else -1, position=0,
            published=source.date, origin="analyst", listed_under=within.listed_under if within else None))
    return _told_by_headings(sorted(kept, key=lambda e: (e.start, e.end)), source)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end
