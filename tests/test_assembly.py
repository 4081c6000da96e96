"""Assembly: selection by window and topics, merging near-duplicates, caps, budget, composition."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

import brief.assembly
from brief.assembly import assemble_briefing
from brief.errors import UserError
from brief.recipe import load_recipe
from brief.workspace import ProjectPaths, load_workspace

from .conftest import REPO

ARTICLE = """---
title: {title}
outlet: {outlet}
published: {date}
---

{body}
"""

SHARED_CLAIM = ("Moscow demands that Ukraine withdraw its forces from the rest of the Donbas region before any "
                "cease-fire, a condition Kyiv has rejected as a red line.")
SHARED_CLAIM_REWORDED = ("Moscow demands that Ukraine withdraw its forces from the rest of the Donbas region "
                         "before any cease-fire, a condition that Kyiv rejected as a red line on Monday.")


def _project(tmp_path: Path, articles: dict[str, tuple[str, str, str]]) -> ProjectPaths:
    (tmp_path / "seeds").mkdir()
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    for name, (date, outlet, body) in articles.items():
        text = ARTICLE.format(title=f"Article {name}", outlet=outlet, date=date, body=body)
        (tmp_path / "seeds" / f"{name}.md").write_text(text, encoding="utf-8")
    return ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")


def _recipe(paths: ProjectPaths, workspace, **keys):
    data = {"title": "Test brief", "window": "all", "formats": ["md"]} | keys
    path = paths.briefings / "test.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_recipe(path, workspace.taxonomy, source_ids=[s.id for s in workspace.corpus.sources])


@pytest.fixture()
def two_sources(tmp_path: Path):
    paths = _project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", SHARED_CLAIM + "\n\nEnvoys will meet in Geneva next week to discuss "
              "the next steps of the peace talks, officials expect."),
        "b": ("2025-12-03", "Beta News", SHARED_CLAIM_REWORDED + "\n\nThe talks in Moscow ended without a "
              "breakthrough after five hours, the Kremlin said of the peace proposal."),
    })
    return paths, load_workspace(paths)


def test_near_duplicates_become_one_item_citing_both(two_sources) -> None:
    paths, workspace = two_sources
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    merged = [item for item in briefing.all_items() if item.source_count == 2]
    assert len(merged) == 1
    assert {c.source_id for c in merged[0].citations} == {"a", "b"}
    assert [c.number for c in merged[0].citations] == sorted(c.number for c in merged[0].citations)
    texts = [item.text for item in briefing.all_items()]
    assert not (SHARED_CLAIM in texts and SHARED_CLAIM_REWORDED in texts)


OTHER_NEWS = [
    "EU leaders will meet in Brussels next week to decide on a loan for Kyiv, diplomats said.",
    "Ukraine wants security guarantees from its allies before any cease-fire along the current front line.",
    "Russian drones struck the energy grid of Odesa overnight, leaving much of the port city without power.",
    "Hungary has threatened to veto the next package of sanctions against Russian oil exports.",
    "A prisoner exchange brought home 150 Ukrainian soldiers, the largest swap since the summer.",
    "Polls show most Ukrainians reject any deal that would hand over land that Russia has not taken.",
]


def test_a_statement_reworded_by_another_source_is_not_printed_twice(tmp_path: Path) -> None:
    # Too far apart in wording to be merged as near-duplicates, but the same news: five hours, no result.
    lead = ("High-level, five-hour talks between U.S. Special Envoy Steve Witkoff and Russian President "
            "Vladimir Putin ended with the Kremlin confirming that no compromise was reached on territory.")
    reworded = "The discussions, which lasted five hours, ended without any breakthrough."
    paths = _project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", "\n\n".join([lead, *OTHER_NEWS[:3]])),
        "b": ("2025-12-02", "Beta News", "\n\n".join([reworded, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    texts = [item.text for item in briefing.all_items()]
    assert lead in texts and reworded not in texts
    assert OTHER_NEWS[0] in texts and OTHER_NEWS[1] in texts  # other news about the same parties stays


FRIDAY_DEMAND = ("On Friday President Putin repeated that Ukraine must withdraw from the four regions Russia "
                 "claims, and Kyiv says it will not hand over the cities of Kramatorsk and Sloviansk.")
FRIDAY_DEMAND_TOLD_AGAIN = ("Putin repeated on Friday that Ukraine must withdraw from the parts of Donbas it still "
                            "holds, a demand Kyiv has refused since the summer.")


@pytest.mark.parametrize(("other_day", "other_told"), [
    ("2025-12-19", FRIDAY_DEMAND_TOLD_AGAIN),  # published that Friday: the same day's demand
    ("2025-12-26", FRIDAY_DEMAND_TOLD_AGAIN),  # a week later, "on Friday" is the next Friday's: another demand
])
def test_an_event_of_a_day_told_by_two_sources_in_other_words_is_one_item(tmp_path: Path, other_day: str,
                                                                          other_told: str) -> None:
    # Too far apart in wording to be repeats (their overlap is below REDUNDANT_OVERLAP), and not one claim (the
    # sources differ on what was demanded), but the same act of the same day: the timeline gives them one row.
    paths = _project(tmp_path, {
        "a": ("2025-12-21", "Alpha Post", "\n\n".join([FRIDAY_DEMAND, *OTHER_NEWS[:3]])),
        "b": (other_day, "Beta News", "\n\n".join([other_told, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 6} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert (FRIDAY_DEMAND in texts) + (other_told in texts) == (1 if other_day == "2025-12-19" else 2), texts
    assert OTHER_NEWS[0] in texts and OTHER_NEWS[3] in texts


def test_a_passage_is_about_an_event_of_a_day_only_when_its_sentence_is_most_of_it(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"b": ("2025-12-19", "Beta News", FRIDAY_DEMAND_TOLD_AGAIN)})
    excerpt = next(e for e in load_workspace(paths).excerpts_of("b") if "Donbas" in e.text)
    told = brief.assembly._days_told(excerpt, {})
    assert [day for day, _ in told] == [dt.date(2025, 12, 19)] and "donbas" in told[0][1]
    # Its date only the earliest it can have appeared: "on Friday" would be a guess.
    assert brief.assembly._days_told(excerpt, {"b": True}) == ()
    longer = replace(excerpt, text="Bond traders spent the whole day watching Moscow, where the rouble slid "
                                   "against the dollar and the euro for a third session running while the "
                                   "central bank held its fire. " + FRIDAY_DEMAND_TOLD_AGAIN)
    assert brief.assembly._days_told(longer, {}) == ()


def test_an_article_quoting_the_same_words_twice_is_one_item_but_another_article_quoting_them_is_not(
        tmp_path: Path) -> None:
    # One article reports the talks' outcome in its lead and again in a summary point, in different words
    # but with the same quoted phrase; another article quotes the phrase about something else.
    lead = ("The renewed diplomatic effort to broker a peace deal has hit a major roadblock, with a senior "
            "Kremlin aide confirming that “no compromise” was reached during marathon talks in Moscow.")
    summary = ("Diplomatic Deadlock: High-level talks between the U.S. envoy and the Russian president ended "
               "with the Kremlin confirming “no compromise” was reached on the central issue of territory.")
    elsewhere = ("Ukraine’s parliament speaker said there could be “no compromise” on the constitution’s "
                 "borders, whatever the envoys propose.")
    paths = _project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "\n\n".join([lead, *OTHER_NEWS[:3], summary])),
        "b": ("2025-12-03", "Beta News", "\n\n".join([elsewhere, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=1, sections=[{"id": s, "max_items": 5} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert (lead in texts) != (summary in texts)
    assert elsewhere in texts and OTHER_NEWS[0] in texts


def test_a_short_lead_in_sentence_is_left_out_of_the_item(tmp_path: Path) -> None:
    body = ("Despite this, a resolution remains theoretically possible. A comprehensive agreement could "
            "include a cease-fire along current lines and security guarantees for Ukraine.")
    paths = _project(tmp_path, {"a": ("2025-12-03", "Alpha Post", body)})
    workspace = load_workspace(paths)
    (item,) = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0)).all_items()
    assert item.text == body.split(". ", 1)[1]
    assert workspace.excerpt(item.excerpt_id).text == body  # the excerpt itself is whole


def test_a_thin_window_leaves_places_empty_rather_than_fill_them_with_what_cannot_stand_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    strong = ("Moscow demands that Ukraine withdraw its forces from the rest of the Donbas region before any "
              "cease-fire, and Kyiv has rejected the condition as a red line in the peace talks.")
    weak = "“Europe must pay for security guarantees and sanctions on Russian oil,” he said."  # said by whom?
    paths = _project(tmp_path, {"a": ("2025-12-03", "Alpha Post", f"{strong}\n\nBut the talks went on. {weak}")})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 5} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert texts == [strong]
    # It is the stand-alone rule that keeps it out: without it, the empty places take it.
    monkeypatch.setattr(brief.assembly, "_cannot_stand_alone", lambda candidate: False)
    assert [item.text for item in assemble_briefing(workspace, recipe).all_items()] == [strong, weak]
    monkeypatch.undo()
    # Pinned, the analyst's choice is shown all the same.
    weak_id = next(e.id for e in workspace.excerpts_of("a") if weak in e.text)
    pinned = _recipe(paths, workspace, key_points=1, pin=[weak_id])
    assert weak in [item.text for item in assemble_briefing(workspace, pinned).all_items()]


def test_sources_are_numbered_by_first_citation(two_sources) -> None:
    paths, workspace = two_sources
    briefing = assemble_briefing(workspace, _recipe(paths, workspace))
    order = []
    for item in briefing.all_items():
        for citation in item.citations:
            if citation.source_id not in order:
                order.append(citation.source_id)
    assert [entry.source_id for entry in briefing.sources] == order
    assert [entry.number for entry in briefing.sources] == list(range(1, len(order) + 1))


def test_window_selects_by_date_and_empty_window_is_a_user_error(two_sources) -> None:
    paths, workspace = two_sources
    recipe = _recipe(paths, workspace, window="2d", as_of="2025-12-03")
    briefing = assemble_briefing(workspace, recipe)
    assert {c.source_id for item in briefing.all_items() for c in item.citations} == {"b"}
    with pytest.raises(UserError) as caught:
        assemble_briefing(workspace, recipe, as_of=dt.date(2025, 1, 1))
    message = caught.value.format()
    assert "no source falls in the window" in message and "2025-12-03" in message


def test_as_of_latest_is_the_newest_source(two_sources) -> None:
    paths, workspace = two_sources
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, window="7d"))
    assert briefing.as_of == dt.date(2025, 12, 3)
    assert briefing.window_start == dt.date(2025, 11, 27)


def test_the_whole_corpus_as_of_a_date_leaves_out_what_was_published_after_it(tmp_path: Path) -> None:
    paths = _project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", SHARED_CLAIM),
        "b": ("2025-12-03", "Beta News", "The talks in Moscow ended without a breakthrough after five hours, "
              "the Kremlin said of the peace proposal."),
    })
    (paths.corpus / "c.txt").write_text("Undated view\n\nHungary has threatened to veto the next package of "
                                        "sanctions against Russian oil exports, diplomats said.\n", encoding="utf-8")
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0)
    cited = {c.source_id for item in assemble_briefing(workspace, recipe).all_items() for c in item.citations}
    assert cited == {"a", "b", "c"}
    earlier = assemble_briefing(workspace, recipe, as_of=dt.date(2025, 12, 2))
    cited = {c.source_id for item in earlier.all_items() for c in item.citations}
    assert cited == {"a", "c"}  # the undated article may be from any day: it stays
    # the reader knows a source by its title; what the analyst can do is advice for `brief build`, not the brief
    assert "1 source dated after 2 December 2025 was left out: “Article b”." in earlier.notes
    # ... and the reader is told that it may have been written after the brief's date.
    assert ("1 source without a known date was kept, though it may have been written after 2 December 2025: "
            "“Undated view”.") in earlier.notes
    assert earlier.advice == ("give its date in seeds/sources.yaml: c",)
    assert not any("sources.yaml" in note for note in earlier.notes)
    latest = assemble_briefing(workspace, recipe)
    assert not any("without a known date" in note for note in latest.notes)  # nothing later was left out
    # Before every dated source, only the undated would be left: a mistyped year, said so.
    with pytest.raises(UserError) as raised:
        assemble_briefing(workspace, recipe, as_of=dt.date(2020, 12, 2))
    assert "every dated source is dated after 2020-12-02" in str(raised.value)
    assert "the oldest is dated 2025-12-01" in str(raised.value)


def test_a_source_dated_only_from_below_and_left_out_of_the_window_is_named(tmp_path: Path) -> None:
    """The date of an undated article guessed from the days it reports is only where its date can start (audit:
    the weekly of 10 December left out seed 003, dated "2 December 2025 (latest date mentioned)", and said
    nothing). It may have been written in the window: the brief says so, and how to settle it."""
    paths = _project(tmp_path, {
        "a": ("2025-12-10", "Alpha Post", SHARED_CLAIM),
        "old": ("2025-11-20", "Old News", "The talks in Geneva ended without a breakthrough, the envoys said of "
                "the peace proposal."),
    })
    (paths.corpus / "m.txt").write_text("Moscow round\n\nOn December 2, 2025, the talks in Moscow ended without a "
                                        "breakthrough after five hours, the Kremlin said of the peace proposal.\n",
                                        encoding="utf-8")
    (paths.corpus / "e.txt").write_text("Year end\n\nAs 2025 closes, the envoys met again. Kremlin aide Yuri "
                                        "Ushakov said on Dec. 5 that the talks on the peace proposal had made no "
                                        "progress.\n", encoding="utf-8")
    # Neither of these can be of December 2025's weeks: one is written in 2024, one reports nothing after October.
    (paths.corpus / "y.txt").write_text("Last year\n\nAs 2024 closes, the envoys met again. Kremlin aide Yuri "
                                        "Ushakov said on Dec. 18 that the talks had made no progress.\n",
                                        encoding="utf-8")
    (paths.corpus / "z.txt").write_text("October round\n\nOn October 2, 2025, the talks in Geneva ended without a "
                                        "breakthrough, the envoys said of the peace proposal.\n", encoding="utf-8")
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, window="7d")
    week = assemble_briefing(workspace, recipe, as_of=dt.date(2025, 12, 10))  # 4–10 December: "e" is in it
    assert ("1 source dated only by the days its text reports was left out, though it may have been written in "
            "the window: “Moscow round” (2 December 2025, the latest day it mentions).") in week.notes
    assert week.advice == ("give its date in seeds/sources.yaml: m",)
    later = assemble_briefing(workspace, recipe, as_of=dt.date(2025, 12, 12))
    assert ("2 sources dated only by the days their texts report were left out, though they may have been written "
            "in the window: “Year end” (5 December 2025 or later), “Moscow round” (2 December 2025, the latest day "
            "it mentions).") in later.notes
    assert later.advice == ("give their dates in seeds/sources.yaml: e, m",)
    assert not any("old" in note for note in week.notes + later.notes)  # its date is stated: it is not of the week
    with pytest.raises(UserError) as raised:  # nothing dated in the window, but two may be
        assemble_briefing(workspace, recipe, as_of=dt.date(2025, 12, 30))
    assert ("e (5 December 2025 or later), m (2 December 2025, the latest day it mentions) may be of this window: "
            "give their dates in seeds/sources.yaml") in str(raised.value)
    with pytest.raises(UserError) as raised:  # "e" is written in 2025 ("As 2025 closes"): not of January's week
        assemble_briefing(workspace, recipe, as_of=dt.date(2026, 1, 8))
    assert "; m (2 December 2025, the latest day it mentions) may be of this window: give its date" in str(raised.value)
    # Once its date is given, the source is in the window or not, and nothing is said.
    (paths.corpus / "sources.yaml").write_text("sources:\n  m:\n    published: 2025-12-08\n", encoding="utf-8")
    workspace = load_workspace(paths)
    dated = assemble_briefing(workspace, _recipe(paths, workspace, window="7d"), as_of=dt.date(2025, 12, 10))
    assert not any("dated only by" in note for note in dated.notes)
    assert dated.window_source_ids == ("a", "e", "m")


def test_exclude_include_pin_and_move(two_sources) -> None:
    paths, workspace = two_sources
    base = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    victim = base.sections[0].items[0] if base.sections[0].items else base.all_items()[0]
    excluded = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0,
                                                    exclude=list(victim.excerpt_ids)))
    assert victim.excerpt_id not in {i for item in excluded.all_items() for i in item.excerpt_ids}

    outlook_excerpt = next(e for e in workspace.excerpts if "Geneva" in e.text)
    moved = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0,
                                                 moves={outlook_excerpt.id: "sticking-points"}))
    section = next(s for s in moved.sections if s.id == "sticking-points")
    assert outlook_excerpt.id in {i for item in section.items for i in item.excerpt_ids}

    pinned = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, pin=[outlook_excerpt.id]))
    assert [item.excerpt_id for item in pinned.key_points] == [outlook_excerpt.id]
    assert pinned.key_points[0].pinned


def test_order_puts_listed_excerpts_first(shipped_workspace, tmp_path: Path) -> None:
    def brief_with(**keys):
        recipe_path = tmp_path / "ordered.yaml"
        recipe_path.write_text(yaml.safe_dump({"title": "Ordered", "window": "all", "key_points": 0} | keys))
        return assemble_briefing(shipped_workspace, load_recipe(recipe_path, shipped_workspace.taxonomy))

    section = brief_with().sections[0]
    assert len(section.items) >= 3
    wanted = [section.items[-1].excerpt_id, section.items[1].excerpt_id]
    again = brief_with(order={section.id: wanted}).sections[0]
    assert [item.excerpt_id for item in again.items[:2]] == wanted
    assert {item.excerpt_id for item in again.items} == {item.excerpt_id for item in section.items}


def test_caps_and_word_budget(shipped_workspace, tmp_path: Path) -> None:
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    recipe_path = tmp_path / "small.yaml"
    recipe_path.write_text(yaml.safe_dump({
        "title": "Small", "window": "all", "key_points": 2, "max_words": 250,
        "sections": [{"id": "state-of-talks", "max_items": 2}, {"id": "outlook", "max_items": 1}]}))
    recipe = load_recipe(recipe_path, shipped_workspace.taxonomy)
    briefing = assemble_briefing(shipped_workspace, recipe)
    assert len(briefing.key_points) == 2
    assert len(briefing.sections[0].items) <= 2 and len(briefing.sections[1].items) <= 1
    assert briefing.word_count <= 250
    assert paths.root == REPO


def test_topic_filter(shipped_workspace, tmp_path: Path) -> None:
    recipe_path = tmp_path / "nato.yaml"
    recipe_path.write_text(yaml.safe_dump({"title": "NATO", "window": "all", "topics": ["nato"]}))
    briefing = assemble_briefing(shipped_workspace, load_recipe(recipe_path, shipped_workspace.taxonomy))
    assert briefing.all_items()
    for item in briefing.all_items():
        assert "nato" in item.topics


def test_every_item_is_verbatim_from_its_source(shipped_workspace, tmp_path: Path) -> None:
    recipe_path = tmp_path / "all.yaml"
    recipe_path.write_text(yaml.safe_dump({"title": "All", "window": "all"}))
    briefing = assemble_briefing(shipped_workspace, load_recipe(recipe_path, shipped_workspace.taxonomy))
    by_id = {e.id: e for e in shipped_workspace.excerpts}
    sources = shipped_workspace.corpus.by_id()
    for item in briefing.all_items():
        excerpt = by_id[item.excerpt_id]
        assert excerpt.text == sources[excerpt.source_id].text[excerpt.start:excerpt.end]
        # The item may leave out a short lead-in sentence, never anything at its end or in its middle; or show
        # the sentence before, when the passage leans on it (both verbatim, one after the other).
        source_text = sources[excerpt.source_id].text
        with_context = len(item.excerpt_ids) > 1 and item.text.endswith(excerpt.text) and item.text in source_text
        assert item.text == excerpt.text or (item.text in excerpt.text and excerpt.text.endswith(item.text)) \
            or with_context
        assert excerpt.source_id in {c.source_id for c in item.citations}


# --- reliability grades --------------------------------------------------------------------------------

GENEVA = "Envoys are expected to meet in Geneva next week to discuss the next steps of the peace talks."
LOAN = "EU leaders are expected to approve the new loan for Kyiv at their summit in Brussels next month."


def _graded(tmp_path: Path, grades: dict[str, str], texts: dict[str, str], cap: int = 1):
    """A brief of an outlook section of ``cap`` items on sources ``texts`` (name → one sentence) with ``grades``."""
    (tmp_path / "seeds").mkdir(parents=True)
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    for name, body in texts.items():
        grade = f"reliability: {grades[name]}\n" if grades.get(name) else ""
        (tmp_path / "seeds" / f"{name}.md").write_text(
            f"---\ntitle: Article {name}\noutlet: Outlet {name}\npublished: 2025-12-03\n{grade}---\n\n{body}\n",
            encoding="utf-8")
    paths = ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": "outlook", "max_items": cap}])
    return assemble_briefing(workspace, recipe)


@pytest.mark.parametrize(("grades", "chosen"), [
    ({}, "loan"),                                  # ungraded: the stronger passage
    ({"geneva": "A"}, "geneva"),                   # A outweighs a small lead
    ({"geneva": "B"}, "loan"),                     # B does not: a preference, not a rule
    ({"loan": "E", "geneva": "C"}, "loan"),        # E costs nothing; C adds too little
    ({"loan": "F"}, "loan"),                       # "cannot be judged" is no penalty
])
def test_a_better_grade_wins_only_when_strength_is_close(tmp_path: Path, grades, chosen) -> None:
    from brief.ranking import GRADE_BONUS

    # The premise: ungraded, the loan passage is the stronger, by less than an A grade adds and more
    # than a B grade adds (the rules of topics.yaml and how much each passage says decide by how much).
    strongest, second = _graded(tmp_path / "both", {}, {"geneva": GENEVA, "loan": LOAN}, cap=2).all_items()
    assert (strongest.citations[0].source_id, second.citations[0].source_id) == ("loan", "geneva")
    assert GRADE_BONUS["B"] < strongest.score - second.score < GRADE_BONUS["A"]
    (item,) = _graded(tmp_path / "graded", grades, {"geneva": GENEVA, "loan": LOAN}).all_items()
    assert item.citations[0].source_id == chosen


def test_the_better_graded_source_speaks_for_a_merged_item(tmp_path: Path) -> None:
    ungraded = _graded(tmp_path / "ungraded", {}, {"a": GENEVA, "b": GENEVA})
    graded = _graded(tmp_path / "graded", {"b": "B"}, {"a": GENEVA, "b": GENEVA})
    (plain,) = ungraded.all_items()
    (item,) = graded.all_items()
    assert [c.source_id for c in plain.citations] == ["a", "b"]
    assert item.excerpt_id.startswith("b:") and [c.source_id for c in item.citations] == ["b", "a"]
    assert item.score == pytest.approx(plain.score + 0.2)


# --- one claim or two: numbers and dates -----------------------------------------------------------------

ALL_SECTIONS = [{"id": "state-of-talks"}, {"id": "sticking-points"}, {"id": "outlook"}, {"id": "background"}]


DRONES = "Overnight Russia launched {} drones at power plants in six regions of Ukraine, the Ukrainian air force said."
"""One night's attack as a source reports it, with its count of drones."""


def _whole_corpus_brief(paths: ProjectPaths):
    """A whole-corpus brief of the project's corpus: every excerpt section, no key points."""
    workspace = load_workspace(paths)
    return workspace, assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, sections=ALL_SECTIONS))


def _items_citing(tmp_path: Path, articles: dict[str, tuple[str, str, str]]) -> list[tuple[str, set[str]]]:
    """(text, cited sources) of every item of a whole-corpus brief of ``articles``."""
    _, briefing = _whole_corpus_brief(_project(tmp_path, articles))
    return [(item.text, {c.source_id for c in item.citations}) for item in briefing.all_items()]


def test_counts_of_two_nights_are_not_one_claim_of_two_sources(tmp_path: Path) -> None:
    # Alike in words (air force, Russia launched, drones, missiles, overnight), but two attacks ten days apart.
    items = _items_citing(tmp_path, {
        "wire": ("2025-12-09", "Meridian Wire", "Overnight Russia launched 410 drones and 38 missiles at Ukraine, "
                 "the Ukrainian air force said, targeting power plants and substations in six regions."),
        "blog": ("2025-12-19", "Daily Ledger", "Ukraine's air force says Russia launched 135 drones and four "
                 "ballistic missiles overnight."),
    })
    assert all(len(sources) == 1 for _, sources in items)


def test_two_counts_of_one_night_are_one_item_noting_the_difference(tmp_path: Path) -> None:
    # The same night, 410 drones against 400: one claim of two sources, whose item shows both counts.
    _, briefing = _whole_corpus_brief(_project(tmp_path, {
        "a": ("2025-12-09", "Alpha Post", DRONES.format(410)), "b": ("2025-12-09", "Beta News", DRONES.format(400))}))
    [item] = [item for item in briefing.all_items() if "drones" in item.text]
    assert {c.source_id for c in item.citations} == {"a", "b"}
    [difference] = item.differences
    assert (difference.measure, difference.unit) == ("drones launched in the night to 9 December 2025", "drones")
    number = {c.source_id: c.number for c in item.citations}
    assert {(r.text, r.citations[0].number) for r in difference.readings} == {("410", number["a"]),
                                                                                ("400", number["b"])}


def test_counts_whose_night_is_not_known_are_not_merged(tmp_path: Path) -> None:
    # b has no date of its own: 9 December is only the earliest it can have appeared (the latest date it
    # mentions), so its "overnight" may be another night, and its 400 drones cannot be noted against a's 410.
    paths = _project(tmp_path, {"a": ("2025-12-09", "Alpha Post", DRONES.format(410))})
    (paths.corpus / "b.txt").write_text(
        f"Ukraine war 2025: drone attack on the grid\n\n{DRONES.format(400)}\n\nThe peace talks resumed in Geneva "
        "on Dec. 9, officials said, as 2025 closes without a deal.\n", encoding="utf-8")
    workspace, briefing = _whole_corpus_brief(paths)
    assert {s.id: s.date_is_earliest for s in workspace.corpus.sources} == {"a": False, "b": True}
    drones = [item for item in briefing.all_items() if "drones" in item.text]
    assert drones and all(len(item.citations) == 1 and not item.differences for item in drones)


def test_the_same_count_on_two_dates_is_two_events(tmp_path: Path) -> None:
    items = _items_citing(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "Envoys Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on "
              "Dec. 2 for five hours of talks on the peace plan."),
        "b": ("2025-12-18", "Beta News", "Envoys Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on "
              "Dec. 17 for five hours of talks on the peace plan."),
    })
    assert all(len(sources) == 1 for _, sources in items)


def test_the_same_day_told_two_ways_is_one_event(tmp_path: Path) -> None:
    # "On Tuesday" in articles of Wednesday 3 and Thursday 4 December is 2 December in both; "overnight"
    # in articles of consecutive days may be one night. Dates that meet do not part passages.
    items = _items_citing(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", "Envoys Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on "
              "Tuesday for five hours of talks on the peace plan."),
        "b": ("2025-12-04", "Beta News", "Envoys Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on "
              "Dec. 2 for five-hour talks on the peace plan, officials said."),
        "c": ("2025-12-09", "Gamma Times", DRONES.format(410)),
        "d": ("2025-12-10", "Delta Daily", "Overnight Russia launched some 400 drones at power plants in six "
              "regions of Ukraine, the Ukrainian air force said."),
    })
    assert sorted(sorted(sources) for _, sources in items) == [["a", "b"], ["c", "d"]]


def test_one_remark_told_in_other_inflections_is_one_item(tmp_path: Path) -> None:
    # w8 and w6 of the written corpus: "had not yet studied the revised texts in full … do not bring a settlement
    # closer" and "changes added … do not bring peace closer … after studying the full text". Their plain words
    # meet once "studied"/"studying" and "texts"/"text" are one word each: Moscow's reply is one item, 2 sources.
    items = _items_citing(tmp_path, {
        "a": ("2025-12-22", "Alpha Post", "Kremlin aide Yuri Ushakov said on Sunday that Moscow had not yet studied "
              "the revised texts in full, but that the changes made by Ukraine and the Europeans \"do not bring a "
              "settlement closer\"."),
        "b": ("2025-12-22", "Beta News", "Kremlin aide Yuri Ushakov said on Sunday, Dec. 21, that changes added by "
              "Kyiv and the Europeans \"do not bring peace closer\", and that Moscow would answer only after "
              "studying the full text."),
    })
    assert [sorted(sources) for _, sources in items] == [["a", "b"]]


def test_a_passage_that_also_states_the_other_sides_demand_is_not_a_near_duplicate(tmp_path: Path) -> None:
    # Most words shared, but a says what Kyiv wants too: b's source is not cited for Ukraine's demand (b may
    # still be left out as repeating a).
    items = _items_citing(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "Ukraine demands the return of all occupied land, while Russia insists on "
              "the withdrawal of Ukrainian forces from the remaining Donbas territories."),
        "b": ("2025-12-04", "Beta News", "Moscow continues to demand that Ukraine must relinquish territories that "
              "Russia claims as its own, and insists on the withdrawal of Ukrainian forces from the remaining Donbas "
              "areas currently under Kyiv’s control."),
    })
    assert ["a"] in [sorted(sources) for _, sources in items]
    assert all(len(sources) == 1 for _, sources in items)


def test_two_versions_of_a_plan_are_two_claims(tmp_path: Path) -> None:
    # "Revised" and "earlier" make two plans (brief.differences): neither source makes the other's claim.
    items = _items_citing(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", "Witkoff brought the revised 20-point peace plan to the Kremlin talks "
              "in Moscow, officials said."),
        "b": ("2025-12-03", "Beta News", "Witkoff brought the earlier 28-point peace plan to the Kremlin talks "
              "in Moscow, officials said."),
    })
    assert all(len(sources) == 1 for _, sources in items)


def test_two_counts_of_one_thing_stay_one_item_that_notes_them(tmp_path: Path) -> None:
    # The same measure, the same scope, two values: a difference between sources, shown under one item.
    paths = _project(tmp_path, {
        "a": ("2025-12-01", "Alpha Post", "Envoys from Washington brought a 20-point peace plan to the Kremlin "
              "talks in Moscow with Vladimir Putin, officials said."),
        "b": ("2025-12-02", "Beta News", "Envoys from Washington brought a 28-point peace plan to the Kremlin "
              "talks in Moscow with Vladimir Putin, officials said."),
    })
    _, briefing = _whole_corpus_brief(paths)
    (item,) = briefing.all_items()
    assert {c.source_id for c in item.citations} == {"a", "b"}
    (difference,) = item.differences
    assert sorted(r.text for r in difference.readings) == ["20-point", "28-point"]


def test_passages_that_share_only_names_are_not_one_claim(tmp_path: Path) -> None:
    # Seed 003 says the two men met; seed 002 says how their talks ended. Their shared words are all names and
    # titles, enough for the word measure, but the first source does not report the outcome.
    met = ("On December 2, 2025, Russian President Vladimir Putin met with U.S. Special Envoy Steve Witkoff at the "
           "Kremlin in Moscow.")
    outcome = ("High-level, five-hour talks between U.S. Special Envoy Steve Witkoff and Russian President "
               "Vladimir Putin ended with the Kremlin confirming no compromise was reached on territory.")
    paths = _project(tmp_path, {
        "a": ("2025-12-04", "Alpha Post", "\n\n".join([outcome, *OTHER_NEWS[:3]])),
        "b": ("2025-12-02", "Beta News", "\n\n".join([met, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    (item,) = [item for item in briefing.all_items() if item.text == outcome]
    assert [c.source_id for c in item.citations] == ["a"]


# --- the word budget -------------------------------------------------------------------------------------

LONG_OUTLOOK = ("EU leaders are expected to approve the new loan for Kyiv at their summit in Brussels next month, "
                "and the European Commission is expected to propose using the immobilised Russian central bank "
                "assets to repay it, diplomats said, after Belgium asked for guarantees from the other member "
                "states before it agrees to any use of the money.")


SHORT_OUTLOOK = "Envoys are expected to meet again in Geneva in January."
LONG_TITLE = ("Outlook for the talks on Ukraine and on the loan for Kyiv that the European Union is to decide next "
              "month, and for what comes after")


def test_an_item_too_long_for_the_words_left_gives_way_to_a_shorter_one(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"long": ("2025-12-03", "Long Post", LONG_OUTLOOK),
                                "short": ("2025-12-03", "Short News", SHORT_OUTLOOK)})
    workspace = load_workspace(paths)

    def brief(max_words: int):
        return assemble_briefing(workspace, _recipe(paths, workspace, title=LONG_TITLE, key_points=0,
                                                    max_words=max_words, sections=[{"id": "outlook", "max_items": 2}]))

    roomy = brief(1000)
    long, short = roomy.all_items()  # the premise: the long passage is the stronger
    assert (long.citations[0].source_id, short.citations[0].source_id) == ("long", "short")
    assert long.score > short.score
    tight = brief(100)  # the title block leaves the items too few words for the long one
    assert [item.citations[0].source_id for item in tight.all_items()] == ["short"]
    assert tight.word_count <= 100 < tight.word_count + long.words


def test_an_interviews_framing_is_never_an_item_even_after_the_sentence_that_names_her(tmp_path: Path) -> None:
    framing = "We asked her where the negotiations stand after the Berlin meetings."
    paths = _project(tmp_path, {"a": ("2025-12-03", "Alpha Post",
                                      "Anna Berg served as Sweden's ambassador to Moscow and later to the OSCE. " + framing
                                      + "\n\n" + SHARED_CLAIM + "\n\n" + GENEVA)})
    workspace = load_workspace(paths)
    assert any(framing == e.text for e in workspace.excerpts)  # the premise: a passage of its own
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, sections=ALL_SECTIONS))
    assert briefing.all_items()
    assert not any(framing in item.text for item in briefing.all_items())


def test_a_recipe_of_key_points_and_an_analysts_section_draws_its_key_points_from_every_section(
        shipped_workspace, tmp_path: Path) -> None:
    recipe_path = tmp_path / "flash.yaml"
    recipe_path.write_text(yaml.safe_dump({"title": "Flash", "window": "all", "key_points": 3,
                                           "sections": [{"id": "key-figures", "max_items": 3}]}))
    briefing = assemble_briefing(shipped_workspace, load_recipe(recipe_path, shipped_workspace.taxonomy))
    assert len(briefing.key_points) == 3 and briefing.sections == ()
    assert [part.id for part in briefing.parts] == ["key-figures"]
    assert len({item.section for item in briefing.key_points}) >= 2  # not one section's strongest only


def test_the_budget_spends_an_included_passages_words_before_it_picks_key_points() -> None:
    """An included passage goes in whatever is left: a key point that would leave it no room gives way."""
    from types import SimpleNamespace

    from brief.assembly import _Candidate, _fill, _WordRoom
    from brief.excerpts import Excerpt

    def candidate(name: str, words: int, score: float, *, forced: bool = False) -> _Candidate:
        text = " ".join(f"{name}{i}" for i in range(words)) + "."
        excerpt = Excerpt(id=f"{name}:1", source_id=name, start=0, end=len(text), text=text, topics=(f"t{name}",),
                          section="outlook", topic_score=2.0, section_score=2.0, paragraph=0, position=0,
                          published=None)
        return _Candidate([excerpt], score, frozenset(text.split()), section="outlook", forced=forced)

    strong, middle, included = candidate("a", 16, 3.0), candidate("b", 10, 2.0), candidate("c", 13, 1.0, forced=True)
    spec = SimpleNamespace(key_points=1, sections=[SimpleNamespace(id="outlook", max_items=3)], order={})
    room = _WordRoom(25, lambda c, _key_point: len(c.lead.text.split()))
    key_points, by_section = _fill([strong, middle, included], spec, ["outlook"], room)
    assert included in by_section["outlook"] and strong not in key_points + by_section["outlook"]
    assert key_points == [middle] and room.left == 25 - 13 - 10


def test_the_first_item_of_a_section_saves_its_note_that_it_has_none() -> None:
    """The words left count "Nothing further …" under each empty section: the first item into the section takes
    its own words less the note's, a key point all of its own, and the second item of the section all of its."""
    from brief.assembly import _Candidate, _WordRoom
    from brief.briefing import EMPTY_SECTION_NOTE_WORDS
    from brief.excerpts import Excerpt

    def candidate(name: str) -> _Candidate:
        text = " ".join(f"{name}{i}" for i in range(12)) + "."
        excerpt = Excerpt(id=f"{name}:1", source_id=name, start=0, end=len(text), text=text, topics=("t",),
                          section="outlook", topic_score=2.0, section_score=2.0, paragraph=0, position=0,
                          published=None)
        return _Candidate([excerpt], 1.0, frozenset(text.split()), section="outlook")

    first, second, point = candidate("a"), candidate("b"), candidate("c")
    tight = _WordRoom(10, lambda c, _key_point: 12, empty={"outlook"})
    assert tight.holds([first], []) and not tight.holds([point], [point])
    room = _WordRoom(40, lambda c, _key_point: 12, empty={"outlook"})
    assert room.cost(point, key_point=True) == 12 and room.cost(first) == 12 - EMPTY_SECTION_NOTE_WORDS
    room.spend(point, key_point=True)
    assert room.empty == {"outlook"}  # a key point leaves the section empty
    assert room.holds([point, first, second], [point]) is (12 * 3 - EMPTY_SECTION_NOTE_WORDS <= 28)
    room.spend(first)
    assert room.left == 40 - 12 - (12 - EMPTY_SECTION_NOTE_WORDS) and room.cost(second) == 12


def test_a_recipe_of_key_points_and_what_changed_draws_its_key_points_from_every_section(
        shipped_workspace, tmp_path: Path) -> None:
    recipe_path = tmp_path / "changes.yaml"
    recipe_path.write_text(yaml.safe_dump({"title": "Changes", "window": "all", "key_points": 2,
                                           "sections": [{"id": "what-changed"}]}))
    briefing = assemble_briefing(shipped_workspace, load_recipe(recipe_path, shipped_workspace.taxonomy))
    assert len(briefing.key_points) == 2
    assert all(not section.items for section in briefing.sections)


def test_a_quotation_shown_after_the_sentence_it_illustrates_serves_that_sentences_section(
        shipped_workspace, tmp_path: Path) -> None:
    """"Samus describes a 20-kilometer “kill zone” … “Any mechanized units … will be killed immediately,” he said."
    is context: the "will be" is the speaker's, not a forecast of the article. A section the analyst gives the
    quotation is kept."""
    from brief.recipe import Recipe, RecipeSpec, SectionRef

    sections = [SectionRef(id=s, max_items=12) for s in ("state-of-talks", "sticking-points", "outlook", "background")]

    def section_of_items(**keys) -> dict[str, str]:
        spec = RecipeSpec(title="T", window="7d", key_points=0, sections=sections, **keys)
        briefing = assemble_briefing(shipped_workspace, Recipe(path=tmp_path / "t.yaml", spec=spec),
                                     as_of=dt.date(2025, 12, 18))
        return {item.text: section.id for section in briefing.sections for item in section.items}

    shown = section_of_items()
    (kill_zone,) = [text for text in shown if "kill zone" in text and "will be killed immediately" in text]
    assert shown[kill_zone] == "background"
    (goals,) = [text for text in shown if "insists time is on his side" in text and "achieved unconditionally" in text]
    assert shown[goals] == "sticking-points"
    lead = next(e for e in shipped_workspace.excerpts if e.text.startswith("“Any mechanized units"))
    assert section_of_items(moves={lead.id: "outlook"})[kill_zone] == "outlook"
    # A brief without a context section leaves it out, like any context: it is no outlook for want of one.
    sections = sections[:3]
    assert kill_zone not in section_of_items()


def test_sources_dated_after_the_brief_are_named_by_title_the_first_three_then_counted(tmp_path: Path) -> None:
    """They are left out for a reason the reader knows already: the note names a few, not the whole corpus."""
    paths = _project(tmp_path, {"a": ("2025-12-01", "Alpha Post", SHARED_CLAIM),
                                **{f"l{n}": (f"2025-12-0{n + 2}", "Later News", OTHER_NEWS[n]) for n in range(5)}})
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace), as_of=dt.date(2025, 12, 1))
    assert ("5 sources dated after 1 December 2025 were left out: “Article l0”, “Article l1”, “Article l2” and 2 "
            "more.") in briefing.notes


def test_a_title_on_several_lines_is_named_on_one(tmp_path: Path) -> None:
    """A title sources.yaml gives with line breaks ("First line\n\n## Injected heading") split `brief build`'s
    warning over lines, the second opening on "## …"."""
    paths = _project(tmp_path, {"a": ("2025-12-01", "Alpha Post", SHARED_CLAIM),
                                "b": ("2025-12-05", "Beta News", OTHER_NEWS[0])})
    (paths.corpus / "sources.yaml").write_text('sources:\n  b:\n    title: "First line\\n\\n## Injected"\n',
                                               encoding="utf-8")
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace), as_of=dt.date(2025, 12, 1))
    assert "1 source dated after 1 December 2025 was left out: “First line ## Injected”." in briefing.notes
