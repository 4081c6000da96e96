"""Finding a brief's wording in an article: verbatim up to layout, else the closest passage.

Two texts "say the same" when they differ only in whitespace (amount and kind,
line breaks included), in Unicode composition (NFC), or in the typographic form
of a quotation mark or apostrophe: ``"`` for ``“``/``”``, ``'`` for ``‘``/``’``.
A straight mark matches a curly one only where the article has a mark of the
same kind, so a quote mark never stands in for an apostrophe. Nothing else is
forgiven: not a dash, not an ellipsis, not a letter's case.

When a wording is not in an article, :func:`closest_passage` finds the run of
the article's words most like it (difflib over words), and :func:`word_changes`
says which words differ, so the analyst sees the changed word at once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from brief.errors import counted

_QUOTE_FORMS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})
_WORD = re.compile(r"\S+")
_BARE = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """``text`` as compared: NFC, whitespace runs as one space, quote marks in their plain form."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTE_FORMS).split())


@dataclass(frozen=True)
class Passage:
    """A stretch of an article, as the article writes it (whitespace collapsed)."""

    text: str
    similarity: float
    """difflib's ratio between the wanted words and these, 0–1."""


class ComparableText:
    """An article's text prepared once for many look-ups: normalised, and split into words."""

    def __init__(self, text: str):
        display = unicodedata.normalize("NFC", text)
        self.words: list[str] = [m.group() for m in _WORD.finditer(display)]
        """The article's words as written (for showing passages)."""
        self.normalised = " ".join(self.words).translate(_QUOTE_FORMS)
        """The whole text as :func:`normalise` makes it."""
        self._keys = [_key(word) for word in self.words]

    def contains(self, wanted: str) -> bool:
        """Whether ``wanted`` (already :func:`normalise`-d) is in the text, verbatim up to layout."""
        return bool(wanted) and wanted in self.normalised

    def closest_passage(self, wanted: str) -> Passage | None:
        """The run of words most like ``wanted``; None for an empty text or an empty ``wanted``."""
        want_keys = [_key(word) for word in wanted.split()]
        if not want_keys or not self.words:
            return None
        size = len(want_keys)
        wanted_set = set(want_keys)
        # A cheap first pass: how many of the wanted words each window of the same length holds.
        hits = [0]
        for key in self._keys:
            hits.append(hits[-1] + (key in wanted_set))
        last_start = max(len(self.words) - size, 0)
        scores = sorted(range(last_start + 1), key=lambda i: (-(hits[min(i + size, len(self.words))] - hits[i]), i))
        best: tuple[tuple[int, int, int, float], int, int] = ((-1, 0, 0, 0.0), 0, 0)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(want_keys)
        # Then difflib, around the few best windows, with a little slack at either end. Most words
        # in common wins; then most of them in place; then the wanted text's length, since an
        # analyst's edit most often replaces a word (at a quotation's edge too: "no agreement"
        # for "no compromise" should show "compromise", not the word before the quote).
        slack = max(2, size // 5)
        for start in scores[:5]:
            for begin in range(max(start - slack, 0), min(start + slack, last_start) + 1):
                for length in range(max(size - slack, 1), size + slack + 1):
                    end = min(begin + length, len(self.words))
                    matcher.set_seq1(self._keys[begin:end])
                    blocks = matcher.get_matching_blocks()
                    common = sum(block.size for block in blocks)
                    # Words in common that sit where the wanted text has them, counted from either end.
                    in_place = sum(block.size for block in blocks
                                   if block.size and (block.a == block.b or end - begin - block.a == size - block.b))
                    rank = (common, in_place, -abs(end - begin - size), matcher.ratio())
                    if rank > best[0]:
                        best = (rank, begin, end)
        (_, _, _, ratio), begin, end = best
        return Passage(" ".join(self.words[begin:end]), round(ratio, 3))


def _key(word: str) -> str:
    """A word as the closest-passage search compares it: lower case, no punctuation."""
    bare = _BARE.sub("", word.lower())
    return bare or word


def word_changes(wanted: str, passage: str, *, limit: int = 4) -> list[str]:
    """What differs between the brief's words and the article's, in a few short phrases.

    E.g. ``'"agreed" where the source has "reached"'``, ``'"very" is not in the source'``.
    """
    ours, theirs = wanted.split(), passage.split()
    matcher = difflib.SequenceMatcher(a=[normalise(w) for w in ours], b=[normalise(w) for w in theirs],
                                      autojunk=False)
    changes: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        brief_words, source_words = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
        if tag == "replace":
            changes.append(f'"{brief_words}" where the source has "{source_words}"')
        elif tag == "delete":
            changes.append(f'"{brief_words}" is not in the source')
        elif tag == "insert":
            changes.append(f'the source has "{source_words}" here')
    if len(changes) > limit:
        changes = changes[:limit] + [f"and {counted(len(changes) - limit, 'more difference')}"]
    return changes
