"""Property tests: whatever a recipe file holds, loading it either works or raises a UserError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.errors import UserError
from brief.recipe import load_recipe

KEYS = ["title", "subtitle", "as_of", "window", "topics", "sources", "sections", "key_points", "max_words",
        "template", "formats", "paper", "include", "exclude", "pin", "moves", "order", "titel", "x"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["latest", "all", "7d", "2025-12-04", "2025-13-40",
                                                           "territory", "md", "pdf", "A4"]))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS + ["id", "from", "to"]), children,
                                                    max_size=4)), max_leaves=12)
recipes = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


@settings(max_examples=150, deadline=None)
@given(recipes)
def test_any_mapping_loads_or_raises_a_user_error(taxonomy, data: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_recipe(path, taxonomy, source_ids=["a", "b"])
        except UserError as error:
            for problem in error.problems:
                assert problem.file == path
                assert problem.line is None or 1 <= problem.line <= len(path.read_text().splitlines()) + 1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_raises_a_user_error(taxonomy, text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_recipe(path, taxonomy)
        except UserError:
            pass
