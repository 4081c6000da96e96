"""brief.editions: new items marked, dropped items listed, "What changed" and ``only_new``.

The shipped corpus has one article dated 2 December 2025 and one dated 4 December:
the weekly brief as of the 2nd sees the first only, as of the 4th both.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from brief.briefing import BriefItem, DroppedItem, EditionComparison
from brief.build import BuildResult, build
from brief.errors import UserError
from brief.event_clauses import without_elision
from brief.rebuild import rebuild_from_manifest
from brief.recipe import load_recipe
from brief.templating import escape_markdown
from brief.verify import verify_brief
from brief.workspace import ProjectPaths, load_workspace

from .conftest import words_read

EARLIER, LATER = dt.date(2025, 12, 2), dt.date(2025, 12, 4)
NEW_MARK = "- **New** · "


def as_shown(item: BriefItem | DroppedItem) -> str:
    """An item's text as the brief's Markdown shows it: the article's label for the point in bold."""
    if item.label:
        return f"**{escape_markdown(item.label)}** {escape_markdown(item.after_label)}"
    return escape_markdown(item.text)


def paths(project: Path) -> ProjectPaths:
    return ProjectPaths(root=project, corpus=project / "seeds", briefings=project / "briefings")


def recipe_with(project: Path, name: str, *, what_changed: bool = True, only_new: bool = False,
                max_words: int | None = None) -> str:
    """The weekly recipe, Markdown only, with a "What changed" section first and/or only_new."""
    text = (project / "briefings" / "weekly.yaml").read_text(encoding="utf-8")
    text = text.replace("formats: [md, pdf]", "formats: [md]")
    if what_changed:
        text = text.replace("sections:\n", "sections:\n  - {id: what-changed}\n", 1)
    if only_new:
        text += "only_new: true\n"
    if max_words is not None:
        text += f"max_words: {max_words}\n"
    (project / "briefings" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return f"{name}.yaml"


def build_at(project: Path, recipe: str, as_of: dt.date) -> BuildResult:
    return build(paths(project), project / "briefings" / recipe, out_dir=project / "out", as_of=as_of)


def reported(result: BuildResult) -> set[str]:
    """The excerpt ids an edition reported, as its manifest says."""
    assert result.manifest is not None
    data = json.loads(result.manifest.read_text(encoding="utf-8"))
    return {i for item in data["items"] for i in item["excerpt_ids"]} | set(data["held_back"])


def shown(result: BuildResult) -> list[BriefItem]:
    return result.briefing.all_items()


def section_text(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip()


def test_the_next_edition_marks_new_items_and_lists_those_that_dropped_out(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    first = build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    before = reported(first)
    had = {e.source_id for e in load_workspace(paths(project)).excerpts_by_id(before)}  # its window: 003 only
    for item in shown(second):
        news = any(c.source_id not in had for c in item.citations)
        assert item.new == (news and not any(i in before for i in (*item.excerpt_ids, *item.restates))), item.text
    new_items = [item for item in shown(second) if item.new]
    assert new_items and len(new_items) < len(shown(second)), "some items are new, some were there before"
    assert second.markdown.count(NEW_MARK) == len(new_items)
    for item in new_items:
        assert f"{NEW_MARK}{as_shown(item)} " in second.markdown

    now = {i for item in shown(second) for i in (*item.excerpt_ids, *item.restates)}
    dropped = [item for item in shown(first) if not any(i in now for i in item.excerpt_ids)]
    assert dropped, "the later week's brief leaves some of the earlier items out"
    edition = second.briefing.edition
    assert edition is not None and edition.previous_as_of == EARLIER
    assert [d.text for d in edition.dropped] == [item.text for item in dropped]
    changes = section_text(second.markdown, "What changed")
    assert changes.startswith(f"Since the edition of 2 December 2025 (changes-2025-12-02.md): {len(new_items)} new "
                              f"items, marked **New**; 1 more now carried by a new source as well; {len(dropped)} "
                              "items of that edition dropped out:")
    for item in dropped:
        assert f"- {as_shown(item)} — *Reasons for the Failure of U.S.-Russia Ukraine Talks, " \
               "2 December 2025*" in changes


def test_a_passage_the_last_edition_left_out_of_an_article_it_had_is_not_new(project: Path) -> None:
    """The principal got last week's articles in last week's edition: a passage of them it did not show is no
    development since. Once an article is updated (its text changed), what it says may be."""
    recipe = recipe_with(project, "changes", max_words=400)
    first = build_at(project, recipe, LATER)
    recipe_with(project, "changes")  # the same recipe with room for more items
    second = build_at(project, recipe, LATER + dt.timedelta(days=1))
    before = reported(first)
    unreported = [item for item in shown(second) if not set(item.excerpt_ids) & before and not item.restates]
    assert unreported, "the roomier edition shows passages the first one left out"
    assert not any(item.new for item in shown(second)) and NEW_MARK not in second.markdown
    assert "Since the edition of 4 December 2025 (changes-2025-12-04.md): no new items; " \
        in section_text(second.markdown, "What changed")

    # the same two editions of another recipe, with article 002 updated between them
    recipe = recipe_with(project, "updated", max_words=400)
    first = build_at(project, recipe, LATER)
    article = next((project / "seeds").glob("002_*"))
    article.write_text(article.read_text(encoding="utf-8") + "\n\nThe envoys left Moscow on Wednesday.\n",
                       encoding="utf-8")
    recipe_with(project, "updated")
    second = build_at(project, recipe, LATER + dt.timedelta(days=1))
    before = reported(first)
    unreported = [item for item in shown(second) if not set(item.excerpt_ids) & before and not item.restates]
    updated = {item.text for item in unreported if "002_e759f5f9dd5bc10b" in {c.source_id for c in item.citations}}
    assert updated and len(updated) < len(unreported), "unreported passages of the updated 002 and of 003"
    assert [item.text for item in shown(second) if item.new] == [i.text for i in unreported if i.text in updated]


def test_a_dropped_items_label_is_in_bold_as_it_was_in_its_edition(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    first = build_at(project, recipe, LATER)
    second = build_at(project, recipe, dt.date(2025, 12, 18))  # the week after: the 4 December items drop out
    edition = second.briefing.edition
    assert edition is not None
    labelled = [item for item in edition.dropped if item.label]
    assert "Next Steps:" in [item.label for item in labelled]
    changes = section_text(second.markdown, "What changed")
    for item in labelled:
        assert f"- {as_shown(item)} — *" in changes and f"**{escape_markdown(item.label)}**" in first.markdown


def test_a_first_edition_marks_nothing_and_says_so_once(project: Path) -> None:
    result = build_at(project, recipe_with(project, "changes"), LATER)
    assert not any(item.new for item in shown(result)) and NEW_MARK not in result.markdown
    assert result.markdown.count("First edition: nothing to compare with.") == 1
    assert section_text(result.markdown, "What changed") == "*First edition: nothing to compare with.*"


def test_building_the_same_date_again_gives_the_same_edition(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    first = build_at(project, recipe, EARLIER)
    again = build_at(project, recipe, EARLIER)
    assert again.markdown == first.markdown and NEW_MARK not in again.markdown, "never compared with itself"
    later = build_at(project, recipe, LATER)
    later_again = build_at(project, recipe, LATER)
    assert later_again.markdown == later.markdown
    assert later_again.manifest is not None
    assert json.loads(later_again.manifest.read_text(encoding="utf-8"))["previous"]["as_of"] == "2025-12-02"


def test_an_unchanged_week_has_nothing_new_and_nothing_dropped(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    build_at(project, recipe, LATER)
    next_day = build_at(project, recipe, LATER + dt.timedelta(days=1))
    assert NEW_MARK not in next_day.markdown
    assert section_text(next_day.markdown, "What changed") == (
        "Since the edition of 4 December 2025 (changes-2025-12-04.md): no new items; "
        "nothing of that edition dropped out.")


def test_without_a_what_changed_section_the_header_explains_the_marks(project: Path) -> None:
    recipe = recipe_with(project, "plain", what_changed=False)
    build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    new = sum(item.new for item in shown(second))
    edition = second.briefing.edition
    assert edition is not None
    renewed = sum(bool(item.new_sources) for item in shown(second))
    assert (f"Compared with the edition of 2 December 2025: {new} new items (marked **New**), "
            f"{renewed} more now carried by a new source, {len(edition.dropped)} dropped out.") in second.markdown
    assert "## What changed" not in second.markdown and "unchecked_sections" not in second.markdown


def test_an_item_reported_before_names_the_source_that_now_carries_it_too(project: Path) -> None:
    """The 2 December edition reported from 003 that the talks failed ("So far, no compromise version …"); on
    the 4th, 002's "no compromise" leads an item that carries 003's telling of it too ("ended without any
    breakthrough"). It is not new, but 002 is: the brief says so, and the manifest keeps it."""
    recipe = recipe_with(project, "changes")
    first = build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    before = reported(first)
    excerpts = {e.id: e for e in load_workspace(paths(project)).excerpts_by_id(
        {i for item in shown(second) for i in item.excerpt_ids})}
    for item in shown(second):
        carried = {c.source_id for c in item.citations}
        told = {excerpts[i].source_id for i in item.excerpt_ids if i in before} \
            | {i.rsplit(":", 1)[0] for i in item.restates}
        assert set(item.new_sources) == (set() if item.new else carried - told), item.text
    [renewed] = [item for item in shown(second) if item.new_sources]
    assert not renewed.new and "no compromise" in renewed.text and renewed.source_count == 2
    [number] = renewed.new_source_numbers
    assert renewed.new_sources == (second.briefing.sources[number - 1].source_id,)
    line = next(line for line in second.markdown.splitlines() if as_shown(renewed) in line)
    assert not line.startswith(NEW_MARK) and line.endswith(f" *(2 sources; new since the last edition: source {number})*")
    assert "; 1 more now carried by a new source as well; " in section_text(second.markdown, "What changed")
    assert second.manifest is not None
    records = json.loads(second.manifest.read_text(encoding="utf-8"))["items"]
    assert [r["new_sources"] for r in records if r["new_sources"]] == [list(renewed.new_sources)]
    assert verify_brief(second.markdown, load_workspace(paths(project))) == []


def test_only_new_keeps_what_no_earlier_edition_reported(project: Path) -> None:
    recipe = recipe_with(project, "fresh", only_new=True)
    first = build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    before = reported(first)
    assert shown(second) and all(item.new for item in shown(second))
    assert not {i for item in shown(second) for i in item.excerpt_ids} & before
    held_back = set(second.briefing.held_back_ids)
    assert held_back & before, "held back: the groups of excerpts the earlier edition reported"
    assert not held_back & {i for item in shown(second) for i in item.excerpt_ids}
    assert "Only items new since the edition of 2 December 2025 are shown" in second.markdown
    edition = second.briefing.edition
    assert edition is not None
    assert not [d for d in edition.dropped if d.text in {item.text for item in shown(first)
                                                          if set(item.excerpt_ids) & held_back}], \
        "an item held back as already reported has not dropped out"
    third = build_at(project, recipe, LATER + dt.timedelta(days=1))
    again = {i for item in shown(third) for i in item.excerpt_ids}
    assert not again & reported(second), "what the last edition held back does not come back as new"


def test_only_new_in_a_first_edition_shows_everything_and_says_why(project: Path) -> None:
    result = build_at(project, recipe_with(project, "fresh", what_changed=False, only_new=True), LATER)
    assert not result.briefing.held_back_ids and shown(result)
    about = section_text(result.markdown, "About this brief")
    assert "First edition: nothing to compare with. Every item is shown, although the recipe asks for new items " \
           "only." in about
    assert result.markdown.count("First edition") == 1


def test_verify_accepts_new_marks_and_what_changed_but_not_a_changed_new_item(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    workspace = load_workspace(paths(project))
    assert "unchecked_sections:\n  - \"What changed\"\n---" in second.markdown
    assert verify_brief(second.markdown, workspace) == []
    item = next(item for item in shown(second) if item.new and " the " in item.after_label)
    tampered = second.markdown.replace(as_shown(item), as_shown(replace(item, text=item.text.replace(" the ", " a ", 1))))
    assert tampered != second.markdown
    [mismatch] = verify_brief(tampered, workspace)
    assert mismatch.kind == "statement" and "**New**" not in mismatch.text


def test_recipes_know_the_what_changed_section_and_only_new(project: Path) -> None:
    taxonomy = load_workspace(paths(project)).taxonomy
    recipe = load_recipe(project / "briefings" / recipe_with(project, "changes", only_new=True), taxonomy)
    assert recipe.spec.only_new is True
    assert [(s.id, s.title) for s in recipe.spec.sections][0] == ("what-changed", "What changed")
    bad = project / "briefings" / "bad.yaml"
    bad.write_text("title: x\nsections:\n  - {id: what-chnaged}\nonly_new: sometimes\n", encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_recipe(bad, taxonomy)
    text = error.value.format()
    assert f"{bad}:3: sections[0].id: unknown section (got 'what-chnaged')\n    did you mean 'what-changed'?" in text
    assert f"{bad}:4: only_new:" in text


def test_a_dropped_item_still_shown_in_the_timeline_says_so(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    path = project / "briefings" / recipe
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sections:\n", "sections:\n  - {id: timeline, max_items: 12}\n", 1), encoding="utf-8")
    build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    edition = second.briefing.edition
    assert edition is not None
    (timeline,) = [section for section in second.briefing.extras if section.id == "timeline"]
    events = [" ".join(without_elision(entry.text).split()) for entry in timeline.entries]  # a row may be cut
    for item in edition.dropped:
        in_timeline = any(event in " ".join(item.text.split()) for event in events)
        assert item.still_in == (("Timeline",) if in_timeline else ()), item.text
    still = [item for item in edition.dropped if item.still_in]
    assert still, "the 4 December edition drops the Anchorage/Budapest passage, still a timeline event"
    changes = section_text(second.markdown, "What changed")
    for item in still:
        assert f"- {as_shown(item)} — *" in changes
        assert changes.split(as_shown(item), 1)[1].split("\n", 1)[0].endswith("* (still in Timeline)")


def test_the_budget_holds_the_still_in_notes_of_dropped_items(project: Path) -> None:
    """Which dropped items a timeline row still shows is known only once the timeline is final; the budget
    reserves the note for every one, so the edition never runs over its words."""
    noted = 0
    for max_words in range(700, 1300, 25):
        recipe = recipe_with(project, f"tight{max_words}", max_words=max_words)
        path = project / "briefings" / recipe
        path.write_text(path.read_text(encoding="utf-8").replace(
            "sections:\n", "sections:\n  - {id: timeline, max_items: 12}\n", 1), encoding="utf-8")
        build_at(project, recipe, EARLIER)
        second = build_at(project, recipe, LATER).briefing
        assert second.edition is not None
        assert second.word_count <= max_words
        noted += sum(1 for item in second.edition.dropped if item.still_in)
    assert noted  # some editions did carry the note


DONBAS_WEEK = dt.date(2025, 12, 18)
"""The weekly as of 18 December sees 000 only; 000 says again that Russia wants the rest of Donbas, which the
edition of 4 December reported from 002 ("Moscow continues to demand that Ukraine must relinquish …")."""


def test_a_claim_the_last_edition_carried_from_another_source_is_not_new(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    build_at(project, recipe, LATER)
    later = build_at(project, recipe, DONBAS_WEEK)
    previous = later.briefing.edition
    assert previous is not None and previous.previous_as_of == LATER
    restating_items = [item for item in shown(later) if item.restates]
    [restating, red_line] = [next(item for item in restating_items if item.text.startswith(opening)) for opening in (
        "The core impasse", "For Ukraine, ceding")]
    assert "parts of Donbas" in restating.text and not restating.new and restating.restated_elsewhere
    # and Ukraine's red line on ceding territory, which 002 gave in its words ("… one of Ukraine’s primary “red
    # lines” …")
    assert red_line.text.startswith("For Ukraine, ceding unoccupied territory is a red line")
    assert not red_line.new and red_line.restated_from == restating.restated_from
    # but not Putin's accusing EU leaders of derailing what was agreed at Alaska: 002's Putin accusing European
    # officials was his address of 2 December, and an accusation told two weeks apart is another one
    blame = next(item for item in shown(later) if item.text.startswith("Putin instead cast Europe as the spoiler"))
    assert blame.new and not blame.restates
    manifest = json.loads(later.manifest.read_text(encoding="utf-8")) if later.manifest else {}
    [earlier] = [record for record in manifest["previous"]["items"] if record["excerpt_ids"] == list(restating.restates)]
    assert "relinquish" in earlier["text"] and restating.citations[0].source_id not in earlier["sources"]
    assert [item.new for item in shown(later)].count(False) == 2, "nothing else 000 says was in that edition"
    line = next(line for line in later.markdown.splitlines() if as_shown(restating) in line)
    # It names where: 002, which this week's brief does not cite, by the title and date that edition gave it.
    recorded = manifest["previous"]["sources"]["002_e759f5f9dd5bc10b"]
    assert restating.restated_from == (f"{recorded['title']}, {recorded['published']}",)
    assert restating.restated_from[0].startswith("Path to Peace") and restating.restated_from[0].endswith(
        ", 4 December 2025")
    assert not line.startswith(NEW_MARK) and line.endswith(
        f" *(reported in the last edition from {escape_markdown(restating.restated_from[0])})*")
    assert previous.new_source_count == 2 and previous.new_count == len(shown(later)) - 2
    assert "relinquish" not in section_text(later.markdown, "What changed"), "restated, so it has not dropped out"
    assert sorted(r["restates"] for r in manifest["items"] if r["restates"]) == sorted(
        [list(restating.restates), list(red_line.restates)])
    assert verify_brief(later.markdown, load_workspace(paths(project))) == []


def test_only_new_holds_back_a_claim_the_last_edition_carried_and_keeps_it_reported(project: Path) -> None:
    recipe = recipe_with(project, "fresh", only_new=True)
    first = build_at(project, recipe, LATER)
    later = build_at(project, recipe, DONBAS_WEEK)
    assert shown(later) and all(item.new for item in shown(later))
    assert not any("parts of Donbas" in item.text for item in shown(later))
    [earlier] = [item for item in shown(first) if "relinquish" in item.text]
    held_back = set(later.briefing.held_back_ids)
    assert set(earlier.excerpt_ids) <= held_back, "the restated item is still reported, for the edition after"
    assert later.briefing.edition is not None
    assert "relinquish" not in " ".join(d.text for d in later.briefing.edition.dropped)


def test_an_edition_that_restates_an_earlier_one_rebuilds_byte_for_byte(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    build_at(project, recipe, LATER)
    later = build_at(project, recipe, DONBAS_WEEK)
    assert later.manifest is not None and any(item.restates for item in shown(later))
    again = rebuild_from_manifest(load_workspace(paths(project)), later.manifest, out_dir=project / "again")
    assert again.written[0].read_bytes() == later.written[0].read_bytes()


def test_an_edition_with_what_changed_counts_the_dropped_items_it_lists(project: Path) -> None:
    recipe = recipe_with(project, "changes")
    first = build_at(project, recipe, EARLIER)  # "First edition: nothing to compare with."
    second = build_at(project, recipe, LATER)  # "Since the edition of …", the dropped items listed
    assert second.briefing.edition is not None and second.briefing.edition.dropped
    for edition in (first, second):
        assert edition.briefing.word_count == words_read(edition.markdown)


def test_the_dropped_items_an_edition_lists_count_in_its_budget(project: Path) -> None:
    """Keeping last week's item costs about nothing (else its line is listed); a new one costs its words."""
    recipe = recipe_with(project, "tight", max_words=600)
    first = build_at(project, recipe, EARLIER)
    second = build_at(project, recipe, LATER)
    assert second.briefing.edition is not None
    assert second.briefing.word_count <= 600
    kept = {i for item in shown(second) for i in item.excerpt_ids} & reported(first)
    assert kept and len(second.briefing.edition.dropped) < len(shown(first))


@pytest.mark.parametrize("listing", [False, True], ids=["line under the title", "What changed"])
def test_the_budget_keeps_the_most_a_comparison_says_before_it_knows_what_is_new(listing: bool) -> None:
    dropped = (DroppedItem(text="Talks resumed in Geneva.", sources=("Article a, 1 December 2025",)),)
    told = [EditionComparison(dt.date(2025, 12, 11), "weekly-2025-12-11.md", new, moved, gone)
            for new in (0, 3) for moved in (0, 1) for gone in ((), dropped)]
    besides_dropped = [c.words(listing) - (sum(i.words for i in c.dropped) if listing else 0) for c in told]
    assert max(besides_dropped) == EditionComparison.most_words(listing)
    assert min(besides_dropped) < EditionComparison.most_words(listing)  # kept for the longest, not each
