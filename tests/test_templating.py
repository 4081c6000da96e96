"""User templates are sandboxed and limited: errors name the template file and line, runaway ones stop."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import brief.templating as templating
from brief.errors import UserError
from brief.templating import escape_markdown, render_template


def _render(tmp_path: Path, body: str, name: str = "brief.md.j2") -> str:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return render_template([folder], name, "markdown")


def test_values_are_markdown_escaped_by_default(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "t.md.j2").write_text("- {{ text }}\n", encoding="utf-8")
    out = render_template([folder], "t.md.j2", "markdown", text="*bold* [x](y) <b>")
    assert out == "- " + escape_markdown("*bold* [x](y) <b>") + "\n"


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "line one\n{% for x in %}\n")
    problem = caught.value.problems[0]
    assert problem.file == tmp_path / "tpl" / "brief.md.j2"
    assert problem.line == 2
    assert "syntax error" in problem.message


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert "not allowed" in caught.value.problems[0].message or "unknown value" in caught.value.problems[0].message


def test_runaway_loop_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "MAX_RENDER_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert time.monotonic() - started < 10
    assert "was stopped" in caught.value.problems[0].message


def test_huge_string_is_refused_before_it_is_built(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "{{ 'x' * 1000000000 }}")
    assert "was stopped" in caught.value.problems[0].message


def test_huge_output_is_stopped(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}")
    assert "produced more than" in caught.value.problems[0].message


def test_endless_recursion_is_stopped(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _render(tmp_path, "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    assert "was stopped" in caught.value.problems[0].message


def test_a_normal_template_still_renders(tmp_path: Path) -> None:
    assert _render(tmp_path, "{% for i in range(3) %}{{ i }}{% endfor %} {{ 2 ** 3 }} {{ 'ab' * 2 }}") == "012 8 abab"
