"""Validate a hand-edited YAML document against a pydantic model, reporting every problem.

Each pydantic error becomes a :class:`~brief.errors.Problem` placed at the
file and line of the offending key, with the value given and, for unknown
keys, the nearest valid name at that place.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pydantic

from brief.errors import Problem, UserError, did_you_mean, nearest_name
from brief.yamlfile import YamlDocument, YamlPath

ModelT = TypeVar("ModelT", bound=pydantic.BaseModel)


def field_names(model: type[pydantic.BaseModel]) -> set[str]:
    """Names of every field of ``model`` and of the models nested in it."""
    names: set[str] = set()
    pending: list[Any] = [model]
    seen: set[Any] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, pydantic.BaseModel):
            for name, info in current.model_fields.items():
                names.add(info.alias or name)
                pending.append(info.annotation)
        else:
            pending.extend(typing.get_args(current))
    return names


def _alternatives(annotation: Any) -> list[Any]:
    """The types a value may have: unions and ``Annotated`` unwrapped."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [alt for arg in typing.get_args(annotation) for alt in _alternatives(arg)]
    if origin is typing.Annotated:
        return _alternatives(typing.get_args(annotation)[0])
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel)


def fields_at(model: type[pydantic.BaseModel], path: YamlPath) -> set[str]:
    """Names of the keys valid in the mapping at ``path`` (all names when that is unclear)."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for annotation in (alt for item in current for alt in _alternatives(item)):
            origin, args = typing.get_origin(annotation), typing.get_args(annotation)
            if _is_model(annotation) and isinstance(part, str):
                following += [info.annotation for name, info in annotation.model_fields.items()
                              if (info.alias or name) == part]
            elif origin in (list, tuple) and isinstance(part, int) and args:
                following.append(args[0])
            elif origin is dict and isinstance(part, str) and len(args) == 2:
                following.append(args[1])
        current = following
    names = {info.alias or name for annotation in current for alt in _alternatives(annotation)
             if _is_model(alt) for name, info in alt.model_fields.items()}
    return names or field_names(model)


def _place(loc: tuple[Any, ...], data: Any, kind: str) -> tuple[YamlPath, bool]:
    """The path in the data that an error's ``loc`` points at, and whether a union branch was named.

    Pydantic puts the name of a union's alternative (``str``, ``DateRange``,
    ``list[str]``…) into ``loc``; those parts are not in the data, so they go.
    """
    path: list[str | int] = []
    skipped = False
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif last and kind == "missing":
            path.append(part)
        else:
            skipped = True
    return tuple(path), skipped and not (path and loc and path[-1] == loc[-1])


_PLAIN_MESSAGES = {
    "int_type": "expected a whole number", "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number", "float_parsing": "expected a number",
    "bool_type": "expected true or false", "bool_parsing": "expected true or false",
    "string_type": "expected text", "list_type": "expected a list",
    "dict_type": "expected a mapping of keys to values", "model_type": "expected a mapping of keys to values",
}
"""Pydantic's wording for the common type errors, in the words of someone editing YAML."""


def _message(error: Any, key: object) -> str:
    kind = error["type"]
    if kind == "missing":
        return "this key is required"
    if kind == "extra_forbidden":
        return f"unknown key {key!r}"
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    bounds = error.get("ctx") or {}
    if kind in ("string_too_short", "too_short") and bounds.get("min_length") == 1:
        return "must not be empty"
    if kind == "greater_than_equal" and "ge" in bounds:
        return f"must be at least {bounds['ge']}"
    if kind == "less_than_equal" and "le" in bounds:
        return f"must be at most {bounds['le']}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if kind == "literal_error" and message.startswith("Input should be "):
        message = "expected " + message[len("Input should be "):]
    return message[:1].lower() + message[1:]


def _what_to_do(error: Any, key: object) -> str | None:
    """What to write instead, for a value too short: an empty text or list says nothing of what it wants."""
    kind, wanted = error["type"], (error.get("ctx") or {}).get("min_length")
    place = f"after “{key}:”" if isinstance(key, str) else "here"
    if kind == "string_too_short":
        return f"write some text {place}" if wanted == 1 else f"write at least {wanted} characters {place}"
    if kind == "too_short":
        return f"list at least one entry {place}" if wanted == 1 else f"list at least {wanted} entries {place}"
    return None


def by_line(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line (file-wide problems first)."""
    return sorted(problems, key=lambda p: (str(p.file or ""), p.line or 0))


def validate_document(model: type[ModelT], document: YamlDocument, *, what: str) -> ModelT:
    """``document.data`` as a ``model``, or a :class:`UserError` listing every problem."""
    data = document.data
    if not isinstance(data, dict):
        raise UserError(document.problem((), f"a {what} must be a mapping of keys to values",
                                         value=type(data).__name__ if data is not None else "empty file"))
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        placed = [(error, *_place(tuple(error["loc"]), data, error["type"])) for error in exc.errors()]
        # Unknown keys that are typos of a missing required key: one report, not two.
        typos = {(path[:-1], nearest_name(path[-1], fields_at(model, path[:-1])))
                 for error, path, _ in placed if error["type"] == "extra_forbidden" and path}
        problems: list[Problem] = []
        seen: set[YamlPath] = set()
        for error, path, from_union in placed:
            if path in seen:
                continue
            if from_union and any(other[: len(path)] == path and len(other) > len(path)
                                  for _, other, _ in placed):
                continue  # an alternative the value was clearly not meant for
            if error["type"] == "missing" and path and (path[:-1], path[-1]) in typos:
                continue
            seen.add(path)
            key = path[-1] if path else None
            message = _message(error, key)
            if from_union:
                # A union reports once per alternative: "expected 'all'", "expected a list".
                wanted = [_message(other, key) for other, where, union in placed if union and where == path]
                if all(text.startswith("expected ") for text in wanted):
                    message = "expected " + " or ".join(dict.fromkeys(t[len("expected "):] for t in wanted))
            hint = did_you_mean(key, fields_at(model, path[:-1])) if error["type"] == "extra_forbidden" \
                else _what_to_do(error, key)
            value = None if error["type"] in ("missing", "extra_forbidden") else error.get("input")
            if isinstance(value, (dict, list)):
                value = None
            problems.append(document.problem(path, message, value=value, hint=hint))
        raise UserError(by_line(problems)) from None


def validate_with_checks(model: type[ModelT], document: YamlDocument, *, what: str,
                         checks: Callable[[], list[Problem]]) -> ModelT:
    """Like :func:`validate_document`, with further checks on the raw data (names, ids) whose
    problems are reported together with the type errors, sorted by line."""
    problems: list[Problem] = []
    spec: ModelT | None = None
    try:
        spec = validate_document(model, document, what=what)
    except UserError as error:
        if not isinstance(document.data, dict):
            raise
        problems.extend(error.problems)
    problems.extend(checks())
    if problems or spec is None:
        raise UserError(by_line(problems))
    return spec
