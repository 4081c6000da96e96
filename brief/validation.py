"""Validate a hand-edited YAML document against a pydantic model, reporting every problem.

Each pydantic error becomes a :class:`~brief.errors.Problem` placed at the
file and line of the offending key, with the value given and, for unknown
keys, the nearest valid name.
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

import pydantic

from brief.errors import Problem, UserError, did_you_mean
from brief.yamlfile import YamlDocument

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


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "this key is required"
    if kind == "extra_forbidden":
        return f"unknown key {error['loc'][-1]!r}"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message[:1].lower() + message[1:]


def validate_document(model: type[ModelT], document: YamlDocument, *, what: str) -> ModelT:
    """``document.data`` as a ``model``, or a :class:`UserError` listing every problem."""
    data = document.data
    if not isinstance(data, dict):
        raise UserError(document.problem((), f"a {what} must be a mapping of keys to values",
                                         value=type(data).__name__ if data is not None else "empty file"))
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        problems: list[Problem] = []
        known = field_names(model)
        seen: set[tuple[Any, ...]] = set()
        for error in exc.errors():
            # Union types report one error per alternative; keep the first per place.
            loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and "[" in part)
                        and part not in ("str", "int", "list", "dict", "literal", "function-after",
                                         "function-plain", "date"))
            if loc in seen:
                continue
            seen.add(loc)
            hint = did_you_mean(loc[-1], known) if error["type"] == "extra_forbidden" else None
            value = None if error["type"] in ("missing", "extra_forbidden") else error.get("input")
            if isinstance(value, (dict, list)):
                value = None
            problems.append(document.problem(loc, _message(error), value=value, hint=hint))
        raise UserError(problems) from None
