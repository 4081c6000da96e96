"""Contradictions in wording: pairs that must be flagged, pairs that must not, and what a claim reads."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.contradictions import Statement, claims_in, find_contradictions, welcome_answers

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
    # "did not V", "never V", "has not V-ed" against "V-ed"
    ("Ukraine did not sign the minerals deal.", "Ukraine signed the minerals deal.",
     "whether Ukraine signed the minerals deal"),
    ("Russia has not withdrawn its troops from Kherson.", "Russia withdrew its troops from Kherson.",
     "whether Russia withdrew its troops from Kherson"),
    # a passive with no agent: two sources that leave the agent out say opposite things of one object
    ("The ceasefire proposal was rejected on Tuesday.", "The ceasefire proposal was approved on Tuesday.",
     "whether the ceasefire proposal was accepted"),
    ("The 150 prisoners were released on Friday.", "The 150 prisoners were not released on Friday.",
     "whether the 150 prisoners were released"),
    # "accepted in Moscow": Moscow accepted it
    ("The 20-point plan was accepted in Moscow.", "The Kremlin rejected the 20-point plan.",
     "whether Moscow accepted the 20-point plan"),
    # an event that took place and the same event called off, however each sentence puts it
    ("The Berlin summit was postponed.", "The summit in Berlin went ahead as planned.",
     "whether the summit in Berlin took place"),
    ("The meeting in Miami was cancelled.", "The meeting in Miami took place on Saturday.",
     "whether the meeting in Miami took place on Saturday"),
    ("Russia called off the prisoner exchange in Istanbul.", "The prisoner exchange in Istanbul took place on Friday.",
     "whether the prisoner exchange in Istanbul took place on Friday"),
    # who met whom, whatever titles the sentences give and whoever they name first
    ("Putin met with U.S. envoy Steve Witkoff at the Kremlin.", "Putin did not meet Witkoff.",
     "whether Putin met with U.S. envoy Steve Witkoff at the Kremlin"),
    ("Witkoff met Putin in Moscow on Tuesday.", "Putin did not meet Witkoff in Moscow on Tuesday.",
     "whether Witkoff met Putin in Moscow on Tuesday"),
    # arrived in / did not travel to
    ("Witkoff arrived in Moscow on Tuesday.", "Witkoff did not travel to Moscow.",
     "whether Witkoff went to Moscow on Tuesday"),
    # released / withheld
    ("The U.S. released the military aid for Ukraine.", "The U.S. withheld the military aid for Ukraine.",
     "whether the U.S. released the military aid for Ukraine"),
    # approved / vetoed, backed / opposed, ruled out / accepted, missed / attended, pulled out of / has not withdrawn
    ("Hungary approved the 20th sanctions package.", "Hungary vetoed the 20th sanctions package.",
     "whether Hungary accepted the 20th sanctions package"),
    ("Ukraine backed the 20-point plan.", "Ukraine opposed the 20-point plan.",
     "whether Ukraine supports the 20-point plan"),
    ("Russia ruled out a Christmas ceasefire.", "Russia accepted a Christmas ceasefire.",
     "whether Russia accepted a Christmas ceasefire"),
    ("Orban missed the EU summit in Brussels.", "Orban attended the EU summit in Brussels.",
     "whether Orban attended the EU summit in Brussels"),
    ("Russia pulled out of the Black Sea grain deal.", "Russia has not withdrawn from the Black Sea grain deal.",
     "whether Russia withdrew from the Black Sea grain deal"),
    # agreed to V / refused (declined) to V
    ("Russia agreed to withdraw its troops from Kherson.", "Russia refused to withdraw its troops from Kherson.",
     "whether Russia agreed to withdraw its troops from Kherson"),
    ("Kyiv declined to sign the minerals deal.", "Ukraine agreed to sign the minerals deal.",
     "whether Ukraine agreed to sign the minerals deal"),
    # two pluperfects are one time
    ("Russia had rejected the 20-point plan.", "Russia had accepted the 20-point plan.",
     "whether Russia had accepted the 20-point plan"),
    # joint subjects: each member makes the claim; two who met, met each other
    ("Putin and Witkoff met on Tuesday.", "Putin did not meet Witkoff.", "whether Putin and Witkoff met on Tuesday"),
    ("Putin did not meet Witkoff in Moscow.", "In Moscow, Putin and U.S. envoy Steve Witkoff met for five hours.",
     "whether Putin and U.S. envoy Steve Witkoff met for five hours"),
    ("Putin and Witkoff did not meet.", "Witkoff met Putin in Moscow.", "whether Witkoff met Putin in Moscow"),
    ("Russia and Ukraine agreed to the 20-point plan.", "Russia rejected the 20-point plan.",
     "whether Russia accepted the 20-point plan"),
    ("Russia and Ukraine agreed to the 20-point plan.", "Ukraine rejected the 20-point plan.",
     "whether Ukraine accepted the 20-point plan"),
    ("Both Witkoff and Kushner travelled to Moscow on Tuesday.", "Kushner did not travel to Moscow.",
     "whether Kushner went to Moscow on Tuesday"),
    ("Putin and Witkoff met Zelensky in Kyiv.", "Zelensky did not meet Witkoff in Kyiv.",
     "whether Witkoff met Zelensky in Kyiv"),
    # welcomed against a refusal said by the verb itself, or against "did not welcome"
    ("Kyiv welcomed the 20-point plan.", "Kyiv rejected the 20-point plan.", "whether Kyiv welcomed the 20-point plan"),
    ("Zelensky welcomed the revised peace plan.", "Zelensky did not welcome the revised peace plan.",
     "whether Zelensky welcomed the revised peace plan"),
    ("The 20-point plan was welcomed by Kyiv.", "Ukraine dismissed the 20-point plan.",
     "whether Kyiv welcomed the 20-point plan"),
    ("Russia ruled out a Christmas ceasefire.", "Moscow welcomed a Christmas ceasefire.",
     "whether Moscow welcomed a Christmas ceasefire"),
    # blocked is a veto
    ("Hungary blocked the 20th sanctions package.", "Hungary approved the 20th sanctions package.",
     "whether Hungary accepted the 20th sanctions package"),
    ("The 20th sanctions package was blocked by Hungary.", "Hungary approved the 20th sanctions package.",
     "whether Hungary accepted the 20th sanctions package"),
    # talks (a deal) that fell through against a deal reached at the same talks
    ("The talks in Geneva fell through.", "A deal was reached at the talks in Geneva.",
     "whether the talks ended in agreement"),
    ("Talks on a maritime truce in Riyadh have fallen through.",
     "Negotiators in Riyadh struck a deal on a maritime truce.",
     "whether the talks ended in agreement on a maritime truce"),
    ("The deal on a maritime truce fell through at the talks in Riyadh.",
     "Negotiators in Riyadh struck a deal on a maritime truce.",
     "whether the talks ended in agreement on a maritime truce"),
    # passives of receive, meet, confirm, deny, attend, with an agent (and where and when after it)
    ("Witkoff was received by Putin.", "Putin did not receive Witkoff.", "whether Putin received Witkoff"),
    ("Witkoff was received by Putin in the Kremlin on Tuesday.",
     "Putin did not receive Witkoff in the Kremlin on Tuesday.", "whether Putin received Witkoff"),
    ("Putin was met by Witkoff at the airport.", "Witkoff did not meet Putin.", "whether Witkoff met Putin"),
    ("The report was confirmed by the Kremlin.", "The Kremlin denied the report.",
     "whether the Kremlin confirmed the report"),
    ("Reports of a meeting in Miami were denied by Peskov.", "Peskov confirmed reports of a meeting in Miami.",
     "whether Peskov confirmed reports of a meeting in Miami"),
    ("The summit in Berlin was attended by Zelensky.", "Zelensky skipped the summit in Berlin.",
     "whether Zelensky attended the summit in Berlin"),
    # an announced event against the same announcement denied: one time, the future
    ("The summit in Berlin will take place on Friday.", "The summit in Berlin will not take place on Friday.",
     "whether the summit in Berlin will take place on Friday"),
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
    # objects that each name what the other does not
    ("Russia rejected a timetable for withdrawing troops from Donetsk.",
     "Russia accepted a timetable for withdrawing troops from Sumy."),
    ("Russia signed a fragile ceasefire along the front line.", "Russia did not sign an energy ceasefire along the front line."),
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
    # negations: hedged, or on different days
    ("Ukraine has not yet signed the minerals deal.", "Ukraine signed the minerals deal."),
    ("Ukraine did not sign the minerals deal on Dec. 1.", "Ukraine signed the minerals deal on Dec. 3."),
    # a passive with no agent: it may be another party's answer; a vague object; "as"; a hedge
    ("The 20-point plan was rejected.", "Russia accepted the 20-point plan."),
    ("The minerals deal was signed in Washington.", "Ukraine did not sign the minerals deal."),
    ("The plan was rejected.", "The plan was accepted in Moscow."),
    ("The prisoners were released.", "The prisoners were not released, officials said, because the exchange was postponed."),
    ("The 20-point plan was accepted as a basis for talks.", "The 20-point plan was rejected."),
    ("The 20-point plan was largely rejected.", "The 20-point plan was accepted."),
    ("The 150 prisoners were released on Friday.", "Russia did not release the 150 prisoners on Friday."),
    ("The 20-point plan was rejected on Tuesday by Russia.", "The 20-point plan was accepted on Tuesday."),
    ("The 20-point plan was accepted in Moscow on Tuesday.", "The 20-point plan was rejected on Tuesday."),
    # events: moved rather than called off, other places, other events, future against past, not asserted
    ("The Berlin summit was postponed to March.", "The summit in Berlin took place in March."),
    ("The summit in Berlin was postponed.", "The summit in Paris went ahead as planned."),
    ("The summit in Berlin was cancelled.", "The meeting in Berlin took place."),
    ("The talks were held in Geneva.", "The talks in Istanbul were cancelled."),
    ("The summit was postponed.", "The summit went ahead as planned."),
    ("The summit in Berlin will go ahead.", "The summit in Berlin was cancelled."),
    ("Russia did not cancel the summit in Berlin.", "The summit in Berlin was cancelled."),
    ("Russia held talks in Geneva.", "The talks in Geneva were cancelled."),
    # a party's denial or confirmation is its position, not the reporting source's
    ("Peskov denied that the meeting in Miami took place.", "The meeting in Miami took place."),
    ("The Kremlin confirmed that the meeting in Miami took place.", "The meeting in Miami was cancelled."),
    ("Peskov denied that Putin met Witkoff in Moscow.", "Putin met Witkoff in Moscow."),
    ("Ushakov confirmed the meeting with Witkoff.", "Peskov denied the meeting with Witkoff."),
    # meetings: other people, other places, another sense of "met"
    ("Putin met Witkoff in Moscow.", "Putin did not meet Kushner in Moscow."),
    ("Putin met Witkoff in Moscow.", "Putin did not meet Witkoff in Miami."),
    ("Putin met with resistance in the Duma.", "Putin did not meet Witkoff."),
    # travel: future against past, another traveller, another place, hedged
    ("Witkoff will travel to Moscow.", "Witkoff did not travel to Moscow."),
    ("Witkoff arrived in Moscow.", "Kushner did not travel to Moscow."),
    ("Witkoff visited Kyiv.", "Witkoff did not travel to Moscow."),
    ("Witkoff has not yet arrived in Moscow.", "Witkoff arrived in Moscow."),
    # released / withheld: another object, another party, other numbers
    ("The U.S. released a statement on the talks.", "The U.S. withheld the military aid."),
    ("Europe withheld the frozen assets.", "The U.S. released the frozen assets."),
    ("Russia released 25 prisoners.", "Russia did not release 30 prisoners."),
    # approved / vetoed: another party, an infinitive, another package
    ("Slovakia vetoed the 20th sanctions package.", "Hungary approved the 20th sanctions package."),
    ("Hungary threatened to veto the 20th sanctions package.", "Hungary approved the 20th sanctions package."),
    ("Hungary vetoed the 19th sanctions package.", "Hungary approved the 20th sanctions package."),
    # agreed to / refused to: agreeing is not doing; another party; a party's account
    ("Russia agreed to withdraw its troops from Kherson.", "Russia did not withdraw its troops from Kherson."),
    ("Russia refused to withdraw its troops from Kherson.", "Ukraine agreed to withdraw its troops from Kherson."),
    ("Russia refused to withdraw its troops from Kherson, Zelensky said.",
     "Russia agreed to withdraw its troops from Kherson."),
    # other verbs than the frames mean ("backed away"), an open question ("has not ruled out"), another party
    ("Ukraine backed away from the 20-point plan.", "Ukraine supported the 20-point plan."),
    ("Russia has not ruled out a Christmas ceasefire.", "Russia rejected a Christmas ceasefire."),
    ("Russia ruled out a Christmas ceasefire.", "Ukraine accepted a Christmas ceasefire."),
    # attendance: another event, another person
    ("Zelensky attended the summit in Berlin.", "Zelensky skipped the dinner in Berlin."),
    ("Zelensky attended the summit in Berlin.", "Scholz skipped the summit in Berlin."),
    # a source describing a change: "had rejected … but later accepted", a pluperfect, "and then"
    ("Russia had rejected the 20-point plan but later accepted it.", "Russia accepted the 20-point plan."),
    ("Russia had rejected the 20-point plan.", "Russia accepted the 20-point plan."),
    ("Russia rejected the 20-point plan and then accepted it.", "Russia rejected the 20-point plan."),
    # a span of time, not one act: "since 2019", "for months"
    ("Putin has not met Zelensky since 2019.", "Putin met Zelensky in Paris in 2019."),
    ("Russia has rejected the 20-point plan for months.", "Russia accepted the 20-point plan."),
    # joint subjects: another pair, a third person, a list, the future, a modal, a speaker, a condition
    ("Witkoff and Putin's aide Ushakov met on Tuesday.", "Putin did not meet Witkoff."),
    ("Putin and Witkoff met Zelensky in Kyiv.", "Putin did not meet Witkoff."),
    ("Putin, Witkoff and Kushner met on Tuesday.", "Putin did not meet Witkoff."),
    ("Putin and Witkoff will meet on Tuesday.", "Putin did not meet Witkoff."),
    ("Putin and Witkoff may meet on Tuesday.", "Putin did not meet Witkoff on Tuesday."),
    ("Putin and Witkoff met, Peskov said.", "Putin did not meet Witkoff."),
    ("Putin and Witkoff met with resistance in the Duma.", "Putin did not meet Witkoff."),
    ("Zelensky met Trump and Putin received Witkoff.", "Trump did not receive Witkoff."),
    ("Russia and Ukraine agreed to the 20-point plan.", "Ukraine rejected the 28-point plan."),
    ("Witkoff said Russia and Ukraine agreed to the 20-point plan.", "Russia rejected the 20-point plan."),
    ("“Russia and Ukraine agreed to the 20-point plan,” Witkoff said.", "Russia rejected the 20-point plan."),
    ("When Russia and Ukraine signed the minerals deal, prices rose.", "Russia did not sign the minerals deal."),
    ("Russia and Ukraine released 150 prisoners.", "Russia did not release 150 prisoners."),
    ("Talks between Russia and Ukraine took place in Istanbul.", "Russia did not attend the talks in Istanbul."),
    # welcomed: not an acceptance, nor "did not welcome" a refusal; hedged, private or public, another party or
    # object, a modal, a change within the sentence, a speaker, a lead-in that sets another time, a refusal to act
    ("Kyiv welcomed the 20-point plan.", "Kyiv has not accepted the 20-point plan."),
    ("Kyiv did not welcome the 20-point plan.", "Kyiv accepted the 20-point plan."),
    ("Kyiv welcomed the 20-point plan in principle.", "Kyiv rejected the 20-point plan."),
    ("Kyiv cautiously welcomed parts of the 20-point plan.", "Kyiv rejected the 20-point plan."),
    ("In private, Kyiv rejected the 20-point plan.", "Kyiv welcomed the 20-point plan."),
    ("Kyiv publicly welcomed the 20-point plan.", "Kyiv rejected the 20-point plan."),
    ("Kyiv welcomed the 20-point plan.", "Moscow rejected the 20-point plan."),
    ("Kyiv welcomed the 20-point plan.", "Kyiv rejected the 28-point plan."),
    ("Kyiv would welcome the 20-point plan.", "Kyiv rejected the 20-point plan."),
    ("Kyiv welcomed the 20-point plan but later rejected it.", "Kyiv rejected the 20-point plan."),
    ("Kyiv welcomed the 20-point plan, Zelensky said.", "Kyiv rejected the 20-point plan, Peskov said."),
    ("Kyiv welcomed the 20-point plan, Ana Grennov, the special envoy, insisted.", "Kyiv rejected the 20-point plan."),
    ("Kyiv welcomed the 20-point plan, the UN humanitarian coordinator said.", "Kyiv rejected the 20-point plan."),
    ("Kyiv rejected the 20-point plan on Monday, Skimo argued.", "Kyiv welcomed the 20-point plan."),
    ("For now, Washington rejected the 20-point plan.", "Washington welcomed the 20-point plan."),
    ("Earlier, Washington welcomed the 20-point plan.", "Washington rejected the 20-point plan."),
    ("Kyiv refused to sign the 20-point plan.", "Kyiv welcomed the 20-point plan."),
    ("The 20-point plan was welcomed.", "The 20-point plan was rejected."),
    # blocked: not blocking is not approving; a threat, a modal, another package, another party
    ("Hungary did not block the 20th sanctions package.", "Hungary vetoed the 20th sanctions package."),
    ("Hungary threatened to block the 20th sanctions package.", "Hungary approved the 20th sanctions package."),
    ("Hungary could block the 20th sanctions package.", "Hungary approved the 20th sanctions package."),
    ("Hungary blocked the 19th sanctions package.", "Hungary approved the 20th sanctions package."),
    ("Slovakia blocked the 20th sanctions package.", "Hungary approved the 20th sanctions package."),
    # delayed: on one day it may have taken place hours later; moved, not called off; not an event
    ("The vote in the Rada was delayed.", "The vote in the Rada took place."),
    ("The summit in Berlin was delayed until March.", "The summit in Berlin took place."),
    ("The U.S. delayed the military aid for Ukraine.", "The U.S. released the military aid for Ukraine."),
    # fell through: plans for talks, other talks, nearly, a modal, a condition
    ("Plans for talks in Geneva fell through.", "A deal was reached at the talks in Geneva."),
    ("The talks in Istanbul fell through.", "A deal was reached at the talks in Geneva."),
    ("The talks in Geneva nearly fell through.", "A deal was reached at the talks in Geneva."),
    ("The talks in Geneva could fall through.", "A deal was reached at the talks in Geneva."),
    ("If the talks in Geneva fell through, Russia would attack.", "A deal was reached at the talks in Geneva."),
    # passives: an agent not read whole, another time, "as", a refusal, another actor, the future, a speaker
    ("Witkoff was received by Putin's aides.", "Putin did not receive Witkoff."),
    ("Witkoff was received by Putin in 2019.", "Putin did not receive Witkoff."),
    ("Witkoff was received by Putin as a special envoy.", "Putin did not receive Witkoff."),
    ("The request was denied by the Kremlin.", "The Kremlin confirmed the request."),
    ("The report was confirmed by Peskov.", "The Kremlin denied the report."),
    ("Witkoff will be received by Putin on Friday.", "Putin did not receive Witkoff on Friday."),
    ("Witkoff was not received by Putin, Peskov said.", "Putin received Witkoff."),
    ("The summit in Berlin was attended by Zelensky's aides.", "Zelensky did not attend the summit in Berlin."),
    # an announced event against one called off: a plan overtaken, a change (see the module's docstring)
    ("The summit in Berlin will take place on Friday.", "The summit in Berlin was cancelled."),
    ("The summit in Berlin was postponed.", "The summit in Berlin will take place on Friday."),
]


@pytest.mark.parametrize(("first", "second"), MUST_NOT_FLAG)
def test_statements_that_do_not_contradict_are_not_flagged(first: str, second: str) -> None:
    assert conflicts(first, second) == []


def test_articles_published_far_apart_describe_a_change() -> None:
    assert conflicts("Russia rejected the 20-point plan.", "Russia accepted the 20-point plan.",
                     dt.date(2025, 6, 1), DAY) == []
    assert len(conflicts("Russia rejected the 20-point plan.", "Russia accepted the 20-point plan.",
                         dt.date(2025, 12, 1), DAY)) == 1


def test_an_act_reported_undone_may_have_been_done_since() -> None:
    # A summit postponed in Monday's article and held in Thursday's; not the other way round.
    monday, thursday = dt.date(2025, 12, 1), DAY
    assert conflicts("The vote in the Rada was postponed.", "The vote in the Rada took place.", monday, thursday) == []
    assert len(conflicts("The vote in the Rada was postponed.", "The vote in the Rada took place.",
                         thursday, monday)) == 1
    assert conflicts("Witkoff did not travel to Moscow.", "Witkoff arrived in Moscow.", monday, thursday) == []
    # A position is not an act: "has not accepted" on Monday against "accepted" on Thursday still differ.
    assert len(conflicts("Russia has not accepted the 20-point plan.", "Russia accepted the 20-point plan.",
                         monday, thursday)) == 1


def test_a_delay_is_set_only_against_an_earlier_report_that_the_event_took_place() -> None:
    # "Delayed" may mean hours: on one day, or before the event is reported held, both may be right.
    monday, thursday = dt.date(2025, 12, 1), DAY
    delayed, held = "The vote in the Rada was delayed.", "The vote in the Rada took place."
    (found,) = conflicts(held, delayed, monday, thursday)
    assert found.question == "whether the vote in the Rada took place"
    assert conflicts(held, delayed, thursday, thursday) == []
    assert conflicts(delayed, held, monday, thursday) == []
    assert conflicts(held, delayed, None, thursday) == []
    # moved, not called off, whenever the articles appeared
    assert conflicts(held, "The vote in the Rada was delayed by a week.", monday, thursday) == []
    assert conflicts(held, "Russia delayed the vote in the Rada until March.", monday, thursday) == []


def test_an_announced_event_and_its_cancellation_are_a_change_not_a_contradiction() -> None:
    # A future is compared only with a future: whichever article came first, or both on one day, a plan and a
    # cancellation describe a change (see the module's docstring).
    monday, thursday = dt.date(2025, 12, 1), DAY
    planned, cancelled = "The summit in Berlin will take place on Friday.", "The summit in Berlin was cancelled."
    for first_date, second_date in ((monday, thursday), (thursday, monday), (thursday, thursday)):
        assert conflicts(planned, cancelled, first_date, second_date) == []
        assert conflicts(cancelled, planned, first_date, second_date) == []
    assert len(conflicts(planned, "The summit in Berlin will not take place on Friday.")) == 1
    assert len(conflicts("The summit in Berlin will be cancelled.", "The summit in Berlin will take place.")) == 1


def test_a_conflict_shows_only_claims_opposed_to_the_other_side() -> None:
    # "rejected on Dec. 1" and "rejected" are one matter, "rejected" and "accepted on Dec. 3" another; "rejected on
    # Dec. 1" does not contradict "accepted on Dec. 3", so it is not shown.
    statements = [Statement("Russia rejected the 20-point plan on Dec. 1.", "a", 0, DAY),
                  Statement("Russia rejected the 20-point plan.", "b", 0, DAY),
                  Statement("Russia accepted the 20-point plan on Dec. 3.", "c", 0, DAY)]
    (found,) = find_contradictions(statements)
    assert [[c.source_id for c in side] for side in found.sides] == [["b"], ["c"]]


def test_a_welcome_and_an_acceptance_against_one_rejection_are_two_questions() -> None:
    statements = [Statement("Kyiv rejected the 20-point plan.", "a", 0, DAY),
                  Statement("Kyiv accepted the 20-point plan.", "b", 0, DAY),
                  Statement("Kyiv welcomed the 20-point plan.", "c", 0, DAY)]
    found = find_contradictions(statements)
    assert [(f.question, [[c.source_id for c in side] for side in f.sides]) for f in found] == [
        ("whether Kyiv accepted the 20-point plan", [["a"], ["b"]]),
        ("whether Kyiv welcomed the 20-point plan", [["a"], ["c"]])]


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


def test_a_sentence_that_gives_both_answers_keeps_another_actors_claim() -> None:
    # Kyiv's acceptance does not make Russia's rejection a change of mind; "but later accepted it" does.
    (kept,) = claims_in(Statement("Russia rejected the 20-point plan, which Ukraine accepted.", "s", 0, DAY))
    assert (kept.actor, kept.positive) == ("Russia", False)
    assert claims_in(Statement("Russia rejected the 20-point plan but accepted it in May.", "s", 0, DAY)) == []


def test_the_new_shapes_read_what_they_should() -> None:
    def claim(sentence: str):
        (found,) = claims_in(Statement(sentence, "s", 0, DAY))
        return found

    # an agentless passive has no actor; a party's capital after "in" is the agent of an acceptance
    passive = claim("The ceasefire proposal was rejected on Tuesday.")
    assert (passive.frame, passive.positive, passive.actor, passive.object_text) == (
        "accept", False, "", "the ceasefire proposal")
    assert claim("The ceasefire proposal was rejected on Tuesday in Kyiv.").actor == "Ukraine"
    # an event's actor is its head noun; what follows says where and when
    event = claim("The summit in Berlin went ahead on Friday.")
    assert (event.frame, event.positive, event.actor, event.object_text) == ("event", True, "summit", "on Friday")
    assert claim("Russia postponed the summit in Berlin.").actor == "summit"
    # a meeting is the same whoever is named first
    one, other = claim("Witkoff met Putin."), claim("Putin met Witkoff.")
    assert (one.actor, one.object_words) == (other.actor, other.object_words) == ("putin", frozenset({"witkoff"}))
    assert claim("Russia had rejected the 20-point plan.").earlier
    # not read: "held up" delays, "has not ruled out" leaves open, "backed away" withdraws, moved events
    for sentence in ("The talks were held up by a dispute over the text.", "Russia has not ruled out a ceasefire.",
                     "Ukraine backed away from the 20-point plan.", "The summit in Berlin was postponed until May.",
                     "Russia postponed the summit in Berlin to March."):
        assert claims_in(Statement(sentence, "s", 0, DAY)) == [], sentence


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


def test_joint_subjects_passives_and_speakers_read_what_they_should() -> None:
    def read(sentence: str) -> list[tuple[str, bool, str, str, frozenset[str]]]:
        return [(c.frame, c.positive, c.actor, c.actor_text, c.object_words)
                for c in claims_in(Statement(sentence, "s", 0, DAY))]

    # each member of a joint subject makes the claim; the clause shown holds both
    assert read("Russia and Ukraine agreed to the 20-point plan.") == [
        ("accept", True, "Russia", "Russia", frozenset({"20-point", "plan"})),
        ("accept", True, "Ukraine", "Ukraine", frozenset({"20-point", "plan"}))]
    (claim, _) = claims_in(Statement("On Tuesday, Russia and Ukraine agreed to the 20-point plan.", "s", 0, DAY))
    assert claim.clause == "Russia and Ukraine agreed to the 20-point plan"
    # two who met, met each other: one claim on the pair; with a third person, each met that person
    assert read("Putin and Witkoff met on Tuesday.") == [
        ("meet", True, "putin", "Putin and Witkoff", frozenset({"witkoff"}))]
    assert [(actor, words) for *_, actor, _, words in read("Putin and Witkoff met Zelensky.")] == [
        ("putin", frozenset({"zelensky"})), ("witkoff", frozenset({"zelensky"}))]
    # "and" after a verb joins two clauses, not two subjects; a list of three says nothing
    assert read("Zelensky met Trump and Putin received Witkoff.")[-1][:3] == ("receive", True, "putin")
    assert read("Putin, Witkoff and Kushner met on Tuesday.") == []
    # a passive meeting is about the same pair; the subject of "was met by" must be a person or party
    assert read("Putin was met by Witkoff.") == [("meet", True, "putin", "Witkoff", frozenset({"witkoff"}))]
    assert read("The proposal was met by Kremlin officials.") == []
    # "was denied by" denies only a report or a claim
    assert read("The report was denied by the Kremlin.")[0][:3] == ("confirm", False, "Russia")
    assert read("The request was denied by the Kremlin.") == []
    # a refusal by the verb itself is also a "no" in the welcome frame; "refused to" and "did not accept" are not
    (rejected,) = claims_in(Statement("Kyiv rejected the 20-point plan.", "s", 0, DAY))
    assert [(c.frame, c.positive) for c in welcome_answers([rejected])] == [("welcome", False)]
    for sentence in ("Kyiv did not accept the 20-point plan.", "Kyiv refused to sign the 20-point plan.",
                     "The 20-point plan was rejected."):
        assert welcome_answers(claims_in(Statement(sentence, "s", 0, DAY))) == [], sentence
    # a speaker the detector cannot name still makes the words theirs; an unnamed one does not
    for sentence, speaker in (("Kyiv welcomed the plan, the UN humanitarian coordinator said.",
                               "un humanitarian coordinator"),
                              ("Kyiv welcomed the plan, Ana Grennov, the special envoy, insisted.", "grennov"),
                              ("Kyiv welcomed the plan, Skimo argued.", "skimo"),
                              ("Kyiv welcomed the plan, diplomats said.", "")):
        (said,) = claims_in(Statement(sentence, "s", 0, DAY))
        assert said.attribution == speaker, sentence
