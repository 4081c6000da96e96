"""Markdown rendering keeps article text literal: escaped, never markup, never template code."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.build import build
from brief.markdown_html import markdown_to_html
from brief.templating import escape_markdown
from brief.workspace import ProjectPaths

from .conftest import DATA, REPO

HOSTILE = [
    '<img src="file:///etc/passwd">',
    "[x](javascript:alert(1))",
    "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %}",
    "[bold red]alarm[/] and [/]",
    "# not a heading",
    "| a | b |",
    "`code` and ``more``",
    "---",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "&lt;b&gt; and &amp; and &#65;",
    "*stars* and _underscores_ and ~~strike~~",
    "right-to-left \u202eevil\u202c and zero\u200bwidth",
    "back\\slash \\* escaped",
    "<https://example.com> and https://example.com",
]


def _text_of(rendered_html: str) -> str:
    """The text a reader sees in the HTML: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered_html)).strip()


def test_hostile_strings_render_as_typed() -> None:
    for text in HOSTILE:
        rendered = markdown_to_html("- " + escape_markdown(text))
        assert _text_of(rendered) == text, text
        assert "<img" not in rendered and "<script" not in rendered and "href=\"javascript" not in rendered


def test_a_line_start_is_escaped_only_where_markdown_would_read_it_as_markup() -> None:
    for text in ["0.77%", "-5 per cent", "#3 on the list", "3.5 million", "+40 km", "=x", "--x"]:
        assert escape_markdown(text) == text, text
    for text in ["1. not a list", "2) nor this", "# not a heading", "- not a bullet", "+ nor this", "---",
                 "- - -", "===", "--", "-:", ":-:", "round #"]:
        assert escape_markdown(text) != text, text


@given(st.text(alphabet="-+=#1.):| x", min_size=1, max_size=8))
def test_a_line_renders_as_typed_alone_under_a_paragraph_or_a_table_row_and_as_a_heading(text: str) -> None:
    flat = " ".join(text.split())
    if not flat:
        return
    assert _text_of(markdown_to_html(escape_markdown(text))) == flat
    assert _text_of(markdown_to_html("Above\n" + escape_markdown(text))) == "Above\n" + flat
    above = escape_markdown("a | b")
    assert _text_of(markdown_to_html(above + "\n" + escape_markdown(text))) == "a | b\n" + flat
    assert _text_of(markdown_to_html("## " + escape_markdown(text))) == flat


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_text_renders_as_typed(text: str) -> None:
    flat = " ".join(text.split())
    if not flat:
        return
    rendered = markdown_to_html("- " + escape_markdown(text))
    assert _text_of(rendered) == flat


def test_hostile_article_in_a_brief_stays_text(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(DATA / "hostile" / "hostile.md", tmp_path / "seeds" / "hostile.md")
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    paths = ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")
    result = build(paths, tmp_path / "briefings" / "situation.yaml", out_dir=tmp_path / "out", formats=["md"])
    markdown = result.markdown
    assert "49" not in markdown and "looploop" not in markdown
    rendered = markdown_to_html(markdown.split("---\n", 2)[2])
    assert "<img" not in rendered and "<script" not in rendered and "<link" not in rendered
    assert "javascript:" not in re.sub(r">[^<]*<", "><", rendered)  # only in text, never in an attribute
    text = _text_of(rendered)
    assert "{{ 7*7 }}" in text
    assert '<img src="file:///etc/passwd">' in text
    assert "[bold red]markup[/]" in text
    assert "Evil <script>alert(1)</script> Times" in text  # the outlet, stated in front matter
