"""brief.yamlfile: line numbers per key, and refusing what a hand-edited file must not contain."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from brief.errors import UserError
from brief.yamlfile import format_path, load_yaml_file


def write(tmp_path: Path, text: str | bytes, name: str = "file.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(UserError) as caught:
        load_yaml_file(path)
    return caught.value.problems


def test_every_key_and_list_item_has_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, (
        "# a comment\n"                       # 1
        "title: Weekly\n"                     # 2
        "sections:\n"                         # 3
        "  - id: outlook\n"                   # 4
        "    max_items: 3\n"                  # 5
        "  - {id: background, max_items: 2}\n"  # 6
        "window:\n"                           # 7
        "  from: 2025-12-01\n"                # 8
        "  to: 2025-12-04\n"                  # 9
        "topics: [territory, nato]\n"         # 10
    ))
    document = load_yaml_file(path)
    assert document.lines[("title",)] == 2
    assert document.lines[("sections",)] == 3
    assert document.lines[("sections", 0)] == 4
    assert document.lines[("sections", 0, "id")] == 4
    assert document.lines[("sections", 0, "max_items")] == 5
    assert document.lines[("sections", 1)] == 6
    assert document.lines[("sections", 1, "max_items")] == 6
    assert document.lines[("window", "to")] == 9
    assert document.lines[("topics", 1)] == 10
    # A path with no line of its own takes its nearest enclosing one.
    assert document.line_of(("sections", 0, "title")) == 4
    assert document.line_of(("nowhere",)) == 2


def test_format_path() -> None:
    assert format_path(("sections", 1, "id")) == "sections[1].id"
    assert format_path(("topics", 0)) == "topics[0]"
    assert format_path(()) == ""


def test_dates_stay_strings(tmp_path: Path) -> None:
    document = load_yaml_file(write(tmp_path, "as_of: 2025-12-04\nwindow: {from: 2025-12-01, to: 2025-13-40}\n"))
    assert document.data == {"as_of": "2025-12-04", "window": {"from": "2025-12-01", "to": "2025-13-40"}}


def test_other_scalars_keep_their_types(tmp_path: Path) -> None:
    document = load_yaml_file(write(tmp_path, "max_items: 6\nweight: 1.5\nnone:\nflag: true\n"))
    assert document.data == {"max_items": 6, "weight": 1.5, "none": None, "flag": True}


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "title: One\nwindow: 7d\ntitle: Two\n")
    [problem] = problems_of(path)
    assert problem.file == path
    assert problem.line == 3
    assert problem.field == "title"
    assert "duplicate key 'title'" in problem.message
    assert "first given on line 1" in problem.message


def test_duplicate_key_in_a_nested_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "sections:\n  - id: outlook\n    max_items: 2\n    id: background\n")
    [problem] = problems_of(path)
    assert (problem.line, problem.field) == (4, "sections[0].id")
    assert "first given on line 2" in problem.message


def test_every_duplicate_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: 2\na: 3\nb: 4\n")
    assert [problem.line for problem in problems_of(path)] == [3, 4]


def test_aliases_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "base: &b\n  x: 1\ncopy: *b\n")
    [problem] = problems_of(path)
    assert "aliases" in problem.message
    assert (problem.line, problem.field) == (3, "copy")


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "base: &b\n  x: 1\nother:\n  <<: *b\n  y: 2\n")
    messages = [problem.message for problem in problems_of(path)]
    assert any("merge keys" in message for message in messages)


def test_billion_laughs_is_refused_quickly_and_small(tmp_path: Path) -> None:
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    path = write(tmp_path, "\n".join(lines) + "\n")  # expanded, it would be 9**9 strings
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problems = problems_of(path)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 20_000_000
    assert problems and all("aliases" in problem.message for problem in problems)
    # One problem per alias written, not per expanded value.
    assert len(problems) == 9 * 9


def test_invalid_yaml_gives_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Weekly\nsections:\n  - id: outlook\n   max_items: 3\n")
    [problem] = problems_of(path)
    assert problem.file == path
    assert problem.line == 4
    assert problem.message.startswith("not valid YAML")
    assert problem.format().startswith(f"{path}:4: not valid YAML")


def test_unclosed_flow_list_points_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Weekly\ntopics: [territory, nato\n")
    [problem] = problems_of(path)
    # The parser notices at the end of the file; the message also names where the list starts.
    assert problem.line == 3
    assert problem.message.startswith("not valid YAML")
    assert "starts on line 2" in problem.message


def test_non_utf8_is_a_message_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Weekly\nsubtitle: caf\xe9 cr\xe8me\n".encode("latin-1"))
    [problem] = problems_of(path)
    assert "not valid UTF-8" in problem.message
    assert problem.line == 2
    assert problem.hint and "UTF-8" in problem.hint


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    document = load_yaml_file(write(tmp_path, "\ufefftitle: Café\n".encode()))
    assert document.data == {"title": "Café"}


def test_missing_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "absent.yaml")
    assert problem.message == "file not found"
    assert problem.line is None


def test_empty_file_is_none(tmp_path: Path) -> None:
    document = load_yaml_file(write(tmp_path, "# only a comment\n"))
    assert document.data is None


def test_too_large_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, "x: " + "a" * 2_100_000 + "\n")
    [problem] = problems_of(path)
    assert "too large" in problem.message


def test_several_documents_are_refused(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "a: 1\n---\nb: 2\n"))
    assert problem.message.startswith("not valid YAML")
    assert problem.line == 2
