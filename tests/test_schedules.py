"""Announcements of what is due: old news once their period is over, or once a later source reports on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import brief.assembly
from brief.assembly import assemble_briefing
from brief.excerpts import Excerpt
from brief.schedules import superseded
from brief.workspace import load_workspace

from .test_assembly import OTHER_NEWS, _project, _recipe

DUE = ("EU leaders are due to decide at a summit next week whether to use immobilised Russian assets to fund a "
       "loan of up to 90 billion euros for Ukraine.")
DONE = ("After Belgium refused to back the plan to use immobilised Russian central bank assets, the 27 instead "
        "agreed to raise €90bn through joint borrowing backed by the EU budget.")
OTHER = "EU leaders argued late into the night over how to keep Ukraine's army and budget funded."


def _excerpt(excerpt_id: str, source_id: str, text: str, published: dt.date | None) -> Excerpt:
    return Excerpt(id=excerpt_id, source_id=source_id, start=0, end=len(text), text=text, topics=(),
                   section="outlook", topic_score=1.0, section_score=1.0, paragraph=0, position=0,
                   published=published)


def test_an_announcement_is_old_news_when_a_later_source_gives_its_figure_or_its_period_is_over() -> None:
    due = _excerpt("due", "a", DUE, dt.date(2025, 12, 9))  # next week: 15–21 December
    done = _excerpt("done", "b", DONE, dt.date(2025, 12, 19))
    other = _excerpt("other", "b", OTHER, dt.date(2025, 12, 19))
    assert superseded([due, done], dt.date(2025, 12, 19), {}) == {"due"}
    assert superseded([due, other], dt.date(2025, 12, 19), {}) == set()  # nothing says what became of it
    assert superseded([due], dt.date(2025, 12, 14), {}) == set()  # not begun yet
    assert superseded([due], dt.date(2025, 12, 22), {}) == {"due"}  # the week is over
    assert superseded([due, done], dt.date(2025, 12, 19), {"a": True}) == set()  # its date only the earliest
    early = _excerpt("done", "b", DONE, dt.date(2025, 12, 12))  # reported before the period began: not its outcome
    assert superseded([due, early], dt.date(2025, 12, 19), {}) == set()


def test_what_became_of_an_announcement_leads_the_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _project(tmp_path, {
        "a": ("2025-12-09", "Alpha Post", "\n\n".join([DUE, *OTHER_NEWS[:3]])),
        "b": ("2025-12-19", "Beta News", "\n\n".join([DONE, *OTHER_NEWS[3:]])),
    })
    workspace = load_workspace(paths)
    briefing = assemble_briefing(workspace, _recipe(paths, workspace, key_points=1))
    texts = [item.text for item in briefing.all_items()]
    assert texts.index(DONE) < texts.index(DUE)  # still in the brief, after what happened
    monkeypatch.setattr(brief.assembly, "PASSED_SCHEDULE_PENALTY", 0.0)
    texts = [item.text for item in assemble_briefing(workspace, _recipe(paths, workspace, key_points=1)).all_items()]
    assert texts.index(DUE) < texts.index(DONE)  # the announcement, in its article's lead, would lead
