"""Recommendations in the author's voice: read as such, and marked as the author's in a brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.briefing import RECOMMENDATION_NOTE
from brief.recommendations import recommends
from brief.verify import verify_brief
from brief.workspace import load_workspace

from .conftest import build_weekly, project_paths

ESSENTIAL = "A coordinated strategy with Europe, focusing on pressure toward Russia rather than vacillation, is essential."
OPTIONS = ("Options for increasing leverage include enforcing oil sanctions, using frozen Russian assets to support "
           "Ukraine, enhancing security support, and sending a clear message that stalling will not improve Russia's "
           "standing.")


@pytest.mark.parametrize(("text", "recommendation"), [
    (ESSENTIAL, True),  # seed 003's "Next Steps for the U.S."
    (OPTIONS, True),
    ("European governments should therefore plan for a long contest rather than an early settlement.", True),
    ("Washington must keep arming Kyiv. Anything less rewards aggression.", True),
    ("The talks ended without a deal. The allies need to decide on the frozen assets before spring.", True),
    # whose view it is, the sentence says
    ("On Friday President Putin repeated that Ukraine must withdraw from the four regions Russia claims.", False),
    ("Moscow continues to demand that Ukraine must relinquish territories that Russia claims as its own.", False),
    ("Europe must be at the table when Ukraine's future is decided, Merz said.", False),
    ("According to the RAND Corporation, pressure on Moscow is essential.", False),
    ("Under the plan, Ukraine must cap its army at 800,000 troops in peacetime.", False),
    ("“Europe must act now,” the minister said.", False),  # a quotation is its speaker's
    ("«We agreed how it should work in practice», he said.", False),
    ("Peskov: Ukraine must withdraw.", False),
    ("The Kremlin has made clear that Kyiv must withdraw from Donetsk.", False),
    ("Kyiv must also hold elections within 100 days under the 28-point plan.", False),
    ("Kyiv needs to hold elections, the plan stipulates.", False),
    ("Macron set out his plan: ‘Europe must build its own defence.’", False),
    # not a course of action: what a law requires, what is expected, a guess, a wh-clause
    ("The agreement must be ratified by the Verkhovna Rada before it takes effect.", False),
    ("Men aged 18 to 60 must stay in the country under martial law.", False),
    ("The talks should resume next week in Geneva.", False),
    ("He must be feeling the pressure.", False),
    ("Kyiv should not have accepted the offer.", False),
    ("It is unclear who should lead the talks.", False),
    ("The port is vital to Ukraine's economy.", False),
    ("Pressure on Moscow is essential to ending the war.", True),
    ("This continued backing is crucial for Ukraine, which needs aid to sustain its defence.", False),
    ("Should Europe pay for the reconstruction?", False),
    ("If Kyiv must cede land, no government would survive it.", False),
    ("The envoys should have arrived by now, officials said.", False),
    ("A comprehensive agreement could include a cease-fire along current lines.", False),
    ("The steps taken so far were modest.", False),
])
def test_a_recommendation_in_the_authors_voice_is_read_as_one(text: str, recommendation: bool) -> None:
    assert recommends(text) is recommendation


def test_the_weeklys_recommendations_are_marked_as_the_authors(project: Path) -> None:
    """The shipped weekly of 5 December showed seed 003's advice to Washington in its Outlook as bare statements:
    they read as the brief's own advice, or as fact."""
    paths, result = project_paths(project), build_weekly(project, dt.date(2025, 12, 5))
    items = result.briefing.all_items()
    marked = [item for item in items if item.authors_voice == RECOMMENDATION_NOTE]
    assert marked and all(recommends(item.text) for item in marked)
    assert not any(recommends(item.text) for item in items if item.authors_voice != RECOMMENDATION_NOTE)
    lines = result.markdown.splitlines()
    for item in marked:
        [line] = [line for line in lines if line.startswith("- ") and item.text[:60] in line]
        assert line.endswith(f" *({RECOMMENDATION_NOTE})*")
    workspace = load_workspace(paths)
    assert verify_brief(result.markdown, workspace) == []
    # the note is read in the one form the template writes: a statement cannot hide in it
    edited = result.markdown.replace(f"*({RECOMMENDATION_NOTE})*", "*(the author's recommendation, which Kyiv backs)*")
    assert edited != result.markdown and verify_brief(edited, workspace)
