"""Read one article file of any accepted format into plain text plus stated metadata.

Formats: ``.txt`` (as is), ``.md`` (optional YAML front matter; the Markdown is
reduced to plain text blocks with markdown-it-py) and ``.html`` (main text and
page metadata extracted with trafilatura, which never fetches anything).
Encodings: UTF-8 (with or without BOM); otherwise Windows-1252, which is what
legacy pages really are when they claim Latin-1.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import Problem, UserError, did_you_mean
from brief.yamlfile import parse_yaml_text

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
MAX_ARTICLE_BYTES = 5_000_000
"""About a thousand times a long article; larger files are refused, not read."""

META_KEYS = ("title", "outlet", "author", "published", "url", "reliability")
"""Metadata an article may state in front matter or ``sources.yaml``."""


@dataclass
class ArticleFile:
    """An article as read from disk, before cleaning."""

    path: Path
    format: str
    """``txt``, ``md`` or ``html``."""
    content_hash: str
    """SHA-256 of the file's bytes: the identity used for duplicates and re-ingest."""
    text: str
    """Plain text, one block per line group; cleaning comes next."""
    stated: dict[str, Any] = field(default_factory=dict)
    """Metadata the file itself states (front matter), keyed as in :data:`META_KEYS`."""
    page_meta: dict[str, Any] = field(default_factory=dict)
    """Metadata from an HTML page's tags: an inference, since pages often get it wrong."""
    notes: list[str] = field(default_factory=list)
    """What reading had to do, e.g. "decoded as Windows-1252"."""


def article_format(path: Path) -> str | None:
    return ARTICLE_SUFFIXES.get(path.suffix.lower())


def decode_bytes(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """Bytes → text; refuses binary data with a message that says where."""
    if not raw.strip():
        raise UserError(Problem("the file is empty", file=path,
                                hint="remove it, or put the article's text in it"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise UserError(Problem(f"the file holds binary data (a NUL byte at offset {nul})", file=path,
                                line=line, hint="only text articles (.txt, .md, .html) can be added"))
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    try:
        text, notes = raw.decode("cp1252"), ["not UTF-8: decoded as Windows-1252"]
    except UnicodeDecodeError:
        text, notes = raw.decode("latin-1"), ["not UTF-8: decoded as Latin-1"]
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0)
    if controls > max(2, len(text) // 100):
        line = raw[:bad_at].count(b"\n") + 1
        raise UserError(Problem(f"the file is not text: invalid UTF-8 from byte {bad_at}, and {controls} control "
                                "characters in any other encoding", file=path, line=line,
                                hint="save the article as UTF-8 text"))
    return text, notes


def read_article(path: Path) -> ArticleFile:
    """Read ``path``; a :class:`UserError` says what is wrong with it."""
    path = Path(path)
    fmt = article_format(path)
    if fmt is None:
        raise UserError(Problem("not an article file", file=path,
                                hint="articles end in .txt, .md or .html"))
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise UserError(Problem(f"the file is too large for an article ({size:,} bytes; "
                                    f"the limit is {MAX_ARTICLE_BYTES:,})", file=path,
                                    hint="split it, or check that it really is one article"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(Problem("file not found", file=path)) from None
    except IsADirectoryError:
        raise UserError(Problem("is a folder, not an article file", file=path)) from None
    except OSError as exc:
        raise UserError(Problem(f"cannot read the file: {exc.strerror}", file=path)) from None
    text, notes = decode_bytes(raw, path)
    article = ArticleFile(path=path, format=fmt, content_hash=hashlib.sha256(raw).hexdigest(),
                          text=text, notes=notes)
    if fmt == "md":
        _read_markdown(article)
    elif fmt == "html":
        _read_html(article)
    return article


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def _read_markdown(article: ArticleFile) -> None:
    text = article.text.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    body_line_offset = 0
    if match:
        document = parse_yaml_text(match.group(1) or "", article.path)
        # Front matter starts on line 2 of the file.
        document.lines = {key: line + 1 for key, line in document.lines.items()}
        data = document.data if document.data is not None else {}
        if not isinstance(data, dict):
            raise UserError(document.problem((), "front matter must be a mapping of keys to values",
                                             value=type(data).__name__))
        problems = []
        for key, value in data.items():
            if key not in META_KEYS:
                problems.append(document.problem((key,), f"unknown front matter key {key!r}",
                                                 hint=did_you_mean(key, META_KEYS)))
            elif value is not None:
                article.stated[key] = value
        if problems:
            raise UserError(problems)
        body_line_offset = match.group(0).count("\n")
        text = text[match.end():]
    article.text = "\n" * body_line_offset + markdown_to_plain_text(text)


def markdown_to_plain_text(markdown: str) -> str:
    """Markdown → plain text blocks (headings, paragraphs, list items), links by their text.

    Each block keeps its first source line, so dropped-line numbers still point
    into the file as given.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse(markdown)
    lines: list[str] = []
    for token in tokens:
        if token.type != "inline" or token.map is None:
            continue
        text = "".join(child.content if child.type in ("text", "code_inline") else
                       (" " if child.type in ("softbreak", "hardbreak") else "")
                       for child in token.children or [])
        # Every block goes on its own first source line, never later: a block is one
        # output line for one or more source lines, so there is always room. Blocks on
        # adjacent lines (a tight list) stay adjacent; a blank line would shift the rest.
        first_line = token.map[0]
        while len(lines) < first_line:
            lines.append("")
        lines.append(text.strip())
    return "\n".join(lines) + "\n"


def _read_html(article: ArticleFile) -> None:
    import trafilatura

    document = trafilatura.bare_extraction(
        article.text, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True)
    # trafilatura 2 returns a Document (its ``as_dict=True`` is deprecated); 1.x a dict.
    if document is not None and hasattr(document, "as_dict"):
        document = document.as_dict()
    if not document or not document.get("text"):
        raise UserError(Problem("no article text found in this HTML page", file=article.path,
                                hint="save the article's own page, or paste its text into a .txt file"))
    for ours, theirs in (("title", "title"), ("author", "author"), ("published", "date"),
                         ("outlet", "sitename"), ("url", "url")):
        value = document.get(theirs)
        if value:
            article.page_meta[ours] = value
    body = document["text"]
    title = article.page_meta.get("title")
    article.text = (f"{title}\n\n" if title else "") + body.replace("\n", "\n\n") + "\n"
