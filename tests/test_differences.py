"""Where sources differ: the same measure with values that cannot all be right, and the cases that are not."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from brief.differences import SourcedFigure, find_differences, value_interval
from brief.figures import extract_figures


def sourced(source_id: str, sentence: str, *, related: bool = False) -> list[SourcedFigure]:
    """Every figure of one sentence, as a source would give it."""
    return [SourcedFigure(f, sentence, source_id, f.start, f.end, related)
            for f in extract_figures(sentence, source_id)]


def readings(*sentences: tuple[str, str], related: bool = False) -> list[list[tuple[str, str]]]:
    """(source, figure text) of each reading of each difference found among the sentences."""
    figures = [f for source_id, sentence in sentences for f in sourced(source_id, sentence, related=related)]
    return [[(f.source_id, f.figure.text) for reading in d.readings for f in reading[:1]]
            for d in find_differences(figures)]


def test_two_sources_two_counts_of_the_same_losses() -> None:
    found = find_differences([
        *sourced("a", "Mediazona put Russian military deaths in 2025 at around 19,000, the BBC said."),
        *sourced("b", "Mediazona put Russian military deaths in 2025 at 25,000, the BBC said."),
        *sourced("c", "The count of Russian military deaths in 2025 reached 25,000 by the end of the year."),
    ])
    assert len(found) == 1
    difference = found[0]
    assert (difference.measure, difference.unit) == ("Russian military deaths in 2025", "deaths")
    assert [[f.source_id for f in reading] for reading in difference.readings] == [["a"], ["b", "c"]]


def test_figures_that_can_both_be_right_are_not_a_difference() -> None:
    assert readings(("a", "Mediazona put Russian military deaths in 2025 at around 19,000, the BBC said."),
                    ("b", "Mediazona put Russian military deaths in 2025 at 19,500, the BBC said.")) == []
    assert readings(("a", "A coalition of more than 30 countries is ready to monitor a cease-fire."),
                    ("b", "A coalition of 34 countries is ready to monitor a cease-fire.")) == []
    assert readings(("a", "Between 10,000 and 20,000 troops could be deployed along the line."),
                    ("b", "About 15,000 troops could be deployed along the line.")) == []


@pytest.mark.parametrize(("counted", "differs"), [
    ("more than 400", True),  # a reporter with 635 would write "more than 600"
    ("over 400", True),
    ("more than 600", False),
    ("well over 400", False),  # no ceiling said
    ("at least 400", False),  # a toll still rising
    ("at least 600", False),
])
def test_more_than_a_round_number_reaches_only_to_the_next_one(counted: str, differs: bool) -> None:
    """w8's "more than 400 attack drones" and w6's "635 drones" of the night to 22 December cannot both be what
    each reporter had."""
    published = dt.date(2025, 12, 22)
    sentences = (("a", f"Overnight Russia launched {counted} drones at Ukraine's power grid, the air force said."),
                 ("b", "Overnight Russia launched 635 drones at Ukraine's power grid, the air force said."))
    found = find_differences([SourcedFigure(f, sentence, source_id, f.start, f.end, False)
                              for source_id, sentence in sentences
                              for f in extract_figures(sentence, source_id, published)])
    assert bool(found) is differs, found


def test_the_ceiling_of_more_than_is_its_last_digits_place_or_a_tenth() -> None:
    assert value_interval(400, None, "more than", in_digits=True) == (400, 500)
    assert value_interval(19_000, None, "more than", in_digits=True) == (19_000, 22_800)
    assert value_interval(1_500_000, None, "over", in_digits=True) == (1_500_000, 1_800_000)
    assert value_interval(1_000_000, None, "more than", in_digits=True) == (1_000_000, 2_000_000)
    assert value_interval(400, None, "well over", in_digits=True) == (400, math.inf)
    assert value_interval(25, None, "at least", in_digits=True) == (25, math.inf)
    assert value_interval(50, None, "more than", in_digits=False) == (50, math.inf)  # "more than half"


def test_a_different_scope_is_a_different_measure() -> None:
    assert readings(("a", "Mediazona put Russian military deaths in 2025 at around 19,000."),
                    ("b", "Mediazona put Russian military deaths since 2022 at 156,000.")) == []


def test_an_earlier_and_a_revised_plan_are_two_plans() -> None:
    assert readings(("a", "Witkoff brought a revised 20-point plan to the Kremlin talks in Moscow."),
                    ("b", "Witkoff initially drafted a 28-point plan for the Kremlin talks in Moscow.")) == []


def test_a_source_giving_both_values_describes_a_change() -> None:
    # Version words part the two plans: "earlier 28-point plan" / "cut to 20 points".
    assert readings(("a", "The envoys carried an earlier 28-point plan, cut to 20 points, to the Kremlin talks."),
                    ("b", "The envoys carried a 20-point plan to the Kremlin talks, officials said.")) == []
    # Without them, a source that gives both values says the measure changed: it does not disagree.
    assert readings(("a", "Officials spoke of a 28-point plan for the Geneva talks, others of a 20-point plan."),
                    ("b", "Officials spoke of a 28-point plan for the Geneva talks, diplomats said.")) == []


def test_a_generic_measure_needs_the_same_context() -> None:
    assert readings(("a", "Witkoff brought a 20-point plan to the Kremlin talks in Moscow on Tuesday."),
                    ("b", "Witkoff brought a 28-point plan to the Kremlin talks in Moscow on Tuesday.")) == \
        [[("a", "20-point"), ("b", "28-point")]]
    assert readings(("a", "The White House unveiled a 20-point plan for Gaza last autumn."),
                    ("b", "Ukraine and Europe drafted a 28-point plan of their own in Geneva.")) == []
    # Figures of one merged item speak of one thing: they need no shared context.
    assert readings(("a", "They discussed a 20-point plan."), ("b", "A 28-point plan was on the table."),
                    related=True) == [[("a", "20-point"), ("b", "28-point")]]


def test_different_units_never_differ() -> None:
    assert readings(("a", "Russia has gained 0.77% of Ukrainian territory this year."),
                    ("b", "Russia has gained 4,000 square kilometres of Ukrainian territory this year.")) == []


def test_counts_of_an_attack_differ_only_for_the_same_night() -> None:
    def dated(source_id: str, sentence: str, day: int | None) -> list[SourcedFigure]:
        published = dt.date(2025, 12, day) if day else None
        return [SourcedFigure(f, sentence, source_id, f.start, f.end, False)
                for f in extract_figures(sentence, source_id, published)]

    first = "Overnight Russia launched 410 drones and 38 missiles at Ukraine, the air force said."
    second = "Ukraine's air force says Russia launched 135 drones and four ballistic missiles overnight."
    same_night = find_differences([*dated("a", first, 9), *dated("b", second, 9)])
    assert [(d.measure, [[f.figure.text for f in r] for r in d.readings]) for d in same_night] == [
        ("drones launched in the night to 9 December 2025", [["410"], ["135"]]),
        ("missiles launched in the night to 9 December 2025", [["38"], ["four"]])]
    assert find_differences([*dated("a", first, 9), *dated("b", second, 19)]) == []  # two attacks
    assert find_differences([*dated("a", first, None), *dated("b", second, None)]) == []  # which nights?


def test_two_sources_telling_the_same_change_in_other_words_do_not_differ() -> None:
    # The written corpus's wire and factbox: each gives both caps, and each reads a different one as "the cap".
    wire = ("The draft would cap Ukraine's armed forces at 800,000 troops in peacetime, above the 600,000 figure in "
            "the original U.S. plan.")
    factbox = ("The original 28-point U.S. plan capped Ukraine's armed forces at 600,000 troops. The revised draft "
               "sets a peacetime ceiling of 800,000.")
    assert readings(("a", wire), ("b", factbox)) == []
    # a source that gives only one cap still differs from one that gives only the other
    assert readings(("a", wire.split(", above")[0] + "."), ("b", factbox.split(" The revised")[0])) == [
        [("a", "800,000"), ("b", "600,000")]]


def test_a_chronologys_overnight_attack_is_the_night_its_heading_names() -> None:
    week = ("# The week in review\n\n### Saturday 6 December\n\nOvernight Russia sends roughly 650 drones and about 50 "
            "missiles against Ukraine, most of them aimed at the power grid.\n\n### Sunday 21 December\n\n"
            "Envoys meet in Miami for a second day of talks.\n")
    figures = extract_figures(week, "w", dt.date(2025, 12, 21))
    assert [f.measure for f in figures if f.category == "strikes"] == [
        "drones launched in the night to 6 December 2025", "missiles launched in the night to 6 December 2025"]
    broadcast = SourcedFigure(*[(f, s, "t", f.start, f.end, False) for s in [
        "Russia launched 470 drones and 26 missiles overnight, the air force said."]
        for f in extract_figures(s, "t", dt.date(2025, 12, 21))][0])
    assert find_differences([broadcast, *[SourcedFigure(f, week, "w", f.start, f.end, False) for f in figures]]) == []
    # not a chronology: one date line under the title says when the page appeared, and "overnight" is the night
    # before it
    page = "# Strikes\n\n### Sunday 21 December\n\nOvernight Russia sends roughly 650 drones against Ukraine.\n"
    assert [f.measure for f in extract_figures(page, "p", dt.date(2025, 12, 21))] == [
        "drones launched in the night to 21 December 2025"]
