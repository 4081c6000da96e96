"""What the analyst's sections found in a source, kept between commands.

Key quotes, key figures and the timeline are read out of each source a brief
draws them from: a few milliseconds a source, which a weekly brief on a large
corpus pays for a dozen sources on every build. The index keeps what was found
(:class:`FindingsStore`), as JSON rows of plain values, under a key that
changes whenever the answer could: the source's content, its publication date
(relative dates hang on it) and the code of the extractors. A row under another
key, or one that does not read back, is worked out again, never trusted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

EXTRACTOR_MODULES = ("quotes", "speakers", "figures", "figure_sources", "timeline", "sentences", "dates",
                     "segmentation")
"""Every module whose code decides what the extractors find (the reading and cleaning code that makes
a source's text is the index's own: a change there rebuilds the whole index, this store with it)."""


class FindingsStore(Protocol):
    """Where findings are kept: the corpus index."""

    def load_findings(self, kind: str, source_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Source id → (key, value) of what is kept for ``kind``; sources with nothing kept are left out."""
        ...

    def save_findings(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Keep (source id, kind, key, value) rows; never fails: what cannot be kept is worked out next time."""
        ...


def findings_key(content_hash: str, published: dt.date | None, earliest: bool = False) -> str:
    """The key under which what the extractors found in one source holds (``earliest``: ``published`` is
    only the earliest the article can have appeared)."""
    date = (published.isoformat() + ("+" if earliest else "")) if published else "-"
    return f"{extractor_fingerprint()}:{content_hash}:{date}"


def extractor_fingerprint() -> str:
    """A hash of the extractors' code, worked out once per process."""
    if not _fingerprint:
        from brief.index import code_fingerprint

        package = Path(__file__).resolve().parent
        _fingerprint.append(code_fingerprint(package / f"{name}.py" for name in EXTRACTOR_MODULES)[:16])
    return _fingerprint[0]


_fingerprint: list[str] = []


def encode(found: Iterable[object]) -> str:
    """Findings (instances of one frozen dataclass of plain fields) as a JSON list of value lists."""
    return json.dumps([[_plain(getattr(item, field.name)) for field in dataclasses.fields(item)]  # type: ignore[arg-type]
                       for item in found], ensure_ascii=False)


def decode(kind: type, value: str) -> tuple[object, ...] | None:
    """The findings ``encode`` wrote for dataclass ``kind``; None when the value does not read as such."""
    fields = _date_fields(kind)
    try:
        rows = json.loads(value)
        if not isinstance(rows, list) or not all(isinstance(row, list) and len(row) == len(fields)
                                                 and all(isinstance(v, _SCALARS) for v in row) for row in rows):
            return None
        return tuple(kind(*[dt.date.fromisoformat(v) if is_date and v is not None else v
                            for v, is_date in zip(row, fields, strict=True)]) for row in rows)
    except (ValueError, TypeError):  # not JSON, or a date that is not one
        return None


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


_date_fields_of: dict[type, tuple[bool, ...]] = {}


def _date_fields(kind: type) -> tuple[bool, ...]:
    """Per field of ``kind``, whether it holds a date (the one type JSON does not carry)."""
    if kind not in _date_fields_of:
        hints = typing.get_type_hints(kind)
        _date_fields_of[kind] = tuple(_is_date(hints[field.name]) for field in dataclasses.fields(kind))
    return _date_fields_of[kind]


def _is_date(hint: object) -> bool:
    if hint is dt.date:
        return True
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_is_date(member) for member in typing.get_args(hint))
    return False
