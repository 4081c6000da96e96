"""The labelled evaluation set: what an analyst says each excerpt of an article is about.

One YAML file per article in ``tests/data/eval/`` (or any folder given to
``brief eval --set``). Each names its article, whether it is a ``shipped``
article (in the project's corpus folder) or one ``written`` for the set (in the
set's ``articles/`` folder; ``held-out`` ones too, but never looked at while the
rules were tuned), and labels every excerpt the engine makes of it —
found by a quote of the excerpt's start, so that the labels survive changes of
excerpt ids — with the topics and the section an analyst would give it. A list
of ``key_facts`` says what a principal must learn from the article, each with a
few distinctive phrases that show a brief carries it.

Loading reports every problem at once with file:line, in the manner of recipes:
unknown topic or section ids (with the nearest valid name), quotes that are not
in the article or are in it twice, key-fact phrases the article does not contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pydantic

from brief.errors import Problem, UserError, did_you_mean
from brief.taxonomy import Taxonomy
from brief.validation import by_line, validate_with_checks
from brief.yamlfile import YamlDocument, load_yaml_file

Group = Literal["shipped", "written", "held-out"]
HELD_OUT: Group = "held-out"
"""The group written and labelled before the rules were tuned, and never read while tuning them: ``brief eval``
counts its misses but lists them only when asked (:func:`brief.eval_report.format_evaluation`)."""
GROUPS: tuple[Group, ...] = ("shipped", "written", HELD_OUT)
ARTICLES_DIR = "articles"
"""Folder of the set that holds the articles written for it (never the shipped corpus)."""


class ExcerptLabel(pydantic.BaseModel):
    """The analyst's verdict on one excerpt."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    quote: str = pydantic.Field(min_length=8)
    """The start of the excerpt's text, long enough to occur once in the article."""
    topics: list[str] = []
    """Topic ids from ``topics.yaml``; empty when the passage informs about none of them."""
    section: str
    """The section of a brief the passage serves (``background`` when none)."""
    note: str = ""
    """Why, where the choice was close; not used in scoring."""


class KeyFact(pydantic.BaseModel):
    """A fact a principal must get from the article."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    fact: str = pydantic.Field(min_length=1)
    """The fact in the analyst's words."""
    phrases: list[str]
    """Distinctive words of the article's wording: a brief covers the fact when one of its
    items contains all of them (case, quote marks and spacing aside)."""

    @pydantic.field_validator("phrases")
    @classmethod
    def _some(cls, value: list[str]) -> list[str]:
        if not value or not all(phrase.strip() for phrase in value):
            raise ValueError("give at least one phrase, none of them empty: a fact no brief can show "
                             "cannot be scored")
        return value


class LabelFile(pydantic.BaseModel):
    """The keys of one label file, as written."""

    model_config = pydantic.ConfigDict(extra="forbid")
    article: str = pydantic.Field(min_length=1)
    """The article's file name, e.g. ``000_0207c4399900d62a.txt``."""
    group: Group
    """``shipped``: in the project's corpus folder; ``written`` and ``held-out``: in the set's ``articles/``
    folder, ``held-out`` being articles kept out of sight while the rules were tuned."""
    excerpts: list[ExcerptLabel] = pydantic.Field(min_length=1)
    key_facts: list[KeyFact] = []


@dataclass(frozen=True)
class ArticleLabels:
    """One label file, validated against the taxonomy, with where its article lives."""

    path: Path
    article_path: Path
    group: Group
    labels: tuple[ExcerptLabel, ...]
    key_facts: tuple[KeyFact, ...]
    document: YamlDocument
    """Kept for placing later problems (quotes, phrases) at their line."""

    @property
    def source_id(self) -> str:
        """The id the engine gives the article: its file name without extension."""
        return self.article_path.stem


@dataclass(frozen=True)
class EvalSet:
    """Every label file of a set folder, in file-name order."""

    root: Path
    articles: tuple[ArticleLabels, ...]

    def group(self, name: Group) -> tuple[ArticleLabels, ...]:
        return tuple(article for article in self.articles if article.group == name)


def load_eval_set(set_dir: Path, taxonomy: Taxonomy, corpus_dir: Path) -> EvalSet:
    """Read and check every ``*.yaml`` label file in ``set_dir``; every problem is reported at once.

    ``corpus_dir`` is where the shipped articles are (the project's ``seeds/``).
    """
    set_dir = Path(set_dir)
    if not set_dir.is_dir():
        raise UserError(Problem("not a folder: an evaluation set is a folder of labelled articles" if set_dir.exists()
                                else "no such evaluation set folder", file=set_dir,
                                hint="the labelled set lives in tests/data/eval/; give that folder (or one laid out "
                                     "like it) to --set"))
    files = sorted(set_dir.glob("*.yaml"))
    if not files:
        raise UserError(Problem("the evaluation set folder holds no label files (*.yaml)", file=set_dir))
    articles: list[ArticleLabels] = []
    problems: list[Problem] = []
    seen: dict[Path, Path] = {}
    for path in files:
        try:
            article = _load_label_file(path, taxonomy, set_dir, Path(corpus_dir))
        except UserError as error:
            problems.extend(error.problems)
            continue
        if article.article_path in seen:
            problems.append(article.document.problem(("article",), f"already labelled in {seen[article.article_path].name}",
                                                     value=article.article_path.name))
            continue
        seen[article.article_path] = path
        articles.append(article)
    if problems:
        raise UserError(by_line(problems))
    return EvalSet(root=set_dir, articles=tuple(articles))


def _load_label_file(path: Path, taxonomy: Taxonomy, set_dir: Path, corpus_dir: Path) -> ArticleLabels:
    document = load_yaml_file(path)
    spec = validate_with_checks(LabelFile, document, what="label file",
                                checks=lambda: _check_names(document, taxonomy))
    folder = corpus_dir if spec.group == "shipped" else set_dir / ARTICLES_DIR
    article_path = folder / spec.article
    if Path(spec.article).name != spec.article or not article_path.is_file():
        raise UserError(document.problem(("article",), f"no such article in {folder}", value=spec.article,
                                         hint="give the file name of an article in that folder"))
    return ArticleLabels(path=path, article_path=article_path, group=spec.group, labels=tuple(spec.excerpts),
                         key_facts=tuple(spec.key_facts), document=document)


def _check_names(document: YamlDocument, taxonomy: Taxonomy) -> list[Problem]:
    """Unknown topic and section ids, read from the file as written so every one is reported."""
    problems: list[Problem] = []
    entries = document.data.get("excerpts") if isinstance(document.data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        topics = entry.get("topics")
        for position, topic in enumerate(topics if isinstance(topics, list) else []):
            if isinstance(topic, str) and topic not in taxonomy.topic_ids():
                problems.append(document.problem(("excerpts", index, "topics", position), "unknown topic",
                                                 value=topic, hint=did_you_mean(topic, taxonomy.topic_ids())))
        if isinstance(topics, list) and len({t for t in topics if isinstance(t, str)}) < len(topics):
            problems.append(document.problem(("excerpts", index, "topics"), "a topic is given twice"))
        section = entry.get("section")
        if isinstance(section, str) and section not in taxonomy.section_ids():
            problems.append(document.problem(("excerpts", index, "section"), "unknown section", value=section,
                                             hint=did_you_mean(section, taxonomy.section_ids())))
    return problems


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
                              "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """``text`` for matching: lower case, straight quote marks, plain hyphens, single spaces."""
    return " ".join(text.translate(_QUOTE_MARKS).lower().split())


def find_quote(quote: str, text: str) -> list[int]:
    """Offsets in ``text`` where ``quote`` starts: exactly, or else ignoring quote marks and spacing."""
    exact = [match.start() for match in re.finditer(re.escape(quote), text)]
    if exact:
        return exact
    pattern = r"\s+".join(_loose(word) for word in quote.split())
    return [match.start() for match in re.finditer(pattern, text, re.IGNORECASE)]


def _loose(word: str) -> str:
    parts = []
    for char in word:
        plain = char.translate(_QUOTE_MARKS)
        parts.append({'"': "[\"“”„]", "'": "['‘’‚]", "-": "[-–—]"}.get(plain, re.escape(char)))
    return "".join(parts)


def contains_all(phrases: list[str] | tuple[str, ...], text: str) -> bool:
    """Whether ``text`` holds every phrase (case, quote marks and spacing aside)."""
    haystack = normalise(text)
    return all(normalise(phrase) in haystack for phrase in phrases)


def check_against_text(article: ArticleLabels, text: str) -> tuple[list[int | None], list[Problem]]:
    """Where each label's quote starts in the article's canonical ``text`` (None when it cannot be
    placed), and the problems: quotes missing or ambiguous, key-fact phrases the article lacks."""
    document = article.document
    starts: list[int | None] = []
    problems: list[Problem] = []
    for index, label in enumerate(article.labels):
        found = find_quote(label.quote, text)
        if len(found) == 1:
            starts.append(found[0])
            continue
        starts.append(None)
        if not found:
            problems.append(document.problem(("excerpts", index, "quote"), "this quote is not in the article",
                                             value=label.quote, hint="copy the start of the excerpt from "
                                             f"`brief show {article.source_id}`"))
        else:
            problems.append(document.problem(("excerpts", index, "quote"),
                                             f"this quote is in the article {len(found)} times", value=label.quote,
                                             hint="quote more of the excerpt's start"))
    for index, fact in enumerate(article.key_facts):
        missing = [phrase for phrase in fact.phrases if not contains_all([phrase], text)]
        for phrase in missing:
            position = fact.phrases.index(phrase)
            problems.append(document.problem(("key_facts", index, "phrases", position),
                                             "this phrase is not in the article, so no brief could show it",
                                             value=phrase))
    return starts, problems
