"""brief.recipe_ids: a recipe's excerpt ids stay on their passages when an article's text changes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from brief.assembly import assemble_briefing
from brief.composition import Composition
from brief.excerpts import Excerpt
from brief.recipe import Recipe, RecipeSpec, SectionRef, save_recipe
from brief.recipe_ids import (
    AMBIGUITY_MARGIN,
    REATTACH_SIMILARITY,
    nearest_passage,
    reattach_ids,
    similarity,
    with_passages,
)
from brief.workspace import ProjectPaths, Workspace, load_workspace

from .test_assembly import _project

ARTICLE = "000_0207c4399900d62a"
DMITRIEV = "Kirill Dmitriev, head of Russia’s sovereign investment fund, has become a key interface with Witkoff."
KILL_ZONE = "Samus describes a 20-kilometer “kill zone”"
MECHANIZED = "“Any mechanized units, any tank armor or vehicles will be killed immediately,” he said."


def _workspace(project: Path) -> Workspace:
    return load_workspace(ProjectPaths(root=project, corpus=project / "seeds", briefings=project / "briefings"))


def _passage(workspace: Workspace, words: str) -> Excerpt:
    (found,) = [e for e in workspace.excerpts_of(ARTICLE) if words in e.text]
    return found


def _excerpt(text: str, number: int) -> Excerpt:
    return Excerpt(id=f"s:{number}", source_id="s", start=0, end=len(text), text=text, topics=(), section="background",
                   topic_score=0.0, section_score=0.0, paragraph=number, position=0, published=None)


def _edit_article(project: Path, old: str, new: str) -> None:
    path = project / "seeds" / f"{ARTICLE}.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _recipe_choosing(project: Path) -> tuple[str, str]:
    """A recipe that pins the Dmitriev passage (moved to the state of talks) and excludes the kill-zone one,
    saved with their texts as the TUI saves it; their ids."""
    workspace = _workspace(project)
    pinned, excluded = _passage(workspace, DMITRIEV).id, _passage(workspace, KILL_ZONE).id
    spec = RecipeSpec(title="Chosen", window="all", key_points=2, pin=[pinned], exclude=[excluded],
                      moves={pinned: "state-of-talks"},
                      sections=[SectionRef(id="state-of-talks"), SectionRef(id="outlook", max_items=8)])
    save_recipe(project / "briefings" / "chosen.yaml", with_passages(workspace, spec))
    return pinned, excluded


def test_ids_re_attach_after_a_word_of_their_passages_changes(project: Path, cli) -> None:
    pinned, excluded = _recipe_choosing(project)
    _edit_article(project, "has become a key interface", "has become the key interface")
    _edit_article(project, "small, slow-moving infantry", "small slow-moving infantry")

    checked = cli("check", cwd=project)
    assert checked.code == 0, checked.err
    notes = [line for line in checked.out.splitlines() if line.startswith("note:") and "chosen.yaml" in line]
    assert len(notes) == 3  # pin, its move, the exclusion
    assert any(f"pin[0]: {pinned} re-attached to {ARTICLE}:" in line for line in notes)
    assert any(f"exclude[0]: {excluded} re-attached to" in line for line in notes)
    assert all(re.search(r"chosen\.yaml:\d+: ", line) for line in notes)  # each with its line
    assert any(f"moves.{pinned}: {pinned} re-attached" in line for line in notes)  # the key the file has

    built = cli("build", "briefings/chosen.yaml", "--format", "md", "--out", "out", cwd=project)
    assert built.code == 0, built.err
    assert "no passage of the corpus has this excerpt id" not in built.err
    markdown = next((project / "out").glob("chosen-*.md")).read_text(encoding="utf-8")
    key_points = markdown.split("## Key points")[1].split("\n## ")[0]
    assert "has become the key interface with Witkoff" in key_points  # still pinned, in its new wording
    assert "kill zone" not in markdown  # still excluded


def test_an_id_whose_passage_is_gone_is_reported_with_its_line(project: Path, cli) -> None:
    _recipe_choosing(project)
    _edit_article(project, DMITRIEV, "Moscow’s investment envoy now speaks for the Kremlin on business matters.")
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert "chosen.yaml:" in checked.err and "pin[0]: no passage of the corpus has this excerpt id" in checked.err
    assert "the passage the recipe kept for it is no longer in its source" in checked.err


def test_an_id_of_a_source_not_in_the_corpus_says_so(project: Path, cli) -> None:
    (project / "briefings" / "stray.yaml").write_text(
        "title: T\nsections:\n  - {id: outlook}\npin:\n  - gone_article:0123456789\n", encoding="utf-8")
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert "stray.yaml:5: pin[0]: no passage of the corpus has this excerpt id" in checked.err
    assert "no source 'gone_article' is in the corpus" in checked.err
    (project / "briefings" / "stray.yaml").write_text(
        "title: T\nsections:\n  - {id: outlook}\npin:\n  - 0123456789\n", encoding="utf-8")
    assert "not an excerpt id, which reads SOURCE:HASH" in cli("check", cwd=project).err


def test_a_recipe_without_kept_passages_is_left_as_it_is(shipped_workspace: Workspace) -> None:
    spec = RecipeSpec(title="T", include=[f"{ARTICLE}:deadbeef00"])
    assert reattach_ids(shipped_workspace, spec) == (spec, ())


def test_the_nearest_passage_must_be_near_and_the_only_one_so_near() -> None:
    kept = "Russia wants sanctions lifted as part of any deal and its frozen reserves returned."
    changed = _excerpt("Russia wants sanctions lifted as part of any deal, and its frozen reserves returned.", 1)
    other = _excerpt("Ukraine wants guarantees ratified by parliaments before it signs anything at all.", 2)
    found = nearest_passage(kept, [other, changed])
    assert found is not None and found[0] is changed and found[1] > 0.95
    assert nearest_passage(kept, [other]) is None
    twin = _excerpt("Russia wants sanctions lifted as part of any deal and its frozen reserves returned!", 3)
    assert nearest_passage(kept, [changed, twin]) is None  # two passages as near: no guess


def test_a_runner_up_just_below_the_threshold_still_makes_the_nearest_ambiguous() -> None:
    kept = ("Russia wants sanctions lifted as part of any deal, and it wants its frozen central bank reserves "
            "returned in full.")
    best = _excerpt("Moscow demands sanctions lifted as part of a settlement, and it wants its frozen central bank "
                    "reserves returned at once.", 1)
    runner_up = _excerpt("Russia wants sanctions lifted as part of any deal, and it wants its froz.", 2)
    assert similarity(kept, best.text) >= REATTACH_SIMILARITY > similarity(kept, runner_up.text) \
        > similarity(kept, best.text) - AMBIGUITY_MARGIN
    assert nearest_passage(kept, [best]) is not None
    assert nearest_passage(kept, [best, runner_up]) is None


def test_two_ids_of_a_repeated_sentence_do_not_become_one(tmp_path: Path) -> None:
    """An article repeated a sentence (ids X and X-2); the recipe includes one copy and excludes the other.
    The article then drops one copy and rewords the other: which one remains cannot be told, so neither id
    is re-attached (both are reported), rather than both naming one passage that is then included and
    excluded at once."""
    sentence = "Envoys met in Geneva on Monday to discuss the prisoner exchange and the ceasefire line."
    paths = _project(tmp_path, {"a": ("2025-12-03", "Alpha Post", f"{sentence}\n\nThe talks go on.\n\n{sentence}")})
    workspace = load_workspace(paths)
    first, second = [e.id for e in workspace.excerpts_of("a") if e.text == sentence]
    assert second == f"{first}-2"
    spec = with_passages(workspace, RecipeSpec(title="T", include=[first], exclude=[second]))
    article = paths.corpus / "a.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        f"{sentence}\n\nThe talks go on.\n\n{sentence}", sentence.replace("on Monday", "on Tuesday") +
        "\n\nThe talks go on."), encoding="utf-8")
    assert reattach_ids(load_workspace(paths), spec) == (spec, ())


def test_kept_passages_follow_the_ids_the_recipe_names(shipped_workspace: Workspace) -> None:
    named = _passage(shipped_workspace, DMITRIEV)
    spec = RecipeSpec(title="T", include=[named.id, f"{ARTICLE}:gone000000"],
                      passages={f"{ARTICLE}:gone000000": "An old sentence.", f"{ARTICLE}:unnamed000": "Dropped."})
    kept = with_passages(shipped_workspace, spec).passages
    assert kept == {named.id: named.text, f"{ARTICLE}:gone000000": "An old sentence."}


def test_an_opened_recipe_whose_ids_re_attached_is_unsaved_until_saved(project: Path) -> None:
    pinned, _ = _recipe_choosing(project)
    _edit_article(project, "has become a key interface", "has become the key interface")
    from brief.build import load_recipe_for

    workspace = _workspace(project)
    recipe = load_recipe_for(workspace, project / "briefings" / "chosen.yaml")
    assert [r.old_id for r in recipe.reattached] == [pinned]
    composition = Composition.from_recipe(recipe)
    assert composition.unsaved
    composition.keep_passages(workspace)
    (kept,) = [text for excerpt_id, text in composition.spec.passages.items() if excerpt_id == recipe.reattached[0].new_id]
    assert "has become the key interface" in kept


def test_a_sentence_the_recipe_excludes_is_not_shown_as_another_items_context(shipped_workspace: Workspace) -> None:
    lead = _passage(shipped_workspace, MECHANIZED)
    context = _passage(shipped_workspace, KILL_ZONE)
    spec = RecipeSpec(title="T", window="all", as_of="2025-12-18", include=[lead.id],
                      sections=[SectionRef(id="outlook", max_items=8), SectionRef(id="state-of-talks")])
    path = Path("briefings/t.yaml")

    def shown(recipe_spec: RecipeSpec) -> list[str]:
        briefing = assemble_briefing(shipped_workspace, Recipe(path=path, spec=recipe_spec),
                                     as_of=dt.date(2025, 12, 18))
        return [item.text for item in briefing.all_items()]

    assert any(KILL_ZONE in text and MECHANIZED in text for text in shown(spec))  # shown with its context
    alone = shown(spec.model_copy(update={"exclude": [context.id]}))
    assert not any(KILL_ZONE in text for text in alone)
    assert MECHANIZED in alone
