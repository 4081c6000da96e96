"""What a timeline row shows of its sentence: the event, verbatim, without a dateline or a second statement."""

from __future__ import annotations

import pytest

from brief.event_clauses import ELISION, event_clause, without_elision

WIRE = ("KYIV, Dec 9 (Meridian Wire) - Ukraine has sent the United States a revised version of the U.S.-drafted "
        "peace framework after three days of talks in Florida, officials in Kyiv said on Tuesday, while the Kremlin "
        "repeated that any settlement must begin with Ukrainian troops leaving the part of the Donetsk region they "
        "still hold.")


def _clause(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return event_clause(sentence, start, start + len(expression))


def test_a_wire_dateline_goes_and_a_new_subjects_while_clause_is_cut() -> None:
    shown = _clause(WIRE, "on Tuesday")
    assert shown == ("Ukraine has sent the United States a revised version of the U.S.-drafted peace framework "
                     "after three days of talks in Florida, officials in Kyiv said on Tuesday …")
    assert without_elision(shown) in WIRE


def test_a_while_clause_that_goes_on_telling_the_same_event_stays() -> None:
    sentence = ("Two days of talks in Berlin between American, Ukrainian and European negotiators ended on Monday "
                "with both sides describing \"real progress\" on security guarantees for Ukraine, while conceding "
                "that the question of territory in the east remains unresolved.")
    assert _clause(sentence, "on Monday") == sentence


def test_a_later_act_after_the_event_is_cut() -> None:
    sentence = ("The U.S. delegation, led by special envoy Steve Witkoff and Jared Kushner, met President Volodymyr "
                "Zelensky and his team at the Chancellery for more than five hours on Sunday, before joining a "
                "dinner with the leaders of Germany, France, Britain, Italy, Poland and the Nordic countries.")
    assert _clause(sentence, "on Sunday").endswith(f"for more than five hours on Sunday {ELISION}")


def test_no_cut_comes_before_the_date_it_is_dated_by() -> None:
    # The date is in the "which" clause: cutting there would leave a row without the date it is listed under.
    sentence = ("Russian officials have repeatedly said that Kiev must recognise the new territorial realities, "
                "meaning the incorporation of four regions into the Russian Federation, which Moscow considers "
                "settled by the referendums of September 2022.")
    assert _clause(sentence, "September 2022") == sentence


def test_no_cut_inside_a_quotation() -> None:
    sentence = ("Peskov said on Friday that Moscow was “ready to talk; but the terms must reflect the realities on "
                "the ground and the security of Russia”, a line he has repeated since the summer of this year.")
    assert _clause(sentence, "on Friday") == sentence


@pytest.mark.parametrize("sentence", [
    "Putin met Witkoff in Moscow on Tuesday, while the talks went on.",  # short: shown whole
    ("Ukraine has sent the United States a revised version of the framework after three days of talks in Florida, "
     "officials in Kyiv said on Tuesday, while the Kremlin waited."),  # too little would be cut
])
def test_short_sentences_and_short_tails_are_shown_whole(sentence: str) -> None:
    assert _clause(sentence, "on Tuesday") == sentence


def test_without_elision_takes_the_marks_off_the_ends_only() -> None:
    assert without_elision("Putin met Witkoff on Tuesday …") == "Putin met Witkoff on Tuesday"
    assert without_elision("… met Witkoff on Tuesday") == "met Witkoff on Tuesday"
    assert without_elision("Putin met Witkoff on Tuesday ...") == "Putin met Witkoff on Tuesday"
    assert without_elision("Putin … on Tuesday") == "Putin … on Tuesday"


BERLIN = ("Two days of talks in Berlin between American, Ukrainian and European negotiators ended on Monday with "
          "both sides describing \"real progress\" on security guarantees for Ukraine, while conceding that the "
          "question of territory in the east remains unresolved.")


def _told(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return event_clause(sentence, start, start + len(expression), told_elsewhere=True)


def test_a_sentence_an_item_shows_is_cut_to_what_happened_when() -> None:
    assert _told(BERLIN, "on Monday") == ("Two days of talks in Berlin between American, Ukrainian and European "
                                          f"negotiators ended on Monday {ELISION}")
    istanbul = ("The Istanbul channel this summer typified the Kremlin’s pattern: Putin offered direct talks in May, "
                "torpedoing a U.S. ultimatum and fresh EU sanctions threats.")
    assert _told(istanbul, "in May") == ("The Istanbul channel this summer typified the Kremlin’s pattern: Putin "
                                         f"offered direct talks in May {ELISION}")
    kremlin = ("After the Kremlin meeting between Vladimir Putin and U.S. envoys ended without agreement this week, "
               "attention has turned to the points that keep the two sides apart.")
    assert _told(kremlin, "this week") == ("After the Kremlin meeting between Vladimir Putin and U.S. envoys ended "
                                           f"without agreement this week {ELISION}")
    # A dateline goes too, and the cut row is still verbatim.
    told = _told(WIRE, "on Tuesday")
    assert told.startswith("Ukraine has sent") and without_elision(told) in WIRE


@pytest.mark.parametrize(("sentence", "expression"), [
    # Short: shown whole.
    ("Since the Geneva round in late November, negotiators have rewritten large parts of the American text.",
     "in late November"),
    # The only comma after the date would leave the date alone.
    ("On Dec. 9, 2025, negotiators from both sides met in Geneva for six hours without agreeing on the front line "
     "or on the timing of any ceasefire.", "On Dec. 9, 2025"),
    # No cut inside a quotation.
    ("A senior Russian lawmaker dismissed the talks on Monday as “a meeting of those, frankly, who will not decide "
     "anything and never did”.", "on Monday"),
    # Nor in a list, in a verb's "with", inside brackets, or before what qualifies the event.
    ("In Geneva on Sunday, officials from the United States, Ukraine, France, Germany and Britain met to discuss the "
     "plan.", "on Sunday"),
    ("Trump said on Monday that he would meet with Putin in Budapest within two weeks to discuss the draft.",
     "on Monday"),
    ("The Kremlin on Monday rejected the proposal (which Kyiv had accepted, officials said) as a basis for any "
     "further talks.", "on Monday"),
    ("U.S. officials said on Sunday that Russia had agreed to a partial ceasefire, though Moscow denied it within "
     "hours.", "on Sunday"),
    ("Russia said on Monday it would not, under any circumstances, withdraw its troops from the four regions it "
     "claims.", "on Monday"),
])
def test_a_told_sentence_is_not_cut_where_the_cut_would_say_too_little(sentence: str, expression: str) -> None:
    assert _told(sentence, expression) == _clause(sentence, expression)
