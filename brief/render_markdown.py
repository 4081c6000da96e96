"""Render a :class:`~brief.briefing.Briefing` to Markdown through ``brief.md.j2``."""

from __future__ import annotations

from pathlib import Path

from brief.briefing import Briefing
from brief.templating import render_template

MARKDOWN_TEMPLATE = "brief.md.j2"


def render_markdown(briefing: Briefing, template_dirs: list[Path]) -> str:
    """The brief as Markdown text, ending with exactly one newline."""
    text = render_template(template_dirs, MARKDOWN_TEMPLATE, "markdown", brief=briefing)
    return text.rstrip("\n") + "\n"
