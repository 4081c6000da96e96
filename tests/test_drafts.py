"""brief.drafts: the auto-saved draft round-trips, and a draft that cannot be read is simply no draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.drafts import Draft, draft_path, load_draft, save_draft
from brief.recipe import DateRange, RecipeSpec, dump_recipe


def spec() -> RecipeSpec:
    return RecipeSpec(title="Talks — “weekly” [draft]", window=DateRange.model_validate(
        {"from": "2025-11-28", "to": "2025-12-04"}), topics=["territory", "nato"], pin=["000_a:1"],
        exclude=["001_b:2"], moves={"002_c:3": "outlook"}, order={"outlook": ["002_c:3"]})


@pytest.mark.parametrize("saved_text", [None, "title: Talks\n"])
def test_save_then_load_round_trips(tmp_path: Path, saved_text: str | None) -> None:
    recipe_path = tmp_path / "briefings" / "weekly.yaml"
    written = save_draft(tmp_path, recipe_path, spec(), saved_text)
    assert written == draft_path(tmp_path) == tmp_path / ".brief" / "draft.yaml"
    assert written.read_text(encoding="utf-8").startswith("# brief's auto-saved draft")
    assert load_draft(tmp_path) == Draft(recipe_path=recipe_path, spec=spec(), saved_text=saved_text)


def test_a_new_draft_replaces_the_old_one(tmp_path: Path) -> None:
    save_draft(tmp_path, tmp_path / "a.yaml", spec(), None)
    save_draft(tmp_path, tmp_path / "b.yaml", RecipeSpec(title="Second"), dump_recipe(RecipeSpec(title="Second")))
    draft = load_draft(tmp_path)
    assert draft is not None
    assert draft.recipe_path == tmp_path / "b.yaml" and draft.spec.title == "Second"
    assert list((tmp_path / ".brief").iterdir()) == [draft_path(tmp_path)], "no temporary file is left behind"


def test_no_draft_is_none(tmp_path: Path) -> None:
    assert load_draft(tmp_path) is None


@pytest.mark.parametrize("content", [
    b"",
    b"recipe: [unclosed\n",
    b"- a list\n- not a mapping\n",
    b"just a string\n",
    b"recipe_path: briefings/x.yaml\n",
    b"recipe: 'title: x'\n",
    b"recipe_path: briefings/x.yaml\nrecipe: 5\n",
    b"recipe_path: null\nrecipe: 'title: x'\n",
    b"recipe_path: briefings/x.yaml\nrecipe: 'titel: x'\n",
    b"recipe_path: briefings/x.yaml\nrecipe: 'title: [x'\n",
    b"recipe_path: briefings/x.yaml\nrecipe: 'title: x'\nsaved_text: 5\n",
    b"\xff\xfe\x00 not UTF-8",
], ids=["empty", "bad-yaml", "list", "string", "no-recipe", "no-path", "recipe-not-text", "null-path",
        "invalid-recipe", "recipe-bad-yaml", "saved-text-not-text", "binary"])
def test_a_corrupt_draft_is_none(tmp_path: Path, content: bytes) -> None:
    path = draft_path(tmp_path)
    path.parent.mkdir()
    path.write_bytes(content)
    assert load_draft(tmp_path) is None


def test_an_unreadable_draft_is_none(tmp_path: Path) -> None:
    draft_path(tmp_path).mkdir(parents=True)  # a folder where the file should be
    assert load_draft(tmp_path) is None
