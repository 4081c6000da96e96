"""History: sentences that go on telling a story their paragraph set in a past year are background, and a brief
shows them after the sentence that dates them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.history import continues_past_story, tells_a_past_time
from brief.taxonomy import BACKGROUND
from brief.workspace import load_workspace

from .test_antecedents import _brief_of
from .test_assembly import _project

JUNE_2025 = dt.date(2025, 6, 12)
ISTANBUL = ("One of the earliest formal attempts—the Istanbul talks in March 2022—showed initial promise but "
            "unraveled quickly.")
COLLAPSED = ("According to the Associated Press, while Moscow and Kyiv tentatively explored a framework that might "
             "have included Ukrainian neutrality and territorial compromise, the dialogue eventually collapsed amid "
             "renewed hostilities and mutual suspicion.")
DISMISSED = "Russian President Vladimir Putin later dismissed the talks as irrelevant, doubling down on military objectives."


@pytest.mark.parametrize(("sentence", "past"), [
    (ISTANBUL, True),
    ("In 2023, the grain corridor collapsed.", True),
    ("Negotiations have occurred intermittently since the beginning of the war in 2022.", False),  # a span to now
    ("More credible than anything Kyiv had in 2022.", False),  # a yardstick
    ("In November 2024, Kyiv proposed a partial ceasefire.", False),  # less than a year before
    ("Witkoff met Putin on 2 December 2025.", False),
])
def test_a_sentence_sets_a_past_time_when_the_period_it_names_ended_a_year_before(sentence: str, past: bool) -> None:
    assert tells_a_past_time(sentence, JUNE_2025) is past


def test_the_sentences_after_a_past_time_go_on_telling_it_until_one_speaks_of_the_present() -> None:
    paragraph = [ISTANBUL, COLLAPSED, DISMISSED, "Positions have hardened since then.",
                 "Kyiv rejected the plan."]
    assert continues_past_story(paragraph, JUNE_2025) == {1, 2}
    # a sentence with a time of its own ends the story too, unless that time is itself long past
    assert continues_past_story([ISTANBUL, "In May 2025, Kyiv rejected the plan.", DISMISSED], JUNE_2025) == set()
    assert continues_past_story([ISTANBUL, "In April 2022, talks broke down.", DISMISSED], JUNE_2025) == {2}
    assert continues_past_story(paragraph, None) == set()  # no publication date: nothing to measure against


@pytest.mark.parametrize(("paragraph", "why"), [
    (["Zelensky wants a return to Ukraine's 1991 borders.",
      "Putin rejected any ceasefire along the current front line during his meeting with Witkoff, Ushakov said."],
     "a year that names a thing (the 1991 borders) is no time a story is set in"),
    (["Russia's 2022 invasion displaced millions.", "Kyiv rejected the plan."], "nor is one before a noun"),
    (["Russia fired 2000 drones at Kyiv.", "Kyiv rejected the plan."], "nor a count"),
    ([ISTANBUL, "The two sides have not held direct talks since."], "the present perfect runs to now"),
    ([ISTANBUL, "Any new round would need Putin's approval, aides say."], "a modal, and what aides say now"),
    ([ISTANBUL, "Kyiv wants security guarantees first."], "what a party wants now"),
    ([ISTANBUL, "Russian forces captured Pokrovsk in November."], "a month of its own"),
    ([ISTANBUL, "Talks resumed last month in Riyadh."], "a time of its own"),
])
def test_what_is_not_the_story_of_a_past_year(paragraph: list[str], why: str) -> None:
    assert continues_past_story(paragraph, dt.date(2025, 12, 4)) == set(), why


def test_a_story_of_a_past_year_is_background_though_its_words_cue_another_section(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    paths = _project(tmp_path / "a", {"a": ("2025-06-12", "Alpha Post", " ".join([ISTANBUL, COLLAPSED, DISMISSED]))})
    sections = {e.text: e.section for e in load_workspace(paths).excerpts_of("a")}
    assert sections[COLLAPSED] == sections[DISMISSED] == BACKGROUND
    # the same sentences, with no past year before them, keep the sections their cues give
    (tmp_path / "b").mkdir()
    paths = _project(tmp_path / "b", {"a": ("2025-06-12", "Alpha Post", " ".join([COLLAPSED, DISMISSED]))})
    sections = {e.text: e.section for e in load_workspace(paths).excerpts_of("a")}
    assert sections[COLLAPSED] == "outlook" and sections[DISMISSED] == "sticking-points"


def test_a_brief_shows_a_story_of_a_past_year_after_the_sentence_that_dates_it(tmp_path: Path) -> None:
    _, items = _brief_of(tmp_path, " ".join([ISTANBUL, COLLAPSED, DISMISSED]))
    texts = [item.text for item in items]
    assert f"{ISTANBUL} {COLLAPSED}" in texts, texts
    assert COLLAPSED not in texts
    # "later" than what: the sentence does not say, so it is never an item alone
    assert not any(DISMISSED in text for text in texts)
