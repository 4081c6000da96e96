"""Excerpts: exact offsets into the canonical text, and ids that survive re-loading and re-ordering."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

from brief.corpus import load_corpus, load_source
from brief.excerpts import automatic_excerpts, excerpt_id
from brief.workspace import ProjectPaths, load_workspace

SEED_001 = "001_83039b644387e352"


def test_every_shipped_excerpt_is_its_sources_text_at_its_offsets(shipped_workspace):
    sources = shipped_workspace.corpus.by_id()
    assert len(shipped_workspace.excerpts) > 100
    assert {excerpt.source_id for excerpt in shipped_workspace.excerpts} == set(sources)
    for excerpt in shipped_workspace.excerpts:
        source = sources[excerpt.source_id]
        assert source.text[excerpt.start:excerpt.end] == excerpt.text, excerpt.id
        assert excerpt.text == excerpt.text.strip() and excerpt.text
        assert excerpt.published == source.date


def test_shipped_excerpts_are_ordered_and_do_not_overlap(shipped_workspace):
    by_source: dict[str, list] = {}
    for excerpt in shipped_workspace.excerpts:
        by_source.setdefault(excerpt.source_id, []).append(excerpt)
    for excerpts in by_source.values():
        excerpts.sort(key=lambda e: e.start)
        for before, after in pairwise(excerpts):
            assert before.end <= after.start


def test_excerpts_cover_the_paragraphs_and_nothing_of_titles_or_headings(shipped_workspace):
    sources = shipped_workspace.corpus.by_id()
    texts = {source_id: " ".join(e.text for e in shipped_workspace.excerpts if e.source_id == source_id)
             for source_id in sources}
    assert "The core impasse is unchanged." in texts["000_0207c4399900d62a"]
    assert "The Genesis of U.S.-Led Peace Initiatives" not in texts[SEED_001]
    assert "Path to Peace ‘Unclear’" not in texts["002_e759f5f9dd5bc10b"]
    for source_id, joined in texts.items():
        # Every paragraph's words are in some excerpt: nothing of the body is lost between them.
        for block in sources[source_id].text.rstrip("\n").split("\n\n"):
            if len(block.split()) >= 25:
                assert block in joined, (source_id, block[:60])


def test_ids_are_unique_and_name_their_source(shipped_workspace):
    ids = [excerpt.id for excerpt in shipped_workspace.excerpts]
    assert len(ids) == len(set(ids))
    for excerpt in shipped_workspace.excerpts:
        assert re.fullmatch(rf"{re.escape(excerpt.source_id)}:[0-9a-f]{{10}}(-\d+)?", excerpt.id)


def test_ids_are_the_same_on_every_load(shipped_workspace, repo):
    again = load_workspace(ProjectPaths(root=repo, corpus=repo / "seeds", briefings=repo / "briefings"))
    assert [(e.id, e.start, e.end) for e in again.excerpts] == \
        [(e.id, e.start, e.end) for e in shipped_workspace.excerpts]


def test_excerpt_id_ignores_whitespace_but_not_words_or_source():
    text = "The talks resumed in Vienna on Monday."
    assert excerpt_id("a", text) == excerpt_id("a", "The talks  resumed\nin Vienna on Monday. ")
    assert excerpt_id("a", text) != excerpt_id("b", text)
    assert excerpt_id("a", text) != excerpt_id("a", text.replace("Monday", "Tuesday"))
    assert excerpt_id("a", text, analyst=True) != excerpt_id("a", text)


def test_ids_do_not_depend_on_position(project: Path, taxonomy):
    """A paragraph put before the article's text moves every excerpt, and changes no id."""
    path = project / "seeds" / f"{SEED_001}.txt"
    before = automatic_excerpts(load_source(path), taxonomy)
    lines = path.read_text(encoding="utf-8").split("\n")
    inserted = ("Editor's note: this article was first published on our partner site and has been "
                "updated with comments from officials in Kyiv and Washington.")
    path.write_text("\n".join([lines[0], "", inserted, *lines[1:]]), encoding="utf-8")
    after_source = load_source(path)
    after = automatic_excerpts(after_source, taxonomy)
    assert inserted in after_source.text
    assert len(after) == len(before) + 1
    after_by_id = {excerpt.id: excerpt for excerpt in after}
    for excerpt in before:
        moved = after_by_id[excerpt.id]
        assert moved.text == excerpt.text
        assert moved.start == excerpt.start + len(inserted) + 2
        assert moved.paragraph == excerpt.paragraph + 1
        assert after_source.text[moved.start:moved.end] == moved.text
    (new,) = [excerpt for excerpt in after if excerpt.id not in {e.id for e in before}]
    assert new.text == inserted and new.paragraph == 0


def test_reordered_paragraphs_keep_their_ids(project: Path, taxonomy):
    path = project / "seeds" / f"{SEED_001}.txt"
    before = {e.id: e.text for e in automatic_excerpts(load_source(path), taxonomy)}
    text = path.read_text(encoding="utf-8")
    first = "Lithuania’s former Minister of Foreign Affairs"
    second = "Landsbergis also notes that"
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(first))
    j = next(n for n, line in enumerate(lines) if line.startswith(second))
    lines[i], lines[j] = lines[j], lines[i]
    path.write_text("\n".join(lines), encoding="utf-8")
    after = {e.id: e.text for e in automatic_excerpts(load_source(path), taxonomy)}
    assert after == before


def test_a_sentence_given_twice_gets_a_numbered_id(tmp_path: Path, taxonomy):
    repeated = "The envoys said that the ceasefire line must be drawn by the monitors and not by the armies."
    path = tmp_path / "twice.txt"
    path.write_text(
        "Ceasefire monitors to draw the line\n\n"
        f"{repeated} Both capitals welcomed the proposal on Tuesday after a week of talks in Geneva.\n\n"
        "Officials in both capitals said the proposal would be studied before the next round of talks.\n\n"
        f"{repeated}\n", encoding="utf-8")
    source = load_source(path)
    excerpts = automatic_excerpts(source, taxonomy)
    ids = [e.id for e in excerpts if e.text == repeated]
    base = excerpt_id("twice", repeated)
    assert ids == [base, f"{base}-2"]
    assert len({e.id for e in excerpts}) == len(excerpts)


def test_invented_articles_load_with_exact_excerpts(data_dir: Path, taxonomy, tmp_path: Path):
    for article in (data_dir / "articles").iterdir():  # not the bad/ folder: a corpus reads its subfolders
        if article.is_file():
            shutil.copy(article, tmp_path / article.name)
    corpus = load_corpus(tmp_path)
    assert corpus.problems == []
    assert {s.id for s in corpus.sources} >= {"wire_story", "portal_story", "geneva_exchange", "harbour_summit",
                                                "windows1252_story", "mojibake_story"}
    for source in corpus.sources:
        excerpts = automatic_excerpts(source, taxonomy)
        assert excerpts, source.id
        for excerpt in excerpts:
            assert source.text[excerpt.start:excerpt.end] == excerpt.text


LISTED = (
    "Where the talks are stuck\n\n"
    "Envoys met in Moscow for five hours on Tuesday and left without a joint statement, the third round "
    "to end that way since the summer. Analysts say the core points of contention revolve around three areas:\n\n"
    "• Territory:\n\nRussia’s demand for the legal recognition of its annexed territories in the east, which "
    "Kyiv has ruled out in every round of talks so far.\n\n"
    "• Economic Reintegration:\n\n"
    "The future of sanctions against Russia and the fate of frozen Russian assets, a subject of intense debate "
    "among European leaders and their finance ministers.\n\n"
    "The fate of frozen Russian assets was also discussed at a dinner in Brussels on Thursday, where European "
    "finance ministers met the heads of the largest banks.\n"
)


def test_an_item_of_a_list_takes_the_section_its_introduction_gives_when_it_has_none(tmp_path: Path, taxonomy):
    """"Economic Reintegration: The future of sanctions …" has no cue of its own; the sentence that
    introduces the list names its items points of contention, so it is a sticking point."""
    path = tmp_path / "listed.txt"
    path.write_text(LISTED, encoding="utf-8")
    sections = {e.text.split()[0]: e.section for e in automatic_excerpts(load_source(path), taxonomy)}
    assert sections["Analysts"] == "sticking-points"
    assert sections["Territory:"] == "sticking-points"       # its own cue ("demand")
    assert sections["Economic"] == "sticking-points"         # its introduction's
    assert sections["The"] == "background"                   # after the list: no label, no item


def test_a_list_item_carries_the_hedging_introduction_of_its_list_from_ingest(tmp_path: Path, taxonomy):
    """"Analysts say the core points … revolve around three areas:" says whose view the list is: each item's
    passages carry that sentence (worked out once, at ingest), the introduction itself and the paragraph after
    the list do not. The same list under "The core points … revolve around three areas:" is no one's guess."""
    path = tmp_path / "listed.txt"
    path.write_text(LISTED, encoding="utf-8")
    intro = "Analysts say the core points of contention revolve around three areas:"
    listed = {e.text.split()[0]: e.listed_under for e in automatic_excerpts(load_source(path), taxonomy)}
    assert listed["Territory:"] == intro and listed["Economic"] == intro and listed["The"] is None
    assert listed["Analysts"] is None and listed["Envoys"] is None
    path.write_text(LISTED.replace("Analysts say the", "The"), encoding="utf-8")
    assert all(e.listed_under is None for e in automatic_excerpts(load_source(path), taxonomy))


def test_no_list_without_a_colon_before_it(tmp_path: Path, taxonomy):
    path = tmp_path / "listed.txt"
    path.write_text(LISTED.replace("three areas:", "three areas."), encoding="utf-8")
    sections = {e.text.split()[0]: e.section for e in automatic_excerpts(load_source(path), taxonomy)}
    assert sections["Economic"] == "background"


INTERVIEW = """---
title: "A former ambassador on the talks"
published: 2025-12-17
---

# A former ambassador on the talks

**What does the Kremlin want from these talks?**

A Ukraine that cannot choose its allies, and the land it has not taken.

**Are the security guarantees now on the table credible?**

More credible than anything Ukraine had in 2022, and the Kremlin knows it.

The problem is that each of these can still be blocked by Russia, which demands a say over who may be stationed in Ukraine.
"""


def test_an_answer_takes_the_topics_its_question_names_strongly_but_no_more_cue_score(tmp_path: Path, taxonomy):
    path = tmp_path / "interview.md"
    path.write_text(INTERVIEW, encoding="utf-8")
    by_start = {e.text.split()[0]: e for e in automatic_excerpts(load_source(path), taxonomy)}
    blocked = by_start["The"]
    assert "security-guarantees" in blocked.topics, "the question asks about the guarantees"
    assert "security-guarantees" in by_start["More"].topics
    assert "security-guarantees" not in by_start["A"].topics, "the answer before that question does not take it"
    assert "diplomacy-process" not in by_start["A"].topics, "“these talks” is what every question is about"
    assert by_start["Are"].topics == () and by_start["What"].topics == (), "a question still tells nothing"
    plain = tmp_path / "plain.md"
    plain.write_text(INTERVIEW.replace("**Are the security guarantees now on the table credible?**",
                                       "**Is that credible?**"), encoding="utf-8")
    alone = next(e for e in automatic_excerpts(load_source(plain), taxonomy) if e.text.startswith("The problem"))
    assert "security-guarantees" not in alone.topics
    assert (alone.topic_score, alone.section) == (blocked.topic_score, blocked.section), \
        "the answer is no stronger for its question"


HEADED = """---
title: "Markets weigh the peace talks"
published: 2025-12-19
---

# Markets weigh the peace talks

## The rouble holds firm

Exporters selling dollars to pay year-end taxes propped up the rouble and the frozen assets stayed frozen.

## What to watch

- The first bond sale under the EU's 90 billion euro loan to Ukraine, in the first quarter.
- Any US move to ease sanctions on Rosneft and Lukoil, which would narrow the Urals discount.
- Moscow demands that Kyiv withdraw from Donbas before the sanctions are eased.

## Mounting pressures and what to watch

Exporters selling dollars to pay year-end taxes propped up the rouble and the sanctions stayed.
"""


def test_a_subheading_that_names_a_section_files_the_passages_with_none_of_their_own(tmp_path: Path, taxonomy):
    """Under "What to watch" an item with no cue of its own is outlook; one whose own words give it a section
    keeps it; a heading that only mentions the words names a theme, not a section."""
    path = tmp_path / "headed.md"
    path.write_text(HEADED, encoding="utf-8")
    sections = {e.text[:20]: e.section for e in automatic_excerpts(load_source(path), taxonomy)}
    assert sections["Exporters selling do"] == "background"    # "The rouble holds firm" names no section
    assert sections["The first bond sale "] == "outlook"       # filed by the heading
    assert sections["Any US move to ease "] == "outlook"
    assert sections["Moscow demands that "] == "sticking-points"  # its own cue ("demands")
    last = automatic_excerpts(load_source(path), taxonomy)[-1]
    assert last.text.endswith("the sanctions stayed.") and last.section == "background"  # a mention is no name


def test_a_heading_names_a_section_only_as_a_whole(taxonomy):
    assert [taxonomy.heading_section(heading) for heading in (
        "What to watch", "WHAT’S NEXT", "Next steps:", "The road ahead", "CONTEXT", "Where the talks stand",
        "Sticking points", "Mounting pressures and potential outcomes", "The rouble holds firm", "Key dates",
        "3. Outlook", "IV. Background", "b) What to watch", "2025: the year ahead", "Outlook 2026")] == [
        "outlook", "outlook", "outlook", "outlook", "background", "state-of-talks", "sticking-points", None, None,
        None, "outlook", "background", "outlook", None, None]  # "Key dates" heads a chronology, mostly of the past
