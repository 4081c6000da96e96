"""Whether an item restates what the previous edition reported, under other excerpts.

An item is new when the previous edition reported none of its excerpts (:mod:`brief.editions`).
Excerpt ids name a passage's wording, so that test alone calls new a claim the previous edition
carried from one article and this one carries from another ("Moscow continues to demand that
Ukraine must relinquish territories … the remaining Donbas areas" on 4 December, "Russia demands
that Ukraine withdraw from parts of Donbas …" on 18 December), and a passage an updated article
reworded. An item restates an earlier one when:

- its text is a near-duplicate of the earlier item's (the words test that merges passages into one
  item, :func:`brief.same_claim.similar_words`); or
- everything its lead claims (:func:`brief.corroboration.passage_claims`: the positions parties
  state, and the contradiction finder's claims) the earlier item's lead claims too: each position
  by the same holder in the same tense with at least :data:`brief.corroboration.SHARED_WORDS`
  words in common in what is asked, each claim on the same matter with the same polarity, and each
  accusation by the same accuser of the same party, reported at most a week apart (an undated one
  restates none). An item whose lead claims nothing this way restates nothing by it; or
- one of its passages tells how talks ended as the earlier item told it from the same article
  (:func:`brief.talks_outcomes.same_outcome`): the article said the talks failed last week in one
  passage, and an item carrying another passage of it saying so is not news, whichever source
  now leads it.

The earlier items are read from the previous edition's manifest (their shown text and sources), so a
rebuild from a manifest compares alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from brief.contradictions import Statement, same_matter
from brief.corroboration import (
    PassageClaims,
    passage_claims,
    same_position,
    same_talks_outcome,
    speak_for_other_parties,
)
from brief.manifest import PreviousEdition, source_label
from brief.ranking import content_words
from brief.same_claim import plain_words_of, similar_words
from brief.talks_outcomes import OutcomeReport, outcome_reports, same_outcome


@dataclass(frozen=True)
class EarlierItem:
    """An item of the previous edition, as its manifest recorded it."""

    text: str
    lead_source: str
    """The source of the passage whose text the item showed."""
    source_ids: tuple[str, ...]
    excerpt_ids: tuple[str, ...]
    source_labels: tuple[str, ...] = ()
    """How that edition named each of ``source_ids`` ("title, date"), so that a brief can say where it
    reported the claim from when the source is no longer cited."""


@dataclass(frozen=True)
class EarlierEdition:
    """What the previous edition reported: the excerpt ids (its items' and those it held back) and its items."""

    reported_ids: frozenset[str]
    items: tuple[EarlierItem, ...] = ()
    window_sources: Mapping[str, str] | None = None
    """The sources in its window, id → content hash; None when its manifest does not say."""

    def had(self, source_id: str, content_hash: str | None) -> bool:
        """Whether the previous edition had the source, as it is now, in its window: what the source says was
        there to report then, so a passage of it that edition did not show is no news since."""
        return self.window_sources is not None and self.window_sources.get(source_id) == content_hash


def earlier_edition(previous: PreviousEdition | None) -> EarlierEdition | None:
    """What ``previous`` reported, or None when there is no previous edition."""
    if previous is None:
        return None
    items = tuple(EarlierItem(record.text, _source_of(record.excerpt_ids[0]) if record.excerpt_ids else "",
                              tuple(record.sources), tuple(record.excerpt_ids),
                              tuple(source_label(sid, previous.sources.get(sid)) for sid in record.sources))
                  for record in previous.items)
    return EarlierEdition(frozenset(previous.reported_ids), items, previous.window_sources)


def _source_of(excerpt_id: str) -> str:
    return excerpt_id.rsplit(":", 1)[0]


@dataclass(frozen=True)
class _Reading:
    item: EarlierItem
    words: frozenset[str]
    plain: frozenset[str]
    claims: PassageClaims
    outcomes: tuple[OutcomeReport, ...]


class Restatements:
    """The previous edition's items, read once, to ask which of them a passage restates."""

    def __init__(self, items: Iterable[EarlierItem], published: Mapping[str, dt.date | None]) -> None:
        """``published``: source id → its date (outcome claims of talks must be days apart at most)."""
        self._readings = [_Reading(item, content_words(item.text), plain_words_of(item.text),
                                   passage_claims(Statement(item.text, item.lead_source, 0,
                                                            published.get(item.lead_source))),
                                   outcome_reports(item.text, item.lead_source, published.get(item.lead_source)))
                          for item in items]

    def restated(self, text: str, source_id: str, published: dt.date | None) -> EarlierItem | None:
        """The first earlier item that ``text`` (shown from ``source_id``, published then) restates, if any."""
        if not self._readings:
            return None
        words, plain = content_words(text), plain_words_of(text)
        claims = passage_claims(Statement(text, source_id, 0, published))
        for reading in self._readings:
            if (similar_words(words, reading.words) and similar_words(plain, reading.plain)
                    and not speak_for_other_parties(claims, reading.claims)) \
                    or claims_made_before(claims, reading.claims):
                return reading.item
        return None


    def with_outcome(self, outcomes: Iterable[OutcomeReport]) -> EarlierItem | None:
        """The first earlier item whose article told one of ``outcomes`` (how talks ended) there, if any."""
        told = tuple(outcomes)
        return next((reading.item for reading in self._readings
                     if any(same_outcome(a, b) for a in told for b in reading.outcomes)), None) if told else None


def claims_made_before(claims: PassageClaims, earlier: PassageClaims) -> bool:
    """Whether ``earlier``'s lead makes every claim ``claims``'s lead makes (and it makes one)."""
    if not (claims.leads or claims.lead_claims):
        return False
    positions = all(any(same_position(position, other) for other in earlier.leads) for position in claims.leads)
    return positions and all(
        any(a.positive == b.positive and (same_matter(a, b) or same_talks_outcome(a, b)) for b in earlier.lead_claims)
        for a in claims.lead_claims)
