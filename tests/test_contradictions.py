"""Contradictions in wording: pairs that must be flagged, pairs that must not, and what a claim reads."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.contradictions import Statement, claims_in, find_contradictions

DAY = dt.date(2025, 12, 4)


def conflicts(first: str, second: str, first_date: dt.date | None = DAY, second_date: dt.date | None = DAY):
    """The contradictions between one sentence of source a and one of source b."""
    return find_contradictions([Statement(first, "a", 0, first_date), Statement(second, "b", 0, second_date)])


MUST_FLAG = [
    # antonym verbs, the same actor and object
    ("Russia accepted the 20-point plan on Tuesday.", "Russia rejected the 20-point plan on Tuesday.",
     "whether Russia accepted the 20-point plan on Tuesday"),
    # one party under its other names: Moscow, the Kremlin
    ("Moscow has agreed to the revised peace plan.", "The Kremlin has rejected the revised peace plan.",
     "whether Moscow accepted the revised peace plan"),
    # talks that ended without agreement, and the same talks with a deal
    ("The talks in Geneva ended without agreement.", "A deal was reached at the talks in Geneva.",
     "whether the talks ended in agreement"),
    ("Negotiators in Riyadh failed to reach a deal on a maritime truce.",
     "Negotiators in Riyadh struck a deal on a maritime truce.",
     "whether the talks ended in agreement on a maritime truce"),
    # will / will not; two spellings of one name
    ("Zelensky will attend the summit in Berlin.", "Zelenskyy will not attend the summit in Berlin.",
     "whether Zelensky will attend the summit in Berlin"),
    ("Peskov confirmed reports of a meeting with Witkoff in Miami.",
     "Peskov denied reports of a meeting with Witkoff in Miami.",
     "whether Peskov confirmed reports of a meeting with Witkoff in Miami"),
    ("Peskov confirmed that Dmitriev, Putin’s envoy, will meet Witkoff in Miami on Saturday.",
     "Peskov denied that Dmitriev, Putin’s envoy, will meet Witkoff in Miami on Saturday.",
     "whether Peskov confirmed that Dmitriev, Putin’s envoy, will meet Witkoff in Miami on Saturday"),
    # "refused to sign" is not signing
    ("Ukraine signed the minerals deal with Washington.", "Ukraine refused to sign the minerals deal with Washington.",
     "whether Ukraine signed the minerals deal with Washington"),
    # the passive, its agent after "by"
    ("The 20-point plan was rejected by Moscow.", "Russia accepted the 20-point plan.",
     "whether Russia accepted the 20-point plan"),
    # a plain negation of the same verb
    ("Russia rejected the U.S. ceasefire proposal.", "Russia did not reject the U.S. ceasefire proposal.",
     "whether Russia accepted the U.S. ceasefire proposal"),
    ("Kyiv has received the revised draft from Washington.", "Kyiv has not received the revised draft from Washington.",
     "whether Kyiv received the revised draft from Washington"),
    # a negative object: "agreed to none of"
    ("Russia has agreed to the text of the security annex.", "Russia has agreed to none of the text of the security annex.",
     "whether Russia accepted the text of the security annex"),
]


@pytest.mark.parametrize(("first", "second", "question"), MUST_FLAG)
def test_opposite_statements_of_two_sources_are_flagged(first: str, second: str, question: str) -> None:
    (found,) = conflicts(first, second)
    assert found.question == question
    (said_a,), (said_b,) = found.sides
    assert (said_a.source_id, said_b.source_id) == ("a", "b") and said_a.positive != said_b.positive
    # Each side's clause is verbatim from its sentence (a brief quotes it).
    for side, sentence in zip(found.sides, (first, second), strict=True):
        assert side[0].clause in sentence


MUST_NOT_FLAG = [
    # the same polarity in other words
    ("Russia rejected the 20-point plan.", "Moscow dismissed the 20-point plan."),
    # two parties disagree with each other: a dispute between parties, not between sources
    ("Russia rejected the 20-point plan.", "Ukraine accepted the 20-point plan."),
    ("Russia rejected the 20-point plan, Zelensky said.", "Russia accepted the 20-point plan, Peskov said."),
    # different objects, versions, numbers
    ("Russia accepted the prisoner exchange.", "Russia rejected the 20-point plan."),
    ("Russia rejected the original plan.", "Russia accepted the revised plan."),
    ("Russia rejected the 28-point plan.", "Russia accepted the 20-point plan."),
    ("Russia rejected the U.S. proposal.", "Russia accepted the EU proposal."),
    # not asserted: a modal, a condition, a question, a demand, an infinitive, a quotation
    ("Russia would reject the 20-point plan.", "Russia accepted the 20-point plan."),
    ("If Ukraine withdraws, Russia will accept the 20-point plan.", "Russia will not accept the 20-point plan."),
    ("Will Russia accept the 20-point plan?", "Russia rejected the 20-point plan."),
    ("Russia insists that Zelensky will not attend the summit in Berlin.", "Zelensky will attend the summit in Berlin."),
    ("Russia wants the 20-point plan to be approved by Ukraine.", "Ukraine rejected the 20-point plan."),
    ("“We will never accept the 20-point plan,” Zelensky said.", "Zelensky accepted the 20-point plan."),
    # hedges that let both be right
    ("Kyiv accepted the 20-point plan in principle.", "Kyiv rejected the 20-point plan."),
    ("Russia has not formally accepted the 20-point plan.", "Russia accepted the 20-point plan."),
    ("Russia rejected parts of the 20-point plan.", "Russia accepted the 20-point plan."),
    ("Russia has not yet received the revised draft.", "Russia has received the revised draft."),
    # an object that only points back, an unnamed single person
    ("Russia accepted it.", "Russia rejected it."),
    ("A senior Russian lawmaker rejected the 20-point plan.", "Russia accepted the 20-point plan."),
    # future and past are different times
    ("Zelensky will attend the summit in Berlin.", "Zelensky did not attend the summit in Berlin."),
    # different talks: other places, other parties
    ("The talks in Istanbul ended without agreement.", "The talks in Geneva reached a deal."),
    ("EU leaders meeting in Brussels reached a deal on the loan.", "The talks in Moscow ended without agreement."),
    # talks whose names the sentences do not share
    ("The discussions, which lasted five hours, ended without any breakthrough.", "A deal was reached in Geneva."),
    # a plan named only as "the plan", in sentences that say nothing else in common
    ("Russia rejected the plan.", "Russia accepted the plan."),
]


@pytest.mark.parametrize(("first", "second"), MUST_NOT_FLAG)
def test_statements_that_do_not_contradict_are_not_flagged(first: str, second: str) -> None:
    assert conflicts(first, second) == []


def test_articles_published_far_apart_describe_a_change() -> None:
    assert conflicts("Russia rejected the 20-point plan.", "Russia accepted the 20-point plan.",
                     dt.date(2025, 6, 1), DAY) == []
    assert len(conflicts("Russia rejected the 20-point plan.", "Russia accepted the 20-point plan.",
                         dt.date(2025, 12, 1), DAY)) == 1


def test_different_dates_in_the_sentences_are_different_events() -> None:
    assert conflicts("Russia rejected the 20-point plan on Dec. 1.", "Russia accepted the 20-point plan on Dec. 3.") == []


def test_a_source_that_says_both_describes_a_change() -> None:
    statements = [Statement("Russia rejected the 20-point plan in March.", "a", 0, DAY),
                  Statement("Russia accepted the 20-point plan in December.", "a", 100, DAY),
                  Statement("Russia rejected the 20-point plan.", "b", 0, DAY)]
    assert find_contradictions(statements) == []


def test_one_source_never_contradicts_itself() -> None:
    statements = [Statement("Russia rejected the 20-point plan.", "a", 0, DAY),
                  Statement("Russia accepted the 20-point plan.", "a", 50, DAY)]
    assert find_contradictions(statements) == []


def test_several_sources_on_each_side_are_one_contradiction() -> None:
    statements = [Statement("Russia rejected the 20-point plan.", "a", 0, DAY),
                  Statement("The Kremlin has rejected the 20-point plan.", "b", 0, DAY),
                  Statement("Moscow accepted the 20-point plan.", "c", 0, DAY)]
    (found,) = find_contradictions(statements)
    assert [sorted(c.source_id for c in side) for side in found.sides] == [["a", "b"], ["c"]]


def test_a_claim_reads_actor_object_polarity_and_attribution() -> None:
    sentence = ("Between March and August, Russia repeatedly rejected a U.S. proposal for a cease-fire-first "
                "approach that Kyiv accepted in principle.")
    (claim,) = claims_in(Statement(sentence, "s", 10, DAY))  # Kyiv's acceptance is hedged: no claim
    assert (claim.frame, claim.positive, claim.actor, claim.object_text) == (
        "accept", False, "Russia", "a U.S. proposal for a cease-fire-first approach")
    assert claim.clause == "Russia repeatedly rejected a U.S. proposal for a cease-fire-first approach"
    start, end = claim.absolute
    assert (start, end) == (10 + sentence.index("Russia"), 10 + sentence.index(" that Kyiv"))
    (said,) = claims_in(Statement("The Kremlin has not accepted the revised plan, Peskov said.", "s", 0, DAY))
    assert (said.positive, said.actor, said.attribution) == (False, "Russia", "peskov")
    (relative,) = claims_in(Statement("It is a compromise that Kyiv has not accepted, the two people said.",
                                      "s", 0, DAY))
    assert (relative.positive, relative.actor, relative.object_text, relative.attribution) == (
        False, "Ukraine", "compromise", "")
