"""Quoted differently (:mod:`brief.quoted_differently`): one remark that two sources put in quotation marks in
other words, noted under the item that merges them and listed where sources differ, and checked by verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.briefing import QuotedDifferently
from brief.quoted_differently import QuotedWords, QuotingPassage, quoted_differently, worded_otherwise
from brief.verify import verify_brief

from .conftest import words_read
from .test_assembly_extras import (
    DEATHS_A,
    DEATHS_B,
    EXCERPT_SECTIONS,
    OTHERS,
    PARAGRAPHS,
    THIRD,
    markdown_of,
    project,
    readings_shown,
    recipe_for,
    section,
    source_of,
)

SETTLEMENT = ("Kremlin aide Yuri Ushakov said on Sunday that Moscow had not studied the revised texts in full, but "
              "that the changes made by Ukraine and the Europeans \"do not bring a settlement closer\".")
PEACE = ("Kremlin aide Yuri Ushakov said on Sunday that Moscow had not studied the revised texts in full, and "
         "that the changes made by Kyiv and the Europeans \"do not bring peace closer\".")


def passage(source_id: str, text: str, start: int = 0) -> QuotingPassage:
    return QuotingPassage(source_id, text, start)


def test_a_remark_quoted_in_other_words_is_set_beside_the_shown_one() -> None:
    shown = passage("a", SETTLEMENT, 100)
    (entry,) = quoted_differently(shown, [shown, passage("b", PEACE, 40), passage("c", SETTLEMENT, 7)])
    assert [r.text for r in entry.readings] == ["do not bring a settlement closer", "do not bring peace closer"]
    # c has the shown words: it is cited beside a, not counted as another wording.
    assert [[p.source_id for p in r.citations] for r in entry.readings] == [["a", "c"], ["b"]]
    first = entry.readings[0].citations[0]
    assert SETTLEMENT[first.start - 100:first.end - 100] == "do not bring a settlement closer"
    other = entry.readings[1].citations[0]
    assert PEACE[other.start - 40:other.end - 40] == "do not bring peace closer"
    assert entry.speaker is None and entry.heading == "Not named clearly"  # no speaker_of given


@pytest.mark.parametrize("theirs", [
    SETTLEMENT.replace("Moscow had", "the Kremlin had"),  # the same quotation, other words around it
    "Ushakov said the changes \"do not bring a settlement closer\" at all.",
    "Ushakov said the changes “do not bring a settlement closer”.",  # curly marks are the same words
    "Ushakov said that the changes \"do not bring a settlement closer, not at all\".",  # a longer quotation
    "Ushakov said the changes \"do not bring a settlement\".",  # a shorter one: nothing is worded otherwise
    "Ushakov said the changes made by Kyiv did not bring a settlement any closer.",  # paraphrased, not quoted
    "Ushakov said Moscow \"will study the documents carefully\" before it answers.",  # another remark
    "Ushakov said it was \"not closer\" to a deal.",  # too short to compare: a scare quote
])
def test_nothing_is_noted_when_no_other_source_quotes_the_remark_otherwise(theirs: str) -> None:
    assert quoted_differently(passage("a", SETTLEMENT), [passage("b", theirs)]) == ()


def test_two_speakers_known_to_differ_are_not_one_remark() -> None:
    speakers = {"a": "Yuri Ushakov", "b": "Dmitry Peskov"}

    def speaker_of(words: QuotedWords) -> str | None:
        return speakers[words.source_id]

    assert worded_otherwise(passage("a", SETTLEMENT), [passage("b", PEACE)], speaker_of) == []
    speakers["b"] = "Ushakov"  # the surname alone is the same person
    (entry,) = quoted_differently(passage("a", SETTLEMENT), [passage("b", PEACE)], speaker_of)
    assert entry.speaker == "Yuri Ushakov"
    speakers["a"] = None  # type: ignore[assignment]  # the shown source does not say: the other's name is used
    (entry,) = quoted_differently(passage("a", SETTLEMENT), [passage("b", PEACE)], speaker_of)
    assert entry.speaker == "Ushakov"


def test_only_what_a_row_shows_is_compared() -> None:
    shown = passage("a", f"{SETTLEMENT} Peskov said talks \"will continue in Geneva in January\".")
    others = [passage("b", f"{PEACE} Peskov said talks \"will resume in Geneva in January\".")]
    assert len(quoted_differently(shown, others)) == 2
    (entry,) = quoted_differently(shown, others, showing=SETTLEMENT)
    assert entry.readings[1].text == "do not bring peace closer"


def test_an_item_notes_the_wordings_and_the_section_lists_them(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-21", "Alpha Post", [SETTLEMENT, *PARAGRAPHS]),
        "b": ("2025-12-22", "Beta News", [PEACE, *OTHERS]),
    })
    # No key quotes: one of them would show a wording outside the item and the section.
    recipe = recipe_for(paths, workspace, sections=[*EXCERPT_SECTIONS, {"id": "timeline"}, {"id": "sources-differ"}])
    briefing = assemble_briefing(workspace, recipe)
    (item,) = [i for i in briefing.all_items() if "Ushakov" in i.text]
    assert {c.source_id for c in item.citations} == {"a", "b"}  # near-duplicates: one item
    (quoted,) = item.quoted_differently
    assert isinstance(quoted, QuotedDifferently) and quoted.speaker == "Yuri Ushakov"
    said = {source_of(briefing, r.citations[0].number): r.text for r in quoted.readings}
    assert said == {"a": "do not bring a settlement closer", "b": "do not bring peace closer"}
    assert section(briefing, "sources-differ").entries == (quoted,)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    shown = readings_shown(quoted.readings)
    lines = markdown.splitlines()
    note = lines.index(f"  *Sources quote Yuri Ushakov differently:* {shown}")
    assert lines[note - 1] == "" and lines[note - 2].startswith("- ")  # a paragraph of the item
    assert "| Whose words | How each source quotes them |" in lines
    assert f"| Yuri Ushakov | {shown} |" in lines
    # the word budget counts the section as it reads: its table's own header (7 words), not another table's
    listed = markdown.split("## Where sources differ")[1].split("\n## ")[0]
    read = [word for word in listed.split() if word.strip("|-:")]
    assert section(briefing, "sources-differ").words == len(read)
    assert verify_brief(markdown, workspace) == []  # each wording is verbatim in the source it cites
    # A changed word in one wording is caught, in the note and in the table.
    tampered = markdown.replace("“do not bring peace closer”", "“do not bring the peace closer”")
    assert [m.kind for m in verify_brief(tampered, workspace)] == ["quotation", "quotation"]
    # So is a speaker who is not named beside the words, once per line.
    renamed = markdown.replace("quote Yuri Ushakov differently", "quote Marco Rubio differently") \
        .replace("| Yuri Ushakov |", "| Marco Rubio |")
    found = verify_brief(renamed, workspace)
    assert [(m.kind, m.text) for m in found] == [("speaker", "Marco Rubio")] * 2
    assert [m.line for m in found] == [note + 1, lines.index(f"| Yuri Ushakov | {shown} |") + 1]
    assert sorted(found[0].numbers) == [1, 2]


def test_a_timeline_row_quoted_differently_is_listed_where_sources_differ(tmp_path: Path) -> None:
    dated = [SETTLEMENT.replace("on Sunday", "on Dec. 21"), PEACE.replace("on Sunday", "on Dec. 21")]
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-21", "Alpha Post", [dated[0], *PARAGRAPHS]),
        "b": ("2025-12-22", "Beta News", [dated[1], *OTHERS]),
    })
    recipe = recipe_for(paths, workspace, sections=[{"id": "timeline"}, {"id": "sources-differ"}], key_points=0)
    briefing = assemble_briefing(workspace, recipe)
    assert briefing.all_items() == []
    (row,) = [e for e in section(briefing, "timeline").entries if "Ushakov" in e.text]
    assert {p.source_id for p in row.citations} == {"a", "b"}
    (listed,) = section(briefing, "sources-differ").entries
    assert isinstance(listed, QuotedDifferently) and listed.speaker == "Yuri Ushakov"
    assert {r.text for r in listed.readings} == {"do not bring a settlement closer", "do not bring peace closer"}
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "No figures that differ" not in markdown
    assert verify_brief(markdown, workspace) == []


@pytest.mark.parametrize("extras", [[], [{"id": "sources-differ", "max_items": 5}]])
@pytest.mark.parametrize(("first", "second"), [(DEATHS_A, DEATHS_B), (SETTLEMENT, PEACE)], ids=["figures", "quotations"])
def test_an_items_notes_where_sources_differ_and_an_empty_sections_note_count_in_the_budget(
        tmp_path: Path, extras: list[dict], first: str, second: str) -> None:
    """The note under an item ("Sources differ on …", "Sources quote … differently"), the row it adds to "Where
    sources differ" and a section's "Nothing further …" are read like the rest: the brief's count is its
    Markdown's, and no budget is overrun by them."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", [first, *PARAGRAPHS, *THIRD]),
        "b": ("2025-12-02", "Beta News", [second, *OTHERS]),
    })
    kept_noted = kept_empty = 0
    for max_words in range(110, 260, 5):
        recipe = recipe_for(paths, workspace, sections=EXCERPT_SECTIONS + extras, max_words=max_words)
        briefing = assemble_briefing(workspace, recipe)
        read = words_read(markdown_of(paths, workspace, briefing, recipe))
        assert read == briefing.word_count, (max_words, briefing.word_count, read)
        assert briefing.word_count <= max_words, (max_words, briefing.word_count)
        kept_noted += any(item.noted for item in briefing.all_items())
        kept_empty += any(not s.items for s in briefing.sections)
    assert kept_noted > 10 and kept_empty > 5, (kept_noted, kept_empty)  # many of the 30 briefs show both notes


ANALYSTS_SECTIONS = [{"id": "key-quotes", "max_items": 4}, {"id": "key-figures", "max_items": 4},
                     {"id": "timeline", "max_items": 4}, {"id": "sources-differ", "max_items": 5}]


@pytest.mark.parametrize("extras", [ANALYSTS_SECTIONS[2:], ANALYSTS_SECTIONS], ids=["timeline", "all four"])
@pytest.mark.parametrize(("first", "second"), [(DEATHS_A, DEATHS_B), (SETTLEMENT, PEACE)], ids=["figures", "quotations"])
def test_the_analysts_sections_keep_to_their_share_of_the_budget(
        tmp_path: Path, extras: list[dict], first: str, second: str) -> None:
    """The analyst's sections give up rows (each made again with a lower cap) rather than leave the items less
    than half the budget: a brief overruns its budget only when each of them is down to the one row the recipe's
    asking for it is owed. Their notes when empty count as they read ("No figures with a unit and a measure in
    these sources.")."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", [first, *PARAGRAPHS, *THIRD]),
        "b": ("2025-12-02", "Beta News", [second, *OTHERS]),
    })
    whole = recipe_for(paths, workspace, sections=EXCERPT_SECTIONS + extras, max_words=1800)
    rows_whole = {section.id: len(section.entries) for section in assemble_briefing(workspace, whole).extras}
    cut = 0
    for max_words in range(150, 420, 5):
        recipe = recipe_for(paths, workspace, sections=EXCERPT_SECTIONS + extras, max_words=max_words)
        briefing = assemble_briefing(workspace, recipe)
        read = words_read(markdown_of(paths, workspace, briefing, recipe))
        assert read == briefing.word_count, (max_words, briefing.word_count, read)
        rows = {section.id: len(section.entries) for section in briefing.extras}
        assert briefing.word_count <= max_words or max(rows.values()) <= 1, (max_words, briefing.word_count, rows)
        cut += any(rows[sid] < rows_whole[sid] for sid in rows if sid != "sources-differ")
    assert cut > 5, cut  # many of the 54 briefs show a section cut short
