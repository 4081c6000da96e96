"""brief.recipe and brief.validation: loading, checking, saving recipes, and resolving their window.

The pinned bad input is tests/data/recipes/broken.yaml with the exact errors it must
produce in broken.expected.txt (read by eye: every line number in it was checked).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from brief.errors import UserError
from brief.recipe import DateRange, Recipe, RecipeSpec, SectionRef, dump_recipe, load_recipe, save_recipe
from brief.taxonomy import Taxonomy
from brief.workspace import Workspace

RECIPES = Path(__file__).resolve().parent / "data" / "recipes"


@pytest.fixture(scope="module")
def names(shipped_workspace: Workspace) -> dict:
    """What load_recipe checks names against: the shipped sources and templates."""
    return {"source_ids": [source.id for source in shipped_workspace.corpus.sources],
            "templates_roots": shipped_workspace.paths.template_roots()}


def load_problems(path: Path, taxonomy: Taxonomy, names: dict) -> list:
    with pytest.raises(UserError) as caught:
        load_recipe(path, taxonomy, **names)
    return caught.value.problems


# --- the pinned broken recipe ------------------------------------------------------------------


def test_broken_recipe_reports_exactly_the_expected_errors(project: Path, cli) -> None:
    recipe = project / "briefings" / "broken.yaml"
    shutil.copy(RECIPES / "broken.yaml", recipe)
    result = cli("build", recipe, "--format", "md", "--out", project / "out", cwd=project)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.out == ""
    expected = (RECIPES / "broken.expected.txt").read_text(encoding="utf-8")
    assert result.err.replace(str(project), "<project>") == expected
    assert not (project / "out").exists()


def test_broken_recipe_problems_point_at_the_lines_that_hold_them(taxonomy: Taxonomy, names: dict) -> None:
    """Independent of the expected file: each problem's line holds the value it complains about."""
    path = RECIPES / "broken.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = load_problems(path, taxonomy, names)
    assert len(problems) == 8
    for problem in problems:
        assert problem.file == path
        text = lines[problem.line - 1]
        shown = problem.value if problem.value is not None else problem.field.split(".")[-1]
        assert str(shown) in text, (problem.format(), text)
    assert [p.line for p in problems] == sorted(p.line for p in problems)


# --- smaller broken recipes ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "line", "field", "words"), [
    ("not_a_mapping.yaml", 2, None, ["must be a mapping", "'list'"]),
    ("empty.yaml", None, None, ["must be a mapping", "empty file"]),
    ("window_int.yaml", 3, "window", ["7d", "(got 7)"]),
    ("window_reversed.yaml", 3, "window.from", ["starts after it ends", "2025-12-10"]),
    ("window_zero.yaml", 2, "window", ["0 days holds no day", "1d", "(got '0d')"]),
    ("missing_template.yaml", 3, "template", ["no such template", "'standrd'", "did you mean 'standard'?"]),
])
def test_small_broken_recipes(name: str, line: int | None, field: str | None, words: list[str],
                              taxonomy: Taxonomy, names: dict) -> None:
    path = RECIPES / name
    [problem] = load_problems(path, taxonomy, names)
    assert problem.file == path
    assert problem.line == line
    assert problem.field == field
    for word in words:
        assert word in problem.format()


def write_recipe(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "recipe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_typo_of_a_required_key_is_one_problem_not_two(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "titel: Weekly\n")
    [problem] = load_problems(path, taxonomy, {})
    assert problem.message == "unknown key 'titel'"
    assert problem.hint == "did you mean 'title'?"


def test_missing_title_is_required(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "# no title\nwindow: 7d\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.field, problem.message) == ("title", "this key is required")


def test_an_empty_title_says_what_to_write(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "window: 7d\ntitle: ''\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field, problem.value) == (2, "title", "")
    assert (problem.message, problem.hint) == ("must not be empty", "write some text after “title:”")


def test_a_number_out_of_bounds_says_the_bound(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nmax_words: -5\nsections:\n  - {id: outlook, max_items: 101}\n")
    problems = load_problems(path, taxonomy, {})
    assert [(p.line, p.field, p.message, p.value) for p in problems] == [
        (2, "max_words", "must be at least 100", -5), (4, "sections[0].max_items", "must be at most 100", 101)]


def test_unknown_key_hint_lists_the_keys_valid_at_that_place(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nsections:\n  - id: outlook\n    colour: red\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field) == (4, "sections[0].colour")
    assert problem.hint == "valid names: id, max_items, title"


def test_typo_inside_the_window_mapping(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nwindow:\n  form: 2025-12-01\n  to: 2025-12-04\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field, problem.hint) == (3, "window.form", "did you mean 'from'?")


def test_bad_date_inside_the_window_is_placed_on_its_own_line(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nwindow:\n  from: 2025-02-30\n  to: 2025-12-04\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field, problem.value) == (3, "window.from", "2025-02-30")
    assert "YYYY-MM-DD" in problem.message


def test_topics_neither_all_nor_a_list(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\ntopics: territory\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field) == (2, "topics")
    assert problem.message == "expected 'all' or a list"


def test_type_errors_and_name_errors_come_together(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nkey_points: lots\nsections:\n  - id: outlok\nformats: [md, html]\n")
    problems = load_problems(path, taxonomy, {})
    assert [(p.line, p.field) for p in problems] == [(2, "key_points"), (4, "sections[0].id"), (5, "formats[1]")]
    assert problems[0].message == "expected a whole number"
    assert problems[1].hint == "did you mean 'outlook'?"
    assert problems[2].message == "expected 'md' or 'pdf'"


@pytest.mark.parametrize("title", ["Sources", "  about this   Brief", "KEY POINTS", "Sources ##"])
def test_a_section_may_not_take_a_heading_the_brief_writes_itself(tmp_path: Path, taxonomy: Taxonomy,
                                                                   title: str) -> None:
    path = write_recipe(tmp_path, f"title: T\nsections:\n  - id: state-of-talks\n  - {{id: outlook, title: '{title}'}}\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.line, problem.field) == (4, "sections[1].title")
    assert "is a heading brief writes itself" in problem.message


def test_a_section_title_that_only_contains_a_reserved_heading_is_fine(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nsections:\n  - {id: outlook, title: Sources of risk}\n")
    assert load_recipe(path, taxonomy).spec.sections[0].title == "Sources of risk"


def test_section_listed_twice_and_unknown_move_target(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nsections:\n  - id: outlook\n  - id: outlook\n"
                                  "moves:\n  x:1: outlok\norder:\n  stickingpoints: [x:1]\n")
    problems = load_problems(path, taxonomy, {})
    assert [(p.line, p.message) for p in problems] == [
        (4, "section listed twice"), (6, "unknown section"), (8, "unknown section")]
    assert problems[1].hint == "did you mean 'outlook'?"
    assert problems[2].hint == "did you mean 'sticking-points'?"


def test_a_source_or_topic_listed_twice_is_reported_with_the_line_that_lists_it_first(
        tmp_path: Path, taxonomy: Taxonomy, names: dict) -> None:
    first, second = names["source_ids"][:2]
    path = write_recipe(tmp_path, f"title: T\nsources:\n  - {first}\n  - {second}\n  - {first}\n"
                                  "topics: [territory, sanctions-economy, territory, sanctions-economy]\n")
    problems = load_problems(path, taxonomy, names)
    assert [(p.line, p.field, p.message, p.value) for p in problems] == [
        (5, "sources[2]", "source listed twice", first), (6, "topics[2]", "topic listed twice", "territory"),
        (6, "topics[3]", "topic listed twice", "sanctions-economy")]
    assert problems[0].hint == "sources[0] (line 3) names it already: remove one, or name the source you meant"
    assert problems[2].hint == "topics[1] (line 6) names it already: remove one, or name the topic you meant"
    # Each named once: the recipe loads.
    write_recipe(tmp_path, f"title: T\nsources: [{first}, {second}]\ntopics: [territory, sanctions-economy]\n")
    assert load_recipe(path, taxonomy, **names).spec.sources == [first, second]


def test_all_written_as_a_list_says_to_write_it_as_a_word(tmp_path: Path, taxonomy: Taxonomy, names: dict) -> None:
    path = write_recipe(tmp_path, "title: T\nsources: [all]\ntopics:\n  - All\n")
    problems = load_problems(path, taxonomy, names)
    assert [(p.line, p.field, p.message, p.hint) for p in problems] == [
        (2, "sources[0]", "unknown source", "to take every one, write 'sources: all' (a word, not a list), or leave "
                                            "'sources' out"),
        (4, "topics[0]", "unknown topic", "to take every one, write 'topics: all' (a word, not a list), or leave "
                                          "'topics' out")]
    write_recipe(tmp_path, "title: T\nsources: all\ntopics: all\n")
    assert load_recipe(path, taxonomy, **names).spec.sources == "all"


def test_the_analysts_section_kinds_are_sections_a_recipe_can_list(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nsections:\n  - {id: key-figures, max_items: 4}\n  - id: outlook\n"
                                  "  - {id: timeline, title: Dates}\n  - id: key-quotes\n  - id: sources-differ\n")
    recipe = load_recipe(path, taxonomy)
    assert [(s.id, s.title, s.max_items) for s in recipe.spec.sections] == [
        ("key-figures", None, 4), ("outlook", None, 6), ("timeline", "Dates", 6), ("key-quotes", None, 6),
        ("sources-differ", None, 6)]
    assert [s.id for s in recipe.excerpt_sections] == ["outlook"]


def test_misspelt_or_misused_section_kinds(tmp_path: Path, taxonomy: Taxonomy) -> None:
    path = write_recipe(tmp_path, "title: T\nsections:\n  - id: key-quote\n  - id: timeline\n  - id: timeline\n"
                                  "moves:\n  x:1: timeline\norder:\n  key-figures: [x:1]\n")
    problems = load_problems(path, taxonomy, {})
    assert [(p.line, p.message) for p in problems] == [
        (3, "unknown section"), (5, "section listed twice"), (7, "not a section excerpts can go to"),
        (9, "not a section excerpts can go to")]
    assert problems[0].hint == "did you mean 'key-quotes'?"
    assert problems[2].value == "timeline" and "brief itself" in (problems[2].hint or "")


# --- the shipped recipes, saving, and windows ----------------------------------------------------


@pytest.mark.parametrize("name", ["weekly.yaml", "situation.yaml"])
def test_shipped_recipes_load(name: str, repo: Path, taxonomy: Taxonomy, names: dict) -> None:
    path = repo / "briefings" / name
    recipe = load_recipe(path, taxonomy, **names)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert recipe.name == name.removesuffix(".yaml")
    assert recipe.spec.title == raw["title"]
    assert [s.id for s in recipe.spec.sections] == [s["id"] for s in raw["sections"]]
    assert [s.max_items for s in recipe.spec.sections] == [s["max_items"] for s in raw["sections"]]
    assert recipe.spec.window == raw["window"]
    assert recipe.spec.key_points == raw["key_points"]


@pytest.mark.parametrize("name", ["weekly.yaml", "situation.yaml"])
def test_shipped_recipes_round_trip(name: str, repo: Path, tmp_path: Path, taxonomy: Taxonomy) -> None:
    spec = load_recipe(repo / "briefings" / name, taxonomy).spec
    saved = tmp_path / name
    save_recipe(saved, spec)
    assert load_recipe(saved, taxonomy).spec == spec


def test_every_field_round_trips(tmp_path: Path, taxonomy: Taxonomy) -> None:
    spec = RecipeSpec(
        title="Brief: on, yes, 2025-12-04", subtitle="A subtitle", classification="RESTRICTED",
        as_of="2025-12-04", window=DateRange(**{"from": "2025-12-01", "to": "2025-12-04"}),
        topics=["territory", "nato"], sources=["002_e759f5f9dd5bc10b"],
        sections=[SectionRef(id="outlook", title="What next", max_items=2), SectionRef(id="background")],
        key_points=0, max_words=500, template="standard", formats=["md"], paper="Letter",
        include=["a:1"], exclude=["b:2"], pin=["a:1"], moves={"a:1": "outlook"},
        order={"outlook": ["a:1", "c:3"]})
    path = tmp_path / "briefings" / "full.yaml"
    save_recipe(path, spec)
    assert load_recipe(path, taxonomy).spec == spec
    assert list(path.parent.iterdir()) == [path]  # written atomically: no temporary file left
    text = path.read_text(encoding="utf-8")
    assert text.index("title:") < text.index("window:") < text.index("sections:")  # documented order


def test_dump_leaves_defaults_out_but_keeps_the_essentials() -> None:
    data = yaml.safe_load(dump_recipe(RecipeSpec(title="T")))
    assert "template" not in data and "include" not in data
    assert data["title"] == "T" and data["window"] == "7d"
    assert [s["id"] for s in data["sections"]] == ["state-of-talks", "sticking-points", "outlook"]


def make_recipe(window: object) -> Recipe:
    return Recipe(path=Path("briefings/test.yaml"), spec=RecipeSpec(title="T", window=window))


def test_window_of_seven_days_ends_on_as_of() -> None:
    window = make_recipe("7d").resolve_window(dt.date(2025, 12, 4))
    assert (window.start, window.end) == (dt.date(2025, 11, 28), dt.date(2025, 12, 4))
    assert window.contains(dt.date(2025, 11, 28)) and window.contains(dt.date(2025, 12, 4))
    assert not window.contains(dt.date(2025, 11, 27)) and not window.contains(dt.date(2025, 12, 5))
    assert not window.contains(None)
    assert "7 days" in window.label and "2025-12-04" in window.label


def test_window_of_one_day_is_as_of_alone() -> None:
    window = make_recipe("1d").resolve_window(dt.date(2025, 12, 4))
    assert window.start == window.end == dt.date(2025, 12, 4)


def test_window_all_contains_everything() -> None:
    window = make_recipe("all").resolve_window(dt.date(2025, 12, 4))
    assert (window.start, window.end) == (None, None)
    assert window.contains(None) and window.contains(dt.date(1990, 1, 1))


def test_window_from_to_ignores_as_of() -> None:
    window = make_recipe({"from": "2025-12-01", "to": "2025-12-03"}).resolve_window(dt.date(2030, 1, 1))
    assert (window.start, window.end) == (dt.date(2025, 12, 1), dt.date(2025, 12, 3))
    assert window.contains(dt.date(2025, 12, 3)) and not window.contains(dt.date(2025, 12, 4))
    assert window.label == "2025-12-01 to 2025-12-03"


@pytest.mark.parametrize("window", ["7", "7 days", "d", "-3d", "sometimes"])
def test_window_spellings_that_are_refused(window: str) -> None:
    with pytest.raises(ValueError, match="Nd"):
        RecipeSpec(title="T", window=window)


def test_empty_sections_or_formats_are_named_as_the_problem(project: Path, cli) -> None:
    (project / "briefings" / "empty.yaml").write_text("title: Empty\nwindow: all\nsections: []\nformats: []\n")
    result = cli("build", "briefings/empty.yaml", cwd=project)
    assert result.code == 2
    assert "empty.yaml:3: sections: list at least one section" in result.err
    assert "empty.yaml:4: formats: list at least one output format" in result.err
    assert not (project / "out").exists()


@pytest.mark.parametrize(("line", "field"), [
    ("key_points: true", "key_points"),
    ("max_words: yes", "max_words"),  # YAML 1.1 reads "yes" as true
    ("sections:\n  - id: outlook\n    max_items: false", "sections[0].max_items"),
])
def test_a_yes_or_no_is_no_count(tmp_path: Path, taxonomy: Taxonomy, line: str, field: str) -> None:
    """YAML reads "true" and "yes" as booleans, which a lax integer would take as 1; a count must be written."""
    path = write_recipe(tmp_path, f"title: T\n{line}\n")
    [problem] = load_problems(path, taxonomy, {})
    assert (problem.field, problem.message) == (field, "expected a whole number")
