"""The two error families: the user's mistakes and ours.

A :class:`UserError` carries one or more :class:`Problem` records (file, line,
field, value, explanation, suggestion) and is reported as a short message with
exit code 2. Anything else that escapes is a bug: a traceback and exit code 1.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

EXIT_USER_ERROR = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, located as precisely as we know."""

    message: str
    """What is wrong, in the user's words."""
    file: Path | None = None
    """The file the problem is in, when there is one."""
    line: int | None = None
    """1-based line number; only set when it is really known, never guessed."""
    field: str | None = None
    """The key or field concerned, e.g. ``sections[1].id``."""
    value: object = None
    """The offending value as given (shown with ``repr``)."""
    hint: str | None = None
    """What to do about it, e.g. a "did you mean …?" suggestion."""

    def location(self) -> str:
        if self.file is None:
            return ""
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
        return where

    def format(self) -> str:
        parts = []
        where = self.location()
        if where:
            parts.append(where + ":")
        if self.field:
            parts.append(f"{self.field}:")
        text = self.message
        if self.value is not None:
            text += f" (got {self.value!r})"
        parts.append(text)
        line = " ".join(parts)
        if self.hint:
            line += f"\n    {self.hint}"
        return line


class UserError(Exception):
    """A mistake in the user's input or invocation: reported, never a traceback."""

    def __init__(self, problems: Problem | str | Iterable[Problem], *, hint: str | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, hint=hint)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.format())

    def format(self) -> str:
        return "\n".join(problem.format() for problem in self.problems)


def nearest_name(value: object, choices: Iterable[str]) -> str | None:
    """The valid name closest to a misspelt ``value``, or None when nothing is close."""
    if not isinstance(value, str):
        return None
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(value: object, choices: Iterable[str]) -> str | None:
    """A ready-made hint: "did you mean 'x'?" or the list of valid names."""
    choices = sorted(choices)
    near = nearest_name(value, choices)
    if near:
        return f"did you mean {near!r}?"
    if len(choices) <= 15:
        return "valid names: " + ", ".join(choices)
    return None


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """A count with its noun in the right number: "1 source", "3 sources", "2 analyses" (``plural`` given)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


FIRST_FEW = 10
"""How many names a message lists before it counts the rest (:func:`first_few`)."""


def first_few(names: Sequence[str], limit: int = FIRST_FEW, *, total: int | None = None) -> str:
    """``names`` for a message, the first ``limit`` of them: "a, b, c and 4 more". ``total``: how many there are,
    when ``names`` holds only those shown (the rest are counted, not named)."""
    rest = (len(names) if total is None else total) - limit
    return ", ".join(names[:limit]) + (f" and {rest} more" if rest > 0 else "")
