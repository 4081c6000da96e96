"""Independent sources: several outlets running one wire story count as one source.

An item of a brief that several sources carry is corroborated only by sources
that reported it independently. A cited source is a *copy* of another cited
source of the same item when

- the two articles are the same text: nearly all of the smaller article's sentences
  (:data:`COPY_SHARE`) are word for word in the other, whatever outlet name,
  headline, furniture or light edits differ; or
- both carry the same wire credit (AP, Reuters, AFP: a dateline such as
  "KYIV (AP) —", a credit or copyright line, or the wire as the outlet) and the
  item's passages in the two are near-identical (:data:`NEAR_IDENTICAL`).

Only the sources an item cites are compared, from fingerprints the index keeps
(computed when an article is read), so the cost follows the brief, not the corpus. A photo credit ("/AFP") is not a
wire credit: it says who took the picture, not who wrote the story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brief.stopwords import COPY_STOPWORDS

if TYPE_CHECKING:
    from brief.corpus import Source

COPY_SHARE = 0.8
"""Share of the smaller article's sentences found word for word in the other for the two to be one text."""
MIN_SENTENCES = 4
"""Articles with fewer distinct sentences than this are too short to call copies by their text alone."""
NEAR_IDENTICAL = 0.8
"""Share of content words two passages must have in common (of all of theirs) to be the same wire text."""

WIRE_NAMES = {"associated press": "AP", "ap": "AP", "reuters": "Reuters", "afp": "AFP",
              "agence france-presse": "AFP", "agence france presse": "AFP"}
"""How articles name the wire services (lower case) → the service."""
_WIRE = r"(AP|Reuters|AFP|Associated Press|Agence France[- ]Presse)"
_DATELINE_CREDIT = re.compile(rf"^[A-Z][\w .,'’/-]{{0,60}}?\(\s*{_WIRE}\s*\)\s*[-–—:]", re.MULTILINE)
""""KYIV, Ukraine (AP) —", "MOSCOW (Reuters) -" at the start of a paragraph."""
_CREDIT_LINE = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?:the\s+)?{_WIRE}\b"
    rf"|^\s*(?:by\s+)?(?:the\s+)?{_WIRE}\s*\.?\s*$", re.IGNORECASE)
_CREDIT_REASONS = frozenset({"credits", "sign-off", "byline", "dateline", "standards notice"})
"""Dropped lines that may carry a wire credit; never photo captions or credits."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+")
_WORDS = re.compile(r"[a-z0-9]+")
_STOPWORDS = COPY_STOPWORDS


@dataclass(frozen=True)
class SourceFingerprint:
    """What comparing one source with another needs: its sentences and its wire credit."""

    source_id: str
    sentences: frozenset[int]
    """Stable 64-bit hashes of its normalised sentences of six words or more (the index stores them)."""
    wire: str | None
    """"AP", "Reuters" or "AFP" when the article carries that wire credit; else None."""


def fingerprint(source_id: str, text: str, dropped_lines: Sequence[tuple[str, str]] = (),
                outlet: str | None = None) -> SourceFingerprint:
    """``dropped_lines`` are (reason, text) pairs of what cleaning removed (bylines, credits, sign-offs)."""
    return SourceFingerprint(source_id, sentence_hashes(text), wire_credit(text, dropped_lines, outlet))


def source_fingerprint(source: Source) -> SourceFingerprint:
    """The fingerprint of a corpus source: its cleaned text, what cleaning dropped, and its outlet."""
    outlet = source.meta.outlet.value if isinstance(source.meta.outlet.value, str) else None
    return fingerprint(source.id, source.text, [(line.reason, line.text) for line in source.dropped], outlet)


def sentence_hashes(text: str) -> frozenset[int]:
    """Stable hashes (the same in every process) of the normalised sentences of six words or more."""
    sentences = set()
    for sentence in _SENTENCE_END.split(text):
        words = _WORDS.findall(sentence.lower())
        if len(words) >= 6:
            digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
            sentences.add(int.from_bytes(digest, "little", signed=True))
    return frozenset(sentences)


def wire_credit(text: str, dropped_lines: Sequence[tuple[str, str]] = (), outlet: str | None = None) -> str | None:
    """The wire service an article credits, from its outlet, a dateline or a credit line; None if none."""
    if outlet and outlet.strip().lower().removeprefix("the ") in WIRE_NAMES:
        return WIRE_NAMES[outlet.strip().lower().removeprefix("the ")]
    head = text[:600]
    match = _DATELINE_CREDIT.search(head)
    if match:
        return _service(match.group(1))
    for reason, line in dropped_lines:
        if reason in _CREDIT_REASONS:
            found = _CREDIT_LINE.search(line)
            if found:
                return _service(next(g for g in found.groups() if g))
    return None


def _service(name: str) -> str:
    return WIRE_NAMES[re.sub(r"\s+", " ", name.strip().lower()).replace("france presse", "france-presse")]


def same_text(a: SourceFingerprint, b: SourceFingerprint) -> bool:
    """Whether two articles are one text: most sentences of the smaller are in the other."""
    smaller = min(len(a.sentences), len(b.sentences))
    if smaller < MIN_SENTENCES:
        return False
    return len(a.sentences & b.sentences) / smaller >= COPY_SHARE


def near_identical(a: str, b: str) -> bool:
    """Whether two passages are one wording, give or take an edit: their content words nearly coincide."""
    words_a = {w for w in _WORDS.findall(a.lower()) if w not in _STOPWORDS}
    words_b = {w for w in _WORDS.findall(b.lower()) if w not in _STOPWORDS}
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= NEAR_IDENTICAL


class CopyFinder:
    """Finds copies among the sources a brief cites; each article is read once.

    ``source_ids`` are every source the brief cites, in citation order; ``load``
    gives a source's fingerprint by id. Articles that are one text are grouped
    once for the whole brief (each compared with the first of every group so
    far), so an item costs a look-up per source, not a comparison per pair.
    """

    def __init__(self, source_ids: Sequence[str], load: Callable[[str], SourceFingerprint]) -> None:
        self.source_ids = list(source_ids)
        self.load = load
        self.fingerprints: dict[str, SourceFingerprint] = {}
        self._group: dict[str, str] | None = None

    def fingerprint(self, source_id: str) -> SourceFingerprint:
        if source_id not in self.fingerprints:
            self.fingerprints[source_id] = self.load(source_id)
        return self.fingerprints[source_id]

    def text_group(self, source_id: str) -> str:
        """The first cited source whose article is the same text as ``source_id``'s (itself if none)."""
        if self._group is None:
            self._group = {}
            firsts: list[str] = []
            for candidate in self.source_ids:
                mine = self.fingerprint(candidate)
                first = next((f for f in firsts if same_text(mine, self.fingerprint(f))), None)
                if first is None:
                    firsts.append(candidate)
                self._group[candidate] = first or candidate
        return self._group.get(source_id, source_id)

    def copies_among(self, cited: Sequence[tuple[str, str]]) -> dict[str, str]:
        """Which cited sources of one item repeat another's wire text.

        ``cited`` is (source id, the item's passage in that source), in citation order.
        Returns copy → the first source (in that order) carrying the same text; the
        first of every group of copies is the independent one and is not a key.
        """
        first_of_group: dict[str, str] = {}
        wired: list[tuple[str, str, str]] = []
        """(wire, source id, passage) of the independent sources so far that carry a wire credit."""
        copies: dict[str, str] = {}
        for source_id, passage in cited:
            group = self.text_group(source_id)
            if group in first_of_group:
                copies[source_id] = first_of_group[group]
                continue
            wire = self.fingerprint(source_id).wire
            original = next((other for credit, other, text in wired
                             if credit == wire and near_identical(passage, text)), None) if wire else None
            if original is not None:
                copies[source_id] = original
                continue
            first_of_group[group] = source_id
            if wire:
                wired.append((wire, source_id, passage))
        return copies

    def same_text(self, a: str, b: str) -> bool:
        """Whether the articles ``a`` and ``b`` are one text."""
        return self.text_group(a) == self.text_group(b)
