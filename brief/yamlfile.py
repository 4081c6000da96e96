"""Load the YAML files users edit by hand, keeping line numbers for messages.

Every value's line is kept in :attr:`YamlDocument.lines` under its path (a tuple
of keys and list indexes), so that validation can point at ``file:line``.
Duplicate keys and aliases are refused (aliases also shut out "billion laughs"
bombs), and dates stay strings so that their validation can say what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from brief.errors import Problem, UserError

MAX_YAML_BYTES = 2_000_000
"""A hand-edited brief file is never this large; refusing bigger ones bounds the work."""

YamlPath = tuple[str | int, ...]


_FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it: same results, several times faster."""


class _PlainLoader(_FastSafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without the implicit timestamp type: dates are validated by us."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed YAML data plus the line of every key and list item."""

    file: Path
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    text: str | None = None
    """The text the document was parsed from (None when the data came from elsewhere)."""

    def line_of(self, path: YamlPath) -> int | None:
        """Line of ``path``, or of its nearest enclosing value that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: YamlPath, message: str, *, value: object = None,
                hint: str | None = None) -> Problem:
        return Problem(message, file=self.file, line=self.line_of(path),
                       field=format_path(path) or None, value=value, hint=hint)


def format_path(path: YamlPath) -> str:
    """``("sections", 1, "id")`` → ``sections[1].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def load_yaml_file(path: Path) -> YamlDocument:
    """Read and parse ``path``; every problem becomes a :class:`UserError`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(Problem("file not found", file=path)) from None
    except OSError as exc:
        raise UserError(Problem(f"cannot read file: {exc.strerror}", file=path)) from None
    if len(raw) > MAX_YAML_BYTES:
        raise UserError(Problem(f"file is too large for a YAML settings file ({len(raw):,} bytes)",
                                file=path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(Problem("file is not valid UTF-8", file=path, line=line,
                                hint="save the file as UTF-8")) from None
    return parse_yaml_text(text, path)


def parse_yaml_text(text: str, path: Path) -> YamlDocument:
    """Parse YAML ``text`` that came from ``path`` (used in messages)."""
    loader = _PlainLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            message = (exc.problem or str(exc)).strip()
            if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
                # Where the parser noticed can be far from the cause (often the end of the file).
                message += f" ({exc.context.strip()} that starts on line {exc.context_mark.line + 1})"
            raise UserError(Problem(f"not valid YAML: {message}", file=path, line=line)) from None
        except yaml.YAMLError as exc:
            raise UserError(Problem(f"not valid YAML: {exc}", file=path)) from None
        document = YamlDocument(file=path, data=None, text=text)
        if node is None:
            document.data = None
            return document
        problems: list[Problem] = []
        document.lines[()] = node.start_mark.line + 1
        document.data = _build(node, (), loader, document, problems, set())
        if problems:
            raise UserError(problems)
        return document
    finally:
        loader.dispose()


def _build(node: yaml.Node, path: YamlPath, loader: yaml.SafeLoader, document: YamlDocument,
           problems: list[Problem], seen: set[int]) -> Any:
    if id(node) in seen:
        # The composer hands back the anchored node itself for every alias, so a
        # node met twice is an alias. Refusing it also defuses "billion laughs".
        problems.append(document.problem(path, "YAML aliases (&anchor / *alias) are not supported",
                                         hint="write the value out in full"))
        return None
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem("YAML merge keys (<<) are not supported", file=document.file,
                                        line=key_node.start_mark.line + 1))
                continue
            key = _build(key_node, path, loader, document, problems, seen)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem("a key must be a plain name", file=document.file,
                                        line=key_node.start_mark.line + 1, value=key))
                continue
            key_path = path + (key,) if isinstance(key, str) else path + (str(key),)
            line = key_node.start_mark.line + 1
            if key in result:
                problems.append(Problem(
                    f"duplicate key {key!r} (first given on line {document.lines.get(key_path)})",
                    file=document.file, line=line, field=format_path(key_path),
                    hint="remove one of the two entries"))
                continue
            document.lines[key_path] = line
            result[key] = _build(value_node, key_path, loader, document, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            # An alias's node carries the anchor's position, so fall back on the list's own line.
            line = document.lines.get(path) if id(item) in seen else item.start_mark.line + 1
            if line is not None:
                document.lines[path + (index,)] = line
            items.append(_build(item, path + (index,), loader, document, problems, seen))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problems.append(Problem(f"bad value: {exc}", file=document.file,
                                line=node.start_mark.line + 1, field=format_path(path) or None))
        return None
