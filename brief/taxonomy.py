"""The taxonomy in ``briefings/topics.yaml``: topics, brief sections, and their rules.

A rule is a list of phrases (whole words, case-insensitive, hyphen and space
alike) or regular expressions, with a weight. A passage scores the weights of
the rules it matches; it carries a topic when the score reaches the topic's
``min_score``, and goes to the section whose cues score highest (``background``
when none reaches its threshold). A section's rule may count only in a passage that
carries one of some topics (``with_topics``): "held two days of talks" tells the
state of the talks, "offered" alone does not. Analysts read and change the same file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pydantic

from brief.errors import Problem
from brief.section_kinds import EXTRA_SECTIONS, RESERVED_TITLE_PROBLEM, takes_a_reserved_title
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


FiniteNumber = Annotated[float, pydantic.Field(allow_inf_nan=False)]
"""A weight or a threshold: YAML's ``.nan`` and ``.inf`` are numbers to pydantic, but a score that is NaN
reaches no threshold and would silently take every passage it matches out of its topic or section."""


class RuleSpec(pydantic.BaseModel):
    """One matching rule: phrases and/or patterns, all with the same weight."""

    model_config = pydantic.ConfigDict(extra="forbid")
    phrases: list[str] = []
    """Words or phrases matched as whole words, ignoring case; `-` and space match each other."""
    patterns: list[Pattern] = []
    """Python regular expressions, matched ignoring case."""
    weight: FiniteNumber = 1.0
    """Score added when any phrase or pattern of the rule matches (each counts once)."""
    with_topics: list[str] = []
    """For a section's rule: it counts only in a passage that carries one of these topics ("offered guarantees"
    and "arrives in Miami" tell the state of the talks in a passage about the talks)."""


class TopicSpec(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    id: str = pydantic.Field(pattern=ID_PATTERN)
    label: str
    description: str = ""
    min_score: FiniteNumber = 1.0
    rules: list[RuleSpec]


class SectionSpec(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    id: str = pydantic.Field(pattern=ID_PATTERN)
    label: str
    description: str = ""
    min_score: FiniteNumber = 1.0
    rules: list[RuleSpec] = []
    headings: list[str] = []
    """An article's own subheadings that file the passages under them in this section ("What to watch",
    "Sticking points"): the whole heading, ignoring case, punctuation around it and a leading "The"."""


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
    with_topics: frozenset[str] = frozenset()
    """The rule counts only in a passage that carries one of these topics (none: in any passage)."""

    def score(self, text: str, lowered: str | None = None, topics: Collection[str] = ()) -> float:
        """The rule's score for ``text``, whose topics are ``topics``."""
        if self.with_topics and self.with_topics.isdisjoint(topics):
            return 0.0
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
    headings: tuple[re.Pattern[str], ...] = ()
    """For a section: the subheadings of an article that file the passages under them here."""

    def score(self, text: str, lowered: str | None = None, topics: Collection[str] = ()) -> float:
        """The score of ``text``, whose topics are ``topics`` (for the rules that count only with some)."""
        lowered = text.lower() if lowered is None else lowered
        return sum(rule.score(text, lowered, topics) for rule in self.rules)


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

    def heading_section(self, heading: str) -> str | None:
        """The section an article's subheading files the passages under it in ("What to watch" → outlook,
        :attr:`SectionSpec.headings`), or None for a heading that names none ("The rouble holds firm")."""
        heading = heading.replace("’", "'")
        return next((section.id for section in self.sections
                     if any(expression.fullmatch(heading) for expression in section.headings)), None)

    def scores_one_by_one(self, text: str) -> list[float]:
        """The score of every topic, then every section, each category's rules tried one by one: what the rules
        mean, which :attr:`matcher` computes with fewer searches. A section's rule that asks for topics
        (``with_topics``) counts when a topic's score reaches its ``min_score``."""
        topic_scores = [topic.score(text) for topic in self.topics]
        carried = {topic.id for topic, score in zip(self.topics, topic_scores, strict=True)
                   if score > 0 and score >= topic.min_score}
        return topic_scores + [section.score(text, topics=carried) for section in self.sections]

    @functools.cached_property
    def matcher(self) -> TaxonomyMatcher:
        return TaxonomyMatcher(self)


_WORD = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"-?\w+")
"""Every word (as ``_WORD`` finds them) with the hyphen just before it, if any (no groups: a third of the time).

A word is *free* when no hyphen comes before it, which is where a one-word
phrase's expression, ``(?<![\\w-])word(?![\\w])``, can match.
"""


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
    needed = required_alternatives(pattern)
    return needed[0] if len(needed) == 1 else ""


def required_alternatives(pattern: str) -> tuple[str, ...]:
    """Texts one of which every match of ``pattern`` contains, lower-cased (() if none is sure).

    Read from the parsed pattern's top level, where each item must match exactly
    once: a run of plain characters is one such text, and so is a group of
    alternatives that each start with plain characters ("(draft|plan|proposal)"
    needs "draft", "plan" or "proposal"). The candidate whose shortest text is
    longest is kept; shorter than three characters is not worth a test, and only
    ASCII texts are used, which lower-casing and the regex's ignoring of case treat
    alike (see :func:`gate_text`).
    """
    return _needed_texts(pattern)[0]


def _needed_texts(pattern: str) -> tuple[tuple[str, ...], bool]:
    """:func:`required_alternatives`, and whether each of those texts starts a word in every match.

    It does when ``\\b`` or a character that is not a letter or digit stands just before it,
    and it starts with a letter or digit.
    """
    from re import _constants as constants  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    try:
        items = list(parser.parse(pattern))
    except re.error:
        return (), False

    def leading_runs(sequence: object) -> tuple[str, ...]:
        """The plain characters each way through ``sequence`` starts with; () if one way starts without."""
        prefix = ""
        for op, argument in sequence:  # type: ignore[attr-defined]
            if op is constants.LITERAL:
                prefix += chr(argument).lower()
                continue
            if op is constants.BRANCH:  # the parser moves the alternatives' common start before them
                runs: list[str] = []
                for branch in argument[1]:
                    tails = leading_runs(branch)
                    if not tails and not prefix:
                        return ()
                    runs.extend(prefix + tail for tail in tails or ("",))
                return tuple(runs)
            break
        return (prefix,) if prefix else ()

    candidates: list[tuple[tuple[str, ...], bool]] = []
    run, run_at_word, after_boundary = "", False, False
    for op, argument in items:
        if op is constants.LITERAL:
            if not run:
                run_at_word = after_boundary
            run += chr(argument).lower()
            after_boundary = not (chr(argument).isalnum() or chr(argument) == "_")  # "is (essential|...)"
            continue
        if run:
            candidates.append(((run,), run_at_word))
            run = ""
        if op is constants.SUBPATTERN:
            runs = leading_runs(argument[-1])
            if runs:
                candidates.append((runs, after_boundary))
        after_boundary = op is constants.AT and argument is constants.AT_BOUNDARY
    if run:
        candidates.append(((run,), run_at_word))
    candidates = [(texts, at_word and all(text[0].isalnum() for text in texts))
                  for texts, at_word in candidates if all(text.isascii() for text in texts)]
    best = max(candidates, key=lambda c: (min(map(len, c[0])), -len(c[0])), default=((), False))
    return best if best[0] and min(map(len, best[0])) >= 3 else ((), False)


_CASE_TWINS = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def gate_text(text: str) -> str:
    """``text`` lower-cased for the quick "can this pattern match at all?" tests.

    Ignoring case, a regex's "i" also matches "İ" and "ı", and its "s" matches "ſ";
    lower-casing alone would not find them ("İ" becomes "i" plus a combining dot).
    """
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_CASE_TWINS)


class TaxonomyMatcher:
    """Every rule of a taxonomy at once, scoring a passage with as few regex searches as possible.

    Gives the same scores as :meth:`Taxonomy.scores_one_by_one`: a phrase is only searched
    for when its longest word is one of the passage's words, and the patterns
    only when one pass of all of them together finds anything.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.categories = list(taxonomy.topics) + list(taxonomy.sections)
        self.topic_count = len(taxonomy.topics)
        self.weights: list[float] = []
        """Per rule, in the order ``rule_of`` numbers them."""
        self.rule_category: list[int] = []
        self.rule_topics: list[tuple[int, ...]] = []
        """Per rule, the topics (as category numbers) of which a passage must carry one for it to count."""
        topic_number = {topic.id: number for number, topic in enumerate(taxonomy.topics)}
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
                self.rule_topics.append(tuple(topic_number[t] for t in sorted(rule.with_topics) if t in topic_number))
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
        # Each pattern is searched only when the passage holds one of the texts it needs (most
        # passages rule most patterns out); each such text is looked for once, whichever patterns need it.
        # A text that starts a word in every match is looked for only when a word of the passage
        # starts with its first three characters: a set intersection instead of a hundred searches.
        by_needed: dict[tuple[str, bool], list[int]] = {}
        self.ungated: list[int] = []
        for number, (_, expression) in enumerate(patterns):
            needed, at_word = _needed_texts(expression.pattern)
            for text in needed:
                by_needed.setdefault((text, at_word), []).append(number)
            if not needed:
                self.ungated.append(number)
        self.by_word_start: dict[str, list[tuple[str, list[int]]]] = {}
        self.anywhere: list[tuple[str, list[int]]] = []
        for (text, at_word), members in by_needed.items():
            if at_word:  # the first word's first three characters, or all of a shorter word ("is left": "is")
                start = re.sub(r"\W.*", "", text[:3], flags=re.DOTALL)
                self.by_word_start.setdefault(start, []).append((text, members))
            else:
                self.anywhere.append((text, members))
        # Sets, so that intersecting a passage's few words with them goes over those words only
        # (intersecting with a dict goes over all of its keys).
        self._free_word_keys = frozenset(self.by_free_word)
        self._word_keys = frozenset(self.by_word)
        self._word_start_keys = frozenset(self.by_word_start)

    def scores(self, text: str) -> list[float]:
        """The score of every topic, then every section, in taxonomy order."""
        hits: dict[int, int] = {}
        # Words are found in the text as written (lower-casing can change lengths: "İ" → "i̇"). A word
        # is free when no hyphen comes just before it (see _WORD_AFTER); most passages have no hyphen.
        lowered_words = {w.lower() for w in _WORD.findall(text)}
        free_words = (lowered_words if "-" not in text
                      else {w.lower() for w in _WORD_AFTER.findall(text) if w[0] != "-"})
        for word in free_words & self._free_word_keys:
            for rule_number in self.by_free_word[word]:
                hits[rule_number] = hits.get(rule_number, 0) + 1
        for word in lowered_words & self._word_keys:
            for rule_number, expression in self.by_word[word]:
                if expression.search(text):
                    hits[rule_number] = hits.get(rule_number, 0) + 1
        for rule_number, expression in self.always:
            if expression.search(text):
                hits[rule_number] = hits.get(rule_number, 0) + 1
        gate = gate_text(text)
        candidates = set(self.ungated)
        starts = {(w if w.isascii() else w.translate(_CASE_TWINS))[:3] for w in lowered_words}
        for start in starts & self._word_start_keys:
            for needed, members in self.by_word_start[start]:
                if needed in gate:
                    candidates.update(members)
        for needed, members in self.anywhere:
            if needed in gate:
                candidates.update(members)
        for number in candidates:
            rule_number, expression = self.patterns[number]
            if expression.search(text):
                hits[rule_number] = hits.get(rule_number, 0) + 1
        totals = [0.0] * len(self.categories)
        # In rule order, as the rules one by one add them up: every topic's rules come before any section's,
        # so a topic's total is whole by the time a section's rule asks whether the passage carries it.
        for rule_number in sorted(hits):
            required = self.rule_topics[rule_number]
            if required and not any(self._carries(totals, topic) for topic in required):
                continue
            totals[self.rule_category[rule_number]] += self.weights[rule_number] * hits[rule_number]
        return totals

    def _carries(self, totals: list[float], topic: int) -> bool:
        """Whether a passage whose topic scores so far are ``totals`` carries the ``topic``-th topic."""
        return totals[topic] > 0 and totals[topic] >= self.categories[topic].min_score


def phrase_expression(phrase: str) -> re.Pattern[str]:
    """A phrase as a whole-word, case-insensitive expression; hyphens, spaces alike."""
    parts = [re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()) if part]
    body = r"[\s-]+".join(parts)  # "+": "cease-fire" matches "cease fire", not "ceasefire"
    return re.compile(rf"(?<![\w-]){body}(?![\w])", re.IGNORECASE)


def _heading_expression(phrase: str) -> re.Pattern[str]:
    """A subheading that is ``phrase`` and nothing more ("What to watch", "WHAT'S NEXT", "Next steps:", numbered as
    "3. Outlook" or "IV. Background"): a heading that only contains it ("Mounting Pressures and Potential Outcomes")
    names a theme, not a section."""
    parts = [re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()) if part]
    body = r"[\s-]+".join(parts)
    return re.compile(rf"\W*{_HEADING_NUMBER}?(?:the\s+)?{body}\W*", re.IGNORECASE)


_HEADING_NUMBER = r"(?:(?:\d{1,2}|[ivx]{1,5}|[a-h])[.):]\s*)"
"""A heading's number: "3. ", "IV) ", "b: "."""


def _phrase_key(phrase: str) -> str:
    """The longest word of a phrase, lower-cased: any match must contain it."""
    return max(re.split(r"[\s-]+", phrase.strip().lower()), key=len)


def _compile(spec: TopicSpec | SectionSpec) -> Category:
    rules = tuple(
        CompiledRule(tuple([(_phrase_key(p), phrase_expression(p)) for p in rule.phrases]
                           + [("", re.compile(p, re.IGNORECASE)) for p in rule.patterns]), rule.weight,
                     frozenset(rule.with_topics))
        for rule in spec.rules)
    headings = tuple(map(_heading_expression, spec.headings)) if isinstance(spec, SectionSpec) else ()
    return Category(spec.id, spec.label, spec.description, spec.min_score, rules, headings)


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check ``topics.yaml``; every problem is reported at once."""
    document = load_yaml_file(path)
    spec = validate_with_checks(TaxonomySpec, document, what="topics file", checks=lambda: _check_ids(document))
    return Taxonomy(path=path, topics=tuple(_compile(t) for t in spec.topics),
                    sections=tuple(_compile(s) for s in spec.sections))


def _check_ids(document: YamlDocument) -> list[Problem]:
    """Duplicate ids, a missing ``background`` section and rules that ask for topics the file does not define,
    read from the file as written.

    Done on the raw data so that these are reported along with any type errors.
    """
    problems: list[Problem] = []
    section_ids: set[object] = set()
    topic_ids: set[str] = set()
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
            label = item.get("label") if isinstance(item, dict) else None
            if kind == "sections" and isinstance(label, str) and takes_a_reserved_title(label):
                problems.append(document.problem((kind, index, "label"), RESERVED_TITLE_PROBLEM, value=label,
                                                 hint="give the section another label"))
        if kind == "sections":
            section_ids = set(seen)
        else:
            topic_ids = seen
        problems += _rules_with_topics(document, kind, items, topic_ids)
    if isinstance(document.data.get("sections"), list) and BACKGROUND not in section_ids:
        problems.append(document.problem(("sections",), f"a section with id {BACKGROUND!r} is required: "
                                         "it takes the passages that serve no other section"))
    return problems


def _rules_with_topics(document: YamlDocument, kind: str, items: list[object], topic_ids: set[str]) -> list[Problem]:
    """A ``with_topics`` in a topic's rule (a topic is what the cues find, not what they need), and topic ids in a
    section rule's ``with_topics`` that no topic of the file has."""
    problems: list[Problem] = []
    for index, item in enumerate(items):
        rules = item.get("rules") if isinstance(item, dict) else None
        for number, rule in enumerate(rules if isinstance(rules, list) else []):
            wanted = rule.get("with_topics") if isinstance(rule, dict) else None
            if not isinstance(wanted, list) or not wanted:
                continue
            where = (kind, index, "rules", number, "with_topics")
            if kind == "topics":
                problems.append(document.problem(where, "with_topics is for a section's rule: a topic's rules find "
                                                 "the topic", hint="move the rule to a section, or drop with_topics"))
                continue
            for position, topic in enumerate(wanted):
                if isinstance(topic, str) and topic not in topic_ids:
                    problems.append(document.problem((*where, position), "unknown topic id", value=topic,
                                                     hint=f"use one of: {', '.join(sorted(topic_ids))}"))
    return problems
