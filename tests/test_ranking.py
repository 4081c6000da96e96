"""How much a passage says counts in its strength: :func:`brief.ranking.substance_shortfall`."""

from __future__ import annotations

import pytest

from brief.ranking import (
    FULL_SENTENCE_WORDS,
    SUBSTANCE_WEIGHT,
    content_words,
    leans_only_on_its_connective,
    only_quotes,
    substance_shortfall,
)


def test_content_words_leave_out_function_words_and_count_each_word_once() -> None:
    assert content_words("He said that the talks, the talks in Geneva, had ended.") == {"talks", "geneva", "ended"}


def test_a_full_sentence_loses_nothing() -> None:
    text = ("The draft would cap Ukraine's armed forces at 800,000 personnel in peacetime, a ceiling above "
            "the 600,000 figure in the original plan.")
    assert len(content_words(text)) >= FULL_SENTENCE_WORDS
    assert substance_shortfall(text) == 0.0


@pytest.mark.parametrize(("text", "content"), [
    ("The discussions, which lasted five hours, ended without any breakthrough.", 7),
    ("Talks ended.", 2),
    ("It was what it was.", 0),
])
def test_each_missing_content_word_costs_the_same(text: str, content: int) -> None:
    assert len(content_words(text)) == content
    assert substance_shortfall(text) == pytest.approx(
        SUBSTANCE_WEIGHT * (FULL_SENTENCE_WORDS - content) / FULL_SENTENCE_WORDS)


def test_saying_more_never_ranks_lower() -> None:
    short = "Russia rejected the plan."
    longer = "Russia rejected the plan on Tuesday, its foreign ministry said in Moscow."
    assert substance_shortfall(longer) < substance_shortfall(short)


# --- what a brief shows of a passage, and words two wordings share ------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    # A short sentence that leans on what came before goes; the rest reads alone.
    ("Despite this, a resolution remains theoretically possible. A comprehensive agreement could include a "
     "cease-fire along current lines.", "A comprehensive agreement could include a cease-fire along current lines."),
    ("That remaining gap is wide. Moscow insists that Ukrainian forces leave the whole of Donetsk.",
     "Moscow insists that Ukrainian forces leave the whole of Donetsk."),
    # An answer to a question the article asked before, a place in a list it announced before.
    ("For Kyiv, the answer has been no. Zelensky says he has no mandate to give away land.",
     "Zelensky says he has no mandate to give away land."),
    ("The third is sequencing. Washington wants a ceasefire first and guarantees second.",
     "Washington wants a ceasefire first and guarantees second."),
    ("The second is the deterrence architecture. The British-French reassurance force has been planned in detail.",
     "The British-French reassurance force has been planned in detail."),
    # A short sentence whose object is a pronoun: what "it" is, the passage does not say.
    ("Moscow will test it. The first months after a ceasefire will be the most dangerous.",
     "The first months after a ceasefire will be the most dangerous."),
    ("Kyiv has rejected them. The draft would cap the army at 800,000.", "The draft would cap the army at 800,000."),
    # Kept whole: the lead-in says too much to drop, the rest leans on it too, or it is the only sentence.
    ("However, behind the scenes, Trump has reportedly pushed Ukraine towards territorial concessions for "
     "months. Kyiv refused.", None),
    ("These are real gains for Kyiv. They were won by patient drafting.", None),
    ("However, the talks ended without agreement.", None),
    ("The talks ended. However, both sides will meet again.", None),
])
def test_a_short_leaning_lead_in_is_left_out(text: str, shown: str | None) -> None:
    from brief.ranking import standalone_text

    assert standalone_text(text) == (shown or text)
    assert text.endswith(standalone_text(text))


@pytest.mark.parametrize(("text", "shown"), [
    ("KYIV, Dec 9 (Meridian Wire) - Ukraine has sent the plan back.", "Ukraine has sent the plan back."),
    ("MOSCOW, 12 December 2025. The Kremlin has said so.", "The Kremlin has said so."),
    ("KYIV – It has been one year since the meeting.", "It has been one year since the meeting."),
    ("LONDON (Reuters) — Talks ended.", "Talks ended."),
    ("KYIV, Ukraine (AP) — Russia struck overnight.", "Russia struck overnight."),
    ("WASHINGTON, Dec. 3, 2025 — The envoy left.", "The envoy left."),
    # Not datelines: an abbreviation, a sentence that only looks like one, a lower-case continuation.
    ("U.S. President Trump said so.", None),
    ("NATO. The alliance met.", None),
    ("BERLIN – talks resumed.", None),
])
def test_a_wire_dateline_is_left_out(text: str, shown: str | None) -> None:
    from brief.ranking import standalone_text

    assert standalone_text(text) == (shown or text)


@pytest.mark.parametrize(("text", "dangles"), [
    ("I think there is a reasonable chance of a ceasefire by the summer.", True),  # whose "I"?
    ("Our correspondent in Moscow notes that state television called it theft.", True),
    ("It was rejected by Kyiv within hours.", True),
    ("It has been one year since the Oval Office meeting.", False),  # "it" stands for nothing
    ("It is unclear whether the talks will resume.", False),
    ("Italy agreed to the plan.", False),
    ("There may still be space for a cease-fire pause.", False),  # "there" that stands for nothing
    ("There, the envoys met again the next day.", True),
    # after an opening phrase: a source, or a group with an aside between dashes
    ("According to the RAND Corporation, this is compounded by the absence of ceasefire mechanisms.", True),
    ("For donor countries—especially in the EU and U.S.—this could lead to political backlash.", True),
    ("According to the RAND Corporation, the talks have stalled since the summer.", False),
    ("For donor countries—especially in the EU—aid fatigue is a growing risk.", False),
])
def test_what_counts_as_leaning_on_what_came_before(text: str, dangles: bool) -> None:
    from brief.ranking import _DANGLING_START

    assert bool(_DANGLING_START.match(text)) is dangles


def test_a_passage_without_its_lead_in_no_longer_counts_as_dangling() -> None:
    from brief.excerpts import Excerpt
    from brief.ranking import static_strength

    def strength(text: str, origin: str = "rules") -> float:
        return static_strength(Excerpt(id="a:1", source_id="a", start=0, end=len(text), text=text, topics=(),
                                       section="outlook", topic_score=0.0, section_score=0.0, paragraph=3,
                                       position=1, published=None, origin=origin))

    rest = "A comprehensive agreement could include a cease-fire along current lines and Western guarantees."
    assert strength("Despite this, a deal remains possible. " + rest) == pytest.approx(strength(rest))
    # The analyst's own passage is shown whole, so it is judged whole.
    assert strength("Despite this, a deal remains possible. " + rest, "analyst") < strength(rest, "analyst")


@pytest.mark.parametrize(("text", "unattributed"), [
    # The speaker is in the sentence before or after: the item would show words without their speaker.
    ('"The test is whether Putin accepts anything short of the whole of Donbas, and so far there is no sign of it."',
     True),
    ('"The Americans want a quick result, but Russia is not in a hurry.', True),   # "one said" is in the next
    ("“What will the United States do if Russia comes with aggression again?", True),
    ("“Any mechanized units, any tank armor or vehicles will be killed immediately,” he said.", True),
    ("“The goals of the special military operation will be achieved unconditionally,” he said on Dec. 17.", True),
    # "the official" is someone the article named or described before: which official, the passage does not say
    ('"The guarantees on the table are the strongest Ukraine has ever been offered," the official said.', True),
    ("“We will not sign,” said the senior European diplomat.", True),
    ("“We will not sign,” the official told reporters.", True),
    # Said by someone the passage names or describes.
    ("“There’s a question I still can’t get an answer to,” Zelensky said on Dec. 18 in Brussels.", False),
    ('"Agreement between Washington and Kyiv is necessary but not sufficient," said Marta Kowalczyk.', False),
    ('"A guarantee that can be withdrawn is not a guarantee," said a European diplomat briefed on the talks.',
     False),
    ('"The talks are over for this year," said one official in Kyiv.', False),
    ("“We will not sign,” the spokesman for Zelensky said.", False),
    ("“We will not sign,” Dmitry Peskov, the Kremlin spokesman, said.", False),  # the role after a name
    ("“We will not sign,” Rustem Umerov, the chief negotiator, told reporters.", False),
    ("“We will not sign,” said the official, Yuri Ushakov.", False),  # a name after the role
    ("“We will not sign,” said the Kremlin aide Yuri Ushakov.", False),
    ("“We will not sign,” said the head of the delegation.", False),
    ('"The talks are over for this year," one said.', True),
    # Not a quotation first: a passage that quotes inside its own statement.
    ('Zelensky welcomed the decision, calling it "a strong signal to Moscow."', False),
    ("Russia rejected the plan.", False),
])
def test_a_quotation_without_its_speaker_is_recognised(text: str, unattributed: bool) -> None:
    from brief.ranking import quotes_nobody

    assert quotes_nobody(text) is unattributed


def test_a_quotation_without_its_speaker_ranks_as_a_passage_that_leans_on_what_came_before() -> None:
    """An item that is a quotation and says nobody said it reads like one that opens with "He": the reader
    cannot tell whose words they are. It loses what a dangling start loses, and only once."""
    from brief.excerpts import Excerpt
    from brief.ranking import static_strength

    def strength(text: str) -> float:
        return static_strength(Excerpt(id="a:1", source_id="a", start=0, end=len(text), text=text, topics=(),
                                       section="state-of-talks", topic_score=2.0, section_score=2.0, paragraph=3,
                                       position=1, published=None))

    words = ('"The test is whether Putin accepts anything short of the whole of Donbas, and so far there is no '
             'sign of it."')
    named = words[:-2] + '," said Marta Kowalczyk.'
    from brief.ranking import substance_shortfall

    # The name also adds content words: that part of the difference is the substance measure's.
    assert strength(named) - strength(words) == pytest.approx(
        1.5 + substance_shortfall(words) - substance_shortfall(named))
    assert strength('"We have closed most of the technical chapters of the framework with the Americans.') == \
        pytest.approx(strength("We have closed most of the technical chapters of the framework with the Americans."))


def test_comparable_words_meet_across_wordings() -> None:
    from brief.ranking import comparable_words

    a = comparable_words("Moscow insists on recognizing its annexation of occupied territories.")
    b = comparable_words("Russia insisted that Kyiv recognize the territories it annexed.")
    assert {"russia", "insist", "recogn", "annex", "territori"} <= a & b
    assert comparable_words("Kyiv and the Ukrainians") == {"ukraine"}  # a party's name is kept whole
    # w4 and w11 on the EU's decision: "immobilised" assets are the "frozen" ones, to "lend" is to give a "loan"
    assert comparable_words("plan to use immobilised Russian central bank assets") \
        & comparable_words("plan to lend Ukraine money backed by the frozen Russian assets") \
        == {"plan", "russia", "asset", "frozen"}
    assert comparable_words("to lend Ukraine money") & comparable_words("a reparations loan") == {"loan"}


@pytest.mark.parametrize(("text", "dangles"), [
    ("If Kyiv refuses “substantive” talks on Moscow’s terms, he vowed Russia would fight on.", True),
    ("When the envoys left Moscow, they had no deal.", True),
    ("If Kyiv refuses talks, Putin vowed Russia would fight on.", False),  # the subject is named
    ("When the envoys left Moscow, the Kremlin said no deal was near.", False),
])
def test_a_pronoun_subject_after_an_opening_clause_leans_on_what_came_before(text: str, dangles: bool) -> None:
    from brief.excerpts import Excerpt
    from brief.ranking import static_strength

    def strength(body: str) -> float:
        return static_strength(Excerpt(id="a:1", source_id="a", start=0, end=len(body), text=body, topics=(),
                                       section="outlook", topic_score=2.0, section_score=2.0, paragraph=3,
                                       position=1, published=None))

    # The same sentence with its subject named (same length, same words otherwise) is the yardstick.
    named = text.replace(", he ", ", Al ").replace(", they ", ", Al ")
    named_strength = strength(named) + substance_shortfall(named) - substance_shortfall(text)
    assert strength(text) == pytest.approx(named_strength - (1.5 if dangles else 0.0))


def test_an_interview_answer_in_the_first_person_ranks_lower_but_is_not_a_fragment() -> None:
    from brief.ranking import leans_on_what_came_before

    answer = "I think there is a reasonable chance of a ceasefire by the summer, but it will be fragile."
    assert leans_on_what_came_before(answer)
    assert not leans_on_what_came_before(answer, first_person=False)
    assert leans_on_what_came_before("That is why Kyiv will not give them up.", first_person=False)


@pytest.mark.parametrize(("text", "dangles"), [
    # what is "it"? The anchor's question said: "Europe has also found 90 billion euros …"
    ("DANIEL FERREIRA (analyst): It buys Kyiv two years of financing, so nobody can force it to sign.", True),
    ("DANIEL FERREIRA (analyst): The loan buys Kyiv two years of financing.", False),
    ("DANIEL FERREIRA (analyst): I would not expect a ceasefire before the spring.", False),  # the guest's own "I"
])
def test_a_guests_turn_is_judged_after_its_label(text: str, dangles: bool) -> None:
    from brief.ranking import leans_on_what_came_before

    assert leans_on_what_came_before(text, first_person=False) is dangles


@pytest.mark.parametrize(("text", "dangles"), [
    ("So far, security guarantees—the one element that could unlock painful compromises—remain vague.", False),
    ("So far, no compromise version of a peace settlement has been found, said Yuri Ushakov.", False),
    ("So the envoys flew on to Kyiv the next morning.", True),  # "so" the connective
])
def test_so_far_leans_on_nothing_but_so_the_connective_does(text: str, dangles: bool) -> None:
    from brief.ranking import leans_on_what_came_before

    assert leans_on_what_came_before(text) is dangles


@pytest.mark.parametrize(("text", "fragment"), [
    ("Good morning. Here is what you need to know about the Ukraine negotiations this week.", True),
    ("Anna Berg served as Sweden's envoy to Moscow. We asked her where the negotiations stand.", True),
    ("Whether the EU starts paying out the loan agreed last week, which would cover Kyiv's budget gap.", True),
    ("What to watch: Whether the Kremlin answers the U.S. proposals before the holidays.", True),
    ("The problem is that each of these rules can be vetoed. If you accept that, Moscow decides.", True),
    ("Moscow will test it. The first months after a ceasefire will be the most dangerous.", True),
    ("Does that change the picture?", True),  # a question of a "that" it does not name
    ("Daniel, can it last?", True),
    # Statements that only look like one of those.
    ("Good relations with Washington remain Kyiv's priority, officials said.", False),
    ("Officials said that, in their view, talks would resume in January.", False),
    ("The envoys asked the Finnish government for more time on the security chapter.", False),
    ("Whether talks resume depends on Moscow, the envoy said.", False),
    ("Whether the Kremlin would accept monitors it cannot bend remains doubtful.", False),
    ("Whether in back-channel talks or through UN appeals, each attempt at ending the war has stalled.", False),
    ("Whether Kyiv agrees or not, Moscow will press its offensive in the spring.", False),
    ("Whether the U.S. would accept monitors on the line remains doubtful.", False),
    ("Whether Russia will agree to a truce is anyone's guess.", False),
    ("Whether Ukraine can hold Pokrovsk through the winter will shape the talks.", False),
    ("Welcome to the new reality, a Kremlin official said of the sanctions.", False),
    ("Kremlin spokesman Dmitry Peskov said the daily briefing will resume next week.", False),
    ("Kyiv wants a ceasefire, but Moscow rejects it. Talks in Geneva on Tuesday ended without a deal.", False),
    ("Is it likely that Moscow agrees to the monitors?", False),
    ("Europe has found the money. Does that change the picture?", False),  # the question's "that" is named
])
def test_a_passage_that_says_nothing_alone_cannot_stand_alone(text: str, fragment: bool) -> None:
    from brief.ranking import leans_on_what_came_before

    assert leans_on_what_came_before(text) is fragment


@pytest.mark.parametrize(("text", "quotes"), [
    ("“Any mechanized units, any tank armor or vehicles will be killed immediately,” he said.", True),
    ("“The goals will be achieved unconditionally,” he said on Dec. 17.", True),
    ("“We need an answer,” Zelensky told reporters in Brussels on Friday.", True),
    ("“We need an answer,” Zelensky said, adding that Kyiv had agreed the documents with the Americans.", False),
    ("Zelensky said Kyiv had agreed the documents with the Americans.", False),
    ("“The guarantees on the table are the strongest Ukraine has ever been offered.”", False),  # who said it?
    ("“Kill zone” tactics are spreading fast, Samus said.", False),  # a phrase the sentence uses, not a quotation
])
def test_a_passage_that_only_quotes(text: str, quotes: bool) -> None:
    assert only_quotes(text) is quotes


def test_a_name_and_a_colon_is_a_dateline_only_where_the_article_opens() -> None:
    from brief.ranking import standalone_text

    # "NEW DELHI: " opening the article is its dateline; "FERREIRA: " in a transcript's later turn is a speaker,
    # whom the brief must not cut off the words he says
    assert standalone_text("NEW DELHI: Modi spoke with Zelensky on Tuesday.") == "Modi spoke with Zelensky on Tuesday."
    text = "FERREIRA: I would not expect a ceasefire before the spring."
    assert standalone_text(text, opens_article=False) == text


@pytest.mark.parametrize(("text", "shown"), [
    # the programme's own voices report, as a journalist does: their label and courtesy are left out
    ("ANCHOR: Good evening. Russian and American envoys have held talks in Miami.",
     "Russian and American envoys have held talks in Miami."),
    ("HANNA KOVALSKA (correspondent): Thank you. Kyiv spent much of today under an air raid alert.",
     "Kyiv spent much of today under an air raid alert."),
    ("PRESENTER: Thanks, Hanna. Now to Moscow, where the Kremlin answered.", "Now to Moscow, where the Kremlin answered."),
    ("ANCHOR: Envoys met again on Sunday.", "Envoys met again on Sunday."),
    ("ANCHOR: Thank you.", "Thank you."),  # nothing after the courtesy: it stays, there is nothing else
    # a guest's words keep their label: they are theirs, not the outlet's
    ("DANIEL FERREIRA (analyst): Thank you. I would not expect a ceasefire before the spring.",
     "DANIEL FERREIRA (analyst): Thank you. I would not expect a ceasefire before the spring."),
    ("Good evening is what he said.", "Good evening is what he said."),
])
def test_a_programme_voices_label_and_courtesy_are_left_out(text: str, shown: str) -> None:
    from brief.ranking import standalone_text

    assert standalone_text(text, opens_article=False) == shown
    if text.startswith(("ANCHOR", "PRESENTER")):  # opening the article, "ANCHOR: " is still a speaker
        assert standalone_text(text, opens_article=True) == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("ANCHOR: Thank you, Dr. Ferreira. Now to Moscow, where the Kremlin answered.",
     "Now to Moscow, where the Kremlin answered."),
    ("ANCHOR: Thanks, Mr. Umerov. The Kremlin said on Sunday it had not studied the texts.",
     "The Kremlin said on Sunday it had not studied the texts."),
    ("ANCHOR: Thanks, Łukasz. The Kremlin said on Sunday it had not studied the texts.",
     "The Kremlin said on Sunday it had not studied the texts."),
    ("ANCHOR: Good evening and welcome to the programme. Envoys met again in Miami on Sunday.",
     "Envoys met again in Miami on Sunday."),
])
def test_a_courtesy_is_left_out_whole_with_whom_it_addresses(text: str, shown: str) -> None:
    from brief.ranking import standalone_text

    assert standalone_text(text, opens_article=False) == shown


def test_a_passage_leans_only_on_its_connective_when_it_reads_alone_without_it():
    assert leans_only_on_its_connective("Yet the pressure has sat on Kyiv: a deal now, guarantees later.")
    assert leans_only_on_its_connective("However, the talks in Geneva went on for a second day.")
    assert not leans_only_on_its_connective("But it has also looped back on itself.")   # what is "it"?
    assert not leans_only_on_its_connective("Instead Moscow sent a second-tier delegation.")  # instead of what?
    assert not leans_only_on_its_connective("The talks in Geneva went on for a second day.")  # leans on nothing
