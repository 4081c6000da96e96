"""End-to-end builds of the shipped recipes: golden Markdown, determinism, and the PDF read back.

Golden files live in tests/data/golden/. Refresh them with
``pytest tests/test_build.py --update-golden`` and read the diff by eye before committing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest

from brief.build import build
from brief.workspace import ProjectPaths

from .conftest import REPO, words_read

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"


def _build_md(recipe: str, out: Path) -> str:
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    result = build(paths, REPO / "briefings" / recipe, out_dir=out, formats=["md"])
    assert [p.suffix for p in result.written] == [".md"]
    return result.written[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("recipe", ["weekly.yaml", "situation.yaml"])
def test_markdown_matches_golden(recipe: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    markdown = _build_md(recipe, tmp_path)
    golden = GOLDEN / recipe.replace(".yaml", ".md")
    if request.config.getoption("--update-golden"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = _build_md("situation.yaml", tmp_path / "a")
    second = _build_md("situation.yaml", tmp_path / "b")
    assert first == second


def test_situation_brief_reads_in_ten_minutes_and_cites_every_item(tmp_path: Path) -> None:
    markdown = _build_md("situation.yaml", tmp_path)
    body = markdown.split("## Sources")[0]
    assert words_read(markdown) <= 1800
    items = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(items) >= 15
    for line in items:
        assert re.search(r"\[\\\[\d+\\\]\]\(#src-\d+\)", line), line
    cited = {int(n) for n in re.findall(r"#src-(\d+)", body)}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", markdown.split("## Sources")[1], re.M)}
    assert cited == listed


@pytest.mark.parametrize(("recipe", "previous", "as_of"), [("situation.yaml", None, None),
                                                           ("weekly.yaml", "2025-12-02", "2025-12-04"),
                                                           ("weekly.yaml", "2025-12-04", "2025-12-18")])
def test_the_briefs_word_count_is_what_its_markdown_gives_to_read(recipe: str, previous: str | None,
                                                                  as_of: str | None, tmp_path: Path) -> None:
    # The count `brief eval` and the TUI show, and the budget keeps, is the brief's length as read: items with
    # their markers and notes, the title block, headings, tables and the comparison with the last edition.
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    for date in (previous, as_of):  # the edition before, so that this one is compared and marks what is new
        result = build(paths, REPO / "briefings" / recipe, out_dir=tmp_path, formats=["md"],
                       as_of=dt.date.fromisoformat(date) if date else None)
    read = words_read(result.markdown)
    assert result.briefing.word_count == read, (result.briefing.word_count, read)


def test_no_boilerplate_or_other_stories_in_the_brief(tmp_path: Path) -> None:
    markdown = _build_md("situation.yaml", tmp_path)
    for unwanted in ("Netflix", "Maduro", "Jack Smith", "LEAVE A REPLY", "Advertisement", "min read",
                     "Views", "drawn from your sources", "Adem Altan", "â€", "\ufffd"):
        assert unwanted not in markdown


def test_weekly_window_only_uses_sources_dated_in_the_week(tmp_path: Path) -> None:
    markdown = _build_md("weekly.yaml", tmp_path)
    # The newest article is the analysis, which cannot have appeared before 18 December 2025.
    assert "12 December 2025 – 18 December 2025" in markdown
    sources = markdown.split("## Sources")[1]
    assert "18 December 2025 or later" in sources
    assert "June 2025" not in sources and "4 December 2025" not in sources  # outside the week
    assert "1 source without a known date was left out of the window: “Ukraine Peace Talks Stall" in markdown
    # One source has nothing to differ from: the section says so rather than "none were found"
    differ = markdown.split("## Where sources differ")[1].split("## ")[0]
    assert "Only one source in the window was compared: there is no other to set it against." in differ
    assert "No figures that differ" not in differ


@pytest.mark.pdf
def test_pdf_text_pages_and_outline(tmp_path: Path) -> None:
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    result = build(paths, REPO / "briefings" / "situation.yaml", out_dir=tmp_path, formats=["md", "pdf"])
    pdf_path = next(p for p in result.written if p.suffix == ".pdf")
    reader = pypdf.PdfReader(pdf_path)
    assert 2 <= len(reader.pages) <= 8
    first = reader.pages[0].extract_text()
    assert "UNCLASSIFIED" in first
    assert "Ukraine–Russia peace talks — situation brief" in first
    assert f"Page 1 of {len(reader.pages)}" in first
    text = "\n".join(page.extract_text() for page in reader.pages)
    for item in result.briefing.key_points:
        assert " ".join(item.text.split()[:6]) in " ".join(text.split())
    outline = reader.outline
    flat = [entry.title for entry in outline if not isinstance(entry, list)]
    nested = [entry.title for group in outline if isinstance(group, list) for entry in group]
    assert flat == ["Ukraine–Russia peace talks — situation brief"]
    assert nested == ["Key points", "State of talks", "Sticking points", "Outlook", "Context", "Key quotes",
                      "Key figures", "Timeline", "Where sources differ", "Sources"]
    flowing = " ".join(text.split())
    quotes = result.briefing.extra("key-quotes")
    assert quotes is not None and quotes.entries
    for quote in quotes.entries:  # each quote, then its speaker, as the reader sees them
        words = " ".join(quote.text.split()[:5])
        assert words in flowing and flowing.index(quote.speaker, flowing.index(words)) > flowing.index(words)
    assert "Russian military deaths in 2025" in flowing  # a key figure's measure, in its table
    assert "On December 2, 2025, Russian President Vladimir Putin met" in flowing  # a timeline row
    assert not reader.attachments
    links = [annot.get_object()["/Dest"] if "/Dest" in annot.get_object() else annot.get_object().get("/A")
             for page in reader.pages for annot in page.get("/Annots", []) or []]
    assert links, "citations should be links to the sources list"
