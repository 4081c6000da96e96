"""The text ``brief eval`` prints: the figures of an :class:`~brief.evaluation.Evaluation` as tables.

Plain text for a terminal or a README: one column per group of the set
(shipped articles, articles written for the set) and one for all of them, so
that the gap between the first two is read at a glance.
"""

from __future__ import annotations

from brief.evalset import HELD_OUT
from brief.evaluation import Evaluation, TaggingScores

_SHORT = {"state-of-talks": "state", "sticking-points": "sticking", "outlook": "outlook", "background": "backgr."}


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:4.0f}"


def format_evaluation(evaluation: Evaluation, *, show_held_out: bool = False) -> str:
    """Topics, sections and key facts, group by group; then the section confusion tables and notes. The held-out
    group's missed facts are counted, not listed, unless ``show_held_out``: the rules are tuned on what ``brief eval``
    shows, and a held-out figure stays honest only while nobody reads what it misses."""
    columns: list[tuple[str, TaggingScores]] = [
        (f"{group.group} ({len(group.source_ids)})", group.tagging) for group in evaluation.groups]
    if len(evaluation.groups) > 1:
        columns.append(("all", evaluation.overall))
    lines = [f"brief eval — {evaluation.set_dir}: "
             + ", ".join(f"{len(g.source_ids)} {g.group} articles ({g.tagging.excerpts} excerpts)"
                         for g in evaluation.groups),
             "",
             "Topics (precision / recall, %; n = excerpts the analyst gave the topic)"]
    header = f"  {'':<22}" + "".join(f"{name:>20}" for name, _ in columns)
    lines.append(header)
    lines.append(f"  {'':<22}" + "".join(f"{'P':>8}{'R':>6}{'n':>6}" for _ in columns))
    topic_ids = [score.topic for score in columns[0][1].topics] if columns else []
    for index, topic in enumerate(topic_ids):
        row = f"  {topic:<22}"
        for _, scores in columns:
            score = scores.topics[index]
            row += f"{_pct(score.precision):>8}{_pct(score.recall):>6}{score.support:>6}"
        lines.append(row)
    lines.append("  " + "-" * (22 + 20 * len(columns)))
    lines.append(f"  {'micro':<22}" + "".join(
        f"{_pct(s.micro_precision):>8}{_pct(s.micro_recall):>6}{'':>6}" for _, s in columns))
    lines.append(f"  {'macro':<22}" + "".join(
        f"{_pct(s.macro_precision):>8}{_pct(s.macro_recall):>6}{'':>6}" for _, s in columns))
    lines.append("")
    lines.append(f"  {'section accuracy':<22}" + "".join(
        f"{_pct(s.section_accuracy):>14}{s.excerpts:>6}" for _, s in columns))
    lines.append("")
    lines.append(f"Key facts covered by the whole-corpus brief ({evaluation.recipe.name}, within its word budget)")
    for group in evaluation.groups:
        coverage = group.coverage
        lines.append(f"  {group.group:<10} {coverage.covered:>3} of {len(coverage.facts):<3} ({_pct(coverage.share).strip()}%)"
                     f"   brief: {coverage.items} items, {coverage.words} of {coverage.max_words} words"
                     + (f"; {coverage.corroborated} more cited as corroboration" if coverage.corroborated else "")
                     + (f"; {coverage.elsewhere} more shown only in the timeline or key quotes"
                        if coverage.elsewhere else ""))
    for group in evaluation.groups:
        missed = [fact for fact in group.coverage.facts if not fact.covered]
        if missed and group.group == HELD_OUT and not show_held_out:
            lines.append(f"  missed ({group.group}): {len(missed)}, not listed, so that no rule is tuned to them "
                         "(brief eval --show-held-out lists them)")
        elif missed:
            lines.append(f"  missed ({group.group}):")
            lines.extend(f"    {fact.source_id[:24]:<24} {fact.fact}"
                         + ("   [cited as corroboration, not shown]" if fact.corroborated else "")
                         + ("   [in the timeline or key quotes, not an item]" if fact.elsewhere else "")
                         for fact in missed)
    for name, scores in columns:
        lines.append("")
        lines.append(f"Sections, {name}: rows = analyst, columns = rules")
        sections = list(scores.section_ids)
        lines.append(f"  {'':<18}" + "".join(f"{_SHORT.get(s, s[:9]):>10}" for s in sections))
        for gold in sections:
            lines.append(f"  {gold:<18}" + "".join(
                f"{scores.confusion.get((gold, rules), 0):>10}" for rules in sections))
    if evaluation.notes:
        lines.append("")
        lines.append(f"Notes ({len(evaluation.notes)}): the set no longer fits the excerpts exactly")
        lines.extend(f"  {note}" for note in evaluation.notes)
    return "\n".join(lines)
