"""brief.rebuild and ``brief rebuild``: an old edition again, byte for byte, or the reason why not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .conftest import build_weekly, project_paths

EARLIER, LATER = dt.date(2025, 12, 2), dt.date(2025, 12, 4)
CITED = "002_e759f5f9dd5bc10b"
"""Dated 4 December 2025: cited by the weekly brief as of that day."""


def article(project: Path, source_id: str) -> Path:
    [path] = (project / "seeds").glob(f"{source_id}.*")
    return path


def test_rebuilding_gives_the_same_markdown_even_after_the_recipe_and_folder_changed(project: Path, cli) -> None:
    build_weekly(project, EARLIER)
    later = build_weekly(project, LATER)
    assert "**New**" in later.markdown, "compared with the earlier edition"
    recipe = project / "briefings" / "weekly.yaml"
    recipe.write_text(recipe.read_text(encoding="utf-8").replace("key_points: 3", "key_points: 1"), encoding="utf-8")
    (project / "out" / "weekly-2025-12-02.manifest.json").unlink()
    (project / "out" / "weekly-2025-12-02.md").unlink()
    result = cli("rebuild", "out/weekly-2025-12-04.manifest.json", cwd=project)
    assert result.code == 0, result.err
    rebuilt = project / "out" / "rebuilt" / "weekly-2025-12-04.md"
    assert result.out.splitlines() == [str(Path("out/rebuilt/weekly-2025-12-04.md")),
                                       str(Path("out/rebuilt/weekly-2025-12-04.manifest.json"))]
    assert rebuilt.read_bytes() == later.written[0].read_bytes()
    assert "rebuilt byte for byte" in result.err and "warning" not in result.err
    again = (project / "out" / "rebuilt" / "weekly-2025-12-04.manifest.json").read_bytes()
    assert again == (project / "out" / "weekly-2025-12-04.manifest.json").read_bytes()


def test_a_changed_cited_article_is_named_and_nothing_is_written(project: Path, cli) -> None:
    built = build_weekly(project, LATER)
    assert "environment surrounding the talks" in built.markdown, "the edit below must change a cited item"
    path = article(project, CITED)
    path.write_text(path.read_text(encoding="utf-8").replace("environment surrounding the talks", "mood around the talks"),
                    encoding="utf-8")
    result = cli("rebuild", "out/weekly-2025-12-04.manifest.json", "--out", "again", cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    manifest = Path("out/weekly-2025-12-04.manifest.json")
    assert (f"{manifest}: the rebuilt brief would differ from the edition of 2025-12-04; nothing was written"
            in result.err)
    assert f"{manifest}: sources.{CITED}: cited by this edition: the article changed since (content hash" in result.err
    assert "003_5b825d6438a3e144" not in result.err, "the unchanged source is not blamed"
    assert not (project / "again").exists()


def test_a_source_gone_from_the_corpus_is_named(project: Path, cli) -> None:
    build_weekly(project, LATER)
    article(project, CITED).unlink()
    result = cli("rebuild", "out/weekly-2025-12-04.manifest.json", cwd=project)
    assert result.code == 2
    assert f"sources.{CITED}: cited by this edition, no longer in the corpus" in result.err


def test_a_new_article_in_the_old_window_is_named(project: Path, cli) -> None:
    build_weekly(project, LATER)
    (project / "seeds" / "010_late_arrival.md").write_text(
        "---\ntitle: Talks to resume in Geneva\npublished: 2025-12-03\n---\n\n"
        "Negotiators from Ukraine and the United States will meet again in Geneva next week to discuss the "
        "revised peace plan, officials said on Wednesday.\n", encoding="utf-8")
    result = cli("rebuild", "out/weekly-2025-12-04.manifest.json", cwd=project)
    assert result.code == 2
    assert "sources.010_late_arrival: a source in this edition's window that it did not have" in result.err


def test_rebuild_of_a_missing_or_damaged_manifest_is_a_user_error(project: Path, cli) -> None:
    missing = cli("rebuild", "out/nothing.manifest.json", cwd=project)
    assert missing.code == 2 and "out/nothing.manifest.json: manifest not found" in missing.err
    damaged = project / "out" / "weekly-2025-12-04.manifest.json"
    damaged.parent.mkdir()
    damaged.write_text('{"kind": "brief edition manifest",\n "version": 2\n}', encoding="utf-8")
    result = cli("rebuild", damaged, cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{damaged}: version: manifest version 2: this brief reads version 1 only" in result.err


def test_a_change_that_leaves_the_brief_as_it_was_is_a_warning(project: Path, cli) -> None:
    from brief.annotations import make_annotation, save_annotations
    from brief.workspace import load_workspace

    edition = build_weekly(project, LATER)
    used = {i for item in edition.briefing.all_items() for i in item.excerpt_ids}
    workspace = load_workspace(project_paths(project))
    unused = next(e for e in workspace.excerpts_of(CITED) if e.id not in used and not e.topics)
    text = workspace.corpus.source(CITED).text
    save_annotations(project / "seeds", CITED, [make_annotation(text, unused.start, unused.end, "reject")])
    result = cli("rebuild", "out/weekly-2025-12-04.manifest.json", cwd=project)
    assert result.code == 0, result.err
    assert (f"warning: {Path('out/weekly-2025-12-04.manifest.json')}: sources.{CITED}: cited by this edition: the "
            "analyst's annotations of it changed since, but the brief is the same") in result.err
    assert (project / "out" / "rebuilt" / "weekly-2025-12-04.md").read_bytes() == edition.written[0].read_bytes()
