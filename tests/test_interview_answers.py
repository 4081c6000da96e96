"""brief.interview_answers: an answer that does not read alone is shown after its question."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.annotations import Action, add_annotation, make_annotation
from brief.antecedents import asks_of_what_came_before
from brief.assembly import assemble_briefing
from brief.briefing import BriefItem
from brief.build import template_dirs
from brief.interview_answers import needs_its_question, questions_before_answers
from brief.ranking import LEANING_PENALTY
from brief.render_markdown import render_markdown
from brief.verify import verify_brief
from brief.workspace import ProjectPaths, Workspace, load_workspace

from .test_assembly import _project, _recipe

INTERVIEW = """Marek Dal was Norway's envoy to the OSCE for six years. We asked him about the talks.

**What would make the Kremlin move on the Donbas?**

Three things. First, sanctions on oil that are enforced at sea, not only announced in Brussels.

**Will there be a ceasefire before the summer?**

I think a ceasefire before the summer is unlikely, because Moscow still expects to take more territory.

Neither side has a reason to stop the fighting while it believes that time favours its army.

**Is the reconstruction fund ready?**

The European reconstruction fund has been agreed by all member states and will start lending in March.

**The Americans say nine of the ten chapters of the peace framework are agreed. Does that matter?**

It is meaningful for the families of the prisoners, and for the trust between negotiators in Geneva. I expect a second exchange of prisoners before the talks resume in January.

**Are the guarantees on offer credible?**

More credible than anything Kyiv had in 2022. A European air mission over western Ukraine, American intelligence sharing and a treaty ratified by parliaments.

**Can Moscow wait?**

I think Vladimir Putin will keep fighting through the winter, whatever Washington offers him in Geneva.
He still expects his army to take the rest of the Donbas region by force during the coming months.
"""


@pytest.mark.parametrize(("answer", "needs"), [
    ("Three things. First, sanctions on oil that are enforced at sea.", True),  # a few words that only answer
    ("I think a ceasefire before the summer is unlikely.", True),  # who is "I"? whoever was asked
    # a guest's turn in a transcript, judged after its label (w7)
    ("DANIEL FERREIRA (analyst): Closer between Washington and Kyiv, certainly. The Russians came to Miami to talk "
     "about business and sanctions, not about the front line.", True),
    ("Then we are back where we were: a long war of attrition.", True),
    ("The European reconstruction fund has been agreed by all member states and will start lending in March.", False),
])
def test_which_answers_need_their_question(answer: str, needs: bool) -> None:
    assert needs_its_question(answer) is needs


def test_only_the_paragraph_right_after_a_question_answers_it() -> None:
    text = ("Title\n\nWhat is on the table?\n\nA plan of twenty points is on the table now.\n\n"
            "Its details have not been published by either side.")
    spans = questions_before_answers(text, "Title")
    assert [text[start:end] for start, end in spans.values()] == ["What is on the table?"]


def test_an_answer_is_shown_with_its_question_and_still_verifies(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", INTERVIEW)})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0,
                     sections=[{"id": s} for s in ("state-of-talks", "sticking-points", "outlook", "background")])
    briefing = assemble_briefing(workspace, recipe)
    texts = [item.text for item in briefing.all_items()]
    asked = "Will there be a ceasefire before the summer?"
    (shown,) = [text for text in texts if "I think a ceasefire" in text]
    assert " ".join(shown.split()).startswith(asked + " I think a ceasefire")
    (three,) = [text for text in texts if "Three things." in text]
    assert " ".join(three.split()).startswith("What would make the Kremlin move on the Donbas? Three things.")
    (item,) = [item for item in briefing.all_items() if "I think a ceasefire" in item.text]
    assert any(workspace.excerpt(i).text == asked for i in item.excerpt_ids)  # cites the question's passage too
    # An answer that reads alone, and the answer going on in a later paragraph, are shown as they are.
    assert any(text.startswith("The European reconstruction fund") for text in texts)
    assert any(text.startswith("Neither side has a reason") for text in texts)
    # Only the opening passage of an answer: a later one is not next to the question.
    assert any(text.startswith("I expect a second exchange") for text in texts)
    # A question that states something is shown once, with its answer, not also as an item of its own.
    assert [text for text in texts if "ten chapters of the peace framework" in text] == [
        next(text for text in texts if "It is meaningful for the families" in text)]
    # An answer's next sentence that says "he" of someone it names does not take it away from its question.
    (putin,) = [text for text in texts if "I think Vladimir Putin" in text]
    assert " ".join(putin.split()).startswith("Can Moscow wait? I think Vladimir Putin")
    # The passage after a short opening answer is shown with it and the question.
    (guarantees,) = [text for text in texts if "A European air mission" in text]
    assert " ".join(guarantees.split()).startswith(
        "Are the guarantees on offer credible? More credible than anything Kyiv had in 2022. A European air")
    markdown = render_markdown(briefing, template_dirs(paths, recipe))
    assert verify_brief(markdown, workspace, file=paths.root / "brief.md") == []


def test_an_answer_the_analyst_moved_keeps_its_section_beside_a_stronger_question(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", INTERVIEW)})
    workspace = load_workspace(paths)
    answer = next(e for e in workspace.excerpts if e.text.startswith("It is meaningful for the families"))
    sections = [{"id": s} for s in ("state-of-talks", "sticking-points", "outlook", "background")]
    for moved_to in ("outlook", "sticking-points"):
        recipe = _recipe(paths, workspace, key_points=0, moves={answer.id: moved_to}, sections=sections)
        briefing = assemble_briefing(workspace, recipe)
        (section,) = [s.id for s in briefing.sections for item in s.items if "meaningful for the families" in item.text]
        assert section == moved_to


def test_an_excluded_question_is_not_shown(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", INTERVIEW)})
    workspace = load_workspace(paths)
    question = next(e for e in workspace.excerpts if e.text == "Will there be a ceasefire before the summer?")
    recipe = _recipe(paths, workspace, key_points=0, exclude=[question.id],
                     sections=[{"id": s} for s in ("state-of-talks", "sticking-points", "outlook", "background")])
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert not any("Will there be a ceasefire" in text for text in texts)
    assert any(text.startswith("I think a ceasefire") for text in texts)  # the answer, as it is


SECTIONS = [{"id": s} for s in ("state-of-talks", "sticking-points", "outlook", "background")]
GUARANTEES = "Are the guarantees on offer credible?"
OPENING = "More credible than anything Kyiv had in 2022."


def _annotated(paths: ProjectPaths, workspace: Workspace, quotes: list[str], action: Action) -> Workspace:
    """The workspace again, once the analyst has annotated each of ``quotes`` in source "i" with ``action``."""
    text = workspace.corpus.source("i").text
    for quote in quotes:
        start = text.index(quote)
        add_annotation(paths.corpus, "i", make_annotation(text, start, start + len(quote), action))
    workspace.index.close()
    return load_workspace(paths)


def test_an_analysts_excerpt_beside_an_answer_does_not_stand_in_for_its_opening(tmp_path: Path) -> None:
    # An analyst's excerpt is placed at position 0 of the paragraph it starts in, where the short opening
    # answer is: the answer's item still shows the rules' opening, and cites it.
    later = "Russia will call every one of these steps a provocation and will answer them along the front."
    interview = INTERVIEW.replace("ratified by parliaments.", "ratified by parliaments. " + later)
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", interview)})
    workspace = _annotated(paths, load_workspace(paths), [later], "excerpt")
    (opening,) = [e for e in workspace.excerpts_of("i") if e.text == OPENING]
    (analysts,) = [e for e in workspace.excerpts_of("i") if e.origin == "analyst"]
    assert (analysts.paragraph, analysts.position) == (opening.paragraph, opening.position)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, sections=SECTIONS))
    (item,) = [item for item in briefing.all_items() if "A European air mission" in item.text]
    assert " ".join(item.text.split()).startswith(f"{GUARANTEES} {OPENING} A European air mission")
    assert opening.id in item.excerpt_ids and analysts.id not in item.excerpt_ids


def test_an_answer_is_not_shown_with_a_question_the_analyst_rejected(tmp_path: Path) -> None:
    # Both an answer that needs its question and the passage after a short opening answer.
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", INTERVIEW)})
    rejected = [GUARANTEES, "Will there be a ceasefire before the summer?"]
    workspace = _annotated(paths, load_workspace(paths), rejected, "reject")
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, sections=SECTIONS))
    texts = [item.text for item in briefing.all_items()]
    assert not any(question in text for question in rejected for text in texts)
    assert any(text.startswith("I think a ceasefire") for text in texts)  # the answers, as they are
    assert any(text.startswith("A European air mission") for text in texts)


@pytest.mark.parametrize(("key", "passage"), [("pin", OPENING), ("include", GUARANTEES)])
@pytest.mark.parametrize("answer_included", [False, True], ids=["answer ranked", "answer included"])
def test_a_passage_the_recipe_makes_an_item_is_not_shown_again_with_an_answer(
        tmp_path: Path, key: str, passage: str, answer_included: bool) -> None:
    # Shown with the answer too, it would be printed twice (an included answer) or lose the answer, which
    # would only repeat the item (a ranked one).
    paths = _project(tmp_path, {"i": ("2025-12-17", "Review", INTERVIEW)})
    workspace = load_workspace(paths)
    (chosen,) = [e for e in workspace.excerpts_of("i") if e.text == passage]
    (answer,) = [e for e in workspace.excerpts_of("i") if e.text.startswith("A European air mission")]
    included = [answer.id] if answer_included else []
    keys = {"pin": [chosen.id], "include": included} if key == "pin" else {"include": [chosen.id, *included]}
    recipe = _recipe(paths, workspace, key_points=0, sections=SECTIONS, **keys)
    texts = [item.text for item in assemble_briefing(workspace, recipe).all_items()]
    assert sum(passage in text for text in texts) == 1
    assert answer.text in texts  # the answer, as it is


GREETING = ("ANCHOR: Good evening. Russian and American envoys have held a second day of talks in Miami on ending "
            "the war in Ukraine.")
INTRODUCTION = ("ANCHOR: Hanna Kovalska in Kyiv. Well, joining me in the studio is Daniel Ferreira, senior fellow at "
                "the Lisbon Institute for Security Studies.")
ANSWER = ("DANIEL FERREIRA (analyst): Closer between Washington and Kyiv, certainly. Between Washington and Moscow, "
          "I'm not sure. The Russians came to Miami to talk about business and sanctions, about what Mr Dmitriev "
          "calls economic cooperation, not about the front line.")


def _transcript_items(tmp_path: Path, ending: str) -> list[BriefItem]:
    """A brief of a transcript (w7) in which the anchor introduces a guest and ends on ``ending``."""
    paths = _project(tmp_path, {"t": ("2025-12-21", "Evening Report", "\n\n".join(
        [GREETING, f"{INTRODUCTION} {ending}", ANSWER]))})
    workspace = load_workspace(paths)
    return assemble_briefing(workspace, _recipe(paths, workspace, key_points=0, sections=SECTIONS)).all_items()


def test_an_answer_after_a_long_introduction_is_shown_after_the_question_alone(tmp_path: Path) -> None:
    """w7: the anchor's question ends a long introduction of the guest; introduction and answer together are
    more words than a pair may take, the question and the answer are not. "Closer between Washington and Kyiv,
    certainly." alone does not say what is closer."""
    asked = "Daniel, is a deal closer tonight than it was a week ago?"
    items = _transcript_items(tmp_path, asked)
    [item] = [item for item in items if "Closer between Washington and Kyiv" in item.text]
    assert " ".join(item.text.split()) == f"{asked} {ANSWER}"
    assert not any(INTRODUCTION[8:40] in item.text for item in items if "Closer" in item.text)


def test_a_question_about_what_the_long_turn_said_is_not_shown_alone(tmp_path: Path) -> None:
    """w7: "Europe has also found 90 billion euros … Does that change the picture?" Cut from the turn, "Does that
    change the picture?" asks of nothing the reader has: the answer is not shown after it."""
    items = _transcript_items(tmp_path, "Europe has also found 90 billion euros for Ukraine this week without "
                                        "touching the frozen assets. Does that change the picture?")
    assert not any("Does that change the picture?" in item.text for item in items)


@pytest.mark.parametrize(("question", "leans"), [
    ("Does that change the picture?", True),
    ("Daniel, does that help?", True),
    ("Is that meaningful?", True),
    ("Can it last?", True),
    ("What does it mean for Kyiv?", True),
    ("Daniel, is a deal closer tonight than it was a week ago?", False),
    ("Is it likely that Moscow agrees?", False),  # "it" stands for what follows
    ("Is it too late to save the talks?", False),
    ("Will this week's meeting help?", False),
    ("Europe found the money. Does that change the picture?", False),  # "that" is in the passage
    ("What happens next?", False),
])
def test_a_question_about_a_that_or_an_it_it_does_not_name_asks_of_what_came_before(question: str,
                                                                                      leans: bool) -> None:
    assert asks_of_what_came_before(question) is leans


def test_the_guests_label_after_the_question_is_set_in_bold_and_checked_as_text(tmp_path: Path) -> None:
    """Plain, "… a week ago? DANIEL FERREIRA (analyst): Closer …" reads the guest's name into the anchor's
    question; the brief sets it in bold, as it does a turn's opening label, and verify reads it as the text it
    is: a changed name is caught, an editor's bold is not a change."""
    asked = "Daniel, is a deal closer tonight than it was a week ago?"
    paths = _project(tmp_path, {"t": ("2025-12-21", "Evening Report", "\n\n".join(
        [GREETING, f"{INTRODUCTION} {asked}", ANSWER]))})
    workspace = load_workspace(paths)
    recipe = _recipe(paths, workspace, key_points=0, sections=SECTIONS)
    markdown = render_markdown(assemble_briefing(workspace, recipe), template_dirs(paths, recipe))
    lines = markdown.splitlines()
    [at] = [i for i, line in enumerate(lines) if "Closer between" in line]
    assert lines[at].startswith(f"- {asked} **DANIEL FERREIRA (analyst):** Closer between Washington and Kyiv,")
    assert verify_brief(markdown, workspace) == []
    for edited, caught in (("**DANIEL FERREIRA (analyst):**", False), ("**DANIEL FERRIERA (analyst):**", True),
                           ("**DANIEL FERREIRA (ambassador):**", True),
                           ("**DANIEL FERREIRA (analyst)**:", False),  # an editor's emphasis is no change of words
                           ("**DANIEL FERREIRA (analyst)**: **Closer**", True)):  # "Closer Closer"
        lines_edited = [*lines[:at], lines[at].replace("**DANIEL FERREIRA (analyst):**", edited), *lines[at + 1:]]
        mismatches = verify_brief("\n".join(lines_edited) + "\n", workspace)
        assert [(m.line, m.kind) for m in mismatches] == ([(at + 1, "statement")] if caught else [])


def test_an_answer_whose_question_is_too_long_to_show_ranks_as_a_passage_that_leans(tmp_path: Path) -> None:
    """When even the question alone is too long to show with the answer, the answer ranks as a passage that
    leans, by as much as one that is given its question gains."""
    def answer_score(ending: str, folder: str) -> float:
        (tmp_path / folder).mkdir()
        [item] = [item for item in _transcript_items(tmp_path / folder, ending) if item.text == ANSWER]
        return item.score

    told = answer_score("Daniel, the talks moved a little this week.", "told")  # nothing asked: no answer
    asked = answer_score("Daniel, after a week in which the envoys met in Berlin and then in Miami, and in which "
                         "the Europeans found ninety billion euros for Kyiv without touching the frozen Russian "
                         "assets, is a deal any closer tonight?", "asked")
    assert asked == pytest.approx(told - LEANING_PENALTY)
