"""Measure the tagging rules and the assembled brief against the labelled set (``brief eval``).

For each group of the set — the ``shipped`` articles and the articles ``written``
for it in other outlets' styles — the articles are copied into a temporary
corpus folder (no annotations: the rules alone are judged) and loaded as a
workspace with the project's ``topics.yaml``. Every excerpt the engine makes is
matched to its label, and the rules' topics and section are scored against the
analyst's: precision and recall per topic, micro and macro, and section
accuracy with a confusion table. A whole-corpus brief (``briefings/situation.yaml``)
is then assembled from the group's articles, and each labelled key fact counts
as covered when one item of that brief, which keeps within its word budget,
carries all of the fact's phrases. A fact no item shows in its own article's
words may still be in the brief as another source's item that cites the fact's
article as corroboration (the item joined the passage that carries the phrases):
such facts are counted apart, never as covered. So are facts that only a timeline
event or a key quote of the brief shows: outside the sections its word budget counts.

The gap between the two groups says whether the rules generalise or only fit
the five shipped texts they were written against.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from brief.assembly import assemble_briefing
from brief.briefing import Briefing, KeyQuote, TimelineEntry
from brief.build import load_recipe_for
from brief.errors import Problem, UserError
from brief.evalset import GROUPS, ArticleLabels, EvalSet, KeyFact, check_against_text, contains_all, load_eval_set
from brief.excerpts import Excerpt
from brief.taxonomy import load_taxonomy
from brief.validation import by_line
from brief.workspace import ProjectPaths, Workspace, load_workspace
from brief.yamlfile import load_yaml_file

DEFAULT_RECIPE = "situation.yaml"
"""The whole-corpus recipe in ``briefings/`` whose brief the key facts are checked against."""


@dataclass(frozen=True)
class Judged:
    """One labelled excerpt: what the analyst says and what the rules say."""

    source_id: str
    text: str
    gold_topics: frozenset[str]
    gold_section: str
    rule_topics: frozenset[str]
    rule_section: str


@dataclass(frozen=True)
class TopicScore:
    """Counts for one topic over a group's excerpts."""

    topic: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        """Excerpts the analyst gave this topic."""
        return self.true_positives + self.false_negatives

    @property
    def predicted(self) -> int:
        """Excerpts the rules gave this topic."""
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float | None:
        """None when the rules never gave the topic."""
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """None when the analyst never gave the topic."""
        return self.true_positives / self.support if self.support else None


@dataclass(frozen=True)
class TaggingScores:
    """How well the rules' tags agree with the analyst's over some excerpts."""

    excerpts: int
    topics: tuple[TopicScore, ...]
    """One per topic of the taxonomy, in its order."""
    section_ids: tuple[str, ...]
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    """(analyst's section, rules' section) → number of excerpts."""

    @property
    def micro_precision(self) -> float | None:
        predicted = sum(score.predicted for score in self.topics)
        return sum(score.true_positives for score in self.topics) / predicted if predicted else None

    @property
    def micro_recall(self) -> float | None:
        support = sum(score.support for score in self.topics)
        return sum(score.true_positives for score in self.topics) / support if support else None

    @property
    def macro_precision(self) -> float | None:
        """Mean precision over the topics the rules gave at least once."""
        return _mean(score.precision for score in self.topics)

    @property
    def macro_recall(self) -> float | None:
        """Mean recall over the topics the analyst gave at least once."""
        return _mean(score.recall for score in self.topics)

    @property
    def section_correct(self) -> int:
        return sum(count for (gold, rules), count in self.confusion.items() if gold == rules)

    @property
    def section_accuracy(self) -> float | None:
        return self.section_correct / self.excerpts if self.excerpts else None


def _mean(values: Iterable[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def score_tagging(judged: Sequence[Judged], topic_ids: Sequence[str], section_ids: Sequence[str]) -> TaggingScores:
    """Per-topic counts and the section confusion table of ``judged`` excerpts."""
    counts = {topic: [0, 0, 0] for topic in topic_ids}
    confusion: Counter[tuple[str, str]] = Counter()
    for item in judged:
        for topic in topic_ids:
            gold, rules = topic in item.gold_topics, topic in item.rule_topics
            if gold and rules:
                counts[topic][0] += 1
            elif rules:
                counts[topic][1] += 1
            elif gold:
                counts[topic][2] += 1
        confusion[(item.gold_section, item.rule_section)] += 1
    return TaggingScores(excerpts=len(judged),
                         topics=tuple(TopicScore(topic, *counts[topic]) for topic in topic_ids),
                         section_ids=tuple(section_ids), confusion=dict(confusion))


@dataclass(frozen=True)
class FactCheck:
    """One key fact and whether the brief carries it."""

    source_id: str
    fact: str
    covered: bool
    corroborated: bool = False
    """Not shown in its own words, but an item cites its article for it: the item joined the passage of that
    article that carries the fact's phrases as corroboration of another source's wording."""
    elsewhere: bool = False
    """In no item, but in a timeline event or a key quote citing its article: the brief shows it, outside the
    sections the word budget counts."""


@dataclass(frozen=True)
class Coverage:
    """The key facts of a group's articles against the whole-corpus brief of those articles."""

    facts: tuple[FactCheck, ...]
    words: int
    """Words in the brief's items (what the budget counts)."""
    max_words: int
    items: int

    @property
    def covered(self) -> int:
        return sum(1 for fact in self.facts if fact.covered)

    @property
    def share(self) -> float | None:
        return self.covered / len(self.facts) if self.facts else None

    @property
    def corroborated(self) -> int:
        return sum(1 for fact in self.facts if fact.corroborated)

    @property
    def elsewhere(self) -> int:
        return sum(1 for fact in self.facts if fact.elsewhere)


def fact_covered(fact: KeyFact, item_texts: Iterable[str]) -> bool:
    """Whether one of the brief's items carries every phrase of ``fact``."""
    return any(contains_all(fact.phrases, text) for text in item_texts)


def score_coverage(facts: Sequence[tuple[str, KeyFact]], briefing: Briefing, max_words: int,
                   joined: Sequence[Excerpt] = ()) -> Coverage:
    """Which of ``facts`` ((source id, fact) pairs) the items of ``briefing`` carry; ``joined`` are the passages
    that items cite as corroboration without showing them (see the module's docstring)."""
    texts = [item.text for item in briefing.all_items()]
    joined_texts: dict[str, list[str]] = {}
    for excerpt in joined:
        joined_texts.setdefault(excerpt.source_id, []).append(excerpt.text)
    shown_apart: dict[str, list[str]] = {}  # timeline events and key quotes, by each source they cite
    for section in briefing.extras:
        for entry in section.entries:
            if isinstance(entry, TimelineEntry | KeyQuote):
                for passage in entry.citations:
                    shown_apart.setdefault(passage.source_id, []).append(entry.text)
    checks = []
    for source_id, fact in facts:
        covered = fact_covered(fact, texts)
        corroborated = not covered and fact_covered(fact, joined_texts.get(source_id, ()))
        elsewhere = not covered and fact_covered(fact, shown_apart.get(source_id, ()))
        checks.append(FactCheck(source_id, fact.fact, covered, corroborated, elsewhere))
    return Coverage(facts=tuple(checks), words=briefing.word_count, max_words=max_words, items=len(texts))


@dataclass(frozen=True)
class GroupEvaluation:
    """The figures for one group of the set."""

    group: str
    source_ids: tuple[str, ...]
    judged: tuple[Judged, ...]
    tagging: TaggingScores
    coverage: Coverage


@dataclass(frozen=True)
class Evaluation:
    """The whole evaluation: each group, and the tagging over all labelled excerpts."""

    set_dir: Path
    recipe: Path
    groups: tuple[GroupEvaluation, ...]
    overall: TaggingScores
    notes: tuple[str, ...]
    """Excerpts without a label, labels that no longer meet an excerpt: the set needs updating."""


def evaluate(paths: ProjectPaths, set_dir: Path, recipe_path: Path | None = None) -> Evaluation:
    """Run the rules and the whole-corpus brief over the labelled set in ``set_dir``."""
    taxonomy = load_taxonomy(paths.topics_file)
    recipe_path = Path(recipe_path) if recipe_path else paths.briefings / DEFAULT_RECIPE
    if not recipe_path.is_file():
        raise UserError(Problem("recipe not found", file=recipe_path,
                                hint="the key facts are checked against a whole-corpus brief such as "
                                     "briefings/situation.yaml"))
    eval_set = load_eval_set(set_dir, taxonomy, paths.corpus)
    groups: list[GroupEvaluation] = []
    notes: list[str] = []
    for group in GROUPS:
        articles = eval_set.group(group)
        if articles:
            result, group_notes = _evaluate_group(paths, eval_set, group, articles, recipe_path)
            groups.append(result)
            notes.extend(group_notes)
    judged = [item for result in groups for item in result.judged]
    overall = score_tagging(judged, taxonomy.topic_ids(), taxonomy.section_ids())
    return Evaluation(set_dir=Path(set_dir), recipe=recipe_path, groups=tuple(groups), overall=overall,
                      notes=tuple(notes))


def _evaluate_group(paths: ProjectPaths, eval_set: EvalSet, group: str, articles: Sequence[ArticleLabels],
                    recipe_path: Path) -> tuple[GroupEvaluation, list[str]]:
    with tempfile.TemporaryDirectory(prefix=f"brief-eval-{group}-") as folder:
        corpus_dir = Path(folder)
        _stage_corpus(articles, corpus_dir)
        workspace = load_workspace(ProjectPaths(root=paths.root, corpus=corpus_dir, briefings=paths.briefings))
        judged, notes = _judge(workspace, articles)
        notes = [f"corpus: {problem.format()}" for problem in workspace.problems] + notes
        recipe = load_recipe_for(workspace, recipe_path)
        briefing = assemble_briefing(workspace, recipe)
        joined = workspace.excerpts_by_id({excerpt_id for item in briefing.all_items()
                                           for excerpt_id in item.excerpt_ids if excerpt_id != item.excerpt_id})
    facts = [(article.source_id, fact) for article in articles for fact in article.key_facts]
    taxonomy = workspace.taxonomy
    result = GroupEvaluation(
        group=group, source_ids=tuple(article.source_id for article in articles), judged=tuple(judged),
        tagging=score_tagging(judged, taxonomy.topic_ids(), taxonomy.section_ids()),
        coverage=score_coverage(facts, briefing, recipe.spec.max_words, joined))
    return result, notes


def _stage_corpus(articles: Sequence[ArticleLabels], corpus_dir: Path) -> None:
    """Copy the articles into ``corpus_dir`` with their entries of the ``sources.yaml`` beside them."""
    stated: dict[str, object] = {}
    for folder in {article.article_path.parent for article in articles}:
        sources_file = folder / "sources.yaml"
        if sources_file.is_file():
            data = load_yaml_file(sources_file).data
            entries = data.get("sources") if isinstance(data, dict) else None
            if isinstance(entries, dict):
                wanted = {article.source_id for article in articles if article.article_path.parent == folder}
                stated.update({str(key): value for key, value in entries.items() if str(key) in wanted})
    for article in articles:
        shutil.copyfile(article.article_path, corpus_dir / article.article_path.name)
    if stated:
        (corpus_dir / "sources.yaml").write_text(yaml.safe_dump({"sources": stated}, allow_unicode=True),
                                                 encoding="utf-8")


def _judge(workspace: Workspace, articles: Sequence[ArticleLabels]) -> tuple[list[Judged], list[str]]:
    """Each labelled excerpt with the rules' tags; notes on excerpts and labels that do not meet."""
    judged: list[Judged] = []
    notes: list[str] = []
    problems: list[Problem] = []
    sources = workspace.corpus.by_id()
    for article in articles:
        source = sources.get(article.source_id)
        if source is None:
            reasons = [p for p in workspace.problems if p.file and Path(p.file).name == article.article_path.name]
            problems.append(article.document.problem(
                ("article",), "the article could not be loaded" + (f": {reasons[0].message}" if reasons else ""),
                value=article.article_path.name))
            continue
        starts, placing_problems = check_against_text(article, source.text)
        problems.extend(placing_problems)
        excerpts = workspace.excerpts_of(source.id)
        labelled: dict[str, int] = {}
        for index, (label, start) in enumerate(zip(article.labels, starts, strict=True)):
            if start is None:
                continue
            excerpt = _excerpt_at(excerpts, start)
            line = article.document.line_of(("excerpts", index))
            if excerpt is None:
                notes.append(f"{article.path}:{line}: the quote is in no excerpt (a heading or dropped text?)")
                continue
            if excerpt.id in labelled:
                notes.append(f"{article.path}:{line}: the same excerpt as the label on line "
                             f"{labelled[excerpt.id]}; only the first counts")
                continue
            labelled[excerpt.id] = line or 0
            judged.append(Judged(source_id=source.id, text=excerpt.text, gold_topics=frozenset(label.topics),
                                 gold_section=label.section, rule_topics=frozenset(excerpt.topics),
                                 rule_section=excerpt.section))
        for excerpt in excerpts:
            if excerpt.id not in labelled:
                words = excerpt.text.split()
                notes.append(f"{article.path}: excerpt without a label: "
                             f"“{' '.join(words[:8])}{'…' if len(words) > 8 else ''}”")
    if problems:
        raise UserError(by_line(problems))
    return judged, notes


def _excerpt_at(excerpts: Sequence[Excerpt], offset: int) -> Excerpt | None:
    return next((excerpt for excerpt in excerpts if excerpt.start <= offset < excerpt.end), None)
