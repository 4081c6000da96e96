"""Talks outcomes: one article telling twice how the same talks ended, and the other talks it reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.talks_outcomes import OutcomeReport, outcome_reports, same_outcome
from brief.workspace import load_workspace

from .test_assembly import _project, _recipe

PUBLISHED = dt.date(2025, 12, 2)

# Three ways article 003 says the Kremlin talks of 2 December failed; the words barely overlap.
NO_COMPROMISE = ("So far, no compromise version of a peace settlement has been found, said Yuri Ushakov, "
                 "an advisor to Putin.")
NO_BREAKTHROUGH = "The discussions, which lasted five hours, ended without any breakthrough."
MINIMAL_RESULTS = "U.S. negotiators left the Kremlin with minimal results after extensive diplomatic efforts."


def _report(text: str, source_id: str = "a", published: dt.date | None = PUBLISHED) -> OutcomeReport:
    (report,) = outcome_reports(text, source_id, published)
    return report


def test_one_article_telling_three_ways_that_its_talks_failed_tells_one_outcome() -> None:
    reports = [_report(text) for text in (NO_COMPROMISE, NO_BREAKTHROUGH, MINIMAL_RESULTS)]
    assert all(not report.positive for report in reports)
    assert all(same_outcome(a, b) for a in reports for b in reports)


def test_an_outcome_that_was_a_stalemate_is_the_same_failure() -> None:
    # 002 tells its talks' failure in its lead and again in its body: the brief had both, in two sections
    stalemate = _report("While the White House had expressed “very optimistic” sentiments ahead of the meeting, the "
                        "outcome, as reported by top Kremlin foreign policy aide Yuri Ushakov, was a diplomatic "
                        "stalemate over the central, intractable issue of territory.")
    lead = _report("High-level, five-hour talks between U.S. Special Envoy Steve Witkoff and Russian President "
                   "Vladimir Putin ended with the Kremlin confirming “no compromise” was reached on the central issue "
                   "of Ukrainian territory.")
    assert not stalemate.positive and same_outcome(stalemate, lead)
    for other in ("The outcome of the talks was a deadlock-breaking compromise on prisoner exchanges.",
                  "The outcome of the talks was no failure, officials insisted."):
        assert all(report.positive for report in outcome_reports(other, "a", PUBLISHED)), other


@pytest.mark.parametrize("text", [
    # Other talks: earlier ones, a whole process, talks dated months before the article.
    "Earlier efforts, such as the Anchorage summit in August and the proposed Budapest Summit in October, "
    "were unproductive or canceled.",
    "One year of U.S.-led peace talks between Ukraine and Russia has yielded little progress.",
    "Whether in Istanbul or through United Nations appeals, each attempt at ending the war has stalled.",
    # Not a report: a condition, a possibility, an aim.
    "If neither side achieves decisive battlefield gains and no peace deal is reached, the war may freeze.",
    "The talks could end without a deal, officials warned.",
    "The envoys hope to leave Moscow without a breakthrough being ruled out.",
    # A consequence built on the failure adds news of its own.
    "The lack of a breakthrough places immense pressure on the upcoming meeting in Kyiv.",
    # No outcome at all.
    "On December 2, 2025, Russian President Vladimir Putin met with U.S. Special Envoy Steve Witkoff.",
])
def test_what_is_not_a_report_of_how_the_articles_talks_ended_is_not_read(text: str) -> None:
    assert outcome_reports(text, "a", PUBLISHED) == ()


def test_other_talks_of_the_same_article_are_other_outcomes() -> None:
    moscow = _report("The talks in Moscow ended without agreement.")
    assert not same_outcome(moscow, _report("The meeting in Geneva ended without a deal."))  # another place
    assert same_outcome(moscow, _report("The negotiators in Moscow left with little progress."))
    territory = _report("The talks ended with no deal reached on territory.")
    assert not same_outcome(territory, _report("The talks ended with no agreement reached on sanctions."))
    assert same_outcome(territory, _report("The talks ended with no deal reached on Ukrainian territory."))
    march = _report("The talks in Riyadh on March 3 ended without agreement.")  # months before the article
    assert not same_outcome(march, _report(NO_BREAKTHROUGH))
    assert same_outcome(march, _report("The Riyadh meeting on March 3 produced no breakthrough."))
    assert same_outcome(_report("The talks on Monday ended without a deal."), _report(NO_BREAKTHROUGH))
    agreed = _report("The envoys reached a deal on prisoner exchanges.")
    assert agreed.positive and not same_outcome(agreed, _report(NO_BREAKTHROUGH))


def test_two_articles_telling_the_same_outcome_are_not_repeats_of_each_other() -> None:
    # Across articles that is corroboration, for the corroboration reader to judge.
    assert not same_outcome(_report(NO_BREAKTHROUGH, "a"), _report(MINIMAL_RESULTS, "b"))


OTHER_NEWS = [
    "Russia demands that Ukraine withdraw from parts of Donbas it does not occupy, a red line for Kyiv.",
    "Recently, the U.S., Ukraine and European partners outlined elements of a potential peace deal.",
    "Earlier efforts, such as the Anchorage summit in August, were unproductive or canceled.",
]


def test_a_brief_tells_an_articles_failed_talks_once_and_keeps_its_earlier_ones(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"a": ("2025-12-02", "Alpha Post", "\n\n".join(
        [NO_COMPROMISE, NO_BREAKTHROUGH, MINIMAL_RESULTS, *OTHER_NEWS]))})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 8} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert sum(text in texts for text in (NO_COMPROMISE, NO_BREAKTHROUGH, MINIMAL_RESULTS)) == 1
    assert all(text in texts for text in OTHER_NEWS)
