"""The analyst's sections of a brief (key quotes, key figures, timeline, where sources differ — in figures and
in words) and
independent-source counts: on the shipped articles, and on small corpora made up for one behaviour each."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pypdf
import pytest
import yaml

import brief.analyst_sections as analyst_sections
import brief.assembly
from brief.assembly import assemble_briefing
from brief.briefing import (
    Briefing,
    Contradiction,
    ExtraSection,
    FigureDifference,
    KeyFigure,
    KeyQuote,
    TimelineEntry,
)
from brief.build import template_dirs
from brief.event_clauses import event_clause, without_elision
from brief.index import ExcerptQuery
from brief.markdown_html import markdown_to_html, split_front_matter
from brief.recipe import Window, load_recipe
from brief.render_markdown import render_markdown
from brief.timeline import extract_events, find_dates
from brief.verify import summarise, verify_brief
from brief.workspace import ProjectPaths, Workspace, load_workspace

from .conftest import REPO

ALL_EXTRAS = [{"id": "key-quotes", "max_items": 6}, {"id": "key-figures", "max_items": 10},
              {"id": "timeline", "max_items": 10}, {"id": "sources-differ", "max_items": 5}]
EXCERPT_SECTIONS = [{"id": "state-of-talks"}, {"id": "sticking-points"}, {"id": "outlook"}, {"id": "background"}]
USHAKOV_SOURCE = "002_e759f5f9dd5bc10b"
ANALYSIS_SOURCE = "000_0207c4399900d62a"


def recipe_for(paths: ProjectPaths, workspace: Workspace, **keys):
    data = {"title": "Test brief", "window": "all", "formats": ["md"],
            "sections": EXCERPT_SECTIONS + ALL_EXTRAS} | keys
    path = paths.briefings / "test.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_recipe(path, workspace.taxonomy, source_ids=workspace.corpus.ids())


def markdown_of(paths: ProjectPaths, workspace: Workspace, briefing: Briefing, recipe) -> str:
    return render_markdown(briefing, template_dirs(paths, recipe))


def section(briefing: Briefing, kind: str) -> ExtraSection:
    found = briefing.extra(kind)
    assert found is not None, [s.id for s in briefing.extras]
    return found


def readings_shown(readings, *, quoted: bool = True) -> str:
    """Readings as the template writes them side by side: "“…” [\\[1\\]](#src-1) · “…” [\\[2\\]](#src-2)"."""
    return " · ".join(("“{}”" if quoted else "{}").format(r.text)
                      + f" [\\[{r.citations[0].number}\\]](#src-{r.citations[0].number})" for r in readings)


def source_of(briefing: Briefing, number: int) -> str:
    return next(s.source_id for s in briefing.sources if s.number == number)


# --- the shipped articles --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectPaths, Workspace, Briefing, str]:
    root = tmp_path_factory.mktemp("extras")
    shutil.copytree(REPO / "briefings", root / "briefings")
    paths = ProjectPaths(root=root, corpus=REPO / "seeds", briefings=root / "briefings")
    workspace = load_workspace(paths)
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    return paths, workspace, briefing, markdown_of(paths, workspace, briefing, recipe)


def test_sections_come_in_the_recipes_order(seeds) -> None:
    _, _, briefing, markdown = seeds
    expected = [s["id"] for s in EXCERPT_SECTIONS + ALL_EXTRAS]
    assert [part.id for part in briefing.parts] == expected
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings == ["Key points", "State of talks", "Sticking points", "Outlook", "Background", "Key quotes",
                        "Key figures", "Timeline", "Where sources differ", "Sources"]


def test_key_quotes_are_verbatim_and_attributed_to_who_the_article_says(seeds) -> None:
    _, workspace, briefing, _ = seeds
    quotes = section(briefing, "key-quotes").entries
    assert 3 <= len(quotes) <= 6
    for quote in quotes:
        assert isinstance(quote, KeyQuote) and quote.speaker  # never a quote without a clear speaker
        for passage in quote.citations:
            assert passage.source_id == source_of(briefing, passage.number)
        first = quote.citations[0]
        sentence = workspace.corpus.source(first.source_id).text[first.start:first.end]
        assert f"{quote.text}" in sentence
    by_words = {q.text: q for q in quotes}
    rubio = by_words["Ultimately the decisions have to be made, in the case of Russia, by Putin alone. Not his "
                     "advisers, Putin only."]
    assert (rubio.speaker, rubio.role) == ("Marco Rubio", "U.S. Secretary of State")
    assert [p.source_id for p in rubio.citations] == [USHAKOV_SOURCE]
    assert rubio.when == "published 4 December 2025"  # the sentence gives no date of its own
    # "… as “constructive, very useful, and substantive”, but his caveat that a compromise option had not been
    # found speaks volumes": alone, under his name, the quotation would give the opposite tone
    assert "constructive, very useful, and substantive" not in by_words
    putin = by_words["The goals of the special military operation will be achieved unconditionally"]
    assert putin.speaker == "Vladimir Putin" and putin.role is None  # the article gives him no role
    # "… he said on Dec. 17." in an article that gives no date but is written "as 2025 closes".
    assert (putin.date, putin.when) == (dt.date(2025, 12, 17), "17 December 2025")
    baev = next(q for q in quotes if q.speaker == "Pavel K. Baev")
    assert baev.when == "published 18 December 2025 or later"  # when the article appeared, at the earliest
    assert "one step forward, two steps back" not in by_words  # nobody is named as saying it


def test_a_quotation_an_item_shows_is_not_repeated_as_a_key_quote(seeds) -> None:
    paths, workspace, _, _ = seeds
    goals = "The goals of the special military operation will be achieved unconditionally"
    week = {"window": "7d", "as_of": "2025-12-18"}
    alone = assemble_briefing(workspace, recipe_for(paths, workspace, sections=[{"id": "key-quotes"}], **week))
    assert goals in [q.text for q in section(alone, "key-quotes").entries]  # a key quote when no item shows it
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, **week))
    assert any(goals in item.text for item in briefing.all_items())  # Putin's pair is a sticking point
    quotes = section(briefing, "key-quotes").entries
    assert len(quotes) >= 3 and goals not in [q.text for q in quotes]
    for quote in quotes:
        assert not any(quote.text in item.text for item in briefing.all_items())


def test_a_timeline_row_whose_sentence_an_item_shows_says_only_what_happened_when(seeds) -> None:
    paths, workspace, briefing, markdown = seeds
    istanbul = "The Istanbul channel this summer typified the Kremlin’s pattern: Putin offered direct talks in May"
    (item,) = [item for item in briefing.all_items() if istanbul in item.text]
    assert len(item.text.split()) > 25  # the item goes on: "torpedoing a U.S. ultimatum …"
    rows = {entry.text: entry for entry in section(briefing, "timeline").entries}
    assert f"{istanbul} …" in rows and f"| {istanbul} … |" in markdown
    alone = assemble_briefing(workspace, recipe_for(paths, workspace, key_points=0,
                                                   sections=[{"id": "timeline", "max_items": 30}]))
    (whole,) = [e.text for e in section(alone, "timeline").entries if e.text.startswith(istanbul)]
    assert len(whole.split()) > len(istanbul.split()) + 5  # with no item to show it, the row says more
    assert verify_brief(markdown, workspace) == []


@pytest.mark.parametrize("max_words", [450, 600, 900])
def test_what_the_analysts_sections_leave_to_the_items_is_in_the_items_that_fit(seeds, max_words: int) -> None:
    # A tight budget drops items after the analyst's sections are made: a quotation or the rest of a dated
    # sentence they left to an item must not be left to one that is gone.
    paths, workspace, _, _ = seeds
    recipe = recipe_for(paths, workspace, max_words=max_words)
    briefing = assemble_briefing(workspace, recipe)
    assert briefing.word_count <= max_words  # the analyst's sections give up rows to keep to it
    items = [" ".join(item.text.split()) for item in briefing.all_items()]
    quotes = [q.text for q in section(briefing, "key-quotes").entries]
    # Key quotes cut to their share of the budget keep as many of the best as they show.
    alone = assemble_briefing(workspace, recipe_for(paths, workspace, key_points=0, sections=[
        {"id": "key-quotes", "max_items": min(6, len(quotes))}]))
    for quote in alone.extra("key-quotes").entries:  # the best quotations: each is an item's or a key quote
        assert quote.text in quotes or any(quote.text in item for item in items), quote.text
    for row in section(briefing, "timeline").entries:
        whole = timeline_row(workspace, row)
        if row.text != whole:  # cut short: an item shows the whole sentence
            assert any(without_elision(whole) in item for item in items), row.text


def timeline_row(workspace: Workspace, row: TimelineEntry) -> str:
    """The row the timeline would show for ``row``'s sentence if no item showed it (of the sources it cites, the
    one whose sentence gives its date: another may tell the same event by its week)."""
    for cited in row.citations:
        sentence = workspace.corpus.source(cited.source_id).text[cited.start:cited.end]
        mentions = find_dates(sentence, row.published, published_earliest=row.published_earliest)
        clause = next((event_clause(sentence, m.start, m.end) for m in mentions if m.expression == row.expression),
                      None)
        if clause is not None:
            return clause
    raise AssertionError(f"no cited sentence gives {row.expression!r}")


def test_key_figures_say_what_they_measure_and_who_gives_them(seeds) -> None:
    _, workspace, briefing, markdown = seeds
    figures = section(briefing, "key-figures").entries
    assert all(isinstance(f, KeyFigure) for f in figures) and len(figures) <= 10
    deaths = next(f for f in figures if f.text == "19,000")
    assert (deaths.display, deaths.unit, deaths.measure) == ("around 19,000", "deaths", "Russian military deaths in 2025")
    assert [source_of(briefing, p.number) for p in deaths.citations] == [ANALYSIS_SOURCE]
    # The 28-point plan is in three articles ("leaked 28-point outline", "earlier 28-point plan", "initially
    # drafted a 28-point plan"): one row citing all three.
    plan = next(f for f in figures if f.text == "28-point")
    assert len({p.source_id for p in plan.citations}) == 3
    assert plan.measure == "plan"  # what two of the three call it, not the first's "outline"
    # "Three large prisoner exchanges emerged …": the row reads "three", not the sentence's capital, and verify
    # still finds it.
    exchanges = next(f for f in figures if f.unit == "exchanges")
    assert (exchanges.text, exchanges.display) == ("Three", "three")
    assert "| three | exchanges | large prisoner exchanges |" in markdown
    assert not [m for m in verify_brief(markdown, workspace) if m.kind == "figure"]
    donbas = next(f for f in figures if f.unit == "%" and "Donbas" in f.measure)
    assert (donbas.value, donbas.measure) == (25.0, "Donbas region still under Kyiv’s control")
    categories = [f.category for f in figures]
    assert categories.index("casualties") < categories.index("plan")  # losses before plan points


def test_key_figures_say_whose_count_they_are_and_verify_checks_it(seeds) -> None:
    """Seed 000 sets deaths counted by Mediazona and the BBC beside casualties estimated by CSIS: each row says
    whose figure it is, as the sentence gives it, and verify reads the name as the source writes it."""
    _, workspace, briefing, markdown = seeds
    figures = {f.text: f for f in section(briefing, "key-figures").entries}
    assert figures["19,000"].given_by == "Mediazona and the BBC’s Russian service"
    assert figures["1 million"].given_by == "the Center for Strategic and International Studies"
    assert figures["28-point"].given_by is None  # a plan's points are no one's count
    row = ("| around 19,000 | deaths | Russian military deaths in 2025, according to Mediazona and the BBC’s Russian "
           "service |")
    assert row in markdown
    assert figures["19,000"].words == replace(figures["19,000"], given_by=None).words + 8
    [wrong] = verify_brief(markdown.replace(row, row.replace("according to Mediazona", "according to Meduza")),
                           workspace)
    assert (wrong.kind, wrong.text) == ("measure", "Meduza and the BBC’s Russian service")
    assert wrong.changes == ('brief reads "Mediazona and the BBC’s Russian service" there',)
    [empty] = verify_brief(markdown.replace(row, row.replace(" Mediazona and the BBC’s Russian service", "")),
                           workspace)
    assert (empty.kind, empty.text) == ("measure", "nobody named after “according to”")
    [unmeasured] = verify_brief(markdown.replace(row, row.replace("Russian military deaths in 2025, ", "")), workspace)
    assert (unmeasured.kind, unmeasured.text) == ("measure", "nothing before “according to”")
    unnamed = markdown.replace(row, "| around 19,000 | deaths | Russian military deaths in 2025 |")
    assert verify_brief(unnamed, workspace) == []  # saying less is not saying something else


def test_a_share_in_words_shows_its_unit_in_words_and_verifies(tmp_path: Path) -> None:
    """"about three-quarters" is read as 75 %, but the row says "share": "%" beside words reads as a slip."""
    paths, workspace = project(tmp_path, {"a": ("2025-12-06", "Alpha Post", [
        "Russia controls nearly all of Luhansk and about three-quarters of Donetsk, the analysts said.",
        "Kyiv still holds 25 per cent of the Donbas region, according to the general staff.",
        "A prisoner exchange brought home 150 Ukrainian soldiers on Friday.", *PARAGRAPHS])})
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    figures = {f.text: f for f in section(briefing, "key-figures").entries}
    assert (figures["three-quarters"].value, figures["three-quarters"].unit) == (75.0, "%")
    assert (figures["three-quarters"].shown_unit, figures["25 per cent"].shown_unit) == ("share", "%")
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "| about three-quarters | share | Donetsk controlled by Russia, according to the analysts |" in markdown
    assert verify_brief(markdown, workspace) == []
    assert verify_brief(markdown.replace("| about three-quarters | share |", "| about three-quarters | % |"),
                        workspace) == []  # the per cent it is read as
    [wrong] = verify_brief(markdown.replace("| about three-quarters | share |", "| about three-quarters | troops |"),
                           workspace)
    assert (wrong.kind, wrong.changes) == ("unit", ('"troops" where brief reads "share"',))
    # a row that says "share" of a figure that is no per cent is told so in its own word, not "%"
    [wrong] = verify_brief(markdown.replace("| 25 | % |", "| 150 | share |"), workspace)
    assert (wrong.kind, wrong.text, wrong.changes) == ("unit", "share", ('"share" where brief reads "troops"',))
    [wrong] = verify_brief(markdown.replace("Donetsk controlled by Russia,", "Luhansk controlled by Russia,"),
                           workspace)
    assert wrong.kind == "measure" and "«about three-quarters» (share)" in wrong.reason


def test_a_handful_of_people_or_villages_ranks_below_the_figures_of_the_talks(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {"a": ("2025-12-09", "Alpha Post", [
        "Russian forces claimed the capture of two villages in the Zaporizhzhia region on Monday.",
        "The draft would cap Ukraine's armed forces at 800,000 personnel in peacetime.",
        "A drone strike on the port of Odesa killed two civilians overnight.",
        "The 27 instead agreed to raise €90bn through joint borrowing backed by the EU budget.",
        *PARAGRAPHS])})
    material = analyst_sections.gather_material(workspace.corpus.sources_named(["a"]), ["key-figures"], {"a"})
    every = analyst_sections.key_figures(material, 10)
    assert {f.unit for f in every} >= {"villages", "deaths", "troops", "EUR"}
    top = analyst_sections.key_figures(material, 2)
    assert {f.unit for f in top} == {"troops", "EUR"}


def test_an_empty_section_of_a_whole_corpus_brief_does_not_speak_of_a_window(seeds) -> None:
    """A whole-corpus brief has no window to have nothing further in; a dated one has."""
    paths, workspace, briefing, _ = seeds
    recipe = recipe_for(paths, workspace)
    emptied = replace(briefing, sections=tuple(replace(s, items=()) if s.id == "background" else s
                                               for s in briefing.sections))
    assert "*Nothing further in these sources; see the key points.*" in markdown_of(paths, workspace, emptied, recipe)
    dated = replace(emptied, window_start=dt.date(2025, 12, 12))
    assert "*Nothing further in this window; see the key points.*" in markdown_of(paths, workspace, dated, recipe)


def test_one_figure_of_two_sources_is_one_row_and_a_count_of_two_nights_two(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-09", "Alpha Post", [
            "Overnight Russia launched 410 drones and 38 missiles at Ukraine, the Ukrainian air force said.",
            "Putin repeated that Ukraine must withdraw from the four regions Moscow claims.", *PARAGRAPHS]),
        "b": ("2025-12-22", "Beta Wire", [
            "Overnight into Monday Russia launched 635 drones and 38 missiles, the Ukrainian air force said.",
            "Putin said Kyiv must leave the four regions Russia claims before any truce.", *PARAGRAPHS]),
    })
    material = analyst_sections.gather_material(workspace.corpus.sources_named(["a", "b"]), ["key-figures"],
                                                {"a", "b"})
    figures = analyst_sections.key_figures(material, 20)
    regions = [f for f in figures if f.unit == "regions"]
    assert len(regions) == 1 and {c.source_id for c in regions[0].citations} == {"a", "b"}  # Moscow is Russia
    missiles = sorted(f.measure for f in figures if f.unit == "missiles")
    assert missiles == ["missiles launched in the night to 22 December 2025",
                        "missiles launched in the night to 9 December 2025"]  # 38 on two nights: two figures


def test_two_rows_that_would_read_alike_say_what_sets_them_apart(tmp_path: Path) -> None:
    """The original plan's cap and the draft's are both read as "Ukraine's armed forces cap" where a sentence names
    the plan before its verb; a source that names it after the figure says whose cap the 600,000 was."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-15", "Alpha Post", [
            "The original U.S. plan capped Ukraine's armed forces at 600,000, officials said.",
            "The draft would now cap Ukraine's armed forces at 800,000 in peacetime.", *PARAGRAPHS]),
        "b": ("2025-12-16", "Beta Wire", [
            "Negotiators would cap Ukraine's armed forces at 800,000 personnel, a ceiling above the 600,000 "
            "figure in the original U.S. plan.", *PARAGRAPHS]),
    })
    material = analyst_sections.gather_material(workspace.corpus.sources_named(["a", "b"]), ["key-figures"],
                                                {"a", "b"})
    rows = {f.value: (f.measure, [c.source_id for c in f.citations])
            for f in analyst_sections.key_figures(material, 20) if f.unit == "troops"}
    assert rows == {600_000.0: ("Ukraine's armed forces cap in the original U.S. plan", ["a", "b"]),
                    800_000.0: ("Ukraine's armed forces cap", ["a", "b"])}
    (alone,) = analyst_sections.key_figures(material, 1)
    assert alone.measure == "Ukraine's armed forces cap"  # no other row reads the same: the first source's words


def test_one_sum_of_funding_said_two_ways_is_one_figure_and_other_sums_stay_apart(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-19", "Alpha Post", [
            "The 27 instead agreed to raise €90bn through joint borrowing backed by the EU budget.",
            "Europe holds about €210bn of immobilised Russian central bank assets, most of it at Euroclear.",
            *PARAGRAPHS]),
        "b": ("2025-12-22", "Beta Wire", [
            "EU leaders agreed on 19 December to lend Ukraine 90 billion euros for 2026 and 2027.",
            "The plan would have drawn on 210 billion euros in a reparations loan to Kyiv.", *PARAGRAPHS]),
    })
    material = analyst_sections.gather_material(workspace.corpus.sources_named(["a", "b"]), ["key-figures"],
                                                {"a", "b"})
    sums = {(f.value, f.measure): {c.source_id for c in f.citations}
            for f in analyst_sections.key_figures(material, 20) if f.unit == "EUR"}
    ninety = [sources for (value, _), sources in sums.items() if value == 90e9]
    assert ninety == [{"a", "b"}]  # a loan to Ukraine and funding raised through joint borrowing: one sum
    assert sorted(len(sources) for (value, _), sources in sums.items() if value == 210e9) == [1, 1]  # assets, loan


def test_the_timeline_keeps_each_events_date_apart_from_its_articles(seeds) -> None:
    _, workspace, briefing, markdown = seeds
    timeline = section(briefing, "timeline")
    events = timeline.entries
    assert all(isinstance(e, TimelineEntry) for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert all(e.precision != "year" for e in events)
    meeting = next(e for e in events if e.text.startswith("On December 2, 2025"))
    assert (meeting.date, meeting.precision, meeting.published) == (dt.date(2025, 12, 2), "day", dt.date(2025, 12, 2))
    # 002's "marathon talks in Moscow this week" (published 4 December) is that meeting: not a row of its own
    assert not any(e.expression == "this week" for e in events)
    assert {source_of(briefing, c.number) for c in meeting.citations} == {"003_5b825d6438a3e144",
                                                                         "002_e759f5f9dd5bc10b"}
    summits = next(e for e in events if "Anchorage summit in August" in e.text)
    assert summits.date_text == "August and October 2025"  # both dates of the sentence, one row
    span = next(e for e in events if e.text.startswith("Between March and August"))
    assert (span.date, span.until, span.date_text) == (dt.date(2025, 3, 1), (dt.date(2025, 8, 1), "month"),
                                                       "March–August 2025")  # one span, not two events
    assert "| 2 December 2025 | On December 2, 2025, Russian President Vladimir Putin met" in markdown
    # The analysis gives no publication date, but the year it is written in ("as 2025 closes") places
    # its "assessed in August" (and its "Dec. 17"); its Published cell says the article appeared then or later.
    assessed = next(e for e in events if e.text.startswith("British defense analysts assessed in August"))
    assert (assessed.date, assessed.published_text) == (dt.date(2025, 8, 1), "18 December 2025 or later")
    assert "| August 2025 | British defense analysts assessed in August" in markdown
    # Not "Putin instead cast Europe as the spoiler, accusing EU leaders … of derailing what he claims he agreed
    # with Trump at their … Alaska summit in August": the blame is no August event
    assert not any(e.text.startswith("Putin instead cast Europe") for e in events)
    analysis = workspace.corpus.source(ANALYSIS_SOURCE)
    goals = next(e for e in extract_events(analysis.text, analysis.id, analysis.date,
                                           published_earliest=analysis.date_is_earliest)
                 if e.expression == "Dec. 17")
    assert goals.date == dt.date(2025, 12, 17)
    assert timeline.notes == ()


def test_the_shipped_sources_do_not_differ_on_any_figure(seeds) -> None:
    _, _, briefing, markdown = seeds
    assert section(briefing, "sources-differ").entries == ()
    assert all(item.differences == () for item in briefing.all_items())
    assert ("No figures that differ, no statements that contradict each other and no quotations worded differently "
            "were found in these sources.") in markdown


def test_the_brief_with_every_section_verifies_clean(seeds) -> None:
    paths, workspace, _, markdown = seeds
    assert verify_brief(markdown, workspace) == []


def test_a_span_the_sentence_does_not_give_is_caught(seeds) -> None:
    _, workspace, _, markdown = seeds
    assert "| March–August 2025 | Between March and August" in markdown
    [mismatch] = verify_brief(markdown.replace("| March–August 2025 |", "| March–July 2025 |"), workspace)
    assert (mismatch.kind, mismatch.text) == ("date", "March–July 2025")


@pytest.mark.parametrize("edited", ["| August and November 2025 |", "| July and October 2025 |",
                                    "| August 2025; November 2025 |"])
def test_a_wrong_date_among_a_sentences_dates_is_caught(seeds, edited: str) -> None:
    _, workspace, _, markdown = seeds
    assert "| August and October 2025 | Earlier efforts" in markdown
    assert verify_brief(markdown.replace("| August and October 2025 |", "| August 2025; October 2025 |"),
                        workspace) == []  # as briefs built before wrote them
    [mismatch] = verify_brief(markdown.replace("| August and October 2025 |", edited), workspace)
    assert mismatch.kind == "date"


# --- small made-up corpora -------------------------------------------------------------------------

ARTICLE = "---\ntitle: {title}\noutlet: {outlet}\npublished: {date}\n---\n\n{body}\n"
CLAIM = ("Moscow demands that Ukraine withdraw its forces from the rest of the Donbas region before any "
         "cease-fire, a condition Kyiv has rejected as a red line.")
CLAIM_EDITED = CLAIM.replace("as a red line.", "as a red line on Monday.")
PARAGRAPHS = [
    "Negotiators from both sides met for six hours in Geneva on Tuesday without agreeing on the front line.",
    "European governments insisted that any settlement must come with security guarantees from Washington.",
    "The Kremlin said further talks could take place next month if the United States presents a new proposal.",
]
OTHERS = [
    "Drone strikes on the Kharkiv region left thousands without power overnight, the regional governor said.",
    "The European Union agreed on a new package of sanctions targeting Russian oil exports to Asia.",
    "Analysts said the odds of a deal before the end of the year were low as fighting continued in the east.",
]
THIRD = [
    "Prisoner exchanges resumed after a pause of several weeks, mediated by the United Arab Emirates.",
    "Ukraine's parliament would have to approve any change to the country's borders, lawmakers warned.",
    "NATO allies remain divided over whether Ukraine should be offered a path to membership in a settlement.",
]


def project(tmp_path: Path, articles: dict[str, tuple[str, str, list[str]]]) -> tuple[ProjectPaths, Workspace]:
    """A project whose corpus holds ``articles``: name → (date, outlet, paragraphs)."""
    (tmp_path / "seeds").mkdir()
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    for name, (date, outlet, paragraphs) in articles.items():
        text = ARTICLE.format(title=f"Article {name}", outlet=outlet, date=date, body="\n\n".join(paragraphs))
        (tmp_path / "seeds" / f"{name}.md").write_text(text, encoding="utf-8")
    paths = ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")
    return paths, load_workspace(paths)


def the_claim(briefing: Briefing):
    (item,) = [i for i in briefing.all_items() if "withdraw its forces from the rest of the Donbas" in i.text]
    return item


def test_a_copy_under_another_outlets_name_counts_once(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "alpha": ("2025-12-01", "Alpha Post", [CLAIM, *PARAGRAPHS]),
        "beta": ("2025-12-02", "Beta News", [CLAIM, *PARAGRAPHS]),  # the same article under another name
        "gamma": ("2025-12-03", "Gamma Times", [CLAIM_EDITED, *OTHERS]),  # its own reporting
    })
    recipe = recipe_for(paths, workspace, sections=EXCERPT_SECTIONS, key_points=0)
    briefing = assemble_briefing(workspace, recipe)
    item = the_claim(briefing)
    assert {c.source_id for c in item.citations} == {"alpha", "beta", "gamma"}
    assert (item.source_count, item.copy_count) == (2, 1)
    numbers = {c.source_id: c.number for c in item.citations}
    copies = {c.source_id: c.copy_of for c in item.citations if c.copy_of is not None}
    first, second = sorted(["alpha", "beta"], key=numbers.__getitem__)
    assert copies == {second: numbers[first]}
    entries = {s.source_id: s for s in briefing.sources}
    assert (entries[second].copy_of, entries[first].copy_of, entries["gamma"].copy_of) == (numbers[first], None, None)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "*(2 sources; 1 more carries the same wire text)*" in markdown
    assert f"*same text as {numbers[first]}*" in markdown
    assert verify_brief(markdown, workspace) == []


def test_copies_are_found_from_the_fingerprints_the_index_keeps(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    paths, workspace = project(tmp_path, {
        "alpha": ("2025-12-01", "Alpha Post", [CLAIM, *PARAGRAPHS]),
        "beta": ("2025-12-02", "Beta News", [CLAIM, *PARAGRAPHS]),
    })

    def no_reading(source: object) -> None:
        raise AssertionError("an article was read again to fingerprint it")

    monkeypatch.setattr(brief.assembly, "source_fingerprint", no_reading)
    item = the_claim(assemble_briefing(workspace, recipe_for(paths, workspace, sections=EXCERPT_SECTIONS,
                                                             key_points=0)))
    assert (item.source_count, item.copy_count) == (1, 1)


def test_the_same_wire_credit_and_the_same_passage_count_once(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "ap1": ("2025-12-01", "Alpha Post", ["KYIV, Ukraine (AP) — " + CLAIM, *PARAGRAPHS]),
        "ap2": ("2025-12-02", "Beta News", ["MOSCOW (AP) — " + CLAIM_EDITED, *OTHERS]),  # same wire, own story
        "own": ("2025-12-03", "Gamma Times", [CLAIM_EDITED, *THIRD]),
        "rtr": ("2025-12-03", "Delta Daily", ["LONDON (Reuters) - " + CLAIM, THIRD[0], OTHERS[0], PARAGRAPHS[0]]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, sections=EXCERPT_SECTIONS, key_points=0))
    item = the_claim(briefing)
    assert {c.source_id for c in item.citations} == {"ap1", "ap2", "own", "rtr"}
    assert (item.source_count, item.copy_count) == (3, 1)
    copy = next(c for c in item.citations if c.copy_of is not None)
    assert copy.source_id in {"ap1", "ap2"} and source_of(briefing, copy.copy_of) in {"ap1", "ap2"} - {copy.source_id}
    assert all(entry.copy_of is None for entry in briefing.sources)  # the articles themselves differ


DEATHS_A = "Mediazona and the BBC put Russian military deaths in 2025 at around 19,000, according to their count."
DEATHS_B = "Mediazona and the BBC put Russian military deaths in 2025 at 25,000, according to their count."


def test_sources_giving_different_figures_are_shown_side_by_side(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", [DEATHS_A, "A coalition of more than 30 countries is ready to "
                                                    "monitor any cease-fire along the front line.", *PARAGRAPHS]),
        "b": ("2025-12-02", "Beta News", [DEATHS_B, "A coalition of 34 countries is ready to monitor any "
                                                   "cease-fire along the front line.", *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    (item,) = [i for i in briefing.all_items() if "Russian military deaths" in i.text]
    assert {c.source_id for c in item.citations} == {"a", "b"}
    (difference,) = item.differences
    assert isinstance(difference, FigureDifference)
    assert (difference.measure, difference.unit) == ("Russian military deaths in 2025", "deaths")
    said = {source_of(briefing, r.citations[0].number): r.text for r in difference.readings}
    assert said == {"a": "around 19,000", "b": "25,000"}
    # "more than 30" and "34" countries can both be right: no difference there.
    (listed,) = section(briefing, "sources-differ").entries
    assert listed.measure == "Russian military deaths in 2025"
    markdown = markdown_of(paths, workspace, briefing, recipe)
    shown = readings_shown(difference.readings, quoted=False)
    lines = markdown.splitlines()
    note = lines.index(f"  *Sources differ on Russian military deaths in 2025 (deaths):* {shown}")
    assert lines[note - 1] == "" and lines[note - 2].startswith("- Mediazona")  # a paragraph of the item
    assert verify_brief(markdown, workspace) == []  # the note is not taken for a cited statement


def test_verify_checks_what_each_source_says_where_sources_differ(tmp_path: Path) -> None:
    """The readings of a difference, in the item's note and in "Where sources differ", are figures each
    reading's own citation must give: a changed number, or the numbers' citations swapped, is reported; so is
    a changed "What" (the measure they differ on)."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", [DEATHS_A, *PARAGRAPHS]),
        "b": ("2025-12-02", "Beta News", [DEATHS_B, *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert verify_brief(markdown, workspace) == []
    note = next(n for n, line in enumerate(markdown.splitlines(), 1) if line.startswith("  *Sources differ on "))
    row = next(n for n, line in enumerate(markdown.splitlines(), 1)
               if line.startswith("| Russian military deaths in 2025 | deaths |"))

    def numbered(source_id: str) -> int:
        return next(entry.number for entry in briefing.sources if entry.source_id == source_id)

    changed = verify_brief(markdown.replace("25,000 [", "26,000 ["), workspace)
    assert [(m.line, m.kind, m.text, m.closest) for m in changed] == [(note, "differing figure", "26,000", "25,000"),
                                                                      (row, "differing figure", "26,000", "25,000")]
    assert summarise(changed) == "2 differing figures not as their sources give them", "no key figure was changed"
    a, b = numbered("a"), numbered("b")
    swapped = markdown.replace(f"25,000 [\\[{b}\\]](#src-{b})", f"25,000 [\\[{a}\\]](#src-{a})")
    assert swapped != markdown
    assert {(m.line, m.text, m.source_ids, m.found_in) for m in verify_brief(swapped, workspace)} == {
        (note, "25,000", ("a",), ("b",)), (row, "25,000", ("a",), ("b",))}
    unit = markdown.replace("(deaths):*", "(casualties):*").replace("| Russian military deaths in 2025 | deaths |",
                                                                   "| Russian military deaths in 2025 | casualties |")
    assert {(m.line, m.kind) for m in verify_brief(unit, workspace)} == {(note, "differing unit"),
                                                                         (row, "differing unit")}
    # What they differ on: whose deaths the sources count is read too, in the note and in the row
    measure = markdown.replace("*Sources differ on Russian military", "*Sources differ on Ukrainian military").replace(
        "| Russian military deaths in 2025 | deaths |", "| Ukrainian military deaths in 2025 | deaths |")
    assert {(m.line, m.kind, m.text) for m in verify_brief(measure, workspace)} == {
        (note, "differing measure", "Ukrainian military deaths in 2025"),
        (row, "differing measure", "Ukrainian military deaths in 2025")}
    assert summarise(verify_brief(measure, workspace)) == "2 differing figures not as their sources give them"
    case = markdown.replace("| Russian military deaths in 2025 |", "| russian military deaths in 2025 |")
    assert verify_brief(case, workspace) == [], "the case of its first letter is layout"


def test_dates_without_a_year_take_the_articles_year_and_stay_apart_from_it(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "dec": ("2025-12-20", "Alpha Post", [
            "Envoys from Washington and Moscow met in Geneva on Dec. 17 to discuss the peace proposal.",
            *PARAGRAPHS]),
        "jan": ("2026-01-05", "Beta News", [
            "The talks in Miami on Dec. 29 ended without agreement on the future of the Donbas region.",
            "Negotiators will meet again in Abu Dhabi on Jan. 12 to discuss the next steps of the talks.",
            *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    events = {e.expression: e for e in section(briefing, "timeline").entries}
    assert (events["Dec. 17"].date, events["Dec. 17"].published) == (dt.date(2025, 12, 17), dt.date(2025, 12, 20))
    # Read in a January 2026 article, a past "Dec. 29" is the December before; a future "Jan. 12" this January.
    assert (events["Dec. 29"].date, events["Dec. 29"].published) == (dt.date(2025, 12, 29), dt.date(2026, 1, 5))
    assert events["Jan. 12"].date == dt.date(2026, 1, 12)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    row = next(line for line in markdown.splitlines() if "on Dec. 29" in line and line.startswith("|"))
    assert row.startswith("| 29 December 2025 |") and row.endswith("| 5 January 2026 |")


def test_quotes_without_a_clear_speaker_are_not_key_quotes(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-01", "Alpha Post", [
            "“We will not sign anything that gives away our land,” said Olena Petrenko, a Ukrainian negotiator.",
            "Witkoff and Dmitriev met in Miami on Sunday. “The talks were useful and very constructive,” he said.",
            "“Nobody wants a frozen conflict on the continent of Europe,” the statement read.",
            *PARAGRAPHS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, sections=[{"id": "key-quotes"}]))
    quotes = section(briefing, "key-quotes").entries
    assert [(q.speaker, q.role) for q in quotes] == [("Olena Petrenko", "a Ukrainian negotiator")]


def test_a_quotation_that_points_at_what_its_article_said_before_is_no_key_quote(tmp_path: Path) -> None:
    """Audit of session 41: the written weekly of 18 December quoted Peskov, "not received any documents of this
    kind": of what kind, the Key quotes do not say."""
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-18", "Alpha Post", [
            "Kremlin spokesman Dmitry Peskov said Moscow had “not received any documents of this kind” from "
            "Washington.",
            "“This is a serious offer, and Europe will carry its share,” said Friedrich Merz, the German Chancellor.",
            "“Ultimately the decisions have to be made by Putin alone. Not his advisers, Putin only,” said Marco "
            "Rubio, the U.S. Secretary of State.",
            "“We will not sign anything that gives away our land,” said Olena Petrenko, a Ukrainian negotiator.",
            *PARAGRAPHS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, key_points=0,
                                                       sections=[{"id": "key-quotes", "max_items": 5}]))
    # Rubio's "his" is Putin's, whom his words name: his quotation reads alone.
    assert sorted(q.speaker for q in section(briefing, "key-quotes").entries) == ["Marco Rubio", "Olena Petrenko"]


def test_a_key_quote_reads_alone_and_says_one_thing_once(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-03", "Alpha Post", [
            "Vladimir Putin, the Russian President, said the outline “could form the basis” of a settlement.",
            "Hungarian Prime Minister Viktor Orbán told reporters that the money would “prolong a war that cannot "
            "be won.”",
            "Former U.S. President Donald Trump told Ukrainian President Volodymyr Zelensky that Ukraine “don’t "
            "have the cards right now.”",
            "Kremlin aide Yuri Ushakov described the discussions as “constructive, very useful, and substantive”, "
            "but no compromise was found.",
            "“There’s a question I still can’t get an answer to,” Volodymyr Zelensky, Ukraine’s President, said on "
            "Dec. 2. “What will the United States do if Russia comes with aggression again?”",
            *PARAGRAPHS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, sections=[{"id": "key-quotes"}]))
    quotes = [(q.speaker, q.text) for q in section(briefing, "key-quotes").entries]
    # Verb phrases the reporter's sentence finishes say nothing under a name; Zelensky's two quotations are
    # one statement, shown once. Ushakov's characterisation is countered by its sentence ("…, but no compromise
    # was found"), which a key point shows.
    assert quotes == [("Volodymyr Zelensky", "There’s a question I still can’t get an answer to")]
    assert any("“constructive, very useful, and substantive”" in point.text for point in briefing.key_points)


def test_a_quotation_the_reporters_sentence_turns_around_or_places_is_no_key_quote(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-21", "Alpha Post", [
            "Kremlin aide Yuri Ushakov said the changes made to the American plan do not, in his words, “improve "
            "the chances of peace”, and Moscow would answer later.",
            "Dmitry Peskov, the Kremlin spokesman, said Kyiv’s proposals were not “a serious basis for talks” at all.",
            "Vladimir Putin, the Russian President, said Ukrainian troops must leave the four regions “within their "
            "administrative borders” before any truce.",
            "Kremlin aide Yuri Ushakov indicated that while some American formulations were “more or less "
            "acceptable,” other key points were “unacceptable” to Moscow.",
            "Ukrainian Foreign Minister Andrii Sybiha hit back, accusing Russia of “wasting the world’s time.”",
            "Kremlin aide Yuri Ushakov described the discussions as “constructive, very useful, and substantive”, "
            "but his caveat that a compromise option had not been found speaks volumes.",
            "“We will not sign anything that gives away our land,” said Olena Petrenko, a Ukrainian negotiator.",
            "Though the talks stalled on Monday, Rustem Umerov, Ukraine’s chief negotiator, said the new draft "
            "was “a good basis for peace.”",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    quotes = [(q.speaker, q.text) for q in section(assemble_briefing(workspace, recipe), "key-quotes").entries]
    # Under their names alone, the first two would say the opposite of what was said; the third says nothing;
    # the fourth is the half of a statement its sentence concedes, the fifth drops whom the speaker accused, the
    # sixth is the half its sentence counters (seed 002: the weekly of 5 December showed it alone);
    # Umerov's characterisation is the main clause after a concession, which a comma ends.
    assert quotes == [("Olena Petrenko", "We will not sign anything that gives away our land"),
                      ("Rustem Umerov", "a good basis for peace.")]


def test_a_quotation_after_an_answering_no_or_a_verb_that_characterises_is_a_key_quote(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-21", "Alpha Post", [
            "Asked whether Moscow would accept European troops in Ukraine, Dmitry Peskov, the Kremlin spokesman, said "
            "no: “We will never agree to that.”",
            "Sergei Lavrov, Russia’s foreign minister, said the talks were “at a dead end”, and Moscow would wait.",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    quotes = {q.text for q in section(assemble_briefing(workspace, recipe), "key-quotes").entries}
    assert quotes == {"We will never agree to that.", "at a dead end"}


def test_quotations_of_one_speaker_in_one_paragraph_are_one_key_quote(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-04", "Alpha Post", [
            "Andrii Sybiha welcomed the loan, calling it “a strong signal that Europe "
            "will not tire of helping us.” He said Kyiv had done its part and was waiting for an answer from "
            "Moscow. “We need an answer from Russia, not more questions,” he said.",
            "“Our partners have kept every promise they made this year,” Andrii Sybiha said later on Thursday.",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    quotes = [q.text for q in section(assemble_briefing(workspace, recipe), "key-quotes").entries]
    assert len(quotes) == 2, quotes
    assert "Our partners have kept every promise they made this year" in quotes


def test_a_speaker_the_article_describes_without_a_name_is_shown_as_it_does(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-04", "Alpha Post", [
            "“A guarantee the next administration can withdraw with a signature is not a guarantee,” said a "
            "European diplomat briefed on the talks, adding that Kyiv wanted a binding text.",
            "“Nobody in this room expects a ceasefire before the spring,” the official said after the meeting.",
            "“We will not sign anything that gives away our land,” said Olena Petrenko, a Ukrainian negotiator.",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    briefing = assemble_briefing(workspace, recipe)
    # Named first; the official the article points back to ("the official") is nobody a reader can place.
    assert [(q.speaker, q.role) for q in section(briefing, "key-quotes").entries] == [
        ("Olena Petrenko", "a Ukrainian negotiator"), ("a European diplomat briefed on the talks", None)]
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "> — a European diplomat briefed on the talks · published 4 December 2025 [\\[1\\]](#src-1)" in markdown
    assert verify_brief(markdown, workspace) == []
    edited = markdown.replace("— a European diplomat briefed", "— a Polish diplomat briefed")
    [mismatch] = verify_brief(edited, workspace)
    assert (mismatch.kind, mismatch.text) == ("speaker", "a Polish diplomat briefed on the talks")
    assert "not described so within" in mismatch.format("b.md")


def test_a_speaker_one_source_names_wins_over_one_another_describes_and_keeps_their_own_role(
        tmp_path: Path) -> None:
    words = "We are ninety per cent there on every question that matters"
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", [f"“{words},” said a senior Kremlin official.", *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [f"“{words},” said Dmitry Peskov, the Kremlin spokesman.", *OTHERS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    briefing = assemble_briefing(workspace, recipe)
    [quote] = section(briefing, "key-quotes").entries
    assert (quote.speaker, quote.role, len(quote.citations)) == ("Dmitry Peskov", "the Kremlin spokesman", 2)
    assert verify_brief(markdown_of(paths, workspace, briefing, recipe), workspace) == []


def test_a_description_that_opens_its_sentence_verifies(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", [
            "A senior European diplomat said: “A guarantee the next administration can withdraw is not a guarantee.”",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    briefing = assemble_briefing(workspace, recipe)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "> — a senior European diplomat · published 4 December 2025" in markdown
    assert verify_brief(markdown, workspace) == []


def test_a_short_quotation_that_reads_alone_is_a_key_quote(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-03", "Alpha Post", [
            # The sentence before ends on "it": no part of the quotation's own sentence.
            "Kyiv has rejected the plan and Moscow knows it. “We will never give up our land,” Volodymyr "
            "Zelensky, Ukraine’s President, said.",
            # A characterisation after "was", not a verb phrase.
            "Marco Rubio, the U.S. Secretary of State, said the meeting was “a very productive step toward peace.”",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes"}])
    quotes = {q.speaker: q.text for q in section(assemble_briefing(workspace, recipe), "key-quotes").entries}
    assert quotes == {"Volodymyr Zelensky": "We will never give up our land",
                      "Marco Rubio": "a very productive step toward peace."}


def test_article_text_in_the_new_sections_stays_text(tmp_path: Path) -> None:
    # In the article's Markdown source: \\* so that the reader keeps the asterisks as text.
    hostile = ("“We will \\*never\\* give up [our] land | not one <b>metre</b>,” said Olena Petrenko, "
               "a Ukrainian negotiator, on Dec. 2, 2025.")
    paths, workspace = project(tmp_path, {"h": ("2025-12-03", "Alpha Post", [hostile, *PARAGRAPHS])})
    recipe = recipe_for(paths, workspace, sections=ALL_EXTRAS)  # no item shows the quotation first
    briefing = assemble_briefing(workspace, recipe)
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "> “We will \\*never\\* give up \\[our\\] land \\| not one \\<b\\>metre\\</b\\>”\\" in markdown
    html = markdown_to_html(split_front_matter(markdown)[1])
    assert "We will *never* give up [our] land | not one &lt;b&gt;metre&lt;/b&gt;" in html
    timeline = html[html.index("<table>", html.index('id="timeline"')):].split("</table>")[0]
    row = next(row for row in timeline.split("<tr>") if "Olena Petrenko" in row)
    assert row.count("<td>") == 4  # the article's pipe did not split a cell
    assert verify_brief(markdown, workspace) == []


def test_the_analysts_sections_count_in_the_word_budget(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        name: (f"2025-12-0{day}", "Alpha Post", [
            f"“We will not sign anything that gives away our land in the {name} region,” said Olena Petrenko, "
            f"a Ukrainian negotiator, on Dec. {day}.", *PARAGRAPHS, *OTHERS])
        for day, name in enumerate(["north", "south", "east", "west"], start=1)})
    plain = assemble_briefing(workspace, recipe_for(paths, workspace, sections=EXCERPT_SECTIONS, max_words=160))
    full = assemble_briefing(workspace, recipe_for(paths, workspace, max_words=160))
    extras = sum(section.words for section in full.extras)
    assert extras > 0
    assert len(full.all_items()) < len(plain.all_items())
    assert sum(len(i.text.split()) for i in full.all_items()) <= max(160 - extras, 80)


def test_the_material_is_capped_and_only_what_the_sections_need_is_extracted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    places = ["Kharkiv", "Odesa", "Sumy", "Kherson", "Dnipro", "Lviv", "Poltava", "Mykolaiv"]
    paths, workspace = project(tmp_path, {
        f"s{index:02d}": (f"2025-12-{1 + index % 28:02d}", "Alpha Post", [
            f"Officials in {places[index % 8]} said on Dec. {1 + index % 28} that {index + 10} prisoners were "
            f"exchanged after talks number {index} in {places[(index * 3) % 8]} failed to agree on a cease-fire."])
        for index in range(40)})
    seen: list[str] = []
    real = analyst_sections._findings

    def counting(source, *rest):
        seen.append(source.id)
        return real(source, *rest)

    monkeypatch.setattr(analyst_sections, "_findings", counting)
    events: list[str] = []
    monkeypatch.setattr(analyst_sections, "extract_events", lambda *a, **k: events.append(a[1]) or [])
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, sections=[
        *EXCERPT_SECTIONS, {"id": "key-figures", "max_items": 5}]))
    assert len(seen) == analyst_sections.MAX_MATERIAL_SOURCES < 40
    cited = {c.source_id for item in briefing.all_items() for c in item.citations}
    assert set(seen[:len(cited)]) <= cited  # the sources the items cite come first
    assert events == []  # no timeline in the recipe: no event is extracted
    assert len(section(briefing, "key-figures").entries) == 5


def test_a_brief_of_the_analysts_sections_alone(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "dec": ("2025-12-20", "Alpha Post", [
            "Envoys from Washington and Moscow met in Geneva on Dec. 17 to discuss the peace proposal.",
            *PARAGRAPHS])})
    recipe = recipe_for(paths, workspace, sections=[{"id": "timeline"}], key_points=0)
    briefing = assemble_briefing(workspace, recipe)
    assert briefing.all_items() == [] and [s.id for s in briefing.parts] == ["timeline"]
    dates = {e.expression: e.date for e in section(briefing, "timeline").entries}
    assert dates == {"Tuesday": dt.date(2025, 12, 16), "Dec. 17": dt.date(2025, 12, 17), "next month": dt.date(2026, 1, 1)}
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert re.findall(r"^## (.+)$", markdown, re.M) == ["Timeline", "Sources"]


def test_the_section_lists_every_difference_an_item_notes(tmp_path: Path) -> None:
    # Article a gives both counts (so across the articles, a describes a change), but the merged item
    # shows a's 19,000 beside b's 25,000: the section must not say the sources agree.
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", [DEATHS_A, "Separately, officials in a leaked memo to the Kremlin "
                                                    "were said to put Russian military deaths in 2025 at 25,000.",
                                           *PARAGRAPHS]),
        "b": ("2025-12-02", "Beta News", [DEATHS_B, *OTHERS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    (item,) = [i for i in briefing.all_items() if i.differences]
    assert {c.source_id for c in item.citations} == {"a", "b"}
    material = analyst_sections.gather_material(workspace.corpus.sources_named(["a", "b"]), ["sources-differ"], set())
    assert analyst_sections.sources_differ(material, 5) == ()  # a gives both counts: no difference on its own
    assert [d.measure for d in section(briefing, "sources-differ").entries] == [item.differences[0].measure]


ACCEPTED = ("On Tuesday, Russia accepted the revised 20-point U.S. peace plan presented by the envoys in Moscow, "
            "officials said.")
REJECTED = ("On Tuesday, Russia rejected the revised 20-point U.S. peace plan presented by the envoys in Moscow, "
            "officials said.")


def test_sources_that_contradict_each_other_are_shown_side_by_side(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", [ACCEPTED, *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [REJECTED, *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    (item,) = [i for i in briefing.all_items() if "20-point U.S. peace plan" in i.text]
    assert {c.source_id for c in item.citations} == {"a", "b"}  # near-duplicates: one item
    (contradiction,) = item.contradictions
    assert isinstance(contradiction, Contradiction)
    said = {source_of(briefing, r.citations[0].number): r.text for r in contradiction.readings}
    assert said == {"a": "Russia accepted the revised 20-point U.S. peace plan presented by the envoys in Moscow",
                    "b": "Russia rejected the revised 20-point U.S. peace plan presented by the envoys in Moscow"}
    assert contradiction.question == ("whether Russia accepted the revised 20-point U.S. peace plan presented by "
                                      "the envoys in Moscow")
    # The section lists it once (the item's and the section's reading are the same sentences).
    (listed,) = section(briefing, "sources-differ").entries
    assert listed == contradiction
    markdown = markdown_of(paths, workspace, briefing, recipe)
    shown = readings_shown(contradiction.readings)
    lines = markdown.splitlines()
    note = lines.index(f"  *Sources contradict each other on {contradiction.question}:* {shown}")
    assert lines[note - 1] == "" and lines[note - 2].startswith("- ")  # a paragraph of the item
    assert "| What the sources contradict each other on | What each source says |" in lines
    assert f"| {contradiction.heading} | {shown} |" in lines
    assert verify_brief(markdown, workspace) == []  # both sides are verbatim in the sources they cite
    # A changed word in one side is caught: the quoted sides are checked, not only carried.
    tampered = markdown.replace("Russia rejected the revised", "Russia rebuffed the revised")
    assert {m.kind for m in verify_brief(tampered, workspace)} == {"quotation"}
    html = markdown_to_html(split_front_matter(markdown)[1])
    table = html[html.index("<table>", html.index('id="where-sources-differ"')):].split("</table>")[0]
    assert table.count("<th>") == 2 and "Russia rejected the revised 20-point U.S. peace plan" in table


def test_contradictions_between_items_are_listed_in_the_section(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", [
            "The talks in Geneva ended without agreement on the front line, diplomats said.", *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [
            "Negotiators struck a deal on the front line at the talks in Geneva, according to officials.", *OTHERS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    assert all(item.contradictions == () for item in briefing.all_items())  # two items, each one source
    (listed,) = section(briefing, "sources-differ").entries
    assert isinstance(listed, Contradiction)
    assert listed.question == "whether the talks ended in agreement on the front line"
    said = {source_of(briefing, r.citations[0].number): r.text for r in listed.readings}
    assert said == {"a": "The talks in Geneva ended without agreement on the front line",
                    "b": "Negotiators struck a deal on the front line at the talks in Geneva"}


def test_two_parties_that_disagree_are_not_sources_that_contradict(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", [ACCEPTED.replace("Russia accepted", "Ukraine accepted"), *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [REJECTED, *OTHERS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    assert section(briefing, "sources-differ").entries == ()
    assert all(item.contradictions == () for item in briefing.all_items())


@pytest.mark.pdf
def test_a_contradiction_is_in_the_pdf(tmp_path: Path) -> None:
    from brief.render_pdf import markdown_to_pdf

    paths, workspace = project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", [ACCEPTED, *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [REJECTED, *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    markdown = markdown_of(paths, workspace, assemble_briefing(workspace, recipe), recipe)
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(markdown_to_pdf(markdown, template_dirs(paths, recipe)))
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())
    assert "Sources contradict each other on whether Russia accepted the revised 20-point U.S. peace plan" in text
    assert "What the sources contradict each other on" in text
    assert "Russia rejected the revised 20-point U.S. peace plan presented by the envoys in Moscow" in text


def test_a_timeline_row_must_name_who_acted() -> None:
    """"He told reporters …" leaves the reader to guess who: such a row is not shown, even with room for it."""
    text = ("He told reporters in Geneva on Tuesday that the talks had gone well. "
            "Vladimir Putin met Steve Witkoff in Moscow on Wednesday.")
    published = dt.date(2025, 12, 5)
    events = tuple(extract_events(text, "a", published))
    assert [e.expression for e in events] == ["Tuesday", "Wednesday"]  # both dated to the day
    dated = SimpleNamespace(id="a", date=published, date_is_mentioned=False)  # all a timeline reads of a source
    material = [analyst_sections.Material(source=dated, cited=True, events=events)]  # type: ignore[arg-type]
    window = Window(start=None, end=None, label="whole corpus")
    [entry], _ = analyst_sections.timeline(material, 1, window)
    assert entry.text.startswith("Vladimir Putin met Steve Witkoff")
    both, _ = analyst_sections.timeline(material, 2, window)
    assert [e.text[:2] for e in both] == ["Vl"]


def test_a_weeks_row_that_tells_an_event_another_source_dates_to_a_day_joins_that_row() -> None:
    """"marathon talks in Moscow this week" with a Kremlin aide, and "Putin met … Witkoff at the Kremlin in Moscow"
    on 2 December: one meeting, one row citing both."""
    week = ("A senior Kremlin aide confirmed that no compromise was reached during marathon talks in Moscow "
            "this week.")
    day = "On December 2, 2025, Vladimir Putin met Steve Witkoff at the Kremlin in Moscow."
    geneva = "European advisers met in Geneva this week to discuss the Kremlin's answer."  # one name shared

    def source(name: str, text: str, published: dt.date) -> analyst_sections.Material:
        dated = SimpleNamespace(id=name, date=published, date_is_mentioned=False)
        return analyst_sections.Material(source=dated, cited=True,  # type: ignore[arg-type]
                                         events=tuple(extract_events(text, name, published)))

    window = Window(start=None, end=None, label="whole corpus")
    rows, _ = analyst_sections.timeline([source("a", week, dt.date(2025, 12, 4)),
                                         source("b", day, dt.date(2025, 12, 3))], 5, window)
    [row] = rows
    assert (row.date, row.precision, row.text) == (dt.date(2025, 12, 2), "day", day)
    assert [c.source_id for c in row.citations] == ["b", "a"]
    rows, _ = analyst_sections.timeline([source("a", geneva, dt.date(2025, 12, 4)),
                                         source("b", day, dt.date(2025, 12, 3))], 5, window)
    assert [r.precision for r in rows] == ["week", "day"]  # another meeting that week
    rows, _ = analyst_sections.timeline([source("a", week, dt.date(2025, 12, 12)),
                                         source("b", day, dt.date(2025, 12, 3))], 5, window)
    assert len(rows) == 2  # the week of 8 December: not the week of that day
    said = "A senior Kremlin aide said in Moscow this week that Russia would never withdraw from Donbas."
    rows, _ = analyst_sections.timeline([source("a", said, dt.date(2025, 12, 4)),
                                         source("b", day, dt.date(2025, 12, 3))], 5, window)
    assert len(rows) == 2  # a statement, not a meeting
    modi = "On December 3, 2025, Vladimir Putin hosted Narendra Modi at the Kremlin in Moscow."
    rows, _ = analyst_sections.timeline([source("a", week, dt.date(2025, 12, 4)),
                                         source("b", day, dt.date(2025, 12, 3)),
                                         source("c", modi, dt.date(2025, 12, 4))], 5, window)
    assert len(rows) == 3  # two meetings at the Kremlin that week: which one the week's row tells is a guess


def _timeline_rows(*texts: tuple[str, str, dt.date]) -> list[analyst_sections.TimelineEntry]:
    """The whole-corpus timeline of articles given as (source id, one paragraph, publication date)."""
    material = [analyst_sections.Material(
        source=SimpleNamespace(id=name, date=published, date_is_mentioned=False, text=text),  # type: ignore
        cited=True, events=tuple(extract_events(text, name, published))) for name, text, published in texts]
    return list(analyst_sections.timeline(material, 5, Window(start=None, end=None, label="whole corpus"))[0])


def test_a_row_of_what_happened_cites_the_sources_that_report_it_not_those_that_announced_it() -> None:
    """"will meet … on Saturday" (19 December) announced the meeting that "met … on Saturday" (22 December)
    reports: the row of the meeting cites the report; a row of an announced meeting cites every announcement."""
    met = ("a", "The US envoys met Russian envoy Kirill Dmitriev for talks in Miami on Saturday.", dt.date(2025, 12, 22))
    will = ("b", "The US envoys will meet Russian envoy Kirill Dmitriev for talks in Miami on Saturday.",
            dt.date(2025, 12, 19))
    expected = ("c", "The US envoys are expected to meet Russian envoy Kirill Dmitriev for talks in Miami on Saturday.",
                dt.date(2025, 12, 18))
    [row] = _timeline_rows(met, will, expected)
    assert (row.date, row.text) == (dt.date(2025, 12, 20), met[1])
    assert [c.source_id for c in row.citations] == ["a"]
    [row] = _timeline_rows(will, expected)
    assert row.date == dt.date(2025, 12, 20)
    assert [c.source_id for c in row.citations] == ["b", "c"]
    [row] = _timeline_rows(will, met)
    assert (row.text, [c.source_id for c in row.citations]) == (met[1], ["a"])  # the report leads


def test_a_days_row_that_tells_a_meeting_another_source_dates_to_its_span_joins_that_row() -> None:
    """w11's "In Berlin, Witkoff and Kushner hold two days of talks" (14–15 December) and w3's "Two days of talks
    in Berlin … ended on Monday" (15 December) and "… met … at the Chancellery … on Sunday and again on Monday"
    (14 and 15 December): one meeting, one row citing all three; not a day inside the span without such words,
    nor a meeting elsewhere."""
    span = ("14–15 December: In Berlin, Witkoff and Kushner hold two days of talks with Zelensky at the "
            "Chancellery, with Merz as host.")
    ended = ("Two days of talks in Berlin between American, Ukrainian and European negotiators ended on Monday "
             "with both sides describing real progress.")
    both_days = ("The U.S. delegation, led by Steve Witkoff and Jared Kushner, met Volodymyr Zelensky at the "
                 "Chancellery for five hours on Sunday and again on Monday morning.")
    monday, sunday, later = dt.date(2025, 12, 15), dt.date(2025, 12, 14), dt.date(2025, 12, 21)
    [row] = _timeline_rows(("a", span, later), ("b", ended, monday), ("c", both_days, monday))
    assert (row.date, row.until, row.text) == (sunday, (monday, "day"), span)
    assert [c.source_id for c in row.citations] == ["a", "b", "c"]
    [row] = _timeline_rows(("c", both_days, monday), ("b", ended, monday), ("a", span, later))
    assert (row.date, row.until, row.text) == (sunday, (monday, "day"), span)  # the span told as a span leads
    [row] = _timeline_rows(("a", span, later), ("b", f"{ended} {both_days}", monday))
    assert [c.source_id for c in row.citations] == ["a", "b"]  # a source that tells it twice is cited once
    geneva = ended.replace("Berlin", "Geneva")
    assert len(_timeline_rows(("a", span, later), ("b", geneva, monday))) == 2  # no place or names shared
    went_on = ended.replace("ended on Monday", "went on on Monday")
    assert len(_timeline_rows(("a", span, later), ("b", went_on.replace("Two days of talks", "Talks"), monday))) == 2
    sunday_only = both_days.replace(" and again on Monday morning", "")
    assert len(_timeline_rows(("a", span, later), ("b", sunday_only, monday))) == 2  # a day of it: maybe another meeting
    dinner = "Merz hosted a dinner for Witkoff, Kushner and European leaders in Berlin on Monday."
    assert len(_timeline_rows(("a", span, later), ("b", dinner, monday))) == 2  # its last day, but maybe another meeting


def test_a_meeting_told_by_its_days_its_first_day_and_an_arrival_for_it_is_one_timeline_row() -> None:
    """The written situation brief's timeline had two rows for the Miami meeting: w11's "Kirill Dmitriev … arrives
    in Miami for talks with Witkoff and Kushner" (20 December) and w8's "… met Russian envoy Kirill Dmitriev in
    Miami on Saturday and Sunday" (20 and 21 December); and w7's "… met Steve Witkoff and Jared Kushner on Saturday
    and again today" was a third. Days in a row are a span, as "20–21 December" is: one row citing all three. Not
    an arrival for talks elsewhere, nor one on the span's last day, nor a day of the span told with no arrival."""
    both_days = "Separately, the US envoys met Russian envoy Kirill Dmitriev in Miami on Saturday and Sunday."
    today = ("Kremlin envoy Kirill Dmitriev met Steve Witkoff and Jared Kushner on Saturday and again today, and "
             "both sides called the meetings constructive.")
    arrives = "On Saturday Dmitriev arrived in Miami for talks with Witkoff and Kushner."  # not half its words
    saturday, sunday, monday = dt.date(2025, 12, 20), dt.date(2025, 12, 21), dt.date(2025, 12, 22)
    [row] = _timeline_rows(("a", both_days, monday), ("b", today, sunday), ("c", arrives, sunday))
    assert (row.date, row.more_dates, row.text) == (saturday, ((sunday, "day"),), both_days)
    assert [c.source_id for c in row.citations] == ["a", "b", "c"]
    [row] = _timeline_rows(("c", arrives, sunday), ("b", today, sunday), ("a", both_days, monday))
    assert sorted(c.source_id for c in row.citations) == ["a", "b", "c"]  # whichever the material's order
    assert len(_timeline_rows(("a", both_days, monday), ("c", arrives.replace("Miami", "Riyadh"), sunday))) == 2
    on_sunday = arrives.replace("Saturday", "Sunday")
    assert len(_timeline_rows(("a", both_days, monday), ("c", on_sunday, monday))) == 2  # arrived when it was half over
    met = "Dmitriev opened talks with Witkoff and Kushner in Miami on Saturday."
    assert len(_timeline_rows(("a", both_days, monday), ("c", met, sunday))) == 2  # a day of it: maybe another meeting


def test_a_span_of_days_written_once_is_one_timeline_row_that_verify_checks(tmp_path: Path) -> None:
    paths, workspace = project(tmp_path, {
        "alpha": ("2025-12-18", "Alpha Post",
                  ["Envoys met from 1 to 10 March in Geneva to draft the security chapter of the plan.",
                   *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, sections=[{"id": "timeline", "max_items": 10}], key_points=0)
    briefing = assemble_briefing(workspace, recipe)
    [row] = [e for e in section(briefing, "timeline").entries if e.text.startswith("Envoys met")]
    assert (row.date, row.until, row.date_text) == (dt.date(2025, 3, 1), (dt.date(2025, 3, 10), "day"),
                                                    "1–10 March 2025")
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "| 1–10 March 2025 | Envoys met from 1 to 10 March" in markdown
    assert verify_brief(markdown, workspace) == []
    [mismatch] = verify_brief(markdown.replace("| 1–10 March 2025 |", "| 1–11 March 2025 |"), workspace)
    assert (mismatch.kind, mismatch.text) == ("date", "1–11 March 2025")


def _built(tmp_path: Path, articles: dict[str, tuple[str, str, list[str]]]) -> tuple[Workspace, str]:
    paths, workspace = project(tmp_path, articles)
    recipe = recipe_for(paths, workspace)
    return workspace, markdown_of(paths, workspace, assemble_briefing(workspace, recipe), recipe)


def test_a_sentences_dates_given_later_one_first_verify_in_date_order(tmp_path: Path) -> None:
    """The build writes a sentence's dates in date order ("October 2025 and January 2026") whichever it gives
    first; verify read them only in the sentence's order."""
    workspace, markdown = _built(tmp_path, {"a": ("2025-12-01", "Alpha Post", [
        "Negotiators said talks would resume in January 2026, after a pause that began in October 2025 when the "
        "Kremlin rejected the draft.", *PARAGRAPHS])})
    assert "| October 2025 and January 2026 | Negotiators said talks would resume" in markdown
    assert verify_brief(markdown, workspace) == []


def test_a_correspondents_label_and_courtesy_stay_out_of_an_item_shown_with_its_context(tmp_path: Path) -> None:
    """An item whose sentence leans on the one before shows that one too: without the programme voice's label
    and courtesy, as any passage of theirs."""
    workspace, markdown = _built(tmp_path, {"b": ("2025-12-21", "Evening Report", [
        "ANCHOR: Good evening. Russian and American envoys held a second day of talks in Miami on ending the war "
        "in Ukraine, and both sides called the meetings constructive.",
        "HANNA KOVALSKA (correspondent): Thank you. Ukraine's chief negotiator Rustem Umerov briefed President "
        "Zelensky on the Miami talks on Sunday evening. He said the security guarantees document was in its final "
        "stage and close to agreement with the Americans.",
        "DANIEL FERREIRA (analyst): I would not expect a ceasefire before the spring, because Moscow still wants "
        "the whole of the Donbas and Kyiv will not give it up.",
        "ANCHOR: Thanks, Daniel. The Kremlin said it would study the revised American documents before "
        "responding to Washington."])})
    assert "Umerov briefed President Zelensky" in markdown and "Russian and American envoys held" in markdown
    assert "KOVALSKA" not in markdown and "ANCHOR" not in markdown
    assert "Thank you." not in markdown and "Good evening." not in markdown
    assert verify_brief(markdown, workspace) == []


def test_a_dateline_stays_out_of_an_item_shown_with_its_context(tmp_path: Path) -> None:
    """"This statement, …" is shown after the sentence it leans on, and that sentence without its dateline, as
    it would be shown alone."""
    workspace, markdown = _built(tmp_path, {"k": ("2025-12-21", "Kyiv Desk", [
        "KYIV – It has been one year since Donald Trump told Volodymyr Zelensky in the Oval Office that Ukraine did "
        "not have the cards for a peace deal with Russia. This statement, made in front of the cameras, implied "
        "that Ukraine's survival hinged on accepting Washington's terms for talks with the Kremlin.",
        *PARAGRAPHS])})
    assert "It has been one year since Donald Trump told" in markdown and "This statement, made" in markdown
    assert "KYIV" not in markdown
    assert verify_brief(markdown, workspace) == []


def test_how_talks_ended_is_a_key_point_though_the_meeting_covers_its_topics(tmp_path: Path) -> None:
    """Key points prefer passages on topics not yet covered; how the meeting ended is news on the same topics as
    the meeting itself, and must not lose its place to two forecasts."""
    paths, workspace = project(tmp_path, {
        "m": ("2025-12-03", "Alpha Post", [
            "U.S. envoy Steve Witkoff met Russian President Vladimir Putin at the Kremlin in Moscow on Tuesday "
            "for talks on the U.S. peace plan.",
            "The talks, which lasted five hours, ended without a breakthrough, the Kremlin said.",
            "European governments will likely face pressure to raise defence spending as the war drags on.",
            "Sanctions on Russian oil exports could be tightened further next year if shipments rise.",
        ]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace, key_points=3))
    texts = [point.text for point in briefing.key_points]
    assert any("met Russian President Vladimir Putin" in text for text in texts), texts
    assert any("ended without a breakthrough" in text for text in texts), texts


def test_a_passage_whose_sentence_before_leans_too_is_shown_after_both(tmp_path: Path) -> None:
    """"he vowed" points to the "he said" before it, which points to Putin before that: the item shows the three,
    rather than dropping the threat because its sentence before cannot stand as context alone."""
    paths, workspace = project(tmp_path, {
        "v": ("2025-12-18", "Alpha Post", [
            "Putin, meeting his generals in Moscow, insists that time is on Russia's side in the war. “The goals "
            "of the military operation will be achieved,” he said on Monday. If Kyiv refuses talks on Moscow's "
            "terms, he vowed Russia would take the disputed regions by force.",
            *PARAGRAPHS]),
    })
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    [item] = [i for i in briefing.all_items() if "he vowed" in i.text]
    assert item.text.startswith("Putin, meeting his generals in Moscow")
    assert "“The goals of the military operation will be achieved,” he said on Monday." in item.text
    assert not [i for i in briefing.all_items() if i is not item and "The goals of" in i.text]


def test_that_sequencing_is_shown_after_a_sentence_that_leans_only_on_its_yet(tmp_path: Path) -> None:
    """Seed 000: "That sequencing remains the most combustible point of disagreement …" says what only the
    sentence before says ("move toward a deal now, then fill in security guarantees later"), which opens on
    "Yet". "Yet" sets the pair against what came before, but the pair says all it says: it is shown. A sentence
    before that says "it" after its "But" is shown after its own sentence before: the item starts where the text
    reads alone."""
    sentences = ("As the year went on, Rubio showed more flexibility toward the concerns of Kyiv in the talks. "
                 "Yet the center of gravity in U.S. pressure has sat on Zelensky's side of the table: move toward "
                 "a deal now, then fill in security guarantees later. That sequencing remains the most combustible "
                 "point of disagreement with Kyiv and EU capitals in the peace talks.")
    paths, workspace = project(tmp_path, {"q": ("2025-12-18", "Alpha Post", [sentences, *PARAGRAPHS])})
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    [item] = [i for i in briefing.all_items() if "That sequencing" in i.text]
    assert item.text.startswith("Yet the center of gravity")
    leaning = sentences.replace("Yet the center of gravity in U.S. pressure has", "But it has")
    (tmp_path / "it").mkdir()
    paths, workspace = project(tmp_path / "it", {"q": ("2025-12-18", "Alpha Post", [leaning, *PARAGRAPHS])})
    briefing = assemble_briefing(workspace, recipe_for(paths, workspace))
    [item] = [i for i in briefing.all_items() if "That sequencing" in i.text]
    assert item.text.startswith("As the year went on, Rubio showed more flexibility")


def test_a_paragraph_opening_on_he_is_shown_after_the_paragraph_before_that_names_him(tmp_path: Path) -> None:
    """News prose gives a speaker's next sentence a paragraph of its own: "He indicated that … “unacceptable”"
    says who "he" is only in the paragraph before. The item shows both, on one line, and verify finds it."""
    paths, workspace = project(tmp_path, {
        "u": ("2025-12-04", "Alpha Post", [
            "Kremlin aide Yuri Ushakov described the discussions as “constructive”, but no compromise on territory "
            "had been found.",
            "He indicated that while some American formulations were “more or less acceptable,” other key points "
            "were “unacceptable” to Moscow.",
            "Pavel Baev, an analyst in Oslo, said the talks had stalled on three points, listed below.",
            "- Territory",
            "He added that sanctions relief and the frozen assets would have to be settled before any signature.",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    [item] = [i for i in briefing.all_items() if "“unacceptable”" in i.text]
    assert item.text.startswith("Kremlin aide Yuri Ushakov described the discussions")
    assert "had been found. He indicated that" in item.text  # one line: the paragraph break is a space
    assert not [i for i in briefing.all_items() if i is not item and "“constructive”" in i.text]
    # after a list, "he" is not whoever the sentence before the list names
    assert not [i for i in briefing.all_items() if "listed below" in i.text and "He added" in i.text]
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert verify_brief(markdown, workspace) == []


def test_a_chronologys_quote_is_dated_by_its_heading_and_a_weekly_leaves_out_one_said_before_its_window(
        tmp_path: Path) -> None:
    """A week-in-review of 21 December quotes Rubio under "Nov. 30": he said it on 30 November, not on the
    article's day, and it is no key quote of the week of 15 to 21 December; a whole-corpus brief keeps it, dated."""
    paths, workspace = project(tmp_path, {
        "w": ("2025-12-21", "Alpha Post", [
            "### Nov. 30",
            "Umerov meets Marco Rubio, the Secretary of State, in Florida. “We are closer than we were, and not as "
            "close as we need to be,” says Rubio.",
            "### Saturday 20 December",
            "“We will not sign anything that gives away our land,” said Olena Petrenko, a Ukrainian negotiator.",
            *PARAGRAPHS]),
    })
    whole = recipe_for(paths, workspace, sections=[{"id": "key-quotes"}])
    briefing = assemble_briefing(workspace, whole)
    when = {q.speaker: q.when for q in section(briefing, "key-quotes").entries}
    assert when == {"Marco Rubio": "30 November 2025", "Olena Petrenko": "20 December 2025"}
    markdown = markdown_of(paths, workspace, briefing, whole)
    assert verify_brief(markdown, workspace) == []
    [mismatch] = verify_brief(markdown.replace("· 30 November 2025", "· 21 December 2025"), workspace)
    assert mismatch.kind == "quote date"
    weekly = assemble_briefing(workspace, recipe_for(paths, workspace, window="7d",
                                                     sections=[{"id": "key-quotes"}]))
    assert [q.speaker for q in section(weekly, "key-quotes").entries] == ["Olena Petrenko"]


def test_a_weekly_leaves_out_what_a_chronology_tells_under_a_day_before_its_window(tmp_path: Path) -> None:
    """A week in review of 21 December tells under "Tuesday 2 December" what Ushakov said then: that is not news
    of the week of 15 to 21 December, though the article is; its "Saturday 20 December" paragraph is. A brief
    of the whole corpus keeps both, and the index's window agrees with :meth:`ExcerptQuery.admits`."""
    paths, workspace = project(tmp_path, {
        "w": ("2025-12-21", "Alpha Post", [
            "### Tuesday 2 December",
            "Kremlin aide Yuri Ushakov says some American proposals on territory can be worked on while others are "
            "unacceptable to Moscow in the peace talks.",
            "### Dec. 14–15",
            "In Berlin the envoys hold two days of talks on security guarantees for Ukraine with Zelensky.",
            "### Saturday 20 December",
            "Kremlin envoy Kirill Dmitriev meets Witkoff in Miami, and both sides call the peace talks on "
            "territory constructive.",
            *PARAGRAPHS]),
    })
    told = {" ".join(e.text.split()[:2]): e.told for e in workspace.index.excerpts_of("w")}
    assert told["Kremlin aide"] == dt.date(2025, 12, 2) and told["In Berlin"] == dt.date(2025, 12, 15)
    assert told["Kremlin envoy"] == dt.date(2025, 12, 20)
    weekly = assemble_briefing(workspace, recipe_for(paths, workspace, window="7d"))
    texts = " ".join(i.text for i in weekly.all_items())
    assert "Dmitriev" in texts and "Berlin" in texts and "Ushakov" not in texts
    whole = assemble_briefing(workspace, recipe_for(paths, workspace))
    assert "Ushakov" in " ".join(i.text for i in whole.all_items())
    query = ExcerptQuery(start=dt.date(2025, 12, 15), end=dt.date(2025, 12, 21), include_untagged=True)
    every = workspace.index.excerpts_of("w")
    assert {e.id for e in workspace.index.select(query)} == {e.id for e in every if query.admits(e)}
    assert len({e.id for e in every if query.admits(e)}) < len(every)


def test_an_item_of_a_list_an_analysts_guess_introduces_says_so_and_verify_checks_the_words(tmp_path: Path) -> None:
    """Seed 002: "Analysts suggest that the core points of contention likely revolve around three … areas:" then
    "• Security Guarantees: Russia's insistence …". Alone, the item reads as an established sticking point; it is
    shown "listed under" its introduction, which verify reads as a quotation. A list that "The plan has two
    parts:" introduces is shown as it is."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", [
            "Envoys met in Moscow for five hours of peace talks on territory and security guarantees.",
            "Ushakov said some points were unacceptable to Moscow. Analysts suggest that the core points of "
            "contention likely revolve around two areas:",
            "• Security Guarantees:",
            "Russia's insistence on the non-expansion of NATO versus Ukraine's demand for lasting security "
            "guarantees from Western partners.",
            "• Territorial Integrity:",
            "Russia's demand for the recognition of annexed territory versus Ukraine's commitment to its 1991 "
            "borders in the peace talks.",
            *PARAGRAPHS]),
        "b": ("2025-12-04", "Beta News", [
            "The envoys brought a new text to Kyiv on Monday. The new peace plan has two parts:",
            "• Ceasefire Terms:",
            "A ceasefire along the current front line monitored by European troops under a security guarantee.",
            "• Sanctions Relief:",
            "Staged sanctions relief for Russia tied to compliance with the ceasefire and the peace talks.",
            *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    intro = "Analysts suggest that the core points of contention likely revolve around two areas"  # no colon
    listed = {i.label: i.listed_under for i in briefing.all_items() if i.label}
    assert listed["Security Guarantees:"] == intro and listed["Territorial Integrity:"] == intro
    assert listed["Ceasefire Terms:"] is None and listed["Sanctions Relief:"] is None
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert f"*(listed under “{intro}”)*" in markdown
    assert verify_brief(markdown, workspace) == []
    mismatches = verify_brief(markdown.replace("contention likely revolve", "contention surely revolve"), workspace)
    assert {m.kind for m in mismatches} == {"quotation"} and len(mismatches) == 2
    counted = next(i for i in briefing.all_items() if i.label == "Security Guarantees:")
    assert counted.words == replace(counted, listed_under=None).words + 2 + len(intro.split())


def test_a_quotation_woven_into_the_reporters_sentence_ranks_below_one_of_whole_sentences(tmp_path: Path) -> None:
    """w4: "calling it “a strong signal to Moscow …”" does not say, under Zelensky's name alone, what "it" is;
    his "We need an answer from Russia, not more questions" reads alone."""
    paths, workspace = project(tmp_path, {
        "q": ("2025-12-19", "Alpha Post", [
            "EU leaders agreed on Friday to lend Ukraine 90 billion euros. President Volodymyr Zelensky welcomed "
            "the decision, calling it “a strong signal to Moscow that waiting for Europe to grow tired will not "
            "work.”",
            "Ukraine has done its part by agreeing the documents with the Americans, Zelensky said on Friday. “We "
            "need an answer from Russia, not more questions,” he said.",
            *PARAGRAPHS]),
    })
    recipe = recipe_for(paths, workspace, key_points=0, sections=[{"id": "key-quotes", "max_items": 1}])
    quotes = [q.text for q in section(assemble_briefing(workspace, recipe), "key-quotes").entries]
    assert quotes == ["We need an answer from Russia, not more questions"]



def test_a_differing_figure_that_starts_its_sentence_reads_in_lower_case(tmp_path: Path) -> None:
    """ "Three large prisoner exchanges …" opens its sentence; beside another source's "five", in a note and a row
    of "Where sources differ", it reads "three", and verify still finds it as its source writes it."""
    paths, workspace = project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", ["Three large prisoner exchanges took place in 2025, officials said.",
                                           *PARAGRAPHS]),
        "b": ("2025-12-02", "Beta News", ["Officials said five large prisoner exchanges took place in 2025.",
                                          *OTHERS]),
    })
    recipe = recipe_for(paths, workspace)
    briefing = assemble_briefing(workspace, recipe)
    (listed,) = section(briefing, "sources-differ").entries
    assert sorted(r.text for r in listed.readings) == ["five", "three"]
    markdown = markdown_of(paths, workspace, briefing, recipe)
    assert "Three [" not in markdown and "three [" in markdown
    assert verify_brief(markdown, workspace) == []
