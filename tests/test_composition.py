"""brief.composition: the analyst's choices as a recipe, one change at a time, with undo and a saved state."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.composition import DEFAULT_TITLE, Composition
from brief.recipe import DateRange, Recipe, RecipeSpec, dump_recipe, load_recipe
from brief.taxonomy import Taxonomy
from brief.workspace import Workspace

SOURCES = ["000_a", "001_b", "002_c"]
TOPICS = ["territory", "nato", "ceasefire"]


def fresh(tmp_path: Path) -> Composition:
    return Composition.new(tmp_path / "briefings", "my-brief")


def test_new_composition(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    assert composition.path == tmp_path / "briefings" / "my-brief.yaml"
    assert composition.spec.title == DEFAULT_TITLE and composition.spec.window == "7d"
    assert composition.spec.sources == "all" and composition.spec.topics == "all"
    assert composition.saved_text is None and composition.unsaved, "never saved: unsaved"
    assert composition.recipe == Recipe(path=composition.path, spec=composition.spec)


def test_toggle_source_off_and_back_to_all(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.toggle_source("001_b", SOURCES)
    assert composition.spec.sources == ["000_a", "002_c"]
    composition.toggle_source("000_a", SOURCES)
    assert composition.spec.sources == ["002_c"]
    composition.toggle_source("000_a", SOURCES)
    assert composition.spec.sources == ["000_a", "002_c"], "kept in corpus order, not in click order"
    composition.toggle_source("001_b", SOURCES)
    assert composition.spec.sources == "all", "every source chosen is written as 'all'"


def test_toggle_topic_off_and_back_to_all(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.toggle_topic("nato", TOPICS)
    assert composition.spec.topics == ["territory", "ceasefire"]
    composition.toggle_topic("territory", TOPICS)
    composition.toggle_topic("ceasefire", TOPICS)
    assert composition.spec.topics == []
    for topic in reversed(TOPICS):
        composition.toggle_topic(topic, TOPICS)
    assert composition.spec.topics == "all"


def test_toggle_source_from_a_list_in_the_recipe(tmp_path: Path) -> None:
    composition = Composition(spec=RecipeSpec(title="t", sources=["002_c"]), path=tmp_path / "r.yaml")
    composition.toggle_source("000_a", SOURCES)
    assert composition.spec.sources == ["000_a", "002_c"]


def test_toggle_included_excludes_then_includes(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.toggle_included("x:1", currently_in_brief=True)
    assert (composition.spec.exclude, composition.spec.include) == (["x:1"], [])
    composition.toggle_included("x:1", currently_in_brief=False)
    assert (composition.spec.exclude, composition.spec.include) == ([], ["x:1"])
    composition.toggle_included("x:1", currently_in_brief=True)
    assert (composition.spec.exclude, composition.spec.include) == (["x:1"], []), "never on both lists"


def test_toggle_pin_adds_removes_and_unexcludes(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.toggle_included("x:1", currently_in_brief=True)
    composition.toggle_pin("x:1")
    assert composition.spec.pin == ["x:1"] and composition.spec.exclude == [], "a key point is not excluded"
    composition.toggle_pin("x:2")
    assert composition.spec.pin == ["x:1", "x:2"]
    composition.toggle_pin("x:1")
    assert composition.spec.pin == ["x:2"]


def test_move_to_section_leaves_earlier_states_alone(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.move_to_section("x:1", "outlook")
    composition.move_to_section("x:2", "background")
    composition.move_to_section("x:1", "sticking-points")
    assert composition.spec.moves == {"x:1": "sticking-points", "x:2": "background"}
    assert [spec.moves for spec in composition.history] == [{}, {"x:1": "outlook"},
                                                            {"x:1": "outlook", "x:2": "background"}]


def test_set_window_and_title(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    composition.set_window("30d")
    assert composition.spec.window == "30d" and composition.spec.as_of == "latest"
    window = DateRange.model_validate({"from": "2025-11-01", "to": "2025-11-30"})
    composition.set_window(window, as_of="2025-11-30")
    assert composition.spec.window == window and composition.spec.as_of == "2025-11-30"
    composition.set_title("Another title")
    assert composition.spec.title == "Another title"


def test_undo_steps_back_one_change_at_a_time(tmp_path: Path) -> None:
    composition = fresh(tmp_path)
    assert composition.undo() is False
    original = composition.spec
    composition.toggle_topic("nato", TOPICS)
    after_topic = composition.spec
    composition.toggle_pin("x:1")
    assert composition.undo() is True and composition.spec == after_topic
    assert composition.undo() is True and composition.spec == original
    assert composition.undo() is False and composition.spec == original


def test_unsaved_follows_the_saved_text(tmp_path: Path) -> None:
    recipe = Recipe(path=tmp_path / "briefings" / "weekly.yaml", spec=RecipeSpec(title="Weekly", window="all"))
    composition = Composition.from_recipe(recipe)
    assert composition.path == recipe.path and composition.spec == recipe.spec
    assert composition.spec is not recipe.spec, "the composition must not change the recipe it came from"
    assert not composition.unsaved
    composition.toggle_pin("x:1")
    assert composition.unsaved
    composition.toggle_pin("x:1")
    assert not composition.unsaved, "back to what was saved: nothing to save"
    composition.toggle_pin("x:1")
    composition.undo()
    assert not composition.unsaved
    assert recipe.spec.pin == []


def test_recipe_text_round_trips_through_load_recipe(tmp_path: Path, taxonomy: Taxonomy) -> None:
    composition = fresh(tmp_path)
    composition.set_title("Talks: the week [in review] — #12")
    composition.set_window(DateRange.model_validate({"from": "2025-11-28", "to": "2025-12-04"}), as_of="2025-12-04")
    composition.toggle_topic("nato", taxonomy.topic_ids())
    composition.toggle_source("001_b", SOURCES)
    composition.toggle_included("000_a:abc", currently_in_brief=True)
    composition.toggle_included("002_c:def", currently_in_brief=False)
    composition.toggle_pin("001_b:123")
    composition.move_to_section("002_c:def", "background")
    composition.reorder("outlook", ["000_a:1", "000_a:2"])
    path = tmp_path / "briefings" / "round.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(composition.recipe_text(), encoding="utf-8")
    loaded = load_recipe(path, taxonomy, source_ids=SOURCES)
    assert loaded.spec == composition.spec
    assert dump_recipe(loaded.spec) == composition.recipe_text()


def test_move_within_section_reorders_the_brief(shipped_workspace: Workspace, tmp_path: Path) -> None:
    recipe = Recipe(path=tmp_path / "situation.yaml", spec=RecipeSpec(title="All", window="all"))
    composition = Composition.from_recipe(recipe)
    briefing = composition.assemble(shipped_workspace)
    section = next(s for s in briefing.sections if len(s.items) >= 3)
    first, second = section.items[0].excerpt_id, section.items[1].excerpt_id
    assert composition.move_within_section(briefing, first, -1) is False, "the first item cannot go up"
    assert composition.history == []
    assert composition.move_within_section(briefing, second, -1) is True
    assert composition.spec.order[section.id][:2] == [second, first]
    again = composition.assemble(shipped_workspace)
    moved = next(s for s in again.sections if s.id == section.id)
    assert [item.excerpt_id for item in moved.items[:2]] == [second, first]
    last = section.items[-1].excerpt_id
    assert composition.move_within_section(briefing, last, +1) is False, "the last item cannot go down"
    assert composition.move_within_section(briefing, "no-such:excerpt", +1) is False


def test_preview_is_what_export_writes(shipped_workspace: Workspace, tmp_path: Path) -> None:
    recipe = Recipe(path=tmp_path / "briefings" / "weekly.yaml", spec=RecipeSpec(title="Weekly", formats=["md"]))
    composition = Composition.from_recipe(recipe)
    briefing = composition.assemble(shipped_workspace)
    preview = composition.preview_markdown(shipped_workspace, briefing)
    result = composition.export(shipped_workspace, tmp_path / "out", formats=["md"])
    [written] = result.written
    assert written.parent == tmp_path / "out" and written.name.startswith("weekly-")
    assert written.read_text(encoding="utf-8") == preview == result.markdown


@pytest.mark.parametrize("change", [
    lambda c: c.toggle_source("000_a", SOURCES),
    lambda c: c.toggle_topic("nato", TOPICS),
    lambda c: c.toggle_included("x:1", True),
    lambda c: c.toggle_pin("x:1"),
    lambda c: c.move_to_section("x:1", "outlook"),
    lambda c: c.reorder("outlook", ["x:1"]),
    lambda c: c.set_window("all"),
])
def test_every_change_can_be_undone(tmp_path: Path, change) -> None:
    composition = fresh(tmp_path)
    before = composition.recipe_text()
    change(composition)
    assert composition.recipe_text() != before
    assert composition.undo() and composition.recipe_text() == before
