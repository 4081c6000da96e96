"""Read one article file of any accepted format into plain text plus stated metadata.

Formats: ``.txt`` (as is), ``.md`` (optional YAML or TOML front matter, whose
keys may be other tools' names for ours; the Markdown is reduced to plain text
blocks with markdown-it-py) and ``.html`` (main text and page metadata
extracted with trafilatura, which never fetches anything; an old page laid out
with tables is read again as plain blocks).
Encodings: UTF-8 (with or without BOM); otherwise Windows-1252, which is what
legacy pages really are when they claim Latin-1.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from brief.errors import Problem, UserError, did_you_mean
from brief.metadata import normalise_stated, stated_form
from brief.yamlfile import YamlDocument, parse_yaml_text

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
MAX_ARTICLE_BYTES = 5_000_000
"""About a thousand times a long article; larger files are refused, not read."""

META_KEYS = ("title", "outlet", "author", "published", "url", "reliability", "kind")
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
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)

FRONT_MATTER_ALIASES = {
    "date": "published", "pubdate": "published", "pub_date": "published", "publishdate": "published",
    "publish_date": "published", "published_at": "published", "publishedat": "published",
    "date_published": "published", "datepublished": "published",
    "authors": "author", "byline": "author", "creator": "author",
    "source": "outlet", "publisher": "outlet", "publication": "outlet", "site_name": "outlet",
    "sitename": "outlet", "site": "outlet",
    "link": "url", "canonical": "url", "canonical_url": "url", "canonicalurl": "url", "source_url": "url",
    "headline": "title",
}
"""Other tools' names for our keys (Jekyll, Hugo, Astro, Eleventy, CMS exports), matched ignoring case."""
FRONT_MATTER_IGNORED = frozenset({
    "tags", "categories", "category", "keywords", "description", "summary", "excerpt", "subtitle", "draft",
    "layout", "slug", "lang", "language", "locale", "image", "images", "heroimage", "hero_image", "cover",
    "cover_image", "thumbnail", "featured_image", "featuredimage", "og_image", "weight", "type", "id", "aliases",
    "toc", "showtoc", "comments", "lastmod", "updated", "modified", "last_modified", "updated_at", "series",
    "template", "sitemap", "permalink", "menu", "hidden", "private", "status", "license", "translationkey",
})
"""Keys other tools write that say nothing a brief uses: left aside with a note, never an error.

An article exported from a static site or a CMS carries them; refusing the article
for them would lose it. A key in neither list is still refused, so a typo
("auther") is reported with the nearest name instead of being lost silently.
"""


def _read_markdown(article: ArticleFile) -> None:
    # Lone CRs (old Mac files) are line breaks too, as the cleaner counts them.
    text = article.text.replace("\r\n", "\n").replace("\r", "\n")
    body_line_offset = 0
    document = None
    match = _FRONT_MATTER.match(text)
    if match:
        document = parse_yaml_text(match.group(1) or "", article.path)
        # Front matter starts on line 2 of the file.
        document.lines = {key: line + 1 for key, line in document.lines.items()}
    else:
        match = _TOML_FRONT_MATTER.match(text)
        if match:
            document = _parse_toml_front_matter(match.group(1) or "", article.path)
    if match and document is not None:
        _read_front_matter(article, document)
        body_line_offset = match.group(0).count("\n")
        text = text[match.end():]
    article.text = "\n" * body_line_offset + markdown_to_plain_text(text)


def _parse_toml_front_matter(text: str, path: Path) -> YamlDocument:
    """Hugo's ``+++`` front matter, with each top-level key's line for messages."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+)", str(error))
        raise UserError(Problem(f"front matter is not valid TOML: {error}", file=path,
                                line=int(where.group(1)) + 1 if where else None)) from None
    lines: dict[tuple[str | int, ...], int] = {}
    for number, line in enumerate(text.split("\n"), start=2):
        key = re.match(r"\s*([\w-]+)\s*=", line)
        if key and (key.group(1),) not in lines:
            lines[(key.group(1),)] = number
    return YamlDocument(file=path, data=data, lines=lines, text=text)


def _read_front_matter(article: ArticleFile, document: YamlDocument) -> None:
    """Front matter keys → :attr:`ArticleFile.stated`; unknown keys are reported all at once."""
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        raise UserError(document.problem((), "front matter must be a mapping of keys to values",
                                         value=type(data).__name__))
    problems = []
    aliased: dict[str, tuple[str, Any]] = {}
    ignored: list[str] = []
    for key, value in data.items():
        folded = str(key).lower()
        ours = folded if folded in META_KEYS else FRONT_MATTER_ALIASES.get(folded)
        if ours is not None and value is not None and normalise_stated(ours, _front_matter_value(value)) is None:
            problems.append(document.problem((key,), f"expected {stated_form(ours)}", value=value))
            continue
        if key in META_KEYS:
            if value is not None:
                article.stated[key] = _front_matter_value(value)
            continue
        if ours is not None:
            if value is not None and ours not in aliased:
                aliased[ours] = (str(key), _front_matter_value(value))
        elif folded in FRONT_MATTER_IGNORED:
            ignored.append(str(key))
        else:
            problems.append(document.problem((key,), f"unknown front matter key {key!r}",
                                             hint=did_you_mean(key, META_KEYS)))
    if problems:
        raise UserError(problems)
    read_as = []
    for ours, (key, value) in aliased.items():
        if ours not in article.stated:  # our own key wins over another tool's name for it
            article.stated[ours] = value
            read_as.append(f"{key} as {ours}")
    if read_as:
        article.notes.append("front matter of another tool: read " + ", ".join(read_as))
    if ignored:
        article.notes.append("front matter keys left aside: " + ", ".join(ignored))


def _front_matter_value(value: Any) -> Any:
    """Lists of names ("authors: [A, B]") become one text; a person given as a mapping, their name."""
    if isinstance(value, dict):
        return next((value[k] for k in ("name", "title", "url", "href") if value.get(k) is not None), None)
    if isinstance(value, list):
        items = [str(_front_matter_value(item)) for item in value if _front_matter_value(item) is not None]
        return ", ".join(items) or None
    return value


def markdown_to_plain_text(markdown: str) -> str:
    """Markdown → plain text blocks (headings, paragraphs, list items), links by their text.

    A table is left out, as an HTML page's is (:data:`_HTML_OPTIONS`): a data table is not prose, and its
    cells run together would be a passage nobody can read ("| Market | Friday close | … |---|").

    A line right under a table with no pipe in it is prose that GFM reads as one more row ("| … |\nThe rouble
    fell 2% on Friday."): it is kept as a paragraph.

    Each block keeps its first source line, so dropped-line numbers still point
    into the file as given.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(markdown)
    source_lines = markdown.split("\n")
    lines: list[str] = []
    in_table = 0
    for token in tokens:
        in_table += {"table_open": 1, "table_close": -1}.get(token.type, 0)
        if token.type != "inline" or token.map is None:
            continue
        if in_table and ("|" in source_lines[token.map[0]] or not token.content.strip()):
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


_HTML_OPTIONS: dict[str, Any] = {
    "include_comments": False, "include_tables": False, "include_images": False,
    "include_links": False, "favor_precision": True,
}
SHORT_PAGE_WORDS = 80
"""Less text than this from the quick extraction, and the page is read again the thorough way."""
_LAYOUT_TAGS = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b", re.IGNORECASE)
_BR_TAG = re.compile(r"<br", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<table", re.IGNORECASE)
_BREAK_RUN = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
_ISO_DAY = r"(\d{4}-\d{2}-\d{2})"
_STRUCTURED_DATES = (
    re.compile(r"<meta\b[^>]*?\b(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished)"
               r"[\"'][^>]*?\bcontent\s*=\s*[\"']" + _ISO_DAY, re.IGNORECASE),
    re.compile(r"<meta\b[^>]*?\bcontent\s*=\s*[\"']" + _ISO_DAY + r"[^\"']*[\"'][^>]*?\b(?:property|name|itemprop)"
               r"\s*=\s*[\"'](?:article:published_time|datePublished)[\"']", re.IGNORECASE),
    re.compile(r'"datePublished"\s*:\s*"' + _ISO_DAY),  # JSON-LD last: it may describe other articles too
)
"""The page's own machine-readable publication date, when it is written year first."""


def _extract_html(page: Any, *, thorough: bool, with_metadata: bool) -> dict[str, Any]:
    import trafilatura

    # ``fast`` skips trafilatura's second opinion (readability, jusText), which costs half
    # the time and changes nothing on an ordinary article page; pages that give little or
    # nothing that way are read again with it.
    document = trafilatura.bare_extraction(page, fast=not thorough, with_metadata=with_metadata, **_HTML_OPTIONS)
    # trafilatura 2 returns a Document (its ``as_dict=True`` is deprecated); 1.x a dict.
    if document is not None and hasattr(document, "as_dict"):
        document = document.as_dict()
    return document or {}


def page_metadata(page: Any, *, with_date: bool = True) -> dict[str, Any] | None:
    """trafilatura's metadata of a page (title, author, date, sitename, url), less what briefs never use.

    ``page`` is the page's HTML, or its tree as trafilatura parses it (left as it was).

    The steps of ``trafilatura.metadata.extract_metadata`` without the categories,
    tags and licence it also looks for among every link of the page (a fifth of the
    time a page takes), and without the date when the page states one year first.
    None when this trafilatura's insides differ: the caller then asks it for all.
    """
    try:
        from htmldate import find_date
        from trafilatura.metadata import (
            META_URL,
            examine_meta,
            extract_author,
            extract_meta_json,
            extract_sitename,
            extract_title,
            extract_url,
        )
        from trafilatura.settings import set_date_params
        from trafilatura.utils import load_html

        tree = load_html(page)
        if tree is None:
            return {}
        metadata = examine_meta(tree)
        if metadata.author and " " not in metadata.author:
            metadata.author = None
        try:
            metadata = extract_meta_json(tree, metadata)
        except Exception:  # noqa: BLE001 - as trafilatura: bugs in its JSON-LD reading lose the JSON-LD only
            pass
        metadata.title = metadata.title or extract_title(tree)
        metadata.author = metadata.author or extract_author(tree)
        metadata.url = metadata.url or extract_url(tree, None)
        if with_date:
            date_config = set_date_params(True)
            date_config["url"] = metadata.url
            metadata.date = find_date(tree, **date_config)
        metadata.sitename = metadata.sitename or extract_sitename(tree)
        if metadata.sitename:
            metadata.sitename = metadata.sitename.lstrip("@")
            if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
                metadata.sitename = metadata.sitename.title()
        elif metadata.url:
            from_url = META_URL.match(metadata.url)
            if from_url:
                metadata.sitename = from_url[1]
        metadata.clean_and_trim()
    except (ImportError, AttributeError, TypeError):
        return None
    return {key: getattr(metadata, key, None) for key in ("title", "author", "date", "sitename", "url")}


def _as_blocks(page: str) -> str:
    """An old page laid out with tables and ``<br><br>`` paragraphs, as plain blocks.

    trafilatura leaves tables out (we ask it to: data tables are not prose), which
    leaves nothing of a page whose whole layout is one table.
    """
    return _BREAK_RUN.sub("<p>", _LAYOUT_TAGS.sub(r"<\1div", page))


def _laid_out_with_tables(page: str) -> bool:
    """A page laid out with tables, its paragraphs parted by ``<br><br>`` rather than put in ``<p>``."""
    # Most pages have no <br> or no <table>: two quick searches, without a lower-cased copy of the page.
    if not (_BR_TAG.search(page) and _TABLE_TAG.search(page)):
        return False
    return len(list(islice(_BREAK_RUN.finditer(page), 3))) == 3


def _parse_html(page: str) -> Any:
    """The page's tree as trafilatura parses it, to share between metadata and text; None if it cannot."""
    try:
        from trafilatura.utils import load_html
    except ImportError:
        return None
    return load_html(page)


def _as_paragraphs(text: str) -> str:
    """trafilatura's lines → paragraphs apart, but a list's items ("- …") one under the other, as a Markdown or
    plain-text list is written: the cleaner reads an item that goes on from the one before as part of the list."""
    lines = text.split("\n")
    parts = [lines[0]]
    for before, line in zip(lines, lines[1:], strict=False):
        parts.append("\n" if before.startswith("- ") and line.startswith("- ") else "\n\n")
        parts.append(line)
    return "".join(parts)


def _read_html(article: ArticleFile) -> None:
    # A date the page states year first wins over one guessed from "05/10/2025" and the like.
    stated_date = next((found.group(1) for expression in _STRUCTURED_DATES
                        if (found := expression.search(article.text))), None)
    # Parsed once for both: trafilatura copies the tree before it prunes it for the text.
    tree = _parse_html(article.text)
    page = article.text if tree is None else tree
    metadata = page_metadata(page, with_date=stated_date is None)
    # An old table-layout page is read as blocks at once: the quick pass finds nothing else in it.
    if _laid_out_with_tables(article.text):
        page = _as_blocks(article.text)
    document = _extract_html(page, thorough=False, with_metadata=metadata is None)
    if metadata is None:
        metadata = document
    if len((document.get("text") or "").split()) < SHORT_PAGE_WORDS:
        again = _extract_html(_as_blocks(article.text), thorough=True, with_metadata=False)
        if len((again.get("text") or "").split()) > len((document.get("text") or "").split()):
            document = again
    if not document.get("text"):
        raise UserError(Problem("no article text found in this HTML page", file=article.path,
                                hint="save the article's own page, or paste its text into a .txt file"))
    for ours, theirs in (("title", "title"), ("author", "author"), ("published", "date"),
                         ("outlet", "sitename"), ("url", "url")):
        value = metadata.get(theirs)
        if value:
            article.page_meta[ours] = value
    if stated_date:
        article.page_meta["published"] = stated_date
    body = document["text"]
    title = article.page_meta.get("title")
    article.text = (f"{title}\n\n" if title else "") + _as_paragraphs(body) + "\n"
