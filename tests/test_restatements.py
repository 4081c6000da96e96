"""brief.restatements: which item of the previous edition a passage restates, in other words or from another
source."""

from __future__ import annotations

import datetime as dt

from brief.assembly import _restated_from
from brief.restatements import EarlierItem, Restatements
from brief.talks_outcomes import outcome_reports

DAY = dt.date(2025, 12, 4)
RUSSIA_WANTS_DONBAS = EarlierItem(
    "Moscow continues to demand that Ukraine must relinquish territories that Russia claims as its own, and insists "
    "on the withdrawal of Ukrainian forces from the remaining Donbas areas currently under Kyiv’s control.",
    "002", ("002",), ("002:aaa",))
TALKS_FAILED = EarlierItem(
    "High-level, five-hour talks between Steve Witkoff and Vladimir Putin ended with the Kremlin confirming "
    "“no compromise” was reached on the central issue of Ukrainian territory.", "003", ("003",), ("003:bbb",))
STRIKES = EarlierItem("Russia launched 410 drones and 30 missiles at Ukraine's power grid overnight, the air force "
                      "said.", "004", ("004",), ("004:ccc",))


def restated(text: str, source_id: str = "000", published: dt.date | None = DAY) -> EarlierItem | None:
    return Restatements([STRIKES, TALKS_FAILED, RUSSIA_WANTS_DONBAS],
                        {"002": DAY, "003": DAY - dt.timedelta(days=1), "004": DAY}).restated(text, source_id, published)


def test_the_same_demand_in_other_words_from_another_source_restates_the_earlier_item() -> None:
    assert restated("The core impasse is unchanged. Russia demands that Ukraine withdraw from parts of Donbas it "
                    "does not occupy and formally recognize territories Moscow claims to have annexed.") \
        is RUSSIA_WANTS_DONBAS


def test_another_demand_of_the_same_party_is_new() -> None:
    assert restated("Russia demands a veto on Kyiv’s NATO ambitions and permanent limits on Ukraine’s armed forces.") \
        is None


def test_the_other_sides_demand_beside_it_is_new() -> None:
    assert restated("Ukraine demands the return of all occupied land, while Russia insists on the withdrawal of "
                    "Ukrainian forces from the remaining Donbas territories.") is None


def test_the_same_accusation_from_another_source_restates_the_earlier_item() -> None:
    """Putin accusing European officials (seed 002) and "Putin instead cast Europe as the spoiler …", reported the
    same week, are one accusation; told weeks later, it is another (:func:`brief.corroboration.same_position`)."""
    accused = EarlierItem("The environment surrounding the talks was highly charged, with President Putin using a "
                          "separate public address—just before his meeting with the U.S. envoys—to accuse European "
                          "officials of “preventing the US administration from achieving peace” in Ukraine.",
                          "002", ("002",), ("002:ddd",))
    spoiler = "Putin instead cast Europe as the spoiler, accusing EU leaders of derailing what he agreed with Trump."
    restatements = Restatements([STRIKES, accused], {"002": DAY, "004": DAY})
    assert restatements.restated(spoiler, "000", DAY) is accused
    assert restatements.restated(spoiler.replace("Putin", "Zelensky"), "000", DAY) is None
    assert restatements.restated(spoiler.replace("Europe", "Kyiv").replace("EU leaders", "Ukraine’s leaders"),
                                 "000", DAY) is None
    assert restatements.restated(spoiler, "000", DAY + dt.timedelta(days=14)) is None


def test_a_demand_once_made_is_not_the_demand_being_made() -> None:
    assert restated("In March, Moscow demanded that Kyiv cede what remained of the Donbas region.") is None
    assert restated("Moscow demands that Kyiv cede what remains of the Donbas region.") is RUSSIA_WANTS_DONBAS


def test_the_same_talks_failing_restates_only_when_the_articles_are_days_apart_at_most() -> None:
    text = "The discussions, which lasted five hours, ended without any breakthrough."
    assert restated(text) is TALKS_FAILED
    assert restated(text, published=DAY + dt.timedelta(days=60)) is None


def test_a_passage_reworded_since_restates_the_earlier_wording() -> None:
    assert restated("Russia launched 410 drones and 30 missiles at Ukraine’s power grid overnight, the air force "
                    "said on Tuesday.", source_id="004") is STRIKES


def test_a_passage_that_claims_nothing_the_earlier_items_claim_is_new() -> None:
    assert restated("Europe is preparing a coalition of more than 30 countries to monitor a cease-fire.") is None
    assert Restatements([], {}).restated("Russia demands Donbas.", "000", DAY) is None


def test_an_item_carrying_an_articles_other_telling_of_the_same_failed_talks_restates_it() -> None:
    """The earlier edition told 003's talks failing in its words; this edition's item, led by another
    source, carries 003's other passage saying so ("with minimal results"), which the claim reader skips."""
    restatements = Restatements([STRIKES, TALKS_FAILED], {"003": DAY - dt.timedelta(days=1), "004": DAY})
    minimal = "U.S. negotiators left the Kremlin with minimal results after extensive diplomatic efforts."
    assert restatements.restated(minimal, "003", DAY - dt.timedelta(days=1)) is None
    assert restatements.with_outcome(outcome_reports(minimal, "003", DAY - dt.timedelta(days=1))) is TALKS_FAILED
    assert restatements.with_outcome(outcome_reports(minimal, "005", DAY)) is None  # another article's telling
    earlier = "Earlier efforts, such as the Anchorage summit in August, were unproductive or canceled."
    assert restatements.with_outcome(outcome_reports(earlier, "003", DAY - dt.timedelta(days=1))) is None


def test_a_restated_claim_names_an_earlier_source_this_brief_cites_by_its_number() -> None:
    # Else by the title and date the earlier edition gave it: the source may have left the window.
    earlier = EarlierItem("Moscow demands all of Donetsk.", "a", ("a", "b"), ("a:1", "b:4"),
                          ("Talks stall, 1 December 2025", "Kremlin holds firm, 2 December 2025"))
    assert _restated_from(earlier, {"b": 3, "c": 1}) == ("Talks stall, 1 December 2025", "source 3")
    assert _restated_from(None, {"b": 3}) == ()
