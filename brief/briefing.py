"""The briefing model: one assembled brief, read by every renderer and view.

Plain frozen dataclasses. Templates, the CLI and the TUI only read them; the
only code that builds them is :func:`brief.assembly.assemble_briefing`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from brief.metadata import MetaValue


@dataclass(frozen=True)
class Citation:
    """A reference from an item to a numbered entry of the sources list."""

    number: int
    source_id: str
    excerpt_id: str


@dataclass(frozen=True)
class BriefItem:
    """One statement of the brief, as an article worded it, with every source carrying it."""

    text: str
    """The representative excerpt's text, verbatim."""
    excerpt_id: str
    """The excerpt whose text is shown."""
    excerpt_ids: tuple[str, ...]
    """Every excerpt merged into this item (near-duplicates from several sources)."""
    citations: tuple[Citation, ...]
    """One per source, in source-number order."""
    section: str
    topics: tuple[str, ...]
    score: float
    pinned: bool = False
    origin: str = "rules"
    new: bool = False
    """No excerpt of this item was reported in the previous edition (always False in a first edition)."""

    @property
    def source_count(self) -> int:
        return len({citation.source_id for citation in self.citations})


@dataclass(frozen=True)
class BriefSection:
    id: str
    title: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True)
class SourceEntry:
    """A numbered entry of the brief's list of sources."""

    number: int
    source_id: str
    title: MetaValue
    outlet: MetaValue
    author: MetaValue
    published: MetaValue
    url: MetaValue
    reliability: MetaValue


@dataclass(frozen=True)
class DroppedItem:
    """An item of the previous edition that this edition no longer carries."""

    text: str
    """The item's text as that edition showed it."""
    sources: tuple[str, ...]
    """Each source it cited, as "title, date" (the source may have left the corpus since)."""


@dataclass(frozen=True)
class EditionComparison:
    """How this edition compares with the previous edition of the same recipe."""

    previous_as_of: dt.date | None
    """The previous edition's date; None for a first edition (nothing to compare with)."""
    previous_file: str | None = None
    """The previous edition's Markdown file name, e.g. ``weekly-2025-12-02.md``."""
    new_count: int = 0
    """Items of this edition marked new."""
    dropped: tuple[DroppedItem, ...] = ()

    @property
    def first_edition(self) -> bool:
        return self.previous_as_of is None


@dataclass(frozen=True)
class Briefing:
    """An assembled brief: everything a renderer needs, nothing it must compute."""

    recipe_name: str
    title: str
    subtitle: str | None
    classification: str | None
    as_of: dt.date
    window_label: str
    window_start: dt.date | None
    window_end: dt.date | None
    key_points: tuple[BriefItem, ...]
    sections: tuple[BriefSection, ...]
    sources: tuple[SourceEntry, ...]
    sources_considered: int
    """Sources inside the window and the recipe's source filter."""
    excerpts_considered: int
    """Tagged excerpts that passed the filters, before merging and caps."""
    notes: tuple[str, ...] = ()
    """What the reader should know about coverage, e.g. undated sources left out."""
    paper: str = "A4"
    window_source_ids: tuple[str, ...] = ()
    """The sources inside the window and the recipe's source filter (``sources_considered`` of them)."""
    held_back_ids: tuple[str, ...] = ()
    """Excerpt ids of the items ``only_new`` left out because an earlier edition reported them."""
    edition: EditionComparison | None = None
    """The comparison with the previous edition; None when the brief was not compared (a preview)."""

    @property
    def word_count(self) -> int:
        items = list(self.key_points) + [item for section in self.sections for item in section.items]
        return sum(len(item.text.split()) for item in items)

    def all_items(self) -> list[BriefItem]:
        return list(self.key_points) + [item for section in self.sections for item in section.items]
