"""Segmentation: blocks and sentences as offsets into the canonical text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.segmentation import (
    MIN_SPAN_WORDS,
    answered_questions,
    asks,
    list_introductions,
    paragraph_spans,
    sentence_bounds,
    split_blocks,
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_bounds(text, 0, len(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. delegation arrived in Geneva on Monday. Talks began at noon.",
     ["The U.S. delegation arrived in Geneva on Monday.", "Talks began at noon."]),
    ("Putin spoke on Dec. 17 about the war. Zelensky replied the next day.",
     ["Putin spoke on Dec. 17 about the war.", "Zelensky replied the next day."]),
    ("Mr. Lenz said nothing. Then he left the room.",
     ["Mr. Lenz said nothing.", "Then he left the room."]),
    ("Pavel K. Baev, a senior researcher, said a pause was possible. Others disagreed.",
     ["Pavel K. Baev, a senior researcher, said a pause was possible.", "Others disagreed."]),
    ("Talks resumed in the U.K. and the E.U. on Friday. Nothing was agreed.",
     ["Talks resumed in the U.K. and the E.U. on Friday.", "Nothing was agreed."]),
    ("Gen. Syrsky and Dr. Olsen met on Jan. 5 in Kyiv. They spoke for an hour.",
     ["Gen. Syrsky and Dr. Olsen met on Jan. 5 in Kyiv.", "They spoke for an hour."]),
    # "No." is a number sign before a number only; elsewhere the word ends its sentence.
    ("Resolution No. 2774 was adopted. Russia voted for it.", ["Resolution No. 2774 was adopted.", "Russia voted for it."]),
    ("For Kyiv, the answer has been no. Zelensky says he has no mandate.",
     ["For Kyiv, the answer has been no.", "Zelensky says he has no mandate."]),
])
def test_abbreviations_and_initials_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


def test_question_and_exclamation_marks_end_sentences():
    text = "Will the talks resume? Nobody knows. Stop the war! The crowd chanted it for an hour."
    assert sentences(text) == ["Will the talks resume?", "Nobody knows.", "Stop the war!",
                               "The crowd chanted it for an hour."]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We are not there yet,” he said. “But we are close.” The talks resume on Monday."
    assert sentences(text) == ["“We are not there yet,” he said.", "“But we are close.”",
                               "The talks resume on Monday."]
    text = 'He called it "a first step." Others were less sure. (The talks ended early.) Then they left.'
    assert sentences(text) == ['He called it "a first step."', "Others were less sure.",
                               "(The talks ended early.)", "Then they left."]


def test_no_split_before_a_lowercase_word_or_inside_a_number():
    text = "The deal is worth 2.5 billion euros, i.e. more than last year. It was signed at 3 p.m. on Friday."
    assert sentences(text) == ["The deal is worth 2.5 billion euros, i.e. more than last year.",
                               "It was signed at 3 p.m. on Friday."]


def test_sentence_bounds_are_absolute_and_trimmed():
    text = "Title\n\n  First sentence of the paragraph.   Second sentence of it.  \n"
    start = text.index("  First")
    end = len(text) - 1
    bounds = sentence_bounds(text, start, end)
    assert [text[a:b] for a, b in bounds] == ["First sentence of the paragraph.", "Second sentence of it."]
    assert bounds[0][0] == text.index("First")


def test_blocks_are_classified():
    title = "Envoys agree to meet again in Oslo"
    text = (f"{title}\n\nWhat was agreed\n\n"
            "The envoys agreed on Monday to meet again in Oslo before the end of the month, officials said.\n\n"
            "Next steps:\n\n"
            "Both delegations will report to their governments first.\n")
    blocks = split_blocks(text, title)
    assert [(text[b.start:b.end], b.kind, b.paragraph) for b in blocks] == [
        (title, "title", -1),
        ("What was agreed", "heading", -1),
        ("The envoys agreed on Monday to meet again in Oslo before the end of the month, officials said.",
         "paragraph", 0),
        ("Next steps:", "heading", -1),
        ("Both delegations will report to their governments first.", "paragraph", 1),
    ]
    # Without the title hint the first line is a heading, never a paragraph.
    assert split_blocks(text)[0].kind == "heading"


def test_very_short_sentences_travel_with_the_next():
    text = ("The core impasse is unchanged. Russia demands that Ukraine withdraw from parts of Donbas it does "
            "not occupy. It said no. Both sides then left the talks in Istanbul without a statement.\n")
    spans = paragraph_spans(text, split_blocks(text))
    assert [text[s.start:s.end] for s in spans] == [
        "The core impasse is unchanged. Russia demands that Ukraine withdraw from parts of Donbas it does "
        "not occupy.",
        "It said no. Both sides then left the talks in Istanbul without a statement.",
    ]
    assert [(s.paragraph, s.position) for s in spans] == [(0, 0), (0, 1)]


SIGNALS = ("Three signals in the coming weeks will show whether the talks are heading anywhere. The first is "
           "whether the EU agrees to use the immobilised Russian reserves. The second is whether Washington puts "
           "its security pledge before Congress. The third is whether Russia drops its demand for withdrawal.")
AFTER = "If none of these moves, the most likely outcome is a winter of inconclusive diplomacy."


@pytest.mark.parametrize(("text", "expected"), [
    # a count and the sentences that go through it are one passage; what follows them is not
    (f"{SIGNALS} {AFTER}\n", [SIGNALS, AFTER]),
    ("Two things are needed. First, a real cost to continuing the war for the Kremlin. Second, a clear signal "
     "that time is not on his side. At the moment he hears the opposite from Washington on many days.\n",
     ["Two things are needed. First, a real cost to continuing the war for the Kremlin. Second, a clear signal "
      "that time is not on his side.", "At the moment he hears the opposite from Washington on many days."]),
    # no count before the first, or no first after the count: sentences as ever
    ("Negotiators have met in Geneva, Florida and Berlin this month. The first round produced a new draft of "
     "the American text.\n", ["Negotiators have met in Geneva, Florida and Berlin this month.",
                              "The first round produced a new draft of the American text."]),
    ("Three rounds of talks have produced a new draft of the American text. The second round was the longest of "
     "them all, officials said.\n", ["Three rounds of talks have produced a new draft of the American text.",
                                      "The second round was the longest of them all, officials said."]),
    # too long to be one excerpt: left in its sentences
    ("Two questions decide the talks now and for the rest of the winter. " + "The first is " + "very " * 120
     + "long. The second is short enough to read in one breath.\n",
     ["Two questions decide the talks now and for the rest of the winter.", "The first is " + "very " * 120
      + "long.", "The second is short enough to read in one breath."]),
])
def test_a_counted_enumeration_is_one_passage(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in paragraph_spans(text, split_blocks(text))] == expected


GUEST_TURN = ("DANIEL FERREIRA (analyst): It buys Kyiv two years of financing, so nobody can force it to sign. "
              "I would not expect a ceasefire before the spring. If it doesn't come, the fighting goes on.")
ANCHOR_TURN = ("ANCHOR: Good evening. Russian and American envoys have held a second day of talks in Miami. Kremlin "
               "envoy Kirill Dmitriev met Steve Witkoff and Jared Kushner on Saturday.")
REPORT_TURN = ("HANNA KOVALSKA (correspondent): Kyiv spent much of today under an air raid alert that lasted hours. "
               "The Ukrainian air force says Russia launched 470 drones overnight.")
ACCENTED_TURN = "JOSÉ ALBARES (Spanish foreign minister): We support Ukraine. We will not accept a deal imposed on Kyiv."
LONG_TURN = ("DANIEL FERREIRA (analyst): The first point is " + "very " * 120 + "long. The second point is short "
             "enough to read in one breath.")


def spans_of(text: str) -> list[str]:
    return [text[s.start:s.end] for s in paragraph_spans(text, split_blocks(text))]


def test_a_guests_turn_in_a_transcript_is_one_passage() -> None:
    text = "\n\n".join([ANCHOR_TURN, REPORT_TURN, GUEST_TURN, ACCENTED_TURN, LONG_TURN]) + "\n"
    assert spans_of(text) == [
        # the programme's own voices report, as a journalist does: sentences as ever
        "ANCHOR: Good evening. Russian and American envoys have held a second day of talks in Miami.",
        "Kremlin envoy Kirill Dmitriev met Steve Witkoff and Jared Kushner on Saturday.",
        "HANNA KOVALSKA (correspondent): Kyiv spent much of today under an air raid alert that lasted hours.",
        "The Ukrainian air force says Russia launched 470 drones overnight.",
        # a guest's turn: one passage, so that "I would not expect …" keeps the name of who says it
        GUEST_TURN, ACCENTED_TURN,
        # too long to be one excerpt: left in its sentences
        "DANIEL FERREIRA (analyst): The first point is " + "very " * 120 + "long.",
        "The second point is short enough to read in one breath."]


@pytest.mark.parametrize("opening", [
    "NEW DELHI: Prime Minister Narendra Modi spoke with the Ukrainian president on Tuesday about the plan.",
    "UPDATE: The Kremlin later confirmed the call between the two presidents on Tuesday evening.",
])
def test_a_paragraph_in_capitals_and_a_colon_is_no_turn_outside_a_transcript(opening: str) -> None:
    text = opening + " He gave no further details of what was said in the call.\n"
    assert len(spans_of(text)) == 2


@pytest.mark.parametrize(("paragraph", "expected"), [
    # a quotation that runs on over its sentences is one passage with its speaker
    ('"The Berlin round moved Washington and Kyiv closer together. It did not move Moscow at all," he said on '
     'Friday in London.', None),
    ("«We worked constructively and in detail over two long days. The security guarantees document is in its "
     "final stage», Umerov wrote on Sunday.", None),
    ("“The market wanted certainty about Kyiv's funding for two years. It got it,” said Marta Kovalenko of "
     "Altavia Bank.", None),
    # a quotation that goes on from one whose speaker is named stays with it
    ('"The market wanted certainty about Kyiv\'s funding, and it got it," said Marta Kovalenko of Altavia Bank. '
     '"What it did not get is a cheap answer to who pays for reconstruction."', None),
    # guillemets open a sentence as other quotation marks do: the lead-in before them is a sentence of its own
    ("Umerov reported on the results in his Telegram channel on Sunday. «We worked constructively and in detail "
     "with our partners», Umerov wrote.",
     ["Umerov reported on the results in his Telegram channel on Sunday.",
      "«We worked constructively and in detail with our partners», Umerov wrote."]),
    # closed quotations in sentences of their own are cut as any sentences are
    ('Peskov said the plan was "a basis for talks" at best. Zelensky said it needed "serious work" before any '
     'meeting of leaders.',
     ['Peskov said the plan was "a basis for talks" at best.',
      'Zelensky said it needed "serious work" before any meeting of leaders.']),
    # a bare quotation after a sentence that names no speaker is not taken as theirs
    ('The delegation returned to Kyiv on Sunday after two days of talks. "We are close to a final text on the '
     'guarantees."',
     ["The delegation returned to Kyiv on Sunday after two days of talks.",
      '"We are close to a final text on the guarantees."']),
])
def test_a_quotation_stays_whole_with_its_speaker(paragraph: str, expected: list[str] | None) -> None:
    assert spans_of(paragraph + "\n") == (expected or [paragraph])


@pytest.mark.parametrize("paragraph", [
    # an inch mark, a quotation never closed: no quotation runs on, every sentence stays its own
    'The brigade received forty 12" mortars from Poland last month, officials in Kyiv confirmed on Tuesday. '
    "Talks in Berlin ended on Monday without agreement on the territorial question.",
    'Zelensky said the guarantees were "serious, written and close to final. Talks in Berlin ended on Monday '
    "without agreement on the territorial question.",
])
def test_a_quotation_mark_that_closes_nothing_joins_nothing(paragraph: str) -> None:
    assert len(spans_of(paragraph + "\n")) == 2


def test_guillemets_with_the_stop_outside_go_on_from_their_speaker() -> None:
    paragraph = ("«We worked constructively and in detail with the Americans», Umerov wrote on Sunday. «Ukraine "
                 "will not sign anything that leaves our people without protection».")
    assert spans_of(paragraph + "\n") == [paragraph]


def test_a_quotation_too_long_for_an_excerpt_is_cut_into_its_sentences() -> None:
    paragraph = '"The first point is ' + "very " * 120 + 'long. The second point is short," he said on Friday.'
    assert len(spans_of(paragraph + "\n")) == 2


def test_a_short_last_sentence_joins_the_one_before():
    text = "Both sides then left the talks in Istanbul without a joint statement. Nothing else.\n"
    spans = paragraph_spans(text, split_blocks(text))
    assert [text[s.start:s.end] for s in spans] == [text.strip()]


def test_a_short_closing_question_does_not_join_the_statement_before_it():
    """An interviewer's "Is that meaningful?" is not a finding: glued to the statement before it,
    it made that statement a question too, and the question an item of a brief."""
    text = "Washington says ninety per cent of the text is agreed. Is that meaningful?\n"
    spans = paragraph_spans(text, split_blocks(text))
    assert [text[s.start:s.end] for s in spans] == [
        "Washington says ninety per cent of the text is agreed.", "Is that meaningful?"]
    # A short statement still travels with the question after it: together they ask.
    text = "You were in Moscow for four years. What does the Kremlin want from these talks?\n"
    assert [text[s.start:s.end] for s in paragraph_spans(text, split_blocks(text))] == [text.strip()]
    # A quoted question is someone's words, reported: it joins as any short sentence does.
    text = 'Zelensky put it to the leaders in Brussels on Thursday. "How will it work?"\n'
    assert [text[s.start:s.end] for s in paragraph_spans(text, split_blocks(text))] == [text.strip()]


@pytest.mark.parametrize(("text", "expected"), [
    ("Will there be a ceasefire in 2026?", True),
    ("You were in Moscow for four years. What does the Kremlin want from these talks?", True),
    ("And if the talks fail?", True),
    ("Is that meaningful? It is, for relations between Washington and Kyiv.", False),
    ("“What will these security guarantees do? How will it work?”", False),
    ("“What will the United States do if Russia comes with aggression again?", False),
    ('He asked: "Why now?"', False),
    ("The key question now shifts to Kyiv: how will Zelenskyy navigate the pressure?", False),
    ("Russia demands that Ukraine withdraw from Donbas.", False),
])
def test_a_passage_asks_when_it_ends_on_a_question_of_its_own(text: str, expected: bool) -> None:
    assert asks(text) is expected


def test_sentences_of_minimum_length_stand_alone():
    sentence = "Word " + " ".join(["word"] * (MIN_SPAN_WORDS - 2)) + " end."
    text = f"{sentence} {sentence}\n"
    spans = paragraph_spans(text, split_blocks(text))
    assert [text[s.start:s.end] for s in spans] == [sentence, sentence]
    shorter = sentence.replace("Word word ", "Word ", 1)
    assert len(shorter.split()) == MIN_SPAN_WORDS - 1
    text = f"{shorter} {sentence}\n"
    spans = paragraph_spans(text, split_blocks(text))
    assert [text[s.start:s.end] for s in spans] == [f"{shorter} {sentence}"]


def test_a_paragraph_after_a_lead_in_label_starts_with_the_label():
    text = ("Sticking points\n\n• Territorial Integrity:\n\nRussia’s demand for the legal recognition of its "
            "annexed territories versus Ukraine’s commitment to its 1991 borders. Kyiv has not moved on it.\n\n"
            "The talks went on into the night without a joint statement from either side.\n")
    spans = paragraph_spans(text, split_blocks(text))
    texts = [text[s.start:s.end] for s in spans]
    assert texts[0] == ("Territorial Integrity:\n\nRussia’s demand for the legal recognition of its annexed "
                        "territories versus Ukraine’s commitment to its 1991 borders. Kyiv has not moved on it.")
    assert [(s.paragraph, s.position) for s in spans] == [(0, 0), (1, 0)]
    # Only a label ending with a colon leads in; a heading without one stays out of the passages.
    assert not any(t.startswith("Sticking points") for t in texts)
    assert texts[1] == "The talks went on into the night without a joint statement from either side."


def test_a_label_leads_in_only_the_paragraph_right_after_it():
    text = ("What we know:\n\nNegotiators met for five hours in Moscow and parted without a statement.\n\n"
            "Both delegations said they would meet again before the end of the month.\n")
    texts = [text[s.start:s.end] for s in paragraph_spans(text, split_blocks(text))]
    assert texts == ["What we know:\n\nNegotiators met for five hours in Moscow and parted without a statement.",
                     "Both delegations said they would meet again before the end of the month."]


def test_a_paragraph_ending_with_a_colon_introduces_the_labelled_paragraphs_after_it():
    intro = ("Kyiv says it has agreed almost all of the text with the American team in Florida, and that "
             "only three issues remain open:")
    text = (f"{intro}\n\n• Land:\n\nThe line along which the forces would stop.\n\n"
            "• Plant:\n\nWho runs the nuclear power plant.\n\nBoth sides met again on Friday.\n\n"
            "• Late label:\n\nNot an item: the list ended with the paragraph before.\n")
    assert list_introductions(text, split_blocks(text)) == {1: 0, 2: 0}
    # A heading that is not a lead-in label ends the list.
    text = f"{intro}\n\nNext section\n\n• Land:\n\nThe line along which the forces would stop.\n"
    assert list_introductions(text, split_blocks(text)) == {}


def test_spans_of_a_seed_cover_its_paragraphs(shipped_workspace):
    source = shipped_workspace.corpus.by_id()["000_0207c4399900d62a"]
    blocks = split_blocks(source.text, source.meta.title.value)
    spans = paragraph_spans(source.text, blocks)
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    assert {s.paragraph for s in spans} == set(range(len(paragraphs)))
    for block in paragraphs:
        inside = [s for s in spans if s.paragraph == block.paragraph]
        # The sentences of a paragraph, put back together, are the paragraph.
        assert inside[0].start == block.start and inside[-1].end == block.end
        for before, after in pairwise(inside):
            assert source.text[before.end:after.start] == " "
    texts = [source.text[s.start:s.end] for s in spans]
    assert "“The goals of the special military operation will be achieved unconditionally,” he said on Dec. 17." \
        in " ".join(texts)
    assert not any(text.endswith(("Dec.", "U.S.", "K.")) for text in texts if text != texts[-1])


# --- properties ----------------------------------------------------------------------------

TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(["U.S.", "Dec. 17", "Mr.", "K.", "said.", "“Yes,” he said.", "Why?", "No!", "\n",
                              "\n\n", " ", "word", "Word", "…", ".", "(A.)", "’", "e.g.", "3.5"]),
             max_size=60).map(" ".join),
)


def assert_ordered_within(spans: list[tuple[int, int]], low: int, high: int) -> None:
    previous_end = low
    for start, end in spans:
        assert previous_end <= start < end <= high
        previous_end = end


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_lie_within_the_text_in_order(text):
    blocks = split_blocks(text)
    assert_ordered_within([(b.start, b.end) for b in blocks], 0, len(text))
    spans = paragraph_spans(text, blocks)
    assert_ordered_within([(s.start, s.end) for s in spans], 0, len(text))
    paragraphs = {b.paragraph: b for b in blocks if b.kind == "paragraph"}
    for span in spans:
        block = paragraphs[span.paragraph]
        assert block.start <= span.start and span.end <= block.end
        piece = text[span.start:span.end]
        assert piece == piece.strip() and piece


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_sentence_bounds_lie_within_the_range(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    bounds = sentence_bounds(text, start, end)
    assert_ordered_within(bounds, start, end)
    # Nothing but whitespace is left between and around the sentences.
    covered = "".join(text[a:b] for a, b in bounds)
    assert "".join(text[start:end].split()) == "".join(covered.split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab U.S.’'_ \n-é1İ…")), max_size=30), st.data())
def test_the_token_before_a_period_is_the_regexs(text, data):
    """Read backwards from the period, as the regex ``([\\w.’']+)$`` finds it from the sentence's start."""
    from brief.segmentation import _TOKEN_BEFORE, token_before

    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    match = _TOKEN_BEFORE.search(text, start, end)
    assert token_before(text, start, end) == (match.group(1) if match else "")


def test_an_answer_is_known_by_the_question_before_it() -> None:
    text = ("Helena Virtanen served as ambassador to Moscow.\n\n"
            "Are the security guarantees credible?\n\n"
            "More credible than before.\n\n"
            "The problem is that Russia can block each of them.\n\n"
            "## What comes next?\n\n"
            "A meeting in Berlin.\n\n"
            "## Background\n\n"
            "The war began in 2022. Why does it go on? Nobody knows.\n\n"
            "It goes on.")
    blocks = split_blocks(text)
    answers = {paragraph: text[q.start:q.end].lstrip("# ") for paragraph, q in answered_questions(text, blocks).items()}
    paragraphs = {b.paragraph: text[b.start:b.end] for b in blocks if b.kind == "paragraph"}
    assert {paragraphs[p]: question for p, question in answers.items()} == {
        "More credible than before.": "Are the security guarantees credible?",
        "The problem is that Russia can block each of them.": "Are the security guarantees credible?",
        "A meeting in Berlin.": "What comes next?",
    }, "a heading that asks nothing ends the answer; a question inside a paragraph starts none"
