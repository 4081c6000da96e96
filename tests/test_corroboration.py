"""Paraphrases of one claim by different sources: read as positions or as the contradiction finder's claims."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.contradictions import MAX_DAYS_APART, Statement
from brief.corroboration import PassageClaims, corroborates, passage_claims, positions_in
from brief.workspace import load_workspace

from .test_assembly import OTHER_NEWS, _project, _recipe

DONBAS = ("Russia demands that Ukraine withdraw from parts of Donbas it does not occupy and formally recognize "
          "territories Moscow claims to have annexed; it also wants permanent limits on Ukraine’s armed forces "
          "and a veto on Kyiv’s NATO ambitions.")
DONBAS_REWORDED = ("Russia, conversely, demands that Ukraine cede its eastern Donbas region, limit its military "
                   "capabilities, and abandon aspirations of joining NATO.")
SANCTIONS = "Russia wants sanctions lifted as part of any deal and its frozen reserves returned."


def _statement(text: str, source_id: str = "b"):
    return passage_claims(Statement(text, source_id, 0, dt.date(2025, 12, 2)))


@pytest.mark.parametrize(("sentence", "holder"), [
    (DONBAS, "Russia"),
    (DONBAS_REWORDED, "Russia"),  # an aside between commas is read past
    ("Moscow continues to insist on the full recognition of its claims over the Donbas region.", "Russia"),
    ("The Kremlin still wants the whole of the Donbas before it talks about a truce.", "Russia"),
    ("Ukraine’s negotiators are seeking guarantees ratified by parliaments.", "Ukraine"),
    ("Vladimir Putin wants the rest of Donetsk handed over.", "Russia"),  # a head of state speaks for the party
    ("Putin wants the rest of Donetsk handed over.", "Russia"),
    ("President Zelenskiy is seeking guarantees ratified by parliaments.", "Ukraine"),
    ("Sergei Lavrov wants the rest of Donetsk handed over.", "Lavrov"),  # a minister by full name is himself
    ("Ukrainian President Volodymyr Zelensky is seeking guarantees ratified by parliaments.", "Ukraine"),
    ("Melania Trump wants the children returned to Ukraine.", "Trump"),  # another Trump: a person by full name
    ("U.S. President Donald Trump wants a deal by Christmas.", "U.S."),
    ("Ukrainian President Putin wants the rest of Donetsk handed over.", "Putin"),  # another party's word: not Russia
])
def test_a_position_is_read_with_its_holder(sentence: str, holder: str) -> None:
    assert [p.holder for p in positions_in(sentence)] == [holder]


@pytest.mark.parametrize("sentence", [
    "Russia no longer demands that Ukraine withdraw from the Donbas region.",  # not asserted
    "Russia does not demand that Ukraine withdraw from the Donbas region.",
    "Russia may demand that Ukraine withdraw from the Donbas region.",
    "Does Russia still demand that Ukraine withdraw from the Donbas region?",
    "If Russia demands that Ukraine withdraw from the Donbas region, the talks will end.",
    "Russia and Ukraine want a cease-fire along the current front line.",  # a joint subject: whose position?
    "The Sticking Points: Irreconcilable Demands of both sides over the Donbas region.",  # a heading's noun
    "Analysts say it wants the whole of the Donbas region.",  # a pronoun holds no position of a party
    "Zelensky said Putin wants the rest of Donetsk handed over.",  # whose words?
])
def test_no_position_is_read_where_none_is_asserted(sentence: str) -> None:
    assert positions_in(sentence) == []


def test_what_is_asked_ends_where_another_party_speaks() -> None:
    (ukraine, russia) = positions_in("Ukraine demands the full withdrawal of Russian forces and its 1991 borders, "
                                     "while Russia insists on recognizing its annexation of occupied territories.")
    assert ukraine.holder == "Ukraine" and "annex" not in ukraine.asks and "1991" in ukraine.asks
    assert russia.holder == "Russia" and {"annex", "occupi", "territori"} <= russia.asks
    (same,) = positions_in(DONBAS)
    assert {"donba", "limit", "nato"} <= same.asks  # "; it also wants …" goes on with the same holder


RED_LINE = ("For Ukraine, ceding unoccupied territory is a red line that would require a constitutional change, a "
            "parliamentary vote and a national reckoning with no guaranteed majority.")
RED_LINE_REWORDED = ("Ukrainian President Volodymyr Zelenskyy has stated that ceding territory is a non-starter and is "
                     "one of Ukraine’s primary “red lines” in any negotiation process.")


@pytest.mark.parametrize(("sentence", "holder", "asks"), [
    (RED_LINE, "Ukraine", {"cede", "unoccupi", "territori"}),  # "For Ukraine, …"
    (RED_LINE_REWORDED, "Ukraine", {"cede", "territori"}),  # whose, by the possessive; what, the clause's subject
    ("NATO membership for Ukraine is a red line for Russia.", "Russia", {"nato", "membership"}),  # "for …" after it
    ("Withdrawing from Zaporizhzhia remains Kyiv's red line.", "Ukraine", {"cede", "zaporizhzhia"}),  # one ask
])
def test_a_red_line_is_a_position_of_the_party_whose_it_is(sentence: str, holder: str, asks: set[str]) -> None:
    (position,) = positions_in(sentence)
    assert position.holder == holder and position.asks == frozenset(asks | {"red line"})


@pytest.mark.parametrize("sentence", [
    "Ceding Donbas would not be a red line for Kyiv.",  # not asserted
    "For Ukraine, ceding territory is no longer a red line, two officials said.",
    "Ceding territory is not a red line for Kyiv, officials say.",
    "Ceding territory is a red line, officials say.",  # whose?
    "Kyiv’s Red Lines:",  # a heading: no clause says what
    "Analysts warn that red lines shift.",
])
def test_no_red_line_is_read_without_a_party_or_what_it_is(sentence: str) -> None:
    assert positions_in(sentence) == []


def test_the_same_red_line_in_other_words_corroborates_and_another_does_not() -> None:
    assert corroborates(_statement(RED_LINE_REWORDED), _statement(RED_LINE, "a"))
    assert corroborates(_statement("Kyiv’s Red Lines: " + RED_LINE_REWORDED), _statement(RED_LINE, "a"))
    assert not corroborates(_statement(RED_LINE_REWORDED.replace("ceding territory", "NATO neutrality")),
                            _statement(RED_LINE, "a")), "another red line of the same party"
    assert not corroborates(_statement(RED_LINE_REWORDED.replace("Ukraine’s", "Russia’s")),
                            _statement(RED_LINE, "a")), "another party's red line"


def test_a_reworded_demand_corroborates_the_item_it_repeats() -> None:
    assert corroborates(_statement(DONBAS_REWORDED), _statement("The core impasse is unchanged. " + DONBAS, "a"))


def test_a_head_of_states_demand_corroborates_the_partys() -> None:
    """w5 gives Russia's Donetsk demand as Putin's; w1 as Russia's."""
    item = _statement("Russia wants Kyiv to pull its forces out of the roughly fifth of Donetsk it still controls, "
                      "including the fortified cities of Kramatorsk and Sloviansk.", "a")
    putins = ("Russia controls about three-quarters of Donetsk. Putin wants the rest of Donetsk handed over, which "
              "would give Russia the heavily fortified cities that have blocked its advance since 2014.")
    assert corroborates(_statement(putins.split(". ", 1)[1]), item)
    assert not corroborates(_statement(putins.split(". ", 1)[1].replace("Putin", "Zelensky")), item)


@pytest.mark.parametrize(("item", "joining"), [
    ("Moscow continues to demand that Ukraine must relinquish territories that Russia claims as its own, and insists "
     "on the withdrawal of Ukrainian forces from the remaining Donbas areas currently under Kyiv’s control.",
     DONBAS_REWORDED),  # relinquish / cede, territories / region, Donbas
    ("Russia wants Kyiv to pull its forces out of the roughly fifth of Donetsk it still controls.",
     "Moscow insists that Ukrainian forces leave the whole of the Donetsk region before any ceasefire."),
])
def test_words_that_ask_one_thing_count_as_one(item: str, joining: str) -> None:
    assert corroborates(_statement(joining), _statement(item, "a"))
    assert not corroborates(_statement(joining.replace("Donetsk", "Kharkiv").replace("Donbas", "Kharkiv")),
                            _statement(item, "a")), "two shared words are not enough"


@pytest.mark.parametrize(("joining", "why"), [
    (SANCTIONS, "another demand of the same party"),
    (DONBAS_REWORDED.replace("Russia", "Ukraine"), "another party's demand"),
    (DONBAS_REWORDED.replace("demands", "demanded"), "a past demand may have been dropped since"),
    ("Russia, conversely, demands that Ukraine cede its eastern Donbas region. Ukraine wants security guarantees "
     "from its allies. Hungary threatened to veto sanctions.", "the rest of a longer passage would be lost"),
    ("Ukraine demands that Russia leave, while Russia demands that Ukraine cede its eastern Donbas region, limit "
     "its military capabilities and abandon joining NATO.", "the other side's demand would be lost"),
])
def test_a_different_claim_does_not_corroborate(joining: str, why: str) -> None:
    assert not corroborates(_statement(joining), _statement(DONBAS, "a")), why


def test_one_partys_demand_does_not_corroborate_an_item_stating_both_sides() -> None:
    """Cited on "Ukraine demands …, while Russia insists on …", a source that gives Russia's demand alone would be
    credited with Ukraine's, which it may contradict (seed 001 says Kyiv would freeze the lines)."""
    both = ("Ukraine demands the full withdrawal of Russian forces and the restoration of its 1991 borders, while "
            "Russia insists on recognizing its annexation of occupied territories and securing guarantees that "
            "Ukraine will not join NATO.")
    russia = "Russia demands the recognition of its annexation of occupied territories and guarantees against NATO."
    assert corroborates(_statement(russia), _statement(russia.replace("demands", "insists on"), "a"))
    assert not corroborates(_statement(russia), _statement(both, "a"))
    # whose positions the item's first sentence states: a second sentence of the same side's leader is a detail
    detail = " Vladimir Putin insists on the recognition of Crimea as Russian."
    assert corroborates(_statement(russia), _statement(russia.replace("demands", "insists on") + detail, "a"))


SPOILER = ("Putin instead cast Europe as the spoiler, accusing EU leaders—whom he recently derided as “swine”—of "
           "derailing what he claims he agreed with Trump at their brief, inconclusive Alaska summit in August.")
ADDRESS = ("The environment surrounding the talks was highly charged, with President Putin using a separate public "
           "address on foreign investment—just before his meeting with the U.S. envoys—to accuse European officials "
           "of “preventing the US administration from achieving peace” in Ukraine.")


@pytest.mark.parametrize(("sentence", "accusations"), [
    (SPOILER, [("Putin", "Europe")]),  # "cast … as the spoiler" and "accusing EU leaders" are one accusation
    (ADDRESS, [("Putin", "Europe")]),  # the aside naming the U.S. envoys is read past
    ("Moscow blamed Kyiv for the collapse of the talks.", [("Russia", "Ukraine")]),
    ("Recently, the Kremlin accused Ukraine’s leaders of stalling.", [("Russia", "Ukraine")]),
    ("Kyiv accuses Moscow of stalling, while Moscow blames Europe for prolonging the war.",
     [("Ukraine", "Russia"), ("Russia", "Europe")]),  # each clause its own accuser
    ("Zelensky said Russia blamed Europe for the delay.", []),  # whose accusation: Zelensky's or Russia's?
    ("Putin did not blame Europe for the delay.", []),  # not asserted
    ("Putin could accuse Europe of sabotage.", []),
    ("Critics cast doubt on the plan.", []),  # "cast" blames only as "cast … as the spoiler"
    ("Putin blamed the weather, not Europe, for the delay.", []),  # the word after the verb is no party
])
def test_an_accusation_is_read_with_its_accuser_and_the_party_it_blames(
        sentence: str, accusations: list[tuple[str, str]]) -> None:
    assert [(p.holder, p.accused) for p in positions_in(sentence) if p.accused] == accusations


def test_the_same_accusation_in_other_words_corroborates_and_another_does_not() -> None:
    """Seeds 000 and 002 both report Putin blaming Europe; the brief of 18 December gave them as two items."""
    assert corroborates(_statement(SPOILER), _statement(ADDRESS, "a"))
    assert not corroborates(_statement(SPOILER.replace("Europe", "Kyiv").replace("EU leaders", "Ukraine’s leaders")),
                            _statement(ADDRESS, "a")), "another party blamed"
    assert not corroborates(_statement(SPOILER.replace("Putin", "Zelensky")), _statement(ADDRESS, "a")), \
        "another accuser"
    assert not corroborates(_statement("Putin demands that Europe stop arming Ukraine."), _statement(ADDRESS, "a")), \
        "a demand of the accuser is not his accusation"


def test_an_accusation_reported_weeks_apart_is_another_accusation() -> None:
    """The situation brief cited seed 000 (published 18 December or later: Putin blaming EU leaders for derailing
    the Alaska understanding) for seed 002's Putin accusing European officials in his address of 2 December."""
    def dated(text: str, source_id: str, published: dt.date | None) -> PassageClaims:
        return passage_claims(Statement(text, source_id, 0, published))

    address = dated(ADDRESS, "a", dt.date(2025, 12, 4))
    assert corroborates(dated(SPOILER, "b", dt.date(2025, 12, 4) + dt.timedelta(days=MAX_DAYS_APART)), address)
    assert not corroborates(dated(SPOILER, "b", dt.date(2025, 12, 18)), address)
    assert not corroborates(dated(SPOILER, "b", None), address), "when it was reported is not known"
    # a demand is a standing position, not an act on a day: it joins whenever it was reported
    assert corroborates(dated(DONBAS_REWORDED, "b", dt.date(2025, 9, 1)), dated(DONBAS, "a", dt.date(2025, 12, 4)))


def test_a_source_does_not_corroborate_itself() -> None:
    assert not corroborates(_statement(DONBAS_REWORDED, "a"), _statement(DONBAS, "a"))


def test_the_contradiction_finders_claims_corroborate_with_the_same_polarity() -> None:
    item = _statement("Moscow has repeatedly rejected a U.S. proposal for a cease-fire-first approach.", "a")
    same = _statement("The Kremlin rejected the U.S. proposal for a cease-fire-first approach, again.")
    opposite = _statement("The Kremlin accepted the U.S. proposal for a cease-fire-first approach.")
    assert corroborates(same, item)
    assert not corroborates(opposite, item)


def _demand_corpus(tmp_path: Path):
    paths = _project(tmp_path, {
        "a": ("2025-12-03", "Alpha Post", "\n\n".join([DONBAS, *OTHER_NEWS[:3]])),
        "b": ("2025-12-02", "Beta News", "\n\n".join([DONBAS_REWORDED, *OTHER_NEWS[3:]])),
    })
    return paths, load_workspace(paths)


def test_sources_that_make_one_claim_in_other_words_become_one_item(tmp_path: Path) -> None:
    paths, workspace = _demand_corpus(tmp_path)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0))
    texts = [item.text for item in briefing.all_items()]
    assert DONBAS_REWORDED not in texts
    (item,) = [item for item in briefing.all_items() if item.text == DONBAS]
    assert {c.source_id for c in item.citations} == {"a", "b"} and item.source_count == 2
    assert OTHER_NEWS[0] in texts and OTHER_NEWS[3] in texts  # the rest of each source stays


def test_a_pinned_paraphrase_stays_an_item_of_its_own(tmp_path: Path) -> None:
    paths, workspace = _demand_corpus(tmp_path)
    pinned = next(e.id for e in workspace.excerpts if e.text.startswith("Russia, conversely"))
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, pin=[pinned]))
    texts = [item.text for item in briefing.all_items()]
    assert DONBAS in texts and DONBAS_REWORDED in texts


DEADLOCK = ("High-level, five-hour talks between U.S. Special Envoy Steve Witkoff and Russian President Vladimir "
            "Putin ended with the Kremlin confirming “no compromise” was reached on the central issue of territory.")


def _dated(text: str, source_id: str, day: int | None) -> object:
    return passage_claims(Statement(text, source_id, 0, dt.date(2025, 12, day) if day else None))


@pytest.mark.parametrize(("joining", "day", "joins"), [
    # the same talks, by their length, where neither sentence names a place, a person or a day
    ("The discussions, which lasted five hours, ended without any breakthrough.", 2, True),
    ("The discussions, which lasted 5 hours, ended without any breakthrough.", 3, True),
    ("The discussions, which lasted three hours, ended without any breakthrough.", 2, False),  # other talks
    ("The discussions, which lasted five hours, ended with a breakthrough.", 2, False),  # the other outcome
    ("The discussions ended without any breakthrough.", 2, False),  # which talks?
    ("The discussions, which lasted five hours, ended without any breakthrough.", 20, False),  # weeks apart
    ("The discussions, which lasted five hours, ended without any breakthrough.", None, False),  # when?
])
def test_the_outcome_of_talks_of_one_length_is_one_claim(joining: str, day: int | None, joins: bool) -> None:
    assert corroborates(_dated(joining, "b", day), _dated(DEADLOCK, "a", 4)) is joins
