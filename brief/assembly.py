"""Assemble a brief: select, rank, merge near-duplicates, fill sections, cite sources.

1. Select the excerpts of the sources inside the window and the recipe's source
   and topic filters (the analyst's ``include`` list overrides the filters,
   ``exclude`` removes).
2. Rank each excerpt: strength of its topic and section cues, recency, place in
   its article (leads first), how much it says (content words up to a full
   sentence's worth), with penalties for passages that cannot stand
   alone (a leading "He"/"This"/"However", a question, very long), and
   a small preference for sources an analyst graded A–C for reliability
   (:data:`brief.ranking.GRADE_BONUS`; never a penalty).
3. Merge near-duplicates (shared content words) into one item that cites every
   source carrying it; corroboration across sources raises the item's rank
   (the same wording from two sources counts once there: it is one text copied).
   Passages that count the same thing differently, or that date their events
   to different days, are not merged however alike their words: "410 drones
   overnight" on 9 December and "135 drones overnight" on 19 December are two
   attacks, not one claim with two sources. Different figures for one measure
   (:mod:`brief.differences`) stay merged: the item notes that the sources differ.
4. Lead with the strongest items as key points, fill each section up to its
   cap.
5. Fill the analyst's sections the recipe lists (key quotes, key figures,
   timeline, where sources differ: :mod:`brief.analyst_sections`) from the
   sources the items cite and the window's strongest sources.
6. Keep the whole within the word budget: fill again, now with the words the
   analyst's sections and the headings leave to items. An item that no longer
   fits is passed over for the next strongest that does, so a short strong
   item still gets in where a long one would not (the analyst's pinned and
   included passages always go in).
7. Number the cited sources in order of first citation, in the recipe's section
   order; tell which cited sources only repeat another's wire text
   (:mod:`brief.independence`) and where merged sources give different figures
   or contradict each other in words.

The same workspace, recipe and as-of date always give the same brief.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from brief.ages import AGED_PENALTY, aged, dated_forecasts, placed_by_their_day, said_on
from brief.analyst_sections import (
    Unplaced,
    gather_material,
    item_contradictions,
    item_differences,
    item_quoted_differently,
    key_figures,
    key_quotes,
    material_source_ids,
    number_differences,
    number_section,
    quote_speakers,
    section_source_ids,
    sources_differ,
    timeline,
    timeline_quoted_differently,
    with_item_differences,
)
from brief.antecedents import PERSON_PRONOUN, lacks_who_or_what, names_someone
from brief.assessments import assesses
from brief.backstory import BACKSTORY_PENALTY, backstory
from brief.briefing import (
    ASSESSMENT_NOTE,
    EMPTY_SECTION_NOTE_WORDS,
    OPINION_NOTE,
    PREVIEW_NOTE_WORDS,
    RECOMMENDATION_NOTE,
    Briefing,
    BriefItem,
    BriefSection,
    Citation,
    Contradiction,
    DroppedItem,
    EditionComparison,
    ExtraSection,
    FigureDifference,
    Overtaken,
    QuotedDifferently,
    RelativeDay,
    SourceDifference,
    SourceEntry,
    frame_words,
    in_note_order,
    item_words,
    words_of_notes,
)
from brief.contradictions import Statement
from brief.corroboration import PassageClaims, corroborates, passage_claims, speak_for_other_parties
from brief.dates import long_date
from brief.errors import FIRST_FEW, Problem, UserError, counted, first_few
from brief.excerpts import Excerpt
from brief.history import continues_past_story
from brief.independence import CopyFinder, SourceFingerprint, source_fingerprint
from brief.index import DATE_MENTIONED, ExcerptQuery
from brief.interview_answers import (
    is_short_answer,
    needs_its_question,
    questions_before_answers,
)
from brief.metadata import OPINION, MetaValue
from brief.quotes import quoted_words
from brief.ranking import (
    LEANING_PENALTY,
    MAX_RECENCY_BONUS,
    comparable_words,
    content_words,
    grade_bonus,
    introduces_the_role,
    leans_on_what_came_before,
    leans_only_on_its_connective,
    only_quotes,
    quotes_nobody,
    recency_bonus,
    recency_terms,
    shown_events,
    shown_text,
    speaker_is_the_role,
    static_strength,
)
from brief.reader_address import talks_to_reader
from brief.recipe import WHAT_CHANGED, Recipe, SectionRef, Window, excerpt_sections
from brief.recommendations import recommends
from brief.relative_days import relative_days
from brief.restatements import EarlierEdition, EarlierItem, Restatements
from brief.same_claim import Particulars, one_claim_possible, plain_words_of, read_particulars, similar_words
from brief.schedules import PASSED_SCHEDULE_PENALTY, Announcement, superseded
from brief.section_kinds import EXTRA_SECTIONS
from brief.segmentation import asks
from brief.talks_outcomes import OutcomeReport, outcome_reports, same_outcome
from brief.taxonomy import BACKGROUND
from brief.timeline import event_words, tell_one_event
from brief.workspace import Workspace

REDUNDANT_OVERLAP = 0.35
"""Below the merge threshold, but too close to an item already chosen to be worth the reader's time:
the share of the smaller passage's words, stemmed and weighted by rarity (:meth:`_Repeats.overlap`), that the
other passage shares. "The discussions, which lasted five hours, ended without any breakthrough" beside
"five-hour talks … ended with the Kremlin confirming no compromise" is 0.44 in the shipped corpus;
"Russian President Vladimir Putin later dismissed the talks as irrelevant", which shares only the name
and "talks" with it, is 0.29."""
MOSTLY_ONE_EVENT = 0.6
"""Share of a passage's words the sentence telling an event of a day must have for the passage to be about that
event (:func:`_days_told`)."""
KEY_POINT_OVERLAP = 0.25
"""Key points are few, so they must differ more from each other."""
MAX_CANDIDATES = 250
"""At most this many of the strongest excerpts in the window compete for a place (and are merged);
far more than a brief holds, and few enough that a whole-archive brief stays quick."""
SOURCE_REPEAT_PENALTY = 0.35
"""Rank given up per item already taken from the same source."""
MIN_ITEM_BUDGET = 0.5
"""The analyst's sections take their words from the budget, but leave the items at least this share of it."""
MAX_FILLS = 3
"""How many times the items are chosen again to fit the words the analyst's sections leave them."""


@dataclass
class _Candidate:
    """Ranking state for one excerpt or merged group during assembly."""

    excerpts: list[Excerpt]
    score: float
    words: frozenset[str]
    section: str = ""
    pinned: bool = False
    forced: bool = False
    said: frozenset[str] = frozenset()
    """The words of all its passages as :func:`comparable_words`: what the group says, for redundancy."""
    quoted: frozenset[tuple[str, str]] = frozenset()
    """(source id, words) of what its passages quote (:func:`quoted_by`): an article that quotes the same
    words in two passages reports one thing twice."""
    outcomes: tuple[OutcomeReport, ...] = ()
    """How its passages say talks ended (:mod:`brief.talks_outcomes`): an article that says in two passages
    that the same talks failed reports one thing twice, whatever the words."""
    days: tuple[tuple[dt.date, frozenset[str]], ...] = ()
    """The days its passages tell an event on, with the words of the sentence that tells it (:func:`_days_told`):
    two sources that tell Putin's demand of Friday in other words report one thing twice."""
    context: tuple[Excerpt, ...] = ()
    """The sentence before the lead in its paragraph, shown before it: the lead says "he" of someone only that
    sentence names, or "this" of what only it says (:func:`_give_context`); or the question an interview's
    answer answers (:func:`_give_question`)."""
    shown: str | None = None
    """What the brief shows when it is more than the lead's :func:`shown_text`: the context and the lead."""
    restates: EarlierItem | None = None
    """The previous edition's item whose claim it makes under other excerpts (:mod:`brief.restatements`)."""
    story_so_far: bool = False
    """It only tells what happened well before a dated brief's window (:mod:`brief.backstory`): no key point
    while the week's own news can be one."""
    authors_voice: str | None = None
    """The note of what it shows when that speaks in its author's voice (:func:`_authors_voice`): no key point
    while reported news can be one."""
    named_days: tuple[RelativeDay, ...] = ()
    """The days what it shows names only by its article's day, with their dates (:mod:`brief.relative_days`)."""
    outdated: bool = False
    """What it shows is overtaken by the brief's day (an announcement whose time is past, a forecast days old, a
    count or "third year" of an older article): no key point while current news can be one. A June forecast is
    no key point of a December brief. Not "… ended on Monday" of an earlier week: dated, still news."""

    @property
    def lead(self) -> Excerpt:
        return self.excerpts[0]

    @property
    def text(self) -> str:
        """What the brief shows of it."""
        return self.shown if self.shown is not None else shown_text(self.lead)


def resolve_as_of(workspace: Workspace, recipe: Recipe, as_of: dt.date | None) -> dt.date:
    """The brief's date: given, or the recipe's, or the newest dated source in scope."""
    if as_of is not None:
        return as_of
    if recipe.spec.as_of != "latest":
        return dt.date.fromisoformat(recipe.spec.as_of)
    latest = workspace.index.newest_date(_sources_in_scope(recipe))
    if latest is None:
        raise UserError(Problem("as_of is 'latest' but no source in scope has a known date",
                                file=recipe.path, hint="give --as-of DATE, or dates in seeds/sources.yaml"))
    return latest


LATER_NAMED = 3
"""How many sources dated after the brief its note names (by title) before it counts the rest: they are left out
for a reason the reader knows already."""


def _undated_note(workspace: Workspace, source_ids: list[str], fate: str) -> str:
    """The note on sources without a known date: what became of them."""
    one = len(source_ids) == 1
    return f"{counted(len(source_ids), 'source')} without a known date {'was' if one else 'were'} {fate}: " \
           f"{_titled(workspace, source_ids)}."


def _maybe_in_window_note(workspace: Workspace, dated: dict[str, tuple[dt.date, int]]) -> str:
    """The note on sources left out of the window whose date is only where they can start (the latest day their
    text mentions, or the earliest they can have appeared): they may have been written in it."""
    one = len(dated) == 1
    shown = list(_dated_from_below(dated).items())[:FIRST_FEW]
    titles = _titles(workspace, [sid for sid, _ in shown])
    named = first_few([f"{titles.get(sid, sid)} ({when})" for sid, when in shown], total=len(dated))
    return (f"{counted(len(dated), 'source')} dated only by the days "
            f"{'its text reports' if one else 'their texts report'} {'was' if one else 'were'} left out, though "
            f"{'it' if one else 'they'} may have been written in the window: {named}.")


def _give_dates(count: int) -> str:
    """How to date ``count`` sources: "give its date in seeds/sources.yaml"."""
    return f"give {'its date' if count == 1 else 'their dates'} in seeds/sources.yaml"


def _dating_advice(source_ids: list[str]) -> str:
    """What the analyst can do about sources a note says were left out or kept for want of a date."""
    return f"{_give_dates(len(source_ids))}: {first_few(source_ids)}"


def _titled(workspace: Workspace, source_ids: list[str], shown: int = FIRST_FEW) -> str:
    """The sources as a note names them (:func:`brief.errors.first_few`): by their titles (:func:`_titles`). Only
    the ``shown`` first are looked up; the rest are counted."""
    titles = _titles(workspace, source_ids[:shown])
    return first_few([titles.get(sid, sid) for sid in source_ids[:shown]], shown, total=len(source_ids))


def _titles(workspace: Workspace, source_ids: list[str]) -> dict[str, str]:
    """Source id → its name in a note, in one look-up: its title, for a note is read by the principal, who knows a
    source by its title, not by its id in the corpus. A source gone from the corpus has none (its id stands)."""
    titles: dict[str, str] = {}
    for source in workspace.corpus.sources_named(source_ids):
        if source.meta.title.known:  # on one line, in the brief and on the analyst's terminal alike
            titles[source.id] = f"“{' '.join(str(source.meta.title.value).split())}”"
        else:
            titles[source.id] = source.display_title()  # 'Untitled: “its first words …”'
    return titles


def _dated_from_below(dated: dict[str, tuple[dt.date, int]]) -> dict[str, str]:
    """Each source id → its date and what kind of date it is: "2 December 2025, the latest day it mentions",
    "18 December 2025 or later"."""
    return {sid: f"{long_date(day)}{', the latest day it mentions' if kind == DATE_MENTIONED else ' or later'}"
            for sid, (day, kind) in dated.items()}


def _sources_in_scope(recipe: Recipe) -> frozenset[str] | None:
    """The sources the recipe draws on; None for all of them."""
    return None if recipe.spec.sources == "all" else frozenset(recipe.spec.sources)


def window_dates(workspace: Workspace, recipe: Recipe, window: Window) -> dict[str, dt.date | None]:
    """Source id → date of the sources a brief of ``recipe`` draws from in ``window``, in id order."""
    return workspace.index.dates_in_window(window.start, window.end, _sources_in_scope(recipe), window.not_after)


def _base_score(excerpt: Excerpt, window: Window, newest: dt.date | None, grade: object = None) -> float:
    return round(static_strength(excerpt) + recency_bonus(excerpt, window, newest) + grade_bonus(grade), 6)


@dataclass(frozen=True)
class _Standing:
    """What a brief needs of its sources' metadata (no text), by source id."""

    grades: dict[str, object]
    """The reliability grade (None when ungraded)."""
    earliest: dict[str, bool]
    """Whether its date is only the earliest it can have appeared."""
    hashes: dict[str, str]
    """Its content hash: what an earlier edition had (:func:`_is_new`)."""
    opinions: frozenset[str]
    """The opinion pieces (:data:`brief.metadata.OPINION`)."""
    days_read: frozenset[str]
    """Those whose day is known, not guessed from the days their text mentions nor only the earliest possible:
    their "on Tuesday" can be given its date (:mod:`brief.relative_days`)."""


def _source_standing(workspace: Workspace, source_ids: set[str]) -> _Standing:
    """The :class:`_Standing` of the sources ``source_ids``."""
    sources = workspace.corpus.sources_named(source_ids)
    return _Standing({source.id: source.meta.reliability.value for source in sources},
                     {source.id: source.date_is_earliest for source in sources},
                     {source.id: source.content_hash for source in sources},
                     frozenset(source.id for source in sources if source.meta.kind.value == OPINION),
                     frozenset(source.id for source in sources if source.meta.day_is_known))


def assemble_briefing(workspace: Workspace, recipe: Recipe, *, as_of: dt.date | None = None,
                      earlier: EarlierEdition | None = None) -> Briefing:
    """Build the brief that ``recipe`` describes from ``workspace`` as of a date.

    ``earlier`` is what the previous edition reported (None: no previous edition): it marks items new
    and serves the recipe's ``only_new``.
    """
    spec = recipe.spec
    as_of_date = resolve_as_of(workspace, recipe, as_of)
    window = recipe.resolve_window(as_of_date)
    scope = _sources_in_scope(recipe)
    in_window_dates = window_dates(workspace, recipe, window)
    in_window = list(in_window_dates)
    notes: list[str] = []
    advice: list[str] = []
    undated = workspace.index.undated_source_ids(scope) if window.start is not None else []
    if undated:
        notes.append(_undated_note(workspace, undated, "left out of the window"))
        advice.append(_dating_advice(undated))
    maybe = workspace.index.dated_from_below_before(window.start, scope) if window.start is not None else {}
    if maybe:
        notes.append(_maybe_in_window_note(workspace, maybe))
        advice.append(_dating_advice(list(maybe)))
    if window.not_after is not None:
        later = {sid: date for sid, date in workspace.index.source_dates().items()
                 if date is not None and date > window.not_after and (scope is None or sid in scope)}
        if later and not any(in_window_dates.values()):
            # Every dated source is later: a mistyped year ("--as-of 2020-12-04") more likely than a
            # brief of the undated alone.
            raise UserError(Problem(
                f"every dated source is dated after {window.not_after.isoformat()}: only undated ones would "
                "remain", file=recipe.path,
                hint=f"the oldest is dated {min(later.values()).isoformat()}; give a later --as-of"))
        if later:
            notes.append(f"{counted(len(later), 'source')} dated after {long_date(window.not_after)} "
                         f"{'was' if len(later) == 1 else 'were'} left out: "
                         f"{_titled(workspace, list(later), LATER_NAMED)}.")
            kept = [sid for sid, date in in_window_dates.items() if date is None]
            if kept:
                # A whole-corpus brief keeps its undated sources; in an edition older than some of the corpus,
                # the reader must know that one of them may have been written after the brief's date.
                notes.append(_undated_note(workspace, kept,
                                           f"kept, though {'it' if len(kept) == 1 else 'they'} may have "
                                           f"been written after {long_date(window.not_after)}"))
                advice.append(_dating_advice(kept))
    if not in_window:
        newest = workspace.index.newest_date(scope)
        raise UserError(Problem(
            f"no source falls in the window ({window.label})", file=recipe.path,
            hint=((f"the newest source is dated {newest.isoformat()}; try --as-of {newest.isoformat()} "
                   "or a wider window") if newest else "no source in scope has a known date")
            + (f"; {first_few([f'{sid} ({when})' for sid, when in _dated_from_below(maybe).items()])} "
               f"may be of this window: {_give_dates(len(maybe))}" if maybe else "")))

    excluded, included, pinned = set(spec.exclude), set(spec.include), set(spec.pin)
    section_ids = [section.id for section in excerpt_sections(spec)]
    # Key points of a recipe that lists none of the excerpts' sections (key points and key figures, or what
    # changed, say) are the strongest passages of any section.
    drawn_from = [sid for sid in section_ids if sid != WHAT_CHANGED] \
        or (workspace.taxonomy.section_ids() if spec.key_points else [])
    extra_refs = [section for section in spec.sections if section.id in EXTRA_SECTIONS]
    newest = max((date for date in in_window_dates.values() if date), default=None)
    query = ExcerptQuery(start=window.start, end=window.end, dated_only=window.start is not None or window.end
                         is not None, not_after=window.not_after, sources=None if spec.sources == "all" else frozenset(spec.sources),
                         topics=None if spec.topics == "all" else frozenset(spec.topics),
                         sections=frozenset(drawn_from) if drawn_from else None)

    def section_of(excerpt: Excerpt) -> str:
        return spec.moves.get(excerpt.id, excerpt.section)

    # The index hands over the strongest candidates only: recency can add at most its bonus.
    strongest, matching = workspace.index.select_strongest(query, MAX_CANDIDATES, MAX_RECENCY_BONUS + 1e-6,
                                                           recency=recency_terms(window, newest))
    fetched = {e.id for e in strongest}
    named = [e for e in workspace.excerpts_by_id(included | pinned | set(spec.moves)) if e.id not in fetched]
    standing = _source_standing(workspace, {e.source_id for e in (*strongest, *named)})
    grades, earliest, hashes = standing.grades, standing.earliest, standing.hashes
    selected: list[tuple[Excerpt, float]] = []
    for excerpt in sorted([*strongest, *named], key=lambda e: (e.source_id, e.start, e.end)):
        if excerpt.id in excluded:
            continue
        forced = excerpt.id in included or excerpt.id in pinned
        if not forced and excerpt.id in spec.moves and not replace(query, sections=None).admits(excerpt):
            continue
        if not forced and excerpt.id not in fetched and excerpt.id not in spec.moves:
            continue
        if section_of(excerpt) not in drawn_from and excerpt.id not in pinned:
            continue
        selected.append((excerpt, _base_score(excerpt, window, newest, grades.get(excerpt.source_id))))
    if not selected and drawn_from:
        raise UserError(Problem(f"no excerpt matches the recipe's topics in the window ({window.label})",
                                file=recipe.path, hint="widen the window or the topics"))

    stale = superseded([e for e, _ in selected], as_of_date, earliest)
    old_counts = {k: v for k, v in aged([e for e, _ in selected], as_of_date, earliest).items() if k not in stale}
    selected = [(e, round(score - PASSED_SCHEDULE_PENALTY, 6) if e.id in stale
                 else round(score - AGED_PENALTY, 6) if e.id in old_counts else score) for e, score in selected]
    told_before: set[str] = set()
    if window.start is not None:  # the week's news before the story so far
        told_before = backstory([e for e, _ in selected if e.id not in stale and e.id not in old_counts],
                                window.start, earliest, as_of_date)
        selected = [(e, round(score - BACKSTORY_PENALTY, 6) if e.id in told_before else score)
                    for e, score in selected]
    forecasts = dated_forecasts([e for e, _ in selected], as_of_date, earliest)
    # "as of 12 June 2025" for "As the war drags into its third year, …", as for announcements; and for a forecast
    # or "… ended on Monday" of an earlier week
    relative = placed_by_their_day([e for e, _ in selected], as_of_date, earliest)
    outdated = {*forecasts, *old_counts, *stale}  # not "… ended on Monday" alone: that is still the week's news
    stale = {**relative, **forecasts, **old_counts, **stale}
    candidates = _join_corroborating(_merge(selected, pinned, included, section_of, earliest))
    candidates = _give_question(workspace, candidates, excluded, spec.moves)
    candidates = _give_context(workspace, candidates, excluded, spec.moves, earliest)
    for candidate in candidates:
        candidate.authors_voice = _authors_voice(candidate, standing.opinions)
        candidate.outdated = any(e.id in outdated for e in (candidate.lead, *candidate.context))
        lead = candidate.lead
        if lead.published is not None and lead.source_id in standing.days_read and lead.told is None:
            candidate.named_days = relative_days(candidate.text, lead.published)
    if window.start is not None:
        _rank_the_story_so_far_by_context(candidates, window.start, earliest,
                                          {e.id: score for e, score in selected if e.id in told_before},
                                          aged_already=set(stale), as_of=as_of_date)
        for candidate in candidates:
            candidate.story_so_far = candidate.story_so_far or candidate.lead.id in told_before
    if earlier is not None:
        _find_restatements(workspace, candidates, earlier)
    held_back: list[str] = []
    if spec.only_new and earlier is not None:
        candidates, held_back = _keep_new(candidates, earlier, hashes)
    key_points, by_section = _fill(candidates, spec, section_ids, drawn_from=drawn_from)
    chosen = key_points + [c for sid in section_ids for c in by_section[sid]]
    ranked = selected or [(e, _base_score(e, window, newest, grades.get(e.source_id)))
                          for e in strongest]  # a brief of extras only
    listing_changes = any(ref.id == WHAT_CHANGED for ref in spec.sections)
    compared = EditionComparison.most_words(listing_changes) if earlier is not None \
        else PREVIEW_NOTE_WORDS if listing_changes else 0

    reckoned: dict[tuple[int, bool], int] = {}
    speaker_of = quote_speakers(workspace.corpus.source, workspace.corpus.findings)
    noted_under: dict[int, _ItemNotes] = {}

    def notes_of(candidate: _Candidate) -> _ItemNotes:
        """Where the item's sources differ, as notes under it, before its sources are numbered."""
        if id(candidate) not in noted_under:
            noted_under[id(candidate)] = _ItemNotes(
                item_differences(list(_first_per_source(candidate).values()), earliest),
                item_contradictions(candidate.excerpts),
                item_quoted_differently(candidate.lead, candidate.excerpts, candidate.text, speaker_of))
        return noted_under[id(candidate)]

    def overtaken_note(candidate: _Candidate, key_point: bool = False) -> Announcement | None:
        """What dates the item's words (:data:`stale`): the lead's, or failing that the context's shown before it
        ("What has not moved is the land. On Friday …" before "Zelensky's office says any such decision …"); of a
        ``key_point`` that nothing else dates, its report's day when that is a week past (:func:`_reported_as_of`)."""
        announced = next((stale[e.id] for e in (candidate.lead, *candidate.context) if e.id in stale), None)
        if announced is None and key_point and not candidate.named_days:
            return _reported_as_of(candidate, as_of_date, earliest)
        return None if announced and _dated_by_its_days(announced, candidate.named_days) else announced

    def reading_words(candidate: _Candidate, key_point: bool = False) -> int:
        """What :attr:`BriefItem.words` will count (a source this brief numbers reads "source N", which is no
        longer than the earlier edition's title and date counted here), as a ``key_point`` or in its section."""
        if (id(candidate), key_point) not in reckoned:
            sources = {e.source_id for e in candidate.excerpts}
            fresh = _new_sources(candidate, earlier)
            restated = candidate.restates is not None and sources <= fresh
            announced = overtaken_note(candidate, key_point)
            reckoned[id(candidate), key_point] = item_words(
                candidate.text, len(sources), new=_is_new(candidate, earlier, hashes), new_sources=len(fresh),
                restated_from=candidate.restates.source_labels if restated and candidate.restates else None,
                overtaken_words=_note_words(announced), listed_under=_listed_under(candidate),
                authors_voice=candidate.authors_voice,
                days=_days_besides(candidate.named_days, announced.overtaken if announced else None),
                notes_words=words_of_notes(notes_of(candidate).all))
        return reckoned[id(candidate), key_point]

    showing = tuple(ref.title or EXTRA_SECTIONS[ref.id] for ref in extra_refs if ref.id in ("timeline", "key-quotes"))
    listed = _listed_if_dropped(earlier, held_back, showing) \
        if listing_changes else {}

    showing_items = [sid for sid in section_ids if sid != WHAT_CHANGED]
    window_text = _window_text(window)
    titles = {section.id: section.title or workspace.taxonomy.section(section.id).label
              for section in excerpt_sections(spec)} \
        | {ref.id: ref.title or EXTRA_SECTIONS[ref.id] for ref in extra_refs}

    def room_beside(extras: list[ExtraSection]) -> _WordRoom:
        room = max(spec.max_words - _furniture_words(spec, titles, window_text, extras) - compared,
                   int(spec.max_words * MIN_ITEM_BUDGET))
        room -= sum(words for _, words in listed.values()) + EMPTY_SECTION_NOTE_WORDS * len(showing_items)
        differ = next((section for section in extras if section.id == "sources-differ"), None)
        if differ is None:
            return _WordRoom(room, reading_words, dict(listed), set(showing_items))
        rows: dict[int, int] = {}

        def with_rows(candidate: _Candidate, key_point: bool = False) -> int:
            """Its words, and the rows its notes add to "Where sources differ", which lists every item's."""
            if id(candidate) not in rows:
                rows[id(candidate)] = _rows_added(differ, notes_of(candidate).all)
            return reading_words(candidate, key_point) + rows[id(candidate)]

        return _WordRoom(room, with_rows, dict(listed), set(showing_items))

    # The analyst's sections take words from the items and leave out what the items show (a quotation, the
    # rest of a dated sentence), so they are made again for the items that fit beside them. They keep to their
    # share of the budget: the items have the rest, and at least MIN_ITEM_BUDGET of it.
    share = int(spec.max_words * (1 - MIN_ITEM_BUDGET)) - compared

    def frame_and(extras: list[ExtraSection]) -> int:
        return _furniture_words(spec, titles, window_text, extras)

    def analyst_sections(chosen: list[_Candidate]) -> tuple[list[ExtraSection], tuple[Unplaced, ...]]:
        return _analyst_sections(share, frame_and, workspace, extra_refs, chosen, ranked, window)

    extras, unplaced = analyst_sections(chosen)
    for _ in range(MAX_FILLS):
        budget = room_beside(extras)
        if budget.holds(chosen, key_points):
            break
        key_points, by_section = _fill(candidates, spec, section_ids, budget, drawn_from=drawn_from)
        fitted = key_points + [c for sid in section_ids for c in by_section[sid]]
        if [id(c) for c in fitted] == [id(c) for c in chosen]:
            break
        chosen = fitted
        if extra_refs:
            extras, unplaced = analyst_sections(chosen)

    numbers: dict[str, int] = {}
    for candidate in key_points:
        _number(numbers, sorted({e.source_id for e in candidate.excerpts}, key=_source_order(candidate)))
    extras_by_id = {section.id: section for section in extras}
    for ref in spec.sections:
        if ref.id in extras_by_id:
            _number(numbers, section_source_ids(extras_by_id[ref.id]))
        else:
            for candidate in by_section.get(ref.id, []):
                _number(numbers, sorted({e.source_id for e in candidate.excerpts}, key=_source_order(candidate)))
    extras = [number_section(section, numbers) for section in extras]
    extras = [replace(section, notes=_unplaced_notes(unplaced, numbers)) if section.id == "timeline"
              else section for section in extras]

    sources_by_id = {source.id: source for source in workspace.corpus.sources_named(numbers)}

    stored_prints = workspace.index.fingerprints(numbers)

    def fingerprint_of(source_id: str) -> SourceFingerprint:
        return stored_prints.get(source_id) or source_fingerprint(sources_by_id[source_id])

    copy_finder = CopyFinder(list(numbers), fingerprint_of)
    copied_whole: dict[str, int] = {}

    def to_item(candidate: _Candidate, key_point: bool = False) -> BriefItem:
        seen = _first_per_source(candidate)
        in_order = sorted(seen, key=lambda sid: numbers[sid])
        copies = copy_finder.copies_among([(sid, seen[sid].text) for sid in in_order]) if len(in_order) > 1 else {}
        for copy, original in copies.items():
            if copy_finder.same_text(copy, original):
                copied_whole[copy] = min(copied_whole.get(copy, numbers[original]), numbers[original])
        citations = tuple(Citation(numbers[sid], sid, seen[sid].id,
                                   numbers[copies[sid]] if sid in copies else None) for sid in in_order)
        topics = tuple(dict.fromkeys(t for e in candidate.excerpts for t in e.topics))
        notes = notes_of(candidate)
        differences = number_differences(notes.differences, numbers)
        contradictions = number_differences(notes.contradictions, numbers)
        quoted = number_differences(notes.quoted, numbers)
        fresh = _new_sources(candidate, earlier)
        context = tuple(e.id for e in candidate.context)
        announced = overtaken_note(candidate, key_point)
        return BriefItem(text=candidate.text, excerpt_id=candidate.lead.id,
                         excerpt_ids=tuple(e.id for e in candidate.excerpts) + context, citations=citations,
                         section=candidate.section, topics=topics, score=round(candidate.score, 3),
                         pinned=candidate.pinned, origin=candidate.lead.origin,
                         new=_is_new(candidate, earlier, hashes), differences=differences,  # type: ignore[arg-type]
                         new_sources=tuple(sid for sid in in_order if sid in fresh),
                         restates=candidate.restates.excerpt_ids if candidate.restates else (),
                         restated_from=_restated_from(candidate.restates, numbers),
                         contradictions=contradictions,  # type: ignore[arg-type]
                         quoted_differently=quoted,  # type: ignore[arg-type]
                         overtaken=_overtaken(announced, numbers), listed_under=_listed_under(candidate),
                         authors_voice=candidate.authors_voice,
                         days=_days_besides(candidate.named_days, announced.overtaken if announced else None))

    item_key_points = tuple(to_item(c, key_point=True) for c in key_points)
    item_sections = {sid: tuple(to_item(c) for c in by_section[sid]) for sid in section_ids}
    noted: list[SourceDifference] = []
    for item in (*item_key_points, *(i for sid in section_ids for i in item_sections[sid])):
        noted.extend(item.noted)
    from_timeline: list[SourceDifference] = []
    listing_differences = any(section.id == "sources-differ" for section in extras)  # else no one reads them
    for section in extras:
        if section.id == "timeline" and listing_differences:
            from_timeline.extend(number_differences(timeline_quoted_differently(section, sources_by_id, speaker_of),
                                                    numbers))
    caps = {ref.id: ref.max_items for ref in extra_refs}
    # A timeline row's quotation that sources word differently is told after the budget was kept: it is listed
    # only while the brief keeps its words (an item's difference always is: the section must not contradict it).
    spent = compared + sum(words for _, words in listed.values()) \
        + sum(item.words for item in (*item_key_points, *(i for sid in section_ids for i in item_sections[sid]))) \
        + EMPTY_SECTION_NOTE_WORDS * sum(1 for sid in showing_items if not item_sections[sid])
    while True:
        differing = [with_item_differences(section, [*noted, *from_timeline], caps[section.id])
                     if section.id == "sources-differ" else section for section in extras]
        if not from_timeline or _furniture_words(spec, titles, window_text, differing) + spent <= spec.max_words:
            break
        from_timeline.pop()
    extras = differing
    entries = []
    for source_id, number in numbers.items():
        meta = sources_by_id[source_id].meta
        title = meta.title
        if not title.known:
            title = MetaValue(sources_by_id[source_id].display_title(), "unknown", "no title given")
        entries.append(SourceEntry(number, source_id, title, meta.outlet, meta.author, meta.published,
                                   meta.url, meta.reliability, meta.kind, copy_of=copied_whole.get(source_id)))
    return Briefing(
        recipe_name=recipe.name, title=spec.title, subtitle=spec.subtitle, classification=spec.classification,
        as_of=as_of_date, window_label=window_text, window_start=window.start,
        window_end=window.end, key_points=item_key_points,
        sections=tuple(BriefSection(sid, titles[sid], item_sections[sid]) for sid in section_ids),
        sources=tuple(entries), sources_considered=len(in_window), excerpts_considered=max(matching, len(selected)),
        notes=tuple(notes), advice=tuple(advice), paper=spec.paper, window_source_ids=tuple(in_window),
        held_back_ids=tuple(held_back), extras=tuple(extras), layout=tuple(section.id for section in spec.sections))


def _first_per_source(candidate: _Candidate) -> dict[str, Excerpt]:
    """Each source's first excerpt of a candidate (its lead's for the lead's source): the passage the item cites
    it by and compares it on."""
    seen: dict[str, Excerpt] = {}
    for excerpt in candidate.excerpts:
        seen.setdefault(excerpt.source_id, excerpt)
    return seen


class _ItemNotes(NamedTuple):
    """Where an item's sources differ, each told in a note under it (item.md.j2) and listed again in
    "Where sources differ" when the recipe has it (:func:`with_item_differences`)."""

    differences: tuple[FigureDifference, ...]
    contradictions: tuple[Contradiction, ...]
    quoted: tuple[QuotedDifferently, ...]

    @property
    def all(self) -> tuple[SourceDifference, ...]:
        return in_note_order(self.differences, self.contradictions, self.quoted)


def _rows_added(section: ExtraSection, noted: tuple[SourceDifference, ...]) -> int:
    """Words that ``noted`` add to the "Where sources differ" ``section`` (rows it does not list, a table it
    has not), its cap ignored and its note that it has none counted as well: the words of several items' rows
    are never counted short."""
    if not noted:
        return 0
    listed = with_item_differences(section, noted, len(section.entries) + len(noted))
    return max(listed.words - (section.words if section.entries else 0), 0)  # its note of none goes


KEY_POINT_DATED_AFTER = 7
"""Days: a key point whose newest source is older than this by the brief's day says when it was reported."""


def _reported_as_of(candidate: _Candidate, as_of: dt.date, earliest: Mapping[str, bool]) -> Announcement | None:
    """The note "as of 4 December 2025" of a key point whose newest source is more than
    :data:`KEY_POINT_DATED_AFTER` days older than the brief: the principal reads the key points first, and
    would take "High-level, five-hour talks … ended with the Kremlin confirming “no compromise”" for today's news
    in a brief of 18 December. None when a source is undated or dated only by the earliest it can have
    appeared (it may be newer)."""
    dates = []
    for excerpt in (*candidate.excerpts, *candidate.context):
        if excerpt.published is None or earliest.get(excerpt.source_id):
            return None
        dates.append(excerpt.published)
    newest = max(dates)
    if (as_of - newest).days <= KEY_POINT_DATED_AFTER:
        return None
    return said_on(newest)


def _note_words(announcement: Announcement | None) -> int:
    """The words the word budget keeps for an announcement's or an old count's note: the longest it can have when a
    later source may be cited in it (which the brief does not yet know), else the note it will have."""
    if announcement is None:
        return 0
    overtaken = announcement.overtaken
    return overtaken.most_words() if announcement.reported_by is not None else len(overtaken.note.split())


def _dated_by_its_days(announcement: Announcement, days: tuple[RelativeDay, ...]) -> bool:
    """Whether the item's note of the ``days`` it names says all its note of an announcement would: that note
    is only "as of 15 December 2025" (no later source to name, no period now past), and "Monday: 15 December
    2025" already dates the item to its article's day. The brief then shows the one note, not both."""
    overtaken = announcement.overtaken
    return announcement.reported_by is None and overtaken.period_past is None \
        and any(day.label == long_date(overtaken.published) for day in days)


def _days_besides(days: tuple[RelativeDay, ...], overtaken: Overtaken | None) -> tuple[RelativeDay, ...]:
    """The ``days`` an item's note gives, but the period its note of an announcement overtaken by events says is
    now past ("next week" of "… the week of 15 December 2025 is now past")."""
    past = overtaken.period_past if overtaken else None
    return tuple(day for day in days if day.label != past)


def _overtaken(announcement: Announcement | None, numbers: dict[str, int]) -> Overtaken | None:
    """The note of an announcement old news by the brief's date, naming the later source that gives its figure
    again by its number when the brief cites it (``numbers``: source id → number)."""
    if announcement is None:
        return None
    reporter = announcement.reported_by
    return replace(announcement.overtaken, reported_in=numbers.get(reporter) if reporter else None)


def _reported(candidate: _Candidate, reported_ids: frozenset[str]) -> bool:
    """Whether the previous edition reported one of the item's merged excerpts, or the claim it makes."""
    return candidate.restates is not None or any(e.id in reported_ids for e in candidate.excerpts)


def _restated_from(earlier: EarlierItem | None, numbers: dict[str, int]) -> tuple[str, ...]:
    """Where the previous edition reported the claim an item restates: "source 2" for a source this brief
    numbers, else the earlier edition's "title, date"."""
    if earlier is None:
        return ()
    labels = dict(zip(earlier.source_ids, earlier.source_labels, strict=False))
    return tuple(f"source {numbers[sid]}" if sid in numbers else labels.get(sid, sid) for sid in earlier.source_ids)


def _is_new(candidate: _Candidate, earlier: EarlierEdition | None, hashes: Mapping[str, str]) -> bool:
    """New: the previous edition reported neither the item's merged excerpts nor its claim, and one of the item's
    sources is news since: it was not in that edition's window, or has changed since (:meth:`EarlierEdition.had`;
    ``hashes``: each source's content hash now). A passage of last week's article that last week's edition left
    out is no development of this week. Nothing is new in a first edition."""
    return earlier is not None and not _reported(candidate, earlier.reported_ids) \
        and not all(earlier.had(e.source_id, hashes.get(e.source_id)) for e in candidate.excerpts)


def _new_sources(candidate: _Candidate, earlier: EarlierEdition | None) -> frozenset[str]:
    """Of an item the previous edition reported (so not new), the sources of which it reported no passage of
    the item, nor cited them on the item this one restates: they carry it for the first time. The talks'
    failure, reported last week from one article, is not new this week; the article that now says it too is."""
    if earlier is None or not _reported(candidate, earlier.reported_ids):
        return frozenset()
    reported = {e.source_id for e in candidate.excerpts if e.id in earlier.reported_ids}
    if candidate.restates is not None:
        reported |= set(candidate.restates.source_ids)
    return frozenset(e.source_id for e in candidate.excerpts) - reported


def _find_restatements(workspace: Workspace, candidates: list[_Candidate], earlier: EarlierEdition) -> None:
    """Note on each candidate none of whose excerpts the previous edition reported the item of that edition
    whose claim it makes (:mod:`brief.restatements`)."""
    unreported = [c for c in candidates if not any(e.id in earlier.reported_ids for e in c.excerpts)]
    if not unreported or not earlier.items:
        return
    restatements = Restatements(earlier.items, workspace.index.source_dates())
    for candidate in unreported:
        lead = candidate.lead
        candidate.restates = restatements.restated(shown_text(lead), lead.source_id, lead.published) \
            or restatements.with_outcome(candidate.outcomes)


def _keep_new(candidates: list[_Candidate], earlier: EarlierEdition, hashes: Mapping[str, str]
              ) -> tuple[list[_Candidate], list[str]]:
    """``only_new``: the candidates that are new (:func:`_is_new`), and the excerpt ids of those held back
    (with those of the earlier item a held-back candidate restates: the claim stays reported).

    Items the recipe includes or pins by id stay: the analyst asked for them by name.
    """
    kept: list[_Candidate] = []
    held_back: list[str] = []
    for candidate in candidates:
        if candidate.forced or candidate.pinned or _is_new(candidate, earlier, hashes):
            kept.append(candidate)
        else:
            held_back.extend(e.id for e in candidate.excerpts)
            if candidate.restates is not None:
                held_back.extend(candidate.restates.excerpt_ids)
    return kept, sorted(set(held_back))




def _analyst_sections(share: int, frame_and: Callable[[list[ExtraSection]], int], workspace: Workspace,
                      refs: list[SectionRef], chosen: list[_Candidate], scored: list[tuple[Excerpt, float]],
                      window: Window) -> tuple[list[ExtraSection], tuple[Unplaced, ...]]:
    """The analyst's sections ``refs`` asks for, from the sources the chosen items cite and then the
    sources of the strongest ``scored`` excerpts; and the timeline's dates that could not be placed.

    While they and the brief's frame (``frame_and``) read more than their ``share`` of the budget, the one that
    reads longest is made again with fewer rows, down to the next longest, so that each keeps a like share. A
    section made again with a lower cap keeps its best rows (the timeline its best events, in date order), not the
    first ones it shows; it keeps one row: the recipe asked for it, and a frame too long for that overruns (the
    items keep MIN_ITEM_BUDGET of it).
    """
    if not refs:
        return [], ()
    cited = list(dict.fromkeys(e.source_id for c in chosen for e in c.excerpts))
    best: dict[str, float] = {}
    for excerpt, score in scored:
        if score > best.get(excerpt.source_id, float("-inf")):
            best[excerpt.source_id] = score
    ranked = sorted(best, key=lambda sid: (-best[sid], sid))  # sources by their strongest excerpt
    wanted = material_source_ids(cited, ranked)
    loaded = {source.id: source for source in workspace.corpus.sources_named(wanted)}
    material = gather_material([loaded[sid] for sid in wanted if sid in loaded], [ref.id for ref in refs],
                               set(cited), workspace.corpus.findings)
    shown = [" ".join(c.text.split()) for c in chosen]  # what the items say, not to be said again
    unplaced: tuple[Unplaced, ...] = ()

    def made(ref: SectionRef, cap: int) -> ExtraSection:
        nonlocal unplaced
        heading = ref.title or EXTRA_SECTIONS[ref.id]
        if ref.id == "key-quotes":
            return ExtraSection("key-quotes", heading, key_quotes(material, cap, shown, since=window.start))
        if ref.id == "key-figures":
            return ExtraSection("key-figures", heading, key_figures(material, cap))
        if ref.id == "timeline":
            events, unplaced = timeline(material, cap, window, shown)
            return ExtraSection("timeline", heading, events)
        return ExtraSection("sources-differ", heading, sources_differ(material, cap, [e for e, _ in scored]),
                            compared=len(best))  # every source with a candidate in the window

    extras = [made(ref, ref.max_items) for ref in refs]
    while (over := frame_and(extras) - share) > 0:
        longer = [index for index, section in enumerate(extras) if len(section.entries) > 1]
        if not longer:
            break
        index = max(longer, key=lambda i: extras[i].words)
        longest = extras[index]
        runner_up = max((section.words for section in extras if section is not longest), default=0)
        row = longest.words / len(longest.entries)
        cut = max(1, math.ceil(min(over, longest.words - runner_up + 1) / row))  # no shorter than the next
        extras[index] = made(refs[index], max(1, len(longest.entries) - cut))
    return extras, unplaced


def _number(numbers: dict[str, int], source_ids: list[str]) -> None:
    for source_id in source_ids:
        numbers.setdefault(source_id, len(numbers) + 1)


def _unplaced_notes(unplaced: tuple[Unplaced, ...], numbers: dict[str, int]) -> tuple[str, ...]:
    """A note per cited source whose dates without a year could not be placed on the timeline."""
    notes = []
    for item in unplaced:
        if item.source_id not in numbers:
            continue
        shown = ", ".join(f"“{e}”" for e in item.expressions[:8]) + (" …" if len(item.expressions) > 8 else "")
        notes.append(f"Source {numbers[item.source_id]} has no known publication date, so its dates without a "
                     f"year ({shown}) are not on the timeline.")
    return tuple(notes)


def _source_order(candidate: _Candidate):
    order = {e.source_id: index for index, e in enumerate(candidate.excerpts)}
    return lambda source_id: order[source_id]


def _window_text(window: Window) -> str:
    if window.start is None and window.end is None:
        return "whole corpus"
    if window.start and window.end:
        return f"{long_date(window.start)} – {long_date(window.end)}"
    return window.label


def _merge(selected: list[tuple[Excerpt, float]], pinned: set[str], included: set[str],
           section_of, earliest: dict[str, bool]) -> list[_Candidate]:
    """Group near-duplicate excerpts; the strongest member speaks for the group."""
    ranked = sorted(selected, key=lambda pair: (-pair[1], pair[0].source_id, pair[0].start))
    groups: list[_Candidate] = []
    holding: dict[str, list[int]] = defaultdict(list)
    """Word → the groups (by position) whose words include it: only those can be similar."""
    particulars: dict[str, Particulars] = {}

    def read(member: Excerpt) -> Particulars:
        if member.id not in particulars:
            particulars[member.id] = read_particulars(member, dated=not earliest.get(member.source_id))
        return particulars[member.id]

    claims: dict[str, PassageClaims] = {}

    def claims_of(member: Excerpt) -> PassageClaims:
        if member.id not in claims:
            claims[member.id] = _claims(member)
        return claims[member.id]

    def one_claim(excerpt: Excerpt, group: _Candidate) -> bool:
        return all(one_claim_possible(read(member), read(excerpt)) for member in group.excerpts) \
            and not speak_for_other_parties(claims_of(excerpt), claims_of(group.lead))

    plain: list[frozenset[str]] = []
    """Each group's lead's :func:`plain_words`: near-duplicates share more than names."""
    for excerpt, score in ranked:
        words = content_words(excerpt.text)
        plain_words = plain_words_of(excerpt.text)
        sharing = sorted({number for word in words for number in holding.get(word, ())})
        home = next((groups[n] for n in sharing if similar_words(words, groups[n].words)
                     and similar_words(plain_words, plain[n]) and one_claim(excerpt, groups[n])), None)
        if home is None:
            plain.append(plain_words)
            for word in words:
                holding[word].append(len(groups))
            groups.append(_Candidate([excerpt], score, words, section=section_of(excerpt),
                                     pinned=excerpt.id in pinned, forced=excerpt.id in included,
                                     said=comparable_words(excerpt.text), quoted=quoted_by(excerpt),
                                     outcomes=_outcomes_of(excerpt), days=_days_told(excerpt, earliest)))
            continue
        home.excerpts.append(excerpt)
        home.said |= comparable_words(excerpt.text)
        home.quoted |= quoted_by(excerpt)
        home.outcomes += _outcomes_of(excerpt)
        home.days += _days_told(excerpt, earliest)
        home.pinned |= excerpt.id in pinned
        home.forced |= excerpt.id in included
    for group in groups:
        group.score += 1.5 * (_distinct_wordings(group.excerpts) - 1)
    return sorted(groups, key=lambda g: (-g.score, g.lead.source_id, g.lead.start))


def _distinct_wordings(excerpts: list[Excerpt]) -> int:
    """Sources of a group, those with word-for-word the same passage counted once (a copied text).

    A cheap stand-in for :mod:`brief.independence` while ranking: no article is read.
    """
    if len({e.source_id for e in excerpts}) < 2:
        return 1
    parent: dict[str, str] = {}

    def root(source_id: str) -> str:
        while parent.setdefault(source_id, source_id) != source_id:
            source_id = parent[source_id]
        return source_id

    first_with: dict[str, str] = {}
    for excerpt in excerpts:
        wording = " ".join(excerpt.text.lower().split())
        other = first_with.setdefault(wording, excerpt.source_id)
        parent[root(excerpt.source_id)] = root(other)
    return len({root(source_id) for source_id in parent})


class _Repeats:
    """Whether a candidate repeats an item already chosen (:data:`REDUNDANT_OVERLAP`), for the choice loop.

    Words weigh by their rarity among the candidates (smoothed inverse document frequency): a word most
    passages share ("Russia", "talks") says little about whether two passages say the same. Passages of one
    article that quote the same words repeat each other whatever their other words (:func:`quoted_by`). The
    chosen items only grow, so each candidate is compared with each chosen item once per threshold.
    """

    def __init__(self, candidates: list[_Candidate]) -> None:
        counts: Counter[str] = Counter(word for candidate in candidates for word in candidate.said)
        total = len(candidates) + 1
        self.rarity = {word: math.log(total / count) + 1.0 for word, count in counts.items()}
        self._weights: dict[int, float] = {}
        self._compared: dict[tuple[int, float], int] = {}
        """(candidate, threshold) → how many of the chosen items it has been found not to repeat."""

    def _weight(self, candidate: _Candidate) -> float:
        key = id(candidate)
        if key not in self._weights:
            self._weights[key] = sum(self.rarity.get(word, 0.0) for word in candidate.said)
        return self._weights[key]

    def overlap(self, a: _Candidate, b: _Candidate) -> float:
        """Share of the smaller passage's weight that the other passage shares."""
        shared = sum(self.rarity.get(word, 0.0) for word in a.said & b.said)
        return shared / min(self._weight(a), self._weight(b)) if shared else 0.0

    def of(self, candidate: _Candidate, chosen: list[_Candidate], threshold: float = REDUNDANT_OVERLAP) -> bool:
        if candidate.forced or candidate.pinned:
            return False
        key = (id(candidate), threshold)
        start = self._compared.get(key, 0)
        if start < 0:
            return True
        if any(self.overlap(candidate, other) >= threshold or candidate.quoted & other.quoted
               or _same_outcome_told(candidate, other) or _same_day_told(candidate, other)
               for other in chosen[start:]):
            self._compared[key] = -1
            return True
        self._compared[key] = len(chosen)
        return False


def _outcomes_of(excerpt: Excerpt) -> tuple[OutcomeReport, ...]:
    return outcome_reports(excerpt.text, excerpt.source_id, excerpt.published)


def _same_outcome_told(a: _Candidate, b: _Candidate) -> bool:
    return any(same_outcome(x, y) for x in a.outcomes for y in b.outcomes)


def _days_told(excerpt: Excerpt, earliest: Mapping[str, bool]) -> tuple[tuple[dt.date, frozenset[str]], ...]:
    """The days a passage tells an event on (:func:`brief.timeline.extract_events`, to the day), each with the
    :func:`~brief.timeline.event_words` of its sentence, when that sentence is most of what the brief shows
    (:data:`MOSTLY_ONE_EVENT`): "What has not moved is the land. On Friday President Putin repeated …" is about
    Friday's demand; a paragraph that mentions a meeting of Tuesday in one of four sentences is about more. None
    for a source whose publication date is only the earliest it can have (a weekday would be a guess)."""
    if earliest.get(excerpt.source_id) or excerpt.published is None:
        return ()
    total = len(shown_text(excerpt).split())
    return tuple((event.date, event_words(event.text)) for event in shown_events(excerpt)
                 if event.precision == "day" and len(event.text.split()) >= MOSTLY_ONE_EVENT * total)


def _same_day_told(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates tell one event of a day (:func:`brief.timeline.tell_one_event`, the rule that gives
    it one timeline row)."""
    return any(tell_one_event(day, "day", words, other_day, "day", other_words)
               for day, words in a.days for other_day, other_words in b.days)


def quoted_by(excerpt: Excerpt) -> frozenset[tuple[str, str]]:
    """What a passage quotes (:func:`brief.quotes.quoted_words`), with its source: two passages of one article
    that quote the same words ("the Kremlin confirming “no compromise” was reached" in the lead and again
    in a summary point) report the same thing, however differently the rest is worded. Another article
    quoting the same words is corroboration, not a repeat."""
    return frozenset((excerpt.source_id, words) for words in quoted_words(excerpt.text))


@dataclass
class _WordRoom:
    """The words left for items, and what each candidate would take of them (:func:`item_words`).

    With a "What changed" list, every item of the previous edition starts as listed there, dropped; a
    candidate that carries one of them takes its own words less that line's: keeping last week's item costs
    about nothing, a new one its words.
    """

    left: int
    words_of: Callable[[_Candidate, bool], int]
    """A candidate's words as a key point (True) or in its section (False): a key point may carry a date its
    section's item does not (:func:`_reported_as_of`)."""
    listed: dict[int, tuple[frozenset[str], int]] = field(default_factory=dict)
    """The previous edition's items still listed as dropped (:func:`_listed_if_dropped`)."""
    empty: set[str] = field(default_factory=set)
    """Sections still without an item: each shows a note that it has none (:data:`EMPTY_SECTION_NOTE_WORDS`,
    counted in ``left``), which its first item saves."""

    def _carried_by(self, candidate: _Candidate) -> list[int]:
        ids = {e.id for e in candidate.excerpts} | set(candidate.restates.excerpt_ids if candidate.restates else ()) \
            | {e.id for e in candidate.context}
        return [key for key, (excerpt_ids, _) in self.listed.items() if excerpt_ids & ids]

    def cost(self, candidate: _Candidate, key_point: bool = False) -> int:
        saved = EMPTY_SECTION_NOTE_WORDS if not key_point and candidate.section in self.empty else 0
        return self.words_of(candidate, key_point) - saved \
            - sum(self.listed[key][1] for key in self._carried_by(candidate))

    def fits(self, candidate: _Candidate, key_point: bool = False) -> bool:
        """Whether the candidate fits the words left; one that takes no more words than it saves always does."""
        cost = self.cost(candidate, key_point)
        return cost <= 0 or cost <= self.left

    def spend(self, candidate: _Candidate, key_point: bool = False) -> None:
        self.left -= self.cost(candidate, key_point)
        for key in self._carried_by(candidate):
            del self.listed[key]
        if not key_point:
            self.empty.discard(candidate.section)

    def holds(self, chosen: list[_Candidate], key_points: list[_Candidate]) -> bool:
        """Whether ``chosen`` (the ``key_points`` among them) all fit the words left, each listed line they carry
        saved once, and the note of each section they fill."""
        carried = {key for candidate in chosen for key in self._carried_by(candidate)}
        points = {id(c) for c in key_points}
        filled = {c.section for c in chosen if id(c) not in points} & self.empty
        return sum(self.words_of(c, id(c) in points) for c in chosen) - len(filled) * EMPTY_SECTION_NOTE_WORDS \
            - sum(self.listed[key][1] for key in carried) <= self.left


def _fill(candidates: list[_Candidate], spec, section_ids: list[str], room: _WordRoom | None = None, *,
          drawn_from: list[str] | None = None) -> tuple[list[_Candidate], dict[str, list[_Candidate]]]:
    """Key points first (pinned, then the strongest), then each section up to its cap.

    Choice is greedy on the rank, less a small penalty per item already taken
    from the same source, so that one prolific article does not fill the brief.
    With a ``room``, a candidate that does not fit the words left is passed over
    for the next that does; pinned and included candidates go in regardless.
    ``drawn_from``: the sections key points may come from, when not only ``section_ids``.
    """
    pinned = [c for c in candidates if c.pinned]
    key_points = list(pinned)
    chosen: list[_Candidate] = list(key_points)
    per_section: dict[str, int] = defaultdict(int)
    per_source: dict[str, int] = defaultdict(int)
    for candidate in key_points:
        per_section[candidate.section] += 1
        per_source[candidate.lead.source_id] += 1
        if room is not None:
            room.spend(candidate, key_point=True)

    prepaid: set[int] = set()  # included passages go in whatever is left: their words are spent first

    def take(pool: list[_Candidate], accept, key_point: bool = False) -> _Candidate | None:
        best, best_value = None, 0.0
        for candidate in pool:
            if not accept(candidate) or (room is not None and id(candidate) not in prepaid
                                         and not room.fits(candidate, key_point)):
                continue
            value = candidate.score - SOURCE_REPEAT_PENALTY * per_source[candidate.lead.source_id]
            if best is None or value > best_value:
                best, best_value = candidate, value
        if best is not None:
            pool.remove(best)
            chosen.append(best)
            per_source[best.lead.source_id] += 1
            if room is not None and id(best) not in prepaid:
                room.spend(best, key_point)
        return best

    pool = [c for c in candidates if c not in key_points and c.section in (drawn_from or section_ids)
            and (c.forced or not _cannot_stand_alone(c))]
    if room is not None:
        for candidate in pool:
            if candidate.forced and candidate.section in section_ids:
                room.spend(candidate)
                prepaid.add(id(candidate))
    repeats = _Repeats(candidates)
    covered = {t for c in key_points for e in c.excerpts for t in e.topics}  # the key points' topics, kept up

    def fits_key_points(candidate: _Candidate) -> bool:
        topics = {t for e in candidate.excerpts for t in e.topics}
        # How talks ended is news whatever topics the key points cover: "met at the Kremlin" says nothing of
        # "ended without any breakthrough", though both are the talks' topics alone.
        first_outcome = bool(candidate.outcomes) and not any(c.outcomes for c in key_points)
        return not (per_section[candidate.section] >= 2 or repeats.of(candidate, chosen, KEY_POINT_OVERLAP)
                    or (key_points and topics <= covered and not first_outcome))

    # The week's news as reported first, then as an author judges it, then what the brief's day has overtaken
    # (to fill the places left); the story so far only when none of the week's news can be a key point.
    for tier in range(KEY_POINT_TIERS):
        if tier == STORY_SO_FAR_TIER and len(key_points) > len(pinned):
            break  # the week's news took a place
        while len(key_points) < spec.key_points:
            picked = take(pool, lambda c, tier=tier: _key_point_tier(c) <= tier and fits_key_points(c),
                          key_point=True)
            if picked is None:
                break
            key_points.append(picked)
            per_section[picked.section] += 1
            covered.update(t for e in picked.excerpts for t in e.topics)

    by_section: dict[str, list[_Candidate]] = {sid: [] for sid in section_ids}
    caps = {section.id: section.max_items for section in spec.sections}
    for candidate in [c for c in pool if c.forced and c.section in by_section]:
        by_section[candidate.section].append(candidate)
        chosen.append(candidate)
        pool.remove(candidate)
    while True:
        picked = take(pool, lambda c: c.section in by_section and len(by_section[c.section]) < caps[c.section]
                      and not repeats.of(c, chosen))
        if picked is None:
            break
        by_section[picked.section].append(picked)
    for sid, bucket in by_section.items():
        wanted = spec.order.get(sid, [])
        position = {excerpt_id: index for index, excerpt_id in enumerate(wanted)}

        def order_key(candidate: _Candidate, position: dict[str, int] = position) -> tuple:
            places = [position[e.id] for e in candidate.excerpts if e.id in position]
            return (min(places) if places else len(position), -candidate.score, candidate.lead.source_id,
                    candidate.lead.start)
        bucket.sort(key=order_key)
    return key_points, by_section


KEY_POINT_TIERS = 4
"""How many tiers :func:`_fill` takes key points from, one tier after another (:func:`_key_point_tier`): the
week's news as reported, as an author judges it, what the brief's day has overtaken, the story so far."""
STORY_SO_FAR_TIER = KEY_POINT_TIERS - 1
"""The last tier, the story so far: taken only while no news of the week has taken a key point's place."""


def _key_point_tier(candidate: _Candidate) -> int:
    """How late a candidate may become a key point: the week's news as reported (0), as an author judges it (1),
    what the brief's day has overtaken (2), the story so far (:data:`STORY_SO_FAR_TIER`, only when no news of the
    week took a place)."""
    if candidate.story_so_far:
        return STORY_SO_FAR_TIER
    return 2 if candidate.outdated else 1 if candidate.authors_voice is not None else 0


def _cannot_stand_alone(candidate: _Candidate) -> bool:
    """Whether the item would read as a fragment: what it shows leans on a sentence it leaves out
    (:func:`leans_on_what_came_before`). Such a passage ranks lower, but in a thin window (one article
    in the week) it would still fill a section's last places: it is never taken to fill one. A section's
    cap is a ceiling. An interview's answer in the first person is taken, and the analyst's own, pinned
    and included passages are always shown."""
    return candidate.lead.origin != "analyst" and not candidate.context \
        and leans_on_what_came_before(candidate.text, first_person=False)


CONTEXT_MAX_WORDS = 60
"""The longest a passage and the sentence before it, shown together (:func:`_give_context`), may be."""


def _rank_the_story_so_far_by_context(candidates: list[_Candidate], window_start: dt.date,
                                      earliest: dict[str, bool], told_before: dict[str, float], *,
                                      aged_already: set[str], as_of: dt.date) -> None:
    """Rank lower a passage that tells no day of its own and is shown after sentences that only tell the story
    before the window (:func:`brief.backstory.backstory`): what it tells happened then. "… took a revised text to
    President Vladimir Putin in Moscow on Dec. 2. Kremlin aide Yuri Ushakov said afterwards that no compromise had
    been found on territory." is the story so far in a week of 12–18 December. Every sentence shown before it must
    be the story so far (a question an answer is shown after tells no day, so is none). A pair that took the rank
    of its first sentence, which already ranks lower as a passage of its own (``told_before``: its rank), keeps
    it; nor is a pair whose sentences are old news already (``aged_already``: announcements overtaken, counts of
    time) ranked lower twice. ``as_of``: the brief's day, which bounds the day of an article dated only by its
    earliest (:func:`brief.backstory.backstory`), as for passages alone."""
    judged = [c for c in candidates if c.context and not shown_events(c.lead)
              and not any(e.id in aged_already for e in (c.lead, *c.context))]
    told = backstory([e for c in judged for e in c.context], window_start, earliest, as_of)
    for candidate in judged:
        if not all(e.id in told for e in candidate.context):
            continue
        candidate.story_so_far = True
        first = candidate.context[0].id
        if first in told_before and candidate.score <= told_before[first] + 1e-9:
            continue  # it took that sentence's rank, already the lower one
        candidate.score = round(candidate.score - BACKSTORY_PENALTY, 6)


def _give_context(workspace: Workspace, candidates: list[_Candidate], excluded: set[str],
                  moves: dict[str, str], earliest: Mapping[str, bool]) -> list[_Candidate]:
    """Show a passage that says "he" or "she" of someone only the sentence before it names, or "this" of what
    only that sentence says, after that sentence: "“We value the constructive approach …,” Ushakov said. A new
    round of consultations at expert level could be held before the end of the year, he said." Alone, it would
    leave the principal to guess who spoke, or what Moscow "calls unacceptable". So is a quotation of "the
    official" (:func:`brief.ranking.quotes_nobody`) after the sentence that introduces that official.

    The sentence before must be an excerpt of the same paragraph that reads alone, and name someone
    (:func:`brief.antecedents.names_someone`) when the passage says "he" or "she"; the two together must be
    at most :data:`CONTEXT_MAX_WORDS` words. The item then ranks as a passage that reads alone, and cites the
    earlier sentence's excerpt too. Where that sentence was a candidate of its own, the pair takes its place,
    with its rank and section when it was the stronger: the pair says all that sentence says, and more.
    Only passages of the rules: the analyst's own are shown as marked, and a passage that leans for another
    reason ("However, …") or in which the page talks to its reader ("We asked her where the negotiations
    stand.") is left as it is (:func:`brief.antecedents.lacks_who_or_what`). So is one whose sentence before
    is ``excluded`` by the recipe: the analyst does not want that sentence in the brief.

    A pair whose passage is only a quotation and who said it (:func:`brief.ranking.only_quotes`) serves the
    section of the sentence before, which the quotation illustrates: "Samus describes a 20-kilometer “kill
    zone” … “Any mechanized units … will be killed immediately,” he said." is context, not an outlook, and a
    brief without a context section leaves it out like any context. A section the analyst gave the passage
    (``moves``) is kept, and so is an included or pinned passage's.
    """
    lacking = {id(c) for c in candidates if c.lead.origin == "rules" and c.shown is None
               and (lacks_who_or_what(c.lead.text) or quotes_nobody(c.lead.text))
               and leans_on_what_came_before(c.text, first_person=False)
               and not talks_to_reader(c.text)}  # "We asked her …": no sentence before makes it say something
    # and perhaps the story of a past year that the sentence before sets: "the dialogue eventually collapsed"
    leaning = [c for c in candidates if id(c) in lacking
               or (c.lead.origin == "rules" and c.shown is None and c.lead.section == BACKGROUND)]
    if not leaning:
        return candidates
    alone = {c.lead.id: c for c in candidates if len(c.excerpts) == 1 and not (c.pinned or c.forced)}
    # An answer shown after its question (:func:`_give_question`) is not taken over: the question would be lost.
    shown_with_question = {c.lead.id for c in candidates if c.context}
    absorbed: set[int] = set()
    sources = {source.id: source for source in
               workspace.corpus.sources_named({c.lead.source_id for c in leaning})}
    places: dict[str, dict[tuple[int, int], Excerpt]] = {}
    # In text order, so that a passage whose sentence before leans too finds that sentence already shown after
    # its own context: "Putin … insists time is on his side. “The goals … ,” he said on Dec. 17. If Kyiv refuses
    # …, he vowed Russia would “liberate its historical lands” …" is one item of three sentences.
    for candidate in sorted(leaning, key=lambda c: (c.lead.source_id, c.lead.start)):
        lead = candidate.lead
        if lead.source_id not in places:
            places[lead.source_id] = _rules_places(workspace, lead.source_id)
        before = _sentence_before(places[lead.source_id], lead, sources[lead.source_id].text
                                  if lead.source_id in sources else "")
        if before is not None and id(candidate) not in lacking \
                and continues_past_story([before.text, lead.text], lead.published) != {1}:
            continue
        if before is None or before.id in shown_with_question or before.id in excluded \
                or lead.source_id not in sources or before.end > lead.start:
            continue
        shown_before = alone.get(before.id)
        # "Yet the center of gravity … later. That sequencing remains …": "Yet" only sets the pair against what
        # came before; the pair reads alone
        # as the sentence before would be shown alone: "Despite this, a resolution remains … possible. A
        # comprehensive agreement could include …" shows from "A comprehensive", which leans on nothing
        chained = leans_on_what_came_before(shown_text(before), first_person=False) \
            and not leans_only_on_its_connective(shown_text(before)) \
            or shown_before is not None and bool(shown_before.context)  # shown after its own: not without it
        if chained and (shown_before is None or not shown_before.context or id(shown_before) in absorbed
                        or id(candidate) not in lacking):
            continue  # a sentence before that leans is context only as shown after its own
        context = (*shown_before.context, before) if chained and shown_before is not None else (before,)
        opening = context[0]
        if (PERSON_PRONOUN.search(lead.text) or quotes_nobody(lead.text)) and not names_someone(shown_text(opening)):
            continue
        role = speaker_is_the_role(lead.text)
        if role and not introduces_the_role(shown_text(opening), role):
            continue  # "the official" is the official the sentence before introduces, not whoever it names
        # as the sentence before would be shown alone: less a dateline ("KYIV – ") or a programme voice's label
        text = sources[lead.source_id].text[opening.end - len(shown_text(opening)):lead.end]
        if opening.paragraph != lead.paragraph:
            text = " ".join(text.split())  # one line: the paragraph break is a space
        if len(text.split()) > CONTEXT_MAX_WORDS:
            continue
        candidate.context, candidate.shown = context, text
        if id(candidate) in lacking:
            candidate.score += LEANING_PENALTY
        for shown in context:
            candidate.said |= comparable_words(shown.text)
            candidate.quoted |= quoted_by(shown)
            candidate.outcomes += _outcomes_of(shown)
            candidate.days += _days_told(shown, earliest)
        _take_place_of(candidate, shown_before, absorbed, moves)
        if only_quotes(shown_text(lead)) and _section_is_free(candidate, moves):  # it illustrates the sentence before
            candidate.section = shown_before.section if shown_before is not None \
                else moves.get(before.id, before.section)
    return _ranked_without(candidates, absorbed)


def _ranked_without(candidates: list[_Candidate], absorbed: set[int]) -> list[_Candidate]:
    """``candidates`` less those another now shows (``absorbed``), strongest first."""
    kept = [c for c in candidates if id(c) not in absorbed]
    return sorted(kept, key=lambda g: (-g.score, g.lead.source_id, g.lead.start))


_OPENS_ON_PERSON = re.compile(r"^[\"“]?(?:He|She)\s")


def _authors_voice(candidate: _Candidate, opinions: frozenset[str]) -> str | None:
    """The note of an item that speaks in its author's voice (:attr:`BriefItem.authors_voice`): advice before
    judgement, for advice is the stronger claim on the principal; else, of an item only ``opinions`` (the ids of
    opinion pieces) carry, that it is from one."""
    if recommends(candidate.text):
        return RECOMMENDATION_NOTE
    if assesses(candidate.text):
        return ASSESSMENT_NOTE
    return OPINION_NOTE if {e.source_id for e in candidate.excerpts} <= opinions else None


def _listed_under(candidate: _Candidate) -> str | None:
    """The hedging introduction of the list the item's passage is an item of (:attr:`Excerpt.listed_under`); None
    for an item whose shown text starts before its passage (the introduction may be in it). The colon that opened
    the list is left out: the note quotes the introduction inside its own brackets."""
    listed_under = None if candidate.context or candidate.lead.paragraph < 0 else candidate.lead.listed_under
    return listed_under.rstrip(" :") if listed_under else None


def _sentence_before(places: dict[tuple[int, int], Excerpt], lead: Excerpt, source_text: str) -> Excerpt | None:
    """The passage right before ``lead`` in its paragraph; for a paragraph that opens on "He" or "She", the last
    sentence of the paragraph right before it in ``source_text``: nothing between them but the break (not a
    heading, nor a list that sentence leads into). News prose often gives a speaker's second sentence a
    paragraph of its own: "Kremlin aide Ushakov described the discussions as
    “constructive …” … ¶ He indicated that while some American formulations were “more or less acceptable,”
    other key points were “unacceptable” to Moscow." """
    if lead.position > 0:
        return places.get((lead.paragraph, lead.position - 1))
    if not _OPENS_ON_PERSON.match(lead.text):
        return None
    last = max((position for paragraph, position in places if paragraph == lead.paragraph - 1), default=None)
    before = places.get((lead.paragraph - 1, last)) if last is not None else None
    return before if before is not None and not source_text[before.end:lead.start].strip() else None


def _rules_places(workspace: Workspace, source_id: str) -> dict[tuple[int, int], Excerpt]:
    """(paragraph, position in it) → the source's passage of the rules there (an analyst's excerpt has no place
    among the sentences)."""
    return {(e.paragraph, e.position): e for e in workspace.excerpts_of(source_id) if e.origin == "rules"}


def _section_is_free(candidate: _Candidate, moves: dict[str, str]) -> bool:
    """Whether a section other than its lead's may be given to ``candidate``: not one the analyst moved, included
    or pinned (their section is the analyst's)."""
    return candidate.lead.id not in moves and not (candidate.forced or candidate.pinned)


def _take_place_of(candidate: _Candidate, own: _Candidate | None, absorbed: set[int], moves: dict[str, str]) -> None:
    """``candidate`` now also shows the passage that ``own`` is a candidate of: ``own`` goes (into ``absorbed``),
    and ``candidate`` ranks as the stronger of the two, in the stronger one's section when its own is free."""
    if own is None or own is candidate or id(own) in absorbed:
        return
    absorbed.add(id(own))
    if own.score > candidate.score:  # the item serves the section its stronger passage serves
        candidate.score = own.score
        if _section_is_free(candidate, moves):
            candidate.section = own.section


def _give_question(workspace: Workspace, candidates: list[_Candidate], excluded: set[str],
                   moves: dict[str, str]) -> list[_Candidate]:
    """Show an interview's or an explainer's answer that does not read alone after the question it answers
    (:mod:`brief.interview_answers`): "What would change Putin's calculation? Two things. First, …". So too
    the passage after a short opening answer, with it: "Are the guarantees credible? More credible than
    anything Ukraine had in 2022. A European force in western Ukraine, …". The item cites the question's
    passage too, and ranks as a passage that reads alone when it leaned. Where a passage it shows was a
    candidate of its own ("Washington says ninety per cent of the text is agreed. Is that meaningful?"), the
    item takes its place, as in :func:`_give_context`. Not when the recipe excludes a passage it would show or
    makes it an item of its own (pinned, included), when the analyst rejected the question, nor when the whole
    would be longer than :data:`CONTEXT_MAX_WORDS`. Where the question ends a long turn ("ANCHOR: Hanna
    Kovalska in Kyiv. Well, joining me in the studio is Daniel Ferreira, …. Daniel, is a deal closer tonight
    than it was a week ago?"), the question's own passage is shown alone. An opening answer that needs its
    question and cannot be shown after it ranks as a passage that leans."""
    answering = [c for c in candidates if c.lead.origin == "rules" and c.shown is None
                 and (c.lead.position == 1 or (c.lead.position == 0 and needs_its_question(shown_text(c.lead))))]
    if not answering:
        return candidates
    sources = {source.id: source for source in workspace.corpus.sources_named({c.lead.source_id for c in answering})}
    asked: dict[str, dict[int, tuple[int, int]]] = {}
    places: dict[str, dict[tuple[int, int], Excerpt]] = {}  # fetched only for a source that asks
    alone = {c.lead.id: c for c in candidates if len(c.excerpts) == 1 and not (c.pinned or c.forced)}
    own_items = {e.id for c in candidates if c.pinned or c.forced for e in c.excerpts}
    absorbed: set[int] = set()
    for candidate in answering:
        lead = candidate.lead
        source = sources.get(lead.source_id)
        if source is None:
            continue
        if source.id not in asked:
            title = source.meta.title.value
            asked[source.id] = questions_before_answers(source.text, title if isinstance(title, str) else None)
        span = asked[source.id].get(lead.paragraph)
        if span is None:
            continue
        if source.id not in places:
            places[source.id] = _rules_places(workspace, source.id)
        shown = [e for e in places[source.id].values() if span[0] <= e.start and e.end <= span[1]]
        if shown and len(source.text[span[0]:lead.end].split()) > CONTEXT_MAX_WORDS:
            # the question alone, after a long introduction: "ANCHOR: Hanna Kovalska in Kyiv. Well, joining me in
            # the studio is Daniel Ferreira, …. Daniel, is a deal closer tonight than it was a week ago?"
            last = max(shown, key=lambda e: e.start)
            if asks(last.text) and not leans_on_what_came_before(last.text):  # "Does that change the picture?"
                span, shown = (last.start, span[1]), [last]
        if lead.position == 1:  # only after a short opening answer, which it goes on to explain
            opening = places[source.id].get((lead.paragraph, 0))
            if opening is None or not is_short_answer(opening.text):
                continue
            shown.append(opening)
        if len(source.text[span[0]:lead.end].split()) > CONTEXT_MAX_WORDS or not shown or lead.position == 1 \
                and len(shown) == 1 or any(e.id in excluded or e.id in own_items for e in shown):
            # the question too long to show, rejected by the analyst, or kept apart by the recipe: an opening
            # answer that needs it ("Closer between Washington and Kyiv, certainly.") ranks as a passage
            # that leans
            if lead.position == 0 and not leans_on_what_came_before(shown_text(lead)):
                candidate.score -= LEANING_PENALTY
            continue
        if leans_on_what_came_before(shown_text(lead)):
            candidate.score += LEANING_PENALTY
        candidate.context, candidate.shown = tuple(shown), source.text[span[0]:lead.end]
        candidate.said |= comparable_words(candidate.shown)
        for excerpt in shown:  # a question that states something ("Washington says … agreed.") is said here
            candidate.quoted |= quoted_by(excerpt)
            _take_place_of(candidate, alone.get(excerpt.id), absorbed, moves)
    return _ranked_without(candidates, absorbed)


def _listed_if_dropped(earlier: EarlierEdition | None, held_back: list[str], showing: tuple[str, ...]
                       ) -> dict[int, tuple[frozenset[str], int]]:
    """The previous edition's items a "What changed" list would show as dropped if the brief carried none of
    them: their excerpt ids and the most words their line can take (:attr:`DroppedItem.words`, with a "still
    in" note naming every section ``showing`` words of dropped items: the analyst's sections are not final
    yet). Those held back as already reported (``only_new``) are not."""
    if earlier is None:
        return {}
    return {index: (frozenset(item.excerpt_ids), DroppedItem(item.text, item.source_labels, still_in=showing).words)
            for index, item in enumerate(earlier.items) if not set(held_back).intersection(item.excerpt_ids)}


def _furniture_words(spec, titles: Mapping[str, str], window_label: str, extras: list[ExtraSection]) -> int:
    """Words a reader reads besides items: the title block (with the ``window_label``), "Key points" and each
    section's heading (its ``titles``), and the analyst's sections (:attr:`ExtraSection.words`). The brief's word
    budget is what a reader reads, all of it."""
    headings = ["Key points"] + [titles[section.id] for section in spec.sections]
    return frame_words(spec.title, spec.subtitle, headings, classification=spec.classification,
                       window_label=window_label) + sum(section.words for section in extras)


def _claims(excerpt: Excerpt) -> PassageClaims:
    """What the passage claims, as a brief would show it (:func:`brief.corroboration.passage_claims`)."""
    return passage_claims(Statement(shown_text(excerpt), excerpt.source_id, excerpt.start, excerpt.published))


def _join_corroborating(candidates: list[_Candidate]) -> list[_Candidate]:
    """Join each passage that makes, in other words, the claim a stronger item of other sources leads with
    (:func:`brief.corroboration.corroborates`) to that item, which then cites its source too.

    A passage the analyst pinned, included or marked stays an item of its own.
    """
    kept: list[tuple[_Candidate, PassageClaims]] = []
    for candidate in candidates:  # strongest first
        read = _claims(candidate.lead)
        home = None
        if read.may_join and not (candidate.pinned or candidate.forced or candidate.lead.origin == "analyst"):
            sources = {e.source_id for e in candidate.excerpts}
            home = next((item for item, item_claims in kept if item_claims.claims_anything
                         and not sources & {e.source_id for e in item.excerpts}
                         and corroborates(read, item_claims)), None)
        if home is None:
            kept.append((candidate, read))
            continue
        home.excerpts.extend(candidate.excerpts)
        home.said |= candidate.said
        home.quoted |= candidate.quoted
        home.outcomes += candidate.outcomes
        home.days += candidate.days
        home.score += 1.5 * len({e.source_id for e in candidate.excerpts})
    return [candidate for candidate, _ in kept]
