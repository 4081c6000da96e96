"""The label an article puts before a point, which a brief sets in bold."""

from __future__ import annotations

import pytest

from brief.lead_labels import labelled_parts, lead_label, view_after_label


@pytest.mark.parametrize(("text", "label"), [
    ("Diplomatic Deadlock: High-level, five-hour talks between the envoys ended without a compromise.",
     "Diplomatic Deadlock:"),
    ("Kyiv’s Red Lines: Ukrainian President Volodymyr Zelenskyy has stated that ceding territory is a non-starter.",
     "Kyiv’s Red Lines:"),
    ("The Future of Sanctions: Europe wants the frozen assets used for Ukraine.", "The Future of Sanctions:"),
    ("Elsewhere: Russian drones struck an energy facility in the Odesa region overnight.", "Elsewhere:"),
    ("Zelensky: “We need an answer from Russia, not more questions,” he wrote.", "Zelensky:"),
    ("Why it matters: The peace talks have stalled on the question of territory.", "Why it matters:"),
    # a live blog's lead-in for its own analysis (w4)
    ("Analysis from our diplomatic editor: Putin's remarks leave little room for optimism.",
     "Analysis from our diplomatic editor:"),
    ("Analysis: Putin's remarks leave little room for optimism.", "Analysis:"),
    # a transcript's speaker
    ("DANIEL FERREIRA (analyst): It buys Kyiv two years of financing.", "DANIEL FERREIRA (analyst):"),
    ("ANCHOR: Good evening. Envoys have met in Miami.", "ANCHOR:"),
])
def test_a_label_before_a_point_is_found(text: str, label: str) -> None:
    assert lead_label(text) == label


@pytest.mark.parametrize("text", [
    "Analysis of the talks: Putin's remarks leave little room for optimism.",  # not a newsroom's lead-in
    "The reason is simple: Russia believes time is on its side.",  # a sentence that goes on after a colon
    "Next Steps: talks resume in Miami on Saturday.",  # no capital after the colon
    "Next Steps: Talks resume.",  # too little after it to be a point
    "One Two Three Four Five Six Seven: Eight words make no label of a point.",  # too long for a label
    "Russia and: Ukraine met on Monday in Geneva for talks.",  # a label does not end on a joining word
    "Dec. 17: Putin said the goals would be achieved.",  # a date, not a label
    "NATO (the alliance): members differ on what Ukraine should get.",  # no capital after the colon
])
def test_what_is_no_label(text: str) -> None:
    assert lead_label(text) is None


@pytest.mark.parametrize(("text", "parts"), [
    # a guest's answer shown after the anchor's question (w7)
    ("Daniel, is a deal closer tonight? DANIEL FERREIRA (analyst): Closer between Washington and Kyiv.",
     ((None, "Daniel, is a deal closer tonight?"),
      ("DANIEL FERREIRA (analyst):", "Closer between Washington and Kyiv."))),
    # a turn that opens on its label, and a later one
    ("ANCHOR: Does that change the picture?\n\nDANIEL FERREIRA (analyst): It buys Kyiv two years of financing.",
     (("ANCHOR:", "Does that change the picture?"),
      ("DANIEL FERREIRA (analyst):", "It buys Kyiv two years of financing."))),
    ("Next Steps: The U.S. delegation returns to Miami.  It meets  Umerov there.",
     (("Next Steps:", "The U.S. delegation returns to Miami. It meets Umerov there."),)),
    # capitals that are no later turn: not after a sentence's end, or no colon
    ("Officials from the U.S.: Witkoff and Kushner, met Umerov. NATO said nothing.",
     ((None, "Officials from the U.S.: Witkoff and Kushner, met Umerov. NATO said nothing."),)),
])
def test_a_passage_is_cut_at_its_labels(text: str, parts: tuple) -> None:
    assert labelled_parts(text) == parts


@pytest.mark.parametrize(("text", "view"), [
    ("Analysis from our diplomatic editor: Putin's remarks leave little room for optimism.", True),
    ("Our reading: the month has brought Washington and Kyiv closer together.", True),  # whatever the case after
    ("Our reading: The month has brought Washington and Kyiv closer together.", True),
    ("Our reading: none.", False),  # no point after it
    ("Analysis of the talks shows: the gaps remain wide between the two sides.", False),
    ("Our view: Europe must fund the loan before the summit.", True),
    ("Diplomatic Deadlock: High-level talks ended with no compromise.", False),
    ("Analysts say the talks ended with no compromise on territory.", False),  # no label
    # news labels, whatever they sound like
    ("Verdict: A Moscow court sentenced the journalist to six years.", False),
    ("Comment: The Kremlin did not respond to a request for comment.", False),
])
def test_a_label_that_gives_the_pages_own_view_is_read_as_one(text: str, view: bool) -> None:
    assert (view_after_label(text) is not None) is view
