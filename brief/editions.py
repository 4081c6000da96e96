"""Editions: how a brief compares with the previous edition of the same recipe.

The previous edition is the newest manifest of the recipe in the output folder
dated strictly before this brief (see :func:`brief.manifest.find_previous_edition`).
An item is new when the previous edition reported none of its merged excerpts, nor the claim it
makes (:mod:`brief.restatements`: "Russia demands that Ukraine withdraw from parts of Donbas" from one
article restates last week's "Moscow continues to demand … the remaining Donbas areas" from another); an
item that is not new names the sources of which it reported none (a new source now carries the claim);
an item of the previous edition dropped out when this one carries none of its
excerpts and no item restates it (for an ``only_new`` recipe, items held back as already reported have
not dropped out); a dropped item whose sentence is still a timeline event or whose
quotation is still a key quote says so. A first edition marks nothing and says so once: in its "What
changed" section when the recipe lists one, else in "About this brief" when the
recipe asks for new items only.
"""

from __future__ import annotations

from dataclasses import replace

from brief.briefing import Briefing, DroppedItem, EditionComparison, KeyQuote, TimelineEntry
from brief.dates import long_date
from brief.errors import counted
from brief.event_clauses import without_elision
from brief.manifest import ItemRecord, PreviousEdition, source_label
from brief.recipe import WHAT_CHANGED, Recipe

FIRST_EDITION = "First edition: nothing to compare with."


def comparison_line(briefing: Briefing) -> str | None:
    """One line on what an edition was compared with, for the command line and the TUI; None when the brief
    was not built as an edition."""
    edition = briefing.edition
    if edition is None:
        return None
    if edition.first_edition:
        return f"first edition of {briefing.recipe_name} in this folder: nothing to compare with"
    renewed = f"{edition.new_source_count} more with a new source, " if edition.new_source_count else ""
    return (f"compared with {edition.previous_file}: {counted(edition.new_count, 'new item')}, {renewed}"
            f"{len(edition.dropped)} dropped out")


def lists_what_changed(recipe: Recipe) -> bool:
    return any(section.id == WHAT_CHANGED for section in recipe.spec.sections)


def compare_with_previous(briefing: Briefing, recipe: Recipe, previous: PreviousEdition | None) -> Briefing:
    """``briefing`` with its comparison to ``previous`` and the notes it calls for."""
    notes = list(briefing.notes)
    if previous is None:
        if recipe.spec.only_new and not lists_what_changed(recipe):
            notes.append(FIRST_EDITION + " Every item is shown, although the recipe asks for new items only.")
        return replace(briefing, edition=EditionComparison(previous_as_of=None), notes=tuple(notes))
    items = briefing.all_items()
    carried = {excerpt_id for item in items for excerpt_id in (*item.excerpt_ids, *item.restates)} \
        | set(briefing.held_back_ids)
    dropped = tuple(
        DroppedItem(record.text, tuple(source_label(sid, previous.sources.get(sid)) for sid in record.sources),
                    still_in=_still_shown(record, briefing))
        for record in previous.items if not any(excerpt_id in carried for excerpt_id in record.excerpt_ids))
    comparison = EditionComparison(previous_as_of=previous.as_of, previous_file=previous.markdown_file,
                                   new_count=sum(item.new for item in items),
                                   new_source_count=sum(bool(item.new_sources) for item in items), dropped=dropped)
    if recipe.spec.only_new:
        since = long_date(previous.as_of)
        notes.append(f"Only items new since the edition of {since} are shown (the recipe's only_new)."
                     if items else f"Nothing new since the edition of {since} (the recipe asks for new items only).")
    return replace(briefing, edition=comparison, notes=tuple(notes))


def _still_shown(record: ItemRecord, briefing: Briefing) -> tuple[str, ...]:
    """The analyst's sections of ``briefing`` that still show words of a dropped item: a timeline event whose
    sentence, or a key quote whose quotation, is in the item's text and cites one of its sources."""
    text = _plain(record.text)
    sources = set(record.sources)
    found = []
    for section in briefing.extras:
        for entry in section.entries:
            if isinstance(entry, TimelineEntry | KeyQuote) and entry.text and _plain(without_elision(entry.text)) in text \
                    and sources & {c.source_id for c in entry.citations}:
                found.append(section.title)
                break
    return tuple(found)


def _plain(text: str) -> str:
    return " ".join(text.split())
