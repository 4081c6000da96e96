"""Check an (edited) Markdown brief against the corpus: quotations and cited statements verbatim, figures and dates.

What is checked, in the brief's body outside its "Sources" and "About this brief"
sections:

- every **cited statement**: the text of a list item before a run of citation
  markers (``[\\[2\\]](#src-2)``, as the template writes them) must be in at least
  one of the sources cited there. An item citing several sources is a merge of
  near-duplicates, so its wording is one article's and the others say the same
  in their own words; the same holds for quotations below.
- every **quotation** (text between double quotation marks, straight or curly),
  in an item or a paragraph: it must be in a source its statement cites, or, when
  nothing cites it, in some source of the brief.

"In a source" means verbatim up to what :mod:`brief.passages` forgives
(whitespace, the brief's own Markdown escaping, quote-mark forms) and bold in an item
(the labels the template sets in bold, an editor's emphasis). Single quotes
are not read as quotations: ``’`` is also the apostrophe, so their pairs are
ambiguous.

Two tables are read row by row (they are known by their header rows, whatever
their section is called):

- a **Key figures** row (Figure | Unit | What it measures | Source): the figure as
  the row shows it, its unit left to the Unit cell ("around 19,000", "0.77", "28"
  for "28-point"), or as its sentence writes it ("0.77%", "28-point", as briefs
  showed it before) must be in a cited source, as a whole (not inside "119,000";
  a qualifier's first letter may be a capital), and
  be one of the figures :mod:`brief.figures` reads there, counting what the Unit
  cell says; every other source the row cites must give the same number and unit
  as brief reads them (its own writing may differ: "1 million", "1mn"), since the
  build merges only such figures. "What it measures" is brief's own phrase made
  from the sentence ("projected …", "… cap", "gained by Russia" for "Russia has
  gained"): not verbatim, so it must be the measure :mod:`brief.figures` reads for
  that figure (its writing, counting its unit) in a cited source, up to layout,
  quote-mark forms and the case of its first letter ("Ukrainian military deaths"
  where brief reads "Russian military deaths" is caught; so is any rewording);
- what each source says where sources differ on a figure, in a row of that table (What | Unit | What
  each source says) and in an item's note ("*Sources differ on … (deaths):* around 19,000 [1] ·
  25,000 [2]"): each reading is a figure checked as above against its own citation, and what they differ
  on (the What cell, or the note's measure) must be the measure brief reads for one of those figures;
- where sources quote someone in different words, in a row of that table (Whose words | How each source quotes
  them) and in an item's note ("*Sources quote Yuri Ushakov differently:* “…” [1] · “…” [2]"): each wording is a
  quotation checked against the source cited after it, and the speaker must be named near it there, as under a
  key quote (below);
- a **Timeline** row (Date | Event | Source | Published): the event is a cited
  statement, checked like a list item's (a row the build cut short ends with " …": what comes before the
  mark must be there; a "…" inside a statement is not forgiven); each date of the Date cell must be one
  :mod:`brief.timeline` reads in that sentence of the source (with the source's
  publication date, as the build did), and the Published cell must be the
  publication date of a source that has the sentence.

A **key quote**'s attribution line ("— Yuri Ushakov, Kremlin aide · published 4 December 2025 [1]") names
a speaker who must be named near the quotation in a cited source; the role after the name, if any, must be
one :mod:`brief.quotes` and :mod:`brief.speakers` read for that speaker in a cited source (the role a quote of
theirs gives them, or the one the article gives them wherever it names them in full), up to a leading "a",
"an" or "the", layout, quote-mark forms and the case of its first letter; and its date must be the one brief
reads for that quotation in a cited source: the day the sentence gives ("said on Dec. 17"), else the
article's publication date ("published …", "… or later"), or "date unknown".

Any other table is read as a paragraph: its quotations are checked.

Citation numbers are mapped to source ids by the ``sources:`` mapping in the
brief's front matter, or — for briefs made before it was written there — by the
titles in the "Sources" list. An unknown number or id is the user's error.
"""

from __future__ import annotations

import calendar
import difflib
import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from brief.briefing import (
    ACCORDING_TO,
    AUTHORS_VOICE_NOTES,
    MENTIONED,
    UNNAMED_IN_NOTE,
    UNNAMED_SPEAKER,
    date_label,
    dates_label,
    quote_when,
    span_label,
)
from brief.errors import Problem, UserError, counted, did_you_mean
from brief.event_clauses import without_elision
from brief.figures import Figure, extract_figures, unit_read
from brief.passages import ComparableText, normalise, word_changes
from brief.quotes import Quote, extract_quotes
from brief.relative_days import ABOUT
from brief.speakers import role_in_article
from brief.timeline import FULL_MONTH, Event, counts_from_the_day, extract_events, span_end
from brief.yamlfile import parse_yaml_text

if TYPE_CHECKING:
    from brief.corpus import Source
    from brief.workspace import Workspace

UNCHECKED_SECTIONS = frozenset({"sources", "about this brief"})
"""Level-2 headings whose content is the brief's own apparatus, not quoted text. A brief adds
to them in its front matter (``unchecked_sections``: e.g. "What changed", which quotes the
previous edition's items, whose sources this brief need not cite)."""
SHOW_CHANGES_FROM = 0.5
"""Below this similarity the closest passage is another passage altogether: word changes would be noise."""

_CITATION = re.compile(r"\[\\\[(\d+)\\\]\]\(#src-(\d+)\)")
_CITATION_RUN = re.compile(rf"(?:{_CITATION.pattern}[ \t]*)+")
_LONG_DATE = rf"\d{{1,2}} {FULL_MONTH} \d{{4}}"
_SOURCE_COUNT = re.compile((r"\*\((?:\d+\s+sources?(?:;[^()*]*)?|reported in the last edition from [^*]*?"
                            r"|listed under [“\"][^“”\"*]*[”\"]|"
                            + "|".join(note.replace("'", "[’']") for note in AUTHORS_VOICE_NOTES) +
                            rf"|as of {_LONG_DATE}(?:; see the later source \d+"
                            rf"|; (?:the week of )?(?:\d{{1,2}}(?: [A-Z][a-z]+)?(?: \d{{4}})? ?[–-] ?)?"
                            rf"{_LONG_DATE} is now past|; [A-Z][a-z]+ \d{{4}} is now past)?)\)\*")
                           .replace(" ?", r"\s*").replace(" ", r"\s+"))
"""The template's "*(3 sources)*", "*(2 sources; 1 more carries the same wire text)*" or "*(reported in the last
edition from source 2)*" after an item (or from a source no longer cited: "from Title, 4 December 2025"), and
its "*(as of 9 December 2025; see the later source 3)*" after an announcement overtaken by events (only in
the forms :attr:`brief.briefing.Overtaken.note` writes, so that no statement can hide in one), and its
"*(listed under “Analysts suggest … areas”)*" (:attr:`brief.briefing.BriefItem.listed_under`), whose words
are checked as a quotation, and its "*(the author's recommendation)*", "*(the author's assessment)*" or "*(from
an opinion piece)*" (:data:`brief.briefing.AUTHORS_VOICE_NOTES`).
A note may be wrapped over lines like the item it closes."""
_DAYS_NOTE = re.compile(r"\*\(((?:[^():;*]{1,40}?:\s+[\w\s–-]{4,40}?;\s+)*[^():;*]{1,40}?:\s+[\w\s–-]{4,40}?)\)\*")
"""The template's note of the days an item names only by its article's day: "*(Tuesday: 9 December 2025; at the
weekend: 13–14 December 2025)*" (:attr:`brief.briefing.BriefItem.days_note`); read as one only when each part
is such an expression and a date (:func:`_days_note_only`)."""
_DATE_WORDS = frozenset(["week", "of", "–", "-", ABOUT, *(month.lower() for month in calendar.month_name if month)])
"""The words of a date in a days note besides numbers: "week of 15 December 2025", "13–14 December 2025", "about
14 December 2025"."""
_NEW_MARK = re.compile(r"^\s*\*\*New\*\* · ")
"""The mark of an item new since the previous edition (article text never has unescaped ``**``)."""
_BOLD = re.compile(r"(?<![\\*])\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s\\])\*\*(?!\*)")
"""Bold in an item: the article's label for a point and a later turn's speaker label, which the template sets in
bold (:mod:`brief.lead_labels`: "**Diplomatic Deadlock:** High-level …", "a week ago? **DANIEL FERREIRA
(analyst):** Closer …"), or an editor's emphasis ("**DANIEL FERREIRA (analyst)**:"): checked as the text it is.
Article text has no unescaped ``**`` (:func:`brief.templating.escape_markdown`)."""
_ITEM_MARKER = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#*)?[ \t]*$")
"""An ATX heading (CommonMark §4.2): its closing run of "#" only when a space comes before it ("Round \\#" keeps
its "#")."""
_SOURCE_ENTRY = re.compile(r"^[ ]{0,3}(\d{1,9})[.)][ \t]+(.*)$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_OPENING_QUOTES = "“„"
_CLOSING_QUOTES = "”"
_QUOTE_MARKS = "\"“”„‟'‘’"
_SPEAKER_LINE = re.compile(r"(?:^|\n)>?[ \t]*— (?P<name>[^,·\[\n]+?)(?=[ \t]*(?:,|·|\[|\n|$))")
"""The attribution line under a key quote: "— Marco Rubio, U.S. Secretary of State · 4 December 2025 [1]".
The match ends with the name: the spaces after it are left to what follows ("— Vladimir Putin · 17 December
2025 [1]" has no role, and its " · " is :data:`_QUOTE_WHEN`'s)."""
_QUOTE_WHEN = re.compile(r"[ \t]*·[ \t]*(?P<when>[^\[\n]+?)[ \t]*(?=\[|\n|$)")
"""The date after the speaker and role on that line: "· published 4 December 2025", "· date unknown"; all
of what follows the first "·", so that words added before the date are part of what is checked, whatever
the spaces around the "·" (an edit that drops one must not take the date out of the check)."""
_SPEAKER_ROLE = re.compile(r"[ \t]*,(?P<role>[^·\[]*)")
"""The role after the speaker's name on that line ("…, U.S. Secretary of State"): all up to the "·" before the
date (or the citation), over as many lines as an edit wraps it onto."""
_BLOCKQUOTE_BREAK = re.compile(r"[ \t]*\n[ \t]*>?")
"""A line break inside a block quote, with the ">" that opens the next line."""
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
SPEAKER_REACH = 600
"""How far from a quotation (in characters, either side) the speaker's name must be in the cited source:
a paragraph's worth, since an article names the speaker once and then says "he said"."""
CHECKED_TABLES = {("figure", "unit", "what it measures", "source"): "key-figures",
                  ("date", "event", "source", "published"): "timeline",
                  ("what", "unit", "what each source says"): "figure-differences",
                  ("whose words", "how each source quotes them"): "quoted-differently"}
"""The header rows of the tables whose rows are checked cell by cell (as the standard template writes them)."""
_DIFFERENCE_NOTE = re.compile(r"\s*\*Sources differ on (?P<measure>.+) \((?P<unit>[^()\n]+)\):\*[ \t]*(?P<said>.*)",
                              re.DOTALL)
"""An item's note on a figure its sources give differently: "*Sources differ on Russian military deaths in 2025
(deaths):* around 19,000 [1] · 25,000 [2]"."""
_QUOTED_NOTE = re.compile(r"\s*\*Sources quote (?P<speaker>.+?) differently:\*")
"""An item's note on a quotation its sources word differently: "*Sources quote Yuri Ushakov differently:* “do
not bring peace closer” [1] · “do not bring a settlement closer” [3]"."""
UNNAMED_SPEAKERS = frozenset({UNNAMED_IN_NOTE, UNNAMED_SPEAKER.lower()})
"""What the note and the table say for words no source attributes clearly: no name to look for."""
_TABLE_ROW = re.compile(r"^[ ]{0,3}\|")
_TABLE_DELIMITER = re.compile(r"^[ ]{0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$")
_SUMMARY = {"quotation": ("quotation or statement", "quotations or statements", "not found verbatim in their sources"),
            "statement": ("quotation or statement", "quotations or statements", "not found verbatim in their sources"),
            "speaker": ("speaker", "speakers", "not named beside their quotation"),
            "role": ("speaker's role", "speakers' roles", "not as their sources give them"),
            "figure": ("key figure", "key figures", "not as their sources give them"),
            "unit": ("key figure", "key figures", "not as their sources give them"),
            "measure": ("key figure", "key figures", "not as their sources give them"),
            "differing figure": ("differing figure", "differing figures", "not as their sources give them"),
            "differing unit": ("differing figure", "differing figures", "not as their sources give them"),
            "differing measure": ("differing figure", "differing figures", "not as their sources give them"),
            "date": ("timeline date", "timeline dates", "not as their sources give them"),
            "quote date": ("key quote date", "key quote dates", "not as their sources give them"),
            "publication date": ("timeline date", "timeline dates", "not as their sources give them")}
"""What the one-line summary calls each kind of mismatch; kinds that read alike are counted together."""


@dataclass(frozen=True)
class Mismatch:
    """One quotation or statement of the brief that its cited source does not say verbatim."""

    line: int
    """1-based line of the brief where the quotation or statement starts."""
    kind: str
    """``quotation``, ``statement``, ``speaker``; in a Key figures row ``figure``, ``unit`` or ``measure``; in a
    Timeline row ``statement`` (the event), ``date`` or ``publication date``; under a key quote ``role`` or
    ``quote date``; where sources differ on a figure, a reading's ``differing figure`` or ``differing unit``, or
    what they differ on, ``differing measure``."""
    text: str
    """What was not found, as the brief shows it (Markdown escaping undone)."""
    numbers: tuple[int, ...]
    """The citation numbers it carries; empty for an uncited quotation."""
    source_ids: tuple[str, ...]
    """The sources it was looked for in (the cited ones, else every source of the brief)."""
    reason: str = "not found"
    """``not found``, or what else is wrong (e.g. a statement with no citation after it)."""
    closest: str | None = None
    """The passage of those sources most like ``text``, as the article writes it."""
    closest_source: str | None = None
    """The source id ``closest`` comes from."""
    similarity: float = 0.0
    """difflib's ratio between ``text`` and ``closest`` (0–1)."""
    changes: tuple[str, ...] = ()
    """The words that differ from ``closest``, when it is close enough for that to help; for a unit or a
    date, what brief reads in the source instead."""
    found_in: tuple[str, ...] = ()
    """Other sources of the corpus that do say ``text`` verbatim (a wrong citation)."""
    numbering: tuple[tuple[int, str], ...] = ()
    """The brief's citation numbers and their source ids, to name sources as the brief does."""

    def format(self, file: str) -> str:
        """One line: ``FILE:LINE: statement not found in [2] ID: «…» — … — closest in [2] ID: «…»``."""
        numbers_by_id = {source_id: number for number, source_id in self.numbering}

        def name(source_id: str) -> str:
            number = numbers_by_id.get(source_id)
            return f"[{number}] {source_id}" if number is not None else source_id

        where = ", ".join(name(s) for s in self.source_ids) or "no source"
        if self.reason == "not found":
            head = f"{self.kind} not found in {where}" if self.numbers else \
                f"uncited {self.kind} not found in any source of the brief"
        else:
            head = f"{self.kind} {self.reason}"
        parts = [f"{file}:{self.line}: {head}: «{self.text}»"]
        if self.changes:
            parts.append("; ".join(self.changes))
        if self.closest is not None and self.closest_source is not None:
            label = "closest" if self.similarity >= SHOW_CHANGES_FROM else "nothing close; most alike"
            parts.append(f"{label} in {name(self.closest_source)}: «{self.closest}»")
        if self.found_in:
            parts.append("it is verbatim in " + ", ".join(name(s) for s in self.found_in))
        return " — ".join(parts)


@dataclass
class _Block:
    """A list item or paragraph of the brief, its lines joined, the list marker removed."""

    first_line: int
    is_item: bool
    text: str = ""
    line_starts: list[int] = field(default_factory=list)
    table: str | None = None
    """For a row of a checked table (see :data:`CHECKED_TABLES`): ``key-figures`` or ``timeline``."""
    cells: tuple[str, ...] = ()
    """That row's cells, Markdown escaping undone, whitespace collapsed."""

    def add_line(self, content: str) -> None:
        if self.line_starts:
            self.text += "\n"
        self.line_starts.append(len(self.text))
        self.text += content

    def line_at(self, offset: int) -> int:
        return self.first_line + bisect_right(self.line_starts, offset) - 1


@dataclass(frozen=True)
class _Segment:
    """A stretch of a block and the citation numbers that follow it."""

    start: int
    end: int
    numbers: tuple[int, ...]


@dataclass
class _ParsedBrief:
    front_matter: dict
    front_lines: dict[str, int]
    blocks: list[_Block]
    source_entries: dict[int, tuple[int, str]]
    """Sources-list number → (line, entry text with escaping undone)."""
    has_sources_section: bool


def unescape_markdown(text: str) -> str:
    """Undo backslash escapes (the renderer's, and any CommonMark one): ``\\*`` → ``*``."""
    return _ESCAPED.sub(r"\1", text)


def summarise(mismatches: Sequence[Mismatch]) -> str:
    """How many mismatches of each kind, naming only the kinds found: "1 key figure not as …, 2 speakers …"."""
    counts = Counter(_SUMMARY.get(m.kind, (m.kind, m.kind + "s", "not found in their sources")) for m in mismatches)
    order = list(dict.fromkeys(_SUMMARY.values()))
    ranked = sorted(counts, key=lambda what: order.index(what) if what in order else len(order))
    return ", ".join(f"{counted(counts[what], what[0], what[1])} {what[2]}" for what in ranked)


def _days_note_only(match: re.Match[str]) -> str:
    """Nothing for a days note (:data:`_DAYS_NOTE`) each part of which is an expression that names a day only by
    its article's (:func:`brief.timeline.counts_from_the_day`) and a date; else the text as it is, which is then
    checked as a statement: no statement can hide in such a note."""
    for part in " ".join(match.group(1).split()).split("; "):
        expression, _, date = part.partition(": ")
        if not counts_from_the_day(expression):
            return match.group(0)
        words = [word for word in re.split(r"\s+|(?=[–-])|(?<=[–-])", date) if word]
        if not all(word.isdigit() or word.lower() in _DATE_WORDS for word in words):
            return match.group(0)
    return ""


def verify_brief(markdown: str, workspace: Workspace, *, file: Path | None = None) -> list[Mismatch]:
    """Every quotation and cited statement of ``markdown`` not found verbatim in its source(s), every key
    figure and timeline date not as its source(s) give it.

    Raises :class:`UserError` when ``markdown`` is not a brief, or names a citation
    number or source id the brief or the corpus does not have; ``file`` is for messages.
    """
    where = file or Path("BRIEF.md")
    parsed = _parse(markdown, where)
    numbers = _source_numbers(parsed, workspace, where, markdown)
    # Only the sources the brief cites are read: every look-up is among them.
    readings = _Readings(workspace.corpus.sources_named(set(numbers.values())))
    problems: list[Problem] = []
    mismatches: list[Mismatch] = []
    for block in parsed.blocks:
        segments = _cut_at_citations(block.text)
        for number in sorted({n for segment in segments for n in segment.numbers}):
            if number not in numbers:
                line = block.line_at(next(s.start for s in segments if number in s.numbers))
                problems.append(Problem(f"citation [{number}] names no entry of the brief's sources list",
                                        file=where, line=line,
                                        hint="its sources list has: " + (", ".join(map(str, sorted(numbers)))
                                                                          or "no entries")))
        if problems:
            continue
        mismatches.extend(_check_block(block, segments, numbers, readings))
        if block.table == "key-figures":
            mismatches.extend(_check_figure_row(block, numbers, readings))
        elif block.table == "figure-differences" and len(block.cells) >= 3:
            mismatches.extend(_check_differences(block, block.cells[0], block.cells[1],
                                                 _cells(block.text, raw=True)[2], numbers, readings))
        elif not block.is_item and (note := _DIFFERENCE_NOTE.match(block.text)):
            mismatches.extend(_check_differences(block, unescape_markdown(note.group("measure")), note.group("unit"),
                                                 note.group("said"), numbers, readings))
        elif block.table == "timeline":
            mismatches.extend(_check_timeline_row(block, numbers, readings))
        if block.table == "quoted-differently" and block.cells:
            mismatches.extend(_check_quoted_differently(block, block.cells[0], segments,
                                                        numbers, readings.texts))
        elif not block.is_item and (quoted := _QUOTED_NOTE.match(block.text)):
            mismatches.extend(_check_quoted_differently(block, unescape_markdown(quoted.group("speaker")), segments,
                                                        numbers, readings.texts))
    if problems:
        raise UserError(problems)
    return sorted(mismatches, key=lambda m: (m.line, m.kind != "quotation"))


# --- reading the brief ----------------------------------------------------------------------------


def _parse(markdown: str, file: Path) -> _ParsedBrief:
    lines = markdown.splitlines()
    front: dict = {}
    front_lines: dict[str, int] = {}
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            # A blank first line keeps the YAML parser's line numbers equal to the brief's.
            document = parse_yaml_text("\n" + "\n".join(lines[1:end]) + "\n", file)
            if isinstance(document.data, dict):
                front = document.data
                front_lines = {".".join(map(str, path)): line for path, line in document.lines.items()}
            body_start = end + 1
    listed = front.get("unchecked_sections")
    unchecked = UNCHECKED_SECTIONS | {" ".join(title.split()).lower() for title in
                                      (listed if isinstance(listed, list) else []) if isinstance(title, str)}
    blocks: list[_Block] = []
    entries: dict[int, tuple[int, str]] = {}
    has_sources = False
    section = ""
    current: _Block | None = None
    table: str | None = None  # the kind of checked table whose rows are being read
    for index in range(body_start, len(lines)):
        number, line = index + 1, lines[index]
        heading = _HEADING.match(line)
        if not line.strip() or heading:
            current, table = None, None
            if heading and len(heading.group(1)) == 2:
                section = unescape_markdown(heading.group(2) or "").strip().lower()
                has_sources = has_sources or section == "sources"
            continue
        if section == "sources":
            entry = _SOURCE_ENTRY.match(line)
            if entry:
                entries[int(entry.group(1))] = (number, unescape_markdown(entry.group(2)))
            continue
        if section in unchecked:
            continue
        if _TABLE_ROW.match(line) and (table is not None or current is None):
            if table is None:  # a table's header row says whether its rows are checked cell by cell
                table = CHECKED_TABLES.get(tuple(cell.lower() for cell in _cells(line)))
            elif not _TABLE_DELIMITER.match(line):
                row = _Block(first_line=number, is_item=False, table=table, cells=_cells(line))
                row.add_line(line)
                blocks.append(row)
            if table is not None:
                continue
        elif table is not None:
            current, table = None, None  # a line that is no row ends the table
        marker = _ITEM_MARKER.match(line)
        if marker or current is None:
            current = _Block(first_line=number, is_item=bool(marker))
            blocks.append(current)
        current.add_line(line[marker.end():] if marker else line)
    return _ParsedBrief(front, front_lines, blocks, entries, has_sources)


_UNCLOSED_FRONT_MATTER = re.compile(r"---[ \t]*\n(?![\s\S]*^---[ \t]*$)", re.MULTILINE)
"""A brief that opens front matter and never closes it (cut short, or its closing line deleted)."""


def _source_numbers(parsed: _ParsedBrief, workspace: Workspace, file: Path, markdown: str) -> dict[int, str]:
    """Citation number → source id, from the front matter or else from the Sources list's titles."""
    known = set(workspace.corpus.ids())
    mapping = parsed.front_matter.get("sources")
    if mapping is None:
        if not parsed.front_matter and _UNCLOSED_FRONT_MATTER.match(markdown):
            raise UserError(Problem("the front matter opened by `---` on line 1 is never closed", file=file,
                                    line=1, hint="end it with a line of `---`, as `brief build` writes it; "
                                                 "a brief cut short should be built again"))
        if not parsed.has_sources_section:
            raise UserError(Problem("not a brief made by `brief build`: it has neither a `sources:` mapping "
                                    "in its front matter nor a \"## Sources\" list", file=file,
                                    hint="verify checks the Markdown that `brief build` writes"))
        return _numbers_from_titles(parsed, workspace, file)
    line = parsed.front_lines.get("sources")
    if not isinstance(mapping, dict):
        raise UserError(Problem("front matter: `sources` must map citation numbers to source ids",
                                file=file, line=line, value=mapping))
    numbers: dict[int, str] = {}
    problems: list[Problem] = []
    for key, source_id in mapping.items():
        entry_line = parsed.front_lines.get(f"sources.{key}", line)
        if isinstance(key, bool) or not str(key).isdigit():
            problems.append(Problem("front matter: a key of `sources` must be a citation number", file=file,
                                    line=entry_line, value=key))
        elif not isinstance(source_id, str) or source_id not in known:
            problems.append(Problem(f"front matter: source [{key}] is not in the corpus", file=file,
                                    line=entry_line, value=source_id,
                                    hint=did_you_mean(str(source_id), known) or "see `brief sources`"))
        else:
            numbers[int(key)] = source_id
    if problems:
        raise UserError(problems)
    return numbers


def _numbers_from_titles(parsed: _ParsedBrief, workspace: Workspace, file: Path) -> dict[int, str]:
    """For a brief without the front-matter mapping: match each Sources entry to a source by title."""
    numbers: dict[int, str] = {}
    problems: list[Problem] = []
    titles = [(source.display_title(), source.id) for source in workspace.corpus.sources]
    for number, (line, entry) in sorted(parsed.source_entries.items()):
        matches = [(len(title), sid) for title, sid in titles
                   if entry.startswith(title) and entry[len(title):len(title) + 1] in ("", "†", " ")]
        longest = max((length for length, _ in matches), default=0)
        best = [sid for length, sid in matches if length == longest]
        if len(best) == 1:
            numbers[number] = best[0]
        else:
            problems.append(Problem(
                f"sources list entry {number}: " + ("several sources have this title" if best
                                                     else "no source of the corpus has this title"),
                file=file, line=line,
                hint="rebuild the brief with `brief build`: it names each source's id in the front matter"))
    if problems:
        raise UserError(problems)
    return numbers


def _cells(line: str, *, raw: bool = False) -> tuple[str, ...]:
    """A table row's cells, Markdown escaping undone and whitespace collapsed ("0\\.77%" → "0.77%"); with
    ``raw``, as written (citation markers stay markers)."""
    cells: list[str] = []
    cell = ""
    index = 0
    row = line.strip()
    while index < len(row):
        if row[index] == "\\" and index + 1 < len(row):
            cell += row[index:index + 2]  # "\\|" is a pipe inside a cell, not a cell's end
            index += 2
            continue
        if row[index] == "|":
            cells.append(cell)
            cell = ""
        else:
            cell += row[index]
        index += 1
    cells.append(cell)
    if row.startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and not cells[-1].strip():  # after the closing pipe
        cells = cells[:-1]
    return tuple(cells) if raw else tuple(" ".join(unescape_markdown(cell).split()) for cell in cells)


def _cut_at_citations(text: str) -> list[_Segment]:
    """``text`` (a block of the brief, or a cell) cut after each run of citations; the last segment may carry
    none."""
    segments: list[_Segment] = []
    position = 0
    for run in _CITATION_RUN.finditer(text):
        found = tuple(dict.fromkeys(int(m.group(1)) for m in _CITATION.finditer(run.group())))
        segments.append(_Segment(position, run.start(), found))
        position = run.end()
    segments.append(_Segment(position, len(text), ()))
    return segments


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the inside of each double-quoted stretch of ``text[start:end]``."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for index in range(start, end):
        char = text[index]
        if char in _OPENING_QUOTES or (char == '"' and opened is None):
            opened = index + 1
        elif (char in _CLOSING_QUOTES or char == '"') and opened is not None:
            found.append((opened, index))
            opened = None
    return found


# --- checking -------------------------------------------------------------------------------------


def _check_block(block: _Block, segments: list[_Segment], numbers: dict[int, str],
                 readings: _Readings) -> list[Mismatch]:
    texts = readings.texts
    mismatches: list[Mismatch] = []
    cited_anywhere = tuple(dict.fromkeys(n for s in segments for n in s.numbers))
    for segment in segments:
        raw = _DAYS_NOTE.sub(_days_note_only, _SOURCE_COUNT.sub("", block.text[segment.start:segment.end]))
        if block.is_item:
            raw = _BOLD.sub(r"\1", _NEW_MARK.sub("", raw) if segment.start == 0 else raw)
        statement = unescape_markdown(raw)
        if block.is_item and cited_anywhere and normalise(statement):
            line = block.line_at(segment.start + len(raw) - len(raw.lstrip()))
            if segment.numbers:
                mismatches.extend(_look_up(statement, "statement", line, segment.numbers, numbers, texts))
            else:
                mismatches.append(Mismatch(line, "statement", " ".join(statement.split()), (), (),
                                           reason="has no citation after it",
                                           numbering=tuple(sorted(numbers.items()))))
        cited = segment.numbers or cited_anywhere
        for begin, finish in _quotations(block.text, segment.start, segment.end):
            quotation = unescape_markdown(block.text[begin:finish])
            if normalise(quotation):
                mismatches.extend(_look_up(quotation, "quotation", block.line_at(begin - 1), cited, numbers, texts))
    speaker = _SPEAKER_LINE.search(block.text)
    quotations = [normalise(unescape_markdown(block.text[b:f]))
                  for b, f in _quotations(block.text, 0, speaker.start())] if speaker else []
    if speaker and quotations and cited_anywhere:  # a key quote: "“…”" then "— Name, role · date [n]"
        wrong_speaker = _check_speaker(block, unescape_markdown(speaker.group("name")).strip(),
                                       block.line_at(speaker.start("name")), quotations[0], cited_anywhere, numbers,
                                       texts)
        mismatches.extend(wrong_speaker)
        if not wrong_speaker:  # the role of someone who did not say it is not looked for
            mismatches.extend(_check_role(block, speaker, quotations[0], cited_anywhere, numbers, readings))
        mismatches.extend(_check_quote_date(block, speaker, quotations[0], cited_anywhere, numbers, readings))
    return mismatches


def _check_quoted_differently(block: _Block, speaker: str, segments: list[_Segment], numbers: dict[int, str],
                              texts: dict[str, ComparableText]) -> list[Mismatch]:
    """Where sources quote someone differently (an item's note or a row of "Where sources differ"): the speaker
    must be named near each wording in the source cited after it."""
    speaker = " ".join(speaker.split())
    if speaker.lower() in UNNAMED_SPEAKERS:
        return []
    line = block.line_at(block.text.find(speaker)) if speaker in block.text else block.line_at(0)
    mismatches: list[Mismatch] = []
    for segment in segments:
        for begin, finish in _quotations(block.text, segment.start, segment.end):
            quotation = normalise(unescape_markdown(block.text[begin:finish]))
            if quotation and segment.numbers:
                mismatches.extend(_check_speaker(block, speaker, line, quotation, segment.numbers, numbers, texts))
    if len(mismatches) < 2:
        return mismatches
    return [replace(mismatches[0], numbers=tuple(dict.fromkeys(n for m in mismatches for n in m.numbers)),
                    source_ids=tuple(dict.fromkeys(s for m in mismatches for s in m.source_ids)))]


_UNNAMED = frozenset({"a", "an", "one"})
"""How a speaker described without a name begins (:attr:`brief.quotes.Quote.described`)."""


def _check_speaker(block: _Block, name: str, line: int, quotation: str, cited: tuple[int, ...],
                   numbers: dict[int, str], texts: dict[str, ComparableText]) -> list[Mismatch]:
    """A quote's "— Name, role" line (its ``name`` on ``line``): the name's last word must be in a cited source
    near the (normalised) quotation; a speaker described without a name ("— a European diplomat briefed on the
    talks"), all of the description."""
    words = normalise(name).split()
    if not words:
        return []
    described = words[0].lower() in _UNNAMED
    surname = " ".join(words).lower() if described else words[-1]
    source_ids = tuple(dict.fromkeys(numbers[n] for n in cited))
    found = False
    for source_id in source_ids:
        text = texts[source_id].normalised
        near = text.lower() if described else text  # "A senior official said" opens its sentence
        at = text.find(quotation)
        while at >= 0:
            found = True
            after = at + len(quotation)  # the quotation's own words name no speaker ("by Putin alone")
            if surname in near[max(at - SPEAKER_REACH, 0):at] or surname in near[after:after + SPEAKER_REACH]:
                return []
            at = text.find(quotation, at + 1)
    if not found:
        return []  # the quotation itself is reported as not found; a second message would add nothing
    return [Mismatch(line, "speaker", name, cited, source_ids,
                     reason=f"not {'described so' if described else 'named'} within {SPEAKER_REACH} "
                            "characters of the quotation in the cited source",
                     numbering=tuple(sorted(numbers.items())))]


def _role_key(role: str) -> str:
    """A role as compared: :func:`normalise`-d, without a leading article, its first letter in lower case ("a
    Ukrainian defense analyst" and "Ukrainian defense analyst" are one role; "Kremlin aide" is not "aide")."""
    role = _LEADING_ARTICLE.sub("", normalise(role))
    return role[:1].lower() + role[1:]


def _check_role(block: _Block, speaker: re.Match[str], quotation: str, cited: tuple[int, ...],
                numbers: dict[int, str], readings: _Readings) -> list[Mismatch]:
    """A key quote's role ("— Mykhailo Samus, a Ukrainian defense analyst"): one brief reads for that speaker in
    a cited source (:meth:`_Readings.roles`), as :func:`_role_key` compares them. A line without a role says
    less, not something else: it is not checked. A quotation not found is reported as such, not again here."""
    after_name = _SPEAKER_ROLE.match(block.text, speaker.end())
    if after_name is None:
        return []
    written = " ".join(unescape_markdown(_BLOCKQUOTE_BREAK.sub(" ", after_name.group("role"))).split())
    name = " ".join(unescape_markdown(speaker.group("name")).split())
    source_ids = tuple(dict.fromkeys(numbers[n] for n in cited))
    if not _role_key(written) or not any(readings.texts[s].contains(quotation) for s in source_ids):
        return []
    given = list(dict.fromkeys(role for source_id in source_ids for role in readings.roles(source_id, name)))
    if _role_key(written) in {_role_key(role) for role in given}:
        return []
    return [Mismatch(block.line_at(after_name.start("role")), "role", written, cited, source_ids,
                     reason=f"not one {_names(source_ids, numbers)} gives {name}",
                     changes=("brief reads " + "; ".join(f'"{role}"' for role in given) + " there" if given
                              else f"brief reads no role for {name} there",),
                     numbering=tuple(sorted(numbers.items())))]


def _look_up(text: str, kind: str, line: int, cited: tuple[int, ...], numbers: dict[int, str],
             texts: dict[str, ComparableText]) -> list[Mismatch]:
    """A one-item list with the mismatch when ``text`` is in none of the ``cited`` sources, else []. A cut
    marked at either end ("… ", " …") is read as such: what is left must be there."""
    wanted = normalise(without_elision(text))
    source_ids = tuple(dict.fromkeys(numbers[n] for n in cited)) if cited else \
        tuple(dict.fromkeys(numbers[n] for n in sorted(numbers)))
    if any(texts[sid].contains(wanted) for sid in source_ids):
        return []
    best = None
    for source_id in source_ids:
        passage = texts[source_id].closest_passage(wanted)
        if passage is not None and (best is None or passage.similarity > best[1].similarity):
            best = (source_id, passage)
    closest = best[1].text if best else None
    if closest is not None and kind == "quotation":
        # The article's own quote marks around the passage are not part of what was quoted.
        closest = closest.strip(_QUOTE_MARKS) or closest
    changes: tuple[str, ...] = ()
    if closest is not None and best is not None and best[1].similarity >= SHOW_CHANGES_FROM:
        changes = tuple(word_changes(text, _within_edges(text, closest)))
    elsewhere = tuple(sid for sid, comparable in texts.items() if sid not in source_ids and comparable.contains(wanted))
    return [Mismatch(line, kind, " ".join(text.split()), cited, source_ids,
                     closest=closest, closest_source=best[0] if best else None,
                     similarity=best[1].similarity if best else 0.0, changes=changes, found_in=elsewhere,
                     numbering=tuple(sorted(numbers.items())))]


_PUNCTUATION = re.compile(r"[^\w\s]+")


def _within_edges(text: str, passage: str) -> str:
    """``passage`` (a closest passage, for :func:`word_changes`) without the punctuation that its first or last
    word has beyond ``text``'s first or last word. A wording may stop where a word ends and its punctuation goes
    on, and still be verbatim: brief writes a quotation without the comma that closes it in the article
    ("meaningless" for "meaningless,"), so that comma is no change to show. Punctuation ``text`` has and the
    article has not, or any inside ``text``, is still a change."""
    ours, theirs = text.split(), passage.split()
    if not ours or not theirs:
        return passage
    last, their_last = normalise(ours[-1]), normalise(theirs[-1])
    # The passage's words are in NFC already, so a word and its normalised form are the same length.
    if len(their_last) == len(theirs[-1]) and their_last.startswith(last) \
            and _PUNCTUATION.fullmatch(their_last[len(last):]):
        theirs[-1] = theirs[-1][:len(last)]
    first, their_first = normalise(ours[0]), normalise(theirs[0])
    if len(their_first) == len(theirs[0]) and their_first.endswith(first) \
            and _PUNCTUATION.fullmatch(their_first[:len(their_first) - len(first)]):
        theirs[0] = theirs[0][len(their_first) - len(first):]
    return " ".join(theirs)


def _check_quote_date(block: _Block, speaker: re.Match[str], quotation: str, cited: tuple[int, ...],
                      numbers: dict[int, str], readings: _Readings) -> list[Mismatch]:
    """A key quote's date on its attribution line: one that brief reads for the (normalised) quotation in a
    cited source (see the module's docstring). A quotation not found is reported as such, not again for its
    date."""
    when = _QUOTE_WHEN.search(block.text, speaker.end())
    if when is None:
        return []
    written = " ".join(unescape_markdown(when.group("when")).split())
    source_ids = tuple(dict.fromkeys(numbers[n] for n in cited))
    given: dict[str, None] = {}
    for source_id in source_ids:
        for quote in readings.quotes(source_id):
            if normalise(quote.text) == quotation:
                given[quote_when(quote.date, quote.date_precision, quote.dated_by,
                                 quote.date_expression if quote.date is None else None)] = None
    if not given or written in given:
        return []
    return [Mismatch(block.line_at(when.start("when")), "quote date", written, cited, source_ids,
                     reason=f"not the date brief reads for the quotation in {_names(source_ids, numbers)}",
                     changes=("brief reads " + "; ".join(f'"{w}"' for w in given) + " there",),
                     numbering=tuple(sorted(numbers.items())))]


# --- the tables: key figures and timeline ---------------------------------------------------------


class _Readings:
    """The brief's sources, each read once: as text to search, and (on demand) the figures and dated
    events brief reads in it, extracted as the build extracts them."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = {source.id: source for source in sources}
        self.texts = {source.id: ComparableText(source.text) for source in sources}
        self._figures: dict[str, list[Figure]] = {}
        self._events: dict[str, list[Event]] = {}
        self._quotes: dict[str, list[Quote]] = {}

    def figures(self, source_id: str) -> list[Figure]:
        if source_id not in self._figures:
            source = self.sources[source_id]
            self._figures[source_id] = extract_figures(
                source.text, source_id, None if source.date_is_earliest else source.date)
        return self._figures[source_id]

    def events(self, source_id: str) -> list[Event]:
        if source_id not in self._events:
            source = self.sources[source_id]
            self._events[source_id] = extract_events(source.text, source_id, source.date,
                                                     published_earliest=source.date_is_earliest)
        return self._events[source_id]

    def roles(self, source_id: str, name: str) -> list[str]:
        """The roles brief reads for the speaker ``name`` in the source, where
        :func:`brief.analyst_sections.key_quotes` takes a key quote's role from: the role of each quote of theirs,
        then the one the article gives them wherever it names them in full. A name the source's quotes do not
        give in full ("Rubio") stands for the speakers of that surname."""
        speakers = list(dict.fromkeys(quote.speaker for quote in self.quotes(source_id) if quote.speaker))
        surname = (name.split() or [""])[-1]
        theirs = [name] if name in speakers else [s for s in speakers if s.split()[-1] == surname] or [name]
        found: list[str | None] = [quote.role for quote in self.quotes(source_id) if quote.speaker in theirs]
        found += [role_in_article(self.sources[source_id].text, speaker) for speaker in theirs]
        return list(dict.fromkeys(role for role in found if role))

    def quotes(self, source_id: str) -> list[Quote]:
        """The direct quotations brief reads in the source, each with its speaker and date."""
        if source_id not in self._quotes:
            source = self.sources[source_id]
            self._quotes[source_id] = extract_quotes(source.text, source_id, source.date, reported=False,
                                                     published_earliest=source.date_is_earliest)
        return self._quotes[source_id]


def _row_citations(block: _Block, numbers: dict[int, str]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The citation numbers of a table row, and the source ids they stand for."""
    cited = tuple(dict.fromkeys(int(m.group(1)) for m in _CITATION.finditer(block.text)))
    return cited, tuple(dict.fromkeys(numbers[n] for n in cited))


def _names(source_ids: Sequence[str], numbers: dict[int, str]) -> str:
    """Sources as the brief names them: "[3] 000_0207c4399900d62a"."""
    by_id = {source_id: number for number, source_id in numbers.items()}
    return ", ".join(f"[{by_id[s]}] {s}" if s in by_id else s for s in source_ids)


def _same_writing(a: str, b: str) -> bool:
    """Two figures written alike, up to layout and the case of the first letter ("Around" at a sentence's start)."""
    a, b = normalise(a), normalise(b)
    return a == b or (a[:1].lower() == b[:1].lower() and a[1:] == b[1:])


def _writes(found: Figure, figure: str) -> bool:
    """Whether ``figure`` is how a brief writes ``found``: as its sentence does ("28-point", in a reading of where
    sources differ, or in a Key figures row of a brief written before rows left the unit to the Unit column), or
    as a Key figures row shows it ("28")."""
    return _same_writing(found.written, figure) or _same_writing(found.shown, figure)


def _has_figure(text: ComparableText, figure: str) -> bool:
    """Whether ``figure`` is in ``text`` as written and whole: not "19,000" inside "119,000" or "19,000.5"."""
    wanted = normalise(figure)
    if not wanted:
        return False
    first = f"[{re.escape(wanted[0].lower())}{re.escape(wanted[0].upper())}]"
    return re.search(rf"(?<![\w.,/:-]){first}{re.escape(wanted[1:])}(?![\w]|[.,]\d|-\w)", text.normalised) is not None


def _closest_figure(figure: str, unit: str, source_ids: Sequence[str],
                    readings: _Readings) -> tuple[str, str, float] | None:
    """The source and writing of the figure counting ``unit`` that brief reads in ``source_ids`` most like
    ``figure`` (figures of other units would be noise: "20-point" is not a near miss for "around 19,000"
    deaths), as its sentence writes it or as a row shows it (:func:`_writes`), whichever is the nearer."""
    best: tuple[float, str, str] | None = None
    for source_id in source_ids:
        for candidate in readings.figures(source_id):
            if candidate.unit != unit:
                continue
            for writing in dict.fromkeys((candidate.written, candidate.shown)):
                ratio = difflib.SequenceMatcher(None, normalise(figure), normalise(writing)).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, source_id, writing)
    return (best[1], best[2], round(best[0], 3)) if best else None


def _figure_mismatch(block: _Block, figure: str, unit: str, cited: tuple[int, ...], looked_in: tuple[str, ...],
                     numbers: dict[int, str], readings: _Readings, *, reason: str = "not found",
                     found_in: tuple[str, ...] = ()) -> Mismatch:
    closest = _closest_figure(figure, unit, looked_in, readings)
    changes: tuple[str, ...] = ()
    if closest is not None and closest[2] >= SHOW_CHANGES_FROM:
        changes = tuple(word_changes(figure, closest[1]))
    return Mismatch(block.first_line, "figure", figure, cited, looked_in, reason=reason,
                    closest=closest[1] if closest else None, closest_source=closest[0] if closest else None,
                    similarity=closest[2] if closest else 0.0, changes=changes, found_in=found_in,
                    numbering=tuple(sorted(numbers.items())))


def _check_figure_row(block: _Block, numbers: dict[int, str], readings: _Readings) -> list[Mismatch]:
    """A Key figures row: the figure as written in a cited source, read there as counting its unit, and the
    same number in the same unit in every other source the row cites (:func:`_check_figure`)."""
    if len(block.cells) < 2 or not normalise(block.cells[0]):
        return []
    figure, shown = block.cells[0], block.cells[1]
    unit = unit_read(shown)  # "share" ("about three-quarters") is read as a per cent
    cited, source_ids = _row_citations(block, numbers)
    if not cited:
        return [Mismatch(block.first_line, "figure", figure, (), (), reason="has no citation in its row",
                         numbering=tuple(sorted(numbers.items())))]
    wrong = _check_figure(block, figure, unit, cited, source_ids, numbers, readings, shown=shown)
    if wrong or len(block.cells) < 3:
        return wrong  # what a figure that is not there measures is not looked for
    return _check_measure(block, block.cells[2], figure, unit, cited, source_ids, numbers, readings, shown=shown)


def _check_measure(block: _Block, measure: str, figure: str, unit: str, cited: tuple[int, ...],
                   source_ids: tuple[str, ...], numbers: dict[int, str], readings: _Readings, *,
                   shown: str | None = None) -> list[Mismatch]:
    """A Key figures row's "What it measures": the measure brief reads for the figure (as written, counting
    ``unit``) in one of ``source_ids``, up to layout, quote-mark forms and the case of its first letter.

    The row's measure is its figure's, in the source whose writing the row shows (the build merges other
    sources' figures under it); brief's reading is the test, since the phrase is made from the sentence
    ("Ukrainian territory gained by Russia" for "Russia has gained 0.77% of Ukrainian territory"). After
    ", according to" comes whose count it is, which must be who the source says gives it
    (:attr:`brief.figures.Figure.given_by`). An empty cell says less, not something else: it is not checked.
    A message names the unit as the row ``shown`` it ("share").
    """
    if not normalise(measure):
        return []
    measure, according, giver = measure.partition(ACCORDING_TO.strip(", "))
    measure = measure.rstrip(" ,") if according else measure
    written = [found for source_id in source_ids for found in readings.figures(source_id)
               if found.unit == unit and found.measure and _writes(found, figure)]
    given = list(dict.fromkeys(found.measure for found in written))
    if any(_same_writing(measure, read) for read in given):
        if not according:
            return []
        givers = list(dict.fromkeys(found.given_by for found in written
                                    if found.given_by and _same_writing(measure, found.measure)))
        if any(_same_writing(giver.strip(), read) for read in givers):
            return []
        return [Mismatch(block.first_line, "measure", giver.strip() or "nobody named after “according to”", cited,
                         source_ids,
                         reason=f"not whose count «{figure}» is in {_names(source_ids, numbers)}",
                         changes=("brief reads " + "; ".join(f'"{read}"' for read in givers) + " there" if givers
                                  else "brief reads nobody's name for it there",),
                         numbering=tuple(sorted(numbers.items())))]
    return [Mismatch(block.first_line, "measure", measure or "nothing before “according to”", cited, source_ids,
                     reason=f"not what «{figure}» ({shown or unit}) measures in {_names(source_ids, numbers)}",
                     changes=("brief reads " + "; ".join(f'"{read}"' for read in given) + " there" if given
                              else "brief reads no measure for it there",),
                     numbering=tuple(sorted(numbers.items())))]


_DIFFERING = {"figure": "differing figure", "unit": "differing unit", "measure": "differing measure"}
"""A difference's reading is no key figure: its mismatches say so."""


def _check_differences(block: _Block, measure: str, unit: str, said: str, numbers: dict[int, str],
                       readings: _Readings) -> list[Mismatch]:
    """What each source says where sources differ on a figure ("around 19,000 [1] · 25,000 [2]", in a row of
    "Where sources differ" or in an item's note): each reading is a figure its own citation must give, as
    written and counting ``unit`` (:func:`_check_figure`); and what they differ on (``measure``: "Ukraine's
    armed forces cap") is what brief reads one of those figures measures there (:func:`_check_measure`), so
    that "Russia's armed forces cap" does not pass."""
    mismatches: list[Mismatch] = []
    readings_cited: list[tuple[str, tuple[int, ...], tuple[str, ...]]] = []
    for segment in _cut_at_citations(said):
        figure = " ".join(unescape_markdown(said[segment.start:segment.end]).strip(" ·").split())
        if not normalise(figure):
            continue
        if not segment.numbers:
            mismatches.append(Mismatch(block.first_line, "differing figure", figure, (), (),
                                       reason="has no citation after it", numbering=tuple(sorted(numbers.items()))))
            continue
        source_ids = tuple(dict.fromkeys(numbers[n] for n in segment.numbers))
        mismatches.extend(_check_figure(block, figure, unit, segment.numbers, source_ids, numbers, readings))
        readings_cited.append((figure, segment.numbers, source_ids))
    if not mismatches and readings_cited:
        checked = [_check_measure(block, measure, figure, unit, cited, source_ids, numbers, readings)
                   for figure, cited, source_ids in readings_cited]
        if all(checked):  # the measure of none of the readings
            mismatches.extend(checked[0])
    return [replace(m, kind=_DIFFERING.get(m.kind, m.kind)) for m in mismatches]


def _check_figure(block: _Block, figure: str, unit: str, cited: tuple[int, ...], source_ids: tuple[str, ...],
                  numbers: dict[int, str], readings: _Readings, *, shown: str | None = None) -> list[Mismatch]:
    """``figure`` as written in one of ``source_ids``, read there as counting ``unit``, and the same number
    in the same unit in each of the others. A wrong unit is named as the row ``shown`` it ("share", not the
    "%" it is read as).

    A Key figures row's figure is the first source's writing and the build merges the same number and unit
    from other sources (however they write it), so only one cited source need have the writing; each must
    have the figure. The writing is the sentence's, or the row's without the unit (:func:`_writes`): "28" is
    verbatim in "a 28-point plan", though not as a whole word there.
    """
    texts = readings.texts

    def gives(source_id: str) -> bool:
        return _has_figure(texts[source_id], figure) or any(_writes(f, figure) for f in readings.figures(source_id))

    verbatim = tuple(s for s in source_ids if gives(s))
    if not verbatim:
        elsewhere = tuple(s for s in texts if s not in source_ids and gives(s))
        return [_figure_mismatch(block, figure, unit, cited, source_ids, numbers, readings, found_in=elsewhere)]
    written = [f for s in verbatim for f in readings.figures(s) if _writes(f, figure)]
    if not written:  # "19,000" where the source has "around 19,000", or a number that counts nothing
        return [_figure_mismatch(block, figure, unit, cited, verbatim, numbers, readings,
                                 reason=f"not among the figures brief reads in {_names(verbatim, numbers)}")]
    anchor = next((f for f in written if f.unit == unit), None)
    if anchor is None:
        counted = ", ".join(dict.fromkeys(f.shown_unit for f in written))
        return [Mismatch(block.first_line, "unit", shown or unit, cited, verbatim,
                         reason=f"not what «{figure}» counts in {_names(verbatim, numbers)}",
                         changes=(f'"{shown or unit}" where brief reads "{counted}"',),
                         numbering=tuple(sorted(numbers.items())))]
    same = (anchor.value, anchor.upper, anchor.unit, anchor.qualifier)
    return [_figure_mismatch(block, figure, unit, cited, (source_id,), numbers, readings,
                             found_in=tuple(s for s in verbatim if s != source_id))
            for source_id in source_ids
            if not any((f.value, f.upper, f.unit, f.qualifier) == same for f in readings.figures(source_id))]


def _several_dates(firsts: list[str], found: Event, events: list[Event]) -> set[str]:
    """The ways a Date cell can write the dates of one sentence from ``found`` on (:func:`dates_label`): its
    label or its span's (``firsts``), then any of the sentence's later dates (``events``), in date order as the
    build writes them, whichever the sentence gives first ("talks resume in January 2026, after a pause that
    began in October 2025": "October 2025 and January 2026")."""
    later = sorted({(event.date, event.precision) for event in events if event.date > found.date})[:_MOST_DATES]
    return {dates_label(first, found.date, found.precision, tuple(more))
            for first in firsts for size in range(1, len(later) + 1)
            for more in itertools.combinations(later, size)}


_MOST_DATES = 6
"""Later dates of one sentence tried in a Date cell: a sentence gives few."""


_PUBLISHED_BY = re.compile(r"\[(\d+)\]\s*([^;\[]+)")
"""A Published cell of a row whose sources appeared on different days: each date after its source's number."""


def _published(source: Source) -> str:
    """``source``'s publication date as the Sources list writes it ("date unknown" when it has none)."""
    return source.meta.published.display() if source.date else "date unknown"


def _published_forms(source: Source) -> set[str]:
    """How a timeline row may write ``source``'s publication date: as the Sources list has it, and, when it is
    only the latest date the article mentions, marked so."""
    published = _published(source)
    return {published, f"{published} {MENTIONED}"} if source.date_is_mentioned else {published}


def _check_timeline_row(block: _Block, numbers: dict[int, str], readings: _Readings) -> list[Mismatch]:
    """A Timeline row: the event verbatim in a cited source (a cited statement), each of its dates one
    that brief reads in that sentence there, and its Published date that source's."""
    if len(block.cells) < 2 or not normalise(block.cells[1]):
        return []
    event = block.cells[1]
    cited, source_ids = _row_citations(block, numbers)
    numbering = tuple(sorted(numbers.items()))
    if not cited:
        return [Mismatch(block.first_line, "statement", event, (), (), reason="has no citation in its row",
                         numbering=numbering)]
    wrong = _look_up(event, "statement", block.first_line, cited, numbers, readings.texts)
    if wrong:
        return wrong  # its dates cannot be looked for in a sentence that is not there
    wanted = normalise(without_elision(event))
    verbatim = tuple(s for s in source_ids if readings.texts[s].contains(wanted))
    mismatches: list[Mismatch] = []
    given: dict[str, str] = {}
    several: set[str] = set()
    for source_id in verbatim:
        events = [found for found in readings.events(source_id) if wanted in normalise(found.text)]
        for found, following in itertools.zip_longest(events, events[1:]):
            firsts = [date_label(found.date, found.precision)]
            given.setdefault(firsts[0], found.expression)
            end = span_end(found, following, readings.sources[source_id].text)
            if end is not None:
                joined = found.until is None and following is not None
                firsts.append(span_label(found.date, found.precision, *end))
                given.setdefault(firsts[-1],
                                 f"{found.expression} … {following.expression}" if joined else found.expression)
            several.update(_several_dates(firsts, found, events))
    read = "; ".join(f'"{label}" (from "{expression}")' for label, expression in given.items())
    written_as_several = " ".join(block.cells[0].split()) in several  # "14 and 15 December 2025"
    dates = [] if written_as_several else [" ".join(part.split()) for part in block.cells[0].split(";")]
    for date in dates:
        if date and date not in given:
            mismatches.append(Mismatch(
                block.first_line, "date", date, cited, verbatim,
                reason=f"not one the event's sentence gives in {_names(verbatim, numbers)}",
                changes=(f"brief reads {read} there" if read else "brief reads no date there",),
                numbering=numbering))
    if len(block.cells) >= 4 and block.cells[3]:
        sources = readings.sources
        each = _PUBLISHED_BY.findall(block.cells[3])  # "[2] 4 December 2025; [4] 2 December 2025 (…)"
        if each and all(int(n) in cited and " ".join(date.split()) in _published_forms(sources[numbers[int(n)]])
                        for n, date in each):
            return mismatches
        # Sources that appeared on different days each need their own date: one date would be wrong for some.
        apart = not each and len({_published(sources[s]) for s in source_ids}) > 1
        if apart or not any(block.cells[3] in _published_forms(sources[s]) for s in verbatim):
            mismatches.append(Mismatch(
                block.first_line, "publication date", block.cells[3], cited, verbatim,
                reason=f"not those of {_names(source_ids, numbers)}" if each
                else f"one date for {_names(source_ids, numbers)}, which appeared on different days: give each "
                     "after its number ([2] 4 December 2025; [4] …)" if apart
                else f"not that of {_names(verbatim, numbers)}",
                changes=tuple(f"[{n}] {s} was published {_published(sources[s])}" if sources[s].date
                              else f"[{n}] {s} has no known date"
                              for n, s in numbering if s in (source_ids if each or apart else verbatim)),
                numbering=numbering))
    return mismatches
