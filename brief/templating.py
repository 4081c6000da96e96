"""The Jinja2 environments that render briefs, one per output kind, cached.

Templates are looked up in order — a recipe-local ``templates/``, the project's
``templates/``, then the shipped ones — so an analyst overrides a template by
dropping a file of the same name. Environments are sandboxed (user templates
cannot reach Python internals) and escape by default: HTML templates autoescape,
and Markdown templates escape every value unless it is :class:`MarkdownText`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import threading
import time
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from brief.briefing import MENTIONED, BriefItem, DroppedItem
from brief.dates import long_date
from brief.errors import Problem, UserError
from brief.metadata import MENTIONED_DATE

MAX_RENDERED_CHARS = 5_000_000
"""A brief is never this long; a template that produces more is stopped."""
MAX_RENDER_SECONDS = 20.0
"""A brief renders in milliseconds; a template still running after this is stopped."""
MAX_VALUE_CHARS = 1_000_000
"""Largest string or list a template may build with ``*`` or ``**``."""

_deadline = threading.local()


class TemplateLimitError(Exception):
    """A user template ran too long or built something too large."""


def _check_deadline() -> None:
    deadline = getattr(_deadline, "at", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimitError(f"it ran for more than {MAX_RENDER_SECONDS:.0f} s")


class LimitedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, plus a time limit checked on every call, attribute and loop step, and a
    cap on what ``*``/``**`` may build: user templates cannot hang a weekly build or fill memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        _check_deadline()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        _check_deadline()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        _check_deadline()
        return super().getitem(obj, argument)

    def call_binop(self, context, operator, left, right):
        _check_deadline()
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(right) > 64:
                raise TemplateLimitError("it raised a number to too large a power")
            return left**right
        sizes = [len(x) for x in (left, right) if isinstance(x, (str, list, tuple))]
        counts = [x for x in (left, right) if isinstance(x, int)]
        if sizes and counts and sizes[0] * max(counts[0], 0) > MAX_VALUE_CHARS:
            raise TemplateLimitError(f"it built a value of more than {MAX_VALUE_CHARS:,} items")
        return left * right


def _limited_range(*args: int):
    """``range`` for templates: at most 100,000 items, and it honours the time limit."""
    values = range(*args)
    if len(values) > 100_000:
        raise TemplateLimitError("it asked for a range of more than 100,000 numbers")
    for index, value in enumerate(values):
        if index % 1024 == 0:
            _check_deadline()
        yield value


class MarkdownText(str):
    """Text that is already Markdown and must not be escaped again."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&{}])")
# What makes a line a heading, a bullet, a rule or a heading's underline (CommonMark §4.1–4.3, §5.2): "# ",
# "- ", "+ ", "- - -", "===".
# Only these are escaped, so "-5 %" and "#3" stay as typed in the Markdown an analyst reads.
_BLOCK_START = re.compile(r"(?:#{1,6}|[-+])(?:\s|$)|(?:-\s*){3,}$|[=-]+$")
# A table's delimiter row (GFM §4.10), which would make the line above it a table's header: "-:", ":--- \\| ---".
_TABLE_DELIMITER = re.compile(r"(?:[-:\s]|\\\|)*-(?:[-:\s]|\\\|)*")
# A heading's closing run of "#" (§4.2), which a heading drops: "round #" in a title.
_HEADING_CLOSE = re.compile(r"(\s)(#+)$")
# An ordered list's marker (§5.2): up to nine digits, "." or ")", then a space or the end: "1. " but not "0.77%".
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_markdown(text: object) -> str:
    """Literal text → Markdown that displays exactly that text, on one line."""
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    if _BLOCK_START.match(escaped):
        escaped = "\\" + escaped
    if _TABLE_DELIMITER.fullmatch(escaped):
        escaped = escaped.replace("-", "\\-")
    escaped = _HEADING_CLOSE.sub(r"\1\\\2", escaped)
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def _finalize_markdown(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, MarkdownText):
        return value
    if isinstance(value, (int, float)):
        return value
    return escape_markdown(value)


def _date_filter(value: object) -> str:
    if isinstance(value, dt.date):
        return long_date(value)
    return "" if value is None else str(value)


def _yaml_string(value: object) -> MarkdownText:
    """A value for the brief's YAML front matter, quoted safely on one line."""
    if value is None:
        return MarkdownText("null")
    if isinstance(value, dt.date):
        return MarkdownText(value.isoformat())
    return MarkdownText(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


def _citations(item: object) -> MarkdownText:
    """``[[1]](#src-1)[[3]](#src-3)``: links into the numbered list of sources."""
    citations = getattr(item, "citations", ())
    return MarkdownText("".join(f"[\\[{c.number}\\]](#src-{c.number})" for c in citations))


def _point(item: BriefItem | DroppedItem) -> MarkdownText:
    """An item's text, escaped, with the label the article put before the point in bold ("**Next Steps:** The
    U.S. delegation …"), and so the speaker's label of an answer shown after its question ("Daniel, is a deal
    closer? **DANIEL FERREIRA (analyst):** Closer …"; :mod:`brief.lead_labels`)."""
    return MarkdownText(" ".join(f"**{escape_markdown(label)}** {escape_markdown(text)}" if label
                                 else escape_markdown(text) for label, text in item.parts))


def _meta_value(value: object, missing: str) -> MarkdownText:
    """A source's metadata value, † when inferred, in italics when unknown."""
    if not getattr(value, "known", False):
        return MarkdownText(f"*{escape_markdown(missing)}*")
    text = escape_markdown(value.display())  # type: ignore[attr-defined]
    if getattr(value, "how", "") == MENTIONED_DATE:
        text += f" {MENTIONED}"
    return MarkdownText(text + ("†" if getattr(value, "origin", "") == "inferred" else ""))


@functools.lru_cache(maxsize=16)
def _environment(roots: tuple[Path, ...], kind: str) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(root) for root in roots])
    if kind == "markdown":
        env = LimitedSandbox(loader=loader, autoescape=False, finalize=_finalize_markdown,
                                   keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                                   undefined=jinja2.StrictUndefined)
    else:
        env = LimitedSandbox(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                   undefined=jinja2.StrictUndefined)
    env.globals["range"] = _limited_range
    env.filters["long_date"] = _date_filter
    env.filters["yaml"] = _yaml_string
    env.filters["cite"] = _citations
    env.filters["meta"] = _meta_value
    env.filters["point"] = _point
    env.filters["md"] = lambda value: MarkdownText(escape_markdown(value))
    return env


def _load(template_dirs: list[Path], name: str, kind: str) -> jinja2.Template:
    env = _environment(tuple(template_dirs), kind)
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound:
        raise UserError(Problem(f"template {name!r} not found",
                                hint="looked in: " + ", ".join(str(d) for d in template_dirs))) from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(Problem(f"template syntax error: {exc.message}", file=Path(exc.filename or name),
                                line=exc.lineno)) from None


def check_template(template_dirs: list[Path], name: str, kind: str) -> None:
    """Compile a template so that a syntax error is reported with its file and line."""
    _load(template_dirs, name, kind)


def render_template(template_dirs: list[Path], name: str, kind: str, **context: object) -> str:
    """Render ``name`` found in the first of ``template_dirs`` that has it."""
    template = _load(template_dirs, name, kind)
    pieces: list[str] = []
    size = 0
    where = Path(template.filename or name)
    _deadline.at = time.monotonic() + MAX_RENDER_SECONDS
    try:
        for piece in template.generate(**context):
            size += len(piece)
            if size > MAX_RENDERED_CHARS:
                raise UserError(Problem(f"template {name!r} produced more than {MAX_RENDERED_CHARS:,} "
                                        "characters; stopped", file=Path(template.filename or name)))
            pieces.append(piece)
    except jinja2.exceptions.SecurityError as exc:
        raise UserError(Problem(f"template {name!r} tried something not allowed: {exc}",
                                file=Path(template.filename or name))) from None
    except jinja2.UndefinedError as exc:
        raise UserError(Problem(f"template {name!r} uses an unknown value: {exc.message}",
                                file=where)) from None
    except TemplateLimitError as exc:
        raise UserError(Problem(f"template {name!r} was stopped: {exc}", file=where,
                                hint="user templates must render a brief quickly")) from None
    except RecursionError:
        raise UserError(Problem(f"template {name!r} was stopped: it calls itself without end",
                                file=where)) from None
    finally:
        _deadline.at = None
    return "".join(pieces)
