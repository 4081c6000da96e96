"""Antecedents: a he/his or a this that nothing in the passage can stand for, and a passage shown with the
sentence before it that names who or what."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.antecedents import (
    counts_whom_it_does_not_name,
    illustrates_what_came_before,
    lacks_who_or_what,
    names_someone,
    points_at_what_came_before,
    refers_to_an_unnamed_event,
    refers_to_someone_unnamed,
)
from brief.assembly import assemble_briefing
from brief.briefing import BriefItem
from brief.ranking import leans_on_what_came_before
from brief.workspace import Workspace, load_workspace

from .test_assembly import OTHER_NEWS as ASSEMBLY_NEWS
from .test_assembly import _project, _recipe


@pytest.mark.parametrize("text", [
    "A new round of consultations at expert level could be held before the end of the year, he said.",
    "The demand for all of Donetsk, Luhansk, Zaporizhzhia and Kherson goes beyond anything Ukraine's "
    "negotiators have discussed with the Americans, and his terms on NATO have not softened.",
    "Second, a clear signal that time is not on his side, that the United States will keep arming Ukraine.",
])
def test_a_he_or_his_that_nobody_named_can_be_leans_on_what_came_before(text: str) -> None:
    assert refers_to_someone_unnamed(text) and leans_on_what_came_before(text)


@pytest.mark.parametrize("text", [
    "Zelensky said he was prepared to drop Ukraine's bid to join NATO in exchange for binding guarantees.",
    "President Volodymyr Zelensky and his team met the U.S. delegation at the Chancellery.",
    "A senior U.S. official said he expected the draft to be ready within days.",
    "Since assuming his second term, President Donald Trump has attempted to mediate an end to the war.",
    "The talks moved to the expert level this week, officials said.",
])
def test_a_he_or_his_with_someone_to_stand_for_reads_alone(text: str) -> None:
    assert not refers_to_someone_unnamed(text)


def test_a_this_with_no_noun_after_it_points_at_what_came_before() -> None:
    assert points_at_what_came_before("Moscow calls this unacceptable and wants a veto over any foreign presence.")
    assert points_at_what_came_before("Kyiv rejected this, saying it would reward aggression.")
    assert not points_at_what_came_before("Moscow rejected this proposal on Monday.")


@pytest.mark.parametrize(("text", "leans"), [
    # w10: which pledge? The Article 5-like guarantees the sentence before tells of (audit of session 41)
    ("Kyiv wants any such pledge to be ratified by the U.S. Congress.", True),
    # "such a" says how much as often as which: left alone (a review of session 41's rule found these)
    ("Zelensky has said that such a decision cannot be taken by the president alone.", False),
    ("Ukraine has never been in such a difficult position, the minister said.", False),
    ("The attack caused such a large fire that residents of three streets were evacuated.", False),
    ("There is no such thing as a free ceasefire, Kallas told reporters.", False),
    ("Russia has launched the largest drone attack of this kind since the start of the war.", False),
    ("Peskov said documents of these kinds had not been received.", True),
    ("Moscow has received no such documents, Peskov said.", True),
    ("Peskov said Moscow had not received any documents of this kind.", True),
    ("Zelensky said that kind of pressure would not work.", True),
    ("Russia wants guarantees such as a ban on NATO bases.", False),
    ("The annex is drafted in such a way that no soldier is needed.", False),
])
def test_a_such_or_this_kind_of_what_the_sentence_before_named_points_at_it(text: str, leans: bool) -> None:
    assert points_at_what_came_before(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    ("Until the U.S. can translate that bargaining into a guarantee Kyiv trusts, the rhythm will not change.", True),
    ("If none of these moves, the most likely outcome is a winter of inconclusive diplomacy.", True),
    ("Kyiv fears this approach would reward aggression.", True),
    ("Recent reporting highlights that positions have only hardened since the summer.", False),
    ("Moscow dismissed that signal on Monday.", True),
    ("On the ground, that worldview collides with stubborn math.", True),  # whose worldview?
    ("Kyiv rejects that view of the front.", True),
    ("Officials said that signals have been mixed since the summit.", False),
    ("Zelensky said that offers of security guarantees from Europe were not enough.", False),
    ("Reuters reported that moves to seize Russian assets stalled on Friday.", False),
    ("Moscow rejected this proposal on Monday.", False),
])
def test_a_demonstrative_before_a_noun_that_sums_up_what_was_said_points_back(text: str, leans: bool) -> None:
    assert points_at_what_came_before(text) == leans
    assert not points_at_what_came_before("Envoys will meet again this week.")


@pytest.mark.parametrize(("text", "leans"), [
    ("The meeting offered little surprise, as Putin has historically approached negotiations with demands.", True),
    ("The call ended without a date for the next round.", True),
    ("For Kyiv, the visit changed nothing.", True),
    ("The meeting in Moscow lasted five hours.", False),  # it says which
    ("The meeting between Putin and Witkoff lasted five hours.", False),
    ("The meeting scheduled for Friday was postponed.", False),
    ("The meetings of the coalition continue.", False),
    ("Russian President Vladimir Putin later dismissed the talks as irrelevant.", True),  # later than what?
    ("Kyiv later said it had not received the text.", True),
    ("A second round is expected later this month.", False),
    ("History offers little comfort to those who sign first and negotiate protection later.", False),
    ("Any peace deal would later need ratification by Ukraine's parliament.", False),  # "need" is no past
    ("Witkoff met Putin on Tuesday and later briefed Trump.", False),  # after the meeting it names
    ("The 28-point plan was later revised to 20 points.", False),
    ("The call for an immediate ceasefire went unanswered.", False),  # "the call for …" says which
    ("The visit by Witkoff and Kushner to Moscow ended late.", False),
    ("Afterwards Yuri Ushakov, Putin's foreign policy aide, says no compromise on territory has been found.", True),
    ("Later, the Kremlin said the talks had been useful.", True),  # later than what?
    ("The next day the envoys flew on to Berlin.", True),
    ("Later on Tuesday, the Kremlin said the talks had been useful.", False),  # it says when
    # w10: after what? The Kremlin meeting of 2 December the sentence before tells of
    ("Kremlin aide Yuri Ushakov said afterwards that no compromise had been found on territory.", True),
    ("Officials told reporters shortly afterwards that the talks would resume.", True),
    ("U.S. Secretary of State Marco Rubio told the BBC later that the talks had been useful.", True),
    ("Kremlin aide Yuri Ushakov told reporters afterwards on Tuesday that the talks were useful.", False),
    ("Ushakov said later this week that the talks had been useful.", False),
    ("Witkoff met Putin on Tuesday and afterwards flew to Berlin.", False),  # after the meeting it names
    ("Later this month the envoys fly to Berlin.", False),
    # w9: which deal? The EU's loan, which the paragraph before tells of
    ('The deal sets aside, for now, the "reparations loan" that would have drawn on Russian central bank assets.',
     True),
    ("The decision leaves Hungary outside the scheme.", True),
    ("The agreement was welcomed in Kyiv.", True),
    ("The deal between Washington and Kyiv is not yet signed.", False),
    ("The agreement on prisoner exchanges held.", False),
])
def test_an_event_the_passage_does_not_say_which_or_after_what_leans_on_what_came_before(
        text: str, leans: bool) -> None:
    assert refers_to_an_unnamed_event(text) is leans
    assert leans_on_what_came_before(text) is leans


@pytest.mark.parametrize(("text", "leans"), [
    # w4: the 27 EU leaders of the sentence before
    ("After Belgium refused to back the plan to use immobilised Russian central bank assets, the 27 instead agreed "
     "to raise €90bn through joint borrowing backed by the EU budget.", True),
    ("The two met for five hours at the Kremlin.", True),
    ("In Geneva the three would meet again.", True),
    ("The two sides agreed to meet again in January.", False),
    ("The 27 member states agreed to raise €90bn.", False),
    ("The 28 points were cut to 20.", False),
    ("Kyiv rejected the 20 proposed points outright.", False),
    ("Talks ended after the two agreed.", True),
])
def test_a_number_with_no_noun_after_it_leans_on_what_came_before(text: str, leans: bool) -> None:
    assert counts_whom_it_does_not_name(text) is leans
    assert lacks_who_or_what(text) is leans
    assert leans_on_what_came_before(text) is leans


def test_a_sentence_capital_is_not_a_name() -> None:
    assert not names_someone("Two things. First, a real cost to continuing: energy revenues falling further.")
    assert names_someone("Ushakov said the talks were useful.")
    assert names_someone("The talks were useful, Ushakov said.")


OTHER_NEWS = [
    "Russia demands that Ukraine withdraw from parts of Donbas it does not occupy, a red line for Kyiv.",
    "European leaders agreed to raise a loan of 90 billion euros for Ukraine over the next two years.",
]


def _brief_of(tmp_path: Path, paragraph: str) -> tuple[Workspace, list[BriefItem]]:
    """A brief of one article: ``paragraph`` between two others, every section of excerpts with room."""
    paths = _project(tmp_path, {"a": ("2025-12-12", "Alpha Post", "\n\n".join(
        [OTHER_NEWS[0], paragraph, OTHER_NEWS[1]]))})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 5} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    return workspace, assemble_briefing(workspace, recipe).all_items()


def test_a_passage_that_says_he_of_someone_the_sentence_before_names_is_shown_after_it(tmp_path: Path) -> None:
    quoted = ('"We value the constructive approach of the American negotiators," Kremlin aide Yuri Ushakov '
              'said on Friday.')
    unnamed = "A new round of consultations at expert level could be held before the end of the year, he said."
    workspace, items = _brief_of(tmp_path, f"{quoted} {unnamed}")
    texts = [item.text for item in items]
    assert f"{quoted} {unnamed}" in texts, texts  # who said it, in the article's words
    assert unnamed not in texts and quoted not in texts  # neither alone: the pair says both
    [pair] = [item for item in items if item.text == f"{quoted} {unnamed}"]
    excerpts = {e.text: e.id for e in workspace.excerpts_of("a")}
    assert pair.excerpt_id == excerpts[unnamed] and set(pair.excerpt_ids) == {excerpts[unnamed], excerpts[quoted]}


def test_a_sentence_before_that_names_nobody_does_not_make_a_he_read_alone(tmp_path: Path) -> None:
    before = "Officials signalled openness to continued contacts with Washington on Friday."
    unnamed = "A new round of consultations at expert level could be held before the end of the year, he said."
    _, items = _brief_of(tmp_path, f"{before} {unnamed}")
    texts = [item.text for item in items]
    assert not any(unnamed in text for text in texts)


@pytest.mark.parametrize(("before", "leaning"), [
    # "“…,” the official said." alone leaves the principal to guess which official; the sentence before says.
    ("An American official told reporters that 90 per cent of the issues between Washington and Kyiv had now "
     "been settled.",
     '"The guarantees on the table are the strongest Ukraine has ever been offered," the official said. '
     '"What remains is the land."'),
    # w11: "Afterwards Yuri Ushakov … says …" alone leaves the principal to ask after what: the Kremlin meeting.
    ("Witkoff and Kushner are received by Putin in the Kremlin late in the day and stay nearly five hours.",
     "Afterwards Yuri Ushakov, Putin's foreign policy aide, says some American proposals can be worked on while "
     "others are unacceptable, and that no compromise on territory has been found."),
    # w10: the pledge is the guarantee the sentence before tells of
    ("In Berlin this week, U.S. negotiators offered Ukraine security guarantees they compared to Article 5 of "
     "NATO's founding treaty, according to Ukrainian and European officials.",
     "Kyiv wants any such pledge to be ratified by the U.S. Congress."),
    # w4: "the 27" are the EU leaders the sentence before names
    ("EU leaders meeting in Brussels reached a deal shortly after 3am to fund Ukraine's military and budget needs "
     "for the next two years.",
     "After Belgium refused to back the plan to use immobilised Russian central bank assets, the 27 instead agreed "
     "to raise €90bn through joint borrowing backed by the EU budget."),
    # seed 000: alone, the sentence before reads as praise the article goes on to take back
    ("For Washington, the back channel has produced a process where none existed a year ago.",
     "But it has also looped back on itself: every new contact with the Kremlin produces flurries of diplomacy "
     "with Kyiv and Europe, only to run up against the same wall."),
])
def test_a_passage_is_shown_after_the_sentence_that_says_whom_or_what_it_follows(
        tmp_path: Path, before: str, leaning: str) -> None:
    _, items = _brief_of(tmp_path, f"{before} {leaning}")
    texts = [item.text for item in items]
    assert f"{before} {leaning}" in texts, texts
    assert leaning not in texts


def test_a_quotation_of_the_official_is_not_given_to_someone_else_the_sentence_before_names(tmp_path: Path) -> None:
    """Shown after "President Volodymyr Zelensky rejected …", "the official" would read as Zelensky."""
    before = "President Volodymyr Zelensky rejected any withdrawal from the Donbas on Monday."
    quoted = '"The Americans want a signature before Christmas," the official said.'
    _, items = _brief_of(tmp_path, f"{before} {quoted}")
    assert not any(f"{before} {quoted}" in item.text for item in items)


def test_a_passage_is_not_shown_after_a_sentence_without_that_sentences_own_sentence_before(tmp_path: Path) -> None:
    """Shown after its own sentence before, "According to the Associated Press, … the dialogue eventually
    collapsed" says which dialogue; a pair of it and "Putin later dismissed the talks" without that sentence
    would not say which talks."""
    istanbul = ("One of the earliest formal attempts, the Istanbul talks in March 2022, showed initial promise but "
                "unraveled quickly.")
    collapsed = ("According to the Associated Press, while Moscow and Kyiv tentatively explored a framework, the "
                 "dialogue eventually collapsed amid renewed hostilities.")
    later = "Russian President Vladimir Putin later dismissed the talks as irrelevant, doubling down on his aims."
    _, items = _brief_of(tmp_path, f"{istanbul} {collapsed} {later}")
    texts = [item.text for item in items]
    assert f"{istanbul} {collapsed}" in texts, texts
    assert not any(text.startswith(collapsed) for text in texts)


def test_an_outcome_told_by_the_sentence_before_a_passage_is_not_told_again(tmp_path: Path) -> None:
    """"The meeting offered little surprise" is shown after Ushakov's "no compromise … has been found": the pair
    tells how the talks ended, and the article's "ended without any breakthrough" would tell it again."""
    found = "So far, no compromise version of a peace settlement has been found, said Yuri Ushakov, an aide to Putin."
    meeting = ("The meeting offered little surprise, as Putin has historically approached negotiations with "
               "uncompromising demands.")
    ended = "The discussions, which lasted five hours at the Kremlin, ended without any breakthrough."
    paths = _project(tmp_path, {"a": ("2025-12-03", "Alpha Post", "\n\n".join(
        [OTHER_NEWS[0], f"{found} {meeting}", ended, OTHER_NEWS[1]]))})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 5} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert f"{found} {meeting}" in texts, texts
    assert ended not in texts


RUBIO = "Secretary of State Marco Rubio, for instance, led earlier talks but was absent for the critical Moscow talks."
OTHER_ELEMENTS = "Other potential elements might involve sanctions relief contingent on Russian compliance."


@pytest.mark.parametrize(("text", "illustrates"), [
    (RUBIO, True),  # an example of the sentence before's "leadership roles were unclear" (seed 003)
    ("For example, the EU kept its sanctions in place while the envoys met.", True),
    (OTHER_ELEMENTS, True),  # elements of what? The agreement the sentence before lists them for
    ("Other than the EU, no party has offered money for reconstruction.", False),
    ("U.S. Secretary of State Marco Rubio, for instance, led earlier talks.", True),
    ("Rubio led earlier talks, for instance in Geneva in November.", False),  # an example within its own sentence
    ("Talks stalled. Rubio, for instance, left early.", False),  # the passage gives the claim itself
    ("Europe, for its part, kept its sanctions in place.", False),
    ("A comprehensive agreement could include a cease-fire along current lines.", False),
    ("Negotiators discussed the other elements of the plan on Sunday.", False),
])
def test_an_example_or_the_rest_of_a_list_leans_on_the_sentence_before(text: str, illustrates: bool) -> None:
    assert illustrates_what_came_before(text) is illustrates
    if illustrates:
        assert lacks_who_or_what(text) and leans_on_what_came_before(text)


@pytest.mark.parametrize(("text", "leans"), [
    ("But it has also looped back on itself.", True),
    ("Yet it still falls short of what Kyiv asked for.", True),
    ("However, it offers no guarantee of enforcement.", True),
    ("But it is unclear whether Moscow will accept the text.", False),  # an "it" that names nothing
    ("Yet it remains to be seen whether the summit will take place.", False),
    ("But the plan has also looped back on itself.", False),
    ("But it will take months for the monitors to deploy.", False),  # the reviewer's dummy "it"s
    ("But it emerged on Monday that the envoys had met in Miami.", False),
    ("However, it took a phone call from Trump to restart the talks.", False),
    ("But it has been clear for weeks that Moscow will not sign.", False),
    ("But it will be fragile.", True),  # the ceasefire the sentence before names
    ("But it is not hopeless.", True),
    ("Still, it became the basis of the Geneva text.", True),
])
def test_an_it_after_a_turn_says_what_the_sentence_before_names(text: str, leans: bool) -> None:
    assert lacks_who_or_what(text) is leans
    # ranking reads the same "it": alone, without the turn, it leans exactly when the pair is given its sentence
    alone = text.split(" ", 1)[1].removeprefix("it").join(("It", ""))
    assert leans_on_what_came_before(alone, first_person=False) is leans, alone


def test_an_example_is_shown_after_the_claim_it_illustrates(tmp_path: Path) -> None:
    """The shipped weekly of 3 December showed Rubio's absence with no word of what it was an example of."""
    claim = ("Internal divisions within the U.S. team further complicated the talks, and leadership roles were "
             "unclear.")
    _, items = _brief_of(tmp_path, f"{claim} {RUBIO}")
    texts = [item.text for item in items]
    assert f"{claim} {RUBIO}" in texts, texts
    assert RUBIO not in texts


def test_the_rest_of_a_list_is_shown_after_the_sentence_that_began_it_as_that_sentence_is_shown(
        tmp_path: Path) -> None:
    """Seed 003: "Despite this, a resolution remains theoretically possible. A comprehensive agreement could include
    …" is one passage, shown from "A comprehensive agreement", which reads alone; "Other potential elements …" is
    shown after it (it was shown alone, three items later)."""
    possible = "Despite this, a resolution remains theoretically possible."
    agreement = ("A comprehensive agreement could include a cease-fire along current lines, a framework acknowledging "
                 "Russian-occupied territories without formal annexation, and security guarantees for Ukraine.")
    kremlin = ("The Kremlin maintained a strong negotiating position, keeping maximalist demands intact while "
               "observing U.S. missteps. Standard Russian tactics of delaying and pressing for concessions were "
               "evident throughout the meeting.")
    paths = _project(tmp_path, {"a": ("2025-12-12", "Alpha Post", "\n\n".join(
        [ASSEMBLY_NEWS[0], f"{kremlin} {possible} {agreement} {OTHER_ELEMENTS}", ASSEMBLY_NEWS[3]]))})
    workspace = load_workspace(paths)
    assert any(e.text == f"{possible} {agreement}" for e in workspace.excerpts_of("a")), "one passage, as in 003"
    recipe = _recipe(paths, workspace, key_points=0, sections=[{"id": s, "max_items": 5} for s in (
        "state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert f"{agreement} {OTHER_ELEMENTS}" in texts, texts
    assert OTHER_ELEMENTS not in texts
