"""Markdown brief → HTML body, with markdown-it-py and raw HTML switched off.

Adds what the PDF needs and Markdown cannot say: ids on headings (for
bookmarks and links) and ``src-N`` ids on the entries of the "Sources" list,
so citations ``[1](#src-1)`` jump to their source; and keeps each run of citations on
one line with the word before it (:func:`keep_citations_with_their_word`), a file path
whole (:func:`keep_paths_whole`), and a timeline row's publication dates one a line
(:func:`one_date_a_line`). Also splits
off the YAML front matter that carries the title block.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)
SOURCES_HEADING = "sources"


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """(front matter as a dict, the Markdown body). Bad front matter counts as none."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        return {}, markdown
    if not isinstance(data, dict):
        return {}, markdown[match.end():]
    return {str(k): v for k, v in data.items()}, markdown[match.end():]


def _slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    slug, counter = base, 2
    while slug in used:
        slug, counter = f"{base}-{counter}", counter + 1
    used.add(slug)
    return slug


def _add_anchors(state: Any) -> None:
    """markdown-it core rule: heading ids, and src-N ids in the Sources list."""
    tokens: list[Token] = state.tokens
    used: set[str] = set()
    in_sources = False
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[index + 1].content if index + 1 < len(tokens) else ""
            token.attrSet("id", _slug(title, used))
            in_sources = token.tag == "h2" and title.strip().lower() == SOURCES_HEADING
        elif in_sources and token.type == "ordered_list_open":
            depth += 1
            start = int(token.attrGet("start") or 1)
            number = start
            for inner in tokens[index + 1:]:
                if inner.type == "ordered_list_close":
                    break
                if inner.type == "list_item_open" and inner.level == token.level + 1:
                    inner.attrSet("id", f"src-{number}")
                    number += 1


_NOWRAP = '<span style="white-space: nowrap">{}</span>'
"""What a line may not be broken in."""
_CITED_WORD = re.compile(r'(?<=[\s>])([^\s<>]+) ((?:<a href="#src-\d+">\[\d+\]</a>)+)')
"""A word of text, a space and the citation links after it (markdown-it's rendering of ``[\\[1\\]](#src-1)``)."""


def keep_citations_with_their_word(html: str) -> str:
    """``html`` with each run of citations kept on one line with the word before it.

    So a citation never starts a line alone. Also a workaround: when a paragraph's citation does not fit
    at the end of a full line, WeasyPrint 70 may break that line after its first word and set the rest
    on the next ("… left open: the / future / of the Zaporizhzhia … stop. [1]"); a word and its citation
    that cannot be parted avoid that.
    """
    parts = _BLOCKQUOTE.split(html)  # outside, inside, outside, …: a quote's attribution line is set apart
    return "".join(_CITED_WORD.sub(_joined_to_their_word, part) if index % 2
                   else _CITED_WORD.sub(_NOWRAP.format(r"\1 \2"), part) for index, part in enumerate(parts))


_BLOCKQUOTE = re.compile(r"(<blockquote>.*?</blockquote>)", re.DOTALL)
_WORD_JOINER = "\u2060"


def _joined_to_their_word(cited: re.Match[str]) -> str:
    """A word and its citations joined by a no-break space and word joiners, for a key quote's attribution line
    ("— Simon Achterberg, energy analyst at … · published 19 December 2025 [9]"): there a nowrap span made
    WeasyPrint 70 break the line after its first word ("—" alone on a line), the fault the span avoids in a list
    item."""
    links = cited.group(2).replace("</a><a", f"</a>{_WORD_JOINER}<a")
    return f"{cited.group(1)}\u00a0{links}"


_FILE_PATH = re.compile(
    r"(?<![\w/:.&;=?%#~@-])((?:[\w-]+/)(?:[\w-][\w.-]*/)*[\w-][\w.-]*\.(?:yaml|yml|md|txt|html|json|csv|pdf))(?![\w/-])")
"""A relative file path such as ``seeds/sources.yaml``; not a part of a URL ("https://x.org/a/b.html",
"www.x.gov.ua/en/b.html": a first part with a dot is a domain; "?file=docs/x.pdf"), which is left to break
where it must."""


_TAG = re.compile(r"(<[^>]*>)")


def keep_paths_whole(html: str) -> str:
    """``html`` with each relative file path kept on one line: a line break after its slash ("seeds/ ⏎
    sources.yaml") reads as two words."""
    parts = _TAG.split(html)  # text, tag, text, …: a path inside a tag's attribute stays as it is
    return "".join(part if index % 2 else _FILE_PATH.sub(_NOWRAP.format(r"\1"), part)
                   for index, part in enumerate(parts))


_CELL = re.compile(r"<td>(\[\d+\] [^<;\[]+(?:; \[\d+\] [^<;\[]+)+)</td>")
"""A timeline row's Published cell that gives several sources' dates ("[3] 15 December 2025; [7] 21 December
2025"), and nothing else."""
_NEXT_SOURCES_DATE = re.compile(r"(?<=;) (?=\[\d+\] )")


def one_date_a_line(html: str) -> str:
    """``html`` with each source's publication date in a table cell that gives several on a line of its own: the
    cell is kept from wrapping (a date cut after "December" reads badly), and three dates on one line took the
    width the event needs."""
    return _CELL.sub(lambda cell: f"<td>{_NEXT_SOURCES_DATE.sub('<br>', cell.group(1))}</td>", html)


def markdown_to_html(markdown_body: str) -> str:
    """HTML for a Markdown body; any HTML in the text comes out as text."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.core.ruler.push("brief_anchors", _add_anchors)
    return one_date_a_line(keep_paths_whole(keep_citations_with_their_word(parser.render(markdown_body))))
