"""Judgements in the author's voice: read as such, and marked as the author's assessment in a brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assessments import assesses, says_whose_view
from brief.briefing import ASSESSMENT_NOTE, RECOMMENDATION_NOTE
from brief.verify import verify_brief
from brief.workspace import load_workspace

from .conftest import build_weekly, project_paths


@pytest.mark.parametrize(("text", "assessment"), [
    # events read as evidence of something
    ("The deadlock in Geneva confirms that neither side is ready to move.", True),
    ("The missile strike, which came hours after the talks ended, underscores how little the talks restrain.", True),
    ("The fighting goes on, highlighting how far apart the sides remain.", True),
    ("Moscow's refusal has laid bare the gap between the allies.", True),
    ("This reveals a deeper problem.", True),
    ("The talks ended early. Their brevity further illustrates the mood in Moscow.", True),
    # idioms of judgement
    ("The silence from the Kremlin speaks volumes.", True),
    ("A lasting settlement remains elusive.", True),
    ("The next round will be decisive for the ceasefire.", True),
    ("The key question is whether Washington keeps up the pressure.", True),
    ("The strike is a stark reminder of what is at stake.", True),
    # a clause of report, then one of judgement
    ("Peskov called the talks “useful”, but his refusal to name a date speaks volumes.", True),
    # a person or a report that confirms or shows is news, not judgement
    ("Ushakov confirmed that the envoys would meet Putin on Tuesday.", False),
    ("Kremlin aide Yuri Ushakov confirmed the meeting.", False),
    ("Officials confirmed that the talks would resume.", False),
    ("Recent reporting from Reuters highlights that positions have hardened.", False),
    ("The transcript highlights that most Ukrainians back their president.", False),
    ("The draft reveals that Kyiv would keep its army at 800,000.", False),
    ("Zelensky highlighted the need for guarantees.", False),
    ("In Moscow, Putin confirmed the talks.", False),
    ("The talks in Moscow on Tuesday confirmed the deadlock.", True),
    # passive or infinitive: news
    ("The meeting was confirmed for Friday.", False),
    ("The ministry declined to confirm the figure.", False),
    # whose view it is, the clause says
    ("The stalemate confirms that compromise is elusive, an analyst said.", False),
    ("According to Western officials, a deal remains elusive.", False),
    ("The move was seen by analysts as a stark reminder of Moscow's resolve.", False),
    ("“The key question is territory,” the diplomat said.", False),  # a quotation is its speaker's
    # a denial, a modal or an adverb between: news ("could not independently confirm")
    ("Reuters could not independently confirm the report.", False),
    ("The Kremlin did not immediately confirm the meeting.", False),
    ("Kyiv has neither confirmed nor denied the strike.", False),
    ("Peskov later confirmed the meeting.", False),
    ("Peskov on Tuesday confirmed the meeting.", False),
    # an aside between commas is said of what comes before it; a passive with "by" is news
    ("Ukraine's foreign minister, Andrii Sybiha, confirmed the meeting.", False),
    ("Rubio, speaking in Geneva, highlighted progress.", False),
    ("The proposal, first revealed by Axios, would cap the army.", False),
    ("The drone attack, confirmed by local officials, killed three.", False),
    # people and bodies, named by their function or not; reports
    ("The regional governor confirmed the strike.", False),
    ("Both leaders confirmed the plan.", False),
    ("The U.S. delegation confirmed the meeting.", False),
    ("Neither side confirmed the report.", False),
    ("Satellite imagery reveals new trenches.", False),
    ("Officials in Kyiv confirmed the strike.", False),
    ("The deadlock in Geneva on Tuesday confirms that neither side will move.", True),
    # a view said to be someone's, before or after a colon or a dash
    ("Zelensky called the strike a stark reminder of Russia's aims.", False),
    ("Analysts argue that the stalemate confirms Moscow's strategy.", False),
    ("In his view, the stalemate speaks volumes.", False),
    ("Zelensky said on Tuesday: the strike confirms Russia does not want peace.", False),
    ("The strike confirms Russia does not want peace — Zelensky said on Tuesday.", False),
    # idioms only as judgements
    ("The Kremlin sent a clear signal to Washington.", False),
    ("Talks stalled over the key question of territory.", False),
    ("Ukraine remains exposed to drone attacks.", False),
    # what the page labels as its own view, plainly worded; unless it says whose words it gives
    ("Analysis: Putin's remarks leave little room for optimism.", True),
    ("Analysis: Putin's remarks leave little room for optimism, an analyst said.", False),
    ("Diplomatic Deadlock: The talks ended without a deal on Tuesday.", False),
    # neither
    ("The talks ended without a deal on Tuesday.", False),
    ("The envoys exposed to the cold waited outside.", False),
])
def test_a_judgement_in_the_authors_voice_is_read_as_one(text: str, assessment: bool) -> None:
    assert assesses(text) is assessment


def test_the_weeklys_judgements_are_marked_as_the_authors(project: Path) -> None:
    """The shipped weekly of 10 December showed seed 002's own reading of the talks ("The current stalemate
    confirms that …", "… speaks volumes", "… has laid bare the fundamental schism …") as bare statements: they
    read as the brief's findings, or as fact."""
    paths, result = project_paths(project), build_weekly(project, dt.date(2025, 12, 10))
    items = result.briefing.all_items()
    marked = [item for item in items if item.authors_voice == ASSESSMENT_NOTE]
    assert any(item.text.startswith("The current stalemate confirms that") for item in marked)
    assert any("speaks volumes" in item.text for item in marked)
    assert all(assesses(item.text) for item in marked)
    assert not any(assesses(item.text) for item in items if item.authors_voice is None)
    lines = result.markdown.splitlines()
    for item in marked:
        [line] = [line for line in lines if line.startswith("- ") and item.text[:60] in line]
        assert line.endswith(f" *({ASSESSMENT_NOTE})*")
    workspace = load_workspace(paths)
    assert verify_brief(result.markdown, workspace) == []
    # the note is read in the one form the template writes: a statement cannot hide in it
    edited = result.markdown.replace(f"*({ASSESSMENT_NOTE})*", "*(the author's assessment, which Kyiv shares)*", 1)
    assert edited != result.markdown and verify_brief(edited, workspace)


def _weekly_with(project: Path, name: str, title: str, body: str):
    """The shipped weekly of 10 December, built with one more article of 9 December (``name``) in the corpus."""
    (project / "seeds" / name).write_text(f"---\ntitle: {title}\npublished: 2025-12-09\n---\n\n{body}",
                                          encoding="utf-8")
    return project_paths(project), build_weekly(project, dt.date(2025, 12, 10))


def test_advice_is_marked_as_a_recommendation_even_where_it_also_judges(project: Path) -> None:
    """One note per item: advice is the stronger claim on a principal's attention."""
    _, result = _weekly_with(project, "zz_comment.md", "A comment",
                             "The stalemate in Geneva speaks volumes, and Europe must fund Kyiv's defence industry "
                             "now.\n")
    [item] = [item for item in result.briefing.all_items() if "Geneva" in item.text]
    assert item.authors_voice == RECOMMENDATION_NOTE
    assert f"*({ASSESSMENT_NOTE})*" not in next(line for line in result.markdown.splitlines() if "Geneva" in line)


@pytest.mark.parametrize("label", ["Analysis from our diplomatic editor:", "Our reading:", "Analysis:",
                                   "Our reading: the"])
def test_a_point_the_page_labels_as_its_own_view_is_the_authors_assessment(project: Path, label: str) -> None:
    """A live blog's "Analysis from our diplomatic editor: Putin's remarks leave little room for optimism …" is
    judgement, though plainly worded; a news label ("Diplomatic Deadlock:") says nothing of the kind."""
    paths, result = _weekly_with(project, "zz_live.md", "Live updates",
                                 f"{label} Putin's remarks on the Geneva talks leave little room for optimism "
                                 "before the next round with the American envoys.\n\n"
                                 "Diplomatic Deadlock: The Geneva talks between the envoys ended without any "
                                 "agreement on the front line.\n")
    [view] = [item for item in result.briefing.all_items() if "little room" in item.text]
    assert view.authors_voice == ASSESSMENT_NOTE
    assert next(line for line in result.markdown.splitlines() if "little room" in line).endswith(
        f" *({ASSESSMENT_NOTE})*")
    [news] = [item for item in result.briefing.all_items() if "without any agreement" in item.text]
    assert news.authors_voice is None
    assert not [m for m in verify_brief(result.markdown, load_workspace(paths)) if "little room" in m.text]


@pytest.mark.parametrize(("text", "whose"), [
    ("Putin's remarks leave little room for optimism before the next round.", False),
    ("Putin's remarks leave little room for optimism, an analyst said.", True),
    ("Russia gained 400 sq km in November, according to ISW data.", True),
    ("The envoys say the remarks leave little room for optimism.", True),
    ("The month has brought Washington and Kyiv closer together, but not Moscow.", False),
])
def test_what_says_whose_view_it_is_is_read(text: str, whose: bool) -> None:
    """Under a page's "Analysis:" label, a sentence that names whose words it gives still reports."""
    assert says_whose_view(text) is whose
