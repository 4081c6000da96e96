"""How excerpts, sources and topics are shown as rows: Rich ``Text``, never markup strings.

Article text can contain ``[bold]``, ``[/]`` or ``<b>``; building ``Text``
objects (not parsing markup) keeps it literal everywhere in the UI.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from brief.corpus import Source
from brief.excerpts import Excerpt
from brief.ranking import shown_text

SECTION_STYLES = {
    "state-of-talks": "bold cyan",
    "sticking-points": "bold red",
    "outlook": "bold green",
    "background": "dim",
}
LEFT_OUT_STYLE = "dim strike"
"""The words of an excerpt that a brief does not show (:func:`brief.ranking.shown_text`)."""
SECTION_SHORT = {"state-of-talks": "STATE", "sticking-points": "STICKING", "outlook": "OUTLOOK",
                 "background": "BACKGR"}


def short_date(date: dt.date | None, mark: str = "") -> str:
    """"18 Dec 2025"; "≥18 Dec 2025" when that is only the earliest the article can have appeared, "~2 Dec 2025"
    when only the latest date it mentions (:func:`date_mark`)."""
    return f"{mark}{date.day} {date:%b %Y}" if date else "undated"


def date_mark(source: Source) -> str:
    """What a short date of ``source`` is prefixed with: "≥" for the earliest it can have appeared, "~" for the
    latest date its text mentions (a guess: the Markdown brief says "(latest date mentioned)"), else nothing."""
    return "≥" if source.date_is_earliest else "~" if source.date_is_mentioned else ""


def excerpt_status(excerpt_id: str, place: tuple[int, ...] | None, pinned: set[str], excluded: set[str]) -> str:
    """★ key point, ✓ in the brief, ✗ excluded by the analyst, · a candidate not used.

    ``place`` is the excerpt's (section number, position) in the brief, section 0 being the key points.
    """
    if excerpt_id in excluded:
        return "✗"
    if place is not None:
        return "★" if place[0] == 0 else "✓"
    return "★" if excerpt_id in pinned else "·"


def short_id(source_id: str) -> str:
    """The shipped ids start with a three-digit number that tells them apart; others are shown longer."""
    return source_id[:3] if len(source_id) > 4 and source_id[:3].isdigit() and source_id[3] == "_" else source_id[:12]


def excerpt_row(excerpt: Excerpt, section: str, status: str, date_mark: str = "") -> Text:
    """Two lines: status, section, source and topics; then the excerpt's text, with what a brief leaves out
    of it struck through. ``date_mark``: the source's :func:`date_mark`."""
    row = Text()
    status_style = {"★": "bold yellow", "✓": "bold green", "✗": "bold red"}.get(status, "dim")
    row.append(f"{status} ", style=status_style)
    row.append(f"{SECTION_SHORT.get(section, section[:8].upper()):<8} ", style=SECTION_STYLES.get(section, ""))
    row.append(f"{short_id(excerpt.source_id)} · {short_date(excerpt.published, date_mark)}", style="italic")
    if excerpt.origin == "analyst":
        row.append(" · analyst", style="bold magenta")
    row.append("  " + ", ".join(excerpt.topics), style="dim")
    row.append("\n  ")
    # One line, even for a passage across paragraphs; what the brief leaves out of it (a wire dateline, a
    # short leading sentence that leans on what came before) is dimmed.
    shown = shown_text(excerpt)
    cut = len(excerpt.text) - len(shown) if excerpt.text.endswith(shown) else 0
    if excerpt.text[:cut].strip():
        row.append(" ".join(excerpt.text[:cut].split()) + " ", style=LEFT_OUT_STYLE)
    row.append(" ".join(excerpt.text[cut:].split()))
    return row


def source_label(source: Source, count: int) -> Text:
    outlet = str(source.meta.outlet.value) if source.meta.outlet.known else "outlet unknown"
    label = Text()
    label.append(f"{short_id(source.id)} ", style="bold")
    date = short_date(source.date, date_mark(source))  # as the excerpt rows give it: "≥18 Dec 2025"
    label.append(f"{outlet[:12]:<12} {date:<12} ")
    label.append(f"{count:>3}", style="cyan")
    return label


def topic_label(label: str, count: int) -> Text:
    text = Text(f"{label[:22]:<22} ")
    text.append(f"{count:>4}", style="cyan")
    return text
