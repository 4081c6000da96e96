"""brief.manifest: what a build records beside its outputs, reading it back, and finding the previous edition."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from brief.build import build, build_recipe
from brief.errors import UserError
from brief.manifest import KEY_POINTS, find_previous_edition, read_manifest
from brief.recipe import Recipe, RecipeSpec
from brief.workspace import ProjectPaths, load_workspace
from brief.yamlfile import parse_yaml_text

WEEK_END = dt.date(2025, 12, 4)


def project_paths(project: Path) -> ProjectPaths:
    return ProjectPaths(root=project, corpus=project / "seeds", briefings=project / "briefings")


def build_weekly(project: Path, as_of: dt.date, *, recipe: str = "weekly.yaml", out: str = "out"):
    return build(project_paths(project), project / "briefings" / recipe, out_dir=project / out, as_of=as_of,
                 formats=["md"])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_manifest_records_recipe_window_sources_items_and_markdown(project: Path) -> None:
    result = build_weekly(project, WEEK_END)
    assert result.manifest == project / "out" / "weekly-2025-12-04.manifest.json"
    data = json.loads(result.manifest.read_text(encoding="utf-8"))
    recipe_file = project / "briefings" / "weekly.yaml"
    assert data["recipe"] == {"name": "weekly", "path": "briefings/weekly.yaml",
                              "text": recipe_file.read_text(encoding="utf-8")}
    assert (data["as_of"], data["window"]["start"], data["window"]["end"]) == ("2025-12-04", "2025-11-28",
                                                                                "2025-12-04")
    assert data["markdown_sha256"] == sha256(result.written[0].read_bytes())
    assert data["rules_sha256"] == sha256((project / "briefings" / "topics.yaml").read_bytes())

    cited = {entry.source_id for entry in result.briefing.sources}
    dates = load_workspace(project_paths(project)).corpus.dates()
    in_window = {sid for sid, date in dates.items() if date and dt.date(2025, 11, 28) <= date <= WEEK_END}
    assert cited and cited <= in_window
    assert set(data["sources"]) == in_window and data["window_sources_complete"] is True
    for source_id, record in data["sources"].items():
        [article] = (project / "seeds").glob(f"{source_id}.*")
        assert record["content_hash"] == sha256(article.read_bytes())
        assert record["cited"] == (source_id in cited)

    by_section: dict[str, list[list[str]]] = {}
    for item in data["items"]:
        by_section.setdefault(item["section"], []).append(item["excerpt_ids"])
    assert by_section[KEY_POINTS] == [list(i.excerpt_ids) for i in result.briefing.key_points]
    for section in result.briefing.sections:
        assert by_section.get(section.id, []) == [list(i.excerpt_ids) for i in section.items]
    assert data["previous"] is None


def test_an_unsaved_composition_records_its_spec_as_recipe_text(project: Path) -> None:
    workspace = load_workspace(project_paths(project))
    spec = RecipeSpec(title="Drafted in the TUI", window="7d", key_points=2, only_new=True, formats=["md"])
    recipe = Recipe(path=project / "briefings" / "draft.yaml", spec=spec)
    result = build_recipe(workspace, recipe, out_dir=project / "out", as_of=WEEK_END)
    text = read_manifest(result.manifest).recipe.text
    assert RecipeSpec.model_validate(parse_yaml_text(text, Path("x")).data) == spec


@pytest.mark.parametrize(("content", "expected"), [
    ('{"kind": "brief edition manifest",\n "version": 1,,\n}', "x.manifest.json:2: not valid JSON"),
    ('{"title": "something else"}', "x.manifest.json: not a brief manifest"),
    ('{"kind": "brief edition manifest", "version": 1}', "x.manifest.json: recipe: this key is required"),
])
def test_a_damaged_manifest_is_a_located_user_error(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "x.manifest.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as error:
        read_manifest(path)
    assert expected in error.value.format().replace(str(tmp_path) + "/", "")


def test_previous_edition_is_the_newest_earlier_one_of_the_same_recipe(project: Path) -> None:
    weekly = (project / "briefings" / "weekly.yaml").read_text(encoding="utf-8")
    (project / "briefings" / "weekly-extra.yaml").write_text(weekly, encoding="utf-8")
    build_weekly(project, dt.date(2025, 12, 2))
    build_weekly(project, dt.date(2025, 12, 3), recipe="weekly-extra.yaml")
    build_weekly(project, WEEK_END)
    out = project / "out"

    def previous(as_of: dt.date, name: str = "weekly") -> str | None:
        found = find_previous_edition(out, name, as_of)
        return found.path.name if found.path else None

    assert previous(dt.date(2025, 12, 10)) == "weekly-2025-12-04.manifest.json"
    assert previous(WEEK_END) == "weekly-2025-12-02.manifest.json", \
        "never the edition being replaced, nor weekly-extra's of 3 December"
    assert previous(dt.date(2025, 12, 2)) is None
    assert previous(dt.date(2025, 12, 3), "weekly-extra") is None, "weekly's editions do not count for weekly-extra"
    assert previous(dt.date(2025, 12, 10), "weekly-extra") == "weekly-extra-2025-12-03.manifest.json"


def test_an_unreadable_newer_manifest_is_passed_over_with_a_warning(project: Path) -> None:
    build_weekly(project, dt.date(2025, 12, 2))
    build_weekly(project, WEEK_END)
    damaged = project / "out" / "weekly-2025-12-04.manifest.json"
    damaged.write_text("{", encoding="utf-8")
    result = build_weekly(project, dt.date(2025, 12, 6))
    assert result.briefing.edition is not None and result.briefing.edition.previous_as_of == dt.date(2025, 12, 2)
    [warning] = result.warnings
    assert warning.file == damaged and "not valid JSON" in warning.message
    assert "was not compared with it" in warning.message
