"""brief.annotations, and that brief.excerpts / brief.workspace apply them.

The analyst's annotations live in <corpus>/annotations/<source>.yaml. They must be
readable, written atomically, win over the rules, survive a change of the source's
text, and never vanish silently when they can no longer be placed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from brief.annotations import (
    CONTEXT_CHARS,
    Annotation,
    annotations_path,
    load_source_annotations,
    make_annotation,
    save_annotations,
)
from brief.excerpts import Excerpt
from brief.workspace import ProjectPaths, Workspace, load_workspace

SOURCE = "002_e759f5f9dd5bc10b"
QUOTE_START = "Moscow continues to insist"
DATA = Path(__file__).resolve().parent / "data" / "annotations"


def load(project: Path) -> Workspace:
    return load_workspace(ProjectPaths(root=project, corpus=project / "seeds", briefings=project / "briefings"))


def seed_file(project: Path) -> Path:
    [path] = (project / "seeds").glob(f"{SOURCE}.*")
    return path


def excerpt_at(workspace: Workspace, phrase: str) -> Excerpt:
    """The excerpt of SOURCE whose text holds ``phrase``."""
    [excerpt] = [e for e in workspace.excerpts_of(SOURCE) if phrase in e.text]
    return excerpt


def source_text(workspace: Workspace) -> str:
    return workspace.corpus.by_id()[SOURCE].text


def test_make_annotation_keeps_quote_and_context(shipped_workspace: Workspace) -> None:
    text = source_text(shipped_workspace)
    excerpt = excerpt_at(shipped_workspace, QUOTE_START)
    note = make_annotation(text, excerpt.start, excerpt.end, "excerpt", topics=["territory"], section="outlook")
    assert note.quote == excerpt.text == text[excerpt.start:excerpt.end]
    assert note.context_before == text[excerpt.start - CONTEXT_CHARS:excerpt.start]
    assert note.context_after == text[excerpt.end:excerpt.end + CONTEXT_CHARS]
    assert (note.start, note.end, note.topics, note.section) == (excerpt.start, excerpt.end, ["territory"], "outlook")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (10, 3), (-1, 4), (0, 10**9)])
def test_make_annotation_refuses_an_empty_or_outside_span(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_annotation("some text", start, end, "excerpt")


def test_saved_file_is_readable_yaml_written_atomically(project: Path) -> None:
    workspace = load(project)
    text = source_text(workspace)
    excerpt = excerpt_at(workspace, QUOTE_START)
    notes = [make_annotation(text, excerpt.start, excerpt.end, "excerpt", topics=["territory", "nato"],
                             section="outlook", note="the Russian position")]
    path = save_annotations(project / "seeds", SOURCE, notes)
    assert path == project / "seeds" / "annotations" / f"{SOURCE}.yaml" == annotations_path(project / "seeds", SOURCE)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# ")  # a header that says what the file is
    assert "’" in written  # Unicode kept as is, not escaped
    data = yaml.safe_load(written)
    assert data["source"] == SOURCE
    [entry] = data["annotations"]
    assert entry["action"] == "excerpt"
    assert entry["quote"] == excerpt.text
    assert entry["topics"] == ["territory", "nato"] and entry["section"] == "outlook"
    assert entry["note"] == "the Russian position"
    assert Annotation(**entry) == notes[0]


def test_saving_again_replaces_the_file(project: Path) -> None:
    workspace = load(project)
    text = source_text(workspace)
    first = make_annotation(text, 0, 10, "reject")
    second = make_annotation(text, 20, 30, "reject")
    save_annotations(project / "seeds", SOURCE, [first, second])
    path = save_annotations(project / "seeds", SOURCE, [second])
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]) == 1
    assert len(list(path.parent.iterdir())) == 1


def test_analyst_excerpt_replaces_the_automatic_excerpts_it_overlaps(project: Path) -> None:
    before = load(project)
    problems_before = list(before.problems)
    source_before, others_before_all = before.excerpts_of(SOURCE), [e for e in before.excerpts if e.source_id != SOURCE]
    text = source_text(before)
    first = excerpt_at(before, QUOTE_START)
    [second] = [e for e in source_before if e.start >= first.end][:1]
    # From the middle of one automatic excerpt to the middle of the next.
    start, end = first.start + 10, second.start + 15
    save_annotations(project / "seeds", SOURCE, [
        make_annotation(text, start, end, "excerpt", topics=["humanitarian"], section="outlook")])

    after = load(project)
    assert after.problems == problems_before
    ids = {e.id for e in after.excerpts_of(SOURCE)}
    assert first.id not in ids and second.id not in ids
    [mine] = [e for e in after.excerpts_of(SOURCE) if e.origin == "analyst"]
    assert (mine.start, mine.end) == (start, end)
    assert mine.text == text[start:end]
    assert mine.topics == ("humanitarian",)
    assert mine.section == "outlook"
    # Everything else is as the rules left it, and still in text order.
    others_before = [e for e in source_before if e.id not in (first.id, second.id)]
    assert [e for e in after.excerpts_of(SOURCE) if e.origin == "rules"] == others_before
    starts = [e.start for e in after.excerpts_of(SOURCE)]
    assert starts == sorted(starts)
    # Other sources are untouched.
    assert [e for e in after.excerpts if e.source_id != SOURCE] == others_before_all


def test_reject_removes_the_automatic_excerpt(project: Path) -> None:
    before = load(project)
    count_before = len(before.excerpts)  # the workspace reads the index live: count before the change
    text = source_text(before)
    target = excerpt_at(before, QUOTE_START)
    save_annotations(project / "seeds", SOURCE, [make_annotation(text, target.start + 5, target.start + 30, "reject")])
    after = load(project)
    assert target.id not in {e.id for e in after.excerpts}
    assert not [e for e in after.excerpts if e.origin == "analyst"]
    assert len(after.excerpts) == count_before - 1


def test_annotation_reattaches_after_the_text_moves(project: Path) -> None:
    before = load(project)
    old_text = source_text(before)
    target = excerpt_at(before, QUOTE_START)
    save_annotations(project / "seeds", SOURCE, [
        make_annotation(old_text, target.start, target.end, "excerpt", topics=["territory"], section="outlook")])

    inserted = "An editor's note added after publication, to shift every later offset.\n\n"
    article = seed_file(project)
    raw = article.read_text(encoding="utf-8")
    article.write_text(raw.replace(QUOTE_START, inserted + QUOTE_START, 1), encoding="utf-8")

    after = load(project)
    new_text = source_text(after)
    assert new_text != old_text and inserted.strip() in new_text
    placed = load_source_annotations(project / "seeds", SOURCE, new_text, after.taxonomy)
    assert placed.problems == []
    [anchored] = placed.anchored
    assert anchored.moved is True
    assert new_text[anchored.start:anchored.end] == target.text
    assert anchored.start == new_text.index(QUOTE_START) > target.start

    [mine] = [e for e in after.excerpts_of(SOURCE) if e.origin == "analyst"]
    assert (mine.start, mine.end, mine.text) == (anchored.start, anchored.end, target.text)
    assert mine.section == "outlook" and mine.topics == ("territory",)
    assert after.problems == before.problems


def test_unchanged_text_is_not_moved(project: Path) -> None:
    workspace = load(project)
    text = source_text(workspace)
    target = excerpt_at(workspace, QUOTE_START)
    save_annotations(project / "seeds", SOURCE, [make_annotation(text, target.start, target.end, "reject")])
    [anchored] = load_source_annotations(project / "seeds", SOURCE, text, workspace.taxonomy).anchored
    assert (anchored.start, anchored.end, anchored.moved) == (target.start, target.end, False)


def test_reattaching_picks_the_copy_with_the_same_context(project: Path) -> None:
    """When the quote now appears twice, the context says which one was meant."""
    before = load(project)
    old_text = source_text(before)
    target = excerpt_at(before, QUOTE_START)
    save_annotations(project / "seeds", SOURCE, [
        make_annotation(old_text, target.start, target.end, "excerpt", topics=["territory"])])

    article = seed_file(project)
    raw = article.read_text(encoding="utf-8")
    # A copy of the quote, in another context, right where the original used to be:
    # nearer to the stale offsets than the original, so only the context can tell.
    article.write_text(raw.replace(QUOTE_START, f"Quoted: {target.text} Unquote.\n\n{QUOTE_START}", 1),
                       encoding="utf-8")
    after = load(project)
    new_text = source_text(after)
    copy = new_text.index(target.text)
    original = new_text.index(target.text, copy + 1)
    assert abs(copy - target.start) < abs(original - target.start)
    [anchored] = load_source_annotations(project / "seeds", SOURCE, new_text, after.taxonomy).anchored
    assert (anchored.start, anchored.moved) == (original, True)


def test_hand_written_offsets_are_corrected_by_the_quote(project: Path) -> None:
    before = load(project)
    rejected = excerpt_at(before, "Putin’s late arrival to the meeting")
    target = annotations_path(project / "seeds", SOURCE)
    target.parent.mkdir()
    shutil.copy(DATA / "stale_offsets.yaml", target)
    after = load(project)
    assert after.problems == before.problems
    text = source_text(after)
    [mine] = [e for e in after.excerpts_of(SOURCE) if e.origin == "analyst"]
    assert mine.text == "Moscow continues to insist on the full recognition of its claims"
    assert mine.start == text.index(mine.text)
    assert mine.section == "sticking-points"
    assert rejected.id not in {e.id for e in after.excerpts}


def break_the_quote(project: Path) -> Path:
    """Annotate a sentence, then change that sentence in the article; returns the annotation file."""
    workspace = load(project)
    text = source_text(workspace)
    target = excerpt_at(workspace, QUOTE_START)
    keep = make_annotation(text, 0, 20, "reject")
    lost = make_annotation(text, target.start, target.end, "excerpt", topics=["territory"], section="outlook")
    path = save_annotations(project / "seeds", SOURCE, [keep, lost])
    article = seed_file(project)
    raw = article.read_text(encoding="utf-8")
    article.write_text(raw.replace(QUOTE_START, "Moscow keeps pressing", 1), encoding="utf-8")
    return path


def line_of_item(path: Path, index: int) -> int:
    """1-based line of the index-th ``- action:`` item in an annotation file."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.lstrip().startswith("- action:")]
    return lines[index]


def test_a_lost_quote_is_a_problem_not_a_silent_drop(project: Path) -> None:
    path = break_the_quote(project)
    workspace = load(project)
    [problem] = workspace.problems
    assert problem.file == path
    assert problem.line == line_of_item(path, 1)
    assert "cannot re-attach" in problem.message and "Moscow continues to insist" in problem.message
    assert not [e for e in workspace.excerpts if e.origin == "analyst"]


def test_check_reports_a_lost_quote_with_file_and_line(project: Path, cli) -> None:
    path = break_the_quote(project)
    result = cli("check", cwd=project)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert f"{path}:{line_of_item(path, 1)}: annotations[1]: cannot re-attach this excerpt" in result.err


def test_unknown_topic_in_an_annotation_file_gets_a_hint(project: Path, cli) -> None:
    target = annotations_path(project / "seeds", SOURCE)
    target.parent.mkdir()
    shutil.copy(DATA / "unknown_topic.yaml", target)
    problems = load(project).problems
    assert [(p.line, p.field, p.value, p.hint) for p in problems] == [
        (9, "annotations[0].topics[0]", "teritory", "did you mean 'territory'?"),
        (10, "annotations[0].section", "outlok", "did you mean 'outlook'?"),
    ]
    assert all(p.file == target for p in problems)
    result = cli("check", cwd=project)
    assert result.code == 2
    assert result.err.startswith("brief: 2 problems:\n")
    assert f"  {target}:9: annotations[0].topics[0]: unknown topic (got 'teritory')\n" \
           "      did you mean 'territory'?" in result.err


def test_annotation_file_for_another_source_is_reported(project: Path) -> None:
    workspace = load(project)
    text = source_text(workspace)
    path = save_annotations(project / "seeds", SOURCE, [make_annotation(text, 0, 20, "reject")])
    path.write_text(path.read_text(encoding="utf-8").replace(f"source: {SOURCE}", "source: 003_other"),
                    encoding="utf-8")
    [problem] = load(project).problems
    assert (problem.file, problem.field, problem.value) == (path, "source", "003_other")


def test_broken_annotation_file_is_reported_and_the_rest_still_loads(project: Path) -> None:
    before = load(project)
    path = annotations_path(project / "seeds", SOURCE)
    path.parent.mkdir()
    path.write_text("source: 002_e759f5f9dd5bc10b\nannotations:\n  - action: highlight\n    quote: x\n"
                    "    start: 0\n    end: 1\n", encoding="utf-8")
    after = load(project)
    [problem] = after.problems
    assert (problem.file, problem.line, problem.field) == (path, 3, "annotations[0].action")
    assert len(after.excerpts) == len(before.excerpts)


MOVED_START = "The renewed, high-stakes diplomatic effort"


def move_one_and_lose_one(project: Path) -> tuple[Path, Annotation, Annotation]:
    """Annotate two sentences, then change the article: text before the first, the second reworded."""
    workspace = load(project)
    text = source_text(workspace)
    first, second = excerpt_at(workspace, MOVED_START), excerpt_at(workspace, QUOTE_START)
    moving = make_annotation(text, first.start, first.end, "excerpt", topics=["diplomacy-process"],
                             section="state-of-talks")
    lost = make_annotation(text, second.start, second.end, "excerpt", topics=["territory"], section="outlook")
    path = save_annotations(project / "seeds", SOURCE, [moving, lost])
    article = seed_file(project)
    raw = article.read_text(encoding="utf-8")
    raw = raw.replace(MOVED_START, "Negotiators met again in Geneva on Friday, officials said.\n\n" + MOVED_START, 1)
    article.write_text(raw.replace(QUOTE_START, "Moscow keeps pressing", 1), encoding="utf-8")
    return path, moving, lost


def test_check_reports_a_moved_and_a_lost_annotation_and_keeps_the_file(project: Path, cli) -> None:
    path, moving, lost = move_one_and_lose_one(project)
    saved = path.read_bytes()
    result = cli("check", cwd=project)
    assert result.code == 2, "an annotation that cannot be placed is a problem"
    assert "Traceback" not in result.err
    assert (f"{path}:{line_of_item(path, 1)}: annotations[1]: cannot re-attach this excerpt: its quote is no "
            f"longer in the text of source {SOURCE}: “{lost.quote[:77]}…”") in result.err
    now = source_text(load(project)).index(moving.quote)
    assert now != moving.start, "the edit moved the first quote"
    assert (f"note: {path}:{line_of_item(path, 0)}: annotations[0]: excerpt re-attached after the text of source "
            f"{SOURCE} changed: “{moving.quote[:77]}…” (was at {moving.start}–{moving.end}, now at "
            f"{now}–{now + len(moving.quote)})") in result.out
    assert "annotations[1]" not in result.out and "annotations[0]" not in result.err
    assert cli("build", "briefings/situation.yaml", "--format", "md", "--out", "out", cwd=project).code == 0
    assert path.read_bytes() == saved, "neither check nor build rewrites the analyst's file"
    [mine] = [e for e in load(project).excerpts_of(SOURCE) if e.origin == "analyst"]
    assert mine.text == moving.quote, "the moved annotation still applies; the lost one is not silently placed"


def test_check_with_only_moved_annotations_passes_and_says_so(project: Path, cli) -> None:
    path, moving, _ = move_one_and_lose_one(project)
    save_annotations(project / "seeds", SOURCE, [moving])
    result = cli("check", cwd=project)
    assert result.code == 0, result.err
    assert f"note: {path}:{line_of_item(path, 0)}: annotations[0]: excerpt re-attached" in result.out
    assert "no problems found" in result.out


def test_check_reports_annotations_whose_source_is_gone(project: Path, cli) -> None:
    workspace = load(project)
    path = save_annotations(project / "seeds", SOURCE, [make_annotation(source_text(workspace), 0, 20, "reject")])
    seed_file(project).unlink()
    result = cli("check", cwd=project)
    assert result.code == 2
    assert (f"{path}: annotations for source {SOURCE}, which is not in the corpus: 1 annotation not applied"
            in result.err)
    assert path.is_file()
