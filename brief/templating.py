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
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from brief.dates import long_date
from brief.errors import Problem, UserError

MAX_RENDERED_CHARS = 5_000_000
"""A brief is never this long; a template that produces more is stopped."""


class MarkdownText(str):
    """Text that is already Markdown and must not be escaped again."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&{}])")


def escape_markdown(text: object) -> str:
    """Literal text → Markdown that displays exactly that text, on one line."""
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    if re.match(r"[#+=>-]", escaped):
        escaped = "\\" + escaped
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


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


def _meta_value(value: object, missing: str) -> MarkdownText:
    """A source's metadata value, † when inferred, in italics when unknown."""
    if not getattr(value, "known", False):
        return MarkdownText(f"*{escape_markdown(missing)}*")
    text = escape_markdown(value.display())  # type: ignore[attr-defined]
    if getattr(value, "how", "").startswith("latest date"):
        text += " (latest date mentioned)"
    return MarkdownText(text + ("†" if getattr(value, "origin", "") == "inferred" else ""))


@functools.lru_cache(maxsize=16)
def _environment(roots: tuple[Path, ...], kind: str) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(root) for root in roots])
    if kind == "markdown":
        env = SandboxedEnvironment(loader=loader, autoescape=False, finalize=_finalize_markdown,
                                   keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                                   undefined=jinja2.StrictUndefined)
    else:
        env = SandboxedEnvironment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                   undefined=jinja2.StrictUndefined)
    env.filters["long_date"] = _date_filter
    env.filters["yaml"] = _yaml_string
    env.filters["cite"] = _citations
    env.filters["meta"] = _meta_value
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
                                file=Path(template.filename or name))) from None
    return "".join(pieces)
