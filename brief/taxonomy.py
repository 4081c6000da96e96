"""The taxonomy in ``briefings/topics.yaml``: topics, brief sections, and their rules.

A rule is a list of phrases (whole words, case-insensitive, hyphen and space
alike) or regular expressions, with a weight. A passage scores the weights of
the rules it matches; it carries a topic when the score reaches the topic's
``min_score``, and goes to the section whose cues score highest (``background``
when none reaches its threshold). Analysts read and change the same file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pydantic

from brief.errors import Problem
from brief.section_kinds import EXTRA_SECTIONS
from brief.validation import validate_with_checks
from brief.yamlfile import YamlDocument, load_yaml_file

BACKGROUND = "background"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return pattern


Pattern = Annotated[str, pydantic.AfterValidator(_compiles)]
"""A regular expression, checked one by one so that a bad one is reported at its own line."""


class RuleSpec(pydantic.BaseModel):
    """One matching rule: phrases and/or patterns, all with the same weight."""

    model_config = pydantic.ConfigDict(extra="forbid")
    phrases: list[str] = []
    """Words or phrases matched as whole words, ignoring case; `-` and space match each other."""
    patterns: list[Pattern] = []
    """Python regular expressions, matched ignoring case."""
    weight: float = 1.0
    """Score added when any phrase or pattern of the rule matches (each counts once)."""


class TopicSpec(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    id: str = pydantic.Field(pattern=ID_PATTERN)
    label: str
    description: str = ""
    min_score: float = 1.0
    rules: list[RuleSpec]


class SectionSpec(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    id: str = pydantic.Field(pattern=ID_PATTERN)
    label: str
    description: str = ""
    min_score: float = 1.0
    rules: list[RuleSpec] = []


class TaxonomySpec(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    topics: list[TopicSpec]
    sections: list[SectionSpec]


@dataclass(frozen=True)
class CompiledRule:
    """A rule turned into regular expressions, each counted once per passage."""

    expressions: tuple[tuple[str, re.Pattern[str]], ...]
    """(a word the passage must contain, lower-cased, or "" for patterns; the expression)."""
    weight: float

    def score(self, text: str, lowered: str | None = None) -> float:
        # The plain substring test is cheap and rules most phrases out before any regex runs.
        lowered = text.lower() if lowered is None else lowered
        hits = sum(1 for key, expression in self.expressions
                   if (not key or key in lowered) and expression.search(text))
        return self.weight * hits


@dataclass(frozen=True)
class Category:
    """A topic or a section, ready to score passages."""

    id: str
    label: str
    description: str
    min_score: float
    rules: tuple[CompiledRule, ...]

    def score(self, text: str, lowered: str | None = None) -> float:
        lowered = text.lower() if lowered is None else lowered
        return sum(rule.score(text, lowered) for rule in self.rules)


@dataclass(frozen=True)
class Taxonomy:
    """Topics and sections in file order."""

    path: Path | None
    topics: tuple[Category, ...]
    sections: tuple[Category, ...]

    def topic_ids(self) -> list[str]:
        return [topic.id for topic in self.topics]

    def section_ids(self) -> list[str]:
        return [section.id for section in self.sections]

    def topic(self, topic_id: str) -> Category:
        return next(topic for topic in self.topics if topic.id == topic_id)

    def section(self, section_id: str) -> Category:
        return next(section for section in self.sections if section.id == section_id)

    @functools.cached_property
    def matcher(self) -> TaxonomyMatcher:
        return TaxonomyMatcher(self)


_WORD = re.compile(r"\w+")
_FREE_WORD = re.compile(r"(?<![\w-])\w+")


def _single_word(expression: re.Pattern[str]) -> str | None:
    """The word of a one-word phrase expression (see :func:`phrase_expression`), else None."""
    prefix, suffix = "(?<![\\w-])", "(?![\\w])"
    body = expression.pattern
    if not (body.startswith(prefix) and body.endswith(suffix)):
        return None
    word = body[len(prefix):-len(suffix)]
    return word.lower() if re.fullmatch(r"[A-Za-z0-9]+", word) else None


def required_literal(pattern: str) -> str:
    """A run of plain characters every match of ``pattern`` must contain, lower-cased ("" if none is sure).

    Read from the parsed pattern's top level only, where each item must match
    exactly once; runs shorter than three characters are not worth a test.
    """
    from re import _constants as constants  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    try:
        items = list(parser.parse(pattern))
    except re.error:
        return ""
    best, run = "", ""
    for op, argument in items:
        if op is constants.LITERAL:
            run += chr(argument).lower()
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best if len(best) >= 3 else ""


class TaxonomyMatcher:
    """Every rule of a taxonomy at once, scoring a passage with as few regex searches as possible.

    Gives the same scores as :meth:`Category.score`: a phrase is only searched
    for when its longest word is one of the passage's words, and the patterns
    only when one pass of all of them together finds anything.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.categories = list(taxonomy.topics) + list(taxonomy.sections)
        self.topic_count = len(taxonomy.topics)
        self.weights: list[float] = []
        """Per rule, in the order ``rule_of`` numbers them."""
        self.rule_category: list[int] = []
        by_word: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        by_free_word: dict[str, list[int]] = {}
        """A one-word phrase matches exactly when the word stands free (no letter or hyphen before it)."""
        always: list[tuple[int, re.Pattern[str]]] = []
        patterns: list[tuple[int, re.Pattern[str]]] = []
        for number, category in enumerate(self.categories):
            for rule in category.rules:
                rule_number = len(self.weights)
                self.weights.append(rule.weight)
                self.rule_category.append(number)
                for key, expression in rule.expressions:
                    if not key:
                        patterns.append((rule_number, expression))
                        continue
                    single = _single_word(expression)
                    if single is not None:
                        by_free_word.setdefault(single, []).append(rule_number)
                        continue
                    words = _WORD.findall(key)
                    if words:
                        by_word.setdefault(max(words, key=len), []).append((rule_number, expression))
                    else:
                        always.append((rule_number, expression))
        self.by_word = by_word
        self.by_free_word = by_free_word
        self.always = always
        self.patterns = patterns
        self.patterns_by_literal = [(required_literal(e.pattern), rule_number, e) for rule_number, e in patterns]

    def scores(self, text: str) -> list[float]:
        """The score of every topic, then every section, in taxonomy order."""
        lowered = text.lower()
        hits = [0] * len(self.weights)
        # Words are found in the text as written (lower-casing can change lengths: "İ" → "i̇").
        for word in {w.lower() for w in _FREE_WORD.findall(text)}.intersection(self.by_free_word):
            for rule_number in self.by_free_word[word]:
                hits[rule_number] += 1
        for word in {w.lower() for w in _WORD.findall(text)}.intersection(self.by_word):
            for rule_number, expression in self.by_word[word]:
                if expression.search(text):
                    hits[rule_number] += 1
        for rule_number, expression in self.always:
            if expression.search(text):
                hits[rule_number] += 1
        for literal, rule_number, expression in self.patterns_by_literal:
            if (not literal or literal in lowered) and expression.search(text):
                hits[rule_number] += 1
        totals = [0.0] * len(self.categories)
        for rule_number, count in enumerate(hits):
            if count:
                totals[self.rule_category[rule_number]] += self.weights[rule_number] * count
        return totals


def phrase_expression(phrase: str) -> re.Pattern[str]:
    """A phrase as a whole-word, case-insensitive expression; hyphens, spaces alike."""
    parts = [re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()) if part]
    body = r"[\s-]+".join(parts)  # "+": "cease-fire" matches "cease fire", not "ceasefire"
    return re.compile(rf"(?<![\w-]){body}(?![\w])", re.IGNORECASE)


def _phrase_key(phrase: str) -> str:
    """The longest word of a phrase, lower-cased: any match must contain it."""
    return max(re.split(r"[\s-]+", phrase.strip().lower()), key=len)


def _compile(spec: TopicSpec | SectionSpec) -> Category:
    rules = tuple(
        CompiledRule(tuple([(_phrase_key(p), phrase_expression(p)) for p in rule.phrases]
                           + [("", re.compile(p, re.IGNORECASE)) for p in rule.patterns]), rule.weight)
        for rule in spec.rules)
    return Category(spec.id, spec.label, spec.description, spec.min_score, rules)


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check ``topics.yaml``; every problem is reported at once."""
    document = load_yaml_file(path)
    spec = validate_with_checks(TaxonomySpec, document, what="topics file", checks=lambda: _check_ids(document))
    return Taxonomy(path=path, topics=tuple(_compile(t) for t in spec.topics),
                    sections=tuple(_compile(s) for s in spec.sections))


def _check_ids(document: YamlDocument) -> list[Problem]:
    """Duplicate ids and a missing ``background`` section, read from the file as written.

    Done on the raw data so that these are reported along with any type errors.
    """
    problems: list[Problem] = []
    section_ids: set[object] = set()
    for kind in ("topics", "sections"):
        items = document.data.get(kind)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(items):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                problems.append(document.problem((kind, index, "id"), f"duplicate {kind[:-1]} id",
                                                 value=item_id))
            seen.add(item_id)
            if kind == "sections" and item_id in EXTRA_SECTIONS:
                problems.append(document.problem((kind, index, "id"), "reserved section id: brief fills "
                                                 "this section itself", value=item_id,
                                                 hint="give the section another id"))
        if kind == "sections":
            section_ids = set(seen)
    if isinstance(document.data.get("sections"), list) and BACKGROUND not in section_ids:
        problems.append(document.problem(("sections",), f"a section with id {BACKGROUND!r} is required: "
                                         "it takes the passages that serve no other section"))
    return problems
